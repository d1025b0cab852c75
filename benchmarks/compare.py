"""Before and after: the first answers and the cold starts of two source trees, in one run.

    git archive <commit> | tar -x -C /tmp/before
    python benchmarks/compare.py /tmp/before/src --rounds 21
    python benchmarks/compare.py /tmp/before/src --cpu --instructions   # CPU time; instruction counts

Each round runs every case in a fresh process, for the baselines, the tree given (before) and
this checkout (after), back to back, so drift on the machine affects them alike. Prints the
medians and every ratio to its baseline measured in the same run. Every process runs as
benchmarks/child.py sets it up (its own empty folder, a fixed environment, ``PYTHONHASHSEED=0``,
bytecode written first, no user cache), the baselines with this checkout on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from child import CLOCKS, HERE, instructions, output
from run import BASELINE_CLI, BASELINE_MODEL, CLI, FIRST, LOOKUP

AFTER = HERE
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

#: Counted with ``--instructions``: (code, baseline, budget) per case, and the baselines.
COUNTED_BASELINES = {
    "python -c pass": "pass",
    "pydantic + one model": BASELINE_MODEL,
    "argparse + rich table + one pydantic model": BASELINE_CLI,
}
COUNTED: dict[str, tuple[str, str, float | None]] = {
    "import smuggling_wg": ("import smuggling_wg", "python -c pass", None),
    "import + load() + one query": (
        "import smuggling_wg as s\ns.load().recommendations(theme='technology')",
        "pydantic + one model",
        1.15,
    ),
    "smuggling-wg recommendations --theme technology": (CLI, "argparse + rich table + one pydantic model", 1.30),
    "load().actor('Italy')": (LOOKUP, "pydantic + one model", None),
}
#: First answers by count: the count of import + load() + the query, less that of import + load().
LOADED = "import smuggling_wg as s\nds = s.load()\n"


def instruction_tables(before: str, repeat: int) -> str:
    """Markdown tables of instructions (millions) before and after, ratios to same-run baselines, first answers."""
    trees = {"before": before, "after": AFTER}
    base = {name: instructions(code, AFTER, repeat) for name, code in COUNTED_BASELINES.items()}
    rows = [
        "| case (instructions) | before M | after M | vs | before | after | budget |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    spreads = [spread for _, spread in base.values()]
    for name, (code, baseline, budget) in COUNTED.items():
        counts = {tree: instructions(code, path, repeat) for tree, path in trees.items()}
        spreads += [spread for _, spread in counts.values()]
        ratios = {tree: count / base[baseline][0] for tree, (count, _) in counts.items()}
        verdict = "" if budget is None else f"<= {budget:.2f} {'ok' if ratios['after'] <= budget else 'MISSED'}"
        cells = [name, *(f"{counts[t][0] / 1e6:.1f}" for t in trees), baseline]
        rows.append(f"| {' | '.join([*cells, *(f'{ratios[t]:.3f}x' for t in trees), verdict])} |")
    rows += ["", "| first answer (instructions) | before M | after M | before share | after share |"]
    rows.append("|---|---:|---:|---:|---:|")
    loaded = {tree: instructions(LOADED, path, repeat)[0] for tree, path in trees.items()}
    for name, query in FIRSTS.items():
        first = {tree: instructions(LOADED + query, path, repeat)[0] - loaded[tree] for tree, path in trees.items()}
        cells = [name, *(f"{first[t] / 1e6:.1f}" for t in trees), *(f"{first[t] / loaded[t]:.1%}" for t in trees)]
        rows.append(f"| {' | '.join(cells)} |")
    rows += ["", "| baseline (instructions) | millions |", "|---|---:|"]
    rows += [f"| {name} | {count / 1e6:.1f} |" for name, (count, _) in base.items()]
    rows += ["", f"Largest spread between the runs of one count: {max(spreads):.3%}."]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="First answers and cold starts of two source trees, in one run.")
    parser.add_argument("before", help="the src folder of the tree to compare with (e.g. /tmp/before/src)")
    parser.add_argument("--rounds", type=int, default=21, help="rounds of fresh processes (default 21)")
    parser.add_argument("--cpu", action="store_true", help="time by CPU time (user + system), not the wall clock")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions, before and after (needs valgrind)"
    )
    args = parser.parse_args(argv)
    timed = CLOCKS["cpu" if args.cpu else "wall"]
    trees = {"before": args.before, "after": AFTER}
    times: dict[str, list[float]] = {}
    shares: dict[str, list[tuple[float, float]]] = {}
    for _ in range(args.rounds + 1):  # round 0 warms the file cache and writes bytecode
        for name, code in BASELINES.items():
            times.setdefault(name, []).append(timed(code, AFTER))
        for tree, path in trees.items():
            for name, (code, _) in CASES.items():
                times.setdefault(f"{name} [{tree}]", []).append(timed(code, path))
            for name, query in FIRSTS.items():
                loaded, first = map(float, output(FIRST.format(query=query), path).split())
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
    if args.instructions:
        print()
        print(instruction_tables(args.before, repeat=min(3, args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
