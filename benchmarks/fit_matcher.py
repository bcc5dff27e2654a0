"""Refit the matcher's weights from every labelled set and write claimcheck/data/matcher.json.

    python benchmarks/fit_matcher.py            # fit on fixtures/*/gold.json, write the weights
    python benchmarks/fit_matcher.py --check    # fail if the shipped weights differ from a refit
    python benchmarks/fit_matcher.py --cache DIR  # read each article's map step from DIR if kept there

The figures to quote for the fitted matcher are leave-one-set-out ones:
`claimcheck eval --cross-validate fixtures/<set> ...`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck import evaluate, learn, match
from claimcheck.settings import Settings

WEIGHTS = ROOT / "claimcheck" / "data" / "matcher.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="labelled sets (default: every fixtures/*/gold.json)")
    parser.add_argument("--check", action="store_true", help="compare a refit with the shipped weights")
    parser.add_argument("--cache", metavar="DIR", help="read and keep each article's map step in DIR (as `claimcheck run --cache`)")
    args = parser.parse_args()
    sets = evaluate.labelled_sets(args.sets or [ROOT / "fixtures"])
    base = Settings(parse_cache=args.cache)
    pairs = [learn.labelled_pairs(path, base) for path in sets]
    for p in pairs:
        print(f"{p.name:32} pairs {len(p.same_fact):5}  one fact {int(p.same_fact.sum()):4}", file=sys.stderr)
    matcher = learn.fit(pairs)
    text = json.dumps(matcher.to_dict(), indent=2) + "\n"
    if args.check:
        same = WEIGHTS.read_text(encoding="utf-8") == text
        print("shipped weights match a refit" if same else "shipped weights differ from a refit", file=sys.stderr)
        return 0 if same else 1
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"{'':20}{'agree':>10}{'differ':>10}")
    for name, weight in zip(("bias", *match.FEATURES), zip(matcher.agree, matcher.differ)):
        print(f"{name:20}{weight[0]:10.3f}{weight[1]:10.3f}")
    print(f"{'threshold':20}{matcher.agree_threshold:10.2f}{matcher.differ_threshold:10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
