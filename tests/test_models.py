"""The models reject bad data with messages that say what is wrong; the loader reports every problem."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from build import compile_json
from smuggling_wg import DataError, _loader
from smuggling_wg.models import Bundle


@pytest.fixture
def good() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_loader.data_dir() / _loader.BUNDLED_JSON).read_bytes())
    return data


def _meeting(data: dict[str, Any]) -> dict[str, Any]:
    meeting: dict[str, Any] = data["meetings"][0]
    return meeting


def _problems(data: dict[str, Any]) -> str:
    with pytest.raises(DataError) as caught:
        _loader.read_json(json.dumps(data), "test.json")
    return "\n".join(map(str, caught.value.problems))


def test_the_bundled_data_round_trips(good: dict[str, Any]) -> None:
    bundle = _loader.read_json(json.dumps(good))
    assert Bundle.model_validate_json(compile_json(bundle)) == bundle
    assert Bundle.model_validate(bundle.model_dump()) == bundle


def test_repeated_recommendation_number(good: dict[str, Any]) -> None:
    _meeting(good)["recommendations"][1]["number"] = 1
    assert (
        "test.json: meetings.0.recommendations.1.number: "
        "recommendations must be numbered 1, 2, 3, ...: 1 repeats (expected 2)" in _problems(good)
    )


def test_skipped_recommendation_number(good: dict[str, Any]) -> None:
    del _meeting(good)["recommendations"][4]
    assert (
        "meetings.0.recommendations.4.number: recommendations must be numbered 1, 2, 3, ...: 6 skips (expected 5)"
        in _problems(good)
    )


def test_unknown_theme(good: dict[str, Any]) -> None:
    _meeting(good)["recommendations"][0]["theme"] = "crisis"
    assert "meetings.0.recommendations.0.theme: unknown theme 'crisis'. Did you mean 'crises'?" in _problems(good)


def test_dangling_actor(good: dict[str, Any]) -> None:
    _meeting(good)["statements"][6]["actor"] = "XYZ"
    assert "meetings.0.statements.6.actor: unknown actor 'XYZ'." in _problems(good)


def test_duplicate_actor(good: dict[str, Any]) -> None:
    good["actors"].append(copy.deepcopy(good["actors"][0]))
    assert "test.json: actors.104.id: AUS is repeated in actors" in _problems(good)


def test_duplicate_participant(good: dict[str, Any]) -> None:
    _meeting(good)["participants"].append(copy.deepcopy(_meeting(good)["participants"][0]))
    assert "test.json: meetings.0.participants.103.actor: AUS is repeated in participants" in _problems(good)


def test_citation_beyond_the_report(good: dict[str, Any]) -> None:
    _meeting(good)["documents"][0]["source"] = [35]
    assert "meetings.0.documents.0.source.0: cites paragraph 35, the report has 34" in _problems(good)


def test_unknown_field_and_wrong_type_reported_together(good: dict[str, Any]) -> None:
    _meeting(good)["recommendations"][0]["colour"] = "red"
    _meeting(good)["start_date"] = "September"
    problems = _problems(good)
    assert "meetings.0.recommendations.0.colour: Extra inputs are not permitted" in problems
    assert "meetings.0.start_date: Input should be a date written YYYY-MM-DD" in problems


def test_empty_source_is_rejected(good: dict[str, Any]) -> None:
    _meeting(good)["speakers"][0]["source"] = []
    assert "speakers.0.source" in _problems(good)


def test_unknown_agenda_item(good: dict[str, Any]) -> None:
    _meeting(good)["speakers"][0]["agenda_item"] = 9
    assert "meetings.0.speakers.0.agenda_item: unknown agenda item 9. Valid: 1, 2, 3, 4, 5." in _problems(good)


def test_yaml_duplicate_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text('data_version: "1"\ndata_version: "2"\nactors: []\nmeetings: []\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"dup.yaml:2:1: duplicate key 'data_version'"):
        _loader.read_yaml([path])


def test_yaml_python_tags_are_never_constructed(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("data_version: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"the tag !!python/object/apply:os\.system is not allowed"):
        _loader.read_yaml([path])


def test_yaml_problems_in_several_files_are_all_reported(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("- a list\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes(b"\xff\xfe not utf-8")
    (tmp_path / "c.yaml").write_text("colour: red\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        _loader.read_yaml(sorted(tmp_path.iterdir()))
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 4
    assert problems[3] == "<data>: data_version: Field required (expected a value, found nothing) Hint: add this field"
    assert problems[0].endswith("a.yaml:1:1: expected a mapping at the top level, found list")
    assert "b.yaml: not UTF-8: byte 0xff at offset 0" in problems[1]
    assert "c.yaml:1:9: colour: unexpected top-level key 'colour'" in problems[2]


def test_norway_stays_a_string_when_quoted() -> None:
    text = (_loader.data_dir() / "actors.yaml").read_text(encoding="utf-8")
    assert 'alpha2: "NO"' in text
