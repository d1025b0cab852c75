"""Every limit, at the limit and one past it (docs/own-data.md gives the reasons)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import smuggling_wg as swg
from smuggling_wg import _loader, _yaml
from smuggling_wg.errors import MAX_QUOTED
from smuggling_wg.models import MAX_COUNT, MAX_MEETING, MAX_NUMBERED

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"


def messages(*paths: Path) -> list[str]:
    return [str(p) for p in swg.validate(*paths)]


def test_bytes_per_file(tmp_path: Path) -> None:
    head = b"meetings: []\n"
    path = tmp_path / "big.yaml"
    path.write_bytes(head + b"#" * (_yaml.MAX_BYTES - len(head) - 1) + b"\n")
    assert path.stat().st_size == _yaml.MAX_BYTES and messages(path) == []
    path.write_bytes(head + b"#" * (_yaml.MAX_BYTES - len(head)) + b"\n")
    assert messages(path) == [f"{path}: the file is 5,242,881 bytes; the limit is 5,242,880"]


def test_values_per_file(tmp_path: Path) -> None:
    """A mapping, its key, a list and its items: every one is a value."""
    path = tmp_path / "many.yaml"
    path.write_text("x: [" + ",".join(["1"] * (_yaml.MAX_NODES - 3)) + "]\n", encoding="utf-8")
    (message,) = messages(path)
    assert message.startswith(f"{path}:1:4: x: unexpected top-level key 'x'")
    path.write_text("x: [" + ",".join(["1"] * (_yaml.MAX_NODES - 2)) + "]\n", encoding="utf-8")
    assert messages(path) == [f"{path}:1:{2 * _yaml.MAX_NODES - 1}: more than 200,000 values in one file"]


def _nested(depth: int) -> str:
    """A file whose values nest ``depth`` levels deep (the top mapping is the first)."""
    return "x: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


def test_nesting_depth(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(_nested(_yaml.MAX_DEPTH), encoding="utf-8")
    assert "unexpected top-level key 'x'" in messages(path)[0]
    path.write_text(_nested(_yaml.MAX_DEPTH + 1), encoding="utf-8")
    assert messages(path) == [f"{path}:1:{_yaml.MAX_DEPTH + 3}: nested more than 32 levels deep"]


def test_string_length(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text("data_version: " + "x" * _yaml.MAX_STRING + "\n", encoding="utf-8")
    assert messages(path) == [
        f"{path}:1:15: data_version: data_version is already given by dataset.json "
        "Hint: leave data_version out of files that add to the data"
    ]
    path.write_text("data_version: " + "x" * (_yaml.MAX_STRING + 1) + "\n", encoding="utf-8")
    assert messages(path) == [f"{path}:1:15: a value of 100,001 characters; the limit is 100,000"]


def test_key_length(tmp_path: Path) -> None:
    path = tmp_path / "key.yaml"
    path.write_text("k" * _yaml.MAX_KEY + ": 1\n", encoding="utf-8")
    assert "unexpected top-level key" in messages(path)[0]
    path.write_text("k" * (_yaml.MAX_KEY + 1) + ": 1\n", encoding="utf-8")
    assert messages(path) == [f"{path}:1:1: a key of 201 characters; the limit is 200"]


def test_number_of_files(tmp_path: Path) -> None:
    for i in range(_loader.MAX_FILES):
        (tmp_path / f"{i:04}.yaml").write_text(f"sdg_targets: {{'{50 + i // 100}.{i % 100}': 'Target {i}.'}}\n")
    assert messages(tmp_path) == []
    (tmp_path / "one-more.yml").write_text("meetings: []\n", encoding="utf-8")
    assert messages(tmp_path) == ["1,001 data files; the limit is 1,000 at once"]


def test_problems_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("".join(f"key{i}: 1\n" for i in range(_loader.MAX_PROBLEMS)), encoding="utf-8")
    found = messages(path)
    assert len(found) == 1000 and all("unexpected top-level key" in m for m in found)
    path.write_text("".join(f"key{i}: 1\n" for i in range(_loader.MAX_PROBLEMS + 1)), encoding="utf-8")
    found = messages(path)
    assert len(found) == 1001 and found[-1] == "... and 1 more problems (the first 1,000 are shown)"


def test_a_file_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Given in ``extra`` and found again through ``$SMUGGLING_WG_PATH``: not a clash with itself."""
    monkeypatch.setenv("SMUGGLING_WG_PATH", str(EXAMPLE.parent))
    assert [m.number for m in swg.load(extra=[EXAMPLE, EXAMPLE.parent / "." / EXAMPLE.name]).meetings] == [7, 99]


