"""Settings: every threshold and switch of a run, with its documented default."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimcheck.errors import ConfigError
from claimcheck.model import Kind, Status

ALL_KINDS = frozenset(Kind)
ALL_STATUSES = frozenset(Status)


@dataclass(frozen=True, slots=True)
class Settings:
    """What to extract and report, and how strictly to match.

    Attributes:
        kinds: claim kinds to extract.
        statuses: verdicts to keep in the report.
        min_sources: keep only claims stated by at least this many sources.
        reference_date: publication date for sources whose own date cannot be found; relative
            dates ("on Tuesday", "next month") resolve against it.
        include_captions: take claims from photo captions and credits too.
        workers: processes used to read and extract sources (output never depends on it).
        max_file_bytes: larger files are skipped, not read.
    """

    kinds: frozenset[Kind] = ALL_KINDS
    statuses: frozenset[Status] = ALL_STATUSES
    min_sources: int = 1
    reference_date: dt.date | None = None
    include_captions: bool = False
    workers: int = 1
    max_file_bytes: int = 20_000_000
    # Matching: two mentions of one kind state the same fact when the rapidfuzz score of their
    # contexts reaches `agree_cutoff` (values compatible) or `conflict_cutoff` (values differ:
    # a conflict needs stronger evidence that it is the same event).
    agree_cutoff: float = 55.0
    conflict_cutoff: float = 70.0

    def __post_init__(self) -> None:
        problem = _problem(self)
        if problem is not None:
            raise ConfigError(problem)


MAX_WORKERS = 64


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _problem(settings: Settings) -> str | None:
    """What makes ``settings`` unusable, in one line, or None."""
    if not isinstance(settings.kinds, frozenset) or not settings.kinds or not all(isinstance(k, Kind) for k in settings.kinds):
        return f"kinds must be some of {', '.join(k.value for k in Kind)}"
    if not isinstance(settings.statuses, frozenset) or not settings.statuses or not all(
        isinstance(s, Status) for s in settings.statuses
    ):
        return f"statuses must be some of {', '.join(s.value for s in Status)}"
    if not _is_int(settings.min_sources) or settings.min_sources < 1:
        return f"min_sources must be a whole number of at least 1, not {settings.min_sources!r}"
    if settings.reference_date is not None and type(settings.reference_date) is not dt.date:
        return f"reference_date must be a date (YYYY-MM-DD), not {settings.reference_date!r}"
    if not isinstance(settings.include_captions, bool):
        return f"include_captions must be True or False, not {settings.include_captions!r}"
    if not _is_int(settings.workers) or not 1 <= settings.workers <= MAX_WORKERS:
        return f"workers must be a whole number from 1 to {MAX_WORKERS}, not {settings.workers!r}"
    if not _is_int(settings.max_file_bytes) or settings.max_file_bytes < 1:
        return f"max_file_bytes must be a whole number of at least 1, not {settings.max_file_bytes!r}"
    for name in ("agree_cutoff", "conflict_cutoff"):
        value = getattr(settings, name)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 200:
            return f"{name} must be a score from 0 to 200, not {value!r}"
    return None
