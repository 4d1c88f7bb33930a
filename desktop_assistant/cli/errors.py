"""How a command fails: one line on stderr and an exit code, never a traceback (docs/cli.md).

A storage failure (full disk, read-only, damaged or newer database, ...) has its own code, the
`exit_code` of its StorageError (storage/errors.py); cli/storage.py prints it.
"""

from __future__ import annotations

PROG = "desktop-assistant"

EXIT_OK = 0
EXIT_FAILED = 1  # the check found a problem, or a bug (its details go to the log)
EXIT_USAGE = 2  # bad input or usage: nothing was done
EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports it


class UsageError(Exception):
    """Bad input or usage: one line on stderr, exit 2."""
