"""Training the sentence models with scikit-learn (only this package imports it).

``python -m hypecheck.train`` trains each model with a fixed seed on the subset of public
labelled data shipped in ``hypecheck/train/data`` (sources, licences and how it was cut:
``data/LICENCES.md``; :mod:`hypecheck.train.subset` cuts it again), evaluates it once on the
held-out split, and writes ``hypecheck/models/NAME.json`` and ``MODEL_CARD.md``. The JSON
holds vocabularies, idf weights and coefficients at full float precision, so
:mod:`hypecheck.classifier` reproduces scikit-learn's probabilities without scikit-learn.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from hypecheck.classifier import GRAM_SEPARATOR, SCHEMA, TermsBlock, model_from_dict, normalize, pack_floats
from hypecheck.lexicon import load_lexicons
from hypecheck.train.tables import NEUTRAL_SETS, TABLES, TableError, read_table

SEED = 0
# In a checkout (or an editable install): the shipped subset, seeds and labels. A wheel has
# none of them, so training there needs --data, --seeds and --seed-labels.
DEFAULT_DATA = Path(__file__).resolve().parent / "data"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models"


@dataclass(frozen=True)
class BlockSpec:
    analyzer: str  # "word", "char_wb" or "terms" (word-list counts)
    ngram_range: tuple[int, int] = (1, 1)
    lowercase: bool = True
    token_pattern: str = r"(?u)\b\w\w+\b"
    min_df: int = 2
    max_features: int | None = None
    sublinear_tf: bool = True
    lexicons: tuple[str, ...] = ()  # "terms": the lexicons whose hits are counted
    scale: float = 1.0  # "terms": each column is scale * log(1 + hits)


@dataclass(frozen=True)
class ModelSpec:
    name: str
    task: str
    normalization: str
    blocks: tuple[BlockSpec, ...]
    C: float = 1.0
    balanced: bool = True
    # Minimal pairs (biased, neutralized) join training as difference rows: x_pre - x_post
    # labelled 1 and its negation labelled 0, each with this weight (0: pairs not used).
    pair_weight: float = 0.0


CLICKBAIT = ModelSpec(
    "clickbait",
    "headline is clickbait (Chakraborty et al. 2016)",
    "none",
    # Case and punctuation carry clickbait ("You Won't Believe ...!"): kept, punctuation as tokens.
    (BlockSpec("word", (1, 3), lowercase=False, token_pattern=r"\w+|[^\w\s]", max_features=60_000),),
    C=30.0,
)


# The sensational, loaded and exaggeration lists (issue 13) join as features, so that the model
# learns from NPOV and WNC how much alarm and accusation mark a biased sentence.
HYPE_TERMS = (
    "hype_adjectives", "peacock_terms", "superlatives", "grand_claims", "intensifiers", "hedges",
    "sensational", "loaded", "exaggeration",
)

PROMOTIONAL = ModelSpec(
    "promotional",
    "sentence is promotional, sensational or loaded (Wikipedia NPOV, Hube & Fetahu 2019)",
    "wnc",
    (
        BlockSpec("word", (1, 2)),
        BlockSpec("char_wb", (2, 5)),
        BlockSpec("terms", lexicons=HYPE_TERMS, scale=0.3),
    ),
    C=1.0,
    pair_weight=3.0,
)

WEASEL = ModelSpec(
    "weasel",
    "sentence attributes a claim vaguely (weasel words, CoNLL-2010 Wikipedia)",
    "wnc",
    (
        BlockSpec("word", (1, 2)),
        BlockSpec("char_wb", (2, 5)),
        BlockSpec("terms", lexicons=("vague_sources", "hedges", "report_verbs"), scale=0.3),
    ),
    C=1.0,
)


def clickbait_data(root: Path) -> tuple[list[str], list[int]]:
    """Chakraborty et al. (2016): clickbait headlines (1), then news headlines (0)."""
    rows = read_table(root / "clickbait.tsv.gz")
    return [text for _, text in rows], [int(label) for label, _ in rows]


def npov_data(root: Path) -> tuple[list[str], list[int]]:
    """Hube & Fetahu (2019): biased statements (1) and the three neutral sets (0), file order."""
    texts, labels, _ = npov_sets(root)
    return texts, labels


def npov_sets(root: Path) -> tuple[list[str], list[int], list[str]]:
    """As :func:`npov_data`, with the set each statement comes from ("biased", "featured", ...)."""
    rows = read_table(root / "npov.tsv.gz")
    return [text for _, text in rows], [int(name == "biased") for name, _ in rows], [name for name, _ in rows]


def wnc_pairs(root: Path, part: str) -> list[tuple[str, str]]:
    """Wiki Neutrality Corpus sample: (biased ``pre``, neutralized ``post``) pairs of ``part``."""
    return [(pre, post) for where, pre, post in read_table(root / "wnc.tsv.gz") if where == part]


def weasel_data(root: Path, part: str) -> tuple[list[str], list[int]]:
    """CoNLL-2010 Wikipedia weasel sentences (1 = weasel) of ``part`` ("train" or "test")."""
    rows = [(text, int(label)) for where, label, text in read_table(root / "weasel.tsv.gz") if where == part]
    return [t for t, _ in rows], [y for _, y in rows]


REPOSITORY = Path(__file__).resolve().parents[2]
SEED_LABELS = REPOSITORY / "tests" / "data" / "seed_labels.tsv"
SEEDS = REPOSITORY / "seeds"


@dataclass(frozen=True)
class Inputs:
    """Everything training reads: the subset tables, the seed articles and their labels."""

    data: Path = DEFAULT_DATA
    seeds: Path = SEEDS
    seed_labels: Path = SEED_LABELS


def seed_labels(path: Path = SEED_LABELS) -> list[dict[str, str]]:
    """The project's own labels of every seed sentence (promotional, vague attribution)."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def missing_input(inputs: Inputs) -> str | None:
    """What training cannot find, as one line naming the option and the path (None: all there)."""
    expected = (("--data", inputs.data, Path.is_dir, "folder"), ("--seeds", inputs.seeds, Path.is_dir, "folder"),
                ("--seed-labels", inputs.seed_labels, Path.is_file, "file"))
    for option, path, is_kind, kind in expected:
        if not is_kind(path):
            return f"{option} {path}: no such {kind}"
    absent = [name for name in TABLES if not (inputs.data / name).is_file()]
    if absent:
        return f"--data {inputs.data}: no {absent[0]} (cut the subset with python -m hypecheck.train.subset --from DATASETS --out DIR)"
    seeds = sorted({row["seed"] for row in seed_labels(inputs.seed_labels)})
    unseen = [seed for seed in seeds if not any(inputs.seeds.glob(f"{seed}_*.txt"))]
    if unseen:
        return f"--seeds {inputs.seeds}: no {unseen[0]}_*.txt for the seed labels in {inputs.seed_labels}"
    return None


