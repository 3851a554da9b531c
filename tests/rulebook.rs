//! The rulebook data is the contract between the regulation and the checks:
//! every code a check can emit has an entry, every checked entry is triggered by
//! at least one example, and S/R-confidence rules never produce errors.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::rulebook::{default_rulebook, Keyakinan, Tingkat};
use std::collections::BTreeSet;

/// Codes written literally in `Diagnostic::new("…"` anywhere in src/, plus the
/// ones built with format!.
fn emitted_codes() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![common::root().join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for part in flat.split("Diagnostic::new(").skip(1) {
                let part = part.trim_start();
                if let Some(rest) = part.strip_prefix('"') {
                    if let Some(end) = rest.find('"') {
                        out.insert(rest[..end].to_string());
                    }
                }
            }
        }
    }
    for j in ["domisili", "afirmasi", "prestasi"] {
        out.insert(format!("kuota.{j}.min"));
    }
    out.insert("kuota.mutasi.max".into());
    for j in ["sd", "smp", "sma"] {
        out.insert(format!("urutan.domisili.{j}"));
    }
    out.insert("urutan.afirmasi".into());
    out.insert("urutan.mutasi".into());
    out
}

#[test]
fn rulebook_loads_and_has_no_duplicate_ids() {
    let rb = default_rulebook();
    assert_eq!(rb.id, "permendikdasmen-3-2025");
    let mut seen = BTreeSet::new();
    for r in rb.all_rules() {
        assert!(seen.insert(r.id.clone()), "duplicate rule id {}", r.id);
        assert!(
            !r.judul.id.is_empty() && !r.judul.en.is_empty(),
            "{}: empty title",
            r.id
        );
        assert!(
            !r.penjelasan.id.is_empty() && !r.penjelasan.en.is_empty(),
            "{}: empty explanation",
            r.id
        );
    }
}

#[test]
fn every_emitted_code_has_a_rulebook_entry() {
    let rb = default_rulebook();
    let missing: Vec<String> = emitted_codes()
        .into_iter()
        .filter(|c| rb.rule(c).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "codes emitted by the checker but missing from rulebook/: {missing:?}"
    );
}

#[test]
fn secondary_and_regional_rules_only_warn() {
    for r in &default_rulebook().aturan {
        if matches!(r.keyakinan, Some(Keyakinan::S) | Some(Keyakinan::R)) {
            assert!(
                r.tingkat != Tingkat::Error,
                "{} has confidence {:?} but is an error",
                r.id,
                r.keyakinan
            );
        }
        if r.bahasa {
            continue;
        }
        assert!(
            r.keyakinan.is_some(),
            "{}: regulation rule without confidence",
            r.id
        );
        assert!(!r.dasar.is_empty(), "{}: no article or source", r.id);
    }
}

/// A legal basis a lawyer can look up: a regulation with its article, an FAQ
/// number, another regulation, the minister's statement, or plainly regional
/// practice — never an internal file of this project.
#[test]
fn every_basis_names_a_real_source() {
    let rb = default_rulebook();
    let forms = [
        "Permendikdasmen 3/2025",
        "Permendikbudristek 47/2023",
        "FAQ SPMB 2025 no. ",
        "UU 23/2014",
        "UU 2/2024",
        "Keputusan Kepala BSKAP",
        "pernyataan Menteri",
        "praktik daerah",
        "ringkasan Juknis SPMB",
        "Surat Edaran Dirjen PAUD Dikdasmen No. ",
        "Permendikdasmen 9/2025",
    ];
    for r in rb.all_rules() {
        let changed = r.perubahan.iter().flat_map(|p| p.dasar.iter());
        for d in r.dasar.iter().chain(changed) {
            assert!(
                forms.iter().any(|f| d.starts_with(f)),
                "{}: basis `{d}` is not a citable source",
                r.id
            );
            for internal in ["seed", ".txt", ".md", ".yaml", "domain/", "juknis-examples"] {
                assert!(
                    !d.contains(internal),
                    "{}: basis `{d}` names an internal file",
                    r.id
                );
            }
        }
        // The FAQ SPMB 2025 numbers its questions 1 to 111.
        for faq in r
            .dasar
            .iter()
            .filter_map(|d| d.strip_prefix("FAQ SPMB 2025 no. "))
        {
            let n: u32 = faq
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{}: FAQ number `{faq}`", r.id));
            assert!((1..=111).contains(&n), "{}: FAQ {n} does not exist", r.id);
        }
    }
}

