"""The public Python API (hypecheck.__all__): each function on real text, and the README's
API reference matches the code."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import hypecheck

ROOT = Path(__file__).resolve().parent.parent
SEED_004 = ROOT / "seeds" / "004_6f4f04f3f6ab83e6.txt"


def test_score_text_and_file_agree():
    from_file = hypecheck.score_file(SEED_004)
    from_text = hypecheck.score_text(SEED_004.read_text(encoding="utf-8"), name=from_file.article.id)
    assert from_text.to_dict()["dimensions"] == from_file.to_dict()["dimensions"]
    with pytest.raises(hypecheck.InputError, match="empty"):
        hypecheck.score_text("   ")


def test_score_paths_folders_globs_and_failures():
    results = hypecheck.score_paths([ROOT / "seeds", str(ROOT / "seeds" / "00[34]*.txt"), "missing.txt"])
    assert len(results) == 5 + 2 + 1
    assert isinstance(results[-1], hypecheck.Failure) and "no such file" in results[-1].error
    assert all(isinstance(r, hypecheck.Scorecard) for r in results[:-1])


def test_to_dataframe_one_row_per_input():
    frame = hypecheck.to_dataframe(hypecheck.score_paths([ROOT / "seeds", "missing.txt"]))
    assert len(frame) == 6
    assert frame["hype_index"].idxmax().startswith("001")
    assert frame.loc["001_cc3d44188af943b4", "ai_disclosed"] == True  # noqa: E712 (numpy bool)
    assert frame.loc["missing", "error"].endswith("no such file")


def test_to_dataframe_without_pandas_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"hypecheck\[notebook\]"):
        hypecheck.to_dataframe([])


def test_charts_draw_on_given_axes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cards = hypecheck.score_paths([ROOT / "seeds"])
    fig, axes = plt.subplots(1, 4, figsize=(16, 4))
    hypecheck.draw_heatmap(axes[0], cards)
    hypecheck.draw_scatter(axes[1], cards)
    hypecheck.draw_numbers(axes[2], cards)
    hypecheck.draw_profile(axes[3], cards[0])
    assert [ax.get_title() for ax in axes][:3] == [
        "Five dimensions per article (0 = no concern, 100 = strong concern)",
        "Hype wording against weak sourcing",
        "Figures and their sources",
    ]
    assert len(axes[1].collections[0].get_offsets()) == 5  # one point per article
    assert [t.get_text() for t in axes[1].texts if t.get_text().isdigit()] == ["1", "2", "3", "4", "5"]  # numbered
    plt.close(fig)


def test_load_lexicons_and_with_terms_change_scores_without_touching_files():
    lexicons = hypecheck.load_lexicons()
    assert "stellar" not in lexicons["peacock_terms"]
    text = "The new phone is stellar, and its camera is stellar too, reviewers were told."
    before = hypecheck.score_text(text)["promotional"].score
    mine = hypecheck.with_terms({"peacock_terms": [("stellar", 2.0)], "vague_sources": ["reviewers"]})
    after = mine.score_text(text)
    assert after["promotional"].score > before
    assert "stellar" not in hypecheck.load_lexicons()["peacock_terms"]
    with pytest.raises(KeyError, match="unknown lexicon"):
        hypecheck.with_terms({"no_such_lexicon": ["x"]})


def test_rich_display_is_registered_with_ipython_and_escaped():
    from IPython.core.interactiveshell import InteractiveShell

    from hypecheck.render.notebook import register

    card = hypecheck.score_text("According to Reuters, the <script>alert(1)</script> launch was a revolutionary success.")
    shell = InteractiveShell.instance()
    assert "text/html" not in shell.display_formatter.format(card)[0]  # the Scorecard renders nothing itself
    assert register(shell)
    shown, _ = shell.display_formatter.format(card)
    html = shown["text/html"]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="hc"' in html and "<style>" in html
    assert shown["text/markdown"].startswith("# hypecheck:")
    assert repr(card).startswith("<Scorecard 'text': hype index")


def test_analyzer_objects_are_explicit():
    analyzer = hypecheck.Analyzer.load()
    assert analyzer.score_file(SEED_004).to_json() == hypecheck.default_analyzer().score_file(SEED_004).to_json()
    assert hypecheck.__version__ and set(hypecheck.HYPE_WEIGHTS) == set(hypecheck.DIMENSIONS)


def test_readme_api_reference_matches_the_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`hypecheck\.(\w+)", section))
    public = set(hypecheck.__all__) - {"__version__"}
    assert documented == public, (documented - public, public - documented)
    for name in public:
        obj = getattr(hypecheck, name)
        if callable(obj) and not isinstance(obj, type):
            assert obj.__doc__, f"{name} has no docstring"


def test_charts_leave_the_notebooks_matplotlib_settings_alone():
    import matplotlib

    from hypecheck.render.charts import render_chart

    cards = [hypecheck.score_file(SEED_004)]
    with matplotlib.rc_context({"font.size": 13.0}):
        backend, before = matplotlib.get_backend(), dict(matplotlib.rcParams)
        assert render_chart("heatmap", cards, "svg") == render_chart("heatmap", cards, "svg")
        assert matplotlib.get_backend() == backend
        after = dict(matplotlib.rcParams)
        assert {k: after[k] for k in ("font.size", "axes.titlesize", "svg.hashsalt")} == {k: before[k] for k in ("font.size", "axes.titlesize", "svg.hashsalt")}
