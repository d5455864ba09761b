"""States by ISO 3166-1 alpha-2 code: the only way a state is named inside Onward.

Names appear only at the edges (case files may be checked for "did you mean", reports show
names). The registry is built from pycountry's ISO 3166-1 table plus the user-assigned code
``XK`` for Kosovo, which the data sources use although ISO has not assigned it.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Annotated

import pycountry
from pydantic import AfterValidator, WithJsonSchema

# Codes that sources use but ISO 3166-1 has not assigned (user-assigned range).
_EXTRA_STATES = {"XK": ("XKX", "Kosovo")}


@dataclass(frozen=True)
class StateInfo:
    code: str
    alpha3: str
    name: str


@cache
def _registry() -> dict[str, StateInfo]:
    states = {
        country.alpha_2: StateInfo(
            code=country.alpha_2,
            alpha3=country.alpha_3,
            name=getattr(country, "common_name", None) or country.name,
        )
        for country in pycountry.countries
    }
    for code, (alpha3, name) in _EXTRA_STATES.items():
        states[code] = StateInfo(code=code, alpha3=alpha3, name=name)
    return states


def all_states() -> list[StateInfo]:
    return sorted(_registry().values(), key=lambda s: s.code)


def is_state(code: str) -> bool:
    return code in _registry()


def state(code: str) -> StateInfo:
    try:
        return _registry()[code]
    except KeyError:
        raise KeyError(f"unknown state code {code!r}") from None


def state_name(code: str) -> str:
    info = _registry().get(code)
    return info.name if info else code


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@cache
def _names_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for info in _registry().values():
        index[_fold(info.name)] = info.code
        index[_fold(info.alpha3)] = info.code
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(_fold(value), country.alpha_2)
    return index


def suggest(found: str, limit: int = 3) -> list[str]:
    """Codes a user probably meant when writing ``found`` (a wrong code, a name, a misspelling)."""
    text = found.strip()
    if not text:
        return []
    registry = _registry()
    folded = _fold(text)
    index = _names_index()
    if folded in index:
        return [index[folded]]
    upper = text.upper()
    if len(upper) == 2 and upper in registry:
        return [upper]
    if len(text) <= 3:
        return difflib.get_close_matches(upper, list(registry), n=limit, cutoff=0.5)
    names = difflib.get_close_matches(folded, list(index), n=limit, cutoff=0.7)
    seen: list[str] = []
    for name in names:
        code = index[name]
        if code not in seen:
            seen.append(code)
    return seen


def _known_code(code: str) -> str:
    if not is_state(code):
        guesses = suggest(code)
        hint = f"; did you mean {' or '.join(guesses)}?" if guesses else ""
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 state code{hint}")
    return code


CountryCode = Annotated[
    str,
    AfterValidator(_known_code),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 code"}),
]
"""An ISO 3166-1 alpha-2 code in upper case (``FR``, ``KZ``), or ``XK`` for Kosovo."""
