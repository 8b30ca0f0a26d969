"""Quotes and speakers: layouts, resolution rules, no-guess cases, odd marks, speed, data files."""

from __future__ import annotations

import csv
import re
import time
from importlib import resources

import pytest

from idnews_extract.extractors.cues import lexicon
from idnews_extract.extractors.quotes import QuoteHit, find_quotes


def ments(text: str, *names: str, label: str = "PERSON") -> list[tuple[int, int, str]]:
    """Every occurrence of each name as a mention (the NER stage's job in the pipeline)."""
    out = []
    for n in names:
        out += [(m.start(), m.end(), label) for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text)]
    return out


def spk(text: str, h: QuoteHit) -> str | None:
    return None if h.speaker_start is None else text[h.speaker_start : h.speaker_end]


def qt(text: str, h: QuoteHit) -> str:
    return text[h.start : h.end]


def test_post_quote_cue_named_speaker_with_context_trimmed():
    t = 'Rapat digelar pagi ini.\n"Kami siap membantu warga," kata Kepala Dinas Sosial Budi Santoso saat dihubungi, Senin (3/4).'
    (h,) = find_quotes(t, ments(t, "Budi Santoso"))
    assert (h.kind, qt(t, h), h.cue, spk(t, h)) == ("direct", "Kami siap membantu warga,", "kata", "Budi Santoso")
    assert t[h.cue_start : h.cue_end] == "kata"


def test_nya_cue_resolves_to_last_attributed_speaker_not_last_mention():
    t = ('Ketua panitia Rina Wati mengatakan, acara berjalan lancar. '
         'Ia sempat bertemu Andi Saputra di lokasi.\n"Semua relawan bekerja keras," ujarnya.')
    hits = find_quotes(t, ments(t, "Rina Wati", "Andi Saputra"))
    assert [h.kind for h in hits] == ["indirect", "direct"]
    assert hits[1].cue == "ujar" and t[hits[1].cue_start : hits[1].cue_end] == "ujar"
    assert spk(t, hits[1]) == "Rina Wati"


def test_nya_cue_takes_a_person_who_opens_a_sentence_after_the_last_quote():
    t = ('"Kapal kami berangkat dua kali seminggu," kata Rudi Hartono. Sinta Dewi, pemilik warung di '
         'pelabuhan, juga menyampaikan harapan serupa. "Pembeli mulai datang lagi," katanya.')
    hits = find_quotes(t, ments(t, "Rudi Hartono", "Sinta Dewi"))
    assert [spk(t, h) for h in hits] == ["Rudi Hartono", "Sinta Dewi"]
    # the last speaker named again after that person: still the last speaker
    t = ('"Saya diminta datang," kata Rudi Hartono. Sinta Dewi kemudian menelepon Rudi Hartono. '
         '"Saya tidak mengenalnya," katanya.')
    hits = find_quotes(t, ments(t, "Rudi Hartono", "Sinta Dewi"))
    assert [spk(t, h) for h in hits] == ["Rudi Hartono", "Rudi Hartono"]


def test_nya_cue_falls_back_to_last_person_mention():
    t = 'Warga desa menyambut Bupati Joko Susilo di balai desa.\n\n\n"Jalan ini akan kami perbaiki tahun depan," katanya.'
    (h,) = find_quotes(t, ments(t, "Joko Susilo"))
    assert spk(t, h) == "Joko Susilo" and h.cue == "kata"


def test_no_person_no_guess():
    t = '"Harga cabai naik terus sejak awal bulan," katanya.'
    (h,) = find_quotes(t, [])
    assert h.kind == "direct" and h.speaker_start is None


def test_plural_pronoun_gives_no_speaker():
    t = 'Para peneliti Dewi Lestari dan Agus Salim menulis laporan itu. "Kebakaran makin sering terjadi," kata mereka.'
    hits = [h for h in find_quotes(t, ments(t, "Dewi Lestari", "Agus Salim")) if h.kind == "direct"]
    assert hits and hits[0].speaker_start is None


