//! Per-school quota variants (issue 15, item 6): a juknis may name schools
//! with their own split (`kuota_sekolah "NPSN", … { dasar "…"  domisili 40% }`).
//! Each variant is checked against the national bounds as the main split is,
//! the plan carries it (`kursi.varian`), and the engine computes those
//! schools' seats from it. Worked by hand at 20 seats: the juknis's 35/30/30/5
//! gives domisili 7, afirmasi 6, prestasi 6, mutasi 1; the variant 40/30/30/0
//! gives 8, 6, 6, 0.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::codes;

fn source(varian: &str) -> String {
    common::sma_domisili("", "", varian)
}

const B_40: &str = r#"kuota_sekolah "B" {
    dasar "Keputusan Kepala Dinas Nomor 421/17/2025: SMA B di kawasan padat penduduk"
    domisili 40%
    mutasi 0%
  }"#;

#[test]
fn a_lawful_variant_compiles_into_the_plan() {
    let src = source(B_40);
    assert!(codes(&src).is_empty(), "{:?}", codes(&src));
    let plan = common::plan_of(&src);
    assert_eq!(plan.kursi.varian.len(), 1);
    let v = &plan.kursi.varian[0];
    assert_eq!(v.sekolah, ["B"]);
    assert!(v.dasar.as_deref().unwrap().contains("421/17/2025"));
    let pct: Vec<(&str, &str)> = v
        .jalur
        .iter()
        .map(|j| (j.id.as_str(), j.persen.as_str()))
        .collect();
    assert_eq!(
        pct,
        [
            ("domisili", "40"),
            ("afirmasi", "30"),
            ("prestasi", "30"),
            ("mutasi", "0")
        ]
    );
    // `juknis fmt` lays it out as the other blocks and keeps its meaning.
    let f = juknis::format::format(&src).unwrap();
    assert!(
        f.contains("  kuota_sekolah \"B\" {\n    dasar \"Keputusan"),
        "{f}"
    );
    assert_eq!(juknis::format::format(&f).unwrap(), f);
    assert_eq!(common::plan_of(&f).kursi, plan.kursi);
}

#[test]
fn each_variant_is_held_to_the_national_bounds() {
    // Below afirmasi's 30% at those schools only: reported inside the variant.
    let low = source(
        r#"kuota_sekolah "B", "C" {
    dasar "SK 1"
    domisili 40%
    afirmasi 25%
  }"#,
    );
    let c = juknis::check_bytes(low.as_bytes());
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == "kuota.afirmasi.min")
        .unwrap();
    let at = d.primary_span().unwrap();
    assert_eq!(&low[at.range()], "25%");
    assert!(d.labels.iter().any(|l| l
        .message
        .as_ref()
        .is_some_and(|m| m.en == "the quotas of school B, C")));
    // Not adding up to 100% at those schools: reported at the variant.
    let over = source(
        r#"kuota_sekolah "B" {
    domisili 40%
  }"#,
    );
    let c = juknis::check_bytes(over.as_bytes());
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == "kuota.total")
        .unwrap();
    assert!(over[d.primary_span().unwrap().range()].starts_with("kuota_sekolah \"B\""));
    // A problem of the main split is reported once, not again per variant.
    let main_low = source(B_40).replace("jalur afirmasi 30%", "jalur afirmasi 25%");
    let n = codes(&main_low)
        .iter()
        .filter(|c| *c == "kuota.afirmasi.min")
        .count();
    assert_eq!(n, 1, "{:?}", codes(&main_low));
}

#[test]
fn names_schools_and_empty_variants_are_checked() {
    let typo = source(
        r#"kuota_sekolah "B" {
    domisli 40%
    mutasi 0%
  }"#,
    );
    assert!(codes(&typo).contains(&"nama.tidak_dikenal".to_string()));
    let twice = format!("{B_40}\n  kuota_sekolah \"B\" {{ domisili 40%  mutasi 0% }}");
    assert!(codes(&source(&twice)).contains(&"nama.ganda".to_string()));
    let empty = source("kuota_sekolah \"B\" { dasar \"SK 1\" }");
    assert!(codes(&empty).contains(&"konsistensi.kuota_sekolah".to_string()));
    let excepted = format!("{B_40}\n  dikecualikan \"B\" berasrama \"SMA Taruna B\"");
    assert!(codes(&source(&excepted)).contains(&"konsistensi.kuota_sekolah".to_string()));
}

#[test]
fn the_engine_computes_those_schools_seats_from_their_split() {
    let src = source(B_40);
    let plan = common::plan_of(&src);
    let prepared = juknis::engine::Prepared::from_plan(&plan).unwrap();
    let ids = prepared.unit_ids();
    let at = |npsn: &str| -> Vec<(String, u32)> {
        ids.iter()
            .map(|s| s.to_string())
            .zip(prepared.kursi_sekolah(20, npsn))
            .collect()
    };
    let seats = |npsn: &str, id: &str| at(npsn).into_iter().find(|(u, _)| u == id).unwrap().1;
    assert_eq!(
        (
            seats("A", "domisili"),
            seats("A", "afirmasi"),
            seats("A", "prestasi"),
            seats("A", "mutasi")
        ),
        (7, 6, 6, 1)
    );
    assert_eq!(
        (
            seats("B", "domisili"),
            seats("B", "afirmasi"),
            seats("B", "prestasi"),
            seats("B", "mutasi")
        ),
        (8, 6, 6, 0)
    );
    // Nine domisili applicants at each school: 7 accepted at A, 8 at B.
    let mut p = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n",
    );
    for (k, s) in ["A", "B"].iter().enumerate() {
        for i in 1..=9 {
            p.push_str(&format!(
                "00000{k}{i:04},2009-05-05,2025-06-16 08:00,domisili,{s},{},K1,{},\n",
                100 * i,
                90 - i
            ));
        }
    }
    let (_, csv) =
        common::run_on(&src, "npsn,daya_tampung,wilayah\nA,20,K1\nB,20,K1\n", &p).unwrap();
    let accepted = |s: &str| {
        csv.lines()
            .filter(|l| l.contains(&format!(",diterima,{s},")))
            .count()
    };
    assert_eq!((accepted("A"), accepted("B")), (7, 8), "{csv}");
}
