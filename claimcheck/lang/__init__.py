"""The one home of shared language code: the spaCy pipeline and the lexicons.

``parse`` runs the loaded pipeline over each sentence that holds a candidate value and keeps
its tokens, lemmas, tags, dependencies and entities with offsets into ``Source.text``;
``names`` reads the persons, organisations and countries a parse names and compares names and
speakers; ``lexicon`` reads the shared word lists from the data files in ``claimcheck/lang/en/``.
"""

from __future__ import annotations

from claimcheck.lang.dateline import DATELINE, body_start
from claimcheck.lang.facts import FactKey, Facts, fact_key
from claimcheck.lang.lexicon import (
    YEAR,
    agencies,
    alternation,
    calendar_words,
    cardinals,
    dimensions,
    fate_words,
    fractions,
    groups,
    lines,
    measures,
    month_abbreviations,
    month_names,
    months,
    number_words,
    rows,
    saying_verbs,
    stop_words,
    tagged,
    unit_forms,
    unit_sizes,
    unit_words,
    units,
    weekday_abbreviations,
    weekday_names,
    words,
)
from claimcheck.lang.parse import holds_candidate, load, parse
from claimcheck.lang.parse import windows as parse_windows

__all__ = [
    "DATELINE",
    "YEAR",
    "FactKey",
    "Facts",
    "agencies",
    "alternation",
    "body_start",
    "calendar_words",
    "cardinals",
    "dimensions",
    "fact_key",
    "fate_words",
    "fractions",
    "groups",
    "holds_candidate",
    "lines",
    "load",
    "measures",
    "month_abbreviations",
    "month_names",
    "months",
    "number_words",
    "parse",
    "parse_windows",
    "rows",
    "saying_verbs",
    "stop_words",
    "tagged",
    "unit_forms",
    "unit_sizes",
    "unit_words",
    "units",
    "weekday_abbreviations",
    "weekday_names",
    "words",
]
