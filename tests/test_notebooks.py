"""The notebook in notebooks/: committed without outputs, and run end to end by `make test` — a real Jupyter
kernel (nbclient, ipykernel) executes every cell against a live `dakg serve` on the demo corpus."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from .conftest import REPO

STORES = ("falkordb",)  # the API's behaviour, on the embedded store; Neo4j answers alike (test_store_parity.py)

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_is_the_headline_notebook_and_the_readme_links_it() -> None:
    assert [p.name for p in NOTEBOOKS] == ["headline.ipynb"]
    assert "(notebooks/headline.ipynb)" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_carry_no_outputs(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    for cell in code:
        assert cell["outputs"] == [] and cell["execution_count"] is None, "strip the outputs before committing"
        ast.parse("".join(cell["source"]))  # plain Python, no magics


@pytest.mark.integration
def test_the_headline_notebook_runs_against_the_demo(demo_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("DAKG_API_URL", demo_api)  # the kernel inherits this process's environment
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(REPO / "notebooks" / "headline.ipynb", as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(notebook, kernel_name="python3", timeout=180, allow_errors=False).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code)
    outputs = [o for cell in code for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # the status timelines and the network
    tables = [o for o in outputs if "text/html" in o.get("data", {})]
    assert len(tables) >= 4  # agreements, claims, claims by field, disputes
    plotted = ast.literal_eval(code[4].outputs[0]["data"]["text/plain"])
    assert plotted == {"GBR-RWA": 7, "ISR-RWA": 4, "USA-RWA": 13}  # status points per agreement, each a source's
    summary = ast.literal_eval(code[-1].outputs[-1]["data"]["text/plain"])
    assert summary["agreements"] == ["GBR-RWA", "ISR-RWA", "USA-RWA"]
    assert summary["claims"] == 21 + 8 + 30 + 33  # the agreements' claims and those about their officials and people
