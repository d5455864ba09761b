"""Importers of public datasets into the knowledge base: one module per dataset, each "pop and audit".

``countries`` (state names, mledoze/countries), ``pts`` (Political Terror Scale), ``fiw`` (Freedom
House, Freedom in the World), ``treaties`` (UN human-rights treaty status). ``build_reference`` loads
the derived copies shipped under ``data/reference`` so that a fresh installation works offline.
"""

from onward.kb.importers.reference import (
    DatasetKind,
    ImportOutcome,
    build_reference,
    default_reference_dir,
    import_dataset,
)

__all__ = ["DatasetKind", "ImportOutcome", "build_reference", "default_reference_dir", "import_dataset"]
