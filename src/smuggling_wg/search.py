"""Full-text search over the reports, in Russian and English, with stemming.

The index of the bundled meetings is compiled (``search-index.json``) and read on the first
search; other meetings are indexed then, once per dataset. Words are folded (case, ё/е,
accents) and stemmed with the Snowball stemmers (Russian for Cyrillic words, English for
Latin ones), so «цифровые доказательства» finds «цифровых доказательств». A query is a
list of terms, all required: a word, a "quoted phrase" (words in sequence), or either
with a leading ``-`` to exclude; stop words are left out of a question that has other words.
Texts are also found by the acronyms and other names of the organizations they name. Hits
are ranked with BM25F (a record's heading weighs more than its text) and carry the record,
its paragraph citation and the matched spans for highlighting.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, Literal, NamedTuple, TypeAlias, TypeVar

from . import _loader
from ._fold import fold
from ._language import LANGS, Lang
from ._stem import stem_live
from .errors import InvalidFilter, quoted
from .models import Actor, AgendaItem, Meeting, Organization, Paragraph, Recommendation, Speaker, Text, Theme

__all__ = [
    "HIT_FIELDS",
    "KINDS",
    "QUESTION_WORDS",
    "SEARCH_INDEX",
    "STOP_WORDS",
    "Equivalent",
    "Expansion",
    "Explanation",
    "IndexedText",
    "Kind",
    "MeetingTexts",
    "Removal",
    "SearchHit",
    "SearchIndex",
    "Searchable",
    "Unknown",
    "fold",
    "stem_live",
    "stems",
    "vocabulary",
]

Kind: TypeAlias = Literal["recommendation", "paragraph", "speaker", "agenda_item", "theme"]
Searchable: TypeAlias = Recommendation | Paragraph | Speaker | AgendaItem | Theme
KINDS: tuple[Kind, ...] = ("recommendation", "paragraph", "speaker", "agenda_item", "theme")

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яё]")
_LATIN = re.compile(r"[a-z]")
_K1, _B = 1.2, 0.75
#: A hit's score is BM25F times _COVERAGE ** (the share of the query's known words its text holds):
#: a text holding more of a question's words ranks higher.
_COVERAGE = 8.0
_EQUIVALENT = 0.8  # a word found as an equivalent term (EQUIVALENT_TERMS) counts this much of the word itself
_EDITS = 2  # suggestions for a word no text holds: words of the texts at most this many edits away
_LONGEST_SUGGESTED = 40  # a longer word gets no suggestions (no word of the texts is that long)
_HEAD = 1.5  # a word of a record's heading (a speaker's name, an item's title) counts one and a half times
# A speaker's text after the heading is the paragraphs of the speaker's remarks, searchable as those
# paragraphs too: there a word counts half, so the paragraph that says it ranks first.
_REMARKS = 0.5
SEARCH_INDEX = "search-index.json"


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


def stems(text: str) -> tuple[str, ...]:
    """The library's stem of every word of ``text``, in order (folded, Snowball: what the index holds)."""
    return _stems(text)


R = TypeVar("R", bound=Searchable)


def _key(record: Searchable) -> int | str:
    """A record's key in search hits: its number, a speaker's order, a theme's id."""
    if isinstance(record, Speaker):
        return record.order
    return record.id if isinstance(record, Theme) else record.number


#: A search hit's fields as every output names them, in this order (``record``: the record's key).
HIT_FIELDS = ("kind", "meeting", "record", "source", "language", "score", "text")


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
    language: Lang
    score: float
    text: str = field(repr=False)
    spans: tuple[tuple[int, int], ...] = field(repr=False)
    #: the ids of the equivalences (data/equivalent-terms.yaml, editorial) through which this hit was found
    expanded_via: tuple[str, ...] = field(default=(), repr=False)

    @property
    def lang(self) -> Lang:
        """Deprecated (removed in 2.0): :attr:`language`, the name every output uses."""
        import warnings

        warnings.warn(
            "SearchHit.lang is deprecated, use SearchHit.language (to be removed in 2.0)", DeprecationWarning, 2
        )
        return self.language

    def fields(self) -> dict[str, object]:
        """The hit as every flat output writes it (:data:`HIT_FIELDS`: CSV, DataFrames, the command's JSON)."""
        values = (self.kind, self.meeting, self.key, self.source, self.language, self.score, self.text)
        return dict(zip(HIT_FIELDS, values, strict=True))

    @property
    def key(self) -> int | str:
        """The record's number (recommendation, paragraph, agenda item), order (speaker) or id (theme)."""
        return _key(self.record)

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
    """One indexed text: which record of which meeting, in which language, how many words."""

    kind: int  # index in KINDS
    meeting: int
    unit: int  # index in _headed_units(meeting)
    lang: int  # index in LANGS
    length: int
    head: int  # how many of the first words are the record's heading (weighted _HEAD times)


class IndexedText(NamedTuple):
    """One indexed text of a record in one language, as BM25F sees it (:meth:`SearchIndex.meeting_texts`)."""

    kind: Kind
    key: int | str  # as SearchHit.key
    source: tuple[int, ...]
    lang: Lang
    length: int  # how many words the text has
    head: int  # how many of its first words are the record's heading
    #: stem -> its word positions: the text's words, and the other names of the organizations it names
    #: (where the text spells the full name, or from ``length + 1`` on)
    stems: dict[str, tuple[int, ...]]


