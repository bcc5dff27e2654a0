"""The table renderer: what a reader sees of each claim."""

from __future__ import annotations

import io
from functools import cache

from rich.console import Console

from claimcheck import judge, pipeline
from claimcheck.model import Report, Status
from claimcheck.report import table
from claimcheck.settings import Settings
from tests.conftest import FIXTURES


@cache
def trial_conflicts() -> Report:
    settings = Settings(statuses=frozenset({Status.CONFLICTING}))
    return pipeline.check([str(FIXTURES / "trial" / "articles")], settings)


def test_a_conflict_shows_one_sentence_per_value_before_the_rest() -> None:
    # issue 12, bug 5: the venue conflict showed four sentences for Johannesburg (one source
    # twice) and "… and 2 more", hiding the one sentence that says Pretoria.
    for verdict in trial_conflicts().verdicts:
        shown, _hidden = table.evidence_mentions(verdict, limit=4)
        groups = judge.value_groups(verdict.claim.mentions)
        for group in groups[:4]:
            assert any(m in group for m in shown), (verdict.claim.kind, group[0].value)
        sources = [m.source_id for m in shown]
        if len(set(sources)) < len(sources):  # a source twice only when none is hidden
            assert set(sources) == {m.source_id for m in verdict.claim.mentions}


def test_the_venue_conflict_names_the_dissent_in_its_evidence() -> None:
    report = trial_conflicts()
    (venue,) = [v for v in report.verdicts if v.claim.kind.value == "venue"]
    shown, _hidden = table.evidence_mentions(venue, limit=4)
    assert "Pretoria" in " ".join(m.text for m in shown)
    out = io.StringIO()
    table.render(report, Console(file=out, width=100, color_system=None))
    assert "[e_citizen]" in out.getvalue()
