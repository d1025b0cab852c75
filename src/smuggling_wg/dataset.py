"""The immutable :class:`Dataset` and its queries; :func:`load` returns the cached one.

Every query is a method here. Filters return tuples (maybe empty), never ``None``;
a lookup that misses raises :class:`~smuggling_wg.errors.NotFound` (a ``KeyError``);
a filter value that does not exist raises :class:`~smuggling_wg.errors.InvalidFilter`.
Indexes (actor names, labels, the search index) are built once, on first use.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar, cast, get_args, overload

from . import _loader, analysis
from ._cache import Cache
from ._fold import fold
from ._language import Lang, get_display_language, lang_of
from ._names import name_key
from ._results import Results
from .analysis import Dimension, Value
from .errors import DataError, InvalidFilter, NotFound, Problem, closest, quoted
from .models import (
    STANDINGS,
    Actor,
    ActorProfile,
    AgendaItem,
    Bundle,
    Document,
    Meeting,
    MeetingRole,
    Modality,
    Paragraph,
    Participant,
    ParticipationStatus,
    Provenance,
    Recommendation,
    RegionalGroup,
    Speaker,
    Standing,
    State,
    Statement,
    StatementKind,
    Theme,
    Topic,
)

if TYPE_CHECKING:  # the search module is imported on first search, keeping load() lean
    import pandas

    from . import _usercache
    from ._tables import TableName
    from .search import Kind, Searchable, SearchHit, SearchIndex

__all__ = ["PATH_VARIABLE", "Dataset", "load", "validate"]

T = TypeVar("T")
R = TypeVar("R")
L = TypeVar("L")
_PROVENANCES: tuple[str, ...] = get_args(Provenance)
OneOrMore: TypeAlias = "T | Iterable[T] | None"
_STATUSES: tuple[str, ...] = get_args(ParticipationStatus)
_STATEMENT_KINDS: tuple[str, ...] = get_args(StatementKind)


class Dataset:
    """All meetings and actors, immutable, with the queries researchers ask."""

    __slots__ = ("_actors", "_built", "_bundle", "_lock", "_meetings", "_stored")
    _actors: dict[str, Actor]
    _bundle: Bundle
    _built: dict[str, Any]  # indexes built on first use: actor keys, labels, the search index
    _lock: threading.Lock
    _meetings: dict[int, Meeting]
    _stored: _usercache.Entry | None  # where load() keeps this dataset and its search index on disk, if it does

    def __init__(self, bundle: Bundle) -> None:
        meetings = {m.number: m for m in sorted(bundle.meetings, key=lambda m: m.number)}
        actors = {a.id: a for a in bundle.actors}
        fields = {"_bundle": bundle, "_meetings": meetings, "_actors": actors, "_built": {}, "_lock": threading.Lock()}
        fields["_stored"] = None
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Dataset is immutable (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Dataset is immutable (cannot delete {name!r})")

    def _repr_html_(self) -> str:
        """The dataset in a notebook: what it holds (:mod:`._views`)."""
        from ._notebook import html

        return html(self)

    def __rich__(self) -> object:
        from ._notebook import rich

        return rich(self)

    def __repr__(self) -> str:
        return f"<Dataset data_version={self.data_version} meetings={list(self._meetings)} actors={len(self._actors)}>"

    @property
    def data_version(self) -> str:
        """Version of the data this dataset holds."""
        return self._bundle.data_version

    @property
    def bundle(self) -> Bundle:
        """The validated data behind this dataset (for export and round trips)."""
        return self._bundle

    @property
    def meetings(self) -> Results[Meeting]:
        """All meetings, by number."""
        return Results(self._meetings.values())

    @property
    def actors(self) -> Results[Actor]:
        """All states and organizations, in data order."""
        return Results(self._actors.values())

    def meeting(self, number: int) -> Meeting:
        """The meeting with this number; :class:`NotFound` if there is none."""
        if not isinstance(number, int) or isinstance(number, bool):
            reason = f"meeting numbers are integers: got {quoted(number)}{_use_number(number)}"
            raise InvalidFilter("meeting number", number, self._meetings, reason=reason)
        try:
            return self._meetings[number]
        except (KeyError, TypeError):
            raise NotFound("meeting", number, self._meetings) from None

    def actor(self, key: str) -> Actor:
        """A state or organization by id, code, acronym or any of its names.

        Keys: the id, ISO alpha-2/alpha-3 and M49 codes, acronyms, the report's name, the
        UN short name in any of the six UN languages, every form the report uses for it
        (the genitive «Австралии», «Ирана (Исламская Республика)») and the common names of
        states in English and Russian from CLDR and OCHA ("Russia", "USA", «США», "Türkiye",
        "Czech Republic"). Case-, accent- and ё/е-insensitive. A name no key holds is tried
        against OCHA's regular expression of each state, matching the whole name ("Vatican", "the Vatican";
        not "Republic of Turkey", nor a state's name among other words).
        :class:`NotFound` for an unknown key, naming the closest candidates, and for an
        ambiguous one, naming every actor it could mean.

        ```python
        >>> [load().actor(name).id for name in ("Russia", "США", "Türkiye", "Holy See")]
        ['RUS', 'USA', 'TUR', 'VAT']

        ```
        """
        if not isinstance(key, str):
            raise InvalidFilter(
                "actor name", key, (), reason=f"an actor is named by text (a name or a code): got {quoted(key)}"
            )
        folded = name_key(_loader.check_text("actor name", key))
        keys = self._built.get("actor_keys") or self._once("actor_keys", self._actor_keys)
        ids = keys.get(folded, ())
        if len(ids) == 1:
            return self._actors[ids[0]]
        from . import _lookup

        if not ids and folded:
            ids = _lookup.by_pattern(folded, [i for i, a in self._actors.items() if isinstance(a, State)])
            if len(ids) == 1:
                return self._actors[ids[0]]
        if ids:
            named = ", ".join(f"{i} ({self._actors[i].name.get('en')})" for i in ids)
            raise NotFound("actor", key, ids, reason=f"{quoted(key)} is ambiguous: it names {named}")
        looking = _lookup.alike(self._once("actor_looks", lambda: _lookup.looks_index(self._bundle)), str(key))
        if looking:
            like = ", ".join(f"{name!r} ({i})" for i, name in looking.items())
            close = closest(folded, keys, n=5, cutoff=0.6)
            shown = [f"{i} ({self._actors[i].name.get('en')})" for i in dict.fromkeys([*looking, *_ids(close, keys)])]
            reason = (
                f"no actor {quoted(key)}: it looks like {like} but is written with other letters "
                f"(a capital I for an l, 1 or 0 for a letter, rn for m, another script). Closest: {', '.join(shown)}."
            )
            raise NotFound("actor", key, self._actors, reason=reason)
        absent = [f"{code} ({name})" for code, name in _lookup.elsewhere(folded) if code not in self._actors]
        if absent:
            states = " or ".join(absent)
            reason = f"no actor {quoted(key)}: {states} {'is' if len(absent) == 1 else 'are'} not in the data"
            raise NotFound("actor", key, self._actors, reason=reason)
        close = closest(folded, keys, n=5, cutoff=0.6)
        shown = [f"{i} ({self._actors[i].name.get('en')})" for i in _ids(close, keys)]
        hint = f" Closest: {', '.join(shown)}." if shown else " Use an ISO code, an id or a name."
        raise NotFound("actor", key, self._actors, reason=f"no actor {quoted(key)}.{hint}")

    def _actor_keys(self) -> Mapping[str, Sequence[str]]:
        """The compiled lookup keys, extended for data that is not the bundled data (see :mod:`._lookup`)."""
        from . import _lookup

        loaded = _datasets.built()
        return _lookup.keys(self._bundle, None if loaded is None else loaded.bundle)

    def source_text(self, *, meeting: int | None = None, flowed: bool = False) -> str:
        """The report's own text as shipped (``flowed=True``: as running text, joined by the one rule of the data).

        ``meeting``: which report (any meeting that ships one, when only one does). Every
        verbatim string in the data is a substring of the flowed text.
        """
        from . import _sourcetext

        shipped = [m.number for m in self._meetings.values() if m.source_file]
        number = self._one_meeting(meeting, shipped, "source text")
        name = self.meeting(number).source_file
        if name is None:
            raise NotFound("source text", number, shipped, reason=f"no source text is shipped for meeting {number}")
        texts = _sourcetext.shipped()
        if name not in texts:
            at = next(i for i, m in enumerate(self._bundle.meetings) if m.number == number)
            message = f"no report text {name!r} is shipped with smuggling_wg (shipped: {', '.join(texts)})"
            raise DataError([Problem("", f"meetings.{at}.source_file", message)])
        raw = _sourcetext.read_source(name)
        return _sourcetext.flow(raw) if flowed else raw

    def paragraph(self, number: int, *, meeting: int | None = None) -> Paragraph:
        """A numbered paragraph of a report (``meeting``: whose, when several meetings have that number)."""
        return self._numbered("paragraph", number, meeting, lambda m: m.paragraphs)

    def recommendation(self, number: int, *, meeting: int | None = None) -> Recommendation:
        """A recommendation by its number (``meeting``: whose, when several meetings have that number)."""
        return self._numbered("recommendation", number, meeting, lambda m: m.recommendations)

    def _numbered(self, what: str, number: int, meeting: int | None, records: Callable[[Meeting], tuple[T, ...]]) -> T:
        """Record ``number`` of one meeting's numbered list; the one meeting rule applies (see :meth:`meetings`)."""
        if not isinstance(number, int) or isinstance(number, bool):
            reason = f"{what} numbers are integers: got {quoted(number)}{_use_number(number)}"
            raise InvalidFilter(f"{what} number", number, (), reason=reason)
        having = [m.number for m in self._meetings.values() if 1 <= number <= len(records(m))]
        if meeting is None and not having:
            valid = range(1, max((len(records(m)) for m in self._meetings.values()), default=0) + 1)
            raise NotFound(what, number, valid)
        chosen = self.meeting(self._one_meeting(meeting, having, f"{what} {number}"))
        found = records(chosen)
        if not 1 <= number <= len(found):
            raise NotFound(what, number, range(1, len(found) + 1))
        return found[number - 1]

    def _one_meeting(self, meeting: int | None, having: list[int], what: str) -> int:
        """The meeting a lookup means: the one given, or the only one that has ``what``."""
        if meeting is not None:
            return self.meeting(meeting).number
        if len(having) == 1:
            return having[0]
        if not having:
            raise NotFound(what, None, [], reason=f"no meeting has a {what}")
        listed = " and ".join(map(str, having))
        reason = f"{what} is in meetings {listed}: say which meeting (meeting=N; on the command line, --meeting N)"
        raise NotFound(what, None, having, reason=reason)

    def _in(self, meeting: OneOrMore[int]) -> tuple[Meeting, ...]:
        """The meetings a filter covers: all of them (None), or those given (one number or several)."""
        if meeting is None:
            return tuple(self._meetings.values())
        several = isinstance(meeting, Iterable) and not isinstance(meeting, str | bytes)
        numbers: tuple[int, ...] = tuple(meeting) if several else (meeting,)  # type: ignore[arg-type,assignment]
        return tuple(self.meeting(n) for n in numbers)

    def paragraphs(
        self,
        *,
        meeting: OneOrMore[int] = None,
        topic: OneOrMore[str] = None,
        standing: OneOrMore[Standing] = None,
    ) -> Results[Paragraph]:
        """Paragraphs in order; with ``topic`` (one or several), those tagged with any of them.

        ``standing`` (one or several) keeps the paragraphs of that standing, as the report states
        it (:data:`~smuggling_wg.models.Standing`): ``"adopted"`` (the recommendations the Working
        Group adopted, chapter II), ``"chair_summary"`` (the Chair's summary, chapter III: not
        considered and not subject to adoption, para 4) or ``"proceedings"`` (the report's account,
        chapters I, IV and V).

        ```python
        >>> [p.number for p in load().paragraphs(standing="chair_summary")]
        [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]

        ```
        """
        wanted = _values("topic", topic, [x.id for x in self._bundle.topics])
        standings = _values("standing", standing, STANDINGS)
        return self._results(
            (
                p
                for m in self._in(meeting)
                for p in m.paragraphs
                if (wanted is None or any(t.topic in wanted for t in p.topics))
                and (standings is None or p.standing in standings)
            ),
            kind=Paragraph,
        )

    @property
    def topics(self) -> Results[Topic]:
        """The controlled vocabulary of topics (editorial), in its own order."""
        return self._results(self._bundle.topics, kind=Topic)

    def topic(self, topic_id: str) -> Topic:
        """A topic by its id (any case); :class:`NotFound` naming the vocabulary otherwise."""
        _text_or_value("topic", topic_id)
        for t in self._bundle.topics:
            if isinstance(topic_id, str) and t.id == topic_id.casefold():
                return t
        raise NotFound("topic", topic_id, (t.id for t in self._bundle.topics))

    def recommendations(
        self,
        *,
        meeting: OneOrMore[int] = None,
        theme: OneOrMore[str] = None,
        modality: OneOrMore[Modality] = None,
        text: str | None = None,
        topic: OneOrMore[str] = None,
        sdg_target: OneOrMore[str] = None,
        instrument: OneOrMore[str] = None,
        article: OneOrMore[str] = None,
        addressee_kind: OneOrMore[str] = None,
        specificity: OneOrMore[int] = None,
        provenance: Provenance | None = None,
    ) -> Results[Recommendation]:
        """Recommendations in number order, filtered by every argument given.

        ``meeting`` keeps some meetings' (all by default); ``text`` those whose Russian or
        English contains it (case- and ё/е-insensitive). Every label filter takes one value or
        several (any of them matches), in any case: ``theme``, ``modality``, ``topic``,
        ``sdg_target`` ("16.4"), ``instrument`` ("convention", "smuggling_protocol"),
        ``article`` ("convention:19"), ``addressee_kind``, ``specificity`` (1-5).
        ``provenance`` ("source" or "editorial") counts only labels of that provenance, so
        ``recommendations(article="convention:19", provenance="source")`` is the
        recommendation whose text cites that article.
        """
        provenance = _value("provenance", provenance, _PROVENANCES)
        wanted = {
            "theme": theme,
            "modality": modality,
            "topic": topic,
            "sdg_target": sdg_target,
            "instrument": instrument,
            "article": article,
            "addressee_kind": addressee_kind,
            "specificity": specificity,
        }
        tests: list[tuple[dict[tuple[int, int], frozenset[Value]], set[Value]]] = []
        for name, value in wanted.items():
            dimension: Dimension = name  # type: ignore[assignment]
            values = _values(name.replace("_", " "), value, self._labels(dimension, None)[1])
            if values is not None:
                tests.append((self._labels(dimension, provenance)[0], set(values)))
        needle = fold(_loader.check_text("text filter", text)) if text is not None else None
        return self._results(
            (
                r
                for m in self._in(meeting)
                for r in m.recommendations
                if all(not labels[m.number, r.number].isdisjoint(values) for labels, values in tests)
                and (needle is None or needle in fold(r.text.ru) or needle in fold(r.text.en))
            ),
            kind=Recommendation,
        )

    def _labels(
        self, dimension: Dimension, provenance: Provenance | None
    ) -> tuple[dict[tuple[int, int], frozenset[Value]], list[Value]]:
        """Each recommendation's values in ``dimension`` by (meeting, number), and every valid value; built once."""

        def build() -> tuple[dict[tuple[int, int], frozenset[Value]], list[Value]]:
            by_record = {
                (m.number, r.number): frozenset(analysis.values_of(r, dimension, provenance))
                for m in self._meetings.values()
                for r in m.recommendations
            }
            return by_record, analysis.order(self._bundle, dimension, (v for vs in by_record.values() for v in vs))

        return self._once(f"labels {dimension} {provenance}", build)

    def counts(
        self, dimension: Dimension, *, meeting: OneOrMore[int] = None, provenance: Provenance | None = None
    ) -> analysis.CountTable:
        """How many recommendations have each value of ``dimension``, zero counts included.

        ```python
        >>> load().counts("theme")
        <CountTable>
        theme        n
        crises       7
        technology  15
        >>> tuple(load().counts("theme"))
        (Count(value='crises', n=7), Count(value='technology', n=15))

        ```
        """
        dimension = _value("dimension", dimension, analysis.DIMENSIONS)
        provenance = _value("provenance", provenance, _PROVENANCES)
        chosen = self._in(meeting)
        return analysis.counts(self._bundle, self._records(meeting), dimension, provenance, chosen)

    def crosstab(
        self,
        row: Dimension,
        column: Dimension,
        *,
        meeting: OneOrMore[int] = None,
        provenance: Provenance | None = None,
    ) -> analysis.CrossTable:
        """How many recommendations have each (row value, column value) pair, zero cells included."""
        row = _value("dimension", row, analysis.DIMENSIONS)
        column = _value("dimension", column, analysis.DIMENSIONS)
        provenance = _value("provenance", provenance, _PROVENANCES)
        return analysis.crosstab(self._bundle, self._records(meeting), row, column, provenance, self._in(meeting))

    def _records(self, meeting: OneOrMore[int]) -> tuple[Recommendation, ...]:
        """The recommendations of some meetings, or of all."""
        return tuple(r for m in self._in(meeting) for r in m.recommendations)

    def statements(
        self,
        *,
        meeting: OneOrMore[int] = None,
        kind: OneOrMore[StatementKind] = None,
        actor: OneOrMore[str] = None,
        agenda_item: OneOrMore[int] = None,
        include_group_items: bool = False,
    ) -> Results[Statement]:
        """Statements in the report's order, filtered by kind, by who made them (any name or code), by agenda item.

        ``agenda_item`` keeps the statements the report says were made on that item (any of
        several). It says so of a statement itself (``agenda_attribution="individual"``: the
        Secretariat, para 20; each panellist, paras 21-22), or of a group of speakers listed
        together (``"group"``): para 23 says the eight parties made statements «по пунктам 2 и 3»,
        not which of them spoke on which item. So by default ``agenda_item`` does not return
        group statements: ``statements(agenda_item=2)`` is the Secretariat and the three
        panellists. ``include_group_items=True`` also returns the statements of a group whose
        items include it (the eight parties of para 23). Statements whose items the report does
        not state (the observers, paras 24-25) are never returned by ``agenda_item``.

        ```python
        >>> [s.actor for s in load().statements(agenda_item=2)]
        ['secretariat', 'ZAF', 'ARG', 'ITA']
        >>> len(load().statements(agenda_item=2, include_group_items=True))
        12

        ```

        (Until data 1.2 each of the eight parties had items 2 and 3 as its own, and
        ``agenda_item=2`` returned them.)
        """
        kinds = _values("statement kind", kind, _STATEMENT_KINDS)
        actors = self._actor_ids(actor)
        items = _values("agenda item", agenda_item, self._agenda_numbers(meeting))
        if not isinstance(include_group_items, bool):
            reason = f"include_group_items is True or False: got {quoted(include_group_items)}"
            raise InvalidFilter("include_group_items", include_group_items, (True, False), reason=reason)
        return self._results(
            (
                s
                for m in self._in(meeting)
                for s in m.statements
                if (kinds is None or s.kind in kinds)
                and (actors is None or s.actor in actors)
                and (
                    items is None
                    or (
                        not items.isdisjoint(s.agenda_items)
                        and (include_group_items or s.agenda_attribution == "individual")
                    )
                )
            ),
            kind=Statement,
        )

    def states_with_statements(
        self,
        *,
        meeting: OneOrMore[int] = None,
        include_panellists: bool = False,
        include_panelists: bool | None = None,
    ) -> Results[State]:
        """States that made statements, each once, in the order the report names them.

        Without panellists (the default): the parties and observer states that took the
        floor (paras 23-24 of the 7th meeting), that is, delegations speaking for their state.
        With ``include_panellists=True``: also the states of the panellists, national experts
        who presented on an agenda item (paras 6, 12, 21-22). Never the European Union,
        organizations or the Secretariat: those are not states. (``include_panelists`` is the
        deprecated spelling.)
        """
        if include_panelists is not None:
            _deprecated("include_panelists", "include_panellists")
            include_panellists = include_panelists
        kinds = {"party", "observer_state"} | ({"panel"} if include_panellists else set())
        chosen = (s.actor for m in self._in(meeting) for s in m.statements if s.kind in kinds)
        states = (a for a in (self._actors[i] for i in dict.fromkeys(chosen)) if isinstance(a, State))
        return self._results(states, kind=State)

    def participants(
        self,
        *,
        meeting: OneOrMore[int] = None,
        status: OneOrMore[ParticipationStatus] = None,
        actor: OneOrMore[str] = None,
    ) -> Results[Participant]:
        """Participants in the report's order, filtered by status and by actor (any name or code)."""
        statuses = _values("status", status, _STATUSES)
        actors = self._actor_ids(actor)
        return self._results(
            (
                p
                for m in self._in(meeting)
                for p in m.participants
                if (statuses is None or p.status in statuses) and (actors is None or p.actor in actors)
            ),
            kind=Participant,
        )

    def participation(self, *, meeting: OneOrMore[int] = None) -> analysis.CrossTable:
        """Participants counted by UN regional group (rows) and status (columns), zero cells included.

        A state in no group counts as ``"none"``; organizations and the European Union as
        ``"not a state"``.
        """
        pairs: list[tuple[str, str]] = []
        for m in self._in(meeting):
            for p in m.participants:
                actor = self._actors[p.actor]
                group = (actor.regional_group or "none") if isinstance(actor, State) else "not a state"
                pairs.append((group, p.status))
        groups = [*get_args(RegionalGroup), "none", "not a state"]
        return analysis.CrossTable(
            (
                analysis.Cell(g, s, pairs.count((g, s)))
                for g in groups
                for s in _STATUSES
                if any(x == g for x, _ in pairs)
            ),
            rows="regional_group",
            columns="status",
            counted="participants",
        )

    def speakers(
        self,
        *,
        meeting: OneOrMore[int] = None,
        agenda_item: OneOrMore[int] = None,
        actor: OneOrMore[str] = None,
    ) -> Results[Speaker]:
        """Panellists in order of presentation, filtered by agenda item and by country (any name or code)."""
        items = _values("agenda item", agenda_item, self._agenda_numbers(meeting))
        actors = self._actor_ids(actor)
        return self._results(
            (
                s
                for m in self._in(meeting)
                for s in m.speakers
                if (items is None or s.agenda_item in items) and (actors is None or s.actor in actors)
            ),
            kind=Speaker,
        )

    def speaker(self, order: int, *, meeting: int | None = None) -> Speaker:
        """A panellist by order of presentation (``meeting``: whose, when several meetings have one)."""
        return self._numbered("speaker", order, meeting, lambda m: m.speakers)

    def profile(self, actor: str) -> ActorProfile:
        """Everything the reports say of one state or organization (any name or code), meeting by meeting.

        Its participation and status, its statements with their agenda items, its
        panellists and any chair role, each with the paragraphs it is cited from.

        ```python
        >>> [(p.meeting, p.participation.status) for p in load().profile("Italy").meetings]
        [(7, 'party')]

        ```
        """
        found = self.actor(actor)
        roles = []
        for m in self._meetings.values():
            participation = next((p for p in m.participants if p.actor == found.id), None)
            statements = tuple(s for s in m.statements if s.actor == found.id)
            speakers = tuple(s for s in m.speakers if s.actor == found.id)
            chair = m.chair if m.chair is not None and m.chair.actor == found.id else None
            if participation or statements or speakers or chair:
                roles.append(
                    MeetingRole(
                        meeting=m.number,
                        participation=participation,
                        statements=statements,
                        speakers=speakers,
                        chair=chair,
                    )
                )
        return ActorProfile(actor=found, meetings=tuple(roles))

    def agenda(self, *, meeting: OneOrMore[int] = None) -> Results[AgendaItem]:
        """The agenda items of the meetings covered, in order (``NotFound`` for a meeting there is not)."""
        return self._results((i for m in self._in(meeting) for i in m.agenda), kind=AgendaItem)

    def documents(self, *, meeting: OneOrMore[int] = None) -> Results[Document]:
        """The documents before the meetings covered, in the report's order."""
        return self._results((d for m in self._in(meeting) for d in m.documents), kind=Document)

    def name_at(self, actor: str, *, meeting: int, lang: Lang | None = None) -> str:
        """An actor's name as it was at ``meeting`` (default language: the display language).

        Russian: the report's own form. English: for a state, the UN short name in force on
        the meeting's first day (:meth:`State.names_at`), so the 2020 meeting lists "Turkey"
        and "Netherlands"; for an organization, its English name.

        ```python
        >>> ds = load()
        >>> ds.name_at("TUR", meeting=7, lang="en"), ds.actor("TUR").name.en
        ('Turkey', 'Türkiye')

        ```
        """
        found, held = self.actor(actor), self.meeting(meeting)
        chosen = get_display_language() if lang is None else lang_of(lang)
        if chosen == "en" and isinstance(found, State):
            names = found.names_at(held.start_date)
            if names is not None:
                return names.en
        return found.name.get(chosen)

    def _meeting_of(self, record: object) -> Meeting | None:
        """The meeting a record of this dataset belongs to (by identity); None for one it does not hold."""

        def build() -> dict[int, int]:
            lists = (
                "recommendations", "paragraphs", "speakers", "statements", "participants", "agenda", "documents",
                "themes",
            )  # fmt: skip
            return {id(r): m.number for m in self._meetings.values() for name in lists for r in getattr(m, name)}

        number = getattr(record, "meeting", None)
        if not isinstance(number, int):
            number = self._once("meeting_of", build).get(id(record))
        return self._meetings.get(number) if isinstance(number, int) else None

    def _actor_ids(self, actor: OneOrMore[str]) -> set[str] | None:
        """The ids of the actors named (any name or code; NotFound for an unknown one); None for no filter."""
        if actor is None:
            return None
        names = (actor,) if isinstance(actor, str) else tuple(actor)
        return {self.actor(name).id for name in names}

    def _agenda_numbers(self, meeting: OneOrMore[int]) -> list[int]:
        return sorted({a.number for m in self._in(meeting) for a in m.agenda})

    @overload
    def search(
        self,
        query: str,
        *,
        kind: Literal["recommendation"],
        language: Lang | None = None,
        meeting: OneOrMore[int] = None,
        standing: OneOrMore[Standing] = None,
    ) -> Results[SearchHit[Recommendation]]: ...

    @overload
    def search(
        self,
        query: str,
        *,
        kind: Literal["paragraph"],
        language: Lang | None = None,
        meeting: OneOrMore[int] = None,
        standing: OneOrMore[Standing] = None,
    ) -> Results[SearchHit[Paragraph]]: ...

    @overload
    def search(
        self,
        query: str,
        *,
        kind: Literal["speaker"],
        language: Lang | None = None,
        meeting: OneOrMore[int] = None,
        standing: OneOrMore[Standing] = None,
    ) -> Results[SearchHit[Speaker]]: ...

    @overload
    def search(
        self,
        query: str,
        *,
        kind: Literal["agenda_item"],
        language: Lang | None = None,
        meeting: OneOrMore[int] = None,
        standing: OneOrMore[Standing] = None,
    ) -> Results[SearchHit[AgendaItem]]: ...

    @overload
    def search(
        self,
        query: str,
        *,
        kind: Literal["theme"],
        language: Lang | None = None,
        meeting: OneOrMore[int] = None,
        standing: OneOrMore[Standing] = None,
    ) -> Results[SearchHit[Theme]]: ...

    @overload
    def search(
        self,
        query: str,
        *,
        kind: Kind | Iterable[Kind] | None = None,
        language: Lang | None = None,
        meeting: OneOrMore[int] = None,
        standing: OneOrMore[Standing] = None,
        kinds: Kind | Iterable[Kind] | None = None,
        lang: Lang | None = None,
    ) -> Results[SearchHit[Searchable]]: ...

    def search(
        self,
        query: str,
        *,
        kind: Kind | Iterable[Kind] | None = None,
        language: Lang | None = None,
        meeting: OneOrMore[int] = None,
        standing: OneOrMore[Standing] = None,
        kinds: Kind | Iterable[Kind] | None = None,
        lang: Lang | None = None,
    ) -> Results[SearchHit[Any]]:
        """Full-text search, ranked: recommendations, paragraphs, speakers, agenda items, themes.

        Words are matched by their stems in Russian and English, case-, ё/е- and
        accent-insensitively. Every plain word is optional: a record holding more of them
        ranks higher. ``"a phrase"`` (words in sequence) and ``+word`` are required and
        ``-word`` excludes, each checked against the whole record, in both languages. Stop
        words and the words that frame a question ("Which … deal with …?") are left out; a
        question naming a kind of record gets that kind first; a word also finds the terms the
        report uses for the same thing (``data/equivalent-terms.yaml``, editorial). Without
        ``language``, a Russian query is answered from the Russian texts and an English one
        from the English. The results' ``explanation`` (:class:`~smuggling_wg.search.Explanation`)
        says what was left out, which words no text holds (with words of the texts spelt like
        them), what each operator removed and which equivalences were used.
        ``kind`` keeps one kind of record or several (one kind:
        the hits' ``record`` is typed as that kind), ``language`` the texts in one language
        ("ru" or "en"), ``meeting`` some meetings, ``standing`` the hits whose record rests on a
        paragraph of that standing (one or several; see :meth:`paragraphs`: ``"chair_summary"``
        finds the Chair's summary, not adopted; a record's standings are
        :meth:`~smuggling_wg.models.Meeting.standing_of`). (``kinds`` and ``lang`` are the deprecated
        names of ``kind`` and ``language``.) A query holds at most :data:`~._loader.MAX_QUERY_CHARS`
        characters and :data:`~._loader.MAX_QUERY_WORDS` words. A search for an organization's acronym or other name
        ("IOM", «МОМ», «Евроюст») also finds the texts that spell its full name. The index of the
        bundled data is compiled; it is read on the first search, and other data is indexed then.

        ```python
        >>> found = load().search("Which recommendations deal with digital evidence?")
        >>> [h.key for h in found][:4], found.explanation.ignored
        ([14, 17, 11, 12], ('Which', 'recommendations', 'deal', 'with'))

        ```
        """
        from .search import KINDS, SearchHit

        _loader.check_query(query)
        if kinds is not None:
            _deprecated("kinds", "kind")
            kind = kind if kind is not None else kinds
        if lang is not None:
            _deprecated("lang", "language")
            language = language if language is not None else lang
        chosen_language = None if language is None else lang_of(_text_or_value("language", language))
        numbers = None if meeting is None else tuple(m.number for m in self._in(meeting))
        wanted_kinds = _values("kind", kind, KINDS)
        standings = _values("standing", standing, STANDINGS)
        with _loader._without_gc():  # many new objects and no cycles: a collection would only scan the data again
            hits, explanation = self._index().explained(
                query, chosen_language, numbers, None if wanted_kinds is None else sorted(wanted_kinds)
            )
        if standings is not None:
            hits = tuple(h for h in hits if not standings.isdisjoint(self.meeting(h.meeting).standing_of(h.record)))
        results = self._results(hits, kind=SearchHit)
        results.explanation = explanation
        return results

    def _index(self) -> SearchIndex:
        """The search index of this dataset, read or built on first use, once (also what the web edition ships)."""
        return self._once("search", self._search_index)

    def _search_index(self) -> SearchIndex:
        """The compiled index of the bundled meetings, extended with any other (see :class:`SearchIndex`)."""
        from . import _lookup
        from .search import SEARCH_INDEX, SearchIndex, equivalents_of, organization_names

        def organizations() -> dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]]:
            return organization_names(self._actors.values(), _lookup.compiled()["common"])

        loaded = _datasets.built()
        if self._stored is not None:  # the index kept with this dataset by an earlier process, or kept now
            kept = self._stored.read("index")
            if kept is not None:
                try:
                    return SearchIndex.compiled(kept, self._meetings.values(), self._meetings.values(), organizations)
                except (ValueError, TypeError, KeyError, IndexError, RecursionError):
                    pass  # not an index of this dataset: made again below
        raw = (_loader.data_dir() / SEARCH_INDEX).read_bytes()
        if loaded is None:  # a dataset made without load(): nothing compiled is known to fit it (but its equivalents)
            return SearchIndex(self._meetings.values(), organizations(), equivalents_of(json.loads(raw)))
        index = SearchIndex.compiled(raw, self._meetings.values(), loaded.meetings, organizations)
        if self._stored is not None:
            self._stored.write("index", index.dumps())
        return index

    def to_dataframe(self, table: TableName) -> pandas.DataFrame:
        """One tidy table as a pandas DataFrame (needs ``pip install 'smuggling-wg[pandas]'``).

        Tables: ``meetings``, ``recommendations``, ``participants``, ``states``,
        ``recommendation_topics``, ... (:data:`TableName`; the same tables and columns as the
        CSV export). Enumerations are categories, dates are datetimes, integers are nullable
        ``Int64``, lists stay lists.
        """
        from . import _tables

        return _tables.to_dataframe(self._bundle, _tables.table(_text_or_value("table", table)).name)

    def _results(self, records: Iterable[R], kind: type | None = None) -> Results[R]:
        """Query results that remember this dataset and the kind of record they hold (for ``to_dataframe()``)."""
        return Results(records, self, kind)

    def _once(self, name: str, build: Callable[[], T]) -> T:
        """An index built on first use, once, however many threads ask at the same time."""
        if name not in self._built:
            with self._lock:
                if name not in self._built:
                    self._built[name] = build()
        return self._built[name]  # type: ignore[no-any-return]


