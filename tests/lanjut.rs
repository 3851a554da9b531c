//! Within one wave (issue 15, items 4 and 5): sub-jalur cascades — `lanjut A
//! ke B`, applicants not accepted in A compete in B in the same wave, as Jawa
//! Timur runs domisili reguler and then sebaran — and several jalur per
//! applicant per wave (`jalur_per_tahap`, FAQ 21 and 71). Worked by hand, and
//! the checker's and the reader's limits on them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::codes;
use juknis::engine::Status;

/// SMA with domisili split 20% reguler + 15% sebaran; `{LANJUT}` is filled in.
fn source(lanjut: &str) -> String {
    with_choices(lanjut, "pilihan { maksimal 1  mekanisme tunggal }")
}

fn with_choices(lanjut: &str, pilihan: &str) -> String {
    common::sma_domisili(pilihan, "sub reguler 20%\n    sub sebaran 15%", lanjut)
}

/// One school of capacity 20: reguler 4 seats, sebaran 3.
const SEKOLAH: &str = "npsn,daya_tampung,wilayah\nA,20,K1\n";

/// (NISN, unit, rapor).
fn pendaftar(rows: &[(&str, &str, u32)]) -> String {
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n",
    );
    for (n, u, r) in rows {
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:00,{u},A,500,K1,{r},\n"
        ));
    }
    csv
}

const ROWS: [(&str, &str, u32); 7] = [
    ("0000000001", "domisili.reguler", 95),
    ("0000000002", "domisili.reguler", 90),
    ("0000000003", "domisili.reguler", 85),
    ("0000000004", "domisili.reguler", 80),
    ("0000000005", "domisili.reguler", 75),
    ("0000000006", "domisili.reguler", 70),
    ("0000000007", "domisili.sebaran", 60),
];

/// The unit an applicant was accepted in (`units`: the plan's unit ids, in
/// the plan's order, which is the engine's).
fn unit_of(h: &juknis::engine::Hasil, units: &[String], nisn: &str) -> Option<String> {
    let row = h.pendaftar.iter().find(|x| x.nisn == nisn).unwrap();
    (row.status == Status::Diterima).then(|| units[row.unit.unwrap()].clone())
}

#[test]
fn applicants_not_accepted_in_reguler_compete_in_sebaran() {
    let src = source("lanjut domisili.reguler ke domisili.sebaran");
    assert!(
        !codes(&src).iter().any(|c| c.starts_with("konsistensi")),
        "{:?}",
        codes(&src)
    );
    let plan = common::plan_of(&src);
    let u = plan
        .seleksi
        .iter()
        .find(|u| u.id == "domisili.reguler")
        .unwrap();
    assert_eq!(u.lanjut_ke.as_deref(), Some("domisili.sebaran"));
    let units: Vec<String> = plan.seleksi.iter().map(|u| u.id.clone()).collect();
    // Reguler (4 seats) takes P1–P4; P5 and P6 go on to sebaran (3 seats),
    // where P7 registered directly: all three get a seat.
    let (h, _) = common::run_on(&src, SEKOLAH, &pendaftar(&ROWS)).unwrap();
    for n in ["0000000001", "0000000002", "0000000003", "0000000004"] {
        assert_eq!(
            unit_of(&h, &units, n).as_deref(),
            Some("domisili.reguler"),
            "{n}"
        );
    }
    for n in ["0000000005", "0000000006", "0000000007"] {
        assert_eq!(
            unit_of(&h, &units, n).as_deref(),
            Some("domisili.sebaran"),
            "{n}"
        );
    }

    // Without the cascade P5 and P6 are not accepted, and two sebaran seats
    // stay empty.
    let (h, _) = common::run_on(&source(""), SEKOLAH, &pendaftar(&ROWS)).unwrap();
    assert_eq!(unit_of(&h, &units, "0000000005"), None);
    assert_eq!(unit_of(&h, &units, "0000000006"), None);
    let sebaran = h
        .ringkasan
        .iter()
        .find(|r| units[r.unit] == "domisili.sebaran")
        .unwrap();
    assert_eq!((sebaran.diterima, sebaran.sisa), (1, 2));
}

