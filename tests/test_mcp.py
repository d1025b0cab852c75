"""The MCP server (`smuggling-wg mcp`), driven over stdio by the MCP SDK's own client, as an assistant would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import anyio.from_thread
import pytest
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.shared.exceptions import MCPError
from mcp.types import CallToolResult, InitializeResult, TextContent, TextResourceContents

import smuggling_wg as swg
from smuggling_wg.dataset import Dataset

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example-meeting.yaml"
#: One tool per public query of the dataset (agenda and documents read the meeting's own lists).
TOOLS = {
    "search",
    "recommendations",
    "recommendation",
    "paragraphs",
    "paragraph",
    "source_text",
    "meeting",
    "states_with_statements",
    "statements",
    "participants",
    "participation",
    "speakers",
    "speaker",
    "actor",
    "profile",
    "agenda",
    "documents",
    "topics",
    "topic",
    "counts",
    "crosstab",
}


@asynccontextmanager
async def _connect(env: dict[str, str], errlog: TextIO) -> AsyncIterator[tuple[ClientSession, InitializeResult]]:
    """A server process (`python -m smuggling_wg mcp`, its stderr to ``errlog``) and an initialized session to it."""
    inherited = {k: v for k, v in os.environ.items() if k != "SMUGGLING_WG_PATH"}  # PYTHONPATH: this checkout
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "smuggling_wg", "mcp"], env={**inherited, **env}, cwd=ROOT
    )
    async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as session:
        yield session, await session.initialize()


@dataclass
class Server:
    """A running server and its client session, called from synchronous tests through a portal."""

    portal: anyio.from_thread.BlockingPortal
    session: ClientSession
    init: InitializeResult

    def call(self, tool: str, **arguments: Any) -> CallToolResult:
        result = self.portal.call(self.session.call_tool, tool, arguments)
        assert isinstance(result, CallToolResult)
        return result

    def answer(self, tool: str, **arguments: Any) -> dict[str, Any]:
        """A successful call's structured content, checked against its JSON text."""
        result = self.call(tool, **arguments)
        assert not result.is_error, result.content
        assert result.structured_content is not None
        summary, full = result.content
        assert isinstance(summary, TextContent) and isinstance(full, TextContent)
        content: dict[str, Any] = result.structured_content
        assert json.loads(full.text) == content
        return content

    def error(self, tool: str, **arguments: Any) -> str:
        """A failed call's message (a tool error, not a protocol error)."""
        result = self.call(tool, **arguments)
        assert result.is_error
        (content,) = result.content
        assert isinstance(content, TextContent)
        assert "Traceback" not in content.text
        return content.text

    def read(self, uri: str) -> str:
        result = self.portal.call(self.session.read_resource, uri)
        (content,) = result.contents
        assert isinstance(content, TextResourceContents)
        return content.text


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    yield from serve_session({})


@pytest.fixture(scope="module")
def user_server() -> Iterator[Server]:
    yield from serve_session({"SMUGGLING_WG_PATH": str(EXAMPLE)})


