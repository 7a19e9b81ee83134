"""Scoring many articles: the one engine behind ``score_paths``, the report and ``batch``.

Every input gives exactly one result, in input order: its Scorecard, or a Failure with a
one-line reason. An input is a file, or a row of a collection (JSONL, CSV, Parquet: see
:mod:`hypecheck.read.collection`). Inputs are cut into partitions of a few thousand, and the
partitions are scored by an engine:

- ``local``: this process, or with several jobs a process pool whose workers receive the caller's
  own Analyzer (custom lexicons and terms included) once each;
- ``dask``: a Dask cluster (a ``LocalCluster`` of ``jobs`` worker processes, or the scheduler
  at an address); the Analyzer is sent to each worker once and every partition is one task.

Either way results come back in input order and each record is made by the same function, so
the output is byte-identical for any engine, partitioning and number of workers.

``run_batch`` writes one JSONL line per input (``hypecheck.scorecard/1`` or ``hypecheck.error/1``)
as each finishes, so an interrupted batch keeps what it finished and ``resume`` skips those
inputs next time; or, with ``parquet``, one Parquet file per partition, written under a
temporary name and renamed when complete, so ``resume`` skips the partitions already there.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, Union

from hypecheck.pipeline import Analyzer, Result, default_analyzer, score_one
from hypecheck.read.collection import (
    ARCHIVE_EXTRA,
    Columns,
    MissingExtra,
    Row,
    check_columns,
    count_rows,
    is_collection,
    read_rows,
    row_source,
)
from hypecheck.read.load import InputError, expand_inputs
from hypecheck.scorecard import Failure

PARTITION_ROWS = 2_000  # a few seconds of work per partition: small enough to balance, large enough to amortise a task
MANIFEST = "_hypecheck.json"  # in a Parquet output folder; readers skip names starting with "_"

Item = Union[str, Row]  # a file path, or a row of a collection

# The Analyzer a worker process scores with: the parent's, handed over once per worker.
_worker_analyzer: Analyzer | None = None


@dataclass(frozen=True)
class BatchSummary:
    total: int  # inputs after expansion (rows of collections counted one by one)
    skipped: int  # already in the output (resume)
    scored: int
    failed: int


@dataclass(frozen=True)
class Partition:
    number: int  # from 0, in input order; a Parquet output's file name
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Record:
    """One input's output: its key (a path, or FILE#N for a row), its JSONL line, its row of the
    scores table, and its error ("" when scored)."""

    key: str
    line: str
    row: dict
    error: str


def score_paths(
    paths: Iterable[str | os.PathLike[str]],
    analyzer: Analyzer | None = None,
    expand: bool = True,
    jobs: int = 1,
    columns: Columns | None = None,
) -> list[Result]:
    """Score files, folders (every visible file in them), globs and collections (every row of a
    .jsonl, .csv or .parquet file, read with ``columns``). Every input gives one result, in
    order: a Scorecard, or a Failure with a one-line reason. With ``expand=False`` each path is
    one article file (a folder is then a Failure). A collection missing a named column raises
    :class:`~hypecheck.read.collection.ColumnError` before anything is scored."""
    names = [str(p) for p in paths]
    if not expand:
        return list(score_many(names, analyzer, jobs))
    analyzer = analyzer or default_analyzer()
    columns = columns or Columns()
    inputs = expand_inputs(names)
    check_inputs(inputs, columns)
    items = [item for part in partitions(inputs, columns, PARTITION_ROWS, analyzer.max_bytes) for item in part.items]
    return list(_map(score_item, items, analyzer, jobs))


def score_many(paths: Sequence[str], analyzer: Analyzer | None = None, jobs: int = 1) -> Iterator[Result]:
    """Results for ``paths`` (already expanded) in input order, as they are ready."""
    return _map(score_item, list(paths), analyzer or default_analyzer(), jobs)


def key_of(item: Item) -> str:
    return item.key if isinstance(item, Row) else item


def score_item(item: Item, analyzer: Analyzer) -> Result:
    """A file or a row: its Scorecard, or a Failure with a one-line reason."""
    if not isinstance(item, Row):
        return score_one(item, analyzer)
    try:
        card = analyzer.score_source(row_source(item, analyzer.max_bytes))
    except InputError as err:
        return Failure(item.key, str(err), id=item.id)
    return replace(card, article=replace(card.article, url=item.url or ""))


def make_record(item: Item, analyzer: Analyzer) -> Record:
    result = score_item(item, analyzer)
    record = result.to_dict()
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    return Record(key_of(item), line, result.to_row(), record.get("error", ""))


def score_partition(items: Sequence[Item], analyzer: Analyzer) -> list[Record]:
    """A partition's records, in order: the task a Dask worker runs."""
    return [make_record(item, analyzer) for item in items]


