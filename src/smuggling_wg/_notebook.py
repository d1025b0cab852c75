"""How records and query results look in notebooks and rich consoles.

What a record shows is its view (:mod:`._views`): all its lines for one record, its brief
lines as a row among others. This module turns those into compact HTML tables for
Jupyter (``_repr_html_``) and into rich tables (``__rich__``), always as literal text
(HTML escaped, no rich markup). Texts follow the display language. Nothing here is
imported until something is displayed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

__all__ = ["html", "html_fields", "html_rows", "rich", "rich_fields", "rich_rows"]

_STYLE = "border-collapse:collapse;font-size:0.9em;text-align:left"
_CELL = "padding:2px 8px;vertical-align:top;text-align:left"


def _html_text(value: object) -> str:
    """A value as HTML: escaped, marked search matches in ``<mark>``."""
    from ._views import MARK

    text = escape("" if value is None else str(value))
    return text.replace(MARK[0], "<mark>").replace(MARK[1], "</mark>")


def _html(title: str, header: Sequence[str] | None, rows: Iterable[Sequence[object]], note: str = "") -> str:
    head = "".join(f'<th style="{_CELL}">{escape(h)}</th>' for h in header) if header else ""
    body = "".join("<tr>" + "".join(f'<td style="{_CELL}">{_html_text(v)}</td>' for v in row) + "</tr>" for row in rows)
    caption = f'<caption style="text-align:left;font-weight:bold">{escape(title)}</caption>' if title else ""
    foot = f'<div style="font-size:0.8em;color:#666">{escape(note)}</div>' if note else ""
    thead = f"<thead><tr>{head}</tr></thead>" if head else ""
    return f'<table style="{_STYLE}">{caption}{thead}<tbody>{body}</tbody></table>{foot}'


def html_fields(title: str, fields: Sequence[tuple[str, object]]) -> str:
    """A single record: a two-column table of its fields."""
    return _html(title, None, fields)


def html_rows(title: str, header: Sequence[str], rows: Sequence[Sequence[object]], limit: int = 50) -> str:
    """Many records: one row each (the first ``limit``, with a note of how many more)."""
    more = len(rows) - limit
    return _html(title, header, rows[:limit], f"… and {more} more" if more > 0 else "")


def literal(value: object) -> Any:
    """A cell for a rich table: the value as literal text (markup in data is never interpreted), matches bold."""
    from rich.text import Text

    from ._views import marked

    plain, spans = marked("" if value is None else str(value))
    text = Text(plain)
    for start, end in spans:
        text.stylize("bold", start, end)
    return text


def rich_fields(title: str, fields: Sequence[tuple[str, object]]) -> Any:
    """A rich table of one record's fields."""
    from rich.table import Table

    table = Table(title=literal(title), title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in fields:
        table.add_row(literal(name), literal(value))
    return table


def rich_rows(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Any:
    """A rich table of many records, one row each."""
    from rich.table import Table

    table = Table(title=literal(title), title_justify="left")
    for name in header:
        table.add_column(literal(name), overflow="fold")
    for row in rows:
        table.add_row(*map(literal, row))
    return table


def _title(records: Sequence[object]) -> str:
    kinds = sorted({type(r).__name__ for r in records}) or ["records"]
    return f"{len(records)} × {', '.join(kinds)}"


def html(shown: object) -> str:
    """The notebook HTML of a record, of query results (a tuple) or of a dataset."""
    from ._views import brief, full

    if isinstance(shown, tuple):
        return html_rows(_title(shown), *brief(shown))
    return html_fields(repr(shown), full(shown))


def rich(shown: object) -> Any:
    """The rich renderable of a record, of query results (a tuple) or of a dataset."""
    from ._views import brief, full

    if isinstance(shown, tuple):
        return rich_rows(_title(shown), *brief(shown))
    return rich_fields(repr(shown), full(shown))
