"""Cleaning: give every line of an article a role, and find its title and publication date.

Cleaning never deletes a character. It returns ``Region``s that tile the text line by line
(consecutive lines of one role merged, blank lines joined to the line above them), each with a
``Role``: TITLE, BODY, CAPTION or FURNITURE. Rules are general patterns, applied in this order:

1. Line rules (``LINE_RULES``, first match wins): page furniture (share/subscribe prompts,
   menu residue, bylines, date/time/read-time meta lines, image placeholders, publisher
   self-descriptions, syndication and credit lines) and photo captions/credits.
   The headlines listed under a "Related" or "More on this story" heading are FURNITURE too.
2. Repeats: the second copy of a line printed twice is FURNITURE.
3. Captions: the line directly above a short credit line ("Jane Doe | AP") is its CAPTION.
4. Blocks: short lines (a lone section name, an outlet name) inside a block of furniture
   above the first or below the last real paragraph are FURNITURE too.
5. Title: the first remaining line, when it reads as a headline (3 to 20 words, no final
   period, not a dateline or byline), or the line equal to a title known from metadata;
   anything left above it (a kicker, a section label) is FURNITURE.
6. Credits: below the title and above the first paragraph, a short line touching a byline or
   date line ("Staff and wires (with AFP)" over "Tuesday, 11 March 2025") is FURNITURE.

The publication date is read from a furniture (byline/meta) line among the first ten
non-blank lines; see ``find_published``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck import lang
from claimcheck.model import Region, Role

# --- dates -------------------------------------------------------------------------------

# Month and weekday names and abbreviations (matched ignoring case): "jan", "January", "tues".
_MONTH = rf"(?:{lang.alternation(lang.months())})"
_WEEKDAY = rf"(?:{lang.alternation(w for row in lang.rows('weekdays') for w in row)})"
_MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(lang.month_names(), 1)}

# Year first, as in ISO 8601 and HTML metadata.
# Matches: "2022-01-10", "2021-12-28T07:19:00+01:00". Not: "28-12-2021".
_ISO_DATE = re.compile(
    r"(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d:])"
)

# Day, month and year as numbers with one separator; which comes first is decided by
# _numeric_date. Matches: "28-12-2021", "10.01.2022", "12/28/2021". Not: "2021-12-28", "1.5.21".
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?!\d)")

# Day before month name. Matches: "Monday, 10 January 2022", "3rd of May 2021".
# Not: "10 January" (no year).
_DMY_DATE = re.compile(
    rf"\b(?:{_WEEKDAY}\.?,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+"
    r"(\d{4})\b",
    re.IGNORECASE,
)

# Month name before day. Matches: "Dec. 23, 2021", "Tuesday, June 15, 2021", "Dec 3 2021".
# Not: "December 2021" (no day).
_MDY_DATE = re.compile(
    rf"\b(?:{_WEEKDAY}\.?,?\s+)?({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
    re.IGNORECASE,
)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    # Why: "31.02.2022" or a phone number shaped like a date must not become a date.
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric_date(first: int, separator: str, second: int, year: int) -> dt.date | None:
    # Dashes and dots are European day-first ("28-12-2021"); slashes are read month-first
    # ("12/28/2021", US style). Either way a number above 12 can only be the day.
    day_first = separator != "/"
    if first > 12:
        day_first = True
    elif second > 12:
        day_first = False
    return _make_date(year, second, first) if day_first else _make_date(year, first, second)


def _iter_dates(text: str) -> Iterator[tuple[int, int, dt.date]]:
    """Yield ``(start, end, date)`` for every full date (with a year) written in ``text``."""
    for m in _ISO_DATE.finditer(text):
        date = _make_date(int(m[1]), int(m[2]), int(m[3]))
        if date is not None:
            yield m.start(), m.end(), date
    for m in _NUMERIC_DATE.finditer(text):
        date = _numeric_date(int(m[1]), m[2], int(m[3]), int(m[4]))
        if date is not None:
            yield m.start(), m.end(), date
    for m in _DMY_DATE.finditer(text):
        date = _make_date(int(m[3]), _MONTH_NUMBERS[m[2][:3].lower()], int(m[1]))
        if date is not None:
            yield m.start(), m.end(), date
    for m in _MDY_DATE.finditer(text):
        date = _make_date(int(m[3]), _MONTH_NUMBERS[m[1][:3].lower()], int(m[2]))
        if date is not None:
            yield m.start(), m.end(), date


def find_date(text: str) -> dt.date | None:
    """The first full date written in ``text``, in any of the supported forms, or None."""
    found = sorted(_iter_dates(text), key=lambda hit: hit[0])
    return found[0][2] if found else None


def parse_date(value: str) -> dt.date | None:
    """Read a metadata date ("2021-12-28T07:19:00Z", "Dec. 28, 2021", "28.12.2021")."""
    return find_date(value.strip())


# --- line rules ----------------------------------------------------------------------------

# Photo and news agencies that appear in picture credits (lang/en/agencies.txt, "credit"); the
# words of a name may be split by any space ("Getty\nImages").
_AGENCY = "(?:" + lang.alternation(lang.agencies("credit")).replace(r"\ ", r"\s+") + ")"
_CREDIT_SUFFIX = r"(?:\s+(?:Photo|Photos|Images|Pictures|Video|via\s+Getty\s+Images))?"

# Whole-line prompts and navigation residue (bullets and trailing punctuation allowed).
# Matches: "Leave a comment", "Subscribe to our daily briefing newsletter", "Share this story".
# Not: "Readers were asked to subscribe to the scheme by May."
_PROMPT = re.compile(
    r"^\W*(?:leave a (?:reply|comment)|your email address will not be published"
    r"|required fields are marked|post (?:a )?comment|(?:show|view|load|read|see) (?:all )?"
    r"(?:\d+ )?comments|comments?(?: \(\d+\))?|\d+ comments?|join the conversation"
    r"|subscribe(?: (?:now|today|here|for free))?|subscribe to (?:our|the|my) [\w -]{0,40}"
    r"|sign up(?: (?:now|here|today|for free))?|sign up (?:for|to) (?:our|the) [\w -]{0,40}"
    r"|(?:get|receive) (?:our|the) [\w -]{0,30}newsletters?|newsletters?"
    r"|share(?: this)?(?: (?:article|story|page|post|link))?|share (?:on|via) \w+(?: \w+)?"
    r"|tweet|print(?: this)?(?: (?:article|page|story))?|e-?mail(?: this)?(?: (?:article|story))?"
    r"|copy (?:the )?link|link copied|reuse this content"
    r"|advertisement|advertising|ad|sponsored(?: content)?"
    r"|continue reading|click here(?: to [\w ]{1,40})?|follow us(?: on [\w ,]{1,40})?"
    r"|download (?:our|the) app|skip to (?:main )?(?:content|navigation)|skip navigation"
    r"|accessibility links|breaking news|menu|search|log ?in|sign in|log out|back to top"
    r"|listen to (?:this )?(?:article|story)|listen|watch|play video|watch video"
    r"|cookie (?:settings|policy)"
    r"|accept(?: all)? cookies|manage cookies|privacy policy|terms of (?:use|service)"
    r"|we use cookies\b.*|this site uses cookies\b.*|view (?:all|more)|show more|load more)\W*$",
    re.IGNORECASE,
)

# The heading of a list of links to other stories; the lines under it are furniture too.
# Matches: "Related Articles", "Read also:", "More on this story", "Explore more on these topics".
# Not: "More on the strike later, the union said."
_LIST_HEADING = re.compile(
    r"^\W*(?:related(?: (?:articles?|stories|content|topics|coverage|news|posts|links))?"
    r"|read (?:more|next|also)|also read|see also"
    r"|more on (?:this|these|the) (?:story|stories|topics?)"
    r"|explore more(?: on (?:this|these) (?:story|stories|topics?))?|more (?:stories|news)"
    r"|more from [\w .&'-]{1,40}|recommended(?: for you| reading)?|most (?:read|popular|viewed)"
    r"|trending(?: now)?|top stories|latest news|you may also like|what to read next)\W*$",
    re.IGNORECASE,
)

# A prompt followed by the headline or clip it points to.
# Matches: "Related: Harbour bridge reopens after repairs", "Tags: ferries, strikes, transport".
# Not: "Relatedly, the council voted to close the bridge."
_PROMPT_LEAD = re.compile(
    r"^\W*(?:related|read more|read also|also read|see also|more|recommended|watch|video|listen"
    r"|advertisement|sponsored|tags?|topics?|filed under|categories|keywords|more on|more about)"
    r"\s*[:|»›>]",
    re.IGNORECASE,
)

# Text-size switchers and similar one-token residue.
# Matches: "XS", "LG", "A+". Not: "AI", "UN".
_SIZE_SWITCH = re.compile(
    r"^(?:XXS|XS|SM|MD|LG|XL|XXL|A\+|A-|Aa|text size|font size)$", re.IGNORECASE
)

# A line made of punctuation or symbols only (rules, bullets, separators).
# Matches: "***", "•", "— — —". Not: "2022".
_SYMBOLS = re.compile(r"^[\W_]+$")

# Image and video placeholders left by a page's picture slots.
# Matches: "• 4x3 Photo", "Image 2 of 7". Not: "Image rights are disputed, the lawyer said."
_PLACEHOLDER = re.compile(
    r"^\W*(?:(?:\d+\s*[x×:]\s*\d+\s+)?(?:image|photo|picture|video|gallery|graphic|illustration"
    r"|slideshow|media)s?(?:\s+\d+\s+of\s+\d+)?|\d+\s+of\s+\d+|(?:enlarge|expand) (?:this )?image"
    r"|(?:toggle|hide|show) caption|view (?:image in )?full ?screen"
    r"|open (?:image )?in gallery)\W*$",
    re.IGNORECASE,
)

# Read-time meta. Matches: "5 min read", "Reading time: 4 minutes".
# Not: "The vote took 3 minutes."
_READ_TIME = re.compile(
    r"\b\d+(?:\s*-\s*|\s*)min(?:ute)?s?\.?\s+read\b|\breading time\s*(?::\s*)?\d+|\bread time\s*(?::\s*)?\d+",
    re.IGNORECASE,
)

# Syndication notes: useful to know, but not the story.
# Matches: "This story was originally published by Coastline Weekly and is republished with
# permission.", "Reprinted with permission from the Coastline Weekly."
# Not: "The report was first published in 2019 by the ministry."
_SYNDICATION = re.compile(
    r"^\W*this (?:article|story|report|piece|post|interview)\b[^.]{0,40}?\b(?:was|is|has been)"
    r" (?:originally|first) (?:published|appeared|posted)\b|\b(?:reprinted|republished|reproduced)"
    r" (?:here )?with (?:the )?permission\b",
    re.IGNORECASE,
)

# Publisher self-descriptions and copyright notices.
# Matches: "The Harbour Post is part of the Trust Project.", "© 2023 Harbour Post Media. All rights
# reserved.". Not: "The project provides shelter and information to families."
_OUTLET = re.compile(
    r"\bis (?:a )?part of the trust project\b|\bprovides (?:\w+ ){0,3}news and information\b"
    r"|\ball rights reserved\b|\bmay not be (?:published|reproduced"
    r"|redistributed|copied)\b|^\W*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))"
    r"|^content type\s*:",
    re.IGNORECASE,
)

# Publisher descriptions in general terms: only trusted in the last lines of a text.
# Matches: "Harbour Post is an independent, nonprofit news organization covering the northern
# coast.". Not: "Harbour Post is an independent news organization, the minister said in a speech."
# (when it is not among the last lines).
_OUTLET_TAIL = re.compile(
    r"^\W*[A-Z][\w.&' -]{1,60}? (?:is|are) (?:an? |the )?(?:[\w-]+,? ){0,4}(?:news|media|journalism"
    r"|broadcast(?:ing)?|publishing) (?:organi[sz]ation|outlet|site|website|service|agency|network"
    r"|publication|company|broadcaster)\b",
)

# Credit lines for the reporting.
# Matches: "Some information for this report came from local broadcasters.",
# "Ana Lima in Porto contributed to this report.", "(Reporting by Ana Lima; Editing by Tom Hale)".
# "Source: Harbour Post and news agencies", "Our Standards: The Harbour Post Principles."
# Not: "Information in this report could not be verified."
_CREDIT = re.compile(
    r"^\W*(?:some |additional )?(?:information|material|details|reporting) (?:for|in) this"
    r" (?:report|story|article) (?:came|comes|was taken|is taken) from\b"
    r"|\bcontributed (?:reporting |additional reporting )?to this (?:report|story|article)\W*$"
    r"|^\W*(?:additional )?(?:reporting|writing|editing|compiled|research) by\s+(?-i:[A-Z])"
    r"|^\W*this (?:report|story|article) (?:contains|includes|uses)"
    r" (?:material|reporting|information) from\b|^\W*with (?:reporting|input|files) from\b"
    r"|^\W*sources?\s*:\s*\S|^\W*our (?:editorial )?standards\s*:",
    re.IGNORECASE,
)

# Captions that announce themselves.
# Matches: "FILE PHOTO: A container ship leaves port.", "File photo. The main hall of the station.",
# "Photo: Lena Berg/Harbour Post". Not: "Files were handed to the court on Tuesday.".
_CAPTION_LEAD = re.compile(
    r"^\W*(?:FILE(?:\s+PHOTO)?|File(?:\s+(?:photo|picture|image))?|PHOTO|Photos?|IMAGE|Image"
    r"|Pictured"
    r"|PICTURED|Above|ABOVE)\s*[-–—:.|]\s*\S",
)

# A parenthesised photo credit inside a caption.
# Matches: "(AP Photo/Lena Berg)", "(Photo by Ivo Petrak / AFP)".
# Not: "Photographs of the scene were shared online."
_CAPTION_PAREN = re.compile(
    r"\((?:[A-Z][\w.]*\s+)?(?:Photo|PHOTO|Photograph|Picture|Image|Foto)s?\s*"
    r"(?:by\b|:|/|courtesy\b)[^)]*\)",
)

# A bracketed agency credit at the end of a caption.
# Matches: "Delegates arrive for the summit in Lisbon. [Reuters/Pool]". Not: "[sic]".
_CAPTION_BRACKET = re.compile(rf"\[(?:[^\]\[]*/)?\s*{_AGENCY}\s*(?:/[^\]\[]*)?\]\W*$")

# A caption line that ends with its credit.
# Matches: "Smoke rises over the port district | AP". Not: "She told AP the talks had failed.",
# "The footage was distributed by the ministry via Reuters." (a sentence ends with a period).
_CAPTION_TAIL = re.compile(rf"(?:[|/]|\bvia)\s*{_AGENCY}{_CREDIT_SUFFIX}\s*\)?\s*$")

# A short line that is only a picture credit: the paragraph above it is the caption.
# Matches: "Marta Quist | Reuters", "The Port Authority via AP", "Getty Images",
# "AP Photo/Ivo Petrak". Not: "Reuters" (a lone outlet name, see _AGENCY_ONLY),
# "Smoke rises over the port district | AP" (a caption with its credit: _CAPTION_TAIL).
_CREDIT_LINE = re.compile(
    rf"^(?:[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|the|and|de|van|von|for)){{0,6}}"
    rf"\s*(?:[|/]|\bvia\b)\s*{_AGENCY}{_CREDIT_SUFFIX}"
    rf"|{_AGENCY}\s+(?:Photo|Images|Pictures|Video)(?:\s*/\s*[\w.'’ -]+)?"
    rf"|(?:Photo(?:graph)?s?|Image|Picture|Video)\s+(?:by|courtesy(?:\s+of)?)\s+[\w.'’&/ -]+"
    rf"|Courtesy(?:\s+of)?\s+[\w.'’&/ -]+)$"
)

# Wire-desk initials signing off a story. Matches: "ab/cd/efg", "bur-xy/zz". Not: "and/or it".
_DESK_INITIALS = re.compile(r"^[a-z]{2,5}(?:[-/][a-z]{2,5}){1,5}$")

# A lone agency or outlet tag line. Matches: "Reuters". Not: "Reuters reported a rise in exports."
_AGENCY_ONLY = re.compile(rf"^{_AGENCY}$")

# Markdown image and link-only lines.
# Matches: "![Ferry at the pier](ferry.jpg)" (image),
# "[Read the full ruling](https://courts.example/ruling)" (link).
# Not: "The [report](https://x.example) says rents rose."
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\W*$")
_MD_LINK = re.compile(r"^\[[^\]]+\]\([^)]*\)\W*$")

# Bylines: "By" and names (connectors allowed), maybe an outlet, a date or a read time after.
# Matches: "By Lena Berg and Ivo Petrak | Harbour Post", "By MARTA QUIST, Associated Press".
# Not: "By the end of the day, the fire had spread to three streets."
_BYLINE_START = re.compile(r"^\W*by\s+(?=[A-Z])", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|[a-z]?[A-Z][\w.'’-]*|\S*\.\w{2,}\S*)$")
# fmt: off
_CONNECTORS = frozenset((
    "and", "&", "with", "in", "for", "of", "de", "da", "di", "del", "der", "den", "van", "von",
    "la", "le", "al", "el", "bin", "ben", "y", "e", "et", "und",
))
# fmt: on

# Separators of breadcrumbs and menu residue, with spaces around them.
# Matches: " › " in "Home › World › Europe", " | " in "THE HARBOUR POST | Business".
# Not: "-" in "Mid-term", "/" in "24/7".
# The separator's spaces are taken only from the start of a run of spaces: else every space
# of a long run starts a scan of the rest of the run (n², issue 12).
_NAV_SEPARATOR = re.compile(r"(?<!\s)\s+[|›»>/•·]\s+")

# Labels and clock words of date/time meta lines, removed before judging what is left.
# Matches: "Published:", "Updated", "09:02", "5:40 p.m.", "EDT". Not: "Publisher".
_META_WORD = re.compile(
    r"\b(?:(?:first |last )?(?:published|posted|updated|modified|created)(?: on| at)?"
    r"|date[ds]?|on|at"
    r"|\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?"
    rf"|{_WEEKDAY}\.?|(?:GMT|UTC|CET|CEST|EET|EEST|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|MSK|IST|JST"
    r"|AEST|AEDT|ET|PT|CT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)(?!\w)",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|dated?|first published)\b", re.IGNORECASE)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified)\b", re.IGNORECASE)

# A dateline opening a story: not a headline. Matches: "LINDHOLM, Norway (AP) — Ferry crews".
# Not: "Ferry strike halts island traffic", "CAR: rebels sign truce" (a colon: a headline).
# Words are joined by single spaces so that no two parts of the pattern can share a run of
# spaces: "AB, " and 4,000 spaces took 170 s when they could (n³, issue 12).
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]*(?: [A-Z.'’-]+)*(?:,\s*[\w.'’-]+(?: [\w.'’-]+)*)?(?:\s*\([\w .'’-]+\))?\s*[-–—]\s"
)

# Markdown heading marks and list bullets in front of a line.
# Matches: "# " in "# Rail fares rise", "• " in "• 4x3 Photo". Not: "-" in "-5 degrees".
_LEAD_MARKS = re.compile(r"^(?:#{1,6}\s+|[•·▪►▸◦*>]+\s*|[-–—]\s+)")

# The end of a sentence, closing quotes and brackets included.
# Matches: 'rotas."', "Friday?". Not: "Ferry strike halts island traffic".
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")

# What separates the words left over in a meta line or byline ("Example.com with AFP |").
_WORD_SPLIT = re.compile(r"[\s|,;·•/()–—-]+")
_HAS_WORD = re.compile(r"\w")


def _core(line: str) -> str:
    """The words of a line without surrounding space, bullets or Markdown marks."""
    core = line.strip()
    core = _LEAD_MARKS.sub("", core)
    core = core.strip("*_ \t\u00a0")
    return core


def _words(line: str) -> int:
    return len(line.split())


def _residue(line: str) -> tuple[str, int]:
    """``line`` without its dates, times and meta labels; with the number of dates/times seen."""
    spans = [(start, end) for start, end, _ in _iter_dates(line)]
    seen = len(spans) + len(_CLOCK.findall(line))
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start >= last:
            pieces.append(line[last:start])
            last = end
    pieces.append(line[last:])
    rest = " ".join(pieces)
    rest = _READ_TIME.sub(" ", rest)
    rest = _META_WORD.sub(" ", rest)
    return rest, seen


def _is_meta_line(core: str) -> bool:
    """A date/time line, maybe with a few source names: "Example.com with AFP 28-12-2021 07:19"."""
    if _words(core) > 16:
        return False
    rest, seen = _residue(core)
    if seen == 0:
        return False
    words = [w for w in _WORD_SPLIT.split(rest) if _HAS_WORD.search(w)]
    if len(words) > 6:
        return False
    return all(_NAME_WORD.match(w) or w.lower() in _CONNECTORS for w in words)


def _is_nav_line(core: str) -> bool:
    """Breadcrumbs or menu residue: short capitalised names between separators."""
    parts = _NAV_SEPARATOR.split(core)
    if len(parts) < 2 or _words(core) > 12:
        return False
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 4:
            return False
        if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in words):
            return False
    return True


def _is_byline(core: str) -> bool:
    """ "By" and a few capitalised names, maybe with an outlet, date or read time after them."""
    if not _BYLINE_START.match(core) or _words(core) > 20:
        return False
    rest, _ = _residue(core[core.lower().index("by") + 2 :])
    words = [w for w in _WORD_SPLIT.split(rest) if _HAS_WORD.search(w)]
    if not words or len(words) > 12:
        return False
    return all(_NAME_WORD.match(w) or w.lower() in _CONNECTORS for w in words)


@dataclass(frozen=True, slots=True)
class LineRule:
    """One named line rule: a line whose core matches ``pattern`` gets ``role``."""

    name: str
    role: Role
    pattern: re.Pattern[str]
    short: int = 0  # when > 0, the rule only applies to lines of at most this many words


# Order matters: the first matching rule wins (captions before the prompts they may contain).
LINE_RULES: tuple[LineRule, ...] = (
    LineRule("caption-lead", Role.CAPTION, _CAPTION_LEAD),
    LineRule("caption-paren", Role.CAPTION, _CAPTION_PAREN),
    LineRule("caption-bracket", Role.CAPTION, _CAPTION_BRACKET),
    LineRule("credit-line", Role.CAPTION, _CREDIT_LINE, short=10),
    LineRule("caption-tail", Role.CAPTION, _CAPTION_TAIL),
    LineRule("markdown-image", Role.CAPTION, _MD_IMAGE),
    LineRule("prompt", Role.FURNITURE, _PROMPT, short=12),
    LineRule("list-heading", Role.FURNITURE, _LIST_HEADING, short=8),
    LineRule("prompt-lead", Role.FURNITURE, _PROMPT_LEAD, short=25),
    LineRule("size-switch", Role.FURNITURE, _SIZE_SWITCH),
    LineRule("symbols", Role.FURNITURE, _SYMBOLS),
    LineRule("placeholder", Role.FURNITURE, _PLACEHOLDER, short=8),
    LineRule("read-time", Role.FURNITURE, _READ_TIME, short=30),
    LineRule("syndication", Role.FURNITURE, _SYNDICATION),
    LineRule("outlet", Role.FURNITURE, _OUTLET),
    LineRule("credit", Role.FURNITURE, _CREDIT),
    LineRule("agency-only", Role.FURNITURE, _AGENCY_ONLY),
    LineRule("desk-initials", Role.FURNITURE, _DESK_INITIALS),
    LineRule("markdown-link", Role.FURNITURE, _MD_LINK),
)

_TAIL_LINES = 5  # _OUTLET_TAIL is only trusted among the last lines of a text
_TOP_LINES = 10  # the publication date is looked for among the first non-blank lines
_BLOCK_WORDS = 3  # longest lone line absorbed into a furniture block at the top
_BOTTOM_BLOCK_WORDS = 4  # ... and at the bottom
_CREDIT_WORDS = 6  # longest name line under the title absorbed into a touching byline/date line
_TITLE_WORDS = (3, 20)
_SUBSTANTIVE_WORDS = 8  # a real paragraph: at least this many words, ending a sentence


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``text[start:end]`` is the line without its newline."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning found: regions tiling the text, the title and the publication date."""

    regions: tuple[Region, ...]
    title: str | None
    published: str | None  # ISO date read from a meta line near the top, or None
    roles: tuple[Role | None, ...]  # per line of ``lines``; None for a blank line
    lines: tuple[Line, ...]


