"""Before and after: the first answers and the cold starts of two source trees, in one run.

    git archive <commit> | tar -x -C /tmp/before
    python benchmarks/compare.py /tmp/before/src --rounds 21

Each round runs every case in a fresh process, for the baselines, the tree given (before) and
this checkout (after), back to back, so drift on the machine affects them alike. Prints the
medians and every ratio to its baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import BASELINE_MODEL, ENV, FIRST, LOOKUP

AFTER = str(Path(__file__).resolve().parent.parent / "src")
BASELINES = {
    "python -c pass": "pass",
    "import pydantic": "import pydantic",
    "pydantic + one model": BASELINE_MODEL,
    "pycountry.countries.lookup('Italy')": "import pycountry\npycountry.countries.lookup('Italy')",
}
CASES = {
    "import smuggling_wg": ("import smuggling_wg", "python -c pass"),
    "import + load() + one query": (
        "import smuggling_wg as s\ns.load().recommendations(theme='technology')",
        "pydantic + one model",
    ),
    "load().actor('Italy')": (LOOKUP, "pydantic + one model"),
    "load().actor('Italy') (vs pycountry)": (LOOKUP, "pycountry.countries.lookup('Italy')"),
}
FIRSTS = {
    "first ds.actor('Italy')": "ds.actor('Italy')",
    "first ds.search(...)": "ds.search('цифровые доказательства')",
}


def _run(code: str, tree: str | None = None) -> tuple[float, str]:
    env = dict(ENV, PYTHONPATH=tree) if tree else ENV
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="First answers and cold starts of two source trees, in one run.")
    parser.add_argument("before", help="the src folder of the tree to compare with (e.g. /tmp/before/src)")
    parser.add_argument("--rounds", type=int, default=21, help="rounds of fresh processes (default 21)")
    args = parser.parse_args(argv)
    trees = {"before": args.before, "after": AFTER}
    times: dict[str, list[float]] = {}
    shares: dict[str, list[tuple[float, float]]] = {}
    for _ in range(args.rounds + 1):  # round 0 warms the file cache and writes bytecode
        for name, code in BASELINES.items():
            times.setdefault(name, []).append(_run(code)[0])
        for tree, path in trees.items():
            for name, (code, _) in CASES.items():
                times.setdefault(f"{name} [{tree}]", []).append(_run(code, path)[0])
            for name, query in FIRSTS.items():
                loaded, first = map(float, _run(FIRST.format(query=query), path)[1].split())
                shares.setdefault(f"{name} [{tree}]", []).append((loaded, first))
    median = {name: statistics.median(values[1:]) for name, values in times.items()}
    print("| case | before ms | after ms | vs | before | after |")
    print("|---|---:|---:|---|---:|---:|")
    for name, (_, baseline) in CASES.items():
        before, after = median[f"{name} [before]"], median[f"{name} [after]"]
        base = median[baseline]
        cells = [
            name,
            f"{1e3 * before:.1f}",
            f"{1e3 * after:.1f}",
            baseline,
            f"{before / base:.2f}x",
            f"{after / base:.2f}x",
        ]
        print(f"| {' | '.join(cells)} |")
    print()
    print("| first answer, after import + load() | before ms | after ms | before share | after share |")
    print("|---|---:|---:|---:|---:|")
    for name in FIRSTS:
        row = [f"| {name} "]
        samples = {tree: shares[f"{name} [{tree}]"][1:] for tree in trees}
        row += [f"| {1e3 * statistics.median(f for _, f in samples[t]):.2f} " for t in trees]
        row += [f"| {statistics.median(f / x for x, f in samples[t]):.1%} " for t in trees]
        print("".join(row) + "|")
    print()
    print("| baseline | ms |")
    print("|---|---:|")
    for name in BASELINES:
        print(f"| {name} | {1e3 * median[name]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
