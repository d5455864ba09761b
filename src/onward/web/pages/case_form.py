"""The structured form of a case's main fields, mapped onto the case-file document and back.

The form never validates anything itself: it writes the fields into the case-file document and
runs ``onward.casefile.io.parse_case`` on it, exactly as ``onward case validate`` would, then shows
each located problem next to the form field its path belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from onward.casefile.io import case_document
from onward.errors import Problem
from onward.model.case import Case
from onward.model.person import Profile

FIELDS = (
    "title",
    "as_of",
    "custodial_state",
    "language",
    "jurisdiction",
    "person_name",
    "nationalities",
    "profile",
    "previous_ill_treatment",
    "person_sources",
    "person_note",
    "persecuting_states",
    "proposed_destinations",
    "note",
)
LIST_FIELDS = ("nationalities", "previous_ill_treatment", "persecuting_states", "proposed_destinations")
PROFILES = [profile.value for profile in Profile]


@dataclass
class CaseForm:
    """What the reader typed, and the problems found with it, field by field."""

    values: dict[str, Any]
    errors: dict[str, list[str]] = field(default_factory=dict)
    other: list[Problem] = field(default_factory=list)


def form_from_case(case: Case) -> CaseForm:
    return CaseForm(
        values={
            "title": case.title,
            "as_of": str(case.as_of),
            "custodial_state": case.custodial_state,
            "language": case.language,
            "jurisdiction": case.jurisdiction,
            "person_name": case.person.display_name,
            "nationalities": " ".join(case.person.nationalities),
            "profile": [p.value for p in case.person.profile],
            "previous_ill_treatment": " ".join(case.person.previous_ill_treatment),
            "person_sources": [
                {"source": c.source, "locator": c.locator or "", "quote": c.quote or ""} for c in case.person.sources
            ],
            "person_note": case.person.note or "",
            "persecuting_states": " ".join(case.persecuting_states),
            "proposed_destinations": " ".join(case.proposed_destinations),
            "note": case.note or "",
        }
    )


def codes(text: str) -> list[str]:
    """``"RU, UA"`` or ``"RU UA"`` as a list of codes, as typed (the validator judges them)."""
    return [part for part in re.split(r"[\s,;]+", text.strip()) if part]


def apply_form(case: Case, values: dict[str, Any]) -> dict[str, Any]:
    """The case-file document of ``case`` with the form's fields written over it."""
    document = case_document(case)
    document["title"] = values["title"]
    document["as_of"] = values["as_of"]
    document["custodial_state"] = values["custodial_state"]
    document["language"] = values["language"]
    document["jurisdiction"] = values["jurisdiction"]
    person = document["person"]
    person["names"][0]["name"] = values["person_name"]
    person["nationalities"] = codes(values["nationalities"])
    person["profile"] = list(values["profile"])
    _set_or_drop(person, "previous_ill_treatment", codes(values["previous_ill_treatment"]))
    rows = [{key: text for key, text in row.items() if text} for row in values["person_sources"]]
    _set_or_drop(person, "sources", rows)
    _set_or_drop(person, "note", values["person_note"] if values["person_note"].strip() else None)
    document["persecuting_states"] = codes(values["persecuting_states"])
    document["proposed_destinations"] = codes(values["proposed_destinations"])
    _set_or_drop(document, "note", values["note"] if values["note"].strip() else None)
    return {key: value for key, value in document.items() if value != [] or key == "persecuting_states"}


def _set_or_drop(entry: dict[str, Any], key: str, value: Any) -> None:
    """Write ``value`` at ``key``, or leave the key out when there is nothing (an empty list, no text)."""
    if value:
        entry[key] = value
    else:
        entry.pop(key, None)


def field_of(path: str) -> str | None:
    """The form field a problem's path belongs to (``person.nationalities[1]`` → ``nationalities``)."""
    bare = re.sub(r"\[\d+\]", "", path)
    if bare.startswith("person.names"):
        return "person_name"
    if bare.startswith("person.note"):
        return "person_note"
    if bare.startswith("person.sources"):
        return "person_sources"
    if bare.startswith("person."):
        bare = bare.removeprefix("person.")
    head = bare.split(".")[0]
    return head if head in FIELDS else None


def problem_text(problem: Problem) -> str:
    """A problem as it is shown beside its field: what is wrong, what was expected and found."""
    text = problem.message
    if problem.expected:
        text += f"; expected {problem.expected}"
    if problem.found:
        text += f"; found {problem.found}"
    if problem.hint:
        text += f" ({problem.hint})"
    return text


def attach_problems(form: CaseForm, problems: list[Problem]) -> CaseForm:
    for problem in problems:
        name = field_of(problem.path)
        if name is None:
            form.other.append(problem)
        else:
            form.errors.setdefault(name, []).append(problem_text(problem))
    return form
