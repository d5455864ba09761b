"""A learned decision over (kind, sending state, receiving state) candidates, beside the rules.

The rules read the usual phrasings precisely, but later reports name the sending state a clause or a sentence
earlier, tell transfers without the usual verbs ("taken to", "sent to"), and describe abductions and detentions
that the rules rarely resolve. Here every sentence with a transfer cue proposes *candidates*: each kind the cue
may signal, paired with every ordered pair of states the sentence, the two before it and the reporting state
name. Each candidate is described by features — where each state stands (the words just before it, same or
earlier sentence, before or after the cue), the words around the cue, and whether the rules proposed the same
triple — and a logistic model trained on the project's annotations (``scripts/train_extractor.py``) scores it.
A triple is proposed when its best score passes the model's threshold; both states and the kind are always
resolved, so "deported to an unnamed country" is never a proposal.

The model is a JSON file of feature weights (``transfer_model.json`` beside this module): scoring is a sum of
weights and a logistic function, with no library at run time.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from onward.errors import InputError
from onward.evidence.extract.counts import number_value
from onward.evidence.extract.dates import find_dates
from onward.evidence.extract.names import find_names
from onward.evidence.extract.profiles import profiles_of
from onward.evidence.extract.sentences import split_sentences
from onward.gazetteer import Gazetteer, Mention
from onward.model.dates import EventDate, PartialDate
from onward.model.incident import ExtractedIncident, IncidentKind, IncidentStatus

MODEL_FILE = "transfer_model.json"

# The cue words of each way of telling a transfer, and the kinds a candidate built on them may take.
_CUES: tuple[tuple[str, re.Pattern[str], tuple[IncidentKind, ...]], ...] = (
    (
        "extradition",
        re.compile(r"\bextradit\w*", re.I),
        (IncidentKind.EXTRADITION, IncidentKind.EXTRADITION_REQUEST, IncidentKind.DETENTION_FOR_TRANSFER),
    ),
    (
        "deportation",
        re.compile(
            r"\b(?:deport\w*|expel\w*|expulsion\w*|repatriat\w*|refoul\w*|push(?:ed)?[- ]?backs?|"
            r"(?:forcibly|forcefully)\s+(?:returned|sent|transferred|removed|taken)|forced\s+returns?|"
            r"(?:sent|returned|handed\s+over|transferred|removed)\s+(?:back\s+)?(?:to|from)\b)",
            re.I,
        ),
        (IncidentKind.DEPORTATION, IncidentKind.DETENTION_FOR_TRANSFER, IncidentKind.ABDUCTION),
    ),
    (
        "abduction",
        re.compile(
            r"\b(?:abduct\w*|kidnap\w*|renditions?|rendered|snatched|seized?|disappeared|"
            r"(?:taken|brought|transported|flown)\s+(?:back\s+)?to)\b",
            re.I,
        ),
        (IncidentKind.ABDUCTION,),
    ),
    ("interpol", re.compile(r"\b(?:interpol|red\s+notices?)\b", re.I), (IncidentKind.INTERPOL_NOTICE,)),
    (
        "request",
        re.compile(
            r"\b(?:at\s+(?:the\s+)?(?:\w+\s+){0,2}request|on\s+behalf\s+of|wanted\s+(?:in|by)|arrest\s+warrant)\b",
            re.I,
        ),
        (IncidentKind.DETENTION_FOR_TRANSFER, IncidentKind.EXTRADITION_REQUEST),
    ),
)
# Any cue at all: a passage without one is not read further.
CUE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern, _ in _CUES), re.I)
_GOLD_KIND = {
    IncidentKind.FORCIBLE_RETURN: IncidentKind.DEPORTATION,
    IncidentKind.BORDER_REFOULEMENT: IncidentKind.DEPORTATION,
}
_ACTOR = re.compile(
    r"(?:['’]s)?\s+(?:\w+\s+)?(?:authorities|forces|troops|police|agents|officials|security|intelligence|government|"
    r"regime|soldiers|officers)\b",
    re.I,
)
_REQUESTER = re.compile(r"(?:['’]s)\s+(?:\w+\s+)?(?:request|demand|behalf|petition)", re.I)
_PREPOSITIONS = frozenset({"to", "from", "in", "into", "by", "of", "at", "back"})
_WORD = re.compile(r"[a-z]+", re.I)
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "its",
        "it",
        "as",
    ]
)

Key = tuple[IncidentKind, str, str]


def coarse(kind: IncidentKind) -> IncidentKind:
    """Forcible returns and pushbacks are deportations told with other words: one kind for the decision."""
    return _GOLD_KIND.get(kind, kind)


@dataclass
class Candidate:
    """One (kind, from, to) reading of one cue in one sentence, with what the model sees of it."""

    key: Key
    sentence: int
    cue_start: int  # in passage coordinates
    cue_end: int
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _before(text: str, position: int, count: int) -> list[str]:
    return _words(text[max(0, position - 60) : position])[-count:]


def _bucket(distance: int) -> str:
    for limit in (15, 40, 80, 160):
        if distance <= limit:
            return str(limit)
    return "far"


def _sentences(text: str, gazetteer: Gazetteer) -> list[_Sentence]:
    mentions = [m for m in gazetteer.find_states(text) if m.code is not None]
    found: list[_Sentence] = []
    for start, end in split_sentences(text):
        found.append(
            _Sentence(start, end, text[start:end], tuple(m for m in mentions if start <= m.start and m.end <= end))
        )
    return found


def _role_features(
    role: str,
    kind: str,
    code: str,
    sentences: Sequence[_Sentence],
    index: int,
    cue: tuple[int, int],
    text: str,
    country: str | None,
) -> dict[str, float]:
    """Where a state stands relative to the cue: nearest mention in the cue's sentence, else the earlier ones."""
    features: dict[str, float] = {}
    prefix = f"{role}|"
    if code == country:
        features[prefix + "country"] = 1.0
        features[f"{kind}|{prefix}country"] = 1.0
    for back in range(3):
        if index - back < 0:
            break
        sentence = sentences[index - back]
        here = [m for m in sentence.mentions if m.code == code]
        if not here:
            continue
        nearest = min(here, key=lambda m: abs(m.start - cue[0]))
        where = "same" if back == 0 else f"prev{back}"
        side = "after" if nearest.start >= cue[1] else "before"
        words = _before(text, nearest.start, 2)
        distance = nearest.start - cue[1] if side == "after" else cue[0] - nearest.end
        between = text[cue[1] : nearest.start] if side == "after" else text[nearest.end : cue[0]]
        features[prefix + where] = 1.0
        features[f"{kind}|{prefix}{where}"] = 1.0
        features[f"{prefix}{where}|{side}"] = 1.0
        features[f"{prefix}kind={nearest.kind.value}"] = 1.0
        if back == 0:
            features[f"{kind}|{prefix}{side}|d={_bucket(distance)}"] = 1.0
            features[f"{prefix}clause_break"] = float(bool(re.search(r"[;:]|—|\.\s", between)))
        if words:
            features[f"{prefix}p1={words[-1]}"] = 1.0
            features[f"{kind}|{prefix}p1={words[-1]}"] = 1.0
            features[f"{prefix}{where}|p1={words[-1]}"] = 1.0
        if len(words) == 2:
            features[f"{prefix}p2={words[0]}_{words[1]}"] = 1.0
        if words and words[-1] in _PREPOSITIONS:
            # "extradited … to Tunisia", "arrested in Moscow": the preposition, the side and the reach together
            near = "near" if distance <= 60 and not re.search(r"[;:]|\.\s", between) else "far"
            features[f"{prefix}{where}|{side}|{near}|p1={words[-1]}"] = 1.0
            features[f"{kind}|{prefix}{where}|{side}|{near}|p1={words[-1]}"] = 1.0
        after = _words(text[nearest.end : nearest.end + 25])[:1]
        if after:
            features[f"{prefix}n1={after[0]}"] = 1.0
        if _ACTOR.match(text, nearest.end):
            features[f"{prefix}actor"] = 1.0  # "Rwandan authorities", "Turkish agents": the state acting
            features[f"{kind}|{prefix}actor|{where}"] = 1.0
        if _REQUESTER.match(text, nearest.end) or re.search(
            r"\brequest\s+(?:of|from|by)\s+(?:the\s+)?$", text[: nearest.start]
        ):
            features[f"{prefix}requester"] = 1.0  # "at Dushanbe's request": the state asking for the person
            features[f"{kind}|{prefix}requester"] = 1.0
        break
    else:
        features[prefix + ("country_only" if code == country else "absent")] = 1.0
    return features


