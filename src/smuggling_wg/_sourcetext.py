"""The report's own text, and the one rule that turns its PDF lines into running text.

The bundled source is the Russian report exactly as extracted from its PDF: one
printed line per line, blank lines between them, words broken across lines with a
hyphen. :func:`flow` joins those lines the only way the data may: a hyphen at a line
break is dropped and the word joined, unless the word is one of the few compounds
whose hyphen is real (:data:`REAL_HYPHENS`); runs of white space become one space.
Every verbatim text in the data is a substring of ``flow(source)`` (tested), and
:func:`paragraphs` re-derives the numbered paragraphs so the data can be re-checked.

This module is a leaf: it reads files only when called, and imports nothing heavy.
"""

from __future__ import annotations

import re
from importlib import resources

__all__ = ["REAL_HYPHENS", "flow", "paragraphs", "read_source"]

#: Compounds whose hyphen happens to fall at a line break and is part of the word.
#: Every other hyphen at a line break is a typesetting break and is removed
#: (e.g. «право-/охранительными» -> «правоохранительными», «он-/лайновом» -> «онлайновом»).
REAL_HYPHENS = frozenset({"информационно-коммуникационных", "государствам-участникам"})

_FIRST_WORD = re.compile(r"^(\w+)")
_LINK = re.compile(r"^https?://\S+$")
_SPACES = re.compile(r"\s+")


def read_source(name: str = "report-07.ru.txt") -> str:
    """Return a bundled source text file, exactly as shipped."""
    return (resources.files("smuggling_wg") / "data" / name).read_text(encoding="utf-8")


def _lines(raw: str) -> list[str]:
    """The printed lines of ``raw``: stripped, without blank lines or link annotations."""
    return [s for s in (line.strip() for line in raw.splitlines()) if s and not _LINK.match(s)]


def _last_word(text: str) -> str:
    r"""The word a hyphen ends ``text`` with (what ``(\w+)-$`` finds), or "": read from the end.

    Searching the joined text with a regular expression anchored at its end tries every
    position of the text, so joining a whole report that way takes time quadratic in its length.
    """
    if not text.endswith("-"):
        return ""
    start = end = len(text) - 1
    while start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # \w, as the re module defines it
        start -= 1
    return text[start:end]


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if not out:
            out = line
            continue
        tail, head = _last_word(out), _FIRST_WORD.match(line)
        if tail and head:
            word = f"{tail}-{head.group(1)}".casefold()
            out = out if word in REAL_HYPHENS else out[:-1]
            out += line
        elif out.endswith("/"):
            out += line  # a document symbol broken after a slash
        else:
            out += " " + line
    return _SPACES.sub(" ", out).strip()


def flow(raw: str) -> str:
    """Join the printed lines of ``raw`` into running text (see the module docstring)."""
    return _join(_lines(raw))


_PARAGRAPH_START = re.compile(r"^(\d{1,3})\.\s")
_HEADING = re.compile(r"^(?:[IVX]+|[A-Z])\.\s+\S|^Рекомендация \d+$")


def paragraphs(raw: str) -> dict[int, str]:
    """Re-derive the numbered paragraphs of ``raw`` as running text, by number.

    Paragraph ``n`` starts at the first line that begins with ``"n. "`` after paragraph
    ``n - 1`` (so the agenda's own numbered items inside paragraph 26 are not taken
    for paragraphs) and ends at the next heading or paragraph. Recommendations and
    headings are not part of any numbered paragraph.
    """
    found: dict[int, list[str]] = {}
    current: list[str] | None = None
    for line in _lines(raw):
        start = _PARAGRAPH_START.match(line)
        if start and int(start.group(1)) == len(found) + 1:
            current = found.setdefault(int(start.group(1)), [])
            current.append(line[start.end() :])
        elif _HEADING.match(line):
            current = None
        elif current is not None:
            current.append(line)
    return {number: _join(lines) for number, lines in found.items()}
