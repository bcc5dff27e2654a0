"""README stays true: its commands are the ones CI runs, and it documents every option and exit code."""

from __future__ import annotations

import re

import click
import pytest

from claimcheck.cli import ExitStatus, cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_two_commands_at_the_top_of_readme() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2
    top = README[: README.index("## What it does")]
    for command in commands:
        assert command in top


def test_every_option_of_every_command_is_documented() -> None:
    assert isinstance(cli, click.Group)
    for name, command in cli.commands.items():
        assert f"claimcheck {name}" in README, name
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in README, f"{name} {opt}"


def test_every_exit_code_is_documented() -> None:
    table = README[README.index("## Exit codes") :]
    for code in ExitStatus:
        assert re.search(rf"^\| {int(code)} \|", table, re.MULTILINE), code


def test_every_required_json_key_is_documented() -> None:
    from tests.conftest import schema

    for key in schema()["required"] + schema()["$defs"]["claim"]["required"]:
        assert f"`{key}`" in README, key


def test_the_table_example_is_what_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import run_cli

    monkeypatch.chdir(ROOT)
    intro = re.search(r"^`claimcheck (run [^`]+)` \(a labelled", README, re.MULTILINE)
    assert intro is not None
    block = README[README.index("```text\n", intro.end()) + len("```text\n") :]
    block = block[: block.index("```\n")]
    printed = run_cli(intro.group(1).split()).stdout
    assert block == "".join(line.rstrip() + "\n" for line in printed.splitlines())


def test_every_key_the_schema_describes_is_in_readme() -> None:
    from tests.conftest import schema

    defs = schema()["$defs"]
    mention = defs["claim"]["properties"]["mentions"]["items"]
    parts = [schema(), schema()["properties"]["sources"]["items"], schema()["properties"]["summary"], defs["claim"], mention]
    # only with --baseline; only for quotations; only on JSON Lines
    optional = {"changes", "integrity", "added", "dropped", "schema_version", "source_paths"}
    for part in parts:
        missing = set(part["properties"]) - set(part["required"]) - optional
        assert not missing, sorted(missing)
        for key in part["properties"]:
            assert f"`{key}`" in README, key


def test_json_input_keys_are_documented() -> None:
    ingest_section = README[README.index("1. **ingest**") : README.index("2. **segment**")]
    for key in ("text", "id", "title", "url", "published"):
        assert f"`{key}`" in ingest_section, key


def test_the_json_example_is_what_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """README shortens the document (lists cut, "…" for the rest); what it shows is real."""
    import json

    from tests.conftest import run_cli

    monkeypatch.chdir(ROOT)
    block = README[README.index("```json\n") + len("```json\n") :]
    example = json.loads(block[: block.index("```\n")])
    printed = run_cli(["run", "seeds/", "--json"]).json()
    assert list(example) == list(printed)
    for key in ("schema_version", "tool", "skipped", "warnings", "summary"):
        assert example[key] == printed[key], key
    assert example["sources"][0] == printed["sources"][0]
    assert example["origins"][0] == printed["origins"][0]
    (claim,) = example["claims"]
    actual = next(c for c in printed["claims"] if c["id"] == claim["id"])
    for key, value in claim.items():
        if key in ("mentions", "matches", "values"):
            for shown in value:
                if isinstance(shown, dict) and "…" not in json.dumps(shown, ensure_ascii=False):
                    assert shown in actual[key], key
        else:
            assert value == actual[key], key


def test_the_explain_example_names_a_claim_of_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 12, README walk-through: the example named "v-d694", an id from an earlier release.
    from tests.conftest import run_cli

    monkeypatch.chdir(ROOT)
    found = re.search(r"`claimcheck (explain \S+\s+\S+)`", README)
    assert found is not None
    printed = run_cli(found.group(1).split()).stdout
    assert "Johannesburg" in printed and "Pretoria" in printed


def test_the_fail_on_example_is_a_line_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import run_cli

    monkeypatch.chdir(ROOT)
    found = re.search(r"\(for `(fixtures/\S+)`: `(claimcheck: fail-on conflicting: [^`]+)`\)", README)
    assert found is not None
    result = run_cli(["run", found.group(1), "--fail-on", "conflicting"], expect=ExitStatus.FINDINGS)
    assert found.group(2) in result.stderr.splitlines()
