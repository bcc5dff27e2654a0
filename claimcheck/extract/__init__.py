"""Extract: documents → mentions. One module per claim kind, each a generator of one shape.

Every extractor exposes ``extract(doc, *, settings) -> Iterator[Mention | Note]``: a note stands
for a value it had to skip (a date past 9999-12-31), so the report can say so. This module runs
the ones the settings ask for, marks hedged statements and leaves the figures inside a quotation
to the quotation: work no single extractor owns.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterator

from claimcheck import lang
from claimcheck.extract import dates, numbers, places, quotes
from claimcheck.extract.base import eligible
from claimcheck.model import Document, Extracted, Kind, Mention, Note, Parse
from claimcheck.settings import Settings

__all__ = ["EXTRACTORS", "eligible", "extract", "is_hedged", "prepare", "with_fact_key"]

Extractor = Callable[..., Iterator[Mention | Note]]

EXTRACTORS: tuple[tuple[Kind, Extractor], ...] = (
    (Kind.DATE, dates.extract),
    (Kind.QUOTE, quotes.extract),
    (Kind.VENUE, places.extract),
    (Kind.NUMBER, numbers.extract),
)

# Words that make a statement a report of intent or hearsay rather than of fact.
# Matches: "are expected to meet", "likely to hold", "reportedly", "has yet to confirm",
# "is considering". Must not match: "as expected, the talks ended" (no "to" after it).
HEDGE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|seems?|appears?)\s+(?:expected|likely|due|set|slated|"
    r"scheduled|poised|tipped|rumou?red|believed|thought|said)\s+to|likely\s+to|"
    r"reportedly|allegedly|purportedly|(?:has|have|had)\s+(?:yet|not\s+yet)\s+to\s+confirm|"
    r"(?:is|are|was|were)\s+considering|could|might|may\s+(?:be|have)|proposed|tentatively|"
    r"unconfirmed|according\s+to\s+(?:unnamed|anonymous)\s+sources?)\b",
    re.IGNORECASE,
)


def is_hedged(sentence_text: str) -> bool:
    return HEDGE.search(sentence_text) is not None


def with_fact_key(mention: Mention, parse: Parse | lang.Facts | None, text: str) -> Mention:
    """The mention with its fact key (attribute, scope, time, authority) read from its
    sentence's parse (or the ``lang.Facts`` built from it once); a quotation's attribute is
    its speaker."""
    if mention.kind is Kind.QUOTE or parse is None:
        key = lang.FactKey(attribute=mention.speaker if mention.kind is Kind.QUOTE else None)
    else:
        facts = parse if isinstance(parse, lang.Facts) else lang.Facts(parse, text)
        key = facts.key(mention.start, mention.end, counted=mention.kind is Kind.NUMBER)
    if key == lang.FactKey():
        return mention
    if mention.scope:  # an extractor read the scope from a form the parse does not ("Chile: 12")
        key = dataclasses.replace(key, attribute=mention.attribute, scope=mention.scope)
    return dataclasses.replace(
        mention, attribute=key.attribute, scope=key.scope, time=key.time, authority=key.authority
    )


# Words a quotation must hold besides a figure for the figure to be the quotation's: "at least
# 30" or "40 dead" in quotation marks is the outlet's figure, marked as someone's wording.
QUOTED_WORDS = 3


def _outside_quotations(mentions: list[Mention]) -> list[Mention]:
    """The mentions without the figures someone is quoted saying ("'We saw at least ten people
    hurt,' she said"): such a figure belongs to the quotation, which is compared word for word (a
    changed figure alters it); read again as a count, it would set a witness's words against an
    official tally. Measured on the published sets (refit, in sample) when every figure inside
    a quotation was dropped: conflict recall 0.607 -> 0.611, precision 0.762 -> 0.767,
    corroborated recall unchanged at 0.701. A figure that is most of its quotation stays a figure
    (``QUOTED_WORDS``): dropped, it could no longer conflict with another outlet's ("killed 'at
    least 30' people" against "killed at least 45")."""
    statements = sorted(
        ((m.start, m.end, m) for m in mentions if m.kind is Kind.QUOTE and not m.fragment), key=lambda s: s[:2]
    )
    starts = [start for start, _, _ in statements]
    # the statement reaching furthest among those that start before each one (they seldom nest)
    furthest: list[int] = []
    for i, (_, end, _) in enumerate(statements):
        furthest.append(i if not furthest or end > statements[furthest[-1]][1] else furthest[-1])

    def quoted(number: Mention) -> bool:
        last = bisect.bisect_right(starts, number.start) - 1
        if last < 0:
            return False
        _, end, quote = statements[furthest[last]]
        return end >= number.end and len(quote.text.split()) - len(number.text.split()) >= QUOTED_WORDS

    return [m for m in mentions if m.kind is not Kind.NUMBER or not quoted(m)]


def prepare(settings: Settings) -> None:
    """Load what extraction reads (the gazetteer index) now, not at the first article: a
    parent process does it once before forking its workers, which then share it."""
    places.load_index(settings.cache_dir)


def extract(doc: Document, *, settings: Settings) -> Extracted:
    """All mentions of every kind in one document, sorted by position then kind, and the notes
    on values skipped, sorted by position. Every kind is extracted whatever ``settings.kinds``
    asks to report: a date times the toll beside it, and a sentence's other values bound each
    value's clause, so a narrower extraction would change the verdicts of the kinds kept."""
    places.load_index(settings.cache_dir)
    texts = {s.index: s.text for s in doc.sentences}
    parses = {p.sentence_index: p for p in doc.parses}
    # Whether a sentence hedges, and the shape of its parse, are read once per sentence and
    # shared by its mentions: a sentence of many values would otherwise be read once for each.
    hedges: dict[int, bool] = {}
    trees: dict[int, lang.Facts] = {}
    found: list[Mention] = []
    notes: list[Note] = []
    for _, extractor in EXTRACTORS:  # every kind, whatever is reported (see above)
        for mention in extractor(doc, settings=settings):
            if isinstance(mention, Note):
                notes.append(mention)
                continue
            index = mention.sentence_index
            if index not in hedges:
                hedges[index] = is_hedged(texts.get(index, ""))
            mention = dataclasses.replace(mention, hedged=True) if hedges[index] else mention
            parse = parses.get(index)
            if parse is not None and index not in trees:
                trees[index] = lang.Facts(parse, doc.source.text)
            found.append(with_fact_key(mention, trees.get(index), doc.source.text))
    found = sorted(_outside_quotations(found), key=lambda m: (m.start, m.end, m.kind.value, m.value))
    notes.sort(key=lambda n: (n.start, n.end, n.reason))
    return Extracted(tuple(found), tuple(notes))
