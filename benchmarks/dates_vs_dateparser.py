"""Date extraction: claimcheck against dateparser on the labelled table.

    python benchmarks/dates_vs_dateparser.py            # both, quality and speed
    python benchmarks/dates_vs_dateparser.py --only-claimcheck

Quality: a predicted mention is correct when its text overlaps an expected mention that no
other prediction has taken and the values agree at the expected precision (a dateparser
datetime is truncated to it: "2022-01" compares year and month, "--01-10" month and day).
Qualifiers are not scored here; the test suite compares them. Known misses (rows with
"xfail") count like every other row.

Speed: both read raw text; claimcheck's time includes sentence splitting. dateparser
(``pip install dateparser``) is a benchmark-only dependency, imported only when asked for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "extract" / "date.json"

# A prediction: (start, end, year, month, day); None where the predictor names no such part.
Prediction = tuple[int, int, int | None, int | None, int | None]
Predictor = Callable[[str, str | None], list[Prediction]]
Parts = tuple[int | None, int | None, int | None]  # (year, month, day)


@dataclass(frozen=True)
class Scores:
    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_cases(path: Path = TABLE) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return cases


def parts(value: str) -> Parts:
    """(year, month, day) of an ISO value: "2022-01-10", "2022-01", "2022", "--01-10", "--06"."""
    if value.startswith("--"):
        bits = value[2:].split("-")
        return None, int(bits[0]), int(bits[1]) if len(bits) > 1 else None
    bits = value.split("-")
    return (
        int(bits[0]),
        int(bits[1]) if len(bits) > 1 else None,
        int(bits[2]) if len(bits) > 2 else None,
    )


def _agrees(expected: Parts, predicted: Parts) -> bool:
    return all(e is None or e == p for e, p in zip(expected, predicted, strict=True))


def _expected_spans(case: dict[str, Any]) -> list[tuple[int, int, Parts]]:
    """Offsets of the expected mentions, found in order in the case text."""
    spans: list[tuple[int, int, Parts]] = []
    cursor = 0
    for item in case["expected"]:
        start = case["text"].find(item["text"], cursor)
        if start < 0:
            start = case["text"].find(item["text"])
        if start < 0:
            raise ValueError(f"{case['id']}: {item['text']!r} is not in the text")
        spans.append((start, start + len(item["text"]), parts(item["value"])))
        cursor = start + 1
    return spans


def score(cases: Iterable[dict[str, Any]], predict: Predictor) -> Scores:
    tp = predicted = expected = 0
    for case in cases:
        gold = _expected_spans(case)
        taken = [False] * len(gold)
        preds = predict(case["text"], case["published"])
        predicted += len(preds)
        expected += len(gold)
        for start, end, year, month, day in preds:
            value = (year, month, day)
            for k, (g_start, g_end, g_value) in enumerate(gold):
                if not taken[k] and start < g_end and g_start < end and _agrees(g_value, value):
                    taken[k] = True
                    tp += 1
                    break
    return Scores(tp, predicted, expected)


# --------------------------------------------------------------------------------------------
# Predictors


@dataclass(frozen=True)
class Tool:
    """A date extractor: ``run`` goes from raw text to the tool's own output (what is timed),
    ``read`` turns that output into predictions (what is scored)."""

    run: Callable[[str, str | None], Any]
    read: Callable[[str, Any], list[Prediction]]

    def predict(self, text: str, published: str | None) -> list[Prediction]:
        return self.read(text, self.run(text, published))


def claimcheck_tool() -> Tool:
    from claimcheck.extract.dates import extract
    from claimcheck.model import Document, Mention, Region, Role, Source
    from claimcheck.segment import segment
    from claimcheck.settings import Settings

    settings = Settings()

    def run(text: str, published: str | None) -> list[Mention]:
        src = Source(id="b", path="b.txt", text=text, published=published,
                     regions=(Region(0, len(text), Role.BODY),))  # fmt: skip
        return list(extract(Document(src, segment(src)), settings=settings))

    def read(text: str, mentions: list[Mention]) -> list[Prediction]:
        return [(m.start, m.end, *parts(m.value)) for m in mentions]

    return Tool(run, read)


def claimcheck_presplit_tool(texts: Iterable[tuple[str, str | None]]) -> Tool:
    """claimcheck's date extractor alone, on documents split into sentences beforehand: in
    the pipeline, sentences are split once for all four extractors."""
    from claimcheck.extract.dates import extract
    from claimcheck.model import Document, Mention, Region, Role, Source
    from claimcheck.segment import segment
    from claimcheck.settings import Settings

    settings = Settings()
    docs = {}
    for text, published in texts:
        src = Source(id="b", path="b.txt", text=text, published=published,
                     regions=(Region(0, len(text), Role.BODY),))  # fmt: skip
        docs[text, published] = Document(src, segment(src))

    def run(text: str, published: str | None) -> list[Mention]:
        return list(extract(docs[text, published], settings=settings))

    return Tool(run, claimcheck_tool().read)


def dateparser_tool() -> Tool:
    from dateparser.search import search_dates  # type: ignore[import-untyped]

    def run(text: str, published: str | None) -> list[tuple[str, dt.datetime]]:
        config: dict[str, Any] = {"PREFER_DATES_FROM": "current_period"}
        if published is not None:
            config["RELATIVE_BASE"] = dt.datetime.fromisoformat(published)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return search_dates(text, languages=["en"], settings=config) or []

    def read(text: str, found: list[tuple[str, dt.datetime]]) -> list[Prediction]:
        # search_dates gives no offsets: find each surface in turn.
        out: list[Prediction] = []
        cursor = 0
        for surface, when in found:
            start = text.find(surface, cursor)
            if start < 0:
                start = text.find(surface)
            if start < 0:
                continue
            cursor = start + len(surface)
            out.append((start, start + len(surface), when.year, when.month, when.day))
        return out

    return Tool(run, read)


# --------------------------------------------------------------------------------------------
# Speed


def sentence_count(cases: Sequence[dict[str, Any]]) -> int:
    from claimcheck.segment import split_sentences

    return sum(len(split_sentences(c["text"])) for c in cases)


def timed(cases: Sequence[dict[str, Any]], tools: dict[str, Tool],
          min_seconds: float) -> dict[str, float]:  # fmt: skip
    """Seconds of CPU time for one pass over the cases, per tool: the best of passes that
    alternate between the tools until each has run ``min_seconds``, so that load from other
    processes weighs on both alike."""
    best = dict.fromkeys(tools, float("inf"))
    spent = dict.fromkeys(tools, 0.0)
    while min(spent.values()) < min_seconds:
        for name, tool in tools.items():
            t0 = time.process_time()
            for case in cases:
                tool.run(case["text"], case["published"])
            elapsed = time.process_time() - t0
            best[name] = min(best[name], elapsed)
            spent[name] += elapsed
    return best


# --------------------------------------------------------------------------------------------
# Reports


def report_claimcheck(path: Path = TABLE) -> Scores:
    """Print precision, recall and F1 of claimcheck's date extractor on a labelled table."""
    scores = score(load_cases(path), claimcheck_tool().predict)
    print(f"claimcheck dates: precision {scores.precision:.3f}  recall {scores.recall:.3f}  "
          f"F1 {scores.f1:.3f}  ({scores.true_positives} of {scores.expected} expected, "
          f"{scores.predicted} predicted)")  # fmt: skip
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--only-claimcheck", action="store_true")
    parser.add_argument("--min-seconds", type=float, default=2.0,
                        help="time each tool for at least this long")  # fmt: skip
    parser.add_argument("--articles", type=Path, action="append", default=[],
                        help="also time both tools on the .txt files of this folder "
                             "(speed only: articles carry no labels)")  # fmt: skip
    args = parser.parse_args(argv)
    cases = load_cases(args.table)
    if args.only_claimcheck:
        report_claimcheck(args.table)
        return 0
    pairs = [(c["text"], c["published"]) for c in cases]
    tools = {
        "claimcheck (split + dates)": claimcheck_tool(),
        "claimcheck (dates on split text)": claimcheck_presplit_tool(pairs),
        "dateparser search_dates": dateparser_tool(),
    }
    sentences = sentence_count(cases)
    print(f"{len(cases)} cases, {sentences} sentences, "
          f"{sum(len(c['expected']) for c in cases)} expected mentions; "
          f"Python {platform.python_version()} on {platform.machine()}\n")  # fmt: skip
    print("| tool | precision | recall | F1 | cases/s | ms per 1000 sentences | x faster |")
    print("|---|---|---|---|---|---|---|")
    seconds = timed(cases, tools, args.min_seconds)
    slowest = seconds["dateparser search_dates"]
    for name, tool in tools.items():
        s = score(cases, tool.predict)
        print(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | "
              f"{len(cases) / seconds[name]:,.0f} | "
              f"{seconds[name] / sentences * 1_000_000:,.1f} | "
              f"{slowest / seconds[name]:.1f} |")  # fmt: skip
    for folder in args.articles:
        time_articles(folder, args.min_seconds)
    return 0


def time_articles(folder: Path, min_seconds: float) -> None:
    """Speed of both tools on the articles of a folder (publication date: none)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    articles = [{"text": t, "published": None} for t in texts]
    tools = {
        "claimcheck (split + dates)": claimcheck_tool(),
        "claimcheck (dates on split text)": claimcheck_presplit_tool((t, None) for t in texts),
        "dateparser search_dates": dateparser_tool(),
    }
    sentences = sentence_count(articles)
    seconds = timed(articles, tools, min_seconds)
    slowest = seconds["dateparser search_dates"]
    print(f"\n{len(texts)} articles under {folder}, {sentences} sentences\n")
    print("| tool | ms per 1000 sentences | x faster |")
    print("|---|---|---|")
    for name in tools:
        print(f"| {name} | {seconds[name] / sentences * 1_000_000:,.1f} | "
              f"{slowest / seconds[name]:.1f} |")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
