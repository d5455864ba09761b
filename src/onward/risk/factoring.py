"""Exact probability that at least one of several transfer paths is fully realised: Shannon factoring.

Ukraine → Russia → Kazakhstan and Ukraine → Kazakhstan share nothing, but Russia → Uzbekistan →
Kazakhstan and Russia → Kyrgyzstan → Kazakhstan share their first edge: the paths' events are
dependent, so their union is computed exactly by splitting on one edge at a time,
P(U) = p_e · P(U | e) + (1 − p_e) · P(U | not e), with edge-disjoint groups of paths combined as
independent events and shared sub-problems computed once. The factoring is compiled into a
``Circuit`` that can be evaluated again for any edge probabilities (the seeded uncertainty draws).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onward.risk.chain import EdgeKey, Path


def union_probability(paths: Iterable[Path], p: Mapping[EdgeKey, float]) -> float:
    """P(at least one path has all its edges realised), edges independent; exact by Shannon factoring."""
    return compile_union(paths).evaluate(p)


# Node kinds of a compiled union: a constant, a product of edges (one path), a Shannon split on
# one edge, or the noisy-or of independent (edge-disjoint) groups.
_CONST, _PRODUCT, _SPLIT, _OR = 0, 1, 2, 3


@dataclass
class Circuit:
    """The factoring of one union of paths, compiled once and evaluated for any edge probabilities.

    Sampling the uncertainty interval evaluates the same circuit hundreds of times: the expensive
    part (finding the splits, the independent groups and the shared sub-problems) is done once.
    """

    edges: list[EdgeKey] = field(default_factory=list)
    nodes: list[tuple[int, float, tuple[int, ...]]] = field(default_factory=list)

    def evaluate(self, p: Mapping[EdgeKey, float]) -> float:
        probability = [p[edge] for edge in self.edges]
        values: list[float] = []
        for kind, constant, args in self.nodes:
            if kind == _CONST:
                values.append(constant)
            elif kind == _PRODUCT:
                result = 1.0
                for index in args:
                    result *= probability[index]
                values.append(result)
            elif kind == _SPLIT:
                pe = probability[args[0]]
                values.append(pe * values[args[1]] + (1.0 - pe) * values[args[2]])
            else:
                miss = 1.0
                for child in args:
                    miss *= 1.0 - values[child]
                values.append(1.0 - miss)
        return values[-1] if values else 0.0

    @property
    def size(self) -> int:
        return len(self.nodes)


def compile_union(paths: Iterable[Path]) -> Circuit:
    """Compile the union of ``paths`` into a ``Circuit`` (the last node is the root).

    Each path is a bit mask over the edges it uses, so subset tests, edge removal and the search
    for edge-disjoint groups are integer operations.
    """
    compiler = _Compiler()
    masks = frozenset(compiler.mask(path) for path in paths)
    compiler.solve(masks)
    compiler.circuit.edges = compiler.edges
    return compiler.circuit


class _Compiler:
    def __init__(self) -> None:
        self.circuit = Circuit()
        self.edges: list[EdgeKey] = []
        self.edge_index: dict[EdgeKey, int] = {}
        self.memo: dict[frozenset[int], int] = {}

    def mask(self, path: Path) -> int:
        result = 0
        for edge in path.edges:
            if edge not in self.edge_index:
                self.edge_index[edge] = len(self.edges)
                self.edges.append(edge)
            result |= 1 << self.edge_index[edge]
        return result

    def _add(self, kind: int, constant: float = 0.0, args: tuple[int, ...] = ()) -> int:
        self.circuit.nodes.append((kind, constant, args))
        return len(self.circuit.nodes) - 1

    def solve(self, sets: frozenset[int]) -> int:
        cached = self.memo.get(sets)
        if cached is not None:
            return cached
        if not sets:
            node = self._add(_CONST, 0.0)
        elif 0 in sets:
            node = self._add(_CONST, 1.0)
        else:
            node = self._solve(sets)
        self.memo[sets] = node
        return node

    def _solve(self, sets: frozenset[int]) -> int:
        if len(sets) == 1:
            return self._add(_PRODUCT, args=_bits(next(iter(sets))))
        groups = _components(sets)
        if len(groups) > 1:
            children = tuple(self.solve(group) for group in groups)
            return self._add(_OR, args=children)
        bit = _pivot(sets)
        # Removing an edge may make one path contain another: keep only the minimal ones.
        present = self.solve(_given(sets, bit))
        absent = self.solve(frozenset(m for m in sets if not m & bit))
        return self._add(_SPLIT, args=(bit.bit_length() - 1, present, absent))


def _bits(mask: int) -> tuple[int, ...]:
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return tuple(found)


def _given(sets: frozenset[int], bit: int) -> frozenset[int]:
    """The paths once edge ``bit`` is known to be realised, minimal ones only.

    ``sets`` is minimal (no path contains another's edges), so only the shrunk paths can now be
    contained in others, and none of the untouched ones can be contained in a shrunk one.
    """
    shrunk = _minimal(frozenset(m & ~bit for m in sets if m & bit))
    if 0 in shrunk:
        return shrunk
    small = sorted(shrunk, key=int.bit_count)
    kept = [m for m in sets if not m & bit and not any(c & m == c for c in small)]
    return shrunk | frozenset(kept)


def _minimal(sets: frozenset[int]) -> frozenset[int]:
    """Drop paths that contain another path's edges: they add nothing to the union."""
    if 0 in sets:
        return frozenset({0})
    kept: list[int] = []
    for candidate in sorted(sets, key=int.bit_count):
        if not any(small & candidate == small for small in kept):
            kept.append(candidate)
    return frozenset(kept)


def _components(sets: frozenset[int]) -> list[frozenset[int]]:
    """Groups of paths sharing no edge: their events are independent.

    Each group keeps the union of its paths' edge masks; a path joins (and fuses) every group its mask
    meets. Groups stay pairwise disjoint, so one pass suffices.
    """
    groups: list[tuple[int, list[int]]] = []
    for mask in sets:
        joined, members = mask, [mask]
        apart: list[tuple[int, list[int]]] = []
        for edges, group in groups:
            if edges & joined:
                joined |= edges
                members.extend(group)
            else:
                apart.append((edges, group))
        apart.append((joined, members))
        groups = apart
    return [frozenset(group) for _, group in groups]


def _pivot(sets: frozenset[int]) -> int:
    """The bit of the edge shared by most paths (lowest index on ties): splitting on it simplifies most."""
    counts: dict[int, int] = {}
    for mask in sets:
        while mask:
            low = mask & -mask
            counts[low] = counts.get(low, 0) + 1
            mask ^= low
    return max(sorted(counts), key=lambda bit: counts[bit])
