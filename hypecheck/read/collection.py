"""Collections: JSONL, CSV and Parquet files with one article per row.

A row is read like a file whose bytes are its text: the same size limit, the same encoding and
binary checks (:func:`hypecheck.read.load.decode`), the same one-line errors. Its title, when a
title column is named, becomes the first line, as a web page's title does. Its URL is kept in the
scorecard (``article.url``) and not put into the text: the article's own address would count as a
cited source.

Every row gives one record: a row that cannot be read (bad JSON, a bad encoding, no text, text
over the size limit, a number where text belongs) is an error record with its reason, so N rows
in give N records out. A column that is missing from the file, or of the wrong type in its
schema (Parquet) or first row (JSONL), fails fast: :class:`ColumnError`, one line naming the
column and the file.

Rows are read as a stream, so a collection of any size is read in bounded memory; each row has
a key ``FILE#N`` (N counts rows from 1), unique in a batch, which ``--resume`` matches.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from hypecheck.read.load import InputError, Source, check_size, decode

COLLECTION_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
ARCHIVE_EXTRA = 'pip install "hypecheck[archive]"'


class ColumnError(InputError):
    """A column missing from a collection, or of the wrong type: the whole file cannot be read."""


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message says in one line what to install."""


@dataclass(frozen=True)
class Columns:
    """Which columns hold what. Without an id column (none named and no ``id`` column) the
    row's key is its id."""

    text: str = "text"
    id: str = "id"
    title: str | None = None
    url: str | None = None
    id_required: bool = False  # True when the user named the id column: then it must exist


@dataclass(frozen=True)
class Row:
    """One row of a collection, as read: its text (str, or bytes from a binary column) and the
    reason it cannot be scored, if one is already known."""

    key: str
    id: str
    data: str | bytes | None
    title: str | None = None
    url: str | None = None
    problem: str | None = None


def is_collection(path: str) -> bool:
    return Path(path).suffix.lower() in COLLECTION_SUFFIXES and Path(path).is_file()


def row_source(row: Row, max_bytes: int) -> Source:
    """The article a row holds, checked like a file. Raises :class:`InputError` with one line."""
    if row.problem:
        raise InputError(f"{row.key}: {row.problem}")
    if row.data is None:
        raise InputError(f"{row.key}: no text (the text column is empty)")
    if isinstance(row.data, str):
        try:
            data = row.data.encode("utf-8", "surrogateescape")  # CSV bytes that were not UTF-8 come back as they were
        except UnicodeEncodeError:
            raise InputError(f"{row.key}: the text is not valid Unicode (a lone surrogate)") from None
    else:
        data = row.data
    check_size(len(data), row.key, max_bytes)
    if not data.strip():
        raise InputError(f"{row.key}: empty text")
    text, encoding = decode(data, row.key)
    title = " ".join((row.title or "").split())
    return Source(row.id, row.key, f"{title}\n\n{text}" if title else text, False, encoding)


def make_row(key: str, fallback_id: str, text: Any, id_value: Any = None, title: Any = None, url: Any = None) -> Row:
    """A row from its cell values, whatever the format: a cell of the wrong type is the row's problem."""
    row_id = fallback_id if _missing(id_value) else str(id_value)
    problem = None
    if _missing(text):
        text = None
    elif not isinstance(text, (str, bytes)):
        problem = f"the text is {type(text).__name__}, not text"
        text = None
    return Row(key, row_id, text, None if _missing(title) else str(title), None if _missing(url) else str(url), problem)


def _missing(value: Any) -> bool:
    """None, NaN, or pandas' NA (an empty cell of a pandas or Dask string column)."""
    if value is None:
        return True
    if isinstance(value, (str, bytes, int)):
        return False
    try:
        return bool(value != value)  # NaN and NaT differ from themselves
    except TypeError:
        return True  # pandas.NA: comparing gives NA, whose truth value raises


def check_columns(path: str, columns: Columns) -> None:
    """Fail fast, before any scoring, when a named column is missing or of the wrong type."""
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        _check_parquet_schema(path, columns)
        return
    if suffix == ".csv":
        with _csv_text(path) as handle:
            header = next(csv.reader(handle), [])
        _check_names(path, columns, set(header))
        return
    first = _first_object(path)
    if first is None:
        return  # no row could be read: every row gets its own error record
    _check_names(path, columns, set(first))
    value = first.get(columns.text)
    if value is not None and not isinstance(value, str):
        raise ColumnError(f"{path}: column {columns.text!r} holds {type(value).__name__} in the first row, not text")


def _check_names(path: str, columns: Columns, present: set[str]) -> None:
    wanted = [("--text-column", columns.text), ("--title-column", columns.title), ("--url-column", columns.url)]
    if columns.id_required:
        wanted.append(("--id-column", columns.id))
    for option, name in wanted:
        if name is not None and name not in present:
            shown = ", ".join(sorted(present)[:12]) or "none"
            raise ColumnError(f"{path}: no column {name!r} ({option}); its columns: {shown}")


