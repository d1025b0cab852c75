"""Data a user brings: loading, conflicts, every bad input a clear error, round trips, fuzzing."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smuggling_wg as swg
from build import compile_json
from filling import filled_template
from identical import assert_identical
from smuggling_wg import _loader, _yaml
from smuggling_wg._fileformat import file_schema
from smuggling_wg.export import _yaml_text
from smuggling_wg.models import Bundle

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example-meeting.yaml"
TEMPLATE = _loader.data_dir() / "template.yaml"
MEETING = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["meetings"][0]


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def write(folder: Path, name: str, content: Any) -> Path:
    text = content if isinstance(content, str) else yaml.dump(content, Dumper=_NoAliases, allow_unicode=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(*paths: Path) -> list[str]:
    return [str(p) for p in swg.validate(*paths)]


def meeting(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(MEETING, default=str))
    data.update(changes)
    return data


# --- loading ---------------------------------------------------------------------------------


def test_example_loads_beside_the_bundled_data() -> None:
    ds = swg.load(extra=[EXAMPLE])
    assert [m.number for m in ds.meetings] == [7, 99]
    assert [r.number for r in ds.recommendations(meeting=99)] == [1]
    assert ds.meeting(99).participants[0].actor == "ITA"
    assert [m.number for m in swg.load().meetings] == [7], "the cached default dataset is untouched"
    assert swg.load(extra=[EXAMPLE]) is ds, "the same unchanged files give the same dataset"


def test_a_folder_and_the_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a.yaml", {"meetings": [meeting()]})
    monkeypatch.setenv("SMUGGLING_WG_PATH", str(tmp_path))
    assert [m.number for m in swg.load().meetings] == [7, 99]
    monkeypatch.delenv("SMUGGLING_WG_PATH")
    assert [m.number for m in swg.load().meetings] == [7]


def test_template_is_refused_until_filled_and_the_files_match_the_file_schema(tmp_path: Path) -> None:
    problems = swg.validate(TEMPLATE)
    assert problems and all("placeholder of the template is not replaced" in p.message for p in problems)
    filled = tmp_path / "filled.yaml"
    filled.write_text(filled_template(TEMPLATE.read_text(encoding="utf-8")), encoding="utf-8")
    assert swg.validate(filled) == ()
    schema = file_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in (filled, EXAMPLE):
        jsonschema.validate(
            json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str)), schema
        )


def test_conflicts_are_errors_unless_replaced(tmp_path: Path) -> None:
    clash = write(tmp_path, "clash.yaml", {"meetings": [meeting(number=7)]})
    (problem,) = swg.validate(clash)
    lines = clash.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.lstrip("- ").startswith("number: 7"))
    assert (problem.path, problem.line) == ("meetings.0.number", line), "located where the number is written"
    assert problem.message == "meeting 7 already exists" and "replace: {meetings: [7]}" in problem.suggestion
    replacing = write(tmp_path, "replacing.yaml", {"replace": {"meetings": [7]}, "meetings": [meeting(number=7)]})
    ds = swg.load(extra=[replacing])
    assert [m.number for m in ds.meetings] == [7] and len(ds.meeting(7).recommendations) == 1
    actor = write(
        tmp_path,
        "actor.yaml",
        {
            "actors": [
                {
                    "kind": "state",
                    "id": "ITA",
                    "alpha2": "IT",
                    "m49": "380",
                    "name": {"ru": "Италия"},
                    "regional_group": None,
                }
            ]
        },
    )
    assert problems(actor)[0].endswith(
        "actors.0.id: actor 'ITA' already exists Hint: to replace it on purpose, "
        "add `replace: {actors: ['ITA']}` to this file"
    )
    nothing = write(tmp_path, "nothing.yaml", {"replace": {"meetings": [42]}})
    assert any("nothing to replace: no meeting 42 exists" in p for p in problems(nothing))


# --- every problem at once, located, with hints ------------------------------------------------


def test_every_problem_is_reported_with_file_line_column_and_hint(tmp_path: Path) -> None:
    bad = meeting()
    bad["format"] = "hybird"
    bad["colour"] = "red"
    bad["recommendations"][0]["number"] = "one"
    path = write(tmp_path, "bad.yaml", {"meetings": [bad]})
    found = swg.validate(path)
    by_path = {p.path: p for p in found}
    assert set(by_path) == {"meetings.0.format", "meetings.0.colour", "meetings.0.recommendations.0.number"}
    assert all(p.file == str(path) and p.line and p.column for p in found)
    fmt = by_path["meetings.0.format"]
    assert (fmt.found, fmt.suggestion) == ("'hybird'", "Did you mean 'hybrid'?")
    assert by_path["meetings.0.colour"].message == "Extra inputs are not permitted"
    assert fmt.line is not None and "hybird" in path.read_text(encoding="utf-8").splitlines()[fmt.line - 1]


def test_references_are_checked_once_the_fields_are_valid(tmp_path: Path) -> None:
    bad = meeting()
    bad["recommendations"][0]["theme"] = "exampel"
    bad["agenda"][0]["number"] = 2
    found = {p.path: p for p in swg.validate(write(tmp_path, "bad.yaml", {"meetings": [bad]}))}
    assert set(found) == {"meetings.0.recommendations.0.theme", "meetings.0.agenda.0.number"}
    assert "unknown theme 'exampel'. Did you mean 'example'?" in found["meetings.0.recommendations.0.theme"].message
    assert all(p.line for p in found.values())
    dangling = meeting()
    dangling["participants"][1]["actor"] = "XYZ"
    (problem,) = swg.validate(write(tmp_path, "dangling.yaml", {"meetings": [dangling]}))
    assert problem.path == "meetings.0.participants.1.actor" and "unknown actor 'XYZ'" in problem.message


def test_data_error_carries_structured_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", {"meetings": [meeting(meetings_held="four")]})
    with pytest.raises(swg.DataError) as caught:
        swg.load(extra=[path])
    (problem,) = caught.value.problems
    assert isinstance(problem, swg.Problem)
    assert (problem.path, problem.expected, problem.found) == ("meetings.0.meetings_held", "a whole number", "'four'")
    assert str(problem).startswith(f"{path}:")


# --- bad input, each a clear error ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe\x00m", "not UTF-8: byte 0xff at offset 0"),
        ("meetings: [\n  {number: 1\n", "while parsing a flow mapping"),
        ("meetings: []\nmeetings: []\n", "duplicate key 'meetings': each key may appear once in a mapping"),
        (
            "data_version: !!python/object/apply:os.system ['echo pwned']\n",
            "the tag !!python/object/apply:os.system is not allowed",
        ),
        ("", "the file is empty: no data"),
        ("# only a comment\n", "the file is empty: no data"),
        ("- 1\n- 2\n", "expected a mapping at the top level, found list"),
        ("format_version: 2\n", "unsupported format_version 2; this library reads 1"),
        ("meeting: []\n", "unexpected top-level key 'meeting'"),
        ("data_version: '2'\n", "data_version is already given by dataset.json"),
    ],
)
def test_bad_files(tmp_path: Path, content: str | bytes, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    reported = problems(path)
    assert reported and any(expected in p for p in reported), reported


def test_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "meetings:\n- number: 99\n  title: {ru: [unclosed\n")
    (problem,) = swg.validate(path)
    assert problem.line == 4 and problem.column == 1


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    path = write(tmp_path, "laughs.yaml", "\n".join(lines) + "\n")
    start = time.perf_counter()
    (problem,) = swg.validate(path)
    assert time.perf_counter() - start < 5
    assert "anchors and aliases (&name, *name) are not allowed" in problem.message and problem.path == "b.0"


def test_yaml_11_surprises_are_explained(tmp_path: Path) -> None:
    norway = {
        "kind": "state",
        "id": "NRW",
        "alpha2": "NO",
        "m49": "999",
        "name": {"ru": "Норвегия-2"},
        "regional_group": None,
    }
    text = yaml.safe_dump({"actors": [norway]}, allow_unicode=True).replace("'NO'", "NO")
    assert "alpha2: NO\n" in text
    reported = swg.validate(write(tmp_path, "norway.yaml", text))
    (alpha2,) = [p for p in reported if p.path == "actors.0.alpha2"]
    assert alpha2.found == "False" and "quote the value" in alpha2.suggestion
    dated = meeting()
    dated["participants"][0]["as_written"] = "DATE"
    path = write(
        tmp_path, "dated.yaml", yaml.safe_dump({"meetings": [dated]}, allow_unicode=True).replace("DATE", "2020-09-08")
    )
    (problem,) = swg.validate(path)
    assert problem.path == "meetings.0.participants.0.as_written" and "unquoted date" in problem.suggestion


def test_wrong_types_and_unknown_fields(tmp_path: Path) -> None:
    bad = meeting()
    bad["start_date"] = "soon"
    bad["recommendations"][0]["number"] = "one"
    bad["paragraphs"][0]["footnote"] = "x"
    reported = {p.path: p for p in swg.validate(write(tmp_path, "bad.yaml", {"meetings": [bad]}))}
    assert reported["meetings.0.start_date"].expected == "a date (YYYY-MM-DD)"
    assert reported["meetings.0.recommendations.0.number"].found == "'one'"
    assert "meetings.0.paragraphs.0.footnote" in reported


@pytest.mark.parametrize(("numbers", "message"), [([1, 1], "1 repeats (expected 2)"), ([1, 3], "3 skips (expected 2)")])
def test_recommendation_numbers_that_repeat_or_skip(tmp_path: Path, numbers: list[int], message: str) -> None:
    bad = meeting()
    first = bad["recommendations"][0]
    bad["recommendations"] = [{**first, "number": n} for n in numbers]
    (problem,) = swg.validate(write(tmp_path, "bad.yaml", {"meetings": [bad]}))
    assert problem.path == "meetings.0.recommendations.1.number" and message in problem.message


def test_file_over_the_size_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_yaml, "MAX_BYTES", 100)
    path = write(tmp_path, "big.yaml", "# " + "x" * 200 + "\n")
    assert problems(path) == [f"{path}: the file is 203 bytes; the limit is 100"]


def test_an_id_that_would_be_a_path(tmp_path: Path) -> None:
    evil = {"kind": "intergovernmental_organization", "id": "../../etc/passwd", "name": {"ru": "x"}}
    reported = swg.validate(
        write(tmp_path, "evil.yaml", {"actors": [evil], "meetings": [meeting(source_file="../../etc/passwd")]})
    )
    assert {p.path for p in reported} >= {"actors.0.id", "meetings.0.source_file"}
    assert all(
        "should match pattern" in p.message for p in reported if p.path in ("actors.0.id", "meetings.0.source_file")
    )


def test_empty_folder_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not data", encoding="utf-8")
    assert problems(tmp_path / "empty") == [f"{tmp_path / 'empty'}: the folder has no .yaml or .yml data files"]
    assert problems(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}: no such file or folder"]


def test_nothing_half_loaded(tmp_path: Path) -> None:
    good = write(tmp_path, "a.yaml", {"meetings": [meeting()]})
    bad = write(tmp_path, "b.yaml", "meetings: [")
    with pytest.raises(swg.DataError):
        swg.load(extra=[good, bad])
    assert [m.number for m in swg.load().meetings] == [7]


# --- round trips ----------------------------------------------------------------------------------


def test_bundled_yaml_round_trips(tmp_path: Path) -> None:
    bundle = _loader.read_yaml(_loader.data_dir() / name for name in _loader.SOURCE_FILES)
    assert bundle == swg.load().bundle
    path = write(tmp_path, "all.yaml", _yaml_text(bundle))
    assert _loader.read_yaml([path]) == bundle
    assert _loader.read_json(compile_json(bundle)) == bundle


@pytest.mark.parametrize("text", ["a\u2028", "a\u2028b", "a\u2029", "x\u2029\ny \u2028", "строка\nдругая\n"])
def test_unicode_line_breaks_survive_the_yaml_round_trip(tmp_path: Path, text: str) -> None:
    """YAML reads LS and PS as line breaks: written raw, they would come back folded (NEL is refused: a C1 control)."""
    meeting = {**MEETING, "title": {"ru": MEETING["title"]["ru"], "en": text}}
    actors = [a.model_dump() for a in swg.load().actors]
    bundle = Bundle.model_validate({"data_version": "x", "actors": actors, "meetings": [meeting]})
    path = write(tmp_path, "m.yaml", _yaml_text(bundle))
    assert _loader.read_yaml([path]).meetings[0].title.en == text


_text = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщыэюя АБВ,.-—«»0123456789", min_size=1, max_size=60).filter(
    str.strip
)


_name = _text.map(str.strip).filter(lambda t: t[:1] not in ("", "-"))  # a name starts visibly, not as a formula


@st.composite
def meetings(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 1, 1)))
    n_paragraphs = draw(st.integers(1, 5))
    n_recs = draw(st.integers(0, 4))
    return {
        "number": draw(st.integers(8, 10_000)),
        "title": {"ru": draw(_text), "en": draw(st.one_of(st.just(""), _text))},
        "body": {"ru": draw(_text)},
        "parent_body": {"ru": draw(_text)},
        "city": {"ru": draw(_name)},
        "start_date": start.isoformat(),
        "end_date": (start + dt.timedelta(days=draw(st.integers(0, 3)))).isoformat(),
        "format": draw(st.sampled_from(["in_person", "online", "hybrid"])),
        "meetings_held": draw(st.integers(0, 9)),
        "source": [1],
        "chapters": [
            {"number": "I", "title": {"ru": draw(_text)}, "sections": [{"letter": "A", "title": {"ru": draw(_text)}}]}
        ],
        "themes": [
            {"id": "t", "chapter": "I", "section": "A", "label": "T", "title": {"ru": draw(_text)}, "source": [1]}
        ],
        "recommendations": [
            {
                "number": i + 1,
                "theme": "t",
                "addressee": draw(_name),
                "modality": draw(st.sampled_from(["should", "encouraged", "may_wish"])),
                "text": {"ru": draw(_text)},
                "source": [draw(st.integers(1, n_paragraphs))],
            }
            for i in range(n_recs)
        ],
        "paragraphs": [{"number": i + 1, "chapter": "I", "text": {"ru": draw(_text)}} for i in range(n_paragraphs)],
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meetings())
def test_generated_meetings_round_trip(tmp_path: Path, data: dict[str, Any]) -> None:
    bundle = Bundle.model_validate({"data_version": "x", "actors": [], "meetings": [data]})
    path = write(tmp_path, "m.yaml", _yaml_text(bundle))
    assert _loader.read_yaml([path]) == bundle
    assert _loader.read_json(bundle.model_dump_json()) == bundle
    compiled = compile_json(bundle)
    built = _loader.read_compiled(compiled, _loader.seal(compiled))
    assert built == bundle
    assert_identical(built, _loader.read_json(compiled))


_template_text = TEMPLATE.read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=300),
        st.binary(max_size=300),
        st.tuples(st.integers(0, len(_template_text)), st.integers(0, 40), st.text(max_size=20)).map(
            lambda cut: _template_text[: cut[0]] + cut[2] + _template_text[cut[0] + cut[1] :]
        ),
    )
)
def test_fuzz_only_data_errors_escape(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        swg.load(extra=[path])
    except swg.DataError as exc:
        reported: tuple[object, ...] = exc.problems
    else:
        reported = ("loaded",)
    assert reported
