"""Engines: `extract | judge` and the Dask engine give the bytes of `claimcheck run --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import cluster
from claimcheck.cli import ExitStatus
from tests.conftest import FIXTURES, run_cli

ARTICLES = FIXTURES / "quake" / "articles"


@pytest.fixture(scope="module")
def local_json() -> str:
    return run_cli(["run", str(ARTICLES), "--json"]).stdout


def test_extract_then_judge_gives_the_bytes_of_run(local_json: str) -> None:
    lines = run_cli(["extract", str(ARTICLES)]).stdout
    assert run_cli(["judge", "-", "--json"], input=lines).stdout == local_json


def test_judge_narrows_its_report_as_run_does() -> None:
    lines = run_cli(["extract", str(ARTICLES)]).stdout
    narrow = run_cli(["run", str(ARTICLES), "--json", "--kinds", "number,venue"]).stdout
    assert run_cli(["judge", "-", "--json", "--kinds", "number,venue"], input=lines).stdout == narrow


def test_extract_prints_the_mention_kinds_asked_for() -> None:
    lines = run_cli(["extract", str(ARTICLES), "--kinds", "date"]).stdout.splitlines()
    kinds = {m["kind"] for line in lines for m in json.loads(line).get("mentions", [])}
    assert kinds == {"date"}


def test_judge_keeps_skipped_files_and_warnings(tmp_path: Path) -> None:
    for article in sorted(ARTICLES.iterdir())[:3]:
        (tmp_path / article.name).write_bytes(article.read_bytes())
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00binary")
    (tmp_path / "cp1252.txt").write_bytes("The caf\xe9 opened on Monday in Lisbon.\n".encode("cp1252"))
    expected = run_cli(["run", str(tmp_path), "--json"]).stdout
    assert json.loads(expected)["skipped"] and json.loads(expected)["warnings"]
    lines = run_cli(["extract", str(tmp_path)]).stdout
    extracted = tmp_path.parent / "extracted.jsonl"
    extracted.write_text(lines, encoding="utf-8")
    assert run_cli(["judge", str(extracted), "--json"]).stdout == expected


@pytest.mark.parametrize(
    "line",
    ['{"id": "a"}', "not json", '{"id": "a", "path": "a.txt", "text": 5}', "[1, 2]"],
)
def test_a_line_judge_cannot_read_is_one_line_exit_3(tmp_path: Path, line: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n", encoding="utf-8")
    result = run_cli(["judge", str(bad)], expect=ExitStatus.NO_INPUT)
    assert result.stderr.count("\n") == 1 and "line 1" in result.stderr and "claimcheck extract" in result.stderr


def test_the_dask_engine_gives_the_bytes_of_the_local_engine(local_json: str) -> None:
    # Worker threads (processes=False) in this process, which has loaded spaCy already: real
    # worker processes each load it again, which takes longer than the rest of this test.
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
    ) as local:
        assert local.scheduler_address.startswith("tcp://127.0.0.1:")
        result = run_cli(["run", str(ARTICLES), "--json", "--engine", "dask", "--scheduler", local.scheduler_address])
    assert result.stdout == local_json


def test_an_unreachable_scheduler_is_one_line_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    result = run_cli(["run", str(ARTICLES), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"], expect=ExitStatus.USAGE)
    assert result.stderr.startswith("claimcheck: error: cannot reach the dask scheduler at tcp://127.0.0.1:9")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "problem"),
    [(["--engine", "dask"], "--engine dask needs --scheduler"), (["--scheduler", "tcp://127.0.0.1:9"], "--scheduler needs --engine dask")],
)
def test_engine_and_scheduler_go_together(args: list[str], problem: str) -> None:
    assert problem in run_cli(["run", str(ARTICLES), *args], expect=ExitStatus.USAGE).stderr
