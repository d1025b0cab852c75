"""The dataset as tidy tables: one per entity, long tables for many-valued fields.

One definition per table (its fields with types, allowed values and descriptions, its
primary key and foreign keys) serves every flat export: CSV files, the Frictionless Data
Package's Table Schemas and pandas DataFrames with proper dtypes. Keys join: a state is
its ISO alpha-3 code everywhere, an organization its id; both are rows of ``actors``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

from .models import (
    ActorKind,
    AddresseeKind,
    Bundle,
    MeetingFormat,
    Modality,
    Organization,
    ParticipationStatus,
    Provenance,
    RegionalGroup,
    State,
    StatementKind,
)

if TYPE_CHECKING:
    import pandas

__all__ = ["TABLES", "Field", "Table", "rows", "table", "to_dataframe"]

FieldType = Literal["string", "integer", "date", "boolean", "number"]


@dataclass(frozen=True)
class Field:
    """A column: name, Table Schema type, allowed values (a category) and meaning."""

    name: str
    type: FieldType = "string"
    description: str = ""
    enum: tuple[Any, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class Table:
    """A tidy table: its fields, primary key, foreign keys (field, table, field) and row maker."""

    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    make: Callable[[Bundle], Iterator[tuple[Any, ...]]] = field(repr=False)
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()


def _src(numbers: tuple[int, ...]) -> str:
    """Paragraph numbers as one cell: '3;18;34'."""
    return ";".join(map(str, numbers))


def _enum(literal: Any) -> tuple[Any, ...]:
    """The values of a Literal, also of a union of Literals (flattened, in order)."""
    args = get_args(literal)
    return tuple(v for a in args for v in (_enum(a) if get_args(a) else (a,)))


MEETING = Field("meeting", "integer", "Meeting number.", required=True)
SOURCE = Field("source", description="Report paragraphs the row comes from, ';'-separated.", required=True)
PROVENANCE = Field(
    "provenance",
    description="source: the report says it; editorial: this library's judgment.",
    enum=_enum(Provenance),
    required=True,
)


def _meetings(b: Bundle) -> Iterator[tuple[Any, ...]]:
    for m in b.meetings:
        delegates = m.registered_delegates
        yield (
            m.number,
            m.title.ru,
            m.title.en,
            m.body.en,
            m.city.ru,
            m.city.en,
            m.start_date,
            m.end_date,
            m.format,
            m.meetings_held,
            delegates.value if delegates else None,
            m.adopted_on,
            m.symbol,
            _src(m.source),
        )


def _actors(b: Bundle) -> Iterator[tuple[Any, ...]]:
    for a in b.actors:
        yield a.id, a.kind, a.name.ru, a.name.en


def _states(b: Bundle) -> Iterator[tuple[Any, ...]]:
    for s in b.actors:
        if isinstance(s, State):
            six = s.names.model_dump() if s.names else dict.fromkeys(("ar", "zh", "en", "fr", "ru", "es"))
            yield (
                s.id,
                s.alpha2,
                s.m49,
                s.name.ru,
                s.name.en,
                s.regional_group,
                s.regional_group_note,
                six["ar"],
                six["zh"],
                six["en"],
                six["fr"],
                six["ru"],
                six["es"],
            )


def _organizations(b: Bundle) -> Iterator[tuple[Any, ...]]:
    for o in b.actors:
        if isinstance(o, Organization):
            yield o.id, o.kind, o.name.ru, o.name.en, o.acronym, o.note


def _per_meeting(
    attribute: str, row: Callable[[Any, Any, int], tuple[Any, ...]]
) -> Callable[[Bundle], Iterator[tuple[Any, ...]]]:
    """Row maker over one list of every meeting: ``row(meeting, record, position)``."""

    def make(b: Bundle) -> Iterator[tuple[Any, ...]]:
        for m in b.meetings:
            for position, record in enumerate(getattr(m, attribute), start=1):
                yield row(m, record, position)

    return make


def _labels(
    attribute: str, row: Callable[[Any], tuple[Any, ...]], of: str = "recommendations"
) -> Callable[[Bundle], Iterator[tuple[Any, ...]]]:
    """Row maker for a many-valued label field, one row per label (long format)."""

    def make(b: Bundle) -> Iterator[tuple[Any, ...]]:
        for m in b.meetings:
            for record in getattr(m, of):
                for item in getattr(record, attribute):
                    yield (m.number, record.number, *row(item))

    return make


def _agenda_sub_items(b: Bundle) -> Iterator[tuple[Any, ...]]:
    for m in b.meetings:
        for a in m.agenda:
            for sub in a.sub_items:
                yield m.number, a.number, sub.letter, sub.title.ru, sub.title.en


def _item_links(attribute: str, key: str) -> Callable[[Bundle], Iterator[tuple[Any, ...]]]:
    """Long rows (meeting, position or number, agenda item) for statements' and numbered meetings' items."""

    def make(b: Bundle) -> Iterator[tuple[Any, ...]]:
        for m in b.meetings:
            for position, record in enumerate(getattr(m, attribute), start=1):
                for item in record.agenda_items:
                    yield m.number, getattr(record, key) if key else position, item

    return make


def _articles(b: Bundle) -> Iterator[tuple[Any, ...]]:
    for instrument in b.instruments:
        for number, title in instrument.articles.items():
            yield instrument.id, number, title


REC_KEY = (("meeting", "recommendation"), "recommendations", ("meeting", "number"))
TABLES: tuple[Table, ...] = (
    Table(
        "meetings",
        "Meetings of the Working Group.",
        (
            Field("number", "integer", "Meeting number.", required=True),
            Field("title_ru"),
            Field("title_en"),
            Field("body_en"),
            Field("city_ru"),
            Field("city_en"),
            Field("start_date", "date", required=True),
            Field("end_date", "date", required=True),
            Field("format", enum=_enum(MeetingFormat)),
            Field("meetings_held", "integer"),
            Field("registered_delegates", "integer", "Approximate, as the report says."),
            Field("adopted_on", "date"),
            Field("symbol", description="The report's symbol; empty: not printed in it."),
            SOURCE,
        ),
        ("number",),
        _meetings,
    ),
    Table(
        "actors",
        "Every state and organization (states by ISO 3166-1 alpha-3).",
        (
            Field("id", required=True),
            Field("kind", enum=_enum(ActorKind), required=True),
            Field("name_ru"),
            Field("name_en"),
        ),
        ("id",),
        _actors,
    ),
    Table(
        "states",
        "States: codes, names, UN regional group, UN short names in six languages.",
        (
            Field("id", description="ISO 3166-1 alpha-3.", required=True),
            Field("alpha2"),
            Field("m49"),
            Field("name_ru", description="As the report writes it."),
            Field("name_en", description="UN short name."),
            Field("regional_group", enum=_enum(RegionalGroup)),
            Field("regional_group_note"),
            *(Field(f"un_name_{lang}") for lang in ("ar", "zh", "en", "fr", "ru", "es")),
        ),
        ("id",),
        _states,
        ((("id",), "actors", ("id",)),),
    ),
    Table(
        "organizations",
        "Organizations, UN entities and other non-state actors.",
        (
            Field("id", required=True),
            Field("kind", enum=_enum(ActorKind)),
            Field("name_ru"),
            Field("name_en"),
            Field("acronym"),
            Field("note"),
        ),
        ("id",),
        _organizations,
        ((("id",), "actors", ("id",)),),
    ),
    Table(
        "themes",
        "Thematic sections of the recommendations.",
        (
            MEETING,
            Field("id", required=True),
            Field("chapter"),
            Field("section"),
            Field("label"),
            Field("title_ru"),
            Field("title_en"),
            SOURCE,
        ),
        ("meeting", "id"),
        _per_meeting(
            "themes",
            lambda m, t, _: (m.number, t.id, t.chapter, t.section, t.label, t.title.ru, t.title.en, _src(t.source)),
        ),
        ((("meeting",), "meetings", ("number",)),),
    ),
    Table(
        "recommendations",
        "Recommendations, verbatim (text_ru) with an editorial English (text_en).",
        (
            MEETING,
            Field("number", "integer", required=True),
            Field("theme", required=True),
            Field("addressee", description="As written."),
            Field("addressee_kind", enum=_enum(AddresseeKind)),
            Field("modality", enum=_enum(Modality), required=True),
            Field("specificity", "integer", "Editorial 1-5 scale.", enum=(1, 2, 3, 4, 5)),
            Field("specificity_rationale"),
            Field("text_ru", required=True),
            Field("text_en"),
            SOURCE,
        ),
        ("meeting", "number"),
        _per_meeting(
            "recommendations",
            lambda m, r, _: (
                m.number,
                r.number,
                r.theme,
                r.addressee,
                r.addressee_kind,
                r.modality,
                r.specificity.level if r.specificity else None,
                r.specificity.rationale if r.specificity else None,
                r.text.ru,
                r.text.en,
                _src(r.source),
            ),
        ),
        ((("meeting", "theme"), "themes", ("meeting", "id")),),
    ),
    Table(
        "recommendation_topics",
        "Topic tags of recommendations (editorial), one row per tag.",
        (
            MEETING,
            Field("recommendation", "integer", required=True),
            Field("topic", required=True),
            Field("quote", description="Words of the text that justify the tag."),
            PROVENANCE,
        ),
        ("meeting", "recommendation", "topic"),
        _labels("topics", lambda t: (t.topic, t.quote, t.provenance)),
        (REC_KEY, (("topic",), "topics", ("id",))),
    ),
    Table(
        "recommendation_treaty_refs",
        "References and editorial links to treaty articles, one row each.",
        (
            MEETING,
            Field("recommendation", "integer", required=True),
            Field("instrument", enum=("convention", "smuggling_protocol"), required=True),
            Field("article", "integer"),
            Field("as_written"),
            PROVENANCE,
            Field("rationale"),
        ),
        (),
        _labels("treaty_refs", lambda t: (t.instrument, t.article, t.as_written, t.provenance, t.rationale)),
        (REC_KEY,),
    ),
    Table(
        "recommendation_sdg_targets",
        "Editorial links to SDG targets, one row each.",
        (
            MEETING,
            Field("recommendation", "integer", required=True),
            Field("target", required=True),
            Field("rationale"),
            PROVENANCE,
        ),
        ("meeting", "recommendation", "target"),
        _labels("sdg_targets", lambda s: (s.target, s.rationale, s.provenance)),
        (REC_KEY, (("target",), "sdg_targets", ("target",))),
    ),
    Table(
        "paragraphs",
        "Every numbered paragraph of the report, verbatim, with an editorial English.",
        (
            MEETING,
            Field("number", "integer", required=True),
            Field("chapter"),
            Field("section"),
            Field("text_ru", required=True),
            Field("text_en"),
        ),
        ("meeting", "number"),
        _per_meeting("paragraphs", lambda m, p, _: (m.number, p.number, p.chapter, p.section, p.text.ru, p.text.en)),
        ((("meeting",), "meetings", ("number",)),),
    ),
    Table(
        "paragraph_topics",
        "Topic tags of discussion paragraphs (editorial), one row per tag.",
        (
            MEETING,
            Field("paragraph", "integer", required=True),
            Field("topic", required=True),
            Field("quote"),
            PROVENANCE,
        ),
        ("meeting", "paragraph", "topic"),
        _labels("topics", lambda t: (t.topic, t.quote, t.provenance), of="paragraphs"),
        ((("meeting", "paragraph"), "paragraphs", ("meeting", "number")), (("topic",), "topics", ("id",))),
    ),
    Table(
        "agenda_items",
        "The agenda as adopted.",
        (MEETING, Field("number", "integer", required=True), Field("title_ru"), Field("title_en"), SOURCE),
        ("meeting", "number"),
        _per_meeting("agenda", lambda m, a, _: (m.number, a.number, a.title.ru, a.title.en, _src(a.source))),
        ((("meeting",), "meetings", ("number",)),),
    ),
    Table(
        "agenda_sub_items",
        "Lettered sub-items of agenda items.",
        (
            MEETING,
            Field("item", "integer", required=True),
            Field("letter", required=True),
            Field("title_ru"),
            Field("title_en"),
        ),
        ("meeting", "item", "letter"),
        _agenda_sub_items,
        ((("meeting", "item"), "agenda_items", ("meeting", "number")),),
    ),
    Table(
        "speakers",
        "Panellists, in order of presentation.",
        (
            MEETING,
            Field("order", "integer", required=True),
            Field("honorific"),
            Field("name_ru"),
            Field("name_en"),
            Field("surname_ru"),
            Field("surname_en"),
            Field("position_ru"),
            Field("position_en"),
            Field("actor", description="The speaker's country.", required=True),
            Field("regional_group", enum=_enum(RegionalGroup)),
            Field("agenda_item", "integer"),
            Field("remarks", description="Paragraphs summarising the remarks, ';'-separated."),
            SOURCE,
        ),
        ("meeting", "order"),
        _per_meeting(
            "speakers",
            lambda m, s, _: (
                m.number,
                s.order,
                s.honorific,
                s.name.ru,
                s.name.en,
                s.surname.ru,
                s.surname.en,
                s.position.ru,
                s.position.en,
                s.actor,
                s.regional_group,
                s.agenda_item,
                _src(s.remarks),
                _src(s.source),
            ),
        ),
        ((("actor",), "actors", ("id",)),),
    ),
    Table(
        "statements",
        "Statements in the report's order.",
        (
            MEETING,
            Field("position", "integer", "Order in the report.", required=True),
            Field("actor", required=True),
            Field("kind", enum=_enum(StatementKind), required=True),
            Field("as_written"),
            Field("speaker", "integer", "The panellist's order, for a panel statement."),
            SOURCE,
        ),
        ("meeting", "position"),
        _per_meeting(
            "statements", lambda m, s, i: (m.number, i, s.actor, s.kind, s.as_written, s.speaker, _src(s.source))
        ),
        ((("actor",), "actors", ("id",)),),
    ),
    Table(
        "statement_agenda_items",
        "Agenda items of each statement (none: the report does not say).",
        (
            MEETING,
            Field("statement", "integer", "Statement position.", required=True),
            Field("agenda_item", "integer", required=True),
        ),
        ("meeting", "statement", "agenda_item"),
        _item_links("statements", ""),
        ((("meeting", "statement"), "statements", ("meeting", "position")),),
    ),
    Table(
        "participants",
        "Participants in the report's order, with their status.",
        (
            MEETING,
            Field("position", "integer", "Order in the report.", required=True),
            Field("actor", required=True),
            Field("status", enum=_enum(ParticipationStatus), required=True),
            Field("as_written"),
            SOURCE,
        ),
        ("meeting", "actor"),
        _per_meeting("participants", lambda m, p, i: (m.number, i, p.actor, p.status, p.as_written, _src(p.source))),
        ((("actor",), "actors", ("id",)), (("meeting",), "meetings", ("number",))),
    ),
    Table(
        "documents",
        "Documents named in the report.",
        (MEETING, Field("symbol", required=True), Field("title_ru"), Field("title_en"), Field("url"), SOURCE),
        ("meeting", "symbol"),
        _per_meeting("documents", lambda m, d, _: (m.number, d.symbol, d.title.ru, d.title.en, d.url, _src(d.source))),
        ((("meeting",), "meetings", ("number",)),),
    ),
    Table(
        "numbered_meetings",
        "Numbered meetings (заседания) of the meeting; empty where the report is silent.",
        (MEETING, Field("number", "integer", required=True), Field("date", "date"), Field("note"), SOURCE),
        ("meeting", "number"),
        _per_meeting("numbered_meetings", lambda m, s, _: (m.number, s.number, s.date, s.note, _src(s.source))),
        ((("meeting",), "meetings", ("number",)),),
    ),
    Table(
        "numbered_meeting_agenda_items",
        "Agenda items each numbered meeting took up.",
        (MEETING, Field("numbered_meeting", "integer", required=True), Field("agenda_item", "integer", required=True)),
        ("meeting", "numbered_meeting", "agenda_item"),
        _item_links("numbered_meetings", "number"),
        ((("meeting", "numbered_meeting"), "numbered_meetings", ("meeting", "number")),),
    ),
    Table(
        "topics",
        "The controlled vocabulary of topics (editorial).",
        (Field("id", required=True), Field("label_en"), Field("label_ru"), Field("definition")),
        ("id",),
        lambda b: ((t.id, t.label_en, t.label_ru, t.definition) for t in b.topics),
    ),
    Table(
        "sdg_targets",
        "SDG targets the links use, with their official text.",
        (Field("target", required=True), Field("text")),
        ("target",),
        lambda b: ((k, v) for k, v in b.sdg_targets.items()),
    ),
    Table(
        "treaty_articles",
        "Articles of the Convention and the Protocol, official English titles.",
        (Field("instrument", required=True), Field("article", "integer", required=True), Field("title")),
        ("instrument", "article"),
        _articles,
    ),
)


def table(name: str) -> Table:
    """The table definition called ``name`` (KeyError listing the names otherwise)."""
    for t in TABLES:
        if t.name == name:
            return t
    raise KeyError(f"no table {name!r}; tables: {', '.join(t.name for t in TABLES)}")


def rows(bundle: Bundle, name: str) -> list[tuple[Any, ...]]:
    """The rows of table ``name``, in a stable order."""
    return list(table(name).make(bundle))


def to_dataframe(bundle: Bundle, name: str) -> pandas.DataFrame:
    """Table ``name`` as a DataFrame: categories for enumerations, dates as datetimes, nullable integers."""
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe() needs pandas: pip install 'smuggling-wg[pandas]'") from None
    spec = table(name)
    frame = pandas.DataFrame.from_records(rows(bundle, name), columns=[f.name for f in spec.fields])
    for f in spec.fields:
        if f.enum and f.type == "string":
            frame[f.name] = pandas.Categorical(frame[f.name], categories=list(f.enum))
        elif f.type == "date":
            frame[f.name] = pandas.to_datetime(frame[f.name])
        elif f.type == "integer":
            frame[f.name] = frame[f.name].astype("Int64")
        else:
            frame[f.name] = frame[f.name].astype("string")
    if name == "recommendations":
        themes = [t.id for m in bundle.meetings for t in m.themes]
        frame["theme"] = pandas.Categorical(frame["theme"], categories=list(dict.fromkeys(themes)))
    return frame
