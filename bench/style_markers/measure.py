"""How often the machine-style markers fire on human news from before language models, and on
texts that say they are AI-written: the measurement behind ai_disclosure's style hint.

    python bench/style_markers/measure.py          # a table per set, then the articles nearest the threshold
    python bench/style_markers/measure.py --json

Sets (no text here was used to choose the markers; make_lexicon.py chose them on Wikipedia and
headlines):
- human news before 2022: the 17 Wikinews articles of bench/validity dated before 2022, and the 25
  other pre-2022 Wikinews news stories and interviews of the GUM corpus (human_news/, CC BY 2.5;
  SOURCES.tsv), 2006-2018;
- other human texts before 2022 in bench/validity (a 2015 18F post, the 2014 Rust blog post, the
  2015 Apache press release);
- disclosed AI texts: seeds 001 and 003 and bench/validity's ai_disclosed_article genre;
- AI-written, undisclosed: bench/validity's ai_report genre (deep-research agent reports);
- the other seeds (authorship unknown).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
from pathlib import Path

from hypecheck import Analyzer
from hypecheck.dimensions.ai_disclosure import HINT_KINDS, HINT_MIN_WORDS, HINT_RATE

ROOT = Path(__file__).resolve().parents[2]
VALIDITY = ROOT / "bench" / "validity"
DATE = re.compile(r"\b((?:19|20)\d\d)-\d\d-\d\d\b")


def _validity_rows() -> list[dict[str, str]]:
    with open(VALIDITY / "articles.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _year(row: dict[str, str]) -> int | None:
    """The article's year: Wikinews dates are in the notes, the others on the file's second line."""
    found = re.search(r"dated ((?:19|20)\d\d)-", row["notes"])
    if found is None:
        lines = (VALIDITY / "articles" / row["file"]).read_text(encoding="utf-8").splitlines()
        found = DATE.match(lines[1].strip()) if len(lines) > 1 else None
    return int(found.group(1)) if found else None


def sets() -> dict[str, list[Path]]:
    rows = _validity_rows()
    path = lambda r: VALIDITY / "articles" / r["file"]  # noqa: E731
    wikinews = [path(r) for r in rows if "wikinews" in r["file"] and (_year(r) or 9999) < 2022]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return {
        "human news before 2022": wikinews + sorted((Path(__file__).parent / "human_news").glob("*.txt")),
        "other human texts before 2022": [path(r) for r in rows if "wikinews" not in r["file"] and (_year(r) or 9999) < 2022],
        "disclosed AI texts": [s for s in seeds if s.name.startswith(("001", "003"))]
        + [path(r) for r in rows if r["genre"] == "ai_disclosed_article"],
        "AI-written, undisclosed (agent reports)": [path(r) for r in rows if r["genre"] == "ai_report"],
        "other seeds (authorship unknown)": [s for s in seeds if not s.name.startswith(("001", "003"))],
    }


def measure() -> dict[str, dict]:
    analyzer = Analyzer.load(models=False)
    out = {}
    for name, paths in sets().items():
        articles = []
        for p in paths:
            card = analyzer.score_file(p)
            m = card["ai_disclosure"].metrics
            # the style alone, disclosed or not: would the hint call this text machine-like?
            style = card.article.words >= HINT_MIN_WORDS and m["style_markers"] >= HINT_RATE and m["style_marker_kinds"] >= HINT_KINDS
            articles.append({"id": p.stem, "rate": m["style_markers"], "kinds": m["style_marker_kinds"], "machine_like": style, "disclosed": m["disclosed"]})
        rates = sorted(a["rate"] for a in articles)
        quartiles = statistics.quantiles(rates, n=4) if len(rates) > 1 else [rates[0]] * 3
        out[name] = {
            "n": len(articles),
            "median": round(statistics.median(rates), 1),
            "q1": round(quartiles[0], 1),
            "q3": round(quartiles[2], 1),
            "min": rates[0],
            "max": rates[-1],
            "max_kinds": max(a["kinds"] for a in articles),
            "machine_like": sum(a["machine_like"] for a in articles),
            "disclosed": sum(a["disclosed"] for a in articles),
            "articles": articles,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"style markers per 1,000 words; the hint needs >= {HINT_RATE:g} per 1,000 and >= {HINT_KINDS} different markers")
    print(f"{'set':42} {'n':>3} {'median':>7} {'IQR':>13} {'min-max':>13} {'kinds max':>9} {'machine-like':>12} {'disclosed':>9}")
    for name, r in results.items():
        print(
            f"{name:42} {r['n']:>3} {r['median']:>7.1f} {r['q1']:>5.1f} - {r['q3']:<5.1f} {r['min']:>5.1f} - {r['max']:<5.1f} "
            f"{r['max_kinds']:>9} {r['machine_like']:>5} of {r['n']:<3} {r['disclosed']:>9}"
        )
    human = sorted(results["human news before 2022"]["articles"], key=lambda a: -a["rate"])[:5]
    print("human news nearest the threshold: " + ", ".join(f"{a['id']} {a['rate']:.1f} ({a['kinds']} kinds)" for a in human))
    for name in ("disclosed AI texts", "AI-written, undisclosed (agent reports)", "other seeds (authorship unknown)"):
        print(f"{name}: " + ", ".join(f"{a['id'][:12]} {a['rate']:.1f} ({a['kinds']} kinds)" for a in results[name]["articles"]))


if __name__ == "__main__":
    main()
