"""The shipped sentence models: JSON only, same probabilities as scikit-learn, retrained
byte for byte from the training subset the repository ships (no data from outside the
checkout), measured on held-out data; and the seed labels still match the sentence splitter."""

from __future__ import annotations

import csv
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hypecheck
from hypecheck import classifier, train
from hypecheck.classifier import (
    MODEL_FILES, SKLEARN_TOKEN_PATTERN, Reading, TermsBlock, char_wb_ngrams, char_wb_words, load_model, logistic,
    normalize, word_ngrams,
)
from hypecheck.lexicon import normalize_words

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "hypecheck" / "models"
INPUTS = train.Inputs()  # the defaults: the subset shipped in hypecheck/train/data, seeds/, the seed labels
SPECS = {"clickbait": train.CLICKBAIT, "promotional": train.PROMOTIONAL, "weasel": train.WEASEL}


def test_analyzers_match_scikit_learn():
    import re

    from sklearn.feature_extraction.text import CountVectorizer

    text = "Alibaba's  Qwen: a truly game-changing, NEW model!! (really)"
    for kwargs in ({"analyzer": "char_wb", "ngram_range": (2, 5)}, {"analyzer": "char_wb", "ngram_range": (1, 3), "lowercase": False}):
        for sample in (text, *EDGE_TEXTS):
            reference = CountVectorizer(**kwargs).build_analyzer()(sample)
            assert char_wb_ngrams(sample, *kwargs["ngram_range"], kwargs.get("lowercase", True)) == reference
    pattern = r"\w+|[^\w\s]"
    reference = CountVectorizer(ngram_range=(1, 3), token_pattern=pattern, lowercase=False).build_analyzer()(text)
    assert word_ngrams(text, re.compile(pattern), 1, 3, False) == reference


def test_training_reads_the_repository_by_default():
    """A fresh clone trains from what it ships: nothing outside the checkout is read."""
    assert INPUTS == train.Inputs(ROOT / "hypecheck" / "train" / "data", ROOT / "seeds", ROOT / "tests" / "data" / "seed_labels.tsv")
    assert train.missing_input(INPUTS) is None


# Texts at the edges of the n-gram analyzers: nothing, whitespace, one-letter words, words
# longer than the n-gram range, non-ASCII (a final sigma, a dotted I, CJK), repeats.
EDGE_TEXTS = (
    "",
    " \t\n ",
    "a",
    "I a x y z",
    "!!! ??? ...",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism",
    "Café naïve Zürich: “ΣΊΣΥΦΟΣ” in İstanbul — 東京 🚀 ﬁne ½",
    "very very very very very good good good, REALLY really good",
    "Game-changing   AI\u00a0model\twins  the   day.",
    "the " * 300,
)


def reference_decision(model, text):
    """One text's decision function straight from the definition: count the n-grams in the
    vocabulary, take their distinct columns in ascending order, sublinear tf times idf, l2
    norm; plus the word-list block; blocks added in order from 0, then the intercept."""
    prepared = normalize(text, model.normalization)
    coef = np.asarray(model.coef, dtype=float)
    total = 0
    for block in model.blocks:
        if isinstance(block, TermsBlock):
            total += sum(float(coef[column]) * value for column, value in block.features(prepared).items())
            continue
        counts = Counter(block.vocabulary[g] for g in block.grams(prepared) if g in block.vocabulary)
        if not counts:
            total += 0.0
            continue
        columns = np.array(sorted(counts))
        n = np.array([counts[c] for c in sorted(counts)])
        tf = 1.0 + np.log(n) if block.sublinear_tf else n.astype(float)
        values = tf * np.asarray(block.idf, dtype=float)[columns]
        total += float(values @ coef[block.offset + columns]) / math.sqrt(float(values @ values))
    return model.intercept + total


@pytest.fixture(scope="module")
def fresh_models():
    """Models of their own, so clearing their caches touches nothing else."""
    return {name: load_model(name) for name in MODEL_FILES}


