"""The learned decision over transfer candidates: its training script, its model file and its guarantees."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onward.errors import InputError
from onward.eval.annotations import is_annotation_file, read_annotations
from onward.evidence.extract import extract_incidents
from onward.evidence.extract.extractor import IncidentExtractor
from onward.evidence.extract.learned import TransferModel, candidates
from onward.gazetteer import Gazetteer
from onward.model.incident import IncidentKind

ROOT = Path(__file__).resolve().parent.parent

# Invented passages in the style of the reports: who moved whom, and passages that move no one.
SYNTHETIC = [
    ("In May, Kenyan authorities deported Omar Said Ali to Somalia.", "KE", [("deportation", "KE", "SO")]),
    ("Police in Turkey arrested the blogger Anvar Karimov at Tashkent's request.", "UZ", []),
    ("Anvar Karimov was extradited to Uzbekistan from Turkey in June.", "UZ", [("extradition", "TR", "UZ")]),
    ("The activist Lina Haddad was abducted in Lebanon and taken to Syria.", "SY", [("abduction", "LB", "SY")]),
    ("The government deports foreigners who overstay their visas.", "MY", []),
    ("A court in Spain refused to extradite Pavel Orlov to Russia.", "RU", [("extradition", "ES", "RU")]),
    ("Thailand deported two Cambodian activists to Cambodia in March.", "TH", [("deportation", "TH", "KH")]),
    ("Officials discussed an extradition treaty with Brazil.", "PT", []),
]


def _synthetic_annotations(path: Path) -> Path:
    lines = []
    for number, (text, country, incidents) in enumerate(SYNTHETIC):
        lines.append(
            json.dumps(
                {
                    "passage_id": f"synthetic-{number}",
                    "year": 2022,
                    "iso2c": country,
                    "split": "train",
                    "text": text,
                    "incidents": [
                        {
                            "kind": kind,
                            "status": "blocked" if "refused" in text else "completed",
                            "from_state": sender,
                            "to_state": receiver,
                            "quote_start": 0,
                            "quote_end": len(text),
                        }
                        for kind, sender, receiver in incidents
                    ],
                }
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _training_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_extractor", ROOT / "scripts" / "train_extractor.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_training_script_fits_a_model_on_a_small_annotation_set(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    annotations = _synthetic_annotations(tmp_path / "annotations.jsonl")
    out = tmp_path / "model.json"
    result = _training_script().train(annotations, None, out, ["train"], 0.5)
    model = TransferModel.load(out)
    assert result["features"] == len(model.weights) > 0
    assert model.manifest["trained_on"] == sorted(f"synthetic-{n}" for n in range(len(SYNTHETIC)))
    assert model.manifest["annotations_sha256"] == hashlib.sha256(annotations.read_bytes()).hexdigest()
    assert 0.0 < model.threshold < 1.0
    # The same annotations give the same model, byte for byte.
    again = tmp_path / "again.json"
    _training_script().train(annotations, None, again, ["train"], 0.5)
    assert again.read_bytes() == out.read_bytes()
    # The fitted model ranks an annotated triple above a reversed one in a passage it learned from.
    extractor = IncidentExtractor(Gazetteer.default())
    text, country, _ = SYNTHETIC[0]
    found = candidates(text, year=2022, country=country, gazetteer=extractor.gazetteer)
    right = max(model.score(c.features) for c in found if c.key == (IncidentKind.DEPORTATION, "KE", "SO"))
    wrong = max(model.score(c.features) for c in found if c.key == (IncidentKind.DEPORTATION, "SO", "KE"))
    assert right > wrong


def test_a_malformed_model_file_is_reported_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"model\.json"):
        TransferModel.load(path)


_STATES = st.sampled_from(["Turkey", "Russia", "Uzbekistan", "Kenya", "Georgia", "an unnamed country", "abroad", ""])
_VERBS = st.sampled_from(
    ["deported", "extradited", "abducted", "expelled", "forcibly returned", "sent back", "kidnapped", "repatriated"]
)
_PEOPLE = st.sampled_from(["Ali Karimov", "two journalists", "foreigners", "a Uyghur activist", "he", "refugees"])


@settings(max_examples=40, deadline=None)
@given(_PEOPLE, _VERBS, _STATES, _STATES, st.sampled_from(["TR", "RU", "KG", None]))
def test_no_proposal_leaves_a_state_unresolved(
    people: str, verb: str, origin: str, target: str, country: str | None
) -> None:
    text = f"In May, {people} was {verb} from {origin} to {target}. The authorities in {origin} later {verb} others."
    for incident in extract_incidents(text, year=2021, country=country):
        assert incident.from_state is not None, incident
        assert incident.to_state is not None, incident
        assert incident.from_state != incident.to_state
        assert text[incident.quote_start : incident.quote_end] == incident.quote


def test_the_shipped_model_names_what_it_was_trained_on() -> None:
    model = TransferModel.load()
    trained = model.manifest["trained_on"]
    assert trained
    assert not any(str(pid).startswith("fiw-2023-") for pid in trained)
    assert model.threshold_rules <= model.threshold


def _corpus(path: Path, texts: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"year": 2022, "iso2c": "KE", "detail": text}) + "\n")
    return path


def test_annotations_rejoin_their_text_from_the_corpus(tmp_path: Path) -> None:
    text = "In May, Kenyan authorities deported Omar Said Ali to Somalia."
    corpus = _corpus(tmp_path / "fiw.jsonl.gz", [text, "Another passage."])
    digest = hashlib.sha1(text.encode()).hexdigest()
    incident = {"kind": "deportation", "status": "completed", "from_state": "KE", "to_state": "SO"}
    line = {"passage_id": "p1", "year": 2022, "iso2c": "KE", "text_sha1": digest, "split": "heldout"}
    path = tmp_path / "annotations.jsonl"
    path.write_text(json.dumps({**line, "incidents": [{**incident, "quote_start": 8, "quote_end": 60}]}) + "\n")
    assert is_annotation_file(path)
    [passage] = read_annotations(path, corpus=corpus)
    assert passage.text == text
    assert passage.incidents[0].quote == text[8:60]
    with pytest.raises(InputError, match="no annotated passages"):
        read_annotations(path, corpus=corpus, splits=["train"])
    with pytest.raises(InputError, match=r"annotations\.jsonl:1: .*no corpus"):
        read_annotations(path)
    path.write_text(json.dumps({**line, "text_sha1": "0" * 40, "incidents": []}) + "\n")
    with pytest.raises(InputError, match=r"annotations\.jsonl:1: text_sha1"):
        read_annotations(path, corpus=corpus)


def test_the_project_annotations_rejoin_with_the_shared_corpus(shared_dir: Path) -> None:
    corpus = shared_dir / "data" / "freedom_house" / "fiw_texts_2017_2023.jsonl.gz"
    path = ROOT / "data" / "eval" / "annotations_fh.jsonl"
    passages = read_annotations(path, corpus=corpus)
    assert len(passages) >= 250
    heldout = read_annotations(path, corpus=corpus, splits=["heldout"])
    assert heldout
    assert all(p.year == 2023 for p in heldout)
    for passage in passages:
        assert passage.passage_id.endswith(hashlib.sha1(passage.text.encode()).hexdigest()[:12])
        for incident in passage.incidents:
            assert incident.quote
            assert incident.quote in passage.text
