"""The MCP server behind ``smuggling-wg mcp``: the dataset's queries as tools for AI assistants, every answer cited.

Built on the official MCP Python SDK (``pip install 'smuggling-wg[mcp]'``) and imported only by
the ``mcp`` command, so nothing here costs ``import smuggling_wg`` anything. The server serves
what :func:`~smuggling_wg.load` returns (the bundled data and the files of
``$SMUGGLING_WG_PATH``) over stdio. Every tool answers with a short text, the same answer as
JSON, and structured content that matches the tool's output schema: each result carries the
meeting, the resource URI and the paragraphs (``source``) it rests on, the answer lists every
paragraph it cites (``cited_paragraphs``), and ``editorial`` lists the fields that are this
library's work (English translations, topic tags, treaty and SDG links, specificity), marked
with the models' own ``provenance`` and ``en_origin`` values. A library error (an unknown
number, theme or name) is a tool error (``isError``) carrying the library's message.
"""

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import partial
from importlib.metadata import version
from typing import Annotated, Any, Generic, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ToolError
from mcp.server.mcpserver.resources import FunctionResource
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import BaseModel, Field, StrictInt

from . import _loader
from ._views import paras
from .dataset import PATH_VARIABLE, Dataset, _extra_paths
from .errors import DataError, InvalidFilter, NotFound
from .models import Actor, AgendaItem, Paragraph, Recommendation, Speaker, State, Statement, Text, Theme, origin_of

__all__ = ["NAME", "build", "serve"]

NAME = "smuggling-wg"
R = TypeVar("R")
_SCHEME = "smuggling-wg://meeting/{meeting}/{kind}/{number}"


class Citation(BaseModel):
    """A paragraph an answer rests on, with the resource that serves it."""

    meeting: int = Field(description="The meeting whose report has the paragraph.")
    paragraph: int = Field(description="The paragraph number as printed in the report.")
    uri: str = Field(description="The paragraph as a citable MCP resource.")


class EditorialField(BaseModel):
    """A field of the results that is this library's work, not the report's."""

    field: str = Field(description="Where it is in this answer ([] stands for every item of a list).")
    marker: str = Field(description="Why: the record's own provenance or en_origin value, or the field's definition.")


class Item(BaseModel, Generic[R]):
    """One result: the record, the meeting it belongs to, and the paragraphs it rests on."""

    meeting: int | None = Field(description="The meeting the record comes from; None for an actor (reference data).")
    uri: str | None = Field(description="The record as a citable MCP resource, where it is one.")
    source: list[int] = Field(description="The paragraphs of that meeting's report the record rests on.")
    record: R = Field(description="The record, as in the JSON export (smuggling-wg schema).")


class Answer(BaseModel, Generic[R]):
    """A tool's answer: the results, every paragraph they cite, and what in them is editorial."""

    data_version: str = Field(description="Version of the data served.")
    count: int = Field(description="Number of results given here.")
    total: int = Field(description="Number of results found (more than count when a limit cut them).")
    results: list[Item[R]] = Field(description="The results, in the library's order.")
    cited_paragraphs: list[Citation] = Field(description="Every paragraph the results rest on, in order.")
    editorial: list[EditorialField] = Field(
        description="Fields of the results that are editorial (translations, tags, links), not the report's words."
    )


class Hit(BaseModel):
    """A search hit: what kind of record matched, in which language, and where."""

    kind: str = Field(description="recommendation, paragraph, speaker, agenda_item or theme.")
    lang: str = Field(description="The language of the text that matched: ru (the report) or en (editorial).")
    score: float = Field(description="BM25 relevance; higher is better.")
    snippet: str = Field(description="The matched text around the first match, matches marked with **.")
    record: Recommendation | Paragraph | Speaker | AgendaItem | Theme = Field(description="The record that matched.")


# --- answers ---------------------------------------------------------------------------------


def uri(meeting: int, kind: str, number: int) -> str:
    """The resource URI of a paragraph or recommendation."""
    return _SCHEME.format(meeting=meeting, kind=kind, number=number)