def candidates(
    text: str,
    *,
    year: int | None,
    country: str | None,
    gazetteer: Gazetteer,
    proposed: Iterable[ExtractedIncident] = (),
) -> list[Candidate]:
    """Every (kind, from, to) reading the passage's cues allow, each with its features.

    ``proposed`` are the rules' incidents: whether they proposed the same triple is itself a feature.
    """
    del year  # the decision does not depend on the year; the signature matches the extractor's
    rules = {(coarse(i.kind), i.from_state, i.to_state) for i in proposed}
    rule_pairs = {(k, f) for k, f, _ in rules} | {(k, t) for k, _, t in rules}
    rule_kinds = {k for k, _, _ in rules}
    sentences = _sentences(text, gazetteer)
    found: list[Candidate] = []
    for index, sentence in enumerate(sentences):
        cues: list[tuple[str, int, int, tuple[IncidentKind, ...]]] = []
        for name, pattern, kinds in _CUES:
            for match in pattern.finditer(sentence.text):
                cues.append((name, sentence.start + match.start(), sentence.start + match.end(), kinds))
        if not cues:
            continue
        pool: list[str] = []
        for back in range(3):
            if index - back >= 0:
                pool.extend(m.code for m in sentences[index - back].mentions if m.code and m.code not in pool)
        if country and country not in pool:
            pool.append(country)
        pool = pool[:7]
        if len(pool) < 2:
            continue  # no pair of states to read: nothing to propose from this sentence
        window = _words(sentence.text)
        names = [n for n in find_names(sentence.text, gazetteer) if " " in n.text]
        for name, cue_start, cue_end, kinds in cues:
            surface = text[cue_start:cue_end].lower()
            stem = re.sub(r"\s+", "_", surface)[:14]
            local = _words(text[max(sentence.start, cue_start - 70) : min(sentence.end, cue_end + 70)])
            for kind in kinds:
                label = kind.value
                base: dict[str, float] = {
                    f"kind={label}": 1.0,
                    f"cue={name}": 1.0,
                    f"{label}|cue={name}": 1.0,
                    f"{label}|stem={stem}": 1.0,
                    f"{label}|names={min(len(names), 2)}": 1.0,
                    f"{label}|cues_in_sentence={min(len(cues), 3)}": 1.0,
                }
                for word in local:
                    if word not in _STOP:
                        base[f"{label}|w={word}"] = 1.0
                for word in window[:3]:
                    base[f"{label}|first={word}"] = 1.0
                for other, _, _, _ in cues:
                    if other != name:
                        base[f"{label}|also={other}"] = 1.0
                if kind in rule_kinds:
                    base["rule_kind"] = 1.0
                for sender in pool:
                    for receiver in pool:
                        if sender == receiver:
                            continue
                        features = dict(base)
                        features.update(
                            _role_features("from", label, sender, sentences, index, (cue_start, cue_end), text, country)
                        )
                        features.update(
                            _role_features("to", label, receiver, sentences, index, (cue_start, cue_end), text, country)
                        )
                        key = (kind, sender, receiver)
                        if key in rules:
                            features["rule=exact"] = 1.0
                            features[f"{label}|rule=exact"] = 1.0
                        else:
                            if (kind, sender) in rule_pairs:
                                features["rule=from"] = 1.0
                            if (kind, receiver) in rule_pairs:
                                features["rule=to"] = 1.0
                        found.append(Candidate(key, index, cue_start, cue_end, features))
    return found


