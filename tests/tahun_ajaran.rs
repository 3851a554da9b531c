//! Rules dated by school year (issue 16, item 2): the rulebook says which
//! school years it speaks for and from which year a rule holds or changes; the
//! juknis's `tahun_ajaran` picks the rules. The same juknis scoring the national
//! TKA is rejected for 2025/2026 (FAQ 47) and accepted from 2026/2027 (the
//! Dirjen's circular 0301/C/HK.04.01/2026, Permendikdasmen 9/2025 Pasal 13).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use juknis::diagnostic::{Diagnostic, Severity};
use juknis::rulebook::{default_rulebook, TahunAjaran};

/// Jawa Barat's SMA juknis (its prestasi scores a standardised test) moved to
/// school year `tahun`/`tahun+1`, every date moved with it and signed on 27
/// February (inside the 2026/2027 circular's deadline), the test being the
/// national TKA when `tka`.
fn jabar(tahun: i32, tka: bool) -> String {
    let src = std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jabar-sma-2025.juknis",
    ))
    .unwrap();
    let d = tahun - 2025;
    // The rombel exception's end date (2027-06-30) moves too: replace the
    // later year first.
    let src = src
        .replace("2027-", &format!("{}-", 2027 + d))
        .replace("2025/2026", &format!("{tahun}/{}", tahun + 1))
        .replace("ditetapkan 2025-03-03", "ditetapkan 2025-02-27")
        .replace("2025-", &format!("{tahun}-"));
    if tka {
        src.replace("tes(literasi_numerasi)", "tes(tka)")
    } else {
        src
    }
}

fn diagnostics(src: &str) -> Vec<Diagnostic> {
    juknis::check_bytes(src.as_bytes()).diagnostics
}

fn with_code<'a>(d: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    d.iter().filter(|x| x.code == code).collect()
}

/// The one diagnostic with this code; fails listing every code otherwise.
fn one<'a>(d: &'a [Diagnostic], code: &str) -> &'a Diagnostic {
    let found = with_code(d, code);
    let all: Vec<&str> = d.iter().map(|x| x.code.as_str()).collect();
    assert_eq!(found.len(), 1, "{code} once: {all:?}");
    found[0]
}

fn errors(d: &[Diagnostic]) -> Vec<&str> {
    d.iter()
        .filter(|x| x.severity == Severity::Error)
        .map(|x| x.code.as_str())
        .collect()
}

#[test]
fn the_moved_juknis_is_clean_without_tka_in_every_year_the_rulebook_covers() {
    for tahun in [2025, 2026] {
        let d = diagnostics(&jabar(tahun, false));
        assert!(
            d.is_empty(),
            "{tahun}: {:?}",
            d.iter().map(|x| &x.code).collect::<Vec<_>>()
        );
    }
}

#[test]
fn tka_in_prestasi_is_rejected_for_2025_2026_citing_faq_47() {
    let d = diagnostics(&jabar(2025, true));
    let tka = with_code(&d, "prestasi.tka");
    assert_eq!(tka.len(), 3, "one per score that uses it");
    for x in &tka {
        assert_eq!(x.severity, Severity::Error);
        assert_eq!(x.article.as_deref(), Some("FAQ SPMB 2025 no. 47"));
        assert!(x.message.id.contains("2025/2026"), "{}", x.message.id);
    }
    assert_eq!(errors(&d), ["prestasi.tka"; 3]);
}

#[test]
fn tka_in_prestasi_is_accepted_from_2026_2027_with_a_note_citing_the_circular() {
    for tahun in [2026, 2027] {
        let src = jabar(tahun, true);
        let d = diagnostics(&src);
        assert!(errors(&d).is_empty(), "{tahun}: {:?}", errors(&d));
        let tka = with_code(&d, "prestasi.tka");
        assert_eq!(tka.len(), 3);
        for x in &tka {
            assert_eq!(x.severity, Severity::Note);
            let a = x.article.as_deref().unwrap();
            assert!(
                a.contains("0301/C/HK.04.01/2026") && a.contains("Permendikdasmen 9/2025 Pasal 13"),
                "{a}"
            );
        }
        // It compiles: the plan scores the test as any other.
        let plan = common::plan_of(&src);
        assert!(serde_json::to_string(&plan).unwrap().contains("\"tka\""));
    }
}

#[test]
fn a_year_after_the_reviewed_ones_warns_and_a_year_before_the_regulation_is_an_error() {
    let d = diagnostics(&jabar(2027, false));
    let w = with_code(&d, "acuan.tahun");
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, Severity::Warning);
    assert!(w[0].message.en.contains("2027/2028") && w[0].message.en.contains("2026/2027"));
    assert_eq!(
        d.len(),
        1,
        "nothing else: {:?}",
        d.iter().map(|x| &x.code).collect::<Vec<_>>()
    );

    let src = jabar(2025, false).replace("tahun_ajaran 2025/2026", "tahun_ajaran 2024/2025");
    let d = diagnostics(&src);
    let e = one(&d, "peraturan.tanggal");
    assert_eq!(e.severity, Severity::Error);
    assert!(e.message.id.contains("2024/2025"));
}

