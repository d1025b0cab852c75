"""Scaling: synthetic corpora of many meetings the size of the real one, and how load and queries grow.

    python benchmarks/scaling.py 10 100 1000           # prints a Markdown table
    python benchmarks/scaling.py 10 100 1000 --plot docs/assets/scaling.png

Each corpus is the bundled data with its meeting copied N times under new numbers (valid
under the real schema: the generator builds it with the library's own models and the
compiled JSON is validated exactly as the bundled file is). Each size is measured in a
fresh process: the time to validate its JSON into a dataset, and warm queries that touch
one meeting (they should not grow with the meetings they do not touch).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import timeit
from typing import Any

import smuggling_wg as swg
from smuggling_wg import loader


def corpus(meetings: int) -> bytes:
    """The compiled JSON of a dataset with ``meetings`` copies of the real meeting (numbers 1001, 1002, ...)."""
    bundle = swg.load().bundle
    (original,) = bundle.meetings
    copies = tuple(original.model_copy(update={"number": 1000 + i}) for i in range(1, meetings + 1))
    return loader.compile_json(bundle.model_copy(update={"meetings": copies}))


def measure(meetings: int, repeat: int = 3) -> dict[str, Any]:
    """Load time (median of ``repeat``) and warm query times for one corpus size, in this process."""
    raw = corpus(meetings)
    loads = []
    for _ in range(repeat):
        start = time.perf_counter()
        bundle = loader.read_json(raw)
        loads.append(time.perf_counter() - start)
        del bundle  # freed outside the timed region
    ds = swg.Dataset(loader.read_json(raw))
    middle = 1000 + (meetings + 1) // 2
    ds.recommendations(meeting=middle, theme="technology")  # builds the label index once
    queries = {
        "meeting(n)": lambda: ds.meeting(middle),
        "recommendations(meeting=n, theme=...)": lambda: ds.recommendations(meeting=middle, theme="technology"),
        "participants(meeting=n, status=...)": lambda: ds.participants(meeting=middle, status="signatory"),
        "actor('Italy')": lambda: ds.actor("Italy"),
    }
    timings = {name: min(timeit.repeat(q, number=200, repeat=5)) / 200 for name, q in queries.items()}
    return {"meetings": meetings, "json_bytes": len(raw), "load_s": statistics.median(loads), "queries_s": timings}


def run(sizes: list[int]) -> list[dict[str, Any]]:
    """Measure each size in a fresh process (so one corpus's memory does not slow the next)."""
    results = []
    for size in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True
        )
        results.append(json.loads(done.stdout))
    return results


def table(results: list[dict[str, Any]]) -> str:
    """A Markdown table: load time and its growth, and the warm query times by corpus size."""
    names = list(results[0]["queries_s"])
    rows = [
        "| meetings | JSON MB | load s | load growth | " + " | ".join(f"{n} µs" for n in names) + " |",
        "|---:|---:|---:|---:|" + "---:|" * len(names),
    ]
    previous = None
    for r in results:
        growth = ""
        if previous:
            size_ratio = r["meetings"] / previous["meetings"]
            growth = f"{r['load_s'] / previous['load_s']:.1f}x for {size_ratio:.0f}x"
        cells = " | ".join(f"{1e6 * r['queries_s'][n]:.1f}" for n in names)
        rows.append(f"| {r['meetings']} | {r['json_bytes'] / 1e6:.1f} | {r['load_s']:.3f} | {growth} | {cells} |")
        previous = r
    return "\n".join(rows)


def plot(results: list[dict[str, Any]], path: str) -> None:
    """Load time and query times against corpus size, log-log, saved as PNG."""
    from matplotlib import pyplot

    figure, (left, right) = pyplot.subplots(1, 2, figsize=(10, 4), layout="constrained")
    sizes = [r["meetings"] for r in results]
    left.loglog(sizes, [r["load_s"] for r in results], "o-", label="load (validate JSON)")
    left.loglog(sizes, [results[0]["load_s"] * s / sizes[0] for s in sizes], ":", label="linear")
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
    parser.add_argument("--plot", help="save a PNG plot here")
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    results = run(args.sizes)
    print(table(results))
    if args.plot:
        plot(results, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
