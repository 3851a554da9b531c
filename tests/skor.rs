//! Scores as regions write them (issue 15, item 1), worked by hand: a plain sum
//! of rapor and points, fractional points (a scout leader's 0.5), a stated
//! maximum and stated decimals — computed exactly, so every engine that follows
//! docs/plan.md gets the same number.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{codes, plan_of, run_one_school};
use juknis::engine::Status;

const SMA: &str = r#"juknis "Uji skor" {
  {KEPALA}
  pilihan { maksimal 1  mekanisme tunggal }
  skor nilai = rapor(semester 1..5, mapel bindo, mtk)
  skor total = {TOTAL}
  poin lomba {
    kabupaten_kota juara_1 30, juara_2 25, juara_3 20
    provinsi       juara_1 50, juara_2 45, juara_3 40
    nasional       juara_1 80, juara_2 70, juara_3 60
    internasional  juara_1 100, juara_2 95, juara_3 90
  }
  poin organisasi {
    osis    ketua 1
    pramuka ketua {PRAMUKA}
  }
  jalur domisili 35% {
    syarat dalam_wilayah
    dokumen kartu_keluarga minimal 1 tahun
    urutan nilai tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal
  }
  jalur afirmasi 30% {
    dokumen kip, kartu_disabilitas
    urutan jarak terdekat, waktu_daftar terawal
  }
  jalur prestasi 30% {
    dokumen rapor, sertifikat, sk_organisasi
    urutan total tertinggi, jarak terdekat, waktu_daftar terawal
  }
  {PENUTUP}"#;

const SUM: &str =
    "rapor(semester 1..5, mapel bindo, mtk) + poin(lomba) + poin(organisasi) maksimal 150 desimal 2";

fn source(total: &str, pramuka: &str) -> String {
    SMA.replace("{KEPALA}", common::SMA_KEPALA)
        .replace("{PENUTUP}", common::SMA_PENUTUP)
        .replace("{TOTAL}", total)
        .replace("{PRAMUKA}", pramuka)
}

/// Prestasi applicants: (NISN, rapor average, lomba level and rank, organisation
/// and role, distance in metres).
fn prestasi(rows: &[(&str, &str, &str, &str, u32)]) -> String {
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,status,rapor_nilai,rapor_total,\
         lomba_kategori,lomba_peringkat,organisasi_kategori,organisasi_peringkat\n",
    );
    for (n, rapor, lomba, org, m) in rows {
        let (lk, lp) = lomba.split_once(' ').unwrap_or(("", ""));
        let (ok, op) = org.split_once(' ').unwrap_or(("", ""));
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:00,prestasi,A,{m},K1,,{rapor},{rapor},{lk},{lp},{ok},{op}\n"
        ));
    }
    csv
}

fn accepted(h: &juknis::engine::Hasil) -> Vec<String> {
    h.pendaftar
        .iter()
        .filter(|r| r.status == Status::Diterima)
        .map(|r| r.nisn.to_string())
        .collect()
}

#[test]
fn a_plain_sum_with_half_a_point_and_a_maximum() {
    let src = source(SUM, "0.5");
    assert!(
        !codes(&src)
            .iter()
            .any(|c| c == "konsistensi.bobot" || c == "nilai.rentang"),
        "{:?}",
        codes(&src)
    );
    // The plan says it all: three terms at 100%, the cap, the decimals, the
    // half point.
    let json = plan_of(&src).to_json();
    assert!(json.contains("\"maksimal\": \"150\""), "{json}");
    assert!(json.contains("\"desimal\": 2"), "{json}");
    assert!(json.contains("\"poin\": \"0.5\""), "{json}");
    // Three prestasi seats at capacity 10 (30%).
    // P1: 85.5 + 50 (provinsi juara_1) + 0.5 (pramuka ketua) = 136
    // P2: 90 + 80 (nasional juara_1) = 170 → capped at 150
    // P3: 99.99 + 100 (internasional juara_1) = 199.99 → capped at 150
    // P4: 85.75 + 50 = 135.75 — the half point puts P1 ahead of P4
    // P5: 70 + 1 (osis ketua) = 71
    let rows = [
        (
            "0000000001",
            "85.5",
            "provinsi juara_1",
            "pramuka ketua",
            900,
        ),
        ("0000000002", "90", "nasional juara_1", "", 700),
        ("0000000003", "99.99", "internasional juara_1", "", 800),
        ("0000000004", "85.75", "provinsi juara_1", "", 100),
        ("0000000005", "70", "", "osis ketua", 50),
    ];
    let (h, csv) = run_one_school(&src, &prestasi(&rows)).unwrap();
    assert_eq!(accepted(&h), ["0000000001", "0000000002", "0000000003"]);
    // P2 and P3 are equal at the cap; distance orders them: P2 (700 m) first,
    // although P3's uncapped sum is higher.
    let rank = |n: &str| h.pendaftar.iter().find(|r| r.nisn == n).unwrap().peringkat;
    assert_eq!(rank("0000000002"), Some(1));
    assert_eq!(rank("0000000003"), Some(2));
    assert_eq!(rank("0000000001"), Some(3));
    // P4's reason names the last accepted key: total=136 at 900 m.
    let p4 = csv.lines().find(|l| l.starts_with("0000000004")).unwrap();
    assert!(p4.contains("total=136.0000"), "{p4}");
}

