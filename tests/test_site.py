"""The web edition's generator: every record has its page, every link and anchor resolves, nothing remote."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import smuggling_wg as swg
from smuggling_wg import cli
from smuggling_wg._site import MANIFEST, _index
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import site
from smuggling_wg.models import Meeting
from smuggling_wg.search import SEARCH_INDEX, STOP_WORDS, SearchIndex, equivalents_of, stem_live


class Page(HTMLParser):
    """What the tests need of a page: ids, links, resource references, elements with attributes."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "link" and "href" in a:
            self.links.append(a["href"])
            self.resources.append(a["href"])
        if "src" in a:
            self.links.append(a["src"])
            self.resources.append(a["src"])

    def having(self, name: str) -> list[tuple[str, dict[str, str]]]:
        return [(t, a) for t, a in self.elements if name in a]


def pages(root: Path) -> dict[str, Page]:
    return {p.relative_to(root).as_posix(): Page(p.read_text(encoding="utf-8")) for p in root.rglob("*.html")}


@pytest.fixture(scope="module")
def parsed(site_dir: Path) -> dict[str, Page]:
    return pages(site_dir)


def test_every_record_has_its_page_in_both_languages(
    site_dir: Path, parsed: dict[str, Page], ds: Dataset, m7: Meeting
) -> None:
    for lang in ("ru", "en"):
        for rel in ("index.html", "recommendations.html", "report.html", "speakers.html", "actors.html"):
            assert f"{lang}/{rel}" in parsed
        for rel in ("topics.html", "counts.html", "cite.html"):
            assert f"{lang}/{rel}" in parsed
        assert {f"{lang}/recommendations/{r.number}.html" for r in m7.recommendations} <= set(parsed)
        assert {f"{lang}/actors/{a.id}.html" for a in ds.actors} <= set(parsed)
        assert {f"{lang}/topics/{t.id}.html" for t in ds.topics} <= set(parsed)
        assert {f"{lang}/agenda/{item.number}.html" for item in m7.agenda} <= set(parsed)
    ru = {p[3:] for p in parsed if p.startswith("ru/")}
    en = {p[3:] for p in parsed if p.startswith("en/")}
    assert ru == en
    assert (
        len(ru) == 9 + 22 + len(ds.actors) + len(ds.topics) + len(m7.agenda) == 9 + 22 + 104 + 17 + 5
    )  # search.html too
    assert len(parsed) == 2 * 157 + 1  # and the choice of language


def test_every_internal_link_resolves_and_every_anchor_exists(site_dir: Path, parsed: dict[str, Page]) -> None:
    checked = 0
    for rel, page in parsed.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                assert rel.endswith("index.html") and "undocs.org" in link, (rel, link)  # the documents' own links
                continue
            assert not parts.scheme and not parts.netloc, (rel, link)
            target = (site_dir / rel).parent / unquote(parts.path) if parts.path else site_dir / rel
            target = target.resolve()
            assert target.is_file(), (rel, link)
            assert site_dir.resolve() in target.parents
            if parts.fragment:
                other = parsed[target.relative_to(site_dir.resolve()).as_posix()]
                assert parts.fragment in other.ids, (rel, link)
            checked += 1
    assert checked > 4000


def test_the_report_has_an_anchor_per_paragraph(parsed: dict[str, Page], m7: Meeting) -> None:
    for lang in ("ru", "en"):
        page = parsed[f"{lang}/report.html"]
        assert {f"para-{n}" for n in range(1, 35)} <= page.ids
        paragraphs = [a["id"] for _, a in page.having("data-paragraph")]
        assert paragraphs == [f"para-{n}" for n in range(1, 35)]
        printed = [a["data-recommendation"] for _, a in page.having("data-recommendation")]
        assert printed == [str(n) for n in range(1, 23)]  # under the paragraph that introduces them
        assert len(m7.paragraphs) == 34


def test_nothing_is_loaded_from_the_network_and_the_site_is_small(site_dir: Path, parsed: dict[str, Page]) -> None:
    for rel, page in parsed.items():
        assert all(not re.match(r"(https?:)?//", r) for r in page.resources), rel
    for path in site_dir.rglob("*"):
        if path.suffix in (".css", ".js"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"https?://|@import|url\(", text), path
        if path.suffix == ".svg":
            assert "href" not in path.read_text(encoding="utf-8")
    total = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())
    assert total < 3 * 1024 * 1024


