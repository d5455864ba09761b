"""No unsupported sentence slips through: it becomes a visible gap, and ``--check`` catches every edit that
drops a citation, invents a fact, alters a quote or reaches past the case's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from onward.casefile.io import load_case
from onward.drafting.check import CheckContext, check_draft, context_from_case
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.render_md import render_markdown
from onward.model.dates import PartialDate
from tests.drafthelpers import FIXTURES, example_case, example_org


def _messages(path: Path, context: CheckContext) -> list[str]:
    return [p.message for p in check_draft(path, context)]


def test_unsupported_facts_render_as_gaps_and_fail_the_check(tmp_path: Path):
    case = load_case(FIXTURES / "unsupported_case.yaml")
    letter = draft(DocumentKind.OPEN_LETTER, case, lang="en")
    gaps = [s.text for s in letter.gaps()]
    assert "[evidence needed: the extradition requests and when they were received, with a source]" in gaps
    assert any("Cour d'appel de Test" in g for g in gaps)
    text = render_markdown(letter)
    # The wording of the unsupported sentences was never produced.
    assert "received requests from Russia" not in text
    assert "ruled in favour of extradition" not in text
    path = tmp_path / "letter.md"
    path.write_text(text, encoding="utf-8")
    messages = _messages(path, context_from_case(case))
    assert any(m.startswith("evidence still needed: the extradition requests") for m in messages)


def test_french_gaps_ask_for_evidence_in_french(tmp_path: Path):
    case = load_case(FIXTURES / "unsupported_case.yaml")
    letter = draft(DocumentKind.OPEN_LETTER, case, lang="fr")
    assert any(s.text.startswith("[preuve à apporter : les demandes d'extradition") for s in letter.gaps())


def _example_markdown(tmp_path: Path) -> tuple[Path, str]:
    text = render_markdown(draft(DocumentKind.OPEN_LETTER, example_case(), lang="en", org=example_org()))
    path = tmp_path / "letter.md"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_a_clean_draft_passes_except_for_its_marked_gaps(tmp_path: Path):
    path, _ = _example_markdown(tmp_path)
    messages = _messages(path, context_from_case(example_case()))
    # Without the knowledge base the record of Russia and Ukraine is missing, and only that is reported.
    assert messages
    assert all(m.startswith("evidence still needed: documented transfers") for m in messages)


def test_removing_a_footnote_call_is_reported(tmp_path: Path):
    path, text = _example_markdown(tmp_path)
    sentence = "In August 2013, France received requests from Kazakhstan, Russia, and Ukraine"
    assert sentence in text
    path.write_text(text.replace("Mukhtar Ablyazov.[^1]", "Mukhtar Ablyazov.", 1), encoding="utf-8")
    problems = check_draft(path, context_from_case(example_case()))
    uncited = [p for p in problems if p.message == "factual sentence without a citation"]
    assert len(uncited) == 1
    assert uncited[0].line is not None
    assert sentence in (uncited[0].found or "")


def test_an_invented_later_fact_is_reported_twice(tmp_path: Path):
    path, text = _example_markdown(tmp_path)
    invented = " In 2016, a court in Moscow ordered the transfer of three people to Kazakhstan."
    path.write_text(text.replace("or not”.[^9]", "or not”.[^9]" + invented, 1), encoding="utf-8")
    messages = _messages(path, context_from_case(example_case()))
    assert "factual sentence without a citation" in messages
    assert "mentions a date after the case's as_of" in messages


def test_an_altered_quote_is_reported(tmp_path: Path):
    path, text = _example_markdown(tmp_path)
    exact = "it is ultimately the decision of the executive to issue an extradition order or not"
    assert exact in text
    path.write_text(text.replace(exact, "it is only the decision of the executive", 1), encoding="utf-8")
    messages = _messages(path, context_from_case(example_case()))
    assert "quotation does not match its source exactly" in messages


def test_unknown_and_later_sources_are_reported(tmp_path: Path):
    path, _ = _example_markdown(tmp_path)
    unknown = _messages(path, CheckContext())
    assert any("'hrw-2015-05-18', which the case" in m for m in unknown)
    earlier = context_from_case(example_case())
    earlier.as_of = dt.date(2014, 1, 1)
    later = _messages(path, earlier)
    assert "cites 'hrw-2015-05-18', published after the case's as_of" in later


def test_quotes_are_checked_against_the_source_text(tmp_path: Path):
    path, _ = _example_markdown(tmp_path)
    context = context_from_case(example_case())
    context.texts = {"hrw-2015-05-18": "A fictional source text (TEST FIXTURE) that quotes nothing of the case."}
    messages = _messages(path, context)
    assert "quote not found word for word in 'hrw-2015-05-18'" in messages


def test_an_earlier_as_of_leaves_later_facts_out():
    case = example_case()
    earlier = case.model_copy(update={"as_of": PartialDate.parse("2014-12-31")})
    text = render_markdown(draft(DocumentKind.OPEN_LETTER, earlier, lang="en", org=example_org()))
    assert "March 4, 2015" not in text  # the Court of Cassation ruled after that date
    assert "Paris, December 31, 2014" in text
    assert "evidence needed: the decision of Cour de cassation" in text.replace("\\", "")
