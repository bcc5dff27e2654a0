"""What values mean: when two normalized values of one kind can both be true of one fact.

Match uses this to decide how much evidence two mentions need before they count as one fact;
judge uses it to decide between corroborated and conflicting. Compatible is not equal: a month
is compatible with a day in it, "about 100,000" with "100,000", a city with its country, a
quotation with a longer one that contains it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from claimcheck import lang
from claimcheck.lang.spelling import stem, to_us
from claimcheck.model import Kind, Mention

# An ISO 8601 value at the precision the text supports.
# Matches: "2022-01-10", "2021-06", "2014", "--01-10". Must not match: "10/01/2022".
ISO_DATE = re.compile(r"^(?:(?P<y>\d{4})|-)-?(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")

# What a hedge allows around a figure when two outlets' figures are judged, as (low, high)
# factors: "about 100,000" agrees with 97,000; "more than two hours" does not agree with three
# hours (a reporter who knew it was three would say so); "at least 241" does not agree with
# 214. "At least 12" is how news English gives a confirmed count of 12, so it agrees with 12
# and not with 13, a later count. "About 30" and "about 35" are two estimates that differ:
# "about" allows what rounding a figure to its last digits allows. "Up to" states a maximum
# ("gusts of up to 120 km/h", "up to 20 missing"), so "up to 120" and "up to 135" are two
# maximums: with 15% below it, as before, the two agreed. On 207 labelled sets (in sample,
# old weights) judging it exactly found 4 more of gold's conflicts for 1 more false one.
QUALIFIER_SPAN: dict[str | None, tuple[str, str]] = {
    None: ("1", "1"),
    "about": ("1", "1"),
    "nearly": ("0.9", "1"),
    "more than": ("1", "1.15"),
    "at least": ("1", "1"),
    "less than": ("0.85", "1"),
    "up to": ("1", "1"),
    "converted": ("0.95", "1.05"),  # "120 km (75 miles)": a conversion is rounded loosely
}
# Hedges that give a figure rounded, and how far rounding may take it at most: "about 290 km"
# is 288 rounded, but "about 550" and "565", or "about 30" and "about 35", are two estimates.
# 5% is the span "about" had before; on gold's number claims of real coverage (106 sets), 2%
# kept the values of 1 more conflicting claim apart, 10% of 3 fewer, no cap of 11 fewer.
ROUNDED = frozenset({"about"})
ROUNDED_SHARE = Decimal("0.05")
# Whether two figures may be one fact is read more loosely (``compatible(loose=True)``, for
# matching): "about 30 miles north of the city" and "about 35 miles north" are one distance
# that two outlets state differently. On the labelled real coverage, judging with these wider
# spans too joined the values of 13 more of gold's conflicting claims and kept apart those of 1
# more corroborated one ("around 38" / "more than 30").
LOOSE_SPAN: dict[str | None, tuple[str, str]] = {
    **QUALIFIER_SPAN,
    "about": ("0.9", "1.1"),
    "at least": ("1", "1.15"),
    "up to": ("0.85", "1"),  # "up to 120" and "up to 135" may still be one maximum, told differently
}


@functools.lru_cache(maxsize=65536)
def date_parts(value: str) -> tuple[str | None, str | None, str | None]:
    """("2022", "01", "10") for "2022-01-10"; missing parts are None ("--01-10" has no year)."""
    match = ISO_DATE.match(value)
    if match is None:
        return (None, None, None)
    return (match["y"], match["m"], match["d"])


def date_precision(value: str) -> int:
    """How many of year, month and day a date value names."""
    return sum(part is not None for part in date_parts(value))


@functools.lru_cache(maxsize=65536)
def dates_compatible(a: str, b: str) -> bool:
    """Both can be true: every part that both dates name is equal."""
    pa, pb = date_parts(a), date_parts(b)
    if pa == (None, None, None) or pb == (None, None, None):
        return a == b
    return all(x is None or y is None or x == y for x, y in zip(pa, pb))


# A date given only as a weekday: it pins the day of the week, but which week depends on how
# the extractor read the tense. Matches: "Sunday", "on Tuesday", "next Friday".
# Must not match: "Sunday (15 September)", "Tuesday, June 15".
WEEKDAY_ONLY = re.compile(
    r"^(?:on\s+|last\s+|next\s+|this\s+|this\s+coming\s+)?"
    rf"(?:{lang.alternation(lang.weekday_names())})$",
    re.IGNORECASE,
)


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@functools.lru_cache(maxsize=65536)
def weekday_only(text: str) -> bool:
    """Whether a date is written as a weekday alone ("on Tuesday")."""
    return WEEKDAY_ONLY.match(text.strip()) is not None


@functools.lru_cache(maxsize=65536)
def date_interval(value: str, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date value can mean ("2023-03" → March 1 to 31); a value
    without a year takes ``year``."""
    y, m, d = date_parts(value)
    whole_year = int(y) if y is not None else year
    if whole_year is None or (y is None and m is None):
        return None
    if m is None:
        return dt.date(whole_year, 1, 1), dt.date(whole_year, 12, 31)
    first = dt.date(whole_year, int(m), int(d) if d else 1)
    if d:
        return first, first
    return first, dt.date(whole_year, int(m), calendar.monthrange(whole_year, int(m))[1])


