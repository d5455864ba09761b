"""Checks on removals, the procedures proceedings follow, and the person's protection over time.

A deportation to a state that never asked for the person is a legitimate removal; an extradition is not.
A status's later history (revocation sought, revoked, restored) must follow its grant, and nothing may be
dated after the case's ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from onward.casefile.rawdoc import Add, Path, code_of, date_of, items
from onward.model.case import RemovalKind
from onward.model.dates import PartialDate

_KINDS = {kind.value for kind in RemovalKind}


def _requesting(root: dict[str, Any]) -> set[str]:
    return {c for _, item in items(root, "requests") if (c := code_of(item.get("requesting_state")))}


def _removals(root: dict[str, Any], add: Add) -> None:
    requesting = _requesting(root)
    request_ids = {item.get("id") for _, item in items(root, "requests")}
    custodial = code_of(root.get("custodial_state"))
    for index, item in items(root, "removals"):
        destination = code_of(item.get("destination"))
        if destination is not None and destination == custodial:
            add(
                ["removals", index, "destination"],
                "a removal cannot lead to the custodial state itself",
                found=repr(destination),
            )
        if item.get("kind") == RemovalKind.EXTRADITION and destination and destination not in requesting:
            add(
                ["removals", index, "destination"],
                "an extradition can only go to a requesting state",
                expected="one of " + (", ".join(sorted(requesting)) or "the requesting states"),
                found=repr(destination),
                hint="add that state's request, or give the removal another kind (e.g. deportation)",
            )
        refs = item.get("requests")
        for ref_index, ref in enumerate(refs if isinstance(refs, list) else []):
            if ref not in request_ids:
                add(
                    ["removals", index, "requests", ref_index],
                    "refers to an unknown request",
                    expected="an id from requests",
                    found=repr(ref),
                )


def case_tracks(root: dict[str, Any]) -> list[str]:
    """The removal kinds whose procedures proceedings may follow (see ``Case.tracks``)."""
    removals = [item.get("kind") for _, item in items(root, "removals")]
    removal_kinds = [k for k in removals if isinstance(k, str) and k in _KINDS]
    extradition = bool(root.get("requests") or root.get("proposed_destinations") or not removal_kinds)
    main = RemovalKind.EXTRADITION.value if extradition else removal_kinds[0]
    tracks = [main]
    for kind in removal_kinds:
        if kind not in tracks and kind != RemovalKind.INFORMAL_TRANSFER:
            tracks.append(kind)
    return tracks


def _tracks_exist(root: dict[str, Any], add: Add) -> None:
    tracks = case_tracks(root)
    for index, item in items(root, "proceedings"):
        track = item.get("track")
        if isinstance(track, str) and track in _KINDS and track not in tracks:
            add(
                ["proceedings", index, "track"],
                "the case describes no removal of this kind",
                expected="one of " + ", ".join(tracks),
                found=repr(track),
                hint="add the removal under `removals`, or correct the track",
            )


def _statuses(root: dict[str, Any], add: Add) -> None:
    person = root.get("person")
    for index, status in items(person, "statuses"):
        path: Path = ["person", "statuses", index]
        granted = code_of(status.get("granted_by"))
        against = status.get("vis_a_vis")
        if granted and isinstance(against, list) and granted in against:
            add(
                [*path, "vis_a_vis"],
                "a state cannot protect the person against itself",
                found=repr(granted),
            )
        if status.get("kind") != "asylum_application" and status.get("outcome") is not None:
            add(
                [*path, "outcome"],
                "an outcome belongs to an asylum application",
                expected="no outcome, or kind: asylum_application",
                found=repr(status.get("outcome")),
            )
        start = date_of(status.get("date"))
        previous = start
        for event_index, event in items(status, "events"):
            when = date_of(event.get("date"))
            if when is not None and previous is not None and when.latest() < previous.earliest():
                add(
                    [*path, "events", event_index, "date"],
                    "dated before the step it follows",
                    expected=f"on or after {previous.isoformat()}",
                    found=when.isoformat(),
                    hint="list the events in the order they happened",
                )
            previous = when or previous


def _notices(root: dict[str, Any], add: Add) -> None:
    person = root.get("person")
    for index, notice in items(person, "interpol_notices"):
        path: Path = ["person", "interpol_notices", index]
        challenge = notice.get("challenge")
        if not isinstance(challenge, dict):
            continue
        issued, lodged, decided = (
            date_of(notice.get("date")),
            date_of(challenge.get("lodged")),
            date_of(challenge.get("decided")),
        )
        if issued is not None and lodged is not None and lodged.latest() < issued.earliest():
            add(
                [*path, "challenge", "lodged"],
                "the challenge is dated before the notice",
                expected=f"on or after {issued.isoformat()}",
                found=lodged.isoformat(),
            )
        if lodged is not None and decided is not None and decided.latest() < lodged.earliest():
            add(
                [*path, "challenge", "decided"],
                "the decision is dated before the challenge was lodged",
                expected=f"on or after {lodged.isoformat()}",
                found=decided.isoformat(),
            )
        if decided is not None and challenge.get("outcome", "pending") == "pending":
            add(
                [*path, "challenge", "outcome"],
                "a decided challenge needs its outcome",
                expected="deleted, maintained or other",
                found="pending",
            )


def _person_dates(root: dict[str, Any]) -> Iterator[tuple[Path, PartialDate]]:
    """Every date under ``person`` and ``removals`` the generic as-of check does not reach."""
    for index, item in items(root, "removals"):
        if (when := date_of(item.get("date"))) is not None:
            yield ["removals", index, "date"], when
    person = root.get("person")
    for index, status in items(person, "statuses"):
        if (when := date_of(status.get("date"))) is not None:
            yield ["person", "statuses", index, "date"], when
        for event_index, event in items(status, "events"):
            if (when := date_of(event.get("date"))) is not None:
                yield ["person", "statuses", index, "events", event_index, "date"], when
    for index, notice in items(person, "interpol_notices"):
        if (when := date_of(notice.get("date"))) is not None:
            yield ["person", "interpol_notices", index, "date"], when
        challenge = notice.get("challenge")
        for field in ("lodged", "decided"):
            value = challenge.get(field) if isinstance(challenge, dict) else None
            if (when := date_of(value)) is not None:
                yield ["person", "interpol_notices", index, "challenge", field], when


def _person_not_after_as_of(root: dict[str, Any], add: Add) -> None:
    as_of = date_of(root.get("as_of"))
    if as_of is None:
        return
    limit: dt.date = as_of.latest()
    for path, when in _person_dates(root):
        if when.earliest() > limit:
            add(
                path,
                "dated after the case's as_of date",
                expected=f"on or before {as_of.isoformat()}",
                found=when.isoformat(),
                hint="move as_of forward, or correct the date",
            )


REMOVAL_CHECKS: list[Callable[[dict[str, Any], Add], None]] = [
    _removals,
    _tracks_exist,
    _statuses,
    _notices,
    _person_not_after_as_of,
]
