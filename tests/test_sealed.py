"""The sealed bundled data: built without validation, yet equal to what validation makes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, Field

import smuggling_wg as swg
from smuggling_wg import loader
from smuggling_wg.construct import construct
from smuggling_wg.models import Bundle

ROOT = Path(__file__).resolve().parent.parent
DATA = loader.data_dir()


def assert_identical(built: object, validated: object, at: str = "bundle") -> None:
    """Same types, same values, same fields set, all the way down."""
    assert type(built) is type(validated), at
    if isinstance(validated, BaseModel):
        assert isinstance(built, BaseModel)
        assert built.model_fields_set == validated.model_fields_set, at
        for name in type(validated).model_fields:
            assert_identical(getattr(built, name), getattr(validated, name), f"{at}.{name}")
    elif isinstance(validated, tuple | list):
        assert isinstance(built, tuple | list)
        assert len(built) == len(validated), at
        for i, (b, v) in enumerate(zip(built, validated, strict=True)):
            assert_identical(b, v, f"{at}[{i}]")
    elif isinstance(validated, dict):
        assert isinstance(built, dict)
        assert list(built) == list(validated), at
        for key in validated:
            assert_identical(built[key], validated[key], f"{at}[{key!r}]")
    else:
        assert built == validated, at


def test_the_seal_is_the_sha256_of_the_compiled_json() -> None:
    raw = (DATA / loader.BUNDLED_JSON).read_bytes()
    sealed = (DATA / loader.SEAL).read_text(encoding="ascii")
    assert len(sealed) == 65 and sealed.endswith("\n")
    assert loader.seal(raw) == sealed


def test_sealed_load_is_identical_to_full_validation() -> None:
    built, validated = loader.bundled(), loader.bundled(check=True)
    assert_identical(built, validated)
    assert built == validated
    assert repr(built.meetings[0]) == repr(validated.meetings[0])
    assert built.model_dump_json(exclude_defaults=True) == validated.model_dump_json(exclude_defaults=True)


def test_outside_data_with_every_kind_of_field_builds_identically() -> None:
    """The example meeting sets fields the bundled data leaves empty (and the other way round)."""
    bundle = loader.extend(swg.load().bundle, [ROOT / "examples" / "example-meeting.yaml"])
    compiled = loader.compile_json(bundle)
    assert_identical(loader.read_compiled(compiled, loader.seal(compiled)), bundle)


def _tampered() -> bytes:
    data = json.loads((DATA / loader.BUNDLED_JSON).read_bytes())
    data["meetings"][0]["recommendations"][7]["number"] = 0
    return json.dumps(data, ensure_ascii=False).encode()


def test_json_that_does_not_match_its_seal_is_validated_in_full() -> None:
    sealed = (DATA / loader.SEAL).read_text(encoding="ascii")
    with pytest.raises(swg.DataError) as caught:
        loader.read_compiled(_tampered(), sealed)
    (problem,) = caught.value.problems
    assert problem.path == "meetings.0.recommendations.7.number"
    assert "greater than or equal to 1" in problem.message


def test_a_matching_seal_is_what_skips_validation() -> None:
    """The contract, shown: JSON is trusted only because its seal says it was validated."""
    tampered = _tampered()
    built = loader.read_compiled(tampered, loader.seal(tampered))
    assert built.meetings[0].recommendations[7].number == 0


def test_validate_checks_the_bundled_data_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def spy(raw: bytes | str, origin: str = "<json>") -> Bundle:
        read.append(origin)
        return Bundle.model_validate_json(raw)

    monkeypatch.setattr(loader, "read_json", spy)
    assert swg.validate() == ()
    assert read == [loader.BUNDLED_JSON]


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
    with pytest.raises(TypeError, match=message.replace("[", r"\[").replace("]", r"\]").replace("|", r"\|")):
        construct(model, {})


def test_dates_tuples_and_integer_keys_are_converted() -> None:
    data: dict[str, Any] = {"day": "2020-09-08", "days": ["2020-09-09"], "scores": {"19": "art. 19"}}
    built = construct(_Fine, data)
    assert built == _Fine.model_validate(data)
    assert built.day == dt.date(2020, 9, 8) and built.days == (dt.date(2020, 9, 9),)
    assert built.scores == {19: "art. 19"} and built.note is None
    assert built.model_fields_set == {"day", "days", "scores"}