class MeetingTexts(NamedTuple):
    """The indexed texts of one meeting, with the statistics of the whole index that their scores use."""

    texts: tuple[IndexedText, ...]
    total: int  # how many texts the whole index has
    mean_head: float  # the mean heading length, over the texts that have a heading
    mean_body: float  # the mean length of the rest of a text, over all texts
    frequency: dict[str, int]  # for each stem of ``texts``: in how many texts of the whole index it occurs


Unit: TypeAlias = tuple[Kind, Searchable, tuple[int, ...], dict[Lang, str], dict[Lang, int]]


def _units(m: Meeting) -> Iterator[tuple[Kind, Searchable, tuple[int, ...], dict[Lang, str]]]:
    """Each searchable record of a meeting with its citation and its text in each language."""
    for kind, record, source, texts, _heads in _headed_units(m):
        yield kind, record, source, texts


def _headed_units(m: Meeting) -> Iterator[Unit]:
    """Each searchable record of a meeting: its citation, its text and its heading's word count in each language.

    The heading is what names the record (a speaker's name and position, an agenda item's or
    a theme's title); a record's other text (a speaker's remarks) follows it.
    """

    def texts(head: tuple[Text | str, ...], *parts: Text | str | None) -> tuple[dict[Lang, str], dict[Lang, int]]:
        langs: dict[Lang, list[str]] = {"ru": [], "en": []}
        heads: dict[Lang, int] = {"ru": 0, "en": 0}
        for number, part in enumerate((*head, *parts)):
            chunks: dict[Lang, str] = {"ru": part.ru, "en": part.en} if isinstance(part, Text) else {"en": part or ""}
            for lang, chunk in chunks.items():
                if chunk:
                    langs[lang].append(chunk)
                    heads[lang] += len(_WORD.findall(chunk)) if number < len(head) else 0
        return {lang: " — ".join(chunks) for lang, chunks in langs.items()}, heads

    for r in m.recommendations:
        yield "recommendation", r, r.source, *texts((), r.text)
    for p in m.paragraphs:
        yield "paragraph", p, (p.number,), *texts((), p.text)
    remarks = {p.number: p.text for p in m.paragraphs}
    for s in m.speakers:
        said = [remarks[n] for n in s.remarks if n in remarks]
        yield "speaker", s, tuple(sorted({*s.source, *s.remarks})), *texts((s.name, s.position), *said)
    for a in m.agenda:
        yield "agenda_item", a, a.source, *texts((a.title,), *(sub.title for sub in a.sub_items))
    for t in m.themes:
        yield "theme", t, t.source, *texts((t.label, t.title))


