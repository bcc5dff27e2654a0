"""Match: mentions → claims. Decide which mentions, across sources, state the same fact.

Mentions are blocked by kind (numbers also by unit). Within a block, rapidfuzz's vectorised
``process.cdist`` finds the pairs worth a look: dates, venues and numbers by the words of the
clause around them (what happened, who took part), quotations by their own words. Each such pair
is described by named features (``FEATURES``: how alike the clauses are, how rare the words they
share, equal values, a shared date, a clash of organisations, counts of one fate…), and a
logistic model fitted on the labelled sets (``claimcheck.learn``, shipped in
``data/matcher.json``) gives the probability that the two state one fact. One model weighs pairs
whose values agree, another pairs whose values differ: a contradiction needs other evidence.

A few pairs never meet whatever their words: counts of different fates ("eight killed", "two
missing") or units, facts dated to different moments, and two values of one outlet that differ.
Edges from the set cuts up (``learn.AGREE_CUT``, ``learn.DIFFER_CUT``) are merged likeliest
first into clusters (quotations: agreements first), and a merge is refused when it would put two
incompatible values from one source into one claim, or join clusters whose values disagree
through an agreement of values less precise than theirs (a bare "January" must not chain the
10th and the 13th into one fact).
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import itertools
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import TypeVar

import numpy as np
from rapidfuzz import fuzz, process

from claimcheck import lang, origins, values
from claimcheck.extract import places
from claimcheck.lang.names import NameIndex, speakers_compatible
from claimcheck.lang.spelling import stem
from claimcheck.model import Claim, Document, Kind, Match, Mention, Role, Sentence, Story
from claimcheck.settings import Matcher, Settings

FIGURE_DIGITS = re.compile(r"\d+")  # a run of digits: "11", "30" of "11:30pm"
DISTINCT_NUMBER = 10  # a count from ten up rarely repeats by chance; "two" or "three" easily does
# Two differing quotations are one statement altered only when one stretch of the other (see
# ``_stretch``) holds at least this share of the shorter one's words, and of its content words.
# Measured over whole quotations, before the stretch: on the labelled sets, no differing
# pair of one gold claim shares less than half its words (0 of 19 pairs below 0.5 are one
# statement; 26 of 45 from 0.5 are); of the pairs that share half their words but under half
# their content words, 1 of 18 is one statement ("the fire is fully extinguished" / "the
# entire fire is out").
ALTERED_QUOTE_SHARE = 0.5
VETO_MARGIN = 15.0  # how much less alike a source's own mention of the other value may be
RESTATED = 45.0  # how alike one source's two bare weekdays must be worded to be one fact
MIN_CLAUSE_WORDS = 2  # a clause with fewer content words says too little about its value
# How far either side of a value (in characters) the words of its sentence are read when its
# clause says too little, and its fates and lead word looked for. Longer than any sentence of
# the labelled sets (the longest is 473 characters), so their verdicts are those of the whole
# sentence as before; a sentence of thousands of values costs each value a bounded read
# instead of the whole sentence (issue 12, bug 4).
SENTENCE_REACH = 500
SHARED_CAP = 6  # shared context words beyond this many add nothing more
# Pairs are scored only above these rapidfuzz scores. Few pairs of one fact in the labelled sets
# score lower (`python benchmarks/why_missed.py fixtures/news-*` lists them as "prefilter"), and a
# lower cut finds more false conflicts than real ones: PREFILTER 20 measured (leave one set out,
# 37 published sets) conflict recall 0.520 -> 0.554, conflict precision 0.779 -> 0.724.
PREFILTER = 30.0
PREFILTER_DATED = 15.0  # …when both sides are dated, a shared date can stand in for words
QUOTE_PREFILTER = 60.0  # partial_ratio of two quotations
SCORER = "matcher"  # the name each edge gives for its score: the model's probability × 100
MAX_CANDIDATES = 64  # partners a mention is scored against at most; the most any labelled mention has is 54
CHUNK = 512  # rows of the score matrix computed at once, to bound memory

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

# The boundaries of a clause inside a sentence. Matches: "; ", " — ", ", while ", ", followed by",
# " after an administrative court suspended" (another event, told as a clause).
# Must not match: the comma in "Vienna, Austria", nor ", which" (a relative clause belongs
# to the noun before it: "handed to the co-accused, which was lower than the 18 years").
CLAUSE_BREAK = re.compile(
    r"[;:—–()\[\]“”\"]|\s-\s|"
    rf",\s+(?=(?:{lang.alternation(lang.tagged('clause_openers', 'match'))})\b)|"
    r"\s(?=(?:after|before|since|until)\s+(?:a|an|the|its|his|her|their)\s+\w+(?:\s+\w+)?\s+\w+ed\b)"
)

STOPWORDS = lang.tagged("function_words", "match")
CALENDAR_WORDS = lang.calendar_words() | lang.words("relative_days")


# A verb of saying: a date in a clause with one is the date of a statement
# (lang/en/speech_forms.txt, "statement").
# Matches: "told AFP on Monday", "confirmed the date on December 28". Must not match: "sailed".
SPEECH = re.compile(
    rf"\b(?:{lang.alternation(lang.tagged('speech_forms', 'statement'))})\b", re.IGNORECASE
)


# How far from its article's date an undated statement can be about: news is about its days.
NEWS_WINDOW_DAYS = 45

# A date that only says when somebody spoke: "said on Tuesday", "told reporters on Monday".
# Matches the text before such a date: "said on ", "told reporters late on ".
STATEMENT_BEFORE = re.compile(rf"(?:{SPEECH.pattern})\W+(?:[^\W\d_]+\W+){{0,3}}$", re.IGNORECASE)


# What opens a period rather than dating a moment. Matches the text before "May" in "since May",
# "since the spring of". Must not match: "in May".
PERIOD_START = re.compile(r"\b(?:since|until|till)\s+(?:the\s+)?(?:[^\W\d_]+\s+of\s+)?$", re.IGNORECASE)

# A word that opens another clause between a value and a date, so the date belongs to that
# clause (lang/en/clause_openers.txt). Matches: "that", "following". Must not match: "then".
SUBORDINATE = re.compile(
    rf"\b(?:{lang.alternation(lang.tagged('clause_openers', 'subordinate'))})\b", re.IGNORECASE
)

# What follows a date whose own event the rest of the sentence tells. Matches: ", when ".
RECALLED = re.compile(r"^,?\s*when\b", re.IGNORECASE)
# The same, read at a position of the sentence rather than at the start of a copy of its rest.
# Matches: ", when" in "April 2016, when a quake struck". Must not match: " whenever".
RECALLED_AT = re.compile(r",?\s*when\b", re.IGNORECASE)

# A time of day. Matches: "midnight", "noon", "6 a.m.", "18:00", "0600 GMT". Must not match: "6".
CLOCK = re.compile(
    r"\b(?:midnight|noon|midday|\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d{2}|"
    r"\d{4}\s?(?:GMT|UTC))",
    re.IGNORECASE,
)
DATELINE_REACH = 60  # a dateline's date comes within this many characters of its sentence start
# What follows the date of a dateline. Matches: " (Reuters) - ", " — ". Must not match: ", when".
DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[-—–]\s")


# What the matcher knows of a pair of mentions, in this order; each is 0..1. The weights that
# turn them into a probability are fitted from the labelled sets (``claimcheck.learn``) and
# shipped in ``data/matcher.json``.
FEATURES = (
    "words",  # rapidfuzz score of the two clauses (quotations: of the two quotations)
    "shared_words",  # content words both clauses share, up to SHARED_CAP
    "rare_shared",  # the shared words weighted by rarity (IDF over the kind's clauses), of the smaller clause
    "unit_share",  # 1 / how many different values the story gives for what these count
    "same_unit",  # both name the same counted noun or unit ("300 passengers", "300 passengers")
    "unit_apart",  # both name a counted noun, and not the same one ("300 passengers", "300 crew")
    "same_value",  # equal values (or figures with swapped digits, "R950m" and "R590m")
    "distinct_value",  # …a value a coincidence rarely repeats ("$6 million", "May 1970")
    "value_gap",  # how far apart two figures are, in orders of magnitude (12 and 15: near; $10bn and $2.18: far)
    "day_gap",  # how far apart two dates are, in orders of magnitude of days ("Dec. 11" and "December 12": near)
    "widely_stated",  # …a value most of the story's origins state: its central day, place, toll
    "dated_alike",  # both dated to the same month or day, or timed to the same hour
    "date_attribute",  # agreeing dates only: how alike the two events' keys are ("made landfall", "made landfall")
    "other_moment",  # dated to different moments, or one outside the news days of the other
    "shared_name",  # both clauses name one person or organisation ("Faye won 54%", "Faye's 53%")
    "org_clash",  # each clause names an organisation the other does not
    "person_clash",  # …or a person
    "same_fate",  # counts of people with a fate in common ("killed")
    "running_update",  # a running count, in articles of different days
    "later_gap",  # value_gap again, between articles of different days: a toll grows between reports
    "both_lead",  # each is the count of its fate its article leads with (headline or first in the body)
    "subgroup_apart",  # one is a part of a group counted elsewhere ("including 12 children"), the other not
    "source_knows_both",  # one side's source itself states the other value as closely
    "sole_values",  # each source gives one value only for what its mention is a value of: its toll, its day
    "dateline",  # the filing date of a dateline
    "both_said",  # two days on which somebody spoke
    "cannot_conflict",  # one side is too vague to contradict (a month against a day, "dozens")
    "same_source",  # one outlet restating itself
    "same_attribute",  # how alike the fact keys say the two values are values of ("people kill")
    "attribute_apart",  # …or what they are values of has nothing in common
    "scope_apart",  # what narrows them differs: "in Turkey" and "on Samos"
    "same_authority",  # both attributed, to one authority
    "authority_apart",  # both attributed, to different authorities (one agency's magnitude, another's)
    "same_speaker",  # quotations given to one speaker
    "speaker_apart",  # …or to two who cannot be one ("Jane Roe" and "John Doe"; a mayor and a minister)
    "short_quote",  # a quotation too short to identify a statement
    "quote_share",  # how many of the shorter quotation's words the other holds: an altered quote keeps most
    *(kind.value for kind in Kind),  # which kind the pair is
)


@functools.cache
def shipped_matcher() -> Matcher:
    """The matcher fitted on the labelled sets, as shipped with the package."""
    data = json.loads(resources.files("claimcheck").joinpath("data/matcher.json").read_text(encoding="utf-8"))
    matcher = Matcher.from_dict(data)
    if matcher.features != FEATURES:
        raise RuntimeError("data/matcher.json was fitted on other features: refit with benchmarks/fit_matcher.py")
    return matcher


@dataclass(frozen=True, slots=True)
class _Item:
    mention: Mention
    words: tuple[str, ...]  # normalized context words (quotes: the quotation's words)
    orgs: frozenset[str]  # organisations and people named in the clause, as entity keys
    people: frozenset[str]
    speech: bool  # the value is the day somebody spoke ("said on Tuesday")
    lead: str  # the word just before the value: "from" 4.75% is the old rate, "to" 4.5% the new
    key: _Key  # the fact key's words, folded as context words are
    when: tuple[Mention, ...] = ()  # dates in the clause that say when the fact holds
    fates: frozenset[str] = frozenset()  # counts of people: "die", "missing", "evacuate"…
    running: bool = False  # a count that says it is still moving: "400 people are still in shelters"
    earlier: bool = False  # a running count's figure since replaced: "rose from 19", "the earlier toll of 19"
    subgroup: bool = False  # a part of a group counted elsewhere: "including 12 children", "12 of them"
    leads: bool = False  # the first count of its fate in its article's headline or body: the toll it leads with
    dateline: bool = False  # the filing date of a dateline: "NAIROBI, March 11 (Reuters) -"
    clock: frozenset[str] = frozenset()  # times of day in the clause: "midnight", "6am"
    published: str | None = None  # the article's date
    origin: str = ""  # the wire story it copies, or its own source id


@dataclass(frozen=True, slots=True)
class _Key:
    """The words of a mention's fact key (see ``lang.facts``), folded like context words."""

    attribute: frozenset[str]  # what the value is a value of: {"people", "die"}
    scope: frozenset[str]  # what narrows it: {"turkey"}
    authority: frozenset[str]  # who it is attributed to: {"geological", "survey"}

    def fates(self) -> frozenset[str]:
        """The fates the attribute names: the parse's "toll ... rose to 64" is a count of the dead."""
        return frozenset(FATE_OF.get(word, word) for word in self.attribute if word in FATE_OF or word in FATES)

    @classmethod
    def of(cls, mention: Mention) -> _Key:
        def fold(text: str | None) -> frozenset[str]:
            return frozenset(context_words(text or ""))

        return cls(fold(mention.attribute), fold(" ".join(mention.scope)), fold(mention.authority))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two key word sets; 0 when either side says nothing."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both sides say something, and nothing in common: "in Turkey" and "on Samos"."""
    return bool(a) and bool(b) and not a & b


