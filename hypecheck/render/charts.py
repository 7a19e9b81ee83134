"""Comparison charts (matplotlib). Imported only when charts are made.

Each ``draw_*`` function draws onto a given Axes, so a notebook can place charts in its own
figures; :func:`render_chart` makes a standalone figure and returns SVG or PNG bytes that are
byte-identical across runs (fixed SVG hash salt, no dates in the metadata).
Colours are the Okabe-Ito palette, safe for the common kinds of colour blindness.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from hypecheck.dimensions import DIMENSIONS, REGISTRY
from hypecheck.render.common import BAND_COLOURS
from hypecheck.scorecard import LABELS, Scorecard, label_for

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

# Okabe & Ito (2008), "Color Universal Design": the descriptors' colours.
DIMENSION_COLOURS = {d.key: d.colour for d in REGISTRY}
STATUS_COLOURS = {"attributed": "#009E73", "weakly_sourced": "#F0E442", "unattributed": "#D55E00"}
# Patterns as well as colours, so the bars read in grey print too.
STATUS_HATCHES = {"attributed": "", "weakly_sourced": "//", "unattributed": "xx"}
SHORT_NAMES = {d.key: d.short for d in REGISTRY}


# Set per figure (matplotlib.rc_context), never globally: a notebook keeps its own backend and style.
STYLE = {"svg.hashsalt": "hypecheck", "font.size": 9, "axes.titlesize": 11}


def label_of(card: Scorecard, limit: int = 28) -> str:
    """A short label for an article: its id's leading number and the start of its title."""
    head = card.article.id.split("_")[0]
    title = card.article.title
    if len(title) > limit:
        title = title[: limit - 1].rsplit(" ", 1)[0] + "…"
    return f"{head} {title}".strip()


def draw_heatmap(ax: "Axes", cards: Sequence[Scorecard]) -> None:
    """Articles x the five dimensions, each cell its score, in the report's concern colours."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    values = [[card[d].score for d in DIMENSIONS] for card in cards]
    bounds = [0, *(min(bound, 100) for bound, _ in LABELS)]
    image = ax.imshow(values, cmap=ListedColormap(list(BAND_COLOURS.values())), norm=BoundaryNorm(bounds, len(BAND_COLOURS)), aspect="auto")
    ax.set_xticks(range(len(DIMENSIONS)), [SHORT_NAMES[d] for d in DIMENSIONS])
    ax.set_yticks(range(len(cards)), [label_of(c) for c in cards])
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            ax.text(j, i, f"{value:.0f}", ha="center", va="center", color="white" if value >= LABELS[-2][0] else "black")
    ax.set_title("Five dimensions per article (0 = no concern, 100 = strong concern)")
    bar = ax.figure.colorbar(image, ax=ax, ticks=[(a + b) / 2 for a, b in zip(bounds, bounds[1:])])
    bar.ax.set_yticklabels([name for name in BAND_COLOURS])
    bar.set_label("level of concern")


def draw_profile(ax: "Axes", card: Scorecard) -> None:
    """One article's five scores as horizontal bars."""
    names = list(DIMENSIONS)
    scores = [card[d].score for d in names]
    ax.barh(range(len(names)), scores, color=[DIMENSION_COLOURS[d] for d in names])
    ax.set_yticks(range(len(names)), [SHORT_NAMES[d].replace("\n", " ") for d in names])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("score (0-100, higher = more concern)")
    for i, value in enumerate(scores):
        ax.text(min(value + 1, 92), i, f"{value:.0f}", va="center")
    ax.set_title(f"{label_of(card, 40)}: hype index {card.hype_index:.0f}")


QUADRANTS = (
    # (x, y, horizontal alignment, vertical alignment, label), in data coordinates at the corners.
    (113, 108, "right", "top", "hype with weak sourcing"),
    (-3, 108, "left", "top", "plain wording, weak sourcing"),
    (113, -3, "right", "bottom", "hype, but sourced"),
    (-3, -3, "left", "bottom", "plain and sourced"),
)


