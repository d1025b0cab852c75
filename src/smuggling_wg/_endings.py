"""The inflected forms of a stem: the endings after which the library's Snowball stemmer gives it back.

What lets a program that does not stem still match the library's stems: the web edition's
page (which looks a query word up as stem + ending) and the SQLite export (which indexes every
form of a text's stems, so Datasette's own search box finds «цифровые доказательства» in
«цифровых доказательств»). The endings of the bundled texts' stems are shipped
(``data/endings.json``, made by ``tools/site_endings.py``); the stems of other data are
stemmed when needed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from importlib.metadata import version

from ._stem import _stemmers

__all__ = ["ENDINGS_JSON", "EN_ENDINGS", "RU_ENDINGS", "endings_of", "stem_endings", "word_forms"]

#: Endings tried after every stem of the texts (Russian noun, adjective and verb endings; English suffixes).
RU_ENDINGS: tuple[str, ...] = (
    *("", "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "й", "ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях"),
    *("ами", "ями", "ов", "ев", "ий", "ый", "ая", "ое", "ые", "ую", "ого", "ому", "ым", "ых", "ыми"),
    *("ие", "ия", "ию", "ии", "иям", "ией", "иями", "иях", "ием", "ее", "его", "ему", "ими", "их", "ою", "ею"),
    *("ью", "ья", "ьи", "ье", "ьев", "ет", "ют", "ут", "ит", "ят", "ать", "ить", "ять", "ся"),
    # verbs' past tense and participles: «представлял», «открыла», «выступили», «занимающихся»
    *("л", "ла", "ло", "ли", "ть", "ем", "ете", "ешь", "ила", "ил", "или", "ал", "ала", "али"),
    *("вший", "вшие", "вших", "ющий", "ющие", "ющих", "ющего", "щий", "щие", "щих", "нный", "нные", "нных"),
    # adjectives whose doubled н Snowball undoubles: «электронные» -> «электрон»
    *("ный", "ная", "ное", "ные", "ных", "ным", "ными", "ного", "ному", "ную", "ной", "нной", "нного", "нным"),
)
EN_ENDINGS: tuple[str, ...] = (
    "",
    "s",
    "es",
    "ed",
    "d",
    "ing",
    "ly",
    "er",
    "ers",
    "ion",
    "ions",
    "ation",
    "ations",
    "ment",
    "ments",
)
EN_ENDINGS += ("al", "ity", "ies", "ied", "e", "ence", "ences", "ance", "ances", "ent", "ant", "ness", "able", "ible")
EN_ENDINGS += (
    "ive",
    "ives",
    "ize",
    "ized",
    "izing",
    "ate",
    "ated",
    "ates",
    "ating",
    "ous",
    "ist",
    "ists",
    "ic",
    "ical",
)
_CYRILLIC = re.compile(r"[а-я]")


#: The endings of the bundled texts' stems, made by ``tools/site_endings.py`` (a cache: see :func:`stem_endings`).
ENDINGS_JSON = "endings.json"


def endings_of(stems: Iterable[str]) -> dict[str, list[str]]:
    """For each stem, the endings after which the library's stemmer gives that stem back.

    The endings tried are :data:`RU_ENDINGS` after a Russian stem, :data:`EN_ENDINGS` after
    any other; an ending e is kept when ``stem_live(stem + e) == stem``.
    """
    russian = sorted(s for s in set(stems) if _CYRILLIC.search(s))
    other = sorted(set(stems) - set(russian))
    tried = [(s, e) for s in russian for e in RU_ENDINGS]
    tried_en = [(s, e) for s in other for e in EN_ENDINGS]
    ru, en = _stemmers()
    made = ru.stemWords([s + e for s, e in tried]) + en.stemWords([s + e for s, e in tried_en])  # type: ignore[attr-defined]
    found: dict[str, list[str]] = {s: [] for s in [*russian, *other]}
    for (stem, ending), made_stem in zip(tried + tried_en, made, strict=True):
        if made_stem == stem:
            found[stem].append(ending)
    return found


@lru_cache(maxsize=1)
def _shipped() -> dict[str, list[str]]:
    """The shipped endings by stem; empty when made with other endings or another stemmer version."""
    raw = json.loads(resources.files("smuggling_wg").joinpath("data", ENDINGS_JSON).read_text(encoding="utf-8"))
    current = (version("snowballstemmer"), list(RU_ENDINGS), list(EN_ENDINGS))
    if (raw.get("stemmer_version"), raw.get("ru_endings"), raw.get("en_endings")) != current:
        return {}
    return {stem: raw["endings"][i] for stem, i in raw["stem_endings"].items()}


def stem_endings(stems: Iterable[str]) -> dict[str, list[str]]:
    """For each of ``stems``, its endings: shipped for the bundled texts' stems, stemmed here for others."""
    wanted = set(stems)
    shipped = _shipped()
    found = {s: shipped[s] for s in wanted if s in shipped}
    found.update(endings_of(wanted - set(found)))
    return found


def word_forms(stems: Iterable[str]) -> list[str]:
    """Every inflected form of ``stems`` (stem + each of its endings), in order, each once."""
    ordered = list(dict.fromkeys(stems))
    endings = stem_endings(ordered)
    return list(dict.fromkeys(s + e for s in ordered for e in endings.get(s) or [""]))
