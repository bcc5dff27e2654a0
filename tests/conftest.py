"""Shared test helpers: a CLI runner that fails loudly, golden-file regeneration, schema checks."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck import pipeline
from claimcheck.cli import ExitStatus, cli
from claimcheck.evaluate import read_set
from claimcheck.model import Report
from claimcheck.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


@cache
def session_cache() -> str:
    """A folder for the map step of every labelled set, kept for the session: the refit check
    (tests/test_learn.py) reads the articles' sentences and mentions from it instead of parsing
    them again. Which run fills it depends on the order tests run in; cached and fresh runs
    give byte-identical reports (tests/test_cache.py)."""
    folder = tempfile.mkdtemp(prefix="claimcheck-tests-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@cache
def set_report(set_dir: Path) -> Report:
    """A labelled set's report, run once a session (the golden files and the accuracy floor
    read the same run) from the repository root with relative paths, so that a golden file
    does not depend on where the checkout lives."""
    fixture = read_set(set_dir, Settings(parse_cache=session_cache()))
    articles = fixture.articles.resolve()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return pipeline.check([os.path.relpath(articles, ROOT)], fixture.settings)
    finally:
        os.chdir(cwd)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite fixtures/<set>/expected.json from the current output (review the diff in git).",
    )


@pytest.fixture(scope="session", autouse=True)
def gazetteer() -> None:
    """Load the gazetteer from the user's cache, as the command line does, so that a session
    builds it at most once (tests that call extractors directly pass no cache_dir)."""
    from claimcheck.extract import places
    from claimcheck.settings import user_cache_dir

    places.load_index(user_cache_dir(os.environ))


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once for the whole session (``lang.load`` caches it)."""
    from claimcheck import lang
    from claimcheck.settings import DEFAULT_MODEL

    return lang.load(DEFAULT_MODEL)


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(
    args: list[str],
    expect: ExitStatus = ExitStatus.OK,
    input: str | None = None,
    env: dict[str, str | None] | None = None,
    charset: str = "utf-8",
) -> CliResult:
    """Run `claimcheck ARGS`, failing the test on any exit status but ``expect``.

    ``charset`` is the encoding of the fake stdout and stderr (``ascii``: a terminal that takes
    nothing else); the output is decoded back with it."""
    runner = CliRunner(charset=charset)
    result = runner.invoke(cli, args, input=input, env=env, catch_exceptions=False)
    out = CliResult(result.exit_code, result.stdout, result.stderr)
    assert result.exit_code == expect, (
        f"exit {result.exit_code}, wanted {int(expect)}\nstdout:\n{out.stdout[-2000:]}\nstderr:\n{out.stderr[-2000:]}"
    )
    return out


@cache
def schema() -> dict[str, Any]:
    return json.loads(
        resources.files("claimcheck").joinpath("schema.json").read_text(encoding="utf-8")
    )


def validate_report(data: Any) -> None:
    """Every report a test produces must follow the shipped schema."""
    jsonschema.validate(data, schema())


def validate_claim_line(data: Any) -> None:
    jsonschema.validate(data, {**schema()["$defs"]["claim"], "$defs": schema()["$defs"]})


def validate_changes_line(data: Any) -> None:
    jsonschema.validate(data, {**schema()["$defs"]["changes_line"], "$defs": schema()["$defs"]})
