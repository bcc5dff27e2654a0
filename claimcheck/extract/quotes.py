"""Quotations and who said them.

Quote marks are paired paragraph by paragraph, so an odd mark never shifts every later quote:

* curly marks say which way they face; a straight ``"`` opens after a space (or at the start of
  a paragraph) and closes before a space or punctuation; between two letters or after
  punctuation ("said."There") it flips the current state;
* a quotation still open at the end of its paragraph continues when the next paragraph opens
  with a mark (the news convention for multi-paragraph quotes); otherwise it is dropped;
* single marks inside a double quotation belong to it; outside, ``‘…’`` (British style) pairs
  only when an opening mark is followed by a closing one before the next opening, and
  apostrophes (``Chile’s``, ``’90s``, ``rock ’n’ roll``, ``5'10"``) are never marks.

The speaker comes from, in order: an attribution right after the quote, one before it in the
same sentence, the previous quote of the same paragraph, and, for a paragraph that is only a
quote, the sentence before it. An attribution is read from the dependency parse: the subject of
the verb of saying that adjoins or governs the quote (``," X said``, ``," said X``, ``X said:
"``, ``X said the plan was "…"``, ``X was quoted as saying``, the agent of a passive), expanded
to the phrase that names it (``lang.tree.sayer`` and ``name_span``); without a verb, ``" — X``,
``X: "`` and ``according to X``. Pronouns resolve to the one person the
preceding text can mean, bare roles ("the spokesperson") to the fullest earlier mention of that
role, surnames to the full name the document gives. What cannot be known stays None.

Speakers are normalized as ``lang.names.speakers_compatible`` expects: persons "Firstname
Lastname" without titles; roles "[Country] [organisation words] role" with articles, "for
the", possessives and "senior/top/…" removed, the country as its short name ("US") and every
organisation word kept ("a spokesperson for the City Hall Flood Response Council" → "City
Hall Flood Response Council spokesperson"), so that "City Hall spokesperson" and "Flood
Response Council spokesperson" are both its subsets and compatible with it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from claimcheck import lang
from claimcheck.extract import places
from claimcheck.extract.base import eligible
from claimcheck.lang import saying_verbs
from claimcheck.lang.names import (
    CONNECTORS,
    ORG_HEADS,
    POSSESSIVE,
    ROLE_NOISE,
    country_code,
    country_display,
    fold,
    is_acronym,
    is_title,
    lone_names,
    person_display,
    person_key,
    role_noun,
)
from claimcheck.lang.spelling import to_us
from claimcheck.lang.tree import Tree, name_span, sayer
from claimcheck.model import Document, Kind, Mention, Region, Role, Sentence
from claimcheck.settings import Settings

# A token: a dotted acronym, a known abbreviation with its dot, a middle initial, a word with
# inner apostrophes or hyphens, or one punctuation mark.
# Matches: "U.S.", "Mr.", "M." (in "Ana M. Ruiz"), "Chile’s", "Co-operation", ",".
# Must not match: the dot that ends "talks." (it is a separate token).
TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Mx|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rev|Adm|Maj|Cpl|Pvt|"
    r"Insp|Supt|Det|Amb|Pres|Inc|Corp|Ltd|Co|Mt|Ft)\.(?=\s)"
    r"|[A-Z]\.(?=\s[A-Z])"
    r"|[^\W_](?:[^\W_]|['’](?=[^\W_])|-(?=[^\W_]))*"
    r"|[^\w\s]"
)

# Words that open no name: function words, time words and page furniture.
STOP = lang.tagged("function_words", "name")
CALENDAR = lang.calendar_words() | lang.words("holidays")

# A capitalised run that names a town this large is a place, not a person. GeoNames' 15,000
# threshold was the name finder's list before the gazetteer went down to 1,000 people (issue 9);
# "Mr Bath" or "Ms Florence" must stay people.
PLACE_NAME_POPULATION = 15000


def _is_place(words: str) -> bool:
    """Whether words name a city of over 15,000 people or a US state (from the gazetteer)."""
    return fold(words) in places.town_names(PLACE_NAME_POPULATION)


# Sorted, non-overlapping spans of text as two lists: their starts and their ends.
Spans = tuple[list[int], list[int]]


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text with its offsets into that text; ``name`` when the parse puts it in
    a person's name (``_person_words``)."""

    text: str
    start: int
    end: int
    name: bool = False

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """The word without a possessive ending ("Chile’s" → "Chile")."""
        return POSSESSIVE.sub("", self.text)

# A paragraph break: a blank line, or a line break after a line that ends a sentence (a line
# that stops mid-sentence is hard-wrapped text). Matches: "talks.\n" and "\n\n". Must not
# match: the line break in "held in\nVienna".
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?:\"”’)\]])[ \t]*\n\s*")

# Double quote marks. Matches: '"', '“', '”', '„'. Must not match: "'" or "’".
DOUBLE_MARK = re.compile(r"[\"“”„]")
# Single quote marks (and apostrophes, told apart by context). Matches: "'", "‘", "’".
# Must not match: '"'.
SINGLE_MARK = re.compile(r"['‘’]")
# An apostrophe that starts a word: a decade, "’n’", "’em", "’til".
# Matches: "’90s", "'n' roll", "’em". Must not match: "‘No deal’".
ELISION = re.compile(
    r"['‘’](?:\d\ds\b|\d0s\b|n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b)", re.IGNORECASE
)
# Feet and inches. Matches: 5'10" (the inch mark). Must not match: '"10 years'.
INCHES = re.compile(r"\d['’]\d{1,2}$")

# A capitalised word that may be a surname met alone. Matches: "Ngakola". Must not match: "he".
SURNAME = re.compile(r"\b[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?\b")

# Punctuation, dashes and whitespace that value normalization removes.
# Matches: "—", ",", "“". Must not match: "don't" (the apostrophe is removed separately).
VALUE_JUNK = re.compile(r"[^\w\s.]|_|(?<!\d)\.|\.(?!\d)")
# An apostrophe or hyphen inside a word, removed without a space ("that's" → "thats",
# "co-operation" → "cooperation"). Matches: the "'" in "that's". Must not match: "' " at an end.
JOINER = re.compile(r"(?<=\w)['’‘-](?=\w)")
# A contraction that would read as another word once its apostrophe goes ("we'll" as "well",
# "we're" as "were"), spelled out first. Matches: "'ll" in "we'll", "’re" in "they’re".
# Must not match: "'s" or "'d" (is or has, had or would), "n't" (its bare form is no other word).
CONTRACTION = re.compile(r"(?<=[^\W\d_])['’](ll|re)\b")
CONTRACTED = {"ll": " will", "re": " are"}
# A dotted abbreviation, whose dots go ("U.S." → "us"). Matches: "u.s.". Must not match: "2.5".
DOTTED = re.compile(r"\b((?:[^\W\d_]\.){2,})")
# A thousands separator. Matches: the comma in "1,000". Must not match: "1, 000".
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# A figure glued to the word it measures, split from it as another transcript writes it apart
# ("11:30pm" and "11:30 p.m.", "5km" and "5 km", "7.8-magnitude"); the text is lower case by
# then. Matches: between "30" and "pm", the "-" of "7.8-magnitude". Must not match: an ordinal
# or a decade ("21st", "2nd-largest", "1990s"), a name ending in a figure ("G7").
FIGURE_GLUE = re.compile(r"(?<=\d)['’‘-]?(?=[a-z])(?!st|nd|rd|th|s\b)")
# "per cent" and "%" are one word. Matches: "per cent", "%". Must not match: "percentage".
PERCENT = re.compile(r"\s*%|\bper\s+cent\b", re.IGNORECASE)

