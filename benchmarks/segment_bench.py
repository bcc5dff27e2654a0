"""Benchmark claimcheck's sentence splitter against pySBD, syntok, sentencex and nupunkt.

Run from the repository root:  python benchmarks/segment_bench.py

Accuracy is measured on the labelled set ``tests/data/segment/cases.json`` (every case, known
misses included). Sentence boundaries are compared as positions among the non-space characters
of each text, so tools that keep or drop white space around sentences are scored alike:

* exact: cases whose predicted boundaries equal the labelled ones;
* precision / recall / F1: over all boundaries inside all cases (the start of a text is not a
  boundary).

Speed is measured on a corpus of at least 5 MB of news-style text, built deterministically from
the labelled set, ``seeds/`` and any ``fixtures/**/articles/*.txt``, regrouped into article-sized
documents over many seeded shuffles and cached under ``benchmarks/.cache/``. Each tool splits the
documents one by one (as the pipeline does, one source at a time). A tool slower than the time
budget is timed on the leading documents it finished within the budget, and the table says how
much it read. The comparison tools are benchmark-only dependencies
(``pip install pysbd syntok sentencex nupunkt``); a missing one is reported and skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import platform
import random
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES_PATH = ROOT / "tests" / "data" / "segment" / "cases.json"
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
CORPUS_BYTES = 5 * 1024 * 1024
CORPUS_VERSION = 1

Splitter = Callable[[str], list[str]]


# --- the tools ------------------------------------------------------------------------------------


def _claimcheck() -> Splitter:
    from claimcheck.segment import split_sentences

    return lambda text: [span.text for span in split_sentences(text)]


def _pysbd() -> Splitter:
    import pysbd  # type: ignore[import-untyped]

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: list(segmenter.segment(text))


def _syntok() -> Splitter:
    from syntok import segmenter  # type: ignore[import-untyped]

    def split(text: str) -> list[str]:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                start = sentence[0].offset
                end = sentence[-1].offset + len(sentence[-1].value)
                out.append(text[start:end])
        return out

    return split


def _sentencex() -> Splitter:
    import sentencex  # type: ignore[import-untyped]

    return lambda text: list(sentencex.segment("en", text))


def _nupunkt() -> Splitter:
    import nupunkt

    return lambda text: [str(s) for s in nupunkt.sent_tokenize(text)]


TOOLS: list[tuple[str, str, Callable[[], Splitter]]] = [
    # (name shown, distribution name for the version, loader)
    ("claimcheck", "claimcheck-news", _claimcheck),
    ("pySBD", "pysbd", _pysbd),
    ("syntok", "syntok", _syntok),
    ("sentencex", "sentencex", _sentencex),
    ("nupunkt", "nupunkt", _nupunkt),
]


# --- accuracy -------------------------------------------------------------------------------------


def boundaries(text: str, sentences: Iterable[str]) -> set[int]:
    """Sentence starts as indexes into the text's non-space characters (0 excluded)."""
    squeezed = "".join(text.split())
    starts: set[int] = set()
    cursor = 0
    for sentence in sentences:
        piece = "".join(sentence.split())
        if not piece:
            continue
        found = squeezed.find(piece, cursor)
        if found < 0:  # the tool changed the text: count the sentence where we are
            found = cursor
        starts.add(found)
        cursor = found + len(piece)
    starts.discard(0)
    return starts


@dataclass(frozen=True)
class Accuracy:
    exact: int
    cases: int
    precision: float
    recall: float
    f1: float
    misses: tuple[str, ...]


def accuracy(split: Splitter, cases: list[dict[str, Any]]) -> Accuracy:
    exact = true_pos = predicted = gold = 0
    misses = []
    for case in cases:
        want = boundaries(case["text"], case["sentences"])
        got = boundaries(case["text"], split(case["text"]))
        exact += want == got
        if want != got:
            misses.append(case["id"])
        true_pos += len(want & got)
        predicted += len(got)
        gold += len(want)
    precision = true_pos / predicted if predicted else 1.0
    recall = true_pos / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Accuracy(exact, len(cases), precision, recall, f1, tuple(misses))


# --- the speed corpus -----------------------------------------------------------------------------


def _source_documents(cases: list[dict[str, Any]]) -> list[str]:
    docs = [case["text"] for case in cases if case["text"].strip()]
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(ROOT.glob("fixtures/**/articles/*.txt"))
    docs += [path.read_text(encoding="utf-8") for path in paths]
    return docs


