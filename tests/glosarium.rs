//! The Indonesian glossary (docs/glosarium.md, issue 17 item 9) names every
//! statement keyword the checker knows, so a writer finds each word there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

#[test]
fn the_glossary_names_every_statement_keyword() {
    let text = std::fs::read_to_string(common::berkas("docs/glosarium.md")).unwrap();
    let missing: Vec<&str> = juknis::model::lower::statement_shapes()
        .map(|(k, _)| k)
        .filter(|k| !text.contains(&format!("`{k}`")))
        .collect();
    assert!(missing.is_empty(), "not in docs/glosarium.md: {missing:?}");
}