# Verbs that attribute words to a speaker, as base forms; ``_inflect`` adds -s and -ed forms.
SPEECH_BASES = lang.words("speech_verbs")

# Base forms that are also common nouns ("the official note", "a post") are not used bare
# (lang/en/speech_forms.txt: "bare" forms are, "irregular" ones are inflections _inflect cannot make).
BARE_SPEECH = lang.tagged("speech_forms", "bare")
IRREGULAR_SPEECH = lang.tagged("speech_forms", "irregular")


def _inflect(base: str) -> tuple[str, ...]:
    """Inflections of a speech verb: "vow" → ("vows", "vowed"), "reply" → ("replies",
    "replied"), "note" → ("notes", "noted")."""
    if base.endswith("y") and base[-2] not in "aeiou":
        return (base[:-1] + "ies", base[:-1] + "ied")
    if base.endswith("e"):
        return (base + "s", base + "d")
    if base.endswith(("s", "sh", "ch", "x")):
        return (base + "es", base + "ed")
    if base == "find":
        return ("finds", "found")
    if base in {"quip", "admit", "dub"}:
        return (base + "s", base + base[-1] + "ed")  # a stressed short final syllable
    return (base + "s", base + "ed")


SPEECH_VERBS = (
    IRREGULAR_SPEECH
    | BARE_SPEECH
    | frozenset(form for base in SPEECH_BASES for form in _inflect(base))
)
# Verbs that name something in someone's words (lang/en/naming_verbs.txt), as written.
NAMING_VERBS = frozenset(form for base in lang.words("naming_verbs") for form in (base, *_inflect(base)))
# Words before a role noun that are no part of the role ("the two officials"), and the pronouns a
# speaker may be (lang/en/function_words.txt).
DETERMINERS = lang.tagged("function_words", "determiner")
PRONOUNS = lang.tagged("function_words", "pronoun")
# Function words that name nobody when the parse makes one a speaker ("It was hailed by …").
NOT_SPEAKERS = STOP - PRONOUNS
# Lower-case words that cannot modify a role ("the talks official" is no speaker): besides
# the stop words and verbs, adverbs, auxiliaries and relative words ("role" in function_words.txt).
NOT_MODIFIERS = STOP | SPEECH_VERBS | NAMING_VERBS | lang.tagged("function_words", "role")
# Words before a quoted name that mark it as a title of a work or a nickname, not speech.
TITLE_CUES = lang.words("title_cues")
# Prepositions that join a role to what it belongs to ("minister of finance").
PREPOSITIONS = lang.tagged("function_words", "preposition")
# How many tokens before its role noun a role phrase may start ("Ana Ruiz, Chile’s deputy
# mining minister" starts seven tokens before "minister").
ROLE_REACH = 10
# How a role noun is written in a speaker string (the canonical noun is in ROLE_NOUNS).
SPOKEN_FORMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "ceo": "chief executive",
}
# A word of the context. Matches: "chile’s", "talks". Must not match: "—".
CONTEXT_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
STOPWORDS = STOP | lang.tagged("function_words", "quote")


@dataclass(frozen=True, slots=True)
class Who:
    """A speaker as named in one place: a person, a role, an organisation or a pronoun."""

    kind: str  # "person", "role", "org", "pronoun"
    display: str
    pos: int = 0
    noun: str = ""  # canonical role noun (roles, and persons named with their role)
    words: frozenset[str] = frozenset()  # lower-case organisation words of a role
    country: str = ""
    plural: bool = False
    bare: bool = False  # a role named by nothing but its noun ("the spokesperson")


@dataclass(frozen=True, slots=True)
class _Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    start: int  # first quoted character
    end: int  # one past the last quoted character
    para: int  # index of the paragraph holding the opening mark
    last_para: int  # index of the paragraph holding the closing mark


@dataclass(frozen=True, slots=True)
class _Para:
    start: int
    end: int
    region: int


# ---------------------------------------------------------------------------------------------
# Values

# Characters that render as nothing. Matches: the U+200B in "re\u200bbuild". Not: a space.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")



def fold_invisible(text: str) -> str:
    """``text`` without characters that show nothing: a zero-width space or joiner, a soft
    hyphen, a word joiner or a byte-order mark inside a word is no change of words (issue 12).
    Only values are folded; offsets still point into the text as written.

    >>> fold_invisible("re\u200bbuild co\u00adoperation")
    'rebuild cooperation'
    """
    return INVISIBLE.sub("", text)


def normalize_quote(text: str) -> str:
    """The comparable form of a quotation: straight, lower case, without punctuation, dashes or
    inner apostrophes, whitespace collapsed, American spelling.

    >>> normalize_quote("“That’s what co-operation is — about,” she said.")
    'thats what cooperation is about she said'
    >>> normalize_quote("We’ll see")
    'we will see'
    >>> normalize_quote("At 11:30pm, a 5km queue"), normalize_quote("at 11:30 p.m., a 5 km queue")
    ('at 11 30 pm a 5 km queue', 'at 11 30 pm a 5 km queue')
    """
    value = FIGURE_GLUE.sub(" ", fold_invisible(text).lower())  # before "p.m." and "1,000" are read
    value = PERCENT.sub(" percent", value)
    value = value.replace("&", " and ")
    value = DOTTED.sub(lambda m: m.group(1).replace(".", ""), value)
    value = THOUSANDS.sub("", value)
    value = CONTRACTION.sub(lambda m: CONTRACTED[m.group(1)], value)
    value = JOINER.sub("", value)
    value = FIGURE_GLUE.sub(" ", value)  # again: "9'm" is glued only now
    value = VALUE_JUNK.sub(" ", value)
    return " ".join(to_us(word) for word in value.split())


# ---------------------------------------------------------------------------------------------
# Finding quotations


def _paragraphs(text: str, regions: Sequence[Region]) -> list[_Para]:
    paras: list[_Para] = []
    for index, region in enumerate(regions):
        start = region.start
        for brk in PARAGRAPH_BREAK.finditer(text, region.start, region.end):
            if brk.start() > start:
                paras.append(_Para(start, brk.start(), index))
            start = brk.end()
        if region.end > start:
            paras.append(_Para(start, region.end, index))
    return paras


def _before(text: str, pos: int, start: int) -> str:
    return text[pos - 1] if pos > start else " "


def _after(text: str, pos: int, end: int) -> str:
    return text[pos + 1] if pos + 1 < end else " "


def _opens_before(char: str) -> bool:
    """A character after which a straight mark opens a quotation."""
    return char.isspace() or char in "([{—–-/\u00a0"


