"""The class report: scored articles in; index.html, scores.csv, scorecards.jsonl and charts/
(each chart as PNG and SVG) written into one folder. It scores nothing itself."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from hypecheck.dimensions import TABLE_COLUMNS
from hypecheck.pipeline import Result
from hypecheck.scorecard import Failure, Scorecard, rank

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


# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# ("=HYPERLINK(...)" in a title would run when a teacher opens scores.csv).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell that a spreadsheet would read as a formula, with a leading apostrophe (the
    neutralisation OWASP recommends and spreadsheets hide); numbers and other cells unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def scores_csv(results: Sequence[Result]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=TABLE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        writer.writerow({k: spreadsheet_safe(v) for k, v in result.to_row().items()})
    return buffer.getvalue()


def jsonl_line(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def build_report(results: Sequence[Result], out: Path, generated: str | None = None) -> ReportFiles:
    """Write the report folder for scored articles (``hypecheck.score_paths``). Every result
    gives one row in the CSV and one line in the JSONL, a scorecard or an error."""
    from hypecheck.render import charts as chartlib
    from hypecheck.render.html import Chart, render_report

    results = tuple(results)
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
