import datetime as dt

import pytest

from onward.kb.history import history
from onward.kb.membership import MembershipStatus
from onward.kb.view import KnowledgeView
from onward.model.incident import IncidentKind
from onward.model.source import Verification
from onward.store import Store
from tests.kbhelpers import fact, load, source

INCIDENT = "incident:fx-ua-uz"


def _incident_kb(store: Store) -> None:
    """A fictional deportation two fixture sources count differently (11 vs 10), and date differently."""
    sources = [source("fx-agency", "2006-02-16"), source("fx-ngo", "2006-02-20"), source("fx-late-report", "2016")]
    statements = [
        fact(INCIDENT, "kind", "deportation", "fx-agency", verification=Verification.VERIFIED),
        fact(INCIDENT, "status", "completed", "fx-agency"),
        fact(INCIDENT, "from_state", "UA", "fx-agency"),
        fact(INCIDENT, "to_state", "UZ", "fx-agency"),
        fact(INCIDENT, "subject_count", 11, "fx-agency", verification=Verification.VERIFIED),
        fact(INCIDENT, "subject_count", 10, "fx-ngo", verification=Verification.PARTIAL),
        fact(INCIDENT, "date", "2006-02-14", "fx-agency"),
        fact(INCIDENT, "date", "2006-02-15", "fx-ngo"),
        fact(INCIDENT, "profile", ["asylum_seeker"], "fx-ngo"),
        # A later report adds a detail: invisible to anyone reading before 2017.
        fact(INCIDENT, "despite_interim_measures", True, "fx-late-report"),
    ]
    load(store, sources, statements)


def test_conflicting_values_are_both_shown_with_their_sources(store: Store) -> None:
    _incident_kb(store)
    view = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    counts = view.values(INCIDENT, "subject_count")
    assert sorted((f.value, f.sources[0]) for f in counts) == [(10, "fx-ngo"), (11, "fx-agency")]
    (known,) = view.incidents(from_state="UA", to_state="UZ")
    assert set(known.conflicts) == {"subject_count", "date"}
    assert known.incident is not None
    assert known.incident.subject_count == 11  # the verified value is preferred; the other stays beside it
    assert str(known.incident.date) == "2006-02-14/2006-02-15"  # disagreeing dates become a range
    assert {c.source for c in known.incident.sources} == {"fx-agency", "fx-ngo"}
    preferred = view.fact(INCIDENT, "subject_count")
    assert preferred is not None
    assert [a.value for a in preferred.alternatives] == [10]


def test_as_of_hides_later_facts(store: Store) -> None:
    _incident_kb(store)
    load(
        store,
        [source("fx-treaty-list", "2010-06"), source("fx-judgment", "2016-03-01")],
        [
            fact("state:KZ", "party_to", "CAT", "fx-treaty-list", valid_from="1998-08-26"),
            fact("state:KZ", "pts_a", 3, "fx-treaty-list", valid_from="2009", known_from="2010-06-01"),
            fact("judgment:99999/15", "respondent", "RU", "fx-judgment"),
            fact("state:KZ", "pts_a", 4, "fx-judgment", valid_from="2015", known_from="2016-03-01"),
        ],
    )
    before = KnowledgeView(store, as_of=dt.date(2010, 6, 29))
    assert before.values(INCIDENT, "despite_interim_measures") == []
    assert before.judgments() == []
    assert before.source("fx-judgment") is None
    assert before.source("fx-late-report") is None
    # A source dated only "2010-06" counts as known on 30 June 2010, its latest day.
    assert before.membership("KZ", "CAT").status is MembershipStatus.UNKNOWN
    # known_from (1 June 2010) takes precedence over the source's date.
    assert [(s.property, s.value) for s in before.statements("state:KZ")] == [("pts_a", 3)]
    assert all(s.is_known_at(before.as_of, None) for s in before.statements(INCIDENT))
    at_month_end = KnowledgeView(store, as_of=dt.date(2010, 6, 30))
    assert at_month_end.membership("KZ", "CAT").status is MembershipStatus.PARTY
    assert [i.year for i in at_month_end.latest_indicators("KZ")] == [2009]
    later = KnowledgeView(store, as_of=dt.date(2017, 1, 1))
    assert later.values(INCIDENT, "despite_interim_measures")[0].value is True
    assert [j.application_no for j in later.judgments(respondent="RU")] == ["99999/15"]
    assert [i.year for i in later.latest_indicators("KZ")] == [2015]


def test_a_correction_hides_the_old_value_but_history_keeps_it(store: Store) -> None:
    original = fact("state:RU", "member_of", "CoE", "fx-a", valid_from="1996-02-28")
    load(store, [source("fx-a", "2000"), source("fx-b", "2022-03")], [original])
    correction = fact(
        "state:RU", "member_of", "CoE", "fx-b", valid_from="1996-02-28", valid_to="2022-03-16",
        supersedes=original.content_id(),
    )  # fmt: skip
    load(store, [], [correction])
    before = KnowledgeView(store, as_of=dt.date(2021, 1, 1))
    # the correction was not yet known
    assert [s.content_id() for s in before.statements("state:RU")] == [original.content_id()]
    assert before.membership("RU", "CoE").status is MembershipStatus.PARTY
    after = KnowledgeView(store, as_of=dt.date(2023, 1, 1))
    assert [s.content_id() for s in after.statements("state:RU")] == [correction.content_id()]
    standing = after.membership("RU", "CoE")
    assert standing.status is MembershipStatus.NOT_PARTY
    assert "2022-03-16" in standing.reason


