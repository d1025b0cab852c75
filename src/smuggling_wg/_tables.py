"""The dataset as tidy tables: one per entity, long tables for many-valued fields.

Each column is declared once, as one :class:`Column`: its name, type, meaning and the
getter that reads its value from a record. Every flat output reads these declarations:
CSV files, the Frictionless Data Package's Table Schemas, pandas DataFrames, SQLite and
Parquet. A column copied from a model field takes its type, allowed values and meaning
from that field (:func:`field`); a text of the report gives its ``_ru`` and ``_en``
columns from one declaration (:func:`text`), so the two languages cannot be swapped.
Keys join: a state is its ISO alpha-3 code everywhere, an organization its id; both are
rows of ``actors``.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple, Union, get_args, get_origin

from .models import (
    STANDINGS,
    ActorKind,
    AgendaAttribution,
    AgendaItem,
    AgendaSubItem,
    Bundle,
    Document,
    Meeting,
    NumberedMeeting,
    Organization,
    Origin,
    Paragraph,
    Participant,
    Recommendation,
    Record,
    SdgLink,
    Speaker,
    Specificity,
    State,
    Statement,
    Text,
    Theme,
    Topic,
    TopicTag,
    TreatyRef,
    UnNames,
    origin_of,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "LIST_SEPARATOR",
    "TABLES",
    "At",
    "Column",
    "Table",
    "TableName",
    "column_values",
    "frame_of",
    "frame_rows",
    "rows",
    "table",
    "text_cell",
    "to_dataframe",
]

ColumnType = Literal["string", "integer", "date", "boolean"]
TableName = Literal[
    "meetings",
    "actors",
    "states",
    "organizations",
    "themes",
    "recommendations",
    "recommendation_topics",
    "recommendation_treaty_refs",
    "recommendation_sdg_targets",
    "paragraphs",
    "paragraph_topics",
    "agenda_items",
    "agenda_sub_items",
    "speakers",
    "statements",
    "statement_agenda_items",
    "participants",
    "documents",
    "numbered_meetings",
    "numbered_meeting_agenda_items",
    "topics",
    "sdg_targets",
    "treaty_articles",
]
"""The name of every table (tested equal to :data:`TABLES`)."""


class At(NamedTuple):
    """Where a row comes from: its meeting (if any), its record, its position, and the record it belongs to."""

    meeting: Meeting | None
    record: Any
    position: int = 0
    parent: Any = None


@dataclass(frozen=True)
class Column:
    """A column: its name, type, meaning and allowed values, and how to read its value from a row's record.

    ``many``: the value is a list of ``type`` (a CSV cell joins it with ``;``; Parquet and
    pandas keep a list). ``required``: never empty. ``lang``: the language of a text of the
    report (``ru`` or ``en``; full-text indexed in SQLite), empty for other columns.
    ``origin``: where the values come from (:func:`~smuggling_wg.models.origin_of` of the
    field a column holds; the Data Package and the SQLite metadata say it per column).
    """

    name: str
    type: ColumnType
    description: str
    get: Callable[[At], Any]
    enum: tuple[Any, ...] = ()
    required: bool = False
    many: bool = False
    lang: Literal["ru", "en", ""] = ""
    origin: Origin = "report"


@dataclass(frozen=True)
class Table:
    """A tidy table: its columns, primary key, foreign keys (columns, table, columns) and where its rows come from."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    records: Callable[[Bundle], Iterable[At]]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    #: Columns people filter on: indexed in SQLite, faceted in Datasette.
    filters: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


# --- declaring columns ----------------------------------------------------------------------


def _enum(annotation: Any) -> tuple[Any, ...]:
    """Every value a Literal allows, through unions, aliases and ``Annotated`` (flattened, in order)."""
    annotation = getattr(annotation, "__value__", annotation)
    origin = get_origin(annotation)
    if origin is Literal:
        return get_args(annotation)
    if origin in (Annotated, Union, types.UnionType):
        return tuple(v for a in get_args(annotation) for v in _enum(a))
    return ()


