"""What every renderer shares: choosing evidence to show and marking matches inside a sentence."""

from __future__ import annotations

from typing import Callable, Protocol, Sequence

from hypecheck.dimensions import REGISTRY
from hypecheck.scorecard import DimensionResult, Evidence, Scorecard

TITLES = {d.key: d.title for d in REGISTRY}


class HasEvidence(Protocol):
    evidence: Sequence[Evidence]


PITFALLS_TITLE = "AI-journalism pitfalls"

# The one colour scale for concern, low to very high (the levels of hypecheck.scorecard.LABELS):
# the report's tables and the heat map both use it. Light to dark, so it reads in grey too.
BAND_COLOURS = {"low": "#eef3f8", "mild": "#cfdde9", "moderate": "#f6dfa0", "high": "#f2b26b", "very high": "#d9652a"}


def top_evidence(result: HasEvidence, limit: int | None) -> list[list[Evidence]]:
    """Evidence grouped by sentence, the sentences that weigh most first (all when limit is None)."""
    groups: dict[int, list[Evidence]] = {}
    for e in result.evidence:
        groups.setdefault(e.sentence, []).append(e)
    ranked = sorted(groups.values(), key=lambda g: (-sum(e.weight for e in g), g[0].sentence))
    return ranked if limit is None else ranked[:limit]


def mark_sentence(card: Scorecard, group: list[Evidence], mark: Callable[[str], str], plain: Callable[[str], str]) -> str:
    """The sentence of ``group``, as repaired by the cleaner, with each evidence span passed to ``mark``."""
    start, end, _ = card.sentence_spans[group[0].sentence]
    pieces, cursor = [], start
    for e in sorted(group, key=lambda e: (e.start, -e.end)):
        if e.start < cursor or e.end > end:
            continue
        pieces.append(plain(card.quote(cursor, e.start)))
        pieces.append(mark(card.quote(e.start, e.end)))
        cursor = e.end
    pieces.append(plain(card.quote(cursor, end)))
    return " ".join("".join(pieces).split())


def bar(score: float, width: int = 20) -> str:
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


def ordered(card: Scorecard) -> list[tuple[str, DimensionResult]]:
    return list(card.dimensions.items())


def sentence_count(card: Scorecard) -> str:
    """The one sentence count every view gives: the running text, and the title, headings and
    byline lines apart (a dimension's summary says when it counts those too)."""
    running = card.article.sentences
    others = len(card.sentence_spans) - running
    text = f"{running} sentence{'s' if running != 1 else ''} of running text"
    return text + (f" (plus {others} title, heading or byline line{'s' if others != 1 else ''})" if others > 0 else "")