def dated_alike(a: _Item, b: _Item) -> bool:
    """Both dated to the same month or day, or timed to the same hour ("at midnight"): as
    telling as a shared word."""
    return bool(a.clock & b.clock) or any(
        values.compatible(x, y) and min(values.specificity(x), values.specificity(y)) >= 2
        for x in a.when
        for y in b.when
    )


def same_moment(a: _Item, b: _Item) -> bool:
    """Whether two statements can be about one moment: both dated alike ("3.1% in August" and
    "3.1% in September" are two facts, whatever their words share), or an undated one within
    the news days of its article. An undated statement is about the news of its day, so
    "signed in Lisbon" in today's story is not the ceasefire another outlet dates "March
    2023"."""
    if a.when and b.when:
        return any(values.compatible(x, y) for x in a.when for y in b.when)
    undated, dated = (b, a) if a.when else (a, b)
    if not dated.when or undated.published is None:
        return True
    return any(values.near(d.value, undated.published, NEWS_WINDOW_DAYS) for d in dated.when)


def _folds(name: str) -> dict[str, str]:
    """Each word of a lexicon of groups (and its stem) → the group's head word."""
    folds = {}
    for canon, words in lang.groups(name):
        for word in words:
            folds[word] = folds[stem(word)] = canon
    return folds


# Words news copy uses interchangeably for one change or one event ("eased" and "slowed",
# "killed" and "died"), folded to one word: lang/en/synonyms.txt.
FOLDS = _folds("synonyms")
# What happened to the people a count counts ("killed", "missing"): lang/en/fates.txt.
FATE_OF = _folds("fates")
FATES = frozenset(FATE_OF.values())
FATE_REACH = 3  # words either side of a count that can name its fate
# Words that call a count a running tally, true on the day it was written ("the death toll rose
# to 19", "400 are still in shelters"; lang/en/count_words.txt).
RUNNING = lang.tagged("count_words", "running")
# Words that give a count as a figure since replaced ("the earlier toll of 19"; the same file).
EARLIER = lang.tagged("count_words", "earlier")
EARLIER_REACH = 4  # words before a count that can say so: "the earlier death toll of 19"
SUBGROUP = lang.tagged("count_words", "subgroup")  # "including" 12 children; lang/en/count_words.txt
SUBGROUP_REACH = 3  # words before a count that can say so: "including another 12", "including those of 12"
WHOLE = lang.tagged("count_words", "whole")  # "all" 157 of the people on board: the whole, not a part
CARDINAL_WORDS = frozenset(lang.cardinals("unit")) | frozenset(lang.cardinals("ten"))
# Before a count, the words that make it a part of a group just counted. Matches: "among them
# 12", "among whom were 12", "of whom 30 died". Must not match: "was among 200 people arrested"
# (the whole), "among the 300 passengers".
PART_BEFORE = re.compile(r"\b(?:among\s+(?:them|those|whom)|of\s+whom)(?:\s+(?:were|was|are|is))?\s*$", re.IGNORECASE)
# Right after a count written as a figure or a number word, a partitive: "12 of them", "three of
# whom died", "two among them", "15 of the 48 mayors", "21 out of 48", "2,300 of its trains".
# Must not match: "52 passengers, of whom 30 died" (the 52 is the whole: no punctuation may come
# between), "12 people out of the rubble", "5,000 people out of their homes", "two among the
# deadliest".
PARTITIVE_AFTER = re.compile(
    r"^\s*(?:of\s+(?:(?:them|whom|the|its|their|his|her|our|those|these)\b|\d)"
    r"|out\s+of\s+(?:\d|them\b|every\b)|among\s+(?:them|whom)\b)",
    re.IGNORECASE,
)


def _synonym(word: str) -> str | None:
    """The head word of the synonyms a word (or its stem) belongs to: "died" → "die"."""
    return FOLDS.get(word) or FOLDS.get(stem(word))


def _counted(unit: str | None) -> str | None:
    """A counted noun or unit with synonyms folded: "17 contenders" and "19 candidates" count one
    thing."""
    return unit if unit is None or " " in unit else _synonym(unit) or unit


def context_words(text: str) -> tuple[str, ...]:
    """Content words, lower-cased, crudely singular, synonyms folded, without stop words,
    numbers or dates."""
    out = []
    for raw in WORD.findall(text.casefold()):
        word = raw.replace("’", "'").split("'")[0]
        if word in STOPWORDS or word in CALENDAR_WORDS or word.isdigit() or len(word) < 2:
            continue
        out.append(_synonym(word) or stem(word))
    return tuple(out)


