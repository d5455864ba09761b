"""The example case against the shipped knowledge base: the seed letter's conclusions, from the KB, with evidence.

Human Rights Watch's letter of 18 May 2015 concluded that Russia and Ukraine would both likely pass
the person on to Kazakhstan, that consular-visit assurances do not protect him, and that extradition
should be refused. The engine must reach that from the knowledge base: the test also assesses as of
17 May 2015, when the letter itself was not yet known, and requires the same conclusions.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onward.casefile.io import load_case
from onward.kb.build import build_default_kb
from onward.kb.view import KnowledgeView
from onward.risk.assess import Assessment, assess
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import build_params
from onward.store import Store, open_store
from onward.store.migrate import upgrade

SEED_LETTER = "hrw-2015-05-18"


@pytest.fixture(scope="module")
def shipped_kb(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The knowledge base exactly as `onward kb build` makes it from the repository's data/ folder."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.sqlite3'}")
    upgrade(store)
    build_default_kb(store, actor="tester")
    assert KnowledgeView(store, as_of=dt.date(2100, 1, 1)).judgments(), "the shipped judgments are loaded"
    return store


def _assess(store: Store, example_case_path: Path, as_of: dt.date) -> Assessment:
    params = build_params()
    inputs = inputs_from_view(KnowledgeView(store, as_of=as_of), params)
    return assess(load_case(example_case_path), inputs, params, samples=50, as_of=as_of)


@pytest.mark.parametrize("as_of", [dt.date(2015, 5, 18), dt.date(2015, 5, 17)])
def test_onward_return_to_kazakhstan_from_russia_and_ukraine(
    shipped_kb: Store, example_case_path: Path, as_of: dt.date
) -> None:
    assessment = _assess(shipped_kb, example_case_path, as_of)
    for destination in assessment.destinations:
        onward = next(f for f in destination.findings if f.via == "KZ")
        assert onward.status == "real risk established", (destination.state, onward.reasoning)
        kb_sources = {ref.source for ref in onward.evidence if not (ref.subject or "").startswith("case:")}
        assert kb_sources, "the onward finding rests on knowledge-base evidence"
        chain = next(c for c in destination.chains if c.target == "KZ")
        assert chain.top_paths[0].states[0] == destination.state
        assert chain.top_paths[0].states[-1] == "KZ"
        assert "should be refused" in destination.conclusion
    if as_of < dt.date(2015, 5, 18):
        cited = {ref.source for d in assessment.destinations for f in d.findings for ref in f.evidence}
        kb_cited = {
            ref.source
            for d in assessment.destinations
            for f in d.findings
            for ref in f.evidence
            if not (ref.subject or "").startswith("case:")
        }
        assert SEED_LETTER not in kb_cited, "the letter was not public yet"
        assert cited


def test_consular_visit_assurances_are_insufficient(shipped_kb: Store, example_case_path: Path) -> None:
    assessment = _assess(shipped_kb, example_case_path, dt.date(2015, 5, 18))
    visits = next(a for a in assessment.assurances if a.assurance == "ru-consular-visits")
    assert not visits.sufficient
    assert not visits.addresses_onward_transfer
    monitoring = next(f for f in visits.factors if f.number == 8)
    assert monitoring.status == "not satisfied"
    conditions = next(a for a in assessment.assurances if a.assurance == "lyon-conditions")
    assert not conditions.sufficient
    record = next(f for f in conditions.factors if f.number == 7)
    assert record.status == "not satisfied"
    assert record.evidence, "Russia's record of transfers is cited"


def test_political_purpose_indicators(shipped_kb: Store, example_case_path: Path) -> None:
    assessment = _assess(shipped_kb, example_case_path, dt.date(2015, 5, 18))
    present = {p.indicator for p in assessment.political if p.present}
    assert "coordinated requests from allied states" in present
    assert "request by the state the person opposes" in present


def test_the_evidence_pointing_the_other_way_is_stated(shipped_kb: Store, example_case_path: Path) -> None:
    """Yefimova v Russia (2013: no violation for extradition to Kazakhstan) is weighed and named, not hidden."""
    assessment = _assess(shipped_kb, example_case_path, dt.date(2015, 5, 18))
    kazakhstan = next(r for r in assessment.persecuting if r.state == "KZ")
    group = next(r for r in kazakhstan.reasons if r.factor == "group")
    against = [c for c in group.children if c.factor.startswith("judgment against the risk: Yefimova")]
    assert against
    assert (against[0].contribution or 0.0) < 0
    for destination in assessment.destinations:
        onward = next(f for f in destination.findings if f.via == "KZ")
        assert "evidence pointing the other way" in onward.reasoning
        assert "Yefimova" in onward.reasoning


def test_the_political_purpose_finding_carries_its_bases_into_the_conclusion(
    shipped_kb: Store, example_case_path: Path
) -> None:
    assessment = _assess(shipped_kb, example_case_path, dt.date(2015, 5, 18))
    for destination in assessment.destinations:
        political = next(f for f in destination.findings if f.question == "political")
        assert "ECE Art. 3(2)" in political.legal_bases
        assert "CPP art. 696-4, 2°" in political.legal_bases
        assert political.evidence
        assert "political purpose" in destination.conclusion


def test_chain_bounds_bracket_the_figure(shipped_kb: Store, example_case_path: Path) -> None:
    assessment = _assess(shipped_kb, example_case_path, dt.date(2015, 5, 18))
    for destination in assessment.destinations:
        for chain in destination.chains:
            assert chain.probability <= chain.upper <= 1.0


def test_no_authority_later_than_2015_is_cited(shipped_kb: Store, example_case_path: Path) -> None:
    text = _assess(shipped_kb, example_case_path, dt.date(2015, 5, 18)).model_dump_json()
    assert "Khasanov" not in text
    assert "General Comment 4" not in text
