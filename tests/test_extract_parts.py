"""The pieces the extractor is built from: sentences, dates, head counts, names, profiles."""

from __future__ import annotations

import pytest

from onward.evidence.extract.counts import count_people, number_value
from onward.evidence.extract.dates import find_dates
from onward.evidence.extract.names import find_names
from onward.evidence.extract.profiles import profiles_of
from onward.evidence.extract.sentences import split_sentences
from onward.gazetteer import Gazetteer
from onward.model.dates import PartialDate
from onward.model.person import Profile


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_sentences_survive_missing_spaces_abbreviations_and_wrapped_lines() -> None:
    text = "He was held at year's end.The U.S. embassy in Kyiv protested.\nMr. Orlov\nwas released.\n\nA new paragraph"
    assert _sentences(text) == [
        "He was held at year's end.",
        "The U.S. embassy in Kyiv protested.",
        "Mr. Orlov\nwas released.",
        "A new paragraph",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 12 March 2021 he was deported", "2021-03-12"),
        ("on March 4, 2015, the court ruled", "2015-03-04"),
        ("in late June 2019 he was detained", "2019-06"),
        ("in April the authorities acted", "2020-04"),  # a bare month takes the document's year
        ("In 2017, she fled", "2017"),
        ("in a 2006 case, the agency said", "2006"),
    ],
)
def test_dates_keep_their_precision(text: str, expected: str) -> None:
    found = find_dates(text, year=2020)
    assert [str(d.date) for d in found] == [expected]


def test_dates_ignore_adjectival_years_and_the_verb_may() -> None:
    assert find_dates("a 2018 law says he may be deported", year=2020) == []


def test_relative_dates_use_the_previous_date() -> None:
    found = find_dates(
        "Later that month, he was expelled; the following year he returned.",
        year=2020,
        last=PartialDate(year=2019, month=7),
    )
    assert [str(d.date) for d in found] == ["2019-07", "2020"]


@pytest.mark.parametrize(
    ("word", "value"), [("11", 11), ("eleven", 11), ("twenty-one", 21), ("1,800", 1800), ("both", 2)]
)
def test_number_words(word: str, value: int) -> None:
    assert number_value(word) == value


@pytest.mark.parametrize(
    ("phrase", "names", "singular", "expected"),
    [
        ("eleven Uzbek asylum seekers", 0, False, 11),
        ("at least 60 migrant workers", 0, False, 60),
        ("a prominent evangelical pastor", 0, True, 1),
        ("dozens of refugees", 0, False, None),
        ("thousands of migrant workers", 0, False, None),
        ("a team of experts", 0, True, None),
        ("Ana Popa and Ion Rusu", 2, False, 2),
        ("Ana Popa and other public figures", 1, False, None),
        ("18-year-old Ion Rusu", 1, False, 1),
    ],
)
def test_head_counts(phrase: str, names: int, singular: bool, expected: int | None) -> None:
    assert count_people(phrase, names=names, singular_head=singular) == expected


def test_names_skip_states_institutions_and_titles() -> None:
    gazetteer = Gazetteer.default()
    text = "Former president Ana Popa of the National Party, journalist Rusu and Mr. Orlov met UNHCR in Moscow."
    assert [n.text for n in find_names(text, gazetteer)] == ["Ana Popa", "Rusu", "Orlov"]


def test_a_lone_surname_expands_to_the_full_name_given_before() -> None:
    found = find_names("Later, Popa was extradited.", Gazetteer.default(), known=["Ana Popa"])
    assert [n.text for n in found] == ["Ana Popa"]


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("a Vietnamese journalist who had applied for refugee status", {Profile.JOURNALIST, Profile.ASYLUM_SEEKER}),
        ("human rights activist Ana Popa", {Profile.HUMAN_RIGHTS_DEFENDER, Profile.ACTIVIST}),
        ("former prime minister Ion Rusu", {Profile.FORMER_OFFICIAL}),
        ("nine men", {Profile.OTHER}),
    ],
)
def test_profiles(description: str, expected: set[Profile]) -> None:
    assert set(profiles_of(description)) == expected
