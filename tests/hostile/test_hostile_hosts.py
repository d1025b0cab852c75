"""URLs whose host or port no browser takes (issue 24, item 1, second attack).

``https://evil.com%40good.org``, ``https://ex.com:99999`` or ``https://<x>/`` passed the check
and became links that Chromium cannot open: a URL the model accepts is one a browser reads
as http(s) with that host. Chromium is the judge here: every URL of the list is linked by
:func:`is_link` exactly when ``new URL()`` reads it.
"""

from __future__ import annotations

import pytest

from smuggling_wg._url import is_link
from smuggling_wg.models import Document
from test_site_browser import ARGS, CHROMIUM

#: A URL, and whether a browser reads it as http(s) with a host (Chromium's ``new URL()``).
HOSTS = {
    "https://ex.com:99999": False,
    "https://ex.com:65536": False,
    "https://evil.com%40good.org": False,
    "https://ex.com%2F": False,
    "https://ex.com:x": False,
    "http://[::1": False,
    "https://<x>/": False,
    "https://ex.com^": False,
    "https://ex|com": False,
    "https://ex.com:65535/": True,
    "https://ex.com:080": True,
    "https://ex.com:": True,
    "http://[::1]/": True,
    "https://пример.рф/x": True,
    "https://www.unodc.org/documents/x.pdf?a=1#p": True,
}


@pytest.mark.parametrize(("url", "opens"), HOSTS.items())
def test_a_url_is_a_link_only_with_a_host_and_port_a_browser_reads(url: str, opens: bool) -> None:
    assert is_link(url) is opens
    if opens:
        assert Document(symbol="X/1", title={"ru": "Док"}, url=url, source=(1,)).url == url
    else:
        with pytest.raises(ValueError, match="a URL must be http"):
            Document(symbol="X/1", title={"ru": "Док"}, url=url, source=(1,))


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (/usr/bin/chromium)")
def test_chromium_reads_the_list_so() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            read = page.evaluate(
                """urls => urls.map(u => {
                    try { var x = new URL(u); return /^https?:$/.test(x.protocol) && x.host !== ""; }
                    catch (e) { return false; }
                })""",
                list(HOSTS),
            )
        finally:
            browser.close()
    assert dict(zip(HOSTS, read, strict=True)) == HOSTS
