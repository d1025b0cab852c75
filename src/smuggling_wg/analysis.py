"""Counting recommendations by their labels: the dimensions, counts and cross-tabulations.

A *dimension* names what a recommendation can be counted by: its theme, modality,
addressee kind and specificity (one value each), or its topics, SDG targets, treaty
instruments and articles (any number of values each). Counts and cross-tabs come back as
plain typed rows, in a stable order, with zero cells included, so a notebook can draw them
at once; ``to_dataframe()`` turns them into a pandas DataFrame when pandas is installed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias, get_args

from .models import Bundle, Meeting, Modality, Provenance, Recommendation

if TYPE_CHECKING:
    import pandas

__all__ = ["DIMENSIONS", "Cell", "Count", "CountTable", "CrossTable", "Dimension", "tidy", "values_of"]

Dimension: TypeAlias = Literal[
    "theme", "modality", "addressee_kind", "specificity", "topic", "sdg_target", "instrument", "article"
]
DIMENSIONS: tuple[Dimension, ...] = get_args(Dimension)
Value: TypeAlias = str | int


class Count(NamedTuple):
    """How many recommendations have ``value`` in the counted dimension."""

    value: Value
    n: int


class Cell(NamedTuple):
    """How many recommendations have both ``row`` and ``column``."""

    row: Value
    column: Value
    n: int


def _frame(rows: Sequence[NamedTuple], columns: Sequence[str]) -> pandas.DataFrame:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "to_dataframe() needs pandas: pip install 'smuggling-wg[pandas]' (or pip install pandas)"
        ) from None
    return pandas.DataFrame.from_records(list(rows), columns=list(columns))


class _Shown:
    """How counts and cross-tabs show themselves: a text table, a notebook's HTML table, rich's table."""

    def __repr__(self) -> str:
        """A text table of the counts (codes as they are)."""
        from ._notebook import text

        return text(self)

    def _repr_html_(self) -> str:
        """The counts in a notebook: an HTML table, values in words in the display language."""
        from ._notebook import html

        return html(self)

    def __rich__(self) -> object:
        from ._notebook import rich

        return rich(self)


class CountTable(_Shown, tuple[Count, ...]):
    """Counts per value, in the dimension's own order; ``dimension`` names what was counted.

    ``counted`` names the records counted (``"recommendations"``), for the table's caption.
    """

    dimension: str
    counted: str

    def __new__(
        cls, counts: Iterable[Count] = (), dimension: str = "value", counted: str = "recommendations"
    ) -> CountTable:
        """The counts, with the name of the dimension counted and of the records counted."""
        table = super().__new__(cls, counts)
        table.dimension, table.counted = dimension, counted
        return table

    def to_dataframe(self) -> pandas.DataFrame:
        """The counts as a DataFrame: a column named after the dimension, and ``n`` (needs pandas)."""
        return _frame(self, (self.dimension, "n"))


class CrossTable(_Shown, tuple[Cell, ...]):
    """Counts per (row value, column value), every combination included.

    ``rows`` and ``columns`` name the two dimensions (e.g. ``"theme"`` and ``"modality"``);
    ``counted`` the records counted (``"recommendations"``, ``"participants"``), for the caption.
    """

    rows: str
    columns: str
    counted: str

    def __new__(
        cls, cells: Iterable[Cell] = (), rows: str = "row", columns: str = "column", counted: str = "recommendations"
    ) -> CrossTable:
        """The cells, with the names of the row and column dimensions and of the records counted."""
        table = super().__new__(cls, cells)
        table.rows, table.columns, table.counted = rows, columns, counted
        return table

    def to_dataframe(self) -> pandas.DataFrame:
        """The cells pivoted to a DataFrame: row values down, column values across, axes named after the dimensions."""
        long = _frame(self, Cell._fields)
        rows = list(dict.fromkeys(c.row for c in self))
        columns = list(dict.fromkeys(c.column for c in self))
        frame = long.pivot(index="row", columns="column", values="n").reindex(index=rows, columns=columns)
        frame.index.name, frame.columns.name = self.rows, self.columns
        return frame


def tidy(shown: CountTable | CrossTable) -> tuple[list[str], list[tuple[Value, ...]]]:
    """Counts or a cross-tab as one row per count: (column names, rows), columns named after the dimensions.

    ``counts("theme")``: ``theme, n``; ``crosstab("theme", "modality")``: ``theme, modality, n``
    (the command's CSV, JSON and YAML). A cross-tab of a dimension with itself names its
    columns ``row`` and ``column``.
    """
    if isinstance(shown, CountTable):
        return [shown.dimension, "n"], [tuple(c) for c in shown]
    names = [shown.rows, shown.columns] if shown.rows != shown.columns else ["row", "column"]
    return [*names, "n"], [tuple(c) for c in shown]


def values_of(r: Recommendation, dimension: Dimension, provenance: Provenance | None = None) -> list[Value]:
    """The values a recommendation has in ``dimension`` (labels of one provenance, if given)."""

    def kept(items: Iterable[Any]) -> list[Any]:
        return [i for i in items if provenance is None or i.provenance == provenance]

    getters: dict[Dimension, Callable[[], list[Value]]] = {
        "theme": lambda: [r.theme],
        "modality": lambda: [r.modality],
        "addressee_kind": lambda: [r.addressee_kind] if r.addressee_kind else [],
        "specificity": lambda: [s.level for s in kept([r.specificity] if r.specificity else [])],
        "topic": lambda: [t.topic for t in kept(r.topics)],
        "sdg_target": lambda: [s.target for s in kept(r.sdg_targets)],
        "instrument": lambda: list(dict.fromkeys(t.instrument for t in kept(r.treaty_refs))),
        "article": lambda: [f"{t.instrument}:{t.article}" for t in kept(r.treaty_refs) if t.article],
    }
    return list(dict.fromkeys(getters[dimension]()))


def order(
    bundle: Bundle, dimension: Dimension, seen: Iterable[Value], meetings: Iterable[Meeting] | None = None
) -> list[Value]:
    """Every value of ``dimension``: the vocabulary's order where there is one, else sorted.

    ``meetings``: whose themes count (default: every meeting's); the other vocabularies are the data's.
    """
    canonical: dict[Dimension, list[Value]] = {
        "theme": [t.id for m in (bundle.meetings if meetings is None else meetings) for t in m.themes],
        "modality": list(get_args(Modality)),
        "topic": [t.id for t in bundle.topics],
        "specificity": [1, 2, 3, 4, 5],
    }
    known = list(dict.fromkeys(canonical.get(dimension, [])))
    return known + sorted({*seen} - {*known}, key=lambda v: (str(type(v)), _natural(v)))


def _natural(value: Value) -> tuple[Any, ...]:
    """Sort key that puts '16.3' before '16.10' and 'convention:9' before 'convention:19'."""
    parts = str(value).replace(":", ".").split(".")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def counts(
    bundle: Bundle,
    records: Sequence[Recommendation],
    dimension: Dimension,
    provenance: Provenance | None = None,
    meetings: Iterable[Meeting] | None = None,
) -> CountTable:
    """How many of ``records`` (of ``meetings``) have each value of ``dimension`` (a record counts once per value)."""
    tally = Counter(v for r in records for v in values_of(r, dimension, provenance))
    values = order(bundle, dimension, tally, meetings)
    return CountTable((Count(v, tally[v]) for v in values), dimension=dimension)


def crosstab(
    bundle: Bundle,
    records: Sequence[Recommendation],
    row: Dimension,
    column: Dimension,
    provenance: Provenance | None = None,
    meetings: Iterable[Meeting] | None = None,
) -> CrossTable:
    """How many of ``records`` (of ``meetings``) have each (row value, column value) pair; zero cells included."""
    pairs = Counter(
        (a, b) for r in records for a in values_of(r, row, provenance) for b in values_of(r, column, provenance)
    )
    rows = order(bundle, row, (a for a, _ in pairs), meetings)
    columns = order(bundle, column, (b for _, b in pairs), meetings)
    return CrossTable((Cell(a, b, pairs[(a, b)]) for a in rows for b in columns), rows=row, columns=column)
