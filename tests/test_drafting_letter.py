"""The English open letter for the example case covers every claim of the seed letter, each one cited.

The checklist below restates, in our own words, what Human Rights Watch's letter of 18 May 2015
establishes; the drafted letter must contain a sentence for each, and every factual or legal
sentence must carry a footnote — drawn from the case file, the shipped knowledge base and the
legal authorities as they stood on 18 May 2015.
"""

from __future__ import annotations

from pathlib import Path

from onward.drafting.check import check_draft
from onward.drafting.claims import ClaimKind
from onward.drafting.document import Document, Sentence
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.render_md import render_markdown
from onward.store import Store
from tests.drafthelpers import check_context, curated_view, example_case, example_org

FACT, LAW, ARGUMENT = ClaimKind.FACT, ClaimKind.LAW, ClaimKind.ARGUMENT

# (what the seed letter says, the kind of sentence, fragments the drafted sentence must contain)
CHECKLIST = [
    ("requests received in August 2013 from the three states", FACT,
     ["In August 2013", "Kazakhstan, Russia, and Ukraine", "extradition of Mukhtar Ablyazov"]),
    ("the person is a national of Kazakhstan and an opposition figure", FACT, ["national of Kazakhstan", "opposition"]),
    ("the Lyon court of appeal ruled for extradition on 24 October 2014", FACT,
     ["October 24, 2014", "Lyon", "in favour of extradition"]),
    ("the Court of Cassation rejected the appeal on 4 March 2015", FACT, ["March 4, 2015", "rejected the appeal"]),
    ("the executive now decides", FACT, ["rests with the executive"]),
    ("the risk of onward return to Kazakhstan", ARGUMENT, ["handed over to Kazakhstan"]),
    ("the risk of onward return from Russia", ARGUMENT, ["not be safe from onward transfer in Russia"]),
    ("the risk of onward return from Ukraine", ARGUMENT, ["not be safe from onward transfer in Ukraine"]),
    ("Russia moved to extradite asylum seekers to Uzbekistan", FACT, ["Russia", "asylum seekers to Uzbekistan"]),
    ("Russia moved to extradite asylum seekers to Kyrgyzstan", FACT, ["Russia", "asylum seekers to Kyrgyzstan"]),
    ("Razvozzhaev was abducted from Ukraine to Russia", FACT, ["Leonid Razvozzhaev", "abducted in Ukraine", "Russia"]),
    ("the two sources disagree on the day Razvozzhaev was seized", FACT, ["October 17 or 19, 2012"]),
    ("UNHCR's July 2013 report on Ukraine", FACT, ["July 2013", "UNHCR", "safe third country"]),
    ("UNHCR on Ukraine's extradition agreements with former Soviet states", FACT,
     ["July 2013", "1951 Refugee Convention"]),
    ("Ukraine extradited a refugee in 2012", FACT, ["2012", "Ukraine extradited a refugee"]),
    ("Ukraine's 2006 deportation of Uzbek asylum seekers, ten or eleven by source", FACT,
     ["2006", "Uzbek asylum seekers", "ten or eleven", "Human Rights Watch", "UNHCR"]),
    ("Russia's assurance of consular visits", FACT, ["Russia has given assurances", "consular visits"]),
    ("consular visits do not suffice", ARGUMENT, ["do not provide sufficient protection"]),
    ("the prohibition of torture in international and European law", LAW,
     ["European Convention on Human Rights", "prohibit torture"]),
    ("the obligation extends to onward removal", LAW, ["indirect removal"]),
    ("the request to decline extradition", ARGUMENT, ["decline to approve the extradition of Mukhtar Ablyazov"]),
]  # fmt: skip


def _find(document: Document, fragments: list[str]) -> Sentence | None:
    return next((s for s in document.sentences() if all(f in s.text for f in fragments)), None)


def test_english_open_letter_covers_the_seed_checklist(store: Store, tmp_path: Path):
    case = example_case()
    view = curated_view(store, case)
    letter = draft(DocumentKind.OPEN_LETTER, case, lang="en", org=example_org(), view=view)

    missing = [claim for claim, _, fragments in CHECKLIST if _find(letter, fragments) is None]
    assert missing == []
    for claim, kind, fragments in CHECKLIST:
        sentence = _find(letter, fragments)
        assert sentence is not None
        assert sentence.kind is kind, claim
        if kind.needs_citation:
            assert sentence.cited, claim
            assert not sentence.gap, claim
    assert letter.gaps() == []
    uncited = [s.text for s in letter.sentences() if s.kind.needs_citation and not s.cited]
    assert uncited == []

    path = tmp_path / "letter.md"
    path.write_text(render_markdown(letter), encoding="utf-8")
    assert check_draft(path, check_context(case, view)) == []


def test_letter_footnotes_name_publisher_title_date_and_locator(store: Store):
    case = example_case()
    view = curated_view(store, case)
    text = render_markdown(draft(DocumentKind.OPEN_LETTER, case, lang="en", org=example_org(), view=view))
    assert (
        "Human Rights Watch, *Open letter on the situation of M. Mukhtar Ablyazov (Kazakhstan)*, May 18, 2015, para. 4"
        in text
    )
    assert (
        "European Court of Human Rights, *Chahal v. the United Kingdom \\[GC\\]*, no. 22414/93, November 15, 1996, § 74"
        in text
    )
    # Nothing published after the letter's date is cited: U.N. v. Russia (2016) and CAT GC4 (2017) stay out.
    assert "U.N. v. Russia" not in text
    assert "General Comment No. 4" not in text
