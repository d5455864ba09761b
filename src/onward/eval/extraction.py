"""How well the incident extractor reads reports: precision, recall and F1 against gold annotations.

An incident matches when kind, sending state and receiving state agree (multiset matching within each passage: two
gold deportations KW → EG need two proposals). Onward's finer kinds are scored as the gold set's coarser ones
(a forcible return or a border refoulement is a "deportation" there). Matched pairs are then compared field by
field: status, date, subjects, count, profile.

Gold incidents marked ``uncertain`` are scored two ways. The headline (``strict``) counts them as required; the
``lenient`` figures treat them as optional — missing one costs nothing and proposing one is not a false positive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from onward.eval.gold import GoldIncident, GoldPassage
from onward.model.incident import ExtractedIncident, IncidentKind

Extractor = Callable[[str, int | None, str | None], list[ExtractedIncident]]
FIELDS = ("status", "when", "subjects", "subject_count", "profile")
_GOLD_KIND = {IncidentKind.FORCIBLE_RETURN: "deportation", IncidentKind.BORDER_REFOULEMENT: "deportation"}


def gold_kind(kind: IncidentKind) -> str:
    return _GOLD_KIND.get(kind, kind.value)


@dataclass(frozen=True)
class Listed:
    """A miss or a false positive, with what a reviewer needs to find it."""

    passage_id: str
    kind: str
    from_state: str | None
    to_state: str | None
    quote: str
    uncertain: bool


@dataclass
class Scores:
    """Counts and ratios for one way of scoring."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        proposed = self.true_positives + self.false_positives
        return self.true_positives / proposed if proposed else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
        }


@dataclass
class ExtractionReport:
    """The result of one evaluation run: both scorings, per-field accuracy, and what went wrong where."""

    passages: int
    gold_incidents: int
    gold_uncertain: int
    proposed: int
    strict: Scores = field(default_factory=Scores)
    lenient: Scores = field(default_factory=Scores)
    field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    matched: int = 0
    misses: list[Listed] = field(default_factory=list)
    false_positives: list[Listed] = field(default_factory=list)
    by_kind: dict[str, Scores] = field(default_factory=dict)

    def field_accuracy(self) -> dict[str, float]:
        return {
            name: round(correct / self.matched, 4) if self.matched else 0.0
            for name, correct in self.field_correct.items()
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "headline": "strict",
            "passages": self.passages,
            "gold_incidents": self.gold_incidents,
            "gold_uncertain": self.gold_uncertain,
            "proposed": self.proposed,
            "strict": self.strict.as_dict(),
            "lenient": self.lenient.as_dict(),
            "matched": self.matched,
            "field_accuracy": self.field_accuracy(),
            "by_kind": {kind: scores.as_dict() for kind, scores in sorted(self.by_kind.items())},
            "misses": [vars(m) for m in self.misses],
            "false_positives": [vars(f) for f in self.false_positives],
        }


def _key(kind: str, from_state: str | None, to_state: str | None) -> tuple[str, str | None, str | None]:
    return kind, from_state, to_state


def _field_matches(gold: GoldIncident, proposed: ExtractedIncident) -> dict[str, bool]:
    return {
        "status": gold.status == proposed.status.value,
        "when": gold.when == (proposed.date.isoformat() if proposed.date else None),
        "subjects": {s.casefold() for s in gold.subjects} == {s.casefold() for s in proposed.subjects},
        "subject_count": gold.subject_count == proposed.subject_count,
        "profile": set(gold.profile) == {p.value for p in proposed.profile},
    }


def _pair(
    gold: Sequence[GoldIncident], proposed: Sequence[ExtractedIncident]
) -> tuple[list[tuple[GoldIncident, ExtractedIncident]], list[GoldIncident], list[ExtractedIncident]]:
    """Multiset matching on (kind, from, to); among equals, certain gold first, then the closest quote."""
    unmatched = list(proposed)
    pairs: list[tuple[GoldIncident, ExtractedIncident]] = []
    missed: list[GoldIncident] = []
    for item in sorted(gold, key=lambda g: g.uncertain):
        key = _key(item.kind, item.from_state, item.to_state)
        candidates = [p for p in unmatched if _key(gold_kind(p.kind), p.from_state, p.to_state) == key]
        if not candidates:
            missed.append(item)
            continue
        best = max(candidates, key=lambda p: _overlap(item.quote, p.quote))
        unmatched.remove(best)
        pairs.append((item, best))
    return pairs, missed, unmatched


def _overlap(a: str, b: str) -> int:
    return len(set(a.split()) & set(b.split()))


def evaluate(passages: Sequence[GoldPassage], extract: Extractor) -> ExtractionReport:
    """Run ``extract`` on every gold passage and score what it proposes."""
    report = ExtractionReport(
        passages=len(passages),
        gold_incidents=sum(len(p.incidents) for p in passages),
        gold_uncertain=sum(1 for p in passages for i in p.incidents if i.uncertain),
        proposed=0,
    )
    for passage in passages:
        proposed = extract(passage.text, passage.year, passage.country)
        report.proposed += len(proposed)
        pairs, missed, extra = _pair(passage.incidents, proposed)
        for gold, found in pairs:
            report.strict.true_positives += 1
            report.by_kind.setdefault(gold.kind, Scores()).true_positives += 1
            if not gold.uncertain:
                report.lenient.true_positives += 1
            report.matched += 1
            for name, ok in _field_matches(gold, found).items():
                report.field_correct[name] += ok
        for gold in missed:
            report.strict.false_negatives += 1
            report.by_kind.setdefault(gold.kind, Scores()).false_negatives += 1
            if not gold.uncertain:
                report.lenient.false_negatives += 1
            report.misses.append(
                Listed(passage.passage_id, gold.kind, gold.from_state, gold.to_state, gold.quote, gold.uncertain)
            )
        for found in extra:
            report.strict.false_positives += 1
            report.lenient.false_positives += 1
            report.by_kind.setdefault(gold_kind(found.kind), Scores()).false_positives += 1
            report.false_positives.append(
                Listed(
                    passage.passage_id,
                    gold_kind(found.kind),
                    found.from_state,
                    found.to_state,
                    found.quote,
                    found.uncertain,
                )
            )
    return report