#[test]
fn decimals_round_half_up_exactly() {
    // 80.005 kept to 2 decimals is 80.01 (half up), equal to 80.01: the nearer
    // applicant wins. Binary floating point holds 80.005 as 80.00499999… and
    // would round it down, ranking the farther applicant first.
    let src = source(
        "rapor(semester 1..5, mapel bindo, mtk) + poin(lomba) desimal 2",
        "1",
    );
    let rows = [
        ("0000000001", "80.01", "", "", 900),
        ("0000000002", "80.005", "", "", 100),
        ("0000000003", "80.01", "", "", 950),
        ("0000000004", "10", "", "", 10),
    ];
    let (h, _) = run_one_school(&src, &prestasi(&rows)).unwrap();
    let rank = |n: &str| h.pendaftar.iter().find(|r| r.nisn == n).unwrap().peringkat;
    assert_eq!(rank("0000000002"), Some(1));
    assert_eq!(rank("0000000001"), Some(2));
    assert_eq!(rank("0000000003"), Some(3));
    // Without `desimal` the plan keeps six decimals: 80.01 is ahead of 80.005.
    let src = source("rapor(semester 1..5, mapel bindo, mtk) + poin(lomba)", "1");
    let (h, _) = run_one_school(&src, &prestasi(&rows)).unwrap();
    let rank = |n: &str| h.pendaftar.iter().find(|r| r.nisn == n).unwrap().peringkat;
    assert_eq!(rank("0000000001"), Some(1));
    assert_eq!(rank("0000000003"), Some(2));
    assert_eq!(rank("0000000002"), Some(3));
}

#[test]
fn weights_are_all_or_none_and_options_are_checked() {
    // Some weighted, some not: which one is meant cannot be guessed.
    let c = codes(&source(
        "60% rapor(semester 1..5, mapel bindo, mtk) + poin(lomba)",
        "1",
    ));
    assert!(c.contains(&"sintaks.pernyataan".to_string()), "{c:?}");
    // Weighted terms still add up to 100%.
    let c = codes(&source(
        "60% rapor(semester 1..5, mapel bindo, mtk) + 30% poin(lomba)",
        "1",
    ));
    assert!(c.contains(&"konsistensi.bobot".to_string()), "{c:?}");
    for bad in [
        format!("{SUM} desimal 7").replace("desimal 2 desimal 7", "desimal 7"),
        SUM.replace("maksimal 150", "maksimal 0"),
    ] {
        let c = codes(&source(&bad, "1"));
        assert!(c.contains(&"nilai.rentang".to_string()), "{bad}: {c:?}");
    }
    // Points with more than six decimals, or a thousands dot, are refused.
    for p in ["0.1234567", "11.000"] {
        let c = codes(&source(SUM, p));
        assert!(c.contains(&"nilai.rentang".to_string()), "{p}: {c:?}");
    }
}

#[test]
fn fmt_keeps_the_options_of_a_score() {
    let src = source(SUM, "0.5");
    let out = juknis::format::format(&src).unwrap();
    assert!(out.contains("maksimal 150 desimal 2"), "{out}");
    assert_eq!(plan_of(&out).skor, plan_of(&src).skor);
}

/// A plain sum of several subjects' rapor averages (DIY sums four): each term
/// reads its own column, named after the score, the subject and the semesters.
#[test]
fn a_sum_of_subject_averages_reads_one_column_each() {
    let total = "rapor(semester 1..5, mapel mtk) + rapor(semester 1..5, mapel ipa) + poin(lomba)";
    let src = source(total, "1");
    let plan = plan_of(&src);
    let s = plan.skor.iter().find(|s| s.nama == "total").unwrap();
    let cols: Vec<&str> = s
        .suku
        .iter()
        .flat_map(|x| x.kolom.iter().map(String::as_str))
        .collect();
    assert_eq!(
        &cols[..2],
        ["rapor_total_mtk_1_5", "rapor_total_ipa_1_5"],
        "{cols:?}"
    );
    // P1: 80 + 90 = 170; P2: 95 + 70 = 165; P3: 60 + 60 = 120. Three seats,
    // four applicants: P4 (50 + 50) is out, and the order is P1, P2, P3.
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,status,rapor_nilai,\
         rapor_total_mtk_1_5,rapor_total_ipa_1_5,lomba_kategori,lomba_peringkat,\
         organisasi_kategori,organisasi_peringkat\n",
    );
    for (n, m, i) in [
        ("0000000001", 80, 90),
        ("0000000002", 95, 70),
        ("0000000003", 60, 60),
        ("0000000004", 50, 50),
    ] {
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:00,prestasi,A,500,K1,,70,{m},{i},,,,\n"
        ));
    }
    let (h, _) = run_one_school(&src, &csv).unwrap();
    let rank = |n: &str| h.pendaftar.iter().find(|r| r.nisn == n).unwrap().peringkat;
    assert_eq!(rank("0000000001"), Some(1));
    assert_eq!(rank("0000000002"), Some(2));
    assert_eq!(rank("0000000003"), Some(3));
    assert_eq!(rank("0000000004"), None);
}