def test_pre_quote_cue():
    t = 'Menteri Sari Utami mengatakan, "Program ini berlanjut sampai akhir tahun."'
    (h,) = find_quotes(t, ments(t, "Sari Utami"))
    assert (h.kind, h.cue, spk(t, h)) == ("direct", "mengatakan", "Sari Utami")
    assert qt(t, h) == "Program ini berlanjut sampai akhir tahun."


def test_speaker_before_verb_after_quote():
    t = '"Kami akan terus memantau harga di pasar," Tono Hartono menambahkan.'
    (h,) = find_quotes(t, ments(t, "Tono Hartono"))
    assert (h.cue, spk(t, h)) == ("menambahkan", "Tono Hartono")


def test_split_quote_two_items_same_speaker():
    t = '"Stok beras aman," kata Lina Marlina, "dan harga akan turun pekan depan."'
    hits = find_quotes(t, ments(t, "Lina Marlina"))
    assert [qt(t, h) for h in hits] == ["Stok beras aman,", "dan harga akan turun pekan depan."]
    assert {spk(t, h) for h in hits} == {"Lina Marlina"}


def test_multi_paragraph_quote_one_item_per_paragraph():
    t = ('"Kami membangun tiga sekolah baru tahun ini.\n'
         '"Tahun depan kami menambah dua puskesmas," kata Bupati Hadi Wijaya.')
    hits = find_quotes(t, ments(t, "Hadi Wijaya"))
    assert [qt(t, h) for h in hits] == ["Kami membangun tiga sekolah baru tahun ini.",
                                       "Tahun depan kami menambah dua puskesmas,"]
    assert [spk(t, h) for h in hits] == ["Hadi Wijaya", "Hadi Wijaya"]
    assert hits[0].cue is None and hits[1].cue == "kata"


def test_continuation_paragraph_without_cue_carries_speaker():
    t = ('"Harga gabah sudah stabil," kata Rudi Hartono.\n'
         '"Petani tidak perlu khawatir menjual panen mereka."')
    hits = find_quotes(t, ments(t, "Rudi Hartono"))
    assert len(hits) == 2 and hits[1].cue is None and spk(t, hits[1]) == "Rudi Hartono"


def test_kompas_style_right_marks_and_mixed_glyphs():
    t = '”Kami tidak menaikkan tarif,” kata Eko. “Semua sesuai aturan," ujar Eko lagi. "Itu final,” tutur Eko.'
    hits = find_quotes(t, ments(t, "Eko"))
    assert [qt(t, h) for h in hits] == ["Kami tidak menaikkan tarif,", "Semua sesuai aturan,", "Itu final,"]
    assert all(spk(t, h) == "Eko" for h in hits)


def test_mixed_glyph_close_with_space_before_cue():
    t = '“Anda mengunjungi negara saya, "kata akun @wargaku di media sosial.'
    (h,) = find_quotes(t, [])
    assert qt(t, h) == "Anda mengunjungi negara saya," and h.cue == "kata" and spk(t, h) == "@wargaku"


def test_odd_counts_never_raise():
    for t in ['"', '""', '"""', 'a " b', '"Satu dua tiga empat lima.\n', '” ” ”', 'kata "', '"Ya," kata', "\n\n\"\n"]:
        find_quotes(t, [])


def test_unclosed_quote_cut_at_trailing_cue():
    t = 'Laporan terbit kemarin. "Hasil kajian kami menunjukkan api dipicu manusia, kata Maya Sari.'
    (h,) = find_quotes(t, ments(t, "Maya Sari"))
    assert qt(t, h).endswith("dipicu manusia,") and spk(t, h) == "Maya Sari"


def test_lone_closing_mark_takes_paragraph_start():
    t = 'Kami menunggu keputusan pusat," kata Dedi Kurnia.'
    (h,) = find_quotes(t, ments(t, "Dedi Kurnia"))
    assert qt(t, h) == "Kami menunggu keputusan pusat," and spk(t, h) == "Dedi Kurnia"


def test_titles_themes_and_scare_quotes_are_not_speech():
    t = ('Acara itu bertema "Bersama Membangun Desa Mandiri". Ia menyebut istilah "zona merah" berulang kali. '
         'Program "lifting" minyak juga dibahas.')
    assert [h for h in find_quotes(t, []) if h.kind == "direct"] == []


