//! `check --format json|sarif|github|gitlab` carry the same diagnostics as the
//! human output, for every example file: same codes, messages, primary lines and
//! columns; SARIF and JSON validate against their schemas.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;

fn run(format: &str, file: &std::path::Path) -> String {
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["--no-color", "check", "--format", format])
        .arg(file)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// (code, line, column, message) of one diagnostic.
type Seen = (String, usize, usize, String);

/// The diagnostics of the human output.
fn human(text: &str) -> Vec<Seen> {
    let mut out = Vec::new();
    let mut head: Option<(String, String)> = None;
    for line in text.lines() {
        if let Some(rest) = line
            .strip_prefix("error[")
            .or_else(|| line.strip_prefix("warning["))
            .or_else(|| line.strip_prefix("note["))
        {
            let (code, msg) = rest.split_once("]: ").unwrap();
            head = Some((code.to_string(), msg.to_string()));
        } else if let (Some((c, m)), Some(loc)) = (&head, line.trim_start().strip_prefix("┌─ "))
        {
            let mut parts = loc.rsplitn(3, ':');
            let col = parts.next().unwrap().parse().unwrap();
            let ln = parts.next().unwrap().parse().unwrap();
            out.push((c.clone(), ln, col, m.clone()));
            head = None;
        }
    }
    out.sort();
    out
}