def _ids(found: Iterable[str], keys: Mapping[str, Sequence[str]]) -> list[str]:
    """The ids the keys ``found`` name, each once, in order."""
    return list(dict.fromkeys(i for k in found for i in keys[k]))


def _values(name: str, value: object, valid: Iterable[Any]) -> set[Any] | None:
    """The valid values a filter names (one value or several, any case); None for no filter.

    :class:`InvalidFilter`, naming the valid values and the closest one, for a value that is not valid.
    """
    if value is None:
        return None
    several = isinstance(value, Iterable) and not isinstance(value, str | bytes)
    given = tuple(value) if several else (value,)  # type: ignore[arg-type]
    allowed = list(valid)
    by_folded = {v.casefold() if isinstance(v, str) else v: v for v in allowed}
    found: set[Any] = set()
    for v in given:
        key = v.casefold() if isinstance(v, str) else v
        if allowed and all(isinstance(a, int) for a in allowed) and (type(v) is not int):
            raise InvalidFilter(name, v, allowed, reason=f"{name} values are integers: got {quoted(v)}{_use_number(v)}")
        if not isinstance(v, str | int):
            raise InvalidFilter(name, v, allowed, reason=f"{name} values are text: got {quoted(v)}")
        _text_or_value(name, v)
        if isinstance(v, bool) or key not in by_folded:
            raise InvalidFilter(name, v, allowed)
        found.add(by_folded[key])
    return found


