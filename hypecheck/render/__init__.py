"""Renderers: Scorecard in, text out. The core never imports this package."""

from __future__ import annotations

from hypecheck.scorecard import Scorecard
from hypecheck.render.markdown import render_markdown
from hypecheck.render.text import render_lines, render_text


def render_json(card: Scorecard) -> str:
    """The scorecard as indented JSON (schema ``hypecheck.scorecard/1``), byte-stable."""
    return card.to_json(indent=2) + "\n"


__all__ = ["render_json", "render_lines", "render_markdown", "render_text"]
