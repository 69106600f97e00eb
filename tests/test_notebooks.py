"""The notebooks run in a Jupyter kernel, as committed, and write nothing into the repository."""
import json
import os
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
REPO = Path(__file__).resolve().parent.parent


def _tree() -> set[Path]:
    skip = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "build"}
    return {p for p in REPO.rglob("*") if not (skip & set(p.relative_to(REPO).parts)) and ".egg-info" not in str(p)}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_a_kernel_and_writes_only_to_a_temporary_folder(path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("GOVNLP_INDICATORS", "rules")   # the kernel inherits it: quicker, same cells
    before = _tree()
    book = nbformat.read(str(path), as_version=4)
    nbclient.NotebookClient(book, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in book.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert _tree() == before, f"the notebook wrote into the repository: {sorted(map(str, _tree() - before))}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_with_its_outputs(path):
    cells = [c for c in json.loads(path.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]
    assert cells and all(c.get("execution_count") for c in cells), "run python notebooks/make_notebooks.py"
    assert sum(bool(c.get("outputs")) for c in cells) >= len(cells) - 1


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 3
