"""Quotations and their speakers: the labelled table in tests/data/extract/quote.json, plus the
invariants every quotation keeps (offsets, value normalization, eligibility)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from claimcheck import lang
from claimcheck.extract import quotes
from claimcheck.lang import spelling
from claimcheck.lang.spelling import to_us
from claimcheck.model import Document, Kind, Mention, Region, Role, Source
from claimcheck.segment import segment
from claimcheck.settings import Settings

TABLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "extract" / "quote.json"
CASES: list[dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))


def build(
    text: str,
    published: str | None = "2024-03-14",
    regions: tuple[Region, ...] | None = None,
    *,
    parsed: bool = True,
) -> Document:
    """A one-source document, parsed as the pipeline parses it (speakers' names come from the
    parse) unless ``parsed`` is False."""
    src = Source(
        id="t",
        path="t.txt",
        text=text,
        published=published,
        regions=regions if regions is not None else (Region(0, len(text), Role.BODY),),
    )
    doc = Document(src, segment(src))
    return lang.parse([doc], settings=Settings())[0] if parsed else doc


def run(text: str, published: str | None = "2024-03-14", **kwargs: Any) -> list[Mention]:
    return list(quotes.extract(build(text, published, **kwargs), settings=Settings()))


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert len({case["id"] for case in CASES}) == len(CASES)
    assert sum(1 for case in CASES if not case["expected"]) >= 5  # traps that expect nothing


@pytest.mark.parametrize("case", _params())
def test_table(case: dict[str, Any]) -> None:
    found = run(case["text"], case["published"])
    got = {(m.text, m.value, m.speaker, m.fragment) for m in found}
    expected = {(e["text"], e["value"], e["speaker"], e["fragment"]) for e in case["expected"]}
    assert got == expected


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_offsets_point_into_the_text(case: dict[str, Any]) -> None:
    doc = build(case["text"], case["published"])
    found = list(quotes.extract(doc, settings=Settings()))
    assert [m.start for m in found] == sorted(m.start for m in found)
    for mention in found:
        assert doc.source.text[mention.start : mention.end] == mention.text
        assert mention.kind is Kind.QUOTE
        assert mention.source_id == "t"
        sentence = doc.sentences[mention.sentence_index]
        assert sentence.start <= mention.start < sentence.end + 1


def test_regex_examples() -> None:
    # Each named pattern matches its documented example and not its counter-example.
    assert quotes.PARAGRAPH_BREAK.search("talks.\nNext") and quotes.PARAGRAPH_BREAK.search("a\n\nb")
    assert not quotes.PARAGRAPH_BREAK.search("held in\nGeneva")
    assert (
        quotes.ELISION.match("’90s")
        and quotes.ELISION.match("'n' roll")
        and quotes.ELISION.match("’em")
    )
    assert not quotes.ELISION.match("‘No deal’")
    assert quotes.INCHES.search("5'10") and not quotes.INCHES.search('"10')
    assert quotes.DOTTED.search("u.s.") and not quotes.DOTTED.search("2.5")
    assert quotes.THOUSANDS.search("1,000") and not quotes.THOUSANDS.search("1, 000")
    assert quotes.PERCENT.search("per cent") and not quotes.PERCENT.search("percentage")
    assert quotes.JOINER.search("that's") and not quotes.JOINER.search("end' ")
    assert quotes.DOUBLE_MARK.search("“") and not quotes.DOUBLE_MARK.search("’")
    assert quotes.SINGLE_MARK.search("‘") and not quotes.SINGLE_MARK.search('"')
    assert quotes.SURNAME.fullmatch("Ngakola") and not quotes.SURNAME.search("he")
    assert quotes.VALUE_JUNK.search("—") and not quotes.VALUE_JUNK.search("2.5")
    assert quotes.FIGURE_GLUE.search("30pm") and not quotes.FIGURE_GLUE.search("1990s 21st 2nd-largest g7")
    assert quotes.CONTEXT_WORD.fullmatch("chile’s") and not quotes.CONTEXT_WORD.search("—")


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (
            "“That’s what co-operation is — about,” she said.",
            "thats what cooperation is about she said",
        ),
        (
            "The U.S. spent $1,000,000 (2.5% of it) on grey paint",
            "the us spent 1000000 2.5 percent of it on gray paint",
        ),
        ("We’ll organise the centre’s programme", "we will organize the centers program"),
        ("rock ’n’ roll in the ’60s", "rock n roll in the 60s"),
        ("Revenue rose 2.5 per cent", "revenue rose 2.5 percent"),
        # a figure glued to its unit is written apart, as another transcript writes it
        ("by 11:30pm the 7.8-magnitude quake", "by 11 30 pm the 7.8 magnitude quake"),
        ("by 11:30 p.m. the 7.8 magnitude quake", "by 11 30 pm the 7.8 magnitude quake"),
        ("the 1990s, the 21st, the G7", "the 1990s the 21st the g7"),
    ],
)
def test_normalize_quote(raw: str, value: str) -> None:
    assert quotes.normalize_quote(raw) == value


@pytest.mark.parametrize(
    ("glued", "apart"),
    [("10a.m.", "10 a.m."), ("11:30p.m.", "11:30 p.m."), ("1,000km", "1,000 km"), ("17per cent", "17 per cent")],
)
def test_a_figure_glued_to_its_unit_reads_as_written_apart(glued: str, apart: str) -> None:
    assert quotes.normalize_quote(glued) == quotes.normalize_quote(apart)


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXY ’'\"“”-—.,%&0123456789é\n")), max_size=60))
def test_normalize_quote_is_idempotent(raw: str) -> None:
    once = quotes.normalize_quote(raw)
    assert quotes.normalize_quote(once) == once


@hsettings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ’'\"“”‘.,:\n—")), max_size=80))
def test_any_marks_never_crash_and_offsets_hold(text: str) -> None:
    doc = build(text)
    for mention in quotes.extract(doc, settings=Settings()):
        assert text[mention.start : mention.end] == mention.text
        assert mention.text.strip() == mention.text


def test_odd_mark_does_not_shift_later_paragraphs() -> None:
    text = (
        'The mayor called it "a start.\n\n'
        'Critics were not impressed. "We disagree," said Oskar Lind.\n\n'
        '"It is too late," said Marta Kovac.'
    )
    found = run(text)
    assert [(m.text, m.speaker) for m in found] == [
        ("We disagree,", "Oskar Lind"),
        ("It is too late,", "Marta Kovac"),
    ]


def test_captions_only_when_asked_and_furniture_never() -> None:
    body = '"The bridge opens on Monday," said Anton Meier.'
    caption = '"A long wait," said a resident.'
    nav = '"Subscribe now," the banner said.'
    text = f"{body}\n{caption}\n{nav}"
    a, b = len(body), len(body) + 1 + len(caption)
    regions = (
        Region(0, a, Role.BODY),
        Region(a + 1, b, Role.CAPTION),
        Region(b + 1, len(text), Role.FURNITURE),
    )
    doc = build(text, regions=regions)
    default = [m.text for m in quotes.extract(doc, settings=Settings())]
    assert default == ["The bridge opens on Monday,"]
    with_captions = [m.text for m in quotes.extract(doc, settings=Settings(include_captions=True))]
    assert with_captions == ["The bridge opens on Monday,", "A long wait,"]


def test_title_region_is_eligible() -> None:
    title = "Mayor vows 'no new taxes'"
    text = f"{title}\nThe budget was published on Friday."
    regions = (Region(0, len(title), Role.TITLE), Region(len(title) + 1, len(text), Role.BODY))
    found = run(text, regions=regions)
    assert [(m.text, m.fragment) for m in found] == [("no new taxes", False)]


def test_context_holds_the_words_outside_the_quote() -> None:
    (mention,) = run(
        '"We will reopen the pier," harbour master Ewa Nowak told reporters in Gdynia.'
    )
    words = mention.context.split()
    assert "gdynia" in words and "reporters" in words and "nowak" in words
    assert "pier" not in words and "said" not in words


def test_empty_document() -> None:
    assert run("") == []


@pytest.mark.parametrize(
    ("uk", "us"),
    [
        ("colour", "color"),
        ("favourites", "favorites"),
        ("behavioural", "behavioral"),
        ("four", "four"),
        ("hours", "hours"),
        ("tourist", "tourist"),
        ("pour", "pour"),
        ("organise", "organize"),
        ("realisation", "realization"),
        ("characterised", "characterized"),
        ("advise", "advise"),
        ("surprise", "surprise"),
        ("exercised", "exercised"),
        ("premises", "premises"),
        ("otherwise", "otherwise"),
        ("enterprise", "enterprise"),
        ("precise", "precise"),
        ("analysed", "analyzed"),
        ("analyses", "analyses"),
        ("centre", "center"),
        ("theatres", "theaters"),
        ("metre", "meter"),
        ("genre", "genre"),
        ("acre", "acre"),
        ("massacre", "massacre"),
        ("ogre", "ogre"),
        ("defence", "defense"),
        ("offences", "offenses"),
        ("licence", "license"),
        ("travelled", "traveled"),
        ("cancelling", "canceling"),
        ("counsellor", "counselor"),
        ("compelled", "compelled"),
        ("installed", "installed"),
        ("bestselling", "bestselling"),
        ("cancellation", "cancellation"),
        ("programme", "program"),
        ("grey", "gray"),
    ],
)
def test_spelling(uk: str, us: str) -> None:
    assert to_us(uk) == us
    assert to_us(us) == us


def test_spelling_regex_examples() -> None:
    assert spelling.OUR.match("colour") and spelling.OUR.match("neighbourhood")
    assert spelling.ISE.match("organise") and spelling.ISE.match("realisation")
    assert spelling.YSE.match("analysed") and not spelling.YSE.match("analyses")
    assert spelling.TRE.match("centre") and not spelling.TRE.match("genre")
    assert spelling.ENCE.match("defence") and not spelling.ENCE.match("fence")
    assert spelling.DOUBLE_L.match("travelled") and not spelling.DOUBLE_L.match("yelled")
