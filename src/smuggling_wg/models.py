"""The typed records of a Working Group meeting report (pydantic v2, frozen, no extra fields).

Conventions that hold for every model here:

* ``source`` is the tuple of report paragraph numbers a record comes from.
* Russian strings marked "as written" are copied from the report exactly (line-break
  hyphens joined, white space collapsed; see :mod:`smuggling_wg._sourcetext`).
* :class:`Text` pairs the report's Russian (``ru``, the original) with an English
  rendering (``en``) that is editorial: an unofficial translation made for this library
  (``en_origin="unofficial_translation"``), or the official UN English of a name or title
  (``en_origin="un_official"``). ``en == ""`` means "not translated", never "no text".
* ``repr()`` of a record fits on a line and shows texts in the display language
  (:func:`smuggling_wg.set_display_language`; Russian by default).
* Where the report is silent a field is ``None`` or empty, never guessed.
"""

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Literal, Protocol, TypeAlias, cast, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    Strict,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ._language import Lang, get_display_language, lang_of
from ._names import mixed_script_word
from ._number import STANDARD_ROMAN
from ._url import RULE as _URL_RULE
from ._url import is_link

__all__ = [
    "BIDI",
    "CONTROL",
    "FORMULA",
    "INVISIBLE",
    "MAX_COUNT",
    "MAX_MEETING",
    "MAX_NUMBERED",
    "STANDINGS",
    "Actor",
    "ActorId",
    "ActorKind",
    "ActorProfile",
    "AddresseeKind",
    "AgendaAttribution",
    "AgendaItem",
    "AgendaSubItem",
    "AsWritten",
    "Bundle",
    "Chair",
    "Chapter",
    "Count",
    "DateBasis",
    "Day",
    "Document",
    "FormatDecision",
    "FormerNames",
    "Instrument",
    "InstrumentId",
    "Line",
    "Meeting",
    "MeetingFormat",
    "MeetingNumber",
    "MeetingRole",
    "Modality",
    "Name",
    "NameLine",
    "Number",
    "NumberKey",
    "NumberedMeeting",
    "OptionalLine",
    "OptionalNameLine",
    "OptionalProse",
    "Organization",
    "OrganizationKind",
    "Origin",
    "Paragraph",
    "Participant",
    "ParticipationStatus",
    "PriorMeeting",
    "Prose",
    "Provenance",
    "Quantity",
    "Recommendation",
    "RegionalGroup",
    "Resolution",
    "SdgLink",
    "SdgTarget",
    "Section",
    "Slug",
    "Source",
    "Speaker",
    "Specificity",
    "Standing",
    "State",
    "Statement",
    "StatementKind",
    "Text",
    "Theme",
    "Topic",
    "TopicTag",
    "TreatyRef",
    "UnLanguage",
    "UnNames",
    "Url",
    "origin_of",
]


class Cited(Protocol):
    """Anything with a ``source``: the paragraphs it cites."""

    @property
    def source(self) -> tuple[int, ...]: ...


class Record(BaseModel):
    """Base of every model: immutable, hashable, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def _brief(self) -> str | None:
        """What ``repr`` shows inside the parentheses; None for pydantic's full repr."""
        return None

    def __repr__(self) -> str:
        brief = self._brief()
        return super().__repr__() if brief is None else f"{type(self).__name__}({brief})"

    def __str__(self) -> str:
        return repr(self)

    def _repr_html_(self) -> str:
        """The record in a notebook: its view (:mod:`._views`) as an HTML table."""
        from ._notebook import html

        return html(self)

    def __rich__(self) -> object:
        from ._notebook import rich

        return rich(self)


def _clip(text: str, width: int = 60) -> str:
    """``text`` cut to about ``width`` characters at a word boundary, quoted."""
    if len(text) <= width:
        return repr(text)
    return repr(text[: text.rfind(" ", 0, width)] + "…")


Origin: TypeAlias = Literal["report", "editorial", "reference", "mixed"]
"""Where a field's values come from: ``report`` (the report's own words and facts), ``editorial``
(this library's judgment or translation), ``reference`` (a standard outside the report: codes, UN
names, treaty and SDG texts), ``mixed`` (record by record, as the record's ``provenance`` says)."""


def _origin(origin: Origin) -> dict[str, JsonValue]:
    """A field's ``json_schema_extra`` declaring its origin (read by the codebook and the JSON schema)."""
    return {"origin": origin}


def origin_of(model: type[BaseModel] | BaseModel, field: str) -> Origin:
    """Where the values of ``field`` of ``model`` come from: the origin the field declares (written once, here).

    The MCP answers' ``editorial`` list, the codebook, the Data Package and SQLite metadata,
    the notebook and the web edition's "(editorial)" marks all read it from here.

    >>> origin_of(Recommendation, "addressee_kind"), origin_of(Recommendation, "addressee")
    ('editorial', 'report')
    """
    cls = model if isinstance(model, type) else type(model)
    info = cls.model_fields.get(field)
    if info is None:
        from .errors import InvalidFilter

        raise InvalidFilter(f"field of {cls.__name__}", field, cls.model_fields)
    extra = info.json_schema_extra
    origin = extra.get("origin") if isinstance(extra, dict) else None
    if origin not in get_args(Origin):
        raise TypeError(f"{cls.__name__}.{field} declares no origin (json_schema_extra=_origin(...))")
    return cast(Origin, origin)


#: The highest meeting number accepted (the Working Group met for the 7th time in 2020).
MAX_MEETING = 10_000
#: The highest number of anything numbered inside a report: paragraph, recommendation, agenda
#: item, article, speaker, session (the report has 34 paragraphs).
MAX_NUMBERED = 10_000
#: The largest count accepted (registered delegates): far inside what SQLite and Parquet
#: 64-bit integers hold, so every export can write it.
MAX_COUNT = 1_000_000_000
#: Characters of an id (a theme, a topic, an organization, an instrument): a short slug.
MAX_ID = 64

MeetingNumber: TypeAlias = Annotated[int, Strict(), Field(ge=1, le=MAX_MEETING)]
"""A meeting's ordinal: a plain integer (not ``true``, ``7.0`` or ``"7"``), 1 to :data:`MAX_MEETING`."""
Number: TypeAlias = Annotated[int, Strict(), Field(ge=1, le=MAX_NUMBERED)]
"""A number inside a report (paragraph, recommendation, item, ...), 1 to :data:`MAX_NUMBERED`."""
NumberKey: TypeAlias = Annotated[int, Field(ge=1, le=MAX_NUMBERED)]
"""A :data:`Number` as a mapping key (JSON writes keys as text, so ``"19"`` is read as 19)."""
Count: TypeAlias = Annotated[int, Strict(), Field(ge=0, le=MAX_COUNT)]
"""How many of something, 0 to :data:`MAX_COUNT`."""


