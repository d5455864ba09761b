"""Checks that span fields: dates in order, references that resolve, ids that are unique.

These run on the raw document, item by item, even when some fields failed validation, so that a
file with five mistakes gets five messages in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterator
from typing import Any

from onward.casefile.rawdoc import Add, Path, code_of, date_of, items
from onward.casefile.removal_checks import REMOVAL_CHECKS, case_tracks
from onward.errors import ConfigurationError, Problem
from onward.model.case import RemovalKind
from onward.procedure.model import Procedure, Stage
from onward.procedure.select import select_procedure
from onward.yamldoc.nodes import position
from onward.yamldoc.problems import dotted

_ID_SECTIONS = ("requests", "removals", "proceedings", "assurances", "sources")


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


def _unique_ids(root: dict[str, Any], add: Add) -> None:
    seen: dict[str, str] = {}
    for section in _ID_SECTIONS:
        for index, item in items(root, section):
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
    declared = {item.get("id") for _, item in items(root, "sources")}
    for path, ref in _citations(root, []):
        if isinstance(ref, str) and ref not in declared:
            add(
                path,
                "cites a source the case does not declare",
                expected="an id from the case's sources",
                found=repr(ref),
            )


def _destinations_requested(root: dict[str, Any], add: Add) -> None:
    requesting = {code_of(item.get("requesting_state")) for _, item in items(root, "requests")}
    destinations = root.get("proposed_destinations")
    if not isinstance(destinations, list):
        return
    for index, code in enumerate(destinations):
        if code_of(code) and code not in requesting:
            add(
                ["proposed_destinations", index],
                "destination is not a requesting state",
                expected="one of " + (", ".join(sorted(c for c in requesting if c)) or "the requesting states"),
                found=repr(code),
                hint="add the extradition request from that state, or describe the removal under `removals` "
                "with its kind (e.g. deportation)",
            )


def _not_self_requested(root: dict[str, Any], add: Add) -> None:
    custodial = code_of(root.get("custodial_state"))
    for index, item in items(root, "requests"):
        if custodial and item.get("requesting_state") == custodial:
            add(
                ["requests", index, "requesting_state"],
                "the custodial state cannot request itself",
                found=repr(custodial),
            )


def _proceedings_after_requests(root: dict[str, Any], add: Add) -> None:
    received: dict[str, dt.date] = {}
    for _, item in items(root, "requests"):
        date = date_of(item.get("received"))
        if isinstance(item.get("id"), str) and date is not None:
            received[item["id"]] = date.earliest()
    request_ids = {item.get("id") for _, item in items(root, "requests")}
    for index, item in items(root, "proceedings"):
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
        date = date_of(item.get("date"))
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
    proceeding_ids = {item.get("id") for _, item in items(root, "proceedings")}
    for index, item in items(root, "assurances"):
        ref = item.get("imposed_by")
        if ref is not None and ref not in proceeding_ids:
            add(
                ["assurances", index, "imposed_by"],
                "refers to an unknown proceeding",
                expected="an id from proceedings",
                found=repr(ref),
            )


def _nothing_after_as_of(root: dict[str, Any], add: Add) -> None:
    as_of = date_of(root.get("as_of"))
    if as_of is None:
        return
    fields = {"requests": "received", "proceedings": "date", "assurances": "date", "sources": "date"}
    for section, field in fields.items():
        for index, item in items(root, section):
            date = date_of(item.get(field))
            if date is not None and date.earliest() > as_of.latest():
                add(
                    [section, index, field],
                    "dated after the case's as_of date",
                    expected=f"on or before {as_of.isoformat()}",
                    found=date.isoformat(),
                    hint="move as_of forward, or correct the date",
                )


def _procedures(root: dict[str, Any], add: Add) -> dict[str, Procedure]:
    """The procedure of each track the case's proceedings may follow (see ``Case.tracks``), by kind."""
    jurisdiction = root.get("jurisdiction", "FR")
    if not isinstance(jurisdiction, str):
        return {}
    as_of = date_of(root.get("as_of"))
    day = as_of.latest() if as_of is not None else None
    try:
        return {kind: select_procedure(jurisdiction, RemovalKind(kind), day) for kind in case_tracks(root)}
    except ConfigurationError:
        add(
            ["jurisdiction"],
            "no procedure is described for this jurisdiction, and it is not a state code",
            expected="an ISO 3166-1 alpha-2 code (e.g. FR, GB, PL), or ECHR or UN for the general routes",
            found=repr(jurisdiction),
        )
        return {}


def _stages_known(root: dict[str, Any], add: Add) -> None:
    """Each proceeding's stage belongs to the procedure of its track, and its body is one competent there."""
    procedures = _procedures(root, add)
    if not procedures:
        return
    main = next(iter(procedures))
    for index, item in items(root, "proceedings"):
        stage = item.get("stage")
        track = item.get("track")
        procedure = procedures.get(track if isinstance(track, str) else main)
        if not isinstance(stage, str) or procedure is None:
            continue  # an unknown track is reported by the removal checks
        stage_ids = [s.id for s in procedure.stages]
        found = procedure.stage(stage)
        if found is None:
            close = [s for s in stage_ids if stage.startswith(s)] or difflib.get_close_matches(stage, stage_ids, n=1)
            add(
                ["proceedings", index, "stage"],
                f"not a stage of the {procedure.label} procedure",
                expected="one of " + ", ".join(stage_ids),
                found=repr(stage),
                hint=f"did you mean {close[0]!r}?" if close else "set `track` if it belongs to another removal",
            )
            continue
        body = item.get("body")
        if isinstance(body, str) and not _competent(found, body):
            names = [b.name for b in found.bodies]
            add(
                ["proceedings", index, "body"],
                f"not a body competent at the {stage} stage of the {procedure.label} procedure",
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
    *REMOVAL_CHECKS,
]
