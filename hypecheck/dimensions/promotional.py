"""Promotional and sensational language: hype in both directions.

Five kinds of evidence, each with its own lexicons or rule: ``puffery`` (peacock terms,
superlatives, hype adjectives, grand claims: the PR glow), ``sensational`` (alarmist and fear
words: "ticking time bomb", "decimate", "chilling"), ``loaded`` (accusatory or outraged framing:
"LIED", "cover-up", "slammed"), ``exaggeration`` ("100% likely", "the whole world") and
``shouting`` (listed words of emphasis in capitals, "NOT", "THEY", never acronyms; runs of "!!"
or "?!"). A word in capitals that a lexicon lists counts as its lexicon's kind, amplified. Words
inside a quotation that a speaker said ("...," she said) weigh half: the article reports them; one
word in quotation marks with no speaker (scare quotes) is the article's own voice. A sensational
word in a sentence about the distant past ("in 1347", "the 14th century") is history, not alarm,
and is not counted. The headline's own hype words are tagged ``headline``; every headline also
goes to the clickbait model, whatever its length or punctuation.

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

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Mapping

from hypecheck.facts.document import Document, Sentence
from hypecheck.dimensions.descriptor import Column, Dimension
from hypecheck.facts import Facts, SentenceClassifier
from hypecheck.facts.matches import MatchTable, Tables
from hypecheck.lexicon import WORD, Entry, Lexicons, Match
from hypecheck.scorecard import DimensionResult, Evidence, saturate

NAME = "promotional"
# Lexicon -> the kind of hype it holds. Earlier lexicons win a word claimed by two.
LEXICON_KIND = {
    "peacock_terms": "puffery",
    "grand_claims": "puffery",
    "superlatives": "puffery",
    "hype_adjectives": "puffery",
    "sensational": "sensational",
    "loaded": "loaded",
    "exaggeration": "exaggeration",
}
HYPE_LEXICONS = tuple(LEXICON_KIND)
KINDS = ("puffery", "sensational", "loaded", "exaggeration", "shouting")
SHOUTED_FACTOR = 1.5  # a lexicon word written in capitals ("LIED") weighs this much more
SHOUTING_WEIGHT = 0.75  # a word of shouted_words.tsv in capitals ("NOT", "THEY")
PUNCTUATION_WEIGHT = 1.0  # a run of "!!" or "?!" (once per sentence)
MIN_SHOUTED_LETTERS = 3  # "US", "UK", "AI" are never shouting
QUOTED_FACTOR = 0.5  # words a speaker said, reported in quotation marks
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
    match: Match  # for shouting, a Match of the shouted word or punctuation's nearest word
    lexicon: str  # a lexicon name, or "shouting"
    weight: float
    reasons: tuple[str, ...]
    kind: str = "puffery"
    span: tuple[int, int] | None = None  # offsets into the sentence's text, when not the match's words


def find_hits(doc: Document, lex: Lexicons, tables: Tables | None = None, speakers: frozenset[int] = frozenset()) -> list[Hit]:
    """Every hype hit of the scored sentences. ``speakers``: sentences where a named source is
    attributed (facts.attributions), whose quotations are reported speech."""
    tables = tables or Tables.of(lex)
    hits: list[Hit] = []
    for sentence in doc.sentences:
        if sentence.kind in SCORED_KINDS:
            hits.extend(_sentence_hits(sentence, tables.words(sentence), sentence.index in speakers))
    return hits


def _sentence_hits(sentence: Sentence, table: MatchTable, named_speaker: bool = False) -> list[Hit]:
    words = sentence.words
    tokens = sentence.tokens
    raw = _lexicon_hits(sentence, table) if any(map(table.any, HYPE_LEXICONS)) else []
    shouted = _shouted_words(sentence, table, {k for m, _ in raw for k in range(m.first, m.last + 1)})
    marks = _PUNCTUATION.search(sentence.text + _trailing_marks(sentence))
    if not raw and not shouted and marks is None:
        return []
    raw.sort(key=lambda item: item[0].first)
    # A hedge inside a hype phrase ("100% likely") does not soften it.
    hedges = [h for h in table.find("hedges") if not any(m.first <= h.first and h.last <= m.last for m, _ in raw)]
    hedge_factor = min((h.entry.weight for h in hedges), default=1.0)
    intensifier_at = table.by_start("intensifiers")
    quotes = _quotations(sentence.text)
    reported = named_speaker or table.any("report_verbs")
    hits = []
    for i, (m, name) in enumerate(raw):
        weight = m.entry.weight
        # As written, lower-cased ("100% likely", not the matcher's "100 likely").
        matched = " ".join(sentence.text[tokens[m.first].start : tokens[m.last].end].split()).lower()
        reasons = [f"{_LEXICON_LABEL[name]} '{matched}'" + (f" (lexicon: {m.entry.term})" if m.entry.prefix else "")]
        if any(k in shouted for k in range(m.first, m.last + 1)):
            weight *= SHOUTED_FACTOR
            reasons.append("written in capitals (shouting)")
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
        voice = _quoted_voice(quotes, tokens[m.first].start, tokens[m.last].end, reported)
        if voice is not None:
            factor, why = voice
            weight *= factor
            reasons.append(why)
        hits.append(Hit(sentence, m, name, weight, tuple(reasons), LEXICON_KIND[name]))
    listed = {k for m, _ in raw for k in range(m.first, m.last + 1)}
    for k in sorted(shouted - listed):
        reason = f"'{tokens[k].text}' written in capitals (shouting)"
        hits.append(Hit(sentence, Match(_SHOUT_ENTRY, k, k), "shouting", SHOUTING_WEIGHT, (reason,), "shouting"))
    if marks is not None:
        reason = f"'{marks.group()}': a run of exclamation or question marks (shouting)"
        near = max((k for k, t in enumerate(tokens) if t.end <= marks.start()), default=0)
        hits.append(Hit(sentence, Match(_SHOUT_ENTRY, near, near), "shouting", PUNCTUATION_WEIGHT, (reason,), "shouting", (marks.start(), marks.end())))
    return hits


def _lexicon_hits(sentence: Sentence, table: MatchTable) -> list[tuple[Match, str]]:
    """The hype lexicons' matches that count, each with its lexicon, in lexicon order."""
    raw: list[tuple[Match, str]] = []
    # Words inside a non-evaluative phrase ("critical condition", "bomb squad") or a name ("Rich",
    # "Great Expectations" in running text) are not value judgements, so they cannot be hype.
    taken: set[int] = {k for m in table.find("not_hype") for k in range(m.first, m.last + 1)}
    names: set[int] = set()
    if sentence.kind in ("body", "list_item"):
        names = {k for k, t in enumerate(sentence.tokens) if k > 0 and t.text[:1].isupper() and not t.text.isupper()}
    history = _HISTORY.search(sentence.text) is not None
    for name in HYPE_LEXICONS:  # earlier lexicons win a word claimed by two
        if history and LEXICON_KIND[name] == "sensational":
            continue  # "the Black Death decimated Europe in 1347": history, not alarm
        for m in table.find(name):
            if m.first == m.last and m.first in names:
                continue  # a one-word hit on a capitalised word mid-sentence is a name
            if taken.isdisjoint(range(m.first, m.last + 1)):
                raw.append((m, name))
                taken.update(range(m.first, m.last + 1))
    return raw


