"""Charts as geometry for inline SVG: stacked horizontal bars, one row per value, one colour per series.

Only numbers are computed here; ``templates/_chart.html`` draws them, so a chart is readable
without JavaScript, prints, and carries its numbers as a table beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
LABEL_WIDTH, BAR_WIDTH, ROW, TOP = 250, 360, 30, 8


@dataclass(frozen=True)
class Segment:
    """One coloured piece of a bar."""

    x: float
    width: float
    colour: str
    series: str
    n: int


@dataclass(frozen=True)
class Bar:
    """One row: its label, its total, its segments and where they end."""

    y: float
    label: str
    total: int
    segments: tuple[Segment, ...]
    end: float


@dataclass(frozen=True)
class Chart:
    """A stacked bar chart: title, legend (series label, colour), bars, size; ``table`` the same numbers."""

    id: str
    title: str
    legend: tuple[tuple[str, str], ...]
    bars: tuple[Bar, ...]
    width: int
    height: int
    series: tuple[str, ...]
    table: tuple[tuple[str, tuple[int, ...], int], ...]


def stacked(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[object, str]],
    series: Sequence[tuple[object, str]],
    count: Mapping[Any, int],
) -> Chart:
    """Bars for ``rows`` (id, label) split by ``series`` (id, label), from ``count[(row, series)]``."""
    totals = [sum(count.get((r, s), 0) for s, _ in series) for r, _ in rows]
    scale = BAR_WIDTH / max([1, *totals])
    bars = []
    for i, ((row, label), total) in enumerate(zip(rows, totals, strict=True)):
        x, segments = float(LABEL_WIDTH), []
        for j, (s, s_label) in enumerate(series):
            n = count.get((row, s), 0)
            if n:
                segments.append(Segment(x, n * scale, PALETTE[j % len(PALETTE)], s_label, n))
                x += n * scale
        bars.append(Bar(TOP + i * ROW, label, total, tuple(segments), x))
    legend = tuple((s_label, PALETTE[j % len(PALETTE)]) for j, (_, s_label) in enumerate(series))
    table = tuple(
        (label, tuple(count.get((row, s), 0) for s, _ in series), total)
        for (row, label), total in zip(rows, totals, strict=True)
    )
    width = LABEL_WIDTH + BAR_WIDTH + 40
    return Chart(
        chart_id, title, legend, tuple(bars), width, TOP + len(rows) * ROW + 10, tuple(s for _, s in series), table
    )
