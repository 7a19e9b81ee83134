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
from hypecheck.render.common import BAND_COLOURS, PITFALLS_TITLE, TITLES, mark_sentence, sentence_count, top_evidence

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

GLOSSARY = {d.key: d.glossary for d in REGISTRY}
COLOURS = {d.key: d.colour for d in REGISTRY}  # each dimension's colour, as in the charts
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
        + ", ".join(f"{esc(TITLES[d].lower())} {w:.2f}" for d, w in (ranked[0].weights if ranked else HYPE_WEIGHTS).items())
        + ".</p>"
        + _settings(ranked)
        + "</header>",
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


def _settings(cards: Sequence[Scorecard]) -> str:
    """What a settings file (or added terms) changed, so the report says how it was made."""
    settings = cards[0].settings if cards else {}
    changes = []
    if settings.get("weights"):
        changes.append("weights " + ", ".join(f"{esc(d)} {w:g}" for d, w in settings["weights"].items()))
    if settings.get("extra_terms"):
        changes.append("extra terms " + "; ".join(f"{esc(name)}: " + ", ".join(esc(t) for t, _ in terms) for name, terms in settings["extra_terms"].items()))
    if settings.get("ignored_terms"):
        changes.append("ignored terms " + ", ".join(esc(t) for t in settings["ignored_terms"]))
    if not changes and not settings.get("config"):
        return ""
    source = f" from <code>{esc(settings['config'])}</code>" if settings.get("config") else ""
    return f'<p class="settings">Scored with settings{source}: {"; ".join(changes) or "no changes"}.</p>'


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
            f'<td class="count">{_pitfall_count(card)}</td></tr>'
        )
    return (
        '<section id="overview"><h2>Class overview</h2>'
        "<p>Sorted by hype index, highest first. Every score runs from 0 (no concern) to 100 (strong concern); "
        "colours and words both give the level. “n/a”: the pitfalls checklist does not apply (an article not about AI).</p>"
        f'<div class="scroll" tabindex="0" role="region" aria-label="class overview table"><table class="overview"><thead><tr><th scope="col">Article</th><th scope="col">Hype index</th>{head}'
        f'<th scope="col"><a href="#pitfalls-glossary">Pitfalls found</a> (of 7)</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _pitfall_count(card: Scorecard) -> str:
    return str(len(card.flagged_pitfalls)) if card.pitfalls_checked else '<abbr title="not checked: the article is not about AI">n/a</abbr>'


def _failures(failures: Sequence[Failure]) -> str:
    items = "".join(f"<li><code>{esc(f.path)}</code>: {esc(f.error)}</li>" for f in failures)
    return f'<section id="failures"><h2>Inputs that failed</h2><ul>{items}</ul></section>'


def _figure(chart: Chart, kind: str = "") -> str:
    return (
        f'<figure class="chart{" " + kind if kind else ""}"><div class="scroll"><img src="{data_uri(chart.svg)}" alt="{esc(chart.alt)}"></div>'
        f"<figcaption>{esc(chart.title)}</figcaption></figure>"
    )


def _charts(charts: Sequence[Chart]) -> str:
    return '<section id="charts"><h2>Comparison charts</h2>' + "".join(_figure(c) for c in charts) + "</section>"


def _card(card: Scorecard, profile: Chart | None, number: int) -> str:
    a = card.article
    numbers = evidence_numbers(card)
    rows = "".join(
        f"<tr><th scope=\"row\">{esc(TITLES[d])}</th>{_score_cell(card[d].score)}<td>{esc(card[d].summary)}</td></tr>"
        for d in DIMENSIONS
    )
    parts = [
        f'<section class="card" id="{_anchor(card)}">',
        f"<h2><span class=\"num\">{number}.</span> {esc(a.title or a.id)}</h2>",
        f'<p class="meta">Source file <code>{esc(a.path)}</code> · {a.words} words · {sentence_count(card)}'
        f" · hype index <strong>{card.hype_index:.0f}</strong> ({esc(label_for(card.hype_index))}; 0 = no concern, 100 = strong concern)</p>",
        *(f'<p class="warning"><strong>Warning:</strong> {esc(w)}</p>' for w in a.warnings),
        '<div class="summary">',
        f'<table class="dims"><thead><tr><th scope="col">dimension</th><th scope="col">score</th><th scope="col">in short</th></tr></thead><tbody>{rows}</tbody></table>',
    ]
    if profile is not None:
        parts.append(_figure(profile, "profile"))
    parts += [
        "</div>",
        "<h3>Discussion questions</h3><ol class=\"questions\">"
        + "".join(f"<li>{esc(q)}</li>" for q in discussion_questions(card))
        + "</ol>",
        _evidence(card, numbers),
        _pitfalls(card, numbers),
        '<div class="facts">',
        _sources(card),
        _disclosure(card),
        "</div>",
        "<h3>The article, with the evidence highlighted</h3>",
        LEGEND,
        f'<div class="article">{highlight(card, numbers, _anchor(card))}</div>',
        "</section>",
    ]
    return "\n".join(p for p in parts if p)


def evidence_numbers(card: Scorecard) -> dict[int, int]:
    """Every sentence that carries evidence (of a dimension or a pitfall), numbered 1, 2, ... in
    reading order: the number of its superscript marker in the article and of its list items."""
    sentences = {e.sentence for r in card.dimensions.values() for e in r.evidence}
    sentences |= {e.sentence for p in card.flagged_pitfalls for e in p.evidence}
    return {s: n for n, s in enumerate(sorted(sentences), 1)}


def _ref(card: Scorecard, numbers: Mapping[int, int], sentence: int) -> str:
    n = numbers[sentence]
    return f'<a class="ref" href="#{_anchor(card)}-s{n}" aria-label="sentence {n} in the article">{n}</a>'


def _evidence_items(card: Scorecard, result, numbers: Mapping[int, int], mark) -> str:
    """One item per sentence: its number, the sentence (the words that count in bold), the reasons."""
    items, previous = [], None
    for group in sorted(top_evidence(result, None), key=lambda g: g[0].sentence):
        words = ", ".join(dict.fromkeys(f"“{esc(_short(card.quote(e.start, e.end)))}”" for e in sorted(group, key=lambda e: e.start)))
        why, kinds = _reasons(dict.fromkeys(e.reason for e in group))
        again = ' class="again"' if kinds == previous else ""
        previous = kinds
        items.append(
            f"<li{again}>{_ref(card, numbers, group[0].sentence)}<q>{mark_sentence(card, group, mark, esc)}</q>"
            f'<span class="words">{words}</span> <span class="why">{why}</span><span class="same"> (same reason)</span></li>'
        )
    return f'<ol class="ev">{"".join(items)}</ol>' if items else ""


def _evidence(card: Scorecard, numbers: Mapping[int, int]) -> str:
    """The evidence, dimension by dimension, readable without a mouse and on paper."""
    blocks = []
    for d in DIMENSIONS:
        result = card[d]
        items = _evidence_items(card, result, numbers, _mark) or '<p class="none">No sentence to show.</p>'
        blocks.append(
            f'<div class="ev-dim"><h4><span class="swatch" style="background: {COLOURS[d]}"></span>{esc(TITLES[d])}: {result.score:.0f} '
            f"({esc(result.label)})</h4>{items}</div>"
        )
    return (
        "<h3>The evidence behind each score</h3>"
        '<p class="meta">Each item quotes a sentence, the words that count in bold, and says why '
        "(on paper: the words only). Its number is the small number after the same sentence in the article below.</p>"
        f'<div class="evidence">{"".join(blocks)}</div>'
    )


_QUOTED = re.compile(r"'[^']*'")


def _reasons(reasons) -> tuple[str, tuple[str, ...]]:
    """The reasons as HTML, and their kinds (a reason with its quoted words taken out). On paper,
    where the words are listed just before, a reason of a kind already given is left out
    (class "dup"), and an item whose kinds repeat the item before prints "same reason"."""
    html, kinds = [], []
    for reason in reasons:
        kind = _QUOTED.sub("'…'", reason)
        text = ("; " if html else "") + esc(reason)
        html.append(f'<span class="dup">{text}</span>' if kind in kinds else text)
        kinds.append(kind)
    return "".join(html), tuple(dict.fromkeys(kinds))


def _short(text: str, limit: int = 36) -> str:
    """The marked words for the printed list (the article beside it has the whole sentence)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _mark(text: str) -> str:
    return f"<strong>{esc(text)}</strong>"


def _pitfalls(card: Scorecard, numbers: Mapping[int, int]) -> str:
    """The checklist: every pitfall with found / not found, and the sentences behind each found one."""
    if not card.pitfalls:
        return ""
    if not card.pitfalls_checked:
        return f"<h3>{esc(PITFALLS_TITLE)}: not checked</h3><p>{esc(card.pitfalls[0].finding)}</p>"
    rows = "".join(
        f'<tr class="{"found" if p.flagged else "clear"}"><th scope="row">{esc(p.checklist)}</th>'
        f'<td class="flag">{"found" if p.flagged else "not found"}</td><td>{esc(p.finding)}</td></tr>'
        for p in card.pitfalls
    )
    details = []
    for p in card.flagged_pitfalls:
        quotes = _evidence_items(card, p, numbers, _pit_mark)
        details.append(
            f'<div class="ev-dim"><h4>{esc(p.checklist)}</h4><p class="explain"><span class="what">{esc(p.explanation)}</span>'
            f'<span class="finding">{esc(p.finding)}</span></p>{quotes}</div>'
        )
    return (
        f"<h3>{esc(PITFALLS_TITLE)}: {len(card.flagged_pitfalls)} of {len(card.pitfalls)} found</h3>"
        f'<p class="meta">From the checklist {esc(PITFALLS_CHECKLIST)}, in its wording. '
        "Found or not found; not part of the hype index.</p>"
        f'<div class="scroll pitfall-table"><table class="pitfalls"><thead><tr><th scope="col">pitfall</th><th scope="col">status</th>'
        f'<th scope="col">in this article</th></tr></thead><tbody>{rows}</tbody></table></div>'
        + (f'<div class="evidence">{"".join(details)}</div>' if details else "")
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


def _disclosure(card: Scorecard) -> str:
    result = card["ai_disclosure"]
    m = result.metrics
    if not m["disclosed"]:
        return f"<h3>AI disclosure</h3><p>{esc(result.summary)}</p>"
    statements = "".join(f"<li>“{esc(s['text'])}” ({esc(s['position'])}; covers: {esc(s['scope'])})</li>" for s in m["statements"])
    return f"<h3>AI disclosure</h3><p>{esc(result.summary)}</p><ul>{statements}</ul>"


LEGEND = (
    '<p class="legend">Highlights (each kind has its own pattern, so they read in black and white too): '
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
    '<span class="chrome">page chrome or a stray ticker symbol, not part of the article</span>. '
    '<sup class="ref">7</sup> after a sentence: item 7 of the evidence lists above says why it counts.</p>'
)


def highlight(card: Scorecard, numbers: Mapping[int, int] | None = None, anchor: str = "") -> str:
    """The original text, escaped, with every evidence span marked in place and each sentence
    that carries evidence followed by its number (``numbers``, from :func:`evidence_numbers`).

    Spans of different dimensions may overlap; the text is cut at every span boundary and each
    piece carries the classes (and, as a tooltip, the reasons) of all spans that cover it.
    """
    text = card.original
    numbers = evidence_numbers(card) if numbers is None else numbers
    spans: list[tuple[int, int, str, str]] = []
    for d, result in card.dimensions.items():
        for e in result.evidence:
            if e.end > e.start:
                spans.append((e.start, e.end, f"{d} hl-{d}-{e.tag}", f"{TITLES[d]}: {e.reason}"))
    in_article = [(s, e) for s, e, _ in card.sentence_spans]
    markers = {card.sentence_spans[i][1]: n for i, n in numbers.items()}
    deleted = [(a, b) for a, b, replacement in card.repairs if not replacement.strip()]
    cuts = sorted(
        {0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans), *(s for s, _ in in_article), *(e for _, e in in_article)}
        | {x for span in deleted for x in span}
    )
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = _LINE_BREAKS.sub(_line_break, esc(text[start:end]))
        active = [(d, reason) for s, e, d, reason in spans if s <= start and end <= e]
        chrome = any(ch.isalnum() for ch in piece) and (
            not any(s <= start and end <= e for s, e in in_article) or any(a <= start and end <= b for a, b in deleted)
        )
        if chrome:
            piece = f'<span class="chrome" title="not part of the article">{piece}</span>'
        if active:
            classes = " ".join(dict.fromkeys(f"hl-{d}" for d, _ in active))  # d carries "dim hl-dim-tag"
            title = esc(" | ".join(dict.fromkeys(reason for _, reason in active)))
            piece = f'<mark class="hl {classes}" title="{title}">{piece}</mark>'
        out.append(piece)
        if end in markers:
            n = markers[end]
            out.append(f'<sup class="ref" id="{anchor}-s{n}">{n}</sup>')
    return "".join(out)


# Line and paragraph breaks, wrapped so print can reflow the text into columns (white-space:
# normal) and still break lines; on screen (pre-wrap) the wrapped whitespace shows as it is.
_LINE_BREAKS = re.compile(r"[ \t]*\n\s*")


def _line_break(found: re.Match[str]) -> str:
    kind = "pb" if found.group().count("\n") > 1 else "lb"
    return f'<span class="{kind}">{found.group()}</span>'


def render_card_html(card: Scorecard) -> str:
    """One scorecard as an HTML fragment (for Jupyter): the article's card with scoped CSS."""
    return f'<div class="hc"><style>{scoped_css()}</style>{_card(card, None, 1)}</div>'


def scoped_css(scope: str = ".hc") -> str:
    """The report's one-line rules, each selector prefixed with ``scope``, so a fragment
    embedded in a notebook styles only itself. Page-level rules (body, :root) and the @media
    blocks (narrow screens, print) are left out."""
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", CSS.split("@media")[0]):
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
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1b1b; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; overflow-wrap: break-word; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #d0d0d0; } h3 { margin-top: 1.6rem; } h4 { margin: .8rem 0 .3rem; }
nav ol { columns: 2; font-size: .9rem; } nav li { break-inside: avoid; page-break-inside: avoid; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid #d0d0d0; padding: .3rem .45rem; text-align: left; vertical-align: top; }
td.score { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
.lvl { display: block; font-size: .7rem; font-weight: 400; }
{BANDS}
.band-very-high { color: #fff; }
.path { font-size: .75rem; color: #5f5f5f; font-weight: 400; word-break: break-all; }
figure.chart { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #5f5f5f; }
.card { border-top: 6px solid #333; margin-top: 3rem; }
.meta { color: #5f5f5f; }
.warning { background: #fff4cc; border-left: 4px solid #E69F00; padding: .4rem .6rem; }
.article { white-space: pre-wrap; border: 1px solid #d0d0d0; padding: 1rem; background: #fcfcfc; font-size: .95rem; }
.evidence { font-size: .92rem; }
ol.ev { list-style: none; padding-left: 0; margin: .2rem 0 .6rem; }
ol.ev li { margin: .25rem 0; padding-left: 2.1rem; text-indent: -2.1rem; break-inside: avoid; page-break-inside: avoid; }
ol.ev q { quotes: "\\201C" "\\201D"; }
ol.ev .why, .explain { color: #444; font-style: italic; }
a.ref, sup.ref { display: inline-block; min-width: 1.5rem; margin-right: .3rem; text-indent: 0; text-align: center; font-size: .75rem; font-weight: 700; line-height: 1.3; color: #1b1b1b; background: #fff; border: 1px solid #5f5f5f; border-radius: .6rem; text-decoration: none; font-style: normal; }
sup.ref { min-width: 1.2rem; margin: 0 .15rem; font-size: .65rem; vertical-align: super; }
.swatch { display: inline-block; width: 1.6em; height: .9em; margin-right: .4rem; vertical-align: baseline; border: 1px solid #999; }
.none { color: #5f5f5f; font-style: italic; }
ol.ev .words, ol.ev .same, .explain .finding { display: none; }
mark.hl { color: inherit; padding: 0 .05em; border-radius: 2px; background: transparent; }
mark.hl-readability { text-decoration: underline dotted #009E73 2px; text-underline-offset: 3px; }
mark.hl-sourcing-outlet, mark.hl-sourcing-organisation, mark.hl-sourcing-person, mark.hl-sourcing-official, mark.hl-sourcing-research, mark.hl-sourcing-website { background: #b9d8f2; box-shadow: inset 0 -2px #0072B2; }
mark.hl-sourcing-self, mark.hl-sourcing-social, mark.hl-sourcing-vague { background: #e3eef8; outline: 2px dashed #0072B2; outline-offset: -1px; }
mark.hl-sourcing-unsourced_claim { background: transparent; font-style: italic; }
mark.hl-promotional { background: #fbd99a; }
mark.hl-ai_disclosure-disclosure, mark.hl-ai_disclosure-reviewer { background: #f3cbe3; outline: 1px solid #a0457a; }
mark.hl-ai_disclosure-style { text-decoration: underline dashed #CC79A7 2px; text-underline-offset: 3px; }
mark.hl-unattributed_numbers { font-weight: 700; }
mark.hl-unattributed_numbers-unattributed { border-bottom: 3px solid #D55E00; }
mark.hl-unattributed_numbers-weakly_sourced { border-bottom: 3px dashed #D55E00; }
mark.hl-unattributed_numbers-attributed { border-bottom: 2px solid #009E73; }
.chrome { color: #9a9a9a; text-decoration: line-through; }
.legend { font-size: .9rem; } .legend mark, .legend span { margin-right: .4rem; }
dl dt { font-weight: 700; margin-top: .8rem; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
table.pitfalls tr.found td.flag { color: #a23e00; font-weight: 700; }
table.pitfalls tr.clear td.flag { color: #5f5f5f; }
mark.pit { background: #f6dfa0; color: inherit; }
@media (min-width: 52rem) {
  .summary { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
}
@media (max-width: 40rem) {
  body { padding: .5rem .75rem 3rem; }
  nav ol { columns: 1; }
  table.overview { font-size: .8rem; }
  figure.chart .scroll img { min-width: 36rem; max-width: none; }
}
@media print {
  @page { margin: 10mm 12mm; }
  body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.3; }
  nav { display: none; }
  h2 { margin-top: 0; font-size: 15pt; } h3 { font-size: 11pt; margin: .7rem 0 .2rem; } h4 { font-size: 9.5pt; margin: .4rem 0 .1rem; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .meta, .legend { margin: .2rem 0; } .legend { font-size: 7.5pt; }
  .pitfall-table, .explain .what { display: none; } .explain .finding { display: inline; }
  .card, #charts, #glossary { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  figure.profile { display: none; }
  table { font-size: 8pt; line-height: 1.2; } th, td { padding: .05rem .3rem; }
  .evidence { columns: 3; column-gap: 1rem; font-size: 7.5pt; line-height: 1.15; }
  .ev-dim h4 { break-after: avoid; page-break-after: avoid; }
  ol.ev { margin: 0 0 .3rem; }
  ol.ev li { display: inline; margin: 0 .3rem 0 0; padding: 0; text-indent: 0; }
  ol.ev q { display: none; } ol.ev .words { display: inline; font-weight: 700; }
  ol.ev li.again .why, ol.ev .dup { display: none; } ol.ev li.again .same { display: inline; font-style: italic; }
  .facts { columns: 2; column-gap: 1.2rem; font-size: 8pt; }
  .facts ul { margin: .1rem 0; }
  .facts h3 { margin-top: 0; }
  .article { columns: 2; column-gap: 1.2rem; padding: .4rem .6rem; font-size: 8pt; line-height: 1.25; background: none; }
  .article { white-space: normal; } .article .lb, .article .pb { display: block; } .article .pb { height: .35em; }
  .article .chrome { display: none; }
  figure.chart, table, .questions { break-inside: avoid; page-break-inside: avoid; }
  figure.chart img { max-height: 22cm; }
  a { color: inherit; text-decoration: none; }
  .band-very-high { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark.hl, .swatch, .band-low, .band-mild, .band-moderate, .band-high { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip().replace("{BANDS}", " ".join(f".band-{name.replace(' ', '-')} {{ background: {colour}; }}" for name, colour in BAND_COLOURS.items()))
