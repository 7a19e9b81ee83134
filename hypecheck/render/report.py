"""The class report: scored articles in; index.html, scores.csv, scorecards.jsonl and charts/
(each chart as PNG and SVG) written into one folder. It scores nothing itself."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass, replace
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


# Profile charts (PNG and SVG for slides, SVG in the page) for the articles with the highest hype
# index; at about 0.15 s each, drawing one per article made a 5,000-article report take over 15
# minutes. `hypecheck chart ARTICLE --kind profile` draws any other.
PROFILE_LIMIT = 50
# What a report folder holds; an existing --out folder holding anything else is not replaced.
REPORT_ENTRIES = frozenset({"index.html", "scores.csv", "scorecards.jsonl", "charts"})


def distinct_ids(results: Sequence[Result]) -> tuple[Result, ...]:
    """The results with every scorecard's id unique in the report, also as a file name and an
    anchor: same-named files in different folders ("a/x.txt", "b/x.txt") become "a-x" and "b-x"
    (then "-2", "-3" ... if that is not enough), in input order; unique ids stay as they are."""

    def key(name: str) -> str:
        return safe_name(name).lower()  # profile file names and anchors; case-blind file systems

    cards = [r for r in results if isinstance(r, Scorecard)]
    seen: dict[str, int] = {}
    for card in cards:
        seen[key(card.article.id)] = seen.get(key(card.article.id), 0) + 1
    used: set[str] = set()
    renamed = []
    for result in results:
        if isinstance(result, Scorecard):
            name = result.article.id
            if seen[key(name)] > 1 or key(name) in used:
                folder = Path(result.article.path).parent.name
                base = f"{folder}-{name}" if folder else name
                name, n = base, 2
                while key(name) in used or (key(name) in seen and name != result.article.id):
                    name = f"{base[:70]}-{n}"
                    n += 1
            used.add(key(name))
            if name != result.article.id:
                result = replace(result, article=replace(result.article, id=name))
        renamed.append(result)
    return tuple(renamed)


def build_report(results: Sequence[Result], out: Path, generated: str | None = None) -> ReportFiles:
    """Write the report folder for scored articles (``hypecheck.score_paths``). Every result
    gives one row in the CSV and one line in the JSONL, a scorecard or an error.

    The folder is written beside ``out`` under a temporary name and then put in its place, so an
    interrupted report leaves the previous one whole, and no chart of an earlier run remains.
    An existing ``out`` that holds anything but a report is not touched (FileExistsError)."""
    results = distinct_ids(tuple(results))
    _check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.parent / f".{out.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    work.mkdir()
    try:
        written = _write_report(results, work, generated)
        _put_in_place(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    moved = tuple(out / p.relative_to(work) for p in written)
    return ReportFiles(out, out / "index.html", out / "scores.csv", out / "scorecards.jsonl", moved[3:], results)


def _check_replaceable(out: Path) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise FileExistsError(errno.EEXIST, "it is a file, not a folder")
    foreign = sorted(p.name for p in out.iterdir() if p.name not in REPORT_ENTRIES)
    charts = out / "charts"
    if charts.is_dir():
        foreign += sorted(f"charts/{p.name}" for p in charts.iterdir() if p.suffix not in (".png", ".svg"))
    if foreign:
        raise FileExistsError(errno.EEXIST, f"it holds files that are not part of a report ({foreign[0]}); give --out a new or empty folder")


def _put_in_place(work: Path, out: Path) -> None:
    """Swap the finished folder in: the old report is moved aside first and removed last."""
    if not out.exists():
        os.rename(work, out)
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(out, old)
    os.rename(work, out)
    shutil.rmtree(old, ignore_errors=True)


def _write_report(results: tuple[Result, ...], out: Path, generated: str | None) -> list[Path]:
    """index.html, scores.csv, scorecards.jsonl, then the chart files, into ``out``."""
    from hypecheck.render import charts as chartlib
    from hypecheck.render.html import Chart, render_report

    cards = [r for r in results if isinstance(r, Scorecard)]
    failures = [r for r in results if isinstance(r, Failure)]
    ranked = rank(cards)

    chart_dir = out / "charts"
    chart_dir.mkdir()
    charts, written = [], []
    if cards:
        for name in chartlib.CHARTS:
            spec = chartlib.chart_spec(name, len(ranked))
            svg = chartlib.render_chart(name, ranked, "svg")
            for fmt, data in (("svg", svg), ("png", chartlib.render_chart(name, ranked, "png"))):
                path = chart_dir / f"{name}.{fmt}"
                path.write_bytes(data)
                written.append(path)
            charts.append(Chart(name, spec.title, spec.alt(ranked), svg))
    profiles = {}
    for card in ranked[:PROFILE_LIMIT]:
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
    return [index, csv_path, jsonl, *written]