def _a_day(value: object) -> object:
    """A date, or a date written ``YYYY-MM-DD``; not a number (pydantic would read 0 as 1970-01-01) nor a time."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return value
    raise PydanticCustomError("date_type", "Input should be a date written YYYY-MM-DD")


Day: TypeAlias = Annotated[dt.date, BeforeValidator(_a_day)]
"""A calendar day: a YAML date or the text ``YYYY-MM-DD``, never a number or a date with a time."""

#: C0 and C1 control characters except tab and newline (a regular-expression class body).
CONTROL = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
#: Bidirectional overrides and isolates: they reorder what a reader sees.
BIDI = r"\u202a-\u202e\u2066-\u2069"
#: White space and characters that show nothing (zero-width, fillers, the byte order mark).
INVISIBLE = r"\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u2800\u3164\ufeff\uffa0"
#: First characters that make a spreadsheet read a cell as a formula ("CSV injection").
FORMULA = r"=+\-@"
_LINE = rf"[^{CONTROL}\t\n\u2028\u2029{BIDI}{INVISIBLE}{FORMULA}][^{CONTROL}\t\n\u2028\u2029{BIDI}]*"
_PROSE = rf"[^{CONTROL}{BIDI}]*[^{CONTROL}{BIDI}{INVISIBLE}][^{CONTROL}{BIDI}]*"

Line: TypeAlias = Annotated[str, StringConstraints(pattern=rf"^{_LINE}$")]
"""A name, code, label or short quote: one line, no control or bidi characters, starting with a
visible character that is not ``=``, ``+``, ``-`` or ``@``."""
OptionalLine: TypeAlias = Annotated[str, StringConstraints(pattern=rf"^(?:{_LINE})?$")]
"""A :data:`Line`, or empty."""
Prose: TypeAlias = Annotated[str, StringConstraints(pattern=rf"^{_PROSE}$")]
"""A text as written: newlines and tabs allowed, no other control or bidi characters, something visible."""
OptionalProse: TypeAlias = Annotated[str, StringConstraints(pattern=rf"^(?:{_PROSE})?$")]
"""A :data:`Prose` text, or empty."""


def _a_link(value: str) -> str:
    if value and not is_link(value):
        raise PydanticCustomError("url", _URL_RULE)
    return value


def _one_script(value: str) -> str:
    word = mixed_script_word(value)
    if word is not None:
        raise PydanticCustomError(
            "mixed_script",
            "the word '{word}' mixes scripts (a letter that only looks like another, e.g. a Greek or Cyrillic "
            "letter in a Latin word); write each word in one script",
            {"word": word},
        )
    return value


NameLine: TypeAlias = Annotated[Line, AfterValidator(_one_script)]
"""A :data:`Line` that names something: besides, no word mixes scripts (``Ιtaly`` with a Greek iota)."""
OptionalNameLine: TypeAlias = Annotated[OptionalLine, AfterValidator(_one_script)]
"""A :data:`NameLine`, or empty."""

Url: TypeAlias = Annotated[OptionalLine, AfterValidator(_a_link)]
"""A link, or empty: ``http://…``, ``https://…`` or a relative path (:func:`smuggling_wg._url.is_link`)."""

Source: TypeAlias = Annotated[
    tuple[Number, ...],
    Field(
        min_length=1,
        description="Report paragraph numbers this record comes from.",
        json_schema_extra=_origin("report"),
    ),
]
Slug: TypeAlias = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=MAX_ID)]
ActorId: TypeAlias = Annotated[
    str,
    StringConstraints(pattern=r"^(?:[A-Z]{3}|[a-z][a-z0-9_]*)$", max_length=MAX_ID),
    Field(description="ISO 3166-1 alpha-3 for a state (`ITA`), a lower-case slug otherwise."),
]
Roman: TypeAlias = Annotated[str, StringConstraints(pattern=f"^{STANDARD_ROMAN}$", min_length=1)]
"""A Roman numeral in its standard form (``I``, ``IV``, ``XIV``; not ``IIII``): one spelling for each number."""
Letter: TypeAlias = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]$")]
SdgTarget: TypeAlias = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,2}\.[0-9a-z]{1,2}$")]

Loc: TypeAlias = tuple[str | int, ...]
"""Where a value sits inside a record: field names and list positions."""
Problems: TypeAlias = list[tuple[Loc, str]]

Modality: TypeAlias = Literal["should", "encouraged", "may_wish"]
"""How strongly a recommendation is put: «следует», «рекомендуется», «возможно, пожелают»."""

ParticipationStatus: TypeAlias = Literal["party", "signatory", "non_party", "organization", "permanent_observer"]
"""Status in the participants list: paras 27, 28, 29, 30 and 31 respectively."""

StatementKind: TypeAlias = Literal["introductory", "panel", "party", "observer_state", "observer_organization"]
"""Secretariat's introduction (para 20), panellist's presentation (paras 6, 12, 21-22),
a party (para 23), an observer state (para 24), an observer organization (para 25)."""

RegionalGroup: TypeAlias = Literal[
    "african", "asia_pacific", "eastern_european", "latin_american_caribbean", "western_european_other"
]
"""The five UN regional groups of Member States."""

MeetingFormat: TypeAlias = Literal["in_person", "online", "hybrid"]
OrganizationKind: TypeAlias = Literal[
    "regional_economic_integration_organization",
    "intergovernmental_organization",
    "united_nations_entity",
    "permanent_observer_entity",
    "secretariat",
]
ActorKind: TypeAlias = Literal["state"] | OrganizationKind
Provenance: TypeAlias = Literal["source", "editorial"]
"""`source`: the report says it; `editorial`: this library's judgment."""

Standing: TypeAlias = Literal["adopted", "chair_summary", "proceedings"]
"""What a paragraph is, as the report states it, decided by the chapter it stands in:
``adopted``: adopted by the Working Group (chapter II, the recommendations: para 3
«приняла нижеследующие рекомендации»); ``chair_summary``: the Chair's summary of deliberations
(chapter III, «Резюме обсуждений, подготовленное Председателем»), prepared by the Secretariat
after the meeting and not considered, so not subject to adoption (para 4); ``proceedings``: the
report's account of the meeting and its background (chapters I, IV and V), in the report the
Working Group adopted (para 34)."""

#: Every standing, in the order results list them.
STANDINGS: tuple[Standing, ...] = ("adopted", "chair_summary", "proceedings")

AgendaAttribution: TypeAlias = Literal["individual", "group"]
"""Of whom the report states a statement's agenda items: ``individual``, of this statement;
``group``, of the group of speakers its paragraph lists together (para 23: «С заявлениями по
пунктам 2 и 3 повестки дня выступили представители следующих участников …»), not which item
each of them spoke on."""

DateBasis: TypeAlias = Literal["stated", "inferred"]
"""How a date is known: ``stated`` (a paragraph gives it for this record), ``inferred`` (it is
the only day the dates the report gives leave possible; the record's note says how)."""


class Text(Record):
    """A text in the report's language (Russian), with an editorial English rendering."""

    original_language: ClassVar[str] = "ru"

    ru: Prose = Field(description="The report's own words (Russian), as written.", json_schema_extra=_origin("report"))
    en: OptionalProse = Field(
        default="",
        description="English; editorial, never the report's own words. Empty when not translated.",
        json_schema_extra=_origin("editorial"),
    )
    en_origin: Literal["unofficial_translation", "un_official"] = Field(
        default="unofficial_translation",
        description="unofficial_translation: made for this library; un_official: the UN's own English name or title.",
        json_schema_extra=_origin("editorial"),
    )

    def get(self, lang: Lang | None = None) -> str:
        """The text in ``lang`` (default: the display language); Russian when no English exists."""
        chosen = get_display_language() if lang is None else lang_of(lang)
        return self.en if chosen == "en" and self.en else self.ru

    def __str__(self) -> str:
        return self.get()

    def _brief(self) -> str:
        return _clip(self.get(), 70)


class Name(Text):
    """A name (of a state, an organization, a person, a city): a :class:`Text` on one line.

    Both languages are :data:`Line`: no control or bidi characters, not made only of
    invisible characters, and not starting with ``=``, ``+``, ``-`` or ``@`` (which a
    spreadsheet would run as a formula); and no word mixes scripts (:data:`NameLine`).
    """

    ru: NameLine = Field(
        description="The report's own words (Russian), as written.", json_schema_extra=_origin("report")
    )
    en: OptionalNameLine = Field(
        default="",
        description="English; editorial, never the report's own words. Empty when not translated.",
        json_schema_extra=_origin("editorial"),
    )


class TopicTag(Record):
    """An editorial topic label, with the words of the text that justify it."""

    topic: Slug = Field(
        description="Id of a topic in the vocabulary (ds.topics).", json_schema_extra=_origin("editorial")
    )
    quote: Prose = Field(
        description="Words of the tagged text (Russian, as written) that justify the tag.",
        json_schema_extra=_origin("editorial"),
    )
    provenance: Literal["editorial"] = Field(
        default="editorial",
        description="Always editorial: the tag is this library's judgment.",
        json_schema_extra=_origin("editorial"),
    )


class Section(Record):
    """A lettered section inside a chapter."""

    letter: Letter = Field(
        description="The section's letter as printed (A, B, ...).", json_schema_extra=_origin("report")
    )
    title: Text = Field(description="The section's heading, as written.", json_schema_extra=_origin("report"))


