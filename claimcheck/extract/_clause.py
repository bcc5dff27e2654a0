"""The clause around a mention, and its content words: what venues and numbers are about.

Matching tells one event from another by the words next to a value ("summit leaders signed" vs
"ministers talks"), so every venue and number carries the content words of its own clause.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from claimcheck import lang

# Where a clause ends inside a sentence: semicolons, colons, brackets, quote marks, dashes, and
# a comma that opens a new clause (lang/en/clause_openers.txt).
# Matches: "; ", " — ", ", while", ", followed". Must not match: the comma in "Vienna, Austria".
CLAUSE_BREAK = re.compile(
    r"[;:()\[\]\"“”—–]|\s-\s|"
    rf",(?=\s+(?:{lang.alternation(lang.tagged('clause_openers', 'clause'))})\b)"
)

# A word for the context: letters and digits, with inner apostrophes, hyphens and dots.
# Matches: "Ruto's", "U.S.", "EU-Kenya". Must not match: "—" or "(".
WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")

# Function words carry no event: dropping them leaves "talks will held" for "the talks will be
# held in". Modal verbs and negations stay, because they tell a plan from a fact
# (lang/en/function_words.txt, "clause").
STOPWORDS = lang.tagged("function_words", "clause")

CONTEXT_WORDS = 12  # matching needs the nearest words, not the whole sentence


@dataclass(frozen=True, slots=True)
class _Index:
    """One sentence's clause breaks and content words, found once and shared by every mention
    in it: a sentence that lists thousands of values would otherwise be rescanned for each one
    (issue 12, bug 4)."""

    break_starts: tuple[int, ...]
    break_ends: tuple[int, ...]
    word_starts: tuple[int, ...]
    word_ends: tuple[int, ...]
    words: tuple[str | None, ...]  # None for a stop word


def _content(word: str) -> str | None:
    word = word.casefold().replace("’", "'").replace(".", "").removesuffix("'s")
    return word if word and word not in STOPWORDS else None


# A few sentences at a time: the extractors read a sentence's mentions one after another. The
# key is the sentence's own str object, whose hash Python keeps, so a hit costs no rescan.
@functools.lru_cache(maxsize=16)
def _index(text: str) -> _Index:
    breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(text)]
    words = [(m.start(), m.end(), _content(m.group())) for m in WORD.finditer(text)]
    return _Index(
        tuple(a for a, _ in breaks), tuple(b for _, b in breaks),
        tuple(a for a, _, _ in words), tuple(b for _, b, _ in words), tuple(w for _, _, w in words),
    )  # fmt: skip


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` between the clause breaks nearest to ``text[start:end]``."""
    index = _index(text)
    # The last break that ends at or before the mention, and the first that starts at or after
    # its end; breaks are found left to right, so both lists are sorted.
    before = bisect.bisect_right(index.break_ends, start)
    left = index.break_ends[before - 1] if before else 0
    after = bisect.bisect_left(index.break_starts, end, lo=before)
    right = index.break_starts[after] if after < len(index.break_starts) else len(text)
    return left, right


def context_words(text: str, start: int, end: int, *, limit: int = CONTEXT_WORDS) -> str:
    """Lower-case content words of the clause around ``text[start:end]``, without that stretch.

    Keeps the ``limit`` words nearest to the mention, in text order. Only the ``limit`` nearest
    content words on each side are looked at: the ``limit`` nearest overall are among them.
    """
    left, right = clause_bounds(text, start, end)
    index = _index(text)
    near: list[tuple[int, int, str]] = []
    # Words that end at or before the mention, walking left from it.
    k = bisect.bisect_right(index.word_ends, start) - 1
    taken = 0
    while k >= 0 and taken < limit and index.word_starts[k] >= left:
        word = index.words[k]
        if word is not None:
            near.append((start - index.word_ends[k], index.word_starts[k], word))
            taken += 1
        k -= 1
    # Words that start at or after its end, walking right.
    k = bisect.bisect_left(index.word_starts, end)
    taken = 0
    while k < len(index.word_starts) and taken < limit and index.word_ends[k] <= right:
        word = index.words[k]
        if word is not None:
            near.append((index.word_starts[k] - end, index.word_starts[k], word))
            taken += 1
        k += 1
    kept = sorted(sorted(near)[:limit], key=lambda item: item[1])
    return " ".join(word for _, _, word in kept)
