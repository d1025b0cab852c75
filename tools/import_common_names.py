r"""Import the common names of the data's states in English and Russian, and OCHA's regular expressions.

    python tools/import_common_names.py          # write src/smuggling_wg/data/common-names.yaml
    python tools/import_common_names.py --check  # exit 1 if common-names.yaml is not what the sources give

Sources, all well kept and none typed by hand:

* CLDR territory names in English and Russian through ``babel`` (``Locale("en").territories``:
  "Russia", "United States", "Türkiye", «Россия», «Великобритания»). babel drops CLDR's
  alternative forms when it imports CLDR, so the short and variant forms ("US", "UK",
  "Czech Republic", «США», «Турция») come from CLDR's own JSON of the same names,
  ``cldr-localenames-modern`` (its ``main/{en,ru}/territories.json``, kept untouched in
  tests/fixtures/, version and SHA-256 below, checked here). To refresh them:

      npm pack cldr-localenames-modern@VERSION && tar xzf cldr-localenames-modern-VERSION.tgz
      cp package/main/en/territories.json tests/fixtures/cldr-VERSION-en-territories.json  (and ru)

* OCHA's Countries & Territories taxonomy (the file tools/import_un_names.py reads, with its
  recorded version and SHA-256): its English terms (preferred, ISO, DGACM, HPC Tools, ReliefWeb
  short and alternative names, the formal and M49 names: "USA", "UK", "DR Congo"), its Russian
  UN short and M49 names, and its
  "Regex" column, OCHA's regular expression for finding the country in free text.

The regular expressions are not lookup keys (they are patterns, not names). They are kept with
each state: the library tries them only when no key matches (``ds.actor("Republic of Turkey")``),
and the tests check that every English name generated here matches its state's expression,
so the two sources agree. Written for the states of actors.yaml, in its order, then for every
other state or territory of OCHA's taxonomy that CLDR names, in OCHA's order. Deterministic.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

from generated import run
from import_un_names import ROOT, SOURCE, SOURCE_SHA256, SOURCE_VERSION
from smuggling_wg._fold import fold

FIXTURES = ROOT / "tests" / "fixtures"
CLDR_VERSION = "45"
CLDR_PACKAGE = "cldr-localenames-modern 45.0.0"
CLDR_SHA256 = {
    "en": "d70a480bc5d589f5ab0e77573b61f4e9ba98a69c07f1a3548bea022fa7759c7d",
    "ru": "dbc4f05ff8b281bf4ee4c5855213b16263a3dbf95e3e2385b1a176057b00ff00",
}
ACTORS = ROOT / "src" / "smuggling_wg" / "data" / "actors.yaml"
TARGET = ROOT / "src" / "smuggling_wg" / "data" / "common-names.yaml"
#: OCHA's English columns that hold names (the six-language UN short names are in un-names.yaml).
OCHA_ENGLISH = (
    "Preferred Term",
    "ISO Alt Term",
    "DGACM Alt Term",
    "HPC Tools Alt Term",
    "RW Short Name",
    "RW API Alt Term",
    "English Formal",
    "M49 English",
)
#: OCHA's Russian names: the UN short name (UNTERM) and the M49 name.
OCHA_RUSSIAN = ("Russian Short", "M49 Russian")
_ALT = re.compile(r"^([A-Z]{2})-alt-(short|variant)$")


def _checked(path: Path, sha256: str) -> bytes:
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{path}: SHA-256 {digest} is not the recorded {sha256}")
    return raw


def cldr_alternatives(lang: str) -> dict[str, list[str]]:
    """CLDR's short and variant names by ISO alpha-2 ("US" -> ["US"], "CZ" -> ["Czech Republic"])."""
    path = FIXTURES / f"cldr-{CLDR_VERSION}-{lang}-territories.json"
    names = json.loads(_checked(path, CLDR_SHA256[lang]))["main"][lang]["localeDisplayNames"]["territories"]
    found: dict[str, list[str]] = {}
    for key, name in names.items():
        match = _ALT.match(key)
        if match:
            found.setdefault(match.group(1), []).append(name)
    return found


