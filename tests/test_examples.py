"""Every example runs as a user would run it: each script in a subprocess from the repository root, and the
notebook executed top to bottom with nbclient (the ``test`` extra's nbclient, ipykernel and matplotlib).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow

TIMEOUT_S = 600


def run_script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.setdefault("OMP_NUM_THREADS", "1")
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
    )
    assert result.returncode == 0, f"{name} failed:\n{result.stderr[-3000:]}"
    return result


def records() -> list[dict]:
    return [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def test_quick_start() -> None:
    out = run_script("quick_start.py").stdout
    assert "article contoh-1: reference date 2024-03-12 (given)" in out
    speakers = out.split("quotes by speaker:")[1].split("\ndates:")[0]
    assert "Andika" in speakers and "[direct, kata]" in speakers
    assert "'Selasa': DATE 2024-03-12" in out
    assert "'7,5 persen': 7.5" in out


def test_batch_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "extracted.jsonl"
    result = run_script("batch_jsonl.py", str(EXAMPLES / "articles.jsonl"), str(out), "--batch-size", "2")
    source = records()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [s["id"] for s in source]
    for row, record in zip(rows, source, strict=True):
        assert row["reference_date"] == (record["date"] or row["reference_date"])
        for item in row["entities"] + row["quotes"] + row["dates"] + row["percentages"]:
            assert record["text"][item["start"] : item["end"]] == item["text"]
    assert f"{len(source)} articles" in result.stdout


def test_spacy_pipeline() -> None:
    out = run_script("spacy_pipeline.py").stdout
    assert "'idnews_quotes'" in out.splitlines()[0]  # components added by name to a blank pipeline
    assert "date: 'Selasa (12/3)' DATE 2024-03-12" in out
    assert "percentage: '12,5 persen' value=12.5" in out
    assert "extra rupiah: 'Rp1,2 triliun'" in out
    assert "JSON extra: {'rupiah': [{'text': 'Rp1,2 triliun', 'label': 'MONEY'" in out


OWN = {"quick_start.py", "batch_jsonl.py", "spacy_pipeline.py"}


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.py") if p.name not in OWN))
def test_other_example_scripts_run(name: str) -> None:
    """Scripts added later (``dask_job.py``) must run with no arguments from the repository root."""
    run_script(name)


DOCS = ROOT / "docs"


def test_docs_list_every_example_and_benchmark() -> None:
    """The guides stay in step with the files: every example in index.md, every benchmark in evaluation.md."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for path in [*EXAMPLES.glob("*.py"), EXAMPLES / "notebook.ipynb"]:
        assert f"examples/{path.name}" in index, f"docs/index.md does not mention examples/{path.name}"
    evaluation = (DOCS / "evaluation.md").read_text(encoding="utf-8")
    for path in (ROOT / "bench").glob("*.py"):
        assert f"bench/{path.name}" in evaluation, f"docs/evaluation.md does not describe bench/{path.name}"


def test_docs_links_resolve() -> None:
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_notebook_is_committed_without_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_notebook_executes(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    notebook = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=TIMEOUT_S, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    rendered = [h for h in html if 'class="idnews"' in h]
    assert len(rendered) == len(records())  # every article shown highlighted
    assert all('data-kind="quote"' in h for h in rendered)
    assert any("speaker" in h and "<table" in h for h in html)  # the quotes-by-speaker table
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plot
    (tmp_path / "executed.ipynb").write_text(nbformat.writes(notebook), encoding="utf-8")
