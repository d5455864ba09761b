"""Turning the codes datasets use (UN M49 numbers, World Bank or ISO alpha-3, old alpha-2) into ISO alpha-2.

Inside Onward a state is its ISO 3166-1 alpha-2 code. The Political Terror Scale identifies
Kazakhstan as UN code 398 and World Bank code KAZ, the UN treaty compilation still writes
Timor-Leste as TP (withdrawn from ISO 3166-1 in 2002 for TL). The mappings here are codes only;
names of states in running text are the gazetteer's business (``onward.gazetteer``). A code that
maps to nothing returns ``None`` and the importer reports the row — it never guesses.
"""

from __future__ import annotations

from functools import cache

import pycountry

from onward.model.states import is_state

# Codes used by datasets for entities that ISO 3166-1 does not list, or lists under another code.
# XK/XKX is the user-assigned code Onward uses for Kosovo (onward.model.states).
_ALPHA3_EXTRA = {"XKX": "XK", "KSV": "XK"}
# Alpha-2 codes withdrawn from ISO 3166-1 whose state continues under a new code (ISO 3166-3).
_ALPHA2_SUCCESSOR = {"TP": "TL"}
# World Bank codes that differ from ISO alpha-3 (World Bank country list): Andorra, Romania,
# DR Congo, Timor-Leste, Kosovo, West Bank and Gaza.
_WORLD_BANK = {"ADO": "AD", "ROM": "RO", "ZAR": "CD", "TMP": "TL", "KSV": "XK", "WBG": "PS"}


@cache
def _alpha3() -> dict[str, str]:
    table = {country.alpha_3: country.alpha_2 for country in pycountry.countries}
    table.update(_ALPHA3_EXTRA)
    return table


@cache
def _numeric() -> dict[int, str]:
    return {int(country.numeric): country.alpha_2 for country in pycountry.countries}


def from_alpha2(code: str) -> str | None:
    """``KZ`` -> ``KZ``; a withdrawn code with a successor (``TP``) -> its successor; anything else -> None."""
    upper = code.strip().upper()
    upper = _ALPHA2_SUCCESSOR.get(upper, upper)
    return upper if is_state(upper) else None


def from_alpha3(code: str) -> str | None:
    """``KAZ`` -> ``KZ``; also the World Bank's own codes (``ROM`` -> ``RO``)."""
    upper = code.strip().upper()
    return _alpha3().get(upper) or _WORLD_BANK.get(upper)


def from_numeric(code: str) -> str | None:
    """A UN M49 / ISO 3166-1 numeric code (``398`` -> ``KZ``); ``NA`` or garbage -> None."""
    text = code.strip()
    if not text.isdigit():
        return None
    return _numeric().get(int(text))


def from_name(name: str) -> str | None:
    """A state's exact ISO 3166-1 name (``South Sudan``), when a dataset's code column is broken; no fuzzy match."""
    try:
        country = pycountry.countries.lookup(name.strip())
    except LookupError:
        return None
    code = str(country.alpha_2)
    return code if is_state(code) else None
