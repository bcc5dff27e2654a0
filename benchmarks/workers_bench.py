"""Does -j help? `claimcheck run` with 1, 2 and 4 workers.

Run as `python benchmarks/workers_bench.py [--scale N]`. Each setting runs in a fresh process
(the gazetteer and the parser load as they do for a user), three times on the fixture articles
(medians) and once on N generated articles from benchmarks/scale.py (default 1,000). It prints
wall-clock seconds and CPU seconds (the process and its workers): on a shared machine, wall
time shows whether the workers found a free core, CPU time what they cost.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def seconds(paths: list[str], workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of one `claimcheck run` (CPU: its own and its workers')."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "run", *paths, "-j", str(workers), "--json"],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit("claimcheck run failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    import scale

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=1000, help="generated articles (0: none)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sets = {"fixtures/*/articles and seeds": ([*sorted(str(p) for p in ROOT.glob("fixtures/*/articles")), str(ROOT / "seeds")], args.rounds, (1, 2, 4))}
    if args.scale:
        sets[f"scale.py, {args.scale} articles"] = ([str(scale.corpus(args.scale)[0])], 1, (1, 2))
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the start")
    print("| articles | files | -j | wall s | CPU s |")
    print("|---|---:|---:|---:|---:|")
    for name, (paths, rounds, settings) in sets.items():
        files = sum(len(list(Path(p).iterdir())) for p in paths)
        for workers in settings:
            runs = [seconds(paths, workers) for _ in range(rounds)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            print(f"| {name} | {files} | {workers} | {wall:.1f} | {cpu:.1f} |", flush=True)
    print(f"load {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
