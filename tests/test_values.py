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
        # "about" gives a figure rounded: to its last digits, and by 5% at most
        (number("290", "kilometer", "about"), number("288", "kilometer"), True),
        (number("550", "kilometer", "about"), number("565", "kilometer"), False),
        (number("30", "mile", "about"), number("35", "mile", "about"), False),
        (number("93", "kilometer", "about"), number("91", "kilometer"), False),
        (number("3800", qualifier="about"), number("3895"), False),
        (number("100000"), number("175000"), False),
        (
            number("3", "hour"),
            number("2", "hour", "more than"),
            False,
        ),  # three hours vs more than two
        # one count named by two nouns can be one fact ("100,000 troops", "100,000 people");
        # whether it is, the matcher decides
        (number("100000"), number("100000", unit="person"), True),
        (number("100000"), number("100000", unit="kilometer"), False),  # a count is not a distance
        (number("10", "USD"), number("10", "EUR"), False),
        (number("54", "percent"), number("54", "percent of vote"), True),
        # a figure rounded for the reader agrees with the precise one, not with its neighbour
        (number("9.79", "second"), number("9.789", "second"), True),
        (number("9.79", "second"), number("9.80", "second"), False),
        (Mention(Kind.NUMBER, "11500000000", "$11.5 billion", 0, 13, unit="USD"),
         Mention(Kind.NUMBER, "11460000000", "$11.46 billion", 0, 14, unit="USD"), True),
        (Mention(Kind.NUMBER, "11500000000", "$11.5 billion", 0, 13, unit="USD"),
         Mention(Kind.NUMBER, "11400000000", "$11.4 billion", 0, 13, unit="USD"), False),
        # a scaled figure gives an exact tally rounded or cut at its last decimal ("5.63
        # million" of 5,634,915 votes, "2.29 million" of 2,299,767); a rounded one only rounded
        (Mention(Kind.NUMBER, "5630000", "5.63 million", 0, 12), number("5634915", None), True),
        (Mention(Kind.NUMBER, "2290000", "2.29 million", 0, 12), number("2299767", None), True),
        (Mention(Kind.NUMBER, "2290000", "2.29 million", 0, 12), number("2301000", None), False),
        (Mention(Kind.NUMBER, "2290000", "2.29 million", 0, 12), number("2284000", None), False),
        (number("9.79", "second"), number("9.798", "second"), False),  # nor against a figure not exact
        (Mention(Kind.NUMBER, "1500000", "1.5 million", 0, 11), number("1590000", None), False),
        (Mention(Kind.NUMBER, "3600000", "about 3.6 million", 0, 17, qualifier="about"), number("3690466", None), True),
        (Mention(Kind.NUMBER, "2290000", "up to 2.29 million", 0, 18, qualifier="up to"), number("2299767", None), False),
        # "up to" gives a maximum: two maximums differ, and the maximum agrees with itself
        (Mention(Kind.NUMBER, "120", "up to 120 km/h", 0, 14, unit="kilometer per hour", qualifier="up to"),
         Mention(Kind.NUMBER, "135", "up to 135 km/h", 0, 14, unit="kilometer per hour", qualifier="up to"), False),
        (Mention(Kind.NUMBER, "135", "up to 135 km/h", 0, 14, unit="kilometer per hour", qualifier="up to"),
         number("135", "kilometer per hour"), True),
        (Mention(Kind.NUMBER, "1234567.8", "1,234,567.8", 0, 11), number("1234568", None), False),
        (Mention(Kind.NUMBER, "53300000000", "$53.3 billion", 0, 13, unit="USD"),
         Mention(Kind.NUMBER, "53390000000", "$53.39 billion", 0, 14, unit="USD"), False),
        # a share in whole percent is rounded ("35%" of the vote and "35.41%"), a count is not
        (number("35", "percent"), number("35.41", "percent"), True),
        (number("38", "percent"), number("38.57", "percent"), False),
        (number("13", "percent"), number("12.6", "percent"), True),
        (number("35"), number("35.4"), False),
        (number("10000..99999"), number("50000"), True),  # tens of thousands
        (number("10000..99999"), number("175000"), False),
    ],
)
def test_numbers_compatible(a: Mention, b: Mention, expected: bool) -> None:
    assert values.comparable(a, b) is (values.dimension(a) == values.dimension(b))
    assert values.numbers_compatible(a, b) is expected
    assert values.numbers_compatible(b, a) is expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("300", None, "count"),
        ("300", "person", "count"),
        ("300", "passenger", "count"),
        ("1500000", None, "count"),  # "1.5 million"
        ("7.4", None, "figure"),  # "a 7.4 quake": no count of anything
        ("54", "percent", "percent"),
        ("54.28", "percent of vote", "percent"),
        ("5", "USD", "USD"),
        ("10", "kilometer", "length"),  # what a unit of defined size measures
        ("6", "mile", "length"),
        ("7.4", "magnitude", "magnitude"),
        ("2", "year", "year"),
    ],
)
def test_dimension(value: str, unit: str | None, expected: str) -> None:
    assert values.dimension(Mention(Kind.NUMBER, value, value, 0, len(value), unit=unit)) == expected


