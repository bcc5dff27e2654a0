"""The command line: a thin click layer over the library.

Each command turns its options into Settings, calls the library, picks a renderer and prints.
Errors are translated into exit statuses in one place (``_Group.invoke``).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import stat
import sys
import tempfile
import traceback as tb
from collections.abc import Callable, Iterator
from enum import IntEnum
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import click
from rich.console import Console
from rich.text import Text

from claimcheck import __version__, make_settings
from claimcheck import baseline as baselines
from claimcheck.errors import ClaimcheckError, ConfigError, InputError
from claimcheck.model import Kind, Report, Skipped, Status
from claimcheck.report.safe import printable
from claimcheck.settings import DEFAULT_MODEL, KNOWN_MODELS, Settings, user_cache_dir

F = TypeVar("F", bound=Callable[..., Any])

PROGRESS_MIN_FILES = 20  # a progress bar for fewer files is only flicker
PLAIN_WIDTH = 120  # table width when stdout is not a terminal


class ExitStatus(IntEnum):
    """Every exit status of claimcheck (also listed in README and --help)."""

    OK = 0  # report written; no --fail-on threshold met
    FINDINGS = 1  # --fail-on met
    USAGE = 2  # bad option, missing path, conflicting flags
    NO_INPUT = 3  # nothing readable
    INTERNAL = 4  # a bug: one line, --traceback for the rest
    WRITE_FAILED = 5  # the report could not be written (a full disk, an I/O error)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143  # SIGTERM (128 + SIGTERM)


EXIT_CODES_HELP = """\b
Exit codes:
  0    report written; no --fail-on threshold met
  1    --fail-on met (conflicting, or unique/conflicting claims)
  2    usage error: bad option, missing path, conflicting flags, model not installed
  3    nothing readable (every file skipped, empty folder, bad baseline)
  4    internal error (rerun with --traceback to see it)
  5    the report could not be written (disk full, I/O error)
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)"""

RUN_EXAMPLES = """\b
Examples:
  claimcheck run seeds/                       # a table in the terminal
  claimcheck run seeds/ --json | jq '.summary'
  claimcheck run articles/ --fail-on conflicting --quiet   # in CI
  claimcheck run new/ --baseline old.json --fail-on conflicting
  claimcheck run a.html b.txt --kinds date,venue --status conflicting
  cat story.txt | claimcheck run - --reference-date 2024-03-14

"""


# A name that reads the same quoted or not. Matches: "seeds/a.txt". Not: "a b.txt", "a\nb".
_PLAIN_NAME = re.compile(r"[\w./@+,=-]+")


def one_line(text: str) -> str:
    """A message on one line: newlines, tabs and control characters shown as escapes."""
    return printable(text).replace("\n", "\\n").replace("\t", "\\t")


def quoted(name: str) -> str:
    """A file name for a message: as it is when plain, else in double quotes with escapes."""
    if _PLAIN_NAME.fullmatch(name):
        return name
    return one_line(json.dumps(name, ensure_ascii=False))


class CommaChoice(click.ParamType):  # type: ignore[type-arg]  # generic only in click >= 8.2
    """A comma-separated list of choices, e.g. ``--kinds date,quote``."""

    name = "list"

    def __init__(self, choices: list[str]) -> None:
        self.choices = choices

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[str, ...]:
        if isinstance(value, tuple):
            return value
        items = tuple(dict.fromkeys(v.strip().lower() for v in str(value).split(",") if v.strip()))
        bad = [v for v in items if v not in self.choices]
        if bad or not items:
            self.fail(f"{', '.join(bad) or 'nothing'} is not one of {', '.join(self.choices)}", param, ctx)
        return items

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return ",".join(self.choices)


def _traceback_option(f: F) -> F:
    def remember(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value:
            ctx.meta["claimcheck.traceback"] = True

    return click.option(
        "--traceback",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=remember,
        help="Show the full traceback of an internal error.",
    )(f)


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so that temporary files and workers are cleaned up."""


def _terminate(_signum: int, _frame: Any) -> None:
    raise Terminated


