"""Scorecards equal the saved reference, byte for byte: a refactoring or a speed-up may not move a
score, a metric, an evidence span or a reason. After a change that is meant to move scores, run
``python bench/reference.py --update`` and say why in the commit."""

from __future__ import annotations

import os
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import reference  # noqa: E402

CORPUS_ARTICLES = 40  # of the 1,000 in the reference; bench/reference.py --check runs them all


@pytest.fixture()
def at_root():
    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)


def test_seeds_and_corpus_files_equal_the_reference(analyzer, at_root):
    saved = reference.SEEDS_REFERENCE.read_text(encoding="utf-8").splitlines()
    now = reference.seed_lines(analyzer)
    assert len(now) == len(saved)
    for line, expected in zip(now, saved):
        assert line == expected


def test_bench_corpus_equals_the_reference(analyzer):
    saved = reference.CORPUS_REFERENCE.read_text(encoding="utf-8").splitlines()[:CORPUS_ARTICLES]
    assert reference.corpus_digests(analyzer, CORPUS_ARTICLES) == saved
