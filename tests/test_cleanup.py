"""Tests for the news cleanup: normalisation, datelines, footers, duplicates, credits, reference date.

All texts are written for these tests (no third-party article text)."""

from __future__ import annotations

import csv
import time

import pytest

from idnews_extract.text import datelines, footers
from idnews_extract.text.cleanup import (
    find_dateline,
    find_normalisations,
    find_reference_date,
    find_removals,
    find_source_credits,
    load_calendar,
)
from idnews_extract.text.normalise import apply_edits

BODY = "Pemerintah kota meresmikan pasar baru yang dibangun selama dua tahun dengan dana daerah."
P1 = "Wali kota mengatakan pasar itu akan menampung lebih dari lima ratus pedagang kecil dari tiga kecamatan."
P2 = "\"Kami ingin pedagang berjualan dengan nyaman dan pembeli merasa aman,\" kata Wali Kota Budi Santoso."
P3 = "Pembangunan pasar tersebut menghabiskan dana sekitar Rp 40 miliar dari anggaran pendapatan daerah."


def cleaned(text: str) -> str:
    return apply_edits(text, find_removals(text, find_dateline(text)))


# ------------------------------------------------------------------ normalisation


def test_normalisation_entities_spaces_and_invisibles() -> None:
    text = "JAKARTA,&nbsp;KOMPAS.com &ndash; Harga\u00a0 naik &quot;tajam&quot;\r\nse\u200bkali  lagi\u00ad.\t\tYa &amp; tidak."
    edits = find_normalisations(text)
    out = apply_edits(text, edits)
    assert out == 'JAKARTA, KOMPAS.com – Harga naik "tajam"\nsekali lagi. Ya & tidak.'
    assert {e.kind for e in edits} == {"entity", "whitespace"}
    assert find_normalisations(out) == []


@pytest.mark.parametrize("text", [
    "a &amp;nbsp; b", "x\u200b \u00a0\ty", "&#160;&#8220;Halo&#8221;&#xA0;", "\r\r\n", "  a  ", "&foo; tetap",
    "satu\u2009dua\u202ftiga", "&amp;amp;quot;",
])
def test_normalisation_is_idempotent(text: str) -> None:
    once = apply_edits(text, find_normalisations(text))
    assert find_normalisations(once) == []


def test_normalisation_of_clean_text_is_empty() -> None:
    assert find_normalisations(BODY + "\n" + P1) == []


# ------------------------------------------------------------------ datelines


@pytest.mark.parametrize("prefix, place, source", [
    ("Tanjungbalai (Antaranews Sumut) - ", "Tanjungbalai", "Antaranews Sumut"),
    ("Wamena (ANTARA News) - ", "Wamena", "ANTARA News"),
    ("Samarinda, Kalimantan Timur (ANTARA News) - ", "Samarinda", "ANTARA News"),
    ("Jakarta (ANTARA) – ", "Jakarta", "ANTARA"),
    ("Kuala Lumpur, (AntaraKL) - ", "Kuala Lumpur", "AntaraKL"),
    ("JAKARTA \u00a0 (Pos Kota) – ", "JAKARTA", "Pos Kota"),
    ("Malang (Kabarpas.com) – ", "Malang", "Kabarpas.com"),
    ("JAKARTA, KOMPAS.com - ", "JAKARTA", "KOMPAS.com"),
    ("KUTA, KOMPAS.com — ", "KUTA", "KOMPAS.com"),
    ("Jakarta, KompasOtomotif – ", "Jakarta", "KompasOtomotif"),
    ("LOMBOK UTARA, KOMPAS — ", "LOMBOK UTARA", "KOMPAS"),
    ("Jakarta, CNN Indonesia -- ", "Jakarta", "CNN Indonesia"),
    ("Jakarta, CNBC Indonesia - ", "Jakarta", "CNBC Indonesia"),
    ("SUNGGUMINASA, iNews.id - ", "SUNGGUMINASA", "iNews.id"),
    ("GOLD COAST, JUARA.net - ", "GOLD COAST", "JUARA.net"),
    ("JUARA.NET, TOKYO - ", "TOKYO", "JUARA.NET"),
    ("TEMPO.CO, Jakarta - ", "Jakarta", "TEMPO.CO"),
    ("Liputan6.com, Jakarta - ", "Jakarta", "Liputan6.com"),
    ("REPUBLIKA.CO.ID, JAKARTA -- ", "JAKARTA", "REPUBLIKA.CO.ID"),
    ("TRIBUNNEWS.COM, JAKARTA --", "JAKARTA", "TRIBUNNEWS.COM"),
    ("TRIBUNJATENG.COM, SEMARANG - ", "SEMARANG", "TRIBUNJATENG.COM"),
    ("Bisnis.com, JAKARTA - ", "JAKARTA", "Bisnis.com"),
    ("KONTAN.CO.ID - JAKARTA. ", "JAKARTA", "KONTAN.CO.ID"),
    ("tirto.id - ", None, "tirto.id"),
    ("Suara.com - ", None, "Suara.com"),
    ("Merdeka.com - ", None, "Merdeka.com"),
    ("VIVA.co.id - ", None, "VIVA.co.id"),
    ("Rimanews \u00a0 - ", None, "Rimanews"),
    ("JUARA.net-", None, "JUARA.net"),
    ("Jakarta - ", "Jakarta", None),
    ("JAKARTA - ", "JAKARTA", None),
    ("BEKASI – ", "BEKASI", None),
    ("SWEDIA-", "SWEDIA", None),
])
def test_dateline_shapes(prefix: str, place: str | None, source: str | None) -> None:
    text = prefix + "Pemerintah kota meresmikan pasar baru."
    hit = find_dateline(text)
    assert hit is not None
    assert (hit.place, hit.source) == (place, source)
    assert text[hit.end:].startswith("Pemerintah")
    if place is not None:
        assert text[hit.place_start:hit.place_end] == place
    if source is not None:
        assert text[hit.source_start:hit.source_end] == source


