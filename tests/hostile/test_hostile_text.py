"""URLs, lookalike names, lookups that guessed and spreadsheet formulas (issue 24, items 1, 10 and 11)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import smuggling_wg as swg
from profiles import scaled
from smuggling_wg._names import _prototypes
from smuggling_wg._url import is_link
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import export, site
from smuggling_wg.models import Document, State

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


def _org_file(tmp_path: Path, *names: str) -> Path:
    """A file adding one organization per English name (ids xorg0, xorg1, ...)."""
    path = tmp_path / "org.yaml"
    records = [
        {"kind": "intergovernmental_organization", "id": f"xorg{i}", "name": {"ru": f"Организация {i}", "en": n}}
        for i, n in enumerate(names)
    ]
    path.write_text(yaml.safe_dump({"actors": records}, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "like"),
    [
        ("ItaIy", "'Italy' (state ITA)"),  # a capital I for the l
        ("ltaly", "'Italy' (state ITA)"),  # a small L for the capital I
        ("Ita1y", "'Italy' (state ITA)"),
        ("Gerrnany", "'Germany' (state DEU)"),  # rn for m
        ("N0RWAY", "'Norway' (state NOR)"),  # a zero for the O, in capitals
        ("Ita|y", "'Italy' (state ITA)"),
        ("Аvstria", None),  # a Cyrillic А in a Latin word: refused as mixing scripts, as before
    ],
)
def test_a_name_of_one_script_that_looks_like_another_actors_is_refused(
    tmp_path: Path, name: str, like: str | None
) -> None:
    (problem,) = swg.validate(_org_file(tmp_path, name))
    assert problem.path == "actors.0.name.en" and problem.line == 5, problem
    if like is None:
        assert "mixes scripts" in problem.message, problem
    else:
        assert problem.message.startswith(f"{name!r} (organization xorg0) looks like {like}"), problem
        assert "replace" in problem.suggestion, problem


def test_two_added_names_that_look_alike_are_refused_each_problem_at_once(tmp_path: Path) -> None:
    """Added actors may not look like each other; every look-alike of the file is reported in one pass."""
    problems = swg.validate(_org_file(tmp_path, "Acme Watch", "Acrne Watch", "ItaIy", "Italy"))
    assert [p.path for p in problems] == ["actors.3.name.en", "actors.1.name.en", "actors.2.name.en"], problems
    taken, acrne, italy = problems
    assert "already names ITA" in taken.message
    assert acrne.message == (
        "'Acrne Watch' (organization xorg1) looks like 'Acme Watch' (organization xorg0): "
        "a reader could not tell them apart"
    )
    assert italy.message.startswith("'ItaIy' (organization xorg2) looks like 'Italy' (state ITA)"), italy


def test_a_look_alike_is_reported_beside_problems_of_other_kinds(tmp_path: Path) -> None:
    """One pass: a formula in one record and a bad date in the meeting do not hide a look-alike or a taken name."""
    path = _org_file(tmp_path, "ItaIy", "Formula", "Italy")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["actors"][1]["acronym"] = "=cmd"
    meeting = json.loads(json.dumps(_EXAMPLE["meetings"][0], default=str))
    meeting["participants"][0]["as_written"] = "Gerrnany"
    meeting["start_date"] = "2021-02-30"
    path.write_text(yaml.safe_dump({**data, "meetings": [meeting]}, allow_unicode=True), encoding="utf-8")
    problems = {p.path: p.message for p in swg.validate(path)}
    assert problems.keys() == {"actors.0.name.en", "actors.1.acronym", "actors.2.name.en", "meetings.0.start_date"}
    assert problems["actors.0.name.en"].startswith("'ItaIy' (organization xorg0) looks like 'Italy' (state ITA)")
    assert "already names ITA" in problems["actors.2.name.en"]


def test_a_meeting_may_not_write_one_actor_with_a_look_alike_of_another(tmp_path: Path) -> None:
    participants = [dict(p) for p in _EXAMPLE["meetings"][0]["participants"]]
    participants[0]["as_written"] = "Gerrnany"  # ITA's row, written like Germany
    (problem,) = swg.validate(_meeting_file(tmp_path, participants=participants))
    assert problem.path == "meetings.0.participants.0.as_written", problem
    assert problem.message.startswith("'Gerrnany' (state ITA) looks like 'Germany' (state DEU)"), problem


def test_the_look_alikes_of_the_bundled_data_are_its_own(ds: Dataset, tmp_path: Path) -> None:
    """Ecuador's "EC" and the EU's Cyrillic «ЕС» look alike: both the data's, found exactly, written again freely."""
    assert (ds.actor("EC").id, ds.actor("\u0415\u0421").id) == ("ECU", "eu")
    participants = [dict(p) for p in _EXAMPLE["meetings"][0]["participants"]]
    participants[2]["as_written"] = "\u0415\u0421"
    assert swg.validate(_meeting_file(tmp_path, participants=participants)) == ()
    (problem,) = swg.validate(_org_file(tmp_path, "Mixed", "EC"))  # taken (Ecuador's key), said once
    assert problem.path == "actors.1.name.en" and "'ec' already names ECU" in problem.message, problem


