"""Snowball's Russian and English stemmers, loaded lazily: the one place that imports them.

A leaf of the lowest layer, so that joining a report's lines (:mod:`._sourcetext`) and search
(:mod:`.search`) stem words the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["stem_live"]

_CYRILLIC = re.compile(r"[а-яё]")
_LATIN = re.compile(r"[a-z]")

_STEMMER_PACKAGE = "smuggling_wg._snowballstemmer"


@lru_cache(maxsize=1)
def _stemmers() -> tuple[object, object]:
    """Snowball's Russian and English stemmers, importing only their own modules.

    ``import snowballstemmer`` imports the stemmers of all its 30 languages (about 8 ms, the
    most of a first search whose query has a word the texts do not). Unless the package is
    already imported, its two modules are loaded from its folder under a private package
    name, which runs the same code and leaves ``snowballstemmer`` itself untouched.
    """
    import importlib
    import sys

    package = "snowballstemmer"
    if package not in sys.modules and _STEMMER_PACKAGE not in sys.modules:
        import importlib.util
        import types

        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            private = types.ModuleType(_STEMMER_PACKAGE)
            private.__path__ = list(spec.submodule_search_locations)
            sys.modules[_STEMMER_PACKAGE] = private
    if package not in sys.modules and _STEMMER_PACKAGE in sys.modules:
        package = _STEMMER_PACKAGE
    russian = importlib.import_module(f"{package}.russian_stemmer").RussianStemmer
    english = importlib.import_module(f"{package}.english_stemmer").EnglishStemmer
    return russian(), english()


def stem_live(word: str) -> str:
    """The Snowball stem of one folded word: Russian for Cyrillic, English for Latin, else the word."""
    if _CYRILLIC.search(word):
        return str(_stemmers()[0].stemWord(word))  # type: ignore[attr-defined]
    if _LATIN.search(word):
        return str(_stemmers()[1].stemWord(word))  # type: ignore[attr-defined]
    return word
