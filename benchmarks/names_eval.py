"""Names from the parse: spaCy's entities as they come against ``lang.names``, where claimcheck
uses names, on every labelled set.

Run as `python benchmarks/names_eval.py`. Names feed two places: the quotation extractor (which
turns "Smith said" into "Jane Smith" and "she" into the one person she can be) and matching,
which keeps two values apart when their clauses name different persons or organisations.
``lang.names.found`` reads them from the parse: a PERSON span widened over the proper nouns it
touches and stripped of titles, titled runs, and runs the model mislabels but describes as a
person. This script swaps in the plain reading (each PERSON, ORG, GPE and NORP entity as the
model cuts it, titles left in) for the duration of one measurement and prints, for both:

- speaker accuracy on the quotation table (tests/data/extract/quote.json);
- conflicting and corroborated recall and conflicting precision, per provenance and per set,
  with the shipped matcher weights.

The hand-written name finder these replaced (extract/entities.py, deleted in issue 9) measured
0.981 speaker accuracy and the figures README gives for the commit before.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import quotes_eval

from claimcheck import evaluate
from claimcheck.lang import names
from claimcheck.model import Name, Parse, Status

PARSED = names.found
Finder = Callable[..., tuple[Name, ...]]


def plain(parse: Parse, text: str, surnames: frozenset[str] = frozenset()) -> tuple[Name, ...]:
    """The model's entities as it cuts them: PERSON, ORG, and GPE/NORP when they are countries."""
    found = []
    for e in parse.entities:
        words = names.POSSESSIVE.sub("", e.text).removeprefix("the ").split()
        if not words:
            continue
        iso = names.country_code(" ".join(words))
        if iso is not None:
            found.append(Name("country", f"country:{iso.lower()}", " ".join(words), e.start, e.end))
        elif e.label == "PERSON":
            display = names.person_display(words)
            found.append(Name("person", f"person:{names.person_key(display)}", display, e.start, e.end))
        elif e.label == "ORG":
            key = names.acronym_of(words[0]).lower() if len(words) == 1 else names.initials(words)
            found.append(Name("org", f"org:{key}", " ".join(words), e.start, e.end))
    return tuple(found)


def measure(finder: Finder) -> dict[str, float | int | None]:
    names.found = finder  # type: ignore[assignment]
    try:
        cases = json.loads(quotes_eval.TABLE.read_text(encoding="utf-8"))
        scores, _ = quotes_eval.evaluate(cases)
        figures: dict[str, float | int | None] = {"quotation table: speaker accuracy": scores["speaker_accuracy"]}
        results = list(evaluate.evaluate([ROOT / "fixtures"]))
        for provenance in ("published", "invented"):
            group = [r for r in results if r.provenance == provenance]
            for figure, value in evaluate.total(provenance, group).figures().items():
                figures[f"{provenance} ({len(group)} sets): {figure}"] = value
        for result in results:
            figures[f"{result.name}: conflict_recall"] = result.recall(Status.CONFLICTING)
            figures[f"{result.name}: conflict_precision"] = result.precision(Status.CONFLICTING)
            figures[f"{result.name}: corroborated_recall"] = result.recall(Status.CORROBORATED)
        return figures
    finally:
        names.found = PARSED  # type: ignore[assignment]


def main() -> None:
    entities, parsed = measure(plain), measure(PARSED)
    print("| measure | spaCy entities as cut | `lang.names` (the parse) |")
    print("|---|---:|---:|")
    for key in parsed:
        a, b = entities.get(key), parsed[key]
        # Totals always; a set only where the two differ.
        if key.startswith(("quotation", "published", "invented")) or a != b:
            print(f"| {key} | {_fmt(a)} | {_fmt(b)} |")


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


if __name__ == "__main__":
    main()
