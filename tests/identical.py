"""A deep comparison stricter than ``==``: types, fields set and values, all the way down."""

from __future__ import annotations

from pydantic import BaseModel


def assert_identical(built: object, validated: object, at: str = "bundle") -> None:
    """Same types, same values, same fields set, same key order, all the way down."""
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
