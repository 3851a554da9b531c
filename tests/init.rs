//! `juknis init`: a starting juknis for every jenjang that is already in the
//! canonical layout, explains each block with the article behind it, fails
//! `check` only on its placeholders (`nilai.kosong`) and passes
//! `check --deny-warnings` once they are filled in.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn juknis() -> Command {
    let mut c = Command::cargo_bin("juknis").unwrap();
    c.env_remove("NO_COLOR");
    c
}

fn init(args: &[&str]) -> String {
    let out = juknis().arg("init").args(args).assert().code(0);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

const JENJANG: [(&str, &str); 5] = [
    ("TK", "Kabupaten Sleman"),
    ("SD", "Kota Surabaya"),
    ("SMP", "Kota Malang"),
    ("SMA", "Provinsi Jawa Timur"),
    ("SMK", "Provinsi Bali"),
];

/// The placeholders `init` writes, filled in as a Dinas would.
fn fill(text: &str) -> String {
    text.replace("[nama provinsi]", "Bali")
        .replace("[nama kabupaten atau kota]", "Sleman")
        .replace(
            "[alamat atau laman pengaduan SPMB]",
            "Posko SPMB Dinas Pendidikan, Jl. Merdeka 1",
        )
        .replace(
            "[tim pemantauan dan evaluasi Dinas Pendidikan]",
            "Tim pemantauan dan evaluasi Dinas Pendidikan",
        )
}

#[test]
fn placeholders_fail_check_until_replaced() {
    for (j, _) in JENJANG {
        let text = init(&["--jenjang", j, "--tahun", "2025"]);
        let out = juknis()
            .args(["check", "--format", "json", "/dev/stdin"])
            .write_stdin(text.clone())
            .assert()
            .code(1);
        let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let codes: Vec<&str> = report["berkas"][0]["diagnostik"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["kode"].as_str().unwrap())
            .collect();
        // Title, government, complaint channel and monitoring body.
        assert_eq!(codes, ["nilai.kosong"; 4], "{j}: {codes:?}");
        juknis()
            .args(["check", "--deny-warnings", "/dev/stdin"])
            .write_stdin(fill(&text))
            .assert()
            .code(0);
    }
}

#[test]
fn every_jenjang_conforms_without_warnings_and_is_formatted() {
    let dir = common::tempdir("init-conforms");
    for (j, pemerintah) in JENJANG {
        for (tahun, pem) in [("2025", Some(pemerintah)), ("2031", None)] {
            let f = dir.join(format!("{j}-{tahun}.juknis"));
            let _ = std::fs::remove_file(&f);
            let mut args = vec!["--jenjang", j, "--tahun", tahun, "-o"];
            let path = f.display().to_string();
            args.push(&path);
            if let Some(p) = pem {
                args.extend(["--pemerintah", p]);
            }
            init(&args);
            juknis().args(["fmt", "--check"]).arg(&f).assert().code(0);
            std::fs::write(&f, fill(&std::fs::read_to_string(&f).unwrap())).unwrap();
            if tahun == "2025" {
                juknis()
                    .args(["check", "--deny-warnings"])
                    .arg(&f)
                    .assert()
                    .code(0)
                    .stdout(predicate::str::contains(": sesuai"))
                    .stdout(predicate::str::contains("0 error, 0 peringatan"));
            } else {
                // A year after the last one the rulebook has reviewed: judged
                // by the lasting rules, with that one warning.
                juknis()
                    .arg("check")
                    .arg(&f)
                    .assert()
                    .code(0)
                    .stdout(predicate::str::contains("warning[acuan.tahun]"))
                    .stdout(predicate::str::contains("0 error, 1 peringatan"));
            }
        }
    }
}

#[test]
fn every_block_has_a_comment_naming_its_basis() {
    for (j, pemerintah) in JENJANG {
        let text = init(&[
            "--jenjang",
            j,
            "--pemerintah",
            pemerintah,
            "--tahun",
            "2026",
        ]);
        let lines: Vec<&str> = text.lines().collect();
        let mut seen = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            // Top-level statements that make up a regime (the header lines
            // `acuan`, `jenjang`, … explain themselves).
            let Some(word) = line.strip_prefix("  ").and_then(|l| l.split(' ').next()) else {
                continue;
            };
            let blocks = [
                "usia",
                "wilayah",
                "daya_tampung",
                "pilihan",
                "skor",
                "jalur",
                "cadangan",
                "tahap",
                "biaya",
                "pemerintah",
                "ditetapkan",
            ];
            if !blocks.contains(&word) || (word != "jalur" && seen.contains(&word)) {
                continue;
            }
            seen.push(word);
            let comment: Vec<&str> = lines[..i]
                .iter()
                .rev()
                .take_while(|l| l.trim_start().starts_with("//"))
                .copied()
                .collect();
            assert!(!comment.is_empty(), "{j}: no comment above `{line}`");
            // `pilihan` is a language rule (konsistensi.pilihan), not an article.
            if word != "pilihan" {
                let basis = comment.iter().any(|c| {
                    c.contains("Pasal") || c.contains("FAQ") || c.contains("pernyataan Menteri")
                });
                assert!(basis, "{j}: the comment above `{line}` names no article");
            }
        }
        assert!(
            seen.contains(&"usia") && seen.contains(&"tahap"),
            "{j}: {seen:?}"
        );
        assert_eq!(seen.contains(&"jalur"), j != "TK", "{j}: TK has no jalur");
    }
}

#[test]
fn government_and_year_appear_as_given() {
    let text = init(&[
        "--jenjang",
        "SD",
        "--pemerintah",
        "kota   Surabaya",
        "--tahun",
        "2026",
    ]);
    assert!(text.starts_with("// Juknis SPMB SD Kota Surabaya 2026/2027"));
    assert!(text.contains("  pemerintah kota \"Surabaya\"\n"));
    assert!(text.contains("  tahun_ajaran 2026/2027\n"));
    assert!(text.contains("tanggal_acuan 2026-07-01"));
    // A name with quotes and a backslash is escaped, not a broken string.
    let text = init(&[
        "--jenjang",
        "SMP",
        "--tahun",
        "2026",
        "--pemerintah",
        "Kabupaten A\\\"B\"",
    ]);
    juknis()
        .args(["check", "--deny-warnings", "/dev/stdin"])
        .write_stdin(fill(&text))
        .assert()
        .code(0);
}

#[test]
fn refuses_a_government_that_cannot_issue_the_jenjang() {
    for (j, p) in [
        ("SMA", "Kota Surabaya"),
        ("SMK", "Kabupaten Sleman"),
        ("SD", "Provinsi Bali"),
    ] {
        juknis()
            .args(["init", "--jenjang", j, "--pemerintah", p])
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("FAQ 15"));
    }
    juknis()
        .args(["init", "--jenjang", "SD", "--pemerintah", "Surabaya"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Kota Surabaya"));
    juknis()
        .args(["init", "--jenjang", "SMP", "--tahun", "1999"])
        .assert()
        .code(2);
    juknis().args(["init", "--jenjang", "SMU"]).assert().code(2);
}

#[test]
fn does_not_overwrite_without_force() {
    let dir = common::tempdir("init-force");
    let f = dir.join("a.juknis");
    std::fs::write(&f, "draf saya\n").unwrap();
    juknis()
        .args(["init", "--jenjang", "SMP", "-o"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "draf saya\n");
    juknis()
        .args(["init", "--jenjang", "SMP", "--force", "-o"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
    assert!(std::fs::read_to_string(&f).unwrap().contains("jenjang SMP"));
}
