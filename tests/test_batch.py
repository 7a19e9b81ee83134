"""Batches lose nothing: one record per input, same bytes for any --jobs, --resume after a cut."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from hypecheck.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    (folder / "zz.md").write_bytes(b"%PDF-1.4 not really text")
    return folder


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_record_per_input_and_jobs_do_not_change_bytes(tmp_path):
    folder = corpus(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = runner.invoke(app, ["batch", str(folder), "--jsonl", str(one)])
    second = runner.invoke(app, ["batch", str(folder), "--jsonl", str(two), "--jobs", "2"])
    assert first.exit_code == second.exit_code == 1  # two inputs fail, and say so
    assert "empty file" in first.output and "binary file" in first.output
    assert one.read_bytes() == two.read_bytes()
    kinds = [r["schema"] for r in records(one)]
    assert kinds == ["hypecheck.scorecard/1"] * 5 + ["hypecheck.error/1"] * 2


def test_resume_after_an_interruption_keeps_done_work(tmp_path):
    folder = corpus(tmp_path)
    full, cut = tmp_path / "full.jsonl", tmp_path / "cut.jsonl"
    runner.invoke(app, ["batch", str(folder), "--jsonl", str(full)])
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    cut.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")  # killed mid-write
    result = runner.invoke(app, ["batch", str(folder), "--jsonl", str(cut), "--resume"])
    assert "2 already done" in result.output
    assert cut.read_bytes() == full.read_bytes()


def test_size_limit_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["score", str(ROOT / "seeds/001_cc3d44188af943b4.txt"), "--max-bytes", "1000"])
    assert result.exit_code == 1
    assert "6,132 bytes is above the limit of 1,000 bytes" in result.output
    assert runner.invoke(app, ["score", "-", "--max-bytes", "0"], input="x").exit_code == 2


def test_workers_score_with_the_callers_own_analyzer(tmp_path):
    """A custom Analyzer (extra terms) reaches every worker: --jobs 2 equals --jobs 1, byte for byte,
    and both differ from the default lexicons' scores."""
    import hypecheck
    from hypecheck.batch import run_batch, score_paths
    from hypecheck.read.load import expand_inputs

    folder = corpus(tmp_path)
    paths = expand_inputs([str(folder)])
    mine = hypecheck.with_terms({"peacock_terms": [("model", 3.0), ("company", 3.0)], "vague_sources": ["observers"]})
    one, two, plain = tmp_path / "one.jsonl", tmp_path / "two.jsonl", tmp_path / "plain.jsonl"
    run_batch(paths, one, jobs=1, analyzer=mine)
    run_batch(paths, two, jobs=2, analyzer=mine)
    run_batch(paths, plain, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    custom = [r["dimensions"]["promotional"]["score"] for r in records(two) if "dimensions" in r]
    default = [r["dimensions"]["promotional"]["score"] for r in records(plain) if "dimensions" in r]
    assert len(custom) == 5 and all(c > d for c, d in zip(custom, default))
    in_workers = score_paths([str(folder)], mine, jobs=2)
    assert [r.to_json() for r in in_workers if isinstance(r, hypecheck.Scorecard)] == [
        r.to_json() for r in score_paths([str(folder)], mine) if isinstance(r, hypecheck.Scorecard)
    ]


# Issue 19: batches lose nothing and never overwrite an input --------------------------------------


def test_resume_rescores_a_complete_last_record_that_lost_only_its_newline(tmp_path):
    folder = corpus(tmp_path)
    full, cut = tmp_path / "full.jsonl", tmp_path / "cut.jsonl"
    runner.invoke(app, ["batch", str(folder), "--jsonl", str(full)])
    lines = full.read_bytes().splitlines(keepends=True)
    cut.write_bytes(b"".join(lines[:4])[:-1])  # four whole records, the last without its newline
    result = runner.invoke(app, ["batch", str(folder), "--jsonl", str(cut), "--resume"])
    assert "3 already done" in result.output
    assert cut.read_bytes() == full.read_bytes()  # 7 inputs, 7 records: the fourth scored again, not lost


def test_an_output_that_is_an_input_is_refused_and_one_inside_an_input_folder_skipped(tmp_path):
    article = tmp_path / "v.txt"
    article.write_text((ROOT / "seeds/000_580d1a68be6a3d31.txt").read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes()
    result = runner.invoke(app, ["batch", str(article), "--jsonl", str(article)])
    assert result.exit_code == 2 and "is an input" in result.output
    assert article.read_bytes() == before
    folder = corpus(tmp_path)
    out = folder / "out.jsonl"  # the output inside the folder it scores
    first = runner.invoke(app, ["batch", str(folder), "--jsonl", str(out)])
    again = runner.invoke(app, ["batch", str(folder), "--jsonl", str(out), "--resume"])
    assert "7 already done" in again.output and first.exit_code == 1
    assert [json.loads(line).get("path") or json.loads(line)["article"]["path"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        str(p) for p in sorted(folder.iterdir()) if p.name != "out.jsonl"
    ]
    parquet_in = runner.invoke(app, ["batch", str(folder / "empty.txt"), "--parquet", str(folder)])
    assert parquet_in.exit_code == 2 and "is an input" in parquet_in.output


def test_pipes_broken_links_and_link_loops_in_a_folder_each_get_an_error_record(tmp_path):
    import os

    folder = tmp_path / "odd"
    folder.mkdir()
    shutil.copy(ROOT / "seeds/000_580d1a68be6a3d31.txt", folder / "a.txt")
    shutil.copy(ROOT / "seeds/001_cc3d44188af943b4.txt", folder / "b.txt")
    os.mkfifo(folder / "c-pipe")
    (folder / "d-broken").symlink_to(folder / "nowhere.txt")
    (folder / "e-loop").symlink_to(folder / "e-loop")
    (folder / "sub").mkdir()  # a subfolder is not an input
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "--jsonl", str(out), "--jobs", "2"])
    got = records(out)
    assert len(got) == 5 and result.exit_code == 1
    errors = [r["error"] for r in got if "error" in r]
    assert "c-pipe: empty (a named pipe nothing was written to)" in errors[0]  # read without blocking
    assert "d-broken: a symbolic link to a missing file" in errors[1]
    assert "e-loop: a symbolic link loop" in errors[2]


def test_ctrl_c_with_two_jobs_prints_one_line(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(400):
        shutil.copy(seeds[i % 5], folder / f"a{i:03d}.txt")
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen(
        [sys.executable, "-m", "hypecheck", "batch", str(folder), "--jsonl", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C does: every process of the terminal's group
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    assert err.strip().splitlines() == [f"hypecheck: interrupted; finished records are kept in {out}; run again with --resume"]
    assert 0 < len(out.read_text(encoding="utf-8").splitlines()) < 400
