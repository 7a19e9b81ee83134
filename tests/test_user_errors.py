"""Every mistake a user can make gives one line and the documented exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hypecheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds/000_580d1a68be6a3d31.txt")

# (arguments, expected exit code, text the one-line error must contain); {tmp} is a fresh folder
# holding "file.txt" (a good article).
MISTAKES = [
    (["score", "http://[bad"], 1, "not a valid URL"),
    (["score", "http://example.com:port/x"], 1, "not a valid URL"),
    (["score", "https://"], 1, "not a valid URL"),
    (["score", "{tmp}/no-such.txt"], 1, "no such file"),
    (["score", "{tmp}"], 1, "is a directory"),
    (["score", "{tmp}/file.txt/inside"], 1, "cannot be read"),
    (["score", "/dev/zero", "--max-bytes", "1000"], 1, "more than 1,000 bytes"),
    (["score", SEED, "--max-bytes", "0"], 2, "--max-bytes"),
    (["score", SEED, "--max-bytes", "ten"], 2, "--max-bytes"),
    (["score", SEED, "--timeout", "0"], 2, "--timeout"),
    (["score", SEED, "--timeout", "nan"], 2, "--timeout"),
    (["score", SEED, "--format", "pdf"], 2, "--format"),
    (["score", SEED, "--no-such-option"], 2, "No such option"),
    (["report", SEED, "--out", "{tmp}/file.txt/report"], 1, "cannot write the report"),
    (["chart", SEED, "--out", "{tmp}/chart.gif"], 2, ".png or .svg"),
    (["batch", SEED, "--jsonl", "{tmp}/missing-folder/out.jsonl"], 1, "cannot write"),
    (["compare", SEED, "{tmp}/no-such.txt"], 1, "no such file"),
]


@pytest.mark.parametrize("args, code, message", MISTAKES, ids=[" ".join(m[0]) for m in MISTAKES])
def test_a_user_mistake_is_one_line_and_an_exit_code(tmp_path, analyzer, args, code, message):
    (tmp_path / "file.txt").write_text("The council approved the budget on Monday, the mayor said.\n")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert message in result.output


def test_a_closed_pipe_ends_quietly():
    """`hypecheck score ... | head`: the reader goes away before the output is written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hypecheck", "score", SEED, "--explain"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) in (0, 1)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
