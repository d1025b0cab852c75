"""The web edition: the meeting as a static site, in Russian and English, searchable in the page.

:func:`build` writes ``index.html`` (the choice of language), ``ru/…`` and ``en/…`` (the
same pages in each language, at the same relative paths), ``assets/`` (style, scripts and
the search index) and :data:`MANIFEST`. Pages are Jinja2 templates (``templates/``); record
tables come from the record views (:mod:`smuggling_wg._views`), so the site shows each
record as the command line and the notebook do. The site needs no server and no network.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import _loader, _views
from .. import _words as _catalogue
from .._about import about, citation
from .._language import LANGS, Lang, display_language
from .._url import is_link
from .._words import collation_key, meeting_title
from ..dataset import Dataset
from ..models import Meeting, Organization, Recommendation, State
from . import _charts, _index, _series, _words
from ._pages import Helpers as _PageHelpers
from ._pages import pages as _page_list
from ._pages import site_name as _site_name
from ._place import MANIFEST, Writer, publish, target_of

if TYPE_CHECKING:
    import jinja2

__all__ = ["MANIFEST", "build"]

_FILTERS = ("theme", "topic", "modality", "specificity", "sdg_target", "addressee_kind")


def build(ds: Dataset, out: Path | str, meeting: int | None = None) -> list[Path]:
    """Write the site of meeting ``meeting`` (by default every meeting loaded) into ``out``; return the files written.

    With several meetings and no ``meeting``: each meeting's site under ``meetings/N/`` and
    the series page over them (:mod:`._series`).
    The site is built in a new folder beside ``out`` and swapped into place, so ``out`` is
    never left half-written (:mod:`._place`). An existing ``out`` is replaced only when it is
    empty or holds an earlier site whose every file its :data:`MANIFEST` lists with that
    content: a folder of anything else, a symbolic link and a mount point are never
    replaced, and :class:`~smuggling_wg.errors.ExportError` says why, naming the folder.
    """
    target = target_of(out)
    numbers = [m.number for m in ds.meetings]
    series = meeting is None and len(numbers) > 1  # several meetings: each one's site, and the series page
    number = None if series else ds.meeting(numbers[0] if meeting is None else meeting).number  # NotFound first
    if number is None:
        files = publish(target, lambda put: _write_series(ds, put))
    else:
        files = publish(target, lambda put: _write(ds, number, put))
    return [target / f for f in files]


def _environment() -> jinja2.Environment:
    try:
        import jinja2
    except ImportError:
        raise ImportError("the site needs Jinja2: pip install 'smuggling-wg[site]'") from None
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("smuggling_wg._site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.tests["link"] = is_link  # `{% if url is link %}`: only http(s) and relative URLs become links
    return env


def _write(ds: Dataset, number: int, put: Writer) -> dict[str, Any]:
    """Render every page and copy the assets with ``put``; return the manifest's header (what was built)."""
    env = _environment()
    m = ds.meeting(number)
    static = resources.files("smuggling_wg._site") / "static"
    for name in ("site.css", "site.js", "search.js", "sitesearch.js", "favicon.svg"):
        put(f"assets/{name}", static.joinpath(name).read_text(encoding="utf-8"))
    limits = {"query_chars": _loader.MAX_QUERY_CHARS, "query_words": _loader.MAX_QUERY_WORDS, "spaces": _spaces()}
    put("assets/search-index.js", _index.script(ds, number) + _script_data("SWG_LIMITS", json.dumps(limits)))
    common: dict[str, Any] = {"about": about(), "citation": citation()}
    pages = _page_list(ds, m)
    for lang in LANGS:
        with display_language(lang):
            for rel, template, context in pages:
                put(f"{lang}/{rel}", _render(env, ds, m, lang, rel, template, {**common, **context}))
    choice = env.get_template("root.html")
    put("index.html", choice.render(meeting=m, ui=_words.ui, site_name=_site_name))
    return {"generator": "smuggling_wg site", **common["about"], "meeting": number}