@lru_cache(maxsize=1)
def lexicon_analyzer():
    """The lexicons and sentence splitter without the shipped models: training must not
    depend on the models it is about to replace."""
    from hypecheck.pipeline import Analyzer

    return Analyzer.load(models=False)


def lexicon_weights(texts: Sequence[str]) -> list[float]:
    """The lexicon side alone: each text's weighted promotional hits, as the scorecard counts them."""
    from hypecheck.read.load import InputError, read_text
    from hypecheck.dimensions.promotional import find_hits

    analyzer = lexicon_analyzer()
    weights = []
    for text in texts:
        try:
            doc = analyzer.document(read_text(text, "sentence"))
        except InputError:  # a line that is not text (empty after cleaning): no hits
            weights.append(0.0)
            continue
        weights.append(sum(h.weight for h in find_hits(doc, analyzer.lexicons)))
    return weights


SHARES = (0.5, 0.6, 0.7, 0.8, 0.9)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def seed_evaluation(model, inputs: Inputs) -> dict:
    """The in-domain check on the seed labels: how to combine lexicon and model, and what it adds.

    Each sentence's lexicon signal is ``promotional.sentence_signal`` of its weighted hits; the
    combined signal is ``share * lexicon + (1 - share) * model probability``, promotional at or
    above a threshold. Share and threshold are chosen by F1 on the seeds; the estimate reported
    is leave-one-seed-out (chosen on four seeds, scored on the fifth), for the combination and for
    the lexicon alone (share 1, its threshold chosen the same way), so neither is tuned on what
    it is scored on.
    """
    from sklearn.metrics import f1_score, roc_auc_score

    from hypecheck.dimensions.promotional import sentence_signal

    rows = seed_rows(inputs)
    labels = [r["label"] for r in rows]
    lexicon = [sentence_signal(r["weight"]) for r in rows]
    probability = model([r["text"] for r in rows])

    def f1(share: float, threshold: float, picked: Sequence[int]) -> float:
        predicted = [int(share * lexicon[i] + (1 - share) * probability[i] >= threshold) for i in picked]
        return f1_score([labels[i] for i in picked], predicted, zero_division=0)

    def choose(shares: Sequence[float], picked: Sequence[int]) -> tuple[float, float]:
        grid = [(a, t) for a in shares for t in THRESHOLDS]
        return max(grid, key=lambda at: (round(f1(*at, picked), 10), -grid.index(at)))

    def leave_one_seed_out(shares: Sequence[float]) -> float:
        predicted = [0] * len(rows)
        for seed in sorted({r["seed"] for r in rows}):
            inside = [i for i, r in enumerate(rows) if r["seed"] != seed]
            share, threshold = choose(shares, inside)
            for i, r in enumerate(rows):
                if r["seed"] == seed:
                    predicted[i] = int(share * lexicon[i] + (1 - share) * probability[i] >= threshold)
        return round(float(f1_score(labels, predicted)), 4)

    share, threshold = choose(SHARES, range(len(rows)))
    return {
        "sentences": len(rows),
        "promotional": sum(labels),
        "roc_auc_model": round(float(roc_auc_score(labels, probability)), 4),
        "roc_auc_lexicon": round(float(roc_auc_score(labels, lexicon)), 4),
        "f1_lexicon_loso": leave_one_seed_out((1.0,)),
        "f1_combined_loso": leave_one_seed_out(SHARES),
        "combination": {"lexicon_share": share, "threshold": threshold},
        "f1_combined_all_seeds": round(f1(share, threshold, range(len(rows))), 4),
    }