@pytest.fixture(scope="module")
def sample_texts():
    rows = csv.DictReader((ROOT / "tests" / "data" / "seed_labels.tsv").open(encoding="utf-8"), delimiter="\t")
    seed_sentences = [row["text"] for row in rows]
    assert len(seed_sentences) > 100
    return [*seed_sentences, *EDGE_TEXTS]


@pytest.mark.parametrize("name", sorted(MODEL_FILES))
def test_batched_and_cached_scoring_is_bit_identical_to_the_definition(name, fresh_models, sample_texts):
    model = fresh_models[name]
    expected = [reference_decision(model, t) for t in sample_texts]
    model.clear_cache()
    assert model.decisions(sample_texts) == expected  # one batch, the cache filled as it goes
    assert model.decisions(sample_texts) == expected  # every word already cached
    assert model(sample_texts) == [logistic(z) for z in expected]
    model.clear_cache()
    assert [model.decision(t) for t in reversed(sample_texts)] == expected[::-1]  # one at a time, other order
    assert [model.probability(t) for t in sample_texts] == [logistic(z) for z in expected]
    assert model([]) == []


# Text where the wnc form is easy to get wrong: case that lower-cases to two characters, final
# sigma, ligatures and fractions NFKC splits, combining marks, other scripts' letters and digits,
# apostrophes, underscores, hyphens, every kind of space.
WNC_TRICKY = "aZ9_'’‘“”-–—.,!?İΣσςßﬁ½²३٣é\u0301नमस्ते\u064e東京🚀 \t\n\u00a0\u2028\u3000"


@settings(max_examples=400, deadline=None, derandomize=True)
@given(text=st.one_of(st.text(), st.text(alphabet=WNC_TRICKY)))
def test_a_reading_splits_as_each_block_would(fresh_models, text):
    """Reading's words are filters of the wnc tokens: each must equal the split it replaces."""
    reading = Reading.of(text, "wnc")
    assert reading.text == normalize(text, "wnc")
    assert reading.char_wb_words(True) == char_wb_words(reading.text, True)
    assert reading.char_wb_words(False) == char_wb_words(reading.text, False)
    assert reading.lexicon_words() == normalize_words(reading.text)
    words = [b for name in ("promotional", "weasel") for b in fresh_models[name].blocks if getattr(b, "analyzer", "") == "word"]
    assert words and all(b.token_pattern.pattern == SKLEARN_TOKEN_PATTERN for b in words)
    for block in words:
        assert block._word_tokens(reading) == block.token_pattern.findall(reading.text.lower())
        assert block._word_tokens(Reading(reading.text)) == block.token_pattern.findall(reading.text.lower())


def test_lower_case_is_idempotent_on_every_code_point():
    """What Reading's shortcut rests on: the wnc form, already lower case, lower-cases to itself."""
    changed = [c for c in map(chr, range(sys.maxunicode + 1)) if c.lower().lower() != c.lower()]
    assert changed == []


def test_word_cache_stays_bounded_and_never_changes_a_result(fresh_models, sample_texts, monkeypatch):
    model = fresh_models["promotional"]
    expected = model.decisions(sample_texts)
    monkeypatch.setattr(classifier, "WORD_CACHE_LIMIT", 5)
    caches = [b._word_columns for b in model.blocks if getattr(b, "analyzer", None) == "char_wb"]
    assert caches
    for text in sample_texts:
        assert model.decisions([text]) == [expected[sample_texts.index(text)]]
        # cleared past the limit: at most the limit plus the words of one text
        assert all(len(c) <= 5 + len(normalize(text, model.normalization).split()) for c in caches)


@pytest.fixture(scope="module")
def retrained(tmp_path_factory):
    """Every model trained again from the shipped subset and written as the training command
    writes it (``python -m hypecheck.train --out DIR``): {name: Trained}, and the folder."""
    out = tmp_path_factory.mktemp("models")
    trained = train.train_all(INPUTS)
    train.write_all(trained, out)
    return trained, out