def ocha_rows() -> dict[str, dict[str, str]]:
    """OCHA's taxonomy rows by ISO alpha-3 (the recorded file only)."""
    import csv
    import io

    text = _checked(SOURCE, SOURCE_SHA256).decode("utf-8")
    return {row["ISO 3166-1 Alpha 3-Codes"]: row for row in csv.DictReader(io.StringIO(text))}


def names_of(alpha2: str, alpha3: str, ocha: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Every common name of one state by language, each once (compared folded), sources in order."""
    from babel import Locale

    row = ocha.get(alpha3, {})
    english = [
        Locale("en").territories.get(alpha2, ""),
        *cldr_alternatives("en").get(alpha2, []),
        *(row.get(column, "") for column in OCHA_ENGLISH),
    ]
    russian = [
        Locale("ru").territories.get(alpha2, ""),
        *cldr_alternatives("ru").get(alpha2, []),
        *(row.get(column, "") for column in OCHA_RUSSIAN),
    ]
    result = {}
    for lang, names in (("en", english), ("ru", russian)):
        seen: dict[str, str] = {}
        for name in names:
            if name.strip() and fold(name) not in seen:
                seen[fold(name)] = name.strip()
        result[lang] = list(seen.values())
    return result


def render() -> str:
    """The YAML file: the common names and OCHA's expression of every state in actors.yaml, in its order."""
    ocha = ocha_rows()
    states = [a for a in yaml.safe_load(ACTORS.read_text(encoding="utf-8"))["actors"] if a["kind"] == "state"]
    missing = [a["id"] for a in states if a["id"] not in ocha or not ocha[a["id"]]["Regex"]]
    if missing:
        raise SystemExit(f"no OCHA row with a regular expression for: {', '.join(missing)}")
    from babel import __version__ as babel_version
    from babel.core import get_cldr_version

    lines = [
        "# Common names of the states in English and Russian, and OCHA's regular expression for each:",
        "# common_names for the states of the data; other_states for every other state or territory of",
        "# OCHA's taxonomy (data added at load time may name them; a lookup can say they are not in the data).",
        f"# en: CLDR {get_cldr_version()} through babel {babel_version}, CLDR's short and variant forms from",
        f"# {CLDR_PACKAGE}, OCHA's English terms; ru: CLDR {get_cldr_version()} through babel, CLDR's",
        f"# short and variant forms. regex: OCHA's, from {SOURCE_VERSION}.",
        "# CLDR data: Copyright Unicode, Inc., under the Unicode License v3 (https://www.unicode.org/license.txt).",
        "# Generated by tools/import_common_names.py: do not edit by hand.",
    ]
    from babel import Locale

    ours = {a["id"] for a in states}
    others = [
        (row["ISO 3166-1 Alpha 2-Codes"], code)
        for code, row in ocha.items()
        if code not in ours and row["Regex"] and row["ISO 3166-1 Alpha 2-Codes"] in Locale("en").territories
    ]
    for section, chosen in (("common_names", [(a["alpha2"], a["id"]) for a in states]), ("other_states", others)):
        lines.append(f"{section}:")
        for alpha2, code in chosen:
            names = names_of(alpha2, code, ocha)
            entries = [f"{lang}: {json.dumps(names[lang], ensure_ascii=False)}" for lang in ("en", "ru")]
            entries.append(f"regex: {json.dumps(ocha[code]['Regex'], ensure_ascii=False)}")
            lines.append(f'  "{code}": {{{", ".join(entries)}}}')
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write common-names.yaml, or with --check only compare it; return the exit code."""
    return run(__doc__ or "", "import_common_names.py", lambda: {TARGET: render()}, argv)


if __name__ == "__main__":
    sys.exit(main())
