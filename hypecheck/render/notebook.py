"""Scorecards in Jupyter: the HTML card and the Markdown view, registered as IPython formatters.

The Scorecard itself knows nothing of rendering; ``import hypecheck`` calls :func:`register`
when it runs inside IPython, and a notebook that imported hypecheck first can call it itself.
"""

from __future__ import annotations

from typing import Any

from hypecheck.render.html import render_card_html
from hypecheck.render.markdown import render_markdown
from hypecheck.scorecard import Scorecard


def register(shell: Any = None) -> bool:
    """Show every Scorecard as its HTML card (and Markdown) in ``shell`` (default: the running
    IPython). Returns False outside IPython."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type(Scorecard, render_card_html)
    formatters["text/markdown"].for_type(Scorecard, render_markdown)
    return True