@pytest.mark.parametrize("name", ["clickbait.json", "promotional.json", "weasel.json", "MODEL_CARD.md"])
def test_retraining_from_the_shipped_subset_gives_the_shipped_files_byte_for_byte(name, retrained):
    _, out = retrained
    assert (out / name).read_bytes() == (MODELS / name).read_bytes()


@pytest.mark.parametrize("name", ["clickbait", "promotional", "weasel"])
def test_shipped_json_models_score_as_scikit_learn_does(name, retrained):
    trained = retrained[0][name]
    texts = trained.test_x[:400]
    reference = train.sklearn_probabilities(SPECS[name], trained.vectorizers, trained.model, texts)
    assert max(abs(a - b) for a, b in zip(reference, load_model(name)(texts))) < 1e-9


def test_combined_signal_beats_the_lexicon_on_the_seed_labels_and_ranks_001_first(seeds):
    seeds_report = load_model("promotional").meta["seeds"]
    assert seeds_report["f1_combined_loso"] > seeds_report["f1_lexicon_loso"]
    ranked = sorted(seeds, key=lambda k: -seeds[k]["promotional"].score)
    assert ranked[0] == "001"
    # and the model part alone sees 001 as more promotional than the sober 000
    assert seeds["001"]["promotional"].metrics["classifier_top"] > seeds["000"]["promotional"].metrics["classifier_top"]


def test_wnc_pairs_beat_chance_and_the_lexicon():
    meta = load_model("promotional").meta
    assert meta["wnc_pair_accuracy"] > meta["lexicon_wnc_pair_accuracy"] and meta["wnc_pair_accuracy"] >= 0.6


# The targets of the classifier issue that the linear models do not reach yet (MODEL_CARD.md
# says by how much). strict: when a better model reaches one, this fails until the mark is removed.
UNMET = pytest.mark.xfail(strict=True, reason="target not reached by the shipped linear model; see MODEL_CARD.md")


@UNMET
def test_target_npov_roc_auc():
    texts, labels = train.npov_data(INPUTS.data)
    _, test_x, _, test_y = train.split(texts, labels)
    assert train.evaluate(test_y, load_model("promotional")(test_x))["roc_auc"] >= 0.85


@UNMET
def test_target_weasel_roc_auc():
    test_x, test_y = train.weasel_data(INPUTS.data, "test")
    assert train.evaluate(test_y, load_model("weasel")(test_x))["roc_auc"] >= 0.88


@UNMET
def test_target_wnc_pair_accuracy():
    assert train.pair_accuracy(load_model("promotional"), train.wnc_pairs(INPUTS.data, "test")) >= 0.70


def test_clickbait_model_is_on_target():
    texts, labels = train.clickbait_data(INPUTS.data)
    _, test_x, _, test_y = train.split(texts, labels)
    shipped = load_model("clickbait")
    assert shipped.meta["held_out"]["accuracy"] >= 0.97
    assert train.evaluate(test_y, shipped(test_x))["accuracy"] >= 0.97


def test_promotional_evidence_shows_the_sentence_probability(seeds):
    result = seeds["001"]["promotional"]
    lexicon = [e for e in result.evidence if e.tag != "classifier"]
    hit_sentences = {e.sentence for e in lexicon if e.tag != "clickbait_headline"}
    said = [e.sentence for e in lexicon if "the wording model finds this sentence" in e.reason]
    assert hit_sentences and sorted(said) == sorted(hit_sentences)  # once for every sentence with hits
    metrics = result.metrics
    assert 0 < metrics["classifier_mean"] < metrics["classifier_top"] <= 1
    share = metrics["combination"]["lexicon_share"]
    expected = share * metrics["lexicon_score"] + (1 - share) * 100 * metrics["classifier_top"]
    assert abs(result.score - expected) < 1e-9


