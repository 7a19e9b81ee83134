"""Attributions: who says so? Every place an article says where a claim comes from, typed.

Types: ``outlet`` (a news outlet or analyst firm from ``news_outlets.tsv``), ``organisation``
(another named body), ``person`` (a named person, usually with a role), ``self`` (the company the
article is about, "the company said"), ``social`` ("posts on X", "users like Vinay") and
``vague`` ("analysts say", "reportedly"). The first three are *named*; the rest are *weak*.

Found once per article (a fact, see :mod:`hypecheck.facts`) and read by the ``sourcing`` and
``unattributed_numbers`` dimensions and the pitfalls checklist.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from hypecheck.facts.citations import Spans, domain_of, domain_table, find_citations
from hypecheck.facts.document import Document, Sentence
from hypecheck.facts.matches import MatchTable, Tables
from hypecheck.lexicon import Lexicon, Lexicons, Match, normalize_words

# official, research and website come from links and citations (facts/citations.py).
NAMED_TYPES = ("outlet", "organisation", "person", "official", "research", "website")
WEAK_TYPES = ("self", "social", "vague")
# Higher wins when two attributions overlap in a sentence.
_PRIORITY = {
    "social": 5, "person": 4, "outlet": 4, "official": 4, "research": 4, "organisation": 3, "website": 3, "self": 2, "vague": 1,
}

# Names start at a word boundary only (the lookbehind), so a 20 KB capitalised token is one
# attempt, not one per character.
_CAP = r"(?<![\w&'’.-])[A-Z][\w&'’.]*(?:-[\w&'’.]+)*"
_NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:of\s+|for\s+|and\s+|&\s+|de\s+)?(?:{_CAP}|[0-9]{{1,4}}\b)){{0,5}}"
_DOC = (
    r"(?:(?:a|an|the)\s+)?(?:(?:firsthand|first-hand|recent|new|latest|detailed|separate)\s+)?"
    r"(?:report|account|study|survey|case study|coverage|analysis|statement|data|figures|filing|"
    r"interview|note|research|article|story|piece|release|press release|blog post|insight)s?\s+(?:from|by|in|of|with)\s+"
)
_CUE = (
    r"\b(?:[Aa]ccording to|[Aa]s (?:detailed|noted|reported|explored|discussed|described|cited|quoted|outlined|"
    r"highlighted|stated|suggested|shown|documented|revealed|covered|first reported|told) (?:in|by|to)|"
    r"(?<![\w-])[Aa]s per|(?:(?<![\w-])per|(?:^|(?<=[.:;!?(\"“]\s))Per)(?= (?:insights|data|figures|reports?|a |an |the |[A-Z]))|"
    r"[Cc]overage (?:from|in|by)|[Rr]eports? (?:from|by|in)|[Dd]ata (?:from|by)|[Ff]igures (?:from|by)|"
    r"[Ii]nsights (?:from|by)|(?<![\w-])via|[Ii]n an interview with|[Ss]peaking (?:to|with))\s+"
)
# A word every cue of _CUE holds: a sentence whose words hold none of them has no cued source.
CUE_WORDS = frozenset("according as per coverage report reports data figures insights via interview speaking".split())
_CUED = re.compile(_CUE + rf"(?:{_DOC})?(?:(?:a|an)\s+(?=[A-Z]))?(?P<target>{_NAME}|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){{0,3}})")
_POSSESSIVE_REPORT = re.compile(
    rf"(?P<target>{_NAME})['’]s?\s+(?:recent\s+|latest\s+|new\s+|annual\s+)?(?:\w+\s+)?"
    r"(?:report|survey|study|analysis|research|rankings?|index)\b"
)
# "Posts on X", "on Reddit threads", "LinkedIn users": a platform from social_platforms.tsv as the
# source. Each name matches in any case but the one-letter "X", which is an ordinary letter too.
_SOCIAL_TEMPLATE = (
    r"\b(?:[Pp]osts?|[Tt]weets?|[Tt]hreads?|[Aa]nalys[ie]s|[Ss]entiments?|[Cc]omments?|[Cc]hatter|[Uu]sers?|[Vv]ideos?)"
    r"\s+(?:on|from|in)\s+{platform}\b"
    r"|\b(?:on|in)\s+{platform}\s+(?:posts?|analys[ie]s|threads?|videos?)\b"
    r"|\b{platform}\s+(?:posts?|users?|analys[ie]s|threads?|tweets?|accounts?|influencers?)\b"
    r"|\b(?:users?|accounts?|influencers?|posters?)\s+like\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
)


# A source's name as lexicon words: names recur within and across articles, so each is split
# once (bounded; names only, never whole sentences).
name_words = lru_cache(maxsize=4096)(normalize_words)

_ALNUM = re.compile(r"[a-z0-9]+")
_REPORT_NOUN = re.compile(r"report|survey|study|analysis|research|ranking|index")


@lru_cache(maxsize=8)
def _social_gate(platforms: tuple[str, ...]) -> frozenset[str]:
    """Words one of which a sentence must hold for the social pattern to match: each platform's
    first word, and "like" ("users like Vinay"). The pattern starts a platform name at a word
    boundary, so its first word stands as a word of the case-folded text ("X's" gives "x")."""
    return frozenset(_ALNUM.findall(term.casefold())[0] for term in platforms) | {"like"}


def _may_be_social(text: str, gate: frozenset[str]) -> bool:
    return _gate_pattern(gate).search(text) is not None


@lru_cache(maxsize=8)
def _gate_pattern(gate: frozenset[str]) -> re.Pattern[str]:
    """The gate's words as one case-blind search, each standing alone as it would among the
    case-folded text's [a-z0-9] runs: one pass in C instead of splitting every sentence."""
    words = "|".join(re.escape(w) for w in sorted(gate, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?i)(?<![a-z0-9])(?:{words})(?![a-z0-9])")


@lru_cache(maxsize=8)
def _social_pattern(platforms: tuple[str, ...]) -> re.Pattern[str]:
    """The social-source pattern for these platform names (longest first, so "sina weibo" wins)."""
    names = [_platform_name(term) for term in sorted(platforms, key=lambda t: (-len(t), t))]
    return re.compile(_SOCIAL_TEMPLATE.format(platform="(?:" + "|".join(names) + ")"))


def _platform_name(term: str) -> str:
    if term == "x":
        return "X"
    return "(?i:" + r"\s+".join(re.escape(word) for word in term.split()) + ")"


_NAMED_IN_SOCIAL = re.compile(r"\blike\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)|(?<![\w'’-])(?P<name2>[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+in\s+X\b")
_SELF_PHRASE = re.compile(
    r"\b(?:the|its|the company['’]s|the firm['’]s)\s+stated\s+(?:mission|goal|aim|ambition|target)\b"
    r"|\b(?:that|which|what)\s+it\s+(?:says|said|claims|calls|describes)\b"
    r"|\bit\s+(?:argues|claims|says|said|insists|contends)\b"
)
_NOT_SOURCES = {"the company", "the firm", "the group", "it", "its", "they"}


@dataclass
class _Names:
    """What the whole article tells about its capitalised words, for reading speakers' names."""

    proper: frozenset[str]  # words the article capitalises in mid-sentence ("Conroy", not "Closing")
    lower: frozenset[str]  # words the article also writes in lower case ("others", "training")
    people: dict[str, str]  # a named person's surname -> full name, as the article goes ("Conroy" -> "Tom Conroy")

    @classmethod
    def of(cls, doc: Document) -> "_Names":
        text = doc.text
        proper = frozenset(w.lower() for w in _MID_SENTENCE_CAPITAL.findall(text))
        return cls(proper, frozenset(doc.lower_words), {})


# A capitalised word after a word, a figure or a comma on the same line: capitalised mid-sentence.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;)] )[A-Z][\w'’&.-]*?(?=[^\w&-]|$)", re.MULTILINE)


@dataclass(frozen=True)
class Attribution:
    """One place where the article says where a claim comes from."""

    sentence: int
    start: int  # offsets into the sentence's cleaned text
    end: int
    type: str
    name: str  # the source as named ("Reuters", "Eddie Wu"), or the vague phrase; a link's domain
    cue: str  # the words that signal the attribution (for a link, its text; a citation, its marker)
    url: str = ""  # where a link or a citation points
    via: str = ""  # "link" or "citation" when the source is pointed at, "" when it is named in words
    items: int = 1  # distinct sources it names: a list of sources under a heading names each item

    @property
    def named(self) -> bool:
        return self.type in NAMED_TYPES


def find_attributions(doc: Document, lex: Lexicons, subject: str | None = None, tables: Tables | None = None) -> tuple[Attribution, ...]:
    """Every attribution in the article, non-overlapping within each sentence, in text order."""
    subject = subject_company(doc, lex) if subject is None else subject
    tables = tables or Tables.of(lex)
    cited: dict[int, list[Attribution]] = {}
    for c in find_citations(doc, lex["source_domains"], subject):
        cited.setdefault(c.sentence, []).append(Attribution(c.sentence, c.start, c.end, c.type, c.domain, c.text, c.url, c.via, c.items))
    platforms = tuple(e.term for e in lex["social_platforms"].entries)
    social = (_social_pattern(platforms), _social_gate(platforms))
    found: list[Attribution] = []
    last_person = ""  # "she said" refers to the last named person
    names = _Names.of(doc)
    code = inline_code(doc.original)
    own_survey = _own_survey(doc, tables)
    for sentence in doc.sentences:
        if sentence.kind in ("title", "meta"):
            continue
        candidates = list(_candidates(sentence, lex, tables.words(sentence), social, subject, last_person, names, own_survey))
        if code is not None:  # an identifier in `code` speaks for nobody ("via `AgentNameTarget`")
            candidates = [a for a in candidates if not _touches(code, sentence.span(a.start, a.end))]
        candidates += cited.get(sentence.index, ())
        kept = _merge_social(sentence.text, _resolve_overlaps(candidates))
        found.extend(kept)
        for a in kept:
            if a.type == "person" and " " in a.name and a.name[:1].isupper():
                names.people.setdefault(a.name.split()[-1].lower(), a.name)
        last_person = next((a.name for a in reversed(kept) if a.type == "person"), last_person)
    return tuple(insider_as_self(a, lex, subject) for a in found)


def _titled(text: str, start: int, word: str, lex: Lexicons, names: "_Names") -> bool:
    """Whether a capitalised word before "(2016)" ends a title rather than names an author: an
    organisation's word ("Championship", "League"), or a common word the article also writes in
    lower case, after another capitalised word ("Diabetic Nephropathy (2024)"; not "Angus Deaton
    (2013)", a name the article never writes in lower case)."""
    if lex["organisation_words"].has_phrase((word.lower(),)):
        return True
    before = text[max(0, start - 60) : start].split()  # the word before, not the whole sentence so far
    return bool(before) and before[-1][:1].isupper() and word.lower() in names.lower


_SURVEY_REPORT = re.compile(r"\bsurvey\b.*\b(?:results|findings|report|insights)\b|\b(?:results|findings)\b.*\bsurvey\b")
_SURVEY_NEWS = re.compile(r"\b(?:finds|found|shows|showed|says|said|suggests|reveals)\b")


def _own_survey(doc: Document, tables: Tables) -> bool:
    """Whether the article reports a survey of its own ("this year's survey", "our survey", "we
    surveyed", or a headline such as "Go 2016 Survey Results", not "Pew survey finds ..."): only
    then are its "respondents" the writer's own data."""
    if "survey" not in doc.text and "Survey" not in doc.text:
        return False
    headline = doc.sentences[0].text.lower() if doc.sentences and doc.sentences[0].kind in ("title", "heading") else ""
    if _SURVEY_REPORT.search(headline) and not _SURVEY_NEWS.search(headline):
        return True  # "Go 2016 Survey Results", "Rust Survey 2021 Results": a survey's own report
    return any(
        m.entry.note == "survey" or "survey" in m.entry.term
        for s in doc.sentences if s.kind not in ("title", "meta")
        for m in tables.words(s).find("own_evidence")
    )


_INLINE_CODE = re.compile(r"`[^`\n]{1,300}`")


def inline_code(original: str) -> Spans | None:
    """Where the article's inline code spans (Markdown backticks) are; None when it has none."""
    if "`" not in original:
        return None
    return Spans([m.span() for m in _INLINE_CODE.finditer(original)])


def _touches(spans: Spans, span: tuple[int, int]) -> bool:
    return span[0] in spans or span[1] - 1 in spans


def insider_as_self(a: Attribution, lex: Lexicons, subject: str) -> Attribution:
    """One notion of independence for every dimension: in an article about a company, its
    executives and spokespeople ("CEO Eddie Wu said") speak for it, so they are ``self``, as
    are the company's own outlets and sites (typed so by the domain and outlet tables)."""
    if subject and a.type == "person" and speaks_for_company(a, lex):
        return Attribution(a.sentence, a.start, a.end, "self", a.name, a.cue, a.url, a.via, a.items)
    return a


def speaks_for_company(a: Attribution, lex: Lexicons) -> bool:
    """A role that speaks for the company ("CEO", "spokesperson") in the attribution's words."""
    return any(m.entry.note == "insider" for m in lex["person_roles"].find(normalize_words(a.cue)))


def subject_company(doc: Document, lex: Lexicons) -> str:
    """The company the article is about, or "" when it is not about one.

    The most frequent capitalised word (>= 2 uses) that the article writes capitalised more often
    than not ("research" and "Research" is a common word) and that is not a month, a weekday or a
    function word, provided the article reads as company news (``company_cues.tsv``: "the
    company", "its shares", "revenue", "CEO", weighing 3 or more; or the word named as a company,
    "Alibaba Group", "Microsoft shares", a well-known company, or linked as its own site,
    "investors.acme.com") or as an organisation's own post: it speaks as "we" and names the word in
    its headline ("Drill 1.0 Released ... We embarked on the Drill project"). A scientist quoted
    four times, a country or an alliance is not a company speaking about itself.
    """
    after, anywhere, suffixes, known = _company_cues(lex["company_cues"])
    text = doc.text
    capitalised = Counter(w.lower() for w in _CAPITALISED_WORD.findall(text))
    not_names = lex["not_names"]
    ranked = []
    for word, count in sorted(capitalised.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < 2 or len(ranked) == SUBJECT_CANDIDATES:
            break
        if word in _COMMON_CAPITALISED or not_names.has_phrase((word,)):
            continue
        if doc.lower_words[word] >= count:
            continue  # written in lower case as often: a common word
        ranked.append((word, count))
    if not ranked:
        return ""
    company_talk = 0.0
    for sentence in doc.sentences:
        words = sentence.words
        for k, w in enumerate(words):
            if w in anywhere:
                company_talk += anywhere[w]
            if w in after and k and words[k - 1] in ("the", "its", "their"):
                company_talk += after[w]
    sites = _site_names(doc.original, lex["source_domains"])

    def named_as_company(word: str) -> bool:
        if word in known or word in sites:
            return True
        after_name = re.finditer(rf"(?<![\w-])(?i:{re.escape(word)})['’]?\s+([\w.]+)", text)
        return any(m.group(1).lower().rstrip(".") in suffixes for m in after_name)

    top, top_count = ranked[0]
    if company_talk >= COMPANY_TALK or named_as_company(top):
        return top
    # A company named nearly as often as the most frequent word ("Internet Explorer" in a story
    # about Microsoft's browser) is the subject when it is named as a company.
    for word, count in ranked[1:]:
        if 2 * count >= top_count and count >= 3 and named_as_company(word):
            return word
    headline = doc.sentences[0].words if doc.sentences else ()
    return top if doc.speaks_as_we and top in headline else ""


_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])(?:[A-Z][A-Za-z0-9]{2,}|[0-9]+[A-Z][A-Za-z0-9]*)(?![\w-])")
SUBJECT_CANDIDATES = 3
COMPANY_TALK = 3.0  # the weight of company_cues.tsv words an article about a company reaches


