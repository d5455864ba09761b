"""The seed letter and part of the Freedom House corpus, read from ../shared at run time."""

import gzip
import json
import shutil
from pathlib import Path

import pytest

from tests.clihelpers import run_cli
from tests.conftest import make_store_url

pytestmark = pytest.mark.shared

SEED = Path("seed") / "000_f18db51e48f8056d.txt"
FIW = Path("data") / "freedom_house" / "fiw_texts_2017_2023.jsonl.gz"


def _fiw_slice(shared_dir: Path, target: Path, states: set[str]) -> Path:
    with gzip.open(shared_dir / FIW, "rt", encoding="utf-8") as lines:
        kept = [line for line in lines if json.loads(line)["iso2c"] in states]
    target.write_bytes(gzip.compress("".join(kept).encode("utf-8"), mtime=0))
    return target


def test_seed_letter_and_freedom_house_slice_are_searchable(
    capsys: pytest.CaptureFixture[str], shared_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = next(make_store_url("sqlite", tmp_path, request))
    letter = tmp_path / "hrw-letter.txt"
    shutil.copyfile(shared_dir / SEED, letter)
    corpus = _fiw_slice(shared_dir, tmp_path / "fiw-slice.jsonl.gz", {"UA", "KZ", "RU", "UZ"})
    meta = tmp_path / "sources.yaml"
    meta.write_text(
        "hrw-letter.txt:\n  publisher: Human Rights Watch\n  date: 2015-05-18\n"
        "fiw-slice.jsonl.gz:\n  id: fiw\n  publisher: Freedom House\n  title: Freedom in the World\n"
    )
    ingested = run_cli(capsys, "--database-url", url, "ingest", str(letter), str(corpus), "--source-meta", str(meta))
    assert ingested.code == 0
    assert "0 skipped" in ingested.out

    found = json.loads(
        run_cli(capsys, "--database-url", url, "search", '"asylum seekers"', "--country", "UA", "-f", "json").out
    )
    assert found["total"] >= 1
    letter_hits = [h for h in found["hits"] if h["publisher"] == "Human Rights Watch"]
    assert letter_hits, "the seed letter's passage on the 2006 returns from Ukraine is found"
    hit = letter_hits[0]
    assert hit["locator"].startswith("¶ ")
    assert ", chars " in hit["locator"]
    original = letter.read_text(encoding="utf-8")
    assert original[hit["char_start"] : hit["char_end"]] == hit["text"]
    assert "asylum seekers" in hit["text"]

    reports = json.loads(
        run_cli(capsys, "--database-url", url, "search", "extradit*", "--country", "UZ", "--year", "2017..2020", "-f",
                "json").out
    )  # fmt: skip
    assert reports["total"] >= 1
    assert all(h["locator"].endswith(")") and "(line " in h["locator"] for h in reports["hits"] if h["meta"])
    assert all(2017 <= h["year"] <= 2020 for h in reports["hits"])