class Chapter(Record):
    """A chapter of the report (I-V) and its lettered sections."""

    number: Roman = Field(
        description="The chapter's Roman numeral as printed (I-V).", json_schema_extra=_origin("report")
    )
    title: Text = Field(description="The chapter's heading, as written.", json_schema_extra=_origin("report"))
    sections: tuple[Section, ...] = Field(
        default=(),
        description="The chapter's lettered sections, in order; empty when it has none.",
        json_schema_extra=_origin("report"),
    )
    standing: Standing | None = Field(
        default=None,
        description="What the chapter's paragraphs are, as the report states it: adopted (the recommendations), "
        "chair_summary (not considered, not subject to adoption) or proceedings; None when the data does not say.",
        json_schema_extra=_origin("report"),
    )
    standing_source: tuple[Number, ...] = Field(
        default=(),
        description="The paragraph(s) that state the standing (3 for chapter II, 4 for III, 34 for the others).",
        json_schema_extra=_origin("report"),
    )

    @model_validator(mode="after")
    def _standing_cited(self) -> "Chapter":
        """A standing is cited, and a citation states one."""
        if (self.standing is None) != (not self.standing_source):
            raise ValueError("a chapter's standing and standing_source are given together")
        return self


class Paragraph(Record):
    """A numbered paragraph of the report, verbatim, with where it sits."""

    number: Number = Field(
        description="The paragraph's number as printed (1, 2, 3, ...).", json_schema_extra=_origin("report")
    )
    chapter: Roman = Field(
        description="Roman numeral of the chapter the paragraph sits in.", json_schema_extra=_origin("report")
    )
    section: Letter | None = Field(
        default=None, description="None when the chapter has no section here.", json_schema_extra=_origin("report")
    )
    text: Text = Field(
        description="The paragraph, verbatim (ru), with an editorial English (en).", json_schema_extra=_origin("report")
    )
    topics: tuple[TopicTag, ...] = Field(
        default=(), description="Editorial topic tags (discussion paragraphs).", json_schema_extra=_origin("editorial")
    )
    standing: Standing | None = Field(
        default=None,
        description="What the paragraph is, as the report states it: its chapter's standing (adopted, chair_summary, "
        "proceedings; see Chapter.standing), filled from the chapter; None when the chapter states none.",
        json_schema_extra=_origin("report"),
    )

    def _brief(self) -> str:
        where = self.chapter + (f".{self.section}" if self.section else "")
        return f"{self.number}, {where}, {_clip(self.text.get())}"


class Theme(Record):
    """A thematic section of the recommendations (the report's section A, B, ...)."""

    id: Slug = Field(
        description="Short id used by Recommendation.theme (crises, technology).",
        json_schema_extra=_origin("editorial"),
    )
    chapter: Roman = Field(
        description="Roman numeral of the chapter holding the section.", json_schema_extra=_origin("report")
    )
    section: Letter = Field(
        description="Letter of the report's section that forms this theme.", json_schema_extra=_origin("report")
    )
    label: Line = Field(description="Short English label; editorial.", json_schema_extra=_origin("editorial"))
    title: Text = Field(description="The section's full title, as written.", json_schema_extra=_origin("report"))
    source: Source

    def _brief(self) -> str:
        return f"{self.id}, section {self.chapter}.{self.section}"


InstrumentId: TypeAlias = Literal["convention", "smuggling_protocol"]
"""The UN Convention against Transnational Organized Crime; its Smuggling of Migrants Protocol."""

AddresseeKind: TypeAlias = Literal["states_parties", "states", "states_with_international_support"]
"""Who a recommendation asks to act, normalised from the addressee as written."""


class TreatyRef(Record):
    """A link from a recommendation to a treaty (and article when one applies).

    ``provenance="source"``: the report makes the reference (``as_written`` quotes it);
    ``"editorial"``: this library's link to the article the recommendation most directly
    concerns (``rationale`` says why).
    """

    instrument: InstrumentId = Field(
        description="convention (UNTOC) or smuggling_protocol (the Smuggling of Migrants Protocol).",
        json_schema_extra=_origin("mixed"),
    )
    article: Number | None = Field(
        default=None,
        description="Article number; None when the report cites the instrument as a whole.",
        json_schema_extra=_origin("mixed"),
    )
    as_written: OptionalLine = Field(
        default="", description="The words of the report that make the reference.", json_schema_extra=_origin("report")
    )
    provenance: Provenance = Field(
        default="source",
        description="source: the report makes the reference; editorial: this library's link.",
        json_schema_extra=_origin("mixed"),
    )
    rationale: OptionalProse = Field(
        default="", description="Why an editorial link was made, in English.", json_schema_extra=_origin("editorial")
    )

    @model_validator(mode="after")
    def _explained(self) -> "TreatyRef":
        """A source reference quotes the report; an editorial link says why."""
        if self.provenance == "source" and not self.as_written:
            raise ValueError("a treaty reference stated by the report needs as_written")
        if self.provenance == "editorial" and not self.rationale:
            raise ValueError("an editorial treaty link needs a rationale")
        return self


class SdgLink(Record):
    """An editorial link to a Sustainable Development Goal target the recommendation serves."""

    target: SdgTarget = Field(
        description="SDG target number, e.g. 16.4 or 16.a (texts in Bundle.sdg_targets).",
        json_schema_extra=_origin("editorial"),
    )
    rationale: Prose = Field(
        description="Why the recommendation serves the target, in English.",
        json_schema_extra=_origin("editorial"),
    )
    provenance: Literal["editorial"] = Field(
        default="editorial", description="Always editorial.", json_schema_extra=_origin("editorial")
    )


class Specificity(Record):
    """How specific the action asked for is, on a 1-5 scale modelled on UPR Info's (editorial).

    1 asks only to share information or to cooperate (partnerships and engagement included);
    2 only to continue existing action; 3 to consider action («рассмотреть»: it governs all
    that follows); 4 for general action; 5 for a specific measure, one that names a concrete
    instrument (a mechanism, directory, form, campaign for a named audience, equipment). The
    level is that of the most specific action the recommendation asks for, counting the means
    it names after «путем» or «в том числе» as actions asked for; purposes («в целях …») are not.
    """

    level: Annotated[int, Strict(), Field(ge=1, le=5)] = Field(
        description="1 share information or cooperate, 2 continue, 3 consider, 4 general action, 5 a specific measure.",
        json_schema_extra=_origin("editorial"),
    )
    rationale: Prose = Field(
        description="The words that decided the level, in English with the Russian quoted.",
        json_schema_extra=_origin("editorial"),
    )
    provenance: Literal["editorial"] = Field(
        default="editorial", description="Always editorial.", json_schema_extra=_origin("editorial")
    )


class Recommendation(Record):
    """One numbered recommendation, verbatim."""

    number: Number = Field(
        description="The recommendation's number as printed (1-22).", json_schema_extra=_origin("report")
    )
    theme: Slug = Field(
        description="Id of the theme (report section) it sits under.", json_schema_extra=_origin("report")
    )
    addressee: Line = Field(
        description="Who is addressed, as written («Государствам-участникам»).", json_schema_extra=_origin("report")
    )
    modality: Modality = Field(
        description="How strongly it is put: should («следует»), encouraged («рекомендуется»), "
        "may_wish («возможно, пожелают»).",
        json_schema_extra=_origin("report"),
    )
    text: Text = Field(
        description="The recommendation, verbatim (ru), with an editorial English (en).",
        json_schema_extra=_origin("report"),
    )
    treaty_refs: tuple[TreatyRef, ...] = Field(
        default=(),
        description="References to treaty articles: the report's own (source) and editorial links.",
        json_schema_extra=_origin("mixed"),
    )
    addressee_kind: AddresseeKind | None = Field(
        default=None, description="Who is asked to act, normalised.", json_schema_extra=_origin("editorial")
    )
    topics: tuple[TopicTag, ...] = Field(
        default=(), description="Editorial topic tags.", json_schema_extra=_origin("editorial")
    )
    sdg_targets: tuple[SdgLink, ...] = Field(
        default=(), description="Editorial links to SDG targets.", json_schema_extra=_origin("editorial")
    )
    specificity: Specificity | None = Field(
        default=None, description="Editorial 1-5 specificity of the action.", json_schema_extra=_origin("editorial")
    )
    source: Source

    def _brief(self) -> str:
        return f"{self.number}, {self.theme}, {self.modality}, {_clip(self.text.get(), 48)}"


