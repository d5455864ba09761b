"""The labelled set of ECtHR removal judgments (data/curated/judgments_removal.csv) and its fact columns.

The backtest learns nothing from a set where nearly every removal was a violation: these tests
hold the shipped file to its promises (at least 150 judgments, at least 40 where the Court found
no violation of Art. 3 on the removal, a source and a verification tag on every row) and check
its rows that cite a HUDOC item against the ECHR-OD table they were read from.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.eval.backtest_cases import NEGATIVE, POSITIVE, file_targets
from onward.kb import vocabulary as v
from onward.kb.importers.judgments import parse_judgments
from onward.kb.importers.judgments_csv import OUTCOMES, read_judgments
from onward.model.person import Profile
from onward.model.states import is_state

ROOT = Path(__file__).resolve().parents[1]
REMOVAL = ROOT / "data" / "curated" / "judgments_removal.csv"
DEV = ROOT / "data" / "curated" / "judgments_dev.csv"
BAD = Path(__file__).parent / "fixtures" / "kb_curated" / "judgments_facts_bad.csv"
HUDOC_ITEM = re.compile(r"HUDOC (001-\d+)")


def _raw_rows() -> list[dict[str, str]]:
    with REMOVAL.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_removal_set_parses_and_keeps_its_counts() -> None:
    parsed = read_judgments(REMOVAL)
    assert parsed.extra_columns == []
    rows = parsed.rows
    outcomes = Counter(OUTCOMES[r.art3_outcome_raw] for r in rows if r.art3_outcome_raw)
    negative = sum(n for outcome, n in outcomes.items() if outcome in NEGATIVE)
    positive = sum(n for outcome, n in outcomes.items() if outcome in POSITIVE)
    before = sum(1 for r in rows if r.judgment_date.latest() <= dt.date(2012, 12, 31))
    print(f"{len(rows)} judgments: {dict(outcomes)}; {before} up to 2012, {len(rows) - before} from 2013")
    assert len(rows) >= 150
    assert negative >= 40
    assert positive + negative == len(rows)  # every judgment in the set has an Art. 3 outcome
    assert len({r.respondent for r in rows}) >= 15
    assert len({r.destination for r in rows}) >= 30


def test_every_row_has_a_source_a_verification_and_wellformed_identifiers() -> None:
    seen: Counter[str] = Counter()
    for line, row in enumerate(_raw_rows(), start=2):
        assert row["source_note"].strip(), f"line {line}: no source"
        assert row["verification"] in {"verified", "partial", "unverified"}, f"line {line}"
        numbers = row["application_no"].split(";")
        assert all(re.fullmatch(r"\d{1,6}/\d{2}", n) for n in numbers), f"line {line}: {numbers}"
        seen.update(numbers)
        dt.date.fromisoformat(row["judgment_date"])
        for column in ("respondent", "destination", "onward_destination"):
            for code in filter(None, row[column].split(";")):
                assert is_state(code), f"line {line}: {column} {code!r}"
        assert all(code in {p.value for p in Profile} for code in row["profiles"].split(";")), f"line {line}"
    assert [number for number, count in seen.items() if count > 1] == []


def test_rows_citing_a_hudoc_item_agree_with_the_echr_od_table(shared_dir: Path) -> None:
    with (shared_dir / "data" / "ecthr" / "echrod_judgments_1904.csv").open(encoding="utf-8", newline="") as handle:
        table = {r["itemid"]: r for r in csv.DictReader(handle)}
    checked = 0
    for row in _raw_rows():
        match = HUDOC_ITEM.search(row["source_locator"])
        if match is None or match.group(1) not in table:
            continue
        hudoc = table[match.group(1)]
        assert set(row["application_no"].split(";")) & set(hudoc["appno"].split(";")), row["case_name"]
        assert (
            dt.datetime.strptime(hudoc["judgement_date"][:10], "%d/%m/%Y").date().isoformat() == row["judgment_date"]
        ), row["case_name"]
        violated = {a.strip() for a in hudoc["violated_articles"].split(",")}
        found_risk = OUTCOMES[row["art3_outcome"]] in POSITIVE
        assert found_risk == ("3" in violated), row["case_name"]
        checked += 1
    print(f"{checked} rows checked against their ECHR-OD row")
    assert checked >= 15


def test_the_dev_judgments_keep_their_outcomes_in_the_larger_set() -> None:
    larger = {r.application_no: r for r in read_judgments(REMOVAL).rows}
    for row in read_judgments(DEV).rows:
        if row.case_name.endswith("(dec.)"):
            assert row.application_no not in larger  # a decision, not a judgment
            continue
        assert larger[row.application_no].art3_outcome_raw == row.art3_outcome_raw, row.case_name
        assert larger[row.application_no].judgment_date == row.judgment_date, row.case_name


def test_fact_columns_become_statements_and_art2_is_withheld_as_an_outcome() -> None:
    parsed = parse_judgments(REMOVAL)
    about = {(s.subject, s.property): s.value for s in parsed.statements}
    assert about[("judgment:55822/10", v.CHARGES_KIND)] == "ordinary_criminal"  # Shakurov
    assert about[("judgment:55822/10", v.RULE39)] is True
    assert about[("judgment:8139/09", v.ASSURANCES)] == "specific"  # Othman
    assert about[("judgment:8139/09", v.MONITORING)] is True
    assert about[("judgment:25244/18", v.ART2_OUTCOME)] == "violation"  # N.A. v. Finland
    assert v.is_outcome(v.ART2_OUTCOME)
    assert about[("judgment:72686/10", v.APPLICANT_PROFILE)] == ["asylum_seeker", "religious_minority"]
    assert ("incident:ecthr-17239-13", v.STATUS) in about  # Mamazhonov: removal_happened yes, status text unclear


def test_backtest_targets_read_profile_codes_and_the_assurances_column() -> None:
    targets, outcomes = file_targets(REMOVAL)
    by_id = {t.id: t for t in targets}
    assert by_id["8139/09"].assurances_offered  # Othman: memorandum of understanding
    assert not by_id["18414/10"].assurances_offered  # Sharipov: none recorded
    assert by_id["20113/07"].profiles == frozenset({"asylum_seeker", "religious_minority"})  # Y. v. Russia
    assert outcomes["18414/10"] == "no_potential_violation"


def test_bad_fact_values_are_reported_with_their_line_and_column() -> None:
    with pytest.raises(InputError) as caught:
        read_judgments(BAD)
    reported = str(caught.value).splitlines()[1:]
    columns = ("profiles", "charges_kind", "assurances", "monitoring", "removal_happened", "art2_outcome")
    assert len(reported) == len(columns)
    for line, column in zip(reported, columns, strict=True):
        assert line.startswith(f"{BAD}:3:1: {column}: "), line  # the second data row; the first is clean
    assert "'pilot': not a profile code" in reported[0]
    assert "found 'heresy'" in reported[1]


def test_an_unknown_column_is_reported_not_read(tmp_path: Path) -> None:
    lines = BAD.read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path / "one.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parsed = read_judgments(path)
    assert parsed.extra_columns == ["reviewer"]
    assert parse_judgments(path).audit.ignored_columns == ["reviewer"]
    assert parsed.rows[0].facts.rule39 is True
    assert parsed.rows[0].facts.source_locator == "HUDOC 001-000001"