def test_model_finds_hype_in_plain_words_that_no_lexicon_term_matches():
    card = hypecheck.score_text(
        "The council met on Tuesday. The band has won the hearts of millions of fans around the world. "
        "The meeting ended at noon. Tickets cost ten pounds."
    )
    assert card["promotional"].metrics["hits"] == 0  # no lexicon term in any sentence
    model_only = [e for e in card["promotional"].evidence if e.tag == "classifier"]
    assert [e.text for e in model_only] == ["The band has won the hearts of millions of fans around the world."]
    assert "the wording model" in model_only[0].reason and "p=" not in model_only[0].reason
    assert 0 < model_only[0].weight < 1 and card["promotional"].score > 0  # the probability, kept as the weight


def test_weasel_model_shows_a_vague_attribution_no_pattern_covers():
    card = hypecheck.score_text("The council met on Tuesday to approve the budget. Many consider the merger a mistake.")
    weasel = [e for e in card["sourcing"].evidence if e.tag == "weasel"]
    assert [e.text for e in weasel] == ["Many consider the merger a mistake."]
    assert "fairly sure" in weasel[0].reason and "p=" not in weasel[0].reason  # the model's p >= 0.8, in words
    assert card["sourcing"].metrics["weasel_sentences"] == 1
    plain = hypecheck.score_text("The council met on Tuesday to approve the budget. The meeting ended at noon.")
    assert plain["sourcing"].metrics["weasel_sentences"] == 0


def test_headline_model_in_the_scorecard():
    card = hypecheck.score_text("You Won't Believe What This AI Did Next\n\nThe model wrote a poem, its makers said on Monday.")
    metrics = card["promotional"].metrics
    assert metrics["headline_clickbait"] > 0.9
    assert any(e.tag == "clickbait_headline" for e in card["promotional"].evidence)
    sober = hypecheck.score_text("Council approves budget for next year\n\nThe council approved the budget on Monday.")
    assert sober["promotional"].metrics["headline_clickbait"] < 0.5


def test_model_files_are_json_not_code():
    for path in (ROOT / "hypecheck" / "models").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["schema"] == "hypecheck.linear-model/2"
    assert not [p for p in (ROOT / "hypecheck").rglob("*") if p.suffix in (".pkl", ".pickle", ".joblib")]


def test_seed_labels_match_the_sentence_splitter():
    rows = list(csv.DictReader((ROOT / "tests" / "data" / "seed_labels.tsv").open(encoding="utf-8"), delimiter="\t"))
    analyzer = hypecheck.default_analyzer()
    from hypecheck.read.load import read_path

    by_seed: dict[str, list[dict]] = {}
    for row in rows:
        by_seed.setdefault(row["seed"], []).append(row)
    for seed, labelled in by_seed.items():
        path = next((ROOT / "seeds").glob(f"{seed}_*.txt"))
        doc = analyzer.document(read_path(path))
        assert [" ".join(doc.original[s.start:s.end].split()) for s in doc.sentences] == [r["text"] for r in labelled]
    assert sum(r["promotional"] == "1" for r in rows if r["seed"] == "001") > 10


def test_models_of_one_article_share_their_readings_and_score_as_alone(fresh_models, sample_texts):
    """for_article binds the linear models to one memo of readings: the weasel model reads what
    the promotional model read (no new Reading), and each scores exactly as it does alone."""
    from hypecheck.facts import Models

    models = Models(fresh_models["promotional"], fresh_models["clickbait"], fresh_models["weasel"])
    article = classifier.for_article(models)
    assert article.promotional.meta is models.promotional.meta
    assert article.promotional(sample_texts) == models.promotional(sample_texts)
    readings = article.promotional.readings
    assert readings is article.weasel.readings and len(readings) == len(set(sample_texts))
    subset = sample_texts[::3]
    assert article.weasel(subset) == models.weasel(subset)
    assert len(readings) == len(set(sample_texts))  # nothing read twice
    assert article.headline(subset) == models.headline(subset)  # read its own way ("none")
    assert classifier.for_article(models).weasel.readings == {}  # a new article starts afresh
