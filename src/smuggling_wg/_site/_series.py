"""The web edition of several meetings: each meeting's own site, and a series page over them all.

Each meeting's site is the one :func:`smuggling_wg._site.build` writes for it alone, under
``meetings/N/``; the series page (``ru/index.html``, ``en/index.html``, template
``series.html``) lists the meetings and the recommendations by theme across them, linking
into each meeting's site. Recommendations are grouped by their theme's ``id`` (a theme is a
section of one report: two reports share a theme when their data gives it the same id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import _words as _catalogue
from .._language import LANGS, Lang
from ..dataset import Dataset
from ..models import Meeting, Recommendation, Text, Theme
from . import _words

if TYPE_CHECKING:
    import jinja2

__all__ = ["ASSETS", "by_theme", "pages"]

#: The static files the series page uses (copied from the meetings' own).
ASSETS = ("site.css", "favicon.svg")


def by_theme(ds: Dataset) -> list[tuple[Theme, list[tuple[Meeting, list[Recommendation]]]]]:
    """Each theme id (first as the earliest meeting names it), with each meeting's recommendations of it."""
    themes: dict[str, tuple[Theme, list[tuple[Meeting, list[Recommendation]]]]] = {}
    for m in ds.meetings:
        for theme in m.themes:
            recommendations = [r for r in m.recommendations if r.theme == theme.id]
            if recommendations:
                themes.setdefault(theme.id, (theme, []))[1].append((m, recommendations))
    return list(themes.values())


def _theme_name(theme: Theme, lang: Lang) -> str:
    """A theme as the site names it: the catalogue's words for its id, else its own label."""
    shown = _words.code(theme.id, lang, "theme")
    return theme.label if shown == theme.id else shown


def pages(ds: Dataset, env: jinja2.Environment, about: dict[str, str]) -> dict[str, str]:
    """The series pages by relative path: the choice of language (``index.html``) and one page per language."""
    grouped = by_theme(ds)
    written = {"index.html": env.get_template("series-root.html").render(ui=_words.ui)}
    for lang in LANGS:

        def tx(value: Text, lang: Lang = lang) -> tuple[str, str]:
            return (value.en, "en") if lang == "en" and value.en else (value.ru, "ru")

        context: dict[str, Any] = {
            "ds": ds,
            "lang": lang,
            "other": "en" if lang == "ru" else "ru",
            "themes": grouped,
            "about": about,
            "tx": tx,
            "ui": lambda key, lang=lang: _words.ui(key, lang),
            "code": lambda value, lang=lang: _words.code(value, lang),
            "theme_name": lambda theme, lang=lang: _theme_name(theme, lang),
            "dates": lambda m, lang=lang: _catalogue.dates(m.start_date, m.end_date, lang),
            "meeting_title": lambda n, lang=lang: _catalogue.meeting_title(n, lang),
        }
        written[f"{lang}/index.html"] = env.get_template("series.html").render(**context)
    return written
