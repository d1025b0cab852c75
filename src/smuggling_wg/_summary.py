"""The summary of a meeting a newcomer sees first: a structured document, and its text in one language.

:func:`document` is the summary as data (what ``smuggling-wg summary --format json``
prints); :func:`render` is its text, every line in one language (Russian or English, the
display language), codes explained in words, each fact with its paragraphs, and the next
commands to try.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from typing import Any

from ._language import Lang, get_display_language
from .dataset import Dataset
from .models import Meeting, State

__all__ = ["document", "render"]

#: How each modality reads in words, in each language (the report's Russian words for ru).
MODALITY_WORDS: dict[Lang, dict[str, Any]] = {
    "en": {"should": "“should”", "encouraged": "“are encouraged to”", "may_wish": "“may wish to consider”"},
    "ru": {"should": "«следует»", "encouraged": "«рекомендуется»", "may_wish": "«возможно, пожелают»"},
}
STATUS_WORDS: dict[Lang, dict[str, Any]] = {
    "en": {
        "party": "parties to the Convention",
        "signatory": "signatory states",
        "non_party": "states not party",
        "organization": "organizations and UN entities",
        "permanent_observer": "permanent observers",
    },
    "ru": {
        "party": "участники Конвенции",
        "signatory": "подписавшие государства",
        "non_party": "государства, не являющиеся участниками",
        "organization": "организации и подразделения ООН",
        "permanent_observer": "постоянные наблюдатели",
    },
}
STATEMENT_WORDS: dict[Lang, dict[str, Any]] = {
    "en": {
        "introductory": "introduction by the Secretariat",
        "panel": "panellist",
        "party": "party",
        "observer_state": "observer state",
        "observer_organization": "observer organization",
    },
    "ru": {
        "introductory": "вступительное заявление Секретариата",
        "panel": "участник дискуссионной группы",
        "party": "участник",
        "observer_state": "государство-наблюдатель",
        "observer_organization": "организация-наблюдатель",
    },
}
_WORDS: dict[Lang, dict[str, Any]] = {
    "en": {
        "meeting": "Meeting {n} of the Working Group",
        "format": {"in_person": "in person", "online": "online", "hybrid": "hybrid (in person and online)"},
        "held": "{n} meetings held",
        "adopted": "report adopted on {date}",
        "recommendations": "Recommendations: {n}",
        "theme": "Section {section}: {n} (recommendations {span}), {title}",
        "modality": "How strongly put: {counts}",
        "statements": "States that made statements: {n}; with the panellists' states: {m}",
        "panel_only": "Panellists' states only: {names}",
        "also": "Also spoke: {name} ({kind})",
        "participation": "Participants: {n}",
        "status": "{words}: {n}",
        "not_states": "(of them not a state: {names})",
        "none": "none",
        "paras": ("para", "paras"),
        "next": "Next: smuggling-wg recommendations{theme}{meeting} · smuggling-wg show rec {rec}{meeting} · "
        'smuggling-wg search "digital evidence" · smuggling-wg --help',
    },
    "ru": {
        "meeting": "Совещание {n} Рабочей группы",
        "format": {"in_person": "очно", "online": "в режиме онлайн", "hybrid": "в смешанном формате"},
        "held": "заседаний: {n}",
        "adopted": "доклад утвержден {date}",
        "recommendations": "Рекомендации: {n}",
        "theme": "Раздел {section}: {n} (рекомендации {span}), {title}",
        "modality": "Сила формулировки: {counts}",
        "statements": "Государства, выступившие с заявлениями: {n}; вместе с государствами докладчиков: {m}",
        "panel_only": "Только государства докладчиков: {names}",
        "also": "Также выступили: {name} ({kind})",
        "participation": "Участники: {n}",
        "status": "{words}: {n}",
        "not_states": "(из них не государства: {names})",
        "none": "нет",
        "paras": ("п.", "пп."),
        "next": "Далее: smuggling-wg recommendations{theme}{meeting} · smuggling-wg show rec {rec}{meeting} · "
        'smuggling-wg search "цифровые доказательства" · smuggling-wg --help',
    },
}
_MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": (
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
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
}


def _day(d: dt.date, lang: Lang) -> str:
    """'9 September 2020' or '9 сентября 2020 года', whatever the locale."""
    return f"{d.day} {_MONTHS[lang][d.month - 1]} {d.year}" + (" года" if lang == "ru" else "")


def _dates(m: Meeting, lang: Lang) -> str:
    start, end = m.start_date, m.end_date
    if start == end:
        return _day(end, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_day(end, lang)}"
    return f"{_day(start, lang)} – {_day(end, lang)}"


def _numbers(numbers: list[int]) -> list[int]:
    return sorted(set(numbers))


def document(ds: Dataset, meeting: int) -> dict[str, Any]:
    """The summary of ``meeting`` as data: facts, counts and names, each with the paragraphs it rests on."""
    m = ds.meeting(meeting)
    speaking = ds.states_with_statements(meeting=meeting)
    with_panel = ds.states_with_statements(meeting=meeting, include_panellists=True)
    others = [s for s in m.statements if not isinstance(ds.actor(s.actor), State)]
    by_status = Counter(p.status for p in m.participants)
    return {
        "meeting": m.number,
        "title": {"ru": m.title.ru, "en": m.title.en},
        "city": {"ru": m.city.ru, "en": m.city.en},
        "start_date": m.start_date.isoformat(),
        "end_date": m.end_date.isoformat(),
        "format": m.format,
        "meetings_held": m.meetings_held,
        "adopted_on": m.adopted_on.isoformat() if m.adopted_on else None,
        "source": list(m.source),
        "recommendations": {
            "count": len(m.recommendations),
            "themes": [
                {
                    "id": t.id,
                    "title": {"ru": t.title.ru, "en": t.title.en},
                    "numbers": [r.number for r in m.recommendations if r.theme == t.id],
                    "source": list(t.source),
                }
                for t in m.themes
            ],
            "modalities": dict(Counter(r.modality for r in m.recommendations)),
        },
        "statements": {
            "states": [s.id for s in speaking],
            "states_with_panellists": [s.id for s in with_panel],
            "others": [{"actor": s.actor, "kind": s.kind, "source": list(s.source)} for s in others],
            "source": _numbers([n for s in m.statements for n in s.source]),
        },
        "participation": {
            "count": len(m.participants),
            "by_status": {
                status: {
                    "count": count,
                    "not_states": [
                        p.actor
                        for p in m.participants
                        if p.status == status and not isinstance(ds.actor(p.actor), State)
                    ],
                }
                for status, count in by_status.items()
            },
            "source": _numbers([n for p in m.participants for n in p.source]),
        },
    }


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, width=88, initial_indent="  ", subsequent_indent="  ")


def render(ds: Dataset, meeting: int, lang: Lang | None = None) -> str:
    """The summary of ``meeting`` as text, every line in ``lang`` (default: the display language)."""
    lang = lang or get_display_language()
    words = _WORDS[lang]
    doc = document(ds, meeting)
    m = ds.meeting(meeting)

    def cite(numbers: list[int]) -> str:
        one, many = words["paras"]
        return f"  [{one if len(numbers) == 1 else many} {', '.join(map(str, numbers))}]" if numbers else ""

    def clip(text: str, width: int = 60) -> str:
        return text if len(text) <= width else text[: text.rfind(" ", 0, width)] + "…"

    formats: dict[str, str] = words["format"]
    facts = [words["meeting"].format(n=m.number), m.city.get(lang), _dates(m, lang), formats[m.format]]
    facts.append(words["held"].format(n=m.meetings_held))
    if m.adopted_on:
        facts.append(words["adopted"].format(date=_day(m.adopted_on, lang)))
    lines = [m.title.get(lang), "", ", ".join(facts) + cite(list(m.source)), ""]

    recs = doc["recommendations"]
    lines.append(
        words["recommendations"].format(n=recs["count"])
        + cite(_numbers([n for r in m.recommendations for n in r.source]))
    )
    for theme in m.themes:
        numbers = [r.number for r in m.recommendations if r.theme == theme.id]
        span = f"{numbers[0]}–{numbers[-1]}" if numbers else words["none"]
        title = clip(theme.title.get(lang))
        lines += _wrapped(words["theme"].format(section=theme.section, title=title, n=len(numbers), span=span))
    counts = ", ".join(f"{MODALITY_WORDS[lang][k]} {n}" for k, n in recs["modalities"].items())
    lines += _wrapped(words["modality"].format(counts=counts))
    lines.append("")

    speaking = ds.states_with_statements(meeting=meeting)
    with_panel = ds.states_with_statements(meeting=meeting, include_panellists=True)
    lines.append(words["statements"].format(n=len(speaking), m=len(with_panel)) + cite(doc["statements"]["source"]))
    lines += _wrapped(", ".join(s.name.get(lang) for s in speaking))
    extra = [s for s in with_panel if s not in speaking]
    names = ", ".join(s.name.get(lang) for s in extra) or words["none"]
    lines += _wrapped(words["panel_only"].format(names=names))
    for other in doc["statements"]["others"]:
        name = ds.actor(other["actor"]).name.get(lang)
        lines += _wrapped(words["also"].format(name=name, kind=STATEMENT_WORDS[lang][other["kind"]]))
    lines.append("")

    part = doc["participation"]
    lines.append(words["participation"].format(n=part["count"]) + cite(part["source"]))
    for status, entry in part["by_status"].items():
        line = "  " + words["status"].format(words=STATUS_WORDS[lang][status], n=entry["count"])
        others = ", ".join(ds.actor(a).name.get(lang) for a in entry["not_states"])
        mixed = entry["not_states"] and len(entry["not_states"]) < entry["count"]
        lines.append(line + (" " + words["not_states"].format(names=others) if mixed else ""))
    several = len(ds.meetings) > 1
    last_theme = m.themes[-1].id if m.themes else ""
    lines += [
        "",
        words["next"].format(
            theme=f" --theme {last_theme}" if last_theme else "",
            rec=m.recommendations[len(m.recommendations) // 3].number if m.recommendations else 1,
            meeting=f" --meeting {m.number}" if several else "",
        ),
    ]
    return "\n".join(lines)