def seed_rows(inputs: Inputs) -> list[dict]:
    """Every labelled seed sentence that promotional scores, with its lexicon weight."""
    from hypecheck.read.load import read_path
    from hypecheck.dimensions.promotional import SCORED_KINDS, find_hits

    analyzer = lexicon_analyzer()
    labels = seed_labels(inputs.seed_labels)
    rows = []
    for seed in sorted({r["seed"] for r in labels}):
        doc = analyzer.document(read_path(next(inputs.seeds.glob(f"{seed}_*.txt"))))
        weights: dict[int, float] = {}
        for hit in find_hits(doc, analyzer.lexicons):
            weights[hit.sentence.index] = weights.get(hit.sentence.index, 0.0) + hit.weight
        labelled = {int(r["sentence"]): r for r in labels if r["seed"] == seed}
        for sentence in doc.sentences:
            if sentence.kind in SCORED_KINDS:
                label = labelled[sentence.index]
                rows.append({"seed": seed, "text": label["text"], "label": int(label["promotional"]), "weight": weights.get(sentence.index, 0.0)})
    return rows


def vague_hits(texts: Sequence[str]) -> list[float]:
    """The lexicon side of sourcing alone: vague-source phrases per text."""
    from hypecheck.lexicon import normalize_words

    vague = lexicon_analyzer().lexicons["vague_sources"]
    return [float(len(vague.find(normalize_words(t)))) for t in texts]


def evaluate_scores(labels: Sequence[int], scores: Sequence[float]) -> dict[str, float]:
    """A lexicon baseline: ROC AUC of its scores, precision/recall/F1 of "any hit"."""
    from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

    predicted = [int(x > 0) for x in scores]
    return {
        "precision": round(float(precision_score(labels, predicted, zero_division=0)), 4),
        "recall": round(float(recall_score(labels, predicted)), 4),
        "f1": round(float(f1_score(labels, predicted)), 4),
        "roc_auc": round(float(roc_auc_score(labels, scores)), 4),
    }


def pair_accuracy(score, pairs: Sequence[tuple[str, str]]) -> float:
    """Share of pairs whose biased side scores above its neutral side (a tie counts half)."""
    before = score([a for a, _ in pairs])
    after = score([b for _, b in pairs])
    return sum(1.0 if x > y else 0.5 if x == y else 0.0 for x, y in zip(before, after)) / len(pairs)


