"""The scorecard as Markdown; article text is escaped so it cannot inject markup or HTML."""

from __future__ import annotations

import re

from hypecheck.scorecard import PITFALLS_CHECKLIST, Scorecard, label_for
from hypecheck.render.common import PITFALLS_TITLE, TITLES, mark_sentence, ordered, sentence_count, top_evidence

# Characters that start inline markup; HTML is neutralised as entities. Block markup ("#", "-",
# "1.") cannot start a line here: article text only ever follows "- " or sits in a table cell.
_WHITESPACE = re.compile(r"\s+")
_SPECIAL = re.compile(r"([\\`*_\[\]|~!])")


def escape_markdown(text: str) -> str:
    """Article text as literal Markdown: no emphasis, links, images, tables or HTML.

    Runs of whitespace (line breaks too) become one space; a space at either end is kept, so a
    piece of a sentence next to a marked span keeps its word boundary.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text))


def render_markdown(card: Scorecard, explain: bool = False, top: int = 3) -> str:
    a = card.article
    out = [
        f"# hypecheck: {escape_markdown(a.title or a.id)}",
        "",
        f"Source: {escape_markdown(a.path if a.path not in ('', '-') else a.id)} · {a.words} words · {sentence_count(card)}",
        "",
        *(f"> **Warning:** {escape_markdown(w)}\n" for w in a.warnings),
        f"**Hype index: {card.hype_index:.1f} / 100 ({label_for(card.hype_index)})**",
        "",
        "| dimension | score | level | in short |",
        "|---|---:|---|---|",
    ]
    for name, r in ordered(card):
        out.append(f"| {TITLES[name]} | {r.score:.1f} | {r.label} | {escape_markdown(r.summary)} |")
    for name, r in ordered(card):
        out += ["", f"## {TITLES[name]}: {r.score:.0f} / 100", "", escape_markdown(r.summary), ""]
        out += _evidence_items(card, r, explain, top)
    if card.pitfalls:
        out += [
            "",
            f"## {PITFALLS_TITLE}: {len(card.flagged_pitfalls)} of {len(card.pitfalls)} found",
            "",
            f"Checklist: {escape_markdown(PITFALLS_CHECKLIST)}. Found or not; not part of the hype index.",
            "",
            "| pitfall | found | in this article |",
            "|---|---|---|",
            *(f"| {escape_markdown(p.checklist)} | {'yes' if p.flagged else 'no'} | {escape_markdown(p.finding)} |" for p in card.pitfalls),
        ]
        for p in card.flagged_pitfalls:
            out += ["", f"### {escape_markdown(p.checklist)}", "", escape_markdown(p.explanation), ""]
            out += _evidence_items(card, p, explain, top) or [f"_{escape_markdown(p.finding)}_"]
    return "\n".join(out) + "\n"


def _evidence_items(card: Scorecard, result, explain: bool, top: int) -> list[str]:
    items = []
    for group in top_evidence(result, None if explain else top):
        sentence = mark_sentence(card, group, lambda t: f"**{escape_markdown(t)}**", escape_markdown)
        reasons = "; ".join(escape_markdown(e.reason) for e in group)
        items.append(f"- {sentence}  \n  _{reasons}_")
    return items