def _site_names(original: str, domains: Lexicon) -> frozenset[str]:
    """The labels of the sites the article links to ("investors.acme.com" -> investors, acme),
    leaving out the sites source_domains.tsv lists (outlets, platforms, .gov): a company's own
    site is not in a table of public sources."""
    if "://" not in original:
        return frozenset()
    table = domain_table(domains)
    labels = set()
    for m in _URL_HOSTS.finditer(original):
        host = domain_of(m.group(0)).split(".")
        if not any(".".join(host[k:]) in table or "." + ".".join(host[k:]) in table for k in range(len(host))):
            labels.update(host[:-1])
    return frozenset(labels)


_URL_HOSTS = re.compile(r"https?://[^\s/<>\"'\])]+")


def _company_cues(cues: Lexicon) -> tuple[dict[str, float], dict[str, float], frozenset[str], frozenset[str]]:
    """company_cues.tsv as (after the/its/their: weight, anywhere: weight, suffixes, well-known names)."""
    return _cue_places(cues.entries)


@lru_cache(maxsize=8)
def _cue_places(entries: tuple) -> tuple[dict[str, float], dict[str, float], frozenset[str], frozenset[str]]:
    places: dict[str, dict[str, float]] = {"after": {}, "anywhere": {}, "suffix": {}, "name": {}}
    for e in entries:
        for place in e.note.split():
            places[place][" ".join(e.words)] = e.weight
    return places["after"], places["anywhere"], frozenset(places["suffix"]), frozenset(places["name"])