# A line longer than this is judged sentence by sentence: scraped text often comes as one line,
# and a credit or a furniture phrase anywhere in it must not take the whole article with it
# (issue 12). The longest caption or furniture line in the fixtures has 269 characters, the
# longest body line 438.
LONG_LINE = 500

# The end of a sentence inside a long line, where it is cut into pieces.
# Matches: '.”' in 'he said.” The talks'. Not: '.' in "3.5 percent" or "e.g. the".
# Each sentence end scans only the spaces after it, so a long run of spaces costs its length once.
_PIECE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s+[\"'“‘(]?[A-Z0-9])")


def _pieces(text: str, start: int, end: int) -> Iterator[Line]:
    """The line ``text[start:end]``, cut after each sentence end when it is long."""
    if end - start <= LONG_LINE:
        yield Line(start, end, text[start:end])
        return
    for found in _PIECE_END.finditer(text, start, end):
        if found.end() > start:
            yield Line(start, found.end(), text[start : found.end()])
        start = found.end()
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield Line(start, end, text[start:end])


def split_lines(text: str) -> tuple[Line, ...]:
    """The lines of ``text`` with their offsets (newline characters excluded).

    A line longer than ``LONG_LINE`` is cut into its sentences, each a line of its own.
    """
    lines: list[Line] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        lines.extend(_pieces(text, start, end))
        start = end + 1
    return tuple(lines)


