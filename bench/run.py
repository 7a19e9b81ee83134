"""hypecheck benchmarks: throughput, cold start, batch scaling and memory, as ratios.

    python bench/run.py            # the full run: 10,000-article batch (about 15 minutes on 2 cores)
    python bench/run.py --n 40     # a quick run (CI uses this; it asserts nothing about time)

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the large batch (the small one is n/10)")
    parser.add_argument("--throughput-n", type=int, default=200, help="articles for the one-core throughput")
    parser.add_argument("--startup-only", action="store_true", help="measure only --help/--version start-up (line 6; seconds)")
    args = parser.parse_args()
    if args.startup_only:
        print(help_line(help_start()))
        return 0
    results: dict[str, float] = {}
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
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in results.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
