"""hypecheck benchmarks: throughput, cold start, batch scaling and memory, as ratios.

    python bench/run.py            # the full run: 10,000-article batch (about 15 minutes on 2 cores)
    python bench/run.py --n 40     # a quick run (CI uses this; it asserts nothing about time)
    python bench/run.py --only archive --collection-n 2000   # one section: archive (issue 17) or report (issue 19)

Every figure is printed next to a baseline measured in the same run on the same machine, so the
ratio means something on a shared, noisy machine. See bench/README.md for targets and results.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import write_corpus  # noqa: E402
import reference  # noqa: E402

PEAK_RSS = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def measured(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB, largest process) of a fresh process."""
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True, check=True)
    seconds, kilobytes, _ = out.stdout.split()
    return float(seconds), int(kilobytes) / 1024


def throughput(paths: list[Path]) -> tuple[float, float]:
    """Articles per second on one core: the full scorecard, and textstat's formulas alone."""
    import hypecheck
    from hypecheck.dimensions.readability import LANG, use_offline_cmudict

    use_offline_cmudict()
    from textstat.backend import metrics

    texts = [p.read_text(encoding="utf-8") for p in paths]
    analyzer = hypecheck.default_analyzer()
    analyzer.score_text(texts[0])  # warm-up: lexicons, models, the syllable dictionary
    start = time.perf_counter()
    for i, text in enumerate(texts):
        analyzer.score_text(text, name=f"a{i}")
    full = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for text in texts:
        for formula in (metrics.flesch_reading_ease, metrics.flesch_kincaid_grade, metrics.gunning_fog, metrics.smog_index):
            formula(text, LANG)
    baseline = len(texts) / (time.perf_counter() - start)
    return full, baseline


def cold_start(repeats: int = 5) -> tuple[float, float]:
    """Median wall time of each fresh process; the two alternate, so a load spike hits both."""
    hypecheck_cli = [sys.executable, "-m", "hypecheck", "score", str(ROOT / "seeds/001_cc3d44188af943b4.txt"), "--format", "json"]
    textstat_only = [sys.executable, "-c", "import textstat"]
    pairs = [(measured(hypecheck_cli)[0], measured(textstat_only)[0]) for _ in range(repeats)]
    return statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)


def help_start(repeats: int = 7) -> dict[str, float]:
    """Median wall time of the installed ``hypecheck`` command for ``--version`` and ``--help``
    (what a user and an editor integration pay before anything is scored), and of a bare
    ``python -c pass`` for scale. Target: under 0.3 s each."""
    script = Path(sys.executable).parent / "hypecheck"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "hypecheck"]
    runs: dict[str, list[float]] = {"--version": [], "--help": [], "python": []}
    for _ in range(repeats):  # interleaved, so a load spike hits all three
        runs["--version"].append(measured([*command, "--version"])[0])
        runs["--help"].append(measured([*command, "--help"])[0])
        runs["python"].append(measured([sys.executable, "-c", "pass"])[0])
    return {name: statistics.median(times) for name, times in runs.items()}


def help_line(times: dict[str, float]) -> str:
    return (
        f"6. startup: hypecheck --version {times['--version']:.2f} s, --help {times['--help']:.2f} s (target < 0.30 s); "
        f"python -c pass {times['python']:.2f} s; ratio {times['--help'] / times['python']:.1f}x"
    )


def batch(folder: Path, jobs: int, out: Path) -> tuple[float, float]:
    return measured([sys.executable, "-m", "hypecheck", "batch", str(folder), "--jsonl", str(out), "--jobs", str(jobs)])


# A Dask run as the CLI does it (a LocalCluster of 2 worker processes, started inside the timing),
# then each worker's peak resident memory: the client's own is not a worker's.
DASK_RUN = """
import json, resource, sys, time
from pathlib import Path
def _has_archive_extra() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("distributed", "pyarrow"))


if __name__ == "__main__":
    start = time.perf_counter()
    from hypecheck.batch import dask_client, run_batch
    from hypecheck.read.collection import Columns
    client, cluster = dask_client(2, None)
    run_batch([sys.argv[1]], Path(sys.argv[2]), engine="dask", scheduler=cluster.scheduler_address, columns=Columns(title="title"),
              partition_rows=int(sys.argv[3]))
    seconds = time.perf_counter() - start
    peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    client.close(); cluster.close()
    print(json.dumps({"seconds": seconds, "worker_mb": sorted(peaks.values())}))
"""


