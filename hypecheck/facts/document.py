"""The Document: one article, split into sentences and tokens once, shared by every analyzer.

Sentences come from nltk's Punkt tokenizer with an abbreviation list shipped in
``lexicons/abbreviations.tsv`` (no ``nltk.download``); tokens from an nltk regexp tokenizer.
Every sentence and token knows its span in the original text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property, partial
from operator import itemgetter
import re
from typing import NamedTuple

import regex
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

from hypecheck.read.clean import Block, BlockKind, Cleaned
from hypecheck.read.edits import MappedText
from hypecheck.lexicon import WORD
from hypecheck.facts.number_words import WORDS as NUMBER_WORDS, find_number_words
from hypecheck.facts.numbers import NumberMention, find_numbers

# Word tokens are the spans of nltk's ``RegexpTokenizer(WORD.pattern).span_tokenize``, found by
# calling the pattern itself. nltk (3.10.3 on) compiles a tokenizer's pattern with the third-party
# ``regex`` engine, with these flags, and runs every match under a wall-clock timeout (nltk.redos):
# the engine reads the clock as it matches, some 6% of a whole scoring profile. WORD cannot
# backtrack badly (each character belongs to one run of letters or is one apostrophe: no nested
# or overlapping quantifiers, so matching is linear), so the timeout can never trip and buys
# nothing. The engine must stay ``regex``: stdlib ``re`` splits words differently at combining
# marks, Devanagari vowel signs and joiners. tests/test_tokens.py proves the spans equal nltk's.
_WORDS = regex.compile(WORD.pattern, regex.UNICODE | regex.MULTILINE | regex.DOTALL)


# Sentences of these kinds are the article's running text (readability, sentence counts).
BODY_KINDS: tuple[BlockKind, ...] = ("body", "list_item")


class Token(NamedTuple):
    """A word. A named tuple, not a dataclass: an article has a thousand of them, and a tuple is
    made several times faster."""

    text: str
    lower: str
    start: int  # offsets into Sentence.text
    end: int


_LOWER = itemgetter(1)  # Token.lower, read at C speed
_NEW_TOKEN = partial(tuple.__new__, Token)


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a heading, title or meta line) with its place in the original text."""

    index: int
    kind: BlockKind
    block: int
    text: str
    tokens: tuple[Token, ...]
    _mapped: MappedText
    _offset: int  # where this sentence starts inside its block's cleaned text

    @cached_property
    def start(self) -> int:
        return self.span(0, len(self.text))[0]

    @cached_property
    def end(self) -> int:
        return self.span(0, len(self.text))[1]

    @property
    def is_body(self) -> bool:
        return self.kind in BODY_KINDS

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(map(_LOWER, self.tokens))

    @cached_property
    def base_words(self) -> tuple[str, ...]:
        """The words with a possessive 's taken off ("the model's" -> "the model")."""
        return tuple(w[:-2] if w.endswith("'s") else w for w in self.words)

    @cached_property
    def figures(self) -> tuple[NumberMention, ...]:
        """Numeric claims in this sentence, found once and shared by the analyzers that need them."""
        found = find_numbers(self.text)
        # Counts in words, unless a figure already covers them ("nine consecutive quarters").
        spelt = () if NUMBER_WORDS.isdisjoint(self.words) else find_number_words(self.text)
        words = [w for w in spelt if not any(f.start < w.end and w.start < f.end for f in found)]
        if words:
            found = sorted(found + words, key=lambda f: f.start)
        return tuple(found)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original-text span of ``self.text[start:end]``."""
        return self._mapped.span_to_original(self._offset + start, self._offset + end)

    def text_after(self) -> str:
        """The rest of this sentence's block after it (what the splitter put in later sentences)."""
        return self._mapped.text[self._offset + len(self.text) :]

    def token_span(self, first: int, last: int) -> tuple[int, int]:
        """Original-text span covering tokens ``first..last`` (inclusive)."""
        return self.span(self.tokens[first].start, self.tokens[last].end)


@dataclass(frozen=True)
class Document:
    """An article ready for analysis. ``original`` is the text as loaded; spans index it."""

    id: str
    path: str
    original: str
    title: str
    sentences: tuple[Sentence, ...]
    removed: tuple[tuple[int, int, str], ...]
    encoding: str = "utf-8"
    original_words: int = 0  # word tokens in the whole original, page chrome included
    removed_words: int = 0  # of them, in removed page chrome

    @cached_property
    def repairs(self) -> tuple[tuple[int, int, str], ...]:
        """``(start, end, replacement)`` spans of the original that cleaning repaired inside the
        article's sentences ("AlibabaBABA--" -> "Alibaba"), so a quote can show the repaired words
        while evidence keeps its original offsets."""
        blocks = {id(s._mapped): s._mapped for s in self.sentences}
        spans = [(s.start, s.end) for s in self.sentences]
        inside = lambda a, b: any(start <= a and b <= end for start, end in spans)  # noqa: E731
        return tuple(sorted({e for m in blocks.values() for e in m.edits() if inside(e[0], e[1])}))

    @cached_property
    def body(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.is_body)

    @cached_property
    def body_text(self) -> str:
        """The article's running text, one block a paragraph: what readability is computed on."""
        paragraphs: dict[int, list[str]] = {}
        for sentence in self.body:
            paragraphs.setdefault(sentence.block, []).append(sentence.text)
        return "\n\n".join(" ".join(parts) for parts in paragraphs.values())

    @cached_property
    def text(self) -> str:
        """Every sentence's cleaned text, one a line: for article-wide word counts by pattern."""
        return "\n".join(s.text for s in self.sentences)

    @cached_property
    def lower_words(self) -> Counter[str]:
        """How often each word is written in lower case in the article ("research": 4)."""
        return Counter(_LOWER_WORD.findall(self.text))

    @cached_property
    def speaks_as_we(self) -> bool:
        """Whether the article speaks in an organisation's own voice ("we", "our", "us", five
        times or more): a team's post about its own work."""
        return len(_WE_WORD.findall(self.text)) >= WE_VOICE

    @cached_property
    def word_count(self) -> int:
        return sum(len(s.tokens) for s in self.body)

    def quote(self, start: int, end: int) -> str:
        return self.original[start:end]


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_WE_WORD = re.compile(r"(?<![\w'’-])(?:[Ww]e|[Oo]ur|[Uu]s)(?![\w'’-])")
WE_VOICE = 5  # "we", "our", "us" in an organisation's own post


