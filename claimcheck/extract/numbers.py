"""Numbers: counts and quantities with what they count ("some 40,000 troops", "$1.2 billion").

Each mention has
    * ``value``: a plain decimal string ("175000", "1200000000", "3.5", "0.6667"), or "low..high"
      for a range ("10-15 people" → "10..15") and for a vague plural ("thousands" → "1000..9999"),
      or "high-low" for a score or a vote split written winner first ("voted 5-4" → "5-4");
    * ``unit``: the counted noun, lower-case and singular ("troop", "person", "hour"), "USD",
      "EUR", "GBP"… for money, "percent" ("percent of driver" when the text says of what),
      "age" for ages, "score" for scores, or None when nothing is counted;
    * ``qualifier``: the hedge, normalized: "about", "nearly", "more than", "at least", "less
      than", "up to", "converted" (a figure in brackets that converts the one before), or None;
    * ``text``: from the hedge to the counted noun, as written ("some 40,000 troops").

Vague plurals stand for the order of magnitude they name: "hundreds" is 100..999, "thousands"
1000..9999, "tens of thousands" 10000..99999, "hundreds of thousands" 100000..999999, "millions"
1000000..9999999; "dozens" is two dozen up to a gross, 24..143.

Indian numbering is read with its own scales: "2.4 lakh" is 240000, "Rs 5 crore" 50000000,
"1.5 lakh crore" 1.5 x 10^12 (two scales in a row multiply). A value with its conversion in
brackets, "25 kilometres (16 miles)" or "$5m (£4m)", is read as the first; the bracketed figure
is kept with qualifier "converted", which corroborates but never contradicts. A value in a list
or a table takes its label: "Portugal - 31, Chile - 12" gives 31 with scope ("Portugal",) and 12
with scope ("Chile",); "deaths: 40" counts deaths. A unit joined by a hyphen is the value's unit
("7.1-magnitude", "40-km").

Fractions keep four decimals ("two-thirds" → "0.6667", "half" → "0.5"). Ages are kept, because
outlets disagree on them: "aged 45" and "a 45-year-old" both give 45 with unit "age".

Not numbers: dates and years ("March 12", "in 2014"), clock times, numbered names ("Article 5",
"Boeing 737", "F-16", "the 2nd Armored Division"), list markers, phone numbers, an ascending
pair that may be a range or a score ("a 2-3 defeat"), addresses ("10 Downing Street") and "one" as a pronoun ("one of the", "no one").
Numbers inside quotations are read here too; the extract stage leaves them to the quotation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from claimcheck import lang
from claimcheck.extract._clause import context_words
from claimcheck.extract.base import eligible, title_case
from claimcheck.lang import names, spelling
from claimcheck.model import Document, Kind, Mention, Note
from claimcheck.settings import Settings

# Number words and their values, by class, in file order (lang/en/cardinals.txt).
ONES = lang.cardinals("unit")  # "zero" … "nineteen"
TENS = lang.cardinals("ten")  # "twenty" … "ninety"
SCALES = lang.cardinals("scale")  # "thousand", "million"…, and "lakh", "crore" (Indian numbering)
ABBREVIATED_SCALES = lang.cardinals("abbreviation")  # "k", "m", "mn", "bn", "tn"
DENOMINATORS = lang.fractions()  # "half" → 2, "thirds" → 3 (lang/en/fractions.txt)
VULGAR = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"),
          "⅓": Decimal(1) / 3, "⅔": Decimal(2) / 3}  # fmt: skip
# Vague plurals: the order of magnitude they name (see the module docstring), and the words that
# multiply some of them, "tens of thousands" (lang/en/vague_numbers.txt).
VAGUE = {row[0]: (int(row[1]), int(row[2])) for row in lang.rows("vague_numbers") if len(row) > 2}
MULTIPLIED = [row[0] for row in lang.rows("vague_numbers") if row[3:] == ("+",)]
VAGUE_MULTIPLIERS = {row[0]: int(row[1]) for row in lang.rows("vague_numbers") if len(row) == 2}
# ISO 4217 codes of currencies that news copy writes before an amount ("CHF 3 million",
# "VND673 trillion"): the money units of lang/en/units.txt named by three capitals.
ISO_CODES = sorted(
    name for name, dimension in lang.units().items() if dimension == "money" and re.fullmatch("[A-Z]{3}", name)
)
CURRENCIES = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD", "A$": "AUD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R": "ZAR", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "₦": "NGN", "₽": "RUB", "₺": "TRY", "₩": "KRW", "₴": "UAH",
    **{code: code for code in ISO_CODES},
}  # fmt: skip
FRACTION_PLACES = Decimal("0.0001")

_WORD_NUMBERS = "|".join([*ONES, *TENS, "hundred", *SCALES, "dozen"])
# A scale word after a figure, or two in a row as Indian numbering writes them, which multiply.
# Matches: "million", "lakh", "lakh crore", "crores". Must not match: "millionaire".
_SCALE = rf"(?:{lang.alternation(SCALES)})s?(?:\s+(?:{lang.alternation(SCALES)})s?)?"
# Thousands grouped by commas or, in SI and South African style, by spaces: "21,000", "21 000".
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?"
# "R" is the rand only right before an amount that cannot be a road or a label ("R950 million",
# "R38-million", "R200 000"), never "the R34".
_RAND = r"R(?=\d{1,3}(?:[ ,]\d{3})|\d+(?:\.\d+)?[ -]?(?:million|billion|bn|m)\b)"
_CUR = (
    r"(?:US|C|A|NZ|HK|S)?\$|€|£|¥|₹|₦|₽|₺|₩|₴|Rs\.?\s?|" + _RAND
    + rf"|(?:{'|'.join(ISO_CODES)})\s?"
)
_MONTHS = rf"(?:{lang.alternation(m.title() for m in lang.months())})"  # "January", "Jan", "Sept"…
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_AND_DAY = rf"\s*(?:and|or|to|&|-|–)\s*{_DAY}"
_GUARD_BEFORE = r"(?<![\w.,/:$€£¥#@©-])"  # not inside "F-16", "7:19", "1.2.3", "#5", "©2021"
# not "2nd", "1990s", "3/4", "10:30"; but "12per cent" (a space lost in a page's markup) and
# "22pc" (British shorthand) are read, as PERCENT then finds.
_GUARD_AFTER = r"(?:(?![\w/]|[.,:]\d)|(?=per\s*cent\b|pc\b))"

# ---- Stretches that look numeric but are not counts: found first, and no number inside them
# counts.

# A date with a month name, or two days of one month. Matches: "March 12", "Jan. 24th, 2023",
# "10 January", "Dec 3, 2021", "16 June 2021", "June 2021", "Jan. 12 and 13", "12-13 March".
# Must not match: "10 troops", "may 10".
MONTH_DATE = re.compile(
    rf"\b{_MONTHS}\.?\s+{_DAY}(?:{_AND_DAY})?(?!\d)(?:,?\s+\d{{4}})?|"
    rf"\b{_MONTHS}\.?,?\s+\d{{4}}\b|"
    rf"\b{_DAY}(?:{_AND_DAY})?\s+(?:of\s+)?{_MONTHS}\b\.?(?:,?\s+\d{{4}})?"
)
# A numeric date. Matches: "28-12-2021", "12/28/2021", "2022-01-10". Must not match: "10-15".
NUMERIC_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b")
# A clock time. Matches: "7:19", "3 p.m.", "10am", "0900 GMT", "8.55 GMT", "10.58 AEDT" (a zone
# abbreviation: capitals ending in "T"), "03.01" after a word of time (no figure is written with
# a leading zero), and a time of the 24-hour clock that bounds a stretch of a day, as British and
# Asian outlets write it: "closed from 21.03 on Wednesday to 03.01 on Thursday". Must not match:
# "8.55 percent", "8.55 TWh", "fell 21.15 on Wednesday", "rose to 18.45 on Monday", "lost 03.50
# points".
# The word of time is part of the match: a blocker only keeps numbers out of what it matches.
_TIME_WORD = r"\b(?:at|from|until|till|to|by|around|after|before|since|between)\s+"
_SPAN_WORD = r"\b(?:from|until|till|since|between)\s+"
_DAY_AFTER = rf"\s+on\s+(?:{lang.alternation(d.title() for d in lang.weekday_names())})\b"
CLOCK_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:a\.m\.|p\.m\.|am|pm)\b)?|"
    r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|"
    r"\b\d{1,2}[.:]?\d{2}\s?(?:[A-Z]{1,4}T|UTC|hrs|local\s+time)\b|"
    rf"{_TIME_WORD}0\d\.[0-5]\d\b(?![.,]\d)|"
    rf"{_SPAN_WORD}(?:1[3-9]|2[0-3])\.[0-5]\d(?={_DAY_AFTER})"
)

# A phone number. Matches: "+41 22 917 1234", "(202) 555-0143", "202-555-0143",
# "020 7946 0958". Must not match: "10-15 people", "2 1/2 years".
PHONE = re.compile(
    r"\+\d[\d\s().-]{6,}\d|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|"
    r"\b\d{2,5}(?:\s\d{3,4}){2,}\b"
)
# A span of years. Matches: "2021-22", "2014–2015". Must not match: "20-30".
YEAR_SPAN = re.compile(r"\b(?:1[89]|20)\d{2}\s?[-–/]\s?(?:(?:1[89]|20)\d{2}|\d{2})\b")
# A list marker at the start of a sentence. Matches: "2. ", "(3) ", "1." alone. Must not match:
# "2.5 million".
LIST_MARKER = re.compile(r"^\s*\(?\d{1,2}[.)](?:\s|$)")
# An address. Matches: "10 Downing Street", "1600 Pennsylvania Avenue". Must not match:
# "8,000 Ethiopian refugees".
ADDRESS = re.compile(
    r"\s+(?:[A-Z][\w.]*\s+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|"
    r"Drive|Square|Place|Way|Court|Terrace|Highway)\b"
)
BLOCKERS = (MONTH_DATE, NUMERIC_DATE, CLOCK_TIME, PHONE, YEAR_SPAN, LIST_MARKER)

# ---- The forms of a number, tried in this order; a later form never takes text an earlier one
# took.

# An age. Matches: "aged 45", "age 58" ("Tomas Brenner (age 58)"), "41" set off by commas
# after a capitalised name ("Marta Olsen, 41, was sentenced"), and "17" after a noun for one
# person and "of" ("a boy of 17"; lang/en/age_nouns.txt), as news English gives a person's age.
# The ages listed after the first are taken with it, so none is read as a count: "aged 33 and
# 32, respectively", "aged 8, 12 and 13.", "ages 9 to 15 were". A list ends where a clause
# does; a number with a noun after it counts something else. Must not match: "aged cheese",
# "14" in "lines 4, 14, and 16" (no name before it), "a family of five", "a boy of 17 years"
# (the unit reads it), "30" in "aged 60 and 30 others were hurt" or "aged 60, and 30 others",
# "10" in "sentenced a man aged 52 to 10 years", "1,200" in "aged 33 and 1,200 others".
AGED = re.compile(
    r"\bage[ds]?\s+(?P<n>\d{1,3})"
    r"(?:(?:(?:\s*,\s*\d{1,3}\b)+,?)?\s+(?:and|to|or)\s+\d{1,3}(?![.,]?\d)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|but|were|was|are|is|had|have|has|who|respectively)\b))?\b"
    r"|(?<![\w'’.-])[A-Z][\w'’.-]*,\s(?P<appositive>\d{1,3}),(?=\s)"
    rf"|\b(?i:{lang.alternation(lang.words('age_nouns'))})\s+of\s+"
    r"(?P<of>\d{1,3})\b(?!\s*(?:years?|months?|weeks?|days?)\b)"
)
# The words a compound adjective counts or measures in: every form of lang/en/units.txt that is
# one word, its units of several words joined by hyphens ("150-mile-per-hour winds"), and the
# nouns news copy counts that way.
_COMPOUND_NOUNS = sorted(
    {form for form in lang.unit_forms() if form.isalpha()}
    | {name for name in lang.units() if name.isalpha() and name.islower()}
    | {name.replace(" ", "-") for name in lang.units() if " " in name}
    | lang.tagged("count_words", "compound"),
    key=lambda word: (-len(word), word),
)  # fmt: skip
# A number made an adjective with its unit. Matches: "eight-year", "45-year-old", "two-hour",
# "twenty-five-year-old", "7.1-magnitude", "40-km", "150-mile-per-hour". Must not match:
# "two-state", "COVID-19".
COMPOUND = re.compile(
    rf"(?<![\w-])(?P<n>\d+(?:\.\d+)?|(?:{'|'.join(TENS)})(?:-(?:{'|'.join(ONES)}))?|"
    rf"(?:{'|'.join(ONES)}))-(?P<u>{'|'.join(_COMPOUND_NOUNS)})s?"
    r"(?P<old>-old)?\b",
    re.IGNORECASE,
)
# A change of a rate in a fraction of a percentage point, as central-bank copy writes it.
# Matches: "quarter-point", "half-point". Must not match: "quarter-final", "half-time"; "a
# quarter of a percentage point" (FRACTION reads it).
POINT_FRACTION = re.compile(r"\b(?P<d>half|quarter)-point\b", re.IGNORECASE)
# A magnitude written before its figure with a hyphen. Matches: "magnitude-6.4". Must not match:
# "magnitude 6.4" (read by UNIT_BEFORE, as "6.4"), "magnitude-scale".
MAGNITUDE_FIRST = re.compile(r"\bmagnitude-(?P<n>\d{1,2}(?:\.\d{1,2})?)(?![\w.])", re.IGNORECASE)
# A vague plural. Matches: "thousands", "tens of thousands", "hundreds of millions", "dozens".
# Must not match: "thousand", "hundreds-strong".
VAGUE_PLURAL = re.compile(
    rf"\b(?:(?P<mul>{lang.alternation(VAGUE_MULTIPLIERS)})\s+of\s+"
    rf"(?=(?:{lang.alternation(MULTIPLIED)})\b))?"
    rf"(?P<base>{lang.alternation(VAGUE)})\b(?!-)",
    re.IGNORECASE,
)
# Half of a round number. Matches: "half a dozen", "half a million". Must not match: "half an hour".
HALF_A = re.compile(
    r"\bhalf\s+a\s+(?P<s>dozen|hundred|thousand|million|billion|trillion)\b", re.IGNORECASE
)
# A number and a half. Matches: "two and a half", "3 and a half". Must not match: "and a half".
AND_A_HALF = re.compile(
    rf"(?:\b(?P<w>{_WORD_NUMBERS})|{_GUARD_BEFORE}(?P<d>\d+))\s+and\s+a\s+half\b", re.IGNORECASE
)
# A fraction in words. Matches: "two-thirds", "a third of", "half of", "half an", "one quarter of".
# Must not match: "a third term", "the second half" (checked after), "quarterly".
FRACTION = re.compile(
    r"\b(?:(?P<n>one|two|three|four|a|an)(?P<sep>[-\s]))?"
    r"(?P<d>half|thirds?|quarters?|fifths?|tenths?)\b(?!-)"
    r"(?P<of>(?=\s+of\b)|(?=\s+(?:a|an|the)\s))?",
    re.IGNORECASE,
)
# A whole number and a fraction in figures. Matches: "2 1/2", "2½", "1/3 of". Must not match:
# "12/28".
MIXED = re.compile(
    rf"{_GUARD_BEFORE}(?:(?P<i>\d+)(?:\s+(?P<n>\d)/(?P<d>\d{{1,2}})|(?P<v>[½¼¾⅓⅔]))|"
    rf"(?P<bn>\d)/(?P<bd>\d{{1,2}})(?=\s+of\b)|(?<!\w)(?P<bv>[½¼¾⅓⅔]))(?![\w/])"
)
# One number word: "three", "twenty-five".
_ONE_WORD = rf"(?:(?:{'|'.join(TENS)})(?:-(?:{'|'.join(ONES)}))?|(?:{'|'.join(ONES)}))"
# A range opened by "between". Matches: "between 10 and 15", "between two and three",
# "between $2 and $3 million". Must not match: "between the two".
BETWEEN = re.compile(
    rf"\bbetween\s+(?P<cur>{_CUR})?(?P<lo>{_NUM}|{_ONE_WORD})\s+and\s+(?:{_CUR})?"
    rf"(?P<hi>{_NUM}|{_ONE_WORD})(?:\s(?P<scale>{_SCALE})\b|"
    rf"(?P<abbr>mn|bn|tn|m|k)\b)?{_GUARD_AFTER}",
    re.IGNORECASE,
)
# A range in words. Matches: "two or three", "five to ten". Must not match: "one of two".
WORD_RANGE = re.compile(
    rf"\b(?P<lo>{_ONE_WORD})\s+(?:or|to)\s+(?P<hi>{_ONE_WORD})\b(?!-)", re.IGNORECASE
)
# A force counted by its strength. Matches: "100,000-strong", "5,000-strong". Must not match:
# "strong".
STRONG = re.compile(rf"{_GUARD_BEFORE}(?P<n>{_NUM}|{_ONE_WORD})-strong\b", re.IGNORECASE)
# A range in figures. Matches: "10-15", "$10-15 million", "20 to 30", "10 or 12". Must not match:
# "F-16".
RANGE = re.compile(
    rf"{_GUARD_BEFORE}(?P<cur>{_CUR})?(?P<lo>{_NUM})(?:\s?[-–]\s?|\s+(?:to|or)\s+)(?:{_CUR})?"
    rf"(?P<hi>{_NUM})(?:\s(?P<scale>{_SCALE})\b|"
    rf"(?P<abbr>mn|bn|tn|m|k)\b)?{_GUARD_AFTER}"
)
# A score or a vote split, as written: two whole numbers and a hyphen or dash. Matches: "5-4",
# "1–1", "3-2". Must not match: "5 to 4", "$5-4bn", "2.5-1".
SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
# "from" right before a figure: "from 20 to 30" is a change, not a range. Matches: "from " in
# "fell from 20". Must not match: "apart from".
FROM_BEFORE = re.compile(r"(?<!apart )\bfrom\s+$")
# The unit forms of lang/en/units.txt that news copy writes against a figure ("10km", "9.81sec",
# "35mph"): the abbreviations and words of measures, longest first ("km/hr" before "km").
_ATTACHED_UNITS = "|".join(
    re.escape(form)
    for form, unit in sorted(lang.unit_forms().items(), key=lambda item: (-len(item[0]), item[0]))
    if form[:1].isalpha() and " " not in form and unit in lang.measures()
)
# A number in figures, with its currency, scale or attached unit. Matches: "40,000",
# "$1.2 billion", "€3m", "5bn", "3.5", "10km". Must not match: "2nd", "G7", "7:19".
FIGURES = re.compile(
    rf"{_GUARD_BEFORE}(?P<cur>{_CUR})?(?P<num>{_NUM})(?:[\s-](?P<scale>{_SCALE})\b|"
    rf"(?P<abbr>mn|bn|tn|m|k)\b|(?P<au>{_ATTACHED_UNITS})\b)?"
    rf"{_GUARD_AFTER}"
)
# A number in words. Matches: "three", "twenty-five", "a dozen", "two hundred and fifty
# thousand", "a million". Must not match: "someone", "a third".
WORDS = re.compile(
    rf"\b(?:a\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_WORD_NUMBERS})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD_NUMBERS}))*\b(?!-[^\W\d_])",
    re.IGNORECASE,
)
# One piece of a number in words. Matches: "a", "and", "fifty" in "a hundred and fifty".
# Must not match: "an".
_WORD_PIECE = re.compile(rf"\b(?:a|and|{_WORD_NUMBERS})\b", re.IGNORECASE)
# What may come before a number that opens its sentence. Matches: ' "(' in ' "(3 people'.
# Must not match: "In " in "In 2020".
OPENING = re.compile(r"[ \"“'‘(]*")
# A break that starts a sentence proper inside a segment: a dateline's dash or a heading's colon.
# Matches: " - " in "LAGOS (Reuters) - Eighty", "— ", ": ". Must not match: "-" in "F-16".
FRESH_START = re.compile(r"(?:\s[-–—]|[—:])\s+[\"“'‘(]*$")
# What stands between a value and its conversion in brackets: "25 kilometres (16 miles)",
# "$5m (£4m)". Matches: " (", " ( ". Must not match: ", (".
CONVERSION_OPEN = re.compile(r"\s*\(\s*$")
CONVERSION_CLOSE = re.compile(r"\s*\)")
CONVERTED = "converted"  # the qualifier of a value's conversion (values.can_conflict)
DIMENSIONS = lang.dimensions()  # "mile" → "length" (lang/en/units.txt)
# Words for what befell people ("deaths", "injured"): a list label that is one of them names
# what is counted, not a place or a team (lang/en/fates.txt).
FATE_WORDS = frozenset(word for _, forms in lang.groups("fates") for word in forms)

# A label before a value in a list or a table: "Portugal - 31, Chile - 12", "Chile: 12",
# "deaths: 40". Capitalised labels are names (the value's scope); a lower-case one is what is
# counted. Matches: "Portugal - ", ", Chile - ", "deaths: ". Must not match: "LAGOS (Reuters) - ",
# "won 3-" (no space before the dash).
LIST_LABEL = re.compile(
    r"(?:^|[,;:(]\s*|\s(?:and|&)\s+)"
    r"(?P<label>[A-Z][\w'’.]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.]*){0,3}|[a-z]+)"
    r"(?:\s+[-–—]|:)\s*$"
)
# What may follow a value in a list: the next item, the end of the list. Matches: ",", ";",
# " and", "." at the end. Must not match: " people".
LIST_NEXT = re.compile(r"\s*(?:[,;)]|\.?\s*$|\s(?:and|&)\s)")
# A heading before a list, up to its colon: "Medals so far: Portugal - 31". Must not match a
# sentence longer than a heading.
LIST_HEADING = re.compile(r"^\W*(?P<heading>[^\W\d_][\w'’ ]{0,38}?):\s")

# Whether a sentence can hold a number at all (most cannot: skip them cheaply).
# Matches: "3", "three", "half", "thousands". Must not match: "threefold", "someone".
ANY_NUMBER = re.compile(
    rf"\d|[½¼¾⅓⅔]|\b(?:{_WORD_NUMBERS}|{lang.alternation(DENOMINATORS)}|"
    rf"{lang.alternation(VAGUE)})\b",
    re.IGNORECASE,
)

# What a hedge says of its number (lang/en/hedges.txt): "some 300" is "about" 300.
QUALIFIERS = {
    hedge: qualifier for hedge, _, qualifier in (line.partition("\t") for line in lang.lines("hedges"))
}
# The hedge right before a number. Matches: "some ", "more than ", "an estimated ", "at least ".
# Must not match: "handsome ".
_HEDGES = lang.alternation(QUALIFIERS).replace("\\ ", r"\s+")
HEDGE = re.compile(rf"\b(?P<h>{_HEDGES})\s+$", re.IGNORECASE)

# A percent sign or word, or points of one, after a number. Matches: "%", " percent",
# " per cent", "per cent" (glued), "pc", " percentage points", " basis points". Must not
# match: " percentile", "pcs".
PERCENT = re.compile(
    r"\s?%|\s*(?:percent|per\s*cent)\b|\s?pc\b|\s+(?P<points>(?P<kind>percentage|basis)\s+points?)\b"
)
# "of" and a determiner between a vague number or fraction and what it counts.
# Matches: " of the ", " of ", " of a ". Must not match: " off".
OF = re.compile(r"\s+of(?:\s+(?:the|a|an|its|their|his|her|our|those|these|all))?(?=\s)")
# A part of a counted whole, up to the noun. Matches: " of its", " of the roughly 7,800".
# Must not match: " of" before a name ("3,000 of Kenya's").
PART_OF = re.compile(
    r"\s+of\s+(?:its|their|the|his|her|our|all)(?:\s+(?:roughly|about|some|around|nearly|"
    r"almost|more\s+than|over))?(?:\s+[\d,.]+)?(?=\s+[a-z])"
)
# An article between a fraction and its noun. Matches: " an", " the". Must not match: " and".
ARTICLE = re.compile(r"\s+(?:a|an|the)(?=\s)")
# The next word after a number. Matches: " troops", " Ethiopian", " eight-year". Must not match: ",".
NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)")

# Words after a number that are no noun it counts (lang/en/function_words.txt).
NOUN_STOP = lang.tagged("function_words", "noun")
# Rainfall in litres per square metre. Matches: " of rain per square metre", " per sq m",
# "/m²". Must not match: " of water a day".
PER_SQUARE_METER = re.compile(
    r"(?:\s+of\s+(?:rain|rainfall|water|precipitation))?"
    r"(?:\s+(?:per|a|each|for\s+every)\s+(?:square\s+met(?:re|er)|sq\.?\s?m\b)|\s?/\s?(?:m²|m2|sqm)\b)",
    re.IGNORECASE,
)
# A speed after a number, in more than one word or with a slash. Matches: " km/h", " kmph",
# " miles per hour", " kilometres an hour", " km per hour". Must not match: " km from",
# " miles a day".
SPEED_AFTER = re.compile(
    r"\s?(?P<short>km/hr?|kmph|kmh)(?![\w/])|"
    r"\s+(?P<long>kilomet(?:er|re)s?|kms?|miles?)\s+(?:per|an|a)\s+hour\b",
    re.IGNORECASE,
)
UNIT_WORDS = lang.unit_forms()  # "kms" → "kilometer", "mph" → "mile per hour" (lang/en/units.txt)
CURRENCY_UNITS = frozenset(CURRENCIES.values()) | {
    unit for unit in UNIT_WORDS.values() if unit.isupper()
}
# Words after an amount that say when, not what: "over $5 million last year".
TIME_AFTER = lang.tagged("count_words", "when")  # lang/en/count_words.txt, as the lists below
# What makes a stretch of time an offset from another event, right after it. Matches: " after",
# " ago", " later". Must not match: " before" ("burned for 12 hours before crews contained it"
# is how long it burned), " of".
TIME_OFFSET = re.compile(r"\s+(?:after|later|ago|earlier)\b")
# Counted nouns that outlets use for one count: "300 people" and "300 residents" were rescued.
SAME_COUNT = {noun: head for head, nouns in lang.groups("same_count") for noun in nouns}
# Plurals the "-s" rule does not undo (lang/en/plurals.txt).
IRREGULAR_PLURALS = {plural: singular for plural, singular in lang.rows("plurals")}

# Singular nouns that end in "s" like a plural.
NOT_PLURAL = lang.tagged("count_words", "singular")
# A word before a number that names what it measures: "a magnitude 6.8 earthquake", "a
# Category 4 hurricane" (a storm's category is a reading of a scale, as a magnitude is).
UNIT_BEFORE = {word: word for word in lang.tagged("count_words", "unit")}
# A word before a number that makes it a name or a label: "Article 5", "page 12", "No. 10".
LABELS = lang.tagged("count_words", "label")
# Capitalised words that may stand right before a number without making it a name.
CAPITALISED_OK = lang.tagged("count_words", "capitalised") | frozenset(
    lang.month_names() + lang.weekday_names()
)
# A year reads as a count only when it counts something ("2000 people"), never after these.
YEAR_PREPOSITIONS = lang.tagged("count_words", "year")
# "one" is a pronoun before these, or after these: "one of the", "no one", "the one that".
ONE_IDIOMS = lang.tagged("count_words", "one_idiom")
ONE_PRONOUN_AFTER = lang.tagged("count_words", "one_after")
# "the second half" is a part of a match or a year, not a fraction.
ORDINALS = lang.tagged("count_words", "part")


@dataclass(frozen=True, slots=True)
class _Core:
    """A number as a form found it, before its hedge and noun are read."""

    start: int
    end: int
    low: Decimal
    high: Decimal | None = None  # ranges and vague plurals
    unit: str | None = None  # fixed by the form: "USD", "age", "day"
    noun: str = "plural"  # what may follow: "plural", "any" (singular too), "of", "none"
    rule: str = ""
    flags: frozenset[str] = frozenset()  # "year?", "label?", "one", "capital?", "meter?"


MAX_EXPONENT = 30  # figures of more than 31 digits are not claims (a septillion has 25)
# A "score" inside a product's name from this first figure is a model number ("330-200");
# below it, a result the model took for a product ("the hosts 3-2").
MODEL_NUMBER_FROM = 100


def _fmt(value: Decimal) -> str:
    """A plain decimal string: "100000", "3.5", never "1E+5"."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _figures(raw: str) -> Decimal:
    return Decimal(re.sub(r"[,\s]", "", raw))


