"""Citations as a lawyer reads them: publisher, title, date, locator — and quotes that match the source exactly.

A ``Support`` is one pointer from a drafted sentence to what it rests on: a source of the case
file, a knowledge-base statement, or a legal authority. The footnote that renders it names the
publisher, the title (in italics), the date with the precision the source gives, the locator
(page, paragraph) and, when the source is not verified, says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from onward.drafting.i18n import Lang, format_partial, term
from onward.errors import InputError
from onward.model.source import Citation, Source, Verification


@dataclass(frozen=True)
class Support:
    """What one sentence rests on: a source and, optionally, where in it and the exact words."""

    source: Source
    locator: str | None = None
    quote: str | None = None
    statement: str | None = None  # id of the knowledge-base statement, when the fact came from the KB

    @property
    def source_id(self) -> str:
        return self.source.id

    def __hash__(self) -> int:
        # Source is a mutable record; a support is identified by what it points at.
        return hash((self.source.id, self.locator, self.quote, self.statement))

    def known_by(self, as_of: dt.date) -> bool:
        """Was the source public by ``as_of``? A source dated "2015-03" counts as its last day."""
        return self.source.date is None or self.source.date.latest() <= as_of


@dataclass(frozen=True)
class Run:
    """A piece of footnote text; titles are italic."""

    text: str
    italic: bool = False


def support_from(citation: Citation, sources: Mapping[str, Source]) -> Support | None:
    """Resolve a case-file citation against the declared sources (None when the id names nothing)."""
    source = sources.get(citation.source)
    if source is None:
        return None
    return Support(source=source, locator=citation.locator, quote=citation.quote)


def supports_from(citations: Iterable[Citation], sources: Mapping[str, Source], as_of: dt.date) -> tuple[Support, ...]:
    """The supports of a fact that were public by ``as_of``; later ones are left out, never used."""
    found = (support_from(c, sources) for c in citations)
    return tuple(s for s in found if s is not None and s.known_by(as_of))


def footnote_runs(supports: Iterable[Support], lang: Lang) -> list[Run]:
    """One footnote for one sentence: its supports, separated by semicolons, ending with a full stop."""
    runs: list[Run] = []
    cited: set[str] = set()
    for support in supports:
        if runs:
            runs.append(Run("; "))
        if support.source_id in cited and support.locator:
            # The same document again: only the new place in it ("para. 2").
            runs.append(Run(support.locator))
            continue
        cited.add(support.source_id)
        runs.extend(_one(support, lang))
    runs.append(Run("."))
    return runs


def footnote_text(supports: Iterable[Support], lang: Lang) -> str:
    return "".join(run.text for run in footnote_runs(supports, lang))


def _one(support: Support, lang: Lang) -> list[Run]:
    source = support.source
    runs = [Run(f"{source.publisher}, "), Run(source.title, italic=True)]
    details: list[str] = []
    if source.identifier:
        details.append(source.identifier)
    if source.date is not None:
        details.append(format_partial(source.date, lang))
    if support.locator:
        details.append(support.locator)
    if source.url:
        details.append(source.url)
    if source.verification is not Verification.VERIFIED:
        details.append(f"[{term('verification.' + source.verification.value, lang)}]")
    if details:
        runs.append(Run(", " + ", ".join(details)))
    return runs


_SPACE = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    """Line breaks and runs of spaces are layout, not words: a quote may cross a line of the source."""
    return _SPACE.sub(" ", text).strip()


def quote_in(quote: str, source_text: str) -> bool:
    """True when ``quote`` appears word for word in the source (only whitespace may differ)."""
    return normalise_space(quote) in normalise_space(source_text)


def load_source_texts(folder: Path) -> dict[str, str]:
    """Source texts for quote checks: ``FOLDER/<source id>.txt``, UTF-8."""
    if not folder.is_dir():
        raise InputError(f"{folder}: expected a folder of source texts named <source id>.txt")
    texts: dict[str, str] = {}
    for path in sorted(folder.glob("*.txt")):
        try:
            texts[path.stem] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    return texts
