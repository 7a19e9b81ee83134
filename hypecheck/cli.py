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

# The scoring pipeline (nltk, numpy, the models), the renderers (which read the dimension
# registry), even the scorecard and the readers are imported inside the commands that use them,
# so `hypecheck --help` and `--version` start without them (tests/test_cli.py checks; the
# start-up time is bench/run.py's line 6).

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    # Plain click help: flags read as switches (--explain, --color / --no-color), not "<bool>", and
    # `--help` does not load rich.
    rich_markup_mode=None,
    help="hypecheck reads a news article and shows, with evidence, how much of it is hype.",
)


MAX_BYTES_HELP = "Refuse inputs larger than this many bytes (default 10,000,000)."
CONFIG_HELP = (
    "Settings file: weights, extra terms, terms to ignore (default: ./hypecheck.toml, "
    "else [tool.hypecheck] in ./pyproject.toml). The scorecards list what it changed under settings."
)
TIMEOUT_HELP = "Seconds allowed for fetching each URL, all of it (default 20)."


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    lines = "lines"


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
    paths: List[str] = typer.Argument(
        ..., metavar="PATH...", help="Article files (.txt, .md, .html), URLs (http:// or https://), or - for standard input."
    ),
    format: Format = typer.Option(
        Format.text,
        "--format",
        "-f",
        help="text (the scorecard), markdown, json (always one array: a scorecard or an error record per input, "
        "in input order), or lines (path:line:col: dimension: message, one per evidence item, for editors and CI).",
    ),
    explain: bool = typer.Option(False, "--explain/--no-explain", help="Show all evidence, not just the top sentences (text, markdown)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the terminal view (default: when a terminal)."),
    fail_above: Optional[float] = typer.Option(
        None, "--fail-above", metavar="N", help="Exit with 3 when an article's hype index (or --dimension score) is above N (0-100)."
    ),
    dimension: Optional[str] = typer.Option(
        None, "--dimension", metavar="NAME", help="With --fail-above: compare this dimension's score (e.g. promotional) instead of the hype index."
    ),
    config: Optional[Path] = typer.Option(None, "--config", metavar="PATH", help=CONFIG_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    timeout: Optional[float] = typer.Option(None, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """Score articles on the five dimensions and show the sentences behind each score.

    Exit codes: 0 all inputs scored (and none above --fail-above), 1 some inputs failed,
    2 usage error (a bad option or settings file), 3 an article is above --fail-above.
    """
    from hypecheck.batch import score_paths
    from hypecheck.read.load import InputError, read_bytes, read_stdin
    from hypecheck.render import render_lines, render_markdown, render_text
    from hypecheck.scorecard import Failure, Scorecard

    measure = _threshold(fail_above, dimension)
    analyzer = _analyzer(max_bytes, config, timeout)
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
        # One shape whatever the number of inputs: an array with one record per input, in input
        # order, each a scorecard (schema hypecheck.scorecard/1) or an error (hypecheck.error/1).
        typer.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    elif format is Format.lines:
        typer.echo("".join(render_lines(c) for c in cards), nl=False)
    elif format is Format.markdown:
        typer.echo("\n".join(render_markdown(c, explain=explain) for c in cards), nl=False)
    else:
        typer.echo("\n".join(render_text(c, explain=explain, color=use_color) for c in cards), nl=False)
    if failed:
        raise typer.Exit(1) from None
    if measure is not None:
        above = [(c, measure(c)) for c in cards if measure(c) > fail_above]
        if above:
            what = f"{dimension} score" if dimension else "hype index"
            listed = ", ".join(f"{c.article.path or c.article.id} ({value:.1f})" for c, value in above)
            typer.echo(f"hypecheck: {len(above)} of {len(cards)} article{'s' if len(cards) != 1 else ''} above {fail_above:g} ({what}): {listed}", err=True)
            raise typer.Exit(3)


def _threshold(fail_above: float | None, dimension: str | None):
    """What --fail-above compares (a function of a scorecard), or None; usage errors exit 2."""
    if fail_above is None:
        if dimension is not None:
            raise typer.BadParameter("needs --fail-above N", param_hint="--dimension")
        return None
    if not 0 <= fail_above <= 100:
        raise typer.BadParameter(f"must be a score from 0 to 100, not {fail_above:g}", param_hint="--fail-above")
    if dimension is None:
        return lambda card: card.hype_index
    from hypecheck.dimensions import DIMENSIONS

    if dimension not in DIMENSIONS:
        raise typer.BadParameter(f"unknown dimension {dimension!r}; one of: {', '.join(DIMENSIONS)}", param_hint="--dimension")
    return lambda card: card[dimension].score


class ChartKind(str, Enum):
    heatmap = "heatmap"
    scatter = "scatter"
    numbers = "numbers"
    profile = "profile"


def _analyzer(max_bytes: int | None = None, config: Path | None = None, timeout: float | None = None):
    """The shared analyzer with --max-bytes, --timeout and the settings file applied. A bad settings
    file is a usage error: one line naming the file and the line, exit 2; a damaged data file one
    line naming it, exit 1."""
    from dataclasses import replace

    from hypecheck.classifier import ModelError
    from hypecheck.dimensions import HYPE_WEIGHTS
    from hypecheck.lexicon import LEXICON_NAMES, LexiconError
    from hypecheck.pipeline import default_analyzer
    from hypecheck.settings import ConfigError, find_config, load_settings

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
    path = config if config is not None else find_config(Path())  # relative, as the user sees it
    if path is not None:
        try:
            analyzer = analyzer.with_settings(load_settings(path, HYPE_WEIGHTS, LEXICON_NAMES))
        except ConfigError as err:
            typer.echo(f"hypecheck: error: {err}", err=True)
            raise typer.Exit(2) from None
    return analyzer


def _report_errors(results) -> int:
    from hypecheck.scorecard import Failure

    failed = [r for r in results if isinstance(r, Failure)]
    for f in failed:
        typer.echo(f"hypecheck: error: {f.error}", err=True)
    return len(failed)


@app.command()
def report(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Article files, folders or globs."),
    out: Path = typer.Option(Path("hypecheck-report"), "--out", "-o", help="Folder to write the report into."),
    date: bool = typer.Option(True, "--date/--no-date", help="Print the generation date in the report (--no-date for byte-identical reports)."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="PATH", help=CONFIG_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    timeout: Optional[float] = typer.Option(None, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """Write a class report: index.html (self-contained), scores.csv, scorecards.jsonl, charts/.

    Exit codes: 0 all inputs scored, 1 some inputs failed (they are listed in the report), 2 usage error.
    """
    from datetime import datetime, timezone

    from hypecheck.batch import score_paths
    from hypecheck.read.load import InputError, expand_inputs, inputs_overlapping
    from hypecheck.render.report import build_report

    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if date else None
    inputs = expand_inputs(paths)
    clash = inputs_overlapping(out, inputs, folder=True)
    if clash:
        _usage(f"{clash} is inside --out {out}, which the report replaces: choose another folder")
    try:
        files = build_report(score_paths(paths, _analyzer(max_bytes, config, timeout)), out, generated)
    except InputError as err:  # a collection without a text column: nothing was scored
        _usage(str(err))
    except OSError as err:
        typer.echo(f"hypecheck: error: cannot write the report to {out}: {err.strerror or err}", err=True)
        raise typer.Exit(1) from None
    failed = _report_errors(files.results)
    scored = len(files.results) - failed
    typer.echo(f"Report on {scored} article{'s' if scored != 1 else ''} written to {files.index}" + (f" ({failed} failed)" if failed else ""))
    typer.echo(f"Open it in a browser: file://{files.index.resolve()}")
    from hypecheck.render.report import PROFILE_LIMIT

    if scored > PROFILE_LIMIT:
        typer.echo(f"Profile charts are drawn for the {PROFILE_LIMIT} articles with the highest hype index; "
                   "hypecheck chart ARTICLE --kind profile --out p.svg draws any other.")
    if failed:
        raise typer.Exit(1) from None


@app.command()
def chart(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Article files, folders or globs."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file, .png or .svg."),
    kind: ChartKind = typer.Option(ChartKind.heatmap, "--kind", "-k", help="Which chart (profile needs one article)."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="PATH", help=CONFIG_HELP),
) -> None:
    """Draw one comparison chart of the articles to a PNG or SVG file."""
    from hypecheck.batch import score_paths
    from hypecheck.render import charts as chartlib
    from hypecheck.scorecard import Scorecard, rank

    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        typer.echo(f"hypecheck: error: --out must end in .png or .svg, not {out.name!r}", err=True)
        raise typer.Exit(2)
    results = score_paths(paths, _analyzer(None, config))
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


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def batch(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Article files, folders, globs, and collections (.jsonl, .csv, .parquet: one article per row)."),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="Output file: one JSON record per input, scorecard or error."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", metavar="OUT_DIR", help="Output folder: one Parquet file per partition (the scores table and each full record)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes; the output is the same for any number."),
    resume: bool = typer.Option(False, "--resume", help="Keep the records (or Parquet partitions) already written and score only the rest."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="PATH", help=CONFIG_HELP),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=MAX_BYTES_HELP),
    text_column: str = typer.Option("text", "--text-column", help="Collections: the column holding the article text."),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Collections: the column holding the article id (default: id, else the row number)."),
    title_column: Optional[str] = typer.Option(None, "--title-column", help="Collections: a column holding the title (it becomes the first line)."),
    url_column: Optional[str] = typer.Option(None, "--url-column", help="Collections: a column holding the URL (kept in the record as article.url)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: a process pool on this machine; dask: a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="--engine dask: the scheduler to use (default: a LocalCluster of --jobs workers)."),
    partition_rows: int = typer.Option(2000, "--partition-rows", min=1, help="Inputs per partition (one Dask task, one Parquet file)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="A progress bar on standard error (default: when it is a terminal)."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help=TIMEOUT_HELP),
) -> None:
    """Score many articles into a JSONL file (or Parquet files), one record per input, written as they finish.

    Interrupt it (Ctrl-C) and run it again with --resume: finished inputs are kept and skipped.
    Exit codes: 0 all inputs scored, 1 some inputs failed, 2 usage error, 130 interrupted.
    """
    from hypecheck.batch import EngineError, count_inputs, run_batch
    from hypecheck.read.collection import Columns, ColumnError, MissingExtra
    from hypecheck.read.load import InputError, expand_inputs, inputs_overlapping

    if (jsonl is None) == (parquet is None):
        _usage("give one output: --jsonl FILE or --parquet OUT_DIR")
    if scheduler and engine is not Engine.dask:
        _usage("--scheduler needs --engine dask")
    out = jsonl or parquet
    inputs = expand_inputs(paths, exclude=jsonl)
    clash = inputs_overlapping(out, inputs, folder=parquet is not None)
    if clash:
        _usage(f"{clash} is an input; writing {out} would overwrite it: choose another output")
    columns = Columns(text_column, id_column or "id", title_column, url_column, id_required=id_column is not None)
    show = progress if progress is not None else sys.stderr.isatty()
    bar = _ProgressBar(count_inputs(inputs)) if show else None
    try:
        summary = run_batch(
            inputs, jsonl, jobs, resume, _analyzer(max_bytes, config, timeout), on_error=lambda e: typer.echo(f"hypecheck: error: {e}", err=True),
            parquet=parquet, columns=columns, engine=engine.value, scheduler=scheduler, partition_rows=partition_rows, on_progress=bar,
        )
    except KeyboardInterrupt:
        kept = "records" if jsonl else "partitions"
        typer.echo(f"\nhypecheck: interrupted; finished {kept} are kept in {out}; run again with --resume", err=True)
        raise typer.Exit(130) from None
    except (ColumnError, MissingExtra) as err:
        _usage(str(err))
    except (InputError, EngineError) as err:
        typer.echo(f"hypecheck: error: {err}", err=True)
        raise typer.Exit(1) from None
    except OSError as err:
        typer.echo(f"hypecheck: error: cannot write {out}: {err.strerror or err}", err=True)
        raise typer.Exit(1) from None
    finally:
        if bar:
            bar.close()
    typer.echo(
        f"{summary.scored} scored, {summary.failed} failed"
        + (f", {summary.skipped} already done" if summary.skipped else "")
        + f" -> {out}"
    )
    if summary.failed:
        raise typer.Exit(1) from None


def _usage(message: str) -> None:
    typer.echo(f"hypecheck: error: {message}", err=True)
    raise typer.Exit(2)


class _ProgressBar:
    """done/total and articles per second on standard error, redrawn at most five times a second."""

    def __init__(self, total: int) -> None:
        import time

        self.clock = time.monotonic
        self.total, self.done, self.start, self.drawn = total, 0, self.clock(), 0.0

    def __call__(self, n: int) -> None:
        self.done += n
        if self.clock() - self.drawn >= 0.2 or self.done >= self.total:
            self.drawn = self.clock()
            share = self.done / max(1, self.total)
            rate = self.done / max(1e-9, self.drawn - self.start)
            filled = int(30 * min(1.0, share))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done:,}/{self.total:,} {share:4.0%} {rate:6.1f} articles/s")
            sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


@app.command()
def compare(
    first: str = typer.Argument(..., metavar="A", help="First article."),
    second: str = typer.Argument(..., metavar="B", help="Second article."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="PATH", help=CONFIG_HELP),
) -> None:
    """Show two articles side by side in the terminal."""
    from hypecheck.batch import score_paths
    from hypecheck.render.text import render_compare

    results = score_paths([first, second], _analyzer(None, config), expand=False)
    if _report_errors(results):
        raise typer.Exit(1) from None
    typer.echo(render_compare(results[0], results[1]), nl=False)


def main() -> None:
    app()
