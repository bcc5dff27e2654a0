"""The date extractor against its labelled table (``tests/data/extract/date.json``) and a few
properties: offsets re-quote the text, roles are honoured, contexts tell events apart."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from claimcheck.extract import dates
from claimcheck.model import Kind, Mention, Role
from claimcheck.settings import Settings
from tests.extract._table import assert_requotable, document, load, params

CASES = load("date")


def run(text: str, published: str | None, settings: Settings | None = None) -> list[Mention]:
    return list(dates.extract(document(text, published), settings=settings or Settings()))


@pytest.mark.parametrize("case", params(CASES))
def test_table(case: dict[str, Any]) -> None:
    found = {(m.text, m.value, m.qualifier) for m in run(case["text"], case["published"])}
    expected = {(e["text"], e["value"], e.get("qualifier")) for e in case["expected"]}
    assert found == expected


def test_table_size() -> None:
    assert len(CASES) >= 60
    assert sum(1 for c in CASES if not c["expected"]) >= 15


@pytest.mark.parametrize("case", params(CASES, xfail=False))
def test_offsets_requote_the_source(case: dict[str, Any]) -> None:
    doc = document(case["text"], case["published"])
    mentions = list(dates.extract(doc, settings=Settings()))
    assert_requotable(doc, mentions, Kind.DATE)


@given(st.text(alphabet=st.sampled_from(list("0123456789 -/.,:()JanMyDecTuesdayon\n")),
               max_size=80))  # fmt: skip
@hsettings(max_examples=300, deadline=None)
def test_never_crashes_and_offsets_hold(text: str) -> None:
    doc = document(text, "2022-02-28")
    for m in dates.extract(doc, settings=Settings()):
        assert doc.source.text[m.start : m.end] == m.text


def test_reference_date_setting_stands_in_for_a_missing_publication_date() -> None:
    found = run("The board met on Tuesday.", None, Settings(reference_date=dt.date(2024, 3, 14)))
    assert [(m.text, m.value) for m in found] == [("Tuesday", "2024-03-12")]


def test_publication_date_with_time_is_read() -> None:
    found = run("The board met on Tuesday.", "2024-03-14T09:30:00+01:00")
    assert [m.value for m in found] == ["2024-03-12"]


@pytest.mark.parametrize(
    ("role", "include_captions", "expected"),
    [
        (Role.TITLE, False, ["2024-06-03"]),
        (Role.BODY, False, ["2024-06-03"]),
        (Role.CAPTION, False, []),
        (Role.CAPTION, True, ["2024-06-03"]),
        (Role.FURNITURE, True, []),
    ],
)
def test_roles(role: Role, include_captions: bool, expected: list[str]) -> None:
    doc = document("Refinery workers walk out on June 3", "2024-05-20", role)
    found = dates.extract(doc, settings=Settings(include_captions=include_captions))
    assert [m.value for m in found] == expected


def test_sentence_index_and_source_id() -> None:
    doc = document("The strike ended. Talks resume on 4 June.", "2024-05-20")
    (m,) = dates.extract(doc, settings=Settings())
    assert (m.source_id, m.sentence_index, m.text) == ("t", 1, "4 June")


# The words that tell one event from another: what the match stage compares.
CONTEXTS = [
    pytest.param(
        "A court spokeswoman told journalists the jury would reconvene January 4, followed by "
        "closing arguments on January 6.",
        {"January 4": "jury would reconvene", "January 6": "closing arguments"},
        id="reporting-frame-dropped",
    ),
    pytest.param(
        "Ministers will sign the deal on June 3 and a summit on June 9 will ratify it.",
        {"June 3": "ministers will sign deal", "June 9": "summit will ratify"},
        id="two-events-split-at-and",
    ),
    pytest.param(
        "The port reopened on Monday, and will close again on Friday.",
        {"Monday": "port reopened", "Friday": "port will close again"},
        id="subject-borrowed-when-clause-lacks-one",
    ),
    pytest.param(
        "Earlier this month, the two unions merged.",
        {"Earlier this month": "two unions merged"},
        id="fronted-date-takes-next-clause",
    ),
    pytest.param(
        "Hearings are slated for March 6 and 7 in Vienna.",
        {"March 6": "hearings slated vienna", "7": "hearings slated vienna"},
        id="two-days-share-one-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTEXTS)
def test_context(text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.context for m in run(text, "2024-05-22")}
    assert found == expected


def test_context_leaves_out_date_words() -> None:
    (m,) = run("Tuesday's vote in the regional assembly was delayed.", "2024-03-14")
    assert "tuesday" not in m.context.split()
    assert m.context == "vote regional assembly delayed"


# The example each named pattern's comment gives of what it matches and what it must not
# (the patterns alone: code around them rejects more, as the table above shows).
REGEX_EXAMPLES = [
    ("_ISO_DATE", "2022-02-07", "978-3-16-148410-0"),
    ("_NUMERIC_DATE", "14-03-2024", "202-555-0143"),
    ("_NUMERIC_DATE", "03.02.2022", "08.55"),
    ("_MONTH_DAY", "Feb. 7", "June 2,000"),
    ("_DAY_MONTH", "10 January", "10 Downing Street"),
    ("_MONTH_YEAR", "June 2021", "May 20,000"),
    ("_BARE_MONTH", "in June", "protesters march"),
    ("_BARE_MONTH", "mid-March", "Mayor"),
    ("_BARE_YEAR", "in 2016", "the 1990s"),
    ("_BARE_YEAR", "2016's", "$2016"),
    ("_WEEKDAY_NAME", "last Tuesday", "Tues"),
    ("_DEICTIC_DAY", "yesterday", "today's"),
    ("_RELATIVE_PERIOD", "earlier this month", "last week"),
    ("_AGO", "two days ago", "a few days ago"),
    ("_ANCHORED_DAY", "the next day", "the next week"),
    ("_SEASON", "spring 2021", "springtime"),
    ("_DIGIT", "12", "twelve"),
    ("_NUMERIC_GATE", "03.02", "10 01"),
    ("_YEAR_GATE", "2016", "201"),
    ("_MONTH_GATE", "Jun", "jun"),
    ("_WEEKDAY_GATE", "Monday", "Mon."),
    ("_DEICTIC_GATE", "today", "day"),
    ("_PERIOD_GATE", "month", "mouth"),
    ("_SEASON_GATE", "spring", "sprint"),
    ("_PART_BEFORE", "early ", "earlier "),
    ("_PART_BEFORE", "the end of ", "a man of "),
    ("_WEEKDAY_BEFORE", "Tuesday, ", "Tuesday and "),
    ("_CLOSE_PAREN", ")", ", "),
    ("_WORD_AFTER", " kilometres away", ""),
    ("_SECOND_WORD_AFTER", " financial crisis", " World Cup"),
    ("_CAPITALIZED_BEFORE", "Theresa ", "on "),
    ("_MONTH_AND_BEFORE", "June and ", "bread and "),
    ("_EDGE_OF_BEFORE", "the end of ", "a man of "),
    ("_PART_HYPHEN_BEFORE", "mid-", "A350-"),
    ("_YEAR_AND_BEFORE", "2010 and ", "10 and "),
    ("_SPAN_PARTNER", " and 2000 protesters", " and a half"),
    ("_DURATION_BEFORE", "over the ", "since "),
    ("_NEXT_TOKEN", " the", ","),
    ("_TOKEN", "Kenya's", "06"),
    ("_CLAUSE_BREAK", ",", "."),
    ("_BREAK_WORDS", "while", "butter"),
    ("_RIGHT_BREAK_WORDS", "that", "thatch"),
]


@pytest.mark.parametrize(("name", "matches", "must_not"), REGEX_EXAMPLES)
def test_pattern_examples(name: str, matches: str, must_not: str) -> None:
    pattern = getattr(dates, name)
    assert pattern.search(matches) is not None
    assert pattern.search(must_not) is None
