//! Reading the applicants file a block at a time (`run` does, issue 18) gives
//! exactly what reading its whole text gives — the same applicants in the same
//! order, the same rows set aside, the same first problem at the same line —
//! wherever the blocks cut the rows, with any line ends; and its hash is the
//! file's. `run_owned` (which `run` on the command line uses) gives `run`'s result.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::engine::{data, ModusRusak, Prepared};
use proptest::prelude::*;

fn jatim() -> Prepared {
    let src = std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jatim-sma-2025.juknis",
    ))
    .unwrap();
    let c = juknis::check_bytes(src.as_bytes());
    let plan = juknis::compile::compile(
        c.juknis.as_ref().unwrap(),
        c.rulebook,
        "jatim.juknis",
        src.as_bytes(),
    );
    Prepared::from_plan(&plan).unwrap()
}

fn sekolah() -> Vec<juknis::engine::Sekolah> {
    let text = std::fs::read(common::berkas("juknis-examples/data/sekolah.csv")).unwrap();
    data::read_sekolah("sekolah.csv", &text, ModusRusak::Berhenti)
        .unwrap()
        .0
}

/// What a reading shows a user: each applicant's NISN and line, each row set
/// aside, or the problem that stopped it.
fn shown(r: Result<data::PendaftarFile, data::DataError>) -> Result<Vec<String>, String> {
    match r {
        Ok(f) => Ok(f
            .pendaftar
            .iter()
            .map(|p| format!("{} {} {:?} {:?}", p.nisn, p.baris, p.pilihan, p.nilai))
            .chain(f.rusak.iter().map(|r| {
                format!(
                    "{} {}",
                    r.id,
                    r.masalah.render(juknis::diagnostic::Lang::En)
                )
            }))
            .collect()),
        Err(e) => Err(e.render(juknis::diagnostic::Lang::En)),
    }
}

fn both(
    text: &[u8],
    blok: usize,
    modus: ModusRusak,
    batas: &juknis::batas::Batas,
    prepared: &Prepared,
    sk: &[juknis::engine::Sekolah],
) -> (Result<Vec<String>, String>, Result<Vec<String>, String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.csv");
    std::fs::write(&path, text).unwrap();
    let name = path.display().to_string();
    let whole = shown(data::read_pendaftar_with(
        &name, text, prepared, sk, modus, batas,
    ));
    let blocks =
        data::read_pendaftar_blocks(&path, prepared, sk, modus, batas, blok).map(|(f, hash)| {
            assert_eq!(
                hash,
                juknis::atomic::sha256(text),
                "the hash is the whole file's"
            );
            f
        });
    (whole, shown(blocks))
}

#[test]
fn the_example_file_in_blocks_of_every_small_size() {
    let (prepared, sk) = (jatim(), sekolah());
    let text = std::fs::read(common::berkas("juknis-examples/data/pendaftar.csv")).unwrap();
    for blok in [1, 2, 3, 5, 17, 64, 100, 1000, 1 << 20] {
        let (whole, blocks) = both(
            &text,
            blok,
            ModusRusak::Berhenti,
            &Default::default(),
            &prepared,
            &sk,
        );
        assert!(whole.as_ref().is_ok_and(|v| v.len() > 100), "{whole:?}");
        assert_eq!(whole, blocks, "block of {blok} bytes");
    }
}

