"""Legal authorities, each dated: the treaties, judgments and comments that propositions of law rest on.

Khasanov and Rakhmanov v Russia [GC] was delivered on 29 April 2022 and CAT General Comment 4
dates from 2017: an assessment or a letter as of 2015 must not cite either. The list is data
(``authorities.yaml``), read by the risk engine for the legal bases of its findings and by drafting
for propositions of law; both keep only what ``known_at`` their date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ruamel.yaml import YAML

from onward.model.source import Citation, Source


@dataclass(frozen=True)
class Authority:
    """One authority: its source record (with its date) and the short name reasons use."""

    source: Source
    short: str

    @property
    def id(self) -> str:
        return self.source.id

    @property
    def date(self) -> dt.date | None:
        """The day it became public; a partial date ("2017") counts as its latest day."""
        return self.source.date.latest() if self.source.date is not None else None

    def known_at(self, as_of: dt.date) -> bool:
        """Public on ``as_of``; an undated authority (a code in force) is always citable."""
        return self.date is None or self.date <= as_of

    def cite(self, locator: str | None = None) -> str:
        return f"{self.short} {locator}" if locator else self.short


@cache
def _data() -> tuple[dict[str, Authority], dict[str, tuple[Citation, ...]]]:
    text = resources.files("onward.model").joinpath("authorities.yaml").read_text(encoding="utf-8")
    raw = YAML(typ="safe").load(text)
    found: dict[str, Authority] = {}
    for item in raw["sources"]:
        fields = dict(item)
        short = str(fields.pop("short"))
        source = Source.model_validate(fields)
        found[source.id] = Authority(source=source, short=short)
    propositions = {
        key: tuple(Citation.model_validate(c) for c in citations) for key, citations in raw["propositions"].items()
    }
    for key, citations in propositions.items():
        for citation in citations:
            if citation.source not in found:
                raise ValueError(f"authorities.yaml: proposition {key!r} cites unknown source {citation.source!r}")
    return found, propositions


def authorities() -> dict[str, Authority]:
    """Every authority by id (``law:khasanov``)."""
    return dict(_data()[0])


def propositions() -> dict[str, tuple[Citation, ...]]:
    """Each proposition of law (``indirect_refoulement``) with the citations that support it."""
    return dict(_data()[1])


def authority(ident: str) -> Authority:
    return _data()[0][ident]
