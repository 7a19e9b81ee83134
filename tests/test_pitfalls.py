"""AI-journalism pitfalls (Kapoor & Narayanan 2022): the seed facts, and sentences that must and
must not fire for each pattern."""

from __future__ import annotations

import json

import pytest

from hypecheck import score_text
from hypecheck.dimensions.pitfalls import KEYS
from hypecheck.render.markdown import render_markdown
from hypecheck.render.text import render_text

# Filler that names AI twice (so the checklist applies) but no people, caveat or prediction, so
# each test sentence stands alone.
FILLER = "The firm opened an AI lab in Leeds. It sells AI software to banks. Its staff work in three teams."


def pitfall(text: str, key: str):
    card = score_text(text)
    return next(p for p in card.pitfalls if p.key == key)


def fires(sentence: str, key: str) -> bool:
    return pitfall(f"{FILLER} {sentence}", key).flagged


# --- the seeds -------------------------------------------------------------------------------


def test_seed_004_compares_ai_with_human_doctors(seeds):
    p = next(p for p in seeds["004"].pitfalls if p.key == "human_comparison")
    assert p.flagged
    quoted = [seeds["004"].sentence_text(e.sentence) for e in p.evidence]
    assert any("human doctors by 34.1%" in q for q in quoted)
    assert any(e.text == "AI surpassing human doctors" for e in p.evidence)


def test_seed_004_reports_a_benchmark_without_a_caveat(seeds):
    p = next(p for p in seeds["004"].pitfalls if p.key == "performance_without_caveat")
    assert p.flagged
    assert any("outperformed competitors in key benchmarks" in e.text for e in p.evidence)
    # "real-world trials with 40,000 patients" names a test: that sentence is not flagged.
    assert p.metrics["caveated"] >= 1
    assert not any("40,000 patients" in seeds["004"].sentence_text(e.sentence) for e in p.evidence)


def test_seed_002_likens_itself_to_android(seeds):
    p = next(p for p in seeds["002"].pitfalls if p.key == "historical_analogy")
    assert p.flagged
    assert [e.text for e in p.evidence] == ["the Android of the LLM era"]


def test_seed_001_is_certain_of_the_future_and_admits_no_limitation(seeds):
    card = seeds["001"]
    future = next(p for p in card.pitfalls if p.key == "future_certainty")
    assert future.flagged
    assert any("poised to lead" in e.text for e in future.evidence)
    limits = next(p for p in card.pitfalls if p.key == "limitations")
    assert limits.flagged
    assert limits.metrics["caveat_sentences"] == 0 and limits.metrics["first_caveat_share"] is None


def test_seed_003_shows_where_its_caveat_appears(seeds):
    card = seeds["003"]
    p = next(p for p in card.pitfalls if p.key == "limitations")
    share = p.metrics["first_caveat_share"]
    assert 0 < share < 0.5 and not p.flagged
    first = p.evidence[0]
    assert first.text == "Despite"
    assert "global market share remains modest" in card.sentence_text(first.sentence)
    assert f"{share:.0%}" in p.finding and f"{share:.0%}" in first.reason


def test_sober_seed_000_makes_no_ai_claims(seeds):
    flagged = {p.key for p in seeds["000"].flagged_pitfalls}
    assert not flagged & {"human_comparison", "agency", "historical_analogy", "performance_without_caveat", "future_certainty"}


def test_every_seed_has_all_seven_checks_with_evidence_quoted_from_the_original(seeds):
    for card in seeds.values():
        assert tuple(p.key for p in card.pitfalls) == KEYS
        for p in card.pitfalls:
            assert p.checklist and p.explanation and p.finding
            for e in p.evidence:
                assert card.original[e.start : e.end] == e.text


# --- must and must not fire ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The new AI model outperformed radiologists at reading chest scans.",
        "Its chatbot now beats human lawyers on the bar exam.",
        "The algorithm could soon rival experienced doctors in diagnosis.",
    ],
)
def test_human_comparison_fires(sentence):
    assert fires(sentence, "human_comparison")


@pytest.mark.parametrize(
    "sentence",
    [
        "The striker outperformed his rival in the second half.",  # sport: no AI
        "The AI model outperformed competitors in key benchmarks.",  # no people
        "Doctors outperformed the AI model in the trial.",  # people beat the AI
        "The company hired AI researchers and engineers to expand its team.",
    ],
)
def test_human_comparison_does_not_fire(sentence):
    assert not fires(sentence, "human_comparison")


@pytest.mark.parametrize(
    "sentence",
    [
        "The AI decided to reject the loan application.",
        "The model understands what its users want.",
        "Chatbots think in ways their makers cannot follow.",
        "The algorithm can decide who gets a mortgage.",
    ],
)
def test_agency_fires(sentence):
    assert fires(sentence, "agency")