class SearchIndex:
    """An inverted index of stems over every searchable text of some meetings, with word positions.

    Each text is indexed under the stems of its words and, after them, under the names of the
    organizations it names (:func:`named_organizations`): their acronyms and the other names
    people use («Евроюст», "IOM"), so a search for those finds a text that spells the full
    name. The index of the bundled meetings is compiled (:meth:`dumps`, ``search-index.json``)
    and read on the first search (:meth:`compiled`); other meetings are indexed then.
    """

    __slots__ = (
        "_average",
        "_compiled",
        "_docs",
        "_equivalents",
        "_meetings",
        "_positions",
        "_postings",
        "_records",
        "_spans",
        "_units",
        "_words",
    )

    def __init__(
        self,
        meetings: Iterable[Meeting] = (),
        organizations: _Names | None = None,
        equivalents: Iterable[Equivalent] = (),
    ) -> None:
        self._docs: list[_Doc] = []
        # stem -> where it stands: compiled as "text position position;text position" (decoded for a
        # query's stems only), and as [[text, position, ...], ...] for the texts indexed here
        self._compiled: dict[str, str] = {}
        self._postings: dict[str, list[list[int]]] = {}
        self._positions: dict[str, dict[int, list[int]]] = {}  # both by text, made on first use
        self._meetings: dict[int, Meeting] = {}
        self._units: dict[int, list[Unit]] = {}  # each meeting's records, listed on its first hit
        self._spans: dict[int, list[tuple[int, int]]] = {}  # each hit text's word spans, found once
        self._average = (0.0, 0.0)  # the mean length of headings (of records that have one) and of bodies
        self._equivalents = {e.id: e for e in equivalents}
        self._records: dict[tuple[int, int, int], list[int]] | None = None
        self._words: list[str] | None = None
        self.add(meetings, organizations or {})

    @classmethod
    def compiled(
        cls,
        raw: bytes,
        meetings: Iterable[Meeting],
        bundled: Iterable[Meeting],
        organizations: Callable[[], _Names],
    ) -> SearchIndex:
        """The compiled index ``raw`` of the ``bundled`` meetings, extended with the other ``meetings``.

        The compiled part is used only when every bundled meeting is among ``meetings``
        unchanged; otherwise every meeting is indexed anew. ``organizations`` gives what
        :meth:`add` needs, called only when there is a meeting to index.
        """
        wanted = {m.number: m for m in meetings}
        old = {m.number: m for m in bundled}
        table = json.loads(raw)
        index = cls(equivalents=equivalents_of(table))
        if all(n in wanted and (wanted[n] is m or wanted[n] == m) for n, m in old.items()):
            index._docs = [_Doc(*d) for d in table["docs"]]
            index._compiled = table["postings"]
            index._meetings = {n: wanted[n] for n in table["meetings"]}
        rest = [m for n, m in wanted.items() if n not in index._meetings]
        index.add(rest, organizations() if rest else {})
        return index

    def add(self, meetings: Iterable[Meeting], organizations: _Names) -> None:
        """Index the texts of ``meetings``; ``organizations``: from :func:`organization_names`."""
        for m in meetings:
            self._meetings[m.number] = m
            for unit, (kind, record, _source, texts, heads) in enumerate(self._units_of(m.number)):
                words = {lang: list(map(_stem_token, _WORD.findall(text))) for lang, text in texts.items() if text}
                named = named_organizations(m, record, words, organizations)
                for lang, stems in words.items():
                    doc = _Doc(KINDS.index(kind), m.number, unit, LANGS.index(lang), len(stems), heads[lang])
                    self._add(doc, stems, [organizations[actor_id] for actor_id in named])
        headings = [d.head for d in self._docs if d.head]
        bodies = [d.length - d.head for d in self._docs]
        self._average = (sum(headings) / max(1, len(headings)), sum(bodies) / max(1, len(bodies)))
        self._records = self._words = None

    def _add(
        self, doc: _Doc, stems: list[str], named: list[tuple[list[tuple[str, ...]], list[tuple[str, ...]]]]
    ) -> None:
        """Index one text: where each stem stands, and the other names of the organizations it names.

        Another name stands where the text spells the full name (so a hit shows it), word by
        word from its start; where the text does not (a name too long, an organization named
        through the data's links), after the text, each after a gap: a phrase never runs from
        the text into a name, or from one name into another.
        """
        index = len(self._docs)
        self._docs.append(doc)
        positions: dict[str, list[int]] = {}  # in order: the text's words come in order, other names out of it
        for position, word_stem in enumerate(stems):
            positions.setdefault(word_stem, []).append(position)
        unordered: set[str] = set()
        after = len(stems)
        for full, aliases in named:
            spelled = [(start, len(name)) for name in full for start in _starts(stems, name)]
            for alias in aliases:
                places = [start for start, length in spelled if len(alias) <= length]
                if not places:
                    places, after = [after + 1], after + 1 + len(alias)
                for start in places:
                    for offset, word_stem in enumerate(alias):
                        positions.setdefault(word_stem, []).append(start + offset)
                        unordered.add(word_stem)
        for word_stem, where in positions.items():
            ordered = sorted(set(where)) if word_stem in unordered else where
            self._postings.setdefault(word_stem, []).append([index, *ordered])

    def dumps(self) -> bytes:
        """The compact, deterministic JSON of this index (what ``search-index.json`` holds).

        A stem's compiled postings are kept as they are, its postings of the texts indexed here
        (numbered after them) written after them: what decoding and encoding them all would give.
        """
        postings = {}
        for word_stem in sorted({*self._compiled, *self._postings}):
            added = ";".join(f"{p[0]} {' '.join(map(str, p[1:]))}" for p in self._postings.get(word_stem, ()))
            postings[word_stem] = ";".join(filter(None, (self._compiled.get(word_stem, ""), added)))
        equivalents = {e.id: [e.labels, e.forms, e.rationale, e.paragraphs] for e in self._equivalents.values()}
        table = {
            "meetings": sorted(self._meetings),
            "docs": self._docs,
            "postings": postings,
            "equivalents": equivalents,
        }
        return json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"

    def _units_of(self, meeting: int) -> list[Unit]:
        if meeting not in self._units:
            self._units[meeting] = list(_headed_units(self._meetings[meeting]))
        return self._units[meeting]

    def meeting_texts(self, meeting: int) -> MeetingTexts:
        """Every indexed text of ``meeting``, in index order, and what BM25F needs to score them.

        What a search of this index computes a score from, for another implementation of
        :meth:`search` (the web edition's in-page search) to give the same hits and order.
        """
        mine = {i: doc for i, doc in enumerate(self._docs) if doc.meeting == meeting}
        where: dict[int, dict[str, tuple[int, ...]]] = {i: {} for i in mine}
        for word_stem in sorted({*self._compiled, *self._postings}):
            for index, positions in self._where(word_stem).items():
                if index in where:
                    where[index][word_stem] = tuple(positions)
        units = self._units_of(meeting) if mine else []
        texts = tuple(
            IndexedText(
                KINDS[doc.kind],
                _key(units[doc.unit][1]),
                units[doc.unit][2],
                LANGS[doc.lang],
                doc.length,
                doc.head,
                where[i],
            )
            for i, doc in mine.items()
        )
        frequency = {s: len(self._where(s)) for s in sorted({s for t in texts for s in t.stems})}
        return MeetingTexts(texts, len(self._docs), *self._average, frequency)

    def _where(self, word_stem: str) -> dict[int, list[int]]:
        """Text -> positions of ``word_stem``, made on first use from its postings."""
        if word_stem not in self._positions:
            where: dict[int, list[int]] = {}
            for text in filter(None, self._compiled.get(word_stem, "").split(";")):
                first, *positions = map(int, text.split())
                where[first] = positions
            where.update((p[0], p[1:]) for p in self._postings.get(word_stem, ()))
            self._positions[word_stem] = where
        return self._positions[word_stem]

    def search(
        self,
        query: str,
        lang: Lang | None = None,
        meetings: Iterable[int] | None = None,
        kinds: Iterable[Kind] | None = None,
    ) -> tuple[SearchHit[Any], ...]:
        """Ranked hits for ``query``; one hit per record (its best-scoring language)."""
        return self.explained(query, lang, meetings, kinds)[0]

    def explained(
        self,
        query: str,
        lang: Lang | None = None,
        meetings: Iterable[int] | None = None,
        kinds: Iterable[Kind] | None = None,
    ) -> tuple[tuple[SearchHit[Any], ...], Explanation]:
        """Ranked hits for ``query`` and what the search did with it (:class:`Explanation`).

        Every plain word is optional: a record holding any of them is a hit, scored with BM25F
        times :data:`_COVERAGE` to the power of the share of the query's words it holds.
        ``"phrases"`` and ``+words`` are required and ``-words`` excluded, each checked
        against the whole record (its texts in both languages). Without ``lang``, a query
        written in Cyrillic is answered from the Russian texts, one in Latin letters from
        the English, and one with both or neither from both; a record is one hit (its best
        language).
        """
        parsed = _parse(query, self._equivalents)
        langs = (lang,) if lang is not None else parsed.languages
        wanted_langs = {LANGS.index(x) for x in langs}
        wanted_meetings = None if meetings is None else set(meetings)
        wanted_kinds = None if kinds is None else {KINDS.index(k) for k in kinds}
        scoring = [t for t in parsed.terms if not t.negated]
        known = [
            t for t in scoring if any(alt[0] in self._compiled or alt[0] in self._postings for alt in t.alternatives)
        ]
        # a Russian equivalent cannot match an English text: its postings are not even read then
        skip = (
            frozenset() if "ru" in langs else {a for t in scoring for a in t.alternatives[1:] if _CYRILLIC.search(a[0])}
        )
        candidates: set[int] = set()
        for term in scoring:
            for alt in term.alternatives:
                if alt not in skip:
                    candidates.update(self._where(alt[0]))
        found: dict[tuple[int, int, int], list[int]] = {}
        for index in sorted(candidates):
            doc = self._docs[index]
            if doc.lang not in wanted_langs or (wanted_meetings is not None and doc.meeting not in wanted_meetings):
                continue
            if wanted_kinds is not None and doc.kind not in wanted_kinds:
                continue
            found.setdefault((doc.kind, doc.meeting, doc.unit), []).append(index)
        removed: dict[str, list[tuple[Kind, int | str]]] = {t.typed: [] for t in parsed.terms if t.operator}
        best: dict[tuple[int, int, int], SearchHit[Any]] = {}
        for record, indexes in found.items():
            whole = self._record_docs()[record]
            blocker = next((t for t in parsed.terms if t.operator and self._blocks(t, whole)), None)
            if blocker is not None:
                removed[blocker.typed].append((KINDS[record[0]], _key(self._units_of(record[1])[record[2]][1])))
                continue
            for index in indexes:
                matched = [self._occurrences(index, t, skip) for t in scoring]
                if not any(matched):
                    continue
                hit = self._hit(index, scoring, matched, len(known), skip)
                if record not in best or hit.score > best[record].score:
                    best[record] = hit
        order = {k: i for i, k in enumerate(KINDS)}
        preferred = parsed.preferred_kind
        hits = tuple(sorted(best.values(), key=lambda h: (h.kind != preferred, -h.score, order[h.kind], h.source)))
        explanation = Explanation(
            query=query,
            languages=tuple(langs),
            ignored=parsed.ignored,
            unknown=tuple(
                Unknown(t.typed, self.suggestions(t.typed)) for t in scoring if t not in known and not t.phrase
            ),
            removed_by=tuple(Removal(op, tuple(keys)) for op, keys in removed.items() if keys),
            expanded_via=tuple(
                Expansion(t.typed, t.group, *self._equivalents[t.group].others(t.stems))
                for t in parsed.terms
                if t.group
            ),
            preferred_kind=preferred,
        )
        return hits, explanation

    def _record_docs(self) -> dict[tuple[int, int, int], list[int]]:
        """Each record (kind, meeting, unit) -> its indexed texts (one per language)."""
        if self._records is None:
            self._records = {}
            for index, doc in enumerate(self._docs):
                self._records.setdefault((doc.kind, doc.meeting, doc.unit), []).append(index)
        return self._records

    def suggestions(self, word: str, limit: int = 5) -> tuple[str, ...]:
        """Words of the texts spelt like ``word``, at most two edits away, nearest first (for a word no text holds)."""
        folded = fold(word)
        if not _WORD.fullmatch(folded) or len(folded) > _LONGEST_SUGGESTED:
            return ()
        script = bool(_CYRILLIC.search(folded))
        close = []
        for known in self._vocabulary():
            if bool(_CYRILLIC.search(known)) == script and abs(len(known) - len(folded)) <= _EDITS:
                distance = _distance(folded, known, _EDITS)
                if distance <= _EDITS:
                    close.append((distance, known))
        return tuple(w for _, w in sorted(close)[:limit])

    def equivalents(self) -> list[Equivalent]:
        """The equivalent terms this index expands a query with (editorial: ``data/equivalent-terms.yaml``)."""
        return list(self._equivalents.values())

    def vocabulary_words(self) -> list[str]:
        """The words :meth:`suggestions` chooses from: every folded word of the texts but numbers, sorted."""
        return list(self._vocabulary())

    def _vocabulary(self) -> list[str]:
        """Every folded word of the indexed texts that is not a number, sorted (made on first use)."""
        if self._words is None:
            self._words = sorted(w for w in vocabulary(self._meetings.values()) if not w.isdigit())
        return self._words

    def _blocks(self, term: _Term, texts: list[int]) -> bool:
        """Whether operator ``term`` removes the record of ``texts``: a -word any of them holds, a +word none holds."""
        present = any(self._occurrences(i, term) for i in texts)
        return present if term.negated else not present

    def _occurrences(self, index: int, term: _Term, skip: Collection[tuple[str, ...]] = ()) -> list[tuple[int, int]]:
        """(first, last) word positions of each occurrence of ``term`` in text ``index`` (alternatives but ``skip``)."""
        return [found for alt in term.alternatives if alt not in skip for found in self._phrase_at(index, alt)]

    def _phrase_at(self, index: int, stems: tuple[str, ...]) -> list[tuple[int, int]]:
        """(first, last) word positions of each occurrence of ``stems`` in sequence in text ``index``."""
        first, *rest = stems
        at = self._where(first).get(index, ())
        if not rest or not at:  # a word, not a phrase: each of its positions (none: no phrase either)
            return [(p, p) for p in at]
        later = [self._where(s).get(index, ()) for s in rest]
        return [(p, p + len(rest)) for p in at if all(p + i + 1 in where for i, where in enumerate(later))]

    def _holds(self, index: int, stems: tuple[str, ...]) -> bool:
        """Whether text ``index`` holds ``stems`` in sequence (a word: whether it holds the word at all)."""
        if len(stems) == 1:
            return bool(self._where(stems[0]).get(index))
        return bool(self._phrase_at(index, stems))

    def _hit(
        self,
        index: int,
        scoring: list[_Term],
        matched: list[list[tuple[int, int]]],
        known: int,
        skip: Collection[tuple[str, ...]],
    ) -> SearchHit[Any]:
        doc = self._docs[index]
        kind, record, source, texts, _heads = self._units_of(doc.meeting)[doc.unit]
        text = texts[LANGS[doc.lang]]
        score, held, via = 0.0, 0, []
        for term in scoring:
            weighed = [
                (self._score(index, alt, kind) * (_EQUIVALENT if n else 1.0), n)
                for n, alt in enumerate(term.alternatives)
                if alt not in skip and self._holds(index, alt)
            ]
            if weighed:
                best, n = max(weighed)
                held, score = held + 1, score + best
                if n and term.group not in via:
                    via.append(term.group)
        score *= _COVERAGE ** (held / max(1, known))
        inside = [(a, b) for occurrences in matched for a, b in occurrences if b < doc.length]
        words = self._word_spans(index, text, max((b for _, b in inside), default=-1))
        spans = sorted({(words[a][0], words[b][1]) for a, b in inside})
        return SearchHit(
            kind, record, doc.meeting, source, LANGS[doc.lang], round(score, 6), text, tuple(spans), tuple(via)
        )

    def _word_spans(self, index: int, text: str, last: int) -> list[tuple[int, int]]:
        """Where text ``index``'s words stand (``text``: its text), found as far as word ``last``, once."""
        spans = self._spans.setdefault(index, [])
        if len(spans) <= last:
            for match in _WORD.finditer(text, spans[-1][1] if spans else 0):
                spans.append(match.span())
                if len(spans) > last:
                    break
        return spans

    def _score(self, index: int, stems: tuple[str, ...], kind: Kind) -> float:
        """BM25F of ``stems`` in text ``index`` (the heading and the rest each normalised by its own mean)."""
        doc = self._docs[index]
        score = 0.0
        for word_stem in stems:
            where = self._where(word_stem)
            df = len(where)
            at = where.get(index, ())
            in_head = sum(p < doc.head for p in at)
            body = _REMARKS if kind == "speaker" else 1.0
            tf = _HEAD * in_head / _norm(doc.head, self._average[0]) + body * (len(at) - in_head) / _norm(
                doc.length - doc.head, self._average[1]
            )
            idf = math.log(1 + (len(self._docs) - df + 0.5) / (df + 0.5))
            score += idf * tf * (_K1 + 1) / (tf + _K1)
        return score


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it must exceed ``limit``."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def equivalents_of(table: Mapping[str, Any]) -> list[Equivalent]:
    """The equivalent terms of a compiled index (``search-index.json``'s ``equivalents``)."""
    return [
        Equivalent(i, tuple(labels), tuple(map(tuple, forms)), rationale, tuple(paragraphs))
        for i, (labels, forms, rationale, paragraphs) in table.get("equivalents", {}).items()
    ]


