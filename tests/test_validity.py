"""bench/validity/run.py: the statistics it reports are right, and the halves are fixed and fair."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("validity_run", ROOT / "bench" / "validity" / "run.py")
run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run)


def test_spearman_matches_known_values():
    assert run.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) == pytest.approx(0.8207826816681233)  # scipy.stats.spearmanr
    assert run.spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert run.spearman([1, 1, 1], [1, 2, 3]) is None  # a constant side has no rank order
    assert run.ranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]


def test_kappa():
    assert run.kappa([True, False, True, False], [True, False, True, False]) == pytest.approx(1.0)
    assert run.kappa([True, True, False, False], [True, False, True, False]) == pytest.approx(0.0)


def test_halves_are_stratified_by_genre_and_fixed():
    articles = [{"id": f"{g}{i}", "genre": g} for g in ("news", "blog", "release") for i in range(7)]
    split = run.halves(articles)
    assert split == run.halves(list(reversed(articles)))  # the order of the file does not matter
    for genre in ("news", "blog", "release"):
        sides = [split[a["id"]] for a in articles if a["genre"] == genre]
        assert abs(sides.count("A") - sides.count("B")) <= 1


def test_a_genre_added_later_moves_no_article_already_split():
    first = [{"id": f"{n:03d}", "genre": g} for n, g in enumerate(["news", "blog", "release"] * 5, start=1)]
    later = [{"id": f"{n:03d}", "genre": "sensational"} for n in range(run.ROUNDS[0] + 1, run.ROUNDS[0] + 8)]
    before, after = run.halves(first), run.halves(first + later)
    assert all(after[i] == side for i, side in before.items())
    sides = [after[a["id"]] for a in later]
    assert abs(sides.count("A") - sides.count("B")) <= 1


def test_a_later_round_in_old_genres_moves_no_article_already_split():
    """Round 3 adds articles to genres the set already has: every earlier article keeps its half,
    and the new ones are split evenly within each genre."""
    first = [{"id": f"{n:03d}", "genre": g} for n, g in enumerate(["news", "blog", "release"] * 16, start=1)]
    third = [{"id": f"{n:03d}", "genre": g} for n, g in enumerate(["news", "blog"] * 5, start=run.ROUNDS[1] + 1)]
    before, after = run.halves(first), run.halves(first + third)
    assert all(after[i] == side for i, side in before.items())
    for genre in ("news", "blog"):
        sides = [after[a["id"]] for a in third if a["genre"] == genre]
        assert abs(sides.count("A") - sides.count("B")) <= 1


def test_named_sources_are_counted_as_the_guide_counts_them(score):
    """GUIDE.md counts the subject company among named sources and each distinct linked page once;
    hypecheck's named_distinct leaves the company out (independence). The benchmark compares like
    with like, from the scorecard's sources list."""
    text = (
        "# Acme opens a lab\n\nAcme opened a lab, [its site says](https://acme.com/news/lab). "
        "[The plan](https://acme.com/plans/2026#costs) costs $4 million. "
        "It was [first reported](https://www.reuters.com/tech/acme) in May. The news was [followed up](https://www.reuters.com/tech/acme-2) later. "
        "Analysts say the lab is late. Acme has 300 staff, CEO Jane Roe said.\n"
    )
    sources = score(text, name="acme", markdown=True)["sourcing"].metrics["sources"]
    pages = {s["name"]: s.get("pages", 1) for s in sources}
    assert pages["reuters.com"] == 2 and pages["acme.com"] == 2
    # acme.com's two pages and CEO Jane Roe (the company, counted as the guide says) + reuters.com's
    # two pages; "Analysts say" is vague and not counted
    assert run.named_as_the_guide_counts(sources) == 5