class WriteError(ClaimcheckError):
    """The report could not be written: a full disk, an I/O error (never a closed pipe)."""


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    """Turn an error writing the report into WriteError (a closed pipe stays BrokenPipeError)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise WriteError(f"cannot write the report: {error.strerror or error}") from None


class _Group(click.Group):
    """Translates library errors into exit statuses, once, for every command."""

    def invoke(self, ctx: click.Context) -> Any:
        if isinstance(sys.stdout, io.TextIOWrapper):
            # Text the stream's encoding cannot hold is replaced, never an error (JSON is
            # escaped instead, see _ascii_only).
            sys.stdout.reconfigure(errors="replace")
        try:
            try:
                return super().invoke(ctx)
            finally:
                with _writing():  # a full disk shows here, not at exit where it would be lost
                    sys.stdout.flush()
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except WriteError as error:
            with contextlib.suppress(OSError, ValueError):  # what is buffered cannot be written either
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            click.echo(f"claimcheck: error: {one_line(str(error))}", err=True)
            ctx.exit(ExitStatus.WRITE_FAILED)
        except Terminated:
            click.echo("claimcheck: terminated", err=True)
            ctx.exit(ExitStatus.TERMINATED)
        except ConfigError as error:
            # A setting the library cannot use (an unknown model…): one line with the fix, exit 2.
            # Not a click.UsageError: that would print the group's usage, not the command's.
            click.echo(f"claimcheck: error: {error}", err=True)
            ctx.exit(ExitStatus.USAGE)
        except ClaimcheckError as error:
            click.echo(f"claimcheck: error: {one_line(str(error))}", err=True)
            ctx.exit(ExitStatus.NO_INPUT)
        except KeyboardInterrupt:
            click.echo("claimcheck: interrupted", err=True)
            ctx.exit(ExitStatus.INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly, and keep Python from complaining
            # when it flushes stdout at exit.
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(ExitStatus.OK)
        except Exception as error:  # a bug: one line, unless asked for more
            if ctx.meta.get("claimcheck.traceback"):
                click.echo(tb.format_exc(), err=True, nl=False)
            else:
                click.echo(
                    f"claimcheck: internal error: {type(error).__name__}: {error} (rerun with --traceback)",
                    err=True,
                )
            ctx.exit(ExitStatus.INTERNAL)


@click.group(cls=_Group, epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="claimcheck", message="%(prog)s %(version)s")
@_traceback_option
def cli() -> None:
    """Cross-check the claims of news articles: dates, quotations, venues and numbers.

    Each claim is reported as corroborated (two or more sources agree), unique (one source) or
    conflicting (sources state the same fact differently), with its evidence.
    """


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` to ``path`` as a Unix tool writes its output file.

    A regular file is replaced atomically (readers see the old file or the new one, never
    half), keeping its mode, or honouring the umask when it is new. A symbolic link is written
    through to its target. A file that is not regular (``/dev/stdout``, a FIFO, a terminal) is
    written into, never replaced.
    """
    try:
        existing: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _output_path(output: str | None, inputs: tuple[str, ...]) -> str | None:
    """The file ``-o`` names, or None for standard output (``-o -``), checked before the run:
    its folder exists, and it is none of the input files (it would overwrite an article)."""
    if output is None or output == "-":
        return None
    target = os.path.realpath(output)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise click.BadParameter(f"folder {folder} does not exist", param_hint="'-o' / '--output'")
    if os.path.isfile(target):
        for path in inputs:
            if path == "-":
                continue
            source = os.path.realpath(path)
            inside = os.path.isdir(source) and target.startswith(source.rstrip(os.sep) + os.sep)
            if inside or source == target:
                raise click.BadParameter(f"{output} is one of the input files", param_hint="'-o' / '--output'")
    return output


def _resolve_format(fmt: str | None, as_json: bool) -> str:
    if as_json and fmt not in (None, "json"):
        raise click.UsageError(f"--json contradicts --format {fmt}")
    return "json" if as_json else (fmt or "table")


def _settings(
    kinds: tuple[str, ...] | None,
    statuses: tuple[str, ...] | None,
    min_sources: int,
    reference_date: Any,
    include_captions: bool,
    workers: int,
    model: str | None = None,
    parse_cache: str | None = None,
    cache_max_bytes: int | None = None,
) -> Settings:
    options: dict[str, Any] = {
        "min_sources": min_sources,
        "include_captions": include_captions,
        "workers": workers,
        "reference_date": reference_date.date() if reference_date else None,
    }
    if model:
        options["model"] = model
    options["cache_dir"] = user_cache_dir(os.environ)
    if parse_cache:
        options["parse_cache"] = parse_cache
    if cache_max_bytes is not None:
        options["cache_max_bytes"] = cache_max_bytes
    if kinds:
        options["kinds"] = kinds
    if statuses:
        options["statuses"] = statuses
    return make_settings(**options)


