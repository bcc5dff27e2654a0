"""The clause around a mention, and its content words: what venues and numbers are about.

Matching tells one event from another by the words next to a value ("summit leaders signed" vs
"ministers talks"), so every venue and number carries the content words of its own clause.
"""

from __future__ import annotations

import re

# Where a clause ends inside a sentence: semicolons, colons, brackets, quote marks, dashes, and
# a comma that opens a new clause.
# Matches: "; ", " — ", ", while", ", followed". Must not match: the comma in "Vienna, Austria".
CLAUSE_BREAK = re.compile(
    r"[;:()\[\]\"“”—–]|\s-\s|,(?=\s+(?:while|whereas|but|and|or|followed|after|before|as|which|"
    r"who|where|when|although|though|because|saying|adding|amid|including|following|then|according)\b)"
)

# A word for the context: letters and digits, with inner apostrophes, hyphens and dots.
# Matches: "Ruto's", "U.S.", "EU-Kenya". Must not match: "—" or "(".
WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")

# Function words carry no event: dropping them leaves "talks will held" for "the talks will be
# held in". Modal verbs and negations stay, because they tell a plan from a fact.
STOPWORDS = frozenset(
    """a an the of to in on at for by with from into onto upon over as and or nor but so than then
    is are was were be been being am it its this that these those there here which who whom whose
    what he she they we you i him her them us me his hers their theirs our ours your my mine
    also very just""".split()
)

CONTEXT_WORDS = 12  # matching needs the nearest words, not the whole sentence


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` between the clause breaks nearest to ``text[start:end]``."""
    left, right = 0, len(text)
    for brk in CLAUSE_BREAK.finditer(text):
        if brk.end() <= start:
            left = brk.end()
        elif brk.start() >= end:
            right = brk.start()
            break
    return left, right


def context_words(text: str, start: int, end: int, *, limit: int = CONTEXT_WORDS) -> str:
    """Lower-case content words of the clause around ``text[start:end]``, without that stretch.

    Keeps the ``limit`` words nearest to the mention, in text order.
    """
    left, right = clause_bounds(text, start, end)
    near: list[tuple[int, int, str]] = []
    for m in WORD.finditer(text, left, right):
        if m.end() > start and m.start() < end:
            continue
        word = m.group().casefold().replace("’", "'").replace(".", "")
        word = word.removesuffix("'s")
        if not word or word in STOPWORDS:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        near.append((distance, m.start(), word))
    kept = sorted(sorted(near)[:limit], key=lambda item: item[1])
    return " ".join(word for _, _, word in kept)