def classify_line(line: str) -> tuple[Role, str] | None:
    """The role and rule name the line rules give one line on its own, or None (body)."""
    if not line.strip():
        return None
    core = _core(line)
    if not core:
        return Role.FURNITURE, "symbols"  # only bullets or Markdown marks
    words = _words(core)
    for rule in LINE_RULES:
        if rule.short and words > rule.short:
            continue
        if rule.pattern.search(core):
            return rule.role, rule.name
    if _is_byline(core):
        return Role.FURNITURE, "byline"
    if _is_meta_line(core):
        return Role.FURNITURE, "meta"
    if _is_nav_line(core):
        return Role.FURNITURE, "navigation"
    return None


def _is_substantive(core: str) -> bool:
    return _words(core) >= _SUBSTANTIVE_WORDS and _SENTENCE_END.search(core) is not None


def is_headline(line: str) -> bool:
    """Whether a line reads as a headline: short, no final period, not a dateline or byline."""
    core = _core(line)
    low, high = _TITLE_WORDS
    if not low <= _words(core) <= high:
        return False
    if core[0].islower() or core.endswith((".", ",", ";", ":", "-", "–", "—")):
        return False
    if _DATELINE.match(core) or _is_byline(core) or _is_meta_line(core):
        return False
    return any(ch.isalpha() for ch in core)


