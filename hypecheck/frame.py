"""Scorecards as a table: a pandas DataFrame for notebooks, a Parquet file for archives.

pandas and pyarrow are optional extras. Every table has the columns of the report's
``scores.csv`` (:data:`hypecheck.dimensions.TABLE_COLUMNS`) with fixed types: text, true/false,
or numbers (floats, empty for an input that failed), so the Parquet files of one batch share one
schema whatever their rows hold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Sequence

from hypecheck.scorecard import Failure, Scorecard

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

    from hypecheck.batch import Record
    from hypecheck.pipeline import Analyzer

TEXT_COLUMNS = frozenset({"id", "path", "title", "error", "ai_reviewer", "reading_band", "pitfalls"})
BOOL_COLUMNS = frozenset({"ai_disclosed"})
SCORECARD_COLUMN = "scorecard"  # the full record, as its JSONL line


def _pandas():
    try:
        import pandas as pd
    except ImportError:
        raise ImportError('tables need pandas: pip install "hypecheck[notebook]" (or pip install pandas)') from None
    return pd


def typed_columns(rows: Sequence[dict[str, Any]]) -> dict[str, list]:
    """The scores-table rows (``to_row()``) as columns of typed values, None where empty."""
    from hypecheck.dimensions import TABLE_COLUMNS

    columns: dict[str, list] = {}
    for name in TABLE_COLUMNS:
        values = [row.get(name) for row in rows]
        if name in TEXT_COLUMNS:
            columns[name] = [None if v is None else str(v) for v in values]
        elif name in BOOL_COLUMNS:
            columns[name] = [None if v in (None, "") else str(v).lower() == "true" for v in values]
        else:
            columns[name] = [None if v in (None, "") else float(v) for v in values]
    return columns


def to_dataframe(results: Iterable[Scorecard | Failure]) -> "pandas.DataFrame":
    """One row per input (scorecards and failures alike), one column per metric a class might
    sort by: the same columns as the report's ``scores.csv``, numbers as numbers.

    Needs pandas: ``pip install "hypecheck[notebook]"``.
    """
    pd = _pandas()
    return pd.DataFrame(typed_columns([r.to_row() for r in results])).set_index("id")


def score_table(
    df: "pandas.DataFrame",
    text: str = "text",
    id: str | None = "id",
    title: str | None = None,
    url: str | None = None,
    analyzer: "Analyzer | None" = None,
) -> "pandas.DataFrame":
    """Score a table of articles, one per row: the rows of ``scores.csv`` plus ``scorecard``
    (each row's full JSON record), on ``df``'s index. A row that cannot be scored (no text, a
    bad encoding, too long) is a row with ``error`` set, so N rows in give N rows out.

    The same function maps over a ``dask.dataframe`` (see README, "Scoring an archive")::

        ddf.map_partitions(hypecheck.score_table, meta=hypecheck.score_table(ddf._meta))
    """
    pd = _pandas()
    from hypecheck.batch import make_record
    from hypecheck.pipeline import default_analyzer
    from hypecheck.read.collection import make_row

    for option, name in (("text", text), ("title", title), ("url", url)):
        if name is not None and name not in df.columns:
            raise KeyError(f"score_table: no column {name!r} ({option}=); the columns are {', '.join(map(str, df.columns))}")
    analyzer = analyzer or default_analyzer()
    use_id = id is not None and id in df.columns

    def cell(column: str | None, position: int):
        return df[column].iat[position] if column is not None else None

    rows = [
        make_row(f"table#{label}", str(label), cell(text, i), cell(id, i) if use_id else None, cell(title, i), cell(url, i))
        for i, label in enumerate(df.index)
    ]
    records = [make_record(row, analyzer) for row in rows]
    columns = typed_columns([r.row for r in records])
    columns[SCORECARD_COLUMN] = [r.line.rstrip("\n") for r in records]
    frame = pd.DataFrame(columns, index=df.index)
    for name in columns:
        if name not in TEXT_COLUMNS | BOOL_COLUMNS | {SCORECARD_COLUMN}:
            frame[name] = frame[name].astype("float64")
        elif name in BOOL_COLUMNS:
            frame[name] = frame[name].astype("boolean")
        else:
            frame[name] = frame[name].astype("object")
    return frame


def require_pyarrow():
    """pyarrow, or a one-line :class:`MissingExtra` saying what to install."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        from hypecheck.read.collection import ARCHIVE_EXTRA, MissingExtra

        raise MissingExtra(f"--parquet needs pyarrow: {ARCHIVE_EXTRA}") from None
    return pyarrow


def records_table(records: Sequence["Record"]) -> "pyarrow.Table":
    """A batch partition as an Arrow table: the scores table with fixed types, and the full record."""
    pa = require_pyarrow()
    columns = typed_columns([r.row for r in records])
    columns[SCORECARD_COLUMN] = [r.line.rstrip("\n") for r in records]
    kinds = {name: pa.string() if name in TEXT_COLUMNS else pa.bool_() if name in BOOL_COLUMNS else pa.float64() for name in columns}
    kinds[SCORECARD_COLUMN] = pa.string()
    return pa.table(columns, schema=pa.schema(list(kinds.items())))


def write_parquet(records: Sequence["Record"], path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(records_table(records), path, compression="zstd")
