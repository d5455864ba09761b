"""The knowledge base's words: subject prefixes and property names every importer and reader agrees on.

Kazakhstan's ratification of UN CAT is the statement ``state:KZ  party_to  "CAT"`` with
``valid_from`` the date it took effect; its 2014 Political Terror Scale score from Amnesty reports
is ``state:KZ  pts_a  3`` valid for ``2014``. Importers write these names, ``KnowledgeView`` reads
them; a name used anywhere else is a bug.

Subjects (``prefix:id``):

=================  ======================================  ===============================================
prefix             id                                      example
=================  ======================================  ===============================================
``state``          ISO 3166-1 alpha-2 (``XK`` Kosovo)      ``state:KZ``
``instrument``     short id of a treaty or organisation    ``instrument:ECHR``, ``instrument:CAT``
``group``          an ethnic/religious group (not a state) ``group:uyghur``
``incident``       a curated incident id                   ``incident:ua-uz-2006-02``
``judgment``       ECtHR application number                ``judgment:28492/15``
=================  ======================================  ===============================================

Properties of a state:

=========================  ==============================================  =========================================
property                   value                                           validity
=========================  ==============================================  =========================================
``name``                   ``{"lang": "fr", "text": "Kazakhstan"}``        timeless
``alias``                  ``{"lang": "en", "text": "Kazakh", "kind":      timeless
                           "adjective"}``
``party_to``               instrument id (``"CAT"``)                       valid_from ratification / entry into
                                                                           force, valid_to withdrawal
``member_of``              organisation id (``"CoE"``, ``"EU"``)           as for ``party_to``
``signatory_to``           instrument id                                   valid_from signature
``not_party_to``           instrument id: a source listing the parties     valid_from the date of that list
                           says this state is not one
``reservation``            ``{"instrument": "REFUGEE_CONVENTION",          valid_from the date it was made,
                           "article": "1 B(1)", "text": …}``               valid_to its withdrawal
``declaration``            ``{"instrument": "CAT", "article": "22",        as for ``reservation``
                           "text": …}``: e.g. accepting individual
                           complaints
``pts_a`` ``pts_h``        1–5 (Amnesty, HRW, US State Department)         valid_from/valid_to the year covered
``pts_s``
``fiw_status``             ``"F"``, ``"PF"``, ``"NF"``                     the year covered
``fiw_political_rights``   1–7 rating                                      the year covered
``fiw_civil_liberties``    1–7 rating                                      the year covered
``fiw_total``              0–100 score                                     the year covered
``fiw_<indicator>``        sub-score, e.g. ``fiw_f3`` (rule of law)        the year covered
=========================  ==============================================  =========================================

Properties of an incident (each one statement, so sources may disagree field by field): ``kind``
(an ``IncidentKind`` value), ``status``, ``from_state``, ``to_state`` (alpha-2 codes), ``subjects``
(a list of names), ``group``, ``subject_count``, ``profile`` (a list of ``Profile`` values), ``date``
(``YYYY[-MM[-DD]]`` or a ``start/end`` range), ``despite_interim_measures``, ``description``.

Properties of a judgment: ``case_name``, ``respondent``, ``destination``, ``onward_destination``
(alpha-2), ``removal`` (an ``IncidentKind`` value), ``removal_status``, ``applicant_profile``
(a list of ``Profile`` values), ``judgment_date``, ``incident`` (the ``incident:…`` it concerns), and
the **outcomes** ``art3_outcome`` and ``art34_outcome`` (``"violation"``, ``"no_violation"``,
``"potential_violation"``, ``"inadmissible"``…), and ``art2_outcome`` where Art. 2 was examined.
The facts the Court recorded before its assessment, where a file gives them: ``charges_kind``
(``ordinary_criminal``, ``political``, ``terrorism_extremism``, ``religious``, ``none``),
``assurances`` (``none``, ``general``, ``specific``), ``monitoring`` and ``rule39`` (booleans),
``removal_happened`` (``yes``, ``no``, ``unknown``). Outcomes are withheld from a backtest's view
(``KnowledgeView(..., withhold_outcomes=True)``): the engine must not learn the answer it is scored on.

Any other property must start with ``x_`` (a deliberate custom property), so that a typo such as
``party_too`` is caught by ``onward kb add`` instead of being stored where no view will read it.

A statement whose ``value`` is ``null`` and that ``supersedes`` another one *retracts* it: the old
value disappears from current views, and both stay in the history.
"""

from __future__ import annotations

from typing import Final

STATE: Final = "state"
INSTRUMENT: Final = "instrument"
GROUP: Final = "group"
INCIDENT: Final = "incident"
JUDGMENT: Final = "judgment"
SUBJECT_PREFIXES: Final = (STATE, INSTRUMENT, GROUP, INCIDENT, JUDGMENT)

