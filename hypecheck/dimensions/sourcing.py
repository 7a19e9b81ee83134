"""Sourcing: who says so, and how much rests on weak sources?

The attributions themselves are facts of the article (:mod:`hypecheck.facts.attributions`,
found once and shared with ``unattributed_numbers`` and the pitfalls); this module scores them.

Score: 45% the weak share of all attributions (a self-claim counts three quarters weak, so "the
company says" is not scored as no source at all; a list of sources counts as its items), 45% how
far the article falls short of one named attribution per six body sentences, and 10% the share of
the sentences stating figures that name no source in them or just before them. No attribution
at all scores 100 (with no figures, the shortfall of named sources stands for the third part).
"""

from __future__ import annotations

from collections import Counter
from hypecheck.dimensions.descriptor import Column, Dimension
from hypecheck.facts import Facts
from hypecheck.facts.attributions import NAMED_TYPES, OWN_DATA, OWN_SURVEY, WEAK_TYPES, Attribution
from hypecheck.facts.citations import SITE
from hypecheck.facts.document import Document
from hypecheck.lexicon import normalize_words
from hypecheck.scorecard import DimensionResult, Evidence, clamp

NAME = "sourcing"
WEAK_WEIGHT = {"self": 0.75, "social": 1.0, "vague": 1.0}
SENTENCES_PER_NAMED_SOURCE = 6
# The score's parts: the weak share of the attributions, the shortfall of named sources, and the
# share of the sentences stating figures that name no source (in them or just before them).
# Chosen on bench/validity's half A (rho 0.73 -> 0.79 against 4 - the readers' sourcing quality).
WEIGHTS = {"weak": 0.45, "coverage": 0.45, "unsourced": 0.10}
WEASEL_SHOWN = 0.7  # a weasel-model probability from which an unattributed sentence is shown


def analyze(facts: Facts) -> DimensionResult:
    doc, attributions, subject, weasel = facts.doc, facts.attributions, facts.subject, facts.models.weasel
    counts = Counter(a.type for a in attributions if a.via != OWN_SURVEY)
    named = sum(counts[t] for t in NAMED_TYPES)
    # A list of sources under a heading counts as each of its items: a reader can check them all.
    named_items = sum(a.items for a in attributions if a.type in NAMED_TYPES)
    weak = sum(counts[t] * WEAK_WEIGHT[t] for t in WEAK_TYPES)
    body_sentences = max(1, len(doc.body))
    target = max(1.0, body_sentences / SENTENCES_PER_NAMED_SOURCE)
    coverage = min(1.0, named_items / target)
    weak_count = sum(counts[t] for t in WEAK_TYPES)
    # "The company says" is weak, but it is a source: a self-claim counts three quarters weak.
    weak_share = weak / (named_items + weak_count) if named_items + weak_count else 1.0
    unsourced = _unsourced_claims(doc, attributions)
    with_figures = sum(1 for s in doc.body if s.figures)
    # With no figures, the shortfall of named sources stands for this part too.
    unsourced_share = len(unsourced) / with_figures if with_figures else 1 - coverage
    score = clamp(100 * (WEIGHTS["weak"] * weak_share + WEIGHTS["coverage"] * (1 - coverage) + WEIGHTS["unsourced"] * unsourced_share))

    evidence = tuple(_evidence(doc, a) for a in attributions)
    possible = _weasel_sentences(doc, attributions, weasel) if weasel is not None else ()
    evidence = tuple(sorted(evidence + unsourced + possible, key=lambda e: (e.start, e.end)))
    sources = _distinct_sources(attributions)
    metrics = {
        "named": named,
        "vague": counts["vague"] + counts["social"],
        "self": counts["self"],
        "social": counts["social"],
        "vague_only": counts["vague"],
        "attributions": len(attributions),
        "by_type": {t: counts[t] for t in (*NAMED_TYPES, *WEAK_TYPES)},
        # A list of sources under a heading names each of its items.
        "named_distinct": sum(s.get("items", 1) for s in sources if s["type"] in NAMED_TYPES),
        "weak_share": weak_share,
        "named_coverage": coverage,
        "unsourced_figure_share": unsourced_share,
        "subject_company": subject,
        "sources": sources,
        "weasel_sentences": len(possible) if weasel is not None else None,
    }
    return DimensionResult(NAME, score, _summary(named, counts, len(sources)), metrics, evidence)


