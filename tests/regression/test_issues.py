"""Regression cases keyed by issue number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimcheck

# Issue 12, hostile 4: out-of-range values are not claims; they never stop a run, and each is
# skipped with a warning that names it.
OUT_OF_RANGE = pytest.mark.parametrize(
    ("text", "reference_date"),
    [
        ("The firm lost " + "9" * 5_000 + " dollars on Tuesday.", None),
        ("The firm lost $" + "1" * 4_301 + " last year.", "2024-03-14"),
        ("The talks resume tomorrow, he said.", "9999-12-31"),
        ("The talks ended yesterday, he said.", "0001-01-01"),
        ("The vote is due next year, he said.", "9999-06-01"),
        ("The vote was held last year, he said.", "0001-06-01"),
        ("The rally is planned for next month, he said.", "9999-12-15"),
    ],
    ids=["5000 digits", "4301 digits", "tomorrow from 9999-12-31", "yesterday from 0001-01-01",
         "next year from 9999", "last year from 0001", "next month from 9999-12"],
)  # fmt: skip


@OUT_OF_RANGE
def test_issue_12_out_of_range_values_are_skipped(text: str, reference_date: str | None) -> None:
    mentions = claimcheck.extract_claims(text, reference_date=reference_date)
    for mention in mentions:
        if mention.kind is claimcheck.Kind.DATE:
            year = mention.value.split("-")[0]
            assert year == "" or 1 <= int(year) <= 9999, mention.value
            assert len(year) in (0, 4), mention.value
        if mention.kind is claimcheck.Kind.NUMBER:
            assert len(mention.value) < 40, mention.value[:50]


@OUT_OF_RANGE
def test_issue_12_out_of_range_values_are_warned_about(
    tmp_path: Path, text: str, reference_date: str | None
) -> None:
    from tests.conftest import validate_report

    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    report = claimcheck.check([str(tmp_path)], reference_date=reference_date)
    (warning,) = [w for w in report.warnings if "out of range" in w or "outside the years" in w]
    assert warning.startswith(f"{tmp_path / 'a.txt'}: characters ") and warning.endswith("; skipped")
    validate_report(json.loads(claimcheck.report_json(report)))
    assert warning in json.loads(claimcheck.report_json(report))["warnings"]


def test_issue_12_out_of_range_warnings_reach_stderr(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    (tmp_path / "a.txt").write_text("The talks resume tomorrow. They lost $" + "1" * 4_301 + ".\n", encoding="utf-8")
    result = run_cli(["run", str(tmp_path / "a.txt"), "--reference-date", "9999-12-31", "--json"])
    assert "\n".join(json.loads(result.stdout)["warnings"]) in result.stderr.replace("claimcheck: warning: ", "")
    assert 'the date "tomorrow" counted from 9999-12-31 is outside the years 0001 to 9999; skipped' in result.stderr
    assert "a number of 4,301 digits is out of range (at most 31); skipped" in result.stderr


RELATIVE = (
    "Talks resume tomorrow in Geneva, he said. They ended yesterday. The vote is next year and "
    "was last year. A summit is next month, and one was last month. It opens next week on Monday, "
    "and closed last Friday. In December the deal was signed; in January it lapses.\n"
)


@pytest.mark.parametrize("reference_date", ["9999-12-31", "0001-01-01", "9999-12-01"])
def test_issue_12_a_run_at_the_ends_of_the_calendar(tmp_path: Path, reference_date: str) -> None:
    from tests.conftest import validate_report

    folder = tmp_path
    (folder / "a.txt").write_text(RELATIVE, encoding="utf-8")
    (folder / "b.txt").write_text(RELATIVE.replace("Talks", "Negotiations"), encoding="utf-8")
    report = claimcheck.check([str(folder)], reference_date=reference_date)
    validate_report(json.loads(claimcheck.report_json(report)))


# Issue 12, hostile 8: invisible characters inside quoted words are not an alteration.
QUOTED = 'The minister spoke on Tuesday. "We will rebuild every school before the winter comes," Ana Duarte said.\n'


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200d"])
def test_issue_12_an_invisible_character_in_a_quotation_is_no_conflict(tmp_path: Path, invisible: str) -> None:
    (tmp_path / "a.txt").write_text(QUOTED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(QUOTED.replace("rebuild", f"re{invisible}build"), encoding="utf-8")
    report = claimcheck.check([str(tmp_path)], kinds=["quote"])
    (verdict,) = report.verdicts
    assert verdict.status is claimcheck.Status.CORROBORATED
    assert {d.kind for d in verdict.differences} <= {"verbatim", "cosmetic"}
    for mention in verdict.claim.mentions:  # offsets still point into the original text
        source = next(s for s in report.sources if s.id == mention.source_id)
        assert source.text[mention.start : mention.end] == mention.text
