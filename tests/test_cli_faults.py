"""The shell under faults: broken records, broken files, a closed pipe, Ctrl-C and a full disk.

In every case: one output line per input line (unless interrupted), each line whole JSON, errors as
one line on stderr, never a traceback. Faults that need a real process (signals, pipes, /dev/full)
run the console script in a subprocess; the rest use typer's runner in-process.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from idnews_extract.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "idnews_extract.cli"]


def run_cli(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.output


def read_rows(path: Path) -> list[dict]:
    """Output lines as JSON; the file must be valid UTF-8 and every line whole."""
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


def record(i: int, **extra: object) -> bytes:
    body = {"id": f"r{i}", "text": f"Budi Santoso tiba di Medan, Senin. Harga beras naik {i} persen.", **extra}
    return json.dumps(body).encode()


def write_lines(path: Path, lines: list[bytes], end: bytes = b"\n") -> Path:
    path.write_bytes(b"\n".join(lines) + end)
    return path


def error_types(rows: list[dict]) -> list[str | None]:
    return [r.get("error", {}).get("type") for r in rows]


# -- broken records and files (in-process) ---------------------------------------------------------------------


BROKEN = [
    (b'{"id": "a", "text": "Teks.", "date": "2018-02-30"}', "invalid_date"),  # impossible date
    (b'{"id": "b", "text": "Teks.", "date": "2018-13-45"}', "invalid_date"),
    (b'{"id": "c", "text": "Teks.", "date": "kemarin"}', "invalid_date"),
    (b'{"id": "d", "text": "Teks.", "date": 20180807}', "invalid_date"),  # wrong type
    (b'{"id": "e", "text": "Teks.", "date": ["2018-08-07"]}', "invalid_date"),
    (b'{"id": "f", "text": ["Teks."]}', "invalid_text"),
    (b'{"id": "g", "text": null}', "invalid_text"),
    (b'{"id": "h", "text": {"body": "Teks."}}', "invalid_text"),
    (b'{"id": "i", "body": "Teks."}', "missing_text"),  # missing key
    (b"{}", "missing_text"),
    (b'"just a string"', "invalid_record"),
    (b"42", "invalid_record"),
    (b"null", "invalid_record"),
    (b"[1, 2]", "invalid_record"),
    (b"{'id': 'single quotes'}", "invalid_json"),
    (b'{"id": "j", "text": "unterminated', "invalid_json"),
    (b"   ", "invalid_json"),
    (b"\xff\xfe\x00b", "invalid_encoding"),  # not UTF-8
    (b'{"id": "k", "text": "caf\xe9"}', "invalid_encoding"),  # Latin-1 inside a record
    (b'{"id": "l", "text": "\xed\xa0\x80"}', "invalid_encoding"),  # an encoded surrogate is not UTF-8
]


def test_every_broken_line_becomes_one_error_record(tmp_path: Path) -> None:
    lines = []
    for k, (line, _) in enumerate(BROKEN):
        lines += [record(k), line]
    src = write_lines(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    code, output = run_cli("run", str(src), str(out), "--no-progress", "--batch-size", "4")
    assert code == 1, output
    rows = read_rows(out)
    assert len(rows) == len(lines)
    assert error_types(rows) == [t for _, kind in BROKEN for t in (None, kind)]
    assert [r["id"] for r in rows[::2]] == [f"r{k}" for k in range(len(BROKEN))]
    for row in rows[1::2]:
        assert row["error"]["message"]  # says what was wrong
    assert "Traceback" not in output
    assert f"{len(BROKEN)} of {len(lines)} records failed" in output


def test_the_error_messages_say_what_was_expected(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [BROKEN[0][0], BROKEN[3][0], BROKEN[5][0], BROKEN[8][0]])
    out = tmp_path / "out.jsonl"
    run_cli("run", str(src), str(out), "--no-progress")
    messages = [r["error"]["message"] for r in read_rows(out)]
    assert "YYYY-MM-DD" in messages[0] and "'2018-02-30'" in messages[0]
    assert "date" in messages[1]
    assert "'text' must be a string, not list" in messages[2]
    assert "no 'text' field" in messages[3]


def test_ids_of_any_json_type_and_missing_or_null_dates(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 7, "text": "Satu."}).encode(),
        json.dumps({"id": None, "text": "Dua."}).encode(),
        json.dumps({"text": "Tiga.", "date": None}).encode(),
        json.dumps({"id": "x", "text": "Empat.", "date": "2018-08-07T10:00:00+07:00"}).encode(),
        json.dumps({"id": "y", "text": "", "date": "2018-08-07"}).encode(),
    ]
    out = tmp_path / "out.jsonl"
    code, output = run_cli("run", str(write_lines(tmp_path / "in.jsonl", lines)), str(out), "--no-progress")
    assert code == 0, output
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["7", None, None, "x", "y"]
    assert [r["reference_date"] for r in rows[2:]] == [None, "2018-08-07", "2018-08-07"]


@pytest.mark.parametrize("ending", [b"", b"\n", b"\r\n", b"\n\n"])
def test_the_last_line_with_or_without_a_newline(tmp_path: Path, ending: bytes) -> None:
    lines = [record(0), record(1)]
    src = write_lines(tmp_path / "in.jsonl", lines, end=ending)
    out = tmp_path / "out.jsonl"
    code, _ = run_cli("run", str(src), str(out), "--no-progress")
    rows = read_rows(out)
    expected = 3 if ending == b"\n\n" else 2  # an empty line is a line: it gets an error record
    assert len(rows) == expected and [r["id"] for r in rows[:2]] == ["r0", "r1"]
    assert code == (1 if ending == b"\n\n" else 0)


def test_a_file_truncated_mid_line(tmp_path: Path) -> None:
    whole = record(0) + b"\n" + record(1) + b"\n" + record(2)
    src = tmp_path / "in.jsonl"
    src.write_bytes(whole[: len(whole) - 25])  # the third record is cut short
    out = tmp_path / "out.jsonl"
    code, output = run_cli("run", str(src), str(out), "--no-progress")
    assert code == 1 and "Traceback" not in output
    assert error_types(read_rows(out)) == [None, None, "invalid_json"]


def test_a_file_truncated_inside_a_utf8_character(tmp_path: Path) -> None:
    line = json.dumps({"id": "u", "text": "Harga naik 5 persen \u2014 kata \u201cBudi\u201d"}, ensure_ascii=False).encode()
    cut = line.index("\u201c".encode()) + 1  # in the middle of a three-byte character
    src = tmp_path / "in.jsonl"
    src.write_bytes(record(0) + b"\n" + line[:cut])
    out = tmp_path / "out.jsonl"
    run_cli("run", str(src), str(out), "--no-progress")
    assert error_types(read_rows(out)) == [None, "invalid_encoding"]


def test_a_byte_order_mark_at_the_start(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + record(0) + b"\n" + record(1) + b"\n")
    out = tmp_path / "out.jsonl"
    code, _ = run_cli("run", str(src), str(out), "--no-progress")
    assert code == 0 and [r["id"] for r in read_rows(out)] == ["r0", "r1"]


def test_lone_surrogates_from_json_escapes_give_valid_utf8(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "s", "text": "Budi \\ud800 naik 5 persen \\udfff."}\n')
    out = tmp_path / "out.jsonl"
    code, output = run_cli("run", str(src), str(out), "--no-progress")
    assert code == 0, output
    (row,) = read_rows(out)  # decodes as strict UTF-8
    text = "Budi \ud800 naik 5 persen \udfff."
    for item in row["percentages"] + row["entities"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_fail_fast_stops_at_the_first_error_of_any_kind(tmp_path: Path) -> None:
    for bad, _ in BROKEN[:: len(BROKEN) // 5]:
        src = write_lines(tmp_path / "in.jsonl", [record(0), bad, record(2)])
        out = tmp_path / "out.jsonl"
        code, output = run_cli("run", str(src), str(out), "--no-progress", "--fail-fast")
        assert code == 1 and "stopped at record 2" in output and "Traceback" not in output
        rows = read_rows(out)
        assert len(rows) == 2 and "error" in rows[1]


def test_fail_fast_on_a_clean_file_runs_to_the_end(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record(k) for k in range(5)])
    out = tmp_path / "out.jsonl"
    code, _ = run_cli("run", str(src), str(out), "--no-progress", "--fail-fast")
    assert code == 0 and len(read_rows(out)) == 5


def test_unreadable_or_unwritable_paths_are_usage_errors(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record(0)])
    for args in (
        ("run", str(tmp_path), str(tmp_path / "o.jsonl")),  # a directory as input
        ("run", str(src), str(tmp_path / "no" / "such" / "dir.jsonl")),
        ("run", str(src), str(tmp_path)),  # a directory as output
    ):
        code, output = run_cli(*args, "--no-progress")
        assert code == 2 and output.startswith("idnews-extract: error:") and "Traceback" not in output


def test_text_command_with_broken_json_files(tmp_path: Path) -> None:
    for name, content in (("list.json", b"[1, 2]"), ("bad.json", b"{oops"), ("latin.json", b'{"text": "caf\xe9"}')):
        path = tmp_path / name
        path.write_bytes(content)
        code, output = run_cli("text", str(path))
        assert code == 2 and "Traceback" not in output, output
    path = tmp_path / "wrong.json"
    path.write_text('{"text": 42}', encoding="utf-8")
    code, output = run_cli("text", str(path))
    assert code == 2 and "text must be a str" in output


def test_render_with_broken_records(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record(0), b'{"id": "x", "text": "T.", "date": "2018-02-30"}'])
    code, output = run_cli("render", str(src), "--html", str(tmp_path / "o.html"))
    assert code == 2 and "YYYY-MM-DD" in output and "Traceback" not in output


# -- faults that need a real process ---------------------------------------------------------------------------


def _spawn(*args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([*CLI, *args], cwd=ROOT, env=env, **kwargs)  # type: ignore[call-overload]


def _many(path: Path, n: int) -> Path:
    return write_lines(path, [record(k) for k in range(n)])


@pytest.mark.slow
def test_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    src = _many(tmp_path / "in.jsonl", 400)  # far more output than a pipe buffer holds
    proc = _spawn("run", str(src), "-", "--batch-size", "4", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    stderr = proc.stderr.read()
    code = proc.wait(timeout=300)
    assert json.loads(first)["id"] == "r0"
    assert stderr == b"", stderr.decode(errors="replace")
    assert code in (0, 1)


@pytest.mark.slow
def test_sigint_mid_run_leaves_whole_lines_and_says_how_many(tmp_path: Path) -> None:
    src = _many(tmp_path / "in.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    proc = _spawn("run", str(src), str(out), "--batch-size", "2", stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        assert proc.poll() is None, "finished before it could be interrupted"
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode(errors="replace")
    message = stderr.decode()
    assert "Traceback" not in message
    rows = read_rows(out)  # every line whole
    assert f"interrupted after {len(rows)} records" in message
    assert 0 < len(rows) < 3000
    assert [r["id"] for r in rows] == [f"r{k}" for k in range(len(rows))]


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_a_nonzero_exit(tmp_path: Path) -> None:
    src = _many(tmp_path / "in.jsonl", 20)
    with open("/dev/full", "wb") as full:
        proc = _spawn("run", str(src), "-", stdout=full, stderr=subprocess.PIPE)
        _, stderr = proc.communicate(timeout=300)
    message = stderr.decode()
    assert proc.returncode == 3, message
    assert message.count("\n") == 1 and "No space left on device" in message and "Traceback" not in message
    proc = _spawn("run", str(src), "/dev/full", stderr=subprocess.PIPE)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 3 and stderr.decode().count("\n") == 1