_LEXICON_LABEL = {
    "peacock_terms": "peacock term",
    "grand_claims": "grand claim",
    "superlatives": "superlative",
    "hype_adjectives": "hype adjective",
    "sensational": "sensational (alarmist) word",
    "loaded": "loaded (accusatory) word",
    "exaggeration": "exaggeration",
}
_SHOUT_ENTRY = Entry("(capitals or !!)", SHOUTING_WEIGHT, "typographic shouting", ("",), False)
_CAPITALS = re.compile(r"[A-Z]{%d}" % MIN_SHOUTED_LETTERS)  # the shouted words and lexicons are ASCII
_PUNCTUATION = re.compile(r"!{2,}|\?+!+[?!]*|!+\?+[?!]*")
# A sentence about the distant past: a year before 1900, a century, the Middle Ages.
_HISTORY = re.compile(r"\b(?:1[0-8]\d\d)s?\b|\b\d{1,2}(?:st|nd|rd|th)[- ]century\b|\bMiddle Ages\b", re.IGNORECASE)
# Quotations: double quotes (straight or curly), or single quotes that open after a non-word
# character and close before one, so apostrophes ("It's") do not end them.
_QUOTATION = re.compile(r"“[^”]{1,600}”|\"[^\"]{1,600}\"|(?<!\w)['‘][^\n]{1,600}?['’](?!\w)")