class AgendaSubItem(Record):
    """A lettered sub-item of an agenda item."""

    letter: Letter = Field(description="The sub-item's letter as printed (a, b).", json_schema_extra=_origin("report"))
    title: Text = Field(description="The sub-item's title, as written.", json_schema_extra=_origin("report"))


class AgendaItem(Record):
    """An item of the agenda as adopted."""

    number: Number = Field(
        description="The item's number on the agenda as adopted.", json_schema_extra=_origin("report")
    )
    title: Text = Field(
        description="The item's title, as written (en: the official UN English where known).",
        json_schema_extra=_origin("report"),
    )
    sub_items: tuple[AgendaSubItem, ...] = Field(
        default=(), description="Lettered sub-items; empty when the item has none.", json_schema_extra=_origin("report")
    )
    source: Source

    def _brief(self) -> str:
        return f"{self.number}, {_clip(self.title.get())}"


class Speaker(Record):
    """A panellist: who spoke, in what capacity, for which group, under which item."""

    order: Number = Field(description="Order of presentation within the meeting.", json_schema_extra=_origin("report"))
    honorific: Line = Field(description="As written: «г-жа» or «г-н».", json_schema_extra=_origin("report"))
    name: Name = Field(
        description="Full name as the report introduces the speaker (en: the name in Latin script, editorial).",
        json_schema_extra=_origin("report"),
    )
    surname: Name = Field(
        description="The name the report uses in later paragraphs.", json_schema_extra=_origin("report")
    )
    position: Text = Field(description="Position as written.", json_schema_extra=_origin("report"))
    actor: ActorId = Field(description="The speaker's country.", json_schema_extra=_origin("report"))
    regional_group: RegionalGroup = Field(
        description="The group on whose behalf the speaker spoke.", json_schema_extra=_origin("report")
    )
    agenda_item: Number = Field(
        description="The agenda item the speaker presented on.", json_schema_extra=_origin("report")
    )
    role: Literal["panellist"] = Field(
        default="panellist",
        description="The speaker's role at the meeting: a panellist (member of the discussion panel).",
        json_schema_extra=_origin("report"),
    )
    remarks: tuple[Number, ...] = Field(
        default=(), description="Paragraphs that summarise the speaker's remarks.", json_schema_extra=_origin("report")
    )
    source: Source

    def _brief(self) -> str:
        return f"{self.order}, {self.name.get()}, {self.actor}, item {self.agenda_item}"


class Statement(Record):
    """A statement made at the meeting, by whom and under which agenda items."""

    actor: ActorId = Field(json_schema_extra=_origin("report"))
    kind: StatementKind = Field(
        description="introductory (Secretariat), panel, party, observer_state or observer_organization.",
        json_schema_extra=_origin("report"),
    )
    agenda_items: tuple[Number, ...] = Field(
        default=(),
        description="The agenda items the report states for it (of whom: agenda_attribution); empty when it "
        "does not say.",
        json_schema_extra=_origin("report"),
    )
    agenda_attribution: AgendaAttribution = Field(
        default="individual",
        description="Of whom the report states the agenda items: individual (this statement) or group (the speakers "
        "its paragraph lists together, as para 23 does: not which item each spoke on).",
        json_schema_extra=_origin("report"),
    )
    as_written: Line = Field(
        description="How the report names the speaker here (e.g. genitive «Австралии»).",
        json_schema_extra=_origin("report"),
    )
    speaker: Number | None = Field(
        default=None, description="Speaker.order for a panellist.", json_schema_extra=_origin("report")
    )
    source: Source

    def _brief(self) -> str:
        items = ", ".join(map(str, self.agenda_items)) or "items not stated"
        of_group = " (of the group)" if self.agenda_items and self.agenda_attribution == "group" else ""
        return f"{self.actor}, {self.kind}, {items}{of_group}"


class Participant(Record):
    """An entity represented at the meeting, in the report's order."""

    actor: ActorId = Field(json_schema_extra=_origin("report"))
    status: ParticipationStatus = Field(
        description="party, signatory, non_party, organization or permanent_observer (paras 27-31).",
        json_schema_extra=_origin("report"),
    )
    as_written: Line = Field(description="The name as it stands in the list.", json_schema_extra=_origin("report"))
    source: Source

    def _brief(self) -> str:
        return f"{self.actor}, {self.status}"


class Document(Record):
    """A document named in the report."""

    symbol: Line = Field(description="The UN document symbol as printed.", json_schema_extra=_origin("report"))
    title: Text = Field(description="What the report calls it, as written.", json_schema_extra=_origin("report"))
    url: Url = Field(
        default="",
        description="The link printed with the report: http(s) or a relative path.",
        json_schema_extra=_origin("report"),
    )
    source: Source

    def _brief(self) -> str:
        return self.symbol


class Resolution(Record):
    """A resolution of the Conference of the Parties that the report cites."""

    symbol: Line = Field(
        description="The resolution's symbol as printed (e.g. 5/3).", json_schema_extra=_origin("report")
    )
    session: MeetingNumber | None = Field(
        default=None,
        description="The session of the Conference that adopted it; None when the report does not say.",
        json_schema_extra=_origin("report"),
    )
    title: Text | None = Field(
        default=None, description="None when the report gives no title.", json_schema_extra=_origin("report")
    )
    effect: Text = Field(description="What the report says it did, as written.", json_schema_extra=_origin("report"))
    source: Source


class PriorMeeting(Record):
    """An earlier meeting of the same body, as the report lists it."""

    number: MeetingNumber = Field(
        description="The earlier meeting's ordinal (first, second, ...).", json_schema_extra=_origin("report")
    )
    start_date: Day = Field(description="First day, as the report gives it.", json_schema_extra=_origin("report"))
    end_date: Day = Field(description="Last day, as the report gives it.", json_schema_extra=_origin("report"))
    source: Source


class NumberedMeeting(Record):
    """A numbered meeting (заседание: "the 1st meeting", para 5) held during a meeting (совещание).

    The UN's English calls both "meetings": the Working Group's seventh meeting (a ``Meeting``)
    was held in four numbered meetings (``Meeting.numbered_meetings``; "The Working Group held
    four meetings", para 18). None or empty where the report is silent. Called ``Session`` in 1.0.
    """

    number: Number = Field(
        description="The numbered meeting's number (1st, 2nd, ... заседание).", json_schema_extra=_origin("report")
    )
    date: Day | None = Field(
        default=None,
        description="Its date; None when the report neither states it nor leaves only one day possible.",
        json_schema_extra=_origin("report"),
    )
    date_basis: DateBasis | None = Field(
        default=None,
        description="stated: a paragraph gives the date for this numbered meeting; inferred: the only day the dates "
        "the report gives leave possible (note says how, source cites the paragraphs); None when there is no date. "
        "A data file that gives a date without a basis means stated.",
        json_schema_extra=_origin("editorial"),
    )
    agenda_items: tuple[Number, ...] = Field(
        default=(),
        description="Agenda items it took up; empty when the report does not say. Of whom the report says so: "
        "agenda_items_together.",
        json_schema_extra=_origin("report"),
    )
    agenda_items_together: tuple[Number, ...] = Field(
        default=(),
        description="Those of agenda_items the report states for this numbered meeting together with others, not "
        "for it alone (para 5: «На своих 1-м и 2-м заседаниях … рассмотрела пункт 2»): said of the group of "
        "numbered meetings, without saying which of them took the item up.",
        json_schema_extra=_origin("report"),
    )
    note: OptionalProse = Field(
        default="",
        description="How an inference was made, in English; empty when the report states it directly.",
        json_schema_extra=_origin("editorial"),
    )
    source: Source

    @model_validator(mode="before")
    @classmethod
    def _stated_by_default(cls, data: object) -> object:
        """A date given without a basis is a stated one (data files written before 1.2 give none)."""
        if isinstance(data, dict) and data.get("date") is not None and "date_basis" not in data:
            return {**data, "date_basis": "stated"}
        return data

    @model_validator(mode="after")
    def _basis(self) -> "NumberedMeeting":
        """A date has a basis and only a date has one; an inferred date says how it was inferred."""
        if (self.date is None) != (self.date_basis is None):
            raise ValueError("date_basis is given with a date, and only with one")
        if self.date_basis == "inferred" and not self.note:
            raise ValueError("an inferred date needs a note saying how it was inferred")
        if extra := sorted(set(self.agenda_items_together) - set(self.agenda_items)):
            raise ValueError(f"agenda_items_together names items not in agenda_items: {extra}")
        return self


