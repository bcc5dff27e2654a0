"""News-grade sentence splitter: text → sentence spans with code-point offsets.

The splitter never rewrites the text (no placeholder glyphs, unlike pySBD's ``Processor``): it
only decides where sentences start, so every span is a slice of the input and offsets stay
honest. It makes one pass, and every decision looks at a few characters on either side, so the
time is linear in the length of the text.

**Line breaks** are decided first, per block of non-blank lines:

1. A blank line, a form feed or a paragraph separator always ends a sentence.
2. A bullet line (``•``, ``-``, ``*``, ``1.``, ``a)``…) always starts a new sentence; so does a
   ``•`` in the middle of a line (menus such as ``Home • World``).
3. Any other single line break ends a sentence, unless the line is *wrapped*:

   a. the line does not end in sentence punctuation, and the next line starts in lower case,
      or the line ends in something that cannot end a sentence (``,`` ``;`` ``:`` ``(`` an
      opening quote, a dash or hyphen, a title such as ``Dr.``), or a bracket or a quotation
      opened since the last sentence break is still open; or the line ends in an abbreviation
      (``U.S.``) and the next line starts in lower case; or
   b. the whole block is hard-wrapped: at least one of its breaks is wrapped by (a), and all its
      lines but the last have about the same width (the shortest is at least 60% of the
      longest, the longest at most 120 characters). Then each of its line breaks is read as a
      space and only punctuation ends sentences (``…from Qatar and⏎Egypt, took…`` is one).

   So a headline (a line with no final punctuation) is a sentence of its own.

**Punctuation.** Each run of ``. ! ? …`` followed by closing quotes or brackets is a candidate.
It ends a sentence when the next word could start one:

* never inside a URL or an e-mail address, a dateline (``ST. LOUIS (AP) —``, the dateline stays
  with the first sentence) or a bullet marker (``1.``);
* never before a lower-case word (``"Why now?" she asked``), except a brand such as ``eBay``;
* ``?`` and ``!`` end a sentence, unless a quotation closes and an attribution follows
  (``"Where do we go?" Rahima Begum asked``);
* an ellipsis ends one before a common sentence starter (``He paused... Then``), after a
  closing quote, or when it has a fourth dot (``....``);
* a full stop followed by a closing quote or bracket ends one (``"reckless." Critics``);
* after an abbreviation it depends on its class: titles (``Dr.``, ``Gen.``) and ``e.g.``,
  ``vs.`` never end a sentence; ``a.m.``/``p.m.`` end one unless a day, month or time zone
  follows; ``etc.`` ends one before any capital; a state after its city (``Paradise, Calif.``)
  ends one before any capital, since AP style puts a comma after it mid-sentence; ``U.S.``,
  ``Inc.``, ``Jan.``, dotted forms (``D.C.``) and initials (``John F. Kennedy``) end one only
  before a common sentence starter (``The``, ``It``, ``But``…) or an opening quote (not a
  bracket: ``Acme Inc. (ACME)``); before a number no abbreviation ends a sentence (``No. 5``);
* with no space after it (``overnight.Emergency``, ``said."There``) a full stop ends a sentence when
  a capitalised word or an opening quote follows and the word before is an ordinary word.

Straight double quotes are told apart by parity within the paragraph: in ``said."There`` the
quote opens the next sentence when the quotes before it are balanced, and closes this one when
one is open. A quote's closing mark always belongs to the sentence before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum
from itertools import pairwise

from claimcheck import lang
from claimcheck.model import Region, Role, Sentence, Source, Span

# --- regular expressions -----------------------------------------------------------------------

# Lines are read with str.splitlines(), which breaks at these ("\r\n" counts once).
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Breaks that end a paragraph even without a blank line.
_PARAGRAPH_BREAKS = frozenset("\f\x1c\x1d\x1e\u2029")

# A run of sentence punctuation . ! ? … ‽, spaced ellipses included. (Written so that the
# engine can scan for its first character quickly: about 7x faster than an alternation.)
# Matches: ". . ." in "going to . . .", "?!" in "believe it?!"; must not match anything in
# "The verdict: guilty, she said" (colons and commas never end a sentence).
_TERMINATOR = re.compile(r"[.!?…‽](?:[.!?…‽]|[ \u00a0](?=\.))*")

# A bullet marker at the start of a line (followed by a space, except for the round ones).
# Matches: "•" in "• Schools will close", "1." in "1. Raise the wage", "a)" in "a) Fund it";
# must not match: "2021." in "2021. The", "-5" in "-5 degrees".
_BULLET = re.compile(
    r"[•◦▪▫‣●○■□►▸·]|[-*–—+](?=\s)|\(?(?:\d{1,2}|[A-Za-z])\)(?=\s)|\d{1,2}\.(?=\s)"
)

# A round bullet in the middle of a line starts a sentence (site menus, key-point lists); the
# regex only runs when str.find() has seen one of these marks.
# Matches: " •" in "Home • World"; must not match: "-" in "Home - World", "•" in "Home•World".
_INLINE_BULLETS = "•◦▪‣●■►▸"
_INLINE_BULLET = re.compile(r"\s[•◦▪‣●■►▸]")

# A news dateline at the start of a paragraph: PLACE[, Region][, Mon. D][ (Agency)] DASH.
# Matches: "LONDON, March 3 (Reuters) -", "ST. LOUIS (AP) —", "GRANTS PASS, Ore. (AP) —";
# must not match: "The U.S. — and its allies" (not in capitals).
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]*){0,4}"
    r"(?:,[ \u00a0][A-Z][A-Za-z'’.\-]*(?:[ \u00a0][A-Z][A-Za-z'’.\-]*){0,3}){0,2}"
    rf"(?:,?[ \u00a0](?:{lang.alternation(m[:3].title() for m in lang.month_names())})[a-z]{{0,6}}\.?"
    r"[ \u00a0]\d{1,2})?"
    r"(?:[ \u00a0]?\([A-Za-z][\w .&/'’\-]{0,30}\))?"
    r"[ \u00a0]*[-–—]{1,2}(?=\s)"
)

# A URL, from its scheme or "www." to the next space or quote (trailing punctuation trimmed).
# Only tried where str.find() saw "://" or "www": scanning every position is slow.
# Matches: "https://elections.example.org/results?county=Marin"; must not match: "Ticketline.com".
_URL = re.compile(r"(?i:https?://|ftp://|www\d{0,3}\.)[^\s<>\"“”‘’«»]+")

# An attribution after a quoted question or exclamation: capitalised words, then a speech verb.
# Matches: "Rahima Begum asked", "Finance Minister Olga Berg asked"; must not match:
# "The candidate waved" (no speech verb).
_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w'’\-]*\.?,?\s+){1,5}"
    r"(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|shouted|yelled|screamed|"
    r"replied|recalled|insisted|continued|explained|declared|warned|tweeted|posted|cried|"
    r"exclaimed|whispered|pleaded|joked|conceded|admitted|noted|argued|demanded|wondered)\b"
)

# A brand that starts in lower case but is a name, so it can start a sentence.
# Matches: "eBay", "iPhone"; must not match: "the".
_BRAND = re.compile(r"[a-z]{1,3}[A-Z][A-Za-z]*")

# The token before a full stop, read backwards: letters, digits, dots and apostrophes.
# Matches: "S.U" in "S.U eht" ("the U.S" reversed); must not match: the "(" of "(AP".
_TOKEN_REVERSED = re.compile(r"(?:[^\W_]|[.'’])+")

# A run of letters (any script): the word after a candidate break.
# Matches: "Then" in "Then he left"; must not match: "2,000".
_WORD = re.compile(r"[^\W\d_]+")

# An abbreviation written with inner dots: "U.S", "Ph.D", "N.Y" (the final dot is the candidate).
# Matches: "D.C"; must not match: "Islandferries.com" (pieces longer than three letters).
_DOTTED = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")

# --- character classes ----------------------------------------------------------------------------

_TERMINALS = frozenset(".!?…‽")
# Marks that close a quotation or a bracket; straight quotes are decided by context.
_CLOSERS = frozenset("”’»›)]}")
_OPENERS = frozenset("“‘«‹([{\"'")
# What may follow a straight quote that closes: `."` then a space, a comma, a dash…
_AFTER_CLOSING = frozenset(",;:.!?-–—”’»›)]}\"'")
# A line ending in one of these cannot end a sentence: the next line continues it.
_LINE_JOINERS = frozenset(",;:([{“‘«‹-–—‐‑/&+")
# Symbols that start a number: "$5 million was…"
_NUMBER_SIGNS = frozenset("$£€¥#")

# --- abbreviations --------------------------------------------------------------------------------


class _Abbr(IntEnum):
    """How an abbreviation before a full stop behaves."""

    PLAIN = 0  # an ordinary word: the full stop ends the sentence
    TITLE = 1  # never ends a sentence: "Dr. Osei", "Gen. Okafor"
    CONTINUES = 2  # never ends a sentence: "e.g. the", "Okafor v. Delta"
    AMBIGUOUS = 3  # ends one before a sentence starter only: "U.S. The", not "U.S. Army"
    INITIAL = 4  # a single letter: as AMBIGUOUS, but an opening quote does not end it
    TIME = 5  # "a.m."/"p.m.": ends one unless a day, month or time zone follows
    ETC = 6  # "etc.": ends one before any capitalised word
    NUMBERED = 7  # "No. 5", "Vol. 2": kept with a number, otherwise an ordinary word
    STATE = 8  # "Calif.": after "City, " ends one before any capital, else AMBIGUOUS


def _table(kind: _Abbr, words: str) -> dict[str, _Abbr]:
    return {word: kind for word in words.split()}


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Lists follow AP style and common news usage; the dotted ones ("U.S.") need no entry.
_ABBREVIATIONS: dict[str, _Abbr] = {
    **_table(
        _Abbr.TITLE,
        "Mr Mrs Ms Mx Messrs Mmes Mme Mlle Dr Drs Prof Profs Gen Gens Lt Col Maj Capt Cmdr Cdr "
        "Adm Brig Sgt Cpl Pvt Spc Ens Sen Sens Rep Reps Gov Govs Pres Supt Insp Det Atty Amb "
        "Hon Rt Rev Revd Fr Msgr Asst Ald",
    ),
    **_table(_Abbr.CONTINUES, "e.g i.e vs v cf viz approx incl esp"),
    **_table(
        _Abbr.AMBIGUOUS,
        # months and days ("Jan", "Sept", "Tues"…)
        " ".join(w.title() for w in lang.month_abbreviations() + lang.weekday_abbreviations())
        + " "
        # companies and bodies
        "Inc Corp Ltd Co Cos Bros Plc Pty Assn Dept Univ Intl Natl Govt "
        # places and suffixes ("Del." is also a title: Del. Eleanor Norton)
        "St Ste Ave Blvd Rd Mt Ft Sq Hwy Rte Jr Sr Esq Ret al Sec Del",
    ),
    # U.S. states as AP style abbreviates them, and Canadian provinces.
    **_table(
        _Abbr.STATE,
        "Ala Ariz Ark Calif Cal Colo Conn Fla Ga Ida Ill Ind Kan Kans Ky La Md Mass Mich Minn "
        "Miss Mo Mont Neb Nebr Nev Okla Ore Oreg Pa Penn Tenn Tex Vt Va Wash Wis Wisc Wyo Ont "
        "Que Alta Sask",
    ),
    **_table(_Abbr.TIME, "a.m p.m A.M P.M"),
    **_table(_Abbr.ETC, "etc"),
    **_table(
        _Abbr.NUMBERED,
        "No Nos Vol Vols Fig Figs Art Ch Para Pt pp p ca Ep Nr ft in yd mi lb lbs oz hr hrs min "
        "mins sec secs sq cu",
    ),
}

# Words that commonly start a sentence and rarely continue a name after "U.S." or "Inc.".
_STARTERS = _words(
    """A An The This That These Those It Its He She They We I You His Her Their Our My Your
    There Here But And Or So Yet Still However Meanwhile Also Instead Nevertheless Nonetheless
    Moreover Furthermore Indeed Besides Otherwise Thus Hence Therefore In On At For From By With
    Without After Before During Since Until Under Over Among Between Despite Through Throughout
    Within Across Against Amid Around Toward Towards Unlike Like Beyond When While Where What
    Why How Who Whom Whose Which Whether If As Although Though Because Once Unless Some Many Most
    Several Both Each Every All Few None Neither Either Other Others Another Such Much More Less
    No Not Nor Never Last Next Earlier Later Now Then Today Tonight Yesterday Tomorrow Recently
    Previously Currently Already According Asked Even Just Only Perhaps Maybe Overall Finally
    First Second Third Separately Elsewhere Additionally Similarly Likewise Ultimately Eventually
    Initially"""
)

# What may follow "a.m."/"p.m." inside the same sentence: "8 p.m. Friday", "9 a.m. ET".
_TIME_FOLLOWERS = frozenset(
    w.title() for name in ("weekdays", "months") for row in lang.rows(name) for w in row
) | _words(
    """ET EST EDT CT CST CDT MT MST MDT
    PT PST PDT AKST AKDT HST GMT UTC BST CET CEST EET EEST WET WEST IST JST KST HKT SGT AEST
    AEDT ACST AWST NZST NZDT MSK WIB Eastern Central Mountain Pacific Atlantic Greenwich Local
    Z"""
)

_WORD_BEFORE_LIMIT = 40  # longest token looked at before a full stop
_CLOSERS_LIMIT = 8  # most closing marks taken after a full stop: `.'"”)`
_WRAP_MAX_WIDTH = 120  # a hard-wrapped block has lines no longer than this…
_WRAP_MIN_RATIO = 0.6  # …and none (but the last) shorter than this share of the longest


def _abbreviation(word: str) -> _Abbr:
    """Classify the token before a full stop ("U.S" for "U.S.")."""
    if not word:
        return _Abbr.PLAIN
    kind = _ABBREVIATIONS.get(word)
    if kind is not None:
        return kind
    if len(word) == 1:
        return _Abbr.INITIAL if word.isalpha() else _Abbr.PLAIN
    if word.isupper() and word.isalpha():
        # Capitals in headlines and datelines: "ST. LOUIS", "GOV. MARQUEZ".
        kind = _ABBREVIATIONS.get(word.capitalize())
        if kind is not None:
            return kind
    if _DOTTED.fullmatch(word):
        return _Abbr.AMBIGUOUS
    return _Abbr.PLAIN


def _token_start(text: str, pos: int, floor: int) -> int:
    """Where the token that ends at ``pos`` starts: letters, digits, dots and apostrophes."""
    lowest = max(floor, pos - _WORD_BEFORE_LIMIT)
    m = _TOKEN_REVERSED.match(text[lowest:pos][::-1])
    return pos - (m.end() if m is not None else 0)


def _is_long_lower_word(text: str, pos: int, floor: int) -> bool:
    """Do at least seven lower-case letters end at ``pos``? No abbreviation is that long, so
    such a word is plain (a cheap test that spares most look-ups)."""
    if pos - 7 < floor:
        return False
    tail = text[pos - 7 : pos]
    return tail.isalpha() and tail.islower()


def _word_before(text: str, pos: int, floor: int) -> str:
    """The token that ends at ``pos`` ("U.S" before the last dot of "U.S."), quotes trimmed."""
    return text[_token_start(text, pos, floor) : pos].strip(".'’")


def _after_comma(text: str, pos: int, floor: int) -> bool:
    """Does the token ending at ``pos`` follow ", ", as a state follows its city?"""
    k = _token_start(text, pos, floor)
    return k - 2 >= floor and text[k - 2 : k] == ", "


def _is_starter(text: str, pos: int, end: int) -> bool:
    """Is the word at ``pos`` a common sentence starter (and not an initial such as "A.")?"""
    m = _WORD.match(text, pos, end)
    if m is None or m.group() not in _STARTERS:
        return False
    return m.end() >= end or text[m.end()] != "."


def _word_at(text: str, pos: int, end: int) -> str:
    m = _WORD.match(text, pos, end)
    return m.group() if m is not None else ""


# --- line breaks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank line of a block of several: ``text[start:end]`` without outer white space."""

    start: int
    end: int
    content: str
    bullet: bool
    terminal: bool  # ends in sentence punctuation (not a title such as "Dr.")
    joiner: bool  # ends in something that cannot end a sentence
    abbreviated: bool  # ends in an abbreviation such as "U.S.": a lower-case line continues it

    @classmethod
    def read(cls, text: str, start: int, end: int) -> _Line:
        content = text[start:end]
        last = content[-1]
        kind = _Abbr.PLAIN
        if last == ".":
            kind = _abbreviation(_word_before(content, len(content) - 1, 0))
        continues = kind is _Abbr.TITLE or kind is _Abbr.CONTINUES
        return cls(
            start,
            end,
            content,
            _BULLET.match(content) is not None,
            _line_is_terminal(content) and not continues,
            last in _LINE_JOINERS or continues,
            kind is not _Abbr.PLAIN,
        )


