"""Pitfalls: patterns that make AI coverage misleading, from a critics' checklist.

Kapoor and Narayanan's "Eighteen pitfalls to beware of in AI journalism" (2022) lists what makes
AI news misleading. Seven of them leave traces in the text, and each gets a check here:

- ``human_comparison``: AI said to beat, surpass or rival people or professionals.
- ``agency``: AI as the subject of a verb of thinking, wanting, deciding or understanding.
- ``historical_analogy``: era-level comparisons ("a paradigm shift", "the Android of the LLM era").
- ``performance_without_caveat``: a benchmark or accuracy claim with no uncertainty, test set or
  independent check named in the sentence or the next one.
- ``self_interested_source``: claims resting on the company, its executives or investors, with
  fewer independent named sources than self-interested ones (uses the sourcing dimension's types).
- ``limitations``: no limitation, risk or critical voice at all, or the first one only in the last
  quarter of the article; where the first caveat appears is reported as a share of the article.
- ``future_certainty``: unhedged predictions ("will transform", "is poised to lead") and figures
  set in the future ("$4 trillion in the next five years").

These are a separate section of the scorecard, not a sixth score: the five dimensions stay
comparable, and a pitfall is a yes/no finding with its sentences, not a degree. The words each
check looks for are lexicons (``ai_terms``, ``comparison_verbs``, ``human_roles``,
``mental_verbs``, ``performance_claims``, ``performance_caveats``, ``limitation_cues``,
``future_certainty``, and ``grand_claims`` entries of era level); the grammar around them is here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from hypecheck.facts.document import Document, Sentence
from hypecheck.lexicon import Lexicons, Match, normalize_words
from hypecheck.scorecard import Evidence, Pitfall
from hypecheck.facts import Facts
from hypecheck.facts.attributions import Attribution
from hypecheck.facts.matches import Tables


@dataclass(frozen=True)
class Definition:
    key: str
    checklist: str  # the checklist's own wording of the pitfall
    group: str  # the checklist's heading it sits under
    explanation: str  # one line a student understands


DEFINITIONS = (
    Definition(
        "human_comparison",
        "Comparison with human skills",
        "Flawed human-AI comparison",
        "The article says an AI beats or rivals people at a job; such claims usually rest on a narrow test, not on doing the real work.",
    ),
    Definition(
        "agency",
        "Attributing agency to AI",
        "Flawed human-AI comparison",
        "The article writes as if the AI thinks, wants or decides; software does not, and the wording hides the people who built and run it.",
    ),
    Definition(
        "historical_analogy",
        "Uncritical comparison with historical transformations",
        "Hyperbolic, incorrect, or non-falsifiable claims about AI",
        "The article likens this to an era-changing event; the comparison sounds big but cannot be checked.",
    ),
    Definition(
        "performance_without_caveat",
        "Performance numbers reported without uncertainty estimates or caveats",
        "Limitations not addressed",
        "A benchmark or accuracy claim comes with no uncertainty, test set or independent check, so a reader cannot tell what it means.",
    ),
    Definition(
        "self_interested_source",
        "Treating company spokespeople and researchers as neutral parties",
        "Uncritically platforming those with self-interest",
        "Claims rest on the company, its executives or investors, who gain if readers believe them, with too few independent voices.",
    ),
    Definition(
        "limitations",
        "No discussion of potential limitations; limitations de-emphasized",
        "Limitations not addressed",
        "A fair article says what could go wrong, and says it early; here the caveats are missing or left to the very end.",
    ),
    Definition(
        "future_certainty",
        "Unjustified claims about future progress",
        "Hyperbolic, incorrect, or non-falsifiable claims about AI",
        "The article states predictions as certain; nobody knows the future, so a fair article hedges or says who predicts it.",
    ),
)
KEYS = tuple(d.key for d in DEFINITIONS)

ERA_LEVEL = 1.5  # grand_claims weights from here up are era-level claims (see the lexicon header)
PARKED_SHARE = 0.75  # a first caveat this far into the article (or later) is parked at the end
HUMAN_AFTER_VERB = 5  # tokens between the comparison verb and the people, at most
FUTURE_CONTEXT = 4  # tokens shown after a certainty word ("will transform the industry")

SUBJECT_GAP = 3  # glue words at most between an AI subject and its verb
RUN_LIMIT = 3  # adjacent people matches joined into one ("human", "doctors")

# Glue words that may stand between an AI subject and its verb: "the model *now* understands",
# "AI *that* decides", "the system *can* think". Not "who" ("a role model who believed") and not
# a negation: "the model does not understand" is the opposite of the pitfall.
_AUXILIARIES = frozenset("can could will would may might must shall should does did do has had have".split())
_GLUE = _AUXILIARIES | frozenset(
    "that which now actually really even also still already apparently supposedly seemingly truly "
    "somehow genuinely soon reportedly itself".split()
)
# A comparison may also stand after a form of "be" ("AI is outperforming doctors"); a verb of
# thinking may not: "AI is feared by workers" is a passive, not an AI that fears.
_BE = frozenset("is are was were be been being".split())
_COMPARISON_GLUE = _GLUE | _BE
_NEGATIONS = frozenset("not never cannot no".split())
# Before "will", words that make it the noun: "a will", "political will", "free will".
_WILL_IS_A_NOUN_AFTER = frozenset("a the his her their its my our your political free good ill own".split())
# After "will", a word that cannot be the verb: "the will of", "free will to".
_NOT_A_VERB_AFTER_WILL = frozenset("of to and or in for the a an that this".split())
AI_SENTENCES_TO_APPLY = 2  # the checklist applies to an article that names AI in this many sentences
_CONDITIONS = frozenset(("if", "unless", "whether"))
_UNCERTAINTY_SYMBOL = re.compile(r"±|\+/-|\+/−|\b95\s?% CI\b")
_ANALOGY = re.compile(
    r"\b[Tt]he\s+(?!(?:CEO|CFO|CTO|COO|Head|President|Chair|Chairman|Chief|Minister|Director|Founder|Secretary)\b)"
    r"[A-Z][\w.+-]*\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:era|age|generation|century|revolution|industry)\b"
)
_HORIZON = re.compile(
    r"\b(?:in|over|within|during)\s+the\s+(?:next|coming)\s+(?:[\w-]+\s+)?(?:years?|decades?|months?)\b"
    r"|\bby\s+the\s+end\s+of\s+the\s+decade\b"
    r"|\bby\s+(?:the\s+end\s+of\s+|early\s+|mid-?\s*|late\s+)?(?P<year>20\d\d)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(20\d\d)\b")
_INVESTOR_WORDS = frozenset("investor investors shareholder shareholders backer backers".split())


def analyze(facts: Facts) -> tuple[Pitfall, ...]:
    """Every pitfall check on one article, in the order of :data:`DEFINITIONS`.

    The checklist is about AI coverage: an article that names AI in fewer than two sentences
    (a match report, a budget story), or that is probably not English, is not checked, and every
    item says so instead of being found.
    """
    doc, lex, tables, attributions, subject = facts.doc, facts.lexicons, facts.tables, facts.attributions, facts.subject
    english = facts.english
    prose = tuple(s for s in doc.sentences if s.kind != "meta")
    mentions = sum(1 for s in prose if tables.base(s).find("ai_terms"))
    if not english or mentions < AI_SENTENCES_TO_APPLY:
        why = "the article is probably not English" if not english else f"the article names AI in {_plural(mentions, 'sentence')} only"
        return tuple(_pitfall(d.key, False, f"Not checked: {why}; the checklist is for AI coverage.", (), applicable=False) for d in DEFINITIONS)
    body = doc.body
    checks: dict[str, Callable[[], Pitfall]] = {
        "human_comparison": lambda: human_comparison(doc, prose, tables),
        "agency": lambda: agency(doc, prose, tables),
        "historical_analogy": lambda: historical_analogy(doc, prose, tables),
        "performance_without_caveat": lambda: performance_without_caveat(doc, body, tables),
        "self_interested_source": lambda: self_interested_source(doc, attributions, lex),
        "limitations": lambda: limitations(doc, body, tables),
        "future_certainty": lambda: future_certainty(doc, prose, lex, tables, attributions, subject),
    }
    return tuple(checks[key]() for key in KEYS)


def definition(key: str) -> Definition:
    return next(d for d in DEFINITIONS if d.key == key)


def _pitfall(key: str, flagged: bool, finding: str, evidence: Sequence[Evidence], **metrics) -> Pitfall:
    d = definition(key)
    return Pitfall(key, d.checklist, d.group, d.explanation, flagged, finding, metrics, tuple(evidence))


def _evidence(doc: Document, s: Sentence, first: int, last: int, reason: str, tag: str, weight: float = 1.0) -> Evidence:
    start, end = s.token_span(first, last)
    return Evidence(s.index, start, end, doc.quote(start, end), reason, weight, tag)


def _quoted(s: Sentence, first: int, last: int) -> str:
    return " ".join(s.text[s.tokens[first].start : s.tokens[last].end].split())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- flawed human-AI comparison ------------------------------------------------------------


Span = tuple[int, int, float]  # first token, last token, weight


def human_comparison(doc: Document, sentences: Sequence[Sentence], tables: Tables) -> Pitfall:
    """An AI term, then a comparison verb, then people: "AI surpassing human doctors"."""
    found = _ai_sentence_evidence(doc, sentences, tables, _compared_with_people, "AI compared with people", "human_comparison")
    return _sentence_pitfall("human_comparison", found, "set AI against people or professionals.", "No sentence says an AI beats or rivals people.")


def agency(doc: Document, sentences: Sequence[Sentence], tables: Tables) -> Pitfall:
    """An AI term as the subject of a verb of thinking: "the model understands", "AI decided"."""
    found = _ai_sentence_evidence(doc, sentences, tables, _given_a_mind, "AI given a mind", "agency")
    return _sentence_pitfall("agency", found, "write as if AI thinks, wants or decides.", "No sentence gives AI thoughts, wishes or decisions of its own.")


def _sentence_pitfall(key: str, found: list[Evidence], what: str, none: str) -> Pitfall:
    """Found when any sentence shows the pattern; the finding counts the sentences."""
    finding = f"{_plural(len(found), 'sentence')} {what}" if found else none
    return _pitfall(key, bool(found), finding, found, sentences=len(found))


def _ai_sentence_evidence(
    doc: Document,
    sentences: Sequence[Sentence],
    tables: Tables,
    locate: Callable[[Sentence, Sequence[Match], Tables], Span | None],
    label: str,
    tag: str,
) -> list[Evidence]:
    """One evidence item per sentence that names AI and where ``locate`` finds the pattern."""
    found = []
    for s in sentences:
        if s.text.rstrip().endswith("?"):
            continue  # a question claims nothing
        ai = tables.base(s).find("ai_terms")
        span = locate(s, ai, tables) if ai else None
        if span is not None:
            first, last, weight = span
            found.append(_evidence(doc, s, first, last, f"{label}: {_quoted(s, first, last)!r}", tag, weight))
    return found


def _compared_with_people(s: Sentence, ai: Sequence[Match], tables: Tables) -> Span | None:
    """AI as the subject of a comparison verb whose object is people: "AI surpassing human doctors"."""
    humans = tables.base(s).find("human_roles")
    starts = [h.first for h in humans]
    ai_ends = [m.last for m in ai]
    for verb in tables.words(s).find("comparison_verbs"):
        subject = _subject_of(ai, ai_ends, verb, s.words, _COMPARISON_GLUE)
        k = bisect_right(starts, verb.last)  # the first people match after the verb
        if subject is not None and k < len(humans) and humans[k].first - verb.last <= HUMAN_AFTER_VERB:
            return subject.first, _run_end(humans, k), verb.entry.weight
    return None


def _given_a_mind(s: Sentence, ai: Sequence[Match], tables: Tables) -> Span | None:
    """AI as the subject of a verb of thinking, wanting or deciding: "the model understands"."""
    ai_ends = [m.last for m in ai]
    for verb in tables.words(s).find("mental_verbs"):
        subject = _subject_of(ai, ai_ends, verb, s.words, _GLUE)
        if subject is not None:
            return subject.first, verb.last, verb.entry.weight
    return None


def _run_end(matches: Sequence[Match], k: int) -> int:
    """The last token of the run of adjacent matches from ``matches[k]`` ("human doctors")."""
    last = matches[k].last
    for m in matches[k + 1 : k + RUN_LIMIT]:
        if m.first != last + 1:
            break
        last = m.last
    return last


def _subject_of(ai: Sequence[Match], ai_ends: Sequence[int], verb: Match, words: Sequence[str], glue: frozenset[str]) -> Match | None:
    """The AI term right before ``verb``, with at most a few ``glue`` words between, if the verb
    fits it: the AI is the subject, so "the AI chipmaker beat estimates" (a noun between) and
    "the model does not understand" (a negation) do not count.

    A base form ("think") needs a plural AI noun or an auxiliary ("models think", "AI can
    think"), so "an AI think tank" is not a thinking AI.
    """
    k = bisect_left(ai_ends, verb.first) - 1  # the nearest AI term before the verb (ai_ends: each term's last token)
    if k < 0 or verb.first - ai[k].last - 1 > SUBJECT_GAP:
        return None
    subject = ai[k]
    between = words[subject.last + 1 : verb.first]
    if words[subject.last].endswith("'s") and between:
        between = between[1:]  # what the AI made is the subject: "ChatGPT's answers beat doctors"
    if not all(w in glue for w in between) or _NEGATIONS.intersection(words[verb.first - 1 : verb.first]):
        return None
    if verb.entry.note == "base" and subject.entry.note != "plural" and not _AUXILIARIES.intersection(between):
        return None
    return subject


# --- hyperbolic claims -----------------------------------------------------------------------


def historical_analogy(doc: Document, sentences: Sequence[Sentence], tables: Tables) -> Pitfall:
    """Era-level grand claims and "the <Name> of the <...> era" analogies."""
    found = []
    for s in sentences:
        spans: list[tuple[int, int, str]] = []
        for m in _ANALOGY.finditer(s.text):
            start, end = s.span(m.start(), m.end())
            spans.append((start, end, f"analogy with a past transformation: {' '.join(m.group(0).split())!r}"))
        analogies = list(spans)  # in text order, not overlapping
        ends = [b for _, b, _ in analogies]
        for m in tables.words(s).find("grand_claims"):
            start, end = s.token_span(m.first, m.last)
            k = bisect_right(ends, start)  # the first analogy that ends after this claim starts
            inside = k < len(analogies) and analogies[k][0] < end
            if m.entry.weight >= ERA_LEVEL and not inside:
                spans.append((start, end, f"era-level comparison: {_quoted(s, m.first, m.last)!r}"))
        found += [Evidence(s.index, a, b, doc.quote(a, b), reason, 1.0, "historical_analogy") for a, b, reason in sorted(spans)]
    finding = (
        f"{_plural(len(found), 'comparison')} with an era-changing event."
        if found
        else "No comparison with a revolution, a new era or another company's history-making product."
    )
    return _pitfall("historical_analogy", bool(found), finding, found, comparisons=len(found))


def future_certainty(
    doc: Document, sentences: Sequence[Sentence], lex: Lexicons, tables: Tables, attributions: Sequence[Attribution] = (), subject: str = ""
) -> Pitfall:
    """Unhedged predictions about AI or the company: certainty words, and figures set in the future.

    A question, a hedge or a condition cancels a prediction, and so does an independent named
    source in the sentence (it says who predicts); the company's own executives do not.
    """
    reference = reference_year(doc)
    independent = {a.sentence for a in attributions if a.named and not _self_interested(a, lex)}
    found = []
    for s in sentences:
        if "?" in s.text or s.index in independent or _hedged(s, tables):
            continue
        if tables.base(s).find("ai_terms") or (subject and subject in s.words):
            found += _certain_words(doc, s, tables)
        horizon = _future_horizon(s.text, reference) if s.figures else None  # most sentences state no figure
        if horizon is not None:
            start, end = s.span(*horizon)
            reason = f"a figure set in the future, unhedged: {' '.join(s.text[horizon[0]:horizon[1]].split())!r}"
            found.append(Evidence(s.index, start, end, doc.quote(start, end), reason, 1.0, "future_figure"))
    finding = (
        f"{_plural(len(found), 'prediction')} stated without a hedge."
        if found
        else "No prediction is stated as certain."
    )
    return _pitfall("future_certainty", bool(found), finding, found, predictions=len(found), reference_year=reference)


def _certain_words(doc: Document, s: Sentence, tables: Tables) -> list[Evidence]:
    """Certainty words in a sentence ("will transform", "is poised to"), not overlapping."""
    found, covered = [], -1
    for m in tables.words(s).find("future_certainty"):
        if m.first <= covered or (m.entry.note == "modal" and not _will_is_a_verb(s, m.first)):
            continue
        last = min(m.last + FUTURE_CONTEXT, len(s.tokens) - 1)
        covered = last
        found.append(_evidence(doc, s, m.first, last, f"stated as certain: {_quoted(s, m.first, last)!r}", "future_certainty", m.entry.weight))
    return found


def _hedged(s: Sentence, tables: Tables) -> bool:
    return bool(_CONDITIONS.intersection(s.words)) or bool(tables.words(s).find("hedges"))


def _will_is_a_verb(s: Sentence, i: int) -> bool:
    """"will" as the modal: a verb-like word follows ("will transform", "will not"), and it is
    neither a noun ("a will", "political will") nor a name ("Will Smith" inside a sentence)."""
    words = s.words
    if i > 0 and (s.tokens[i].text[:1].isupper() or words[i - 1] in _WILL_IS_A_NOUN_AFTER):
        return False
    return i + 1 < len(words) and words[i + 1].isalpha() and words[i + 1] not in _NOT_A_VERB_AFTER_WILL


def _future_horizon(text: str, reference: int | None) -> tuple[int, int] | None:
    for m in _HORIZON.finditer(text):
        year = m.group("year")
        if year is None or (reference is not None and int(year) > reference):
            return m.start(), m.end()
    return None


def reference_year(doc: Document) -> int | None:
    """The year the article speaks from: the latest year in its byline or date line, else the
    year it mentions most (the later one on a tie). None when it names no year."""
    meta = [int(y) for s in doc.sentences if s.kind == "meta" for y in _YEAR.findall(s.text)]
    if meta:
        return max(meta)
    counts = Counter(int(y) for s in doc.body for y in _YEAR.findall(s.text))
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


# --- limitations and sources -----------------------------------------------------------------


def performance_without_caveat(doc: Document, body: Sequence[Sentence], tables: Tables) -> Pitfall:
    """An evaluation word about AI, and no caveat in its sentence or the next one.

    A benchmark or leaderboard counts when the paragraph names AI ("it tops the leaderboard");
    a word that also fits shares and players ("outperformed") needs AI in its own sentence.
    """
    found, caveated = [], 0
    names_ai = {s.index for s in body if tables.base(s).find("ai_terms")}
    ai_blocks = {s.block for s in body if s.index in names_ai}
    for i, s in enumerate(body):
        if s.block not in ai_blocks:
            continue
        in_sentence = s.index in names_ai
        claims = [m for m in tables.words(s).find("performance_claims") if in_sentence or m.entry.weight >= 1.0]
        if not claims:
            continue
        following = body[i + 1] if i + 1 < len(body) else None
        if _has_caveat(s, tables) or (following is not None and _has_caveat(following, tables)):
            caveated += 1
            continue
        first, last = claims[0].first, claims[-1].last
        reason = f"performance claim with no uncertainty, test set or independent check: {_quoted(s, first, last)!r}"
        found.append(_evidence(doc, s, first, last, reason, "performance"))
    finding = (
        f"{_plural(len(found), 'performance claim')} without a caveat"
        + (f" ({caveated} with one)." if caveated else ".")
        if found
        else ("Every performance claim comes with a caveat." if caveated else "No benchmark or accuracy claim about AI.")
    )
    return _pitfall("performance_without_caveat", bool(found), finding, found, uncaveated=len(found), caveated=caveated)


def _has_caveat(s: Sentence, tables: Tables) -> bool:
    """An uncertainty, test set or independent check, or a limitation, risk or critic."""
    if tables.words(s).find("performance_caveats") or _UNCERTAINTY_SYMBOL.search(s.text):
        return True
    return any(m.entry.weight >= 1.0 for m in _caveat_cues(s, tables))


def self_interested_source(doc: Document, attributions: Sequence[Attribution], lex: Lexicons) -> Pitfall:
    """Company, executive and investor attributions against independent named ones."""
    # One test per attribution, split in one pass: a membership scan of the insiders list (with
    # dataclass equality) was quadratic, 576 s on 10 MB of prose.
    insiders, independent = [], []
    for a in attributions:
        if _self_interested(a, lex):
            insiders.append(a)
        elif a.named:
            independent.append(a)
    flagged = bool(insiders) and len(independent) < len(insiders)
    evidence = []
    for a in insiders:
        s = doc.sentences[a.sentence]
        start, end = s.span(a.start, a.end)
        who = "the company itself" if a.type == "self" else ("investors" if a.type == "vague" else f"{a.name}, an insider")
        evidence.append(Evidence(a.sentence, start, end, doc.quote(start, end), f"rests on {who}: {' '.join(a.cue.split())!r}", 1.0, "self_interested"))
    if not insiders:
        finding = "No claim rests on the company, its executives or investors."
    else:
        finding = (
            f"{_plural(len(insiders), 'attribution')} to the company, its executives or investors "
            f"against {_plural(len(independent), 'independent named source')}."
        )
    return _pitfall("self_interested_source", flagged, finding, evidence, self_interested=len(insiders), independent=len(independent))


def _self_interested(a: Attribution, lex: Lexicons) -> bool:
    if a.type == "self":
        return True
    words = a.cue.lower().split()
    if a.type == "vague":
        return bool(_INVESTOR_WORDS.intersection(words))
    if a.type == "person":
        return any(m.entry.note == "insider" for m in lex["person_roles"].find(normalize_words(a.cue)))
    return False


def _caveat_cues(s: Sentence, tables: Tables) -> list[Match]:
    """Limitation cues that bring in a caveat here.

    Not after "no"/"without" ("no doubt"); a cue marked ``verb`` not after "to" ("plans to
    challenge the leader" is a plan); a contrast word (however, yet) only where a clause starts,
    so "its most capable model yet" is no caveat.
    """
    cues = []
    for m in tables.words(s).find("limitation_cues"):
        before = s.words[m.first - 1] if m.first else ""
        if before in ("no", "without") or (m.entry.note == "verb" and before == "to"):
            continue
        if m.entry.note == "contrast" and not _starts_clause(s, m.first):
            continue
        cues.append(m)
    return cues


def _starts_clause(s: Sentence, i: int) -> bool:
    """Token ``i`` begins the sentence or follows a comma, semicolon, colon or dash."""
    return not s.text[: s.tokens[i].start].rstrip() or s.text[: s.tokens[i].start].rstrip()[-1] in ",;:–—-"


def limitations(doc: Document, body: Sequence[Sentence], tables: Tables) -> Pitfall:
    """Where the first limitation, risk or critical voice appears, as a share of the article."""
    caveats: list[Evidence] = []
    first = None
    for position, s in enumerate(body):
        cue = next(iter(_caveat_cues(s, tables)), None)
        if cue is not None:
            first = position if first is None else first
            share = position / len(body)
            reason = f"a caveat {share:.0%} of the way through the article: {_quoted(s, cue.first, cue.last)!r}"
            caveats.append(_evidence(doc, s, cue.first, cue.last, reason, "caveat", cue.entry.weight))
    if not body:
        return _pitfall("limitations", False, "No running text to read.", (), caveat_sentences=0, first_caveat_share=None)
    if first is None:
        finding = f"None of the {len(body)} sentences mentions a limitation, risk or critic."
        return _pitfall("limitations", True, finding, (), caveat_sentences=0, first_caveat_share=None)
    share = first / len(body)
    parked = share >= PARKED_SHARE
    finding = f"The first caveat comes {share:.0%} of the way through the article" + (
        ", in its last quarter: limitations are left to the end." if parked else f"; {_plural(len(caveats), 'sentence')} carry caveats."
    )
    return _pitfall("limitations", parked, finding, caveats, caveat_sentences=len(caveats), first_caveat_share=share)
