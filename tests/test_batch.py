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
