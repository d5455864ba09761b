"""Drafting: open letters, legal briefs and assessment reports in which every factual sentence is cited."""
