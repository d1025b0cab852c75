"""Compile the human-edited YAML in src/smuggling_wg/data/ into the bundled JSON files.

    python tools/compile_data.py          # write dataset.json and stems.json
    python tools/compile_data.py --check  # exit 1 if either is not up to date

dataset.json: the YAML, validated through the package's own models (a file that
compiles is a file the library accepts). stems.json: the Snowball stem of every word of
the searchable texts, so the first search need not stem the whole corpus. Deterministic.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import version

from smuggling_wg.errors import DataError
from smuggling_wg.loader import BUNDLED_JSON, SOURCE_FILES, STEMS_JSON, compile_json, compile_stems, data_dir, read_yaml
from smuggling_wg.search import stem_live, vocabulary


def compiled() -> dict[str, bytes]:
    """What each compiled file must hold, made from the YAML sources."""
    bundle = read_yaml(data_dir() / name for name in SOURCE_FILES)
    stems = {word: stem_live(word) for word in vocabulary(bundle.meetings)}
    return {BUNDLED_JSON: compile_json(bundle), STEMS_JSON: compile_stems(version("snowballstemmer"), stems)}


def main(argv: list[str] | None = None) -> int:
    """Write the compiled files, or with --check only compare them; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the compiled files are up to date")
    args = parser.parse_args(argv)
    try:
        fresh = compiled()
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    stale = [name for name, content in fresh.items() if _read(name) != content]
    if args.check:
        for name in stale:
            print(f"{name} is out of date: run python tools/compile_data.py", file=sys.stderr)
        if not stale:
            print(f"{', '.join(fresh)} are up to date")
        return 1 if stale else 0
    for name, content in fresh.items():
        (data_dir() / name).write_bytes(content)
        print(f"wrote {name} ({len(content):,} bytes)")
    return 0


def _read(name: str) -> bytes | None:
    path = data_dir() / name
    return path.read_bytes() if path.exists() else None


if __name__ == "__main__":
    sys.exit(main())
