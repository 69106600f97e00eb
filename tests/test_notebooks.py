"""The notebooks run: every code cell is executed in order, in the notebooks folder."""
import json
import os
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path, monkeypatch):
    monkeypatch.chdir(path.parent)
    monkeypatch.setenv("GOVNLP_INDICATORS", "rules")
    cells = [c for c in json.loads(path.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]
    namespace: dict = {}
    for k, cell in enumerate(cells):
        code = "".join(cell["source"])
        code = code.replace('pathlib.Path("report_003.html")', f'pathlib.Path({str(tmp_path / "r.html")!r})')
        exec(compile(code, f"{path.name}[cell {k}]", "exec"), namespace)
    assert namespace


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2
