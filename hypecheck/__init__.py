"""hypecheck: read a news article and show, with evidence, how much of it is hype.

>>> import hypecheck
>>> card = hypecheck.score_file("seeds/001_cc3d44188af943b4.txt")
>>> card["ai_disclosure"].metrics["disclosed"]
True

Everything the command line does is here: score a string, a file or many files; turn
scorecards into a DataFrame; draw the comparison charts on your own matplotlib Axes; extend the
lexicons with your own terms. Heavy libraries (matplotlib, pandas) load only when used.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Iterable, Mapping

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from hypecheck.frame import score_table, to_dataframe
    from hypecheck.lexicon import Lexicons, load_lexicons
    from hypecheck.pipeline import Analyzer
    from hypecheck.read.load import InputError
    from hypecheck.scorecard import DimensionResult, Evidence, Failure, Pitfall, Scorecard


def score_text(text: str, name: str = "text", markdown: bool = False, analyzer: Analyzer | None = None) -> Scorecard:
    """Score an article given as a string. ``name`` becomes the article id.

    Raises :class:`InputError` when nothing is left to score (empty text, only page chrome).
    """
    from hypecheck.pipeline import default_analyzer

    return (analyzer or default_analyzer()).score_text(text, name, markdown)


def score_file(path: str | os.PathLike[str], analyzer: Analyzer | None = None) -> Scorecard:
    """Score one article file (.txt, .md, .html) or a URL given explicitly (http:// or https://).
    Raises :class:`InputError` with a one-line reason."""
    from hypecheck.pipeline import default_analyzer

    return (analyzer or default_analyzer()).score_file(path)


_LAZY = {
    # Loaded on first use, so `hypecheck --version` imports nothing but the CLI (bench/run.py line 6).
    "to_dataframe": "hypecheck.frame",
    "score_table": "hypecheck.frame",
    "Lexicons": "hypecheck.lexicon",
    "load_lexicons": "hypecheck.lexicon",
    "InputError": "hypecheck.read.load",
    "DimensionResult": "hypecheck.scorecard",
    "Evidence": "hypecheck.scorecard",
    "Failure": "hypecheck.scorecard",
    "Pitfall": "hypecheck.scorecard",
    "Scorecard": "hypecheck.scorecard",
    # The scoring pipeline loads nltk (and with it scipy, scikit-learn, numpy) on first use, so
    # `import hypecheck.cli` for `hypecheck --help` or `--version` does not pay for it.
    "Analyzer": "hypecheck.pipeline",
    "default_analyzer": "hypecheck.pipeline",
    "score_paths": "hypecheck.batch",
    "DIMENSIONS": "hypecheck.dimensions",
    "HYPE_WEIGHTS": "hypecheck.dimensions",
    # Charts load their module (and matplotlib) only when used.
    "draw_heatmap": "hypecheck.render.charts",
    "draw_numbers": "hypecheck.render.charts",
    "draw_profile": "hypecheck.render.charts",
    "draw_scatter": "hypecheck.render.charts",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'hypecheck' has no attribute {name!r}")


def with_terms(extra: Mapping[str, Iterable[tuple[str, float] | str]], analyzer: Analyzer | None = None) -> Analyzer:
    """An Analyzer whose lexicons also hold your terms, e.g.
    ``with_terms({"peacock_terms": [("stellar", 2.0), "epic"]})`` (a bare term weighs 1.0).

    The installed lexicon files are not touched; pass the result as ``analyzer=`` or call its
    ``score_text`` / ``score_file``; its scorecards list the terms under ``settings``.
    Lexicon names: :data:`hypecheck.lexicon.LEXICON_NAMES`. A settings file does the same from
    the command line (:mod:`hypecheck.settings`).
    """
    from hypecheck.pipeline import default_analyzer

    from hypecheck.settings import Settings

    base = analyzer or default_analyzer()
    terms = {name: tuple((t, 1.0) if isinstance(t, str) else (t[0], float(t[1])) for t in ts) for name, ts in extra.items()}
    return base.with_settings(Settings(terms=terms))


__all__ = [
    "DIMENSIONS",
    "HYPE_WEIGHTS",
    "Analyzer",
    "DimensionResult",
    "Evidence",
    "Failure",
    "InputError",
    "Lexicons",
    "Pitfall",
    "Scorecard",
    "__version__",
    "default_analyzer",
    "draw_heatmap",
    "draw_numbers",
    "draw_profile",
    "draw_scatter",
    "load_lexicons",
    "score_file",
    "score_paths",
    "score_table",
    "score_text",
    "to_dataframe",
    "with_terms",
]


def _show_in_notebooks() -> None:
    """Inside IPython (Jupyter), display scorecards as their HTML card; elsewhere load nothing."""
    if "IPython" in sys.modules and getattr(sys.modules["IPython"], "get_ipython", lambda: None)() is not None:
        from hypecheck.render.notebook import register

        register()


_show_in_notebooks()
