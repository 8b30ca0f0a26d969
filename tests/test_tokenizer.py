"""The news tokenizer and sentence boundaries."""

from __future__ import annotations

import pytest
import spacy

from idnews_extract.lang.data import read_tsv
from idnews_extract.lang.tokenizer import build_tokenizer


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("id")
    nlp.tokenizer = build_tokenizer(nlp)
    nlp.add_pipe("idnews_sentences")
    return nlp


def words(nlp: spacy.language.Language, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wali Kota H.Ismail tiba.", ["Wali", "Kota", "H.", "Ismail", "tiba", "."]),
        ("Hj.Siti dan Dr.Budi", ["Hj.", "Siti", "dan", "Dr.", "Budi"]),
        ("Ir. Joko dan Prof. Ani, S.E., M.Si.", ["Ir.", "Joko", "dan", "Prof.", "Ani", ",", "S.E.", ",", "M.Si."]),
        ("drg. Rina di Jl. Merdeka No. 5 dll.", ["drg.", "Rina", "di", "Jl.", "Merdeka", "No.", "5", "dll."]),
        ("buku, pena, dsb.", ["buku", ",", "pena", ",", "dsb."]),
        ("naik 15,08 persen", ["naik", "15,08", "persen"]),
        ("sebanyak 1.250 orang", ["sebanyak", "1.250", "orang"]),
        ("senilai Rp1,5 triliun", ["senilai", "Rp", "1,5", "triliun"]),
        ("Senin (12/3), ia datang", ["Senin", "(12/3)", ",", "ia", "datang"]),
        ("Jumat (17/8/2018).", ["Jumat", "(17/8/2018)", "."]),
        ("kantor (pusat) di sana", ["kantor", "(", "pusat", ")", "di", "sana"]),
        ("JAKARTA, KOMPAS.com - Hari", ["JAKARTA", ",", "KOMPAS.com", "-", "Hari"]),
        ("TEMPO.CO, Jakarta - Hari", ["TEMPO.CO", ",", "Jakarta", "-", "Hari"]),
        ("Haji.", ["Haji", "."]),
        ("ikon Kota Medan”kata Rudi.", ["ikon", "Kota", "Medan", "”", "kata", "Rudi", "."]),
        ("abu-abu dan kupu-kupu", ["abu-abu", "dan", "kupu-kupu"]),
    ],
)
def test_tokens(nlp: spacy.language.Language, text: str, expected: list[str]) -> None:
    assert words(nlp, text) == expected


def test_tokens_cover_text(nlp: spacy.language.Language) -> None:
    text = "Wakil Wali Kota H.Ismail, Selasa (7/8), mengatakan 15,08 persen.\n\"Ya,\" katanya."
    doc = nlp.make_doc(text)
    assert doc.text == text


def sentences(nlp: spacy.language.Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_no_boundary_before_post_quote_cue(nlp: spacy.language.Language) -> None:
    text = '"Kami siap bekerja," kata Budi. "Semua sudah siap." Ia lalu pergi.'
    assert sentences(nlp, text) == ['"Kami siap bekerja," kata Budi.', '"Semua sudah siap."', "Ia lalu pergi."]


def test_period_inside_quote_followed_by_cue(nlp: spacy.language.Language) -> None:
    text = '"Semua sudah siap." ujarnya. Dia pergi.'
    assert sentences(nlp, text) == ['"Semua sudah siap." ujarnya.', "Dia pergi."]


def test_no_boundary_after_abbreviations(nlp: spacy.language.Language) -> None:
    text = "Rapat dipimpin Dr. Andi dan Ir. Budi di Jl. Sudirman No. 3. Rapat selesai."
    assert sentences(nlp, text) == ["Rapat dipimpin Dr. Andi dan Ir. Budi di Jl. Sudirman No. 3.", "Rapat selesai."]


def test_line_breaks_end_sentences(nlp: spacy.language.Language) -> None:
    assert sentences(nlp, "Paragraf satu tanpa titik\nParagraf dua.") == ["Paragraf satu tanpa titik", "Paragraf dua."]


def test_abbreviation_file_is_well_formed() -> None:
    rows = read_tsv("lang/tokenizer_abbreviations.tsv", 3)
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms)), "duplicate abbreviation"
    for form, kind, note in rows:
        assert kind in {"honorific", "abbrev"}, form
        assert form.strip() == form and " " not in form and note



def test_tokenizer_serialises(nlp: spacy.language.Language) -> None:
    """spaCy reads ``suffix_search.__self__.pattern`` and ``token_match.__self__.pattern`` to save a tokenizer."""
    assert nlp.tokenizer.to_bytes()