def _normalized(line: str) -> str:
    return " ".join(line.split()).casefold()


def clean(
    text: str, *, title: str | None = None, captions: frozenset[str] = frozenset()
) -> Cleaned:
    """Give each line of ``text`` a role and find the title and publication date.

    Args:
        text: the article text; it is not changed.
        title: a title known from metadata (HTML, JSON): the first line equal to it is TITLE.
        captions: lines known from markup to be captions (HTML ``<figcaption>``).
    """
    lines = split_lines(text)
    roles: list[Role | None] = [None] * len(lines)
    cores = [_core(line.text) for line in lines]
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    known_captions = {_normalized(c) for c in captions}

    # 1. Line rules.
    for position, i in enumerate(content):
        if _normalized(lines[i].text) in known_captions:
            roles[i] = Role.CAPTION
            continue
        found = classify_line(lines[i].text)
        if found is not None:
            roles[i] = found[0]
        elif position >= len(content) - _TAIL_LINES and _OUTLET_TAIL.search(cores[i]):
            roles[i] = Role.FURNITURE

    by_rule = list(roles)  # what the line rules alone said: the publication date is read there

    # 1b. The link list under a "Related" heading: headlines up to the next blank line.
    for i in content:
        if roles[i] is not Role.FURNITURE or not _LIST_HEADING.match(cores[i]):
            continue
        below = i + 1
        while below < len(lines) and cores[below] and roles[below] is None:
            if _SENTENCE_END.search(cores[below]) and not cores[below].endswith("?"):
                break
            roles[below] = Role.FURNITURE
            below += 1

    # 2. Repeats: the second copy of a line is furniture.
    seen: set[str] = set()
    for i in content:
        key = _normalized(lines[i].text)
        if key in seen:
            roles[i] = Role.FURNITURE
        seen.add(key)

    # 3. The line directly above a short credit line is its caption (unless it is the title).
    title_key = _normalized(title) if title else None
    first_open = next((i for i in content if roles[i] is None), None)
    for i in content:
        if i == 0 or _words(cores[i]) > 10 or not _CREDIT_LINE.match(cores[i]):
            continue
        above = i - 1
        if not cores[above] or roles[above] is not None:
            continue
        if above == first_open and (
            is_headline(lines[above].text) or _normalized(cores[above]) == title_key
        ):
            continue
        roles[above] = Role.CAPTION

    # 4. Short lines inside furniture blocks at the top and bottom.
    _absorb_blocks(roles, cores, content)

    # 5. Title.
    title_line = _find_title(roles, lines, cores, content, title_key)
    if title_line is not None:
        roles[title_line] = Role.TITLE
        for i in content:
            if i >= title_line:
                break
            if roles[i] is None:
                roles[i] = Role.FURNITURE  # above the headline: a kicker or section label

    # 6. A name line touching a byline or date line below the title ("Staff and wires").
    _absorb_credits(roles, cores, content, title_line)

    filled = set(content)
    final: list[Role | None] = [
        roles[i] if roles[i] is not None else (Role.BODY if i in filled else None)
        for i in range(len(lines))
    ]
    published = find_published(lines, by_rule)
    return Cleaned(
        regions=_regions(text, lines, final),
        title=cores[title_line] if title_line is not None else None,
        published=published.isoformat() if published is not None else None,
        roles=tuple(final),
        lines=lines,
    )