def _spaces() -> str:
    """Where ``str.split()`` splits, so where :func:`._loader.check_query` ends a word: the page counts so."""
    return "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


def _script_data(name: str, payload: str) -> str:
    """A script setting ``window[name]`` to the JSON ``payload``, read by ``JSON.parse``.

    Not as an object literal: there a key ``"__proto__"`` (a word of a text) would set the
    object's prototype instead of adding the word.
    """
    return f"window.{name} = JSON.parse({json.dumps(payload, ensure_ascii=False)});\n"


def _write_series(ds: Dataset, put: Writer) -> dict[str, Any]:
    """Every meeting's own site under ``meetings/N/``, and the series page over them (:mod:`._series`).

    The series' manifest lists every file, those of the meetings' sites included (they have none of their own).
    """
    for m in ds.meetings:
        _write(ds, m.number, lambda rel, text, n=m.number: put(f"meetings/{n}/{rel}", text))  # type: ignore[misc]
    static = resources.files("smuggling_wg._site") / "static"
    common = about()
    for name in _series.ASSETS:
        put(f"assets/{name}", static.joinpath(name).read_text(encoding="utf-8"))
    for rel, content in _series.pages(ds, _environment(), common).items():
        put(rel, content)
    return {"generator": "smuggling_wg site", **common, "meetings": [m.number for m in ds.meetings]}


def _render(
    env: jinja2.Environment, ds: Dataset, m: Meeting, lang: Lang, rel: str, template: str, context: dict[str, Any]
) -> str:
    depth = rel.count("/")
    other = "en" if lang == "ru" else "ru"
    helpers = _Helpers(ds, m, lang, "../" * depth)
    return env.get_template(template).render(
        ds=ds,
        m=m,
        lang=lang,
        other=other,
        rel=rel,
        up=helpers.up,
        assets="../" * (depth + 1) + "assets/",
        switch="../" * (depth + 1) + f"{other}/{rel}",
        h=helpers,
        ui=lambda key: _words.ui(key, lang),
        code=lambda value, kind=None: _words.code(value, lang, kind),
        meeting_title=lambda n: meeting_title(n, lang),
        word=lambda name, plural=False: _catalogue.label(name, lang, plural=plural),
        **context,
    )


