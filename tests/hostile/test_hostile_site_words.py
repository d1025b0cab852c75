"""Words that are names of JavaScript's own properties, in the site's search (issue 24, item 12).

A text holding ``__proto__`` or ``constructor`` is searched in the page as any other word:
the page finds what ``ds.search`` finds, and a word in no text finds nothing, without an error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import smuggling_wg as swg
from smuggling_wg._site import _index
from smuggling_wg.export import site
from test_site_browser import ARGS, CHROMIUM, visible

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "example-meeting.yaml"
WORDS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"]


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (/usr/bin/chromium)")
def test_words_named_like_javascript_properties(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    meeting = data["meetings"][0]
    text = "Государствам-участникам следует изучить __proto__ constructor toString (пример текста)."
    meeting["recommendations"][0]["text"] = {
        "ru": text,
        "en": "States parties should study __proto__ constructor toString.",
    }
    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump(json.loads(json.dumps(data, default=str)), allow_unicode=True), encoding="utf-8")
    ds = swg.load(extra=[path])
    out = tmp_path / "site"
    site(ds, out, meeting=99)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page: Any = browser.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto((out / "en" / "recommendations.html").as_uri())
            shipped = json.loads(page.evaluate("() => JSON.stringify(window.SWG_INDEX)"))
            assert shipped == json.loads(_index.payload(ds, 99)), "the page reads the index the library wrote"
            assert "__proto__" in shipped["stem_endings"], "a word of the text, kept as a key"
            for word in WORDS:
                page.fill('input[type="search"]', word)
                expected = [h.record.number for h in ds.search(word, kind="recommendation", meeting=99)]
                assert visible(page) == expected, word
        finally:
            browser.close()
    assert [h.record.number for h in ds.search("__proto__", kind="recommendation", meeting=99)] == [1]
    assert errors == []
