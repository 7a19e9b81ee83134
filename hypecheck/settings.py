"""A project's own settings: dimension weights, extra lexicon terms, terms to ignore.

Read from ``hypecheck.toml`` (the table at its top level) or from ``[tool.hypecheck]`` in
``pyproject.toml``, the way linters read theirs::

    # hypecheck.toml
    weights = { promotional = 0.4, sourcing = 0.3 }   # the others keep their weights; all rescaled to sum 1
    ignore = ["strategic", "cutting-edge"]           # dropped from every lexicon

    [terms]                                           # extra terms, per lexicon (hypecheck.lexicon.LEXICON_NAMES)
    peacock_terms = ["game-changing", "stellar"]      # a bare term weighs 1.0
    hype_adjectives = { turbocharged = 2.0 }

A scorecard made with settings carries them (``Scorecard.settings``), so its JSON says how it
was made. A malformed file raises :class:`ConfigError` naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

CONFIG_FILE = "hypecheck.toml"
KEYS = ("weights", "terms", "ignore")


class ConfigError(ValueError):
    """A settings file that cannot be used; the message is one line: ``file:line: what is wrong``."""


@dataclass(frozen=True)
class Settings:
    """What a settings file changes; the defaults change nothing."""

    weights: Mapping[str, float] = field(default_factory=dict)  # dimension -> weight as given
    terms: Mapping[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)  # lexicon -> (term, weight)
    ignore: tuple[str, ...] = ()
    source: str | None = None  # the file they came from

    def merged(self, other: "Settings") -> "Settings":
        """These settings with ``other`` on top (its weights win; terms and ignored words add up)."""
        terms = {name: tuple(t) for name, t in self.terms.items()}
        for name, extra in other.terms.items():
            terms[name] = terms.get(name, ()) + tuple(extra)
        return Settings({**self.weights, **other.weights}, terms, self.ignore + other.ignore, other.source or self.source)

    def to_dict(self) -> dict[str, Any]:
        return {
            "config": self.source,
            "weights": dict(self.weights),
            "extra_terms": {name: [[t, w] for t, w in terms] for name, terms in self.terms.items()},
            "ignored_terms": list(self.ignore),
        }


def find_config(folder: Path) -> Path | None:
    """``hypecheck.toml`` in ``folder``, else its ``pyproject.toml`` if that has ``[tool.hypecheck]``."""
    own = folder / CONFIG_FILE
    if own.is_file():
        return own
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            text = pyproject.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if re.search(r"^\s*\[\s*tool\s*\.\s*hypecheck\s*[.\]]", text, re.MULTILINE):
            return pyproject
    return None


def load_settings(path: Path, default_weights: Mapping[str, float], lexicons: tuple[str, ...]) -> Settings:
    """Read and check a settings file against the dimensions (``default_weights``) and lexicons."""
    import tomllib  # only when there is a file: scoring without one does not load the parser

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read it ({getattr(err, 'strerror', None) or err})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(err))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err)) or "invalid TOML"
        where = f"{found.group(1)}:{found.group(2)}" if found else "1"
        raise ConfigError(f"{path}:{where}: not valid TOML: {message}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("hypecheck", {})
    else:
        table = data
    checker = _Checker(path, text)
    if not isinstance(table, dict):
        raise checker.error("hypecheck", "the hypecheck settings must be a table")
    for key in table:
        if key not in KEYS:
            raise checker.error(key, f"unknown setting {key!r}; known: {', '.join(KEYS)}")
    return Settings(
        weights=checker.weights(table.get("weights", {}), default_weights),
        terms=checker.terms(table.get("terms", {}), lexicons),
        ignore=checker.ignore(table.get("ignore", [])),
        source=str(path),
    )


@dataclass(frozen=True)
class _Checker:
    path: Path
    text: str

    def line_of(self, key: str) -> int:
        """The first line that sets or opens ``key`` (TOML keeps no positions; this finds it)."""
        pattern = re.compile(rf"^\s*(\[+[^\]]*\b{re.escape(key)}\b|[\"']?{re.escape(key)}[\"']?\s*=)|[{{,]\s*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
        found = pattern.search(self.text)
        return self.text.count("\n", 0, found.start()) + 1 if found else 1

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.path}:{self.line_of(key)}: {message}")

    def table(self, key: str, value: Any, known: tuple[str, ...], what: str, example: str) -> dict[str, Any]:
        """``value`` as a table whose keys are all in ``known`` (dimension or lexicon names)."""
        if not isinstance(value, dict):
            raise self.error(key, f"{key} must be a table, e.g. {example}")
        for name in value:
            if name not in known:
                raise self.error(name, f"unknown {what} {name!r} in {key}; known: {', '.join(known)}")
        return value

    def weights(self, value: Any, defaults: Mapping[str, float]) -> dict[str, float]:
        out = {}
        for name, weight in self.table("weights", value, tuple(defaults), "dimension", "weights = { promotional = 0.4 }").items():
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
                raise self.error(name, f"the weight of {name} must be a number 0 or more, not {weight!r}")
            out[name] = float(weight)
        if out and sum({**defaults, **out}.values()) <= 0:
            raise self.error("weights", "the dimension weights add up to 0; give at least one a weight above 0")
        return out

    def terms(self, value: Any, lexicons: tuple[str, ...]) -> dict[str, tuple[tuple[str, float], ...]]:
        out = {}
        for name, terms in self.table("terms", value, lexicons, "lexicon", "[terms] peacock_terms = [\"stellar\"]").items():
            if isinstance(terms, list) and all(isinstance(t, str) and t.strip() for t in terms):
                out[name] = tuple((t.strip(), 1.0) for t in terms)
            elif isinstance(terms, dict) and all(
                isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 and str(t).strip() for t, w in terms.items()
            ):
                out[name] = tuple((str(t).strip(), float(w)) for t, w in terms.items())
            else:
                raise self.error(name, f"terms for {name} must be a list of words or a table of word = weight (above 0)")
        return out

    def ignore(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
            raise self.error("ignore", "ignore must be a list of words, e.g. ignore = [\"strategic\"]")
        return tuple(t.strip() for t in value)


def hype_weights(defaults: Mapping[str, float], given: Mapping[str, float]) -> dict[str, float]:
    """The default weights with ``given`` ones replaced, rescaled to sum 1, heaviest first."""
    merged = {**defaults, **given}
    total = sum(merged.values())
    if total <= 0:
        raise ValueError("the dimension weights add up to 0; give at least one a weight above 0")
    order = list(defaults)
    return {k: merged[k] / total for k in sorted(merged, key=lambda k: (-merged[k], order.index(k)))}
