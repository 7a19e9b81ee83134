"""Promotional language: lexicon hits in context, normalised for length."""

from __future__ import annotations

import pytest


def hits(card):
    """The lexicon hits (the sentence model's own evidence, tag "classifier", is tested apart)."""
    return [e.text.lower() for e in card["promotional"].evidence if e.tag != "classifier"]


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("Qwen has emerged as a formidable force in the market.", "formidable force"),
        ("Qwen's meteoric rise is underpinned by open source.", "meteoric rise"),
        ("The expansion is a masterclass in strategic integration.", "masterclass"),
        ("Alibaba is not merely competing in the AI space but redefining it.", "redefining"),
        ("It is the Android of the LLM era, its boss says.", "the android of"),
        ("The company is undergoing a paradigm shift in cloud computing.", "paradigm shift"),
        ("This is an unprecedented leap for the whole industry.", "unprecedented"),
    ],
)
def test_hype_fires(score, sentence, term):
    assert term in hits(score(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The company reported revenue of $4 billion for the quarter, down from a year earlier.",
        "The council met on Tuesday to discuss the budget for the new school year.",
        "Shares closed at 112 yuan in Hong Kong after the announcement.",
    ],
)
def test_plain_news_does_not_fire(score, sentence):
    card = score(sentence)
    assert card["promotional"].score < 10, hits(card)


def test_intensifier_amplifies_and_hedge_softens(score):
    plain = score("The launch was groundbreaking for the firm and its staff.")["promotional"].evidence[0].weight
    amplified = score("The launch was truly groundbreaking for the firm and its staff.")["promotional"].evidence[0].weight
    hedged = score("The launch may perhaps be groundbreaking for the firm and its staff.")["promotional"].evidence[0].weight
    assert amplified > plain > hedged


def test_stacked_hype_weighs_more_than_alone(score):
    alone = score("It was an unprecedented result for the team this season.")
    stacked = score("It was an unprecedented, game-changing result for the team.")
    assert max(e.weight for e in stacked["promotional"].evidence) > max(e.weight for e in alone["promotional"].evidence)
    assert any("stacked" in e.reason for e in stacked["promotional"].evidence)


def test_length_normalised(score):
    hype = "Qwen is a revolutionary, game-changing powerhouse. "
    filler = "The meeting was held on Tuesday in the city hall with officials. " * 3
    short = score(hype + filler)["promotional"].score
    long = score((hype + filler) * 6)["promotional"].score
    assert abs(short - long) < 5


def test_seed_ordering(seeds):
    s = {k: c["promotional"].score for k, c in seeds.items()}
    assert s["001"] == max(s.values())
    for low in ("000", "003"):
        for high in ("001", "002", "004"):
            assert s[low] < s[high], s


def test_matched_terms_listed(seeds):
    terms = {t["term"] for t in seeds["001"]["promotional"].metrics["matched_terms"]}
    assert {"meteoric rise", "masterclass", "formidable force"} <= terms


def test_non_evaluative_uses_and_names_do_not_fire(score):
    card = score(
        "A man is in critical condition after a major fire in Leeds on Monday. The key witness told police "
        "she saw smoke at the top of the stairs. Great Expectations, the novel by Dickens, was destroyed. "
        "Jane Rich, a neighbour, called the fire service."
    )
    assert hits(card) == [], hits(card)