class _Console(Console):
    """rich's Console, except that a closed pipe raises BrokenPipeError for ``_Group`` to
    handle like every other format (rich's own handler exits 1, which means "--fail-on met")."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def _console(*, no_color: bool, file: Any = None, stderr: bool = False) -> Console:
    """The only place a Console is made: the stream and the environment decide decoration."""
    stream = file if file is not None else (sys.stderr if stderr else sys.stdout)
    plain = no_color or "NO_COLOR" in os.environ or file is not None
    terminal = not plain and hasattr(stream, "isatty") and stream.isatty()
    return _Console(
        file=stream,
        color_system=None if plain else "auto",
        force_terminal=False if plain else None,
        highlight=False,
        soft_wrap=False,
        width=None if terminal else PLAIN_WIDTH,
    )


@contextlib.contextmanager
def _progress(total_hint: int, *, quiet: bool) -> Iterator[Callable[[str, int, int | None], None] | None]:
    """A progress line on stderr naming each stage (reading, extracting, matching, judging),
    only on a terminal and only for many files."""
    if quiet or total_hint <= PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def update(stage: str, done: int, total: int | None) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        yield update


def _count_files(paths: tuple[str, ...]) -> int:
    total = 0
    for path in paths:
        if os.path.isdir(path):
            total += sum(len(files) for _, _, files in os.walk(path))
        else:
            total += 1
    return total


def _all_claims(report: Report, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every claim judged: those the report shows, then those --status or --min-sources left out."""
    from claimcheck.report.json import claim_dict

    documents = {d.source.id: d for d in report.documents}
    return [*data["claims"], *(claim_dict(v, documents) for v in report.omitted)]


def _findings(claims: list[dict[str, Any]], changes: dict[str, Any] | None, fail_on: str) -> list[dict[str, Any]]:
    """The claims that meet the --fail-on threshold: any claim, or with a baseline only new
    claims and claims whose status changed. --status and --min-sources do not hide any."""
    if fail_on == "never":
        return []
    bad = {"conflicting", "unique"} if fail_on == "unique" else {"conflicting"}
    if changes is not None:
        moved = set(changes["new"]) | {c["id"] for c in changes["status_changed"]}
        claims = [c for c in claims if c["id"] in moved]
    found = [c for c in claims if c["status"] in bad or (fail_on == "unique" and _one_origin(c))]
    if fail_on == "contradiction":  # not an update of a running figure, nor two authorities' values
        found = [c for c in found if c.get("disagreement") not in ("update", "attribution")]
    return found


def _one_origin(claim: dict[str, Any]) -> bool:
    """A corroboration that rests on copies of one wire story: one independent source."""
    return bool(claim["status"] == "corroborated" and claim["independent_sources"] < 2)


def _report_findings(findings: list[dict[str, Any]], fail_on: str) -> None:
    for claim in findings:
        value = claim["value"] if len(claim["value"]) <= 60 else claim["value"][:59] + "..."
        click.echo(
            f"claimcheck: fail-on {fail_on}: {claim['id']} {claim['status']} {claim['kind']} "
            f"{one_line(value)} ({one_line(', '.join(claim['sources']))})",
            err=True,
        )


def _ascii_only(output: str | None) -> bool:
    """Whether JSON must be escaped to ASCII: stdout's encoding cannot hold all of Unicode."""
    if output is not None:
        return False  # files are written in UTF-8
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return not encoding.startswith(("utf", "ucs"))


def _render(report: Report, data: dict[str, Any], fmt: str, console: Console, *, ascii_only: bool) -> str | None:
    """The report as text in ``fmt``; the table is printed to ``console`` instead (None)."""
    from claimcheck.report import json as json_report
    from claimcheck.report import markdown

    if fmt == "json":
        return json_report.dumps(data, ascii_only=ascii_only)
    if fmt == "jsonl":
        lines = list(json_report.render_lines(report, ascii_only=ascii_only))
        if "changes" in data:
            lines.append(json_report.changes_line(data["changes"], ascii_only=ascii_only))
        return "".join(lines)
    if fmt == "markdown":
        return markdown.render(report, changes=data.get("changes"))
    from claimcheck.report import table

    table.render(report, console)
    if "changes" in data:
        _print_changes(data["changes"], console)
    return None


