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
