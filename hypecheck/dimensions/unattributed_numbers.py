"""Unattributed numbers: figures stated with no source.

A figure is *attributed* when a named source stands in the same sentence (the nearest one wins
when a sentence has several) or, failing that, in the sentence before it in the same paragraph,
or, for a figure inside a quotation, in the sentence after it that names the speaker
("'It is 100 percent likely.' Conroy said so on Monday."), or is the writer's own measurement
("I counted", "our survey": its sentence and the figures after it up to the next heading, the
writer speaking for itself); *weakly sourced* when the nearest source
is the company itself, social media or a vague one; otherwise *unattributed*.

A figure repeated with the same value and unit ("$53 billion" in the text and again in a summary)
is one claim: counted once, with the best status any of its mentions has; every mention stays in
the evidence.

Score: (unattributed + half the weakly sourced) / (claims + 2), as 0-100. The +2 keeps an
article with one or two figures from swinging to the extremes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hypecheck.facts.citations import reference_items
from hypecheck.facts.document import Document
from hypecheck.scorecard import DimensionResult, Evidence, clamp
from hypecheck.facts.numbers import NumberMention
from hypecheck.dimensions.descriptor import Column, Dimension
from hypecheck.facts import Facts
from hypecheck.facts.attributions import CREDIT_LINE, DATA_NOTE, OWN_DATA, Attribution, inside_quotes, quote_marks

NAME = "unattributed_numbers"
WEAK_FIGURE_WEIGHT = 0.5
SMOOTHING = 2


@dataclass(frozen=True)
class Figure:
    sentence: int
    mention: NumberMention
    status: str  # attributed | weakly_sourced | unattributed
    source: Attribution | None
    general: Attribution | None = None  # a data note that ties no figure to its source


def classify_figures(doc: Document, attributions: tuple[Attribution, ...]) -> list[Figure]:
    by_sentence: dict[int, list[Attribution]] = {}
    for a in attributions:
        by_sentence.setdefault(a.sentence, []).append(a)
    figures = []
    answers = interview_answers(doc)
    credits, data_note = data_notes(doc, attributions)
    led = lead_ins(doc, by_sentence)
    cited_works = reference_items(doc) if any(s.kind == "heading" for s in doc.sentences) else frozenset()
    own_data: Attribution | None = None  # "I counted ...": the writer's data, up to the next heading
    for sentence in doc.sentences:
        if sentence.kind in ("title", "meta") or (sentence.kind == "heading" and not sentence.text.startswith("|")):
            own_data = None
        if sentence.kind in ("title", "meta") or sentence.index in cited_works:
            continue  # a reference list's items are titles of cited works, not claims
        own_data = next((a for a in by_sentence.get(sentence.index, ()) if a.via == OWN_DATA), own_data)
        marks = quote_marks(sentence.text) if sentence.figures else []
        for mention in sentence.figures:
            here = by_sentence.get(sentence.index, [])
            # A citation marker ([^1], [2]) attributes its whole sentence, whatever stands nearer.
            source = _nearest(mention, [a for a in here if a.via == "citation"] or here)
            if source is None and sentence.index > 0:
                previous = doc.sentences[sentence.index - 1]
                if previous.block == sentence.block and by_sentence.get(previous.index):
                    source = by_sentence[previous.index][-1]
            if source is None and inside_quotes(marks, mention.start) and sentence.index + 1 < len(doc.sentences):
                following = doc.sentences[sentence.index + 1]
                if following.block == sentence.block and by_sentence.get(following.index):
                    source = by_sentence[following.index][0]
            if source is None:
                source = own_data
            if source is None and sentence.block in answers:
                source = _interviewee(sentence, mention)
            if source is None:
                source = credits.get(sentence.block) or led.get(sentence.block)
            status = "unattributed" if source is None else "attributed" if source.named else "weakly_sourced"
            figures.append(Figure(sentence.index, mention, status, source, data_note if source is None else None))
    return figures


def data_notes(doc: Document, attributions: tuple[Attribution, ...]) -> tuple[dict[int, Attribution], Attribution | None]:
    """Where the article says its figures come from: a credit line sources its own block and the
    block above it ("Source: Statista" under a table, as a lead-in sources the table after it);
    a data note ("All figures are from the company's filings") is a source the reader is told
    of, but it ties no figure to it, so its figures stay unattributed, and say so (the reading
    guide of bench/validity: a blanket statement not tied to sentences attributes no figure)."""
    credits: dict[int, Attribution] = {}
    note = None
    for a in attributions:
        if a.via == CREDIT_LINE:
            block = doc.sentences[a.sentence].block
            credits.setdefault(block, a)
            credits.setdefault(block - 1, a)
        elif a.via == DATA_NOTE and note is None:
            note = a
    return credits, note


def lead_ins(doc: Document, by_sentence: dict[int, list[Attribution]]) -> dict[int, Attribution]:
    """The list items a sourced lead-in introduces: "Experian surveyed Echo users [link]. The top
    tasks included:" followed by "* Set a timer: 84.9%" items. A sentence ending in a colon takes
    its own source or the one of the sentence before it in its paragraph, and passes it to the
    list items right after it (a reader reads them as its continuation). Only a named source
    carries: a lead-in that links the company's own page ("[Acme](acme.com) beats them in
    several metrics:") makes its list no less the company's own word."""
    led: dict[int, Attribution] = {}
    source: Attribution | None = None
    block = -1
    for sentence in doc.sentences:
        if sentence.block != block:
            block = sentence.block
            if sentence.kind == "list_item" and source is not None:
                led[block] = source
            elif sentence.kind != "list_item":
                source = None
        if sentence.text.rstrip(" *_").endswith(":"):
            here = by_sentence.get(sentence.index)
            previous = doc.sentences[sentence.index - 1] if sentence.index else None
            if not here and previous is not None and previous.block == sentence.block:
                here = by_sentence.get(previous.index)
            named = [a for a in here or () if a.named]
            source = named[-1] if named else source if sentence.kind == "list_item" else None
    return led


