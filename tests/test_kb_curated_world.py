"""The curated incidents beyond the post-Soviet example (data/curated/incidents_world.yaml)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from onward.kb.curated import expand_curated, load_curated
from onward.kb.curated.document import CuratedFile, CuratedIncident
from onward.kb.curated.reader import read_curated
from onward.kb.view import KnowledgeView
from onward.model.source import Citation, Verification
from onward.model.states import is_state
from onward.store import Store
from tests.clihelpers import run_cli

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "data" / "curated"
WORLD = CURATED / "incidents_world.yaml"
# A view late enough to know every source in the file.
REVIEWED = dt.date(2026, 12, 6)


def _world() -> CuratedFile:
    (document,) = [d for path, d in read_curated(CURATED).documents if path == WORLD]
    return document


def _citations(incident: CuratedIncident) -> Iterator[tuple[str, Citation]]:
    for citation in incident.sources:
        yield "sources", citation
    for field, claims in incident.claims.items():
        for claim in claims:
            for citation in claim.sources:
                yield f"claims.{field}", citation


def _incident_ids(view: KnowledgeView, to_state: str) -> set[str]:
    return {known.incident.id for known in view.incidents(to_state=to_state)}


@pytest.fixture
def cli_env(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("ONWARD_ACTOR", "tester")
    monkeypatch.setenv("COLUMNS", "200")
    return store_url


def test_world_file_loads_alone_and_with_the_folder() -> None:
    alone = expand_curated(WORLD)
    assert alone.files == (WORLD,)
    assert WORLD in expand_curated(CURATED).files
    ids = {s.subject for s in alone.statements if s.subject.startswith("incident:")}
    assert len(ids) >= 25


def test_every_incident_cites_declared_sources_with_locators() -> None:
    document = _world()
    declared = {s.id: s for s in document.sources}
    cited: set[str] = set()
    for incident in document.incidents:
        citations = list(_citations(incident))
        assert citations, incident.id
        for where, citation in citations:
            assert citation.source in declared, (incident.id, where, citation.source)
            assert citation.locator, (incident.id, where, citation.source)
            cited.add(citation.source)
    for source in declared.values():
        assert source.url, source.id
        assert source.date is not None, source.id
        assert source.verification in (Verification.VERIFIED, Verification.PARTIAL), source.id
    # Every declared source is used by an incident or a statement.
    stated = {c.source for s in document.statements for c in s.sources}
    assert set(declared) == cited | stated


def test_verification_tags_never_exceed_their_sources() -> None:
    document = _world()
    declared = {s.id: s.verification for s in document.sources}
    for incident in document.incidents:
        assert incident.verification is not None, f"{incident.id}: no verification tag"
        if incident.verification is Verification.VERIFIED:
            # A plain field cites every source of the incident: all of them must have been read.
            assert all(declared[c.source] is Verification.VERIFIED for c in incident.sources), incident.id


def test_states_routes_and_profiles_are_valid() -> None:
    document = _world()
    routes = set()
    for incident in document.incidents:
        states = [incident.from_state, incident.to_state]
        assert all(s is not None and is_state(s) for s in states), incident.id
        assert incident.from_state != incident.to_state, incident.id
        kinds = [incident.kind] if incident.kind else [c.value for c in incident.claims.get("kind", [])]
        assert kinds, incident.id
        assert incident.description, incident.id
        routes.add((incident.from_state, incident.to_state))
    to_china = [i for i in document.incidents if i.to_state == "CN"]
    assert len(to_china) >= 10
    # The chains the new example cases rest on.
    assert {("TR", "TJ"), ("TJ", "CN"), ("PL", "BY"), ("BY", "RU"), ("DE", "RU")} <= routes


def test_no_date_lies_in_the_future() -> None:
    document = _world()
    today = dt.date.today()
    for source in document.sources:
        assert source.date is not None, source.id
        assert source.date.latest() <= today, source.id
    for incident in document.incidents:
        dates = [incident.date.isoformat()] if incident.date else []
        dates += [str(claim.value) for claim in incident.claims.get("date", [])]
        assert dates, f"{incident.id}: no date"
        for text in dates:
            end = text.split("/")[-1]  # YYYY[-MM[-DD]] compares as text
            assert end <= today.isoformat(), (incident.id, text)


def test_conflicting_sources_are_kept_side_by_side(store: Store) -> None:
    load_curated(store, CURATED, "tester")
    view = KnowledgeView(store, as_of=REVIEWED)
    assert "kh-cn-2009-12-19" in _incident_ids(view, "CN")
    counts = {str(f.value) for f in view.values("incident:kh-cn-2009-12-19", "subject_count")}
    assert counts == {"19", "20"}
    days = {str(f.value) for f in view.values("incident:th-cn-2015-07", "date")}
    assert days == {"2015-07-08", "2015-07-09"}
    teachers = {str(f.value) for f in view.values("incident:md-tr-2018-09-06-orizont", "subject_count")}
    assert teachers == {"5", "7"}


def test_later_reports_are_unknown_to_earlier_views(store: Store) -> None:
    load_curated(store, CURATED, "tester")
    in_2022 = KnowledgeView(store, as_of=dt.date(2022, 6, 1))
    statuses = {str(f.value) for f in in_2022.values("incident:ma-cn-2021-idris-hasan", "status")}
    assert statuses == {"requested"}
    later = KnowledgeView(store, as_of=REVIEWED)
    statuses = {str(f.value) for f in later.values("incident:ma-cn-2021-idris-hasan", "status")}
    assert statuses == {"requested", "blocked"}
    assert "th-cn-2025-02-27" not in _incident_ids(KnowledgeView(store, as_of=dt.date(2025, 2, 26)), "CN")
    assert "th-cn-2025-02-27" in _incident_ids(later, "CN")


def test_cli_lists_chinese_incidents_after_a_build(
    cli_env: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copytree(CURATED, tmp_path / "curated")
    before = run_cli(capsys, "kb", "incidents", "--to", "CN")
    assert "no incidents known" in before.out
    built = run_cli(capsys, "kb", "build", "--data-dir", str(tmp_path))
    assert built.code == 0, built.err
    result = run_cli(capsys, "kb", "incidents", "--to", "CN", "--format", "json")
    assert result.code == 0, result.err
    listed = {entry["id"]: entry for entry in json.loads(result.out)}
    assert {
        "kh-cn-2009-12-19",
        "kz-cn-2011-05-30-israil",
        "th-cn-2015-07",
        "eg-cn-2017-07",
        "tj-cn-2019-tursun",
    } <= set(listed)
    assert all(entry["incident"]["to_state"] == "CN" for entry in listed.values())
    assert listed["kh-cn-2009-12-19"]["conflicts"] == ["subject_count"]
    table = run_cli(capsys, "kb", "incidents", "--from", "TR", "--to", "TJ")
    assert "tr-tj-2019-06-tursun" in table.out
    again = run_cli(capsys, "kb", "build", "--data-dir", str(tmp_path))
    assert again.code == 0, again.err
    assert json.loads(run_cli(capsys, "kb", "incidents", "--to", "CN", "--format", "json").out) == list(listed.values())
