"""Promotional language: puffery, superlatives, hype adjectives and grand claims.

Each lexicon hit is weighted by its entry and by its context, after the hype criteria of
Batalo et al. (EACL 2026): *amplified* by an intensifier just before it ("truly
groundbreaking", x the intensifier's weight), *coordinated* with another hype term close by
("novel and innovative", x1.25), and *limited* by a hedge in the same sentence ("may", "could",
x the hedge's weight). The weighted sum per 100 words is mapped to 0-100 with a saturating
curve (``HALF_DENSITY`` per 100 words gives 50), so a long article is not punished for length.

The trained sentence model (``hypecheck/models/promotional.json``; any callable that takes
the sentences' texts and returns one probability each fits the ``classifier`` seam) adds what
the word lists cannot see. Per sentence, the lexicon signal is its weighted hits on a
saturating curve (one plain hype term gives 0.5) and the combined signal is
``share * lexicon + (1 - share) * probability``; a sentence at or above ``threshold`` counts as
promotional. Share and threshold come with the model (chosen by the training command on the
seed labels, see ``MODEL_CARD.md``). The article score combines the same way:
``share * lexicon score + (1 - share) * 100 * classifier_top``, where ``classifier_top`` is the
mean probability of the article's most promotional-sounding fifth of sentences (at least one).
Evidence: every lexicon hit, with its sentence's probability, and the top sentences behind
``classifier_top`` where no lexicon term matched (said to be promotional from probability 0.7).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Mapping

from hypecheck.facts.document import Document, Sentence
from hypecheck.dimensions.descriptor import Column, Dimension
from hypecheck.facts import Facts, SentenceClassifier
from hypecheck.facts.matches import MatchTable, Tables
from hypecheck.lexicon import Lexicons, Match
from hypecheck.scorecard import DimensionResult, Evidence, saturate

NAME = "promotional"
HYPE_LEXICONS = ("peacock_terms", "grand_claims", "superlatives", "hype_adjectives")
HALF_DENSITY = 2.5  # weighted hype per 100 words that scores 50
COORDINATION_WINDOW = 3
COORDINATION_FACTOR = 1.25
INTENSIFIER_WINDOW = 2
SCORED_KINDS = ("title", "heading", "body", "list_item")
CLICKBAIT_SHOWN = 0.5  # a headline at or above this probability is shown as evidence
SENTENCE_HALF = 1.0  # weighted hits in one sentence that give a lexicon signal of 0.5
TOP_SHARE, TOP_MIN = 0.2, 1  # classifier_top: the mean of this share of sentences, at least this many
MODEL_SHOWN = 0.7  # a top sentence with no lexicon hit is shown when the model is fairly sure
DEFAULT_COMBINATION = {"lexicon_share": 0.7, "threshold": 0.45}  # for a model that brings none



@dataclass(frozen=True)
class Hit:
    sentence: Sentence
    match: Match
    lexicon: str
    weight: float
    reasons: tuple[str, ...]


def find_hits(doc: Document, lex: Lexicons, tables: Tables | None = None) -> list[Hit]:
    tables = tables or Tables.of(lex)
    hits: list[Hit] = []
    for sentence in doc.sentences:
        if sentence.kind in SCORED_KINDS:
            hits.extend(_sentence_hits(sentence, tables.words(sentence)))
    return hits


def _sentence_hits(sentence: Sentence, table: MatchTable) -> list[Hit]:
    words = sentence.words
    raw: list[tuple[Match, str]] = []
    # Words inside a non-evaluative phrase ("critical condition") or a name ("Rich", "Great
    # Expectations" in running text) are not value judgements, so they cannot be hype.
    taken: set[int] = {k for m in table.find("not_hype") for k in range(m.first, m.last + 1)}
    names: set[int] = set()
    if sentence.kind in ("body", "list_item"):
        names = {k for k, t in enumerate(sentence.tokens) if k > 0 and t.text[:1].isupper() and not t.text.isupper()}
    for name in HYPE_LEXICONS:  # earlier lexicons win a word claimed by two
        for m in table.find(name):
            if m.first == m.last and m.first in names:
                continue  # a one-word hit on a capitalised word mid-sentence is a name
            if taken.isdisjoint(range(m.first, m.last + 1)):
                raw.append((m, name))
                taken.update(range(m.first, m.last + 1))
    if not raw:
        return []
    raw.sort(key=lambda item: item[0].first)
    hedges = table.find("hedges")
    hedge_factor = min((h.entry.weight for h in hedges), default=1.0)
    intensifier_at = table.by_start("intensifiers")
    hits = []
    for i, (m, name) in enumerate(raw):
        weight = m.entry.weight
        matched = " ".join(words[m.first : m.last + 1])
        reasons = [f"{_LEXICON_LABEL[name]} '{matched}'" + (f" (lexicon: {m.entry.term})" if m.entry.prefix else "")]
        booster = _intensifier_before(m.first, intensifier_at)
        if booster is not None:
            weight *= booster.entry.weight
            reasons.append(f"amplified by '{' '.join(words[booster.first:booster.last + 1])}'")
        # raw is in text order and hits do not overlap, so the nearest hits are the neighbours.
        if any(_near(o, m) for o, _ in raw[max(0, i - 1) : i] + raw[i + 1 : i + 2]):
            weight *= COORDINATION_FACTOR
            reasons.append("stacked with other hype terms")
        if hedges and hedge_factor < 1.0:
            weight *= hedge_factor
            reasons.append(f"softened by the hedge '{hedges[0].entry.term.rstrip('*')}'")
        hits.append(Hit(sentence, m, name, weight, tuple(reasons)))
    return hits


_LEXICON_LABEL = {
    "peacock_terms": "peacock term",
    "grand_claims": "grand claim",
    "superlatives": "superlative",
    "hype_adjectives": "hype adjective",
}


def _intensifier_before(first: int, intensifier_at: Mapping[int, Match]) -> Match | None:
    for start in range(max(0, first - INTENSIFIER_WINDOW - 1), first):
        m = intensifier_at.get(start)
        if m is not None and first - INTENSIFIER_WINDOW <= m.last < first:
            return m
    return None


def _near(a: Match, b: Match) -> bool:
    gap = b.first - a.last if a.last < b.first else a.first - b.last
    return 0 < gap <= COORDINATION_WINDOW


def analyze(facts: Facts) -> DimensionResult:
    doc, lex = facts.doc, facts.lexicons
    classifier, headline_model = facts.models.promotional, facts.models.headline
    hits = find_hits(doc, lex, facts.tables)
    scored = [s for s in doc.sentences if s.kind in SCORED_KINDS]
    words = max(1, sum(len(s.tokens) for s in scored))
    weighted = sum(h.weight for h in hits)
    density = 100 * weighted / words
    lexicon_score = saturate(density, HALF_DENSITY)
    hype_sentences = len({h.sentence.index for h in hits})

    terms = Counter((h.match.entry.term, h.lexicon) for h in hits)
    metrics: dict = {
        "lexicon_score": lexicon_score,
        "weighted_hits": weighted,
        "hits": len(hits),
        "density_per_100_words": density,
        "sentences_with_hype": hype_sentences,
        "sentence_share": hype_sentences / max(1, len(scored)),
        "by_lexicon": {name: sum(1 for h in hits if h.lexicon == name) for name in HYPE_LEXICONS},
        "matched_terms": [
            {"term": term, "lexicon": name, "count": count}
            for (term, name), count in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "classifier_score": None,
    }
    metrics.update(classifier_mean=None, classifier_top=None, sentences_promotional=None)
    score = lexicon_score
    evidence = tuple(_evidence(doc, h) for h in hits)
    if classifier is not None and scored:
        probabilities = dict(zip((s.index for s in scored), classifier([s.text for s in scored])))
        share, threshold = combination(classifier)
        top = _top_sentences(probabilities)
        classifier_top = sum(probabilities[i] for i in top) / len(top)
        weights: Counter[int] = Counter()
        for h in hits:
            weights[h.sentence.index] += h.weight
        combined = {i: share * sentence_signal(weights[i]) + (1 - share) * p for i, p in probabilities.items()}
        metrics.update(
            classifier_mean=sum(probabilities.values()) / len(probabilities),
            classifier_top=classifier_top,
            classifier_score=100 * classifier_top,
            sentences_promotional=sum(1 for v in combined.values() if v >= threshold),
            combination={"lexicon_share": share, "threshold": threshold},
        )
        score = share * lexicon_score + (1 - share) * 100 * classifier_top
        evidence = _probability_once_per_sentence(evidence, probabilities, combined, threshold)
        evidence += tuple(_model_evidence(doc, i, probabilities[i]) for i in top if i not in weights)
    title = next((s for s in doc.sentences if s.kind == "title"), None)
    metrics["headline_clickbait"] = None
    if headline_model is not None and title is not None:
        # A clickbait headline over a sober body is worth showing; it does not move the score.
        probability = headline_model([title.text])[0]
        metrics["headline_clickbait"] = probability
        if probability >= CLICKBAIT_SHOWN:
            reason = f"the headline reads as clickbait (probability {probability:.2f}, headline model)"
            evidence += (Evidence(title.index, title.start, title.end, doc.quote(title.start, title.end), reason, 0.0, "clickbait_headline"),)
    return DimensionResult(NAME, score, _summary(len(hits), hype_sentences, len(scored), density), metrics, evidence)


def sentence_signal(weight: float) -> float:
    """A sentence's lexicon signal, 0..1: its weighted hits on a saturating curve."""
    return saturate(weight, SENTENCE_HALF) / 100


