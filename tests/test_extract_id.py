"""Indonesian move statements, one phenomenon per test, on sentences written
for these tests (not taken from the corpus)."""

from __future__ import annotations

from test_extract_helpers import moves, one_move, people, run


def test_aktif_bergabung_dengan_asal_dari() -> None:
    m = one_move(
        "Peneliti Google Dewi Lestari telah bergabung dengan Anthropic sebagai peneliti utama.",
        "id",
    )
    assert (m.person, m.from_org, m.to_org) == ("Dewi Lestari", "Google", "Anthropic")
    assert m.role == "peneliti utama"
    assert m.date is not None and m.date.iso() == "2025-03"


def test_pasif_direkrut_oleh() -> None:
    m = one_move("Budi Santoso direkrut oleh Microsoft dari Amazon pada Januari lalu.", "id")
    assert (m.person, m.from_org, m.to_org) == ("Budi Santoso", "Amazon", "Microsoft")
    assert m.date is not None and m.date.iso() == "2025-01"


def test_hengkang_dari_lalu_bergabung() -> None:
    m = one_move("Rina Wijaya hengkang dari Meta dan bergabung dengan OpenAI pekan lalu.", "id")
    assert (m.person, m.from_org, m.to_org) == ("Rina Wijaya", "Meta", "OpenAI")
    assert m.date is not None and m.date.iso() == "2025-03"


def test_perusahaan_merekrut_daftar_nama() -> None:
    got = moves(
        "Apple merekrut Agus Salim dan Siti Rahma, dua insinyur Nvidia, untuk tim chip barunya.",
        "id",
    )
    assert got == {("Agus Salim", "Nvidia", "Apple"), ("Siti Rahma", "Nvidia", "Apple")}


def test_kepergian_tanpa_tujuan() -> None:
    m = one_move(
        "Kepala riset Cohere, Hendra Gunawan, mengundurkan diri dari perusahaan "
        "tersebut pada Selasa (11/3/2025).",
        "id",
    )
    assert (m.person, m.from_org, m.to_org) == ("Hendra Gunawan", "Cohere", None)
    assert m.date is not None and m.date.iso() == "2025-03-11"


def test_kata_ganti_ia_dan_kembali_ke() -> None:
    body = (
        "Joko Prasetyo bekerja lima tahun di Google. Pada 2021, ia pindah ke Tesla. "
        "Setelah tiga tahun di Tesla, ia kembali ke Google pada awal 2024."
    )
    got = moves(body, "id")
    assert ("Joko Prasetyo", None, "Tesla") in got or ("Joko Prasetyo", "Google", "Tesla") in got
    assert ("Joko Prasetyo", "Tesla", "Google") in got


def test_kembali_berarti_lagi_bukan_pindah() -> None:
    body = "Microsoft kembali merekrut insinyur dari Google untuk proyek AI-nya."
    assert moves(body, "id") == set()


def test_akan_kembali_setelah_cuti_bukan_pindah() -> None:
    assert (
        moves(
            "Presiden Cohere Indra Kusuma sedang cuti dan akan kembali ke Cohere tahun depan.", "id"
        )
        == set()
    )


def test_rumor_dan_bantahan_tidak_dihitung() -> None:
    ex = run("Fajar Nugroho dikabarkan akan bergabung dengan xAI.", "id")
    assert all(not m.modality.counts for m in ex.moves)
    ex = run("Fajar Nugroho membantah bahwa ia hengkang ke xAI.", "id")
    assert all(not m.modality.counts for m in ex.moves)
    assert moves("Fajar Nugroho mempertimbangkan untuk pindah ke xAI.", "id") == set()


def test_tetap_bertahan_bukan_pindah() -> None:
    assert (
        moves("Wahyu Hidayat tetap bertahan di Anthropic meski ditawari gaji besar.", "id") == set()
    )


def test_baris_derau_tidak_menghasilkan_apa_apa() -> None:
    body = (
        "BACA JUGA: Bayu Saputra Resmi Bergabung dengan Meta\n\n"
        "Foto: Bayu Saputra di kantor Google. (Dok. Redaksi)\n\n"
        "Harga saham Nvidia naik pada Kamis. (abc/def)"
    )
    ex = run(body, "id")
    assert ex.moves == []


