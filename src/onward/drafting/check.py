"""``onward draft --check``: is every citation resolvable, every quote exact, every fact cited and timely?

A draft leaves Onward complete; then a lawyer edits it. Before it is sent, the check reads it
back and reports, each with where it stands in the file: footnote calls with no footnote;
cited sources that the case file, the legal authorities or the knowledge base do not know;
quotes that differ from what the source says (whitespace aside); gaps still marked "[evidence
needed: …]"; sentences that state facts — dates, numbers, past events — without a footnote; and
anything dated after the case's ``as_of`` (a source published later, a date mentioned later).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from onward.drafting.authorities import authority_sources
from onward.drafting.citations import normalise_space, quote_in
from onward.drafting.claims import GAP_PREFIX
from onward.drafting.manifest import Manifest, parse_manifest
from onward.drafting.read_draft import DraftParagraph, DraftText, read_draft
from onward.drafting.text_dates import dates_in, looks_factual, split_sentences
from onward.errors import Problem
from onward.model.case import Case
from onward.model.dates import PartialDate
from onward.model.source import Citation, Source

_CALL = re.compile(r"\[\^(\d+)\]")
_QUOTED = re.compile(r"“([^”]+)”|«\s*([^»]+?)\s*»")


@dataclass
class CheckContext:
    """What the draft is checked against: known sources, recorded quotes, source texts, the date."""

    sources: dict[str, Source] = field(default_factory=dict)
    quotes: dict[str, set[str]] = field(default_factory=dict)  # source id → quotes recorded for it
    texts: Mapping[str, str] = field(default_factory=dict)  # source id → full text, where available
    as_of: dt.date | None = None


def check_draft(path: Path, context: CheckContext) -> list[Problem]:
    """Every problem in the draft at ``path``; an empty list means it passes."""
    draft = read_draft(path)
    file = str(path)
    problems: list[Problem] = []
    if draft.manifest is None:
        problems.append(
            Problem(
                file,
                None,
                None,
                "",
                "no Onward manifest: citations cannot be verified",
                hint="draft it with `onward draft`",
            )
        )
        manifest = None
    else:
        manifest = parse_manifest(draft.manifest)
    as_of = context.as_of or (dt.date.fromisoformat(manifest.as_of) if manifest and manifest.as_of else None)
    problems += _gaps_and_sentences(file, draft, manifest, as_of)
    if manifest is not None:
        problems += _citations(file, draft, manifest, context, as_of)
    return problems


def _problem(
    file: str, where: DraftParagraph, message: str, expected: str | None = None, found: str | None = None
) -> Problem:
    return Problem(file, where.line, 1 if where.line else None, where.where, message, expected, found)


def _gaps_and_sentences(file: str, draft: DraftText, manifest: Manifest | None, as_of: dt.date | None) -> list[Problem]:
    problems: list[Problem] = []
    written = manifest.sentences if manifest else {}
    for paragraph in draft.paragraphs:
        for prefix in GAP_PREFIX.values():
            for match in re.finditer(re.escape(prefix) + r"([^\]]*)\]", paragraph.text):
                problems.append(_problem(file, paragraph, f"evidence still needed: {match.group(1).strip()}"))
        sentences = split_sentences(paragraph.text)
        covered = _covered(sentences, written)
        for index, (sentence, calls) in enumerate(sentences):
            if as_of is not None:
                for mentioned in dates_in(sentence):
                    if mentioned.earliest() > as_of:
                        problems.append(
                            _problem(
                                file,
                                paragraph,
                                "mentions a date after the case's as_of",
                                expected=f"nothing after {as_of.isoformat()}",
                                found=str(mentioned),
                            )
                        )
            if (
                calls
                or index in covered
                or not draft.markers_reliable
                or any(p in sentence for p in GAP_PREFIX.values())
            ):
                continue
            kind = written.get(sentence)
            if kind in ("fact", "law") or (kind is None and looks_factual(sentence)):
                problems.append(
                    _problem(file, paragraph, "factual sentence without a citation", found=_short(sentence))
                )
    return problems


def _covered(sentences: list[tuple[str, list[int]]], written: Mapping[str, str]) -> set[int]:
    """Sentences that belong to one cited passage of several sentences ("… pending. No count is given.[^5]")."""
    covered: set[int] = set()
    for start in range(len(sentences)):
        if sentences[start][1]:
            continue
        for end in range(start + 1, min(start + 4, len(sentences))):
            if sentences[end][1]:
                joined = " ".join(s for s, _ in sentences[start : end + 1])
                if written.get(joined) in ("fact", "law"):
                    covered.update(range(start, end))
                break
    return covered


def _short(text: str) -> str:
    return repr(text if len(text) <= 90 else text[:87] + "...")


def _citations(
    file: str, draft: DraftText, manifest: Manifest, context: CheckContext, as_of: dt.date | None
) -> list[Problem]:
    problems: list[Problem] = []
    known = {**authority_sources(), **context.sources}
    if draft.markers_reliable:
        for paragraph in draft.paragraphs:
            for number in (int(n) for n in _CALL.findall(paragraph.text)):
                if number not in manifest.footnotes or (
                    draft.footnotes_found is not None and number not in draft.footnotes_found
                ):
                    problems.append(_problem(file, paragraph, f"footnote {number} is called but not defined"))
            problems += _prose_quotes(file, paragraph, manifest, context)
    for number, entries in sorted(manifest.footnotes.items()):
        where = DraftParagraph("", None, f"footnote {number}")
        for entry in entries:
            source = known.get(entry.source)
            if source is None:
                problems.append(
                    _problem(
                        file,
                        where,
                        f"cites source {entry.source!r}, which the case, the "
                        "legal authorities and the knowledge base do not know",
                    )
                )
                continue
            date = source.date or (PartialDate.parse(entry.date) if entry.date else None)
            if as_of is not None and date is not None and date.latest() > as_of:
                problems.append(
                    _problem(
                        file,
                        where,
                        f"cites {entry.source!r}, published after the case's as_of",
                        expected=f"on or before {as_of.isoformat()}",
                        found=str(date),
                    )
                )
            if entry.quote:
                # A case-file citation must quote what the case file records; a knowledge-base
                # statement's quote is checked against the source text when it is available.
                recorded = context.quotes.get(entry.source) if entry.statement is None else None
                if recorded is not None and normalise_space(entry.quote) not in {normalise_space(q) for q in recorded}:
                    problems.append(
                        _problem(
                            file,
                            where,
                            f"quote from {entry.source!r} differs from the one recorded",
                            found=_short(entry.quote),
                        )
                    )
                text = context.texts.get(entry.source)
                if text is not None and not quote_in(entry.quote, text):
                    problems.append(
                        _problem(
                            file, where, f"quote not found word for word in {entry.source!r}", found=_short(entry.quote)
                        )
                    )
    return problems


def _prose_quotes(file: str, paragraph: DraftParagraph, manifest: Manifest, context: CheckContext) -> list[Problem]:
    """A quotation in the prose must be one of its footnote's quotes, or appear in the cited source's text."""
    problems: list[Problem] = []
    for sentence, calls in split_sentences(paragraph.text):
        for match in _QUOTED.finditer(sentence):
            quoted = normalise_space(match.group(1) or match.group(2))
            entries = [e for n in calls for e in manifest.footnotes.get(n, [])]
            if not entries:
                continue
            recorded = {normalise_space(e.quote) for e in entries if e.quote}
            in_text = any(quote_in(quoted, context.texts[e.source]) for e in entries if e.source in context.texts)
            if quoted not in recorded and not in_text:
                problems.append(
                    _problem(
                        file,
                        paragraph,
                        "quotation does not match its source exactly",
                        expected=" or ".join(repr(q) for q in recorded) or "a quote recorded for the cited source",
                        found=repr(quoted),
                    )
                )
    return problems


def context_from_case(case: Case) -> CheckContext:
    """Check against this case: its sources, the quotes its citations record, its ``as_of``."""
    quotes: dict[str, set[str]] = {}
    for citation in _citations_of(case):
        if citation.quote:
            quotes.setdefault(citation.source, set()).add(citation.quote)
    return CheckContext(sources={s.id: s for s in case.sources}, quotes=quotes, as_of=case.as_of.latest())


def _citations_of(case: Case) -> list[Citation]:
    found = list(case.person.sources)
    for status in case.person.statuses:
        found += status.sources
    for request in case.requests:
        found += request.sources
    for proceeding in case.proceedings:
        found += proceeding.sources
    for assurance in case.assurances:
        found += assurance.sources
    return found
