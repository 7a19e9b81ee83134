"""Scoring many articles: the one engine behind ``score_paths``, the report and ``batch``.

Every input gives exactly one result, in input order: its Scorecard, or a Failure with a
one-line reason. With several jobs the articles are scored in worker processes that receive the
caller's own Analyzer (custom lexicons and terms included), and results come back in input
order, so the output is byte-identical for any number of jobs.

``run_batch`` writes one JSONL line per input (``hypecheck.scorecard/1`` or ``hypecheck.error/1``)
as each finishes and flushes it, so an interrupted batch keeps what it finished and ``resume``
skips those inputs next time.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from hypecheck.pipeline import Analyzer, Result, default_analyzer, score_one
from hypecheck.read.load import expand_inputs

T = TypeVar("T")

# The Analyzer a worker process scores with: the parent's, handed over once per worker.
_worker_analyzer: Analyzer | None = None


@dataclass(frozen=True)
class BatchSummary:
    total: int  # inputs after expansion
    skipped: int  # already in the output (resume)
    scored: int
    failed: int


def score_paths(
    paths: Iterable[str | os.PathLike[str]], analyzer: Analyzer | None = None, expand: bool = True, jobs: int = 1
) -> list[Result]:
    """Score files, folders (every visible file in them) and globs. Every input gives one
    result, in order: a Scorecard, or a Failure with a one-line reason. With ``expand=False``
    each path must be a file (a folder is then a Failure)."""
    names = [str(p) for p in paths]
    return list(score_many(expand_inputs(names) if expand else names, analyzer, jobs))


def score_many(paths: Sequence[str], analyzer: Analyzer | None = None, jobs: int = 1) -> Iterator[Result]:
    """Results for ``paths`` (already expanded) in input order, as they are ready."""
    return _map(score_one, paths, analyzer or default_analyzer(), jobs)


def record_line(path: str, analyzer: Analyzer) -> tuple[str, bool]:
    """The JSONL line for one input, and whether it is an error record."""
    record = score_one(path, analyzer).to_dict()
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n", "error" in record


def _map(work: Callable[[str, Analyzer], T], paths: Sequence[str], analyzer: Analyzer, jobs: int) -> Iterator[T]:
    """``work(path, analyzer)`` for every path, in order; in ``jobs`` processes when there is work for them."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield work(path, analyzer)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(min(jobs, len(paths)), initializer=_init_worker, initargs=(analyzer,)) as pool:
        yield from pool.imap(_Task(work), paths, chunksize=1)


def _init_worker(analyzer: Analyzer) -> None:
    global _worker_analyzer
    _worker_analyzer = analyzer


@dataclass(frozen=True)
class _Task:
    """A picklable ``path -> work(path, the worker's analyzer)``."""

    work: Callable[[str, Analyzer], object]

    def __call__(self, path: str) -> object:
        assert _worker_analyzer is not None, "worker started without an analyzer"
        return self.work(path, _worker_analyzer)


def done_paths(out: Path) -> set[str]:
    """Inputs already recorded in an earlier (perhaps interrupted) run's output."""
    done: set[str] = set()
    if not out.exists():
        return done
    for line in out.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut off by an interruption is scored again
        path = record.get("path") or record.get("article", {}).get("path")
        if path:
            done.add(path)
    return done


def run_batch(
    paths: Sequence[str],
    out: Path,
    jobs: int = 1,
    resume: bool = False,
    analyzer: Analyzer | None = None,
    on_error: Callable[[str], None] | None = None,
) -> BatchSummary:
    """Score ``paths`` (already expanded) into the JSONL file ``out``."""
    analyzer = analyzer or default_analyzer()
    skip = done_paths(out) if resume else set()
    todo = [p for p in paths if p not in skip]
    if resume and out.exists():
        _drop_cut_line(out)
    scored = failed = 0
    with out.open("a" if resume else "w", encoding="utf-8") as handle:
        for line, is_error in _map(record_line, todo, analyzer, jobs):
            handle.write(line)
            handle.flush()
            if is_error:
                failed += 1
                if on_error:
                    on_error(json.loads(line)["error"])
            else:
                scored += 1
    return BatchSummary(len(paths), len(paths) - len(todo), scored, failed)


def _drop_cut_line(out: Path) -> None:
    """An interrupted write can leave half a line at the end; it is removed before appending."""
    data = out.read_bytes()
    if data and not data.endswith(b"\n"):
        out.write_bytes(data[: data.rfind(b"\n") + 1])
