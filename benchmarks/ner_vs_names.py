"""spaCy's NER against claimcheck's hand-written name finder, where claimcheck uses names.

Run as `python benchmarks/ner_vs_names.py`. The name finder (`extract/entities.py`,
`find_names`) feeds two places: the quotation extractor's index of the persons an article
names (which turns "Smith said" into "Jane Smith") and matching, which keeps two values apart
when their clauses name different persons or organisations. This script swaps in spaCy's
PERSON entities for the finder's persons (organisations and countries stay the finder's; an
ORG swap measured worse still, see README) and prints, for both finders:

- speaker accuracy on the quotation table (tests/data/extract/quote.json);
- conflicting and corroborated recall and precision on the development sets.

The swap replaces `entities.find_names` for the duration of the run only.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import json

sys.path.insert(0, str(ROOT / "benchmarks"))
import quotes_eval

from claimcheck import evaluate, lang
from claimcheck.extract import entities as ent
from claimcheck.settings import Settings

SETS = ("quake", "ratecut", "trial", "ceasefire", "flood", "strike", "ferry", "seeds")
HAND = ent.find_names


@functools.cache
def _spacy_persons(text: str) -> tuple[ent.Name, ...]:
    doc = lang.load(Settings().model)(text)
    found = []
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        display = " ".join(ent.POSSESSIVE.sub("", e.text).split())
        if not display or not display[0].isupper():
            continue
        before = text[: e.start_char].split()
        titles = (before[-1].lower(),) if before and ent.role_noun(before[-1]) is not None else ()
        found.append(ent.Name("person", f"person:{ent.person_key(display)}", display, e.start_char, e.end_char, titles))
    return tuple(found)


def spacy_finder(text: str, *, title_case: bool | None = None) -> list[ent.Name]:
    """The hand finder's organisations and countries, spaCy's persons."""
    others = [n for n in HAND(text, title_case=title_case) if n.kind != "person"]
    return sorted([*others, *_spacy_persons(text)], key=lambda n: (n.start, n.end))


def measure(finder: Callable[..., list[ent.Name]]) -> dict[str, float | None]:
    ent.find_names = finder  # type: ignore[assignment]
    try:
        cases = json.loads(quotes_eval.TABLE.read_text(encoding="utf-8"))
        scores, _ = quotes_eval.evaluate(cases)
        figures: dict[str, float | None] = {"quote table: speaker accuracy": scores["speaker_accuracy"]}
        for name in SETS:
            statuses = evaluate.evaluate_set(str(ROOT / "fixtures" / name)).to_dict()["statuses"]
            for status in ("conflicting", "corroborated"):
                figures[f"{name}: {status} recall"] = statuses[status]["recall"]
                figures[f"{name}: {status} precision"] = statuses[status]["precision"]
        return figures
    finally:
        ent.find_names = HAND


def main() -> None:
    hand, spacy = measure(HAND), measure(spacy_finder)
    print("| measure | hand-written finder | spaCy PERSON |")
    print("|---|---:|---:|")
    for key in hand:
        a, b = hand[key], spacy[key]
        print(f"| {key} | {_fmt(a)} | {_fmt(b)} |")


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
