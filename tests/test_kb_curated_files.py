"""The shipped curated knowledge (data/curated) loads on both backends, idempotently, keeping conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from onward.kb import vocabulary
from onward.kb.curated import expand_curated, load_curated
from onward.kb.membership import MembershipStatus
from onward.kb.view import KnowledgeView
from onward.model.states import is_state
from onward.store import Store

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "data" / "curated"
FIXTURES = Path(__file__).parent / "fixtures" / "kb_curated"


def _values(view: KnowledgeView, subject: str, prop: str) -> dict[object, set[str]]:
    return {
        str(fact.value): {s.source for s in fact.statements}
        for fact in view.values(subject, prop)  # every value, each with the sources that give it
    }


def test_shipped_files_load_and_reload_changes_nothing(store: Store) -> None:
    first = load_curated(store, CURATED, "tester")
    assert first.statements_added > 300
    assert first.sources_added > 40
    second = load_curated(store, CURATED, "tester")
    assert not second.changed
    assert second.statements_added == 0
    assert second.statements_unchanged == first.statements_added
    assert second.statements_differing == ()


def test_uzbek_deportation_count_conflict_keeps_both_values(store: Store) -> None:
    load_curated(store, CURATED, "tester")
    view = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    counts = _values(view, "incident:ua-uz-2006-02", "subject_count")
    assert set(counts) == {"10", "11"}
    assert "hrw-2006-02-ukraine-uzbeks" in counts["10"]
    assert {"unhcr-2006-02-16", "hrw-2015-05-18"} <= counts["11"]


def test_razvozzhaev_date_conflict_keeps_both_days(store: Store) -> None:
    load_curated(store, CURATED, "tester")
    view = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    dates = _values(view, "incident:ua-ru-2012-10-razvozzhaev", "date")
    assert dates["2012-10-17"] == {"khpg-2013-08-07-razvozzhaev"}
    assert dates["2012-10-19"] == {"iht-2012-12-05-razvozzhaev"}


def test_russia_leaves_coe_and_echr_only_in_later_views(store: Store) -> None:
    load_curated(store, CURATED, "tester")
    before = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    assert before.membership("RU", "CoE").status is MembershipStatus.PARTY
    assert before.membership("RU", "ECHR").status is MembershipStatus.PARTY
    # The end of membership is a later statement: a 2015 view must not know the 2022 dates.
    assert all(s.valid_to is None for s in before.membership("RU", "ECHR").statements)
    after = KnowledgeView(store, as_of=dt.date(2023, 1, 1))
    coe = after.membership("RU", "CoE")
    assert coe.status is MembershipStatus.NOT_PARTY
    assert str(coe.until) == "2022-03-16"
    echr = after.membership("RU", "ECHR")
    assert echr.status is MembershipStatus.NOT_PARTY
    assert str(echr.until) == "2022-09-16"
    between = KnowledgeView(store, as_of=dt.date(2022, 6, 1))
    assert between.membership("RU", "ECHR").status is MembershipStatus.PARTY


def test_seed_letter_claims_are_unknown_before_the_letter(store: Store) -> None:
    load_curated(store, CURATED, "tester")
    before = KnowledgeView(store, as_of=dt.date(2015, 5, 17))
    after = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    assert "hrw-2015-05-18" not in {s.source for s in before.statements("state:RU")}
    assert "hrw-2015-05-18" in {s.source for s in after.statements("state:RU")}


def test_uzbekistan_is_listed_as_not_party_to_the_refugee_convention(store: Store) -> None:
    load_curated(store, CURATED, "tester")
    view = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    assert view.membership("UZ", "REFUGEE_CONVENTION").status is MembershipStatus.NOT_PARTY
    assert view.membership("KZ", "REFUGEE_CONVENTION").status is MembershipStatus.PARTY
    assert view.membership("KZ", "CHISINAU").status is MembershipStatus.PARTY


def test_every_shipped_citation_names_a_dated_or_timeless_source() -> None:
    bundle = expand_curated(CURATED)
    sources = {s.id: s for s in bundle.sources}
    for statement in bundle.statements:
        assert statement.source in sources
        if statement.subject.startswith("incident:"):
            # An incident claim without a date would be visible "as of" any day.
            assert statement.known_from is not None, statement


def test_fixture_set_expands_a_membership_end_as_a_correction() -> None:
    bundle = expand_curated(FIXTURES / "set")
    russia = [s for s in bundle.statements if s.subject == "state:RU"]
    opened = [s for s in russia if s.valid_to is None]
    ended = [s for s in russia if s.valid_to is not None]
    assert len(opened) == 1
    assert len(ended) == 1
    assert ended[0].supersedes == opened[0].content_id()
    assert str(ended[0].known_from) == "2022-03-23"
    assert str(opened[0].known_from) == "1998-05-05"
    assert "ratification" in (opened[0].note or "")


@pytest.mark.parametrize("name", ["instruments.yaml", "incidents.yaml", "incidents_world.yaml", "seed_letter.yaml"])
def test_each_shipped_file_is_valid_with_the_rest_of_the_folder(name: str) -> None:
    bundle = expand_curated(CURATED)
    assert CURATED / name in bundle.files


def test_seed_letter_quotes_are_short_and_exact(shared_dir: Path) -> None:
    letter = (shared_dir / "seed" / "000_f18db51e48f8056d.txt").read_text(encoding="utf-8")
    flat = " ".join(letter.replace("-\n", "-").split())
    bundle = expand_curated(CURATED)
    quoted = [s for s in bundle.statements if s.source == "hrw-2015-05-18" and s.quote]
    assert quoted
    for statement in quoted:
        assert statement.quote is not None
        assert len(statement.quote.split()) <= 8, statement.quote  # a citation, not a copy
        assert statement.quote in flat, statement.quote
    located = [s for s in bundle.statements if s.source == "hrw-2015-05-18"]
    assert all(s.locator and s.locator.startswith("¶") for s in located)


def test_every_membership_names_a_valid_state_and_cites_a_declared_source() -> None:
    bundle = expand_curated(CURATED)
    sources = {s.id for s in bundle.sources}
    about_states = [
        s
        for s in bundle.statements
        if s.property in (*vocabulary.MEMBERSHIP_PROPERTIES, *vocabulary.QUALIFICATION_PROPERTIES)
    ]
    assert len(about_states) > 500
    for statement in about_states:
        prefix, code = vocabulary.split_subject(statement.subject)
        assert prefix == "state", statement
        assert is_state(code), statement
        assert statement.source in sources, statement
    for path in sorted((CURATED / "memberships").glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for membership in document.get("memberships", []):
            for party in membership["parties"]:
                # YAML reads a bare NO (Norway) as false: every code must stay a two-letter string.
                assert isinstance(party["state"], str), (path.name, party)
                assert party.get("sources") or membership.get("sources"), (path.name, party)


def test_world_wide_coverage_of_the_refugee_instruments_and_the_council_of_europe() -> None:
    bundle = expand_curated(CURATED)

    def parties(prop: str, instrument: str) -> set[str]:
        return {s.subject for s in bundle.statements if s.property == prop and s.value == instrument}

    assert len(parties("party_to", "REFUGEE_CONVENTION")) == 146
    assert len(parties("party_to", "REFUGEE_PROTOCOL_1967")) == 147
    members = parties("member_of", "CoE")
    assert len(members) == 47  # the 46 members and Russia, expelled in 2022
    assert parties("party_to", "ECHR") == members
    assert members <= parties("party_to", "ECE")
    limited = {
        s.subject
        for s in bundle.statements
        if s.property == "reservation" and isinstance(s.value, dict) and s.value.get("article") == "1 B(1)"
    }
    assert limited == {"state:TR", "state:CG", "state:MG", "state:MC"}


def test_the_united_kingdom_is_an_eu_member_until_its_exit_only(store: Store) -> None:
    load_curated(store, CURATED, "tester")
    before = KnowledgeView(store, as_of=dt.date(2019, 6, 1)).membership("GB", "EU")
    assert before.status is MembershipStatus.PARTY
    assert before.until is None  # a 2019 view does not know the exit date
    after = KnowledgeView(store, as_of=dt.date(2020, 2, 1)).membership("GB", "EU")
    assert after.status is MembershipStatus.NOT_PARTY
    assert after.ended
    assert "ceased to be a member on 2020-02-01" in after.reason