def _print_changes(changes: dict[str, Any], console: Console) -> None:
    console.print(
        Text(
            f"Against {printable(changes['baseline'])}: {len(changes['new'])} new claims, "
            f"{len(changes['new_conflicts'])} new conflicts, {len(changes['status_changed'])} changed status, "
            f"{len(changes['gone'])} gone."
        )
    )
    arrow = "->" if console.no_color or not console.is_terminal else "→"
    for change in changes["status_changed"]:
        console.print(f"  {change['id']}: {change['before']} {arrow} {change['after']}")
    for claim_id in changes["new_conflicts"]:
        console.print(f"  new conflict: {claim_id}")


def _report_notes(report: Report, *, quiet: bool) -> None:
    if quiet:
        return
    for skipped in report.skipped:
        click.echo(f"claimcheck: skipped {quoted(skipped.path)}: {one_line(skipped.reason)}", err=True)
    for warning in report.warnings:
        click.echo(f"claimcheck: warning: {one_line(warning)}", err=True)


PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
KINDS = click.option(
    "--kinds",
    type=CommaChoice([k.value for k in Kind]),
    help="Claim kinds to report (default: all); the others are still read and matched, so each claim's verdict is the same as in a run of every kind.",
)
MENTION_KINDS = click.option(
    "--kinds",
    type=CommaChoice([k.value for k in Kind]),
    help="Mention kinds to print (default: all). `claimcheck judge` matches only what it reads: to narrow its report, give it --kinds instead.",
)
REFERENCE_DATE = click.option(
    "--reference-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date for articles whose own date cannot be found (YYYY-MM-DD).",
)
CAPTIONS = click.option("--include-captions", is_flag=True, help="Take claims from photo captions and credits too.")
OUTPUT = click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to FILE (atomically; - is stdout) instead of stdout.")
# Measured with benchmarks/workers_bench.py on 2 cores (README: Workers): 2 workers beat 1, and 4
# did not beat 2; more than 4 is not measured, so the default stops there.
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """The cores this process may use, up to ``MAX_DEFAULT_WORKERS``."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(usable, MAX_DEFAULT_WORKERS))


WORKERS = click.option(
    "--workers", "-j", type=click.IntRange(1, 64), default=default_workers, show_default="the usable cores, up to 4",
    help="Processes that read articles and match stories; output never depends on it (README: Workers).",
)

MODEL = click.option(
    "--model",
    metavar="NAME",
    envvar="CLAIMCHECK_MODEL",
    show_envvar=True,
    help=f"Installed spaCy pipeline that parses sentences (default: {DEFAULT_MODEL}; also "
    f"{', '.join(KNOWN_MODELS[1:])}).",
)

class ByteSize(click.ParamType):  # type: ignore[type-arg]  # generic only in click >= 8.2
    """A size in bytes, e.g. ``500MB``, ``2GB``, ``800k`` or ``1000000`` (decimal units)."""

    name = "size"
    UNITS: ClassVar[dict[str, int]] = {"": 1, "B": 1, "K": 10**3, "KB": 10**3, "M": 10**6, "MB": 10**6, "G": 10**9, "GB": 10**9, "T": 10**12, "TB": 10**12}
    # Matches: "500MB", "1.5 GB", "800k". Not: "MB", "-5MB", "5 parsecs".
    SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([A-Za-z]*)")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        found = self.SIZE.fullmatch(str(value).strip())
        unit = found.group(2).upper() if found else ""
        if found is None or unit not in self.UNITS:
            self.fail(f"{value!r} is not a size such as 500MB or 2GB", param, ctx)
        return int(float(found.group(1)) * self.UNITS[unit])


PARSE_CACHE = click.option(
    "--cache",
    "parse_cache",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Keep each article's sentences, parses and mentions in DIR, by content hash, and reuse them.",
)
CACHE_MAX_SIZE = click.option(
    "--cache-max-size",
    "cache_max_bytes",
    type=ByteSize(),
    default="1GB",
    show_default=True,
    help="The most the --cache entries may take; the least recently used are removed first.",
)


def _report_options(f: F) -> F:
    """The options that choose what a report shows and where it goes (`run` and `judge`)."""
    for option in reversed(
        (
            click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "markdown"]), help="Output format (default: table)."),
            click.option("--json", "as_json", is_flag=True, help="Shorthand for --format json."),
            OUTPUT,
            KINDS,
            click.option("--status", "statuses", type=CommaChoice([s.value for s in Status]), help="Statuses to show (default: all); the headline and --fail-on still count every claim."),
            click.option("--min-sources", type=click.IntRange(1), default=1, show_default=True, help="Only show claims stated by at least N sources."),
            click.option(
                "--fail-on",
                type=click.Choice(["conflicting", "contradiction", "unique", "never"]),
                default="never",
                show_default=True,
                help="Exit 1 if any claim is conflicting ('contradiction': conflicting other than an update of a running figure or values of different authorities; 'unique': not corroborated), naming each on stderr. With --baseline: only new or changed claims count.",
            ),
            click.option("--baseline", type=click.Path(exists=True, dir_okay=False), help="An earlier JSON report: report what changed since."),
        )
    ):
        f = option(f)
    return f


QUIET = click.option("--quiet", "-q", is_flag=True, help="No progress bar, no per-file notes on stderr.")
NO_COLOR = click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set).")


@contextlib.contextmanager
def _engine(engine: str, scheduler: str | None) -> Iterator[Any]:
    """The engine that runs the map and reduce steps (see pipeline.Engine), for the run."""
    from claimcheck import pipeline

    if engine == "local":
        if scheduler is not None:
            raise click.UsageError("--scheduler needs --engine dask")
        yield pipeline.LOCAL
        return
    if scheduler is None:
        raise click.UsageError("--engine dask needs --scheduler tcp://HOST:PORT (the address of a running dask scheduler)")
    from claimcheck import cluster

    with cluster.connect(scheduler) as connected:
        yield connected


@cli.command(epilog=RUN_EXAMPLES + EXIT_CODES_HELP)
@PATHS
@_report_options
@REFERENCE_DATE
@CAPTIONS
@WORKERS
@MODEL
@PARSE_CACHE
@CACHE_MAX_SIZE
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the per-article and per-story steps run: this machine, or a dask.distributed cluster (--scheduler).",
)
@click.option("--scheduler", metavar="ADDRESS", help="The dask scheduler's address for --engine dask, e.g. tcp://10.0.0.5:8786.")
@QUIET
@NO_COLOR
@_traceback_option
def run(
    paths: tuple[str, ...],
    kinds: tuple[str, ...] | None,
    reference_date: Any,
    include_captions: bool,
    workers: int,
    model: str | None,
    parse_cache: str | None,
    cache_max_bytes: int,
    engine: str,
    scheduler: str | None,
    quiet: bool,
    no_color: bool,
    **shown: Any,
) -> None:
    """Check the articles in PATHS (files, folders, or - for stdin) and report every claim."""
    from claimcheck import pipeline

    fmt = _resolve_format(shown["fmt"], shown["as_json"])
    output = _output_path(shown["output"], paths)
    settings = _settings(
        kinds, shown["statuses"], shown["min_sources"], reference_date, include_captions, workers, model,
        parse_cache, cache_max_bytes,
    )
    old = _baseline(shown["baseline"], settings)
    with _engine(engine, scheduler) as runner, _progress(_count_files(paths), quiet=quiet) as progress:
        report = pipeline.check(list(paths), settings, stdin=sys.stdin, progress=progress, engine=runner)
    _emit(report, fmt, output, old, shown["baseline"], shown["fail_on"], quiet=quiet, no_color=no_color)


def _baseline(path: str | None, settings: Settings) -> dict[str, Any] | None:
    """The earlier report to compare with, narrowed to the kinds this run reports: a run of
    dates against a baseline of every kind must not call every other claim gone."""
    if not path:
        return None
    old = baselines.load(path)
    kinds = {k.value for k in settings.kinds}
    return {**old, "claims": [c for c in old["claims"] if c.get("kind") in kinds]}


def _emit(
    report: Report, fmt: str, output: str | None, old: Any, baseline: str | None, fail_on: str, *, quiet: bool, no_color: bool
) -> None:
    """Print ``report`` as asked, then exit 1 when --fail-on is met."""
    from claimcheck.report.json import report_dict

    _report_notes(report, quiet=quiet)
    data = report_dict(report)
    claims = _all_claims(report, data)
    if old is not None and baseline is not None:
        data["changes"] = baselines.compare(old, {"claims": claims}, baseline_path=baseline)
    buffer = io.StringIO()
    console = _console(no_color=no_color or output is not None, file=buffer if output else None)
    with _writing():
        text = _render(report, data, fmt, console, ascii_only=_ascii_only(output))
        if output:
            write_atomically(output, text if text is not None else buffer.getvalue())
        elif text is not None:
            sys.stdout.write(text)
            sys.stdout.flush()
    findings = _findings(claims, data.get("changes"), fail_on)
    _report_findings(findings, fail_on)
    if findings:
        raise click.exceptions.Exit(ExitStatus.FINDINGS)


@cli.command()
@PATHS
@MENTION_KINDS
@REFERENCE_DATE
@CAPTIONS
@OUTPUT
@WORKERS
@MODEL
@PARSE_CACHE
@CACHE_MAX_SIZE
@_traceback_option
def extract(
    paths: tuple[str, ...],
    kinds: tuple[str, ...] | None,
    reference_date: Any,
    include_captions: bool,
    output: str | None,
    workers: int,
    model: str | None,
    parse_cache: str | None,
    cache_max_bytes: int,
) -> None:
    """Print JSON Lines: one object per source with its sentences and mentions, then one per
    skipped file and warning. `claimcheck judge` reads them and finishes the run."""
    from claimcheck import ingest, pipeline
    from claimcheck.report import extraction

    output = _output_path(output, paths)
    settings = _settings(kinds, None, 1, reference_date, include_captions, workers, model, parse_cache, cache_max_bytes)
    ingested = ingest.ingest(list(paths), settings=settings, stdin=sys.stdin)
    for skipped in ingested.skipped:
        click.echo(f"claimcheck: skipped {quoted(skipped.path)}: {one_line(skipped.reason)}", err=True)
    if not ingested.sources:
        raise InputError(f"nothing readable in {', '.join(paths)}")
    ascii_only = _ascii_only(output)
    reads = list(pipeline.LOCAL.read(ingested.sources, settings, lambda *_: None))
    skipped_values = pipeline.skipped_values(reads)
    for warning in sorted(ingested.warnings + skipped_values):
        click.echo(f"claimcheck: warning: {one_line(warning)}", err=True)
    records = [
        *(extraction.render_source(d, [m for m in found.mentions if m.kind in settings.kinds]) for d, found in reads),
        *(extraction.render_skipped(s) for s in ingested.skipped),
        *(extraction.render_warning(w) for w in ingested.warnings + skipped_values),
    ]
    lines = "".join(json.dumps(r, ensure_ascii=ascii_only) + "\n" for r in records)
    with _writing():
        if output:
            write_atomically(output, lines)
        else:
            sys.stdout.write(lines)
            sys.stdout.flush()


@cli.command(name="judge", epilog=EXIT_CODES_HELP)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@_report_options
@WORKERS
@QUIET
@NO_COLOR
@_traceback_option
def judge_command(inputs: tuple[str, ...], workers: int, quiet: bool, no_color: bool, **shown: Any) -> None:
    """Finish a run from `claimcheck extract` output: group its sources into stories, match and
    judge their claims, and report as `claimcheck run` does. INPUTS are JSON Lines files, or -
    for stdin: `claimcheck extract PATHS | claimcheck judge - --json` prints what
    `claimcheck run PATHS --json` prints."""
    from claimcheck import pipeline
    from claimcheck.report import extraction

    fmt = _resolve_format(shown["fmt"], shown["as_json"])
    output = _output_path(shown["output"], inputs)
    settings = _settings(shown["kinds"], shown["statuses"], shown["min_sources"], None, False, workers)
    old = _baseline(shown["baseline"], settings)
    reads: dict[str, pipeline.Read] = {}
    skipped: list[Skipped] = []
    warnings: list[str] = []
    for name in inputs:
        with contextlib.ExitStack() as stack:
            stream = sys.stdin if name == "-" else stack.enter_context(open(name, encoding="utf-8"))
            for number, line in enumerate(stream, 1):
                found = extraction.read_line(line, f"{quoted(name)} line {number}")
                if isinstance(found, tuple):
                    if found[0].source.id in reads:
                        raise InputError(f"{quoted(name)} line {number}: source {found[0].source.id} appears twice")
                    reads[found[0].source.id] = found
                elif isinstance(found, Skipped):
                    skipped.append(found)
                elif found is not None:
                    warnings.append(found)
    if not reads:
        raise InputError(f"no sources in {', '.join(inputs)}")
    report = pipeline.report(
        [reads[k] for k in sorted(reads)],
        settings,
        skipped=tuple(sorted(skipped, key=lambda s: (s.path, s.reason))),
        warnings=tuple(sorted(warnings)),
    )
    _emit(report, fmt, output, old, shown["baseline"], shown["fail_on"], quiet=quiet, no_color=no_color)


@cli.command()
@click.argument("claim_id")
@PATHS
@REFERENCE_DATE
@CAPTIONS
@MODEL
@PARSE_CACHE
@click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set).")
@_traceback_option
def explain(
    claim_id: str,
    paths: tuple[str, ...],
    reference_date: Any,
    include_captions: bool,
    model: str | None,
    parse_cache: str | None,
    no_color: bool,
) -> None:
    """Explain one claim of `claimcheck run PATHS`: its mentions, the matching scores and
    shared context, the comparison of values and the verdict rule that fired.

    CLAIM_ID is the id shown in the JSON report (a unique prefix is enough).
    """
    from claimcheck import pipeline
    from claimcheck.report import explain as explain_report

    settings = _settings(None, None, 1, reference_date, include_captions, 1, model, parse_cache)
    report = pipeline.check(list(paths), settings, stdin=sys.stdin)
    found = [v for v in report.verdicts if v.claim.id.startswith(claim_id)]
    if len(found) != 1:
        known = ", ".join(v.claim.id for v in report.verdicts[:5])
        problem = "no claim" if not found else f"{len(found)} claims"
        raise click.UsageError(f"{problem} with id {claim_id!r} in this report (ids look like: {known}…)")
    with _writing():
        explain_report.render(found[0], report, _console(no_color=no_color))


@cli.command(name="eval")
@click.argument("sets", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--by-kind", is_flag=True, help="Break every figure down by claim kind.")
@click.option("--misses", "show_misses", is_flag=True, help="List each miss with the sentences involved.")
@click.option(
    "--cross-validate",
    is_flag=True,
    help="Leave one set out: score each set with a matcher fitted on the other sets given.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures (and misses) as JSON.")
@WORKERS
@MODEL
@PARSE_CACHE
@_traceback_option
def evaluate(
    sets: tuple[str, ...],
    by_kind: bool,
    show_misses: bool,
    cross_validate: bool,
    as_json: bool,
    workers: int,
    model: str | None,
    parse_cache: str | None,
) -> None:
    """Measure verdicts against labelled sets (folders holding gold.json, or a folder of them).

    Prints one line per set and the micro-averaged totals: conflict recall and precision,
    corroborated recall and precision, unique precision and false conflicts. With --workers,
    the sets are shared among processes (each set read in one); the figures never depend on it.
    """
    from claimcheck import evaluate as evaluation
    from claimcheck import learn

    base = _settings(None, None, 1, None, False, workers, model, parse_cache)
    try:
        if cross_validate and len(evaluation.labelled_sets(sets)) < 2:
            raise click.UsageError("--cross-validate needs at least two labelled sets")
        results = learn.cross_validate(sets, base) if cross_validate else evaluation.evaluate(sets, base)
    except InputError as error:  # a folder that is not a labelled set is a bad argument
        click.echo(f"claimcheck: error: {error}", err=True)
        raise click.exceptions.Exit(ExitStatus.USAGE) from None
    if as_json:
        payload = {
            "sets": [r.to_dict() for r in results],
            "totals": [t.to_dict() for t in evaluation.totals(results)],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(evaluation.format_results(results, by_kind=by_kind, misses=show_misses))


def main() -> None:
    """Entry point of the `claimcheck` command."""
    signal.signal(signal.SIGTERM, _terminate)
    cli(prog_name="claimcheck")