def test_mendirikan_setelah_hengkang() -> None:
    m = one_move(
        "Ilham Maulana hengkang dari OpenAI pada 2023 untuk mendirikan Nusantara Labs.", "id"
    )
    assert (m.person, m.from_org, m.to_org) == ("Ilham Maulana", "OpenAI", "Nusantara Labs")
    assert m.date is not None and m.date.iso() == "2023"


def test_kelompok_tanpa_nama() -> None:
    ex = run("Meta juga merekrut puluhan peneliti dari OpenAI dan Google untuk lab barunya.", "id")
    assert ex.moves == []
    (g,) = ex.group_moves
    assert (g.count, g.from_orgs, g.to_org) == (None, ("OpenAI", "Google"), "Meta")
    ex = run("Setidaknya 11 insinyur Apple telah bergabung dengan Meta tahun ini.", "id")
    (g,) = ex.group_moves
    assert (g.count, g.from_orgs, g.to_org) == (11, ("Apple",), "Meta")


def test_bukan_perpindahan() -> None:
    for body in (
        "Rudi Hartono meninggalkan panggung setelah pidato utama.",
        "Sinta Dewi kembali ke OpenAI pada November setelah cuti tiga bulan.",
        "Andi Saputra mundur dari dewan direksi Meta pada 2024.",
        "Lina Marlina tetap menjabat kepala ilmuwan di Meta.",
        "Perusahaan itu kembali merekrut karyawan baru tahun ini.",
    ):
        assert moves(body, "id") == set(), body


def test_hijrah_dan_pamit() -> None:
    m = one_move("Yudi Pratama hijrah dari Google ke Anthropic bulan lalu.", "id")
    assert (m.person, m.from_org, m.to_org) == ("Yudi Pratama", "Google", "Anthropic")
    assert m.date is not None and m.date.iso() == "2025-02"


def test_daftar_nama_dengan_yakni() -> None:
    body = (
        "Dua peneliti senior Apple, yakni Bima Sakti dan Ratna Sari, dipastikan hengkang "
        "ke Anthropic."
    )
    assert moves(body, "id") == {
        ("Bima Sakti", "Apple", "Anthropic"),
        ("Ratna Sari", "Apple", "Anthropic"),
    }


def test_daftar_nama_dari_satu_asal() -> None:
    body = (
        "Ana Lima, Ben Ortiz dan Chloe Tan, ketiganya dari OpenAI, bergabung dengan Meta "
        "pekan lalu."
    )
    got = moves(body, "id")
    assert got == {(n, "OpenAI", "Meta") for n in ("Ana Lima", "Ben Ortiz", "Chloe Tan")}


def test_frasa_terpanjang_menang_dan_judul_aktif() -> None:
    m = one_move("Budi Santoso angkat kaki dari Google pekan lalu.", "id")
    assert (m.person, m.from_org, m.to_org) == ("Budi Santoso", "Google", None)
    m = one_move("Meta rekrut Sari Utami dari OpenAI untuk lab barunya.", "id")
    assert (m.person, m.from_org, m.to_org) == ("Sari Utami", "OpenAI", "Meta")


def test_aposisi_mantan_memberi_asal() -> None:
    assert moves(
        "Ingrid Solberg, mantan peneliti Google DeepMind, bergabung dengan Cohere.", "id"
    ) == {("Ingrid Solberg", "Google DeepMind", "Cohere")}


def test_keluar_dari_perusahaan_tak_dikenal_untuk_bergabung() -> None:
    m = one_move(
        "Haruki Morimoto keluar dari Fujitsu untuk bergabung dengan Anthropic pada Juni.", "id"
    )
    assert (m.person, m.from_org, m.to_org) == ("Haruki Morimoto", "Fujitsu", "Anthropic")
    assert (m.date.year, m.date.month) == (2024, 6)


def test_keluar_dari_lalu_bergabung_dengan() -> None:
    assert moves("Radek Zielinski keluar dari Fujitsu dan bergabung dengan Cohere.", "id") == {
        ("Radek Zielinski", "Fujitsu", "Cohere")
    }


def test_asal_di_kalimat_berikutnya() -> None:
    m = one_move(
        "Rizky Ramadhan bergabung dengan Bukalapak sebagai kepala data. "
        "Sebelumnya, ia bekerja selama tiga tahun di Traveloka."
    )
    assert (m.person, m.from_org, m.to_org) == ("Rizky Ramadhan", "Traveloka", "Bukalapak")


