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
