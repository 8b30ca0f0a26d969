"""People clustering: honorific forms, short names, nicknames, roles from appositions."""

from __future__ import annotations

import re

from idnews_extract.extractors import people as pp
from idnews_extract.extractors.entity_rules import find_rule_entities
from idnews_extract.extractors.people import PersonCluster, cluster_people, find_roles


def persons(text: str, *names: str) -> list[tuple[int, int, str]]:
    """PERSON spans for every whole-word occurrence of each name (longest first, no overlaps)."""
    spans: list[tuple[int, int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(m.start() < e and s < m.end() for s, e, _ in spans):
                spans.append((m.start(), m.end(), "PERSON"))
    return sorted(spans)


def by_name(clusters: list[PersonCluster]) -> dict[str, PersonCluster]:
    return {c.name: c for c in clusters}


def test_honorific_form_is_an_alias_and_role_before_name() -> None:
    text = (
        "Wakil Bupati Sleman H.Sutrisno, Senin, membuka acara itu. Menurut Sutrisno, acara itu penting. "
        "Kepala Dinas Pertanian Sleman Budi Hartono menjelaskan jadwalnya."
    )
    got = by_name(cluster_people(text, find_rule_entities(text)))
    assert set(got) == {"Sutrisno", "Budi Hartono"}
    assert got["Sutrisno"].aliases == ("H.Sutrisno",)
    assert got["Sutrisno"].roles == ("Wakil Bupati Sleman",)
    assert got["Budi Hartono"].roles == ("Kepala Dinas Pertanian Sleman",)
    assert got["Budi Hartono"].aliases == ()
    assert list(got["Sutrisno"].mentions) == sorted(got["Sutrisno"].mentions) and len(got["Sutrisno"].mentions) == 2


def test_short_name_joins_fullest_name() -> None:
    text = "Siti Rahmawati Putri hadir. Siti Rahmawati tersenyum. Kata Siti, semua baik."
    clusters = cluster_people(text, persons(text, "Siti Rahmawati Putri", "Siti Rahmawati", "Siti"))
    assert len(clusters) == 1
    assert clusters[0].name == "Siti Rahmawati Putri"
    assert set(clusters[0].aliases) == {"Siti Rahmawati", "Siti"}


def test_nickname_linked_by_akrab_disapa_and_alias() -> None:
    text = "Bambang Sutejo yang akrab disapa Tejo datang. Tejo lalu pergi. Agus Salim alias Gusli juga hadir."
    got = by_name(cluster_people(text, persons(text, "Bambang Sutejo", "Tejo", "Agus Salim", "Gusli")))
    assert set(got) == {"Bambang Sutejo", "Agus Salim"}
    assert got["Bambang Sutejo"].aliases == ("Tejo",)
    assert got["Agus Salim"].aliases == ("Gusli",)


def test_syllable_blend_clipped_name_and_initials() -> None:
    text = "Presiden Joko Widodo tiba. Jokowi tersenyum. Susilo Bambang Yudhoyono dan SBY bertemu Sandiaga Uno dan Sandi."
    names = ("Joko Widodo", "Jokowi", "Susilo Bambang Yudhoyono", "SBY", "Sandiaga Uno", "Sandi")
    got = by_name(cluster_people(text, persons(text, *names)))
    assert got["Joko Widodo"].aliases == ("Jokowi",)
    assert got["Joko Widodo"].roles == ("Presiden",)
    assert got["Susilo Bambang Yudhoyono"].aliases == ("SBY",)
    assert got["Sandiaga Uno"].aliases == ("Sandi",)


def test_different_people_stay_apart() -> None:
    text = "Ahmad Yani bertemu Ahmad Dahlan. Andi Wijaya dan Budi Santoso juga datang."
    clusters = cluster_people(text, persons(text, "Ahmad Yani", "Ahmad Dahlan", "Andi Wijaya", "Budi Santoso"))
    assert len(clusters) == 4


def test_role_after_name_with_commas_and_selaku() -> None:
    text = (
        "Rudi Hartono, Ketua Komisi IV DPRD Jawa Barat, mengatakan hal itu. "
        "Menurut pengamat ekonomi, Dewi Lestari, harga naik. "
        "Rina Marlina (Kurator Tenun) ikut menilai. Eko Prasetyo selaku Direktur Utama PT Maju Jaya hadir."
    )
    got = by_name(cluster_people(text, persons(text, "Rudi Hartono", "Dewi Lestari", "Rina Marlina", "Eko Prasetyo")))
    assert got["Rudi Hartono"].roles == ("Ketua Komisi IV DPRD Jawa Barat",)
    assert got["Dewi Lestari"].roles == ("pengamat ekonomi",)
    assert got["Rina Marlina"].roles == ("Kurator Tenun",)
    assert got["Eko Prasetyo"].roles == ("Direktur Utama PT Maju Jaya",)


def test_rank_after_position_is_a_second_role() -> None:
    text = "Direktur Zeni AD Brigadir Jenderal TNI Yusuf Hamdani menjelaskan."
    s = text.index("Yusuf")
    assert find_roles(text, s, s + len("Yusuf Hamdani")) == ["Direktur Zeni AD", "Brigadir Jenderal TNI"]


def test_title_before_a_neighbour_is_not_taken() -> None:
    text = "Menteri Keuangan Sri Wahyuni, Wakil Gubernur Bali Made Surya serta warga hadir."
    got = by_name(cluster_people(text, persons(text, "Sri Wahyuni", "Made Surya")))
    assert got["Sri Wahyuni"].roles == ("Menteri Keuangan",)
    assert got["Made Surya"].roles == ("Wakil Gubernur Bali",)


def test_no_people_without_person_entities() -> None:
    assert cluster_people("Pemerintah daerah mendukung koperasi.", []) == []
    assert cluster_people("Dinas Sosial hadir.", [(0, 12, "ORG")]) == []


def test_alias_cues_file_well_formed() -> None:
    cues = pp._alias_cues()
    assert cues and "akrab disapa" in cues and "alias" in cues
    assert all(c == c.lower().strip() for c in cues)


def test_title_written_in_lower_case_after_its_first_word() -> None:
    text = "Juru bicara Satgas Banjir Kota Medan, Rudi Siregar, menyebutkan pengungsi sudah pulang."
    i = text.index("Rudi Siregar")
    assert find_roles(text, i, i + len("Rudi Siregar")) == ["Juru bicara Satgas Banjir Kota Medan"]
    text = "kata juru bicara Satgas Covid-19 Kabupaten Sleman, Rudi Siregar, Rabu."
    i = text.index("Rudi Siregar")
    assert find_roles(text, i, i + len("Rudi Siregar")) == ["juru bicara Satgas Covid-19 Kabupaten Sleman"]


def test_english_titles_and_expert_descriptors() -> None:
    for text, name, role in (
        ("Vice President Corporate Secretary PT Kereta Nusantara Anne Purba berharap.", "Anne Purba",
         "Vice President Corporate Secretary PT Kereta Nusantara"),
        ("Sementara itu, sosiolog Universitas Nusantara, Imam Prakoso, menilai hal itu wajar.", "Imam Prakoso",
         "sosiolog Universitas Nusantara"),
    ):
        i = text.index(name)
        assert find_roles(text, i, i + len(name)) == [role]


def test_a_rare_first_name_after_a_title_starts_the_name() -> None:
    from idnews_extract.extractors.entity_rules import find_titled_names

    text = "Koordinator Nasional Pantau Hutan Zarvendo Tamboluh mengungkapkan, lahan gambut terus menyusut."
    (t,) = find_titled_names(text)
    assert (text[t.role_start : t.role_end], text[t.name_start : t.name_end]) == (
        "Koordinator Nasional Pantau Hutan", "Zarvendo Tamboluh")


def test_standing_from_roles_and_age() -> None:
    text = (
        "Warga Cipayung, Rizky Aqilah, mengatakan banjir datang lagi. Menurut pengamat tata kota Faisal Hamid, "
        "saluran air tersumbat. Sutarni (45) sudah dua hari mengungsi. Budi datang pagi ini."
    )
    got = by_name(cluster_people(text, persons(text, "Rizky Aqilah", "Faisal Hamid", "Sutarni", "Budi")))
    assert {n: c.standing for n, c in got.items()} == {
        "Rizky Aqilah": "private", "Faisal Hamid": "public", "Sutarni": "private", "Budi": None}
    assert pp.standing(["Kepala Dinas Sosial"]) == "public"
    assert pp.standing(["pedagang daging di Pasar Baru", "Ketua Paguyuban Pedagang"]) == "public"
    assert pp.standing([]) is None


def test_role_after_a_copula() -> None:
    for text, name, roles in (
        ("Budi Santoso merupakan Ketua RW 05 di kampung itu.", "Budi Santoso", ["Ketua RW 05"]),
        ("Budi Santoso adalah salah satu korban banjir.", "Budi Santoso", []),
    ):
        i = text.index(name)
        assert find_roles(text, i, i + len(name)) == roles


def test_roles_joined_by_sekaligus_are_two_roles() -> None:
    text = "Pengamat penerbangan sekaligus anggota Ombudsman, Alvin Hartono, mengatakan jadwal aman."
    i = text.index("Alvin Hartono")
    assert find_roles(text, i, i + len("Alvin Hartono")) == ["Pengamat penerbangan", "anggota Ombudsman"]


def test_descriptor_role_ends_before_dengan() -> None:
    text = "Sumarni Kartodirjo, pedagang sayur dengan lapak kecil, mengaku rugi."
    got = by_name(cluster_people(text, persons(text, "Sumarni Kartodirjo")))
    assert got["Sumarni Kartodirjo"].roles == ("pedagang sayur",)


def test_a_nickname_clipped_off_the_end_of_a_name_word_is_an_alias() -> None:
    text = "Harin Kusumawardani membuka usaha katering. Usaha itu laris, kata Wardani."
    got = by_name(cluster_people(text, persons(text, "Harin Kusumawardani", "Wardani")))
    assert set(got) == {"Harin Kusumawardani"}
    assert got["Harin Kusumawardani"].aliases == ("Wardani",)


def role_of(text: str, name: str) -> list[str]:
    i = text.index(name)
    return find_roles(text, i, i + len(name))


def test_role_after_a_relative_link() -> None:
    assert role_of("Hal itu diakui Dedi Kurniawan, yang juga Wakil Ketua Asosiasi Peritel.", "Dedi Kurniawan") == [
        "Wakil Ketua Asosiasi Peritel"
    ]
    text = "Rudi Hartono, yang adalah pejabat eselon I di Kementerian Keuangan, menyatakan hal itu."
    assert role_of(text, "Rudi Hartono") == ["pejabat eselon I di Kementerian Keuangan"]
    text = "kata Lina Marlina yang juga merupakan penulis buku tersebut di Bandung."
    assert role_of(text, "Lina Marlina") == ["penulis buku"]
    assert role_of("Menurut Lina Marlina, yang datang kemarin, acara itu ramai.", "Lina Marlina") == []


def test_a_role_before_the_name_ends_where_the_origin_begins() -> None:
    text = "Bek anyar Persija asal Brasil, Marco Silva, tiba di Jakarta."
    assert role_of(text, "Marco Silva") == ["Bek anyar Persija"]
    text = "Desain itu dibuat pelukis lulusan Institut Seni Indonesia (ISI), Hendra Wijaya, pekan lalu."
    assert role_of(text, "Hendra Wijaya") == ["pelukis"]
    # no origin phrase between: asal is the name's own place, or a clause runs on
    assert role_of("Pelatih asal Marco Silva tiba.", "Marco Silva") == []
    text = "Pelatih asal Jepang ini mengoper bola ke Marco Silva di menit akhir."
    assert role_of(text, "Marco Silva") == []


def test_a_role_before_yakni_or_seperti_describes_the_name_after_it() -> None:
    assert role_of("Acara itu menghadirkan ahli teknologi yakni Sofia Anggraini.", "Sofia Anggraini") == [
        "ahli teknologi"
    ]
    assert role_of("Mereka mengundang penyanyi seperti Sofia Anggraini.", "Sofia Anggraini") == ["penyanyi"]
    # seperti inside the phrase: the role is not this name's
    assert role_of("Nasib buruh seperti Pak Sofia Anggraini sulit.", "Sofia Anggraini") == []


def test_a_lower_case_head_takes_its_complement_and_a_verb_ends_a_role() -> None:
    assert role_of("Putri Ayu yang juga kepala desa Sukamaju hadir.", "Putri Ayu") == ["kepala desa Sukamaju"]
    text = "Dewi Lestari yang merupakan atlet renang indah berhasil menambah medali."
    assert role_of(text, "Dewi Lestari") == ["atlet renang indah"]


def test_a_title_with_a_demonstrative_refers_back_to_the_last_person() -> None:
    text = (
        "Rancangan itu dibahas bersama Agus Prasetyo di Gedung DPR. “Kami mendukung,” ujar Agus.\n\n"
        "Di sektor energi, politisi Partai Nusantara itu mendukung program listrik desa.\n\n"
        "Lebih lanjut mantan Bupati Sleman ini mengatakan dananya cukup."
    )
    got = by_name(cluster_people(text, persons(text, "Agus Prasetyo", "Agus")))
    assert got["Agus Prasetyo"].roles == ("politisi Partai Nusantara", "mantan Bupati Sleman")


def test_a_title_with_a_demonstrative_needs_a_clause_start_and_no_name_inside() -> None:
    for text in (
        "Agus Prasetyo hadir. Surat itu dikirim kepada politisi Partai Nusantara itu kemarin.",
        "Agus Prasetyo hadir. Warga itu mengaku senang.",
        "Agus Prasetyo hadir. Suami artis Rina Wati itu juga datang.",
        "Agus Prasetyo hadir. Politisi Partai Nusantara itu, Rina Wati, juga datang.",
    ):
        got = by_name(cluster_people(text, persons(text, "Agus Prasetyo", "Rina Wati")))
        assert got["Agus Prasetyo"].roles == (), text


def test_roles_that_differ_only_in_case_are_one() -> None:
    text = "Pengusaha Budi Santoso hadir. Menurut pengusaha Budi Santoso, pasar ramai."
    got = by_name(cluster_people(text, persons(text, "Budi Santoso")))
    assert got["Budi Santoso"].roles == ("Pengusaha",)


def test_no_role_from_a_clause_and_bernama_introduces_the_name() -> None:
    assert role_of("Acara itu ramai, penonton juga dapat menikmati penampilan Sofia Anggraini.", "Sofia Anggraini") == []
    assert role_of("Polisi menangkap pekerja swasta bernama Sofia Anggraini.", "Sofia Anggraini") == ["pekerja swasta"]
    assert role_of("Gelandang bertahan Sofia Anggraini mencetak gol.", "Sofia Anggraini") == ["Gelandang bertahan"]
    text = "Rudi Hartono yang juga buruh juga menuntut kenaikan upah."
    assert role_of(text, "Rudi Hartono") == ["buruh"]
