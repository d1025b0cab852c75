"""URLs, lookalike names, lookups that guessed and spreadsheet formulas (issue 24, items 1, 10 and 11)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import smuggling_wg as swg
from profiles import scaled
from smuggling_wg._url import is_link
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import export, site
from smuggling_wg.models import Document

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"
_EXAMPLE = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _meeting_file(tmp_path: Path, **changes: object) -> Path:
    data = json.loads(json.dumps(_EXAMPLE, default=str))
    data["meetings"][0].update(changes)
    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# --- 1. URLs ---------------------------------------------------------------------------------------------------

_PIECES = [
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    " ",
    "\n",
    "data:",
    "//",
    "\\",
    "/",
    "http",
    "https",
    "://",
    ":",
    "evil.com",
    "a",
    "@",
    "?",
    "#",
    "x",
    "\x00",
    "\u2028",
    "vbscript:",
    "%0a",
    ".",
]


def _scheme_a_browser_sees(url: str) -> tuple[str, str]:
    """The scheme and host a browser would use (WHATWG: strip C0 and spaces, drop tab/newline, \\ is /)."""
    cleaned = url.strip("".join(map(chr, range(0x21)))).replace("\t", "").replace("\n", "").replace("\r", "")
    parts = urllib.parse.urlsplit(cleaned.replace("\\", "/"))
    return parts.scheme.lower(), parts.netloc


@settings(max_examples=scaled(300))
@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join))
def test_a_url_is_linked_only_when_http_https_or_relative(url: str) -> None:
    """Property: whatever is accepted opens as http(s) or stays on the site; the model accepts exactly that."""
    if is_link(url):
        scheme, host = _scheme_a_browser_sees(url)
        assert (scheme in ("http", "https") and host) or (scheme == "" and not host), url
    try:
        Document(symbol="X/1", title={"ru": "Док"}, url=url, source=(1,))
    except ValueError:
        accepted = False
    else:
        accepted = True
    if accepted:
        assert url == "" or is_link(url), url
    elif is_link(url):
        assert url.startswith(("=", "+", "-", "@")), url  # a one-line text refuses a formula's first character


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.domain)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "https://unodc.org@evil.example",
    ],
)
def test_a_script_url_is_refused_where_it_is_written(tmp_path: Path, url: str) -> None:
    path = _meeting_file(tmp_path, documents=[{"symbol": "X/1", "title": {"ru": "Док"}, "url": url, "source": [1]}])
    (problem,) = swg.validate(path)
    assert problem.path == "meetings.0.documents.0.url" and "http" in problem.message, problem


def test_the_site_links_no_url_that_is_not_a_link(tmp_path: Path) -> None:
    """Even a record built without validation never becomes <a href="javascript:...">."""
    ds = swg.load(
        extra=[
            _meeting_file(
                tmp_path,
                documents=[
                    {"symbol": "X/1", "title": {"ru": "Док"}, "url": "https://www.unodc.org/x.pdf", "source": [1]}
                ],
            )
        ]
    )
    bundle = ds.bundle
    meeting = next(m for m in bundle.meetings if m.number == 99)
    bad = meeting.documents[0].model_copy(update={"url": "javascript:alert(document.domain)"})
    changed = meeting.model_copy(update={"documents": (bad,)})
    forged = Dataset(
        bundle.model_copy(update={"meetings": tuple(changed if m is meeting else m for m in bundle.meetings)})
    )
    site(forged, tmp_path / "site", meeting=99)
    page = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert "X/1" in page and "javascript:" not in page.lower()


# --- 11. Names and lookups ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Italy\u200b", "Ｉｔａｌｙ", "\u0399taly", "It\u00adaly", "Ital\u0443"])
def test_a_lookalike_of_a_name_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "org.yaml"
    record = {"kind": "intergovernmental_organization", "id": "xorg", "name": {"ru": "Организация", "en": name}}
    path.write_text(yaml.safe_dump({"actors": [record]}, allow_unicode=True), encoding="utf-8")
    problems = swg.validate(path)
    assert len(problems) == 1 and problems[0].path.startswith("actors.0"), problems
    assert "ITA" in problems[0].message or "mixes scripts" in problems[0].message, problems[0]
    if "mixes scripts" in problems[0].message:  # the word itself is named, not a template's placeholder
        assert "{word" not in problems[0].message and f"'{name}'" in problems[0].message, problems[0]


@pytest.mark.parametrize(
    "key", ["XItaly", "Italy2", "Italyy", "Italyan", "notItaly", "xyz Italy", "Italy DROP", "the the Italy", "(Italy)"]
)
def test_a_lookup_does_not_guess(ds: Dataset, key: str) -> None:
    with pytest.raises(swg.NotFound) as raised:
        ds.actor(key)
    assert "ITA (Italy)" in str(raised.value)


@pytest.mark.parametrize("key", ["kill Norway", "not Italy at all", "Republic of Turkey", "Italy;garbage;more"])
def test_a_name_among_other_words_is_not_that_name(ds: Dataset, key: str) -> None:
    """An OCHA expression matches a whole name, not a word inside one (the outside attack of 1.1)."""
    with pytest.raises(swg.NotFound):
        ds.actor(key)


@pytest.mark.parametrize("key", ["Ｉｔａｌｙ", "It\u00adaly", "Italy\u200b", "the Vatican", "Persia"])
def test_names_are_compared_as_they_look(ds: Dataset, key: str) -> None:
    assert ds.actor(key).id in ("ITA", "IRN", "VAT")


# --- 10. Spreadsheet formulas ------------------------------------------------------------------------------------

_FORMULAS = ["=cmd|' /C calc'!A0", "@SUM(1)", "+1+1", "-2+3", "\tx"]  # a CR is no text of the data


def test_csv_neutralizes_formulas_and_the_other_formats_keep_the_text(tmp_path: Path) -> None:
    paragraphs = [{"number": i + 1, "chapter": "I", "text": {"ru": f, "en": f}} for i, f in enumerate(_FORMULAS)]
    ds = swg.load(extra=[_meeting_file(tmp_path, paragraphs=paragraphs)])
    for fmt in ("csv", "sqlite", "parquet"):
        export(ds, fmt, tmp_path / fmt)
    with (tmp_path / "csv" / "paragraphs.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["meeting"] == "99"]
    assert [r["text_ru"] for r in rows] == ["'" + f for f in _FORMULAS]
    assert [r["text_en"] for r in rows] == ["'" + f for f in _FORMULAS]
    connection = sqlite3.connect(tmp_path / "sqlite" / "smuggling-wg.db")
    try:
        stored = [t for (t,) in connection.execute("SELECT text_ru FROM paragraphs WHERE meeting = 99 ORDER BY number")]
    finally:
        connection.close()
    assert stored == _FORMULAS
    table = pq.read_table(tmp_path / "parquet" / "paragraphs.parquet").to_pylist()
    assert [r["text_ru"] for r in table if r["meeting"] == 99] == _FORMULAS
    recommendation = dict(_EXAMPLE["meetings"][0]["recommendations"][0], text={"ru": _FORMULAS[0]})
    path = _meeting_file(tmp_path, recommendations=[recommendation])
    done = subprocess.run(
        [sys.executable, "-m", "smuggling_wg", "recommendations", "--meeting", "99", "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SMUGGLING_WG_PATH": str(path)},
    )
    assert done.returncode == 0, done.stderr
    assert [r["text_ru"] for r in csv.DictReader(io.StringIO(done.stdout))] == ["'" + _FORMULAS[0]]
