"""Speed of the whole pipeline: `claimcheck run` on growing article sets.

Run as `python benchmarks/pipeline_bench.py [SIZE ...]` (default 25 100 400). The articles are the seeds and the fixture sets,
copied under new names (each copy is a separate source, so matching sees every copy), written
once to benchmarks/.cache/. Prints a Markdown table: articles, claims, seconds, articles/s,
for 1 and 2 workers.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import time
from pathlib import Path

from claimcheck import pipeline
from claimcheck.settings import Settings, user_cache_dir

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache" / "pipeline"
SIZES = tuple(int(n) for n in sys.argv[1:]) or (25, 100, 400)


def corpus(size: int) -> Path:
    """A folder of ``size`` articles built from the repository's own articles."""
    originals = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("fixtures/*/articles/*.txt"))
    folder = CACHE / str(size)
    if folder.exists() and len(list(folder.iterdir())) == size:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for n in range(size):
        source = originals[n % len(originals)]
        shutil.copy(source, folder / f"{n:05d}_{source.stem}.txt")
    return folder


def timed(folder: Path, workers: int) -> tuple[float, int]:
    # The gazetteer index comes from the user cache, as on the command line (workers load it
    # from there instead of building it each).
    settings = Settings(workers=workers, cache_dir=user_cache_dir(os.environ))
    start = time.perf_counter()
    report = pipeline.check([str(folder)], settings)
    return time.perf_counter() - start, len(report.verdicts)


def main() -> None:
    timed(corpus(SIZES[0]), 1)  # warm up: the gazetteer and regexes load once per process
    print(f"Python {platform.python_version()}, {platform.machine()}, {platform.processor() or 'cpu'}")
    print()
    print("| articles | workers | claims | seconds | articles/s |")
    print("|---:|---:|---:|---:|---:|")
    for size in SIZES:
        folder = corpus(size)
        for workers in (1, 2):
            seconds, claims = timed(folder, workers)
            print(f"| {size} | {workers} | {claims} | {seconds:.2f} | {size / seconds:.1f} |")


if __name__ == "__main__":
    main()
