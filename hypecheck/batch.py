"""Batches that lose nothing: one JSONL record per input, written as it is done.

Every input gives exactly one line: its scorecard (``hypecheck.scorecard/1``) or an error record
(``hypecheck.error/1``). Lines are flushed one by one, so an interrupted batch keeps what it
finished and ``resume`` skips those inputs next time. With several jobs the articles are scored
in worker processes but written in input order, so the output is byte-identical to one job.
"""

from __future__ import annotations

import json
import multiprocessing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Sequence

from hypecheck.pipeline import Analyzer, default_analyzer, score_paths

_worker_analyzer: Analyzer | None = None


@dataclass(frozen=True)
class BatchSummary:
    total: int  # inputs after expansion
    skipped: int  # already in the output (resume)
    scored: int
    failed: int


def record_line(path: str, analyzer: Analyzer) -> tuple[str, bool]:
    """The JSONL line for one input, and whether it is an error record."""
    (result,) = score_paths([path], analyzer, expand=False)
    record = result.to_dict()
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n", "error" in record


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


def _init_worker(max_bytes: int) -> None:
    global _worker_analyzer
    _worker_analyzer = replace(default_analyzer(), max_bytes=max_bytes)


def _work(path: str) -> tuple[str, bool]:
    assert _worker_analyzer is not None
    return record_line(path, _worker_analyzer)


def _lines(paths: Sequence[str], analyzer: Analyzer, jobs: int) -> Iterator[tuple[str, bool]]:
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield record_line(path, analyzer)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(analyzer.max_bytes,)) as pool:
        yield from pool.imap(_work, paths, chunksize=1)


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
        for line, is_error in _lines(todo, analyzer, jobs):
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
