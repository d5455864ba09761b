"""Reading prose back: sentences with their footnote calls, dates mentioned, and whether a sentence states a fact.

"On October 24, 2014, the Lyon court ruled in favour of extradition.[^6]" is one sentence with
footnote 6 that mentions 24 October 2014; "In 2016, Russia extradited …" without a footnote is
an uncited factual sentence. Abbreviations common in legal prose ("Mr.", "Art.", "no.", "v.",
"para.", initials such as "T.I.") do not end a sentence.
"""

from __future__ import annotations

import re

from onward.model.dates import PartialDate

_MONTHS_EN = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTHS_FR = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
_MONTH = {name: i for names in (_MONTHS_EN, _MONTHS_FR) for i, name in enumerate(names, start=1)}
_M = "|".join(sorted(_MONTH, key=len, reverse=True))

_MONTH_DAY_YEAR = re.compile(rf"\b({_M})\s+(\d{{1,2}}),\s+(\d{{4}})\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_M})\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_M})\s+(\d{{4}})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|since|of|en|depuis|de)\s+((?:19|20)\d{2})\b", re.IGNORECASE)

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "m",
        "mme",
        "mlle",
        "art",
        "arts",
        "no",
        "nos",
        "n",
        "para",
        "paras",
        "p",
        "pp",
        "v",
        "vs",
        "cf",
        "e.g",
        "i.e",
        "etc",
        "al",
        "ibid",
        "op",
        "cit",
        "ch",
        "sect",
    ]
)
_CALL = re.compile(r"\[\^(\d+)\]")
_END = re.compile(r"[.!?…](?:[”»)\"']|\s»)*((?:\[\^\d+\])*)(?=\s|$)")
_FACTUAL_VERBS = re.compile(
    r"\b(was|were|has been|have been|extradited|deported|abducted|arrested|detained|ruled|rejected|received|"
    r"sentenced|convicted|reported|documented|disappeared|returned|transferred|a été|ont été|a extradé|a expulsé|"
    r"a rejeté|a reçu|a rendu|a annulé|a constaté|a condamné|a disparu|a enlevé)\b",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[tuple[str, list[int]]]:
    """Sentences of a paragraph, each without its footnote calls, with the numbers of those calls."""
    sentences: list[tuple[str, list[int]]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group(0)[0] == "." and not match.group(1) and _abbreviation_before(text, match.start()):
            continue
        _add(text[start:end], sentences)
        start = end
    _add(text[start:], sentences)
    return sentences


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:dot])
    if word is None:
        return False
    token = word.group(1).casefold().strip(".")
    if token in _ABBREVIATIONS:
        return True
    # An initial ("M.") or initials ("T.I.", "U.N."): single letters separated by dots.
    return bool(re.fullmatch(r"(?:[^\W\d_]\.)*[^\W\d_]", token))


def _add(chunk: str, sentences: list[tuple[str, list[int]]]) -> None:
    calls = [int(n) for n in _CALL.findall(chunk)]
    plain = " ".join(_CALL.sub("", chunk).split())
    if plain:
        sentences.append((plain, calls))
    elif calls and sentences:
        sentences[-1][1].extend(calls)


def dates_in(sentence: str) -> list[PartialDate]:
    """Dates a sentence mentions, as precisely as it gives them (a bare year only after "in", "since"…)."""
    found: list[PartialDate] = []
    taken: list[tuple[int, int]] = []

    def add(date: PartialDate | None, span: tuple[int, int]) -> None:
        if date is not None and not any(a <= span[0] < b for a, b in taken):
            found.append(date)
            taken.append(span)

    for m in _MONTH_DAY_YEAR.finditer(sentence):
        add(_date(int(m.group(3)), _MONTH[m.group(1).casefold()], int(m.group(2))), m.span())
    for m in _DAY_MONTH_YEAR.finditer(sentence):
        add(_date(int(m.group(3)), _MONTH[m.group(2).casefold()], int(m.group(1))), m.span())
    for m in _MONTH_YEAR.finditer(sentence):
        add(_date(int(m.group(2)), _MONTH[m.group(1).casefold()], None), m.span())
    for m in _YEAR.finditer(sentence):
        add(_date(int(m.group(1)), None, None), m.span(1))
    return found


def _date(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError:
        return None


def looks_factual(sentence: str) -> bool:
    """A sentence an author added or rewrote states a fact when it gives a date, a number or a past event."""
    if dates_in(sentence) or re.search(r"\d", sentence):
        return True
    return bool(_FACTUAL_VERBS.search(sentence))