def test_theme_inside_indirect_quote():
    t = 'Wali Kota Rudi Halim mengatakan, koperasi harus maju sesuai tema "Koperasi Kuat Ekonomi Bangkit."'
    (h,) = find_quotes(t, ments(t, "Rudi Halim"))
    assert h.kind == "indirect" and qt(t, h).startswith("koperasi harus maju") and spk(t, h) == "Rudi Halim"


def test_antara_indirect_with_role_day_and_comma():
    t = 'Kepala Dinas Pertanian Kota Medan Andi Lubis, Selasa, mengatakan, produksi padi naik tahun ini.'
    (h,) = find_quotes(t, ments(t, "Andi Lubis"))
    assert (h.kind, h.cue, spk(t, h), qt(t, h)) == ("indirect", "mengatakan", "Andi Lubis", "produksi padi naik tahun ini.")


def test_indirect_with_bahwa_and_bare_clause():
    t = 'Menteri Siti Aminah menegaskan bahwa subsidi tetap berjalan.\nAlvin Tan mengatakan masyarakat tak perlu khawatir.'
    hits = find_quotes(t, ments(t, "Siti Aminah", "Alvin Tan"))
    assert [(qt(t, h), spk(t, h)) for h in hits] == [("subsidi tetap berjalan.", "Siti Aminah"),
                                                     ("masyarakat tak perlu khawatir.", "Alvin Tan")]


def test_noun_phrase_object_is_not_speech():
    t = 'Gubernur Sri Rahayu menyampaikan apresiasi kepada para relawan.'
    assert find_quotes(t, ments(t, "Sri Rahayu")) == []


def test_menurut_person_but_not_menurut_data():
    t = ('Menurut Hendra Gunawan, ekspor akan pulih tahun depan.\n'
         'Menurut data Badan Pusat Statistik, ekspor turun lima persen.\nMenurutnya, pasar Asia masih kuat.')
    hits = find_quotes(t, ments(t, "Hendra Gunawan") + ments(t, "Badan Pusat Statistik", label="ORG"))
    assert [(h.cue, qt(t, h), spk(t, h)) for h in hits] == [
        ("Menurut", "ekspor akan pulih tahun depan.", "Hendra Gunawan"),
        ("Menurut", "pasar Asia masih kuat.", "Hendra Gunawan")]


def test_parenthetical_cue_takes_whole_sentence():
    t = 'Budi Karya mengatakan, tarif tetap.\nUntuk tahun depan, ia melanjutkan, anggaran akan ditambah.'
    hits = find_quotes(t, ments(t, "Budi Karya"))
    assert qt(t, hits[1]) == "Untuk tahun depan, ia melanjutkan, anggaran akan ditambah."
    assert hits[1].cue == "melanjutkan" and spk(t, hits[1]) == "Budi Karya"


def test_medial_kata_cue():
    t = 'Penyederhanaan izin, kata Ikhsan Hadi, menjadi kunci pertumbuhan usaha kecil.'
    (h,) = find_quotes(t, ments(t, "Ikhsan Hadi"))
    assert h.kind == "indirect" and qt(t, h) == t and spk(t, h) == "Ikhsan Hadi"


def test_sentence_initial_passive_inherits_speaker():
    t = ('Direktur Rina Hapsari menjelaskan, penjualan naik.\n'
         'Ditambahkan, perusahaan akan membuka cabang baru.\nDijelaskannya, cabang itu di Surabaya.')
    hits = find_quotes(t, ments(t, "Rina Hapsari"))
    assert [h.cue for h in hits] == ["menjelaskan", "Ditambahkan", "Dijelaskan"]
    assert all(spk(t, h) == "Rina Hapsari" for h in hits)


def test_passive_without_earlier_speaker_is_not_guessed():
    t = 'Harga beras naik di banyak daerah.\n\n\nDitambahkan, stok gudang masih cukup.'
    (h,) = find_quotes(t, ments(t, "Sumarno"))
    assert h.kind == "indirect" and h.speaker_start is None


def test_backward_attribution():
    t = '"Kami menolak rencana itu," katanya.\nHal itu disampaikan Ketua Serikat Tani Yusuf Ali di Bandung.'
    (h,) = find_quotes(t, ments(t, "Yusuf Ali"))
    assert h.kind == "direct" and spk(t, h) == "Yusuf Ali"


