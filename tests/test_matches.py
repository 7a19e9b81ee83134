"""The one-pass match table (hypecheck.facts.matches) answers exactly what matching each lexicon
on its own does: ``table.find(name) == lexicon.find(words)`` and ``table.at(name, i) ==
lexicon.match_at(words, i)`` at every position, for every lexicon, on generated word sequences,
on tiny generated lexicons full of overlaps and ties, and on every sentence of the seeds and of
100 bench articles."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEEDS
from hypecheck.facts import matches
from hypecheck.facts.matches import LexiconIndex
from hypecheck.lexicon import LEXICON_NAMES, Lexicon, Lexicons, load_lexicons, make_entry
from hypecheck.read.load import read_path

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus  # noqa: E402

LEXICONS = load_lexicons()
INDEX = LexiconIndex.build(LEXICONS)
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)


def assert_same(index: LexiconIndex, lexicons: Lexicons, words: Sequence[str]) -> None:
    """Every indexed lexicon: the table equals Lexicon.find and Lexicon.match_at everywhere."""
    table = index.table(words)
    for name in index.names:
        lexicon = lexicons[name]
        found = lexicon.find(words)
        assert table.find(name) == tuple(found), name
        assert table.any(name) == bool(found), name
        at = [lexicon.match_at(words, i) for i in range(len(words))]
        assert [table.at(name, i) for i in range(len(words))] == at, name
        by_start = table.by_start(name)
        assert dict(by_start) == {i: m for i, m in enumerate(at) if m is not None}, name
        assert list(by_start) == sorted(by_start), name


# Word sequences built from the lexicons' own words --------------------------------------------

ENTRIES = sorted({e.words: e for name in LEXICON_NAMES for e in LEXICONS[name].entries}.values(), key=lambda e: e.term)
ENTRY_WORDS = sorted({w for e in ENTRIES for w in e.words})
STEMS = sorted({e.words[-1] for e in ENTRIES if e.prefix})  # "redefin", "groundbreak", ...
# Entries whose end is another entry's start ("as good as" + "as clear as the data"): a
# greedy scan must skip the second, match_at inside the first must still find it.
OVERLAPS = sorted(
    a.words + b.words[k:]
    for a in ENTRIES
    for b in ENTRIES
    if a is not b
    for k in range(1, min(len(a.words), len(b.words)))
    if a.words[-k:] == b.words[:k]
)

random_words = st.text(alphabet="abeilnorst'", max_size=7)
prefixed = st.builds(lambda stem, end: stem + end, st.sampled_from(STEMS), st.sampled_from(["", "s", "ed", "ing", "ation"]))
one_word = st.one_of(st.sampled_from(ENTRY_WORDS), prefixed, random_words).map(lambda w: (w,))
whole_entry = st.sampled_from(ENTRIES).map(lambda e: e.words)
cut_entry = st.sampled_from([e for e in ENTRIES if len(e.words) > 1]).map(lambda e: e.words[:-1])  # a near miss
prefix_entry = st.builds(lambda e, end: e.words[:-1] + (e.words[-1] + end,), st.sampled_from([e for e in ENTRIES if e.prefix]), st.sampled_from(["", "d", "ing"]))
overlap = st.sampled_from(OVERLAPS)
chunks = st.one_of(one_word, whole_entry, cut_entry, prefix_entry, overlap)
SENTENCES = st.lists(chunks, max_size=12).map(lambda parts: [w for part in parts for w in part])


@SETTINGS
@given(words=SENTENCES)
def test_table_equals_each_lexicon_on_lexicon_words(words):
    assert_same(INDEX, LEXICONS, words)


@SETTINGS
@given(word=st.sampled_from(ENTRY_WORDS), times=st.integers(0, 6), tail=SENTENCES)
def test_table_equals_each_lexicon_on_repeated_words(word, times, tail):
    assert_same(INDEX, LEXICONS, [word] * times + tail)


def test_overlapping_entries_are_generated():
    """The strategies really exercise overlaps, prefixes and entries cut at the sentence end."""
    assert len(OVERLAPS) > 100 and len(STEMS) > 50
    assert ("as", "good", "as", "clear", "as", "the", "data") in OVERLAPS


# Tiny lexicons: few words, so overlaps, shared starts, prefix entries and ties are the rule ----

TINY = ["a", "b", "ab", "abc"]
tiny_term = st.builds(
    lambda words, joins, star: "".join(w + j for w, j in zip(words, joins)).rstrip(" -") + star,
    st.lists(st.sampled_from(TINY), min_size=1, max_size=4),
    st.lists(st.sampled_from([" ", "-"]), min_size=4, max_size=4),  # "a b" and "a-b": a tie on words
    st.sampled_from(["", "*", ".", ".*"]),  # "ab" and "ab.": one word, two terms, another tie
)
tiny_lexicons = st.lists(st.lists(tiny_term, max_size=10), min_size=1, max_size=4)
tiny_words = st.lists(st.sampled_from([*TINY, "abd", "abcd", "c", ""]), max_size=14)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(terms=tiny_lexicons, words=tiny_words)
def test_table_equals_each_lexicon_on_tiny_generated_lexicons(terms, words):
    names = [f"tiny{k}" for k in range(len(terms))]
    lexicons = Lexicons({n: Lexicon.build(n, {}, [make_entry(t, 1.0) for t in ts]) for n, ts in zip(names, terms)}, ())
    assert_same(LexiconIndex.build(lexicons, names), lexicons, words)


# Real sentences ------------------------------------------------------------------------------

def document_words(analyzer, paths) -> list[tuple[str, ...]]:
    """Each sentence's words and, where a possessive changes them, the pitfalls' base words."""
    out = []
    for path in paths:
        for s in analyzer.document(read_path(path)).sentences:
            out.append(s.words)
            if s.base_words != s.words:
                out.append(s.base_words)
    return out


def test_table_equals_each_lexicon_on_every_seed_sentence(analyzer):
    sentences = document_words(analyzer, SEEDS)
    assert len(sentences) > 100
    for words in sentences:
        assert_same(INDEX, LEXICONS, words)


def test_table_equals_each_lexicon_on_every_sentence_of_100_bench_articles(analyzer, tmp_path):
    sentences = document_words(analyzer, write_corpus(tmp_path, 100))
    assert len(sentences) > 2000
    for words in dict.fromkeys(sentences):  # many sentences recur across articles
        assert_same(INDEX, LEXICONS, words)


# User terms, subsets, bounds -----------------------------------------------------------------

def test_an_index_of_extended_lexicons_matches_the_user_terms():
    extended = LEXICONS.extended({"peacock_terms": [("epic win", 2.0), "stellar*"], "ai_terms": ["neural net*"], "hedges": ["kinda"]})
    index = LexiconIndex.build(extended)
    words = "an epic win for the stellarly trained neural networks kinda".split()
    table = index.table(words)
    assert [m.entry.term for m in table.find("peacock_terms")] == ["epic win", "stellar*"]
    assert [m.entry.term for m in table.find("ai_terms")] == ["neural net*"]
    assert [m.entry.term for m in table.find("hedges")] == ["kinda"]
    assert_same(index, extended, words)
    assert not INDEX.table(words).any("hedges")  # an index sees only the lexicons it was built from


def test_an_index_over_some_lexicons_knows_only_those():
    index = LexiconIndex.build(LEXICONS, ["hedges", "ai_terms", "hedges"])
    assert index.names == ("hedges", "ai_terms")
    words = "the ai model may well be a breakthrough".split()
    assert_same(index, LEXICONS, words)
    with pytest.raises(KeyError):
        index.table(words).find("grand_claims")


def test_positions_outside_the_words_are_refused_and_empty_input_has_no_matches():
    table = INDEX.table(["ai", "said"])
    with pytest.raises(IndexError):
        table.at("ai_terms", 2)
    with pytest.raises(IndexError):
        table.at("ai_terms", -1)  # match_at would wrap; a table refuses rather than guess
    empty = INDEX.table([])
    assert all(empty.find(n) == () and not empty.any(n) for n in LEXICON_NAMES)


def test_word_memo_is_bounded_and_matching_unchanged_after_clearing(monkeypatch):
    monkeypatch.setattr(matches, "MEMO_LIMIT", 20)
    index = LexiconIndex.build(LEXICONS)
    words = "a paradigm shift redefining the industry , experts said".split()
    before = index.table(words).find("grand_claims")
    index.table([f"name{i}" for i in range(50)])  # a batch full of new names
    index.table(["x"])
    assert len(index._plans) <= 20 + 1
    assert index.table(words).find("grand_claims") == before
    assert [m.entry.term for m in before] == ["paradigm shift", "redefin*"]
    assert_same(index, LEXICONS, words)


def test_an_articles_tables_answer_like_the_lexicons(analyzer, seeds):
    """Tables (the per-article cache the dimensions read) gives each sentence's words and
    possessive-free words the same matches as the lexicons, and builds each table once."""
    from hypecheck.facts.matches import Tables
    from hypecheck.read.load import read_path

    lex = analyzer.lexicons
    doc = analyzer.document(read_path(Path(__file__).resolve().parent.parent / "seeds/004_6f4f04f3f6ab83e6.txt"))
    tables = Tables.of(lex)
    possessive = [s for s in doc.sentences if s.base_words != s.words]
    assert possessive, "seed 004 has possessives ('Alibaba's AI')"
    for s in doc.sentences:
        for name in ("ai_terms", "report_verbs", "hedges", "person_roles"):
            assert tables.words(s).find(name) == tuple(lex[name].find(s.words))
            assert tables.base(s).find(name) == tuple(lex[name].find(s.base_words))
        assert tables.words(s) is tables.words(s)


def test_the_analyzers_index_holds_the_lexicons_they_read_through_tables(analyzer, monkeypatch):
    """Lexicons.index indexes TABLE_LEXICONS only: scoring the seeds and tests/corpus reads each
    of them through a table (none is indexed for nothing) and no other (that would raise)."""
    read: set[str] = set()
    for method in ("find", "at", "by_start", "any"):
        original = getattr(matches.MatchTable, method)

        def recording(self, name, *args, _original=original):
            read.add(name)
            return _original(self, name, *args)

        monkeypatch.setattr(matches.MatchTable, method, recording)
    assert analyzer.lexicons.index.names == matches.TABLE_LEXICONS
    from hypecheck.pipeline import score_one

    for path in [*SEEDS, *sorted((ROOT / "tests" / "corpus").iterdir())]:
        score_one(str(path), analyzer)  # files that are not articles give a Failure
    assert read == set(matches.TABLE_LEXICONS)
    with pytest.raises(KeyError, match="not_names.*TABLE_LEXICONS"):
        analyzer.lexicons.index.table(["john"]).find("not_names")
