"""Query results: a tuple of records that also displays itself and becomes a DataFrame."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol, SupportsIndex, TypeVar, overload

if TYPE_CHECKING:
    import pandas

    from .models import Bundle
    from .search import Explanation

__all__ = ["Results"]

T = TypeVar("T", covariant=True)


class Source(Protocol):
    """Where results come from (a :class:`~smuggling_wg.Dataset`): what they need of it, its bundle.

    Written as a protocol so that this module, below :mod:`.dataset`, never imports it (no import circle).
    """

    @property
    def bundle(self) -> Bundle: ...


class Results(tuple[T, ...]):
    """What every filter returns: a plain tuple (maybe empty) that renders as a table.

    It compares equal to a tuple with the same items; ``_repr_html_`` (Jupyter) and
    ``__rich__`` (rich consoles) show one row per record, texts in the display language;
    :meth:`to_dataframe` gives the same columns as the table exports.
    """

    dataset: Source | None
    kind: type | None
    #: What a search did with its query (:class:`~smuggling_wg.search.Explanation`); None for other results.
    explanation: Explanation | None

    def __new__(
        cls,
        records: Iterable[T] = (),
        dataset: Source | None = None,
        kind: type | None = None,
        explanation: Explanation | None = None,
    ) -> Results[T]:
        results = super().__new__(cls, records)
        results.dataset, results.kind, results.explanation = dataset, kind, explanation
        return results

    @overload
    def __getitem__(self, index: SupportsIndex) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Results[T]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> T | Results[T]:
        """An item, or a slice that is still :class:`Results` (and still becomes a DataFrame)."""
        if isinstance(index, slice):
            return Results(super().__getitem__(index), self.dataset, self.kind, self.explanation)
        return super().__getitem__(index)

    def to_dataframe(self) -> pandas.DataFrame:
        """The results as a tidy DataFrame (needs pandas): the columns of their table in the exports.

        Records of one kind get the columns (names, dtypes, lists kept as lists) of the table
        that holds them (``recommendations``, ``participants``, ``states``, ...); search hits
        get one row per hit.
        """
        from ._tables import frame_of

        return frame_of(self, None if self.dataset is None else self.dataset.bundle, self.kind)

    def _repr_html_(self) -> str:
        from ._notebook import html

        return html(self)

    def __rich__(self) -> Any:
        from ._notebook import rich

        return rich(self)
