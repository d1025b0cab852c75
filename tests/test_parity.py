"""Every question on every surface (issue 26): docs/parity.md held to the code.

The table lists each public query of ``Dataset`` and the command, MCP tool, site page and
notebook type that answer it; a surface that leaves a query out says why. These tests walk
``Dataset`` itself (not a list of their own), run every command through the real parser,
list the MCP server's tools in-process, look for every page in a built site, and display
every result as HTML and as a rich table.
"""

from __future__ import annotations

import ast
import asyncio
import csv
import io
import json
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from smuggling_wg import Dataset

ROOT = Path(__file__).resolve().parents[1]
PARITY = ROOT / "docs" / "parity.md"
SURFACES = ("Command", "MCP tool", "Site page", "Notebook")


def _table() -> list[dict[str, str]]:
    """The rows of docs/parity.md's table, by column name (backticks kept)."""
    lines = [line for line in PARITY.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True)) for line in lines[2:]]


ROWS = _table()


@pytest.fixture(autouse=True)
def _display_language_kept() -> Iterator[None]:
    """The command sets the display language (``--lang``): each test leaves it as it found it."""
    import smuggling_wg as swg

    before = swg.get_display_language()
    yield
    swg.set_display_language(before)


def _code(cell: str) -> str:
    """An entry's name or command line (the text inside its backticks)."""
    assert cell.startswith("`") and cell.endswith("`"), cell
    return cell.strip("`")


def _method(query: str) -> str:
    """The name of the ``Dataset`` attribute a query expression (``ds.counts("theme")``) uses."""
    node = ast.parse(query, mode="eval").body
    node = node.func if isinstance(node, ast.Call) else node
    assert isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ds", query
    return node.attr


def _entries(surface: str) -> list[tuple[str, str]]:
    """(query, entry) for every row a surface answers (not those it leaves out, with a reason)."""
    return [(_code(row["Query"]), _code(row[surface])) for row in ROWS if not row[surface].startswith("—")]


def _run(query: str, ds: Dataset) -> Any:
    return eval(query, {"ds": ds})  # the table's own expressions, e.g. ds.counts("theme")


def test_every_public_query_has_a_row_and_every_surface_an_entry_or_a_reason() -> None:
    public = sorted(name for name in dir(Dataset) if not name.startswith("_"))
    rows = [_method(_code(row["Query"])) for row in ROWS]
    assert sorted(rows) == public, "docs/parity.md and Dataset's public methods differ"
    assert "counts" in public and "profile" in public and "search" in public  # the walk sees the queries
    for row in ROWS:
        for surface in SURFACES:
            cell = row[surface]
            if cell.startswith("—"):
                reason = cell.removeprefix("—").strip()
                assert len(reason.split()) >= 3, f"{row['Query']} on {surface}: a reason, not {cell!r}"
                assert "lands with" not in reason and "todo" not in reason.casefold(), cell
            else:
                assert _code(cell), f"{row['Query']} on {surface}: an empty entry"


def test_the_table_is_linked_from_the_contract_the_readme_and_the_nav() -> None:
    assert "(parity.md)" in (ROOT / "docs" / "api-contract.md").read_text(encoding="utf-8")
    assert "(docs/parity.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "parity.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("query", "line"), _entries("Command"), ids=[q for q, _ in _entries("Command")])
