"""Read a file of ECtHR removal judgments (the ``judgments_dev.csv`` format), refusing anything else.

Each row is one judgment on a removal — Muminov v. Russia (42502/06): expulsion to Uzbekistan,
completed on the day Rule 39 was indicated, Art. 3 violated, Art. 34 not — with the verification
status and a note on where its facts were read. The format is checked strictly (the exact columns,
ISO dates, ISO 3166-1 codes, a closed list of removal kinds and outcomes); the free-text columns
(``removal_status``, ``applicant_profile``, ``source_note``) are taken as written. Every problem in
the file is reported at once, with its line and column name.

The larger ``judgments_removal.csv`` adds structured facts in optional columns
(``onward.kb.importers.judgment_fields``): profile codes, the kind of charges, assurances and
monitoring, Rule 39, whether the removal happened, the Art. 2 outcome and a locator in the
judgment. Each is checked against its closed list; any other column is reported, not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from onward.errors import Problem
from onward.kb.importers.judgment_fields import (
    ASSURANCE_KINDS,
    CHARGES_KINDS,
    FACT_COLUMNS,
    REMOVAL_HAPPENED,
    YES_NO,
    JudgmentFacts,
    yes_no,
)
from onward.kb.importers.tabular import read_table, refuse
from onward.model.dates import PartialDate
from onward.model.incident import IncidentKind
from onward.model.person import Profile
from onward.model.source import Verification
from onward.model.states import is_state

WHAT = "a file of ECtHR removal judgments (the judgments_dev.csv format)"

JUDGMENT_COLUMNS = (
    "case_name",
    "application_no",
    "judgment_date",
    "respondent",
    "destination",
    "onward_destination",
    "removal",
    "removal_status",
    "applicant_profile",
    "art3_outcome",
    "art34_outcome",
    "verification",
    "source_note",
)

# The kinds of removal a judgment can concern, as the file writes them → IncidentKind.
# CAT GC4 §4: "deportation" covers extradition, forcible return, transfer and rendition alike.
REMOVAL_KINDS: dict[str, IncidentKind] = {
    "extradition": IncidentKind.EXTRADITION,
    "extradition_request": IncidentKind.EXTRADITION_REQUEST,
    "expulsion": IncidentKind.DEPORTATION,
    "deportation": IncidentKind.DEPORTATION,
    "removal": IncidentKind.DEPORTATION,
    "transfer": IncidentKind.DEPORTATION,
    "return": IncidentKind.FORCIBLE_RETURN,
    "forcible_return": IncidentKind.FORCIBLE_RETURN,
    "abduction": IncidentKind.ABDUCTION,
    "rendition": IncidentKind.ABDUCTION,
    "pushback": IncidentKind.BORDER_REFOULEMENT,
    "border_refoulement": IncidentKind.BORDER_REFOULEMENT,
}

# Outcomes as the file writes them → the knowledge base's words (onward.kb.vocabulary).
# "violation_if_removed" is the Court's finding for a removal not yet carried out (Soering §111).
OUTCOMES: dict[str, str] = {
    "violation": "violation",
    "no_violation": "no_violation",
    "violation_if_removed": "potential_violation",
    "potential_violation": "potential_violation",
    "no_violation_if_removed": "no_potential_violation",
    "no_potential_violation": "no_potential_violation",
    "inadmissible": "inadmissible",
    "struck_out": "struck_out",
}

_APPLICATION_NO = re.compile(r"^\d{1,6}/\d{2}$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class JudgmentRow:
    """One validated row; ``line`` is its line in the file, for messages and locators."""

    line: int
    case_name: str
    application_nos: tuple[str, ...]
    judgment_date: PartialDate
    respondent: str
    destination: str
    onward_destinations: tuple[str, ...]
    removal_raw: str
    removal: IncidentKind
    removal_status: str
    applicant_profile: str
    art3_outcome_raw: str
    art34_outcome_raw: str
    verification: Verification
    source_note: str
    facts: JudgmentFacts = field(default_factory=JudgmentFacts)

    @property
    def application_no(self) -> str:
        """The first application number: the judgment's id (``judgment:46827/99``)."""
        return self.application_nos[0]


@dataclass(frozen=True)
class JudgmentFile:
    rows: list[JudgmentRow]
    extra_columns: list[str]


