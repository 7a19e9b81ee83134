"""Chart images: every text label readable, none on top of another (extents from matplotlib)."""

from __future__ import annotations

import itertools
from pathlib import Path

import matplotlib
import pytest
from matplotlib.text import Text

import hypecheck
from hypecheck.render import charts
from hypecheck.scorecard import rank

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds():
    return rank(hypecheck.score_file(p) for p in sorted((ROOT / "seeds").glob("*.txt")))


@pytest.fixture(scope="module")
def crowded():
    """Five articles with the same scores: their points fall on one spot, the hardest case for labels."""
    text = (ROOT / "seeds/001_cc3d44188af943b4.txt").read_text(encoding="utf-8")
    return rank(hypecheck.score_text(text, name=f"{n:03d}_copy") for n in range(5))


def overlapping_labels(figure) -> list[tuple[str, str]]:
    with matplotlib.rc_context(charts.STYLE):
        figure.draw_without_rendering()
        renderer = figure._get_renderer()
        texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
        boxes = [(t.get_text(), t.get_window_extent(renderer).padded(-0.5)) for t in texts]
    return [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if box_a.overlaps(box_b)]


def figure_of(name, cards):
    with matplotlib.rc_context(charts.STYLE):
        return charts.chart_figure(name, cards)


@pytest.mark.parametrize("name", sorted(charts.CHARTS))
def test_no_two_labels_overlap_on_the_seed_charts(seeds, name):
    assert overlapping_labels(figure_of(name, seeds)) == []


@pytest.mark.parametrize("name", sorted(charts.CHARTS))
def test_no_two_labels_overlap_when_points_coincide(crowded, name):
    assert overlapping_labels(figure_of(name, crowded)) == []


def test_no_two_labels_overlap_on_profiles(seeds):
    for card in seeds:
        with matplotlib.rc_context(charts.STYLE):
            figure = charts.profile_figure(card)
        assert overlapping_labels(figure) == [], card.article.id


def test_scatter_names_its_quadrants_and_numbers_every_point(seeds):
    figure = figure_of("scatter", seeds)
    texts = [t.get_text() for t in figure.findobj(Text)]
    assert {q[-1] for q in charts.QUADRANTS} <= set(texts)
    numbers = [t.get_text() for t in figure.axes[0].texts if t.get_text().isdigit()]  # the points' labels
    assert numbers == [str(n) for n in range(1, len(seeds) + 1)]
    key = [t for t in texts if t.startswith(tuple(f"{n}  " for n in range(1, 10)))]
    assert len(key) == len(seeds)


def test_the_heat_map_uses_the_tables_colour_for_each_level(seeds):
    from matplotlib.colors import to_hex

    from hypecheck.render.common import BAND_COLOURS
    from hypecheck.render.html import CSS
    from hypecheck.scorecard import label_for

    figure = figure_of("heatmap", seeds)
    image = figure.axes[0].images[0]
    for row, card in zip(image.get_array(), seeds):
        for value in row:
            level = label_for(float(value))
            assert to_hex(image.cmap(image.norm(value))) == BAND_COLOURS[level]
            assert f".band-{level.replace(' ', '-')} {{ background: {BAND_COLOURS[level]}; }}" in CSS
