//! Nothing lost, nothing silently wrong (issue 12): one test per way the files
//! around the engine could lose a row or read a wrong value. Each asserts the
//! code and the place of the problem, and where rows are set aside, that every
//! input NISN is in the result exactly once.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::diagnostic::Lang;
use juknis::engine::{self, data, ModusRusak, Prepared, RunOptions};

fn plan_of(path: &str) -> (juknis::plan::Plan, Prepared) {
    let src = std::fs::read(common::berkas(path)).unwrap();
    let c = juknis::check_bytes(&src);
    assert_eq!(c.errors(), 0, "{path}");
    let plan = juknis::compile::compile(c.juknis.as_ref().unwrap(), c.rulebook, "t.juknis", &src);
    let prepared = Prepared::from_plan(&plan).unwrap();
    (plan, prepared)
}

fn jatim() -> Prepared {
    plan_of("juknis-examples/sesuai/jatim-sma-2025.juknis").1
}

fn sekolah() -> Vec<engine::Sekolah> {
    let text = std::fs::read(common::berkas("juknis-examples/data/sekolah.csv")).unwrap();
    data::read_sekolah("sekolah.csv", &text, ModusRusak::Berhenti)
        .unwrap()
        .0
}

fn pendaftar() -> Vec<String> {
    std::fs::read_to_string(common::berkas("juknis-examples/data/pendaftar.csv"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn read_pendaftar(
    lines: &[String],
    modus: ModusRusak,
) -> Result<data::PendaftarFile, data::DataError> {
    read_text(&(lines.join("\n") + "\n"), modus)
}

fn read_text(text: &str, modus: ModusRusak) -> Result<data::PendaftarFile, data::DataError> {
    data::read_pendaftar("p.csv", text.as_bytes(), &jatim(), &sekolah(), modus)
}

#[track_caller]
fn gagal(lines: &[String]) -> data::DataError {
    match read_pendaftar(lines, ModusRusak::Berhenti) {
        Ok(_) => panic!("expected a problem"),
        Err(m) => m,
    }
}

fn col(lines: &[String], name: &str) -> usize {
    lines[0].split(',').position(|c| c == name).unwrap()
}

fn set(lines: &mut [String], line: usize, name: &str, value: &str) {
    let i = col(lines, name);
    let mut f: Vec<String> = lines[line - 1].split(',').map(str::to_string).collect();
    f[i] = value.to_string();
    lines[line - 1] = f.join(",");
}

/// Every NISN of the input is in the result exactly once, counted.
#[track_caller]
fn nothing_lost(lines: &[String]) {
    let bacaan = read_pendaftar(lines, ModusRusak::Lewati).unwrap();
    let hasil = engine::run(&jatim(), &sekolah(), &bacaan, &RunOptions::default());
    let mut want: Vec<String> = lines[1..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let mut got: Vec<String> = hasil.pendaftar.iter().map(|p| p.nisn.to_string()).collect();
    want.sort();
    got.sort();
    assert_eq!(want.len(), got.len(), "rows in, rows out");
    assert_eq!(want, got);
}

#[test]
fn a_stray_quote_in_an_unread_column_is_one_bad_row() {
    let mut lines = pendaftar();
    // `indeks_sekolah_asal` is read; `lomba_peringkat` of a row without a
    // competition is not: a quote opened there used to swallow every row after it.
    set(&mut lines, 5, "lomba_peringkat", "\"juara");
    let m = gagal(&lines);
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("data.baris", 5, Some("lomba_peringkat")),
        "{}",
        m.render(Lang::En)
    );
    assert!(
        m.render(Lang::En).contains("quote"),
        "{}",
        m.render(Lang::En)
    );
    nothing_lost(&lines);
    let bacaan = read_pendaftar(&lines, ModusRusak::Lewati).unwrap();
    assert_eq!(bacaan.pendaftar.len(), lines.len() - 2);
    assert_eq!(bacaan.rusak.len(), 1);
    // A quoted cell that runs over the line end is refused on the line it opens.
    let mut lines = pendaftar();
    set(&mut lines, 9, "status", "\"ketm");
    lines[9] = format!("ketm\",{}", lines[9]);
    let m = gagal(&lines);
    assert_eq!((m.kode, m.baris), ("data.baris", 9));
}

#[test]
fn a_decimal_comma_shifts_no_row_and_reads_no_other_number() {
    let mut lines = pendaftar();
    set(&mut lines, 7, "rapor", "85,5");
    let m = gagal(&lines);
    assert_eq!(
        (m.kode, m.baris),
        ("data.baris", 7),
        "{}",
        m.render(Lang::En)
    );
    assert!(m.render(Lang::En).contains("decimal comma"));
    // Quoted, the comma stays in the cell and is refused as a value.
    let mut lines = pendaftar();
    set(&mut lines, 7, "rapor", "\"85,5\"");
    let m = gagal(&lines);
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("data.nilai", 7, Some("rapor"))
    );
    assert!(m.render(Lang::En).contains("write it with a dot: 85.5"));
    let mut lines = pendaftar();
    set(&mut lines, 7, "indeks_sekolah_asal", "\"1,000\"");
    let m = gagal(&lines);
    assert!(
        m.render(Lang::En).contains("thousands comma"),
        "{}",
        m.render(Lang::En)
    );
}

#[test]
fn every_row_has_the_header_field_count() {
    let mut lines = pendaftar();
    lines[11].push_str(",extra");
    let m = gagal(&lines);
    assert_eq!((m.kode, m.baris), ("data.baris", 12));
    let mut lines = pendaftar();
    let cut = lines[13].rfind(',').unwrap();
    lines[13].truncate(cut);
    let m = gagal(&lines);
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("data.baris", 14, Some("lomba_peringkat"))
    );
    nothing_lost(&lines);
}

#[test]
fn a_file_cut_off_inside_its_last_row_is_reported() {
    let text =
        std::fs::read_to_string(common::berkas("juknis-examples/data/pendaftar.csv")).unwrap();
    let cut = &text[..text.len() - 40];
    let last = cut.lines().count() as u64;
    let m = read_text(cut, ModusRusak::Berhenti).err().unwrap();
    assert_eq!(
        (m.kode, m.baris),
        ("data.baris", last),
        "{}",
        m.render(Lang::En)
    );
    assert!(
        m.render(Lang::En).contains("cut off"),
        "{}",
        m.render(Lang::En)
    );
}

#[test]
fn columns_the_plan_needs_are_checked_before_any_row() {
    for name in ["status", "wilayah", "tanggal_lahir"] {
        let lines = pendaftar();
        let i = col(&lines, name);
        let without: Vec<String> = lines
            .iter()
            .map(|l| {
                let mut f: Vec<&str> = l.split(',').collect();
                f.remove(i);
                f.join(",")
            })
            .collect();
        let m = gagal(&without);
        assert_eq!(
            (m.kode, m.baris, m.kolom.as_deref()),
            ("data.kolom", 1, Some(name)),
            "{}",
            m.render(Lang::En)
        );
    }
}

#[test]
fn a_school_without_coordinates_is_named_when_distance_comes_from_them() {
    let text = std::fs::read_to_string(common::berkas("juknis-examples/data/sekolah.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let f: Vec<&str> = lines[2].split(',').collect();
    let npsn = f[0].to_string();
    lines[2] = format!("{},{},{},,,{}", f[0], f[1], f[2], f[5..].join(","));
    let (sekolah, _) = data::read_sekolah(
        "sekolah.csv",
        (lines.join("\n") + "\n").as_bytes(),
        ModusRusak::Berhenti,
    )
    .unwrap();
    let p = pendaftar().join("\n") + "\n";
    let m = data::read_pendaftar(
        "p.csv",
        p.as_bytes(),
        &jatim(),
        &sekolah,
        ModusRusak::Berhenti,
    )
    .err()
    .unwrap();
    assert_eq!((m.kode, m.baris), ("data.kolom", 1));
    let text = m.render(Lang::En);
    assert!(text.contains(&npsn) && text.contains("line 3"), "{text}");
}

#[test]
fn cell_limits_hold_in_unread_columns_too() {
    let mut lines = pendaftar();
    lines[0].push_str(",catatan");
    for (i, l) in lines.iter_mut().enumerate().skip(1) {
        l.push(',');
        if i == 20 {
            l.push_str(&"x".repeat(5000));
        }
    }
    let m = gagal(&lines);
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("batas.sel", 21, Some("catatan"))
    );
}

#[test]
fn blank_lines_count_against_the_row_limit() {
    let text = format!("{}\n{}", pendaftar()[0], "\n".repeat(50));
    let small = juknis::batas::Batas {
        baris_data: 10,
        ..Default::default()
    };
    let m = data::read_pendaftar_with(
        "p.csv",
        text.as_bytes(),
        &jatim(),
        &sekolah(),
        ModusRusak::Berhenti,
        &small,
    )
    .err()
    .unwrap();
    assert_eq!(m.kode, "batas.baris");
}

#[test]
fn endless_or_binary_files_stop_at_a_limit() {
    let m = data::read_file(std::path::Path::new("/dev/zero"), 1 << 30).unwrap_err();
    assert_eq!(m.kode, "berkas.biner");
    let dir = common::tempdir("besar");
    let big = dir.join("besar.csv");
    std::fs::write(&big, "nisn\n".repeat(1000)).unwrap();
    let m = data::read_file(&big, 1000).unwrap_err();
    assert_eq!(m.kode, "batas.ukuran");
    assert!(data::read_file(&big, 10_000).is_ok());
    std::fs::remove_file(&big).unwrap();
}

#[test]
fn cr_only_files_get_the_right_line_numbers() {
    let mut lines = pendaftar();
    set(&mut lines, 30, "tanggal_lahir", "2010-02-30");
    let text = lines.join("\r") + "\r";
    let m = read_text(&text, ModusRusak::Berhenti).err().unwrap();
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("data.nilai", 30, Some("tanggal_lahir"))
    );
    let text = lines.join("\r\n") + "\r\n";
    let m = read_text(&text, ModusRusak::Berhenti).err().unwrap();
    assert_eq!(m.baris, 30);
}

#[test]
fn implausible_dates_are_problems() {
    for (name, value) in [
        ("tanggal_lahir", "2026-01-01"),
        ("tanggal_lahir", "1900-01-01"),
        ("waktu_daftar", "1900-06-10 08:00:00"),
        ("waktu_daftar", "2030-06-10 08:00:00"),
    ] {
        let mut lines = pendaftar();
        set(&mut lines, 12, name, value);
        let m = gagal(&lines);
        assert_eq!(
            (m.kode, m.baris, m.kolom.as_deref()),
            ("data.nilai", 12, Some(name)),
            "{value}: {}",
            m.render(Lang::En)
        );
    }
}

#[test]
fn lookalike_nisn_are_one_applicant() {
    let lines = pendaftar();
    let nisn = lines[3].split(',').next().unwrap().to_string();
    let wide: String = nisn
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap())
        .collect();
    for lookalike in [
        wide,
        format!("\u{200B}{nisn}"),
        format!("{} {}", &nisn[..4], &nisn[4..]),
        format!("{nisn}\u{00A0}"),
    ] {
        let mut l = lines.clone();
        set(&mut l, 40, "nisn", &lookalike);
        let m = gagal(&l);
        assert_eq!(
            (m.kode, m.baris, m.kolom.as_deref()),
            ("data.ganda", 40, Some("nisn")),
            "{lookalike:?}"
        );
    }
    // Only digits: a NISN can never look like the id a set-aside row without
    // one gets in hasil.csv (`baris:N`).
    for bukan in ["12345X", "baris:12"] {
        let mut l = lines.clone();
        set(&mut l, 40, "nisn", bukan);
        let m = gagal(&l);
        assert_eq!((m.kode, m.baris), ("data.nilai", 40), "{bukan}");
    }
}

