"""Who was transferred, in the terms risk assessment uses: journalist, opposition politician, asylum seeker…

The profile matters in law: CAT General Comment No. 4 §45 and the ECtHR (e.g. *Saadi v. Italy*, §§ 131-132)
weigh whether the person belongs to a group at risk. Profiles are read from the words describing the person
("a Vietnamese journalist who had applied for refugee status", "human rights activist").
"""

from __future__ import annotations

import re

from onward.model.person import Profile

_LEXICON: tuple[tuple[Profile, tuple[str, ...]], ...] = (
    (
        Profile.HUMAN_RIGHTS_DEFENDER,
        (
            r"human rights (?:activist|defender|lawyer|advocate|campaigner|worker)s?",
            r"rights defenders?",
            r"(?:head|director|founder|member)s? of an? (?:\w+[- ])*human rights",
        ),
    ),
    (
        Profile.JOURNALIST,
        (
            r"journalists?",
            r"reporters?",
            r"editors?",
            r"correspondents?",
            r"news crews?",
            r"photojournalists?",
            r"broadcasters?",
            r"camera ?(?:man|men|crew)",
            r"media workers?",
            r"columnists?",
        ),
    ),
    (
        Profile.BLOGGER,
        (
            r"bloggers?",
            r"online commentators?",
            r"youtubers?",
            r"social media (?:user|activist)s?",
        ),
    ),
    (
        Profile.ACTIVIST,
        (
            r"activists?",
            r"campaigners?",
            r"protesters?",
            r"protest leaders?",
            r"organizers?",
        ),
    ),
    (
        Profile.OPPOSITION_POLITICIAN,
        (
            r"opposition",
            r"politicians?",
            r"presidential candidates?",
            r"candidates?",
            r"party (?:leader|member|official)s?",
            r"lawmakers?",
            r"parliamentarians?",
            r"MPs?",
            r"leaders? of the",
            r"prodemocracy figures?",
            r"(?:political )?party leaders?",
        ),
    ),
    (
        Profile.DISSIDENT,
        (
            r"dissidents?",
            r"critics?",
            r"criticism",
            r"criticized",
            r"outspoken",
            r"government opponents?",
            r"exiles?",
            r"Muslim Brotherhood",
            r"Gülen",
            r"Gulen",
            r"Hizmet",
            r"banned (?:group|party|movement|organization)",
        ),
    ),
    (
        Profile.ASYLUM_SEEKER,
        (
            r"asylum[- ]seekers?",
            r"sought asylum",
            r"seeking asylum",
            r"applied for (?:asylum|refugee status)",
            r"asylum applicants?",
        ),
    ),
    (
        Profile.REFUGEE,
        (
            r"refugees?(?! status)",
            r"UNHCR[- ]registered",
            r"(?:granted|recogni[sz]ed|holds?|held) refugee status",
        ),
    ),
    (
        Profile.RELIGIOUS_MINORITY,
        (
            r"pastors?",
            r"priests?",
            r"imams?",
            r"monks?",
            r"nuns?",
            r"missionar(?:y|ies)",
            r"clerics?",
            r"Christians?",
            r"Jehovah's Witnesses",
            r"Falun Gong",
            r"Ahmadis?",
            r"Baha'is?",
            r"Bahá'ís?",
            r"religious",
            r"evangelical",
            r"Protestants?",
            r"Salafis?",
            r"worshippers?",
            r"archbishops?",
            r"bishops?",
            r"preachers?",
            r"rabbis?",
        ),
    ),
    (
        Profile.ETHNIC_MINORITY,
        (
            r"ethnic",
            r"Uyghurs?",
            r"Uighurs?",
            r"Rohingyas?",
            r"Kurds?",
            r"Kurdish",
            r"Chechens?",
            r"Crimean Tatars?",
            r"Tibetans?",
            r"Hazaras?",
            r"Baloch",
            r"minority",
        ),
    ),
    (
        Profile.LAWYER,
        (
            r"(?<!rights )lawyers?",
            r"attorneys?",
            r"advocates?",
            r"barristers?",
        ),
    ),
    (
        Profile.BUSINESSPERSON,
        (
            r"business(?:man|men|woman|women|person|people)",
            r"tycoons?",
            r"bankers?",
            r"oligarchs?",
            r"executives?",
            r"(?:former )?owners? of",
            r"entrepreneurs?",
            r"investors?",
            r"magnates?",
            r"CEO",
        ),
    ),
    (
        Profile.FORMER_OFFICIAL,
        (
            r"former (?:\w+ )?(?:prime minister|president|minister|officials?|governor|mayor|general|official|officer"
            r"|head|chief|deputy|ambassador|diplomat|army|military|intelligence|high-level|senior)",
            r"ex-(?:minister|president|official)",
        ),
    ),
    (
        Profile.STUDENT,
        (
            r"students?",
            r"scholars?",
            r"researchers?",
            r"academics?",
            r"doctoral",
        ),
    ),
    (
        Profile.MIGRANT,
        (
            r"migrants?",
            r"migrant workers?",
            r"laborers?",
            r"labourers?",
            r"workers with",
            r"undocumented",
            r"irregular",
            r"domestic workers?",
            r"foreign workers?",
        ),
    ),
)
_COMPILED = tuple((profile, re.compile(rf"\b(?:{'|'.join(words)})\b", re.I)) for profile, words in _LEXICON)


def profiles_of(description: str) -> list[Profile]:
    """The profiles a description of the transferred people supports, most specific first; ``other`` if none."""
    found: list[Profile] = []
    for profile, pattern in _COMPILED:
        if pattern.search(description) and profile not in found:
            found.append(profile)
    if Profile.HUMAN_RIGHTS_DEFENDER in found and re.search(r"human rights activist", description, re.I):
        found.append(Profile.ACTIVIST)
    return found or [Profile.OTHER]