def count_rows(path: str) -> int:
    """How many rows a collection has (for a progress bar): Parquet from its metadata, the others by reading."""
    if Path(path).suffix.lower() == ".parquet":
        return _parquet(path).metadata.num_rows
    return sum(1 for _ in read_rows(path, Columns(text="", id="")))


def read_rows(path: str, columns: Columns, max_bytes: int = 10_000_000) -> Iterator[Row]:
    """The rows of one collection file, in order, as a stream."""
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        return _parquet_rows(path, columns)
    if suffix == ".csv":
        return _csv_rows(path, columns)
    return _jsonl_rows(path, columns, max_bytes)


def _key(path: str, n: int) -> str:
    return f"{path}#{n}"


def _from_mapping(path: str, n: int, record: dict[str, Any], columns: Columns) -> Row:
    key = _key(path, n)
    if columns.text and columns.text not in record:
        return Row(key, key, None, problem=f"no {columns.text!r} in this row")
    return make_row(
        key,
        key,
        record.get(columns.text),
        record.get(columns.id),
        record.get(columns.title) if columns.title else None,
        record.get(columns.url) if columns.url else None,
    )


# JSON Lines -------------------------------------------------------------------------------------


def _jsonl_rows(path: str, columns: Columns, max_bytes: int) -> Iterator[Row]:
    # A line may be longer than its text (JSON escapes), but not without bound: past this it is
    # refused without being held in memory.
    limit = 2 * max_bytes + 65_536
    n = 0
    with open(path, "rb") as handle:
        while line := handle.readline(limit):
            if len(line) >= limit and not line.endswith(b"\n"):
                while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
                    pass
                n += 1
                yield Row(_key(path, n), _key(path, n), None, problem=f"the row is over {limit:,} bytes, above the size limit")
                continue
            if not line.strip():
                continue
            n += 1
            try:
                record = json.loads(line)
            except UnicodeDecodeError:
                yield Row(_key(path, n), _key(path, n), None, problem="not valid UTF-8 (JSON Lines must be UTF-8)")
                continue
            except ValueError as err:
                yield Row(_key(path, n), _key(path, n), None, problem=f"not valid JSON ({str(err).split(':')[0]})")
                continue
            if not isinstance(record, dict):
                yield Row(_key(path, n), _key(path, n), None, problem=f"a JSON {type(record).__name__}, not an object")
                continue
            yield _from_mapping(path, n, record, columns)


def _first_object(path: str) -> dict[str, Any] | None:
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                try:
                    record = json.loads(line)
                except ValueError:
                    raise InputError(f"{path}: not JSON Lines (its first line is not a JSON object)") from None
                if not isinstance(record, dict):
                    raise InputError(f"{path}: not JSON Lines (its first line is a JSON {type(record).__name__}, not an object)")
                return record
    return None


# CSV --------------------------------------------------------------------------------------------


def _csv_text(path: str) -> io.TextIOWrapper:
    # Bytes that are not UTF-8 survive as surrogates and are decoded per row like a file's bytes.
    return open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _csv_rows(path: str, columns: Columns) -> Iterator[Row]:
    # The field limit is the csv module's (process-wide) guard; texts are checked against
    # --max-bytes per row instead.
    csv.field_size_limit(2**31 - 1)
    with _csv_text(path) as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        n = 0
        for fields in reader:
            if not fields:
                continue  # a blank line
            n += 1
            if len(fields) != len(header):
                key = _key(path, n)
                yield Row(key, key, None, problem=f"{len(fields)} fields where the header has {len(header)}")
                continue
            yield _from_mapping(path, n, dict(zip(header, fields)), columns)


# Parquet ----------------------------------------------------------------------------------------


def _parquet(path: str):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtra(f"reading Parquet needs pyarrow: {ARCHIVE_EXTRA}") from None
    try:
        return pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError, ...: all mean "not readable"
        raise InputError(f"{path}: not a readable Parquet file ({str(err).splitlines()[0][:120]})") from None


def _check_parquet_schema(path: str, columns: Columns) -> None:
    import pyarrow as pa

    schema = _parquet(path).schema_arrow
    _check_names(path, columns, set(schema.names))
    kind = schema.field(columns.text).type
    textual = (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_binary(kind)
               or pa.types.is_large_binary(kind) or pa.types.is_null(kind) or str(kind) in ("string_view", "binary_view"))
    if not textual:
        raise ColumnError(f"{path}: column {columns.text!r} is {kind}, not text")


def _parquet_rows(path: str, columns: Columns) -> Iterator[Row]:
    source = _parquet(path)
    names = set(source.schema_arrow.names)
    wanted = [c for c in dict.fromkeys((columns.text, columns.id, columns.title, columns.url)) if c and c in names]
    n = 0
    for batch in source.iter_batches(batch_size=1024, columns=wanted):
        for record in batch.to_pylist():
            n += 1
            yield _from_mapping(path, n, record, columns)