def clause(sentence: Sentence, mention: Mention, siblings: Sequence[Mention] | _Siblings) -> str:
    """The clause of the sentence around a mention, without the mention itself.

    It ends at clause breaks and at other mentions of the same kind in the sentence, so that
    "talks on March 12 and a meeting on March 13 with OPEC" gives each date its own words.
    """
    left, right = clause_bounds(sentence, mention, siblings)
    lo, hi = mention.start - sentence.start, mention.end - sentence.start
    return f"{sentence.text[left:lo]} {sentence.text[hi:right]}"


class _Siblings:
    """The mentions of one kind in one sentence, sorted by start then end (as ``_items`` reads
    them), indexed so that a mention's nearest neighbours and a date's owner are binary
    searches: a sentence of n values would otherwise cost n² (issue 12, bug 4)."""

    def __init__(self, sentence: Sentence, mentions: Sequence[Mention]) -> None:
        self.sentence = sentence
        self.mentions = list(mentions)
        self.starts = [m.start for m in self.mentions]
        by_end = sorted(range(len(self.mentions)), key=lambda k: (self.mentions[k].end, k))
        self.by_end = by_end
        self.ends = [self.mentions[k].end for k in by_end]
        self.reach: list[int] = []  # the furthest end of the mentions up to each one
        for m in self.mentions:
            self.reach.append(max(m.end, self.reach[-1]) if self.reach else m.end)
        self.commas = [sentence.start + k for k, ch in enumerate(sentence.text) if ch == ","]
        self._owners: dict[int, Mention] = {}
        self._owned: dict[int, list[Mention]] | None = None

    def owned(self, mention: Mention, dates: Sequence[Mention]) -> list[Mention]:
        """The sentence's ``dates`` whose owner is ``mention``, in their order: each date is
        given to its owner once, not tested against every value of the sentence."""
        if self._owned is None:
            self._owned = {}
            for date in dates:
                self._owned.setdefault(id(self.owner(date)), []).append(date)
        return self._owned.get(id(mention), [])

    def last_end_before(self, pos: int, *, strictly: bool = False) -> Mention | None:
        """Of the mentions that end at (or, ``strictly``, before) ``pos``, the first in order
        with the latest end."""
        k = (bisect_left if strictly else bisect_right)(self.ends, pos)
        if k == 0:
            return None
        return self.mentions[self.by_end[bisect_left(self.ends, self.ends[k - 1])]]

    def first_start_after(self, pos: int) -> Mention | None:
        """Of the mentions that start after ``pos``, the first."""
        k = bisect_right(self.starts, pos)
        return self.mentions[k] if k < len(self.mentions) else None

    def owner(self, date: Mention) -> Mention:
        """``_owner`` of one date, found once."""
        if id(date) not in self._owners:
            self._owners[id(date)] = self._owner(date)
        return self._owners[id(date)]

    def _owner(self, date: Mention) -> Mention:
        last = self.last_end_before(date.start)
        if last is not None:
            k = bisect_left(self.commas, last.end)
            if k == len(self.commas) or self.commas[k] >= date.start:
                return last
        # The nearest mention by (distance, start), the first in order on a tie: one that
        # touches the date if any (the first to reach it), else the nearer of the last to end
        # before it and the first to start after it.
        right = bisect_right(self.starts, date.end)
        touching = bisect_left(self.reach, date.start)
        if touching < right:
            return self.mentions[touching]
        before = self.last_end_before(date.start, strictly=True)
        after = self.first_start_after(date.end)
        keys = [
            ((date.start - m.end, m.start) if m is before else (m.start - date.end, m.start), m)
            for m in (before, after)
            if m is not None
        ]
        return min(keys, key=lambda item: item[0])[1]


def clause_bounds(sentence: Sentence, mention: Mention, siblings: Sequence[Mention] | _Siblings) -> tuple[int, int]:
    """Where the clause around a mention starts and ends, as offsets into the sentence."""
    text = sentence.text
    lo, hi = mention.start - sentence.start, mention.end - sentence.start
    left, right = 0, len(text)
    if isinstance(siblings, _Siblings):
        before = siblings.last_end_before(mention.start)
        after = siblings.first_start_after(mention.end - 1)
        if before is not None:
            left = before.end - sentence.start
        if after is not None:
            right = after.start - sentence.start
    else:
        for other in siblings:
            if other is mention:
                continue
            if other.end - sentence.start <= lo:
                left = max(left, other.end - sentence.start)
            elif other.start - sentence.start >= hi:
                right = min(right, other.start - sentence.start)
    if (left, right) == (0, len(text)):
        return _break_bounds(text, lo, hi)
    for brk in CLAUSE_BREAK.finditer(text, left, right):
        if brk.end() <= lo:
            left = max(left, brk.end())
        elif brk.start() >= hi:
            right = min(right, brk.start())
            break
    return left, right


@functools.lru_cache(maxsize=16)
def _breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the clause breaks of a sentence start and end, found once per sentence."""
    found = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(text)]
    return tuple(a for a, _ in found), tuple(b for _, b in found)


def _break_bounds(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``clause_bounds`` over the whole sentence: the last break that ends by ``lo`` and the
    first that starts from ``hi``, by binary search over the sentence's breaks."""
    starts, ends = _breaks(text)
    k = bisect_right(ends, lo)
    left = ends[k - 1] if k else 0
    j = bisect_left(starts, hi, lo=k)
    return left, starts[j] if j < len(starts) else len(text)


def _when(sentence: Sentence, mention: Mention, siblings: _Siblings, dates: Sequence[Mention]) -> tuple[Mention, ...]:
    """The dates in a mention's clause that date the fact: each date goes to one value (see
    ``_owner``), and neither a dateline's date, nor the day
    somebody said it, nor the start of a period ("since May") dates a fact.

    ``dates`` are the sentence's dates (the same for every mention of it); only those the
    mention owns are read."""
    left, right = clause_bounds(sentence, mention, ())
    found = []
    for date in siblings.owned(mention, dates):
        lo, hi = date.start - sentence.start, date.end - sentence.start
        opens = sentence.text[hi:left].strip(", ") == "" and RECALLED_AT.match(sentence.text, hi)
        if (lo < left and not opens) or hi > right or DATELINE_AFTER.match(sentence.text, hi):
            continue
        between = sentence.text[min(hi, mention.end - sentence.start) : max(lo, mention.start - sentence.start)]
        # "since April 2016, when a magnitude 7.8 quake struck": the clause after "when" is
        # about that date.
        recalled = hi <= mention.start - sentence.start and RECALLED.match(between) is not None
        if STATEMENT_BEFORE.search(sentence.text, max(left, lo - 40), lo) or (
            PERIOD_START.search(sentence.text, max(left, lo - 30), lo) and not recalled
        ):
            continue
        if SUBORDINATE.search(RECALLED.sub("", between) if recalled else between):
            continue  # "in Lisbon, following talks that ended on Tuesday": the talks' date
        found.append(date)
    return tuple(found)


def _owner(sentence: Sentence, siblings: Sequence[Mention], date: Mention) -> Mention:
    """The value a date in its sentence dates: the value just before it when no comma parts
    them ("2.9% year-on-year in September, down from 3.1%"), else the nearest value.

    The plain form of ``_Siblings.owner``, which gives the same answer by binary search."""
    before = [m for m in siblings if m.end <= date.start]
    if before:
        last = max(before, key=lambda m: m.end)
        if "," not in sentence.text[last.end - sentence.start : date.start - sentence.start]:
            return last
    return min(siblings, key=lambda m: (max(date.start - m.end, m.start - date.end, 0), m.start))


