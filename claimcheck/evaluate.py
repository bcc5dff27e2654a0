"""Evaluate verdicts against labelled sets (``fixtures/<set>/gold.json``).

A gold claim lists its mentions by source and by the words as written. A predicted claim
*covers* a gold mention when it has a mention of the same kind in the same source whose span
overlaps it. A gold claim is found when the predicted claim covering most of its mentions has the
gold status and, for corroborated and conflicting claims, covers at least two of its sources.

Gold lists every conflicting and every corroborated claim, so any other predicted claim with one
of those statuses is a false positive. Gold lists unique claims only where they matter (near
misses), so a predicted unique claim counts only where it overlaps a gold claim.

The figures of several sets are micro-averaged: the counts are added up before dividing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck import pipeline
from claimcheck.errors import InputError
from claimcheck.model import Document, Kind, Mention, Report, Status, Verdict
from claimcheck.settings import Settings

GOLD_FILE = "gold.json"
PROVENANCES = ("published", "invented")  # real coverage by real outlets, or articles written here
DISAGREEMENTS = ("contradiction", "update", "attribution", "altered")
MAX_EVIDENCE_SENTENCES = 4  # per miss, so --misses stays readable


@dataclass(frozen=True, slots=True)
class GoldMention:
    source: str
    start: int
    end: int
    text: str

    def overlaps(self, mention: Mention) -> bool:
        """Whether a predicted mention is this one: same source, overlapping words."""
        return mention.source_id == self.source and mention.start < self.end and self.start < mention.end


@dataclass(frozen=True, slots=True)
class GoldClaim:
    kind: Kind
    status: Status
    about: str
    mentions: tuple[GoldMention, ...]
    disagreement: str | None = None

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(m.source for m in self.mentions)


@dataclass(frozen=True, slots=True)
class Miss:
    """One gold claim not found, or one predicted claim that gold does not back."""

    what: str  # "missed" or "false"
    status: Status
    kind: Kind
    description: str
    evidence: tuple[tuple[str, str], ...]  # (source id, sentence)

    def line(self) -> str:
        return f"{self.what} {self.status.value} {self.kind.value}: {self.description}"


# Counters below are keyed by (status, kind) so that figures can be given per kind or summed.
Key = tuple[str, str]


@dataclass
class SetResult:
    """The counts of one labelled set (or of several, added up by ``total``)."""

    name: str
    provenance: str
    articles: int
    sets: int = 1
    gold: Counter[Key] = field(default_factory=Counter)  # gold claims
    found: Counter[Key] = field(default_factory=Counter)  # gold claims found with their status
    predicted: Counter[Key] = field(default_factory=Counter)  # scored predictions
    correct: Counter[Key] = field(default_factory=Counter)  # correct predictions
    misses: list[Miss] = field(default_factory=list)
    # gold conflicts by the disagreement gold names ("update", "attribution"…), and how many found
    disagreement_gold: Counter[str] = field(default_factory=Counter)
    disagreement_found: Counter[str] = field(default_factory=Counter)
    disagreement_right: Counter[str] = field(default_factory=Counter)  # found, and typed as gold types it

    def _sum(self, counter: Counter[Key], status: Status, kind: Kind | None) -> int:
        return sum(n for (s, k), n in counter.items() if s == status.value and (kind is None or k == kind.value))

    def counts(self, status: Status, kind: Kind | None = None) -> dict[str, int]:
        return {
            "gold": self._sum(self.gold, status, kind),
            "found": self._sum(self.found, status, kind),
            "predicted": self._sum(self.predicted, status, kind),
            "correct": self._sum(self.correct, status, kind),
        }

    def recall(self, status: Status, kind: Kind | None = None) -> float | None:
        c = self.counts(status, kind)
        return c["found"] / c["gold"] if c["gold"] else None

    def precision(self, status: Status, kind: Kind | None = None) -> float | None:
        c = self.counts(status, kind)
        return c["correct"] / c["predicted"] if c["predicted"] else None

    def false_conflicts(self, kind: Kind | None = None) -> int:
        c = self.counts(Status.CONFLICTING, kind)
        return c["predicted"] - c["correct"]

    def figures(self, kind: Kind | None = None) -> dict[str, float | int | None]:
        """The headline figures: the ones README reports and the floor test guards."""
        return {
            "conflict_recall": self.recall(Status.CONFLICTING, kind),
            "conflict_precision": self.precision(Status.CONFLICTING, kind),
            "corroborated_recall": self.recall(Status.CORROBORATED, kind),
            "corroborated_precision": self.precision(Status.CORROBORATED, kind),
            "unique_precision": self.precision(Status.UNIQUE, kind),
            "false_conflicts": self.false_conflicts(kind),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "provenance": self.provenance,
            "sets": self.sets,
            "articles": self.articles,
            "figures": self.figures(),
            "disagreements": {
                d: {
                    "gold": self.disagreement_gold[d],
                    "found": self.disagreement_found[d],
                    "typed_right": self.disagreement_right[d],
                }
                for d in sorted(self.disagreement_gold)
            },
            "statuses": {s.value: self.counts(s) for s in Status},
            "kinds": {
                k.value: {"figures": self.figures(k), "statuses": {s.value: self.counts(s, k) for s in Status}}
                for k in Kind
            },
            "misses": [
                {
                    "what": m.what,
                    "status": m.status.value,
                    "kind": m.kind.value,
                    "description": m.description,
                    "evidence": [{"source": s, "sentence": t} for s, t in m.evidence],
                }
                for m in self.misses
            ],
        }


def total(name: str, results: Sequence[SetResult]) -> SetResult:
    """Micro-average: add up the counts of several sets (their misses are not carried)."""
    provenances = {r.provenance for r in results}
    summed = SetResult(
        name,
        provenances.pop() if len(provenances) == 1 else "mixed",
        sum(r.articles for r in results),
        sets=sum(r.sets for r in results),
    )
    for r in results:
        summed.gold.update(r.gold)
        summed.found.update(r.found)
        summed.predicted.update(r.predicted)
        summed.correct.update(r.correct)
        summed.disagreement_gold.update(r.disagreement_gold)
        summed.disagreement_found.update(r.disagreement_found)
        summed.disagreement_right.update(r.disagreement_right)
    return summed


# -- reading a labelled set ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FixtureSet:
    """A labelled set: its gold.json, where its articles are, and the settings to read them."""

    path: Path
    gold: dict[str, Any]
    articles: Path
    settings: Settings

    @property
    def provenance(self) -> str:
        return str(self.gold.get("provenance", "invented"))


def read_set(set_dir: str | Path, base: Settings | None = None) -> FixtureSet:
    """Read and check a labelled set's gold.json; its articles are read with ``base`` settings
    (default ``Settings()``) and the set's own reference date.

    Raises:
        InputError: the folder is not a labelled set, or its gold.json is malformed (one line
            that names the file and what is wrong).
    """
    path = Path(set_dir)
    gold_path = path / GOLD_FILE
    if not gold_path.is_file():
        raise InputError(f"{path} is not a labelled set: it has no {GOLD_FILE}")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{gold_path}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{gold_path}: not JSON: {error.msg} at line {error.lineno}") from None
    _check_gold(gold, gold_path)
    reference = gold.get("reference_date")
    settings = dataclasses.replace(
        base or Settings(), reference_date=dt.date.fromisoformat(reference) if reference else None
    )
    articles = path / gold.get("articles", "articles")
    if not articles.is_dir():
        raise InputError(f"{gold_path}: no articles folder {articles}")
    return FixtureSet(path, gold, articles, settings)


def _check_gold(gold: Any, where: Path) -> None:
    def fail(message: str) -> None:
        raise InputError(f"{where}: {message}")

    if not isinstance(gold, dict):
        fail("must be a JSON object")
    if gold.get("provenance", "invented") not in PROVENANCES:
        fail(f"provenance must be one of {', '.join(PROVENANCES)}")
    reference = gold.get("reference_date")
    if reference is not None:
        try:
            dt.date.fromisoformat(str(reference))
        except ValueError:
            fail(f"reference_date {reference!r} is not YYYY-MM-DD")
    if not isinstance(gold.get("articles", "articles"), str):
        fail("articles must be a folder name")
    claims = gold.get("claims")
    if not isinstance(claims, list):
        fail('needs a "claims" list')
    kinds, statuses = {k.value for k in Kind}, {s.value for s in Status}
    for n, claim in enumerate(claims):
        at = f"claim {n}"
        if not isinstance(claim, dict):
            fail(f"{at} is not an object")
        if claim.get("kind") not in kinds:
            fail(f"{at}: kind must be one of {', '.join(sorted(kinds))}")
        if claim.get("status") not in statuses:
            fail(f"{at}: status must be one of {', '.join(sorted(statuses))}")
        if claim.get("disagreement") not in (None, *DISAGREEMENTS):
            fail(f"{at}: disagreement must be one of {', '.join(DISAGREEMENTS)}")
        mentions = claim.get("mentions")
        if not isinstance(mentions, list) or not mentions:
            fail(f"{at}: needs a non-empty mentions list")
        for m in mentions:
            if not isinstance(m, dict) or not isinstance(m.get("source"), str) or not isinstance(m.get("text"), str):
                fail(f"{at}: each mention needs a source and a text")
            if not isinstance(m.get("sentence", ""), str):
                fail(f"{at}: a mention's sentence must be text")


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


def load_gold(fixture: FixtureSet, documents: Iterable[Document]) -> list[GoldClaim]:
    """The gold claims of a set, with their mentions located in the documents' sources."""
    texts = {d.source.id: d.source.text for d in documents}
    claims = []
    for n, raw in enumerate(fixture.gold["claims"]):
        mentions = []
        for m in raw["mentions"]:
            where = f"{fixture.path / GOLD_FILE} claim {n} ({m['source']})"
            if m["source"] not in texts:
                raise InputError(f"{where}: no such source")
            start, end = _locate(texts[m["source"]], m["text"], m.get("sentence"), where)
            mentions.append(GoldMention(m["source"], start, end, m["text"]))
        claims.append(
            GoldClaim(
                Kind(raw["kind"]),
                Status(raw["status"]),
                raw.get("about", ""),
                tuple(mentions),
                raw.get("disagreement"),
            )
        )
    return claims


