"""What every extractor shares: which sentences may carry claims."""

from __future__ import annotations

from claimcheck.model import Role, Sentence
from claimcheck.settings import Settings


def eligible(sentence: Sentence, settings: Settings) -> bool:
    """Whether claims may be taken from a sentence: never from page furniture, and from
    captions only when asked."""
    if sentence.role is Role.FURNITURE:
        return False
    return sentence.role is not Role.CAPTION or settings.include_captions
