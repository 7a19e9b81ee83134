"""The training subset: exactly the rows and fields the models train and are evaluated on.

``python -m hypecheck.train.subset --from DATASETS --out hypecheck/train/data`` reads the public
datasets in their published layout (``clickbait-chakraborty2016/``, ``wiki-npov-hube2019/raw/``,
``wnc-sample/``, ``conll2010-wiki-weasel/``; provenance and licences in ``data/LICENCES.md``) and
writes one gzip TSV per source, with a header line, holding only what training reads: each
text as training sees it (line stripped, or whitespace collapsed for CoNLL-2010), its label or
set, its split where the source has one, in the order training reads them; empty lines and
pairs with an empty side are dropped, as training drops them. Nothing else is kept.
``python -m hypecheck.train`` reads these files (:mod:`hypecheck.train.tables`).
"""

from __future__ import annotations

import argparse
import csv
import gzip
from pathlib import Path
from typing import Sequence

from hypecheck.train.tables import NEUTRAL_SETS, digest, write_table

PARTS = ("train", "test")
SOURCES = ("clickbait-chakraborty2016", "wiki-npov-hube2019", "wnc-sample", "conll2010-wiki-weasel")

# The published layouts, read as training has always read them.


def source_lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        return [line.strip() for line in handle if line.strip()]


def clickbait_rows(source: Path) -> list[tuple[str, str]]:
    """Chakraborty et al.: every clickbait headline (1), then every news headline (0)."""
    folder = source / "clickbait-chakraborty2016"
    return [(label, line) for label, name in (("1", "clickbait_data.gz"), ("0", "non_clickbait_data.gz")) for line in source_lines(folder / name)]


def npov_rows(source: Path) -> list[tuple[str, str]]:
    """Hube & Fetahu: the biased statements, then the three neutral sets, each in file order."""
    folder = source / "wiki-npov-hube2019" / "raw"
    files = [("biased", "statements_biased")] + [(name, f"statements_neutral_{name}") for name in NEUTRAL_SETS]
    return [(name, line) for name, file in files for line in source_lines(folder / file)]


def wnc_rows(source: Path) -> list[tuple[str, str, str]]:
    """Wiki Neutrality Corpus sample: line-aligned (pre, post) pairs, train then test."""
    folder = source / "wnc-sample"
    rows = []
    for part in PARTS:
        pre = (folder / f"pre.{part}").read_text(encoding="utf-8").splitlines()
        post = (folder / f"post.{part}").read_text(encoding="utf-8").splitlines()
        rows += [(part, a.strip(), b.strip()) for a, b in zip(pre, post) if a.strip() and b.strip()]
    return rows


def weasel_rows(source: Path) -> list[tuple[str, str, str]]:
    """CoNLL-2010 Wikipedia: (part, 1 = weasel, sentence with whitespace collapsed), train then test."""
    rows = []
    for part in PARTS:
        with open(source / "conll2010-wiki-weasel" / f"{part}.csv", encoding="utf-8", newline="") as handle:
            found = [(part, str(int(r["label"])), " ".join(r["text"].split())) for r in csv.DictReader(handle)]
        rows += [row for row in found if row[2]]
    return rows


CUTTERS = {"clickbait.tsv.gz": clickbait_rows, "npov.tsv.gz": npov_rows, "wnc.tsv.gz": wnc_rows, "weasel.tsv.gz": weasel_rows}


def cut(source: Path, out: Path) -> list[tuple[str, int, str]]:
    """Write every table from the datasets folder ``source``; (file, rows, digest) for each."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows_of in CUTTERS.items():
        rows = rows_of(source)
        write_table(out / name, rows)
        written.append((name, len(rows), digest(out / name)))
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hypecheck.train.subset", description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, required=True, help="the public datasets folder")
    parser.add_argument("--out", type=Path, required=True, help="where to write the tables (hypecheck/train/data)")
    args = parser.parse_args(argv)
    absent = [name for name in SOURCES if not (args.source / name).is_dir()]
    if absent:
        parser.exit(2, f"{parser.prog}: error: --from {args.source}: no {absent[0]}/ (the public datasets folder)\n")
    try:
        written = cut(args.source, args.out)
    except (OSError, KeyError, ValueError) as error:
        parser.exit(2, f"{parser.prog}: error: {args.source}: {error}\n")
    for name, rows, sha in written:
        print(f"{name}\t{rows} rows\tsha256 of the TSV {sha}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
