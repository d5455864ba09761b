"""The risk engine on a real store (SQLite and PostgreSQL): the KB adapter, ``onward assess`` and its formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from onward.kb.curated.load import load_curated
from onward.kb.view import KnowledgeView
from onward.risk.assess import assess
from onward.risk.inputs import OutcomeWithheldError
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import build_params
from onward.store import Store
from tests.clihelpers import run_cli
from tests.riskhelpers import AS_OF, FIXTURES, risk_case

WORLD = FIXTURES / "world.yaml"
CASE_FILE = FIXTURES / "case.yaml"


@pytest.fixture
def world_store(store: Store) -> Store:
    load_curated(store, WORLD, actor="tester")
    return store


@pytest.fixture
def cli_env(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("ONWARD_ACTOR", "tester")
    monkeypatch.setenv("COLUMNS", "160")
    return store_url


def test_adapter_reads_states_transfers_and_judgments(world_store: Store) -> None:
    inputs = inputs_from_view(KnowledgeView(world_store, as_of=AS_OF), build_params())
    assert {m.instrument for m in inputs.state("PT").memberships} == {"MINSK", "ECHR"}
    assert [i.value for i in inputs.state("MA").indicators if i.name == "pts_a"] == [4]
    blocked = next(t for t in inputs.transfers if t.status == "blocked")
    assert blocked.count_disputed, "two sources give different counts"
    assert blocked.subject_count == 3, "the lower of the two disputed counts"
    assert {t.id for t in inputs.transfers} == {"incident:es-ma-2012", "incident:pt-es-2013", "incident:pt-ma-2011"}
    judgment = inputs.judgments[0]
    assert judgment.violation_found
    assert judgment.assurances_offered
    assert all(ref.statement for ref in judgment.evidence), "every reference names its statement"


def test_a_view_withholding_outcomes_makes_reading_them_fail(world_store: Store) -> None:
    view = KnowledgeView(world_store, as_of=AS_OF, withhold_outcomes=True)
    inputs = inputs_from_view(view, build_params())
    with pytest.raises(OutcomeWithheldError):
        _ = inputs.judgments[0].art3_outcome


def test_assessment_from_the_store_matches_the_pure_engine(world_store: Store) -> None:
    params = build_params()
    inputs = inputs_from_view(KnowledgeView(world_store, as_of=AS_OF), params)
    assessment = assess(risk_case(), inputs, params, samples=20)
    onward = {f.destination: f.status for d in assessment.destinations for f in d.findings if f.question == "onward"}
    assert onward == {"ES": "real risk established", "PT": "real risk established"}
    cited = {ref.source for d in assessment.destinations for f in d.findings for ref in f.evidence}
    assert "synthetic-2014" in cited
    assert "synthetic-2016" not in cited, "a source published after the date must not be cited"


def test_an_earlier_date_sees_less(world_store: Store) -> None:
    params = build_params()
    inputs = inputs_from_view(KnowledgeView(world_store, as_of=dt.date(2010, 1, 1)), params)
    assert inputs.transfers == ()
    assert inputs.judgments == ()


def test_cli_assess_text_json_md_html(
    cli_env: str, world_store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = run_cli(capsys, "assess", str(CASE_FILE), "--samples", "20")
    assert text.code == 0, text.err
    assert "Spain → Morocco" in text.out
    assert "real risk established" in text.out
    result = run_cli(capsys, "assess", str(CASE_FILE), "--format", "json", "--samples", "20", "--seed", "5")
    data = json.loads(result.out)
    assert data["seed"] == 5
    assert data["hops"] == 3
    assert data["model_digest"]
    assert {d["state"] for d in data["destinations"]} == {"ES", "PT"}
    for fmt, marker in (("md", "# Risk assessment"), ("html", "<!doctype html>")):
        out = tmp_path / f"report.{fmt}"
        written = run_cli(capsys, "assess", str(CASE_FILE), "--format", fmt, "-o", str(out), "--samples", "0")
        assert written.code == 0, written.err
        assert out.read_text(encoding="utf-8").startswith(marker)
    assert "Spain → Morocco" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_cli_assess_as_of_and_hops(cli_env: str, world_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    early = run_cli(capsys, "assess", str(CASE_FILE), "--format", "json", "--as-of", "2011", "--samples", "0")
    data = json.loads(early.out)
    assert data["as_of"] == "2011-12-31"
    one_hop = json.loads(
        run_cli(capsys, "assess", str(CASE_FILE), "--format", "json", "--hops", "1", "--samples", "0").out
    )
    assert all(len(p["states"]) == 2 for d in one_hop["destinations"] for c in d["chains"] for p in c["top_paths"])


def test_cli_assess_user_mistakes_are_one_message(
    cli_env: str, world_store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad_date = run_cli(capsys, "assess", str(CASE_FILE), "--as-of", "2015-13-01")
    assert bad_date.code == 2
    assert "--as-of" in bad_date.err
    assert "Traceback" not in bad_date.err
    model = tmp_path / "model.yaml"
    model.write_text("transfer:\n  floor: 2\n", encoding="utf-8")
    bad_model = run_cli(capsys, "assess", str(CASE_FILE), "--model", str(model))
    assert bad_model.code == 2
    assert "transfer.floor" in bad_model.err
    assert str(model) in bad_model.err
    model.write_text("transfer:\n  floor: 0.5\nversion: firm-2026\n", encoding="utf-8")
    custom = json.loads(
        run_cli(capsys, "assess", str(CASE_FILE), "--model", str(model), "-f", "json", "--samples", "0").out
    )
    assert custom["model_version"] == "firm-2026"
    assert custom["floor"] == 0.5
