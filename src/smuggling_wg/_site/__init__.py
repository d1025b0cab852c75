"""The web edition: the meeting as a static site, in Russian and English, searchable in the page.

:func:`build` writes ``index.html`` (the choice of language), ``ru/…`` and ``en/…`` (the
same pages in each language, at the same relative paths), ``assets/`` (style, scripts and
the search index) and :data:`MANIFEST`. Pages are Jinja2 templates (``templates/``); record
tables come from the record views (:mod:`smuggling_wg._views`), so the site shows each
record as the command line and the notebook do. The site needs no server and no network.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import _views
from .. import _words as _catalogue
from .._about import about, citation
from .._language import LANGS, Lang, display_language
from .._words import collation_key, meeting_title
from ..dataset import Dataset
from ..errors import ExportError, InvalidFilter
from ..models import Meeting, Organization, Recommendation, State
from . import _charts, _index, _words
from ._pages import Helpers as _PageHelpers
from ._pages import pages as _page_list
from ._pages import site_name as _site_name

if TYPE_CHECKING:
    import jinja2

__all__ = ["MANIFEST", "build"]

#: The file that marks a folder as a site written here (it lists the site's files).
MANIFEST = "smuggling-wg-site.json"
_FILTERS = ("theme", "topic", "modality", "specificity", "sdg_target", "addressee_kind")


def build(ds: Dataset, out: Path | str, meeting: int | None = None) -> list[Path]:
    """Write the site of meeting ``meeting`` into folder ``out``; return the files written.

    The site is built in a new folder beside ``out`` and renamed into place, so ``out`` is
    never left half-written. An existing ``out`` is replaced only when it is empty or holds
    an earlier site (its :data:`MANIFEST`): a folder of anything else is never replaced, and
    :class:`~smuggling_wg.errors.ExportError` says why.
    """
    target = Path(out).resolve()
    numbers = [m.number for m in ds.meetings]
    if meeting is None and len(numbers) != 1:
        reason = f"the site shows one meeting: say which (meetings: {', '.join(map(str, numbers))})"
        raise InvalidFilter("meeting", None, numbers, reason=reason)
    meeting = ds.meeting(numbers[0] if meeting is None else meeting).number  # NotFound before anything is written
    _check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = _beside(target, "new")
    try:
        files = _write(ds, meeting, staging)
        _replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / f for f in files]


def _check_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ExportError(f"{target} exists and is not a folder; give a folder for the site")
    if target == Path.cwd() or target in Path.cwd().parents:
        raise ExportError(f"{target} is the current folder or holds it; give a folder of its own for the site")
    if not target.is_dir() or not any(target.iterdir()):
        return
    if not (target / MANIFEST).is_file():
        raise ExportError(
            f"{target} is not empty and holds no earlier site (no {MANIFEST}); "
            "choose an empty or new folder (a site replaces only an earlier site)"
        )
    ours = _listed(target / MANIFEST)
    found = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file() or p.is_symlink()}
    foreign = sorted(found - ours - {MANIFEST})
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise ExportError(
            f"{target} holds files an earlier site did not write ({shown}); move them away, or choose another folder"
        )


def _listed(manifest: Path) -> set[str]:
    """The files an earlier site says it wrote (none, for a manifest that cannot be read)."""
    try:
        files = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        return set()
    return {f for f in files if isinstance(f, str)}


def _beside(target: Path, what: str) -> Path:
    """A new folder next to ``target`` (same file system, so renames are atomic), with the usual permissions."""
    folder = target.parent / f".{target.name}.{what}-{uuid.uuid4().hex[:12]}"
    folder.mkdir()
    return folder


def _replace(staging: Path, target: Path) -> None:
    """Move the finished site into place; an earlier one is removed only after the new one is there."""
    if not target.exists():
        os.replace(staging, target)
        return
    old = _beside(target, "old")
    try:
        os.replace(target, old / "site")
        try:
            os.replace(staging, target)
        except BaseException:
            os.replace(old / "site", target)
            raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


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
    return env


def _write(ds: Dataset, number: int, root: Path) -> list[str]:
    """Render every page and copy the assets into ``root``; return the relative paths written."""
    env = _environment()
    m = ds.meeting(number)
    written: list[str] = []

    def put(rel: str, content: str) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
        written.append(rel)

    static = resources.files("smuggling_wg._site") / "static"
    for name in ("site.css", "site.js", "search.js", "sitesearch.js", "favicon.svg"):
        put(f"assets/{name}", static.joinpath(name).read_text(encoding="utf-8"))
    put("assets/search-index.js", _index.script(ds, number))
    common: dict[str, Any] = {"about": about(), "citation": citation()}
    pages = _pages(ds, m)
    for lang in LANGS:
        with display_language(lang):
            for rel, template, context in pages:
                put(f"{lang}/{rel}", _render(env, ds, m, lang, rel, template, {**common, **context}))
    choice = env.get_template("root.html")
    put("index.html", choice.render(meeting=m, ui=_words.ui, site_name=_site_name))
    manifest = {"generator": "smuggling_wg site", **common["about"], "meeting": number, "files": sorted(written)}
    put(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return written


def _pages(ds: Dataset, m: Meeting) -> list[tuple[str, str, dict[str, Any]]]:
    """Every page of one language tree: relative path, template, what it shows."""
    return _page_list(ds, m)


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
        return next(p for p in self.m.paragraphs if p.number == number)

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