class FormatDecision(Record):
    """The decision that set the meeting's format."""

    date: Day = Field(description="The date of the decision.", json_schema_extra=_origin("report"))
    taken_by: Text = Field(description="Who took the decision, as written.", json_schema_extra=_origin("report"))
    procedure: Text = Field(description="The procedure used, as written.", json_schema_extra=_origin("report"))
    source: Source


class Chair(Record):
    """The chair of the meeting."""

    name: Name = Field(
        description="The chair's name, as written (en: Latin script, editorial).", json_schema_extra=_origin("report")
    )
    actor: ActorId = Field(description="The chair's country.", json_schema_extra=_origin("report"))
    source: Source


class Quantity(Record):
    """A number the report gives, with whether it is approximate and its words."""

    value: Count = Field(description="The number.", json_schema_extra=_origin("report"))
    approximate: Annotated[bool, Strict()] = Field(
        description="True when the report says about (около).", json_schema_extra=_origin("report")
    )
    as_written: Line = Field(description="The report's words giving the number.", json_schema_extra=_origin("report"))
    source: Source


class AsWritten(Record):
    """The report's own words for a value this library gives in a normalized form, and where they stand."""

    ru: Line = Field(description="The report's words, as written (Russian).", json_schema_extra=_origin("report"))
    source: Source

    def _brief(self) -> str:
        return f"{_clip(self.ru)}, para {', '.join(map(str, self.source))}"


class Meeting(Record):
    """One meeting of the Working Group and everything its report says."""

    number: MeetingNumber = Field(
        description="The meeting's ordinal (7 for Vienna, 8-9 September 2020).", json_schema_extra=_origin("report")
    )
    title: Text = Field(description="The report's title.", json_schema_extra=_origin("report"))
    symbol: Line | None = Field(
        default=None,
        description="The report's document symbol; None when not printed in it.",
        json_schema_extra=_origin("report"),
    )
    language: Literal["ru"] = Field(
        default="ru", description="Language of the report's text in this data.", json_schema_extra=_origin("report")
    )
    source_file: Annotated[str, StringConstraints(pattern=r"^report-[A-Za-z0-9][A-Za-z0-9._-]*\.txt$")] | None = Field(
        default=None,
        description="The report's text shipped with the package (report-*.txt in its data folder); None when none is.",
        json_schema_extra=_origin("editorial"),
    )
    body: Text = Field(description="The body that met, as written.", json_schema_extra=_origin("report"))
    parent_body: Text = Field(
        description="The body the Working Group reports to; ru in the nominative, normalized by this library where "
        "the report names it only in another case (see parent_body_as_written).",
        json_schema_extra=_origin("report"),
    )
    parent_body_as_written: AsWritten | None = Field(
        default=None,
        description="The report's own words for parent_body where parent_body.ru is a normalized form (meeting 7: "
        "para 1's instrumental «Конференцией участников Конвенции …»); None when parent_body.ru is as written.",
        json_schema_extra=_origin("report"),
    )
    city: Name = Field(
        description="Where it met (ru: nominative of the report's city).", json_schema_extra=_origin("report")
    )
    start_date: Day = Field(description="First day of the meeting.", json_schema_extra=_origin("report"))
    end_date: Day = Field(description="Last day of the meeting.", json_schema_extra=_origin("report"))
    format: MeetingFormat = Field(
        description="in_person, online or hybrid (para 18 for meeting 7).", json_schema_extra=_origin("report")
    )
    format_decision: FormatDecision | None = Field(
        default=None,
        description="The decision that set the format; None when the report gives none.",
        json_schema_extra=_origin("report"),
    )
    meetings_held: Annotated[int, Strict(), Field(ge=0, le=MAX_NUMBERED)] = Field(
        description="How many numbered meetings (заседания) were held (0.x: sessions_held).",
        json_schema_extra=_origin("report"),
    )
    numbered_meetings: tuple[NumberedMeeting, ...] = Field(
        default=(),
        description="The numbered meetings (заседания), with what the report says of each (0.x: sessions).",
        json_schema_extra=_origin("report"),
    )
    chair: Chair | None = Field(
        default=None,
        description="The chair; None when the report does not name one.",
        json_schema_extra=_origin("report"),
    )
    registered_delegates: Quantity | None = Field(
        default=None,
        description="Registered delegates as the report counts them; None when it does not.",
        json_schema_extra=_origin("report"),
    )
    adopted_on: Day | None = Field(
        default=None,
        description="The date the report was adopted; None when not stated.",
        json_schema_extra=_origin("report"),
    )
    source: Source
    previous_meetings: tuple[PriorMeeting, ...] = Field(
        default=(),
        description="Earlier meetings the report lists, with their dates.",
        json_schema_extra=_origin("report"),
    )
    resolutions: tuple[Resolution, ...] = Field(
        default=(), description="Resolutions of the Conference the report cites.", json_schema_extra=_origin("report")
    )
    chapters: tuple[Chapter, ...] = Field(
        default=(), description="The report's chapters and sections, in order.", json_schema_extra=_origin("report")
    )
    themes: tuple[Theme, ...] = Field(
        default=(), description="The thematic sections of the recommendations.", json_schema_extra=_origin("report")
    )
    agenda: tuple[AgendaItem, ...] = Field(
        default=(), description="The agenda as adopted.", json_schema_extra=_origin("report")
    )
    recommendations: tuple[Recommendation, ...] = Field(
        default=(), description="The recommendations, in order.", json_schema_extra=_origin("report")
    )
    speakers: tuple[Speaker, ...] = Field(
        default=(), description="The panellists, in order of presentation.", json_schema_extra=_origin("report")
    )
    statements: tuple[Statement, ...] = Field(
        default=(), description="Statements in the report's order.", json_schema_extra=_origin("report")
    )
    participants: tuple[Participant, ...] = Field(
        default=(), description="Participants in the report's order.", json_schema_extra=_origin("report")
    )
    documents: tuple[Document, ...] = Field(
        default=(), description="Documents the report names.", json_schema_extra=_origin("report")
    )
    paragraphs: tuple[Paragraph, ...] = Field(
        default=(), description="Every numbered paragraph, verbatim.", json_schema_extra=_origin("report")
    )

    def _brief(self) -> str:
        return (
            f"{self.number}, {self.city.get()}, {self.start_date}..{self.end_date}, "
            f"{len(self.recommendations)} recommendations, {len(self.participants)} participants"
        )

    @model_validator(mode="before")
    @classmethod
    def _renamed_keys(cls, data: object) -> object:
        """Accept 1.0's keys (``sessions_held``, ``sessions``) in data files, with a DeprecationWarning."""
        if not isinstance(data, dict) or not any(old in data for old in _RENAMED_KEYS):
            return data
        data = dict(data)
        for old, new in _RENAMED_KEYS.items():
            if old in data:
                if new in data:
                    raise ValueError(f"both {old} and {new} are given: keep {new} ({old} is its 1.0 name)")
                _deprecated(f"the key {old!r} of a meeting", new)
                data[new] = data.pop(old)
        return data

    @model_validator(mode="before")
    @classmethod
    def _standing_from_chapters(cls, data: object) -> object:
        """Each paragraph takes its chapter's standing (written once, on the chapter) unless it gives its own."""
        if not isinstance(data, dict):
            return data
        chapters, paragraphs = data.get("chapters"), data.get("paragraphs")
        if not isinstance(chapters, list | tuple) or not isinstance(paragraphs, list | tuple):
            return data
        standing = {c.get("number"): c.get("standing") for c in chapters if isinstance(c, dict) and c.get("standing")}
        if not standing:
            return data
        filled = [
            {**p, "standing": standing[p.get("chapter")]}
            if isinstance(p, dict) and "standing" not in p and p.get("chapter") in standing
            else p
            for p in paragraphs
        ]
        return {**data, "paragraphs": filled}

    def standing_of(self, record: "Paragraph | Cited") -> tuple[Standing, ...]:
        """What a record is, as the report states it: the standings of the paragraphs it rests on.

        A paragraph: its own standing. Any other record: the standing of each paragraph of its
        ``source`` (a recommendation rests on para 3: ``("adopted",)``; a panellist on paras 6
        and 21: ``("chair_summary", "proceedings")``), in the order of :data:`STANDINGS`; empty
        when the data states none.
        """
        if isinstance(record, Paragraph):
            return () if record.standing is None else (record.standing,)
        by_number = {p.number: p.standing for p in self.paragraphs}
        found = {by_number.get(n) for n in record.source}
        return tuple(s for s in STANDINGS if s in found)

    @property
    def sessions_held(self) -> int:
        """Deprecated in 1.0 (removed in 2.0): use ``meetings_held``."""
        _deprecated("Meeting.sessions_held", "Meeting.meetings_held")
        return self.meetings_held

    @property
    def sessions(self) -> tuple[NumberedMeeting, ...]:
        """Deprecated in 1.0 (removed in 2.0): use ``numbered_meetings``."""
        _deprecated("Meeting.sessions", "Meeting.numbered_meetings")
        return self.numbered_meetings

    @model_validator(mode="after")
    def _consistent(self) -> "Meeting":
        """Numbering, uniqueness and internal references hold; every problem is located."""
        _raise(meeting_problems(self))
        return self

    def citations(self) -> list[tuple[Loc, int]]:
        """Every paragraph number cited anywhere in the meeting, with where it is cited."""
        return _citations(self)


