"""Acronym definitions: long form before or after the bracketed short form."""

from __future__ import annotations

from idnews_extract.extractors.acronyms import find_acronyms


def pairs(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], text[c:d]) for a, b, c, d in find_acronyms(text)]


def test_long_then_short() -> None:
    text = "Pemkot meminta Usaha Micro Kecil dan Menengah (UMKM) menjadi ikon daerah."
    assert pairs(text) == [("Usaha Micro Kecil dan Menengah", "UMKM")]


def test_syllable_acronyms() -> None:
    text = "Data Badan Ekonomi Kreatif (Bekraf) dan Kementerian Pertanian (Kementan) dirilis."
    assert pairs(text) == [("Badan Ekonomi Kreatif", "Bekraf"), ("Kementerian Pertanian", "Kementan")]


def test_long_form_stops_at_first_matching_word() -> None:
    text = "Menteri Energi dan Sumber Daya Mineral (ESDM) hadir."
    assert pairs(text) == [("Energi dan Sumber Daya Mineral", "ESDM")]


def test_short_then_long() -> None:
    text = "Laporan OPD (Organisasi Perangkat Daerah) itu lengkap."
    assert pairs(text) == [("Organisasi Perangkat Daerah", "OPD")]


def test_offsets_point_into_text() -> None:
    text = "Ia berbicara di\nDewan Perwakilan Rakyat Daerah (DPRD) kemarin."
    (a, b, c, d), = find_acronyms(text)
    assert text[a:b] == "Dewan Perwakilan Rakyat Daerah" and text[c:d] == "DPRD"


def test_non_definitions_ignored() -> None:
    text = "Ia berusia (45) dan tinggal di Jakarta (ibu kota). Harga naik (lihat tabel) dan PT Maju (Persero) untung."
    assert find_acronyms(text) == []


def test_sentence_boundary_not_crossed() -> None:
    text = "Kami datang. Menurut KPU (Komisi Pemilihan Umum) data itu sah. Badan itu (BI) tidak hadir."
    assert pairs(text) == [("Komisi Pemilihan Umum", "KPU")]
