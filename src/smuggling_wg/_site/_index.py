"""The in-page search index: what the browser needs to give the same hits as ``ds.search``.

Made at build time, in Python, from the library's own index (:class:`smuggling_wg.search.SearchIndex`),
so the stems are the library's (folded words, Snowball stems). It holds:

* ``docs``: for each searchable text of the site's meeting, its kind, record key, language,
  citation and its words as stem numbers (positions kept, for phrases);
* ``stems`` and ``df``: each stem and in how many texts of the *whole* index it occurs, with
  ``n`` (texts) and ``avg`` (mean length), so BM25 scores are the library's;
* ``words``: folded word -> stem for every word of the searchable texts.

A query word is folded in the page and looked up in ``words``. A word that is not there
falls back to its folded form: that is a stem of no text, so the term matches nothing. The
library stems such a word with Snowball instead, so it can differ only when an inflection
that never occurs in the texts shares its stem with one that does; the page then says which
words it does not know (see ``docs/site.md``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from .. import _loader
from ..dataset import Dataset
from ..models import Speaker, Theme
from ..search import _B, _K1, KINDS, Searchable, SearchIndex, _stemmers, stem_live, vocabulary


def key(record: Searchable) -> int | str:
    """A record's key in search hits (as :attr:`SearchHit.key`): number, a speaker's order, a theme's id."""
    if isinstance(record, Speaker):
        return record.order
    return record.id if isinstance(record, Theme) else record.number


@lru_cache(maxsize=4)
def payload(ds: Dataset, meeting: int) -> str:
    """The index shipped with the site, as JSON (made once per dataset and meeting in a process)."""
    index = SearchIndex(ds.meetings)
    docs = [d for d in index._docs if d.meeting == meeting]
    stems: dict[str, int] = {}
    shipped = []
    for d in docs:
        numbers = [stems.setdefault(s, len(stems)) for s in d.stems]
        shipped.append({"kind": d.kind, "key": key(d.record), "lang": d.lang, "source": list(d.source), "s": numbers})
    content = {
        "kinds": list(KINDS),
        "k1": _K1,
        "b": _B,
        "n": len(index._docs),
        "avg": index._avg_length,
        "stems": list(stems),
        "df": [len(index._postings[s]) for s in stems],
        "docs": shipped,
        **stemming(ds),
    }
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


#: Endings tried after every stem of the texts (Russian noun, adjective and verb endings; English suffixes).
RU_ENDINGS: tuple[str, ...] = (
    *("", "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "й", "ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях"),
    *("ами", "ями", "ов", "ев", "ий", "ый", "ая", "ое", "ые", "ую", "ого", "ому", "ым", "ых", "ыми"),
    *("ие", "ия", "ию", "ии", "иям", "ией", "иями", "иях", "ием", "ее", "его", "ему", "ими", "их", "ою", "ею"),
    *("ью", "ья", "ьи", "ье", "ьев", "ет", "ют", "ут", "ит", "ят", "ать", "ить", "ять", "ся"),
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
EN_ENDINGS += ("ive", "ives", "ize", "ized", "izing", "ate", "ated", "ates", "ating", "ous", "ist", "ists", "ic", "ical")
_CYRILLIC = re.compile(r"[а-я]")


def stemming(ds: Dataset) -> dict[str, Any]:
    """What the page needs to stem a query word as the library does, for the words that can match.

    ``endings``: lists of endings; ``stem_endings``: a stem of the texts -> the list of
    endings e for which the library's stemmer makes that stem of stem + e (found by stemming
    every such word here, in Python). ``words``: the words of the texts not covered so,
    folded word -> stem. A word covered by neither has no stem of the texts among the words
    tried, and the page keeps it as it is.
    """
    known = _loader.bundled_stems()[1]
    vocabulary_ = sorted(vocabulary(ds.meetings))
    table = {w: known[w] if w in known else stem_live(w) for w in vocabulary_}
    stems = set(table.values())
    russian_stems = sorted(s for s in stems if _CYRILLIC.search(s))
    other = sorted(stems - set(russian_stems))
    tried = [s + e for s in russian_stems for e in RU_ENDINGS]
    tried_en = [s + e for s in other for e in EN_ENDINGS]
    ru, en = _stemmers()
    made = ru.stemWords(tried) + en.stemWords(tried_en)  # type: ignore[attr-defined]
    endings: dict[str, set[str]] = {}
    for word, stem in zip(tried + tried_en, made, strict=True):
        if stem in stems and word.startswith(stem):
            endings.setdefault(stem, set()).add(word[len(stem) :])
    patterns: dict[tuple[str, ...], int] = {}
    stem_endings = {s: patterns.setdefault(tuple(sorted(e)), len(patterns)) for s, e in sorted(endings.items())}
    covered = {s + e for s, es in endings.items() for e in es}
    return {
        "endings": [list(p) for p in patterns],
        "stem_endings": stem_endings,
        "words": {w: s for w, s in table.items() if w not in covered},
    }