def equivalents_from(groups: Mapping[str, Mapping[str, Any]]) -> list[Equivalent]:
    """The equivalences of ``data/equivalent-terms.yaml``'s ``equivalent_terms``, stemmed (the compile step)."""
    return [
        Equivalent(
            i,
            labels := (*g["en"], *g["ru"]),
            tuple(_stems(label) for label in labels),
            " ".join(g["rationale"].split()),
            tuple(g["paragraphs"]),
        )
        for i, g in groups.items()
    ]


def _norm(length: int, average: float) -> float:
    """BM25's length normalisation of one field (BM25F: the heading and the body each by its own mean)."""
    return 1 - _B + _B * length / average if average else 1.0


_Names: TypeAlias = dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]]


def organization_names(actors: Iterable[Actor], names: Mapping[str, Sequence[str]]) -> _Names:
    """For each organization with an acronym or other names: the stems of its full names and of those."""
    table: _Names = {}
    for actor in actors:
        if isinstance(actor, Organization):
            aliases = [_stems(a) for a in (actor.acronym, *names.get(actor.id, ())) if a]
            if aliases:
                full = {_stems(n) for n in (actor.name.ru, actor.name.ru.split(" (")[0], actor.name.en)}
                table[actor.id] = (sorted(full), aliases)
    return table


