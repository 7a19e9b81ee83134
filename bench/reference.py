"""Saved scorecards: proof that a refactoring or a speed-up changed no scorecard byte.

    python bench/reference.py --check     # score again and compare (exit 1 on any difference)
    python bench/reference.py --update    # after a change that is *meant* to move scores

The reference is the compact JSON of every scorecard, as ``hypecheck batch`` writes it, for
the five seeds and the files of ``tests/corpus`` (``tests/data/reference/scorecards.jsonl``, in
full, so a difference can be read)
and for the first ``--n`` articles of the deterministic bench corpus (``corpus.py``, seed 0;
one SHA-256 digest per article in ``bench/reference/corpus.sha256``, since 1,000 scorecards
are some 40 MB). ``tests/test_reference.py`` checks the seeds and the first articles of the
corpus on every test run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import write_corpus  # noqa: E402

SEEDS_REFERENCE = ROOT / "tests" / "data" / "reference" / "scorecards.jsonl"
CORPUS_REFERENCE = HERE / "reference" / "corpus.sha256"
CORPUS_SEED = 0
DEFAULT_N = 1000


def record(card) -> str:
    """The compact JSON line of a scorecard (or an error), as the batch command writes it."""
    return json.dumps(card.to_dict(), ensure_ascii=False, separators=(",", ":"))


def seed_lines(analyzer) -> list[str]:
    """The seeds and the bad-input corpus (HTML, Markdown, encodings, errors): every record."""
    from hypecheck.batch import score_paths

    return [record(r) for r in score_paths(["seeds", "tests/corpus"], analyzer)]


def corpus_digests(analyzer, n: int) -> list[str]:
    """``name<TAB>sha256`` for the first ``n`` corpus articles, each scored from its text."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), n, seed=CORPUS_SEED)
        lines = []
        for path in paths:
            card = analyzer.score_text(path.read_text(encoding="utf-8"), name=path.stem)
            lines.append(f"{path.stem}\t{hashlib.sha256(record(card).encode('utf-8')).hexdigest()}")
    return lines


@dataclass(frozen=True)
class Check:
    checked: int  # records compared: seeds and tests/corpus, then the corpus articles
    differ: tuple[str, ...]  # which differ ("seeds/..." paths or corpus article names)

    @property
    def identical(self) -> int:
        return self.checked - len(self.differ)


def check(analyzer, n: int) -> Check:
    """Score the seeds, tests/corpus and the first ``n`` corpus articles again and compare."""
    here = os.getcwd()
    os.chdir(ROOT)  # seed paths in the scorecards are relative to the repository
    try:
        lines = seed_lines(analyzer)
    finally:
        os.chdir(here)
    saved_lines = SEEDS_REFERENCE.read_text(encoding="utf-8").splitlines()
    digests = corpus_digests(analyzer, n)
    saved_digests = CORPUS_REFERENCE.read_text(encoding="utf-8").splitlines()[:n]
    differ = [f"record {i + 1}" for i, (a, b) in enumerate(zip(lines, saved_lines)) if a != b]
    differ += [a.split("\t")[0] for a, b in zip(digests, saved_digests) if a != b]
    differ += ["missing or extra records"] if (len(lines), len(digests)) != (len(saved_lines), len(saved_digests)) else []
    return Check(max(len(lines), len(saved_lines)) + max(len(digests), len(saved_digests)), tuple(differ))


def main() -> int:
    import hypecheck

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="compare with the saved reference")
    mode.add_argument("--update", action="store_true", help="write the reference anew")
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="corpus articles (default 1,000)")
    args = parser.parse_args()
    analyzer = hypecheck.default_analyzer()
    if args.check:
        result = check(analyzer, args.n)
        print(f"{result.identical} of {result.checked} scorecards identical to the reference (seeds, tests/corpus, {args.n} bench articles)")
        if result.differ:
            print("differ: " + ", ".join(result.differ[:20]))
        return 1 if result.differ else 0
    os.chdir(ROOT)
    SEEDS_REFERENCE.parent.mkdir(parents=True, exist_ok=True)
    SEEDS_REFERENCE.write_text("".join(line + "\n" for line in seed_lines(analyzer)), encoding="utf-8")
    CORPUS_REFERENCE.parent.mkdir(parents=True, exist_ok=True)
    CORPUS_REFERENCE.write_text("".join(line + "\n" for line in corpus_digests(analyzer, args.n)), encoding="utf-8")
    print(f"reference written: the seeds and tests/corpus, {args.n} corpus articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
