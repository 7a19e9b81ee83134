"""The command line, through typer's CliRunner."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
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
    [data] = json.loads(result.output)  # always an array, even for one input
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
    assert json.loads(result.output)[0]["article"]["id"] == "stdin"


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
    [data] = json.loads(result.output)
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


def test_json_is_one_array_with_an_error_record_in_place_of_each_failed_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = runner.invoke(app, ["score", SEED, str(empty), "seeds/000_580d1a68be6a3d31.txt", "--format", "json"])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["schema"] for r in records] == ["hypecheck.scorecard/1", "hypecheck.error/1", "hypecheck.scorecard/1"]
    assert records[1]["path"] == str(empty) and "empty" in records[1]["error"]


LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<dim>[a-z_.]+): (?P<message>.+) \(“(?P<quote>.+)”\)$")


def test_lines_format_points_at_the_evidence():
    result = runner.invoke(app, ["score", SEED, "--format", "lines"])
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    text = Path(SEED).read_text(encoding="utf-8").splitlines()
    card = json.loads(runner.invoke(app, ["score", SEED, "--format", "json"]).output)[0]
    evidence = sum(len(d["evidence"]) for d in card["dimensions"].values())
    evidence += sum(len(p["evidence"]) for p in card["pitfalls"]["items"] if p["flagged"])
    assert len(rows) == evidence
    dims = set()
    for row in rows:
        found = LINE.match(row)
        assert found, row
        assert found["path"] == SEED and "p=" not in found["message"]
        line, col = int(found["line"]), int(found["col"])
        first_word = found["quote"].split()[0].rstrip("…")
        assert text[line - 1][col - 1 :].startswith(first_word), row  # line and column count from 1
        dims.add(found["dim"].split(".")[0])
    assert {"promotional", "sourcing", "unattributed_numbers", "readability", "ai_disclosure", "pitfalls"} <= dims


def test_fail_above_exits_3_for_the_articles_above_the_threshold():
    high = runner.invoke(app, ["score", SEED, "seeds/000_580d1a68be6a3d31.txt", "--fail-above", "60", "--format", "lines"])
    assert high.exit_code == 3
    assert "1 of 2 articles above 60 (hype index)" in high.stderr and SEED in high.stderr
    assert high.stdout.startswith(SEED)  # the output is still written
    assert runner.invoke(app, ["score", SEED, "--fail-above", "90", "-f", "lines"]).exit_code == 0
    by_dimension = runner.invoke(app, ["score", "seeds/000_580d1a68be6a3d31.txt", "--fail-above", "50", "--dimension", "sourcing", "-f", "lines"])
    assert by_dimension.exit_code == 3 and "(sourcing score)" in by_dimension.stderr
    assert runner.invoke(app, ["score", "seeds/000_580d1a68be6a3d31.txt", "--fail-above", "50", "--dimension", "promotional", "-f", "lines"]).exit_code == 0


def test_fail_above_usage_errors_exit_2():
    for args in (["--dimension", "sourcing"], ["--fail-above", "120"], ["--fail-above", "50", "--dimension", "hype"]):
        result = runner.invoke(app, ["score", SEED, *args])
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


CONFIG = """# a newsroom's settings
weights = { readability = 0, ai_disclosure = 0 }
ignore = ["stellar"]

[terms]
peacock_terms = ["zorptastic"]
hype_adjectives = { "blorbful" = 2.0 }
"""
ARTICLE = "The zorptastic launch of the blorbful phone was stellar, the company said on Monday.\n"


def _score(args, cwd=None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    result = runner.invoke(app, ["score", "-", "--format", "json", *args], input=ARTICLE)
    return result, (json.loads(result.stdout)[0] if result.exit_code == 0 else None)


def test_config_file_in_the_working_folder_changes_terms_weights_and_says_so(tmp_path, monkeypatch):
    _, plain = _score([], tmp_path, monkeypatch)
    assert plain["settings"] == {"config": None, "weights": {}, "extra_terms": {}, "ignored_terms": []}
    (tmp_path / "hypecheck.toml").write_text(CONFIG, encoding="utf-8")
    result, mine = _score([], tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    words = lambda card: {e["text"].lower() for e in card["dimensions"]["promotional"]["evidence"]}
    assert "stellar" in words(plain) and "stellar" not in words(mine)
    assert {"zorptastic", "blorbful"} <= words(mine) and not {"zorptastic", "blorbful"} & words(plain)
    assert mine["dimensions"]["promotional"]["score"] > plain["dimensions"]["promotional"]["score"]
    assert mine["hype_weights"]["readability"] == 0 and abs(sum(mine["hype_weights"].values()) - 1) < 1e-9
    assert mine["settings"] == {
        "config": "hypecheck.toml",
        "weights": {"readability": 0.0, "ai_disclosure": 0.0},
        "extra_terms": {"peacock_terms": [["zorptastic", 1.0]], "hype_adjectives": [["blorbful", 2.0]]},
        "ignored_terms": ["stellar"],
    }


def test_config_from_pyproject_and_from_config_path(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.hypecheck]\nignore = ["stellar"]\n', encoding="utf-8")
    _, card = _score([], tmp_path, monkeypatch)
    assert card["settings"]["config"] == "pyproject.toml" and card["settings"]["ignored_terms"] == ["stellar"]
    other = tmp_path / "elsewhere.toml"
    other.write_text('[terms]\npeacock_terms = ["zorptastic"]\n', encoding="utf-8")
    _, card = _score(["--config", str(other)], tmp_path, monkeypatch)
    assert card["settings"]["config"] == str(other) and card["settings"]["ignored_terms"] == []  # --config wins over ./pyproject.toml


@pytest.mark.parametrize(
    "content, line, words",
    [
        ('ignore = ["x"]\nweights = { promotional = 0.5,\n', 2, "not valid TOML"),
        ('ignore = ["x"]\n\n[weights]\nhype = 0.5\n', 4, "unknown dimension 'hype'"),
        ('[terms]\npeacock_terms = ["ok"]\nnot_a_lexicon = ["x"]\n', 3, "unknown lexicon 'not_a_lexicon'"),
        ('weights = { sourcing = -1 }\n', 1, "must be a number 0 or more"),
        ('colour = "red"\n', 1, "unknown setting 'colour'"),
    ],
)
def test_malformed_config_is_one_line_naming_the_file_and_line(tmp_path, monkeypatch, content, line, words):
    (tmp_path / "hypecheck.toml").write_text(content, encoding="utf-8")
    result, _ = _score([], tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stdout == ""
    [message] = result.stderr.splitlines()
    assert message.startswith(f"hypecheck: error: hypecheck.toml:{line}") and words in message, message


def test_missing_config_path_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["score", SEED, "--config", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2 and result.stderr.strip() == f"hypecheck: error: {tmp_path / 'nope.toml'}: no such file"


def test_help_tells_what_is_accepted_and_shows_switches():
    text = " ".join(runner.invoke(app, ["score", "--help"]).output.split())
    assert ".html" in text and "URLs" in text and "--explain / --no-explain" in text and "<bool>" not in text
    assert "--fail-above" in text and "--format" in text and "lines" in text and "--config" in text


def test_the_report_says_which_settings_made_it(tmp_path, monkeypatch):
    (tmp_path / "hypecheck.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", str(Path(__file__).resolve().parent.parent / SEED), "--out", "r", "--no-date"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "Scored with settings from <code>hypecheck.toml</code>" in html and "zorptastic" in html and "ignored terms stellar" in html
    assert "readability 0.00" in html  # the weights line shows the weights used, not the defaults