def _text_or_value(name: str, value: L) -> L:
    """``value``, checked against the limit of a filter's length when it is text (any other value is refused later)."""
    if isinstance(value, str):
        _loader.check_text(name, value)
    return value


def _use_number(value: object) -> str:
    """'; use 7' for a number given as text ("7", " 7 "), to say how to give it; empty otherwise."""
    from ._number import parse_number

    try:
        return f"; use {parse_number(value.strip())}" if isinstance(value, str) else ""
    except ValueError:
        return ""


def _key_sources(bundle: Bundle) -> Iterator[tuple[str, str, tuple[str | int, ...]]]:
    """Every folded lookup key of :meth:`Dataset.actor`, the id it names and where in ``bundle`` it is written.

    Keys: the id, names, codes and acronym of each actor, and every form a meeting writes it
    in (:func:`._lookup.written`); a bracketed name also without its brackets («Иран (...)» -> «Иран»).
    """
    from ._lookup import variants, written

    for name, actor_id, loc in written(bundle):
        for variant in variants(name):
            yield variant, actor_id, loc


def _taken_keys(base: Dataset) -> Callable[[Bundle], list[tuple[tuple[str | int, ...], str, str]]]:
    """A check that data added to ``base`` takes no lookup key of a ``base`` actor for another actor.

    Otherwise ``ds.actor("ITA")`` or ``ds.actor("Italy")`` would become ambiguous. Ids are
    compared without regard to case, as every key is. Two added actors may not share a key either.
    """

    def check(merged: Bundle) -> list[tuple[tuple[str | int, ...], str, str]]:
        owners: Mapping[str, Sequence[str]] = base._once("actor_keys", base._actor_keys)
        bundled = {a.id for a in base.actors}
        added: dict[str, str] = {}  # a key of an added actor -> that actor
        actors = {a.id for a in merged.actors}
        problems = []
        for key, actor_id, loc in dict.fromkeys(_key_sources(merged)):
            if actor_id not in actors:  # an unknown actor is the models' to say
                continue
            taken = owners.get(key, ())
            if not taken and actor_id not in bundled and loc[0] == "actors":
                other = added.setdefault(key, actor_id)
                if other != actor_id:
                    problems.append(
                        (
                            loc,
                            f"{key!r} names both {other} and {actor_id}: ds.actor({key!r}) would be ambiguous",
                            "give each actor its own names and acronym",
                        )
                    )
            if taken and actor_id not in taken:
                names = ", ".join(sorted(taken))
                problems.append(
                    (
                        loc,
                        f"{key!r} already names {names} in the bundled data: ds.actor({key!r}) would become ambiguous",
                        f"choose another name or code, or replace {names} on purpose (`replace: {{actors: [...]}}`)",
                    )
                )
        return problems

    return check


