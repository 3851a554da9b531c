//! Ranking criteria regions use (issue 15, item 2), worked by hand: a status
//! first, the verification time, the registration number from its column, a
//! published lottery — and ties at the last seat marked `seri`, never decided
//! silently. Each case states what a Dinas would see in `hasil.csv`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::codes;
use juknis::engine::{self, Status};

/// A small SMA juknis: domisili 35% and afirmasi 30% with the rankings under
/// test (prestasi and mutasi only complete it). Nobody here applies to them.
const SMA: &str = r#"juknis "Uji urutan" {
  {KEPALA}
  pilihan { maksimal 1  mekanisme tunggal }
  skor nilai = rapor(semester 1..5, mapel bindo, mtk)
  jalur domisili 35% {
    syarat dalam_wilayah
    dokumen kartu_keluarga minimal 1 tahun
    urutan {DOMISILI}
  }
  jalur afirmasi 30% {
    dokumen kip, kartu_disabilitas
    urutan {AFIRMASI}
  }
  jalur prestasi 30% {
    dokumen rapor
    urutan nilai tertinggi, jarak terdekat, waktu_daftar terawal
  }
  {PENUTUP}"#;

const BIASA: &str = "jarak terdekat, waktu_daftar terawal";

/// The juknis with domisili ranked as the regulation orders it for SMA
/// (academic score, distance, age: FAQ 74) followed by `tail`, and afirmasi by
/// `afirmasi`.
fn source(tail: &str, afirmasi: &str) -> String {
    let domisili = if tail.is_empty() {
        "nilai tertinggi, jarak terdekat, usia tertua".to_string()
    } else {
        format!("nilai tertinggi, jarak terdekat, usia tertua, {tail}")
    };
    SMA.replace("{KEPALA}", common::SMA_KEPALA)
        .replace("{PENUTUP}", common::SMA_PENUTUP)
        .replace("{DOMISILI}", &domisili)
        .replace("{AFIRMASI}", afirmasi)
}

fn accepted(h: &engine::Hasil) -> Vec<String> {
    h.pendaftar
        .iter()
        .filter(|r| r.status == Status::Diterima)
        .map(|r| r.nisn.to_string())
        .collect()
}

fn seri(h: &engine::Hasil) -> Vec<String> {
    h.pendaftar
        .iter()
        .filter(|r| r.seri)
        .map(|r| r.nisn.to_string())
        .collect()
}

/// Domisili applicants, all with the same rapor and birth date: (NISN,
/// distance in metres, registration minute).
fn domisili(rows: &[(&str, u32, u32)]) -> String {
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n",
    );
    for (n, m, t) in rows {
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:{t:02},domisili,A,{m},K1,80,\n"
        ));
    }
    csv
}