def collection(folder: Path, n: int, seed: int) -> Path:
    """n corpus articles as one Parquet collection (id, title, text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = write_corpus(folder, n, seed=seed)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    path = folder.with_suffix(".parquet")
    pq.write_table(pa.table({"id": [p.stem for p in paths], "title": [t.split("\n", 1)[0][:120] for t in texts], "text": texts}), path)
    return path


def dask_run(source: Path, out: Path, partition_rows: int) -> tuple[float, list[float]]:
    script = out.with_name("bench_dask_run.py")  # not dask.py: it would shadow the dask package
    script.write_text(DASK_RUN, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(source), str(out), str(partition_rows)], capture_output=True, text=True, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return found["seconds"], found["worker_mb"]


def archive(tmp: Path, n: int) -> dict[str, float]:
    """Issue 17: a Parquet collection, local --jobs 2 against a Dask LocalCluster of 2 workers."""
    large, small = collection(tmp / "archive", n, 4), collection(tmp / "archive_small", max(1, n // 10), 5)
    local_out, dask_out, small_out = tmp / "local.jsonl", tmp / "dask.jsonl", tmp / "dask_small.jsonl"
    # A worker holds one partition's records until the client takes them, so its memory grows with
    # the partition size; to see it flat in n, both runs use partitions of n/10 rows (at most 2,000).
    rows = max(1, min(2_000, n // 10))
    local_s, local_mb = measured([sys.executable, "-m", "hypecheck", "batch", str(large), "--jsonl", str(local_out), "--jobs", "2",
                                  "--title-column", "title", "--partition-rows", str(rows)])
    dask_s, worker_mb = dask_run(large, dask_out, rows)
    _, small_worker_mb = dask_run(small, small_out, rows)
    same = local_out.read_bytes() == dask_out.read_bytes()
    overhead = dask_s / local_s - 1
    print(f"7. archive of {n} rows (Parquet, partitions of {rows}): local --jobs 2 {local_s:.1f} s ({n / local_s:.1f} rows/s), peak {local_mb:.0f} MB; "
          f"dask LocalCluster 2 workers {dask_s:.1f} s ({n / dask_s:.1f} rows/s); overhead {overhead:+.0%} (target <= +15%); identical records: {same}")
    print(f"8. dask worker peak memory: {max(small_worker_mb):.0f} MB at {max(1, n // 10)} rows -> {max(worker_mb):.0f} MB at {n} rows "
          f"(x{max(worker_mb) / max(small_worker_mb):.2f}; flat: x1.0)")
    return {"archive_dask_overhead": overhead, "archive_identical": same, "worker_mb_growth": max(worker_mb) / max(small_worker_mb)}


def report(tmp: Path, n: int) -> dict[str, float]:
    """Issue 19, item 9: a report on n small files (5,000 took over 15 minutes before)."""
    folder = tmp / "notes"
    folder.mkdir()
    for i in range(n):
        (folder / f"note{i:05d}.txt").write_text(
            f"The firm's new tool sold {i + 3} units, the company said.\n\nAnalysts said {i % 9 + 1} of 10 buyers liked it. Sales rose {i % 90} percent.\n",
            encoding="utf-8",
        )
    batch_s, _ = measured([sys.executable, "-m", "hypecheck", "batch", str(folder), "--jsonl", str(tmp / "notes.jsonl")])
    report_s, report_mb = measured([sys.executable, "-m", "hypecheck", "report", str(folder), "--out", str(tmp / "notes-report")])
    charts = tmp / "notes-report" / "charts"
    heatmap_kb = (charts / "heatmap.png").stat().st_size / 1024
    print(f"9. report on {n} small files: {report_s:.1f} s (batch of the same {batch_s:.1f} s, x{report_s / batch_s:.1f}), peak {report_mb:.0f} MB; "
          f"{len(list(charts.iterdir()))} chart files; heatmap.png {heatmap_kb:.0f} KB")
    return {"report_over_batch": report_s / batch_s, "heatmap_kb": heatmap_kb}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the large batch (the small one is n/10)")
    parser.add_argument("--throughput-n", type=int, default=200, help="articles for the one-core throughput")
    parser.add_argument("--collection-n", type=int, default=10_000, help="rows of the archive benchmark (7, 8)")
    parser.add_argument("--report-n", type=int, default=5_000, help="small files in the report benchmark (9)")
    parser.add_argument("--only", choices=("all", "core", "archive", "report"), default="all", help="run one group of measurements")
    parser.add_argument("--startup-only", action="store_true", help="measure only --help/--version start-up (line 6; seconds)")
    args = parser.parse_args()
    if args.startup_only:
        print(help_line(help_start()))
        return 0
    results: dict[str, float] = {}
    if args.only in ("archive", "report"):
        with tempfile.TemporaryDirectory() as tmp:
            results = archive(Path(tmp), args.collection_n) if args.only == "archive" else report(Path(tmp), args.report_n)
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in results.items()}))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        small, large = tmp_path / "small", tmp_path / "large"
        sample = write_corpus(tmp_path / "sample", min(args.throughput_n, args.n), seed=1)
        write_corpus(small, max(1, args.n // 10), seed=2)
        write_corpus(large, args.n, seed=3)

        full, base = throughput(sample)
        print(f"1. throughput, one core: full scorecard {full:.1f} articles/s; textstat formulas alone {base:.1f} articles/s; ratio {full / base:.2f}x (target >= 0.35x)")
        ours, base_start = cold_start()
        print(f"2. cold start: hypecheck score --format json {ours:.2f} s; python -c 'import textstat' {base_start:.2f} s; ratio {ours / base_start:.2f}x (target <= 1.3x)")
        t1, m1 = batch(large, 1, tmp_path / "j1.jsonl")
        t2, m2 = batch(large, 2, tmp_path / "j2.jsonl")
        same = (tmp_path / "j1.jsonl").read_bytes() == (tmp_path / "j2.jsonl").read_bytes()
        print(f"3. batch of {args.n}: --jobs 1 {t1:.1f} s, peak {m1:.0f} MB; --jobs 2 {t2:.1f} s, peak {m2:.0f} MB; speed-up {t1 / t2:.2f}x (target >= 1.8x); identical output: {same}")
        ts, ms = batch(small, 1, tmp_path / "small.jsonl")
        print(f"4. growth {max(1, args.n // 10)} -> {args.n} articles: time x{t1 / ts:.1f} (linear: x{args.n / max(1, args.n // 10):.0f}), peak memory {ms:.0f} -> {m1:.0f} MB (x{m1 / ms:.2f}, flat: x1.0; target < 400 MB)")
        import hypecheck

        saved = reference.check(hypecheck.default_analyzer(), min(args.n, reference.DEFAULT_N))
        print(f"5. scorecards byte-identical to the saved reference (bench/reference.py): {saved.identical} of {saved.checked}")
        startup = help_start()
        print(help_line(startup))
        results = {
            "throughput_ratio": full / base, "cold_start_ratio": ours / base_start, "jobs2_speedup": t1 / t2,
            "peak_mb_jobs1": m1, "peak_mb_jobs2": m2, "time_growth": t1 / ts, "memory_growth": m1 / ms, "identical": same,
            "reference_identical": not saved.differ, "help_seconds": startup["--help"], "version_seconds": startup["--version"],
        }
        if args.only == "all":
            if _has_archive_extra():
                results |= archive(tmp_path, min(args.collection_n, args.n))
            else:
                print('7-8. archive: skipped, needs the archive extra: pip install -e ".[archive]"')
            results |= report(tmp_path, min(args.report_n, args.n))
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in results.items()}))
    return 0


def _has_archive_extra() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("distributed", "pyarrow"))


if __name__ == "__main__":
    raise SystemExit(main())
