"""The project's own extraction annotations, kept without the passages they annotate.

``data/eval/annotations_fh.jsonl`` holds one Freedom House passage per line by locator only — ``passage_id``
(``fiw-YEAR-ISO3-ITEM-SHA1PREFIX``), ``year``, ``iso2c``, ``sub_item``, ``text_sha1`` and ``split`` — and its
incidents in the gold format, with each quote as character offsets (``quote_start``, ``quote_end``) instead of
words. The licence of *Freedom in the World* lets the repository point at passages, not copy them: the text is
rejoined here from the local corpus (``fiw_texts_2017_2023.jsonl.gz``), checked against ``text_sha1``.

A line may instead carry its own ``text`` (synthetic sets in tests); then no corpus is needed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from onward.errors import InputError
from onward.eval.gold import GoldPassage, incident_of

SPLITS = ("train", "heldout")


def _problem(path: Path, line: int, where: str, expected: str, found: object) -> InputError:
    return InputError(f"{path}:{line}: {where}: expected {expected}, found {found!r}")


def is_annotation_file(path: Path) -> bool:
    """Whether ``path`` keeps locators (``text_sha1``) rather than passage text: its first line tells."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
    except OSError:
        return False
    try:
        raw = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(raw, dict) and "text" not in raw and "text_sha1" in raw


def corpus_index(corpus: Path) -> dict[str, str]:
    """Passage text by SHA-1 of the text, for every passage of a *Freedom in the World* corpus file."""
    try:
        opener = gzip.open if corpus.suffix == ".gz" else open
        with opener(corpus, "rt", encoding="utf-8") as handle:
            index: dict[str, str] = {}
            for number, line in enumerate(handle, start=1):
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise _problem(corpus, number, "<line>", "one JSON object per line", error.msg) from None
                text = row.get("detail") if isinstance(row, dict) else None
                if isinstance(text, str):
                    index[hashlib.sha1(text.encode("utf-8")).hexdigest()] = text
            return index
    except OSError as error:
        raise InputError(
            f"{corpus}: cannot read the passage corpus ({error.strerror or error})",
            hint="the Freedom House texts live in ../shared/data/freedom_house/",
        ) from None


def read_annotations(
    path: Path,
    *,
    corpus: Path | None = None,
    splits: Iterable[str] | None = None,
) -> list[GoldPassage]:
    """The annotated passages of ``path`` (only those of ``splits`` when given), with their text rejoined."""
    wanted = set(splits) if splits is not None else None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read the annotations ({error.strerror or error})") from None
    index: dict[str, str] | None = None
    passages: list[GoldPassage] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw: Any = json.loads(line)
        except json.JSONDecodeError as error:
            raise _problem(path, number, "<line>", "one JSON object per line", error.msg) from None
        if not isinstance(raw, dict):
            raise _problem(path, number, "<line>", "a JSON object", type(raw).__name__)
        split = raw.get("split", "train")
        if split not in SPLITS:
            raise _problem(path, number, "split", f"one of {', '.join(SPLITS)}", split)
        if wanted is not None and split not in wanted:
            continue
        text = raw.get("text")
        if not isinstance(text, str):
            digest = raw.get("text_sha1")
            if not isinstance(digest, str):
                raise _problem(path, number, "text_sha1", "the SHA-1 of the passage (or a text)", digest)
            if corpus is None:
                raise InputError(
                    f"{path}:{number}: the passage text is not stored here and no corpus was given",
                    hint="pass the Freedom House corpus (fiw_texts_2017_2023.jsonl.gz)",
                )
            if index is None:
                index = corpus_index(corpus)
            text = index.get(digest)
            if text is None:
                raise _problem(path, number, "text_sha1", f"a passage of {corpus}", digest)
        incidents = raw.get("incidents", [])
        if not isinstance(incidents, list):
            raise _problem(path, number, "incidents", "a list", incidents)
        joined = []
        for position, item in enumerate(incidents):
            if isinstance(item, dict) and "quote" not in item:
                start, end = item.get("quote_start"), item.get("quote_end")
                if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
                    raise _problem(
                        path, number, f"incidents[{position}].quote_start", "offsets inside the passage", (start, end)
                    )
                item = {**item, "quote": text[start:end]}
            joined.append(incident_of(path, number, position, item))
        year = raw.get("year")
        passages.append(
            GoldPassage(
                passage_id=str(raw.get("passage_id") or f"line-{number}"),
                year=year if isinstance(year, int) else None,
                country=raw.get("iso2c"),
                text=text,
                incidents=tuple(joined),
            )
        )
    if not passages:
        raise InputError(f"{path}: no annotated passages found" + (f" in split {sorted(wanted)}" if wanted else ""))
    return passages