def test_asal_di_kalimat_berikutnya_dengan_nama() -> None:
    m = one_move(
        "Gojek merekrut Putri Lestari sebagai direktur produk. "
        "Putri sebelumnya bekerja di Shopee selama enam tahun."
    )
    assert (m.person, m.from_org, m.to_org) == ("Putri Lestari", "Shopee", "Gojek")


def test_mantan_pejabat_mengundurkan_diri_tanpa_dari() -> None:
    m = one_move(
        "Sementara itu, mantan direktur Bukalapak, Yoga Permana, mengundurkan diri bulan lalu."
    )
    assert (m.person, m.from_org, m.to_org) == ("Yoga Permana", "Bukalapak", None)


def test_kata_benda_kepergian_bukan_bagian_nama() -> None:
    ex = run(
        "Rudi Hartono telah keluar dari Traveloka. Kepergian Rudi mengejutkan banyak pihak.",
        "id",
    )
    assert [p.name for p in ex.people] == ["Rudi Hartono"]


def kelompok(body: str) -> list[tuple[int | None, tuple[str, ...], str | None]]:
    return [
        (g.count, g.from_orgs, g.to_org) for g in run(body, "id").group_moves if g.modality.counts
    ]


def test_kelompok_tanpa_kuantitas_dan_perekrut_dari_kalimat_sebelumnya() -> None:
    assert kelompok("Gojek juga gencar merekrut insinyur dari Tokopedia dan Traveloka.") == [
        (None, ("Tokopedia", "Traveloka"), "Gojek")
    ]
    assert kelompok(
        "Budi Santoso bergabung dengan Gojek pada Mei. Langkah ini menyusul gelombang "
        "perekrutan yang membawa setidaknya delapan insinyur dari Tokopedia, Traveloka, dan Shopee."
    ) == [(8, ("Tokopedia", "Traveloka", "Shopee"), "Gojek")]
    assert kelompok(
        "Sejumlah kecil peneliti telah meninggalkan Gojek sejak Juni. "
        "Dua staf telah kembali ke Tokopedia."
    ) == [(2, ("Gojek",), "Tokopedia")]
    assert kelompok(
        "Selain Budi Santoso dan Rina Wati, sejumlah anggota tim riset Traveloka juga ikut "
        "pindah ke Gojek."
    ) == [(None, ("Traveloka",), "Gojek")]
    assert kelompok(
        "Langkah ini mirip dengan Shopee yang memboyong Andi Wijaya dan sebagian besar tim "
        "Traveloka pada Maret lalu."
    ) == [(None, ("Traveloka",), "Shopee")]


def test_kelompok_bukan_perpindahan() -> None:
    for body in (
        "Gojek saat ini mempekerjakan lebih dari 200 karyawan.",
        "Gojek membawa 20 peneliti ke konferensi di Bali.",
        "Gojek membantah telah merekrut 20 insinyur dari Tokopedia.",
        "Gojek merekrut para insinyur dari Tokopedia tahun lalu.",
    ):
        assert kelompok(body) == [], body


def test_perusahaan_yang_mengumumkan_pengunduran_diri_adalah_asalnya() -> None:
    body = (
        "Cakra Digital mengonfirmasi bahwa Fajar Nugroho telah mengundurkan diri pekan lalu "
        "dan bergabung dengan Tokopedia."
    )
    assert moves(body, "id") == {("Fajar Nugroho", "Cakra Digital", "Tokopedia")}


def test_kabar_pindah_yang_sudah_terjadi_dihitung() -> None:
    assert moves("Rina Wulandari kabarnya sudah keluar dari Cakra Digital.", "id") == {
        ("Rina Wulandari", "Cakra Digital", None)
    }
    assert moves("Rina Wulandari dikabarkan bakal bergabung dengan Cakra Digital.", "id") == set()


def test_deskripsi_dengan_itu_sebagai_subjek() -> None:
    assert moves(
        "Rina Wulandari memimpin tim riset Cakra Digital selama lima tahun. "
        "Perempuan berusia 40 tahun itu kini bergabung dengan Garuda AI.",
        "id",
    ) == {("Rina Wulandari", None, "Garuda AI")}
    # Deskripsi benda, bukan orang: tidak ada perpindahan.
    assert (
        moves(
            "Rina Wulandari memimpin tim riset Cakra Digital. Model baru itu kini bergabung "
            "dengan layanan Garuda AI.",
            "id",
        )
        == set()
    )