def _value(name: str, value: L, valid: Iterable[Any]) -> L:
    """The valid value ``value`` names (any case), or None for None; :class:`InvalidFilter` otherwise."""
    if value is None:
        return value
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise InvalidFilter(name, value, list(valid))
    (found,) = _values(name, value, valid) or {value}
    return cast(L, found)


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old}= is deprecated, use {new}= (to be removed in 2.0)", DeprecationWarning, stacklevel=3)


#: How many datasets with extra data are kept: each is a few megabytes.
MAX_CACHED = 8
#: The datasets ``load()`` returns again (:mod:`._cache`).
_datasets: Cache[Dataset] = Cache(MAX_CACHED)

#: Environment variable naming extra data files or folders, separated by ``os.pathsep``.
PATH_VARIABLE = _loader.PATH_VARIABLE


def load(extra: Iterable[str | os.PathLike[str]] | None = None) -> Dataset:
    """The dataset: the bundled data, plus any YAML files or folders in ``extra`` and ``$SMUGGLING_WG_PATH``.

    Without extra data: the bundled dataset, read on first use (validated by the compile
    step and sealed, see :func:`~smuggling_wg._loader.bundled`), then cached
    (thread-safe: many threads calling ``load()`` at once build it once). With extra data:
    a new dataset of the bundled data and the files (validated together, every problem
    reported at once as :class:`~smuggling_wg.errors.DataError`, the only exception it
    raises for bad data, whatever the files hold); the cached bundled dataset is never
    changed. Files with the same content give the same dataset again: the last
    :data:`MAX_CACHED` are kept, by the SHA-256 of the bytes read. What good files load to
    is also kept on disk, in the platform's cache folder, for the next process to read back
    (identical records, validated; ``$SMUGGLING_WG_CACHE`` names another folder, or ``0``
    turns it off: see :mod:`smuggling_wg._usercache`).
    """
    bundled = _datasets.bundled(lambda: Dataset(_loader.bundled()))
    paths = _loader.extra_paths(extra)
    if not paths:
        return bundled
    sources = _loader.read_sources(paths)
    key = tuple(hashlib.sha256(raw).hexdigest() for _, raw in sources)
    return _datasets.extended(key, lambda: _extended(bundled, sources, key))


