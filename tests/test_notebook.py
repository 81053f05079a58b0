"""notebooks/walkthrough.ipynb runs headless from top to bottom, and is kept without outputs."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"
nbformat = pytest.importorskip("nbformat", reason="the notebook extra is not installed")


def test_notebook_is_stored_without_outputs_and_with_cell_ids():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    assert all(cell.get("id") for cell in cells)  # else nbformat warns on every run
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert "widgets" not in nb.metadata


def test_notebook_runs_and_shows_tables_ranking_and_view(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))  # nothing written to $HOME
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    nbclient = pytest.importorskip("nbclient", reason="the notebook extra is not installed")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    text = "\n".join(out.get("text", "") for out in outputs)
    html = [out.data["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert "built 5 documents" in text
    tables = [h for h in html if "<table" in h]
    assert len(tables) == 5  # speakers, Putin's claims, claim groups, stances, the ranking
    assert "Vladimir Putin" in tables[0] and "eigenvector" in tables[4] and "betweenness" in tables[4]
    assert "sources" in tables[2] and ("supports" in tables[3] or "opposes" in tables[3])
    [view] = [h for h in html if "<iframe" in h]
    assert 'sandbox="allow-scripts"' in view and "kg-data" in view
