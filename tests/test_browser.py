"""The report in a real browser: headless Chromium (Debian's package) driven by Playwright.

Skipped, with the reason, when Chromium or Playwright is not installed (.ci/run installs both).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hypecheck import score_paths
from hypecheck.render.report import build_report
from hypecheck.scorecard import rank

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]

if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium); the browser test cannot run", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (pip install playwright)")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-report")
    return build_report(score_paths([str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]), out)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(report, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: problems.append(str(err)))
    page.on("request", lambda req: problems.append(f"network request {req.url}") if not req.url.startswith(("file:", "data:")) else None)
    page.goto(report.index.as_uri())
    page.wait_for_load_state("load")
    yield page, problems
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    page.close()


def test_overview_has_one_row_per_article(page):
    pg, _ = page
    assert pg.locator("table.overview tbody tr").count() == 5
    assert "001" in pg.locator("table.overview tbody tr").first.inner_text() or "Qwen" in pg.locator("table.overview tbody tr").first.inner_text()


def test_every_chart_renders_with_size(page):
    pg, _ = page
    images = pg.locator("img")
    assert images.count() >= 8
    for i in range(images.count()):
        image = images.nth(i)
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        box = image.bounding_box()
        assert box and box["width"] > 50 and box["height"] > 50


def test_highlights_are_visible(page):
    pg, _ = page
    mark = pg.locator("mark.hl-promotional").first
    assert mark.is_visible()
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert pg.locator(".article mark.hl-unattributed_numbers-unattributed").count() > 10


def test_no_console_errors_and_no_network(page):
    pg, problems = page
    pg.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert problems == []


def test_screenshot_artifact(page, tmp_path):
    pg, _ = page
    shot = tmp_path / "top.png"
    pg.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_nothing_is_wider_than_a_phone(report, browser):
    """At 390 px (a phone) the page never scrolls sideways: wide tables and charts scroll in their own box."""
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(report.index.as_uri())
    phone.wait_for_load_state("load")
    width = phone.evaluate("document.documentElement.scrollWidth")
    wide = phone.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName.toLowerCase() + '.' + e.className)"""
    )
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "report-phone.png"))
    phone.close()
    assert width <= 390, f"the page is {width} px wide at 390 px: {wide[:5]}"
    assert wide == []


def test_every_reason_is_visible_text_not_only_a_tooltip(report, page):
    """Paper and phones have no hover: each reason of each card is in the card's visible text."""
    pg, _ = page
    cards = [r for r in report.results if hasattr(r, "dimensions")]
    for card in cards:
        anchor = "article-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in card.article.id)
        visible = " ".join(pg.locator(f"#{anchor}").inner_text().split())
        reasons = {e.reason for r in card.dimensions.values() for e in r.evidence}
        reasons |= {e.reason for p in card.flagged_pitfalls for e in p.evidence}
        assert reasons, card.article.id
        missing = [r for r in reasons if " ".join(r.split()) not in visible]
        assert missing == [], f"{card.article.id}: reasons only in tooltips: {missing[:3]}"
        # The numbers of the list items are the superscript markers in the article.
        listed = pg.locator(f"#{anchor} ol.ev a.ref").all_inner_texts()
        marked = pg.locator(f"#{anchor} .article sup.ref").all_inner_texts()
        assert set(listed) == set(marked) and marked == [str(n) for n in range(1, len(marked) + 1)]


PDFINFO = shutil.which("pdfinfo")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(PDFINFO is None or PDFTOTEXT is None, reason="poppler-utils (pdfinfo, pdftotext) is not installed")
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_handout_fits(report, browser, tmp_path, paper):
    """Printed: the class overview on page 1, each article from a new page, at most 3 pages per seed article."""
    printer = browser.new_page()
    printer.goto(report.index.as_uri())
    printer.wait_for_load_state("load")
    pdf = tmp_path / f"report-{paper}.pdf"
    printer.pdf(path=str(pdf), format=paper, print_background=True)
    printer.close()
    pages_total = int(re.search(r"Pages:\s+(\d+)", subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout).group(1))
    pages = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")[:pages_total]
    assert "Class overview" in pages[0]
    cards = rank(r for r in report.results if hasattr(r, "dimensions"))
    squeezed = "".join(pages[0].split())
    assert all("".join(c.article.path.split()) in squeezed for c in cards)  # every article's row, on page 1
    starts = []
    for card in cards:
        found = [i for i, text in enumerate(pages) if f"Source file {card.article.path}" in " ".join(text.split())]
        assert len(found) == 1, f"{card.article.id} starts on pages {found}"
        assert pages[found[0]].lstrip().startswith(tuple(str(n) for n in range(1, 10))), "an article starts on a new page"
        starts.append(found[0])
    glossary = next(i for i, text in enumerate(pages) if text.lstrip().startswith("Glossary"))
    lengths = [b - a for a, b in zip(starts, [*starts[1:], glossary])]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"print-{paper}.txt").write_text(f"{pages_total} pages; articles start on {[s + 1 for s in starts]}; lengths {lengths}\n")
    assert starts == sorted(starts) and all(1 <= n <= 3 for n in lengths), f"pages per article: {lengths}"
