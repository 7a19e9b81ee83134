"""The class report: one self-contained HTML page (inline CSS, charts as data URIs, no scripts).

Everything that comes from an article (text, title, path, quotes, source names) passes through
:func:`esc`; nothing from an article is ever written as markup.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from html import escape
from typing import Mapping, Sequence

from hypecheck.dimensions import DIMENSIONS, HYPE_WEIGHTS, REGISTRY
from hypecheck.scorecard import PITFALLS_CHECKLIST, Failure, Scorecard, label_for, rank
from hypecheck.render.questions import discussion_questions
from hypecheck.render.common import PITFALLS_TITLE, TITLES, mark_sentence, top_evidence

SOURCE_TYPE_NAMES = {
    "outlet": "Named outlets",
    "organisation": "Named organisations",
    "person": "Named people",
    "official": "Official sources (linked or cited)",
    "research": "Research (linked or cited)",
    "website": "Other websites (linked or cited, not vetted)",
    "self": "The company itself: its statements, executives and own sites",
    "social": "Social media",
    "vague": "Vague or anonymous",
}
STATUS_NAMES = {"attributed": "attributed", "weakly_sourced": "weakly sourced", "unattributed": "no source"}

GLOSSARY = {d.key: d.glossary for d in REGISTRY}
PITFALLS_GLOSSARY = (
    f"Seven of the eighteen pitfalls in {PITFALLS_CHECKLIST} that leave traces in the text: comparison "
    "with human skills, attributing agency to AI, uncritical comparison with historical transformations, "
    "performance numbers without uncertainty or caveats, treating company spokespeople as neutral parties, "
    "limitations missing or de-emphasized, and unjustified claims about future progress. Each is found or "
    "not found from word lists and simple grammar, with the sentences that show it; they are not part of the "
    "hype index. Limits: a pattern is not a verdict (a quoted critic's prediction reads like the article's "
    "own), and the other eleven pitfalls (images, PR terms, downplayed human labour, ...) need a human reader."
)


def esc(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    alt: str
    svg: bytes


def data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def render_report(
    cards: Sequence[Scorecard],
    failures: Sequence[Failure],
    charts: Sequence[Chart],
    profiles: Mapping[str, Chart],
    generated: str | None = None,
) -> str:
    ranked = rank(cards)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>hypecheck class report</title>",
        f"<style>{CSS}</style></head><body>",
        "<header><h1>hypecheck class report</h1>",
        f"<p>{len(cards)} article{'s' if len(cards) != 1 else ''} scored"
        + (f", {len(failures)} could not be read" if failures else "")
        + (f" · generated {esc(generated)}" if generated else "")
        + "</p>",
        "<p>Every score runs from 0 (no concern) to 100 (strong concern). The hype index weighs them: "
        + ", ".join(f"{esc(TITLES[d].lower())} {w:.2f}" for d, w in HYPE_WEIGHTS.items())
        + ".</p></header>",
        _nav(ranked, bool(failures)),
        _overview(ranked),
    ]
    if failures:
        parts.append(_failures(failures))
    parts.append(_charts(charts))
    parts += [_card(card, profiles.get(card.article.id), n) for n, card in enumerate(ranked, 1)]
    parts.append(_glossary())
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _anchor(card: Scorecard) -> str:
    return "article-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in card.article.id)


def _nav(cards: Sequence[Scorecard], has_failures: bool) -> str:
    items = ['<li><a href="#overview">Class overview</a></li>']
    if has_failures:
        items.append('<li><a href="#failures">Inputs that failed</a></li>')
    items.append('<li><a href="#charts">Comparison charts</a></li>')
    items += [f'<li><a href="#{_anchor(c)}">{esc(c.article.title or c.article.id)}</a></li>' for c in cards]
    items.append('<li><a href="#glossary">Glossary</a></li>')
    return '<nav aria-label="contents"><ol>' + "".join(items) + "</ol></nav>"


def _band(score: float) -> str:
    return label_for(score).replace(" ", "-")


def _score_cell(score: float) -> str:
    return f'<td class="score band-{_band(score)}">{score:.0f}<span class="lvl"> {esc(label_for(score))}</span></td>'


def _overview(cards: Sequence[Scorecard]) -> str:
    head = "".join(f"<th scope=\"col\">{esc(TITLES[d])}</th>" for d in DIMENSIONS)
    rows = []
    for card in cards:
        cells = "".join(_score_cell(card[d].score) for d in DIMENSIONS)
        rows.append(
            f'<tr><th scope="row"><a href="#{_anchor(card)}">{esc(card.article.title or card.article.id)}</a>'
            f'<div class="path">{esc(card.article.path)}</div></th>{_score_cell(card.hype_index)}{cells}'
            f'<td class="count">{len(card.flagged_pitfalls)}</td></tr>'
        )
    return (
        '<section id="overview"><h2>Class overview</h2>'
        "<p>Sorted by hype index, highest first. Colours and words both give the level.</p>"
        f'<table class="overview"><thead><tr><th scope="col">Article</th><th scope="col">Hype index</th>{head}'
        f'<th scope="col"><a href="#pitfalls-glossary">Pitfalls found</a> (of 7)</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _failures(failures: Sequence[Failure]) -> str:
    items = "".join(f"<li><code>{esc(f.path)}</code>: {esc(f.error)}</li>" for f in failures)
    return f'<section id="failures"><h2>Inputs that failed</h2><ul>{items}</ul></section>'


def _figure(chart: Chart) -> str:
    return (
        f'<figure class="chart"><img src="{data_uri(chart.svg)}" alt="{esc(chart.alt)}">'
        f"<figcaption>{esc(chart.title)}</figcaption></figure>"
    )


def _charts(charts: Sequence[Chart]) -> str:
    return '<section id="charts"><h2>Comparison charts</h2>' + "".join(_figure(c) for c in charts) + "</section>"


def _card(card: Scorecard, profile: Chart | None, number: int) -> str:
    a = card.article
    rows = "".join(
        f"<tr><th scope=\"row\">{esc(TITLES[d])}</th>{_score_cell(card[d].score)}<td>{esc(card[d].summary)}</td></tr>"
        for d in DIMENSIONS
    )
    parts = [
        f'<section class="card" id="{_anchor(card)}">',
        f"<h2><span class=\"num\">{number}.</span> {esc(a.title or a.id)}</h2>",
        f'<p class="meta">Source file <code>{esc(a.path)}</code> · {a.words} words · {a.sentences} sentences'
        f" · hype index <strong>{card.hype_index:.0f}</strong> ({esc(label_for(card.hype_index))})</p>",
        *(f'<p class="warning"><strong>Warning:</strong> {esc(w)}</p>' for w in a.warnings),
        f'<table class="dims"><tbody>{rows}</tbody></table>',
    ]
    if profile is not None:
        parts.append(_figure(profile))
    parts += [
        "<h3>Discussion questions</h3><ol class=\"questions\">"
        + "".join(f"<li>{esc(q)}</li>" for q in discussion_questions(card))
        + "</ol>",
        _pitfalls(card),
        _sources(card),
        _numbers(card),
        _disclosure(card),
        "<h3>The article, with the evidence highlighted</h3>",
        LEGEND,
        f'<div class="article">{highlight(card)}</div>',
        "</section>",
    ]
    return "\n".join(parts)


def _pitfalls(card: Scorecard) -> str:
    """The checklist: every pitfall with found / not found, and the sentences behind each found one."""
    if not card.pitfalls:
        return ""
    rows = "".join(
        f'<tr class="{"found" if p.flagged else "clear"}"><th scope="row">{esc(p.checklist)}</th>'
        f'<td class="flag">{"found" if p.flagged else "not found"}</td><td>{esc(p.finding)}</td></tr>'
        for p in card.pitfalls
    )
    details = []
    for p in card.flagged_pitfalls:
        quotes = "".join(
            f"<li>{mark_sentence(card, group, _pit_mark, esc)}"
            f'<span class="why"> ({esc("; ".join(e.reason for e in group))})</span></li>'
            for group in top_evidence(p, None)
        )
        details.append(f"<h4>{esc(p.checklist)}</h4><p>{esc(p.explanation)}</p>" + (f'<ul class="pit-evidence">{quotes}</ul>' if quotes else f"<p><em>{esc(p.finding)}</em></p>"))
    return (
        f"<h3>{esc(PITFALLS_TITLE)}: {len(card.flagged_pitfalls)} of {len(card.pitfalls)} found</h3>"
        f'<p class="meta">From the checklist {esc(PITFALLS_CHECKLIST)}, in its wording. '
        "Found or not found; not part of the hype index.</p>"
        f'<table class="pitfalls"><thead><tr><th scope="col">pitfall</th><th scope="col">status</th>'
        f'<th scope="col">in this article</th></tr></thead><tbody>{rows}</tbody></table>' + "".join(details)
    )


def _pit_mark(text: str) -> str:
    return f'<mark class="pit">{esc(text)}</mark>'


def _sources(card: Scorecard) -> str:
    sources = card["sourcing"].metrics["sources"]
    if not sources:
        return "<h3>Sources</h3><p>No source is named anywhere in the article.</p>"
    by_type: dict[str, list[str]] = {}
    for s in sources:
        by_type.setdefault(s["type"], []).append(f"{esc(s['name'])}" + (f" ({s['mentions']}×)" if s["mentions"] > 1 else ""))
    items = "".join(f"<li><strong>{esc(SOURCE_TYPE_NAMES[t])}</strong>: {', '.join(names)}</li>" for t, names in by_type.items())
    return f"<h3>Sources</h3><ul class=\"sources\">{items}</ul>"


def _numbers(card: Scorecard) -> str:
    figures = card["unattributed_numbers"].metrics["figures"]
    if not figures:
        return "<h3>Figures</h3><p>The article states no figures.</p>"
    rows = "".join(
        f"<tr class=\"st-{esc(f['status'])}\"><td>{esc(f['text'])}</td><td>{esc(STATUS_NAMES[f['status']])}</td>"
        f"<td>{esc(f['source'] or '')}{(' (' + esc(f['source_type']) + ')') if f['source_type'] else ''}</td></tr>"
        for f in figures
    )
    return (
        "<h3>Figures</h3><table class=\"figures\"><thead><tr><th scope=\"col\">figure</th><th scope=\"col\">status</th>"
        f"<th scope=\"col\">source</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _disclosure(card: Scorecard) -> str:
    result = card["ai_disclosure"]
    m = result.metrics
    if not m["disclosed"]:
        return f"<h3>AI disclosure</h3><p>{esc(result.summary)}</p>"
    statements = "".join(f"<li>“{esc(s['text'])}” ({esc(s['position'])}; covers: {esc(s['scope'])})</li>" for s in m["statements"])
    return f"<h3>AI disclosure</h3><p>{esc(result.summary)}</p><ul>{statements}</ul>"


LEGEND = (
    '<p class="legend">Highlights: '
    '<mark class="hl hl-promotional">promotional wording</mark> '
    '<mark class="hl hl-sourcing hl-sourcing-outlet">a named source</mark> '
    '<mark class="hl hl-sourcing hl-sourcing-social">a weak source (the company, social media, vague)</mark> '
    '<mark class="hl hl-sourcing hl-sourcing-unsourced_claim">figures with no source named</mark> '
    '<mark class="hl hl-unattributed_numbers hl-unattributed_numbers-unattributed">an unattributed figure</mark> '
    '<mark class="hl hl-unattributed_numbers hl-unattributed_numbers-weakly_sourced">a weakly sourced figure</mark> '
    '<mark class="hl hl-unattributed_numbers hl-unattributed_numbers-attributed">an attributed figure</mark> '
    '<mark class="hl hl-ai_disclosure hl-ai_disclosure-disclosure">AI disclosure</mark> '
    '<mark class="hl hl-ai_disclosure hl-ai_disclosure-style">a machine-style word (a hint, not proof)</mark> '
    '<mark class="hl hl-readability">a hard sentence</mark> '
    '<span class="chrome">page chrome, not part of the article</span>. '
    "Hover a highlight for the reason.</p>"
)


def highlight(card: Scorecard) -> str:
    """The original text, escaped, with every evidence span marked in place.

    Spans of different dimensions may overlap; the text is cut at every span boundary and each
    piece carries the classes (and reasons) of all spans that cover it.
    """
    text = card.original
    spans: list[tuple[int, int, str, str]] = []
    for d, result in card.dimensions.items():
        for e in result.evidence:
            if e.end > e.start:
                spans.append((e.start, e.end, f"{d} hl-{d}-{e.tag}", f"{TITLES[d]}: {e.reason}"))
    in_article = [(s, e) for s, e, _ in card.sentence_spans]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans), *(s for s, _ in in_article), *(e for _, e in in_article)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = esc(text[start:end])
        active = [(d, reason) for s, e, d, reason in spans if s <= start and end <= e]
        chrome = any(ch.isalnum() for ch in piece) and not any(s <= start and end <= e for s, e in in_article)
        if active:
            classes = " ".join(dict.fromkeys(f"hl-{d}" for d, _ in active))  # d carries "dim hl-dim-tag"
            title = esc(" | ".join(dict.fromkeys(reason for _, reason in active)))
            piece = f'<mark class="hl {classes}" title="{title}">{piece}</mark>'
        elif chrome:
            piece = f'<span class="chrome" title="not part of the article">{piece}</span>'
        out.append(piece)
    return "".join(out)


def render_card_html(card: Scorecard) -> str:
    """One scorecard as an HTML fragment (for Jupyter): the article's card with scoped CSS."""
    return f'<div class="hc"><style>{scoped_css()}</style>{_card(card, None, 1)}</div>'


