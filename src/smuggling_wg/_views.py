"""How each record looks to a person: one description per record type, for every place that shows it.

A view is a list of :class:`Line` (a label and how to read the value). The lines marked
``brief`` are the columns when many records are listed (the command's tables, notebook
tables of query results); all lines together show one record in full (``smuggling-wg
show``, the notebook's HTML and rich reprs, the web pages). Texts follow the display
language where one language is shown, and a record's main text is shown in both
languages, the Russian marked as the report's and the English as editorial.

Values are plain strings, numbers or None; the code that prints them (rich tables,
HTML) must print them as literal text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ._language import Lang, get_display_language, lang_of
from .dataset import Dataset
from .models import (
    ActorProfile,
    AgendaItem,
    Document,
    Meeting,
    MeetingRole,
    Organization,
    Paragraph,
    Participant,
    Recommendation,
    Record,
    Speaker,
    Standing,
    State,
    Statement,
    Text,
    Theme,
    Topic,
)
from .search import SearchHit

__all__ = [
    "MARK",
    "STANDING_WORDS",
    "Line",
    "agenda_items",
    "brief",
    "full",
    "header",
    "marked",
    "paras",
    "row",
    "standing",
]

Get = Callable[[Any, Dataset | None], object]


@dataclass(frozen=True)
class Line:
    """One line of a record's view: the label a person reads and how to get the value.

    ``brief``: also a column when many records are listed. ``wide``: a long text that
    wraps, where a table must give it room.
    """

    label: str
    get: Get
    brief: bool = False
    wide: bool = False


#: Where a value marks a search match: these two characters around it (never in the data: control characters
#: are refused there). Outputs turn them into bold on a terminal, ``<mark>`` in HTML, or remove them.
MARK = ("\x02", "\x03")


def marked(value: str) -> tuple[str, list[tuple[int, int]]]:
    """A marked value as its plain text and the (start, end) of each marked match."""
    plain, spans, start = [], [], 0
    length = 0
    for char in value:
        if char == MARK[0]:
            start = length
        elif char == MARK[1]:
            spans.append((start, length))
        else:
            plain.append(char)
            length += 1
    return "".join(plain), spans


def paras(numbers: Iterable[int]) -> str:
    """Paragraph numbers as a person reads them: '3, 18, 34'."""
    return ", ".join(map(str, sorted(set(numbers))))


#: How each standing reads, in Russian and English (editorial words): what every surface shows beside a
#: paragraph or a record resting on one ("the Chair's summary, not adopted").
STANDING_WORDS: dict[Standing, tuple[str, str]] = {
    "adopted": ("принято Рабочей группой", "adopted by the Working Group"),
    "chair_summary": ("резюме Председателя, не утверждалось", "the Chair's summary, not adopted"),
    "proceedings": ("изложение хода совещания в докладе", "the report's account of proceedings"),
}


def standing(record: Any, meeting: Meeting, lang: Lang | None = None) -> str:
    """What a record is, as the report states it, in words (``lang``: default the display language).

    Each standing of :meth:`Meeting.standing_of` in :data:`STANDING_WORDS`, joined by "; "; empty when none
    (a paragraph of the Chair's summary: "the Chair's summary, not adopted").
    """
    return _standing_words(meeting.standing_of(record), lang)


def _standing_words(standings: Iterable[Standing], lang: Lang | None = None) -> str:
    index = 1 if (get_display_language() if lang is None else lang_of(lang)) == "en" else 0
    return "; ".join(STANDING_WORDS[s][index] for s in standings)


def agenda_items(s: Statement) -> str:
    """A statement's agenda items as a person reads them, saying when the report gives them for a group."""
    if not s.agenda_items:
        return "not stated"
    items = paras(s.agenda_items)
    return f"{items} (said of the group, {_para(s.source)})" if s.agenda_attribution == "group" else items


def _standing(record: Any, ds: Dataset | None) -> str | None:
    meeting = getattr(record, "meeting", None)
    if ds is None or not isinstance(meeting, int):
        return None
    return standing(record.record, ds.meeting(meeting)) or None


def _cited(record: Any, _: Dataset | None) -> str:
    return paras(record.source)


def _field(name: str) -> Get:
    """The value of field ``name``; a text in the display language, a tuple joined."""

    def get(record: Any, _: Dataset | None) -> object:
        return _plain(getattr(record, name))

    return get


def _plain(value: object) -> object:
    if isinstance(value, Text):
        return value.get()
    if isinstance(value, tuple):
        return ", ".join(str(_plain(v)) for v in value)
    if isinstance(value, Record):
        return repr(value)
    return value


def _lang(name: str, lang: str) -> Get:
    return lambda record, _: getattr(getattr(record, name), lang) or None


def _both(name: str, label: str, en: str = "editorial") -> tuple[Line, Line]:
    """A text in both languages, labelled with whose words each is (``en``: what the English is)."""
    return (
        Line(f"{label} (ru, the report)", _lang(name, "ru"), wide=True),
        Line(f"{label} (en, {en})", _lang(name, "en"), wide=True),
    )


def _actor_name(key: str = "actor") -> Get:
    """The name of the actor a record points to, in the display language (without a dataset: as written)."""

    def get(record: Any, ds: Dataset | None) -> object:
        actor_id = getattr(record, key)
        return ds.actor(actor_id).name.get() if ds is not None else getattr(record, "as_written", actor_id)

    return get


def _refs(record: Recommendation, _: Dataset | None) -> str:
    return "; ".join(
        f"{t.instrument}" + (f" art. {t.article}" if t.article else "") + f" ({t.provenance})"
        for t in record.treaty_refs
    )


def _sub_items(item: AgendaItem, _: Dataset | None) -> str:
    return "; ".join(f"{s.letter}) {s.title.get()}" for s in item.sub_items)


def _participation(actor: Any, ds: Dataset | None) -> str | None:
    if ds is None:
        return None
    found = [(m.number, p) for m in ds.meetings for p in m.participants if p.actor == actor.id]
    return "; ".join(f"meeting {n}: {p.status} (para {paras(p.source)})" for n, p in found) or "none"


def _un_name(lang: str) -> Get:
    return lambda state, _: getattr(state.names, lang) if state.names else None


def _roles(show: Callable[[MeetingRole], list[str]]) -> Get:
    """One line of an actor's profile: what ``show`` says of each meeting, meeting by meeting."""

    def get(profile: ActorProfile, _: Dataset | None) -> str | None:
        said = [f"meeting {role.meeting}: {'; '.join(parts)}" for role in profile.meetings if (parts := show(role))]
        return " | ".join(said) or None

    return get


def _para(numbers: Iterable[int]) -> str:
    """'para 3' or 'paras 6, 9, 21'."""
    found = sorted(set(numbers))
    return f"{'para' if len(found) == 1 else 'paras'} {paras(found)}"


def _statement(s: Statement) -> str:
    n = len(s.agenda_items)
    items = f"{'item' if n == 1 else 'items'} {agenda_items(s)}" if n else "items not stated"
    return f"{s.kind}, {items} ({_para(s.source)})"


def _panellist(s: Speaker) -> str:
    return f"{s.name.get()}, {s.position.get()} (item {s.agenda_item}; {_para({*s.source, *s.remarks})})"


def _actor_lines(profile: ActorProfile, ds: Dataset | None) -> list[tuple[str, object]]:
    return [(label, value) for label, value in full(profile.actor, ds) if label != "participation"]


def _actor_counts(d: Dataset) -> str:
    states = sum(isinstance(a, State) for a in d.actors)
    return f"{states} states, {len(d.actors) - states} organizations"


def _meeting_chair(m: Meeting, _: Dataset | None) -> str | None:
    return f"{m.chair.name.get()} ({m.chair.actor})" if m.chair else None


VIEWS: dict[type, tuple[Line, ...]] = {
    Recommendation: (
        Line("no.", _field("number"), brief=True),
        Line("theme", _field("theme"), brief=True),
        Line("modality", _field("modality"), brief=True),
        Line("text", _field("text"), brief=True, wide=True),
        Line("para", _cited, brief=True),
        Line("addressee", _field("addressee")),
        *_both("text", "text"),
        Line("topics (editorial)", lambda r, _: ", ".join(t.topic for t in r.topics)),
        Line("treaty references", _refs),
        Line("SDG targets (editorial)", lambda r, _: ", ".join(s.target for s in r.sdg_targets)),
        Line("specificity (editorial)", lambda r, _: r.specificity.level if r.specificity else None),
        Line("addressee kind (editorial)", _field("addressee_kind")),
    ),
    Paragraph: (
        Line("no.", _field("number"), brief=True),
        Line("chapter", lambda p, _: p.chapter + (f".{p.section}" if p.section else ""), brief=True),
        Line("text", _field("text"), brief=True, wide=True),
        *_both("text", "text"),
        Line("standing", lambda p, _: _standing_words(() if p.standing is None else (p.standing,)) or None),
        Line("topics (editorial)", lambda p, _: ", ".join(t.topic for t in p.topics)),
    ),
    Speaker: (
        Line("no.", _field("order"), brief=True),
        Line("name", _field("name"), brief=True, wide=True),
        Line("position", _field("position"), brief=True, wide=True),
        Line("country", _field("actor"), brief=True),
        Line("item", _field("agenda_item"), brief=True),
        Line("para", lambda s, _: paras({*s.source, *s.remarks}), brief=True),
        Line("regional group", _field("regional_group")),
        Line("role", _field("role")),
    ),
    Statement: (
        Line("actor", _field("actor"), brief=True),
        Line("name", _actor_name(), brief=True, wide=True),
        Line("kind", _field("kind"), brief=True),
        Line("as written", _field("as_written"), brief=True, wide=True),
        Line("items", lambda s, _: agenda_items(s), brief=True),
        Line("para", _cited, brief=True),
    ),
    Participant: (
        Line("actor", _field("actor"), brief=True),
        Line("name", _actor_name(), brief=True, wide=True),
        Line("status", _field("status"), brief=True),
        Line("para", _cited, brief=True),
        Line("as written", _field("as_written")),
    ),
    State: (
        Line("id", _field("id"), brief=True),
        Line("name", _field("name"), brief=True, wide=True),
        Line("regional group", lambda s, _: s.regional_group or "", brief=True),
        Line("m49", _field("m49"), brief=True),
        Line("kind", _field("kind")),
        *_both("name", "name", "UN short name"),
        Line("ISO alpha-2", _field("alpha2")),
        Line("group note", _field("regional_group_note")),
        *(Line(f"UN name ({lang})", _un_name(lang)) for lang in ("ar", "zh", "en", "fr", "ru", "es")),
        Line("participation", _participation),
    ),
    Organization: (
        Line("id", _field("id"), brief=True),
        Line("name", _field("name"), brief=True, wide=True),
        Line("acronym", _field("acronym"), brief=True),
        Line("kind", _field("kind"), brief=True),
        *_both("name", "name", "official name"),
        Line("note", _field("note")),
        Line("participation", _participation),
    ),
    AgendaItem: (
        Line("item", _field("number"), brief=True),
        Line(
            "title",
            lambda i, ds: f"{i.title.get()}: {_sub_items(i, ds)}" if i.sub_items else i.title.get(),
            brief=True,
            wide=True,
        ),
        Line("para", _cited, brief=True),
        *_both("title", "title"),
    ),
    Document: (
        Line("symbol", _field("symbol"), brief=True),
        Line("title", _field("title"), brief=True, wide=True),
        Line("para", _cited, brief=True),
        Line("url", _field("url")),
    ),
    Theme: (
        Line("id", _field("id"), brief=True),
        Line("section", lambda t, _: f"{t.chapter}.{t.section}", brief=True),
        Line("title", _field("title"), brief=True, wide=True),
        Line("para", _cited, brief=True),
        Line("label (editorial)", _field("label")),
    ),
    Topic: (
        Line("id", _field("id"), brief=True),
        Line("label", lambda t, _: t.label(), brief=True, wide=True),
        Line("definition (editorial)", _field("definition"), wide=True),
    ),
    SearchHit: (
        Line("kind", lambda h, _: h.kind, brief=True),
        Line("record", lambda h, _: h.key, brief=True),
        Line("para", lambda h, _: paras(h.source), brief=True),
        Line("lang", lambda h, _: h.lang, brief=True),
        Line("snippet", lambda h, _: h.highlight(before=MARK[0], after=MARK[1]), brief=True, wide=True),
        Line("meeting", lambda h, _: h.meeting),
        Line("standing", _standing),
        Line("score", lambda h, _: h.score),
    ),
    Dataset: (
        Line("data version", lambda d, _: d.data_version, brief=True),
        Line(
            "meetings",
            lambda d, _: ", ".join(f"{m.number} ({m.city.get()}, {m.start_date})" for m in d.meetings),
            brief=True,
        ),
        Line("recommendations", lambda d, _: sum(len(m.recommendations) for m in d.meetings), brief=True),
        Line("actors", lambda d, _: _actor_counts(d), brief=True),
        Line("topics", lambda d, _: len(d.topics), brief=True),
    ),
    ActorProfile: (
        Line(
            "participation",
            _roles(
                lambda r: [f"{r.participation.status} ({_para(r.participation.source)})"] if r.participation else []
            ),
        ),
        Line("statements", _roles(lambda r: [_statement(s) for s in r.statements])),
        Line("panellists", _roles(lambda r: [_panellist(s) for s in r.speakers])),
        Line("chair", _roles(lambda r: [f"{r.chair.name.get()} ({_para(r.chair.source)})"] if r.chair else [])),
        Line("cited from", lambda p, _: paras(n for r in p.meetings for n in r.source)),
    ),
    Meeting: (
        Line("number", _field("number"), brief=True),
        Line("city", _field("city"), brief=True),
        Line("dates", lambda m, _: f"{m.start_date} – {m.end_date}", brief=True),
        Line("recommendations", lambda m, _: len(m.recommendations), brief=True),
        Line("participants", lambda m, _: len(m.participants), brief=True),
        Line("title", _field("title"), wide=True),
        Line("body", _field("body"), wide=True),
        Line("format", _field("format")),
        Line("meetings held", _field("meetings_held")),
        Line("chair", _meeting_chair),
        Line(
            "registered delegates", lambda m, _: m.registered_delegates.as_written if m.registered_delegates else None
        ),
        Line("report adopted", _field("adopted_on")),
        Line("themes", lambda m, _: "; ".join(f"{t.id} ({t.section})" for t in m.themes)),
        Line("paragraphs", lambda m, _: len(m.paragraphs)),
        Line("statements", lambda m, _: len(m.statements)),
        Line("documents", lambda m, _: "; ".join(d.symbol for d in m.documents)),
        Line("cited from", _cited),
    ),
}


def _view(kind: type) -> tuple[Line, ...]:
    """The view of records of type ``kind``: its own, or one line per field."""
    for cls in kind.__mro__:
        if cls in VIEWS:
            return VIEWS[cls]
    fields = getattr(kind, "model_fields", None) or getattr(kind, "__dataclass_fields__", {})
    return tuple(Line(name, _field(name), brief=True) for name in fields)


def header(kind: type) -> list[str]:
    """The column labels when records of ``kind`` are listed."""
    return [line.label for line in _view(kind) if line.brief]


def wide(kind: type) -> set[str]:
    """The labels of the columns that hold long texts."""
    return {line.label for line in _view(kind) if line.wide}


def row(record: object, ds: Dataset | None = None) -> list[object]:
    """One record as a row of a listing: the brief lines' values."""
    return [line.get(record, ds) for line in _view(type(record)) if line.brief]


def brief(records: Sequence[object], ds: Dataset | None = None) -> tuple[list[str], list[list[object]]]:
    """Records listed: the header and one row each (records of several kinds: one line each, their repr)."""
    kinds = list(dict.fromkeys(type(r) for r in records))
    if len(kinds) == 1:
        return header(kinds[0]), [row(r, ds) for r in records]
    return ["record"], [[repr(r)] for r in records]


def full(record: object, ds: Dataset | None = None) -> list[tuple[str, object]]:
    """One record in full: (label, value) for every line that has a value (a profile: its actor's first)."""
    view = _view(type(record))
    both = {line.label.split(" (ru, the report)")[0] for line in view if line.label.endswith(" (ru, the report)")}
    # a text shown in both languages is not shown a third time in the display language
    lines = [(line.label, line.get(record, ds)) for line in view if not (line.brief and line.label in both)]
    if isinstance(record, ActorProfile):
        lines = _actor_lines(record, ds) + lines
    return [(label, value) for label, value in lines if value not in (None, "")]
