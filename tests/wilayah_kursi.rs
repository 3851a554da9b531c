//! Seats split by area (issue 15, item 6): `sub sebaran 15% { per kelurahan }`
//! as Jawa Timur writes its domisili sebaran and Surabaya its SMP domisili D2
//! ("dibagi rata ke kelurahan"). The engine gives each area of the school its
//! equal share of the unit's seats and ranks each area's residents among
//! themselves; before this, a split unit ran as one pool. Worked by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::engine::{RunOptions, Status};

/// SMA with domisili split 20% reguler + 15% sebaran; `{PER}` goes in sebaran.
fn source(per: &str) -> String {
    common::sma_domisili(
        "pilihan { maksimal 1  mekanisme tunggal }",
        &format!("sub reguler 20%\n    sub sebaran 15% {{ {per} }}"),
        "",
    )
}

/// One school of capacity 40 in zone K1: sebaran has 15% = 6 seats, split over
/// four kelurahan L1–L4 (listed out of order: the split follows code order):
/// ⌊6 / 4⌋ = 1 each and the first 6 mod 4 = 2 areas, L1 and L2, one more.
const SEKOLAH: &str = "npsn,daya_tampung,wilayah,kelurahan\nA,40,K1,L3;L1;L4;L2\n";

/// (NISN, kelurahan, rapor): everyone in the zone, registered in sebaran.
const ROWS: [(&str, &str, u32); 9] = [
    ("0000000001", "L1", 95),
    ("0000000002", "L1", 94),
    ("0000000003", "L1", 93),
    ("0000000004", "L1", 92),
    ("0000000005", "L2", 50),
    ("0000000006", "L3", 80),
    ("0000000007", "L3", 40),
    // In the zone, but not in a kelurahan that shares the seats.
    ("0000000008", "L9", 99),
    ("0000000009", "L1", 91),
];

fn pendaftar(rows: &[(&str, &str, u32)]) -> String {
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n",
    );
    for (n, w, r) in rows {
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:00,domisili.sebaran,A,500,K1;{w},{r},\n"
        ));
    }
    csv
}

fn status(h: &juknis::engine::Hasil, nisn: &str) -> Status {
    h.pendaftar.iter().find(|x| x.nisn == nisn).unwrap().status
}

fn accepted(h: &juknis::engine::Hasil) -> Vec<String> {
    h.pendaftar
        .iter()
        .filter(|x| x.status == Status::Diterima)
        .map(|x| x.nisn.to_string())
        .collect()
}

#[test]
fn each_kelurahan_gets_its_share_and_its_residents_compete_among_themselves() {
    let src = source("per kelurahan");
    let plan = common::plan_of(&src);
    let u = plan
        .seleksi
        .iter()
        .find(|u| u.id == "domisili.sebaran")
        .unwrap();
    assert_eq!(u.per.as_deref(), Some("kelurahan"));
    assert!(
        plan.kolom_pendaftar.iter().any(|k| k.nama == "wilayah"),
        "the plan asks for the applicants' area codes"
    );
    let (h, csv) = common::run_on(&src, SEKOLAH, &pendaftar(&ROWS)).unwrap();
    // L1 (2 seats): 95 and 94; L2 (2): 50 alone; L3 (1): 80; L4 (1): nobody.
    assert_eq!(
        accepted(&h),
        ["0000000001", "0000000002", "0000000005", "0000000006"]
    );
    // 93 lost to L1's residents, not to 50 in L2.
    let row = csv.lines().find(|l| l.starts_with("0000000003")).unwrap();
    assert!(row.contains("kalah peringkat di kelurahan L1"), "{row}");
    assert!(row.contains("terakhir diterima"), "{row}");
    // 99 lives in the zone but in no kelurahan that shares the seats.
    assert_eq!(status(&h, "0000000008"), Status::TidakDiterima);
    let row = csv.lines().find(|l| l.starts_with("0000000008")).unwrap();
    assert!(row.contains("tidak di kelurahan mana pun"), "{row}");

    // Per area: seats, accepted, unfilled; the unit's unfilled seats are their sum.
    let per: Vec<(String, u32, u32, u32)> = h
        .ringkasan_wilayah
        .iter()
        .map(|r| (r.kode.clone(), r.kursi, r.diterima, r.sisa))
        .collect();
    assert_eq!(
        per,
        [
            ("L1".to_string(), 2, 2, 0),
            ("L2".to_string(), 2, 1, 1),
            ("L3".to_string(), 1, 1, 0),
            ("L4".to_string(), 1, 0, 1),
        ]
    );
    let units: Vec<String> = plan.seleksi.iter().map(|u| u.id.clone()).collect();
    let sebaran = h
        .ringkasan
        .iter()
        .find(|r| units[r.unit] == "domisili.sebaran")
        .unwrap();
    assert_eq!(
        (sebaran.kursi_awal, sebaran.diterima, sebaran.sisa),
        (6, 4, 2)
    );

    // `--explain` names the area whose seats held the applicant.
    let opsi = RunOptions {
        jejak: Some("0000000006".into()),
        ..Default::default()
    };
    let (h, _) = common::run_on_with(&src, SEKOLAH, &pendaftar(&ROWS), &opsi).unwrap();
    assert!(
        h.jejak
            .iter()
            .any(|t| t.id.contains("A (kelurahan L3): ditampung sementara")),
        "{:?}",
        h.jejak
    );

    // The same applicants in one pool: the six best, 99 among them.
    let (h, _) = common::run_on(&source(""), SEKOLAH, &pendaftar(&ROWS)).unwrap();
    assert_eq!(
        accepted(&h),
        [
            "0000000001",
            "0000000002",
            "0000000003",
            "0000000004",
            "0000000008",
            "0000000009"
        ]
    );
    assert!(h.ringkasan_wilayah.is_empty());
}

