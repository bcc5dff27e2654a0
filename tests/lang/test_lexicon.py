"""Lexicons are data files shipped with the package."""

from __future__ import annotations

from claimcheck import lang


def test_comments_and_blank_lines_are_not_entries() -> None:
    entries = lang.lines("number_words")
    assert entries[0] == "zero"
    assert not any(e.startswith("#") or not e.strip() for e in entries)


def test_entries_are_lower_case_and_unique() -> None:
    entries = lang.lines("number_words")
    assert len(entries) == len(set(entries))
    assert all(e == e.casefold() for e in entries)
