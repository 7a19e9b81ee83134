"""Archives (issue 17): collections of articles, one per row, scored locally or on a Dask cluster.

N rows in give N records out, bad rows as error records; column errors fail fast in one line;
the records are the same bytes whatever the engine, partitioning and number of workers.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hypecheck
from hypecheck.batch import run_batch
from hypecheck.cli import app
from hypecheck.read.collection import ColumnError, Columns, MissingExtra

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ARCHIVE_SKIP = 'needs the archive extra (dask, distributed, pyarrow): pip install -e ".[archive]"'


def seed_rows(n: int) -> list[dict]:
    """n articles: the seeds in turn, each with an id, a URL and (mostly) a title."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [
        {"id": f"s{i:03d}", "title": None if i % 7 == 3 else f"Story {i} of the day", "url": f"https://news.example/{i}", "text": texts[i % len(texts)]}
        for i in range(n)
    ]


BAD_ROWS = [
    {"id": "empty", "title": "Nothing here", "url": None, "text": ""},
    {"id": "junk", "title": "Junk", "url": None, "text": "\x00\x01\x02\x03\x04 binary" * 40},
    {"id": "long", "title": "Too long", "url": None, "text": "A sentence that goes on. " * 2000},  # 50,000 bytes
    {"id": "no-title", "url": "https://news.example/x", "text": SEEDS[1].read_text(encoding="utf-8")},
]
MAX_BYTES = 40_000


def write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[bytes, ...] = ()) -> Path:
    with path.open("wb") as handle:
        for row in rows:
            handle.write(json.dumps(row).encode() + b"\n")
        for line in extra_lines:
            handle.write(line + b"\n")
    return path


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def analyzer():
    from dataclasses import replace

    return replace(hypecheck.default_analyzer(), max_bytes=MAX_BYTES)


def test_jsonl_rows_give_one_record_each_and_bad_rows_an_error(tmp_path):
    collection = write_jsonl(
        tmp_path / "archive.jsonl",
        seed_rows(6) + BAD_ROWS,
        (b'{"id": "latin", "text": "caf\xe9 au lait"}', b"not json at all", b"[1, 2]", b'{"id": 9, "text": 12}', b'{"id": "no text column"}'),
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(collection), "--jsonl", str(out), "--max-bytes", str(MAX_BYTES), "--title-column", "title", "--url-column", "url"])
    assert result.exit_code == 1, result.output
    got = records(out)
    assert len(got) == 6 + len(BAD_ROWS) + 5  # N rows in, N records out, in order
    assert [r.get("id") or r["article"]["id"] for r in got[:6]] == [f"s{i:03d}" for i in range(6)]
    errors = {r["id"]: r["error"] for r in got if "error" in r}
    row = lambda n: f"{collection}#{n}"  # noqa: E731 (a row without an id is known by its key)
    assert set(errors) == {"empty", "junk", "long", row(11), row(12), row(13), "9", row(15)}
    assert "empty text" in errors["empty"]
    assert "binary" in errors["junk"]
    assert "above the limit of 40,000 bytes" in errors["long"]
    assert "not valid UTF-8" in errors[row(11)]
    assert "not valid JSON" in errors[row(12)]
    assert "not an object" in errors[row(13)]
    assert "int, not text" in errors["9"]
    assert "no 'text' in this row" in errors[row(15)]
    by_id = {r["article"]["id"]: r for r in got if "article" in r}
    assert by_id["no-title"]["article"]["url"] == "https://news.example/x"
    # The title is the first line; the URL stays out of the text (the article's own address is not a source).
    assert by_id["s000"]["article"]["title"] == "Story 0 of the day"
    plain = hypecheck.score_text("Story 0 of the day\n\n" + SEEDS[0].read_text(encoding="utf-8"), "s000")
    assert by_id["s000"]["dimensions"] == json.loads(plain.to_json())["dimensions"]


def test_resume_skips_the_rows_already_written(tmp_path):
    collection = write_jsonl(tmp_path / "a.jsonl", seed_rows(5) + BAD_ROWS[:1])
    full, cut = tmp_path / "full.jsonl", tmp_path / "cut.jsonl"
    run_batch([str(collection)], full, analyzer=analyzer())
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    cut.write_text("".join(lines[:3]) + lines[3][:50], encoding="utf-8")
    summary = run_batch([str(collection)], cut, resume=True, analyzer=analyzer(), partition_rows=2)
    assert (summary.total, summary.skipped) == (6, 3)
    assert cut.read_bytes() == full.read_bytes()


