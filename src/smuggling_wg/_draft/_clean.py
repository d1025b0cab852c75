"""From a report's text to its printed lines: page furniture out, links and the document symbol kept aside.

A UN PDF's text carries, on every page, the job number (``V.20-04775``), the page number
(``3/9``), the running document symbol (``CTOC/COP/WG.7/2020/4``), a bar code line
(``*2004775*``) and form feeds; the first page carries the front matter (the Organization's
name, distribution, date, languages) above the title. These are not the report's words:
they are dropped here, so the joined text is the same whether they were there or not. Line
breaks (LF, CRLF, CR, form feed) are all one; lines are stripped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Lines", "clean"]

#: A document symbol of the UN (CTOC/COP/WG.7/2020/4, A/RES/55/25): capitals, then parts after slashes.
SYMBOL = r"[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.-]*[A-Za-z0-9])+"
_JOB = r"[A-Z]{1,2}\.\d{2}-\d{5}(?:\s*\([A-Z]\))?"  # V.20-04775, V.20-04775 (R)
_PAGE = r"\d{1,3}\s*/\s*\d{1,3}"
_FURNITURE = re.compile(
    rf"^(?:{_JOB}(?:\s+{_PAGE})?|{_PAGE}(?:\s+{_JOB})?|\*\d{{6,8}}\*|(?:Distr\.|Original|Russian|English)\b.*|"
    rf"(?:Общие\s+)?[Пп]ункт\s+\d+\s+предварительной\s+повестки\s+дня\*?)$"
)
_SYMBOL_LINE = re.compile(rf"^({SYMBOL})$")
_LINK = re.compile(r"^https?://\S+$")
_TITLE = re.compile(r"^Доклад\b")
_CHAPTER_ONE = re.compile(r"^I\.\s+\S")


@dataclass
class Lines:
    """The report's printed lines (with their line numbers in the input), its links and symbol."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    symbol: str | None = None
    front_matter: bool = False


def clean(text: str) -> Lines:
    """The printed lines of ``text`` without page furniture (see the module docstring)."""
    out = Lines()
    symbols: Counter[str] = Counter()
    for number, raw in enumerate(text.splitlines(), 1):  # splitlines: LF, CRLF, CR, form feed, ...
        line = " ".join(raw.replace("\u00ad", "").split())
        if not line or _FURNITURE.match(line):
            continue
        if _LINK.match(line):
            out.links.append(line)
            continue
        symbol = _SYMBOL_LINE.match(line)
        if symbol:  # a running header: a symbol alone on its line (in the text, symbols stand in brackets)
            symbols[symbol.group(1)] += 1
            continue
        out.lines.append((number, line))
    # Front matter: what stands above the title, when the title comes before chapter I.
    for at, (_, line) in enumerate(out.lines):
        if _CHAPTER_ONE.match(line):
            break
        if _TITLE.match(line):
            out.front_matter = at > 0
            del out.lines[:at]
            break
    if symbols:
        out.symbol = symbols.most_common(1)[0][0]
    return out
