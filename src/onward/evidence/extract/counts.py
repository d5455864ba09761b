"""How many people a transfer concerned, as reports write it: "11 Uzbek asylum seekers", "eleven", "a journalist".

Vague quantities ("dozens", "thousands", "a number of", "several") give no count: the gold rules ask for an integer
only "when stated or obvious", and a lawyer citing the figure must be able to point at it.
"""

from __future__ import annotations

import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a dozen": 12, "a couple of": 2, "both": 2, "a pair of": 2,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_VAGUE = re.compile(
    r"\b(?:dozens|hundreds|thousands|tens of thousands|millions|several|many|numerous|some|a number of|scores|"
    r"a group of|a team of|a few|multiple|various)\b",
    re.I,
)
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_COUNT = re.compile(
    rf"\b(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|an estimated|approximately)\s+)?"
    rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_NUMBER_WORD})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)"
    rf"(?:\s+(?:hundred|thousand))?\b",
    re.I,
)
_SINGULAR = re.compile(r"^(?:a|an|another|one|the|his|her|its|their)\s", re.I)


def number_value(text: str) -> int | None:
    """The integer a written number stands for: "11" → 11, "eleven" → 11, "twenty-one" → 21, "1,800" → 1800."""
    word = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", word):
        return int(word.replace(",", ""))
    parts = re.split(r"[\s-]+", word)
    if word in _UNITS:
        return _UNITS[word]
    if parts[0] in _TENS:
        extra = _UNITS.get(parts[1], 0) if len(parts) > 1 else 0
        return _TENS[parts[0]] + extra
    return None


def count_people(phrase: str, *, names: int, singular_head: bool) -> int | None:
    """The head count a subject phrase states, the number of named people, or 1 for "a …"; None when vague."""
    for match in _COUNT.finditer(phrase):
        following = phrase[match.end() : match.end() + 60]
        if re.match(
            r"[\s-]*(?:percent|%|years?|months?|days?|weeks?|hours?|times|million|billion|\$)", following, re.I
        ):
            continue
        if re.match(r"\s+(?:[\w-]+\s+){0,2}(?:crew|team|delegation|group|family|mission)s?\b", following, re.I):
            return None  # "one news crew": a group of unknown size
        if re.fullmatch(r"(?:19|20)\d\d", match.group("number")):
            continue  # a year ("In November 2018, …"), not a head count
        if re.match(r"\s*(?:of\s+(?:the|them|whom|these|those))", following, re.I) and not names:
            return None
        value = number_value(match.group("number"))
        if value is not None:
            if re.search(r"\b(?:hundred|thousand)\s*$", match.group(0), re.I):
                value *= 100 if match.group(0).lower().rstrip().endswith("hundred") else 1000
            return value
    if _VAGUE.search(phrase):
        return None
    if names:
        return None if re.search(r"\b(?:and|with)\s+(?:other|others|several|many)\b|\bothers\b", phrase) else names
    if re.search(r"\b(?:crew|team|delegation|group|family|staff|mission|members|relatives)\b", phrase, re.I):
        return None  # "a news crew", "a team of experts": one group, an unknown number of people
    if singular_head and _SINGULAR.match(phrase.strip()):
        return 1
    return None
