"""Scaling: synthetic corpora of many meetings the size of the real one, and how load and queries grow.

    python benchmarks/scaling.py 10 100 1000           # prints a Markdown table (3 rounds)
    python benchmarks/scaling.py 10 100 1000 --plot docs/assets/scaling.png

Each corpus is the bundled data with its meeting copied N times under new numbers (valid
under the real schema: the generator builds it with the library's own models). Each size
is measured in a fresh process: the time to load its compiled JSON as the bundled file is
loaded (sealed, built without validation) and to validate it in full (as unsealed JSON
is), and warm queries that touch one meeting (they should not grow with the meetings they
do not touch).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import smuggling_wg as swg
from smuggling_wg import _loader
from smuggling_wg.models import Bundle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from build import compile_json  # the build-time code lives in tools/


def corpus(meetings: int) -> bytes:
    """The compiled JSON of a dataset with ``meetings`` copies of the real meeting (numbers 1001, 1002, ...)."""
    bundle = swg.load().bundle
    (original,) = bundle.meetings
    copies = tuple(original.model_copy(update={"number": 1000 + i}) for i in range(1, meetings + 1))
    return compile_json(bundle.model_copy(update={"meetings": copies}))


def measure(meetings: int, repeat: int = 3) -> dict[str, Any]:
    """Load times and warm query times for one corpus size, in this process.

    Each load time is the best of ``repeat`` runs, as for the queries: on this shared
    machine a run is only ever slowed by others, so the fastest is the least disturbed.
    """
    raw = corpus(meetings)
    sealed = _loader.seal(raw)
    ways: dict[str, Callable[[], Bundle]] = {
        "load_s": lambda: _loader.read_compiled(raw, sealed),
        "validate_s": lambda: _loader.read_json(raw),
    }
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(repeat):
        for name, way in ways.items():
            start = time.perf_counter()
            bundle = way()
            times[name].append(time.perf_counter() - start)
            del bundle  # freed outside the timed region
    ds = swg.Dataset(_loader.read_compiled(raw, sealed))
    middle = 1000 + (meetings + 1) // 2
    ds.recommendations(meeting=middle, theme="technology")  # builds the label index once
    queries = {
        "meeting(n)": lambda: ds.meeting(middle),
        "recommendations(meeting=n, theme=...)": lambda: ds.recommendations(meeting=middle, theme="technology"),
        "participants(meeting=n, status=...)": lambda: ds.participants(meeting=middle, status="signatory"),
        "actor('Italy')": lambda: ds.actor("Italy"),
    }
    timings = {name: min(timeit.repeat(q, number=200, repeat=5)) / 200 for name, q in queries.items()}
    best = {name: min(t) for name, t in times.items()}
    return {"meetings": meetings, "json_bytes": len(raw), **best, "queries_s": timings}


def run(sizes: list[int], rounds: int = 3) -> list[dict[str, Any]]:
    """Measure each size in fresh processes, the sizes interleaved round by round.

    A fresh process per measurement, so one corpus's memory does not slow the next; the
    sizes alternate (10 100 1000 10 100 1000 ...) so that drift on the machine affects
    them alike, and each size keeps the median of its rounds (queries: the best).
    """
    runs: dict[int, list[dict[str, Any]]] = {size: [] for size in sizes}
    for _ in range(rounds):
        for size in sizes:
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True
            )
            runs[size].append(json.loads(done.stdout))
    return [
        {
            "meetings": size,
            "json_bytes": measured[0]["json_bytes"],
            **{key: statistics.median(m[key] for m in measured) for key in ("load_s", "validate_s")},
            "queries_s": {name: min(m["queries_s"][name] for m in measured) for name in measured[0]["queries_s"]},
        }
        for size, measured in runs.items()
    ]


def table(results: list[dict[str, Any]]) -> str:
    """A Markdown table: load and validation times and their growth, and the warm query times by corpus size."""
    names = list(results[0]["queries_s"])
    rows = [
        "| meetings | JSON MB | load s | growth | validate s | growth | " + " | ".join(f"{n} µs" for n in names) + " |",
        "|---:|---:|---:|---:|---:|---:|" + "---:|" * len(names),
    ]
    previous: dict[str, Any] | None = None
    for r in results:
        cells = [str(r["meetings"]), f"{r['json_bytes'] / 1e6:.1f}"]
        for key in ("load_s", "validate_s"):
            growth = ""
            if previous:
                growth = f"{r[key] / previous[key]:.1f}x for {r['meetings'] / previous['meetings']:.0f}x"
            cells += [f"{r[key]:.3f}", growth]
        cells += [f"{1e6 * r['queries_s'][n]:.1f}" for n in names]
        rows.append("| " + " | ".join(cells) + " |")
        previous = r
    return "\n".join(rows)


def plot(results: list[dict[str, Any]], path: str) -> None:
    """Load time and query times against corpus size, log-log, saved as PNG."""
    from matplotlib import pyplot

    figure, (left, right) = pyplot.subplots(1, 2, figsize=(10, 4), layout="constrained")
    sizes = [r["meetings"] for r in results]
    left.loglog(sizes, [r["load_s"] for r in results], "o-", label="load (sealed JSON)")
    left.loglog(sizes, [r["validate_s"] for r in results], "s-", label="validate JSON in full")
    for key in ("load_s", "validate_s"):
        left.loglog(sizes, [results[0][key] * s / sizes[0] for s in sizes], ":", color="grey")
    left.plot([], [], ":", color="grey", label="linear")
    left.set(xlabel="meetings", ylabel="seconds", title="Load time")
    left.legend(frameon=False)
    for name in results[0]["queries_s"]:
        right.semilogx(sizes, [1e6 * r["queries_s"][name] for r in results], "o-", label=name)
    right.set(xlabel="meetings", ylabel="µs per query", title="Warm queries on one meeting", ylim=(0, None))
    right.legend(frameon=False, fontsize=8)
    figure.savefig(path, dpi=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scaling benchmark of smuggling_wg.")
    parser.add_argument("sizes", nargs="*", type=int, default=[10, 100, 1000], help="corpus sizes in meetings")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per size, interleaved (default 3)")
    parser.add_argument("--plot", help="save a PNG plot here")
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    results = run(args.sizes, args.rounds)
    print(table(results))
    if args.plot:
        plot(results, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
