"""``python -m smuggling_wg``: print the summary of a meeting."""

from __future__ import annotations

import argparse
import sys

from .dataset import load
from .display import LANGS
from .errors import NotFound
from .summary import render


def main(argv: list[str] | None = None) -> int:
    """Print the meeting summary; exit 1 for an unknown meeting, 2 for bad usage."""
    parser = argparse.ArgumentParser(
        prog="python -m smuggling_wg",
        description="Summary of a meeting of the UN Working Group on the Smuggling of Migrants: "
        "dates, themes with their recommendation counts, who made statements, participation by status.",
    )
    parser.add_argument("--meeting", type=int, default=7, help="meeting number (default: 7)")
    parser.add_argument(
        "--lang", choices=LANGS, default="ru", help="language of names and titles (default: ru, the report's own)"
    )
    args = parser.parse_args(argv)
    try:
        print(render(load(), args.meeting, args.lang))
    except NotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