def draw_scatter(ax: "Axes", cards: Sequence[Scorecard]) -> None:
    """Promotional score against sourcing score: one numbered point per article, a key beside
    the plot, and the four quadrants named. Numbers are placed where no other text is."""
    from matplotlib.lines import Line2D

    _promotional_sourcing_axes(ax, "Hype wording against weak sourcing")
    ax.legend(
        handles=[Line2D([], [], linestyle="none") for _ in cards],
        labels=[f"{n}  {label_of(card, 34)}" for n, card in enumerate(cards, 1)],
        title="articles",
        loc="upper left",
        bbox_to_anchor=(1.02, 1),
        frameon=False,
        handlelength=0,
        handletextpad=0,
        fontsize=8,
        alignment="left",
    )
    points = [(card["promotional"].score, card["sourcing"].score) for card in cards]
    ax.scatter([x for x, _ in points], [y for _, y in points], s=40, color=DIMENSION_COLOURS["promotional"], edgecolor="black", zorder=3)
    place_labels(ax, points, [str(n) for n in range(1, len(cards) + 1)])


def _promotional_sourcing_axes(ax: "Axes", title: str) -> None:
    """The scatter plot's frame: axes, the 50 lines, the four quadrants named."""
    ax.set_xlim(-5, 115)
    ax.set_ylim(-5, 110)
    ax.axhline(50, color="grey", linewidth=0.6, linestyle=":")
    ax.axvline(50, color="grey", linewidth=0.6, linestyle=":")
    ax.set_xlabel("promotional language (higher = more hype)")
    ax.set_ylabel("sourcing (higher = weaker sources)")
    ax.set_title(title)
    for x, y, ha, va, words in QUADRANTS:
        ax.text(x, y, words, ha=ha, va=va, fontsize=8, color="#5f5f5f", style="italic")


# Where a point's number may go, in points from the point: beside it first, then further out.
_OFFSETS = tuple((dx * r, dy * r) for r in (1, 2, 3, 4) for dx, dy in ((5, 4), (5, -9), (-9, 4), (-9, -9), (7, -2), (-11, -2), (-2, 7), (-2, -12)))


def place_labels(ax: "Axes", points: Sequence[tuple[float, float]], labels: Sequence[str], fontsize: float = 8) -> None:
    """Write each label near its point where it overlaps no text already on the axes (greedy,
    in order; the last resort is the first place tried)."""
    renderer = _laid_out(ax.figure)
    taken = [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    frame = ax.get_window_extent(renderer)
    for (x, y), label in zip(points, labels):
        placed = None
        for offset in _OFFSETS:
            text = ax.annotate(label, (x, y), textcoords="offset points", xytext=offset, fontsize=fontsize, fontweight="bold", zorder=4)
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in taken):
                placed = box
                break
            text.remove()
        if placed is None:
            text = ax.annotate(label, (x, y), textcoords="offset points", xytext=_OFFSETS[0], fontsize=fontsize, fontweight="bold", zorder=4)
            placed = text.get_window_extent(renderer)
        taken.append(placed)


def _laid_out(figure):
    """A renderer for ``figure`` after its layout engine has run, so text extents are final."""
    figure.draw_without_rendering()
    get_renderer = getattr(figure.canvas, "get_renderer", None)
    return get_renderer() if get_renderer is not None else figure._get_renderer()


