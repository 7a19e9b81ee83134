"""Package hygiene: data not code, light imports, no executable model formats."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from hypecheck.lexicon import HEADER_KEYS, LEXICON_NAMES, LexiconError, lexicon_dir, parse_lexicon

PACKAGE = Path(__file__).resolve().parent.parent / "hypecheck"


@pytest.mark.parametrize("name", LEXICON_NAMES)
def test_every_lexicon_has_a_provenance_header(name):
    text = (lexicon_dir() / f"{name}.tsv").read_text(encoding="utf-8")
    lexicon = parse_lexicon(text, name)
    assert tuple(lexicon.header) == HEADER_KEYS
    assert lexicon.header["lexicon"] == name
    assert lexicon.header["source"] and lexicon.header["licence"] and lexicon.header["weighting"]
    assert lexicon.entries


def test_malformed_lexicon_is_a_clear_error():
    with pytest.raises(LexiconError, match="line 2"):
        parse_lexicon("# lexicon: x\nterm-without-weight\n", "x")
    with pytest.raises(LexiconError, match="header lacks"):
        parse_lexicon("word\t1.0\tnote\n", "x")


def test_scoring_imports_neither_matplotlib_nor_the_cli():
    # (nltk's own package import pulls in scipy and rich; that is nltk's, not ours.)
    script = (
        "import sys, hypecheck; hypecheck.score_file('seeds/000_580d1a68be6a3d31.txt'); "
        "print(sorted(m for m in ('matplotlib', 'typer', 'hypecheck.cli', 'hypecheck.render') if m in sys.modules))"
    )
    root = PACKAGE.parent
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_no_pickle_or_joblib_loading_in_the_package():
    pattern = re.compile(r"\b(?:pickle|joblib|dill|cloudpickle)\.(?:load|loads)\b|import (?:pickle|joblib|dill)")
    offenders = [str(p) for p in PACKAGE.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_runtime_downloads_in_the_package():
    offenders = [str(p) for p in PACKAGE.rglob("*.py") if "nltk.download(" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_scoring_makes_no_network_access(monkeypatch, tmp_path):
    """Files of every kind are scored with sockets blocked: only a URL the user gives is fetched."""
    import socket

    import hypecheck

    def blocked(*args, **kwargs):
        raise AssertionError("network access during scoring")

    monkeypatch.setattr(socket.socket, "connect", blocked)
    monkeypatch.setattr(socket, "create_connection", blocked)
    corpus = PACKAGE.parent / "tests" / "corpus"
    results = hypecheck.score_paths([PACKAGE.parent / "seeds", corpus / "page.html", corpus / "good.md"])
    assert all(isinstance(r, hypecheck.Scorecard) for r in results)
