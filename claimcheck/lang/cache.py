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
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def load_or_build(directory: str | None, name: str, key: str, build: Callable[[], T]) -> T:
    """The cached ``name`` for ``key`` from ``directory``, else ``build()`` (then stored).

    With ``directory`` None nothing is read or written.
    """
    if directory is None:
        return build()
    path = Path(directory) / f"{name}-{key}.pickle"
    with contextlib.suppress(Exception):  # missing, truncated, or written by other code: rebuild
        with path.open("rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    value = build()
    with contextlib.suppress(OSError):
        _store(path, value)
        for old in path.parent.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    return value


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