def _words_value(pieces: list[str]) -> tuple[Decimal, int] | None:
    """Parse number words; the value and how many pieces form one number.

    >>> _words_value(["two", "hundred", "and", "fifty", "thousand"])
    (Decimal('250000'), 5)
    >>> _words_value(["two", "three"])
    (Decimal('2'), 1)
    """
    total, current, used, last = 0, 0, 0, ""
    largest = 10**15
    for i, piece in enumerate(pieces):
        word = piece.casefold()
        if word == "a" and i == 0:
            current, last = 1, "a"
        elif word == "and":
            if last not in ("hundred", "scale") or i + 1 >= len(pieces):
                break
            continue
        elif word in ONES:
            if last in ("ones", "teen") or (last == "tens" and ONES[word] >= 10):
                break
            current += ONES[word]
            last = "teen" if ONES[word] >= 10 else ("ones" if last != "tens" else "teen")
        elif word in TENS:
            if last in ("ones", "teen", "tens"):
                break
            current += TENS[word]
            last = "tens"
        elif word == "hundred":
            if last not in ("ones", "teen", "tens", "a"):
                break
            current = current * 100
            last = "hundred"
        elif word in SCALES:
            scale = SCALES[word]
            if last == "scale" and current == 0 and scale > largest:
                total, largest = total * scale, largest * scale  # "two lakh crore": they multiply
                used = i + 1
                continue
            if current == 0 or scale >= largest:
                break
            total += current * scale
            current, largest, last = 0, scale, "scale"
        elif word == "dozen":
            if last not in ("ones", "teen", "a") or total:
                break
            current *= 12
            used = i + 1
            break
        else:
            break
        used = i + 1
    if used == 0 or (used == 1 and last == "a"):
        return None
    return Decimal(total + current), used


