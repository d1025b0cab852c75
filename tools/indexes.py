"""The compiled indexes of the bundled data: actor lookup keys and the search index.

Part of the compile step (``tools/compile_data.py`` writes and checks them with the rest):

* ``actor-keys.json``: every folded key that finds an actor (ids, codes, names in six
  languages, the report's forms, the common names of ``common-names.yaml`` and
  ``organization-names.yaml``) with the ids it names, each actor's common names, and OCHA's
  regular expression of each state (:mod:`smuggling_wg._lookup`);
* ``other-states.json``: the common names and OCHA expressions of every other state, read only
  when a lookup misses or merged data adds a state;
* ``search-index.json``: the search index of the bundled meetings, stems with their
  positions in each text and each text's length, and the equivalent terms of
  ``equivalent-terms.yaml`` (:class:`smuggling_wg.search.SearchIndex`).

A first lookup or search reads one of them instead of building it in the user's wait.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from smuggling_wg._lookup import ACTOR_KEYS, OTHER_STATES, compile_keys, compile_other_states
from smuggling_wg.models import Bundle
from smuggling_wg.search import SEARCH_INDEX, SearchIndex, equivalents_from, organization_names

#: Sources of the common names, beside the data's YAML (generated, and editorial).
NAME_FILES = ("common-names.yaml", "organization-names.yaml")
#: The equivalent terms a search also finds a word by (editorial).
EQUIVALENT_TERMS = "equivalent-terms.yaml"


def common_names(folder: Path, section: str = "common_names") -> tuple[dict[str, list[str]], dict[str, str]]:
    """Common names by id (states of ``section``, and for the data, organizations), and OCHA's expressions."""
    states = yaml.safe_load((folder / NAME_FILES[0]).read_text(encoding="utf-8"))[section]
    names = {code: [*entry["en"], *entry["ru"]] for code, entry in states.items()}
    if section == "common_names":
        organizations = yaml.safe_load((folder / NAME_FILES[1]).read_text(encoding="utf-8"))["organization_names"]
        names.update({actor_id: list(aliases) for actor_id, aliases in organizations.items()})
    return names, {code: entry["regex"] for code, entry in states.items()}


def compiled_indexes(bundle: Bundle, folder: Path) -> dict[str, bytes]:
    """What ``actor-keys.json``, ``other-states.json`` and ``search-index.json`` must hold for ``bundle``."""
    names, patterns = common_names(folder)
    unknown = sorted(set(names) - {a.id for a in bundle.actors})
    if unknown:
        raise SystemExit(f"common names given for actors not in the data: {', '.join(unknown)}")
    groups = yaml.safe_load((folder / EQUIVALENT_TERMS).read_text(encoding="utf-8"))["equivalent_terms"]
    index = SearchIndex(bundle.meetings, organization_names(bundle.actors, names), equivalents_from(groups))
    return {
        ACTOR_KEYS: compile_keys(bundle, names, patterns),
        OTHER_STATES: compile_other_states(*common_names(folder, "other_states")),
        SEARCH_INDEX: index.dumps(),
    }
