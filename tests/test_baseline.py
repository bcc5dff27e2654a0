"""Baselines: an earlier report, read defensively (issue 12, hostile 6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck import baseline
from claimcheck.errors import InputError

GOOD_CLAIM = '{"id": "d-1", "kind": "date", "status": "unique", "mentions": [{"source": "a", "start": 0, "end": 4}]}'


@pytest.mark.parametrize(
    "text",
    [
        '{"schema_version": 1, "claims": [{}]}',
        '{"schema_version": 1, "claims": [1, "x", null]}',
        '{"schema_version": 1, "claims": [{"id": "d-1", "kind": "date"}]}',
        '{"schema_version": 1, "claims": [{"id": 5, "kind": "date", "status": "unique", "mentions": []}]}',
        '{"schema_version": 1, "claims": [{"id": "d-1", "kind": "date", "status": "unique", "mentions": [{}]}]}',
        '{"schema_version": 1, "claims": [{"id": "d-1", "kind": "date", "status": "unique", "mentions": 3}]}',
        "[" * 100_000 + "]" * 100_000,
        '{"schema_version": 1, "claims": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ],
    ids=["empty claim", "not objects", "missing keys", "id not a string", "empty mention",
         "mentions not a list", "deep list", "deep claims"],
)  # fmt: skip
def test_a_malformed_baseline_is_an_input_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "old.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="baseline"):
        baseline.load(str(path))


def test_a_good_baseline_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text('{"schema_version": 1, "claims": [' + GOOD_CLAIM + "]}", encoding="utf-8")
    assert baseline.load(str(path))["claims"][0]["id"] == "d-1"


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # opening it to read would wait for a writer for ever
    with pytest.raises(InputError, match="not a regular file"):
        baseline.load(str(fifo))
    with pytest.raises(InputError, match="not a regular file"):
        baseline.load("/dev/zero")  # would read without end


def test_a_huge_baseline_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(baseline, "MAX_BYTES", 100)
    path = tmp_path / "old.json"
    path.write_text('{"schema_version": 1, "claims": []}' + " " * 200, encoding="utf-8")
    with pytest.raises(InputError, match="larger than"):
        baseline.load(str(path))
