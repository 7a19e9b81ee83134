"""Linear time and bounded output on one very large article (issue 19, items 5 and 7).

    python bench/scaling.py                 # 1 MB and 10 MB of prose, 1 MB of "$1" (a few minutes)
    python bench/scaling.py --sizes 1 2     # quicker: 1 MB and 2 MB of prose

Prose is the benchmark corpus (the seeds varied, bench/corpus.py) joined into one article with
no page chrome. Each line gives CPU seconds (time.process_time: a shared machine does not skew
it), CPU seconds per MB, and the growth ratio against the smallest size, which is about the
size ratio when scoring is linear. The "$1" line gives the scorecard's JSON size as a multiple
of the input (target: under 10x; it was 230x before evidence was capped).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import SEEDS, vary  # noqa: E402


def prose(size: int, analyzer) -> str:
    """``size`` bytes of varied seed text, with every line of page chrome taken out first."""
    from hypecheck.read.clean import _match_rule

    rng = random.Random(1)
    seeds = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        seeds.append("\n".join(line for line in lines if _match_rule(line.strip(), analyzer.lexicons.chrome) is None))
    parts, total, i = [], 0, 0
    while total < size:
        part = vary(seeds[i % len(seeds)], rng)
        parts.append(part)
        total += len(part.encode()) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def cpu_seconds(analyzer, text: str):
    start = time.process_time()
    card = analyzer.score_text(text)
    return time.process_time() - start, card


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10], help="prose sizes in MB")
    parser.add_argument("--dollar-mb", type=float, default=1.0, help='size of the "$1$1..." input in MB')
    args = parser.parse_args()

    import hypecheck

    analyzer = hypecheck.default_analyzer()
    analyzer.score_text("The council met on Monday.")  # warm-up
    first = None
    for mb in sorted(args.sizes):
        size = int(mb * 1_000_000)
        seconds, card = cpu_seconds(analyzer, prose(size, analyzer))
        first = first or (mb, seconds)
        growth = seconds / first[1] if first[1] else float("nan")
        print(
            f"prose {mb:g} MB: {seconds:.1f} s CPU, {seconds / mb:.2f} s/MB, x{growth:.1f} for x{mb / first[0]:g} the size, "
            f"{card.article.words:,} words, JSON {len(card.to_json()) / size:.2f}x the input"
        )
    size = int(args.dollar_mb * 1_000_000)
    text = "Sales rose " + "$1" * (size // 2)
    seconds, card = cpu_seconds(analyzer, text)
    output = len(card.to_json().encode())
    print(f'"$1" x {size // 2:,} ({args.dollar_mb:g} MB): {seconds:.1f} s CPU, JSON {output:,} bytes = {output / len(text):.2f}x the input (target < 10x)')


if __name__ == "__main__":
    main()
