"""Data only: the lexicon files, installed as the package ``hypecheck.lexicons`` (see pyproject)."""
