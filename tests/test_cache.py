"""The article cache (--cache): a cached run writes the bytes of a fresh one and reads only
the articles it has not seen; the folder stays under --cache-max-size."""

from __future__ import annotations

import multiprocessing
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from claimcheck import cache, pipeline
from claimcheck.cli import ExitStatus
from claimcheck.settings import Settings
from tests.conftest import FIXTURES, run_cli

ARTICLES = FIXTURES / "ferry" / "articles"


@pytest.fixture(scope="module")
def fresh() -> str:
    return run_cli(["run", str(ARTICLES), "--json"]).stdout


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the source of every document the parse stage is handed."""
    parsed: list[str] = []
    real = pipeline.lang.parse

    def counted(documents: Any, **options: Any) -> Any:
        parsed.extend(d.source.id for d in documents)
        return real(documents, **options)

    monkeypatch.setattr(pipeline.lang, "parse", counted)
    return parsed


def test_a_cached_run_writes_the_same_bytes_and_reads_nothing_again(
    tmp_path: Path, fresh: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_cli(["run", str(ARTICLES), "--json", "--cache", str(tmp_path)]).stdout == fresh
    parsed = _counting(monkeypatch)

    def no_model(name: str) -> None:
        raise AssertionError("spaCy was loaded although every article was cached")

    monkeypatch.setattr(sys.modules["claimcheck.lang.parse"], "load", no_model)
    assert run_cli(["run", str(ARTICLES), "--json", "--cache", str(tmp_path)]).stdout == fresh
    assert parsed == []


def test_only_new_articles_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    newest = sorted(folder.iterdir())[-1]
    held = newest.read_bytes()
    newest.unlink()
    run_cli(["run", str(folder), "--json", "--cache", str(tmp_path / "cache")])
    newest.write_bytes(held)
    parsed = _counting(monkeypatch)
    cached = run_cli(["run", str(folder), "--json", "--cache", str(tmp_path / "cache")]).stdout
    assert parsed == [newest.stem]
    assert cached == run_cli(["run", str(folder), "--json"]).stdout


def test_settings_that_change_extraction_are_part_of_the_key_and_kinds_reuse_it(tmp_path: Path) -> None:
    run_cli(["run", str(ARTICLES), "--json", "--cache", str(tmp_path)])
    for options in (["--include-captions"], ["--reference-date", "2020-01-02"], ["--kinds", "date,venue"]):
        cached = run_cli(["run", str(ARTICLES), "--json", "--cache", str(tmp_path), *options]).stdout
        assert cached == run_cli(["run", str(ARTICLES), "--json", *options]).stdout, options


def test_a_source_moved_to_another_path_is_still_a_hit() -> None:
    from claimcheck.model import Source

    settings = Settings(parse_cache="/unused")
    a = Source("a", "one/a.txt", "Talks open on Monday.")
    assert cache.key(a, settings) == cache.key(Source("a", "two/a.txt", a.text), settings)
    assert cache.key(a, settings) != cache.key(Source("a", "one/a.txt", a.text + " "), settings)
    assert cache.key(a, settings) != cache.key(Source("b", "one/a.txt", a.text), settings)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir())


def test_the_cache_stays_under_its_size_bound(tmp_path: Path, fresh: str) -> None:
    run_cli(["run", str(ARTICLES), "--json", "--cache", str(tmp_path)])
    whole = _size(tmp_path)
    # two thirds: the parses must go, while the run's own map and story entries (about half of
    # the whole since each article keeps its names) still fit
    bound = whole * 2 // 3
    result = run_cli(["run", str(ARTICLES), "--json", "--cache", str(tmp_path), "--cache-max-size", f"{bound}B"])
    assert result.stdout == fresh
    assert 0 < _size(tmp_path) <= bound


@pytest.mark.parametrize("size", ["big", "-5MB", "5 parsecs", "MB"])
def test_a_size_that_is_not_one_is_a_usage_error(size: str) -> None:
    result = run_cli(["run", str(ARTICLES), "--cache-max-size", size], expect=ExitStatus.USAGE)
    assert "is not a size such as 500MB" in result.stderr


def _run_into(folder: str, queue: Any) -> None:
    from claimcheck.report.json import render

    settings = Settings(parse_cache=folder, cache_dir=None)
    queue.put(render(pipeline.check([str(ARTICLES)], settings)))


@pytest.mark.skipif(sys.platform == "win32", reason="forks")
def test_concurrent_runs_share_one_cache_folder(tmp_path: Path, fresh: str) -> None:
    from claimcheck import lang
    from claimcheck.settings import DEFAULT_MODEL

    lang.load(DEFAULT_MODEL)  # forked runs share this process's parser
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    runs = [context.Process(target=_run_into, args=(str(tmp_path), queue)) for _ in range(3)]
    for run in runs:
        run.start()
    outputs = [queue.get(timeout=300) for _ in runs]
    for run in runs:
        run.join()
    assert outputs == [fresh] * 3
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    assert run_cli(["run", str(ARTICLES), "--json", "--cache", str(tmp_path)]).stdout == fresh
