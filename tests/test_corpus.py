"""The bad-input corpus (tests/corpus, written for the project): one record per input, the
good ones scored, every bad one a one-line error with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hypecheck
from hypecheck.cli import app

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED = {
    "README.txt": "scored",
    "archive.zip": "binary file (zip",
    "cp1252.txt": "scored",
    "document.pdf": "binary file (PDF)",
    "empty.txt": "empty file",
    "german.txt": "scored",
    "good.md": "scored",
    "good.txt": "scored",
    "image.png": "binary file (PNG",
    "latin1.txt": "scored",
    "page.html": "scored",
    "table.txt": "no sentences",
    "utf16.txt": "scored",
    "utf8-bom.txt": "scored",
    "whitespace.txt": "empty file",
    "missing.txt": "no such file",
}


def test_every_input_gives_one_record(tmp_path):
    out = tmp_path / "corpus.jsonl"
    result = CliRunner().invoke(app, ["batch", str(CORPUS), str(CORPUS / "missing.txt"), "--jsonl", str(out), "--jobs", "2"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(EXPECTED)
    for record in records:
        path = record.get("path") or record["article"]["path"]
        expected = EXPECTED[Path(path).name]
        if expected == "scored":
            assert record["schema"] == "hypecheck.scorecard/1", record
        else:
            assert record["schema"] == "hypecheck.error/1" and expected in record["error"], record
            assert "\n" not in record["error"]


def test_good_inputs_are_read_correctly():
    assert "café’s “budget” rose to 5€" in hypecheck.score_file(CORPUS / "cp1252.txt").original
    assert "Zürich" in hypecheck.score_file(CORPUS / "latin1.txt").original
    german = hypecheck.score_file(CORPUS / "german.txt")
    assert german.article.warnings
    html = hypecheck.score_file(CORPUS / "page.html")
    assert "Sign in" not in html.original and html.article.title == "Council approves budget"


def test_permission_denied_is_a_clear_error(monkeypatch):
    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(hypecheck.InputError, match="permission denied"):
        hypecheck.score_file(CORPUS / "good.txt")
