"""Write src/smuggling_wg/data/endings.json, what the web edition's search needs to stem a query word.

For each stem of the bundled texts: the endings after which the library's Snowball stemmer
gives that stem back.

    python tools/site_endings.py          # write it
    python tools/site_endings.py --check  # fail if it is out of date

The site builds without it (it stems the same words then, in seconds); with it, in a fraction of that.
"""

from __future__ import annotations

import sys
from pathlib import Path

import smuggling_wg as swg
from generated import run
from smuggling_wg._endings import ENDINGS_JSON
from smuggling_wg._site import _index

OUT = Path(__file__).resolve().parent.parent / "src" / "smuggling_wg" / "data" / ENDINGS_JSON


def make() -> dict[Path, str | bytes]:
    """The file, made from the bundled data."""
    return {OUT: _index.endings_file(swg.load())}


if __name__ == "__main__":
    sys.exit(run(__doc__ or "", "site_endings.py", make))
