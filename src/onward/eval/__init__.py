"""The product's own measurement: how well the extractor and the risk model do against gold data."""