def test_history_keeps_corrected_statements_with_who_and_when(store: Store) -> None:
    original = fact(INCIDENT, "subject_count", 12, "fx-a")
    load(store, [source("fx-a", "2006-02-16")], [original])
    correction = fact(INCIDENT, "subject_count", 11, "fx-a", supersedes=original.content_id())
    load(store, [], [correction])
    entries = history(store, INCIDENT, "subject_count")
    assert [(e.statement.value, e.current) for e in entries] == [(12, False), (11, True)]
    assert entries[0].superseded_by == (correction.content_id(),)
    assert entries[1].statement.supersedes == original.content_id()
    assert {e.loaded_by for e in entries} == {"tester"}
    assert all(e.statement.asserted_at is not None for e in entries)
    assert entries[0].known_from == dt.date(2006, 2, 16)
    view = KnowledgeView(store, as_of=dt.date(2007, 1, 1))
    assert [f.value for f in view.values(INCIDENT, "subject_count")] == [11]


def test_a_retraction_removes_the_value(store: Store) -> None:
    wrong = fact("state:KZ", "alias", {"lang": "en", "text": "Uyghur"}, "fx-a")
    load(store, [source("fx-a")], [wrong])
    load(store, [], [fact("state:KZ", "alias", None, "fx-a", supersedes=wrong.content_id())])
    view = KnowledgeView(store, as_of=dt.date(2020, 1, 1))
    assert view.values("state:KZ", "alias") == []


def test_outcomes_can_be_withheld_for_a_backtest(store: Store) -> None:
    judgment = "judgment:99998/10"
    load(
        store,
        [source("fx-judgment", "2012-01-10")],
        [
            fact(judgment, "respondent", "RU", "fx-judgment"),
            fact(judgment, "destination", "UZ", "fx-judgment"),
            fact(judgment, "art3_outcome", "violation", "fx-judgment"),
            fact(judgment, "art34_outcome", "no_violation", "fx-judgment"),
        ],
    )
    open_view = KnowledgeView(store, as_of=dt.date(2013, 1, 1))
    blind = KnowledgeView(store, as_of=dt.date(2013, 1, 1), withhold_outcomes=True)
    assert open_view.judgments(destination="UZ")[0].value("art3_outcome") == "violation"
    (seen,) = blind.judgments(destination="UZ")
    assert seen.value("art3_outcome") is None
    assert seen.value("art34_outcome") is None
    assert blind.statements(judgment, "art3_outcome") == []
    assert all(s.property not in {"art3_outcome", "art34_outcome"} for s in blind.statements(dataset="test-fixture"))


def test_membership_is_unknown_without_statements_and_sources_that_disagree(store: Store) -> None:
    load(
        store,
        [source("fx-a", "2005"), source("fx-b", "2006")],
        [
            fact("state:UZ", "party_to", "Chisinau", "fx-a", valid_from="2004"),
            fact("state:UZ", "not_party_to", "Chisinau", "fx-b", valid_from="2006-01-01"),
            fact("state:TJ", "not_party_to", "Chisinau", "fx-b", valid_from="2006-01-01"),
        ],
    )
    view = KnowledgeView(store, as_of=dt.date(2007, 1, 1))
    assert view.membership("FR", "Chisinau").status is MembershipStatus.UNKNOWN
    disputed = view.membership("UZ", "Chisinau")
    assert disputed.status is MembershipStatus.UNKNOWN
    assert "disagree" in disputed.reason
    assert view.membership("TJ", "Chisinau").status is MembershipStatus.NOT_PARTY
    # A ratification known only to the year is uncertain within that year.
    assert KnowledgeView(store, as_of=dt.date(2005, 12, 31)).membership("UZ", "Chisinau").is_party


def test_indicator_by_year_and_incident_filters(store: Store) -> None:
    _incident_kb(store)
    load(
        store,
        [source("fx-pts", "2015-01")],
        [
            fact("state:KZ", "pts_a", 3, "fx-pts", valid_from="2013"),
            fact("state:KZ", "pts_a", 4, "fx-pts", valid_from="2014"),
        ],
    )
    view = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    score = view.indicator("KZ", "pts_a", 2014)
    assert score is not None
    assert score.value == 4
    assert view.indicator("KZ", "pts_a", 2012) is None
    assert len(view.incidents(kinds=[IncidentKind.DEPORTATION], since=2006, until="2006-02")) == 1
    assert view.incidents(kinds=["abduction"]) == []
    assert view.incidents(since=2007) == []
    assert view.incidents(from_state="RU") == []
    summary = view.state_summary("UZ")
    assert [i.subject for i in summary.incidents_to] == [INCIDENT]
    assert summary.name == "Uzbekistan"


def test_an_unknown_kind_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="kidnap"):
        KnowledgeView(store, as_of=dt.date(2015, 1, 1)).incidents(kinds=["kidnap"])


def test_less_precise_or_partial_values_are_not_conflicts(store: Store) -> None:
    load(
        store,
        [source("fx-a", "2012-10-20"), source("fx-b", "2013")],
        [
            fact("incident:fx-2", "kind", "abduction", "fx-a"),
            fact("incident:fx-2", "status", "completed", "fx-a"),
            fact("incident:fx-2", "date", "2012-10-17", "fx-a"),
            fact("incident:fx-2", "date", "2012-10", "fx-b"),
            fact("incident:fx-2", "profile", ["activist"], "fx-a"),
            fact("incident:fx-2", "profile", ["activist", "asylum_seeker"], "fx-b"),
        ],
    )
    (known,) = KnowledgeView(store, as_of=dt.date(2014, 1, 1)).incidents()
    assert known.conflicts == {}
    assert known.incident is not None
    assert str(known.incident.date) == "2012-10-17"
    assert [str(p) for p in known.incident.profile] == ["activist", "asylum_seeker"]
    assert len(known.facts["date"]) == 2  # both statements stay visible
