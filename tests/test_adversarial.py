"""Hostile and odd input: finishes (no catastrophic backtracking), never raises, clear errors."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from hypecheck import DIMENSIONS, InputError
from hypecheck.cli import app
from hypecheck.read.load import decode

# Each of these once made a regular expression quadratic (minutes per input).
ADVERSARIAL = {
    "100k digits": "1" * 100_000,
    "thousands separators": "1" + ",000" * 30_000,
    "a run of spaces": "The council met." + " " * 50_000 + "It voted.",
    "one capitalised token": "A" * 20_000,
    "hyphenated capitals": "-".join(["Abc"] * 6_000),
    "according to, repeated": "according to " * 20_000,
    "nested brackets": "(" * 50_000 + "x" + ")" * 50_000,
    "one 1 MB sentence without punctuation": "word " * 200_000,
    # Quadratic in the pitfall checks and the promotional coordination rule once (minutes at 1 MB).
    "AI comparisons without end": "AI " + "people beat " * 40_000,
    "AI minds without end": "model people decided " * 25_000,
    "analogies without end": "the Tesla of the AI era paradigm shift " * 12_000,
    # Every link checked against every reference line once (quadratic in facts/citations.py).
    "links and a source list without end": "Prices rose 5% (https://a.example/x). " * 8_000
    + "\n\n## Sources\n\n" + "- https://b.example/y\n" * 8_000,
    "footnote markers without end": "It grew 5%.[^1] " * 20_000 + "\n\n[^1]: Reuters, https://www.reuters.com/x\n",
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_input_finishes_with_a_scorecard_or_a_clear_error(analyzer, name):
    text = ADVERSARIAL[name]
    try:
        card = analyzer.score_text(text)
    except InputError as err:
        assert "no sentences" in str(err)  # only digits: nothing to read, said in one line
        return
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


@pytest.mark.parametrize(
    "text, codec, reported",
    [
        ("Café society – “quoted”", "utf-8", "utf-8"),
        ("Café society", "utf-8-sig", "utf-8-sig"),
        ("Café – 5€ for a “naïve” résumé", "cp1252", "cp1252"),
        ("Café naïve résumé über Straße", "latin-1", "iso-8859-1"),
        ("Café – 5€ news", "utf-16", "utf-16"),
        ("Plain news text in UTF-16 LE", "utf-16-le", "utf-16-le"),
        ("Plain news text in UTF-16 BE", "utf-16-be", "utf-16-be"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path, text, codec, reported):
    assert decode(text.encode(codec), "x") == (text, reported)
    article = tmp_path / "a.txt"
    article.write_bytes(f"{text}. The council met on Monday to discuss it.".encode(codec))
    from hypecheck import score_file

    card = score_file(article)
    assert card.article.encoding == reported and card.original.startswith(text)


def test_non_english_is_scored_with_a_warning(score):
    card = score(
        "Der Bundestag hat am Dienstag ein neues Gesetz beschlossen. Die Regierung erwartet, dass die "
        "Wirtschaft im nächsten Jahr um zwei Prozent wächst, sagte der Minister. Kritiker fordern mehr."
    )
    assert card.article.warnings and "not English" in card.article.warnings[0]
    assert not score("The council met on Monday and the mayor said the budget would pass next week.").article.warnings


def test_a_table_of_numbers_is_a_clear_error(score):
    with pytest.raises(InputError, match="no sentences"):
        score("2024  2025\n1.2  3.4\n5,000  6,000\n")


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
