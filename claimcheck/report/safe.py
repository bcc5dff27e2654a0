"""Text for people: what an article says must not be able to drive the reader's terminal.

Control characters (ESC, BEL, C1 codes such as CSI) and bidirectional overrides in article
text, titles and file names would reach the table, Markdown and explain output, where
"\\x1b[2J" clears a screen and U+202E reverses a line. They are shown as escapes instead.
"""

from __future__ import annotations

import re

# Matches: "\x1b", "\x07", "\x9b" (C1), "\x7f", "\u202e" (right-to-left override).
# Not: "\n", "\t", "é", "—".
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape: "\\x1b[2J" → "\\\\x1b[2J".

    >>> printable("a\\x1b[31mb")
    'a\\\\x1b[31mb'
    """
    return UNPRINTABLE.sub(_escape, text)
