from __future__ import annotations

from pathlib import Path

import pytest

from hypecheck import Scorecard, default_analyzer
from hypecheck.pipeline import Analyzer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return default_analyzer()


@pytest.fixture(scope="session")
def seeds(analyzer: Analyzer) -> dict[str, Scorecard]:
    """The five bundled seeds, scored, keyed by their number ("000" .. "004")."""
    assert len(SEEDS) == 5
    return {path.name[:3]: analyzer.score_file(path) for path in SEEDS}


@pytest.fixture()
def score(analyzer: Analyzer):
    """Score a text written for a test."""
    return lambda text, **kw: analyzer.score_text(text, **kw)
