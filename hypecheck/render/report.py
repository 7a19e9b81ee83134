"""The class report: score a set of articles and write index.html, scores.csv,
scorecards.jsonl and charts/ (each chart as PNG and SVG) into one folder."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from hypecheck.scorecard import DIMENSIONS, Failure, Scorecard, rank
from hypecheck.pipeline import Analyzer, Result, default_analyzer, score_paths

CSV_COLUMNS = (
    "id", "path", "title", "error", "hype_index", *DIMENSIONS,
    "words", "sentences", "promotional_hits", "promotional_per_100_words",
    "sources_named", "sources_vague", "sources_self", "sources_social",
    "ai_disclosed", "ai_reviewer", "flesch_reading_ease", "flesch_kincaid_grade", "reading_band",
    "figures_total", "figures_unattributed", "figures_weakly_sourced",
    "pitfalls_found", "pitfalls",
)


@dataclass(frozen=True)
class ReportFiles:
    out: Path
    index: Path
    csv: Path
    jsonl: Path
    charts: tuple[Path, ...]
    results: tuple[Result, ...]

    @property
    def failures(self) -> list[Failure]:
        return [r for r in self.results if isinstance(r, Failure)]


def safe_name(text: str, limit: int = 80) -> str:
    """A file name from an article id or title: letters, digits, '.', '-', '_' only, never a path."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-_")[:limit]
    return cleaned or "article"


def csv_row(result: Result) -> dict[str, object]:
    if isinstance(result, Failure):
        return {"id": Path(result.path).stem, "path": result.path, "error": result.error}
    c, a = result, result.article
    m = {d: c[d].metrics for d in DIMENSIONS}
    return {
        "id": a.id, "path": a.path, "title": a.title, "error": "",
        "hype_index": f"{c.hype_index:.2f}",
        **{d: f"{c[d].score:.2f}" for d in DIMENSIONS},
        "words": a.words, "sentences": a.sentences,
        "promotional_hits": m["promotional"]["hits"],
        "promotional_per_100_words": f"{m['promotional']['density_per_100_words']:.2f}",
        "sources_named": m["sourcing"]["named"], "sources_vague": m["sourcing"]["vague_only"],
        "sources_self": m["sourcing"]["self"], "sources_social": m["sourcing"]["social"],
        "ai_disclosed": str(m["ai_disclosure"]["disclosed"]).lower(),
        "ai_reviewer": "; ".join(m["ai_disclosure"]["reviewers"]),
        "flesch_reading_ease": f"{m['readability']['flesch_reading_ease']:.2f}",
        "flesch_kincaid_grade": f"{m['readability']['flesch_kincaid_grade']:.2f}",
        "reading_band": m["readability"]["band"],
        "figures_total": m["unattributed_numbers"]["total"],
        "figures_unattributed": m["unattributed_numbers"]["unattributed"],
        "figures_weakly_sourced": m["unattributed_numbers"]["weakly_sourced"],
        "pitfalls_found": len(c.flagged_pitfalls),
        "pitfalls": "; ".join(p.key for p in c.flagged_pitfalls),
    }


def scores_csv(results: Sequence[Result]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        writer.writerow(csv_row(result))
    return buffer.getvalue()


def jsonl_line(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def build_report(
    paths: Sequence[str], out: Path, generated: str | None = None, analyzer: Analyzer | None = None
) -> ReportFiles:
    """Score ``paths`` (already expanded) and write the report folder. Every input gives one
    row in the CSV and one line in the JSONL, a scorecard or an error."""
    from hypecheck.render import charts as chartlib
    from hypecheck.render.html import Chart, render_report

    results = tuple(score_paths(paths, analyzer or default_analyzer(), expand=False))
    cards = [r for r in results if isinstance(r, Scorecard)]
    failures = [r for r in results if isinstance(r, Failure)]
    ranked = rank(cards)

    out.mkdir(parents=True, exist_ok=True)
    chart_dir = out / "charts"
    chart_dir.mkdir(exist_ok=True)
    charts, written = [], []
    if cards:
        for name, spec in chartlib.CHARTS.items():
            svg = chartlib.render_chart(name, ranked, "svg")
            for fmt, data in (("svg", svg), ("png", chartlib.render_chart(name, ranked, "png"))):
                path = chart_dir / f"{name}.{fmt}"
                path.write_bytes(data)
                written.append(path)
            charts.append(Chart(name, spec.title, spec.alt(ranked), svg))
    profiles = {}
    for card in ranked:
        svg = chartlib.render_profile(card, "svg")
        stem = f"profile-{safe_name(card.article.id)}"
        for fmt, data in (("svg", svg), ("png", chartlib.render_profile(card, "png"))):
            path = chart_dir / f"{stem}.{fmt}"
            path.write_bytes(data)
            written.append(path)
        profiles[card.article.id] = Chart("profile", f"Profile: {chartlib.label_of(card, 60)}", chartlib.profile_alt(card), svg)
    index = out / "index.html"
    index.write_text(render_report(cards, failures, charts, profiles, generated), encoding="utf-8")
    csv_path = out / "scores.csv"
    csv_path.write_text(scores_csv(results), encoding="utf-8")
    jsonl = out / "scorecards.jsonl"
    jsonl.write_text("".join(jsonl_line(r) for r in results), encoding="utf-8")
    return ReportFiles(out, index, csv_path, jsonl, tuple(written), results)
