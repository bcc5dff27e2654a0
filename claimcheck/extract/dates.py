"""Dates: absolute, numeric and relative date mentions, normalized to ISO 8601.

Values carry the precision the text supports: ``2022-02-07`` (day), ``2021-09`` (month),
``2016`` (year), and ``--02-07`` / ``--09`` when no year can be known (no publication date).
Parts and seasons keep the base value and go to ``qualifier``: "early", "mid", "late",
"spring", "summer", "autumn", "winter"; a day range ("June 3-13") yields its first day with
the qualifier "range". "March 6 and 7" yields two mentions, "March 6" and "7".

Rules (each one is a row of ``tests/data/extract/date.json``):

* Reference date: ``doc.source.published`` (ISO, first ten characters), else
  ``settings.reference_date``. Without one, relative forms ("Tuesday", "next month", "the
  next day" with no dated anchor) yield nothing, and a month or day without a year yields
  ``--MM`` / ``--MM-DD``.
* Tense of a mention: the nearest marker to its left in the sentence ("will", "would",
  "scheduled", "to be", "to hold"... say future; "was", "met", "held", "-ed" verbs say past; a
  reporting verb says past only when the date hangs on it, "said on Monday"). A date at the
  head of its clause ("On Tuesday, X ordered...") takes the first marker to its right.
* Year inference for a month or day without a year (candidates: the publication year and
  the years either side): future tense takes the first occurrence on or after the
  publication date, past tense the last one on or before it (a week of slack either way, for
  copy dated after it was written); with no tense, the nearest occurrence if it lies within
  about two months of the publication date (so "Jan 14" in an article of 19 Dec 2019 is
  2020-01-14), otherwise the publication year.
* Weekdays: past or unknown tense, the latest such day on or before the publication date;
  future tense or "next"/"coming", the first one after it; "last Tuesday" the one before it.
  A weekday next to an explicit date ("Friday (3 November)", "Friday, May 6, 2022") is
  part of that date's surface text and the explicit date wins.
* Numeric dates: ``2022-02-07`` and ``2022/02/07`` are year-month-day. ``a/b/yyyy`` is
  month/day (US) unless a > 12, or the article writes its dates day-first ("9 March"
  outnumbers "March 9"); ``a.b.yyyy`` and ``a-b-yyyy`` are day-month unless b > 12.
* A bare four-digit number is a year only in 1800..2100 and with evidence: a preposition
  before it ("in", "since", "by", "until"...), a part ("early 2022"), or an event noun or
  possessive after it ("2016 referendum", "2016's"); never before a counted noun ("of 2000
  troops"). Decades ("the 1990s"), clock times, scores, prices, addresses and model numbers
  are not dates.
* Seasons follow the northern hemisphere; a season is dated by the year it starts in.

``context`` holds the content words of the mention's clause, lower-cased, without any date
words: the match stage uses it to tell one event from another.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from claimcheck import lang
from claimcheck.extract.base import eligible
from claimcheck.model import Document, Kind, Mention, Note
from claimcheck.settings import Settings

# --------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NUMBERS: dict[str, int] = lang.months()  # "january", "jan", "sept"… → 1..12
_FULL_MONTHS = lang.month_names()
_ABBR_MONTHS = lang.month_abbreviations()
_WEEKDAYS = lang.weekday_names()

# Month names that are also given names: with a capitalized word right before them
# ("Theresa May 10", "Carter June 2021") they are names, not dates.
_NAME_MONTHS = lang.tagged("date_words", "given_name")  # lang/en/date_words.txt

# "a week", "three days": the counts a relative date takes, one to twelve.
_NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, **{w: n for w, n in lang.cardinals("unit").items() if 1 <= n <= 12}
}

# Seasons and the month each starts in (lang/en/seasons.txt), and their first letters.
_SEASON_START = {season: int(month) for season, month in lang.rows("seasons")}
_SEASON_INITIALS = "".join(dict.fromkeys(season[0] for season in _SEASON_START))
# Words for an edge of a period and the part they name: "the end of June" is late June
# (lang/en/period_edges.txt).
_EDGE_PART = {edge: part for edge, part in lang.rows("period_edges")}


def _cased(words: Iterable[str]) -> str:
    """An alternation of the Title-case and UPPER-case forms, longest first (no IGNORECASE:
    lower-case "may", "march" and "august" are words, not months)."""
    words = tuple(words)  # read twice
    forms = {w.title() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(forms, key=lambda f: (-len(f), f)))


def _initial_either(words: Iterable[str]) -> str:
    """An alternation of lower-case words whose first letter may be upper case too, in order:
    "[Ss]pring|[Ss]ummer"."""
    return "|".join(f"[{word[0].upper()}{word[0]}]{word[1:]}" for word in words)


def _first_letters(words: Iterable[str]) -> str:
    """The first letters of lower-case words in both cases, once each, for a lookahead: "SsAa"."""
    return "".join(c.upper() + c for c in dict.fromkeys(word[0] for word in words))


_MONTH = rf"(?:(?:{_cased(_FULL_MONTHS)})(?![A-Za-z])|(?:{_cased(_ABBR_MONTHS)})(?![A-Za-z])\.?)"
_FULL_MONTH = rf"(?:{_cased(_FULL_MONTHS)})(?![A-Za-z])"
_WEEKDAY = rf"(?:{_cased(_WEEKDAYS)})(?![A-Za-z])"
_YEAR = lang.YEAR
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"

# --------------------------------------------------------------------------------------------
# Patterns. Each one is tried over a whole sentence; overlaps are settled afterwards (the
# earliest, then the longest, wins).

# Year-month-day with one separator. Matches: "2022-02-07", "2021/11/29".
# Must not match: "978-3-16-148410-0" (an ISBN).
_ISO_DATE = re.compile(
    r"(?=\d)(?<![\w./:-])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?![\w/:]|[-.]\d)"
)

# Day and month as numbers. Matches: "14-03-2024", "03.02.2022", "11/30/21".
# Must not match: "202-555-0143" (a phone number), "08.55" (a clock time).
_NUMERIC_DATE = re.compile(
    r"(?=\d)(?<![\w./:-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)"
    r"(?P<y>\d{4}|(?<=/\d/)\d\d|(?<=/\d\d/)\d\d)(?![\w/:%]|[-.]\d)"
)

# Month first. Matches: "Feb. 7", "February 7th", "Friday, May 6, 2022" (from "May"),
# "June 3-13", "March 6 and 7". Must not match: "June 2,000" (a count after a month).
_MONTH_DAY = re.compile(
    rf"(?=[JFMASOND])(?<![\w-])(?P<mon>{_MONTH})\s+(?:the\s+)?(?P<d1>{_DAY})"
    rf"(?:\s*(?P<sep>[-–]|to|through|until|till|and|&)\s*(?P<d2>{_DAY})(?![\d:]|[.,]\d))?"
    rf"(?:,?\s+(?P<y>{_YEAR})(?![\d%]|[.,]\d))?"
    r"(?![\d:%]|[.,]\d)"
)

# Day first. Matches: "10 January", "27 December", "10th of January", "10 Jan, 2022",
# "15-16 June". Must not match: "10 Downing Street" (no month after the number).
_DAY_MONTH = re.compile(
    rf"(?=\d)(?<![\w.,/$€£:-])(?P<d1>{_DAY})"
    rf"(?:\s*(?P<sep>[-–]|to|and|&)\s*(?P<d2>{_DAY}))?"
    rf"\s+(?:of\s+)?(?P<mon>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR})(?![\d%]|[.,]\d))?"
    r"(?![\w-])"
)

# A month and a year. Matches: "June 2021", "Sept. 2021", "June of 2021".
# Must not match: "May 20,000" (the number is no year).
_MONTH_YEAR = re.compile(
    rf"(?=[JFMASOND])(?<![\w-])(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})(?![\w%]|[.,/-]\d)"
)

# A month on its own; accepted only with a trigger word before it (checked in code).
# Matches: "June" in "in June", "last June", "mid-March", "early January".
# Must not match: "march" in "protesters march" (lower case), "Mayor".
_BARE_MONTH = re.compile(
    rf"(?=[LlNnTtEeMmJFASOD])(?<![\w])(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?"
    rf"(?:(?P<part>[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s+))?(?P<mon>{_FULL_MONTH})(?![\w-])"
)

# A four-digit year; evidence for it is checked in code. Matches: "2016" in "in 2016",
# "mid-2022", "2016's". Must not match: "1990s" (a decade), "$2016", "2010-15".
_BARE_YEAR = re.compile(rf"(?=[12])(?<![\w$€£¥#.,/:])(?P<y>{_YEAR})(?![\w%]|[.,/:]\d|[-–]\d)")

# Weekday. Matches: "Tuesday", "last Tuesday", "next Friday".
# Must not match: "Tues" (abbreviations are not read), "tuesday" in a URL slug is lower case.
_WEEKDAY_NAME = re.compile(
    rf"(?=[LlNnTtCcMWFS])(?<![\w-])(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?"
    rf"(?P<wd>{_WEEKDAY})(?![\w-])"
)

# Today and its neighbours. Matches: "yesterday", "Tonight", "this morning", "last night".
# Must not match: "today's" (usually "today's world", not a date).
_DEICTIC_DAY = re.compile(
    r"(?=[TtYyLl])(?<![\w-])(?P<w>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night|"
    r"[Tt]his\s+(?:morning|afternoon|evening))(?![\w-]|['’]s\b)"
)

# Calendar months and years named relative to the publication date. Matches: "next month",
# "earlier this month", "last year", "later this year". Must not match: "last week" (too vague
# to check), "the next month" (rejected in code: a duration, "over the next month").
_RELATIVE_PERIOD = re.compile(
    r"(?=[EeLlNnTt])(?<![\w-])(?:(?P<mod>[Ee]arlier|[Ll]ater)\s+)?(?P<rel>[Nn]ext|[Ll]ast|[Tt]his)\s+"
    r"(?P<unit>month|year)(?![\w-])"
)

# Counted distance back in time. Matches: "two days ago", "a year ago", "3 months ago".
# Must not match: "a few days ago" (no count), "30 days" (no "ago").
_AGO = re.compile(
    rf"(?=[{_first_letters(_NUMBER_WORDS)}\d])(?<![\w-])"
    rf"(?P<n>{_initial_either(_NUMBER_WORDS)}|\d{{1,2}})\s+(?P<unit>day|week|month|year)s?\s+ago(?![\w-])"
)

# A day named by its distance from a date mentioned just before. Matches: "the next day",
# "the following day", "a day later", "two days later", "the day before", "a week later".
# Must not match: "the next week" (too vague). "the day before the vote" matches, and code
# rejects it: the anchor is an event, not a date.
_ANCHORED_DAY = re.compile(
    r"(?=[TtAaOoFfSs\d])(?<![\w-])"
    r"(?:(?P<the>[Tt]he\s+(?P<which>next|following|previous|preceding|same)\s+day)|"
    r"(?P<ba>[Tt]he\s+day\s+(?P<dir>before|after))|"
    r"(?P<n>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|\d)\s+"
    r"(?P<unit>day|week)s?\s+(?P<le>later|earlier))(?![\w-])"
)

# A season with a year or a relative word. Matches: "spring 2021", "the summer of 2019" (from
# "summer"), "last winter", "this autumn". Must not match: "springtime". "Arab Spring" and
# "prices fall" match, and code drops a season with neither a year nor a relative word.
_SEASON = re.compile(
    rf"(?=[LlNnTt{_first_letters(_SEASON_START)}])(?<![\w-])"
    rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<season>{_initial_either(_SEASON_START)})"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})(?![\w%]|[.,]\d))?(?![\w-])"
)

# Cheap gates: which families of patterns a sentence can hold at all (see ``_families``), so
# that a sentence without digits never runs the numeric ones. Substring tests on the
# lower-cased sentence do the rest.
# Matches: "12". Must not match: "twelve".
_DIGIT = re.compile(r"\d")
# Matches: "03.02" (03.02.2022), "12/2". Must not match: "10 01".
_NUMERIC_GATE = re.compile(r"\d[-/.]\d")
# Matches: "2016". Must not match: "201".
_YEAR_GATE = re.compile(r"\d{4}")
# Matches: "Jun" (June), "SEP" (SEPT. 3). Must not match: "jun" (lower case).
_MONTH_GATE = re.compile(rf"(?=[JFMASOND])(?:{_cased(m[:3] for m in _FULL_MONTHS)})")
# Matches: "Monday", "FRIDAY". Must not match: "Mon." (no "day").
_WEEKDAY_GATE = re.compile(rf"(?=[MTWFS])(?:{_cased(d[:3] for d in _WEEKDAYS)})[A-Za-z]*[dD][aA][yY]")
# On the lower-cased sentence. Matches: "today", "night". Must not match: "day".
_DEICTIC_GATE = re.compile(
    r"(?=[tynmae])(?:today|yesterday|tomorrow|tonight|night|morning|afternoon|evening)"
)
# On the lower-cased sentence. Matches: "month", "year". Must not match: "mouth".
_PERIOD_GATE = re.compile(r"(?=[my])(?:month|year)")
# On the lower-cased sentence. Matches: "spring", "fall". Must not match: "sprint".
_SEASON_GATE = re.compile(rf"(?=[{_SEASON_INITIALS}])(?:{'|'.join(_SEASON_START)})")

# --------------------------------------------------------------------------------------------
# Context around a candidate (applied to the text just before or after it).

# A part of a period right before a month or year. Matches: "early " (early 2022), "mid-"
# (mid-March), "the end of " (the end of June), "late " (late last year).
# Must not match: "earlier " ("earlier this month" is no part).
_PART_BEFORE = re.compile(
    r"(?:(?<![\w-])(?P<part>[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s+)|"
    rf"(?<![\w-])(?:[Tt]he\s+)?(?P<edge>{'|'.join(_EDGE_PART)})\s+of\s+(?:the\s+)?)$"
)

# A weekday right before an explicit date. Matches: "Friday, " (Friday, May 6, 2022),
# "Friday (" (Friday (3 November)), "Friday " (Friday 5 November).
# Must not match: "Tuesday and " (two different days).
_WEEKDAY_BEFORE = re.compile(rf"(?<![\w-])(?P<wd>{_WEEKDAY})(?P<sep>,\s*|\s*\(\s*|\s+)$")

# The closing bracket of "Friday (3 November)". Matches: ")". Must not match: ", ".
_CLOSE_PAREN = re.compile(r"\s*\)")

# Punctuation stripped from the word before a date ("(in" → "in", "said," → "said").
_EDGE_PUNCTUATION = "\"'“”‘’()[],;:.!?—–"
# The word right after a position. Matches: "kilometres" in " kilometres away";
# must not match: "" (nothing after).
_WORD_AFTER = re.compile(r"\s*([\w'’/-]+)")
# The second word after a lower-case one. Matches: "crisis" in " financial crisis";
# must not match: " World Cup" (the next word is capitalized).
_SECOND_WORD_AFTER = re.compile(r"\s+[a-z][a-z-]*\s+([A-Za-z]+)")
# A capitalized word right before a month name. Matches: "Theresa " (Theresa May 10);
# must not match: "on " (on May 10).
_CAPITALIZED_BEFORE = re.compile(r"([A-Z][a-z]+)\s$")
# A month and a conjunction before another month. Matches: "June and " (June and August);
# must not match: "bread and " (not a month).
_MONTH_AND_BEFORE = re.compile(rf"{_FULL_MONTH}\s+(?:and|or|to)\s+$")
# "end of" and kin before a month. Matches: "the end of " (the end of June);
# must not match: "a man of " (no edge word).
# How far before a month those two are looked for: each ends at the month, so searching the
# whole sentence before it, for every month, only cost time ("May " repeated: issue 12). Longer
# than "September and " with any ordinary spacing.
_EDGE_REACH = 80
_EDGE_OF_BEFORE = re.compile(rf"(?:{'|'.join([*_EDGE_PART, 'month'])})\s+of\s+$")
# A part joined by a hyphen before a year. Matches: "mid-" (mid-2022);
# must not match: "A350-" (A350-1000).
_PART_HYPHEN_BEFORE = re.compile(r"(?:^|\W)(?:[Mm]id|[Ee]arly|[Ll]ate)-$")
# A year and a conjunction before another year. Matches: "2010 and " (between 2010 and 2015);
# must not match: "10 and " (not a year).
_YEAR_AND_BEFORE = re.compile(rf"{_YEAR}\s+(?:and|or|to|through)\s+$")
# The other end of a numeric span and the word after it. Matches: " and 2000 protesters";
# must not match: " and a half" (no number).
_SPAN_PARTNER = re.compile(r"\s+(?:and|to|-)\s+\d[\d,]*\s+(\w+)")
# What makes "next month" a duration rather than a date. Matches: "over the " (over the next
# month); must not match: "since " (since last month).
_DURATION_BEFORE = re.compile(r"(?:\bthe|\bpast|\bover)\s+$")
# The word after "the day before/after". Matches: " the" (the day before the vote);
# must not match: "," (the day before, she...).
_NEXT_TOKEN = re.compile(r"\s+(\S+)")

# Units and counted nouns: a number before one of them is a quantity, not a day or a year.
_COUNTED = lang.tagged("count_words", "counted")  # lang/en/count_words.txt

# Event nouns: a bare year right before one is a date ("the 2016 referendum").
_EVENT_NOUNS = lang.tagged("events", "dated")  # lang/en/events.txt

# Prepositions and words that make the next month or year a date ("in June", "since 1998").
_MONTH_TRIGGERS = lang.tagged("date_words", "month")  # lang/en/date_words.txt, as below
_YEAR_TRIGGERS = lang.tagged("date_words", "year")
# Prepositions after which a number is often a count ("of 2000 troops").
_COUNT_PREPOSITIONS = lang.tagged("date_words", "count")

# A determiner or possessive before "<Month> <event noun>" ("their June summit").
_DETERMINERS = lang.tagged("date_words", "determiner")

# Words before a weekday that make it a name ("Black Friday", "Super Tuesday").
_WEEKDAY_NAMES_BEFORE = lang.tagged("date_words", "day_name")
# Words after a weekday that make it a title ("Sunday Times", "Monday Night Football").
_WEEKDAY_NAMES_AFTER = lang.tagged("date_words", "day_title")

# --------------------------------------------------------------------------------------------
# Tense markers

# A word, for tense and context. Matches: "Kenya's", "talks". Must not match: "06" (numbers
# are left to the number extractor: "06:45" says nothing of the event).
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


class _Tense(Enum):
    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"


_FUTURE_WORDS = lang.tagged("tense_words", "future")  # lang/en/tense_words.txt, as below
# "set", "plans", "due" and kin say future only before "to" or "for" ("set to meet", not
# "a set of talks").
_FUTURE_NEEDS_NEXT = {
    word: {after for after in ("to", "for") if word in lang.tagged("tense_words", after)}
    for word in lang.tagged("tense_words", "to") | lang.tagged("tense_words", "for")
}
_PAST_WORDS = lang.tagged("tense_words", "past")
_REPORTING = lang.tagged("speech_forms", "tense")  # lang/en/speech_forms.txt
_BE = lang.tagged("tense_words", "be")
# Participles and adjectives in -ed that are not past-tense verbs.
_ED_NOT_PAST = lang.tagged("tense_words", "not_past")
# Base verbs after "to" that make an infinitive of intent ("a proposal to commence talks").
_INTENT_VERBS = lang.tagged("tense_words", "intent")
# Words that may stand between a reporting verb and the date of the report ("said in a
# statement on Monday", "told journalists Tuesday").
_FRAME_WORDS = lang.tagged("date_words", "frame")
# Words that may stand between the start of a clause and a date at its head ("On Tuesday,").
_CLAUSE_HEAD = lang.tagged("date_words", "head")

# --------------------------------------------------------------------------------------------
# Context words

_STOPWORDS = lang.tagged("function_words", "date")  # lang/en/function_words.txt

# First words of a phrase fronted before the subject ("On Friday, ...", "Earlier, ...").
_FRONTED = lang.tagged("date_words", "fronted")

# Punctuation that may end a clause, for context (a bare character class is the fastest
# pattern to scan for; ``_breaks`` drops "1,200", "06:45" and "Franco-German").
# Matches: "," ";" "—" "(" "-" (in " - "). Must not match: "." (sentences end there).
_CLAUSE_BREAK = re.compile(r"[;:,()\[\]—–-]")
# Words that end a clause, on the lower-cased sentence (lang/en/clause_openers.txt). Matches:
# "while" (..., while the unions will vote), "followed by". Must not match: "butter".
_BREAKERS = lang.alternation(lang.tagged("clause_openers", "date")).replace("\\ ", r"\s+")
_BREAK_WORDS = re.compile(rf"(?:{_BREAKERS})\b")
# Words that end a clause only to the right of a date, on the lower-cased sentence.
# Matches: "that" (said on Monday that talks would...), "and will". Must not match: "thatch".
_RIGHT_BREAK_WORDS = re.compile(r"(?:that|and\s+(?:will|would|was|were|is|are))\b")

_NOT_CONTENT = _STOPWORDS | _MONTH_NUMBERS.keys() | frozenset(_WEEKDAYS)

_AUXILIARIES = lang.tagged("tense_words", "auxiliary")
_MAX_CONTEXT_WORDS = 12

# Slack for copy dated a little after (or before) the events it describes in the wrong tense.
_TENSE_SLACK_DAYS = 7
# Without tense, an occurrence this close to the publication date beats the publication year.
_NEAR_DAYS = 62


# --------------------------------------------------------------------------------------------
# Candidates


class _Form(Enum):
    EXACT = "exact"  # year, month and day all written
    MONTH_DAY = "month_day"  # month and day, year to infer
    MONTH_YEAR = "month_year"
    MONTH = "month"  # month alone (maybe last/next/this)
    YEAR = "year"
    SEASON = "season"
    WEEKDAY = "weekday"
    DEICTIC = "deictic"  # today, yesterday, tomorrow
    PERIOD = "period"  # next month, last year
    AGO = "ago"
    ANCHORED = "anchored"  # the next day


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A date found in a sentence, before resolution; offsets into the sentence text."""

    start: int
    end: int
    form: _Form
    year: int | None = None
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None
    rel: str | None = None  # last / next / this / coming / earlier / later
    unit: str | None = None  # day / week / month / year, or the season name
    offset: int = 0  # days (DEICTIC, ANCHORED) or units (PERIOD, AGO) from the reference
    numeric: str | None = None  # "12/10/2021": read once the article's order is known


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(2000 if year is None else year, month, day)  # 2000: a leap year for "--02-29"
    except ValueError:
        return False
    return True


