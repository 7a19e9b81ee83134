"""The command line: parse arguments, call the library, render. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import List, Optional

import typer

from . import __version__
from .load import InputError, read_text
from .pipeline import Failure, default_analyzer, score_paths
from .render import render_json, render_markdown, render_text

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="hypecheck reads a news article and shows, with evidence, how much of it is hype.",
)


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
) -> None:
    """Score articles on the five dimensions and show the sentences behind each score.

    Exit codes: 0 all inputs scored, 1 some inputs failed, 2 usage error.
    """
    analyzer = default_analyzer()
    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    results = []
    for path in paths:
        if path == "-":
            try:
                results.append(analyzer.score_source(read_text(sys.stdin.read(), "stdin")))
            except InputError as err:
                results.append(Failure("-", str(err)))
        else:
            results.extend(score_paths([path], analyzer))
    failed = 0
    for index, result in enumerate(results):
        if isinstance(result, Failure):
            failed += 1
            typer.echo(f"hypecheck: error: {result.error}", err=True)
            continue
        if format is Format.json:
            typer.echo(render_json(result), nl=False)
        elif format is Format.markdown:
            typer.echo(render_markdown(result, explain=explain), nl=False)
        else:
            if index:
                typer.echo("")
            typer.echo(render_text(result, explain=explain, color=use_color), nl=False)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app()
