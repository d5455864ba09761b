"""A jurisdiction's extradition procedure as data: stages, transitions and deadlines with their legal basis.

France is described in ``jurisdictions/FR.yaml`` from CPP art. 696-8 to 696-24; another jurisdiction is
another file with the same shape, so no procedure is hard-coded in Python.
"""

from __future__ import annotations

from enum import StrEnum
from importlib import resources
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from onward.errors import CaseFileError, ConfigurationError, InputError, Problem
from onward.model.base import Identifier, NonEmpty, Record
from onward.model.case import Outcome
from onward.model.source import Verification
from onward.yamldoc.nodes import YamlSyntaxError, parse_yaml
from onward.yamldoc.problems import problems_from


class PeriodUnit(StrEnum):
    DAYS = "days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"


class Period(Record):
    amount: int = Field(gt=0)
    unit: PeriodUnit


class Stage(Record):
    id: Identifier
    name: NonEmpty
    legal_basis: NonEmpty
    verification: Verification
    requires_request: bool = True
    parallel: bool = Field(default=False, description="may happen beside the main sequence (e.g. Rule 39)")
    final: bool = False


class Transition(Record):
    from_: Identifier = Field(alias="from")
    on: Outcome | None = Field(default=None, description="the outcome of the from-stage this applies to")
    to: list[Identifier]


class Deadline(Record):
    id: Identifier
    after: Identifier = Field(description="the stage whose date or notification starts the period")
    stage: Identifier = Field(description="the stage that must happen within the period")
    on: Outcome | None = None
    when: str | None = Field(default=None, description="the condition under which this deadline applies")
    period: Period
    anchor: NonEmpty = Field(description="the event the period runs from")
    from_stage_date: bool = Field(
        default=False, description="the period runs from the date of the `after` proceeding itself (computable)"
    )
    legal_basis: NonEmpty
    strict: bool = Field(description="a strict (préfix) deadline: missing it forfeits the remedy")
    verification: Verification


class Holidays(Record):
    fixed: list[str] = Field(default_factory=list, description="MM-DD")
    moveable: list[str] = Field(default_factory=list)
    verification: Verification = Verification.UNVERIFIED


class Advice(Record):
    stage: Identifier
    text: NonEmpty


class Procedure(Record):
    jurisdiction: str = Field(pattern=r"^[A-Z]{2}$")
    name: NonEmpty
    language: str
    holidays: Holidays = Field(default_factory=Holidays)
    start: Identifier
    stages: list[Stage]
    transitions: list[Transition]
    deadlines: list[Deadline] = Field(default_factory=list)
    advice: list[Advice] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> Procedure:
        ids = {s.id for s in self.stages}
        referenced = [self.start]
        referenced += [t.from_ for t in self.transitions] + [s for t in self.transitions for s in t.to]
        referenced += [d.after for d in self.deadlines] + [d.stage for d in self.deadlines]
        referenced += [a.stage for a in self.advice]
        unknown = sorted({r for r in referenced if r not in ids})
        if unknown:
            raise ValueError(f"unknown stage ids: {', '.join(unknown)}")
        return self

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def successors(self, stage_id: str, outcome: Outcome | None) -> list[str]:
        """Stages that may follow ``stage_id`` ended with ``outcome`` (outcome-specific rules first)."""
        specific = [t for t in self.transitions if t.from_ == stage_id and t.on is not None and t.on == outcome]
        general = [t for t in self.transitions if t.from_ == stage_id and t.on is None]
        return [s for t in (specific or general) for s in t.to]


def available_jurisdictions() -> list[str]:
    folder = resources.files("onward.procedure") / "jurisdictions"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_procedure(jurisdiction: str) -> Procedure:
    """The shipped procedure for ``jurisdiction`` (ISO code, e.g. ``FR``)."""
    code = jurisdiction.upper()
    if code not in available_jurisdictions():
        raise ConfigurationError(
            f"no extradition procedure is described for jurisdiction {jurisdiction!r}",
            hint=f"available: {', '.join(available_jurisdictions())}",
        )
    resource = resources.files("onward.procedure") / "jurisdictions" / f"{code}.yaml"
    return parse_procedure(resource.read_text(encoding="utf-8"), f"{code}.yaml")


def load_procedure_file(path: Path) -> Procedure:
    if not path.is_file():
        raise InputError(f"{path}: no such procedure file")
    return parse_procedure(path.read_text(encoding="utf-8"), str(path))


def parse_procedure(text: str, file: str) -> Procedure:
    try:
        root = parse_yaml(text, "procedure files")
    except YamlSyntaxError as exc:
        raise CaseFileError(file, [Problem(file, exc.line, exc.column, "", f"not valid YAML: {exc}")]) from exc
    try:
        return Procedure.model_validate(root)
    except ValidationError as exc:
        raise CaseFileError(file, problems_from(Procedure, file, root, exc)) from exc
