"""The site's pages and what their templates ask of the data beyond one record.

:func:`pages` lists every page of one language tree; :class:`Helpers` answers the questions
the pages share: names as they stood at the meeting, lists in the reader's alphabetical
order, who spoke and on what, what was said under an agenda item, what a topic tags, and
the counts beside the charts. Words come from :mod:`._words`; numbers from the library.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import _words as _catalogue
from .._language import Lang
from ..dataset import Dataset
from ..models import (
    AgendaItem,
    Meeting,
    Paragraph,
    Recommendation,
    Speaker,
    Standing,
    State,
    Statement,
    Text,
    Topic,
)
from . import _index, _words

if TYPE_CHECKING:
    from markupsafe import Markup

    from ..analysis import Dimension

#: The report's words an editorial text quotes: «...» (no nesting in the data).
_QUOTED = re.compile(r"«([^«»]*)»")

#: The dimensions counted on the page "In numbers", in the order shown.
COUNTED = ("theme", "modality", "topic", "specificity")

#: The order the report gives statements in (paras 20–25): its sections of "Statements".
STATEMENT_KINDS = ("introductory", "panel", "party", "observer_state", "observer_organization")


def pages(ds: Dataset, m: Meeting) -> list[tuple[str, str, dict[str, Any]]]:
    """Every page of one language tree: relative path, template, what it shows."""
    found: list[tuple[str, str, dict[str, Any]]] = [
        ("index.html", "meeting.html", {}),
        ("recommendations.html", "recommendations.html", {}),
        ("report.html", "report.html", {}),
        ("speakers.html", "speakers.html", {}),
        ("actors.html", "actors.html", {}),
        ("topics.html", "topics.html", {}),
        ("counts.html", "counts.html", {}),
        ("cite.html", "cite.html", {}),
        ("search.html", "search.html", {"records": lambda lang: _index.records(ds, m, lang)}),
    ]
    found += [(f"recommendations/{r.number}.html", "recommendation.html", {"r": r}) for r in m.recommendations]
    found += [(f"actors/{a.id}.html", "actor.html", {"a": a}) for a in ds.actors]
    found += [(f"topics/{t.id}.html", "topic.html", {"topic": t}) for t in ds.topics]
    found += [(f"agenda/{item.number}.html", "agenda.html", {"item": item}) for item in m.agenda]
    return found


#: The site's sections, in the navigation's order: page and the word naming it.
NAVIGATION = (
    ("index.html", "meeting"),
    ("recommendations.html", "recommendations"),
    ("report.html", "report"),
    ("speakers.html", "who_spoke"),
    ("actors.html", "actors"),
    ("topics.html", "topics"),
    ("counts.html", "in_numbers"),
    ("cite.html", "cite"),
)


@dataclass(frozen=True)
class Said:
    """Statements of one kind: who, on which agenda items, cited from which paragraphs."""

    kind: str
    actors: tuple[str, ...]
    agenda_items: tuple[int, ...]
    source: tuple[int, ...]


@dataclass(frozen=True)
class Row:
    """One row of a counts table: the value, how it reads, how many, where the list of them is."""

    value: str
    label: str
    n: int
    href: str


def site_name(n: int, lang: Lang) -> str:
    """The site's name: the body and the meeting in words ('…, 7th meeting')."""
    return _words.ui("site", lang).format(meeting=_catalogue.meeting_title(n, lang))


def cited(numbers: Iterable[int]) -> list[int]:
    """Paragraph numbers once each, in order."""
    return sorted(set(numbers))


