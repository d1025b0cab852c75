"""The in-page search index: what the browser needs to give the same hits as ``ds.search``.

Made at build time, in Python, from the library's own index (:class:`smuggling_wg.search.SearchIndex`,
through :meth:`~smuggling_wg.search.SearchIndex.meeting_texts`), so the stems are the library's
(folded words, Snowball stems). It holds:

* ``docs``: for each searchable text of the site's meeting, its kind, record key, language,
  citation, length (``n``), heading length (``h``) and where each stem stands (``p``: stem
  number, then its positions), the other names of the organizations it names included;
* ``stems`` and ``df``: each stem and in how many texts of the *whole* index it occurs, with
  ``total`` (texts), ``avg_head`` and ``avg_body`` (mean lengths) and the constants
  (``k1``, ``b``, ``head``, ``remarks``), so BM25F scores are the library's;
* ``stop_words`` and ``stop_phrases``: the words left out of a query (:data:`~smuggling_wg.search.STOP_WORDS`);
  ``question_words``, ``question_openers`` and ``kind_words``: those of a question; ``equivalents``:
  the equivalent terms (editorial) with their forms' stems; ``coverage`` and ``equivalent``: the
  ranking's other constants; ``vocabulary``, ``edits`` and ``longest``: the words suggested for
  a word no text holds;
* ``endings``, ``stem_endings`` and ``words``: how to stem a query word as the library does
  (:func:`stemming`), made with the library's own stemmer, so the page never stems.

A query word is folded in the page and its stem looked up. A word found nowhere keeps its
folded form, the stem of no text, so the term matches nothing; the library stems such a
word with Snowball instead, which can differ only when an inflection outside the tables
shares its stem with a word of the texts (``docs/site.md`` says so). The page then says
which words it does not know.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.metadata import version
from typing import Any

from .. import _loader
from .._endings import EN_ENDINGS, RU_ENDINGS, endings_of
from .._endings import stem_endings as endings_by_stem
from .._language import LANGS, Lang
from .._stem import stem_live
from ..dataset import Dataset
from ..models import AgendaItem, Meeting, Paragraph, Recommendation, Speaker
from ..search import (
    _B,
    _COVERAGE,
    _EDITS,
    _EQUIVALENT,
    _HEAD,
    _K1,
    _KIND_WORDS,
    _LONGEST_SUGGESTED,
    _MINUS_SIGNS,
    _QUESTION_OPENERS,
    _REMARKS,
    _STOP_PHRASES,
    KINDS,
    QUESTION_WORDS,
    STOP_WORDS,
    vocabulary,
)


@lru_cache(maxsize=4)
def payload(ds: Dataset, meeting: int) -> str:
    """The index shipped with the site, as JSON (made once per dataset and meeting in a process)."""
    indexed = ds._index().meeting_texts(meeting)  # the very index ds.search uses
    stems = {s: n for n, s in enumerate(indexed.frequency)}
    docs = [
        {
            "kind": t.kind,
            "key": t.key,
            "lang": t.lang,
            "source": list(t.source),
            "n": t.length,
            "h": t.head,
            "p": [[stems[s], *where] for s, where in t.stems.items()],
        }
        for t in indexed.texts
    ]
    content = {
        "kinds": list(KINDS),
        "k1": _K1,
        "b": _B,
        "head": _HEAD,
        "remarks": _REMARKS,
        "total": indexed.total,
        "avg_head": indexed.mean_head,
        "avg_body": indexed.mean_body,
        "stems": list(stems),
        "df": list(indexed.frequency.values()),
        "stop_words": sorted(STOP_WORDS),
        "stop_phrases": sorted(_STOP_PHRASES),
        "question_words": sorted(QUESTION_WORDS),
        "question_openers": sorted(_QUESTION_OPENERS),
        "kind_words": sorted(_KIND_WORDS.items()),
        "minus_signs": _MINUS_SIGNS,
        "langs": list(LANGS),
        "coverage": _COVERAGE,
        "equivalent": _EQUIVALENT,
        "edits": _EDITS,
        "longest": _LONGEST_SUGGESTED,
        "equivalents": [
            {"id": e.id, "labels": list(e.labels), "forms": [list(f) for f in e.forms], "rationale": e.rationale}
            for e in ds._index().equivalents()
        ],
        "vocabulary": ds._index().vocabulary_words(),
        "docs": docs,
        **stemming(ds),
    }
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


def records(ds: Dataset, m: Meeting, lang: Lang) -> list[dict[str, Any]]:
    """Every record ``ds.search`` finds, as the site-wide search page lists it: kind, key, title, link, text.

    The link is relative to the language's folder; the text is the record's, in ``lang``, cut
    to about 300 characters at a word.
    """
    from ..search import _headed_units, _key
    from ._words import code, ui

    def cut(text: str) -> str:
        return text if len(text) <= 300 else text[: text.rfind(" ", 0, 300)] + " …"

    out = []
    for kind, record, _source, texts, _heads in _headed_units(m):
        key = _key(record)
        if isinstance(record, Recommendation):
            title, href, text = f"{ui('recommendation', lang)} {key}", f"recommendations/{key}.html", texts[lang]
        elif isinstance(record, Paragraph):
            title, href, text = f"{ui('paragraph', lang)} {key}", f"report.html#para-{key}", texts[lang]
        elif isinstance(record, Speaker):
            title, href = record.name.get(lang) or record.name.ru, f"actors/{record.actor}.html"
            text = record.position.get(lang) or record.position.ru
        elif isinstance(record, AgendaItem):
            title, href, text = f"{ui('kind_agenda_item', lang)} {key}", "index.html#agenda", texts[lang]
        else:
            title, href, text = code(key, lang), f"recommendations.html?theme={key}", texts[lang] or texts["ru"]
        out.append({"kind": kind, "key": key, "title": title, "href": href, "text": cut(text or texts["ru"])})
    return out


def script(ds: Dataset, meeting: int) -> str:
    """``assets/search-index.js``: the index as the argument of ``JSON.parse``, not an object literal.

    In an object literal a key ``"__proto__"`` (a word of some text) would set the object's
    prototype instead of making an entry; ``JSON.parse`` makes every key an entry.
    """
    return f"window.SWG_INDEX = JSON.parse({json.dumps(payload(ds, meeting), ensure_ascii=False)});\n"


def endings_file(ds: Dataset) -> str:
    """What ``data/endings.json`` holds for the texts of ``ds`` (the maintainer script writes it)."""
    found = endings_of(_index_stems(ds))
    patterns: dict[tuple[str, ...], int] = {}
    stem_endings = {s: patterns.setdefault(tuple(e), len(patterns)) for s, e in sorted(found.items())}
    content = {
        "stemmer_version": version("snowballstemmer"),
        "ru_endings": list(RU_ENDINGS),
        "en_endings": list(EN_ENDINGS),
        "endings": [list(p) for p in patterns],
        "stem_endings": stem_endings,
    }
    return json.dumps(content, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def _stem_table(ds: Dataset) -> dict[str, str]:
    """Folded word -> the library's stem, for every word of the searchable texts."""
    known = _loader.bundled_stems()[1]
    return {w: known[w] if w in known else stem_live(w) for w in sorted(vocabulary(ds.meetings))}