#[test]
fn a_repeat_involving_a_broken_row_still_stops_the_run() {
    let mut lines = pendaftar();
    let nisn = lines[3].split(',').next().unwrap().to_string();
    // Line 40 repeats line 4's NISN and is broken (bad date): set aside, but the
    // repeat is found.
    set(&mut lines, 40, "nisn", &nisn);
    set(&mut lines, 40, "tanggal_lahir", "2010-13-01");
    let m = read_pendaftar(&lines, ModusRusak::Lewati).err().unwrap();
    assert_eq!((m.kode, m.kolom.as_deref()), ("data.ganda", Some("nisn")));
    assert_eq!(m.baris, 40, "{}", m.render(Lang::En));
    // Two broken rows with one NISN, one of them with a bad field count.
    let mut lines = pendaftar();
    set(&mut lines, 40, "nisn", &nisn);
    set(&mut lines, 4, "tanggal_lahir", "x");
    lines[39].push_str(",extra");
    let m = read_pendaftar(&lines, ModusRusak::Lewati).err().unwrap();
    assert_eq!((m.kode, m.baris), ("data.ganda", 40));
}

#[test]
fn two_units_of_one_wave_on_one_row_are_refused() {
    let mut lines = pendaftar();
    // Jawa Timur: afirmasi and mutasi are both in wave 1.
    set(&mut lines, 15, "jalur", "afirmasi.ketm;mutasi");
    let m = gagal(&lines);
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("data.nilai", 15, Some("jalur"))
    );
    assert!(m
        .render(Lang::En)
        .contains("the plan allows 1 jalur per wave"));
}

