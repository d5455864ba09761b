"""A place in a text where a state is named, described or implied: "Uzbek asylum seekers", "returned to Tashkent".

Ethnic groups ("Uyghur", "Chechen") are mentions too, but of a people rather than a state: they carry the states
the group is associated with and never a code of their own, so that "a Uyghur activist" is never read as a
transfer to or from a state called "Uyghur".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MentionKind(StrEnum):
    NAME = "name"  # "Uzbekistan", "the UAE", "Russie", "Россия"
    DEMONYM = "demonym"  # "Uzbek", "Emirati", "Americans"
    CITY = "city"  # a capital, a notable city or a region: "Tashkent", "Moscow", "Xinjiang"
    GROUP = "group"  # an ethnic or religious community that is not a state: "Uyghur", "Rohingya"


@dataclass(frozen=True)
class EthnicGroup:
    """A people that is not a state, and the states reporting associates it with (Uyghurs: China)."""

    id: str
    states: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """One span of a text naming a state (``code``) or a group (``group``); ``text[start:end] == surface``."""

    code: str | None
    start: int
    end: int
    kind: MentionKind
    surface: str
    group: EthnicGroup | None = None

    @property
    def is_state(self) -> bool:
        return self.code is not None
