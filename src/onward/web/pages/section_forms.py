"""The forms of one item of a case's requests, proceedings, assurances or sources, or of the person's
names and statuses.

Each section lists its fields in the model's order with the kind of input that edits them. An item
is turned into what the form shows, and what the reader submitted is turned back into the item's
case-file entry; the case file's own validation judges the result (``section_problems`` places its
problems): nothing is checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from starlette.datastructures import FormData

from onward.casefile.io import case_document
from onward.errors import InputError, NotFoundError
from onward.model.base import Record
from onward.model.case import (
    Assurance,
    AssuranceItem,
    Case,
    ExtraditionRequest,
    Outcome,
    Proceeding,
    Removal,
    RemovalKind,
    RemovalStatus,
)
from onward.model.person import (
    InterpolNotice,
    NoticeKind,
    NoticeStatus,
    PersonName,
    PersonStatus,
    StatusKind,
    StatusOutcome,
)
from onward.model.source import Source, Verification
from onward.procedure.select import select_procedure
from onward.web.pages.case_form import CaseForm, codes
from onward.yamldoc.nodes import dump_yaml

MAX_TEXT = 20_000
MAX_ROWS = 200
# The kinds of name ``PersonName.kind`` accepts (its pattern).
NAME_KINDS = ("primary", "transliteration", "alias", "birth")


class Kind(StrEnum):
    """How a field is edited; the template of each section picks the matching input."""

    TEXT = "text"  # one line, also ids, codes, dates and choices from a list
    NOTE = "note"  # free text over several lines
    CODES = "codes"  # country codes separated by spaces or commas
    LINES = "lines"  # a list of texts, one per line
    FLAG = "flag"  # yes, no or not known
    IDS = "ids"  # ids of items of another section, ticked
    CITATIONS = "citations"  # rows of source, locator, quote
    TERMS = "terms"  # rows of item, text


# The sub-fields of the row kinds, in the order a row shows them.
ROW_FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.CITATIONS: ("source", "locator", "quote"),
    Kind.TERMS: ("item", "text"),
}


@dataclass(frozen=True)
class Section:
    """One list of a case file whose items are edited one at a time; ``parent`` is where the list lives
    (``("person",)`` for the person's names and statuses, nothing for the case's own lists)."""

    name: str
    model: type[Record]
    fields: dict[str, Kind]
    parent: tuple[str, ...] = ()
    yaml_only: tuple[str, ...] = ()
    """Fields of the model the form leaves to the YAML editor; saving the form keeps them as they were."""

    @property
    def path(self) -> str:
        """The list's path in the case file, as problems name it: ``person.statuses``."""
        return ".".join((*self.parent, self.name))


_CITED = {"sources": Kind.CITATIONS, "note": Kind.NOTE}
SECTIONS: dict[str, Section] = {
    section.name: section
    for section in (
        Section(
            "requests",
            ExtraditionRequest,
            {"id": Kind.TEXT, "requesting_state": Kind.TEXT, "received": Kind.TEXT}
            | {"charges": Kind.LINES, "legal_basis": Kind.TEXT}
            | _CITED,
        ),
        Section(
            "proceedings",
            Proceeding,
            {"id": Kind.TEXT, "date": Kind.TEXT, "body": Kind.TEXT, "stage": Kind.TEXT, "track": Kind.TEXT}
            | {"outcome": Kind.TEXT, "requests": Kind.IDS, "destinations": Kind.CODES}
            | {"conditions": Kind.LINES, "reference": Kind.TEXT}
            | _CITED,
        ),
        Section(
            "removals",
            Removal,
            {"id": Kind.TEXT, "kind": Kind.TEXT, "destination": Kind.TEXT, "status": Kind.TEXT}
            | {"requests": Kind.IDS, "legal_basis": Kind.TEXT, "date": Kind.TEXT}
            | _CITED,
        ),
        Section(
            "assurances",
            Assurance,
            {"id": Kind.TEXT, "giving_state": Kind.TEXT, "authority": Kind.TEXT, "date": Kind.TEXT}
            | {"imposed_by": Kind.TEXT, "terms": Kind.TERMS, "monitoring": Kind.LINES}
            | {"disclosed": Kind.FLAG, "legally_binding": Kind.FLAG}
            | _CITED,
        ),
        Section("names", PersonName, {"name": Kind.TEXT, "lang": Kind.TEXT, "kind": Kind.TEXT}, ("person",)),
        Section(
            "statuses",
            PersonStatus,
            {"kind": Kind.TEXT, "granted_by": Kind.TEXT, "date": Kind.TEXT, "vis_a_vis": Kind.CODES}
            | {"stage": Kind.TEXT, "outcome": Kind.TEXT}
            | _CITED,
            ("person",),
            yaml_only=("events",),
        ),
        Section(
            "interpol_notices",
            InterpolNotice,
            {"kind": Kind.TEXT, "requesting_state": Kind.TEXT, "date": Kind.TEXT, "status": Kind.TEXT} | _CITED,
            ("person",),
            yaml_only=("challenge",),
        ),
        Section(
            "sources",
            Source,
            {"id": Kind.TEXT, "publisher": Kind.TEXT, "title": Kind.TEXT, "date": Kind.TEXT, "url": Kind.TEXT}
            | {"identifier": Kind.TEXT, "locator": Kind.TEXT, "language": Kind.TEXT, "verification": Kind.TEXT}
            | {"note": Kind.NOTE},
        ),
    )
}


