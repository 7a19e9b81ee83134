"""The report in a real browser: headless Chromium (Debian's package) driven by Playwright.

Skipped, with the reason, when Chromium or Playwright is not installed (.ci/run installs both).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hypecheck import score_paths
from hypecheck.render.report import build_report

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
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-report")
    files = build_report(score_paths([str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]), out)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        problems: list[str] = []
        page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda err: problems.append(str(err)))
        page.on("request", lambda req: problems.append(f"network request {req.url}") if not req.url.startswith(("file:", "data:")) else None)
        page.goto(files.index.as_uri())
        page.wait_for_load_state("load")
        yield page, problems
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()


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
