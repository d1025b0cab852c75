"""Compile the human-edited YAML in src/smuggling_wg/data/ into the bundled JSON files.

    python tools/compile_data.py          # write dataset.json, dataset.sha256 and stems.json
    python tools/compile_data.py --check  # exit 1 if any is not up to date

dataset.json: the YAML, validated through the package's own models (a file that
compiles is a file the library accepts). dataset.sha256: its seal (the SHA-256 of
dataset.json and of the models' source), which lets the library build it at run time
without validating it again as long as neither has changed. stems.json: the Snowball stem of every word of
the searchable texts, so the first search need not stem the whole corpus. actor-keys.json and
search-index.json: the compiled lookup keys and search index (tools/indexes.py). Deterministic.
"""

from __future__ import annotations

import sys
from importlib.metadata import version

from build import compile_json, compile_stems, seal
from generated import run
from indexes import compiled_indexes
from smuggling_wg._loader import BUNDLED_JSON, SEAL, SOURCE_FILES, STEMS_JSON, data_dir, read_yaml
from smuggling_wg.search import stem_live, vocabulary


def compiled() -> dict[str, bytes]:
    """What each compiled file must hold, made from the YAML sources."""
    bundle = read_yaml(data_dir() / name for name in SOURCE_FILES)
    stems = {word: stem_live(word) for word in vocabulary(bundle.meetings)}
    dataset = compile_json(bundle)
    return {
        BUNDLED_JSON: dataset,
        SEAL: seal(dataset).encode("ascii"),
        STEMS_JSON: compile_stems(version("snowballstemmer"), stems),
        **compiled_indexes(bundle, data_dir()),  # actor-keys.json, search-index.json
    }


def main(argv: list[str] | None = None) -> int:
    """Write the compiled files, or with --check only compare them; return the exit code."""
    return run(__doc__ or "", "compile_data.py", lambda: {data_dir() / n: c for n, c in compiled().items()}, argv)


if __name__ == "__main__":
    sys.exit(main())
