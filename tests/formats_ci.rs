//! The CI formats of `juknis check` (issue 17, item 6): `compact` (one line
//! per diagnostic, as compilers print and problem matchers parse) and JUnit XML
//! (test-report views), each carrying exactly the diagnostics of the JSON
//! report, for every bundled example at once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;

fn check(format: &str, extra: &[&str]) -> (String, i32) {
    let o = Command::cargo_bin("juknis")
        .unwrap()
        .args(["check", "--format", format])
        .args(extra)
        .arg(common::root().join("juknis-examples"))
        .output()
        .unwrap();
    (
        String::from_utf8(o.stdout).unwrap(),
        o.status.code().unwrap(),
    )
}

/// (file, line, column, code) of every diagnostic in the JSON report.
fn from_json() -> Vec<(String, u64, u64, String)> {
    let (text, _) = check("json", &[]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    for f in v["berkas"].as_array().unwrap() {
        for d in f["diagnostik"].as_array().unwrap() {
            let l = &d["label"][0]["mulai"];
            out.push((
                f["berkas"].as_str().unwrap().to_string(),
                l["baris"].as_u64().unwrap_or(1),
                l["kolom"].as_u64().unwrap_or(1),
                d["kode"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

#[test]
fn compact_has_one_line_per_diagnostic_at_its_place() {
    let (text, code) = check("compact", &[]);
    assert_eq!(code, 1);
    let mut got = Vec::new();
    for line in text.lines() {
        // file:line:col: severity[code] message
        let (head, rest) = line.split_once(": ").unwrap();
        let mut parts = head.rsplitn(3, ':');
        let col: u64 = parts.next().unwrap().parse().unwrap();
        let ln: u64 = parts.next().unwrap().parse().unwrap();
        let file = parts.next().unwrap().to_string();
        let code = rest
            .split_once('[')
            .unwrap()
            .1
            .split_once(']')
            .unwrap()
            .0
            .to_string();
        let sev = rest.split_once('[').unwrap().0;
        assert!(["error", "peringatan", "catatan"].contains(&sev), "{line}");
        got.push((file, ln, col, code));
    }
    assert_eq!(got, from_json());
    assert!(got.len() > 100);
}

#[test]
fn junit_is_xml_with_a_case_per_diagnostic_and_failures_for_errors() {
    let (text, code) = check("junit", &[]);
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), common::examples().len());
    let json = from_json();
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    // A case per diagnostic, and one passing case per clean file.
    let clean = suites
        .iter()
        .filter(|s| s.attribute("failures") == Some("0") && s.attribute("tests") == Some("1"))
        .filter(|s| s.children().any(|c| c.attribute("name") == Some("sesuai")))
        .count();
    assert_eq!(cases.len(), json.len() + clean);
    let failures: usize = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(
        root.attribute("failures")
            .unwrap()
            .parse::<usize>()
            .unwrap(),
        failures
    );
    // Only errors fail, unless warnings are denied.
    let (strict, _) = check("junit", &["--deny-warnings"]);
    let strict = roxmltree::Document::parse(&strict).unwrap();
    let strict_failures = strict
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert!(
        strict_failures > failures,
        "{strict_failures} vs {failures}"
    );
}

#[test]
fn fmt_diff_shows_what_would_change_and_changes_nothing() {
    let dir = common::tempdir("fmt-diff");
    let src = std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jatim-sma-2025.juknis",
    ))
    .unwrap();
    let messy = src.replace("jalur domisili 35% {", "jalur   domisili 35%   {");
    let f = dir.join("draf.juknis");
    std::fs::write(&f, &messy).unwrap();
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "--diff"])
        .arg(&f)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let diff = String::from_utf8(out).unwrap();
    assert!(
        diff.contains("-  jalur   domisili 35%   {\n+  jalur domisili 35% {\n"),
        "{diff}"
    );
    assert_eq!(
        diff.lines()
            .filter(|l| l.starts_with('-') && !l.starts_with("---"))
            .count(),
        1
    );
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        messy,
        "nothing written"
    );
    // A file in the canonical layout: no output, exit 0; standard input too.
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "--diff"])
        .arg(common::berkas(
            "juknis-examples/sesuai/jatim-sma-2025.juknis",
        ))
        .assert()
        .code(0)
        .stdout("");
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["fmt", "--diff", "-"])
        .write_stdin(messy)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("+  jalur domisili 35% {"));
}
