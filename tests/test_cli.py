"""The command line, through typer's CliRunner."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from hypecheck import __version__
from hypecheck.cli import app

runner = CliRunner()
SEED = "seeds/001_cc3d44188af943b4.txt"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_text_scorecard_shows_bars_and_evidence():
    result = runner.invoke(app, ["score", SEED, "--no-color"])
    assert result.exit_code == 0, result.output
    assert "HYPE INDEX" in result.output
    assert "█" in result.output
    assert "»meteoric rise«" in result.output or "»formidable force«" in result.output
    assert "--explain shows all" in result.output


def test_explain_shows_more_than_default():
    short = runner.invoke(app, ["score", SEED, "--no-color"]).output
    full = runner.invoke(app, ["score", SEED, "--no-color", "--explain"]).output
    assert len(full) > len(short)


def test_json_format_is_the_schema():
    result = runner.invoke(app, ["score", SEED, "--format", "json"])
    data = json.loads(result.output)
    assert data["schema"] == "hypecheck.scorecard/1"
    assert data["dimensions"]["ai_disclosure"]["metrics"]["disclosed"] is True


def test_markdown_format():
    result = runner.invoke(app, ["score", SEED, "--format", "markdown"])
    assert result.exit_code == 0
    assert result.output.startswith("# hypecheck:")
    assert "| Promotional & sensational language |" in result.output


def test_stdin():
    result = runner.invoke(app, ["score", "-", "--format", "json"], input="Analysts say the stock will soar 50% this year.\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["article"]["id"] == "stdin"


def test_missing_file_is_one_line_error():
    result = runner.invoke(app, ["score", "no/such/file.txt"])
    assert result.exit_code == 1
    assert "no such file" in result.output
    assert "Traceback" not in result.output


def test_directory_and_empty_input_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n")
    result = runner.invoke(app, ["score", str(tmp_path), str(empty), SEED, "--format", "json"])
    assert result.exit_code == 1
    assert "is a directory" in result.output and "empty file" in result.output
    # The good input is still scored: a bad file does not stop the batch.
    assert '"schema": "hypecheck.scorecard/1"' in result.output


def test_empty_stdin():
    result = runner.invoke(app, ["score", "-"], input="")
    assert result.exit_code == 1 and "empty input" in result.output


def test_unknown_format_is_usage_error():
    result = runner.invoke(app, ["score", SEED, "--format", "pdf"])
    assert result.exit_code == 2


def test_markdown_neutralises_markup_from_the_article():
    hostile = "The <script>alert(1)</script> launch is the *best* ever, see [x](javascript:alert(1)) ![i](http://e/x.png).\n"
    result = runner.invoke(app, ["score", "-", "--format", "markdown", "--explain"], input=hostile)
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.output and "&lt;script&gt;" in result.output
    # Brackets arrive escaped, so no link or image can form.
    assert "javascript" in result.output
    assert not re.search(r"(?<!\\)\]\(", result.output)
    assert not re.search(r"(?<!\\)!(?<!\\)\[", result.output)


def test_a_single_unpunctuated_line_is_scored_as_text():
    result = runner.invoke(app, ["score", "-", "--format", "json"], input="Stocks soar to record highs on unprecedented AI hopes\n")
    data = json.loads(result.output)
    assert data["article"]["sentences"] == 1
    assert data["dimensions"]["promotional"]["score"] > 0


HEAVY = ("nltk", "sklearn", "scipy", "numpy", "matplotlib", "trafilatura", "pandas")


def test_help_and_version_start_without_the_scoring_stack():
    """`hypecheck --help` and `--version` answer at once: nothing of nltk (nor what it pulls in:
    scikit-learn, scipy, numpy) nor matplotlib or trafilatura is imported. A fresh process, since
    this one has long imported them."""
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from hypecheck.cli import app\n"
        "for args in (['--help'], ['--version'], ['score', '--help'], ['report', '--help']):\n"
        "    result = CliRunner().invoke(app, args)\n"
        "    assert result.exit_code == 0, (args, result.output)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_python_m_hypecheck_version_imports_no_nltk():
    root = Path(__file__).resolve().parent.parent
    script = (
        "import runpy, sys\n"
        "sys.argv = ['hypecheck', '--version']\n"
        "try:\n"
        "    runpy.run_module('hypecheck', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    assert exit.code in (0, None), exit.code\n"
        "print('nltk' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"hypecheck {__version__}", "False"]
