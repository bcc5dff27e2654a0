"""The pipeline: the only code that knows the order of the stages.

paths ─ingest→ Source* ─segment→ Sentence* ─extract→ Mention* ─match→ Claim* ─judge→ Verdict* → Report
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO

from claimcheck import extract, ingest, judge, match, origins, segment
from claimcheck.errors import InputError
from claimcheck.model import Document, Mention, Report, Role, Source, Verdict
from claimcheck.settings import Settings

# Told each stage as it starts and as it advances: (stage, done, total or None when unknown).
# Stages: "reading", "extracting" (one step per source), "matching", "judging".
Progress = Callable[[str, int, int | None], None]


def _quiet(_stage: str, _done: int, _total: int | None) -> None:
    pass


def read(source: Source, settings: Settings) -> tuple[Document, tuple[Mention, ...]]:
    """Segment one source and extract its mentions: the per-article work, run in workers."""
    document = Document(source, segment.segment(source))
    return document, extract.extract(document, settings=settings)


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


def _read_all(
    sources: Sequence[Source], settings: Settings, progress: Progress
) -> Iterator[tuple[Document, tuple[Mention, ...]]]:
    if settings.workers > 1 and len(sources) > 1:
        # Block Ctrl-C and SIGTERM while the workers are forked: they inherit the mask and set
        # their own handlers, and one that arrives meanwhile waits for the `try` below.
        blocked = _block_stops()
        try:
            pool = multiprocessing.Pool(min(settings.workers, len(sources)), initializer=_start_worker)
        except BaseException:
            _restore(blocked)
            raise
        try:
            _restore(blocked)
            # imap keeps input order, so the result never depends on which worker finished first.
            for done, result in enumerate(pool.imap(functools.partial(read, settings=settings), sources), 1):
                progress("extracting", done, len(sources))
                yield result
            pool.close()
        except BaseException:  # an error, Ctrl-C or SIGTERM: stop the workers, leave none behind
            pool.terminate()
            raise
        finally:
            pool.join()
    else:
        for done, source in enumerate(sources, 1):
            yield read(source, settings)
            progress("extracting", done, len(sources))


def silent_sources(read_results: Sequence[tuple[Document, tuple[Mention, ...]]]) -> tuple[str, ...]:
    """A warning for each source that has sentences but yields no claim, so none is lost silently."""
    warnings = []
    for document, mentions in read_results:
        if mentions or not document.sentences:
            continue
        marked = sum(1 for s in document.sentences if s.role in (Role.CAPTION, Role.FURNITURE))
        note = f" ({marked} of them captions or page furniture)" if marked else ""
        warnings.append(f"{document.source.path}: no claims found in its {len(document.sentences)} sentences{note}")
    return tuple(warnings)


def keep(verdict: Verdict, settings: Settings) -> bool:
    return verdict.status in settings.statuses and len(verdict.sources) >= settings.min_sources


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
    ingested = ingest.ingest(paths, settings=settings, stdin=stdin)
    if not ingested.sources:
        listed = "; ".join(f"{s.path}: {s.reason}" for s in ingested.skipped[:3])
        raise InputError(f"nothing readable in {', '.join(paths)}" + (f" ({listed})" if listed else ""))
    progress("extracting", 0, len(ingested.sources))
    read_results = list(_read_all(ingested.sources, settings, progress))
    documents = tuple(document for document, _ in read_results)
    mentions = tuple(m for _, found in read_results for m in found)
    found_origins = origins.find_origins(ingested.sources)
    progress("matching", 0, None)
    claims = match.match(documents, mentions, settings=settings)
    progress("judging", 0, None)
    verdicts = judge.judge(claims, found_origins, settings=settings)
    return Report(
        documents=documents,
        verdicts=tuple(v for v in verdicts if keep(v, settings)),
        omitted=tuple(v for v in verdicts if not keep(v, settings)),
        skipped=ingested.skipped,
        origins=found_origins,
        warnings=tuple(sorted(ingested.warnings + silent_sources(read_results))),
    )
