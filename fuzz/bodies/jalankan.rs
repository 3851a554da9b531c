//! CSV loading + run on the Jawa Timur SMA plan: every applicant row appears in
//! the result exactly once, whatever the bytes.
//! The body is shared by the fuzz target (fuzz/fuzz_targets/) and the corpus
//! replay test (tests/fuzz_corpus.rs).
use juknis::engine::{self, data, ModusRusak, Prepared, RunOptions};
use std::sync::OnceLock;

fn prepared() -> &'static Prepared {
    static S: OnceLock<Prepared> = OnceLock::new();
    S.get_or_init(|| {
        let src = include_str!("../../juknis-examples/sesuai/jatim-sma-2025.juknis");
        let checked = juknis::check_bytes(src.as_bytes());
        let j = checked.juknis.as_ref().expect("example parses");
        let plan = juknis::compile::compile(j, checked.rulebook, "jatim.juknis", src.as_bytes());
        Prepared::from_plan(&plan).expect("example plan runs")
    })
}

pub fn run(data: &[u8]) {
    // Schools, then applicants, split at the first 0xFF byte.
    let cut = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let (s, p) = (&data[..cut], data.get(cut + 1..).unwrap_or(&[]));
    let Ok((sekolah, _)) = data::read_sekolah("s.csv", s, ModusRusak::Lewati) else {
        return;
    };
    let Ok(bacaan) = data::read_pendaftar("p.csv", p, prepared(), &sekolah, ModusRusak::Lewati)
    else {
        return;
    };
    let n = bacaan.pendaftar.len() + bacaan.rusak.len();
    let hasil = engine::run(prepared(), &sekolah, &bacaan, &RunOptions::default());
    assert_eq!(hasil.pendaftar.len(), n, "every row accounted for once");
}
