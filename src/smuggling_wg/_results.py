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

    def _repr_html_(self) -> str:
        from ._notebook import html

        return html(self)

    def __rich__(self) -> Any:
        from ._notebook import rich

        return rich(self)
