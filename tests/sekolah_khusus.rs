//! Schools outside the ordinary selection (issue 15, item 6): schools that
//! admit outside the four jalur for a reason Pasal 7(2) gives (FAQ 8) —
//! `dikecualikan "NPSN" berasrama "…"` — and private or other-ministry schools
//! joining by agreement (FAQ 6, 7, 95) — `bersama "NPSN" "PKS …"`. The checker
//! judges the reason and the agreement, the plan lists both, and the engine
//! gives an excepted school no seats through the plan.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::codes;
use juknis::engine::Status;

fn source(extra: &str) -> String {
    common::sma_domisili(
        "pilihan { maksimal 2  mekanisme penerimaan_tertunda }",
        "",
        extra,
    )
}

#[test]
fn only_the_reasons_of_pasal_7_2_except_a_school() {
    for ok in [
        "dikecualikan \"20500001\" berasrama \"SMA Taruna Nala\"",
        "dikecualikan \"20500001\" daerah_3t",
        "dikecualikan \"20500001\" kurang_satu_rombel \"SMA Negeri 1 Pulau Sapeken\"",
    ] {
        assert!(
            !codes(&source(ok)).contains(&"jalur.pengecualian".to_string()),
            "{ok}"
        );
    }
    // A flagship school is not a reason; a misspelt one gets "did you mean".
    let src = source("dikecualikan \"20500001\" unggulan \"SMA Negeri 1\"");
    assert!(codes(&src).contains(&"jalur.pengecualian".to_string()));
    let checked = juknis::check_bytes(source("dikecualikan \"20500001\" berasarama").as_bytes());
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "jalur.pengecualian")
        .expect("reported");
    assert!(
        d.help
            .as_ref()
            .is_some_and(|h| h.en.contains("did you mean `berasrama`")),
        "{:?}",
        d.help
    );
}

#[test]
fn a_joining_school_names_its_agreement_and_a_school_has_one_status() {
    assert!(codes(&source("bersama \"20500100\"")).contains(&"bersama".to_string()));
    let ok = source("bersama \"20500100\" \"PKS Dinas Pendidikan - Yayasan X No. 421/15/2025\"");
    assert!(!codes(&ok)
        .iter()
        .any(|c| c == "bersama" || c == "nilai.kosong"));
    // A placeholder agreement is not an agreement.
    assert!(
        codes(&source("bersama \"20500100\" \"PKS No. …\"")).contains(&"nilai.kosong".to_string())
    );
    // The same school excepted and joining: written twice.
    let twice =
        source("dikecualikan \"20500100\" berasrama\n  bersama \"20500100\" \"PKS No. 1/2025\"");
    assert!(codes(&twice).contains(&"nama.ganda".to_string()));
}

#[test]
fn the_plan_lists_them_and_an_excepted_school_gets_no_seats() {
    let src = source(
        "dikecualikan \"B\" berasrama \"SMA Taruna\"\n  bersama \"C\" \"PKS Dinas - Yayasan C No. 7/2025\"",
    );
    let plan = common::plan_of(&src);
    assert_eq!(plan.sekolah_dikecualikan.len(), 1);
    assert_eq!(plan.sekolah_dikecualikan[0].alasan, "berasrama");
    assert_eq!(plan.sekolah_bersama[0].npsn, "C");
    juknis::plan::validate_structure(&plan).unwrap();
    let sekolah = "npsn,daya_tampung,wilayah\nA,10,K1\nB,10,K1\nC,10,K1\n";
    let p = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,rapor,status\n\
             0000000001,2009-05-05,2025-06-16 08:00,domisili,B;C,100;100,K1,90,\n\
             0000000002,2009-05-05,2025-06-16 08:00,domisili,B,100,K1,90,\n";
    let (h, csv) = common::run_on(&src, sekolah, p).unwrap();
    // B admits no one through the plan: the first goes on to C (a joining
    // school, selected like the others), the second is told why.
    let one = h.pendaftar.iter().find(|x| x.nisn == "0000000001").unwrap();
    assert_eq!(one.status, Status::Diterima);
    let two = csv.lines().find(|l| l.starts_with("0000000002")).unwrap();
    assert!(
        two.contains("tidak menerima lewat jalur SPMB (dikecualikan: berasrama)"),
        "{two}"
    );
    let b = 1;
    assert!(h
        .ringkasan
        .iter()
        .filter(|r| r.sekolah == b)
        .all(|r| r.kursi_awal == 0));
    // A plan listing a school twice is refused when loaded.
    let mut bad = plan.clone();
    bad.sekolah_bersama[0].npsn = "B".into();
    assert!(juknis::plan::validate_structure(&bad)
        .unwrap_err()
        .contains("twice"));
}