#[test]
fn equal_on_every_criterion_at_the_last_seat_is_marked_seri() {
    // Four domisili seats. P1–P3 are nearest; P4, P5 and P6 are equal on
    // distance and registration minute for the fourth seat. Only the NISN
    // order puts P4 in: all three are marked, the clear winners are not.
    let rows = [
        ("0000000001", 300, 0),
        ("0000000002", 400, 1),
        ("0000000003", 500, 2),
        ("0000000004", 900, 5),
        ("0000000005", 900, 5),
        ("0000000006", 900, 5),
        ("0000000007", 2000, 0),
    ];
    let (h, csv) =
        common::run_one_school(&source("waktu_daftar terawal", BIASA), &domisili(&rows)).unwrap();
    assert_eq!(
        accepted(&h),
        ["0000000001", "0000000002", "0000000003", "0000000004"]
    );
    assert_eq!(seri(&h), ["0000000004", "0000000005", "0000000006"]);
    // The rule that decided is stated in the plan, not left to the engine, and a
    // plan that does not state it is refused when loaded.
    let plan = common::plan_of(&source("waktu_daftar terawal", BIASA));
    assert_eq!(plan.penentu_seri, juknis::plan::PenentuSeri::NisnTerkecil);
    let json = serde_json::to_string(&plan).unwrap();
    assert!(
        json.contains("\"penentu_seri\":\"nisn_terkecil\""),
        "{json}"
    );
    let without = json.replace("\"penentu_seri\":\"nisn_terkecil\",", "");
    let err = format!("{:?}", juknis::plan::load(&without).unwrap_err());
    assert!(err.contains("penentu_seri"), "{err}");
    assert!(csv.starts_with(
        "nisn,status,sekolah,jalur,tahap,peringkat,cadangan_sekolah,cadangan_posisi,naik_dari_cadangan,alasan,seri\n"
    ));
    let line = |n: &str| csv.lines().find(|l| l.starts_with(n)).unwrap().to_string();
    assert!(
        line("0000000004").ends_with(",ya"),
        "{}",
        line("0000000004")
    );
    assert!(
        line("0000000006").ends_with(",ya"),
        "{}",
        line("0000000006")
    );
    assert!(line("0000000003").ends_with(','), "{}", line("0000000003"));
    assert!(line("0000000007").ends_with(','), "{}", line("0000000007"));

    // A tie below the cut decides nothing: P4 and P5 both get in when P6 is
    // farther, and nobody is marked.
    let rows = [
        ("0000000001", 300, 0),
        ("0000000002", 400, 1),
        ("0000000004", 900, 5),
        ("0000000005", 900, 5),
        ("0000000006", 950, 5),
    ];
    let (h, _) =
        common::run_one_school(&source("waktu_daftar terawal", BIASA), &domisili(&rows)).unwrap();
    assert_eq!(accepted(&h).len(), 4);
    assert!(seri(&h).is_empty(), "{:?}", seri(&h));
}

