"""The keys that find an actor: every name, code and form, folded; compiled for the bundled data.

The compile step (``tools/indexes.py``) writes ``data/actor-keys.json``: every folded key of
the bundled data with the ids it names, each actor's common names (CLDR and OCHA names of
states from ``common-names.yaml``, editorial names of organizations from
``organization-names.yaml``) and OCHA's regular expression of each state. A first lookup
reads that file and nothing else. Data merged at load time extends it: only the actors and
meetings that are not the bundled ones are folded at run time.

Names that only look alike (``ItaIy`` and ``Italy``, :func:`smuggling_wg._names.looks`) are
matched by :func:`looks_index` and :func:`alike`, built at run time when a lookup misses or
added data is checked (a few milliseconds for the bundled names).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ._loader import data_dir
from ._names import looks, name_key
from .models import Actor, Bundle, Meeting, State

__all__ = [
    "ACTOR_KEYS",
    "alike",
    "by_pattern",
    "compile_keys",
    "compiled",
    "keys",
    "keys_of",
    "looks_index",
    "variants",
    "written",
]

#: Where in a bundle a name is written: ("actors", 3, "name", "en").
Loc = tuple[str | int, ...]
#: What a name looks like -> {actor id: the name as written} (:func:`looks_index`).
LooksIndex = Mapping[str, Mapping[str, str]]

ACTOR_KEYS = "actor-keys.json"
OTHER_STATES = "other-states.json"


def variants(key: str) -> Iterator[str]:
    """A key as names are compared (:func:`name_key`), and a bracketed name also without its brackets.

    «Иран (Исламская Республика)» -> «иран (исламская республика)», «иран».
    """
    if key:
        yield name_key(key)
        if " (" in key:
            yield name_key(key.split(" (")[0])


def _whole(pattern: str) -> re.Pattern[str]:
    """OCHA's expression matching a whole name: "the Vatican" is the Holy See, "XItaly" and "kill Norway" are nothing.

    OCHA writes its expressions for searching inside a text; unanchored, "italy" would find
    "XItaly", "Italyy" and "not Italy at all". Here the expression must match the whole name
    (an English article before it allowed), or the lookup raises NotFound with the closest names.
    """
    return _compiled(rf"(?:the\s+)?(?:{pattern})")


def _within(pattern: str) -> re.Pattern[str]:
    """OCHA's expression found as whole words inside a name ("Great Britain"): only to say what a miss may mean."""
    return _compiled(rf"(?<!\w)(?:{pattern})(?!\w)")


@lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def keys_of(actor: Actor, common: Iterable[str] = ()) -> Iterator[str]:
    """Every folded key of one actor: id, names, codes, acronym, UN names and its common names."""
    raw: list[str] = [actor.id, actor.name.ru, actor.name.en, *common]
    if isinstance(actor, State):
        raw += [actor.alpha2, actor.m49, *(actor.names.model_dump().values() if actor.names else ())]
    else:
        raw.append(actor.acronym)
    for key in raw:
        yield from variants(key)


def written(bundle: Bundle) -> Iterator[tuple[str, str, Loc]]:
    """Every name that finds an actor as written, the actor's id and where in ``bundle`` it stands.

    The id, names, codes and acronym of each actor, its UN names, and every form a meeting
    writes it in (the genitive «Австралии»); empty values left out.
    """
    for i, actor in enumerate(bundle.actors):
        fields: list[tuple[Loc, str]] = [(("id",), actor.id), (("name", "ru"), actor.name.ru)]
        fields.append((("name", "en"), actor.name.en))
        if isinstance(actor, State):
            fields += [(("alpha2",), actor.alpha2), (("m49",), actor.m49)]
            fields += [
                (("names", lang), name) for lang, name in (actor.names.model_dump() if actor.names else {}).items()
            ]
        else:
            fields.append((("acronym",), actor.acronym))
        yield from ((name, actor.id, ("actors", i, *loc)) for loc, name in fields if name)
    for mi, m in enumerate(bundle.meetings):
        forms = [("statements", j, s.as_written, s.actor) for j, s in enumerate(m.statements)]
        forms += [("participants", j, p.as_written, p.actor) for j, p in enumerate(m.participants)]
        yield from ((name, actor_id, ("meetings", mi, kind, j, "as_written")) for kind, j, name, actor_id in forms)


def looks_index(bundle: Bundle) -> dict[str, dict[str, str]]:
    """What each name of ``bundle``'s actors looks like (and their common names) -> {actor id: a name as written}."""
    index: dict[str, dict[str, str]] = {}
    names = [(name, actor_id) for name, actor_id, _ in written(bundle)]
    names += [(name, a.id) for a in bundle.actors for name in _common(a.id)]
    for name, actor_id in dict.fromkeys(names):
        for look in looks(name):
            index.setdefault(look, {}).setdefault(actor_id, name)
    return index


def alike(index: LooksIndex, name: str) -> dict[str, str]:
    """The actors of ``index`` one of whose names looks like ``name``: {actor id: that name as written}."""
    found: dict[str, str] = {}
    for look in sorted(looks(name)):
        for actor_id, written_as in index.get(look, {}).items():
            found.setdefault(actor_id, written_as)
    return found


