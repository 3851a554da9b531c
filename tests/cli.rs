//! The command line as a user and a CI job see it: exit codes, languages, files
//! and folders, compile and explain.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn juknis() -> Command {
    let mut c = Command::cargo_bin("juknis").unwrap_or_else(|e| panic!("{e}"));
    c.env_remove("NO_COLOR");
    c
}

fn example(rel: &str) -> String {
    common::root()
        .join("juknis-examples")
        .join(rel)
        .display()
        .to_string()
}

#[test]
fn conforming_file_exits_0() {
    juknis()
        .args(["check", &example("sesuai/jatim-sma-2025.juknis")])
        .assert()
        .code(0)
        // The verdict after the file name, not the word in its path.
        .stdout(predicate::str::contains("jatim-sma-2025.juknis: sesuai\n"))
        .stdout(predicate::str::ends_with(
            "1 berkas: 0 error, 0 peringatan\n",
        ));
}

#[test]
fn violations_exit_1_with_the_code_and_article() {
    juknis()
        .args(["check", &example("melanggar/kuota-mutasi-6-persen.juknis")])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[kuota.mutasi.max]"))
        .stdout(predicate::str::contains("Pasal 30"));
}

#[test]
fn english_on_request() {
    juknis()
        .args([
            "--lang",
            "en",
            "check",
            &example("melanggar/kuota-mutasi-6-persen.juknis"),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("exceeds the 5% maximum"));
}

#[test]
fn folder_check_reports_every_file() {
    let out = juknis()
        .args(["check", &example("sesuai")])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    let n = std::fs::read_dir(common::root().join("juknis-examples/sesuai"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(text.matches(": sesuai").count(), n, "{text}");
}

#[test]
fn missing_file_is_a_usage_error() {
    juknis()
        .args(["check", "no/such/file.juknis"])
        .assert()
        .code(2);
}

#[test]
fn unknown_flag_is_a_usage_error() {
    juknis().args(["check", "--frobnicate"]).assert().code(2);
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let dir = common::tempdir("cli");
    let src = std::fs::read_to_string(example("sesuai/jatim-sma-2025.juknis")).unwrap_or_default();
    // Drop the final tie-breaker: a warning (urutan.akhir), not an error.
    let warn = src.replacen(", waktu_daftar terawal", "", 1);
    let f = dir.join("w.juknis");
    std::fs::write(&f, warn).unwrap_or_default();
    juknis()
        .args(["check", &f.display().to_string()])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("urutan.akhir"));
    juknis()
        .args(["check", "--deny-warnings", &f.display().to_string()])
        .assert()
        .code(1);
}

#[test]
fn compile_writes_a_loadable_plan() {
    let dir = common::tempdir("cli");
    let out = dir.join("plan.json");
    juknis()
        .args([
            "compile",
            &example("sesuai/jatim-sma-2025.juknis"),
            "-o",
            &out.display().to_string(),
        ])
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    let plan = juknis::plan::load(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.format, "juknis-plan/2");
    juknis()
        .args([
            "compile",
            "--format",
            "yaml",
            &example("sesuai/jatim-sma-2025.juknis"),
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("format: juknis-plan/2"));
}

#[test]
fn compile_refuses_a_violating_juknis() {
    juknis()
        .args([
            "compile",
            &example("melanggar/kuota-mutasi-6-persen.juknis"),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("kuota.mutasi.max"));
}

#[test]
fn explain_a_code_and_suggest_on_typos() {
    juknis()
        .args(["explain", "kuota.domisili.min"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Pasal 30"));
    juknis()
        .args(["explain", "kuota.domisli.min"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kuota.domisili.min"));
}

#[test]
fn tampered_plan_is_rejected() {
    let src = std::fs::read(example("sesuai/jatim-sma-2025.juknis")).unwrap_or_default();
    let checked = juknis::check_bytes(&src);
    let plan = checked
        .juknis
        .as_ref()
        .map(|j| juknis::compile::compile(j, checked.rulebook, "x", &src));
    let Some(plan) = plan else { panic!("no plan") };
    let text = plan.to_json().replacen("\"35\"", "\"45\"", 1);
    assert!(matches!(
        juknis::plan::load(&text),
        Err(juknis::plan::LoadError::Tampered { .. })
    ));
    let text = plan.to_json().replacen("juknis-plan/2", "juknis-plan/9", 1);
    assert!(matches!(
        juknis::plan::load(&text),
        Err(juknis::plan::LoadError::Version(_))
    ));
}
