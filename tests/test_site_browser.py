"""The web edition in a real browser: Debian's Chromium, driven by Playwright, pages opened from file://.

One browser for the module. Every page visited is watched: console errors and requests
other than file:// are collected and must stay empty. axe-core (bundled by
axe-playwright-python) checks every page type for serious or critical violations.
Screenshots go to $SMUGGLING_WG_ARTEFACTS (default: a temporary folder).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from smuggling_wg._site import _index
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Meeting
from smuggling_wg.search import fold, stem_live

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium found (/usr/bin/chromium): apt-get install chromium to run the browser tests"
)

QUERIES = [
    "цифровые доказательства",
    '"цифровых доказательств"',
    "мигрантов",
    "незаконный ввоз мигрантов",
    "мигрантов -кризис",
    "кризисы пандемия",
    '"организованной преступности"',
    "технологии",
    "сотрудничество -международное",
    "киберпространство",
    "Конвенции статьей",
    "digital evidence",
    '"digital evidence"',
    "smuggling of migrants",
    "migrants -crises",
    "COVID-19",
    "technology cooperation",
    "human rights",
    "online",
    "zebra",
    "e-evidence",
    "Государствам-участникам рекомендуется",
    '"цифровых доказательств',
    "ДОКАЗАТЕЛЬСТВАМИ",
    "Türkiye",
    # organizations found by their acronyms and other names, where the text spells the full name
    "IOM",
    "Евроюст",
    "УНП ООН",
    "eurojust -Евроюст",
    # stop words left out of a question, kept in a phrase or when nothing else is asked
    "Who chaired the meeting?",
    "Кто открыл совещание?",
    "во время пандемии",
    '"of the meeting"',
    "the",
    # the heading weighs more (a speaker first), a speaker's remarks half (the paragraph first)
    "South Africa",
    "судья",
    "Guayasamín",
    # issue 25: questions, operators on the whole record, equivalent terms, words found nowhere
    "What should States parties do about COVID?",
    "Which recommendations deal with digital evidence?",
    "Какие рекомендации касаются цифровых доказательств?",
    "Что рекомендовано в отношении пандемии COVID-19?",
    "Which agenda item covered the use of technology?",
    "COVID -pandemic",
    "COVID -пандемии",
    "evidence +seize",
    "coronavirus",
    "cyberspace",
    "smugglers",
    "evidense",
    "доказатэльства",
    "__proto__ constructor",
]


class Watched:
    """A browser page whose console errors and non-file requests are recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith("file://") else self.requests.append(r.url))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    w = Watched(context.new_page())
    yield w
    context.close()
    assert w.errors == []
    assert w.requests == []


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("SMUGGLING_WG_ARTEFACTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def url(site_dir: Path, rel: str) -> str:
    return (site_dir / rel).as_uri()


def visible(page: Any) -> list[int]:
    return [
        int(n)
        for n in page.eval_on_selector_all(
            "[data-recommendation]",
            "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.recommendation)",
        )
    ]


def test_filter_by_theme(site_dir: Path, watched: Watched, artefacts: Path) -> None:
    page = watched.page
    page.goto(url(site_dir, "ru/recommendations.html"))
    assert len(visible(page)) == 22
    page.select_option('select[name="theme"]', "technology")
    assert visible(page) == list(range(8, 23))
    assert page.locator("[data-recommendation]:visible").count() == 15
    page.select_option('select[name="modality"]', "may_wish")
    assert len(visible(page)) < 15
    page.select_option('select[name="modality"]', "")
    page.select_option('select[name="theme"]', "")
    assert len(visible(page)) == 22
    page.screenshot(path=str(artefacts / "recommendations-ru.png"))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_search_gives_the_library_hits_in_its_order(site_dir: Path, watched: Watched, ds: Dataset, lang: str) -> None:
    page = watched.page
    page.goto(url(site_dir, f"{lang}/recommendations.html"))
    found_some = 0
    for query in QUERIES:
        page.fill('input[type="search"]', query)
        expected = [h.record.number for h in ds.search(query, kind="recommendation", meeting=7)]
        assert visible(page) == expected, query
        found_some += bool(expected)
    assert found_some >= 15
    page.fill('input[type="search"]', "")
    assert len(visible(page)) == 22


def test_search_of_every_kind_agrees_with_the_library(site_dir: Path, watched: Watched, ds: Dataset) -> None:
    page = watched.page
    page.goto(url(site_dir, "en/report.html"))
    for query in QUERIES:
        got = page.evaluate("q => SWG.search(q, null).hits.map(h => [h.kind, String(h.key), h.score])", query)
        want = [[h.kind, str(h.key), h.score] for h in ds.search(query, meeting=7)]
        assert [g[:2] for g in got] == [w[:2] for w in want], query
        assert all(abs(g[2] - w[2]) < 1e-5 for g, w in zip(got, want, strict=True)), query
    first = page.evaluate("q => SWG.search(q, null).hits[0]", "South Africa")
    assert (first["kind"], first["key"]) == ("speaker", 1)  # her name and position are her heading
    asked = page.evaluate("q => SWG.search(q, null)", "Кто открыл совещание?")
    assert asked["hits"][0]["key"] == 19 and asked["unknown"] == []  # «кто» is left out, not unknown
    assert asked["explanation"]["ignored"] == ["Кто"]
    for query in QUERIES:  # the page explains a search as the library does
        got = page.evaluate("q => SWG.search(q, null).explanation", query)
        told = ds.search(query, meeting=7).explanation
        assert told is not None
        assert got == {
            "languages": list(told.languages),
            "ignored": list(told.ignored),
            "unknown": [{"word": u.word, "suggestions": list(u.suggestions)} for u in told.unknown],
            "removed_by": [{"operator": r.operator, "records": [list(k) for k in r.records]} for r in told.removed_by],
            "expanded_via": [
                {"term": e.term, "via": e.via, "rationale": e.rationale, "equivalents": list(e.equivalents)}
                for e in told.expanded_via
            ],
            "preferred_kind": told.preferred_kind,
        }, query
        via = page.evaluate("q => SWG.search(q, null).hits.map(h => h.via)", query)
        assert via == [list(h.expanded_via) for h in ds.search(query, meeting=7)], query
    assert [h["key"] for h in page.evaluate("q => SWG.search(q, null).hits", "IOM")] == [30]
    # issue 24, item 9: a huge word gets no suggestions, and no edit distance is computed for it
    assert page.evaluate("() => SWG.similar('x'.repeat(100000), 5)") == []
    long = page.evaluate("() => SWG.search('x'.repeat(990) + ' evidence', null).explanation.unknown")
    assert long == [{"word": "x" * 990, "suggestions": []}]
    huge = page.evaluate(REFUSAL, "x" * 30000 + " evidence")  # past the library's limit: refused, as ds.search
    assert huge == {"what": "chars", "count": 30009, "limit": 1000}
    page.fill('input[type="search"]', '"цифровых доказательств"')
    shown = page.eval_on_selector_all(
        "[data-paragraph]", "els => els.filter(e => !e.hidden).map(e => +e.dataset.paragraph)"
    )
    assert shown == [h.record.number for h in ds.search('"цифровых доказательств"', kind="paragraph")]


def test_the_page_stems_query_words_as_the_library(site_dir: Path, watched: Watched, ds: Dataset) -> None:
    """Every word whose stem some text has gets that stem in the page; any other word none (it matches nothing)."""
    page = watched.page
    text_stems = set(json.loads(_index.payload(ds, 7))["stems"])
    page.goto(url(site_dir, "ru/recommendations.html"))
    words = [
        "доказательствами",
        "мигрантам",
        "кризисов",
        "технологиями",
        "Преступности",
        "ЁЖИК",
        "smuggled",
        "evidences",
        "cooperating",
        "Türkiye",
        "ежик",
        "квазарами",
        "помощью",
        "защитой",
        "преследования",
        "investigated",
        "prosecutions",
    ]
    covered = 0
    for word in words:
        folded = page.evaluate("w => SWG.fold(w)", word)
        assert folded == fold(word), word
        stem = page.evaluate("w => SWG.stem(SWG.fold(w))", word)
        library = stem_live(folded)
        assert stem == (library if library in text_stems else None), word
        covered += stem is not None
    assert covered >= 12


def test_switch_language_keeps_the_record(site_dir: Path, watched: Watched) -> None:
    page = watched.page
    page.goto(url(site_dir, "ru/recommendations/8.html"))
    page.click("#lang-switch")
    assert page.url.endswith("/en/recommendations/8.html")
    assert page.locator("h1").inner_text() == "Recommendation 8"
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("#lang-switch")
    assert page.url.endswith("/ru/recommendations/8.html")


def test_follow_a_state_page(site_dir: Path, watched: Watched) -> None:
    page = watched.page
    page.goto(url(site_dir, "ru/actors.html"))
    page.click('[data-actor="ITA"] a')
    assert page.url.endswith("/ru/actors/ITA.html")
    assert "Италия" in page.locator("h1").inner_text()
    assert page.locator('dd[lang="zh"]').inner_text() == "意大利"


def test_keyboard_reaches_the_skip_link_with_a_visible_focus(site_dir: Path, watched: Watched) -> None:
    page = watched.page
    page.goto(url(site_dir, "en/index.html"))
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused == ["skip", "solid"]
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#main'")


def test_a_recommendation_prints_without_navigation(site_dir: Path, watched: Watched) -> None:
    page = watched.page
    page.goto(url(site_dir, "en/recommendations/8.html"))
    page.emulate_media(media="print")
    assert page.locator(".banner nav").is_hidden() and page.locator(".pager").is_hidden()
    assert page.locator("blockquote.text[lang=ru]").is_visible()
    page.emulate_media(media="screen")


NEW_PAGES = ["speakers.html", "counts.html", "agenda/2.html", "agenda/5.html", "topics/digital_evidence.html"]
PAGE_TYPES = [
    "index.html",
    "ru/index.html",
    "ru/recommendations.html",
    "ru/recommendations/8.html",
    "ru/report.html",
    "ru/actors.html",
    "ru/actors/ITA.html",
    "ru/actors/unhcr.html",
    "ru/topics.html",
    "ru/cite.html",
    "en/index.html",
    "en/recommendations.html",
    "en/recommendations/14.html",
    "en/report.html",
    "en/actors.html",
    "en/actors/VEN.html",
    "en/actors/TUR.html",
    "en/topics.html",
    "en/cite.html",
    *[f"{lang}/{rel}" for lang in ("ru", "en") for rel in NEW_PAGES],
    "ru/search.html",
]


def test_no_serious_or_critical_accessibility_violation(site_dir: Path, watched: Watched, artefacts: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

    axe = Axe()
    page = watched.page
    problems = {}
    for rel in PAGE_TYPES:
        page.goto(url(site_dir, rel))
        # preload off: axe would fetch the stylesheets with XMLHttpRequest, which file:// forbids
        violations = axe.run(page, options={"resultTypes": ["violations"], "preload": False}).response["violations"]
        serious = [
            (v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[rel] = serious
        if rel in ("ru/index.html", "en/recommendations.html", "ru/recommendations/8.html", "en/speakers.html"):
            page.screenshot(path=str(artefacts / (rel.replace("/", "-"))).replace(".html", ".png"))
    assert problems == {}


def test_filters_and_query_from_the_url(site_dir: Path, watched: Watched, ds: Dataset) -> None:
    page = watched.page
    page.goto(url(site_dir, "en/recommendations.html") + "?theme=technology&q=evidence")
    assert page.input_value('input[type="search"]') == "evidence"
    assert page.input_value('select[name="theme"]') == "technology"
    hits = ds.search("evidence", kind="recommendation")
    assert visible(page) == [h.record.number for h in hits if h.record.theme == "technology"] == [14, 17, 11, 12]


def test_served_over_http_it_works_the_same(site_dir: Path, browser: Any) -> None:
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    context = browser.new_context()
    try:
        w = Watched(context.new_page())
        base = f"http://127.0.0.1:{server.server_address[1]}"
        w.page.goto(f"{base}/ru/recommendations.html")
        w.page.select_option('select[name="theme"]', "technology")
        assert len(visible(w.page)) == 15
        w.page.fill('input[type="search"]', "цифровые доказательства")
        assert visible(w.page) == [14, 17, 11, 12]  # 17: «электронных доказательств», an equivalent term
        w.page.click("#lang-switch")
        assert w.page.url == f"{base}/en/recommendations.html"
        assert w.errors == []
        assert all(r.startswith(base) for r in w.requests)
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_a_query_of_exclusions_only_finds_nothing_and_says_why(site_dir: Path, watched: Watched, ds: Dataset) -> None:
    from smuggling_wg.errors import InvalidFilter

    with pytest.raises(InvalidFilter, match="no word to look for"):
        ds.search("-кризис")
    page = watched.page
    page.goto(url(site_dir, "en/recommendations.html"))
    page.fill('input[type="search"]', "-кризис")
    assert visible(page) == []
    assert "The query has no word to look for." in page.inner_text("#status")


def test_without_javascript_every_record_and_chart_is_there(site_dir: Path, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url(site_dir, "ru/recommendations.html"))
        assert len(visible(page)) == 22
        assert page.locator("#chart-themes svg").is_visible()
        assert page.locator("#chart-themes svg rect").count() == 5  # crises: 2 modalities, technology: 3
    finally:
        context.close()


def test_who_spoke_leads_to_the_states_and_the_agenda_items(site_dir: Path, watched: Watched, ds: Dataset) -> None:
    page = watched.page
    page.goto(url(site_dir, "en/index.html"))
    page.click('nav a[href="speakers.html"]')
    assert page.url.endswith("/en/speakers.html") and page.locator("h1").inner_text() == "Who spoke"
    shown = page.eval_on_selector_all("[data-states=without] [data-actor]", "els => els.map(e => e.dataset.actor)")
    assert shown == [s.id for s in ds.states_with_statements(meeting=7)]
    page.click('tr[data-speaker="4"] a[href="agenda/3.html"]')
    assert page.url.endswith("/en/agenda/3.html")
    assert page.locator('[data-speaker="4"] h3').inner_text().startswith("Jorge Matías Fernández")
    page.click('a[href="../report.html#para-13"]')
    assert page.url.endswith("/en/report.html#para-13")
    page.wait_for_function("() => location.hash === '#para-13'")


def test_a_count_leads_to_the_filtered_list(site_dir: Path, watched: Watched, ds: Dataset) -> None:
    page = watched.page
    page.goto(url(site_dir, "ru/counts.html"))
    page.click('[data-dimension="topic"] tr[data-value="digital_evidence"] a')
    assert page.input_value('select[name="topic"]') == "digital_evidence"
    assert visible(page) == [r.number for r in ds.recommendations(topic="digital_evidence")] == [11, 12, 14, 17]


#: One page of every template, at the same relative path in ru/ and en/ (the search page with a question).
PHONE_PAGES = [
    "index.html",
    "recommendations.html",
    "recommendations/8.html",
    "report.html",
    "speakers.html",
    "actors.html",
    "actors/ITA.html",
    "actors/eu.html",
    "actors/cted.html",
    "topics.html",
    "topics/digital_evidence.html",
    "agenda/2.html",
    "counts.html",
    "cite.html",
    "search.html?q=digital+evidence",
]
PHONE = {"width": 375, "height": 812}
#: The rows the visible parts of the site's navigation take, and how many parts are visible.
NAV_ROWS = """() => {
  const shown = [...document.querySelectorAll('.banner nav summary, .banner nav a')].filter(e => e.checkVisibility());
  return [new Set(shown.map(e => Math.round(e.getBoundingClientRect().top))).size, shown.length];
}"""
#: How far the page scrolls sideways with every <details> open (as a reader may open them).
OVERFLOW = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  return document.scrollingElement.scrollWidth - window.innerWidth;
}"""


@pytest.fixture(scope="module")
def series_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a series: the bundled meeting and the example meeting."""
    import smuggling_wg as swg
    from smuggling_wg.export import site

    root = Path(__file__).resolve().parent.parent
    out = tmp_path_factory.mktemp("series-site") / "site"
    site(swg.load(extra=[root / "examples" / "example-meeting.yaml"]), out)
    return out


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_page_type_fits_a_phone(site_dir: Path, series_dir: Path, browser: Any, lang: str) -> None:
    """At 375 px nothing makes the page scroll sideways, every <details> open (wide tables scroll in their box)."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        wide = {}
        pages = [(site_dir, f"{lang}/{rel}") for rel in PHONE_PAGES] + [(site_dir, "index.html")]
        pages += [(series_dir, f"{lang}/index.html"), (series_dir, f"meetings/99/{lang}/index.html")]
        for root, rel in pages:
            path, _, query = rel.partition("?")
            page.goto(url(root, path) + (f"?{query}" if query else ""))
            if page.evaluate(OVERFLOW) > 0:
                wide[rel] = page.evaluate("() => document.scrollingElement.scrollWidth")
        assert wide == {}
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_navigation_is_one_quiet_line_and_a_menu_on_a_phone(site_dir: Path, browser: Any, lang: str) -> None:
    """On a phone the sections are one line (a native <details> Menu, no script); on a desktop one row of links."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        for rel in PHONE_PAGES[:5]:
            page.goto(url(site_dir, f"{lang}/{rel}"))
            assert page.evaluate(NAV_ROWS) == [1, 1]  # the Menu alone, on one line
            menu = page.locator(".banner nav details > summary")
            assert menu.inner_text() == {"ru": "Меню", "en": "Menu"}[lang]
            menu.click()
            links = page.locator(".banner nav a")
            assert links.count() == 8 and all(links.nth(i).is_visible() for i in range(8))
            assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]
            current = page.locator('.banner nav a[aria-current="page"]')
            assert current.count() == (0 if "/" in rel else 1)
    finally:
        context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url(site_dir, f"{lang}/counts.html"))
        assert page.evaluate(NAV_ROWS) == [1, 8]  # every section in one row, no Menu
    finally:
        context.close()


def test_the_report_in_chapters_and_the_chairs_summary_marked_in_search_results(
    site_dir: Path, watched: Watched, m7: Meeting
) -> None:
    page = watched.page
    page.goto(url(site_dir, "en/report.html"))
    chapters = page.locator("h2.chapter")
    assert chapters.count() == len(m7.chapters) == 5 and chapters.nth(2).is_visible()
    assert page.locator("#para-7 .standing-note").is_hidden()  # the chapter says it once
    page.fill('input[type="search"]', "Ragazzi")
    assert chapters.nth(2).is_hidden()  # results are ranked, out of their chapters: headings step aside
    assert page.locator("#para-9 .standing-note").inner_text() == "The Chair's summary, not adopted"
    page.fill('input[type="search"]', "")
    assert chapters.nth(2).is_visible() and page.locator("#para-9 .standing-note").is_hidden()


# --- issue 25: the site-wide search, ranked as ds.search, from every page -----------------------

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import relevance  # noqa: E402

sys.path.pop(0)


def shown(page: object) -> list[str]:
    return list(page.eval_on_selector_all("[data-sitewide] > li", relevance.SHOWN))  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_typing_a_question_shows_the_library_hits_in_its_order(
    site_dir: Path, watched: Watched, ds: Dataset, lang: str
) -> None:
    page = watched.page
    page.goto(url(site_dir, f"{lang}/search.html"))
    assert len(shown(page)) == 68  # without a query: every record the search knows, listed
    asked = relevance.questions()
    for question in asked[:: 8 if lang == "en" else 1]:  # every question of the relevance set
        page.fill("#q", question.query)
        assert shown(page) == [relevance.name(h) for h in ds.search(question.query, meeting=7)], question.query
    page.fill("#q", "What should States parties do about COVID?")
    lines = page.eval_on_selector_all("#explanation li", "els => els.map(e => e.textContent)")
    assert lines[0].endswith(" What, do, about") and "COVID-19, pandemic" in lines[1]
    page.fill("#q", "evidense")
    assert (
        shown(page) == []
        and "evidense" in page.inner_text("#explanation")
        and "evidence" in page.inner_text("#explanation")
    )


def test_every_page_has_the_box_and_a_question_from_the_url(site_dir: Path, watched: Watched, ds: Dataset) -> None:
    page = watched.page
    page.goto(url(site_dir, "en/recommendations/14.html"))
    page.fill("form.site-search input", "Italy")
    page.press("form.site-search input", "Enter")
    page.wait_for_url("**/en/search.html?q=Italy")
    assert page.input_value("#q") == "Italy"
    assert shown(page) == [relevance.name(h) for h in ds.search("Italy", meeting=7)]
    assert {"paragraph 23", "speaker 3", "paragraph 19"} <= set(shown(page))
    for rel in ("ru/index.html", "ru/report.html", "en/actors/ITA.html", "en/topics.html", "ru/cite.html"):
        page.goto(url(site_dir, rel))
        action = page.get_attribute("form.site-search", "action")
        assert action is not None and action.endswith("search.html"), rel


def test_the_recommendations_filter_points_to_the_site_wide_search_when_it_finds_nothing(
    site_dir: Path, watched: Watched, ds: Dataset
) -> None:
    page = watched.page
    page.goto(url(site_dir, "en/recommendations.html"))
    page.fill('form.filters input[type="search"]', "Italy")
    assert page.inner_text("#status").startswith("Shown: 0 of 22.")
    link = page.get_attribute("#search-everywhere", "href")
    assert link is not None and parse_qs(urlparse(link).query) == {"q": ["Italy"]}
    page.click("#search-everywhere")
    page.wait_for_url("**/en/search.html?q=Italy")
    assert shown(page)[:1] == [relevance.name(ds.search("Italy", meeting=7)[0])]
    page.goto(url(site_dir, "en/recommendations.html"))
    page.fill('form.filters input[type="search"]', "evidence")
    assert page.query_selector("#search-everywhere") is None  # found here: no pointer


def test_the_site_search_index_stays_under_300_kb(site_dir: Path) -> None:
    assert (site_dir / "assets" / "search-index.js").stat().st_size < 300_000


# --- issue 24: the library's query limits and its reading of a minus sign, in the page ----------------------


def refused_by_the_library(ds: Dataset, query: str) -> str:
    """The library's refusal of ``query`` (``InvalidFilter``'s message), or "" for an answer."""
    from smuggling_wg.errors import InvalidFilter

    try:
        ds.search(query, meeting=7)
    except InvalidFilter as exc:
        return str(exc)
    return ""


NBSP = "\xa0"  # the Russian page's digit grouping (toLocaleString("ru"))
#: A query past a limit: the library's words, then what the Russian and the English page say.
PAST_A_LIMIT = [
    (
        " ".join(["COVID"] * 60),
        "the query has 60 words; the limit is 50",
        "Слов в запросе: 60; предел — 50.",
        "The query has 60 words; the limit is 50.",
    ),
    (
        "x" * 1_500,
        "the query has 1,500 characters; the limit is 1,000",
        f"Знаков в запросе: 1{NBSP}500; предел — 1{NBSP}000.",
        "The query has 1,500 characters; the limit is 1,000.",
    ),
    (  # Python's str.split splits at U+001F: 51 words for the library, so for the page
        "\x1f".join(["COVID"] * 51),
        "the query has 51 words; the limit is 50",
        "Слов в запросе: 51; предел — 50.",
        "The query has 51 words; the limit is 50.",
    ),
]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_query_past_a_limit_is_refused_before_any_work(
    site_dir: Path, watched: Watched, ds: Dataset, lang: str
) -> None:
    """The site's searches hold to the library's limits: refused with one message, nothing searched or listed."""
    from urllib.parse import quote

    from smuggling_wg import _loader

    page = watched.page
    for query, library, ru, en in PAST_A_LIMIT:
        said = ru if lang == "ru" else en
        assert refused_by_the_library(ds, query).startswith(library)
        page.goto(url(site_dir, f"{lang}/search.html") + "?q=" + quote(query))
        assert page.inner_text("#status") == said, query[:20]
        assert shown(page) == [] and page.inner_text("#explanation") == ""
        page.goto(url(site_dir, f"{lang}/recommendations.html") + "?q=" + quote(query))
        assert visible(page) == [] and page.inner_text("#status").endswith(" " + said)
        assert page.query_selector("#search-everywhere") is None
    at_limit = " ".join(["COVID"] * _loader.MAX_QUERY_WORDS)
    page.goto(url(site_dir, f"{lang}/recommendations.html"))
    page.fill('form.filters input[type="search"]', at_limit)
    assert visible(page) == [h.key for h in ds.search(at_limit, kind="recommendation")] != []
    pasted = "x" * (_loader.MAX_QUERY_CHARS + 500)  # a long paste is kept whole and refused, never cut unseen
    for box in ("#q", "form.site-search input"):
        assert page.get_attribute(box, "maxlength") is None
    page.fill('form.filters input[type="search"]', pasted)
    assert page.input_value('form.filters input[type="search"]') == pasted
    assert visible(page) == [] and page.inner_text("#status").endswith(" " + PAST_A_LIMIT[1][3 if lang == "en" else 2])


REFUSAL = "q => { try { SWG.search(q, null); return ''; } catch (e) { return e.limit || null; } }"


def test_the_page_counts_a_query_as_the_library_does(site_dir: Path, watched: Watched, ds: Dataset) -> None:
    """Characters are code points (an emoji is one), words end where Python's ``str.split`` splits."""
    from smuggling_wg import _loader

    page = watched.page
    page.goto(url(site_dir, "en/report.html"))
    many = _loader.MAX_QUERY_WORDS + 1
    queries = [
        "\U0001f600" * 600 + " COVID",  # 1,206 UTF-16 units, 606 characters
        "x" * _loader.MAX_QUERY_CHARS,
        "x" * (_loader.MAX_QUERY_CHARS + 1),
        *(sep.join(["COVID"] * many) for sep in ("\x1c", "\x85", "\u3000", "\u2028", "\xa0", "\ufeff", "\u200b")),
        " ".join(["COVID"] * _loader.MAX_QUERY_WORDS),
    ]
    refused = 0
    for query in queries:
        got = page.evaluate(REFUSAL, query)
        library = refused_by_the_library(ds, query).split(" (")[0]
        if got:
            noun = "characters" if got["what"] == "chars" else "words"
            got = f"the query has {got['count']:,} {noun}; the limit is {got['limit']:,}"
            refused += 1
        assert got == library, repr(query[:20])
    assert refused == 6


def test_a_dash_or_minus_sign_before_a_word_excludes_it_as_the_library_does(
    site_dir: Path, watched: Watched, ds: Dataset
) -> None:
    """Word processors put U+2212 or a dash for the minus of -word: both read it as the exclusion."""
    from smuggling_wg.search import _MINUS_SIGNS

    assert len(_MINUS_SIGNS) >= 8 and {"\u2212", "\u2013", "\u2014", "\u2010", "\u2011", "\ufe63", "\uff0d"} < set(
        _MINUS_SIGNS
    )
    page = watched.page
    page.goto(url(site_dir, "en/recommendations.html"))
    ascii_minus = [h.key for h in ds.search("COVID -pandemic", kind="recommendation")]
    assert ascii_minus == [6]
    for sign in _MINUS_SIGNS:
        for query in (f"COVID {sign}pandemic", f'COVID {sign}"the pandemic"', f"кризис {sign}пандемия"):
            page.fill('form.filters input[type="search"]', query)
            assert visible(page) == [h.key for h in ds.search(query, kind="recommendation")], query
            got = page.evaluate("q => SWG.search(q, null)", query)
            told = ds.search(query, meeting=7)
            assert [[h["kind"], str(h["key"])] for h in got["hits"]] == [[h.kind, str(h.key)] for h in told], query
            assert told.explanation is not None
            assert got["explanation"]["removed_by"] == [
                {"operator": r.operator, "records": [list(k) for k in r.records]} for r in told.explanation.removed_by
            ], query
        page.fill('form.filters input[type="search"]', f"COVID {sign}pandemic")
        assert visible(page) == ascii_minus, sign
    explained = ds.search("COVID \u2212pandemic", kind="recommendation").explanation
    assert explained is not None and [r.operator for r in explained.removed_by] == ["-pandemic"]
