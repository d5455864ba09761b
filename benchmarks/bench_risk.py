"""How long the risk engine takes: one case, every destination × persecuting state, growth with hops and KB size.

The knowledge base does not document transfers between most of the world's states, so the world
graph here is SYNTHETIC: every ISO state, grouped into regional "channel" blocs of ten (like the
Minsk Convention's parties) and given random documented transfers, all drawn from a seeded
generator. The figures measure the engine, not the world. With ``--database-url`` the example case
is also timed against a real, built knowledge base (``onward kb build``).

    .venv/bin/python benchmarks/bench_risk.py
    .venv/bin/python benchmarks/bench_risk.py --database-url sqlite:///$HOME/.local/share/onward/onward.sqlite3
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from onward.casefile.io import load_case
from onward.errors import OnwardError
from onward.kb.view import KnowledgeView
from onward.model.case import Case, ExtraditionRequest
from onward.model.dates import PartialDate
from onward.model.person import Person, PersonName, Profile
from onward.model.states import all_states
from onward.risk.assess import assess
from onward.risk.explain import EvidenceRef
from onward.risk.inputs import Indicator, Membership, RiskInputs, StateFacts, TransferEvent
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import RiskParams, build_params
from onward.store import open_store

T = TypeVar("T")
AS_OF = dt.date(2015, 5, 18)
REF = (EvidenceRef(source="synthetic-benchmark", label="synthetic"),)
KINDS = ["extradition", "deportation", "abduction", "extradition_request"]
STATUSES = ["completed", "completed", "pending", "blocked"]
PROFILES = ["opposition_politician", "activist", "religious_minority", "criminal_suspect", "migrant"]
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ablyazov" / "case.yaml"


def synthetic_world(transfers: int, seed: int = 0) -> RiskInputs:
    rng = random.Random(seed)
    codes = [s.code for s in all_states()]
    states = {}
    for index, code in enumerate(codes):
        bloc = f"BLOC{index // 10}"
        channels = ["MINSK"] if index // 10 == 0 else []
        members = (
            Membership(instrument=bloc, since=dt.date(1990, 1, 1), evidence=REF),
            *(Membership(instrument=c, since=dt.date(1990, 1, 1), evidence=REF) for c in channels),
        )
        pts = rng.choice([1, 2, 3, 3, 4, 5])
        states[code] = StateFacts(code=code, indicators=(Indicator("pts_a", pts, 2014, REF),), memberships=members)
    events = []
    for number in range(transfers):
        source, target = rng.sample(codes, 2)
        if rng.random() < 0.6:  # most documented transfers stay within a region
            start = codes.index(source) // 10 * 10
            target = rng.choice([c for c in codes[start : start + 10] if c != source] or [target])
        events.append(
            TransferEvent(
                id=f"synthetic-{number}",
                kind=rng.choice(KINDS),
                status=rng.choice(STATUSES),
                from_state=source,
                to_state=target,
                date=AS_OF - dt.timedelta(days=rng.randint(30, 6000)),
                profiles=frozenset(rng.sample(PROFILES, 2)),
                verification=rng.choice(["verified", "partial", "unverified"]),
                evidence=REF,
            )
        )
    return RiskInputs(as_of=AS_OF, states=states, transfers=tuple(events))


def synthetic_case(destinations: list[str], persecutors: list[str]) -> Case:
    return Case(
        id="benchmark",
        title="Synthetic benchmark case",
        as_of=PartialDate.of(AS_OF),
        custodial_state="FR",
        person=Person(names=[PersonName(name="Synthetic person")], profile=[Profile.OPPOSITION_POLITICIAN]),
        persecuting_states=persecutors,
        requests=[ExtraditionRequest(id=f"r-{d}", requesting_state=d) for d in destinations],
        proposed_destinations=destinations,
    )


def timed(label: str, function: Callable[..., T], *args: object, **kwargs: object) -> T:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"{label:<72} {time.perf_counter() - start:8.2f} s")
    return result


GOALS = {4: (2.0, 500), 6: (10.0, 500)}  # hops: (seconds, MB) the engine is meant to stay within


def hop_goals(world: RiskInputs, codes: list[str], params: RiskParams) -> None:
    """Chain risk for 3–6 hops on the world graph, two destinations × two persecuting states in the densest bloc.

    Time is measured without tracing; peak memory is the Python allocations' peak (tracemalloc) in a
    second run, and the process's peak resident size. Printed beside the goals, never asserted.
    """
    case = synthetic_case([codes[1], codes[3]], [codes[2], codes[5]])
    print("chain risk by hop count (world graph, 2 destinations × 2 persecuting states, no draws):")
    for hops in (3, 4, 5, 6):
        goal = GOALS.get(hops)
        target = f"goal < {goal[0]:g} s, < {goal[1]} MB" if goal else "no goal"
        start = time.perf_counter()
        try:
            result = assess(case, world, params, samples=0, hops=hops)
        except OnwardError as error:
            print(f"  hops {hops}: stopped after {time.perf_counter() - start:.2f} s: {error} ({target})")
            continue
        elapsed = time.perf_counter() - start
        tracemalloc.start()
        assess(case, world, params, samples=0, hops=hops)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        chains = [c for d in result.destinations for c in d.chains]
        paths = sum(c.paths_considered for c in chains)
        gap = max((c.upper - c.probability for c in chains), default=0.0)
        print(
            f"  hops {hops}: {elapsed:6.2f} s, peak {peak:6.1f} MB allocated ({rss:.0f} MB process peak), "
            f"{paths} paths, widest bound gap {gap:.4f}  [{target}]"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a built knowledge base, to time the example case on it")
    parser.add_argument("--quick", action="store_true", help="smaller grids")
    args = parser.parse_args()
    params = build_params()
    codes = [s.code for s in all_states()]
    print(f"world: {len(codes)} states (synthetic edges; see the module docstring)")

    if args.database_url:
        store = open_store(args.database_url)
        view = KnowledgeView(store, as_of=AS_OF)
        inputs = timed("example case: read the knowledge base into the engine's inputs", inputs_from_view, view, params)
        case = load_case(EXAMPLE)
        timed("example case: assess, point estimates only", assess, case, inputs, params, samples=0)
        timed("example case: assess with 200 seeded draws", assess, case, inputs, params, samples=200)

    world = synthetic_world(2000)
    hop_goals(world, codes, params)
    persecutors = [c for c in codes if c.startswith(("A", "B"))][:10]
    one = synthetic_case(["BY"], persecutors[:1])
    timed("one destination × one persecuting state, 3 hops, 200 draws", assess, one, world, params, samples=200)
    destinations = codes if not args.quick else codes[:40]
    grid = synthetic_case(destinations, persecutors)
    start = time.perf_counter()
    result = assess(grid, world, params, samples=0)
    elapsed = time.perf_counter() - start
    pairs = sum(len(d.chains) for d in result.destinations)
    paths = sum(c.paths_considered for d in result.destinations for c in d.chains)
    print(
        f"{len(destinations)} destinations × {len(persecutors)} persecuting states = {pairs} pairs, "
        f"{paths} paths, point estimates: {elapsed:.2f} s ({1000 * elapsed / max(pairs, 1):.1f} ms per pair)"
    )
    print("growth with hop count (all destinations × 3 persecuting states, 2000 transfers, no draws):")
    for hops in (1, 2, 3, 4) if not args.quick else (1, 2, 3):
        case = synthetic_case(destinations, persecutors[:3])
        start = time.perf_counter()
        result = assess(case, world, params, samples=0, hops=hops)
        paths = sum(c.paths_considered for d in result.destinations for c in d.chains)
        print(f"  hops {hops}: {time.perf_counter() - start:8.2f} s, {paths} paths")
    print("growth with KB size (40 destinations × 3 persecuting states, 3 hops, no draws):")
    for size in (500, 2000, 8000) if not args.quick else (500, 2000):
        sized = synthetic_world(size)
        case = synthetic_case(codes[:40], persecutors[:3])
        start = time.perf_counter()
        result = assess(case, sized, params, samples=0)
        edges = len(result.edges)
        print(f"  {size:>5} documented transfers: {time.perf_counter() - start:8.2f} s ({edges} edges on top paths)")


if __name__ == "__main__":
    main()
