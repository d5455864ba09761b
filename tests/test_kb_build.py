"""The shipped default knowledge base: built from the repository's data/ folder, idempotently."""

import datetime as dt
import json
import shutil
from pathlib import Path

from rich.console import Console

from onward.cli.kb_view import render_state
from onward.kb import serialise
from onward.kb.build import build_default_kb, repository_data_dir
from onward.kb.membership import Membership, MembershipStatus
from onward.kb.view import KnowledgeView
from onward.store import Store
from onward.store import kb as kb_store

SEED_LETTER_DATE = dt.date(2015, 5, 18)


# The shipped files minus the large indicator tables (PTS, Freedom House), to keep the test quick.
SMALL_REFERENCE = (
    "countries",
    "treaties/hr_status_cat.csv",
    "treaties/hr_status_iccpr.csv",
    "treaties/hr_status_iccpr_op1.csv",
)


def _small_data_dir(folder: Path) -> Path:
    source = repository_data_dir()
    shutil.copytree(source / "curated", folder / "curated")
    manifest = json.loads((source / "reference" / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["files"] = [f for f in manifest["files"] if f["path"].startswith(SMALL_REFERENCE)]
    for entry in manifest["files"]:
        target = folder / "reference" / entry["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / "reference" / entry["path"], target)
    (folder / "reference" / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_build_is_idempotent_and_sees_nothing_after_as_of(store: Store, tmp_path: Path) -> None:
    data_dir = _small_data_dir(tmp_path)
    first = build_default_kb(store, actor="tester", data_dir=data_dir)
    assert first.changed
    assert first.notes == []
    with store.read() as connection:
        loaded = kb_store.count_statements(connection)
    again = build_default_kb(store, actor="tester", data_dir=data_dir)
    assert not again.changed
    with store.read() as connection:
        assert kb_store.count_statements(connection) == loaded
    view = KnowledgeView(store, as_of=SEED_LETTER_DATE)
    summary = view.state_summary("KZ")
    assert view.membership("KZ", "CAT").is_party
    for stored in view.stored(subject="state:KZ"):
        assert stored.statement.is_known_at(SEED_LETTER_DATE, stored.source_date)
    for incident in [*summary.incidents_from, *summary.incidents_to]:
        for statement in incident.statements:
            source = view.source(statement.source)
            assert statement.is_known_at(SEED_LETTER_DATE, source.date if source else None)
    for judgment in summary.judgments:
        assert judgment.judgment_date is None or judgment.judgment_date.latest() <= SEED_LETTER_DATE


def test_build_names_what_is_missing(store: Store, tmp_path: Path) -> None:
    shutil.copytree(repository_data_dir() / "curated", tmp_path / "curated")
    result = build_default_kb(store, actor="tester", data_dir=tmp_path)
    assert [r.dataset for r in result.reports] == ["curated", "judgments"]
    assert len(result.notes) == 1
    assert "no reference data" in result.notes[0]
    empty = build_default_kb(store, actor="tester", data_dir=tmp_path / "nothing")
    assert empty.reports == []
    assert len(empty.notes) == 3


def _status(view: KnowledgeView, state: str) -> dict[str, Membership]:
    return {m.instrument: m for m in view.memberships(state)}


def test_poland_in_2019_is_party_to_the_european_and_un_instruments_with_dates_and_sources(
    store: Store, tmp_path: Path
) -> None:
    build_default_kb(store, actor="tester", data_dir=_small_data_dir(tmp_path))
    view = KnowledgeView(store, as_of=dt.date(2019, 12, 1))
    found = _status(view, "PL")
    for instrument in ("ECHR", "REFUGEE_CONVENTION", "REFUGEE_PROTOCOL_1967", "CAT", "ICCPR", "ICCPR-OP1", "ECE"):
        membership = found[instrument]
        assert membership.status is MembershipStatus.PARTY, (instrument, membership.reason)
        assert membership.since is not None, instrument
        assert all(s.source for s in membership.statements), instrument
    assert str(found["ECHR"].since) == "1993-01-19"
    assert str(found["REFUGEE_CONVENTION"].since) == "1991-09-27"
    assert str(found["ECE"].since) == "1993-09-13"
    assert [q.value["article"] for q in found["CAT"].qualifications if isinstance(q.value, dict)] == ["22"]
    summary = serialise.summary_json(view.state_summary("PL"))
    echr = next(m for m in summary["memberships"] if m["instrument"] == "ECHR")
    assert echr["since"] == "1993-01-19"
    assert echr["sources"] == ["unhcr-1995-11-01-poland"]
    # Before the ratification the view does not call Poland party.
    for day in (dt.date(1990, 6, 1), dt.date(1993, 1, 18)):
        assert KnowledgeView(store, as_of=day).membership("PL", "ECHR").status is not MembershipStatus.PARTY
    assert KnowledgeView(store, as_of=dt.date(1993, 1, 19)).membership("PL", "ECHR").is_party


def test_turkey_keeps_the_geographical_limitation_and_russia_left_the_echr(store: Store, tmp_path: Path) -> None:
    build_default_kb(store, actor="tester", data_dir=_small_data_dir(tmp_path))
    view = KnowledgeView(store, as_of=dt.date(2021, 6, 1))
    refugees = view.membership("TR", "REFUGEE_CONVENTION")
    assert refugees.is_party
    limitation = [q for q in refugees.qualifications if q.property == "reservation"]
    assert limitation
    assert all(isinstance(q.value, dict) and q.value["article"] == "1 B(1)" for q in limitation)
    console = Console(width=200, record=True)
    summary = view.state_summary("TR")
    console.print(render_state(summary, view.sources()))
    text = console.export_text()
    assert "reservation, Art. 1 B(1) (1962)" in text
    assert "events occurring in Europe" in text
    as_json = next(m for m in serialise.summary_json(summary)["memberships"] if m["instrument"] == "REFUGEE_CONVENTION")
    assert {q["article"] for q in as_json["qualifications"]} == {"1 B(1)"}
    assert not any(q["withdrawn"] for q in as_json["qualifications"])
    # Turkey signed the 2017 treaty with China but had not ratified it; China had.
    china = view.membership("TR", "CN_TR_EXTRADITION_2017")
    assert china.status is MembershipStatus.NOT_PARTY
    assert "signed 2017-05" in china.reason
    assert view.membership("CN", "CN_TR_EXTRADITION_2017").is_party

    after = KnowledgeView(store, as_of=dt.date(2023, 1, 1))
    echr = after.membership("RU", "ECHR")
    assert echr.status is MembershipStatus.NOT_PARTY
    assert echr.ended
    assert "not bound for facts after" in echr.reason
    ended = next(
        m for m in serialise.summary_json(after.state_summary("RU"))["memberships"] if m["instrument"] == "ECHR"
    )
    assert ended["ended"] is True
    assert ended["until"] == "2022-09-16"
    # The sources disagree on the year Russia acceded to the Refugee Convention: both stay visible.
    refugees_ru = after.membership("RU", "REFUGEE_CONVENTION")
    assert "1992" in refugees_ru.reason
    assert "1993" in refugees_ru.reason


def test_cat_article_22_declaration_is_known_only_from_when_it_was_made(store: Store, tmp_path: Path) -> None:
    build_default_kb(store, actor="tester", data_dir=_small_data_dir(tmp_path))
    before = KnowledgeView(store, as_of=dt.date(2007, 6, 1)).membership("KZ", "CAT")
    after = KnowledgeView(store, as_of=SEED_LETTER_DATE).membership("KZ", "CAT")
    assert before.is_party
    assert before.qualifications == ()
    assert [str(q.valid_from) for q in after.qualifications] == ["2008"]