def _cores(text: str, blocked: list[tuple[int, int]]) -> Iterator[_Core]:
    """Every number form in a sentence, in rule order; later rules skip taken text."""
    taken = _Taken(blocked)
    for rule, reader in READERS:
        for m in rule.finditer(text):
            if not taken.free(m.start(), m.end()):
                continue
            core = reader(m, text)
            if core is None:
                continue
            taken.add(m.start(), m.end())
            yield core


class _Taken:
    """Stretches of a sentence already read, merged and sorted, so that asking whether a new
    match is free costs a binary search, not a pass over every earlier match (issue 12, bug 4:
    a sentence of n numbers asked n times over n stretches)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)  # overlapping blockers merge
            else:
                self.starts.append(start)
                self.ends.append(end)

    def free(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps no stretch: the stretch that starts last before
        ``end`` must end by ``start``."""
        k = bisect.bisect_left(self.starts, end) - 1
        return k < 0 or self.ends[k] <= start

    def add(self, start: int, end: int) -> None:
        k = bisect.bisect_left(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)


def _read_aged(m: re.Match[str], text: str) -> _Core | None:
    if m["of"]:
        start, end = m.span("of")
        return _Core(start, end, Decimal(m["of"]), unit="age", noun="none", rule="aged")
    if m["appositive"]:
        start, end = m.span("appositive")
        return _Core(start, end, Decimal(m["appositive"]), unit="age", noun="none", rule="aged")
    return _Core(m.start(), m.end("n"), Decimal(m["n"]), unit="age", noun="none", rule="aged")