def test_every_unit_of_the_lexicon_is_its_own_dimension_or_what_it_measures_or_a_share() -> None:
    from claimcheck import lang
    from claimcheck.extract.numbers import UNIT_BEFORE

    for unit in {*lang.units(), *UNIT_BEFORE.values()}:
        found = values.dimension(Mention(Kind.NUMBER, "1", "1", 0, 1, unit=unit))
        measured = lang.units()[unit]
        expected = "percent" if measured == "share" else measured if unit in lang.unit_sizes() else unit
        assert found == expected, unit


def test_the_number_extractor_names_units_as_the_lexicon_does() -> None:
    from claimcheck import lang
    from claimcheck.extract.numbers import UNIT_WORDS

    assert set(UNIT_WORDS.values()) <= set(lang.units())


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
        # a body's name spelled out or given by its initials, possessive or not
        ("we assist the wbas inquiry into it", "we assist the western boxing associations inquiry into it", True),
        ("the un will act on this now", "the united nations will act on this now", True),
        ("the un will act on this now", "the usa will act on this now", False),
        ("we like us for it", "we like units for it", False),  # one word is no name spelled out
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
        ("and said its ok its ok over and over", "and said its okay its okay over and over", True),
        ("we will not sign", "we will sign", False),  # negation changes the meaning
        ("the judgment is wrong on the law", "the judgment is wrong on the facts", False),
        ("the rapist was caught", "therapist was caught", False),  # too short to join words
        # light words swapped: an article, a preposition, the tense of "to be"
        ("the vote is a true reflection of the will of voters", "the vote was the true reflection of the will of voters", True),
        ("the findings will be published within the month", "findings are published within the month", True),
        ("grateful for the support of our neighbours", "grateful of the support of our neighbours", True),
        ("we have a sick child at home", "we have sick children at home", False),  # a content word changed
        ("we were not told of the risk", "we were told of the risk", False),  # a negation is never light
        ("in the", "of a", False),  # nothing but light words is no statement
        # an inflection or a demonstrative, as translations and transcripts give them
        ("This damage and loss is very large", "The damage and losses are very large", True),
        ("the damage and losses are very large", "the damage and lives are very large", False),
        # a few words one transcript keeps and another leaves out, with contractions expanded
        ("we know its time to act given the progress weve made on prices", "we know it is time to act given the progress on prices", True),
        ("but i will say were encouraged by the progress", "but i have to say though were encouraged by the progress", True),
        ("a concert what should have been a joyful celebration", "a concert a joyful celebration", False),  # a modal
        ("the ministry failed the families of the victims", "the ministry never failed the families of the victims", False),
        ("the fire killed 12 people in the old town", "the fire killed people in the old town", False),  # a number
        ("this is not the start of a new cycle of cuts", "this is not necessarily the start of a new cycle of cuts", False),
        # Two transcripts of a long statement may give another word for one (a translation's
        # "lorry" for "truck"), and misspell one; never a unit, a day or an outcome.
        (
            "a man jumped into the cab and drove off with the truck while the driver was unloading",
            "a man jumped into the cab and drove off with the lorry while the driver unloaded",
            True,
        ),
        (
            "we told people to keep away from the river banks but people gathered on the bridge to watch the flood",
            "people gathered on the old bridge to watch the flood",  # the second "people", and a word added
            True,
        ),
        (
            "prices have risen by more than 2 percentage points since the spring and will keep rising",
            "prices have risen by more than 2 percent since the spring and will keep rising",
            False,
        ),
        (
            "the council expects the new bridge to open to traffic on monday after three years of work",
            "the council expects the new bridge to open to traffic on tuesday after three years of work",
            False,
        ),
        (
            "the storm tore the roof off our school and flooded every classroom but we will win",
            "the storm tore the roof off our school and flooded every classroom but we will lose",
            False,
        ),
        ("workers protested outside the ministry", "workers protected outside the ministry", False),
    ],
)
def test_quotations_transcribed_differently_are_one_statement(a: str, b: str, same: bool) -> None:
    assert values.quotes_compatible(a, b) is same
    assert values.quotes_compatible(b, a) is same