def _weasel_sentences(doc: Document, attributions: tuple[Attribution, ...], weasel) -> tuple[Evidence, ...]:
    """Body sentences with no attribution found that the weasel model reads as vaguely sourced.

    Shown for a reader to check, not counted in the score: on the seed labels the model finds
    more false alarms than the patterns miss (see hypecheck/models/MODEL_CARD.md).
    """
    attributed = {a.sentence for a in attributions}
    candidates = [s for s in doc.body if s.index not in attributed]
    found = []
    for sentence, probability in zip(candidates, weasel([s.text for s in candidates])):
        if probability >= WEASEL_SHOWN:
            sure = "fairly sure" if probability >= 0.8 else "inclined to think" if probability >= 0.6 else "not sure"
            reason = f"who says so? The wording model is {sure} that this rests on a vague source no pattern names"
            found.append(Evidence(sentence.index, sentence.start, sentence.end, doc.quote(sentence.start, sentence.end), reason, 0.0, "weasel"))
    return tuple(found)


def _unsourced_claims(doc: Document, attributions: tuple[Attribution, ...]) -> tuple[Evidence, ...]:
    """Body sentences that state figures with no source in them or just before them: the
    claims a reader cannot check, which is what a shortfall of named sources means."""
    sourced = {a.sentence for a in attributions} | {a.sentence + 1 for a in attributions}
    claims = []
    for sentence in doc.body:
        if sentence.index not in sourced and sentence.figures:
            start, end = sentence.start, sentence.end
            claims.append(Evidence(sentence.index, start, end, doc.quote(start, end), "states figures without naming any source", 0.5, "unsourced_claim"))
    return tuple(claims)


def _evidence(doc: Document, a: Attribution) -> Evidence:
    sentence = doc.sentences[a.sentence]
    start, end = sentence.span(a.start, a.end)
    reasons = {
        "outlet": f"named outlet: {a.name}",
        "organisation": f"named organisation: {a.name}",
        "person": f"named person: {a.name}",
        "official": f"official source: {a.name}",
        "research": f"research source: {a.name}",
        "website": f"a named website, not vetted: {a.name}",
        "self": "the company speaking about itself" + (f" ({a.name})" if a.via else ""),
        "social": f"social media as the source ({a.name})" if a.name != a.cue else "social media as the source",
        "vague": "vague or anonymous source",
    }
    if a.name == SITE:
        reason = "a link to another page of this site: the publication citing itself, not an independent source"
    elif a.via in (OWN_DATA, OWN_SURVEY):
        reason = f"the writer's own measurement ({' '.join(a.cue.split())}): a source only as good as the method it shows"
    else:
        reason = reasons[a.type] + (f", by {a.via} to {a.url}" if a.url else f", by {a.via}" if a.via else "")
    weight = WEAK_WEIGHT.get(a.type, 0.0)
    return Evidence(a.sentence, start, end, doc.quote(start, end), reason, weight, a.type)


def _distinct_sources(attributions: tuple[Attribution, ...]) -> list[dict]:
    seen: dict[tuple[str, str], dict] = {}
    pages: dict[tuple[str, str], set[str]] = {}
    for a in attributions:
        key = (a.type, " ".join(normalize_words(a.name)))
        if key not in seen:
            seen[key] = {"name": a.name, "type": a.type, "mentions": 0, "first_sentence": a.sentence}
            if a.via:
                seen[key].update(via=a.via, url=a.url)
            if a.items > 1:
                seen[key]["items"] = a.items
            pages[key] = set()
        if a.url:
            pages[key].add(a.url.split("#", 1)[0].rstrip("/"))
        seen[key]["mentions"] += 1
    for key, urls in pages.items():
        if len(urls) > 1:
            seen[key]["pages"] = len(urls)  # distinct pages of one site the article links
    return list(seen.values())


def _summary(named: int, counts: Counter[str], distinct: int) -> str:
    weak = counts["self"] + counts["social"] + counts["vague"]
    if named + weak == 0:
        return "The article never says where its claims come from."
    parts = [f"{named} named attribution{'s' if named != 1 else ''}"]
    for kind, label in (("self", "from the company itself"), ("social", "from social media"), ("vague", "vague")):
        if counts[kind]:
            parts.append(f"{counts[kind]} {label}")
    return f"{distinct} distinct source{'s' if distinct != 1 else ''}: " + ", ".join(parts) + "."


DIMENSION = Dimension(
    key=NAME,
    title="Sourcing",
    short="sourcing",
    colour="#0072B2",
    weight=0.28,
    glossary=(
        'Who the claims come from. Named outlets, organisations and people are strong; the company speaking about itself, social-media posts and vague sources (“analysts say”) are weak. Limits: a named source is not checked for being real, independent or quoted fairly.'
    ),
    metrics=("named", "vague", "vague_only", "self", "social", "sources"),
    columns=(
        Column("sources_named", "named"),
        Column("sources_vague", "vague_only"),
        Column("sources_self", "self"),
        Column("sources_social", "social"),
    ),
    analyze=analyze,
)
