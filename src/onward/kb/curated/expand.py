"""Expand curated entries into statements: one statement per fact per source that asserts it.

"Ukraine deported Uzbek asylum seekers in February 2006; UNHCR says 11, HRW says 10" becomes, for
``incident:ua-uz-2006-02``, a ``subject_count`` statement of 11 cited to UNHCR and one of 10 cited
to HRW — a conflict every view shows. A fact two sources agree on becomes two statements with the
same value, so that withdrawing one source never leaves the fact unsupported in silence.

``known_from`` is the citing source's publication date unless the entry says otherwise: what the
seed letter of 18 May 2015 asserts is not known to an analysis made as of 2015-05-17.
"""

from __future__ import annotations

from collections.abc import Mapping

from onward.kb.curated.document import CuratedFile, InstrumentKind
from onward.kb.curated.facts import Fact, free_fact, incident_facts, instrument_facts
from onward.kb.curated.memberships import MembershipFact, membership_facts
from onward.model.source import Source
from onward.model.statement import Statement


class Expander:
    """Turns validated curated files into statements, given every source the files declare."""

    def __init__(
        self,
        sources: Mapping[str, Source],
        kinds: Mapping[str, InstrumentKind],
        dataset: str,
        asserted_by: str,
    ) -> None:
        self.sources = sources
        self.kinds = kinds
        self.dataset = dataset
        self.asserted_by = asserted_by

    def statements(self, document: CuratedFile) -> list[Statement]:
        facts: list[Fact] = []
        for instrument in document.instruments:
            facts.extend(instrument_facts(instrument))
        for incident in document.incidents:
            facts.extend(incident_facts(incident))
        for statement in document.statements:
            facts.append(free_fact(statement))
        out = [s for fact in facts for s in self._expand(fact)]
        for membership in document.memberships:
            for fact in membership_facts(membership, self.kinds.get(membership.instrument)):
                out.extend(self._membership(fact))
        return out

    def _membership(self, fact: MembershipFact) -> list[Statement]:
        opened = self._expand(fact.opened)
        if fact.to is None:
            return opened
        ended = []
        for statement in opened:
            # Only citations of another source end a statement from the day they are known (a
            # same-source correction would hide it at every date); the document guarantees one.
            others = [c for c in fact.to_sources if c.source != statement.source]
            for citation in others or fact.to_sources:
                source = self.sources[citation.source]
                # Known when the source reported the end, or when the end happened, whichever is first.
                known = min((d for d in (source.date, fact.to) if d is not None), key=lambda d: d.latest())
                note = "; ".join(n for n in (statement.note, fact.to_note) if n)
                ended.append(
                    statement.model_copy(
                        update={
                            "valid_to": fact.to,
                            "source": citation.source,
                            "locator": citation.locator,
                            "quote": citation.quote,
                            "verification": fact.opened.verification or source.verification,
                            "known_from": known,
                            "supersedes": statement.content_id(),
                            "note": note or None,
                        }
                    )
                )
        return opened + ended

    def _expand(self, fact: Fact) -> list[Statement]:
        out = []
        for citation in fact.sources:
            source = self.sources[citation.source]
            out.append(
                Statement(
                    subject=fact.subject,
                    property=fact.property,
                    value=fact.value,
                    raw_value=fact.raw_value,
                    source=citation.source,
                    locator=citation.locator,
                    quote=citation.quote,
                    verification=fact.verification or source.verification,
                    valid_from=fact.valid_from,
                    valid_to=fact.valid_to,
                    known_from=fact.known_from or source.date,
                    dataset=self.dataset,
                    asserted_by=self.asserted_by,
                    note=fact.note,
                )
            )
        return out
