"""The summary of a meeting a newcomer sees first: a structured document, and its text in one language.

:func:`document` is the summary as data (what ``smuggling-wg summary --format json``
prints); :func:`render` is its text, every line in one language (Russian or English, the
display language), codes explained in words, each fact with its paragraphs, and the next
commands to try.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable
from typing import Any

from . import _words
from ._language import Lang, get_display_language
from .dataset import Dataset
from .models import State

__all__ = ["document", "render"]


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


def _wrapped(text: str, width: int, indent: str = "  ") -> list[str]:
    return textwrap.wrap(
        text, width=max(width, 20), initial_indent=indent, subsequent_indent=indent or "  ", break_on_hyphens=False
    )


def render(ds: Dataset, meeting: int, lang: Lang | None = None, *, width: int = 88) -> str:
    """The summary of ``meeting`` as text, every line in ``lang`` (default: the display language).

    Every word comes from the catalogue (:mod:`._words`); names are as at the meeting, listed
    in the language's alphabetical order; lines wrap at ``width`` (the command passes the
    terminal's width or ``$COLUMNS``).
    """
    lang = lang or get_display_language()
    doc = document(ds, meeting)
    m = ds.meeting(meeting)

    def say(key: str, **values: object) -> str:
        return _words.label(key, lang).format(**values)

    def cite(numbers: list[int]) -> str:
        return f"  [{_words.paras(numbers, lang, short=True)}]" if numbers else ""

    def names(ids: Iterable[str]) -> str:
        shown = _words.sorted_by_name((ds.name_at(i, meeting=m.number, lang=lang) for i in ids), lang)
        return ", ".join(shown) or _words.label("none", lang)

    def clip(text: str, most: int = 60) -> str:
        return text if len(text) <= most else text[: text.rfind(" ", 0, most)] + "…"

    facts = [
        say("of_the_working_group", meeting=_words.capital(_words.meeting_title(m.number, lang))),
        m.city.get(lang),
        _words.dates(m.start_date, m.end_date, lang),
        _words.code("format", m.format, lang),
        say("meetings_held_n", n=m.meetings_held),
    ]
    if m.adopted_on:
        facts.append(say("adopted_on_day", date=_words.day(m.adopted_on, lang)))
    lines = [*_wrapped(m.title.get(lang), width, ""), ""]
    lines += [*_wrapped(", ".join(facts) + cite(list(m.source)), width, ""), ""]

    recs = doc["recommendations"]
    cited = _numbers([n for r in m.recommendations for n in r.source])
    lines += _wrapped(say("summary_recommendations", n=recs["count"]) + cite(cited), width, "")
    for theme in m.themes:
        numbers = [r.number for r in m.recommendations if r.theme == theme.id]
        span = f"{numbers[0]}–{numbers[-1]}" if numbers else _words.label("none", lang)
        title = clip(theme.title.get(lang))
        lines += _wrapped(say("summary_theme", section=theme.section, title=title, n=len(numbers), span=span), width)
    counts = ", ".join(
        f"{_words.quote(_words.code('modality', k, lang), lang)} {n}" for k, n in recs["modalities"].items()
    )
    lines += [*_wrapped(say("summary_modality", counts=counts), width), ""]

    speaking, with_panel = doc["statements"]["states"], doc["statements"]["states_with_panellists"]
    head = say("summary_statements", n=len(speaking), m=len(with_panel)) + cite(doc["statements"]["source"])
    lines += _wrapped(head, width, "")
    lines += _wrapped(names(speaking), width)
    lines += _wrapped(say("summary_panel_only", names=names(s for s in with_panel if s not in speaking)), width)
    for other in doc["statements"]["others"]:
        kind = _words.code("statement_kind", other["kind"], lang)
        lines += _wrapped(say("summary_also", name=names([other["actor"]]), kind=kind), width)
    lines.append("")

    part = doc["participation"]
    lines += _wrapped(say("summary_participation", n=part["count"]) + cite(part["source"]), width, "")
    for status, entry in part["by_status"].items():
        line = f"{_words.code('status', status, lang, plural=True)}: {entry['count']}"
        mixed = entry["not_states"] and len(entry["not_states"]) < entry["count"]
        if mixed:
            line += " " + say("summary_not_states", names=names(entry["not_states"]))
        lines += _wrapped(_words.capital(line), width)
    several = len(ds.meetings) > 1
    last_theme = m.themes[-1].id if m.themes else ""
    rec = m.recommendations[len(m.recommendations) // 3].number if m.recommendations else 1
    where = f" --meeting {m.number}" if several else ""
    commands = [
        f"smuggling-wg recommendations{f' --theme {last_theme}' if last_theme else ''}{where}",
        f"smuggling-wg show rec {rec}{where}",
        f'smuggling-wg search "{_words.label("search_example", lang)}"',
        "smuggling-wg --help",
    ]
    lines += ["", *_wrapped(f"{say('summary_next')}: " + " · ".join(commands), width, "")]
    return "\n".join(lines)
