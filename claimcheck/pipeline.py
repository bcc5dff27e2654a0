"""The pipeline: the only code that knows the order of the stages.

paths ─ingest→ Source* ─segment→ Sentence* ─parse→ Parse* ─extract→ Mention* ─stories→ Story*
─match→ Claim* ─judge→ Verdict* → Report
"""

from __future__ import annotations

import functools
import math
import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, TextIO, TypeVar

from claimcheck import cache, extract, ingest, judge, lang, match, origins, segment, stories
from claimcheck.errors import InputError
from claimcheck.model import (
    Document,
    Extracted,
    Mention,
    Origin,
    Report,
    Role,
    Skipped,
    Source,
    Story,
    Verdict,
)
from claimcheck.settings import Settings

# Told each stage as it starts and as it advances: (stage, done, total or None when unknown).
# Stages: "reading", "extracting" (one step per source), "matching", "judging".
Progress = Callable[[str, int, int | None], None]
Read = tuple[Document, Extracted]
T = TypeVar("T")
R = TypeVar("R")

# Articles segmented and parsed together: their sentences share one nlp.pipe stream, and a
# progress bar still moves every few articles.
READ_CHUNK = 32
CHUNKS_PER_WORKER = 4
# Fewer new articles per worker than this are read in this process: forking and sending results
# back costs more than a few articles' parse, and one process parses a repeated sentence once.
MIN_ARTICLES_PER_WORKER = 8
MIN_STORIES_PER_WORKER = 2


def _quiet(_stage: str, _done: int, _total: int | None) -> None:
    pass


def read_many(sources: Sequence[Source], settings: Settings) -> tuple[Read, ...]:
    """The map step for some sources: segment, parse and extract each, or read it from the
    article cache (``--cache``) when it was read before. A document keeps its sentences and the
    names its parses give, not the parses: no later stage reads those, and a run of thousands
    would hold them all."""
    found: list[Read | None] = [cache.load(source, settings) for source in sources]
    missing = [source for source, hit in zip(sources, found) if hit is None]
    if missing:
        documents = [Document(source, segment.segment(source)) for source in missing]
        parsed = lang.parse(documents, settings=settings, wanted=lambda s: extract.eligible(s, settings))
        fresh = iter([(Document(d.source, d.sentences, names=d.names), extract.extract(d, settings=settings)) for d in parsed])
        for number, hit in enumerate(found):
            if hit is None:
                found[number] = read_one = next(fresh)
                cache.store(read_one, settings)
    return tuple(read_one for read_one in found if read_one is not None)


def read(source: Source, settings: Settings) -> Read:
    """Segment, parse and extract one source."""
    return read_many((source,), settings)[0]


def _chunks(sources: Sequence[Source], size: int) -> list[Sequence[Source]]:
    return [sources[i : i + size] for i in range(0, len(sources), size)]


_STOPS = {signal.SIGINT, signal.SIGTERM}


# A worker's work: the function and every item, given once when the worker starts (inherited
# by a forked worker, pickled once for a spawned one), so that each task sent down the pool's
# pipe is a pair of indices. A task larger than the pipe's buffer (a chunk of articles) could
# leave Pool.terminate waiting forever on Ctrl-C: its task thread blocks in mid-write to workers
# that are gone, and the parent joins that thread (measured: one Ctrl-C in three hung under load).
_WORK: list[tuple[Callable[[Sequence[Any]], Any], Sequence[Any]]] = []


def _start_worker(function: Callable[[Sequence[Any]], Any], items: Sequence[Any]) -> None:
    """In a worker: Ctrl-C goes to the whole process group, and only the parent acts on it;
    SIGTERM (what Pool.terminate sends) ends the worker at once, whatever the parent's handler.
    The worker was forked with both signals blocked, so none is lost before this runs."""
    _WORK[:] = [(function, items)]
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # not on Windows
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


