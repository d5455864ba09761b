"""Revising what we recorded about a source: a curated file re-read with a better quote or a reviewed verification.

A curator who upgrades "Kazakhstan extradited 28 Uzbeks" from *unverified* to *verified* after
reading the report edits the curated file and rebuilds. The fact (subject, property, value,
source, locator, validity) is the same, so its content id is the same — but the statement must not
be edited in place. The loader therefore stores a *revision*: the new statement, superseding the
latest stored version of that fact. Loading the same file again finds the revision and changes
nothing. Where a person has corrected or retracted the fact by other means, the file does not
override them: the statement is reported as differing and left alone.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from onward.model.statement import Statement
from onward.store import kb as kb_store

# What a revision may change: how we read the source, never what the fact is.
METADATA_FIELDS = ("raw_value", "quote", "verification", "known_from", "note")
IDENTITY_FIELDS = ("subject", "property", "value", "source", "locator", "valid_from", "valid_to")


def same_metadata(document: dict[str, Any], statement: Statement) -> bool:
    mine = statement.model_dump(mode="json", include=set(METADATA_FIELDS))
    return all(document.get(key) == mine.get(key) for key in METADATA_FIELDS)


def _same_fact(first: dict[str, Any], second: dict[str, Any]) -> bool:
    return all(first.get(key) == second.get(key) for key in IDENTITY_FIELDS)


class Outcome(StrEnum):
    CURRENT = "current"  # the latest stored version already says this
    REVISE = "revise"  # store the returned revision
    KEPT = "kept"  # a person corrected or retracted the fact: the file does not override them


def revision_of(
    connection: Connection, stored_id: str, stored: dict[str, Any], statement: Statement
) -> tuple[Outcome, Statement | None]:
    """What to do with ``statement``, already stored as ``stored_id`` (one query per stored version)."""
    current_id, current = stored_id, stored
    while True:
        successors = kb_store.corrections_of(connection, current_id)
        if not successors:
            break
        if len(successors) != 1 or not _same_fact(successors[0][1], current):
            return (Outcome.CURRENT if same_metadata(current, statement) else Outcome.KEPT), None
        current_id, current = successors[0]
    if same_metadata(current, statement):
        return Outcome.CURRENT, None
    return Outcome.REVISE, statement.model_copy(update={"supersedes": current_id})
