//! The VS Code extension in editors/vscode (issue 17, item 2) stays in step
//! with the language: its TextMate grammar highlights every statement keyword
//! the checker knows, and the manifest names files that exist. The extension
//! itself only starts `juknis lsp`, which tests/lsp.rs drives.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

fn read_json(rel: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(common::berkas(rel)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_grammar_highlights_every_statement_keyword() {
    let g = read_json("editors/vscode/syntaxes/juknis.tmLanguage.json");
    assert_eq!(g["scopeName"], "source.juknis");
    let pattern = g["patterns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "keyword.other.statement.juknis")
        .unwrap()["match"]
        .as_str()
        .unwrap()
        .to_string();
    let listed: Vec<&str> = pattern
        .trim_start_matches("\\b(?:")
        .trim_end_matches(")\\b")
        .split('|')
        .collect();
    for (kw, _) in juknis::model::lower::statement_shapes() {
        assert!(listed.contains(&kw), "`{kw}` is not highlighted");
    }
}

#[test]
fn the_manifest_names_files_that_exist() {
    let m = read_json("editors/vscode/package.json");
    assert_eq!(m["contributes"]["languages"][0]["extensions"][0], ".juknis");
    for rel in [
        m["main"].as_str().unwrap().to_string(),
        m["contributes"]["grammars"][0]["path"]
            .as_str()
            .unwrap()
            .to_string(),
        m["contributes"]["languages"][0]["configuration"]
            .as_str()
            .unwrap()
            .to_string(),
    ] {
        let p = common::berkas("editors/vscode").join(rel.trim_start_matches("./"));
        assert!(p.is_file(), "{}", p.display());
    }
    // The extension starts the language server of this repository's binary.
    let js = std::fs::read_to_string(common::berkas("editors/vscode/extension.js")).unwrap();
    assert!(js.contains("\"lsp\""));
    read_json("editors/vscode/language-configuration.json");
}
