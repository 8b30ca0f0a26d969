"""Typo/OCR correction: the phenomena, the guards, the spacing switch, the data files."""

from __future__ import annotations

import gzip
import json
import re
from importlib import resources

import pytest

from idnews_extract.text.edits import Edit
from idnews_extract.text.typos import find_corrections
from idnews_extract.text.typos.candidates import digit_readings, edits, error_model, splits
from idnews_extract.text.typos.lexicon import FILES, load
from idnews_extract.text.typos.morphology import is_derived, roots_of


def fixes(text: str, **kw) -> dict[str, str]:
    out = {}
    for e in find_corrections(text, **kw):
        assert isinstance(e, Edit)
        out[text[e.start : e.end]] = e.replacement
    return out


# --- the seed phenomena, in sentences written for these tests -------------------------------------


def test_keyboard_slip_on_common_word() -> None:
    text = "Rapat anggota joperasi simpan pinjam itu digelar di balai desa pada Senin pagi."
    assert fixes(text) == {"joperasi": "koperasi"}


def test_typo_inside_multiword_name() -> None:
    text = "Anggaran setiap Organisasi Perangkat Daetah akan diperiksa ulang oleh inspektorat."
    assert fixes(text) == {"Daetah": "Daerah"}


def test_space_typed_as_v() -> None:
    text = "Para pedagang dituntutvmenciptakan kemasan yang lebih menarik bagi pembeli."
    found = find_corrections(text)
    assert [(text[e.start : e.end], e.replacement, e.kind) for e in found] == [
        ("dituntutvmenciptakan", "dituntut menciptakan", "typo")
    ]


def test_preposition_spacing_and_switch() -> None:
    text = "Produk itu dijual diseluruh negeri dan membantu warga didaerahnya sendiri."
    found = find_corrections(text)
    assert {(text[e.start : e.end], e.replacement, e.kind) for e in found} == {
        ("diseluruh", "di seluruh", "spacing"),
        ("didaerahnya", "di daerahnya", "spacing"),
    }
    assert find_corrections(text, spacing=False) == []


def test_passive_verbs_are_not_split() -> None:
    text = "Acara itu digelar kemarin, dilansir media lokal, dan dijalankan panitia yang dibentuk warga."
    assert find_corrections(text) == []


# --- each noise type ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("pemerintah akan membangun jembatan baru di kecamatan itu tahun depan", None),
        ("pemerintah akan membangun jembatam baru di kecamatan itu tahun depan", ("jembatam", "jembatan")),  # keyboard
        ("pemerintah akan membangun jembatan baru di kecarnatan itu tahun depan", ("kecarnatan", "kecamatan")),  # OCR rn/m
        ("pemerintah akan mmbangun jembatan baru di kecamatan itu tahun depan", ("mmbangun", "membangun")),  # deletion
        ("pemerintah akan membangun jembatan baru di kecamatan itu tahun dpean", ("dpean", "depan")),  # transposition
        ("pemerintah akan membangun jembatan barudi kecamatan itu tahun depan", ("barudi", "baru di")),  # merged
        ("pemerintah akan membangun jembatan baru di kecamatan itu tahunbdepan", ("tahunbdepan", "tahun depan")),
    ],
)
def test_noise_types(noisy: str, clean: tuple[str, str] | None) -> None:
    assert fixes(noisy) == (dict([clean]) if clean else {})


def test_ocr_digit_for_letter() -> None:
    assert fixes("Pertemuan itu berlangsung hingga ma1am hari.") == {"ma1am": "malam"}


def test_sentence_initial_capital_keeps_case() -> None:
    assert fixes("Harga beras naik. Pemerimtah akan menambah pasokan.") == {"Pemerimtah": "Pemerintah"}


# --- precision guards ------------------------------------------------------------------------------


def test_names_acronyms_and_correct_words_untouched() -> None:
    text = (
        "Wali Kota Tanjungbalai bersama Kepala Dinas Nedi Hamlet meninjau sentra sepatu Cibaduyut. "
        "Menurut Antaranews, UMKM harus diberdayakan untuk menanggulangi kemiskinan dan menembus pasar mancanegara."
    )
    assert find_corrections(text) == []