def scoped_css(scope: str = ".hc") -> str:
    """The report's one-line rules, each selector prefixed with ``scope``, so a fragment
    embedded in a notebook styles only itself. Page-level rules (body, :root, print) are left out."""
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", CSS.split("@media print")[0]):
        if selectors.strip().startswith((":root", "body")):
            continue
        scoped = ", ".join(f"{scope} {sel.strip()}" for sel in selectors.split(","))
        rules.append(f"{scoped} {{{body}}}")
    return "\n".join(rules)


def _glossary() -> str:
    items = "".join(f"<dt>{esc(TITLES[d])} <code>{d}</code></dt><dd>{esc(GLOSSARY[d])}</dd>" for d in DIMENSIONS)
    return (
        '<section id="glossary"><h2>Glossary</h2><dl>'
        + items
        + f'<dt id="pitfalls-glossary">{esc(PITFALLS_TITLE)}</dt><dd>{esc(PITFALLS_GLOSSARY)}</dd>'
        + "<dt>Hype index</dt><dd>The weighted mean of the scores (AI disclosure has no weight: disclosing must not make an article look more hyped). It orders articles for discussion; it is not a verdict on any article.</dd>"
        "</dl></section>"
    )


CSS = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1b1b; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #d0d0d0; } h3 { margin-top: 1.6rem; }
nav ol { columns: 2; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid #d0d0d0; padding: .3rem .45rem; text-align: left; vertical-align: top; }
td.score { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
.lvl { display: block; font-size: .7rem; font-weight: 400; }
.band-low { background: #eef3f8; } .band-mild { background: #cfdde9; } .band-moderate { background: #f6dfa0; }
.band-high { background: #f2b26b; } .band-very-high { background: #d9652a; color: #fff; }
.path { font-size: .75rem; color: #5f5f5f; font-weight: 400; word-break: break-all; }
figure.chart { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #5f5f5f; }
.card { border-top: 6px solid #333; margin-top: 3rem; }
.meta { color: #5f5f5f; }
.warning { background: #fff4cc; border-left: 4px solid #E69F00; padding: .4rem .6rem; }
.article { white-space: pre-wrap; border: 1px solid #d0d0d0; padding: 1rem; background: #fcfcfc; font-size: .95rem; }
mark.hl { color: inherit; padding: 0 .05em; border-radius: 2px; background: transparent; }
mark.hl-readability { text-decoration: underline dotted #009E73 2px; text-underline-offset: 3px; }
mark.hl-sourcing-outlet, mark.hl-sourcing-organisation, mark.hl-sourcing-person { background: #b9d8f2; box-shadow: inset 0 -2px #0072B2; }
mark.hl-sourcing-self, mark.hl-sourcing-social, mark.hl-sourcing-vague { background: #e3eef8; outline: 2px dashed #0072B2; outline-offset: -1px; }
mark.hl-sourcing-unsourced_claim { background: transparent; box-shadow: inset 3px 0 #56B4E9; }
mark.hl-promotional { background: #fbd99a; }
mark.hl-ai_disclosure-disclosure, mark.hl-ai_disclosure-reviewer { background: #f3cbe3; }
mark.hl-ai_disclosure-style { text-decoration: underline dashed #CC79A7 2px; text-underline-offset: 3px; }
mark.hl-unattributed_numbers { font-weight: 700; }
mark.hl-unattributed_numbers-unattributed { border-bottom: 3px solid #D55E00; }
mark.hl-unattributed_numbers-weakly_sourced { border-bottom: 3px dashed #D55E00; }
mark.hl-unattributed_numbers-attributed { border-bottom: 2px solid #009E73; }
.chrome { color: #9a9a9a; text-decoration: line-through; }
.legend mark, .legend span { margin-right: .4rem; }
tr.st-unattributed td:nth-child(2) { color: #a23e00; font-weight: 700; }
dl dt { font-weight: 700; margin-top: .8rem; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
table.pitfalls tr.found td.flag { color: #a23e00; font-weight: 700; }
table.pitfalls tr.clear td.flag { color: #5f5f5f; }
mark.pit { background: #f6dfa0; color: inherit; }
.pit-evidence .why { color: #5f5f5f; font-size: .9rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .card { break-before: page; page-break-before: always; border-top: none; }
  figure.chart, table, .questions { break-inside: avoid; page-break-inside: avoid; }
  figure.chart img { max-height: 22cm; }
  a { color: inherit; text-decoration: none; }
  .band-very-high { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark.hl, .band-low, .band-mild, .band-moderate, .band-high { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()