def named_organizations(
    meeting: Meeting,
    record: Searchable,
    words: Mapping[Lang, list[str]],
    organizations: Mapping[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]],
) -> list[str]:
    """The organizations a record names, in ``organizations`` order.

    A record names an organization when the data links them (a statement or participant
    whose citation is this paragraph: the report names the actor there) or when its text
    holds the organization's full name, word for word up to inflection (the stems of its
    Russian or English name in sequence: «Международной организации по миграции»).
    """
    linked: set[str] = set()
    if isinstance(record, Paragraph):
        number = record.number
        linked = {s.actor for s in meeting.statements if number in s.source}
        linked |= {p.actor for p in meeting.participants if number in p.source}
    texts = [(stems, set(stems)) for stems in words.values()]  # a name with a stem a text lacks is not in it
    found = []
    for actor_id, (full, _aliases) in organizations.items():
        if actor_id in linked or any(
            has.issuperset(name) and _starts(stems, name) for stems, has in texts for name in full
        ):
            found.append(actor_id)
    return found


def _starts(stems: list[str], phrase: tuple[str, ...]) -> list[int]:
    """Where ``phrase`` (stems) starts in ``stems``."""
    n = len(phrase)
    return [i for i in range(len(stems) - n + 1) if n and tuple(stems[i : i + n]) == phrase]


