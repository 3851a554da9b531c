//! The conformance report (issue 16, item 1): for every bundled example, every
//! rule that applies to its jenjang and school year appears once with a status;
//! a conforming file breaks none, a non-conforming one breaks the rules its
//! header names; the lines quoted are the right ones; the JSON follows its
//! schema; the HTML is self-contained and escapes what the juknis says.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use juknis::diagnostic::Lang;
use juknis::kepatuhan::{self, Kepatuhan, Status};
use juknis::rulebook::{default_rulebook, TahunAjaran};
use std::collections::BTreeMap;

fn report(src: &str, lang: Lang) -> Kepatuhan {
    let checked = juknis::check_bytes(src.as_bytes());
    kepatuhan::build("uji.juknis", src.as_bytes(), &checked, lang)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(common::berkas(rel)).unwrap()
}

/// Status per rule code, for a one-part report.
fn statuses(k: &Kepatuhan) -> BTreeMap<String, Status> {
    assert_eq!(k.bagian.len(), 1);
    k.bagian[0]
        .kelompok
        .iter()
        .flat_map(|g| g.aturan.iter())
        .map(|b| (b.kode.clone(), b.status))
        .collect()
}

#[test]
fn every_example_lists_every_applicable_rule_once_with_its_status() {
    let rb = default_rulebook();
    let schema: serde_json::Value =
        serde_json::from_str(&read("docs/kepatuhan.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut seen = 0;
    for f in common::examples() {
        let src = std::fs::read_to_string(&f).unwrap();
        let Some(expected) = common::expected(&src) else {
            continue;
        };
        let checked = juknis::check_bytes(src.as_bytes());
        let k = kepatuhan::build("x", src.as_bytes(), &checked, Lang::Id);
        let name = f.display();
        let value = serde_json::to_value(&k).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .take(3)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(k.bagian.len(), checked.semua().len(), "{name}");
        for (part, j) in k.bagian.iter().zip(checked.semua()) {
            let tahun = j.tahun().map(TahunAjaran);
            let jj = j.jenjang().map(|x| x.as_str());
            let mut want: Vec<&str> = rb
                .aturan
                .iter()
                .filter(|a| {
                    jj.is_none_or(|jj| a.jenjang.is_empty() || a.jenjang.iter().any(|x| x == jj))
                })
                .filter(|a| a.in_year(tahun).is_some())
                .map(|a| a.id.as_str())
                .collect();
            let mut got: Vec<&str> = part
                .kelompok
                .iter()
                .flat_map(|g| g.aturan.iter())
                .map(|b| b.kode.as_str())
                .collect();
            want.sort();
            got.sort();
            assert_eq!(got, want, "{name}: every applicable rule, once");
        }
        let broken: Vec<&str> = k
            .bagian
            .iter()
            .flat_map(|b| b.kelompok.iter())
            .flat_map(|g| g.aturan.iter())
            .filter(|b| b.status == Status::Dilanggar)
            .map(|b| b.kode.as_str())
            .collect();
        if expected.is_empty() {
            assert!(
                broken.is_empty(),
                "{name}: a conforming file breaks {broken:?}"
            );
            assert!(k.sesuai && k.bahasa_juknis.is_empty(), "{name}");
            seen += 1;
        } else {
            // Each expected code is a broken or noted rule, or a language
            // problem listed apart.
            for code in &expected {
                let listed = k
                    .bagian
                    .iter()
                    .flat_map(|b| b.kelompok.iter())
                    .flat_map(|g| g.aturan.iter())
                    .any(|b| {
                        &b.kode == code && matches!(b.status, Status::Dilanggar | Status::Catatan)
                    })
                    || k.bahasa_juknis.iter().any(|t| &t.kode == code);
                assert!(listed, "{name}: `{code}` is not reported");
            }
        }
        // Every status count adds up.
        let r = &k.ringkasan;
        let total: usize = k
            .bagian
            .iter()
            .map(|b| b.kelompok.iter().map(|g| g.aturan.len()).sum::<usize>())
            .sum();
        assert_eq!(
            r.terpenuhi + r.dilanggar + r.catatan + r.tidak_dinilai,
            total,
            "{name}"
        );
    }
    assert!(seen >= 10, "only {seen} conforming examples");
}

#[test]
fn met_rules_quote_the_lines_that_carry_them() {
    let src = read("juknis-examples/sesuai/jatim-sma-2025.juknis");
    let k = report(&src, Lang::Id);
    let line_of = |needle: &str| src.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let rule = |code: &str| {
        k.bagian[0]
            .kelompok
            .iter()
            .flat_map(|g| g.aturan.iter())
            .find(|b| b.kode == code)
            .unwrap()
    };
    let dom = rule("kuota.domisili.min");
    assert_eq!(dom.status, Status::Terpenuhi);
    assert_eq!(dom.baris[0].baris, line_of("jalur domisili 35%"));
    assert!(dom.baris[0].teks.starts_with("jalur domisili 35%"));
    assert!(dom
        .dasar
        .starts_with("Permendikdasmen 3/2025 Pasal 30 ayat (2)"));
    let usia = rule("usia.sma");
    assert_eq!(usia.baris.len(), 1);
    assert!(usia.baris[0].teks.contains("maksimal 21 tahun"));
    // The rules of an article are filed under it.
    let pasal30 = k.bagian[0]
        .kelompok
        .iter()
        .find(|g| g.pasal == "Permendikdasmen 3/2025 Pasal 30")
        .unwrap();
    assert!(pasal30.aturan.iter().any(|b| b.kode == "kuota.mutasi.max"));
    // A rule the checker cannot judge says what to verify.
    let st = statuses(&k);
    let unjudged: Vec<_> = st
        .iter()
        .filter(|(_, s)| **s == Status::TidakDinilai)
        .map(|(c, _)| c.as_str())
        .collect();
    assert!(!unjudged.is_empty());
    for code in unjudged {
        assert!(rule(code).verifikasi.is_some(), "{code}");
    }
    // The agreement of a border zone is to be verified outside the text.
    let perbatasan = rule("wilayah.perbatasan");
    assert_eq!(perbatasan.status, Status::Terpenuhi);
    assert!(perbatasan.baris[0].teks.starts_with("perbatasan"));
    assert!(perbatasan
        .verifikasi
        .as_deref()
        .unwrap()
        .contains("kesepakatan"));
}

#[test]
fn a_broken_rule_quotes_the_diagnostic() {
    let src = read("juknis-examples/melanggar/kuota-mutasi-6-persen.juknis");
    let k = report(&src, Lang::En);
    assert!(!k.sesuai);
    let b = k.bagian[0]
        .kelompok
        .iter()
        .flat_map(|g| g.aturan.iter())
        .find(|b| b.kode == "kuota.mutasi.max")
        .unwrap();
    assert_eq!(b.status, Status::Dilanggar);
    assert_eq!(b.temuan.len(), 1);
    assert_eq!(b.temuan[0].tingkat, "error");
    assert!(b.temuan[0].pesan.contains("6%"), "{}", b.temuan[0].pesan);
    assert!(b.temuan[0]
        .baris
        .as_ref()
        .unwrap()
        .teks
        .starts_with("jalur mutasi 6%"));
    assert_eq!(k.ringkasan.dilanggar, 1);
}

#[test]
fn the_school_year_picks_the_rules_listed() {
    let src = read("juknis-examples/sesuai/kab-bantul-smp-2025.juknis");
    let y25 = statuses(&report(&src, Lang::Id));
    let moved = src
        .replace("2025/2026", "2026/2027")
        .replace("2025-", "2026-");
    let y26 = statuses(&report(&moved, Lang::Id));
    for code in ["jadwal.juknis.batas", "gelombang.awal"] {
        assert!(
            !y25.contains_key(code) && y26.get(code) == Some(&Status::Terpenuhi),
            "{code}"
        );
    }
    assert_eq!(y25.len() + 2, y26.len());
    let k = report(&moved, Lang::Id);
    let tka = k.bagian[0]
        .kelompok
        .iter()
        .flat_map(|g| g.aturan.iter())
        .find(|b| b.kode == "prestasi.tka")
        .unwrap();
    assert_eq!(
        tka.tahun.as_deref(),
        Some("semua tahun ajaran; berubah sejak 2026/2027")
    );
    assert!(tka.dasar.contains("0301/C/HK.04.01/2026"), "{}", tka.dasar);
}

#[test]
fn every_evidence_selector_resolves_and_every_checked_rule_has_one() {
    let rb = default_rulebook();
    let src = read("juknis-examples/sesuai/jatim-sma-2025.juknis");
    let j = juknis::check_bytes(src.as_bytes()).juknis.unwrap();
    for r in &rb.aturan {
        if r.diperiksa {
            assert!(!r.bukti.is_empty(), "{}: no `bukti`", r.id);
        }
        for sel in &r.bukti {
            assert!(
                kepatuhan::bukti::resolve(&j, sel).is_ok(),
                "{}: selector `{sel}`",
                r.id
            );
        }
    }
    assert!(kepatuhan::bukti::resolve(&j, "jalur/domisili/nilai").is_err());
    assert!(kepatuhan::bukti::resolve(&j, "usia.umur").is_err());
    assert!(kepatuhan::bukti::resolve(&j, "jalurx").is_err());
}

#[test]
fn a_file_split_by_jenjang_has_a_part_per_section() {
    let src = read("juknis-examples/sesuai/jatim-sma-smk-2025.juknis");
    let k = report(&src, Lang::Id);
    let parts: Vec<&str> = k
        .bagian
        .iter()
        .map(|b| b.jenjang.as_deref().unwrap())
        .collect();
    assert_eq!(parts, ["SMA", "SMK"]);
    let has = |i: usize, code: &str| {
        k.bagian[i]
            .kelompok
            .iter()
            .flat_map(|g| g.aturan.iter())
            .any(|b| b.kode == code)
    };
    assert!(has(0, "urutan.domisili.sma") && !has(1, "urutan.domisili.sma"));
    assert!(has(1, "smk.afirmasi.min") && !has(0, "smk.afirmasi.min"));
}

#[test]
fn the_markdown_report_reads_as_reviewed() {
    let src = read("juknis-examples/melanggar/kuota-mutasi-6-persen.juknis");
    let k = report(&src, Lang::Id);
    insta::assert_snapshot!("kepatuhan_md_mutasi", kepatuhan::markdown::render(&k));
}

#[test]
fn the_html_page_is_self_contained_and_escapes_the_juknis() {
    let src = read("juknis-examples/sesuai/jatim-sma-2025.juknis")
        .replace(
            "SPMB SMA Jawa Timur 2025",
            "SPMB <script>alert(1)</script> \\\"&",
        )
        .replace(
            "perbatasan kabupaten \"Sidoarjo\"",
            "perbatasan kabupaten \"Sidoarjo</style>\"",
        );
    let k = report(&src, Lang::Id);
    let html = kepatuhan::html::render(&k);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "the juknis's text is escaped");
    assert_eq!(html.matches("</style>").count(), 1);
    for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(html.contains("@page") && html.contains("counter(page)"));
    assert!(html.contains("Pengesahan pemeriksa") && html.contains("Tanda tangan"));
    assert!(html.contains("data-kode=\"kuota.domisili.min\" data-status=\"terpenuhi\""));
}

#[test]
fn the_command_writes_each_format_and_exits_by_the_verdict() {
    let dir = common::tempdir("kepatuhan");
    let ok = common::berkas("juknis-examples/sesuai/jatim-sma-2025.juknis");
    let bad = common::berkas("juknis-examples/melanggar/kuota-mutasi-6-persen.juknis");
    for (format, start) in [
        ("html", "<!DOCTYPE html>"),
        ("md", "# Laporan kepatuhan juknis"),
        ("json", "{"),
    ] {
        let out = dir.join(format!("k.{format}"));
        Command::cargo_bin("juknis")
            .unwrap()
            .args(["kepatuhan", "--format", format, "-o"])
            .arg(&out)
            .arg(&ok)
            .assert()
            .code(0)
            .stdout("");
        assert!(
            std::fs::read_to_string(&out).unwrap().starts_with(start),
            "{format}"
        );
    }
    let o = Command::cargo_bin("juknis")
        .unwrap()
        .args(["--lang", "en", "kepatuhan", "--format", "json"])
        .arg(&bad)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&o).unwrap();
    assert_eq!(v["format"], "juknis-kepatuhan/1");
    assert_eq!(v["sesuai"], false);
    assert_eq!(v["bahasa"], "en");
    // The same bytes as the library gives (the web page uses the library).
    let src = std::fs::read(&bad).unwrap();
    let checked = juknis::check_bytes(&src);
    let k = kepatuhan::build("kuota-mutasi-6-persen.juknis", &src, &checked, Lang::En);
    assert_eq!(String::from_utf8(o).unwrap(), kepatuhan::json(&k));
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["kepatuhan", "tidak-ada.juknis"])
        .assert()
        .code(2);
}
