//! Choices as regions write them (issue 15, item 7): Jawa Timur 2025 lets an
//! applicant choose "paling banyak 3 … dalam rayon, atau paling banyak 2 …
//! dalam rayon dan paling banyak 1 … luar rayon" — `pilihan { maksimal 3
//! luar_wilayah maksimal 1 }`. The plan carries the limit, the engine refuses a
//! row that breaks it (naming the schools outside the zone), and the checker
//! refuses closing registration outside the zone altogether (FAQ 21, 71, 42).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::codes;

fn source(pilihan: &str) -> String {
    common::sma_domisili(pilihan, "", "")
}

const JATIM: &str =
    "pilihan { maksimal 3  luar_wilayah maksimal 1  mekanisme pilihan_pertama_diutamakan }";

/// Schools A and B serve zone K1, C and D zone K2.
const SEKOLAH: &str = "npsn,daya_tampung,wilayah\nA,20,K1\nB,20,K1\nC,20,K2\nD,20,K2\n";

fn pendaftar(pilihan: &str) -> String {
    format!(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n\
         0000000001,2009-05-05,2025-06-16 08:00,prestasi,{pilihan},{},K1,90,\n",
        vec!["500"; pilihan.split(';').count()].join(";")
    )
}

#[test]
fn the_limit_is_in_the_plan_and_the_checker_refuses_zero() {
    let plan = common::plan_of(&source(JATIM));
    assert_eq!(plan.pilihan.maksimal_luar_wilayah, Some(1));
    assert!(plan.kolom_pendaftar.iter().any(|k| k.nama == "wilayah"));
    let none = common::plan_of(&source(
        "pilihan { maksimal 3  mekanisme pilihan_pertama_diutamakan }",
    ));
    assert_eq!(none.pilihan.maksimal_luar_wilayah, None);
    let closed = source(&JATIM.replace("luar_wilayah maksimal 1", "luar_wilayah maksimal 0"));
    assert!(codes(&closed).contains(&"pilihan.luar_wilayah".to_string()));
    assert!(!codes(&source(JATIM)).contains(&"pilihan.luar_wilayah".to_string()));
}

#[test]
fn three_inside_or_two_inside_and_one_outside() {
    let src = source(JATIM);
    // Two inside and one outside; one inside and one outside: accepted rows.
    for p in ["A;B;C", "A;C", "C"] {
        let (h, _) = common::run_on(&src, SEKOLAH, &pendaftar(p)).unwrap();
        assert_eq!(h.pendaftar.len(), 1, "{p}");
    }
    // Two outside: the row is refused, naming them.
    let err = common::run_on(&src, SEKOLAH, &pendaftar("A;C;D")).unwrap_err();
    assert!(err.contains("2 choices outside the zone (C, D)"), "{err}");
    assert!(err.contains("at most 1"), "{err}");
    // Without the limit the same row is read.
    let free = source("pilihan { maksimal 3  mekanisme pilihan_pertama_diutamakan }");
    assert!(common::run_on(&free, SEKOLAH, &pendaftar("A;C;D")).is_ok());
}

#[test]
fn with_a_radius_zone_outside_means_farther_than_the_radius() {
    let src = source(JATIM).replace(
        "wilayah { metode administratif kecamatan }",
        "wilayah { metode radius 1 km }",
    );
    assert!(src.contains("radius 1 km"));
    let row = |jarak: &str| {
        format!(
            "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n\
             0000000001,2009-05-05,2025-06-16 08:00,prestasi,A;B;C,{jarak},K1,90,\n"
        )
    };
    // 1,000 m is inside (the radius counts whole metres, both ends).
    assert!(common::run_on(&src, SEKOLAH, &row("500;1000;1500")).is_ok());
    let err = common::run_on(&src, SEKOLAH, &row("500;1001;1500")).unwrap_err();
    assert!(err.contains("(B, C)"), "{err}");
}
