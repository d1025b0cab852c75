"""Every surface speaks with one voice (issue 23): the catalogue's words, in the display language, 2020 names in 2020.

Walks the surfaces a person reads: the summary (both languages, every format), the
command's tables, the notebook's HTML, the web edition's pages, and checks that no label is
missing in the display language, that the same code reads the same everywhere, and that
listings of the 2020 meeting name states as they were named then.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import smuggling_wg as swg
from smuggling_wg import _views, _words
from smuggling_wg._site import _words as site_words
from smuggling_wg._summary import render
from smuggling_wg.dataset import Dataset
from smuggling_wg.export import site

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "smuggling_wg"
#: The modules that show words to a person (the catalogue itself excepted).
SURFACES = [
    "_summary.py", "_views.py", "_notebook.py", "cli.py", "_akn.py", "_mcp.py", "analysis.py",
    "_site/__init__.py", "_site/_words.py", "_site/_charts.py", "_site/_pages.py", "_site/_series.py",
]  # fmt: skip
_CYRILLIC = re.compile(r"[а-яё]", re.I)
#: Labels that read the same in both languages (codes of standards).
_SAME = {"M49", "ISO alpha-2", "English", "№"}


def _cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("voice") / "site"
    site(swg.load(), folder)
    return folder


def _command(*args: str) -> str:
    """What ``smuggling-wg ARGS`` prints on a wide terminal without colour."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    run = subprocess.run([sys.executable, "-m", "smuggling_wg", *args], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    return run.stdout


# --- the catalogue covers every label -------------------------------------------------------


def test_every_view_label_has_russian_and_english() -> None:
    for kind, lines in _views.VIEWS.items():
        for line in lines:
            for quoted in (False, True):
                ru, en = line.label(kind, "ru", quoted), line.label(kind, "en", quoted)
                assert ru and en, (kind.__name__, line.name)
                assert _cyrillic(ru) or ru in _SAME, (kind.__name__, line.name, ru)
                assert not _cyrillic(en), (kind.__name__, line.name, en)


def test_every_word_the_site_templates_ask_for_has_both_languages() -> None:
    asked = set()
    for template in (SRC / "_site" / "templates").glob("*.html"):
        asked |= set(re.findall(r"""ui\(["']([a-z_]+)["']\)""", template.read_text(encoding="utf-8")))
    assert len(asked) > 40
    for key in asked:
        ru, en = site_words.ui(key, "ru"), site_words.ui(key, "en")
        assert _cyrillic(ru) or ru in _SAME or key == "unofficial", (key, ru)
        assert not _cyrillic(en) or key == "switch", (key, en)


