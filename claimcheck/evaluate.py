"""Evaluate verdicts against labelled fixture sets (``fixtures/<set>/gold.json``).

A gold claim lists its mentions by source and by the words as written. A predicted claim
*covers* a gold mention when it has a mention of the same kind in the same source whose span
overlaps it. A gold claim is found when the predicted claim covering most of its mentions has the
gold status and, for corroborated and conflicting claims, covers at least two of its sources.

Gold lists every conflicting and every corroborated claim, so any other predicted claim with one
of those statuses is a false positive. Gold lists unique claims only where they matter (near
misses), so a predicted unique claim counts only where it overlaps a gold claim.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck import pipeline
from claimcheck.errors import InputError
from claimcheck.model import Kind, Report, Status, Verdict
from claimcheck.settings import Settings


@dataclass(frozen=True, slots=True)
class GoldMention:
    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GoldClaim:
    kind: Kind
    status: Status
    about: str
    mentions: tuple[GoldMention, ...]

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(m.source for m in self.mentions)


@dataclass
class SetResult:
    name: str
    articles: int
    gold: Counter[str] = field(default_factory=Counter)  # by status
    found: Counter[str] = field(default_factory=Counter)  # gold claims found, by status
    predicted: Counter[str] = field(default_factory=Counter)  # scored predictions, by status
    correct: Counter[str] = field(default_factory=Counter)  # correct predictions, by status
    kind_gold: Counter[str] = field(default_factory=Counter)
    kind_found: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def precision(self, status: str) -> float | None:
        return self.correct[status] / self.predicted[status] if self.predicted[status] else None

    def recall(self, status: str) -> float | None:
        return self.found[status] / self.gold[status] if self.gold[status] else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "articles": self.articles,
            "statuses": {
                s.value: {
                    "gold": self.gold[s.value],
                    "found": self.found[s.value],
                    "predicted": self.predicted[s.value],
                    "correct": self.correct[s.value],
                    "precision": self.precision(s.value),
                    "recall": self.recall(s.value),
                }
                for s in Status
            },
            "kinds": {k.value: {"gold": self.kind_gold[k.value], "found": self.kind_found[k.value]} for k in Kind},
            "misses": self.misses,
        }


def _locate(text: str, wanted: str, sentence: str | None, where: str) -> tuple[int, int]:
    base = 0
    if sentence:
        base = text.find(sentence)
        if base < 0:
            raise InputError(f"{where}: sentence {sentence[:40]!r} not found")
        found = text.find(wanted, base)
        if found < 0 or found > base + len(sentence):
            found = text.find(wanted)
    else:
        found = text.find(wanted)
    if found < 0:
        raise InputError(f"{where}: text {wanted[:40]!r} not found")
    return found, found + len(wanted)


@dataclass(frozen=True, slots=True)
class FixtureSet:
    """A labelled set: its gold.json, where its articles are, and the settings to read them."""

    path: Path
    gold: dict[str, Any]
    articles: Path
    settings: Settings


def read_set(set_dir: str | Path, base: Settings | None = None) -> FixtureSet:
    """A labelled set, read with ``base`` settings (default ``Settings()``) and its own
    reference date."""
    path = Path(set_dir)
    gold = json.loads((path / "gold.json").read_text(encoding="utf-8"))
    reference = gold.get("reference_date")
    settings = dataclasses.replace(
        base or Settings(), reference_date=dt.date.fromisoformat(reference) if reference else None
    )
    return FixtureSet(path, gold, path / gold.get("articles", "articles"), settings)


def load_gold(fixture: FixtureSet, report: Report) -> list[GoldClaim]:
    """The gold claims of a set, with their mentions located in the report's sources."""
    set_dir, data = fixture.path, fixture.gold
    texts = {d.source.id: d.source.text for d in report.documents}
    claims = []
    for n, raw in enumerate(data["claims"]):
        mentions = []
        for m in raw["mentions"]:
            where = f"{set_dir}/gold.json claim {n} ({m['source']})"
            if m["source"] not in texts:
                raise InputError(f"{where}: no such source")
            start, end = _locate(texts[m["source"]], m["text"], m.get("sentence"), where)
            mentions.append(GoldMention(m["source"], start, end, m["text"]))
        claims.append(GoldClaim(Kind(raw["kind"]), Status(raw["status"]), raw.get("about", ""), tuple(mentions)))
    return claims


