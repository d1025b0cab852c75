"""Lists inside a paragraph: the agenda's items and sub-items, the documents, as printed on their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._change import change, items_of
from ._clean import SYMBOL
from ._structure import Block, Skeleton

__all__ = ["agenda", "documents"]

_ITEM = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_SUB = re.compile(r"^([a-z])\)\s+(\S.*)$")
_AGENDA_HEAD = re.compile(r"(?:утвердила|принята)[^:]*повестк[уа] дня\s*:\s*$")
_DOCUMENTS_HEAD = re.compile(r"следующие документы\s*:\s*$")
_IN_BRACKETS = re.compile(rf"\s*\(({SYMBOL})\)\s*[;.,]?\s*$")
_CONTAINED = re.compile(rf"^(.+?)\s+содерж\w+\s+в\s+документе\s+({SYMBOL})")


@dataclass
class _Entry:
    key: str
    lines: list[str] = field(default_factory=list)
    subs: list[_Entry] = field(default_factory=list)


def _after(block: Block, head: re.Pattern[str]) -> list[str] | None:
    """The lines of ``block`` after the line that ends with ``head`` (None when no line does)."""
    for at, line in enumerate(block.lines):
        if line.endswith(":") and head.search(block.flow(block.lines[: at + 1])):
            return block.lines[at + 1 :]
    return None


def _entries(lines: list[str], numbered: bool) -> list[_Entry]:
    entries: list[_Entry] = []
    for line in lines:
        item, sub = _ITEM.match(line), _SUB.match(line)
        if numbered and item and int(item.group(1)) == len(entries) + 1:
            entries.append(_Entry(item.group(1), [item.group(2)]))
        elif sub and (entries or not numbered):
            entry = _Entry(sub.group(1), [sub.group(2)])
            (entries[-1].subs if numbered else entries).append(entry)
        elif entries:
            target = entries[-1].subs[-1] if numbered and entries[-1].subs else entries[-1]
            target.lines.append(line)
    return entries


def _title(block: Block, lines: list[str]) -> str:
    return block.flow(lines).rstrip(" ;:.")


def agenda(skeleton: Skeleton) -> list[dict[str, object]]:
    """The agenda as adopted, each item citing the paragraphs that give its title."""
    paragraphs = skeleton.of("paragraph")
    for block in paragraphs:
        lines = _after(block, _AGENDA_HEAD)
        if lines is None:
            continue
        out: list[dict[str, object]] = []
        for entry in _entries(lines, numbered=True):
            number = int(entry.key)
            cited = [p.number for p in paragraphs if p is not block and _titles_item(p.text, number)]
            item: dict[str, object] = {"number": number, "title": {"ru": _title(block, entry.lines), "en": ""}}
            if entry.subs:
                item["sub_items"] = [
                    {"letter": s.key, "title": {"ru": _title(block, s.lines), "en": ""}} for s in entry.subs
                ]
            item["source"] = sorted({block.number, *cited})
            out.append(item)
        if out:
            return out
    return []


def _titles_item(text: str, number: int) -> bool:
    """Whether a paragraph takes up item ``number`` by its title («пункт 2 повестки, озаглавленный «...»»)."""
    return any(
        number in items_of(m.group(0)) for m in re.finditer(r"пункт\s+\d+\s+повестки(?:\s+дня)?,\s+озаглавленный", text)
    )


def documents(skeleton: Skeleton, links: list[str]) -> list[dict[str, object]]:
    """The documents the report names with their symbols, in the report's order."""
    out: list[dict[str, object]] = []
    for block in skeleton.of("paragraph"):
        contained = _CONTAINED.match(block.text)
        if contained:
            out.append(_document(contained.group(2), contained.group(1), block, links))
        lines = _after(block, _DOCUMENTS_HEAD)
        for entry in _entries(lines or [], numbered=False):
            text = block.flow(entry.lines)
            symbol = _IN_BRACKETS.search(text)
            if symbol:
                out.append(_document(symbol.group(1), text[: symbol.start()], block, links))
            else:
                out.append(
                    {
                        "symbol": change(
                            f"paragraph {block.number}, item {entry.key}) gives no document symbol: write it"
                        ),
                        "title": {"ru": _title(block, entry.lines), "en": ""},
                        "source": [block.number],
                    }
                )
    return out


def _document(symbol: str, title: str, block: Block, links: list[str]) -> dict[str, object]:
    symbol = symbol.rstrip(".")
    url = next((link for link in links if link.endswith("/" + symbol)), "")
    title = title.strip().rstrip(" ;:.")
    record: dict[str, object] = {"symbol": symbol, "title": {"ru": title, "en": ""}}
    if url:
        record["url"] = url
    record["source"] = [block.number]
    return record
