"""The exploration notebook runs end to end, headless and offline, without a cell error."""

from __future__ import annotations

from pathlib import Path

import re

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_notebook_runs_without_errors():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), "store the notebook without outputs"
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="hc"' in o["data"]["text/html"] for o in html), "a scorecard is displayed as HTML"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the charts are drawn"
    text = "".join(o.get("text", "") for o in outputs)
    assert "social" in text
    # The custom-term demo adds a word no lexicon holds, and the score and the evidence change.
    assert "lexicons holding 'turbocharged' before: []" in text
    before, after = map(float, re.search(r"promotional before: ([\d.]+), after: ([\d.]+)", text).groups())
    assert after > before + 5, (before, after)
    assert text.count("new evidence [") == 2 and "hype adjective 'turbocharged'" in text
