"""Quotation extraction on its labelled table: span precision/recall/F1 and speaker accuracy.

    python benchmarks/quotes_eval.py            # quality and speed, as Markdown
    python benchmarks/quotes_eval.py --misses   # also list every miss

Quality: a predicted quotation is correct when its text equals an expected one of the same
case (one expected quotation is matched at most once). Speaker accuracy is the share of
correct predictions whose normalized speaker equals the expected one (None included: an
expected "no speaker" must be predicted as None); value and fragment accuracy likewise. Known
misses (rows with "xfail") count like every other row.

Speed: every table text is joined into one long article (paragraphs kept), repeated until it
holds about 5,000 sentences, and parsed; the time covers extraction (the parse is timed by
benchmarks/parse_bench.py, and each table text is parsed as the pipeline parses it, since
speakers' names come from the parse). Loading the
country and city lists, done once per process on first use, is timed on its own.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "extract" / "quote.json"
sys.path.insert(0, str(ROOT))

from claimcheck import lang
from claimcheck.extract import places, quotes
from claimcheck.lang import names
from claimcheck.model import Document, Mention, Region, Role, Source
from claimcheck.segment import segment
from claimcheck.settings import Settings


def document(text: str, published: str | None) -> Document:
    source = Source(
        id="bench",
        path="bench.txt",
        text=text,
        published=published,
        regions=(Region(0, len(text), Role.BODY),),
    )
    return lang.parse([Document(source, segment(source))], settings=Settings())[0]


def predict(text: str, published: str | None) -> list[Mention]:
    return list(quotes.extract(document(text, published), settings=Settings()))


def evaluate(cases: list[dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    tp = fp = fn = speaker_ok = value_ok = fragment_ok = 0
    misses: list[str] = []
    for case in cases:
        expected = list(case["expected"])
        for mention in predict(case["text"], case.get("published")):
            hit = next((e for e in expected if e["text"] == mention.text), None)
            if hit is None:
                fp += 1
                misses.append(f"{case['id']}: extra quotation {mention.text!r}")
                continue
            expected.remove(hit)
            tp += 1
            speaker_ok += mention.speaker == hit["speaker"]
            value_ok += mention.value == hit["value"]
            fragment_ok += mention.fragment == hit["fragment"]
            if mention.speaker != hit["speaker"]:
                misses.append(
                    f"{case['id']}: speaker {mention.speaker!r}, expected {hit['speaker']!r}"
                )
        for missed in expected:
            fn += 1
            misses.append(f"{case['id']}: missed quotation {missed['text']!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {
        "cases": len(cases),
        "expected": tp + fn,
        "predicted": tp + fp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker_accuracy": speaker_ok / tp if tp else 0.0,
        "value_accuracy": value_ok / tp if tp else 0.0,
        "fragment_accuracy": fragment_ok / tp if tp else 0.0,
    }
    return scores, misses


def speed(cases: list[dict[str, Any]], target_sentences: int = 5000) -> dict[str, float]:
    article = "\n\n".join(case["text"] for case in cases)
    sentences_once = len(document(article, None).sentences)
    copies = max(1, target_sentences // max(1, sentences_once))
    text = "\n\n".join([article] * copies)
    # The country and city lists load on first use; time that load on its own. The town names
    # come from the gazetteer index, built (or loaded from its cache) once per process.
    names._countries.cache_clear()
    places.town_names.cache_clear()
    start = time.perf_counter()
    names._countries()
    places.town_names(quotes.PLACE_NAME_POPULATION)
    warmup = time.perf_counter() - start
    doc = document(text, None)
    start = time.perf_counter()
    found = list(quotes.extract(doc, settings=Settings()))
    elapsed = time.perf_counter() - start
    return {
        "sentences": len(doc.sentences),
        "quotations": len(found),
        "seconds": elapsed,
        "ms_per_1000_sentences": 1000 * elapsed / len(doc.sentences) * 1000,
        "warmup_seconds": warmup,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    cases = json.loads(TABLE.read_text(encoding="utf-8"))
    scores, misses = evaluate(cases)
    timing = speed(cases)
    print(
        f"Quotations on {TABLE.relative_to(ROOT)} ({scores['cases']} cases, "
        f"{scores['expected']} expected quotations, {scores['predicted']} predicted)\n"
    )
    print("| precision | recall | F1 | speaker accuracy | value accuracy | fragment accuracy |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {scores['precision']:.3f} | {scores['recall']:.3f} | {scores['f1']:.3f} | "
        f"{scores['speaker_accuracy']:.3f} | {scores['value_accuracy']:.3f} | "
        f"{scores['fragment_accuracy']:.3f} |\n"
    )
    print(
        f"Speed: {timing['sentences']} sentences, {timing['quotations']} quotations in "
        f"{timing['seconds']:.2f} s = {timing['ms_per_1000_sentences']:.0f} ms per 1000 sentences "
        f"(loading the country and city lists once: {timing['warmup_seconds']:.2f} s; "
        f"Python {platform.python_version()}, {platform.machine()})"
    )
    if args.misses:
        print("\nMisses:")
        for miss in misses:
            print(f"- {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
