"""The shell: one output line per input line, error records, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from idnews_extract.cli import app

from .conftest import EXAMPLES

runner = CliRunner()


def run_cli(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.output


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_on_the_examples(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, _ = run_cli("run", str(EXAMPLES / "articles.jsonl"), str(out), "--no-progress")
    assert code == 0
    rows = read_jsonl(out)
    source = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [s["id"] for s in source]
    for row, record in zip(rows, source):
        for item in row["entities"] + row["quotes"] + row["dates"] + row["percentages"]:
            assert record["text"][item["start"] : item["end"]] == item["text"]


def test_bad_records_become_error_records_and_the_run_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok", "text": "Budi Santoso tiba di Medan, Senin.", "date": "2024-03-11"}).encode(),
        b"{not json",
        json.dumps({"id": "no-text", "body": "x"}).encode(),
        json.dumps({"id": 7, "text": 42}).encode(),
        json.dumps({"id": "bad-date", "text": "Teks.", "date": "2018-02-30"}).encode(),
        json.dumps({"id": "word-date", "text": "Teks.", "date": "kemarin"}).encode(),
        json.dumps({"id": "null-date", "text": "Teks.", "date": None}).encode(),
        json.dumps({"text": "Tanpa id."}).encode(),
        b"\xff\xfe not utf-8",
        json.dumps(["a", "list"]).encode(),
        b"",
        json.dumps({"id": "last", "text": "Akhir tanpa baris baru."}).encode(),
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines))  # no newline at the end
    out = tmp_path / "out.jsonl"
    code, output = run_cli("run", str(src), str(out), "--no-progress", "--batch-size", "3")
    assert code == 1
    rows = read_jsonl(out)
    assert len(rows) == len(lines)
    errors = [r.get("error", {}).get("type") for r in rows]
    assert errors == [
        None,
        "invalid_json",
        "missing_text",
        "invalid_text",
        "invalid_date",
        "invalid_date",
        None,
        None,
        "invalid_encoding",
        "invalid_record",
        "invalid_json",
        None,
    ]
    assert rows[3]["id"] == "7"
    assert rows[6]["reference_date"] is None and rows[7]["id"] is None
    assert "Traceback" not in output


def test_fail_fast_stops_at_the_first_bad_record(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Satu."}\n{oops\n{"id": "c", "text": "Tiga."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _ = run_cli("run", str(src), str(out), "--no-progress", "--fail-fast")
    assert code == 1
    assert len(read_jsonl(out)) == 2


def test_usage_errors_exit_2_without_traceback(tmp_path: Path) -> None:
    code, output = run_cli("run", str(tmp_path / "missing.jsonl"), str(tmp_path / "o.jsonl"))
    assert code == 2 and "cannot read" in output and "Traceback" not in output
    code, _ = run_cli("run", str(EXAMPLES / "articles.jsonl"), str(tmp_path / "o.jsonl"), "--batch-size", "0")
    assert code == 2
    code, output = run_cli("text", "Teks.", "--date", "2018-02-30")
    assert code == 2 and "YYYY-MM-DD" in output


def test_text_command_prints_indented_json() -> None:
    code, output = run_cli("text", str(EXAMPLES / "artikel.json"))
    assert code == 0
    data = json.loads(output)
    assert data["id"] == "contoh-1" and data["reference_date"] == "2024-03-12"
    assert "\n  " in output


def test_stdin_to_stdout_through_the_console_script() -> None:
    record = json.dumps({"id": "x", "text": "Rapat digelar di Jakarta, Senin (12/3)."}) + "\n"
    proc = subprocess.run(
        [sys.executable, "-m", "idnews_extract.cli", "run", "-", "-"],
        input=record.encode(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(rows) == 1 and rows[0]["id"] == "x"
    assert proc.stderr == b""  # no progress bar when stderr is not a terminal