def _marks(value: object, path: str, found: dict[str, str]) -> None:
    """Collect the editorial fields of ``value`` (a record, list or value) under ``path``."""
    if isinstance(value, Text):
        if value.en:
            found.setdefault(f"{path}.en", f"en_origin={value.en_origin}")
    elif isinstance(value, BaseModel):
        if getattr(value, "provenance", None) == "editorial":
            found.setdefault(path, "provenance=editorial")
            return
        for name in type(value).model_fields:
            field = getattr(value, name)
            if isinstance(field, BaseModel | list | tuple):
                _marks(field, f"{path}.{name}", found)
            elif field not in (None, "") and origin_of(type(value), name) == "editorial":
                found.setdefault(f"{path}.{name}", "Editorial (the field's definition)")
    elif isinstance(value, list | tuple):
        for item in value:
            _marks(item, f"{path}[]", found)


def _answer(ds: Dataset, items: Sequence[Item[Any]], total: int | None = None) -> Answer[Any]:
    """The answer for ``items``: the paragraphs they cite, the editorial fields they hold."""
    cited = sorted({(i.meeting, n) for i in items if i.meeting is not None for n in i.source})
    found: dict[str, str] = {}
    for item in items:
        _marks(item.record, "results[].record", found)
    return Answer[Any](
        data_version=ds.data_version,
        count=len(items),
        total=len(items) if total is None else total,
        results=list(items),
        cited_paragraphs=[Citation(meeting=m, paragraph=n, uri=uri(m, "paragraph", n)) for m, n in cited],
        editorial=[EditorialField(field=f, marker=why) for f, why in found.items()],
    )


def _result(answer: Answer[Any], summary: str) -> CallToolResult:
    """A tool result: a short text, the answer as JSON text, and the same as structured content."""
    structured = answer.model_dump(mode="json")
    cited = ", ".join(f"{c.meeting}:{c.paragraph}" for c in answer.cited_paragraphs) or "none"
    text = f"{summary}\nCited paragraphs (meeting:paragraph): {cited}."
    if answer.editorial:
        text += " Editorial, not the report's words: " + ", ".join(sorted({e.field for e in answer.editorial})) + "."
    return CallToolResult(
        content=[
            TextContent(type="text", text=text),
            TextContent(type="text", text=json.dumps(structured, ensure_ascii=False)),
        ],
        structured_content=structured,
    )


@contextmanager
def _library_errors() -> Iterator[None]:
    """The library's errors as tool errors, with the library's message."""
    try:
        yield
    except (InvalidFilter, NotFound, DataError) as exc:
        raise ToolError(str(exc)) from None


def _brief(text: Text, width: int = 110) -> str:
    """The Russian text cut at a word boundary."""
    ru = text.ru
    return ru if len(ru) <= width else ru[: ru.rfind(" ", 0, width)] + " …"


def _recommendation_item(meeting: int, r: Recommendation) -> Item[Recommendation]:
    return Item[Recommendation](
        meeting=meeting, uri=uri(meeting, "recommendation", r.number), source=list(r.source), record=r
    )


def _meeting_of(ds: Dataset, r: Recommendation | Paragraph) -> int:
    """The meeting a recommendation or paragraph record belongs to."""
    return next(m.number for m in ds.meetings if any(x is r for x in (*m.recommendations, *m.paragraphs)))


def _mentions(ds: Dataset, meeting: int | None, actor_id: str) -> list[tuple[str, tuple[int, ...]]]:
    """How the reports (of ``meeting``, or of every meeting) name the actor: each role, with its paragraphs."""
    found: list[tuple[str, tuple[int, ...]]] = []
    for m in ds.meetings if meeting is None else (ds.meeting(meeting),):
        at = f"meeting {m.number}: " if meeting is None else ""
        found += [(f"{at}participant ({p.status})", p.source) for p in m.participants if p.actor == actor_id]
        found += [(f"{at}statement ({s.kind})", s.source) for s in m.statements if s.actor == actor_id]
        found += [(f"{at}panellist {s.name.ru}", s.source) for s in m.speakers if s.actor == actor_id]
        found += [(f"{at}chair", m.chair.source)] if m.chair and m.chair.actor == actor_id else []
    return found