def _day_number(raw: str) -> int:
    return int(raw.rstrip("stndrh"))


def _month_number(raw: str) -> int:
    return _MONTH_NUMBERS[raw.rstrip(".").lower()]


def _word_before(text: str, pos: int) -> str:
    """The word ending right before ``pos``, past spaces and punctuation, or ""."""
    for chunk in reversed(text[max(0, pos - 40) : pos].split()):
        word = chunk.strip(_EDGE_PUNCTUATION)
        if word:
            return word
    return ""


def _word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text, pos, pos + 40)
    return m.group(1) if m else ""


def _second_word_after(text: str, pos: int) -> str:
    """The word after a lower-case next word ("financial" → "crisis"), lower-cased, or ""."""
    m = _SECOND_WORD_AFTER.match(text, pos, pos + 50)
    return m.group(1).lower() if m else ""


def _is_name_month(text: str, start: int, month_word: str) -> bool:
    """Whether a month name is a given name: "May" right after "Theresa" in "Theresa May 10"."""
    if month_word.lower().rstrip(".") not in _NAME_MONTHS or start == 0:
        return False
    m = _CAPITALIZED_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1)
    at_sentence_start = text[: start - len(word) - 1].strip() == ""
    return (
        not at_sentence_start
        and word.lower() not in _WEEKDAYS
        and word.lower() not in (_MONTH_TRIGGERS | {"on", "the"})
    )


