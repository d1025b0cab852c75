"""Validation in one pass (issue 24, item 12): every problem of every file at once, each once, located.

Field checks, a meeting's own checks (numbering, references inside it) and the dataset's checks
(actors, labels) used to run in stages: each stage's problems showed only once the earlier
stage's were fixed. Now the checks across records run over the parts that validated.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import smuggling_wg as swg
from smuggling_wg.errors import DataError

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"
_EXAMPLE = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))

#: The outside attack's file: nine problems of fields, five of the meeting's own checks, one of the dataset's.
ONEPASS = """\
format_version: 1
meetings:
- number: 98
  title: {ru: Совещание}
  body: {ru: Группа}
  parent_body: {ru: Конференция}
  city: {ru: Вена}
  start_date: 2099-02-30
  end_date: 2099-06-01
  format: online
  meetings_held: -1
  source: [1]
  unknown_field: 1
  chapters:
  - {number: I, title: {ru: Глава}}
  paragraphs:
  - {number: 1, chapter: IX, text: {ru: Текст}}
  - {number: 1, chapter: I, text: {ru: "=cmd"}}
  documents:
  - {symbol: "X/1", title: {ru: Д}, url: "javascript:alert(1)", source: [1]}
  participants:
  - {actor: ZZZ, status: party, as_written: Италия, source: [1]}
  - {actor: ITA, status: partyy, as_written: "Ιtaly", source: [0]}
  recommendations:
  - {number: 1, theme: nosuch, addressee: Государствам, modality: should, text: {ru: Т}, source: [1]}
  agenda:
  - {number: 1, title: {ru: П}, source: [1]}
  - {number: 1, title: {ru: П}, source: ["1"]}
  statements:
  - {actor: ITA, kind: party, as_written: Италия, agenda_items: [5], source: [1]}
"""


_ORG = {"kind": "intergovernmental_organization", "id": "xorg", "name": {"ru": "Орг", "en": "An Org"}}


def _write(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(json.loads(json.dumps(data, default=str)), allow_unicode=True), encoding="utf-8")
    return path


def _meeting(**changes: Any) -> dict[str, Any]:
    meeting: dict[str, Any] = json.loads(json.dumps(_EXAMPLE["meetings"][0], default=str))
    meeting.update(changes)
    return meeting


def test_the_attack_file_reports_all_fifteen_problems_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "onepass.yaml"
    path.write_text(ONEPASS, encoding="utf-8")
    problems = swg.validate(path)
    found = {(p.path, p.line): p.message for p in problems}
    assert len(problems) == len(found) == 15, [str(p) for p in problems]
    assert all(p.file == str(path) and p.line is not None for p in problems)
    fields = {
        ("meetings.0.start_date", 8),
        ("meetings.0.meetings_held", 11),
        ("meetings.0.unknown_field", 13),
        ("meetings.0.documents.0.url", 20),
        ("meetings.0.participants.1.status", 23),
        ("meetings.0.participants.1.source", 23),
        ("meetings.0.participants.1.source.0", 23),
        ("meetings.0.agenda.1.source", 28),
        ("meetings.0.agenda.1.source.0", 28),
    }
    assert fields <= found.keys()
    assert found[("meetings.0.paragraphs.1.number", 18)] == (
        "paragraphs must be numbered 1, 2, 3, ...: 1 repeats (expected 2)"
    )
    assert found[("meetings.0.agenda.1.number", 28)] == "agenda must be numbered 1, 2, 3, ...: 1 repeats (expected 2)"
    assert found[("meetings.0.recommendations.0.theme", 25)] == "unknown theme 'nosuch'."
    assert found[("meetings.0.paragraphs.0.chapter", 17)] == "unknown chapter IX. Did you mean 'I'? Valid: I."
    # a number given twice is one valid choice
    assert found[("meetings.0.statements.0.agenda_items.0", 30)] == "unknown agenda item 5. Valid: 1."
    assert found[("meetings.0.participants.0.actor", 22)].startswith("unknown actor 'ZZZ'.")


def test_the_cli_reports_them_all_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from smuggling_wg.cli import main

    path = tmp_path / "onepass.yaml"
    path.write_text(ONEPASS, encoding="utf-8")
    out = io.StringIO()
    code = main(["validate", str(path)], out=out)
    shown = out.getvalue() + capsys.readouterr().err
    assert code != 0
    assert "15 problems in the data" in shown
    assert "unknown actor 'ZZZ'" in shown and "unknown chapter IX" in shown


def test_one_file_repeating_a_meeting_does_not_hide_anothers_unknown_actor(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.yaml", {"meetings": [{"number": 7}]})
    participants = [{"actor": "ZZZ", "status": "party", "as_written": "Зет", "source": [2]}]
    b = _write(tmp_path / "b.yaml", {"meetings": [_meeting(participants=participants)]})
    problems = swg.validate(a, b)
    by_file = {(p.file, p.path): p.message for p in problems}
    assert by_file[(str(a), "meetings.0.number")].startswith("meeting 7 already exists")
    assert by_file[(str(b), "meetings.0.participants.0.actor")].startswith("unknown actor 'ZZZ'.")
    # the repeat is said once, by the merge, not again as "7 is repeated in meetings"
    assert not [p for p in problems if "repeated" in p.message]
    with pytest.raises(DataError) as raised:
        swg.load(extra=[a, b])
    assert set(raised.value.problems) == set(problems)


def test_a_number_that_is_not_one_does_not_already_exist(tmp_path: Path) -> None:
    """`meeting '7x' already exists` and its hint to replace '7x' named a meeting that cannot be."""
    a = _write(tmp_path / "a.yaml", {"meetings": [{"number": "7x"}]})
    b = _write(tmp_path / "b.yaml", {"meetings": [{"number": "7x"}]})
    problems = swg.validate(a, b)
    numbers = [p for p in problems if p.path == "meetings.0.number"]
    assert [(p.file, p.found) for p in numbers] == [(str(a), "'7x'"), (str(b), "'7x'")]
    assert not [p for p in problems if "already exists" in p.message or "replace" in p.suggestion]


def test_a_reference_to_a_record_that_did_not_validate_is_not_called_unknown(tmp_path: Path) -> None:
    """The record's own problem is said; what points at it is not reported as a second, false one."""
    meeting = _meeting()
    meeting["themes"][0]["title"] = "not a text"  # the theme fails, its id is readable
    meeting["agenda"][0]["source"] = ["x"]  # the agenda item fails, its number is readable
    meeting["chapters"][0]["number"] = "i"  # the chapter's number is not valid: its paragraphs are unchecked
    actor = {**_ORG, "acronym": 5}  # an added organization that fails, its id readable
    meeting["participants"].append({"actor": "xorg", "status": "organization", "as_written": "Орг", "source": [2]})
    path = _write(tmp_path / "m.yaml", {"actors": [actor], "meetings": [meeting]})
    problems = swg.validate(path)
    assert {p.path.split(".")[-1] for p in problems} >= {"title", "0", "number"}
    assert not [p for p in problems if p.message.startswith("unknown")], [str(p) for p in problems]


