"""The notebooks run from top to bottom on the bundled corpus (executed in a copy, outputs discarded)."""

from __future__ import annotations

import pytest

from .conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="notebook dependencies are part of the test extra")
from nbclient import NotebookClient  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["01-quickstart.ipynb", "02-corpus-analysis.ipynb", "03-evaluation.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert any(o.get("output_type") in ("execute_result", "display_data") for c in nb.cells for o in c.get("outputs", []))


def test_committed_notebooks_are_small():
    assert all(p.stat().st_size < 300_000 for p in NOTEBOOKS)
