//! `juknis fmt`: idempotent, meaning-preserving (same diagnostics, same compiled
//! plan, same comments) on every example and on generated inputs (examples
//! re-spaced, re-indented, broken over more lines and commented); the layout is
//! canonical (any re-spacing of a file formats to the same text).
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use juknis::format::format;
use proptest::prelude::*;

/// What a juknis means: its diagnostics and, when it has no error, its compiled
/// plan without the source hash. Messages are compared too, except those of
/// unreadable statements, which quote the statement as written (spacing included).
fn meaning(src: &str) -> (Vec<(String, String)>, Option<serde_json::Value>) {
    let checked = juknis::check_bytes(src.as_bytes());
    let mut diags: Vec<(String, String)> = checked
        .diagnostics
        .iter()
        .map(|d| {
            let msg = if d.code.starts_with("sintaks") {
                String::new()
            } else {
                d.message.id.clone()
            };
            (d.code.clone(), msg)
        })
        .collect();
    diags.sort();
    let plan = checked
        .juknis
        .as_ref()
        .filter(|_| checked.errors() == 0)
        .map(|j| {
            let p = juknis::compile::compile(j, checked.rulebook, "x.juknis", b"");
            let mut v = serde_json::to_value(&p).unwrap();
            v["sha256_rencana"] = serde_json::Value::Null;
            v
        });
    (diags, plan)
}

/// The `//` comments of a text, in order.
fn comments(s: &str) -> Vec<String> {
    s.lines()
        .filter_map(|l| {
            let mut in_str = false;
            let b = l.as_bytes();
            (0..b.len())
                .find(|&i| {
                    if b[i] == b'"' {
                        in_str = !in_str;
                    }
                    !in_str && b[i] == b'/' && b.get(i + 1) == Some(&b'/')
                })
                .map(|i| l[i..].trim_end().to_string())
        })
        .collect()
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
        assert_eq!(comments(&out), comments(&src), "{}", f.display());
        // The canonical layout: indentation in steps of two, no trailing blanks,
        // no tab, no run of blank lines, one final newline.
        assert!(
            out.ends_with('\n') && !out.ends_with("\n\n"),
            "{}",
            f.display()
        );
        assert!(!out.contains("\n\n\n") && !out.contains('\t') && !out.contains('\r'));
        for line in out.lines() {
            assert_eq!(line.trim_end(), line, "{}", f.display());
            let indent = line.len() - line.trim_start().len();
            assert_eq!(indent % 2, 0, "{line:?} in {}", f.display());
        }
    }
    assert!(formatted > 60);
}

fn examples_that_format() -> &'static [String] {
    static FILES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        common::examples()
            .into_iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .filter(|s| format(s).is_ok())
            .collect()
    })
}

/// A tiny deterministic generator, so one `u64` seed drives a whole perturbation.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }
}

/// Re-space a file without moving a line break: random indentation (spaces and
/// tabs), blanks between tokens grown or shrunk to one, blanks around
/// punctuation added or dropped where the grammar does not care, trailing blanks,
/// CRLF line ends, extra blank lines, a byte-order mark.
fn respace(src: &str, seed: u64) -> String {
    let mut r = Rng(seed | 1);
    let mut messy = String::new();
    if r.one_in(4) {
        messy.push('\u{FEFF}');
    }
    for line in src.lines() {
        let indent = (r.next() % 7) as usize;
        messy.push_str(&" \t".repeat(indent % 3));
        messy.push_str(&" ".repeat(indent));
        let chars: Vec<char> = line.trim_start().chars().collect();
        let mut in_str = false;
        let mut in_comment = false;
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            if c == '"' && !in_comment {
                in_str = !in_str;
            }
            if c == '/' && next == Some('/') && !in_str {
                in_comment = true;
            }
            let code = !in_str && !in_comment;
            if code && c == ' ' {
                // Around `{ } = +` and after `,` a blank may go; elsewhere it
                // may only grow (two words must stay apart).
                let droppable = matches!(prev, Some('{' | '=' | '+' | ','))
                    || matches!(next, Some('{' | '}' | '=' | '+'));
                let digits = prev.is_some_and(|p| p.is_ascii_digit())
                    || next.is_some_and(|n| n.is_ascii_digit());
                if droppable && !(prev == Some(',') && digits) && r.one_in(2) {
                    continue;
                }
                messy.push(' ');
                if r.one_in(3) {
                    messy.push_str(" \t ");
                }
                continue;
            }
            messy.push(c);
            // `rapor( semester`, `40% rapor`, `a, b` may gain a blank, never
            // `27,5%` (one number).
            let number = c == ','
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            if code && matches!(c, '(' | ',') && !number && next != Some(' ') && r.one_in(3) {
                messy.push(' ');
            }
        }
        if r.one_in(5) {
            messy.push_str("   ");
        }
        messy.push_str(if r.one_in(4) { "\r\n" } else { "\n" });
        // Blank lines grow, and may appear inside a block's edges.
        if line.trim().is_empty() || line.trim_end().ends_with('{') {
            for _ in 0..r.next() % 3 {
                messy.push('\n');
            }
        }
    }
    messy
}