def _trailing_marks(sentence: Sentence) -> str:
    """The "!" and "?" right after a sentence that the splitter cut off ("now!" + "!")."""
    after = sentence.text_after()
    return after[: len(after) - len(after.lstrip("!?"))]


def _quotations(text: str) -> list[tuple[int, int, int]]:
    """(start, end, words) of each quotation in a sentence's text."""
    return [(q.start(), q.end(), len(WORD.findall(q.group()))) for q in _QUOTATION.finditer(text)]


def _quoted_voice(quotes: list[tuple[int, int, int]], start: int, end: int, reported: bool) -> tuple[float, str] | None:
    """How a hit inside quotation marks counts: (factor, reason), or None when it is not quoted."""
    for q_start, q_end, n in quotes:
        if q_start <= start and end <= q_end:
            if n <= 1:
                return 1.0, "in scare quotes: the article's own voice"
            if reported:
                return QUOTED_FACTOR, "inside a quotation a speaker said: reported, not the article's own words (weighs half)"
            return 1.0, "in quotation marks with no speaker: counted as the article's voice"
    return None


def _shouted_words(sentence: Sentence, table: MatchTable, listed: set[int]) -> set[int]:
    """Positions of words in capitals that shout: a word of ``shouted_words.tsv`` ("NOT", "THEY")
    or a word a hype lexicon matched ("LIED"), at least three letters. Other capitals are read as
    acronyms or names (NASA, MAU). A line mostly in capitals is a style, not emphasis."""
    if _CAPITALS.search(sentence.text) is None:  # most sentences: one C-level check
        return set()
    tokens = sentence.tokens
    capitals = [k for k, t in enumerate(tokens) if len(t.text) >= MIN_SHOUTED_LETTERS and t.text.isupper()]
    if not capitals or 2 * len(capitals) > sum(1 for t in tokens if len(t.text) > 1):
        return set()
    words = table.by_start("shouted_words")
    return {k for k in capitals if k in listed or (k in words and words[k].last == k)}


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
    speakers = frozenset(a.sentence for a in facts.attributions if a.named or a.type == "self")
    hits = find_hits(doc, lex, facts.tables, speakers)
    scored = [s for s in doc.sentences if s.kind in SCORED_KINDS]
    words = max(1, sum(len(s.tokens) for s in scored))
    weighted = sum(h.weight for h in hits)
    density = 100 * weighted / words
    lexicon_score = saturate(density, HALF_DENSITY)
    hype_sentences = len({h.sentence.index for h in hits})

    terms = Counter((h.match.entry.term, h.lexicon) for h in hits if h.lexicon != "shouting")
    metrics: dict = {
        "lexicon_score": lexicon_score,
        "weighted_hits": weighted,
        "hits": len(hits),
        "density_per_100_words": density,
        "sentences_with_hype": hype_sentences,
        "sentence_share": hype_sentences / max(1, len(scored)),
        "by_lexicon": {name: sum(1 for h in hits if h.lexicon == name) for name in HYPE_LEXICONS},
        "by_kind": {kind: {"count": sum(1 for h in hits if h.kind == kind), "weight": sum(h.weight for h in hits if h.kind == kind)} for kind in KINDS},
        "headline_hits": sum(1 for h in hits if h.sentence.kind == "title"),
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
    headline = _headline(doc)
    metrics["headline_clickbait"] = None
    if headline_model is not None and headline:
        # Every headline, whatever its length or punctuation. A clickbait headline over a sober
        # body is worth showing; it does not move the score.
        first, last = headline[0], headline[-1]
        probability = headline_model([" ".join(s.text for s in headline)])[0]
        metrics["headline_clickbait"] = probability
        if probability >= CLICKBAIT_SHOWN:
            reason = f"the headline reads as clickbait (probability {probability:.2f}, headline model)"
            evidence += (Evidence(first.index, first.start, last.end, doc.quote(first.start, last.end), reason, 0.0, "clickbait_headline"),)
    return DimensionResult(NAME, score, _summary(hits, hype_sentences, len(scored), density), metrics, evidence)


def _headline(doc: Document) -> list[Sentence]:
    """The title's sentences (a headline with "?" or "!" inside is split like any text)."""
    title = [s for s in doc.sentences if s.kind == "title"]
    return [s for s in title if s.block == title[0].block] if title else []


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
    if hit.span is not None:
        start, end = hit.sentence.span(*hit.span)
    else:
        start, end = hit.sentence.token_span(hit.match.first, hit.match.last)
    # The headline's own hype is tagged "headline" (its lexicon is in the reason); kind says which hype.
    headline = hit.sentence.kind == "title"
    reason = "; ".join(("in the headline",) + hit.reasons if headline else hit.reasons)
    return Evidence(hit.sentence.index, start, end, doc.quote(start, end), reason, hit.weight, "headline" if headline else hit.lexicon, hit.kind)


def _summary(hits: list[Hit], hype_sentences: int, sentences: int, density: float) -> str:
    if not hits:
        return "No promotional or sensational wording from the lexicons was found."
    kinds = Counter(h.kind for h in hits)
    parts = ", ".join(f"{kinds[k]} {k}" for k in KINDS if kinds[k])
    return (
        f"{len(hits)} promotional or sensational expressions ({parts}) in {hype_sentences} of {sentences} sentences, counting the title and headings "
        f"({density:.1f} weighted per 100 words)."
    )


DIMENSION = Dimension(
    key=NAME,
    title="Promotional & sensational language",
    short="promotional &\nsensational",
    colour="#E69F00",
    weight=0.39,
    glossary=(
        "Hype in both directions, found with lexicons and a sentence model, per 100 words. Five kinds: "
        "puffery (the PR glow: 'game-changing', 'world-leading', 'a new era'); sensational, alarmist words "
        "that make a danger sound bigger than a plain account would ('ticking time bomb', 'decimate', "
        "'chilling', 'apocalyptic'); loaded, accusing or outraged framing ('LIED', 'cover-up', 'slammed', "
        "'disgraceful'); exaggeration ('100% likely', 'the whole world', 'never before'); and shouting "
        "(words of emphasis in capitals, 'Do NOT believe it', and runs of '!!' or '?!'). Grim facts stated "
        "plainly ('the outbreak killed 40 people', 'the death toll stood at 207') are not sensational. "
        "An intensifier before a hype word amplifies it, a hedge softens it; words in a quotation a speaker "
        "said weigh half (the article reports them), one word in scare quotes is the article's own voice. "
        "The headline is checked too (its hype words are tagged 'headline', and a clickbait model reads it). "
        "Limits: satire and parody read as hype; a direct quotation is still shown; medical and legal terms "
        "used literally ('panic disorder', 'criminally insane') are excluded only where listed; the word "
        "lists miss hype in plain words and can fire on a neutral use of a listed word."
    ),
    metrics=("matched_terms", "by_kind", "classifier_mean", "classifier_top", "headline_clickbait", "hits", "density_per_100_words"),
    columns=(Column("promotional_hits", "hits"), Column("promotional_per_100_words", "density_per_100_words", "2f")),
    analyze=analyze,
)
