"""Every lexicon's matches in a sentence, found in one pass over its words.

The analyzers ask ``lex[name].find(words)`` and ``lex[name].match_at(words, i)`` many times per
sentence (several lexicons, several passes each). A :class:`LexiconIndex` is built once per
set of lexicons; ``index.table(words)`` then walks the words once and answers, for every
lexicon, exactly what those two methods would:

    index = LexiconIndex.build(lexicons)          # once, e.g. per Analyzer
    table = index.table(sentence.words)            # once per word sequence
    table.find("hedges") == tuple(lexicons["hedges"].find(sentence.words))
    table.at("report_verbs", 3) == lexicons["report_verbs"].match_at(sentence.words, 3)

How: one dict lookup per word gives the lexicons whose entries can start there, each with the
entries ``match_at`` would try (in its order, taken from :meth:`Lexicon.tried_at`, so the two
cannot drift apart). The match starting at every position is computed for every such lexicon,
which is ``match_at`` for every position; ``find`` is then ``match_at``'s matches kept by the
greedy left-to-right rule (a match is taken when it starts past the last one taken).

Pure Python on purpose: a pyahocorasick automaton over the joined words gives the same
matches, but sorting its hits back into words and ``match_at``'s order costs more in Python
than this pass (measured on 100 bench articles: 0.21 vs 0.12 ms an article, the automaton's
own scan being 0.03 ms of it), so no C dependency.

Build an index per set of lexicons: one built from ``Lexicons`` does not see the terms of a
later ``Lexicons.extended(...)``; build another from that.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import compress
from types import MappingProxyType
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from hypecheck.lexicon import LEXICON_NAMES, MEMO_LIMIT, Entry, Lexicon, Lexicons, Match

# The lexicons the analyzers read through match tables (``Tables``, ``Lexicons.index``). The
# others are looked up word by word where they are needed (``english_function_words`` and
# ``not_names`` with ``has_phrase``, the outlet and domain lists by their own tables): indexing
# them made every table hold about 250 matches an article that nobody read, three quarters of
# the matching time. A table asked for a lexicon not listed raises a KeyError that says so.
TABLE_LEXICONS = (
    "hype_adjectives", "peacock_terms", "superlatives", "grand_claims", "intensifiers", "hedges", "report_verbs",
    "vague_sources", "person_roles", "public_bodies", "own_evidence", "not_hype", "ai_terms", "human_roles",
    "comparison_verbs", "mental_verbs", "performance_claims", "performance_caveats", "limitation_cues",
    "future_certainty", "ai_content_labels", "ai_self_identification", "machine_style", "sensational", "loaded",
    "exaggeration", "shouted_words",
)

if TYPE_CHECKING:  # pragma: no cover
    from hypecheck.facts.document import Sentence

# A multi-word entry ready to test at a position: (lexicon slot, entry, length, the words that
# must be equal, the last word's prefix or None). For a prefix entry ("state of the art*") the
# equal part is all but the last word, which need only start with the prefix.
_Try = tuple[int, Entry, int, tuple[str, ...], "str | None"]
# Everything that can start at one word, across lexicons: (
#   ((slot, one-word entry), ...)   the match of each lexicon when none of its longer entries fits,
#   {next word: (_Try, ...)} | None the longer entries worth trying, chosen by the following word,
#   (_Try, ...)                     those to try when the following word is not a key: two-word
#                                   prefix entries ("stand out*"), whose second word is a prefix
# ). Words that start nothing get the empty tuple, so that they are falsy.
_Plan = tuple
_NOTHING: _Plan = ()
# What a table keeps per lexicon until asked: (position, entry, last position) of the match
# starting at each position; Match objects are only made for the lexicons someone reads.
_Raw = list[tuple[int, Entry, int]]
# A lexicon's Match objects, made on first use: (find's matches, {position: match there}).
_Made = tuple[tuple[Match, ...], Mapping[int, Match]]


class MatchTable:
    """All the indexed lexicons' matches in one word sequence. Read-only.

    ``find(name)`` equals ``tuple(lexicons[name].find(words))``; ``at(name, i)`` equals
    ``lexicons[name].match_at(words, i)`` for every ``0 <= i < len(words)``, including
    positions inside an earlier match. A lexicon's Match objects are made on first use.
    """

    __slots__ = ("words", "_slots", "_raw", "_made")

    def __init__(self, words: tuple[str, ...], slots: Mapping[str, int], raw: defaultdict[int, _Raw]):
        self.words = words
        self._slots = slots
        self._raw = raw
        self._made: list[_Made | None] = [None] * len(slots)

    def find(self, name: str) -> tuple[Match, ...]:
        """The non-overlapping matches of lexicon ``name``, left to right (``Lexicon.find``)."""
        return (self._made[self._slots[name]] or self._make(name))[0]

    def at(self, name: str, i: int) -> Match | None:
        """The match of lexicon ``name`` starting at word ``i`` (``Lexicon.match_at``), or None.
        ``i`` must be in ``range(len(words))``: negative positions are refused, not wrapped.
        In a loop over positions, ``by_start(name).get(i)`` is cheaper."""
        if not 0 <= i < len(self.words):
            raise IndexError(f"word {i} of {len(self.words)}")
        return (self._made[self._slots[name]] or self._make(name))[1].get(i)

    def by_start(self, name: str) -> Mapping[int, Match]:
        """``{i: match_at(words, i)}`` for every position ``i`` where lexicon ``name`` matches,
        in position order (read-only); includes matches starting inside an earlier match."""
        return (self._made[self._slots[name]] or self._make(name))[1]

    def any(self, name: str) -> bool:
        """True when lexicon ``name`` matches anywhere (``bool(Lexicon.find(words))``); makes no
        Match objects. (If any position has a match, the first one is always kept by find.)"""
        return self._slots[name] in self._raw

    def _make(self, name: str) -> _Made:
        slot = self._slots[name]
        made = self._made[slot] = _greedy(self._raw[slot]) if slot in self._raw else _NO_MATCHES
        return made


_NO_MATCHES: _Made = ((), MappingProxyType({}))


class _Slots(dict):
    """Lexicon name -> slot; a name the index was not built with raises a KeyError saying so."""

    def __missing__(self, name: str) -> int:
        raise KeyError(f"lexicon {name!r} is not in this match index (the analyzers' index holds TABLE_LEXICONS: add it there)")


def _greedy(raw: _Raw) -> _Made:
    """``Lexicon.find``'s skip rule over the match at every position: scanning left to right,
    a match is kept when it starts after the last kept one ends. Also the position index."""
    at: dict[int, Match] = {}
    kept: list[Match] = []
    free = 0
    for first, entry, last in raw:
        match = at[first] = Match(entry, first, last)
        if first >= free:
            kept.append(match)
            free = last + 1
    return tuple(kept), MappingProxyType(at)


@dataclass(frozen=True)
class LexiconIndex:
    """Lexicons indexed by the words their entries start with, to match them all in one pass.

    Build it once (per Analyzer). It sees only the lexicons it was built from: build another
    for ``Lexicons.extended(...)``. Immutable from the outside; inside, a memo of what can start
    at each word grows as words are seen and is cleared past ``MEMO_LIMIT`` words.
    """

    names: tuple[str, ...]
    lexicons: tuple[Lexicon, ...] = field(repr=False)
    _slots: Mapping[str, int] = field(repr=False, compare=False)
    _plans: dict[str, _Plan] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, lexicons: Lexicons, names: Iterable[str] | None = None) -> "LexiconIndex":
        """An index over ``names`` (default: every lexicon, in ``LEXICON_NAMES`` order)."""
        chosen = tuple(dict.fromkeys(LEXICON_NAMES if names is None else names))
        return cls(chosen, tuple(lexicons[n] for n in chosen), _Slots({n: k for k, n in enumerate(chosen)}))

    def table(self, words: Sequence[str]) -> MatchTable:
        """Every indexed lexicon's matches in lower-cased ``words``, in one pass over them."""
        words = tuple(words)
        plans = self._plans_of(words)
        raw: defaultdict[int, _Raw] = defaultdict(list)  # only the lexicons that match get a list
        n = len(words)
        # compress: the loop visits only positions where some lexicon can start (C-level skip).
        for i in compress(range(n), plans):
            singles, by_next, two_word_prefixes = plans[i]
            matched: Sequence[int] = ()  # lexicons whose longer entry matched here
            if by_next is not None and i + 1 < n:  # longer entries need a following word
                tries = by_next.get(words[i + 1], two_word_prefixes)
                if tries:
                    matched = _try_longer(words, i, tries, raw)
            for slot, entry in singles:
                if slot not in matched:
                    raw[slot].append((i, entry, i))
        return MatchTable(words, self._slots, raw)

    def _plans_of(self, words: tuple[str, ...]) -> list[_Plan]:
        """One memo lookup per word; words not seen before are planned and remembered."""
        memo = self._plans
        plans = list(map(memo.get, words))
        if None in plans:
            if len(memo) > MEMO_LIMIT:  # a long batch of new names must not grow memory for ever
                memo.clear()
            for i, plan in enumerate(plans):
                if plan is None:
                    word = words[i]
                    plan = memo.get(word)  # the same new word may come twice in a sentence
                    if plan is None:
                        plan = memo[word] = self._plan(word)
                    plans[i] = plan
        return plans

    def _plan(self, word: str) -> _Plan:
        """What every lexicon's ``match_at`` would try at ``word``, merged (see ``_Plan``)."""
        singles: list[tuple[int, Entry]] = []
        tries: list[tuple[_Try, str | None]] = []  # with the second word it needs (None: any)
        for slot, lexicon in enumerate(self.lexicons):
            entries, prefix_entry = lexicon.tried_at(word)
            single = None
            for entry in entries:  # longest first; after a one-word entry nothing is reached
                if len(entry.words) == 1:
                    single = entry
                    break
                tries.append((_try(slot, entry), None if len(entry.words) == 2 and entry.prefix else entry.words[1]))
            if single is None:
                single = prefix_entry  # the prefix entry comes after all the rest
            if single is not None:
                singles.append((slot, single))
        if not singles and not tries:
            return _NOTHING
        if not tries:
            return tuple(singles), None, ()
        # Per following word, the tries that can fit, in slot order and each lexicon's order.
        keys = {second for _, second in tries if second is not None}
        by_next = {key: tuple(t for t, second in tries if second in (None, key)) for key in keys}
        return tuple(singles), by_next, tuple(t for t, second in tries if second is None)


