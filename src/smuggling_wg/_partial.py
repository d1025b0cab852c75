"""Data that did not validate, as the parts of it that did: so the checks across records run in the same pass.

Pydantic checks a model's fields, and only when they all hold runs its checks across records
(a meeting's numbering and references, the actors a meeting mentions). When a field fails,
:func:`partial` gives the record as far as it validated: a record or list item that validates
is the record; one that does not is a :class:`Part` whose fields that failed are None, and
whose lists of records are partial item by item (positions kept, so problems stay located).
:func:`~.models.meeting_problems` and :func:`~.models.bundle_problems` skip what is None.
Used only when validation failed; the bundled data never comes here.
"""

from __future__ import annotations

import functools
from typing import Any, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from .models import Actor

__all__ = ["Part", "partial"]


class Part:
    """A record that did not validate: its fields that did, None for the others (and for unknown names)."""

    __slots__ = ("values",)

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def __getattr__(self, name: str) -> Any:
        return self.values.get(name)


def partial(kind: Any, raw: Any) -> Any:
    """``raw`` validated as ``kind`` (a model, or the actor union); as far as it validates otherwise.

    None when ``raw`` is not even a mapping; never raises.
    """
    if kind is Actor:
        kind = _actor_kinds().get(raw.get("kind") if isinstance(raw, dict) else None)
        if kind is None:
            return None
    try:
        return kind.model_validate(raw)
    except ValidationError as exc:
        bad = {error["loc"][0] for error in exc.errors(include_url=False) if error["loc"]}
    if not isinstance(raw, dict):
        return None
    try:
        for validator in kind.__pydantic_decorators__.model_validators.values():
            if validator.info.mode == "before":  # the renamings and defaults a model applies first
                raw = validator.func(raw)
    except (ValueError, TypeError, AssertionError):
        return Part({})
    values: dict[str, Any] = {}
    for name, field in kind.model_fields.items():
        given = raw.get(name, _MISSING)
        item = _item(field.annotation)
        if item is not None and isinstance(given, list | tuple):
            values[name] = [partial(item, v) for v in given]
        elif name in bad:
            values[name] = None
        elif given is _MISSING:
            values[name] = field.get_default(call_default_factory=True)
        else:
            try:
                values[name] = _adapter(field.annotation).validate_python(given)
            except ValidationError:
                values[name] = None
    return Part(values)


_MISSING = object()


def _item(annotation: Any) -> Any:
    """The record type of a ``tuple[Record, ...]`` field (a model or the actor union); None for any other."""
    if get_origin(annotation) is tuple:
        args = get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            inner = args[0]
            if inner is Actor or (isinstance(inner, type) and issubclass(inner, BaseModel)):
                return inner
    return None


@functools.cache
def _actor_kinds() -> dict[Any, type[BaseModel]]:
    members = get_args(get_args(Actor)[0])
    field = get_args(Actor)[1].discriminator
    return {kind: member for member in members for kind in get_args(member.model_fields[field].annotation)}


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)