def fit(spec: ModelSpec, texts: Sequence[str], labels: Sequence[int], pairs: Sequence[tuple[str, str]] = ()):
    """Vectorizers and a logistic regression, fitted deterministically.

    The vectorizers learn their vocabulary from ``texts`` (and the pairs' sentences); with
    ``spec.pair_weight`` the pairs add difference rows, which teach the model what an edit
    that removes bias changes, not which article a sentence came from.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    prepared = [normalize(t, spec.normalization) for t in texts]
    pair_texts = [normalize(t, spec.normalization) for pair in pairs for t in pair] if spec.pair_weight else []
    vectorizers: list = []
    for block in spec.blocks:
        if block.analyzer == "terms":
            vectorizers.append(terms_block(block, offset=0))
            continue
        kwargs = dict(
            analyzer=block.analyzer, ngram_range=block.ngram_range, lowercase=block.lowercase,
            min_df=block.min_df, max_features=block.max_features, sublinear_tf=block.sublinear_tf,
        )
        if block.analyzer == "word":
            kwargs["token_pattern"] = block.token_pattern
        vectorizers.append(TfidfVectorizer(**kwargs).fit(prepared + pair_texts))
    features = feature_matrix(vectorizers, prepared)
    targets = list(labels)
    weights = _balanced_weights(targets) if spec.balanced else [1.0] * len(targets)
    if pair_texts:
        from scipy.sparse import vstack

        paired = feature_matrix(vectorizers, pair_texts)
        difference = paired[0::2] - paired[1::2]
        features = vstack([features, difference, -difference]).tocsr()
        targets += [1] * difference.shape[0] + [0] * difference.shape[0]
        weights += [spec.pair_weight] * (2 * difference.shape[0])
    model = LogisticRegression(C=spec.C, max_iter=5000, random_state=SEED).fit(features, targets, sample_weight=weights)
    return vectorizers, model


def _balanced_weights(labels: Sequence[int]) -> list[float]:
    """scikit-learn's class_weight="balanced" as sample weights: n / (classes * count)."""
    counts = {label: labels.count(label) for label in set(labels)}
    return [len(labels) / (len(counts) * counts[label]) for label in labels]


def terms_block(block: BlockSpec, offset: int) -> TermsBlock:
    """The word-list block, its terms taken from the installed lexicons (and stored in the model)."""
    lex = load_lexicons()
    return TermsBlock.from_terms([(name, [e.term for e in lex[name].entries]) for name in block.lexicons], block.scale, offset)


def feature_matrix(vectorizers: Sequence, prepared: Sequence[str]):
    """The stacked features of normalised texts: TF-IDF blocks by scikit-learn, word-list
    blocks by the same code that scores them at run time."""
    from scipy.sparse import csr_matrix, hstack

    parts = []
    for v in vectorizers:
        if isinstance(v, TermsBlock):
            rows, cols, values = [], [], []
            for row, text in enumerate(prepared):
                for col, value in v.features(text).items():
                    rows.append(row), cols.append(col - v.offset), values.append(value)
            parts.append(csr_matrix((values, (rows, cols)), shape=(len(prepared), len(v.names))))
        else:
            parts.append(v.transform(prepared))
    return hstack(parts).tocsr()


def sklearn_probabilities(spec: ModelSpec, vectorizers, model, texts: Sequence[str]) -> list[float]:
    prepared = [normalize(t, spec.normalization) for t in texts]
    return [float(p) for p in model.predict_proba(feature_matrix(vectorizers, prepared))[:, 1]]