def _items(
    kind: Kind,
    mentions: Sequence[Mention],
    sentences: dict[tuple[str, int], Sentence],
    dates: dict[tuple[str, int], list[Mention]],
    published: dict[str, str | None],
    origin_of: dict[str, str],
    names: dict[str, NameIndex],
) -> list[_Item]:
    by_sentence: defaultdict[tuple[str, int], list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[(mention.source_id, mention.sentence_index)].append(mention)
    indexed: dict[tuple[str, int], _Siblings] = {}
    items = []
    for mention in mentions:
        place = (mention.source_id, mention.sentence_index)
        sentence = sentences.get(place)
        if sentence is not None and place not in indexed:
            indexed[place] = _Siblings(sentence, by_sentence[place])
        around = clause(sentence, mention, indexed[place]) if sentence else ""
        when = _when(sentence, mention, indexed[place], dates.get(place, ())) if sentence and kind is not Kind.DATE else ()
        if kind is Kind.QUOTE:
            words = tuple(mention.value.split())
        else:
            words = tuple(dict.fromkeys(context_words(f"{mention.context} {around}")))
            if len(words) < MIN_CLAUSE_WORDS and sentence is not None:
                # A value (nearly) alone in its clause, such as "(R950m, $52m)" or ", where 600
                # residents were evacuated", takes its sentence's words too.
                lo, hi = mention.start - sentence.start, mention.end - sentence.start
                before, after = sentence.text[max(0, lo - SENTENCE_REACH) : lo], sentence.text[hi : hi + SENTENCE_REACH]
                words = tuple(dict.fromkeys([*words, *context_words(f"{before} {after}")]))
        keys = names[mention.source_id].keys(sentence, mention, clause_bounds(sentence, mention, indexed[place])) if sentence else frozenset[str]()
        lead = _lead_word(sentence, mention) if sentence else ""
        key = _Key.of(mention)
        fates, running, earlier, subgroup = frozenset[str](), False, False, False
        if sentence and kind is Kind.NUMBER:
            head, tail = _clause_around(sentence, mention)
            fates, running = _fates(head, mention.text, tail)
            fates |= key.fates()
            earlier = running and (lead == "from" or _said_earlier(head))
            subgroup = _subgroup(head, mention.text, tail)
        items.append(
            _Item(
                mention, words, _keys(keys, "org:"), _keys(keys, "person:"),
                speech=sentence is not None and _said_on(sentence, mention),
                lead=lead,
                key=key,
                when=when,
                fates=fates,
                running=running,
                earlier=earlier,
                subgroup=subgroup,
                dateline=kind is Kind.DATE and sentence is not None and _in_dateline(sentence, mention),
                published=published.get(mention.source_id),
                origin=origin_of.get(mention.source_id, mention.source_id),
                clock=frozenset(re.sub(r"[\s.:]", "", t.casefold()) for t in CLOCK.findall(around)),
            )
        )  # fmt: skip
    return _mark_leads(items, sentences) if kind is Kind.NUMBER else items


def _mark_leads(items: list[_Item], sentences: dict[tuple[str, int], Sentence]) -> list[_Item]:
    """Mark the count each article leads with, per fate: the first in its headline and the
    first in its body ("Quake toll rises to 40" … "At least 40 people have died"). Outlets
    lead with the figure the story is about, so two articles' leading tolls are one fact, even
    when a later figure has replaced the earlier one."""
    seen: set[tuple[str, bool, str]] = set()
    marked = []
    for item in items:  # in reading order (``_mention_order``)
        mention = item.mention
        sentence = sentences.get((mention.source_id, mention.sentence_index))
        in_title = sentence is not None and sentence.role is Role.TITLE
        firsts = [(mention.source_id, in_title, fate) for fate in item.fates]
        new = [first for first in firsts if first not in seen]
        seen.update(new)
        marked.append(replace(item, leads=True) if new else item)
    return marked


def _clause_around(sentence: Sentence, mention: Mention) -> tuple[str, str]:
    """The text of a value's clause before it and after it, each within ``SENTENCE_REACH``."""
    lo, hi = mention.start - sentence.start, mention.end - sentence.start
    head, tail = sentence.text[max(0, lo - SENTENCE_REACH) : lo], sentence.text[hi : hi + SENTENCE_REACH]
    return CLAUSE_BREAK.split(head)[-1], CLAUSE_BREAK.split(tail)[0]


def _bare_words(text: str) -> list[str]:
    """The words of a text, lower case, without the punctuation around them."""
    return [w.strip(".,;:!?\"'’“”") for w in text.casefold().split()]


def _fates(head: str, own: str, tail: str) -> tuple[frozenset[str], bool]:
    """The fates named by a count's own words (``own``: "30 lives", "12 deaths") or within a
    few words of it, in its own clause (``head`` before it, ``tail`` after) and not past an
    "and" ("eight people were killed and 12,000 forced from their homes"), and whether its part
    of the clause calls it a running count ("raising the death toll ... to 19")."""
    words_before = _bare_words(re.split(r"\band\b|\bor\b", head)[-1])
    words_after = _bare_words(re.split(r"\band\b|\bor\b", tail)[0])
    near = words_before[-FATE_REACH:] + _bare_words(own) + words_after[:FATE_REACH]
    words = words_before + words_after
    running = bool(RUNNING & set(words)) or "so far" in " ".join(words)
    if running and not any(w in FATE_OF for w in near):
        near = words_before  # the tally a running count updates names its fate: "the death toll ... to 19"
    fates = frozenset(FATE_OF[w] for w in near if w in FATE_OF)
    return fates, running


def _subgroup(head: str, own: str, tail: str) -> bool:
    """Whether a count's clause gives it as a part of a group counted elsewhere: "killing 40,
    including 12 children", "40 died, among them 12 children", "12 of them children", "15 of
    the 48 mayors". The part and the whole are two facts however alike their words; two
    reports' parts may be one. ``own`` is the count's text: a partitive follows the number
    itself ("15 of the 48"), not a counted noun ("five members of the family", "30 percent of
    the vote", "within 24 hours of the quake")."""
    words = _bare_words(head.rsplit(",", 1)[-1])  # "Five countries, including Kenya, reported 40"
    fate = max((k for k, w in enumerate(words) if w in FATE_OF), default=-1)
    words = words[fate + 1 :]  # "floods including landslides killed 400": the count of a fate
    if words and words[-1] in WHOLE:
        return False
    if SUBGROUP & set(words[-SUBGROUP_REACH:]) or PART_BEFORE.search(head):
        return True
    last = _bare_words(own)[-1:] or [""]
    return (last[0][-1:].isdigit() or last[0] in CARDINAL_WORDS) and PARTITIVE_AFTER.match(tail) is not None


def _said_earlier(head: str) -> bool:
    """Whether the words of a count's clause just before it (``head``) give it as a replaced
    figure: "the earlier death toll of 19", "a previous estimate of 300"."""
    return bool(EARLIER & set(_bare_words(head)[-EARLIER_REACH:]))


# A verb of saying right after a value. Matches: " said", ", told". Must not match: " to discuss".
STATEMENT_AFTER = re.compile(rf"^\W*(?:{SPEECH.pattern})", re.IGNORECASE)


def _said_on(sentence: Sentence, mention: Mention) -> bool:
    """Whether a value is the day somebody spoke: "told reporters on Monday", "on Friday said";
    not "will meet on March 12 to discuss tariffs, officials said", where the saying is the
    source of the date, not the date."""
    lo, hi = mention.start - sentence.start, mention.end - sentence.start
    return bool(
        STATEMENT_BEFORE.search(sentence.text, max(0, lo - 40), lo) or STATEMENT_AFTER.match(sentence.text[hi : hi + 20])
    )


def _in_dateline(sentence: Sentence, mention: Mention) -> bool:
    return mention.start - sentence.start <= DATELINE_REACH and bool(
        DATELINE_AFTER.match(sentence.text, mention.end - sentence.start)
    )


LEAD_WORD = re.compile(r"([^\W\d_]+)\W*$")


def _lead_word(sentence: Sentence, mention: Mention) -> str:
    lo = mention.start - sentence.start
    found = LEAD_WORD.search(sentence.text, max(0, lo - SENTENCE_REACH), lo)
    return found.group(1).casefold() if found else ""


def _keys(keys: frozenset[str], prefix: str) -> frozenset[str]:
    return frozenset(k.split(":", 1)[1] for k in keys if k.startswith(prefix))


def _related(a: str, b: str) -> bool:
    """The same participant under two keys: "mpc" and "nbpmpc" (a name inside a longer one)."""
    return a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a))


def _named_besides_sayer(item: _Item) -> frozenset[str]:
    """The people a mention's clause names, but for whoever says it: in "Police Commissioner
    Jane Roe said the attacker was a 40-year-old man" the age is not Roe's, and a body named
    ("police said") is a sayer too."""
    authority = item.key.authority
    return frozenset(name for name in item.people if not any(_related(name, word) for word in authority))