def _with_meetings(ds: Dataset, meeting: int | None) -> list[tuple[int, Statement]]:
    """Every statement with its meeting's number, the latest meeting first (so a dict keeps the earliest)."""
    meetings = ds.meetings if meeting is None else (ds.meeting(meeting),)
    return [(m.number, st) for m in reversed(meetings) for st in m.statements]


# --- the server --------------------------------------------------------------------------------


def merged_files() -> list[str]:
    """The data files of ``$SMUGGLING_WG_PATH`` that ``load()`` merges with the bundled data."""
    files, _ = _loader.expand(_extra_paths(None))
    return [str(f.resolve()) for f in files]


def instructions(ds: Dataset) -> str:
    """What the server tells the assistant: what it serves, from which files, and how to cite it."""
    meetings = "; ".join(
        f"meeting {m.number} ({m.city.get('en')}, {m.start_date} to {m.end_date}: "
        f"{len(m.recommendations)} recommendations, {len(m.paragraphs)} paragraphs)"
        for m in ds.meetings
    )
    files = merged_files()
    data = (
        f"the bundled data merged with the files of ${PATH_VARIABLE}: {', '.join(files)}"
        if files
        else f"the bundled data only (${PATH_VARIABLE} names no files)"
    )
    return (
        f"{NAME} {version('smuggling-wg')}, data version {ds.data_version}: the report of the 7th meeting of the "
        "UN Working Group on the Smuggling of Migrants (Vienna, 8-9 September 2020) as typed data. "
        f"Meetings served: {meetings}. Source: {data}. "
        "Cite every fact by meeting and paragraph: each answer lists them in cited_paragraphs (with a resource URI "
        "smuggling-wg://meeting/{meeting}/paragraph/{number}) and each result in its source. Only the Russian "
        "texts (ru) are the report's words. English (en), topic tags, SDG links, specificity levels and treaty links "
        "with provenance 'editorial' are this library's work: each answer's editorial list names them; say so "
        "when you use them. Codes, UN names and regional groups of states are reference data (ISO, UN), not the "
        "report's. Where the data is silent the report is silent: do not fill gaps."
    )


