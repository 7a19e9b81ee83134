"""Linear sentence models stored as JSON, scored without scikit-learn.

A model file (schema ``hypecheck.linear-model/2``) holds how text is normalised, one or more
TF-IDF feature blocks (a vocabulary mapping each n-gram to its column, stored as one string of
n-grams in column order; the idf weights and coefficients as base64 float64, so they load fast
and exactly; the
n-gram range, word or char_wb analysis), optionally a block of word-list counts (the terms of
each list are stored in the file, so the model does not change when a lexicon is edited), and
the coefficients and intercept of a logistic regression over the stacked blocks. Scoring re-creates exactly what scikit-learn's
TfidfVectorizer computes (same analyzers, sublinear tf, idf, l2 norm per block) and takes a
sparse dot product: a dict lookup per n-gram. Nothing here executes code from the file.

Training lives in :mod:`hypecheck.train` (scikit-learn); this module is all scoring needs.
"""

from __future__ import annotations

import base64
import json
import math
import re
import unicodedata
from functools import cached_property
from itertools import repeat
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Mapping, Sequence, Union

import numpy as np

from hypecheck.lexicon import Lexicon, make_entry, normalize_words

SCHEMA = "hypecheck.linear-model/2"
GRAM_SEPARATOR = "\n"  # between the n-grams of a vocabulary; no n-gram contains whitespace other than " "


def pack_floats(values: Iterable[float]) -> str:
    """Float64 values, little-endian, base64: exact, and a tenth of the time to parse as JSON numbers."""
    return base64.b64encode(np.asarray(list(values), dtype="<f8").tobytes()).decode("ascii")


def unpack_floats(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<f8")
MODEL_FILES = {"promotional": "promotional.json", "weasel": "weasel.json", "clickbait": "clickbait.json"}

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "`": "'"})
_WNC_TOKEN = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")
_WHITE = re.compile(r"\s\s+")


def normalize(text: str, how: str) -> str:
    """The text normalisation a model was trained with.

    ``wnc``: NFKC, ASCII quotes and dashes, lower case, punctuation split into tokens: the form
    of the Wiki Neutrality Corpus, applied to every input so train and use text look alike.
    ``none``: the text as it is (the clickbait model keeps case and punctuation).
    """
    if how == "none":
        return text
    if how == "wnc":
        folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
        return " ".join(_WNC_TOKEN.findall(folded))
    raise ValueError(f"unknown normalisation {how!r}")


def word_ngrams(text: str, pattern: re.Pattern[str], low: int, high: int, lowercase: bool) -> list[str]:
    """scikit-learn's 'word' analyzer: tokens by ``token_pattern``, then n-grams joined by spaces."""
    tokens = pattern.findall(text.lower() if lowercase else text)
    grams: list[str] = []
    for n in range(low, high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, low: int, high: int, lowercase: bool) -> list[str]:
    """scikit-learn's 'char_wb' analyzer: character n-grams inside space-padded words."""
    text = _WHITE.sub(" ", text.lower() if lowercase else text)
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            if n >= size:  # the whole padded word, once, and no longer n-grams
                grams.append(padded)
                break
            grams.extend([padded[i : i + n] for i in range(size - n + 1)])
    return grams


@dataclass(frozen=True, eq=False)  # holds a numpy array: compared by identity
class TfidfBlock:
    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    lowercase: bool
    token_pattern: re.Pattern[str] | None
    vocabulary: Mapping[str, int]  # n-gram -> column within this block
    idf: Sequence[float]
    sublinear_tf: bool
    offset: int  # first column of this block in the stacked feature vector

    def grams(self, text: str) -> list[str]:
        if self.analyzer == "word":
            assert self.token_pattern is not None
            return word_ngrams(text, self.token_pattern, *self.ngram_range, self.lowercase)
        return char_wb_ngrams(text, *self.ngram_range, self.lowercase)

    def dot(self, text: str, coef: np.ndarray) -> float:
        """``coef . features(text)`` with numpy: what scoring needs, without the feature dict.

        The n-grams become columns in one C-level pass (``map(dict.get, ...)``); counts, tf-idf,
        the l2 norm and the dot product are array operations over the distinct columns.
        """
        grams = self.grams(text)
        ids = np.fromiter(map(self.vocabulary.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))
        columns, counts = np.unique(ids[ids >= 0], return_counts=True)
        if not len(columns):
            return 0.0
        tf = 1.0 + np.log(counts) if self.sublinear_tf else counts.astype(float)
        values = tf * self._idf[columns]
        return float(values @ coef[self.offset + columns]) / math.sqrt(float(values @ values))

    @cached_property
    def _idf(self) -> np.ndarray:
        return np.asarray(self.idf, dtype=float)



