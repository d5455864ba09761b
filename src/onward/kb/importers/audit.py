"""What an importer made of a dataset file: the statements, and an account of everything it did not use.

"Pop and audit": an importer takes every column it understands and reports the rest; a row it
cannot use (a Political Terror Scale row for the Soviet Union, which has no ISO 3166-1 alpha-2
code) is listed with its line and the reason, never dropped silently; a row that contradicts
itself (Kazakhstan's ICCPR-OP1 row: flag "state party = 0", status "state party") is imported
with a note and partial verification, and listed as flagged so a person can check it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from onward.model.source import Source, Verification
from onward.model.statement import Statement


@dataclass(frozen=True)
class RowNote:
    """One row an importer skipped or flagged: where it is and why."""

    locator: str
    reason: str
    group: str | None = None


@dataclass
class ImportAudit:
    """The account of one file: rows read, statements made, columns ignored, rows skipped or flagged."""

    dataset: str
    file: str
    kind: str
    rows_read: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    skipped: list[RowNote] = field(default_factory=list)
    flagged: list[RowNote] = field(default_factory=list)
    tallies: Counter[str] = field(default_factory=Counter)

    def skip(self, locator: str, reason: str, group: str | None = None) -> None:
        """Record a row not imported; rows with the same ``group`` (one entity, one cause) are summarised together."""
        self.skipped.append(RowNote(locator, reason, group))

    def flag(self, locator: str, reason: str) -> None:
        self.flagged.append(RowNote(locator, reason))

    def skipped_groups(self) -> dict[str, list[RowNote]]:
        """Skipped rows by group (or by reason when ungrouped), in file order."""
        groups: dict[str, list[RowNote]] = {}
        for note in self.skipped:
            groups.setdefault(note.group or note.reason, []).append(note)
        return groups

    def as_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "file": self.file,
            "kind": self.kind,
            "rows_read": self.rows_read,
            "ignored_columns": self.ignored_columns,
            "skipped": [{"locator": n.locator, "reason": n.reason, "group": n.group} for n in self.skipped],
            "flagged": [{"locator": n.locator, "reason": n.reason} for n in self.flagged],
            "tallies": dict(sorted(self.tallies.items())),
        }


@dataclass
class ParsedDataset:
    """Sources and statements ready for ``onward.kb.loader.load_dataset``, with the audit of how they were made."""

    dataset: str
    sources: list[Source]
    statements: list[Statement]
    audit: ImportAudit


def weakened(verification: Verification) -> Verification:
    """The verification of a row that contradicts itself: at most partial, whatever its source's."""
    return Verification.UNVERIFIED if verification is Verification.UNVERIFIED else Verification.PARTIAL
