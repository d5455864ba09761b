"""Sentences of a report passage, as character spans, robust to the way real documents are laid out.

Freedom House passages often lose the space between sentences ("…at year's end.The government…"), letters
converted from PDF break lines in mid-sentence, and abbreviations ("U.S.", "Mr.", "Jan.") end in a full stop
without ending anything. Spans index the original text, so quotes cut from them stay exact.
"""

from __future__ import annotations

import re

# A full stop after these words does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "gen", "col", "lt", "sgt", "rev", "jr", "sr", "vs", "inc", "ltd", "co",
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "art", "para", "paras", "cf", "approx", "prof", "gov",
}  # fmt: skip
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s*[\"“'‘(]?[A-Z])|\n[ \t]*\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial rather than a sentence."""
    word = re.search(r"([A-Za-z.]+)$", text[:dot])
    if word is None:
        return False
    token = word.group(1)
    if "." in token:  # "U.S" of "U.S.", "a.m"
        return True
    if len(token) == 1 and token.isupper():  # an initial: "J. Smith"
        return True
    return token.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, leading and trailing whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if match.group(0)[0] == "." and _is_abbreviation(text, match.start()):
            continue
            # "…in 2017.The": a digit or a lowercase letter before the stop is fine; "e.g." handled above.
        end = match.end() if match.group(0)[0] != "\n" else match.start()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, finish in spans:
        while begin < finish and text[begin].isspace():
            begin += 1
        while finish > begin and text[finish - 1].isspace():
            finish -= 1
        if finish > begin:
            trimmed.append((begin, finish))
    return trimmed
