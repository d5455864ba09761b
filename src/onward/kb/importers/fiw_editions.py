"""When each Freedom in the World edition became public: the "known from" date of the ratings it holds.

The 2015 edition, rating what happened in 2014, was public by early February 2015; an analysis
dated 18 May 2015 could read Kazakhstan's 2014 ratings, one dated 1 December 2014 could not. Without
a dated source, an edition counts as public only at the end of the year after the one it covers
(``year + 1`` at year precision) — late rather than early, so nothing leaks into a backtest. Where a
source dates an edition, that date is used, and the statement's note cites it. Add editions here
only with a source a reader can open.
"""

from __future__ import annotations

from dataclasses import dataclass

from onward.model.dates import PartialDate


@dataclass(frozen=True)
class EditionDate:
    """An edition's publication, known by ``published`` according to ``evidence``."""

    published: PartialDate
    evidence: str


# Year covered -> when its edition was public, with the source that dates it.
DATED_EDITIONS: dict[int, EditionDate] = {
    2006: EditionDate(
        PartialDate(year=2007, month=1, day=17),
        "Freedom House announced the release of the scores of Freedom in the World 2007 for 17 January 2007 "
        "(https://freedomhouse.org/article/freedom-world-2007-scores-be-released-january-17)",
    ),
    2014: EditionDate(
        PartialDate(year=2015, month=2, day=4),
        "Freedom in the World 2015 was reported, with its findings for 2014, by Justice and Peace Scotland on "
        "4 February 2015 (https://justiceandpeacescotland.org.uk/Campaigns/Human-Rights/"
        "Human-Rights-Older-Articles/ctl/details/itemid/1642/mid/656/"
        "freedom-in-the-world-2015-freedom-house-annual-report)",
    ),
}


def known_from(year: int) -> tuple[PartialDate, str | None]:
    """When the ratings for ``year`` became public, and the evidence when a source dates it."""
    edition = DATED_EDITIONS.get(year)
    if edition is None:
        return PartialDate(year=year + 1), None
    return edition.published, f"Known from {edition.published}: {edition.evidence}."