def test_dateline_glued_to_first_word_and_byline_prefix() -> None:
    hit = find_dateline("LHOKSEUMAWE, KOMPAS.comPenyidik memeriksa saksi.")
    assert hit is not None and hit.source == "KOMPAS.com"
    text = "Laporan wartawan Tribunnews.com, Budi Raharjo TRIBUNNEWS.COM, JAKARTA - Ketua umum partai hadir."
    hit = find_dateline(text)
    assert hit is not None and (hit.start, hit.place, hit.source) == (0, "JAKARTA", "TRIBUNNEWS.COM")
    assert text[hit.end:].startswith("Ketua")


def test_pr_wire_dateline_gives_reference_date() -> None:
    text = "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -\nPerusahaan itu mengumumkan produk baru."
    hit = find_dateline(text)
    assert hit is not None and hit.place == "ISTANBUL" and hit.source == "Antara/PRNewswire"
    assert find_reference_date(text, hit) == ("2016-02-23", "dateline")


@pytest.mark.parametrize("text", [
    "ANALISIS – Pertarungan dua pasangan calon makin sengit.",
    "OPINI - Kita perlu membaca ulang sejarah kota ini.",
    "DEPRESI jadi satu momok bagi pekerja kota.",
    "Pemerintah Kota Bandung - bersama warga - membersihkan sungai.",
    "Jakarta-Bandung kini bisa ditempuh dalam satu jam.",
    BODY,
])
def test_no_dateline_for_rubric_words_or_plain_text(text: str) -> None:
    assert find_dateline(text) is None


# ------------------------------------------------------------------ footers


@pytest.mark.parametrize("tail, kept_end", [
    ("\nPewarta: Rina Wulandari\nEditor: Agus Salim\nCOPYRIGHT © ANTARA 2020", P3),
    ("\nPewarta: Putu Indah SavitriEditor: Agus Salim Copyright © ANTARA 2026", P3),
    ("\nPewarta : Rina\r\nEditor : Agus\r\nCOPYRIGHT © ANTARA 2021".replace("\r", ""), P3),
    ("\nCOPYRIGHT © ANTARA News Sumatera Utara 2018", P3),
    ("\n\nPenulis : Rina Wulandari\nEditor : Agus Salim\nSumber : Harian Kota", P3),
    (" (ptr)", P3),
    ("\n\n(agi/agi)", P3),
    (" [feb]", P3),
    ("(Cas/Isk)", P3),
    ("\n(U.H-RF/I015)", P3),
    (" (FHM)\n\n0 Komentar", P3),
    (" DINI TEJA", P3),
    ("\nScroll ke bawah untuk melanjutkan membaca", P3),
    ("\n\nKotaku.id adalah portal berita startup dan inovasi teknologi. Kamu bisa menjadi member komunitas startup dan "
     "inovasi DailySocial.id, mengunduh laporan riset.", P3),
    ("\nRina Wulandari berkontribusi dalam penulisan artikel ini.", P3),
])
def test_tail_footer_shapes(tail: str, kept_end: str) -> None:
    text = "\n".join([BODY, P1, P3]) + tail
    edits = find_removals(text)
    # UI phrases of three words or more are dropped anywhere, so at the tail they may come as "inserted"
    assert edits and all(e.kind in ("footer", "inserted") and e.replacement == "" for e in edits)
    assert any(e.kind == "footer" for e in edits) or "Scroll" in tail
    assert cleaned(text).endswith(kept_end)
    assert cleaned(text) == "\n".join([BODY, P1, P3])


