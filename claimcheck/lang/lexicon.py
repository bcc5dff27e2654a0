"""Lexicons: the word lists every stage shares, kept as data files in ``claimcheck/lang/en/``.

A lexicon file holds one entry a line; blank lines and lines starting with ``#`` are comments.
Reading one is cheap and cached, so callers ask for it where they need it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from importlib import resources


@functools.cache
def lines(name: str, *, lang: str = "en") -> tuple[str, ...]:
    """The entries of ``claimcheck/lang/<lang>/<name>.txt``, in file order.

    >>> lines("holidays")
    ('christmas', 'easter')
    """
    text = resources.files("claimcheck.lang").joinpath(lang).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


@functools.cache
def words(name: str, *, lang: str = "en") -> frozenset[str]:
    """The entries of a lexicon as a set, for membership tests.

    >>> "easter" in words("holidays")
    True
    """
    return frozenset(lines(name, lang=lang))


def rows(name: str, *, lang: str = "en") -> tuple[tuple[str, ...], ...]:
    """The entries of a lexicon whose lines hold several words: a name, then its variants.

    >>> rows("weekdays")[1]
    ('tuesday', 'tue', 'tues')
    """
    return tuple(tuple(line.split()) for line in lines(name, lang=lang))


@functools.cache
def cardinals(kind: str) -> dict[str, int]:
    """Number words of one class ("unit", "ten", "hundred", "scale", "dozen", "abbreviation")
    → value, in file order.

    >>> list(cardinals("ten").items())[:2], cardinals("scale")["million"]
    ([('twenty', 20), ('thirty', 30)], 1000000)
    """
    return {word: int(value) for word, value, cls in rows("cardinals") if cls == kind}


@functools.cache
def fractions() -> dict[str, int]:
    """Fraction words → the denominator they name: "half" → 2, "quarters" → 4."""
    return {word: int(value) for word, value in rows("fractions")}


@functools.cache
def number_words() -> frozenset[str]:
    """Words that may state a count: cardinals, their plurals ("dozens", "thousands") and
    fractions ("half")."""
    found = {word for word, _, cls in rows("cardinals") if cls != "abbreviation"}
    found |= {f"{word}s" for word, _, cls in rows("cardinals") if cls in ("hundred", "scale", "dozen")}
    return frozenset(found | set(fractions()))


@functools.cache
def fate_words() -> frozenset[str]:
    """The words that say what befell people ("died", "injured", "missing"), from fates.txt; its
    head words ("die", "injure") are ``groups("fates")``'s first items.

    >>> {"killed", "wounded", "missing"} <= fate_words()
    True
    """
    return frozenset(word for _, forms in groups("fates") for word in forms)


@functools.cache
def saying_verbs() -> frozenset[str]:
    """Base forms of the verbs that attribute words or a figure to a source ("say", "report",
    "add", "tweet"): reporting_verbs.txt and speech_verbs.txt together.

    >>> {"say", "report", "tweet"} <= saying_verbs()
    True
    """
    return words("reporting_verbs") | words("speech_verbs")


@functools.cache
def units() -> dict[str, str]:
    """Unit names → what they measure, from lang/en/units.txt, the one unit list.

    >>> units()["mile"], units()["mile per hour"], units()["USD"]
    ('length', 'speed', 'money')
    """
    return {row[0].replace("-", " "): row[1].partition("*")[0] for row in rows("units")}


@functools.cache
def unit_sizes() -> dict[str, tuple[str, Decimal]]:
    """Units whose size is defined → what they measure and their size in its base unit (metres,
    kilograms, litres, square metres, km/h), so that "12 km" and "7.5 miles" can be compared.

    >>> unit_sizes()["mile"], unit_sizes()["kilometer"]
    (('length', Decimal('1609.344')), ('length', Decimal('1000')))
    """
    sizes = {}
    for row in rows("units"):
        dimension, _, size = row[1].partition("*")
        if size:
            sizes[row[0].replace("-", " ")] = (dimension, Decimal(size))
    return sizes


# Dimensions a unit name may be compared in only with its own name: money converts between
# currencies (numbers.py) and a share is a share of something.
_NOT_MEASURES = frozenset({"money", "share"})


def dimensions() -> dict[str, str]:
    """Units → what they measure, so that a value and its conversion are known for one.

    >>> dimensions()["mile"], dimensions()["kilometer per hour"]
    ('length', 'speed')
    """
    return units()


@functools.cache
def unit_forms() -> dict[str, str]:
    """How units are written, case-folded, → their names: "kms" → "kilometer", "$" → "USD".

    >>> unit_forms()["kilometres"], unit_forms()["mph"], unit_forms()["per cent"]
    ('kilometer', 'mile per hour', 'percent')
    """
    return {form.replace("-", " "): row[0].replace("-", " ") for row in rows("units") for form in row[2:]}


@functools.cache
def measures() -> frozenset[str]:
    """The unit names that measure (a length, a time, a magnitude), not money nor a share.

    >>> "kilometer" in measures(), "year" in measures(), "USD" in measures(), "percent" in measures()
    (True, True, False, False)
    """
    return frozenset(name for name, dimension in units().items() if dimension not in _NOT_MEASURES)


@functools.cache
def unit_words() -> frozenset[str]:
    """Every word of a unit's names and forms, and the scales ("billion", "bn"): a number on one of
    these measures in it rather than counting it ("13 per cent", "$1.2 bn"). A unit that is its
    own dimension is left out: "a 7.1-magnitude quake" gives a magnitude.

    >>> sorted(w for w in unit_words() if w in {"per", "cent", "bn", "kilometre", "lakh", "magnitude"})
    ['bn', 'cent', 'kilometre', 'lakh', 'per']
    """
    # "magnitude" and "age" are their own dimensions: a value in them is a value of them.
    named = [
        *(form for form, name in unit_forms().items() if units()[name] != name),
        *(name.casefold() for name, dimension in units().items() if dimension != name),
    ]
    scales = [*cardinals("scale"), *cardinals("abbreviation")]
    return frozenset({word for name in named for word in name.split()} | set(scales))


@functools.cache
def months() -> dict[str, int]:
    """Lower-case month names and abbreviations → month number.

    >>> months()["sept"], months()["may"], len(months())
    (9, 5, 24)
    """
    return {word: number for number, row in enumerate(rows("months"), 1) for word in row}


def month_names() -> tuple[str, ...]:
    """The twelve full month names, lower case, in calendar order."""
    return tuple(row[0] for row in rows("months"))


def month_abbreviations() -> tuple[str, ...]:
    """Month abbreviations, lower case ("jan", "sep", "sept"…); "may" has none."""
    return tuple(word for row in rows("months") for word in row[1:])


def weekday_names() -> tuple[str, ...]:
    """The seven full weekday names, lower case, from Monday."""
    return tuple(row[0] for row in rows("weekdays"))


def weekday_abbreviations() -> tuple[str, ...]:
    """Weekday abbreviations, lower case ("mon", "tue", "tues"…)."""
    return tuple(word for row in rows("weekdays") for word in row[1:])


def calendar_words() -> frozenset[str]:
    """Month names and abbreviations and weekday names, lower case. Weekday abbreviations are
    left out: "sun", "sat" and "wed" are words.

    >>> "sept" in calendar_words(), "friday" in calendar_words(), "sun" in calendar_words()
    (True, True, False)
    """
    return frozenset(months()) | frozenset(weekday_names())


# The years news text dates things in, as a regular expression (no group): "1989", "2024",
# not "1066" or "3000" (a count, a price or a code).
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of ``forms``, escaped, longest first (so that a longer form is tried
    before its prefix, as a greedy optional suffix would be).

    >>> alternation(["jan", "january", "sept", "sep"])
    'january|sept|jan|sep'
    """
    unique = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(re.escape(f) for f in unique)


