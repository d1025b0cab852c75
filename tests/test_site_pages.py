"""The web edition's pages of who spoke, agenda items, topics and counts, and how every page reads.

Each page is read as HTML (no browser: tests/test_site_browser.py opens them in Chromium) and
checked against the library's own answers: the same states, speakers, counts and paragraphs.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from smuggling_wg._language import Lang
from smuggling_wg.dataset import Dataset
from smuggling_wg.models import Meeting, State

#: One page of every type (the same path in ru/ and en/).
EVERY_TYPE = (
    "index.html",
    "recommendations.html",
    "recommendations/8.html",
    "recommendations/14.html",
    "report.html",
    "speakers.html",
    "actors.html",
    "actors/ITA.html",
    "actors/eurojust.html",
    "topics.html",
    "topics/digital_evidence.html",
    "agenda/2.html",
    "counts.html",
    "cite.html",
)
SYMBOL = re.compile(r"\b[A-Z]{2,}(?:/[\w.-]+)+")  # a UN document symbol: CTOC/COP/WG.7/2020/INF/1/Rev.1
PARA_LINK = re.compile(r'<a href="(?:\.\./)*report\.html#para-(\d+)">([^<]*)</a>')
ITEM_LINK = re.compile(r'<a href="(?:\.\./)*agenda/(\d+)\.html">([^<]*)</a>')


def read(site_dir: Path, rel: str) -> str:
    return (site_dir / rel).read_text(encoding="utf-8")


def section(html: str, element_id: str) -> str:
    """The HTML of the <section> whose heading has ``element_id``."""
    start = html.index(f'id="{element_id}"')
    return html[start : html.index("</section>", start)]


def plain(html: str) -> str:
    """The text of some HTML as read: tags and non-breaking spaces as spaces, none before punctuation."""
    text = " ".join(unescape(re.sub(r"<[^>]+>|&nbsp;", " ", html)).split())
    return re.sub(r"\( ", "(", re.sub(r" ([,;:.)])", r"\1", text))


def actor_links(html: str) -> list[str]:
    return re.findall(r'<a href="(?:\.\./)*actors/([A-Za-z_]+)\.html">', html)


class Words(HTMLParser):
    """The page's visible text, each piece with the language of its element (``lang`` inherited)."""

    VOID: ClassVar[frozenset[str]] = frozenset({"meta", "link", "br", "img", "input", "hr", "wbr", "rect", "source"})

    def __init__(self, text: str) -> None:
        super().__init__()
        self.stack: list[tuple[str, str, bool]] = []  # tag, lang, not words (script, record table, symbol)
        self.pieces: list[tuple[str, str]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        a = {k: v or "" for k, v in attrs}
        lang, skip = (self.stack[-1][1], self.stack[-1][2]) if self.stack else ("", False)
        classes = a.get("class", "").split()
        skip = skip or tag in ("script", "style", "title", "code") or "record" in classes or "symbol" in classes
        self.stack.append((tag, a.get("lang", lang), skip))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack and not self.stack[-1][2]:
            self.pieces.append((self.stack[-1][1], data.strip()))


# --- Who spoke ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_who_spoke_gives_the_librarys_two_answers_each_cited(site_dir: Path, ds: Dataset, lang: str) -> None:
    html = read(site_dir, f"{lang}/speakers.html")
    for include, key, paras in ((False, "without", ["23", "24"]), (True, "with", None)):
        part = section(html, f"states-{key}")
        want = [s.id for s in ds.states_with_statements(meeting=7, include_panellists=include)]
        assert actor_links(part) == want
        cited = [n for n, _ in PARA_LINK.findall(part)]
        kinds = {"party", "observer_state", "panel"} if include else {"party", "observer_state"}
        sources = sorted({n for s in ds.statements(meeting=7) if s.actor in want and s.kind in kinds for n in s.source})
        assert cited == [str(n) for n in sources] == (paras or cited)
    assert len(actor_links(section(html, "states-without"))) == 12
    assert len(actor_links(section(html, "states-with"))) == 16
    assert "ZAF" not in actor_links(section(html, "states-without"))  # a panellist's state only


def test_who_spoke_names_panellists_secretariat_organization_and_observers(
    site_dir: Path, ds: Dataset, m7: Meeting
) -> None:
    html = read(site_dir, "en/speakers.html")
    panel = section(html, "panellists")
    rows = re.findall(r'<tr data-speaker="(\d+)">(.*?)</tr>', panel, re.S)
    assert [int(n) for n, _ in rows] == [s.order for s in m7.speakers] == [1, 2, 3, 4, 5]
    for (_, row), speaker in zip(rows, m7.speakers, strict=True):
        assert speaker.name.en and speaker.name.en in row
        assert actor_links(row) == [speaker.actor]
        assert [int(n) for n, _ in ITEM_LINK.findall(row)] == [speaker.agenda_item]
        assert [int(n) for n, _ in PARA_LINK.findall(row)] == sorted({*speaker.source, *speaker.remarks})
    kinds = plain(section(html, "by-kind"))
    assert "Introductory statement by the Secretariat Secretariat — on agenda items 2 and 3 (paragraph 20)" in kinds
    assert (
        "Statement by an observer State China, Iran (Islamic Republic of), Jordan and Morocco (paragraph 24)" in kinds
    )
    assert "European Union Agency for Criminal Justice Cooperation (paragraph 25)" in kinds
    ru = plain(section(read(site_dir, "ru/speakers.html"), "by-kind"))
    assert "Иран (Исламская Республика), Иордания, Китай и Марокко (пункт 24)" in ru  # in the report's order


def test_the_meeting_page_lists_the_panellists_with_their_agenda_items(site_dir: Path, m7: Meeting) -> None:
    for lang in ("ru", "en"):
        part = read(site_dir, f"{lang}/index.html")
        panel = part[part.index('id="panellists"') : part.index('id="documents"')]
        items = re.findall(r'<li data-speaker="(\d+)">(.*?)</li>', panel, re.S)
        assert [int(n) for n, _ in items] == [s.order for s in m7.speakers]
        for (_, li), speaker in zip(items, m7.speakers, strict=True):
            assert [int(n) for n, _ in ITEM_LINK.findall(li)] == [speaker.agenda_item]
            assert actor_links(li) == [speaker.actor]
    assert "Simona Ragazzi (Italy), Judge of the Court of Catania, Italy — agenda item 2" in plain(
        read(site_dir, "en/index.html")
    )


# --- agenda items, topics, counts ---------------------------------------------------------------


def test_an_agenda_item_page_shows_what_was_said_under_it(site_dir: Path, m7: Meeting) -> None:
    html = read(site_dir, "en/agenda/2.html")
    assert "Impact of natural disasters" in plain(html[html.index("<h1") : html.index("</h1>")])
    presented = section(html, "presented")
    assert [int(n) for n in re.findall(r'data-speaker="(\d+)"', presented)] == [1, 2, 3]
    for n in (7, 8, 9):  # the panellists' remarks, quoted
        text = next(p for p in m7.paragraphs if p.number == n).text.en
        assert text and text in presented
    said = plain(section(html, "statements"))
    assert "Introductory statement by the Secretariat Secretariat (paragraph 20)" in said
    group = "Statement by a party to the Protocol (said of the group: agenda items 2 and 3) Australia, Brazil,"
    assert group in said  # para 23 says it of the eight together, not which item each spoke on
    held = plain(html[html.index('id="held"') : html.index('id="presented"')])
    together = "said of these meetings together"  # para 5: «На своих 1-м и 2-м заседаниях … рассмотрела пункт 2»
    assert f"1st meeting, 8 September 2020 — {together} (paragraphs 5 and 26; 5: the Chair's summary," in held
    assert f"2nd meeting, 8 September 2020 — {together} (paragraphs 5 and 11; the Chair's summary," in held
    ru = plain(read(site_dir, "ru/agenda/3.html"))
    assert "2-е заседание, 8 сентября 2020 года" in ru and "3-е заседание, 9 сентября 2020 года" in ru
    five = read(site_dir, "en/agenda/5.html")
    assert "Adoption of the report" in five and 'id="statements"' not in five  # nothing said: no empty section


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_topic_page_lists_its_recommendations_and_paragraphs(site_dir: Path, ds: Dataset, lang: Lang) -> None:
    for topic in ds.topics:
        html = read(site_dir, f"{lang}/topics/{topic.id}.html")
        assert f"<h1>{topic.label(lang)}</h1>" in html
        recs = [int(n) for n in re.findall(r'<li data-recommendation="(\d+)">', html)]
        assert recs == [r.number for r in ds.recommendations(topic=topic.id)]
        paras = [int(n) for n in re.findall(r'<li data-paragraph="(\d+)">', html)]
        assert paras == [p.number for p in ds.paragraphs() if any(t.topic == topic.id for t in p.topics)]
        for tag in [t for r in ds.recommendations(topic=topic.id) for t in r.topics if t.topic == topic.id]:
            assert f'<q lang="ru">{tag.quote}</q>' in html
    evidence = read(site_dir, f"{lang}/topics/digital_evidence.html")
    assert re.findall(r'<li data-recommendation="(\d+)">', evidence) == ["11", "12", "14", "17"]
    assert re.findall(r'<li data-paragraph="(\d+)">', evidence) == ["13", "16"]


@pytest.mark.parametrize("dimension", ["theme", "modality", "topic", "specificity"])
def test_counts_are_tables_of_the_librarys_counts_linking_the_lists(
    site_dir: Path, ds: Dataset, dimension: str
) -> None:
    html = read(site_dir, "en/counts.html")
    table = html[
        html.index(f'data-dimension="{dimension}"') : html.index(
            "</table>", html.index(f'data-dimension="{dimension}"')
        )
    ]
    rows = re.findall(r'<tr data-value="([^"]+)">(.*?)</tr>', table, re.S)
    want = {str(c.value): c.n for c in ds.counts(dimension, meeting=7)}  # type: ignore[arg-type]
    assert {v: int(re.search(r'<td class="n">(\d+)</td>', row).group(1)) for v, row in rows} == want  # type: ignore[union-attr]
    for value, row in rows:
        if want[value]:
            assert f'href="recommendations.html?{dimension}={value}"' in row
    assert "<caption" in table and 'scope="col"' in table and 'scope="row"' in table


def test_counts_of_participants_by_status_cite_their_paragraphs(site_dir: Path, m7: Meeting) -> None:
    html = read(site_dir, "ru/counts.html")
    table = html[html.index('data-dimension="status"') :]
    rows = dict(re.findall(r'<tr data-value="(\w+)">.*?<td class="n">(\d+)</td>', table, re.S))
    assert rows == {"party": "74", "signatory": "2", "non_party": "14", "organization": "12", "permanent_observer": "1"}
    assert sum(map(int, rows.values())) == len(m7.participants) == 103
    assert [n for n, _ in PARA_LINK.findall(table)] == ["27", "28", "29", "30", "31"]


# --- how every page reads ---------------------------------------------------------------------------


def test_every_paragraph_link_names_one_paragraph(site_dir: Path) -> None:
    links = 0
    for page in site_dir.rglob("*.html"):
        for number, text in PARA_LINK.findall(page.read_text(encoding="utf-8")):
            assert re.fullmatch(rf"(?:[^\d,]*\s)?{number}", text), (page, number, text)
            links += 1
        for number, text in ITEM_LINK.findall(page.read_text(encoding="utf-8")):
            assert not re.search(r"\d\s*(,|and|и)\s*\d", text), (page, number, text)  # a number or the item's title
    assert links > 900


def test_dates_are_in_words_and_the_meeting_is_the_7th(site_dir: Path) -> None:
    en, ru = read(site_dir, "en/index.html"), read(site_dir, "ru/index.html")
    assert '<time datetime="2020-09-08">8–9 September 2020</time>' in en
    assert '<time datetime="2020-09-08">8–9 сентября 2020 года</time>' in ru
    assert "19 August 2020" in en and "9 September 2020" in en
    for page in ("en/index.html", "ru/index.html", "en/speakers.html", "en/agenda/2.html", "ru/actors/TUR.html"):
        visible = " ".join(text for _, text in Words(read(site_dir, page)).pieces)
        assert not re.search(r"\d{4}-\d\d-\d\d", visible), page
    assert "Working Group on the Smuggling of Migrants, 7th meeting" in en
    assert "Рабочая группа по незаконному ввозу мигрантов, 7-е совещание" in ru
    assert "meeting 7" not in en and "совещание 7" not in ru


def test_2020_names_in_2020_listings_and_todays_on_the_states_page(site_dir: Path, ds: Dataset) -> None:
    listing = read(site_dir, "en/actors.html")
    assert re.search(r'data-actor="TUR"><a href="actors/TUR.html">Turkey</a>', listing)
    assert re.search(r'data-actor="NLD"><a href="actors/NLD.html">Netherlands</a>', listing)
    assert "Türkiye" not in listing and "Kingdom of the" not in listing
    turkey = read(site_dir, "en/actors/TUR.html")
    assert "<h1>Turkey <small>TUR</small></h1>" in turkey
    assert "Name at the meeting Turkey; name changed on 1 June 2022: Türkiye" in plain(turkey)
    state = ds.actor("TUR")
    assert isinstance(state, State) and state.names_at(dt.date(2020, 9, 8)).en == "Turkey"  # type: ignore[union-attr]


def test_english_lists_in_english_order_russian_in_the_reports(site_dir: Path, m7: Meeting) -> None:
    parties = [p.actor for p in m7.participants if p.status == "party"]
    en = read(site_dir, "en/actors.html")
    en_names = [plain(n) for n in re.findall(r'<li data-actor="\w+"><a [^>]+>(.*?)</a>', section(en, "party"))]
    assert en_names == sorted(en_names, key=lambda n: n.casefold()) and len(en_names) == 74
    assert (
        en_names.index("Burundi")
        < en_names.index("Iraq")
        < en_names.index("Spain")
        < en_names.index("Venezuela (Bolivarian Republic of)")
    )
    ru = read(site_dir, "ru/actors.html")
    assert actor_links(section(ru, "party")) == parties  # the report's own order, which is Russian alphabetical


@pytest.mark.parametrize("rel", [*EVERY_TYPE])
def test_each_language_reads_as_written_in_it(site_dir: Path, rel: str) -> None:
    """No English on a Russian page unless marked English, no Russian on an English page unless marked Russian."""
    # codes (ITA, CTOC/COP/WG.7/2020/1, M49) and the package's name are no language's words
    for lang, foreign in (("ru", re.compile(r"\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}\b")), ("en", re.compile(r"[А-Яа-яЁё]"))):
        pieces = Words(read(site_dir, f"{lang}/{rel}")).pieces
        stray = [
            text
            for piece_lang, text in pieces
            if piece_lang == lang and foreign.search(SYMBOL.sub("", text.replace("smuggling_wg", "")))
        ]
        assert stray == [], (lang, rel)


# --- standing (data 1.2): what the report adopted and what is the Chair's summary ---------------------


def test_the_report_page_states_each_chapters_standing(site_dir: Path, m7: Meeting) -> None:
    for lang in ("ru", "en"):
        html = read(site_dir, f"{lang}/report.html")
        notes = re.findall(r'<p class="standing standing-\w+" data-standing="(\w+)">(.*?)</p>', html)
        assert (
            [s for s, _ in notes]
            == [c.standing for c in m7.chapters]
            == [
                "proceedings",
                "adopted",
                "chair_summary",
                "proceedings",
                "proceedings",
            ]
        )
        assert [re.findall(r"#para-(\d+)", n) for _, n in notes] == [["34"], ["3"], ["4"], ["34"], ["34"]]
        summary = [
            int(n) for n in re.findall(r'data-paragraph="(\d+)" data-key="\d+" data-standing="chair_summary"', html)
        ]
        assert summary == [p.number for p in m7.paragraphs if p.standing == "chair_summary"] == list(range(4, 18))
    report = plain(read(site_dir, "en/report.html"))
    assert "The Chair's summary, not adopted (paragraph 4)" in report
    assert "Adopted by the Working Group (paragraph 3)" in report


def test_citations_of_the_chairs_summary_say_it_was_not_adopted(site_dir: Path) -> None:
    italy = plain(read(site_dir, "en/actors/ITA.html"))
    assert "(paragraphs 6, 9 and 21; 6 and 9: the Chair's summary, not adopted;" in italy
    assert "(paragraph 23; the report's words: Италии)" in italy  # chapter IV: no mark
    ru = plain(read(site_dir, "ru/agenda/2.html"))
    assert "пункт 7; резюме Председателя, не утверждалось" in ru  # the remarks quoted are the Chair's summary


def test_group_agenda_items_and_inferred_dates_are_said_as_such(site_dir: Path) -> None:
    australia = plain(read(site_dir, "en/actors/AUS.html"))
    assert "Agenda items 2 and 3 (said of the group): statement by a party to the Protocol (paragraph 23;" in australia
    assert "of the group" not in plain(read(site_dir, "en/actors/ESP.html"))  # a panellist's own item
    assert "Пункты повестки дня 2 и 3 (сказано о группе выступавших): заявление участника Протокола" in plain(
        read(site_dir, "ru/actors/AUS.html")
    )
    held = plain(read(site_dir, "en/agenda/3.html"))
    assert "3rd meeting, 9 September 2020 (inferred from the report's dates)" in held
    assert "2nd meeting, 8 September 2020 — said" in held  # a stated date: no mark of inference
