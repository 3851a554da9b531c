//! Replays the committed fuzz corpora (`fuzz/corpus/TARGET/`) through the fuzz
//! targets' own bodies (`fuzz/bodies/`), so every input the fuzzers ever kept —
//! including those that once found a bug — is checked again on every
//! `cargo test`, without the nightly toolchain. A panic names the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../fuzz/bodies/csv.rs"]
mod csv;
#[path = "../fuzz/bodies/format.rs"]
mod format;
#[path = "../fuzz/bodies/jalankan.rs"]
mod jalankan;
#[path = "../fuzz/bodies/periksa.rs"]
mod periksa;
#[path = "../fuzz/bodies/rencana.rs"]
mod rencana;

mod common;

/// Feed every file of one corpus to `run`; returns how many there were.
fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = common::root().join("fuzz/corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        if std::panic::catch_unwind(|| run(&bytes)).is_err() {
            panic!("fuzz target `{target}` fails on {}", f.display());
        }
    }
    files.len()
}

#[test]
fn check_corpus() {
    assert!(replay("periksa", periksa::run) > 1000);
}

#[test]
fn format_corpus() {
    assert!(replay("format", format::run) > 1000);
}

#[test]
fn rencana_corpus() {
    assert!(replay("rencana", rencana::run) > 1000);
}

#[test]
fn run_corpus() {
    assert!(replay("jalankan", jalankan::run) > 1000);
}

#[test]
fn csv_corpus() {
    assert!(replay("csv", csv::run) > 1000);
}