/// The message, without the help and article the one-line formats append.
fn message_of(one_line: &str) -> String {
    one_line
        .split(" — ")
        .next()
        .unwrap()
        .split(" [dasar: ")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn every_format_carries_the_same_diagnostics() {
    let files = common::examples();
    assert!(files.len() > 40);
    let mut compared = 0;
    for f in &files {
        let want = human(&run("human", f));
        compared += want.len();

        let json: serde_json::Value = serde_json::from_str(&run("json", f)).unwrap();
        let diags = json["berkas"][0]["diagnostik"].as_array().unwrap();
        let mut got: Vec<Seen> = diags
            .iter()
            .map(|d| {
                let l = &d["label"][0]["mulai"];
                (
                    d["kode"].as_str().unwrap().to_string(),
                    l["baris"].as_u64().unwrap() as usize,
                    l["kolom"].as_u64().unwrap() as usize,
                    d["pesan"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, want, "json, {}", f.display());
        // Every label, in both byte and line/column form, agrees with the source.
        let src = std::fs::read_to_string(f).unwrap_or_default();
        for d in diags {
            for l in d["label"].as_array().unwrap() {
                for end in ["mulai", "selesai"] {
                    let p = &l[end];
                    let byte = p["byte"].as_u64().unwrap() as usize;
                    let before = &src[..byte];
                    let line = before.matches('\n').count() + 1;
                    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                        .chars()
                        .count()
                        + 1;
                    assert_eq!(p["baris"].as_u64().unwrap() as usize, line);
                    assert_eq!(p["kolom"].as_u64().unwrap() as usize, col);
                }
            }
        }

        let sarif: serde_json::Value = serde_json::from_str(&run("sarif", f)).unwrap();
        assert_eq!(sarif["version"], "2.1.0");
        let results = sarif["runs"][0]["results"].as_array().unwrap();
        let mut got: Vec<Seen> = results
            .iter()
            .map(|r| {
                let reg = &r["locations"][0]["physicalLocation"]["region"];
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    reg["startLine"].as_u64().unwrap() as usize,
                    reg["startColumn"].as_u64().unwrap() as usize,
                    message_of(r["message"]["text"].as_str().unwrap()),
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, want, "sarif, {}", f.display());
        // Every result names a rule the run declares, by id and by index.
        let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
        }
        // The explaining labels are related locations.
        let related: usize = results
            .iter()
            .map(|r| r["relatedLocations"].as_array().map_or(0, Vec::len))
            .sum();
        let secondary: usize = diags
            .iter()
            .map(|d| d["label"].as_array().unwrap().len().saturating_sub(1))
            .sum();
        assert_eq!(related, secondary, "{}", f.display());

        let gh = run("github", f);
        let mut got: Vec<Seen> = gh
            .lines()
            .map(|l| {
                let mut parts = l.splitn(3, "::");
                let (_, props, msg) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
                let get = |k: &str| {
                    props
                        .split(',')
                        .find_map(|p| p.strip_prefix(&format!("{k}=")))
                        .unwrap()
                        .to_string()
                };
                (
                    get("title"),
                    get("line").parse().unwrap(),
                    get("col").parse().unwrap(),
                    message_of(&msg.replace("%25", "%")),
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, want, "github, {}", f.display());

        let gl: serde_json::Value = serde_json::from_str(&run("gitlab", f)).unwrap();
        let mut got: Vec<(String, usize, String)> = gl
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                for key in ["description", "check_name", "fingerprint", "severity"] {
                    assert!(i[key].is_string(), "{key}");
                }
                assert_eq!(i["location"]["path"], f.display().to_string().as_str());
                (
                    i["check_name"].as_str().unwrap().to_string(),
                    i["location"]["lines"]["begin"].as_u64().unwrap() as usize,
                    message_of(i["description"].as_str().unwrap()),
                )
            })
            .collect();
        got.sort();
        let mut lines: Vec<(String, usize, String)> = want
            .iter()
            .map(|(c, l, _, m)| (c.clone(), *l, m.clone()))
            .collect();
        lines.sort();
        assert_eq!(got, lines, "gitlab, {}", f.display());
    }
    assert!(compared > 60, "{compared}");
}

#[test]
fn messages_follow_the_chosen_language() {
    let f = common::root().join("juknis-examples/melanggar/kuota-mutasi-6-persen.juknis");
    for (lang, word, text) in [("id", "dasar", "melebihi"), ("en", "basis", "exceeds")] {
        for format in ["json", "sarif", "github", "gitlab"] {
            let out = Command::cargo_bin("juknis")
                .unwrap()
                .args(["--lang", lang, "check", "--format", format])
                .arg(&f)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{format}");
            let s = String::from_utf8(out.stdout).unwrap();
            assert!(s.contains(text), "{lang} {format}: {s}");
            if format != "json" {
                assert!(
                    s.contains(&format!("[{word}: Permendikdasmen 3/2025 Pasal 30")),
                    "{lang} {format}: {s}"
                );
            }
        }
    }
}

#[test]
fn machine_formats_keep_exit_codes_and_report_unreadable_files() {
    let ok = common::root().join("juknis-examples/sesuai");
    for format in ["human", "json", "sarif", "github", "gitlab"] {
        let out = Command::cargo_bin("juknis")
            .unwrap()
            .args(["check", "--format", format])
            .arg(&ok)
            .arg("tidak/ada.juknis")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("tidak/ada.juknis"));
        let out = Command::cargo_bin("juknis")
            .unwrap()
            .args(["check", "--format", format])
            .arg(&ok)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        if format == "github" {
            assert!(out.stdout.is_empty());
        }
    }
}

/// The SARIF schema is the OASIS SARIF 2.1.0 (rtm.5) JSON Schema, copied from the
/// npm package @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/).
#[test]
fn sarif_and_json_reports_validate_against_their_schemas() {
    // The published rtm.5 schema has a malformed pattern for run.language
    // (`…[a-zA-Z]{2}]?$`), which the validator rejects as a schema; it is replaced
    // by the corrected pattern of later releases. juknis does not emit `language`.
    let sarif_text =
        std::fs::read_to_string(common::berkas("tests/schemas/sarif-2.1.0-rtm.5.json"))
            .unwrap()
            .replace(
                "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
                "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
            );
    let sarif_schema: serde_json::Value = serde_json::from_str(&sarif_text).unwrap();
    let report_schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let sarif = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(false)
        .build(&sarif_schema)
        .unwrap();
    let report = jsonschema::validator_for(&report_schema).unwrap();
    let dir = common::root().join("juknis-examples");
    let out = |format: &str| {
        let o = Command::cargo_bin("juknis")
            .unwrap()
            .args(["check", "--format", format])
            .arg(&dir)
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let s = out("sarif");
    let errors: Vec<String> = sarif
        .iter_errors(&s)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "SARIF: {errors:?}");
    assert!(s["runs"][0]["results"].as_array().unwrap().len() > 60);
    let j = out("json");
    let errors: Vec<String> = report
        .iter_errors(&j)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "JSON report: {errors:?}");
}

/// Output read by a program (a pipe, a CI log file) has no colour codes, with or
/// without `--no-color`; `--quiet` leaves out the files that conform.
#[test]
fn piped_output_is_plain_and_quiet_lists_only_problems() {
    let dir = common::root().join("juknis-examples");
    let bad = dir.join("melanggar/kuota-mutasi-6-persen.juknis");
    let good = dir.join("sesuai/jatim-sma-2025.juknis");
    for args in [&["check"][..], &["--no-color", "check"][..]] {
        let out = Command::cargo_bin("juknis")
            .unwrap()
            .env_remove("NO_COLOR")
            .args(args)
            .arg(&bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("kuota.mutasi.max"));
    }
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["--quiet", "check"])
        .arg(&bad)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("kuota.mutasi.max") && !text.contains("jatim-sma-2025.juknis: sesuai"));
    assert!(
        text.ends_with("2 berkas: 1 error, 0 peringatan\n"),
        "{text}"
    );
    // fmt --check -q: the exit code only — 0 for a formatted file, 1 for one
    // that is not, and nothing printed either way.
    let scratch = common::tempdir("q");
    let unformatted = scratch.join("q.juknis");
    let src = std::fs::read_to_string(&bad).unwrap();
    std::fs::write(
        &unformatted,
        src.replacen("jenjang SMA", "jenjang   SMA", 1),
    )
    .unwrap();
    for (f, code) in [(&bad, 0), (&unformatted, 1)] {
        let out = Command::cargo_bin("juknis")
            .unwrap()
            .args(["-q", "fmt", "--check"])
            .arg(f)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{}", f.display());
        assert!(
            out.stdout.is_empty() && out.stderr.is_empty(),
            "{}",
            f.display()
        );
    }
    let _ = std::fs::remove_file(&unformatted);
}