def build_corpus(cases: list[dict[str, Any]]) -> tuple[list[str], Path]:
    """Article-sized documents, at least CORPUS_BYTES of UTF-8 in all, cached by input hash."""
    sources = _source_documents(cases)
    digest = hashlib.sha256(
        json.dumps([CORPUS_VERSION, CORPUS_BYTES, sources], ensure_ascii=False).encode()
    ).hexdigest()[:16]
    path = CACHE_DIR / f"segment-corpus-{digest}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8")), path
    rng = random.Random(20240314)
    corpus: list[str] = []
    size = 0
    while size < CORPUS_BYTES:
        order = sources[:]
        rng.shuffle(order)
        while order and size < CORPUS_BYTES:
            take = rng.randint(3, 9)  # pieces per document: roughly one article
            doc = "\n\n".join(order[:take])
            del order[:take]
            corpus.append(doc)
            size += len(doc.encode("utf-8"))
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(corpus, ensure_ascii=False), encoding="utf-8")
    return corpus, path


@dataclass(frozen=True)
class Speed:
    sentences: int
    chars: int
    mbytes: float
    seconds: float
    documents: int

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.seconds

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds

    @property
    def mbytes_per_s(self) -> float:
        return self.mbytes / self.seconds


def speed(split: Splitter, corpus: list[str], budget: float, repeats: int) -> Speed:
    """Split documents in order until all are done or ``budget`` seconds have passed.

    A tool that finishes the whole corpus in less than a third of the budget is timed
    ``repeats`` times and the best run is kept.
    """
    best: Speed | None = None
    for _ in range(repeats):
        sentences = chars = nbytes = done = 0
        began = time.perf_counter()
        elapsed = 0.0
        for doc in corpus:
            sentences += len(split(doc))
            chars += len(doc)
            nbytes += len(doc.encode("utf-8"))
            done += 1
            elapsed = time.perf_counter() - began
            if elapsed > budget:
                break
        run = Speed(sentences, chars, nbytes / 1e6, elapsed, done)
        if best is None or run.chars_per_s > best.chars_per_s:
            best = run
        if done < len(corpus) or elapsed * 3 > budget:
            break
    assert best is not None
    return best


# --- report ---------------------------------------------------------------------------------------


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--budget", type=float, default=30.0, help="seconds of timing per tool")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs for fast tools")
    parser.add_argument("--no-speed", action="store_true", help="measure accuracy only")
    parser.add_argument("--misses", action="store_true", help="list each tool's missed cases")
    args = parser.parse_args(argv)

    cases = json.loads(CASES_PATH.read_text(encoding="utf-8"))
    corpus: list[str] = []
    if not args.no_speed:
        corpus, path = build_corpus(cases)
        total = sum(len(doc.encode("utf-8")) for doc in corpus) / 1e6
        print(
            f"Speed corpus: {len(corpus)} documents, {total:.2f} MB ({path.relative_to(ROOT)})",
            file=sys.stderr,
        )

    rows: list[tuple[str, str, Accuracy | None, Speed | None]] = []
    baseline: float | None = None
    for name, dist, load in TOOLS:
        try:
            split = load()
            split("Warm up. The model loads now.")
        except ImportError as exc:
            print(f"{name}: not installed ({exc}); pip install {dist}", file=sys.stderr)
            rows.append((name, "missing", None, None))
            continue
        acc = accuracy(split, cases)
        spd = None if args.no_speed else speed(split, corpus, args.budget, args.repeats)
        if spd is not None and name == "pySBD":
            baseline = spd.chars_per_s
        rows.append((name, _version(dist), acc, spd))
        print(f"{name}: done", file=sys.stderr)
        if args.misses:
            print(f"  {name} misses: {', '.join(acc.misses)}", file=sys.stderr)

    print(
        f"Labelled set: {len(cases)} cases, "
        f"{sum(len(boundaries(c['text'], c['sentences'])) for c in cases)} boundaries. "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs ({_cpu_model()}).\n"
    )
    header = "| tool | version | exact cases | boundary P | boundary R | boundary F1 |"
    rule = "|---|---|---|---|---|---|"
    if not args.no_speed:
        header += " timed on | sentences/s | MB/s (UTF-8) | speed vs pySBD |"
        rule += "---|---|---|---|"
    print(header)
    print(rule)
    for name, version, result, spd in rows:
        if result is None:
            print(f"| {name} | not installed |" + " |" * (rule.count("|") - 3))
            continue
        line = (
            f"| {name} | {version} | {result.exact}/{result.cases} ({result.exact / result.cases:.1%}) "
            f"| {result.precision:.3f} | {result.recall:.3f} | {result.f1:.3f} |"
        )
        if spd is not None:
            share = "all" if spd.documents == len(corpus) else "first"
            ratio = f"{spd.chars_per_s / baseline:.1f}×" if baseline else "n/a"
            line += (
                f" {share} {spd.mbytes:.2f} MB | {spd.sentences_per_s:,.0f} "
                f"| {spd.mbytes_per_s:.3f} | {ratio} |"
            )
        print(line)
    if not args.no_speed:
        print(
            "\nSpeed ratio compares characters per second (each tool counts its own "
            "sentences, so sentences/s differ a little more)."
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
