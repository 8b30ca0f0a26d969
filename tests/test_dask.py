"""The Dask engines on a two-process LocalCluster give exactly the single-process results."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from idnews_extract.batch import extract_partition

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import dask.bag as db
import dask.dataframe as dd
from distributed import Client, LocalCluster

from idnews_extract import dask as idnews_dask


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def records(example_records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The example articles, a record without a date, and records that must become error records."""
    extra = [
        {"id": "tanpa-tanggal", "text": "Harga cabai naik 12 persen pekan lalu, kata pedagang di Pasar Minggu."},
        {"id": "tanggal-rusak", "date": "2018-02-30", "text": "Teks pendek."},
        {"id": "tanpa-teks", "date": "2024-01-02", "text": None},
    ]
    return [*example_records, *extra]


@pytest.fixture(scope="module")
def expected(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return extract_partition(records)


def _errors(results: list[dict[str, Any]]) -> list[str | None]:
    return [r["error"]["type"] if "error" in r else None for r in results]


def test_the_records_exercise_good_and_bad_rows(expected: list[dict[str, Any]]) -> None:
    assert _errors(expected)[-2:] == ["invalid_date", "invalid_text"]
    assert all("error" not in r for r in expected[:-2])
    assert any(r["quotes"] for r in expected[:-2])


def test_bag_equals_single_process(client: Client, records: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    bag = db.from_sequence(records, npartitions=2)
    assert idnews_dask.extract_bag(bag).compute() == expected


def test_dataframe_json_and_columns_equal_single_process(
    client: Client, records: list[dict[str, Any]], expected: list[dict[str, Any]]
) -> None:
    frame = pd.DataFrame(records).set_index(pd.Index([f"r{i:02d}" for i in range(len(records))]))
    ddf = dd.from_pandas(frame, npartitions=2)
    as_json = idnews_dask.extract_dataframe(ddf, output="json").compute()
    assert list(as_json.index) == list(frame.index)  # same rows, same order
    assert [json.loads(v) for v in as_json["json"]] == expected
    columns = idnews_dask.extract_dataframe(ddf, keep=["date"]).compute()
    want = [idnews_dask.result_row(r) for r in expected]
    got = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in columns.to_dict("records")]
    assert [{k: row[k] for k in idnews_dask.COLUMNS} for row in got] == want
    assert [row["date"] for row in got] == [r.get("date") for r in records]


def test_run_files_jsonl_and_parquet(
    client: Client, tmp_path: Path, records: list[dict[str, Any]], expected: list[dict[str, Any]]
) -> None:
    source = tmp_path / "in.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, "{not json")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = idnews_dask.run_files(str(source), tmp_path / "out", fmt="jsonl", blocksize=1500)
    assert len(paths) > 1  # several partitions, still in order
    got = [json.loads(line) for p in sorted(paths) for line in Path(p).read_text(encoding="utf-8").splitlines()]
    assert _errors(got)[2] == "invalid_json"
    assert got[:2] + got[3:] == expected

    idnews_dask.run_files(str(source), tmp_path / "pq", fmt="parquet", blocksize=1500)
    table = pd.read_parquet(tmp_path / "pq")
    rows = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in table.to_dict("records")]
    want = [idnews_dask.result_row(r) for r in expected]
    assert rows[:2] + rows[3:] == want and rows[2]["error"] == "invalid_json"


def test_run_files_reads_parquet(client: Client, tmp_path: Path, records: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    pd.DataFrame(records[:-1]).to_parquet(tmp_path / "articles.parquet")
    paths = idnews_dask.run_files(str(tmp_path / "articles.parquet"), tmp_path / "out", fmt="jsonl")
    got = [json.loads(line) for p in sorted(paths) for line in Path(p).read_text(encoding="utf-8").splitlines()]
    assert got == expected[:-1]


def test_parse_jsonl_line_matches_the_cli_error_kinds() -> None:
    assert idnews_dask.parse_jsonl_line('{"text": "a"}\n') == {"text": "a"}
    assert idnews_dask.parse_jsonl_line("[1, 2]").kind == "invalid_record"
    assert idnews_dask.parse_jsonl_line("{oops").kind == "invalid_json"
    assert idnews_dask.parse_jsonl_line(b'{"text": "\xff"}'.decode("utf-8", "surrogateescape")).kind == "invalid_encoding"


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="input format"):
        idnews_dask.run_files(str(tmp_path / "a.csv"), tmp_path / "out")
    with pytest.raises(ValueError, match="fmt"):
        idnews_dask.run_files(str(tmp_path / "a.jsonl"), tmp_path / "out", fmt="csv")  # type: ignore[arg-type]
    ddf = dd.from_pandas(pd.DataFrame({"text": ["a"]}), npartitions=1)
    with pytest.raises(ValueError, match="output"):
        idnews_dask.extract_dataframe(ddf, output="xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lacks"):
        idnews_dask.extract_dataframe(ddf, keep=["url"])


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"idnews_extract\[dask\]"):
        idnews_dask.extract_bag(object())  # type: ignore[arg-type]