def test_element_contracts_on_the_recommendations_page(site_dir: Path, parsed: dict[str, Page]) -> None:
    for lang in ("ru", "en"):
        page = parsed[f"{lang}/recommendations.html"]
        recs = [a["data-recommendation"] for _, a in page.having("data-recommendation")]
        assert recs == [str(n) for n in range(1, 23)]
        assert [t for t, a in page.elements if a.get("type") == "search"] == ["input"]
        text = (site_dir / lang / "recommendations.html").read_text(encoding="utf-8")
        theme = re.search(r'<select id="f-theme" name="theme">(.*?)</select>', text, re.S)
        assert theme is not None
        assert re.findall(r'<option value="([^"]*)"', theme.group(1)) == ["", "crises", "technology"]
        for name in ("topic", "modality", "specificity", "sdg_target", "addressee_kind"):
            assert f'name="{name}"' in text
        technology = [a for _, a in page.having("data-recommendation") if a["data-theme"] == "technology"]
        assert len(technology) == 15


def test_languages_are_marked_and_the_switch_keeps_the_record(parsed: dict[str, Page]) -> None:
    for rel, page in parsed.items():
        if rel == "index.html":
            continue
        lang, rest = rel.split("/", 1)
        other = "en" if lang == "ru" else "ru"
        html = next(a for t, a in page.elements if t == "html")
        assert html["lang"] == lang
        switch = next(a for _, a in page.having("id") if a["id"] == "lang-switch")
        assert switch["href"] == "../" * (rest.count("/") + 1) + f"{other}/{rest}"
        assert switch["lang"] == other
    en = parsed["en/recommendations/8.html"]
    assert [a for t, a in en.elements if t == "blockquote" and a.get("lang") == "ru"]
    assert [a for t, a in en.elements if t == "blockquote" and a.get("lang") == "en"]


def test_a_recommendation_page_shows_its_texts_links_and_paragraph(site_dir: Path, m7: Meeting) -> None:
    r = m7.recommendations[7]
    for lang in ("ru", "en"):
        text = (site_dir / lang / "recommendations" / "8.html").read_text(encoding="utf-8")
        assert r.text.ru in text and r.text.en in text
        assert 'href="../report.html#para-3"' in text
        assert "Politics" not in text
        for ref in r.treaty_refs:
            assert f"{ref.article}" in text
        assert "16.4" in text and "16.a" in text
        assert m7.paragraphs[2].text.ru in text  # the paragraph it came from, verbatim
    assert "редакционная связь" in (site_dir / "ru" / "recommendations" / "8.html").read_text(encoding="utf-8")
    assert "editorial link" in (site_dir / "en" / "recommendations" / "8.html").read_text(encoding="utf-8")


def test_a_state_page_has_status_statements_panellists_names_and_group(site_dir: Path, ds: Dataset) -> None:
    ru = (site_dir / "ru" / "actors" / "ITA.html").read_text(encoding="utf-8")
    en = (site_dir / "en" / "actors" / "ITA.html").read_text(encoding="utf-8")
    assert "Италия" in ru and "Italy" in en
    assert "Участник Протокола" in ru and "Party to the Protocol" in en  # one actor: the singular
    assert "Francesco Testa" in en  # the chair, and a panellist of item 2
    for name in ("إيطاليا", "意大利", "Italie", "Italia"):
        assert name in ru and name in en
    assert "Группа западноевропейских и других государств" in ru
    assert "Western European and other States" in en
    found = re.findall(r'<li class="statement">(.*?)</li>', en, re.S)
    statements = [" ".join(re.sub(r"<[^>]+>|&nbsp;", " ", s).split()) for s in found]
    assert statements == [
        "Agenda item 2 : presentation by a panellist (paragraphs 6 , 9 and 21 ; 6 and 9: the Chair&#39;s"
        " summary, not adopted ; the report&#39;s words: г-жа Рагацци (Италия) )",
        "Agenda items 2 and 3 (said of the group): statement by a party to the Protocol (paragraph 23 ;"
        " the report&#39;s words: Италии )",
    ]
    assert re.findall(r'href="../agenda/(\d+).html"', found[1]) == ["2", "3"]  # one link per item
    assert re.findall(r'href="../report.html#para-(\d+)"', found[0]) == ["6", "9", "21"]  # one link per paragraph
    assert '<q lang="ru">Италии</q>' in found[1]  # the report's words, marked as such on the English page
    assert [s.agenda_items for s in ds.statements() if s.actor == "ITA"] == [(2,), (2, 3)]
    panellists = [s for s in ds.speakers() if s.actor == "ITA"]
    assert panellists and all(s.name.en in en for s in panellists)


