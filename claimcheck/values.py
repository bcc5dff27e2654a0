"""What values mean: when two normalized values of one kind can both be true of one fact.

Match uses this to decide how much evidence two mentions need before they count as one fact;
judge uses it to decide between corroborated and conflicting. Compatible is not equal: a month
is compatible with a day in it, "about 100,000" with "100,000", a city with its country, a
quotation with a longer one that contains it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from claimcheck.model import Kind, Mention

# An ISO 8601 value at the precision the text supports.
# Matches: "2022-01-10", "2021-06", "2014", "--01-10". Must not match: "10/01/2022".
ISO_DATE = re.compile(r"^(?:(?P<y>\d{4})|-)-?(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")

# Hedges that widen a number into a neighbourhood of it ("about 100,000" agrees with 100,000).
NUMBER_TOLERANCE = 0.10


def date_parts(value: str) -> tuple[str | None, str | None, str | None]:
    """("2022", "01", "10") for "2022-01-10"; missing parts are None ("--01-10" has no year)."""
    match = ISO_DATE.match(value)
    if match is None:
        return (None, None, None)
    return (match["y"], match["m"], match["d"])


def date_precision(value: str) -> int:
    """How many of year, month and day a date value names."""
    return sum(part is not None for part in date_parts(value))


def dates_compatible(a: str, b: str) -> bool:
    """Both can be true: every part that both dates name is equal."""
    pa, pb = date_parts(a), date_parts(b)
    if pa == (None, None, None) or pb == (None, None, None):
        return a == b
    return all(x is None or y is None or x == y for x, y in zip(pa, pb))


def number_range(value: str) -> tuple[Decimal, Decimal] | None:
    """The interval a number value stands for: "175000" → (175000, 175000), "10000..99999"."""
    low, _, high = value.partition("..")
    try:
        lo = Decimal(low)
        return (lo, Decimal(high) if high else lo)
    except InvalidOperation:
        return None


def is_vague_number(value: str) -> bool:
    """"tens of thousands" and the like: a range that can corroborate but never contradict."""
    return ".." in value


def numbers_compatible(a: Mention, b: Mention) -> bool:
    """Same unit, and the figures agree within what the hedges allow."""
    if (a.unit or "") != (b.unit or ""):
        return False
    ra, rb = number_range(a.value), number_range(b.value)
    if ra is None or rb is None:
        return a.value == b.value
    tolerance = Decimal(0) if a.qualifier is None and b.qualifier is None else Decimal(
        str(NUMBER_TOLERANCE)
    )
    lo_a, hi_a = ra[0] * (1 - tolerance), ra[1] * (1 + tolerance)
    lo_b, hi_b = rb[0] * (1 - tolerance), rb[1] * (1 + tolerance)
    return lo_a <= hi_b and lo_b <= hi_a


def place_parts(value: str) -> tuple[str, ...]:
    """"Geneva, Switzerland" → ("switzerland", "geneva"): from the widest area inwards."""
    return tuple(part.strip().casefold() for part in reversed(value.split(",")) if part.strip())


def places_compatible(a: str, b: str) -> bool:
    """The same place, or one inside the other ("Geneva, Switzerland" and "Switzerland")."""
    pa, pb = place_parts(a), place_parts(b)
    shorter = min(len(pa), len(pb))
    return shorter > 0 and pa[:shorter] == pb[:shorter]


def quote_words(value: str) -> tuple[str, ...]:
    return tuple(value.split())


def contains_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` appears in ``longer`` as a contiguous run of words."""
    if not shorter:
        return True
    n = len(shorter)
    first = shorter[0]
    return any(
        longer[i] == first and longer[i : i + n] == shorter for i in range(len(longer) - n + 1)
    )


def quotes_compatible(a: str, b: str) -> bool:
    """Equal once normalized, or one a partial quotation of the other."""
    wa, wb = quote_words(a), quote_words(b)
    return contains_run(wa, wb) if len(wa) >= len(wb) else contains_run(wb, wa)


def compatible(a: Mention, b: Mention) -> bool:
    """Whether two mentions of one kind can state the same fact truthfully."""
    if a.kind is not b.kind:
        return False
    if a.kind is Kind.DATE:
        return dates_compatible(a.value, b.value)
    if a.kind is Kind.NUMBER:
        return numbers_compatible(a, b)
    if a.kind is Kind.VENUE:
        return places_compatible(a.value, b.value)
    return quotes_compatible(a.value, b.value)


def can_conflict(mention: Mention) -> bool:
    """Whether a mention is precise enough to contradict another: vague counts, datelines and
    scare quotes can corroborate but never contradict."""
    if mention.kind is Kind.NUMBER:
        return not is_vague_number(mention.value)
    if mention.kind is Kind.VENUE:
        return mention.context != "dateline"
    if mention.kind is Kind.QUOTE:
        return not mention.fragment
    return True


def specificity(mention: Mention) -> int:
    """How much a value says: prefer the most specific value as a claim's canonical one."""
    if mention.kind is Kind.DATE:
        return date_precision(mention.value)
    if mention.kind is Kind.VENUE:
        return len(place_parts(mention.value))
    if mention.kind is Kind.QUOTE:
        return len(quote_words(mention.value))
    return 0 if is_vague_number(mention.value) else (1 if mention.qualifier else 2)
