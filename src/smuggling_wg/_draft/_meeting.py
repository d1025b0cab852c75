"""The meeting itself: number, body, city, dates, format, meetings held, adoption, earlier meetings.

Read from the sentences of the template: «Седьмое совещание Рабочей группы ... было
проведено в Вене 8 и 9 сентября 2020 года. В ходе совещания было проведено четыре
заседания.», «... совещание было проведено в смешанном формате ...», «Рабочая группа 9
сентября 2020 года утвердила настоящий доклад ...». What is not found is a placeholder.
"""

from __future__ import annotations

import re
from typing import Any

from ._change import change
from ._russian import CITIES, DATE_SPAN, MONTHS, number_word, ordinal, span, spans
from ._structure import Skeleton

__all__ = ["BODIES", "meeting_facts"]

Record = dict[str, Any]

#: The bodies whose reports follow this template: the genitive the report writes -> (body, parent body).
_COP = (
    "Конференция участников Конвенции Организации Объединенных Наций против транснациональной организованной "
    "преступности"
)
BODIES = {
    "Рабочей группы по незаконному ввозу мигрантов": ("Рабочая группа по незаконному ввозу мигрантов", _COP),
    "Рабочей группы по торговле людьми": ("Рабочая группа по торговле людьми", _COP),
    "Рабочей группы по огнестрельному оружию": ("Рабочая группа по огнестрельному оружию", _COP),
    "Рабочей группы по международному сотрудничеству": ("Рабочая группа по международному сотрудничеству", _COP),
    "Рабочей группы правительственных экспертов по технической помощи": (
        "Рабочая группа правительственных экспертов по технической помощи",
        _COP,
    ),
}
_HELD = re.compile(rf"(\w+)\s+совещание\s+(Рабоч\w+ групп\w+ [^.]*?)\s+было\s+проведено\s+в\s+(\S+)\s+({DATE_SPAN})")
_HELD_IN = re.compile(rf"проведенн\w+\s+в\s+(\S+)\s+({DATE_SPAN})")
_SITTINGS = re.compile(r"было\s+проведено\s+(\w+)\s+заседани")
_FORMATS = (
    (re.compile(r"в\s+смешанном\s+формате"), "hybrid"),
    (re.compile(r"в\s+(?:онлайновом|виртуальном)\s+формате|в\s+режиме\s+онлайн"), "online"),
    (re.compile(r"в\s+очном\s+формате"), "in_person"),
)
_ADOPTED = re.compile(rf"({DATE_SPAN})\s+утвердила\s+настоящий\s+доклад")
_DELEGATES = re.compile(r"((около\s+)?(\d{1,3}(?:\s\d{3})*|\d+)\s+зарегистрированных\s+делегатов)")
_DECISION = re.compile(
    rf"решением,\s+принятым\s+((\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\s+года)\s+(.+?)\s+в\s+рамках\s+(процедуры\s+«[^»]+»)"
)
_PREVIOUS = re.compile(r"совещание\s+Рабочей\s+группы\s+проходило")


