"""Article text from an HTML page, with the standard library's ``html.parser``.

What is kept: the text of the page's ``<article>`` (the largest one) or else its ``<main>``, or
else the whole body, with block elements turned into line breaks and entities unescaped.
What is dropped: ``script``, ``style``, ``noscript``, ``nav``, ``aside``, ``form``, ``button``,
``iframe``, ``svg`` and the like, hidden elements, and ``header``/``footer`` of the page (an
article's own ``<header>`` holds its headline and byline, so it stays).

Metadata: the title from the article's ``<h1>`` (else ``og:title``, JSON-LD ``headline`` or
``<title>`` without its " | Site" suffix); the publication date from
``<meta property="article:published_time">`` and similar tags, JSON-LD ``datePublished`` or
a ``<time datetime>``; the URL from ``<link rel="canonical">`` or ``og:url``; the text of
``<figcaption>`` elements, so that cleaning marks them as captions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from claimcheck.clean import parse_date

# fmt: off
# Elements whose whole content is never article text.
_DROPPED = frozenset((
    "script", "style", "noscript", "nav", "aside", "form", "button", "iframe", "svg", "template",
    "select", "option", "dialog", "menu", "object", "embed", "canvas", "audio", "video", "map",
    "head", "title",
))
# Page-level header and footer; inside <article> or <main> they belong to the story.
_PAGE_ONLY = frozenset(("header", "footer"))
# Elements without content or end tag.
# Headings and captions nested deeper than this are read as text but not captured apart: every
# piece of text is copied into each open capture, so unbounded nesting would cost n².
MAX_CAPTURES = 4

_VOID = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
))
# Block elements ending a paragraph (a blank line) or a line (a single break).
_PARAGRAPH = frozenset((
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "section",
    "article", "header", "footer", "main", "table", "pre", "address", "details", "summary",
    "fieldset", "center", "body",
))
_LINE = frozenset((
    "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "caption", "br", "hr", "tbody",
    "thead", "tfoot",
))
# fmt: on

# Metadata names giving the publication date, best first.
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
)

# A hidden element. Matches: style="display: none", style="visibility:hidden".
# Not: style="display:block".
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# A site name after the headline in <title>.
# Matches: " | The Harbour Post", " - Example News". Not: "Mid-term vote" (no spaces round "-").
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+")

# Runs of white space inside text, newlines included (HTML source line breaks are not breaks).
# Matches: "\n   " in "four\n   thousand". Not: the "\n\n" break pieces, which are not text.
_SPACES = re.compile(r"\s+")

_MIN_CONTAINER_SHARE = 0.25  # an <article> or <main> is the story when it holds this much text
_MIN_CONTAINER_CHARS = 500  # ... or at least this many characters


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The text and metadata of one HTML page."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    captions: tuple[str, ...] = ()


@dataclass(slots=True)
class _Piece:
    text: str
    article: int | None  # outermost enclosing <article>, numbered in document order
    main: bool
    is_break: bool = False


@dataclass(slots=True)
class _Open:
    tag: str
    dropped: bool
    article: bool = False
    main: bool = False
    captured: bool = False  # it opened a _Capture (an <h1> or <figcaption>)


@dataclass(slots=True)
class _Capture:
    tag: str
    parts: list[str] = field(default_factory=list)
    article: int | None = None
    main: bool = False


@dataclass(frozen=True, slots=True)
class _Time:
    value: str
    where: tuple[int | None, bool]  # (article, inside <main>), as in _Piece
    dropped: bool


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[_Piece] = []
        self.stack: list[_Open] = []
        # How many elements of each tag are open: a stray end tag is known at once, without
        # scanning the stack, so deep nesting costs linear time (issue 12).
        self.open_tags: Counter[str] = Counter()
        self.articles: list[int] = []
        self.article_count = 0
        self.main_depth = 0
        self.drop_depth = 0
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.times: list[_Time] = []
        self.title_parts: list[str] | None = None
        self.page_title: str | None = None
        self.ld_parts: list[str] | None = None
        self.ld_blocks: list[str] = []
        self.captures: list[_Capture] = []
        self.headings: list[_Capture] = []
        self.figcaptions: list[_Capture] = []

    # Where we are.
    def _article(self) -> int | None:
        return self.articles[0] if self.articles else None

    def _break(self, tag: str) -> None:
        if self.drop_depth:
            return
        mark = "\n\n" if tag in _PARAGRAPH else "\n"
        self.pieces.append(_Piece(mark, self._article(), self.main_depth > 0, is_break=True))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        self._metadata(tag, values)
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._break(tag)
                for capture in self.captures:
                    capture.parts.append(" ")  # a heading broken over two lines is one title
            return
        in_svg = self.open_tags["svg"] > 0
        if tag == "title" and self.title_parts is None and self.page_title is None and not in_svg:
            self.title_parts = []  # the page's <title>, not an SVG image's
        if tag == "script" and "ld+json" in values.get("type", "").lower():
            self.ld_parts = []
        dropped = (
            tag in _DROPPED
            or (tag in _PAGE_ONLY and not self.articles and not self.main_depth)
            or "hidden" in values
            or values.get("aria-hidden", "").lower() == "true"
            or _HIDDEN_STYLE.search(values.get("style", "")) is not None
        )
        opened = _Open(tag, dropped)
        self.stack.append(opened)
        self.open_tags[tag] += 1
        if dropped:
            self.drop_depth += 1
            return
        if self.drop_depth:
            return
        if tag == "article":
            self.article_count += 1
            self.articles.append(self.article_count)
            opened.article = True
        elif tag == "main":
            self.main_depth += 1
            opened.main = True
        if tag in ("h1", "figcaption") and len(self.captures) < MAX_CAPTURES:
            self.captures.append(_Capture(tag, article=self._article(), main=self.main_depth > 0))
            opened.captured = True
        if tag in _PARAGRAPH or tag in _LINE:
            self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.page_title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        if tag == "script" and self.ld_parts is not None:
            self.ld_blocks.append("".join(self.ld_parts))
            self.ld_parts = None
        # Close up to the matching open element; a stray end tag is ignored (as browsers do).
        if not self.open_tags[tag]:
            return
        while True:  # every element above the match closes too, so the scan costs nothing extra
            opened = self.stack.pop()
            self.open_tags[opened.tag] -= 1
            self._close(opened)
            if opened.tag == tag:
                return

    def _close(self, opened: _Open) -> None:
        if opened.dropped:
            self.drop_depth -= 1
            return
        if self.drop_depth:
            return
        if opened.tag in _PARAGRAPH or opened.tag in _LINE:
            self._break(opened.tag)
        if opened.captured:
            capture = self.captures.pop()
            (self.headings if capture.tag == "h1" else self.figcaptions).append(capture)
        if opened.article:
            self.articles.pop()
        if opened.main:
            self.main_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.ld_parts is not None:
            self.ld_parts.append(data)
        if self.drop_depth:
            return
        self.pieces.append(_Piece(data, self._article(), self.main_depth > 0))
        for capture in self.captures:
            capture.parts.append(data)

    def _metadata(self, tag: str, values: dict[str, str]) -> None:
        if tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            content = values.get("content", "").strip()
            if key and content and key not in self.meta:
                self.meta[key] = content
        elif (
            tag == "link"
            and "canonical" in values.get("rel", "").lower().split()
            and self.canonical is None
            and values.get("href")
        ):
            self.canonical = values["href"].strip()
        if values.get("itemprop", "").lower() == "datepublished" and tag != "meta":
            value = values.get("datetime") or values.get("content")
            if value and "datepublished" not in self.meta:
                self.meta["datepublished"] = value.strip()
        if tag == "time" and values.get("datetime"):
            where = (self._article(), self.main_depth > 0)
            self.times.append(_Time(values["datetime"].strip(), where, self.drop_depth > 0))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _ld_objects(value: object, depth: int = 0) -> Iterator[dict[str, object]]:
    """Every JSON object inside a JSON-LD value (``@graph`` lists included)."""
    if depth > 6:
        return
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _ld_objects(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _ld_objects(item, depth + 1)


def _ld_field(blocks: list[str], name: str) -> str | None:
    for block in blocks:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the page text is still fine
        for obj in _ld_objects(data):
            value = obj.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def _select(parser: _Parser) -> list[_Piece]:
    """The pieces of the story: the largest <article>, else <main>, else everything."""
    sizes: dict[int, int] = {}
    main_size = 0
    total = 0
    for piece in parser.pieces:
        if piece.is_break:
            continue
        size = len(piece.text.strip())
        total += size
        if piece.article is not None:
            sizes[piece.article] = sizes.get(piece.article, 0) + size
        if piece.main:
            main_size += size

    def big(size: int) -> bool:
        return size > 0 and (size >= _MIN_CONTAINER_CHARS or size >= _MIN_CONTAINER_SHARE * total)

    if sizes:
        best = min(sizes, key=lambda key: (-sizes[key], key))
        if big(sizes[best]):
            return [p for p in parser.pieces if p.article == best]
    if big(main_size):
        return [p for p in parser.pieces if p.main]
    return parser.pieces


def _assemble(pieces: list[_Piece]) -> str:
    raw = "".join(p.text if p.is_break else _SPACES.sub(" ", p.text) for p in pieces)
    lines: list[str] = []
    for line in raw.split("\n"):
        line = _squash(line)
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _page_title(title: str) -> str:
    """``<title>`` without the site name: the first part when it is long enough."""
    parts = _TITLE_SUFFIX.split(title)
    return parts[0] if len(parts) > 1 and len(parts[0].split()) >= 3 else title


def extract_article(markup: str) -> HtmlArticle:
    """Read the article text and metadata of one HTML page."""
    parser = _Parser()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError:
        pass  # html.parser gives up on some malformed declarations: keep what was read
    pieces = _select(parser)
    chosen = {(p.article, p.main) for p in pieces}
    text = _assemble(pieces)

    in_story = [h for h in parser.headings if (h.article, h.main) in chosen]
    headings = [_squash("".join(h.parts)) for h in in_story or parser.headings]
    title = next((h for h in headings if h), None)
    if title is None:
        title = parser.meta.get("og:title") or _ld_field(parser.ld_blocks, "headline")
        if title is None and parser.page_title:
            title = _page_title(parser.page_title)
        title = _squash(title) if title else None

    if title:
        top = [line for line in text.split("\n") if line][:5]
        if title.casefold() not in (line.casefold() for line in top):
            text = f"{title}\n\n{text}" if text else title

    published = None
    candidates = [parser.meta[key] for key in _DATE_META if key in parser.meta]
    ld_date = _ld_field(parser.ld_blocks, "datePublished")
    if ld_date:
        candidates.append(ld_date)
    # A <time> in the story first, then any outside dropped parts, then any at all.
    candidates += [t.value for t in parser.times if t.where in chosen and not t.dropped]
    candidates += [t.value for t in parser.times if not t.dropped]
    candidates += [t.value for t in parser.times]
    for candidate in candidates:
        date = parse_date(candidate)
        if date is not None:
            published = date.isoformat()
            break

    url = parser.canonical or parser.meta.get("og:url") or _ld_field(parser.ld_blocks, "url")
    captions = tuple(
        caption
        for caption in (
            _squash("".join(c.parts)) for c in parser.figcaptions if (c.article, c.main) in chosen
        )
        if caption
    )
    return HtmlArticle(
        text=text, title=title or None, published=published, url=url, captions=captions
    )