def _absorb_blocks(roles: list[Role | None], cores: list[str], content: list[int]) -> None:
    substantive = [i for i in content if roles[i] is None and _is_substantive(cores[i])]
    if not substantive:
        return
    first, last = substantive[0], substantive[-1]
    top = [i for i in content if i < first]
    tail = [i for i in content if i > last]
    changed = True
    while changed:
        changed = False
        # Top: a one- or two-word line next to furniture; a three-word one only when it touches
        # a furniture line (no blank line between), since a headline may be that short.
        for k, i in enumerate(top):
            if roles[i] is not None or not _short_open(cores[i], _BLOCK_WORDS):
                continue
            if _words(cores[i]) < _BLOCK_WORDS:
                neighbours = top[max(k - 1, 0) : k] + top[k + 1 : k + 2]
            else:
                neighbours = [j for j in (i - 1, i + 1) if j in top]
            if any(roles[j] is Role.FURNITURE for j in neighbours):
                roles[i] = Role.FURNITURE
                changed = True
        # Bottom: lines whose nearest non-blank neighbour is furniture.
        for k, i in enumerate(tail):
            if roles[i] is not None or not _short_open(cores[i], _BOTTOM_BLOCK_WORDS):
                continue
            neighbours = tail[max(k - 1, 0) : k] + tail[k + 1 : k + 2]
            if any(roles[j] is Role.FURNITURE for j in neighbours):
                roles[i] = Role.FURNITURE
                changed = True


