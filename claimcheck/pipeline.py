"""The pipeline: the only code that knows the order of the stages.

paths ─ingest→ Source* ─segment→ Sentence* ─parse→ Parse* ─extract→ Mention* ─stories→ Story*
─match→ Claim* ─judge→ Verdict* → Report
"""

from __future__ import annotations

import functools
import math
import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO

from claimcheck import extract, ingest, judge, lang, match, origins, segment, stories
from claimcheck.errors import InputError
from claimcheck.model import Document, Extracted, Mention, Report, Role, Source, Verdict
from claimcheck.settings import Settings

# Told each stage as it starts and as it advances: (stage, done, total or None when unknown).
# Stages: "reading", "extracting" (one step per source), "matching", "judging".
Progress = Callable[[str, int, int | None], None]
Read = tuple[Document, Extracted]

# Articles segmented and parsed together: their sentences share one nlp.pipe stream, and a
# progress bar still moves every few articles.
READ_CHUNK = 32


def _quiet(_stage: str, _done: int, _total: int | None) -> None:
    pass


def read_many(sources: Sequence[Source], settings: Settings) -> tuple[Read, ...]:
    """Segment, parse and extract some sources: the per-article work, run in workers."""
    documents = [Document(source, segment.segment(source)) for source in sources]
    parsed = lang.parse(documents, settings=settings, wanted=lambda s: extract.eligible(s, settings))
    return tuple((document, extract.extract(document, settings=settings)) for document in parsed)


def read(source: Source, settings: Settings) -> Read:
    """Segment, parse and extract one source."""
    return read_many((source,), settings)[0]


def _chunks(sources: Sequence[Source], size: int) -> list[Sequence[Source]]:
    return [sources[i : i + size] for i in range(0, len(sources), size)]


_STOPS = {signal.SIGINT, signal.SIGTERM}


def _start_worker() -> None:
    """In a worker: Ctrl-C goes to the whole process group, and only the parent acts on it;
    SIGTERM (what Pool.terminate sends) ends the worker at once, whatever the parent's handler.
    The worker was forked with both signals blocked, so none is lost before this runs."""
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


def _read_all(sources: Sequence[Source], settings: Settings, progress: Progress) -> Iterator[Read]:
    done = 0
    if settings.workers > 1 and len(sources) > 1:
        size = max(1, min(READ_CHUNK, math.ceil(len(sources) / settings.workers)))
        chunks = _chunks(sources, size)
        # Block Ctrl-C and SIGTERM while the workers are forked: they inherit the mask and set
        # their own handlers, and one that arrives meanwhile waits for the `try` below.
        blocked = _block_stops()
        try:
            pool = multiprocessing.Pool(min(settings.workers, len(chunks)), initializer=_start_worker)
        except BaseException:
            _restore(blocked)
            raise
        try:
            _restore(blocked)
            # imap keeps input order, so the result never depends on which worker finished first.
            for result in pool.imap(functools.partial(read_many, settings=settings), chunks):
                for read_one in result:
                    done += 1
                    progress("extracting", done, len(sources))
                    yield read_one
            pool.close()
        except BaseException:  # an error, Ctrl-C or SIGTERM: stop the workers, leave none behind
            pool.terminate()
            raise
        finally:
            pool.join()
    else:
        for chunk in _chunks(sources, READ_CHUNK):
            for read_one in read_many(chunk, settings):
                done += 1
                progress("extracting", done, len(sources))
                yield read_one


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
    sources: Sequence[Source], settings: Settings, progress: Progress
) -> tuple[tuple[Document, ...], tuple[Mention, ...], tuple[str, ...]]:
    """Every document, every mention in them, and a warning for each value skipped."""
    progress("extracting", 0, len(sources))
    read_results = list(_read_all(sources, settings, progress))
    documents = tuple(document for document, _ in read_results)
    mentions = tuple(m for _, found in read_results for m in found.mentions)
    return documents, mentions, skipped_values(read_results)


def read_all(paths: Sequence[str], settings: Settings) -> tuple[tuple[Document, ...], tuple[Mention, ...]]:
    """The documents at ``paths`` and every mention in them: the pipeline up to matching."""
    documents, mentions, _ = _documents_and_mentions(_ingest(paths, settings, None).sources, settings, _quiet)
    return documents, mentions


def check(
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read the articles at ``paths`` and judge every claim they make.

    Raises:
        InputError: when no article at all could be read.
    """
    settings = settings or Settings()
    progress = progress or _quiet
    progress("reading", 0, None)
    ingested = _ingest(paths, settings, stdin)
    documents, mentions, notes = _documents_and_mentions(ingested.sources, settings, progress)
    found_origins = origins.find_origins(ingested.sources)
    progress("matching", 0, None)
    found_stories = stories.stories(documents, mentions)
    claims = match.match(documents, mentions, settings=settings, stories=found_stories)
    progress("judging", 0, None)
    published = {d.source.id: d.source.published for d in documents}
    verdicts = judge.judge(claims, found_origins, settings=settings, published=published)
    return Report(
        documents=documents,
        verdicts=tuple(v for v in verdicts if keep(v, settings)),
        omitted=tuple(v for v in verdicts if not keep(v, settings)),
        skipped=ingested.skipped,
        origins=found_origins,
        stories=found_stories,
        warnings=tuple(sorted(ingested.warnings + notes + silent_sources(documents, mentions))),
    )
