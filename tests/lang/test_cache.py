"""The disk cache: atomic, keyed, and never an error."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from claimcheck.lang import cache
from claimcheck.settings import user_cache_dir


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return {"springfield": 1}


def test_built_once_then_loaded(tmp_path: Path) -> None:
    build = Builder()
    assert cache.load_or_build(str(tmp_path), "index", "v1", build) == {"springfield": 1}
    assert cache.load_or_build(str(tmp_path), "index", "v1", build) == {"springfield": 1}
    assert build.calls == 1
    assert [p.name for p in tmp_path.iterdir()] == ["index-v1.pickle"]


def test_a_new_key_rebuilds_and_removes_the_stale_entry(tmp_path: Path) -> None:
    build = Builder()
    cache.load_or_build(str(tmp_path), "index", "v1", build)
    cache.load_or_build(str(tmp_path), "index", "v2", build)
    assert build.calls == 2
    assert [p.name for p in tmp_path.iterdir()] == ["index-v2.pickle"]


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"x": 1})[:5]])
def test_a_broken_entry_is_rebuilt_never_an_error(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "index-v1.pickle").write_bytes(content)
    build = Builder()
    assert cache.load_or_build(str(tmp_path), "index", "v1", build) == {"springfield": 1}
    assert build.calls == 1
    with (tmp_path / "index-v1.pickle").open("rb") as handle:
        assert pickle.load(handle) == {"springfield": 1}


def test_a_folder_that_cannot_be_written_only_costs_a_rebuild(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    build = Builder()
    assert cache.load_or_build(str(blocker / "cache"), "index", "v1", build) == {"springfield": 1}
    assert build.calls == 1


def test_no_folder_means_nothing_is_written(tmp_path: Path) -> None:
    build = Builder()
    cache.load_or_build(None, "index", "v1", build)
    cache.load_or_build(None, "index", "v1", build)
    assert build.calls == 2


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    cache.load_or_build(str(tmp_path / "new"), "index", "v1", Builder())
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["index-v1.pickle"]


def test_the_user_cache_dir_follows_xdg() -> None:
    assert user_cache_dir({"XDG_CACHE_HOME": "/var/cache/me"}) == "/var/cache/me/claimcheck"
    home = os.path.expanduser("~")
    assert user_cache_dir({}) == os.path.join(home, ".cache", "claimcheck")
    assert user_cache_dir({"XDG_CACHE_HOME": "relative"}) == os.path.join(home, ".cache", "claimcheck")


def test_evict_removes_the_least_recently_used_entries_first(tmp_path: Path) -> None:
    for n, name in enumerate(["map-a", "map-b", "parse-c", "map-d"]):
        (tmp_path / f"{name}.pickle").write_bytes(b"x" * 100)
        os.utime(tmp_path / f"{name}.pickle", (1_000_000 + n, 1_000_000 + n))
    (tmp_path / "notes.txt").write_bytes(b"y" * 1000)  # not an entry: never removed
    assert cache.load(str(tmp_path), "map", "a", touch=True) is None  # unreadable, so not touched
    (tmp_path / "map-a.pickle").write_bytes(pickle.dumps("k" * 90))
    os.utime(tmp_path / "map-a.pickle", (1_000_000, 1_000_000))
    assert cache.load(str(tmp_path), "map", "a", touch=True) == "k" * 90  # used now: kept longest
    assert cache.evict(str(tmp_path), ("map", "parse"), 250) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map-a.pickle", "map-d.pickle", "notes.txt"]


def test_evict_removes_temporary_files_of_dead_writers(tmp_path: Path) -> None:
    stale, young = tmp_path / ".map-a.pickle.x1.tmp", tmp_path / ".map-b.pickle.x2.tmp"
    for path in (stale, young):
        path.write_bytes(b"half")
    os.utime(stale, (1_000_000, 1_000_000))
    cache.evict(str(tmp_path), ("map",), 10**9)
    assert not stale.exists() and young.exists()
