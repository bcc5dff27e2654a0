"""A disk cache for indexes that are slow to build and cheap to load (the gazetteer).

Entries are pickles named ``<name>-<key>.pickle`` in one folder. The key names everything the
entry was built from (package versions, the source of the builder), so a new version rebuilds
it. Writes are atomic (a temporary file, then ``os.replace``); a missing, stale or broken entry
is rebuilt, and a folder that cannot be written only means the next run builds it again. A
cache never makes a run fail.

Only claimcheck writes these files, in the user's own cache folder: they are trusted as the
user's other files are (unpickling runs code, so never point ``cache_dir`` at a shared folder).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def load_or_build(directory: str | None, name: str, key: str, build: Callable[[], T]) -> T:
    """The cached ``name`` for ``key`` from ``directory``, else ``build()`` (then stored, and
    entries of ``name`` under other keys removed).

    With ``directory`` None nothing is read or written.
    """
    found: T | None = load(directory, name, key)
    if found is not None:
        return found
    value = build()
    store(directory, name, key, value, prune=True)
    return value


def load(directory: str | None, name: str, key: str, *, touch: bool = False) -> Any:
    """The cached ``name`` for ``key``, or None when it is missing or unreadable. With
    ``touch``, a hit is marked as used now, for ``evict`` (least recently used goes first)."""
    if directory is None:
        return None
    path = Path(directory) / f"{name}-{key}.pickle"
    with contextlib.suppress(Exception):  # missing, truncated, or written by other code: rebuild
        with path.open("rb") as handle:
            value = pickle.load(handle)
        if touch:
            with contextlib.suppress(OSError):
                os.utime(path)
        return value
    return None


# A temporary file this old was left by a writer that died (a finished write renames it at
# once): evict removes it.
STALE_TEMPORARY_SECONDS = 3600


def evict(directory: str | None, names: tuple[str, ...], max_bytes: int) -> int:
    """Remove the least recently used entries of ``names`` until they take at most
    ``max_bytes``; the number removed. Safe beside other runs writing and evicting in the same
    folder: an entry that is gone already is skipped, and a run that loses an entry only
    computes it again."""
    if directory is None:
        return 0
    entries: list[tuple[float, str, int]] = []
    now = time.time()
    with contextlib.suppress(OSError):
        with os.scandir(directory) as found:
            for entry in found:
                with contextlib.suppress(OSError):
                    if entry.name.endswith(".tmp") and entry.name.startswith(tuple(f".{n}-" for n in names)):
                        if now - entry.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                            os.unlink(entry.path)
                    elif entry.name.endswith(".pickle") and entry.name.startswith(tuple(f"{n}-" for n in names)):
                        info = entry.stat()
                        entries.append((info.st_mtime, entry.path, info.st_size))
    total = sum(size for _, _, size in entries)
    removed = 0
    for _, path, size in sorted(entries):
        if total <= max_bytes:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed += 1
        total -= size
    return removed


def store(directory: str | None, name: str, key: str, value: object, *, prune: bool = False) -> None:
    """Cache ``value`` as ``name`` for ``key`` (atomically; a failure only loses the entry).
    With ``prune``, entries of ``name`` under other keys are removed."""
    if directory is None:
        return
    path = Path(directory) / f"{name}-{key}.pickle"
    with contextlib.suppress(OSError):
        _store(path, value)
        if prune:
            for old in path.parent.glob(f"{name}-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)


def _store(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
