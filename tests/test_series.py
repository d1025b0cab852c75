"""The outputs take a series (issue 28): the site, the exports and the MCP server answer across every meeting loaded.

The series: the bundled meeting 7, the example meeting 99 and two generated meetings (101,
102: the bundled meeting under new numbers, as benchmarks/series.py writes them).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anyio.from_thread
import pytest
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.types import CallToolResult

import smuggling_wg as swg
from smuggling_wg._site import MANIFEST
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import export, site
from test_site import pages

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example-meeting.yaml"
sys.path.insert(0, str(ROOT / "benchmarks"))
from series import write_series  # noqa: E402

NUMBERS = [7, 99, 101, 102]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return [EXAMPLE, *write_series(tmp_path_factory.mktemp("series"), 2)]


@pytest.fixture(scope="module")
def series(files: list[Path]) -> Dataset:
    ds = swg.load(extra=files)
    assert [m.number for m in ds.meetings] == NUMBERS
    return ds


@pytest.fixture(scope="module")
def series_site(series: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("series-site") / "site"
    site(series, out)
    return out


def test_the_site_of_a_series_has_each_meetings_site_and_a_series_page(series_site: Path, series: Dataset) -> None:
    assert sorted(p.name for p in (series_site / "meetings").iterdir()) == sorted(map(str, NUMBERS))
    parsed = pages(series_site)
    for number in NUMBERS:
        for lang in ("ru", "en"):
            assert f"meetings/{number}/{lang}/index.html" in parsed
            recs = series.meeting(number).recommendations
            assert {f"meetings/{number}/{lang}/recommendations/{r.number}.html" for r in recs} <= set(parsed)
    for lang, heading in (("ru", "Совещания"), ("en", "The meetings")):
        text = (series_site / lang / "index.html").read_text(encoding="utf-8")
        assert f'<h2 id="meetings">{heading}</h2>' in text
        page = parsed[f"{lang}/index.html"]
        assert [f"meeting-{n}" for n in NUMBERS] == sorted((i for i in page.ids if i.startswith("meeting-")), key=_n)
        assert f'<a href="../meetings/99/{lang}/recommendations.html">1</a>' in text
    assert "Русский" in (series_site / "index.html").read_text(encoding="utf-8")
    # each language in words: dates, the meeting's ordinal, the data version (issue 23)
    ru = (series_site / "ru" / "index.html").read_text(encoding="utf-8")
    en = (series_site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2020-09-08">8–9 сентября 2020 года</time>' in ru and ">7-е совещание</a>" in ru
    assert '<time datetime="2020-09-08">8–9 September 2020</time>' in en and ">7th meeting</a>" in en
    assert "версия данных" in ru and ", data " not in ru and "data version" in en


def _n(anchor: str) -> int:
    return int(anchor.rsplit("-", 1)[1])


def test_the_series_page_gives_the_recommendations_by_theme_across_meetings(series_site: Path) -> None:
    page = pages(series_site)["en/index.html"]
    linked = [
        urlsplit(link).path.split("/") for link in page.links if "/recommendations/" in link and link.endswith(".html")
    ]
    by_meeting = Counter(int(parts[2]) for parts in linked)
    assert by_meeting == {7: 22, 99: 1, 101: 22, 102: 22}  # every recommendation once
    text = (series_site / "en" / "index.html").read_text(encoding="utf-8")
    themes = [i for i in page.ids if i.startswith("theme-") and i.count("-") == 1]
    assert sorted(themes) == ["theme-crises", "theme-example", "theme-technology"]
    crises = text[text.index('id="theme-crises"') : text.index('id="theme-technology"')]
    assert crises.count("/recommendations/") == 3 * 7  # recommendations 1-7 of meetings 7, 101 and 102
    assert "101st meeting: Recommendations on the impact" in crises
    ru = (series_site / "ru" / "index.html").read_text(encoding="utf-8")
    assert "Рекомендации по темам во всех совещаниях" in ru and "Рекомендация 22" in ru


def test_every_link_of_the_series_site_resolves(series_site: Path) -> None:
    parsed = pages(series_site)
    for rel, page in parsed.items():
        if rel.startswith("meetings/"):
            continue  # each meeting's site is checked by test_site.py; here, the series pages into them
        for link in page.links:
            target = urlsplit(link)
            assert not target.scheme and not target.netloc, (rel, link)
            path = (series_site / rel).parent / target.path if target.path else series_site / rel
            assert path.resolve().is_file(), (rel, link)
            if target.fragment:
                assert target.fragment in parsed[path.resolve().relative_to(series_site).as_posix()].ids, (rel, link)


def test_each_meetings_site_in_a_series_is_its_own_site(series_site: Path, series: Dataset, tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    site(series, alone, meeting=99)
    inside = series_site / "meetings" / "99"
    files = sorted(p.relative_to(alone).as_posix() for p in alone.rglob("*") if p.is_file() and p.name != MANIFEST)
    assert files == sorted(p.relative_to(inside).as_posix() for p in inside.rglob("*") if p.is_file())
    for rel in ("en/index.html", "ru/recommendations.html", "assets/search-index.js"):
        assert (alone / rel).read_bytes() == (inside / rel).read_bytes()


def test_a_series_site_replaces_an_earlier_site_and_lists_its_files(
    series: Dataset, tmp_path: Path, files: list[Path]
) -> None:
    out = tmp_path / "site"
    site(swg.load(), out)  # an earlier site of one meeting
    written = site(series, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["meetings"] == NUMBERS
    assert sorted(p.relative_to(out).as_posix() for p in written) == sorted([*manifest["files"], MANIFEST])
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == sorted(
        [*manifest["files"], MANIFEST]
    )
    site(swg.load(extra=[EXAMPLE]), out, meeting=99)  # and a site of one meeting replaces the series
    assert not (out / "meetings").exists()


def test_the_command_builds_the_series_of_the_meetings_loaded(files: list[Path], tmp_path: Path) -> None:
    env = {**os.environ, "SMUGGLING_WG_PATH": os.pathsep.join(map(str, files))}
    out = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "smuggling_wg", "site", "--out", str(out)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (out / "meetings").iterdir()) == sorted(map(str, NUMBERS))
    assert (out / "en" / "index.html").is_file()


def test_table_exports_hold_every_meeting(series: Dataset, tmp_path: Path) -> None:
    export(series, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "recommendations.csv").open(encoding="utf-8") as rows:
        counts = Counter(line.split(",", 1)[0] for line in rows.read().splitlines()[1:] if line[:1].isdigit())
    assert {int(k): n for k, n in counts.items() if k.isdigit()} == {7: 22, 99: 1, 101: 22, 102: 22}
    export(series, "sqlite", tmp_path / "sqlite")
    with sqlite3.connect(tmp_path / "sqlite" / "smuggling-wg.db") as db:
        grouped = db.execute("select meeting, count(*) from recommendations group by meeting order by meeting")
        assert grouped.fetchall() == [(7, 22), (99, 1), (101, 22), (102, 22)]
        assert [n for (n,) in db.execute("select number from meetings order by number")] == NUMBERS
    export(series, "json", tmp_path / "json")
    data = json.loads((tmp_path / "json" / "smuggling-wg.json").read_text(encoding="utf-8"))["data"]
    assert [m["number"] for m in data["meetings"]] == NUMBERS
    written = export(series, "akn", tmp_path / "akn")
    assert sorted(p.name for p in written if p.suffix == ".xml") == sorted(
        f"report-{n}.{lang}.akn.xml" for n in NUMBERS for lang in ("ru", "en")
    )


class _Server:
    """An MCP server over the series, driven by the MCP SDK's client through a portal."""

    def __init__(self, portal: anyio.from_thread.BlockingPortal, session: ClientSession) -> None:
        self.portal, self.session = portal, session

    def answer(self, tool: str, **arguments: Any) -> dict[str, Any]:
        result = self.portal.call(self.session.call_tool, tool, arguments)
        assert isinstance(result, CallToolResult) and not result.is_error, result.content
        content: dict[str, Any] | None = result.structured_content
        assert content is not None
        return content


