"""How each record looks to a person: one description per record type, for every place that shows it.

A view is a list of :class:`Line`: a label (a key of the catalogue of words,
:mod:`._words`) and how to read the value as a :class:`Cell`. A cell keeps the value as
data (a code, paragraph numbers, a date, a number, a text and the language it is in,
the origin of the field), never as a formatted string; every renderer (the command's
tables, the notebook, the web edition) formats cells with :func:`show`, in the display
language, so nothing parses a label or a formatted value back.

The lines marked ``brief`` are the columns when many records are listed; all lines
together show one record in full. A record's main text is shown in both languages, each
marked with whose words it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from . import _words
from ._language import Lang, get_display_language
from .dataset import Dataset
from .errors import InvalidFilter
from .models import (
    ActorProfile,
    AgendaItem,
    Document,
    Meeting,
    MeetingRole,
    Organization,
    Origin,
    Paragraph,
    Participant,
    Recommendation,
    Speaker,
    Standing,
    State,
    Statement,
    Text,
    Theme,
    Topic,
    origin_of,
)
from .search import SearchHit

__all__ = [
    "MARK",
    "Cell",
    "Line",
    "agenda_items",
    "brief",
    "cells",
    "full",
    "header",
    "marked",
    "paras",
    "row",
    "show",
    "standing",
    "wide",
]

CellKind: TypeAlias = Literal["text", "code", "citation", "actor", "date", "number"]


@dataclass(frozen=True)
class Cell:
    """One value of a view, as data.

    ``kind``: ``text`` (words, in ``language``), ``code`` (a value of the catalogue kind
    ``ref``), ``citation`` (paragraph numbers), ``actor`` (a name, in ``language``, of the
    actor ``ref``), ``date`` (a day, or a (first, last) pair), ``number`` (an integer, a
    float or a tuple of integers). ``origin``: where the value comes from.
    """

    value: Any
    kind: CellKind = "text"
    language: str | None = None
    origin: Origin | None = None
    ref: str = ""


Get: TypeAlias = Callable[[Any, Dataset | None, Lang], "Cell | None"]


@dataclass(frozen=True)
class Line:
    """One line of a record's view: the catalogue key of its label and how to get its cell.

    ``field``: the model field shown (its declared origin marks an editorial line);
    ``language``/``whose``: a text shown in one language, and whose words it is (a catalogue
    key: ``whose_report``, ...). ``brief``: also a column when many records are listed.
    ``wide``: a long text that wraps.
    """

    name: str
    get: Get
    brief: bool = False
    wide: bool = False
    field: str = ""
    language: str = ""
    whose: str = ""

    def label(self, kind: type, lang: Lang, quoted: bool = False) -> str:
        """The label in ``lang``: 'text (ru, the report)', 'topics (editorial)'.

        ``quoted``: the value is the report's Russian shown on an English page (so marked).
        """
        words = _words.label(self.name, lang)
        language = self.language or ("ru" if quoted else "")
        marks = [_words.code("language_abbr", language, lang)] if language else []
        whose = self.whose or ("whose_report" if quoted else "")
        whose = whose or ("whose_editorial" if self._origin(kind) == "editorial" else "")
        if whose:
            marks.append(_words.label(whose, lang))
        return f"{words} ({', '.join(marks)})" if marks else words

    def _origin(self, kind: type) -> Origin | None:
        fields = getattr(kind, "model_fields", {})
        return origin_of(kind, self.field) if self.field in fields else None


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
    """Paragraph numbers as a list: '3, 18, 34' (the words around them: :func:`._words.paras`)."""
    return ", ".join(map(str, sorted(set(numbers))))


def standing(record: Any, meeting: Meeting, lang: Lang | None = None) -> str:
    """What a record is, as the report states it, in the catalogue's words (default: the display language).

    Each standing of :meth:`Meeting.standing_of`, joined by "; "; empty when none (a paragraph of
    the Chair's summary: "the Chair's summary, not adopted").
    """
    return _standing_words(meeting.standing_of(record), lang or get_display_language())


def _standing_words(standings: Iterable[Standing], lang: Lang) -> str:
    return "; ".join(_words.code("standing", s, lang) for s in standings)


def agenda_items(s: Statement, lang: Lang | None = None) -> str:
    """A statement's agenda items as a person reads them, saying when the report gives them for a group.

    '2, 3 (said of the group, para 23)'; 'not stated' when the report gives none.
    """
    lang = lang or get_display_language()
    if not s.agenda_items:
        return _words.label("not_stated", lang)
    items = paras(s.agenda_items)
    if s.agenda_attribution != "group":
        return items
    return f"{items} ({_words.code('agenda_attribution', 'group', lang)}, {_words.paras(s.source, lang)})"


# --- rendering cells ------------------------------------------------------------------------


def show(cell: Cell | None, lang: Lang | None = None, *, brief: bool = False) -> str:
    """A cell as text in ``lang`` (default: the display language).

    A code reads as its words, with the code itself after them in a full view
    ('участник Протокола (party)') and alone in a listing (where it is what filters take).
    """
    lang = lang or get_display_language()
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if cell.kind == "code":
        if brief:
            return str(value)
        try:
            words = _words.code(cell.ref, value, lang)
        except InvalidFilter:  # a value of the user's own data the catalogue has no words for
            return str(value)
        return words if words == str(value) else f"{words} ({value})"
    if cell.kind == "citation":
        return paras(value)
    if cell.kind == "date":
        if isinstance(value, tuple):
            return _words.dates(value[0], value[1], lang)
        return _words.day(value, lang) if isinstance(value, dt.date) else str(value)
    if cell.kind == "number" and isinstance(value, tuple):
        return ", ".join(map(str, value)) if value else _words.label("not_stated", lang)
    return str(value)


# --- getting cells --------------------------------------------------------------------------


def _text_cell(text: Text | None, lang: Lang, origin: Origin | None = None) -> Cell | None:
    """A text in ``lang`` (the report's Russian where there is no English), marked with the language it is in."""
    if text is None:
        return None
    shown = text.get(lang)
    return Cell(shown, "text", "en" if lang == "en" and text.en else "ru", origin)


def _field(name: str) -> Get:
    """The value of field ``name`` as a cell: a text in ``lang``, a number, a date, any other value as text."""

    def get(record: Any, _: Dataset | None, lang: Lang) -> Cell | None:
        value = getattr(record, name)
        origin = origin_of(type(record), name) if name in type(record).model_fields else None
        if value is None or value == "":
            return None
        if isinstance(value, Text):
            return _text_cell(value, lang, origin)
        if isinstance(value, bool):
            return Cell(str(value).lower(), "text", None, origin)
        if isinstance(value, int):
            return Cell(value, "number", None, origin)
        if isinstance(value, dt.date):
            return Cell(value, "date", None, origin)
        return Cell(str(value), "text", "ru" if origin == "report" and _cyrillic(str(value)) else None, origin)

    return get


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def _code(name: str, kind: str = "") -> Get:
    """Field ``name`` as a code of catalogue ``kind`` (default: the field's name)."""

    def get(record: Any, _: Dataset | None, __: Lang) -> Cell | None:
        value = getattr(record, name)
        if value is None or value == "":
            return None
        return Cell(value, "code", None, origin_of(type(record), name), kind or name)

    return get


def _in(name: str, language: str) -> Get:
    """One language of text field ``name``."""

    def get(record: Any, _: Dataset | None, __: Lang) -> Cell | None:
        value = getattr(getattr(record, name), language)
        return Cell(value, "text", language, "report" if language == "ru" else "editorial") if value else None

    return get


def _both(name: str, en: str = "whose_editorial") -> tuple[Line, Line]:
    """A text in both languages, each marked with whose words it is (``en``: what the English is)."""
    return (
        Line(name, _in(name, "ru"), wide=True, field=name, language="ru", whose="whose_report"),
        Line(name, _in(name, "en"), wide=True, field=name, language="en", whose=en),
    )


def _cited(*names: str) -> Get:
    """The paragraphs a record is cited from (fields ``names``, ``source`` by default)."""

    def get(record: Any, _: Dataset | None, __: Lang) -> Cell:
        numbers = {n for name in names or ("source",) for n in getattr(record, name)}
        return Cell(tuple(sorted(numbers)), "citation", None, "report")

    return get


def _name_at(actor_id: str, record: object, ds: Dataset | None, lang: Lang) -> Cell:
    """An actor's name as at the meeting of ``record`` (without a dataset: the report's form, or the id)."""
    if ds is None:
        return Cell(getattr(record, "as_written", actor_id), "actor", "ru", "report", actor_id)
    meeting = ds._meeting_of(record)
    name = ds.name_at(actor_id, meeting=meeting.number, lang=lang) if meeting else ds.actor(actor_id).name.get(lang)
    return Cell(name, "actor", "ru" if _cyrillic(name) else lang, "report", actor_id)


def _actor_name(key: str = "actor") -> Get:
    return lambda record, ds, lang: _name_at(getattr(record, key), record, ds, lang)


def _said(compose: Callable[[Any, Dataset | None, Lang], str | None]) -> Get:
    """A line composed in the display language from the catalogue's words (a list, a profile's roles)."""

    def get(record: Any, ds: Dataset | None, lang: Lang) -> Cell | None:
        text = compose(record, ds, lang)
        return Cell(text, "text", lang) if text else None

    return get


def _count(of: Callable[[Any], int]) -> Get:
    return lambda record, _, __: Cell(of(record), "number")


def _refs(record: Recommendation, _: Dataset | None, lang: Lang) -> str:
    said = []
    for t in record.treaty_refs:
        article = f", {_words.label('article', lang)} {t.article}" if t.article else ""
        how = _words.code("provenance", t.provenance, lang)
        said.append(f"{_words.code('instrument', t.instrument, lang)}{article} ({how})")
    return "; ".join(said)


def _title_with_sub_items(item: AgendaItem, _: Dataset | None, lang: Lang) -> Cell | None:
    title = item.title.get(lang)
    subs = "; ".join(f"{s.letter}) {s.title.get(lang)}" for s in item.sub_items)
    language = "en" if lang == "en" and item.title.en else "ru"
    return Cell(f"{title}: {subs}" if subs else title, "text", language, "report")


def _participation(actor: Any, ds: Dataset | None, lang: Lang) -> str | None:
    if ds is None:
        return None
    found = [(m.number, p) for m in ds.meetings for p in m.participants if p.actor == actor.id]
    said = [
        f"{_words.meeting_title(n, lang)}: {_words.code('status', p.status, lang)} ({_words.paras(p.source, lang)})"
        for n, p in found
    ]
    return "; ".join(said) or _words.label("none", lang)


def _un_name(language: str) -> Get:
    def get(state: State, _: Dataset | None, __: Lang) -> Cell | None:
        value = getattr(state.names, language) if state.names else None
        return Cell(value, "text", language, "reference") if value else None

    return get


def _former_names(state: State, _: Dataset | None, lang: Lang) -> str | None:
    """Today's name is the record's; the names before a change, with the day it took effect."""
    said = []
    for change in state.former_names:
        name = change.names.get(lang) or change.names.get("en")
        if name:
            said.append(f"{name} ({_words.label('until', lang)} {_words.day(change.until, lang)})")
    return "; ".join(said) or None


def _roles(show_role: Callable[[MeetingRole, Lang], list[str]]) -> Get:
    """One line of an actor's profile: what ``show_role`` says of each meeting, meeting by meeting."""

    def compose(profile: ActorProfile, _: Dataset | None, lang: Lang) -> str | None:
        said = [
            f"{_words.meeting_title(role.meeting, lang)}: {'; '.join(parts)}"
            for role in profile.meetings
            if (parts := show_role(role, lang))
        ]
        return " | ".join(said) or None

    return _said(compose)


def _statement(s: Statement, lang: Lang) -> str:
    items = _words.items(s.agenda_items, lang) or _words.label("not_stated", lang)
    if s.agenda_items and s.agenda_attribution == "group":
        items += f" ({_words.code('agenda_attribution', 'group', lang)})"
    return f"{_words.code('statement_kind', s.kind, lang)}, {items} ({_words.paras(s.source, lang)})"


def _panellist(s: Speaker, lang: Lang) -> str:
    cited = _words.paras({*s.source, *s.remarks}, lang)
    return f"{s.name.get(lang)}, {s.position.get(lang)} ({_words.items([s.agenda_item], lang)}; {cited})"


def _chair(role: MeetingRole, lang: Lang) -> list[str]:
    return [f"{role.chair.name.get(lang)} ({_words.paras(role.chair.source, lang)})"] if role.chair else []


def _status(role: MeetingRole, lang: Lang) -> list[str]:
    p = role.participation
    return [f"{_words.code('status', p.status, lang)} ({_words.paras(p.source, lang)})"] if p else []


def _actor_counts(d: Dataset, _: Dataset | None, lang: Lang) -> str:
    states = sum(isinstance(a, State) for a in d.actors)
    return f"{_words.label('states', lang)}: {states}, {_words.label('organizations', lang)}: {len(d.actors) - states}"


def _meetings(d: Dataset, _: Dataset | None, lang: Lang) -> str:
    return "; ".join(
        f"{_words.meeting_title(m.number, lang)} ({m.city.get(lang)}, {_words.dates(m.start_date, m.end_date, lang)})"
        for m in d.meetings
    )


def _meeting_chair(m: Meeting, _: Dataset | None, lang: Lang) -> Cell | None:
    return Cell(m.chair.name.get(lang), "actor", lang, "report", m.chair.actor) if m.chair else None


def _specificity(r: Recommendation, _: Dataset | None, __: Lang) -> Cell | None:
    return Cell(r.specificity.level, "code", None, "editorial", "specificity") if r.specificity else None


def _hit_standing(hit: SearchHit[Any], ds: Dataset | None, lang: Lang) -> str | None:
    return standing(hit.record, ds.meeting(hit.meeting), lang) or None if ds is not None else None


def _theme(record: Any, ds: Dataset | None, lang: Lang) -> Cell:
    return Cell(record.theme, "code", None, "report", "theme")


VIEWS: dict[type, tuple[Line, ...]] = {
    Recommendation: (
        Line("number", _field("number"), brief=True, field="number"),
        Line("theme", _theme, brief=True, field="theme"),
        Line("modality", _code("modality"), brief=True, field="modality"),
        Line("text", _field("text"), brief=True, wide=True, field="text"),
        Line("source", _cited(), brief=True, field="source"),
        Line("addressee", _field("addressee"), field="addressee"),
        *_both("text"),
        Line("topics", _said(lambda r, _, __: ", ".join(t.topic for t in r.topics)), field="topics"),
        Line("treaty_refs", _said(_refs), field="treaty_refs"),
        Line("sdg_targets", _said(lambda r, _, __: ", ".join(s.target for s in r.sdg_targets)), field="sdg_targets"),
        Line("specificity", _specificity, field="specificity"),
        Line("addressee_kind", _code("addressee_kind"), field="addressee_kind"),
    ),
    Paragraph: (
        Line("number", _field("number"), brief=True, field="number"),
        Line(
            "chapter",
            lambda p, _, __: Cell(p.chapter + (f".{p.section}" if p.section else ""), "text", None, "report"),
            brief=True,
            field="chapter",
        ),
        Line("text", _field("text"), brief=True, wide=True, field="text"),
        *_both("text"),
        Line(
            "standing",
            lambda p, _, __: Cell(p.standing, "code", None, "report", "standing") if p.standing else None,
            field="standing",
        ),
        Line("topics", _said(lambda p, _, __: ", ".join(t.topic for t in p.topics)), field="topics"),
    ),
    Speaker: (
        Line("order", _field("order"), brief=True, field="order"),
        Line("name", _field("name"), brief=True, wide=True, field="name"),
        Line("position", _field("position"), brief=True, wide=True, field="position"),
        Line("country", _actor_name(), brief=True, field="actor"),
        Line("item", _field("agenda_item"), brief=True, field="agenda_item"),
        Line("source", _cited("source", "remarks"), brief=True, field="source"),
        Line("regional_group", _code("regional_group"), field="regional_group"),
        Line("role", _code("role"), field="role"),
    ),
    Statement: (
        Line("actor", _field("actor"), brief=True, field="actor"),
        Line("name", _actor_name(), brief=True, wide=True),
        Line("kind", _code("kind", "statement_kind"), brief=True, field="kind"),
        Line("as_written", _field("as_written"), brief=True, wide=True, field="as_written"),
        Line(
            "agenda_items",
            lambda s, _, lang: Cell(agenda_items(s, lang), "text", lang, "report"),
            brief=True,
            field="agenda_items",
        ),
        Line("source", _cited(), brief=True, field="source"),
    ),
    Participant: (
        Line("actor", _field("actor"), brief=True, field="actor"),
        Line("name", _actor_name(), brief=True, wide=True),
        Line("status", _code("status"), brief=True, field="status"),
        Line("source", _cited(), brief=True, field="source"),
        Line("as_written", _field("as_written"), field="as_written"),
    ),
    State: (
        Line("id", _field("id"), brief=True, field="id"),
        Line("name", _field("name"), brief=True, wide=True, field="name"),
        Line(
            "regional_group",
            lambda s, _, __: Cell(s.regional_group or "none", "code", None, "reference", "regional_group"),
            brief=True,
            field="regional_group",
        ),
        Line("m49", _field("m49"), brief=True, field="m49"),
        Line("kind", _code("kind"), field="kind"),
        *_both("name", "whose_un_short_name"),
        Line("former_names", _said(_former_names), field="former_names"),
        Line("alpha2", _field("alpha2"), field="alpha2"),
        Line("regional_group_note", _field("regional_group_note"), field="regional_group_note"),
        *(
            Line("un_name", _un_name(language), field="names", language=language)
            for language in ("ar", "zh", "en", "fr", "ru", "es")
        ),
        Line("participation", _said(_participation)),
    ),
    Organization: (
        Line("id", _field("id"), brief=True, field="id"),
        Line("name", _field("name"), brief=True, wide=True, field="name"),
        Line("acronym", _field("acronym"), brief=True, field="acronym"),
        Line("kind", _code("kind"), brief=True, field="kind"),
        *_both("name", "whose_official_name"),
        Line("note", _field("note"), field="note"),
        Line("participation", _said(_participation)),
    ),
    AgendaItem: (
        Line("item", _field("number"), brief=True, field="number"),
        Line("title", _title_with_sub_items, brief=True, wide=True, field="title"),
        Line("source", _cited(), brief=True, field="source"),
        *_both("title"),
    ),
    Document: (
        Line("symbol", _field("symbol"), brief=True, field="symbol"),
        Line("title", _field("title"), brief=True, wide=True, field="title"),
        Line("source", _cited(), brief=True, field="source"),
        Line("url", _field("url"), field="url"),
    ),
    Theme: (
        Line("id", _field("id"), brief=True, field="id"),
        Line("section", lambda t, _, __: Cell(f"{t.chapter}.{t.section}", "text", None, "report"), brief=True),
        Line("title", _field("title"), brief=True, wide=True, field="title"),
        Line("source", _cited(), brief=True, field="source"),
        Line("label", _field("label"), field="label"),
    ),
    Topic: (
        Line("id", _field("id"), brief=True, field="id"),
        Line("label", lambda t, _, lang: Cell(t.label(lang), "text", lang, "editorial"), brief=True, wide=True),
        Line("definition", _field("definition"), wide=True, field="definition"),
    ),
    SearchHit: (
        Line("kind", lambda h, _, __: Cell(h.kind, "code", None, None, "record_kind"), brief=True),
        Line("record", lambda h, _, __: Cell(h.key, "text"), brief=True),
        Line("source", lambda h, _, __: Cell(tuple(sorted(set(h.source))), "citation", None, "report"), brief=True),
        Line("language", lambda h, _, __: Cell(h.language, "code", None, None, "language"), brief=True),
        Line(
            "snippet",
            lambda h, _, __: Cell(h.highlight(before=MARK[0], after=MARK[1]), "text", h.language),
            brief=True,
            wide=True,
        ),
        Line("meeting", lambda h, _, __: Cell(h.meeting, "number")),
        Line("standing", _said(_hit_standing)),
        Line("score", lambda h, _, __: Cell(h.score, "number")),
    ),
    Dataset: (
        Line("data_version", lambda d, _, __: Cell(d.data_version, "text"), brief=True),
        Line("meetings", _said(_meetings), brief=True),
        Line("recommendations", _count(lambda d: sum(len(m.recommendations) for m in d.meetings)), brief=True),
        Line("actors", _said(_actor_counts), brief=True),
        Line("topics", _count(lambda d: len(d.topics)), brief=True),
    ),
    ActorProfile: (
        Line("participation", _roles(_status)),
        Line("statements", _roles(lambda r, lang: [_statement(s, lang) for s in r.statements])),
        Line("panellists", _roles(lambda r, lang: [_panellist(s, lang) for s in r.speakers])),
        Line("chair", _roles(_chair)),
        Line(
            "cited_from",
            lambda p, _, __: Cell(tuple(sorted({n for r in p.meetings for n in r.source})), "citation", None, "report"),
        ),
    ),
    Meeting: (
        Line("number", _field("number"), brief=True, field="number"),
        Line("city", _field("city"), brief=True, field="city"),
        Line("dates", lambda m, _, __: Cell((m.start_date, m.end_date), "date", None, "report"), brief=True),
        Line("recommendations", _count(lambda m: len(m.recommendations)), brief=True),
        Line("participants", _count(lambda m: len(m.participants)), brief=True),
        Line("title", _field("title"), wide=True, field="title"),
        Line("body", _field("body"), wide=True, field="body"),
        Line("format", _code("format"), field="format"),
        Line("meetings_held", _field("meetings_held"), field="meetings_held"),
        Line("chair", _meeting_chair, field="chair"),
        Line(
            "registered_delegates",
            lambda m, _, __: (
                Cell(m.registered_delegates.as_written, "text", "ru", "report") if m.registered_delegates else None
            ),
            field="registered_delegates",
        ),
        Line("adopted_on", _field("adopted_on"), field="adopted_on"),
        Line("themes", _said(lambda m, _, lang: "; ".join(f"{t.id} ({t.section})" for t in m.themes))),
        Line("paragraphs", _count(lambda m: len(m.paragraphs))),
        Line("statements", _count(lambda m: len(m.statements))),
        Line("documents", _said(lambda m, _, __: "; ".join(d.symbol for d in m.documents))),
        Line("source", _cited(), field="source"),
    ),
}


def _generic(name: str) -> Get:
    def get(record: Any, _: Dataset | None, __: Lang) -> Cell | None:
        value = getattr(record, name)
        return None if value is None else Cell(value if isinstance(value, int | float) else str(value), "text")

    return get


def _view(kind: type) -> tuple[Line, ...]:
    """The view of records of type ``kind``: its own, or one line per field (keys the catalogue may not have)."""
    for cls in kind.__mro__:
        if cls in VIEWS:
            return VIEWS[cls]
    fields = getattr(kind, "model_fields", None) or getattr(kind, "__dataclass_fields__", {})
    return tuple(Line(name, _generic(name), brief=True) for name in fields)


def _label(line: Line, kind: type, lang: Lang, quoted: bool = False) -> str:
    try:
        return line.label(kind, lang, quoted)
    except (KeyError, InvalidFilter):  # a generic view of a type the catalogue does not name
        return line.name


def header(kind: type, lang: Lang | None = None) -> list[str]:
    """The column labels when records of ``kind`` are listed, in ``lang`` (default: the display language)."""
    lang = lang or get_display_language()
    return [_label(line, kind, lang) for line in _view(kind) if line.brief]


def wide(kind: type, lang: Lang | None = None) -> set[str]:
    """The labels of the columns that hold long texts."""
    lang = lang or get_display_language()
    return {_label(line, kind, lang) for line in _view(kind) if line.wide}


def row(record: object, ds: Dataset | None = None, lang: Lang | None = None) -> list[Cell | None]:
    """One record as a row of a listing: the brief lines' cells."""
    lang = lang or get_display_language()
    return [line.get(record, ds, lang) for line in _view(type(record)) if line.brief]


def brief(
    records: Sequence[object], ds: Dataset | None = None, lang: Lang | None = None
) -> tuple[list[str], list[list[str]]]:
    """Records listed: the header and one row of text each, in ``lang``.

    Records of several kinds: one line each, their repr. Records of several meetings: a
    first column says whose each is.
    """
    lang = lang or get_display_language()
    kinds = list(dict.fromkeys(type(r) for r in records))
    if len(kinds) != 1:
        return [_words.label("record", lang)], [[repr(r)] for r in records]
    head = header(kinds[0], lang)
    rows = [[show(c, lang, brief=True) for c in row(r, ds, lang)] for r in records]
    if ds is not None and len(ds.meetings) > 1:
        whose = [ds._meeting_of(r) for r in records]
        if any(whose):
            head = [_words.label("meeting", lang), *head]
            rows = [[str(m.number) if m else "", *cells] for m, cells in zip(whose, rows, strict=True)]
    return head, rows


def cells(record: object, ds: Dataset | None = None, lang: Lang | None = None) -> list[tuple[str, str, Cell]]:
    """One record in full, as data: (line name, label in ``lang``, cell) for every line with a value.

    A text shown in both languages is not shown a third time in the display language; an
    actor's profile shows the actor's own lines first.
    """
    lang = lang or get_display_language()
    kind = type(record)
    view = _view(kind)
    both = {line.field for line in view if line.language and line.whose}
    found = []
    for line in view:
        if line.brief and line.field in both and not line.language:
            continue
        cell = line.get(record, ds, lang)
        quoted = cell is not None and cell.language == "ru" and lang == "en" and not line.language
        found.append((line.name, _label(line, kind, lang, quoted), cell))
    if isinstance(record, ActorProfile):
        found = [c for c in cells(record.actor, ds, lang) if c[0] != "participation"] + found
    return [(name, label, cell) for name, label, cell in found if cell is not None and cell.value not in (None, "")]


def full(record: object, ds: Dataset | None = None, lang: Lang | None = None) -> list[tuple[str, str]]:
    """One record in full, as text: (label, value) for every line that has a value, in ``lang``."""
    lang = lang or get_display_language()
    return [(label, show(cell, lang)) for _, label, cell in cells(record, ds, lang)]