#[test]
fn a_seat_given_up_goes_to_a_reserve_of_the_same_kelurahan() {
    let src = source("per kelurahan");
    let opsi = RunOptions {
        // 94 (L1) and 80 (L3) do not re-register.
        tidak_daftar_ulang: vec!["0000000002".into(), "0000000006".into()],
        ..Default::default()
    };
    let (h, _) = common::run_on_with(&src, SEKOLAH, &pendaftar(&ROWS), &opsi).unwrap();
    // L1's seat goes to 93, the best L1 reserve; L3's to 40 — not to 93 or 92,
    // who rank higher but live in L1.
    assert_eq!(
        accepted(&h),
        ["0000000001", "0000000003", "0000000005", "0000000007"]
    );
    let l1 = h.ringkasan_wilayah.iter().find(|r| r.kode == "L1").unwrap();
    assert_eq!((l1.diterima, l1.dilepas, l1.naik_dari_cadangan), (2, 1, 1));
    let l3 = h.ringkasan_wilayah.iter().find(|r| r.kode == "L3").unwrap();
    assert_eq!((l3.diterima, l3.dilepas, l3.naik_dari_cadangan), (1, 1, 1));
}

#[test]
fn a_tie_at_a_kelurahan_last_seat_is_marked_there() {
    let src = source("per kelurahan");
    // L3 has one seat and two residents with equal marks, distance, age and
    // registration time; L1's applicants differ.
    let rows = [
        ("0000000001", "L1", 95),
        ("0000000002", "L1", 94),
        ("0000000006", "L3", 80),
        ("0000000007", "L3", 80),
    ];
    let (h, _) = common::run_on(&src, SEKOLAH, &pendaftar(&rows)).unwrap();
    let seri: Vec<&str> = h
        .pendaftar
        .iter()
        .filter(|x| x.seri)
        .map(|x| x.nisn.as_str())
        .collect();
    assert_eq!(seri, ["0000000006", "0000000007"]);
}

#[test]
fn schools_must_list_the_areas_and_applicants_their_codes() {
    let src = source("per kelurahan");
    // No `kelurahan` column: the run stops, naming the school and the column.
    let err = common::run_on(
        &src,
        "npsn,daya_tampung,wilayah\nA,40,K1\n",
        &pendaftar(&ROWS),
    )
    .unwrap_err();
    assert!(err.contains("splits seats per kelurahan"), "{err}");
    assert!(err.contains("`A`"), "{err}");
    // A school with the column but no codes in it: the same.
    let err = common::run_on(
        &src,
        "npsn,daya_tampung,wilayah,kelurahan\nA,40,K1,L1\nB,40,K1,\n",
        &pendaftar(&ROWS),
    )
    .unwrap_err();
    assert!(err.contains("`B`"), "{err}");
    // Applicants without area codes cannot be placed in an area.
    let csv = pendaftar(&ROWS).replace(",wilayah,", ",kode,");
    let err = common::run_on(&src, SEKOLAH, &csv).unwrap_err();
    assert!(err.contains("wilayah"), "{err}");
}

#[test]
fn the_split_is_stated_in_the_plan_and_checked_when_loaded() {
    let mut plan = common::plan_of(&source("per kelurahan"));
    let i = plan
        .seleksi
        .iter()
        .position(|u| u.id == "domisili.sebaran")
        .unwrap();
    plan.seleksi[i].per = Some("dusun".into());
    let err = juknis::plan::validate_structure(&plan).unwrap_err();
    assert!(err.contains("seleksi[") && err.contains("per"), "{err}");
}
