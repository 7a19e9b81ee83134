"""The five dimensions: one module each, a pure function of the article's facts, and one registry.

A dimension module defines ``analyze(facts) -> DimensionResult`` and a descriptor
``DIMENSION`` (:class:`~hypecheck.dimensions.descriptor.Dimension`: key, title, colour, weight,
glossary, declared metrics, table columns). :data:`REGISTRY` is the one list of them: the
pipeline scores every entry, and renderers, charts, the scores table and the glossary iterate
it, so adding a dimension means adding its module and one line here. The pitfalls checklist
(:mod:`hypecheck.dimensions.pitfalls`) is a section of its own, not part of the hype index.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from hypecheck.dimensions import ai_disclosure, promotional, readability, sourcing, unattributed_numbers
from hypecheck.dimensions.descriptor import Column, Dimension

# In the order every view shows them.
REGISTRY: tuple[Dimension, ...] = (
    promotional.DIMENSION,
    sourcing.DIMENSION,
    ai_disclosure.DIMENSION,
    readability.DIMENSION,
    unattributed_numbers.DIMENSION,
)
BY_KEY: Mapping[str, Dimension] = MappingProxyType({d.key: d for d in REGISTRY})
DIMENSIONS: tuple[str, ...] = tuple(BY_KEY)
# How the dimensions make the hype index, heaviest first (ties in registry order): promotional
# language and sourcing carry most of what a reader means by "hype"; unattributed numbers are
# the next sign of PR copy; readability and AI disclosure colour a reading but do not make a
# text hype on their own.
HYPE_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {d.key: d.weight for d in sorted(REGISTRY, key=lambda d: (-d.weight, REGISTRY.index(d)))}
)
# The scores table (scores.csv, to_dataframe): the article, its scores, each dimension's
# columns in registry order, then the pitfalls.
ARTICLE_COLUMNS = ("id", "path", "title", "error", "hype_index", *DIMENSIONS, "words", "sentences")
PITFALL_COLUMNS = ("pitfalls_found", "pitfalls")
TABLE_COLUMNS: tuple[str, ...] = (
    *ARTICLE_COLUMNS,
    *(c.name for d in REGISTRY for c in d.columns),
    *PITFALL_COLUMNS,
)

__all__ = ["BY_KEY", "DIMENSIONS", "HYPE_WEIGHTS", "REGISTRY", "TABLE_COLUMNS", "Column", "Dimension"]
