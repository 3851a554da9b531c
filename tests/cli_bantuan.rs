//! The command line's help: Bahasa Indonesia by default, English with
//! `--lang en` (anywhere on the line), and a description for every argument of
//! every command in both.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;

fn juknis() -> Command {
    let mut c = Command::cargo_bin("juknis").unwrap_or_else(|e| panic!("{e}"));
    c.env_remove("NO_COLOR");
    c
}

/// Standard output of a run that must succeed.
fn run_help(args: &[&str]) -> String {
    let out = juknis().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "juknis {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// clap's English words, which the Indonesian help must not show.
const CLAP_ENGLISH: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "Print version",
    "[default:",
    "[possible values:",
    "Possible values:",
    "[OPTIONS]",
    "<COMMAND>",
];

fn assert_no_clap_english(text: &str, what: &str) {
    for w in CLAP_ENGLISH {
        assert!(!text.contains(w), "{what} shows `{w}`:\n{text}");
    }
}

/// The commands `juknis --help` lists, without clap's `help`.
fn list_commands() -> Vec<String> {
    let text = run_help(&["--help"]);
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            inside = line == "Perintah:";
            continue;
        }
        if inside {
            let name = line.split_whitespace().next().unwrap_or_default();
            if name != "help" {
                out.push(name.to_owned());
            }
        }
    }
    for known in [
        "banding", "check", "compile", "explain", "fmt", "init", "run",
    ] {
        assert!(out.iter().any(|c| c == known), "{known} not in {out:?}");
    }
    out
}

/// How many argument lines a help text has, and those without a description:
/// an argument line starts with 2 or 6 spaces and `-` or `<`; its description
/// follows two spaces on the same line, or is the next line, indented further.
fn find_undescribed(text: &str) -> (usize, Vec<String>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut seen = 0;
    let mut in_args = false;
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            in_args = matches!(*line, "Opsi:" | "Argumen:" | "Options:" | "Arguments:");
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let is_arg = (indent == 2 || indent == 6) && trimmed.starts_with(['-', '<']);
        if !in_args || !is_arg {
            continue;
        }
        seen += 1;
        let same_line = trimmed
            .split_once("  ")
            .is_some_and(|(_, rest)| !rest.trim().is_empty());
        let next_line = lines.get(i + 1).is_some_and(|next| {
            let t = next.trim_start();
            !t.is_empty() && next.len() - t.len() > indent + 2
        });
        if !same_line && !next_line {
            out.push(trimmed.to_owned());
        }
    }
    (seen, out)
}

#[test]
fn the_main_help_is_indonesian() {
    let text = run_help(&["--help"]);
    for w in [
        "Pemakaian:",
        "Perintah:",
        "Opsi:",
        "<PERINTAH>",
        "Tampilkan bantuan",
    ] {
        assert!(text.contains(w), "no `{w}`:\n{text}");
    }
    assert!(
        text.contains("Periksa berkas dan folder juknis terhadap peraturan"),
        "check is not described in Indonesian:\n{text}"
    );
    assert_no_clap_english(&text, "juknis --help");
}

#[test]
fn the_main_help_is_english_with_lang_en() {
    for args in [&["--lang", "en", "--help"][..], &["--help", "--lang=en"]] {
        let text = run_help(args);
        assert!(text.contains("Usage:"), "{args:?}:\n{text}");
        assert!(
            text.contains("Check juknis files and folders against the regulation"),
            "{args:?}:\n{text}"
        );
        assert!(
            text.contains("Language of messages and help"),
            "{args:?}:\n{text}"
        );
        assert!(!text.contains("Pemakaian"), "{args:?}:\n{text}");
        assert!(!text.contains("Periksa berkas"), "{args:?}:\n{text}");
    }
}

#[test]
fn a_command_help_is_indonesian() {
    let text = run_help(&["check", "--help"]);
    for w in [
        "Periksa berkas dan folder juknis terhadap peraturan",
        "Pemakaian: juknis check [OPSI]",
        "Argumen:",
        "Opsi:",
        "Bentuk keluaran",
        "Pilihan:",
        "Untuk dibaca orang",
        "[bawaan: human]",
        "Keluar dengan kode 1 juga bila ada peringatan",
    ] {
        assert!(text.contains(w), "no `{w}`:\n{text}");
    }
    assert_no_clap_english(&text, "juknis check --help");
}

#[test]
fn a_command_help_is_english_with_lang_en_after_it() {
    for args in [
        &["check", "--help", "--lang", "en"][..],
        &["check", "--help", "--lang=en"],
        &["--lang", "en", "check", "-h"],
    ] {
        let text = run_help(args);
        for w in [
            "Usage: juknis check",
            "Output format",
            "Exit 1 on warnings too",
        ] {
            assert!(text.contains(w), "{args:?}: no `{w}`:\n{text}");
        }
        for w in ["Pemakaian", "Bentuk keluaran", "peringatan", "bawaan"] {
            assert!(!text.contains(w), "{args:?}: `{w}`:\n{text}");
        }
    }
    let long = run_help(&["check", "--help", "--lang", "en"]);
    assert!(long.contains("Possible values:") && long.contains("Rendered for people"));
}

#[test]
fn every_argument_of_every_command_is_described_in_both_languages() {
    let mut bad = Vec::new();
    for cmd in list_commands() {
        for lang in ["id", "en"] {
            for flag in ["-h", "--help"] {
                let text = run_help(&["--lang", lang, &cmd, flag]);
                if lang == "id" {
                    assert_no_clap_english(&text, &format!("juknis {cmd} {flag}"));
                }
                assert!(
                    text.contains("--help"),
                    "juknis {cmd} {flag} --lang {lang}:\n{text}"
                );
                let (seen, missing) = find_undescribed(&text);
                // -h and the global flags at least.
                assert!(
                    seen >= 8,
                    "juknis {cmd} {flag} --lang {lang}: {seen} arguments:\n{text}"
                );
                for line in missing {
                    bad.push(format!("juknis {cmd} {flag} --lang {lang}: {line}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "arguments without a description:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_description_check_sees_a_missing_one() {
    let text =
        "Opsi:\n      --ada <X>  ada\n      --kosong <X>\n  -h, --help\n          Tampilkan\n";
    assert_eq!(find_undescribed(text), (3, vec!["--kosong <X>".to_owned()]));
}

#[test]
fn the_help_command_is_indonesian() {
    let text = run_help(&["help", "check"]);
    assert!(text.contains("Pemakaian: juknis check"), "{text}");
    let text = run_help(&["help", "help"]);
    assert!(text.contains("Tampilkan bantuan"), "{text}");
    assert_no_clap_english(&text, "juknis help help");
}

#[test]
fn output_is_the_flag_for_where_the_result_goes_and_keluaran_still_works() {
    let dir = common::tempdir("bantuan-keluaran");
    for (i, flag) in ["-o", "--output", "--keluaran"].into_iter().enumerate() {
        let keys = dir.join(format!("kunci{i}"));
        juknis()
            .env_remove("JUKNIS_SANDI_KUNCI")
            .args(["kunci", flag])
            .arg(&keys)
            .assert()
            .code(0);
        assert!(keys.join("juknis.pub").is_file(), "{flag}");
    }
    for cmd in [
        "banding",
        "compile",
        "init",
        "kepatuhan",
        "kunci",
        "run",
        "synth",
    ] {
        let text = run_help(&[cmd, "-h"]);
        assert!(text.contains("-o, --output <"), "juknis {cmd} -h:\n{text}");
    }
}
