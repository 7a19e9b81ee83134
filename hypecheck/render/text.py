"""The terminal scorecard: bars per dimension and the sentences behind each score."""

from __future__ import annotations

from hypecheck.scorecard import PITFALLS_CHECKLIST, Evidence, Scorecard, label_for
from hypecheck.dimensions import REGISTRY
from hypecheck.render.common import PITFALLS_TITLE, TITLES, bar, mark_sentence, ordered, sentence_count, top_evidence

BOLD, RESET = "\033[1m", "\033[0m"
# Each dimension in its own colour (24-bit ANSI, from the descriptor's hex colour).
COLOURS = {d.key: "\033[38;2;{};{};{}m".format(*(int(d.colour[i : i + 2], 16) for i in (1, 3, 5))) for d in REGISTRY}


def render_text(card: Scorecard, explain: bool = False, color: bool = False, top: int = 3) -> str:
    a = card.article
    lines = [
        f"hypecheck · {a.id}",
        f"“{a.title}”" if a.title else "(untitled)",
        f"{a.words} word{'s' if a.words != 1 else ''} · {sentence_count(card)}" + (f" · {a.removed_spans} line{'s' if a.removed_spans != 1 else ''} of page chrome removed ({a.removed_words:,} words, {a.removed_share:.0%})" if a.removed_spans else ""),
        *(f"warning: {w}" for w in a.warnings),
        "",
        f"HYPE INDEX {card.hype_index:5.1f}  {bar(card.hype_index, 30)}  {label_for(card.hype_index)}",
        "",
    ]
    for name, result in ordered(card):
        outside = "  (not in the hype index)" if card.weights.get(name) == 0 else ""
        lines.append(f"  {name:<21} {result.score:5.1f}  {bar(result.score)}  {result.label}{outside}")
    for name, result in ordered(card):
        colour = COLOURS[name] if color else ""
        lines += ["", f"── {TITLES[name]} ({name}) · {result.score:.0f}/100 ──", f"  {result.summary}"]
        lines += _evidence_lines(card, result, colour if color else None, explain, top)
    lines += _pitfall_lines(card, explain, color, top)
    return "\n".join(lines) + "\n"


def _evidence_lines(card: Scorecard, result, colour: str | None, explain: bool, top: int) -> list[str]:
    """The sentences behind a result, matches marked, each with its reasons."""
    lines = []
    groups = top_evidence(result, None if explain else top)
    for group in groups:
        quoted = mark_sentence(
            card,
            group,
            (lambda t: f"{BOLD}{colour}{t}{RESET}") if colour is not None else (lambda t: f"»{t}«"),
            lambda t: t,
        )
        lines.append(f"  [{group[0].sentence}] {quoted}")
        for e in group:
            lines.append(f"      · {e.reason}")
    hidden = len(top_evidence(result, None)) - len(groups)
    if hidden > 0:
        lines.append(f"  … {hidden} more sentence{'s' if hidden > 1 else ''} (--explain shows all)")
    omitted = result.omitted.get("evidence", 0)
    if omitted:
        lines.append(f"  … and {omitted:,} more evidence item{'s' if omitted > 1 else ''} left out of the scorecard (the counts above include them)")
    return lines


def _pitfall_lines(card: Scorecard, explain: bool, color: bool, top: int) -> list[str]:
    if not card.pitfalls:
        return []
    flagged = card.flagged_pitfalls
    lines = ["", f"── {PITFALLS_TITLE}: {len(flagged)} of {len(card.pitfalls)} found · checklist: {PITFALLS_CHECKLIST} ──"]
    for p in card.pitfalls:
        lines.append(f"  [{'x' if p.flagged else ' '}] {p.checklist}: {p.finding}")
    for p in flagged:
        lines += ["", f"  {p.checklist}", f"  {p.explanation}"]
        lines += _evidence_lines(card, p, "\033[31m" if color else None, explain, top) or [f"  ({p.finding})"]
    return lines


def render_compare(a: Scorecard, b: Scorecard, width: int = 12) -> str:
    """Two scorecards side by side: scores, bars and the difference, then each one's top evidence."""

    name_a, name_b = a.article.id[:24], b.article.id[:24]
    lines = [
        f"{'':<22} {name_a:>{width + 7}}   {name_b:>{width + 7}}   difference",
        f"{'':<22} {_short(a.article.title, width + 7):>{width + 7}}   {_short(b.article.title, width + 7):>{width + 7}}",
    ]
    rows = [("hype index", a.hype_index, b.hype_index)] + [(d, a[d].score, b[d].score) for d in a.dimensions]
    for name, sa, sb in rows:
        lines.append(f"{name:<22} {sa:5.1f} {bar(sa, width)}   {sb:5.1f} {bar(sb, width)}   {sb - sa:+6.1f}")
    found = [f"{len(c.flagged_pitfalls)} of {len(c.pitfalls)}" if c.pitfalls_checked else "n/a" for c in (a, b)]
    lines.append(f"{'pitfalls found':<22} {found[0]:>{width + 6}}   {found[1]:>{width + 6}}")
    for card in (a, b):
        lines += ["", f"── {card.article.id}: strongest evidence ──"]
        for d in a.dimensions:
            e = _strongest(card, card[d].evidence)
            if e is not None:
                lines.append(f"  {d:<21} »{' '.join(card.quote(e.start, e.end).split())[:90]}« ({e.reason})")
        for p in card.flagged_pitfalls:
            e = _strongest(card, p.evidence)
            if e is not None:
                lines.append(f"  {'pitfall':<21} »{' '.join(card.quote(e.start, e.end).split())[:90]}« ({p.checklist})")
    return "\n".join(lines) + "\n"


def _strongest(card: Scorecard, evidence) -> Evidence | None:
    """The weightiest piece of evidence, from the running text when there is any (a heading
    such as "Why it matters" is not what an article claims)."""
    running = [e for e in evidence if card.sentence_spans[e.sentence][2] in ("body", "list_item")]
    pool = running or list(evidence)
    return max(pool, key=lambda e: (e.weight, -e.start)) if pool else None


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_lines(card: Scorecard) -> str:
    """One line per evidence item, ``path:line:col: dimension: message``, the shape editors and CI
    annotations read (as from Vale or proselint). Line and column count from 1 in the original
    text; found pitfalls appear as ``pitfalls.KEY``."""
    path = card.article.path or card.article.id
    items = [(name, e) for name, result in card.dimensions.items() for e in result.evidence]
    items += [(f"pitfalls.{p.key}", e) for p in card.flagged_pitfalls for e in p.evidence]
    lines = []
    for name, e in sorted(items, key=lambda item: (item[1].start, item[1].end, item[0])):
        line = card.original.count("\n", 0, e.start) + 1
        column = e.start - (card.original.rfind("\n", 0, e.start) + 1) + 1
        quoted = " ".join(card.quote(e.start, e.end).split())
        if len(quoted) > 80:
            quoted = quoted[:79].rsplit(" ", 1)[0] + "…"
        lines.append(f"{path}:{line}:{column}: {name}: {' '.join(e.reason.split())} (“{quoted}”)\n")
    return "".join(lines)
