"""Dates, state names, legal terms and disputed facts as English and French legal prose writes them."""

from __future__ import annotations

import datetime as dt

from onward.drafting import i18n
from onward.drafting.authorities import Law
from onward.drafting.citations import Support
from onward.drafting.conflicts import Variant, disputed
from onward.model.dates import EventDate, PartialDate
from onward.model.source import Source


def _source(source_id: str, publisher: str, date: str) -> Source:
    return Source(
        id=source_id, publisher=publisher, title=f"Test fixture {source_id}", date=date, verification="verified"
    )


def test_french_dates_use_french_months_and_premier():
    assert i18n.format_day(dt.date(2014, 10, 24), "fr") == "24 octobre 2014"
    assert i18n.format_day(dt.date(2015, 5, 1), "fr") == "1er mai 2015"
    assert i18n.format_partial(PartialDate(year=2013, month=8), "fr") == "août 2013"
    assert i18n.with_preposition("24 octobre 2014", PartialDate.parse("2014-10-24").precision, "fr") == (
        "le 24 octobre 2014"
    )


def test_english_dates_keep_the_precision_of_the_source():
    assert i18n.format_day(dt.date(2014, 10, 24), "en") == "October 24, 2014"
    assert i18n.format_partial(PartialDate(year=2013, month=8), "en") == "August 2013"
    assert i18n.format_partial(PartialDate(year=2006), "en") == "2006"


def test_french_state_names_take_article_gender_and_preposition():
    assert i18n.state("RU", "fr") == "la Russie"
    assert i18n.state("KZ", "fr", "in") == "au Kazakhstan"
    assert i18n.state("UA", "fr", "to") == "vers l'Ukraine"
    assert i18n.state("UZ", "fr", "of") == "de l'Ouzbékistan"
    assert i18n.state("KZ", "fr", "of") == "du Kazakhstan"
    assert i18n.state("US", "fr", "in") == "aux États-Unis"
    assert i18n.state("KZ", "fr", "dat") == "au Kazakhstan"
    assert i18n.join_words([i18n.state(c, "fr", "of") for c in ("KZ", "RU", "UA")], "fr") == (
        "du Kazakhstan, de la Russie et de l'Ukraine"
    )


def test_legal_terms_are_localised():
    assert i18n.term("echr", "fr") == "Convention européenne des droits de l'homme"
    assert i18n.term("outcome.appeal_rejected", "fr") == "a rejeté le pourvoi formé contre l'avis d'extradition"
    assert i18n.term("item.consular_visits", "en") == "consular visits during detention"
    assert i18n.body_with_article("Cour de cassation, chambre criminelle", "fr").startswith("la Cour de cassation")


def test_conflicting_counts_are_worded_with_both_sources():
    hrw = _source("fixture-hrw", "Human Rights Watch", "2006-02")
    unhcr = _source("fixture-unhcr", "UNHCR", "2006-02-16")
    variants = [Variant(11, (Support(unhcr),)), Variant(10, (Support(hrw),))]
    assert disputed(variants, "en") == "ten or eleven, according to Human Rights Watch and UNHCR respectively"
    assert disputed(variants, "fr") == "dix ou onze, selon Human Rights Watch et le HCR respectivement"
    assert disputed(variants[:1], "en") == "eleven"


def test_conflicting_days_read_as_alternatives():
    one = _source("fixture-a", "Amnesty International", "2012-10")
    two = _source("fixture-b", "Kharkiv Human Rights Protection Group", "2013-08-07")
    variants = [
        Variant(EventDate.parse("2012-10-19"), (Support(one),)),
        Variant(EventDate.parse("2012-10-17"), (Support(two),)),
    ]
    assert disputed(variants, "en") == (
        "October 17 or 19, 2012, according to the Kharkiv Human Rights Protection Group and Amnesty International "
        "respectively"
    )
    assert disputed(variants, "fr").startswith("17 ou 19 octobre 2012, selon le Groupe de défense")


def test_law_cites_only_authorities_public_at_as_of():
    in_2015 = Law(dt.date(2015, 5, 18))
    cited = {s.source_id for s in in_2015.indirect_refoulement.supports}
    assert cited == {"law:ti", "law:hirsi"}  # CAT General Comment 4 dates from 2017
    assert not in_2015.ex_nunc.supported  # Khasanov and Rakhmanov, 2022
    later = Law(dt.date(2023, 1, 1))
    assert "law:cat-gc4" in {s.source_id for s in later.indirect_refoulement.supports}
    assert later.ex_nunc.supported
