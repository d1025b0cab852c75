"""Every limit, at the limit and one past it (docs/own-data.md gives the reasons)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import smuggling_wg as swg
from smuggling_wg import _loader, _yaml
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


def _documented_limits() -> list[tuple[str, str, str]]:
    """(module, constant, value as written) of each row of the limits table in docs/own-data.md."""
    text = (Path(__file__).resolve().parent.parent.parent / "docs" / "own-data.md").read_text(encoding="utf-8")
    table = text.split("### Limits", 1)[1].split("\n\n")[2]
    rows = [line.split("|")[1:-1] for line in table.splitlines()[2:]]
    return [(*row[1].strip().strip("`").rsplit(".", 1), row[2].strip()) for row in rows]  # type: ignore[misc]


def test_the_limits_table_is_the_code() -> None:
    import importlib

    documented = _documented_limits()
    assert len(documented) >= 14 and ("_loader", "MAX_QUERY_CHARS", "1,000") in documented
    for module, name, written in documented:
        value = getattr(importlib.import_module(f"smuggling_wg.{module}"), name)
        number = int(written.removesuffix(" MB").replace(",", "")) * (1024 * 1024 if written.endswith(" MB") else 1)
        assert value == number, (module, name, written, value)


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
    assert limits == {"query_chars": _loader.MAX_QUERY_CHARS, "query_words": _loader.MAX_QUERY_WORDS}