@dataclass(frozen=True)
class TransferModel:
    """Feature weights of a logistic model, its bias and the score a triple needs to be proposed."""

    weights: dict[str, float]
    bias: float
    threshold: float  # for a triple the rules did not propose
    threshold_rules: float  # for a triple the rules proposed too
    manifest: dict[str, Any] = field(default_factory=dict)

    def score(self, features: dict[str, float]) -> float:
        total = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def to_json(self) -> str:
        data = {
            "format": "onward-transfer-model/1",
            "bias": self.bias,
            "threshold": self.threshold,
            "threshold_rules": self.threshold_rules,
            "manifest": self.manifest,
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, raw: str, *, source: str) -> TransferModel:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            raise InputError(f"{source}: not a transfer model (JSON: {error.msg})") from None
        if not isinstance(data, dict) or data.get("format") != "onward-transfer-model/1":
            raise InputError(f"{source}: expected format onward-transfer-model/1", hint="rebuild it with `make model`")
        weights = data.get("weights")
        if not isinstance(weights, dict):
            raise InputError(f"{source}: weights: expected an object of feature weights")
        return cls(
            weights={str(k): float(v) for k, v in weights.items()},
            bias=float(data.get("bias", 0.0)),
            threshold=float(data.get("threshold", 0.5)),
            threshold_rules=float(data.get("threshold_rules") or data.get("threshold") or 0.5),
            manifest=dict(data.get("manifest") or {}),
        )

    @classmethod
    def load(cls, path: Path | None = None) -> TransferModel:
        """The model at ``path``, or the one shipped with Onward."""
        if path is not None:
            try:
                raw = path.read_text(encoding="utf-8")
            except OSError as error:
                raise InputError(f"{path}: cannot read the transfer model ({error.strerror or error})") from None
            return cls.from_json(raw, source=str(path))
        raw = resources.files("onward.evidence.extract").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        return cls.from_json(raw, source=MODEL_FILE)