def section_named(name: str) -> Section:
    if name not in SECTIONS:
        raise NotFoundError(f"no section named {name!r}; expected one of {', '.join(SECTIONS)}")
    return SECTIONS[name]


def items_of(case: Case, section: Section) -> list[Record]:
    holder: Any = case
    for key in section.parent:
        holder = getattr(holder, key)
    items: list[Record] = getattr(holder, section.name)
    return items


def item_at(case: Case, section: Section, index: int) -> Record:
    items = items_of(case, section)
    if not 0 <= index < len(items):
        raise NotFoundError(f"the case has no item {index} in {section.name} (it has {len(items)})")
    return items[index]


# --- what the form shows ---------------------------------------------------------------------


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return value.value
    return str(value)


def form_from_item(section: Section, item: Record | None) -> CaseForm:
    """The form of ``item`` (for a new item, the model's defaults: a proceeding is ``pending``)."""
    values: dict[str, Any] = {}
    for name, kind in section.fields.items():
        model_field = section.model.model_fields[name]
        if item is None:
            value = None if model_field.is_required() else model_field.get_default(call_default_factory=True)
        else:
            value = getattr(item, name)
        if kind is Kind.FLAG:
            values[name] = "" if value is None else ("true" if value else "false")
        elif kind in (Kind.CODES, Kind.LINES):
            values[name] = (" " if kind is Kind.CODES else "\n").join(value or [])
        elif kind is Kind.IDS:
            values[name] = list(value or [])
        elif kind in ROW_FIELDS:
            values[name] = [{key: _shown(getattr(row, key)) for key in ROW_FIELDS[kind]} for row in value or []]
        else:
            values[name] = _shown(value)
    return CaseForm(values=values)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def choices(case: Case) -> dict[str, list[tuple[str, str]]]:
    """The values the selects of the forms offer for ``case``: (value, label) pairs."""
    procedures = [select_procedure(case.jurisdiction, kind, case.as_of.latest()) for kind in case.tracks]
    stages = {s.id: f"{s.id} — {s.name}" for procedure in procedures for s in procedure.stages}
    return {
        "outcomes": [(o.value, o.value) for o in Outcome],
        "verifications": [(v.value, v.value) for v in Verification],
        "items": [(i.value, i.value) for i in AssuranceItem],
        "stages": list(stages.items()),
        "requests": [(r.id, f"{r.id} ({r.requesting_state})") for r in case.requests],
        "proceedings": [(p.id, f"{p.id} ({p.date or '—'}, {p.body})") for p in case.proceedings],
        "sources": [(s.id, _short(f"{s.id} — {s.title}")) for s in case.sources],
        "name_kinds": [(kind, kind) for kind in NAME_KINDS],
        "status_kinds": [(k.value, k.value) for k in StatusKind],
        "status_outcomes": [(o.value, o.value) for o in StatusOutcome],
        "removal_kinds": [(k.value, k.value) for k in RemovalKind],
        "removal_statuses": [(r.value, r.value) for r in RemovalStatus],
        "tracks": [(k.value, k.value) for k in case.tracks],
        "notice_kinds": [(k.value, k.value) for k in NoticeKind],
        "notice_statuses": [(n.value, n.value) for n in NoticeStatus],
    }