def _shares_name(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(_related(x, y) for x in a for y in b)


def _exclusive(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each side names something the other does not."""
    only_a = [x for x in a if not any(_related(x, y) for y in b)]
    only_b = [y for y in b if not any(_related(x, y) for x in a)]
    return bool(only_a) and bool(only_b)


def _blocks(items: Sequence[_Item]) -> list[list[int]]:
    """Indexes of the items that can state one fact: numbers only meet numbers of the same
    dimension (counts, shares, one currency; the measures and bare figures together, which
    ``values.comparable`` then tells apart), so each is scored on its own (a block of the
    matrix, not the whole of it)."""
    groups: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        key = values.dimension(item.mention) if item.mention.kind is Kind.NUMBER else ""
        if values.reads_bare_figures(key):
            key = "measure"  # a bare figure may be any of these measures' reading
        groups.setdefault(key, []).append(index)
    return [groups[key] for key in sorted(groups)]


def _candidate_pairs(kind: Kind, items: Sequence[_Item], workers: int) -> Iterator[tuple[int, int, float]]:
    """(i, j, score) for i < j whose words score at least ``PREFILTER`` (quotations
    ``QUOTE_PREFILTER``), or ``PREFILTER_DATED`` when both may share a date; from cdist in row
    chunks. Below these, no labelled pair of one fact was found (see ``claimcheck.learn``). Each
    mention keeps only its ``MAX_CANDIDATES`` likeliest partners (a pair is kept when either side
    keeps it), so a table or an article that repeats a value a thousand times costs a thousand
    times a constant, not a million pairs.

    Items with the same words and the same ``_boostable`` score alike against everything, so
    the matrix is computed over the distinct (words, boostable) forms only, and each form's
    partners are read once for all its items: a table that repeats one clause a thousand times
    is one row, not a thousand (issue 12, hostile 1). The pairs are those of the whole matrix."""
    scorer = fuzz.partial_ratio if kind is Kind.QUOTE else fuzz.token_set_ratio
    cutoff = QUOTE_PREFILTER if kind is Kind.QUOTE else PREFILTER
    lowest = QUOTE_PREFILTER if kind is Kind.QUOTE else PREFILTER_DATED
    for block in _blocks(items):
        forms: dict[tuple[str, bool], int] = {}
        form_of = [forms.setdefault((" ".join(items[k].words), _boostable(items[k])), len(forms)) for k in block]
        holders: list[list[int]] = [[] for _ in forms]  # each form's items, in block order
        for position, form in enumerate(form_of):
            holders[form].append(position)
        strings = [words for words, _ in forms]
        boostable = np.array([boost for _, boost in forms], dtype=bool)
        best: list[list[tuple[int, float]]] = []  # each form's likeliest items, self included
        for start in range(0, len(strings), CHUNK):
            scores = process.cdist(
                strings[start : start + CHUNK],
                strings,
                scorer=scorer,
                score_cutoff=lowest,
                dtype=np.float32,
                workers=workers,
            )
            valid = (scores > 0) & ((scores >= cutoff) | (boostable[start:start + len(scores)][:, None] & boostable[None, :]))
            ranked = np.where(valid, scores, -1.0)
            order = np.argsort(-ranked, axis=1, kind="stable")
            best += [_likeliest(ranked[row], order[row], holders) for row in range(len(scores))]
        kept: dict[tuple[int, int], float] = {}
        for i, form in enumerate(form_of):
            # the likeliest partners first; among equal scores, the earliest; not with itself
            for j, score in [(j, score) for j, score in best[form] if j != i][:MAX_CANDIDATES]:
                kept[(min(i, j), max(i, j))] = score
        for (i, j), score in sorted(kept.items()):
            yield block[i], block[j], score


def _likeliest(ranked: np.ndarray, order: np.ndarray, holders: list[list[int]]) -> list[tuple[int, float]]:
    """The first ``MAX_CANDIDATES`` + 1 items by score, then by position, of one form's row:
    ``order`` ranks the forms by score, and the items of forms that tie are merged by position."""
    found: list[tuple[int, float]] = []
    k = 0
    while k < len(order) and len(found) <= MAX_CANDIDATES:
        score = float(ranked[order[k]])
        if score < 0:
            break
        tied = []
        while k < len(order) and float(ranked[order[k]]) == score:
            tied.append(holders[order[k]])
            k += 1
        found += [(j, score) for j in itertools.islice(heapq.merge(*tied), MAX_CANDIDATES + 1 - len(found))]
    return found


def _boostable(item: _Item) -> bool:
    """Whether a pair with this item can share a date or an old month beyond its words."""
    return bool(item.when or item.clock) or _long_ago(item.mention, item.published)


def _long_ago(mention: Mention, published: str | None) -> bool:
    """A date of a month or day well outside the news days of an article ("May 1970")."""
    return (
        mention.kind is Kind.DATE
        and values.specificity(mention) >= 2
        and published is not None
        and not values.near(mention.value, published, NEWS_WINDOW_DAYS)
    )


_Form = TypeVar("_Form", bound=Hashable)


def _compared(item: _Item, weekday: bool) -> tuple[object, ...]:
    """All that a cluster's merge check reads of a mention (``values.compatible``, and the
    authority that lets one source give two values): two mentions with equal tuples agree or
    disagree with any third alike, so the check compares each distinct tuple once, not each
    member (a table that repeats one value a thousand times is one tuple)."""
    mention = item.mention
    span = values.number_span(mention) if mention.kind is Kind.NUMBER else None  # rounding read from the text
    return (mention.kind, mention.value, mention.unit or "", mention.qualifier, weekday, span, item.key.authority, item.earlier)


def _absorb(into: dict[str, dict[_Form, int]], other: dict[str, dict[_Form, int]]) -> None:
    """Add a merged cluster's representatives by source; the first of each form stays."""
    for source, found in other.items():
        mine = into.setdefault(source, {})
        for form, k in found.items():
            mine.setdefault(form, k)


class _Clusters:
    """Union-find over mention indexes that refuses merges a single source would contradict."""

    def __init__(self, items: Sequence[_Item]) -> None:
        self.items = items
        self.parent = list(range(len(items)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
        self.edges: dict[int, list[tuple[int, int, str, float]]] = {i: [] for i in range(len(items))}
        # Each cluster's members by source, then by ``_compared`` tuple: a representative
        # member of each tuple, and the bare weekdays (the only members ``_restated`` reads)
        # by their words.
        self.forms: dict[int, dict[str, dict[tuple[object, ...], int]]] = {}
        self.weekdays: dict[int, dict[str, dict[tuple[str, ...], int]]] = {}
        for i, item in enumerate(items):
            mention = item.mention
            weekday = mention.kind is Kind.DATE and values.weekday_only(mention.text)
            self.forms[i] = {mention.source_id: {_compared(item, weekday): i}}
            self.weekdays[i] = {mention.source_id: {item.words: i}} if weekday else {}

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge(self, i: int, j: int, scorer: str, score: float, *, agreement: bool) -> None:
        ri, rj = self.root(i), self.root(j)
        if ri == rj or not self._allowed(ri, rj, agreement, (i, j)):
            return
        keep, gone = min(ri, rj), max(ri, rj)
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        self.edges[keep] += [*self.edges.pop(gone), (i, j, scorer, score)]
        _absorb(self.forms[keep], self.forms.pop(gone))
        _absorb(self.weekdays[keep], self.weekdays.pop(gone))

    def _exact(self, i: int, j: int, ri: int, rj: int) -> bool:
        """Whether an agreement edge joins two equal values at least as precise as every value
        of both groups: "12" may join a group where 12 already disagrees with 15, but two bare
        "January"s must not bring the 10th and the 24th together."""
        a, b = self.items[i].mention, self.items[j].mention
        if not _same_value(a, b):
            return False
        precise = min(values.specificity(a), values.specificity(b))
        return all(
            values.specificity(self.items[k].mention) <= precise
            for root in (ri, rj)
            for found in self.forms[root].values()
            for k in found.values()
        )

    def _allowed(self, ri: int, rj: int, agreement: bool, edge: tuple[int, int]) -> bool:
        """Whether two clusters may merge through ``edge``. Quotations: on agreement, when they
        are one statement (``_one_statement``). Other kinds: never when a source would
        contradict itself; on agreement, also one source's two mentions of a bare weekday must
        be worded alike (``_restated``), and every value of one group must be compatible with
        every value of the other unless the edge is exact (``_exact``)."""
        if self.items[ri].mention.kind is Kind.QUOTE:
            return not agreement or self._one_statement(self.members[ri] + self.members[rj])
        forms_i, forms_j = self.forms[ri], self.forms[rj]
        if agreement:
            every_i = {form: k for found in forms_i.values() for form, k in found.items()}
            every_j = {form: k for found in forms_j.values() for form, k in found.items()}
            if not self._all_compatible(every_i, every_j) and not self._exact(*edge, ri, rj):
                return False
            weekdays_i, weekdays_j = self.weekdays[ri], self.weekdays[rj]
            # one outlet telling two things of one day: two facts
            if not all(
                self._restated(a, b)
                for source in weekdays_i.keys() & weekdays_j.keys()
                for a in weekdays_i[source].values()
                for b in weekdays_j[source].values()
            ):
                return False
        # one outlet's two values are two facts, unless two authorities give them
        return all(
            self._all_compatible(forms_i[source], forms_j[source], authorities_apart=True)
            for source in forms_i.keys() & forms_j.keys()
        )

    def _all_compatible(
        self, forms_i: dict[_Form, int], forms_j: dict[_Form, int], *, authorities_apart: bool = False
    ) -> bool:
        """Whether every value of one side agrees with every value of the other; with
        ``authorities_apart``, two values given by different authorities, or a running count's
        earlier figure and its current one ("the toll of 19 has climbed to 22"), may differ."""
        return all(
            values.compatible(self.items[a].mention, self.items[b].mention, loose=True)
            or (
                authorities_apart
                and (
                    _apart(self.items[a].key.authority, self.items[b].key.authority)
                    or self.items[a].earlier != self.items[b].earlier
                )
            )
            for a in forms_i.values()
            for b in forms_j.values()
        )

    def _restated(self, a: int, b: int) -> bool:
        """Whether two mentions of one source can be one fact. An article names many things
        "Monday", so two bare weekdays must be worded alike (a lead and its body); a written
        date ("January 10") repeated in one article is one day's fact however it is worded."""
        ma, mb = self.items[a].mention, self.items[b].mention
        if not (values.weekday_only(ma.text) and values.weekday_only(mb.text)):
            return True
        wa, wb = self.items[a].words, self.items[b].words
        return not wa or not wb or fuzz.token_set_ratio(" ".join(wa), " ".join(wb)) >= RESTATED

    def _one_statement(self, members: list[int]) -> bool:
        """Quotations agree when the longest one contains every other: one source may quote
        two fragments of a statement that another prints whole."""
        mentions = [self.items[k].mention for k in members]
        longest = max(mentions, key=lambda m: (len(m.value.split()), m.value))
        return all(values.quotes_compatible(longest.value, m.value) for m in mentions)

    def groups(self) -> Iterator[tuple[list[int], list[tuple[int, int, str, float]]]]:
        for root in sorted(self.members):
            yield sorted(self.members[root]), self.edges[root]


def _states_value(items: Sequence[_Item], by_source: dict[str, list[int]], own: _Item, other: _Item, score: float) -> bool:
    """Whether ``own``'s source itself states ``other``'s value, at least as precisely and about
    as close to ``other``'s context as ``own`` is: then the difference is two facts that source
    knows apart ("cut in May" and "cut on Wednesday"), not a contradiction."""
    needed = values.specificity(other.mention)
    text = " ".join(other.words)
    for k in by_source[own.mention.source_id]:
        mine = items[k]
        if not same_moment(mine, other):
            continue  # "signed in Lisbon in March 2023" is not today's signing
        if mine.earlier:
            continue  # "the earlier toll of 12" is the figure replaced, not another fact
        if values.compatible(mine.mention, other.mention, loose=True) and values.specificity(mine.mention) >= needed:
            if fuzz.token_set_ratio(" ".join(mine.words), text) >= score - VETO_MARGIN:
                return True
    return False


@dataclass(frozen=True, slots=True)
class Pair:
    """Two mentions of one kind that may state one fact, described by ``FEATURES``."""

    i: int
    j: int
    agree: bool  # the values may be one fact loosely stated (``values.compatible(loose=True)``)
    features: tuple[float, ...]


def pairs(kind: Kind, items: Sequence[_Item], workers: int = 1) -> Iterator[Pair]:
    """The candidate pairs of one kind with their features. Pairs that cannot be one fact
    whatever their words never appear: counts of different fates, a count and a measure, the
    figures before and after a change, two values of one outlet that differ (an outlet does not
    contradict itself, unless it quotes two authorities), and differing values of which one
    cannot contradict (``values.can_conflict``: "dozens", a converted figure, a dateline, an
    unlisted place)."""
    by_source: defaultdict[str, list[int]] = defaultdict(list)
    for k, item in enumerate(items):
        by_source[item.mention.source_id].append(k)
    rarity = _rarity(items)
    stated_by: defaultdict[object, set[str]] = defaultdict(set)
    for item in items:
        stated_by[_stated(item.mention)].add(item.origin)
    voices = len({item.origin for item in items})
    values_of_unit = _values_of_unit(items) if kind is Kind.NUMBER else {}
    sole = _sole_values(items)
    # units that every count of the story gives the same value ("four helicopters")
    lone_units = frozenset(unit for unit, n in values_of_unit.items() if n == 1)
    for i, j, raw in _candidate_pairs(kind, items, workers):
        a, b = items[i], items[j]
        if never_one_fact(a, b):
            continue
        ma, mb = a.mention, b.mention
        agree = values.compatible(ma, mb, loose=True)
        same_source = ma.source_id == mb.source_id
        ka, kb = a.key, b.key
        same = _same_value(ma, mb) or (not agree and _transposed(ma, mb))
        counted, counted_b = _counted(ma.unit), _counted(mb.unit)
        same_unit = counted is not None and counted == counted_b
        unit_share = 1 / values_of_unit[counted] if counted in values_of_unit else 0.0
        days_apart = a.published is not None and b.published is not None and a.published != b.published
        features = {
            "words": raw / 100,
            "shared_words": min(len(set(a.words) & set(b.words)), SHARED_CAP) / SHARED_CAP,
            "rare_shared": _rare_overlap(a.words, b.words, rarity),
            "unit_share": unit_share,
            "same_unit": float(same_unit),
            "unit_apart": float(counted is not None and counted_b is not None and counted != counted_b),
            "same_value": float(same),
            "distinct_value": float(same and kind is not Kind.QUOTE and _distinct(a, b, lone_units)),
            "value_gap": _value_gap(ma, mb) if kind is Kind.NUMBER else 0.0,
            "day_gap": _day_gap(ma, mb) if kind is Kind.DATE else 0.0,
            "widely_stated": len(stated_by[_stated(ma)]) / voices if same else 0.0,
            "dated_alike": float(dated_alike(a, b)),
            "other_moment": float(not same_moment(a, b)),
            "shared_name": float(_shares_name(a.orgs | a.people, b.orgs | b.people)),
            "org_clash": float(_exclusive(a.orgs, b.orgs)),
            "person_clash": float(_exclusive(a.people, b.people)),
            "same_fate": float(bool(a.fates & b.fates)),
            "running_update": float((a.running or b.running) and days_apart),
            "later_gap": _value_gap(ma, mb) if kind is Kind.NUMBER and days_apart else 0.0,
            "both_lead": float(a.leads and b.leads and bool(a.fates & b.fates)),
            "subgroup_apart": float(a.subgroup != b.subgroup),
            "source_knows_both": float(
                not agree
                and (_states_value(items, by_source, a, b, raw) or _states_value(items, by_source, b, a, raw))
            ),
            "sole_values": float(sole[i] and sole[j]),
            "dateline": float(a.dateline or b.dateline),
            "both_said": float(a.speech and b.speech and kind is Kind.DATE),
            "cannot_conflict": float(not _conflictable(a, b)),
            "same_source": float(same_source),
            "same_attribute": _overlap(ka.attribute, kb.attribute),
            # A date's key names its event, a count's the thing counted: one weight cannot
            # serve both. Left out of differing dates, where it made "the toll rose on
            # Monday" and "on Tuesday" of reports a day apart contradict.
            "date_attribute": _overlap(ka.attribute, kb.attribute) if kind is Kind.DATE and agree else 0.0,
            "attribute_apart": float(_apart(ka.attribute, kb.attribute)),
            "scope_apart": float(_apart(ka.scope, kb.scope)),
            "same_authority": float(bool(ka.authority & kb.authority)),
            "authority_apart": float(_apart(ka.authority, kb.authority)),
            "same_speaker": float(kind is Kind.QUOTE and ma.speaker is not None and ma.speaker == mb.speaker),
            "speaker_apart": float(kind is Kind.QUOTE and speakers_compatible(ma.speaker, mb.speaker) is False),
            "short_quote": float(kind is Kind.QUOTE and min(len(a.words), len(b.words)) < values.QUOTE_MIN_WORDS),
            "quote_share": values.share(a.words, b.words) if kind is Kind.QUOTE else 0.0,
            **{k.value: float(k is kind) for k in Kind},
        }
        yield Pair(i, j, agree, tuple(features[name] for name in FEATURES))


def never_one_fact(a: _Item, b: _Item) -> str | None:
    """Why two mentions cannot state one fact whatever their words, or None when they can."""
    ma, mb = a.mention, b.mention
    if not values.comparable(ma, mb):
        return "not comparable"
    if a.fates and b.fates and not a.fates & b.fates:
        return "different fates"  # eight killed and two missing
    if {a.lead, b.lead} == {"from", "to"}:
        return "before and after a change"  # "cut from 4.75% to 4.5%"
    if ma.unit == "age" and mb.unit == "age" and not _shares_name(_named_besides_sayer(a), _named_besides_sayer(b)):
        return "ages of different people"  # "a 70-year-old man" and "an 86-year-old woman"
    if values.compatible(ma, mb, loose=True):
        return None
    if values.converted(ma, mb) and ma.value == mb.value:
        return "one figure in two units"  # "12 km north of A" and "12 miles west of B": two distances
    if ma.kind is Kind.QUOTE and not _may_be_altered(a, b):
        return "different statements"  # an altered quotation keeps most of its words
    if ma.kind is Kind.QUOTE and _figures_apart(a.words, b.words):
        return "statements of different figures"  # "so far 43 have died", later "46 so far"
    if ma.kind is Kind.QUOTE and min(len(a.words), len(b.words)) < values.QUOTE_MIN_WORDS:
        return "too short to be altered"  # "ready for change" is a phrase, not a statement changed
    if not (values.can_conflict(ma) and values.can_conflict(mb)):
        return "cannot conflict"  # a vague, converted or unlisted value never contradicts
    if ma.kind is Kind.DATE and (a.speech or b.speech):
        return "day of speech"  # outlets quote different days of talk
    if ma.source_id == mb.source_id and not _apart(a.key.authority, b.key.authority):
        return "one outlet"  # an outlet does not contradict itself, unless it quotes two authorities
    return None


def _may_be_altered(a: _Item, b: _Item) -> bool:
    """Whether two differing quotations may be one statement altered: the shorter one keeps at
    least ``ALTERED_QUOTE_SHARE`` of its words, and of its content words, in one stretch of the
    other (``_stretch``)."""
    shorter, longer = sorted((a.words, b.words), key=len)
    stretch = _stretch(shorter, longer)
    # shares of the shorter one's own words: a stretch that repeats a word ("help, help, help")
    # has few distinct words, and dividing by those would make it hold any quotation
    return (
        values.share(shorter, stretch, of_first=True) >= ALTERED_QUOTE_SHARE
        and values.statement_share(shorter, stretch, of_first=True) >= ALTERED_QUOTE_SHARE
    )


def _stretch(shorter: Sequence[str], longer: Sequence[str]) -> Sequence[str]:
    """The run of ``longer``, twice as long as ``shorter``, that holds most of its
    distinct words (the earliest of equals). An altered quotation retells words in their
    place: "we don't have enough water" is not an altered form of a minute of speech that says
    "we" in one sentence, "don't" in another and "water" in a third."""
    span = 2 * len(shorter)
    if len(longer) <= span:
        return longer
    wanted = set(shorter)
    held: Counter[str] = Counter(w for w in longer[:span] if w in wanted)
    best, best_start = len(held), 0
    for start in range(1, len(longer) - span + 1):
        gone, come = longer[start - 1], longer[start + span - 1]
        if gone in wanted:
            held[gone] -= 1
            if not held[gone]:
                del held[gone]
        if come in wanted:
            held[come] += 1
        if len(held) > best:
            best, best_start = len(held), start
    return longer[best_start : best_start + span]


def _sole_values(items: Sequence[_Item]) -> list[bool]:
    """For each mention, whether its source gives one value only for what it is a value of: a
    source that gives one death toll and another that gives one death toll are likely giving the
    same toll, where a source giving three (one per district) is not. A mention without an
    attribute is never sole."""
    said: defaultdict[tuple[str, frozenset[str]], set[object]] = defaultdict(set)
    for item in items:
        if item.key.attribute:
            said[(item.mention.source_id, item.key.attribute)].add(_stated(item.mention))
    return [
        bool(item.key.attribute) and len(said[(item.mention.source_id, item.key.attribute)]) == 1
        for item in items
    ]


def _values_of_unit(items: Sequence[_Item]) -> dict[str, int]:
    """How many different values the story gives for each counted noun or unit: the only two
    counts of arrests in a folder are likely one count told twice, two of a dozen percentages
    are not."""
    seen: defaultdict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.mention.unit:
            seen[_counted(item.mention.unit) or ""].add(item.mention.value)
    return {unit: len(found) for unit, found in seen.items()}


VALUE_GAP_DECADES = 2  # figures two orders of magnitude apart are as far apart as figures get


def _value_gap(a: Mention, b: Mention) -> float:
    """How many orders of magnitude lie between two figures, over ``VALUE_GAP_DECADES``, as a
    square root (0..1): the first steps apart say most ("12" and "15" are 0.22, "12" and "120"
    0.71). Measured by leave one set out on the pairs of 88 sets, against the plain ratio: one
    fact's differing pairs kept 1,353 against 1,324, pairs of two facts taken 1,735 against 1,736."""
    ra, rb = values.number_range(a.value), values.number_range(b.value)
    if ra is None or rb is None:
        return 0.0
    x = abs(float((ra[0] + ra[1]) * values.unit_size(a))) / 2  # "12 km" and "7.5 miles" are near
    y = abs(float((rb[0] + rb[1]) * values.unit_size(b))) / 2
    if x == y:
        return 0.0
    if min(x, y) == 0:
        return 1.0
    return math.sqrt(min(1.0, abs(math.log10(x / y)) / VALUE_GAP_DECADES))


DAY_GAP_DECADES = 3  # dates a thousand days apart are as far apart as dates get


def _day_gap(a: Mention, b: Mention) -> float:
    """How far apart two dates are, in orders of magnitude of days over ``DAY_GAP_DECADES``
    (0..1): "Dec. 11" and "December 12" are near (a day: 0.1), 2015 and 2016 farther (0.85), 1968
    and 2006 far. Dates without a year, or overlapping, are 0."""
    year = next((int(y) for y in (values.date_parts(m.value)[0] for m in (a, b)) if y), None)
    ia, ib = values.date_interval(a.value, year), values.date_interval(b.value, year)
    if ia is None or ib is None:
        return 0.0
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        return 0.0  # "December" and "Dec. 11"
    days = abs((ia[0] - ib[0]).days + (ia[1] - ib[1]).days) / 2  # between the middles: 2015 and 2016 are a year apart
    return min(1.0, math.log10(1 + days) / DAY_GAP_DECADES)


def _rarity(items: Sequence[_Item]) -> dict[str, float]:
    """Each context word's inverse document frequency over the clauses of one kind: a word
    that few clauses use ("steel", "Lisbon") says more about which fact a value belongs to than
    one that most do ("quake" in a quake story)."""
    frequency: Counter[str] = Counter()
    for item in items:
        frequency.update(set(item.words))
    return {word: math.log(1 + len(items) / n) for word, n in frequency.items()}


def _rare_overlap(a: Sequence[str], b: Sequence[str], rarity: dict[str, float]) -> float:
    """How much of the smaller clause's rarity-weighted words the other clause shares (0..1)."""
    wa, wb = set(a), set(b)
    smaller = min(sum(rarity[w] for w in wa), sum(rarity[w] for w in wb))
    return sum(rarity[w] for w in wa & wb) / smaller if smaller else 0.0


def _cluster(kind: Kind, items: Sequence[_Item], settings: Settings) -> _Clusters:
    model = settings.matcher or shipped_matcher()
    clusters = _Clusters(items)
    edges: list[tuple[float, int, int, bool]] = []
    for pair in pairs(kind, items, settings.workers):
        probability = model.probability(pair.features, agree=pair.agree)
        if probability >= model.threshold(agree=pair.agree):
            edges.append((round(100 * probability, 1), pair.i, pair.j, pair.agree))
    # Likeliest first, agreements and contradictions alike. One outlet's "signed on Tuesday"
    # should join the others' "signed on Wednesday"; taking agreements first, it joined instead
    # an outlet's "talks opened on Tuesday" (same day, fewer words alike), and as that outlet
    # also says "signed on Wednesday", the group could never join the conflict. Leave one set
    # out on 150 sets, published, with ``date_attribute``: conflict recall 0.576 -> 0.602,
    # precision 0.764 -> 0.768, corroborated recall 0.662 -> 0.674.
    # Quotations keep agreements first: one statement is checked whole (``_one_statement``), and
    # an altered form in the group would stop every later fragment of it.
    def likeliest(edge: tuple[float, int, int, bool]) -> tuple[bool, float, int, int]:
        score, i, j, agree = edge
        return (kind is Kind.QUOTE and not agree, -score, i, j)

    for score, i, j, agree in sorted(edges, key=likeliest):
        clusters.merge(i, j, SCORER, score, agreement=agree)
    return clusters


def _distinct(a: _Item, b: _Item, lone_units: frozenset[str]) -> bool:
    """Whether an identical value stands for itself: the same "$6 million" or "120 km" in two
    outlets of one story is rarely a coincidence, nor is the story's only count of helicopters,
    nor a month or day long before the news ("May 1970"); the same "two", "Monday" or "2026"
    easily is."""
    mention = a.mention
    if mention.kind is Kind.DATE:
        return all(_long_ago(mention, item.published) for item in (a, b))
    bounds = values.number_range(mention.value) if mention.kind is Kind.NUMBER else None
    if bounds is None or not mention.unit or bounds[0] != bounds[1]:
        return False
    return bounds[0] >= DISTINCT_NUMBER or _counted(mention.unit) in lone_units


def _figures_apart(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two quotations are two statements of different figures: each states a figure the
    other does not, and their other words differ too. A speaker who gives a running count gives
    it again, updated and reworded, later in the day ("so far 43 have died", "a total of 46 have
    died so far"); a transcript that keeps every other word and changes the figure ("40 dead",
    "400 dead") misquotes one statement. Figures are compared by their runs of digits, so one
    figure written two ways ("11.30pm" and "11:30pm", "12th" and "12") is one figure."""
    figures_a = Counter(FIGURE_DIGITS.findall(" ".join(a)))
    figures_b = Counter(FIGURE_DIGITS.findall(" ".join(b)))
    if not (figures_a - figures_b and figures_b - figures_a):
        return False
    return [w for w in a if not FIGURE_DIGITS.search(w)] != [w for w in b if not FIGURE_DIGITS.search(w)]


def _stated(mention: Mention) -> object:
    """What counts as stating the same value: a day with or without its year ("10 January",
    "2022-01-10"), else the value."""
    if mention.kind is Kind.DATE and values.specificity(mention) >= 2:
        return values.date_parts(mention.value)[1:]
    return mention.value


def _transposed(a: Mention, b: Mention) -> bool:
    """Figures that differ by swapped digits ("R950 million" and "R590 million"): a typo of one
    figure, as telling as the same figure."""
    if a.kind is not Kind.NUMBER:
        return False
    da, db = a.value.replace(".", ""), b.value.replace(".", "")
    return len(da) >= 3 and da.isdigit() and db.isdigit() and da != db and sorted(da) == sorted(db)


def _same_value(a: Mention, b: Mention) -> bool:
    """Equal values; for dates, the same day even when only one side knows the year."""
    if a.kind is Kind.DATE and values.specificity(a) >= 2 and values.specificity(b) >= 2:
        return values.date_parts(a.value)[1:] == values.date_parts(b.value)[1:]
    return a.value == b.value


def _conflictable(a: _Item, b: _Item) -> bool:
    """Both precise enough to contradict, and at the same precision: a day contradicts a day,
    but a month mentioned in passing ("the cuts in May") does not contradict a day. Two dates
    on which somebody said something are two statements, not one fact told two ways."""
    ma, mb = a.mention, b.mention
    if not (values.can_conflict(ma) and values.can_conflict(mb)):
        return False
    if ma.kind is Kind.NUMBER:
        if (a.running or b.running) and a.published and b.published and a.published != b.published:
            return False  # "400 still in shelters" three days after "1,100 spent the night"
        # "cut from 4.75% to 4.5%": the figure before a change and the figure after it.
        return {a.lead, b.lead} != {"from", "to"}
    if ma.kind is not Kind.DATE:
        return True
    if a.dateline or b.dateline:
        return False  # the day a story was filed, not the day of anything in it
    if values.date_precision(ma.value) != values.date_precision(mb.value):
        return False
    return not (a.speech and b.speech)


ID_WORDS = 3  # context words in a claim's id key: enough to tell apart two facts of one value


def claim_key(kind: Kind, members: Sequence[_Item]) -> str:
    """What identifies a fact, whatever the files that state it are called: its kind, units,
    canonical values (the most specific of each group of compatible values) and the context
    words most of its distinct wordings use (an exact copy of an article adds none)."""
    mentions = [item.mention for item in members]
    canonical = sorted({group[0].value for group in values.value_groups(mentions)})
    units = sorted({m.unit or "" for m in mentions})
    support: Counter[str] = Counter()
    if kind is not Kind.QUOTE:  # a quotation's value is its words
        for wording in {frozenset(item.words) for item in members}:
            support.update(wording)
    leading = sorted(sorted(support, key=lambda w: (-support[w], w))[:ID_WORDS])
    return "\x1f".join([kind.value, ",".join(units), "\x1e".join(canonical), " ".join(leading)])


def claim_id(kind: Kind, key: str) -> str:
    """A short hash of the claim's key: never the file names, file order or worker count."""
    return f"{kind.value[0]}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def _mention_order(m: Mention) -> tuple[str, int, int]:
    return (m.source_id, m.start, m.end)


def origin_map(documents: Iterable[Document]) -> dict[str, str]:
    """Each source's origin: the wire story it copies, or itself (``origins.find_origins``)."""
    return origins.origin_of(origins.find_origins([d.source for d in documents]))


def items_by_kind(
    documents: Iterable[Document], mentions: Sequence[Mention], origin_of: dict[str, str] | None = None
) -> dict[Kind, list[_Item]]:
    """Each kind's mentions in a stable order, with what matching reads around them.
    ``origin_of`` gives each source's origin (copies of one wire story are one voice: "most
    sources state it" counts origins); found here when the caller has not found it already."""
    documents = list(documents)
    sentences = {(s.source_id, s.index): s for doc in documents for s in doc.sentences}
    published = {doc.source.id: doc.source.published for doc in documents}
    names = {doc.source.id: NameIndex(doc.names) for doc in documents}
    if origin_of is None:
        origin_of = origin_map(documents)
    dates: defaultdict[tuple[str, int], list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.kind is Kind.DATE:
            dates[(mention.source_id, mention.sentence_index)].append(mention)
    found = {}
    for kind in Kind:
        of_kind = sorted((m for m in mentions if m.kind is kind), key=_mention_order)
        if of_kind:
            found[kind] = _items(kind, of_kind, sentences, dates, published, origin_of, names)
    return found


def match(
    documents: Iterable[Document],
    mentions: Sequence[Mention],
    *,
    settings: Settings,
    stories: Sequence[Story] = (),
) -> tuple[Claim, ...]:
    """Group mentions into claims: one claim per fact, whatever the number of sources. With
    ``stories``, mentions meet only mentions of their own story."""
    documents = list(documents)
    origin_of = origin_map(documents)
    if not stories:
        return number(match_story(documents, mentions, settings=settings, origin_of=origin_of))
    by_source = {d.source.id: d for d in documents}
    mentions_of: defaultdict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        mentions_of[mention.source_id].append(mention)
    story_of = {source: story.id for story in stories for source in story.sources}
    claims: list[Claim] = []
    for story in stories:
        claims += match_story(
            [by_source[s] for s in story.sources if s in by_source],
            [m for s in story.sources for m in mentions_of.get(s, ())],
            settings=settings,
            story=story.id,
            origin_of=origin_of,
        )
    unplaced = [m for m in mentions if m.source_id not in story_of]
    if unplaced:
        claims += match_story(documents, unplaced, settings=settings, origin_of=origin_of)
    return number(claims)


def match_story(
    documents: Sequence[Document],
    mentions: Sequence[Mention],
    *,
    settings: Settings,
    story: str | None = None,
    origin_of: dict[str, str] | None = None,
) -> list[Claim]:
    """The claims of one story's mentions, each ``id`` still its claim key (see ``number``).
    ``origin_of`` is each source's origin, when the caller has found the origins already."""
    places.load_index(settings.cache_dir)  # the name finder looks towns up in it
    claims: list[Claim] = []
    for kind, items in items_by_kind(documents, mentions, origin_of).items():
        for members, edges in _cluster(kind, items, settings).groups():
            ordered = [items[k].mention for k in members]  # members are sorted: same order
            position = {k: n for n, k in enumerate(members)}
            matches = tuple(
                Match(
                    left=position[i],
                    right=position[j],
                    scorer=scorer,
                    score=round(score, 1),
                    shared=tuple(sorted(set(items[i].words) & set(items[j].words)))[:12],
                )
                for i, j, scorer, score in sorted(edges, key=lambda e: (position[e[0]], position[e[1]]))
            )
            key = claim_key(kind, [items[k] for k in members])
            claims.append(Claim(key, kind, tuple(ordered), matches, story))
    return claims


def number(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """Claims sorted by kind and first mention, each ``id`` (the claim key until now) hashed."""
    ids = claim_ids(claims)
    ordered = sorted(range(len(claims)), key=lambda n: (claims[n].kind.value, _mention_order(claims[n].mentions[0])))
    return tuple(replace(claims[n], id=ids[n]) for n in ordered)


def claim_ids(claims: Sequence[Claim]) -> list[str]:
    """The final id of each claim (whose ``id`` is still its claim key), in the order given.
    Two facts with one key (rare: same value, units and leading words) are numbered in the
    order of kind and first mention; only then can another claim's arrival change an id."""
    ordered = sorted(range(len(claims)), key=lambda n: (claims[n].kind.value, _mention_order(claims[n].mentions[0])))
    seen: Counter[str] = Counter()
    ids = [""] * len(claims)
    for n in ordered:
        claim = claims[n]
        seen[claim.id] += 1
        key = claim.id if seen[claim.id] == 1 else f"{claim.id}\x1d{seen[claim.id]}"
        ids[n] = claim_id(claim.kind, key)
    return ids
