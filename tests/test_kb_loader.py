import datetime as dt

import pytest

from onward.errors import InputError
from onward.kb.history import history
from onward.kb.view import KnowledgeView
from onward.model.source import Verification
from onward.model.statement import Statement
from onward.store import Store, changelog
from onward.store import kb as kb_store
from tests.kbhelpers import DATASET, fact, load, source


def _indicators(count: int) -> list[Statement]:
    return [fact("state:KZ", "pts_a", 1 + year % 5, "fx-pts", valid_from=str(1980 + year)) for year in range(count)]


def test_loading_twice_adds_nothing(store: Store) -> None:
    statements = _indicators(30)
    first = load(store, [source("fx-pts", "2024")], statements)
    second = load(store, [source("fx-pts", "2024")], statements)
    assert (first.statements_added, first.sources_added) == (30, 1)
    assert (second.statements_added, second.statements_unchanged, second.sources_unchanged) == (0, 30, 1)
    assert not second.changed
    with store.read() as connection:
        assert kb_store.count_statements(connection) == 30
        log = changelog.entries(connection, entity="kb", entity_id=DATASET)
    assert len(log) == 1  # the no-op load is not logged
    assert "30 statements added" in log[0].summary


def test_large_load_is_batched_and_counted(store: Store) -> None:
    statements = (
        fact(f"state:S{n:05d}", "fiw_total", n % 100, "fx-fiw", valid_from="2014") for n in range(4500)
    )  # a generator, read once
    report = load(store, [source("fx-fiw", "2015")], statements)
    assert report.statements_added == 4500
    with store.read() as connection:
        assert kb_store.count_statements(connection, dataset=DATASET) == 4500


def test_repeated_statements_in_one_load_are_counted_once(store: Store) -> None:
    one = fact("state:KZ", "name", {"lang": "en", "text": "Kazakhstan"}, "fx-names")
    report = load(store, [source("fx-names")], [one, one])
    assert (report.statements_added, report.duplicates_in_input) == (1, 1)


def test_a_bad_statement_rolls_back_the_whole_load(store: Store) -> None:
    good = _indicators(3)
    bad = fact("state:KZ", "pts_h", 4, "fx-missing-source", valid_from="2014")
    with pytest.raises(InputError, match="fx-missing-source"):
        load(store, [source("fx-pts", "2024")], [*good, bad])
    with store.read() as connection:
        assert kb_store.count_statements(connection) == 0
        assert kb_store.select_sources(connection) == []


def test_statements_must_belong_to_the_dataset_loaded(store: Store) -> None:
    stray = fact("state:KZ", "pts_a", 3, "fx-pts", dataset="pts")
    with pytest.raises(InputError, match="belongs to dataset 'pts'"):
        load(store, [source("fx-pts")], [stray])


def test_a_correction_must_name_a_stored_statement_about_the_same_subject(store: Store) -> None:
    original = fact("incident:fx-1", "subject_count", 11, "fx-a")
    load(store, [source("fx-a", "2006-02")], [original])
    with pytest.raises(InputError, match="not a statement in the knowledge base"):
        load(store, [], [fact("incident:fx-1", "subject_count", 10, "fx-a", supersedes="0" * 24)])
    with pytest.raises(InputError, match="a statement about incident:fx-1"):
        load(store, [], [fact("incident:fx-2", "subject_count", 10, "fx-a", supersedes=original.content_id())])
    corrected = load(store, [], [fact("incident:fx-1", "subject_count", 10, "fx-a", supersedes=original.content_id())])
    assert corrected.statements_added == 1


def test_statements_cite_sources_already_stored(store: Store) -> None:
    load(store, [source("fx-a", "2010")], [])
    report = load(store, [], [fact("state:UA", "party_to", "CAT", "fx-a", valid_from="1987-06-26")])
    assert report.statements_added == 1


def test_a_corrected_source_description_is_updated_and_logged(store: Store) -> None:
    load(store, [source("fx-a", "2010")], [])
    report = load(store, [source("fx-a", "2011")], [])
    assert report.sources_updated == 1
    with store.read() as connection:
        stored = kb_store.select_sources(connection)
        log = changelog.entries(connection, entity="kb")
    assert str(stored[0].source.date) == "2011"
    assert [(c.path, c.before, c.after) for c in log[-1].changes] == [("source:fx-a.date", "2010", "2011")]


def test_a_reviewed_statement_is_stored_as_a_revision(store: Store) -> None:
    load(store, [source("fx-a", "2011")], [fact("state:KZ", "party_to", "CAT", "fx-a", quote="first")])
    reviewed = fact("state:KZ", "party_to", "CAT", "fx-a", quote="first", verification=Verification.VERIFIED)
    report = load(store, [], [reviewed])
    assert (report.statements_added, report.statements_revised, report.statements_unchanged) == (0, 1, 0)
    assert not load(store, [], [reviewed]).changed  # the revision is found: nothing to do
    requoted = fact("state:KZ", "party_to", "CAT", "fx-a", quote="second", verification=Verification.VERIFIED)
    assert load(store, [], [requoted]).statements_revised == 1  # a revision of the revision
    (current,) = KnowledgeView(store, as_of=dt.date(2020, 1, 1)).statements("state:KZ")
    assert (current.quote, current.verification) == ("second", Verification.VERIFIED)
    assert [e.current for e in history(store, "state:KZ")] == [False, False, True]


def test_a_reload_never_undoes_a_persons_correction(store: Store) -> None:
    original = fact("incident:fx-1", "subject_count", 12, "fx-a")
    load(store, [source("fx-a", "2006")], [original])
    load(store, [], [fact("incident:fx-1", "subject_count", 11, "fx-a", supersedes=original.content_id())])
    report = load(store, [], [fact("incident:fx-1", "subject_count", 12, "fx-a", quote="reworded")])
    assert report.statements_revised == 0
    assert report.statements_differing == (original.content_id(),)
    values = KnowledgeView(store, as_of=dt.date(2020, 1, 1)).values("incident:fx-1", "subject_count")
    assert [f.value for f in values] == [11]


def test_a_corrected_publication_date_hides_the_misread_one_at_every_date(store: Store) -> None:
    misread = fact("state:UZ", "party_to", "Chisinau", "fx-a", valid_from="2019", known_from="2005")
    load(store, [source("fx-a", "2019-06")], [misread])
    corrected = fact("state:UZ", "party_to", "Chisinau", "fx-a", valid_from="2019", known_from="2019-06")
    assert load(store, [], [corrected]).statements_revised == 1
    # The misreading said the accession was public in 2005; in 2010 nothing about it was known.
    assert KnowledgeView(store, as_of=dt.date(2010, 1, 1)).statements("state:UZ") == []
    assert len(KnowledgeView(store, as_of=dt.date(2020, 1, 1)).statements("state:UZ")) == 1


def test_a_source_given_twice_differently_is_refused(store: Store) -> None:
    with pytest.raises(InputError, match="given twice"):
        load(store, [source("fx-a", "2010"), source("fx-a", "2011")], [])