LONG = "{} the bill because it protects families in every town across the region"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("we voted for", "we voted against"),  # a direction
        ("he voted for", "she voted for"),  # who did it
        ("prices increased for", "prices decreased for"),  # an outcome, inflected
        ("four people were killed by", "four people were injured by"),  # a fate
        ("we will spend 10m on", "we will spend 20m on"),  # a figure with a letter
        ("next spring we vote on", "next autumn we vote on"),  # a season
        ("forty acres burned over", "forty hectares burned over"),  # a unit
        ("the north voted for", "the south voted for"),  # a compass point
        ("the northern towns voted for", "the southern towns voted for"),  # ...and its adjective
        ("the minister denied", "the minister confirmed"),  # an outcome, "deny" inflected
        ("prices have risen for", "prices have fallen for"),  # irregular forms, listed
    ],
)
def test_a_transcript_never_swaps_what_changes_the_statement(one: str, other: str) -> None:
    assert not values.quotes_compatible(LONG.format(one), LONG.format(other))


@pytest.mark.parametrize(
    ("canonical", "other", "added", "dropped"),
    [
        (
            "a man jumped into the cab and drove off with the truck while the driver was unloading",
            "a man jumped into the cab and drove off with the lorry while the driver unloaded",
            ("lorry",),
            ("truck",),
        ),
        (  # the canonical quotation is the partial one: the rest of the other is not "added"
            "we will rebuild the harbour wall before the winter storms return",
            "as i told the families we will rebuild the harbour wall before the winter gales return to the coast",
            ("gales",),
            ("storms",),
        ),
        (  # a contraction is no added negation
            "we dont know if the wall will hold against the sea this winter and we are worried",
            "we do not know if the wall will hold against the sea this winter and we are concerned",
            ("concerned",),
            ("worried",),
        ),
    ],
)
def test_the_words_a_transcript_swaps_are_named(
    canonical: str, other: str, added: tuple[str, ...], dropped: tuple[str, ...]
) -> None:
    assert values.reworded(values.quote_words(canonical), values.quote_words(other)) == (added, dropped)


def test_a_figure_written_with_decimals_is_no_count() -> None:
    assert values.dimension(Mention(Kind.NUMBER, "7", "7.0", 0, 3)) == "figure"  # "a magnitude of 7.0"
    assert values.dimension(Mention(Kind.NUMBER, "1500000", "1.5 million", 0, 11)) == "count"


