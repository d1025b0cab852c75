"""Benchmarks: cold starts in fresh processes, warm queries in-process; ratios to baselines.

    python benchmarks/run.py            # 21 rounds
    python benchmarks/run.py --rounds 7
    python benchmarks/run.py --cpu --instructions   # CPU time, not wall clock; and instruction counts

Every process runs as benchmarks/child.py sets it up: an empty current folder of its own, a
fixed small environment, ``PYTHONHASHSEED=0``, bytecode written before it is measured, no user
cache; that is what makes an instruction count the same from run to run.

Cold: each case runs in a new interpreter; the cases of one round run back to back, in
the same order each round, so drift on the machine affects them alike (A B A B ...).
Warm: each query and its baseline (the plain Python a user would write instead) are
timed with timeit, interleaved, best of several repeats. Every table gives medians or
best times and the ratio to the baseline measured in the same run. Targets are printed,
not asserted: timing never goes into the tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from dataclasses import dataclass

from child import CLOCKS, instructions, output

BASELINE_MODEL = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int\n"
LOOKUP = "import smuggling_wg as s\ns.load().actor('Italy')"
CLI = "import sys\nfrom smuggling_wg.cli import main\nsys.exit(main(['recommendations', '--theme', 'technology']))"
#: The command's baseline: a minimal program of the same kind (argparse, one pydantic model, a rich table).
BASELINE_CLI = (
    "import argparse, io, pydantic\nfrom rich.console import Console\nfrom rich.table import Table\n"
    "class M(pydantic.BaseModel):\n    x: int\n"
    "p = argparse.ArgumentParser(); p.add_argument('--theme'); a = p.parse_args(['--theme', 'technology'])\n"
    "t = Table(); t.add_column('x'); t.add_row(str(M(x=1).x)); Console(file=io.StringIO()).print(t)\n"
)


@dataclass(frozen=True)
class Case:
    """A Python snippet timed in a fresh process, and what it is compared with."""

    name: str
    code: str
    baseline: str | None = None
    target: float | None = None


CASES = (
    Case("python -c pass", "pass"),
    Case("import pydantic", "import pydantic"),
    Case("pydantic + one model", BASELINE_MODEL),
    Case("import smuggling_wg", "import smuggling_wg", baseline="python -c pass"),
    Case("import smuggling_wg (vs pydantic)", "import smuggling_wg", baseline="import pydantic"),
    Case(
        "import + load() + one query",
        "import smuggling_wg as s\ns.load().recommendations(theme='technology')",
        baseline="pydantic + one model",
        target=1.15,
    ),
    Case("argparse + rich table + one pydantic model", BASELINE_CLI),
    Case(
        "smuggling-wg recommendations --theme technology",
        CLI,
        baseline="argparse + rich table + one pydantic model",
        target=1.30,
    ),
    Case("smuggling-wg ... (vs the library)", CLI, baseline="import + load() + one query"),
    Case(
        "import + load() + first search",
        "import smuggling_wg as s\ns.load().search('организованных преступных групп')",
        baseline="import + load() + one query",
        target=1.20,
    ),
    Case(
        "load().actor('Italy')",
        "import smuggling_wg as s\ns.load().actor('Italy')",
        baseline="pydantic + one model",
        target=1.10,
    ),
    # A cold lookup beside pycountry's: most of the difference is pydantic's import (row above).
    Case("pycountry.countries.lookup('Italy')", "import pycountry\npycountry.countries.lookup('Italy')"),
    Case("load().actor('Italy') (vs pycountry)", LOOKUP, baseline="pycountry.countries.lookup('Italy')"),
)


def measure(cases: tuple[Case, ...], rounds: int, clock: str = "wall") -> dict[str, float]:
    """Median seconds per case over ``rounds`` interleaved rounds (one warm-up round first).

    Every process runs as :mod:`child` sets it up (bytecode written by the warm-up round, as an
    installed package has it); ``clock`` is ``wall`` or ``cpu`` (:data:`child.CLOCKS`).
    """
    timed = CLOCKS[clock]
    samples: dict[str, list[float]] = {c.name: [] for c in cases}
    for round_number in range(rounds + 1):
        for case in cases:
            elapsed = timed(case.code, None)
            if round_number:  # round 0 warms the file cache
                samples[case.name].append(elapsed)
    return {name: statistics.median(times) for name, times in samples.items()}


def table(cases: tuple[Case, ...], medians: dict[str, float]) -> str:
    """A Markdown table of medians, ratios to their baselines and targets."""
    rows = ["| case | median ms | vs | ratio | target |", "|---|---:|---|---:|---:|"]
    for case in cases:
        ms = f"{1e3 * medians[case.name]:.1f}"
        if case.baseline:
            ratio = medians[case.name] / medians[case.baseline]
            verdict = (
                "" if case.target is None else f"<= {case.target:.2f} {'ok' if ratio <= case.target else 'MISSED'}"
            )
            rows.append(f"| {case.name} | {ms} | {case.baseline} | {ratio:.2f}x | {verdict} |")
        else:
            rows.append(f"| {case.name} | {ms} | | | |")
    return "\n".join(rows)


@dataclass(frozen=True)
class Warm:
    """A warm query and the plain-Python baseline that answers the same question."""

    name: str
    query: Callable[[], object]
    baseline: Callable[[], object]
    target: float | None = None


def warm_cases() -> tuple[Warm, ...]:
    """The warm queries, each beside a list comprehension over the same records."""
    import smuggling_wg as swg
    from smuggling_wg.search import _units

    ds = swg.load()
    m = ds.meeting(7)
    recs, statements, actors = m.recommendations, m.statements, ds.actors
    texts = [t for *_, langs in _units(m) for t in langs.values() if t]
    ds.search("warm up")
    return (
        Warm(
            "recommendations(theme=...)",
            lambda: ds.recommendations(theme="technology"),
            lambda: [r for r in recs if r.theme == "technology"],
        ),
        Warm(
            "states_with_statements()",
            ds.states_with_statements,
            lambda: [s.actor for s in statements if s.kind in ("party", "observer_state")],
        ),
        Warm(
            "actor('Italy')",
            lambda: ds.actor("Italy"),
            lambda: next(a for a in actors if a.name.en.casefold() == "italy"),
        ),
        Warm(
            "search('цифровых доказательств')",
            lambda: ds.search("цифровых доказательств"),
            lambda: [t for t in texts if "цифровых доказательств" in t.casefold()],
            target=1.0,
        ),
    )


def measure_warm(cases: tuple[Warm, ...], number: int = 200, repeat: int = 7) -> list[tuple[Warm, float, float]]:
    """Best seconds per call of each query and its baseline, interleaved over ``repeat`` runs."""
    best: dict[str, list[float]] = {c.name: [float("inf"), float("inf")] for c in cases}
    for _ in range(repeat):
        for case in cases:
            for side, function in enumerate((case.query, case.baseline)):
                elapsed = timeit.timeit(function, number=number) / number
                best[case.name][side] = min(best[case.name][side], elapsed)
    return [(c, *best[c.name]) for c in cases]  # type: ignore[misc]


def warm_table(results: list[tuple[Warm, float, float]]) -> str:
    """A Markdown table of warm query times and their ratio to the plain-Python baseline."""
    rows = ["| warm query | µs | baseline µs | ratio | target |", "|---|---:|---:|---:|---:|"]
    for case, query, baseline in results:
        ratio = query / baseline
        verdict = "" if case.target is None else f"<= {case.target:.2f} {'ok' if ratio <= case.target else 'MISSED'}"
        rows.append(f"| {case.name} | {1e6 * query:.1f} | {1e6 * baseline:.1f} | {ratio:.2f}x | {verdict} |")
    return "\n".join(rows)


# What the first answer costs inside a process, as a share of importing and loading: printed by
# the child as the three durations (import + load, then the first query), in seconds.
FIRST = """
import time
start = time.perf_counter()
import smuggling_wg as s
ds = s.load()
loaded = time.perf_counter()
{query}
print(loaded - start, time.perf_counter() - loaded)
"""
FIRST_ANSWERS = (
    ("first ds.actor('Italy')", "ds.actor('Italy')", 0.03),
    ("first ds.search('цифровые доказательства')", "ds.search('цифровые доказательства')", 0.06),
)


def first_answers(rounds: int) -> str:
    """A Markdown table: each first answer's median ms and its share of import + load (fresh processes)."""
    rows = ["| first answer, after import + load() | median ms | import + load ms | share | target |"]
    rows.append("|---|---:|---:|---:|---:|")
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in FIRST_ANSWERS}
    for round_number in range(rounds + 1):
        for name, query, _ in FIRST_ANSWERS:
            loaded, first = map(float, output(FIRST.format(query=query)).split())
            if round_number:
                samples[name].append((loaded, first))
    for name, _, target in FIRST_ANSWERS:
        loaded = statistics.median(x for x, _ in samples[name])
        first = statistics.median(y for _, y in samples[name])
        share = statistics.median(y / x for x, y in samples[name])
        verdict = f"<= {target:.0%} {'ok' if share <= target else 'MISSED'}"
        rows.append(f"| {name} | {1e3 * first:.2f} | {1e3 * loaded:.1f} | {share:.1%} | {verdict} |")
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------------
# The outputs timed against the CSV export of the same data, each with its budget in seconds.
# ---------------------------------------------------------------------------------------------


