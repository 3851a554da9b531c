//! The strict CSV reader on any bytes as an applicants file (with the bundled
//! schools and the Jawa Timur plan): never a panic, and when the file reads,
//! every non-blank line after the header is exactly one applicant or one row set
//! aside — no row lost, none merged.
//! The body is shared by the fuzz target (fuzz/fuzz_targets/) and the corpus
//! replay test (tests/fuzz_corpus.rs).
use juknis::engine::{data, ModusRusak, Prepared, Sekolah};
use std::sync::OnceLock;

fn prepared() -> &'static (Prepared, Vec<Sekolah>) {
    static S: OnceLock<(Prepared, Vec<Sekolah>)> = OnceLock::new();
    S.get_or_init(|| {
        let src = include_str!("../../juknis-examples/sesuai/jatim-sma-2025.juknis");
        let checked = juknis::check_bytes(src.as_bytes());
        let j = checked.juknis.as_ref().expect("example parses");
        let plan = juknis::compile::compile(j, checked.rulebook, "jatim.juknis", src.as_bytes());
        let prepared = Prepared::from_plan(&plan).expect("example plan runs");
        let s = include_bytes!("../../juknis-examples/data/sekolah.csv");
        let (sekolah, _) =
            data::read_sekolah("s.csv", s, ModusRusak::Berhenti).expect("schools read");
        (prepared, sekolah)
    })
}

/// Non-blank lines after the first, with LF, CRLF and lone CR all ending a line.
fn baris_data(b: &[u8]) -> usize {
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    let text = String::from_utf8_lossy(b);
    let mut lines = text.split("\r\n").flat_map(|l| l.split(['\n', '\r']));
    lines.next();
    lines
        .filter(|l| !l.chars().all(|c| c == ' ' || c == '\t'))
        .count()
}

pub fn run(bytes: &[u8]) {
    let (prepared, sekolah) = prepared();
    // A valid header first half the time, so rows are exercised, not only headers.
    let header = b"nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,lintang,bujur,wilayah,status,rapor,indeks_sekolah_asal,lomba_kategori,lomba_peringkat\n";
    let mut owned;
    let input: &[u8] = if bytes.first().is_some_and(|b| b % 2 == 0) {
        owned = header.to_vec();
        owned.extend_from_slice(&bytes[1..]);
        &owned
    } else {
        bytes
    };
    if let Ok(bacaan) = data::read_pendaftar("p.csv", input, prepared, sekolah, ModusRusak::Lewati)
    {
        let n = bacaan.pendaftar.len() + bacaan.rusak.len();
        assert_eq!(
            n,
            baris_data(input),
            "every data line is one row, read or set aside"
        );
    }
}