def _double_class(text: str, pos: int, para: _Para) -> str:
    """ "open", "close", "either" (decided by the state) or "none" for one double mark."""
    char = text[pos]
    prev, nxt = _before(text, pos, para.start), _after(text, pos, para.end)
    spacey_next = nxt.isspace() or nxt in ".,;:!?)]}—–…"
    if char in "“„":
        # A mis-curled closing mark: "well,“ he said".
        return "close" if not _opens_before(prev) and spacey_next else "open"
    if char == "”":
        return "open" if _opens_before(prev) and nxt.isalnum() else "close"
    if INCHES.search(text[max(para.start, pos - 4) : pos]):
        return "none"
    if _opens_before(prev):
        return "none" if nxt.isspace() else "open"
    if spacey_next:
        return "close"
    return "either"


def _double_quotes(text: str, paras: Sequence[_Para]) -> list[_Quote]:
    found: list[_Quote] = []
    carry: tuple[int, int] | None = None  # (opening mark, its paragraph) of an unclosed quote
    for index, para in enumerate(paras):
        state: tuple[int, int] | None = None
        skip = -1
        if carry is not None and paras[carry[1]].region == para.region:
            first = DOUBLE_MARK.match(text, para.start)
            if first is not None and _double_class(text, para.start, para) in {"open", "either"}:
                state, skip = carry, para.start
        carry = None
        for mark in DOUBLE_MARK.finditer(text, para.start, para.end):
            pos = mark.start()
            if pos == skip:
                continue
            kind = _double_class(text, pos, para)
            if kind == "none":
                continue
            if state is None:
                if kind in {"open", "either"}:
                    state = (pos, index)
                continue
            if kind in {"close", "either"}:
                found.append(_Quote(state[0], pos, state[0] + 1, pos, state[1], index))
                state = None
            else:
                # Two openings in a row: the first was never closed; start again here.
                state = (pos, index)
        if state is not None:
            carry = state
    return found


def _single_quotes(
    text: str, para: _Para, index: int, masked: Sequence[tuple[int, int]]
) -> list[_Quote]:
    """British-style ‘…’ quotations outside the double-quoted stretches of one paragraph."""

    def hidden(pos: int) -> bool:
        return any(a <= pos <= b for a, b in masked)

    opens: list[int] = []
    closes: list[tuple[int, bool]] = []  # (position, strong)
    for mark in SINGLE_MARK.finditer(text, para.start, para.end):
        pos = mark.start()
        if hidden(pos) or ELISION.match(text, pos):
            continue
        prev, nxt = _before(text, pos, para.start), _after(text, pos, para.end)
        if prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe inside a word
        if (_opens_before(prev) or prev in '"“') and nxt.isalnum():
            opens.append(pos)
        elif not prev.isspace() and (nxt.isspace() or nxt in '.,;:!?)]}—–…"”'):
            if pos >= 2 and text[pos - 2] in "’'" and prev == "n":
                continue  # the second mark of "’n’"
            closes.append((pos, _strong_close(text, pos, para)))
    found: list[_Quote] = []
    taken = -1
    for k, start in enumerate(opens):
        if start <= taken:
            continue
        limit = opens[k + 1] if k + 1 < len(opens) else para.end
        window = [(pos, strong) for pos, strong in closes if start < pos < limit]
        pick = next((pos for pos, strong in window if strong), window[0][0] if window else None)
        if pick is not None and any(c.isalpha() for c in text[start + 1 : pick]):
            found.append(_Quote(start, pick, start + 1, pick, index, index))
            taken = pick
    return found


def _strong_close(text: str, pos: int, para: _Para) -> bool:
    """A closing single mark that cannot be a plural possessive ("the workers’ rights")."""
    nxt = _after(text, pos, para.end)
    if not nxt.isspace() or pos + 1 >= para.end:
        return True
    rest = text[pos + 1 : para.end].lstrip()
    if not rest:
        return True
    word = re.match(r"[\w’']+", rest)
    return (
        rest[0].isupper()
        or rest[0] in '—–-"“'
        or (word is not None and word.group().lower() in SPEECH_VERBS | PRONOUNS | {"according"})
    )


def _find_quotes(text: str, paras: Sequence[_Para]) -> list[_Quote]:
    doubles = _double_quotes(text, paras)
    quotes = list(doubles)
    masks: dict[int, list[tuple[int, int]]] = {}
    for q in doubles:
        for index in range(q.para, q.last_para + 1):
            masks.setdefault(index, []).append((q.open, q.close))
    for index, para in enumerate(paras):
        quotes.extend(_single_quotes(text, para, index, masks.get(index, [])))
    quotes.sort(key=lambda q: (q.open, -q.close))
    kept: list[_Quote] = []
    for quote in quotes:
        if kept and quote.close <= kept[-1].close:
            continue  # nested inside the previous quotation: part of it
        kept.append(quote)
    return [_trimmed(text, q) for q in kept if any(c.isalnum() for c in text[q.start : q.end])]


def _trimmed(text: str, quote: _Quote) -> _Quote:
    start, end = quote.start, quote.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Quote(quote.open, quote.close, start, end, quote.para, quote.last_para)


def _is_title_or_nickname(text: str, quote: _Quote, para: _Para) -> bool:
    """A quoted title of a work ("the film “Dark Waters”") or a nickname (Dwayne "The Rock"
    Johnson): quote marks that report no speech."""
    inner = text[quote.start : quote.end]
    words = re.findall(r"[^\W\d_][\w’'-]*", inner)
    if not words or len(words) > 10 or re.search(r"[.;:!?]\s", inner):
        return False
    title_case = words[0][0].isupper() and all(w[0].isupper() for w in words if len(w) > 3)
    if not title_case:
        return False
    before = text[para.start : quote.open].rstrip()
    after = text[quote.close + 1 : para.end]
    previous = re.findall(r"[\w’'-]+", before)[-3:]
    if any(w.lower() in TITLE_CUES for w in previous):
        return True
    # A short capitalised name without any punctuation, inside a sentence ("the Pacific
    # “Ring of Fire”, where …"): a name in quote marks, not speech.
    if len(words) <= 5 and not re.search(r"[^\w\s’'-]", inner) and before and after.strip():
        return True
    # A nickname sits between the parts of a name.
    return (
        bool(previous)
        and previous[-1][0].isupper()
        and bool(re.match(r" [A-Z]", after))
        and len(words) <= 3
    )


# ---------------------------------------------------------------------------------------------
# Speaker phrases


def _is_cap(token: Token) -> bool:
    return token.text[0].isupper() or bool(re.match(r"(?:al|el|bin|ibn|abu)-[A-Z]", token.text))


def _cap_group(toks: Sequence[Token], i: int, text: str) -> int:
    """One past the last token of the capitalised run that starts at ``i``."""
    j = i + 1
    while j < len(toks):
        gap = text[toks[j - 1].end : toks[j].start]
        if gap != " ":
            break
        if (
            (_is_cap(toks[j])
            and toks[j].text[0].isalnum())
            or (toks[j].lower in CONNECTORS
            and j + 1 < len(toks)
            and _is_cap(toks[j + 1]))
        ):
            j += 1
        else:
            break
    return j


