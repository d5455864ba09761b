"""A jurisdiction's removal procedure as data: stages, transitions and deadlines with their legal basis.

One file describes one jurisdiction and one kind of removal: ``jurisdictions/FR.yaml`` is French
extradition (CPP art. 696-8 to 696-24), ``jurisdictions/GB-deportation.yaml`` British deportation. Two
fallback files describe the general routes where no specific file exists: ``ECHR.yaml`` for a state
bound by the European Convention on Human Rights on the date, ``UN.yaml`` for any other state. No
procedure is hard-coded in Python; :mod:`onward.procedure.select` picks the file for a case.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from importlib import resources
from pathlib import Path

from pydantic import Field, PrivateAttr, ValidationError, model_validator

from onward.errors import CaseFileError, ConfigurationError, InputError, Problem
from onward.model.base import Identifier, NonEmpty, Record
from onward.model.case import Outcome, RemovalKind
from onward.model.dates import PartialDate
from onward.model.source import Citation, Source, Verification
from onward.yamldoc.nodes import YamlSyntaxError, parse_yaml
from onward.yamldoc.problems import problems_from


class PeriodUnit(StrEnum):
    DAYS = "days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"


class Period(Record):
    amount: int = Field(gt=0)
    unit: PeriodUnit


FALLBACKS = ("ECHR", "UN")
"""Jurisdiction codes of the general routes that apply where no specific procedure is described."""


class Body(Record):
    """A court or authority competent at a stage; ``aliases`` recognise it in a user's free-text ``body``."""

    name: NonEmpty
    aliases: list[NonEmpty] = Field(default_factory=list)

    def matches(self, text: str) -> bool:
        """Case-insensitive: the text contains the name or an alias as whole words ("CA" is not in "Canada")."""
        folded = text.casefold()
        return any(
            re.search(rf"(?<!\w){re.escape(alias.casefold())}(?!\w)", folded) for alias in (self.name, *self.aliases)
        )


class Stage(Record):
    id: Identifier
    name: NonEmpty
    legal_basis: NonEmpty
    verification: Verification
    bodies: list[Body] = Field(default_factory=list, description="courts or authorities competent at this stage")
    remedy: str | None = Field(default=None, description="what the person can do at or after this stage")
    forum: str | None = Field(default=None, description="where that remedy is brought")
    sources: list[Citation] = Field(default_factory=list, description="sources of this stage, if not the file's")
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
    start_day_counts: bool = Field(
        default=False, description="the period starts with the event's day itself (UK: '14 days starting with the day')"
    )
    legal_basis: NonEmpty
    strict: bool = Field(description="a strict (préfix) deadline: missing it forfeits the remedy")
    verification: Verification
    applies_from: dt.date | None = Field(
        default=None, description="applies only when the `after` step is dated on or after this day"
    )
    applies_until: dt.date | None = Field(
        default=None, description="applies only when the `after` step is dated before this day"
    )
    sources: list[Citation] = Field(default_factory=list)

    def applies_on(self, day: dt.date) -> bool:
        """Whether this deadline governs a period that starts with a step dated ``day``."""
        if self.applies_from is not None and day < self.applies_from:
            return False
        return self.applies_until is None or day < self.applies_until


class Holidays(Record):
    fixed: list[str] = Field(default_factory=list, description="MM-DD")
    moveable: list[str] = Field(default_factory=list)
    verification: Verification = Verification.UNVERIFIED


class Advice(Record):
    stage: Identifier
    text: NonEmpty


class Party(Record):
    """A state a fallback procedure applies to, and from when until when (e.g. the ECHR in force for it)."""

    state: str = Field(pattern=r"^[A-Z]{2}$")
    from_: PartialDate | None = Field(default=None, alias="from")
    to: PartialDate | None = Field(default=None, description="the first day it no longer applies")
    verification: Verification
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None

    def on(self, day: dt.date) -> bool:
        """Whether the state was a party on ``day`` (an undated start counts as long before)."""
        if self.from_ is not None and day < self.from_.earliest():
            return False
        return self.to is None or day < self.to.earliest()


class AppliesTo(Record):
    """Whom a fallback procedure covers: the listed parties on a date, or every state."""

    description: NonEmpty
    all_states: bool = False
    parties: list[Party] = Field(default_factory=list)

    def covers(self, state: str, day: dt.date) -> bool:
        if self.all_states:
            return True
        return any(p.state == state and p.on(day) for p in self.parties)


