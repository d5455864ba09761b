"""The report renders the same assessment as text, Markdown and HTML, with paths as arrows and their evidence."""

from __future__ import annotations

import io

from rich.console import Console

from onward.risk.assess import Assessment, assess
from onward.risk.params import build_params
from onward.risk.report import render_html, render_markdown, render_text
from tests.riskhelpers import risk_case, world


def _assessment() -> Assessment:
    return assess(risk_case(), world(), build_params(), samples=20)


def test_text_report_draws_paths_and_cites_evidence() -> None:
    buffer = io.StringIO()
    Console(file=buffer, width=200, no_color=True).print(render_text(_assessment()))
    text = buffer.getvalue()
    assert "Spain → Morocco" in text
    assert "[synthetic; verified]" in text, "evidence is printed, not swallowed as markup"
    assert "Othman §189" in text
    assert "Political purpose" in text


def test_an_assessment_without_draws_renders_everywhere() -> None:
    assessment = assess(risk_case(), world(), build_params(), samples=0)
    buffer = io.StringIO()
    Console(file=buffer, width=200, no_color=True).print(render_text(assessment))
    assert "not sampled" in buffer.getvalue()
    assert "not sampled" in render_markdown(assessment)
    assert "not sampled" in render_html(assessment)


def test_markdown_and_html_carry_the_model_and_the_evidence() -> None:
    assessment = _assessment()
    markdown = render_markdown(assessment)
    assert assessment.model_digest in markdown
    assert "Spain → Morocco" in markdown
    assert "synthetic test fact [synthetic; verified]" in markdown
    html = render_html(assessment.model_copy(update={"title": "<script>alert(1)</script>"}))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