def _country_and_words(tokens: Sequence[Token]) -> tuple[str, list[str]]:
    """The country a run of capitalised words names first, and the rest of its words."""
    kept = [t for t in tokens if t.lower not in {"the", "a", "an"}]
    # A possessive goes after the last word, a country or an organisation ("the City Hall’s
    # Flood Response Council"); a name keeps its own ("the People's Health Watch").
    words = [
        t.bare
        if k == len(kept) - 1 or t.bare.lower() in ORG_HEADS or country_code(t.bare)
        else t.text
        for k, t in enumerate(kept)
    ]
    for size in (3, 2, 1):
        if len(words) >= size:
            iso = country_code(" ".join(words[:size]))
            if iso is not None:
                return iso, words[size:]
    return "", words


def _run_speaker(tokens: Sequence[Token], pos: int, det: str | None) -> Who | None:
    """The speaker a capitalised run names: a person (titles dropped), an organisation, or a
    role written in capitals ("the U.S. Coast Guard")."""
    k = len(tokens)
    while k > 0 and (tokens[k - 1].name or (k < len(tokens) and tokens[k - 1].lower in CONNECTORS)):
        k -= 1
    names = list(tokens[k:])
    while names and names[0].lower in CONNECTORS:
        names.pop(0)
    titles = [
        t.lower.rstrip(".") for t in tokens[:k] if is_title(t.bare) and t.lower not in ORG_HEADS
    ]
    if (
        names
        and det != "the"
        and not (len(names) >= 2 and _is_place(" ".join(t.bare for t in names)))
    ):
        noun = ""
        for title in reversed(titles):
            role = role_noun(title)
            if role is not None:
                noun = role[0]
                break
        country, words = _country_and_words(tokens[:k])
        return Who(
            "person",
            person_display([t.text for t in names]),
            pos,
            noun=noun,
            country=country,
            words=frozenset(_word(w) for w in words if role_noun(w) is None),
        )
    if len(tokens) == 1:
        role = role_noun(tokens[0].text)
        if role is not None:
            return Who("role", role[0], pos, noun=role[0], plural=role[1], bare=True)
    country, words = _country_and_words(tokens)
    if not words and not country:
        return None
    display = " ".join(([country_display(country)] if country else []) + words)
    return Who("org", display, pos, words=frozenset(_word(w) for w in words), country=country)


def _word(word: str) -> str:
    bare = POSSESSIVE.sub("", word)
    return to_us(fold(bare).replace("-", "").replace("’", "").replace("'", ""))


def _role_display(country: str, words: Sequence[str], noun_text: str) -> str:
    parts = [country_display(country)] if country else []
    parts.extend(w for w in words if w.lower() not in ROLE_NOISE)
    parts.append(noun_text)
    return " ".join(parts)


def _phrase(toks: Sequence[Token], i: int, text: str) -> tuple[Who | None, int]:
    """The speaker phrase starting at token ``i`` and the index just past it.

    Reads "he", "the spokesperson", "a senior City Hall official", "a spokesperson for the
    Flood Response Council", "Harbour Board spokesman Ian Doyle", "Chilean Deputy Mining
    Minister Ana Ruiz", "Smith", "the Treasury", "Brazil’s foreign ministry".
    """
    n = len(toks)
    if i >= n or not toks[i].text[0].isalnum():
        return None, i
    low = toks[i].lower
    if low in PRONOUNS:
        return Who("pronoun", low, toks[i].start, plural=low == "they"), i + 1
    j = i
    det: str | None = None
    while j < n and toks[j].lower in DETERMINERS:
        det = det or toks[j].lower
        j += 1
    caps: list[Token] = []
    mods: list[str] = []
    noun: tuple[str, bool] | None = None
    noun_text = ""
    org_noun = ""
    while j < n:
        tok = toks[j]
        if not tok.text[0].isalnum():
            break
        role = role_noun(tok.text)
        # A capitalised role word followed by a lower-case word is a role ("Officials said").
        role_word = role is not None and not caps and (j + 1 >= n or not _is_cap(toks[j + 1]))
        if _is_cap(tok) and not role_word:
            if noun is not None or org_noun or caps:
                break
            end = _cap_group(toks, j, text)
            caps.extend(toks[j:end])
            j = end
            continue
        if role is not None and not org_noun:
            noun, noun_text = role, tok.lower
            j += 1
            continue
        if noun is None and not org_noun and _org_head(tok.lower) and tok.text.islower():
            org_noun = tok.text
            j += 1
            continue
        word = POSSESSIVE.sub("", tok.text)
        modifier = word.isalpha() and word.islower() and tok.lower not in NOT_MODIFIERS
        followed = j + 1 < n and toks[j + 1].text[0].isalnum()
        if noun is None and not org_noun and modifier and len(mods) < 3 and followed:
            mods.append(word)
            j += 1
            continue
        break
    if noun is None:
        if org_noun:
            caps = _common_start(toks, i, caps)
            country, words = _country_and_words(caps)
            display = " ".join(
                ([country_display(country)] if country else []) + words + mods + [org_noun]
            )
            return Who(
                "org",
                display,
                toks[i].start,
                words=_words(words + mods + [org_noun]),
                country=country,
            ), j
        if not caps:
            return None, i
        who = _run_speaker(caps, toks[i].start, det)
        if mods and (who is None or who.kind != "person"):
            return None, i  # "said broker Lena Ortiz" names a person; "said grim Lisbon" nothing
        return who, j
    # "for the City Hall Flood Response Council", "of Chile".
    org_after: list[Token] = []
    if j + 1 < n and toks[j].lower in PREPOSITIONS:
        k = j + 1
        if k < n and toks[k].lower == "the":
            k += 1
        if k < n and _is_cap(toks[k]):
            end = _cap_group(toks, k, text)
            org_after = list(toks[k:end])
            j = end
    country, words = _country_and_words(org_after + _common_start(toks, i, caps))
    words = [w for w in words + mods if w.lower() not in ROLE_NOISE]
    # "Harbour Board spokesman Ian Doyle": a name right after the role is the speaker.
    if j < n and _is_cap(toks[j]) and text[toks[j - 1].end : toks[j].start] == " ":
        end = _cap_group(toks, j, text)
        person = _run_speaker(toks[j:end], toks[j].start, None)
        if person is not None and person.kind == "person":
            return Who(
                "person", person.display, toks[i].start, noun[0], _words(words), country
            ), end
    plain = SPOKEN_FORMS.get(noun_text, noun_text)
    if noun[1] and plain == "spokesperson":
        plain = "spokespeople"
    display = _role_display(country, words, plain)
    return Who(
        "role",
        display,
        toks[i].start,
        noun[0],
        _words(words),
        country,
        noun[1],
        bare=not words and not country,
    ), j


