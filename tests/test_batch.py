"""The partition function every engine maps, and the process pool behind ``extract_many(workers=N)``."""

from __future__ import annotations

from typing import Any

import pytest

import idnews_extract
from idnews_extract import batch
from idnews_extract.batch import BadLine, extract_partition, iter_partitions


def _errors(results: list[dict[str, Any]]) -> list[str | None]:
    return [r["error"]["type"] if "error" in r else None for r in results]


@pytest.fixture(scope="module")
def mixed() -> list[Any]:
    """Good and bad records interleaved, each with a distinct id where it can carry one."""
    return [
        {"id": "a", "date": "2024-03-12", "text": '"Kami siap," kata Menteri Keuangan Sri Mulyani, Selasa.'},
        BadLine("invalid_json", "the line is not JSON", id=None),
        {"id": "b", "text": None},
        {"id": "c"},
        {"id": "d", "date": "2018-02-30", "text": "Tanggal yang tidak ada."},
        {"id": "e", "date": "kemarin", "text": "Tanggal yang bukan tanggal."},
        42,
        "Inflasi Agustus 3,2 persen, kata Badan Pusat Statistik (BPS).",
        {"id": 7, "date": None, "text": "Harga beras turun dua persen."},
        {"id": "f", "date": "2024-01-05T10:00:00+07:00", "text": ""},
    ]


def test_extract_partition_keeps_order_and_every_record(mixed: list[Any]) -> None:
    out = extract_partition(mixed)
    assert len(out) == len(mixed)
    assert [r["id"] for r in out] == ["a", None, "b", "c", "d", "e", None, None, "7", "f"]
    assert _errors(out) == [
        None,
        "invalid_json",
        "invalid_text",
        "missing_text",
        "invalid_date",
        "invalid_date",
        "invalid_record",
        None,
        None,
        None,
    ]
    assert out[0]["reference_date"] == "2024-03-12" and out[0]["quotes"]
    assert out[8]["percentages"][0]["value"] == 2.0
    assert out[9]["reference_date"] == "2024-01-05" and out[9]["entities"] == []


def test_extract_partition_equals_extract_one_by_one(example_records: list[dict[str, Any]]) -> None:
    out = extract_partition(example_records, include_text=True)
    for record, result in zip(example_records, out, strict=True):
        one = idnews_extract.extract(record["text"], reference_date=record.get("date"), id=record.get("id"))
        assert result == one.to_dict(include_text=True)


def test_a_record_that_crashes_gives_an_error_record_and_spares_the_rest(
    monkeypatch: pytest.MonkeyPatch, example_records: list[dict[str, Any]]
) -> None:
    original = batch.doc_to_article

    def fragile(doc: Any, *, id: str | None = None) -> Any:
        if id == "boom":
            raise RuntimeError("boom")
        return original(doc, id=id)

    monkeypatch.setattr(batch, "doc_to_article", fragile)
    records = [example_records[0], {"id": "boom", "text": "Apa saja."}, example_records[1]]
    out = extract_partition(records)
    assert _errors(out) == [None, "internal_error", None]
    assert [r["id"] for r in out] == [records[0]["id"], "boom", records[2]["id"]]


def test_custom_keys_are_read(example_records: list[dict[str, Any]]) -> None:
    renamed = [{"body": r["text"], "key": r["id"], "published": r["date"]} for r in example_records]
    out = extract_partition(renamed, text_key="body", id_key="key", date_key="published")
    assert out == extract_partition(example_records)


def test_iter_partitions_streams_in_order_across_batches(mixed: list[Any]) -> None:
    assert list(iter_partitions(mixed, batch_size=3)) == extract_partition(mixed)


def test_extract_many_with_two_workers_equals_one(example_records: list[dict[str, Any]]) -> None:
    records = example_records * 3  # several batches of 2 in flight on two processes
    one = list(idnews_extract.extract_many(records, batch_size=2, workers=1))
    two = list(idnews_extract.extract_many(records, batch_size=2, workers=2))
    assert two == one
    assert [a.id for a in two] == [r["id"] for r in records]


def test_extract_many_raises_for_a_bad_record() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        list(idnews_extract.extract_many([{"id": "x", "text": "a", "date": "2018-02-30"}]))
    with pytest.raises(TypeError, match="string"):
        list(idnews_extract.extract_many([{"id": "x", "text": 5}]))
