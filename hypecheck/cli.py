"""The command line: parse arguments, call the library, render. Nothing else lives here."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from hypecheck import __version__
from hypecheck.read.load import InputError, expand_inputs, read_stdin
from hypecheck.scorecard import Failure, Scorecard, rank

# The scoring pipeline (nltk, numpy, the models) and the renderers (which read the dimension
# registry) are imported inside the commands that use them, so `hypecheck --help` and
# `--version` start without them (tests/test_cli.py checks).

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="hypecheck reads a news article and shows, with evidence, how much of it is hype.",
)


MAX_BYTES_HELP = "Refuse inputs larger than this many bytes (default 10,000,000)."
TIMEOUT_HELP = "Seconds allowed for fetching each URL, all of it (default 20)."


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hypecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """hypecheck reads a news article and shows, with evidence, how much of it is hype."""


@app.command()
def score(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Article files (.txt, .md), or - for standard input."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    explain: bool = typer.Option(False, "--explain", help="Show all evidence, not just the top sentences."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the terminal view (default: when a terminal)."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    timeout: Optional[float] = typer.Option(None, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """Score articles on the five dimensions and show the sentences behind each score.

    Exit codes: 0 all inputs scored, 1 some inputs failed, 2 usage error.
    """
    from hypecheck.batch import score_paths
    from hypecheck.render import render_json, render_markdown, render_text

    analyzer = _analyzer(max_bytes, timeout)
    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    results = []
    for path in paths:
        if path == "-":
            try:
                results.append(analyzer.score_source(read_stdin(sys.stdin.buffer, analyzer.max_bytes)))
            except InputError as err:
                results.append(Failure("-", str(err)))
        else:
            # One file each: a folder here is a mistake worth saying (report takes folders).
            results.extend(score_paths([path], analyzer, expand=False))
    failed = _report_errors(results)
    cards = [r for r in results if isinstance(r, Scorecard)]
    if format is Format.json:
        # One input: one JSON object. Several: one JSON array, so the output stays one document.
        if len(paths) == 1:
            typer.echo("".join(render_json(c) for c in cards), nl=False)
        else:
            typer.echo(json.dumps([c.to_dict() for c in cards], ensure_ascii=False, indent=2))
    elif format is Format.markdown:
        typer.echo("\n".join(render_markdown(c, explain=explain) for c in cards), nl=False)
    else:
        typer.echo("\n".join(render_text(c, explain=explain, color=use_color) for c in cards), nl=False)
    if failed:
        raise typer.Exit(1) from None


class ChartKind(str, Enum):
    heatmap = "heatmap"
    scatter = "scatter"
    numbers = "numbers"
    profile = "profile"


def _analyzer(max_bytes: int | None, timeout: float | None = None):
    from dataclasses import replace

    from hypecheck.classifier import ModelError
    from hypecheck.lexicon import LexiconError
    from hypecheck.pipeline import default_analyzer

    try:
        analyzer = default_analyzer()
    except (LexiconError, ModelError) as err:  # a damaged data file: one line naming it
        typer.echo(f"hypecheck: error: {err}", err=True)
        raise typer.Exit(1) from None
    if max_bytes is not None:
        if max_bytes <= 0:
            raise typer.BadParameter("must be a positive number of bytes", param_hint="--max-bytes")
        analyzer = replace(analyzer, max_bytes=max_bytes)
    if timeout is not None:
        if not 0 < timeout < float("inf"):
            raise typer.BadParameter("must be a positive number of seconds", param_hint="--timeout")
        analyzer = replace(analyzer, fetch_timeout=timeout)
    return analyzer


def _report_errors(results) -> int:
    failed = [r for r in results if isinstance(r, Failure)]
    for f in failed:
        typer.echo(f"hypecheck: error: {f.error}", err=True)
    return len(failed)


@app.command()
def report(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Article files, folders or globs."),
    out: Path = typer.Option(Path("hypecheck-report"), "--out", "-o", help="Folder to write the report into."),
    date: bool = typer.Option(True, "--date/--no-date", help="Print the generation date in the report (--no-date for byte-identical reports)."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    timeout: Optional[float] = typer.Option(None, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """Write a class report: index.html (self-contained), scores.csv, scorecards.jsonl, charts/.

    Exit codes: 0 all inputs scored, 1 some inputs failed (they are listed in the report), 2 usage error.
    """
    from datetime import datetime, timezone

    from hypecheck.batch import score_paths
    from hypecheck.render.report import build_report

    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if date else None
    try:
        files = build_report(score_paths(paths, _analyzer(max_bytes, timeout)), out, generated)
    except OSError as err:
        typer.echo(f"hypecheck: error: cannot write the report to {out}: {err.strerror or err}", err=True)
        raise typer.Exit(1) from None
    failed = _report_errors(files.results)
    scored = len(files.results) - failed
    typer.echo(f"Report on {scored} article{'s' if scored != 1 else ''} written to {files.index}" + (f" ({failed} failed)" if failed else ""))
    typer.echo(f"Open it in a browser: file://{files.index.resolve()}")
    if failed:
        raise typer.Exit(1) from None


@app.command()
def chart(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Article files, folders or globs."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file, .png or .svg."),
    kind: ChartKind = typer.Option(ChartKind.heatmap, "--kind", "-k", help="Which chart (profile needs one article)."),
) -> None:
    """Draw one comparison chart of the articles to a PNG or SVG file."""
    from hypecheck.batch import score_paths
    from hypecheck.render import charts as chartlib

    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        typer.echo(f"hypecheck: error: --out must end in .png or .svg, not {out.name!r}", err=True)
        raise typer.Exit(2)
    results = score_paths(paths, _analyzer(None))
    failed = _report_errors(results)
    cards = rank(r for r in results if isinstance(r, Scorecard))
    if not cards:
        typer.echo("hypecheck: error: no article could be scored, so there is nothing to chart", err=True)
        raise typer.Exit(1) from None
    if kind is ChartKind.profile:
        if len(cards) != 1:
            typer.echo("hypecheck: error: --kind profile draws one article; give exactly one", err=True)
            raise typer.Exit(2)
        data = chartlib.render_profile(cards[0], fmt)
    else:
        data = chartlib.render_chart(kind.value, cards, fmt)
    try:
        out.write_bytes(data)
    except OSError as err:
        typer.echo(f"hypecheck: error: cannot write {out}: {err.strerror or err}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Wrote {out}")
    if failed:
        raise typer.Exit(1) from None


@app.command()
def batch(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Article files, folders or globs."),
    jsonl: Path = typer.Option(..., "--jsonl", help="Output file: one JSON record per input, scorecard or error."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes; the output is the same for any number."),
    resume: bool = typer.Option(False, "--resume", help="Keep the records already in --jsonl and score only the rest."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    timeout: Optional[float] = typer.Option(None, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """Score many articles into a JSONL file, one record per input, written as they finish.

    Interrupt it (Ctrl-C) and run it again with --resume: finished inputs are kept and skipped.
    Exit codes: 0 all inputs scored, 1 some inputs failed, 2 usage error, 130 interrupted.
    """
    from hypecheck.batch import run_batch

    inputs = expand_inputs(paths)
    try:
        summary = run_batch(inputs, jsonl, jobs, resume, _analyzer(max_bytes, timeout), on_error=lambda e: typer.echo(f"hypecheck: error: {e}", err=True))
    except KeyboardInterrupt:
        typer.echo(f"hypecheck: interrupted; finished records are kept in {jsonl}; run again with --resume", err=True)
        raise typer.Exit(130) from None
    except OSError as err:
        typer.echo(f"hypecheck: error: cannot write {jsonl}: {err.strerror or err}", err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"{summary.scored} scored, {summary.failed} failed"
        + (f", {summary.skipped} already done" if summary.skipped else "")
        + f" -> {jsonl}"
    )
    if summary.failed:
        raise typer.Exit(1) from None


@app.command()
def compare(
    first: str = typer.Argument(..., metavar="A", help="First article."),
    second: str = typer.Argument(..., metavar="B", help="Second article."),
) -> None:
    """Show two articles side by side in the terminal."""
    from hypecheck.batch import score_paths
    from hypecheck.render.text import render_compare

    results = score_paths([first, second], _analyzer(None), expand=False)
    if _report_errors(results):
        raise typer.Exit(1) from None
    typer.echo(render_compare(results[0], results[1]), nl=False)


def main() -> None:
    app()
