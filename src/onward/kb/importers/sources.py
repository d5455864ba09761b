"""Who published each dataset Onward imports, under what terms, and the exact copy we read.

A Political Terror Scale score is only as good as its citation: "Gibney et al., Political Terror
Scale, PTS-2024.csv line 5211". Each importer builds its ``Source`` here, from the file's name:
for the releases listed in ``KNOWN_RELEASES`` (the copies described in DATA_SOURCES.md) the source
names the repository and commit the file was copied from; any other file is cited by its name
alone and stays ``unverified`` until a person checks it against the publisher's own release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onward.model.dates import PartialDate
from onward.model.source import Source, Verification


@dataclass(frozen=True)
class Publisher:
    """A dataset's publisher, its home page and the terms its data is used under."""

    name: str
    title: str
    url: str
    terms: str


@dataclass(frozen=True)
class Release:
    """A known copy of a dataset file: the public repository and commit it was taken from."""

    repository: str
    commit: str
    rows: int | None = None
    date: PartialDate | None = None
    note: str | None = None


PTS = Publisher(
    name="Gibney et al., Political Terror Scale",
    title="Political Terror Scale: levels of state terror coded from Amnesty International, Human Rights Watch "
    "and US State Department reports",
    url="https://www.politicalterrorscale.org",
    terms="free to use with citation of Gibney et al., Political Terror Scale",
)
FIW = Publisher(
    name="Freedom House",
    title="Freedom in the World",
    url="https://freedomhouse.org/report/freedom-world",
    terms="© Freedom House, attribution required; ratings and scores packaged CC0 by the R package freedomhouse",
)
UN_TREATIES = Publisher(
    name="United Nations Treaty Collection",
    title="Status of ratification of the core UN human rights treaties, per UN member state",
    url="https://treaties.un.org",
    terms="facts from the UN Treaty Collection; the compiling repository states no licence",
)
COUNTRIES = Publisher(
    name="mledoze/countries",
    title="World countries: ISO codes, names in many languages, alternative spellings and demonyms",
    url="https://github.com/mledoze/countries",
    terms="Open Database License (ODbL-1.0); derived data is shared under the same licence",
)

# The copies in ../shared/data (see DATA_SOURCES.md): file name -> where it was copied from. Row
# counts are given where the name is specific to one release (a PTS-2024.csv with fewer rows is a
# truncated copy); countries.json and hr_status_*.csv are generic names, so they carry none.
KNOWN_RELEASES: dict[str, Release] = {
    "PTS-2024.csv": Release("Mohsnmonji/Political-Terror_Dashboard", "9546967", 10220, note="converted to UTF-8"),
    "fiw_ratings_1972_2023.csv": Release("pachadotdev/freedomhouse", "6f48484", 9238),
    "fiw_scores_2012_2023.csv": Release("pachadotdev/freedomhouse", "6f48484", 62875),
    "countries.json": Release("mledoze/countries", "5e9f370"),
    "hr_commitments_1945_2017.csv": Release("CJFariss/Human-Rights-Search", "f314c6a", 11193),
}
# Every hr_status_*.csv file of the treaty-status compilation comes from the same commit.
TREATY_STATUS_RELEASE = Release(
    "world-politics-datalab/humanrights-treaties-ratification-status",
    "fdb779e",
    date=PartialDate(year=2022),
    note="status as of 2022; the compilation has known inconsistencies, flagged row by row on import",
)


def release_of(file_name: str) -> Release | None:
    if re.fullmatch(r"hr_status_[a-z0-9_*]+\.csv", file_name):
        return TREATY_STATUS_RELEASE
    return KNOWN_RELEASES.get(file_name)


def expected_rows(file_name: str) -> int | None:
    """How many data rows the known release of that name has (None for a file of unknown origin)."""
    release = release_of(file_name)
    return release.rows if release is not None else None


def source_id(prefix: str, file_name: str) -> str:
    """A stable source id from a file name: ``PTS-2024.csv`` -> ``pts-2024``."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug if slug.startswith(prefix) else f"{prefix}-{slug}"


def dataset_source(publisher: Publisher, *, source_id: str, file_name: str, title: str | None = None) -> Source:
    """The ``Source`` for one dataset file: partially verified for a known copy, unverified otherwise."""
    release = release_of(file_name)
    if release is None:
        return Source(
            id=source_id,
            publisher=publisher.name,
            title=title or publisher.title,
            url=publisher.url,
            identifier=file_name,
            verification=Verification.UNVERIFIED,
            note=f"{publisher.terms}. Imported from a file named {file_name} of unrecorded origin: check it "
            "against the publisher's release before relying on it.",
        )
    note = (
        f"{publisher.terms}. Copied from the public repository {release.repository} (commit {release.commit})"
        f"{'; ' + release.note if release.note else ''}; values are read from that copy and have not been compared "
        "with the publisher's own release, hence partial verification."
    )
    return Source(
        id=source_id,
        publisher=publisher.name,
        title=title or publisher.title,
        date=release.date,
        url=publisher.url,
        identifier=f"{release.repository}@{release.commit}:{file_name}",
        verification=Verification.PARTIAL,
        note=note,
    )