def _absorb_credits(
    roles: list[Role | None], cores: list[str], content: list[int], title_line: int | None
) -> None:
    substantive = [i for i in content if roles[i] is None and _is_substantive(cores[i])]
    if not substantive:
        return
    open_lines = [i for i in content if roles[i] is None]
    protect = title_line if title_line is not None else open_lines[0]
    changed = True
    while changed:
        changed = False
        for i in content:
            if i >= substantive[0]:
                break
            if i <= protect or roles[i] is not None or not _short_open(cores[i], _CREDIT_WORDS):
                continue
            if any(
                roles[j] is Role.FURNITURE
                for j in (i - 1, i + 1)
                if 0 <= j < len(cores) and cores[j]
            ):
                roles[i] = Role.FURNITURE
                changed = True


def _short_open(core: str, most: int) -> bool:
    """A short line that does not end a sentence: a section name, an outlet name."""
    return _words(core) <= most and _SENTENCE_END.search(core) is None


def _find_title(
    roles: list[Role | None],
    lines: tuple[Line, ...],
    cores: list[str],
    content: list[int],
    title_key: str | None,
) -> int | None:
    open_lines = [i for i in content if roles[i] is None]
    if title_key is not None:
        # A title known from metadata: the first of the top lines that says it.
        for i in open_lines[:5]:
            if _normalized(cores[i]) == title_key:
                return i
    if not open_lines:
        return None
    first = open_lines[0]
    if not is_headline(lines[first].text):
        return None
    below = first + 1
    if below < len(lines) and cores[below] and cores[below][0].islower():
        return None  # a hard-wrapped paragraph continues on the next line
    return first