def _keys(records: Any, field: str) -> list[Any]:
    """The ``field`` of each record, in order; None where a record or its field did not validate.

    A list that did not validate at all (None) is ``[None]``: its keys are unknown.
    """
    return [None if r is None else getattr(r, field) for r in _records(records)]


def _records(records: Any) -> Any:
    """The records of a list, or one unknown record (None) when the list itself did not validate."""
    return [None] if records is None else records


def meeting_problems(m: Any) -> Problems:
    """Numbering, uniqueness and internal references of a meeting, each problem located.

    ``m`` is a :class:`Meeting`, or a meeting that did not validate as its parts that did
    (:mod:`._partial`: None for a record or field that did not): what rests on a part that did
    not validate is not checked (its own problem is reported), so one pass says everything once.
    """
    problems: Problems = []
    if m.start_date is not None and m.end_date is not None and m.end_date < m.start_date:
        problems.append((("end_date",), f"end_date {m.end_date} is before start_date {m.start_date}"))
    _expect_sequence(problems, "paragraphs", "number", _keys(m.paragraphs, "number"))
    _expect_sequence(problems, "recommendations", "number", _keys(m.recommendations, "number"))
    _expect_sequence(problems, "agenda", "number", _keys(m.agenda, "number"))
    _expect_sequence(problems, "numbered_meetings", "number", _keys(m.numbered_meetings, "number"))
    _expect_sequence(problems, "speakers", "order", _keys(m.speakers, "order"))
    _expect_unique(problems, "themes", "id", _keys(m.themes, "id"))
    _expect_unique(problems, "participants", "actor", _keys(m.participants, "actor"))
    _expect_unique(problems, "documents", "symbol", _keys(m.documents, "symbol"))
    if m.numbered_meetings and m.meetings_held is not None and len(m.numbered_meetings) != m.meetings_held:
        listed = len(m.numbered_meetings)
        problems.append(
            (("meetings_held",), f"{listed} numbered meetings listed but meetings_held is {m.meetings_held}")
        )
    themes = _keys(m.themes, "id")
    for i, theme in enumerate(_keys(m.recommendations, "theme")):
        if theme is not None and None not in themes and theme not in themes:
            problems.append((("recommendations", i, "theme"), f"unknown theme {theme!r}.{_choices(theme, themes)}"))
    items = _keys(m.agenda, "number")
    used: list[tuple[Loc, Any]] = [
        (("speakers", i, "agenda_item"), n) for i, n in enumerate(_keys(m.speakers, "agenda_item"))
    ]
    for name in ("statements", "numbered_meetings"):
        used += [
            ((name, i, "agenda_items", j), n)
            for i, numbers in enumerate(_keys(getattr(m, name), "agenda_items"))
            for j, n in enumerate(numbers or ())
        ]
    if None not in items:
        problems += [
            (loc, f"unknown agenda item {n}.{_choices(n, items)}")
            for loc, n in used
            if n is not None and n not in items
        ]
    chapters = _keys(m.chapters, "number")
    listed_sections = [_keys(c.sections, "letter") if c is not None else None for c in _records(m.chapters)]
    sections = [f"{c}.{x}" for c, letters in zip(chapters, listed_sections, strict=True) for x in letters or ()]
    sections_known = None not in chapters and all(
        letters is not None and None not in letters for letters in listed_sections
    )
    standings = {c.number: c.standing for c in m.chapters or () if c is not None}
    for i, p in enumerate(m.paragraphs or ()):
        if p is None or p.chapter is None:
            continue
        if p.chapter not in chapters:
            if None not in chapters:
                problems.append(
                    (("paragraphs", i, "chapter"), f"unknown chapter {p.chapter}.{_choices(p.chapter, chapters)}")
                )
        elif p.section is not None and sections_known and f"{p.chapter}.{p.section}" not in sections:
            problems.append((("paragraphs", i, "section"), f"unknown section {p.chapter}.{p.section}"))
        chapter_standing = standings.get(p.chapter)
        if chapter_standing is not None and p.standing != chapter_standing:
            problems.append(
                (
                    ("paragraphs", i, "standing"),
                    f"standing {p.standing} differs from chapter {p.chapter}'s ({chapter_standing})",
                )
            )
    for i, t in enumerate(m.themes or ()):
        checked = sections_known and t is not None and t.chapter is not None and t.section is not None
        if checked and f"{t.chapter}.{t.section}" not in sections:
            problems.append((("themes", i, "section"), f"unknown section {t.chapter}.{t.section}"))
    speakers = _keys(m.speakers, "order")
    for i, speaker in enumerate(_keys(m.statements, "speaker")):
        if speaker is not None and None not in speakers and speaker not in speakers:
            problems.append((("statements", i, "speaker"), f"unknown speaker {speaker}"))
    if m.paragraphs:
        last = len(m.paragraphs)
        problems += [(loc, f"cites paragraph {n}, the report has {last}") for loc, n in _citations(m) if n > last]
    return problems


def _citations(m: Any) -> list[tuple[Loc, int]]:
    """Every paragraph number cited in a meeting (or in the parts of one that validated), with where."""
    cited: list[tuple[Loc, Any]] = [(("source",), m.source)]
    singles = {
        "format_decision": m.format_decision,
        "chair": m.chair,
        "registered_delegates": m.registered_delegates,
    }
    cited += [((name, "source"), r.source) for name, r in singles.items() if r is not None]
    groups = (
        "previous_meetings",
        "resolutions",
        "themes",
        "agenda",
        "recommendations",
        "speakers",
        "statements",
        "participants",
        "documents",
        "numbered_meetings",
    )
    cited += [((name, i, "source"), n) for name in groups for i, n in enumerate(_keys(getattr(m, name), "source"))]
    cited += [(("speakers", i, "remarks"), n) for i, n in enumerate(_keys(m.speakers, "remarks"))]
    cited += [(("chapters", i, "standing_source"), n) for i, n in enumerate(_keys(m.chapters, "standing_source"))]
    if m.parent_body_as_written is not None:
        cited.append((("parent_body_as_written", "source"), m.parent_body_as_written.source))
    return [(loc + (j,), n) for loc, numbers in cited for j, n in enumerate(numbers or ())]