def _block_stops() -> set[int] | None:
    """Block Ctrl-C and SIGTERM; the mask before, to restore (None where there are no masks)."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS))


def _restore(mask: set[int] | None) -> None:
    if mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _run_chunk(bounds: tuple[int, int]) -> Any:
    """In a worker: the worker's function over ``items[start:end]``."""
    function, items = _WORK[0]
    return function(items[bounds[0] : bounds[1]])


def _in_workers(function: Callable[[Sequence[T]], R], items: Sequence[T], workers: int) -> Iterator[R]:
    """``function`` over chunks of ``items`` in ``workers`` forked processes: one result per
    chunk, in input order (so the output never depends on which worker finished first)."""
    # Each worker gets several chunks, so one that draws short articles is not left idle.
    size = max(1, min(READ_CHUNK, math.ceil(len(items) / (workers * CHUNKS_PER_WORKER))))
    chunks = [(i, min(i + size, len(items))) for i in range(0, len(items), size)]
    # Block Ctrl-C and SIGTERM while the workers are forked: they inherit the mask and set
    # their own handlers, and one that arrives meanwhile waits for the `try` below.
    blocked = _block_stops()
    try:
        pool = multiprocessing.Pool(
            min(workers, len(chunks)), initializer=_start_worker, initargs=(function, items)
        )
    except BaseException:
        _restore(blocked)
        raise
    try:
        _restore(blocked)
        yield from pool.imap(_run_chunk, chunks)
        pool.close()
    except BaseException:  # an error, Ctrl-C or SIGTERM: stop the workers, leave none behind
        pool.terminate()
        raise
    finally:
        pool.join()


