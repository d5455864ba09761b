"""Onward: evidence-based assessment of direct and onward (chain) refoulement risk."""

__version__ = "0.1.0"
