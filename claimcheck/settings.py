"""Settings: every threshold and switch of a run, with its documented default."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
    # The fitted pair model that decides which mentions state one fact (None: the one shipped
    # in claimcheck/data/matcher.json). `claimcheck eval --cross-validate` passes its own.
    matcher: Matcher | None = None


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
            fitted too (the cut that best separates the training pairs).
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