def _common_start(toks: Sequence[Token], i: int, caps: list[Token]) -> list[Token]:
    """A sentence-initial capital is no proper name: "Environmental groups said" is written
    "environmental groups" (countries, acronyms and organisation heads keep their capitals)."""
    if (
        len(caps) != 1
        or caps[0] is not toks[i]
        or (i > 0 and toks[i - 1].text not in {".", "!", "?", "\n"})
    ):
        return caps
    word = caps[0]
    low = word.bare.lower()
    if (
        low in STOP | CALENDAR | ORG_HEADS
        or is_acronym(word.bare)
        or country_code(word.bare) is not None
    ):
        return caps
    return [Token(word.text.lower(), word.start, word.end)]


def _org_head(word: str) -> bool:
    """An organisation noun, singular or plural ("ministry", "groups", "agencies")."""
    if word in ORG_HEADS:
        return True
    if word.endswith("ies"):
        return word[:-3] + "y" in ORG_HEADS
    return word.endswith("s") and word[:-1] in ORG_HEADS


def _words(words: Sequence[str]) -> frozenset[str]:
    """The comparable organisation words of a role ("Co-operation" → "cooperation")."""
    return frozenset(_word(w) for w in words if w.lower() not in CONNECTORS)


def _skip_appositive(toks: Sequence[Token], j: int) -> tuple[int, Who | None]:
    """Past ", the mayor," or ", who leads the agency," after a name; the role it gives."""
    if j >= len(toks) or toks[j].text != ",":
        return j, None
    for k in range(j + 1, min(len(toks), j + 16)):
        if toks[k].text == ",":
            return k + 1, None
        if toks[k].text in {".", ";", ":", "“", "”", '"'}:
            return j, None
    return j, None


def _appositive_role(toks: Sequence[Token], j: int, text: str) -> tuple[int, Who | None]:
    """Past an appositive (", the mayor," / ", Jane Smith,") and what it names."""
    if j >= len(toks) or toks[j].text != ",":
        return j, None
    other, k = _phrase(toks, j + 1, text)
    closed = k < len(toks) and toks[k].text == ","
    ended = k >= len(toks) or toks[k].text in {".", ";", ")", "!", "?"}
    if other is not None and other.kind in {"role", "person"} and (closed or ended):
        return (k + 1 if closed else k), other
    return _skip_appositive(toks, j)


def _with_role(who: Who, other: Who | None) -> Who:
    """A person with the role an appositive gives ("Smith, the mayor"), or a role with the
    person an appositive names ("the principal, Alan Brooks")."""
    if other is None:
        return who
    if who.kind == "person" and other.kind == "role" and not who.noun:
        return Who("person", who.display, who.pos, other.noun, other.words, other.country)
    if who.kind == "role" and other.kind == "person" and not who.plural:
        return Who("person", other.display, who.pos, who.noun, who.words, who.country)
    return who


def _who(tree: Tree, k: int, words: Spans) -> Who | None:
    """The speaker the phrase that names word ``k`` gives ("Mayor Elena Castillo", "a
    spokesperson for the ministry", "said Smith, the minister")."""
    if tree.tokens[k].text.casefold() in NOT_SPEAKERS and tree.tokens[k].pos != "PROPN":
        return None  # "It was hailed by Smith, who said …": "it" and "this" name nobody
    text = tree.text
    first, last = name_span(tree, k)
    start, end = tree.start(first), tree.end(last)
    # The word before the phrase is read too: it says whether a capital opens the sentence.
    toks = _tokens(text, max(0, start - 30), end, words)
    i = next((n for n, t in enumerate(toks) if t.start >= start), len(toks))
    who, j = _phrase(toks, i, text)
    if who is None:
        # A description, then the name the parser left apart: "replied his rival, Per Hansen".
        more = _tokens(text, end, min(len(text), end + 60), words)
        if more and more[0].text == ",":
            named, _ = _phrase(more, 1, text)
            return named if named is not None and named.kind == "person" else None
        return None
    _, role = _appositive_role(toks, j, text)
    return _with_role(who, role)


@functools.cache
def _saying_or_naming() -> frozenset[str]:
    """The verbs that may introduce a quotation before it: of saying, or of naming ("called
    it"), built once rather than on every quotation."""
    return saying_verbs() | lang.words("naming_verbs")


def _said(
    tree: Tree,
    lo: int,
    hi: int,
    words: Spans,
    quoted: Callable[[int], bool],
    quote: _Quote | None = None,
    *,
    after: bool = False,
) -> Who | None:
    """The speaker of a verb of saying in ``text[lo:hi]``, read from the parse: the first such
    verb after a quotation (``after``), else the last one before it, whose speaker ``sayer``
    finds outside every quotation.

    The verb must belong to the quotation: nothing but its own clause lies between the two
    ("…,” the mayor, who …, said on Tuesday"; "Smith said on Tuesday that the plan was “…”"),
    or, before a quotation, the quotation is part of what it governs. "…” and critics said"
    is another statement. Without ``quote``, the last speaker of the stretch ("Smith said the
    plan would work." introduces the quotation of the next paragraph).
    """
    verbs = saying_verbs() if after else _saying_or_naming()
    found = [
        k
        for k in tree.within(lo, hi)
        if tree.tokens[k].pos == "VERB" and tree.lemma(k) in verbs and not quoted(tree.start(k))
    ]
    first = next((j for j in tree.within(lo, hi) if tree.tokens[j].pos != "PUNCT"), None)
    for k in found if after else reversed(found):
        if after and tree.kids(k, frozenset({"mark"})):
            continue  # "…,” though he said": a clause of its own
        said = sayer(tree, k, inverted=after and k == first, apart=lambda j: not quoted(tree.start(j)))
        if said is None and after and quote is not None:
            # The parser lost the subject between the quotation and its verb ("…,” Jane Smith,
            # 21, told reporters"): the words there are the speaker when they are one phrase.
            return _between(tree.text, quote.close + 1, tree.start(k), words)
        if said is None or quoted(tree.start(said[0])):
            continue
        subject, verb = said
        if quote is not None:
            clause = tree.members(verb)
            gap = (
                tree.within(quote.close + 1, tree.start(k)) if after else tree.within(tree.end(k), quote.open)
            )
            adjoins = all(tree.tokens[j].pos == "PUNCT" or j in clause for j in gap)
            governs = not after and any(j in clause for j in tree.within(quote.start, quote.end))
            if not adjoins and not governs:
                continue
        who = _who(tree, subject, words)
        if who is not None:
            return who
    return None


def _between(text: str, start: int, end: int, words: Spans) -> Who | None:
    """The speaker phrase that fills ``text[start:end]`` (after a comma), if one does."""
    toks = _tokens(text, start, end, words)
    i = 1 if toks and toks[0].text == "," else 0
    who, j = _phrase(toks, i, text)
    if who is None or who.kind == "pronoun":
        return None
    j, role = _appositive_role(toks, j, text)
    return _with_role(who, role) if j == len(toks) else None


