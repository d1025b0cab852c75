"""The report's own text, and the one rule that turns its PDF lines into running text.

The bundled source is the Russian report exactly as extracted from its PDF: one
printed line per line, blank lines between them, words broken across lines with a
hyphen. :func:`flow` joins those lines the only way the data may; runs of white space
become one space. A hyphen at a line break is part of the word, and kept, when

- both parts start with a capital (``Коста-|Рика``, ``Гвинея-|Бисау``): typesetting
  never breaks a word before a capital letter;
- a part holds a digit (``COVID-|19``, ``1-|м``) or the first is a single letter (``г-|жа``):
  Russian typesetting breaks only words of letters, and leaves at least two on a line;
- the document itself writes the compound with a hyphen within a line elsewhere, the
  parts compared by their Snowball stems, so «государств-|участников» is kept because
  «государства-участники» stands in the text (:class:`Hyphens`). Only hyphens inside a
  line count: a part next to a line break is a piece of a word, not evidence.

Every other hyphen at a line break is a typesetting break: it is dropped and the word
joined (``право-|охранительными`` -> «правоохранительными»). What the rule cannot know:
a lower-case compound that the text never writes within a line (it occurs once, or every
time at a line break) loses its hyphen; docs/own-data.md lists it among what to check by eye.
Every verbatim text in the data is a substring of ``flow(source)`` (tested), and
:func:`paragraphs` re-derives the numbered paragraphs so the data can be re-checked.

This module is a leaf: it reads files only when called, and imports nothing heavy (the
stemmer only when a document has hyphenated words to compare).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ._stem import stem_live

__all__ = ["Hyphens", "flow", "paragraphs", "read_source"]

_FIRST_WORD = re.compile(r"^(\w+)")
_LINK = re.compile(r"^https?://\S+$")
_SPACES = re.compile(r"\s+")
# Every hyphen between two words inside a line, read at the start of its first word (so «a-b-c» gives a-b and b-c).
_LONGEST = 64  # letters: longer than any word a compound is made of
_COMPOUND = re.compile(r"(?<!\w)(?=(\w+)-(\w+))")


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return stem_live(word.casefold())


@dataclass(frozen=True)
class Hyphens:
    """The compounds a document writes with a hyphen within a line, as pairs of stems of their parts."""

    pairs: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def of(cls, lines: Iterable[str]) -> Hyphens:
        """The hyphenated pairs of words inside the printed ``lines`` (stripped): one pass over them.

        A part at a line break is left out: the first word of a line after a line-end hyphen is the
        end of a longer word, and a last word before a line-end hyphen may be the start of one.
        """
        found: set[tuple[str, str]] = set()
        broken = False  # the line before ended with a hyphen after a word
        for line in lines:
            ends = bool(_last_word(line))
            for match in _COMPOUND.finditer(line):
                if (broken and match.start(1) == 0) or (ends and match.end(2) == len(line) - 1):
                    continue
                found.add((match.group(1), match.group(2)))
            broken = ends
        return cls(frozenset((_stem(a), _stem(b)) for a, b in found))

    def real(self, tail: str, head: str) -> bool:
        """Whether the hyphen between ``tail`` (before a line break) and ``head`` (after it) is part of the word."""
        if len(tail) > _LONGEST or len(head) > _LONGEST:
            return False
        if tail[0].isupper() and head[0].isupper():
            return True  # Коста-|Рика: typesetting never breaks a word before a capital
        if len(tail) == 1 or any(c.isdigit() for c in tail + head):
            return True  # г-|жа, COVID-|19, 1-|м: typesetting breaks words of letters, leaving two on a line
        return bool(self.pairs) and (_stem(tail), _stem(head)) in self.pairs


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


def _join(lines: list[str], hyphens: Hyphens) -> str:
    """The running text of ``lines``, in time linear in their length.

    The word before a line-end hyphen is read from that line (:func:`_last_word`) and, when the
    line was all one word joined to the line before at a dropped hyphen, from the word it
    continues (``tail``, kept no longer than any word: a longer «word» is no compound's part).
    """
    pieces: list[str] = []
    tail = ""  # the word the joined text ends with before its line-end hyphen
    for line in lines:
        head = _FIRST_WORD.match(line) if pieces else None
        carried = ""
        if tail and head:
            if hyphens.real(tail, head.group(1)):
                pieces.append(line)
            else:
                pieces[-1] = pieces[-1][:-1]
                pieces.append(line)
                carried = tail
        elif pieces and pieces[-1].endswith("/"):
            pieces.append(line)  # a document symbol broken after a slash
        else:
            pieces.append(" " + line if pieces else line)
        tail = _last_word(line)
        if carried and len(tail) == len(line) - 1:  # the whole line continues the word before
            tail = (carried + tail)[: _LONGEST + 1]
    return _SPACES.sub(" ", "".join(pieces)).strip()


def flow(raw: str, hyphens: Hyphens | None = None) -> str:
    """Join the printed lines of ``raw`` into running text (see the module docstring).

    ``hyphens``: the compounds of the whole document ``raw`` is a part of (:meth:`Hyphens.of` its
    lines); by default those of ``raw`` itself.
    """
    lines = _lines(raw)
    return _join(lines, Hyphens.of(lines) if hyphens is None else hyphens)


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
    lines = _lines(raw)
    for line in lines:
        start = _PARAGRAPH_START.match(line)
        if start and int(start.group(1)) == len(found) + 1:
            current = found.setdefault(int(start.group(1)), [])
            current.append(line[start.end() :])
        elif _HEADING.match(line):
            current = None
        elif current is not None:
            current.append(line)
    hyphens = Hyphens.of(lines)
    return {number: _join(block, hyphens) for number, block in found.items()}
