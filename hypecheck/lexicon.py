"""Lexicons: plain files a teacher can open, read through ``importlib.resources``.

A lexicon file (``lexicons/NAME.tsv``) has a ``# key: value`` header (lexicon, concept, source,
licence, weighting, format) and one ``term<TAB>weight<TAB>note`` entry a line. Terms are matched
on word tokens, case-insensitively, with hyphen and space equivalent; a trailing ``*`` on the
last word matches any ending. ``page_chrome.tsv`` is different: whole-line regular expressions
with an action, used by :mod:`hypecheck.read.clean`.

Lexicons are loaded once into an immutable :class:`Lexicons` object and passed explicitly;
:meth:`Lexicons.extended` returns a *new* object with a user's extra terms.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from hypecheck.facts.matches import LexiconIndex

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

LEXICON_NAMES = (
    "hype_adjectives",
    "peacock_terms",
    "superlatives",
    "grand_claims",
    "intensifiers",
    "hedges",
    "report_verbs",
    "vague_sources",
    "news_outlets",
    "social_platforms",
    "person_roles",
    "organisation_words",
    "public_bodies",
    "company_cues",
    "own_evidence",
    "not_names",
    "abbreviations",
    "not_hype",
    "english_function_words",
    "ai_terms",
    "human_roles",
    "comparison_verbs",
    "mental_verbs",
    "performance_claims",
    "performance_caveats",
    "limitation_cues",
    "future_certainty",
    "ai_writing_tools",
    "source_domains",
    "ai_content_labels",
    "ai_self_identification",
    "machine_style",
    "sensational",
    "loaded",
    "exaggeration",
    "shouted_words",
)
MEMO_LIMIT = 50_000  # words remembered per lexicon (a few MB); the memo is cleared past this
HEADER_KEYS = ("lexicon", "concept", "source", "licence", "weighting", "format")


class LexiconError(ValueError):
    """A lexicon file is malformed."""


@dataclass(frozen=True)
class Entry:
    term: str
    weight: float
    note: str
    words: tuple[str, ...]
    prefix: bool  # the last word matches any ending


@dataclass(frozen=True)
class Match:
    """A lexicon entry found in a token sequence: token indices [first, last]."""

    entry: Entry
    first: int
    last: int


@dataclass(frozen=True)
class Lexicon:
    name: str
    header: Mapping[str, str]
    entries: tuple[Entry, ...]
    _by_first: Mapping[str, tuple[Entry, ...]] = field(repr=False, compare=False)
    _prefix_index: Mapping[str, Entry] = field(repr=False, compare=False)
    _prefix_lengths: tuple[int, ...] = field(repr=False, compare=False)
    _phrases: frozenset[tuple[str, ...]] = field(repr=False, compare=False)
    # Filled as words are seen (most words recur): word -> the prefix entry it matches (or
    # None), and word -> whether any entry can start at it.
    _prefix_memo: dict[str, "Entry | None"] = field(default_factory=dict, repr=False, compare=False)
    _can_start: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, name: str, header: Mapping[str, str], entries: Iterable[Entry]) -> "Lexicon":
        ordered = tuple(sorted({e.term: e for e in entries}.values(), key=lambda e: e.term))
        by_first: dict[str, list[Entry]] = {}
        prefix_first: list[Entry] = []
        for entry in ordered:
            if entry.prefix and len(entry.words) == 1:
                prefix_first.append(entry)
            else:
                by_first.setdefault(entry.words[0], []).append(entry)
        # Longest entries first so "formidable force" wins over "formidable".
        index = {k: tuple(sorted(v, key=lambda e: (-len(e.words), e.term))) for k, v in by_first.items()}
        phrases = frozenset(e.words for e in ordered if not e.prefix)
        # One-word prefix entries ("redefin*") are looked up by the word's first n letters for
        # each prefix length n, longest first: a few dict lookups per word, not one per entry.
        prefix_index = {e.words[0]: e for e in prefix_first}
        lengths = tuple(sorted({len(p) for p in prefix_index}, reverse=True))
        return cls(name, dict(header), ordered, index, prefix_index, lengths, phrases)

    def has_phrase(self, words: Sequence[str]) -> bool:
        """True when ``words`` is exactly one (non-prefix) entry."""
        return tuple(words) in self._phrases

    def __contains__(self, word: str) -> bool:
        return bool(self.find(normalize_words(word)))

    def find(self, words: Sequence[str]) -> list[Match]:
        """All non-overlapping matches in lower-cased ``words``, longest first, left to right."""
        matches: list[Match] = []
        # Only words that start an entry, or carry a prefix entry, are tried: one set lookup
        # for every other word (most of them).
        can_start = self._can_start
        if len(can_start) > MEMO_LIMIT:  # a long batch of new names must not grow memory for ever
            can_start.clear()
            self._prefix_memo.clear()
        i, n = 0, len(words)
        while i < n:
            word = words[i]
            known = can_start.get(word)
            if known is None:
                known = can_start[word] = word in self._by_first or self._prefix_entry(word) is not None
            found = self.match_at(words, i) if known else None
            if found is None:
                i += 1
                continue
            matches.append(found)
            i = found.last + 1
        return matches


    def match_at(self, words: Sequence[str], i: int) -> Match | None:
        for entry in self._by_first.get(words[i], ()):
            end = i + len(entry.words)
            if end <= len(words) and _words_match(entry, words[i:end]):
                return Match(entry, i, end - 1)
        if not self._prefix_lengths:
            return None
        word = words[i]
        try:
            entry = self._prefix_memo[word]
        except KeyError:
            entry = self._prefix_memo[word] = self._prefix_entry(word)
        return Match(entry, i, i) if entry is not None else None

    def tried_at(self, word: str) -> tuple[tuple[Entry, ...], Entry | None]:
        """What :meth:`match_at` tries at a position holding ``word``, in its order: the entries
        that begin with the word (longest first, ties by term), then the one-word prefix entry
        the word carries (or None). For indexes over many lexicons (hypecheck.facts.matches),
        so that they follow this lexicon's own order instead of re-deriving it. Not memoized."""
        return self._by_first.get(word, ()), self._prefix_entry(word)

    def _prefix_entry(self, word: str) -> Entry | None:
        for length in self._prefix_lengths:
            entry = self._prefix_index.get(word[:length]) if len(word) >= length else None
            if entry is not None:
                return entry
        return None


