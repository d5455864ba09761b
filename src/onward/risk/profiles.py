"""How alike two people are for the purpose of risk evidence: an opposition politician and a journalist are.

Group evidence (Khasanov and Rakhmanov tier 2) only bears on the person to the extent that the
people it concerns share the person's profile; this module turns two profile lists into a
similarity in [0, 1] with the families defined in ``model.yaml``, and turns case facts into
evidence references.
"""

from __future__ import annotations

from collections.abc import Iterable

from onward.model.case import Case
from onward.model.source import Citation
from onward.risk.explain import EvidenceRef
from onward.risk.params import ProfileParams

CRIMINAL_SUSPECT = "criminal_suspect"


def families(params: ProfileParams) -> dict[str, str]:
    mapping = dict.fromkeys(params.political, "political")
    mapping.update(dict.fromkeys(params.protection, "protection"))
    mapping.update(dict.fromkeys(params.identity, "identity"))
    return mapping


def similarity(person: Iterable[str], evidence: Iterable[str], params: ProfileParams) -> float:
    """1 for a shared profile, ``similarity_same_family`` for a related one, else ``similarity_unrelated``."""
    mine, theirs = set(person), set(evidence)
    if not theirs or not mine:
        return params.similarity_unrelated
    if mine & theirs:
        return 1.0
    family = families(params)
    if {family[p] for p in mine if p in family} & {family[p] for p in theirs if p in family}:
        return params.similarity_same_family
    return params.similarity_unrelated


def profile_towards(case: Case, state: str) -> set[str]:
    """The person's profile as ``state`` sees them: wanted by it means a criminal suspect there (Kaboulov §112)."""
    profile = {str(p) for p in case.person.profile}
    if state in case.requesting_states:
        profile.add(CRIMINAL_SUSPECT)
    return profile


def case_refs(case: Case, citations: Iterable[Citation], label: str) -> list[EvidenceRef]:
    """Evidence references to the case file's own sources, with their verification status."""
    refs: list[EvidenceRef] = []
    for citation in citations:
        source = case.source(citation.source)
        refs.append(
            EvidenceRef(
                source=citation.source,
                subject=f"case:{case.id}",
                locator=citation.locator,
                quote=citation.quote,
                verification=str(source.verification) if source else "unverified",
                label=label,
            )
        )
    return refs or [EvidenceRef(source=f"case:{case.id}", subject=f"case:{case.id}", label=label)]
