"""Charts for notebooks and reports (needs ``pip install 'smuggling-wg[plot]'``, matplotlib).

Each function draws on a new figure (or on the ``ax`` given) and returns the figure, so
``plot_participation(ds).savefig("participation.png")`` works in one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .analysis import CrossTable
from .dataset import Dataset

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_participation", "plot_recommendations"]


def _pyplot() -> Any:
    try:
        from matplotlib import pyplot
    except ImportError:
        raise ImportError("plotting needs matplotlib: pip install 'smuggling-wg[plot]'") from None
    return pyplot


def _stacked(table: CrossTable, title: str, ylabel: str, ax: Axes | None) -> Figure:
    """A stacked bar chart of a cross-tab: one bar per row value, one colour per column value."""
    pyplot = _pyplot()
    if ax is None:
        figure, ax = pyplot.subplots(figsize=(8, 4.5), layout="constrained")
    else:
        figure = ax.figure
    rows = list(dict.fromkeys(str(c.row) for c in table))
    labels = [row.replace("_", " ") for row in rows]
    columns = list(dict.fromkeys(str(c.column) for c in table))
    counts = {(str(c.row), str(c.column)): c.n for c in table}
    bottoms = [0] * len(rows)
    for column in columns:
        heights = [counts[(row, column)] for row in rows]
        if any(heights):
            ax.bar(labels, heights, bottom=bottoms, label=column.replace("_", " "))
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", labelrotation=30)
    ax.legend(frameon=False)
    return figure  # type: ignore[no-any-return]


def plot_participation(ds: Dataset, meeting: int | None = None, ax: Axes | None = None) -> Figure:
    """Participants by UN regional group, stacked by status (paras 27-31 of the 7th meeting's report)."""
    title = "Participation" + (f" in meeting {meeting}" if meeting else "")
    return _stacked(ds.participation(meeting=meeting), title, "participants", ax)


def plot_recommendations(ds: Dataset, meeting: int | None = None, ax: Axes | None = None) -> Figure:
    """Recommendations by theme, stacked by modality (para 3)."""
    title = "Recommendations by theme and modality" + (f" (meeting {meeting})" if meeting else "")
    return _stacked(ds.crosstab("theme", "modality", meeting=meeting), title, "recommendations", ax)
