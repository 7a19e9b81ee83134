"""The Scorecard: plain data, no rendering. Renderers depend on this module, never the reverse.

It imports nothing from ``render/``, the CLI or matplotlib (a test checks the import graph), and
nothing from the dimensions either: a Scorecard carries its dimensions in display order and the
weights of its hype index, so it explains itself. Notebook display is registered by
:mod:`hypecheck.render` as IPython formatters.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any, Iterable, Mapping

SCHEMA = "hypecheck.scorecard/1"

PITFALLS_CHECKLIST = 'Kapoor & Narayanan (2022), "Eighteen pitfalls to beware of in AI journalism"'

LABELS = ((20, "low"), (40, "mild"), (60, "moderate"), (80, "high"), (101, "very high"))

# Evidence items (and items of a list metric) kept per dimension or pitfall: the scorecard of a
# pathological input (a megabyte of "$1") stays proportional to it. Counts in the metrics stay
# exact; ``evidence_omitted`` says how many items were left out.
MAX_EVIDENCE = 300
# Past this many quoted characters in one dimension's evidence, further items are left out too
# (a quote is the matched text, which can be a whole sentence of a text without full stops).
MAX_EVIDENCE_CHARS = 100_000
# Chrome removal taking more than this share of the words is flagged in the scorecard.
REMOVED_WARNING_SHARE = 1 / 3


@dataclass(frozen=True)
class Evidence:
    """Why a score is what it is: a span of the original text and the reason it counts."""

    sentence: int  # index into Document.sentences
    start: int  # character offsets into the original text
    end: int
    text: str  # original[start:end], exactly
    reason: str
    weight: float = 1.0
    tag: str = ""  # a short machine-readable kind ("superlative", "social", "unattributed", ...)
    kind: str = ""  # promotional: which hype ("puffery", "sensational", "loaded", "exaggeration", "shouting")

    def to_dict(self) -> dict[str, Any]:
        data = {
            "sentence": self.sentence,
            "span": [self.start, self.end],
            "text": self.text,
            "tag": self.tag,
            "reason": self.reason,
            "weight": _round(self.weight),
        }
        if self.kind:  # a new key only where a dimension sets it (schema hypecheck.scorecard/1)
            data["kind"] = self.kind
        return data


@dataclass(frozen=True)
class DimensionResult:
    name: str
    score: float
    summary: str  # one plain-language sentence a student understands
    metrics: Mapping[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    # Its columns in the scores table (scores.csv, DataFrame), set from the dimension's descriptor.
    row: Mapping[str, object] = field(default_factory=dict, repr=False, compare=False)
    # How many evidence items (and items of list metrics, by metric name) were left out (see bounded()).
    omitted: Mapping[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return label_for(self.score)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": _round(self.score),
            "label": self.label,
            "summary": self.summary,
            "metrics": _plain(self.metrics),
            "evidence": [e.to_dict() for e in self.evidence],
            **_omitted_dict(self.omitted),
        }


@dataclass(frozen=True)
class Pitfall:
    """One item of the AI-journalism pitfalls checklist: found or not, and the sentences why."""

    key: str  # "human_comparison", "agency", ...
    checklist: str  # the checklist's wording
    group: str  # the checklist heading it belongs to
    explanation: str  # what the pitfall is, in one line a student understands
    flagged: bool
    finding: str  # what this article does, in one sentence
    metrics: Mapping[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    omitted: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "checklist": self.checklist,
            "group": self.group,
            "flagged": self.flagged,
            "explanation": self.explanation,
            "finding": self.finding,
            "metrics": _plain(self.metrics),
            "evidence": [e.to_dict() for e in self.evidence],
            **_omitted_dict(self.omitted),
        }


def _omitted_dict(omitted: Mapping[str, int]) -> dict[str, Any]:
    """``evidence_omitted`` always (0 when nothing was left out), and list metrics cut short."""
    out: dict[str, Any] = {"evidence_omitted": omitted.get("evidence", 0)}
    metrics = {k: v for k, v in omitted.items() if k != "evidence"}
    if metrics:
        out["metrics_omitted"] = metrics
    return out


def bounded(result: "DimensionResult | Pitfall", limit: int = MAX_EVIDENCE, char_limit: int = MAX_EVIDENCE_CHARS):
    """``result`` with at most ``limit`` evidence items (the first ones, in the order found, up
    to ``char_limit`` quoted characters) and every list metric cut to ``limit`` items; what was
    left out is counted in ``omitted``. The metrics' counts are computed before and stay exact."""
    kept, chars = [], 0
    for e in result.evidence:
        if len(kept) >= limit or (kept and chars + len(e.text) > char_limit):
            break
        kept.append(e)
        chars += len(e.text)
    omitted = {"evidence": len(result.evidence) - len(kept)} if len(kept) < len(result.evidence) else {}
    metrics = dict(result.metrics)
    for name, value in result.metrics.items():
        if isinstance(value, (list, tuple)) and len(value) > limit:
            metrics[name] = value[:limit]
            omitted[name] = len(value) - limit
    if not omitted:
        return result
    return replace(result, evidence=tuple(kept), metrics=metrics, omitted=omitted)


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    path: str
    title: str
    words: int
    sentences: int
    removed_spans: int = 0
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    removed_words: int = 0  # words of the original inside the removed page chrome
    removed_share: float = 0.0  # their share of all the original's words (0..1)
    url: str = ""  # a collection row's URL column; files have none (and no "url" key)

    def to_dict(self) -> dict[str, Any]:
        found = {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "words": self.words,
            "sentences": self.sentences,
            "removed_spans": self.removed_spans,
            "removed_words": self.removed_words,
            "removed_share": _round(self.removed_share),
            "encoding": self.encoding,
            "warnings": list(self.warnings),
        }
        return found | {"url": self.url} if self.url else found