def _read_compound(m: re.Match[str], text: str) -> _Core | None:
    value = _number(m["n"])
    if value is None:
        return None
    unit = "age" if m["old"] else _singular(m["u"].casefold()).replace("-", " ")
    unit = UNIT_WORDS.get(unit, unit)
    return _Core(m.start(), m.end(), value, unit=unit, noun="none", rule="compound")


def _read_point_fraction(m: re.Match[str], text: str) -> _Core | None:
    value = Decimal(1) / lang.fractions()[m["d"].casefold()]
    return _Core(m.start(), m.end(), value, unit="percent", noun="none", rule="compound")


def _read_magnitude(m: re.Match[str], text: str) -> _Core | None:
    return _Core(m.start(), m.end(), Decimal(m["n"]), unit="magnitude", noun="none", rule="compound")


def _read_vague(m: re.Match[str], text: str) -> _Core | None:
    low, high = VAGUE[m["base"].casefold()]
    factor = VAGUE_MULTIPLIERS[m["mul"].casefold()] if m["mul"] else 1
    return _Core(
        m.start(), m.end(), Decimal(low * factor), Decimal((high + 1) * factor - 1),
        noun="of", rule="vague",
    )  # fmt: skip


def _read_half_a(m: re.Match[str], text: str) -> _Core | None:
    scale = m["s"].casefold()
    whole = 12 if scale == "dozen" else 100 if scale == "hundred" else SCALES[scale]
    return _Core(m.start(), m.end(), Decimal(whole) / 2, rule="words")


