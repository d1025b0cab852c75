"""Small inconsistencies (issue 24, items 7 and 12): report texts, numbers, empty paths, one pass, missing files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import smuggling_wg as swg
from smuggling_wg._number import parse_number, parse_roman, roman, standard_roman

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"
_EXAMPLE = json.loads(json.dumps(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")), default=str))


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SMUGGLING_WG_PATH"}
    return subprocess.run(
        [sys.executable, "-m", "smuggling_wg", *args], capture_output=True, text=True, check=False, env=env, cwd=cwd
    )


def _meeting(tmp_path: Path, text: str | None = None, **changes: object) -> Path:
    data = json.loads(json.dumps(_EXAMPLE))
    data["meetings"][0].update(changes)
    path = tmp_path / "m.yaml"
    path.write_text(text or yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# --- 7. source_file ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("dataset.sha256", "String should match pattern '^report-"),
        ("dataset.json", "String should match pattern '^report-"),
        ("report-99.ru.txt", "no report text 'report-99.ru.txt' is shipped with smuggling_wg"),
    ],
)
def test_source_file_names_only_a_shipped_report_text(tmp_path: Path, name: str, words: str) -> None:
    (problem,) = swg.validate(_meeting(tmp_path, source_file=name))
    assert problem.path == "meetings.0.source_file" and words in str(problem), problem
    assert problem.line is not None


def test_a_report_text_that_is_not_there_is_a_located_data_error(tmp_path: Path) -> None:
    ds = swg.load(extra=[_meeting(tmp_path, source_file="report-07.ru.txt")])
    assert ds.source_text(meeting=99).startswith(ds.source_text(meeting=7)[:100])
    forged = swg.Dataset(
        ds.bundle.model_copy(
            update={
                "meetings": tuple(
                    m.model_copy(update={"source_file": "report-gone.txt"}) if m.number == 99 else m
                    for m in ds.bundle.meetings
                )
            }
        )
    )
    with pytest.raises(swg.DataError) as raised:
        forged.source_text(meeting=99)
    (problem,) = raised.value.problems
    assert problem.path == "meetings.1.source_file" and "no report text 'report-gone.txt' is shipped" in str(problem)
    assert "site-packages" not in str(raised.value) and "/data/" not in str(raised.value)


# --- 12. numbers, empty paths, one pass, missing files --------------------------------------------------------


@pytest.mark.parametrize("text", ["٧", "1_0", " 7", "+7", "7.0", "", "๗", "1e3", "--1", "7\n"])
def test_a_number_is_written_in_ascii_digits(text: str) -> None:
    with pytest.raises(ValueError, match="a whole number in the digits 0-9"):
        parse_number(text)
    assert (parse_number("07"), parse_number("-1")) == (7, -1)


@pytest.mark.parametrize("text", ["07", "00", "-01", "0001"])
def test_a_canonical_number_has_no_leading_zero(text: str) -> None:
    """Where a number has one spelling (a resource URI): the message names it."""
    with pytest.raises(ValueError, match=f"without leading zeros is expected, got '{text}': write {int(text)}$"):
        parse_number(text, canonical=True)
    assert [parse_number(t, canonical=True) for t in ("0", "7", "-1", "10")] == [0, 7, -1, 10]


def test_roman_numerals_from_1_to_3999_each_one_spelling() -> None:
    written = [roman(n) for n in range(1, 4000)]
    assert written[:20] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
        "XII",
        "XIII",
        "XIV",
        "XV",
        "XVI",
        "XVII",
        "XVIII",
        "XIX",
        "XX",
    ]
    assert (roman(40), roman(49), roman(99), roman(444), roman(1994), roman(3999)) == (
        "XL", "XLIX", "XCIX", "CDXLIV", "MCMXCIV", "MMMCMXCIX"
    )  # fmt: skip
    assert len(set(written)) == 3999 and [parse_roman(w) for w in written] == list(range(1, 4000))


@pytest.mark.parametrize("text", ["", "IIII", "VX", "IC", "IL", "VV", "iv", "MMMM", "XIIII", " I", "I.", "Ⅳ", "1"])
def test_a_roman_numeral_not_in_its_standard_form_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="a Roman numeral in its standard form is expected"):
        parse_roman(text)


@pytest.mark.parametrize("number", [0, -1, 4000, True, 1.0, "4"])
def test_a_number_without_a_roman_numeral_is_refused(number: object) -> None:
    with pytest.raises(ValueError, match="a Roman numeral is a whole number from 1 to 3999"):
        roman(number)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "meant"), [("iv", "IV"), ("IIII", "IV"), ("XXXXX", "L"), ("viiii", "IX"), ("VX", None), ("Q", None)]
)
def test_the_standard_form_meant_is_suggested_only_when_plain(text: str, meant: str | None) -> None:
    assert standard_roman(text) == meant


def test_validate_names_a_chapter_numeral_not_in_its_standard_form(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("  - number: I\n", "  - number: IIII\n", 1))
    (problem, *_) = swg.validate(path)
    assert str(problem) == (
        f"{path}:27:13: meetings.0.chapters.0.number: not a Roman numeral in its standard form "
        "(expected a Roman numeral in capitals, such as IV or XIV, found 'IIII') Hint: write IV"
    )


@pytest.mark.parametrize("args", [["show", "rec", "٧"], ["show", "rec", "1_0"], ["recommendations", "--meeting", "٧"]])
def test_the_command_line_takes_ascii_numbers_only(args: list[str]) -> None:
    done = _cli(*args)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stdout == ""
    assert "٧" in done.stderr or "1_0" in done.stderr


def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path: Path) -> None:
    _meeting(tmp_path)  # a data file in the current folder, which "" must not read
    cases = (([""], "an empty name"), ([" "], "a name of spaces only"), (["", str(EXAMPLE)], "an empty name"))
    for extra, said in cases:
        with pytest.raises(swg.DataError) as raised:
            swg.load(extra=extra)
        assert f"{said} names no file or folder" in str(raised.value)
    done = _cli("validate", "", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr == (
        "smuggling-wg validate: 1 problem with the files given:\n- '': an empty name names no file or folder\n"
    )


@pytest.mark.parametrize(("given", "shown"), [(b"meeting.yaml", "b'meeting.yaml'"), (3, "3"), (None, "None")])
def test_a_path_that_is_not_text_is_one_located_problem(given: object, shown: str) -> None:
    with pytest.raises(swg.DataError) as raised:
        swg.load(extra=[given])  # type: ignore[list-item]
    kind = type(given).__name__
    assert str(raised.value) == (
        f"1 problem with the files given:\n- {shown}: a path is text (a str or a pathlib.Path), not {kind}"
    )


def test_a_missing_file_is_said_to_be_missing() -> None:
    done = _cli("validate", "/nonexistent.yaml")
    assert done.returncode == 1
    assert (
        done.stderr
        == "smuggling-wg validate: 1 problem with the files given:\n- /nonexistent.yaml: no such file or folder\n"
    )


@pytest.mark.parametrize("bad", ["2099-02-30", "2099-13-01", "!!int abc"])
def test_a_value_yaml_cannot_build_hides_nothing_beside_it(tmp_path: Path, bad: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("start_date: 2099-06-01", f"start_date: {bad}").replace("meetings_held: 1", "meetings_held: -1")
    problems = swg.validate(_meeting(tmp_path, text=text))
    assert [p.path for p in problems] == ["meetings.0.start_date", "meetings.0.meetings_held"], problems
    assert ("is not a valid !!timestamp" if "-" in bad else "a date") in problems[0].message
    assert "greater than or equal to 0" in problems[1].message