def build(ds: Dataset) -> MCPServer:
    """The MCP server over ``ds``: its tools, resources and resource templates."""
    from .search import KINDS

    themes = ", ".join(dict.fromkeys(t.id for m in ds.meetings for t in m.themes))
    meetings = ", ".join(str(m.number) for m in ds.meetings)
    server: MCPServer = MCPServer(
        NAME,
        title=f"smuggling_wg: UN Working Group on the Smuggling of Migrants, 7th meeting (data {ds.data_version})",
        description="The report of the 7th meeting of the UN Working Group on the Smuggling of Migrants as cited "
        f"data (data version {ds.data_version}).",
        instructions=instructions(ds),
        version=version("smuggling-wg"),
        log_level="WARNING",
    )
    read_only = ToolAnnotations(read_only_hint=True, open_world_hint=False, idempotent_hint=True)
    OneOrMore = str | list[str] | None

    def numbered(what: str) -> str:
        return "; ".join(f"1-{len(getattr(m, what))} in meeting {m.number}" for m in ds.meetings)

    meeting_param = Annotated[
        StrictInt | None, Field(description=f"The meeting number (meetings: {meetings}); by default every meeting.")
    ]

    @server.tool(
        name="search",
        annotations=read_only,
        description="Full-text search of the report, ranked: recommendations, paragraphs, panellists, agenda "
        "items and themes. Words match by their stems in Russian and English (case-, ё/е- and accent-insensitive); "
        'every word is required; "a phrase" matches words in sequence; -word excludes. Each hit has the record, '
        "a snippet and the paragraphs it cites. Hits in English (lang=en) match the editorial translation.",
    )
    def search(
        query: Annotated[
            str, Field(description="Words to look for, Russian or English, e.g. цифровые доказательства.")
        ],
        kind: Annotated[OneOrMore, Field(description=f"Only these kinds of record: {', '.join(KINDS)}.")] = None,
        language: Annotated[
            str | None, Field(description="Only texts in this language: ru (the report) or en (editorial).")
        ] = None,
        meeting: Annotated[StrictInt | None, Field(description=f"Only this meeting (meetings: {meetings}).")] = None,
        limit: Annotated[StrictInt, Field(ge=1, le=200, description="At most this many hits (best first).")] = 10,
    ) -> Annotated[CallToolResult, Answer[Hit]]:
        with _library_errors():
            hits = ds.search(query, language=language, meeting=meeting, kind=kind)  # type: ignore[arg-type]
        items: list[Item[Any]] = []
        for h in hits[:limit]:
            own = uri(h.meeting, h.kind, h.record.number) if isinstance(h.record, Recommendation | Paragraph) else None
            hit = Hit(kind=h.kind, lang=h.language, score=h.score, snippet=h.highlight(), record=h.record)
            items.append(Item[Hit](meeting=h.meeting, uri=own, source=list(h.source), record=hit))
        answer = _answer(ds, items, total=len(hits))
        if any(h.language == "en" for h in hits[:limit]):
            answer.editorial.append(EditorialField(field="results[].record.snippet", marker="lang=en (editorial)"))
        lines = [
            f"- {i.record.kind} {h.key} (meeting {i.meeting}, para {paras(i.source)}, {i.record.lang}): "
            f"{i.record.snippet}"
            for h, i in zip(hits[:limit], items, strict=True)
        ]
        head = f"{len(hits)} hits for {query!r}" + (f", the first {len(items)}" if len(items) < len(hits) else "")
        return _result(answer, "\n".join([head + ":", *lines]))

    @server.tool(
        name="recommendations",
        annotations=read_only,
        description="The meeting's recommendations, in number order, filtered by every argument given (none: "
        "all of them). Each label filter takes one value or a list (any of them matches). Returns each "
        "recommendation verbatim in Russian with an editorial English, its theme and modality (from the report), "
        "its treaty references (provenance source: the report's own; editorial: this library's link), editorial "
        "topics, SDG targets and specificity, and the paragraph it comes from.",
    )
    def recommendations(
        theme: Annotated[OneOrMore, Field(description=f"The report's section: {themes}.")] = None,
        modality: Annotated[
            OneOrMore, Field(description="How strongly put: should («следует»), encouraged, may_wish.")
        ] = None,
        topic: Annotated[OneOrMore, Field(description="An editorial topic id, e.g. digital_evidence.")] = None,
        sdg_target: Annotated[OneOrMore, Field(description="An SDG target (editorial link), e.g. 16.4.")] = None,
        instrument: Annotated[OneOrMore, Field(description="convention or smuggling_protocol.")] = None,
        article: Annotated[OneOrMore, Field(description="instrument:article, e.g. convention:19.")] = None,
        addressee_kind: Annotated[
            OneOrMore, Field(description="states_parties, states or states_with_international_support.")
        ] = None,
        specificity: Annotated[
            StrictInt | list[StrictInt] | None,
            Field(description="Editorial 1-5: 1 share information ... 5 a specific measure."),
        ] = None,
        provenance: Annotated[
            str | None, Field(description="Count only labels of this provenance: source (the report) or editorial.")
        ] = None,
        text: Annotated[
            str | None, Field(description="Only those whose Russian or English contains this (case-insensitive).")
        ] = None,
        meeting: Annotated[StrictInt | None, Field(description=f"Only this meeting (meetings: {meetings}).")] = None,
    ) -> Annotated[CallToolResult, Answer[Recommendation]]:
        with _library_errors():
            found = ds.recommendations(
                meeting=meeting,
                theme=theme,
                modality=modality,  # type: ignore[arg-type]
                text=text,
                topic=topic,
                sdg_target=sdg_target,
                instrument=instrument,
                article=article,
                addressee_kind=addressee_kind,
                specificity=specificity,
                provenance=provenance,  # type: ignore[arg-type]
            )
        items = [_recommendation_item(_meeting_of(ds, r), r) for r in found]
        lines = [
            f"- {i.meeting}/{i.record.number} ({i.record.theme}, {i.record.modality}): {_brief(i.record.text)}"
            for i in items
        ]
        return _result(_answer(ds, items), "\n".join([f"{len(items)} recommendations:", *lines]))

    @server.tool(
        name="recommendation",
        annotations=read_only,
        description=f"One recommendation in full by its number ({numbered('recommendations')}): the Russian "
        "text as written, an editorial English, theme, modality, addressee, treaty references, editorial "
        "topics, SDG targets and specificity, and the paragraph it comes from.",
    )
    def recommendation(
        number: Annotated[StrictInt, Field(description="The recommendation's number as printed.")],
        meeting: meeting_param = None,
    ) -> Annotated[CallToolResult, Answer[Recommendation]]:
        with _library_errors():
            r = ds.recommendation(number, meeting=meeting)
        meeting = _meeting_of(ds, r)
        summary = (
            f"Recommendation {number} of meeting {meeting} ({r.theme}, {r.modality}), para {paras(r.source)}.\n"
            f"Russian (the report): {r.text.ru}\nEnglish (editorial, {r.text.en_origin}): {r.text.en}"
        )
        return _result(_answer(ds, [_recommendation_item(meeting, r)]), summary)

    @server.tool(
        name="states_with_statements",
        annotations=read_only,
        description="The states that made statements at the meeting, each once, in the order the report names "
        "them. Without panellists (the default): the parties and observer states that took the floor (paras 23-24 "
        "of meeting 7), delegations speaking for their state. With include_panellists: also the states of the "
        "panellists, national experts who presented on an agenda item (paras 6, 12, 21-22). Never the European "
        "Union, organizations or the Secretariat: they are not states. Country codes, UN names and regional "
        "groups are reference data; the Russian name is the report's.",
    )
    def states_with_statements(
        include_panellists: Annotated[
            bool, Field(description="Also count the states of the panellists (national experts).")
        ] = False,
        meeting: meeting_param = None,
    ) -> Annotated[CallToolResult, Answer[State]]:
        with _library_errors():
            states = ds.states_with_statements(meeting=meeting, include_panellists=include_panellists)
            statements = ds.statements(meeting=meeting)
        first = {st.actor: ds_meeting for ds_meeting, st in _with_meetings(ds, meeting)}
        items = [
            Item[State](
                meeting=first.get(s.id, meeting),
                uri=None,
                source=sorted(
                    {
                        n
                        for st in statements
                        if st.actor == s.id and (include_panellists or st.kind != "panel")
                        for n in st.source
                    }
                ),
                record=s,
            )
            for s in states
        ]
        who = "with the panellists' states" if include_panellists else "without the panellists' states"
        lines = [f"- {i.record.id} {i.record.name.ru} / {i.record.name.en} (para {paras(i.source)})" for i in items]
        return _result(_answer(ds, items), "\n".join([f"{len(items)} states made statements ({who}):", *lines]))

    @server.tool(
        name="actor",
        annotations=read_only,
        description="A state or organization by any name, code or form: ISO alpha-3 or alpha-2 or M49 code, "
        "acronym, id, the report's Russian name (also the genitive «Австралии»), or the UN short name in any of "
        "the six UN languages. An unknown or ambiguous name is an error that lists the closest candidates. "
        "Returns the actor and how the report of the meeting names it (participant status, statements, "
        "panellists), with paragraphs.",
    )
    def actor(
        name: Annotated[str, Field(description="Any name, code or form, e.g. ITA, Италии, Eurojust, Australia.")],
        meeting: meeting_param = None,
    ) -> Annotated[CallToolResult, Answer[Actor]]:
        with _library_errors():
            a = ds.actor(name)
            if meeting is None:  # the one meeting whose report names it, when only one does
                named_in = [m.number for m in ds.meetings if _mentions(ds, m.number, a.id)]
                meeting = named_in[0] if len(named_in) == 1 else None
            mentions = _mentions(ds, meeting, a.id)
        source = sorted({n for _, numbers in mentions for n in numbers})
        item = Item[Actor](meeting=meeting, uri=None, source=source, record=a)
        roles = [f"{role}, para {paras(numbers)}" for role, numbers in mentions]
        where = "any report" if meeting is None else f"the report of meeting {meeting}"
        named = "; ".join(roles) or f"not named in {where}"
        summary = f"{a.id} ({a.kind}): {a.name.ru} / {a.name.en}. In {where}: {named}."
        return _result(_answer(ds, [item]), summary)

    @server.tool(
        name="paragraph",
        annotations=read_only,
        description="One numbered paragraph of the report, verbatim in Russian (as written), with an editorial "
        f"English, its chapter and section, and editorial topic tags ({numbered('paragraphs')}).",
    )
    def paragraph(
        number: Annotated[StrictInt, Field(description="The paragraph's number as printed.")],
        meeting: meeting_param = None,
    ) -> Annotated[CallToolResult, Answer[Paragraph]]:
        with _library_errors():
            p = ds.paragraph(number, meeting=meeting)
        meeting = _meeting_of(ds, p)
        item = Item[Paragraph](meeting=meeting, uri=uri(meeting, "paragraph", number), source=[number], record=p)
        summary = (
            f"Paragraph {number} of meeting {meeting} (chapter {p.chapter}{'.' + p.section if p.section else ''}).\n"
            f"Russian (the report): {p.text.ru}\nEnglish (editorial, {p.text.en_origin}): {p.text.en}"
        )
        return _result(_answer(ds, [item]), summary)

    _resources(server, ds)
    return server


