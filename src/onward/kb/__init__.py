"""The knowledge base: sourced statements, loaded by ``loader``, read "as of" a date through ``view``."""