def _outputs() -> list[tuple[str, Callable[[str], object], float]]:
    """(name, write into a new folder, budget in seconds) of each output beside CSV."""
    import smuggling_wg as swg
    from smuggling_wg.export import export, site

    ds = swg.load()
    return [
        ("SQLite", lambda folder: export(ds, "sqlite", folder), 1.0),
        ("Parquet", lambda folder: export(ds, "parquet", folder), 1.0),
        ("Akoma Ntoso", lambda folder: export(ds, "akn", folder), 1.0),
        ("site", lambda folder: site(ds, f"{folder}/site"), 2.0),
    ]


def time_against_csv(call: Callable[[str], object], repeat: int = 3) -> tuple[float, float]:
    """Best seconds of ``call(folder)`` and of the CSV export, each into a new folder, interleaved ``repeat`` times."""
    import tempfile

    import smuggling_wg as swg
    from smuggling_wg.export import export

    ds = swg.load()
    functions: tuple[Callable[[str], object], ...] = (call, lambda folder: export(ds, "csv", folder))
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for side, function in enumerate(functions):
            with tempfile.TemporaryDirectory() as folder:
                start = time.perf_counter()
                function(folder)
                best[side] = min(best[side], time.perf_counter() - start)
    return best[0], best[1]


def export_table(repeat: int) -> str:
    """A Markdown table of each output beside the CSV export of the bundled meeting (first use excluded)."""
    rows = ["| export of the bundled meeting | best ms | CSV ms | ratio | budget |", "|---|---:|---:|---:|---:|"]
    for name, call, budget in _outputs():
        took, csv_took = time_against_csv(call, repeat)
        verdict = f"<= {budget:.0f} s {'ok' if took <= budget else 'MISSED'}"
        rows.append(f"| {name} | {1e3 * took:.1f} | {1e3 * csv_took:.1f} | {took / csv_took:.2f}x | {verdict} |")
    return "\n".join(rows)