def _line_is_terminal(content: str) -> bool:
    k = len(content)
    while k > 0 and (content[k - 1] in _CLOSERS or content[k - 1] in "\"'"):
        k -= 1
    return k > 0 and content[k - 1] in _TERMINALS


def _block_chunks(text: str, bounds: list[tuple[int, int]], out: list[tuple[int, int]]) -> None:
    """Split a block of consecutive non-blank lines at the line breaks that end sentences."""
    if len(bounds) == 1:
        out.append(bounds[0])
        return
    block = [_Line.read(text, s, e) for s, e in bounds]
    # Rule 3a, line by line; brackets and quotes opened since the last hard break carry over.
    wrapped: list[bool] = []
    parens = curly = straight = 0
    for line, following in pairwise(block):
        content = line.content
        parens += content.count("(") - content.count(")")
        curly += content.count("“") - content.count("”")
        straight += content.count('"')
        lower = following.content[0].islower()
        soft = not following.bullet and (
            (
                not line.terminal
                and (lower or line.joiner or parens > 0 or curly > 0 or straight % 2 == 1)
            )
            or (line.abbreviated and lower)
        )
        if not soft:
            parens = curly = straight = 0
        wrapped.append(soft)
    # Rule 3b: a hard-wrapped block reads every break as a space (bullets still start lines).
    if any(wrapped):
        widths = [len(line.content) for line in block[:-1]]
        widest = max(widths)
        if widest <= _WRAP_MAX_WIDTH and min(widths) >= _WRAP_MIN_RATIO * widest:
            wrapped = [not following.bullet for following in block[1:]]
    start = block[0].start
    for i, soft in enumerate(wrapped):
        if not soft:
            out.append((start, block[i].end))
            start = block[i + 1].start
    out.append((start, block[-1].end))


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` between line breaks that end sentences."""
    out: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []  # (start, end) of each non-blank line, white space trimmed
    pos = start
    for piece in text[start:end].splitlines(keepends=True):
        size = len(piece)
        last = piece[-1]
        if last in _LINE_BREAKS:
            raw = piece[:-2] if piece.endswith("\r\n") else piece[:-1]
        else:
            raw = piece
        content = raw.strip()
        if content:
            first = pos + len(raw) - len(raw.lstrip())
            block.append((first, first + len(content)))
        if (not content or last in _PARAGRAPH_BREAKS) and block:
            _block_chunks(text, block, out)
            block = []
        pos += size
    if block:
        _block_chunks(text, block, out)
    return out


# --- protected stretches ------------------------------------------------------------------------


def _email_bounds(text: str, at: int, start: int, end: int) -> tuple[int, int] | None:
    """The e-mail address around the "@" at ``at``, if there is one."""
    left = at
    while (
        left > start and left > at - 64 and (text[left - 1].isalnum() or text[left - 1] in "._%+-")
    ):
        left -= 1
    right = at + 1
    while right < end and right < at + 254 and (text[right].isalnum() or text[right] in ".-"):
        right += 1
    while right > at + 1 and text[right - 1] in ".-":
        right -= 1
    if left == at or "." not in text[at + 1 : right]:
        return None
    return left, right


def _url_end(text: str, begin: int, end: int) -> int:
    """Where the URL starting at ``begin`` ends (0 if none), trailing punctuation left out."""
    m = _URL.match(text, begin, end)
    if m is None:
        return 0
    right = m.end()
    while right > begin and text[right - 1] in ".,;:!?'’\"”)]}":
        if text[right - 1] == ")" and text.count("(", begin, right) > text.count(
            ")", begin, right - 1
        ):
            break  # a balanced bracket inside the URL: ".../Storm_(2024)"
        right -= 1
    return right


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """URLs and e-mail addresses in ``text[start:end]``: no sentence ends inside them."""
    found: list[tuple[int, int]] = []
    for hint in ("://", "www", "WWW"):
        at = text.find(hint, start, end)
        while at != -1:
            begin = at
            if hint == "://":  # back to the scheme: "https"
                while begin > start and begin > at - 6 and text[begin - 1].isalpha():
                    begin -= 1
            elif begin > start and (text[begin - 1].isalnum() or text[begin - 1] in "./"):
                begin = -1  # "www" inside a word or a URL already found
            right = _url_end(text, begin, end) if begin >= 0 else 0
            if right:
                found.append((begin, right))
                at = text.find(hint, right, end)
            else:
                at = text.find(hint, at + 1, end)
    at = text.find("@", start, end)
    while at != -1:
        bounds = _email_bounds(text, at, start, end)
        if bounds is not None:
            found.append(bounds)
        at = text.find("@", at + 1, end)
    found.sort()
    return found


# --- punctuation --------------------------------------------------------------------------------


def _next_token(text: str, pos: int, end: int) -> tuple[str, int]:
    """What starts at ``pos``: "lower", "upper", "digit", "open" (quote or bracket, then a
    capital or digit) or "other"; and where its word starts."""
    c = text[pos]
    if c in _OPENERS:
        k = pos + 1
        while k < end and k < pos + 4 and text[k] in _OPENERS:
            k += 1
        if k < end and (text[k].isdigit() or (text[k].isalpha() and not text[k].islower())):
            return "open", k
        return "other", k
    if c.isalpha():
        if not c.islower() or _BRAND.match(text, pos, end) is not None:
            return "upper", pos
        return "lower", pos
    if c.isdigit() or c in _NUMBER_SIGNS:
        return "digit", pos
    return "other", pos


def _is_ellipsis(punct: str) -> bool:
    return "…" in punct or punct.count(".") >= 3


def _ends_before_space(
    text: str, start: int, ps: int, pe: int, closed: bool, nx: int, end: int
) -> bool:
    """Does the punctuation ``text[ps:pe]`` (then closing marks if ``closed``, then white
    space) end a sentence, given that the next one would start at ``nx``?"""
    kind, word = _next_token(text, nx, end)
    if kind == "lower" or kind == "other":
        return False
    punct = text[ps:pe]
    if "?" in punct or "!" in punct or "‽" in punct:
        attributed = (
            closed
            and kind == "upper"
            and not _is_starter(text, word, end)
            and _ATTRIBUTION.match(text, word, end) is not None
        )
        return not attributed
    if _is_ellipsis(punct):
        dots = punct.count(".") + 3 * punct.count("…")
        if dots >= 4 or closed or kind == "open":
            return True
        return kind == "upper" and _is_starter(text, word, end)
    if closed or _is_long_lower_word(text, ps, start):
        return True  # `"overwhelming." The jury`, `(Reyes abstained.) The plan`, `evacuated. The`
    abbr = _abbreviation(_word_before(text, ps, start))
    if abbr is _Abbr.PLAIN:
        return True
    if kind == "digit" or abbr is _Abbr.TITLE or abbr is _Abbr.CONTINUES:
        return False  # "No. 12", "Jan. 9", "Dr. Osei", "Okafor v. Delta"
    if abbr is _Abbr.ETC or abbr is _Abbr.NUMBERED:
        return True
    if abbr is _Abbr.TIME:
        if kind == "open":  # `at 9 a.m. “We made it”` starts a sentence; `7:30 a.m. (0630 GMT)` does not
            return text[nx] not in "([{"
        return _word_at(text, word, end) not in _TIME_FOLLOWERS
    if abbr is _Abbr.STATE and _after_comma(text, ps, start):
        # AP style sets a state off with commas mid-sentence ("Paradise, Calif., officials
        # said"), so "Paradise, Calif. Officials" starts a new sentence.
        return True
    if kind == "open":
        # `the U.S. “We made…` starts a sentence; `Acme Inc. (ACME)` and `J. “Jimmy” Carter`
        # do not.
        return abbr is not _Abbr.INITIAL and text[nx] not in "([{"
    return _is_starter(text, word, end)


def _ends_glued(text: str, start: int, ps: int, pe: int, closed: bool, at: int, end: int) -> bool:
    """Does the punctuation ``text[ps:pe]`` end a sentence although no space follows it and
    the next character (at ``at``) is not a closing mark?"""
    c = text[at]
    punct = text[ps:pe]
    question = "?" in punct or "!" in punct or "‽" in punct
    if c in _OPENERS:
        # `said."There`, `said.“After`: an opening quote right after the stop.
        if at + 1 >= end or not text[at + 1].isupper() or c in "([{":
            return False
        if question or closed:
            return True
        abbr = _abbreviation(_word_before(text, ps, start))
        return abbr is not _Abbr.TITLE and abbr is not _Abbr.CONTINUES and abbr is not _Abbr.INITIAL
    if not (c.isupper() and at + 1 < end and text[at + 1].islower()):
        return False
    if question or closed:
        return True
    if _is_ellipsis(punct):
        return _is_starter(text, at, end)
    word = _word_before(text, ps, start)
    return (
        len(word) >= 2
        and "." not in word
        and (word[-1].islower() or word[-1].isdigit())
        and _abbreviation(word) is _Abbr.PLAIN
    )