def near(value: str, day: str, days: int) -> bool:
    """Whether a date value can fall within ``days`` of the ISO ``day`` (unknown: True)."""
    around = _day(day)
    interval = date_interval(value, around.year if around else None)
    if around is None or interval is None:
        return True
    # Day numbers, not dates: a window past 9999-12-31 or before 0001-01-01 is no error.
    return interval[0].toordinal() - days <= around.toordinal() <= interval[1].toordinal() + days


def weekdays_compatible(a: Mention, b: Mention) -> bool:
    """A bare weekday agrees with the same weekday a week earlier or later: "takes effect on
    Sunday" may be read as last Sunday or the next one."""
    if not (weekday_only(a.text) or weekday_only(b.text)):
        return False
    da, db = _day(a.value), _day(b.value)
    return da is not None and db is not None and abs((da - db).days) in (0, 7)


@functools.lru_cache(maxsize=65536)
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


def number_span(mention: Mention, *, loose: bool = False) -> tuple[Decimal, Decimal] | None:
    """The interval a number mention allows, its hedge included (``LOOSE_SPAN`` if ``loose``)."""
    bounds = number_range(mention.value)
    if bounds is None:
        return None
    spans = LOOSE_SPAN if loose else QUALIFIER_SPAN
    low, high = spans.get(mention.qualifier, spans["about"])
    half = _rounding(mention, bounds[0])
    if mention.qualifier in ROUNDED and not loose:
        half = max(half, min(_round_place(bounds[0]), abs(bounds[0]) * ROUNDED_SHARE))
    return (bounds[0] * Decimal(low) - half, bounds[1] * Decimal(high) + half)


def _round_place(value: Decimal) -> Decimal:
    """A shade under half the place of a figure's last non-zero digit: what rounding it there
    allows ("290" → 4.9, "3,800" → 49, "93" → 0.49)."""
    if not value or value != value.to_integral_value():
        return Decimal(0)
    digits = str(abs(int(value)))
    return SHADE_UNDER_HALF * Decimal(10) ** (len(digits) - len(digits.rstrip("0")))


# A shade under half a unit of the last place a figure is rounded at, so that neighbours
# ("9.79" and "9.80", "about 30" and "about 35") stay apart.
SHADE_UNDER_HALF = Decimal("0.49")
# Half a percentage point, a shade under, as _rounding takes for written decimals.
WHOLE_SHARE_ROUNDING = SHADE_UNDER_HALF
# The figure as written, to read how many decimals it gives. Matches: "11.5" in "$11.5bn",
# "1,234.5". Must not match: "12", "1,200".
WRITTEN_DECIMAL = re.compile(r"\d[\d,]*\.(\d+)")


def _written(mention: Mention) -> tuple[Decimal, int] | None:
    """The figure a mention writes with decimals, and how many: "$11.5bn" → (11.5, 1)."""
    found = WRITTEN_DECIMAL.search(mention.text)
    return None if found is None else (Decimal(found.group(0).replace(",", "")), len(found.group(1)))


def _rounding(mention: Mention, value: Decimal) -> Decimal:
    """Half the last written decimal place, scaled as the value is: "$11.5 billion" is any
    figure from 11.45 to 11.55 billion rounded for the reader, and "9.79 seconds" any time
    from 9.785 to 9.795. Whole numbers are taken as exact (a count is not rounded), except a
    share: "35%" of the vote is any share that rounds to it, "35.41%" included, but not "35.6%"."""
    written = _written(mention)
    if written is None:
        return WHOLE_SHARE_ROUNDING if dimension(mention) == "percent" else Decimal(0)
    shown, decimals = written
    if not shown:
        return Decimal(0)
    return abs(value / shown) * SHADE_UNDER_HALF / Decimal(10) ** decimals


def dimension(mention: Mention) -> str:
    """What kind of quantity a number is: every count is a "count", whatever noun it counts
    ("300 people", "300 passengers", a bare "300"), since outlets name one count with different
    nouns; a share is a "percent" ("54% of the vote"); a currency ("USD") and a measure
    ("magnitude", "year") are themselves, or what they measure when their size is defined
    ("kilometer" and "mile" are a "length"); a bare figure with decimals ("a 7.4 quake") is
    no count of anything, so a "figure"."""
    unit = mention.unit
    if unit is not None and unit in lang.unit_sizes():
        return lang.unit_sizes()[unit][0]  # "12 km" and "7.5 miles" are both a length
    if unit is not None and (unit.isupper() or unit in lang.measures()):
        return unit
    if unit == "percent" or (unit or "").startswith("percent "):
        return "percent"
    bounds = number_range(mention.value)
    whole = bounds is None or all(b == b.to_integral_value() for b in bounds)
    written = _written(mention)
    unscaled = written is not None and bounds is not None and written[0] == bounds[0]
    return "figure" if not whole or unscaled else "count"  # "7.0" is a reading; "1.5 million" a count


