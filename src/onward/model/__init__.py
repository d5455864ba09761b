"""The domain model: every record Onward knows, defined once."""
