r"""Names as a reader sees them: compared after NFKC without invisible characters; no word mixing scripts.

Two names that look the same must be the same key: ``Ｉｔａｌｙ`` (full-width), ``Italy\u200b``
(a zero-width space) and ``It\u00adaly`` (a soft hyphen) are all ``italy`` (:func:`name_key`).
A name whose word mixes scripts (``Ιtaly``, whose first letter is a Greek iota) is refused
(:func:`mixed_script_word`). Scripts come from Unicode's own character names in
:mod:`unicodedata` ("GREEK CAPITAL LETTER IOTA"), so no table is shipped or kept up to date
by hand; the runtime dependencies stay pydantic, PyYAML, snowballstemmer and rich.
"""

from __future__ import annotations

import unicodedata

from ._fold import fold

__all__ = ["invisible", "mixed_script_word", "name_key"]

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


def name_key(text: str) -> str:
    """The form names are compared in: NFKC, without invisible characters, spaces collapsed, folded."""
    normal = unicodedata.normalize("NFKC", text)
    if not normal.isascii():
        normal = "".join(c for c in normal if not invisible(c))
    return fold(" ".join(normal.split()))


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
