"""The Dask engine: the map step (per article) and the reduce step (per story) on a
``dask.distributed`` cluster (``claimcheck run --engine dask --scheduler tcp://HOST:PORT``).

The driver (this process) ingests, groups the read articles into stories and numbers the claims;
the workers segment, parse and extract chunks of articles, and match and judge chunks of
stories, with the same functions the local engine calls (``pipeline.read_many``,
``pipeline.settle``). Results are gathered in input order, so the report's bytes equal the local
engine's. Each worker loads the spaCy pipeline once (on its first chunk) and keeps it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any

from claimcheck import cache, pipeline
from claimcheck.errors import ConfigError
from claimcheck.model import Source, Verdict
from claimcheck.settings import Settings

# Seconds to wait for the scheduler before giving up with one line.
CONNECT_TIMEOUT = 10
# Tasks per worker thread: enough that one slow chunk does not leave the others idle, few
# enough that the scheduler's per-task cost (about a millisecond) stays small.
TASKS_PER_THREAD = 4
MAX_CHUNK = 32


def _chunks(items: Sequence[Any], threads: int) -> list[Sequence[Any]]:
    size = max(1, min(MAX_CHUNK, math.ceil(len(items) / (max(threads, 1) * TASKS_PER_THREAD))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _settle_many(work: Sequence[pipeline.StoryWork], settings: Settings) -> list[tuple[Verdict, ...]]:
    return [pipeline.settle(one, settings) for one in work]


class Dask:
    """A pipeline.Engine on a dask.distributed client; a context manager that closes it."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def __enter__(self) -> Dask:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.client.close()

    def _threads(self) -> int:
        return sum(self.client.nthreads().values()) or 1

    def read(self, sources: Sequence[Source], settings: Settings, progress: pipeline.Progress) -> Iterator[pipeline.Read]:
        chunks = _chunks(sources, self._threads())
        futures = self.client.map(pipeline.read_many, chunks, settings=settings, pure=False)
        done = 0
        progress("extracting", 0, len(sources))
        for future in futures:  # in input order
            for read_one in future.result():
                done += 1
                yield read_one
            progress("extracting", done, len(sources))
        cache.evict(settings)

    def settle(self, work: Sequence[pipeline.StoryWork], settings: Settings) -> Iterator[tuple[Verdict, ...]]:
        futures = self.client.map(_settle_many, _chunks(work, self._threads()), settings=settings, pure=False)
        for future in futures:
            yield from future.result()


def connect(address: str) -> Dask:
    """A Dask engine on the scheduler at ``address``.

    Raises:
        ConfigError: dask.distributed is not installed, or no scheduler answers at ``address``.
    """
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - distributed is a dependency
        raise ConfigError('dask.distributed is not installed; install it with: pip install "distributed"') from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ConfigError(f"cannot reach the dask scheduler at {address}: {reason}") from None
    return Dask(client)
