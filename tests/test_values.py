"""Value semantics: compatible is not equal."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import values
from claimcheck.model import Kind, Mention


def number(value: str, unit: str = "troop", qualifier: str | None = None) -> Mention:
    return Mention(Kind.NUMBER, value, value, 0, len(value), unit=unit, qualifier=qualifier)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2022-01-10", "2022-01-10", True),
        ("2022-01", "2022-01-10", True),  # a month and a day in it
        ("--01-10", "2022-01-10", True),  # no year known
        ("2022", "2022-06-16", True),
        ("2022-01-12", "2022-01-13", False),  # another day for the same meeting
        ("2021-06", "2022-06", False),
        ("--01-10", "--01-11", False),
    ],
)
def test_dates_compatible(a: str, b: str, expected: bool) -> None:
    assert values.dates_compatible(a, b) is expected
    assert values.dates_compatible(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (number("100000"), number("100000"), True),
        (number("100000", qualifier="about"), number("100000"), True),
        (number("100000", qualifier="about"), number("95000"), True),
        (number("100000"), number("175000"), False),
        (
            number("3", "hour"),
            number("2", "hour", "more than"),
            False,
        ),  # three hours vs more than two
        (number("100000"), number("100000", unit="person"), False),
        (number("10000..99999"), number("50000"), True),  # tens of thousands
        (number("10000..99999"), number("175000"), False),
    ],
)
def test_numbers_compatible(a: Mention, b: Mention, expected: bool) -> None:
    assert values.numbers_compatible(a, b) is expected
    assert values.numbers_compatible(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Geneva, Switzerland", "Geneva, Switzerland", True),
        ("Geneva, Switzerland", "Switzerland", True),
        ("Geneva, Switzerland", "Vienna, Austria", False),
        ("Geneva, Switzerland", "Zurich, Switzerland", False),
        ("Austria", "Switzerland", False),
    ],
)
def test_places_compatible(a: str, b: str, expected: bool) -> None:
    assert values.places_compatible(a, b) is expected
    assert values.places_compatible(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("we will not sign a deal", "we will not sign a deal", True),
        ("we will not sign a deal that abandons our fishermen", "sign a deal that abandons", True),
        ("we will not sign a deal", "we will never sign a deal", False),
        ("a b c", "a c", False),  # dropped words are not a partial quotation
    ],
)
def test_quotes_compatible(a: str, b: str, expected: bool) -> None:
    assert values.quotes_compatible(a, b) is expected


@given(
    st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=8),
    st.integers(0, 8),
    st.integers(0, 8),
)
def test_every_run_of_a_quotation_is_compatible_with_it(words: list[str], i: int, j: int) -> None:
    whole = " ".join(words)
    part = " ".join(words[min(i, j) : max(i, j)])
    assert values.quotes_compatible(whole, part)


def test_vague_counts_and_datelines_cannot_conflict() -> None:
    assert not values.can_conflict(number("10000..99999"))
    assert values.can_conflict(number("175000"))
    assert not values.can_conflict(replace(number("16"), qualifier="converted"))  # "25 km (16 miles)"
    dateline = Mention(Kind.VENUE, "Geneva, Switzerland", "GENEVA", 0, 6, context="dateline")
    assert not values.can_conflict(dateline)


def date(value: str, text: str) -> Mention:
    return Mention(Kind.DATE, value, text, 0, len(text))


def test_a_bare_weekday_agrees_with_the_same_weekday_a_week_away() -> None:
    # "takes effect at midnight on Sunday": last Sunday or the next one, depending on tense.
    assert values.compatible(date("2024-09-08", "Sunday"), date("2024-09-15", "on Sunday"))
    assert not values.compatible(date("2024-09-08", "Sunday"), date("2024-09-14", "Saturday"))
    assert not values.compatible(date("2024-09-08", "8 September"), date("2024-09-15", "15 September"))
    assert not values.compatible(date("2024-09-08", "Sunday"), date("2024-09-22", "Sunday"))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("strong winds are hampering fire fighting efforts", "strong winds are hampering firefighting efforts", True),
        ("we dont know that it will hold", "we do not know it will hold", True),
        ("i cant say um what happens next", "i can not say what happens next", True),
        ("we will not sign", "we will sign", False),  # negation changes the meaning
        ("the judgment is wrong on the law", "the judgment is wrong on the facts", False),
        ("the rapist was caught", "therapist was caught", False),  # too short to join words
    ],
)
def test_quotations_transcribed_differently_are_one_statement(a: str, b: str, same: bool) -> None:
    assert values.quotes_compatible(a, b) is same
    assert values.quotes_compatible(b, a) is same