/// Break lines where the grammar allows it, add comments, strip blanks: any
/// input, formatted or not, stays a file of the same meaning.
fn reshape(src: &str, seed: u64) -> String {
    let mut r = Rng(seed | 1);
    let mut out = String::new();
    for line in src.lines() {
        let mut in_str = false;
        let mut in_comment = false;
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            if c == '"' && !in_comment {
                in_str = !in_str;
            }
            if c == '/' && next == Some('/') && !in_str {
                in_comment = true;
            }
            out.push(c);
            if !in_str && !in_comment && matches!(c, '{' | '}') && r.one_in(3) {
                out.push_str(if r.one_in(2) { "\n" } else { " // catatan {\n" });
            }
        }
        if !in_comment && r.one_in(6) {
            out.push_str(" // komentar } ,");
        }
        out.push('\n');
        if r.one_in(8) {
            out.push_str("\n\n// di antara baris\n");
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Re-spacing and re-indenting any example formats to the same text as the
    /// example itself, with the same meaning.
    #[test]
    fn layout_is_canonical(idx in 0usize..1000, seed in any::<u64>()) {
        let files = examples_that_format();
        let src = &files[idx % files.len()];
        let messy = respace(src, seed);
        let a = format(src).unwrap();
        let b = format(&messy).unwrap();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(meaning(&messy), meaning(src));
        prop_assert_eq!(meaning(&b), meaning(src));
    }

    /// Whatever shape an input has (lines broken after braces, comments added,
    /// then re-spaced), formatting keeps its meaning and its comments and is
    /// idempotent.
    #[test]
    fn formatting_keeps_meaning_and_is_idempotent(idx in 0usize..1000, seed in any::<u64>()) {
        let files = examples_that_format();
        let src = &files[idx % files.len()];
        let input = respace(&reshape(src, seed), seed.rotate_left(17));
        // The reshaped input is still the same juknis: it reads, and means
        // what the example means.
        prop_assert_eq!(meaning(&input), meaning(src));
        let out = format(&input);
        prop_assert!(out.is_ok(), "the reshaped input does not format: {:?}", out.err());
        let out = out.unwrap();
        prop_assert_eq!(format(&out).unwrap(), out.clone());
        prop_assert_eq!(meaning(&out), meaning(&input));
        prop_assert_eq!(comments(&out), comments(&input.replace('\r', "")));
    }
}

#[test]
fn fmt_check_reports_and_fmt_rewrites() {
    let dir = common::tempdir("fmt");
    let f = dir.join("a.juknis");
    let messy = examples_that_format()[0].replace("\n  ", "\n      ");
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

#[test]
fn fmt_reads_standard_input_for_editors() {
    let src = examples_that_format()[0].clone();
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "-"])
        .write_stdin(src.replace("\n  ", "\n\t"))
        .assert()
        .code(0);
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        format(&src).unwrap()
    );
    // --check: 0 for the canonical text, 1 for the same juknis re-indented.
    for (text, code) in [(format(&src).unwrap(), 0), (src.replace("\n  ", "\n\t"), 1)] {
        Command::cargo_bin("juknis")
            .unwrap()
            .args(["fmt", "--check", "-"])
            .write_stdin(text)
            .assert()
            .code(code);
    }
    // Syntax errors are reported, nothing is printed on standard output.
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "-"])
        .write_stdin("juknis \"x\" {\n")
        .assert()
        .code(1)
        .stdout(predicates::str::is_empty())
        .stderr(predicates::str::contains("sintaks"));
}

#[test]
fn fmt_without_juknis_files_is_a_usage_error() {
    let base = common::tempdir("fmt");
    let dir = base.join("kosong");
    std::fs::create_dir_all(&dir).unwrap();
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("fmt")
        .arg(&dir)
        .assert()
        .code(2);
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "tidak/ada.juknis"])
        .assert()
        .code(2);
}

/// Found by `scripts/fuzz.sh` (format target): statements the grammar cannot
/// read are quoted in messages, so re-spacing them changes the message text but
/// never the codes.
#[test]
fn fuzz_regression_unreadable_statements_keep_their_codes() {
    let bytes = std::fs::read(common::berkas(
        "tests/regresi/format-pesan-mengutip-sumber.bin",
    ))
    .unwrap();
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

/// Issue 17: the bundled examples are in the canonical layout — `juknis fmt
/// --check` passes on every one the formatter can read; the one whose point is
/// a brace never closed is refused with the reason, not rewritten.
#[test]
fn the_bundled_examples_pass_fmt_check() {
    let files = common::examples();
    let (unreadable, readable): (Vec<_>, Vec<_>) = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "juknis"))
        .partition(|f| format(&std::fs::read_to_string(f).unwrap()).is_err());
    let names: Vec<String> = unreadable
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["sintaks-kurung-tidak-ditutup.juknis"]);
    assert!(readable.len() > 100);
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["-q", "fmt", "--check"])
        .args(&readable)
        .assert()
        .code(0);
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "--check"])
        .args(&unreadable)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("perbaiki sintaksnya dulu"));
}
