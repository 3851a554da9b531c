//! Generated files must match what the code generates: docs/rules.md (from the
//! rulebook data), docs/plan.schema.json (from the plan types) and
//! docs/report.schema.json (from the check report types), docs/kepatuhan.schema.json
//! (from the conformance report types), docs/banding.schema.json (from the
//! comparison types).
//! Regenerate with `JUKNIS_UPDATE=1 cargo test --test docs`.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

fn check_generated(rel: &str, content: &str) {
    let path = common::root().join(rel);
    if std::env::var_os("JUKNIS_UPDATE").is_some() {
        std::fs::write(&path, content).unwrap_or_else(|e| panic!("{rel}: {e}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == content,
        "{rel} is out of date: run `JUKNIS_UPDATE=1 cargo test --test docs` and commit it"
    );
}

#[test]
fn rules_md_matches_the_rulebook() {
    check_generated(
        "docs/rules.md",
        &juknis::rulebook::doc::markdown(juknis::rulebook::default_rulebook()),
    );
}

#[test]
fn plan_schema_matches_the_code() {
    check_generated("docs/plan.schema.json", &juknis::plan::json_schema());
}

#[test]
fn report_schema_matches_the_code() {
    check_generated(
        "docs/report.schema.json",
        &juknis::diagnostic::laporan::json_schema(),
    );
}

#[test]
fn conformance_report_schema_matches_the_code() {
    check_generated(
        "docs/kepatuhan.schema.json",
        &juknis::kepatuhan::json_schema(),
    );
}

#[test]
fn comparison_schema_matches_the_code() {
    check_generated("docs/banding.schema.json", &juknis::banding::json_schema());
}

/// Issue 17: every document that uses the `juknis` command says first how to
/// get it (README › Get it, or docs/release.md).
#[test]
fn every_doc_that_uses_the_command_says_how_to_get_it() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut missing = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let uses = text.contains("`juknis ")
            || text.contains("juknis check")
            || text.contains("juknis run");
        let says = text.contains("README.md#get-it")
            || text.contains("release.md")
            || p.ends_with("release.md");
        if uses && !says {
            missing.push(p.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "say how to get the command in: {missing:?}"
    );
}
