"""Library errors: plain exceptions with one-line messages that name the file and the fix.

Only ``cli.py`` turns them into exit statuses.
"""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises on purpose."""


class InputError(ClaimcheckError):
    """Nothing usable could be read (no path, every file skipped…)."""


class ConfigError(ClaimcheckError):
    """An option or setting has a value claimcheck cannot use."""
