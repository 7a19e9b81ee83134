"""The attack corpus (tests/attack_corpus.py) through the batch engine and the class report.

Bounds from issue 18: each input under 2 s of CPU per 100 KB (at least 2 s for small ones; CPU
time, not wall time, so a busy machine does not fail it), no crash (a scorecard or a one-line
error), N inputs give N results and N rows; the scorecard's JSON stays under 10 times the input
(issue 19: evidence is capped). The report escapes every hostile title, author and file name,
and scores.csv neutralises spreadsheet formulas.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time

import pytest

from attack_corpus import ATTACKS, write_corpus
from hypecheck import DIMENSIONS, Failure, Scorecard
from hypecheck.batch import score_many
from hypecheck.read.load import expand_inputs

CPU_PER_100KB = 2.0
MIN_CPU = 2.0
OUTPUT_FACTOR = 10
MIN_OUTPUT = 60_000  # a scorecard of a one-line input is some 10 KB of JSON whatever its size


@pytest.fixture(scope="module")
def scored(tmp_path_factory, analyzer):
    """Every attack file scored once through the batch engine, with the CPU time each took."""
    folder = tmp_path_factory.mktemp("attack")
    write_corpus(folder)
    paths = expand_inputs([str(folder)])
    results, seconds = [], []
    stream = score_many(paths, analyzer)
    for _ in paths:
        start = time.process_time()
        results.append(next(stream))
        seconds.append(time.process_time() - start)
    assert next(stream, None) is None
    return folder, paths, results, seconds


def test_n_inputs_give_n_results_in_order(scored):
    folder, paths, results, _ = scored
    assert len(paths) == len(ATTACKS) == len(results)
    assert sorted(p.rsplit("/", 1)[1] for p in paths) == sorted(ATTACKS)
    for path, result in zip(paths, results):
        assert (result.article.path if isinstance(result, Scorecard) else result.path) == path


@pytest.mark.parametrize("name", list(ATTACKS))
def test_each_attack_ends_within_its_bounds(scored, name):
    folder, paths, results, seconds = scored
    i = paths.index(str(folder / name))
    result, took = results[i], seconds[i]
    size = (folder / name).stat().st_size
    assert took < max(MIN_CPU, CPU_PER_100KB * size / 100_000), f"{name}: {took:.1f} s CPU for {size:,} bytes"
    if isinstance(result, Failure):
        assert "\n" not in result.error and result.error.startswith(str(folder / name))
        return
    output = result.to_json()
    assert len(output.encode()) < max(MIN_OUTPUT, OUTPUT_FACTOR * size), f"{name}: {len(output):,} bytes of JSON"
    assert "NaN" not in output and "Infinity" not in output
    for d in DIMENSIONS:
        assert 0 <= result[d].score <= 100
        for e in result[d].evidence:
            assert result.original[e.start : e.end] == e.text


EXPECTED_ERRORS = {
    "nul-at-start.txt": "binary file",
    "chrome-only.txt": "no article text left",
    "attributes-200k.html": "pathological HTML",
}


@pytest.mark.parametrize("name, message", EXPECTED_ERRORS.items())
def test_what_cannot_be_read_says_why(scored, name, message):
    folder, paths, results, _ = scored
    result = results[paths.index(str(folder / name))]
    assert isinstance(result, Failure) and message in result.error


def _card(scored, name) -> Scorecard:
    folder, paths, results, _ = scored
    result = results[paths.index(str(folder / name))]
    assert isinstance(result, Scorecard), result
    return result


def test_bytes_in_odd_encodings_are_read(scored):
    assert _card(scored, "utf16-no-bom.txt").article.encoding == "utf-16-le"
    assert _card(scored, "utf16-be-no-bom.txt").article.encoding == "utf-16-be"
    assert _card(scored, "invalid-utf8.txt").article.encoding in ("cp1252", "iso-8859-1")
    assert "approved the budget" in _card(scored, "nested-100k.html").original  # libxml2 stops at its depth limit; the article stays


def test_hidden_characters_do_not_hide_hype_words(scored, score):
    """Zero-width spaces, soft hyphens and Cyrillic look-alikes inside a hype word: it still
    counts, and the evidence quotes the original characters (so a highlight lands on them)."""
    plain = score("The company unveiled a revolutionary, groundbreaking chip on Monday.\n")
    hidden = _card(scored, "zero-width-hype.txt")
    assert hidden["promotional"].score == pytest.approx(plain["promotional"].score)
    quoted = {e.text for e in hidden["promotional"].evidence}
    assert {"revolu\u200btionary", "ground\u00adbreaking"} <= quoted
    homoglyph = _card(scored, "homoglyph-hype.txt")
    assert "rev\u043elutionary" in {e.text for e in homoglyph["promotional"].evidence}
    # A word wholly in Cyrillic is not "corrected" into Latin.
    russian = score("Компания выпустила новый продукт в понедельник, и продажи выросли на пять процентов.\n")
    assert "Компания" in russian.sentence_text(0)


def test_evidence_is_capped_and_counted(scored):
    from hypecheck.scorecard import MAX_EVIDENCE

    result = _card(scored, "dollar-ones.txt")["unattributed_numbers"]
    data = result.to_dict()
    # The counts stay exact: every "$1" is a mention and a piece of evidence; the same value is one claim.
    mentions = result.metrics["mentions"]
    assert mentions > MAX_EVIDENCE and result.metrics["total"] == 1
    assert len(data["evidence"]) == MAX_EVIDENCE and data["evidence_omitted"] == mentions - MAX_EVIDENCE
    assert len(data["metrics"]["figures"]) == MAX_EVIDENCE and data["metrics_omitted"] == {"figures": mentions - MAX_EVIDENCE}
    from hypecheck.render import render_text

    assert f"{mentions - MAX_EVIDENCE:,} more evidence items left out of the scorecard" in render_text(_card(scored, "dollar-ones.txt"))


def _tags_and_handlers(page: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Every element name in the page, and every event-handler attribute (on...) it carries."""
    from html.parser import HTMLParser

    tags: set[str] = set()
    handlers: list[tuple[str, str]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.add(tag)
            handlers.extend((tag, name) for name, _ in attrs if name.lower().startswith("on"))

    Collect().feed(page)
    return tags, handlers


def test_the_report_escapes_hostile_names_and_neutralises_formulas(scored, tmp_path):
    from hypecheck.render.report import build_report

    folder, paths, results, _ = scored
    # The small inputs only: the report draws every article in full, and the megabyte ones
    # take minutes there (the report at scale is issue 19's item 9); they are bounded above.
    small = [(p, r) for p, r in zip(paths, results) if os.path.getsize(p) < 100_000]
    paths, results = [p for p, _ in small], [r for _, r in small]
    files = build_report(results, tmp_path / "report", None)
    page = files.index.read_text(encoding="utf-8")
    tags, handlers = _tags_and_handlers(page)
    assert "script" not in tags and not handlers, handlers  # the hostile markup stayed text
    assert "&lt;img src=x onerror=alert(3)&gt;" in page  # the file name, shown as text
    rows = list(csv.DictReader(io.StringIO(files.csv.read_text(encoding="utf-8"))))
    assert len(rows) == len(paths)
    assert len(files.jsonl.read_text(encoding="utf-8").splitlines()) == len(paths)
    for row in rows:
        for column in ("id", "path", "title", "error"):
            assert not (row[column] or "").startswith(("=", "+", "-", "@")), (column, row[column])
    titles = {row["title"] for row in rows}
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in titles
    assert any(json.loads(line).get("article", {}).get("title", "").startswith("=HYPERLINK") for line in files.jsonl.read_text().splitlines())