# -- scoring ---------------------------------------------------------------------------------


def _covers(verdict: Verdict, gold: GoldMention) -> bool:
    return any(gold.overlaps(m) for m in verdict.claim.mentions)


def _best(gold: GoldClaim, verdicts: Sequence[Verdict]) -> tuple[Verdict | None, int]:
    best, best_sources = None, 0
    for verdict in verdicts:
        if verdict.claim.kind is not gold.kind:
            continue
        covered = {g.source for g in gold.mentions if _covers(verdict, g)}
        if len(covered) > best_sources:
            best, best_sources = verdict, len(covered)
    return best, best_sources


class _Sentences:
    """The sentence of a document around an offset, for showing a miss."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self._by_source = {d.source.id: d for d in documents}

    def at(self, source: str, offset: int) -> str:
        document = self._by_source.get(source)
        if document is None:
            return ""
        for sentence in document.sentences:
            if sentence.start <= offset < sentence.end:
                return " ".join(sentence.text.split())
        return ""

    def evidence(self, places: Iterable[tuple[str, int]]) -> tuple[tuple[str, str], ...]:
        seen: dict[tuple[str, str], None] = {}
        for source, offset in places:
            seen.setdefault((source, self.at(source, offset)), None)
        return tuple(seen)[:MAX_EVIDENCE_SENTENCES]


def score(fixture: FixtureSet, report: Report) -> SetResult:
    """Score one report against its set's gold claims."""
    gold = load_gold(fixture, report.documents)
    sentences = _Sentences(report.documents)
    result = SetResult(fixture.path.name, fixture.provenance, len(report.documents))
    matched: dict[str, GoldClaim] = {}  # predicted claim id → the gold claim it stands for
    for claim in gold:
        key = (claim.status.value, claim.kind.value)
        result.gold[key] += 1
        if claim.disagreement:
            result.disagreement_gold[claim.disagreement] += 1
        verdict, covered = _best(claim, report.verdicts)
        needed = 1 if claim.status is Status.UNIQUE else 2
        if verdict is not None and verdict.status is claim.status and covered >= needed:
            result.found[key] += 1
            if claim.disagreement:
                result.disagreement_found[claim.disagreement] += 1
                # gold calls a quotation credited to two speakers "attribution" (the labelling
                # brief's word for values credited to different authorities)
                typed = "attribution" if verdict.disagreement == "misattributed" else verdict.disagreement
                result.disagreement_right[claim.disagreement] += typed == claim.disagreement
            matched[verdict.claim.id] = claim
            continue
        got = "not extracted" if verdict is None else f"{verdict.status.value} {verdict.claim.id} over {covered} of its sources"
        places = [(m.source, m.start) for m in claim.mentions]
        if verdict is not None:
            places += [(m.source_id, m.start) for m in verdict.claim.mentions]
        description = f"{claim.about or claim.mentions[0].text} → {got}"
        result.misses.append(Miss("missed", claim.status, claim.kind, description, sentences.evidence(places)))
    for verdict in report.verdicts:
        key = (verdict.status.value, verdict.claim.kind.value)
        overlapping = [g for g in gold if g.kind is verdict.claim.kind and any(_covers(verdict, m) for m in g.mentions)]
        if verdict.status is Status.UNIQUE and not overlapping:
            continue  # gold does not list every unique claim
        result.predicted[key] += 1
        if verdict.claim.id in matched or any(g.status is verdict.status for g in overlapping):
            result.correct[key] += 1
        else:
            places = [(m.source_id, m.start) for m in verdict.claim.mentions]
            description = f"{verdict.summary} ({verdict.claim.id})"
            result.misses.append(Miss("false", verdict.status, verdict.claim.kind, description, sentences.evidence(places)))
    return result