def _meeting_keys(meeting: Meeting) -> Iterator[tuple[str, str]]:
    """(folded key, actor id) for every form the report writes a name in (the genitive «Австралии»)."""
    for written, actor_id in [(s.as_written, s.actor) for s in meeting.statements] + [
        (p.as_written, p.actor) for p in meeting.participants
    ]:
        for key in variants(written):
            yield key, actor_id


def _add(keys: dict[str, list[str]], key: str, actor_id: str) -> None:
    ids = keys.setdefault(key, [])
    if actor_id not in ids:
        ids.append(actor_id)


def compile_keys(bundle: Bundle, common: Mapping[str, Sequence[str]], patterns: Mapping[str, str]) -> bytes:
    """The compact, deterministic JSON of ``actor-keys.json`` for ``bundle``.

    ``common``: each actor's common names as written, by id; ``patterns``: OCHA's regular
    expression of each state, by id.
    """
    keys: dict[str, list[str]] = {}
    for actor in bundle.actors:
        for key in keys_of(actor, common.get(actor.id, ())):
            _add(keys, key, actor.id)
    for meeting in bundle.meetings:
        for key, actor_id in _meeting_keys(meeting):
            _add(keys, key, actor_id)
    table = {
        "keys": dict(sorted(keys.items())),
        "common": {k: list(v) for k, v in common.items() if v},
        "patterns": dict(patterns),
    }
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def compile_other_states(names: Mapping[str, Sequence[str]], patterns: Mapping[str, str]) -> bytes:
    """The compact, deterministic JSON of ``other-states.json``: states not in the bundled data."""
    table = {"common": {k: list(v) for k, v in names.items()}, "patterns": dict(patterns)}
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


@lru_cache(maxsize=1)
def other_states() -> dict[str, Any]:
    """Common names and OCHA expressions of the states not in the bundled data (read when needed)."""
    raw: dict[str, Any] = json.loads((data_dir() / OTHER_STATES).read_bytes())
    return raw


def _common(actor_id: str) -> Sequence[str]:
    """An actor's common names, from the compiled keys or, for a state not in the bundled data, the others."""
    names: Sequence[str] | None = compiled()["common"].get(actor_id)
    return names if names is not None else other_states()["common"].get(actor_id, ())


@lru_cache(maxsize=1)
def _others_by_key() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for code, names in other_states()["common"].items():
        for name in names:
            for key in variants(name):
                _add(keys, key, code)
    return keys


def elsewhere(folded: str) -> list[tuple[str, str]]:
    """(ISO alpha-3, English name) of the states not in the bundled data that ``folded`` names.

    By their keys, else by OCHA's expressions found as whole words (a name among other words is enough here:
    the answer only words the error of a lookup that missed); read on a lookup's miss only.
    """
    table = other_states()
    codes = _others_by_key().get(folded) or [
        code for code, pattern in table["patterns"].items() if _within(pattern).search(folded)
    ]
    return [(code, table["common"][code][0]) for code in codes]


@lru_cache(maxsize=1)
def compiled() -> dict[str, Any]:
    """The compiled keys of the bundled data (read once per process, never changed)."""
    raw: dict[str, Any] = json.loads((data_dir() / ACTOR_KEYS).read_bytes())
    return raw


def keys(bundle: Bundle, bundled: Bundle | None) -> Mapping[str, Sequence[str]]:
    """Folded key -> ids of the actors of ``bundle`` it names (more than one: ambiguous).

    ``bundled``: the bundled data, when loaded. For it the compiled keys are used as they are;
    for other data they are extended with the keys of every actor and meeting that is not
    the bundled one (all of them when the bundled data is not known), and keep only ids
    that ``bundle`` has.
    """
    table = compiled()
    if bundle is bundled:
        return table["keys"]  # type: ignore[no-any-return]
    actors = {a.id: a for a in bundle.actors}
    result = {k: [i for i in ids if i in actors] for k, ids in table["keys"].items()}
    old_actors = {a.id: a for a in bundled.actors} if bundled else {}
    old_meetings = {m.number: m for m in bundled.meetings} if bundled else {}
    for actor in bundle.actors:
        if old_actors.get(actor.id) != actor:
            for key in keys_of(
                actor, _common(actor.id) if isinstance(actor, State) else table["common"].get(actor.id, ())
            ):
                _add(result, key, actor.id)
    for meeting in bundle.meetings:
        old = old_meetings.get(meeting.number)
        if old is None or (old.statements, old.participants) != (meeting.statements, meeting.participants):
            for key, actor_id in _meeting_keys(meeting):
                _add(result, key, actor_id)
    return {k: ids for k, ids in result.items() if ids}


def by_pattern(folded: str, ids: Iterable[str]) -> list[str]:
    """The states among ``ids`` whose OCHA regular expression matches the whole of ``folded`` (on a miss only)."""
    patterns: dict[str, str] = compiled()["patterns"]
    ids = list(ids)
    if any(i not in patterns for i in ids):
        patterns = {**other_states()["patterns"], **patterns}
    return [i for i in ids if i in patterns and _whole(patterns[i]).fullmatch(folded)]
