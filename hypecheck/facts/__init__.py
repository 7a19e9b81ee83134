"""Facts about one article, computed once and shared by every dimension.

The Document (sentences, tokens, figures, with offsets into the original) is built by the
pipeline; :func:`build_facts` adds what more than one dimension reads: the subject company,
every attribution, the language check, and the resources the Analyzer loaded once (lexicons,
sentence models). A dimension is a pure function ``analyze(facts) -> DimensionResult``: it
reads facts and never recomputes what another dimension needs too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from hypecheck.facts.attributions import Attribution, find_attributions, subject_company
from hypecheck.facts.document import Document
from hypecheck.facts.matches import Tables
from hypecheck.lexicon import Lexicons

SentenceClassifier = Callable[[Sequence[str]], Sequence[float]]

MIN_WORDS_FOR_LANGUAGE = 20
MIN_ENGLISH_SHARE = 0.12  # English news runs at 35-50% function words


@dataclass(frozen=True)
class Models:
    """The shipped sentence models (or any callables with their interface); None where absent."""

    promotional: SentenceClassifier | None = None
    headline: SentenceClassifier | None = None
    weasel: SentenceClassifier | None = None


@dataclass(frozen=True)
class Facts:
    doc: Document
    lexicons: Lexicons
    models: Models
    subject: str  # the company the article is about ("" when none stands out)
    attributions: tuple[Attribution, ...]
    warnings: tuple[str, ...]  # shown with the scorecard; today only "probably not English"
    tables: Tables  # each sentence's lexicon matches

    @property
    def english(self) -> bool:
        return not self.warnings


def build_facts(doc: Document, lexicons: Lexicons, models: Models) -> Facts:
    subject = subject_company(doc, lexicons)
    tables = Tables.of(lexicons)
    attributions = find_attributions(doc, lexicons, subject, tables)
    return Facts(doc, lexicons, models, subject, attributions, language_warnings(doc, lexicons), tables)


def language_warnings(doc: Document, lexicons: Lexicons) -> tuple[str, ...]:
    """A warning when the article is probably not English: the lexicons and formulas are English-only."""
    words = [t.lower for s in doc.body for t in s.tokens if t.text[:1].isalpha()]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        function_words = lexicons["english_function_words"]
        share = sum(1 for w in words if function_words.has_phrase((w,))) / len(words)
        if share < MIN_ENGLISH_SHARE:
            return (
                f"probably not English ({share:.0%} English function words): the lexicons and "
                "readability formulas are English-only, so these scores say little",
            )
    return ()
