"""``onward eval extraction``: scoring the extractor against gold annotations, on fixtures and on the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.eval.extraction import evaluate
from onward.eval.gold import GoldIncident, GoldPassage, read_gold
from onward.evidence.extract import extract_incidents
from onward.gazetteer import Gazetteer
from onward.model.dates import EventDate
from onward.model.incident import ExtractedIncident, IncidentKind, IncidentStatus
from tests.clihelpers import run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "extract" / "gold_small.jsonl"


def _gold(kind: str, from_state: str | None, to_state: str | None, *, uncertain: bool = False) -> GoldIncident:
    return GoldIncident(kind, "completed", from_state, to_state, (), 1, (), "2019", "q", uncertain)


def _proposal(kind: IncidentKind, from_state: str | None, to_state: str | None) -> ExtractedIncident:
    return ExtractedIncident(
        kind=kind,
        status=IncidentStatus.COMPLETED,
        from_state=from_state,
        to_state=to_state,
        subject_count=1,
        date=EventDate.parse("2019"),
        quote="q",
        quote_start=0,
        quote_end=1,
    )


def test_matching_is_a_multiset_on_kind_and_states() -> None:
    passage = GoldPassage("p", 2019, "KW", "q", (_gold("deportation", "KW", "EG"), _gold("deportation", "KW", "EG")))
    report = evaluate([passage], lambda text, year, country: [_proposal(IncidentKind.DEPORTATION, "KW", "EG")])
    assert (report.strict.true_positives, report.strict.false_negatives, report.strict.false_positives) == (1, 1, 0)
    assert report.field_accuracy()["when"] == 1.0


def test_forcible_return_scores_as_a_gold_deportation() -> None:
    passage = GoldPassage("p", 2019, "UA", "q", (_gold("deportation", "UA", "UZ"),))
    report = evaluate([passage], lambda text, year, country: [_proposal(IncidentKind.FORCIBLE_RETURN, "UA", "UZ")])
    assert report.strict.precision == report.strict.recall == 1.0


def test_uncertain_gold_counts_in_strict_and_is_optional_in_lenient() -> None:
    passage = GoldPassage(
        "p", 2019, "KW", "q", (_gold("deportation", "KW", "EG"), _gold("abduction", "KW", "EG", uncertain=True))
    )
    report = evaluate([passage], lambda text, year, country: [_proposal(IncidentKind.DEPORTATION, "KW", "EG")])
    assert report.strict.recall == 0.5
    assert report.lenient.recall == 1.0
    assert report.misses[0].uncertain


def test_fixture_scores_and_lists_misses_and_false_positives() -> None:
    passages = read_gold(FIXTURE, Gazetteer.default())
    assert passages[2].country == "XK"  # no iso2c: resolved from the country name
    report = evaluate(passages, lambda text, year, country: extract_incidents(text, year=year, country=country))
    assert report.gold_incidents == 5
    assert report.strict.true_positives == 3
    assert {(m.passage_id, m.kind) for m in report.misses} == {
        ("t-2", "extradition_request"),
        ("t-4", "interpol_notice"),
    }
    assert [(f.passage_id, f.kind, f.from_state, f.to_state) for f in report.false_positives] == [
        ("t-5", "extradition", "ES", "RU")
    ]
    assert report.field_accuracy() == dict.fromkeys(("status", "when", "subjects", "subject_count", "profile"), 1.0)


def test_cli_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "eval", "extraction", str(FIXTURE), "--show-misses")
    assert result.code == 0, result.err
    assert "strict (headline" in result.out
    assert "lenient" in result.out
    assert "t-4" in result.out
    assert "interpol_notice" in result.out
    assert "Pavel Orlov" in result.out  # the false positive's quote


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "eval", "extraction", str(FIXTURE), "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["headline"] == "strict"
    assert data["strict"]["true_positives"] == 3
    assert data["strict"]["false_positives"] == 1
    assert "misses" not in data


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not json\n", ":1: <line>: expected one JSON object per line"),
        ('{"text": "x", "incidents": [{"kind": "teleport", "status": "completed"}]}\n', ":1: incidents[0].kind"),
        ('{"incidents": []}\n', ":1: text: expected the passage text"),
        ('{"text": "x", "incidents": [{"kind": "abduction", "status": "done"}]}\n', "incidents[0].status"),
        ("\n", "no passages found"),
    ],
)
def test_malformed_gold_names_file_line_and_field(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(path, Gazetteer.default())
    assert expected in caught.value.message
    assert str(path) in caught.value.message


def test_cli_reports_a_missing_file_without_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_cli(capsys, "eval", "extraction", str(tmp_path / "absent.jsonl"))
    assert result.code == 2
    assert "cannot read the gold file" in result.err
    assert "Traceback" not in result.err


@pytest.mark.shared
def test_dev_set_meets_the_targets(shared_dir: Path) -> None:
    passages = read_gold(shared_dir / "eval" / "gold_dev.jsonl", Gazetteer.default())
    report = evaluate(passages, lambda text, year, country: extract_incidents(text, year=year, country=country))
    assert report.strict.precision >= 0.90, report.false_positives
    # 13 of the 48 gold incidents leave a state unnamed; proposals always name both, so recall tops out at 35/48.
    assert report.strict.recall >= 0.65, report.misses
    resolved = [m for m in report.misses if m.from_state and m.to_state]
    assert len(resolved) <= 3, resolved