# Inputs and partitions ----------------------------------------------------------------------------


def check_inputs(paths: Sequence[str], columns: Columns) -> None:
    """Fail fast (:class:`~hypecheck.read.collection.ColumnError`) when a collection lacks a named
    column; a collection that cannot be read at all is left to give its own error record."""
    for path in paths:
        if is_collection(path):
            try:
                check_columns(path, columns)
            except InputError as err:
                if type(err) is not InputError:
                    raise


def partitions(paths: Sequence[str], columns: Columns, size: int = PARTITION_ROWS, max_bytes: int | None = None) -> Iterator[Partition]:
    """The inputs in partitions of at most ``size``, in input order: runs of files, and each
    collection's rows (a collection starts a partition of its own). Deterministic for the same
    inputs and size, which is what lets ``resume`` find a Parquet output's partitions again."""
    max_bytes = max_bytes or default_analyzer().max_bytes
    number, run = 0, []
    for path in paths:
        rows = _rows_or_none(path, columns, max_bytes)
        if rows is not None:
            rows = _at_least_one(rows, path)
        if rows is None:
            run.append(path)
            if len(run) == size:
                yield Partition(number, tuple(run))
                number, run = number + 1, []
            continue
        if run:
            yield Partition(number, tuple(run))
            number, run = number + 1, []
        for row in rows:
            run.append(row)
            if len(run) == size:
                yield Partition(number, tuple(run))
                number, run = number + 1, []
        if run:
            yield Partition(number, tuple(run))
            number, run = number + 1, []
    if run:
        yield Partition(number, tuple(run))


def _at_least_one(rows: Iterator[Row], path: str) -> Iterator[Row]:
    """A collection's rows, or one error record for a collection with none: it does not vanish."""
    empty = True
    for row in rows:
        empty = False
        yield row
    if empty:
        yield Row(path, Path(path).stem, None, problem="a collection with no rows")


def _rows_or_none(path: str, columns: Columns, max_bytes: int) -> Iterator[Row] | None:
    """A collection's rows, or None for an input that is scored as one article (or is one error)."""
    if not is_collection(path):
        return None
    try:
        check_columns(path, columns)  # a file that cannot be read as a collection is one error record
    except InputError as err:
        if type(err) is not InputError:
            raise
        return iter([Row(path, Path(path).stem, None, problem=str(err).removeprefix(f"{path}: "))])
    return read_rows(path, columns, max_bytes)


def count_inputs(paths: Sequence[str]) -> int:
    """Inputs after expansion, rows of collections one by one (a progress bar's total)."""
    total = 0
    for path in paths:
        try:
            total += count_rows(path) if is_collection(path) else 1
        except (InputError, OSError):
            total += 1
    return total


# Engines ----------------------------------------------------------------------------------------


def _map(work: Callable[[Item, Analyzer], object], items: Sequence[Item], analyzer: Analyzer, jobs: int) -> Iterator:
    """``work(item, analyzer)`` for every item, in order; in ``jobs`` processes when there is work for them."""
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield work(item, analyzer)
        return
    with _pool(min(jobs, len(items)), analyzer) as pool:
        yield from pool.imap(_Task(work), items, chunksize=1)


def _pool(processes: int, analyzer: Analyzer):
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    return context.Pool(processes, initializer=_init_worker, initargs=(analyzer,))


def _init_worker(analyzer: Analyzer) -> None:
    global _worker_analyzer
    _worker_analyzer = analyzer
    # Ctrl-C reaches every process of the terminal's group: the parent stops the pool and says so
    # in one line; a worker printing its own traceback would only bury that line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass(frozen=True)
class _Task:
    """A picklable ``item -> work(item, the worker's analyzer)``."""

    work: Callable[[Item, Analyzer], object]

    def __call__(self, item: Item) -> object:
        assert _worker_analyzer is not None, "worker started without an analyzer"
        return self.work(item, _worker_analyzer)