#[test]
fn a_published_lottery_decides_and_anyone_can_redo_it() {
    // The draw as docs/plan.md states it, checked against `sha256sum`:
    // printf 'SPMB-2027\n0012345678' | sha256sum → 6f13731aa7187b31…
    let d = engine::undian("SPMB-2027", "0012345678");
    assert_eq!(
        format!("{:016x}", (d as u64) ^ (1 << 63)),
        "6f13731aa7187b31"
    );

    // Three applicants equal on distance for the last of four seats: the
    // smallest draw takes it, whatever the NISN order, and nothing is a tie.
    let rows = [
        ("0000000001", 300, 0),
        ("0000000002", 400, 1),
        ("0000000003", 500, 2),
        ("0000000004", 900, 5),
        ("0000000005", 900, 5),
        ("0000000006", 900, 5),
    ];
    let urutan = r#"undian benih "SPMB-2027-UJI""#;
    let src = source(urutan, BIASA);
    assert!(
        !codes(&src).contains(&"urutan.akhir".to_string()),
        "a lottery separates everyone: {:?}",
        codes(&src)
    );
    let (h, _) = common::run_one_school(&src, &domisili(&rows)).unwrap();
    let tied = ["0000000004", "0000000005", "0000000006"];
    let winner = tied
        .iter()
        .min_by_key(|n| engine::undian("SPMB-2027-UJI", n))
        .unwrap();
    let got = accepted(&h);
    assert!(got.contains(&winner.to_string()), "{got:?} lacks {winner}");
    assert_eq!(got.iter().filter(|n| tied.contains(&n.as_str())).count(), 1);
    assert!(seri(&h).is_empty());

    // Another seed, the same data: the same three compete, only the draw moves.
    let (h2, _) =
        common::run_one_school(&source(r#"undian benih "lain""#, BIASA), &domisili(&rows)).unwrap();
    let winner2 = tied
        .iter()
        .min_by_key(|n| engine::undian("lain", n))
        .unwrap();
    assert!(accepted(&h2).contains(&winner2.to_string()));
}

#[test]
fn a_lottery_needs_its_seed_and_only_a_lottery_takes_one() {
    for urutan in ["undian", "undian benih \"\""] {
        let c = codes(&source(urutan, BIASA));
        assert!(
            c.contains(&"sintaks.pernyataan".to_string()),
            "{urutan}: {c:?}"
        );
    }
    let c = codes(&source(r#"waktu_daftar terawal "x""#, BIASA));
    assert!(c.contains(&"sintaks.pernyataan".to_string()), "{c:?}");
}

#[test]
fn a_status_first_ranks_that_group_before_the_rest() {
    // Afirmasi (3 seats at capacity 10) ranks by distance (FAQ 73 huruf b),
    // then applicants with disabilities first: of the three at 900 m for the
    // last seat, P6 has a disability and takes it although its NISN is last.
    let afirmasi = "jarak terdekat, disabilitas dulu, waktu_daftar terawal";
    let src = source("waktu_daftar terawal", afirmasi);
    let c = codes(&src);
    assert!(
        !c.iter()
            .any(|c| c.starts_with("urutan.") && c != "urutan.akhir"
                || c == "syarat.objektif"
                || c == "nama.tidak_dikenal"),
        "{c:?}"
    );
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n",
    );
    for (n, m, st) in [
        ("0000000001", 100, "ketm"),
        ("0000000002", 200, "ketm"),
        ("0000000004", 900, "ketm"),
        ("0000000005", 900, "ketm"),
        ("0000000006", 900, "disabilitas"),
    ] {
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:00,afirmasi,A,{m},K1,80,{st}\n"
        ));
    }
    let (h, _) = common::run_one_school(&src, &csv).unwrap();
    assert_eq!(accepted(&h), ["0000000001", "0000000002", "0000000006"]);

    // Before the distance FAQ 73 puts first, a status breaks the national
    // order; it must be one of the jalur's own groups, spelt as the regulation
    // names them.
    let c = codes(&source("", "disabilitas dulu, jarak terdekat"));
    assert!(c.contains(&"urutan.afirmasi".to_string()), "{c:?}");
    let c = codes(&source("ketm dulu", BIASA));
    assert!(c.contains(&"syarat.objektif".to_string()), "{c:?}");
    let c = codes(&source("", "jarak terdekat, disabilitass dulu"));
    assert!(c.contains(&"nama.tidak_dikenal".to_string()), "{c:?}");
}

#[test]
fn verification_time_and_registration_number_come_from_their_columns() {
    let rows = "0000000001,300,2025-06-17 09:00,7\n\
                0000000002,400,2025-06-17 09:00,6\n\
                0000000003,500,2025-06-17 09:00,5\n\
                0000000004,900,2025-06-17 10:00,1\n\
                0000000005,900,2025-06-17 08:00,3\n\
                0000000006,900,2025-06-17 09:30,2\n";
    let csv = |rows: &str| {
        let mut c = String::from(
            "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,wilayah,rapor,status,jarak_m,waktu_verifikasi,nomor_pendaftaran\n",
        );
        for l in rows.lines() {
            let f: Vec<&str> = l.trim().split(',').collect();
            c.push_str(&format!(
                "{},2009-05-05,2025-06-16 08:00,domisili,A,K1,80,,{},{},{}\n",
                f[0], f[1], f[2], f[3]
            ));
        }
        c
    };
    // The earliest verification among the three at 900 m: P5 (08:00).
    let (h, _) =
        common::run_one_school(&source("waktu_verifikasi terawal", BIASA), &csv(rows)).unwrap();
    assert!(accepted(&h).contains(&"0000000005".to_string()));
    assert!(seri(&h).is_empty());
    // The smallest registration number among them: P4 (1), not the NISN order.
    let src = source("nomor_pendaftaran terkecil", BIASA);
    let (h, _) = common::run_one_school(&src, &csv(rows)).unwrap();
    assert!(accepted(&h).contains(&"0000000004".to_string()));
    // A number that is not digits stops the run with its line and column.
    let e = common::run_one_school(&src, &csv(&rows.replace(",1\n", ",A-1\n"))).unwrap_err();
    assert!(e.contains("A-1") && e.contains("nomor_pendaftaran"), "{e}");
    // Without the column the run says which column the ranking needs.
    let no_col = domisili(&[("0000000001", 300, 0)]);
    let e = common::run_one_school(&src, &no_col).unwrap_err();
    assert!(e.contains("nomor_pendaftaran"), "{e}");
}
