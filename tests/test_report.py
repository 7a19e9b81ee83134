"""The class report: files, order, escaping, determinism, failures kept, chart and compare."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hypecheck.cli import app
from hypecheck import score_paths
from hypecheck.render.report import build_report

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


class Elements(HTMLParser):
    """Collects every start tag with its attributes, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    result = runner.invoke(app, ["report", str(ROOT / "seeds"), "--out", str(out), "--no-date"])
    assert result.exit_code == 0, result.output
    return out


def test_report_files_and_order(seed_report):
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    tags = parse(html)
    cards = [a for t, a in tags if t == "section" and a.get("class") == "card"]
    assert len(cards) == 5
    assert cards[0]["id"] == "article-001_cc3d44188af943b4"
    overview_links = [a["href"] for t, a in tags if t == "a" and (a.get("href") or "").startswith("#article-")]
    assert overview_links[5] == "#article-001_cc3d44188af943b4"  # first row of the overview, after the 5 nav links
    images = [a for t, a in tags if t == "img"]
    assert len(images) >= 3 + 5
    assert all(a["src"].startswith("data:image/svg+xml;base64,") and a.get("alt") for a in images)
    for name in ("heatmap", "scatter", "numbers"):
        for fmt in ("png", "svg"):
            assert (seed_report / "charts" / f"{name}.{fmt}").stat().st_size > 1000
    assert "Glossary" in html and "Discussion questions" in html


def test_report_is_self_contained(seed_report):
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    tags = parse(html)
    assert not [t for t, _ in tags if t in ("script", "link", "iframe", "object", "embed")]
    for _, attrs in tags:
        for key, value in attrs.items():
            assert not (value or "").startswith(("http:", "https:", "//")), (key, value)
    assert "@media print" in html


