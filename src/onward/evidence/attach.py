"""Attaching a passage as evidence to a case or to a knowledge-base statement.

A researcher who finds, in Freedom House's 2012 report on Ukraine, the passage describing
Razvozzhaev's abduction from Kyiv attaches it to the case it supports (``onward evidence attach
ablyazov doc-….14``) or to the statement it corroborates, so that the drafted letter can cite it.
The case or statement must exist; attaching the same passage twice changes nothing.
"""

from __future__ import annotations

from onward.errors import InputError, NotFoundError
from onward.store import Store
from onward.store import cases as case_store
from onward.store import evidence as evidence_store
from onward.store import evidence_review as review_store
from onward.store import kb as kb_store

CASE = "case"
STATEMENT = "statement"


def attach(
    store: Store,
    passage_id: str,
    *,
    actor: str,
    case_id: str | None = None,
    statement_id: str | None = None,
    note: str | None = None,
) -> bool:
    """Attach the passage to a case or a statement (exactly one); False when it was attached already."""
    if (case_id is None) == (statement_id is None):
        raise InputError("attach a passage to a case or to a statement: give exactly one of them")
    evidence_store.get_passage(store, passage_id)
    if case_id is not None:
        case_store.get_case(store, case_id)
        return review_store.add_link(store, passage_id, kind=CASE, target=case_id, note=note, actor=actor)
    assert statement_id is not None
    with store.read() as connection:
        if not kb_store.existing_statement_ids(connection, [statement_id]):
            raise NotFoundError(
                f"no statement with id {statement_id!r} in the knowledge base", hint="`onward kb history SUBJECT`"
            )
    return review_store.add_link(store, passage_id, kind=STATEMENT, target=statement_id, note=note, actor=actor)