def _read_and_a_half(m: re.Match[str], text: str) -> _Core | None:
    if m["d"]:
        whole = Decimal(m["d"])
    else:
        parsed = _words_value([m["w"]])
        if parsed is None:
            return None
        whole = parsed[0]
    return _Core(m.start(), m.end(), whole + Decimal("0.5"), rule="mixed")


def _read_fraction(m: re.Match[str], text: str) -> _Core | None:
    numerator_word = (m["n"] or "").casefold()
    denominator = m["d"].casefold()
    hyphenated = m["sep"] == "-"
    if not hyphenated and m["of"] is None:
        return None  # "a third term", "half empty"
    if numerator_word == "" and denominator != "half":
        return None  # "quarters", "thirds" alone
    if denominator.endswith("s") and numerator_word in ("", "one", "a", "an"):
        return None
    if numerator_word in ("", "a", "an") and _word_before(text, m.start()) in ORDINALS:
        return None  # "the second half of"
    numerator = ONES.get(numerator_word, 1)
    value = (Decimal(numerator) / DENOMINATORS[denominator]).quantize(FRACTION_PLACES)
    return _Core(m.start(), m.end(), value, noun="of", rule="fraction")


def _read_mixed(m: re.Match[str], text: str) -> _Core | None:
    if m["bv"]:
        value = VULGAR[m["bv"]]
    elif m["bn"]:
        if int(m["bn"]) >= int(m["bd"]):
            return None
        value = Decimal(int(m["bn"])) / int(m["bd"])
    elif m["v"]:
        value = Decimal(m["i"]) + VULGAR[m["v"]]
    else:
        if int(m["n"]) >= int(m["d"]):
            return None
        value = Decimal(m["i"]) + Decimal(int(m["n"])) / int(m["d"])
    return _Core(m.start(), m.end(), value.quantize(FRACTION_PLACES), rule="mixed")


