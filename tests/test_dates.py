"""Dates: each expression family, each false-positive family, offsets, and the calendar data files."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from idnews_extract.extractors.dates import DateHit, find_dates
from idnews_extract.lang.data import read_tsv
from idnews_extract.lang.dates import DATE_WORD_CATEGORIES, date_words, holidays, months, weekdays

REF = dt.date(2019, 3, 13)  # a Wednesday


def values(text: str, ref: dt.date | None = REF, **kw: bool) -> dict[str, tuple[str, str | None]]:
    hits = find_dates(text, ref, **kw)
    for h in hits:
        assert text[h.start:h.end] == h.text
    return {h.text: (h.type, h.value) for h in hits}


@pytest.mark.parametrize(
    ("text", "expr", "typ", "value"),
    [
        # weekdays: bare (past by default, future with akan), with (d/m), (d/m/yyyy), part of day, clock time
        ("Bupati Sleman, Senin, meninjau lokasi banjir.", "Senin", "DATE", "2019-03-11"),
        ("Kepala dinas, Rabu, membuka pameran itu.", "Rabu", "DATE", "2019-03-13"),
        ("Rapat pleno akan digelar Jumat pagi di aula kantor.", "Jumat pagi", "TIME", "2019-03-15TMO"),
        ("Hal itu disampaikan di Padang, Selasa (12/3).", "Selasa (12/3)", "DATE", "2019-03-12"),
        ("Warga berkumpul sejak Minggu (10/3/2019) malam.", "Minggu (10/3/2019) malam", "TIME", "2019-03-10TNI"),
        ("Acara dibuka Kamis (14 / 3/ 2019) sore.", "Kamis (14 / 3/ 2019) sore", "TIME", "2019-03-14TAF"),
        ("Warga diminta berkumpul Sabtu pukul 09.00 WIB.", "Sabtu pukul 09.00 WIB", "TIME", "2019-03-09T09:00"),
        ("Kebijakan itu berlaku Senin depan.", "Senin depan", "DATE", "2019-03-18"),
        ("Ia ditemui pada hari Minggu (3/3).", "hari Minggu (3/3)", "DATE", "2019-03-03"),
        # absolute days, months, years, numeric dates
        ("Sekolah itu diresmikan pada 2 Mei 1998.", "2 Mei 1998", "DATE", "1998-05-02"),
        ("Dokumen diterima tanggal 4 Februari 2019 lalu.", "tanggal 4 Februari 2019", "DATE", "2019-02-04"),
        ("Surat itu bertanggal 9 Des 2018.", "9 Des 2018", "DATE", "2018-12-09"),
        ("Pemilu digelar 17 April mendatang.", "17 April mendatang", "DATE", "2019-04-17"),
        ("Banjir datang pada 20 Desember lalu.", "20 Desember lalu", "DATE", "2018-12-20"),
        ("Perjanjian diteken pada 01/02/2019 di Bogor.", "01/02/2019", "DATE", "2019-02-01"),
        ("Harga cabai naik sejak bulan Januari.", "bulan Januari", "DATE", "2019-01"),
        ("Jembatan itu rusak pada Oktober lalu.", "Oktober lalu", "DATE", "2018-10"),
        ("Musim hujan berakhir pada Nopember 2018.", "Nopember 2018", "DATE", "2018-11"),
        ("Gedung itu dibangun pada 1985.", "1985", "DATE", "1985"),
        ("Data itu dirilis tahun 2017.", "tahun 2017", "DATE", "2017"),
        ("Dana berasal dari APBD tahun anggaran 2019.", "tahun anggaran 2019", "DATE", "2019"),
        ("Pengurus dipilih untuk masa 2019-2023.", "2019-2023", "DATE", "2019/2023"),
        ("Penelitian berlangsung antara 2001 hingga 2005.", "2001 hingga 2005", "DATE", "2001/2005"),
        ("Lagu itu populer pada tahun 1980-an.", "tahun 1980-an", "DATE", "198"),
        ("Pendaftaran ditutup tanggal 3 lalu.", "tanggal 3", "DATE", "2019-03-03"),
        # ranges
        ("Lomba digelar 21 hingga 23 Maret 2019 di Solo.", "21 hingga 23 Maret 2019", "DATE", "2019-03-21/2019-03-23"),
        ("Pameran berlangsung 28 Februari - 3 Maret 2019.", "28 Februari - 3 Maret 2019", "DATE", "2019-02-28/2019-03-03"),
        ("Curah hujan tinggi pada Januari hingga Maret 2019.", "Januari hingga Maret 2019", "DATE", "2019-01/2019-03"),
        ("Libur berlangsung Jumat hingga Minggu (17/3/2019).", "Jumat hingga Minggu (17/3/2019)", "DATE",
         "2019-03-15/2019-03-17"),
        ("Jalan ditutup pukul 08.00-12.00 WIB.", "pukul 08.00-12.00 WIB", "TIME", "2019-03-13T08:00/2019-03-13T12:00"),
        # quarters and halves
        ("Inflasi triwulan III 2018 rendah.", "triwulan III 2018", "DATE", "2018-Q3"),
        ("Laba kuartal kedua 2018 turun.", "kuartal kedua 2018", "DATE", "2018-Q2"),
        ("Dana cair pada semester I.", "semester I", "DATE", "2019-H1"),
        # times and zones
        ("Gempa terjadi pukul 03.15 WITA.", "pukul 03.15 WITA", "TIME", "2019-03-13T03:15"),
        ("Sidang dimulai pukul 10.30.", "pukul 10.30", "TIME", "2019-03-13T10:30"),
        # relative
        ("Tersangka ditangkap kemarin di rumahnya.", "kemarin", "DATE", "2019-03-12"),
        ("Hasilnya diumumkan besok.", "besok", "DATE", "2019-03-14"),
        ("Kemarin lusa hujan turun deras.", "Kemarin lusa", "DATE", "2019-03-11"),
        ("Pasar itu terbakar lima hari lalu.", "lima hari lalu", "DATE", "2019-03-08"),
        ("Ia pindah ke kota itu 12 tahun silam.", "12 tahun silam", "DATE", "2007"),
        ("Kapal itu tiba dua pekan lalu.", "dua pekan lalu", "DATE", "2019-W09"),
        ("Kapal itu tiba pekan lalu.", "pekan lalu", "DATE", "2019-W10"),
        ("Harga naik dibandingkan bulan lalu.", "bulan lalu", "DATE", "2019-02"),
        ("Target dinaikkan tahun depan.", "tahun depan", "DATE", "2020"),
        ("Penjualan naik dibanding Maret tahun lalu.", "Maret tahun lalu", "DATE", "2018-03"),
        ("Lalu lintas padat malam ini.", "malam ini", "TIME", "2019-03-13TNI"),
        ("Polisi berjaga tadi malam.", "tadi malam", "TIME", "2019-03-12TNI"),
        ("Hujan diperkirakan turun akhir pekan ini.", "akhir pekan ini", "DATE", "2019-03-16/2019-03-17"),
        ("Proyek itu rampung akhir tahun ini.", "akhir tahun ini", "DATE", "2019"),
        # durations and sets
        ("Perbaikan jalan butuh tiga bulan.", "tiga bulan", "DURATION", "P3M"),
        ("Ia ditahan selama 20 hari.", "20 hari", "DURATION", "P20D"),
        ("Sidang berlangsung dua jam.", "dua jam", "DURATION", "PT2H"),
        ("Izin berlaku 14 hari kerja.", "14 hari kerja", "DURATION", "P14D"),
        ("Harga naik dalam lima tahun terakhir.", "lima tahun terakhir", "DURATION", "P5Y"),
        ("Pasokan aman untuk dua bulan ke depan.", "dua bulan ke depan", "DURATION", "P2M"),
        ("Gejala muncul dalam 5-7 hari.", "5-7 hari", "DURATION", "P5D/P7D"),
        ("Hasil tes keluar maksimal 2x24 jam.", "2x24 jam", "DURATION", "PT48H"),
        ("Konflik berlangsung dua dekade.", "dua dekade", "DURATION", "P20Y"),
        ("Pasar ramai setiap hari.", "setiap hari", "SET", "P1D"),
        ("Bus berangkat tiga kali seminggu.", "tiga kali seminggu", "SET", "P1W"),
        ("Senam digelar setiap Jumat.", "setiap Jumat", "SET", "XXXX-WXX-5"),
        # holidays, anniversaries, Hijri dates
        ("Pemudik meningkat menjelang Lebaran 2019.", "Lebaran 2019", "DATE", "2019-06-05"),
        ("Harga daging naik jelang Idul Adha tahun lalu.", "Idul Adha tahun lalu", "DATE", "2018-08-22"),
        ("Lomba digelar pada HUT ke-74 RI.", "HUT ke-74 RI", "DATE", "2019-08-17"),
        ("Pawai digelar pada 1 Muharram 1441 H.", "1 Muharram 1441 H", "DATE", "2019-09-01"),
    ],
)
def test_expression_families(text: str, expr: str, typ: str, value: str) -> None:
    assert values(text).get(expr) == (typ, value)


def test_timezone_field() -> None:
    hits = find_dates("Rapat dimulai pukul 13.00 WIT di Jayapura.", REF)
    assert [(h.text, h.timezone) for h in hits] == [("pukul 13.00 WIT", "WIT")]


def test_intervals_style() -> None:
    text = "Harga turun dalam tiga bulan terakhir, sejak 2015, dan naik lagi pada awal Februari lalu."
    got = values(text, intervals=True)
    assert got["tiga bulan terakhir"] == ("DURATION", "2018-12-13/2019-03-13")
    assert got["sejak 2015"] == ("DATE", "2015/2019-03-13")
    assert got["awal Februari lalu"] == ("DATE", "2019-02-01/2019-02-10")
    assert values("Proyek itu selesai pertengahan 2020.", intervals=True)["pertengahan 2020"][1] == "2020-05/2020-08"


def test_no_reference_date() -> None:
    got = values("Ia tiba kemarin dan pergi pada 5 Juni 2019 selama dua hari.", ref=None)
    assert got == {"kemarin": ("DATE", None), "5 Juni 2019": ("DATE", "2019-06-05"), "dua hari": ("DURATION", "P2D")}


@pytest.mark.parametrize(
    "text",
    [
        "Aturan itu tertuang dalam Undang-Undang Nomor 24 Tahun 2007 tentang bencana.",
        "Hal itu diatur dalam UU 23 Tahun 2014 dan PP 12/2017.",
        "Izin itu mengacu pada POJK No 77/2016 yang berlaku.",
        "Keputusan Menteri nomor 1827 K / 30/MEM / 2018 sudah terbit.",
        "Persija menang 3-1 atas Persib dan 2-0 atas PSM.",
        "Acara itu memperingati HUT Koperasi Ke 72 bagi para anggota.",
        "Angka kemiskinan tercatat 15,08 dan 12,5.",
        "Surat bernomor 12/2018 itu dikirim ke gubernur.",
        "Ia kuliah di Universitas Sebelas Maret dan bertemu Agustinus.",
        "Juni dan Juli datang ke rumah Mei.",
        "Shalat Jumat berlangsung khidmat.",
        "Pilkada 2020 dan RAPBN 2019 dibahas di Pameran Warisan 2017.",
        "Sebanyak 2015 orang hadir di lokasi.",
        "Pemain berusia 34 tahun ini belum fit.",
        "Dua pemuda, AN, 20 tahun, dan BS (18 tahun) ditangkap.",
        "Gol tercipta pada menit ke-45 dan ke 90.",
        "Pemerintah menyiapkan 1.250 paket untuk 2.019 warga.",
    ],
)
def test_false_positive_families(text: str) -> None:
    assert values(text) == {}


def test_minggu_is_week_or_sunday() -> None:
    assert values("Harga stabil dua minggu terakhir.") == {"dua minggu terakhir": ("DURATION", "P2W")}
    assert values("Minggu lalu, harga beras naik.") == {"Minggu lalu": ("DATE", "2019-W10")}
    assert values("Pasar itu terbakar pada Minggu malam.") == {"Minggu malam": ("TIME", "2019-03-10TNI")}


def test_offsets_with_odd_spacing() -> None:
    text = "Inflasi Januari-September\u00a0  tahun ini naik; rapat pada Senin (11/3)."
    got = values(text)
    assert got["Januari-September\u00a0  tahun ini"] == ("DATE", "2019-01/2019-09")
    assert got["Senin (11/3)"] == ("DATE", "2019-03-11")


def test_hit_is_frozen() -> None:
    hit = find_dates("Rapat digelar kemarin.", REF)[0]
    assert isinstance(hit, DateHit)
    with pytest.raises(AttributeError):
        hit.value = "x"  # type: ignore[misc]


def test_linear_time() -> None:
    import time

    chunk = "Pada 12 Maret 2019, Senin (11/3), dua hari lalu, 1.250 orang hadir pukul 10.00 WIB. "

    def best_of_three(text: str) -> float:
        times = []
        for _ in range(3):
            t0 = time.process_time()
            find_dates(text, REF)
            times.append(time.process_time() - t0)
        return min(times)

    assert len(find_dates(chunk * 400, REF)) == 400 * 4
    # 8x the text may cost at most ~8x the time: a loose bound that only a super-linear step breaks.
    assert best_of_three(chunk * 400) < best_of_three(chunk * 50) * 8 * 5 + 0.1


# ---------------------------------------------------------------- data files


def test_months_file() -> None:
    rows = read_tsv("lang/months.tsv", 4)
    assert rows and all(len(r) == 4 and r[0] and r[0] == r[0].strip() for r in rows)
    greg_full = {m.number for m in months() if m.calendar == "greg" and m.style == "full"}
    hijri = {m.number for m in months() if m.calendar == "hijri"}
    assert greg_full == set(range(1, 13)) and hijri == set(range(1, 13))
    assert len({m.form for m in months()}) == len(months())


def test_weekdays_file() -> None:
    assert set(weekdays().values()) == set(range(1, 8))
    assert all(form[:1].isupper() for form in weekdays())


def test_date_words_file() -> None:
    rows = read_tsv("lang/date_words.tsv", 3)
    assert {r[0] for r in rows} <= DATE_WORD_CATEGORIES
    assert all(r[1] and r[1] == r[1].strip() and "  " not in r[1] for r in rows)
    w = date_words()
    for form, value in w.groups["unit"].items():
        assert re.fullmatch(r"T?\d+[DWMYHS]", value), form
    for category in ("rel_day", "rel_unit_dir", "ago_dir", "span_dir", "month_dir", "pod_yesterday"):
        assert all(re.fullmatch(r"-?\d+", v) for v in w.groups[category].values()), category
    assert set(w.groups["pod"].values()) <= {"TMO", "TAF", "TEV", "TNI"}
    assert all(v in w.groups["unit"] for v in w.groups["unit_se"].values())
    assert all(re.fullmatch(r"\d\d/(\d\d|L)", v) for v in w.groups["mod_interval"].values())
    assert set(w.groups["mod"].values()) == {m.split()[0] for m in w.groups["mod_interval"]}


def test_holidays_file() -> None:
    h = holidays()
    assert set(h.names.values()) <= set(h.dates) | set(h.fixed)
    for key, by_year in h.dates.items():
        assert all(day.year == year for year, day in by_year.items()), key
    assert h.hijri_new_year and h.anniv and h.anniv_cues
