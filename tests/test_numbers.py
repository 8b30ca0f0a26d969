"""Numbers: digits with Indonesian separators, scale words, number words round-tripped through num2words."""

from __future__ import annotations

import random

import pytest

from idnews_extract.extractors.numbers import find_numbers, parse_number
from idnews_extract.lang.data import read_tsv
from idnews_extract.lang.numbers import number_words

num2words = pytest.importorskip("num2words").num2words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.250", 1250), ("15,08", 15.08), ("1.250.000", 1_250_000), ("1.250,5", 1250.5), ("2.5", 2.5), ("7", 7),
        ("dua puluh lima", 25), ("1,5 juta", 1.5e6), ("300 ribu", 300_000), ("Rp1,5 triliun", 1.5e12),
        ("Rp 2.500", 2500), ("US$ 3 miliar", 3e9), ("setengah", 0.5), ("seperempat", 0.25), ("dua setengah", 2.5),
        ("satu setengah juta", 1.5e6), ("Sebelas", 11), ("seribu dua ratus", 1200), ("minus 5,51", -5.51),
        ("nol koma lima", 0.5), ("tiga perempat", 0.75),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "puluhan", "beberapa", "dua tiga", "puluh", "ratus dua", "juta ribu", "abc",
                                  "dua puluh puluh", "seribu seribu", "1.2.3"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_round_trip_integers() -> None:
    rng = random.Random(7)
    numbers = list(range(0, 2100)) + [rng.randrange(10**k) for k in range(4, 16) for _ in range(150)]
    for n in numbers:
        words = num2words(n, lang="id")
        assert parse_number(words) == n, words
        assert parse_number(words.capitalize()) == n


def test_round_trip_decimals() -> None:
    rng = random.Random(11)
    for _ in range(800):
        x = round(rng.uniform(0, 5000), rng.choice([1, 2]))
        assert parse_number(num2words(x, lang="id")) == pytest.approx(x), num2words(x, lang="id")


def test_find_numbers() -> None:
    text = "Sebanyak 1.250 orang dan dua puluh lima relawan menerima Rp1,5 triliun; inflasi 3,07 persen, dua tiga hari."
    got = [(text[s:e], v) for s, e, v in find_numbers(text)]
    assert got == [("1.250", 1250), ("dua puluh lima", 25), ("1,5 triliun", 1.5e12), ("3,07", 3.07), ("dua", 2),
                   ("tiga", 3)]


def test_find_numbers_skips_vague_words() -> None:
    assert find_numbers("Puluhan warga dan ratusan relawan hadir.") == []


def test_number_words_file() -> None:
    rows = read_tsv("lang/number_words.tsv", 3)
    assert rows and all(r[0] and r[0] == r[0].strip() for r in rows)
    for word, value, _kind in rows:
        float(value)
    kinds = number_words().kinds
    assert len(kinds) == len(rows), "duplicate word"
    units = sorted(v for k, v in number_words().of_kind("unit").items() if k != "kosong")
    assert units == list(range(10))
