//! Every numeric bound of the regulation, on both sides: exactly at the bound a
//! juknis passes (no diagnostic at all), one step beyond it gets the rule's code.
//! A step is the smallest the language can write — 0.01 % for quotas, one day
//! for dates, one month for ages where months can be written, one student for
//! rombel — per jenjang where the bound differs. Each juknis is a template with
//! the values under test filled in, so a case reads as the values it changes.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

const SD: &str = r#"juknis "Uji batas SD" {
  acuan permendikdasmen-3-2025
  pemerintah kota "Surabaya"
  jenjang SD
  tahun_ajaran 2025/2026
  ditetapkan {DITETAPKAN}
  pengumuman_pendaftaran {PENGUMUMAN}
  usia {
    tanggal_acuan {ACUAN}
    minimal {MIN}
    prioritas 7 tahun
    istimewa minimal {ISTIMEWA} dengan rekomendasi psikolog, dewan_guru
  }
  wilayah { metode administratif kelurahan }
  daya_tampung {
    rombel maksimal {ROMBEL}
    pembulatan sesuai_batas{PENGECUALIAN}
  }
  pilihan { maksimal 1  mekanisme tunggal }
  jalur domisili {D}% {
    syarat dalam_wilayah
    dokumen kartu_keluarga{KK}, akta_kelahiran
    urutan usia tertua, jarak terdekat, waktu_daftar terawal
  }
  jalur afirmasi {A}% {
    urutan usia_prioritas, jarak terdekat, usia tertua, waktu_daftar terawal
    sub ketm {A1}% { syarat status ketm  dokumen kip }
    sub disabilitas 2% { syarat status disabilitas  dokumen kartu_disabilitas }
  }
  jalur mutasi {M}% {
    urutan usia_prioritas, jarak terdekat, usia tertua, waktu_daftar terawal
    sub pindah_tugas {M1}% { syarat status pindah_tugas  dokumen surat_penugasan, surat_pindah }
    sub anak_guru 1% { syarat status anak_guru  dokumen surat_penugasan_guru, kartu_keluarga }
  }
  cadangan semua
  tahap 1 {
    jalur domisili, afirmasi, mutasi
    pendaftaran 2025-06-16 sampai 2025-06-18
    pengumuman 2025-06-20
    daftar_ulang 2025-06-21 sampai 2025-06-23
  }
  biaya gratis
  pendaftaran daring, luring
  pengaduan "Posko SPMB Dinas Pendidikan, telepon 031-000000"
  pemantauan "Dinas Pendidikan bersama Ombudsman RI"
}
"#;

const SMP: &str = r#"juknis "Uji batas SMP" {
  acuan permendikdasmen-3-2025
  pemerintah kota "Surabaya"
  jenjang SMP
  tahun_ajaran 2025/2026
  ditetapkan {DITETAPKAN}
  pengumuman_pendaftaran {PENGUMUMAN}
  usia { tanggal_acuan {ACUAN}  maksimal {MAKS} }
  wilayah { metode administratif kelurahan }
  daya_tampung {
    rombel maksimal {ROMBEL}
    pembulatan sesuai_batas{PENGECUALIAN}
  }
  pilihan { maksimal 2  mekanisme penerimaan_tertunda }
  skor rerata_rapor = rapor({RAPOR}, mapel bindo, mtk)
  jalur domisili {D}% {
    syarat dalam_wilayah
    dokumen kartu_keluarga{KK}
    urutan jarak terdekat, usia tertua, waktu_daftar terawal
  }
  jalur afirmasi {A}% {
    urutan jarak terdekat, usia tertua, waktu_daftar terawal
    sub ketm {A1}% { syarat status ketm  dokumen kip }
    sub disabilitas 2% { syarat status disabilitas  dokumen kartu_disabilitas }
  }
  jalur prestasi {P}% {
    dokumen rapor
    urutan rerata_rapor tertinggi, jarak terdekat, waktu_daftar terawal
  }
  jalur mutasi {M}% {
    urutan jarak terdekat, waktu_daftar terawal
    sub pindah_tugas {M1}% { syarat status pindah_tugas  dokumen surat_penugasan, surat_pindah }
    sub anak_guru 1% { syarat status anak_guru  dokumen surat_penugasan_guru, kartu_keluarga }
  }
  cadangan semua
  tahap 1 {
    jalur domisili, afirmasi, prestasi, mutasi
    pendaftaran 2025-06-16 sampai 2025-06-18
    pengumuman 2025-06-20
    daftar_ulang 2025-06-21 sampai 2025-06-23
  }
  biaya gratis
  pendaftaran daring, luring
  pengaduan "Posko SPMB Dinas Pendidikan, telepon 031-000000"
  pemantauan "Dinas Pendidikan bersama Ombudsman RI"
}
"#;

