"""Hostile and odd input: finishes (no catastrophic backtracking), never raises, clear errors."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from hypecheck import DIMENSIONS, InputError
from hypecheck.cli import app
from hypecheck.load import decode

# Each of these once made a regular expression quadratic (minutes per input).
ADVERSARIAL = {
    "100k digits": "1" * 100_000,
    "thousands separators": "1" + ",000" * 30_000,
    "a run of spaces": "The council met." + " " * 50_000 + "It voted.",
    "one capitalised token": "A" * 20_000,
    "hyphenated capitals": "-".join(["Abc"] * 6_000),
    "according to, repeated": "according to " * 5_000,
    "nested brackets": "(" * 50_000 + "x" + ")" * 50_000,
    "no punctuation": "word " * 40_000,
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_input_is_scored(analyzer, name):
    text = ADVERSARIAL[name]
    card = analyzer.score_text(text)
    assert all(0 <= card[d].score <= 100 for d in DIMENSIONS)
    for d in DIMENSIONS:
        for e in card[d].evidence:
            assert text[e.start:e.end] == e.text


@pytest.mark.parametrize(
    "data, message",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", "binary file (PDF)"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary file (zip"),
        (b"\x89PNG\r\n\x1a\n", "binary file (PNG"),
        (b"   \n\t  ", "empty"),
    ],
)
def test_binary_and_empty_bytes_are_clear_errors(data, message):
    with pytest.raises(InputError, match=re.escape(message)):
        decode(data, "x")


def test_encodings_decode():
    assert decode("café".encode("utf-8-sig"), "x") == ("café", "utf-8")
    assert decode("café".encode("utf-16"), "x") == ("café", "utf-16")
    assert decode("café – 5€".encode("cp1252"), "x") == ("café – 5€", "cp1252")


def test_stdin_bytes_go_through_the_same_checks():
    runner = CliRunner()
    result = runner.invoke(app, ["score", "-"], input=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert result.exit_code == 1 and "binary file" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["score", "-", "--format", "json"], input="Sales rose 5% in caf\xe9.".encode("cp1252"))
    assert result.exit_code == 0 and "café" in result.output


def test_several_inputs_as_json_are_one_document(tmp_path):
    import json

    runner = CliRunner()
    seeds = ["seeds/000_580d1a68be6a3d31.txt", "seeds/003_e8c8fa8899392ec5.txt"]
    data = json.loads(runner.invoke(app, ["score", *seeds, "--format", "json"]).output)
    assert [d["article"]["id"][:3] for d in data] == ["000", "003"]
