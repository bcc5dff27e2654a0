"""Lexicons: the word lists every stage shares, kept as data files in ``claimcheck/lang/en/``.

A lexicon file holds one entry a line; blank lines and lines starting with ``#`` are comments.
Reading one is cheap and cached, so callers ask for it where they need it.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def lines(name: str, *, lang: str = "en") -> tuple[str, ...]:
    """The entries of ``claimcheck/lang/<lang>/<name>.txt``, in file order.

    >>> lines("number_words")[:3]
    ('zero', 'one', 'two')
    """
    text = resources.files("claimcheck.lang").joinpath(lang).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


@functools.cache
def words(name: str, *, lang: str = "en") -> frozenset[str]:
    """The entries of a lexicon as a set, for membership tests.

    >>> "dozen" in words("number_words")
    True
    """
    return frozenset(lines(name, lang=lang))
