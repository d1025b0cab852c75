"""Who a name in the report is: the library's own actor lookup, and the case forms the report uses.

A name resolves when the library's keys (every name, code and form of the bundled data and
of the data loaded, folded: :meth:`smuggling_wg.Dataset.actor`) give exactly one actor for
it, or, for a name in another case («Южной Африки»), for exactly one of its possible
nominative forms. A name that gives no actor or more than one is not guessed: the caller
writes a placeholder saying which.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .._fold import fold
from ..dataset import Dataset
from ..errors import NotFound
from ..models import Organization, State
from ._russian import nominative_candidates

__all__ = ["Lookup", "Resolved"]


@dataclass(frozen=True)
class Resolved:
    """An actor id, or why there is none (``problem``)."""

    actor: str | None
    problem: str = ""
    kind: str = ""  # "state" or "organization"


class Lookup:
    """Resolves names against one dataset (the bundled data, or it with the user's files)."""

    def __init__(self, ds: Dataset) -> None:
        self._ds = ds
        self._keys: Mapping[str, Sequence[str]] = ds._actor_keys()
        self._memo: dict[str, Resolved] = {}

    def _kind(self, actor_id: str) -> str:
        actor = self._ds._actors[actor_id]
        return "state" if isinstance(actor, State) else "organization" if isinstance(actor, Organization) else ""

    def _named(self, ids: Sequence[str], name: str) -> Resolved:
        if len(ids) == 1:
            return Resolved(ids[0], kind=self._kind(ids[0]))
        shown = ", ".join(ids)
        return Resolved(None, f"«{name}» could be any of {shown}: say which")

    def resolve(self, name: str) -> Resolved:
        """The actor ``name`` names (see the module docstring)."""
        if name not in self._memo:
            self._memo[name] = self._resolve(name)
        return self._memo[name]

    def _resolve(self, name: str) -> Resolved:
        ids = self._keys.get(fold(name).strip(), ())
        if ids:
            return self._named(ids, name)
        found: dict[str, None] = {}
        for candidate in nominative_candidates(name):
            found.update(dict.fromkeys(self._keys.get(fold(candidate).strip(), ())))
        if found:
            return self._named(list(found), name)
        try:  # the library's own fallbacks (OCHA's expressions of states), and its message
            actor = self._ds.actor(name)
        except NotFound as exc:
            return Resolved(None, f"no actor is named «{name}» ({exc}); give its id, or add it under actors:")
        return Resolved(actor.id, kind=self._kind(actor.id))
