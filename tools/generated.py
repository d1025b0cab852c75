"""The one way the maintainer scripts write their generated files, or check them with --check.

Every generated file in the repository (compiled data, stems, six-language names, the
agreement report, the codebook) is made by a script from sources in the repository; the
tests run each script with ``--check`` so a stale file fails CI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from smuggling_wg.errors import DataError


def run(doc: str, script: str, make: Callable[[], dict[Path, str | bytes]], argv: list[str] | None = None) -> int:
    """Parse ``--check``; write the files ``make`` returns, or report the stale ones; return the exit code."""
    parser = argparse.ArgumentParser(description=doc.strip().splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the generated files are up to date")
    args = parser.parse_args(argv)
    try:
        files = {
            path: content.encode("utf-8") if isinstance(content, str) else content for path, content in make().items()
        }
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.check:
        stale = [path for path, content in files.items() if not path.exists() or path.read_bytes() != content]
        for path in stale:
            print(f"{path.name} is out of date: run python tools/{script}", file=sys.stderr)
        if not stale:
            names = [path.name for path in files]
            print(f"{', '.join(names)} {'are' if len(names) > 1 else 'is'} up to date")
        return 1 if stale else 0
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote {path.name} ({len(content):,} bytes)")
    return 0
