"""Proposes the transfer incidents a passage describes — who was sent from where to where, how and when — each with
the exact words that say so, for a person to review.

"In a 2006 case, UNHCR stated that Ukraine forcibly returned 11 Uzbek asylum seekers to Uzbekistan" gives a
forcible return UA → UZ of 11 asylum seekers in 2006, quoting "Ukraine forcibly returned 11 Uzbek asylum seekers
to Uzbekistan". The rules are explainable: each proposal names the ``rule`` that produced it ("learned" when the
transfer model proposed a triple the rules did not, see ``learned``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from onward.errors import InputError
from onward.evidence.extract import cues
from onward.evidence.extract.context import alternatives, membership, roles_around
from onward.evidence.extract.dates import find_dates
from onward.evidence.extract.derived import ClauseView, detention_for, request_for
from onward.evidence.extract.learned import CUE, TransferModel, decide
from onward.evidence.extract.names import find_names
from onward.evidence.extract.passage import Passage, Sentence, clause_bounds, event_date, local_part
from onward.evidence.extract.patterns import BARE_PLURAL, FOREIGN, INSTITUTION_AFTER, INSTITUTION_BEFORE, SPECIFIED
from onward.evidence.extract.people import Subject, subject_of, subject_phrase
from onward.evidence.extract.profiles import profiles_of
from onward.evidence.extract.resolution import Direction, Roles, resolve_direction
from onward.evidence.extract.sentences import split_sentences
from onward.evidence.extract.triggers import Trigger, TriggerFinder
from onward.gazetteer import Gazetteer, Mention
from onward.model.dates import PartialDate
from onward.model.incident import ExtractedIncident, IncidentKind, IncidentStatus
from onward.model.states import is_state


class IncidentExtractor:
    """Reads passages and proposes incidents; build once and reuse (the trigger matcher takes a moment to build).

    With a ``model`` (see ``learned``), the rules' proposals are candidates among others and the model decides
    which (kind, from, to) triples are proposed; without one, the rules alone decide. Either way a proposal
    always names its kind, its sending state and its receiving state.
    """

    def __init__(self, gazetteer: Gazetteer, model: TransferModel | None = None) -> None:
        self.gazetteer = gazetteer
        self.triggers = TriggerFinder()
        self.model = model

    def extract(self, text: str, *, year: int | None, country: str | None) -> list[ExtractedIncident]:
        """Incidents proposed from ``text``; ``year`` dates bare months, ``country`` is the reporting state."""
        proposed = self.extract_by_rules(text, year=year, country=country)
        if self.model is None:
            return [i for i in proposed if i.from_state is not None and i.to_state is not None]
        if not proposed and not CUE.search(text):
            return []  # most passages report no transfer: nothing else to read
        return decide(self.model, text, year=year, country=country, gazetteer=self.gazetteer, proposed=proposed)

    def extract_by_rules(self, text: str, *, year: int | None, country: str | None) -> list[ExtractedIncident]:
        """What the rules alone propose, unresolved states included (the model's input)."""
        if country is not None and not is_state(country):
            raise InputError(
                f"the reporting state must be an ISO 3166-1 alpha-2 code (or none), not {country!r}",
                hint="e.g. UZ, KZ, or XK for Kosovo",
            )
        triggers = self.triggers.find(text)
        if not triggers:
            return []  # most passages report no transfer: nothing else to read
        names = find_names(text, self.gazetteer)
        known = [n.text for n in names if " " in n.text]
        passage = Passage(text, year, country, find_names(text, self.gazetteer, known=known), known)
        mentions = self.gazetteer.find_states(text)
        last: PartialDate | None = None
        topic: PartialDate | None = None
        for start, end in split_sentences(text):
            local = [_shift(m, -start) for m in mentions if start <= m.start and m.end <= end]
            dates = find_dates(text[start:end], year=year, last=last)
            passage.sentences.append(Sentence(start, text[start:end], local, dates, topic))
            if dates:
                last = dates[-1].date
            # A date that opens a sentence ("In 2018, …") sets the time of what follows it.
            opening = [
                d
                for d in dates
                if re.fullmatch(
                    r"\W*(?:(?:and|also|then|later|earlier|in|on|during|by)\W+)*", text[start : start + d.start], re.I
                )
            ]
            if opening:
                topic = opening[0].date
        found: list[ExtractedIncident] = []
        for sentence in passage.sentences:
            end = sentence.start + len(sentence.text)
            sentence.triggers = [
                _shift_trigger(t, -sentence.start) for t in triggers if sentence.start <= t.start and t.end <= end
            ]
        for index, sentence in enumerate(passage.sentences):
            for trigger in sentence.triggers:
                found.extend(_read(self.gazetteer, passage, index, trigger, found))
        return _merge(found)


def _shift(mention: Mention, offset: int) -> Mention:
    return Mention(
        mention.code, mention.start + offset, mention.end + offset, mention.kind, mention.surface, mention.group
    )


def _shift_trigger(trigger: Trigger, offset: int) -> Trigger:
    return Trigger(trigger.rule, trigger.start + offset, trigger.end + offset, trigger.surface)


def kind_and_status(trigger: Trigger, before: str, after: str) -> tuple[IncidentKind, IncidentStatus]:
    rule = trigger.rule
    kind = rule.kind
    request = False
    if kind is IncidentKind.EXTRADITION:
        request = bool(
            re.search(
                r"\b(?:request\w*|sought|seek\w*|demand\w*|ask\w*\s+for|appl\w+\s+for|petition\w*|wanted\s+for|"
                r"call\w*\s+for|efforts?\s+to|attempt\w*\s+to|bid\s+to|tried\s+to)\s+(?:[\w'’]+\s+){0,3}$",
                before[-60:],
                re.I,
            )
            or re.match(r"^\s*(?:request|requests|petition|petitions|demand|demands|warrant)\b", after, re.I)
            or re.search(r"\brequest\w*\s+that\s+\w+\s+be\s+$", before[-40:], re.I)
            or re.search(r"\brequests?\s+(?:from|by)\s+[^.;]{0,80}?\s+to\s+$", before[-120:], re.I)
        )
        if request:
            kind = IncidentKind.EXTRADITION_REQUEST
    if kind is IncidentKind.INTERPOL_NOTICE:
        request = True
    status = cues.status_of(before, after, request=request)
    if kind is IncidentKind.EXTRADITION_REQUEST and status is IncidentStatus.PENDING:
        status = IncidentStatus.REQUESTED
    return kind, status


def _read(
    gazetteer: Gazetteer, passage: Passage, index: int, trigger: Trigger, earlier: list[ExtractedIncident]
) -> list[ExtractedIncident]:
    """Every incident one trigger supports (none when it is generic, hypothetical, domestic or about no one).

    ``earlier`` holds what the passage has already yielded: "the woman" or "the family" points back to people
    already met, so it adds nothing when an incident of the same kind from the same state is among them.
    """
    sentence = passage.sentences[index]
    text = sentence.text
    clause = clause_bounds(text, trigger.start, trigger.end)
    before, after = text[clause[0] : trigger.start], text[trigger.end : clause[1]]
    rule = trigger.rule
    if not rule.verb and cues.is_policy_noun(after):
        return []
    if trigger.surface[0].isupper() and rule.kind is not IncidentKind.INTERPOL_NOTICE and _mid_sentence(text, trigger):
        return []  # "the organization Repatriate the Children": a name, not an act
    if cues.is_hypothetical(before) or cues.is_present_habitual(before, trigger.surface) or cues.is_rule_making(before):
        return []
    if rule.name in ("expel", "expulsion") and (
        INSTITUTION_AFTER.match(after) or INSTITUTION_BEFORE.search(before) or membership(text, trigger, clause)
    ):
        return []  # expelled from a party, a school, a parliament; or by one
    if (
        rule.name in ("deportation", "expulsion", "extradition", "abduction", "refoulement", "pushback")
        and trigger.surface.endswith("s")
        and not re.match(r"^\s*of\s+(?:\d|[a-z]+\s+\w)", after)
    ):
        return []  # "deportations", "kidnappings": a practice, unless counted
    kind, status = kind_and_status(trigger, before, after)
    phrase = subject_phrase(text, trigger, clause)
    subject = subject_of(gazetteer, passage, index, phrase)
    if subject is None:
        return []
    roles = roles_around(gazetteer, sentence, trigger, clause, subject, passage.country)
    head = phrase.text.strip() if phrase and not phrase.pronoun else ""
    following = text[phrase.start : phrase.end + 30] if phrase else ""
    bare = not subject.names and subject.count is None and BARE_PLURAL.match(head) and not SPECIFIED.search(following)
    stated = (roles.destination or roles.listed) and (roles.actor or roles.agent) and not trigger.surface.endswith("s")
    if bare and not stated:
        return []  # "foreigners were deported": no identifiable group, unless who sent them where is stated
    has_date = any(clause[0] <= d.start < clause[1] for d in sentence.dates)
    local = local_part(text, trigger, clause)
    generic = (cues.is_generic(local) and not (subject.names or exact_count(subject.count))) or (
        re.search(r"\b(?:have|has)\s+(?:\w+\s+)?been\s+(?:\w+ly\s+)?$", before) and not has_date and not subject.names
    )
    if (generic or cues.is_habitual(local)) and not (roles.destination or roles.listed):
        return []
    if rule.name == "expel" and phrase is not None and phrase.start >= trigger.end and not _state_acts(roles, before):
        return []  # "the party expelled its deputy": only a state's authorities deport
    # "Score Change: … because the government deported an academic": a summary of what the passage already told
    summary = bool(re.match(r"\W*score\s+change\b", text, re.I))
    anaphoric = bool(
        earlier
        and not subject.names
        and (summary or (phrase is not None and not phrase.pronoun and ANAPHORIC.match(head)))
    )
    if rule.name == "sent_back" and not trigger.surface.lower().startswith("removed") and not roles.destination:
        return []  # "returned to sea", "handed over to the police": no state received them
    directions: list[Direction] = []
    for variant in alternatives(kind, roles):
        semantics = "repatriate" if "repatri" in trigger.surface.lower() else rule.name
        direction = resolve_direction(kind, semantics, variant, passage.country)
        expelled = rule.name in ("expel", "expulsion", "forced_out")
        domestic = expelled and not subject.names and not FOREIGN.search(local)
        if direction is not None and direction.to_state is None and domestic:
            continue  # "people from Malaita were expelled" (within the country): no one crossed a border
        if (
            direction is not None
            and anaphoric
            and any(_restates(direction, kind, subject.count, other) for other in earlier)
        ):
            continue  # "the decision to deport the woman": the deportation already proposed, told again
        if direction is not None:
            directions.append(direction)
    if not directions:
        return []
    if subject.names:
        directions = [_earlier_origin(passage, index, subject.names, kind, d, earlier) for d in directions]
    date = event_date(sentence, trigger, clause, passage.year)
    view = ClauseView(text, sentence.start, clause, sentence.mentions, sentence.dates)
    incidents: list[ExtractedIncident] = []
    for direction in directions:
        span = _quote_span(trigger, subject, direction, clause)
        uncertain = direction.inferred or subject.inferred or bool(generic)
        confidence = 0.85 - 0.15 * direction.inferred - 0.15 * subject.inferred - 0.2 * bool(generic)
        quote_start = sentence.start + span[0]
        quote_end = sentence.start + span[1]
        incident = ExtractedIncident(
            kind=kind,
            status=status,
            from_state=direction.from_state,
            to_state=direction.to_state,
            subjects=subject.names,
            subject_count=subject.count,
            profile=profiles_of(subject.description + " " + after[:120]),
            date=date,
            quote=passage.text[quote_start:quote_end],
            quote_start=quote_start,
            quote_end=quote_end,
            uncertain=uncertain,
            confidence=round(max(0.2, confidence), 2),
            rule=rule.name,
        )
        incidents.append(incident)
        for implied in (detention_for(view, incident, trigger.start), request_for(incident, bool(roles.requester))):
            if implied is not None:
                incidents.append(implied)
    return incidents


# "… was arrested in Moscow on behalf of …": where a person was held or lived, as an earlier sentence tells it
_HELD_IN = re.compile(
    r"\b(?:arrested|detained|apprehended|held|jailed|lives|lived|living|based|resid\w*|hiding|settled|fled\s+to)"
    r"\s+(?:\w+\s+){0,2}?(?:in|to)\s+(?:the\s+)?$",
    re.I,
)
# "authorities in Russia arrested …": the state whose authorities held the person
_AUTHORITIES_IN = re.compile(
    r"\b(?:authorities|police|officials|security\s+services)\s+in\s+(?:the\s+)?$",
    re.I,
)
_SENT_FROM = (
    IncidentKind.EXTRADITION,
    IncidentKind.EXTRADITION_REQUEST,
    IncidentKind.DETENTION_FOR_TRANSFER,
    IncidentKind.DEPORTATION,
    IncidentKind.FORCIBLE_RETURN,
)


def _earlier_origin(
    passage: Passage,
    index: int,
    names: list[str],
    kind: IncidentKind,
    direction: Direction,
    earlier: list[ExtractedIncident],
) -> Direction:
    """The sending state, when the sentence leaves it out but an earlier one says where the same person was."""
    if direction.from_state is not None or kind not in _SENT_FROM:
        return direction
    surnames = {name.split()[-1] for name in names}
    for other in reversed(earlier):
        told = {name.split()[-1] for name in other.subjects}
        if told & surnames and other.from_state not in (None, direction.to_state):
            return replace(direction, from_state=other.from_state, inferred=True)
    for sentence in reversed(passage.sentences[max(0, index - 2) : index]):
        if not any(re.search(rf"\b{re.escape(surname)}\b", sentence.text) for surname in surnames):
            continue
        for mention in sentence.mentions:
            if mention.code is None or mention.code == direction.to_state:
                continue
            before = sentence.text[max(0, mention.start - 50) : mention.start]
            held = re.match(r"\W*(?:\w+\s+){0,2}?(?:arrested|detained|apprehended)\b", sentence.text[mention.end :])
            if _HELD_IN.search(before) or (_AUTHORITIES_IN.search(before) and held):
                return replace(direction, from_state=mention.code, inferred=True)
        break  # the nearest sentence about the person decides
    return direction


_AUTHORITY_BEFORE = re.compile(
    r"\b(?:authorities|government|police|minister|ministry|officials|court|courts|state|regime|junta|president|"
    r"administration|forces|troops|security services|immigration|interior|it|they|he|she)\b[^;]{0,60}$",
    re.I,
)


def _state_acts(roles: Roles, before: str) -> bool:
    """Whether the one expelling is a state: a named state or demonym, or authorities, a court, a minister."""
    return bool(roles.actor or roles.agent or _AUTHORITY_BEFORE.search(before))


def _mid_sentence(text: str, trigger: Trigger) -> bool:
    return bool(re.search(r"[a-z,]\s+$", text[: trigger.start]))


def exact_count(count: int | None) -> bool:
    return count is not None


def _quote_span(trigger: Trigger, subject: Subject, direction: Direction, clause: tuple[int, int]) -> tuple[int, int]:
    start, end = trigger.start, trigger.end
    if subject.span is not None and not subject.inferred:
        start, end = min(start, subject.span[0]), max(end, subject.span[1])
    for role in direction.used:
        if clause[0] <= role.mention.start and role.mention.end <= clause[1]:
            start, end = min(start, role.mention.start), max(end, role.mention.end)
    return start, end


# "the woman", "the family", "these men": people the passage has already introduced
ANAPHORIC = re.compile(r"(?:the|this|that|these|those)\s+(?!following\b|first\b|other\b)[a-z]", re.I)


def _family(kind: IncidentKind) -> IncidentKind:
    """Forcible returns and pushbacks are deportations told with other words: one event, one proposal."""
    if kind in (IncidentKind.FORCIBLE_RETURN, IncidentKind.BORDER_REFOULEMENT):
        return IncidentKind.DEPORTATION
    return kind


def _restates(direction: Direction, kind: IncidentKind, count: int | None, other: ExtractedIncident) -> bool:
    return (
        _family(other.kind) == _family(kind)
        and (count is None or other.subject_count is None or count == other.subject_count or count == 1)
        and other.from_state == direction.from_state
        and (direction.to_state is None or direction.to_state == other.to_state)
    )


def _merge(incidents: list[ExtractedIncident]) -> list[ExtractedIncident]:
    """One incident per (kind, from, to, people): the same event reported twice is proposed once."""
    kept: list[ExtractedIncident] = []
    for incident in incidents:
        duplicate = False
        for position, other in enumerate(kept):
            if (_family(other.kind), other.from_state, other.to_state) != (
                _family(incident.kind),
                incident.from_state,
                incident.to_state,
            ):
                continue
            same_people = set(other.subjects) == set(incident.subjects) or not incident.subjects or not other.subjects
            counts_agree = (
                other.subject_count is None
                or incident.subject_count is None
                or other.subject_count == incident.subject_count
            )
            if (
                same_people
                and counts_agree
                and (incident.subjects or other.subjects or other.subject_count == incident.subject_count)
            ):
                duplicate = True
                if incident.subjects and not other.subjects:
                    kept[position] = incident  # the same event, told again with the names
                break
        if not duplicate:
            kept.append(incident)
    return kept