@pytest.mark.parametrize(
    "changes",
    [
        {"paragraphs": "none", "start_date": "x"},
        {"paragraphs": [None, 5, "x", {"number": "one"}], "meetings_held": -1},
        {"chapters": [{"number": "I", "sections": "A"}], "themes": [None], "end_date": None},
        {"agenda": {"1": "x"}, "statements": [{"actor": None, "agenda_items": "5"}], "source": []},
        {"participants": None, "chair": {"actor": 5}, "speakers": [{"order": "x", "remarks": [None]}], "format": 1},
        {"recommendations": [{"number": 1, "topics": [{"topic": None}], "treaty_refs": [None]}], "title": None},
    ],
)
def test_partial_meetings_never_crash_and_report_their_field_problems(tmp_path: Path, changes: dict[str, Any]) -> None:
    path = _write(tmp_path / "m.yaml", {"meetings": [_meeting(**changes)]})
    problems = swg.validate(path)
    assert problems and all(p.file == str(path) and p.path.startswith("meetings.0") for p in problems)
    reported = {p.path.split(".")[2] for p in problems}
    assert set(changes) <= reported | {"statements", "speakers", "chair"}
    assert len({(p.path, p.message) for p in problems}) == len(problems)  # each problem once


def test_a_meeting_valid_but_for_its_own_checks_is_not_checked_twice(tmp_path: Path) -> None:
    meeting = _meeting(end_date="2099-05-01")
    actor = {**_ORG, "acronym": 5}  # an added organization that fails, its id readable
    path = _write(tmp_path / "m.yaml", {"actors": [actor], "meetings": [meeting]})
    problems = swg.validate(path)
    assert [(p.path, p.message) for p in problems if p.path.startswith("meetings")] == [
        ("meetings.0.end_date", "end_date 2099-05-01 is before start_date 2099-06-01")
    ]
    assert [p.path for p in problems if p.path.startswith("actors")] == ["actors.0.acronym"]


def test_the_valid_choices_name_a_value_given_twice_once() -> None:
    from smuggling_wg.errors import choices

    assert choices(5, [1, 1, 2]) == " Valid: 1, 2."