#[test]
fn a_cascade_stays_inside_one_wave_with_one_target_and_no_loop() {
    let has = |lanjut: &str, code: &str| codes(&source(lanjut)).contains(&code.to_string());
    // A jalur with sub-jalur is not a selection unit.
    assert!(has("lanjut domisili ke afirmasi", "konsistensi.lanjut"));
    // Into itself.
    assert!(has(
        "lanjut domisili.reguler ke domisili.reguler",
        "konsistensi.lanjut"
    ));
    // Two targets.
    assert!(has(
        "lanjut domisili.reguler ke domisili.sebaran\n  lanjut domisili.reguler ke afirmasi",
        "konsistensi.lanjut"
    ));
    // A loop of cascades.
    assert!(has(
        "lanjut domisili.reguler ke domisili.sebaran\n  lanjut domisili.sebaran ke domisili.reguler",
        "konsistensi.lanjut"
    ));
    // Against a carry-over of seats in the same wave.
    assert!(has(
        "lanjut domisili.reguler ke domisili.sebaran\n  sisa_kuota domisili.sebaran ke domisili.reguler",
        "konsistensi.lanjut"
    ));
    // An unknown unit gets "did you mean".
    let c = codes(&source("lanjut domisili.regular ke domisili.sebaran"));
    assert!(c.contains(&"nama.tidak_dikenal".to_string()), "{c:?}");
}

#[test]
fn several_jalur_in_one_wave_run_in_the_waves_order() {
    // Wave 1 has domisili and afirmasi (both in tahap 1 of SMA_PENUTUP), with
    // afirmasi first in the wave's order. With `jalur_per_tahap 2` P8 (ketm,
    // 5 km away) registers in both: afirmasi (3 seats at capacity 10, by
    // distance) takes P8 among its three applicants, so P8 leaves domisili,
    // where P1-P4 fill the reguler seats.
    let src = with_choices(
        "",
        "pilihan { maksimal 1  mekanisme tunggal  jalur_per_tahap 2 }",
    )
    .replace(
        "jalur domisili, afirmasi, prestasi, mutasi",
        "jalur afirmasi, domisili, prestasi, mutasi",
    );
    let plan = common::plan_of(&src);
    assert_eq!(plan.pilihan.jalur_per_tahap, 2);
    let units: Vec<String> = plan.seleksi.iter().map(|u| u.id.clone()).collect();
    let mut rows = pendaftar(&ROWS);
    rows.push_str(
        "0000000008,2009-05-05,2025-06-16 08:00,domisili.reguler;afirmasi,A,5000,K1,99,ketm\n",
    );
    let (h, _) = common::run_on(&src, SEKOLAH, &rows).unwrap();
    assert_eq!(
        unit_of(&h, &units, "0000000008").as_deref(),
        Some("afirmasi")
    );
    for n in ["0000000001", "0000000002", "0000000003", "0000000004"] {
        assert_eq!(
            unit_of(&h, &units, n).as_deref(),
            Some("domisili.reguler"),
            "{n}"
        );
    }

    // Afirmasi last in the wave: P8 (rapor 99) takes a reguler seat first and
    // never competes in afirmasi; P4 loses the fourth reguler seat.
    let src = with_choices(
        "",
        "pilihan { maksimal 1  mekanisme tunggal  jalur_per_tahap 2 }",
    );
    let (h, _) = common::run_on(&src, SEKOLAH, &rows).unwrap();
    assert_eq!(
        unit_of(&h, &units, "0000000008").as_deref(),
        Some("domisili.reguler")
    );
    assert_eq!(unit_of(&h, &units, "0000000004"), None);

    // Without `jalur_per_tahap` the same row is refused, naming the limit.
    let e = common::run_on(&source(""), SEKOLAH, &rows).unwrap_err();
    assert!(
        e.contains("allows 1 jalur per wave") && e.contains(":9"),
        "{e}"
    );
    // And 0 is no limit a juknis can state.
    let c = codes(&with_choices(
        "",
        "pilihan { maksimal 1  jalur_per_tahap 0 }",
    ));
    assert!(c.contains(&"nilai.rentang".to_string()), "{c:?}");
}
