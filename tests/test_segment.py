"""Tests for the sentence splitter: a labelled table, the regex examples, and properties."""

from __future__ import annotations

import json
import re
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import segment as seg
from claimcheck.model import Region, Role, Source, Span
from claimcheck.segment import segment, split_sentences

CASES_PATH = Path(__file__).resolve().parent.parent / "tests" / "data" / "segment" / "cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_PATH.read_text(encoding="utf-8"))


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
        params.append(pytest.param(case["text"], case["sentences"], id=case["id"], marks=marks))
    return params


def test_labelled_set_is_well_formed() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert len(CASES) >= 80
    for case in CASES:
        assert set(case) <= {"id", "text", "sentences", "xfail"}, case["id"]
        # The expected sentences hold exactly the text's non-space characters, in order.
        flat = "".join("".join(s.split()) for s in case["sentences"])
        assert flat == "".join(case["text"].split()), case["id"]
        for sentence in case["sentences"]:
            assert sentence == sentence.strip() and sentence in case["text"], case["id"]


@pytest.mark.parametrize(("text", "expected"), _params())
def test_labelled_case(text: str, expected: list[str]) -> None:
    assert [span.text for span in split_sentences(text)] == expected


# --- the examples in the regex comments ---------------------------------------------------------

REGEX_EXAMPLES = [
    # (pattern, text that must contain a match, text that must not)
    (seg._TERMINATOR, "going to . . .", "The verdict: guilty, she said"),
    (seg._INLINE_BULLET, "Home • World", "Home - World"),
    (seg._URL, "see https://elections.example.org/results?county=Marin", "Ticketline.com"),
    (seg._BRAND, "eBay", "the"),
    (seg._WORD, "Then he left", "2,000"),
]

ANCHORED_EXAMPLES = [
    # (pattern, text it must match at its start, text it must not)
    (seg._BULLET, "• Schools will close", "2021. The"),
    (seg._BULLET, "1. Raise the wage", "-5 degrees"),
    (seg._BULLET, "a) Fund it", "10.5 percent"),
    (seg._DATELINE, "LONDON, March 3 (Reuters) - Prices", "The U.S. — and its allies"),
    (seg._DATELINE, "ST. LOUIS (AP) — A judge", "Storm hits coast"),
    (seg._DATELINE, "GRANTS PASS, Ore. (AP) — A", "NEW YORK is big"),
    (seg._ATTRIBUTION, "Rahima Begum asked", "The candidate waved"),
    (seg._ATTRIBUTION, "Finance Minister Olga Berg asked", "the mayor said"),
]


@pytest.mark.parametrize(
    ("pattern", "good", "bad"), REGEX_EXAMPLES, ids=lambda v: v if isinstance(v, str) else ""
)
def test_regex_examples(pattern: re.Pattern[str], good: str, bad: str) -> None:
    assert pattern.search(good) is not None
    assert pattern.search(bad) is None


@pytest.mark.parametrize(("pattern", "good", "bad"), ANCHORED_EXAMPLES)
def test_anchored_regex_examples(pattern: re.Pattern[str], good: str, bad: str) -> None:
    assert pattern.match(good) is not None
    assert pattern.match(bad) is None


def test_dotted_abbreviation_example() -> None:
    assert seg._DOTTED.fullmatch("D.C") is not None
    assert seg._DOTTED.fullmatch("Islandferries.com") is None


# --- line breaks: the hard-wrap rule --------------------------------------------------------------

WRAPPED = (
    "The ceasefire, brokered by envoys from Qatar and\n"
    "Egypt, took effect at midnight, according to a\n"
    "statement from the foreign ministry in Doha."
)


def test_hard_wrapped_block_reads_breaks_as_spaces() -> None:
    # One break continues in lower case, and the lines have about the same width: the block is
    # hard-wrapped, so the break before "Egypt" is a space too.
    assert [s.text for s in split_sentences(WRAPPED)] == [WRAPPED]


