"""The table renderer: what a reader sees of each claim."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from rich.console import Console

from claimcheck import pipeline, values
from claimcheck.model import Kind, Report, Status
from claimcheck.report import table
from claimcheck.report.ids import evidence_mentions, short_ids
from claimcheck.report.safe import UNPRINTABLE
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
        shown, _hidden = evidence_mentions(verdict, limit=4)
        groups = values.value_groups(verdict.claim.mentions, values.agreeing(verdict.claim.kind))
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


def test_a_quotation_worded_differently_shows_the_words_it_swaps() -> None:
    # The defence lawyer's quotation: one outlet prints "the facts" where the others print "the
    # law"; another transcript's word, corroborated, and the words are marked in its evidence.
    settings = Settings(statuses=frozenset({Status.CORROBORATED}), kinds=frozenset({Kind.QUOTE}))
    report = pipeline.check([str(FIXTURES / "trial" / "articles")], settings)
    out = io.StringIO()
    table.render(report, Console(file=out, width=200, color_system=None))
    assert "[worded differently -law +facts]" in out.getvalue()


ASCII_A = """Ministers to meet in Lisbon on March 12

14 March 2024

Trade ministers from the European Union will meet in Lisbon on March 12 to discuss tariffs on steel, officials said after a long and difficult week of preparatory talks between the delegations of the member states and the commission in Brussels.
"We will not accept new tariffs on steel from anywhere at all," said Ana Duarte, the Portuguese minister for trade and industry.
"""
ASCII_B = """EU trade ministers gather in Porto

14 March 2024

Trade ministers from the European Union will meet in Lisbon on March 19 to discuss tariffs on steel, diplomats said.
"We will not accept any new tariffs on steel," said Ana Duarte.
"""


def test_off_a_terminal_the_table_draws_in_ascii(tmp_path: Path) -> None:
    # issue 12, bug 7: the plain table held —, …, ← and curly quotes of its own.
    (tmp_path / "a.txt").write_text(ASCII_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ASCII_B, encoding="utf-8")
    report = pipeline.check([str(tmp_path)])
    assert any(v.status is Status.CONFLICTING for v in report.verdicts)
    out = io.StringIO()
    table.render(report, Console(file=out, width=100, color_system=None))
    assert out.getvalue().isascii(), [c for c in out.getvalue() if not c.isascii()]


HOSTILE = (
    "Ministers to meet in Lisbon\x1b]0;owned\x07 on March 12\n\n14 March 2024\n\n"
    "Trade ministers will meet in Lisbon on March 12 to discuss\x1b[2J tariffs on steel, officials said.\n"
    '"We will not accept\x9b2J new tariffs on steel from anywhere," said Ana\u202e Duarte.\n'
)


def _hostile_report(tmp_path: Path) -> Report:
    (tmp_path / "a\x1b[31m.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HOSTILE.replace("March 12", "March 19"), encoding="utf-8")
    return pipeline.check([str(tmp_path)])


def _assert_harmless(text: str) -> None:
    assert not UNPRINTABLE.search(text), [c for c in text if UNPRINTABLE.match(c)]


def test_control_characters_in_articles_never_reach_the_table(tmp_path: Path) -> None:
    # issue 12, hostile 9: ESC sequences in article text reached the table and Markdown.
    report = _hostile_report(tmp_path)
    out = io.StringIO()
    table.render(report, Console(file=out, width=100, color_system=None))
    _assert_harmless(out.getvalue())
    # shown escaped, not dropped: the headline's and the quotation's sequences (which sentence a
    # claim shows as evidence is the matcher's choice, so the test reads two that any shows)
    assert "\\x1b]0;owned\\x07" in out.getvalue() and "\\x9b2J" in out.getvalue()


def test_control_characters_in_articles_never_reach_markdown_or_explain(tmp_path: Path) -> None:
    from claimcheck.report import explain, markdown

    report = _hostile_report(tmp_path)
    _assert_harmless(markdown.render(report))
    for verdict in report.verdicts:
        out = io.StringIO()
        explain.render(verdict, report, Console(file=out, width=100, color_system=None))
        _assert_harmless(out.getvalue())


def test_each_row_shows_a_short_unique_id_that_explain_takes() -> None:
    # issue 12, friction: the table and Markdown showed no ids, yet explain needs one.
    from claimcheck.report import markdown

    report = pipeline.check([str(FIXTURES / "trial" / "articles")])
    short = short_ids(report)
    every = [v.claim.id for v in (*report.verdicts, *report.omitted)]
    assert len(set(short.values())) == len(every)
    for claim_id, prefix in short.items():
        assert claim_id.startswith(prefix) and len(prefix) >= 6
        assert [i for i in every if i.startswith(prefix)] == [claim_id]
    out = io.StringIO()
    table.render(report, Console(file=out, width=120, color_system=None))
    text = markdown.render(report)
    for verdict in report.verdicts:
        assert short[verdict.claim.id] in out.getvalue()
        assert f"`{short[verdict.claim.id]}`" in text


def test_numbers_are_shown_as_people_write_them() -> None:
    # issue 12, friction: "14300000000 ZAR", "10000..99999 troop", units dropped on conflicts.
    from claimcheck.report import markdown

    report = pipeline.check([str(FIXTURES / "trial" / "articles")], Settings(kinds=frozenset({Kind.NUMBER})))
    out = io.StringIO()
    table.render(report, Console(file=out, width=200, color_system=None))
    text = markdown.render(report)
    for shown in (out.getvalue(), text):
        assert "R410 million" in shown and "R401-million" in shown and "2.4 million surgical masks" in shown
        assert "410000000" not in shown and "2400000" not in shown
