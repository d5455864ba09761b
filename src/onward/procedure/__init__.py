"""Extradition procedures as data (one file per jurisdiction) and the timeline that places a case on them."""
