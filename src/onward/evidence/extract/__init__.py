"""Incident extraction: propose the transfers a passage reports (kind, states, people, date, exact quote).

>>> found = extract_incidents("In May 2017, seven Turkish teachers were deported to Turkey.", year=2017, country="MD")
>>> [(i.kind.value, i.from_state, i.to_state, i.subject_count, str(i.date)) for i in found]
[('deportation', 'MD', 'TR', 7, '2017-05')]
"""

from __future__ import annotations

from functools import cache

from onward.evidence.extract.extractor import IncidentExtractor
from onward.evidence.extract.learned import TransferModel
from onward.gazetteer import Gazetteer
from onward.model.incident import ExtractedIncident

__all__ = ["IncidentExtractor", "default_extractor", "extract_incidents"]


@cache
def default_extractor() -> IncidentExtractor:
    """The extractor over the packaged gazetteer and transfer model, built once per process (holds no state)."""
    return IncidentExtractor(Gazetteer.default(), TransferModel.load())


def extract_incidents(text: str, *, year: int | None, country: str | None) -> list[ExtractedIncident]:
    """The incidents ``text`` describes; ``year`` is the year it covers, ``country`` the ISO code it reports on.

    A pure function of its arguments: no store, no files, no network.
    """
    return default_extractor().extract(text, year=year, country=country)
