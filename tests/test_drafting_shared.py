"""Against the real seed letter (read at run time from ../shared): every quote the draft cites is exact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from onward.drafting.check import check_draft, context_from_case
from onward.drafting.citations import load_source_texts
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.render_md import render_markdown
from tests.drafthelpers import example_case, example_org


@pytest.mark.shared
def test_the_case_quotes_match_the_seed_letter_word_for_word(shared_dir: Path, tmp_path: Path):
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(shared_dir / "seed" / "000_f18db51e48f8056d.txt", texts / "hrw-2015-05-18.txt")
    context = context_from_case(example_case())
    context.texts = load_source_texts(texts)
    quoted = {q for quotes in context.quotes.values() for q in quotes}
    assert len(quoted) >= 3

    path = tmp_path / "letter.md"
    path.write_text(render_markdown(draft(DocumentKind.OPEN_LETTER, example_case(), org=example_org())), "utf-8")
    problems = [p.message for p in check_draft(path, context)]
    assert [m for m in problems if "quot" in m] == []

    (texts / "hrw-2015-05-18.txt").write_text("An unrelated text (TEST FIXTURE).", encoding="utf-8")
    context.texts = load_source_texts(texts)
    assert any(m.startswith("quote not found word for word") for m in (p.message for p in check_draft(path, context)))
