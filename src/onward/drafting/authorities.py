"""Propositions of law and the treaties and judgments that support them, as citable claims.

"Removal engages the sending state's responsibility where there are substantial grounds for
believing the person faces a real risk of ill-treatment" rests on Soering v. the United Kingdom
and Chahal v. the United Kingdom §74. The authorities are data (``onward/model/authorities.yaml``, dated); a draft
only cites those public at the case's ``as_of`` — a letter of 2015 cannot rest on a 2017
General Comment, and when no authority of the time supports a proposition it becomes a gap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from onward.drafting.citations import Support
from onward.drafting.claims import Claim, ClaimKind, Need, claim
from onward.model.authorities import authorities, propositions
from onward.model.source import Source


def authority_sources() -> dict[str, Source]:
    return {ident: known.source for ident, known in authorities().items()}


class Law(Mapping[str, Claim]):
    """The propositions of law as claims citing the authorities known at ``as_of``: ``law["indirect_refoulement"]``.

    Templates read them as attributes: ``{% call law(laws.indirect_refoulement) %}…{% endcall %}``.
    """

    def __init__(self, as_of: dt.date) -> None:
        sources = authority_sources()
        self._claims = {
            key: claim(
                f"law:{key}",
                Need(f"an authority for the proposition {key!r}", f"une source juridique pour la proposition {key!r}"),
                (Support(sources[c.source], c.locator) for c in citations),
                as_of,
                ClaimKind.LAW,
            )
            for key, citations in propositions().items()
        }

    def __getitem__(self, key: str) -> Claim:
        return self._claims[key]

    def __getattr__(self, key: str) -> Claim:
        try:
            return self._claims[key]
        except KeyError:
            raise AttributeError(key) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._claims)

    def __len__(self) -> int:
        return len(self._claims)