#[test]
fn an_empty_file_or_a_header_only_or_a_header_without_its_end() {
    let (prepared, sk) = (jatim(), sekolah());
    let text =
        std::fs::read_to_string(common::berkas("juknis-examples/data/pendaftar.csv")).unwrap();
    let header = text.lines().next().unwrap();
    for t in [
        String::new(),
        header.to_string(),
        format!("{header}\r"),
        format!("{header}\r\n"),
    ] {
        for blok in [1, 4, 1 << 16] {
            let (whole, blocks) = both(
                t.as_bytes(),
                blok,
                ModusRusak::Berhenti,
                &Default::default(),
                &prepared,
                &sk,
            );
            assert_eq!(whole, blocks, "{t:?} in blocks of {blok}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Any line ends (LF, CRLF, lone CR), a BOM, blank lines, broken rows, a
    /// repeated NISN, no last line end, a row limit, either mode, any block size.
    #[test]
    fn blocks_read_what_the_whole_text_reads(
        take in 1usize..60,
        ends in proptest::collection::vec(0u8..3, 60),
        blanks in proptest::collection::vec(0usize..60, 0..4),
        breaks in proptest::collection::vec((0usize..60, 0u8..3), 0..4),
        bom in any::<bool>(),
        last_end in any::<bool>(),
        lewati in any::<bool>(),
        limit in prop_oneof![Just(1_000_000usize), 1usize..40],
        blok in 1usize..400,
    ) {
        let (prepared, sk) = (jatim(), sekolah());
        let csv = std::fs::read_to_string(common::berkas("juknis-examples/data/pendaftar.csv")).unwrap();
        let mut lines: Vec<String> = csv.lines().map(String::from).collect();
        lines.truncate(take + 1);
        for (i, how) in breaks {
            if let Some(l) = lines.get_mut(i + 1) {
                match how {
                    0 => *l = l.replacen(',', ",,", 1),
                    1 => *l = format!("{},x", l),
                    _ => {
                        let nisn = lines[1].split(',').next().unwrap_or("").to_string();
                        let l = &mut lines[i + 1];
                        let rest = l.split_once(',').map(|x| x.1.to_string()).unwrap_or_default();
                        *l = format!("{nisn},{rest}");
                    }
                }
            }
        }
        for b in blanks {
            if b + 1 < lines.len() {
                lines.insert(b + 1, "  ".into());
            }
        }
        let mut text = String::new();
        if bom {
            text.push('\u{FEFF}');
        }
        let n = lines.len();
        for (i, l) in lines.iter().enumerate() {
            text.push_str(l);
            if i + 1 < n || last_end {
                text.push_str(["\n", "\r\n", "\r"][usize::from(ends[i % ends.len()])]);
            }
        }
        let modus = if lewati { ModusRusak::Lewati } else { ModusRusak::Berhenti };
        let batas = juknis::batas::Batas { baris_data: limit, ..Default::default() };
        let (whole, blocks) = both(text.as_bytes(), blok, modus, &batas, &prepared, &sk);
        prop_assert_eq!(whole, blocks);
    }
}

/// `run` as the CLI runs it (`run_owned`: result rows built in the applicants'
/// memory) gives `run`'s result exactly: rows (with rows set aside, no-shows
/// and move-ups), explain trace, keys and reserve lists.
#[test]
fn run_owned_gives_what_run_gives() {
    use juknis::engine::{output, RunOptions};
    let (prepared, sk) = (jatim(), sekolah());
    let csv =
        std::fs::read_to_string(common::berkas("juknis-examples/data/pendaftar.csv")).unwrap();
    let mut lines: Vec<String> = csv.lines().map(String::from).collect();
    // Two rows that cannot be read, set aside.
    lines[5] = format!("{},lebih", lines[5]);
    lines[40] = lines[40].replacen(',', ",,", 1);
    let text = lines.join("\n");
    let nisn = |i: usize| lines[i].split(',').next().unwrap().to_string();
    let read = || {
        data::read_pendaftar("p.csv", text.as_bytes(), &prepared, &sk, ModusRusak::Lewati).unwrap()
    };
    let pinjam = read();
    let diterima: Vec<String> = {
        let h = juknis::engine::run(&prepared, &sk, &pinjam, &RunOptions::default());
        h.pendaftar
            .iter()
            .filter(|r| r.status == juknis::engine::Status::Diterima)
            .take(3)
            .map(|r| r.nisn.to_string())
            .collect()
    };
    assert_eq!(diterima.len(), 3);
    let opsi = RunOptions {
        tidak_daftar_ulang: diterima.clone(),
        jejak: Some(nisn(20)),
        kunci: true,
        daftar_cadangan: true,
        ..Default::default()
    };
    let a = juknis::engine::run(&prepared, &sk, &pinjam, &opsi);
    let b = juknis::engine::run_owned(&prepared, &sk, read(), &opsi);
    let lang = juknis::diagnostic::Lang::Id;
    let csv_a = output::hasil_csv(&a, &prepared, &sk, lang);
    assert!(
        csv_a.contains("data_tidak_sah") && csv_a.contains("tidak_daftar_ulang"),
        "{csv_a}"
    );
    assert_eq!(csv_a, output::hasil_csv(&b, &prepared, &sk, lang));
    assert_eq!(a.pendaftar, b.pendaftar);
    assert!(a.jejak.len() > 3);
    assert_eq!(a.jejak, b.jejak);
    assert_eq!(a.kunci, b.kunci);
    assert_eq!(a.daftar_cadangan, b.daftar_cadangan);
    assert_eq!(a.ringkasan, b.ringkasan);
    assert_eq!(a.tidak_cocok, b.tidak_cocok);
}