def test_english_urls_handles_emails_numbers_code_untouched() -> None:
    text = (
        "Kunjungi https://contoh-berita.co.id/artikel_baru atau www.contohberita.com, surel redaksi@contohberita.id, "
        "ikuti @redaksiKita dan #beritaterkini. Laporan itu memakai framework deep learning dengan skor 0.87 "
        "dan kode get_user_id() pada versi v2.3.1 serta token abc123xyz."
    )
    assert find_corrections(text) == []


def test_word_inside_a_url_left_but_the_same_word_outside_fixed() -> None:
    text = "Baca www.berita-joperasi.com tentang joperasi desa yang dibina pemerintah."
    (edit,) = find_corrections(text)
    assert (edit.start, edit.replacement) == (text.index(" joperasi") + 1, "koperasi")


def test_rare_regular_derivations_are_not_corrected_into_unattested_ones() -> None:
    text = (
        "Seniman muda itu ingin mendekonstruksi cara pandang lama tentang seni rupa. "
        "Anak-anak itu senang mencongkel tutup botol di halaman rumah."
    )
    assert fixes(text) == {}  # not mensekonstruksi, mendongkel: derivations no source attests


def test_suffix_chain_with_a_dropped_n_is_not_split_off() -> None:
    text = "Perusahaan itu terus meningkatkanya setiap tahun, dan produk unggulanya laris."
    assert all(" " not in replacement for replacement in fixes(text).values())  # not meningkat kanya


def test_settled_words_need_no_context() -> None:
    from idnews_extract.text.typos.corrector import _settled

    for word in ("mengatakan", "BUMN", "Jakarta", "2018"):
        assert _settled(word), word  # nothing any context could change
    for word in ("joperasi", "diseluruh", "ma1am"):
        assert not _settled(word), word  # an unknown word, a di- to space off, a digit for a letter


def test_edits_sorted_non_overlapping_and_offsets_exact() -> None:
    text = "Warga menunggu kepitusan pemerintah.\nMereka berharap bantuan segera dismpaikan diseluruh desa."
    found = find_corrections(text)
    assert found == sorted(found)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for e in found:
        assert re.fullmatch(r"\S+", text[e.start : e.end])
        assert e.kind in {"typo", "spacing"}
    assert {text[e.start : e.end] for e in found} == {"kepitusan", "dismpaikan", "diseluruh"}


def test_empty_and_whitespace() -> None:
    assert find_corrections("") == []
    assert find_corrections("  \n\t ") == []


# --- parts -----------------------------------------------------------------------------------------


def test_morphology_rules() -> None:
    lex = load()
    is_root = lex.roots.__contains__
    assert "sapu" in set(roots_of("menyapu"))  # meny- -> s-
    assert "pakai" in set(roots_of("memakai"))  # mem- -> p-
    assert "tulis" in set(roots_of("menulisnya"))  # men- -> t-, -nya
    assert "kirim" in set(roots_of("mengirimkan"))  # meng- -> k-, -kan
    assert "baik" in set(roots_of("memperbaiki"))  # memper- ... -i
    assert is_derived("kesejahteraannya", is_root)
    assert not is_derived("joperasi", is_root)


def test_candidate_costs_follow_error_model() -> None:
    cand = edits("joperasi")
    assert cand["koperasi"] < cand["operasi"]  # a neighbouring key is likelier than a stray letter
    assert edits("kecarnatan")["kecamatan"] == error_model().costs["ocr"]
    assert ("dituntut", "menciptakan", "v") in splits("dituntutvmenciptakan", lambda w: w in {"dituntut", "menciptakan"})
    assert "malam" in digit_readings("ma1am")


# --- data files ------------------------------------------------------------------------------------


def _lines(name: str) -> list[str]:
    ref = resources.files("idnews_extract.data.lexicon").joinpath(name)
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return fh.read().splitlines()


