"""The assessment page: per proposed destination the findings, their reasons and evidence, the chain
graph drawn as a figure whose arrows open their evidence, and a tile map coloured by direct risk."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from onward.errors import InputError
from onward.web.access import Caller, read_case
from onward.web.analysis import assessment_for, parse_date
from onward.web.context import web_context
from onward.web.figures import chain_edges, chain_graph_svg, edge_anchor
from onward.web.i18n import translator
from onward.web.pages.cases import case_page
from onward.web.pages.names import state_namer
from onward.web.pages.render import language_of
from onward.web.tilemap import tile_map_svg

router = APIRouter(include_in_schema=False)
LINK = ("/cases/{case_id}/assessment", "Assessment")


@router.get("/cases/{case_id}/assessment")
def assessment_page(
    request: Request,
    case_id: str,
    caller: Caller,
    as_of: Annotated[str, Query(max_length=30)] = "",
    hops: Annotated[int, Query(ge=1, le=5)] = 3,
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
    scores = {risk.state: risk.score for risk in assessment.persecuting}
    scores.update({d.state: d.direct.score for d in assessment.destinations})
    tile_map = tile_map_svg(
        scores,
        name,
        _("Direct risk by state (tile map)"),
        _("Tile map: one square per state near its time-zone city (IANA tz database); not to scale."),
    )
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
        tile_map=tile_map,
        as_of=as_of or str(assessment.as_of),
        hops=hops,
        anchor=edge_anchor,
        as_of_error=None,
    )
