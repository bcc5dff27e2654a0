"""Time of cleaning and HTML reading on hostile inputs (issue 12, hostile 1).

Run as `python benchmarks/hostile_html_bench.py`. Each input is built at two sizes; a stage that is
linear takes about 4x as long for 4x the input. Prints a Markdown table. The tests bound the
same inputs by counting work (tests/test_html.py) or by matching what the old patterns matched
(tests/test_clean.py); this script gives the times.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from claimcheck.clean import clean
from claimcheck.html import extract_article

CASES: tuple[tuple[str, str, Callable[[str], object], Callable[[int], str]], ...] = (
    ("clean", '"x", spaces, "x"', clean, lambda n: '"x"' + " " * n + '"x"'),
    ("clean", '"AB, ", spaces (dateline)', clean, lambda n: "AB, " + " " * n + "x"),
    ("clean", '"1", spaces (read time)', clean, lambda n: "1" + " " * n + "x"),
    ("html", "nested <div>", extract_article, lambda n: "<body>" + "<div>" * (n // 5) + "x" + "</div>" * (n // 5)),
    ("html", "stray end tags", extract_article, lambda n: "<body>" + "<div>" * (n // 10) + "</span>" * (n // 10)),
    ("html", "nested <h1>", extract_article, lambda n: "<body>" + "<h1>x" * (n // 5)),
)
SIZES = (250_000, 1_000_000)


def seconds(function: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    function(text)
    return time.perf_counter() - start


def main() -> None:
    print("| stage | input | characters | seconds | characters | seconds | growth (4x input) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for stage, name, function, make in CASES:
        small, large = (make(n) for n in SIZES)
        a, b = seconds(function, small), seconds(function, large)
        print(f"| {stage} | {name} | {len(small):,} | {a:.2f} | {len(large):,} | {b:.2f} | {b / a:.1f}x |")


if __name__ == "__main__":
    main()