def _punctuation_cuts(
    text: str, start: int, end: int, protected: list[tuple[int, int]], shield: int
) -> tuple[list[int], int]:
    """Positions in the chunk ``text[start:end]`` where a new sentence starts.

    ``protected`` lists the URLs and e-mail addresses of the whole text, sorted, and
    ``protected[shield:]`` are those not yet passed; the new value of ``shield`` is returned.
    """
    cuts = [start]
    guard = start  # no sentence ends before this: a dateline or a bullet marker
    first = text[start]
    if not first.islower():  # datelines and bullet markers never start in lower case
        lead = _DATELINE.match(text, start, end) or _BULLET.match(text, start, end)
        if lead is not None:
            guard = lead.end()
    quotes = 0  # straight double quotes seen before ``counted``
    counted = start
    for m in _TERMINATOR.finditer(text, start, end):
        ps, pe = m.span()
        if ps < guard:
            continue
        if protected:
            while shield < len(protected) and protected[shield][1] <= ps:
                shield += 1
            if shield < len(protected) and protected[shield][0] <= ps:
                continue
        # Take the closing quotes and brackets: they belong to this sentence.
        j = pe
        limit = min(end, pe + _CLOSERS_LIMIT)
        while j < limit:
            c = text[j]
            if c in _CLOSERS:
                j += 1
                continue
            if c == '"' or c == "'":
                after = text[j + 1] if j + 1 < end else " "
                if after.isspace() or after in _AFTER_CLOSING:
                    j += 1
                    continue
                if c == '"':
                    quotes += text.count('"', counted, j)
                    counted = j
                    if quotes % 2 == 1:  # a quotation is open: this mark closes it
                        j += 1
                        continue
            break
        if j >= end:
            continue
        closed = j > pe
        if text[j].isspace():
            nx = j + 1
            while nx < end and text[nx].isspace():
                nx += 1
            if nx < end and _ends_before_space(text, start, ps, pe, closed, nx, end):
                cuts.append(j)
        elif _ends_glued(text, start, ps, pe, closed, j, end):
            cuts.append(j)
    return cuts, shield