def checksum(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def decide(
    model: TransferModel,
    text: str,
    *,
    year: int | None,
    country: str | None,
    gazetteer: Gazetteer,
    proposed: list[ExtractedIncident],
) -> list[ExtractedIncident]:
    """The incidents the model accepts: the rules' own where they agree on the triple, otherwise built here."""
    best: dict[Key, tuple[float, Candidate]] = {}
    for candidate in candidates(text, year=year, country=country, gazetteer=gazetteer, proposed=proposed):
        score = model.score(candidate.features)
        needed = model.threshold_rules if "rule=exact" in candidate.features else model.threshold
        if score >= needed and (candidate.key not in best or score > best[candidate.key][0]):
            best[candidate.key] = (score, candidate)
    # A removal is told as a deportation or as an abduction, not both: the likelier reading of the pair stays.
    for kind, sender, receiver in list(best):
        if kind is IncidentKind.ABDUCTION and (IncidentKind.DEPORTATION, sender, receiver) in best:
            other: Key = (IncidentKind.DEPORTATION, sender, receiver)
            loser = other if best[other][0] < best[(kind, sender, receiver)][0] else (kind, sender, receiver)
            del best[loser]
    accepted: list[ExtractedIncident] = []
    taken: set[int] = set()
    for key, (score, candidate) in sorted(best.items(), key=lambda item: item[1][1].cue_start):
        kind, sender, receiver = key
        same = [
            (position, incident)
            for position, incident in enumerate(proposed)
            if position not in taken and (coarse(incident.kind), incident.from_state, incident.to_state) == key
        ]
        if same:
            for position, incident in same:
                taken.add(position)
                accepted.append(incident.model_copy(update={"confidence": round(max(0.2, min(1.0, score)), 2)}))
            continue
        accepted.append(_build(text, year, gazetteer, kind, sender, receiver, candidate, score, proposed))
    return accepted


_PENDING = re.compile(
    r"\b(?:faces?|facing|would|could|might|may|risk\w*|threat\w*|pending|awaiting|sought|seek\w*|tried|attempt\w*|"
    r"planned|plans?|ordered|due\s+to|should\s+be|ruled\s+that)\b",
    re.I,
)
_BLOCKED = re.compile(
    r"\b(?:refused|rejected|declined|denied|blocked|halted|thwarted|prevented|suspended|overturned|barred|"
    r"not\s+to\s+extradite)\b",
    re.I,
)


def _status(kind: IncidentKind, clause: str, sentence: str) -> IncidentStatus:
    if kind is IncidentKind.EXTRADITION_REQUEST or kind is IncidentKind.INTERPOL_NOTICE:
        return IncidentStatus.BLOCKED if _BLOCKED.search(clause) else IncidentStatus.REQUESTED
    if kind is IncidentKind.DETENTION_FOR_TRANSFER:
        done = re.search(r"\b(?:extradited|deported|handed\s+over|sent\s+to|returned\s+to)\b", sentence, re.I)
        return IncidentStatus.COMPLETED if done else IncidentStatus.PENDING
    if _BLOCKED.search(clause):
        return IncidentStatus.BLOCKED
    if _PENDING.search(clause):
        return IncidentStatus.PENDING
    return IncidentStatus.COMPLETED


def _build(
    text: str,
    year: int | None,
    gazetteer: Gazetteer,
    kind: IncidentKind,
    sender: str,
    receiver: str,
    candidate: Candidate,
    score: float,
    proposed: list[ExtractedIncident],
) -> ExtractedIncident:
    """An incident for a triple the rules did not propose, its fields read from the cue's sentence."""
    spans = split_sentences(text)
    start, end = spans[candidate.sentence]
    sentence = text[start:end].rstrip()
    end = start + len(sentence)
    clause_start = max(start, text.rfind(";", start, candidate.cue_start) + 1)
    clause_end = text.find(";", candidate.cue_end, end)
    clause = text[clause_start : clause_end if clause_end != -1 else end]
    names = [n.text for n in find_names(sentence, gazetteer) if " " in n.text]
    people = [n for n in names if not any(other.subjects and n in other.subjects for other in proposed)] or names
    people = people[:3] if re.search(r"\b(?:he|she|him|her|his)\b", clause, re.I) or len(people) == 1 else []
    count: int | None = len(people) if people else None
    if count is None:
        number = re.search(
            r"\b(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?!percent)", clause
        )
        if number is not None:
            count = number_value(number.group(1))
    dates = find_dates(sentence, year=year)
    cue = candidate.cue_start - start
    date: PartialDate | None = None
    if dates:
        date = min(dates, key=lambda d: abs(d.start - cue)).date
    elif year is not None:
        date = PartialDate(year=year)
    return ExtractedIncident(
        kind=kind,
        status=_status(kind, clause, sentence),
        from_state=sender,
        to_state=receiver,
        subjects=people,
        subject_count=count,
        profile=profiles_of(clause),
        date=EventDate(start=date) if date is not None else None,
        quote=sentence,
        quote_start=start,
        quote_end=end,
        uncertain=score < 0.7,
        confidence=round(max(0.2, min(1.0, score)), 2),
        rule="learned",
    )