def test_footer_shapes_in_the_middle_stay() -> None:
    text = "\n".join([BODY, "Editor: Agus Salim memimpin rapat redaksi pagi itu.", P1 + " (ptr)", P3])
    assert find_removals(text) == []


def test_source_credit_at_tail_stays_and_is_found() -> None:
    text = BODY + "\n" + P3 + " (Antara)"
    assert find_removals(text) == []
    credits = find_source_credits(text)
    assert [(text[s:e], name) for s, e, name in credits] == [("Antara", "Antara")]
    text2 = P3 + "\nBanjir melanda tiga desa, demikian dikutip dari AFP.\nKorban dievakuasi, dilansir kantor berita Antara."
    names = [name for _, _, name in find_source_credits(text2)]
    assert names == ["AFP", "Antara"]
    text3 = P3 + " [PageSix.com]\n" + P1 + " (Antara / Reuters)"
    assert [name for _, _, name in find_source_credits(text3)] == ["PageSix.com", "Antara", "Reuters"]


def test_credit_cue_before_a_person_is_not_a_credit() -> None:
    assert find_source_credits("Ia mengutip Budi Santoso yang pernah menjabat menteri.") == []


def test_baca_juga_lines_anywhere() -> None:
    text = "\n\n".join([BODY, "Baca juga: Pasar Lama Akan Dipugar Tahun Depan", P1, "[Baca Juga: Harga Cabai Naik]", P2,
                       "SIMAK JUGA: Wali Kota Tinjau Terminal", P3])
    edits = find_removals(text)
    assert [e.kind for e in edits] == ["inserted"] * 3
    assert cleaned(text) == "\n\n".join([BODY, P1, P2, P3])


def test_bare_baca_juga_takes_the_headline_line() -> None:
    text = "\n\n".join([BODY, "Baca juga:", "Pasar Lama Akan Dipugar Tahun Depan", P1])
    assert cleaned(text) == "\n\n".join([BODY, P1])


def test_rubric_word_stays() -> None:
    text = "ANALISIS – " + BODY + "\n" + P1
    assert find_dateline(text) is None
    assert cleaned(text) == text


def test_nothing_to_remove() -> None:
    text = "\n\n".join([BODY, P1, P2, P3])
    assert find_normalisations(text) == []
    assert find_dateline(text) is None
    assert find_removals(text) == []
    assert find_source_credits(text) == []
    assert find_reference_date(text) is None


# ------------------------------------------------------------------ duplicates


def test_duplicate_block_abab() -> None:
    text = "Jakarta - " + "\n".join([BODY, P1, BODY, P1])
    edits = find_removals(text, find_dateline(text))
    assert [e.kind for e in edits] == ["duplicate"]
    assert cleaned(text) == "Jakarta - " + "\n".join([BODY, P1])


def test_duplicate_block_with_footer_between_copies_and_dateline_lost() -> None:
    first = "\n".join(["Tanjungbalai (Antaranews Sumut) - " + BODY, P1, P2, "COPYRIGHT © ANTARA 2018"])
    second = "\n".join([BODY, P1, "\u201cKami ingin pedagang berjualan dengan nyaman dan pembeli merasa aman,\u201d "
                        "kata Wali Kota  Budi Santoso.", "COPYRIGHT © ANTARA 2018"])
    text = first + "\n" + second
    edits = find_removals(text, find_dateline(text))
    assert sorted(e.kind for e in edits) == ["duplicate", "footer"]
    out = cleaned(text)
    assert out == "\n".join(["Tanjungbalai (Antaranews Sumut) - " + BODY, P1, P2])
    assert out.count("kata Wali Kota") == 1


def test_single_repeated_paragraph() -> None:
    text = "\n\n".join([BODY, P1, P2, P2, P3])
    edits = find_removals(text)
    assert [e.kind for e in edits] == ["duplicate"]
    assert cleaned(text) == "\n\n".join([BODY, P1, P2, P3])


def test_footer_right_after_a_removed_copy_is_removed_too() -> None:
    text = "\n".join([BODY, P1, P2, P1, "Pewarta: Nur Fadilah", "Editor: Yusuf Rahman", "COPYRIGHT © ANTARA 2024"])
    edits = find_removals(text)
    assert [e.kind for e in edits] == ["duplicate", "footer", "footer", "footer"]
    assert cleaned(text) == "\n".join([BODY, P1, P2])


def test_paragraph_holding_its_text_twice() -> None:
    text = BODY + "\n" + P1 + " " + P1
    assert cleaned(text) == BODY + "\n" + P1


