"""The immutable :class:`Dataset` and its queries; :func:`load` returns the cached one.

Every query is a method here. Filters return tuples (maybe empty), never ``None``;
a lookup that misses raises :class:`~smuggling_wg.errors.NotFound` (a ``KeyError``);
a filter value that does not exist raises :class:`~smuggling_wg.errors.InvalidFilter`.
Indexes are built once, when the dataset is made.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TypeVar, get_args

from . import loader, sourcetext
from .errors import InvalidFilter, NotFound
from .models import (
    Actor,
    Bundle,
    Meeting,
    Modality,
    Paragraph,
    Participant,
    ParticipationStatus,
    Recommendation,
    Speaker,
    State,
    Statement,
    StatementKind,
)

__all__ = ["Dataset", "load"]

T = TypeVar("T")
_MODALITIES: tuple[str, ...] = get_args(Modality)
_STATUSES: tuple[str, ...] = get_args(ParticipationStatus)
_STATEMENT_KINDS: tuple[str, ...] = get_args(StatementKind)
_DEFAULT_MEETING = 7


def fold(text: str) -> str:
    """Case- and ё/е-insensitive form of ``text``, for matching."""
    return text.casefold().replace("ё", "е")


class Dataset:
    """All meetings and actors, immutable, with the queries researchers ask."""

    __slots__ = ("_actors", "_bundle", "_codes", "_meetings")
    _actors: dict[str, Actor]
    _bundle: Bundle
    _codes: dict[str, Actor]
    _meetings: dict[int, Meeting]

    def __init__(self, bundle: Bundle) -> None:
        meetings = {m.number: m for m in sorted(bundle.meetings, key=lambda m: m.number)}
        actors = {a.id: a for a in bundle.actors}
        codes: dict[str, Actor] = {}
        for actor in bundle.actors:
            keys = [actor.id, actor.name.ru, actor.name.en]
            if isinstance(actor, State):
                keys += [actor.alpha2, actor.m49]
            elif actor.acronym:
                keys.append(actor.acronym)
            codes.update((fold(k), actor) for k in keys if k)
        for name, value in (("_bundle", bundle), ("_meetings", meetings), ("_actors", actors), ("_codes", codes)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Dataset is immutable (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Dataset is immutable (cannot delete {name!r})")

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
    def meetings(self) -> tuple[Meeting, ...]:
        """All meetings, by number."""
        return tuple(self._meetings.values())

    @property
    def actors(self) -> tuple[Actor, ...]:
        """All states and organizations, in data order."""
        return tuple(self._actors.values())

    def meeting(self, number: int) -> Meeting:
        """The meeting with this number; :class:`NotFound` if there is none."""
        try:
            return self._meetings[number]
        except (KeyError, TypeError):
            raise NotFound("meeting", number, self._meetings) from None

    def actor(self, key: str) -> Actor:
        """A state or organization by id, ISO alpha-2/alpha-3, M49 code, acronym or name.

        Case- and ё/е-insensitive: ``actor("ita")``, ``actor("380")``, ``actor("Italy")``,
        ``actor("Италия")`` and ``actor("Eurojust")`` all work.
        """
        found = self._codes.get(fold(str(key)).strip())
        if found is None:
            raise NotFound("actor", key, self._actors)
        return found

    def source_text(self, meeting: int = _DEFAULT_MEETING, flowed: bool = False) -> str:
        """The report's own text as shipped (``flowed=True``: as running text, see :mod:`.sourcetext`).

        Every verbatim string in the data is a substring of the flowed text.
        """
        raw = sourcetext.read_source(self.meeting(meeting).source_file)
        return sourcetext.flow(raw) if flowed else raw

    def paragraph(self, number: int, meeting: int = _DEFAULT_MEETING) -> Paragraph:
        """A numbered paragraph of a meeting's report."""
        paragraphs = self.meeting(meeting).paragraphs
        if not isinstance(number, int) or not 1 <= number <= len(paragraphs):
            raise NotFound("paragraph", number, range(1, len(paragraphs) + 1))
        return paragraphs[number - 1]

    def recommendation(self, number: int, meeting: int = _DEFAULT_MEETING) -> Recommendation:
        """A recommendation by its number."""
        recommendations = self.meeting(meeting).recommendations
        if not isinstance(number, int) or not 1 <= number <= len(recommendations):
            raise NotFound("recommendation", number, range(1, len(recommendations) + 1))
        return recommendations[number - 1]

    def recommendations(
        self,
        meeting: int | None = None,
        theme: str | None = None,
        modality: Modality | None = None,
        text: str | None = None,
    ) -> tuple[Recommendation, ...]:
        """Recommendations in number order, filtered by every argument given.

        ``meeting`` keeps one meeting's, ``theme`` one theme's, ``modality`` one modality's,
        ``text`` those whose Russian or English contains it (case- and ё/е-insensitive).
        """
        meetings = self.meetings if meeting is None else (self.meeting(meeting),)
        _check("theme", theme, dict.fromkeys(t.id for m in meetings for t in m.themes))
        _check("modality", modality, _MODALITIES)
        needle = fold(text) if text is not None else None
        return tuple(
            r
            for m in meetings
            for r in m.recommendations
            if (theme is None or r.theme == theme)
            and (modality is None or r.modality == modality)
            and (needle is None or needle in fold(r.text.ru) or needle in fold(r.text.en))
        )

    def statements(self, meeting: int = _DEFAULT_MEETING, kind: StatementKind | None = None) -> tuple[Statement, ...]:
        """Statements of a meeting in the report's order, optionally of one kind."""
        _check("statement kind", kind, _STATEMENT_KINDS)
        return _where(self.meeting(meeting).statements, kind, lambda s: s.kind)

    def states_with_statements(
        self, meeting: int = _DEFAULT_MEETING, include_panelists: bool = False
    ) -> tuple[State, ...]:
        """States that made statements, each once, in the order the report names them.

        Without panellists (the default): the parties and observer states that took the
        floor (paras 23-24 of the 7th meeting), that is, delegations speaking for their state.
        With ``include_panelists=True``: also the states of the panellists, national experts
        who presented on an agenda item (paras 6, 12, 21-22). Never the European Union,
        organizations or the Secretariat: those are not states.
        """
        kinds = {"party", "observer_state"} | ({"panel"} if include_panelists else set())
        chosen = (s.actor for s in self.meeting(meeting).statements if s.kind in kinds)
        return tuple(a for a in (self._actors[i] for i in dict.fromkeys(chosen)) if isinstance(a, State))

    def participants(
        self, meeting: int = _DEFAULT_MEETING, status: ParticipationStatus | None = None
    ) -> tuple[Participant, ...]:
        """Participants in the report's order, optionally of one status."""
        _check("status", status, _STATUSES)
        return _where(self.meeting(meeting).participants, status, lambda p: p.status)

    def speakers(self, meeting: int = _DEFAULT_MEETING, agenda_item: int | None = None) -> tuple[Speaker, ...]:
        """Panellists in order of presentation, optionally under one agenda item."""
        m = self.meeting(meeting)
        _check("agenda item", agenda_item, [a.number for a in m.agenda])
        return _where(m.speakers, agenda_item, lambda s: s.agenda_item)


def _check(name: str, value: object, valid: Iterable[object]) -> None:
    """Raise :class:`InvalidFilter` when a filter value is given and is not one of ``valid``."""
    allowed = tuple(valid)
    if value is not None and value not in allowed:
        raise InvalidFilter(name, value, allowed)


def _where(records: tuple[T, ...], wanted: object, key: Callable[[T], object]) -> tuple[T, ...]:
    """The records whose ``key`` equals ``wanted``; all of them when ``wanted`` is None."""
    return records if wanted is None else tuple(r for r in records if key(r) == wanted)


_lock = threading.Lock()
_cache: list[Dataset] = []


def load() -> Dataset:
    """The bundled dataset, read and validated on first use, then cached.

    Thread-safe: many threads calling ``load()`` at once build it once.
    """
    if not _cache:
        with _lock:
            if not _cache:
                _cache.append(Dataset(loader.bundled()))
    return _cache[0]