def test_role_noun_resolves_to_person_introduced_with_role():
    t = ('Presiden Joko Widodo meninjau pasar bersama Ani Rahma.\n\n\n'
         '"Harga harus stabil," kata Presiden.')
    (h,) = find_quotes(t, ments(t, "Joko Widodo", "Ani Rahma"))
    assert spk(t, h) == "Joko Widodo"


def test_role_noun_without_antecedent_is_none():
    t = '"Harga harus stabil," kata Presiden.'
    (h,) = find_quotes(t, [])
    assert h.speaker_start is None


def test_organisation_and_handle_speakers():
    t = 'KPU Sulut menyatakan, jumlah pemilih bertambah.\n"Sabar ya semuanya," tulis @infojalan.'
    hits = find_quotes(t, ments(t, "KPU Sulut", label="ORG"))
    assert [spk(t, h) for h in hits] == ["KPU Sulut", "@infojalan"]


def test_ambiguous_base_forms_only_in_cue_position():
    t = 'Kata kunci pencarian itu sudah jelas bagi semua orang. Hal itu lebih lanjut dibahas dalam rapat.'
    assert find_quotes(t, []) == []
    t2 = '"Kami tidak akan mundur," jelas Ratna Dewi.'
    (h,) = find_quotes(t2, ments(t2, "Ratna Dewi"))
    assert h.cue == "jelas" and spk(t2, h) == "Ratna Dewi"


def test_offsets_are_consistent():
    t = 'Ketua Rudi, Senin, mengatakan, rapat ditunda.\n"Kami perlu data baru," ujarnya. Menurut dia, rapat digelar lagi Kamis.'
    for h in find_quotes(t, ments(t, "Rudi")):
        assert 0 <= h.start < h.end <= len(t)
        assert h.cue is None or t[h.cue_start : h.cue_end] == h.cue


def test_many_quote_marks_are_fast():
    t = ('"a" “b” ”c” ' * 20000)[:200_000] + '\n' + '"' * 50_000
    t0 = time.perf_counter()
    find_quotes(t, [])
    assert time.perf_counter() - t0 < 5.0


@pytest.mark.parametrize("name", ["speech_verbs.tsv", "quote_lexicon.tsv"])
def test_data_files_well_formed(name: str):
    text = resources.files("idnews_extract.data.lang").joinpath(name).read_text(encoding="utf-8")
    rows = list(csv.reader([ln for ln in text.splitlines() if ln and not ln.startswith("#")], delimiter="\t"))
    header, body = rows[0], rows[1:]
    assert body and all(len(r) == len(header) for r in body)
    keys = [tuple(r[:2]) if name == "quote_lexicon.tsv" else r[0] for r in body]
    assert len(keys) == len(set(keys)), "duplicate rows"
    assert all(c == c.strip() and c for r in body for c in r[:2])
    if name == "speech_verbs.tsv":
        flags = {"direct", "indirect", "clause", "after_quote_only", "backward", "agent_only"}
        assert all(set(r[3].split(",")) <= flags and r[2] in {"POST", "NYA", "ACT", "PASS", "PREP"} for r in body)
        assert all(r[0] == r[0].lower() for r in body)


def test_lexicon_has_expected_categories():
    lex = lexicon()
    for cat in ("pronoun", "source_noun", "context", "title_noun", "role_noun", "day", "connective",
                "complementizer", "np_object", "backward_subject", "similar_subject", "clause_link"):
        assert lex.words.get(cat) or lex.phrases.get(cat), cat


def test_pronoun_resolves_to_subject_of_last_sentence_not_its_object():
    t = ('Anggota DPRD Sinta Lestari mendukung program pasar murah yang digagas Bupati Hendra Wijaya.\n\n'
         'Menurut dia, program itu perlu diperluas ke semua kecamatan.')
    hits = find_quotes(t, ments(t, "Sinta Lestari", "Hendra Wijaya"))
    assert [spk(t, h) for h in hits] == ["Sinta Lestari"]


