"""States' names in English, French and Russian, and the other ways sources write them, from mledoze/countries.

Kazakhstan is ``state:KZ``; this importer adds what people and documents call it: the ``name``
"Kazakhstan" / "Kazakhstan" / "Казахстан" (en, fr, ru), and as ``alias`` the official names
("Republic of Kazakhstan", "Республика Казахстан"), the file's alternative spellings ("Qazaqstan")
and demonyms ("Kazakhstani", "Kazakhstanaise"). Names are timeless statements: they carry no
validity dates. The data is under the Open Database License (ODbL-1.0): attribution in
DATA_SOURCES.md. Adjectival and ethnic forms the file lacks ("Kazakh", "Uzbek") belong to the
gazetteer's curated aliases, not here.

Every entry key the importer does not use (capital, currencies, borders…) is reported once in the
audit; an entry whose ``cca2`` is not an ISO 3166-1 alpha-2 code Onward knows is reported, not guessed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from onward.errors import Problem
from onward.kb.importers.audit import ImportAudit, ParsedDataset
from onward.kb.importers.sources import COUNTRIES, dataset_source, expected_rows, source_id
from onward.kb.importers.tabular import check_row_count, read_text, refuse
from onward.model.source import Source
from onward.model.statement import Statement
from onward.model.states import is_state, state
from onward.yamldoc.jsondoc import load_json

DATASET = "countries"
WHAT = "a countries.json file of mledoze/countries (a list of entries with cca2, name, translations, altSpellings)"
USED_KEYS = {"cca2", "cca3", "name", "translations", "altSpellings", "demonyms"}
LANGUAGES = {"fra": "fr", "rus": "ru"}  # translations imported besides English
DEMONYM_LANGUAGES = {"eng": "en", "fra": "fr"}


def _load(path: Path) -> list[Any]:
    text = read_text(path, WHAT)
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        problem = Problem(str(path), exc.lineno, exc.colno, "", f"not valid JSON: {exc.msg}", expected=WHAT)
        raise refuse(path, [problem], WHAT) from None
    if not isinstance(data, list) or not data:
        found = type(data).__name__ if not isinstance(data, list) else "an empty list"
        raise refuse(path, [Problem(str(path), 1, 1, "", "not a list of entries", expected=WHAT, found=found)], WHAT)
    return data


def _text(entry: Any, *keys: str) -> str | None:
    """``entry[k1][k2]…`` when it is a non-empty string, else None."""
    value = entry
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def parse_countries(path: Path, *, file_name: str | None = None) -> ParsedDataset:
    """Read countries.json into ``name`` and ``alias`` statements about ``state:XX`` subjects."""
    entries = _load(path)
    name = file_name or path.name
    check_row_count(path, name, len(entries), expected_rows(name), WHAT)
    source = dataset_source(COUNTRIES, source_id=source_id("mledoze", name), file_name=name)
    audit = ImportAudit(DATASET, str(path), "state names (mledoze/countries)")
    problems: list[Problem] = []
    statements: list[Statement] = []
    ignored: set[str] = set()
    for index, entry in enumerate(entries):
        audit.rows_read += 1
        where = f"[{index}]"
        code, common = _text(entry, "cca2"), _text(entry, "name", "common")
        if code is None or common is None:
            field = "cca2" if code is None else "name.common"
            problems.append(Problem(str(path), None, None, f"{where}.{field}", "missing", expected="a string"))
            continue
        ignored.update(k for k in entry if k not in USED_KEYS)
        ignored.update(f"name.{k}" for k in entry["name"] if k not in ("common", "official"))
        ignored.update(f"translations.{k}" for k in entry.get("translations") or {} if k not in LANGUAGES)
        locator = f"{name} entry {index + 1} ({code})"
        if not is_state(code):
            audit.skip(locator, f"no ISO 3166-1 alpha-2 code Onward knows: {code!r} ({common})")
            continue
        statements.extend(_entry_statements(entry, code, locator, source, audit))
    if problems:
        raise refuse(path, problems, WHAT)
    audit.ignored_columns = sorted(ignored)
    return ParsedDataset(DATASET, [source], statements, audit)


def _entry_statements(
    entry: dict[str, Any], code: str, locator: str, source: Source, audit: ImportAudit
) -> list[Statement]:
    made: list[Statement] = []
    cca3 = _text(entry, "cca3")
    if cca3 and cca3 != state(code).alpha3:
        # A cross-check only (mledoze writes Kosovo UNK, Onward XKX): the names are not affected.
        audit.flag(locator, f"the entry's cca3 {cca3!r} differs from {state(code).alpha3!r} for {code}")

    def add(prop: str, value: dict[str, str | None], raw: str) -> None:
        audit.tallies[f"{prop} ({value.get('kind') or value['lang']})"] += 1
        made.append(
            Statement(
                subject=f"state:{code}",
                property=prop,
                value=value,
                raw_value=raw,
                source=source.id,
                locator=locator,
                verification=source.verification,
                dataset=DATASET,
            )
        )

    names: list[tuple[str, str | None, str | None]] = [
        ("en", _text(entry, "name", "common"), _text(entry, "name", "official")),
        *(
            (lang, _text(entry, "translations", key, "common"), _text(entry, "translations", key, "official"))
            for key, lang in LANGUAGES.items()
        ),
    ]
    seen: set[tuple[str | None, str]] = set()
    for lang, common, official in names:
        if common:
            add("name", {"lang": lang, "text": common}, common)
            seen.add((lang, common))
        if official and (lang, official) not in seen:
            add("alias", {"lang": lang, "text": official, "kind": "official"}, official)
            seen.add((lang, official))
    for spelling in entry.get("altSpellings") or []:
        if not isinstance(spelling, str) or not spelling.strip() or spelling.strip() == code:
            continue  # the list repeats the alpha-2 code itself
        if any(text == spelling.strip() for _, text in seen):
            continue
        add("alias", {"lang": None, "text": spelling.strip(), "kind": "alt_spelling"}, spelling)
        seen.add((None, spelling.strip()))
    for key, lang in DEMONYM_LANGUAGES.items():
        for gender in ("m", "f"):
            demonym = _text(entry, "demonyms", key, gender)
            if demonym and (lang, demonym) not in seen:
                add("alias", {"lang": lang, "text": demonym, "kind": "demonym"}, demonym)
                seen.add((lang, demonym))
    return made