MEMORY = (
    Case("pydantic + one model", BASELINE_MODEL),
    Case(
        "load() + one query",
        "import smuggling_wg as s\ns.load().actor('ITA')",
        baseline="pydantic + one model",
        target=5.0,
    ),
    Case(
        "load() + search + counts",
        "import smuggling_wg as s\nds = s.load()\nds.search('мигрантов')\nds.counts('topic')",
        baseline="pydantic + one model",
    ),
)


def _peak_kib(code: str) -> int:
    """Peak resident memory (KiB) of a fresh process running ``code``: its own VmHWM.

    Read inside the child: the rusage of a child on Linux keeps the high-water mark of the
    forked parent from before exec, which would count this harness's memory.
    """
    report = "\nprint(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    return int(output(code + report).split()[-1])


def memory_table(cases: tuple[Case, ...], rounds: int) -> str:
    """Median peak memory of each case, and how many MiB more than its baseline (target in MiB)."""
    peaks = {c.name: statistics.median(_peak_kib(c.code) for _ in range(rounds)) for c in cases}
    rows = ["| process | peak MiB | vs | more MiB | target |", "|---|---:|---|---:|---:|"]
    for case in cases:
        mib = peaks[case.name] / 1024
        if case.baseline:
            more = mib - peaks[case.baseline] / 1024
            verdict = "" if case.target is None else f"<= {case.target:.0f} {'ok' if more <= case.target else 'MISSED'}"
            rows.append(f"| {case.name} | {mib:.1f} | {case.baseline} | {more:+.1f} | {verdict} |")
        else:
            rows.append(f"| {case.name} | {mib:.1f} | | | |")
    return "\n".join(rows)


