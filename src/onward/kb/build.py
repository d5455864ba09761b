"""Build the default knowledge base a fresh installation ships with, from files committed in the repository.

``onward kb build`` loads the derived reference data under ``data/reference`` (state names, UN
treaty status, Political Terror Scale, Freedom in the World — each file checked against its
manifest) and then the hand-curated knowledge under ``data/curated`` (instruments, memberships,
the incidents behind the seed letter) and the ECtHR removal judgments in
``data/curated/judgments_removal.csv`` (161 judgments with structured facts, among them the 22
judgments of the 23-row ``judgments_dev.csv``; the dev file is loaded instead only when the larger
file is absent, since both describe the same judgments under the same source ids). Every file is
loaded in its own transaction through the idempotent loader, so the build can be rerun at any
time: an interrupted build resumes by
loading again, and a complete one changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from onward.kb.curated import load_curated
from onward.kb.importers import build_reference
from onward.kb.importers.judgments import import_judgments
from onward.kb.loader import LoadReport
from onward.store import Store

JUDGMENTS_FILES = ("judgments_removal.csv", "judgments_dev.csv")  # the first that exists is loaded


def repository_data_dir() -> Path:
    """``data/`` of the source tree this package runs from (the shipped knowledge lives there)."""
    return Path(__file__).resolve().parents[3] / "data"


@dataclass(frozen=True)
class BuildResult:
    data_dir: str
    reports: list[LoadReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(r.changed for r in self.reports)


def build_default_kb(store: Store, *, actor: str, data_dir: Path | None = None) -> BuildResult:
    """Load ``data/reference``, ``data/curated`` and its judgments (whichever exist) into ``store``; idempotent."""
    root = data_dir or repository_data_dir()
    reports: list[LoadReport] = []
    notes: list[str] = []
    reference = root / "reference"
    if (reference / "MANIFEST.json").is_file():
        reports.extend(build_reference(store, reference, actor))
    else:
        notes.append(f"no reference data at {reference} (MANIFEST.json missing): states and indicators not loaded")
    curated = root / "curated"
    if curated.is_dir() and any(curated.rglob("*.yaml")):
        reports.append(load_curated(store, curated, actor))
    else:
        notes.append(f"no curated knowledge at {curated}: incidents and memberships not loaded")
    judgments = next((curated / name for name in JUDGMENTS_FILES if (curated / name).is_file()), None)
    if judgments is not None:
        reports.append(import_judgments(store, judgments, ecthr_path=None, actor=actor).load)
    else:
        notes.append(f"no judgments at {curated / JUDGMENTS_FILES[0]}: ECtHR removal judgments not loaded")
    return BuildResult(str(root), reports, notes)