def local_records(parts: Iterable[Partition], analyzer: Analyzer, jobs: int) -> Iterator[tuple[Partition, Record]]:
    """Each partition's records in order, one by one as they finish; one pool for the whole run."""
    pool = None
    try:
        for part in parts:
            if jobs > 1 and len(part.items) > 1 and pool is None:
                pool = _pool(jobs, analyzer)
            records = pool.imap(_Task(make_record), part.items, chunksize=1) if pool else (make_record(i, analyzer) for i in part.items)
            for record in records:
                yield part, record
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def dask_records(
    parts: Iterable[Partition], analyzer: Analyzer, jobs: int, scheduler: str | None = None
) -> Iterator[tuple[Partition, Record]]:
    """The same records on a Dask cluster: each partition one task, a few in flight per worker,
    results taken in order. Without ``scheduler``, a LocalCluster of ``jobs`` worker processes."""
    client, cluster = dask_client(jobs, scheduler)
    try:
        # Sent once to every worker and kept there: each worker loads the lexicons and models once.
        pending: deque = deque()
        shared = client.scatter(analyzer, broadcast=True, hash=False)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        for part in parts:
            data = client.scatter([part.items], hash=False)[0]  # straight to a worker, not through the scheduler
            pending.append((part, client.submit(score_partition, data, shared, pure=False)))
            while len(pending) > 2 * workers:
                yield from _finished(*pending.popleft())
        while pending:
            yield from _finished(*pending.popleft())
    finally:
        pending.clear()
        client.close()
        if cluster is not None:
            cluster.close()


class EngineError(RuntimeError):
    """The Dask cluster failed the run (unreachable scheduler, a worker lost): one line."""


def _finished(part: Partition, future) -> Iterator[tuple[Partition, Record]]:
    try:
        records = future.result()
    except Exception as err:  # KilledWorker, a lost connection, ...: the run stops, what is written stays
        raise EngineError(f"the Dask cluster failed partition {part.number} ({type(err).__name__}: {str(err)[:200]})") from err
    for record in records:
        yield part, record


def dask_client(jobs: int, scheduler: str | None):
    """A Client of the scheduler at ``scheduler``, or of a new LocalCluster of ``jobs`` processes."""
    try:
        import logging

        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingExtra(f"--engine dask needs dask and distributed: {ARCHIVE_EXTRA}") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError, ValueError) as err:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({str(err).splitlines()[0][:160]})") from None
    # The workers start with Ctrl-C ignored (they inherit it): the client stops the run and says
    # so in one line, instead of every worker printing a traceback.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if _main_thread() else None
    # Forked, as the local pool's workers are, where the platform can: a spawned worker imports
    # the pipeline afresh (nltk pulls in scipy.stats), 4-10 s per worker on a busy 2-core
    # machine against about 1 s forked. Workers' shutdown chatter (a heartbeat racing the
    # scheduler's close) is silenced; a task's error still reaches the client and is raised.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    try:
        with dask.config.set({"distributed.worker.multiprocessing-method": method}):
            cluster = LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.CRITICAL
            )
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return Client(cluster), cluster


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# The batch --------------------------------------------------------------------------------------