def _covers(verdict: Verdict, gold: GoldMention) -> bool:
    return any(
        m.source_id == gold.source and m.start < gold.end and gold.start < m.end for m in verdict.claim.mentions
    )


def _best(gold: GoldClaim, verdicts: Sequence[Verdict]) -> tuple[Verdict | None, int]:
    best, best_sources = None, 0
    for verdict in verdicts:
        if verdict.claim.kind is not gold.kind:
            continue
        covered = {g.source for g in gold.mentions if _covers(verdict, g)}
        if len(covered) > best_sources:
            best, best_sources = verdict, len(covered)
    return best, best_sources


def evaluate_set(set_dir: str, base: Settings | None = None) -> SetResult:
    """Run claimcheck on a fixture set and score its verdicts against gold.json."""
    fixture = read_set(set_dir, base)
    report = pipeline.check([str(fixture.articles)], fixture.settings)
    gold = load_gold(fixture, report)
    result = SetResult(fixture.path.name, len(report.documents))
    matched: dict[str, GoldClaim] = {}  # predicted claim id → the gold claim it stands for
    for claim in gold:
        status = claim.status.value
        result.gold[status] += 1
        result.kind_gold[claim.kind.value] += 1
        verdict, covered = _best(claim, report.verdicts)
        needed = 1 if claim.status is Status.UNIQUE else 2
        if verdict is not None and verdict.status is claim.status and covered >= needed:
            result.found[status] += 1
            result.kind_found[claim.kind.value] += 1
            matched[verdict.claim.id] = claim
            continue
        got = "not extracted" if verdict is None else f"{verdict.status.value} {verdict.claim.id} over {covered} of its sources"
        result.misses.append(f"missed {status} {claim.kind.value}: {claim.about or claim.mentions[0].text} → {got}")
    for verdict in report.verdicts:
        status = verdict.status.value
        overlapping = [g for g in gold if g.kind is verdict.claim.kind and any(_covers(verdict, m) for m in g.mentions)]
        if verdict.status is Status.UNIQUE and not overlapping:
            continue  # gold does not list every unique claim
        result.predicted[status] += 1
        if verdict.claim.id in matched or any(g.status is verdict.status for g in overlapping):
            result.correct[status] += 1
        else:
            result.misses.append(f"false {status} {verdict.claim.kind.value}: {verdict.summary} ({verdict.claim.id})")
    return result


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def format_results(results: Sequence[SetResult]) -> str:
    """A Markdown table of precision and recall per set and status, then per kind, then misses."""
    lines = ["| set | articles | status | gold | found | recall | predicted | correct | precision |", "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        for status in Status:
            s = status.value
            lines.append(
                f"| {r.name} | {r.articles} | {s} | {r.gold[s]} | {r.found[s]} | {_fmt(r.recall(s))} "
                f"| {r.predicted[s]} | {r.correct[s]} | {_fmt(r.precision(s))} |"
            )
    lines += ["", "| set | " + " | ".join(k.value for k in Kind) + " |", "|---|" + "---|" * len(Kind)]
    for r in results:
        cells = [f"{r.kind_found[k.value]}/{r.kind_gold[k.value]}" for k in Kind]
        lines.append(f"| {r.name} | " + " | ".join(cells) + " |")
    for r in results:
        if r.misses:
            lines += ["", f"{r.name}:"] + [f"- {miss}" for miss in r.misses]
    return "\n".join(lines) + "\n"
