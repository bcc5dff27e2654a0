"""The fact-key table of real-news values (tests/data/facts, issue 9 item 4) keeps its accuracy.

The floors are the figures measured when the key was last improved (README "Fact keys"); the
comparison rules and the per-row details are in tests/data/facts/README.md and
benchmarks/facts_eval.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# Per field, over all rows (worked-on and held-out together).
FLOORS = {"attribute": 0.91, "scope": 0.90, "time": 0.95, "authority": 0.91}


def _eval() -> Any:
    spec = importlib.util.spec_from_file_location(
        "facts_eval", ROOT / "benchmarks" / "facts_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["facts_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_the_table_is_well_formed() -> None:
    evaluate = _eval()
    rows = evaluate.load()
    assert len(rows) >= 80 and len({r["id"] for r in rows}) == len(rows)
    assert {r["kind"] for r in rows} == {"number", "date", "venue", "quote"}
    for row in rows:
        text = (ROOT / row["article"]).read_text(encoding="utf-8")
        assert row["text"] in text and row["value"] in row["text"], row["id"]
        assert set(row["expected"]) == set(evaluate.FIELDS) and all(row["expected"].values()), row[
            "id"
        ]


def test_fact_keys_hold_their_floor(nlp: Any) -> None:
    evaluate = _eval()
    accuracy = evaluate.accuracy(evaluate.evaluate())
    assert {f: round(a, 3) for f, a in accuracy.items() if a < FLOORS[f]} == {}
