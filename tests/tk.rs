//! TK selection by age group (issue 15, item 9): a TK has no jalur and no
//! quotas (Permendikdasmen 3/2025 Pasal 6); it admits children aged 4–5 to
//! group A and 5–6 to group B (Pasal 10). The plan has one unit per group
//! (`kelompok_A`), held to the group's ages, with the school's seats for that
//! group from the schools file (`daya_tampung_A`) and the juknis's `urutan`.
//! Worked by hand on the bundled Sidoarjo juknis (reference date 2025-07-01,
//! oldest first, then nearest, then earliest registration).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::codes;

fn sidoarjo() -> String {
    std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/kab-sidoarjo-tk-2025.juknis",
    ))
    .unwrap()
}

#[test]
fn the_plan_has_one_unit_per_age_group() {
    let plan = common::plan_of(&sidoarjo());
    let units: Vec<(&str, Option<&str>)> = plan
        .seleksi
        .iter()
        .map(|u| (u.id.as_str(), u.kursi_kolom.as_deref()))
        .collect();
    assert_eq!(
        units,
        [
            ("kelompok_A", Some("daya_tampung_A")),
            ("kelompok_B", Some("daya_tampung_B"))
        ]
    );
    assert_eq!(
        plan.seleksi[1].syarat,
        [juknis::plan::Syarat::Kelompok {
            nama: "B".into(),
            minimal_bulan: 60,
            maksimal_bulan: 72
        }]
    );
    assert!(plan.kursi.jalur.is_empty());
    assert_eq!(plan.seleksi[0].urutan.len(), 3);
}

#[test]
fn each_group_fills_its_own_seats_with_children_of_its_ages() {
    // Group A (2 seats): 5y3m and 4y8m are the oldest eligible; 4y2m waits;
    // 6y1m is past group A's "at most 5 years" (until the 6th birthday).
    // Group B (1 seat): 5y6m is accepted; 4y6m is too young for it.
    let p = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,status\n\
             0000000001,2021-05-01,2025-06-02 08:00,kelompok_A,T1,500,\n\
             0000000002,2020-04-01,2025-06-02 09:00,kelompok_A,T1,900,\n\
             0000000003,2020-11-01,2025-06-02 10:00,kelompok_A,T1,100,\n\
             0000000004,2019-06-01,2025-06-02 11:00,kelompok_A,T1,100,\n\
             0000000005,2021-01-01,2025-06-02 08:00,kelompok_B,T1,100,\n\
             0000000006,2020-01-01,2025-06-02 09:00,kelompok_B,T1,900,\n";
    let s = "npsn,daya_tampung,daya_tampung_A,daya_tampung_B\nT1,3,2,1\n";
    let (_, csv) = common::run_on(&sidoarjo(), s, p).unwrap();
    let row = |n: &str| -> Vec<String> {
        csv.lines()
            .find(|l| l.starts_with(n))
            .unwrap()
            .split(',')
            .map(str::to_string)
            .collect()
    };
    assert_eq!(row("0000000002")[1..4], ["diterima", "T1", "kelompok_A"]);
    assert_eq!(row("0000000003")[1..4], ["diterima", "T1", "kelompok_A"]);
    assert_eq!(row("0000000001")[1], "cadangan");
    assert_eq!(row("0000000004")[1], "tidak_diterima");
    assert!(row("0000000004")[9].contains("usia 6 tahun 1 bulan di luar kelompok ini (4–5 tahun)"));
    assert_eq!(row("0000000006")[1..4], ["diterima", "T1", "kelompok_B"]);
    assert_eq!(row("0000000005")[1], "tidak_diterima");
    // The age limits do not apply to a child with a disability (Pasal 15):
    // eligible for group B, but younger than the one seat's taker, a reserve.
    let p2 = p.replace("kelompok_B,T1,100,", "kelompok_B,T1,100,disabilitas");
    let (_, csv) = common::run_on(&sidoarjo(), s, &p2).unwrap();
    assert!(csv.contains("0000000005,cadangan,,kelompok_B"), "{csv}");
}

#[test]
fn a_schools_file_without_the_groups_seats_is_refused() {
    let p = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,status\n\
             0000000001,2021-05-01,2025-06-02 08:00,kelompok_A,T1,500,\n";
    let err = common::run_on(&sidoarjo(), "npsn,daya_tampung\nT1,3\n", p).unwrap_err();
    assert!(err.contains("`daya_tampung_a`"), "{err}");
}

#[test]
fn ranking_outside_a_jalur_is_only_for_tk() {
    let sma = common::sma_domisili("", "", "urutan usia tertua");
    assert!(codes(&sma).contains(&"sintaks.pernyataan".to_string()));
    let tk = sidoarjo().replace(
        "  urutan usia tertua, jarak terdekat, waktu_daftar terawal\n",
        "",
    );
    assert_eq!(codes(&tk), ["tk.urutan"]);
}
