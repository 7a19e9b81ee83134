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

For speed, the texts of one call go through each block together, and a char_wb block
remembers the columns of each word it has seen (char_wb n-grams never cross a word boundary).
Neither changes a bit of any result: each text still gets the same float operations, in the
same order, as when scored alone (``tests/test_classifier.py`` checks this against the
definition, with the cache empty, full and cleared).

Training lives in :mod:`hypecheck.train` (scikit-learn); this module is all scoring needs.
"""

from __future__ import annotations

import base64
import json
import math
import re
import unicodedata
from array import array
from functools import cached_property, lru_cache
from itertools import chain, repeat
from dataclasses import dataclass, fields
from importlib import resources
from typing import Iterable, Mapping, NamedTuple, Sequence, Union

import numpy as np

from hypecheck.facts import Models
from hypecheck.facts.matches import LexiconIndex
from hypecheck.lexicon import Lexicon, Lexicons, make_entry, normalize_words

SCHEMA = "hypecheck.linear-model/2"
SKLEARN_TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # scikit-learn's default word tokens
GRAM_SEPARATOR = "\n"  # between the n-grams of a vocabulary; no n-gram contains whitespace other than " "
WORD_CACHE_LIMIT = 20_000  # words whose char_wb columns a block remembers (a few MB); cleared past this


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
        return " ".join(wnc_tokens(text))
    raise ValueError(f"unknown normalisation {how!r}")


def wnc_tokens(text: str) -> list[str]:
    """The tokens of the ``wnc`` form: runs of ``[a-z0-9]`` and single other non-space characters."""
    return _WNC_TOKEN.findall(unicodedata.normalize("NFKC", text).translate(_QUOTES).lower())


class Reading(NamedTuple):
    """One text as a model's blocks read it: the normalised text and, for the ``wnc`` form, its
    tokens, from which the blocks take their words without splitting the text again.

    The ``wnc`` form is its tokens joined by single spaces; each token is a run of ``[a-z0-9]``
    or one other non-space character, and already lower case (``str.lower`` is idempotent on
    every code point). So each block's own split of the text is a filter of the tokens:
    char_wb's words (whitespace-separated) are the tokens, scikit-learn's default word tokens
    (two or more word characters) are the tokens of two or more characters, and the lexicon
    matcher's words (``normalize_words``: runs of letters and digits) are the alphanumeric
    tokens. ``tests/test_classifier.py`` checks each against the split it replaces, on any text.
    """

    text: str
    tokens: list[str] | None = None  # the wnc tokens; None for another form

    @classmethod
    def of(cls, text: str, how: str) -> "Reading":
        if how == "wnc":
            tokens = wnc_tokens(text)
            return cls(" ".join(tokens), tokens)
        return cls(normalize(text, how))

    def char_wb_words(self, lowercase: bool) -> list[str]:
        return self.tokens if self.tokens is not None else char_wb_words(self.text, lowercase)

    def lexicon_words(self) -> tuple[str, ...]:
        return tuple(filter(str.isalnum, self.tokens)) if self.tokens is not None else normalize_words(self.text)


def word_ngrams(text: str, pattern: re.Pattern[str], low: int, high: int, lowercase: bool) -> list[str]:
    """scikit-learn's 'word' analyzer: tokens by ``token_pattern``, then n-grams joined by spaces."""
    return token_ngrams(pattern.findall(text.lower() if lowercase else text), low, high)


def token_ngrams(tokens: Sequence[str], low: int, high: int) -> list[str]:
    """The word n-grams of a token list, shortest n first."""
    grams: list[str] = []
    for n in range(low, high + 1):
        # The n-grams as one C-level pass: zip of the token list shifted 0..n-1 places.
        grams.extend(tokens if n == 1 else map(" ".join, zip(*(tokens[k:] for k in range(n)))))
    return grams


def char_wb_ngrams(text: str, low: int, high: int, lowercase: bool) -> list[str]:
    """scikit-learn's 'char_wb' analyzer: character n-grams inside space-padded words."""
    grams: list[str] = []
    for word in char_wb_words(text, lowercase):
        grams.extend(word_char_ngrams(word, low, high))
    return grams


def char_wb_words(text: str, lowercase: bool) -> list[str]:
    """The words 'char_wb' takes n-grams from; no n-gram crosses from one word to the next."""
    return _WHITE.sub(" ", text.lower() if lowercase else text).split()


def word_char_ngrams(word: str, low: int, high: int) -> list[str]:
    """The 'char_wb' n-grams of one word, padded with a space on each side."""
    padded = f" {word} "
    return list(map(padded.__getitem__, _gram_slices(len(padded), low, high)))