def _each(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [function(item) for item in items]


def in_processes(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``function`` of each item, in ``workers`` processes (in this one when 1), in input order.
    ``function`` must pickle where processes are spawned: a module-level function or a partial."""
    if workers <= 1 or len(items) < 2:
        return _each(function, items)
    chunks = _in_workers(functools.partial(_each, function), items, workers)
    return [result for chunk in chunks for result in chunk]


def _settle_many(work: Sequence[StoryWork], settings: Settings) -> list[tuple[Verdict, ...]]:
    return [settle(one, settings) for one in work]


def _read_all(sources: Sequence[Source], settings: Settings, progress: Progress) -> Iterator[Read]:
    found: list[Read | None] = [cache.load(source, settings) for source in sources]
    missing = [source for source, hit in zip(sources, found) if hit is None]
    done = len(sources) - len(missing)
    progress("extracting", done, len(sources))
    if settings.workers > 1 and len(missing) >= settings.workers * MIN_ARTICLES_PER_WORKER:
        # The parent loads the parser and the gazetteer before forking (where processes
        # fork): each worker then shares them instead of loading its own copy.
        lang.load(settings.model)
        extract.prepare(settings)
        reader = functools.partial(read_many, settings=settings)
        fresh = (read_one for chunk in _in_workers(reader, missing, settings.workers) for read_one in chunk)
    else:
        fresh = (read_one for chunk in _chunks(missing, READ_CHUNK) for read_one in read_many(chunk, settings))
    slots = (number for number, hit in enumerate(found) if hit is None)
    for read_one in fresh:  # to the end, so the worker pool is closed and joined
        found[next(slots)] = read_one
        done += 1
        progress("extracting", done, len(sources))
    cache.evict(settings)  # also when nothing was added: the bound may have been lowered
    yield from (read_one for read_one in found if read_one is not None)


def skipped_values(read_results: Sequence[Read]) -> tuple[str, ...]:
    """A warning for each value an extractor had to skip (out of range), naming its place."""
    return tuple(
        f"{document.source.path}: characters {note.start}-{note.end}: {note.reason}; skipped"
        for document, extracted in read_results
        for note in extracted.notes
    )


def silent_sources(documents: Sequence[Document], mentions: Sequence[Mention]) -> tuple[str, ...]:
    """A warning for each source that has sentences but yields no claim, so none is lost silently."""
    heard = {m.source_id for m in mentions}
    warnings = []
    for document in documents:
        if document.source.id in heard or not document.sentences:
            continue
        marked = sum(1 for s in document.sentences if s.role in (Role.CAPTION, Role.FURNITURE))
        note = f" ({marked} of them captions or page furniture)" if marked else ""
        count = len(document.sentences)
        sentences = "its one sentence" if count == 1 else f"its {count} sentences"
        warnings.append(f"{document.source.path}: no claims found in {sentences}{note}")
    return tuple(warnings)


def keep(verdict: Verdict, settings: Settings) -> bool:
    return verdict.status in settings.statuses and len(verdict.sources) >= settings.min_sources


def _ingest(paths: Sequence[str], settings: Settings, stdin: TextIO | None) -> ingest.Ingested:
    ingested = ingest.ingest(paths, settings=settings, stdin=stdin)
    if not ingested.sources:
        listed = "; ".join(f"{s.path}: {s.reason}" for s in ingested.skipped[:3])
        raise InputError(f"nothing readable in {', '.join(paths)}" + (f" ({listed})" if listed else ""))
    return ingested


def _documents_and_mentions(
    reads: Iterable[Read],
) -> tuple[tuple[Document, ...], tuple[Mention, ...], tuple[str, ...]]:
    """Every document, every mention in them, and a warning for each value skipped."""
    read_results = list(reads)
    documents = tuple(document for document, _ in read_results)
    mentions = tuple(m for _, found in read_results for m in found.mentions)
    return documents, mentions, skipped_values(read_results)


def read_all(paths: Sequence[str], settings: Settings) -> tuple[tuple[Document, ...], tuple[Mention, ...]]:
    """The documents at ``paths`` and every mention in them: the pipeline up to matching."""
    documents, mentions, _ = _documents_and_mentions(_read_all(_ingest(paths, settings, None).sources, settings, _quiet))
    return documents, mentions


@dataclass(frozen=True, slots=True)
class StoryWork:
    """What the reduce step of one story reads: its articles and mentions, and which origin
    (wire story) and publication day each of its sources has."""

    story: Story
    documents: tuple[Document, ...]
    mentions: tuple[Mention, ...]
    origin_of: dict[str, str]
    published: dict[str, str | None]


def _story_key(work: StoryWork, settings: Settings) -> str | None:
    return cache.story_key([d.source for d in work.documents], work.story.id, work.origin_of, work.published, settings)


def settle(work: StoryWork, settings: Settings) -> tuple[Verdict, ...]:
    """The reduce step of one story: its mentions matched into claims, each claim judged. Claim
    ids are still claim keys; ``finish`` numbers them across the whole run."""
    entry = _story_key(work, settings)
    found = cache.load_story(entry, settings)
    if found is not None:
        return found
    claims = match.match_story(
        work.documents, work.mentions, settings=settings, story=work.story.id, origin_of=work.origin_of
    )
    verdicts = tuple(judge.judge_claim(claim, work.origin_of, work.published) for claim in claims)
    cache.store_story(entry, verdicts, settings)
    return verdicts


class Engine(Protocol):
    """Runs the map step (per article) and the reduce step (per story): in this process
    (``LOCAL``), or elsewhere (``claimcheck.engines.dask``). Results come back in input order."""

    def read(self, sources: Sequence[Source], settings: Settings, progress: Progress) -> Iterator[Read]: ...

    def settle(self, work: Sequence[StoryWork], settings: Settings) -> Iterator[tuple[Verdict, ...]]: ...


class _Local:
    """Map in this process, or in ``settings.workers`` forked processes; reduce in this process."""

    def read(self, sources: Sequence[Source], settings: Settings, progress: Progress) -> Iterator[Read]:
        return _read_all(sources, settings, progress)

    def settle(self, work: Sequence[StoryWork], settings: Settings) -> Iterator[tuple[Verdict, ...]]:
        found = [cache.load_story(_story_key(one, settings), settings) for one in work]
        missing = [one for one, hit in zip(work, found) if hit is None]
        if settings.workers > 1 and len(missing) >= settings.workers * MIN_STORIES_PER_WORKER:
            extract.prepare(settings)  # the gazetteer, shared with the workers
            settler = functools.partial(_settle_many, settings=settings)
            fresh = (verdicts for chunk in _in_workers(settler, missing, settings.workers) for verdicts in chunk)
        else:
            fresh = (settle(one, settings) for one in missing)
        slots = (number for number, hit in enumerate(found) if hit is None)
        for verdicts in fresh:  # to the end, so the worker pool is closed and joined
            found[next(slots)] = verdicts
        return (verdicts for verdicts in found if verdicts is not None)


LOCAL: Engine = _Local()


def story_work(
    documents: Sequence[Document], mentions: Sequence[Mention], found_stories: Sequence[Story], found_origins: Sequence[Origin]
) -> list[StoryWork]:
    """The reduce step's input, one piece per story."""
    by_source = {d.source.id: d for d in documents}
    mentions_of: dict[str, list[Mention]] = {}
    for mention in mentions:
        mentions_of.setdefault(mention.source_id, []).append(mention)
    origin_of = origins.origin_of(found_origins)
    return [
        StoryWork(
            story,
            tuple(by_source[s] for s in story.sources),
            tuple(m for s in story.sources for m in mentions_of.get(s, ())),
            {s: origin_of.get(s, s) for s in story.sources},
            {s: by_source[s].source.published for s in story.sources},
        )
        for story in found_stories
    ]


def finish(verdicts: Sequence[Verdict]) -> tuple[Verdict, ...]:
    """The verdicts of every story in report order, each claim with its final id."""
    ids = match.claim_ids([v.claim for v in verdicts])
    return judge.ordered(replace(v, claim=replace(v.claim, id=i)) for v, i in zip(verdicts, ids))


def report(
    reads: Iterable[Read],
    settings: Settings,
    *,
    skipped: tuple[Skipped, ...] = (),
    warnings: tuple[str, ...] = (),
    engine: Engine = LOCAL,
    progress: Progress = _quiet,
) -> Report:
    """The reduce half of the pipeline: group the read articles into stories, then match and
    judge each story's claims. ``claimcheck judge`` starts here, from ``claimcheck extract``."""
    documents, mentions, notes = _documents_and_mentions(reads)
    found_origins = origins.find_origins([d.source for d in documents])
    progress("matching", 0, None)
    found_stories = stories.stories(documents, mentions, found_origins)
    progress("judging", 0, None)
    work = story_work(documents, mentions, found_stories, found_origins)
    every = finish([v for verdicts in engine.settle(work, settings) for v in verdicts])
    # Claims of other kinds are not part of this report at all (not even counted as omitted);
    # they were judged with the rest, so the kinds kept have the verdicts and ids of a full run.
    verdicts = [v for v in every if v.claim.kind in settings.kinds]
    return Report(
        documents=documents,
        verdicts=tuple(v for v in verdicts if keep(v, settings)),
        omitted=tuple(v for v in verdicts if not keep(v, settings)),
        skipped=skipped,
        origins=found_origins,
        stories=found_stories,
        # a source with none of the kinds asked for says nothing to this report
        warnings=tuple(sorted(warnings + notes + silent_sources(documents, [m for m in mentions if m.kind in settings.kinds]))),
    )


def check(
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    engine: Engine = LOCAL,
) -> Report:
    """Read the articles at ``paths`` and judge every claim they make.

    Raises:
        InputError: when no article at all could be read.
    """
    settings = settings or Settings()
    progress = progress or _quiet
    progress("reading", 0, None)
    ingested = _ingest(paths, settings, stdin)
    reads = engine.read(ingested.sources, settings, progress)
    return report(reads, settings, skipped=ingested.skipped, warnings=ingested.warnings, engine=engine, progress=progress)