const SMA: &str = r#"juknis "Uji batas SMA" {
  acuan permendikdasmen-3-2025
  pemerintah provinsi "Jawa Timur"
  jenjang SMA
  tahun_ajaran 2025/2026
  ditetapkan {DITETAPKAN}
  pengumuman_pendaftaran {PENGUMUMAN}
  usia { tanggal_acuan {ACUAN}  maksimal {MAKS} }
  wilayah { metode administratif kecamatan }
  daya_tampung {
    rombel maksimal {ROMBEL}
    pembulatan sesuai_batas{PENGECUALIAN}
  }
  pilihan { maksimal 2  mekanisme penerimaan_tertunda }
  skor nilai_akhir = rapor({RAPOR}, mapel bindo, mtk)
  jalur domisili {D}% {
    syarat dalam_wilayah
    dokumen kartu_keluarga{KK}
    urutan nilai_akhir tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal
  }
  jalur afirmasi {A}% {
    urutan jarak terdekat, usia tertua, waktu_daftar terawal
    sub ketm {A1}% { syarat status ketm  dokumen kip }
    sub disabilitas 2% { syarat status disabilitas  dokumen kartu_disabilitas }
  }
  jalur prestasi {P}% {
    dokumen rapor
    urutan nilai_akhir tertinggi, jarak terdekat, waktu_daftar terawal
  }
  jalur mutasi {M}% {
    urutan jarak terdekat, waktu_daftar terawal
    sub pindah_tugas {M1}% { syarat status pindah_tugas  dokumen surat_penugasan, surat_pindah }
    sub anak_guru 1% { syarat status anak_guru  dokumen surat_penugasan_guru, kartu_keluarga }
  }
  cadangan semua
  tahap 1 {
    jalur domisili, afirmasi, prestasi, mutasi
    pendaftaran 2025-06-16 sampai 2025-06-18
    pengumuman 2025-06-20
    daftar_ulang 2025-06-21 sampai 2025-06-23
  }
  biaya gratis
  pendaftaran daring, luring
  pengaduan "Posko SPMB Dinas Pendidikan, telepon 031-000000"
  pemantauan "Dinas Pendidikan bersama Ombudsman RI"
}
"#;

/// The template with its defaults (a conforming juknis) overridden by `set`.
/// The sub-jalur split follows the jalur: ketm = afirmasi − 2 %, pindah_tugas =
/// mutasi − 1 %.
fn isi(template: &str, set: &[(&str, &str)]) -> String {
    let mut v: BTreeMap<&str, String> = [
        ("DITETAPKAN", "2025-03-03"),
        ("PENGUMUMAN", "2025-05-05"),
        ("ACUAN", "2025-07-01"),
        ("MIN", "6 tahun"),
        ("ISTIMEWA", "5 tahun 6 bulan"),
        ("ROMBEL", ""),
        ("PENGECUALIAN", ""),
        ("KK", " minimal 1 tahun"),
        ("MAKS", ""),
        ("RAPOR", ""),
        ("D", ""),
        ("A", ""),
        ("P", ""),
        ("M", "5"),
    ]
    .into_iter()
    .map(|(k, x)| (k, x.to_string()))
    .collect();
    let (d, a, p, maks, rombel, rapor) = if template.contains("jenjang SD") {
        ("80", "15", "0", "", "28", "")
    } else if template.contains("jenjang SMP") {
        (
            "40",
            "20",
            "35",
            "15 tahun",
            "32",
            "kelas 4 semester 1 sampai kelas 6 semester 1",
        )
    } else {
        ("35", "30", "30", "21 tahun", "36", "semester 1..5")
    };
    for (k, x) in [
        ("D", d),
        ("A", a),
        ("P", p),
        ("MAKS", maks),
        ("ROMBEL", rombel),
        ("RAPOR", rapor),
    ] {
        v.insert(k, x.to_string());
    }
    for (k, x) in set {
        assert!(v.contains_key(k), "unknown placeholder {k}");
        v.insert(k, x.to_string());
    }
    let minus = |x: &str, by: f64| format!("{}", x.parse::<f64>().unwrap() - by);
    let a1 = minus(&v["A"], 2.0);
    let m1 = minus(&v["M"], 1.0);
    v.insert("A1", trim(&a1));
    v.insert("M1", trim(&m1));
    let mut out = template.to_string();
    for (k, x) in &v {
        out = out.replace(&format!("{{{k}}}"), x);
    }
    let unfilled = out
        .match_indices('{')
        .any(|(i, _)| out[i + 1..].starts_with(|c: char| c.is_ascii_uppercase()));
    assert!(!unfilled, "unfilled placeholder in the template");
    out
}

