"""Regression cases keyed by issue number."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimcheck import extract, lang, match, segment, stories
from claimcheck.model import Document, Region, Role, Source
from claimcheck.settings import Settings
from tests.work import count_lines

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = str(ROOT / "claimcheck")
SETTINGS = Settings()

# --- Issue 12, bug 4 and hostile input 1: work per character stays bounded -------------------
#
# Time is measured in benchmarks/hostile_bench.py, never here. The suite counts a deterministic
# amount of work instead: the lines of claimcheck's own code run while extracting and matching
# one article (spaCy's parse is done first and not counted). Every quadratic cause that issue 12
# names was a Python loop over a whole sentence per value (a clause's breaks and words, a
# parse's tokens, a sentence's other mentions), so it shows in that count: doubling the input
# must at most about double it (a bound of 2.5, where all pairs would give 4).


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: unit * n


def _markdown_table(n: int) -> str:
    rows = ["| Date | Deaths | Share |", "|---|---|---|"]
    rows += [f"| March {k % 28 + 1}, 2024 | {100 + 7 * k} | {k % 97}% |" for k in range(n)]
    return "\n".join(rows) + "\n"


def _values_sentence(n: int) -> str:
    return "Officials reported " + "the ministry said 1,204 people, 37% of them children, on May 4, " * n


def _news(n: int) -> str:
    article = (
        "Floods killed 12 people in Valencia on Tuesday, officials said. About 3,000 residents "
        "were evacuated, and the regional government pledged €40 million in aid. "
        '“We have never seen water like this,” said mayor Ana López on October 29.\n\n'
    )
    return article * n


HOSTILE: list[Any] = [
    pytest.param(_repeat("Jan. 1 "), 300, id="Jan. 1"),
    pytest.param(_repeat("5% "), 800, id="5%"),
    pytest.param(_repeat("$5 "), 800, id="$5"),
    pytest.param(_repeat("1234567 "), 400, id="1234567"),
    pytest.param(_repeat("\u201cword\u201d "), 300, id="curly quotes"),
    pytest.param(lambda n: "x" + " " * (100 * n) + "x", 40, id="x spaces x"),
    pytest.param(_repeat("May "), 300, id="May"),
    pytest.param(_markdown_table, 40, id="markdown table"),
    pytest.param(_values_sentence, 40, id="one sentence of values"),
    pytest.param(_news, 8, id="news-like text"),
]


def _document(text: str) -> Document:
    source = Source("text", "text.txt", text, regions=(Region(0, len(text), Role.BODY),))
    document = Document(source, segment.segment(source))
    (parsed,) = lang.parse([document], settings=SETTINGS)
    return parsed


def _counted(run: Callable[[], object]) -> int:
    """Lines of claimcheck's own code that ``run`` executes."""
    return count_lines(run, lambda path: path.startswith(PACKAGE))


def _work(text: str) -> int:
    """Lines run to extract the mentions of ``text`` and to read, for each, what matching
    compares (its clause, words, dates, fates): everything before the pairs are scored."""
    document = _document(text)
    mentions = extract.extract(document, settings=SETTINGS).mentions
    return _counted(lambda: extract.extract(document, settings=SETTINGS)) + _counted(
        lambda: match.items_by_kind((document,), mentions)
    )


@pytest.mark.parametrize(("make", "n"), HOSTILE)
def test_issue_12_work_grows_linearly(nlp: Any, make: Callable[[int], str], n: int) -> None:
    small, large = _work(make(n)), _work(make(2 * n))
    assert large <= 2.5 * small, f"{small} lines for n={n}, {large} for n={2 * n}"


def test_issue_12_matching_grows_linearly(nlp: Any) -> None:
    # Each mention is scored against at most MAX_CANDIDATES partners, so past that many equal
    # values the pairs grow linearly. What is left above linear is the merge check of
    # _Clusters._allowed (members of one cluster against the other's), 2.48x here.
    def scored(text: str) -> int:
        document = _document(text)
        mentions = extract.extract(document, settings=SETTINGS).mentions
        found = stories.stories((document,), mentions)
        return _counted(lambda: match.match((document,), mentions, settings=SETTINGS, stories=found))

    small, large = scored("Jan. 1 " * 300), scored("Jan. 1 " * 600)
    assert large <= 2.5 * small, f"{small} lines for n=300, {large} for n=600"


