"""Full-text search over the reports, in Russian and English, with stemming.

The index is built once per dataset, on the first search. Words are folded (case, ё/е,
accents) and stemmed with the Snowball stemmers (Russian for Cyrillic words, English for
Latin ones), so «цифровые доказательства» finds «цифровых доказательств». A query is a
list of terms, all required: a word, a "quoted phrase" (words in sequence), or either
with a leading ``-`` to exclude. Hits are ranked with BM25 and carry the record, its
paragraph citation and the matched spans for highlighting.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, Literal, NamedTuple, TypeAlias, TypeVar

from . import _loader
from ._fold import fold
from ._language import Lang
from .errors import InvalidFilter
from .models import AgendaItem, Meeting, Paragraph, Recommendation, Speaker, Text, Theme

__all__ = ["KINDS", "Kind", "SearchHit", "SearchIndex", "Searchable", "fold", "stem_live", "vocabulary"]

Kind: TypeAlias = Literal["recommendation", "paragraph", "speaker", "agenda_item", "theme"]
Searchable: TypeAlias = Recommendation | Paragraph | Speaker | AgendaItem | Theme
KINDS: tuple[Kind, ...] = ("recommendation", "paragraph", "speaker", "agenda_item", "theme")

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яё]")
_LATIN = re.compile(r"[a-z]")
_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_K1, _B = 1.2, 0.75


@lru_cache(maxsize=1)
def _stemmers() -> tuple[object, object]:
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.russian_stemmer import RussianStemmer

    return RussianStemmer(), EnglishStemmer()


def stem_live(word: str) -> str:
    """The Snowball stem of one folded word: Russian for Cyrillic, English for Latin, else the word."""
    if _CYRILLIC.search(word):
        return str(_stemmers()[0].stemWord(word))  # type: ignore[attr-defined]
    if _LATIN.search(word):
        return str(_stemmers()[1].stemWord(word))  # type: ignore[attr-defined]
    return word


@lru_cache(maxsize=1)
def _stem_table() -> dict[str, str]:
    """Stems of the bundled vocabulary, precomputed by the compile step.

    Made by the snowballstemmer version recorded in the file; the tests check that it is
    what the installed stemmer makes, and the dependency is pinned to the same major
    version, so a first search needs neither the stemmer's import nor its stemming.
    """
    return _loader.bundled_stems()[1]


@lru_cache(maxsize=65536)
def _stem_token(raw: str) -> str:
    """The stem of a word as it stands in a text or a query."""
    word = fold(raw)
    known = _stem_table().get(word)
    return known if known is not None else stem_live(word)


def vocabulary(meetings: Iterable[Meeting]) -> set[str]:
    """Every folded word of the searchable texts of ``meetings`` (for the stem table)."""
    return {fold(w) for m in meetings for *_, texts in _units(m) for t in texts.values() for w in _WORD.findall(t)}


def _stems(text: str) -> tuple[str, ...]:
    """The stem of every word of ``text``, in order."""
    return tuple(_stem_token(word) for word in _WORD.findall(text))


R = TypeVar("R", bound=Searchable)


@dataclass(frozen=True, slots=True)
class SearchHit(Generic[R]):
    """One ranked search result: the record, where it is cited, and what matched.

    ``SearchHit[Recommendation]`` (from ``ds.search(..., kind="recommendation")``) has a
    ``record`` typed as a recommendation.
    """

    kind: Kind
    record: R
    meeting: int
    source: tuple[int, ...]
    lang: Lang
    score: float
    text: str = field(repr=False)
    spans: tuple[tuple[int, int], ...] = field(repr=False)

    @property
    def key(self) -> int | str:
        """The record's number (recommendation, paragraph, agenda item), order (speaker) or id (theme)."""
        record = self.record
        if isinstance(record, Speaker):
            return record.order
        return record.id if isinstance(record, Theme) else record.number

    @property
    def snippet(self) -> str:
        """The text around the first match, as plain text (:meth:`highlight` marks the matches)."""
        return self.highlight(before="", after="")

    def highlight(self, width: int = 160, before: str = "**", after: str = "**") -> str:
        """The text around the first match, about ``width`` characters, matches marked."""
        first = self.spans[0][0] if self.spans else 0
        start = max(0, first - width // 3)
        if start:
            start = self.text.rfind(" ", 0, start) + 1
        end = min(len(self.text), start + width)
        if end < len(self.text):
            end = max(self.text.rfind(" ", start, end), first + 1)
        merged: list[list[int]] = []
        for s, e in self.spans:  # neighbouring matches are marked as one: **цифровых доказательств**
            if merged and not self.text[merged[-1][1] : s].strip():
                merged[-1][1] = e
            else:
                merged.append([s, e])
        out, cursor = [], start
        for s, e in merged:
            if s >= cursor and e <= end:
                out += [self.text[cursor:s], before, self.text[s:e], after]
                cursor = e
        out.append(self.text[cursor:end])
        return ("…" if start else "") + "".join(out) + ("…" if end < len(self.text) else "")


class _Doc(NamedTuple):
    kind: Kind
    record: Searchable
    meeting: int
    source: tuple[int, ...]
    lang: Lang
    text: str
    stems: list[str]
    counts: Counter[str]


class _Term(NamedTuple):
    stems: tuple[str, ...]
    negated: bool


def _units(m: Meeting) -> Iterator[tuple[Kind, Searchable, tuple[int, ...], dict[Lang, str]]]:
    """Each searchable record of a meeting with its citation and its text in each language."""

    def texts(*parts: Text | str | None) -> dict[Lang, str]:
        langs: dict[Lang, list[str]] = {"ru": [], "en": []}
        for part in parts:
            if isinstance(part, Text):
                langs["ru"].append(part.ru)
                langs["en"].append(part.en)
            elif part:
                langs["en"].append(part)
        return {lang: " — ".join(p for p in chunks if p) for lang, chunks in langs.items()}

    for r in m.recommendations:
        yield "recommendation", r, r.source, texts(r.text)
    for p in m.paragraphs:
        yield "paragraph", p, (p.number,), texts(p.text)
    remarks = {p.number: p.text for p in m.paragraphs}
    for s in m.speakers:
        said = [remarks[n] for n in s.remarks if n in remarks]
        yield "speaker", s, tuple(sorted({*s.source, *s.remarks})), texts(s.name, s.position, *said)
    for a in m.agenda:
        yield "agenda_item", a, a.source, texts(a.title, *(sub.title for sub in a.sub_items))
    for t in m.themes:
        yield "theme", t, t.source, texts(t.label, t.title)


class SearchIndex:
    """An inverted index of stems over every searchable text of some meetings."""

    __slots__ = ("_avg_length", "_docs", "_positions", "_postings", "_spans")

    def __init__(self, meetings: Iterable[Meeting]) -> None:
        self._docs: list[_Doc] = []
        # found for a text when it is first a candidate: where each stem stands, each word's span
        self._positions: dict[int, dict[str, list[int]]] = {}
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._postings: dict[str, list[int]] = defaultdict(list)
        for m in meetings:
            for kind, record, source, texts in _units(m):
                for lang, text in texts.items():
                    if text:
                        self._add(kind, record, m.number, source, lang, text)
        self._avg_length = sum(len(d.stems) for d in self._docs) / max(1, len(self._docs))

    def _add(
        self, kind: Kind, record: Searchable, meeting: int, source: tuple[int, ...], lang: Lang, text: str
    ) -> None:
        """Index one text: its stems and how often each occurs (the hot loop of a first search)."""
        stems = list(map(_stem_token, _WORD.findall(text)))
        counts = Counter(stems)
        index = len(self._docs)
        for word_stem in counts:
            self._postings[word_stem].append(index)
        self._docs.append(_Doc(kind, record, meeting, source, lang, text, stems, counts))

    def _positions_of(self, index: int) -> dict[str, list[int]]:
        """Where each stem stands in text ``index`` (word positions), found once."""
        if index not in self._positions:
            positions: defaultdict[str, list[int]] = defaultdict(list)
            for position, word_stem in enumerate(self._docs[index].stems):
                positions[word_stem].append(position)
            self._positions[index] = dict(positions)
        return self._positions[index]

    def search(
        self,
        query: str,
        lang: Lang | None = None,
        meetings: Iterable[int] | None = None,
        kinds: Iterable[Kind] | None = None,
    ) -> tuple[SearchHit[Any], ...]:
        """Ranked hits for ``query``; one hit per record (its best-scoring language)."""
        terms = parse_query(query)
        wanted_meetings = None if meetings is None else set(meetings)
        wanted_kinds = None if kinds is None else set(kinds)
        positive = [t for t in terms if not t.negated]
        candidates = set.intersection(*(set(self._postings.get(t.stems[0], ())) for t in positive))
        best: dict[tuple[str, int, int], SearchHit[Any]] = {}
        for index in candidates:
            doc = self._docs[index]
            if (lang and doc.lang != lang) or (wanted_meetings is not None and doc.meeting not in wanted_meetings):
                continue
            if wanted_kinds is not None and doc.kind not in wanted_kinds:
                continue
            positions = self._positions_of(index)
            matched = [_occurrences(positions, t) for t in terms]
            if any(not m for m, t in zip(matched, terms, strict=True) if not t.negated):
                continue
            if any(m for m, t in zip(matched, terms, strict=True) if t.negated):
                continue
            hit = self._hit(index, positive, [m for m, t in zip(matched, terms, strict=True) if not t.negated])
            key = (doc.kind, doc.meeting, id(doc.record))
            if key not in best or hit.score > best[key].score:
                best[key] = hit
        order = {k: i for i, k in enumerate(KINDS)}
        return tuple(sorted(best.values(), key=lambda h: (-h.score, order[h.kind], h.source)))

    def _hit(self, index: int, positive: list[_Term], matched: list[list[tuple[int, int]]]) -> SearchHit[Any]:
        doc = self._docs[index]
        score = 0.0
        for term in positive:
            for word_stem in term.stems:
                df = len(self._postings.get(word_stem, ()))
                tf = doc.counts[word_stem]
                idf = math.log(1 + (len(self._docs) - df + 0.5) / (df + 0.5))
                score += idf * tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * len(doc.stems) / self._avg_length))
        if index not in self._spans:
            self._spans[index] = [match.span() for match in _WORD.finditer(doc.text)]
        words = self._spans[index]
        spans = sorted({(words[a][0], words[b][1]) for occurrences in matched for a, b in occurrences})
        return SearchHit(
            doc.kind, doc.record, doc.meeting, doc.source, doc.lang, round(score, 6), doc.text, tuple(spans)
        )


def _occurrences(positions: dict[str, list[int]], term: _Term) -> list[tuple[int, int]]:
    """(first, last) word positions of each occurrence of ``term`` in a text with these stem ``positions``."""
    first, *rest = term.stems
    return [
        (p, p + len(rest))
        for p in positions.get(first, ())
        if all(p + i + 1 in positions.get(s, ()) for i, s in enumerate(rest))
    ]


def parse_query(query: str) -> list[_Term]:
    """Terms of a query: words and "phrases", each may be negated with a leading ``-``."""
    terms = []
    for match in _TERM.finditer(query):
        phrase, bare = match.group(2), match.group(4)
        negated = bool(match.group(1) or match.group(3))
        stems = _stems(phrase if phrase is not None else bare)
        if stems:
            terms.append(_Term(stems, negated))
    if not any(not t.negated for t in terms):
        reason = f"the query {query!r} has no word to look for (it needs one word not excluded with -)"
        raise InvalidFilter("query", query, (), reason)
    return terms
