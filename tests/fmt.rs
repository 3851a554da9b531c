//! `juknis fmt`: idempotent, meaning-preserving (same diagnostics, same compiled
//! plan) on every example and on whitespace-perturbed inputs; `juknis init`
//! writes conforming, already formatted files for every jenjang.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use juknis::format::format;
use proptest::prelude::*;

/// What a juknis means: its diagnostics (code and message) and, when it has no
/// error, its compiled plan without the source hash.
fn meaning(src: &str) -> (Vec<(String, String)>, Option<serde_json::Value>) {
    let checked = juknis::check_bytes(src.as_bytes());
    let diags = checked
        .diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.message.id.clone()))
        .collect();
    let plan = checked
        .juknis
        .as_ref()
        .filter(|_| checked.errors() == 0)
        .map(|j| {
            let p = juknis::plan::compile(j, checked.rulebook, "x.juknis", b"");
            let mut v = serde_json::to_value(&p).unwrap();
            v["sha256_rencana"] = serde_json::Value::Null;
            v
        });
    (diags, plan)
}

#[test]
fn every_example_formats_idempotently_without_changing_meaning() {
    let mut formatted = 0;
    for f in common::examples() {
        let src = std::fs::read_to_string(&f).unwrap();
        let Ok(out) = format(&src) else {
            // Only files with syntax errors are refused.
            let codes: Vec<String> = juknis::check_bytes(src.as_bytes())
                .diagnostics
                .into_iter()
                .map(|d| d.code)
                .collect();
            assert!(
                codes.iter().any(|c| c == "sintaks"),
                "{} refused: {codes:?}",
                f.display()
            );
            continue;
        };
        formatted += 1;
        assert_eq!(
            format(&out).unwrap(),
            out,
            "not idempotent: {}",
            f.display()
        );
        assert_eq!(
            meaning(&out),
            meaning(&src),
            "meaning changed: {}",
            f.display()
        );
        // Every comment survives.
        let comments = |s: &str| {
            s.lines()
                .filter_map(|l| l.find("//").map(|i| l[i..].trim_end().to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(comments(&out), comments(&src), "{}", f.display());
    }
    assert!(formatted > 60);
}

fn sesuai() -> Vec<String> {
    common::examples()
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("sesuai"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any re-spacing, re-indentation or extra blank lines format to the same text.
    #[test]
    fn layout_is_canonical(idx in 0usize..16, seed in any::<u64>()) {
        let files = sesuai();
        let src = &files[idx % files.len()];
        let mut r = seed;
        let mut next = || { r ^= r << 13; r ^= r >> 7; r ^= r << 17; r };
        let mut messy = String::new();
        for line in src.lines() {
            let indent = (next() % 7) as usize;
            messy.push_str(&" \t".repeat(indent % 3));
            messy.push_str(&" ".repeat(indent));
            // Blanks between tokens, never inside strings or comments.
            let mut in_str = false;
            let mut in_comment = false;
            let mut prev = ' ';
            for c in line.trim_start().chars() {
                messy.push(c);
                if c == '"' && !in_comment { in_str = !in_str; }
                if c == '/' && prev == '/' && !in_str { in_comment = true; }
                if c == ' ' && !in_str && !in_comment && next() % 3 == 0 { messy.push_str("  \t"); }
                prev = c;
            }
            if next() % 5 == 0 { messy.push_str("   "); }
            // A blank line may grow into several; none appears from nothing.
            let extra = if line.trim().is_empty() { "\n\n" } else { "" };
            messy.push_str(if next() % 4 == 0 { "\r\n" } else { "\n" });
            messy.push_str(extra);
        }
        let a = format(src).unwrap();
        let b = format(&messy).unwrap();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(meaning(&messy), meaning(src));
    }
}

#[test]
fn fmt_check_reports_and_fmt_rewrites() {
    let dir = tempdir();
    let f = dir.join("a.juknis");
    let messy = sesuai()[0].replace("\n  ", "\n      ");
    std::fs::write(&f, &messy).unwrap();
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "--check"])
        .arg(&f)
        .assert()
        .code(1);
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("fmt")
        .arg(&f)
        .assert()
        .code(0);
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "--check"])
        .arg(&f)
        .assert()
        .code(0);
    std::fs::write(&f, "juknis \"x\" {\n  acuan permendikdasmen-3-2025\n").unwrap();
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("fmt")
        .arg(&f)
        .assert()
        .code(1);
}

fn tempdir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("juknis-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn init_writes_a_conforming_formatted_juknis_for_every_jenjang() {
    let dir = tempdir();
    for (j, pemerintah) in [
        ("TK", "Kabupaten Sleman"),
        ("SD", "Kota Surabaya"),
        ("SMP", "Kota Malang"),
        ("SMA", "Provinsi Jawa Timur"),
        ("SMK", "Provinsi Bali"),
    ] {
        let f = dir.join(format!("{j}.juknis"));
        let _ = std::fs::remove_file(&f);
        Command::cargo_bin("juknis")
            .unwrap()
            .args([
                "init",
                "--jenjang",
                j,
                "--pemerintah",
                pemerintah,
                "--tahun",
                "2027",
                "-o",
            ])
            .arg(&f)
            .assert()
            .code(0);
        Command::cargo_bin("juknis")
            .unwrap()
            .args(["check", "--deny-warnings"])
            .arg(&f)
            .assert()
            .code(0);
        Command::cargo_bin("juknis")
            .unwrap()
            .args(["fmt", "--check"])
            .arg(&f)
            .assert()
            .code(0);
        // No overwrite without --force.
        Command::cargo_bin("juknis")
            .unwrap()
            .args(["init", "--jenjang", j, "-o"])
            .arg(&f)
            .assert()
            .code(2);
    }
}

/// Found by `scripts/fuzz.sh` (format target): statements the grammar cannot
/// read are quoted in messages, so re-spacing them changes the message text but
/// never the codes.
#[test]
fn fuzz_regression_unreadable_statements_keep_their_codes() {
    let bytes = std::fs::read("tests/regresi/format-pesan-mengutip-sumber.bin").unwrap();
    let src = String::from_utf8(bytes).unwrap();
    let out = format(&src).unwrap();
    let codes = |s: &str| {
        let mut v: Vec<String> = juknis::check_bytes(s.as_bytes())
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect();
        v.sort();
        v
    };
    assert_eq!(codes(&out), codes(&src));
    assert_eq!(format(&out).unwrap(), out);
}