#: The cases counted with ``--instructions``: the budgets of issue 23 and the lookup.
COUNTED = (
    "python -c pass",
    "pydantic + one model",
    "argparse + rich table + one pydantic model",
    "import smuggling_wg",
    "import + load() + one query",
    "smuggling-wg recommendations --theme technology",
    "load().actor('Italy')",
)


def instruction_table(cases: tuple[Case, ...], repeat: int = 3) -> str:
    """Instructions of each case (median of ``repeat`` runs after a warm-up, :func:`child.instructions`).

    Each row gives the spread of its runs, (max - min) / median: a count is trusted when it is
    about 0.0%; a larger one says the environment still varies between runs.
    """
    counts = {c.name: instructions(c.code, repeat=repeat) for c in cases}
    rows = ["| case (instructions) | millions | spread | vs | ratio | target |", "|---|---:|---:|---|---:|---:|"]
    for case in cases:
        count, spread = counts[case.name]
        cells = [case.name, f"{count / 1e6:.1f}", f"{spread:.2%}"]
        if case.baseline:
            ratio = count / counts[case.baseline][0]
            verdict = (
                "" if case.target is None else f"<= {case.target:.2f} {'ok' if ratio <= case.target else 'MISSED'}"
            )
            cells += [case.baseline, f"{ratio:.3f}x", verdict]
        else:
            cells += ["", "", ""]
        rows.append(f"| {' | '.join(cells)} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cold-start benchmarks of smuggling_wg.")
    parser.add_argument("--rounds", type=int, default=21, help="rounds of fresh processes (default 21, at least 1)")
    parser.add_argument("--instructions", action="store_true", help="also count instructions (needs valgrind)")
    parser.add_argument(
        "--cpu", action="store_true", help="time the cold starts by CPU time (user + system), not the wall clock"
    )
    parser.add_argument(
        "--scaling", type=int, nargs="*", default=[], help="also the scaling table, e.g. 10 100 1000 (at most 3 rounds)"
    )
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    print(table(CASES, measure(CASES, args.rounds, "cpu" if args.cpu else "wall")))
    print()
    print(warm_table(measure_warm(warm_cases(), number=max(1, 10 * args.rounds), repeat=min(7, args.rounds + 2))))
    print()
    print(first_answers(args.rounds))
    print()
    print(export_table(repeat=min(3, args.rounds)))
    print()
    print(memory_table(MEMORY, rounds=min(5, args.rounds)))
    if args.instructions:
        print()
        print(instruction_table(tuple(c for c in CASES if c.name in COUNTED), repeat=min(3, args.rounds)))
    if args.scaling:
        from scaling import run
        from scaling import table as scaling_table

        print()
        print(scaling_table(run(args.scaling, rounds=min(3, args.rounds))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
