//! Eligibility as the regulation words it (issue 15, item 9): the age limits do
//! not apply to applicants with disabilities, nor at special-education,
//! special-service or 3T schools (Permendikdasmen 3/2025 Pasal 15, FAQ 25) —
//! the latter are kinds of school, read from `sekolah.csv`, not statuses an
//! applicant declares.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::engine::Status;

/// The small SMA juknis with domisili (plus `domisili_subs` inside its block)
/// followed by `rest` — the other jalur and the wave — or, when `rest` is
/// empty, the standard afirmasi, prestasi, mutasi and wave.
fn sma(title: &str, domisili_subs: &str, rest: &str) -> String {
    let rest = if rest.is_empty() {
        format!(
            "{}\n  {}",
            common::SMA_AFIRMASI_PRESTASI,
            common::SMA_PENUTUP
        )
    } else {
        rest.to_string()
    };
    format!(
        r#"juknis "{title}" {{
  {}
  pilihan {{ maksimal 1  mekanisme tunggal }}
  skor nilai = rapor(semester 1..5, mapel bindo, mtk)
  jalur domisili 35% {{
    syarat dalam_wilayah
    dokumen kartu_keluarga minimal 1 tahun
    urutan nilai tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal{domisili_subs}
  }}
  {rest}"#,
        common::SMA_KEPALA
    )
}

/// SMA, age limit 21 on 2025-07-01, the regulation's exemptions.
fn source() -> String {
    sma("Uji kelayakan", "", "").replace(
        "maksimal 21 tahun }",
        "maksimal 21 tahun  pengecualian disabilitas, pendidikan_khusus, layanan_khusus, daerah_3t }",
    )
}

const SEKOLAH: &str = "npsn,daya_tampung,wilayah,layanan\nA,10,K1,\nB,10,K1,daerah_3t\n";

fn status(h: &juknis::engine::Hasil, nisn: &str) -> Status {
    h.pendaftar.iter().find(|r| r.nisn == nisn).unwrap().status
}

#[test]
fn age_limits_do_not_apply_at_a_3t_school() {
    // P1 and P2 are both 23 on the reference date (born 2002). P1 chooses A,
    // an ordinary school: refused for age. P2 chooses B, a 3T school: accepted.
    // P3, 23 and with a disability, is accepted at A (an applicant status).
    let csv = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n\
               0000000001,2002-01-01,2025-06-16 08:00,domisili,A,500,K1,80,\n\
               0000000002,2002-01-01,2025-06-16 08:00,domisili,B,500,K1,80,\n\
               0000000003,2002-01-01,2025-06-16 08:00,domisili,A,500,K1,80,disabilitas\n";
    let (h, hasil) = common::run_on(&source(), SEKOLAH, csv).unwrap();
    assert_eq!(status(&h, "0000000001"), Status::TidakDiterima);
    let p1 = hasil.lines().find(|l| l.starts_with("0000000001")).unwrap();
    assert!(p1.contains("melebihi batas"), "{p1}");
    assert_eq!(status(&h, "0000000002"), Status::Diterima);
    assert_eq!(status(&h, "0000000003"), Status::Diterima);

    // Declaring `daerah_3t` as one's own status exempts nobody: the school is
    // what counts.
    let csv = csv.replace(
        "0000000001,2002-01-01,2025-06-16 08:00,domisili,A,500,K1,80,\n",
        "0000000001,2002-01-01,2025-06-16 08:00,domisili,A,500,K1,80,daerah_3t\n",
    );
    let (h, _) = common::run_on(&source(), SEKOLAH, &csv).unwrap();
    assert_eq!(status(&h, "0000000001"), Status::TidakDiterima);
}

#[test]
fn a_school_kind_must_be_one_the_regulation_names() {
    let sekolah = "npsn,daya_tampung,wilayah,layanan\nA,10,K1,daerah3t\n";
    let csv = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n\
               0000000001,2002-01-01,2025-06-16 08:00,domisili,A,500,K1,80,\n";
    let e = common::run_on(&source(), sekolah, csv).unwrap_err();
    assert!(
        e.contains("daerah3t") && e.contains("daerah_3t") && e.contains(":2"),
        "{e}"
    );
}

