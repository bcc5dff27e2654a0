"""The data model: frozen records that flow one way through the pipeline.

Every offset (``start``/``end``) counts Unicode code points into ``Source.text``, so any
piece of evidence can be re-quoted as ``source.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """What a claim is about."""

    DATE = "date"
    QUOTE = "quote"
    VENUE = "venue"
    NUMBER = "number"

    def __str__(self) -> str:
        return self.value


class Status(str, Enum):
    """The verdict on a claim across sources."""

    CONFLICTING = "conflicting"
    CORROBORATED = "corroborated"
    UNIQUE = "unique"

    def __str__(self) -> str:
        return self.value


class Role(str, Enum):
    """What a stretch of an article is: only TITLE and BODY carry claims by default."""

    TITLE = "title"
    BODY = "body"
    CAPTION = "caption"
    FURNITURE = "furniture"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch ``text[start:end]`` of a source with the role cleaning gave it."""

    start: int
    end: int
    role: Role


@dataclass(frozen=True, slots=True)
class Source:
    """One article, as read by ingest.

    ``text`` is the article text (decoded, or extracted from HTML/JSON); ``regions`` cover it
    in order and say which parts are title, body, captions or page furniture. Cleaning never
    deletes characters, so offsets into ``text`` stay honest.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, e.g. "2021-12-28"
    regions: tuple[Region, ...] = ()
    url: str | None = None
    # Where ``published`` comes from: "metadata" (HTML or JSON), "text" (a date line of the
    # article) or "reference-date" (the run's fallback, not the article's own date).
    published_from: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text with its offsets: what ``split_sentences`` returns."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a source; ``text == source.text[start:end]``."""

    source_id: str
    index: int
    start: int
    end: int
    text: str
    role: Role = Role.BODY


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a parse; ``start``/``end`` point into ``Source.text``.

    ``head`` is the index (within its ``Parse.tokens``) of the word this one depends on; the
    root of a sentence is its own head, as in spaCy.
    """

    start: int
    end: int
    text: str
    lemma: str
    pos: str  # Universal POS tag: "NOUN", "PROPN", "NUM"…
    tag: str  # fine-grained (Penn) tag: "NNS", "VBD"…
    dep: str  # dependency label: "nsubj", "dobj", "prep"…
    head: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity found by the parse; ``start``/``end`` point into ``Source.text``."""

    start: int
    end: int
    label: str  # spaCy's label: "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "CARDINAL"…
    text: str


@dataclass(frozen=True, slots=True)
class Parse:
    """The parse of one sentence: its tokens and named entities, in text order."""

    source_id: str
    sentence_index: int
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True, slots=True)
class Name:
    """A person, organisation or country a parse names; ``start``/``end`` point into
    ``Source.text``. ``key`` is what spellings of one name share ("person:riabov",
    "org:who", "country:cl"); ``titles`` are the title words stripped before a person's name."""

    kind: str  # "person", "org" or "country"
    key: str
    display: str
    start: int
    end: int
    titles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A source with its sentences and the parses of those that hold a candidate value:
    what every extractor reads."""

    source: Source
    sentences: tuple[Sentence, ...]
    parses: tuple[Parse, ...] = ()
    # The names the parses give (lang/names.py), kept when the parses are dropped: matching
    # reads them to keep apart values whose clauses name different persons or organisations.
    names: tuple[Name, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One checkable statement found in one source.

    ``value`` is the normalized form that compares across outlets (ISO date, canonical place,
    decimal number, normalized quotation); ``text`` is the words exactly as written, and
    ``source.text[start:end] == text``.
    """

    kind: Kind
    value: str
    text: str
    start: int
    end: int
    source_id: str = ""
    sentence_index: int = -1
    speaker: str | None = None  # quotes: normalized "Name" or "Organisation role"
    qualifier: str | None = None  # numbers: "about", "more than"…; dates: "early", "late"…
    unit: str | None = None  # numbers: the counted noun or unit ("troops", "USD", "percent")
    context: str = ""  # the clause words that say what the value is about, for matching
    fragment: bool = False  # quotes: a one- or two-word scare quote
    hedged: bool = False  # "expected to", "reportedly", "has yet to confirm"…
    # The fact key, read from the parse (lang/facts.py); None or empty when it does not say.
    attribute: str | None = None  # lemmas of what it is a value of: "people kill", "depth"
    scope: tuple[str, ...] = ()  # phrases that narrow it: "in the northern district"
    time: str | None = None  # when the fact holds, as written: "on Monday" → "Monday"
    authority: str | None = None  # who it is attributed to: "police", "the geological survey"