def _scale_value(words: str) -> int:
    """What scale words multiply by: "million" → 10^6, "lakh crore" → 10^12."""
    value = 1
    for word in words.casefold().split():
        value *= SCALES[word.removesuffix("s")]
    return value


def _scaled(m: re.Match[str], raw: str) -> tuple[Decimal, str | None, frozenset[str]]:
    """A figure times its scale word; the currency; "meter?" when "m" may be metres."""
    value = _figures(raw)
    flags: set[str] = set()
    if m["scale"]:
        value *= _scale_value(m["scale"])
    elif m["abbr"]:
        if m["abbr"] == "m" and not m["cur"]:
            flags.add("meter?")
        value *= ABBREVIATED_SCALES[m["abbr"]]
    currency = CURRENCIES[m["cur"].strip()] if m["cur"] else None
    return value, currency, frozenset(flags)


def _read_range(m: re.Match[str], text: str) -> _Core | None:
    if FROM_BEFORE.search(text, 0, m.start()) and " to " in m.group():
        return None  # "fell from £1,667 to £1,625": a change between two values, read apart
    low, currency, flags = _scaled(m, m["lo"])
    high, _, _ = _scaled(m, m["hi"])
    if low >= high:
        if SCORE.fullmatch(m.group()) and not PERCENT.match(text, m.end()):
            # "voted 5-4", "drew 1-1": a score or a vote, winner first (an ascending "2-3" may be
            # a range of anything, and stays out)
            score = frozenset({"score"})
            return _Core(m.start(), m.end(), low, high, unit="score", noun="none", rule="score", flags=score)
        return _Core(m.start(), m.end(), low, rule="range", flags=frozenset({"drop"}))
    plain = not (m["cur"] or m["scale"] or m["abbr"])
    return _Core(
        m.start(), m.end(), low, high, unit=currency, rule="range",
        flags=flags | ({"score?"} if plain else set()),
    )  # fmt: skip


def _number(raw: str) -> Decimal | None:
    """A number written in figures or as one number word ("25", "twenty-five")."""
    if raw[0].isdigit():
        return _figures(raw)
    pieces = raw.split("-")
    parsed = _words_value(pieces)
    return parsed[0] if parsed is not None and parsed[1] == len(pieces) else None


def _read_between(m: re.Match[str], text: str) -> _Core | None:
    low, high = _number(m["lo"]), _number(m["hi"])
    if low is None or high is None:
        return None
    if m["scale"] or m["abbr"]:
        factor = _scale_value(m["scale"]) if m["scale"] else ABBREVIATED_SCALES[m["abbr"]]
        low, high = low * factor, high * factor
    currency = CURRENCIES[m["cur"].strip()] if m["cur"] else None
    years = all(r.isdigit() and len(r) == 4 and 1800 <= int(r) <= 2100 for r in (m["lo"], m["hi"]))
    flags = {"drop"} if low >= high else {"year?"} if years else set()
    return _Core(m.start(), m.end(), low, high, unit=currency, rule="range", flags=frozenset(flags))


def _read_word_range(m: re.Match[str], text: str) -> _Core | None:
    low, high = _number(m["lo"]), _number(m["hi"])
    if low is None or high is None or low >= high:
        return None
    return _Core(m.start(), m.end(), low, high, rule="range")


def _read_strong(m: re.Match[str], text: str) -> _Core | None:
    value = _number(m["n"])
    if value is None:
        return None
    return _Core(m.start(), m.end(), value, noun="any", rule="strong")


def _read_figures(m: re.Match[str], text: str) -> _Core | None:
    value, currency, flags = _scaled(m, m["num"])
    raw = m["num"]
    if m["au"]:
        unit = UNIT_WORDS[m["au"].casefold()]
        return _Core(m.start(), m.end(), value, unit=unit, noun="none", rule="figures")
    extra: set[str] = set()
    if not (m["cur"] or m["scale"] or m["abbr"]):
        extra.add("label?")
        if len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100:
            extra.add("year?")
    noun = "any" if value == 1 else "plural"
    return _Core(
        m.start(), m.end(), value, unit=currency, noun=noun, rule="figures",
        flags=flags | extra,
    )  # fmt: skip


def _read_words(m: re.Match[str], text: str) -> _Core | None:
    pieces = list(_WORD_PIECE.finditer(text, m.start(), m.end()))
    parsed = _words_value([p.group() for p in pieces])
    if parsed is None:
        return None
    value, used = parsed
    end = pieces[used - 1].end()
    flags = {"capital?"} if text[m.start()].isupper() else set()
    if used == 1 and pieces[0].group().casefold() == "one":
        flags.add("one")
    noun = "any" if value == 1 else "plural"
    return _Core(m.start(), end, value, noun=noun, rule="words", flags=frozenset(flags))


Reader = Callable[[re.Match[str], str], "_Core | None"]
READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (AGED, _read_aged),
    (COMPOUND, _read_compound),
    (POINT_FRACTION, _read_point_fraction),
    (MAGNITUDE_FIRST, _read_magnitude),
    (HALF_A, _read_half_a),
    (VAGUE_PLURAL, _read_vague),
    (AND_A_HALF, _read_and_a_half),
    (FRACTION, _read_fraction),
    (MIXED, _read_mixed),
    (BETWEEN, _read_between),
    (WORD_RANGE, _read_word_range),
    (STRONG, _read_strong),
    (RANGE, _read_range),
    (FIGURES, _read_figures),
    (WORDS, _read_words),
)


