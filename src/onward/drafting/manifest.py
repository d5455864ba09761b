"""What a rendered draft carries about itself, so ``onward draft --check`` can verify it later.

Each Markdown, HTML or Word draft embeds a small JSON manifest: the case and date it was drafted
for, and for each footnote the sources it cites (id, publisher, title, date, locator, exact quote)
and the sentence it supports. A lawyer may edit the prose; the check then compares the edited
text with the manifest and the case file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from onward.drafting.claims import ClaimKind
from onward.drafting.document import Document
from onward.drafting.text_dates import split_sentences

MARKER = "onward-draft"
VERSION = 1


@dataclass(frozen=True)
class CitedEntry:
    """One cited source of one footnote, as written in the manifest."""

    footnote: int
    source: str
    publisher: str
    title: str
    date: str | None
    locator: str | None
    quote: str | None
    verification: str
    statement: str | None


@dataclass(frozen=True)
class Manifest:
    kind: str
    lang: str
    case_id: str
    as_of: str
    footnotes: dict[int, list[CitedEntry]]
    sentences: dict[str, str]  # sentence text → kind, for every sentence the generator wrote


def manifest_data(document: Document) -> dict[str, Any]:
    """The manifest of ``document``, footnotes numbered as every renderer numbers them."""
    footnotes: list[dict[str, Any]] = []
    sentences: dict[str, str] = {}
    number = 0
    for sentence in document.sentences():
        text = " ".join(sentence.text.split())
        if sentence.cited or sentence.gap:
            sentences[text] = sentence.kind.value
        else:
            # Prose the generator wrote without citation may hold several sentences; the check
            # reads the draft back sentence by sentence.
            for part, _ in split_sentences(text):
                sentences[part] = sentence.kind.value
        if not sentence.cited:
            continue
        number += 1
        for support in sentence.supports:
            source = support.source
            footnotes.append(
                {
                    "footnote": number,
                    "source": source.id,
                    "publisher": source.publisher,
                    "title": source.title,
                    "date": source.date.isoformat() if source.date else None,
                    "locator": support.locator,
                    "quote": support.quote,
                    "verification": source.verification.value,
                    "statement": support.statement,
                }
            )
    meta = document.meta
    return {
        "format": MARKER,
        "version": VERSION,
        "kind": meta.kind,
        "lang": meta.lang,
        "case": meta.case_id,
        "as_of": meta.as_of.isoformat(),
        "generator": meta.generator,
        "footnotes": footnotes,
        "sentences": sentences,
    }


def manifest_json(document: Document) -> str:
    return json.dumps(manifest_data(document), ensure_ascii=False, separators=(",", ":"))


def parse_manifest(data: dict[str, Any]) -> Manifest:
    footnotes: dict[int, list[CitedEntry]] = {}
    for entry in data.get("footnotes", []):
        cited = CitedEntry(**{k: entry.get(k) for k in CitedEntry.__dataclass_fields__})
        footnotes.setdefault(int(cited.footnote), []).append(cited)
    sentences = {str(k): str(v) for k, v in data.get("sentences", {}).items() if v in ClaimKind._value2member_map_}
    return Manifest(
        kind=str(data.get("kind", "")),
        lang=str(data.get("lang", "en")),
        case_id=str(data.get("case", "")),
        as_of=str(data.get("as_of", "")),
        footnotes=footnotes,
        sentences=sentences,
    )
