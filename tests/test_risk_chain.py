"""Chain risk is exact: Shannon factoring agrees with brute force over every edge outcome."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onward.errors import InputError
from onward.risk.chain import Path, TransferGraph, sampled_interval, union_probability

STATES = ["A", "B", "C", "D", "E"]
probabilities = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
graphs = st.dictionaries(
    st.tuples(st.sampled_from(STATES), st.sampled_from(STATES)).filter(lambda e: e[0] != e[1]),
    probabilities,
    max_size=12,
)


def brute_force(paths: list[Path], p: dict[tuple[str, str], float]) -> float:
    """P(some path fully realised), summing over all 2^n outcomes of the edges the paths use."""
    edges = sorted({e for path in paths for e in path.edges})
    total = 0.0
    for outcome in itertools.product([False, True], repeat=len(edges)):
        open_edges = {e for e, up in zip(edges, outcome, strict=True) if up}
        weight = 1.0
        for e, up in zip(edges, outcome, strict=True):
            weight *= p[e] if up else 1 - p[e]
        if any(set(path.edges) <= open_edges for path in paths):
            total += weight
    return total


def test_two_routes_share_nothing() -> None:
    graph = TransferGraph({("A", "B"): 0.5, ("B", "C"): 0.5, ("A", "C"): 0.5})
    paths = graph.paths("A", "C", 3)
    assert [p.states for p in paths] == [("A", "B", "C"), ("A", "C")]
    assert union_probability(paths, graph.p) == pytest.approx(1 - (1 - 0.25) * (1 - 0.5))


def test_hop_limit_and_avoided_states() -> None:
    graph = TransferGraph({("A", "B"): 0.9, ("B", "C"): 0.9, ("C", "D"): 0.9})
    assert graph.paths("A", "D", 2) == []
    assert len(graph.paths("A", "D", 3)) == 1
    assert graph.paths("A", "D", 3, avoid=["B"]) == []


def test_floor_prunes_weak_edges() -> None:
    graph = TransferGraph({("A", "B"): 0.01, ("A", "C"): 0.5}, floor=0.02)
    assert ("A", "B") not in graph.p
    assert graph.paths("A", "B", 3) == []


def test_probability_outside_unit_interval_is_refused() -> None:
    with pytest.raises(InputError, match="outside"):
        TransferGraph({("A", "B"): 1.5})


@settings(max_examples=150, deadline=None)
@given(graphs, st.integers(min_value=1, max_value=3))
def test_factoring_equals_brute_force(p: dict[tuple[str, str], float], hops: int) -> None:
    graph = TransferGraph(p)
    paths = graph.paths("A", "E", hops)
    assert union_probability(paths, graph.p) == pytest.approx(brute_force(paths, graph.p), abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_a_path_is_never_more_likely_than_its_weakest_edge(p: dict[tuple[str, str], float]) -> None:
    graph = TransferGraph(p)
    for path in graph.paths("A", "E", 3):
        assert path.probability(graph.p) <= min(graph.p[e] for e in path.edges) + 1e-12


@settings(max_examples=100, deadline=None)
@given(graphs, st.sampled_from(STATES), st.sampled_from(STATES), probabilities)
def test_raising_an_edge_never_lowers_the_chain(p: dict[tuple[str, str], float], a: str, b: str, bump: float) -> None:
    if a == b:
        return
    before = TransferGraph(p)
    raised = dict(p)
    raised[(a, b)] = max(p.get((a, b), 0.0), bump)
    after = TransferGraph(raised)
    old = union_probability(before.paths("A", "E", 3), before.p)
    new = union_probability(after.paths("A", "E", 3), after.p)
    assert new >= old - 1e-12
    assert 0.0 <= new <= 1.0


def test_no_samples_means_no_interval() -> None:
    assert sampled_interval([Path(("A", "B"))], {("A", "B"): (1.0, 1.0)}, samples=0, seed=0, interval=0.9) is None


def test_sampled_interval_is_seeded_and_brackets_the_median() -> None:
    paths = [Path(("A", "B", "C")), Path(("A", "C"))]
    betas = {("A", "B"): (2.0, 3.0), ("B", "C"): (1.0, 1.0), ("A", "C"): (4.0, 2.0)}
    first = sampled_interval(paths, betas, samples=200, seed=7, interval=0.9)
    again = sampled_interval(paths, betas, samples=200, seed=7, interval=0.9)
    other = sampled_interval(paths, betas, samples=200, seed=8, interval=0.9)
    assert first is not None
    assert first == again
    assert first != other
    median, low, high = first
    assert 0.0 <= low <= median <= high <= 1.0


@settings(max_examples=80, deadline=None)
@given(graphs, st.integers(min_value=1, max_value=4), st.floats(min_value=0.0, max_value=0.3))
def test_pruned_paths_give_bounds_around_the_exact_figure(
    p: dict[tuple[str, str], float], hops: int, path_floor: float
) -> None:
    """Leaving out weak paths (edge floor and path floor) gives a lower bound; adding their mass an upper one."""
    exact = union_probability(TransferGraph(p).paths("A", "E", hops), p)
    pruned = TransferGraph(p, floor=0.1).search("A", "E", hops, path_floor=path_floor)
    lower = union_probability(pruned.paths, p)
    upper = min(lower + pruned.pruned_mass, 1.0)
    assert lower <= exact + 1e-9
    assert exact <= upper + 1e-9


def test_past_the_path_budget_the_search_stops_with_a_message() -> None:
    dense = {(a, b): 0.9 for a in STATES for b in STATES if a != b}
    with pytest.raises(InputError, match="more than 3 paths"):
        TransferGraph(dense).search("A", "E", 4, limit=3)


def test_past_the_time_budget_the_search_stops_with_a_message() -> None:
    many = [f"S{i}" for i in range(14)]
    dense = {(a, b): 0.9 for a in many for b in many if a != b}
    with pytest.raises(InputError, match="stopped after"):
        TransferGraph(dense).search("S0", "S13", 6, limit=10**9, budget_s=0.0)
