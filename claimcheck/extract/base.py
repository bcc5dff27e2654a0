"""What every extractor shares: which sentences may carry claims."""

from __future__ import annotations

import re

from claimcheck.model import Role, Sentence
from claimcheck.settings import Settings


def eligible(sentence: Sentence, settings: Settings) -> bool:
    """Whether claims may be taken from a sentence: never from page furniture, and from
    captions only when asked."""
    if sentence.role is Role.FURNITURE:
        return False
    return sentence.role is not Role.CAPTION or settings.include_captions


# A word long enough to tell a headline's capitals. Matches: "Flood". Must not match: "In".
LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def title_case(text: str) -> bool:
    """Headlines capitalise every word, so capitals there say nothing about names."""
    words = LONG_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