def test_aposisi_tanpa_koma_penutup_sebelum_yang() -> None:
    assert moves(
        "Ia akan bekerja bersama Budi Santoso, mantan rekannya yang lebih dulu pindah ke "
        "Garuda AI pada Mei lalu.",
        "id",
    ) == {("Budi Santoso", None, "Garuda AI")}


def test_mengumumkan_kepergiannya_adalah_mundur() -> None:
    assert moves("Peneliti Cakra Digital Budi Santoso juga mengumumkan kepergiannya.", "id") == {
        ("Budi Santoso", "Cakra Digital", None)
    }


def test_lalu_menandai_tempat_sebelumnya() -> None:
    assert moves(
        "Budi Santoso sempat menjadi peneliti di Cakra Digital, "
        "lalu pindah ke Garuda AI pada 2019.",
        "id",
    ) == {("Budi Santoso", "Cakra Digital", "Garuda AI")}


def test_keluar_dan_dipecat_adalah_pergi() -> None:
    assert moves(
        "Budi Santoso, peneliti senior Cakra Digital, keluar pada Februari 2025.", "id"
    ) == {("Budi Santoso", "Cakra Digital", None)}
    assert moves("Budi Santoso mengaku didepak dari Cakra Digital pekan lalu.", "id") == {
        ("Budi Santoso", "Cakra Digital", None)
    }
    # Dibantah: tidak dihitung.
    assert (
        moves('"Tidak benar Budi Santoso akan keluar dari Cakra Digital," kata juru bicara.', "id")
        == set()
    )


def test_mantan_lalu_kini_memimpin_adalah_pindah() -> None:
    assert moves("Rina Wulandari, mantan CEO Cakra Digital, kini memimpin Garuda AI.", "id") == {
        ("Rina Wulandari", "Cakra Digital", "Garuda AI")
    }
    assert moves("Rina Wulandari, CEO Cakra Digital, kini memimpin Garuda AI.", "id") == set()


def test_daftar_perekrutan_setelah_titik_dua() -> None:
    body = (
        "Beberapa insinyur Cakra Digital ikut merapat ke Garuda AI, antara lain:\n"
        "- Budi Santoso\n- Rina Wulandari, CTO - sebelumnya peneliti di Tokopedia\n"
    )
    # "insinyur Cakra Digital" says where they came from; an item's own origin wins.
    assert moves(body, "id") == {
        ("Budi Santoso", "Cakra Digital", "Garuda AI"),
        ("Rina Wulandari", "Tokopedia", "Garuda AI"),
    }
    # Daftar tanpa kalimat perpindahan: tidak ada yang pindah.
    body = "Pembicara di acara itu antara lain:\n- Budi Santoso\n- Rina Wulandari\n"
    assert moves(body, "id") == set()


def test_a_past_adverb_opening_the_sentence_makes_it_background() -> None:
    move = one_move("Sebelumnya, Budi Santoso pindah dari Tokopedia ke Gojek.", "id")
    assert move.date is None
    # Without it the untensed statement is the news of the publication month.
    move = one_move("Budi Santoso pindah dari Tokopedia ke Gojek.", "id")
    assert move.date is not None and move.date.iso() == "2025-03"


def test_pindah_dari_ke_adalah_satu_perpindahan() -> None:
    assert moves("Budi Santoso pindah dari Tokopedia ke Gojek.", "id") == {
        ("Budi Santoso", "Tokopedia", "Gojek")
    }
    # "pindah dari" a city is no employer left.
    assert moves("Budi Santoso pindah dari Bandung ke Jakarta.", "id") == set()


def test_juru_bicara_perusahaan_bukan_nama_perusahaan() -> None:
    # "perusahaan" as a complement: the name after it is the spokesperson.
    ex = run('"Tidak benar," kata juru bicara perusahaan, Rina Kartika, Rabu.', "id")
    assert "Rina Kartika" not in [o.name for o in ex.organizations]


def test_perusahaan_dengan_keterangan_lalu_itu_adalah_anafora() -> None:
    assert moves(
        "Gojek menambah tim risetnya. Perusahaan asal Jakarta itu merekrut Budi Santoso "
        "dari Tokopedia.",
        "id",
    ) == {("Budi Santoso", "Tokopedia", "Gojek")}
    # Without "itu/tersebut" the noun phrase is no anaphor: the hirer stays unknown.
    assert ("Budi Santoso", "Tokopedia", "Gojek") not in moves(
        "Gojek menambah tim risetnya. "
        "Perusahaan asal Jakarta merekrut Budi Santoso dari Tokopedia.",
        "id",
    )


