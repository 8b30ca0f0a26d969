"""Percentages: decimal comma, sign, words, ranges, points, measures, non-percentages, and the data file."""

from __future__ import annotations

import pytest

from idnews_extract.extractors.percentages import PercentHit, find_percentages
from idnews_extract.lang.data import read_tsv
from idnews_extract.lang.numbers import percent_words


def one(text: str) -> PercentHit:
    hits = find_percentages(text)
    assert len(hits) == 1, hits
    h = hits[0]
    assert text[h.start:h.end] == h.text
    return h


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Angka pengangguran turun menjadi 5,34 persen.", "5,34 persen", 5.34),
        ("Sebanyak 98% warga sudah divaksin.", "98%", 98),
        ("Harga naik 12 %.", "12 %", 12),
        ("Bunga naik lima persen.", "lima persen", 5),
        ("Kenaikannya hanya setengah persen.", "setengah persen", 0.5),
        ("Porsinya dua puluh lima persen.", "dua puluh lima persen", 25),
        ("Ekonomi tumbuh minus 2,3 persen.", "minus 2,3 persen", -2.3),
        ("Pertumbuhan tercatat -0,7 persen.", "-0,7 persen", -0.7),
        ("Target inflasi empat persen, plus minus satu persen.", "satu persen", 1),
        ("Suku bunga 1.250 prosen tidak masuk akal.", "1.250 prosen", 1250),
    ],
)
def test_single_values(text: str, expr: str, value: float) -> None:
    hits = {h.text: h for h in find_percentages(text)}
    h = hits[expr]
    assert h.value == pytest.approx(value) and h.low is None and h.high is None and not h.points


@pytest.mark.parametrize(
    ("text", "expr", "low", "high"),
    [
        ("Kenaikan diperkirakan 10-15 persen.", "10-15 persen", 10, 15),
        ("Tarif naik antara 5 hingga 7 persen.", "antara 5 hingga 7 persen", 5, 7),
        ("Diskon antara 20 dan 30 persen.", "antara 20 dan 30 persen", 20, 30),
        ("Okupansi 60%-70% pada akhir pekan.", "60%-70%", 60, 70),
        ("Bunga naik tiga sampai lima persen.", "tiga sampai lima persen", 3, 5),
    ],
)
def test_ranges(text: str, expr: str, low: float, high: float) -> None:
    h = one(text)
    assert (h.text, h.value, h.low, h.high) == (expr, None, low, high)


def test_points() -> None:
    a, b = find_percentages("Suku bunga naik 0,25 persen poin, lalu turun 2 poin persentase.")
    assert (a.text, a.value, a.points) == ("0,25 persen poin", 0.25, True)
    assert (b.text, b.value, b.points) == ("2 poin persentase", 2, True)


def test_measure() -> None:
    h = one("Tingkat kemiskinan di daerah itu masih tinggi, berkisar 11,2 persen per tahun.")
    assert h.measure == "Tingkat kemiskinan"
    assert one("Pertumbuhan ekonomi kuartal II tercatat 5,1 persen.").measure == "Pertumbuhan ekonomi"
    assert one("Ia mengaku yakin 100 persen.").measure is None


@pytest.mark.parametrize("text", ["Nilainya 92,26 tanpa satuan.", "Tersedia 5.000-8.000 SKU.", "Skor akhir 3-1.",
                                  "Puluhan persen warga hadir.", "Pada 2018 persentase naik."])
def test_not_percentages(text: str) -> None:
    assert find_percentages(text) == []


def test_percent_words_file() -> None:
    rows = read_tsv("lang/percent_words.tsv", 2)
    kinds = {"percent", "points", "range_conn", "between", "between_and", "plus_minus", "measure", "measure_stop"}
    assert {r[0] for r in rows} == kinds
    assert all(r[1] and r[1] == r[1].strip() for r in rows)
    assert "%" in percent_words().get("percent")
    assert len(rows) == len(set(rows)), "duplicate row"
