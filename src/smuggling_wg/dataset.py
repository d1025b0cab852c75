"""The immutable :class:`Dataset` and its queries; :func:`load` returns the cached one.

Every query is a method here. Filters return tuples (maybe empty), never ``None``;
a lookup that misses raises :class:`~smuggling_wg.errors.NotFound` (a ``KeyError``);
a filter value that does not exist raises :class:`~smuggling_wg.errors.InvalidFilter`.
Indexes (actor names, labels, the search index) are built once, on first use.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, get_args

from . import _loader, analysis
from ._fold import fold
from ._language import LANGS, Lang
from ._results import Results
from .analysis import Dimension, Value
from .errors import DataError, InvalidFilter, NotFound, Problem
from .models import (
    Actor,
    Bundle,
    Meeting,
    Modality,
    Paragraph,
    Participant,
    ParticipationStatus,
    Provenance,
    Recommendation,
    RegionalGroup,
    Speaker,
    State,
    Statement,
    StatementKind,
    Topic,
)

if TYPE_CHECKING:  # the search module is imported on first search, keeping load() lean
    import pandas

    from .search import Kind, SearchHit, SearchIndex

__all__ = ["PATH_VARIABLE", "Dataset", "load", "validate"]

T = TypeVar("T")
_PROVENANCES: tuple[str, ...] = get_args(Provenance)
OneOrMore: TypeAlias = "T | Iterable[T] | None"
_STATUSES: tuple[str, ...] = get_args(ParticipationStatus)
_STATEMENT_KINDS: tuple[str, ...] = get_args(StatementKind)
_DEFAULT_MEETING = 7


class Dataset:
    """All meetings and actors, immutable, with the queries researchers ask."""

    __slots__ = ("_actors", "_built", "_bundle", "_lock", "_meetings")
    _actors: dict[str, Actor]
    _bundle: Bundle
    _built: dict[str, Any]  # indexes built on first use: actor keys, labels, the search index
    _lock: threading.Lock
    _meetings: dict[int, Meeting]

    def __init__(self, bundle: Bundle) -> None:
        meetings = {m.number: m for m in sorted(bundle.meetings, key=lambda m: m.number)}
        actors = {a.id: a for a in bundle.actors}
        fields = {"_bundle": bundle, "_meetings": meetings, "_actors": actors, "_built": {}, "_lock": threading.Lock()}
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Dataset is immutable (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Dataset is immutable (cannot delete {name!r})")

    def _repr_html_(self) -> str:
        from ._notebook import html_fields

        return html_fields(repr(self), self._fields_shown())

    def __rich__(self) -> object:
        from ._notebook import rich_fields

        return rich_fields(repr(self), self._fields_shown())

    def _fields_shown(self) -> list[tuple[str, object]]:
        states = sum(isinstance(a, State) for a in self._actors.values())
        return [
            ("data version", self.data_version),
            ("meetings", ", ".join(f"{m.number} ({m.city.get()}, {m.start_date})" for m in self._meetings.values())),
            ("recommendations", sum(len(m.recommendations) for m in self._meetings.values())),
            ("actors", f"{states} states, {len(self._actors) - states} organizations"),
            ("topics", len(self._bundle.topics)),
        ]

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
        against OCHA's regular expression of each state ("Vatican", "Republic of Turkey").
        :class:`NotFound` for an unknown key, naming the closest candidates, and for an
        ambiguous one, naming every actor it could mean.

        ```python
        >>> [load().actor(name).id for name in ("Russia", "США", "Türkiye", "Holy See")]
        ['RUS', 'USA', 'TUR', 'VAT']

        ```
        """
        folded = fold(str(key)).strip()
        keys = self._built.get("actor_keys") or self._once("actor_keys", self._actor_keys)
        ids = keys.get(folded, ())
        if len(ids) == 1:
            return self._actors[ids[0]]
        if not ids and len(folded) > 300:  # longer than any name: neither patterns nor closeness say more
            clipped = str(key)[:60] + "…"
            raise NotFound("actor", clipped, self._actors, reason=f"no actor named {clipped!r}")
        from . import _lookup

        if not ids and folded:
            ids = _lookup.by_pattern(folded, [i for i, a in self._actors.items() if isinstance(a, State)])
            if len(ids) == 1:
                return self._actors[ids[0]]
        if ids:
            named = ", ".join(f"{i} ({self._actors[i].name.get('en')})" for i in ids)
            raise NotFound("actor", key, ids, reason=f"{key!r} is ambiguous: it names {named}")
        absent = [f"{code} ({name})" for code, name in _lookup.elsewhere(folded) if code not in self._actors]
        if absent:
            states = " or ".join(absent)
            reason = f"no actor {key!r}: {states} {'is' if len(absent) == 1 else 'are'} not in the data"
            raise NotFound("actor", key, self._actors, reason=reason)
        import difflib

        close = difflib.get_close_matches(folded, keys, n=5, cutoff=0.6)
        candidates = dict.fromkeys(i for k in close for i in keys[k])
        shown = [f"{i} ({self._actors[i].name.get('en')})" for i in candidates]
        hint = f" Closest: {', '.join(shown)}." if shown else " Use an ISO code, an id or a name."
        raise NotFound("actor", key, self._actors, reason=f"no actor {key!r}.{hint}")

    def _actor_keys(self) -> Mapping[str, Sequence[str]]:
        """The compiled lookup keys, extended for data that is not the bundled data (see :mod:`._lookup`)."""
        from . import _lookup

        return _lookup.keys(self._bundle, _cache[0].bundle if _cache else None)

    def source_text(self, meeting: int = _DEFAULT_MEETING, flowed: bool = False) -> str:
        """The report's own text as shipped (``flowed=True``: as running text, see :mod:`.sourcetext`).

        Every verbatim string in the data is a substring of the flowed text.
        """
        from . import _sourcetext

        name = self.meeting(meeting).source_file
        if name is None:
            shipped = [m.number for m in self.meetings if m.source_file]
            raise NotFound("source text", meeting, shipped, reason=f"no source text is shipped for meeting {meeting}")
        raw = _sourcetext.read_source(name)
        return _sourcetext.flow(raw) if flowed else raw

    def paragraph(self, number: int, meeting: int = _DEFAULT_MEETING) -> Paragraph:
        """A numbered paragraph of a meeting's report."""
        paragraphs = self.meeting(meeting).paragraphs
        if not isinstance(number, int) or not 1 <= number <= len(paragraphs):
            raise NotFound("paragraph", number, range(1, len(paragraphs) + 1))
        return paragraphs[number - 1]

    def paragraphs(self, meeting: int = _DEFAULT_MEETING, topic: OneOrMore[str] = None) -> Results[Paragraph]:
        """A meeting's paragraphs in order; with ``topic`` (one or a list), those tagged with any of them."""
        paragraphs = self.meeting(meeting).paragraphs
        if topic is None:
            return Results(paragraphs)
        wanted = (topic,) if isinstance(topic, str) else tuple(topic)
        for t in wanted:
            _check("topic", t, [x.id for x in self._bundle.topics])
        return Results(p for p in paragraphs if any(t.topic in wanted for t in p.topics))

    def recommendation(self, number: int, meeting: int = _DEFAULT_MEETING) -> Recommendation:
        """A recommendation by its number."""
        recommendations = self.meeting(meeting).recommendations
        if not isinstance(number, int) or not 1 <= number <= len(recommendations):
            raise NotFound("recommendation", number, range(1, len(recommendations) + 1))
        return recommendations[number - 1]

    @property
    def topics(self) -> Results[Topic]:
        """The controlled vocabulary of topics (editorial), in its own order."""
        return Results(self._bundle.topics)

    def topic(self, topic_id: str) -> Topic:
        """A topic by its id; :class:`NotFound` naming the vocabulary otherwise."""
        for t in self._bundle.topics:
            if t.id == topic_id:
                return t
        raise NotFound("topic", topic_id, (t.id for t in self._bundle.topics))

    def recommendations(
        self,
        meeting: int | None = None,
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

        ``meeting`` keeps one meeting's; ``text`` those whose Russian or English contains it
        (case- and ё/е-insensitive). Every label filter takes one value or a list (any of
        them matches): ``theme``, ``modality``, ``topic``, ``sdg_target`` ("16.4"),
        ``instrument`` ("convention", "smuggling_protocol"), ``article``
        ("convention:19"), ``addressee_kind``, ``specificity`` (1-5). ``provenance``
        ("source" or "editorial") counts only labels of that provenance, so
        ``recommendations(article="convention:19", provenance="source")`` is the
        recommendation whose text cites that article.
        """
        _check("provenance", provenance, _PROVENANCES)
        records = self._records(meeting)
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
        active: dict[Dimension, set[Value]] = {}
        for name, value in wanted.items():
            if value is not None:
                dimension: Dimension = name  # type: ignore[assignment]
                values: tuple[Value, ...] = (value,) if isinstance(value, str | int) else tuple(value)
                valid = self._labels(dimension, None)[1]
                for v in values:
                    _check(name.replace("_", " "), v, valid)
                active[dimension] = set(values)
        tests = [(self._labels(d, provenance)[0], values) for d, values in active.items()]
        needle = fold(text) if text is not None else None
        return Results(
            r
            for r in records
            if all(not labels[id(r)].isdisjoint(values) for labels, values in tests)
            and (needle is None or needle in fold(r.text.ru) or needle in fold(r.text.en))
        )

    def _labels(
        self, dimension: Dimension, provenance: Provenance | None
    ) -> tuple[dict[int, frozenset[Value]], list[Value]]:
        """Each recommendation's values in ``dimension`` (by id) and every valid value, built once."""

        def build() -> tuple[dict[int, frozenset[Value]], list[Value]]:
            records = self._records(None)
            by_record = {id(r): frozenset(analysis.values_of(r, dimension, provenance)) for r in records}
            return by_record, analysis.order(self._bundle, dimension, (v for vs in by_record.values() for v in vs))

        return self._once(f"labels {dimension} {provenance}", build)

    def counts(
        self, dimension: Dimension, meeting: int | None = None, provenance: Provenance | None = None
    ) -> analysis.CountTable:
        """How many recommendations have each value of ``dimension``, zero counts included.

        ```python
        >>> load().counts("theme")
        (Count(value='crises', n=7), Count(value='technology', n=15))

        ```
        """
        _check("dimension", dimension, analysis.DIMENSIONS)
        _check("provenance", provenance, _PROVENANCES)
        return analysis.counts(self._bundle, self._records(meeting), dimension, provenance)

    def crosstab(
        self, row: Dimension, column: Dimension, meeting: int | None = None, provenance: Provenance | None = None
    ) -> analysis.CrossTable:
        """How many recommendations have each (row value, column value) pair, zero cells included."""
        for name, value in (("dimension", row), ("dimension", column), ("provenance", provenance)):
            _check(name, value, analysis.DIMENSIONS if name == "dimension" else _PROVENANCES)
        return analysis.crosstab(self._bundle, self._records(meeting), row, column, provenance)

    def _records(self, meeting: int | None) -> tuple[Recommendation, ...]:
        """The recommendations of one meeting, or of all."""
        meetings = self.meetings if meeting is None else (self.meeting(meeting),)
        return tuple(r for m in meetings for r in m.recommendations)

    def statements(self, meeting: int = _DEFAULT_MEETING, kind: StatementKind | None = None) -> Results[Statement]:
        """Statements of a meeting in the report's order, optionally of one kind."""
        _check("statement kind", kind, _STATEMENT_KINDS)
        return _where(self.meeting(meeting).statements, kind, lambda s: s.kind)

    def states_with_statements(
        self, meeting: int = _DEFAULT_MEETING, include_panelists: bool = False
    ) -> Results[State]:
        """States that made statements, each once, in the order the report names them.

        Without panellists (the default): the parties and observer states that took the
        floor (paras 23-24 of the 7th meeting), that is, delegations speaking for their state.
        With ``include_panelists=True``: also the states of the panellists, national experts
        who presented on an agenda item (paras 6, 12, 21-22). Never the European Union,
        organizations or the Secretariat: those are not states.
        """
        kinds = {"party", "observer_state"} | ({"panel"} if include_panelists else set())
        chosen = (s.actor for s in self.meeting(meeting).statements if s.kind in kinds)
        return Results(a for a in (self._actors[i] for i in dict.fromkeys(chosen)) if isinstance(a, State))

    def participants(
        self, meeting: int = _DEFAULT_MEETING, status: ParticipationStatus | None = None
    ) -> Results[Participant]:
        """Participants in the report's order, optionally of one status."""
        _check("status", status, _STATUSES)
        return _where(self.meeting(meeting).participants, status, lambda p: p.status)

    def participation(self, meeting: int = _DEFAULT_MEETING) -> analysis.CrossTable:
        """Participants counted by UN regional group (rows) and status (columns), zero cells included.

        A state in no group counts as ``"none"``; organizations and the European Union as
        ``"not a state"``.
        """
        pairs: list[tuple[str, str]] = []
        for p in self.meeting(meeting).participants:
            actor = self._actors[p.actor]
            group = (actor.regional_group or "none") if isinstance(actor, State) else "not a state"
            pairs.append((group, p.status))
        groups = [*get_args(RegionalGroup), "none", "not a state"]
        return analysis.CrossTable(
            analysis.Cell(g, s, pairs.count((g, s))) for g in groups for s in _STATUSES if any(x == g for x, _ in pairs)
        )

    def speakers(self, meeting: int = _DEFAULT_MEETING, agenda_item: int | None = None) -> Results[Speaker]:
        """Panellists in order of presentation, optionally under one agenda item."""
        m = self.meeting(meeting)
        _check("agenda item", agenda_item, [a.number for a in m.agenda])
        return _where(m.speakers, agenda_item, lambda s: s.agenda_item)

    def search(
        self,
        query: str,
        lang: Lang | None = None,
        meeting: int | None = None,
        kinds: Kind | Iterable[Kind] | None = None,
    ) -> Results[SearchHit]:
        """Full-text search, ranked: recommendations, paragraphs, speakers, agenda items, themes.

        Words are matched by their stems in Russian and English, case-, ё/е- and
        accent-insensitively; all words are required; ``"a phrase"`` matches words in
        sequence; ``-word`` excludes. ``lang`` keeps one language's texts, ``meeting`` one
        meeting, ``kinds`` some kinds of record. A search for an organization's acronym or other
        name ("IOM", «МОМ», «Евроюст») also finds the texts that spell its full name. The index of
        the bundled data is compiled; it is read on the first search, and other data is indexed then.

        ```python
        >>> [h.record.number for h in load().search("цифровые доказательства", kinds=["recommendation"])]
        [14, 11, 12]

        ```
        """
        from .search import KINDS

        _check("lang", lang, LANGS)
        if meeting is not None:
            self.meeting(meeting)
        wanted_kinds: tuple[Kind, ...] | None = (
            None if kinds is None else tuple([kinds] if isinstance(kinds, str) else kinds)
        )
        for kind in wanted_kinds or ():
            _check("kind", kind, KINDS)
        index: SearchIndex = self._once("search", self._search_index)
        return Results(index.search(query, lang, None if meeting is None else (meeting,), wanted_kinds))

    def _search_index(self) -> SearchIndex:
        """The compiled index of the bundled meetings, extended with any other (see :class:`SearchIndex`)."""
        from importlib import resources

        from . import _lookup
        from .search import SEARCH_INDEX, SearchIndex, organization_names

        def organizations() -> dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]]:
            return organization_names(self._actors.values(), _lookup.compiled()["common"])

        if not _cache:  # a dataset made without load(): nothing compiled is known to fit it
            return SearchIndex(self._meetings.values(), organizations())
        raw = (resources.files("smuggling_wg") / "data" / SEARCH_INDEX).read_bytes()
        return SearchIndex.compiled(raw, self._meetings.values(), _cache[0].meetings, organizations)

    def to_dataframe(self, table: str) -> pandas.DataFrame:
        """One tidy table as a pandas DataFrame (needs ``pip install 'smuggling-wg[pandas]'``).

        Tables: those of :mod:`smuggling_wg._tables` (``recommendations``, ``participants``,
        ``states``, ``recommendation_topics``, ...). Enumerations are categories, dates are
        datetimes, integers are nullable ``Int64``.
        """
        from . import _tables

        _check("table", table, [t.name for t in _tables.TABLES])
        return _tables.to_dataframe(self._bundle, table)

    def _once(self, name: str, build: Callable[[], T]) -> T:
        """An index built on first use, once, however many threads ask at the same time."""
        if name not in self._built:
            with self._lock:
                if name not in self._built:
                    self._built[name] = build()
        return self._built[name]  # type: ignore[no-any-return]


