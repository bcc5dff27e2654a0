"""Check a labelled set before claimcheck ever runs on it, without importing claimcheck (the
labeller never runs it): its files, the shape of its gold.json, and that every mention's words
and sentence are in the article as written.

    python3 benchmarks/check_labelled_set.py fixtures/news-<event>-<year>

The brief it checks against: benchmarks/README-labelling.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KINDS = {"date", "quote", "venue", "number"}
STATUSES = {"corroborated", "conflicting", "unique"}
DISAGREEMENTS = {"contradiction", "update", "attribution", "altered"}
MIN_ARTICLES = 6


def problems(folder: Path) -> list[str]:
    """Everything wrong with a labelled set, one line each (none when it is ready)."""
    missing = [
        f"missing {name}"
        for name in ("README.md", "SOURCES.md", "gold.json")
        if not (folder / name).is_file()
    ]
    if missing:
        return missing
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    found = []
    if gold.get("provenance") != "published":
        found.append("provenance must be published")
    texts = {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted((folder / gold.get("articles", "articles")).glob("*.txt"))
    }
    if len(texts) < MIN_ARTICLES:
        found.append(f"only {len(texts)} articles")
    for stem, text in texts.items():
        lines = text.splitlines()
        if len(lines) < 3 or not lines[0].strip():
            found.append(f"{stem}: line 1 must be the headline, then the body")
    found += [
        f"origins: no source {s}"
        for group in gold.get("origins", [])
        for s in group
        if s not in texts
    ]
    for n, claim in enumerate(gold.get("claims", [])):
        found += _claim_problems(f"claim {n} ({claim.get('about', '')[:40]})", claim, texts)
    return found


def _claim_problems(at: str, claim: dict[str, object], texts: dict[str, str]) -> list[str]:
    found = []
    status, disagreement = claim.get("status"), claim.get("disagreement")
    if claim.get("kind") not in KINDS:
        found.append(f"{at}: kind must be one of {sorted(KINDS)}")
    if status not in STATUSES:
        found.append(f"{at}: status must be one of {sorted(STATUSES)}")
    if status == "conflicting" and disagreement not in DISAGREEMENTS:
        found.append(f"{at}: a conflicting claim needs a disagreement in {sorted(DISAGREEMENTS)}")
    if status != "conflicting" and disagreement:
        found.append(f"{at}: only conflicting claims have a disagreement")
    mentions = claim.get("mentions")
    if not isinstance(mentions, list) or not mentions:
        return [*found, f"{at}: no mentions"]
    sources = {m.get("source") for m in mentions}
    if status in ("corroborated", "conflicting") and len(sources) < 2:
        found.append(f"{at}: {status} needs mentions from two sources or more")
    if status == "unique" and len(sources) != 1:
        found.append(f"{at}: a unique claim has one source")
    for mention in mentions:
        source, text, sentence = mention.get("source"), mention.get("text"), mention.get("sentence")
        body = texts.get(source)
        if body is None:
            found.append(f"{at}: no source {source}")
        elif not isinstance(text, str) or not text:
            found.append(f"{at} {source}: a mention needs its text")
        elif sentence and sentence not in body:
            found.append(f"{at} {source}: sentence not found as written: {sentence[:60]!r}")
        elif sentence and text not in sentence:
            found.append(f"{at} {source}: text {text!r} is not inside its sentence")
        elif not sentence and text not in body:
            found.append(f"{at} {source}: text not found as written: {text[:60]!r}")
    return found


def main(folder: str) -> int:
    found = problems(Path(folder))
    if found:
        print("\n".join(found))
        return 1
    gold = json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8"))
    print(f"OK: {len(gold['claims'])} claims")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
