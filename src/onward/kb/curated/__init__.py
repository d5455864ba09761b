"""Hand-curated knowledge: instruments, memberships with dates, documented incidents, sourced claims."""

from onward.kb.curated.load import CuratedBundle, expand_curated, load_curated

__all__ = ["CuratedBundle", "expand_curated", "load_curated"]
