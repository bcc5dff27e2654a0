"""Lexicons are data files shipped with the package."""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

import pytest

from claimcheck import lang


def test_comments_and_blank_lines_are_not_entries() -> None:
    entries = lang.lines("cardinals")
    assert entries[0] == "zero 0 unit"
    assert not any(e.startswith("#") or not e.strip() for e in entries)


def test_number_words() -> None:
    assert lang.cardinals("unit")["nineteen"] == 19 and lang.cardinals("hundred") == {"hundred": 100}
    assert {"dozens", "thousands", "half", "three"} <= lang.number_words()
    words = [row[0] for row in lang.rows("cardinals")]
    assert len(words) == len(set(words)) and all(w == w.casefold() for w in words)




PACKAGE = Path(__file__).resolve().parents[2] / "claimcheck"

# Two names of one list in a row in code: "January February", "Jan|Feb", "Mon Tue", "AFP|Reuters".
# A date in a comment ("Jan. 10") has no second name right after it.
SECOND_COPY = re.compile(
    r"jan\w*\W{1,3}feb|mon\w*\W{1,3}tue|\bAFP\W{1,3}\w+\W{1,3}Reuters|Reuters\W{1,3}A(?:FP|P)\b",
    re.IGNORECASE,
)


def test_month_weekday_and_agency_lists_live_only_in_lang() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "lang" in path.relative_to(PACKAGE).parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert not SECOND_COPY.search(text), f"{path.name}: {SECOND_COPY.search(text)}"


def test_every_lexicon_file_is_package_data() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["claimcheck"]
    for path in (PACKAGE / "lang").rglob("*.txt"):
        relative = path.relative_to(PACKAGE).as_posix()
        assert any(fnmatch(relative, g) for g in globs), relative


def test_months_and_weekdays() -> None:
    assert lang.months()["sept"] == lang.months()["september"] == 9
    assert len(lang.month_names()) == 12 and len(lang.weekday_names()) == 7
    assert "sun" not in lang.calendar_words()  # a word as well as a weekday abbreviation


def test_agencies_have_known_roles() -> None:
    for line in lang.lines("agencies"):
        name, tab, roles = line.partition("\t")
        assert tab and name.strip() == name and set(roles.split()) <= {"wire", "credit"}, line
    assert "Reuters" in lang.agencies("wire") and "Getty Images" in lang.agencies("credit")


def test_groups_and_tags() -> None:
    assert dict(lang.groups("fates"))["missing"] == ("missing", "unaccounted")
    heads = [head for head, _ in lang.groups("synonyms")]
    assert len(heads) == len(set(heads))
    assert lang.tagged("titles", "person") <= lang.tagged("titles")
    assert "mr." in lang.tagged("titles", "person") and "acting" not in lang.tagged("titles", "person")
