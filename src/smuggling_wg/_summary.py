"""A plain-text summary of a meeting: what ``python -m smuggling_wg`` prints."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from collections.abc import Iterable

from ._language import Lang, get_language
from .dataset import Dataset
from .models import Meeting, State

__all__ = ["render"]


def _paras(numbers: Iterable[int]) -> str:
    """'para 3' or 'paras 3, 18, 34', for citations."""
    ns = sorted(set(numbers))
    return f"para {ns[0]}" if len(ns) == 1 else "paras " + ", ".join(map(str, ns))


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _day(d: dt.date) -> str:
    """'9 September 2020', whatever the locale."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _dates(m: Meeting) -> str:
    start, end = m.start_date, m.end_date
    if start == end:
        return _day(end)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, width=88, initial_indent="  ", subsequent_indent="  ")


def render(ds: Dataset, meeting: int = 7, lang: Lang | None = None) -> str:
    """The meeting's dates, themes with their counts, who made statements, and participation.

    Names and titles are shown in ``lang`` (default: the display language, Russian).
    """
    lang = lang or get_language()
    m = ds.meeting(meeting)
    lines = [m.title.get(lang), ""]
    facts = [
        f"Meeting {m.number}",
        m.city.get(lang),
        _dates(m),
        f"{m.format} format",
        f"{m.meetings_held} meetings held",
    ]
    if m.adopted_on:
        facts.append(f"report adopted {_day(m.adopted_on)}")
    lines += [" · ".join(facts) + f"  [{_paras(m.source)}]", ""]

    lines.append(f"Recommendations: {len(m.recommendations)}  [{_paras(t for th in m.themes for t in th.source)}]")
    for theme in m.themes:
        numbers = [r.number for r in m.recommendations if r.theme == theme.id]
        span = f"{numbers[0]}–{numbers[-1]}" if numbers else "none"
        lines.append(f"  {theme.id:<12} section {theme.section}  {len(numbers):>3}  (recommendations {span})")
    modalities = Counter(r.modality for r in m.recommendations)
    lines += ["  by modality: " + ", ".join(f"{k} {v}" for k, v in modalities.items()), ""]

    speaking = ds.states_with_statements(meeting)
    with_panel = ds.states_with_statements(meeting, include_panelists=True)
    cited = [n for s in m.statements for n in s.source]
    lines.append(
        f"States that made statements: {len(speaking)} (with panellists' states: {len(with_panel)})  [{_paras(cited)}]"
    )
    lines += _wrapped(", ".join(s.name.get(lang) for s in speaking))
    extra = [s for s in with_panel if s not in speaking]
    lines += _wrapped("panellists' states only: " + (", ".join(s.name.get(lang) for s in extra) or "none"))
    others = [s for s in m.statements if not isinstance(ds.actor(s.actor), State)]
    for s in others:
        lines.append(f"  also: {ds.actor(s.actor).name.get(lang)} ({s.kind}, {_paras(s.source)})")
    lines.append("")

    lines.append(f"Participation: {len(m.participants)} entities  [{_paras(p.source[0] for p in m.participants)}]")
    by_status = Counter(p.status for p in m.participants)
    for status, count in by_status.items():
        states = sum(1 for p in m.participants if p.status == status and isinstance(ds.actor(p.actor), State))
        note = f"  ({states} states, {count - states} not a state)" if 0 < states < count else ""
        lines.append(f"  {status:<20} {count:>3}{note}")
    return "\n".join(lines)