class Procedure(Record):
    jurisdiction: str = Field(pattern=r"^([A-Z]{2}|ECHR|UN)$")
    removal_kind: RemovalKind = RemovalKind.EXTRADITION
    name: NonEmpty
    language: str
    sources: list[Source] = Field(default_factory=list)
    applies_to: AppliesTo | None = Field(default=None, description="for a fallback (ECHR, UN): whom it covers")
    holidays: Holidays = Field(default_factory=Holidays)
    start: Identifier
    stages: list[Stage]
    transitions: list[Transition]
    deadlines: list[Deadline] = Field(default_factory=list)
    advice: list[Advice] = Field(default_factory=list)
    _selected_for: str | None = PrivateAttr(default=None)
    _selected_kind: RemovalKind | None = PrivateAttr(default=None)

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
        declared = {s.id for s in self.sources}
        cited = [c.source for s in self.stages for c in s.sources] + [
            c.source for d in self.deadlines for c in d.sources
        ]
        if self.applies_to is not None:
            cited += [c.source for p in self.applies_to.parties for c in p.sources]
        undeclared = sorted({c for c in cited if c not in declared})
        if undeclared:
            raise ValueError(f"cites sources the file does not declare: {', '.join(undeclared)}")
        if (self.jurisdiction in FALLBACKS) != (self.applies_to is not None):
            raise ValueError("a fallback procedure (ECHR, UN) needs applies_to, and only a fallback has it")
        return self

    @property
    def file_name(self) -> str:
        return procedure_file_name(self.jurisdiction, self.removal_kind)

    @property
    def selected_for(self) -> str:
        """The jurisdiction this procedure was selected for (its own code unless it is a fallback)."""
        return self._selected_for or self.jurisdiction

    @property
    def is_fallback(self) -> bool:
        return self.jurisdiction in FALLBACKS

    @property
    def selected_kind(self) -> RemovalKind:
        """The kind of removal this procedure was selected for (a fallback covers every kind)."""
        return self._selected_kind or self.removal_kind

    @property
    def label(self) -> str:
        """A short name for messages: ``FR extradition``, ``general ECHR route (for TR)``."""
        if self.is_fallback:
            suffix = f" (for {self.selected_for})" if self.selected_for != self.jurisdiction else ""
            return f"general {self.jurisdiction} route{suffix}"
        return f"{self.jurisdiction} {self.removal_kind.value.replace('_', ' ')}"

    def for_jurisdiction(self, code: str, kind: RemovalKind | None = None) -> Procedure:
        """A copy that records it was selected for ``code`` and ``kind``."""
        copy = self.model_copy(deep=True)
        copy._selected_for = code
        copy._selected_kind = kind
        return copy

    def fallback_note(self) -> str | None:
        """Why a general route stands in for a specific one, e.g. for TR the ECHR route."""
        if not self.is_fallback or self.selected_for == self.jurisdiction:
            return None
        kind = self.selected_kind.value.replace("_", " ")
        return (
            f"no specific {kind} procedure is described for {self.selected_for}; "
            f"the general {self.jurisdiction} route applies"
        )

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def successors(self, stage_id: str, outcome: Outcome | None) -> list[str]:
        """Stages that may follow ``stage_id`` ended with ``outcome`` (outcome-specific rules first)."""
        specific = [t for t in self.transitions if t.from_ == stage_id and t.on is not None and t.on == outcome]
        general = [t for t in self.transitions if t.from_ == stage_id and t.on is None]
        return [s for t in (specific or general) for s in t.to]


def procedure_file_name(jurisdiction: str, kind: RemovalKind) -> str:
    """``FR.yaml`` for extradition, ``GB-deportation.yaml`` for any other kind."""
    code = jurisdiction.upper()
    return f"{code}.yaml" if kind is RemovalKind.EXTRADITION else f"{code}-{kind.value}.yaml"


def procedure_ids() -> list[tuple[str, RemovalKind]]:
    """(jurisdiction, kind) of every shipped procedure file, fallbacks included."""
    folder = resources.files("onward.procedure") / "jurisdictions"
    kinds = {k.value: k for k in RemovalKind}
    found = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".yaml"):
            continue
        code, _, kind = entry.name.removesuffix(".yaml").partition("-")
        found.append((code, kinds[kind] if kind else RemovalKind.EXTRADITION))
    return sorted(found)


def read_procedure(jurisdiction: str, kind: RemovalKind) -> Procedure:
    """The shipped file for exactly this jurisdiction and kind (no fallback)."""
    name = procedure_file_name(jurisdiction, kind)
    resource = resources.files("onward.procedure") / "jurisdictions" / name
    if not resource.is_file():
        raise ConfigurationError(f"no procedure file {name}")
    return parse_procedure(resource.read_text(encoding="utf-8"), name)


def available_jurisdictions() -> list[str]:
    """Jurisdictions with a specific extradition procedure (the fallbacks ECHR and UN excluded)."""
    return sorted(code for code, kind in procedure_ids() if kind is RemovalKind.EXTRADITION and code not in FALLBACKS)


def load_procedure(jurisdiction: str, as_of: dt.date | None = None) -> Procedure:
    """The extradition procedure for ``jurisdiction`` (ISO code, e.g. ``FR``): its own file, else a fallback."""
    from onward.procedure.select import select_procedure

    return select_procedure(jurisdiction, RemovalKind.EXTRADITION, as_of)


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