def combination(classifier: SentenceClassifier) -> tuple[float, float]:
    """(lexicon share, threshold) that the model was shipped with, or the defaults."""
    chosen = {**DEFAULT_COMBINATION, **getattr(classifier, "meta", {}).get("combination", {})}
    return float(chosen["lexicon_share"]), float(chosen["threshold"])


def _top_sentences(probabilities: dict[int, float]) -> list[int]:
    """The most promotional-sounding fifth of the sentences (at least one), by probability."""
    k = max(TOP_MIN, round(TOP_SHARE * len(probabilities)))
    return sorted(probabilities, key=lambda i: (-probabilities[i], i))[:k]


def _probability_once_per_sentence(
    evidence: tuple[Evidence, ...], probabilities: dict[int, float], combined: dict[int, float], threshold: float
) -> tuple[Evidence, ...]:
    """The sentence's probability and combined signal, added to the reason of its first hit."""
    out, seen = [], set()
    for e in evidence:
        if e.sentence not in seen:
            seen.add(e.sentence)
            e = _with_probability(e, probabilities[e.sentence], combined[e.sentence], threshold)
        out.append(e)
    return tuple(out)


def _with_probability(e: Evidence, probability: float, combined: float, threshold: float) -> Evidence:
    # Whether the sentence counts as promotional (combined >= threshold) is in the metrics; the
    # reason says what a student can weigh: the words found and the model's view in words.
    return replace(e, reason=f"{e.reason}; the wording model finds this sentence {model_degree(probability)}")


