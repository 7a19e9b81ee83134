"""Builds lexicons/machine_style.tsv: the "style" words of Kobak et al. (2025) that stay rare in
human-written text from before language models, plus the stock phrases of generated prose.

    python bench/style_markers/make_lexicon.py /work/shared/datasets > lexicons/machine_style.tsv

Kobak et al. measured which words jumped in 2024 PubMed abstracts; typed ``style`` they have no
topic of their own. Many are everyday words in news ("across", "their", "during", "announced"),
which would fire on every article. So a word is kept only when it is rare in a human reference
written before 2022, chosen to be independent of the texts the markers are measured on
(bench/style_markers/measure.py uses Wikinews, the seeds and bench/validity; none is here):
Wikipedia statements (Hube & Fetahu 2019, featured and cw-hard neutral sets), the CoNLL-2010
Wikipedia sentences (train) and 16,001 news headlines (Chakraborty et al. 2016). A word is kept
when it occurs at most ``MAX_RATE`` times per 1,000 words there.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

MAX_RATE = 0.05  # per 1,000 words of the human reference (about 1 in 20,000 words)
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")

# Stock phrases of generated prose (hand-written by the project from issue 14 and widely shared
# lists of chatbot clichés); each is one marker wherever it appears.
STOCK_PHRASES = (
    "in the rapidly evolving landscape of",
    "in the ever evolving landscape of",
    "in the ever evolving world of",
    "in today's fast paced world",
    "in today's digital age",
    "in the realm of",
    "it is important to note",
    "it's important to note",
    "it is worth noting",
    "it's worth noting",
    "it is crucial to",
    "in conclusion",
    "a testament to",
    "stands as a testament",
    "navigate the complexities",
    "navigating the complexities",
    "navigate the challenges",
    "plays a crucial role",
    "plays a pivotal role",
    "play a crucial role",
    "play a pivotal role",
    "a rich tapestry",
    "tapestry of",
    "delve into",
    "delves into",
    "dive into",
    "let's dive in",
    "embark on a journey",
    "a myriad of",
    "harness the power of",
    "unlock the potential",
    "unlock the full potential",
    "unlocking the full potential",
    "paving the way for",
    "a beacon of",
    "ever evolving",
    "rapidly evolving",
    "the intricate interplay",
    "the evolving landscape",
    "a nuanced understanding",
    "a holistic approach",
    "fostering a culture of",
)


def human_reference(datasets: Path) -> Counter[str]:
    words: Counter[str] = Counter()
    for name in ("statements_neutral_featured", "statements_neutral_cw-hard"):
        words.update(WORD.findall((datasets / "wiki-npov-hube2019" / "raw" / name).read_text(encoding="utf-8").lower()))
    with open(datasets / "conll2010-wiki-weasel" / "train.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            words.update(WORD.findall(row["text"].lower()))
    with gzip.open(datasets / "clickbait-chakraborty2016" / "non_clickbait_data.gz", "rt", encoding="utf-8") as f:
        words.update(WORD.findall(f.read().lower()))
    return words


def main(datasets: Path) -> None:
    reference = human_reference(datasets)
    total = sum(reference.values())
    with open(datasets / "llm-excess-words-kobak2024" / "excess_words.csv", encoding="utf-8", newline="") as f:
        style = [row["word"] for row in csv.DictReader(f) if row["type"] == "style"]
    kept = [(w, 1000 * reference[w] / total) for w in style if 1000 * reference[w] / total <= MAX_RATE]
    out = sys.stdout
    out.write(
        "# lexicon: machine_style\n"
        "# concept: words and stock phrases that language models overuse ('delve', 'showcasing', 'underscores', 'it is important to note', 'a testament to'); a density of them is a hint that a text may be machine-written, never proof\n"
        "# source: the 'style' words of Kobak, González-Márquez, Horvát, Lause (2025), 'Delving into LLM-assisted writing in biomedical publications through excess vocabulary', Science Advances (arXiv:2406.07016), file results/excess_words.csv of berenslab/chatgpt-excess-words at 3345a2ee (MIT), "
        f"kept when rare in human text written before 2022 (at most {MAX_RATE} per 1,000 words in {total:,} words of Wikipedia statements from Hube & Fetahu 2019 and CoNLL-2010, and news headlines from Chakraborty et al. 2016); "
        "plus stock phrases of generated prose hand-written by the project (note 'stock phrase'). Made by bench/style_markers/make_lexicon.py\n"
        "# licence: Kobak et al. word list MIT (Copyright (c) 2024 Dmitry Kobak, Rita González-Márquez); the selection and stock phrases CC0 / project's own\n"
        "# weighting: none (weight 1.0 for all): each match is one style marker; ai_disclosure reports markers per 1,000 words and calls a text machine-like only above the rate measured on pre-2022 human news (bench/style_markers/measure.py)\n"
        "# format: term<TAB>weight<TAB>note\n"
    )
    for word, rate in kept:
        out.write(f"{word}\t1.0\tKobak et al. style word; {rate:.3f} per 1,000 words in the human reference\n")
    for phrase in STOCK_PHRASES:
        out.write(f"{phrase}\t1.0\tstock phrase\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets"))