def meeting_facts(skeleton: Skeleton, number: int | None) -> Record:
    """The meeting's own fields, in the order of the data files (see the module docstring)."""
    paragraphs = skeleton.of("paragraph")
    title = skeleton.title
    out: Record = {}
    held = next(((p, m) for p in paragraphs if (m := _HELD.search(p.text))), None)
    if number is None and held:
        number = ordinal(held[1].group(1))
    out["number"] = (
        number
        if number is not None
        else change(
            "the report does not give the meeting's number in words the draft reads («Седьмое совещание ...»): write it"
        )
    )
    out["title"] = {
        "ru": title.text if title else change("no title above chapter I: write the report's title"),
        "en": "",
    }
    genitive = held[1].group(2) if held else next((g for g in BODIES if title and g in title.text), None)
    body = BODIES.get(genitive or "")
    why = f"«{genitive}» is not a body the draft knows" if genitive else "the draft did not find which body met"
    out["body"] = {"ru": body[0] if body else change(f"{why}: write the body's name in the nominative"), "en": ""}
    out["parent_body"] = {"ru": body[1] if body else change(f"{why}: write the parent body"), "en": ""}
    if body:
        written = _as_written(body[1], skeleton)
        if written:
            out["parent_body_as_written"] = written
    sources: list[int] = []
    where = [(p.number, m.group(1), span(m2)) for p in paragraphs for m in _HELD_IN.finditer(p.text)
             if (m2 := re.match(DATE_SPAN, m.group(2)))]  # fmt: skip
    if held:
        m2 = re.match(DATE_SPAN, held[1].group(4))
        where.append((held[0].number, held[1].group(3), span(m2) if m2 else None))
    cities = {CITIES.get(city) for _, city, _ in where}
    days = {days for _, _, days in where}
    if len(cities) == 1 and None not in cities:
        out["city"] = {"ru": next(iter(cities)), "en": ""}
    else:
        said = ", ".join(sorted({f"«в {c}» (paragraph {n})" for n, c, _ in where})) or "nothing"
        out["city"] = {"ru": change(f"the report says {said}: write the city in the nominative"), "en": ""}
    if len(days) == 1 and None not in days:
        start, end = next(iter(days))  # type: ignore[misc]
        out["start_date"], out["end_date"] = start, end
    else:
        why = "the dates differ between paragraphs" if where else "no paragraph says when the meeting was held"
        out["start_date"] = change(f"{why}: the first day, YYYY-MM-DD")
        out["end_date"] = change(f"{why}: the last day, YYYY-MM-DD")
    sources += [n for n, _, _ in where]
    fmt = [(p.number, value) for p in paragraphs for pattern, value in _FORMATS if pattern.search(p.text)]
    if len({v for _, v in fmt}) == 1:
        out["format"] = fmt[0][1]
        sources.append(fmt[0][0])
    else:
        out["format"] = change(
            "the report does not say in which format the meeting was held (in_person, online or hybrid)"
            if not fmt
            else f"the report names several formats ({', '.join(f'{v} in {n}' for n, v in fmt)}): which?"
        )
    decision = next(((p, m) for p in paragraphs if (m := _DECISION.search(p.text))), None)
    if decision:
        p, m = decision
        out["format_decision"] = {
            "date": _day(m.group(2), m.group(3), m.group(4)),
            "taken_by": {"ru": m.group(5), "en": ""},
            "procedure": {"ru": m.group(6), "en": ""},
            "source": [p.number],
        }
    sittings = [(p.number, number_word(m.group(1))) for p in paragraphs if (m := _SITTINGS.search(p.text))]
    if len(sittings) == 1 and sittings[0][1] is not None:
        out["meetings_held"] = sittings[0][1]
        out["__held_in__"] = [sittings[0][0]]
        sources.append(sittings[0][0])
    else:
        out["meetings_held"] = change(
            "how many meetings (заседания) were held: the report does not say it in one sentence"
        )
    out["__chair__"] = None  # placed here by the caller
    delegates = [(p.number, m) for p in paragraphs if (m := _DELEGATES.search(p.text))]
    if len(delegates) == 1:
        n, m = delegates[0]
        value = int(m.group(3).replace(" ", ""))
        out["registered_delegates"] = {
            "value": value, "approximate": bool(m.group(2)), "as_written": m.group(1), "source": [n],
        }  # fmt: skip
    adopted = [(p.number, span(m2)) for p in paragraphs if (m := _ADOPTED.search(p.text))
               and (m2 := re.match(DATE_SPAN, m.group(1)))]  # fmt: skip
    if len(adopted) == 1 and adopted[0][1] and adopted[0][1][0] == adopted[0][1][1]:
        out["adopted_on"] = adopted[0][1][0]
        sources.append(adopted[0][0])
    out["source"] = sorted(set(sources)) or [change("the paragraphs that say where and when the meeting was held")]
    previous = _previous(skeleton)
    if previous:
        out["previous_meetings"] = previous
    resolutions = _resolutions(skeleton)
    if resolutions:
        out["resolutions"] = resolutions
    return out


