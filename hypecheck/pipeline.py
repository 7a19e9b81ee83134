"""load -> clean -> Document -> five analyzers and the pitfalls checklist -> Scorecard."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Mapping, Union

from nltk.tokenize.punkt import PunktSentenceTokenizer

from hypecheck.classifier import for_article, load_model
from hypecheck.dimensions import HYPE_WEIGHTS, REGISTRY, pitfalls
from hypecheck.facts import Facts, Models, SentenceClassifier, build_facts
from hypecheck.facts.document import Document, build_document, sentence_splitter
from hypecheck.lexicon import Lexicons, load_lexicons
from hypecheck.read.clean import clean
from hypecheck.read.load import DEFAULT_MAX_BYTES, FETCH_TIMEOUT, InputError, Source, is_url, read_path, read_text, read_url
from hypecheck.scorecard import REMOVED_WARNING_SHARE, ArticleInfo, Failure, Scorecard, bounded
from hypecheck.settings import Settings, hype_weights


@dataclass(frozen=True)
class Analyzer:
    """Everything scoring needs, loaded once: lexicons, sentence splitter, optional classifier."""

    lexicons: Lexicons
    splitter: PunktSentenceTokenizer
    classifier: SentenceClassifier | None = None
    max_bytes: int = DEFAULT_MAX_BYTES  # larger inputs are refused with a one-line error
    headline_model: SentenceClassifier | None = None
    weasel: SentenceClassifier | None = None
    # How the hype index weighs the dimensions, and the settings that changed anything (shown
    # in every scorecard this analyzer makes).
    weights: Mapping[str, float] = field(default_factory=lambda: dict(HYPE_WEIGHTS))
    settings: Settings = field(default_factory=Settings)
    fetch_timeout: float = FETCH_TIMEOUT  # seconds for a whole URL fetch (connect, headers, body)

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

    def with_settings(self, settings: Settings) -> "Analyzer":
        """This analyzer with a project's settings applied (:mod:`hypecheck.settings`): extra
        terms added, ignored terms dropped, the dimension weights replaced and rescaled."""
        lexicons = self.lexicons.extended(settings.terms).without(settings.ignore)
        merged = self.settings.merged(settings)
        weights = hype_weights(HYPE_WEIGHTS, merged.weights) if merged.weights else self.weights
        return replace(self, lexicons=lexicons, weights=weights, settings=merged)

    def document(self, source: Source) -> Document:
        cleaned = clean(source.text, self.lexicons.chrome, markdown=source.markdown)
        return build_document(source.id, source.path, source.text, cleaned, self.splitter, source.encoding)

    @property
    def models(self) -> Models:
        return Models(self.classifier, self.headline_model, self.weasel)

    def facts(self, doc: Document) -> Facts:
        """What every dimension reads, computed once for the article."""
        return build_facts(doc, self.lexicons, for_article(self.models))

    def score_document(self, doc: Document) -> Scorecard:
        facts = self.facts(doc)
        dimensions = {}
        for dimension in REGISTRY:
            result = dimension.analyze(facts)
            # The table row is made from the whole result; the scorecard keeps bounded evidence.
            dimensions[dimension.key] = bounded(replace(result, row=dimension.row(result)))
        share = doc.removed_words / doc.original_words if doc.original_words else 0.0
        article = ArticleInfo(
            doc.id, doc.path, doc.title, doc.word_count, len(doc.body), len(doc.removed), doc.encoding,
            facts.warnings + chrome_warnings(doc.removed_words, doc.original_words), doc.removed_words, share,
        )
        spans = tuple((s.start, s.end, s.kind) for s in doc.sentences)
        checklist = tuple(bounded(p) for p in pitfalls.analyze(facts))
        return Scorecard(article, dimensions, doc.original, spans, checklist, dict(self.weights), self.settings.to_dict(), doc.repairs)

    def score_source(self, source: Source) -> Scorecard:
        doc = self.document(source)
        if not doc.sentences:
            raise InputError(f"{source.path}: no article text left after removing page chrome")
        if not any(t.text[:1].isalpha() for s in doc.sentences for t in s.tokens):
            raise InputError(f"{source.path}: no sentences to read, only numbers and symbols (a table?)")
        return self.score_document(doc)

    def score_text(self, text: str, name: str = "text", markdown: bool = False) -> Scorecard:
        return self.score_source(read_text(text, name, markdown))

    def score_file(self, path: str | os.PathLike[str]) -> Scorecard:
        """Score a file (.txt, .md, .html) or a URL given explicitly (http:// or https://)."""
        if is_url(str(path)):
            return self.score_source(read_url(str(path), self.max_bytes, self.fetch_timeout))
        return self.score_source(read_path(path, self.max_bytes))


Result = Union[Scorecard, Failure]


def chrome_warnings(removed_words: int, original_words: int) -> tuple[str, ...]:
    """A warning when page-chrome removal took more than a third of the words: the scorecard may
    then describe the wrong text, and a reader must be able to see that."""
    if not original_words or removed_words <= REMOVED_WARNING_SHARE * original_words:
        return ()
    return (
        f"page chrome removal took {removed_words / original_words:.0%} of the words ({removed_words:,} of "
        f"{original_words:,}): check that the article was read whole",
    )


def score_one(path: str, analyzer: Analyzer) -> Result:
    """One input, one result: its Scorecard, or a Failure with a one-line reason."""
    try:
        return analyzer.score_file(path)
    except InputError as err:
        return Failure(str(path), str(err))


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The shared Analyzer with the installed lexicons, loaded once per process."""
    return Analyzer.load()

