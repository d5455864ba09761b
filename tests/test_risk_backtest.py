"""The backtest: cases from judgments, evidence strictly before each, outcomes never read by the engine."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from onward.eval.backtest import run_backtest
from onward.eval.backtest_cases import case_from_judgment, court_found_risk, file_targets, kb_targets
from onward.kb.curated.load import load_curated
from onward.kb.view import KnowledgeView
from onward.risk.inputs import OutcomeWithheldError
from onward.risk.params import build_params
from onward.store import Store
from tests.clihelpers import run_cli
from tests.riskhelpers import FIXTURES

WORLD = FIXTURES / "world.yaml"
JUDGMENTS = FIXTURES / "judgments.csv"


@pytest.fixture
def world_store(store: Store) -> Store:
    load_curated(store, WORLD, actor="tester")
    return store


def test_a_case_is_built_from_the_facts_only() -> None:
    targets, outcomes = file_targets(JUDGMENTS)
    target = targets[0]
    with pytest.raises(OutcomeWithheldError):
        _ = target.art3_outcome
    case = case_from_judgment(target)
    assert case.custodial_state == "ES"
    assert case.proposed_destinations == ["MA"]
    assert case.as_of.latest() == dt.date(2015, 1, 31), "the day before the judgment"
    assert [r.requesting_state for r in case.requests] == ["MA"]
    assert "opposition_politician" in case.person.profile
    assert outcomes == {"2/14": "potential_violation", "3/14": "no_violation"}


def test_outcome_labels() -> None:
    assert court_found_risk("violation")
    assert court_found_risk("potential_violation")
    assert court_found_risk("no_violation") is False
    assert court_found_risk("inadmissible") is False
    assert court_found_risk(None) is None


def test_backtest_never_reads_the_outcome_it_is_scored_on(world_store: Store) -> None:
    params = build_params()
    targets, outcomes = kb_targets(KnowledgeView(world_store, as_of=dt.date(2030, 1, 1)), params)
    assert [t.id for t in targets] == ["1/11"]
    assert outcomes == {"1/11": "violation_if_removed"}
    report = run_backtest(world_store, targets, outcomes, params)  # raises if the engine reads the outcome
    flipped = run_backtest(world_store, targets, {"1/11": "no_violation"}, params)
    assert [r.predicted_risk for r in report.rows] == [r.predicted_risk for r in flipped.rows]
    assert report.rows[0].agrees != flipped.rows[0].agrees
    assert report.confusion.scored == 1


def test_evidence_is_strictly_before_the_judgment(world_store: Store) -> None:
    """The synthetic ES → MA extradition of 2012 is visible to a judgment of 2015, not to one of 2011."""
    params = build_params()
    targets, _ = file_targets(JUDGMENTS)
    early = replace(targets[0], date=dt.date(2011, 1, 1))
    later = run_backtest(world_store, targets[:1], {}, params).rows[0]
    before = run_backtest(world_store, [early], {}, params).rows[0]
    assert later.predicted_risk
    assert "group" in later.explanation
    assert "group" not in before.explanation
    assert later.court_found_risk is None
    assert later.agrees is None


def test_cli_backtest_matrix_and_json(
    store_url: str, world_store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("COLUMNS", "160")
    text = run_cli(capsys, "eval", "backtest", "--judgments", str(JUDGMENTS))
    assert text.code == 0, text.err
    assert "Court: violation" in text.out
    assert "agreement" in text.out
    data = json.loads(run_cli(capsys, "eval", "backtest", "--judgments", str(JUDGMENTS), "--format", "json").out)
    assert data["confusion"]["true_positive"] + data["confusion"]["false_negative"] == 1
    assert {r["application_no"] for r in data["rows"]} == {"2/14", "3/14"}
    assert all(r["explanation"] for r in data["rows"])
