"""load -> clean -> Document -> five analyzers and the pitfalls checklist -> Scorecard."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Union

from nltk.tokenize.punkt import PunktSentenceTokenizer

from hypecheck.dimensions import ai_disclosure
from hypecheck.dimensions import pitfalls
from hypecheck.dimensions import promotional
from hypecheck.dimensions import readability
from hypecheck.dimensions import sourcing
from hypecheck.dimensions import unattributed_numbers
from hypecheck.classifier import load_model
from hypecheck.read.clean import clean
from hypecheck.facts.document import Document, build_document, sentence_splitter
from hypecheck.lexicon import Lexicons, load_lexicons
from hypecheck.read.load import DEFAULT_MAX_BYTES, InputError, Source, expand_inputs, is_url, read_path, read_text, read_url
from hypecheck.scorecard import ArticleInfo, Failure, Scorecard
from hypecheck.dimensions.promotional import SentenceClassifier


MIN_WORDS_FOR_LANGUAGE = 20
MIN_ENGLISH_SHARE = 0.12  # English news runs at 35-50% function words


@dataclass(frozen=True)
class Analyzer:
    """Everything scoring needs, loaded once: lexicons, sentence splitter, optional classifier."""

    lexicons: Lexicons
    splitter: PunktSentenceTokenizer
    classifier: SentenceClassifier | None = None
    max_bytes: int = DEFAULT_MAX_BYTES  # larger inputs are refused with a one-line error
    headline_model: SentenceClassifier | None = None
    weasel: SentenceClassifier | None = None

    @classmethod
    def load(cls, lexicons: Lexicons | None = None, models: bool = True) -> "Analyzer":
        """Lexicons, sentence splitter and the shipped models (JSON, no pickle): the promotional
        sentence model, the headline clickbait model and the weasel model. ``models=False``
        gives the lexicons alone (what training compares the models with)."""
        lex = lexicons or load_lexicons()
        abbreviations = tuple(e.term for e in lex["abbreviations"].entries)
        analyzer = cls(lex, sentence_splitter(abbreviations))
        if not models:
            return analyzer
        return replace(analyzer, classifier=load_model("promotional"), headline_model=load_model("clickbait"), weasel=load_model("weasel"))

    def with_lexicons(self, lexicons: Lexicons) -> "Analyzer":
        return replace(self, lexicons=lexicons)

    def document(self, source: Source) -> Document:
        cleaned = clean(source.text, self.lexicons.chrome, markdown=source.markdown)
        return build_document(source.id, source.path, source.text, cleaned, self.splitter, source.encoding)

    def score_document(self, doc: Document) -> Scorecard:
        subject = sourcing.subject_company(doc)
        attributions = sourcing.find_attributions(doc, self.lexicons, subject)
        dimensions = {
            "promotional": promotional.analyze(doc, self.lexicons, self.classifier, self.headline_model),
            "sourcing": sourcing.analyze(doc, self.lexicons, attributions, subject, self.weasel),
            "ai_disclosure": ai_disclosure.analyze(doc),
            "readability": readability.analyze(doc),
            "unattributed_numbers": unattributed_numbers.analyze(doc, attributions),
        }
        warnings = self._warnings(doc)
        article = ArticleInfo(doc.id, doc.path, doc.title, doc.word_count, len(doc.body), len(doc.removed), doc.encoding, warnings)
        spans = tuple((s.start, s.end, s.kind) for s in doc.sentences)
        checklist = pitfalls.analyze(doc, self.lexicons, attributions, subject, english=not warnings)
        return Scorecard(article, dimensions, doc.original, spans, checklist)

    def score_source(self, source: Source) -> Scorecard:
        doc = self.document(source)
        if not doc.sentences:
            raise InputError(f"{source.path}: no article text left after removing page chrome")
        if not any(t.text[:1].isalpha() for s in doc.sentences for t in s.tokens):
            raise InputError(f"{source.path}: no sentences to read, only numbers and symbols (a table?)")
        return self.score_document(doc)

    def _warnings(self, doc: Document) -> tuple[str, ...]:
        words = [t.lower for s in doc.body for t in s.tokens if t.text[:1].isalpha()]
        if len(words) >= MIN_WORDS_FOR_LANGUAGE:
            function_words = self.lexicons["english_function_words"]
            share = sum(1 for w in words if function_words.has_phrase((w,))) / len(words)
            if share < MIN_ENGLISH_SHARE:
                return (
                    f"probably not English ({share:.0%} English function words): the lexicons and "
                    "readability formulas are English-only, so these scores say little",
                )
        return ()

    def score_text(self, text: str, name: str = "text", markdown: bool = False) -> Scorecard:
        return self.score_source(read_text(text, name, markdown))

    def score_file(self, path: str | os.PathLike[str]) -> Scorecard:
        """Score a file (.txt, .md, .html) or a URL given explicitly (http:// or https://)."""
        if is_url(str(path)):
            return self.score_source(read_url(str(path), self.max_bytes))
        return self.score_source(read_path(path, self.max_bytes))


Result = Union[Scorecard, Failure]


def score_paths(
    paths: Iterable[str | os.PathLike[str]], analyzer: Analyzer | None = None, expand: bool = True
) -> list[Result]:
    """Score files, folders (every visible file in them) and globs. Every input gives one
    result, in order: a Scorecard, or a Failure with a one-line reason. With ``expand=False``
    each path must be a file (a folder is then a Failure)."""
    analyzer = analyzer or default_analyzer()
    results: list[Result] = []
    names = [str(p) for p in paths]
    for path in expand_inputs(names) if expand else names:
        try:
            results.append(analyzer.score_file(path))
        except InputError as err:
            results.append(Failure(str(path), str(err)))
    return results


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The shared Analyzer with the installed lexicons, loaded once per process."""
    return Analyzer.load()

