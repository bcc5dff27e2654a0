"""The one home of shared language code: the spaCy pipeline and the lexicons.

``parse`` runs the loaded pipeline over each sentence that holds a candidate value and keeps
its tokens, lemmas, tags, dependencies and entities with offsets into ``Source.text``;
``lexicon`` reads the shared word lists from the data files in ``claimcheck/lang/en/``.
"""

from __future__ import annotations

from claimcheck.lang.lexicon import lines, words
from claimcheck.lang.parse import holds_candidate, load, parse

__all__ = ["holds_candidate", "lines", "load", "parse", "words"]
