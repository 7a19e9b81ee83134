"""Unattributed numbers: figures stated with no source.

A figure is *attributed* when a named source stands in the same sentence (the nearest one wins
when a sentence has several) or, failing that, in the sentence before it in the same paragraph;
*weakly sourced* when the nearest source is the company itself, social media or a vague one;
otherwise *unattributed*.

Score: (unattributed + half the weakly sourced) / (figures + 2), as 0-100. The +2 keeps an
article with one or two figures from swinging to the extremes.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypecheck.facts.document import Document
from hypecheck.scorecard import DimensionResult, Evidence, clamp
from hypecheck.facts.numbers import NumberMention
from hypecheck.dimensions.descriptor import Column, Dimension
from hypecheck.facts import Facts
from hypecheck.facts.attributions import Attribution

NAME = "unattributed_numbers"
WEAK_FIGURE_WEIGHT = 0.5
SMOOTHING = 2


@dataclass(frozen=True)
class Figure:
    sentence: int
    mention: NumberMention
    status: str  # attributed | weakly_sourced | unattributed
    source: Attribution | None


def classify_figures(doc: Document, attributions: tuple[Attribution, ...]) -> list[Figure]:
    by_sentence: dict[int, list[Attribution]] = {}
    for a in attributions:
        by_sentence.setdefault(a.sentence, []).append(a)
    figures = []
    for sentence in doc.sentences:
        if sentence.kind in ("title", "meta"):
            continue
        for mention in sentence.figures:
            here = by_sentence.get(sentence.index, [])
            # A citation marker ([^1], [2]) attributes its whole sentence, whatever stands nearer.
            source = _nearest(mention, [a for a in here if a.via == "citation"] or here)
            if source is None and sentence.index > 0:
                previous = doc.sentences[sentence.index - 1]
                if previous.block == sentence.block and by_sentence.get(previous.index):
                    source = by_sentence[previous.index][-1]
            status = "unattributed" if source is None else "attributed" if source.named else "weakly_sourced"
            figures.append(Figure(sentence.index, mention, status, source))
    return figures


def _nearest(mention: NumberMention, candidates: list[Attribution]) -> Attribution | None:
    def distance(a: Attribution) -> int:
        if a.end <= mention.start:
            return mention.start - a.end
        if a.start >= mention.end:
            return a.start - mention.end
        return 0

    return min(candidates, key=lambda a: (distance(a), a.start), default=None)


def analyze(facts: Facts) -> DimensionResult:
    doc = facts.doc
    figures = classify_figures(doc, facts.attributions)
    total = len(figures)
    unattributed = sum(f.status == "unattributed" for f in figures)
    weak = sum(f.status == "weakly_sourced" for f in figures)
    attributed = total - unattributed - weak
    score = clamp(100 * (unattributed + WEAK_FIGURE_WEIGHT * weak) / (total + SMOOTHING)) if total else 0.0
    metrics = {
        "total": total,
        "attributed": attributed,
        "weakly_sourced": weak,
        "unattributed": unattributed,
        "unattributed_share": unattributed / total if total else 0.0,
        "figures": [
            {
                "text": f.mention.text,
                "kind": f.mention.kind,
                "sentence": f.sentence,
                "status": f.status,
                "source": f.source.name if f.source else None,
                "source_type": f.source.type if f.source else None,
            }
            for f in figures
        ],
    }
    return DimensionResult(NAME, score, _summary(total, attributed, weak, unattributed), metrics, tuple(_evidence(doc, f) for f in figures))


def _evidence(doc: Document, figure: Figure) -> Evidence:
    sentence = doc.sentences[figure.sentence]
    start, end = sentence.span(figure.mention.start, figure.mention.end)
    if figure.status == "unattributed":
        reason, weight = "figure stated with no source", 1.0
    elif figure.status == "weakly_sourced":
        reason, weight = f"figure rests on a weak source ({figure.source.type}: {figure.source.name})", WEAK_FIGURE_WEIGHT
    else:
        via = f" via {figure.source.via}" if figure.source.via else ""
        reason, weight = f"attributed to {figure.source.name}{via}", 0.0
    return Evidence(figure.sentence, start, end, doc.quote(start, end), reason, weight, figure.status)


def _summary(total: int, attributed: int, weak: int, unattributed: int) -> str:
    if not total:
        return "The article states no figures."
    return (
        f"{unattributed} of {total} figures have no source"
        + (f", {weak} rest on weak sources" if weak else "")
        + (f", {attributed} are attributed." if attributed else ".")
    )


DIMENSION = Dimension(
    key=NAME,
    title="Unattributed numbers",
    short="unattributed\nnumbers",
    colour="#D55E00",
    weight=0.22,
    glossary=(
        'Figures (money, percentages, counts, multipliers) and whether a source stands in the same sentence or the one before. Limits: a source nearby is assumed to back the figure; dates, years and version numbers are skipped.'
    ),
    metrics=("total", "unattributed", "weakly_sourced"),
    columns=(
        Column("figures_total", "total"),
        Column("figures_unattributed", "unattributed"),
        Column("figures_weakly_sourced", "weakly_sourced"),
    ),
    analyze=analyze,
)
