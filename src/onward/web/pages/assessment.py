"""The assessment page: per proposed destination the findings, their reasons and evidence, the chain
graph drawn as a figure whose arrows open their evidence, and a world map coloured by direct risk (a tile
map when the country shapes are not installed) beside a table of the same risks."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from typing import Annotated, NamedTuple

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from onward.errors import ConfigurationError, InputError
from onward.risk.assess import Assessment
from onward.risk.direct import DirectRisk
from onward.risk.params import SAFE_HOPS
from onward.web.access import Caller, read_case
from onward.web.analysis import assessment_for, parse_date
from onward.web.context import web_context
from onward.web.figures import chain_edges, chain_graph_svg, edge_anchor
from onward.web.i18n import translator
from onward.web.pages.cases import case_page
from onward.web.pages.names import state_namer
from onward.web.pages.render import language_of
from onward.web.settings import WebSettings
from onward.web.tilemap import tile_map_svg, tile_positions
from onward.web.worldmap import world_map_svg, world_outline

router = APIRouter(include_in_schema=False)
LINK = ("/cases/{case_id}/assessment", "Assessment")
log = logging.getLogger("onward.web")


def direct_risks(assessment: Assessment) -> dict[str, DirectRisk]:
    """The direct risk of every state the assessment scores: persecuting states and proposed destinations."""
    risks = {risk.state: risk for risk in assessment.persecuting}
    risks.update({d.state: d.direct for d in assessment.destinations})
    return risks


class RiskMap(NamedTuple):
    """The map figure: its SVG, its kind (``world`` or ``tiles``) and the states it draws."""

    svg: str
    kind: str
    drawn: set[str]


def risk_map(
    settings: WebSettings,
    risks: Mapping[str, DirectRisk],
    persecuting: Collection[str],
    name: Callable[[str], str],
    _: Callable[[str], str],
) -> RiskMap:
    """The world map when its country shapes can be read, else the tile map."""
    if settings.world_atlas is not None:
        try:
            world = world_outline(settings.world_atlas)
        except ConfigurationError as error:
            log.warning("drawing the tile map instead of the world map: %s", error.message)
        else:
            labels = {
                "title": _("Direct risk by state (world map)"),
                "unassessed": _("not assessed"),
                "persecuting": _("persecuting state"),
            } | {level: _(level) for level in RISK_LEVELS}
            return RiskMap(world_map_svg(world, risks, persecuting, name, labels), "world", world.codes())
    tiles = tile_map_svg(
        {code: risk.score for code, risk in risks.items()},
        name,
        _("Direct risk by state (tile map)"),
        _("Tile map: one square per state near its time-zone city (IANA tz database); not to scale."),
    )
    return RiskMap(tiles, "tiles", set(tile_positions()))


RISK_LEVELS = ("low", "moderate", "high", "very high")  # the names ``RiskParams.level`` gives


@router.get("/cases/{case_id}/assessment")
def assessment_page(
    request: Request,
    case_id: str,
    caller: Caller,
    as_of: Annotated[str, Query(max_length=30)] = "",
    hops: Annotated[int, Query(ge=1, le=SAFE_HOPS)] = 3,
) -> Response:
    case, version = read_case(request, caller, case_id)
    language = language_of(request)
    _ = translator(language)
    name = state_namer(language)
    try:
        when = parse_date(as_of)
    except InputError as error:
        return case_page(
            request,
            caller,
            "assessment.html",
            case_id,
            case=case,
            version=version,
            assessment=None,
            as_of=as_of,
            hops=hops,
            safe_hops=SAFE_HOPS,
            as_of_error=error.message,
            status_code=422,
        )
    context = web_context(request)
    assessment = assessment_for(context.store, case, as_of=when, hops=hops, cache=context.results)
    graphs = {
        d.state: chain_graph_svg(assessment, d, name, f"{_('Chain graph')}: {name(d.state)}")
        for d in assessment.destinations
    }
    edges = {d.state: chain_edges(assessment, d) for d in assessment.destinations}
    risks = direct_risks(assessment)
    drawn = risk_map(context.settings, risks, assessment.persecuting_states, name, _)
    return case_page(
        request,
        caller,
        "assessment.html",
        case_id,
        case=case,
        version=version,
        assessment=assessment,
        graphs=graphs,
        edges=edges,
        risk_map=drawn.svg,
        map_kind=drawn.kind,
        unmapped=sorted(set(risks) - drawn.drawn),
        destination_states={d.state for d in assessment.destinations},
        risks=sorted(risks.values(), key=lambda r: (-r.score, r.state)),
        as_of=as_of or str(assessment.as_of),
        hops=hops,
        safe_hops=SAFE_HOPS,
        anchor=edge_anchor,
        as_of_error=None,
    )
