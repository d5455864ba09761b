"""The gazetteer's data files, read from the installed package: derived state names and curated aliases.

``states.json`` is derived by ``scripts/derive_gazetteer.py`` (ODbL-1.0, attribution in its header);
``aliases.tsv`` (short forms, adjectival forms, cities) and ``groups.tsv`` (peoples that are not states) are
curated by hand. Nothing here reads ``../shared``: a user's installation has only these files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from onward.gazetteer.mentions import EthnicGroup, MentionKind


@dataclass(frozen=True)
class Entry:
    """One way of writing a state or group, as the matcher will look for it (case-sensitive)."""

    form: str
    kind: MentionKind
    code: str | None
    group: EthnicGroup | None = None


def _read(name: str) -> str:
    return resources.files("onward.gazetteer").joinpath("data", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in _read(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def load_entries() -> list[Entry]:
    """Curated aliases first, then derived names: the first claim on a written form wins."""
    entries: list[Entry] = []
    for code, kind, form in _rows("aliases.tsv"):
        entries.append(Entry(form, MentionKind(kind), code))
    for group_id, codes, forms in _rows("groups.tsv"):
        group = EthnicGroup(group_id, tuple(codes.split()))
        entries.extend(Entry(form, MentionKind.GROUP, None, group) for form in forms.split("|"))
    derived = json.loads(_read("states.json"))
    # Sovereign states claim shared forms before territories ("French" is France, not the French Southern Lands).
    for state in sorted(derived["states"], key=lambda s: not s["independent"]):
        code = state["code"]
        for field in ("names", "fr", "ru"):
            entries.extend(Entry(form, MentionKind.NAME, code) for form in state[field])
        entries.extend(Entry(form, MentionKind.DEMONYM, code) for form in state["demonyms"])
        entries.extend(Entry(form, MentionKind.CITY, code) for form in state["capitals"])
    return entries


def attribution() -> str:
    """The licence notice the derived names carry (ODbL-1.0 requires it wherever they are shown)."""
    text: str = json.loads(_read("states.json"))["attribution"]
    return text
