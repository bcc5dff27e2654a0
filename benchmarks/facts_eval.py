"""Fact-key accuracy per field on the labelled table of real-news values (tests/data/facts/keys.json).

    python benchmarks/facts_eval.py              # accuracy per field: all rows, worked-on rows, held-out rows
                                                 # (the first table's, then the rows added later)
    python benchmarks/facts_eval.py --misses     # also list the worked-on rows each field gets wrong
    python benchmarks/facts_eval.py --misses --heldout   # ... and the held-out ones (only when reporting)

Each row's article is run through the pipeline with default settings; the row's mention is the mention of
its kind that overlaps the value most. How a field is compared is written in tests/data/facts/README.md,
and ``right`` below is that rule.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "facts" / "keys.json"
sys.path.insert(0, str(ROOT))

from claimcheck import ingest, pipeline
from claimcheck.model import Mention
from claimcheck.settings import Settings

FIELDS = ("attribute", "scope", "time", "authority")
# Words a comparison ignores: articles, prepositions, conjunctions, possessive determiners.
STOP = frozenset(
    "a an the of in on at to from for by with near into onto off across around over under through during "
    "since until as about than and or but s his her its their our my your this that these those "
    "among between within without via per upon after before out up down amid aboard".split()
)
WORD = re.compile(r"[^\W_]+")


def words(text: str | None, *, numbers: bool = True) -> set[str]:
    """The content words of ``text``, case-folded, accents removed, a plural -s stripped."""
    if not text:
        return set()
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    found = set()
    for w in WORD.findall(plain.casefold()):
        if w in STOP or (not numbers and (w.isdigit() or len(w) == 1)):
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        found.add(w)
    return found


def same_name(predicted: str | None, expected: str | None) -> bool:
    """Time and authority: null only for null; else the prediction says at least what is expected, or
    is a part of it holding at least half of its words."""
    if expected is None or predicted is None:
        return expected is None and predicted is None
    p, e = words(predicted), words(expected)
    if not p or not e:
        return p == e
    return e <= p or (p <= e and 2 * len(p) >= len(e))


def same_attribute(predicted: str | None, expected: str) -> bool:
    p, e = words(predicted, numbers=False), words(expected, numbers=False)
    return bool(p) and e <= p and len(p - e) <= 1


def same_scope(predicted: Sequence[str], expected: Sequence[str]) -> bool:
    phrases = [w for w in (words(p) for p in predicted) if w]
    if not expected:
        return not phrases
    wanted = [words(e) for e in expected]
    every = set().union(*wanted)
    return all(any(w <= p for p in phrases) for w in wanted) and all(p & every for p in phrases)


def right(field: str, kind: str, mention: Mention | None, answers: list[Any]) -> bool:
    """Whether ``mention``'s field matches one of the acceptable ``answers``."""
    if mention is None:
        return False
    if field == "attribute":
        if kind == "quote":
            return any(same_name(mention.attribute, a) for a in answers)
        return any(same_attribute(mention.attribute, a) for a in answers)
    if field == "scope":
        return any(same_scope(mention.scope, a) for a in answers)
    value = mention.time if field == "time" else mention.authority
    return any(same_name(value, a) for a in answers)


def load() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))
    return rows


def mentions_by_article(rows: list[dict[str, Any]]) -> dict[str, tuple[str, tuple[Mention, ...]]]:
    """Each article's text and mentions, read once."""
    settings = Settings()
    paths = sorted({r["article"] for r in rows})
    found = ingest.ingest([str(ROOT / p) for p in paths], settings=settings)
    by_path = {Path(s.path).resolve(): s for s in found.sources}
    out = {}
    for path in paths:
        source = by_path[(ROOT / path).resolve()]
        document, extracted = pipeline.read(source, settings)
        out[path] = (document.source.text, extracted.mentions)
    return out


def find(row: dict[str, Any], text: str, mentions: Sequence[Mention]) -> Mention | None:
    """The mention of the row's kind that overlaps its value most."""
    at = text.find(row["text"])
    if at < 0:
        raise SystemExit(f"{row['id']}: passage not found in {row['article']}")
    start = at + row["text"].find(row["value"])
    end = start + len(row["value"])
    best, overlap = None, 0
    for m in mentions:
        if m.kind.value != row["kind"]:
            continue
        shared = min(end, m.end) - max(start, m.start)
        if shared > overlap:
            best, overlap = m, shared
    return best


@dataclass(frozen=True, slots=True)
class Result:
    row: dict[str, Any]
    mention: Mention | None
    fields: dict[str, bool]


def evaluate(rows: list[dict[str, Any]] | None = None) -> list[Result]:
    rows = load() if rows is None else rows
    read = mentions_by_article(rows)
    results = []
    for row in rows:
        text, mentions = read[row["article"]]
        mention = find(row, text, mentions)
        fields = {f: right(f, row["kind"], mention, row["expected"][f]) for f in FIELDS}
        results.append(Result(row, mention, fields))
    return results


def accuracy(results: Sequence[Result]) -> dict[str, float]:
    n = len(results)
    return {f: sum(r.fields[f] for r in results) / n if n else 1.0 for f in FIELDS}


def _line(name: str, results: Sequence[Result]) -> str:
    acc = accuracy(results)
    missing = sum(r.mention is None for r in results)
    cells = " | ".join(f"{acc[f]:.3f}" for f in FIELDS)
    return f"| {name} | {len(results)} | {missing} | {cells} |"


def report(results: Sequence[Result]) -> str:
    worked = [r for r in results if not r.row["heldout"]]
    held = [r for r in results if r.row["heldout"] and "batch" not in r.row]
    # Rows added later ("batch": 2 and on), labelled before claimcheck was run on them: held out too.
    added = [r for r in results if "batch" in r.row]
    head = "| rows | n | not extracted | " + " | ".join(FIELDS) + " |"
    lines = [head, "|" + "---|" * (3 + len(FIELDS))]
    lines += [_line("all", results), _line("worked on", worked), _line("held out", held)]
    if added:
        lines.append(_line("added, held out", added))
    return "\n".join(lines)


def misses(results: Sequence[Result]) -> str:
    out = []
    for r in results:
        wrong = [f for f in FIELDS if not r.fields[f]]
        if not wrong:
            continue
        m = r.mention
        out.append(f"{r.row['id']} [{r.row['kind']}] {r.row['value']!r} in: {r.row['text']}")
        if m is None:
            out.append("    not extracted")
            continue
        got = {
            "attribute": m.attribute,
            "scope": list(m.scope),
            "time": m.time,
            "authority": m.authority,
        }
        for f in wrong:
            out.append(f"    {f}: got {got[f]!r}, want {r.row['expected'][f]!r}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--misses", action="store_true", help="list the worked-on rows a field gets wrong"
    )
    parser.add_argument(
        "--heldout", action="store_true", help="with --misses: list held-out rows too"
    )
    args = parser.parse_args()
    results = evaluate()
    print(report(results))
    if args.misses:
        shown = results if args.heldout else [r for r in results if not r.row["heldout"]]
        print()
        print(misses(shown))


if __name__ == "__main__":
    main()
