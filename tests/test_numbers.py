"""Unattributed numbers: figures found, non-claims skipped, attribution by sentence."""

from __future__ import annotations

import pytest

from hypecheck.facts.numbers import find_numbers


@pytest.mark.parametrize(
    "sentence, figures",
    [
        ("Qwen reached 30M MAU and 700M+ downloads.", ["30M", "700M+"]),
        ("It plans a US$53 billion push and a 34.1% gain.", ["US$53 billion", "34.1%"]),
        ("Revenue grew at triple-digit rates for nine consecutive quarters.", ["triple-digit", "nine consecutive quarters"]),
        ("The network has 91 facilities across 29 regions.", ["91 facilities", "29 regions"]),
        ("Trials with 40,000 patients showed a 3x speed-up.", ["40,000 patients", "3x"]),
        ("It pledged more than 380 billion yuan.", ["380 billion yuan"]),
    ],
)
def test_claims_found(sentence, figures):
    assert [n.text.strip() for n in find_numbers(sentence)] == figures


@pytest.mark.parametrize(
    "sentence",
    [
        "Qwen3.7-Max (May), a large language model built for agentic coding.",
        "HappyHorse 1.1 (June), a video generation model.",
        "By offering 4-bit and 8-bit quantized versions, anyone can run it.",
        "Monday, Jan 12, 2026 5:06 am ET.",
        "At Tokyo Game Show 2025 the booth stood out in December 2025.",
        "The Qwen 2.5-Max model and the Qwen 3 Max model were shown.",
        "It took five years and 10 months to build.",
    ],
)
def test_not_claims(sentence):
    assert find_numbers(sentence) == []


def figures(card):
    return {f["text"].strip(): f for f in card["unattributed_numbers"].metrics["figures"]}


def test_seed_001_nearly_every_figure_unattributed(seeds):
    m = seeds["001"]["unattributed_numbers"].metrics
    assert m["total"] >= 10
    assert m["unattributed"] >= 0.85 * m["total"]
    found = figures(seeds["001"])
    for text in ("30M", "700M+", "149%", "119 languages", "$1 trillion", "5,000 businesses", "34%"):
        assert found[text]["status"] == "unattributed", text


def test_seed_004_attributed_and_weak(seeds):
    found = figures(seeds["004"])
    assert found["91 facilities"]["status"] == "attributed" and found["91 facilities"]["source"] == "Reuters"
    assert found["$53 billion"]["status"] == "attributed" and found["$53 billion"]["source"] == "Tech Edition"
    assert found["52%"]["status"] == "attributed" and found["52%"]["source"] == "CNBC TV18"
    assert found["34.1%"]["status"] == "weakly_sourced" and found["34.1%"]["source_type"] == "social"
    assert found["40,000 patients"]["status"] == "weakly_sourced"


def test_seed_000_version_numbers_not_counted(seeds):
    texts = " ".join(figures(seeds["000"]))
    assert "3.7" not in texts and "1.1" not in texts and "1.0" not in texts
    assert "US$53 billion" in figures(seeds["000"])


def test_one_sentence_back_counts_as_attribution(score):
    card = score("Reuters reported the deal on Monday. The price was $4 billion. Later, the price rose to $5 billion.")
    found = figures(card)
    assert found["$4 billion"]["status"] == "attributed"
    assert found["$5 billion"]["status"] == "unattributed"


@pytest.mark.parametrize(
    "sentence",
    [
        "The council voted 7-2 on Tuesday to approve the plan.",
        "Covid-19 cases have fallen in the city.",
        "The iPhone 15 went on sale in September.",
        "Flight BA 117 landed safely at Heathrow.",
        "Call 020 7946 0958 for details about the event.",
        "About 1/3 of managers will leave.",
    ],
)
def test_identifiers_scores_and_phone_numbers_are_not_claims(sentence):
    assert find_numbers(sentence) == []


@pytest.mark.parametrize(
    "sentence, figure, kind",
    [
        ("The group lost £300m last year.", "£300m", "money"),
        ("It raised $45m from investors.", "$45m", "money"),
        ("Shares fell 10-15% in a week.", "10-15%", "percent"),
        ("Debt is 3.5 times earnings.", "3.5 times", "multiplier"),
    ],
)
def test_scales_ranges_and_multipliers(sentence, figure, kind):
    assert [(n.text, n.kind) for n in find_numbers(sentence)] == [(figure, kind)]