class UnNames(Record):
    """A state's UN short name in the six official languages (UN terminology, via OCHA)."""

    ar: NameLine = Field(description="Arabic UN short name.", json_schema_extra=_origin("reference"))
    zh: NameLine = Field(description="Chinese UN short name.", json_schema_extra=_origin("reference"))
    en: NameLine = Field(description="English UN short name.", json_schema_extra=_origin("reference"))
    fr: NameLine = Field(description="French UN short name.", json_schema_extra=_origin("reference"))
    ru: NameLine = Field(description="Russian UN short name.", json_schema_extra=_origin("reference"))
    es: NameLine = Field(description="Spanish UN short name.", json_schema_extra=_origin("reference"))


UnLanguage: TypeAlias = Literal["ar", "zh", "en", "fr", "ru", "es"]
"""The six official languages of the United Nations."""


class FormerNames(Record):
    """UN short names a state had until a change of name took effect (reference)."""

    until: Day = Field(
        description="The day the names that replaced these took effect, as the evidence dates it; these were in "
        "force before it.",
        json_schema_extra=_origin("reference"),
    )
    names: dict[UnLanguage, Line] = Field(
        min_length=1,
        description="The former short name in each official language that changed (ar, zh, en, fr, ru, es).",
        json_schema_extra=_origin("reference"),
    )
    evidence: Prose = Field(
        description="Where the names and the date come from, in English.", json_schema_extra=_origin("reference")
    )

    def _brief(self) -> str:
        return f"until {self.until}: " + ", ".join(f"{lang} {name!r}" for lang, name in self.names.items())

    def __hash__(self) -> int:  # records are hashable; a dict field is hashed as its items
        return hash((self.until, tuple(self.names.items()), self.evidence))


class State(Record):
    """A state: ISO and M49 codes, its name in the report and in UN English, its UN group."""

    kind: Literal["state"] = Field(
        description="Always state (the discriminator between states and organizations).",
        json_schema_extra=_origin("reference"),
    )
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        description="ISO 3166-1 alpha-3 code.", json_schema_extra=_origin("reference")
    )
    alpha2: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        description="ISO 3166-1 alpha-2 code.", json_schema_extra=_origin("reference")
    )
    m49: Annotated[str, StringConstraints(pattern=r"^[0-9]{3}$")] = Field(
        description="UN M49 code, zero-padded.", json_schema_extra=_origin("reference")
    )
    name: Name = Field(
        description="ru: as the report's participants list writes it; en: UN short name.",
        json_schema_extra=_origin("report"),
    )
    regional_group: RegionalGroup | None = Field(
        description="UN regional group; None for a state in no group.",
        json_schema_extra=_origin("reference"),
    )
    regional_group_note: OptionalProse = Field(
        default="",
        description="Edge cases of group membership, in English.",
        json_schema_extra=_origin("reference"),
    )
    names: UnNames | None = Field(
        default=None,
        description="UN short names in Arabic, Chinese, English, French, Russian and Spanish "
        "(OCHA Countries & Territories taxonomy); None when not known. names.ru may differ from "
        "name.ru, which is the report's own form (e.g. «Нидерланды»).",
        json_schema_extra=_origin("reference"),
    )
    former_names: tuple[FormerNames, ...] = Field(
        default=(),
        description="UN short names the state had before its current ones (names), each change with the day it "
        "took effect and the evidence; empty when the names have not changed since the data's meetings.",
        json_schema_extra=_origin("reference"),
    )

    def names_at(self, day: dt.date) -> UnNames | None:
        """The six UN short names in force on ``day``: ``names`` with every name changed after ``day`` put back.

        >>> import datetime as dt, smuggling_wg as swg
        >>> turkey = swg.load().actor("TUR")
        >>> turkey.names.en, turkey.names_at(dt.date(2020, 9, 8)).en
        ('Türkiye', 'Turkey')
        """
        if self.names is None:
            return None
        earlier: dict[str, object] = {}
        for change in sorted(self.former_names, key=lambda c: c.until, reverse=True):
            if change.until > day:  # the first change after ``day`` is applied last and wins
                earlier |= {lang: name for lang, name in change.names.items()}
        return self.names.model_copy(update=earlier) if earlier else self.names

    @model_validator(mode="after")
    def _former_names_differ(self) -> "State":
        """A former name is not the current one; two changes of a state's names fall on different days."""
        problems: Problems = []
        days: set[dt.date] = set()
        for i, change in enumerate(self.former_names):
            for lang, name in change.names.items():
                if self.names is not None and name == getattr(self.names, lang):
                    problems.append((("former_names", i, "names", lang), f"{name!r} is the current {lang} name"))
            if change.until in days:
                problems.append((("former_names", i, "until"), f"two changes of name on {change.until}"))
            days.add(change.until)
        _raise(problems)
        return self

    def _brief(self) -> str:
        return f"{self.id}, {self.name.get()}"


class Organization(Record):
    """An organization, UN entity or other non-state actor."""

    kind: OrganizationKind = Field(
        description="What kind of actor this is (a judgment where the report does not say).",
        json_schema_extra=_origin("reference"),
    )
    id: Slug = Field(
        description="Short lower-case id used in references (eurojust, unhcr, eu, ...).",
        json_schema_extra=_origin("editorial"),
    )
    name: Name = Field(
        description="ru: as the report writes it; en: the organization's official English name.",
        json_schema_extra=_origin("report"),
    )
    acronym: OptionalNameLine = Field(
        default="",
        description="Official acronym; empty when there is none.",
        json_schema_extra=_origin("reference"),
    )
    note: OptionalProse = Field(
        default="",
        description="What a reader should know about this actor, in English.",
        json_schema_extra=_origin("editorial"),
    )

    def _brief(self) -> str:
        return f"{self.id}, {self.acronym or self.name.get()}"


Actor: TypeAlias = Annotated[State | Organization, Field(discriminator="kind")]


class Topic(Record):
    """A topic of the controlled vocabulary (editorial)."""

    id: Slug = Field(description="Id used by topic tags.", json_schema_extra=_origin("editorial"))
    label_en: Line = Field(description="English label.", json_schema_extra=_origin("editorial"))
    label_ru: Line = Field(description="Russian label.", json_schema_extra=_origin("editorial"))
    definition: Prose = Field(
        description="The test a tagger applies, in English.", json_schema_extra=_origin("editorial")
    )

    def label(self, lang: Lang | None = None) -> str:
        """The label in ``lang`` (default: the display language)."""
        chosen = get_display_language() if lang is None else lang_of(lang)
        return self.label_en if chosen == "en" else self.label_ru

    def _brief(self) -> str:
        return f"{self.id}, {self.label()}"


class Instrument(Record):
    """A treaty that links point into, with its articles' official English titles."""

    id: InstrumentId = Field(description="convention or smuggling_protocol.", json_schema_extra=_origin("reference"))
    title: Line = Field(description="Official English title.", json_schema_extra=_origin("reference"))
    title_ru: Line = Field(description="Official Russian title.", json_schema_extra=_origin("reference"))
    articles: dict[NumberKey, Line] = Field(
        description="Article number -> official English title.", json_schema_extra=_origin("reference")
    )


class MeetingRole(Record):
    """What one actor did at one meeting, as the report says: a part of an :class:`ActorProfile`."""

    meeting: MeetingNumber = Field(description="The meeting's number.", json_schema_extra=_origin("report"))
    participation: Participant | None = Field(
        default=None,
        description="The actor's entry in the list of participants; None when not listed.",
        json_schema_extra=_origin("report"),
    )
    statements: tuple[Statement, ...] = Field(
        default=(), description="Statements it made, in the report's order.", json_schema_extra=_origin("report")
    )
    speakers: tuple[Speaker, ...] = Field(
        default=(), description="Panellists from it, in order of presentation.", json_schema_extra=_origin("report")
    )
    chair: Chair | None = Field(
        default=None, description="The meeting's chair, when from this actor.", json_schema_extra=_origin("report")
    )

    @property
    def source(self) -> tuple[int, ...]:
        """Every paragraph this role rests on."""
        cited: list[Cited | None] = [self.participation, *self.statements, *self.speakers, self.chair]
        remarks = [n for s in self.speakers for n in s.remarks]
        return tuple(sorted({n for c in cited if c is not None for n in c.source} | set(remarks)))

    def _brief(self) -> str:
        status = self.participation.status if self.participation else "not listed"
        said, panel = len(self.statements), len(self.speakers)
        statements = f"{said} statement{'s' * (said != 1)}"
        return f"meeting {self.meeting}, {status}, {statements}, {panel} panellist{'s' * (panel != 1)}"