def serve_session(env: dict[str, str]) -> Iterator[Server]:
    """A server process with ``env`` added, and its client session, for as long as the caller holds it.

    Whatever the calls, the server writes nothing to its stderr: no traceback, no error logged.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errlog:
        with (
            anyio.from_thread.start_blocking_portal() as portal,
            portal.wrap_async_context_manager(_connect(env, errlog)) as (session, init),
        ):
            yield Server(portal, session, init)
        errlog.seek(0)
        assert errlog.read() == "", "the server's stderr"


def _numbers(answer: dict[str, Any]) -> list[int]:
    return [item["record"]["number"] for item in answer["results"]]


def _cited(answer: dict[str, Any]) -> list[tuple[int, int]]:
    return [(c["meeting"], c["paragraph"]) for c in answer["cited_paragraphs"]]


def _editorial(answer: dict[str, Any]) -> dict[str, str]:
    return {e["field"]: e["marker"] for e in answer["editorial"]}


# --- the handshake and the listings ----------------------------------------------------------


def test_the_server_names_itself_and_the_data_version(server: Server) -> None:
    info = server.init.server_info
    assert info.name == "smuggling-wg"
    assert info.version == swg.__version__
    assert f"data {swg.DATA_VERSION}" in (info.title or "")
    instructions = server.init.instructions or ""
    assert f"data version {swg.DATA_VERSION}" in instructions
    assert "bundled data only" in instructions and "meeting 7 (2020-09-08 to 2020-09-09: 22 rec" in instructions
    assert "cited_paragraphs" in instructions and "editorial" in instructions


def test_every_tool_is_listed_with_a_description_and_schemas(server: Server) -> None:
    tools = {t.name: t for t in server.portal.call(server.session.list_tools).tools}
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert len(tool.description or "") > 100
        assert "Example" in (tool.description or ""), tool.name
        assert tool.output_schema is not None and "cited_paragraphs" in tool.output_schema["properties"]
        assert tool.annotations is not None and tool.annotations.read_only_hint
        assert tool.input_schema["additionalProperties"] is False, "unknown arguments are refused"
    params = {name: set(t.input_schema["properties"]) for name, t in tools.items()}
    assert params["search"] == {"query", "kind", "language", "meeting", "standing", "limit", "kinds", "lang"}
    assert tools["search"].input_schema["properties"]["lang"]["deprecated"] is True
    assert params["recommendations"] == {
        "theme",
        "modality",
        "topic",
        "sdg_target",
        "instrument",
        "article",
        "addressee_kind",
        "specificity",
        "provenance",
        "text",
        "meeting",
    }
    assert params["recommendation"] == params["paragraph"] == {"number", "meeting"}
    assert params["states_with_statements"] == {"include_panellists", "include_panelists", "meeting"}
    assert params["actor"] == {"name", "meeting"}
    assert tools["recommendation"].input_schema["required"] == ["number"]
    assert "crises, technology" in tools["recommendations"].input_schema["properties"]["theme"]["description"]


def test_every_paragraph_recommendation_agenda_item_actor_and_topic_is_a_listed_resource(
    server: Server, ds: Dataset
) -> None:
    resources = server.portal.call(server.session.list_resources).resources
    uris = [str(r.uri) for r in resources]
    assert uris == (
        [f"smuggling-wg://meeting/7/paragraph/{n}" for n in range(1, 35)]
        + [f"smuggling-wg://meeting/7/recommendation/{n}" for n in range(1, 23)]
        + [f"smuggling-wg://meeting/7/agenda_item/{n}" for n in range(1, 6)]
        + [f"smuggling-wg://actor/{a.id}" for a in ds.actors]
        + [f"smuggling-wg://topic/{t.id}" for t in ds.topics]
    )
    assert all(r.mime_type == "text/plain" and r.description for r in resources)
    templates = server.portal.call(server.session.list_resource_templates).resource_templates
    assert sorted(t.uri_template for t in templates) == [
        "smuggling-wg://actor/{id}",
        "smuggling-wg://meeting/{meeting}/agenda_item/{number}",
        "smuggling-wg://meeting/{meeting}/paragraph/{number}",
        "smuggling-wg://meeting/{meeting}/recommendation/{number}",
        "smuggling-wg://topic/{id}",
    ]


# --- the tools -------------------------------------------------------------------------------


def test_recommendations_by_theme_are_the_library_records_cited_and_marked(server: Server, ds: Dataset) -> None:
    answer = server.answer("recommendations", theme="technology")
    assert answer["count"] == answer["total"] == 15
    assert _numbers(answer) == list(range(8, 23))
    assert [item["record"] for item in answer["results"]] == [
        r.model_dump(mode="json") for r in ds.recommendations(theme="technology")
    ]
    first = answer["results"][0]
    assert first["meeting"] == 7 and first["source"] == [3]
    assert first["uri"] == "smuggling-wg://meeting/7/recommendation/8"
    assert answer["cited_paragraphs"] == [{"meeting": 7, "paragraph": 3, "uri": "smuggling-wg://meeting/7/paragraph/3"}]
    assert answer["data_version"] == swg.DATA_VERSION
    assert _editorial(answer) == {  # from each field's declared origin, and the records' own markers
        "results[].record.text.en": "en_origin=unofficial_translation",
        "results[].record.treaty_refs[]": "provenance=editorial",
        "results[].record.addressee_kind": "origin=editorial",
        "results[].record.topics": "origin=editorial",
        "results[].record.sdg_targets": "origin=editorial",
        "results[].record.specificity": "origin=editorial",
    }
    summary = server.call("recommendations", theme="technology").content[0]
    assert isinstance(summary, TextContent)
    assert summary.text.startswith(
        "15 recommendations:\n- 7/8 (Technology and cyberspace; encouraged): Государствам-участникам"
    )
    assert "Cited paragraphs (meeting:paragraph): 7:3." in summary.text
    assert "Editorial, not the report's words: results[].record.addressee_kind, " in summary.text


def test_recommendations_take_every_filter_of_the_library(server: Server, ds: Dataset) -> None:
    assert _numbers(server.answer("recommendations", theme="crises")) == [1, 2, 3, 4, 5, 6, 7]
    assert _numbers(server.answer("recommendations", article="convention:19", provenance="source")) == [8]
    both = server.answer("recommendations", modality=["should", "may_wish"], theme="technology")
    assert _numbers(both) == [r.number for r in ds.recommendations(modality=["should", "may_wish"], theme="technology")]
    assert _numbers(server.answer("recommendations", topic="digital_evidence")) == [
        r.number for r in ds.recommendations(topic="digital_evidence")
    ]
    assert _numbers(server.answer("recommendations", specificity=[4, 5], sdg_target="16.4")) == [
        r.number for r in ds.recommendations(specificity=[4, 5], sdg_target="16.4")
    ]
    assert _numbers(server.answer("recommendations", text="ЦИФРОВЫХ", meeting=7)) == [
        r.number for r in ds.recommendations(text="цифровых")
    ]
    assert server.answer("recommendations")["count"] == 22
    nothing = server.answer("recommendations", text="no such words anywhere")
    assert nothing["count"] == 0 and nothing["results"] == [] and nothing["cited_paragraphs"] == []


def test_bad_filters_are_tool_errors_with_the_library_message(server: Server) -> None:
    message = server.error("recommendations", theme="crisis")
    assert "unknown theme 'crisis'. Did you mean 'crises'? Valid: crises, technology." in message
    assert "unknown modality 'must'" in server.error("recommendations", modality="must")
    assert "unknown provenance 'mine'" in server.error("recommendations", provenance="mine")
    assert "unknown specificity 9" in server.error("recommendations", specificity=9)
    assert "no meeting 8" in server.error("recommendations", meeting=8)
    assert "specificity" in server.error("recommendations", specificity="high")  # fails the input schema
    assert "specificity" in server.error("recommendations", specificity="4"), "numbers are numbers, as in the library"


def test_one_recommendation_in_full(server: Server, ds: Dataset) -> None:
    answer = server.answer("recommendation", number=8)
    (item,) = answer["results"]
    assert item["record"] == ds.recommendation(8).model_dump(mode="json")
    assert item["record"]["treaty_refs"][0]["provenance"] == "source"
    assert _cited(answer) == [(7, 3)]
    summary = server.call("recommendation", number=8).content[0]
    assert isinstance(summary, TextContent)
    assert f"Russian (the report): {ds.recommendation(8).text.ru}" in summary.text
    assert summary.text.startswith(
        "Recommendation 8 of the 7th meeting (Technology and cyberspace; encouraged), para 3."
    )
    assert "English (editorial, unofficial translation):" in summary.text


def test_an_unknown_recommendation_is_a_tool_error_naming_the_valid_numbers(server: Server) -> None:
    message = server.error("recommendation", number=99)
    assert "no recommendation 99." in message and "Valid: 1, 2, 3" in message and ", 22." in message
    assert "no recommendation 0." in server.error("recommendation", number=0)
    assert "number" in server.error("recommendation", number="eight")
    assert "number" in server.error("recommendation")


def test_states_with_statements_with_and_without_panellists(server: Server, ds: Dataset) -> None:
    without = server.answer("states_with_statements")
    assert [i["record"]["id"] for i in without["results"]] == [s.id for s in ds.states_with_statements()]
    assert without["count"] == 12
    assert {n for _, n in _cited(without)} == {23, 24}
    assert without["results"][0]["record"] == ds.actor("AUS").model_dump(mode="json")
    assert without["results"][0]["source"] == [23]
    with_panel = server.answer("states_with_statements", include_panellists=True)
    assert with_panel["count"] == 16
    assert [i["record"]["id"] for i in with_panel["results"]][:5] == ["ZAF", "ARG", "ITA", "ESP", "ECU"]
    assert {6, 12, 21, 22, 23, 24} <= {n for _, n in _cited(with_panel)}
    assert _editorial(with_panel) == {"results[].record.name.en": "en_origin=un_official"}
    assert "include_panellists" in server.error("states_with_statements", include_panellists="maybe")


def test_actor_by_any_name_cites_where_the_report_names_it(server: Server, ds: Dataset) -> None:
    for name in ("Австралии", "AUS", "au", "036", "Australia", "австралия"):
        answer = server.answer("actor", name=name)
        (item,) = answer["results"]
        assert item["record"] == ds.actor("AUS").model_dump(mode="json"), name
        assert item["source"] == [23, 27]
    eurojust = server.answer("actor", name="Eurojust")
    assert eurojust["results"][0]["record"]["id"] == "eurojust" and eurojust["results"][0]["source"] == [25, 30]
    assert "results[].record.note" in _editorial(eurojust)
    summary = server.call("actor", name="Австралии").content[0]
    assert isinstance(summary, TextContent)
    assert (
        "In the report of the 7th meeting: participant (party to the Protocol), para 27; "
        "statement by a party to the Protocol, para 23." in summary.text
    )


def test_an_actor_is_named_as_it_was_at_the_meeting(server: Server, ds: Dataset) -> None:
    turkey = server.call("actor", name="TUR").content[0]
    assert isinstance(turkey, TextContent)
    then = ds.name_at("TUR", meeting=7, lang="en")
    assert then == "Turkey" and f"TUR (state): Турция / Türkiye (at the 7th meeting: {then})." in turkey.text


def test_an_unknown_actor_lists_the_closest_candidates(server: Server) -> None:
    message = server.error("actor", name="Austrlia")
    assert "no actor 'Austrlia'. Closest: AUS (Australia), AUT (Austria)" in message


def test_paragraph_verbatim_with_its_editorial_english(server: Server, ds: Dataset) -> None:
    answer = server.answer("paragraph", number=19)
    (item,) = answer["results"]
    assert item["record"] == ds.paragraph(19).model_dump(mode="json")
    assert item["record"]["text"]["ru"].startswith("Совещание открыл Председатель Рабочей группы Франческо Теста")
    assert item["uri"] == "smuggling-wg://meeting/7/paragraph/19" and item["source"] == [19]
    assert _cited(answer) == [(7, 19)]
    assert _editorial(answer) == {"results[].record.text.en": "en_origin=unofficial_translation"}  # no tags
    tagged = server.answer("paragraph", number=13)
    assert tagged["results"][0]["record"]["topics"] and _editorial(tagged)["results[].record.topics"] == (
        "origin=editorial"
    )
    assert "no paragraph 35." in server.error("paragraph", number=35)
    assert "no meeting 1" in server.error("paragraph", number=1, meeting=1)


def _hits(answer: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(i["kind"], i["key"], i["language"], i["score"], i["source"], i["record"]) for i in answer["results"]]


def _library_hits(hits: Any) -> list[tuple[Any, ...]]:
    return [(h.kind, h.key, h.language, h.score, list(h.source), h.record.model_dump(mode="json")) for h in hits]


def test_search_hits_are_the_library_hits_flat_and_cited(server: Server, ds: Dataset) -> None:
    answer = server.answer("search", query="цифровые доказательства", kind="recommendation")
    hits = ds.search("цифровые доказательства", kind="recommendation")
    first = answer["results"][0]
    assert set(first) == {"meeting", "uri", "source", "kind", "key", "language", "score", "snippet", "record"}
    assert _hits(answer) == _library_hits(hits[:10]) and answer["total"] == len(hits)
    assert 14 in [i["key"] for i in answer["results"]]
    assert first["uri"] == f"smuggling-wg://meeting/7/recommendation/{first['key']}"
    assert first["snippet"] == hits[0].highlight() and "**цифровых доказательств**" in answer["results"][0]["snippet"]
    assert _cited(answer) == [(7, 3)]
    explained = getattr(hits, "explanation", None)  # how the library read the query, where it says
    assert answer["explanation"] == (
        None if explained is None else {"said": list(explained.lines()), "details": answer["explanation"]["details"]}
    )
    english = server.answer("search", query="digital evidence", language="en", limit=2)
    assert english["count"] == 2 and english["total"] > 2
    assert _editorial(english)["results[].snippet"] == "language=en"
    panel = server.call("search", query="Ледваба", kind=["speaker", "paragraph"])
    structured = panel.structured_content or {}
    assert _hits(structured) == _library_hits(ds.search("Ледваба", kind=["speaker", "paragraph"]))
    speaker = next(i for i in structured["results"] if i["kind"] == "speaker")
    assert speaker["uri"] is None and speaker["record"]["order"] == 1 and speaker["source"] == [6, 7, 21]
    summary = panel.content[0]
    assert isinstance(summary, TextContent)
    assert "\n- panellist 1 (the 7th meeting, paras 6, 7 and 21, Russian): " in summary.text


def test_bad_searches_are_tool_errors_with_the_library_message(server: Server, ds: Dataset) -> None:
    arguments: dict[str, Any]
    for arguments in ({"kind": "recommendations"}, {"language": "de"}):
        with pytest.raises(swg.SmugglingWGError) as raised:
            ds.search("данные", **arguments)  # type: ignore[call-overload]  # the refused values, on purpose
        assert server.error("search", query="данные", **arguments) == f"search: {raised.value}"
    assert "unknown kind 'recommendations'" in server.error("search", query="данные", kind="recommendations")
    assert "limit" in server.error("search", query="данные", limit=0)


# --- resources and robustness ----------------------------------------------------------------


def test_a_paragraph_resource_is_its_russian_text(server: Server, ds: Dataset) -> None:
    text = server.read("smuggling-wg://meeting/7/paragraph/19")
    assert text.startswith("smuggling-wg://meeting/7/paragraph/19\n")
    assert f"Russian (the report's words):\n{ds.paragraph(19).text.ru}\n" in text
    assert "English (editorial: unofficial translation, not the report's words):" in text
    recommendation = server.read("smuggling-wg://meeting/7/recommendation/8")
    assert "recommendation 8 (Technology and cyberspace; encouraged), in para 3." in recommendation
    assert ds.recommendation(8).text.ru in recommendation


def test_an_unknown_resource_is_an_error_with_the_library_message(server: Server) -> None:
    for uri, expected in [
        ("smuggling-wg://meeting/7/paragraph/99", "no paragraph 99."),
        ("smuggling-wg://meeting/8/recommendation/1", "no meeting 8."),
        ("smuggling-wg://meeting/7/paragraph/nineteen", "digits 0-9 is expected, got 'nineteen'"),
    ]:
        with pytest.raises(MCPError, match=expected):
            server.portal.call(server.session.read_resource, uri)


def test_the_server_stays_up_after_errors(server: Server) -> None:
    server.error("recommendation", number=99)
    assert "Unknown tool" in server.error("no_such_tool")
    with pytest.raises(MCPError):
        server.portal.call(server.session.read_resource, "smuggling-wg://nothing")
    server.portal.call(server.session.send_ping)
    assert server.answer("recommendation", number=1)["count"] == 1


# --- user data and the command ---------------------------------------------------------------


def test_the_server_serves_user_data_and_says_so(user_server: Server) -> None:
    instructions = user_server.init.instructions or ""
    assert "merged with 1 data file named by $SMUGGLING_WG_PATH" in instructions
    assert str(EXAMPLE) not in instructions, "no file name in the guidance channel"
    assert "meeting 99" in instructions
    ds = swg.load(extra=[EXAMPLE])
    answer = user_server.answer("recommendations", meeting=99)
    assert [i["record"] for i in answer["results"]] == [
        r.model_dump(mode="json") for r in ds.recommendations(meeting=99)
    ]
    assert answer["count"] > 0 and {c["meeting"] for c in answer["cited_paragraphs"]} == {99}
    assert answer["results"][0]["uri"] == "smuggling-wg://meeting/99/recommendation/1"
    assert user_server.answer("recommendations")["count"] == 22 + len(ds.meeting(99).recommendations)
    uris = [str(r.uri) for r in user_server.portal.call(user_server.session.list_resources).resources]
    assert "smuggling-wg://meeting/99/paragraph/1" in uris
    assert ds.paragraph(1, meeting=99).text.ru in user_server.read("smuggling-wg://meeting/99/paragraph/1")


def _command(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=120,
    )


def test_the_command_without_the_sdk_says_what_to_install() -> None:
    done = _command("import sys; sys.modules['mcp'] = None; from smuggling_wg.cli import main; sys.exit(main(['mcp']))")
    assert done.returncode == 1, "a missing extra: exit 1, as for export and site"
    assert "smuggling-wg mcp: error: the MCP server needs the mcp package: pip install 'smuggling-wg[mcp]'" in (
        done.stderr
    )
    assert "Traceback" not in done.stderr


def test_the_command_with_bad_user_data_fails_clearly_and_the_cli_does_not_import_the_sdk() -> None:
    done = _command(
        "import sys; from smuggling_wg.cli import main; sys.exit(main(['mcp']))", {"SMUGGLING_WG_PATH": "/nope"}
    )
    assert done.returncode == 1
    assert done.stderr == "smuggling-wg mcp: 1 problem with the files given:\n- /nope: no such file or folder\n"
    done = _command("import sys, smuggling_wg.cli; print('mcp' in sys.modules)")
    assert done.stdout == "False\n"


def test_the_server_ends_when_its_client_closes_the_connection() -> None:
    done = _command("import sys; from smuggling_wg.cli import main; sys.exit(main(['mcp']))")
    assert (done.returncode, done.stdout) == (0, "")


# --- the documentation -----------------------------------------------------------------------

SNIPPET = '{"mcpServers": {"smuggling-wg": {"command": "smuggling-wg", "args": ["mcp"]}}}'


def test_readme_and_docs_register_the_installed_command() -> None:
    from importlib.metadata import entry_points

    for page in (ROOT / "README.md", ROOT / "docs" / "mcp.md"):
        assert SNIPPET in page.read_text(encoding="utf-8"), page.name
    entry = json.loads(SNIPPET)["mcpServers"]["smuggling-wg"]
    (script,) = entry_points(group="console_scripts", name=entry["command"])
    assert script.value == "smuggling_wg.cli:main_entry" and entry["args"] == ["mcp"]


def test_the_docs_client_example_runs() -> None:
    page = (ROOT / "docs" / "mcp.md").read_text(encoding="utf-8")
    (code,) = [block.split("```", 1)[0] for block in page.split("```python\n")[1:]]
    launch = 'args=["-m", "smuggling_wg", "mcp"])'
    assert launch in code
    # The SDK starts a server with a minimal environment: pass ours on, so the server is this checkout's.
    done = _command(code.replace(launch, launch[:-1] + ', env=dict(__import__("os").environ))'))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "15 recommendations:\n- 7/8 (Technology and cyberspace; encouraged): Государствам-участникам"
    )


def test_the_docs_transcript_is_what_the_server_answers() -> None:
    done = subprocess.run(
        [sys.executable, "tools/mcp_docs.py", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    page = (ROOT / "docs" / "mcp.md").read_text(encoding="utf-8")
    shown = [line.split("`")[1] for line in page.splitlines() if line.startswith("**`")]
    assert set(shown) == TOOLS, "a transcript of each tool"


def test_llms_txt_maps_the_docs_pages() -> None:
    import re

    import yaml

    text = (ROOT / "docs" / "llms.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# smuggling_wg" and lines[2].startswith("> ")
    assert [line for line in lines if line.startswith("## ")] == ["## Docs", "## Optional"]
    links = re.findall(r"^- \[[^]]+\]\(([a-z-]+)/\): \S", text, flags=re.MULTILINE)
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    pages = {page.removesuffix(".md") for entry in nav for page in entry.values()} - {"index"}
    assert sorted(links) == sorted(pages)
    assert "22 recommendations" in text and "34 paragraphs" in text and "smuggling-wg mcp" in text
