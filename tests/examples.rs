//! Every file in juknis-examples/ says in its header which codes it must produce
//! (`// diharapkan: kuota.total, …` or `// diharapkan: sesuai`), and marks the
//! line of each diagnostic inline (`//~ kuota.total` at the end of the line,
//! rustc-style). This test checks the codes, their lines and their count, and
//! snapshots the rendered diagnostics (both languages) and the compiled plans.
//! Adding a case is adding a file.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::diagnostic::render::{human, Options};
use juknis::diagnostic::Lang;

#[test]
fn every_example_produces_exactly_the_codes_its_header_names() {
    let files = common::examples();
    assert!(
        files.len() >= 38,
        "expected the bundled examples, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        let src = String::from_utf8_lossy(&bytes);
        let Some(want) = common::expected(&src) else {
            failures.push(format!("{}: no `// diharapkan:` header", f.display()));
            continue;
        };
        let checked = juknis::check_bytes(&bytes);
        let mut got: Vec<String> = checked.diagnostics.iter().map(|d| d.code.clone()).collect();
        got.sort();
        got.dedup();
        if got != want {
            let opts = Options {
                lang: Lang::Id,
                color: false,
            };
            failures.push(format!(
                "{}\n  expected: {want:?}\n  got:      {got:?}\n{}",
                f.display(),
                human(&checked.diagnostics, &f.display().to_string(), &src, &opts)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples wrong:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// Each diagnostic's primary label starts on the line its `//~` marker is on,
/// and there are exactly as many diagnostics of each code as markers: a check
/// that moves to another line, fires twice, or goes silent fails here.
#[test]
fn every_diagnostic_is_on_the_line_its_marker_names() {
    let mut failures = Vec::new();
    let mut marked = 0;
    for f in common::examples() {
        let bytes = std::fs::read(&f).unwrap_or_default();
        let src = String::from_utf8_lossy(&bytes);
        let want = common::markers(&src);
        marked += want.len();
        let checked = juknis::check_bytes(&bytes);
        let mut got: Vec<(usize, String)> = checked
            .diagnostics
            .iter()
            .map(|d| {
                let line = d.primary_span().map_or(0, |s| {
                    src[..s.start.min(src.len())].matches('\n').count() + 1
                });
                (line, d.code.clone())
            })
            .collect();
        got.sort();
        if got != want {
            failures.push(format!(
                "{}\n  markers:     {want:?}\n  diagnostics: {got:?}",
                f.display()
            ));
        }
        // The header's summary names the same codes as the markers.
        if let Some(header) = common::expected(&src) {
            let mut codes: Vec<String> = want.iter().map(|(_, c)| c.clone()).collect();
            codes.sort();
            codes.dedup();
            if codes != header {
                failures.push(format!(
                    "{}: header names {header:?}, markers {codes:?}",
                    f.display()
                ));
            }
        }
    }
    assert!(marked >= 100, "only {marked} markers in the examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// English messages are English: outside `code` and "quoted" parts (which
/// show juknis source), no Indonesian word for a unit or a common noun.
#[test]
fn english_messages_have_no_indonesian_words() {
    const KATA: [&str; 14] = [
        "tahun", "bulan", "hari", "minggu", "jam", "menit", "kursi", "orang", "persen", "bita",
        "sekolah", "berkas", "baris", "kolom",
    ];
    let mut found = Vec::new();
    for f in common::examples() {
        let bytes = std::fs::read(&f).unwrap_or_default();
        for d in juknis::check_bytes(&bytes).diagnostics {
            let mut texts = vec![d.message.en.clone()];
            texts.extend(d.help.iter().map(|t| t.en.clone()));
            texts.extend(d.notes.iter().map(|t| t.en.clone()));
            texts.extend(
                d.labels
                    .iter()
                    .filter_map(|l| l.message.as_ref().map(|t| t.en.clone())),
            );
            for t in texts {
                // Drop `code` and "quoted" spans: they show source as written.
                let mut plain = String::new();
                let mut inside: Option<char> = None;
                for c in t.chars() {
                    match inside {
                        Some(q) if c == q => inside = None,
                        Some(_) => {}
                        None if c == '`' || c == '"' => inside = Some(c),
                        None => plain.push(c),
                    }
                }
                let words: Vec<String> = plain
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .map(str::to_lowercase)
                    .collect();
                for k in KATA {
                    if words.iter().any(|w| w == k) {
                        found.push(format!("{} [{}]: `{k}` in {t:?}", f.display(), d.code));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn there_are_enough_conforming_and_violating_examples_for_every_jenjang() {
    let files = common::examples();
    let mut sesuai = 0;
    let mut melanggar = 0;
    let mut jenjang = std::collections::BTreeSet::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        let src = String::from_utf8_lossy(&bytes);
        match common::expected(&src) {
            Some(v) if v.is_empty() => {
                sesuai += 1;
                if let Some(j) = juknis::check_bytes(&bytes).juknis.and_then(|j| j.jenjang()) {
                    jenjang.insert(j.as_str());
                }
            }
            Some(_) => melanggar += 1,
            None => {}
        }
    }
    assert!(sesuai >= 8, "only {sesuai} conforming examples");
    assert!(melanggar >= 30, "only {melanggar} non-conforming examples");
    assert_eq!(
        jenjang.into_iter().collect::<Vec<_>>(),
        vec!["SD", "SMA", "SMK", "SMP", "TK"]
    );
}

#[test]
fn rendered_diagnostics_snapshots() {
    for f in common::examples() {
        let bytes = std::fs::read(&f).unwrap_or_default();
        let src = String::from_utf8_lossy(&bytes);
        if common::expected(&src).is_some_and(|v| v.is_empty()) {
            continue;
        }
        let checked = juknis::check_bytes(&bytes);
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (lang, tag) in [(Lang::Id, "id"), (Lang::En, "en")] {
            let opts = Options { lang, color: false };
            let text = human(&checked.diagnostics, &name, &src, &opts);
            insta::assert_snapshot!(format!("{}__{tag}", common::snap_name(&f)), text);
        }
    }
}

#[test]
fn compiled_plan_snapshots() {
    for f in common::examples() {
        let bytes = std::fs::read(&f).unwrap_or_default();
        let src = String::from_utf8_lossy(&bytes);
        if !common::expected(&src).is_some_and(|v| v.is_empty()) {
            continue;
        }
        let checked = juknis::check_bytes(&bytes);
        assert!(
            checked.errors() == 0 && checked.juknis.is_some(),
            "{} does not compile",
            f.display()
        );
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // A file split by jenjang gives one plan per section.
        let semua = checked.semua();
        for j in &semua {
            let plan = juknis::compile::compile(j, checked.rulebook, &name, &bytes);
            // The plan must load back (version and integrity) to the same value.
            assert_eq!(juknis::plan::load(&plan.to_json()).as_ref(), Ok(&plan));
            assert_eq!(juknis::plan::load(&plan.to_yaml()).as_ref(), Ok(&plan));
            // The snapshot shows what the plan says: the compiler version and the
            // hashes (which change with every edit of the source, comments
            // included) are redacted; the round trip above checks the hash.
            let mut shown = plan.clone();
            shown.kompiler.versi = "[versi]".into();
            shown.sumber.sha256 = "[sha256]".into();
            shown.sha256_rencana = "[sha256]".into();
            let snap = match semua.len() {
                1 => format!("plan__{}", common::snap_name(&f)),
                _ => format!(
                    "plan__{}__{}",
                    common::snap_name(&f),
                    plan.juknis.jenjang.as_str()
                ),
            };
            insta::assert_snapshot!(snap, shown.to_json());
        }
    }
}