def _named_after(toks: Sequence[Token], text: str) -> Who | None:
    """A speaker named without a verb right after a closing mark: '— Smith', ', according to
    Smith'."""
    j = 0
    while j < len(toks) and toks[j].text in {",", ";"}:
        j += 1
    if j >= len(toks):
        return None
    if toks[j].text in {"—", "–", "-"}:
        while j < len(toks) and toks[j].text in {"—", "–", "-"}:
            j += 1
        who, k = _phrase(toks, j, text)
        if (
            who is not None
            and who.kind != "pronoun"
            and (k >= len(toks) or toks[k].text in {",", ".", ")"})
        ):
            k, role = _appositive_role(toks, k, text)
            return _with_role(who, role)
        return None
    if toks[j].lower == "according" and j + 1 < len(toks) and toks[j + 1].lower == "to":
        who, _ = _phrase(toks, j + 2, text)
        return who
    return None


def _named_before(toks: Sequence[Token], text: str, said: Who | None) -> Who | None:
    """The speaker before an opening mark: "X:" right before it, else the speaker of a verb of
    saying (``said``), else "according to X", else a headline or lead that opens with "Name:"."""
    if not toks:
        return said
    if toks[-1].text == ":" and len(toks) >= 2:
        # "Smith: “…”" — a bare name before a colon.
        start = len(toks) - 2
        while start > 0 and _is_cap(toks[start - 1]) and toks[start - 1].text[0].isalnum():
            start -= 1
        if start == 0 or toks[start - 1].text in {".", "\n"}:
            who, k = _phrase(toks, start, text)
            if who is not None and k == len(toks) - 1:
                return who
    if said is not None:
        return said
    for i in range(len(toks) - 2, -1, -1):
        if toks[i].lower == "according" and toks[i + 1].lower == "to":
            who, _ = _phrase(toks, i + 2, text)
            if who is not None:
                return who
    # A headline or lead that opens with "Name:" speaks for the quotes after it.
    colon = next((k for k, t in enumerate(toks[:6]) if t.text == ":"), None)
    if colon is not None and colon > 0:
        who, k = _phrase(toks, 0, text)
        if who is not None and k == colon and who.kind in {"person", "role"}:
            return who
    return None


# ---------------------------------------------------------------------------------------------
# Resolving speakers against the document


class _Index:
    """What the document has said about people and roles so far, by offset."""

    def __init__(self, doc: Document, words: Spans) -> None:
        text = self.text = doc.source.text
        self.persons: dict[str, list[str]] = {}  # surname key → full names, in order
        self.written: dict[str, frozenset[str]] = {}  # full name → every word it was written with
        self.events: list[Who] = []  # persons and roles named, in text order
        persons = [name for name in doc.names if name.kind == "person"]
        taken = 0
        for sentence in doc.sentences:
            # The persons the parse names in this sentence, then its role phrases.
            while taken < len(persons) and persons[taken].start < sentence.end:
                name = persons[taken]
                taken += 1
                titled = [role_noun(title) for title in reversed(name.titles)]
                noun = next((r[0] for r in titled if r is not None), "")
                self._add(Who("person", name.display, name.start, noun=noun), text[name.start : name.end])
            toks = _tokens(text, sentence.start, sentence.end, words)
            # A role phrase ends in a role noun: only look just before one (speed).
            ends = [k for k, tok in enumerate(toks) if role_noun(tok.text) is not None]
            candidates = sorted({i for k in ends for i in range(max(0, k - ROLE_REACH), k + 1)})
            for i in candidates:
                if i > 0 and (toks[i - 1].lower in DETERMINERS or _is_cap(toks[i - 1])):
                    continue
                phrase, j = _phrase(toks, i, text)
                if phrase is None:
                    continue
                j, other = _appositive_role(toks, j, text)
                who = _with_role(phrase, other)
                if (who.kind == "role" and (not who.bare or who.plural)) or (
                    who.kind == "person" and who.noun
                ):
                    self._add(
                        Who(
                            who.kind,
                            who.display,
                            who.pos,
                            who.noun,
                            who.words,
                            who.country,
                            who.plural,
                            who.bare,
                        )
                    )
        self.events.sort(key=lambda w: w.pos)
        self.positions = [w.pos for w in self.events]

    def _add(self, who: Who, written: str = "") -> None:
        if who.kind == "person" and " " in who.display:
            names = self.persons.setdefault(person_key(who.display), [])
            if who.display not in names:
                names.append(who.display)
                self.written[who.display] = frozenset((written or who.display).split())
        self.events.append(who)

    def fullest(self, display: str) -> str:
        """The earliest name the document gives that contains every word of ``display``
        ("Luisa Ortega" → "Maria Luisa Ortega")."""
        words = frozenset(display.split())
        for name in self.persons.get(person_key(display), []):
            if words <= self.written.get(name, frozenset()):
                return name
        return display

    def before(self, pos: int) -> list[Who]:
        return self.events[: bisect.bisect_left(self.positions, pos)]

    def full_name(self, surname: str) -> str | None:
        names = self.persons.get(person_key(surname), [])
        return names[0] if len(names) == 1 else None

    def fuller_role(self, who: Who) -> Who | None:
        """The most recent earlier mention of the same role with more to say about it."""
        for event in reversed(self.before(who.pos)):
            if event.noun != who.noun or event.plural != who.plural:
                continue
            if who.country and event.country and who.country != event.country:
                continue
            if who.words <= event.words and (
                event.words != who.words
                or event.kind == "person"
                or (event.country and not who.country)
            ):
                return event
        return None


def _person_words(doc: Document) -> Spans:
    """Where the document's parses may name a person (its persons, and lone proper nouns that
    may be one): the starts and ends of sorted spans that do not overlap."""
    spans = sorted(
        [(name.start, name.end) for name in doc.names if name.kind == "person"]
        + [span for parse in doc.parses for span in lone_names(parse, doc.source.text)]
    )
    starts: list[int] = []
    ends: list[int] = []
    for start, end in spans:
        if ends and start < ends[-1]:
            ends[-1] = max(end, ends[-1])
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