def agencies(role: str) -> tuple[str, ...]:
    """Agency names (as written, case kept) with ``role``: "wire" or "credit".

    >>> "Reuters" in agencies("wire"), "Getty Images" in agencies("wire")
    (True, False)
    """
    found = []
    for line in lines("agencies"):
        name, _, roles = line.partition("\t")
        if role in roles.split():
            found.append(name)
    return tuple(found)


def groups(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The groups of a lexicon written "word: variants", one group a line.

    >>> groups("fates")[3]
    ('missing', ('missing', 'unaccounted'))
    """
    found = []
    for line in lines(name):
        head, _, variants = line.partition(":")
        found.append((head.strip(), tuple(variants.split())))
    return tuple(found)


@functools.cache
def tagged(name: str, tag: str | None = None) -> frozenset[str]:
    """The words of a lexicon written "word<TAB>tags"; with ``tag``, only those carrying it.
    A line without a tab is a word with no tags.

    >>> "foreign" in tagged("titles"), "foreign" in tagged("titles", "person")
    (True, False)
    """
    found = set()
    for line in lines(name):
        word, _, tags = line.partition("\t")
        if tag is None or tag in tags.split():
            found.add(word)
    return frozenset(found)


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words ("the", "said", "would"): words that say nothing of a topic.
    Imported on first use, so that importing claimcheck does not import spaCy."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