class _Offered:
    """A compiled pattern that counts the characters each search is offered (``endpos - pos``)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.offered = 0

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self.offered += min(endpos, len(text)) - pos
        return self.pattern.search(text, pos, endpos)


def test_issue_12_month_edge_patterns_are_searched_from_the_month(monkeypatch: pytest.MonkeyPatch) -> None:
    # "May " repeated: "June and"/"end of" before each month were searched from position 0.
    from claimcheck.extract import dates

    def offered(n: int) -> int:
        total = 0
        for name in ("_MONTH_AND_BEFORE", "_EDGE_OF_BEFORE"):
            monkeypatch.setattr(dates, name, _Offered(getattr(dates, name)))
        text = "It ran from June and May to the end of May " * n
        source = Source("text", "text.txt", text, regions=(Region(0, len(text), Role.BODY),))
        list(dates.extract(Document(source, segment.segment(source)), settings=SETTINGS))
        for name in ("_MONTH_AND_BEFORE", "_EDGE_OF_BEFORE"):
            total += getattr(dates, name).offered
            monkeypatch.setattr(dates, name, getattr(dates, name).pattern)
        return total

    small, large = offered(100), offered(200)
    assert 0 < large <= 2.5 * small


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("HOST_VERB", "Doha" + " " * 50 + "will host"),
        ("DATELINE", "LISBON" + " " * 50 + "(Reuters)" + " " * 50 + "— "),
    ],
)
def test_issue_12_space_runs_are_read_once(pattern: str, text: str) -> None:
    # "x", a long run of spaces, "x": a pattern that may start inside a run, or split a run
    # between two free quantifiers, retries the run once per space. CPython's re gives no
    # step count, so this checks the shape that rules it out: a match is found, yet none
    # starts inside a run (the lookbehind), and the runs are possessive (\s++ or \s*+).
    from claimcheck.extract import places
    from claimcheck.lang import dateline

    compiled: re.Pattern[str] = getattr(dateline if pattern == "DATELINE" else places, pattern)
    assert compiled.search(text) is not None
    inside = text.index(" ") + 1
    assert pattern == "DATELINE" or compiled.match(text, inside) is None
    assert re.search(r"\\s[+*]\+", compiled.pattern) is not None
    assert re.search(r"\\s[+*](?![+?])(?:\)\?)?\\s", compiled.pattern) is None


@pytest.mark.parametrize(("make", "n"), [(_markdown_table, 200), (_values_sentence, 100), (_repeat("Jan. 1 "), 300)])
def test_issue_12_the_score_matrix_holds_each_distinct_clause_once(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, make: Callable[[int], str], n: int
) -> None:
    # rapidfuzz's cdist scored every pair of a kind's mentions: n² cells in C, the part of
    # matching that still grew with the square of a repeated table or list.
    from rapidfuzz import process

    cells = [0]
    cdist = process.cdist

    def counted(rows: list[str], columns: list[str], **options: Any) -> Any:
        cells[0] += len(rows) * len(columns)
        return cdist(rows, columns, **options)

    monkeypatch.setattr(match.process, "cdist", counted)

    def scored(text: str) -> int:
        cells[0] = 0
        document = _document(text)
        items = match.items_by_kind((document,), extract.extract(document, settings=SETTINGS).mentions)
        for kind, kind_items in items.items():
            list(match._candidate_pairs(kind, kind_items, 1))
        return cells[0]

    small, large = scored(make(n)), scored(make(2 * n))
    assert large <= 2.5 * small, f"{small} cells for n={n}, {large} for n={2 * n}"


def _naive_candidate_pairs(kind: Any, items: Any) -> list[tuple[int, int, float]]:
    """``match._candidate_pairs`` as it was: the whole matrix, each row ranked on its own."""
    import numpy as np
    from rapidfuzz import fuzz, process

    scorer = fuzz.partial_ratio if kind is match.Kind.QUOTE else fuzz.token_set_ratio
    cutoff = match.QUOTE_PREFILTER if kind is match.Kind.QUOTE else match.PREFILTER
    lowest = match.QUOTE_PREFILTER if kind is match.Kind.QUOTE else match.PREFILTER_DATED
    found = []
    for block in match._blocks(items):
        strings = [" ".join(items[k].words) for k in block]
        boost = np.array([match._boostable(items[k]) for k in block], dtype=bool)
        scores = process.cdist(strings, strings, scorer=scorer, score_cutoff=lowest, dtype=np.float32)
        valid = (scores > 0) & ((scores >= cutoff) | (boost[:, None] & boost[None, :]))
        np.fill_diagonal(valid, False)
        ranked = np.where(valid, scores, -1.0)
        kept: dict[tuple[int, int], float] = {}
        for i, cols in enumerate(np.argsort(-ranked, axis=1, kind="stable")[:, : match.MAX_CANDIDATES].tolist()):
            for j in cols:
                if ranked[i, j] < 0:
                    break
                kept[(min(i, j), max(i, j))] = float(scores[i, j])
        found += [(block[i], block[j], score) for (i, j), score in sorted(kept.items())]
    return found


@pytest.mark.parametrize(
    "text",
    [
        _markdown_table(150),
        _values_sentence(60),
        _news(2),
        "Jan. 1 " * 200,
        "\u201cword\u201d " * 200 + '"We will rebuild," she said. "We will rebuild the school," he said.',
    ],
    ids=["markdown table", "one sentence of values", "news-like text", "Jan. 1", "quotations"],
)
def test_issue_12_distinct_forms_give_the_pairs_of_the_whole_matrix(nlp: Any, text: str) -> None:
    document = _document(text)
    items = match.items_by_kind((document,), extract.extract(document, settings=SETTINGS).mentions)
    for kind, kind_items in items.items():
        assert list(match._candidate_pairs(kind, kind_items, 1)) == _naive_candidate_pairs(kind, kind_items)
