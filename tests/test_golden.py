"""Golden files: the JSON report of each fixture set, byte for byte.

Regenerate with `pytest tests/test_golden.py --update-goldens` and review the diff in git.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.report.json import render
from tests.conftest import FIXTURES, set_report, validate_report

SETS = sorted(p.parent for p in FIXTURES.glob("*/gold.json"))


@pytest.mark.parametrize("set_dir", SETS, ids=[p.name for p in SETS])
def test_report_matches_golden_file(set_dir: Path, update_goldens: bool) -> None:
    text = render(set_report(set_dir))
    validate_report(json.loads(text))
    expected = set_dir / "expected.json"
    if update_goldens or not expected.exists():
        expected.write_text(text, encoding="utf-8")
        if not update_goldens:
            pytest.fail(f"wrote missing golden file {expected}; review and commit it")
    assert text == expected.read_text(encoding="utf-8")
