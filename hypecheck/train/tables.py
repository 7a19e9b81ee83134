"""The training subset's file format: gzip TSV tables with a header line (``data/LICENCES.md``).

:mod:`hypecheck.train` reads them; :mod:`hypecheck.train.subset` cuts them from the public datasets.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path
from typing import Iterable, Sequence

# file -> its columns. "set" is the NPOV file a statement came from; "part" is train or test.
TABLES = {
    "clickbait.tsv.gz": ("clickbait", "headline"),
    "npov.tsv.gz": ("set", "statement"),
    "wnc.tsv.gz": ("part", "pre", "post"),
    "weasel.tsv.gz": ("part", "weasel", "sentence"),
}
NEUTRAL_SETS = ("featured", "cw-hard", "type_balanced")


class TableError(ValueError):
    """A subset file that is not what :data:`TABLES` says it is."""


def write_table(path: Path, rows: Iterable[Sequence[str]]) -> None:
    """Header and rows as TSV, gzip with no name or time stored: the same rows, the same bytes."""
    columns = TABLES[path.name]
    lines = ["\t".join(columns)]
    for row in rows:
        if len(row) != len(columns) or any("\t" in f or "\n" in f or "\r" in f for f in row):
            raise TableError(f"{path.name}: row {len(lines)} does not fit {columns}: {row!r}")
        lines.append("\t".join(row))
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))


def read_table(path: Path) -> list[list[str]]:
    """The rows of a subset file (header checked and left out)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
        lines = handle.read().split("\n")[:-1]
    columns = TABLES[path.name]
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise TableError(f"{path}: the header is not {chr(9).join(columns)!r}")
    rows = [line.split("\t") for line in lines[1:]]
    bad = next((i for i, row in enumerate(rows, 2) if len(row) != len(columns)), None)
    if bad:
        raise TableError(f"{path}: line {bad} does not have {len(columns)} fields")
    return rows


def digest(path: Path) -> str:
    """SHA-256 of the uncompressed table (gzip bytes can differ between zlib builds)."""
    with gzip.open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()
