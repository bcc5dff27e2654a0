"""Does -j help? `claimcheck run` on the fixture articles with 1, 2 and 4 workers.

Run as `python benchmarks/workers_bench.py`. Each setting runs three times in a fresh
process (the gazetteer and the parser load as they do for a user); the table gives the
median wall-clock seconds.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3


def seconds(paths: list[str], workers: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "claimcheck", "run", *paths, "-j", str(workers), "--json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    sets = {
        "fixtures/*/articles": sorted(str(p) for p in ROOT.glob("fixtures/*/articles")),
        "fixtures/*/articles and seeds": [*sorted(str(p) for p in ROOT.glob("fixtures/*/articles")), str(ROOT / "seeds")],
    }
    print("| articles | files | -j 1 (s) | -j 2 (s) | -j 4 (s) |")
    print("|---|---:|---:|---:|---:|")
    for name, paths in sets.items():
        files = sum(len(list(Path(p).iterdir())) for p in paths)
        medians = [statistics.median(seconds(paths, j) for _ in range(ROUNDS)) for j in (1, 2, 4)]
        print(f"| {name} | {files} | " + " | ".join(f"{m:.2f}" for m in medians) + " |")


if __name__ == "__main__":
    main()