@lru_cache(maxsize=64)
def _gram_slices(size: int, low: int, high: int) -> tuple[slice, ...]:
    """Where the n-grams of a padded word of ``size`` characters are, shortest n first: the
    same for every word of that size, so cutting them out is one C-level ``map``."""
    where: list[slice] = []
    for n in range(low, high + 1):
        if n >= size:  # the whole padded word, once, and no longer n-grams
            where.append(slice(0, size))
            break
        where.extend(slice(i, i + n) for i in range(size - n + 1))
    return tuple(where)


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

    def dots(self, texts: Sequence[Reading], coef: np.ndarray) -> list[float]:
        """``coef . features(text)`` for each text, with numpy: what scoring needs, without a feature dict.

        All texts are done in one pass: their known columns, tagged with the text they come
        from, are counted by one ``np.unique`` over (text, column) keys, which sorts each text's
        distinct columns in ascending order. tf-idf, the l2 norm and the dot product are then
        taken per text on its slice, the same operations in the same order as for a single text,
        so a text's result does not depend on the texts scored with it.
        """
        rows, ids = self.columns(texts)
        width = max(len(self.vocabulary), 1)
        keys = rows * width + ids
        if len(texts) * width < 2**31:  # the same keys as int32, which numpy sorts about twice as fast
            keys = keys.astype(np.int32)
        keys, counts = np.unique(keys, return_counts=True)
        rows, columns = np.divmod(keys, width)
        tf = 1.0 + np.log(counts) if self.sublinear_tf else counts.astype(float)
        values = tf * self._idf[columns]
        weights = coef[self.offset + columns]
        bounds = np.searchsorted(rows, np.arange(len(texts) + 1)).tolist()
        return [_tfidf_dot(values[a:b], weights[a:b]) for a, b in zip(bounds, bounds[1:])]

    def columns(self, texts: Sequence[Reading]) -> tuple[np.ndarray, np.ndarray]:
        """The column of every in-vocabulary n-gram of ``texts`` and the index of its text."""
        if self.analyzer == "char_wb":
            return self._char_wb_columns(texts)
        grams = [token_ngrams(self._word_tokens(t), *self.ngram_range) for t in texts]
        # The n-grams become columns in one C-level pass (map(dict.get, ...)).
        ids = np.fromiter(map(self.vocabulary.get, chain.from_iterable(grams), repeat(-1)), dtype=np.int64, count=sum(map(len, grams)))
        rows = np.repeat(np.arange(len(texts)), [len(g) for g in grams])
        known = ids >= 0
        return rows[known], ids[known]

    def _word_tokens(self, reading: Reading) -> list[str]:
        """The 'word' analyzer's tokens: the wnc tokens of two or more characters when this block
        splits as scikit-learn does by default (see :class:`Reading`), else its pattern's."""
        if reading.tokens is not None and self._default_tokens:
            return [t for t in reading.tokens if len(t) > 1]
        assert self.token_pattern is not None
        return self.token_pattern.findall(reading.text.lower() if self.lowercase else reading.text)

    @cached_property
    def _default_tokens(self) -> bool:
        return self.token_pattern is not None and self.token_pattern.pattern == SKLEARN_TOKEN_PATTERN

    def _char_wb_columns(self, texts: Sequence[Reading]) -> tuple[np.ndarray, np.ndarray]:
        """``columns`` for 'char_wb': a text's n-grams are those of its words, one word after the
        other, so each word's known columns are looked up once and remembered, for the words of
        later texts and later calls, as int64 bytes: one ``b"".join`` makes the array."""
        cache = self._word_columns
        if len(cache) > WORD_CACHE_LIMIT:  # new words in a long batch must not grow memory for ever
            cache.clear()
        parts: list[bytes] = []
        sizes: list[int] = []
        for text in texts:
            words = text.char_wb_words(self.lowercase)
            found = list(map(cache.get, words))  # one C-level pass over the words seen before
            if None in found:  # new words, each looked up once (the same one may come twice)
                for k, word in enumerate(words):
                    if found[k] is None:
                        if word not in cache:
                            cache[word] = self._known_columns(word)
                        found[k] = cache[word]
            parts += found
            sizes.append(sum(map(len, found)) // 8)
        ids = np.frombuffer(b"".join(parts), dtype=np.int64)
        return np.repeat(np.arange(len(texts)), sizes), ids

    def _known_columns(self, word: str) -> bytes:
        # A word has a few dozen n-grams: a list and an array are quicker than numpy calls
        # (and, measured, than looking up all new words of a call in one pass).
        grams = word_char_ngrams(word, *self.ngram_range)
        return array("q", [i for i in map(self.vocabulary.get, grams) if i is not None]).tobytes()

    @cached_property
    def _word_columns(self) -> dict[str, bytes]:
        return {}

    def clear_cache(self) -> None:
        self._word_columns.clear()

    @cached_property
    def _idf(self) -> np.ndarray:
        return np.asarray(self.idf, dtype=float)


def _tfidf_dot(values: np.ndarray, weights: np.ndarray) -> float:
    """``weights . values / |values|``: one text's l2-normalised tf-idf times its coefficients."""
    if not len(values):
        return 0.0
    return float(values @ weights) / math.sqrt(float(values @ values))


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

    @cached_property
    def _index(self) -> LexiconIndex:
        """The lists matched in one pass over a text's words (equal to each list's own find)."""
        return LexiconIndex.build(Lexicons(dict(zip(self.names, self.lists)), ()), self.names)

    def features(self, text: str) -> dict[int, float]:
        return self._features(normalize_words(text))

    def _features(self, words: Sequence[str]) -> dict[int, float]:
        table = self._index.table(words)
        counts = ((i, len(table.find(name))) for i, name in enumerate(self.names) if table.any(name))
        return {self.offset + i: self.scale * math.log1p(n) for i, n in counts if n}

    def dots(self, texts: Sequence[Reading], coef: np.ndarray) -> list[float]:
        # The block's coefficients as Python floats: the same float64 values as coef[column].
        columns = range(self.offset, self.offset + len(self.names))
        weights = dict(zip(columns, coef[columns.start : columns.stop].tolist()))
        return [sum(weights[column] * value for column, value in self._features(t.lexicon_words()).items()) for t in texts]

    def clear_cache(self) -> None:
        pass  # the lexicons keep their own bounded memo, which never changes a result


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

    def decisions(self, texts: Sequence[str], readings: Readings | None = None) -> list[float]:
        """The decision function of each text; all texts go through each block at once.
        ``readings``: texts already read by another model of the same article (see ArticleModel)."""
        prepared = read(texts, self.normalization, {} if readings is None else readings)
        by_block = [block.dots(prepared, self._coef) for block in self.blocks]
        # Summed block by block from 0, as ``sum`` over the blocks of a single text does.
        return [self.intercept + sum(dots[i] for dots in by_block) for i in range(len(prepared))]

    def decision(self, text: str) -> float:
        return self.decisions([text])[0]

    @cached_property
    def _coef(self) -> np.ndarray:
        return np.asarray(self.coef, dtype=float)

    def probability(self, text: str) -> float:
        return logistic(self.decision(text))

    def __call__(self, texts: Iterable[str]) -> list[float]:
        """Probabilities for many texts: the ``SentenceClassifier`` interface of promotional."""
        return [logistic(z) for z in self.decisions(list(texts))]

    def clear_cache(self) -> None:
        """Forget what the blocks remember between calls (results never depend on it)."""
        for block in self.blocks:
            block.clear_cache()


Readings = dict[tuple[str, str], Reading]  # (normalisation, text) -> its Reading


def read(texts: Sequence[str], how: str, readings: Readings) -> list[Reading]:
    """Each text's Reading: taken from ``readings`` when there, else made and added."""
    found = []
    for text in texts:
        reading = readings.get((how, text))
        if reading is None:
            reading = readings[how, text] = Reading.of(text, how)
        found.append(reading)
    return found


@dataclass(frozen=True, eq=False)
class ArticleModel:
    """A model as one article's dimensions call it: each sentence is read (normalised and split)
    once for all the article's models that read alike, in ``readings``, which is made with the
    article's facts and dropped with them, so nothing is kept from one article to the next.
    The promotional and weasel models both read the wnc form of the article's sentences."""

    model: LinearModel
    readings: Readings

    @property
    def meta(self) -> Mapping[str, object]:
        return self.model.meta

    def __call__(self, texts: Iterable[str]) -> list[float]:
        return [logistic(z) for z in self.model.decisions(list(texts), self.readings)]


def for_article(models: Models) -> Models:
    """``models`` for one article: the linear models share their readings (ArticleModel); any
    other callable is kept as it is."""
    readings: Readings = {}
    bound = {f.name: getattr(models, f.name) for f in fields(models)}
    return Models(**{name: ArticleModel(m, readings) if isinstance(m, LinearModel) else m for name, m in bound.items()})


def logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


class ModelError(ValueError):
    """A model file is malformed; the message names the file, the line and the field."""


def _finite(values, field: str) -> None:
    """Refuse NaN and infinity in a model: they would reach every score and the JSON output."""
    array = np.asarray(values, dtype=float)
    bad = np.flatnonzero(~np.isfinite(array))
    if bad.size:
        raise ValueError(f"{field!r} holds {array.flat[bad[0]]} at index {bad[0]} ({bad.size} non-finite numbers): every weight must be a finite number")


def model_from_dict(data: Mapping[str, object]) -> LinearModel:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a hypecheck linear model (schema {data.get('schema')!r})")
    _finite([data["intercept"]], "intercept")
    _finite(unpack_floats(data["coef"]), "coef")
    for spec in data["blocks"]:  # type: ignore[union-attr]
        _finite([spec["offset"], spec.get("scale", 0.0)], "blocks")
        if spec["analyzer"] != "terms":
            _finite(unpack_floats(spec["idf"]), "idf")
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
    return model_from_text(path.read_text(encoding="utf-8"), MODEL_FILES[name])


def model_from_text(text: str, filename: str) -> LinearModel:
    """A model from its JSON text; a malformed one raises :class:`ModelError` with one line
    naming the file and the line of the field at fault."""
    try:
        return model_from_dict(json.loads(text))
    except json.JSONDecodeError as err:
        raise ModelError(f"{filename} line {err.lineno}: not valid JSON ({err.msg})") from None
    except (ValueError, KeyError, TypeError) as err:
        field = re.search(r"'(\w+)'", str(err))
        at = text.find(f'"{field.group(1)}"') if field else -1
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        raise ModelError(f"{filename} line {line}: {err}") from None
