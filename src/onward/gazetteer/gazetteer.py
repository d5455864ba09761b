"""Find the states a text names, describes or implies, and resolve a written name to an ISO code.

"Eleven Uzbek asylum seekers were returned to Tashkent from Moscow" mentions UZ twice (a demonym and a capital)
and RU once (a city). Ethnic groups are reported as group mentions without a code (see ``mentions``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from onward.gazetteer.data_files import Entry, load_entries
from onward.gazetteer.mentions import EthnicGroup, Mention, MentionKind
from onward.gazetteer.trie import trie_regex


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive key: "Côte d’Ivoire" and "cote d'ivoire" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).casefold().strip().removeprefix("the ")


class Gazetteer:
    """States as texts write them: names in English, French and Russian, short forms, demonyms, cities, groups."""

    def __init__(self, entries: list[Entry]) -> None:
        self._by_form: dict[str, Entry] = {}
        self._by_fold: dict[str, Entry] = {}
        for entry in entries:
            if len(entry.form) < 2:
                continue
            for form in {entry.form, entry.form.replace("'", "’")}:
                self._by_form.setdefault(form, entry)
                self._by_fold.setdefault(fold(form), entry)
        self._regex = trie_regex(self._by_form)
        self._codes = {entry.code for entry in self._by_form.values() if entry.code}

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The gazetteer built from the packaged data files (built once per process: it is immutable)."""
        return cls(load_entries())

    def find_states(self, text: str) -> list[Mention]:
        """Every mention of a state or group in ``text``, left to right, longest name at each position."""
        mentions = []
        for match in self._regex.finditer(text):
            entry = self._by_form[match.group()]
            mentions.append(Mention(entry.code, match.start(), match.end(), entry.kind, match.group(), entry.group))
        return mentions

    def codes_in(self, text: str) -> set[str]:
        """The codes of the states ``text`` names (groups left out): ``find_states`` without the spans, 2× faster."""
        by_form = self._by_form
        return {code for form in self._regex.findall(text) if (code := by_form[form].code)}

    def resolve(self, name: str) -> str | None:
        """The ISO code a written name, short form, demonym or city stands for; None for groups and unknowns."""
        entry = self._by_fold.get(fold(name))
        if entry is not None:
            return entry.code
        upper = name.strip().upper()
        return upper if len(upper) == 2 and upper in self._codes else None

    def group(self, name: str) -> EthnicGroup | None:
        """The ethnic group a written form names ("Uighurs" → uyghur, associated with CN), if it is one."""
        entry = self._by_fold.get(fold(name))
        return entry.group if entry is not None and entry.kind is MentionKind.GROUP else None