def done_paths(out: Path) -> set[str]:
    """Inputs already recorded in an earlier (perhaps interrupted) run's output, read line by line."""
    done: set[str] = set()
    if not out.exists():
        return done
    with out.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
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
    out: Path | None = None,
    jobs: int = 1,
    resume: bool = False,
    analyzer: Analyzer | None = None,
    on_error: Callable[[str], None] | None = None,
    *,
    parquet: Path | None = None,
    columns: Columns = Columns(),
    engine: str = "local",
    scheduler: str | None = None,
    partition_rows: int = PARTITION_ROWS,
    on_progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Score ``paths`` (already expanded: files and collections) into the JSONL file ``out`` or,
    with ``parquet``, into one Parquet file per partition in that folder.

    ``on_progress(n)`` is called as n more inputs are done (skipped ones included)."""
    analyzer = analyzer or default_analyzer()
    if (out is None) == (parquet is None):
        raise ValueError("give exactly one output: out (JSONL) or parquet (a folder)")
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}: local or dask")
    check_inputs(paths, columns)
    if parquet is not None:
        from hypecheck.frame import require_pyarrow

        require_pyarrow()  # before anything is written: without it, one line saying what to install
        sink = _ParquetSink(parquet, paths, partition_rows, resume)
    else:
        sink = _JsonlSink(out, resume)
    parts = (p for p in sink.todo(partitions(paths, columns, partition_rows, analyzer.max_bytes), on_progress))
    run = dask_records(parts, analyzer, jobs, scheduler) if engine == "dask" else local_records(parts, analyzer, jobs)
    scored = failed = 0
    with sink:
        for part, record in run:
            sink.write(part, record)
            if record.error:
                failed += 1
                if on_error:
                    on_error(record.error)
            else:
                scored += 1
            if on_progress:
                on_progress(1)
    return BatchSummary(sink.total, sink.skipped, scored, failed)


class _JsonlSink:
    """One line per input, appended and flushed as each finishes; resume skips inputs by key."""

    def __init__(self, out: Path, resume: bool) -> None:
        self.out, self.resume = out, resume
        if resume and out.exists():
            _drop_cut_line(out)  # first: a complete record that lost only its newline is scored again, not lost
        self.done = done_paths(out) if resume else set()
        self.total = self.skipped = 0

    def todo(self, parts: Iterable[Partition], on_progress) -> Iterator[Partition]:
        for part in parts:
            items = tuple(i for i in part.items if key_of(i) not in self.done)
            self.total += len(part.items)
            self.skipped += len(part.items) - len(items)
            if on_progress and len(items) < len(part.items):
                on_progress(len(part.items) - len(items))
            if items:
                yield Partition(part.number, items)

    def __enter__(self):
        self.handle = self.out.open("a" if self.resume else "w", encoding="utf-8")
        return self

    def write(self, part: Partition, record: Record) -> None:
        self.handle.write(record.line)
        self.handle.flush()

    def __exit__(self, *exc) -> None:
        self.handle.close()


class _ParquetSink:
    """One Parquet file per partition (``part-000000.parquet``), written as ``.part-….tmp`` and
    renamed when complete; resume skips the partitions whose file is there."""

    def __init__(self, folder: Path, paths: Sequence[str], size: int, resume: bool) -> None:
        self.folder = folder
        self.total = self.skipped = 0
        manifest = {"schema": "hypecheck.batch/1", "inputs": [str(Path(p).resolve()) for p in paths], "partition_rows": size}
        folder.mkdir(parents=True, exist_ok=True)
        ours = [f for f in folder.iterdir() if f.name == MANIFEST or f.name.startswith(("part-", ".part-"))]
        others = [f for f in folder.iterdir() if f not in ours]
        if others:
            raise InputError(f"{folder}: holds files hypecheck did not write ({others[0].name}); give --parquet an empty or new folder")
        saved = folder / MANIFEST
        if resume and saved.exists():
            if json.loads(saved.read_text(encoding="utf-8")) != manifest:
                raise InputError(f"{folder}: was written for other inputs or another --partition-rows; resume with the same ones, or drop --resume")
        for f in ours:
            if not resume or f.name.startswith(".part-"):
                f.unlink()  # a new run starts clean; a resumed one drops only unfinished partitions
        saved.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        self.pending: dict[int, list[Record]] = {}

    @staticmethod
    def name(number: int) -> str:
        return f"part-{number:06d}.parquet"

    def todo(self, parts: Iterable[Partition], on_progress) -> Iterator[Partition]:
        for part in parts:
            self.total += len(part.items)
            if (self.folder / self.name(part.number)).exists():
                self.skipped += len(part.items)
                if on_progress:
                    on_progress(len(part.items))
                continue
            self.pending[part.number] = []
            yield part

    def __enter__(self):
        return self

    def write(self, part: Partition, record: Record) -> None:
        done = self.pending[part.number]
        done.append(record)
        if len(done) == len(part.items):
            from hypecheck.frame import write_parquet

            final = self.folder / self.name(part.number)
            temporary = self.folder / f".{final.name}.tmp"
            write_parquet(self.pending.pop(part.number), temporary)
            os.replace(temporary, final)

    def __exit__(self, *exc) -> None:
        pass


def _drop_cut_line(out: Path) -> None:
    """An interrupted write can leave half a line at the end; it is removed before appending."""
    with out.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        # Walk back to the last newline without reading the whole file.
        position = size
        while position > 0:
            step = min(65_536, position)
            handle.seek(position - step)
            chunk = handle.read(step)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                handle.truncate(position - step + cut + 1)
                return
            position -= step
        handle.truncate(0)