def test_csv_rows_are_read_like_files(tmp_path):
    text = SEEDS[2].read_text(encoding="utf-8")
    path = tmp_path / "archive.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text"])
        writer.writerow(["multi", "A quoted story title", text])  # newlines inside a quoted field
        writer.writerow(["blank", "Blank", ""])
        writer.writerow(["short", "Short"])  # a field missing
    with path.open("ab") as handle:  # a row in Windows-1252, as from an old export: read as a file in it would be
        handle.write("w1252,Curly quotes here,\"\u201cThis\u201d product is the best, says the company. It is the fastest on the market.\"\n".encode("cp1252"))
    out = tmp_path / "out.jsonl"
    run_batch([str(path)], out, columns=Columns(title="title"))
    got = records(out)
    assert len(got) == 4
    assert got[0]["article"]["title"] == "A quoted story title" and got[0]["article"]["words"] > 100
    assert "empty" in got[1]["error"] or "no text" in got[1]["error"]
    assert "2 fields where the header has 3" in got[2]["error"]
    assert got[3]["article"]["encoding"] == "cp1252"


def test_column_errors_fail_fast_in_one_line_naming_column_and_file(tmp_path):
    collection = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "body": "Text."}])
    result = runner.invoke(app, ["batch", str(collection), "--jsonl", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "'text'" in result.output and str(collection) in result.output and "--text-column" in result.output
    typed = write_jsonl(tmp_path / "b.jsonl", [{"id": "x", "text": 3}])
    result = runner.invoke(app, ["batch", str(typed), "--jsonl", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "'text' holds int" in result.output
    result = runner.invoke(app, ["batch", str(collection), "--text-column", "body", "--id-column", "key", "--jsonl", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "no column 'key' (--id-column)" in result.output
    assert not (tmp_path / "o.jsonl").exists()  # nothing was started


def test_parquet_column_of_the_wrong_type_fails_fast(tmp_path):
    pa = pytest.importorskip("pyarrow", reason=ARCHIVE_SKIP)
    import pyarrow.parquet as pq

    path = tmp_path / "numbers.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": [1]}), path)
    result = runner.invoke(app, ["batch", str(path), "--jsonl", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert f"{path}: column 'text' is int64, not text" in result.output


def test_score_table_scores_a_dataframe_row_by_row():
    pd = pytest.importorskip("pandas", reason="needs pandas: pip install -e '.[test]'")
    frame = pd.DataFrame(seed_rows(3) + BAD_ROWS[:2]).set_index("id", drop=False)
    table = hypecheck.score_table(frame, text="text", id="id", title="title")
    assert list(table.index) == list(frame.index)
    assert table.loc["empty", "error"].endswith("empty text")
    assert table["hype_index"].notna().sum() == 3
    record = json.loads(table.loc["s001", "scorecard"])
    assert record["article"]["title"] == "Story 1 of the day"
    assert record["hype_index"] == round(table.loc["s001", "hype_index"], 2)
    with pytest.raises(KeyError, match="no column 'body'"):
        hypecheck.score_table(frame, text="body")


def test_without_the_extra_dask_and_parquet_say_what_to_install(tmp_path, monkeypatch):
    collection = write_jsonl(tmp_path / "a.jsonl", seed_rows(1))
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    for options in (["--jsonl", str(tmp_path / "o.jsonl"), "--engine", "dask"], ["--parquet", str(tmp_path / "p")]):
        result = runner.invoke(app, ["batch", str(collection), *options])
        assert result.exit_code == 2, result.output
        assert result.output.count("\n") == 1 and 'pip install "hypecheck[archive]"' in result.output
    with pytest.raises(MissingExtra):
        run_batch([str(collection)], tmp_path / "o.jsonl", engine="dask")


# With the extra: a real Dask cluster ---------------------------------------------------------------


def archive_inputs(tmp_path: Path) -> list[str]:
    pytest.importorskip("distributed", reason=ARCHIVE_SKIP)
    pa = pytest.importorskip("pyarrow", reason=ARCHIVE_SKIP)
    import pyarrow.parquet as pq

    rows = seed_rows(200)
    parquet = tmp_path / "archive.parquet"
    pq.write_table(pa.table({k: [r[k] for r in rows] for k in ("id", "title", "url", "text")}), parquet, row_group_size=64)
    jsonl = write_jsonl(tmp_path / "more.jsonl", seed_rows(7) + BAD_ROWS, (b'{"id": "latin", "text": "caf\xe9"}',))
    return [str(parquet), str(jsonl)]


def test_a_dask_localcluster_gives_the_local_engines_records_byte_for_byte(tmp_path):
    inputs = archive_inputs(tmp_path)
    from distributed import LocalCluster

    columns = Columns(title="title", url="url")
    local = tmp_path / "local.jsonl"
    run_batch(inputs, local, jobs=1, analyzer=analyzer(), columns=columns)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = tmp_path / "dask.jsonl"
        summary = run_batch(
            inputs, on_dask, analyzer=analyzer(), columns=columns, engine="dask", scheduler=cluster.scheduler_address, partition_rows=37
        )
        parquet_dir = tmp_path / "parquet"
        run_batch(inputs, parquet=parquet_dir, analyzer=analyzer(), columns=columns, engine="dask", scheduler=cluster.scheduler_address, partition_rows=50)
    assert local.read_bytes() == on_dask.read_bytes()
    assert summary.total == len(records(local)) == 200 + 7 + len(BAD_ROWS) + 1
    assert summary.failed == 4  # empty, junk, too long, bad encoding; the row without a title is scored
    import pandas as pd

    table = pd.read_parquet(parquet_dir)
    assert len(list(parquet_dir.glob("part-*.parquet"))) == 4 + 1  # 200 rows in 50s, then the JSONL's 12
    assert "\n".join(table["scorecard"]) + "\n" == local.read_text(encoding="utf-8")
    assert table["error"].ne("").sum() == 4 and table["hype_index"].notna().sum() == 200 + 7 + 1


def parquet_records(folder: Path) -> list[str]:
    import pandas as pd

    return list(pd.read_parquet(folder)["scorecard"])


def test_a_dask_run_killed_part_way_and_resumed_has_one_record_per_row(tmp_path):
    inputs = archive_inputs(tmp_path)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "hypecheck", "batch", *inputs, "--parquet", str(out), "--engine", "dask", "--jobs", "2",
               "--partition-rows", "20", "--max-bytes", str(MAX_BYTES), "--title-column", "title"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 240
    while len(list(out.glob("part-*.parquet"))) < 3 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)  # the client, its cluster and workers: kill -9
    run.wait()
    done_before = len(list(out.glob("part-*.parquet")))
    assert 3 <= done_before < 11, "the run was not cut part-way"
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 1, resumed.stderr  # four bad rows
    assert f"{done_before * 20} already done" in resumed.stdout
    reference = tmp_path / "reference.jsonl"
    run_batch(inputs, reference, analyzer=analyzer(), columns=Columns(title="title"))
    assert parquet_records(out) == reference.read_text(encoding="utf-8").splitlines()
    assert not list(out.glob(".*")), "a temporary partition file was left behind"


def test_the_dask_dataframe_recipe_gives_the_same_rows_as_score_table():
    pd = pytest.importorskip("pandas", reason=ARCHIVE_SKIP)
    dd = pytest.importorskip("dask.dataframe", reason=ARCHIVE_SKIP)
    frame = pd.DataFrame(seed_rows(6) + BAD_ROWS[:1])  # empty cells become pandas.NA in Dask's partitions
    ddf = dd.from_pandas(frame, npartitions=3)
    meta = hypecheck.score_table(ddf._meta, title="title")
    scored = ddf.map_partitions(hypecheck.score_table, title="title", meta=meta).compute(scheduler="sync")
    whole = hypecheck.score_table(frame, title="title")
    assert list(scored["scorecard"]) == list(whole["scorecard"])
    assert list(scored.dtypes) == list(meta.dtypes)
    assert json.loads(scored["scorecard"].iloc[3])["article"]["title"] != "<NA>"


def test_progress_bar_shows_done_total_and_rate(tmp_path):
    collection = write_jsonl(tmp_path / "a.jsonl", seed_rows(3))
    result = runner.invoke(app, ["batch", str(collection), "--jsonl", str(tmp_path / "o.jsonl"), "--progress"])
    assert result.exit_code == 0
    assert "3/3 100%" in result.output and "articles/s" in result.output
    quiet = runner.invoke(app, ["batch", str(collection), "--jsonl", str(tmp_path / "o.jsonl")])
    assert "articles/s" not in quiet.output  # not a terminal: no bar


def test_a_report_on_a_collection_has_a_card_per_row(tmp_path):
    collection = write_jsonl(tmp_path / "class.jsonl", seed_rows(2) + BAD_ROWS[:1])
    results = hypecheck.score_paths([collection])
    assert [type(r).__name__ for r in results] == ["Scorecard", "Scorecard", "Failure"]
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", str(collection), "--out", str(out)])
    assert result.exit_code == 1 and "Report on 2 articles" in result.output and "(1 failed)" in result.output
    wrong = write_jsonl(tmp_path / "wrong.jsonl", [{"body": "Text."}])
    result = runner.invoke(app, ["report", str(wrong), "--out", str(tmp_path / "r2")])
    assert result.exit_code == 2 and "no column 'text'" in result.output


def test_a_collection_without_rows_is_one_error_record_not_nothing(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    header_only = tmp_path / "header.csv"
    header_only.write_text("id,text\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(empty), str(header_only)], out)
    assert (summary.total, summary.failed) == (2, 2)
    assert [r["error"] for r in records(out)] == [f"{empty}: a collection with no rows", f"{header_only}: a collection with no rows"]