class _Resolver:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.words = _person_words(doc)
        self.spoken: list[tuple[int, Who]] = []  # resolved speakers of earlier quotes
        self.quoted: list[tuple[int, int]] = []  # (open, close) of every quotation, in order
        self.quoted_starts: list[int] = []
        self.parses = {parse.sentence_index: parse for parse in doc.parses}
        self.trees: dict[int, Tree] = {}

    def tree(self, sentence: Sentence) -> Tree | None:
        """The parse tree of a sentence (built on first use), or None when it was not parsed."""
        if sentence.index not in self.trees:
            parse = self.parses.get(sentence.index)
            if parse is None:
                return None
            self.trees[sentence.index] = Tree(parse, self.doc.source.text)
        return self.trees[sentence.index]

    def said(self, sentence: Sentence | None, lo: int, hi: int, quote: _Quote | None = None, *, after: bool = False) -> Who | None:
        """The speaker the parse of ``sentence`` gives in ``text[lo:hi]`` (see ``_said``)."""
        tree = self.tree(sentence) if sentence is not None else None
        if tree is None:
            return None
        return _said(tree, lo, hi, self.words, self._quoted, quote, after=after)

    @functools.cached_property
    def index(self) -> _Index:
        """Built on first use: a document whose quotes all name their speaker in full never
        needs it."""
        return _Index(self.doc, self.words)

    def resolve(self, who: Who | None, pos: int, window: tuple[int, int]) -> Who | None:
        """The document's fullest name for a speaker phrase read at ``pos``; pronouns look for
        people named in ``window`` (the starts of the previous and the quote's paragraph)."""
        if who is None:
            return None
        if who.kind == "pronoun":
            return self._pronoun(who, pos, window)
        if who.kind == "role":
            fuller = self.index.fuller_role(
                Who(
                    who.kind,
                    who.display,
                    pos,
                    who.noun,
                    who.words,
                    who.country,
                    who.plural,
                    who.bare,
                )
            )
            return fuller or who
        if who.kind == "person" and " " in who.display:
            fullest = self.index.fullest(who.display)
            if fullest != who.display:
                return Who("person", fullest, who.pos, who.noun, who.words, who.country)
        if who.kind == "org" and " " not in who.display and not who.country and who.display[:1].isupper():
            # A lone name the parse did not call a person ("Reyes:" at a paragraph start) is the
            # person the article gave in full with that surname, if it gave one.
            full = self.index.full_name(who.display)
            if full is not None:
                return Who("person", full, who.pos)
        if who.kind == "person" and " " not in who.display:
            full = self.index.full_name(who.display)
            if full is not None:
                return Who("person", full, who.pos, who.noun, who.words, who.country)
            if country_code(who.display) is not None or _is_place(who.display):
                return Who("org", who.display, who.pos)
        return who

    def _pronoun(self, who: Who, pos: int, window: tuple[int, int]) -> Who | None:
        """The one person "he"/"she" can mean: the only person named (outside quotations) in
        the quote's paragraph before it, else the only one in the paragraph before, else the
        last person quoted. "they" means the latest group or organisation."""
        recent = [s for p, s in self.spoken if p < pos]
        if who.plural:
            groups = [(s.pos, s) for s in recent if s.plural or s.kind == "org"]
            groups += [(e.pos, e) for e in self.index.before(pos) if e.plural]
            return max(groups, key=lambda g: g[0])[1] if groups else None
        prev_start, para_start = window
        named = [
            (e.pos, e)
            for e in self.index.before(pos)
            if e.kind == "person" and e.pos >= prev_start and not self._quoted(e.pos)
        ]
        named += [(p, s) for p, s in self.spoken if prev_start <= p < pos and s.kind == "person"]
        # A surname alone ("Ngakola told the ceremony …") names the person given in full.
        text = self.doc.source.text
        for match in SURNAME.finditer(text, prev_start, pos):
            if text.startswith(("'s", "’s"), match.end()):
                continue  # "Moyo's lawyer said …": the possessor is not who speaks
            full = self.index.full_name(match.group())
            if full is not None and not self._quoted(match.start()):
                named.append((match.start(), Who("person", full, match.start())))
        named = [(p, self._full(w)) for p, w in named]
        for lower in (para_start, prev_start):
            people = {w.display: w for p, w in sorted(named, key=lambda n: n[0]) if p >= lower}
            if len(people) > 1:
                # Of several people, the one the sentence before reports as speaking ("Smith's
                # lawyer, Ana Lima, said …" — "she" is Lima, not Smith).
                last = self._last_speaker(pos, lower)
                return people.get(last.display) if last is not None else None
            if people:
                only = next(iter(people.values()))
                spoken = [s for s in recent if s.display == only.display]
                return spoken[-1] if spoken else only
        return next((s for s in reversed(recent) if s.kind == "person"), None)

    def _last_speaker(self, pos: int, lower: int) -> Who | None:
        """The person that the sentence before the one at ``pos`` (from ``lower`` on) reports
        as speaking."""
        sentences = self.doc.sentences
        k = bisect.bisect_right([s.start for s in sentences], pos) - 1
        if k < 1 or sentences[k - 1].start < lower:
            return None
        before = sentences[k - 1]
        who = self.said(before, before.start, before.end)
        return self._full(who) if who is not None and who.kind == "person" else None

    def _full(self, who: Who) -> Who:
        """A person named by surname alone, with the full name the document gives."""
        if " " in who.display:
            return Who("person", self.index.fullest(who.display), who.pos, who.noun)
        full = self.index.full_name(who.display)
        return Who("person", full, who.pos, who.noun) if full is not None else who

    def _quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and pos < self.quoted[k][1]


# ---------------------------------------------------------------------------------------------
# The extractor


def _sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> Sentence | None:
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and sentences[k].start <= pos < sentences[k].end:
        return sentences[k]
    if k + 1 < len(sentences):
        return sentences[k + 1]
    return sentences[k] if k >= 0 else None


def _tokens(text: str, start: int, end: int, words: Spans) -> list[Token]:
    """The tokens of ``text[start:end]``, each marked when it lies in one of ``words``, the
    spans where the parse names a person."""
    starts, ends = words
    found = []
    for m in TOKEN.finditer(text, start, end):
        k = bisect.bisect_right(starts, m.start()) - 1
        found.append(Token(m.group(), m.start(), m.end(), k >= 0 and m.start() < ends[k]))
    return found


def _context(
    text: str,
    sentences: Sequence[Sentence],
    starts: Sequence[int],
    quote: _Quote,
    by_para: dict[int, list[_Quote]],
    found: dict[tuple[int, int, int, int], str],
) -> str:
    """Content words of the sentences a quotation spans, outside every quotation in them.

    Quotations of one sentence share their context, so it is read once for them (kept in
    ``found``): a sentence of n quotations no longer costs n² (issue 12, hostile 1)."""
    k = max(0, bisect.bisect_right(starts, quote.open) - 1)
    start, end = quote.open, quote.close + 1
    while k < len(sentences) and sentences[k].start <= quote.close:
        if sentences[k].end > quote.open:
            start, end = min(start, sentences[k].start), max(end, sentences[k].end)
        k += 1
    key = (quote.para, quote.last_para, start, end)
    if key not in found:
        nearby = [q for k in range(quote.para - 1, quote.last_para + 2) for q in by_para.get(k, [])]
        found[key] = _context_of(text, start, end, nearby)
    return found[key]


def _context_of(text: str, start: int, end: int, nearby: Sequence[_Quote]) -> str:
    spans = sorted(nearby, key=lambda q: q.open)
    pieces = []
    cursor = start
    for other in spans:
        if other.close < start or other.open > end:
            continue
        pieces.append(text[cursor : max(cursor, other.open)])
        cursor = max(cursor, other.close + 1)
    pieces.append(text[cursor:end])
    words: list[str] = []
    for word in CONTEXT_WORD.findall(" ".join(pieces).lower()):
        word = POSSESSIVE.sub("", word)
        if word not in STOPWORDS and word not in words:
            words.append(word)
    return " ".join(words)


def _sentence_bounds(
    text: str, sentences: Sequence[Sentence], starts: Sequence[int], pos: int, para: _Para
) -> tuple[int, int]:
    sentence = _sentence_at(sentences, starts, pos)
    if sentence is None:
        return para.start, para.end
    return max(sentence.start, para.start), min(sentence.end, para.end)