def test_same_lines_without_wrap_evidence_are_separate() -> None:
    # Without the lower-case continuation there is no evidence of wrapping: each line stands.
    text = WRAPPED.replace("a\nstatement", "a\nStatement")
    assert len(split_sentences(text)) == 3


def test_lines_of_very_different_widths_are_not_a_wrapped_block() -> None:
    # A headline above a long paragraph line is not hard-wrapped text, even though a later
    # break continues in lower case.
    text = (
        "Port strike ends\n"
        "Dock workers at the country's three largest container ports voted on Sunday to accept a "
        "new contract, ending a strike that had lasted\n"
        "nine days."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Port strike ends",
        (
            "Dock workers at the country's three largest container ports voted on Sunday to "
            "accept a new contract, ending a strike that had lasted\nnine days."
        ),
    ]


def test_blank_line_always_ends_a_sentence() -> None:
    text = "The council met on\n\nmonday to vote."
    assert [s.text for s in split_sentences(text)] == ["The council met on", "monday to vote."]


def test_paragraph_separator_ends_a_sentence() -> None:
    text = "The council met on\u2029monday to vote."
    assert [s.text for s in split_sentences(text)] == ["The council met on", "monday to vote."]


# --- segment() ------------------------------------------------------------------------------------


def _source(text: str, regions: tuple[Region, ...] = ()) -> Source:
    return Source(id="t", path="t.txt", text=text, published="2024-03-14", regions=regions)


def test_segment_without_regions_is_one_body_region() -> None:
    text = "Storm hits coast\n\nThousands fled. Power is out."
    sentences = segment(_source(text))
    assert [s.text for s in sentences] == [s.text for s in split_sentences(text)]
    assert all(s.role is Role.BODY and s.source_id == "t" for s in sentences)
    assert [s.index for s in sentences] == [0, 1, 2]


def test_segment_keeps_regions_apart_and_numbers_across_them() -> None:
    title = "Dam fails after heavy rain"
    body = "Villages were flooded. Rescue teams arrived at dawn."
    caption = "Rescuers at work on Monday. (Photo by Ana Ruiz/AFP)"
    text = f"{title}\n{body}\n{caption}"
    b0 = len(title) + 1
    c0 = b0 + len(body) + 1
    regions = (
        Region(0, len(title), Role.TITLE),
        Region(b0, b0 + len(body), Role.BODY),
        Region(c0, len(text), Role.CAPTION),
    )
    sentences = segment(_source(text, regions))
    assert [(s.index, s.role, s.text) for s in sentences] == [
        (0, Role.TITLE, title),
        (1, Role.BODY, "Villages were flooded."),
        (2, Role.BODY, "Rescue teams arrived at dawn."),
        (3, Role.CAPTION, "Rescuers at work on Monday."),
        (4, Role.CAPTION, "(Photo by Ana Ruiz/AFP)"),
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_region_boundary_splits_even_mid_sentence() -> None:
    text = "The mayor said the budget would pass easily."
    cut = text.index("the budget")
    regions = (Region(0, cut, Role.BODY), Region(cut, len(text), Role.BODY))
    assert [s.text for s in segment(_source(text, regions))] == [
        "The mayor said",
        "the budget would pass easily.",
    ]


# --- properties -----------------------------------------------------------------------------------

# Characters that exercise the rules: punctuation, quotes, brackets, bullets, line breaks, odd
# white space, letters in both cases, digits, URL and e-mail pieces.
TRICKY = (
    ".....!!??…‽\"\"''“”‘’«»()[]{}•-*–—:;,/@#$%&"
    "\n\n\r\t   \u00a0\u2028\u2029\f\x85\u3000"
    "aAbBeEiIUSpmnoNOTheItJr0123456789"
    "wwwhttps:éÉßﬁ\u0301𝔘𝔖ç中"
)
tricky_text = st.text(alphabet=TRICKY, max_size=400)
words = st.sampled_from(
    [
        "U.S.",
        "Dr.",
        "Inc.",
        "a.m.",
        "p.m.",
        "etc.",
        "No.",
        "Jan.",
        "J.K.",
        "F.",
        "The",
        "it",
        "said.",
        '"We',
        'go."',
        "“Yes.”",
        "(AP)",
        "—",
        "1.",
        "•",
        "...",
        "…",
        "?",
        "!",
        "\n",
        "\n\n",
        "www.example.org",
        "a@b.co",
        "Calif.",
        "3.5",
        "eBay",
        "LONDON",
        ",",
        "'",
        '"',
    ]
)
newsy_text = st.lists(words, max_size=80).map(" ".join) | st.lists(words, max_size=80).map("".join)


def _check_invariants(text: str, spans: list[Span]) -> None:
    covered = [False] * len(text)
    previous_end = 0
    for span in spans:
        assert 0 <= previous_end <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
        for i in range(span.start, span.end):
            covered[i] = True
        previous_end = span.end
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i], f"non-space character {ch!r} at {i} is in no span"


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_tiles(text: str) -> None:
    _check_invariants(text, split_sentences(text))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(tricky_text)
