"""Tokens, sentences and the figures prefilter equal what they replace, on any text.

``hypecheck.facts.document`` calls the word pattern and Punkt's patterns directly instead of
through nltk's ReDoS timeout wrapper, and ``find_numbers`` skips text that cannot hold a claim.
Each shortcut must give exactly what the plain call gives: nltk's ``RegexpTokenizer``, a plain
``PunktSentenceTokenizer`` and the full ``_CLAIM`` scan.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from conftest import ROOT, SEEDS
from hypecheck.facts.document import _tokens, sentence_splitter
from hypecheck.facts.numbers import _CLAIM, _MAY_CLAIM, _claims, find_numbers
from hypecheck.lexicon import WORD
from hypecheck.read.clean import clean
from hypecheck.read.load import InputError, read_path

NLTK_WORDS = RegexpTokenizer(WORD.pattern)
SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Characters where word and sentence rules are easy to get wrong: combining marks, Devanagari
# (vowel signs, virama, digits), Arabic (harakat, tatweel, digits), joiners and emoji sequences,
# both apostrophes, hyphens and dashes, digits of several scripts, quotes and sentence ends.
TRICKY = (
    "aZé\u0301n\u0308ß_"
    "नमस्ते कि\u094d\u0902०३"
    "مرحبا\u064e\u0640٣"
    "\u200d\u200c\U0001F469\U0001F3FD\ufe0f\U0001F4BB"
    "'’‘“”\"«»()[]-–—‐"
    "0123456789３²,;:%$€"
    ".?!… \n\t\u00a0\u2028"
)
WORDS = ["Dr.", "U.S.", "J.", "Mr", "e.g.", "No.", "3.", "1.5", "...", "Inc.", "co-founder", "it’s", "don't",
         "Sept.", "A.I.", "p.m.", "x.y.", "1-2.", "-4,5.", "“Yes.”", "(Sent.)", "AI", "hype", "said", "the", "said:", "—", "\n", "\n\n", " "]


def _prose() -> st.SearchStrategy[str]:
    """Sentence-like text: words, abbreviations and initials among spaces, quotes and ends."""
    piece = st.one_of(st.sampled_from(WORDS), st.text(alphabet=TRICKY, min_size=1, max_size=6))
    return st.lists(piece, max_size=40).map(" ".join)


TEXTS = st.one_of(st.text(), st.text(alphabet=TRICKY), _prose())


@pytest.fixture(scope="module")
def splitters(analyzer):
    """Ours, and the plain Punkt call it replaces, with the same shipped abbreviations."""
    abbreviations = tuple(e.term for e in analyzer.lexicons["abbreviations"].entries)
    params = PunktParameters()
    params.abbrev_types = {a.lower().rstrip(".") for a in abbreviations}
    return sentence_splitter(abbreviations), PunktSentenceTokenizer(params)


def _assert_tokens_equal_nltk(text: str) -> None:
    tokens = _tokens(text)
    assert [(t.start, t.end) for t in tokens] == list(NLTK_WORDS.span_tokenize(text))
    assert all(t.text == text[t.start : t.end] and t.lower == t.text.lower().replace("’", "'") for t in tokens)


@SETTINGS
@given(text=TEXTS)
def test_token_spans_equal_nltk_regexp_tokenizer(text):
    _assert_tokens_equal_nltk(text)


@SETTINGS
@given(text=TEXTS)
def test_sentence_spans_equal_plain_punkt(splitters, text):
    ours, plain = splitters
    assert list(ours.span_tokenize(text)) == list(plain.span_tokenize(text))


def _seed_and_corpus_blocks(analyzer):
    for path in [*SEEDS, *sorted((ROOT / "tests" / "corpus").iterdir())]:
        try:
            source = read_path(str(path))
        except InputError:
            continue  # not an article (an image, a PDF, an empty file)
        yield from clean(source.text, analyzer.lexicons.chrome, markdown=source.markdown).blocks


def test_seeds_split_and_tokenize_as_nltk_does(analyzer, splitters):
    ours, plain = splitters
    blocks = list(_seed_and_corpus_blocks(analyzer))
    assert len(blocks) > 50
    for block in blocks:
        spans = list(ours.span_tokenize(block.text))
        assert spans == list(plain.span_tokenize(block.text))
        for start, end in spans:
            _assert_tokens_equal_nltk(block.text[start:end])


def test_no_timeout_wrapper_on_the_path(analyzer, splitters, monkeypatch):
    """The point of the change: no match goes through nltk.redos's timed wrapper."""
    redos = pytest.importorskip("nltk.redos", reason="nltk before 3.10.3 has no timeout wrapper")

    def refuse(*args, **kwargs):
        raise AssertionError("a pattern was matched through nltk.redos.TimedPattern")

    for method in ("search", "match", "fullmatch", "findall", "finditer", "split", "sub", "subn"):
        monkeypatch.setattr(redos.TimedPattern, method, refuse)
    text = 'Dr. J. Smith said: "It works." (Really.) Sales rose 3.5%... in the U.S. Next, it’s 2. Then.'
    ours, _ = splitters
    assert len(list(ours.span_tokenize(text))) > 1
    assert _tokens(text)