def _people_of(word: str) -> bool:
    """Whether a word is the plural of a demonym in "-i", which the "-s" rule leaves alone
    (it keeps "crisis", "analysis"): "Iraqis", "Bangladeshis"."""
    return word.endswith("is") and names.a_people(word)


def _singular(word: str) -> str:
    """A crude English singular: "troops" → "troop", "casualties" → "casualty"."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if _people_of(word):
        return word[:-1]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _plural(word: str) -> bool:
    if word in IRREGULAR_PLURALS:
        return True
    if word in NOT_PLURAL:
        return False
    if _people_of(word):
        return True
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _head(text: str, pos: int, *, singular: bool) -> tuple[str, int] | None:
    """The counted noun after ``pos`` (within four words) and where it ends.

    A plural noun ends the search ("8,000 Ethiopian refugees"); with ``singular`` the last word
    before a function word is taken too ("one Ethiopian soldier was").
    """
    last: tuple[str, int] | None = None
    for _ in range(4):
        m = NEXT_WORD.match(text, pos)
        if m is None:
            break
        raw = m.group(1)
        word = raw.casefold().replace("’", "'").rstrip("'")  # "two hours' drive"
        end = m.end() - (len(raw) - len(raw.rstrip("'’")))
        if word in NOUN_STOP:
            break
        if word in UNIT_WORDS:
            nautical = last is not None and last[0] == "nautical" and UNIT_WORDS[word] == "mile"
            return ("nautical mile" if nautical else UNIT_WORDS[word]), end  # not a land mile
        if _plural(word):
            noun = _singular(word)
            return SAME_COUNT.get(noun, noun), end
        if last is not None and word.endswith("ed"):
            break  # "one soldier killed": a verb after the noun
        last = (word, end)
        pos = m.end()
    return last if singular else None


def _percent(text: str, pos: int) -> tuple[str, int] | None:
    """ "percent", or "percent of driver" when the text says of what: a share of drivers and
    a share of trains are different counts."""
    m = PERCENT.match(text, pos)
    if m is None:
        return None
    if m["points"]:
        return f"{m['kind'].casefold()} point", m.end()
    of = OF.match(text, m.end())
    whole = _head(text, of.end(), singular=False) if of is not None else None
    if whole is not None:
        return f"percent of {whole[0]}", whole[1]
    return "percent", m.end()


def _counted(core: _Core, text: str) -> tuple[str, int] | None:
    """What a number counts: "troops" after "100,000", "voters" after "two-thirds of"."""
    percent = _percent(text, core.end)
    if percent is not None:
        return percent
    speed = SPEED_AFTER.match(text, core.end)
    if speed is not None:
        kind = "mile" if (speed["long"] or "").casefold().startswith("mile") else "kilometer"
        return f"{kind} per hour", speed.end()
    if core.noun != "of":
        head = _head(text, core.end, singular=core.noun == "any")
        if head is not None and head[0] == "liter" and (rain := PER_SQUARE_METER.match(text, head[1])):
            return "millimeter", rain.end()  # a litre of rain per square metre is 1 mm of it
        part = PART_OF.match(text, core.end) if head is None and core.unit is None else None
        whole = _head(text, part.end(), singular=False) if part is not None else None
        if whole is not None:  # "3,200 of its trains": the mention stays "3,200", apart from
            return whole[0], core.end  # "roughly 7,800" in "2,300 of the roughly 7,800 trains"
        return head
    of = OF.match(text, core.end)
    if of is not None:  # "thousands of troops", "half of the fund", "a quarter of a point"
        return _percent(text, of.end()) or _head(text, of.end(), singular=True)
    if core.rule == "fraction":
        article = ARTICLE.match(text, core.end)  # "half an hour", "a two-thirds majority"
        return _head(text, article.end() if article else core.end, singular=True)
    return _head(text, core.end, singular=False)  # "thousands marched"


def _words_before(text: str, pos: int) -> tuple[str, bool]:
    """The whitespace-separated word that ends last before ``pos``, and whether any text comes
    before it: ``text[:pos].rstrip().rsplit(None, 1)`` without copying the whole prefix, which
    for a sentence of many numbers made each number cost the length of the sentence."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    rest = start
    while rest > 0 and text[rest - 1].isspace():
        rest -= 1
    return text[start:end], rest > 0


def _word_before(text: str, pos: int) -> str:
    return _words_before(text, pos)[0].casefold().strip('"“(.,')



def _finish(core: _Core, text: str, title: bool) -> Mention | Note | None:
    """Read the hedge, percent sign and noun around a core, and apply the traps; a note
    instead of a mention for a figure too long to be one."""
    end, unit = core.end, core.unit
    before = _word_before(text, core.start)
    opening = OPENING.match(text).end() >= core.start  # type: ignore[union-attr]
    opening = opening or FRESH_START.search(text, max(0, core.start - 6), core.start) is not None
    if "capital?" in core.flags and not title and not opening:
        return None  # "the Group of Seven", "Formula One"
    if "label?" in core.flags and before not in UNIT_BEFORE:
        if before in LABELS:
            return None
        prev, more = _words_before(text, core.start)
        # A capital on the first word of a sentence says nothing ("A 100,000-strong force").
        # A name does not run on past a comma: "in Lyon, 35 coffins" (nor a colon: "Chile: 12").
        named = more and any(ch.isupper() for ch in prev) and not prev.endswith((":", ",", ";"))
        if (
            named
            and not title
            and not prev.endswith(("'s", "’s"))
            and prev.casefold().strip(".,") not in CAPITALISED_OK
        ):
            return None  # "Boeing 737", "Windows 11"
        if ADDRESS.match(text, core.end):
            return None
    if unit is None and before in UNIT_BEFORE:
        unit = UNIT_BEFORE[before]  # "a magnitude 6.8 quake"
    elif core.noun != "none" and unit is None:
        found = _counted(core, text)
        if found is not None:
            unit, end = found
    if "meter?" in core.flags and unit is None:
        core = replace(core, low=core.low / ABBREVIATED_SCALES["m"])  # "5m high": metres
        unit = "meter"
    # A year, unless a lower-case noun right after it says it counts something ("2000 people").
    if "year?" in core.flags and (
        unit is None
        or not (title or text[core.end + 1 : core.end + 2].islower())
        or before in YEAR_PREPOSITIONS
        or text[core.end : core.end + 2] in ("'s", "’s")
    ):
        return None
    if "drop" in core.flags or ("score?" in core.flags and unit is None):
        return None  # "won 2-1", "a 5-4 vote"
    if "one" in core.flags:
        following = NEXT_WORD.match(text, core.end)
        next_word = following.group(1).casefold() if following else ""
        if unit is None or next_word in ONE_IDIOMS or before in ONE_PRONOUN_AFTER:
            return None
    if unit is not None and lang.units().get(unit) == "time" and TIME_OFFSET.match(text, end):
        return None  # "three days after the quake", "two weeks ago": it dates another event
    start, qualifier = core.start, None
    hedge = HEDGE.search(text, max(0, core.start - 30), core.start)
    if hedge is not None and not _preposition(hedge["h"], unit, text, end):
        qualifier = QUALIFIERS[" ".join(hedge["h"].casefold().split())]
        start = hedge.start("h")
    exponent = max(v.adjusted() for v in (core.low, core.high) if v is not None)
    if exponent > MAX_EXPONENT:  # int() refuses thousands of digits (issue 12)
        reason = f"a number of {exponent + 1:,} digits is out of range (at most {MAX_EXPONENT + 1})"
        return Note("", start, end, reason)
    if "score" in core.flags:
        high = core.high if core.high is not None else core.low
        value = f"{_fmt(core.low)}-{_fmt(high)}"  # "5-4": a score, not a range
    else:
        value = _fmt(core.low) if core.high is None else f"{_fmt(core.low)}..{_fmt(core.high)}"
    return Mention(
        kind=Kind.NUMBER, value=value, text=text[start:end], start=start, end=end,
        qualifier=qualifier, unit=_american(unit), context=context_words(text, start, end),
    )  # fmt: skip


