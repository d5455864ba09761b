"""The risk model is data: the shipped file loads, every number has a rationale, overrides are checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.casefile.io import dump_case, load_case
from onward.errors import InputError
from onward.risk.params import build_params, default_model_data, load_params
from tests.clihelpers import run_cli


def test_the_shipped_model_loads_and_documents_itself() -> None:
    params = build_params()
    assert params.version
    assert len(params.digest) == 16
    data = default_model_data()
    for section in ("direct", "transfer", "chain", "assurances", "political", "findings", "profiles"):
        assert any(key.startswith("rationale") for key in data[section]), f"{section} has no rationale"


def test_overrides_change_the_digest_and_mark_the_version() -> None:
    base = build_params()
    changed = build_params({"findings": {"onward_established": 0.3}})
    assert changed.findings.onward_established == 0.3
    assert changed.direct == base.direct
    assert changed.digest != base.digest
    assert changed.version.endswith("+overrides")


def test_a_wrong_override_names_the_field_and_the_value() -> None:
    with pytest.raises(InputError, match=r"findings\.direct_established.*1\.5"):
        build_params({"findings": {"direct_established": 1.5}})
    with pytest.raises(InputError, match=r"chain\.hopz: Extra inputs"):
        build_params({"chain": {"hopz": 2}})


def test_a_model_file_is_merged_over_the_default(tmp_path: Path) -> None:
    path = tmp_path / "firm.yaml"
    path.write_text("version: firm-1\nchain:\n  samples: 10\n", encoding="utf-8")
    params = load_params(path)
    assert params.version == "firm-1"
    assert params.chain.samples == 10
    path.write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(InputError, match="mapping"):
        load_params(path)
    with pytest.raises(InputError, match="cannot read"):
        load_params(tmp_path / "missing.yaml")


def test_levels_follow_the_thresholds() -> None:
    params = build_params()
    assert [params.level(x) for x in (0.1, 0.3, 0.6, 0.9)] == ["low", "moderate", "high", "very high"]


def test_a_case_risk_model_block_reaches_the_engine(
    example_case_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", f"sqlite:///{tmp_path / 'kb.sqlite3'}")
    assert run_cli(capsys, "init").code == 0
    case = load_case(example_case_path)
    case.risk_model = {"version": "firm-2015", "direct": {"base_logit": -3.0}}
    custom = tmp_path / "case.yaml"
    custom.write_text(dump_case(case), encoding="utf-8")
    result = run_cli(capsys, "assess", str(custom), "--format", "json", "--samples", "0")
    assert result.code == 0, result.err
    assert '"firm-2015"' in result.out
    case.risk_model = {"direct": {"base_logit": "high"}}
    custom.write_text(dump_case(case), encoding="utf-8")
    wrong = run_cli(capsys, "assess", str(custom), "--samples", "0")
    assert wrong.code == 1  # refused as a located case-file problem, before the engine runs
    assert "case.yaml:" in wrong.err
    assert "risk_model.direct.base_logit" in wrong.err
    assert "Traceback" not in wrong.err