@dataclass(frozen=True, slots=True)
class Note:
    """A value the text states that cannot be a claim, such as a date past 9999-12-31: the
    extractor skips it and says so here, so the report can warn instead of staying silent."""

    source_id: str
    start: int
    end: int
    reason: str  # one line, for people: 'the date "tomorrow" is past 9999-12-31'


@dataclass(frozen=True, slots=True)
class Extracted:
    """What extraction found in one document: its mentions, and the values it skipped."""

    mentions: tuple[Mention, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, and why (one line, for people)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Match:
    """Why two mentions were judged to state the same fact."""

    left: int  # indexes into Claim.mentions
    right: int
    scorer: str
    score: float
    shared: tuple[str, ...]  # the context words both sides share


@dataclass(frozen=True, slots=True)
class Claim:
    """Mentions from one or more sources that state the same fact."""

    id: str
    kind: Kind
    mentions: tuple[Mention, ...]
    matches: tuple[Match, ...] = ()
    story: str | None = None  # the id of the story (event) whose articles state it


@dataclass(frozen=True, slots=True)
class Difference:
    """How one mention's value differs from the claim's canonical value."""

    source_id: str
    start: int  # of the mention, in its source
    value: str
    canonical: str
    kind: str  # "value"; for quotations "verbatim", "cosmetic", "altered", "misattributed"
    added: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ValueGroup:
    """One value of a claim and the sources that state it (compatible variants included)."""

    value: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement on one claim, with the evidence behind it."""

    claim: Claim
    status: Status
    value: str
    summary: str
    sources: tuple[str, ...]
    independent_sources: int
    rule: str
    groups: tuple[ValueGroup, ...] = ()
    differences: tuple[Difference, ...] = ()
    # For a conflicting claim, what kind of disagreement: "contradiction", "update" (a running
    # figure that changed between reports), "attribution" (each value from another authority),
    # "altered" or "misattributed" (quotations). None otherwise.
    disagreement: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """Sources that share most of their text (wire copy, syndication) count as one origin."""

    id: str
    sources: tuple[str, ...]
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report one event; claims are matched only within a story."""

    id: str
    title: str
    sources: tuple[str, ...]
    dates: tuple[str, ...] = ()  # the dates most of its sources state
    places: tuple[str, ...] = ()  # the venues most of its sources state


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a run found, ready to render."""

    documents: tuple[Document, ...]
    verdicts: tuple[Verdict, ...]
    skipped: tuple[Skipped, ...] = ()
    origins: tuple[Origin, ...] = ()
    stories: tuple[Story, ...] = ()
    schema_version: int = 1
    warnings: tuple[str, ...] = field(default=())
    omitted: tuple[Verdict, ...] = ()  # judged, but not kept by the statuses and min_sources asked for

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(d.source for d in self.documents)

    def count(self, status: Status) -> int:
        """Claims of ``status`` in the report (those shown)."""
        return sum(1 for v in self.verdicts if v.status is status)

    def count_all(self, status: Status | None = None) -> int:
        """Claims of ``status`` (or all claims) judged, shown or omitted."""
        return sum(1 for v in (*self.verdicts, *self.omitted) if status is None or v.status is status)
