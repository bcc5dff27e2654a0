"""Why gold claims are missed: for every labelled claim that two or more sources state and that
claimcheck does not find with its status, say where each cross-source pair of its mentions was
lost on the way to one claim.

    python benchmarks/why_missed.py fixtures/news-*            # a count of causes, then each pair
    python benchmarks/why_missed.py fixtures/* --summary       # the counts only
    python benchmarks/why_missed.py fixtures/news-* --status conflicting
    python benchmarks/why_missed.py fixtures/news-* --summary -j 2 --cache /tmp/parses

A pair of gold mentions is lost at the first of these stages that it fails:

    not extracted      a mention gold lists was not extracted (or with another kind)
    other story        story grouping put the two articles in different stories
    other dimension    numbers of different dimensions are never compared (a count and a share)
    prefilter          the clauses' words scored below the prefilter
    rule: <why>        ``match.never_one_fact`` rules the pair out (fates, a speech day…)
    below threshold    the fitted matcher's probability is below its cut (shown with it)
    refused merge      an edge was made, but the clusters it joins were not allowed to merge
    joined             the two mentions are in one claim (the claim is missed for its status)

Uses the shipped matcher: run after ``fit_matcher.py`` to see in-sample causes.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import sys
from collections import Counter
from pathlib import Path

from claimcheck import match, pipeline, values
from claimcheck.evaluate import GoldClaim, labelled_sets, load_gold, read_set
from claimcheck.model import Kind, Mention, Status
from claimcheck.settings import Settings


def _extracted(gold_mention, kind: Kind, mentions: list[Mention]) -> Mention | None:
    return next((m for m in mentions if m.kind is kind and gold_mention.overlaps(m)), None)


def diagnose(set_dir: Path, statuses: set[Status], base: Settings | None = None) -> tuple[Counter[str], list[str]]:
    fixture = read_set(set_dir, base)
    settings = fixture.settings
    report = pipeline.check([str(fixture.articles)], settings)
    documents = list(report.documents)
    gold = load_gold(fixture, documents)
    story_of = {s: story.id for story in report.stories for s in story.sources}
    claim_of = {(m.source_id, m.start, m.kind): v for v in report.verdicts + report.omitted for m in v.claim.mentions}
    # matching's view of the pairs: the same items and features the run used, story by story
    # every mention the run extracted: each stands in exactly one claim, kept or omitted
    all_mentions = [m for v in report.verdicts + report.omitted for m in v.claim.mentions]
    model = settings.matcher or match.shipped_matcher()
    causes: Counter[str] = Counter()
    lines: list[str] = []
    views = {}
    for claim in gold:
        if claim.status not in statuses or len(claim.sources) < 2:
            continue
        if _found(claim, report):
            continue
        header = len(lines)
        lines.append("")
        of_claim: Counter[str] = Counter()
        seen_sources: set[tuple[str, str]] = set()
        for ga, gb in itertools.combinations(claim.mentions, 2):
            if ga.source == gb.source or (ga.source, gb.source) in seen_sources:
                continue
            seen_sources.add((ga.source, gb.source))
            ma = _extracted(ga, claim.kind, all_mentions)
            mb = _extracted(gb, claim.kind, all_mentions)
            if ma is None or mb is None:
                missing = ga if ma is None else gb
                cause, detail = "not extracted", f"{missing.source}: {missing.text!r}"
            elif story_of.get(ma.source_id) != story_of.get(mb.source_id):
                cause, detail = "other story", ""
            else:
                cause, detail = _pair_cause(claim.kind, ma, mb, story_of, documents, all_mentions, views, model)
                va = claim_of.get((ma.source_id, ma.start, ma.kind))
                vb = claim_of.get((mb.source_id, mb.start, mb.kind))
                if cause == "edge":
                    cause = "joined" if va is vb else "refused merge"
            of_claim[cause] += 1
            lines.append(f"  {cause:16} {ga.source} {ga.text!r} ~ {gb.source} {gb.text!r} {detail}")
        lost = Counter({c: n for c, n in of_claim.items() if c != "joined"})
        main_cause = lost.most_common(1)[0][0] if lost else "joined, status wrong"
        causes[main_cause] += 1
        lines[header] = f"\n{set_dir.name}: {claim.status.value} {claim.kind.value}: {claim.about}  [{main_cause}]"
    return causes, lines


def _found(claim: GoldClaim, report) -> bool:
    for verdict in report.verdicts:
        if verdict.claim.kind is not claim.kind or verdict.status is not claim.status:
            continue
        covered = {g.source for g in claim.mentions if any(g.overlaps(m) for m in verdict.claim.mentions)}
        if len(covered) >= 2:
            return True
    return False


def _pair_cause(kind, ma, mb, story_of, documents, all_mentions, views, model) -> tuple[str, str]:
    if kind is Kind.NUMBER and not values.same_dimension(ma, mb):
        return "other dimension", f"({values.dimension(ma)} / {values.dimension(mb)})"
    story = story_of.get(ma.source_id)
    if story not in views:
        sources = {s for s, st in story_of.items() if st == story}
        docs = [d for d in documents if d.source.id in sources]
        ms = [m for m in all_mentions if m.source_id in sources]
        by_kind = match.items_by_kind(docs, ms)
        views[story] = {
            k: (items, {(p.i, p.j): p for p in match.pairs(k, items)}) for k, items in by_kind.items()
        }
    items, scored = views[story][kind]
    index = {(it.mention.source_id, it.mention.start): n for n, it in enumerate(items)}
    i, j = sorted((index[(ma.source_id, ma.start)], index[(mb.source_id, mb.start)]))
    pair = scored.get((i, j))
    if pair is None:
        why = match.never_one_fact(items[i], items[j])
        return (f"rule: {why}", "") if why else ("prefilter", "")
    p = model.probability(pair.features, agree=pair.agree)
    cut = model.threshold(agree=pair.agree)
    if p < cut:
        return "below threshold", f"(p={p:.2f} < {cut:.2f}, {'agree' if pair.agree else 'differ'})"
    return "edge", f"(p={p:.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--status", choices=["conflicting", "corroborated"], help="only claims of this status")
    parser.add_argument("--summary", action="store_true", help="print the counts of causes only")
    parser.add_argument("--cache", metavar="DIR", help="keep and reuse each article's parse in DIR (as run's --cache)")
    parser.add_argument("--workers", "-j", type=int, default=1, help="processes that share the sets out")
    args = parser.parse_args(argv)
    statuses = {Status(args.status)} if args.status else {Status.CONFLICTING, Status.CORROBORATED}
    base = Settings(parse_cache=args.cache) if args.cache else Settings()
    diagnosed = pipeline.in_processes(
        functools.partial(diagnose, statuses=statuses, base=base), [Path(s) for s in labelled_sets(args.sets)], args.workers
    )
    total: Counter[str] = Counter()
    out: list[str] = []
    for causes, lines in diagnosed:
        total += causes
        out += lines
    print("missed claims by the cause that loses most of their pairs:")
    for cause, n in total.most_common():
        print(f"{n:5}  {cause}")
    if not args.summary:
        print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
