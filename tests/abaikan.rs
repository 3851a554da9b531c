//! Suppressions with a required reason (issue 17, item 6):
//! `// juknis:abaikan KODE alasan "…"` sets aside that code's diagnostics on
//! the next statement line (or its own line), never silently — every output
//! and the conformance report list what was set aside and why.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use juknis::diagnostic::Lang;
use juknis::kepatuhan::{self, Status};

const JATIM: &str = "juknis-examples/sesuai/jatim-sma-2025.juknis";

fn jatim() -> String {
    std::fs::read_to_string(common::berkas(JATIM)).unwrap()
}

/// Jatim with mutasi at 6% (domisili 34%, so the total stays 100%), and the
/// given comment above the mutasi line.
fn mutasi_6(comment: &str) -> String {
    jatim()
        .replace(
            "  jalur mutasi 5% {",
            &format!("{comment}\n  jalur mutasi 6% {{"),
        )
        .replace("jalur domisili 35% {", "jalur domisili 34% {")
        .replace("    sub reguler 20%", "    sub reguler 19%")
}

fn codes(c: &juknis::Checked) -> Vec<&str> {
    c.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

const ALASAN: &str = "Peraturan Gubernur 12/2026 menetapkan 6% (uji)";

#[test]
fn a_reasoned_suppression_sets_aside_that_code_on_the_next_line_only() {
    let src = mutasi_6(&format!(
        "  // juknis:abaikan kuota.mutasi.max alasan \"{ALASAN}\""
    ));
    let c = juknis::check_bytes(src.as_bytes());
    assert!(codes(&c).is_empty(), "{:?}", codes(&c));
    assert_eq!(c.diabaikan.len(), 1);
    assert_eq!(c.diabaikan[0].diagnostic.code, "kuota.mutasi.max");
    assert_eq!(c.diabaikan[0].alasan, ALASAN);
    assert_eq!(c.errors(), 0);
    // The same comment elsewhere sets nothing aside and says so.
    let moved = jatim()
        .replace(
            "  biaya gratis",
            &format!("  // juknis:abaikan kuota.mutasi.max alasan \"{ALASAN}\"\n  biaya gratis"),
        )
        .replace("  jalur mutasi 5% {", "  jalur mutasi 6% {")
        .replace("jalur domisili 35% {", "jalur domisili 34% {")
        .replace("    sub reguler 20%", "    sub reguler 19%");
    let c = juknis::check_bytes(moved.as_bytes());
    assert_eq!(codes(&c), ["kuota.mutasi.max", "abaikan.tidak_terpakai"]);
    assert!(c.diabaikan.is_empty());
    // At the end of a line it covers that line.
    let trailing = jatim()
        .replace(
            "  jalur mutasi 5% {",
            &format!("  jalur mutasi 6% {{ // juknis:abaikan kuota.mutasi.max alasan \"{ALASAN}\""),
        )
        .replace("jalur domisili 35% {", "jalur domisili 34% {")
        .replace("    sub reguler 20%", "    sub reguler 19%");
    let c = juknis::check_bytes(trailing.as_bytes());
    assert!(codes(&c).is_empty(), "{:?}", codes(&c));
    assert_eq!(c.diabaikan.len(), 1);
}

#[test]
fn a_suppression_without_reason_or_with_a_wrong_code_sets_nothing_aside() {
    let c = juknis::check_bytes(mutasi_6("  // juknis:abaikan kuota.mutasi.max").as_bytes());
    assert_eq!(codes(&c), ["abaikan.alasan", "kuota.mutasi.max"]);
    let c = juknis::check_bytes(
        mutasi_6("  // juknis:abaikan kuota.mutasi.max alasan \"\"").as_bytes(),
    );
    assert_eq!(codes(&c), ["abaikan.alasan", "kuota.mutasi.max"]);
    let c = juknis::check_bytes(
        mutasi_6(&format!(
            "  // juknis:abaikan kuota.mutasi.maks alasan \"{ALASAN}\""
        ))
        .as_bytes(),
    );
    assert_eq!(codes(&c), ["abaikan.kode", "kuota.mutasi.max"]);
    let help = c.diagnostics[0].help.as_ref().unwrap();
    assert!(help.id.contains("`kuota.mutasi.max`"), "{}", help.id);
    assert!(c.diabaikan.is_empty());
}

#[test]
fn a_language_error_cannot_be_set_aside_and_strings_are_not_comments() {
    let src = jatim().replace(
        "  ditetapkan 2025-03-03",
        "  // juknis:abaikan sintaks.tanggal alasan \"ditulis seperti surat\"\n  ditetapkan 03-03-2025",
    );
    let c = juknis::check_bytes(src.as_bytes());
    assert_eq!(codes(&c), ["abaikan.alasan", "sintaks.tanggal"]);
    // `//` inside a quoted text is not a comment.
    let src = jatim().replace(
        "pengaduan \"",
        "pengaduan \"https://spmb.jatimprov.go.id // juknis:abaikan biaya alasan \\\"x\\\" ",
    );
    let c = juknis::check_bytes(src.as_bytes());
    assert!(codes(&c).is_empty(), "{:?}", codes(&c));
}

#[test]
fn every_output_lists_what_was_set_aside_and_why() {
    let dir = common::tempdir("abaikan");
    let f = dir.join("mutasi.juknis");
    std::fs::write(
        &f,
        mutasi_6(&format!(
            "  // juknis:abaikan kuota.mutasi.max alasan \"{ALASAN}\""
        )),
    )
    .unwrap();
    // Human: conforms, with the set-aside line and count.
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "--no-color", "--quiet"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("sesuai"))
        .stdout(predicates::str::contains(format!(
            "diabaikan: {}:52: error[kuota.mutasi.max] kuota mutasi 6% melebihi maksimum 5% — alasan: \"{ALASAN}\"",
            f.display()
        )))
        .stdout(predicates::str::contains("0 error, 0 peringatan, 1 diabaikan"));
    // JSON: listed apart, with the reason and the comment's place.
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(&f)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let x = &v["berkas"][0]["diabaikan"][0];
    assert_eq!(x["diagnostik"]["kode"], "kuota.mutasi.max");
    assert_eq!(x["alasan"], ALASAN);
    assert_eq!(x["komentar"]["baris"], 51);
    assert_eq!(v["ringkasan"]["diabaikan"], 1);
    // SARIF: the result is there, marked as suppressed in the source with the
    // reason, and the document still follows the SARIF 2.1.0 schema.
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "--format", "sarif"])
        .arg(&f)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &v["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "kuota.mutasi.max");
    assert_eq!(r["suppressions"][0]["kind"], "inSource");
    assert_eq!(r["suppressions"][0]["justification"], ALASAN);
    let schema_text =
        std::fs::read_to_string(common::berkas("tests/schemas/sarif-2.1.0-rtm.5.json"))
            .unwrap()
            .replace(
                "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
                "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
            );
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let sarif = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(false)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = sarif
        .iter_errors(&v)
        .map(|e| e.to_string())
        .take(3)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // The conformance report: the rule is set aside, with the reason.
    let src = std::fs::read(&f).unwrap();
    let c = juknis::check_bytes(&src);
    let k = kepatuhan::build("mutasi.juknis", &src, &c, Lang::Id);
    let b = k.bagian[0]
        .kelompok
        .iter()
        .flat_map(|g| g.aturan.iter())
        .find(|b| b.kode == "kuota.mutasi.max")
        .unwrap();
    assert_eq!(b.status, Status::Diabaikan);
    assert_eq!(b.alasan_diabaikan, [ALASAN]);
    assert_eq!(b.temuan.len(), 1);
    assert_eq!(k.ringkasan.diabaikan, 1);
    assert!(kepatuhan::html::render(&k).contains("Alasan diabaikan"));
}
