"""Checks that span fields: dates in order, references that resolve, ids that are unique.

These run on the raw document, item by item, even when some fields failed validation, so that a
file with five mistakes gets five messages in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from onward.errors import ConfigurationError, Problem
from onward.model.case import RemovalKind
from onward.model.dates import PartialDate
from onward.model.states import is_state
from onward.procedure.model import Procedure, Stage
from onward.procedure.select import select_procedure
from onward.yamldoc.nodes import position
from onward.yamldoc.problems import dotted

Path = list[str | int]

_ID_SECTIONS = ("requests", "proceedings", "assurances", "sources")


def _items(root: Any, section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    values = root.get(section) if isinstance(root, dict) else None
    if isinstance(values, list):
        for index, item in enumerate(values):
            if isinstance(item, dict):
                yield index, item


def _date(value: Any) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.model_validate(value)
    except ValidationError:
        return None


def _code(value: Any) -> str | None:
    return value if isinstance(value, str) and is_state(value) else None


def _citations(node: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    """Every ``sources`` list of citations under ``node`` (the case's own ``sources`` are definitions)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and path and isinstance(value, list):
                for index, citation in enumerate(value):
                    ref = citation.get("source") if isinstance(citation, dict) else citation
                    yield [*path, key, index], ref
            elif key != "sources":
                yield from _citations(value, [*path, key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _citations(value, [*path, index])


def check_consistency(file: str, root: Any) -> list[Problem]:
    problems: list[Problem] = []

    def add(
        path: Path, message: str, expected: str | None = None, found: str | None = None, hint: str | None = None
    ) -> None:
        line, column = position(root, path)
        problems.append(Problem(file, line, column, dotted(path), message, expected, found, hint))

    if not isinstance(root, dict):
        return problems
    for check in _CHECKS:
        check(root, add)
    return problems


Add = Callable[..., None]


def _unique_ids(root: dict[str, Any], add: Add) -> None:
    seen: dict[str, str] = {}
    for section in _ID_SECTIONS:
        for index, item in _items(root, section):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                add(
                    [section, index, "id"],
                    "duplicate id",
                    expected="an id used once in the case",
                    found=repr(ident),
                    hint=f"already used at {seen[ident]}",
                )
            else:
                seen[ident] = dotted([section, index, "id"])


def _citations_resolve(root: dict[str, Any], add: Add) -> None:
    declared = {item.get("id") for _, item in _items(root, "sources")}
    for path, ref in _citations(root, []):
        if isinstance(ref, str) and ref not in declared:
            add(
                path,
                "cites a source the case does not declare",
                expected="an id from the case's sources",
                found=repr(ref),
            )


def _destinations_requested(root: dict[str, Any], add: Add) -> None:
    requesting = {_code(item.get("requesting_state")) for _, item in _items(root, "requests")}
    destinations = root.get("proposed_destinations")
    if not isinstance(destinations, list):
        return
    for index, code in enumerate(destinations):
        if _code(code) and code not in requesting:
            add(
                ["proposed_destinations", index],
                "destination is not a requesting state",
                expected="one of " + (", ".join(sorted(c for c in requesting if c)) or "the requesting states"),
                found=repr(code),
                hint="add the extradition request from that state, or remove the destination",
            )


def _not_self_requested(root: dict[str, Any], add: Add) -> None:
    custodial = _code(root.get("custodial_state"))
    for index, item in _items(root, "requests"):
        if custodial and item.get("requesting_state") == custodial:
            add(
                ["requests", index, "requesting_state"],
                "the custodial state cannot request itself",
                found=repr(custodial),
            )


def _proceedings_after_requests(root: dict[str, Any], add: Add) -> None:
    received: dict[str, dt.date] = {}
    for _, item in _items(root, "requests"):
        date = _date(item.get("received"))
        if isinstance(item.get("id"), str) and date is not None:
            received[item["id"]] = date.earliest()
    request_ids = {item.get("id") for _, item in _items(root, "requests")}
    for index, item in _items(root, "proceedings"):
        listed = item.get("requests")
        refs: list[Any] = listed if isinstance(listed, list) else []
        for ref_index, ref in enumerate(refs):
            if ref not in request_ids:
                add(
                    ["proceedings", index, "requests", ref_index],
                    "refers to an unknown request",
                    expected="an id from requests",
                    found=repr(ref),
                )
        date = _date(item.get("date"))
        # A provisional arrest may precede the formal request (ECE Art. 16), so only proceedings
        # that name the requests they decide are checked against them.
        concerned = [received[r] for r in refs if r in received]
        if date is not None and concerned and date.latest() < min(concerned):
            add(
                ["proceedings", index, "date"],
                "proceeding is dated before the request it concerns",
                expected=f"on or after {min(concerned).isoformat()}",
                found=date.isoformat(),
            )


def _assurance_refs(root: dict[str, Any], add: Add) -> None:
    proceeding_ids = {item.get("id") for _, item in _items(root, "proceedings")}
    for index, item in _items(root, "assurances"):
        ref = item.get("imposed_by")
        if ref is not None and ref not in proceeding_ids:
            add(
                ["assurances", index, "imposed_by"],
                "refers to an unknown proceeding",
                expected="an id from proceedings",
                found=repr(ref),
            )


def _nothing_after_as_of(root: dict[str, Any], add: Add) -> None:
    as_of = _date(root.get("as_of"))
    if as_of is None:
        return
    fields = {"requests": "received", "proceedings": "date", "assurances": "date", "sources": "date"}
    for section, field in fields.items():
        for index, item in _items(root, section):
            date = _date(item.get(field))
            if date is not None and date.earliest() > as_of.latest():
                add(
                    [section, index, field],
                    "dated after the case's as_of date",
                    expected=f"on or before {as_of.isoformat()}",
                    found=date.isoformat(),
                    hint="move as_of forward, or correct the date",
                )


def _removal_kinds(root: dict[str, Any]) -> list[RemovalKind]:
    """The kinds of removal the case concerns (``removals[].kind`` or ``removal_kind``), extradition by default."""
    values = [item.get("kind") for _, item in _items(root, "removals")] + [root.get("removal_kind")]
    kinds = [RemovalKind(v) for v in values if isinstance(v, str) and v in RemovalKind.__members__.values()]
    return list(dict.fromkeys(kinds)) or [RemovalKind.EXTRADITION]


def _procedures(root: dict[str, Any], add: Add) -> list[Procedure]:
    jurisdiction = root.get("jurisdiction", "FR")
    if not isinstance(jurisdiction, str):
        return []
    as_of = _date(root.get("as_of"))
    day = as_of.latest() if as_of is not None else None
    try:
        return [select_procedure(jurisdiction, kind, day) for kind in _removal_kinds(root)]
    except ConfigurationError:
        add(
            ["jurisdiction"],
            "no procedure is described for this jurisdiction, and it is not a state code",
            expected="an ISO 3166-1 alpha-2 code (e.g. FR, GB, PL), or ECHR or UN for the general routes",
            found=repr(jurisdiction),
        )
        return []


def _stages_known(root: dict[str, Any], add: Add) -> None:
    """Each proceeding's stage belongs to the procedure, and its body is one competent at that stage."""
    procedures = _procedures(root, add)
    if not procedures:
        return
    stage_ids = list(dict.fromkeys(s.id for p in procedures for s in p.stages))
    label = " / ".join(p.label for p in procedures)
    for index, item in _items(root, "proceedings"):
        stage = item.get("stage")
        if not isinstance(stage, str):
            continue
        if stage not in stage_ids:
            close = [s for s in stage_ids if stage.startswith(s)] or difflib.get_close_matches(stage, stage_ids, n=1)
            add(
                ["proceedings", index, "stage"],
                f"not a stage of the {label} procedure",
                expected="one of " + ", ".join(stage_ids),
                found=repr(stage),
                hint=f"did you mean {close[0]!r}?" if close else None,
            )
            continue
        body = item.get("body")
        stages = [s for p in procedures if (s := p.stage(stage)) is not None]
        if isinstance(body, str) and not any(_competent(s, body) for s in stages):
            names = list(dict.fromkeys(b.name for s in stages for b in s.bodies))
            add(
                ["proceedings", index, "body"],
                f"not a body competent at the {stage} stage of the {label} procedure",
                expected="one of " + "; ".join(names),
                found=repr(body),
                hint="name the court or authority as in the expected list (an alias or part of the name is enough)",
            )


def _competent(stage: Stage, body: str) -> bool:
    # A stage that names no bodies accepts any (the domestic steps of the ECHR and UN routes).
    return not stage.bodies or any(b.matches(body) for b in stage.bodies)


_CHECKS: list[Callable[[dict[str, Any], Add], None]] = [
    _unique_ids,
    _citations_resolve,
    _destinations_requested,
    _not_self_requested,
    _proceedings_after_requests,
    _assurance_refs,
    _nothing_after_as_of,
    _stages_known,
]