def _try(slot: int, entry: Entry) -> _Try:
    if entry.prefix:
        return slot, entry, len(entry.words), entry.words[:-1], entry.words[-1]
    return slot, entry, len(entry.words), entry.words, None


def _try_longer(words: tuple[str, ...], i: int, tries: tuple[_Try, ...], raw: defaultdict[int, _Raw]) -> list[int]:
    """Records, per lexicon, the first longer entry that fits at ``i``; returns those lexicons.
    ``tries`` are grouped by lexicon, each group in ``match_at``'s order."""
    matched: list[int] = []
    for slot, entry, length, equal, prefix in tries:
        if matched and matched[-1] == slot:
            continue  # this lexicon already has its (longest) match here
        end = i + length
        if prefix is None:
            fits = words[i:end] == equal  # a slice cut short by the end is unequal
        else:
            fits = end <= len(words) and words[i : end - 1] == equal and words[end - 1].startswith(prefix)
        if fits:
            raw[slot].append((i, entry, end - 1))
            matched.append(slot)
    return matched


@dataclass(frozen=True)
class Tables:
    """Every lexicon's matches in a sentence, found in one pass and kept for the article:
    ``tables.words(s).find("hedges")`` is ``lexicons["hedges"].find(s.words)``; ``base(s)`` is the
    same over the words with possessive 's taken off ("the model's answers")."""

    index: LexiconIndex
    _words: dict[int, MatchTable] = field(default_factory=dict, repr=False)
    _base: dict[int, MatchTable] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, lexicons: Lexicons) -> "Tables":
        return cls(lexicons.index)

    def words(self, sentence: "Sentence") -> MatchTable:
        table = self._words.get(sentence.index)
        if table is None:
            table = self._words[sentence.index] = self.index.table(sentence.words)
        return table

    def base(self, sentence: "Sentence") -> MatchTable:
        if sentence.base_words == sentence.words:
            return self.words(sentence)
        table = self._base.get(sentence.index)
        if table is None:
            table = self._base[sentence.index] = self.index.table(sentence.base_words)
        return table