def find_published(lines: tuple[Line, ...], roles: list[Role | None]) -> dt.date | None:
    """The publication date written in a meta line near the top of an article, or None.

    Heuristic: among the first ten non-blank lines, only lines that the line rules mark as
    FURNITURE count: bylines, "Published: ..." labels, a date on a line of its own,
    "Outlet 28-12-2021 07:19 3 min. read" meta lines. ``roles`` are those rules' verdicts, so a
    caption printed twice does not count through its furniture copy. A date inside a story
    sentence, a title or a caption is an event date, not the publication date. A line labelled
    "Published"/"Posted"/"Date" wins over an unlabelled one, which wins over one labelled
    "Updated"; ties go to the earlier line. Numeric dates with dashes or dots are day-first
    ("28-12-2021"), with slashes month-first ("12/28/2021"), unless a number above 12 says
    which is the day.
    """
    best: tuple[int, int, dt.date] | None = None
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    for i in content[:_TOP_LINES]:
        if roles[i] is not Role.FURNITURE:
            continue
        text = lines[i].text
        date = find_date(text)
        if date is None:
            continue
        if _PUBLISHED_LABEL.search(text):
            rank = 0
        elif _UPDATED_LABEL.search(text):
            rank = 2
        else:
            rank = 1
        if best is None or (rank, i) < best[:2]:
            best = (rank, i, date)
    return best[2] if best is not None else None


def _regions(text: str, lines: tuple[Line, ...], roles: list[Role | None]) -> tuple[Region, ...]:
    """Merge lines into regions: blank lines join the region above (or the first one)."""
    if not text:
        return ()
    current = next((role for role in roles if role is not None), Role.BODY)
    regions: list[Region] = []
    for k, (line, role) in enumerate(zip(lines, roles)):
        current = role if role is not None else current
        start = 0 if k == 0 else line.start
        end = lines[k + 1].start if k + 1 < len(lines) else len(text)
        if regions and regions[-1].role is current:
            regions[-1] = Region(regions[-1].start, end, current)
        else:
            regions.append(Region(start, end, current))
    return tuple(regions)
