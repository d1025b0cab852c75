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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, Literal, NamedTuple, TypeAlias, TypeVar

from . import _loader
from ._fold import fold
from ._language import LANGS, Lang
from ._stem import stem_live
from .errors import InvalidFilter
from .models import Actor, AgendaItem, Meeting, Organization, Paragraph, Recommendation, Speaker, Text, Theme

__all__ = [
    "HIT_FIELDS",
    "KINDS",
    "SEARCH_INDEX",
    "STOP_WORDS",
    "IndexedText",
    "Kind",
    "MeetingTexts",
    "SearchHit",
    "SearchIndex",
    "Searchable",
    "fold",
    "stem_live",
    "vocabulary",
]

Kind: TypeAlias = Literal["recommendation", "paragraph", "speaker", "agenda_item", "theme"]
Searchable: TypeAlias = Recommendation | Paragraph | Speaker | AgendaItem | Theme
KINDS: tuple[Kind, ...] = ("recommendation", "paragraph", "speaker", "agenda_item", "theme")

_WORD = re.compile(r"\w+")
_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_K1, _B = 1.2, 0.75
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


class _Term(NamedTuple):
    stems: tuple[str, ...]
    negated: bool


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

    __slots__ = ("_average", "_compiled", "_docs", "_meetings", "_positions", "_postings", "_spans", "_units")

    def __init__(self, meetings: Iterable[Meeting] = (), organizations: _Names | None = None) -> None:
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
        index = cls()
        if all(n in wanted and (wanted[n] is m or wanted[n] == m) for n, m in old.items()):
            table = json.loads(raw)
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
        table = {"meetings": sorted(self._meetings), "docs": self._docs, "postings": postings}
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
        terms = parse_query(query)
        wanted_meetings = None if meetings is None else set(meetings)
        wanted_kinds = None if kinds is None else {KINDS.index(k) for k in kinds}
        wanted_lang = None if lang is None else LANGS.index(lang)
        positive = [t for t in terms if not t.negated]
        candidates = set.intersection(*(set(self._where(t.stems[0])) for t in positive))
        best: dict[tuple[int, int, int], SearchHit[Any]] = {}
        for index in candidates:
            doc = self._docs[index]
            if (wanted_lang is not None and doc.lang != wanted_lang) or (
                wanted_meetings is not None and doc.meeting not in wanted_meetings
            ):
                continue
            if wanted_kinds is not None and doc.kind not in wanted_kinds:
                continue
            matched = [self._occurrences(index, t) for t in terms]
            if any(not m for m, t in zip(matched, terms, strict=True) if not t.negated):
                continue
            if any(m for m, t in zip(matched, terms, strict=True) if t.negated):
                continue
            hit = self._hit(index, positive, [m for m, t in zip(matched, terms, strict=True) if not t.negated])
            key = (doc.kind, doc.meeting, doc.unit)
            if key not in best or hit.score > best[key].score:
                best[key] = hit
        order = {k: i for i, k in enumerate(KINDS)}
        return tuple(sorted(best.values(), key=lambda h: (-h.score, order[h.kind], h.source)))

    def _occurrences(self, index: int, term: _Term) -> list[tuple[int, int]]:
        """(first, last) word positions of each occurrence of ``term`` in text ``index``."""
        first, *rest = term.stems
        later = [self._where(s).get(index, ()) for s in rest]
        return [
            (p, p + len(rest))
            for p in self._where(first).get(index, ())
            if all(p + i + 1 in where for i, where in enumerate(later))
        ]

    def _hit(self, index: int, positive: list[_Term], matched: list[list[tuple[int, int]]]) -> SearchHit[Any]:
        doc = self._docs[index]
        kind, record, source, texts, _heads = self._units_of(doc.meeting)[doc.unit]
        text = texts[LANGS[doc.lang]]
        score = 0.0
        for term in positive:
            for word_stem in term.stems:
                df = len(self._where(word_stem))
                where = self._where(word_stem).get(index, ())
                in_head = sum(p < doc.head for p in where)
                body = _REMARKS if kind == "speaker" else 1.0
                tf = _HEAD * in_head / _norm(doc.head, self._average[0]) + body * (len(where) - in_head) / _norm(
                    doc.length - doc.head, self._average[1]
                )
                idf = math.log(1 + (len(self._docs) - df + 0.5) / (df + 0.5))
                score += idf * tf * (_K1 + 1) / (tf + _K1)
        if index not in self._spans:
            self._spans[index] = [match.span() for match in _WORD.finditer(text)]
        words = self._spans[index]
        spans = sorted(
            {(words[a][0], words[b][1]) for occurrences in matched for a, b in occurrences if b < len(words)}
        )
        return SearchHit(kind, record, doc.meeting, source, LANGS[doc.lang], round(score, 6), text, tuple(spans))


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
#: совещание?»): left out of a query's bare words when it has others. Quoted phrases keep them.
STOP_WORDS = frozenset(
    """a an and any are as at be been by can could did do does during for from had has have how i in
    is it its of on or that the their there these this those to was were what when where which who
    whom whose why will with would а без бы был была были было в во где для же и из или к как
    какая какие каким каких какой ко кого когда кто ли на над о об от по под при про с со у что
    чем это эти этот""".split()  # noqa: SIM905 (a word list, kept readable)
)
#: Prepositions of two words («во время» "during"): the second word is left out with the first.
_STOP_PHRASES = frozenset({"во время", "в течение", "в ходе", "в рамках", "в целях", "в связи"})


def parse_query(query: str) -> list[_Term]:
    """Terms of a query: words and "phrases", each may be negated with a leading ``-``.

    Bare words that are all :data:`STOP_WORDS` are left out when the query has other words.
    """
    terms: list[_Term] = []
    stop: list[bool] = []
    previous = ""
    for match in _TERM.finditer(query):
        phrase, bare = match.group(2), match.group(4)
        negated = bool(match.group(1) or match.group(3))
        stems = _stems(phrase if phrase is not None else bare)
        if stems:
            terms.append(_Term(stems, negated))
            words = _WORD.findall(fold(bare)) if bare is not None else []
            stop.append(bool(words) and all(w in STOP_WORDS for w in words))
            if stop[-1] is False and f"{previous} {' '.join(words)}" in _STOP_PHRASES:
                stop[-1] = True
            previous = " ".join(words) if stop[-1] else ""
    if any(not t.negated and not s for t, s in zip(terms, stop, strict=True)):
        terms = [t for t, s in zip(terms, stop, strict=True) if not s]
    if not any(not t.negated for t in terms):
        reason = f"the query {query!r} has no word to look for (it needs one word not excluded with -)"
        raise InvalidFilter("query", query, (), reason)
    return terms
