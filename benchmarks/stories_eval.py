"""How well articles are grouped into stories: every labelled set in one mixed folder.

    python benchmarks/stories_eval.py [--similarity 0.25 ...] [--cache DIR]

The truth is each set's articles as one story, or, where a set's gold.json lists `events`
(two events of one kind in one folder), each event's articles. Purity: the share of articles
whose story's majority is their own event. Completeness: the share of articles in the story that
holds most of their event.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck import evaluate, origins, pipeline, stories
from claimcheck.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="labelled sets (default: fixtures/)")
    parser.add_argument("--similarity", type=float, nargs="*", default=[stories.STORY_SIMILARITY])
    parser.add_argument("--cache", metavar="DIR", help="keep and reuse each article's parse in DIR (as run's --cache)")
    args = parser.parse_args()
    base = Settings(parse_cache=args.cache) if args.cache else None
    documents, mentions, truth = [], [], []
    for path in evaluate.labelled_sets(args.sets or [ROOT / "fixtures"]):
        fixture = evaluate.read_set(path, base)
        docs, found = pipeline.read_all([str(fixture.articles)], fixture.settings)
        # One folder: source ids must be unique, as ingest makes them in a real run.
        docs = tuple(replace(d, source=replace(d.source, id=f"{path.name}/{d.source.id}")) for d in docs)
        mentions += [replace(m, source_id=f"{path.name}/{m.source_id}") for m in found]
        event_of = {s: f"{path.name}/{n}" for n, event in enumerate(fixture.gold.get("events", [])) for s in event}
        for doc in docs:
            documents.append(doc)
            truth.append(event_of.get(doc.source.id.split("/", 1)[1], path.name))
    print(f"{len(documents)} articles, {len(set(truth))} events")
    origin_of = origins.origin_of(origins.find_origins([d.source for d in documents]))  # as a run finds them
    print("| similarity | stories | purity | completeness |\n|---:|---:|---:|---:|")
    for similarity in args.similarity:
        stories.STORY_SIMILARITY = similarity
        groups = stories.group(documents, mentions, origin_of)
        purity = sum(Counter(truth[i] for i in g).most_common(1)[0][1] for g in groups) / len(documents)
        by_event: dict[str, Counter[int]] = {}
        for n, g in enumerate(groups):
            for i in g:
                by_event.setdefault(truth[i], Counter())[n] += 1
        completeness = sum(c.most_common(1)[0][1] for c in by_event.values()) / len(documents)
        print(f"| {similarity:.2f} | {len(groups)} | {purity:.3f} | {completeness:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
