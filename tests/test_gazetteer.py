"""The gazetteer: states as reports name them, and peoples that are never states."""

from __future__ import annotations

import pytest

from onward.gazetteer import Gazetteer, MentionKind, fold
from onward.gazetteer.data_files import attribution


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Uzbekistan", "UZ"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("the UAE", "AE"),
        ("United Arab Emirates", "AE"),
        ("Britain", "GB"),
        ("the US", "US"),
        ("U.S.", "US"),
        ("Congo-Kinshasa", "CD"),
        ("Congo (Brazzaville)", "CG"),
        ("Kosovo", "XK"),
        ("Côte d’Ivoire", "CI"),
        ("cote d'ivoire", "CI"),
        ("Ouzbékistan", "UZ"),
        ("Russie", "RU"),
        ("Узбекистан", "UZ"),
        ("Россия", "RU"),
        ("Türkiye", "TR"),
        ("Burma", "MM"),
    ],
)
def test_resolve_names_short_forms_and_translations(gazetteer: Gazetteer, name: str, code: str) -> None:
    assert gazetteer.resolve(name) == code


@pytest.mark.parametrize(
    ("demonym", "code"),
    [("Uzbek", "UZ"), ("Kazakh", "KZ"), ("Tajik", "TJ"), ("Kyrgyz", "KG"), ("Turkmen", "TM"), ("Emirati", "AE"),
     ("Saudi", "SA"), ("Egyptians", "EG"), ("American", "US"), ("French", "FR"), ("Dutch", "NL"), ("Kosovar", "XK")],
)  # fmt: skip
def test_resolve_demonyms(gazetteer: Gazetteer, demonym: str, code: str) -> None:
    assert gazetteer.resolve(demonym) == code


@pytest.mark.parametrize(("city", "code"), [("Tashkent", "UZ"), ("Moscow", "RU"), ("Bishkek", "KG"), ("Kyiv", "UA")])
def test_resolve_capitals_and_cities(gazetteer: Gazetteer, city: str, code: str) -> None:
    assert gazetteer.resolve(city) == code


def test_unknown_names_resolve_to_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Atlantis") is None
    assert gazetteer.resolve("") is None


def test_find_states_gives_exact_spans_and_kinds(gazetteer: Gazetteer) -> None:
    text = "Eleven Uzbek asylum seekers were returned to Tashkent from Moscow by the Russian Federation."
    mentions = gazetteer.find_states(text)
    assert [(m.code, m.kind) for m in mentions] == [
        ("UZ", MentionKind.DEMONYM),
        ("UZ", MentionKind.CITY),
        ("RU", MentionKind.CITY),
        ("RU", MentionKind.NAME),
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface


def test_longest_name_wins(gazetteer: Gazetteer) -> None:
    text = "Refugees crossed from South Sudan into Sudan; others reached Papua New Guinea, not Guinea."
    assert [m.code for m in gazetteer.find_states(text)] == ["SS", "SD", "PG", "GN"]


def test_names_inside_words_are_not_mentions(gazetteer: Gazetteer) -> None:
    assert [(m.surface, m.code) for m in gazetteer.find_states("The Nigerien minister")] == [("Nigerien", "NE")]
    assert [m.surface for m in gazetteer.find_states("Chadwick visited Romania")] == ["Romania"]


def test_hyphenated_demonyms_give_both_states(gazetteer: Gazetteer) -> None:
    codes = [m.code for m in gazetteer.find_states("a Cameroonian-American author")]
    assert codes == ["CM", "US"]


def test_ethnic_groups_are_never_states(gazetteer: Gazetteer) -> None:
    text = "A Uyghur activist, two Chechens and Crimean Tatar leaders were detained; a Rohingya family fled."
    mentions = gazetteer.find_states(text)
    assert {m.kind for m in mentions} == {MentionKind.GROUP}
    assert all(m.code is None for m in mentions)
    groups = {m.surface: m.group for m in mentions}
    assert groups["Uyghur"] is not None
    assert groups["Uyghur"].states == ("CN",)
    assert groups["Crimean Tatar"] is not None
    assert "UA" in groups["Crimean Tatar"].states
    assert gazetteer.resolve("Uighur") is None
    assert gazetteer.group("Uighurs") == groups["Uyghur"]
    assert gazetteer.group("Uzbekistan") is None


def test_fold_ignores_case_accents_and_apostrophes() -> None:
    assert fold("Côte d’Ivoire") == fold("COTE D'IVOIRE")
    assert fold("the  Gambia") == "gambia"


def test_derived_data_carries_its_licence() -> None:
    notice = attribution()
    assert "ODbL" in notice
    assert "mledoze/countries" in notice