def _followed_by_count(text: str, end: int) -> bool:
    return _word_after(text, end).lower() in _COUNTED


def _extend_left(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a weekday written right before an explicit date ("Friday (3 November)")."""
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return start, end
    if "(" in m.group("sep"):
        close = _CLOSE_PAREN.match(text, end)
        if close is None:
            return start, end
        return m.start(), close.end()
    return m.start(), end


def _part_before(text: str, start: int) -> tuple[int, str | None]:
    """A part written before a month or year: the new start and the qualifier."""
    m = _PART_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return start, None
    if m.group("edge"):
        return m.start("edge"), _EDGE_PART[m.group("edge")]
    part = m.group("part").lower()
    return m.start(), part


def _explicit_days(text: str, families: frozenset[str]) -> Iterator[_Candidate]:
    if "digit" not in families:
        return
    if "numeric" in families:
        for m in _ISO_DATE.finditer(text):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if 1800 <= y <= 2100 and _valid(y, mo, d):
                yield _Candidate(m.start(), m.end(), _Form.EXACT, y, mo, d)
        for m in _NUMERIC_DATE.finditer(text):
            yield _Candidate(m.start(), m.end(), _Form.EXACT, numeric=m.group(0))
    if "month" in families:
        for pattern in (_MONTH_DAY, _DAY_MONTH):
            for m in pattern.finditer(text):
                yield from _named_day(text, m)


def _named_day(text: str, m: re.Match[str]) -> Iterator[_Candidate]:
    """Candidates from a month-day or day-month match (one, or two for "12 and 13")."""
    month = _month_number(m["mon"])
    d1 = _day_number(m["d1"])
    d2 = _day_number(m["d2"]) if m["d2"] else None
    year = int(m["y"]) if m["y"] else None
    if _is_name_month(text, m.start(), m["mon"]) or not _valid(year, month, d1):
        return
    start, end = m.start(), m.end()
    if d2 is not None and (not _valid(year, month, d2) or d2 <= d1):
        # Not a range ("June 5 to 3 pm", "30 and 2 May"): keep the day next to the month.
        if m.re is _MONTH_DAY:
            end, d2, year = m.end("d1"), None, None
        else:
            start, d1, d2 = m.start("d2"), d2, None
    if _followed_by_count(text, end):
        return  # "thousands will March 10 kilometres": the verb, not the month
    form = _Form.EXACT if year is not None else _Form.MONTH_DAY
    if d2 is not None and (m["sep"] or "").lower() in ("and", "&"):
        # Two days: "March 6 and 7" gives "March 6" and "7"; "6 and 7 March" gives "6"
        # and "7 March".
        s1, e1 = _extend_left(text, start, m.end("d1"))
        yield _Candidate(s1, e1, form, year, month, d1)
        yield _Candidate(m.start("d2"), end, form, year, month, d2)
        return
    start, end = _extend_left(text, start, end)
    yield _Candidate(start, end, form, year, month, d1, "range" if d2 is not None else None)


def _months_and_years(text: str, families: frozenset[str]) -> Iterator[_Candidate]:
    if "month" in families:
        if "year" in families:
            for m in _MONTH_YEAR.finditer(text):
                if _is_name_month(text, m.start(), m["mon"]):
                    continue
                start, qualifier = _part_before(text, m.start())
                yield _Candidate(start, m.end(), _Form.MONTH_YEAR, int(m["y"]),
                                 _month_number(m["mon"]), qualifier=qualifier)  # fmt: skip
        for m in _BARE_MONTH.finditer(text):
            candidate = _bare_month(text, m)
            if candidate is not None:
                yield candidate
    if "year" in families:
        for m in _BARE_YEAR.finditer(text):
            candidate = _bare_year(text, m)
            if candidate is not None:
                yield candidate
    if "season" not in families:
        return
    for m in _SEASON.finditer(text):
        rel = m["rel"].lower() if m["rel"] else None
        if rel is None and m["y"] is None:
            continue
        season = m["season"].lower()
        qualifier = "autumn" if season == "fall" else season
        year = int(m["y"]) if m["y"] else None
        yield _Candidate(m.start(), m.end(), _Form.SEASON, year, qualifier=qualifier, rel=rel,
                         unit=season)  # fmt: skip


def _bare_month(text: str, m: re.Match[str]) -> _Candidate | None:
    month = _month_number(m["mon"])
    if text[m.end() : m.end() + 2] in ("'s", "’s"):
        return None  # "in May's government": a name more often than not
    rel = m["rel"].lower() if m["rel"] else None
    part = m["part"].lower() if m["part"] else None
    start = m.start()
    if rel is None and part is None:
        before = _word_before(text, start).lower()
        next_word = _word_after(text, m.end())
        if before in ("and", "or", "to") and _MONTH_AND_BEFORE.search(text, max(0, start - _EDGE_REACH), start):
            pass  # "between June and August", "June or July"
        elif before in _DETERMINERS or before.endswith(("'s", "’s")):
            if next_word.lower() not in _EVENT_NOUNS:
                return None  # "an August body"; "their June summit" passes
        elif before not in _MONTH_TRIGGERS and not _EDGE_OF_BEFORE.search(text, max(0, start - _EDGE_REACH), start):
            return None
        if next_word[:1].isupper() and next_word.lower() not in _WEEKDAYS:
            return None  # "a letter from June Carter"
        start, qualifier = _part_before(text, start)
        return _Candidate(start, m.end(), _Form.MONTH, month=month, qualifier=qualifier)
    return _Candidate(start, m.end(), _Form.MONTH, month=month, qualifier=part, rel=rel)


def _singular_noun(word: str) -> bool:
    """Rough test for a lower-case singular noun after a number ("harvest", not "protesters")."""
    return (
        word.isalpha() and word.islower() and word not in _COUNTED
        and (not word.endswith("s") or word.endswith("ss") or word in _EVENT_NOUNS)
        and word not in _STOPWORDS and word not in _AUXILIARIES
    )  # fmt: skip


def _bare_year(text: str, m: re.Match[str]) -> _Candidate | None:
    year = int(m["y"])
    start = m.start()
    before_text = text[max(0, start - 40) : start]
    if before_text.endswith("-") and not _PART_HYPHEN_BEFORE.search(before_text):
        return None  # "A350-1000", "Flight 3-2021"
    after = text[m.end() : m.end() + 2]
    next_word = _word_after(text, m.end())
    before = _word_before(text, start).lower()
    part_start, qualifier = _part_before(text, start)
    evidence = qualifier is not None
    if after in ("'s", "’s"):
        evidence = True
    elif next_word.lower() in _EVENT_NOUNS or _second_word_after(text, m.end()) in _EVENT_NOUNS:
        evidence = True  # "the 2016 referendum", "the 2008 financial crisis"
    elif before in _YEAR_TRIGGERS:
        evidence = True
    elif before in ("and", "or", "to", "through") and _YEAR_AND_BEFORE.search(before_text):
        evidence = True  # "between 2010 and 2015", "from 2010 to 2015"
    elif before == "the" and next_word[:1].isupper():
        evidence = True  # "the 2022 World Cup"
    elif (before in _DETERMINERS or before.endswith(("'s", "’s"))) and _singular_noun(next_word):
        evidence = True  # "the 2023 harvest", "Kenya's 2027 budget"; not "the 2000 protesters"
    if not evidence:
        return None
    if next_word.lower() in _COUNTED:
        return None  # "in 2000 cases", "of 2000 troops"
    if before in _COUNT_PREPOSITIONS and qualifier is None:
        w = next_word.lower()
        if (
            w.endswith("s") and not w.endswith("ss") and len(w) > 3 and w not in _EVENT_NOUNS
            and w not in ("has", "was", "this", "its", "always", "across", "towards")
        ):  # fmt: skip
            return None  # "a crowd of 2000 protesters"
        # "between 1800 and 2000 protesters": the partner is a count, so this one is too.
        partner = _SPAN_PARTNER.match(text, m.end(), m.end() + 40)
        if partner and partner.group(1).lower() in _COUNTED:
            return None
    return _Candidate(part_start, m.end(), _Form.YEAR, year, qualifier=qualifier)


def _relative(text: str, families: frozenset[str]) -> Iterator[_Candidate]:
    if "weekday" in families:
        yield from _weekdays(text)
    yield from _relative_words(text, families)


def _weekdays(text: str) -> Iterator[_Candidate]:
    for m in _WEEKDAY_NAME.finditer(text):
        before = _word_before(text, m.start()).lower()
        if m["rel"] is None and before in _WEEKDAY_NAMES_BEFORE:
            continue  # "Black Friday", "Super Tuesday"
        if _word_after(text, m.end()) in _WEEKDAY_NAMES_AFTER:
            continue  # "the Sunday Times"
        rel = m["rel"].lower() if m["rel"] else None
        yield _Candidate(m.start(), m.end(), _Form.WEEKDAY, rel=rel,
                         offset=_WEEKDAYS.index(m["wd"].lower()))  # fmt: skip


def _relative_words(text: str, families: frozenset[str]) -> Iterator[_Candidate]:
    if "deictic" in families:
        for m in _DEICTIC_DAY.finditer(text):
            word = m["w"].lower()
            offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
            if word.startswith("last"):
                offset = -1
            yield _Candidate(m.start(), m.end(), _Form.DEICTIC, offset=offset)
    if "period" in families:
        yield from _periods(text)
    if "ago" in families:
        yield from _agos(text)
    if "anchored" in families:
        yield from _anchored(text)


def _periods(text: str) -> Iterator[_Candidate]:
    for m in _RELATIVE_PERIOD.finditer(text):
        if _DURATION_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "over the next month" is a duration
        rel = m["rel"].lower()
        offset = {"next": 1, "last": -1}.get(rel, 0)
        mod = m["mod"].lower() if m["mod"] else None
        if mod is not None and rel != "this":
            continue  # "later next year"? too loose to check
        start, qualifier = _part_before(text, m.start())
        if mod is not None:
            start, qualifier = m.start(), None
        yield _Candidate(start, m.end(), _Form.PERIOD, qualifier=qualifier, rel=mod or rel,
                         unit=m["unit"], offset=offset)  # fmt: skip


def _agos(text: str) -> Iterator[_Candidate]:
    for m in _AGO.finditer(text):
        raw = m["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        unit = m["unit"]
        if unit == "week":
            unit, n = "day", 7 * n
        yield _Candidate(m.start(), m.end(), _Form.AGO, unit=unit, offset=-n)


def _anchored(text: str) -> Iterator[_Candidate]:
    for m in _ANCHORED_DAY.finditer(text):
        if m["the"]:
            offset = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(m["which"], 0)
        elif m["ba"]:
            follower = _NEXT_TOKEN.match(text, m.end(), m.end() + 30)
            if follower and (
                follower.group(1)[:1].isupper()
                or follower.group(1).lower()
                in _DETERMINERS | {"his", "her", "my", "your", "polling", "vote"}
            ):
                continue  # "the day before the vote": anchored to an event, not a date
            offset = -1 if m["dir"] == "before" else 1
        else:
            raw = m["n"].lower()
            n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
            n = 7 * n if m["unit"] == "week" else n
            offset = n if m["le"] == "later" else -n
        yield _Candidate(m.start(), m.end(), _Form.ANCHORED, offset=offset)


def _families(text: str) -> frozenset[str]:
    """The families of patterns worth running over a sentence (a superset: a gate only)."""
    low = text.lower()
    found = []
    if _DIGIT.search(text):
        found.append("digit")
        if _NUMERIC_GATE.search(text):
            found.append("numeric")
        if _YEAR_GATE.search(text):
            found.append("year")
    if _MONTH_GATE.search(text):
        found.append("month")
    if _WEEKDAY_GATE.search(text):
        found.append("weekday")
    if _DEICTIC_GATE.search(low):
        found.append("deictic")
    if _PERIOD_GATE.search(low):
        found.append("period")
    if "ago" in low:
        found.append("ago")
    if " day" in low or " week" in low:  # " day": not "Monday"
        found.append("anchored")
    if _SEASON_GATE.search(low):
        found.append("season")
    return frozenset(found)


def _candidates(text: str, families: frozenset[str]) -> list[_Candidate]:
    """Non-overlapping candidates in text order (earliest, then longest, wins)."""
    found = [
        *_explicit_days(text, families),
        *_months_and_years(text, families),
        *_relative(text, families),
    ]
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Candidate] = []
    for c in found:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


# --------------------------------------------------------------------------------------------
# Tense, year inference and resolution


class _Token(NamedTuple):
    """A word of a sentence (a named tuple: there are many of them, and tuples are cheap)."""

    start: int
    end: int
    text: str
    lower: str
    joined: bool  # written right after a hyphen: "long-awaited"
    pos: int  # position in the sentence's tuple of tokens


_new_token = tuple.__new__  # builds a _Token without the Python-level __new__: many are made


def _reports(token: _Token) -> bool:
    """A reporting verb ("said", "told"), not the noun in "United States"."""
    return token.lower in _REPORTING and token.text[:1].islower()


def _marker(tokens: Sequence[_Token], i: int) -> _Tense | None:
    """The tense token ``i`` marks, if any."""
    word = tokens[i].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].lower if i > 0 else ""
    if word.endswith("'ll") or word in ("won't", "shan't"):
        return _Tense.FUTURE
    if word in _FUTURE_WORDS:
        needs = _FUTURE_NEEDS_NEXT.get(word)
        if needs is None or nxt in needs:
            return _Tense.FUTURE
        return None
    if word == "to" and nxt in _INTENT_VERBS and prev not in ("according", "close", "prior"):
        return _Tense.FUTURE
    if not tokens[i].text[:1].islower():
        return None
    if word in _PAST_WORDS:
        return None if prev in _BE else _Tense.PAST
    if (
        len(word) >= 5 and word.endswith("ed") and not word.endswith("eed")
        and word not in _ED_NOT_PAST and nxt != "by" and not tokens[i].joined
        and prev not in _BE and prev not in _DETERMINERS
    ):  # fmt: skip
        # "the board approved", not "long-awaited talks", "the proposed deal", "followed by".
        return _Tense.PAST
    return None


def _tense(w: _Words, start: int, end: int) -> _Tense:
    """The tense of the statement a date at ``text[start:end]`` belongs to."""
    tokens = w.tokens
    left = w.within(0, start)
    # The nearest word before the date that reports or marks a tense, skipping the words of
    # other dates (``w.stops`` holds just those words).
    nearest = w.stop_before(left.stop)
    for i in () if nearest is None or nearest < left.start else (nearest,):
        tok = tokens[i]
        if _reports(tok):
            # "said on Monday", "told the BBC Monday": the date is the report's; in "said voter
            # registration closes on Nov. 30" it is not, and the report says nothing of it.
            between = tokens[i + 1 : left.stop]
            if all(t.lower in _FRAME_WORDS or t.text[:1].isupper() for t in between):
                return _Tense.PAST
            return _Tense.UNKNOWN
        tense = _marker(tokens, i)
        if tense is not None:
            return tense
    # A date at the head of its clause ("On Tuesday, X ordered...") looks right.
    if all(tokens[i].lower in _CLAUSE_HEAD for i in w.within(w.clause_start(start), start)):
        after = w.stop_from(bisect_left(w.starts, end))
        for i in () if after is None else (after,):
            tok = tokens[i]
            if _reports(tok):
                return _Tense.PAST
            tense = _marker(tokens, i)
            if tense is not None:
                return tense
    return _Tense.UNKNOWN


def _infer_year(month: int, day: int | None, ref: dt.date, tense: _Tense) -> int | None:
    """The year of a month (and day) written without one; see the module docstring."""
    deltas: list[tuple[int, int]] = []  # (days from the reference, year)
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            delta = ((year * 12 + month) - (ref.year * 12 + ref.month)) * 30
        elif _valid(year, month, day):
            delta = (dt.date(year, month, day) - ref).days
        else:
            continue
        deltas.append((delta, year))
    if not deltas:
        return None
    slack = 0 if day is None else _TENSE_SLACK_DAYS
    if tense is _Tense.FUTURE:
        ahead = [d for d in deltas if d[0] >= -slack]
        if ahead:
            return min(ahead)[1]
    elif tense is _Tense.PAST:
        behind = [d for d in deltas if d[0] <= slack]
        if behind:
            return max(behind)[1]
    nearest = min(deltas, key=lambda d: abs(d[0]))
    if abs(nearest[0]) <= _NEAR_DAYS:
        return nearest[1]
    return ref.year if any(y == ref.year for _, y in deltas) else nearest[1]


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _season_year(season: str, rel: str, ref: dt.date) -> int:
    """The year a season named "last/next/this <season>" starts in (northern hemisphere)."""
    start_month = _SEASON_START[season]
    # The season occurrence under way at the reference date, if it is this season.
    current = ref.year - 1 if (start_month == 12 and ref.month <= 2) else ref.year
    in_season = ref.month in {(start_month - 1 + k) % 12 + 1 for k in range(3)}
    if rel == "this":
        return current
    started = (ref.year, ref.month) >= (current, start_month)
    if rel == "last":
        return current - 1 if (in_season or not started) else current
    # next
    return current + 1 if (in_season or started) else current


@dataclass(frozen=True, slots=True)
class _Resolved:
    value: str
    day: dt.date | None  # the day, when the value has day precision and a year


def _iso(year: int | None, month: int, day: int | None) -> str:
    head = f"{year:04d}" if year is not None else "-"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


# A value the schema and ISO 8601 allow: years 0001 to 9999, or no year ("--01-10").
# Matches: "2024-03-14", "--01". Not: "10000" ("next year" from 9999), "0000".
_IN_RANGE = re.compile(r"(?!0000)\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?")


def _in_range(value: str) -> bool:
    return _IN_RANGE.fullmatch(value) is not None


def _day(d: dt.date) -> _Resolved:
    return _Resolved(d.isoformat(), d)


def _numeric(raw: str, day_first_text: bool) -> tuple[int, int, int] | None:
    """(year, month, day) of "14-03-2024", "11/29/2021", "03.02.2022"; see the docstring."""
    m = _NUMERIC_DATE.fullmatch(raw)
    if m is None:
        return None
    a, b, sep = int(m["a"]), int(m["b"]), m["sep"]
    year = int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or (sep == "/" and not day_first_text):
        month, day = a, b
    else:
        day, month = a, b
    if not (1800 <= year <= 2100 and _valid(year, month, day)):
        return None
    return year, month, day


def _resolve(c: _Candidate, ref: dt.date | None, tense: _Tense, anchor: dt.date | None,
             day_first_text: bool) -> _Resolved | None:  # fmt: skip
    """The ISO value of a candidate, or None when it cannot be known."""
    form = c.form
    if form is _Form.EXACT:
        if c.numeric is not None:
            ymd = _numeric(c.numeric, day_first_text)
            return None if ymd is None else _day(dt.date(*ymd))
        assert c.year is not None and c.month is not None and c.day is not None
        return _day(dt.date(c.year, c.month, c.day))
    if form is _Form.MONTH_DAY:
        assert c.month is not None and c.day is not None
        if ref is None:
            return _Resolved(_iso(None, c.month, c.day), None)
        year = _infer_year(c.month, c.day, ref, tense)
        return None if year is None else _day(dt.date(year, c.month, c.day))
    if form is _Form.MONTH_YEAR:
        assert c.month is not None
        return _Resolved(_iso(c.year, c.month, None), None)
    if form is _Form.YEAR:
        return _Resolved(f"{c.year:04d}", None)
    if form is _Form.MONTH:
        assert c.month is not None
        if c.rel is None:
            if ref is None:
                return _Resolved(_iso(None, c.month, None), None)
            year = _infer_year(c.month, None, ref, tense)
            return None if year is None else _Resolved(_iso(year, c.month, None), None)
        if ref is None:
            return None
        if c.rel == "last":
            year = ref.year if c.month < ref.month else ref.year - 1
        elif c.rel == "next":
            year = ref.year if c.month > ref.month else ref.year + 1
        else:
            year = ref.year
        return _Resolved(_iso(year, c.month, None), None)
    if form is _Form.SEASON:
        if c.year is not None:
            return _Resolved(f"{c.year:04d}", None)
        if ref is None or c.rel is None or c.unit is None:
            return None
        return _Resolved(f"{_season_year(c.unit, c.rel, ref):04d}", None)
    if form is _Form.ANCHORED:
        if anchor is None:
            return None
        return _day(anchor + dt.timedelta(days=c.offset))
    if ref is None:
        return None
    if form is _Form.WEEKDAY:
        back = (ref.weekday() - c.offset) % 7  # days back to the latest such day, 0..6
        ahead = (c.offset - ref.weekday()) % 7  # days on to the next such day, 0..6
        if c.rel == "last":
            return _day(ref - dt.timedelta(days=back or 7))
        if c.rel in ("next", "coming"):
            return _day(ref + dt.timedelta(days=ahead or 7))
        if tense is _Tense.FUTURE:  # "due to travel on Tuesday", written on a Tuesday: today
            return _day(ref + dt.timedelta(days=ahead))
        return _day(ref - dt.timedelta(days=back))
    if form is _Form.DEICTIC:
        return _day(ref + dt.timedelta(days=c.offset))
    if form is _Form.PERIOD:
        if c.unit == "year":
            return _Resolved(f"{ref.year + c.offset:04d}", None)
        y, mo = _shift_month(ref.year, ref.month, c.offset)
        return _Resolved(_iso(y, mo, None), None)
    # AGO
    if c.unit == "day":
        return _day(ref + dt.timedelta(days=c.offset))
    if c.unit == "month":
        y, mo = _shift_month(ref.year, ref.month, c.offset)
        return _Resolved(_iso(y, mo, None), None)
    return _Resolved(f"{ref.year + c.offset:04d}", None)


def _explicit_tense(c: _Candidate) -> _Tense | None:
    if c.rel in ("next", "coming", "later"):
        return _Tense.FUTURE
    if c.rel in ("last", "earlier"):
        return _Tense.PAST
    return None


# --------------------------------------------------------------------------------------------
# Context


def _masked(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _breaks(text: str, low: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Where clauses end, outside dates: punctuation, "while" and kin, "followed by"."""
    for m in _CLAUSE_BREAK.finditer(text):
        at = m.start()
        char = text[at]
        after = text[at + 1 : at + 2]
        if char in ",:" and after.isdigit():
            continue  # "1,200", "06:45"
        if char == "-" and not (text[at - 1 : at].isspace() and after.isspace()):
            continue  # "Franco-German", "2-1"
        if not _masked(at, spans):
            yield m.span()
    for m in _BREAK_WORDS.finditer(low):
        if not low[m.start() - 1 : m.start()].isalpha() and not _masked(m.start(), spans):
            yield m.span()


@dataclass(frozen=True, slots=True)
class _Words:
    """One sentence cut up once for all its dates: words, date spans and clause breaks."""

    text: str
    tokens: tuple[_Token, ...]
    spans: tuple[tuple[int, int], ...]  # the dates found, which context never quotes
    masked: tuple[bool, ...]  # per token: inside a date
    breaks: tuple[tuple[int, int], ...]  # clause breaks outside dates
    right_breaks: tuple[int, ...]  # starts of the breaks that only end a clause
    starts: tuple[int, ...]  # token starts and ends, for bisection
    ends: tuple[int, ...]
    # What each date's context asks, found once per sentence so that a sentence of n dates
    # costs about n, not n² or n³ (issue 12, hostile 1: "Jan. 1 " repeated):
    break_ends: tuple[int, ...]  # ends of ``breaks``, sorted
    end_starts: tuple[int, ...]  # starts of ``breaks`` and ``right_breaks``, sorted
    stops: tuple[int, ...]  # tokens outside dates that report or mark a tense, in order
    joins: tuple[int, ...]  # tokens "and", "or", "then", in order
    contents: tuple[int, ...]  # tokens that context keeps (``_key``), in order
    span_starts: tuple[int, ...]  # the date spans' starts, sorted, and the least end of the
    least_end: tuple[int, ...]  # spans from each one on
    unmasked: tuple[int, ...] = ()  # tokens outside dates, in order
    subject: tuple[_Token, ...] = ()  # ``_subject`` of the sentence, which no date changes

    @classmethod
    def of(cls, text: str, spans: Sequence[tuple[int, int]]) -> _Words:
        low = text.lower().replace("’", "'")
        if len(low) != len(text):  # a few letters lower-case to two ("İ"): keep offsets
            low = "".join(c if len(c.lower()) > 1 else c.lower() for c in text).replace("’", "'")
        tokens = [
            _new_token(_Token, (s, e, text[s:e], low[s:e], text[s - 1 : s] == "-", i))
            for i, (s, e) in enumerate(m.span() for m in _TOKEN.finditer(text))
        ]  # fmt: skip
        starts = tuple(t.start for t in tokens)
        masked = [False] * len(tokens)
        for s, e in spans:
            for i in range(bisect_left(starts, s), bisect_left(starts, e)):
                masked[i] = True
        breaks = list(_breaks(text, low, spans))
        right_breaks = [
            m.start() for m in _RIGHT_BREAK_WORDS.finditer(low)
            if not low[m.start() - 1 : m.start()].isalpha() and not _masked(m.start(), spans)
        ]  # fmt: skip
        ordered = sorted(spans)
        least: list[int] = []
        for _, e in reversed(ordered):
            least.append(min(e, least[-1]) if least else e)
        return cls(
            text,
            tuple(tokens),
            tuple(spans),
            tuple(masked),
            tuple(sorted(breaks)),
            tuple(right_breaks),
            starts,
            tuple(t.end for t in tokens),
            tuple(sorted(e for _, e in breaks)),
            tuple(sorted([s for s, _ in breaks] + right_breaks)),
            tuple(i for i, t in enumerate(tokens) if not masked[i] and (_reports(t) or _marker(tokens, i) is not None)),
            tuple(i for i, t in enumerate(tokens) if t.lower in ("and", "or", "then")),
            tuple(i for i, t in enumerate(tokens) if _key(t.lower) is not None),
            tuple(s for s, _ in ordered),
            tuple(reversed(least)),
            tuple(i for i in range(len(tokens)) if not masked[i]),
        )

    def within(self, lo: int, hi: int) -> range:
        """Indexes of the tokens that lie within ``text[lo:hi]``."""
        return range(bisect_left(self.starts, lo), bisect_right(self.ends, hi))

    def free(self, lo: int, hi: int) -> list[_Token]:
        """The words outside dates that lie within ``text[lo:hi]``."""
        within = self.within(lo, hi)
        first = bisect_left(self.unmasked, within.start)
        last = bisect_left(self.unmasked, within.stop, lo=first)
        return [self.tokens[i] for i in self.unmasked[first:last]]

    def clause_start(self, start: int) -> int:
        k = bisect_right(self.break_ends, start)
        return self.break_ends[k - 1] if k else 0

    def clause_end(self, end: int) -> int:
        k = bisect_left(self.end_starts, end)
        return min(self.end_starts[k], len(self.text)) if k < len(self.end_starts) else len(self.text)

    def stop_before(self, stop: int) -> int | None:
        """The last token before index ``stop`` that reports or marks a tense, outside dates."""
        k = bisect_left(self.stops, stop)
        return self.stops[k - 1] if k else None

    def stop_from(self, first: int) -> int | None:
        """The first token from index ``first`` on that reports or marks a tense, outside dates."""
        k = bisect_left(self.stops, first)
        return self.stops[k] if k < len(self.stops) else None

    def span_ending_by(self, lo: int, hi: int) -> bool:
        """Whether a date span starts at or after ``lo`` and ends by ``hi``."""
        k = bisect_left(self.span_starts, lo)
        return k < len(self.least_end) and self.least_end[k] <= hi

    def marker(self, token: _Token) -> _Tense | None:
        return _marker(self.tokens, token.pos)


def _frame_cut(words: Sequence[_Token]) -> int:
    """Index of the first word after a reporting frame ("X told journalists (that)"), or 0."""
    for i in range(len(words) - 1, -1, -1):
        if not _reports(words[i]):
            continue
        j = i + 1
        if words[i].lower in ("told", "tells", "tell") and j < len(words):
            if words[j].text[:1].isupper():
                if words[j].lower == "the":
                    j += 1
                while j < len(words) and words[j].text[:1].isupper() and words[j].lower != "the":
                    j += 1
            elif words[j].lower not in _STOPWORDS:
                j += 1  # "told journalists"
        if j < len(words) and words[j].lower == "that":
            j += 1
        return j
    return 0


def _key(lower: str) -> str | None:
    """A word as context keeps it ("kenya" for "kenya's"), or None for a word it drops."""
    key = lower.removesuffix("'s")
    if key.endswith(("'ll", "'re", "'ve", "'d", "'m")):
        key = key[: key.rindex("'")]  # "they'll" → "they", a stop word
    return key if len(key) > 1 and key not in _NOT_CONTENT else None


def _content(words: Sequence[_Token]) -> list[_Token]:
    return [w for w in words if _key(w.lower) is not None]


def _subject(w: _Words) -> list[_Token]:
    """The sentence's subject: words before its first verb, past a short fronted phrase."""
    skip_to = 0
    if w.breaks:
        b_start, b_end = w.breaks[0]
        head = [w.tokens[i] for i in w.within(0, b_start)]
        if (
            w.text[b_start:b_end] == "," and 0 < len(head) <= 3
            and (head[0].lower in _FRONTED or _masked(head[0].start, w.spans))
        ):  # fmt: skip
            # "In addition, the unions..." / "On Friday, ..."; but "The festival, first
            # staged..." names the subject.
            skip_to = b_end
    words: list[_Token] = []
    for i, (t, hidden) in enumerate(zip(w.tokens, w.masked, strict=True)):
        if t.start < skip_to or hidden:
            continue
        if t.lower in _AUXILIARIES or _reports(t) or _marker(w.tokens, i) is not None:
            break
        words.append(t)
    return _content(words)[:4]


def _split_at_and(w: _Words, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """Narrow a clause that holds two dates joined by "and" ("a strike on March 6 and a
    rally on March 9"), so each keeps its own words; "March 6 and 7" share theirs.

    On the left, the cut is at the last "and"/"or"/"then" before the date, when content words
    follow it and another date of the clause ends before it; on the right, at the first one
    after the date, when a content word follows it and another date of the clause starts after
    that word. (Read against each other date in turn, as this once was, every date of a
    sentence full of them cost the whole sentence: issue 12, hostile 1.)
    """
    within = w.within(lo, start)
    k = bisect_left(w.joins, within.stop) - 1
    join = w.joins[k] if k >= 0 else None
    if join is not None and join >= within.start:
        joined = w.tokens[join]
        c = bisect_right(w.contents, join)
        if c < len(w.contents) and w.contents[c] < within.stop and w.span_ending_by(lo, joined.start):
            lo = max(lo, joined.end)
    first = bisect_left(w.starts, end)
    k = bisect_left(w.joins, first)
    if k < len(w.joins):
        joined = w.tokens[w.joins[k]]
        c = bisect_right(w.contents, w.joins[k])
        if c < len(w.contents):
            after = w.tokens[w.contents[c]]
            if w.span_ending_by(max(start + 1, after.end), hi):
                hi = min(hi, joined.start)
    return lo, hi


def _context(w: _Words, start: int, end: int) -> str:
    lo, hi = _split_at_and(w, w.clause_start(start), w.clause_end(end), start, end)
    left = w.free(lo, start)
    right = w.free(end, hi)
    cut = _frame_cut(left)
    if cut and any(t.lower in _AUXILIARIES or w.marker(t) is not None for t in left[cut:]):
        # "told journalists the jury would reconvene" → "jury would reconvene"; but in "told
        # the BBC on March 9" the date belongs to the frame, which stays.
        left = left[cut:]
    words = _content(left) + _content(right)
    first = [t for t in left or right if t.lower not in ("and", "but", "or", "then")][:1]
    if first and (first[0].lower in _AUXILIARIES or first[0].lower == "to" or _reports(first[0])
                  or w.marker(first[0]) is not None):  # fmt: skip
        words = [t for t in w.subject if t.start < lo] + words
    if not words and not _content(left) and hi < len(w.text):
        # A date heading its clause ("Earlier this month, the two unions merged"): the
        # next clause says what happened.
        words = _content(w.free(hi + 1, w.clause_end(hi + 1)))
    if not words:
        words = list(w.subject)  # a caption's "..., Lisbon, May 6, 2022."
    if len(words) > _MAX_CONTEXT_WORDS:
        nearest = sorted(words, key=lambda t: min(abs(t.end - start), abs(t.start - end)))
        keep = {t.start for t in nearest[:_MAX_CONTEXT_WORDS]}
        words = [t for t in words if t.start in keep]
    return " ".join(_key(t.lower) or "" for t in words)


# --------------------------------------------------------------------------------------------
# Extractor


def _reference(doc: Document, settings: Settings) -> dt.date | None:
    raw = doc.source.published
    if raw:
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            pass
    return settings.reference_date


def _writes_day_first(doc: Document) -> bool:
    """Whether the article writes "9 March" more often than "March 9"."""
    text = doc.source.text
    return len(_DAY_MONTH.findall(text)) > len(_MONTH_DAY.findall(text))


def _out_of_range(doc: Document, start: int, end: int, ref: dt.date | None) -> Note:
    """A date that resolves before 0001-01-01 or after 9999-12-31 ("next year" from 9999)."""
    counted = f" counted from {ref.isoformat()}" if ref is not None else ""
    surface = doc.source.text[start:end]
    return Note(doc.source.id, start, end, f'the date "{surface}"{counted} is outside the years 0001 to 9999')


def extract(doc: Document, *, settings: Settings) -> Iterator[Mention | Note]:
    """Date mentions of a document, in text order, and a note for each date out of range."""
    ref = _reference(doc, settings)
    day_first: bool | None = None  # decided on the first ambiguous numeric date
    previous_days: dict[int, dt.date] = {}  # sentence index → its last day-precision date
    for sentence in doc.sentences:
        if not eligible(sentence, settings):
            continue
        text = sentence.text
        families = _families(text)
        if not families:
            continue
        candidates = _candidates(text, families)
        if not candidates:
            continue
        words = _Words.of(text, [(c.start, c.end) for c in candidates])
        words = dataclasses.replace(words, subject=tuple(_subject(words)))
        anchor = previous_days.get(sentence.index - 1)
        for c in candidates:
            tense = _explicit_tense(c) or _Tense.UNKNOWN
            if c.form in (_Form.MONTH_DAY, _Form.MONTH, _Form.WEEKDAY) and (
                tense is _Tense.UNKNOWN
            ):
                tense = _tense(words, c.start, c.end)
            if c.numeric is not None and day_first is None:
                day_first = _writes_day_first(doc)
            try:
                resolved = _resolve(c, ref, tense, anchor, bool(day_first))
            except OverflowError:  # "tomorrow" from 9999-12-31: no such date (issue 12)
                resolved = _Resolved("", None)
            if resolved is None:
                continue
            if not _in_range(resolved.value):
                yield _out_of_range(doc, sentence.start + c.start, sentence.start + c.end, ref)
                continue
            if resolved.day is not None:
                anchor = resolved.day
                previous_days[sentence.index] = resolved.day
            start, end = sentence.start + c.start, sentence.start + c.end
            yield Mention(
                kind=Kind.DATE,
                value=resolved.value,
                text=text[c.start : c.end],
                start=start,
                end=end,
                source_id=doc.source.id,
                sentence_index=sentence.index,
                qualifier=c.qualifier,
                context=_context(words, c.start, c.end),
            )
