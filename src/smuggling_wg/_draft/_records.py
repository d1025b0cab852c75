"""The report's own structure as records: chapters, themes, recommendations and paragraphs.

Modality follows the codebook: «следует» -> should, «рекомендуется» -> encouraged,
«возможно, пожелают» -> may_wish, the first one in the text; the addressee is the words
naming the states before it, as written («Государствам-участникам», «государствам-участникам»,
«Государствам», «Государства-участники»). A recommendation with neither, a number out of
sequence, a gap in the paragraphs or a chapter out of order is a placeholder.
"""

from __future__ import annotations

import re
from typing import Any

from .._number import roman
from ._change import change
from ._structure import Block, Skeleton

__all__ = ["chapters", "paragraphs", "recommendations", "theme_id"]

Record = dict[str, Any]

_MODALITIES = (
    (re.compile(r"\bследует\b"), "should"),
    (re.compile(r"\bрекомендуется\b"), "encouraged"),
    (re.compile(r"\bвозможно,\s+пожелают\b"), "may_wish"),
)
_ADDRESSEE = re.compile(r"\b([Гг]осударств(?:ам|а|ами)?(?:-участник(?:ам|и|ов))?)\b(?!-)")


def theme_id(chapter: str | None, section: str | None) -> str:
    """A working id for the theme of a section («ii_a»): the person may rename it (and its uses)."""
    return f"{(chapter or 'x').lower()}_{(section or 'x').lower()}"


_ADOPTED = re.compile(r"приняла\s+(?:нижеследующие|следующие)\s+рекомендации")
_NOT_ADOPTED = re.compile(r"не\s+подлежал\w*\s+утверждению")
_REPORT_ADOPTED = re.compile(r"утвердила\s+настоящий\s+доклад")


def _standing(chapter: str, skeleton: Skeleton) -> tuple[str, list[int]] | None:
    """What a chapter's paragraphs are, as the report states it, and the paragraph that states it.

    adopted: a paragraph of the chapter says the Working Group adopted the recommendations
    that follow («приняла нижеследующие рекомендации»); chair_summary: one says the summary was
    not subject to adoption («не подлежало утверждению»); proceedings: any other chapter of
    the report the Working Group adopted («утвердила настоящий доклад»). None otherwise.
    """
    paragraphs = skeleton.of("paragraph")
    own = [p for p in paragraphs if p.chapter == chapter]
    for pattern, standing in ((_NOT_ADOPTED, "chair_summary"), (_ADOPTED, "adopted")):
        said = [p.number for p in own if pattern.search(p.text)]
        if said:
            return standing, said[:1]
    adopted = [p.number for p in paragraphs if _REPORT_ADOPTED.search(p.text)]
    return ("proceedings", adopted[-1:]) if adopted else None


def chapters(skeleton: Skeleton) -> list[Record]:
    """The chapters, as numbered, each with its lettered sections and standing; numbering out of order is flagged."""
    out: list[Record] = []
    for at, block in enumerate(skeleton.of("chapter")):
        expected = roman(at + 1)  # the chapters are at most MAX_HEADINGS
        english = (
            ""
            if block.key == expected
            else change(
                f"chapter {block.key} (line {block.line}) is chapter {at + 1} of the text ({expected} expected): is a "
                'chapter missing or renumbered? Check against the report, then write "" here'
            )
        )
        record: Record = {"number": block.key, "title": {"ru": block.text, "en": english}}
        standing = _standing(block.key, skeleton)
        if standing:
            record["standing"], record["standing_source"] = standing
        sections = [s for s in skeleton.of("section") if s.chapter == block.key]
        if sections:
            record["sections"] = [{"letter": s.key, "title": {"ru": s.text, "en": ""}} for s in sections]
        out.append(record)
    return out


def _introduction(block: Block, skeleton: Skeleton) -> int | None:
    """The paragraph that introduces a recommendation: the last one before it in its chapter."""
    last = None
    for other in skeleton.blocks:
        if other is block:
            return last
        if other.kind == "paragraph":
            last = other.number if other.chapter == block.chapter else None
    return None


def recommendations(skeleton: Skeleton) -> tuple[list[Record], list[Record]]:
    """The themes (one per section holding recommendations) and the recommendations."""
    themes: dict[tuple[str | None, str | None], Record] = {}
    out: list[Record] = []
    sections = {(s.chapter, s.key): s for s in skeleton.of("section")}
    for at, block in enumerate(skeleton.of("recommendation")):
        text = block.text
        intro = _introduction(block, skeleton)
        source: list[Any] = [intro] if intro else [change(
            f"no numbered paragraph introduces recommendation {block.key}: cite the paragraph that does"
        )]  # fmt: skip
        key = (block.chapter, block.section)
        if key not in themes and block.section and key in sections:
            label = change(
                f"a short English label for the theme of section {block.chapter}.{block.section} (editorial, e.g. "
                "one or two words of its title)"
            )
            title = {"ru": sections[key].text, "en": ""}
            themes[key] = {"id": theme_id(*key), "chapter": block.chapter, "section": block.section, "label": label,
                           "title": title, "source": source}  # fmt: skip
        theme = (
            themes[key]["id"]
            if key in themes
            else change(f"recommendation {block.key} stands under no lettered section: which theme is it?")
        )
        found = sorted((m.start(), value) for pattern, value in _MODALITIES if (m := pattern.search(text)))
        modality = (
            found[0][1]
            if found
            else change("none of «следует», «рекомендуется», «возможно, пожелают»: should, encouraged or may_wish?")
        )
        addressee = _ADDRESSEE.search(text[: found[0][0]] if found else text)
        english = (
            ""
            if int(block.key) == at + 1
            else change(
                f'recommendation {block.key} is the {at + 1}th of the text: is one missing? Check, then write ""'
            )
        )
        out.append({
            "number": int(block.key),
            "theme": theme,
            "addressee": addressee.group(1) if addressee else change(
                "who is addressed, as written (the draft found no «Государствам...» before the modal verb)"
            ),
            "modality": modality,
            "text": {"ru": text or change("the recommendation's text is empty: copy it"), "en": english},
            "source": source,
        })  # fmt: skip
    return list(themes.values()), out


def paragraphs(skeleton: Skeleton) -> list[Record]:
    """The numbered paragraphs, verbatim, with their chapter and section; a gap in the numbering is flagged."""
    gaps = {found: (expected, line) for line, expected, found in skeleton.gaps}
    out: list[Record] = []
    for block in skeleton.of("paragraph"):
        english = ""
        if block.number in gaps:
            expected, line = gaps[block.number]
            english = change(
                f"paragraph {block.number} (line {line}) follows paragraph {expected - 1}: paragraphs "
                f'{expected}-{block.number - 1} are not in the text. Check the report, then write ""'
            )
        record: Record = {
            "number": block.number,
            "chapter": block.chapter or change("this paragraph stands before any chapter heading: which chapter?"),
        }
        if block.section:
            record["section"] = block.section
        record["text"] = {"ru": block.text, "en": english}
        out.append(record)
    return out
