"""The numbered meetings (заседания) held during the meeting: their dates and the agenda items they took up.

Read from «На своих 1-м и 2-м заседаниях 8 сентября 2020 года Рабочая группа рассмотрела
пункт 2 повестки ...» and «На своем 1-м заседании ... утвердила ... повестку дня» (the item
whose sub-item is the adoption of the agenda); items a sentence gives for two meetings are
also their ``agenda_items_together`` (said of the pair, not of each). A date a sentence gives for one day is
**stated**. Otherwise a date is **inferred** by the rule of docs/methodology.md ("Inferred
dates") when it is the only day the report's dates leave possible: numbered meetings are held
in their order within the meeting's days, and days a sentence gives for several meetings
together are shared among them, each one whose date is stated taking its own. An inferred
date cites the paragraphs it rests on and asks a person, in its ``note`` (a placeholder), to
check it and say how. Otherwise the date is null.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ._change import change, items_of
from ._russian import DATE_SPAN, span
from ._structure import Skeleton

__all__ = ["numbered_meetings"]

Record = dict[str, Any]

_SITTING = re.compile(
    rf"На\s+сво(?:ем|их)\s+(\d{{1,2}})-м(?:\s+и\s+(\d{{1,2}})-м)?\s+заседани(?:и|ях)\s+({DATE_SPAN})\s+"
    r"Рабочая\s+группа\s+([^.]*)"
)


def numbered_meetings(
    skeleton: Skeleton, held: object, held_in: list[int], agenda: list[Record], end: object
) -> list[Record]:
    """One record per numbered meeting, 1 to ``held`` (see the module docstring); ``end``: the meeting's last day."""
    adoption = [
        item["number"]
        for item in agenda
        if any(sub["title"]["ru"].startswith("утверждение повестки дня") for sub in item.get("sub_items", ()))
    ]
    found: dict[int, Record] = {}
    groups: list[tuple[list[int], set[dt.date], int]] = []  # meetings, days, paragraph
    for block in skeleton.of("paragraph"):
        for match in _SITTING.finditer(block.text):
            numbers = [int(n) for n in (match.group(1), match.group(2)) if n]
            dated = re.match(DATE_SPAN, match.group(3))
            days = span(dated) if dated else None
            action = match.group(match.lastindex or 0)
            items = items_of(action) if "рассмотрела" in action else []
            if "утвердила" in action and "повестку дня" in action:
                items += adoption
            for number in numbers:
                record = found.setdefault(number, {"number": number, "date": None, "agenda_items": [], "source": []})
                if days and days[0] == days[1]:
                    record["date"], record["date_basis"], record["stated_in"] = days[0], "stated", {block.number}
                record["agenda_items"] = sorted({*record["agenda_items"], *items})
                if len(numbers) > 1 and items:  # said of the meetings together, not of each
                    record["agenda_items_together"] = sorted({*record.get("agenda_items_together", ()), *items})
                record["source"] = sorted({*record["source"], block.number})
            if days and days[0] != days[1]:
                groups.append(
                    (numbers, {days[0] + dt.timedelta(d) for d in range((days[1] - days[0]).days + 1)}, block.number)
                )
    if isinstance(held, int):
        for number in range(1, held + 1):
            found.setdefault(number, {"number": number, "date": None, "agenda_items": [], "source": list(held_in)})
    _infer(found, groups, end if isinstance(end, dt.date) else None, held_in)
    order = ("number", "date", "date_basis", "agenda_items", "agenda_items_together", "note", "source")
    return [{k: found[n][k] for k in order if k in found[n]} for n in sorted(found)]


def _infer(
    found: dict[int, Record], groups: list[tuple[list[int], set[dt.date], int]], end: dt.date | None, held_in: list[int]
) -> None:
    """Give an inferred date to each meeting that only one day is possible for (docs/methodology.md)."""

    def known(n: int) -> bool:
        return n in found and isinstance(found[n]["date"], dt.date)

    def infer(n: int, day: dt.date, basis: set[int], how: str) -> None:
        record = found[n]
        record["date"], record["date_basis"], record["stated_in"] = day, "inferred", basis
        record["note"] = change(
            f"the date {day.isoformat()} is inferred, not stated: {how}. Check it, then say how in English "
            "(editorial), or write date: null and remove date_basis"
        )
        record["source"] = sorted({*record["source"], *basis})

    changed = True
    while changed:
        changed = False
        for members, days, paragraph in groups:
            open_ = [n for n in members if n in found and not known(n)]
            left = days - {found[n]["date"] for n in members if known(n)}
            if len(open_) == 1 and len(left) == 1:
                basis = {paragraph}.union(*(found[n]["stated_in"] for n in members if known(n)))
                how = f"paragraph {paragraph} gives these days for meetings {', '.join(map(str, members))} together"
                infer(open_[0], next(iter(left)), basis, how)
                changed = True
        for n in sorted(found):
            if known(n) or end is None:
                continue
            before = [m for m in sorted(found) if m < n and known(m)]
            after = [m for m in sorted(found) if m > n and known(m)]
            upper, upper_basis = (
                (found[after[0]]["date"], found[after[0]]["stated_in"]) if after else (end, set(held_in))
            )
            if before and found[before[-1]]["date"] == upper:
                basis = set(found[before[-1]]["stated_in"]) | set(upper_basis)
                how = f"meeting {before[-1]} was held that day, and meeting {n}, after it, by that day"
                infer(n, upper, basis, how)
                changed = True