def _american(unit: str | None) -> str | None:
    """A counted noun in American spelling, so that outlets' spellings meet: "a 22-storey
    block" and "the 21-story building" count one thing. Currency codes and other upper-case
    units are left as they are."""
    return unit if unit is None or not unit.islower() else spelling.americanize(unit)


def _preposition(hedge: str, unit: str | None, text: str, end: int) -> bool:
    """Whether "over" before an amount means "about": "sentenced over the R401-million
    contract", where the amount describes the noun after it, not "over 200 people"."""
    if hedge.casefold() not in {"over", "under"} or unit not in CURRENCY_UNITS:
        return False
    following = NEXT_WORD.match(text, end)
    word = following.group(1) if following else ""
    return word.isalpha() and word.islower() and not _plural(word) and word not in NOUN_STOP | TIME_AFTER


def _blocked(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for rule in BLOCKERS for m in rule.finditer(text)]


def _numbers(text: str) -> Iterator[Mention | Note]:
    """The number mentions of one sentence, offsets relative to it, in text order, and a
    note for each figure out of range."""
    if ANY_NUMBER.search(text) is None:
        return
    title = title_case(text)
    found = [
        mention
        for core in _cores(text, _blocked(text))
        if (mention := _finish(core, text, title)) is not None
    ]
    yield from (note for note in found if isinstance(note, Note))
    mentions = sorted((m for m in found if isinstance(m, Mention)), key=lambda m: m.start)
    marked = [
        replace(m, qualifier=CONVERTED) if k and _conversion(mentions[k - 1], m, text) else m
        for k, m in enumerate(mentions)
    ]
    yield from (_listed(m, text) for m in marked)


def _conversion(first: Mention, then: Mention, text: str) -> bool:
    """Whether ``then`` only converts ``first`` into other units: "25 kilometres (16 miles)",
    "$5m (£4m)". The first is the value; the conversion is kept, qualified "converted", so that
    it corroborates an outlet that gives only the converted figure but, being rounded or at some
    day's exchange rate, never contradicts one. A count in brackets is no conversion ("41 (12 of
    them children)")."""
    if CONVERSION_OPEN.fullmatch(text, first.end, then.start) is None:
        return False
    if CONVERSION_CLOSE.match(text, then.end) is None or not (first.unit and then.unit):
        return False
    if first.unit == then.unit:
        return False
    money = first.unit in CURRENCY_UNITS and then.unit in CURRENCY_UNITS
    measure = DIMENSIONS.get(first.unit)
    return money or (measure is not None and measure == DIMENSIONS.get(then.unit))


def _listed(mention: Mention, text: str) -> Mention:
    """A value in a list or table takes its label: the scope when it is a name ("Portugal - 31"),
    what is counted when it is a common word or a fate ("deaths: 40"), and a heading's plural noun as what
    is counted ("Medals: Portugal - 31")."""
    label = LIST_LABEL.search(text, max(0, mention.start - 60), mention.start)
    if label is None or LIST_NEXT.match(text, mention.end) is None:
        return mention
    name = label["label"]
    if name.islower() or name.casefold() in FATE_WORDS:  # "deaths: 40", "Injured - 112"
        return mention if mention.unit else replace(mention, unit=_singular(name.casefold()))
    unit = mention.unit
    heading = LIST_HEADING.match(text)
    if unit is None and heading is not None and heading.start("heading") != label.start("label"):
        plural = next((w for w in heading["heading"].casefold().split() if _plural(w)), None)
        unit = _singular(plural) if plural is not None else None
    return replace(mention, unit=unit, scope=(name,), attribute=unit)


def extract(doc: Document, *, settings: Settings) -> Iterator[Mention | Note]:
    """Numbers of the eligible sentences of ``doc``, in text order, and a note for each
    figure out of range."""
    products = _product_names(doc)
    for sentence in doc.sentences:
        if not eligible(sentence, settings):
            continue
        for mention in _numbers(sentence.text):
            if isinstance(mention, Note):
                yield Note(doc.source.id, sentence.start + mention.start, sentence.start + mention.end, mention.reason)
                continue
            if _model_number(mention) and _named(sentence.start + mention.start, sentence.start + mention.end, products):
                continue  # "an Airbus 330-200" is a model, not a score of 330 to 200
            yield replace(
                mention,
                start=sentence.start + mention.start,
                end=sentence.start + mention.end,
                source_id=doc.source.id,
                sentence_index=sentence.index,
            )


def _model_number(mention: Mention) -> bool:
    """Whether a figure read as a score may be a model number: "330-200", not "3-2" (the
    model also labels "the hosts 3-2" a product)."""
    return mention.unit == "score" and Decimal(mention.value.split("-")[0]) >= MODEL_NUMBER_FROM


def _product_names(doc: Document) -> list[tuple[int, int]]:
    """Where the parse names a product with its maker ("an Airbus 330-200"), sorted: a product
    entity that holds a word before the figures, or follows an organisation (the model often
    labels "Airbus" an organisation and "330-200" a product)."""
    found = []
    for parse in doc.parses:
        makers = {e.end for e in parse.entities if e.label == "ORG"}
        for entity in parse.entities:
            if entity.label != "PRODUCT":
                continue
            before = doc.source.text[max(0, entity.start - 1) : entity.start]
            maker = before == " " and entity.start - 1 in makers
            words = entity.text.split()
            if maker or (len(words) > 1 and not any(ch.isdigit() for ch in words[0])):
                found.append((entity.start, entity.end))
    return sorted(found)


def _named(start: int, end: int, names: Sequence[tuple[int, int]]) -> bool:
    """Whether ``start``..``end`` lies inside one of the sorted ``names``."""
    k = bisect.bisect_right(names, start, key=lambda name: name[0]) - 1
    return k >= 0 and names[k][0] <= start and end <= names[k][1]