def sentence_splitter(abbreviations: tuple[str, ...]) -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = {a.lower().rstrip(".") for a in abbreviations}
    return PunktSentenceTokenizer(params, lang_vars=_LanguageVars(), token_cls=_PunktToken)


def build_document(
    doc_id: str, path: str, original: str, cleaned: Cleaned, splitter: PunktSentenceTokenizer, encoding: str = "utf-8"
) -> Document:
    sentences: list[Sentence] = []
    for block_index, block in enumerate(cleaned.blocks):
        for start, end in _sentence_spans(block, splitter):
            text = block.text[start:end]
            tokens = _tokens(text)
            if not tokens:
                continue
            sentences.append(Sentence(len(sentences), block.kind, block_index, text, tokens, block.mapped, start))
    title = next((s.text for s in sentences if s.kind == "title"), "") or _title_from_body(sentences)
    removed = tuple((r.start, r.end, r.reason) for r in cleaned.removed)
    return Document(doc_id, path, original, title, tuple(sentences), removed, encoding, cleaned.words, cleaned.removed_words)


def _tokens(text: str) -> tuple[Token, ...]:
    """The word tokens of one sentence; ``lower`` has the typographic apostrophe made plain."""
    matches = list(_WORDS.finditer(text))
    words = [m.group() for m in matches]
    lowers = [w.lower() for w in words]
    if "’" in text:
        lowers = [w.replace("’", "'") for w in lowers]
    # tuple.__new__ on the named tuple's class: the tokens are made in C, not by a Python call each.
    return tuple(map(_NEW_TOKEN, zip(words, lowers, [m.start() for m in matches], [m.end() for m in matches])))


# Footnote markers at the start of a sentence ("2025.[^1] Revenue", "year.[2]"): Punkt ends the
# sentence at the full stop, but the markers cite the sentence before, and belong to it.
_LEADING_MARKERS = re.compile(r"(?:\[\^?[\w.-]{1,40}\])+\s*")


def _sentence_spans(block: Block, splitter: PunktSentenceTokenizer) -> list[tuple[int, int]]:
    if block.kind in ("body", "list_item"):
        spans = list(splitter.span_tokenize(block.text))
        return _markers_to_previous(block.text, spans) if "[" in block.text else spans
    stripped = block.text.strip()
    if not stripped:
        return []
    start = block.text.index(stripped)
    return [(start, start + len(stripped))]


def _markers_to_previous(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move footnote markers that open a sentence to the end of the sentence before it; a
    sentence that is nothing but markers joins the one before."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        markers = _LEADING_MARKERS.match(text, start, end) if out else None
        if markers is None:
            out.append((start, end))
            continue
        cut = markers.end()
        marker_end = len(text[start:cut].rstrip()) + start
        out[-1] = (out[-1][0], marker_end)
        if cut < end:
            out.append((cut, end))
    return out


def _untimed(pattern):
    """The pattern nltk compiled, callable without nltk's timeout wrapper (see ``_WORDS``): a
    wrapped one is compiled again with ``regex`` from its own source and flags; a bare compiled
    pattern (nltk before 3.10.3 had no wrapper) is already that and is kept, engine and all."""
    if isinstance(pattern, (re.Pattern, regex.Pattern)):
        return pattern
    return regex.compile(pattern.pattern, pattern.flags)


# Punkt's own patterns (its English defaults), compiled once. Punkt runs them on every line and
# every candidate sentence end, each under nltk.redos's timeout. They are nltk's fixed patterns,
# not caller input, and linear (each match or lookahead stops at the next space or punctuation;
# nltk made the sentence-end pattern so for its ReDoS report #2866): the timeout buys nothing.
_PUNKT_WORD_RE = _untimed(PunktLanguageVars()._word_tokenizer_re())
_PUNKT_PERIOD_CONTEXT_RE = _untimed(PunktLanguageVars().period_context_re())


class _LanguageVars(PunktLanguageVars):
    """nltk's default language variables with their patterns called directly. Subclassing
    PunktLanguageVars is Punkt's documented hook for changing its patterns; the algorithm
    stays nltk's."""

    __slots__ = ()
    re_boundary_realignment = _untimed(PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self):
        return _PUNKT_WORD_RE

    def period_context_re(self):
        return _PUNKT_PERIOD_CONTEXT_RE


class _PunktToken(PunktToken):
    """nltk's Punkt token with its type patterns (numbers, initials, ellipses) called directly;
    Punkt takes the token class as ``token_cls``."""

    __slots__ = ()
    _RE_ELLIPSIS = _untimed(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _untimed(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _untimed(PunktToken._RE_INITIAL)
    _RE_ALPHA = _untimed(PunktToken._RE_ALPHA)


def _title_from_body(sentences: list[Sentence], limit: int = 80) -> str:
    first = next((s.text for s in sentences if s.is_body), "")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
