"""Compile the human-edited YAML in src/smuggling_wg/data/ into the bundled dataset.json.

    python tools/compile_data.py          # write dataset.json
    python tools/compile_data.py --check  # exit 1 if dataset.json is not up to date

The YAML is validated through the package's own models on the way, so a file that
compiles is a file the library accepts. The output is deterministic.
"""

from __future__ import annotations

import argparse
import sys

from smuggling_wg.errors import DataError
from smuggling_wg.loader import BUNDLED_JSON, SOURCE_FILES, compile_json, data_dir, read_yaml


def compiled() -> bytes:
    """What dataset.json must hold, made from the YAML sources."""
    folder = data_dir()
    return compile_json(read_yaml(folder / name for name in SOURCE_FILES))


def main(argv: list[str] | None = None) -> int:
    """Write dataset.json, or with --check only compare it; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that dataset.json is up to date")
    args = parser.parse_args(argv)
    try:
        fresh = compiled()
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    target = data_dir() / BUNDLED_JSON
    if args.check:
        if target.read_bytes() != fresh:
            print(f"{target} is out of date: run python tools/compile_data.py", file=sys.stderr)
            return 1
        print(f"{target} is up to date")
        return 0
    target.write_bytes(fresh)
    print(f"wrote {target} ({len(fresh):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
