//! A jalur selected in two waves (issue 15, item 5): the number and order of
//! waves is the region's (FAQ 70, 110), and FAQ 70 asks it to fill the seats
//! it has — so a region may reopen a jalur in a later wave for the seats left
//! over. `tahap 1 { jalur afirmasi … }  tahap 2 { jalur domisili, afirmasi }`
//! compiles to a second unit `afirmasi@2` without seats of its own, which
//! takes what wave 1 left unfilled or freed at re-registration; its own
//! leftovers follow the stated `sisa_kuota`. Worked by hand on one school of
//! 10 seats: domisili 4, afirmasi 3, prestasi 3, mutasi 0 (`sesuai_batas`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::codes;

const WAVES: &str = r#"tahap 1 {
    jalur afirmasi, prestasi, mutasi
    pendaftaran 2025-06-10 sampai 2025-06-11
    pengumuman 2025-06-13
    daftar_ulang 2025-06-13 sampai 2025-06-14
  }
  tahap 2 {
    jalur domisili, afirmasi
    pendaftaran 2025-06-16 sampai 2025-06-18
    pengumuman 2025-06-20
    daftar_ulang 2025-06-21 sampai 2025-06-23
  }"#;

fn source(extra: &str) -> String {
    let one_wave = r#"tahap 1 {
    jalur domisili, afirmasi, prestasi, mutasi
    pendaftaran 2025-06-16 sampai 2025-06-18
    pengumuman 2025-06-20
    daftar_ulang 2025-06-21 sampai 2025-06-23
  }"#;
    let src = common::sma_domisili("", "", extra);
    assert!(src.contains(one_wave));
    src.replace(one_wave, WAVES)
}

const HEAD: &str = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n";

/// hasil.csv rows as (nisn, status, jalur, tahap).
fn rows(csv: &str) -> Vec<(String, String, String, String)> {
    csv.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].into(), f[1].into(), f[3].into(), f[4].into())
        })
        .collect()
}

fn status<'a>(r: &'a [(String, String, String, String)], nisn: &str) -> (&'a str, &'a str) {
    let x = r.iter().find(|x| x.0 == nisn).unwrap();
    (x.1.as_str(), x.2.as_str())
}

#[test]
fn a_jalur_in_two_waves_is_lawful_and_compiles_to_a_later_round() {
    let src = source("sisa_kuota afirmasi ke domisili");
    assert!(
        !codes(&src).iter().any(|c| c.starts_with("konsistensi")),
        "{:?}",
        codes(&src)
    );
    let plan = common::plan_of(&src);
    let ids: Vec<(&str, u32, Option<&str>, Option<&str>)> = plan
        .seleksi
        .iter()
        .map(|u| {
            (
                u.id.as_str(),
                u.tahap,
                u.sisa_ke.as_deref(),
                u.ulang_dari.as_deref(),
            )
        })
        .collect();
    assert!(ids.contains(&("afirmasi", 1, Some("afirmasi@2"), None)));
    assert!(ids.contains(&("afirmasi@2", 2, Some("domisili"), Some("afirmasi"))));
    let round = plan.seleksi.iter().find(|u| u.id == "afirmasi@2").unwrap();
    assert_eq!(round.kuota, juknis::plan::Persen::ZERO);
    // The later round runs before domisili, which takes its leftovers.
    let w2 = plan.tahap.iter().find(|t| t.nomor == 2).unwrap();
    assert_eq!(w2.urutan_proses, ["afirmasi@2", "domisili"]);
    // Named twice in one wave is still reported.
    let twice = src.replace(
        "jalur domisili, afirmasi\n",
        "jalur domisili, afirmasi, afirmasi\n",
    );
    assert!(codes(&twice).contains(&"konsistensi.gelombang".to_string()));
}