def _check(name: str, value: object, valid: Iterable[object]) -> None:
    """Raise :class:`InvalidFilter` when a filter value is given and is not one of ``valid``."""
    allowed = tuple(valid)
    if value is not None and value not in allowed:
        raise InvalidFilter(name, value, allowed)


def _where(records: tuple[T, ...], wanted: object, key: Callable[[T], object]) -> Results[T]:
    """The records whose ``key`` equals ``wanted``; all of them when ``wanted`` is None."""
    return Results(records if wanted is None else (r for r in records if key(r) == wanted))


_lock = threading.Lock()
_cache: list[Dataset] = []
_extended: dict[tuple[tuple[str, int, int], ...], Dataset] = {}

#: Environment variable naming extra data files or folders, separated by ``os.pathsep``.
PATH_VARIABLE = "SMUGGLING_WG_PATH"


def _extra_paths(extra: Iterable[str | os.PathLike[str]] | None) -> list[str | os.PathLike[str]]:
    """The data files or folders to add: those given, then those of ``$SMUGGLING_WG_PATH``."""
    return [*(extra or ()), *(p for p in os.environ.get(PATH_VARIABLE, "").split(os.pathsep) if p)]


def load(extra: Iterable[str | os.PathLike[str]] | None = None) -> Dataset:
    """The dataset: the bundled data, plus any YAML files or folders in ``extra`` and ``$SMUGGLING_WG_PATH``.

    Without extra data: the bundled dataset, read on first use (validated by the compile
    step and sealed, see :func:`~smuggling_wg._loader.bundled`), then cached
    (thread-safe: many threads calling ``load()`` at once build it once). With extra data:
    a new dataset of the bundled data and the files (validated together, every problem
    reported at once as :class:`~smuggling_wg.errors.DataError`); the cached bundled
    dataset is never changed. The same unchanged files give the same dataset again.
    """
    if not _cache:
        with _lock:
            if not _cache:
                _cache.append(Dataset(_loader.bundled()))
    paths = _extra_paths(extra)
    if not paths:
        return _cache[0]
    files, problems = _loader.expand(paths)
    if problems:
        raise DataError(problems)
    key = tuple((str(f.resolve()), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    with _lock:
        if key not in _extended:
            _extended[key] = Dataset(_loader.extend(_cache[0].bundle, files))
        return _extended[key]


def validate(*paths: str | os.PathLike[str]) -> tuple[Problem, ...]:
    """Every problem that would stop ``load(extra=paths)``; empty when the files are good.

    The bundled data is validated in full as well (``load()`` trusts it when it matches
    the seal the compile step gave it). Each :class:`~smuggling_wg.errors.Problem` has
    the file, line, column, field path, what was expected and found, and a suggestion
    where one is obvious.
    """
    try:
        if not _extra_paths(paths):  # with extra data, load() validates the bundled data with it
            _loader.bundled(check=True)
        load(extra=paths)
    except DataError as exc:
        return exc.problems
    return ()
