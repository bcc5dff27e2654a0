"""Settings: every bad option is a ConfigError, whichever way it arrives (issue 12, hostile 11)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import claimcheck
from claimcheck.errors import ConfigError
from claimcheck.settings import Settings
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    "options",
    [
        {"reference_date": 20240101},
        {"reference_date": "14/03/2024"},
        {"reference_date": "2024-02-30"},
        {"workers": 2.5},
        {"workers": 0},
        {"workers": -1},
        {"workers": True},
        {"workers": "2"},
        {"workers": 65},
        {"min_sources": -1},
        {"min_sources": 0},
        {"min_sources": 1.5},
        {"kinds": ["date", "weather"]},
        {"kinds": 5},
        {"kinds": []},
        {"statuses": ["fine"]},
        {"statuses": None},
        {"include_captions": "yes"},
        {"max_file_bytes": 0},
        {"max_file_bytes": "big"},
        {"model": ""},
        {"matcher": "weights.json"},
        {"cache_dir": 5},
        {"colour": True},
    ],
    ids=repr,
)
def test_a_bad_option_is_a_config_error(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        claimcheck.check([str(SEEDS)], **options)


def test_settings_made_directly_are_checked_too() -> None:
    with pytest.raises(ConfigError, match="workers"):
        Settings(workers=0)


@pytest.mark.parametrize(
    "options",
    [
        {"kinds": "date"},
        {"kinds": ("date", "quote")},
        {"reference_date": dt.date(2024, 3, 14)},
        {"reference_date": dt.datetime(2024, 3, 14, 12, 0)},
        {"reference_date": None},
        {"workers": 1, "min_sources": 2, "cache_dir": None},
    ],
    ids=repr,
)
def test_good_options_are_accepted(options: dict[str, Any]) -> None:
    claimcheck.make_settings(**options)
