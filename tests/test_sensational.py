"""Hype in both directions (issue 13): sensational, loaded, exaggerated and shouted language,
every headline checked, quotations weighed by whose words they are.

The four register texts in tests/data/registers/ (provenance in its README.txt) are a fear piece,
a conspiracy piece, a sober wire story on the same grim subject and a sober company-news item.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hypecheck.dimensions.promotional import KINDS

REGISTERS = Path(__file__).resolve().parent / "data" / "registers"


@pytest.fixture(scope="module")
def registers(analyzer):
    return {name: analyzer.score_file(REGISTERS / f"{name}.txt") for name in ("fear_plague", "conspiracy_vegas", "wire_outbreak", "company_results")}


def evidence(card, kind=None):
    return [e for e in card["promotional"].evidence if kind is None or e.kind == kind]


def texts(card, kind=None):
    return {" ".join(e.text.lower().split()) for e in evidence(card, kind)}


def test_fear_and_conspiracy_rank_above_sober_wire_and_company_news(registers):
    score = {name: card["promotional"].score for name, card in registers.items()}
    for loud in ("fear_plague", "conspiracy_vegas"):
        for sober in ("wire_outbreak", "company_results"):
            assert score[loud] > score[sober] + 30, score


def test_the_words_that_drive_the_score_are_the_evidence(registers):
    fear, conspiracy = registers["fear_plague"], registers["conspiracy_vegas"]
    assert {"ticking time bomb", "decimate", "chilling warning", "apocalyptic", "catastrophic"} <= texts(fear, "sensational")
    assert "100% likely" in texts(fear, "exaggeration")
    assert {"lied", "cover-up", "outrageous", "disgraceful"} <= texts(conspiracy, "loaded")
    assert {"?!", "!!", "not"} <= texts(conspiracy, "shouting")


def test_grim_facts_stated_plainly_are_not_sensational(registers, score):
    wire = registers["wire_outbreak"]["promotional"]
    assert wire.metrics["by_kind"]["sensational"]["count"] == 0, texts(registers["wire_outbreak"])
    assert wire.metrics["by_kind"]["loaded"]["count"] == 0
    plain = score("The outbreak killed 40 people in the capital, the ministry said. By the end of the year the death toll stood at 207.")
    assert evidence(plain) == [] or all(e.tag == "classifier" for e in evidence(plain)), texts(plain)
    assert plain["promotional"].metrics["by_kind"]["sensational"]["count"] == 0


def test_the_same_grim_facts_told_to_alarm_are_sensational(score):
    loud = score("The terrifying outbreak killed 40 people in a horrific bloodbath. The apocalyptic death toll stood at 207.")
    assert {"terrifying", "horrific", "bloodbath", "apocalyptic"} <= texts(loud, "sensational")
    assert loud["promotional"].metrics["by_kind"]["sensational"]["count"] >= 4


def test_metrics_give_count_and_weight_per_kind(registers):
    for card in registers.values():
        by_kind = card["promotional"].metrics["by_kind"]
        assert tuple(by_kind) == KINDS
        for kind, figures in by_kind.items():
            found = evidence(card, kind)
            assert figures["count"] == len(found)
            assert figures["weight"] == pytest.approx(sum(e.weight for e in found))
    assert registers["fear_plague"]["promotional"].to_dict()["evidence"][0]["kind"] in KINDS


@pytest.mark.parametrize(
    "title",
    [
        "Black Death: 'It's 100% Likely' It Spreads To The UK And A 'Ticking Time Bomb' Ready To Decimate The World",
        "Is the plague coming back to Europe?",
        "Authorities LIED About Las Vegas Shooter's Hotel Check-In Date",
        "What did the council decide about the bridge, and why does it matter to commuters who cross it every day?",
    ],
)
def test_every_headline_gets_the_clickbait_model(score, title):
    body = "The council met on Tuesday. It voted to repair the bridge next spring, officials said."
    card = score(f"{title}\n\n{body}")
    assert card.article.title.startswith(title.split("?")[0][:30])
    assert isinstance(card["promotional"].metrics["headline_clickbait"], float)
    markdown = score(f"# {title}\n\n{body}", markdown=True)
    assert isinstance(markdown["promotional"].metrics["headline_clickbait"], float)


def test_a_first_line_that_is_running_text_is_no_headline(score):
    card = score("The council met on Tuesday and voted to repair the bridge.\n\nWork starts in spring, officials said.")
    assert card["promotional"].metrics["headline_clickbait"] is None


def test_headline_hype_words_are_tagged_headline(registers):
    headline = [e for e in evidence(registers["fear_plague"]) if e.tag == "headline"]
    assert {"ticking time bomb", "decimate", "100% likely"} <= {e.text.lower() for e in headline}
    assert {e.kind for e in headline} == {"sensational", "exaggeration"}
    assert all(e.reason.startswith("in the headline") for e in headline)
    conspiracy = [e for e in evidence(registers["conspiracy_vegas"]) if e.tag == "headline"]
    assert [e.text for e in conspiracy] == ["LIED"]


def weight_of(card, term):
    return next(e.weight for e in evidence(card) if e.text.lower() == term)


def test_a_speakers_quoted_words_weigh_less_than_the_articles_own(score):
    own = score("The new drug is a catastrophic failure for the company and its patients.")
    quoted = score('"The new drug is a catastrophic failure," said Dr Jane Moss, a critic of the trial.')
    assert weight_of(quoted, "catastrophic") == pytest.approx(weight_of(own, "catastrophic") / 2)
    assert "quotation a speaker said" in next(e.reason for e in evidence(quoted) if e.text.lower() == "catastrophic")


def test_scare_quotes_are_the_articles_voice(score):
    own = score("Officials called the plan a disgraceful waste of money for the town.")
    scare = score('Officials called the plan a "disgraceful" waste of money for the town, the mayor said.')
    assert weight_of(scare, "disgraceful") == pytest.approx(weight_of(own, "disgraceful"))
    assert "scare quotes" in next(e.reason for e in evidence(scare) if e.text.lower() == "disgraceful")


@pytest.mark.parametrize(
    "sentence, shouted",
    [
        ("Do NOT believe what the officials tell you about the hotel.", "NOT"),
        ("They KNEW about the flaw for months before the recall.", "KNEW"),
        ("Authorities LIED about the check-in date, the blog claims.", "LIED"),
        ("Why did nobody tell the residents?!", "?!"),
        ("Share this now!!", "!!"),
    ],
)
def test_shouting_fires(score, sentence, shouted):
    assert shouted.lower() in texts(score(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "NASA and the WHO said the MAU figures from SAP and NVIDIA were checked by the FBI.",
        "THE COUNCIL WILL MEET ON TUESDAY TO DISCUSS THE BUDGET.",
        "Is the bridge safe? Engineers say yes.",
    ],
)
def test_acronyms_capital_lines_and_single_marks_are_not_shouting(score, sentence):
    assert texts(score(sentence), "shouting") == set()


def test_a_word_in_capitals_that_a_lexicon_lists_is_amplified(score):
    plain = weight_of(score("Authorities lied about the check-in date."), "lied")
    shouted = weight_of(score("Authorities LIED about the check-in date."), "lied")
    assert shouted > plain


@pytest.mark.parametrize(
    "fires, quiet, term",
    [
        ("The virus is a ticking time bomb for the region.", "A bomb squad removed the device from the station.", "bomb"),
        ("The new strain could decimate Europe within months.", "The Black Death decimated Europe in 1347.", "decimat"),
        ("Experts issued a chilling warning about the flood defences.", "The patient was treated for panic disorder in hospital.", "panic"),
        ("The senator slammed the report as a cover-up.", "The senator criticised the report and asked for a review.", "cover"),
        ("It is 100% likely that it reaches the whole world.", "About 40% of residents said they were likely to move.", "likely"),
        ("The horror of the night will never leave them, the apocalyptic scenes.", "She wrote horror films for a studio in Leeds.", "horror"),
    ],
)
def test_sensational_lexicons_fire_in_alarm_and_not_in_plain_or_literal_use(score, fires, quiet, term):
    assert any(e.kind in ("sensational", "loaded", "exaggeration") for e in evidence(score(fires))), fires
    assert not [e for e in evidence(score(quiet)) if e.kind in ("sensational", "loaded", "exaggeration")], texts(score(quiet))


def test_a_hedge_inside_a_hype_phrase_does_not_soften_it(score):
    card = score("It is 100% likely that the disease reaches the coast.")
    hit = next(e for e in evidence(card) if e.text.lower() == "100% likely")
    assert "softened" not in hit.reason and hit.weight >= 2.5


def test_summary_names_the_kinds(registers):
    summary = registers["conspiracy_vegas"]["promotional"].summary
    assert "loaded" in summary and "shouting" in summary


def test_an_html_pages_title_is_the_headline_whatever_its_length(analyzer, tmp_path):
    title = "Is the plague coming back to Europe? Experts issue a chilling warning about a ticking time bomb"
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head><body><article>"
        f"<h1>{title}</h1><p>The council met on Tuesday and voted to repair the bridge next spring, officials said. "
        "The work will take six months.</p><p>Residents asked for a footpath during the works, and the council "
        "agreed to consider it in March.</p></article></body></html>",
        encoding="utf-8",
    )
    card = analyzer.score_file(page)
    assert card.article.title == title
    assert isinstance(card["promotional"].metrics["headline_clickbait"], float)
    assert {e.text for e in evidence(card) if e.tag == "headline"} == {"chilling warning", "ticking time bomb"}
