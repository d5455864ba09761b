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
from functools import cache
from importlib import resources

from ruamel.yaml import YAML

from onward.drafting.citations import Support
from onward.drafting.claims import Claim, ClaimKind, Need, claim
from onward.model.authorities import authorities, propositions
from onward.model.source import Citation, Source


def authority_sources() -> dict[str, Source]:
    return {ident: known.source for ident, known in authorities().items()}


@cache
def _scope() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Which jurisdiction each statute binds in, and which states each state-specific proposition is about."""
    text = resources.files("onward.drafting").joinpath("authority_scope.yaml").read_text(encoding="utf-8")
    raw = YAML(typ="safe").load(text)
    jurisdictions = {str(k): str(v) for k, v in raw["jurisdiction_of_source"].items()}
    states = {str(k): frozenset(str(c) for c in v) for k, v in raw["states_of_proposition"].items()}
    return jurisdictions, states


def _in_scope(key: str, citation: Citation, jurisdiction: str | None, states: frozenset[str] | None) -> bool:
    bound, about = _scope()
    if jurisdiction is not None and bound.get(citation.source, jurisdiction) != jurisdiction.upper():
        return False
    return states is None or key not in about or bool(about[key] & states)


class Law(Mapping[str, Claim]):
    """The propositions of law as claims citing the authorities known at ``as_of``: ``law["indirect_refoulement"]``.

    Templates read them as attributes: ``{% call law(laws.indirect_refoulement) %}…{% endcall %}``.
    """

    def __init__(self, as_of: dt.date, jurisdiction: str | None = None, states: frozenset[str] | None = None) -> None:
        """Only authorities public at ``as_of``, binding in ``jurisdiction`` and, for a proposition about a
        particular state, concerning one of the case's ``states`` (``None``: no restriction)."""
        sources = authority_sources()
        self._claims = {
            key: claim(
                f"law:{key}",
                Need(f"an authority for the proposition {key!r}", f"une source juridique pour la proposition {key!r}"),
                (Support(sources[c.source], c.locator) for c in citations if _in_scope(key, c, jurisdiction, states)),
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
