"""A series of users' meetings: loading N data files and the first search, against a bare libyaml parse.

    python benchmarks/series.py --meetings 10 --rounds 11
    python benchmarks/series.py --meetings 10 --rounds 11 --before /tmp/before/src   # another tree, same run
    python benchmarks/series.py --meetings 10 --rounds 11 --cpu                      # CPU time, not wall clock

The files are N copies of the bundled meeting under new numbers (101, 102, ...), one data file
each, written as the library writes YAML (``export --format yaml``): what a researcher who
drafted N reports has. Every case runs in a fresh process and times, inside it, the files' work: from the library loaded
(``import smuggling_wg; load()``) to ``load(files)`` and then to the first search; and the
whole process's work from before its first import (its interpreter's start, the same for all,
left out). The cases:

* the baseline: importing ``yaml`` and parsing the same files with libyaml's ``CSafeLoader``
  (``load(files)`` imports ``yaml`` too: the library does not import it before it reads YAML);
* ``load(files)`` with the cache off (``SMUGGLING_WG_CACHE=0``), and then the first search;
* the first process (an empty cache: it parses, validates and writes the cache), and then the
  first search (which writes the search index);
* a second process (the cache the first one wrote), and then the first search;
* with ``--before``, the other tree's ``load(files)`` and first search (it has no cache).

The cases run interleaved round by round (a warm-up round first writes bytecode); the table
gives medians and each ratio to the baseline's median in the same run. The targets (issue 28):
the first process's ``load(files)`` at most 2.5x the bare parse, and the second process's whole
work (import, load, first search) at most 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

AFTER = str(Path(__file__).resolve().parent.parent / "src")
QUERY = "цифровые доказательства"
#: Targets of issue 28: the first load as a multiple of the bare parse, and the second process in seconds.
FIRST_LOAD_RATIO = 2.5
SECOND_PROCESS_S = 0.3

BARE = """
import time
start = time.{clock}()
import yaml
for path in {files!r}:
    with open(path, "rb") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
done = time.{clock}()
print(done - start, done - start, done - start)
"""
LOAD = """
import time
start = time.{clock}()
import smuggling_wg
smuggling_wg.load()
ready = time.{clock}()
ds = smuggling_wg.load({folder!r})
loaded = time.{clock}()
ds.search({query!r})
done = time.{clock}()
print(loaded - ready, done - ready, done - start)
"""
#: What each case prints: the files' load, with the first search, and the whole process's work with both.
Times = tuple[float, float, float]


def write_series(folder: Path, meetings: int) -> list[Path]:
    """``meetings`` data files, each the bundled meeting under a new number (101, 102, ...)."""
    import smuggling_wg as swg
    from smuggling_wg.export import _yaml_text

    bundle = swg.load().bundle
    (original,) = bundle.meetings
    empty = bundle.model_copy(update={"actors": (), "topics": (), "instruments": (), "sdg_targets": {}})
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(101, 101 + meetings):
        one = empty.model_copy(update={"meetings": (original.model_copy(update={"number": number}),)})
        text = "".join(line for line in _yaml_text(one).splitlines(True) if not line.startswith("data_version"))
        path = folder / f"meeting-{number}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _run(code: str, tree: str, cache: str) -> Times:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"PYTHONPATH": tree, "SMUGGLING_WG_CACHE": cache}
    env.pop("SMUGGLING_WG_PATH", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    loaded, searched, process = map(float, done.stdout.split())
    return loaded, searched, process


def measure(meetings: int, rounds: int, before: str | None, clock: str = "perf_counter") -> dict[str, list[Times]]:
    """Each case's seconds (:data:`Times`), round by round (the warm-up round left out)."""
    work = Path(tempfile.mkdtemp(prefix="swg-series-"))
    try:
        files = write_series(work / "meetings", meetings)
        folder = str(work / "meetings")
        bare = BARE.format(files=[str(f) for f in files], clock=clock)
        load = LOAD.format(folder=folder, query=QUERY, clock=clock)
        cache = work / "cache"
        times: dict[str, list[Times]] = {}
        for round_ in range(rounds + 1):  # round 0 warms the file cache and writes bytecode
            shutil.rmtree(cache, ignore_errors=True)
            cases: dict[str, Callable[[], Times]] = {
                "bare libyaml parse (CSafeLoader)": lambda: _run(bare, AFTER, "0"),
                "load, cache off": lambda: _run(load, AFTER, "0"),
                "load, first process (writes the cache)": lambda: _run(load, AFTER, str(cache)),
                "load, second process (cache kept)": lambda: _run(load, AFTER, str(cache)),
            }
            if before:
                cases["load, before"] = lambda: _run(load, before, "0")
            for name, case in cases.items():
                result = case()
                if round_:
                    times.setdefault(name, []).append(result)
        return times
    finally:
        shutil.rmtree(work, ignore_errors=True)


def table(times: dict[str, list[Times]]) -> str:
    """Medians: the files' load and with the first search (each as a ratio to the bare parse), the whole process."""
    median = {name: tuple(statistics.median(t[i] for t in runs) for i in range(3)) for name, runs in times.items()}
    (base, _, _), *_ = median.values()
    rows = [
        "| case | load ms | ratio | + first search ms | ratio | whole process ms | target |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, (loaded, searched, process) in median.items():
        target = ""
        if name.startswith("load, first process"):
            target = f"load <= {FIRST_LOAD_RATIO}x {'ok' if loaded / base <= FIRST_LOAD_RATIO else 'MISSED'}"
        elif name.startswith("load, second process"):
            ok = process <= SECOND_PROCESS_S
            target = f"process <= {1e3 * SECOND_PROCESS_S:.0f} ms {'ok' if ok else 'MISSED'}"
        search_cells = ["", ""] if name.startswith("bare") else [f"{1e3 * searched:.1f}", f"{searched / base:.2f}x"]
        cells = [name, f"{1e3 * loaded:.1f}", f"{loaded / base:.2f}x", *search_cells, f"{1e3 * process:.1f}", target]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Loading a series of users' meetings, against a bare libyaml parse.")
    parser.add_argument("--meetings", type=int, default=10, help="data files, one meeting each (default 10)")
    parser.add_argument("--rounds", type=int, default=11, help="rounds of fresh processes (default 11)")
    parser.add_argument("--before", help="the src folder of another tree to time in the same run")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time each process's CPU time (time.process_time), not the wall clock: what the code costs "
        "on a machine others load",
    )
    parser.add_argument("--json", action="store_true", help="print every measurement as JSON instead")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.meetings < 1:
        parser.error("--meetings must be at least 1")
    times = measure(args.meetings, args.rounds, args.before, "process_time" if args.cpu else "perf_counter")
    print(json.dumps(times) if args.json else table(times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