def _read(ds: Dataset, kind: str, meeting: str | int, number: str | int) -> str:
    """A paragraph or recommendation as a citable text: the Russian as written, the English marked editorial."""
    try:
        m, n = int(meeting), int(number)
        record: Paragraph | Recommendation = (ds.paragraph if kind == "paragraph" else ds.recommendation)(n, meeting=m)
    except ValueError:
        raise ResourceError(f"{kind} and meeting numbers are whole numbers, got {meeting!r} and {number!r}") from None
    except NotFound as exc:
        raise ResourceError(str(exc)) from None
    head = f"{uri(m, kind, n)}\nReport of meeting {m} of the Working Group on the Smuggling of Migrants, "
    if isinstance(record, Paragraph):
        head += f"paragraph {n} (chapter {record.chapter}{'.' + record.section if record.section else ''})."
    else:
        head += f"recommendation {n} ({record.theme}, {record.modality}), in paragraph {paras(record.source)}."
    english = f"English (editorial: {record.text.en_origin}, not the report's words):\n{record.text.en}"
    return f"{head}\n\nRussian (the report's words):\n{record.text.ru}\n\n{english if record.text.en else ''}".rstrip()


def _resources(server: MCPServer, ds: Dataset) -> None:
    """Every paragraph and recommendation as a resource, listed, and the URI templates that find them."""
    for kind in ("paragraph", "recommendation"):
        reader: Callable[..., str] = partial(_read, ds, kind)
        server.resource(
            _SCHEME.replace("{kind}", kind),
            name=kind,
            title=f"A {kind} of a meeting's report",
            description=f"A {kind} of the report, verbatim in Russian, with its editorial English marked as such.",
            mime_type="text/plain",
        )(_bind(reader))
        for m in ds.meetings:
            records: Sequence[Paragraph | Recommendation] = m.paragraphs if kind == "paragraph" else m.recommendations
            for r in records:
                server.add_resource(
                    FunctionResource(
                        uri=uri(m.number, kind, r.number),
                        name=f"meeting-{m.number}-{kind}-{r.number}",
                        title=f"Meeting {m.number}, {kind} {r.number}",
                        description=_brief(r.text, 100),
                        mime_type="text/plain",
                        fn=partial(reader, m.number, r.number),
                    )
                )


def _bind(reader: Callable[..., str]) -> Callable[[str, str], str]:
    """A template function with the parameters the URI template names."""

    def read(meeting: str, number: str) -> str:
        return reader(meeting, number)

    return read


def serve(ds: Dataset) -> None:
    """Serve ``ds`` over MCP on stdin/stdout until the client closes the connection."""
    with suppress(KeyboardInterrupt):
        build(ds).run("stdio")