# The sentence model's probability in words a student reads (the number stays in the weight).
MODEL_DEGREES = ((0.8, "strongly promotional"), (0.6, "fairly promotional"), (0.4, "somewhat promotional"), (0.2, "barely promotional"))


def model_degree(probability: float) -> str:
    return next((words for bound, words in MODEL_DEGREES if probability >= bound), "not promotional")


def _model_evidence(doc: Document, index: int, probability: float) -> Evidence:
    """A top sentence with no lexicon hit: part of what ``classifier_top`` averages."""
    s = doc.sentences[index]
    if probability >= MODEL_SHOWN:
        reason = f"the wording model finds this sentence {model_degree(probability)}, though no listed hype word is in it"
    else:
        reason = f"among the sentences the wording model rates most promotional ({model_degree(probability)} on its own); they make up its part of the score"
    return Evidence(index, s.start, s.end, doc.quote(s.start, s.end), reason, probability, "classifier")


def _evidence(doc: Document, hit: Hit) -> Evidence:
    start, end = hit.sentence.token_span(hit.match.first, hit.match.last)
    return Evidence(hit.sentence.index, start, end, doc.quote(start, end), "; ".join(hit.reasons), hit.weight, hit.lexicon)


def _summary(hits: int, hype_sentences: int, sentences: int, density: float) -> str:
    if not hits:
        return "No promotional wording from the lexicons was found."
    return (
        f"{hits} promotional expressions in {hype_sentences} of {sentences} sentences, counting the title and headings "
        f"({density:.1f} weighted per 100 words)."
    )


DIMENSION = Dimension(
    key=NAME,
    title="Promotional language",
    short="promotional",
    colour="#E69F00",
    weight=0.35,
    glossary=(
        'Puffery, superlatives, hype adjectives and grand historical claims, found with lexicons and weighted by context (an intensifier before a hype word amplifies it, a hedge softens it), per 100 words. Limits: lexicons miss hype in plain words and can fire on a neutral use of a listed word.'
    ),
    metrics=("matched_terms", "classifier_mean", "classifier_top", "headline_clickbait", "hits", "density_per_100_words"),
    columns=(Column("promotional_hits", "hits"), Column("promotional_per_100_words", "density_per_100_words", "2f")),
    analyze=analyze,
)
