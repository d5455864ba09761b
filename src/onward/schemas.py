"""JSON Schema of the records people write or exchange, published under ``docs/schema/``."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from onward.model.case import Case
from onward.model.incident import Incident
from onward.model.source import Source
from onward.risk.assessment import Assessment

PUBLISHED: dict[str, type[BaseModel]] = {
    "case": Case,
    "incident": Incident,
    "source": Source,
    "assessment": Assessment,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in PUBLISHED.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