def test_tricky_text_tiles(text: str) -> None:
    _check_invariants(text, split_sentences(text))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(newsy_text)
def test_news_like_tokens_tile(text: str) -> None:
    _check_invariants(text, split_sentences(text))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(tricky_text | newsy_text, st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_segment_respects_regions(text: str, cuts: list[int]) -> None:
    points = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    roles = list(Role)
    regions = tuple(
        Region(a, b, roles[i % len(roles)]) for i, (a, b) in enumerate(pairwise(points))
    )
    sentences = segment(_source(text, regions))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    position = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text and s.start >= position
        position = s.end
        inside = [r for r in regions if r.start <= s.start and s.end <= r.end]
        assert inside, f"sentence {s.text!r} crosses a region boundary"
        assert s.role is inside[0].role
    # Within each region the sentences are exactly what split_sentences finds in its slice.
    for region in regions:
        own = [
            (s.start - region.start, s.text)
            for s in sentences
            if region.start <= s.start < region.end
        ]
        alone = [(sp.start, sp.text) for sp in split_sentences(text[region.start : region.end])]
        assert own == alone


# --- speed: no catastrophic backtracking ---------------------------------------------------------

PATHOLOGICAL = [
    "." * 200_000,
    '"' * 200_000,
    " " * 200_000,
    ". " * 100_000,
    '." ' * 60_000,
    "a." * 100_000,
    "U.S. " * 40_000,
    "Dr. " * 50_000,
    "“" * 100_000 + "”" * 100_000,
    "(" * 100_000 + ")" * 100_000,
    "@" * 100_000,
    "a" * 200_000 + "@" + "b" * 200_000 + ".com",
    "https://" + "a." * 100_000,
    "www." * 50_000,
    "\n" * 100_000,
    "x\n" * 100_000,
    "word,\n" * 40_000,
    "A" * 200_000 + ".",
    "• " * 100_000,
    "1. " * 70_000,
    "SPRINGFIELD " * 20_000 + "—",
    'said."' * 40_000,
    ". . ." * 50_000,
    '?" Rahima Begum ' * 15_000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:12]))
def test_pathological_input_is_fast(text: str) -> None:
    began = time.perf_counter()
    spans = split_sentences(text)
    elapsed = time.perf_counter() - began
    assert elapsed < 3.0, f"{elapsed:.2f}s for {len(text)} characters"
    if len(text) <= 100_000:
        _check_invariants(text, spans)


def test_time_grows_linearly() -> None:
    unit = (
        'The U.S. Federal Reserve held rates on Wednesday. "We are patient," Chair Ana Ruiz '
        'said."Inflation is falling." Markets rose 1.2%... Then they fell.\n'
    )

    def cost(n: int) -> float:
        text = unit * n
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            split_sentences(text)
            best = min(best, time.perf_counter() - began)
        return best

    small, large = cost(500), cost(4000)
    assert large < small * 8 * 2.5, f"{small:.4f}s for 500 units, {large:.4f}s for 4000"