class _RowChecker:
    """Collects every problem in one row instead of stopping at the first."""

    def __init__(self, file: str, line: int, values: dict[str, str]) -> None:
        self.file, self.line, self.values = file, line, values
        self.problems: list[Problem] = []

    def problem(self, column: str, message: str, expected: str) -> None:
        found = repr(self.values.get(column, ""))
        self.problems.append(Problem(self.file, self.line, None, column, message, expected=expected, found=found))

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.values[column].strip()
        if required and not value:
            self.problem(column, "is empty", "a value")
        return value

    def states(self, column: str, *, required: bool) -> tuple[str, ...]:
        codes = tuple(c.strip() for c in self.values[column].split(";") if c.strip())
        if required and len(codes) != 1:
            self.problem(column, "needs exactly one state", "an ISO 3166-1 alpha-2 code such as UZ")
        for code in codes:
            if not is_state(code):
                self.problem(column, f"{code!r} is not a state code", "ISO 3166-1 alpha-2 codes separated by ';'")
        return codes

    def choice(self, column: str, allowed: Iterable[str], *, required: bool) -> str:
        value = self.values.get(column, "").strip()
        if (value or required) and value not in allowed:
            self.problem(column, "is not an allowed value", "one of " + ", ".join(sorted(allowed)))
        return value

    def profiles(self, column: str) -> tuple[Profile, ...]:
        codes = [c.strip() for c in self.values.get(column, "").split(";") if c.strip()]
        known = {p.value for p in Profile}
        unknown = [c for c in codes if c not in known]
        if unknown:
            listed = ", ".join(sorted(known))
            self.problem(column, f"{', '.join(map(repr, unknown))}: not a profile code", f"{listed}, separated by ';'")
            return ()
        return tuple(dict.fromkeys(Profile(c) for c in codes))


def _facts(check: _RowChecker) -> JudgmentFacts:
    """The optional structured columns of a row, each checked against its list (absent → not recorded)."""
    return JudgmentFacts(
        profiles=check.profiles("profiles"),
        charges_kind=check.choice("charges_kind", CHARGES_KINDS, required=False),
        assurances=check.choice("assurances", ASSURANCE_KINDS, required=False),
        monitoring=yes_no(check.choice("monitoring", YES_NO, required=False)),
        rule39=yes_no(check.choice("rule39", YES_NO, required=False)),
        removal_happened=check.choice("removal_happened", REMOVAL_HAPPENED, required=False),
        art2_outcome_raw=check.choice("art2_outcome", OUTCOMES, required=False),
        source_locator=check.values.get("source_locator", "").strip(),
    )


def _row(file: str, line: int, values: dict[str, str]) -> tuple[JudgmentRow | None, list[Problem]]:
    check = _RowChecker(file, line, values)
    case_name = check.text("case_name")
    numbers = tuple(n.strip() for n in values["application_no"].split(";") if n.strip())
    if not numbers or not all(_APPLICATION_NO.match(n) for n in numbers):
        check.problem("application_no", "is badly formed", "application numbers like 42502/06, separated by ';'")
    date_text = check.text("judgment_date")
    date: PartialDate | None = None
    if _ISO_DAY.match(date_text):
        try:
            date = PartialDate.parse(date_text)
        except ValidationError as exc:
            reason = exc.errors(include_url=False)[0]["msg"].removeprefix("Value error, ")
            check.problem("judgment_date", f"is not a real date ({reason})", "a date YYYY-MM-DD")
    else:
        check.problem("judgment_date", "is badly formed", "a date YYYY-MM-DD")
    respondent = check.states("respondent", required=True)
    destination = check.states("destination", required=True)
    onward = check.states("onward_destination", required=False)
    removal = check.choice("removal", REMOVAL_KINDS, required=True)
    art3 = check.choice("art3_outcome", OUTCOMES, required=False)
    art34 = check.choice("art34_outcome", OUTCOMES, required=False)
    verification = check.choice("verification", [v.value for v in Verification], required=True)
    facts = _facts(check)
    if check.problems or date is None:
        return None, check.problems
    row = JudgmentRow(
        line=line,
        case_name=case_name,
        application_nos=numbers,
        judgment_date=date,
        respondent=respondent[0],
        destination=destination[0],
        onward_destinations=onward,
        removal_raw=removal,
        removal=REMOVAL_KINDS[removal],
        removal_status=values["removal_status"].strip(),
        applicant_profile=values["applicant_profile"].strip(),
        art3_outcome_raw=art3,
        art34_outcome_raw=art34,
        verification=Verification(verification),
        source_note=values["source_note"].strip(),
        facts=facts,
    )
    return row, []


def read_judgments(path: Path) -> JudgmentFile:
    """Every row of a judgments file; refuses the whole file, listing its problems, if any row is wrong."""
    table = read_table(path, what=WHAT, required=JUDGMENT_COLUMNS, understood=FACT_COLUMNS)
    name = str(path)
    rows: list[JudgmentRow] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for record in table.rows:
        if not any(cell.strip() for cell in record.cells.values()):
            continue
        row, found = _row(name, record.line, record.cells)
        problems.extend(found)
        if row is None:
            continue
        if row.application_no in seen:
            problems.append(
                Problem(
                    name,
                    record.line,
                    None,
                    "application_no",
                    "the same judgment appears twice",
                    expected="one row per judgment",
                    found=f"also on line {seen[row.application_no]}",
                )
            )
            continue
        seen[row.application_no] = record.line
        rows.append(row)
    if problems:
        raise refuse(path, problems, WHAT)
    return JudgmentFile(rows=rows, extra_columns=list(table.ignored_columns))
