"""Case files: YAML a person writes, read with line numbers, checked, and written back."""

from onward.casefile.io import dump_case, load_case, read_case, save_case

__all__ = ["dump_case", "load_case", "read_case", "save_case"]
