"""The shipped example cases, one per jurisdiction: each validates, shows its own jurisdiction's timeline, is
assessed on the shipped knowledge base, and is drafted without another jurisdiction's courts or codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.casefile.io import load_case, read_case
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.render_md import render_markdown
from onward.kb.view import KnowledgeView
from onward.model.case import RemovalKind
from onward.procedure.timeline import case_timelines
from onward.risk.assess import assess
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import build_params
from onward.store import Store
from tests.test_risk_example import shipped_kb  # noqa: F401  (module fixture: the KB `onward kb build` makes)

EXAMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*/case.yaml"))
FRENCH = ("Conseil d'État", "CPP", "696-", "chambre de l'instruction", "Cour de cassation", "décret")


def test_examples_ship_for_several_jurisdictions() -> None:
    jurisdictions = {load_case(path).jurisdiction for path in EXAMPLES}
    assert len(jurisdictions - {"FR"}) >= 3, jurisdictions


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_validates_with_its_own_timeline(path: Path) -> None:
    case, problems = read_case(path)
    assert case is not None, [p.render() for p in problems]
    timelines = case_timelines(case)
    assert [t.procedure.selected_kind for t in timelines] == case.tracks
    for timeline in timelines:
        assert timeline.procedure.selected_for == case.jurisdiction
        assert not timeline.problems, timeline.problems
        if case.jurisdiction != "FR":
            text = " ".join(
                [timeline.procedure.name]
                + [s.stage.legal_basis for s in timeline.steps if s.stage]
                + [n.stage.legal_basis + n.describe_deadline() for n in timeline.next_steps]
            )
            assert not [m for m in FRENCH if m in text]


@pytest.mark.parametrize("path", [p for p in EXAMPLES if p.parent.name != "ablyazov"], ids=lambda p: p.parent.name)
def test_example_is_assessed_and_drafted_in_its_own_jurisdiction(path: Path, shipped_kb: Store) -> None:  # noqa: F811
    case = load_case(path)
    params = build_params()
    as_of = case.as_of.latest()
    view = KnowledgeView(shipped_kb, as_of=as_of)
    assessment = assess(case, inputs_from_view(view, params), params, samples=20, as_of=as_of)
    assert [d.state for d in assessment.destinations] == case.destinations
    for destination in assessment.destinations:
        assert destination.conclusion
        assert destination.findings
    for kind in (DocumentKind.OPEN_LETTER, DocumentKind.BRIEF):
        for lang in ("en", "fr"):
            text = render_markdown(draft(kind, case, lang=lang, view=view, assessment=assessment))
            leaked = [m for m in FRENCH if m in text]
            assert not leaked, (kind, lang, leaked)
            if RemovalKind.EXTRADITION not in case.tracks:
                assert "Article 15" not in text
