"""The seed letter (read at run time from ../shared): the incidents it describes are proposed with their quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.evidence.extract import extract_incidents
from onward.model.incident import ExtractedIncident, IncidentKind

SEED = Path("seed") / "000_f18db51e48f8056d.txt"


@pytest.fixture
def seed_incidents(shared_dir: Path) -> tuple[str, list[ExtractedIncident]]:
    text = (shared_dir / SEED).read_text(encoding="utf-8")
    return text, extract_incidents(text, year=2015, country=None)


def _find(found: list[ExtractedIncident], kind: set[IncidentKind], from_state: str, to_state: str) -> ExtractedIncident:
    matches = [i for i in found if i.kind in kind and (i.from_state, i.to_state) == (from_state, to_state)]
    assert matches, [(i.kind, i.from_state, i.to_state) for i in found]
    return matches[0]


@pytest.mark.shared
def test_seed_letter_incidents(seed_incidents: tuple[str, list[ExtractedIncident]]) -> None:
    text, found = seed_incidents
    for incident in found:
        assert text[incident.quote_start : incident.quote_end] == incident.quote

    returned = _find(found, {IncidentKind.DEPORTATION, IncidentKind.FORCIBLE_RETURN}, "UA", "UZ")
    assert str(returned.date) == "2006"
    assert returned.subject_count == 11
    assert "Uzbek asylum seekers" in returned.quote

    abducted = _find(found, {IncidentKind.ABDUCTION}, "UA", "RU")
    assert abducted.subjects == ["Leonid Razvozzhaev"]
    assert abducted.date is not None
    assert abducted.date.start.year == 2012
    assert "kidnapped" in abducted.quote

    for destination in ("UZ", "KG"):
        extradition = _find(found, {IncidentKind.EXTRADITION}, "RU", destination)
        assert "extradition of asylum seekers" in extradition.quote
