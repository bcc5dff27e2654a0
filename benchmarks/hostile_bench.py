"""Time of a whole run on hostile and odd input, and how it grows (issue 12, bug 4 and hostile 1).

Run as `python benchmarks/hostile_bench.py [--cap SECONDS] [--only NAME,...]`. Each pattern is
one article at three or four sizes, run through segment, parse, extract, stories, match and
judge (see `run`), in this process after one warm-up run so the spaCy model and the gazetteer
are loaded once. Prints a Markdown table: pattern, size, seconds,
and the growth exponent k of time ~ size^k fitted (least squares on logs) over the sizes that
finished. Near 1 is linear; 2 is all pairs. A row over ``--cap`` seconds is stopped (SIGALRM)
and shown as "> cap"; the larger sizes of that pattern are then not tried.

The time bounds are here, not in the suite: tests/regression/test_hostile_inputs.py bounds deterministic operation
counts instead, so the suite stays fast and never flaky.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck import judge, match, pipeline, stories
from claimcheck.model import Region, Role, Source
from claimcheck.settings import Settings, user_cache_dir

SETTINGS = Settings(cache_dir=user_cache_dir(os.environ))

KB = 1024


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return make


def _spaces(size: int) -> str:
    return "x" + " " * (size - 2) + "x"


def _markdown_table(size: int) -> str:
    rows = ["| Date | Site | Deaths | Share | Cost |", "|---|---|---|---|---|"]
    n = 0
    while sum(len(r) + 1 for r in rows) < size:
        day = n % 28 + 1
        month = ("January", "March", "May", "July", "September", "November")[n % 6]
        rows.append(f"| {month} {day}, 20{10 + n % 15} | Site {n} | {100 + n * 7} | {n % 97}% | ${n * 13},000 |")
        n += 1
    return "\n".join(rows) + "\n"


def _news(size: int) -> str:
    articles = sorted((ROOT / "fixtures").glob("news-*/articles/*.txt"))
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in articles)
    return (body * (size // len(body) + 1))[:size]


def _single_sentence(size: int) -> str:
    # A results table written as one sentence: many values and no full stop.
    unit = "the ministry said 1,204 people, 37% of them children, and $5 million in aid on May 4, "
    return "Officials reported " + _repeat(unit)(size)


# (name, maker, sizes in bytes)
PATTERNS: tuple[tuple[str, Callable[[int], str], tuple[int, ...]], ...] = (
    ('"Jan. 1 " x n', _repeat("Jan. 1 "), (1 * KB, 2 * KB, 4 * KB, 8 * KB, 16 * KB, 32 * KB)),
    ('"5% " x n', _repeat("5% "), (2 * KB, 4 * KB, 8 * KB, 16 * KB, 32 * KB, 64 * KB)),
    ('"$5 " x n', _repeat("$5 "), (2 * KB, 4 * KB, 8 * KB, 16 * KB, 32 * KB, 64 * KB)),
    ('"1234567 " x n', _repeat("1234567 "), (2 * KB, 4 * KB, 8 * KB, 16 * KB, 32 * KB, 64 * KB)),
    ("curly-quoted words", _repeat("\u201cword\u201d "), (5 * KB, 10 * KB, 20 * KB, 40 * KB, 80 * KB)),
    ('"x" + spaces + "x"', _spaces, (10 * KB, 20 * KB, 40 * KB, 80 * KB, 160 * KB)),
    ('"May " x n', _repeat("May "), (5 * KB, 10 * KB, 20 * KB, 40 * KB, 80 * KB)),
    ("Markdown table of dates and figures", _markdown_table, (27 * KB, 55 * KB, 109 * KB, 218 * KB)),
    ("one sentence of values", _single_sentence, (16 * KB, 64 * KB, 256 * KB, 1024 * KB)),
    ("news-like text, one file", _news, (128 * KB, 256 * KB, 512 * KB, 1024 * KB)),
)


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Timeout


def run(text: str) -> None:
    """The stages of ``claimcheck.check`` after ingest on one article: segment, parse, extract
    (as ``claimcheck.extract_claims``), then stories, match and judge over its mentions.

    Ingest is left out: its cleaning reads a file of one repeated token as page furniture, and
    it was timed and fixed on its own (html.py, clean.py)."""
    source = Source(id="text", path="-", text=text, regions=(Region(0, len(text), Role.BODY),))
    document, extracted = pipeline.read(source, SETTINGS)
    mentions = extracted.mentions
    found = stories.stories((document,), mentions)
    claims = match.match((document,), mentions, settings=SETTINGS, stories=found)
    judge.judge(claims, (), settings=SETTINGS)


def _time(text: str, cap: float) -> float | None:
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, cap)
    started = time.perf_counter()
    try:
        run(text)
    except _Timeout:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started


def exponent(points: list[tuple[int, float]]) -> float | None:
    """The slope of log(seconds) on log(size): k in seconds ~ size^k."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-4)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def _size(n: int) -> str:
    return f"{n // KB} KB" if n < 1024 * KB else f"{n / (1024 * KB):g} MB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before a row is stopped")
    parser.add_argument("--only", default="", help="comma-separated substrings of pattern names")
    args = parser.parse_args()
    wanted = [w for w in args.only.split(",") if w]
    print(f"<!-- {platform.processor() or platform.machine()}, Python {platform.python_version()} -->")
    print("| pattern | size | seconds | exponent |")
    print("|---|---|---|---|")
    _time("Warm-up: 3 people died on May 4, officials said.", 600)
    for name, make, sizes in PATTERNS:
        if wanted and not any(w in name for w in wanted):
            continue
        points: list[tuple[int, float]] = []
        cells: list[str] = []
        for size in sizes:
            seconds = _time(make(size), args.cap)
            if seconds is None:
                cells.append(f"| {name} | {_size(size)} | > {args.cap:g} |")
                break
            points.append((size, seconds))
            cells.append(f"| {name} | {_size(size)} | {seconds:.2f} |")
        k = exponent(points)
        for cell in cells:
            print(cell + (f" {k:.2f} |" if k is not None else " – |"), flush=True)


if __name__ == "__main__":
    main()
