"""The numbered meetings (заседания) held during the meeting: their dates and the agenda items they took up.

Read from «На своих 1-м и 2-м заседаниях 8 сентября 2020 года Рабочая группа рассмотрела
пункт 2 повестки ...» and «На своем 1-м заседании ... утвердила ... повестку дня» (the item
whose sub-item is the adoption of the agenda). A sentence naming two meetings and two days
does not say which was on which day: that date is a placeholder (the bundled data reads it
with a note). Meetings the report counts but never names get no date and no items.
"""

from __future__ import annotations

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


def numbered_meetings(skeleton: Skeleton, held: object, held_in: list[int], agenda: list[Record]) -> list[Record]:
    """One record per numbered meeting, 1 to ``held`` (see the module docstring)."""
    adoption = [
        item["number"]
        for item in agenda
        if any(sub["title"]["ru"].startswith("утверждение повестки дня") for sub in item.get("sub_items", ()))
    ]
    found: dict[int, Record] = {}
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
                    record["date"] = days[0]
                elif days and record["date"] is None:
                    record["date"] = change(
                        f"paragraph {block.number} names meetings {numbers[0]} and {numbers[-1]} and the days "
                        f"{days[0]:%d.%m} and {days[1]:%d.%m}: on which day was meeting {number}? (a date, or null)"
                    )
                record["agenda_items"] = sorted({*record["agenda_items"], *items})
                record["source"] = sorted({*record["source"], block.number})
    if isinstance(held, int):
        for number in range(1, held + 1):
            found.setdefault(number, {"number": number, "date": None, "agenda_items": [], "source": held_in})
    return [found[n] for n in sorted(found)]
