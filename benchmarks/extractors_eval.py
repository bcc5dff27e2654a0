"""Precision, recall and F1 of each extractor on its labelled table, as a Markdown table.

Usage: python benchmarks/extractors_eval.py [KIND ...]      (KIND: date, quote, venue, number)

For every kind whose table ``tests/data/extract/<kind>.json`` exists and whose extractor module
imports, each case is run through the extractor. A predicted mention is correct when its text
overlaps an expected mention's text (by offsets in the case text) and the values are equal; each
expected mention is matched at most once. Known misses (cases marked "xfail") count like any
other case. For quotations, speaker accuracy is the share of correct predictions whose speaker
equals the expected one. Speed is the mean time per 1000 sentences after a warm-up call (the
first call, which loads data such as the gazetteer, is reported on its own).
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck import lang
from claimcheck.model import Document, Mention, Region, Role, Source
from claimcheck.segment import segment
from claimcheck.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "tests" / "data" / "extract"
MODULES = {
    "date": "claimcheck.extract.dates",
    "quote": "claimcheck.extract.quotes",
    "venue": "claimcheck.extract.places",
    "number": "claimcheck.extract.numbers",
}
Extractor = Callable[..., Iterator[Mention]]


@dataclass(frozen=True, slots=True)
class Scores:
    """What one extractor achieved on its table."""

    kind: str
    cases: int
    expected: int
    predicted: int
    correct: int
    speakers_right: int | None  # quotes only: correct predictions with the right speaker
    sentences: int
    seconds: float  # all cases, after the warm-up
    first_call: float  # the warm-up call, which loads data

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float | None:
        if self.speakers_right is None:
            return None
        return self.speakers_right / self.correct if self.correct else 1.0


def document(case: dict[str, Any]) -> Document:
    """A case as a parsed document: the parse is a stage of its own (timed in parse_bench.py),
    and venues read its place entities."""
    text = case["text"]
    src = Source(id=case["id"], path=f"{case['id']}.txt", text=text,
                 published=case.get("published"), regions=(Region(0, len(text), Role.BODY),))  # fmt: skip
    return lang.parse([Document(src, segment(src))], settings=Settings())[0]


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of an expected mention's text in the case text."""
    found, start = [], text.find(needle)
    while needle and start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def score_case(case: dict[str, Any], predicted: list[Mention], kind: str) -> tuple[int, int]:
    """(correct, speakers right) for one case, matching predictions to expectations one to one."""
    expected = [(e, spans(case["text"], e["text"])) for e in case["expected"]]
    used: set[int] = set()
    correct = speakers = 0
    for m in predicted:
        for i, (item, where) in enumerate(expected):
            if i in used or item["value"] != m.value:
                continue
            if any(s < m.end and m.start < e for s, e in where):
                used.add(i)
                correct += 1
                speakers += kind == "quote" and item.get("speaker") == m.speaker
                break
    return correct, speakers


def evaluate(kind: str, extract: Extractor, cases: list[dict[str, Any]]) -> Scores:
    """Run one extractor over its table and score it."""
    settings = Settings()
    docs = [document(case) for case in cases]
    start = time.perf_counter()
    if docs:
        list(extract(docs[0], settings=settings))
    first_call = time.perf_counter() - start
    correct = speakers = predicted = 0
    start = time.perf_counter()
    results = [list(extract(doc, settings=settings)) for doc in docs]
    seconds = time.perf_counter() - start
    for case, found in zip(cases, results):
        predicted += len(found)
        c, s = score_case(case, found, kind)
        correct += c
        speakers += s
    return Scores(
        kind=kind,
        cases=len(cases),
        expected=sum(len(case["expected"]) for case in cases),
        predicted=predicted,
        correct=correct,
        speakers_right=speakers if kind == "quote" else None,
        sentences=sum(len(doc.sentences) for doc in docs),
        seconds=seconds,
        first_call=first_call,
    )


def load(kind: str) -> tuple[Extractor, list[dict[str, Any]]] | str:
    """The extractor and table of a kind, or why it is skipped."""
    table = TABLES / f"{kind}.json"
    if not table.exists():
        return f"no table {table.relative_to(ROOT)}"
    try:
        module = importlib.import_module(MODULES[kind])
    except ImportError as err:
        return f"extractor not importable ({err})"
    cases: list[dict[str, Any]] = json.loads(table.read_text(encoding="utf-8"))
    return module.extract, cases


def markdown(rows: list[Scores]) -> str:
    lines = [
        (
            "| kind | cases | expected | predicted | correct | precision | recall | F1 "
            "| speaker accuracy | ms per 1000 sentences | first call (ms) |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        speaker = f"{r.speaker_accuracy:.3f}" if r.speaker_accuracy is not None else "–"
        per_1000 = 1000 * r.seconds / r.sentences * 1000 if r.sentences else 0.0
        lines.append(
            f"| {r.kind} | {r.cases} | {r.expected} | {r.predicted} | {r.correct} "
            f"| {r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} | {speaker} "
            f"| {per_1000:.1f} | {1000 * r.first_call:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kinds", nargs="*", metavar="KIND", help=", ".join(MODULES))
    args = parser.parse_args(argv)
    unknown = [kind for kind in args.kinds if kind not in MODULES]
    if unknown:
        parser.error(f"unknown kind {', '.join(unknown)} (choose from {', '.join(MODULES)})")
    rows: list[Scores] = []
    for kind in args.kinds or list(MODULES):
        loaded = load(kind)
        if isinstance(loaded, str):
            print(f"skipped {kind}: {loaded}", file=sys.stderr)
            continue
        extract, cases = loaded
        rows.append(evaluate(kind, extract, cases))
    print(markdown(rows))
    print(f"\nPython {platform.python_version()} on {platform.machine()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