def _kind(annotation: Any) -> tuple[ColumnType, bool]:
    """The column type of a model field's annotation, and whether it holds a list."""
    annotation = getattr(annotation, "__value__", annotation)
    origin = get_origin(annotation)
    if origin is Annotated:
        return _kind(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        (member,) = [a for a in get_args(annotation) if a is not type(None)]
        return _kind(member)
    if origin is tuple:
        return _kind(get_args(annotation)[0])[0], True
    if origin is Literal:
        return ("integer" if isinstance(get_args(annotation)[0], int) else "string"), False
    if annotation is int:
        return "integer", False
    if annotation is bool:
        return "boolean", False
    if annotation is dt.date:
        return "date", False
    return "string", False


def _description(model: type[Record], name: str) -> str:
    return model.model_fields[name].description or ""


def field(model: type[Record], name: str, column: str = "", description: str = "", of: str = "record") -> Column:
    """A column holding field ``name`` of ``model``: type, allowed values and meaning come from the field.

    ``of`` is the attribute of :class:`At` that holds the record (``record`` or ``parent``).
    """
    info = model.model_fields[name]
    kind, many = _kind(info.annotation)

    def get(at: At) -> Any:
        value = getattr(getattr(at, of), name)
        return tuple(value) if many else value

    return Column(
        column or name,
        kind,
        description or _description(model, name),
        get,
        enum=_enum(info.annotation),
        required=_never_empty(info) and not many,
        many=many,
        origin=origin_of(model, name),
    )


def _never_empty(info: Any) -> bool:
    """A field whose value is never None nor an empty string: a required column."""
    annotation = info.annotation
    optional = get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation)
    return not optional and (info.is_required() or info.default not in (None, ""))


def text(
    model: type[Record], name: str, column: str = "", description: str = "", english: Origin = "editorial"
) -> tuple[Column, Column]:
    """The ``_ru`` and ``_en`` columns of a :class:`~smuggling_wg.models.Text` field, from one declaration.

    ``english``: the origin of the English column: ``editorial`` (a translation made here), or
    ``mixed`` where the English may be the UN's official text (``en_origin``, record by record).
    """
    base = column or name
    meaning = description or _description(model, name)
    required = _never_empty(model.model_fields[name])

    def language(lang: Literal["ru", "en"]) -> Column:
        def get(at: At) -> str | None:
            value: Text | None = getattr(at.record, name)
            return None if value is None else getattr(value, lang)

        note = _description(Text, lang)
        return Column(
            f"{base}_{lang}",
            "string",
            f"{meaning} This column: {note}",
            get,
            required=required and lang == "ru",
            lang=lang,
            origin=origin_of(model, name) if lang == "ru" else english,
        )

    return language("ru"), language("en")


def meeting_number(description: str = "Meeting number.") -> Column:
    """The meeting a row belongs to."""
    return Column(
        "meeting", "integer", description, lambda at: at.meeting.number if at.meeting else None, required=True
    )


def position(description: str = "Order in the report.") -> Column:
    """A row's position in its list, from 1."""
    return Column("position", "integer", description, lambda at: at.position, required=True)


def parent_number(name: str, description: str) -> Column:
    """The number of the record a label row belongs to (a recommendation's, a paragraph's)."""
    return Column(name, "integer", description, lambda at: at.parent.number, required=True)


SOURCE_DESCRIPTION = "Report paragraphs the row comes from."


def source(of: str = "record") -> Column:
    """The paragraphs a row's record is cited from."""
    return Column(
        "source",
        "integer",
        SOURCE_DESCRIPTION,
        lambda at: tuple(getattr(at, of).source),
        required=True,
        many=True,
    )


STANDING_DESCRIPTION = (
    "What the row's record is, as the report states it: the standing of each paragraph it rests on (adopted: the "
    "recommendations the Working Group adopted; chair_summary: the Chair's summary, not considered and not subject "
    "to adoption, para 4; proceedings: the report's account)."
)


def standing(of: str = "record") -> Column:
    """The standings of the paragraphs a row's record rests on (:meth:`~smuggling_wg.models.Meeting.standing_of`)."""

    def get(at: At) -> tuple[str, ...]:
        return () if at.meeting is None else at.meeting.standing_of(getattr(at, of))

    return Column("standing", "string", STANDING_DESCRIPTION, get, enum=STANDINGS, many=True)


# --- where rows come from -------------------------------------------------------------------


def _per_meeting(attribute: str) -> Callable[[Bundle], Iterator[At]]:
    """One row per record of one list of every meeting."""

    def records(b: Bundle) -> Iterator[At]:
        for m in b.meetings:
            for i, record in enumerate(getattr(m, attribute), start=1):
                yield At(m, record, i)

    return records


