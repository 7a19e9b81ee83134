"""Scorecards as a pandas DataFrame, for notebooks. pandas is an optional extra."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from hypecheck.scorecard import Failure, Scorecard

if TYPE_CHECKING:  # pragma: no cover
    import pandas


def to_dataframe(results: Iterable[Scorecard | Failure]) -> "pandas.DataFrame":
    """One row per input (scorecards and failures alike), one column per metric a class might
    sort by: the same columns as the report's ``scores.csv``, numbers as numbers.

    Needs pandas: ``pip install "hypecheck[notebook]"``.
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError('to_dataframe needs pandas: pip install "hypecheck[notebook]" (or pip install pandas)') from None
    from hypecheck.dimensions import TABLE_COLUMNS

    frame = pd.DataFrame([r.to_row() for r in results], columns=list(TABLE_COLUMNS))
    text_columns = {"id", "path", "title", "error", "ai_disclosed", "ai_reviewer", "reading_band", "pitfalls"}
    for column in frame.columns:
        if column not in text_columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame["ai_disclosed"] = frame["ai_disclosed"].map({"true": True, "false": False})
    return frame.set_index("id")
