"""Proposing transfer incidents from passages: kinds, statuses, states, people, dates and exact quotes.

Every passage here is written for these tests (fictional people, paraphrased situations); none is copied
from a report.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onward.errors import InputError
from onward.evidence.extract import default_extractor, extract_incidents
from onward.model.incident import ExtractedIncident, IncidentKind, IncidentStatus
from onward.model.person import Profile


def _only(text: str, *, year: int = 2021, country: str | None = None) -> ExtractedIncident:
    found = extract_incidents(text, year=year, country=country)
    assert len(found) == 1, found
    return found[0]


def _kinds(found: list[ExtractedIncident]) -> set[tuple[IncidentKind, str | None, str | None]]:
    return {(i.kind, i.from_state, i.to_state) for i in found}


def test_completed_extradition_with_named_person_and_month() -> None:
    incident = _only("In March 2021, Spain extradited opposition blogger Timur Aliev to Kazakhstan.")
    assert (incident.kind, incident.status) == (IncidentKind.EXTRADITION, IncidentStatus.COMPLETED)
    assert (incident.from_state, incident.to_state) == ("ES", "KZ")
    assert incident.subjects == ["Timur Aliev"]
    assert incident.subject_count == 1
    assert Profile.BLOGGER in incident.profile
    assert str(incident.date) == "2021-03"


def test_blocked_extradition_resolves_a_city_to_its_state() -> None:
    incident = _only("A court in Istanbul blocked the extradition of journalist Arman Tokayev to Uzbekistan in May.")
    assert (incident.kind, incident.status) == (IncidentKind.EXTRADITION, IncidentStatus.BLOCKED)
    assert (incident.from_state, incident.to_state) == ("TR", "UZ")
    assert str(incident.date) == "2021-05"  # a bare month takes the passage's year


def test_extradition_request_names_the_requesting_state() -> None:
    incident = _only(
        "Kyrgyz authorities requested the extradition of activist Dilnoza Rahimova from Turkey in June 2021."
    )
    assert (incident.kind, incident.status) == (IncidentKind.EXTRADITION_REQUEST, IncidentStatus.REQUESTED)
    assert (incident.from_state, incident.to_state) == ("TR", "KG")
    assert Profile.ACTIVIST in incident.profile


def test_detention_at_a_foreign_request_gives_detention_request_and_pending_extradition() -> None:
    text = (
        "On 12 September 2021, police in Warsaw detained a Tajik opposition activist at the request of Tajikistan, "
        "pending his extradition."
    )
    found = extract_incidents(text, year=2021, country="PL")
    assert _kinds(found) == {
        (IncidentKind.EXTRADITION, "PL", "TJ"),
        (IncidentKind.DETENTION_FOR_TRANSFER, "PL", "TJ"),
        (IncidentKind.EXTRADITION_REQUEST, "PL", "TJ"),
    }
    detention = next(i for i in found if i.kind is IncidentKind.DETENTION_FOR_TRANSFER)
    assert detention.status is IncidentStatus.PENDING
    assert str(detention.date) == "2021-09-12"
    assert all(i.subject_count == 1 for i in found)


def test_forcible_return_with_count_in_words_demonym_and_cities() -> None:
    incident = _only("Eleven Uzbek asylum seekers were forcibly returned to Tashkent from Moscow in February.")
    assert incident.kind is IncidentKind.FORCIBLE_RETURN
    assert (incident.from_state, incident.to_state) == ("RU", "UZ")
    assert incident.subject_count == 11
    assert incident.profile == [Profile.ASYLUM_SEEKER]
    assert incident.quote == "Eleven Uzbek asylum seekers were forcibly returned to Tashkent from Moscow"


def test_deportation_from_the_reporting_state_to_the_stated_nationality() -> None:
    incident = _only("In April, the authorities deported two Egyptian students.", country="SA")
    assert (incident.kind, incident.from_state, incident.to_state) == (IncidentKind.DEPORTATION, "SA", "EG")
    assert incident.subject_count == 2
    assert incident.uncertain  # the destination is inferred from the nationality


def test_pending_deportation_order() -> None:
    incident = _only("In October 2021, the government ordered the deportation of a French journalist.", country="ML")
    assert (incident.kind, incident.status) == (IncidentKind.DEPORTATION, IncidentStatus.PENDING)
    assert (incident.from_state, incident.to_state) == ("ML", "FR")
    assert incident.profile == [Profile.JOURNALIST]


def test_an_ethnic_group_is_never_the_destination_state() -> None:
    incident = _only("Turkish authorities deported twelve Uyghur refugees to China in 2020.")
    assert (incident.from_state, incident.to_state) == ("TR", "CN")
    assert Profile.ETHNIC_MINORITY in incident.profile
    assert str(incident.date) == "2020"


def test_cross_border_abduction() -> None:
    text = "The dissident writer Karim Nazarov was abducted in Istanbul in 2020 and taken to Dushanbe."
    incident = _only(text, country="TJ")
    assert (incident.kind, incident.from_state, incident.to_state) == (IncidentKind.ABDUCTION, "TR", "TJ")
    assert incident.subjects == ["Karim Nazarov"]
    assert Profile.DISSIDENT in incident.profile


def test_interpol_notice_sought_by_a_state() -> None:
    text = "In July, Russia issued an Interpol red notice for exiled businessman Viktor Lanko, who lives in Germany."
    incident = _only(text)
    assert (incident.kind, incident.status) == (IncidentKind.INTERPOL_NOTICE, IncidentStatus.REQUESTED)
    assert (incident.from_state, incident.to_state) == ("DE", "RU")
    assert incident.profile == [Profile.BUSINESSPERSON]


def test_pronoun_takes_the_person_named_before() -> None:
    text = (
        "In 2018, British doctoral student Daniel Harrow was arrested after a research trip. "
        "He was held for months. He was then pardoned and promptly deported."
    )
    incident = _only(text, year=2020, country="AE")
    assert (incident.from_state, incident.to_state) == ("AE", "GB")
    assert incident.subjects == ["Daniel Harrow"]
    assert str(incident.date) == "2018"  # the year the paragraph is set in


@pytest.mark.parametrize(
    "text",
    [
        "Foreign workers are routinely deported for minor offenses.",
        "A local businessman was kidnapped by armed men in the capital in May.",
        "If Mr. Lanko were extradited to Russia, he would face torture.",
        "Migrant workers risk deportation if they change employers.",
        "The parliament passed legislation that would allow the deportation of rejected asylum seekers.",
        "Two deputies were expelled from the party in June.",
        "In the past, foreign academics have been deported for their research.",
        "The two countries signed an extradition treaty in 2019.",
    ],
)
def test_general_hypothetical_and_domestic_statements_are_not_incidents(text: str) -> None:
    assert extract_incidents(text, year=2021, country="KZ") == []


def test_each_state_in_a_list_gets_its_own_incident() -> None:
    text = (
        "In August 2013, the French authorities received requests from Kazakhstan, Russia, and Ukraine "
        "to extradite Mr. Orlov."
    )
    found = extract_incidents(text, year=2015, country=None)
    assert _kinds(found) == {(IncidentKind.EXTRADITION_REQUEST, "FR", code) for code in ("KZ", "RU", "UA")}


def test_a_wrapped_line_keeps_the_quote_exact() -> None:
    text = "In a 2006 case, the agency said that Ukraine\nforcibly returned 11 Uzbek asylum seekers to Uzbekistan."
    incident = _only(text, year=2015)
    assert text[incident.quote_start : incident.quote_end] == incident.quote
    assert "\n" in incident.quote
    assert str(incident.date) == "2006"


def test_one_event_told_as_forcible_return_and_deportation_is_proposed_once() -> None:
    text = (
        "In May, Georgian authorities detained Daniyar Sapaev, a blogger living in Tbilisi. Sapaev was sent to a "
        "Georgian deportation centre and reportedly deported back to Armenia later in May."
    )
    found = extract_incidents(text, year=2022, country="AM")
    removals = [i for i in found if i.kind in (IncidentKind.DEPORTATION, IncidentKind.FORCIBLE_RETURN)]
    assert [(i.from_state, i.to_state) for i in removals] == [("GE", "AM")]
    assert removals[0].subjects == ["Daniyar Sapaev"]


def test_a_definite_description_of_people_already_met_adds_no_incident() -> None:
    text = (
        "In 2020, officials deported a Moldovan couple from Estonia to Moldova although their appeal was pending. "
        "In 2022, a court found the order to deport the husband unlawful and awarded damages."
    )
    found = extract_incidents(text, year=2022, country="EE")
    assert _kinds(found) == {(IncidentKind.DEPORTATION, "EE", "MD")}


def test_plural_pushbacks_are_a_practice_not_an_incident() -> None:
    text = (
        "Border guards are accused of turning back people who try to cross from Serbia, and several cases of "
        "such pushbacks were recorded during the year."
    )
    assert extract_incidents(text, year=2022, country="HU") == []


def test_the_reporting_state_named_as_an_example_is_not_a_destination() -> None:
    text = (
        "A regional institute with offices in several countries, including Tuvalu, dismissed its director Rana Kapoor "
        "and deported him from Samoa."
    )
    # The rules place the sending state and find no destination; a proposal must name both, so none is made.
    rules = default_extractor().extract_by_rules(text, year=2021, country="TV")
    assert [(i.from_state, i.to_state) for i in rules] == [("WS", None)]
    assert extract_incidents(text, year=2021, country="TV") == []


def test_a_region_places_the_sending_state() -> None:
    incident = _only(
        "Eritrean troops beat and forcibly repatriated Eritrean refugees while stationed in Tigray.",
        year=2021,
        country="ER",
    )
    # Foreign troops taking refugees back across the border: an abduction, as the gold sets annotate it.
    assert (incident.kind, incident.from_state, incident.to_state) == (IncidentKind.ABDUCTION, "ET", "ER")


def test_an_earlier_sentence_says_where_the_person_was_held() -> None:
    text = (
        "In June, reporter Aigul Temirova was arrested in Almaty at the request of the Uzbek government. "
        "Temirova was extradited to Uzbekistan a month later."
    )
    found = extract_incidents(text, year=2022, country="UZ")
    assert (IncidentKind.EXTRADITION, "KZ", "UZ") in _kinds(found)
    assert all(i.from_state == "KZ" for i in found)


def test_a_score_change_summary_restates_the_event() -> None:
    text = (
        "In March, the government deported Lena Varga, a Hungarian citizen who ran a local newspaper. "
        "Score Change: The score declined from 3 to 2 because the government deported a foreign editor."
    )
    found = extract_incidents(text, year=2022, country="RS")
    assert [(i.from_state, i.subjects) for i in found] == [("RS", ["Lena Varga"])]


def test_a_request_borrows_the_host_state_from_the_same_persons_earlier_incident() -> None:
    text = (
        "In 2023, Omar Haddad was extradited to France from Morocco. Algeria had also sought his extradition, "
        "but a court turned it down."
    )
    found = extract_incidents(text, year=2023, country="DZ")
    assert (IncidentKind.EXTRADITION_REQUEST, "MA", "DZ") in _kinds(found)


def test_authorities_in_a_state_arresting_the_person_earlier_place_the_extradition() -> None:
    text = (
        "In April, authorities in Turkey arrested Said Karimov at the request of Tashkent. "
        "Karimov faces extradition to Uzbekistan on charges of extremism."
    )
    found = extract_incidents(text, year=2022, country="UZ")
    assert (IncidentKind.EXTRADITION, "TR", "UZ") in _kinds(found)


def test_repatriation_from_camps_abroad_starts_in_the_camps_state() -> None:
    text = "During the year, the government repatriated 40 women and 90 children from detention camps in Syria."
    incident = _only(text, year=2023, country="TJ")
    assert (incident.from_state, incident.to_state) == ("SY", "TJ")


def test_unknown_reporting_state_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="ISO 3166-1"):
        extract_incidents("Nobody was deported.", year=2021, country="XX")


_WORDS = st.sampled_from(
    ["In", "May", "2019,", "three", "Uzbek", "refugees", "were", "deported", "to", "Tashkent", "from", "Russia.",
     "Kyrgyz", "authorities", "extradited", "journalist", "Ana", "Popa", "he", "was", "abducted", "in", "Almaty",
     "and", "taken", "Moscow;", "the", "court", "blocked", "his", "extradition", "request", "Interpol", "notice"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40), st.sampled_from([None, "KZ", "RU", "UZ"]))
def test_quotes_are_always_exact_substrings(words: list[str], country: str | None) -> None:
    text = " ".join(words)
    for incident in extract_incidents(text, year=2020, country=country):
        assert text[incident.quote_start : incident.quote_end] == incident.quote
        assert incident.quote.strip()
        assert incident.from_state != incident.to_state or incident.from_state is None