def export(spec: ModelSpec, vectorizers, model, meta: dict) -> dict:
    blocks, offset = [], 0
    for block, vectorizer in zip(spec.blocks, vectorizers):
        if isinstance(vectorizer, TermsBlock):
            lists = [[name, [e.term for e in lexicon.entries]] for name, lexicon in zip(vectorizer.names, vectorizer.lists)]
            blocks.append({"analyzer": "terms", "offset": offset, "scale": vectorizer.scale, "lists": lists})
            offset += len(lists)
            continue
        vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
        if any(GRAM_SEPARATOR in gram for gram in vocabulary):
            raise ValueError("an n-gram contains the vocabulary separator")
        blocks.append(
            {
                "analyzer": block.analyzer,
                "ngram_range": list(block.ngram_range),
                "lowercase": block.lowercase,
                "token_pattern": block.token_pattern if block.analyzer == "word" else None,
                "sublinear_tf": block.sublinear_tf,
                "offset": offset,
                "vocabulary": GRAM_SEPARATOR.join(vocabulary),
                "idf": pack_floats(vectorizer.idf_),
                "size": len(vocabulary),
            }
        )
        offset += len(vocabulary)
    return {
        "schema": SCHEMA,
        "name": spec.name,
        "task": spec.task,
        "normalization": spec.normalization,
        "meta": meta,
        "intercept": float(model.intercept_[0]),
        "coef": pack_floats(model.coef_[0]),
        "blocks": blocks,
    }


def split(texts: list[str], labels: list[int], test_size: float = 0.2):
    from sklearn.model_selection import train_test_split

    return train_test_split(texts, labels, test_size=test_size, random_state=SEED, stratify=labels)


def evaluate(labels: Sequence[int], probabilities: Sequence[float]) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score

    predicted = [int(p >= 0.5) for p in probabilities]
    return {
        "precision": round(float(precision_score(labels, predicted)), 4),
        "recall": round(float(recall_score(labels, predicted)), 4),
        "f1": round(float(f1_score(labels, predicted)), 4),
        "roc_auc": round(float(roc_auc_score(labels, probabilities)), 4),
        "accuracy": round(float(accuracy_score(labels, predicted)), 4),
    }


@dataclass(frozen=True)
class Trained:
    """A trainer's result: the model file's content, what was measured, and (for checks) the
    fitted scikit-learn objects and the held-out texts they were measured on."""

    data: dict
    report: dict
    vectorizers: list
    model: object
    test_x: list[str]


def train_clickbait(inputs: Inputs) -> Trained:
    texts, labels = clickbait_data(inputs.data)
    train_x, test_x, train_y, test_y = split(texts, labels)
    vectorizers, model = fit(CLICKBAIT, train_x, train_y)
    metrics = evaluate(test_y, sklearn_probabilities(CLICKBAIT, vectorizers, model, test_x))
    meta = {
        "data": "Chakraborty et al. 2016, Stop Clickbait (ASONAM), MIT licence: 15,999 clickbait and 16,001 news headlines",
        "split": f"stratified 80/20, random_state={SEED}: {len(train_x)} train, {len(test_x)} held-out test",
        "held_out": metrics,
    }
    return Trained(export(CLICKBAIT, vectorizers, model, meta), metrics, vectorizers, model, test_x)


def train_promotional(inputs: Inputs) -> Trained:
    """NPOV 80% (+ WNC train pairs); held out: NPOV 20%, the 100 WNC test pairs, the seed labels."""
    root = inputs.data
    texts, labels = npov_data(root)
    train_x, test_x, train_y, test_y = split(texts, labels)
    pairs = wnc_pairs(root, "train")
    vectorizers, model = fit(PROMOTIONAL, train_x, train_y, pairs)
    data = export(PROMOTIONAL, vectorizers, model, {})
    scored = model_from_dict(data)
    test_pairs = wnc_pairs(root, "test")
    lexicon_pairs = pair_accuracy(lexicon_weights, test_pairs)
    probabilities = sklearn_probabilities(PROMOTIONAL, vectorizers, model, test_x)
    headlines, clickbait = clickbait_held_out(root)
    report = {
        "held_out": evaluate(test_y, probabilities),
        "auc_by_neutral_set": auc_by_neutral_set(root, probabilities),
        "lexicon_baseline": evaluate_scores(test_y, lexicon_weights(test_x)),
        "wnc_pair_accuracy": round(pair_accuracy(scored, test_pairs), 4),
        "lexicon_wnc_pair_accuracy": round(lexicon_pairs, 4),
        "clickbait_roc_auc": round(float(roc_auc(clickbait, scored(headlines))), 4),
        "lexicon_clickbait_roc_auc": round(float(roc_auc(clickbait, lexicon_weights(headlines))), 4),
        "seeds": seed_evaluation(scored, inputs),
        "wnc_test_pairs": len(test_pairs),
    }
    data["meta"] = {
        "data": (
            f"Hube & Fetahu 2019 (WSDM), Wikipedia NPOV statements, CC BY-SA (collection GPL-3.0): {sum(labels):,} biased, "
            f"{len(labels) - sum(labels):,} neutral; plus {len(pairs):,} Wiki Neutrality Corpus train pairs (Pryzant et al. 2020, MIT) as difference rows"
        ),
        "split": (
            f"NPOV stratified 80/20, random_state={SEED}: {len(train_x)} train, {len(test_x)} held-out test; "
            f"WNC: {len(pairs):,} train pairs, {len(test_pairs)} test pairs"
        ),
        **report,
        "combination": report["seeds"]["combination"],
    }
    return Trained(data, report, vectorizers, model, test_x)


