"""Case files: YAML a person writes, read with line numbers, checked, and written back (see ``io``)."""