/// Domisili in distance rings: ring 1 under 1 km, ring 2 from 1 km to 2.5 km
/// (a sub-jalur each), unfilled ring seats going on to the next ring.
fn rings() -> String {
    sma(
        "Uji cincin",
        "\n    sub dekat 20% { syarat dalam_wilayah, jarak kurang_dari 1 km }\n    sub sedang 15% { syarat dalam_wilayah, jarak 1 km sampai 2.5 km }",
        "",
    )
}

#[test]
fn distance_rings_are_conditions_the_engine_measures() {
    let src = rings();
    let c = common::codes(&src);
    assert!(
        !c.iter()
            .any(|c| c == "syarat.objektif" || c == "nilai.rentang"),
        "{c:?}"
    );
    let plan = common::plan_of(&src);
    let dekat = plan
        .seleksi
        .iter()
        .find(|u| u.id == "domisili.dekat")
        .unwrap();
    assert!(
        dekat.syarat.contains(&juknis::plan::Syarat::Jarak {
            minimal_m: None,
            maksimal_m: 999
        }),
        "{:?}",
        dekat.syarat
    );
    // Capacity 20: dekat 4 seats, sedang 3. P1 (999 m) fits ring 1; P2 at
    // exactly 1 km does not, and is refused there; P3 at 2.5 km fits ring 2;
    // P4 at 2.501 km fits neither.
    let sekolah = "npsn,daya_tampung,wilayah\nA,20,K1\n";
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n",
    );
    for (n, u, m) in [
        ("0000000001", "domisili.dekat", 999),
        ("0000000002", "domisili.dekat", 1000),
        ("0000000003", "domisili.sedang", 2500),
        ("0000000004", "domisili.sedang", 2501),
    ] {
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:00,{u},A,{m},K1,80,\n"
        ));
    }
    let (h, hasil) = common::run_on(&src, sekolah, &csv).unwrap();
    assert_eq!(status(&h, "0000000001"), Status::Diterima);
    assert_eq!(status(&h, "0000000002"), Status::TidakDiterima);
    assert_eq!(status(&h, "0000000003"), Status::Diterima);
    assert_eq!(status(&h, "0000000004"), Status::TidakDiterima);
    let p2 = hasil.lines().find(|l| l.starts_with("0000000002")).unwrap();
    assert!(p2.contains("di luar 0–999 m"), "{p2}");

    // A range written backwards, or a distance in fractions of a metre.
    for bad in ["jarak 2.5 km sampai 1 km", "jarak kurang_dari 0.0005 km"] {
        let c = common::codes(&src.replace("jarak 1 km sampai 2.5 km", bad));
        assert!(c.contains(&"nilai.rentang".to_string()), "{bad}: {c:?}");
    }
}

/// Afirmasi and mutasi without sub-jalur, each open to its groups through
/// alternatives in one condition.
fn alternatives() -> String {
    let penutup = common::SMA_PENUTUP
        .split_once("  tahap 1")
        .map(|(_, rest)| format!("tahap 1{rest}"))
        .unwrap();
    let rest = format!(
        r#"jalur afirmasi 30% {{
    syarat status ketm atau disabilitas
    dokumen kip, kartu_disabilitas
    urutan jarak terdekat, waktu_daftar terawal
  }}
  jalur prestasi 30% {{
    dokumen rapor
    urutan nilai tertinggi, jarak terdekat, waktu_daftar terawal
  }}
  jalur mutasi 5% {{
    syarat status pindah_tugas atau anak_guru
    dokumen surat_penugasan, surat_penugasan_guru
    urutan jarak terdekat, waktu_daftar terawal
  }}
  {penutup}"#
    );
    sma("Uji salah satu", "", &rest)
}