@pytest.mark.parametrize(
    "sentence",
    [
        "Users decided the AI was useful.",
        "An AI think tank published a report on Tuesday.",
        "Researchers understand the model well.",
        "The AI market wants more chips.",
    ],
)
def test_agency_does_not_fire(sentence):
    assert not fires(sentence, "agency")


@pytest.mark.parametrize(
    "sentence, evidence",
    [
        ("The startup wants to be the Netflix of the streaming age.", "the Netflix of the streaming age"),
        ("Its chief calls the product a paradigm shift for banking.", "paradigm shift"),
        ("Investors say the chips will usher in a new era of computing.", "new era"),
    ],
)
def test_historical_analogy_fires(sentence, evidence):
    p = pitfall(f"{FILLER} {sentence}", "historical_analogy")
    assert p.flagged and evidence in [e.text for e in p.evidence]


@pytest.mark.parametrize(
    "sentence",
    ["The Bank of England raised rates again.", "The company will transform its shops into offices."],
)
def test_historical_analogy_does_not_fire(sentence):
    assert not fires(sentence, "historical_analogy")


def test_performance_claim_without_caveat_fires():
    assert fires("The model achieved 97% accuracy on the benchmark.", "performance_without_caveat")


@pytest.mark.parametrize(
    "text",
    [
        "The model achieved 97% accuracy on the benchmark, with a margin of error of two points.",
        "The model achieved 97% accuracy on the benchmark (±2%).",
        "The model achieved 97% accuracy on the benchmark. The test set had only 200 images.",
        "The stock outperformed the index this year.",  # no AI named: a market claim, not a model's
    ],
)
def test_performance_claim_with_caveat_or_without_ai_does_not_fire(text):
    assert not fires(text, "performance_without_caveat")


def test_self_interested_sources_alone_fire_and_independent_ones_balance_them():
    company_only = (
        "Acme said its new AI model is the fastest on the market. CEO Jane Roe said sales doubled. "
        "Acme opened an AI lab in Leeds."
    )
    p = pitfall(company_only, "self_interested_source")
    assert p.flagged and p.metrics["self_interested"] == 2 and p.metrics["independent"] == 0
    assert any("Jane Roe" in e.text for e in p.evidence)
    balanced = company_only + (
        " According to Reuters, sales rose less than that. Bloomberg reported the same. "
        "The Financial Times said rivals grew faster."
    )
    q = pitfall(balanced, "self_interested_source")
    assert not q.flagged and q.metrics["independent"] == 3


def test_limitations_missing_parked_and_early():
    plain = "The firm sells AI software. " + " ".join(f"The AI firm added office number {n}." for n in range(1, 8))
    missing = pitfall(plain, "limitations")
    assert missing.flagged and missing.metrics["first_caveat_share"] is None
    parked = pitfall(plain + " Critics warn that the offices may stay empty.", "limitations")
    assert parked.flagged and parked.metrics["first_caveat_share"] == pytest.approx(8 / 9)
    early = pitfall("Critics warn that the offices may stay empty. " + plain, "limitations")
    assert not early.flagged and early.metrics["first_caveat_share"] == 0
    assert "0% of the way" in early.finding


def test_limitations_ignores_a_plan_to_challenge_someone():
    assert pitfall(f"{FILLER} It plans to challenge the market leader.", "limitations").flagged


@pytest.mark.parametrize(
    "sentence",
    [
        "AI will transform every industry.",
        "The AI firm is poised to lead the market.",
        "Spending on AI is set to reach $4 trillion in the next five years.",
    ],
)
def test_future_certainty_fires(sentence):
    assert fires(sentence, "future_certainty")


@pytest.mark.parametrize(
    "sentence",
    [
        "AI will likely transform some industries.",  # hedged
        "If the trial works, the firm will lead the market.",  # a condition
        "Will AI transform every industry?",  # a question
        "Voters lacked the political will to act.",  # "will" the noun
        "In 2024 the firm said revenue reached $4 billion by 2021.",  # a past year
        "The shareholder meeting will be held on Tuesday in Dublin.",  # not about AI or the company
        "The film starring Will Smith uses AI for its effects.",  # a name
        '"Will AI replace radiologists?" asked the chair.',  # a question in quotes
        "AI will reach every hospital within a decade, according to Reuters.",  # an independent source says so
    ],
)
def test_future_certainty_does_not_fire(sentence):
    assert not fires(sentence, "future_certainty")


def test_overlapping_certainty_words_count_once():
    p = pitfall(f"{FILLER} There is no doubt that AI will transform medicine.", "future_certainty")
    assert p.metrics["predictions"] == 1