def _labels(attribute: str, of: str = "recommendations") -> Callable[[Bundle], Iterator[At]]:
    """One row per label of a many-valued field of a meeting's recommendations or paragraphs (long format)."""

    def records(b: Bundle) -> Iterator[At]:
        for m in b.meetings:
            for parent in getattr(m, of):
                for i, item in enumerate(getattr(parent, attribute), start=1):
                    yield At(m, item, i, parent)

    return records


def _items(attribute: str) -> Callable[[Bundle], Iterator[At]]:
    """One row per agenda item of each statement or numbered meeting (``record`` is the item number)."""

    def records(b: Bundle) -> Iterator[At]:
        for m in b.meetings:
            for i, parent in enumerate(getattr(m, attribute), start=1):
                for item in parent.agenda_items:
                    yield At(m, item, i, parent)

    return records


def _sub_items(b: Bundle) -> Iterator[At]:
    for m in b.meetings:
        for a in m.agenda:
            for i, sub in enumerate(a.sub_items, start=1):
                yield At(m, sub, i, a)


def _actors(kind: type[Record] | None = None) -> Callable[[Bundle], Iterator[At]]:
    def records(b: Bundle) -> Iterator[At]:
        for i, a in enumerate(b.actors, start=1):
            if kind is None or isinstance(a, kind):
                yield At(None, a, i)

    return records


def _participants(b: Bundle) -> Iterator[At]:
    """One row per participant; ``parent`` is the actor (for its name as at the meeting)."""
    actors = {a.id: a for a in b.actors}
    for m in b.meetings:
        for i, p in enumerate(m.participants, start=1):
            yield At(m, p, i, actors.get(p.actor))


def _name_at_meeting(at: At) -> str | None:
    actor, meeting = at.parent, at.meeting
    if actor is None or meeting is None:
        return None
    names = actor.names_at(meeting.start_date) if isinstance(actor, State) else None
    return names.en if names is not None else (actor.name.en or None)


def _articles(b: Bundle) -> Iterator[At]:
    for instrument in b.instruments:
        for number, title in instrument.articles.items():
            yield At(None, (instrument.id, number, title))


# --- the tables -----------------------------------------------------------------------------

_LANGS = ("ar", "zh", "en", "fr", "ru", "es")
_MEETING = (("meeting",), "meetings", ("number",))
_REC_KEY = (("meeting", "recommendation"), "recommendations", ("meeting", "number"))


def _un_name(lang: str) -> Column:
    def get(at: At) -> str | None:
        names: UnNames | None = at.record.names
        return None if names is None else getattr(names, lang)

    return Column(f"un_name_{lang}", "string", _description(UnNames, lang), get, origin=origin_of(UnNames, lang))


def _delegates(at: At) -> int | None:
    quantity = at.record.registered_delegates
    return None if quantity is None else quantity.value


