"""Datelines: where a story was filed, at the start of its first sentence ("LISBON —").

A dateline is no part of its sentence's syntax, so the parse reads it apart (``body_start``), and
the venue extractor reads its place.
"""

from __future__ import annotations

import re

from claimcheck.lang.lexicon import alternation, month_names

# A dateline: where a story was filed, in capitals (or with an agency in brackets), then a dash.
# Matches: "LISBON —", "ACCRA (AP) —", "LONDON, March 3 (Reuters) -", "ACCRA, Ghana –",
# "Nairobi (Reuters) -". Must not match: "OPEC ministers met", "Vienna — a city of bankers" (no
# capitals and no agency).
DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][\w'’.]*(?:[ -][^\W\d_][\w'’.]*){0,3})"
    rf"(?:,\s*(?P<region>(?!(?:{alternation(m[:3].title() for m in month_names())})[a-z]*\.?\s+\d)"
    r"[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"\s*+(?:\((?P<agency>[^()\n]{1,40})\))?"  # possessive: two free runs of spaces in a row
    r"\s*+(?:[—–]|--?)\s"  # would try every split of a long run between them
)


def body_start(text: str) -> int:
    """Where a sentence proper starts after its dateline (0 when it has none).

    >>> body_start("ACCRA (AP) — Three people died.")
    13
    """
    m = DATELINE.match(text)
    if m is None or not (m["place"].isupper() or m["agency"]):
        return 0  # "Vienna — a city of bankers" is a sentence
    return m.end()