#[test]
fn the_circulars_deadline_holds_for_2026_2027_only() {
    let late = |tahun: i32| {
        let src = jabar(tahun, false);
        let signed = format!("ditetapkan {tahun}-02-27");
        assert!(src.contains(&signed));
        diagnostics(&src.replace(&signed, &format!("ditetapkan {tahun}-03-01")))
    };
    // 2026/2027: signed 1 March 2026, after the end of February.
    let d = late(2026);
    let w = with_code(&d, "jadwal.juknis.batas");
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, Severity::Warning);
    assert!(w[0].message.id.contains("2026-02-28"));
    // In time.
    assert!(with_code(&diagnostics(&jabar(2026, false)), "jadwal.juknis.batas").is_empty());
    // 2025/2026 had no such circular, and 2027/2028's is not encoded.
    assert!(with_code(&late(2025), "jadwal.juknis.batas").is_empty());
    assert!(with_code(&late(2027), "jadwal.juknis.batas").is_empty());
}

#[test]
fn a_first_wave_without_afirmasi_or_prestasi_gets_a_note_in_2026_2027_only() {
    // Jawa Barat's wave 1 has domisili, afirmasi and mutasi: move afirmasi to
    // wave 2 with prestasi.
    let moved = |src: String| {
        let src = src.replace("jalur domisili, afirmasi, mutasi", "jalur domisili, mutasi");
        assert!(src.contains("jalur prestasi\n"));
        src.replacen("jalur prestasi\n", "jalur afirmasi, prestasi\n", 1)
    };
    let d = diagnostics(&moved(jabar(2026, false)));
    assert_eq!(one(&d, "gelombang.awal").severity, Severity::Note);
    assert!(errors(&d).is_empty(), "{:?}", errors(&d));
    let d = diagnostics(&moved(jabar(2025, false)));
    assert!(with_code(&d, "gelombang.awal").is_empty());
}

#[test]
fn the_rulebook_dates_are_consistent() {
    let rb = default_rulebook();
    let cak = &rb.cakupan;
    assert!(cak.dari <= cak.ditinjau_sampai);
    let sourced: Vec<TahunAjaran> = cak
        .sumber_perubahan
        .iter()
        .map(|s| s.tahun_ajaran)
        .collect();
    for r in rb.all_rules() {
        for y in [r.berlaku.dari, r.berlaku.sampai].into_iter().flatten() {
            assert!(cak.dari <= y && y <= cak.ditinjau_sampai, "{}: {y}", r.id);
            assert!(
                y == cak.dari || sourced.contains(&y),
                "{}: no source for {y}",
                r.id
            );
        }
        if let (Some(a), Some(b)) = (r.berlaku.dari, r.berlaku.sampai) {
            assert!(a <= b, "{}", r.id);
        }
        let mut last = None;
        for p in &r.perubahan {
            assert!(last < Some(p.mulai), "{}: changes out of order", r.id);
            last = Some(p.mulai);
            assert!(
                sourced.contains(&p.mulai),
                "{}: no source for {}",
                r.id,
                p.mulai
            );
            assert!(!p.dasar.is_empty(), "{}: a change without its basis", r.id);
            assert!(
                r.berlaku.contains(p.mulai),
                "{}: a change outside its years",
                r.id
            );
        }
    }
}

#[test]
fn a_rule_holds_as_its_year_says() {
    let rb = default_rulebook();
    let tka = rb.rule("prestasi.tka").unwrap();
    let y = |t| Some(TahunAjaran(t));
    assert_eq!(
        tka.in_year(y(2025)).unwrap().tingkat,
        juknis::rulebook::Tingkat::Error
    );
    assert_eq!(
        tka.in_year(y(2026)).unwrap().tingkat,
        juknis::rulebook::Tingkat::Catatan
    );
    assert_eq!(
        tka.in_year(y(2030)).unwrap().tingkat,
        juknis::rulebook::Tingkat::Catatan
    );
    // Without a year a dated rule is not judged.
    assert!(tka.in_year(None).is_none());
    let batas = rb.rule("jadwal.juknis.batas").unwrap();
    assert!(batas.in_year(y(2025)).is_none());
    assert!(batas.in_year(y(2026)).is_some());
    assert!(batas.in_year(y(2027)).is_none());
    // An undated rule holds in every year, and without one.
    let k = rb.rule("kuota.domisili.min").unwrap();
    assert!(k.in_year(None).is_some() && k.in_year(y(2031)).is_some());
}

#[test]
fn explain_shows_the_years_and_each_version() {
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["explain", "prestasi.tka"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(
        s.contains("tahun ajaran: semua tahun ajaran; berubah sejak 2026/2027"),
        "{s}"
    );
    assert!(s.contains("FAQ SPMB 2025 no. 47"));
    assert!(s.contains("Sejak 2026/2027: Hasil TKA dinilai di jalur prestasi"));

    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args([
            "--lang",
            "en",
            "explain",
            "prestasi.tka",
            "--tahun",
            "2026/2027",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("as it holds in school year 2026/2027"), "{s}");
    assert!(s.contains("severity: note"));
    assert!(!s.contains("FAQ SPMB 2025 no. 47"), "{s}");

    Command::cargo_bin("juknis")
        .unwrap()
        .args(["explain", "jadwal.juknis.batas", "--tahun", "2025/2026"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "tidak berlaku pada tahun ajaran 2025/2026",
        ));
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["explain", "prestasi.tka", "--tahun", "2026"])
        .assert()
        .code(2);
}