def test_every_command_is_in_the_parser_and_answers(
    query: str, line: str, ds: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smuggling_wg.cli import _parser, _subcommands, main

    argv = shlex.split(line.replace("{out}", str(tmp_path / "out")))
    assert argv[0] == "smuggling-wg"
    if not argv[1].startswith("-"):
        assert argv[1] in _subcommands(_parser()), f"no command {argv[1]!r}"
    assert main(argv[1:]) == 0, capsys.readouterr().err
    captured = capsys.readouterr()
    assert captured.out.strip(), line
    assert all(": note: " in said for said in captured.err.splitlines()), (line, captured.err)  # notes only (search)


def test_every_mcp_tool_is_listed_by_the_server(ds: Dataset) -> None:
    from smuggling_wg._mcp import build

    listed = {tool.name for tool in asyncio.run(build(ds).list_tools())}
    named = {tool for _, tool in _entries("MCP tool")}
    assert named <= listed, f"tools the table names but the server does not list: {sorted(named - listed)}"


def test_every_site_page_is_in_the_built_site(site_dir: Path) -> None:
    for query, entry in _entries("Site page"):
        page, _, part = entry.partition("#")
        for lang in ("ru", "en"):
            assert (site_dir / lang / page).is_file(), f"{query}: no page {lang}/{page}"
            html = (site_dir / lang / page).read_text(encoding="utf-8")
            assert not part or f'id="{part}"' in html, f"{query}: no part #{part} in {lang}/{page}"


@pytest.mark.parametrize(("query", "kind"), _entries("Notebook"), ids=[q for q, _ in _entries("Notebook")])
def test_every_result_displays_in_a_notebook_and_a_rich_console(query: str, kind: str, ds: Dataset) -> None:
    from rich.console import Console

    import smuggling_wg as swg

    result = _run(query, ds)
    assert type(result).__name__ == kind
    with swg.display_language("en"):
        html = result._repr_html_()
        console = Console(record=True, width=120, file=io.StringIO())
        console.print(result.__rich__())
    assert html.startswith("<table") and "<td" in html, query
    shown = console.export_text()
    assert shown.strip() and "object at 0x" not in shown and "object at 0x" not in html, query


# --- the command's JSON and CSV have the exports' columns ------------------------------------

#: Each listing command and the export table that holds its records.
LISTED = {
    "recommendations": "recommendations",
    "paragraphs": "paragraphs",
    "states": "states",
    "participants": "participants",
    "statements": "statements",
    "speakers": "speakers",
    "agenda": "agenda_items",
    "documents": "documents",
    "topics": "topics",
}


@pytest.fixture(scope="module")
def exported(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from smuggling_wg.export import export

    out = tmp_path_factory.mktemp("parity-export")
    export(ds, "csv", out)
    export(ds, "json", out)
    return out


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    from smuggling_wg.cli import main

    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


@pytest.mark.parametrize("command", LISTED)
def test_the_commands_csv_has_the_export_tables_columns(
    command: str, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = LISTED[command]
    with (exported / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        export_header = next(csv.reader(f))
    shown = list(csv.reader(io.StringIO(_cli(capsys, command, "--format", "csv"))))
    assert shown[0] == export_header
    assert len(shown) > 1


@pytest.mark.parametrize("command", ["recommendations", "paragraphs", "statements", "speakers", "participants"])
def test_the_commands_json_has_the_json_exports_keys(
    command: str, exported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads((exported / "smuggling-wg.json").read_text(encoding="utf-8"))["data"]
    records = document["meetings"][0][command]
    shown = json.loads(_cli(capsys, command, "--format", "json"))
    assert [list(r) for r in shown] == [list(r) for r in records][: len(shown)]
    assert shown[0] == records[0]


def test_counts_and_crosstab_in_every_format(capsys: pytest.CaptureFixture[str], ds: Dataset) -> None:
    assert _cli(capsys, "counts", "theme", "--format", "csv") == "theme,n\ncrises,7\ntechnology,15\n"
    cells = json.loads(_cli(capsys, "crosstab", "theme", "modality", "--format", "json"))
    assert cells[0] == {"theme": "crises", "modality": "should", "n": 6}
    assert sum(c["n"] for c in cells) == len(ds.recommendations()) == 22
    import yaml

    assert yaml.safe_load(_cli(capsys, "counts", "modality", "--format", "yaml")) == [
        {"modality": m, "n": n} for m, n in ds.counts("modality")
    ]
    table = _cli(capsys, "crosstab", "theme", "modality", "--lang", "en")
    assert "theme × modality" in table and "Technology and cyberspace" in table and "may wish" in table
    assert _cli(capsys, "counts", "topic", "--format", "csv").count("\n") == 1 + len(ds.topics)
    assert _cli(capsys, "crosstab", "theme", "theme", "--format", "csv").startswith("row,column,n\ncrises,crises,7\n")
    participation = _cli(capsys, "participation", "--format", "csv").splitlines()
    assert participation[0] == "regional_group,status,n" and "african,party,10" in participation


def test_counts_errors_are_the_librarys(capsys: pytest.CaptureFixture[str]) -> None:
    from smuggling_wg.cli import main

    assert main(["counts", "them"]) == 2
    assert "error: unknown dimension 'them'. Did you mean 'theme'?" in capsys.readouterr().err
    assert main(["crosstab", "theme", "modalty"]) == 2
    assert "Did you mean 'modality'?" in capsys.readouterr().err
    assert main(["counts", "theme", "--provenance", "guess"]) == 2
    assert "unknown provenance 'guess'" in capsys.readouterr().err
    assert main(["counts", "theme", "--meeting", "99"]) == 1
    assert "no meeting 99. Valid: 7." in capsys.readouterr().err
    assert main(["crosstab", "theme"]) == 2  # a usage error: the columns' dimension is missing
    capsys.readouterr()


def test_show_actor_gives_the_whole_profile(ds: Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    profile = ds.profile("Italy").model_dump(mode="json")
    assert json.loads(_cli(capsys, "show", "actor", "Italy", "--format", "json")) == [profile]
    assert yaml.safe_load(_cli(capsys, "show", "actor", "Italy", "--format", "yaml")) == [profile]
    rows = list(csv.DictReader(io.StringIO(_cli(capsys, "show", "actor", "Italy", "--format", "csv"))))
    assert [r["role"] for r in rows] == ["participants", "statements", "statements", "speakers", "chair"]
    assert {r["actor"] for r in rows} == {"ITA"} and {r["meeting"] for r in rows} == {"7"}
    assert rows[0]["status"] == "party" and rows[0]["source"] == "27"
    assert (rows[1]["kind"], rows[1]["speaker"], rows[2]["kind"], rows[2]["source"]) == ("panel", "3", "party", "23")
    assert (rows[1]["agenda_item"], rows[2]["agenda_item"], rows[2]["agenda_attribution"]) == ("2", "2;3", "group")
    assert rows[3]["name_en"] == "Simona Ragazzi" and rows[3]["agenda_item"] == "2"
    assert (rows[4]["name_ru"], rows[4]["source"]) == ("Франческо Теста", "19")
    table = _cli(capsys, "show", "actor", "Italy", "--lang", "en").splitlines()
    assert table[0] == "Italy: profile" and "ActorProfile" not in "\n".join(table)
    assert _cli(capsys, "show", "actor", "ITA").splitlines()[0] == "Италия: профиль"
    assert _cli(capsys, "show", "rec", "8", "--lang", "en").splitlines()[0] == "Recommendation 8"
    assert _cli(capsys, "show", "topic", "cyberspace", "--lang", "en").splitlines()[0] == "Topic cyberspace"
    assert _cli(capsys, "show", "speaker", "3", "--lang", "en").splitlines()[0] == "Panellist 3"
