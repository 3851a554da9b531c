//! Sure fixes (issue 17, items 3 and 4): `juknis check --fix` applies the
//! edits the checker is sure of — a percent written as a word, a decimal comma,
//! a date in another form, the old jalur name `zonasi` — and nothing else.
//! Applying them never changes a conforming file (there is nothing to fix), and
//! on a conforming file with typical slips typed in they give back the file
//! byte for byte, so its plan is the one the Dinas wrote.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use juknis::diagnostic::fix;

/// Check and apply fixes until none is left, as `check --fix` does.
fn fixed(src: &str) -> String {
    let mut text = src.to_string();
    for _ in 0..8 {
        let c = juknis::check_bytes(text.as_bytes());
        match fix::apply(&text, &c.diagnostics) {
            Some((next, _)) => text = next,
            None => break,
        }
    }
    text
}

/// Typical slips of a writer coming from a Word draft, typed into a file.
fn with_slips(src: &str) -> Option<String> {
    let mut out = src.to_string();
    let mut any = false;
    // The signing date in words, the first registration in day-first form.
    let months = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    if let Some(i) = out.find("ditetapkan ") {
        let at = i + "ditetapkan ".len();
        let d = out[at..at + 10].to_string();
        let (y, m, day) = (&d[..4], &d[5..7], &d[8..10]);
        let m: usize = m.parse().unwrap();
        let day: u32 = day.parse().unwrap();
        out.replace_range(at..at + 10, &format!("{day} {} {y}", months[m - 1]));
        any = true;
    }
    if let Some(i) = out.find("pendaftaran 20") {
        let at = i + "pendaftaran ".len();
        let d = out[at..at + 10].to_string();
        out.replace_range(
            at..at + 10,
            &format!("{}-{}-{}", &d[8..10], &d[5..7], &d[..4]),
        );
        any = true;
    }
    // A quota with the word instead of the sign.
    if let Some(i) = out.find("jalur afirmasi ") {
        let at = i + "jalur afirmasi ".len();
        if let Some(p) = out[at..].find('%') {
            if p <= 3 {
                out.replace_range(at + p..at + p + 1, " persen");
                any = true;
            }
        }
    }
    any.then_some(out)
}

#[test]
fn a_conforming_file_has_nothing_to_fix() {
    let mut n = 0;
    for f in common::examples() {
        let src = std::fs::read_to_string(&f).unwrap();
        if common::expected(&src) != Some(Vec::new()) {
            continue;
        }
        let c = juknis::check_bytes(src.as_bytes());
        assert!(
            fix::apply(&src, &c.diagnostics).is_none(),
            "{}",
            f.display()
        );
        n += 1;
    }
    assert!(n >= 10);
}

#[test]
fn fixing_typical_slips_gives_back_the_conforming_file_and_its_plan() {
    let mut n = 0;
    for f in common::examples() {
        let src = std::fs::read_to_string(&f).unwrap();
        if common::expected(&src) != Some(Vec::new()) {
            continue;
        }
        let Some(slipped) = with_slips(&src) else {
            continue;
        };
        let c = juknis::check_bytes(slipped.as_bytes());
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert!(
            codes.contains(&"sintaks.tanggal"),
            "{}: {codes:?}",
            f.display()
        );
        let back = fixed(&slipped);
        assert_eq!(back, src, "{}", f.display());
        n += 1;
    }
    assert!(n >= 10, "only {n} examples");
}

#[test]
fn fixes_never_add_an_error_to_a_non_conforming_file() {
    for f in common::examples() {
        let src = std::fs::read_to_string(&f).unwrap();
        let before = juknis::check_bytes(src.as_bytes());
        let after = juknis::check_bytes(fixed(&src).as_bytes());
        // The codes that had fixes are gone; no new error appears.
        let fixable: Vec<&str> = before
            .diagnostics
            .iter()
            .filter(|d| !d.fixes.is_empty())
            .map(|d| d.code.as_str())
            .collect();
        for d in &after.diagnostics {
            assert!(
                d.fixes.is_empty(),
                "{}: a fix left after fixing: {}",
                f.display(),
                d.code
            );
            if d.severity == juknis::diagnostic::Severity::Error {
                assert!(
                    before.diagnostics.iter().any(|b| b.code == d.code),
                    "{}: fixing {fixable:?} brought `{}`",
                    f.display(),
                    d.code
                );
            }
        }
    }
}

#[test]
fn the_old_jalur_name_is_renamed_but_a_zone_method_is_not_guessed() {
    let src = std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jatim-sma-2025.juknis",
    ))
    .unwrap();
    let old = src.replace("jalur domisili 35%", "jalur zonasi 35%");
    assert_eq!(fixed(&old), src);
    let method = src.replace("metode administratif kecamatan", "metode zonasi");
    let c = juknis::check_bytes(method.as_bytes());
    let z: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == "istilah.zonasi")
        .collect();
    assert!(!z.is_empty() && z.iter().all(|d| d.fixes.is_empty()));
}

#[test]
fn check_fix_rewrites_the_file_and_reports_what_is_left() {
    let dir = common::tempdir("fix");
    let src = std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jatim-sma-2025.juknis",
    ))
    .unwrap();
    let f = dir.join("draf.juknis");
    // Two sure slips and a real violation the fix must leave alone.
    let draft = with_slips(&src)
        .unwrap()
        .replace("jalur mutasi 5%", "jalur mutasi 6%")
        .replace("jalur domisili 35%", "jalur domisili 34%");
    std::fs::write(&f, &draft).unwrap();
    // Without --fix: the slips are reported with the hint, the file untouched.
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "--no-color"])
        .arg(&f)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("sintaks.tanggal"))
        .stdout(predicates::str::contains("juknis check --fix"));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), draft);
    // The JSON report carries the edits.
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(&f)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let edits: usize = v["berkas"][0]["diagnostik"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["perbaikan"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(edits >= 3, "{edits}");
    // With --fix: rewritten, the violation left and reported.
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "--fix", "--no-color"])
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("perbaikan diterapkan"))
        .stdout(predicates::str::contains("kuota.mutasi.max"))
        .stdout(predicates::str::contains("sintaks.tanggal").not());
    let after = std::fs::read_to_string(&f).unwrap();
    assert_eq!(
        after,
        src.replace("jalur mutasi 5%", "jalur mutasi 6%")
            .replace("jalur domisili 35%", "jalur domisili 34%")
    );
    // Standard input: checked with `-`, but never "fixed".
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "-"])
        .write_stdin(src.clone())
        .assert()
        .code(0)
        .stdout(predicates::str::contains("-: sesuai"));
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "--fix", "-"])
        .write_stdin(src)
        .assert()
        .code(2);
}

use predicates::prelude::PredicateBooleanExt;