class _Helpers(_PageHelpers):
    """What templates ask of the data: texts in the page's language, links, record views, charts."""

    def __init__(self, ds: Dataset, m: Meeting, lang: Lang, up: str) -> None:
        self.ds, self.m, self.lang, self.up = ds, m, lang, up

    def view(self, record: object, skip: Iterable[str] = ()) -> list[tuple[str, object, str, bool]]:
        """The record's lines (:func:`_views.cells`): label, value, the value's language, is-a-citation.

        ``skip``: names of lines not to show. A citation's value is its paragraph numbers.
        """
        rows: list[tuple[str, object, str, bool]] = []
        for name, label, cell in _views.cells(record, self.ds, self.lang):
            if name in skip:
                continue
            cited = cell.kind == "citation"
            value = cell.value if cited else _views.show(cell, self.lang)
            rows.append((label, value, cell.language or self.lang, cited))
        return rows

    def paras(self, value: Iterable[int]) -> list[int]:
        """The paragraph numbers of a citation (a view's citation value is the numbers themselves)."""
        return list(value)

    def counts(self, dimension: str) -> list[tuple[object, int]]:
        return [(c.value, c.n) for c in self.ds.counts(dimension, meeting=self.m.number)]  # type: ignore[arg-type]

    def values(self, r: Recommendation, dimension: str) -> str:
        """A recommendation's values in a filter dimension, space-separated (its data attribute)."""
        from ..analysis import values_of

        return " ".join(str(v) for v in values_of(r, dimension))  # type: ignore[arg-type]

    def filters(self) -> tuple[str, ...]:
        return _FILTERS

    def option(self, dimension: str, value: object) -> str:
        """How a filter value reads: a theme's label, a topic's label, a code's words."""
        if dimension == "theme":
            theme = next(t for t in self.m.themes if t.id == value)
            shown = _words.code(value, self.lang, "theme")
            return theme.label if shown == str(value) else shown
        if dimension == "topic":
            return self.ds.topic(str(value)).label(self.lang)
        if dimension == "sdg_target":
            return str(value)
        return _words.code(value, self.lang)

    def statuses(self) -> list[tuple[str, list[Any]]]:
        """Participants by status (in the report's order), each list in the page language's alphabetical order."""
        order = list(dict.fromkeys(p.status for p in self.m.participants))

        def key(p: Any) -> tuple[str, str]:
            return collation_key(self.name_at(p.actor)[0], self.lang)

        return [(s, sorted((p for p in self.m.participants if p.status == s), key=key)) for s in order]

    def name_at(self, actor_id: str) -> tuple[str, str]:
        """An actor's name as at the meeting, in the page's language, and the language it is in: (text, lang)."""
        name = self.ds.name_at(actor_id, meeting=self.m.number, lang=self.lang)
        return name, self.lang if self.lang == "ru" or name != self.ds.actor(actor_id).name.ru else "ru"

    def participation(self, actor_id: str) -> list[Any]:
        return [p for p in self.m.participants if p.actor == actor_id]

    def statements(self, actor_id: str) -> list[Any]:
        return [s for s in self.m.statements if s.actor == actor_id]

    def speakers(self, actor_id: str) -> list[Any]:
        return [s for s in self.m.speakers if s.actor == actor_id]

    def agenda_title(self, number: int) -> tuple[str, str]:
        return self.tx(next(a.title for a in self.m.agenda if a.number == number))

    def recommendations_of(self, paragraph: int) -> list[Recommendation]:
        """The recommendations a paragraph introduces (they are printed under it)."""
        return [r for r in self.m.recommendations if r.source[0] == paragraph]

    def paragraph(self, number: int) -> Any:
        """The paragraph numbered ``number``; None when the data does not hold it (a sparse meeting)."""
        return next((p for p in self.m.paragraphs if p.number == number), None)

    def chapters(self) -> list[tuple[Any, list[Any]]]:
        return [(c, [p for p in self.m.paragraphs if p.chapter == c.number]) for c in self.m.chapters]

    def section_title(self, chapter: Any, letter: str | None) -> tuple[str, str] | None:
        section = next((s for s in chapter.sections if s.letter == letter), None)
        return None if section is None else self.tx(section.title)

    def topic_counts(self, topic_id: str) -> tuple[int, int]:
        recs = len(self.ds.recommendations(meeting=self.m.number, topic=topic_id))
        paragraphs = sum(any(t.topic == topic_id for t in p.topics) for p in self.m.paragraphs)
        return recs, paragraphs

    def instrument(self, instrument_id: str) -> Any:
        return next(i for i in self.ds.bundle.instruments if i.id == instrument_id)

    def states(self) -> list[State]:
        return [a for a in self.ds.actors if isinstance(a, State)]

    def organizations(self) -> list[Organization]:
        return [a for a in self.ds.actors if isinstance(a, Organization)]

    def chart_themes(self) -> _charts.Chart:
        cells = {(c.row, c.column): c.n for c in self.ds.crosstab("theme", "modality", meeting=self.m.number)}
        rows = [(t.id, self.option("theme", t.id)) for t in self.m.themes]
        series = [(str(v), _words.code(v, self.lang)) for v, _ in self.counts("modality")]
        return _charts.stacked("chart-themes", _words.ui("by_theme", self.lang), rows, series, cells)

    def chart_participation(self) -> _charts.Chart:
        table = self.ds.participation(meeting=self.m.number)
        cells = {(c.row, c.column): c.n for c in table}
        rows = [(g, _words.code(g, self.lang)) for g in dict.fromkeys(c.row for c in table)]
        series = [
            (s, _words.code(s, self.lang))
            for s in dict.fromkeys(c.column for c in table)
            if any(cells[(g, s)] for g, _ in rows)
        ]
        return _charts.stacked("chart-participation", _words.ui("participation_groups", self.lang), rows, series, cells)
