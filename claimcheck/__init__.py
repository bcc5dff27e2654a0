"""claimcheck: cross-check the claims of news articles.

    >>> import claimcheck
    >>> [s.text for s in claimcheck.split_sentences("Talks open on Jan. 10 in Vienna. Both sides agreed.")]
    ['Talks open on Jan. 10 in Vienna.', 'Both sides agreed.']

The public API is listed in ``__all__``; everything else may change between versions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

__version__ = "0.1.0"

from claimcheck.errors import ClaimcheckError, ConfigError, InputError
from claimcheck.model import (
    Claim,
    Document,
    Kind,
    Mention,
    Origin,
    Region,
    Report,
    Role,
    Sentence,
    Skipped,
    Source,
    Span,
    Status,
    Verdict,
)
from claimcheck.report.json import SCHEMA_VERSION
from claimcheck.settings import Settings, user_cache_dir

__all__ = [
    "SCHEMA_VERSION",
    "Claim",
    "ClaimcheckError",
    "ConfigError",
    "Document",
    "InputError",
    "Kind",
    "Mention",
    "Origin",
    "Report",
    "Sentence",
    "Settings",
    "Skipped",
    "Source",
    "Span",
    "Status",
    "Verdict",
    "check",
    "extract_claims",
    "report_json",
    "split_sentences",
]


def check(paths: Sequence[str] | str, **options: Any) -> Report:
    """Read the articles at ``paths`` (files or folders) and judge every claim.

    ``options`` are the fields of :class:`Settings` (``kinds``, ``statuses``, ``min_sources``,
    ``reference_date``, ``include_captions``, ``workers``, ``model``…); kinds and statuses may
    be given as strings. ``cache_dir`` defaults to the user cache folder, as on the command line
    (pass None to keep the gazetteer index in memory only).

    Raises:
        InputError: nothing readable at ``paths``.
        ConfigError: an option has no such name or an unusable value.
    """
    from claimcheck import pipeline

    if isinstance(paths, str):
        paths = [paths]
    options.setdefault("cache_dir", user_cache_dir(os.environ))
    return pipeline.check(list(paths), make_settings(**options))


def make_settings(**options: Any) -> Settings:
    """Settings from keyword options, accepting strings where enums or dates are expected."""
    names = {f.name for f in dataclasses.fields(Settings)}
    unknown = sorted(set(options) - names)
    if unknown:
        raise ConfigError(f"unknown option(s): {', '.join(unknown)}; expected some of {', '.join(sorted(names))}")
    try:
        for name, enum in (("kinds", Kind), ("statuses", Status)):
            if name in options:
                given = options[name]
                items = given.split(",") if isinstance(given, str) else given  # "date,quote" too
                options[name] = frozenset(enum(str(n).strip()) if not isinstance(n, enum) else n for n in items)
        date = options.get("reference_date")
        if isinstance(date, str):
            options["reference_date"] = dt.date.fromisoformat(date)
        elif isinstance(date, dt.datetime):
            options["reference_date"] = date.date()
    except (ValueError, TypeError) as error:
        raise ConfigError(f"{error}") from None
    return Settings(**options)


def split_sentences(text: str) -> list[Span]:
    """Split English news text into sentences; each has ``.text``, ``.start`` and ``.end``."""
    from claimcheck.segment import split_sentences as split

    return split(text)


def extract_claims(text: str, reference_date: str | dt.date | None = None) -> list[Mention]:
    """The mentions (dates, quotations, venues, numbers) in one text, in text order.

    Each has ``.kind .value .text .start .end`` (offsets into ``text``) and ``.speaker`` for
    quotations. ``reference_date`` resolves relative dates such as "on Tuesday".
    """
    from claimcheck import pipeline

    published = reference_date.isoformat() if isinstance(reference_date, dt.date) else reference_date
    source = Source(id="text", path="-", text=text, published=published, regions=(Region(0, len(text), Role.BODY),))
    _, extracted = pipeline.read(source, Settings(cache_dir=user_cache_dir(os.environ)))
    return list(extracted.mentions)


def report_json(report: Report) -> str:
    """The report as schema-version-1 JSON text (what ``claimcheck run --json`` prints)."""
    from claimcheck.report.json import render

    return render(report)