#[test]
fn the_later_round_takes_the_seats_wave_one_left_and_freed() {
    let src = source("");
    // NISN 000000000k is Nk. Wave 1: two afirmasi applicants for 3 seats; N2 does not re-register
    // and nobody is on the reserve list, so afirmasi@2 gets 1 unfilled + 1
    // freed = 2 seats. Wave 2: N3, N4, N5 register for the reopened afirmasi,
    // nearest first; N1, already accepted in wave 1, is not selected again.
    let p = format!(
        "{HEAD}\
         0000000001,2009-05-05,2025-06-10 08:00,afirmasi;afirmasi@2,A,900,K1,,\n\
         0000000002,2009-05-05,2025-06-10 09:00,afirmasi,A,800,K1,,\n\
         0000000003,2009-05-05,2025-06-16 08:00,afirmasi@2,A,300,K1,,\n\
         0000000004,2009-05-05,2025-06-16 09:00,afirmasi@2,A,100,K1,,\n\
         0000000005,2009-05-05,2025-06-16 10:00,afirmasi@2,A,500,K1,,\n"
    );
    let opsi = juknis::engine::RunOptions {
        tidak_daftar_ulang: vec!["0000000002".into()],
        ..Default::default()
    };
    let (h, csv) =
        common::run_on_with(&src, "npsn,daya_tampung,wilayah\nA,10,K1\n", &p, &opsi).unwrap();
    let r = rows(&csv);
    assert_eq!(status(&r, "0000000001"), ("diterima", "afirmasi"));
    assert_eq!(status(&r, "0000000002").0, "tidak_daftar_ulang");
    assert_eq!(status(&r, "0000000004"), ("diterima", "afirmasi@2"));
    assert_eq!(status(&r, "0000000003"), ("diterima", "afirmasi@2"));
    assert_ne!(status(&r, "0000000005").0, "diterima");
    let n1 = r.iter().find(|x| x.0 == "0000000001").unwrap();
    assert_eq!(n1.3, "1");
    let n4 = r.iter().find(|x| x.0 == "0000000004").unwrap();
    assert_eq!(n4.3, "2");
    // The summary shows the seats moving: 1 unfilled, 1 freed, 2 in.
    let plan = common::plan_of(&src);
    let prepared = juknis::engine::Prepared::from_plan(&plan).unwrap();
    let unit = |id: &str| prepared.units.iter().position(|u| u.id == id).unwrap();
    let first = h
        .ringkasan
        .iter()
        .find(|x| x.unit == unit("afirmasi"))
        .unwrap();
    assert_eq!((first.kursi_awal, first.sisa), (3, 1));
    assert_eq!(
        (first.dilepas, first.dilepas_dialihkan, first.kosong),
        (1, 1, 0)
    );
    let later = h
        .ringkasan
        .iter()
        .find(|x| x.unit == unit("afirmasi@2"))
        .unwrap();
    assert_eq!(
        (later.kursi_awal, later.kursi_masuk, later.diterima),
        (0, 2, 2)
    );
}

#[test]
fn seats_the_last_round_leaves_follow_the_stated_carry_over() {
    let src = source("sisa_kuota afirmasi ke domisili");
    // Nobody in afirmasi in either wave: its 3 seats pass through afirmasi@2
    // to domisili, which then admits 4 + 3 = 7 of its 8 applicants.
    let mut p = String::from(HEAD);
    for i in 1..=8 {
        p.push_str(&format!(
            "000000001{i},2009-05-05,2025-06-16 08:0{i},domisili,A,{},K1,{},\n",
            100 * i,
            90 - i
        ));
    }
    let (h, csv) = common::run_one_school(&src, &p).unwrap();
    let r = rows(&csv);
    let accepted = r.iter().filter(|x| x.1 == "diterima").count();
    assert_eq!(accepted, 7, "{csv}");
    assert_eq!(status(&r, "0000000018").0, "cadangan");
    let dom = h
        .ringkasan
        .iter()
        .find(|x| x.kursi_awal == 4 && x.kursi_masuk == 3)
        .unwrap();
    assert_eq!(dom.diterima, 7);
}

#[test]
fn an_applicant_may_register_in_both_rounds_only_once_per_wave() {
    let src = source("");
    // `afirmasi` and `afirmasi@2` are in different waves: allowed. Two units
    // of wave 2 are not (the plan allows one jalur per wave).
    let ok =
        format!("{HEAD}0000000001,2009-05-05,2025-06-10 08:00,afirmasi;afirmasi@2,A,900,K1,,\n");
    assert!(common::run_one_school(&src, &ok).is_ok());
    let two =
        format!("{HEAD}0000000001,2009-05-05,2025-06-16 08:00,domisili;afirmasi@2,A,900,K1,80,\n");
    let err = common::run_one_school(&src, &two).unwrap_err();
    assert!(err.contains("both in wave 2"), "{err}");
}
