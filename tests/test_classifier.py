"""The shipped sentence models: JSON only, same probabilities as scikit-learn, reproducible,
measured on held-out data; and the seed labels still match the sentence splitter."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import hypecheck
from hypecheck import train
from hypecheck.classifier import char_wb_ngrams, load_model, word_ngrams

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets"
needs_data = pytest.mark.skipif(not (DATA / "README.md").exists(), reason=f"training data not found at {DATA}")


def test_analyzers_match_scikit_learn():
    import re

    from sklearn.feature_extraction.text import CountVectorizer

    text = "Alibaba's  Qwen: a truly game-changing, NEW model!! (really)"
    for kwargs in ({"analyzer": "char_wb", "ngram_range": (2, 5)}, {"analyzer": "char_wb", "ngram_range": (1, 3), "lowercase": False}):
        reference = CountVectorizer(**kwargs).build_analyzer()(text)
        assert char_wb_ngrams(text, *kwargs["ngram_range"], kwargs.get("lowercase", True)) == reference
    pattern = r"\w+|[^\w\s]"
    reference = CountVectorizer(ngram_range=(1, 3), token_pattern=pattern, lowercase=False).build_analyzer()(text)
    assert word_ngrams(text, re.compile(pattern), 1, 3, False) == reference


@needs_data
def test_clickbait_model_is_reproducible_equal_to_sklearn_and_on_target():
    texts, labels = train.clickbait_data(DATA)
    train_x, test_x, train_y, test_y = train.split(texts, labels)
    vectorizers, model = train.fit(train.CLICKBAIT, train_x, train_y)
    shipped = load_model("clickbait")
    reference = train.sklearn_probabilities(train.CLICKBAIT, vectorizers, model, test_x[:500])
    ours = shipped(test_x[:500])
    assert max(abs(a - b) for a, b in zip(reference, ours)) < 1e-9
    exported = train.export(train.CLICKBAIT, vectorizers, model, shipped.meta)
    committed = json.loads((ROOT / "hypecheck" / "models" / "clickbait.json").read_text(encoding="utf-8"))
    assert exported == committed  # retraining from the same data gives the committed file
    assert shipped.meta["held_out"]["accuracy"] >= 0.97
    assert train.evaluate(test_y, shipped(test_x))["accuracy"] >= 0.97


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
        assert data["schema"] == "hypecheck.linear-model/1"
    assert not [p for p in (ROOT / "hypecheck").rglob("*") if p.suffix in (".pkl", ".pickle", ".joblib")]


def test_seed_labels_match_the_sentence_splitter():
    rows = list(csv.DictReader((ROOT / "tests" / "data" / "seed_labels.tsv").open(encoding="utf-8"), delimiter="\t"))
    analyzer = hypecheck.default_analyzer()
    from hypecheck.load import read_path

    by_seed: dict[str, list[dict]] = {}
    for row in rows:
        by_seed.setdefault(row["seed"], []).append(row)
    for seed, labelled in by_seed.items():
        path = next((ROOT / "seeds").glob(f"{seed}_*.txt"))
        doc = analyzer.document(read_path(path))
        assert [" ".join(doc.original[s.start:s.end].split()) for s in doc.sentences] == [r["text"] for r in labelled]
    assert sum(r["promotional"] == "1" for r in rows if r["seed"] == "001") > 10
