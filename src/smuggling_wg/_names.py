r"""Names as a reader sees them: compared after NFKC without invisible characters; no word mixing scripts.

Two names that look the same must be the same key: ``Ｉｔａｌｙ`` (full-width), ``Italy\u200b``
(a zero-width space) and ``It\u00adaly`` (a soft hyphen) are all ``italy`` (:func:`name_key`).
A name whose word mixes scripts (``Ιtaly``, whose first letter is a Greek iota) is refused
(:func:`mixed_script_word`). Scripts come from Unicode's own character names in
:mod:`unicodedata` ("GREEK CAPITAL LETTER IOTA"), so no table is kept up to date by hand.

Names of one script can look alike too: ``ItaIy`` (a capital I for the l), ``Ita1y``,
``Gerrnany`` (rn for m), ``N0RWAY``. :func:`looks` gives what a name looks like, whatever its
case: the *skeletons* of Unicode Technical Standard #39 (each character replaced by the
prototype of its confusables, ``I``, ``1`` and ``l`` all ``l``), of the name as written, in
lower case and in upper case. Two names look alike when they share one. The table of
prototypes, ``data/confusables.json``, is compiled from Unicode's ``confusables.txt`` by
``tools/confusables.py`` (its Unicode version and source are recorded in the file) and read on
the first comparison, never by ``import smuggling_wg`` or ``load()``. The runtime dependencies
stay pydantic, PyYAML, snowballstemmer and rich.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from ._fold import fold

__all__ = ["CONFUSABLES", "invisible", "looks", "mixed_script_word", "name_key", "skeleton"]

#: The compiled prototypes of Unicode's confusables (``tools/confusables.py``), in ``data/``.
CONFUSABLES = "confusables.json"
_BREVE = "\u0306"  # й and ў are letters of their own, as in fold()

# Default-ignorable characters that are not of category Cf (format), which all are: the
# combining grapheme joiner, Hangul fillers, Khmer inherent vowels, variation selectors.
_IGNORABLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0") | frozenset(
    map(chr, [*range(0x180B, 0x1810), *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)])
)
# Scripts written together in one word: Japanese (kanji and kana) and Korean (hanja and hangul).
_ONE_SCRIPT = {"CJK": "CJK", "HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "IDEOGRAPHIC": "CJK"}


def invisible(char: str) -> bool:
    """True for a character that shows nothing: zero-width, soft hyphen, joiners, fillers, selectors."""
    return unicodedata.category(char) == "Cf" or char in _IGNORABLE


def _visible(text: str) -> str:
    """NFKC, without invisible characters, spaces collapsed: a name as it shows."""
    normal = unicodedata.normalize("NFKC", text)
    if not normal.isascii():
        normal = "".join(c for c in normal if not invisible(c))
    return " ".join(normal.split())


def name_key(text: str) -> str:
    """The form names are compared in: NFKC, without invisible characters, spaces collapsed, folded."""
    return fold(_visible(text))


@lru_cache(maxsize=1)
def _prototypes() -> dict[str, str]:
    """Character -> the prototype it looks like (UTS #39), read from the compiled table on first use."""
    # The package's own data folder, as _loader.data_dir() finds it: importlib.resources is not
    # imported on the way to load() (benchmarks/child.py, BENCHMARKS.md).
    raw = json.loads((Path(__file__).parent / "data" / CONFUSABLES).read_bytes())
    table: dict[str, str] = raw["prototypes"]
    return table


def skeleton(text: str) -> str:
    """UTS #39's skeleton of ``text``: decomposed, each character replaced by its prototype, decomposed again.

    ``skeleton("ItaIy") == skeleton("Ita1y") == skeleton("Italy") == "ltaly"``. NFKD decomposes
    where the standard says NFD: names are NFKC already, and a change of case may compose again.
    """
    table = _prototypes()
    return unicodedata.normalize("NFKD", "".join(table.get(c, c) for c in unicodedata.normalize("NFKD", text)))


def _unmarked(text: str) -> str:
    """``text`` without its combining marks (but a breve, as in «й»): accents count no more than in :func:`fold`."""
    return "".join(c for c in text if not unicodedata.combining(c) or c == _BREVE)


def looks(text: str) -> frozenset[str]:
    """What a name looks like whatever its case: the skeletons of it as it shows, in lower and in upper case.

    Two names look alike when their looks share one: ``ItaIy`` and ``Italy`` (``ltaly``),
    ``N0RWAY`` and ``Norway`` (``NORWAY``), ``Gerrnany`` and ``Germany``. ``LI`` and ``IL`` do not
    (``Ll`` is not ``lL``): the case a letter is written in is kept within each form. Accents
    are left out, as in :func:`name_key`.
    """
    shown = _visible(text)
    return frozenset(_unmarked(skeleton(form)) for form in (shown, shown.lower(), shown.upper()))


def _script(letter: str) -> str:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER A" -> "CYRILLIC")."""
    first = unicodedata.name(letter, "").split(" ")[0]
    return _ONE_SCRIPT.get(first, first)


def mixed_script_word(text: str) -> str | None:
    """The first word of ``text`` (after NFKC) whose letters are of more than one script; None if there is none."""
    normal = unicodedata.normalize("NFKC", text)
    if normal.isascii():
        return None
    word: list[str] = []
    scripts: set[str] = set()
    for char in [*normal, " "]:
        kind = unicodedata.category(char)
        if kind[0] in "LMN" or invisible(char) or char in "'’":
            word.append(char)
            if kind in ("Lu", "Ll", "Lt", "Lo"):
                scripts.add(_script(char))
            continue
        if len(scripts) > 1:
            return "".join(word)
        word, scripts = [], set()
    return None