/// `12.990000000000002` → `12.99`: percentages have at most two decimals here.
fn trim(x: &str) -> String {
    let f: f64 = x.parse().unwrap();
    let s = format!("{:.2}", f);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The codes a juknis gets, sorted.
fn codes(src: &str) -> Vec<String> {
    let mut v: Vec<String> = juknis::check_bytes(src.as_bytes())
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// At the bound: no diagnostic at all. Beyond it: `code` among the diagnostics.
fn batas(template: &str, lulus: &[(&str, &str)], gagal: &[(&str, &str)], code: &str) {
    let ok = isi(template, lulus);
    assert_eq!(
        codes(&ok),
        Vec::<String>::new(),
        "{code}: at the bound {lulus:?}"
    );
    let bad = isi(template, gagal);
    let got = codes(&bad);
    assert!(
        got.iter().any(|c| c == code),
        "{code}: one step beyond {gagal:?} gives {got:?}"
    );
}

#[test]
fn the_templates_conform() {
    for t in [SD, SMP, SMA] {
        assert_eq!(codes(&isi(t, &[])), Vec::<String>::new());
    }
}

#[test]
fn domisili_minimum_70_40_30() {
    batas(
        SD,
        &[("D", "70"), ("A", "25")],
        &[("D", "69.99"), ("A", "25.01")],
        "kuota.domisili.min",
    );
    batas(
        SMP,
        &[("D", "40")],
        &[("D", "39.99"), ("P", "35.01")],
        "kuota.domisili.min",
    );
    batas(
        SMA,
        &[("D", "30"), ("P", "35")],
        &[("D", "29.99"), ("P", "35.01")],
        "kuota.domisili.min",
    );
}

#[test]
fn afirmasi_minimum_15_20_30() {
    batas(
        SD,
        &[("A", "15")],
        &[("A", "14.99"), ("D", "80.01")],
        "kuota.afirmasi.min",
    );
    batas(
        SMP,
        &[("A", "20")],
        &[("A", "19.99"), ("D", "40.01")],
        "kuota.afirmasi.min",
    );
    batas(
        SMA,
        &[("A", "30")],
        &[("A", "29.99"), ("D", "35.01")],
        "kuota.afirmasi.min",
    );
}

#[test]
fn prestasi_minimum_25_30() {
    batas(
        SMP,
        &[("P", "25"), ("D", "50")],
        &[("P", "24.99"), ("D", "50.01")],
        "kuota.prestasi.min",
    );
    batas(
        SMA,
        &[("P", "30")],
        &[("P", "29.99"), ("D", "35.01")],
        "kuota.prestasi.min",
    );
}

#[test]
fn mutasi_maximum_5() {
    batas(
        SD,
        &[("M", "5")],
        &[("M", "5.01"), ("D", "79.99")],
        "kuota.mutasi.max",
    );
    batas(
        SMP,
        &[("M", "5")],
        &[("M", "5.01"), ("D", "39.99")],
        "kuota.mutasi.max",
    );
    batas(
        SMA,
        &[("M", "5")],
        &[("M", "5.01"), ("D", "34.99")],
        "kuota.mutasi.max",
    );
}

#[test]
fn quotas_add_up_to_exactly_100() {
    // Every jalur within its own bounds; only the total is off by 0.01 %.
    for (t, d) in [(SD, "80"), (SMP, "40"), (SMA, "35")] {
        let over = format!("{}.01", d);
        batas(t, &[("D", d)], &[("D", &over)], "kuota.total");
        let under = trim(&format!("{}", d.parse::<f64>().unwrap() + 0.99 - 1.0));
        batas(t, &[("D", d)], &[("D", &under)], "kuota.total");
    }
}

#[test]
fn age_limits() {
    // SD: at least 6 on 1 July (a month younger fails; 7 is the priority, not
    // the minimum); the gifted exception from 5 years 6 months.
    batas(
        SD,
        &[("MIN", "6 tahun")],
        &[("MIN", "5 tahun 11 bulan")],
        "usia.sd",
    );
    batas(SD, &[("MIN", "6 tahun")], &[("MIN", "7 tahun")], "usia.sd");
    batas(
        SD,
        &[("ISTIMEWA", "5 tahun 6 bulan")],
        &[("ISTIMEWA", "5 tahun 5 bulan")],
        "usia.sd.istimewa",
    );
    // SMP at most 15, SMA at most 21, on both sides.
    batas(
        SMP,
        &[("MAKS", "15 tahun")],
        &[("MAKS", "16 tahun")],
        "usia.smp",
    );
    batas(
        SMP,
        &[("MAKS", "15 tahun")],
        &[("MAKS", "14 tahun")],
        "usia.smp",
    );
    batas(
        SMA,
        &[("MAKS", "21 tahun")],
        &[("MAKS", "22 tahun")],
        "usia.sma",
    );
    batas(
        SMA,
        &[("MAKS", "21 tahun")],
        &[("MAKS", "20 tahun")],
        "usia.sma",
    );
    // Measured on 1 July: a day either side fails.
    for t in [SD, SMP, SMA] {
        batas(
            t,
            &[("ACUAN", "2025-07-01")],
            &[("ACUAN", "2025-06-30")],
            "usia.tanggal",
        );
        batas(
            t,
            &[("ACUAN", "2025-07-01")],
            &[("ACUAN", "2025-07-02")],
            "usia.tanggal",
        );
    }
}

#[test]
fn dates_of_the_juknis() {
    // Signed no earlier than the regulation (26 February 2025) …
    batas(
        SMA,
        &[("DITETAPKAN", "2025-02-26")],
        &[("DITETAPKAN", "2025-02-25")],
        "peraturan.tanggal",
    );
    // … and at least 2 months before the registration announcement (5 May).
    batas(
        SMP,
        &[("DITETAPKAN", "2025-03-05")],
        &[("DITETAPKAN", "2025-03-06")],
        "jadwal.juknis",
    );
    // The announcement in the first week of May: 1 and 7 May pass.
    for (ok, bad) in [("2025-05-01", "2025-04-30"), ("2025-05-07", "2025-05-08")] {
        batas(
            SD,
            &[("DITETAPKAN", "2025-02-27"), ("PENGUMUMAN", ok)],
            &[("DITETAPKAN", "2025-02-27"), ("PENGUMUMAN", bad)],
            "jadwal.pengumuman",
        );
    }
}

#[test]
fn students_per_rombel_28_32_36_and_the_exception() {
    batas(
        SD,
        &[("ROMBEL", "28")],
        &[("ROMBEL", "29")],
        "kapasitas.rombel",
    );
    batas(
        SMP,
        &[("ROMBEL", "32")],
        &[("ROMBEL", "33")],
        "kapasitas.rombel",
    );
    batas(
        SMA,
        &[("ROMBEL", "36")],
        &[("ROMBEL", "37")],
        "kapasitas.rombel",
    );
    // SMA may have an exception of at most 50, with an end date.
    batas(
        SMA,
        &[(
            "PENGECUALIAN",
            "\n    pengecualian rombel 50 sampai 2027-06-30",
        )],
        &[(
            "PENGECUALIAN",
            "\n    pengecualian rombel 51 sampai 2027-06-30",
        )],
        "kapasitas.rombel",
    );
}

#[test]
fn family_card_at_least_one_year() {
    for t in [SD, SMP, SMA] {
        // A month short of a year (ages are written `N tahun M bulan`).
        batas(
            t,
            &[("KK", " minimal 1 tahun")],
            &[("KK", " minimal 0 tahun 11 bulan")],
            "dok.kk",
        );
        batas(
            t,
            &[("KK", " minimal 1 tahun 0 bulan")],
            &[("KK", "")],
            "dok.kk",
        );
    }
}

#[test]
fn rapor_is_the_last_five_semesters() {
    batas(
        SMA,
        &[("RAPOR", "semester 2..6")],
        &[("RAPOR", "semester 1..4")],
        "prestasi.rapor",
    );
    batas(
        SMA,
        &[("RAPOR", "semester 1..5")],
        &[("RAPOR", "semester 1..6")],
        "prestasi.rapor",
    );
    // SMP: the last five SD semesters are kelas 4 semester 1 to kelas 6 semester 1.
    batas(
        SMP,
        &[("RAPOR", "kelas 4 semester 1 sampai kelas 6 semester 1")],
        &[("RAPOR", "kelas 4 semester 2 sampai kelas 6 semester 1")],
        "prestasi.rapor",
    );
}

/// SMK (the minister's statement, warnings): afirmasi at least 15 %, the
/// nearest-domicile jalur at most 10 %, whatever the jalur are called; the SMK
/// quotas still add up to 100 %.
#[test]
fn smk_bounds() {
    let base = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("juknis-examples/sesuai/jatim-smk-2025.juknis"),
    )
    .unwrap();
    let edit = |pairs: &[(&str, &str)]| {
        let mut s = base.clone();
        for (a, b) in pairs {
            assert_eq!(s.matches(a).count(), 1, "{a}");
            s = s.replace(a, b);
        }
        codes(&s)
    };
    assert_eq!(edit(&[]), Vec::<String>::new());
    let at = |c: &[String], code: &str| c.iter().any(|x| x == code);
    // afirmasi 15 % passes (the example); 14.99 % warns.
    let c = edit(&[
        ("jalur afirmasi 15%", "jalur afirmasi 14.99%"),
        ("jalur lomba 5%", "jalur lomba 5.01%"),
    ]);
    assert!(at(&c, "smk.afirmasi.min"), "{c:?}");
    // domisili 10 % passes (the example); 10.01 % warns.
    let c = edit(&[
        ("jalur domisili 10%", "jalur domisili 10.01%"),
        ("jalur lomba 5%", "jalur lomba 4.99%"),
    ]);
    assert!(at(&c, "smk.domisili.max"), "{c:?}");
    // Renaming afirmasi does not escape its bound: the jalur is known by its
    // conditions and documents.
    let c = edit(&[
        ("jalur afirmasi 15%", "jalur keluarga_tidak_mampu 14.99%"),
        ("jalur lomba 5%", "jalur lomba 5.01%"),
        (
            "jalur afirmasi, mutasi, lomba",
            "jalur keluarga_tidak_mampu, mutasi, lomba",
        ),
    ]);
    assert!(at(&c, "smk.afirmasi.min"), "{c:?}");
    // Known by its documents alone, or by its condition alone: at exactly 15 %
    // under another name it passes (were it not recognised, SMK would have no
    // afirmasi at all and warn).
    for (syarat, dokumen) in [
        ("", "    dokumen kip, pkh, kks\n"),
        ("    syarat status ketm\n", "    dokumen pas_foto\n"),
    ] {
        let c = edit(&[
            (
                "jalur afirmasi 15% {\n    syarat status ketm\n    dokumen kip, pkh, kks\n",
                &format!("jalur bantuan 15% {{\n{syarat}{dokumen}"),
            ),
            (
                "jalur afirmasi, mutasi, lomba",
                "jalur bantuan, mutasi, lomba",
            ),
        ]);
        assert!(!at(&c, "smk.afirmasi.min"), "{syarat}{dokumen}: {c:?}");
    }
    // The same for the domicile jalur: under another name it is known by its
    // zone condition alone, and by its name alone without the condition.
    let c = edit(&[
        ("jalur domisili 10%", "jalur sekitar_sekolah 10.01%"),
        ("jalur lomba 5%", "jalur lomba 4.99%"),
        ("sisa_kuota domisili", "sisa_kuota sekitar_sekolah"),
        ("    jalur domisili\n", "    jalur sekitar_sekolah\n"),
    ]);
    assert!(at(&c, "smk.domisili.max"), "{c:?}");
    let c = edit(&[
        (
            "jalur domisili 10% {\n    syarat dalam_wilayah\n",
            "jalur zonasi_terdekat 10.01% {\n",
        ),
        ("jalur lomba 5%", "jalur lomba 4.99%"),
        ("sisa_kuota domisili", "sisa_kuota zonasi_terdekat"),
        ("    jalur domisili\n", "    jalur zonasi_terdekat\n"),
    ]);
    assert!(at(&c, "smk.domisili.max"), "{c:?}");
    // The sum: 0.01 % over is a consistency error.
    let c = edit(&[("jalur nilai_akademik 65%", "jalur nilai_akademik 65.01%")]);
    assert!(at(&c, "konsistensi.kuota"), "{c:?}");
}