def test_future_figure_uses_the_articles_own_year():
    text = "Published 12 March 2026\n\nThe regional AI market represents $1 trillion by 2030. The firm sells AI software."
    p = pitfall(text, "future_certainty")
    assert p.metrics["reference_year"] == 2026
    assert [e.text for e in p.evidence] == ["by 2030"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nvidia, the AI chipmaker, beat analysts' estimates for the third quarter.",
        "Revenue from the company's AI business exceeded expectations.",
        "AI will not replace doctors, experts say.",
        "Will AI replace doctors? Experts say no.",
    ],
)
def test_finance_negation_and_questions_are_not_human_comparisons(sentence):
    assert not fires(sentence, "human_comparison")


@pytest.mark.parametrize(
    "sentence",
    [
        "AI is feared by many workers.",  # passive
        "The AI model does not understand language, experts say.",  # negated: the opposite claim
        "He is a role model who believed in hard work.",
        "The pilot and copilot decided to return to the airport.",
    ],
)
def test_passives_negations_and_other_models_are_not_agency(sentence):
    assert not fires(sentence, "agency")


def test_possessive_ai_terms_count():
    assert fires("The model's accuracy reached 94% on the benchmark.", "performance_without_caveat")
    assert fires("ChatGPT's answers beat doctors in a study of letters.", "human_comparison")


@pytest.mark.parametrize(
    "sentence",
    [
        "The AI model delivered flawless results.",
        "It is the firm's most capable AI model yet.",
        "Warner shares rose after the AI deal.",
        "There is no doubt the AI model is fast.",
    ],
)
def test_words_that_only_look_like_caveats(sentence):
    assert pitfall(f"{FILLER} {sentence}", "limitations").metrics["caveat_sentences"] == 0


def test_analogy_at_the_start_of_a_sentence_and_not_a_job_title():
    assert fires("The Tesla of the AI era is here.", "historical_analogy")
    assert not fires("Jane Doe, the CEO of the airline industry group, spoke about AI.", "historical_analogy")


def test_the_checklist_applies_to_ai_coverage_in_english_only():
    match = (
        "Arsenal beat Chelsea 2-1 on Saturday. Saka scored twice. The striker outperformed his rival. "
        "Arsenal will face Manchester City next weekend. The crowd was 60,000."
    )
    card = score_text(match)
    assert not card.flagged_pitfalls
    assert all(p.metrics["applicable"] is False and "names AI in 0 sentences" in p.finding for p in card.pitfalls)
    german = (
        "Die KI von Alibaba wird die Branche verändern. Das Unternehmen sagt, die KI sei besser als Ärzte. "
        "Die Aktie stieg um zehn Prozent. Analysten erwarten weiteres Wachstum in den nächsten Jahren. "
        "Die Firma eröffnet neue Rechenzentren in Europa und Asien für ihre Kunden."
    )
    assert all(p.metrics["applicable"] is False for p in score_text(german).pitfalls)


# --- the scorecard and its renderings --------------------------------------------------------


def test_pitfalls_are_a_section_of_the_json_and_not_part_of_the_hype_index(seeds):
    card = seeds["004"]
    data = json.loads(card.to_json())
    section = data["pitfalls"]
    assert "Kapoor & Narayanan" in section["checklist"]
    assert [item["key"] for item in section["items"]] == list(KEYS)
    assert section["flagged"] == [p.key for p in card.flagged_pitfalls]
    assert set(data["dimensions"]) == set(data["hype_weights"])  # five dimensions, no sixth score
    assert "pitfalls" not in data["hype_weights"]


def test_text_and_markdown_list_every_pitfall_with_the_checklist_wording(seeds):
    card = seeds["004"]
    text, markdown = render_text(card), render_markdown(card)
    for p in card.pitfalls:
        assert p.checklist in text and p.checklist in markdown
    assert "[x] Comparison with human skills" in text
    assert "| Comparison with human skills | yes |" in markdown
    assert "»AI surpassing human doctors«" in text


def test_seed_001_tops_a_leaderboard_without_a_caveat(seeds):
    p = next(p for p in seeds["001"].pitfalls if p.key == "performance_without_caveat")
    assert p.flagged
    assert any("top performance on the SEA-HELM leaderboard" in e.text for e in p.evidence)


def test_a_leaderboard_needs_ai_in_the_paragraph_and_outperforming_needs_it_in_the_sentence():
    assert fires("The new model reads scans. It tops the leaderboard for chest X-rays.", "performance_without_caveat")
    assert not fires("The new model reads scans. Its shares outperformed the index.", "performance_without_caveat")
    # a critic in the next sentence is a caveat too
    assert not fires("The AI model hit 90% accuracy on the benchmark. Critics warn the test is flawed.", "performance_without_caveat")


def test_markdown_keeps_the_spaces_around_marked_words(seeds):
    markdown = render_markdown(seeds["004"])
    assert "Alibaba’s **AI surpassing human doctors** by 34.1%" in markdown
    assert "Alibaba’s**AI" not in markdown and "doctors**by" not in markdown
