"""Data only: the trained sentence models as JSON (see hypecheck.train and MODEL_CARD.md)."""