_COMMON_CAPITALISED = {"the", "this", "that", "these", "it", "its", "ai", "and", "for", "with", "in"}


def _candidates(
    sentence: Sentence,
    lex: Lexicons,
    table: MatchTable,
    social: tuple[re.Pattern[str], frozenset[str]],
    subject: str,
    last_person: str = "",
    names: _Names | None = None,
    own_survey: bool = False,
) -> Iterable[Attribution]:
    text = sentence.text
    pattern, gate = social
    for m in pattern.finditer(text) if _may_be_social(text, gate) else ():
        named = _NAMED_IN_SOCIAL.search(text, max(0, m.start() - 60), min(len(text), m.end() + 80))
        who = (named.group("name") or named.group("name2")) if named else ""
        # "Posts on X, formerly Twitter, from industry analysts like Brian Tycangco": one source.
        start = min(m.start(), named.start()) if named else m.start()
        end = max(m.end(), named.end()) if named else m.end()
        yield Attribution(sentence.index, start, end, "social", who or m.group(0), text[start:end])
    for m in _CUED.finditer(text) if not CUE_WORDS.isdisjoint(sentence.words) else ():
        target = _trim_name(m.group("target"))
        kind = _classify_target(target, text, m.end("target"), lex, subject)
        if kind is not None:
            yield Attribution(sentence.index, m.start(), m.start("target") + len(target), kind, target, m.group(0))
    # Only where an apostrophe and a report noun stand: most sentences have neither.
    possessive = ("'" in text or "’" in text) and _REPORT_NOUN.search(text)
    for m in _POSSESSIVE_REPORT.finditer(text) if possessive else ():
        target = _trim_name(m.group("target"))
        kind = _classify_target(target, text, m.end(), lex, subject)
        if kind in NAMED_TYPES:
            yield Attribution(sentence.index, m.start(), m.end(), kind, target, m.group(0))
    for m in _SELF_PHRASE.finditer(text):
        yield Attribution(sentence.index, m.start(), m.end(), "self", subject.title() or "the company", m.group(0))
    names = names or _Names(frozenset(), frozenset(), {})
    yield from _speaker_attributions(sentence, lex, table, subject, last_person, names)
    yield from _after_quote(sentence, lex, subject, last_person, names)
    own = table.find("own_evidence")
    marks = quote_marks(text) if own else []
    for m in own:
        start, end = sentence.tokens[m.first].start, sentence.tokens[m.last].end
        if not inside_quotes(marks, start):
            if m.entry.note == "respondents" and not own_survey:
                continue  # "60% of respondents" in a Pew survey are Pew's, not the writer's
            via = OWN_SURVEY if m.entry.note in ("survey", "respondents") else OWN_DATA
            yield Attribution(sentence.index, start, end, "self", subject.title() or "the writer", text[start:end], via=via)
    yield from _vague_attributions(sentence, table, subject)
    # A credit line has a colon, a data note "from": most sentences have neither word test to pass.
    may = ":" in text or "from" in text or "From" in text or "FROM" in text
    note = _DATA_NOTE.search(text) if may and _MAY_BE_DATA_NOTE.search(text) else None
    if note is not None:
        group = "source" if note.group("credit") else "source2"
        source = _trim_name(note.group(group))
        kind = _classify_target(source, text, note.end(group), lex, subject)
        if kind is not None:
            start = note.start(group)
            yield Attribution(sentence.index, start, start + len(source), kind, source, note.group(0), via=CREDIT_LINE if group == "source" else DATA_NOTE)
    for m in _NAMED_STUDY.finditer(text) if _MAY_BE_STUDY.search(text) else ():
        who = m.group("who").strip()
        words = name_words(who)
        if who.lower() in _NOT_STUDY_NAMES or lex["ai_terms"].has_phrase(words) or who.lower().startswith("covid"):
            continue  # "the latest study", "an AI study", "the COVID-19 study": a topic, not who made it
        start = m.start("who")
        kind = "outlet" if lex["news_outlets"].has_phrase(words) else "research"  # "a Reuters analysis"
        yield Attribution(sentence.index, start, m.end(), kind, f"{who} {m.group('kind')}", text[start : m.end()])
    if "(" in text:
        for m in _AUTHOR_YEAR.finditer(text):
            who = m.group("who")
            if who and " " not in who and _titled(text, m.start(), who, lex, names):
                continue  # "the UEFA European Championship (2016)": a title with its year, not an author
            yield Attribution(sentence.index, m.start(), m.end(), "research", _trim_name(m.group("who") or m.group("who2")), m.group(0), via="citation")