TABLES: tuple[Table, ...] = (
    Table(
        "meetings",
        "Meetings of the Working Group.",
        (
            field(Meeting, "number"),
            *text(Meeting, "title", english="mixed"),
            *text(Meeting, "body", english="mixed"),
            *text(Meeting, "city", english="mixed"),
            field(Meeting, "start_date"),
            field(Meeting, "end_date"),
            field(Meeting, "format"),
            field(Meeting, "meetings_held"),
            Column(
                "registered_delegates",
                "integer",
                "Registered delegates as the report counts them (approximate where it says so).",
                _delegates,
            ),
            field(Meeting, "adopted_on"),
            field(Meeting, "symbol"),
            source(),
            standing(),
        ),
        ("number",),
        lambda b: (At(m, m) for m in b.meetings),
    ),
    Table(
        "actors",
        "Every state and organization (states by ISO 3166-1 alpha-3).",
        (
            field(State, "id", description="ISO 3166-1 alpha-3 for a state, a lower-case id for an organization."),
            Column(
                "kind",
                "string",
                "state, or what kind of organization.",
                lambda at: at.record.kind,
                enum=_enum(ActorKind),
                required=True,
                origin=origin_of(State, "kind"),
            ),
            *text(State, "name", description="The actor's name (ru: as the report writes it)", english="mixed"),
        ),
        ("id",),
        _actors(),
        filters=("kind",),
    ),
    Table(
        "states",
        "States: codes, names, UN regional group, UN short names in six languages.",
        (
            field(State, "id"),
            field(State, "alpha2"),
            field(State, "m49"),
            *text(State, "name", english="mixed"),
            field(State, "regional_group"),
            field(State, "regional_group_note"),
            *(_un_name(lang) for lang in _LANGS),
        ),
        ("id",),
        _actors(State),
        ((("id",), "actors", ("id",)),),
        filters=("regional_group",),
    ),
    Table(
        "organizations",
        "Organizations, UN entities and other non-state actors.",
        (
            field(Organization, "id"),
            field(Organization, "kind"),
            *text(Organization, "name", english="mixed"),
            field(Organization, "acronym"),
            field(Organization, "note"),
        ),
        ("id",),
        _actors(Organization),
        ((("id",), "actors", ("id",)),),
        filters=("kind",),
    ),
    Table(
        "themes",
        "Thematic sections of the recommendations.",
        (
            meeting_number(),
            field(Theme, "id"),
            field(Theme, "chapter"),
            field(Theme, "section"),
            field(Theme, "label"),
            *text(Theme, "title"),
            source(),
            standing(),
        ),
        ("meeting", "id"),
        _per_meeting("themes"),
        (_MEETING,),
    ),
    Table(
        "recommendations",
        "Recommendations, verbatim (text_ru) with an editorial English (text_en).",
        (
            meeting_number(),
            field(Recommendation, "number"),
            field(Recommendation, "theme"),
            field(Recommendation, "addressee"),
            field(Recommendation, "addressee_kind"),
            field(Recommendation, "modality"),
            Column(
                "specificity",
                "integer",
                "Editorial 1-5 specificity of the action asked for.",
                lambda at: at.record.specificity.level if at.record.specificity else None,
                enum=(1, 2, 3, 4, 5),
                origin=origin_of(Specificity, "level"),
            ),
            Column(
                "specificity_rationale",
                "string",
                "The words that decided the specificity level.",
                lambda at: at.record.specificity.rationale if at.record.specificity else None,
                origin=origin_of(Specificity, "rationale"),
            ),
            *text(Recommendation, "text"),
            source(),
            standing(),
        ),
        ("meeting", "number"),
        _per_meeting("recommendations"),
        ((("meeting", "theme"), "themes", ("meeting", "id")),),
        filters=("theme", "modality", "addressee_kind", "specificity"),
    ),
    Table(
        "recommendation_topics",
        "Topic tags of recommendations (editorial), one row per tag.",
        (
            meeting_number(),
            parent_number("recommendation", "The recommendation's number."),
            field(TopicTag, "topic"),
            field(TopicTag, "quote"),
            field(TopicTag, "provenance"),
        ),
        ("meeting", "recommendation", "topic"),
        _labels("topics"),
        (_REC_KEY, (("topic",), "topics", ("id",))),
        filters=("topic",),
    ),
    Table(
        "recommendation_treaty_refs",
        "References and editorial links to treaty articles, one row each.",
        (
            meeting_number(),
            parent_number("recommendation", "The recommendation's number."),
            field(TreatyRef, "instrument"),
            field(TreatyRef, "article"),
            field(TreatyRef, "as_written"),
            field(TreatyRef, "provenance"),
            field(TreatyRef, "rationale"),
        ),
        (),
        _labels("treaty_refs"),
        (_REC_KEY,),
        filters=("instrument", "article", "provenance"),
    ),
    Table(
        "recommendation_sdg_targets",
        "Editorial links to SDG targets, one row each.",
        (
            meeting_number(),
            parent_number("recommendation", "The recommendation's number."),
            field(SdgLink, "target"),
            field(SdgLink, "rationale"),
            field(SdgLink, "provenance"),
        ),
        ("meeting", "recommendation", "target"),
        _labels("sdg_targets"),
        (_REC_KEY, (("target",), "sdg_targets", ("target",))),
        filters=("target",),
    ),
    Table(
        "paragraphs",
        "Every numbered paragraph of the report, verbatim, with an editorial English.",
        (
            meeting_number(),
            field(Paragraph, "number"),
            field(Paragraph, "chapter"),
            field(Paragraph, "section"),
            field(Paragraph, "standing"),
            *text(Paragraph, "text"),
        ),
        ("meeting", "number"),
        _per_meeting("paragraphs"),
        (_MEETING,),
        filters=("chapter", "standing"),
    ),
    Table(
        "paragraph_topics",
        "Topic tags of discussion paragraphs (editorial), one row per tag.",
        (
            meeting_number(),
            parent_number("paragraph", "The paragraph's number."),
            field(TopicTag, "topic"),
            field(TopicTag, "quote"),
            field(TopicTag, "provenance"),
        ),
        ("meeting", "paragraph", "topic"),
        _labels("topics", of="paragraphs"),
        ((("meeting", "paragraph"), "paragraphs", ("meeting", "number")), (("topic",), "topics", ("id",))),
        filters=("topic",),
    ),
    Table(
        "agenda_items",
        "The agenda as adopted.",
        (
            meeting_number(),
            field(AgendaItem, "number"),
            *text(AgendaItem, "title", english="mixed"),
            source(),
            standing(),
        ),
        ("meeting", "number"),
        _per_meeting("agenda"),
        (_MEETING,),
    ),
    Table(
        "agenda_sub_items",
        "Lettered sub-items of agenda items.",
        (
            meeting_number(),
            parent_number("item", "The agenda item's number."),
            field(AgendaSubItem, "letter"),
            *text(AgendaSubItem, "title", english="mixed"),
        ),
        ("meeting", "item", "letter"),
        _sub_items,
        ((("meeting", "item"), "agenda_items", ("meeting", "number")),),
    ),
    Table(
        "speakers",
        "Panellists, in order of presentation.",
        (
            meeting_number(),
            field(Speaker, "order"),
            field(Speaker, "honorific"),
            *text(Speaker, "name"),
            *text(Speaker, "surname"),
            *text(Speaker, "position"),
            field(Speaker, "actor"),
            field(Speaker, "regional_group"),
            field(Speaker, "agenda_item"),
            field(Speaker, "remarks"),
            source(),
            standing(),
        ),
        ("meeting", "order"),
        _per_meeting("speakers"),
        ((("actor",), "actors", ("id",)), _MEETING),
        filters=("actor", "regional_group", "agenda_item"),
    ),
    Table(
        "statements",
        "Statements in the report's order.",
        (
            meeting_number(),
            position(),
            field(Statement, "actor"),
            field(Statement, "kind"),
            field(Statement, "as_written"),
            field(Statement, "agenda_attribution"),
            field(Statement, "speaker"),
            source(),
            standing(),
        ),
        ("meeting", "position"),
        _per_meeting("statements"),
        ((("actor",), "actors", ("id",)), _MEETING),
        filters=("actor", "kind"),
    ),
    Table(
        "statement_agenda_items",
        "Agenda items of each statement (none: the report does not say).",
        (
            meeting_number(),
            Column("statement", "integer", "The statement's position.", lambda at: at.position, required=True),
            Column("agenda_item", "integer", "An agenda item it was made under.", lambda at: at.record, required=True),
        ),
        ("meeting", "statement", "agenda_item"),
        _items("statements"),
        ((("meeting", "statement"), "statements", ("meeting", "position")),),
    ),
    Table(
        "participants",
        "Participants in the report's order, with their status.",
        (
            meeting_number(),
            position(),
            field(Participant, "actor"),
            field(Participant, "status"),
            field(Participant, "as_written"),
            Column(
                "name_at_meeting",
                "string",
                "The actor's English name as at the meeting: for a state, the UN short name in force on the "
                "meeting's first day (Turkey, not Türkiye, in 2020); for an organization, its English name.",
                _name_at_meeting,
                origin="reference",
            ),
            source(),
            standing(),
        ),
        ("meeting", "actor"),
        _participants,
        ((("actor",), "actors", ("id",)), _MEETING),
        filters=("actor", "status"),
    ),
    Table(
        "documents",
        "Documents named in the report.",
        (
            meeting_number(),
            field(Document, "symbol"),
            *text(Document, "title", english="mixed"),
            field(Document, "url"),
            source(),
            standing(),
        ),
        ("meeting", "symbol"),
        _per_meeting("documents"),
        (_MEETING,),
    ),
    Table(
        "numbered_meetings",
        "Numbered meetings (заседания) of the meeting; empty where the report is silent.",
        (
            meeting_number(),
            field(NumberedMeeting, "number"),
            field(NumberedMeeting, "date"),
            field(NumberedMeeting, "date_basis"),
            field(NumberedMeeting, "note"),
            source(),
            standing(),
        ),
        ("meeting", "number"),
        _per_meeting("numbered_meetings"),
        (_MEETING,),
    ),
    Table(
        "numbered_meeting_agenda_items",
        "Agenda items each numbered meeting took up.",
        (
            meeting_number(),
            Column(
                "numbered_meeting",
                "integer",
                "The numbered meeting's number.",
                lambda at: at.parent.number,
                required=True,
            ),
            Column("agenda_item", "integer", "An agenda item it took up.", lambda at: at.record, required=True),
            Column(
                "attribution",
                "string",
                "Of whom the report states it: individual (this numbered meeting alone) or group (this numbered "
                "meeting together with others, as para 5's «на своих 1-м и 2-м заседаниях»).",
                lambda at: "group" if at.record in at.parent.agenda_items_together else "individual",
                enum=get_args(AgendaAttribution),
                required=True,
            ),
        ),
        ("meeting", "numbered_meeting", "agenda_item"),
        _items("numbered_meetings"),
        ((("meeting", "numbered_meeting"), "numbered_meetings", ("meeting", "number")),),
    ),
    Table(
        "topics",
        "The controlled vocabulary of topics (editorial).",
        (field(Topic, "id"), field(Topic, "label_en"), field(Topic, "label_ru"), field(Topic, "definition")),
        ("id",),
        lambda b: (At(None, t, i) for i, t in enumerate(b.topics, start=1)),
    ),
    Table(
        "sdg_targets",
        "SDG targets the links use, with their official text.",
        (
            Column(
                "target",
                "string",
                "SDG target number, e.g. 16.4.",
                lambda at: at.record[0],
                required=True,
                origin="reference",
            ),
            Column(
                "text",
                "string",
                "The target's official text.",
                lambda at: at.record[1],
                required=True,
                origin="reference",
            ),
        ),
        ("target",),
        lambda b: (At(None, item) for item in b.sdg_targets.items()),
    ),
    Table(
        "treaty_articles",
        "Articles of the Convention and the Protocol, official English titles.",
        (
            Column(
                "instrument",
                "string",
                "convention (UNTOC) or smuggling_protocol.",
                lambda at: at.record[0],
                enum=_enum(TreatyRef.model_fields["instrument"].annotation),
                required=True,
                origin="reference",
            ),
            Column("article", "integer", "Article number.", lambda at: at.record[1], required=True, origin="reference"),
            Column(
                "title",
                "string",
                "The article's official English title.",
                lambda at: at.record[2],
                required=True,
                origin="reference",
            ),
        ),
        ("instrument", "article"),
        _articles,
    ),
)

_BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    """The table called ``name``; :class:`~smuggling_wg.errors.InvalidFilter` naming the tables otherwise."""
    try:
        return _BY_NAME[name]
    except (KeyError, TypeError):
        from .errors import InvalidFilter

        raise InvalidFilter("table", name, _BY_NAME) from None


def rows(bundle: Bundle, name: str | Table) -> list[tuple[Any, ...]]:
    """The rows of table ``name`` (or a :class:`Table`), in a stable order: one value per column (a tuple if many)."""
    spec = name if isinstance(name, Table) else table(name)
    getters = [c.get for c in spec.columns]
    return [tuple(get(at) for get in getters) for at in spec.records(bundle)]


def column_values(bundle: Bundle, name: str) -> dict[str, list[Any]]:
    """Table ``name`` column by column (what columnar outputs such as Parquet want)."""
    spec = table(name)
    found = rows(bundle, name)
    return {c.name: [row[i] for row in found] for i, c in enumerate(spec.columns)}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe() needs pandas: pip install 'smuggling-wg[pandas]'") from None
    return pandas


def to_dataframe(bundle: Bundle, name: str) -> pandas.DataFrame:
    """Table ``name`` as a DataFrame: categories for enumerations, dates as datetimes, nullable integers, lists kept."""
    spec = table(name)
    return _typed(spec, rows(bundle, name), bundle)


