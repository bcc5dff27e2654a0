"""The accuracy floor: verdict quality on the labelled sets may not fall below tests/quality_floor.json.

Golden files only say that the output did not change; this test says that it did not get worse.
Each figure is micro-averaged over the sets of one provenance (real published coverage, or
articles written here). Raise the floor in the same change that raises a figure.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from claimcheck import evaluate
from tests.conftest import FIXTURES, ROOT, set_report

FLOOR_FILE = ROOT / "tests" / "quality_floor.json"
FLOOR = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))


@cache
def _results() -> tuple[evaluate.SetResult, ...]:
    # the run the golden files check, scored: a set is run once a session
    return tuple(evaluate.score(evaluate.read_set(d), set_report(d)) for d in evaluate.labelled_sets([FIXTURES]))


@pytest.mark.parametrize(
    ("provenance", "figure"),
    [(p, f) for p, figures in sorted(FLOOR.items()) for f in sorted(figures)],
)
def test_figure_stays_above_its_floor(provenance: str, figure: str) -> None:
    group = [r for r in _results() if r.provenance == provenance]
    assert group, f"no {provenance} labelled sets in fixtures/"
    measured = evaluate.total(provenance, group).figures()[figure]
    floor = FLOOR[provenance][figure]
    assert measured is not None and measured >= floor, (
        f"{provenance} {figure} is {measured}, below its floor {floor} in {FLOOR_FILE.name}: "
        "a change made the verdicts worse (run `claimcheck eval fixtures/<set> --misses`)"
    )


def test_every_labelled_set_is_counted() -> None:
    provenances = {r.provenance for r in _results()}
    assert provenances <= set(FLOOR), f"a provenance without a floor: {provenances - set(FLOOR)}"


def test_every_folder_in_fixtures_is_a_labelled_set() -> None:
    # so that `claimcheck eval fixtures/*` measures them all (extractor tables live in tests/data)
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        assert (folder / "gold.json").is_file(), f"{folder.name} is not a labelled set"
        assert evaluate.read_set(folder).provenance in FLOOR, folder.name