@pytest.fixture(scope="module")
def mcp_server(files: list[Path]) -> Iterator[_Server]:
    env = {**os.environ, "SMUGGLING_WG_PATH": os.pathsep.join(map(str, files))}
    params = StdioServerParameters(command=sys.executable, args=["-m", "smuggling_wg", "mcp"], env=env, cwd=ROOT)

    with (
        anyio.from_thread.start_blocking_portal() as portal,
        portal.wrap_async_context_manager(stdio_client(params)) as (read, write),
        portal.wrap_async_context_manager(ClientSession(read, write)) as session,
    ):
        portal.call(session.initialize)
        yield _Server(portal, session)


def test_mcp_searches_across_the_meetings_as_the_api_does(mcp_server: _Server, series: Dataset) -> None:
    found = mcp_server.answer("search", query="цифровые доказательства", kind="recommendation", limit=200)
    api = series.search("цифровые доказательства", kind="recommendation")
    assert [(i["meeting"], i["key"], i["record"]["number"], i["score"]) for i in found["results"]] == [
        (h.meeting, h.key, h.record.number, h.score) for h in api
    ]
    assert {i["meeting"] for i in found["results"]} == {7, 101, 102}


def test_mcp_answers_across_the_meetings_as_the_api_does(mcp_server: _Server, series: Dataset) -> None:
    every = mcp_server.answer("recommendations")
    assert Counter(i["meeting"] for i in every["results"]) == {7: 22, 99: 1, 101: 22, 102: 22}
    one = mcp_server.answer("recommendations", meeting=101, theme="crises")
    assert [(i["meeting"], i["record"]["number"]) for i in one["results"]] == [(101, n) for n in range(1, 8)]
    assert {(c["meeting"], c["paragraph"]) for c in one["cited_paragraphs"]} == {(101, 3)}