# A note on where the figures come from. A credit line ("Source: Statista", "Data: U.S. Census
# Bureau") sources the table or paragraph above it and its own line; a data note ("All figures
# are from the company's filings", "Unless stated otherwise, prices come from Bloomberg") names a
# source for the article, but ties no figure to it.
CREDIT_LINE = "credit line"
DATA_NOTE = "data note"
_MAY_BE_DATA_NOTE = re.compile(r"(?i)\b(?:sources?|data|figures|numbers|statistics|prices|estimates)\b")
_DATA_NOTE = re.compile(
    r"^\W*(?P<credit>(?i:sources?|data|data sources?|figures|statistics)\s*:)\s*(?P<source>[^;\n]{2,120}?)\W*$"
    r"|(?i:(?:unless (?:otherwise )?(?:stated|noted),?\s+)?(?:(?:all|the)\s+)?(?:figures|numbers|data|statistics|prices|estimates)"
    r"(?:\s+(?:in|on|for)\s+(?:this|the)\s+\w+)?\s+(?:are|come|comes|were|was|is)\s+(?:taken\s+|drawn\s+|sourced\s+)?from)"
    r"\s+(?P<source2>[^;\n]{2,120}?)\W*$"
)
# A study named by who made it or where: "a Netherlands study of 37 practices", "an MIT analysis",
# "the 2019 Lancet review", "a Pew survey". A reader can find it: a named source, not "studies show".
_MAY_BE_STUDY = re.compile(r"\b(?:study|survey|analysis|trial|paper|review|poll)\b")
_NAMED_STUDY = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?:19|20)\d{2}\s+)?(?P<who>(?:[A-Z][\w&'’.-]*\s+){1,4})(?P<kind>study|survey|analysis|trial|paper|review|poll)\b"
)
_NOT_STUDY_NAMES = frozenset({"new", "latest", "recent", "same", "first", "second", "final", "full", "annual"})
# An author-year citation, as essays, papers and research briefs cite: "Vaswani et al. (2017)",
# "Bender and Koller (2020)", "(Hoel, 2026)", "(Smith et al., 2019a)".
_SURNAMES = r"[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?"
_AUTHOR_YEAR = re.compile(
    rf"(?<![\w'’-])(?P<who>{_SURNAMES})\s+\((?:19|20)\d{{2}}[a-z]?\)|\((?P<who2>{_SURNAMES}),?\s+(?:19|20)\d{{2}}[a-z]?(?:[;,][^)]{{0,80}})?\)"
)


# '..., Conroy continued.' / '..." she added': verbs that attribute speech only right after a quote
# ("Acme continued to grow and added 300 staff" attributes nothing).
_AFTER_QUOTE = re.compile(
    r"[,!?…]\s*[\"”’']\s+(?:(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}|he|she)\s+(?P<verb>continued|added|went on|concluded)"
    r"|(?P<verb2>continued|added|went on|concluded)\s+(?P<name2>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2}))\b"
)


OWN_DATA = "own data"  # an Attribution's via: the writer's own measurement ("I counted")
OWN_SURVEY = "own survey"  # the writer's own survey ("this year's survey", "90% of respondents"): for its sentence
# Double quotation marks, straight, curly or angled: "inside a quotation" is an odd number of
# them before a place in the sentence.
_DOUBLE_QUOTES = re.compile(r'["“”«»]')


def quote_marks(text: str) -> list[int]:
    """Where the double quotes of ``text`` stand: found once, so that asking about many offsets
    of one long sentence stays linear (see :func:`inside_quotes`)."""
    return [m.start() for m in _DOUBLE_QUOTES.finditer(text)]


def inside_quotes(marks: list[int], start: int) -> bool:
    """Whether ``start`` stands inside a quotation: an odd number of the marks before it."""
    return bisect_left(marks, start) % 2 == 1


def _after_quote(sentence: Sentence, lex: Lexicons, subject: str, last_person: str, names: _Names) -> Iterable[Attribution]:
    text = sentence.text
    if '"' not in text and "”" not in text and "’" not in text and "'" not in text:
        return
    for m in _AFTER_QUOTE.finditer(text):
        name = m.group("name") or m.group("name2")
        if name in ("he", "she"):
            if not last_person:
                continue
            name, kind = last_person, "person"
        elif name.lower() in names.people:
            name, kind = names.people[name.lower()], "person"
        else:
            name, kind = _classify_speaker(name, lex, subject, has_role=False)
        start = m.start("name") if m.group("name") else m.start("verb2")
        yield Attribution(sentence.index, start, m.end(), kind, name, text[start : m.end()])


def _speaker_attributions(
    sentence: Sentence, lex: Lexicons, table: MatchTable, subject: str, last_person: str, names: _Names
) -> Iterable[Attribution]:
    """Who is the subject of a report verb: "Chairman Eddie Wu emphasized", "Tim Cook, Apple's
    chief executive, said", "the company said", "The mayor said", "said CFO Jane Roe",
    "said Luca Maestri", "she said" (resolved to the last named person), "Conroy also warned"
    (the Tom Conroy named before), "the health ministry said", "Loomer tweeted" (social)."""
    words, tokens, text = sentence.words, sentence.tokens, sentence.text
    role_at = table.by_start("person_roles")  # the role entry starting at each word, if any
    role_ends = frozenset(m.last for m in role_at.values())
    bodies: dict[int, Match] | None = None  # public bodies by their last word, when first needed
    all_capitals = text.isupper()  # in capitals throughout ("POLICE SAY"), a capital proves nothing
    for verb in table.by_start("report_verbs"):
        if not _is_verb_position(sentence, verb) or (not all_capitals and verb > 0 and tokens[verb].text[:1].isupper()):
            continue  # "Earnings Reports Analysis", "Comment Policy": a heading's capitals, no verb
        end = tokens[verb].end
        i = _verb_head(words, verb)  # "Conroy also said": the subject ends before "also"
        speaker = _subject_before(sentence, i, lex, role_ends, names)
        if speaker is not None:
            first, last, appositive_role = speaker
            leading_role = role_at.get(first)
            if leading_role is not None and leading_role.last < last:
                first = leading_role.last + 1
            name = _trim_name(text[tokens[first].start : tokens[last].end])
            role_first = _role_before(first, role_at)
            start = tokens[role_first if role_first is not None else first].start
            has_role = role_first is not None or appositive_role
            name, kind = _classify_speaker(name, lex, subject, has_role)
            if first == last and tokens[first].lower in names.people:
                name, kind = names.people[tokens[first].lower], "person"  # "Conroy warned": Tom Conroy
            if first > 0 and words[first - 1] in ("company's", "firm's", "group's"):
                kind = "self"
            if words[verb] in _SOCIAL_VERBS or text[max(0, tokens[first].start - 1) : tokens[first].start] == "@":
                kind = "social"  # "Loomer tweeted", "@FBI note"
            yield Attribution(sentence.index, start, end, kind, name, text[start:end])
            continue
        before = tuple(words[max(0, i - 2) : i])
        if before[-1:] in (("he",), ("she",)) and last_person:
            yield Attribution(sentence.index, tokens[i - 1].start, end, "person", last_person, text[tokens[i - 1].start : end])
        elif (before[-1:] == ("it",) and subject) or before in (("the", "company"), ("the", "firm"), ("the", "group")):
            # "it said" is the company only in an article about one ("it reveals the mechanism" is not)
            start = tokens[i - 1 if before[-1:] == ("it",) else i - len(before)].start
            yield Attribution(sentence.index, start, end, "self", subject.title() or "the company", text[start:end])
        else:
            if bodies is None:
                bodies = _bodies_by_end(table)
            official = _official_before(sentence, i, verb, role_at, subject) or _body_before(sentence, i, verb, bodies)
            if official is not None:
                yield official
        after = _speaker_after(sentence, verb, lex, role_at)
        if after is not None:
            first, last = after
            name = _trim_name(text[tokens[first].start : tokens[last].end])
            name, kind = _classify_speaker(name, lex, subject, has_role=verb + 1 in role_at)
            yield Attribution(sentence.index, tokens[verb].start, tokens[last].end, kind, name, text[tokens[verb].start : tokens[last].end])
    # A named person with a role in a sentence that reports speech or belief ("including CEO Eddie Wu, anticipates").
    if table.any("report_verbs"):
        for m in table.find("person_roles"):
            last = _name_run_after(tokens, m.last + 1)
            if last is not None and tokens[m.first].text[:1].isupper():
                name = text[tokens[m.last + 1].start : tokens[last].end]
                yield Attribution(sentence.index, tokens[m.first].start, tokens[last].end, "person", name, text[tokens[m.first].start : tokens[last].end])


def _classify_speaker(name: str, lex: Lexicons, subject: str, has_role: bool) -> tuple[str, str]:
    """A speaker's type; "Dan Ives of Wedbush" is the person Dan Ives, not an organisation."""
    person, sep, _ = name.partition(" of ")
    if sep and 2 <= len(person.split()) <= 3 and not any(lex["organisation_words"].has_phrase((w,)) for w in name_words(person)):
        return person, "person"
    return name, _classify_name(name, lex, subject, has_role=has_role, speech=True)


def _gap(sentence: Sentence, left: int, right: int) -> str:
    """The text between token ``left`` and token ``right``."""
    return sentence.text[sentence.tokens[left].end : sentence.tokens[right].start]


def _subject_before(
    sentence: Sentence, i: int, lex: Lexicons, role_ends: frozenset[int], names: _Names
) -> tuple[int, int, bool] | None:
    """The capitalised name that is the subject of the verb at token ``i``: right before it,
    before a comma-delimited appositive ("Tim Cook, Apple's chief executive, said"), or as the
    appositive of a role ("The regional fire chief, Jane Roe, said")."""
    if i == 0:
        return None
    last, appositive_role = i - 1, False
    if _gap(sentence, i - 1, i).strip() == ",":
        k = i - 1
        while k > 0 and i - k <= 14 and "," not in _gap(sentence, k - 1, k):
            k -= 1
        if k == 0 or i - k > 14:
            return None
        if i - k <= 4 and all(_capitalised(t.text) for t in sentence.tokens[k:i]) and k - 1 in role_ends:
            return k, i - 1, True  # "the fire chief, Jane Roe, said"
        appositive_role = bool(lex["person_roles"].find(sentence.words[k:i]))
        last = k - 1
    elif _gap(sentence, i - 1, i).strip() and not _abbreviated(sentence, i - 1, lex):
        return None
    first = _name_run_start(sentence, last, lex, names)
    if first is None or _object_of_preposition(sentence.words, first):
        return None
    return first, last, appositive_role


# A name right after one of these is their object, not the verb's subject: "listened to the SMEs
# speak", "more starkly than Searle imagined", "a talk with Jane Roe said to be ...".
_PREPOSITIONS = frozenset("to with from of about for at than like into onto upon among between".split())


def _object_of_preposition(words: tuple[str, ...], first: int) -> bool:
    k = first - 1
    if k >= 0 and words[k] in ("the", "a", "an"):
        k -= 1
    return k >= 0 and words[k] in _PREPOSITIONS


_CONNECTORS = {"of", "for", "and", "&", "de", "du", "von", "van"}


def _name_run_start(sentence: Sentence, last: int, lex: Lexicons, names: _Names) -> int | None:
    """First token of the capitalised run ending at ``last`` (connectors like "of" inside,
    hyphens joining "Director-General"); None when the run is no name: a function word, or a
    lone common word that only a sentence's start capitalises ("From reports...", "Others worry",
    "Closing remarks", "Training the model ... said")."""
    tokens = sentence.tokens
    if not _capitalised(tokens[last].text) or _not_name(tokens[last].lower, lex) or _PLURAL_ACRONYM.fullmatch(tokens[last].text):
        return None
    first = last
    k = last - 1
    while k >= 0 and last - k < 7 and (_gap(sentence, k, k + 1).strip() in ("", "-") or _initial(sentence, k)):
        word = tokens[k]
        if _capitalised(word.text) and not _not_name(word.lower, lex):
            first = k
        elif word.lower in _CONNECTORS and k > 0 and _capitalised(tokens[k - 1].text):
            pass
        else:
            break
        k -= 1
    opening = sentence.text[: tokens[first].start].strip(" \t\"“‘'*#>-•")
    if first == last and (not opening or opening.endswith(":")) and _common_word(tokens[first].lower, names):
        return None  # a capital that opens the sentence or follows a colon ("Estimates: Detailed estimates")
    return first


def _initial(sentence: Sentence, k: int) -> bool:
    """Token ``k`` is an initial inside a name: one capital letter standing alone with a full stop
    ("John F. Kennedy", "L. J. Kreger"; not the S of "U.S.", which follows a full stop)."""
    token = sentence.tokens[k].text
    alone = k == 0 or any(ch.isspace() for ch in _gap(sentence, k - 1, k))
    return len(token) == 1 and token.isupper() and alone and _gap(sentence, k, k + 1).strip() == "."


def _abbreviated(sentence: Sentence, k: int, lex: Lexicons) -> bool:
    """Token ``k`` ends in the full stop of an abbreviation ("Acme Corp. said", "Jr.")."""
    return _gap(sentence, k, k + 1).strip() == "." and lex["abbreviations"].has_phrase((sentence.tokens[k].lower,))


def _not_name(word: str, lex: Lexicons) -> bool:
    base = word.split("'", 1)[0].split("’", 1)[0]  # "You'll" -> "you"
    return lex["not_names"].has_phrase((word,)) or lex["english_function_words"].has_phrase((base,))


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "LLMs", "SMEs", "CEOs": a class of things, no one's name


def _common_word(word: str, names: _Names) -> bool:
    """A word a sentence's start capitalises that the article never capitalises elsewhere and
    that reads as a common word: written in lower case elsewhere, an -ing/-ed/-ly form, or one of
    the ~3,000 words most American fourth-graders know (the Dale-Chall list that textstat ships:
    "Take notes", "Others"), or a plural of one ("Buyers", "Voters")."""
    if word in names.proper or word in names.people:
        return False
    if word in names.lower or word.endswith(("ing", "ed", "ly")) or word in _easy_words():
        return True
    # A plural of a common word or of an agent noun made from one ("Buyers expect", "Voters say").
    easy = _easy_words()
    return word.endswith("s") and (word[:-1] in easy or (word.endswith("ers") and (word[:-3] in easy or word[:-2] in easy)))


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words("en"))


# Between a speaker and the verb: "Conroy also said", "the ministry has said".
_BETWEEN = {"also", "later", "then", "previously", "earlier", "has", "had", "have", "once", "recently", "separately", "further", "again", "repeatedly", "publicly"}
# A speaker who says it on social media: "Loomer tweeted".
_SOCIAL_VERBS = {"tweeted", "tweets", "tweet", "retweeted"}


def _verb_head(words: tuple[str, ...], verb: int) -> int:
    """Where the subject of the verb at ``verb`` ends: before up to two adverbs or auxiliaries."""
    i = verb
    while i > 0 and verb - i < 2 and words[i - 1] in _BETWEEN:
        i -= 1
    return i


def _official_before(sentence: Sentence, i: int, verb: int, role_at: Mapping[int, Match], subject: str) -> Attribution | None:
    """"The mayor said", "A spokesperson for the fire service said", "The World Health
    Organisation chief said": an official by role (``i``: where the subject ends, ``verb``: the verb)."""
    words, tokens, text = sentence.words, sentence.tokens, sentence.text
    end = tokens[verb].end
    for role_start in range(max(0, i - 9), i):
        m = role_at.get(role_start)
        if m is None or role_start == 0 or "," in text[tokens[m.last].end : tokens[i - 1].end]:
            continue
        tail = words[m.last + 1 : i]
        if tail and tail[0] not in ("for", "of", "at"):
            continue
        if words[role_start - 1] not in ("the", "a", "an"):
            org_first = _capitalised_run_start(sentence, role_start - 1)
            if tail or org_first is None or org_first == 0 or words[org_first - 1] not in ("the", "a", "an"):
                continue
            start = tokens[org_first - 1].start
            name = text[tokens[org_first].start : tokens[m.last].end]  # "World Health Organisation chief"
            kind = "self" if subject and subject in name_words(name) else "person"
            return Attribution(sentence.index, start, end, kind, name, text[start:end])
        start = tokens[role_start - 1].start
        if tail:
            org = text[tokens[m.last + 2].start : tokens[i - 1].end]
            org_words = name_words(org)
            kind = "self" if subject and subject in org_words else "organisation"
            return Attribution(sentence.index, start, end, kind, org, text[start:end])
        role = text[start : tokens[m.last].end]
        return Attribution(sentence.index, start, end, "person", role.lower(), text[start:end])
    return None


def _capitalised_run_start(sentence: Sentence, last: int) -> int | None:
    tokens = sentence.tokens
    if last < 0 or not _capitalised(tokens[last].text):
        return None
    first = last
    while first > 0 and last - first < 6 and _capitalised(tokens[first - 1].text) and tokens[first - 1].lower not in ("the", "a", "an") and not _gap(sentence, first - 1, first).strip():
        first -= 1
    return first


def _bodies_by_end(table: MatchTable) -> dict[int, Match]:
    """The sentence's public-body matches by their last word (one dict per sentence, so many
    verbs in one long sentence stay linear)."""
    found = table.find("public_bodies")
    return {m.last: m for m in found} if found else {}


def _body_before(sentence: Sentence, i: int, verb: int, bodies: Mapping[int, Match]) -> Attribution | None:
    """"The health ministry said", "police said", "..., the fire service said.": a public body
    named by a common noun from ``public_bodies.tsv`` (``i``: where the subject ends)."""
    words, tokens, text = sentence.words, sentence.tokens, sentence.text
    body = bodies.get(i - 1)
    if body is None:
        return None
    first = body.first
    while first > 0 and body.first - first < 3 and words[first - 1].isalpha() and tokens[first - 1].text.islower() and words[first - 1] not in ("the", "a", "an"):
        first -= 1  # "the regional health ministry"
    if first > 0 and words[first - 1] == "the":
        first -= 1
    elif body.entry.note != "alone" or (first > 0 and tokens[first - 1].text[:1].isalpha() and words[first - 1] not in _BETWEEN):
        return None  # "a ministry said", "traffic police said" is fine only as "police" alone
    start, end = tokens[first].start, tokens[verb].end
    name = text[start : tokens[body.last].end]
    return Attribution(sentence.index, start, end, "organisation", name, text[start:end])


def _speaker_after(sentence: Sentence, i: int, lex: Lexicons, role_at: Mapping[int, Match]) -> tuple[int, int] | None:
    """"said CFO Jane Roe", "said Luca Maestri, the chief financial officer"."""
    tokens = sentence.tokens
    j = i + 1
    if j >= len(tokens) or _gap(sentence, i, j).strip():
        return None
    role = role_at.get(j)
    if role is not None:
        j = role.last + 1
    last = _name_run_after(tokens, j) if j < len(tokens) and not lex["not_names"].has_phrase((tokens[j].lower,)) else None
    if last is None:
        return None
    if role is None and last == j and not _lone_speaker(sentence, i, j, lex):
        return None  # a lone capitalised word after "said" is more often a place or a day
    return j, last


_QUOTE_MARKS = "\"”’'"


def _lone_speaker(sentence: Sentence, verb: int, j: int, lex: Lexicons) -> bool:
    """A single word after "said" that names who said it: right after a quotation ('"...,"
    said Park', '"...", said KCNA'), or an acronym or an outlet the lexicon knows that ends the
    clause ("..., said Reuters."); not the subject of a reported clause ("it said AI tools cut
    costs", "it said US sales rose"), nor a place or a day."""
    text, tokens = sentence.text, sentence.tokens
    before = text[max(0, tokens[verb].start - 8) : tokens[verb].start].rstrip()  # what ends right before
    if before and (before[-1] in _QUOTE_MARKS or (len(before) > 1 and before[-1] in ",.!?" and before[-2] in _QUOTE_MARKS)):
        return True
    ends_clause = j + 1 >= len(tokens) or text[tokens[j].end : tokens[j].end + 2].lstrip()[:1] in (".", ",", ";", "")
    word = tokens[j].text
    known = (len(word) >= 2 and word.isupper() and word.isalpha()) or lex["news_outlets"].has_phrase((word.lower(),))
    return known and ends_clause


_EVIDENCE_VERBS = frozenset(
    "show shows showed shown showing suggest suggests suggested suggesting indicate indicates indicated "
    "demonstrate demonstrates demonstrated find finds found reveal reveals revealed prove proves proved".split()
)


def _vague_attributions(sentence: Sentence, table: MatchTable, subject: str = "") -> Iterable[Attribution]:
    words, tokens = sentence.words, sentence.tokens
    if sentence.text.rstrip(" \"”’'*").endswith("?"):
        return  # a question asserts nothing: "How many people write for you?" cites no one
    verb_at = table.by_start("report_verbs")
    matches = table.find("vague_sources")
    # "some users note": one source, "some users", not "some" and "users" apart.
    joined = {m.first: n for m, n in zip(matches, matches[1:]) if n.first == m.last + 1}
    seconds = {n.first for n in joined.values()}
    for m in matches:
        if m.first in seconds:
            continue  # the second half of a joined pair: said with the first
        last = joined[m.first].last if m.first in joined else m.last
        adverbial = m.entry.note.startswith(("adverb", "passive"))
        after = range(last + 1, min(len(words), last + 4))
        # "the research report" is a noun, not research reporting
        follows_verb = any(j in verb_at and not (j == last + 1 and words[j] in ("report", "reports")) for j in after)
        # "Research shows", "studies showing", "recent trials suggest": an unnamed document as evidence.
        if not follows_verb and m.entry.note.startswith("document") and last + 1 < len(words):
            j = last + 2 if words[last + 1].endswith("ly") else last + 1  # "clearly shows"
            follows_verb = j < len(words) and words[j] in _EVIDENCE_VERBS
        cued = m.first >= 2 and words[m.first - 2 : m.first] == ("according", "to")
        if adverbial or follows_verb or cued:
            start, end = tokens[m.first].start, tokens[last].end
            named = _naming_word(tokens, m.first, subject) if not adverbial else None
            if named is not None:
                # "NCLAN studies show", "Rust users say" (in an article about Rust): a named group
                start = tokens[m.first - 1].start
                kind = "self" if named == "self" else "research" if m.entry.note.startswith("document") else "organisation"
                yield Attribution(sentence.index, start, end, kind, sentence.text[start:end], sentence.text[start:end])
                continue
            yield Attribution(sentence.index, start, end, "vague", sentence.text[start:end], sentence.text[start:end])


def _naming_word(tokens, first: int, subject: str) -> str | None:
    """Whether the word before a vague-source word names the group: an acronym of three letters or
    more ("NCLAN studies"), or the article's subject ("Rust users" in an article about Rust, its
    own community: "self"). "US officials", "Democratic critics", "Tesla investors" stay vague."""
    if first < 1:
        return None
    word = tokens[first - 1].text
    if subject and word.lower() == subject:
        return "self"
    if first >= 2 and len(word) >= 3 and word.isupper() and word.isalpha():
        return "named"
    return None


def _resolve_overlaps(candidates: list[Attribution]) -> list[Attribution]:
    ranked = sorted(candidates, key=lambda a: (-_PRIORITY[a.type], -(a.end - a.start), a.start))
    kept: list[Attribution] = []
    # The kept spans never overlap, so sorted by start their ends are sorted too: a candidate
    # overlaps one of them exactly when the last span starting before its end reaches past its
    # start. One bisection per candidate, not a scan of every kept span (quadratic: 74 s on a
    # sentence of 20,000 "according to Reuters").
    starts: list[int] = []
    ends: list[int] = []
    for cand in ranked:
        k = bisect_left(starts, cand.end) - 1
        if k < 0 or ends[k] <= cand.start:
            kept.append(cand)
            at = bisect_right(starts, cand.start)
            starts.insert(at, cand.start)
            ends.insert(at, cand.end)
    return sorted(kept, key=lambda a: a.start)


def _merge_social(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Join a source and the social-media phrase right next to it into one social attribution:
    "sentiments on X" + "users like Vinay", "as discussed by Joe Tsai" + "in X analyses".
    The same source named twice in one sentence counts once."""
    merged: list[Attribution] = []
    for a in attributions:
        if merged:
            last = merged[-1]
            gap = text[last.end : a.start]
            if "social" in (a.type, last.type) and len(gap) <= 8 and gap.strip() in ("", "from", "by", "in", "on", ","):
                social, other = (a, last) if a.type == "social" else (last, a)
                name = social.name if social.name != social.cue else other.name
                merged[-1] = Attribution(a.sentence, last.start, a.end, "social", name, text[last.start : a.end])
                continue
        merged.append(a)
    seen: set[tuple[str, tuple[str, ...]]] = set()
    unique = []
    for a in merged:
        key = (a.type, name_words(a.name))
        if key not in seen:
            seen.add(key)
            unique.append(a)
    return unique


def _classify_target(target: str, text: str, end: int, lex: Lexicons, subject: str) -> str | None:
    if not target:
        return None
    low = target.lower()
    if low in _NOT_SOURCES or low.startswith(("the company", "the firm")):
        return "self"
    if not target[0].isupper() and not low.startswith("the "):
        return "vague" if _is_vague_phrase(low, lex) else None
    if re.match(r"\s*(?:posts?|users?|analys[ie]s)\b", text[end : end + 12]) and low in ("x", "twitter"):
        return "social"
    return _classify_name(target, lex, subject, has_role=False, speech=False)


def _classify_name(name: str, lex: Lexicons, subject: str, has_role: bool, speech: bool) -> str:
    words = name_words(name)
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return "vague"
    if subject and words[0] == subject:
        return "self"
    vague = lex["vague_sources"].find(list(words))
    if vague and vague[0].first == 0 and vague[0].last == len(words) - 1:
        return "vague"
    if has_role:
        return "person"
    if lex["news_outlets"].has_phrase(words):
        # A company's own news site (Alizila, "owned_by alibaba") is the company speaking about
        # itself in an article about that company, as its domain is (source_domains.tsv).
        owner = next((m.entry.note for m in lex["news_outlets"].find(list(words)) if m.entry.note.startswith("owned_by ")), "")
        return "self" if subject and owner == f"owned_by {subject}" else "outlet"
    if lex["social_platforms"].find(list(words)) and len(words) == 1:
        return "social"
    if any(lex["organisation_words"].has_phrase((w,)) for w in words):
        return "organisation"
    if speech and 2 <= len(words) <= 3 and all(t[:1].isupper() for t in name.split()[-len(words):]):
        return "person"
    return "organisation"


def _is_vague_phrase(phrase: str, lex: Lexicons) -> bool:
    words = list(name_words(phrase))
    return bool(words) and any(m.first <= 1 for m in lex["vague_sources"].find(words))


_AUXILIARIES = {"is", "was", "are", "were", "been", "be", "am", "'s", "’s"}


def _is_verb_position(sentence: Sentence, i: int) -> bool:
    """"reports" after a determiner is a noun ("the reports"); "warning" is a verb after an
    auxiliary or a comma ("was warning", ", warning that"), a noun otherwise ("a chilling warning")."""
    tokens = sentence.tokens
    if i == 0:
        return True
    if tokens[i - 1].lower in ("the", "a", "an", "these", "those", "its", "their", "recent", "annual"):
        return False
    if tokens[i].lower.endswith("ing"):
        return tokens[i - 1].lower in _AUXILIARIES or _gap(sentence, i - 1, i).strip() == ","
    return True


def _name_run_after(tokens, j: int) -> int | None:
    last = None
    k = j
    while k < len(tokens) and _capitalised(tokens[k].text) and k - j < 3:
        last = k
        k += 1
    return last


def _role_before(first: int, role_at: Mapping[int, Match]) -> int | None:
    for length in (3, 2, 1):
        start = first - length
        if start >= 0:
            m = role_at.get(start)
            if m is not None and m.last == first - 1:
                return start
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isdigit()


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _trim_name(name: str) -> str:
    name = _POSSESSIVE_END.sub("", name.strip())
    return name.rstrip(".,;: ")
