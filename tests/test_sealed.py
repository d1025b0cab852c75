"""The sealed bundled data: built without validation, yet equal to what validation makes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, Field

import smuggling_wg as swg
from build import compile_json
from identical import assert_identical
from smuggling_wg import _loader
from smuggling_wg._construct import NoRule, ShapeError, construct
from smuggling_wg.models import Bundle

ROOT = Path(__file__).resolve().parent.parent
DATA = _loader.data_dir()


def test_the_seal_is_the_sha256_of_the_compiled_json_and_of_the_models() -> None:
    raw = (DATA / _loader.BUNDLED_JSON).read_bytes()
    sealed = (DATA / _loader.SEAL).read_text(encoding="ascii")
    models = (Path(swg.__file__).parent / "models.py").read_bytes()
    digests = (hashlib.sha256(raw).hexdigest(), hashlib.sha256(models).hexdigest())
    assert sealed == f"{digests[0]}  dataset.json\n{digests[1]}  models.py\n"
    assert _loader.seal(raw) == sealed


def test_models_changed_since_the_compile_are_validated_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model tightened without recompiling: the seal no longer matches, so the data is validated in full."""
    read: list[str] = []

    def spy(raw: bytes | str, origin: str = "<json>") -> Bundle:
        read.append(origin)
        return Bundle.model_validate_json(raw)

    monkeypatch.setattr(_loader, "read_json", spy)
    assert len(_loader.bundled().meetings[0].recommendations) == 22
    assert read == [], "unchanged models: the sealed JSON is built without validating"
    monkeypatch.setattr(_loader, "models_fingerprint", lambda: "0" * 64)
    assert len(_loader.bundled().meetings[0].recommendations) == 22
    assert read == [_loader.BUNDLED_JSON]


def test_data_the_changed_models_refuse_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sealed for the models of its compile, JSON that today's models refuse raises DataError once they change."""
    raw = _tampered()  # recommendation 8 numbered 0: the models refuse it
    sealed = _loader.seal(raw)
    assert _loader.read_compiled(raw, sealed).meetings[0].recommendations[7].number == 0  # trusted as sealed
    monkeypatch.setattr(_loader, "models_fingerprint", lambda: hashlib.sha256(b"tightened models").hexdigest())
    with pytest.raises(swg.DataError, match="greater than or equal to 1"):
        _loader.read_compiled(raw, sealed)


def test_sealed_load_is_identical_to_full_validation() -> None:
    built, validated = _loader.bundled(), _loader.bundled(check=True)
    assert_identical(built, validated)
    assert built == validated
    assert repr(built.meetings[0]) == repr(validated.meetings[0])
    assert built.model_dump_json(exclude_defaults=True) == validated.model_dump_json(exclude_defaults=True)


def test_load_takes_the_sealed_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(raw: bytes | str, origin: str = "<json>") -> Bundle:
        raise AssertionError("the sealed bundled data was validated again")

    monkeypatch.setattr(_loader, "read_json", refuse)
    assert len(_loader.bundled().meetings[0].recommendations) == 22


def test_outside_data_builds_identically() -> None:
    """The example meeting leaves empty or None fields the bundled data sets: other branches of each decoder."""
    bundle = _loader.extend(swg.load().bundle, [ROOT / "examples" / "example-meeting.yaml"])
    compiled = compile_json(bundle)
    assert_identical(_loader.read_compiled(compiled, _loader.seal(compiled)), bundle)


def _tampered(field: str = "number", value: object = 0) -> bytes:
    """The bundled JSON with one field of recommendation 8 set to ``value`` (``...``: removed)."""
    data = json.loads((DATA / _loader.BUNDLED_JSON).read_bytes())
    recommendation = data["meetings"][0]["recommendations"][7]
    if value is ...:
        del recommendation[field]
    else:
        recommendation[field] = value
    return json.dumps(data, ensure_ascii=False).encode()


def test_json_that_does_not_match_its_seal_is_validated_in_full() -> None:
    sealed = (DATA / _loader.SEAL).read_text(encoding="ascii")
    with pytest.raises(swg.DataError) as caught:
        _loader.read_compiled(_tampered(), sealed)
    (problem,) = caught.value.problems
    assert problem.path == "meetings.0.recommendations.7.number"
    assert "greater than or equal to 1" in problem.message


def test_a_matching_seal_is_what_skips_validation() -> None:
    """The contract, shown: JSON is trusted only because its seal says it was validated."""
    tampered = _tampered()
    built = _loader.read_compiled(tampered, _loader.seal(tampered))
    assert built.meetings[0].recommendations[7].number == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("modality", ..., "Field required"),
        ("colour", "red", "Extra inputs are not permitted"),
        ("treaty_refs", 8, "Input should be a valid array"),
    ],
)
def test_sealed_json_that_does_not_fit_the_models_is_validated_in_full(field: str, value: object, message: str) -> None:
    """JSON compiled for other models (a field since added, removed or changed) is not built blindly."""
    raw = _tampered(field, value)
    with pytest.raises(swg.DataError) as caught:
        _loader.read_compiled(raw, _loader.seal(raw))
    (problem,) = caught.value.problems
    assert problem.path == f"meetings.0.recommendations.7.{field}"
    assert message in problem.message


def test_validate_checks_the_bundled_data_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def spy(raw: bytes | str, origin: str = "<json>") -> Bundle:
        read.append(origin)
        return Bundle.model_validate_json(raw)

    monkeypatch.setattr(_loader, "read_json", spy)
    assert swg.validate() == ()
    assert read == [_loader.BUNDLED_JSON]


class _Point(BaseModel):
    kind: str = "point"
    x: float


class _Tagged(BaseModel):
    tags: set[str]


class _Pair(BaseModel):
    pair: tuple[int, str]


class _Either(BaseModel):
    value: _Pair | _Tagged


class _Fine(BaseModel):
    day: dt.date
    days: tuple[dt.date, ...] = ()
    scores: dict[Annotated[int, Field(ge=1)], str] = {}
    note: str | None = None


@pytest.mark.parametrize(
    ("model", "message"),
    [
        (_Point, "no rule to build a <class 'float'> from JSON"),
        (_Tagged, "no rule to build a set[str] from JSON"),
        (_Pair, "only tuple[X, ...] is supported, not tuple[int, str]"),
        (_Either, "a union of several types needs a discriminator"),
    ],
)
def test_a_field_without_a_rule_is_refused_when_the_plan_is_made(model: type[BaseModel], message: str) -> None:
    with pytest.raises(NoRule, match=re.escape(message)):
        construct(model, {})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "_Fine needs ['day']"),
        ({"day": "2020-09-08", "colour": "red"}, "'colour'"),
        ({"day": "8 September"}, "Invalid isoformat string"),
        ({"day": "2020-09-08", "days": 5}, "not iterable"),
        ({"day": "2020-09-08", "scores": ["19"]}, "has no attribute 'items'"),
    ],
)
def test_data_of_another_shape_is_a_shape_error(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ShapeError, match=re.escape(message)) as caught:
        construct(_Fine, data)
    assert str(caught.value).startswith("the data does not fit _Fine: ")


def test_dates_tuples_and_integer_keys_are_converted() -> None:
    data: dict[str, Any] = {"day": "2020-09-08", "days": ["2020-09-09"], "scores": {"19": "art. 19"}}
    built = construct(_Fine, data)
    assert built == _Fine.model_validate(data)
    assert built.day == dt.date(2020, 9, 8) and built.days == (dt.date(2020, 9, 9),)
    assert built.scores == {19: "art. 19"} and built.note is None
    assert built.model_fields_set == {"day", "days", "scores"}
