"""A search query's cost is bounded: short or many prefixes, deep parentheses and slow statements are refused."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from onward.errors import InputError
from onward.evidence.query import MAX_NESTING, MAX_PREFIXES, MAX_TERMS, parse_query
from onward.store import Store

# Counts to ten million on either backend: seconds of work, well past any deadline below.
SLOW = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000) SELECT count(*) FROM c"


def test_a_prefix_of_one_or_two_letters_is_refused() -> None:
    with pytest.raises(InputError, match="prefix 'r\\*' is too short"):
        parse_query("r* torture")
    with pytest.raises(InputError, match="too short"):
        parse_query('"asylum se"*')
    assert parse_query("dep*") is not None


def test_many_prefixes_are_refused_within_the_character_limit() -> None:
    with pytest.raises(InputError, match=f"more than {MAX_PREFIXES} prefixes"):
        parse_query(" ".join(["rus*"] * 120))
    assert parse_query(" OR ".join(["rus*"] * MAX_PREFIXES)) is not None


def test_too_many_terms_are_refused() -> None:
    with pytest.raises(InputError, match=f"more than {MAX_TERMS} words"):
        parse_query(" OR ".join(f"word{i}" for i in range(MAX_TERMS + 1)))


def test_deep_parentheses_are_a_clear_error_not_a_recursion_failure() -> None:
    with pytest.raises(InputError, match="nested more than"):
        parse_query("(" * 400 + "torture" + ")" * 400)
    assert parse_query("(" * MAX_NESTING + "torture" + ")" * MAX_NESTING) is not None
    with pytest.raises(InputError, match="too long"):
        parse_query("torture " * 500)


def test_a_statement_past_its_deadline_is_stopped_on_both_backends(store: Store) -> None:
    with pytest.raises(InputError, match="the search is too expensive"), store.bounded_read(0.05, "the search") as c:
        c.execute(text(SLOW)).scalar_one()
    # The deadline belongs to that read only: the next one runs to the end.
    with store.read() as connection:
        assert connection.execute(text("SELECT 1")).scalar_one() == 1
    with store.bounded_read(30, "the search") as connection:
        assert connection.execute(text("SELECT 2")).scalar_one() == 2
