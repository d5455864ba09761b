"""The risk engine: direct risk, onward-transfer likelihood, chain risk, assurances, political purpose, findings."""