def test_keluar_sebulan_sebelum_bergabung_adalah_satu_perpindahan() -> None:
    found = moves(
        "Bukalapak merekrut Budi Santoso dari Tokopedia pada April 2019. "
        "Ia meninggalkan Tokopedia pada Maret 2019.",
        "id",
    )
    assert found == {("Budi Santoso", "Tokopedia", "Bukalapak")}
    # A departure months before is another chapter.
    found = moves(
        "Bukalapak merekrut Budi Santoso dari Tokopedia pada April 2019. "
        "Ia meninggalkan Tokopedia pada Januari 2018.",
        "id",
    )
    assert ("Budi Santoso", "Tokopedia", None) in found


def test_pembuat_produk_adalah_perusahaannya() -> None:
    assert moves("Budi Santoso resmi bergabung dengan pembuat ChatGPT.", "id") == {
        ("Budi Santoso", None, "OpenAI")
    }
    # "pembuat" of something that is no product listed names nobody.
    assert moves("Budi Santoso resmi bergabung dengan pembuat kopi.", "id") == set()


def test_jabatan_sebelum_daftar_nama_berlaku_untuk_semuanya() -> None:
    assert moves("Dua pendiri Cohere, Ada Brook dan Carl Yates, ikut pindah ke Nvidia.", "id") == {
        ("Ada Brook", "Cohere", "Nvidia"),
        ("Carl Yates", "Cohere", "Nvidia"),
    }
    # Investor perusahaan itu bukan karyawannya: tanpa asal.
    assert moves("Dua investor Cohere, Ada Brook dan Carl Yates, ikut pindah ke Nvidia.", "id") == {
        ("Ada Brook", None, "Nvidia"),
        ("Carl Yates", None, "Nvidia"),
    }


def test_lab_yang_dipimpin_mantan_petinggi_perusahaan_lain_adalah_perpindahan() -> None:
    m = one_move(
        "Laboratorium baru Nvidia, dipimpin oleh mantan CEO Cohere Rina Hartono, terus merekrut.",
        "id",
    )
    assert (m.person, m.from_org, m.to_org) == ("Rina Hartono", "Cohere", "Nvidia")
    assert (
        moves(
            "Laboratorium baru Nvidia, dipimpin oleh CEO Cohere Rina Hartono, terus merekrut.", "id"
        )
        == set()
    )


def test_memimpin_setelah_bertahun_tahun_di_tempat_lain_dan_loncat_dari() -> None:
    assert moves("Rina Hartono akan memimpin lab AI Meta setelah satu dekade di Google.", "id") == {
        ("Rina Hartono", "Google", "Meta")
    }
    assert moves("Rina Hartono loncat dari Google ke Meta.", "id") == {
        ("Rina Hartono", "Google", "Meta")
    }
    # Melompat dari kursi: bukan perusahaan, bukan perpindahan.
    assert moves("Rina Hartono melompat dari kursinya saat mendengar kabar itu.", "id") == set()


def test_perusahaan_yang_kehilangan_seseorang_tanpa_nama_adalah_asal_berikutnya() -> None:
    assert moves(
        "Google kehilangan satu lagi peneliti top. "
        "Rina Hartono, yang memimpin tim Gemini, hijrah ke Meta.",
        "id",
    ) == {("Rina Hartono", "Google", "Meta")}
    # Kehilangan pangsa pasar bukan kehilangan orang.
    assert moves(
        "Google kehilangan pangsa pasar pekan ini. "
        "Rina Hartono, seorang pengacara, hijrah ke Meta.",
        "id",
    ) == {("Rina Hartono", None, "Meta")}


def test_menghabiskan_bertahun_tahun_di_perusahaan_adalah_tempat_kerja_sebelumnya() -> None:
    assert moves(
        "Rina Hartono menghabiskan sembilan tahun di Google. Pekan lalu ia bergabung dengan Meta.",
        "id",
    ) == {("Rina Hartono", "Google", "Meta")}
    # Akhir pekan di Bali bukan masa kerja.
    assert moves(
        "Rina Hartono menghabiskan akhir pekan di Bali. Pekan lalu ia bergabung dengan Meta.", "id"
    ) == {("Rina Hartono", None, "Meta")}