def test_two_excerpts_of_one_statement_are_compatible() -> None:
    said = "the storm tore the roof off our school and flooded every classroom"
    assert values.quotes_compatible(f"{said} we have nowhere to teach", f"{said} the children are safe though")
    assert values.quotes_compatible(f"as i told the mayor {said}", f"{said} the children are safe though")


def test_a_wording_changed_beside_a_shared_run_is_not_an_excerpt() -> None:
    said = "the storm tore the roof off our school and flooded every classroom"
    assert not values.quotes_compatible(f"{said} and we will reopen", f"{said} and we will not reopen")
    assert not values.quotes_compatible(f"{said} we will win", f"{said} we will lose")
    assert not values.quotes_compatible(f"we will not say {said}", f"we will say {said}")


@pytest.mark.parametrize(
    ("a", "b", "comparable"),
    [
        (("6.6", None, "6.6"), ("6.6", "magnitude", "magnitude 6.6"), True),  # a reading without its unit
        (("9.79", None, "9.79"), ("9.79", "second", "9.79 seconds"), True),
        (("6.6", None, "6.6"), ("66", None, "66"), False),  # a reading is no count
        (("6.6", None, "6.6"), ("5", "USD", "$5"), False),  # nor money
        (("6.6", None, "6.6"), ("6.6", "percent", "6.6%"), False),  # nor a share
        (("0.25", None, "0.25"), ("7-2", "score", "7-2"), False),  # nor a score
    ],
)
def test_a_bare_figure_meets_the_measures(
    a: tuple[str, str | None, str], b: tuple[str, str | None, str], comparable: bool
) -> None:
    def mention(value: str, unit: str | None, text: str) -> Mention:
        return Mention(Kind.NUMBER, value, text, 0, len(text), unit=unit)

    assert values.comparable(mention(*a), mention(*b)) is comparable


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (("12", "kilometer", "12"), ("7.5", "mile", "7.5"), True),  # a conversion, rounded
        (("400", "meter", "400"), ("1312", "foot", "1,312"), True),
        (("10", "kilometer", "10"), ("6.2", "mile", "6.2"), True),
        (("140", "kilometer", "140"), ("65", "mile", "65"), False),  # 105 km
        (("430", "foot", "430"), ("400", "meter", "400"), False),  # a foot slipped for a metre
        (("5", "kilogram", "5"), ("5", "kilometer", "5"), False),  # a mass is no length
    ],
)
def test_values_in_two_units_of_one_dimension_compare_once_converted(
    a: tuple[str, str, str], b: tuple[str, str, str], compatible: bool
) -> None:
    def mention(value: str, unit: str, text: str) -> Mention:
        return Mention(Kind.NUMBER, value, text, 0, len(text), unit=unit)

    assert values.numbers_compatible(mention(*a), mention(*b)) is compatible


def test_a_day_apart_is_near_and_decades_apart_is_far() -> None:
    from claimcheck.match import _day_gap

    def date(value: str) -> Mention:
        return Mention(Kind.DATE, value, value, 0, len(value))

    assert _day_gap(date("2019-12-11"), date("--12-12")) == pytest.approx(0.1, abs=0.001)
    assert _day_gap(date("2019-12-11"), date("2019-12")) == 0.0  # the day lies in the month
    assert 0.8 < _day_gap(date("2015"), date("2016")) < 0.9
    assert _day_gap(date("1968"), date("2006")) == 1.0
    assert _day_gap(date("--12-11"), date("--12-12")) == 0.0  # no year to place them


def test_two_maximums_may_still_be_one_fact_when_matching() -> None:
    """Matching reads "up to" as loosely as before: two outlets' maximums of one gust meet, and
    judging then shows the two values."""
    a = number("120", "kilometer per hour", "up to")
    b = number("135", "kilometer per hour", "up to")
    assert values.numbers_compatible(a, b, loose=True)
    assert not values.numbers_compatible(a, b)
