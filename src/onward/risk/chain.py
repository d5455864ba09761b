"""Chain risk: the probability that the person ends up in a persecuting state, starting from a destination.

France → Ukraine → Russia → Kazakhstan is one path; the engine considers every simple path from
the destination to each persecuting state of at most ``hops`` transfers (CAT General Comment 4
§12; T.I. v UK (dec.): removal to an intermediary state does not relieve the sending state of
responsibility for onward removal).

What "exactly" means here. Each edge A → B is an independent event "if the person were in A, A
would transfer them to B", with probability the mean of its Beta (``transfer.Edge``). The person
reaches K from D if at least one path D → … → K of at most ``hops`` edges, visiting no state twice
and K only at its end, has every edge realised. Its probability is the probability of a union of
dependent events (paths share edges). We compute it exactly — no sampling and no independence
assumption between paths — by Shannon factoring on edges: P(U) = p_e · P(U | e) + (1 − p_e) ·
P(U | not e), splitting edge-disjoint groups of paths (which are independent) and memoising
sub-problems. Edges below ``floor`` are pruned first, and the result is a lower bound on the
unpruned figure by at most the pruned mass; this is stated in every report. The uncertainty
interval repeats the exact computation with each edge drawn from its Beta, from a seeded generator.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from onward.errors import InputError
from onward.risk.factoring import Circuit, compile_union, union_probability

__all__ = ["EdgeKey", "Path", "PathSearch", "TransferGraph", "compile_union", "sampled_interval", "union_probability"]

EdgeKey = tuple[str, str]


@dataclass(frozen=True)
class Path:
    states: tuple[str, ...]

    @property
    def edges(self) -> tuple[EdgeKey, ...]:
        return tuple(zip(self.states, self.states[1:], strict=False))

    def probability(self, p: Mapping[EdgeKey, float]) -> float:
        result = 1.0
        for edge in self.edges:
            result *= p[edge]
        return result


@dataclass(frozen=True)
class PathSearch:
    """The paths kept for the exact union, and the probability mass of what was left out.

    ``pruned_mass`` bounds from above what the left-out paths could add to the union: each pruned
    prefix (a path whose probability product fell below the path floor, or that continues over an
    edge below the edge floor) contributes at most its own probability. The exact union of the kept
    paths is the lower bound; adding ``pruned_mass`` (capped at 1) gives the upper bound.
    """

    paths: list[Path]
    pruned_mass: float
    pruned_prefixes: int


@dataclass
class TransferGraph:
    """Directed graph of transfer likelihoods between states, pruned at ``floor``."""

    p: dict[EdgeKey, float]
    floor: float = 0.0
    adjacency: dict[str, list[str]] = field(default_factory=dict)
    below_floor: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    everything: dict[EdgeKey, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for (a, b), value in self.p.items():
            if not 0.0 <= value <= 1.0:
                raise InputError(f"edge {a} → {b} has probability {value}, outside [0, 1]")
        self.everything = {edge: value for edge, value in self.p.items() if edge[0] != edge[1] and value > 0}
        self.below_floor = {}
        for (a, b), value in sorted(self.p.items()):
            if a != b and 0 < value < self.floor:
                self.below_floor.setdefault(a, []).append((b, value))
        self.p = {edge: value for edge, value in self.p.items() if value >= self.floor and edge[0] != edge[1]}
        self.adjacency = {}
        for a, b in sorted(self.p):
            self.adjacency.setdefault(a, []).append(b)

    def _reach_bound(self, target: str, hops: int, blocked: set[str]) -> list[dict[str, float]]:
        """``bound[h][v]``: an upper bound on reaching ``target`` from ``v`` in at most ``h`` more transfers.

        Union bound over first steps on every edge, weak ones included: 1 at the target, else
        min(1, sum of p(v, w) * bound[h - 1][w]). Pruned prefixes are charged their probability times this.
        """
        out: dict[str, list[tuple[str, float]]] = {}
        for (a, b), value in self.everything.items():
            if a not in blocked and b not in blocked:
                out.setdefault(a, []).append((b, value))
        bound: list[dict[str, float]] = [{target: 1.0}]
        for _ in range(hops):
            previous = bound[-1]
            current = {target: 1.0}
            for node, edges in out.items():
                if node != target:
                    total = sum(value * previous.get(nxt, 0.0) for nxt, value in edges)
                    if total > 0:
                        current[node] = min(total, 1.0)
            bound.append(current)
        return bound

    def paths(
        self, start: str, target: str, hops: int, *, avoid: Iterable[str] = (), limit: int = 100_000
    ) -> list[Path]:
        """Every simple path start → target of 1..hops edges, not passing through ``avoid`` or target before its end."""
        return self.search(start, target, hops, avoid=avoid, limit=limit).paths

    def search(
        self,
        start: str,
        target: str,
        hops: int,
        *,
        avoid: Iterable[str] = (),
        limit: int = 100_000,
        path_floor: float = 0.0,
        budget_s: float | None = None,
    ) -> PathSearch:
        """The simple paths start → target of at most ``hops`` edges whose probability is at least ``path_floor``.

        Past ``limit`` paths or ``budget_s`` seconds the search stops with an ``InputError`` saying so.
        """
        if start == target:
            return PathSearch([Path((start,))], 0.0, 0)
        blocked = set(avoid) - {start, target}
        reach = self._reach_bound(target, hops, blocked)
        found: list[Path] = []
        pruned_mass = 0.0
        pruned = 0
        deadline = None if budget_s is None else time.monotonic() + budget_s
        steps = 0
        stack: list[tuple[tuple[str, ...], float]] = [((start,), 1.0)]
        while stack:
            current, q = stack.pop()
            steps += 1
            if deadline is not None and steps % 4096 == 0 and time.monotonic() > deadline:
                raise InputError(
                    f"chain risk from {start} to {target} within {hops} hops stopped after {budget_s:g} s "
                    f"({len(found)} paths so far)",
                    hint="lower --hops, or raise chain.path_floor or chain.time_budget_s in the risk model",
                )
            left = hops - len(current)  # hops left after the next one
            if left >= 0:
                for nxt, value in self.below_floor.get(current[-1], []):
                    if nxt not in current and nxt not in blocked and reach[left].get(nxt, 0.0) > 0:
                        pruned_mass += q * value * reach[left][nxt]
                        pruned += 1
            for nxt in self.adjacency.get(current[-1], []):
                if nxt in current or nxt in blocked:
                    continue
                value = q * self.p[(current[-1], nxt)]
                if value < path_floor:
                    if left >= 0 and reach[left].get(nxt, 0.0) > 0:
                        pruned_mass += value * reach[left][nxt]
                        pruned += 1
                    continue
                if nxt == target:
                    found.append(Path((*current, nxt)))
                    if len(found) > limit:
                        raise InputError(
                            f"more than {limit} paths from {start} to {target} within {hops} hops",
                            hint="raise transfer.floor or chain.path_floor, or lower --hops",
                        )
                elif len(current) < hops:
                    stack.append(((*current, nxt), value))
        return PathSearch(sorted(found, key=lambda path: path.states), min(pruned_mass, 1.0), pruned)


def sampled_interval(
    paths: list[Path],
    beta: Mapping[EdgeKey, tuple[float, float]],
    *,
    samples: int,
    seed: int,
    interval: float,
    scale: Mapping[EdgeKey, float] | None = None,
    circuit: Circuit | None = None,
) -> tuple[float, float, float] | None:
    """Median and central ``interval`` of the union probability with each edge drawn from its Beta (seeded).

    ``scale`` multiplies a drawn edge (assurances lowering it); edges absent from it keep their draw.
    None when ``samples`` is 0 (no interval asked for).
    """
    if samples <= 0:
        return None
    if not paths:
        return 0.0, 0.0, 0.0
    edges = sorted({edge for path in paths for edge in path.edges})
    circuit = circuit or compile_union(paths)
    rng = random.Random(seed)
    values = []
    for _ in range(samples):
        drawn = {edge: rng.betavariate(*beta[edge]) * (scale or {}).get(edge, 1.0) for edge in edges}
        values.append(circuit.evaluate(drawn))
    values.sort()
    tail = (1.0 - interval) / 2.0

    def quantile(q: float) -> float:
        index = min(int(q * (len(values) - 1) + 0.5), len(values) - 1)
        return values[index]

    return quantile(0.5), quantile(tail), quantile(1.0 - tail)