def test_short_repeated_lines_stay() -> None:
    text = "\n".join([BODY, "Pelatih: Joko", P1, "Pelatih: Joko", P3])
    assert find_removals(text) == []


# ------------------------------------------------------------------ reference date


def test_reference_date_from_weekday_dates() -> None:
    text = ("Rapat digelar di balai kota, Senin (6/8/2018). Wali kota akan kembali bertemu warga pada Kamis "
            "(9/8/2018).\n\"Kami siap,\" kata Budi, Selasa (7/8/2018).")
    assert find_reference_date(text) == ("2018-08-07", "text")


def test_reference_date_rejects_wrong_weekday_and_missing_year() -> None:
    assert find_reference_date("Rapat digelar Senin (7/8/2018) di balai kota.") is None  # 7/8/2018 is a Tuesday
    assert find_reference_date("Rapat digelar Selasa (7/8) di balai kota.") is None


def test_reference_date_from_copyright_year_and_weekday() -> None:
    text = "Rapat digelar di balai kota, Selasa (7/8).\nCOPYRIGHT © ANTARA 2018"
    assert find_reference_date(text) == ("2018-08-07", "text")


def test_reference_date_from_bare_weekday_and_event_range() -> None:
    text = ("Wali Kota Budi, Selasa, mengatakan pasar dibuka. Pameran diselenggarakan 7 hingga 8 Agustus 2018 "
            "di alun-alun.")
    assert find_reference_date(text) == ("2018-08-07", "text")
    ambiguous = text + " Lomba digelar 14 Agustus 2018."  # also a Tuesday
    assert find_reference_date(ambiguous) is None


# ------------------------------------------------------------------ speed, data files


def test_pathological_megabyte_input_is_fast() -> None:
    text = ("x" * 100_000 + " ") + ("- " * 50_000) + ("A-" * 50_000) + ("(" * 50_000) + ("JAKARTA, " * 20_000)
    text += ("&amp;" * 20_000) + ("\u00a0 " * 50_000) + ("Baca juga: " * 10_000) + ("[a/" * 30_000) + ("Selasa (" * 20_000)
    text = text[:1_000_000] + " (ptr)"
    started = time.perf_counter()
    find_normalisations(text)
    hit = find_dateline(text)
    find_removals(text, hit)
    find_source_credits(text)
    find_reference_date(text, hit)
    assert time.perf_counter() - started < 10.0


def test_outlet_data_is_well_formed() -> None:
    rows = datelines.load_outlets()
    assert len(rows) > 20
    seen = set()
    for row in rows:
        assert row.token and row.token == row.token.strip()
        assert row.match in datelines.MATCH_KINDS
        assert row.uses <= set(datelines.SHAPES) | {"credit"}, row
        assert (row.token, row.match) not in seen
        seen.add((row.token, row.match))


def test_phrase_and_calendar_data_are_well_formed() -> None:
    phrases = footers.load_phrases()
    assert set(phrases) <= set(footers.PHRASE_KINDS)
    for kind, values in phrases.items():
        assert len(values) == len(set(values)), kind
        assert all(v == v.strip() and v for v in values)
    calendar = load_calendar()
    assert sorted(set(calendar["month"].values())) == list(range(1, 13))
    assert sorted(set(calendar["weekday"].values())) == list(range(1, 8))
    assert calendar["future"] and calendar["future_after"]


def test_place_lists_are_well_formed() -> None:
    for name in ("places.txt", "cleanup_places_extra.txt", "cleanup_rubrics.txt"):
        lines = datelines._data_lines(name)
        assert lines and len(lines) == len(set(lines)), name
        assert all(line == line.strip() for line in lines)
    assert (datelines.DATA_DIR / "LICENSE-wilayah.txt").exists()
    assert datelines.is_place("Tanjungbalai") and datelines.is_place("JAKARTA")
    assert not datelines.is_place("ANALISIS") and not datelines.is_place("Kota")
    with (datelines.DATA_DIR / "cleanup_outlets.tsv").open(encoding="utf-8") as handle:
        body = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    assert all(len(row) == 3 for row in body)


def test_copyright_holder_is_a_source_credit() -> None:
    for text, holder in (
        ("Harga cabai turun di Pasar Raya.\nCOPYRIGHT © Harian Medan Pos 2019", "Harian Medan Pos"),
        ("Harga cabai turun.\n© 2019 Warta Kota.com. All rights reserved", "Warta Kota.com"),
        ("Harga cabai turun.\nHak Cipta (c) Suara Rakyat 2019", "Suara Rakyat"),
    ):
        assert [c[2] for c in find_source_credits(text)] == [holder]
    assert find_source_credits("Copyright © 2019 All Rights Reserved") == []