#[test]
fn one_of_several_groups_in_one_jalur() {
    let src = alternatives();
    let c = common::codes(&src);
    assert!(
        !c.iter()
            .any(|c| c.ends_with(".cakupan") || c == "syarat.objektif"),
        "both groups are served: {c:?}"
    );
    // Afirmasi at capacity 20: 6 seats. Mutasi: 1 seat.
    let sekolah = "npsn,daya_tampung,wilayah\nA,20,K1\nB,20,K1\n";
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status,sekolah_orang_tua\n",
    );
    for (n, u, st, ortu) in [
        ("0000000001", "afirmasi", "ketm", ""),
        ("0000000002", "afirmasi", "disabilitas", ""),
        ("0000000003", "afirmasi", "", ""),
        ("0000000004", "mutasi", "anak_guru", "B"),
        ("0000000005", "mutasi", "anak_guru", "A"),
    ] {
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:00,{u},A,500,K1,80,{st},{ortu}\n"
        ));
    }
    let (h, hasil) = common::run_on(&src, sekolah, &csv).unwrap();
    assert_eq!(status(&h, "0000000001"), Status::Diterima);
    assert_eq!(status(&h, "0000000002"), Status::Diterima);
    assert_eq!(status(&h, "0000000003"), Status::TidakDiterima);
    let p3 = hasil.lines().find(|l| l.starts_with("0000000003")).unwrap();
    assert!(p3.contains("tidak berstatus ketm atau disabilitas"), "{p3}");
    // A teacher's child only where the parent teaches: P4's parent is at B.
    assert_eq!(status(&h, "0000000004"), Status::TidakDiterima);
    assert_eq!(status(&h, "0000000005"), Status::Diterima);

    // Each alternative is judged as `status NAME` is.
    let c = common::codes(&src.replace("ketm atau disabilitas", "ketm atau disabilitass"));
    assert!(c.contains(&"nama.tidak_dikenal".to_string()), "{c:?}");
    let c = common::codes(&src.replace("ketm atau disabilitas", "ketm atau anak_guru"));
    assert!(c.contains(&"syarat.objektif".to_string()), "{c:?}");
    // One group only: the other is left out.
    let c = common::codes(&src.replace("ketm atau disabilitas", "ketm"));
    assert!(c.contains(&"afirmasi.cakupan".to_string()), "{c:?}");
    // Documents per alternative: the plan says which status each document
    // proves, so an applicant shows the proof of the status they claim (a
    // child with a disability needs no KIP). The `surat_penugasan` serves both
    // mutasi groups.
    let plan = common::plan_of(&src);
    let docs = |id: &str| -> Vec<(String, Vec<String>)> {
        plan.seleksi
            .iter()
            .find(|u| u.id == id)
            .unwrap()
            .dokumen
            .iter()
            .map(|d| (d.nama.clone(), d.untuk.clone()))
            .collect()
    };
    let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        docs("afirmasi"),
        [
            ("kip".to_string(), v(&["ketm"])),
            ("kartu_disabilitas".to_string(), v(&["disabilitas"]))
        ]
    );
    assert_eq!(
        docs("mutasi"),
        [
            (
                "surat_penugasan".to_string(),
                v(&["pindah_tugas", "anak_guru"])
            ),
            ("surat_penugasan_guru".to_string(), v(&["anak_guru"]))
        ]
    );
    // Without alternatives every document is required of everyone.
    assert!(docs("prestasi").iter().all(|(_, u)| u.is_empty()));
}

/// `tidak_menerima`: a refusal the checker can judge. Refusing the domicile
/// letter in domisili shuts out disaster victims (FAQ 27, 28, 35): reported
/// once, where it is written; refusing some other paper is the region's call.
#[test]
fn refusing_the_domicile_letter_is_judged() {
    let src = sma(
        "Uji tolak",
        "\n    tidak_menerima surat_keterangan_domisili",
        "",
    );
    let c = common::codes(&src);
    assert_eq!(c.iter().filter(|c| *c == "dok.kk").count(), 1, "{c:?}");
    let src = sma(
        "Uji tolak",
        "\n    tidak_menerima fotokopi_tanpa_legalisir",
        "",
    );
    assert!(!common::codes(&src).contains(&"dok.kk".to_string()));
    // On the jalur, with two sub-jalur inheriting it: still once.
    let src = sma(
        "Uji tolak",
        "\n    tidak_menerima surat_keterangan_domisili\n    sub a 20%\n    sub b 15%",
        "",
    );
    let c = common::codes(&src);
    assert_eq!(c.iter().filter(|c| *c == "dok.kk").count(), 1, "{c:?}");
}