def draw_numbers(ax: "Axes", cards: Sequence[Scorecard]) -> None:
    """Per article, how many figures are attributed, weakly sourced or unattributed."""
    labels = [label_of(c) for c in cards]
    left = [0.0] * len(cards)
    for status, colour in STATUS_COLOURS.items():
        counts = [c["unattributed_numbers"].metrics[status] for c in cards]
        ax.barh(range(len(cards)), counts, left=left, color=colour, edgecolor="black", linewidth=0.4, hatch=STATUS_HATCHES[status], label=status.replace("_", " "))
        left = [a + b for a, b in zip(left, counts)]
    ax.set_yticks(range(len(cards)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("figures in the article")
    # Beside the bars it explains, not below the axis.
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False, title="figures")
    ax.set_title("Figures and their sources")


@dataclass(frozen=True)
class ChartSpec:
    name: str
    title: str
    alt: Callable[[Sequence[Scorecard]], str]
    draw: Callable[["Axes", Sequence[Scorecard]], None]
    size: Callable[[int], tuple[float, float]]


def _alt_heatmap(cards: Sequence[Scorecard]) -> str:
    rows = "; ".join(f"{label_of(c)}: " + ", ".join(f"{d} {c[d].score:.0f}" for d in DIMENSIONS) for c in cards)
    return f"Heat map of the five dimension scores per article. {rows}."


def _alt_scatter(cards: Sequence[Scorecard]) -> str:
    points = "; ".join(f"{n}. {label_of(c)}: promotional {c['promotional'].score:.0f}, sourcing {c['sourcing'].score:.0f}" for n, c in enumerate(cards, 1))
    return f"Scatter plot of promotional score against sourcing score. {points}."


def _alt_numbers(cards: Sequence[Scorecard]) -> str:
    rows = "; ".join(
        f"{label_of(c)}: " + ", ".join(f"{c['unattributed_numbers'].metrics[s]} {s.replace('_', ' ')}" for s in STATUS_COLOURS)
        for c in cards
    )
    return f"Stacked bars of attributed, weakly sourced and unattributed figures per article. {rows}."


CHARTS = {
    "heatmap": ChartSpec("heatmap", "Five dimensions per article", _alt_heatmap, draw_heatmap, lambda n: (9, 1.6 + 0.55 * n)),
    "scatter": ChartSpec("scatter", "Promotional against sourcing", _alt_scatter, draw_scatter, lambda n: (9, 5.5)),
    "numbers": ChartSpec("numbers", "Figures and their sources", _alt_numbers, draw_numbers, lambda n: (8, 1.4 + 0.5 * n)),
}


# Past a few dozen articles a row or a label per article is unreadable (and a 5,000-row heat map
# is a 27 MB PNG): the class charts then show how the articles spread over the score bands.
ROWS_LIMIT = 40
BANDS = tuple(label for _, label in LABELS)
_BAND_RANGES = tuple(zip((0, *(b for b, _ in LABELS[:-1])), (*(b for b, _ in LABELS[:-1]), 100)))


def _band_of(score: float) -> int:
    return BANDS.index(label_for(score))


def draw_heatmap_bands(ax: "Axes", cards: Sequence[Scorecard]) -> None:
    """For each dimension, how many articles fall in each score band (low ... very high)."""
    counts = [[0] * len(DIMENSIONS) for _ in BANDS]
    for card in cards:
        for j, d in enumerate(DIMENSIONS):
            counts[_band_of(card[d].score)][j] += 1
    top = max(1, max(max(row) for row in counts))
    image = ax.imshow(counts, cmap="cividis", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(DIMENSIONS)), [SHORT_NAMES[d] for d in DIMENSIONS])
    ax.set_yticks(range(len(BANDS)), [f"{b} ({lo}-{hi})" for b, (lo, hi) in zip(BANDS, _BAND_RANGES)])
    for i, row in enumerate(counts):
        for j, value in enumerate(row):
            ax.text(j, i, f"{value:,}", ha="center", va="center", color="white" if value < 0.6 * top else "black")
    ax.set_title(f"How the {len(cards):,} articles spread over the score bands, per dimension")
    ax.figure.colorbar(image, ax=ax, label="articles")



def draw_scatter_many(ax: "Axes", cards: Sequence[Scorecard]) -> None:
    """Promotional score against sourcing score, one unlabelled dot per article."""
    xs = [c["promotional"].score for c in cards]
    ys = [c["sourcing"].score for c in cards]
    ax.scatter(xs, ys, s=12, alpha=0.4, color=DIMENSION_COLOURS["promotional"], edgecolor="none", zorder=3, rasterized=True)
    _promotional_sourcing_axes(ax, f"Hype wording against weak sourcing ({len(cards):,} articles)")


def _figures_by_band(cards: Sequence[Scorecard]) -> list[tuple[str, int, dict[str, int]]]:
    rows = []
    for band in BANDS:
        members = [c for c in cards if label_for(c.hype_index) == band]
        rows.append((band, len(members), {s: sum(c["unattributed_numbers"].metrics[s] for c in members) for s in STATUS_COLOURS}))
    return rows