def test_words_file_well_formed() -> None:
    rows = _lines("words.tsv.gz")
    assert len(rows) > 30_000
    seen = set()
    for row in rows:
        word, freq, count, flags = row.split("\t")
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word), row
        assert int(freq) >= 0 and int(count) >= 0
        assert flags and set(flags) <= set("chlntw"), row
        assert word not in seen
        seen.add(word)


def test_names_bigrams_english_well_formed() -> None:
    for row in _lines("names.tsv.gz"):
        name, count = row.split("\t")
        assert re.fullmatch(r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*", name) and int(count) >= 0, row
    words = {r.split("\t", 1)[0] for r in _lines("words.tsv.gz")}
    for row in _lines("bigrams.tsv.gz"):
        a, b, count = row.split("\t")
        assert a in words and b in words and int(count) >= 2, row
    english = _lines("english.txt.gz")
    assert len(english) > 10_000 and all(re.fullmatch(r"[a-z]{3,}", w) for w in english)


def test_json_data_well_formed() -> None:
    root = resources.files("idnews_extract.data.lexicon")
    aff = json.loads(root.joinpath("affixes.json").read_text(encoding="utf-8"))
    assert len(aff["suffix_layers"]) == 3
    assert all(b.isalpha() and b.islower() for b in aff["bound_forms"])
    for surface, restore, cond in aff["prefix_rules"]:
        assert surface.isalpha() and (restore == "" or restore.isalpha())
        assert cond in ("", "vowel") or cond.isalpha()
    conf = json.loads(root.joinpath("confusions.json").read_text(encoding="utf-8"))
    assert all(len(pair) == 2 and pair[0] != pair[1] for pair in conf["ocr"])
    assert all(v > 0 for v in conf["costs"].values())
    assert set(conf["space_keys"]) <= set("abcdefghijklmnopqrstuvwxyz")


def test_sources_named() -> None:
    text = resources.files("idnews_extract.data.lexicon").joinpath("SOURCES.md").read_text(encoding="utf-8")
    for name in FILES:
        assert name in text
    for licence in ("CC BY-SA", "LGPL", "Apache-2.0"):
        assert licence in text


# --- context-aware ranking of competing candidates ---------------------------------------------------


def test_neighbours_choose_between_candidates() -> None:
    # pasaf is one keyboard slip from both pasar and pasal: the neighbouring words decide
    assert fixes("Harga cabai di pasaf tradisional naik lagi minggu ini.") == {"pasaf": "pasar"}
    assert fixes("Ketentuan itu diatur dalam pasaf undang-undang tersebut.") == {"pasaf": "pasal"}


def test_first_letter_drop_costs_more_than_adjacent_key() -> None:
    costs = edits("joperasi")
    assert costs["koperasi"] < costs["operasi"]
    # no document context at all: the adjacent-key reading beats the more frequent first-letter drop
    assert fixes("Rapat itu dihadiri pengurus joperasi dan warga desa.") == {"joperasi": "koperasi"}


def test_document_cache_keeps_a_repeated_rare_word() -> None:
    text = (
        "Para petambak udang di pesisir itu mengeluh. Harga pakan yang dibeli petambak terus naik. "
        "Pemerintah berjanji membantu petambak kecil tahun depan."
    )
    assert "petambak" not in fixes(text)


def test_duplicated_passage_does_not_vouch_for_its_typo() -> None:
    sentence = "Para pedagang dituntutvmenciptakan kemasan yang lebih menarik bagi pembeli.\n"
    text = sentence + sentence  # a scraped page that repeats its body
    found = find_corrections(text)
    expected = [("dituntutvmenciptakan", "dituntut menciptakan")] * 2
    assert [(text[e.start : e.end], e.replacement) for e in found] == expected


def test_word_used_elsewhere_in_the_article_is_the_likelier_reading() -> None:
    text = (
        "Koperasi nelayan itu kini punya seratus anggota. "
        "Menurut ketua joperasi, modal usaha berasal dari iuran anggota koperasi sendiri."
    )
    assert fixes(text) == {"joperasi": "koperasi"}