@dataclass(frozen=True)
class Scorecard:
    article: ArticleInfo
    dimensions: Mapping[str, DimensionResult]
    original: str = field(repr=False, default="")
    # (start, end, kind) of every sentence in the original, so renderers can quote in place.
    sentence_spans: tuple[tuple[int, int, str], ...] = field(repr=False, default=())
    # The AI-journalism pitfalls: a section of its own, not part of the hype index.
    pitfalls: tuple[Pitfall, ...] = ()
    # Each dimension's share of the hype index, heaviest first.
    weights: Mapping[str, float] = field(default_factory=dict)
    # The settings it was made with (a config file, extra or ignored terms): how it was made.
    settings: Mapping[str, Any] = field(default_factory=dict)
    # (start, end, replacement) spans of the original that cleaning repaired inside sentences.
    repairs: tuple[tuple[int, int, str], ...] = field(repr=False, default=())

    def __repr__(self) -> str:
        scores = ", ".join(f"{name} {d.score:.1f}" for name, d in self.dimensions.items())
        return f"<Scorecard {self.article.id!r}: hype index {self.hype_index:.1f} ({scores})>"

    def sentence_text(self, index: int) -> str:
        """Sentence ``index`` as a reader should see it quoted: repaired (see :meth:`quote`)."""
        start, end, _ = self.sentence_spans[index]
        return self.quote(start, end)

    def quote(self, start: int, end: int) -> str:
        """``original[start:end]`` with the cleaner's repairs applied ("AlibabaBABA-- Group" ->
        "Alibaba Group"); evidence offsets still index the original."""
        pieces, cursor = [], start
        for a, b, replacement in self.repairs:
            if b <= cursor or a >= end:
                continue
            pieces.append(self.original[cursor:max(a, cursor)])
            pieces.append(replacement if start <= a and b <= end else "")
            cursor = min(b, end)
        pieces.append(self.original[cursor:end])
        return "".join(pieces)

    @property
    def hype_index(self) -> float:
        return sum(weight * self.dimensions[name].score for name, weight in self.weights.items())

    def __getitem__(self, name: str) -> DimensionResult:
        return self.dimensions[name]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "hype_index": _round(self.hype_index),
            "hype_label": label_for(self.hype_index),
            "hype_weights": dict(self.weights),
            "settings": _plain(self.settings),
            "dimensions": {name: d.to_dict() for name, d in self.dimensions.items()},
            "pitfalls": {
                "checklist": PITFALLS_CHECKLIST,
                "flagged": [p.key for p in self.pitfalls if p.flagged],
                "items": [p.to_dict() for p in self.pitfalls],
            },
        }

    @property
    def flagged_pitfalls(self) -> tuple[Pitfall, ...]:
        return tuple(p for p in self.pitfalls if p.flagged)

    @property
    def pitfalls_checked(self) -> bool:
        """False when the checklist does not apply (an article not about AI): show "n/a", not 0."""
        return bool(self.pitfalls) and all(p.metrics.get("applicable", True) for p in self.pitfalls)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    def to_row(self) -> dict[str, object]:
        """One row of the scores table (``scores.csv``, ``to_dataframe``): the article, the hype
        index and every score, each dimension's columns, and the pitfalls found."""
        a = self.article
        row: dict[str, object] = {"id": a.id, "path": a.path, "title": a.title, "error": "", "hype_index": f"{self.hype_index:.2f}"}
        row.update({name: f"{d.score:.2f}" for name, d in self.dimensions.items()})
        row.update(words=a.words, sentences=a.sentences)
        for d in self.dimensions.values():
            row.update(d.row)
        row.update(pitfalls_found=len(self.flagged_pitfalls), pitfalls="; ".join(p.key for p in self.flagged_pitfalls))
        return row


@dataclass(frozen=True)
class Failure:
    """An input that could not be scored, and why (one line)."""

    path: str
    error: str
    id: str = ""  # a collection row's id; a file's is its name

    def to_dict(self) -> dict[str, Any]:
        record = {"schema": "hypecheck.error/1", "path": self.path, "error": self.error}
        return record | {"id": self.id} if self.id else record

    def to_row(self) -> dict[str, object]:
        """Its row of the scores table: which input failed and why; every score left empty."""
        return {"id": self.id or PurePath(self.path).stem, "path": self.path, "error": self.error}


def rank(cards: "Iterable[Scorecard]") -> list["Scorecard"]:
    """Articles by hype index, highest first (ties by id): the order of every comparison."""
    return sorted(cards, key=lambda c: (-round(c.hype_index, 2), c.article.id))


def label_for(score: float) -> str:
    for bound, label in LABELS:
        if score < bound:
            return label
    return LABELS[-1][1]


def clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return max(low, min(high, value))


def saturate(value: float, half: float) -> float:
    """Map 0..inf to 0..100 smoothly: ``half`` gives 50. Long texts cannot pin the score at 100."""
    if value <= 0:
        return 0.0
    return 100.0 * (1.0 - math.exp(-math.log(2) * value / half))


def _round(value: float) -> float | None:
    """Two decimals; a non-finite number (data files are validated on load, so this is a last
    guard) becomes null: NaN and Infinity are not JSON, and no reader should get them."""
    value = float(value)
    if not math.isfinite(value):
        return None
    return round(value, 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return _round(value)
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