def _sentence_bounds(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence of ``text[start:end]``, white space trimmed."""
    protected = _protected(text, start, end)
    shield = 0
    bullets: list[int] = []
    for mark in _INLINE_BULLETS:
        if text.find(mark, start, end) >= 0:
            bullets = [m.start() + 1 for m in _INLINE_BULLET.finditer(text, start, end)]
            break
    bullet = 0
    for chunk_start, chunk_end in _chunks(text, start, end):
        cuts, shield = _punctuation_cuts(text, chunk_start, chunk_end, protected, shield)
        if bullet < len(bullets) and bullets[bullet] < chunk_end:
            while bullet < len(bullets) and bullets[bullet] < chunk_end:
                if bullets[bullet] > chunk_start:
                    cuts.append(bullets[bullet])
                bullet += 1
            cuts.sort()
        cuts.append(chunk_end)
        for left, right in pairwise(cuts):
            while left < right and text[left].isspace():
                left += 1
            while right > left and text[right - 1].isspace():
                right -= 1
            if left < right:
                yield left, right


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; each span is ``text[start:end]`` with no outer white space.

    Spans are in order and do not overlap, and every non-space character is in exactly one.
    """
    return [Span(s, e, text[s:e]) for s, e in _sentence_bounds(text, 0, len(text))]


def segment(source: Source) -> tuple[Sentence, ...]:
    """Split each region of ``source`` into sentences, numbered 0.. across the whole source.

    A source with no regions is read as one BODY region; sentences never cross regions.
    """
    text = source.text
    regions = source.regions or (Region(0, len(text), Role.BODY),)
    out: list[Sentence] = []
    for region in regions:
        lo = min(max(region.start, 0), len(text))
        hi = min(max(region.end, lo), len(text))
        for s, e in _sentence_bounds(text, lo, hi):
            out.append(Sentence(source.id, len(out), s, e, text[s:e], region.role))
    return tuple(out)