#[test]
fn utf16_files_and_invisible_header_characters_are_named() {
    let text = pendaftar().join("\n");
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let m = data::read_pendaftar("p.csv", &utf16, &jatim(), &sekolah(), ModusRusak::Berhenti)
        .err()
        .unwrap();
    assert!(
        m.render(Lang::En).contains("UTF-16"),
        "{}",
        m.render(Lang::En)
    );
    let mut lines = pendaftar();
    lines[0] = lines[0].replacen("status", "status\u{200B}", 1);
    let m = gagal(&lines);
    assert_eq!((m.kode, m.baris), ("data.kolom", 1));
    assert!(
        m.render(Lang::En).contains("U+200B"),
        "{}",
        m.render(Lang::En)
    );
}

/// A file over 1 MiB is cut into pieces read in parallel: with CRLF line
/// ends, every row is read once with its own line number, and a bad row deep
/// in the file is set aside with its line.
#[test]
fn a_large_file_read_in_pieces_keeps_every_row_and_line_number() {
    let lines = pendaftar();
    let nisn = col(&lines, "nisn");
    let body: Vec<&String> = lines[1..].iter().filter(|l| !l.trim().is_empty()).collect();
    let mut out = vec![lines[0].clone()];
    let mut size = 0;
    let mut k = 0u64;
    while size < 1_300_000 {
        for l in &body {
            let mut f: Vec<String> = l.split(',').map(str::to_string).collect();
            f[nisn] = format!("{}", 3_000_000_000u64 + k);
            k += 1;
            let row = f.join(",");
            size += row.len() + 2;
            out.push(row);
        }
    }
    let bad = out.len() * 2 / 3;
    set(&mut out, bad, "tanggal_lahir", "2009-02-30");
    let text = out.join("\r\n") + "\r\n";
    assert!(text.len() > 1 << 20, "{} bytes", text.len());
    let b = read_text(&text, ModusRusak::Lewati).unwrap();
    assert_eq!(b.pendaftar.len() + b.rusak.len(), out.len() - 1);
    assert_eq!(b.rusak.len(), 1);
    assert_eq!(b.rusak[0].masalah.baris, bad as u64);
    for p in &b.pendaftar {
        let line = &out[p.baris as usize - 1];
        assert_eq!(
            line.split(',').nth(nisn),
            Some(p.nisn.as_str()),
            "line {}",
            p.baris
        );
    }
}
