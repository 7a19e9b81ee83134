"""hypecheck: read a news article and show, with evidence, how much of it is hype.

>>> import hypecheck
>>> card = hypecheck.score_file("seeds/001_cc3d44188af943b4.txt")
>>> card["ai_disclosure"].metrics["disclosed"]
True
"""

from __future__ import annotations

import os

__version__ = "0.1.0"

from .lexicon import Lexicons, load_lexicons
from .load import InputError
from .model import DIMENSIONS, HYPE_WEIGHTS, DimensionResult, Evidence, Scorecard
from .pipeline import Analyzer, Failure, default_analyzer, score_paths


def score_text(text: str, name: str = "text", markdown: bool = False) -> Scorecard:
    """Score an article given as a string."""
    return default_analyzer().score_text(text, name, markdown)


def score_file(path: str | os.PathLike[str]) -> Scorecard:
    """Score one article file (.txt or .md). Raises InputError with a one-line reason."""
    return default_analyzer().score_file(path)


__all__ = [
    "DIMENSIONS",
    "HYPE_WEIGHTS",
    "Analyzer",
    "DimensionResult",
    "Evidence",
    "Failure",
    "InputError",
    "Lexicons",
    "Scorecard",
    "__version__",
    "default_analyzer",
    "load_lexicons",
    "score_file",
    "score_paths",
    "score_text",
]
