"""Count work instead of timing it: the Python lines a function runs in chosen modules.

A test that bounds work this way does not depend on the machine's speed or load.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def count_lines(run: Callable[[], object], keep: Callable[[str], bool]) -> int:
    """How many lines of code in the files ``keep`` accepts (by path) run during ``run()``."""
    count = 0

    def local(frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def call(frame: FrameType, event: str, _arg: Any) -> Any:
        if event == "call" and keep(frame.f_code.co_filename):
            return local
        return None

    previous = sys.gettrace()
    sys.settrace(call)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


def lines_run(function: Callable[..., Any], *args: Any, files: tuple[str, ...]) -> int:
    """How many lines of code in ``files`` (path suffixes) run during ``function(*args)``."""
    return count_lines(lambda: function(*args), lambda path: path.endswith(files))


def growth(make: Callable[[int], Any], function: Callable[..., Any], n: int, *, files: tuple[str, ...]) -> float:
    """How many times more lines run for an input of size 4n than for size n (4 when linear)."""
    return lines_run(function, make(4 * n), files=files) / max(lines_run(function, make(n), files=files), 1)
