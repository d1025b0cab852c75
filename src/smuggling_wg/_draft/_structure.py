"""The report's skeleton: title, chapters and their lettered sections, numbered paragraphs, recommendations.

Every UN report of the Working Group is typeset from the same template: a chapter heading
``I. Введение``, a section heading ``A. Открытие совещания`` (its title may run over several
lines), numbered paragraphs ``18. ...``, and in the recommendations chapter the headings
``Рекомендация N`` each followed by its text. A block runs from its first line to the line
before the next block's first line. Paragraph ``n`` starts at a line beginning ``"n. "``
after paragraph ``n - 1`` (so the agenda's own numbered items inside a paragraph are not
paragraphs); a larger number is taken only right after a heading (a gap in the numbering,
reported). The text of a block is joined by :func:`smuggling_wg._sourcetext.flow`, the one
rule of the bundled data, with the hyphenated compounds of the whole report as its evidence
(every block holds them: a compound written within a line in one paragraph keeps its hyphen
at a line break in another).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .._sourcetext import Hyphens, flow
from ..errors import DataError, Problem

__all__ = ["Block", "Skeleton", "structure"]

#: A chapter heading: a Roman numeral (as printed, standard or not: :mod:`._records` checks it). One letter
#: is a chapter only for I, V and X: ``C.``, ``D.``, ``L.`` and ``M.`` are the headings of sections C, D, L, M.
_CHAPTER = re.compile(r"^([IVX]|[IVXLCDM]{2,15})\.\s+(\S.*)$")
_SECTION = re.compile(r"^([A-Z])\.\s+(\S.*)$")
_RECOMMENDATION = re.compile(r"^Рекомендация\s+(\d{1,4})\.?$")
_PARAGRAPH = re.compile(r"^(\d{1,4})\.\s+(\S.*)$")


@dataclass
class Block:
    """A heading, paragraph or recommendation: its number or letter, lines, chapter and section."""

    kind: str  # "title", "chapter", "section", "paragraph", "recommendation"
    key: str
    line: int
    lines: list[str] = field(default_factory=list)
    chapter: str | None = None
    section: str | None = None
    hyphens: Hyphens = field(default_factory=Hyphens)  # the report's, set by structure()

    def flow(self, lines: list[str]) -> str:
        """The running text of some of the block's lines, by the report's evidence of real hyphens."""
        return flow("\n".join(lines), self.hyphens)

    @cached_property
    def text(self) -> str:
        """The block's running text (headings: the title without its numeral); read once its lines are all in."""
        return self.flow(self.lines)

    @property
    def number(self) -> int:
        return int(self.key)


@dataclass
class Skeleton:
    """The blocks of a report, in order, and what was odd about the numbering."""

    blocks: list[Block] = field(default_factory=list)
    gaps: list[tuple[int, int, int]] = field(default_factory=list)  # (line, expected, found)

    def of(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    @property
    def title(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "title"), None)


#: Chapter and section headings a report may have: a report of this template has about twenty; a text with
#: more is not one, and drafting it would cost time and memory that grow with their square.
MAX_HEADINGS = 100


def _bounded(headings: int, line: int) -> None:
    if headings > MAX_HEADINGS:
        raise DataError(
            [Problem("", "", f"line {line}: more than {MAX_HEADINGS} chapter and section headings: not a report")]
        )


def structure(lines: list[tuple[int, str]]) -> Skeleton:
    """Split the printed lines into blocks (see the module docstring)."""
    skeleton = Skeleton()
    hyphens = Hyphens.of(line for _, line in lines)
    chapter: str | None = None
    section: str | None = None
    last_paragraph = 0
    current: Block | None = None
    after_heading = True
    headings = 0
    for number, line in lines:
        block: Block | None = None
        found = _PARAGRAPH.match(line)
        if found and (
            int(found.group(1)) == last_paragraph + 1 or (after_heading and int(found.group(1)) > last_paragraph)
        ):
            value = int(found.group(1))
            if value != last_paragraph + 1:
                skeleton.gaps.append((number, last_paragraph + 1, value))
            last_paragraph = value
            block = Block("paragraph", str(value), number, [found.group(2)], chapter, section)
        elif heading := _CHAPTER.match(line):
            headings += 1
            _bounded(headings, number)
            chapter, section = heading.group(1), None
            block = Block("chapter", chapter, number, [heading.group(2)], chapter)
        elif (sub := _SECTION.match(line)) and chapter is not None:
            headings += 1
            _bounded(headings, number)
            section = sub.group(1)
            block = Block("section", section, number, [sub.group(2)], chapter, section)
        elif (rec := _RECOMMENDATION.match(line)) and chapter is not None:
            block = Block("recommendation", rec.group(1), number, [], chapter, section)
        elif current is None:
            block = Block("title", "", number, [line])
        else:
            current.lines.append(line)  # a heading's title may run over several lines: still after it
            continue
        block.hyphens = hyphens
        skeleton.blocks.append(block)
        current = block
        after_heading = block.kind in ("chapter", "section", "title")
    return skeleton