def _extended(bundled: Dataset, sources: list[tuple[str, bytes]], digests: tuple[str, ...]) -> Dataset:
    """The bundled data with the files', kept on disk with its search index for later (:mod:`._usercache`)."""
    from . import _usercache

    stored = _usercache.entry(sources, digests)
    ds = Dataset(_usercache.bundle(stored, lambda: _loader.extend(bundled.bundle, sources, check=_checks(bundled))))
    object.__setattr__(ds, "_stored", stored)
    return ds


def _look_alikes(base: Dataset) -> Callable[[Bundle], list[tuple[tuple[str | int, ...], str, str]]]:
    """A check that no name added to ``base`` looks like another actor's name without being it.

    ``ItaIy`` (a capital I for the l), ``Ita1y``, ``Gerrnany``, a Cyrillic «Аustria»: each looks
    like a name of the bundled data (:func:`._names.looks`) and would show as a second "Italy"
    on the site, in the CSV and to an assistant. Names the same key finds are :func:`_taken_keys`'
    to report; names ``base`` already gives an actor are never reported (the bundled data's
    Ecuador ``EC`` and the EU's Cyrillic «ЕС» look alike, and are each their own). Two added
    actors may not look alike either.
    """
    from . import _lookup
    from ._names import looks

    def check(merged: Bundle) -> list[tuple[tuple[str | int, ...], str, str]]:
        index = base._once("actor_looks", lambda: _lookup.looks_index(base.bundle))
        known = {(name, actor_id) for by_actor in index.values() for actor_id, name in by_actor.items()}
        known |= {(name, actor_id) for name, actor_id, _ in _lookup.written(base.bundle)}
        actors = {a.id: a for a in [*base.actors, *merged.actors]}
        added: dict[str, dict[str, str]] = {}  # what an added name looks like -> {actor id: that name}
        problems = []
        for name, actor_id, loc in dict.fromkeys(_lookup.written(merged)):
            if (name, actor_id) in known or actor_id not in actors:  # an unknown actor is the models' to say
                continue
            others = {
                other: other_name
                for other, other_name in [*_lookup.alike(index, name).items(), *_lookup.alike(added, name).items()]
                if other != actor_id and other in actors and name_key(other_name) != name_key(name)
            }
            for look in looks(name):
                added.setdefault(look, {}).setdefault(actor_id, name)
            if others:
                like = " and ".join(f"{n!r} ({_what(actors[o])} {o})" for o, n in others.items())
                problems.append(
                    (
                        loc,
                        f"{name!r} ({_what(actors[actor_id])} {actor_id}) looks like {like}: a reader could not "
                        "tell them apart",
                        "spell the name with the letters it has (an l, not a capital I; O, not 0; m, not rn), "
                        "or replace that actor on purpose (`replace: {actors: [...]}`)",
                    )
                )
        return problems

    return check


