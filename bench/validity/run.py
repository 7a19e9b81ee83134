"""How far hypecheck agrees with careful readers on real articles (bench/validity).

    python bench/validity/run.py              # agreement of the annotators, then rho per dimension
    python bench/validity/run.py --json       # the same numbers as one JSON object

The articles (``articles.tsv``, ``articles/``) were labelled by two annotators from ``GUIDE.md``
before anyone looked at hypecheck's output; ``labels/adjudicated.tsv`` settles their differences
(without it, their mean stands in, and the report says so). The set is split in two halves,
stratified by genre and fixed by a hash of each id: **tune on half A, report half B**. A change
that helps the seeds and hurts half B is a regression.

Printed per half: Spearman's rho between each hypecheck score and the readers' label
(promotional; sourcing against 4 - sourcing quality, as both then mean "concern"; named and vague
source counts; figures and unattributed figures), disclosure recall and false alarms, and the
articles that disagree most; then promotional agreement by register and half (the sensational
pieces and the other articles).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
from pathlib import Path
from statistics import fmean

HERE = Path(__file__).resolve().parent
LABEL_FIELDS = ("promotional", "sourcing_quality", "named_sources", "vague_sources", "numeric_claims", "unattributed_numeric")
# (name, hypecheck's value from a scorecard, the readers' value from a label row)
COMPARISONS = (
    ("promotional", lambda c: c["promotional"].score, lambda r: r["promotional"]),
    ("sourcing", lambda c: c["sourcing"].score, lambda r: 4 - r["sourcing_quality"]),
    ("named_sources", lambda c: named_as_the_guide_counts(c["sourcing"].metrics["sources"]), lambda r: r["named_sources"]),
    ("vague_sources", lambda c: sum(1 for s in c["sourcing"].metrics["sources"] if s["type"] in ("vague", "social")), lambda r: r["vague_sources"]),
    ("numeric_claims", lambda c: c["unattributed_numbers"].metrics["total"], lambda r: r["numeric_claims"]),
    ("unattributed_numbers", lambda c: c["unattributed_numbers"].metrics["unattributed"], lambda r: r["unattributed_numeric"]),
)


def named_as_the_guide_counts(sources: list[dict]) -> int:
    """Distinct named sources as GUIDE.md counts them: every source that is not vague or social,
    the subject company and its own pages included ("The subject company itself and its own
    executives do count here"), each distinct linked page once and a list of sources as its items.
    hypecheck's own ``named_distinct`` leaves the company out: it measures independence."""
    return sum(max(s.get("items", 1), s.get("pages", 1)) for s in sources if s["type"] not in ("vague", "social"))


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


# The last id of each round of articles added to the set: 001-048 as first labelled and split,
# 049-055 the sensational front pages (session 4), 056-075 round 3 (session 5), 076-099 round 4
# and 100-123 round 5 (session 6). A round is split after all earlier ones, so adding articles
# never moves one already split from its half.
ROUNDS = (48, 55, 75, 99, 123)


def halves(articles: list[dict[str, str]]) -> dict[str, str]:
    """id -> "A" or "B": round by round, within each genre (in name order), ids in the order of
    their SHA-256, alternately; the alternation runs on from one genre and one round to the next.
    An article added in a later round never moves an article of an earlier round from its half."""
    def round_of(article_id: str) -> int:
        number = int(article_id) if article_id.isdigit() else 0
        return next((k for k, last in enumerate(ROUNDS) if number <= last), len(ROUNDS))

    by_round: dict[tuple[int, str], list[str]] = {}
    for a in articles:
        by_round.setdefault((round_of(a["id"]), a["genre"]), []).append(a["id"])
    split, turn = {}, 0
    for key in sorted(by_round):
        for article_id in sorted(by_round[key], key=lambda i: hashlib.sha256(i.encode()).hexdigest()):
            split[article_id] = "AB"[turn % 2]
            turn += 1
    return split


def label_rows(path: Path) -> dict[str, dict[str, float | bool | str]]:
    rows = {}
    for row in read_tsv(path):
        parsed: dict[str, float | bool | str] = {f: float(row[f]) for f in LABEL_FIELDS}
        parsed["ai_disclosed"] = row["ai_disclosed"].strip().lower() in ("yes", "true", "1")
        parsed["notes"] = row.get("notes", "")
        rows[row["id"]] = parsed
    return rows


def consensus(a: dict, b: dict) -> dict:
    """Where no adjudicated file exists yet: the mean of the two, disclosure if both say so."""
    out = {}
    for key in a.keys() & b.keys():
        out[key] = {f: (a[key][f] + b[key][f]) / 2 for f in LABEL_FIELDS}
        out[key]["ai_disclosed"] = a[key]["ai_disclosed"] and b[key]["ai_disclosed"]
    return out


def ranks(values: list[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(x: list[float], y: list[float]) -> float | None:
    """Spearman's rho (Pearson on ranks, ties averaged); None when either side is constant."""
    if len(x) < 3:
        return None
    rx, ry = ranks(x), ranks(y)
    mx, my = fmean(rx), fmean(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    return None if not sxx or not syy else sxy / math.sqrt(sxx * syy)


def kappa(x: list[bool], y: list[bool]) -> float | None:
    """Cohen's kappa for two yes/no raters."""
    n = len(x)
    if not n:
        return None
    observed = sum(a == b for a, b in zip(x, y)) / n
    px, py = sum(x) / n, sum(y) / n
    expected = px * py + (1 - px) * (1 - py)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def agreement(a: dict, b: dict) -> dict:
    ids = sorted(a.keys() & b.keys())
    out = {f: spearman([a[i][f] for i in ids], [b[i][f] for i in ids]) for f in LABEL_FIELDS}
    out["ai_disclosed_kappa"] = kappa([a[i]["ai_disclosed"] for i in ids], [b[i]["ai_disclosed"] for i in ids])
    out["articles"] = len(ids)
    return out


def evaluate(cards: dict, labels: dict, ids: list[str]) -> dict:
    ids = [i for i in ids if i in cards and i in labels]
    result: dict = {"articles": len(ids)}
    for name, ours, theirs in COMPARISONS:
        x = [float(ours(cards[i])) for i in ids]
        y = [float(theirs(labels[i])) for i in ids]
        rx, ry = ranks(x), ranks(y)
        worst = sorted(range(len(ids)), key=lambda k: (-abs(rx[k] - ry[k]), ids[k]))[:3]
        result[name] = {
            "rho": spearman(x, y),
            "worst": [{"id": ids[k], "hypecheck": round(x[k], 1), "readers": y[k]} for k in worst],
        }
    said = [i for i in ids if labels[i]["ai_disclosed"]]
    found = {i for i in ids if cards[i]["ai_disclosure"].metrics["disclosed"]}
    result["disclosure"] = {
        "disclosed": len(said),
        "recall": (len(found.intersection(said)) / len(said)) if said else None,
        "false_alarms": sorted(found.difference(said)),
        "missed": sorted(set(said) - found),
    }
    return result


def score(articles: list[dict[str, str]]) -> tuple[dict, dict]:
    sys.path.insert(0, str(HERE.parent.parent))
    import hypecheck

    cards, failures = {}, {}
    for article in articles:
        result = hypecheck.score_paths([str(HERE / "articles" / article["file"])], expand=False)[0]
        if isinstance(result, hypecheck.Scorecard):
            cards[article["id"]] = result
        else:
            failures[article["id"]] = result.error
    return cards, failures


def registers(articles: list[dict[str, str]], cards: dict, labels: dict, split: dict[str, str]) -> dict:
    """Promotional agreement per register and half: the sensational pieces and the other articles
    (does the tool rank fear and outrage with the PR glow?). rho within three or four pieces says
    little; their mean score against the other articles' says whether they rank above them."""
    genre = {a["id"]: a["genre"] for a in articles}
    groups = {
        "sensational, half B (held out)": [i for i in genre if genre[i] == "sensational" and split[i] == "B"],
        "other articles, half B": [i for i in genre if genre[i] != "sensational" and split[i] == "B"],
        "sensational, half A (tuned on)": [i for i in genre if genre[i] == "sensational" and split[i] == "A"],
        "other articles, half A": [i for i in genre if genre[i] != "sensational" and split[i] == "A"],
    }
    out = {}
    for name, ids in groups.items():
        ids = sorted(i for i in ids if i in cards and i in labels)
        ours = [cards[i]["promotional"].score for i in ids]
        theirs = [labels[i]["promotional"] for i in ids]
        out[name] = {"articles": len(ids), "rho": spearman(ours, theirs), "ours": fmean(ours) if ours else 0.0, "readers": fmean(theirs) if theirs else 0.0}
    return out


def fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:+.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    args = parser.parse_args()
    articles = read_tsv(HERE / "articles.tsv")
    split = halves(articles)
    a_path, b_path, adjudicated = (HERE / "labels" / f"{n}.tsv" for n in ("annotator_a", "annotator_b", "adjudicated"))
    if not (a_path.exists() and b_path.exists()):
        print("bench/validity: the annotators' labels (labels/annotator_a.tsv, labels/annotator_b.tsv) are not there yet")
        return 1
    first, second = label_rows(a_path), label_rows(b_path)
    labels = label_rows(adjudicated) if adjudicated.exists() else consensus(first, second)
    cards, failures = score(articles)
    report = {
        "labels": "adjudicated" if adjudicated.exists() else "mean of the two annotators (no adjudicated file yet)",
        "inter_annotator": agreement(first, second),
        "failures": failures,
        "halves": {half: evaluate(cards, labels, sorted(i for i, h in split.items() if h == half)) for half in "AB"},
        "registers": registers(articles, cards, labels, split),
    }
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True))
        return 0
    ia = report["inter_annotator"]
    print(f"{len(articles)} articles; labels: {report['labels']}; could not score: {len(failures)}")
    print("inter-annotator agreement (Spearman; kappa for disclosure): " + ", ".join(
        f"{f} {fmt(ia[f])}" for f in LABEL_FIELDS) + f", ai_disclosed kappa {fmt(ia['ai_disclosed_kappa'])}")
    for half, title in (("A", "half A (tune on this one)"), ("B", "half B (held out: report this one)")):
        r = report["halves"][half]
        print(f"\n{title}, {r['articles']} articles")
        for name, _, _ in COMPARISONS:
            worst = "; ".join(f"{w['id']} ours {w['hypecheck']} vs {w['readers']}" for w in r[name]["worst"])
            print(f"  {name:<22} rho {fmt(r[name]['rho'])}   most apart: {worst}")
        d = r["disclosure"]
        recall = "n/a" if d["recall"] is None else f"{d['recall']:.2f}"
        print(f"  disclosure: {d['disclosed']} disclosed, recall {recall}, false alarms {d['false_alarms'] or 'none'}, missed {d['missed'] or 'none'}")
    print("\npromotional by register (the sensational pieces 049-055 were labelled blind; only half A's were looked at)")
    for name, r in report["registers"].items():
        print(f"  {name:<34} n={r['articles']:<3} rho {fmt(r['rho'])}   mean score {r['ours']:5.1f}, readers {r['readers']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