def evaluate_set(set_dir: str | Path, base: Settings | None = None) -> SetResult:
    """Run claimcheck on a labelled set and score its verdicts against gold.json."""
    fixture = read_set(set_dir, base)
    return score(fixture, pipeline.check([str(fixture.articles)], fixture.settings))


def labelled_sets(paths: Sequence[str | Path]) -> list[Path]:
    """The labelled sets named by ``paths``: a folder with a gold.json is one; a folder without
    one stands for the labelled sets directly inside it (``fixtures/``). Each is read and checked.

    Raises:
        InputError: a folder is neither.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        inside = sorted(p.parent for p in path.glob(f"*/{GOLD_FILE}"))
        found += inside if inside and not (path / GOLD_FILE).exists() else [path]
    for path in found:
        read_set(path)
    return found


def one_set_per_worker(base: Settings | None) -> tuple[Settings, int]:
    """Settings to run one set with, and how many sets run at once: ``base.workers`` processes
    share the sets out, each set read in one (a worker of a pool cannot start its own)."""
    base = base or Settings()
    return dataclasses.replace(base, workers=1), base.workers


def evaluate(paths: Sequence[str | Path], base: Settings | None = None) -> list[SetResult]:
    """Evaluate labelled sets (see ``labelled_sets``); every set is checked before any is run.
    The sets are shared among ``base.workers`` processes; the results never depend on it."""
    set_dirs = labelled_sets(paths)
    settings, workers = one_set_per_worker(base)
    return pipeline.in_processes(functools.partial(evaluate_set, base=settings), set_dirs, workers)


# -- rendering -------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "—"


def _row(label: str, r: SetResult, kind: Kind | None = None) -> str:
    conflicting, corroborated, unique = (r.counts(s, kind) for s in (Status.CONFLICTING, Status.CORROBORATED, Status.UNIQUE))
    cells = [
        label,
        str(r.articles),
        _ratio(conflicting["found"], conflicting["gold"]),
        _ratio(conflicting["correct"], conflicting["predicted"]),
        _ratio(corroborated["found"], corroborated["gold"]),
        _ratio(corroborated["correct"], corroborated["predicted"]),
        _ratio(unique["correct"], unique["predicted"]),
        str(r.false_conflicts(kind)),
    ]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| set | articles | conflict recall | conflict precision | corroborated recall "
    "| corroborated precision | unique precision | false conflicts |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|"
)


def totals(results: Sequence[SetResult]) -> list[SetResult]:
    """A total per provenance, and one over all sets when they mix provenances."""
    out = []
    for provenance in PROVENANCES:
        group = [r for r in results if r.provenance == provenance]
        if group:
            out.append(total(f"total {provenance}", group))
    if len(out) > 1:
        out.append(total("total", results))
    return out


def format_results(results: Sequence[SetResult], *, by_kind: bool = False, misses: bool = False) -> str:
    """A Markdown table: one row per set, then the micro-averaged totals; optionally per kind and misses."""
    lines = [HEADER]
    for r in results:
        lines.append(_row(r.name, r))
    if len(results) > 1:
        lines += [_row(f"**{t.name}** ({t.sets} sets)", t) for t in totals(results)]
    typed = total("all", results)
    if typed.disagreement_found:
        found, right = sum(typed.disagreement_found.values()), sum(typed.disagreement_right.values())
        per = ", ".join(
            f"{d} {typed.disagreement_right[d]}/{typed.disagreement_found[d]} of {typed.disagreement_gold[d]}"
            for d in sorted(typed.disagreement_gold)
        )
        lines += ["", f"Conflicts found whose disagreement is typed as gold types it: {_ratio(right, found)} ({per})."]
    if by_kind:
        lines += ["", HEADER.replace("| set |", "| set | kind |", 1).replace("|---|", "|---|---|", 1)]
        for r in [*results, *(totals(results) if len(results) > 1 else [])]:
            for kind in Kind:
                if any(r.counts(s, kind)["gold"] or r.counts(s, kind)["predicted"] for s in Status):
                    lines.append(_row(r.name, r, kind).replace(f"| {r.name} |", f"| {r.name} | {kind.value} |", 1))
    if misses:
        for r in results:
            if not r.misses:
                continue
            lines += ["", f"{r.name}:"]
            for miss in r.misses:
                lines.append(f"- {miss.line()}")
                lines += [f"    {source}: {sentence}" for source, sentence in miss.evidence]
    return "\n".join(lines) + "\n"
