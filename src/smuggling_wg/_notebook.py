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
from typing import TYPE_CHECKING, Any

from ._language import Lang, get_display_language

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["explained", "html", "html_fields", "html_rows", "rich", "rich_fields", "rich_rows", "table", "text"]

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


def html_rows(
    title: str, header: Sequence[str], rows: Sequence[Sequence[object]], limit: int = 50, explained: Sequence[str] = ()
) -> str:
    """Many records: one row each (the first ``limit``, with a note of how many more), and what explains them."""
    more = len(rows) - limit
    notes = "".join(f"<li>{escape(line)}</li>" for line in explained)
    said = f'<ul style="font-size:0.85em;margin:0.3em 0">{notes}</ul>' if notes else ""
    return _html(title, header, rows[:limit], f"… and {more} more" if more > 0 else "") + said


def explained(shown: object) -> list[str]:
    """What a search did with its query (``Results.explanation``), as lines; none for other results."""
    explanation = getattr(shown, "explanation", None)
    lines = getattr(explanation, "lines", None)
    return [str(line) for line in lines()] if callable(lines) else []


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
    """A rich table of many records, one row each (at least as wide as its title, which so reads on one line)."""
    from rich.table import Table

    table = Table(title=literal(title), title_justify="left", min_width=len(title))
    for name in header:
        table.add_column(literal(name), overflow="fold")
    for row in rows:
        table.add_row(*map(literal, row))
    return table


def _title(records: Sequence[object]) -> str:
    kinds = sorted({type(r).__name__ for r in records}) or ["records"]
    return f"{len(records)} × {', '.join(kinds)}"


def _word(dimension: str, value: object, lang: Lang, words: bool) -> str:
    """A counted value: its words in ``lang`` where the catalogue has them (``words``), else the value."""
    from . import _words
    from .errors import InvalidFilter

    if not words:
        return str(value)
    try:
        return _words.code(dimension, value, lang, plural=True)
    except InvalidFilter:  # a dimension or value the catalogue has no words for (topics, SDG targets)
        return str(value)


def _dimension(name: str, lang: Lang) -> str:
    from . import _words
    from .errors import NotFound

    try:
        return _words.label(name, lang)
    except NotFound:
        return name


def caption(shown: Any, lang: Lang) -> str:
    """What a count or cross-tab shows, as a person would caption it: "Recommendations by theme and modality"."""
    from . import _words
    from .analysis import CountTable

    names = [shown.dimension] if isinstance(shown, CountTable) else list(dict.fromkeys((shown.rows, shown.columns)))
    dimensions = _words.join((_dimension(name, lang) for name in names), lang)
    words = _words.label(f"counted_{shown.counted}", lang, plural=len(names) > 1)
    return words.format(dimensions=dimensions)


def table(shown: Any, lang: Lang | None = None, words: bool = True) -> tuple[str, list[str], list[list[object]]]:
    """A count or cross-tab as (caption, header, rows): values in words (``words``) or as codes, counts as integers.

    The caption is in ``lang`` with ``words``, empty without.
    """
    from .analysis import CountTable

    lang = lang or get_display_language()
    title = caption(shown, lang) if words else ""
    if isinstance(shown, CountTable):
        head = [_dimension(shown.dimension, lang) if words else shown.dimension, "n"]
        return title, head, [[_word(shown.dimension, c.value, lang, words), c.n] for c in shown]
    rows = list(dict.fromkeys(c.row for c in shown))
    columns = list(dict.fromkeys(c.column for c in shown))
    n = {(c.row, c.column): c.n for c in shown}
    corner = f"{_dimension(shown.rows, lang)} × {_dimension(shown.columns, lang)}" if words else shown.rows
    head = [corner, *(_word(shown.columns, c, lang, words) for c in columns)]
    return title, head, [[_word(shown.rows, r, lang, words), *(n[(r, c)] for c in columns)] for r in rows]


def text(shown: Any) -> str:
    """A count or cross-tab as a plain-text table with its codes (its ``repr``)."""
    _, head, rows = table(shown, "en", words=False)
    grid: list[list[object]] = [list(head), *rows]
    cells = [[str(v) for v in row] for row in grid]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    lines = [
        "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True)))
        for row in cells
    ]
    return f"<{type(shown).__name__}>\n" + "\n".join(line.rstrip() for line in lines)


def _counted(shown: object) -> bool:
    from .analysis import CountTable, CrossTable

    return isinstance(shown, CountTable | CrossTable)


def html(shown: object) -> str:
    """The notebook HTML of a record, of query results (a tuple), of counts or of a dataset."""
    from ._views import brief, full

    if _counted(shown):
        title, head, rows = table(shown)
        return html_rows(title, head, rows, limit=len(rows))
    if isinstance(shown, tuple):
        return html_rows(_title(shown), *brief(shown, getattr(shown, "dataset", None)), explained=explained(shown))
    return html_fields(repr(shown), full(shown, _dataset(shown)))


def rich(shown: object) -> Any:
    """The rich renderable of a record, of query results (a tuple), of counts or of a dataset."""
    from ._views import brief, full

    if _counted(shown):
        title, head, rows = table(shown)
        return rich_rows(title, head, rows)
    if isinstance(shown, tuple):
        rows = rich_rows(_title(shown), *brief(shown, getattr(shown, "dataset", None)))
        lines = explained(shown)
        if not lines:
            return rows
        from rich.console import Group

        return Group(rows, *(literal(line) for line in lines))
    return rich_fields(repr(shown), full(shown, _dataset(shown)))


def _dataset(shown: object) -> Dataset | None:
    from .dataset import Dataset

    return shown if isinstance(shown, Dataset) else None
