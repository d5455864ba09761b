"""Gold annotations of transfer incidents, one passage per JSON line, in the format of the extraction gold sets.

Each line: ``passage_id``, ``year``, ``country``, ``iso2c``, ``text`` and ``incidents`` (kind, status, from_state,
to_state, subjects, subject_count, profile, when, quote, optional uncertain). A malformed line is reported with its
file, line, field, what was expected and what was found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onward.errors import InputError
from onward.gazetteer import Gazetteer

GOLD_KINDS = {
    "extradition",
    "extradition_request",
    "deportation",
    "abduction",
    "interpol_notice",
    "detention_for_transfer",
}
GOLD_STATUSES = {"completed", "attempted_or_pending", "blocked", "requested"}


@dataclass(frozen=True)
class GoldIncident:
    """One incident as annotated; ``status`` is already mapped to Onward's ("attempted_or_pending" → "pending")."""

    kind: str
    status: str
    from_state: str | None
    to_state: str | None
    subjects: tuple[str, ...]
    subject_count: int | None
    profile: tuple[str, ...]
    when: str | None
    quote: str
    uncertain: bool


@dataclass(frozen=True)
class GoldPassage:
    passage_id: str
    year: int | None
    country: str | None
    text: str
    incidents: tuple[GoldIncident, ...] = field(default_factory=tuple)


def _problem(path: Path, line: int, where: str, expected: str, found: object) -> InputError:
    return InputError(f"{path}:{line}: {where}: expected {expected}, found {found!r}")


def incident_of(path: Path, line: int, index: int, raw: Any) -> GoldIncident:
    """One incident of a gold line, checked; a bad field names file, line and field."""
    where = f"incidents[{index}]"
    if not isinstance(raw, dict):
        raise _problem(path, line, where, "an object", raw)
    kind = raw.get("kind")
    if kind not in GOLD_KINDS:
        raise _problem(path, line, f"{where}.kind", f"one of {', '.join(sorted(GOLD_KINDS))}", kind)
    status = raw.get("status")
    if status not in GOLD_STATUSES:
        raise _problem(path, line, f"{where}.status", f"one of {', '.join(sorted(GOLD_STATUSES))}", status)
    count = raw.get("subject_count")
    if count is not None and not isinstance(count, int):
        raise _problem(path, line, f"{where}.subject_count", "an integer or null", count)
    return GoldIncident(
        kind=kind,
        status="pending" if status == "attempted_or_pending" else status,
        from_state=raw.get("from_state"),
        to_state=raw.get("to_state"),
        subjects=tuple(raw.get("subjects") or ()),
        subject_count=count,
        profile=tuple(raw.get("profile") or ()),
        when=raw.get("when"),
        quote=str(raw.get("quote") or ""),
        uncertain=bool(raw.get("uncertain", False)),
    )


def read_gold(path: Path, gazetteer: Gazetteer) -> list[GoldPassage]:
    """Every passage of a gold file; the reporting state comes from ``iso2c`` or, failing that, ``country``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read the gold file ({error.strerror or error})") from None
    passages: list[GoldPassage] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise _problem(path, number, "<line>", "one JSON object per line", error.msg) from None
        if not isinstance(raw, dict):
            raise _problem(path, number, "<line>", "a JSON object", type(raw).__name__)
        text = raw.get("text")
        if not isinstance(text, str):
            raise _problem(path, number, "text", "the passage text (a string)", text)
        incidents = raw.get("incidents", [])
        if not isinstance(incidents, list):
            raise _problem(path, number, "incidents", "a list", incidents)
        country = raw.get("iso2c") or (gazetteer.resolve(raw["country"]) if raw.get("country") else None)
        year = raw.get("year")
        passages.append(
            GoldPassage(
                passage_id=str(raw.get("passage_id") or f"line-{number}"),
                year=year if isinstance(year, int) else None,
                country=country,
                text=text,
                incidents=tuple(incident_of(path, number, i, item) for i, item in enumerate(incidents)),
            )
        )
    if not passages:
        raise InputError(f"{path}: no passages found", hint="one JSON object per line, as in the gold set README")
    return passages
