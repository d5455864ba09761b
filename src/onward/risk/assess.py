"""``assess``: the whole analysis of one case — direct risk, chain risk, assurances, political purpose, findings.

For Mukhtar Ablyazov held in France as of 18 May 2015, with Russia and Ukraine as proposed
destinations and Kazakhstan feared, ``assess`` answers for each destination whether removal there
exposes him to a real risk directly or through onward transfer, and records the model version,
the hop limit and the seed so that the same inputs always give the same ``Assessment``.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from onward.model.case import AssuranceItem, Case
from onward.risk.assessment import Assessment, ChainRisk, DestinationAssessment, EdgeView, PathShare
from onward.risk.assurances import AssuranceAssessment, assess_assurance, binds_onward
from onward.risk.chain import EdgeKey, Path, PathSearch, TransferGraph, compile_union, sampled_interval
from onward.risk.direct import direct_risk
from onward.risk.explain import unique
from onward.risk.findings import conclusion, direct_finding, onward_finding, political_finding
from onward.risk.fit import FitRecord, apply, fit_weights
from onward.risk.inputs import RiskInputs
from onward.risk.law import Law
from onward.risk.params import RiskParams
from onward.risk.political import political_indicators
from onward.risk.profiles import profile_towards
from onward.risk.transfer import Edge, TransferModel

__all__ = ["Assessment", "ChainRisk", "DestinationAssessment", "EdgeView", "PathShare", "assess"]

TOP_PATHS = 5
TREATMENT_ITEMS = set(AssuranceItem) - {AssuranceItem.NO_ONWARD_TRANSFER, AssuranceItem.OTHER}


def _onward_reductions(case: Case, assessments: list[AssuranceAssessment]) -> dict[str, float]:
    """Per giving state, how much sufficient no-onward-transfer assurances lower its outgoing edges.

    Only where the person would be extradited to the giving state: the speciality rule is what binds it.
    """
    kept: dict[str, float] = {}
    for item in assessments:
        if item.sufficient and item.addresses_onward_transfer and binds_onward(case, item.giving_state):
            kept[item.giving_state] = 1 - (1 - kept.get(item.giving_state, 0.0)) * (1 - item.reduction)
    return kept


def _direct_reduction(state: str, case: Case, assessments: list[AssuranceAssessment]) -> float:
    reduction = 0.0
    for assurance, item in zip(case.assurances, assessments, strict=True):
        if item.sufficient and item.giving_state == state and {t.item for t in assurance.terms} & TREATMENT_ITEMS:
            reduction = 1 - (1 - reduction) * (1 - item.reduction)
    return reduction


def assess(
    case: Case,
    inputs: RiskInputs,
    params: RiskParams,
    *,
    hops: int | None = None,
    seed: int = 0,
    samples: int | None = None,
    as_of: dt.date | None = None,
    fit: bool = False,
) -> Assessment:
    """Assess ``case`` on ``inputs`` as of ``as_of`` (default: the case's date) with ``params``.

    ``fit``: refit the direct-risk weights on the judgments delivered before the date (``fit.py``)
    and record which judgments and weights were used.
    """
    when = as_of or case.as_of.latest()
    hops = hops or params.chain.default_hops
    samples = params.chain.samples if samples is None else samples
    inputs = inputs.visible_at(when)
    record = fit_weights(inputs, params, when) if fit else None
    params = apply(params, record) if record is not None else params
    model = TransferModel(inputs, params, partial(profile_towards, case))
    states = set(inputs.states) | {case.custodial_state, *case.persecuting_states, *case.destinations}
    states |= {e.from_state for e in model.events} | {e.to_state for e in model.events}
    edges: dict[EdgeKey, Edge] = {pair: model.edge(*pair) for pair in sorted(model.candidates(states))}
    assurance_items = [assess_assurance(case, a, inputs, params, model) for a in case.assurances]
    cut = _onward_reductions(case, assurance_items)
    before = {pair: edge.mean for pair, edge in edges.items()}
    after = {pair: p * (1 - cut.get(pair[0], 0.0)) for pair, p in before.items()}
    graph = TransferGraph(before, floor=params.transfer.floor)
    persecuting = {k: direct_risk(case, inputs, params, k) for k in case.persecuting_states}
    law = Law(when)
    persecuting_findings = {k: direct_finding(risk, params, law) for k, risk in persecuting.items()}
    used: set[EdgeKey] = set()
    destinations = []
    political = political_indicators(case, inputs, params)
    custodial_ece = inputs.state(case.custodial_state).membership("ECE", when) is not None
    for destination in case.destinations:
        risk = direct_risk(case, inputs, params, destination)
        findings = [direct_finding(risk, params, law, reduction=_direct_reduction(destination, case, assurance_items))]
        chains = []
        for target in case.persecuting_states:
            if target == destination:
                continue
            found = graph.search(
                destination,
                target,
                hops,
                avoid=[case.custodial_state],
                limit=params.chain.max_paths,
                path_floor=params.chain.path_floor,
                budget_s=params.chain.time_budget_s,
            )
            chain = _chain(target, found, before, after, edges, params, samples=samples, seed=seed)
            chains.append(chain)
            top_edges = {e for path in chain.top_paths for e in Path(tuple(path.states)).edges}
            used |= top_edges
            evidence = unique([ref for e in sorted(top_edges) for ref in edges[e].evidence()])
            findings.append(
                onward_finding(
                    destination,
                    persecuting[target],
                    persecuting_findings[target],
                    probability=chain.probability,
                    before_assurances=chain.before_assurances,
                    systemic_edge=any(edges[e].informal for e in top_edges),
                    outgoing_edges=len(graph.adjacency.get(destination, [])),
                    evidence=evidence,
                    params=params,
                    law=law,
                )
            )
        purpose = political_finding(
            destination,
            political,
            custodial_ece=custodial_ece,
            jurisdiction=case.jurisdiction,
            params=params,
            law=law,
        )
        if purpose is not None and destination in case.requesting_states:
            findings.append(purpose)
        destinations.append(
            DestinationAssessment(
                state=destination,
                direct=risk,
                chains=chains,
                findings=findings,
                conclusion=conclusion(destination, findings),
            )
        )
    return Assessment(
        case=case.id,
        title=case.title,
        as_of=when,
        custodial_state=case.custodial_state,
        persecuting_states=list(case.persecuting_states),
        model_version=params.version,
        model_digest=params.digest,
        hops=hops,
        seed=seed,
        samples=samples,
        interval=params.chain.interval,
        floor=params.transfer.floor,
        persecuting=list(persecuting.values()),
        destinations=destinations,
        assurances=assurance_items,
        political=political,
        edges=[_edge_view(edges[e], after[e]) for e in sorted(used)],
        fit=record,
        conclusion=" ".join(d.conclusion for d in destinations) or "The case proposes no destination.",
        notes=_notes(params, hops, samples, graph, edges) + _fit_note(record),
    )


def _chain(
    target: str,
    found: PathSearch,
    before: dict[EdgeKey, float],
    after: dict[EdgeKey, float],
    edges: dict[EdgeKey, Edge],
    params: RiskParams,
    *,
    samples: int,
    seed: int,
) -> ChainRisk:
    paths = found.paths
    circuit = compile_union(paths)
    probability = circuit.evaluate(after)
    scale = {e: (after[e] / before[e] if before[e] else 0.0) for p in paths for e in p.edges}
    betas = {e: (edges[e].alpha, edges[e].beta) for p in paths for e in p.edges}
    interval = sampled_interval(
        paths, betas, samples=samples, seed=seed, interval=params.chain.interval, scale=scale, circuit=circuit
    )
    median, low, high = interval if interval is not None else (None, None, None)
    ranked = sorted(paths, key=lambda p: (-p.probability(after), p.states))
    total = sum(p.probability(after) for p in paths) or 1.0
    top = [
        PathShare(states=list(p.states), probability=p.probability(after), share=p.probability(after) / total)
        for p in ranked[:TOP_PATHS]
    ]
    return ChainRisk(
        target=target,
        probability=probability,
        upper=min(probability + found.pruned_mass, 1.0),
        pruned_paths=found.pruned_prefixes,
        before_assurances=circuit.evaluate(before),
        median=median,
        low=low,
        high=high,
        paths_considered=len(paths),
        top_paths=top,
    )


def _edge_view(edge: Edge, after: float) -> EdgeView:
    return EdgeView(
        source=edge.source,
        target=edge.target,
        probability=edge.mean,
        after_assurances=after,
        alpha=edge.alpha,
        beta=edge.beta,
        documented=edge.documented,
        informal=edge.informal,
        basis=edge.basis,
        reasons=edge.reasons,
    )


def _fit_note(record: FitRecord | None) -> list[str]:
    if record is None:
        return []
    weights = ", ".join(f"{name} {value:+.2f}" for name, value in record.weights.items())
    used = ", ".join(record.judgments) or "none"
    return [f"Weights: {record.note}; {weights}; judgments used: {used}."]


def _notes(params: RiskParams, hops: int, samples: int, graph: TransferGraph, edges: dict[EdgeKey, Edge]) -> list[str]:
    pruned = len(edges) - len(graph.p)
    return [
        f"Chain probabilities are exact under the model (independent edges, simple paths of at most {hops} "
        f"transfers, Shannon factoring); {pruned} of {len(edges)} candidate edges fell below the floor "
        f"{params.transfer.floor} and paths whose probability is below {params.chain.path_floor:g} were left "
        "out, so each figure is a lower bound; the upper bound adds the most the left-out paths could contribute.",
        (
            f"Intervals: {params.chain.interval:.0%} central interval of {samples} seeded draws of every "
            "edge from its Beta distribution."
            if samples
            else "No uncertainty interval was drawn (--samples 0)."
        ),
        "Scores are evidence summaries for counsel, not legal conclusions: read each finding with its reasons.",
    ]
