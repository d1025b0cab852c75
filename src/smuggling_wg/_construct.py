"""Records built from JSON that was validated before, without validating it again.

The bundled ``dataset.json`` is validated in full when the compile step makes it, and
sealed (``dataset.sha256``) with its SHA-256 and that of the models' source it was
validated with (:func:`smuggling_wg._loader.seal`). Validating it again at every start would
build pydantic's validator for the whole dataset (about 40 ms with pydantic's first-use
imports, a sixth of a cold start) to learn nothing new, so a file that matches its seal
is built here instead: each JSON value becomes what validation would make of it (nested
records, tuples, dates, integer keys), each record through pydantic's ``model_construct``.
JSON that does not fit the models' fields (compiled for other models) raises
:class:`ShapeError`, and anything not sealed for the models installed now is validated instead
(:func:`smuggling_wg._loader.read_compiled`); the tests prove both ways give identical data.
"""

import datetime as dt
import types
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

__all__ = ["NoRule", "ShapeError", "construct"]

M = TypeVar("M", bound=BaseModel)
Decode = Callable[[Any], Any]

_PLANS: dict[type[BaseModel], Decode] = {}


class NoRule(TypeError):
    """A model has a kind of field this module cannot build (a programming error, found at once)."""


class ShapeError(ValueError):
    """The JSON does not fit the models' fields: one is missing, unknown or of another kind."""


def construct(model: type[M], data: dict[str, Any]) -> M:
    """``model`` built from ``data`` (parsed JSON of a validated record), unvalidated.

    Only the shape is checked: every required field given, no unknown field, containers
    where the model has them. Values are trusted; that is what the seal vouches for.
    """
    try:
        record: M = _plan(model)(data)
    except NoRule:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ShapeError(f"the data does not fit {model.__name__}: {exc!r}") from exc
    return record


def _plan(model: type[BaseModel]) -> Decode:
    """How to build one ``model`` from its JSON object; made once per model."""
    plan = _PLANS.get(model)
    if plan is None:
        fields = {name: _decoder(field.annotation) for name, field in model.model_fields.items()}
        required = frozenset(name for name, field in model.model_fields.items() if field.is_required())
        make = model.model_construct

        def plan(data: dict[str, Any]) -> BaseModel:
            if not required <= data.keys():
                raise KeyError(f"{model.__name__} needs {sorted(required - data.keys())}")
            return make(**{name: fields[name](value) for name, value in data.items()})

        _PLANS[model] = plan
    return plan


def _keep(value: Any) -> Any:
    """A JSON value that is already what validation makes (str, int, bool, a literal, None)."""
    return value


def _decoder(annotation: Any, discriminator: str | None = None) -> Decode:
    """How to turn a JSON value into a value of type ``annotation``.

    Unknown kinds of annotation raise :class:`NoRule` here, when the plan is made, so a new
    kind of field cannot slip through unconverted.
    """
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *metadata = get_args(annotation)
        tags = [m.discriminator for m in metadata if isinstance(m, FieldInfo) and isinstance(m.discriminator, str)]
        return _decoder(inner, tags[0] if tags else discriminator)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        return lambda value: _plan(model)(value)
    if annotation is dt.date:
        return dt.date.fromisoformat
    if annotation in (str, int, bool, type(None)) or origin is Literal:
        return _keep
    if origin is tuple:
        item, *rest = get_args(annotation)
        if rest != [Ellipsis]:
            raise NoRule(f"only tuple[X, ...] is supported, not {annotation}")
        convert = _decoder(item)
        return tuple if convert is _keep else lambda value: tuple(map(convert, value))
    if origin is dict:
        key_type, value_type = get_args(annotation)
        key = int if _bare(key_type) is int else _decoder(key_type)  # JSON object keys are strings
        value = _decoder(value_type)
        return lambda data: {key(k): value(v) for k, v in data.items()}
    if origin in (Union, types.UnionType):
        return _union(annotation, discriminator)
    raise NoRule(f"no rule to build a {annotation!r} from JSON")


def _bare(annotation: Any) -> Any:
    """``annotation`` without ``Annotated[...]`` constraints."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _union(annotation: Any, discriminator: str | None) -> Decode:
    """``X | None``, or records told apart by a literal field (a discriminated union)."""
    members = [m for m in get_args(annotation) if m is not type(None)]
    optional = len(members) < len(get_args(annotation))
    if len(members) == 1:
        convert = _decoder(members[0])
    elif discriminator is not None:
        by_tag: dict[object, Decode] = {}
        for member in map(_bare, members):
            for tag in _literal_values(member.model_fields[discriminator].annotation):
                by_tag[tag] = _decoder(member)
        tag_field = discriminator

        def convert(value: Any) -> Any:
            return by_tag[value[tag_field]](value)
    else:
        raise NoRule(f"a union of several types needs a discriminator: {annotation}")
    if not optional or convert is _keep:
        return convert
    return lambda value: None if value is None else convert(value)


def _literal_values(annotation: Any) -> tuple[object, ...]:
    """Every value a ``Literal`` (or a union of them) allows."""
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        return tuple(v for member in get_args(annotation) for v in _literal_values(member))
    raise NoRule(f"a discriminator must be a Literal field, not {annotation}")