def _words_match(entry: Entry, words: Sequence[str]) -> bool:
    *head, last = entry.words
    if list(words[: len(head)]) != head:
        return False
    return words[-1].startswith(last) if entry.prefix else words[-1] == last


def normalize_words(term: str) -> tuple[str, ...]:
    """Lower-cased word tokens of a term, the way article text is tokenized."""
    return tuple(w.replace("’", "'") for w in WORD.findall(term.lower().replace("-", " ")))


def make_entry(term: str, weight: float, note: str = "") -> Entry:
    term = term.strip().lower()
    prefix = term.endswith("*")
    words = normalize_words(term.rstrip("*"))
    if not words:
        raise LexiconError(f"empty term {term!r}")
    value = float(weight)
    if not math.isfinite(value):  # NaN or infinity would reach every score, and the JSON
        raise LexiconError(f"weight of {term!r} is {weight}, not a finite number")
    return Entry(term, value, note, words, prefix)


def parse_lexicon(text: str, name: str) -> Lexicon:
    header: dict[str, str] = {}
    entries: list[Entry] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and key.strip() in HEADER_KEYS and key.strip() not in header:
                header[key.strip()] = value.strip()
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise LexiconError(f"{name}.tsv line {number}: expected term<TAB>weight<TAB>note")
        try:
            entries.append(make_entry(fields[0], float(fields[1]), fields[2].strip() if len(fields) > 2 else ""))
        except ValueError as err:
            raise LexiconError(f"{name}.tsv line {number}: {err}") from None
    missing = [k for k in HEADER_KEYS if k not in header]
    if missing:
        raise LexiconError(f"{name}.tsv: header lacks {', '.join(missing)}")
    return Lexicon.build(name, header, entries)