#: The table whose rows are the records of each type (a query's results become rows of it).
_TABLE_OF: dict[type, str] = {
    Meeting: "meetings",
    State: "states",
    Organization: "organizations",
    Theme: "themes",
    Recommendation: "recommendations",
    Paragraph: "paragraphs",
    AgendaItem: "agenda_items",
    Speaker: "speakers",
    Statement: "statements",
    Participant: "participants",
    Document: "documents",
    NumberedMeeting: "numbered_meetings",
    Topic: "topics",
}


def frame_rows(
    records: tuple[Any, ...], bundle: Bundle | None, kind: type | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Query results as rows of the table that holds them: (column names, rows).

    Records of one type: the rows of their table (``bundle`` gives each its meeting and
    position), in the results' order. States and organizations mixed: the ``actors`` table.
    Search hits: one row per hit (kind, meeting, record key, paragraphs, language, score, text).
    No records: the columns of ``kind``'s table, and no row.
    """
    if not records and kind is not None:
        from .search import HIT_FIELDS, SearchHit

        return (list(HIT_FIELDS) if kind is SearchHit else [c.name for c in table(_TABLE_OF[kind]).columns]), []
    return _located(records, bundle)[1:]


def _located(records: tuple[Any, ...], bundle: Bundle | None) -> tuple[Table | None, list[str], list[tuple[Any, ...]]]:
    from .search import HIT_FIELDS, SearchHit

    kinds = {type(r) for r in records}
    if kinds and kinds <= {SearchHit}:
        hits = [tuple(h.fields().values()) for h in records]
        return None, list(HIT_FIELDS), hits
    names = {_TABLE_OF.get(k, "") for k in kinds}
    name = "actors" if kinds and kinds <= {State, Organization} and len(names) > 1 else next(iter(names), "")
    if not name:
        shown = ", ".join(sorted(k.__name__ for k in kinds)) or "nothing"
        from .errors import InvalidFilter

        raise InvalidFilter("results", shown, (), reason=f"no table holds records of {shown}")
    spec = table(name)
    wanted = {id(r): i for i, r in enumerate(records)}
    if bundle is not None:
        located = sorted(
            (at for at in spec.records(bundle) if id(at.record) in wanted), key=lambda at: wanted[id(at.record)]
        )
    else:
        located = [At(None, r) for r in records]
    getters = [c.get for c in spec.columns]
    return spec, [c.name for c in spec.columns], [tuple(get(at) for get in getters) for at in located]


def frame_of(records: tuple[Any, ...], bundle: Bundle | None, kind: type | None = None) -> pandas.DataFrame:
    """Query results as a DataFrame: the columns and dtypes of the table that holds them (:func:`frame_rows`)."""
    if not records:  # no rows: the columns of the kind's table, when the query says which
        from .search import HIT_FIELDS, SearchHit

        if kind is SearchHit:
            return _pandas().DataFrame(columns=list(HIT_FIELDS))
        name = _TABLE_OF.get(kind) if kind is not None else None
        return _typed(table(name), [], bundle) if name else _pandas().DataFrame()
    spec, columns, found = _located(records, bundle)
    if spec is None:
        frame = _pandas().DataFrame.from_records(found, columns=columns)
        frame["source"] = frame["source"].map(list)
        return frame.astype({"meeting": "Int64", "score": "float64", "text": "string"})
    return _typed(spec, found, bundle)


#: How a flat file (CSV) joins the values of a list column (a column declared ``many``).
LIST_SEPARATOR = ";"


def text_cell(value: Any) -> str:
    """A value as the text of a flat file's cell: empty for None, ISO dates, true/false, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(map(text_cell, value))
    return str(value)


def _typed(spec: Table, found: list[tuple[Any, ...]], bundle: Bundle | None) -> pandas.DataFrame:
    """Rows of ``spec`` as a DataFrame with each column's dtype."""
    pandas = _pandas()
    frame = pandas.DataFrame.from_records(found, columns=[c.name for c in spec.columns])
    for c in spec.columns:
        if c.many:
            frame[c.name] = frame[c.name].map(list).astype(object)
        elif c.enum and c.type == "string":
            frame[c.name] = pandas.Categorical(frame[c.name], categories=list(c.enum))
        elif c.type == "date":
            frame[c.name] = pandas.to_datetime(frame[c.name])
        elif c.type == "integer":
            frame[c.name] = frame[c.name].astype("Int64")
        elif c.type == "boolean":
            frame[c.name] = frame[c.name].astype("boolean")
        else:
            frame[c.name] = frame[c.name].astype("string")
    if spec.name == "recommendations" and bundle is not None:
        themes = [t.id for m in bundle.meetings for t in m.themes]
        frame["theme"] = pandas.Categorical(frame["theme"], categories=list(dict.fromkeys(themes)))
    return frame
