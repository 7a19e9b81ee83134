"""The Scorecard: stable JSON schema, explained scores, evidence that points into the original."""

from __future__ import annotations

import json

from hypecheck import DIMENSIONS, HYPE_WEIGHTS


def test_schema_keys(seeds):
    data = seeds["001"].to_dict()
    assert data["schema"] == "hypecheck.scorecard/1"
    assert {"id", "path", "title", "words", "sentences"} <= set(data["article"])
    assert set(data["dimensions"]) == set(DIMENSIONS)
    for name in DIMENSIONS:
        assert {"score", "label", "metrics", "evidence"} <= set(data["dimensions"][name])
    dims = data["dimensions"]
    assert {"flesch_reading_ease", "flesch_kincaid_grade"} <= set(dims["readability"]["metrics"])
    assert {"named", "vague", "sources"} <= set(dims["sourcing"]["metrics"])
    assert "disclosed" in dims["ai_disclosure"]["metrics"]
    assert {"total", "unattributed"} <= set(dims["unattributed_numbers"]["metrics"])
    assert "matched_terms" in dims["promotional"]["metrics"]


def test_scores_in_range_and_hype_index_is_weighted_mean(seeds):
    assert abs(sum(HYPE_WEIGHTS.values()) - 1) < 1e-9
    for card in seeds.values():
        scores = {n: card[n].score for n in DIMENSIONS}
        assert all(0 <= s <= 100 for s in scores.values())
        assert abs(card.hype_index - sum(HYPE_WEIGHTS[n] * scores[n] for n in DIMENSIONS)) < 1e-9


def test_every_score_above_zero_has_evidence(seeds):
    for key, card in seeds.items():
        for name in DIMENSIONS:
            if card[name].score > 0:
                assert card[name].evidence, (key, name)
            assert card[name].summary


def test_evidence_spans_quote_the_original_exactly(seeds):
    for card in seeds.values():
        for name in DIMENSIONS:
            for e in card[name].evidence:
                assert card.original[e.start:e.end] == e.text
                s_start, s_end, _ = card.sentence_spans[e.sentence]
                assert s_start <= e.start <= e.end <= s_end


def test_json_is_byte_identical_across_runs(analyzer):
    from hypecheck.pipeline import Analyzer

    fresh = Analyzer.load()
    for path in ("seeds/001_cc3d44188af943b4.txt", "seeds/004_6f4f04f3f6ab83e6.txt"):
        assert analyzer.score_file(path).to_json() == fresh.score_file(path).to_json()
        json.loads(fresh.score_file(path).to_json())


def test_hype_index_orders_pr_copy_above_news(seeds):
    assert seeds["001"].hype_index > seeds["002"].hype_index
    assert seeds["001"].hype_index > seeds["000"].hype_index


def test_extended_lexicon_changes_scores(analyzer):
    text = "The new phone is stellar and the camera is stellar too, reviewers were told on Monday."
    before = analyzer.score_text(text)["promotional"].score
    richer = analyzer.with_lexicons(analyzer.lexicons.extended({"peacock_terms": [("stellar", 2.0)]}))
    after = richer.score_text(text)["promotional"]
    assert after.score > before
    assert any(e.text == "stellar" for e in after.evidence)
    # The original analyzer is untouched.
    assert analyzer.score_text(text)["promotional"].score == before