_BY_PROTOTYPE: dict[str, set[str]] = {}
for _char, _prototype in _prototypes().items():
    _BY_PROTOTYPE.setdefault(_prototype, {_prototype}).add(_char)


def _confusables_of(letter: str) -> list[str]:
    """Every other character or sequence Unicode's confusables.txt says ``letter`` looks like (as compiled)."""
    return sorted(_BY_PROTOTYPE.get(_prototypes().get(letter, letter), set()) - {letter})


_STATE_NAMES = sorted(
    {
        name
        for actor in swg.load().actors
        if isinstance(actor, State)
        for name in (actor.name.ru, actor.name.en, *(actor.names.model_dump().values() if actor.names else ()))
        if name and any(_confusables_of(c) for c in name)
    }
)


@st.composite
def _look_alikes(draw: st.DrawFn) -> str:
    """A name of a bundled state (any language) with one of its letters replaced by a confusable of it."""
    name: str = draw(st.sampled_from(_STATE_NAMES))
    at: int = draw(st.sampled_from([i for i, c in enumerate(name) if _confusables_of(c)]))
    swapped: str = draw(st.sampled_from(_confusables_of(name[at])))
    return name[:at] + swapped + name[at + 1 :]


@settings(max_examples=scaled(30))
@given(_look_alikes())
def test_any_confusable_of_any_letter_of_a_state_name_is_refused(name: str) -> None:
    """Property: a new organization named like a state with one letter swapped for its look-alike does not validate."""
    with tempfile.TemporaryDirectory() as folder:
        problems = swg.validate(_org_file(Path(folder), name))
    assert problems and all(p.path.startswith("actors.0") for p in problems), (name, problems)


@pytest.mark.parametrize(
    ("key", "first"),
    [
        ("ItaIy", "'Italy' (ITA)"),
        ("ltaly", "'Italy' (ITA)"),
        ("Ita1y", "'Italy' (ITA)"),
        ("Gerrnany", "'Germany' (DEU)"),
        ("N0RWAY", "'Norway' (NOR)"),
        ("\u0410ustralia", "'Australia' (AUS)"),  # a Cyrillic А
        ("\u0399TALY", "'Italy' (ITA)"),  # a Greek capital iota
    ],
)
def test_a_lookup_by_a_look_alike_names_it_first(ds: Dataset, key: str, first: str) -> None:
    with pytest.raises(swg.NotFound) as raised:
        ds.actor(key)
    message = str(raised.value)
    assert message.startswith(f"no actor {key!r}: it looks like {first} but is written with other letters"), message
    code = first.split("(")[1].rstrip(")")
    assert message.split("Closest: ")[1].startswith(f"{code} ("), message
    with pytest.raises(swg.NotFound):
        ds.profile(key)


def test_the_command_does_not_match_a_look_alike() -> None:
    """``show actor ItaIy`` exits 1 naming Italy (the MCP tools: tests/test_mcp_hostile.py)."""
    done = subprocess.run(
        [sys.executable, "-m", "smuggling_wg", "show", "actor", "ItaIy"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SMUGGLING_WG_PATH": ""},
    )
    assert done.returncode == 1 and "looks like 'Italy' (ITA)" in done.stderr, done
    assert "Traceback" not in done.stderr


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