def draw_numbers_bands(ax: "Axes", cards: Sequence[Scorecard]) -> None:
    """Per hype-index band, all figures of its articles by source status."""
    rows = _figures_by_band(cards)
    left = [0.0] * len(rows)
    for status, colour in STATUS_COLOURS.items():
        counts = [totals[status] for _, _, totals in rows]
        ax.barh(range(len(rows)), counts, left=left, color=colour, edgecolor="black", linewidth=0.4, label=status.replace("_", " "))
        left = [a + b for a, b in zip(left, counts)]
    ax.set_yticks(range(len(rows)), [f"hype {band} ({n:,} articles)" for band, n, _ in rows])
    ax.invert_yaxis()
    ax.set_xlabel("figures in all the articles of the band")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3, fontsize=8, frameon=False)
    ax.set_title("Figures and their sources, by hype index band")


def _alt_heatmap_bands(cards: Sequence[Scorecard]) -> str:
    parts = []
    for d in DIMENSIONS:
        counts = [0] * len(BANDS)
        for card in cards:
            counts[_band_of(card[d].score)] += 1
        parts.append(f"{d}: " + ", ".join(f"{n:,} {band}" for band, n in zip(BANDS, counts)))
    return f"Table of how many of the {len(cards):,} articles fall in each score band, per dimension. " + "; ".join(parts) + "."


def _alt_scatter_many(cards: Sequence[Scorecard]) -> str:
    both = sum(1 for c in cards if c["promotional"].score >= 50 and c["sourcing"].score >= 50)
    return (f"Scatter plot of promotional score against sourcing score for {len(cards):,} articles; "
            f"{both:,} have both at 50 or above.")


def _alt_numbers_bands(cards: Sequence[Scorecard]) -> str:
    rows = "; ".join(
        f"hype {band} ({n:,} articles): " + ", ".join(f"{totals[s]:,} {s.replace('_', ' ')}" for s in STATUS_COLOURS)
        for band, n, totals in _figures_by_band(cards)
    )
    return f"Stacked bars of attributed, weakly sourced and unattributed figures per hype index band. {rows}."


AGGREGATED = {
    "heatmap": ChartSpec("heatmap", "The dimensions' score bands", _alt_heatmap_bands, draw_heatmap_bands, lambda n: (9, 4.2)),
    "scatter": ChartSpec("scatter", "Promotional against sourcing", _alt_scatter_many, draw_scatter_many, lambda n: (7, 5.5)),
    "numbers": ChartSpec("numbers", "Figures and their sources by hype band", _alt_numbers_bands, draw_numbers_bands, lambda n: (8, 3.8)),
}


def chart_spec(name: str, count: int) -> ChartSpec:
    """The chart to draw for ``count`` articles: a row or label per article up to ROWS_LIMIT, bands past it."""
    return AGGREGATED[name] if count > ROWS_LIMIT else CHARTS[name]


def profile_alt(card: Scorecard) -> str:
    return f"Bar chart of {label_of(card)}: " + ", ".join(f"{d} {card[d].score:.0f}" for d in DIMENSIONS) + "."


def render_chart(name: str, cards: Sequence[Scorecard], fmt: str = "svg") -> bytes:
    """One comparison chart ("heatmap", "scatter", "numbers") as SVG or PNG bytes."""
    return _render(lambda: chart_figure(name, cards), fmt)


def render_profile(card: Scorecard, fmt: str = "svg") -> bytes:
    return _render(lambda: profile_figure(card), fmt)


def chart_figure(name: str, cards: Sequence[Scorecard]):
    """The standalone figure of a comparison chart (what :func:`render_chart` saves)."""
    spec = chart_spec(name, len(cards))
    return _figure(lambda ax: spec.draw(ax, cards), spec.size(len(cards)))


def profile_figure(card: Scorecard):
    return _figure(lambda ax: draw_profile(ax, card), (7, 2.8))


def _figure(draw: Callable[["Axes"], None], size: tuple[float, float]):
    from matplotlib.figure import Figure  # a bare Figure: no pyplot state, no backend switch

    figure = Figure(figsize=size, layout="constrained")
    draw(figure.subplots())
    return figure


def _render(make: Callable[[], object], fmt: str) -> bytes:
    if fmt not in ("svg", "png"):
        raise ValueError(f"unknown chart format {fmt!r}: use svg or png")
    import matplotlib

    with matplotlib.rc_context(STYLE):
        figure = make()
        buffer = io.BytesIO()
        metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, dpi=110, metadata=metadata)
    return buffer.getvalue()