# States: names and memberships.
NAME: Final = "name"
ALIAS: Final = "alias"
PARTY_TO: Final = "party_to"
MEMBER_OF: Final = "member_of"
SIGNATORY_TO: Final = "signatory_to"
NOT_PARTY_TO: Final = "not_party_to"
RESERVATION: Final = "reservation"
DECLARATION: Final = "declaration"
# A reservation or declaration qualifies a state's participation in one instrument (its value names it).
QUALIFICATION_PROPERTIES: Final = (RESERVATION, DECLARATION)
MEMBERSHIP_PROPERTIES: Final = (PARTY_TO, MEMBER_OF, NOT_PARTY_TO, SIGNATORY_TO)

# Indicators: Political Terror Scale (one score per reporting source) and Freedom in the World.
PTS_A: Final = "pts_a"
PTS_H: Final = "pts_h"
PTS_S: Final = "pts_s"
PTS_PROPERTIES: Final = (PTS_A, PTS_H, PTS_S)
FIW_PREFIX: Final = "fiw_"
FIW_STATUS: Final = "fiw_status"
FIW_POLITICAL_RIGHTS: Final = "fiw_political_rights"
FIW_CIVIL_LIBERTIES: Final = "fiw_civil_liberties"
FIW_TOTAL: Final = "fiw_total"

# Incidents: the fields of ``onward.model.incident.Incident``, one statement each.
KIND: Final = "kind"
STATUS: Final = "status"
FROM_STATE: Final = "from_state"
TO_STATE: Final = "to_state"
SUBJECTS: Final = "subjects"
GROUP_NAME: Final = "group"
SUBJECT_COUNT: Final = "subject_count"
PROFILE: Final = "profile"
DATE: Final = "date"
DESPITE_INTERIM_MEASURES: Final = "despite_interim_measures"
DESCRIPTION: Final = "description"
INCIDENT_PROPERTIES: Final = (
    KIND,
    STATUS,
    FROM_STATE,
    TO_STATE,
    SUBJECTS,
    GROUP_NAME,
    SUBJECT_COUNT,
    PROFILE,
    DATE,
    DESPITE_INTERIM_MEASURES,
    DESCRIPTION,
)

# Judgments.
CASE_NAME: Final = "case_name"
RESPONDENT: Final = "respondent"
DESTINATION: Final = "destination"
ONWARD_DESTINATION: Final = "onward_destination"
REMOVAL: Final = "removal"
REMOVAL_STATUS: Final = "removal_status"
APPLICANT_PROFILE: Final = "applicant_profile"
JUDGMENT_DATE: Final = "judgment_date"
CONCERNS_INCIDENT: Final = "incident"
ART3_OUTCOME: Final = "art3_outcome"
ART34_OUTCOME: Final = "art34_outcome"
ART2_OUTCOME: Final = "art2_outcome"
OUTCOME_PROPERTIES: Final = frozenset({ART3_OUTCOME, ART34_OUTCOME, ART2_OUTCOME})
CHARGES_KIND: Final = "charges_kind"
ASSURANCES: Final = "assurances"
MONITORING: Final = "monitoring"
RULE39: Final = "rule39"
REMOVAL_HAPPENED: Final = "removal_happened"
JUDGMENT_FACT_PROPERTIES: Final = (CHARGES_KIND, ASSURANCES, MONITORING, RULE39, REMOVAL_HAPPENED)


def subject(prefix: str, identifier: str) -> str:
    """The subject id ``prefix:identifier``, e.g. ``subject(STATE, "KZ") == "state:KZ"``."""
    return f"{prefix}:{identifier}"


def state_subject(code: str) -> str:
    return subject(STATE, code)


def split_subject(text: str) -> tuple[str, str]:
    """``"judgment:28492/15"`` → ``("judgment", "28492/15")``."""
    prefix, _, identifier = text.partition(":")
    return prefix, identifier


def is_outcome(property_name: str) -> bool:
    """True for a judgment's outcome, which a backtest must never read."""
    return property_name in OUTCOME_PROPERTIES


CUSTOM_PREFIX: Final = "x_"
STATE_VALUED: Final = frozenset({FROM_STATE, TO_STATE, RESPONDENT, DESTINATION, ONWARD_DESTINATION})
KNOWN_PROPERTIES: Final = frozenset(
    {
        NAME,
        ALIAS,
        *MEMBERSHIP_PROPERTIES,
        *QUALIFICATION_PROPERTIES,
        *PTS_PROPERTIES,
        *INCIDENT_PROPERTIES,
        CASE_NAME,
        RESPONDENT,
        DESTINATION,
        ONWARD_DESTINATION,
        REMOVAL,
        REMOVAL_STATUS,
        APPLICANT_PROFILE,
        JUDGMENT_DATE,
        CONCERNS_INCIDENT,
        *JUDGMENT_FACT_PROPERTIES,
        *OUTCOME_PROPERTIES,
    }
)


def is_known_property(name: str) -> bool:
    """True for a property in the table above, a ``fiw_`` indicator, or a deliberate ``x_`` custom one."""
    return name in KNOWN_PROPERTIES or name.startswith((FIW_PREFIX, CUSTOM_PREFIX))
