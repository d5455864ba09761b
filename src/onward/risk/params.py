"""The risk model's weights and thresholds: loaded from ``model.yaml``, validated, overridable per case.

A lawyer who disagrees with a weight changes it in a file, not in code: the shipped
``model.yaml`` is the default, a case file may carry a ``risk_model:`` block and
``onward assess --model FILE`` may name another file; each is deep-merged over the default and
validated, and every assessment records the version and the hash of what it ran with.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from onward.errors import InputError
from onward.model.riskparams import (
    AssuranceParams,
    ChainParams,
    DirectParams,
    FindingParams,
    IndividualWeights,
    PoliticalParams,
    ProfileParams,
    RiskParams,
    TransferParams,
)
from onward.yamldoc.nodes import YamlSyntaxError, load_plain_yaml

__all__ = [
    "AssuranceParams",
    "ChainParams",
    "DirectParams",
    "FindingParams",
    "IndividualWeights",
    "PoliticalParams",
    "ProfileParams",
    "RiskParams",
    "TransferParams",
    "build_params",
    "default_model_data",
    "load_params",
    "merge",
]


def _read_yaml(text: str, origin: str) -> dict[str, Any]:
    try:
        data = load_plain_yaml(text, "risk-model files")
    except YamlSyntaxError as error:
        where = f":{error.line}:{error.column or 1}" if error.line is not None else ""
        raise InputError(f"{origin}{where}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise InputError(f"{origin}: expected a mapping of model parameters, found {type(data).__name__}")
    return data


def default_model_data() -> dict[str, Any]:
    text = resources.files("onward.risk").joinpath("model.yaml").read_text(encoding="utf-8")
    return _read_yaml(text, "onward/risk/model.yaml")


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` laid over ``base``: mappings merge key by key, anything else replaces."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def build_params(overrides: dict[str, Any] | None = None, *, origin: str = "risk model") -> RiskParams:
    """The shipped model with ``overrides`` merged in; a wrong key or value names where it is."""
    data = default_model_data()
    if overrides:
        data = merge(data, overrides)
        if "version" not in overrides:
            data["version"] = f"{data['version']}+overrides"
    try:
        return RiskParams.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        path = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"{origin}: {path}: {first['msg']}; found {first.get('input')!r}",
            hint="see src/onward/risk/model.yaml for every parameter and its meaning",
        ) from None


def load_params(path: Path | None = None, overrides: dict[str, Any] | None = None) -> RiskParams:
    """The default model, then the file at ``path`` (if any), then ``overrides`` (a case's block)."""
    data: dict[str, Any] = {}
    origin = "risk model"
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(f"{path}: cannot read the risk model: {error.strerror}") from None
        data = _read_yaml(text, str(path))
        origin = str(path)
    if overrides:
        data = merge(data, overrides)
        origin = f"{origin} with the case's risk_model block"
    return build_params(data or None, origin=origin)


# The longest chain the web form offers (``chain.safe_hops``): within the cost bounds on the world graph.
SAFE_HOPS = build_params().chain.safe_hops
