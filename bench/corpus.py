"""A deterministic benchmark corpus: the five seeds varied so that no cache can cheat.

Each article is a seed with its body sentences shuffled within paragraphs, the company and
product names renamed, and every digit changed, all from ``random.Random(seed)``: the same
arguments give the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NAMES = ["Nimbus", "Kestrel", "Orchard", "Vantor", "Quillon", "Helixa", "Brightwater", "Castellan", "Tessera", "Marlowe"]
PRODUCTS = ["Lumen", "Atlas", "Ferro", "Sable", "Corvid", "Zephyr", "Ember", "Quartz"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def vary(text: str, rng: random.Random) -> str:
    company, product = rng.choice(NAMES), rng.choice(PRODUCTS)
    text = text.replace("Alibaba", company).replace("Qwen", product)
    text = re.sub(r"\d", lambda _: str(rng.randrange(10)), text)
    lines = []
    for line in text.split("\n"):
        sentences = SENTENCE_END.split(line)
        if len(sentences) > 2:
            rng.shuffle(sentences)
        lines.append(" ".join(sentences))
    return "\n".join(lines)


def write_corpus(folder: Path, n: int, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"article_{i:05d}.txt"
        path.write_text(vary(seeds[i % len(seeds)], rng), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(f"{len(write_corpus(args.folder, args.n, args.seed))} articles in {args.folder}")
