"""What a dimension is, for everything that is not its analysis: the one interface.

Each dimension module defines ``DIMENSION = Dimension(...)`` next to its ``analyze(facts)``;
:mod:`hypecheck.dimensions` lists them in one registry. The pipeline runs every registered
dimension; renderers, charts, the CSV row and the glossary read titles, colours, weights and
columns from the descriptor, so a new dimension is one module and one registry entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from hypecheck.facts import Facts
    from hypecheck.scorecard import DimensionResult


@dataclass(frozen=True)
class Column:
    """One column of the scores table (``scores.csv``, ``to_dataframe``) read from a metric."""

    name: str
    metric: str
    format: str = ""  # "": as is; "2f": two decimals; "bool": true/false; "join": "a; b"

    def value(self, metrics: Mapping[str, Any]) -> object:
        value = metrics[self.metric]
        if self.format == "2f":
            return f"{value:.2f}"
        if self.format == "bool":
            return str(bool(value)).lower()
        if self.format == "join":
            return "; ".join(value)
        return value


@dataclass(frozen=True)
class Dimension:
    key: str  # the JSON key, CLI name and chart key ("unattributed_numbers")
    title: str  # what a reader sees ("Unattributed numbers")
    short: str  # a chart's axis label ("unattributed\nnumbers")
    colour: str  # hex, from the Okabe-Ito palette (safe for the common colour blindness)
    weight: float  # share of the hype index
    glossary: str  # what it measures and its limits, in words a student understands
    metrics: tuple[str, ...]  # metric keys every result carries (checked by a test)
    columns: tuple[Column, ...]  # its columns in the scores table
    analyze: Callable[["Facts"], "DimensionResult"]

    def row(self, result: "DimensionResult") -> dict[str, object]:
        return {c.name: c.value(result.metrics) for c in self.columns}