def _only_quotes(text: str, para: _Para, quotes: Sequence[_Quote]) -> bool:
    """Whether a paragraph holds nothing but quotations (and punctuation)."""
    cursor = para.start
    for quote in quotes:
        if not any(c.isalnum() for c in text[cursor : max(cursor, quote.open)]):
            cursor = max(cursor, quote.close + 1)
        else:
            return False
    return not any(c.isalnum() for c in text[cursor : para.end])


def _introduced(toks: Sequence[Token], text: str, said: Who | None) -> Who | None:
    """Who a sentence introduces: the speaker of "X said/tweeted …" in it (``said``), else a
    person or role at its start ("Smith, the mayor, visited …")."""
    found = _named_before(toks, text, said)
    if found is not None:
        return found
    who, j = _phrase(toks, 0, text)
    if who is None or who.kind not in {"person", "role"}:
        return None
    _, other = _appositive_role(toks, j, text)
    who = _with_role(who, other)
    if who.kind == "role" and who.bare:
        return None
    if who.kind == "person" and " " not in who.display and not who.noun:
        return None  # one capitalised word at the start of a sentence need not be a name
    return who


def extract(doc: Document, *, settings: Settings) -> Iterator[Mention]:
    """Quotations of a document with their normalized speakers, in text order."""
    text = doc.source.text
    sentences = doc.sentences
    if not sentences:
        return
    regions = doc.source.regions or (Region(0, len(text), Role.BODY),)
    paras = _paragraphs(text, regions)
    quotes = [
        q for q in _find_quotes(text, paras) if not _is_title_or_nickname(text, q, paras[q.para])
    ]
    starts = [s.start for s in sentences]
    resolver = _Resolver(doc)
    resolver.quoted = [(q.open, q.close) for q in quotes]
    resolver.quoted_starts = [q.open for q in quotes]
    by_para: dict[int, list[_Quote]] = {}
    by_last: dict[int, list[_Quote]] = {}
    for quote in quotes:
        by_para.setdefault(quote.para, []).append(quote)
        by_last.setdefault(quote.last_para, []).append(quote)
    speakers: dict[int, Who | None] = {}
    contexts: dict[tuple[int, int, int, int], str] = {}
    in_turn = {para: _in_turn(found) for para, found in by_para.items()}
    for n, quote in enumerate(quotes):
        who = _speaker(
            text, paras, quotes, n, sentences, starts, resolver, speakers, by_para, by_last, in_turn
        )
        speakers[quote.open] = who
        if who is not None:
            resolver.spoken.append((quote.open, who))
        sentence = _sentence_at(sentences, starts, quote.start)
        if sentence is None or not eligible(sentence, settings):
            continue
        value = normalize_quote(text[quote.start : quote.end])
        if not value:
            continue
        yield Mention(
            kind=Kind.QUOTE,
            value=value,
            text=text[quote.start : quote.end],
            start=quote.start,
            end=quote.end,
            source_id=doc.source.id,
            sentence_index=sentence.index,
            speaker=who.display if who is not None else None,
            context=_context(text, sentences, starts, quote, by_para, contexts),
            fragment=len(value.split()) <= 2,
        )


def _in_turn(quotes: Sequence[_Quote]) -> bool:
    """Whether quotations follow one another without nesting: each closes before the next opens."""
    return all(a.close < b.open for a, b in itertools.pairwise(quotes))


def _first(quotes: Sequence[_Quote], past: Callable[[_Quote], bool]) -> int:
    """The index of the first quotation that is ``past`` a point, by binary search (quotations
    in turn are ordered by both their opening and closing marks)."""
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if past(quotes[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _speaker(
    text: str,
    paras: Sequence[_Para],
    quotes: Sequence[_Quote],
    n: int,
    sentences: Sequence[Sentence],
    starts: Sequence[int],
    resolver: _Resolver,
    speakers: dict[int, Who | None],
    by_para: dict[int, list[_Quote]],
    by_last: dict[int, list[_Quote]],
    in_turn: dict[int, bool],
) -> Who | None:
    quote = quotes[n]
    para = paras[quote.para]
    last_para = paras[quote.last_para]
    same_para = by_para[quote.para]
    later = by_para.get(quote.last_para, [])
    if in_turn.get(quote.para) and in_turn.get(quote.last_para):
        # Only the last quotation before and the first after are read: found by binary search,
        # not by a pass over the paragraph per quotation (issue 12, hostile 1).
        k = _first(same_para, lambda q: q.close >= quote.open)
        previous: Sequence[_Quote] = same_para[k - 1 : k]
        j = _first(later, lambda q: q.open > quote.close)
        following: Sequence[_Quote] = later[j : j + 1]
    else:
        previous = [q for q in same_para if q.close < quote.open]
        following = [q for q in later if q.open > quote.close]
    # After the closing mark, up to the next quotation of the paragraph.
    limit = following[0].open if following else last_para.end
    after = _tokens(text, quote.close + 1, limit, resolver.words)
    _, sentence_end = _sentence_bounds(text, sentences, starts, quote.close, last_para)
    # Before the opening mark, from the start of its sentence or the previous quotation.
    sentence_start, _ = _sentence_bounds(text, sentences, starts, quote.open, para)
    if sentence_start > quote.open:
        sentence_start = para.start
    lower = max([sentence_start] + [q.close + 1 for q in previous if q.close < quote.open])
    before = _tokens(text, lower, quote.open, resolver.words)
    closing = _sentence_at(sentences, starts, quote.close)
    opening = _sentence_at(sentences, starts, quote.open)
    post = resolver.said(closing, quote.close + 1, min(limit, sentence_end), quote, after=True)
    post = post or _named_after(after, text)
    pre = _named_before(before, text, resolver.said(opening, lower, quote.open, quote))
    inner = text[quote.start : quote.end].rstrip()
    ends_sentence = inner.endswith(".") and not (after and after[0].text in {",", "—", "–"})
    if post is not None and pre is not None and ends_sentence:
        chosen: Who | None = pre
    else:
        chosen = post or pre
    window = (paras[max(0, quote.para - 1)].start, para.start)
    if chosen is not None:
        return resolver.resolve(chosen, quote.open, window)
    if previous:
        return speakers.get(previous[-1].open)
    if quote.para > 0 and _only_quotes(text, para, same_para):
        prior = paras[quote.para - 1]
        if prior.region != para.region:
            return None
        earlier = by_last.get(quote.para - 1, [])
        last_start, _ = _sentence_bounds(
            text, sentences, starts, max(prior.start, prior.end - 1), prior
        )
        if earlier and earlier[-1].close >= last_start - 1:
            return speakers.get(earlier[-1].open)
        last_start = max([last_start] + [q.close + 1 for q in earlier if q.close < prior.end])
        intro = _introduced(
            _tokens(text, last_start, prior.end, resolver.words),
            text,
            resolver.said(_sentence_at(sentences, starts, last_start), last_start, prior.end),
        )
        if intro is not None:
            return resolver.resolve(intro, quote.open, window)
    return None