#: Words that carry no subject of their own in a question ("Who chaired the meeting?", «Кто открыл
#: совещание?»): left out of a query (and reported) when it has other words. Quoted phrases keep them.
STOP_WORDS = frozenset(
    """a about an and any are as at be been by can could did do does during for from had has have how i in
    is it its of on or that the their there these this those to was were what when where which who
    whom whose why will with would а без бы был была были было в во где для же и из или к как
    какая какие каким каких какой ко кого когда кто ли на над о об от по под при про с со у что
    чем это эти этот""".split()  # noqa: SIM905 (a word list, kept readable)
)
#: Prepositions of two words («во время» "during"): the second word is left out with the first.
_STOP_PHRASES = frozenset({"во время", "в течение", "в ходе", "в рамках", "в целях", "в связи", "в отношении"})
#: Words that only frame a question ("Which recommendations *deal with* …?", «Что *сказано* о …?»):
#: left out, and reported, in a question (a query ending in "?" or opening with a question word).
QUESTION_WORDS = frozenset(
    """deal deals dealt concern concerns mention mentions mentioned say says said tell talk discuss
    discussed cover covered address addresses addressed recommended recommend recommends recommendation
    recommendations agenda item items касаются касается касающиеся касалась касался сказано говорится
    говорилось сказал сказала рекомендации рекомендаций рекомендация рекомендовано рекомендовала
    пункт повестки дня такой такая такое""".split()  # noqa: SIM905 (a word list, kept readable)
)
_QUESTION_OPENERS = frozenset(
    "what which who whom whose how when where why что какие какая какой каким кто как когда где сколько почему".split()  # noqa: SIM905
)
#: The words of a question that name a kind of record: its hits of that kind come first.
_KIND_WORDS: dict[str, Kind] = {
    "recommendation": "recommendation",
    "recommendations": "recommendation",
    "recommend": "recommendation",
    "recommended": "recommendation",
    "recommends": "recommendation",
    "рекомендации": "recommendation",
    "рекомендаций": "recommendation",
    "рекомендация": "recommendation",
    "рекомендовано": "recommendation",
    "рекомендовала": "recommendation",
    "agenda item": "agenda_item",
    "пункт повестки дня": "agenda_item",
}
#: The characters read as the minus of ``-word`` at the start of a word: the hyphen-minus and the
#: dashes and minus signs a word processor puts in its place (U+2212 minus, en and em dash, …).
#: The web edition's search reads the same set from its index.
_MINUS_SIGNS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SIGN = f"[+{re.escape(_MINUS_SIGNS)}]?"
_PLUS_MINUS = re.compile(f'({_SIGN})"([^"]*)"?|({_SIGN})(\\S+)')


class _Term(NamedTuple):
    """One term of a query: the stems of a word (or a phrase, or a hyphenated word) in sequence."""

    stems: tuple[str, ...]
    negated: bool  # -word: a record any of whose texts holds it is removed
    required: bool = False  # +word or "a phrase": a record none of whose texts holds it is removed
    phrase: bool = False
    typed: str = ""  # as the query writes it
    group: str = ""  # the equivalent terms it stands for (EQUIVALENT_TERMS), if any
    alternatives: tuple[tuple[str, ...], ...] = ()  # its stems, then those of its equivalents

    @property
    def operator(self) -> bool:
        """Whether the term removes records (+word, "phrase", -word) rather than only scoring them."""
        return self.negated or self.required