def clickbait_held_out(root: Path) -> tuple[list[str], list[int]]:
    """The clickbait model's held-out headlines (the same split): sensational headlines the
    promotional model never trains on, to measure how far it reads them as hype."""
    _, test_x, _, test_y = split(*clickbait_data(root))
    return test_x, test_y


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return roc_auc_score(labels, scores)


def auc_by_neutral_set(root: Path, probabilities: Sequence[float]) -> dict[str, float]:
    """Held-out ROC AUC of the biased statements against each neutral set on its own."""
    from sklearn.metrics import roc_auc_score

    _, labels, names = npov_sets(root)
    _, test_index, _, _ = split(list(range(len(labels))), labels)  # the same split, as indices
    test_names = [names[i] for i in test_index]
    biased = [p for p, name in zip(probabilities, test_names) if name == "biased"]
    result = {}
    for neutral in NEUTRAL_SETS:
        others = [p for p, name in zip(probabilities, test_names) if name == neutral]
        result[neutral] = round(float(roc_auc_score([1] * len(biased) + [0] * len(others), biased + others)), 4)
    return result


def train_weasel(inputs: Inputs) -> Trained:
    """CoNLL-2010 Wikipedia weasel: the task's own train and test files."""
    train_x, train_y = weasel_data(inputs.data, "train")
    test_x, test_y = weasel_data(inputs.data, "test")
    vectorizers, model = fit(WEASEL, train_x, train_y)
    report = {
        "held_out": evaluate(test_y, sklearn_probabilities(WEASEL, vectorizers, model, test_x)),
        "lexicon_baseline": evaluate_scores(test_y, vague_hits(test_x)),
    }
    meta = {
        "data": "CoNLL-2010 shared task, Wikipedia weasel sentences (Szeged uncertainty corpus), CC BY-SA",
        "split": f"the task's split: {len(train_x)} train, {len(test_x)} held-out test",
        **report,
    }
    return Trained(export(WEASEL, vectorizers, model, meta), report, vectorizers, model, test_x)


