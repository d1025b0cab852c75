"""Screenshots of the web edition in Chromium: the ones docs/site.md shows, or every page type for review.

    python tools/screenshots.py              # build the site, write docs/assets/site-*.png
    python tools/screenshots.py --all DIR    # every page type, both languages, desktop and phone, into DIR
    python tools/screenshots.py --all DIR --only en/actors   # only the pages whose path holds the text

``--all`` also takes the series pages (the bundled meeting and examples/example-meeting.yaml):
``series-LANG-…`` and ``series-meeting-LANG-…``.

It needs Debian's Chromium (/usr/bin/chromium) and Playwright (the test extras); it never
downloads a browser. Pages are opened from ``file://``, as a reader who saved the site would.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import smuggling_wg as swg
from smuggling_wg.export import site

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}

#: One page of every type (the same relative path in ru/ and en/).
PAGE_TYPES = (
    "index.html",
    "recommendations.html",
    "recommendations/8.html",
    "report.html",
    "actors.html",
    "actors/ITA.html",
    "actors/TUR.html",
    "actors/unodc.html",
    "speakers.html",
    "topics.html",
    "topics/digital_evidence.html",
    "agenda/2.html",
    "counts.html",
    "cite.html",
    "search.html",
)

#: The screenshots docs/site.md shows: file name, page, width, alt text is written in the page.
DOCS = (
    ("site.png", "en/recommendations.html", "desktop"),
    ("site-speakers.png", "en/speakers.html", "desktop"),
    ("site-meeting-ru.png", "ru/index.html", "desktop"),
    ("site-recommendation-phone.png", "en/recommendations/14.html", "phone"),
    ("site-menu-phone.png", "ru/counts.html", "phone"),
)
#: Screenshots taken with the site's Menu open (on a phone the sections are behind it).
MENU_OPEN = frozenset({"site-menu-phone.png"})


def shoot(root: Path, shots: list[tuple[str, str, str]], full_page: bool) -> None:
    """Open each page (relative to the site ``root``) at its width and save its picture."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for width in WIDTHS:
                w, h = WIDTHS[width]
                context = browser.new_context(viewport={"width": w, "height": h}, device_scale_factor=1)
                page = context.new_page()
                for out, rel, wanted in shots:
                    if wanted != width or not (root / rel).is_file():
                        continue
                    page.goto((root / rel).as_uri())
                    if Path(out).name in MENU_OPEN:
                        page.click(".banner nav summary")
                    page.screenshot(path=out, full_page=full_page)
                    print(out)
                context.close()
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    """Build the site and take the screenshots asked for."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", metavar="DIR", help="every page type, both languages, desktop and phone, into DIR")
    parser.add_argument("--only", metavar="TEXT", default="", help="with --all: only pages whose path holds TEXT")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        site(swg.load(), root)
        if args.all:
            folder = Path(args.all)
            folder.mkdir(parents=True, exist_ok=True)
            shots = [
                (
                    str(folder / f"{lang}-{rel.replace('/', '-').removesuffix('.html')}-{width}.png"),
                    f"{lang}/{rel}",
                    width,
                )
                for lang in ("ru", "en")
                for rel in PAGE_TYPES
                for width in WIDTHS
                if args.only in f"{lang}/{rel}"
            ]
            shots += [(str(folder / f"root-{width}.png"), "index.html", width) for width in WIDTHS if not args.only]
            shoot(root, shots, full_page=True)
            if not args.only or "series" in args.only:
                series = Path(tmp) / "series"
                site(swg.load(extra=[ROOT / "examples" / "example-meeting.yaml"]), series)
                pages = {"series": "{lang}/index.html", "series-meeting": "meetings/99/{lang}/index.html"}
                shoot(
                    series,
                    [
                        (str(folder / f"{name}-{lang}-{width}.png"), rel.format(lang=lang), width)
                        for name, rel in pages.items()
                        for lang in ("ru", "en")
                        for width in WIDTHS
                    ],
                    full_page=True,
                )
        else:
            shoot(root, [(str(ASSETS / name), rel, width) for name, rel, width in DOCS], full_page=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
