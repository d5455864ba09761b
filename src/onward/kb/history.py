"""The full history of a fact: every statement ever loaded about it, corrections and retractions included.

When a reviewer corrects "11 Uzbeks deported" to "10", current views show 10; the history shows
both statements, who loaded each and when, and which one replaced which — so a lawyer can see what
the knowledge base said on the day a letter was drafted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from onward.errors import InputError
from onward.model.statement import SUBJECT_PATTERN, Statement
from onward.store import Store
from onward.store import kb as kb_store


@dataclass(frozen=True)
class HistoryEntry:
    """One statement with its place in the history: when it became known, who loaded it, what replaced it."""

    id: str
    statement: Statement
    known_from: dt.date | None
    loaded_at: dt.datetime
    loaded_by: str
    superseded_by: tuple[str, ...]

    @property
    def current(self) -> bool:
        return not self.superseded_by


def history(store: Store, subject: str, property: str | None = None) -> list[HistoryEntry]:
    """Every statement about ``subject`` (and ``property``), oldest load first, superseded ones included."""
    if not re.match(SUBJECT_PATTERN, subject):
        raise InputError(
            f"{subject!r} is not a subject", hint='subjects are written prefix:id, e.g. "state:KZ" or "incident:…"'
        )
    with store.read() as connection:
        found = kb_store.select_statements(
            connection,
            as_of=None,
            subjects=[subject],
            properties=[property] if property is not None else None,
            include_superseded=True,
        )
    replaced: dict[str, list[str]] = {}
    for entry in found:
        if entry.statement.supersedes is not None:
            replaced.setdefault(entry.statement.supersedes, []).append(entry.id)
    entries = [
        HistoryEntry(
            id=entry.id,
            statement=entry.statement,
            known_from=_known(entry),
            loaded_at=entry.loaded_at,
            loaded_by=entry.loaded_by,
            superseded_by=tuple(replaced.get(entry.id, ())),
        )
        for entry in found
    ]
    return sorted(entries, key=lambda e: (e.statement.property, e.loaded_at, e.id))


def _known(entry: kb_store.StoredStatement) -> dt.date | None:
    statement = entry.statement
    known = statement.known_from or entry.source_date or statement.valid_from
    return known.latest() if known else None