_SENTENCE_END = re.compile(r"\.(?=\s+[А-ЯЁA-Z«]|$)")
#: «Во исполнение резолюции 5/3, принятой Конференцией участников ... на ее пятой сессии, была учреждена ...»
_PURSUANT = re.compile(
    r"Во исполнение резолюции (\d{1,2}/\d{1,2}), принят\w+ Конференци\w+ [^,]*? на ее (\w+) сессии, "
)
#: «В своей резолюции 7/1 под названием «...» Конференция участников постановила ...»
_TITLED = re.compile(r"В своей резолюции (\d{1,2}/\d{1,2}) под названием «([^»]+)» ")


def _resolutions(skeleton: Skeleton) -> list[Record]:
    """The Conference's resolutions the report cites in the two sentences of its introduction."""
    out: list[Record] = []
    for block in skeleton.of("paragraph"):
        text = block.text
        for pattern in (_PURSUANT, _TITLED):
            for found in pattern.finditer(text):
                end = _SENTENCE_END.search(text, found.end())
                effect = text[found.end() : end.start() if end else len(text)]
                session: object = None  # the report does not say (7/1)
                title: object = None  # the report gives no title (5/3)
                if pattern is _PURSUANT:
                    session = ordinal(found.group(2)) or change(
                        f"«на ее {found.group(2)} сессии»: which session of the Conference (a number)?"
                    )
                else:
                    title = {"ru": found.group(2), "en": ""}
                out.append({
                    "symbol": found.group(1),
                    "session": session,
                    "title": title,
                    "effect": {"ru": effect, "en": ""},
                    "source": [block.number],
                })  # fmt: skip
    return out


def _as_written(nominative: str, skeleton: Skeleton) -> Record | None:
    """The report's own words for a body it names only in another case («Конференцией участников ...»), and where."""
    texts = [(p.number, p.text) for p in skeleton.of("paragraph")]
    if any(nominative in text for _, text in texts):
        return None  # written as the data gives it
    first, _, rest = nominative.partition(" ")
    form = re.compile(re.escape(first[:-2]) + r"\w{1,3} " + re.escape(rest))
    for number, text in texts:
        found = form.search(text)
        if found:
            return {"ru": found.group(0), "source": [number]}
    return None


def _day(day: str, month: str, year: str) -> object:
    import datetime as dt

    try:
        return dt.date(int(year), MONTHS[month], int(day))
    except ValueError:
        return change(f"«{day} {month} {year}» is not a day: check the text")


def _previous(skeleton: Skeleton) -> list[Record]:
    """Earlier meetings the introduction lists.

    «Первое совещание ... проходило с 30 мая по 1 июня 2012 года, второе — ...»: each span of
    days goes with the last ordinal word before it; a span without one leaves the list to a person.
    """
    for block in skeleton.of("paragraph"):
        text = block.text
        start = _PREVIOUS.search(text)
        if not start:
            continue
        sentence_start = text.rfind(". ", 0, start.start()) + 1
        sentence_end = text.find(". ", start.end())
        sentence = text[sentence_start : sentence_end if sentence_end > 0 else len(text)]
        out: list[Record] = []
        last = 0
        for match, days in spans(sentence):
            words = re.findall(r"[А-ЯЁа-яё]+", sentence[last : match.start()])
            found = [n for w in words if (n := ordinal(w)) is not None]
            last = match.end()
            if not found or days is None:
                return []  # a date the draft cannot pin to a meeting: leave the list to a person
            out.append({"number": found[-1], "start_date": days[0], "end_date": days[1], "source": [block.number]})
        return out
    return []