def test_topics_and_citation(site_dir: Path, ds: Dataset) -> None:
    text = (site_dir / "en" / "topics.html").read_text(encoding="utf-8")
    for topic in ds.topics:
        assert f'id="{topic.id}"' in text
    n = len(ds.recommendations(topic="digital_evidence"))
    assert re.search(rf'id="digital_evidence">.*?<td class="n">{n}</td>', text, re.S)
    cite = (site_dir / "ru" / "cite.html").read_text(encoding="utf-8")
    assert "report.html#para-N" in cite and "Редакционное" in cite


def test_the_charts_are_inline_svg_with_their_numbers(site_dir: Path) -> None:
    text = (site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert text.count('role="img"') == 1  # the chart (the search button's icon is hidden from reading)
    assert re.search(r"<th scope=\"row\">Western European and other States</th><td>18</td><td>0</td><td>1</td>", text)
    recs = (site_dir / "en" / "recommendations.html").read_text(encoding="utf-8")
    assert recs.count('role="img"') == 1 and ">15</text>" in recs and ">7</text>" in recs


def test_the_search_index_stems_as_the_library_does(ds: Dataset) -> None:
    stemming = json.loads(_index.payload(ds, 7))
    endings = stemming["endings"]
    pairs = [(stem, e) for stem, pattern in stemming["stem_endings"].items() for e in endings[pattern]]
    assert len(pairs) > 20000
    for stem, ending in pairs[::7]:  # a sample: the browser test checks the page's stems on others
        assert stem_live(stem + ending) == stem, (stem, ending)
    for word, stem in stemming["words"].items():
        assert stem_live(word) == stem
    assert stemming["stem_endings"]["доказательств"] is not None


def test_the_search_index_ships_what_the_library_scores_with(ds: Dataset, m7: Meeting) -> None:
    shipped = json.loads(_index.payload(ds, 7))
    from smuggling_wg import _lookup
    from smuggling_wg.search import organization_names

    index = ds._index()  # the index ds.search reads, and the site ships
    raw = (resources.files("smuggling_wg") / "data" / SEARCH_INDEX).read_bytes()
    equivalents = equivalents_of(json.loads(raw))
    fresh = SearchIndex(ds.meetings, organization_names(ds.actors, _lookup.compiled()["common"]), equivalents)
    assert fresh.dumps() == raw  # the compiled index is what indexing the data gives
    indexed = index.meeting_texts(7)
    assert fresh.meeting_texts(7) == indexed
    assert SearchIndex.compiled(raw, ds.meetings, ds.meetings, dict).meeting_texts(7) == indexed
    assert index.meeting_texts(8) == ((), 136, indexed.mean_head, indexed.mean_body, {})
    assert shipped["total"] == len(shipped["docs"]) == len(indexed.texts) == 136  # one meeting: all texts
    assert shipped["stop_words"] == sorted(STOP_WORDS) and "во время" in shipped["stop_phrases"]
    assert (shipped["head"], shipped["remarks"]) == (1.5, 0.5)
    assert shipped["avg_head"] > 0 and shipped["avg_body"] > shipped["avg_head"]
    stems = shipped["stems"]
    docs = {(d["kind"], d["key"], d["lang"]): d for d in shipped["docs"]}
    where = {key: {stems[p[0]]: p[1:] for p in d["p"]} for key, d in docs.items()}
    for n, stem in enumerate(stems):  # document frequencies: the texts that have the stem
        assert shipped["df"][n] == sum(stem in w for w in where.values())
    # the texts' words in order, and the other names of the organizations they name where they spell them
    para30 = re.findall(r"\w+", m7.paragraphs[29].text.en)
    assert para30[45:49] == ["International", "Organization", "for", "Migration"]
    assert where[("paragraph", 30, "en")]["iom"] == where[("paragraph", 30, "en")]["мом"] == [45]
    assert where[("paragraph", 30, "ru")]["евроюст"] == where[("paragraph", 30, "ru")]["eurojust"] == [11]
    assert docs[("paragraph", 30, "en")]["n"] == len(para30)
    # a speaker's heading is the name and position; a recommendation has none
    speaker = docs[("speaker", 1, "en")]
    assert speaker["h"] == len(re.findall(r"\w+", f"{m7.speakers[0].name.en} {m7.speakers[0].position.en}")) == 12
    assert where[("speaker", 1, "en")]["ledwaba"] == [1, 13]
    assert {d["h"] for d in shipped["docs"] if d["kind"] in ("recommendation", "paragraph")} == {0}
    assert "iom" in shipped["stem_endings"] and "евроюст" in shipped["stem_endings"]  # the page stems "IOM"


def test_manifest_and_replacing_an_earlier_site(tmp_path: Path, ds: Dataset) -> None:
    out = tmp_path / "out"
    first = site(ds, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["generator"] == "smuggling_wg site"
    assert sorted(p.relative_to(out).as_posix() for p in first) == sorted([*manifest["files"], MANIFEST])
    (out / "ru" / "stale.html").write_text("old", encoding="utf-8")  # a page an earlier site wrote, gone now
    manifest["files"].append("ru/stale.html")
    manifest["sha256"]["ru/stale.html"] = hashlib.sha256(b"old").hexdigest()
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    site(ds, out)  # an earlier site is replaced whole
    assert not (out / "ru" / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left behind
    umask = os.umask(0)
    os.umask(umask)
    assert (out.stat().st_mode & 0o777) == 0o777 & ~umask  # readable by a web server, like any new folder


def test_never_replaces_a_folder_that_is_not_a_site(
    tmp_path: Path, ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "mine"
    (out / "sub").mkdir(parents=True)
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(swg.ExportError, match="not empty and holds no earlier site"):
        site(ds, out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me" and (out / "sub").is_dir()
    monkeypatch.chdir(out / "sub")
    for here in (".", ".."):
        with pytest.raises(swg.ExportError, match="the current folder or holds it"):
            site(ds, here)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "sub"], "nothing left behind"
    monkeypatch.chdir(tmp_path)
    earlier = tmp_path / "earlier"
    site(ds, earlier)
    (earlier / "ru" / "mine.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(swg.ExportError, match=r"holds files an earlier site did not write \(ru/mine.txt\)"):
        site(ds, earlier)
    (earlier / "ru" / "mine.txt").unlink()
    site(ds, earlier)  # an earlier site of ours alone is replaced
    (out / MANIFEST).write_bytes((earlier / MANIFEST).read_bytes())  # a manifest copied into a folder of other files
    with pytest.raises(swg.ExportError, match="holds files an earlier site did not write"):
        site(ds, out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(swg.ExportError, match="not a folder"):
        site(ds, afile)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["earlier", "file", "mine"]


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "web"
    assert cli.main(["site", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote 322 files to {out}; open {out / 'index.html'}\n"
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.txt").write_text("a", encoding="utf-8")
    assert cli.main(["site", "--out", str(tmp_path / "other")]) == 1, "an output that cannot be written: exit 1"
    assert "holds no earlier site" in capsys.readouterr().err
    assert cli.main(["site", "--out", str(out), "--meeting", "9"]) == 1
    assert "no meeting 9" in capsys.readouterr().err


def test_jinja2_is_imported_only_to_build() -> None:
    code = "import sys, smuggling_wg, smuggling_wg.export, smuggling_wg.cli; print('jinja2' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_shipped_endings_are_what_the_stemmer_makes() -> None:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "tools/site_endings.py", "--check"], cwd=root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "endings.json is up to date\n"


def test_a_site_of_another_meeting_names_that_meeting(tmp_path: Path) -> None:
    import smuggling_wg as swg

    both = swg.load(extra=[Path(__file__).resolve().parent.parent / "examples" / "example-meeting.yaml"])
    with pytest.raises(swg.NotFound, match="meeting"):
        site(both, tmp_path / "none", meeting=98)
    assert not (tmp_path / "none").exists()
    files = site(both, tmp_path / "s99", meeting=99)
    pages = [p.read_text(encoding="utf-8") for p in files if p.suffix == ".html"]
    assert pages and not any("seventh meeting" in page or "седьмое" in page for page in pages)
    assert any("Working Group on the Smuggling of Migrants, 99th meeting" in page for page in pages)
    assert any("Рабочая группа по незаконному ввозу мигрантов, 99-е совещание" in page for page in pages)
    cite = (tmp_path / "s99" / "en" / "cite.html").read_text(encoding="utf-8")
    para = re.search(r'href="report.html#para-(\d+)"', cite)
    assert para and int(para.group(1)) <= len(both.meeting(99).paragraphs)
