"""State names in the reader's language: ``KZ`` is Kazakhstan in English and in French (Babel/CLDR)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from babel import Locale

from onward.model.states import state_name


def state_namer(language: str) -> Callable[[str], str]:
    """``code -> "Name (CODE)"`` in ``language``, falling back to the English name of the registry."""
    territories = Locale.parse(language).territories

    def name(code: str) -> str:
        return f"{territories.get(code) or state_name(code)} ({code})"

    return name


def states_namer(language: str) -> Callable[[Iterable[str]], str]:
    one = state_namer(language)
    return lambda codes: ", ".join(one(code) for code in codes) or "—"