def test_csv_and_jsonl_one_row_per_article(seed_report):
    rows = list(csv.DictReader((seed_report / "scores.csv").open(encoding="utf-8")))
    assert len(rows) == 5
    assert {r["id"][:3] for r in rows} == {"000", "001", "002", "003", "004"}
    assert all(r["error"] == "" and 0 <= float(r["hype_index"]) <= 100 for r in rows)
    lines = (seed_report / "scorecards.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["schema"] for line in lines] == ["hypecheck.scorecard/1"] * 5


def test_same_inputs_same_bytes(seed_report, tmp_path):
    again = tmp_path / "again"
    build_report(score_paths([str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]), again, generated=None)
    for name in ("index.html", "scores.csv", "scorecards.jsonl", "charts/heatmap.svg", "charts/scatter.png"):
        assert (seed_report / name).read_bytes() == (again / name).read_bytes(), name


def test_date_appears_only_when_asked(tmp_path):
    build_report(score_paths([str(ROOT / "seeds/000_580d1a68be6a3d31.txt")]), tmp_path, generated="2026-01-02 03:04 UTC")
    assert "generated 2026-01-02 03:04 UTC" in (tmp_path / "index.html").read_text(encoding="utf-8")


HOSTILE = (
    "Breaking: <script>alert('x')</script> the best launch ever\n\n"
    "According to Reuters, the <img src=x onerror=alert(1)> company grew 50% </style><b>bold</b> "
    "and \"quoted\" & 'single' text.\n"
)


def test_article_text_is_never_live_markup(tmp_path):
    article = tmp_path / "evil<script>.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    files = build_report(score_paths([str(article)]), tmp_path / "out")
    html = files.index.read_text(encoding="utf-8")
    tags = parse(html)
    assert not [t for t, _ in tags if t == "script"]
    assert [t for t, _ in tags if t == "style"] == ["style"]
    assert not [a for t, a in tags if t == "img" and not a["src"].startswith("data:image/svg+xml")]
    assert not [t for t, _ in tags if t == "b"]
    assert not any("onerror" in attrs for _, attrs in tags)
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html and "&lt;/style&gt;" in html


def test_bad_inputs_are_listed_and_the_rest_scored(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("According to Reuters, shares rose 5% on Monday after the results.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    result = runner.invoke(app, ["report", str(folder), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "r"), "--no-date"])
    assert result.exit_code == 1
    assert "empty file" in result.output and "binary" in result.output and "no such file" in result.output
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert 'id="failures"' in html and "missing.txt" in html
    rows = list(csv.DictReader((tmp_path / "r" / "scores.csv").open(encoding="utf-8")))
    assert len(rows) == 4
    assert [bool(r["error"]) for r in rows] == [True, True, False, True]  # binary.md, empty.txt, good.txt, missing
    assert len((tmp_path / "r" / "scorecards.jsonl").read_text().splitlines()) == 4


def test_glob_input(tmp_path):
    result = runner.invoke(app, ["report", str(ROOT / "seeds" / "00[12]*.txt"), "--out", str(tmp_path), "--no-date"])
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader((tmp_path / "scores.csv").open()))) == 2


def test_chart_command(tmp_path):
    svg = tmp_path / "scatter.svg"
    result = runner.invoke(app, ["chart", str(ROOT / "seeds"), "--out", str(svg), "--kind", "scatter"])
    assert result.exit_code == 0, result.output
    assert svg.read_text().lstrip().startswith("<?xml")
    png = tmp_path / "profile.png"
    result = runner.invoke(app, ["chart", str(ROOT / "seeds/004_6f4f04f3f6ab83e6.txt"), "--out", str(png), "--kind", "profile"])
    assert result.exit_code == 0 and png.read_bytes().startswith(b"\x89PNG")
    result = runner.invoke(app, ["chart", str(ROOT / "seeds"), "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and ".png or .svg" in result.output
    result = runner.invoke(app, ["chart", str(ROOT / "seeds"), "--out", str(tmp_path / "p.png"), "--kind", "profile"])
    assert result.exit_code == 2


def test_compare_command():
    result = runner.invoke(app, ["compare", str(ROOT / "seeds/000_580d1a68be6a3d31.txt"), str(ROOT / "seeds/001_cc3d44188af943b4.txt")])
    assert result.exit_code == 0, result.output
    assert "difference" in result.output and "hype index" in result.output
    assert "meteoric rise" in result.output or "formidable force" in result.output
    assert runner.invoke(app, ["compare", "nope.txt", str(ROOT / "seeds/000_580d1a68be6a3d31.txt")]).exit_code == 1


def test_profile_charts_for_slides_have_safe_names(seed_report, tmp_path):
    from hypecheck.render.report import safe_name

    assert (seed_report / "charts" / "profile-001_cc3d44188af943b4.svg").exists()
    assert (seed_report / "charts" / "profile-001_cc3d44188af943b4.png").exists()
    assert safe_name("../../etc/passwd") == "etc-passwd"
    assert safe_name("..") == "article"
    assert "/" not in safe_name("a/b\\c:d")


def test_report_shows_pitfalls_with_the_checklist_wording(seed_report):
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    assert html.count('<table class="pitfalls">') == 5
    assert "Kapoor &amp; Narayanan (2022)" in html
    for wording in ("Comparison with human skills", "Attributing agency to AI", "Uncritical comparison with historical transformations"):
        assert html.count(f'<th scope="row">{wording}</th>') == 5
    card_004 = html[html.index('id="article-004_6f4f04f3f6ab83e6"') :]
    card_004 = card_004[: card_004.index("</section>")]
    assert '<mark class="pit">AI surpassing human doctors</mark> by 34.1%' in card_004
    rows = {r["id"][:3]: r for r in csv.DictReader((seed_report / "scores.csv").open(encoding="utf-8"))}
    assert "human_comparison" in rows["004"]["pitfalls"].split("; ")
    assert int(rows["004"]["pitfalls_found"]) == len(rows["004"]["pitfalls"].split("; "))


def test_pitfall_quotes_are_escaped(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "The firm sells software to banks. Its AI will transform <script>alert(1)</script> every bank. "
        "The model outperformed <img src=x onerror=alert(1)> human doctors in tests.",
        encoding="utf-8",
    )
    html = build_report(score_paths([str(article)]), tmp_path / "out").index.read_text(encoding="utf-8")
    tags = parse(html)
    assert not [t for t, _ in tags if t in ("script", "img") and not (t == "img" and _["src"].startswith("data:"))]
    assert '<table class="pitfalls">' in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count('<mark class="pit">') >= 2


def test_quotes_show_the_repaired_words_and_the_article_strikes_the_ticker(seed_report):
    """"AlibabaBABA-- Group" is repaired by the cleaner: evidence lists and questions quote
    "Alibaba Group"; the article keeps its original text (offsets) with "BABA--" struck out."""
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    card = html[html.index('id="article-001_'):]
    card = card[: card.index("</section>")]
    lists, article = card[: card.index('class="article"')], card[card.index('class="article"') :]
    assert "BABA--" not in lists and "Alibaba Group&#x27;s Qwen" in lists
    assert '<span class="chrome" title="not part of the article">BABA--</span>' in article


def test_pitfalls_say_n_a_when_the_checklist_does_not_apply(tmp_path):
    article = tmp_path / "match.txt"
    article.write_text(
        "City beat United 2-1 on Saturday, the club said. The striker scored twice in the second half.\n\n"
        "The manager told reporters the team had trained hard all week. The next match is on Tuesday.\n",
        encoding="utf-8",
    )
    files = build_report(score_paths([str(article), str(ROOT / "seeds/001_cc3d44188af943b4.txt")]), tmp_path / "out")
    html = files.index.read_text(encoding="utf-8")
    rows = html[html.index("<tbody>") : html.index("</tbody>")].split("<tr>")
    match_row = next(r for r in rows if "match.txt" in r)
    seed_row = next(r for r in rows if "001_cc3d" in r)
    assert 'n/a</abbr></td></tr>' in match_row and '<td class="count">4</td>' in seed_row
    assert "pitfalls: not checked" in html


# Issue 19: reports that are atomic, unique and bounded ------------------------------------------------


def small_articles(folder: Path, n: int, name: str = "note{i:03d}.txt") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    words = ["groundbreaking", "modest", "revolutionary", "careful", "unprecedented", "plain"]
    paths = []
    for i in range(n):
        path = folder / name.format(i=i)
        path.write_text(
            f"The firm's {words[i % 6]} tool sold {i + 3} units, the company said.\n\n"
            f"Analysts at Acme Research said {i % 9 + 1} of 10 buyers liked it. Sales rose {i * 7 % 90} percent, a report showed.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def png_size(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_class_charts_aggregate_past_a_few_dozen_articles(tmp_path):
    from hypecheck.render import charts

    cards = [r for r in score_paths(small_articles(tmp_path / "many", 90))]
    assert len(cards) == 90
    few = png_size(charts.render_chart("heatmap", cards[:20], "png"))
    assert png_size(charts.render_chart("heatmap", cards[:30], "png"))[1] > few[1]  # a row per article up to the limit
    for name in ("heatmap", "numbers", "scatter"):
        sizes = {png_size(charts.render_chart(name, cards[:n], "png")) for n in (charts.ROWS_LIMIT + 1, 90)}
        assert len(sizes) == 1, f"{name} grows with the number of articles past the limit"
        assert next(iter(sizes))[1] < 700
    alt = charts.chart_spec("heatmap", 90).alt(cards)
    assert "90 articles" in alt and len(alt) < 1500


def test_profile_charts_are_drawn_for_the_top_articles_only(tmp_path, monkeypatch):
    from hypecheck.render import report

    monkeypatch.setattr(report, "PROFILE_LIMIT", 3)
    files = build_report(score_paths(small_articles(tmp_path / "in", 6)), tmp_path / "out")
    profiles = sorted(p.name for p in (tmp_path / "out" / "charts").glob("profile-*"))
    assert len(profiles) == 6  # three articles, PNG and SVG
    html = files.index.read_text(encoding="utf-8")
    assert html.count('<section class="card"') == 6
    assert len(files.charts) == 3 * 2 + 3 * 2
    result = runner.invoke(app, ["report", str(tmp_path / "in"), "--out", str(tmp_path / "again")])
    assert "Profile charts are drawn for the 3 articles with the highest hype index" in result.output


def test_same_named_files_in_different_folders_get_distinct_ids(tmp_path):
    first = small_articles(tmp_path / "a", 1, "x.txt")[0]
    second = tmp_path / "b" / "x.txt"
    second.parent.mkdir()
    second.write_text((ROOT / "seeds/001_cc3d44188af943b4.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", str(first), str(second), "--out", str(out), "--no-date"])
    assert result.exit_code == 0, result.output
    tags = parse((out / "index.html").read_text(encoding="utf-8"))
    anchors = [a["id"] for t, a in tags if t == "section" and a.get("class") == "card"]
    assert sorted(anchors) == ["article-a-x", "article-b-x"]
    assert {p.name for p in (out / "charts").glob("profile-*.svg")} == {"profile-a-x.svg", "profile-b-x.svg"}
    ids = [row["id"] for row in csv.DictReader((out / "scores.csv").open(encoding="utf-8"))]
    assert sorted(ids) == ["a-x", "b-x"]


def test_a_report_replaces_the_old_one_whole_or_not_at_all(tmp_path, monkeypatch):
    out = tmp_path / "r"
    first = small_articles(tmp_path / "first", 2, "first{i}.txt")
    build_report(score_paths(first), out)
    old_index = (out / "index.html").read_bytes()
    second = small_articles(tmp_path / "second", 2, "second{i}.txt")

    import hypecheck.render.html as html

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the process stopped while the page was being written

    monkeypatch.setattr(html, "render_report", killed)
    with pytest.raises(KeyboardInterrupt):
        build_report(score_paths(second), out)
    assert (out / "index.html").read_bytes() == old_index
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "r", "second"]  # no half-written folder left
    monkeypatch.undo()
    build_report(score_paths(second), out)
    names = {p.name for p in (out / "charts").glob("profile-*")}
    assert names and all(n.startswith("profile-second") for n in names)  # the first report's charts are gone


def test_report_never_replaces_a_folder_of_other_files_or_its_own_inputs(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("My notes.\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(ROOT / "seeds/000_580d1a68be6a3d31.txt"), "--out", str(folder)])
    assert result.exit_code == 1 and "not part of a report (notes.txt)" in result.output
    assert (folder / "notes.txt").exists() and not (folder / "index.html").exists()
    result = runner.invoke(app, ["report", str(folder), "--out", str(folder)])
    assert result.exit_code == 2 and "is inside --out" in result.output
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "My notes.\n"