def test_described_subject_with_demonstrative_is_the_speaker_already_named():
    t = ('"Pasar murah kami gelar tiap pekan," kata Ketua DPRD Sinta Lestari.\n\n'
         'Lebih lanjut politisi Partai Maju Bersama itu mengatakan stok beras aman sampai akhir tahun.')
    hits = find_quotes(t, ments(t, "Sinta Lestari") + ments(t, "Partai Maju Bersama", label="ORG"))
    assert [spk(t, h) for h in hits] == ["Sinta Lestari", "Sinta Lestari"]


def test_name_the_ner_stage_missed_beats_an_organisation_in_the_subject():
    t = 'Direktur Keuangan Bank Sentosa, Yusuf Maulana, sebelumnya memperkirakan bahwa inflasi akan turun.'
    (h,) = find_quotes(t, ments(t, "Bank Sentosa", label="ORG"))
    assert spk(t, h) == "Yusuf Maulana"
    alone = 'Bank Sentosa memperkirakan bahwa inflasi akan turun.'
    (h,) = find_quotes(alone, ments(alone, "Bank Sentosa", label="ORG"))
    assert spk(alone, h) == "Bank Sentosa"


def test_a_capitalised_common_word_or_a_plural_is_no_speaker():
    t = ('Rina Wati dan Andi Saputra bertemu.\nPada saat itu, keduanya mengungkapkan bahwa acara berjalan lancar.\n'
         'Sebelumnya, Pemerintah menyatakan anggaran sudah cukup.')
    hits = find_quotes(t, ments(t, "Rina Wati", "Andi Saputra"))
    assert [(h.kind, spk(t, h)) for h in hits] == [("indirect", None), ("indirect", None)]


def test_dirinya_and_a_description_with_itu_resolve_to_the_person():
    t = ('Ketua panitia Rina Wati hadir di lokasi. Dirinya mengatakan bahwa acara berjalan lancar.\n'
         'Penyanyi dan penari 24 tahun itu menambahkan, tiket sudah habis.')
    hits = find_quotes(t, ments(t, "Rina Wati"))
    assert [spk(t, h) for h in hits] == ["Rina Wati", "Rina Wati"]


def test_a_role_then_a_comma_then_the_name_after_a_cue():
    t = '"Jadwal tetap," kata Juru Bicara KPU, Rina Wati saat dikonfirmasi.'
    (h,) = find_quotes(t, ments(t, "Rina Wati") + ments(t, "KPU", label="ORG"))
    assert spk(t, h) == "Rina Wati"


def test_a_role_with_its_complement_resolves_to_the_person_who_holds_it():
    t = ('Menko Polhukam Budi Santoso membuka rapat itu.\n'
         '"Semua aparat harus siaga," jelas Menko Polhukam.')
    hits = find_quotes(t, ments(t, "Budi Santoso"))
    assert [spk(t, h) for h in hits] == ["Budi Santoso"]


def test_menurut_a_role_in_lower_case_then_the_name():
    for t in ('Menurut pengamat ekonomi Budi Santoso, harga beras akan naik.',
              'Sementara itu, menurut pengamat pangan, Budi Santoso, harga beras akan naik.'):
        (h,) = find_quotes(t, ments(t, "Budi Santoso"))
        assert (h.kind, qt(t, h), spk(t, h)) == ("indirect", "harga beras akan naik.", "Budi Santoso"), t


def test_a_role_with_lower_case_words_and_an_organisation_before_the_comma_and_name():
    t = ('"Biaya kita lebih murah," ungkap Deputi bidang Koordinasi Perniagaan Kementerian Koordinator '
         'bidang Perekonomian, Budi Santoso kepada wartawan.')
    (h,) = find_quotes(t, ments(t, "Budi Santoso") + ments(t, "Kementerian Koordinator", label="ORG"))
    assert spk(t, h) == "Budi Santoso"


def test_a_described_speaker_with_itu_after_the_cue_is_the_last_speaker():
    t = ('"Kami siap," kata Rina Wati.\n'
         '"Lawan kami kuat," ucap pelatih asal Jepang itu.')
    hits = find_quotes(t, ments(t, "Rina Wati"))
    assert [spk(t, h) for h in hits] == ["Rina Wati", "Rina Wati"]
