"""The number extractor against its labelled table (``tests/data/extract/number.json``) and a few
properties: offsets re-quote the text, roles are honoured, values are plain decimals."""

from __future__ import annotations

import doctest
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from claimcheck import extract
from claimcheck.extract import numbers
from claimcheck.model import Kind, Mention, Role
from claimcheck.settings import Settings
from tests.extract._table import assert_requotable, document, load, params

CASES = load("number")
VALUE = re.compile(r"^\d+(?:\.\d+)?(?:\.\.\d+(?:\.\d+)?)?$|^\d+-\d+$")  # a decimal, a range, a score


def run(text: str, settings: Settings | None = None, role: Role = Role.BODY) -> list[Mention]:
    return list(numbers.extract(document(text, role=role), settings=settings or Settings()))


@pytest.mark.parametrize("case", params(CASES))
def test_table(case: dict[str, Any]) -> None:
    # A value in a list takes its label as scope ("Chile: 12"); rows say so with "scope".
    found = {(m.text, m.value, m.unit, m.qualifier, m.scope) for m in run(case["text"])}
    expected = {
        (e["text"], e["value"], e["unit"], e["qualifier"], tuple(e.get("scope", ()))) for e in case["expected"]
    }
    assert found == expected


def test_table_size() -> None:
    assert len(CASES) >= 30
    assert sum(1 for c in CASES if not c["expected"]) >= 10


@pytest.mark.parametrize("case", params(CASES, xfail=False))
def test_offsets_requote_the_source(case: dict[str, Any]) -> None:
    doc = document(case["text"], case["published"])
    mentions = list(numbers.extract(doc, settings=Settings()))
    assert_requotable(doc, mentions, Kind.NUMBER)
    for m in mentions:
        assert VALUE.match(m.value), m.value


def test_offsets_count_from_the_start_of_the_source() -> None:
    (m,) = run("Markets were calm. Rescuers found 14 survivors.")
    assert (m.text, m.start, m.end, m.sentence_index) == ("14 survivors", 34, 46, 1)


def test_context_is_the_clause_without_the_number() -> None:
    (m,) = run("Officials said some 40,000 troops had been moved, while talks continued.")
    assert m.context == "officials said had moved"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Boeing 767-300 landed safely with 210 passengers.", ["210"]),
        ("An Airbus 330-200 was diverted with 180 people aboard.", ["180"]),
        ("The hosts won the final after beating the visitors 3-2 on penalties.", ["3-2"]),
        # "Chile 4-2" is a product to the model: below 100, a result all the same
        ("They reached the final after beating Chile 4-2 on penalties.", ["4-2"]),
        ("The House voted 315-110 to pass the bill.", ["315-110"]),
    ],
)
def test_a_model_number_is_no_score(text: str, expected: list[str]) -> None:
    # The parse names the product; a result written after a team stays a result.
    found = numbers.extract(document(text, parsed=True), settings=Settings())
    assert [m.value for m in found if isinstance(m, Mention)] == expected


def test_captions_only_when_asked_and_furniture_never() -> None:
    text = "Rescuers carry one of the 30 survivors to safety."
    assert run(text, role=Role.CAPTION) == []
    captions = Settings(include_captions=True)
    assert [m.value for m in run(text, captions, Role.CAPTION)] == ["30"]
    assert run(text, captions, Role.FURNITURE) == []


def test_docstring_examples() -> None:
    result = doctest.testmod(numbers)
    assert result.attempted > 0 and result.failed == 0


@given(
    st.text(alphabet=st.sampled_from(list("0123456789 ,.-/%$€£½mkbnof twoandahlf")), max_size=60)
)
@hsettings(max_examples=300, deadline=None)
def test_never_crashes_and_offsets_hold(text: str) -> None:
    doc = document(text)
    for m in numbers.extract(doc, settings=Settings()):
        assert doc.source.text[m.start : m.end] == m.text
        assert VALUE.match(m.value), m.value


def test_the_extract_stage_leaves_a_quoted_figure_to_its_quotation() -> None:
    text = (
        'The fire killed 14 people, officials said. "We saw at least 30 people trapped on the roof '
        'of the building," a neighbour told reporters.\n'
    )
    found = extract.extract(document(text, parsed=True), settings=Settings()).mentions
    assert [m.text for m in found if m.kind is Kind.NUMBER] == ["14 people"]
    assert any(m.kind is Kind.QUOTE and "30 people" in m.text for m in found)
    # the numbers extractor itself still reads it: the stage, which sees every kind, drops it
    assert "at least 30 people" in [m.text for m in run(text)]


@pytest.mark.parametrize(
    "text, figure",
    [
        ('Police said the blast killed "at least 30" people.', "at least 30"),  # the figure is the quotation
        ('The ministry put the toll at "40 dead" on Tuesday.', "40"),  # a scare quote
    ],
)
def test_a_figure_that_is_most_of_its_quotation_stays_a_figure(text: str, figure: str) -> None:
    found = extract.extract(document(text, parsed=True), settings=Settings()).mentions
    assert figure in [m.text for m in found if m.kind is Kind.NUMBER]