@dataclass(frozen=True)
class TermsBlock:
    """Word-list features: ``scale * log(1 + matches)`` for each list, one column a list.

    The lists are lexicons (hype adjectives, superlatives, hedges, ...) carried inside the model
    file; matching is the lexicon matcher's (phrases, ``prefix*`` entries, longest first).
    """

    names: tuple[str, ...]
    lists: tuple[Lexicon, ...]
    scale: float
    offset: int

    @classmethod
    def from_terms(cls, lists: Sequence[tuple[str, Sequence[str]]], scale: float, offset: int) -> "TermsBlock":
        lexicons = tuple(Lexicon.build(name, {}, [make_entry(t, 1.0) for t in terms]) for name, terms in lists)
        return cls(tuple(name for name, _ in lists), lexicons, scale, offset)

    def features(self, text: str) -> dict[int, float]:
        words = normalize_words(text)
        counts = ((i, len(lexicon.find(words))) for i, lexicon in enumerate(self.lists))
        return {self.offset + i: self.scale * math.log1p(n) for i, n in counts if n}

    def dot(self, text: str, coef: np.ndarray) -> float:
        return sum(float(coef[column]) * value for column, value in self.features(text).items())


Block = Union[TfidfBlock, TermsBlock]


@dataclass(frozen=True, eq=False)  # holds numpy arrays: compared by identity
class LinearModel:
    """A logistic regression over stacked feature blocks, loaded from JSON."""

    name: str
    normalization: str
    blocks: tuple[Block, ...]
    coef: Sequence[float]
    intercept: float
    meta: Mapping[str, object]

    def decision(self, text: str) -> float:
        prepared = normalize(text, self.normalization)
        return self.intercept + sum(block.dot(prepared, self._coef) for block in self.blocks)

    @cached_property
    def _coef(self) -> np.ndarray:
        return np.asarray(self.coef, dtype=float)

    def probability(self, text: str) -> float:
        z = self.decision(text)
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def __call__(self, texts: Iterable[str]) -> list[float]:
        """Probabilities for many texts: the ``SentenceClassifier`` interface of promotional."""
        return [self.probability(t) for t in texts]


def model_from_dict(data: Mapping[str, object]) -> LinearModel:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a hypecheck linear model (schema {data.get('schema')!r})")
    blocks: list[Block] = []
    for spec in data["blocks"]:  # type: ignore[union-attr]
        if spec["analyzer"] == "terms":
            blocks.append(TermsBlock.from_terms([(n, t) for n, t in spec["lists"]], spec["scale"], spec["offset"]))
            continue
        pattern = re.compile(spec["token_pattern"]) if spec.get("token_pattern") else None
        grams = spec["vocabulary"].split(GRAM_SEPARATOR) if spec["vocabulary"] else []
        vocabulary = dict(zip(grams, range(len(grams))))
        blocks.append(
            TfidfBlock(
                spec["analyzer"], tuple(spec["ngram_range"]), spec["lowercase"], pattern, vocabulary,
                unpack_floats(spec["idf"]), spec["sublinear_tf"], spec["offset"],
            )
        )
    return LinearModel(
        str(data["name"]), str(data["normalization"]), tuple(blocks), unpack_floats(data["coef"]), float(data["intercept"]),  # type: ignore[arg-type]
        dict(data.get("meta", {})),  # type: ignore[arg-type]
    )


def load_model(name: str) -> LinearModel:
    """A model shipped in the package (``hypecheck/models/NAME.json``): JSON, never a pickle."""
    path = resources.files("hypecheck.models").joinpath(MODEL_FILES[name])
    return model_from_dict(json.loads(path.read_text(encoding="utf-8")))