def item_yaml(item: Record) -> str:
    """The item as its case-file entry reads, to show what a removal would take out."""
    return dump_yaml(item.model_dump(mode="json", exclude_none=True, exclude_defaults=True))


# --- what the reader submitted ---------------------------------------------------------------


def _text(form: FormData, key: str) -> str:
    value = form.get(key)
    text = value if isinstance(value, str) else ""
    if len(text) > MAX_TEXT:
        raise InputError(f"{key}: at most {MAX_TEXT} characters (found {len(text)})")
    return text.replace("\r\n", "\n")  # browsers send a text area's line breaks as CRLF


def rows_of(form: FormData, name: str, keys: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows ``name-0-key``, ``name-1-key`` … in order; rows left wholly blank are dropped."""
    pattern = re.compile(rf"^{re.escape(name)}-(\d+)-({'|'.join(keys)})$")
    numbers = sorted({int(m.group(1)) for key in form if (m := pattern.match(key))})
    if len(numbers) > MAX_ROWS:
        raise InputError(f"{name}: at most {MAX_ROWS} rows (found {len(numbers)})")
    rows = [{key: _text(form, f"{name}-{n}-{key}").strip() for key in keys} for n in numbers]
    # A row with anything typed in it is kept (a quote without its source is reported, never dropped).
    return [row for row in rows if any(row.values())]


def form_from_submission(section: Section, form: FormData) -> CaseForm:
    """What the reader typed, field by field, as the form shows it again."""
    values: dict[str, Any] = {}
    for name, kind in section.fields.items():
        if kind is Kind.IDS:
            values[name] = [v.strip() for v in form.getlist(name) if isinstance(v, str) and v.strip()]
        elif kind in ROW_FIELDS:
            values[name] = rows_of(form, name, ROW_FIELDS[kind])
        else:
            values[name] = _text(form, name)
    return CaseForm(values=values)


def version_of(form: FormData) -> int:
    text = _text(form, "version").strip()
    if not text.isdigit() or int(text) < 1:
        raise InputError(f"version: expected the version number the page was loaded at, found {text!r}")
    return int(text)


def _entry_value(kind: Kind, value: Any) -> Any:
    """The case-file value of one field, or ``None`` to leave the field out."""
    if kind is Kind.NOTE:
        return value.rstrip() or None
    if kind is Kind.CODES:
        return codes(value) or None
    if kind is Kind.LINES:
        return [line.strip() for line in value.splitlines() if line.strip()] or None
    if kind is Kind.FLAG:
        return {"": None, "true": True, "false": False}.get(value.strip(), value.strip())
    if kind is Kind.IDS:
        return list(value) or None
    if kind in ROW_FIELDS:
        rows = [{key: text for key, text in row.items() if text} for row in value]
        return rows or None
    return value.strip() or None


def entry_of(section: Section, values: dict[str, Any]) -> dict[str, Any]:
    """The item as the case file writes it; fields left blank are left out (the model says if required)."""
    entry = {name: _entry_value(kind, values[name]) for name, kind in section.fields.items()}
    return {name: value for name, value in entry.items() if value is not None}


def document_with(
    case: Case, section: Section, index: int | None, entry: dict[str, Any] | None
) -> tuple[dict[str, Any], int]:
    """The case-file document with ``entry`` added (index ``None``), put at ``index``, or removed there
    (entry ``None``); and the position of the item in the section."""
    document = case_document(case)
    holder: dict[str, Any] = document
    for key in section.parent:
        holder = holder[key]
    items: list[Any] = holder.setdefault(section.name, [])
    if index is None:
        assert entry is not None
        items.append(entry)
        return document, len(items) - 1
    if entry is None:
        del items[index]
    else:
        # Fields the form does not edit (a status's events, a notice's challenge) are kept as they were.
        kept = items[index] if isinstance(items[index], dict) else {}
        items[index] = {**{k: v for k, v in kept.items() if k not in section.fields}, **entry}
    return document, index
