"""The Document: one article, split into sentences and tokens once, shared by every analyzer.

Sentences come from nltk's Punkt tokenizer with an abbreviation list shipped in
``lexicons/abbreviations.tsv`` (no ``nltk.download``); tokens from an nltk regexp tokenizer.
Every sentence and token knows its span in the original text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from hypecheck.read.clean import Block, BlockKind, Cleaned
from hypecheck.read.edits import MappedText
from hypecheck.lexicon import WORD
from hypecheck.facts.numbers import NumberMention, find_numbers

_WORDS = RegexpTokenizer(WORD.pattern)

# Sentences of these kinds are the article's running text (readability, sentence counts).
BODY_KINDS: tuple[BlockKind, ...] = ("body", "list_item")


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    start: int  # offsets into Sentence.text
    end: int


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

    @property
    def start(self) -> int:
        return self.span(0, len(self.text))[0]

    @property
    def end(self) -> int:
        return self.span(0, len(self.text))[1]

    @property
    def is_body(self) -> bool:
        return self.kind in BODY_KINDS

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(t.lower for t in self.tokens)

    @cached_property
    def figures(self) -> tuple[NumberMention, ...]:
        """Numeric claims in this sentence, found once and shared by the analyzers that need them."""
        return tuple(find_numbers(self.text))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original-text span of ``self.text[start:end]``."""
        return self._mapped.span_to_original(self._offset + start, self._offset + end)

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
    def word_count(self) -> int:
        return sum(len(s.tokens) for s in self.body)

    def quote(self, start: int, end: int) -> str:
        return self.original[start:end]


def sentence_splitter(abbreviations: tuple[str, ...]) -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = {a.lower().rstrip(".") for a in abbreviations}
    return PunktSentenceTokenizer(params)


def build_document(
    doc_id: str, path: str, original: str, cleaned: Cleaned, splitter: PunktSentenceTokenizer, encoding: str = "utf-8"
) -> Document:
    sentences: list[Sentence] = []
    for block_index, block in enumerate(cleaned.blocks):
        for start, end in _sentence_spans(block, splitter):
            text = block.text[start:end]
            tokens = tuple(
                Token(text[a:b], text[a:b].lower().replace("’", "'"), a, b) for a, b in _WORDS.span_tokenize(text)
            )
            if not tokens:
                continue
            sentences.append(Sentence(len(sentences), block.kind, block_index, text, tokens, block.mapped, start))
    title = next((s.text for s in sentences if s.kind == "title"), "") or _title_from_body(sentences)
    removed = tuple((r.start, r.end, r.reason) for r in cleaned.removed)
    return Document(doc_id, path, original, title, tuple(sentences), removed, encoding)


def _sentence_spans(block: Block, splitter: PunktSentenceTokenizer) -> list[tuple[int, int]]:
    if block.kind in ("body", "list_item"):
        return list(splitter.span_tokenize(block.text))
    stripped = block.text.strip()
    if not stripped:
        return []
    start = block.text.index(stripped)
    return [(start, start + len(stripped))]


def _title_from_body(sentences: list[Sentence], limit: int = 80) -> str:
    first = next((s.text for s in sentences if s.is_body), "")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