def _what(actor: Actor) -> str:
    """'state' or 'organization', for a message."""
    return "state" if isinstance(actor, State) else "organization"


def _checks(base: Dataset) -> Callable[[Bundle], list[tuple[tuple[str | int, ...], str, str]]]:
    """Every check of data added to ``base`` that the models cannot make alone."""
    taken, alike = _taken_keys(base), _look_alikes(base)

    def check(merged: Bundle) -> list[tuple[tuple[str | int, ...], str, str]]:
        problems = taken(merged)
        said = {loc for loc, _, _ in problems}  # a name another actor's key finds is said once, as taken
        return [*problems, *(p for p in alike(merged) if p[0] not in said), *_source_files(merged)]

    return check


def _source_files(merged: Bundle) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Each meeting's ``source_file`` is a report text the package ships."""
    from . import _sourcetext

    texts = _sourcetext.shipped()
    return [
        (
            ("meetings", i, "source_file"),
            f"no report text {m.source_file!r} is shipped with smuggling_wg",
            f"leave source_file out, or name a shipped one: {', '.join(texts)}",
        )
        for i, m in enumerate(merged.meetings)
        if m.source_file is not None and m.source_file not in texts
    ]


def validate(*paths: str | os.PathLike[str]) -> tuple[Problem, ...]:
    """Every problem that would stop ``load(extra=paths)``; empty when the files are good.

    The bundled data is validated in full as well (``load()`` trusts it when it matches
    the seal the compile step gave it). Each :class:`~smuggling_wg.errors.Problem` has
    the file, line, column, field path, what was expected and found, and a suggestion
    where one is obvious. Whatever the files hold, it raises nothing: every problem is returned.
    """
    try:
        if not _loader.extra_paths(paths):  # with extra data, load() validates the bundled data with it
            _loader.bundled(check=True)
        load(extra=paths)
    except DataError as exc:
        return exc.problems
    return ()
