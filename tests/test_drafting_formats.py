"""The same draft as Markdown, HTML, Word (real footnotes, editable styles) and PDF (typeset by Typst)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from pypdf import PdfReader

from onward.drafting.check import check_draft, context_from_case
from onward.drafting.document import Document
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.manifest import MARKER
from onward.drafting.render_docx import render_docx
from onward.drafting.render_html import render_html
from onward.drafting.render_md import render_markdown
from onward.drafting.render_pdf import render_pdf
from tests.drafthelpers import example_case, example_org


def _letter(lang: str = "en") -> Document:
    return draft(DocumentKind.OPEN_LETTER, example_case(), lang="fr" if lang == "fr" else "en", org=example_org())


def _only_gaps(path: Path) -> list[str]:
    messages = [p.message for p in check_draft(path, context_from_case(example_case()))]
    return [m for m in messages if not m.startswith("evidence still needed")]


def test_docx_has_real_footnotes_and_named_styles(tmp_path: Path):
    letter = _letter()
    cited = sum(1 for s in letter.sentences() if s.cited)
    data = render_docx(letter)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        footnotes = package.read("word/footnotes.xml").decode("utf-8")
        body = package.read("word/document.xml").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
        relations = package.read("word/_rels/document.xml.rels").decode("utf-8")
        types = package.read("[Content_Types].xml").decode("utf-8")
    notes = [int(n) for n in re.findall(r'<w:footnote [^>]*w:id="(-?\d+)"', footnotes)]
    assert notes[:2] == [-1, 0]  # the separators Word expects
    assert len([n for n in notes if n > 0]) == cited
    assert len(re.findall(r"<w:footnoteReference ", body)) == cited
    assert "Human Rights Watch" in footnotes
    assert "<w:i/>" in footnotes
    assert "footnotePr" in settings
    assert "relationships/footnotes" in relations
    assert "footnotes+xml" in types
    path = tmp_path / "letter.docx"
    path.write_bytes(data)
    opened = docx.Document(str(path))
    styles = {s.name for s in opened.styles}
    assert {"Onward Body", "Onward Signature", "Onward Gap", "Footnote Text", "Footnote Reference"} <= styles
    assert any(p.style is not None and p.style.name == "Onward Dateline" for p in opened.paragraphs)
    assert _only_gaps(path) == []


def test_pdf_renders_with_footnotes_and_its_manifest(tmp_path: Path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(render_pdf(_letter()))
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Dear Prime Minister" in text
    assert "Jean-Marie Fardeau" in text
    assert "Cour d'appel de Lyon" in text
    assert any(name.startswith(MARKER) for name in reader.attachments)
    assert _only_gaps(path) == []


def test_html_links_footnotes_both_ways(tmp_path: Path):
    html = render_html(_letter())
    assert '<sup class="fn" id="fnref1"><a href="#fn1">1</a></sup>' in html
    assert '<li id="fn1">' in html
    assert 'href="#fnref1"' in html
    assert '<mark class="gap"' in html  # the missing KB record stays visible
    path = tmp_path / "letter.html"
    path.write_text(html, encoding="utf-8")
    assert _only_gaps(path) == []


def test_markdown_escapes_markup_in_names_and_titles():
    text = render_markdown(_letter())
    assert "Chahal v. the United Kingdom \\[GC\\]" in text
    assert "[^1]: Human Rights Watch, *Open letter on the situation of M. Mukhtar Ablyazov (Kazakhstan)*" in text


def test_french_letter_is_written_in_french():
    text = render_markdown(_letter("fr"))
    body = text[: text.index("[^1]:")]
    for phrase in (
        "Paris, le 18 mai 2015",
        "Monsieur le Premier ministre,",
        "En août 2013, la France a reçu des demandes d'extradition de Mukhtar Ablyazov émanant du Kazakhstan, "
        "de la Russie et de l'Ukraine.",
        "Le 24 octobre 2014, la Chambre de l'instruction, Cour d'appel de Lyon a rendu un avis favorable à "
        "l'extradition vers l'Ukraine ou la Russie.",
        "la Cour de cassation, chambre criminelle a rejeté le pourvoi",
        "La Russie a donné des assurances prévoyant des visites consulaires pendant la détention.",
        "Convention européenne des droits de l'homme",
        "Je vous prie d'agréer, Monsieur le Premier ministre, l'expression de ma très haute considération.",
        "Copie :",
    ):
        assert phrase in body, phrase
    for english in ("October", "Russia ", "Dear ", "Sincerely", "evidence needed"):
        assert english not in body, english
    assert (
        "[^1]: Human Rights Watch, *Open letter on the situation of M. Mukhtar Ablyazov (Kazakhstan)*, 18 mai 2015"
        in text
    )


def test_brief_lists_its_evidence_as_numbered_annexes():
    brief = draft(DocumentKind.BRIEF, example_case(), lang="en")
    assert brief.annexes
    assert [a.number for a in brief.annexes] == list(range(1, len(brief.annexes) + 1))
    text = render_markdown(brief)
    assert "Conseil d'État" in text
    assert "Rule 39" in text
    assert "## Annexes" in text
    assert "(Annex 1)" in text


def test_report_without_an_assessment_says_what_is_missing():
    report = draft(DocumentKind.REPORT, example_case(), lang="en")
    assert any("a risk assessment" in s.text for s in report.gaps())
