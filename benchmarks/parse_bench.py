"""Speed of the parse stage and of a whole run on the seeds.

Run as `python benchmarks/parse_bench.py`. Prints a Markdown table:
- the spaCy import and model load (once per process);
- words per second of `lang.parse` over the candidate sentences of the seeds and the
  development fixture sets (the articles in fixtures/<set>/articles/);
- the wall time of `claimcheck run seeds/` in a fresh process (median of five runs), which is
  what a user waits for: imports, gazetteer, parse, extraction, matching.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck import ingest, lang, segment
from claimcheck.extract import eligible
from claimcheck.model import Document
from claimcheck.settings import Settings

SETS = ("quake", "ratecut", "trial", "ceasefire", "flood", "strike", "ferry")
RUNS = 5


def _documents() -> list[Document]:
    paths = [str(ROOT / "seeds")] + [str(ROOT / "fixtures" / name / "articles") for name in SETS]
    settings = Settings()
    sources = ingest.ingest(paths, settings=settings).sources
    return [Document(s, segment.segment(s)) for s in sources]


def main() -> None:
    settings = Settings()
    started = time.perf_counter()
    lang.load(settings.model)
    loaded = time.perf_counter() - started
    documents = _documents()
    wanted = lambda s: eligible(s, settings)  # noqa: E731
    started = time.perf_counter()
    parsed = lang.parse(documents, settings=settings, wanted=wanted)
    seconds = time.perf_counter() - started
    words = sum(len(p.tokens) for d in parsed for p in d.parses)
    sentences = sum(len(d.parses) for d in parsed)
    total = sum(len(d.sentences) for d in parsed)
    walls = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "claimcheck", "run", str(ROOT / "seeds")],
            check=True,
            capture_output=True,
        )
        walls.append(time.perf_counter() - started)
    print("| measure | value |")
    print("|---|---|")
    print(f"| spaCy import and model load ({settings.model}) | {loaded:.2f} s |")
    print(f"| articles / sentences / sentences parsed | {len(parsed)} / {total} / {sentences} |")
    print(f"| parse: tokens, seconds | {words}, {seconds:.2f} s |")
    print(f"| parse throughput | {words / seconds:,.0f} tokens/s |")
    print(f"| `claimcheck run seeds/` wall, median of {RUNS} (min–max) | {statistics.median(walls):.2f} s ({min(walls):.2f}–{max(walls):.2f}) |")


if __name__ == "__main__":
    main()
