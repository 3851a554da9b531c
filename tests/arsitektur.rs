//! The layering, checked on the source: the reference engine reads only the
//! plan (and the shared text and limits modules), as an outside engine must;
//! the plan's types import nothing of the checker; the bottom modules import
//! nothing at all; and no two top-level modules import each other, directly or
//! round a longer loop. docs/development.md draws the same picture.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → (module it names via `crate::…`, file that names it).
fn imports() -> BTreeMap<String, BTreeSet<(String, String)>> {
    let mut out: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    let src = common::root().join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    assert!(files.len() > 40, "found only {} source files", files.len());
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let top = rel
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        let text = std::fs::read_to_string(&f).unwrap();
        let entry = out.entry(top.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let name: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::t` is the text macro, exported at the root.
            let name = if name == "t" {
                "text".to_string()
            } else {
                name
            };
            if name != top && !name.is_empty() {
                entry.insert((name, rel.clone()));
            }
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn outside(module: &str, allowed: &[&str]) -> Vec<String> {
    imports()
        .get(module)
        .unwrap_or_else(|| panic!("no module {module}"))
        .iter()
        .filter(|(m, _)| !allowed.contains(&m.as_str()))
        .map(|(m, f)| format!("src/{f} imports crate::{m}"))
        .collect()
}

#[test]
fn the_engine_reads_only_the_plan() {
    let bad = outside("engine", &["plan", "text", "batas"]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_plan_imports_nothing_of_the_checker() {
    let bad = outside("plan", &["text", "batas"]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_bottom_modules_import_nothing() {
    for m in ["text", "batas", "span", "atomic"] {
        let bad = outside(m, &[]);
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}

/// The command line and the library root sit above everything; every other
/// pair of top-level modules depends one way at most.
#[test]
fn no_import_cycle_between_modules() {
    let g: BTreeMap<String, BTreeSet<String>> = imports()
        .into_iter()
        .filter(|(m, _)| !["lib", "main", "cli"].contains(&m.as_str()))
        .map(|(m, to)| (m, to.into_iter().map(|(t, _)| t).collect()))
        .collect();
    // Depth-first search for a back edge, reporting the loop.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut cycle = path[i..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for n in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(n, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(c) = visit(m, &g, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", c.join(" → "));
        }
    }
    // The test sees the modules it guards.
    for m in [
        "engine",
        "plan",
        "model",
        "rules",
        "syntax",
        "diagnostic",
        "rulebook",
    ] {
        assert!(g.contains_key(m), "module {m} not found");
    }
}

/// Indonesian verbs and connectives: by the naming rule (docs/development.md,
/// "Names") a function says what it does in English, so none of these may be a
/// word of a function's name. Indonesian nouns of the domain stay (`read_pendaftar`).
const INDONESIAN_VERBS: &[&str] = &[
    "baca",
    "tulis",
    "periksa",
    "jalankan",
    "buat",
    "cari",
    "bagi",
    "hitung",
    "pisah",
    "potong",
    "pasang",
    "tampil",
    "tampilkan",
    "alihkan",
    "masuk",
    "muat",
    "simpan",
    "ubah",
    "hapus",
    "tambah",
    "urut",
    "urutkan",
    "tandatangani",
    "membuktikan",
    "susun",
    "ambil",
    "beri",
    "kirim",
    "lewati",
    "dari",
    "dengan",
    "ke",
    "untuk",
    "dan",
    "atau",
    "yang",
];

/// The word lists of every function name in these folders.
fn function_names(dirs: &[&str]) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for d in dirs {
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(d), &mut files);
    }
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, _) in text.match_indices("fn ") {
            if i > 0 && text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let name: String = text[i + 3..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((name, f.display().to_string()));
            }
        }
    }
    out
}

#[test]
fn function_names_use_english_verbs() {
    let bad: Vec<String> = function_names(&["src", "web/src", "tests", "benches", "fuzz/bodies"])
        .into_iter()
        .filter(|(name, _)| {
            name.split('_')
                .any(|w| INDONESIAN_VERBS.contains(&w.to_ascii_lowercase().as_str()))
        })
        .map(|(name, f)| format!("{f}: fn {name}"))
        .collect();
    assert!(
        bad.is_empty(),
        "rename (docs/development.md, Names):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_naming_check_sees_functions() {
    let names = function_names(&["src"]);
    assert!(names.iter().any(|(n, _)| n == "read_pendaftar"));
    assert!(names.iter().any(|(n, _)| n == "check_bytes_with"));
}