class ActorProfile(Record):
    """A state's or organization's whole story in the reports: what it did at each meeting, cited."""

    actor: Actor = Field(description="The state or organization.", json_schema_extra=_origin("mixed"))
    meetings: tuple[MeetingRole, ...] = Field(
        default=(), description="What it did at each meeting, by meeting.", json_schema_extra=_origin("report")
    )

    def _brief(self) -> str:
        n = len(self.meetings)
        return f"{self.actor.id}, {self.actor.name.get()}, {n} meeting{'s' * (n != 1)}"


class Bundle(Record):
    """Everything one data file holds: its version, the actors, the meetings and the reference data."""

    data_version: Line = Field(
        description="Version of the data (DATA_VERSION for the bundled data).", json_schema_extra=_origin("editorial")
    )
    actors: tuple[Actor, ...] = Field(
        description="Every state and organization any meeting mentions.", json_schema_extra=_origin("report")
    )
    meetings: tuple[Meeting, ...] = Field(
        description="The meetings, each with everything its report says.", json_schema_extra=_origin("report")
    )
    topics: tuple[Topic, ...] = Field(
        default=(), description="The topic vocabulary.", json_schema_extra=_origin("editorial")
    )
    instruments: tuple[Instrument, ...] = Field(
        default=(), description="The treaties that links point into.", json_schema_extra=_origin("reference")
    )
    sdg_targets: dict[SdgTarget, Prose] = Field(
        default_factory=dict,
        description="SDG target -> its official text.",
        json_schema_extra=_origin("reference"),
    )

    @model_validator(mode="after")
    def _references(self) -> "Bundle":
        """Ids are unique, every actor a meeting mentions exists, every label points into the reference data."""
        _raise(bundle_problems(self))
        return self


def bundle_problems(b: Any) -> Problems:
    """Ids are unique, every actor a meeting mentions exists, every label points into the reference data.

    ``b`` is a :class:`Bundle`, or the parts of one that validated (see :func:`meeting_problems`):
    a reference that may be to a record that did not validate is not said to be unknown.
    """
    problems: Problems = []
    _expect_unique(problems, "actors", "id", _keys(b.actors, "id"))
    _expect_unique(problems, "meetings", "number", _keys(b.meetings, "number"))
    _expect_unique(problems, "topics", "id", _keys(b.topics, "id"))
    known = _keys(b.actors, "id")
    for mi, m in enumerate(b.meetings or ()):
        if m is None:
            continue
        at: Loc = ("meetings", mi)
        mentioned: list[tuple[Loc, Any]] = [
            (("participants", i, "actor"), a) for i, a in enumerate(_keys(m.participants, "actor"))
        ]
        mentioned += [(("statements", i, "actor"), a) for i, a in enumerate(_keys(m.statements, "actor"))]
        mentioned += [(("speakers", i, "actor"), a) for i, a in enumerate(_keys(m.speakers, "actor"))]
        mentioned += [(("chair", "actor"), m.chair.actor)] if m.chair else []
        if None not in known:
            ids = set(known)
            problems += [
                (at + loc, f"unknown actor {a!r}.{_choices(a, known)}")
                for loc, a in mentioned
                if a is not None and a not in ids
            ]
        problems += [(at + loc, message) for loc, message in _label_problems(b, m)]
    return problems


def _label_problems(b: Any, m: Any) -> Problems:
    """Every topic, article and SDG target a meeting's labels use exists in the reference data."""
    topics = _keys(b.topics, "id")
    articles = {i.id: i.articles for i in b.instruments or () if i is not None}
    instruments_known = all(i is not None and None not in (i.id, i.articles) for i in _records(b.instruments))
    problems: Problems = []
    tagged = [(("recommendations", i), tags) for i, tags in enumerate(_keys(m.recommendations, "topics"))]
    tagged += [(("paragraphs", i), tags) for i, tags in enumerate(_keys(m.paragraphs, "topics"))]
    if None not in topics:
        for loc, tags in tagged:
            problems += [
                (loc + ("topics", j, "topic"), f"unknown topic {t.topic!r}.{_choices(t.topic, topics)}")
                for j, t in enumerate(tags or ())
                if t is not None and t.topic is not None and t.topic not in topics
            ]
    for i, r in enumerate(m.recommendations or ()):
        if r is None:
            continue
        for j, ref in enumerate(r.treaty_refs or ()):
            if ref is None or ref.instrument is None or not instruments_known:
                continue
            known = articles.get(ref.instrument)
            if known is None or (ref.article is not None and ref.article not in known):
                problems.append(
                    (
                        ("recommendations", i, "treaty_refs", j, "article"),
                        f"{ref.instrument} article {ref.article} is not in the reference data",
                    )
                )
        if b.sdg_targets is not None:
            problems += [
                (
                    ("recommendations", i, "sdg_targets", j, "target"),
                    f"unknown SDG target {s.target!r}.{_choices(s.target, b.sdg_targets)}",
                )
                for j, s in enumerate(r.sdg_targets or ())
                if s is not None and s.target is not None and s.target not in b.sdg_targets
            ]
    return problems


_RENAMED_KEYS = {"sessions_held": "meetings_held", "sessions": "numbered_meetings"}
"""Keys of a meeting renamed in 1.1 (old -> new), still accepted with a DeprecationWarning."""


def _deprecated(old: str, new: str) -> None:
    """Warn that ``old`` (a 0.x name) is deprecated in favour of ``new``; the warning points at the caller."""
    import warnings

    warnings.warn(
        f"{old} is deprecated, use {new} (to be removed in 2.0; see the glossary)", DeprecationWarning, stacklevel=3
    )


def __getattr__(name: str) -> object:
    """``Session``, 1.0's name of :class:`NumberedMeeting`, still works with a DeprecationWarning."""
    if name == "Session":
        _deprecated("smuggling_wg.models.Session", "NumberedMeeting")
        return NumberedMeeting
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _raise(problems: Problems) -> None:
    """Fail validation with every problem; each keeps its location (``ctx["problems"]``) for error reports."""
    if problems:
        summary = "; ".join(f"{'.'.join(map(str, loc))}: {message}" for loc, message in problems)
        located = [{"loc": list(loc), "msg": message} for loc, message in problems]
        raise PydanticCustomError("consistency", "{summary}", {"summary": summary, "problems": located})


def _expect_sequence(problems: Problems, where: str, field: str, numbers: list[int | None]) -> None:
    """Numbers must run 1, 2, 3, ... with no repeat or gap; the first that does not is reported (None: unchecked)."""
    for i, n in enumerate(numbers):
        if n is not None and n != i + 1:
            seen = "repeats" if n in numbers[:i] else "skips" if n > i + 1 else "is out of order"
            problems.append(
                ((where, i, field), f"{where} must be numbered 1, 2, 3, ...: {n} {seen} (expected {i + 1})")
            )
            return


def _expect_unique(problems: Problems, where: str, field: str, keys: list[object]) -> None:
    """Every key once: each repeat is reported where it stands (None: a key that did not validate)."""
    seen: set[object] = set()
    for i, key in enumerate(keys):
        if key is not None and key in seen:
            problems.append(((where, i, field), f"{key} is repeated in {where}"))
        seen.add(key)


def _choices(wanted: object, valid: Iterable[object]) -> str:
    """' Did you mean ...? Valid: ...' for a message about an unknown value."""
    from .errors import choices

    return choices(wanted, valid)