INTERVIEW = "interview answer"  # the via of a figure an interviewee states in an answer
MIN_QUESTIONS = 3


def interview_answers(doc: Document) -> frozenset[int]:
    """The blocks that answer an interviewer's questions, in an article that says it is an
    interview ("Interview with ..." in its title or opening) and asks at least three questions in
    paragraphs of their own: every block after a question, up to the next question or heading."""
    opening = " ".join(s.text for s in doc.sentences[:4]).lower()
    if "interview" not in opening:
        return frozenset()
    last_of_block: dict[int, str] = {}
    kinds: dict[int, str] = {}
    for s in doc.sentences:
        last_of_block[s.block] = s.text
        kinds[s.block] = s.kind
    questions = {b for b, text in last_of_block.items() if text.rstrip(" \"”'’*").endswith("?") and kinds[b] in ("body", "heading")}
    if len(questions) < MIN_QUESTIONS:
        return frozenset()
    answers, answering = set(), False
    for block in sorted(last_of_block):
        if block in questions or kinds[block] in ("heading", "title"):
            answering = block in questions
        elif answering and kinds[block] in ("body", "list_item"):
            answers.add(block)
    return frozenset(answers)


def _interviewee(sentence, mention: NumberMention) -> Attribution:
    """A figure in an interview answer is the interviewee's word: a named person speaking."""
    return Attribution(sentence.index, mention.start, mention.end, "person", "the interviewee", sentence.text[mention.start : mention.end], via=INTERVIEW)


_RANK = {"attributed": 0, "weakly_sourced": 1, "unattributed": 2}
_SAME_CLAIM = re.compile(r"[\s,\u00a0\u2009\u202f]+")


def claims(figures: list[Figure]) -> dict[tuple[str, str], Figure]:
    """One claim per value and unit ("$53 billion" twice is one claim), with its best-sourced mention."""
    best: dict[tuple[str, str], Figure] = {}
    for f in figures:
        key = claim_key(f.mention)
        if key not in best or _RANK[f.status] < _RANK[best[key].status]:
            best[key] = f
    return best


def claim_key(mention: NumberMention) -> tuple[str, str]:
    return mention.kind, _SAME_CLAIM.sub("", mention.text.casefold())


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
    counted = claims(figures)
    total = len(counted)
    unattributed = sum(f.status == "unattributed" for f in counted.values())
    weak = sum(f.status == "weakly_sourced" for f in counted.values())
    attributed = total - unattributed - weak
    score = clamp(100 * (unattributed + WEAK_FIGURE_WEIGHT * weak) / (total + SMOOTHING)) if total else 0.0
    metrics = {
        "total": total,
        "attributed": attributed,
        "weakly_sourced": weak,
        "unattributed": unattributed,
        "unattributed_share": unattributed / total if total else 0.0,
        "mentions": len(figures),
        "figures": [
            {
                "text": f.mention.text,
                "kind": f.mention.kind,
                "sentence": f.sentence,
                "status": f.status,
                "source": f.source.name if f.source else None,
                "source_type": f.source.type if f.source else None,
                "counted": counted[claim_key(f.mention)] is f,
            }
            for f in figures
        ],
    }
    evidence = tuple(_evidence(doc, f, counted[claim_key(f.mention)]) for f in figures)
    return DimensionResult(NAME, score, _summary(total, attributed, weak, unattributed), metrics, evidence)


def _evidence(doc: Document, figure: Figure, claim: Figure) -> Evidence:
    sentence = doc.sentences[figure.sentence]
    start, end = sentence.span(figure.mention.start, figure.mention.end)
    if claim is not figure:
        where = "" if claim.sentence == figure.sentence else f" in sentence {claim.sentence + 1}"
        reason = f"the same figure as{where} before, counted once" if claim.sentence < figure.sentence or claim.mention.start < figure.mention.start else f"the same figure as{where}, counted once there"
        return Evidence(figure.sentence, start, end, doc.quote(start, end), reason, 0.0, claim.status)
    if figure.status == "unattributed" and figure.general is not None:
        reason, weight = f"figure stated with no source of its own (the article says in general that its figures come from {figure.general.name}, but ties none to it)", 1.0
    elif figure.status == "unattributed":
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