@dataclass(frozen=True)
class ChromeRule:
    """A whole-line pattern of page chrome: ``drop`` the line, ``tail`` (drop it and the rest),
    or keep it as ``meta`` (bylines, datelines, disclosure lines)."""

    pattern: re.Pattern[str]
    action: str
    reason: str


def parse_chrome(text: str) -> tuple[ChromeRule, ...]:
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] not in ("drop", "tail", "meta"):
            raise LexiconError(f"page_chrome.tsv line {number}: expected pattern<TAB>drop|tail|meta<TAB>reason")
        try:
            pattern = re.compile(fields[0], re.IGNORECASE)
        except re.error as err:
            raise LexiconError(f"page_chrome.tsv line {number}: {err}") from None
        rules.append(ChromeRule(pattern, fields[1], fields[2].strip()))
    return tuple(rules)


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon hypecheck uses, loaded once; immutable."""

    by_name: Mapping[str, Lexicon]
    chrome: tuple[ChromeRule, ...]

    def __getitem__(self, name: str) -> Lexicon:
        return self.by_name[name]

    @cached_property
    def index(self) -> "LexiconIndex":
        """The lexicons the analyzers read through match tables, matched in one pass over a
        sentence (hypecheck.facts.matches), built on first use; an extended copy builds its own."""
        from hypecheck.facts.matches import TABLE_LEXICONS, LexiconIndex

        return LexiconIndex.build(self, TABLE_LEXICONS)

    def extended(self, extra: Mapping[str, Iterable[tuple[str, float] | str]]) -> "Lexicons":
        """A copy with extra terms: ``{"peacock_terms": [("epic", 2.0), "stellar"]}``.

        A bare string gets weight 1.0. The installed files are not touched.
        """
        by_name = dict(self.by_name)
        for name, terms in extra.items():
            if name not in by_name:
                raise KeyError(f"unknown lexicon {name!r}; known: {', '.join(sorted(by_name))}")
            added = [make_entry(t, 1.0, "user") if isinstance(t, str) else make_entry(t[0], t[1], "user") for t in terms]
            base = by_name[name]
            by_name[name] = Lexicon.build(name, base.header, [*base.entries, *added])
        return replace(self, by_name=by_name)

    def without(self, terms: Iterable[str]) -> "Lexicons":
        """A copy with no entry that matches any of ``terms`` as a whole ("strategic" drops the
        entry "strategic", "redefine" drops "redefin*"), in every lexicon."""
        phrases = [words for words in (normalize_words(t) for t in terms) if words]
        by_name = dict(self.by_name)
        for name, lexicon in self.by_name.items():
            drop = {m.entry.term for words in phrases for m in lexicon.find(words) if m.first == 0 and m.last == len(words) - 1}
            if drop:
                by_name[name] = Lexicon.build(name, lexicon.header, [e for e in lexicon.entries if e.term not in drop])
        return replace(self, by_name=by_name)


def lexicon_dir() -> Path:
    """Where the installed lexicon files are."""
    return Path(str(resources.files("hypecheck.lexicons")))


def load_lexicons(directory: Path | None = None) -> Lexicons:
    """Read all lexicons from the installed package (or ``directory``)."""
    root = directory or lexicon_dir()
    by_name = {}
    for name in LEXICON_NAMES:
        path = root / f"{name}.tsv"
        by_name[name] = parse_lexicon(path.read_text(encoding="utf-8"), name)
    chrome = parse_chrome((root / "page_chrome.tsv").read_text(encoding="utf-8"))
    return Lexicons(by_name, chrome)