def test_the_engine_matters():
    """Why the tokens use ``regex`` like nltk, not stdlib ``re``: they split Hindi differently."""
    text = "नमस्ते दुनिया"
    assert [t.text for t in _tokens(text)] == ["नमस्ते", "दुनिया"]
    assert re.findall(WORD.pattern, text) != ["नमस्ते", "दुनिया"]


# Number words in the cases and forms _CLAIM's digit-free branches match, and near misses.
CLAIM_WORDS = ["two", "Two", "ten", "TEN", "twelve", "a", "one", "One", "fold", "-fold", "tenfold", "Double", "TRIPLE",
               "quadruple", "digit", "Digit", "consecutive", "quarters", "million", "Billion", "trillion", "mn", "bn",
               "x", "×", "%", "percent", "$", "US$", "€", "3", "40,000", "1.5", "०३", "٣", "３", "²", "-", " ", "\n"]


@SETTINGS
@given(text=st.one_of(st.text(), st.lists(st.sampled_from(CLAIM_WORDS), max_size=12).map(" ".join),
                      st.lists(st.sampled_from(CLAIM_WORDS), max_size=12).map("".join)))
def test_prefilter_passes_every_text_with_a_claim(text):
    """find_numbers returns [] without scanning when _MAY_CLAIM finds nothing: only right if
    _CLAIM would have found nothing either."""
    assert _MAY_CLAIM.search(text) is not None or _CLAIM.search(text) is None


# The longest leads a match has before its first digit or keyword, and what may stand before them.
LEADS = ["QUADRUPLE-digit", "quadruple digit", "RMB  7", "USD 4", "NZ$ 3", "US$9", "three-fold", "eleven consecutive",
         "twelve consecutive", "one trillion", "a million", "×", "x", "5", "5,000", "2026", "per cent", "%", "-", "/", ".",
         "'", "Q3", "v2", "A$", "$", "tr", "uadruple-digit", "MB 5"]


def _claim_spans(matches) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]


@SETTINGS
@given(text=st.one_of(st.text(alphabet=TRICKY), st.lists(st.sampled_from(LEADS + CLAIM_WORDS), max_size=14).map(" ".join),
                      st.lists(st.sampled_from(LEADS + CLAIM_WORDS), max_size=14).map("".join)))
def test_claims_near_cues_equal_the_full_scan(text):
    """_claims tries _CLAIM only from _MAX_LEAD characters before each digit or keyword: it must
    find what finditer finds over the whole text, match for match."""
    assert _claim_spans(_claims(text)) == _claim_spans(_CLAIM.finditer(text))


def test_claims_equal_the_full_scan_on_the_seeds(analyzer):
    blocks = list(_seed_and_corpus_blocks(analyzer))
    found = 0
    for block in blocks:
        found += len(_claim_spans(_CLAIM.finditer(block.text)))
        assert _claim_spans(_claims(block.text)) == _claim_spans(_CLAIM.finditer(block.text))
    assert found > 50


@pytest.mark.parametrize(
    "sentence, figures",
    [
        ("Costs fell ten-fold.", ["ten-fold"]),
        ("Revenue grew at Double-digit rates.", ["Double-digit"]),
        ("It rose for nine consecutive quarters.", ["nine consecutive quarters"]),
        ("They raised a billion dollars.", ["a billion"]),
        ("No figures here at all.", []),
    ],
)
def test_digit_free_claims_still_found(sentence, figures):
    assert [n.text for n in find_numbers(sentence)] == figures