class _Fields:
    """A small immutable record of typed fields, equal, hashed and shown by them.

    Defined as a plain class with ``__slots__`` rather than a NamedTuple: a NamedTuple's class
    is generated code, and the first search pays for this module's import.
    """

    __slots__: tuple[str, ...] = ()

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: {name} cannot be set")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()  # type: ignore[attr-defined,unused-ignore]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__)})"


class _Query(_Fields):
    """A parsed query: its terms, the words left out, the languages it is answered from, the kind it names."""

    __slots__ = ("terms", "ignored", "languages", "preferred_kind")  # noqa: RUF023 (the fields in their order)
    terms: list[_Term]
    ignored: tuple[str, ...]
    languages: tuple[Lang, ...]
    preferred_kind: Kind | None

    def __init__(
        self, terms: list[_Term], ignored: tuple[str, ...], languages: tuple[Lang, ...], preferred_kind: Kind | None
    ) -> None:
        self._set(terms=terms, ignored=ignored, languages=languages, preferred_kind=preferred_kind)


class Equivalent(_Fields):
    """Terms the report uses for one thing (editorial: ``data/equivalent-terms.yaml``).

    ``labels``: the forms as the report writes them, English then Russian; ``forms``: their
    stems; ``paragraphs``: where the report uses them.
    """

    __slots__ = ("id", "labels", "forms", "rationale", "paragraphs")  # noqa: RUF023 (the fields in their order)
    id: str
    labels: tuple[str, ...]
    forms: tuple[tuple[str, ...], ...]
    rationale: str
    paragraphs: tuple[int, ...]

    def __init__(
        self,
        id: str,
        labels: tuple[str, ...],
        forms: tuple[tuple[str, ...], ...],
        rationale: str,
        paragraphs: tuple[int, ...],
    ) -> None:
        self._set(id=id, labels=labels, forms=forms, rationale=rationale, paragraphs=paragraphs)

    def others(self, form: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
        """The labels of the forms other than ``form`` (stems), and the rationale."""
        return tuple(label for label, f in zip(self.labels, self.forms, strict=True) if f != form), self.rationale


class Unknown(_Fields):
    """A word of the query that no text holds, with words of the texts spelt like it."""

    __slots__ = ("word", "suggestions")  # noqa: RUF023 (the fields in their order)
    word: str
    suggestions: tuple[str, ...]

    def __init__(self, word: str, suggestions: tuple[str, ...]) -> None:
        self._set(word=word, suggestions=suggestions)


class Removal(_Fields):
    """An operator (``-word``, ``+word``, ``"phrase"``) and the records it removed, as (kind, key)."""

    __slots__ = ("operator", "records")
    operator: str
    records: tuple[tuple[Kind, int | str], ...]

    def __init__(self, operator: str, records: tuple[tuple[Kind, int | str], ...]) -> None:
        self._set(operator=operator, records=records)


class Expansion(_Fields):
    """A query term that also found the terms the report uses for the same thing (editorial).

    ``via``: the equivalence's id in ``data/equivalent-terms.yaml``.
    """

    __slots__ = ("term", "via", "equivalents", "rationale")  # noqa: RUF023 (the fields in their order)
    term: str
    via: str
    equivalents: tuple[str, ...]
    rationale: str

    def __init__(self, term: str, via: str, equivalents: tuple[str, ...], rationale: str) -> None:
        self._set(term=term, via=via, equivalents=equivalents, rationale=rationale)


class Explanation(_Fields):
    """What a search did with its query (``Results.explanation`` of :meth:`~smuggling_wg.Dataset.search`).

    ``languages``: the texts searched; ``ignored``: the stop and question words left out;
    ``unknown``: words no text holds, each with suggestions (real words of the texts);
    ``removed_by``: each operator that removed records, and which; ``expanded_via``: the
    equivalent terms a word also found; ``preferred_kind``: the kind of record the question
    names ("Which recommendations …?"), whose hits come first.
    """

    __slots__ = ("query", "languages", "ignored", "unknown", "removed_by", "expanded_via", "preferred_kind")  # noqa: RUF023 (the fields in their order)
    query: str
    languages: tuple[Lang, ...]
    ignored: tuple[str, ...]
    unknown: tuple[Unknown, ...]
    removed_by: tuple[Removal, ...]
    expanded_via: tuple[Expansion, ...]
    preferred_kind: Kind | None

    def __init__(
        self,
        query: str,
        languages: tuple[Lang, ...],
        ignored: tuple[str, ...] = (),
        unknown: tuple[Unknown, ...] = (),
        removed_by: tuple[Removal, ...] = (),
        expanded_via: tuple[Expansion, ...] = (),
        preferred_kind: Kind | None = None,
    ) -> None:
        self._set(
            query=query,
            languages=languages,
            ignored=ignored,
            unknown=unknown,
            removed_by=removed_by,
            expanded_via=expanded_via,
            preferred_kind=preferred_kind,
        )

    def lines(self) -> list[str]:
        """The explanation as short English sentences (what the command line prints on stderr)."""
        out = []
        if self.ignored:
            out.append(f"ignored (stop or question words): {', '.join(self.ignored)}")
        if self.preferred_kind:
            out.append(f"the question names a kind of record: {self.preferred_kind} hits first")
        for unknown in self.unknown:
            near = f" (similar words: {', '.join(unknown.suggestions)})" if unknown.suggestions else ""
            out.append(f"not in any text: {unknown.word}{near}")
        for removal in self.removed_by:
            keys = ", ".join(f"{kind} {key}" for kind, key in removal.records)
            out.append(f"removed by {removal.operator}: {keys}")
        for expansion in self.expanded_via:
            out.append(f"{expansion.term} also found as: {', '.join(expansion.equivalents)} (editorial equivalence)")
        return out


def _languages(words: Iterable[str]) -> tuple[Lang, ...]:
    """The texts a query is answered from: Russian for a Cyrillic query, English for a Latin one, else both.

    A Latin word in capitals or with a digit (COVID-19, IOM) is a name both languages write
    so, and does not make a Russian query English.
    """
    cyrillic = any(_CYRILLIC.search(fold(w)) for w in words)
    latin = any(_LATIN.search(fold(w)) and not (w.isupper() or any(c.isdigit() for c in w)) for w in words)
    if cyrillic and not latin:
        return ("ru",)
    if latin and not cyrillic:
        return ("en",)
    return LANGS


def _parse(query: str, equivalents: Mapping[str, Equivalent] | None = None) -> _Query:
    """A query's terms, the words left out, the languages it is answered from and the kind it names."""
    raw: list[tuple[_Term, str]] = []  # each term, and "stop"/"question"/"kind:<kind>"/"" for a bare word
    folded_words = [fold(w) for w in _WORD.findall(query)]
    question = query.rstrip().endswith("?") or (bool(folded_words) and folded_words[0] in _QUESTION_OPENERS)
    previous = ""
    for match in _PLUS_MINUS.finditer(query):
        phrase, bare = match.group(2), match.group(4)
        given = match.group(1) or match.group(3) or ""
        sign = "-" if given and given in _MINUS_SIGNS else given  # "−word", "–word": the exclusion -word
        if not _WORD.search(phrase if phrase is not None else bare):
            continue
        typed = sign + match.group(0)[len(given) :]
        if phrase is not None:
            raw.append((_Term(_stems(phrase), sign == "-", sign != "-", True, typed), ""))
            previous = ""
            continue
        words = _WORD.findall(fold(bare))
        role = ""
        if not sign:
            joined = " ".join(words)
            if all(w in STOP_WORDS for w in words) or f"{previous} {joined}" in _STOP_PHRASES:
                role = "stop"
            elif question and joined in _KIND_WORDS:
                role = f"kind:{_KIND_WORDS[joined]}"
            elif question and all(w in QUESTION_WORDS for w in words):
                role = "question"
            previous = joined if role == "stop" else ""
        inner = list(_WORD.finditer(bare))  # without the punctuation around it: "COVID?" is typed as "COVID"
        typed = sign + bare[inner[0].start() : inner[-1].end()]
        stems = () if role else _stems(bare)  # a word left out is not stemmed (unless nothing else is asked)
        raw.append((_Term(stems, sign == "-", sign == "+", False, typed), role))
    # two- and three-word kind names of a question ("agenda item", «пункт повестки дня»)
    for size in (3, 2):
        for i in range(len(raw) - size + 1):
            if question and all(role in ("", "question") for _, role in raw[i : i + size]):
                joined = " ".join(fold(t.typed) for t, _ in raw[i : i + size])
                if joined in _KIND_WORDS:
                    for j in range(i, i + size):
                        raw[j] = (raw[j][0], f"kind:{_KIND_WORDS[joined]}")
    if not any(not t.negated and not role for t, role in raw):
        raw = [
            (t._replace(stems=t.stems or _stems(t.typed)), "") for t, role in raw
        ]  # a query of stop words only keeps them
    ignored = tuple(t.typed for t, role in raw if role)
    kinds = [role[5:] for _, role in raw if role.startswith("kind:")]
    terms = _grouped([t for t, role in raw if not role], equivalents or {})
    if not any(not t.negated for t in terms):
        reason = f"the query {quoted(query)} has no word to look for (it needs one word not excluded with -)"
        raise InvalidFilter("query", query, (), reason)
    preferred: Kind | None = kinds[0] if kinds else None  # type: ignore[assignment]
    return _Query(terms, ignored, _languages([t.typed for t in terms]), preferred)


def _grouped(terms: list[_Term], equivalents: Mapping[str, Equivalent]) -> list[_Term]:
    """The terms with each run of optional words that is a form of an equivalence made one term with its alternatives.

    The longest form wins; operators (+word, -word, "phrase") are never expanded: they mean what they say.
    """
    forms = sorted(((form, e) for e in equivalents.values() for form in e.forms), key=lambda pair: -len(pair[0]))
    out: list[_Term] = []
    i = 0
    while i < len(terms):
        term = terms[i]
        for form, equivalent in forms if not term.operator else ():
            run: list[str] = []
            j = i
            while j < len(terms) and not terms[j].operator and len(run) < len(form):
                run += terms[j].stems
                j += 1
            if tuple(run) == form:
                others = tuple(dict.fromkeys(f for f in equivalent.forms if f != form))
                typed = " ".join(t.typed for t in terms[i:j])
                out.append(_Term(form, False, False, False, typed, equivalent.id, (form, *others)))
                i = j
                break
        else:
            out.append(term._replace(alternatives=(term.stems,)))
            i += 1
    return out


def parse_query(query: str) -> list[_Term]:
    """Terms of a query: words and "phrases", each may be required with ``+`` or excluded with ``-``.

    Stop words and, in a question, the words that frame it are left out when the query has other words.
    """
    return _parse(query).terms