def write_model(data: dict, directory: Path = MODEL_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    model_from_dict(data)  # refuse to write what cannot be loaded
    path = directory / f"{data['name']}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return path


TRAINERS = {"clickbait": train_clickbait, "promotional": train_promotional, "weasel": train_weasel}


def train_all(inputs: Inputs) -> dict[str, Trained]:
    """Every model, trained and measured (it prints each report as it goes)."""
    trained = {}
    for name, trainer in TRAINERS.items():
        trained[name] = trainer(inputs)
        print(f"{name}: {json.dumps(trained[name].report)}", flush=True)
    return trained


def write_all(trained: dict[str, Trained], out: Path) -> list[Path]:
    """The model files and the model card, written only once every model is trained."""
    paths = [write_model(t.data, out) for t in trained.values()]
    card = out / "MODEL_CARD.md"
    card.write_text(model_card([t.data for t in trained.values()]), encoding="utf-8")
    return paths + [card]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hypecheck.train", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the training subset (default: %(default)s)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="the seed articles (default: %(default)s)")
    parser.add_argument("--seed-labels", type=Path, default=SEED_LABELS, help="their sentence labels (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write the models and card (default: %(default)s)")
    args = parser.parse_args(argv)
    inputs = Inputs(args.data, args.seeds, args.seed_labels)
    problem = missing_input(inputs)
    if problem:
        parser.exit(2, f"{parser.prog}: error: {problem}\n")
    try:
        trained = train_all(inputs)
    except TableError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    for path in write_all(trained, args.out):
        print(f"-> {path}")
    return 0


# The promotional model and lexicons as shipped before issue 13 (commit 2c5410b: puffery lists
# only), measured by this command on the same splits: the card compares the new model with them.
PREVIOUS_PROMOTIONAL = {
    "npov_roc_auc": 0.8071, "wnc_pair_accuracy": 0.695, "clickbait_roc_auc": 0.6527, "seed_roc_auc": 0.7998, "seed_f1_loso": 0.8378,
    "lexicon_npov_roc_auc": 0.555, "lexicon_wnc_pair_accuracy": 0.525, "lexicon_seed_roc_auc": 0.9309, "lexicon_seed_f1_loso": 0.8286,
}
# Measured when the model was chosen (issue 13) and not shipped: the clickbait training headlines
# as extra rows weighing 10%, 25% or 50% of the NPOV rows.
NOT_SHIPPED = (
    "Also measured and not shipped: the clickbait training headlines added as rows weighing 10%, 25% or 50% of "
    "the NPOV rows raised the held-out clickbait ROC AUC to 0.9215, 0.9704, 0.9857 but lowered the NPOV ROC AUC "
    "to 0.8057, 0.7964, 0.7856 and the WNC pair accuracy to 0.665, 0.655, 0.645, and moved no bench/validity "
    "half-A rho by more than 0.01. Headlines have their own model (clickbait), so the sentence model stays a "
    "model of sentences."
)

TARGETS = {"clickbait": ("accuracy", 0.97), "promotional": ("roc_auc", 0.85), "weasel": ("roc_auc", 0.88)}
WNC_TARGET = 0.70


def model_card(models: Sequence[dict]) -> str:
    """The model card, written by the training command from what it just measured."""
    lines = [
        "# hypecheck model card",
        "",
        "Written by `python -m hypecheck.train` (do not edit by hand). Every model is a logistic",
        "regression over TF-IDF n-grams (and, where listed, word-list counts), trained with",
        f"scikit-learn and a fixed seed (random_state={SEED}), shipped as JSON (`hypecheck.linear-model/2`)",
        "and scored without scikit-learn. Each held-out split is used once, for these numbers;",
        "nothing was tuned on it. The lexicon baseline is hypecheck's own word lists on the same split:",
        "the promotional lexicon weight of each sentence, or its count of vague-source phrases.",
        "",
        "| model | task | held-out metric | target | met |",
        "|---|---|---|---|---|",
    ]
    for data in models:
        metric, target = TARGETS[data["name"]]
        value = data["meta"]["held_out"][metric]
        lines.append(f"| {data['name']} | {data['task']} | {metric} {value} | {target} | {'yes' if value >= target else 'no'} |")
        if data["name"] == "promotional":
            pairs = data["meta"]["wnc_pair_accuracy"]
            lines.append(f"| promotional | WNC test pairs: biased above neutralized | pair accuracy {pairs} | {WNC_TARGET} | {'yes' if pairs >= WNC_TARGET else 'no'} |")
    lines.append("")
    for data in models:
        meta, held = data["meta"], data["meta"]["held_out"]
        sizes = [f"{b['size']:,} {b['analyzer']} {'-'.join(map(str, b['ngram_range']))}" for b in data["blocks"] if b["analyzer"] != "terms"]
        sizes += [f"{len(b['lists'])} word-list counts ({', '.join(n for n, _ in b['lists'])}; x{b['scale']})" for b in data["blocks"] if b["analyzer"] == "terms"]
        lines += [
            f"## {data['name']}: {data['task']}",
            "",
            f"- Data: {meta['data']}",
            f"- Split: {meta['split']}",
            f"- Features: {'; '.join(sizes)}; normalisation `{data['normalization']}`",
            "",
            "| held-out | precision | recall | F1 | ROC AUC | accuracy |",
            "|---|---|---|---|---|---|",
            f"| {data['name']} model | {held['precision']} | {held['recall']} | {held['f1']} | {held['roc_auc']} | {held['accuracy']} |",
        ]
        if "lexicon_baseline" in meta:
            base = meta["lexicon_baseline"]
            lines.append(f"| lexicon alone (any hit) | {base['precision']} | {base['recall']} | {base['f1']} | {base['roc_auc']} | - |")
        lines.append("")
        if data["name"] == "promotional":
            seeds = meta["seeds"]
            combo = meta["combination"]
            by_set = meta["auc_by_neutral_set"]
            lines += [
                "Held-out ROC AUC of the biased statements against each neutral set alone: "
                + ", ".join(f"{name} {auc}" for name, auc in by_set.items())
                + ". The cw-hard statements (ones crowd workers judged neutral, from the same pool as the biased"
                f" ones) are the hardest: {by_set['cw-hard']} against them, "
                f"{min(v for k, v in by_set.items() if k != 'cw-hard')}-{max(v for k, v in by_set.items() if k != 'cw-hard')} against the others.",
                "",
                f"WNC test pairs ({meta['wnc_test_pairs']}): the model scores the biased sentence above its neutralized edit in "
                f"{meta['wnc_pair_accuracy']:.1%} of pairs; the lexicon weight in {meta['lexicon_wnc_pair_accuracy']:.1%} "
                f"(ties count half). With {meta['wnc_test_pairs']} pairs the standard error is about "
                f"{100 * (0.25 / meta['wnc_test_pairs']) ** 0.5:.0f} points.",
                "",
                f"Seed labels (`tests/data/seed_labels.tsv`, {seeds['sentences']} sentences, {seeds['promotional']} promotional; "
                "one annotator, news text no Wikipedia set covers): ROC AUC of the model alone "
                f"{seeds['roc_auc_model']}, of the lexicon signal {seeds['roc_auc_lexicon']}. F1, leave-one-seed-out "
                f"(share and threshold chosen on four seeds, scored on the fifth): lexicon alone {seeds['f1_lexicon_loso']}, "
                f"combined {seeds['f1_combined_loso']}. Shipped combination, chosen on all five seeds: lexicon share "
                f"{combo['lexicon_share']}, threshold {combo['threshold']} (F1 {seeds['f1_combined_all_seeds']} in-sample).",
                "",
                *promotional_comparison(meta),
            ]
    return "\n".join(lines)


def promotional_comparison(meta: dict) -> list[str]:
    """Per data set: this model, the previous one and the lexicons alone, on the same splits."""
    before, seeds = PREVIOUS_PROMOTIONAL, meta["seeds"]
    rows = [
        ("NPOV statements (2,390 held out)", "ROC AUC", meta["held_out"]["roc_auc"], before["npov_roc_auc"], meta["lexicon_baseline"]["roc_auc"], before["lexicon_npov_roc_auc"]),
        (f"WNC test pairs ({meta['wnc_test_pairs']})", "pair accuracy", meta["wnc_pair_accuracy"], before["wnc_pair_accuracy"], meta["lexicon_wnc_pair_accuracy"], before["lexicon_wnc_pair_accuracy"]),
        ("clickbait headlines (6,400 held out; never trained on)", "ROC AUC", meta["clickbait_roc_auc"], before["clickbait_roc_auc"], meta["lexicon_clickbait_roc_auc"], "-"),
        (f"seed labels ({seeds['sentences']} sentences)", "ROC AUC", seeds["roc_auc_model"], before["seed_roc_auc"], seeds["roc_auc_lexicon"], before["lexicon_seed_roc_auc"]),
        ("seed labels", "F1 leave-one-seed-out (model: combined)", seeds["f1_combined_loso"], before["seed_f1_loso"], seeds["f1_lexicon_loso"], before["lexicon_seed_f1_loso"]),
    ]
    return [
        "What changed with issue 13 (sensational, loaded and exaggeration lists added to the lexicons and as model features), "
        "per data set, on the same splits:",
        "",
        "| data set | metric | this model | previous model | lexicons alone, now | lexicons alone, before |",
        "|---|---|---|---|---|---|",
        *(f"| {name} | {metric} | {now} | {was} | {lex} | {lex_was} |" for name, metric, now, was, lex, lex_was in rows),
        "",
        "The lexicon columns of the clickbait headlines are near chance because the lexicons skip a capitalised word "
        "inside a sentence as a name, and these headlines are in title case; in the scorecard a headline is read as one.",
        "",
        NOT_SHIPPED,
        "",
    ]
