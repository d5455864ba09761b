"""A format-neutral draft: headings, paragraphs of cited sentences, lists, figures and numbered annexes.

Every renderer (Markdown, HTML, DOCX, PDF) walks the same tree, so a footnote in the Word file
and a footnote in the PDF cite the same sources for the same sentence. The tree also carries
what ``onward draft --check`` needs: each sentence's kind (fact, law, argument…) and supports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from onward.drafting.citations import Run, Support, footnote_runs
from onward.drafting.claims import ClaimKind
from onward.drafting.i18n import Lang


@dataclass(frozen=True)
class Sentence:
    """One sentence of prose; a factual one carries supports, a gap carries the evidence it needs."""

    text: str
    kind: ClaimKind = ClaimKind.ARGUMENT
    supports: tuple[Support, ...] = ()
    gap: bool = False
    key: str | None = None

    @property
    def cited(self) -> bool:
        return bool(self.supports)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``style`` names the editable style (body, salutation, closing, signature, …)."""

    sentences: tuple[Sentence, ...]
    style: str = "body"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Paragraph, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Figure:
    """A generated figure (the chain graph): SVG source, an optional PNG, and a caption."""

    svg: str
    caption: Paragraph
    png: bytes | None = None
    name: str = "figure"


@dataclass(frozen=True)
class Annex:
    """A numbered piece of evidence filed with a brief: the document (source) it reproduces, cited whole."""

    number: int
    support: Support


Block = Heading | Paragraph | ListBlock | Figure


@dataclass(frozen=True)
class DraftMeta:
    """What the draft was made from: needed to check it later against the same case and date."""

    kind: str
    lang: Lang
    case_id: str
    as_of: dt.date
    title: str
    generator: str


@dataclass
class Document:
    meta: DraftMeta
    blocks: list[Block] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)

    def paragraphs(self) -> Iterator[Paragraph]:
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block
            elif isinstance(block, ListBlock):
                yield from block.items
            elif isinstance(block, Figure):
                yield block.caption

    def sentences(self) -> Iterator[Sentence]:
        for paragraph in self.paragraphs():
            yield from paragraph.sentences

    def gaps(self) -> list[Sentence]:
        return [s for s in self.sentences() if s.gap]

    def footnote(self, sentence: Sentence) -> list[Run]:
        """The footnote of a cited sentence, naming the annexes that reproduce its sources (in a brief)."""
        runs = footnote_runs(sentence.supports, self.meta.lang)
        numbers = self.annex_numbers(sentence.supports)
        if numbers:
            word = "Annex" if self.meta.lang == "en" else "Annexe"
            runs.insert(-1, Run(" (" + ", ".join(f"{word} {n}" for n in numbers) + ")"))
        return runs

    def annex_numbers(self, supports: tuple[Support, ...]) -> list[int]:
        """The annexes that reproduce the documents these supports cite (one annex per document)."""
        numbers = {a.support.source_id: a.number for a in self.annexes}
        return sorted({numbers[s.source_id] for s in supports if s.source_id in numbers})

    def supports(self) -> list[Support]:
        """Every support cited in the draft, each once, in order of first citation."""
        seen: list[Support] = []
        for sentence in self.sentences():
            for support in sentence.supports:
                if support not in seen:
                    seen.append(support)
        return seen


class FootnoteNumbers:
    """Numbers footnotes in reading order: one footnote per cited sentence."""

    def __init__(self) -> None:
        self._next = 1

    def take(self) -> int:
        number = self._next
        self._next += 1
        return number
