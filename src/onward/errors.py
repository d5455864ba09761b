"""Every error Onward raises on purpose, in one hierarchy.

The CLI and the web layer catch ``OnwardError`` once, at the edge, and turn it into a
clear message and an exit code; anything else is a bug and keeps its traceback.

    OnwardError
    ├── ConfigurationError      settings, database URL, missing optional extra
    ├── InputError              a file or value the user gave us is wrong
    │   └── CaseFileError       a case file with one or more located problems
    ├── NotFoundError           an id that names nothing in the store
    ├── ConflictError           a concurrent change would be overwritten
    └── StoreError              the database refused or is unreachable
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class OnwardError(Exception):
    """Root of every deliberate Onward error; ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class ConfigurationError(OnwardError):
    """The settings, the database URL or the installation cannot work as given."""

    exit_code = 3


class InputError(OnwardError):
    """A file or value the user supplied does not have the expected shape."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One located mistake in a user's file: where it is, what we expected, what we found."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    expected: str | None = None
    found: str | None = None
    hint: str | None = None

    def location(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def render(self) -> str:
        parts = [f"{self.location()}: {self.path or '<document>'}: {self.message}"]
        if self.expected is not None:
            parts.append(f"expected {self.expected}")
        if self.found is not None:
            parts.append(f"found {self.found}")
        text = "; ".join(parts)
        if self.hint:
            text += f" ({self.hint})"
        return text


class CaseFileError(InputError):
    """A case file with located problems; all of them are reported at once."""

    exit_code = 1

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        count = len(problems)
        super().__init__(f"{file}: {count} problem{'s' if count != 1 else ''} found")
        self.file = file
        self.problems = list(problems)


class NotFoundError(OnwardError):
    """An identifier that names nothing in the store."""

    exit_code = 4


class ConflictError(OnwardError):
    """A write based on a stale version would silently overwrite someone else's change."""

    exit_code = 5


class StoreError(OnwardError):
    """The database could not be reached or refused an operation."""

    exit_code = 6
