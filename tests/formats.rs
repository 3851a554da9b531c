//! `check --format json|sarif|github` carry the same diagnostics as the human
//! output, for every example file: same codes, same primary lines and columns.
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

/// (code, line, column) of each diagnostic in the human output.
fn human(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut code: Option<String> = None;
    for line in text.lines() {
        if let Some(rest) = line
            .strip_prefix("error[")
            .or_else(|| line.strip_prefix("warning["))
            .or_else(|| line.strip_prefix("note["))
        {
            code = rest.split(']').next().map(str::to_string);
        } else if let (Some(c), Some(loc)) = (&code, line.trim_start().strip_prefix("┌─ ")) {
            let mut parts = loc.rsplitn(3, ':');
            let col = parts.next().unwrap().parse().unwrap();
            let ln = parts.next().unwrap().parse().unwrap();
            out.push((c.clone(), ln, col));
            code = None;
        }
    }
    out.sort();
    out
}

#[test]
fn every_format_carries_the_same_diagnostics() {
    let files = common::examples();
    assert!(files.len() > 40);
    for f in &files {
        let want = human(&run("human", f));
        let json: serde_json::Value = serde_json::from_str(&run("json", f)).unwrap();
        let mut got: Vec<(String, usize, usize)> = json["berkas"][0]["diagnostik"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let l = &d["label"][0]["mulai"];
                (
                    d["kode"].as_str().unwrap().to_string(),
                    l["baris"].as_u64().unwrap() as usize,
                    l["kolom"].as_u64().unwrap() as usize,
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, want, "json, {}", f.display());

        let sarif: serde_json::Value = serde_json::from_str(&run("sarif", f)).unwrap();
        assert_eq!(sarif["version"], "2.1.0");
        let mut got: Vec<(String, usize, usize)> = sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let reg = &r["locations"][0]["physicalLocation"]["region"];
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    reg["startLine"].as_u64().unwrap() as usize,
                    reg["startColumn"].as_u64().unwrap() as usize,
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, want, "sarif, {}", f.display());
        // Every result names a rule the run declares.
        let rules: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        for (code, _, _) in &got {
            assert!(rules.contains(&code.as_str()), "{code}");
        }

        let gh = run("github", f);
        let mut got: Vec<(String, usize, usize)> = gh
            .lines()
            .map(|l| {
                let props = l.split("::").nth(1).unwrap();
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
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, want, "github, {}", f.display());
    }
}

/// The SARIF schema is the OASIS SARIF 2.1.0 (rtm.5) JSON Schema, copied from the
/// npm package @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/).
#[test]
fn sarif_and_json_reports_validate_against_their_schemas() {
    // The published rtm.5 schema has a malformed pattern for run.language
    // (`…[a-zA-Z]{2}]?$`), which the validator rejects as a schema; it is replaced
    // by the corrected pattern of later releases. juknis does not emit `language`.
    let sarif_text = std::fs::read_to_string("tests/schemas/sarif-2.1.0-rtm.5.json")
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