#[test]
fn every_checked_rule_is_triggered_by_an_example() {
    let rb = default_rulebook();
    let mut triggered = BTreeSet::new();
    for f in common::examples() {
        let bytes = std::fs::read(&f).unwrap_or_default();
        for d in juknis::check_bytes(&bytes).diagnostics {
            triggered.insert(d.code);
        }
    }
    // Whole-file conditions are exercised by tests/hostile.rs instead.
    let elsewhere = [
        "berkas.kosong",
        "berkas.utf8",
        "berkas.biner",
        "batas.ukuran",
        "batas.kedalaman",
        "batas.panjang_baris",
        "batas.jumlah",
    ];
    let untriggered: Vec<&str> = rb
        .all_rules()
        .filter(|r| r.diperiksa && r.tingkat != Tingkat::Catatan)
        .map(|r| r.id.as_str())
        .filter(|id| !triggered.contains(*id) && !elsewhere.contains(id))
        .collect();
    assert!(
        untriggered.is_empty(),
        "rules no example triggers: {untriggered:?}"
    );
}

/// The wrong and right examples `juknis explain` shows are juknis a writer can
/// copy: inside a juknis block (`...` standing for the rest) they read without
/// a syntax error (except the wrong example of a syntax rule), and the right
/// example differs from the wrong one.
#[test]
fn rule_examples_are_valid_juknis() {
    let rb = default_rulebook();
    let mut bad = Vec::new();
    for r in rb.all_rules() {
        for (kind, ex) in [
            ("contoh_salah", &r.contoh_salah),
            ("contoh_benar", &r.contoh_benar),
        ] {
            let Some(ex) = ex else { continue };
            // The wrong example of a syntax rule shows a syntax error.
            if kind == "contoh_salah" && r.id.starts_with("sintaks") {
                continue;
            }
            let body = ex
                .replace("{ ... }", "{ }")
                .replace("...", "")
                .replace('…', "");
            let src = format!("juknis \"contoh\" {{\n{body}\n}}\n");
            let parsed = juknis::syntax::parse(&src);
            let errs: Vec<String> = parsed
                .diagnostics
                .iter()
                .filter(|d| d.code.starts_with("sintaks"))
                .map(|d| format!("{}: {}", d.code, d.message.en))
                .collect();
            if !errs.is_empty() {
                bad.push(format!("{} {kind}:\n{ex}\n  -> {errs:?}", r.id));
            }
        }
        if let (Some(a), Some(b)) = (&r.contoh_salah, &r.contoh_benar) {
            if a == b {
                bad.push(format!("{}: wrong and right examples are the same", r.id));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n\n"));
}

/// Every rulebook this build names loads on its own, under the id it names,
/// with its years stated.
#[test]
fn every_known_rulebook_loads_side_by_side() {
    for id in juknis::rulebook::KNOWN {
        let rb = juknis::rulebook::get(id).unwrap_or_else(|| panic!("{id} does not load"));
        assert_eq!(&rb.id, id);
        assert!(rb.cakupan.dari <= rb.cakupan.ditinjau_sampai, "{id}");
        assert!(!rb.aturan.is_empty() && !rb.bahasa.is_empty(), "{id}");
    }
    assert!(juknis::rulebook::get("permendikbud-1-2021").is_none());
}