class Helpers:
    """What the pages ask beyond one record (mixed into the templates' helper ``h``)."""

    ds: Dataset
    m: Meeting
    lang: Lang

    # --- names, dates and order -------------------------------------------------

    def tx(self, value: Text | None) -> tuple[str, str]:
        """A text in the page's language and the language it is really in: (text, lang)."""
        if value is None:
            return "", self.lang
        if self.lang == "en" and value.en:
            return value.en, "en"
        return value.ru, "ru"

    def renamed(self, actor_id: str) -> tuple[str, dt.date] | None:
        """The name an actor had at the meeting and the day it changed, if it changed since."""
        actor = self.ds.actor(actor_id)
        if not isinstance(actor, State) or actor.names is None:
            return None
        then = actor.names_at(self.m.start_date)
        lang = "en" if self.lang == "en" else "ru"
        if then is None or getattr(then, lang) == getattr(actor.names, lang):
            return None
        until = min(c.until for c in actor.former_names if c.until > self.m.start_date and lang in c.names)
        return getattr(then, lang), until

    def sorted_actors(self, actor_ids: Iterable[str]) -> list[str]:
        """Actors in the page language's alphabetical order of their names at the meeting."""
        return sorted(dict.fromkeys(actor_ids), key=lambda a: _catalogue.collation_key(self.name_at(a)[0], self.lang))

    def date(self, start: dt.date, end: dt.date | None = None) -> str:
        return _catalogue.dates(start, end, self.lang)

    def meeting_title(self, n: int | None = None) -> str:
        return _catalogue.meeting_title(self.m.number if n is None else n, self.lang)

    def sitting(self, n: int) -> str:
        """One numbered meeting of the session: '2nd meeting', «2-е заседание»."""
        return f"{_catalogue.ordinal(n, self.lang)} {_catalogue.label('sitting', self.lang)}"

    def site_name(self) -> str:
        return site_name(self.m.number, self.lang)

    def navigation(self) -> tuple[tuple[str, str], ...]:
        return NAVIGATION

    def sentence(self, text: str) -> str:
        """Text with its first letter capital and the rest as written (Jinja's ``capitalize`` lowers it)."""
        return _catalogue.capital(text)

    def quoting(self, text: str) -> Markup:
        """An editorial English text with the report's words it quotes «...» marked as Russian."""
        from markupsafe import Markup, escape

        return Markup("").join(
            Markup('«<span lang="ru">{}</span>»').format(part) if i % 2 else escape(part)
            for i, part in enumerate(_QUOTED.split(text))
        )

    def status(self, value: str) -> str:
        """One actor's status, in the singular ('Party to the Protocol'); lists are headed by the plural."""
        return _catalogue.capital(_catalogue.code("status", value, self.lang))

    def joiner(self, index: int, length: int) -> str:
        """What comes after item ``index`` (1-based) of ``length`` in a list in words: ', ', ' and ' or ''."""
        if index >= length:
            return ""
        return f" {_catalogue.label('and', self.lang)} " if index == length - 1 else ", "

    # --- standing: what a paragraph is (data 1.2) -------------------------------------------

    def chair_summary(self, numbers: Iterable[int]) -> list[int]:
        """Of ``numbers``, the paragraphs of the Chair's summary (standing ``chair_summary``: not adopted).

        With :meth:`standing`, the one place the site reads standing; citations mark these numbers.
        """
        wanted = set(numbers)
        return [p.number for p in self.m.paragraphs if p.number in wanted and p.standing == "chair_summary"]

    def standing(self, standing: Standing | None) -> str:
        """A standing in the catalogue's words (as every surface says it); empty for none."""
        return "" if standing is None else _catalogue.code("standing", standing, self.lang)

    # --- who spoke -------------------------------------------------------------

    def said(self) -> list[Said]:
        """The meeting's statements grouped by kind, in the report's order of kinds and of actors."""
        groups: list[Said] = []
        for kind in STATEMENT_KINDS:
            of_kind = [s for s in self.m.statements if s.kind == kind]
            if of_kind:
                groups.append(
                    Said(
                        kind,
                        tuple(dict.fromkeys(s.actor for s in of_kind)),
                        tuple(sorted({n for s in of_kind for n in s.agenda_items})),
                        tuple(cited(n for s in of_kind for n in s.source)),
                    )
                )
        return groups

    def states_with_statements(self, include_panellists: bool) -> tuple[list[str], list[int]]:
        """The library's answer (``ds.states_with_statements``) and the paragraphs of those statements."""
        states = [
            a.id for a in self.ds.states_with_statements(meeting=self.m.number, include_panellists=include_panellists)
        ]
        kinds = {"party", "observer_state"} | ({"panel"} if include_panellists else set())
        source = cited(n for s in self.m.statements if s.actor in states and s.kind in kinds for n in s.source)
        return states, source

    def panellists(self, agenda_item: int | None = None) -> list[Speaker]:
        return [s for s in self.m.speakers if agenda_item is None or s.agenda_item == agenda_item]

    def statements_on(self, agenda_item: int) -> list[Statement]:
        """Statements under an agenda item (panel presentations apart), as the library answers.

        The statements the report places there only as a group (para 23) come after the others,
        and the page says so.
        """
        found = self.ds.statements(meeting=self.m.number, agenda_item=agenda_item, include_group_items=True)
        return sorted((s for s in found if s.kind != "panel"), key=lambda s: s.agenda_attribution == "group")

    def numbered_meetings_on(self, agenda_item: int) -> list[Any]:
        return [n for n in self.m.numbered_meetings if agenda_item in n.agenda_items]

    def agenda_item(self, number: int) -> AgendaItem:
        return next(a for a in self.m.agenda if a.number == number)

    # --- topics ------------------------------------------------------------------

    def recommendations_tagged(self, topic: Topic) -> list[tuple[Recommendation, list[str]]]:
        """The recommendations tagged with a topic, each with the quotes that justify the tag."""
        return [
            (r, [t.quote for t in r.topics if t.topic == topic.id])
            for r in self.m.recommendations
            if any(t.topic == topic.id for t in r.topics)
        ]

    def paragraphs_tagged(self, topic: Topic) -> list[tuple[Paragraph, list[str]]]:
        return [
            (p, [t.quote for t in p.topics if t.topic == topic.id])
            for p in self.m.paragraphs
            if any(t.topic == topic.id for t in p.topics)
        ]

    # --- counts -----------------------------------------------------------------------

    def count_rows(self, dimension: Dimension) -> list[Row]:
        """A dimension's counts (zero counts included), each row linking the filtered list."""
        rows = []
        for c in self.ds.counts(dimension, meeting=self.m.number):
            label = self.option(dimension, c.value)
            rows.append(Row(str(c.value), label, c.n, f"recommendations.html?{dimension}={c.value}"))
        if dimension == "topic":
            rows.sort(key=lambda r: (-r.n, _catalogue.collation_key(r.label, self.lang)))
        return rows

    def status_rows(self) -> list[tuple[Row, int]]:
        """Participants by status, each linking its list on the page of states and organizations."""
        return [
            (Row(status, _words.code(status, self.lang), len(people), f"actors.html#{status}"), people[0].source[0])
            for status, people in self.statuses()
        ]

    # provided by the site's helper class
    def option(self, dimension: str, value: object) -> str:
        raise NotImplementedError

    def statuses(self) -> list[tuple[str, list[Any]]]:
        raise NotImplementedError

    def name_at(self, actor_id: str) -> tuple[str, str]:
        raise NotImplementedError
