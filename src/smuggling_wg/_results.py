"""Query results: a tuple of records that also displays itself as a table in notebooks."""

from __future__ import annotations

from typing import Any, TypeVar

__all__ = ["Results"]

T = TypeVar("T")


class Results(tuple[T, ...]):
    """What every filter returns: a plain tuple (maybe empty) that renders as a table.

    It compares equal to a tuple with the same items; ``_repr_html_`` (Jupyter) and
    ``__rich__`` (rich consoles) show one row per record, texts in the display language.
    """

    __slots__ = ()

    def _table(self) -> tuple[str, list[str], list[list[object]]]:
        rows = [r._row() if hasattr(r, "_row") else {"": repr(r)} for r in self]
        header = list(dict.fromkeys(k for row in rows for k in row))
        kinds = sorted({type(r).__name__ for r in self}) or ["records"]
        return f"{len(self)} × {', '.join(kinds)}", header, [[row.get(h, "") for h in header] for row in rows]

    def _repr_html_(self) -> str:
        from ._notebook import html_rows

        return html_rows(*self._table())

    def __rich__(self) -> Any:
        from ._notebook import rich_rows

        return rich_rows(*self._table())
