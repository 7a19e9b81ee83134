"""The training subset shipped in hypecheck/train/data: documented, cut reproducibly from the
public datasets' own layout, and read by a training command that says clearly what is missing."""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

import pytest

from hypecheck import train
from hypecheck.train import subset, tables

DATA = train.DEFAULT_DATA


def test_every_shipped_table_is_documented_with_its_rows_and_digest():
    """LICENCES.md lists each file, its row count and the SHA-256 the cutter printed."""
    documented = re.findall(r"^\| `([\w.]+)` \| ([\d,]+) \| .*\| `([0-9a-f]{64})` \|$", (DATA / "LICENCES.md").read_text(encoding="utf-8"), re.M)
    shipped = sorted(p.name for p in DATA.glob("*.gz"))
    assert sorted(name for name, _, _ in documented) == shipped == sorted(tables.TABLES)
    for name, rows, sha in documented:
        assert len(tables.read_table(DATA / name)) == int(rows.replace(",", ""))
        assert tables.digest(DATA / name) == sha


def fake_datasets(root: Path) -> Path:
    """A few lines in each dataset's published layout, with the blanks training skips."""
    click = root / "clickbait-chakraborty2016"
    click.mkdir(parents=True)
    (click / "clickbait_data.gz").write_bytes(gzip.compress(b"You Won't Believe This\n\n  Ten Things  \n"))
    (click / "non_clickbait_data.gz").write_bytes(gzip.compress(b"Council approves budget\n"))
    npov = root / "wiki-npov-hube2019" / "raw"
    npov.mkdir(parents=True)
    for name, text in (("biased", "A truly great man.\n\n"), ("neutral_featured", "He was born in 1950.\n"),
                       ("neutral_cw-hard", "It is a town.\n"), ("neutral_type_balanced", "She sings.\n")):
        (npov / f"statements_{name}").write_text(text, encoding="utf-8")
    wnc = root / "wnc-sample"
    wnc.mkdir()
    for name, text in (("pre.train", "a great b\n\nc\n"), ("post.train", "a b\nd\n\n"), ("pre.test", "e\n"), ("post.test", "f\n")):
        (wnc / name).write_text(text, encoding="utf-8")
    weasel = root / "conll2010-wiki-weasel"
    weasel.mkdir()
    for part, rows in (("train", [("Some say\n  it works.", 1), ("  ", 0), ("It rained.", 0)]), ("test", [("Many believe so.", 1)])):
        with open(weasel / f"{part}.csv", "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([("text", "label"), *rows])
    return root


def test_the_cutter_keeps_what_training_reads_in_its_order(tmp_path):
    out = tmp_path / "subset"
    assert subset.main(["--from", str(fake_datasets(tmp_path / "datasets")), "--out", str(out)]) == 0
    assert train.clickbait_data(out) == (["You Won't Believe This", "Ten Things", "Council approves budget"], [1, 1, 0])
    assert train.npov_sets(out) == (
        ["A truly great man.", "He was born in 1950.", "It is a town.", "She sings."], [1, 0, 0, 0],
        ["biased", "featured", "cw-hard", "type_balanced"],
    )
    assert train.wnc_pairs(out, "train") == [("a great b", "a b")] and train.wnc_pairs(out, "test") == [("e", "f")]
    assert train.weasel_data(out, "train") == (["Some say it works.", "It rained."], [1, 0])
    assert train.weasel_data(out, "test") == (["Many believe so."], [1])


def test_the_cutter_writes_the_same_bytes_every_time(tmp_path):
    source = fake_datasets(tmp_path / "datasets")
    subset.cut(source, tmp_path / "a")
    subset.cut(source, tmp_path / "b")
    for name in tables.TABLES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_table_refuses_what_it_cannot_hold(tmp_path):
    with pytest.raises(tables.TableError, match="row 1"):
        tables.write_table(tmp_path / "npov.tsv.gz", [("biased", "a\ttab")])
    (tmp_path / "wnc.tsv.gz").write_bytes(gzip.compress(b"pre\tpost\na\tb\n"))
    with pytest.raises(tables.TableError, match="header"):
        tables.read_table(tmp_path / "wnc.tsv.gz")


@pytest.mark.parametrize("option", ["--data", "--seeds", "--seed-labels"])
def test_a_missing_input_is_a_one_line_error(option, tmp_path, capsys):
    absent = tmp_path / "absent"
    with pytest.raises(SystemExit) as stopped:
        train.main([option, str(absent), "--out", str(tmp_path / "out")])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and f"{option} {absent}" in error
    assert not (tmp_path / "out").exists()


def test_a_folder_that_is_not_the_subset_says_how_to_cut_one(tmp_path, capsys):
    with pytest.raises(SystemExit):
        train.main(["--data", str(tmp_path), "--out", str(tmp_path / "out")])
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "no clickbait.tsv.gz" in error and "python -m hypecheck.train.subset" in error


def test_the_cutter_says_which_dataset_is_missing(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        subset.main(["--from", str(tmp_path), "--out", str(tmp_path / "out")])
    assert stopped.value.code == 2 and not (tmp_path / "out").exists()
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "no clickbait-chakraborty2016/" in error