def reads_bare_figures(dimension: str) -> bool:
    """Whether a bare figure with decimals may be a value of this dimension: a figure itself, or
    a measure whose reading is often written without its unit ("measuring 6.6" of a magnitude,
    "ran 9.79" of seconds); not a score ("voted 5-4" is no reading of a scale)."""
    return dimension == "figure" or (dimension in lang.measures() and dimension != "score")


def same_dimension(a: Mention, b: Mention) -> bool:
    """Whether two numbers measure one kind of quantity: the same dimension, or a bare figure
    with decimals and a measure that reads bare figures ("the quake, measuring 6.6," and "a
    magnitude 6.6 quake"; "ran 9.79" and "9.79 seconds")."""
    da, db = dimension(a), dimension(b)
    return da == db or ("figure" in (da, db) and reads_bare_figures(da) and reads_bare_figures(db))


def numbers_compatible(a: Mention, b: Mention, *, loose: bool = False) -> bool:
    """The same dimension, and the figures agree within what their hedges allow."""
    if not same_dimension(a, b):
        return False
    span_a, span_b = number_span(a, loose=loose), number_span(b, loose=loose)
    if span_a is None or span_b is None:
        return a.value == b.value
    if converted(a, b):
        size_a, size_b = unit_size(a), unit_size(b)
        low, high = span_a[0] * size_a, span_a[1] * size_a
        span_a = (low * (1 - CONVERSION_SLACK), high * (1 + CONVERSION_SLACK))
        span_b = (span_b[0] * size_b, span_b[1] * size_b)
    elif not loose:
        span_a, span_b = _cut(a, span_a, span_b), _cut(b, span_b, span_a)
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def _cut(mention: Mention, span: tuple[Decimal, Decimal], other: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    """A scaled figure's span against an exact one, widened to what cutting the exact figure at
    the written decimal gives: "2.29 million" votes for a tally of 2,299,767 is as common in
    news as "2.3 million", and so is "about 3.6 million" for 3,690,466. A bare figure of one
    decimal claims its rounding ("1.5 million" is not 1,590,000), and a bound keeps its own side
    ("up to 2.29 million" is not 2,299,767). Against a figure that is itself rounded it stays a
    rounding: "$53.3 billion" is not "$53.39 billion", and "$11.4bn" and "$11.5bn" differ."""
    if other[0] != other[1] or mention.qualifier not in (None, *ROUNDED):
        return span  # checked first: matching asks this of every pair, and most fail here
    written, bounds = _written(mention), number_range(mention.value)
    if written is None or bounds is None:
        return span
    shown, decimals = written
    if bounds[0] <= 0 or bounds[0] < SCALED * shown or (decimals < 2 and mention.qualifier not in ROUNDED):
        return span
    return (span[0], span[1] + _rounding(mention, bounds[0]))


# How much larger than its written figure a value is when a scale word multiplied it: a
# thousand ("1.5 thousand", "2.4 million", "$3.1bn").
SCALED = 1000


# A figure converted from another unit is rounded by whoever converted it, to two or three
# significant figures: "12 km" is given as "7.5 miles" (7.46), "400 m" as "1,312 feet" (1,312.3).
# Two values in different units agree when they are this close once converted.
CONVERSION_SLACK = Decimal("0.03")


def converted(a: Mention, b: Mention) -> bool:
    """Whether two numbers are given in two units of defined size ("12 km", "7.5 miles")."""
    return a.unit != b.unit and a.unit in lang.unit_sizes() and b.unit in lang.unit_sizes()


def unit_size(mention: Mention) -> Decimal:
    """How many of its dimension's base unit one of the mention's unit is (1 when undefined)."""
    sized = lang.unit_sizes().get(mention.unit or "")
    return sized[1] if sized is not None else Decimal(1)


def place_parts(value: str) -> tuple[str, ...]:
    """"Vienna, Austria" → ("austria", "vienna"): from the widest area inwards."""
    return tuple(part.strip().casefold() for part in reversed(value.split(",")) if part.strip())


def places_compatible(a: str, b: str) -> bool:
    """The same place, or one inside the other ("Vienna, Austria" and "Austria")."""
    pa, pb = place_parts(a), place_parts(b)
    shorter = min(len(pa), len(pb))
    return shorter > 0 and pa[:shorter] == pb[:shorter]


QUOTE_MIN_WORDS = 4  # shorter quotations say too little to identify a statement


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


@dataclass(frozen=True, slots=True)
class _Transcription:
    """How transcripts of one statement differ (lang/en/transcription.txt)."""

    expand: dict[str, tuple[str, ...]]  # contracted forms → their expansion: "dont" → "do not"
    dropped: frozenset[str]  # words transcripts keep or drop at will: "that", "um"
    light: frozenset[str]  # words they swap: "the results are" / "the results will be"
    weighty: frozenset[str]  # words that change what was said wherever they stand: "not", "could"
    unswapped: frozenset[str]  # words no other word stands for, though a transcript may drop them: "we"
    negations: frozenset[str]  # words that negate, folded as ``_edits`` compares words: "not", "never"
    persons: frozenset[str]  # the "=" words, folded as ``_edits`` compares words (not inflected): "i", "we"


@functools.cache
def _transcription() -> _Transcription:
    expand: dict[str, tuple[str, ...]] = {}
    dropped: set[str] = set()
    light: set[str] = set()
    weighty: set[str] = set()
    unswapped: set[str] = set()
    negations: set[str] = set()
    persons: set[str] = set()
    for canon, forms in lang.groups("transcription"):
        if canon == "-":
            dropped.update(forms)
        elif canon == "~":
            light.update(forms)
            light.update(map(stem, forms))  # as ``_lightly_reworded`` compares them
        elif canon in ("!", "¬"):
            weighty.update(folded for form in forms for folded in _inflected(form))
            if canon == "¬":
                negations.update(map(stem, forms))
        elif canon == "=":
            unswapped.update(folded for form in forms for folded in _inflected(form))
            persons.update(map(stem, forms))
        else:
            expand.update({form: tuple(canon.split()) for form in forms})
    return _Transcription(
        expand,
        frozenset(dropped),
        frozenset(light),
        frozenset(weighty),
        frozenset(unswapped),
        frozenset(negations),
        frozenset(persons),
    )


def transcribed(words: tuple[str, ...]) -> tuple[str, ...]:
    """A quotation's words as any transcript would give them: contractions expanded, words such
    as "that" and "um" dropped ("we wont say that it is" → "we will not say it is")."""
    transcription = _transcription()
    out: list[str] = []
    for word in words:
        if word not in transcription.dropped:
            out.extend(transcription.expand.get(word, (word,)))
    return tuple(out)


def statement_share(a: Sequence[str], b: Sequence[str], *, of_first: bool = False) -> float:
    """The share of the shorter quotation's content words (with ``of_first``, of ``a``'s) that
    the other holds, light words left out and inflections folded: "the building is literally
    pancaked" and "it appears the building is in very good shape" share most of their words but
    one content word of three."""
    light = _transcription().light
    ca = set(_folded(transcribed(tuple(a)))) - light
    cb = set(_folded(transcribed(tuple(b)))) - light
    return share(ca, cb, of_first=of_first)


def share(a: Collection[str], b: Collection[str], *, of_first: bool = False) -> float:
    """The share of the smaller set's words (with ``of_first``, of ``a``'s) that the other
    holds; 0 when either is empty."""
    wa, wb = set(a), set(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / (len(wa) if of_first else min(len(wa), len(wb)))


def _within(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """``shorter`` is a run of ``longer``, word for word, once transcribed alike, or once the
    spaces between words are gone ("fire fighting" and "firefighting"), or but for light words
    (``_lightly_reworded``)."""
    if contains_run(longer, shorter):
        return True
    said_longer, said_shorter = transcribed(longer), transcribed(shorter)
    if contains_run(said_longer, said_shorter):
        return True
    if len(shorter) >= QUOTE_JOIN_MIN_WORDS and "".join(shorter) in "".join(longer):
        return True
    return _lightly_reworded(said_longer, said_shorter)


QUOTE_JOIN_MIN_WORDS = 4  # shorter quotations are compared word by word only
LIGHT_MIN_KEPT = 3  # content words both must share before light words may differ: "in the" is no quotation


def _lightly_reworded(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """``shorter`` is a run of ``longer`` but for light words swapped, added or dropped inside it
    ("the results are good" in "we said the results will be good"; "a private account" and "the
    private account"), for a few words one transcript adds or leaves out ("the progress we have
    made on inflation" / "the progress on inflation"; "I will say" / "I have to say, though"),
    or, in a long quotation, for a word or two one transcript or translation gives for another's
    ("drove off with the car while the driver unloaded" / "drove off with the vehicle while the
    driver was unloading"). Every other word stays, in order; a word that changes what was said (a
    negation, a modal such as "could", a number) is never added, dropped or swapped, nor is any
    word of ``_unswappable`` swapped; and in a short quotation a replaced content word is another
    statement: "we will not win" keeps "not", "a sick child" is not "a sick woman"."""
    if len(longer) > EXCERPT_MAX_WORDS:
        return False
    transcription = _transcription()
    light, weighty = transcription.light, transcription.weighty
    kept = sum(1 for word in shorter if word.casefold() not in light)
    if kept < LIGHT_MIN_KEPT:
        return False
    # An inflection or a capital is a transcription too: "This damage and loss is" / "The damage
    # and losses are".
    edits = swaps = 0
    for replaced, put in _edits(*_aligned(_folded(longer), _folded(shorter))):
        if light.issuperset(replaced) and light.issuperset(put):
            continue
        heavy = [word for word in (*replaced, *put) if word not in light]
        if any(word in weighty or _has_digit(word) for word in heavy):
            return False
        if replaced and put:
            if max(len(replaced), len(put)) > SWAP_MAX_WORDS or not _swappable(heavy):
                return False  # a phrase replaced, or a unit, a number or a day: another statement
            swaps += max(sum(w not in light for w in replaced), sum(w not in light for w in put))
            continue
        if len(heavy) > SLIP_MAX_WORDS:
            return False
        edits += len(heavy)
    allowed_swaps = kept // SWAP_SHARE if kept >= SWAP_MIN_KEPT else 0
    return edits <= max(SLIP_MAX_WORDS, kept // SLIP_SHARE) and swaps <= allowed_swaps


# A transcript may add or leave out a run of this many words ("the progress [we have made]");
# a longer one is a changed statement ("a concert, [what should have been] a joyful
# celebration" holds a modal too).
SLIP_MAX_WORDS = 3
SLIP_SHARE = 5  # and in all no more such words than three or a fifth of the words kept, if more
# Two transcripts, or two translations, of one long statement may give another word for a word
# or two ("the car" / "the vehicle"): one such word per SWAP_SHARE content words kept, in a
# quotation that keeps at least SWAP_MIN_KEPT, and never a run longer than SWAP_MAX_WORDS.
SWAP_MAX_WORDS = 2
SWAP_MIN_KEPT = 6
SWAP_SHARE = 6


@functools.cache
def _unswappable() -> frozenset[str]:
    """Words no transcript gives for another, in every form ``_lightly_reworded`` folds them to:
    units, numbers, calendar and relative days, seasons, compass points, fates, countries and
    their peoples, and the "!", "¬" and "=" words of lang/en/transcription.txt ("percent" for
    "percentage points", "Tuesday" for "Monday", "south" for "north", "injured" for "killed",
    "she" for "he")."""
    found = (
        lang.unit_words()
        | lang.number_words()
        | lang.calendar_words()
        | lang.words("relative_days")
        | {row[0] for row in lang.rows("seasons")}
        | lang.words("compass")
        | lang.fate_words()
        | {word for country in lang.tagged("countries") for word in country.split()}
        | _transcription().weighty
        | _transcription().unswapped
    )
    return frozenset(folded for word in found for folded in _inflected(word))


def _swappable(words: Sequence[str]) -> bool:
    """Whether a transcript may give these words for others (see ``_unswappable``; a word with a
    digit never gets this far)."""
    return not any(word in _unswappable() for word in words)


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)  # "12", "10m", "3rd"


def _inflected(word: str) -> set[str]:
    """A word's regular plural and verb forms, folded as quotations are compared ("increase" →
    "increases", "increased", "increasing"; "win" → "winning"; "deny" → "denied"), so that a
    lexicon of base forms covers them; irregular forms are listed ("rose", "risen")."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms |= {word[:-1] + "ied", word[:-1] + "ies"}  # "deny" → "denied", "century" → "centuries"
    if word[-1:].isalpha() and word[-1:] not in "aeiouwxy":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return {word} | {stem(form) for form in forms}


def _aligned(longer: Sequence[str], shorter: Sequence[str]) -> tuple[Sequence[str], Sequence[str]]:
    """``longer`` cut to the stretch a partial quotation ``shorter`` can stand for: around the
    longest run of words the two share, as far on each side as ``shorter`` reaches, and a few
    words more. An edit script over the whole of ``longer`` may match a light word of
    ``shorter`` far away ("police warned people to ... [people] gathered") and report the words
    between as dropped."""
    i, j, n = _longest_run(tuple(longer), tuple(shorter))
    if not n:
        return longer, shorter
    start = max(0, i - j - SLIP_MAX_WORDS)
    end = min(len(longer), i + n + (len(shorter) - j - n) + SLIP_MAX_WORDS)
    return longer[start:end], shorter


def _edits(canonical: Sequence[str], other: Sequence[str]) -> Iterator[tuple[Sequence[str], Sequence[str]]]:
    """The runs of words that ``other`` replaces, drops or adds inside ``canonical``, as
    (replaced, put) pairs, ignoring what a partial quotation leaves out at either end."""
    ops = list(Levenshtein.opcodes(canonical, other))
    while ops and ops[0].tag == "delete":
        ops.pop(0)
    while ops and ops[-1].tag == "delete":
        ops.pop()
    for op in ops:
        if op.tag != "equal":
            yield canonical[op.src_start : op.src_end], other[op.dest_start : op.dest_end]


def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stem(word.casefold()) for word in words)


def word_diff(canonical: Sequence[str], other: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words ``other`` adds to and drops from ``canonical``, ignoring what a partial quotation
    leaves out at either end."""
    added: list[str] = []
    dropped: list[str] = []
    for replaced, put in _edits(canonical, other):
        dropped += replaced
        added += put
    return tuple(added), tuple(dropped)


def reworded(canonical: Sequence[str], other: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The content words a compatible variant of a quotation gives in place of the canonical
    one's ("lorry" for "truck"), as (added, dropped); light words, inflections and transcription
    ("dont" / "do not") left out. Nothing for two excerpts of one statement, which differ
    wholly outside the words they share (``excerpts``), nor for words one quotation leaves out
    at either end."""
    said, heard = transcribed(tuple(canonical)), transcribed(tuple(other))
    longer, shorter = (said, heard) if len(said) >= len(heard) else (heard, said)
    if not _within(longer, shorter):
        return (), ()
    light = _transcription().light
    put_in: list[str] = []  # words of the shorter quotation in place of the longer one's
    taken_out: list[str] = []
    stretch, part = _aligned(longer, shorter)
    for replaced, put in _edits(stretch, part):
        taken_out += [word for word in replaced if word not in light]
        put_in += [word for word in put if word not in light]
    # an inflection is no other word ("was unloading" / "unloaded", where the partial quotation
    # ends before "unloading")
    stems_out, stems_in = {stem(word) for word in stretch}, {stem(word) for word in part}
    put_in = [word for word in put_in if stem(word) not in stems_out]
    taken_out = [word for word in taken_out if stem(word) not in stems_in]
    if longer is said:
        return tuple(put_in), tuple(taken_out)
    return tuple(taken_out), tuple(put_in)


@functools.lru_cache(maxsize=65536)
def quotes_compatible(a: str, b: str) -> bool:
    """Equal once normalized, or one a partial quotation of the other, allowing the small
    differences of transcription (``transcribed``, joined compounds), or two excerpts of one
    statement (``excerpts``)."""
    wa, wb = quote_words(a), quote_words(b)
    wa, wb = _abbreviated(wa, wb), _abbreviated(wb, wa)
    return (_within(wa, wb) if len(wa) >= len(wb) else _within(wb, wa)) or excerpts(wa, wb)


def agreeing(kind: Kind) -> Callable[[Mention, Mention], bool]:
    """How two mentions of a claim of this kind agree: quotations when they say the same thing
    (``same_statement``), other kinds when their values are compatible."""
    return same_statement if kind is Kind.QUOTE else compatible


def same_statement(a: Mention, b: Mention) -> bool:
    """Whether two quotations of one statement say the same thing: words that change nothing of
    what was said (``changes_meaning``). Matching decides which quotations are one statement;
    this decides whether the sources then agree on it."""
    return not changes_meaning(a, b)


def changes_meaning(a: Mention, b: Mention) -> bool:
    """Whether two quotations of one statement, where their words differ, say different things:
    they hold other negations ("we will win" / "we will not win"; a negation that only moves is
    the same: "never have we seen" / "we have never seen"), or a figure, a name or a person is
    replaced by another ("30 homes" / "45 homes", "the council's chief" / "Ana Duarte", "I have
    a town to rebuild" / "We have a town to rebuild").

    Any other difference is how transcripts and translations of one statement differ: synonyms,
    tense, a modal, word order, a word or two more or less ("I came out of the kitchen" / "I come
    out of the pantry"). Measured on the labelled real-news sets: of 349 pairs of mentions of one
    gold quotation whose words differ beyond ``quotes_compatible``, 301 are corroborated and 48
    altered; these four changes mark 13 of the 48 and 20 of the 301. A name is a capitalised word
    that does not open a sentence: one that opens the quotation is not seen as a name."""
    return _changes_meaning(a.value, a.text, b.value, b.text)


@functools.lru_cache(maxsize=65536)
def _changes_meaning(value_a: str, text_a: str, value_b: str, text_b: str) -> bool:
    wa, wb = quote_words(value_a), quote_words(value_b)
    wa, wb = _abbreviated(wa, wb), _abbreviated(wb, wa)  # "the NTSB" / "the National Transportation Safety Board"
    if excerpts(wa, wb):
        return False  # two cuts of one statement differ wholly outside the words they share
    said, heard = transcribed(wa), transcribed(wb)
    longer, shorter = (said, heard) if len(said) >= len(heard) else (heard, said)
    transcription = _transcription()
    folded = _folded(shorter)
    stretch = _quoted_stretch(_folded(longer), folded)
    if sorted(w for w in stretch if w in transcription.negations) != sorted(w for w in folded if w in transcription.negations):
        return True
    # Words replaced by others, summed over the stretch, so that a word that only moves ("never
    # have we" / "we have never") is no change; words one transcript leaves out are none either.
    replaced: list[str] = []
    put: list[str] = []
    for before, after in _edits(stretch, folded):
        if before and after:
            replaced += before
            put += after
    names = _names(text_a) | _names(text_b)
    moved = set(replaced) & set(put)
    return (
        _figures(replaced) != _figures(put)
        or any(word in names and word not in moved for word in (*replaced, *put))
        or _persons(replaced) != _persons(put)
    )


def _persons(words: Sequence[str]) -> list[str]:
    """The words of a run that say who ("i", "we", "she"; the "=" words of transcription.txt)."""
    return sorted(word for word in words if word in _transcription().persons)


def _quoted_stretch(longer: tuple[str, ...], shorter: tuple[str, ...]) -> tuple[str, ...]:
    """The stretch of ``longer`` that ``shorter`` quotes: of the runs as long as ``shorter``, a
    few words more or less, the one fewest word edits away. Unlike ``_aligned``, it does not
    hang on the longest shared run, which a common phrase may place elsewhere ("we have seen
    floods … we have so many injured" against "we have many wounded"). Up to seven runs a word
    of ``longer``, each compared with ``shorter``, and only for quotations up to
    ``EXCERPT_MAX_WORDS`` long."""
    if len(longer) <= len(shorter) + SLIP_MAX_WORDS:
        return longer
    if len(longer) > EXCERPT_MAX_WORDS:
        return tuple(_aligned(longer, shorter)[0])  # bounded work on a speech quoted whole
    best = (len(longer) + len(shorter), 0, len(longer))
    for size in range(max(1, len(shorter) - SLIP_MAX_WORDS), len(shorter) + SLIP_MAX_WORDS + 1):
        for start in range(len(longer) - size + 1):
            distance = Levenshtein.distance(longer[start : start + size], shorter)
            if distance < best[0]:
                best = (distance, start, size)
    return longer[best[1] : best[1] + best[2]]


# Where a sentence ends inside a quotation: after a word of two lower-case letters or more, so
# that "Mr." or "U.S." does not end one and make the next name its first word.
SENTENCE_BREAK = re.compile(r"(?<=[a-z][a-z][.!?])[\"'”’]?\s+")
NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
NAME_JOINERS = re.compile(r"[-'’]")  # gone from quotation values: "Smith-Jones" is "smithjones"


def _names(text: str) -> frozenset[str]:
    """The names of a quotation: its capitalised words that do not open a sentence ("Jane",
    "Roe", "Lyon"), folded as quotation values and ``_edits`` fold words ("Smith-Jones" →
    "smithjones"). "I" is no name, nor is a word in capitals, nor any word of a sentence
    written mostly in capitals or in title case (a headline, a shout)."""
    found: set[str] = set()
    for sentence in SENTENCE_BREAK.split(text.strip()):
        words = NAME_WORD.findall(sentence)
        capitalised = [w for w in words if w[0].isupper()]
        if len(words) >= 3 and len(capitalised) * 2 > len(words):
            continue
        for word in words[1:]:
            if word[0].isupper() and word != "I" and not (len(word) > 1 and word.isupper()):
                found.add(stem(to_us(NAME_JOINERS.sub("", word.casefold()))))
    return frozenset(found)


def _figures(words: Sequence[str]) -> list[str]:
    return sorted(word for word in words if _has_digit(word))


INITIALISM_LETTERS = range(2, 7)  # "UN" … "NASDAQ": longer runs of initials are not a name


def _abbreviated(words: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with each name spelled out where ``other`` gives its initials in the same
    place: against "we assist the NTSB's inquiry", "the National Transportation Safety Board's
    inquiry" becomes "the ntsbs inquiry". A transcript may write a body's name either way."""
    initialisms = {w for w in other if len(w) in INITIALISM_LETTERS and w.isalpha()} - set(words)
    if not initialisms:
        return words
    out, i = [], 0
    while i < len(words):
        spelled = next(
            ((short, n) for short in sorted(initialisms) if (n := _spells(words, i, short)) and _same_place(words, i, n, other, short)),
            None,
        )
        if spelled:
            out.append(spelled[0])
            i += spelled[1]
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


def _spells(words: tuple[str, ...], i: int, short: str) -> int:
    """How many words from ``i`` on spell ``short`` by their initials, or 0."""
    if _initials(words[i : i + len(short)]) == short:
        return len(short)
    # the possessive s ends both: "ntsbs" and "national transportation safety boards"
    n = len(short) - 1
    if short.endswith("s") and n >= 2 and _initials(words[i : i + n]) == short[:-1] and words[i + n - 1].endswith("s"):
        return n
    return 0


def _same_place(words: tuple[str, ...], i: int, n: int, other: tuple[str, ...], short: str) -> bool:
    """Whether the ``n`` words from ``i`` stand where ``other`` has ``short``: a word next to
    them is the word next to it ("the … boards investigation", "the ntsbs investigation"), so
    that "school and flooded every" is not taken for "safe"."""
    before = words[i - 1] if i else None
    after = words[i + n] if i + n < len(words) else None
    return any(
        (before is not None and k and other[k - 1] == before) or (after is not None and k + 1 < len(other) and other[k + 1] == after)
        for k, word in enumerate(other)
        if word == short
    )


def _initials(run: tuple[str, ...]) -> str:
    return "".join(word[0] for word in run)


# Two quotations that share a run of this many words are two cuts of one statement when what
# lies outside the run differs wholly. The labelled sets' altered quotations change words inside
# a sentence; their excerpts share whole sentences of 8 words and more.
EXCERPT_MIN_WORDS = 8
# What lies outside the shared run is a changed wording, not another part of the statement,
# when it is at least this alike (rapidfuzz ratio): "we will win" / "we will not win".
REWORDED = 60.0
EXCERPT_EDGE_WORDS = 4  # a shorter edge is a changed word or two, not another part of the statement
EXCERPT_MAX_WORDS = 400  # longer quotations are compared by ``_within`` only: bounded work


def excerpts(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two quotations are two excerpts of one statement: they share a run of
    ``EXCERPT_MIN_WORDS`` words, and what comes before it, and after it, differs wholly between
    them. "The fire reached my house. Nothing could be done" and "The fire reached my house.
    I only saved my body" are one statement cut in two places; "We will win the vote" and "We
    will not win the vote" differ inside it."""
    ta, tb = transcribed(a), transcribed(b)
    if min(len(ta), len(tb)) < EXCERPT_MIN_WORDS or max(len(ta), len(tb)) > EXCERPT_MAX_WORDS:
        return False
    i, j, n = _longest_run(ta, tb)
    if n < EXCERPT_MIN_WORDS:
        return False
    return not _reworded(ta[:i], tb[:j]) and not _reworded(ta[i + n :], tb[j + n :])


def _longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int, int]:
    """Where the longest run of words common to ``a`` and ``b`` starts in each, and its length."""
    found = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return found.a, found.b, found.size


def _reworded(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether the two edges outside a shared run are one wording changed rather than two other
    parts of a statement: both are there, and they are alike ("we will" / "we will not") or one
    is too short to be another part ("win" / "lose")."""
    if not a or not b:
        return False
    return min(len(a), len(b)) < EXCERPT_EDGE_WORDS or fuzz.ratio(" ".join(a), " ".join(b)) >= REWORDED


def compatible(a: Mention, b: Mention, *, loose: bool = False) -> bool:
    """Whether two mentions of one kind state the same value; with ``loose``, whether they may
    be one fact stated loosely (two outlets' "about 30" and "about 35": ``LOOSE_SPAN``)."""
    if a.kind is not b.kind:
        return False
    if a.kind is Kind.DATE:
        return dates_compatible(a.value, b.value) or weekdays_compatible(a, b)
    if a.kind is Kind.NUMBER:
        return numbers_compatible(a, b, loose=loose)
    if a.kind is Kind.VENUE:
        return places_compatible(a.value, b.value)
    return quotes_compatible(a.value, b.value)


def comparable(a: Mention, b: Mention) -> bool:
    """Whether two mentions could state one fact at all: a count and a distance never do."""
    if a.kind is not b.kind:
        return False
    return a.kind is not Kind.NUMBER or same_dimension(a, b)


def can_conflict(mention: Mention) -> bool:
    """Whether a mention is precise enough to contradict another: vague counts, converted
    figures ("25 km (16 miles)"), datelines and scare quotes can corroborate but never contradict."""
    if mention.kind is Kind.NUMBER:
        return not is_vague_number(mention.value) and mention.qualifier != "converted"
    if mention.kind is Kind.VENUE:  # an unlisted place may lie inside any other (extract/places.py)
        return mention.context != "dateline" and mention.qualifier != "unlisted"
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


def value_groups(mentions: Sequence[Mention], alike: Callable[[Mention, Mention], bool] = compatible) -> list[list[Mention]]:
    """Mentions grouped by ``alike`` (default ``compatible``); each group's first mention is its
    most specific.

    Groups are ordered by how many sources state them, then by how specific they are.
    """
    ordered = sorted(mentions, key=lambda m: (-specificity(m), m.source_id, m.start))
    groups: list[list[Mention]] = []
    for mention in ordered:
        for group in groups:
            if alike(group[0], mention):
                group.append(mention)
                break
        else:
            groups.append([mention])
    groups.sort(key=lambda g: (-len({m.source_id for m in g}), -specificity(g[0]), g[0].value))
    return groups