def _index_stems(ds: Dataset) -> set[str]:
    """Every stem under which the index has a text of ``ds``: its words', and the other names of organizations."""
    index = ds._index()
    return {s for m in ds.meetings for s in index.meeting_texts(m.number).frequency}


def stemming(ds: Dataset) -> dict[str, Any]:
    """What the page needs to stem a query word as the library does, for the words that can match.

    ``endings``: lists of endings; ``stem_endings``: a stem of the texts (or of the other
    names of the organizations they name: «Евроюст», "IOM") -> the list of endings e for
    which the library's stemmer gives that stem back for stem + e.
    ``words``: the words of the texts not covered so, folded word -> stem. A word covered
    by neither has no stem of the texts among the words tried, and the page keeps it as it
    is. Stemming every stem + ending takes seconds, so the endings of the bundled texts'
    stems are shipped (``data/endings.json``); only stems not in it (data of your own) are
    stemmed here.
    """
    table = _stem_table(ds)
    found = endings_by_stem(_index_stems(ds))
    patterns: dict[tuple[str, ...], int] = {}
    stem_endings = {s: patterns.setdefault(tuple(e), len(patterns)) for s, e in sorted(found.items()) if e}
    covered = {s + e for s, es in found.items() for e in es}
    return {
        "endings": [list(p) for p in patterns],
        "stem_endings": stem_endings,
        "words": {w: s for w, s in table.items() if w not in covered},
    }
