"""Dates, state names, numbers and legal terms as an English or a French lawyer writes them.

"24 October 2014" is « 24 octobre 2014 »; Russia is « la Russie », extradited *to* it is « vers la
Russie », *in* Kazakhstan is « au Kazakhstan ». Babel gives the calendar and the territory names;
the grammar of French state names (gender, elision, plural) and the legal vocabulary are data in
``glossary.yaml`` beside this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, format_skeleton
from ruamel.yaml import YAML

from onward.model.dates import EventDate, PartialDate, Precision
from onward.model.states import state_name

Lang = Literal["en", "fr"]
LANGUAGES: tuple[Lang, ...] = ("en", "fr")
StateForm = Literal["bare", "the", "in", "to", "of", "dat"]

# Babel's "en" follows US usage ("October 24, 2014"), as English-language NGO letters to Paris do.
_BABEL_LOCALE = {"en": "en", "fr": "fr_FR"}


def as_lang(value: str) -> Lang:
    if value == "fr":
        return "fr"
    if value == "en":
        return "en"
    raise ValueError(f"unsupported language {value!r}: expected en or fr")


@cache
def glossary() -> dict[str, Any]:
    """The legal terms and state-name grammar shipped with Onward."""
    text = resources.files("onward.drafting").joinpath("glossary.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    assert isinstance(data, dict)
    return data


def term(key: str, lang: Lang) -> str:
    """A legal term in ``lang`` (``term("cassation", "fr")`` → « Cour de cassation »)."""
    entry = glossary()["terms"].get(key)
    if entry is None:
        raise KeyError(f"no glossary term {key!r}")
    return str(entry[lang])


def has_term(key: str) -> bool:
    return key in glossary()["terms"]


def format_day(day: dt.date, lang: Lang) -> str:
    """A full date: "October 24, 2014" / « 24 octobre 2014 » (« 1er mai » in French)."""
    if lang == "fr" and day.day == 1:
        return "1er " + format_skeleton("MMMMy", day, locale=_BABEL_LOCALE[lang])
    return str(format_date(day, "long", locale=_BABEL_LOCALE[lang]))


def format_partial(date: PartialDate, lang: Lang) -> str:
    """A date with the precision the source gave: "August 2013" / « août 2013 », "2006"."""
    if date.precision is Precision.DAY:
        return format_day(date.earliest(), lang)
    if date.precision is Precision.MONTH:
        return str(format_skeleton("yMMMM", date.earliest(), locale=_BABEL_LOCALE[lang]))
    return str(date.year)


def format_event(date: EventDate, lang: Lang) -> str:
    """A date or a disputed range: "17 or 19 October 2012" reads as the sources disagree, not as a span."""
    if not date.is_range or date.end is None:
        return format_partial(date.start, lang)
    start, end = date.start, date.end
    word = " or " if lang == "en" else " ou "
    same_month = start.precision is end.precision is Precision.DAY and (start.year, start.month) == (
        end.year,
        end.month,
    )
    if same_month:
        full = format_partial(end, lang)
        if lang == "fr":
            return f"{start.day}{word}{full}"
        return full.replace(f" {end.day},", f" {start.day}{word}{end.day},")
    return format_partial(start, lang) + word + format_partial(end, lang)


def with_preposition(date_text: str, precision: Precision, lang: Lang) -> str:
    """ "on October 24, 2014", "in August 2013"; « le 24 octobre 2014 », « en août 2013 »."""
    if lang == "fr":
        return ("le " if precision is Precision.DAY else "en ") + date_text
    return ("on " if precision is Precision.DAY else "in ") + date_text


@dataclass(frozen=True)
class StateGrammar:
    name: str
    gender: Literal["m", "f"]
    plural: bool
    article: bool


def _state_grammar(code: str) -> StateGrammar:
    data = glossary()["states_fr"].get(code, {})
    name = data.get("name") or Locale.parse("fr").territories.get(code) or state_name(code)
    gender: Literal["m", "f"] = "f" if data.get("gender", "f" if name.endswith("e") else "m") == "f" else "m"
    return StateGrammar(
        name=str(name), gender=gender, plural=bool(data.get("plural", False)), article=data.get("article", True)
    )


def _elides(word: str) -> bool:
    return word[:1].lower() in "aeiouyâéèêîôûh" and not word.lower().startswith(("hu", "ho", "hon"))


def state(code: str, lang: Lang, form: StateForm = "the") -> str:
    """A state named as a sentence needs it: ``state("RU", "fr", "to")`` → « vers la Russie ».

    Forms: ``bare`` (name), ``the`` (with article: « la Russie »), ``in`` (« en Russie »,
    « au Kazakhstan »), ``to`` (« vers la Russie »; English "to Russia"), ``of`` (« de la Russie »),
    ``dat`` (« au Kazakhstan », as in « demander au Kazakhstan »).
    """
    if lang == "en":
        english = glossary()["states_en"].get(code) or Locale.parse("en").territories.get(code) or state_name(code)
        bare = str(english).removeprefix("the ")
        the = str(english)
        return {"bare": bare, "the": the, "in": f"in {the}", "to": f"to {the}", "of": f"of {the}", "dat": f"to {the}"}[
            form
        ]
    g = _state_grammar(code)
    if not g.article:
        the = g.name
    elif g.plural:
        the = f"les {g.name}"
    elif _elides(g.name):
        the = f"l'{g.name}"
    else:
        the = ("la " if g.gender == "f" else "le ") + g.name
    if form == "bare":
        return g.name
    if form == "the":
        return the
    if form == "in":
        if not g.article:
            return f"en {g.name}" if _elides(g.name) else f"à {g.name}"
        if g.plural:
            return f"aux {g.name}"
        return f"en {g.name}" if g.gender == "f" or _elides(g.name) else f"au {g.name}"
    if form == "to":
        return f"vers {the}"
    if form == "dat":
        if the.startswith("le "):
            return "au " + the[3:]
        if the.startswith("les "):
            return "aux " + the[4:]
        return "à " + the
    # form == "of"
    if the.startswith("le "):
        return "du " + the[3:]
    if the.startswith("les "):
        return "des " + the[4:]
    return ("d'" if _elides(the) else "de ") + the


def join_words(items: list[str], lang: Lang, conjunction: Literal["and", "or"] = "and") -> str:
    """ "Kazakhstan, Russia, and Ukraine" / « le Kazakhstan, la Russie et l'Ukraine »."""
    word = {"en": {"and": "and", "or": "or"}, "fr": {"and": "et", "or": "ou"}}[lang][conjunction]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {word} {items[1]}"
    serial = "," if lang == "en" else ""
    return ", ".join(items[:-1]) + f"{serial} {word} {items[-1]}"


def spell_number(value: int, lang: Lang) -> str:
    """Numbers up to twenty in words ("eleven" / « onze »), as legal prose writes them; digits above."""
    words = glossary()["numbers"][lang]
    if 0 <= value < len(words):
        return str(words[value])
    return f"{value:,}".replace(",", "\u202f" if lang == "fr" else ",")


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural_profile(profile: str, lang: Lang) -> str:
    """People of a profile, in the plural: ``asylum_seeker`` → "asylum seekers" / « demandeurs d'asile »."""
    entry = glossary()["profile_plural"].get(profile)
    if entry is None:
        return "people" if lang == "en" else "personnes"
    return str(entry[lang])


def body_with_article(body: str, lang: Lang) -> str:
    """A court or authority as the subject of a sentence: "the Cour de cassation" / « la Cour de cassation »."""
    if lang == "en":
        return f"the {body}"
    first = body.split(" ", 1)[0].split(",", 1)[0].casefold()
    articles = glossary()["body_articles_fr"]
    article = articles.get(first)
    if article is None:
        return f"l'autorité compétente ({body})"
    # Names keep their own capitals: « la Cour de cassation », « la chambre de l'instruction ».
    return f"{article} {body}"