def test_no_surface_carries_a_word_list_of_its_own() -> None:
    """No dict of (ru, en) pairs, no mapping keyed by language, no Russian string outside docstrings and help."""
    for name in SURFACES:
        tree = ast.parse((SRC / name).read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                literal = any(  # words, not codes such as ISO 639-2's "rus"/"eng"
                    isinstance(v, ast.Dict | ast.Tuple)
                    or (
                        isinstance(v, ast.Constant)
                        and isinstance(v.value, str)
                        and (" " in v.value or _cyrillic(v.value))
                    )
                    for v in node.values
                )
                assert not ({"ru", "en"} <= keys and literal), f"{name}:{node.lineno}: a word list keyed by language"
                for value in node.values:
                    if isinstance(value, ast.Tuple) and all(isinstance(e, ast.Constant) for e in value.elts):
                        texts = [e.value for e in value.elts if isinstance(e.value, str)]  # type: ignore[attr-defined]
                        assert not any(map(_cyrillic, texts)), f"{name}:{value.lineno}: a (ru, en) word pair"
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if name == "_mcp.py" or "smuggling-wg " in node.value:  # examples to type, of the report's words
                    continue
                words = re.findall(r"[а-яё]{2,}", node.value, re.I)  # a word, not a letter named ("ё/е")
                assert not words, f"{name}:{node.lineno}: Russian words outside the catalogue"


# --- one word for one code, everywhere ------------------------------------------------------


def test_the_same_code_reads_the_same_on_every_surface(ds: Dataset, pages: Path) -> None:
    for lang in ("ru", "en"):
        parties = _words.capital(_words.code("status", "party", lang, plural=True))
        hybrid = _words.code("format", "hybrid", lang)
        summary = " ".join(render(ds, 7, lang=lang, width=1000).split())
        assert f"{parties}: 74" in summary and hybrid in summary
        actors = (pages / lang / "actors.html").read_text(encoding="utf-8")
        assert f">{parties} (74;" in " ".join(actors.split()) or f"{parties} (74" in actors
        meeting = (pages / lang / "index.html").read_text(encoding="utf-8")
        assert hybrid in meeting
        with swg.display_language(lang):
            assert hybrid in ds.meeting(7)._repr_html_()
            assert _words.code("status", "party", lang, plural=True) in ds.participation()._repr_html_()
        profile = " ".join(_command("show", "actor", "ITA", "--lang", lang).split())
        assert _words.code("status", "party", lang) in profile
        panel = _words.code("statement_kind", "panel", lang)
        assert panel in profile and panel in (pages / lang / "actors" / "ITA.html").read_text(encoding="utf-8")
    assert "Convention" not in _words.code("status", "party", "en")


def test_a_russian_listing_has_no_english_label_and_an_english_one_no_russian_label(ds: Dataset) -> None:
    for args in (["participants"], ["recommendations"], ["search", "цифровые доказательства"], ["agenda"]):
        ru_head = _command(*args, "--lang", "ru").splitlines()[0]
        en_head = _command(*args, "--lang", "en").splitlines()[0]
        assert _cyrillic(ru_head) and not re.search(r"\b(?:name|status|para|text|kind)\b", ru_head), ru_head
        assert not _cyrillic(en_head), en_head
    with swg.display_language("ru"):
        head = re.findall(r"<th[^>]*>([^<]*)</th>", ds.participants()._repr_html_())
    assert head and all(_cyrillic(h) for h in head), head


def test_a_russian_value_on_an_english_record_is_marked_as_the_report_s_words() -> None:
    out = _command("show", "rec", "8", "--lang", "en")
    assert re.search(r"^addressee \(ru, the report\)\s+Государствам-участникам$", out, re.M)


# --- names as at the meeting ----------------------------------------------------------------


def test_listings_of_the_2020_meeting_name_states_as_they_were_named_in_2020(ds: Dataset, pages: Path) -> None:
    listing = _command("participants", "--lang", "en")
    assert re.search(r"^TUR\s+Turkey\s", listing, re.M) and re.search(r"^NLD\s+Netherlands\s", listing, re.M)
    assert "Türkiye" not in listing and "Kingdom of the" not in listing
    with swg.display_language("en"):
        html = ds.participants(actor=["TUR", "NLD"])._repr_html_()
    assert "Turkey" in html and "Netherlands<" in html and "Türkiye" not in html
    actors = (pages / "en" / "actors.html").read_text(encoding="utf-8")
    assert ">Turkey<" in actors and ">Netherlands<" in actors and "Türkiye" not in actors
    page = " ".join((pages / "en" / "actors" / "TUR.html").read_text(encoding="utf-8").split())
    assert "Türkiye" in page and "Turkey (until 1 June 2022)" in page  # today's name, with the change dated
    profile = " ".join(_command("show", "actor", "TUR", "--lang", "en").split())
    assert "former names Turkey (until 1 June 2022)" in profile
    data = json.loads(_command("participants", "--actor", "TUR", "--format", "json"))
    assert data[0]["actor"] == "TUR"  # JSON keeps the records as they are


def test_english_lists_are_in_english_alphabetical_order(ds: Dataset, pages: Path) -> None:
    summary = render(ds, 7, lang="en", width=1000)
    line = next(x for x in summary.splitlines() if x.startswith("  Australia"))
    names = line.strip().split(", ")
    assert names == sorted(names, key=lambda n: _words.collation_key(n, "en"))
    assert names.index("Iran (Islamic Republic of)") < names.index("Venezuela (Bolivarian Republic of)")
    actors = (pages / "en" / "actors.html").read_text(encoding="utf-8")
    section = actors.split('id="party"')[1].split("</ul>")[0]
    listed = re.findall(r'\.html">([^<]+)</a>', section)
    assert listed == sorted(listed, key=lambda n: _words.collation_key(n, "en")) and len(listed) == 74
    assert (
        listed.index("Burundi")
        < listed.index("Iraq")
        < listed.index("Spain")
        < listed.index("Venezuela (Bolivarian Republic of)")
    )


def test_every_site_page_labels_its_lines_in_its_own_language(pages: Path) -> None:
    """Every page type, both languages: table labels and headings are in the page's language."""
    seen = 0
    for lang in ("ru", "en"):
        for page in sorted((pages / lang).rglob("*.html")):
            html = page.read_text(encoding="utf-8")
            labels = re.findall(r"<th[^>]*>([^<]+)</th>", html) + re.findall(r"<h[12][^>]*>([^<]+)</h[12]>", html)
            for label in (" ".join(x.split()) for x in labels):
                if not re.search(r"[^\W\d_]{2,}", label) or label in _SAME:
                    continue  # numbers, codes
                if lang == "ru":
                    assert _cyrillic(label), (page.relative_to(pages), label)
                else:
                    assert not _cyrillic(label), (page.relative_to(pages), label)
                seen += 1
    assert seen > 500