def test_daftar_eksekutif_baru_sebuah_perusahaan_adalah_daftar_kedatangan() -> None:
    body = (
        "Berikut profil kedua eksekutif baru Nvidia:\n\n"
        "- Rina Hartono, CPO - sebelumnya Presiden Cohere.\n"
        "- Tom Berg, CFO - sebelumnya CEO Intel.\n"
    )
    assert moves(body, "id") == {
        ("Rina Hartono", "Cohere", "Nvidia"),
        ("Tom Berg", "Intel", "Nvidia"),
    }
    # Tanpa kata "baru": daftar profil biasa, bukan perekrutan.
    assert moves(body.replace("eksekutif baru Nvidia", "eksekutif Nvidia"), "id") == set()


def test_daftar_nama_yang_berpindah_dari_x_ke_y() -> None:
    body = (
        "Berikut nama-nama yang berpindah dari Intel ke Nvidia:\n\n"
        "1. Rina Hartono - kepala riset cip.\n\n"
        "2. Tom Berg - insinyur senior.\n"
    )
    assert moves(body, "id") == {
        ("Rina Hartono", "Intel", "Nvidia"),
        ("Tom Berg", "Intel", "Nvidia"),
    }
    # Nama yang sudah punya kalimat sendiri ke unit Nvidia tidak diulang untuk induknya.
    body = (
        "Rina Hartono bergabung dengan Microsoft AI pada Juni.\n\n"
        "Berikut nama-nama yang berpindah dari Google ke Microsoft:\n\n"
        "1. Rina Hartono - kepala riset cip.\n"
    )
    found = moves(body, "id")
    assert len(found) == 1 and next(iter(found))[2] == "Microsoft AI"


def test_nama_depan_yang_juga_kata_umum_diputuskan_oleh_konteks() -> None:
    # "Tim" juga berarti "team": di awal kalimat, keterangan sesudahnya menjadikannya nama.
    assert moves(
        "Tim Harlow, salah satu peneliti senior Cohere, resmi bergabung dengan Nvidia.", "id"
    ) == {("Tim Harlow", "Cohere", "Nvidia")}
    assert moves(
        "Berikut nama yang berpindah dari Intel ke Nvidia:\n\n1. Tim Harlow - insinyur senior.\n",
        "id",
    ) == {("Tim Harlow", "Intel", "Nvidia")}
    # "Tim Riset Cohere" adalah tim, bukan orang.
    assert [
        p.name for p in run("Tim Riset Cohere merilis model baru pekan ini.", "id").people
    ] == []


def test_kata_fungsi_di_awal_kalimat_bukan_bagian_nama() -> None:
    assert list(people("Usai Rina Hartono dipecat, Tom Berg keluar dari Cohere.", "id")) == [
        "Rina Hartono",
        "Tom Berg",
    ]
    # Nama yang memang diawali huruf kapital tetap utuh.
    assert list(people("Rina Hartono dipecat dari Cohere.", "id")) == ["Rina Hartono"]


def test_penunjukan_yang_diumumkan_adalah_perekrutan() -> None:
    assert moves("Meta mengumumkan penunjukan Rina Hartono sebagai CTO.", "id") == {
        ("Rina Hartono", None, "Meta")
    }
    assert moves("Meta mengumumkan kedatangan kacamata barunya di toko.", "id") == set()


def test_keluar_untuk_memimpin_tim_di_organisasi_menyebut_tujuan() -> None:
    assert moves("Rina Wijaya keluar dari Gojek untuk memimpin tim riset di Quantrix.", "id") == {
        ("Rina Wijaya", "Gojek", "Quantrix")
    }
    # Perusahaan yang hanya disebut sebagai pesaing bukan tujuan.
    assert moves(
        "Rina Wijaya keluar dari Gojek untuk memimpin tim yang bersaing dengan Quantrix.", "id"
    ) == {("Rina Wijaya", "Gojek", None)}


def test_an_honorific_opens_no_organisation_name() -> None:
    # "Bapak AI" (the father of AI) is an epithet, not a company called "... AI".
    ex = run("Bapak AI Geoffrey Hinton bergabung dengan Google pada 2013.", "id")
    assert [o.name for o in ex.organizations] == ["Google"]
    assert {(m.person, m.from_org, m.to_org) for m in ex.moves} == {
        ("Geoffrey Hinton", None, "Google")
    }
    # A company whose name ends in "AI" is still one.
    assert moves("Budi Santoso bergabung dengan Nusantara AI.", "id") == {
        ("Budi Santoso", None, "Nusantara AI")
    }