def test_bytes_in_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Across ``extra`` and ``$SMUGGLING_WG_PATH`` together."""
    files = []
    for i in range(_loader.MAX_TOTAL_BYTES // _yaml.MAX_BYTES):
        path = tmp_path / f"{i}.yaml"
        path.write_bytes(b"meetings: []\n" + b"#" * (_yaml.MAX_BYTES - 14) + b"\n")
        files.append(path)
    monkeypatch.setenv("SMUGGLING_WG_PATH", str(files[-1]))
    assert messages(*files[:-1]) == []
    extra = tmp_path / "extra.yml"
    extra.write_text("\n", encoding="utf-8")
    assert messages(*files[:-1], extra) == [
        f"{files[-1]}: the files hold more than 52,428,800 bytes in all; that is the limit"
    ]


def _example(number: str, delegates: str = "") -> bytes:
    text = EXAMPLE.read_text(encoding="utf-8").replace("number: 99", f"number: {number}", 1)
    if delegates:
        extra = (
            f"  registered_delegates: {{value: {delegates}, approximate: false, as_written: '{delegates}', "
            "source: [2]}\n"
        )
        text = text.replace("  participants:\n", extra + "  participants:\n", 1)
    return text.encode("utf-8")


@pytest.mark.parametrize(
    ("number", "delegates", "message"),
    [
        (str(MAX_MEETING), "", ""),
        (str(MAX_MEETING + 1), "", "meetings.0.number: Input should be less than or equal to 10000"),
        ("99", str(MAX_COUNT), ""),
        ("99", str(MAX_COUNT + 1), "value: Input should be less than or equal to 1000000000"),
    ],
)
def test_integer_bounds(tmp_path: Path, number: str, delegates: str, message: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(_example(number, delegates))
    found = messages(path)
    assert (found == []) if not message else (len(found) == 1 and message in found[0]), found


def test_numbers_inside_a_report(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(text.replace("    source: [1]\n  participants", f"    source: [{MAX_NUMBERED}]\n  participants"))
    assert messages(path) == [
        f"{path}:48:14: meetings.0.recommendations.0.source.0: cites paragraph 10000, the report has 2"
    ]
    path.write_text(
        text.replace("    source: [1]\n  participants", f"    source: [{MAX_NUMBERED + 1}]\n  participants")
    )
    assert messages(path)[0] == (
        f"{path}:48:14: meetings.0.recommendations.0.source.0: Input should be less than or equal to 10000 "
        "(expected at most 10000, found 10001)"
    )


ROOT = Path(__file__).resolve().parent.parent.parent
#: The pages with a table of limits: own-data.md has every limit, exports.md those that bear on the outputs.
LIMIT_PAGES = ("own-data.md", "exports.md")


def _documented_limits(page: str) -> list[tuple[str, str, str]]:
    """(module, constant, value as written) of each row of the limits table of ``docs/<page>``."""
    lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    start = lines.index("| Limit | Constant | Value | Why |") + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        _, constant, written, _ = (cell.strip() for cell in line.split("|")[1:-1])
        module, name = constant.strip("`").rsplit(".", 1)
        rows.append((module, name, written))
    return rows


def _limits_in_the_code() -> set[tuple[str, str]]:
    """(module, name) of every module-level constant named ``MAX_...`` in the package's source."""
    import ast

    package = ROOT / "src" / "smuggling_wg"
    found = set()
    for path in package.rglob("*.py"):
        module = ".".join(path.relative_to(package).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            found |= {(module, t.id) for t in targets if isinstance(t, ast.Name) and t.id.startswith("MAX_")}
    return found


@pytest.mark.parametrize("page", LIMIT_PAGES)
def test_the_limits_table_is_the_code(page: str) -> None:
    import importlib

    documented = _documented_limits(page)
    assert len(documented) >= 5 and ("_loader", "MAX_QUERY_CHARS", "1,000") in documented
    for module, name, written in documented:
        value = getattr(importlib.import_module(f"smuggling_wg.{module}"), name)
        number = int(written.removesuffix(" MB").replace(",", "")) * (1024 * 1024 if written.endswith(" MB") else 1)
        assert value == number, (page, module, name, written, value)


def test_every_limit_in_the_code_is_in_the_table() -> None:
    """A new ``MAX_...`` constant is documented, with its reason, or this fails (the docs cannot fall behind)."""
    documented = {(module, name) for module, name, _ in _documented_limits("own-data.md")}
    in_code = _limits_in_the_code()
    assert len(in_code) >= 21 and ("_draft._structure", "MAX_HEADINGS") in in_code
    assert in_code - documented == set()
    assert documented - in_code == set(), "a row names no constant"


def test_a_query_past_a_limit_is_one_clear_error() -> None:
    ds = swg.load()
    assert len(ds.search("x" * _loader.MAX_QUERY_CHARS)) == 0
    with pytest.raises(swg.InvalidFilter, match="the query has 100,000 characters; the limit is 1,000"):
        ds.search("x" * 100_000)
    assert ds.search(" ".join(["COVID"] * _loader.MAX_QUERY_WORDS), kind="recommendation")
    with pytest.raises(swg.InvalidFilter, match="the query has 51 words; the limit is 50"):
        ds.search(" ".join(["COVID"] * (_loader.MAX_QUERY_WORDS + 1)))
    done = subprocess.run(
        [sys.executable, "-m", "smuggling_wg", "search", "x" * 100_000], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and done.stderr.strip() == (
        "smuggling-wg search: error: the query has 100,000 characters; the limit is 1,000"
    )


def test_the_site_ships_the_same_query_limits(site_dir: Path) -> None:
    """The page's search reads the library's limits (``window.SWG_LIMITS``), not numbers of its own."""
    script = (site_dir / "assets" / "search-index.js").read_text(encoding="utf-8")
    line = next(x for x in script.splitlines() if x.startswith("window.SWG_LIMITS = JSON.parse("))
    limits = json.loads(json.loads(line.removeprefix("window.SWG_LIMITS = JSON.parse(").removesuffix(");")))
    spaces = limits.pop("spaces")  # where the library's str.split ends a word: the page counts words so
    assert limits == {"query_chars": _loader.MAX_QUERY_CHARS, "query_words": _loader.MAX_QUERY_WORDS}
    assert len(("x" + "x".join(spaces) + "x").split()) == len(spaces) + 1
    assert {" ", "\x1c", "\x85", "\u3000"} < set(spaces)


def test_every_search_box_of_the_site_holds_the_query_limit(site_dir: Path) -> None:
    """Issue 24: the page's search ignored the limits it shipped. The scripts that search refuse a query past
    either limit (in Chromium: tests/test_site_browser.py). No box has a ``maxlength``: a browser would cut a
    long paste without a word (and count UTF-16 units, so 600 emoji would be cut though the library takes them)."""
    import re

    boxes = 0
    for page in site_dir.rglob("*.html"):
        for box in re.findall(r"<input[^>]*\bname=\"q\"[^>]*>", page.read_text(encoding="utf-8")):
            assert "maxlength" not in box, (page, box)
            boxes += 1
    assert boxes > 100
    engine = (site_dir / "assets" / "search.js").read_text(encoding="utf-8")
    assert "SWG_LIMITS" in engine and not re.search(r"\b(1000|50)\b", engine)  # no second copy of the numbers
    for script in ("site.js", "sitesearch.js"):
        assert "SWG.refusal(" in (site_dir / "assets" / script).read_text(encoding="utf-8"), script


# --- every text a query is given: one limit, one error; every value given quoted in part -------------------

HUGE = "x" * 100_000
AT_LIMIT = "x" * _loader.MAX_FILTER_CHARS

#: Each public entry point that takes text, with the name its error gives the text.
TEXT_ENTRIES: dict[str, tuple[str, Callable[[swg.Dataset, Any], object]]] = {
    "actor": ("actor name", lambda ds, v: ds.actor(v)),
    "profile": ("actor name", lambda ds, v: ds.profile(v)),
    "name_at": ("actor name", lambda ds, v: ds.name_at(v, meeting=7)),
    "statements(actor)": ("actor name", lambda ds, v: ds.statements(actor=["Italy", v])),
    "participants(actor)": ("actor name", lambda ds, v: ds.participants(actor=v)),
    "speakers(actor)": ("actor name", lambda ds, v: ds.speakers(actor=v)),
    "recommendations(text)": ("text filter", lambda ds, v: ds.recommendations(text=v)),
    "recommendations(theme)": ("theme", lambda ds, v: ds.recommendations(theme=v)),
    "recommendations(modality)": ("modality", lambda ds, v: ds.recommendations(modality=[v])),
    "recommendations(topic)": ("topic", lambda ds, v: ds.recommendations(topic=v)),
    "recommendations(sdg_target)": ("sdg target", lambda ds, v: ds.recommendations(sdg_target=v)),
    "recommendations(instrument)": ("instrument", lambda ds, v: ds.recommendations(instrument=v)),
    "recommendations(article)": ("article", lambda ds, v: ds.recommendations(article=v)),
    "recommendations(addressee_kind)": ("addressee kind", lambda ds, v: ds.recommendations(addressee_kind=v)),
    "recommendations(provenance)": ("provenance", lambda ds, v: ds.recommendations(provenance=v)),
    "paragraphs(topic)": ("topic", lambda ds, v: ds.paragraphs(topic=v)),
    "paragraphs(standing)": ("standing", lambda ds, v: ds.paragraphs(standing=v)),
    "topic": ("topic", lambda ds, v: ds.topic(v)),
    "counts": ("dimension", lambda ds, v: ds.counts(v)),
    "crosstab": ("dimension", lambda ds, v: ds.crosstab("theme", v)),
    "statements(kind)": ("statement kind", lambda ds, v: ds.statements(kind=v)),
    "participants(status)": ("status", lambda ds, v: ds.participants(status=v)),
    "search": ("query", lambda ds, v: ds.search(v)),
    "search(kind)": ("kind", lambda ds, v: ds.search("data", kind=v)),
    "search(standing)": ("standing", lambda ds, v: ds.search("data", standing=v)),
    "search(language)": ("language", lambda ds, v: ds.search("data", language=v)),
    "to_dataframe": ("table", lambda ds, v: ds.to_dataframe(v)),
}


@pytest.mark.parametrize("entry", list(TEXT_ENTRIES))
def test_every_text_a_query_is_given_is_limited(entry: str) -> None:
    """100 KB anywhere a query takes text: ``InvalidFilter`` naming the limit, before any lookup or search."""
    what, call = TEXT_ENTRIES[entry]
    ds = swg.load()
    with pytest.raises(swg.InvalidFilter) as raised:
        call(ds, HUGE)
    limit = _loader.MAX_QUERY_CHARS if what == "query" else _loader.MAX_FILTER_CHARS
    assert str(raised.value) == f"the {what} has 100,000 characters; the limit is {limit:,}"
    said = _refusal(lambda: call(ds, AT_LIMIT))  # at the limit: an answer, or an error quoting the value in part
    assert "the limit is" not in said and "x" * (MAX_QUOTED + 1) not in said, said


def _refusal(call: Callable[[], object]) -> str:
    """The message of the library's error ``call`` raises; empty for an answer."""
    try:
        call()
    except swg.SmugglingWGError as exc:
        return str(exc)
    return ""


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda ds: ds.meeting(HUGE), f"meeting numbers are integers: got '{'x' * MAX_QUOTED}…'"),
        (lambda ds: ds.meeting("1" * 5_000), f"meeting numbers are integers: got '{'1' * MAX_QUOTED}…'"),
        (lambda ds: ds.meeting(" 7 "), "meeting numbers are integers: got ' 7 '; use 7"),
        (lambda ds: ds.paragraph("1" * 5_000), f"paragraph numbers are integers: got '{'1' * MAX_QUOTED}…'"),
        (
            lambda ds: ds.recommendations(specificity="9" * 5_000),
            f"specificity values are integers: got '{'9' * MAX_QUOTED}…'",
        ),
        (lambda ds: ds.meeting([1] * 100_000), f"meeting numbers are integers: got {str([1] * 30)[:MAX_QUOTED]}…"),
        (lambda ds: ds.search(b"x" * 100_000), f"a query is text: got {repr(b'x' * 100)[:MAX_QUOTED]}…"),
        (lambda ds: ds.recommendations(text=7), "a text filter is text: got 7"),
        (lambda ds: ds.recommendations(theme="crisi" + "s" * 995), f"unknown theme '{'crisi' + 's' * 55}…'."),
    ],
)
def test_a_message_quotes_a_value_given_in_part(call: Callable[[swg.Dataset], object], message: str) -> None:
    """``errors.quoted``: at most ``MAX_QUOTED`` characters of it; no builtin error for a long number as text."""
    with pytest.raises(swg.InvalidFilter) as raised:
        call(swg.load())
    assert str(raised.value).startswith(message), str(raised.value)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["recommendations", "--theme", HUGE], "recommendations: error: the theme has 100,000 characters"),
        (["recommendations", "--text", HUGE], "recommendations: error: the text filter has 100,000 characters"),
        (["recommendations", "--query", HUGE], "recommendations: error: the query has 100,000 characters"),
        (["statements", "--actor", HUGE], "statements: error: the actor name has 100,000 characters"),
        (["show", "actor", HUGE], "show: error: the actor name has 100,000 characters"),
        (["show", "topic", HUGE], "show: error: the topic has 100,000 characters"),
        (["counts", HUGE], "counts: error: the dimension has 100,000 characters"),
        (["search", "data", "--kind", HUGE], "search: error: the kind has 100,000 characters"),
        (["show", "rec", HUGE], f"show: error: recommendation number expected, got '{'x' * MAX_QUOTED}…'"),
        (["summary", "--format", HUGE], f"summary: error: argument --format: invalid choice: '{'x' * MAX_QUOTED}…'"),
        (["search", "x", "--search-language", HUGE], f"argument --search-language: invalid choice: '{'x' * 60}…'"),
        (["summary", "--meeting", HUGE], f"argument --meeting: invalid number value: '{'x' * MAX_QUOTED}…'"),
        (["agenda", "--meeting", "1" * 5_000], f"argument --meeting: invalid number value: '{'1' * MAX_QUOTED}…'"),
        (["draft", "-", "--number", "٧"], "argument --number: invalid number value: '٧'"),
        ([HUGE], f"smuggling-wg: error: unknown command '{'x' * MAX_QUOTED}…'."),
        (["summary", HUGE], f"smuggling-wg: error: unrecognized arguments: '{'x' * MAX_QUOTED}…'"),
        (["schema", HUGE], f"schema: error: unknown model '{'x' * MAX_QUOTED}…'."),
        (["states", "--statements=" + HUGE], "states: error: argument --statements: ignored explicit argument"),
    ],
)
def test_the_command_line_quotes_a_value_given_in_part(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2, one short message: argparse's own messages included (its safety net: ``errors.shortened``)."""
    from smuggling_wg.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err) < 1_500 and "x" * 1_000 not in err, err[:300]


def test_a_file_name_no_file_can_have_is_quoted_in_part() -> None:
    """A name the system refuses as too long names no file: its start is enough (it came back whole)."""
    with pytest.raises(swg.DataError) as raised:
        swg.load(extra=["x" * 100_000])
    assert str(raised.value) == (
        f"1 problem with the files given:\n- '{'x' * MAX_QUOTED}…': cannot be read: File name too long"
    )
    (problem,) = swg.validate("y" * 5_000)
    assert problem.file == f"'{'y' * MAX_QUOTED}…'"
