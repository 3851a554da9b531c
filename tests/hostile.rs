//! Hostile and broken input (issue 6): every kind of bad juknis source, plan
//! and CSV gets a diagnostic with a code and a location — never a panic, a hang,
//! unbounded memory or a silently dropped applicant. Sections follow the issue:
//! limits, plans, encodings and files, conservation. (Fuzzing: the targets are in
//! fuzz/; the one input they found is tests/regresi/, checked by tests/fmt.rs.)
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use juknis::check_bytes;
use juknis::diagnostic::Lang;
use juknis::engine::{self, data, ModusRusak, Prepared, RunOptions};
use proptest::prelude::*;

/// Code and 1-based line of each diagnostic.
fn at(bytes: &[u8]) -> Vec<(String, usize)> {
    let text = String::from_utf8_lossy(bytes);
    check_bytes(bytes)
        .diagnostics
        .into_iter()
        .map(|d| {
            let start = d.primary_span().map_or(0, |s| s.start);
            let line = text.as_bytes()[..start.min(text.len())]
                .iter()
                .filter(|&&c| c == b'\n')
                .count()
                + 1;
            (d.code, line)
        })
        .collect()
}

fn example(name: &str) -> String {
    std::fs::read_to_string(common::berkas(&format!("juknis-examples/sesuai/{name}"))).unwrap()
}

fn codes(bytes: &[u8]) -> Vec<String> {
    check_bytes(bytes)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn empty_file() {
    assert_eq!(codes(b""), vec!["berkas.kosong"]);
    assert_eq!(codes(b"  \n\t\n"), vec!["berkas.kosong"]);
}

#[test]
fn binary_garbage() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let c = codes(&bytes);
    assert_eq!(c.len(), 1);
    assert!(
        ["berkas.biner", "berkas.utf8"].contains(&c[0].as_str()),
        "{c:?}"
    );
}

#[test]
fn invalid_utf8_points_at_the_byte() {
    let mut bytes = b"juknis \"x\" {\n  jenjang SMA\n".to_vec();
    let at = bytes.len();
    bytes.extend_from_slice(&[0xff, 0xfe, b'\n', b'}']);
    let checked = check_bytes(&bytes);
    assert_eq!(checked.diagnostics.len(), 1);
    assert_eq!(checked.diagnostics[0].code, "berkas.utf8");
    assert_eq!(
        checked.diagnostics[0].primary_span().map(|s| s.start),
        Some(at)
    );
}

#[test]
fn ten_megabytes() {
    let bytes = vec![b'a'; 10 * 1024 * 1024];
    assert_eq!(codes(&bytes), vec!["batas.ukuran"]);
}

#[test]
fn ten_thousand_nested_braces() {
    let mut s = String::from("juknis \"x\" ");
    s.push_str(&"{".repeat(10_000));
    s.push_str(&"}".repeat(10_000));
    assert_eq!(codes(s.as_bytes()), vec!["batas.kedalaman"]);
}

#[test]
fn unclosed_block_is_placed_by_indentation_and_marks_its_opening_brace() {
    let src = "juknis \"x\" {\n  usia { maksimal 21 tahun\n}\n";
    let checked = check_bytes(src.as_bytes());
    let brace: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "sintaks")
        .collect();
    assert_eq!(brace.len(), 1);
    // Where the `usia` block should have closed: the final `}` line…
    assert_eq!(brace[0].primary_span().map(|s| s.start), src.rfind('}'));
    // …and where it opened.
    let usia = src.find("usia {").unwrap() + "usia ".len();
    assert!(brace[0]
        .labels
        .iter()
        .any(|l| !l.primary && l.span.start == usia));
    // The rest is still checked (this fragment lacks nearly everything).
    assert!(checked
        .diagnostics
        .iter()
        .any(|d| d.code == "struktur.wajib" || d.code == "juknis.isi"));
}

#[test]
fn not_a_juknis_at_all() {
    let c = codes(b"Hello, this is a letter.\n");
    assert_eq!(c, vec!["sintaks"]);
}

#[test]
fn crlf_bom_and_tabs_are_fine() {
    let src = "\u{feff}juknis \"x\" {\r\n\tacuan permendikdasmen-3-2025\r\n\tjenjang TK\r\n}\r\n";
    let checked = check_bytes(src.as_bytes());
    assert!(
        checked
            .diagnostics
            .iter()
            .all(|d| d.code != "sintaks" && d.code != "sintaks.pernyataan"),
        "{:?}",
        checked.diagnostics
    );
}

#[test]
fn huge_numbers_are_range_errors() {
    let src = "juknis \"x\" {\n  tahun_ajaran 99999/100000\n  jalur domisili 1000000000000000000000000000000% \n}\n";
    let c = codes(src.as_bytes());
    assert!(c.contains(&"nilai.rentang".to_string()), "{c:?}");
}

// ---- Limits ----------------------------------------------------------------

#[test]
fn a_line_over_ten_thousand_bytes() {
    let src = format!("juknis \"x\" {{\n  // {}\n}}\n", "é".repeat(6_000));
    let d = check_bytes(src.as_bytes()).diagnostics;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "batas.panjang_baris");
    // At the limit on line 2, on a character boundary.
    let start = d[0].primary_span().unwrap().start;
    assert!(src.is_char_boundary(start));
    assert_eq!(at(src.as_bytes()), [("batas.panjang_baris".to_string(), 2)]);
}

#[test]
fn too_many_jalur_waves_and_criteria() {
    let base = example("diy-sma-2025.juknis");
    // 70 extra jalur: the 65th (counting sub-jalur) is reported.
    let mut jalur = String::new();
    for i in 0..70 {
        jalur.push_str(&format!("  jalur tambahan{i} 0% {{ }}\n"));
    }
    let src = base.replacen(
        "  jalur mutasi 5% {",
        &format!("{jalur}  jalur mutasi 5% {{"),
        1,
    );
    let got = at(src.as_bytes());
    assert_eq!(
        got.iter().filter(|(c, _)| c == "batas.jumlah").count(),
        1,
        "{got:?}"
    );
    // Before the extra jalur, DIY has domisili and afirmasi with 2 sub-jalur
    // each, and prestasi: 7 items. The 65th is extra jalur number 57 (counting
    // from 0).
    let line = src
        .lines()
        .position(|l| l.contains("jalur tambahan57 "))
        .unwrap()
        + 1;
    assert!(
        got.contains(&("batas.jumlah".to_string(), line)),
        "{got:?} want line {line}"
    );
    // Over the limit, the regulation checks do not run (they compare jalur pairwise).
    assert!(
        got.iter().all(|(c, _)| c.starts_with("batas.")
            || c.starts_with("nama")
            || c.starts_with("struktur")),
        "{got:?}"
    );

    // DIY has 3 waves: the 33rd is the 30th added, `tahap 33`.
    let mut tahap = String::new();
    for i in 4..40 {
        tahap.push_str(&format!("  tahap {i} {{\n    jalur domisili\n  }}\n"));
    }
    let src = base.replacen("  biaya gratis", &format!("{tahap}  biaya gratis"), 1);
    let got = at(src.as_bytes());
    let line = src.lines().position(|l| l.contains("tahap 33 {")).unwrap() + 1;
    assert!(
        got.contains(&("batas.jumlah".to_string(), line)),
        "{got:?} want line {line}"
    );

    let src = base.replacen(
        "urutan jarak terdekat, usia tertua, waktu_daftar terawal\n    sub pindah_tugas",
        "urutan jarak terdekat, usia tertua, waktu_daftar terawal, jarak terdekat, usia tertua, waktu_daftar terawal, jarak terdekat, usia tertua, waktu_daftar terawal, usia tertua\n    sub pindah_tugas",
        1,
    );
    assert_ne!(src, base);
    assert!(at(src.as_bytes()).iter().any(|(c, _)| c == "batas.jumlah"));
}

#[test]
fn a_year_99999_and_a_quota_of_ten_to_the_thirty() {
    let src = example("diy-sma-2025.juknis")
        .replacen("pendaftaran 2025-06-16", "pendaftaran 99999-06-16", 1)
        .replacen(
            "jalur mutasi 5%",
            "jalur mutasi 1000000000000000000000000000000%",
            1,
        );
    let got = at(src.as_bytes());
    let year = src.lines().position(|l| l.contains("99999")).unwrap() + 1;
    let quota = src
        .lines()
        .position(|l| l.contains("jalur mutasi 1000"))
        .unwrap()
        + 1;
    assert!(
        got.iter()
            .any(|(c, l)| c.starts_with("nilai.") && *l == year),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(c, l)| c == "nilai.rentang" && *l == quota),
        "{got:?}"
    );
}

/// The command, run from the repository root (the tests name files relative
/// to it), whatever folder the tests run from.
fn juknis() -> Command {
    let mut c = Command::cargo_bin("juknis").unwrap();
    c.current_dir(common::root());
    c
}

#[test]
fn the_file_size_limit_can_be_raised_and_lowered() {
    let f = "juknis-examples/sesuai/diy-sma-2025.juknis";
    let out = juknis()
        .args(["--batas-ukuran", "100", "check", f])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("batas.ukuran") && text.contains("--batas-ukuran"),
        "{text}"
    );
    // 1.5 MB of comments is refused by default and read when the limit is raised.
    let dir = common::tempdir("hostile");
    let big = dir.join("besar.juknis");
    let body = format!(
        "{}{}",
        "// catatan panjang\n".repeat(80_000),
        example("diy-sma-2025.juknis")
    );
    std::fs::write(&big, body).unwrap();
    let out = juknis().args(["check"]).arg(&big).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("batas.ukuran"));
    let out = juknis()
        .args(["--batas-ukuran", "4000000", "check"])
        .arg(&big)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

// ---- Engine input limits ----------------------------------------------------

fn jatim() -> (juknis::plan::Plan, Prepared) {
    let src = example("jatim-sma-2025.juknis");
    let c = check_bytes(src.as_bytes());
    let plan = juknis::compile::compile(
        c.juknis.as_ref().unwrap(),
        c.rulebook,
        "jatim.juknis",
        src.as_bytes(),
    );
    let prepared = Prepared::from_plan(&plan).unwrap();
    (plan, prepared)
}

fn sekolah() -> Vec<engine::Sekolah> {
    let text = std::fs::read(common::berkas("juknis-examples/data/sekolah.csv")).unwrap();
    data::read_sekolah("sekolah.csv", &text, ModusRusak::Berhenti)
        .unwrap()
        .0
}

fn pendaftar_csv() -> String {
    std::fs::read_to_string(common::berkas("juknis-examples/data/pendaftar.csv")).unwrap()
}

#[track_caller]
fn masalah(csv: &str, batas: &juknis::batas::Batas) -> data::DataError {
    let (_, prepared) = jatim();
    match data::read_pendaftar_with(
        "p.csv",
        csv.as_bytes(),
        &prepared,
        &sekolah(),
        ModusRusak::Berhenti,
        batas,
    ) {
        Ok(_) => panic!("no error"),
        Err(m) => m,
    }
}

#[test]
fn too_many_rows_columns_or_bytes_in_a_cell() {
    let csv = pendaftar_csv();
    let small = juknis::batas::Batas {
        baris_data: 10,
        ..Default::default()
    };
    let m = masalah(&csv, &small);
    assert_eq!(
        (m.kode, m.baris),
        ("batas.baris", 12),
        "{}",
        m.render(Lang::En)
    );
    assert!(m.render(Lang::En).contains("--batas-baris"));

    let mut wide = csv.clone();
    let extra: String = (0..300).map(|i| format!(",x{i}")).collect();
    wide.insert_str(wide.find('\n').unwrap(), &extra);
    let m = masalah(&wide, &Default::default());
    assert_eq!((m.kode, m.baris), ("batas.kolom", 1));

    let mut lines: Vec<String> = csv.lines().map(String::from).collect();
    let i = lines.iter().position(|l| l.contains(",ketm,")).unwrap();
    lines[i] = lines[i].replacen(",ketm,", &format!(",{},", "k".repeat(5000)), 1);
    let long = lines.join("\n");
    let m = masalah(&long, &Default::default());
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("batas.sel", i as u64 + 1, Some("status"))
    );
    let roomy = juknis::batas::Batas {
        panjang_sel: 10_000,
        ..Default::default()
    };
    let (_, prepared) = jatim();
    assert!(data::read_pendaftar_with(
        "p.csv",
        long.as_bytes(),
        &prepared,
        &sekolah(),
        ModusRusak::Berhenti,
        &roomy
    )
    .is_ok());

    let mut many = csv.lines().map(String::from).collect::<Vec<_>>();
    let choices: Vec<String> = (0..20).map(|i| format!("X{i}")).collect();
    let mut f: Vec<String> = many[3].split(',').map(String::from).collect();
    f[4] = choices.join(";");
    many[3] = f.join(",");
    let m = masalah(&many.join("\n"), &Default::default());
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("batas.pilihan", 4, Some("pilihan"))
    );
}

// ---- Plans --------------------------------------------------------------------

#[test]
fn plans_of_another_version_tampered_or_off_schema() {
    let (plan, _) = jatim();
    let json = plan.to_json();
    // An engine of this version refuses a plan of the previous one (whose
    // `nomor_pendaftaran` meant the NISN order), naming both.
    let other = json.replacen("\"juknis-plan/2\"", "\"juknis-plan/1\"", 1);
    assert_ne!(other, json);
    let e = juknis::plan::load(&other).unwrap_err().to_string();
    assert!(
        e.contains("juknis-plan/1") && e.contains("juknis-plan/2"),
        "{e}"
    );

    let tampered = json.replacen("\"persen\": \"5\"", "\"persen\": \"50\"", 1);
    assert_ne!(tampered, json);
    let e = juknis::plan::load(&tampered).unwrap_err().to_string();
    assert!(
        e.contains("sha256_rencana") && e.contains("recompile"),
        "{e}"
    );

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["seleksi"][1]["kuota"] = serde_json::json!({"tidak": "begini"});
    let e = juknis::plan::load(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("`seleksi[1].kuota"), "{e}");

    for bad in ["", "{", "[1,2]", "format: 3", "\u{0}"] {
        assert!(juknis::plan::load(bad).is_err(), "{bad:?}");
    }
    // The CLI says which file and exits 2.
    let dir = common::tempdir("hostile");
    let p = dir.join("rusak.plan.json");
    std::fs::write(&p, tampered).unwrap();
    let out = juknis()
        .args(["run"])
        .arg(&p)
        .args([
            "--sekolah",
            "juknis-examples/data/sekolah.csv",
            "--pendaftar",
            "juknis-examples/data/pendaftar.csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rusak.plan.json") && err.contains("sha256_rencana"),
        "{err}"
    );
}

// ---- Encodings and files ------------------------------------------------------

#[test]
fn nul_bytes_and_invalid_utf8_point_at_the_byte() {
    let mut src = example("diy-sma-2025.juknis").into_bytes();
    let line3 = src
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 3;
    let mut nul = src.clone();
    nul[line3] = 0;
    assert_eq!(at(&nul), [("berkas.biner".to_string(), 3)]);
    src[line3] = 0xff;
    assert_eq!(at(&src), [("berkas.utf8".to_string(), 3)]);
}

#[test]
fn crlf_and_bom_give_the_same_verdict_and_lines() {
    let src = std::fs::read_to_string(common::berkas(
        "juknis-examples/melanggar/kuota-mutasi-6-persen.juknis",
    ))
    .unwrap();
    let crlf = format!("\u{feff}{}", src.replace('\n', "\r\n").replace("  ", "\t"));
    assert_eq!(at(crlf.as_bytes()), at(src.as_bytes()));
}

#[test]
fn files_that_are_folders_missing_or_unwritable() {
    let dir = common::tempdir("hostile");
    // A folder where a file is expected.
    let out = juknis().args(["compile"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("folder"));
    let out = juknis()
        .args([
            "run",
            "juknis-examples/sesuai/jatim-sma-2025.juknis",
            "--sekolah",
        ])
        .arg(&dir)
        .args(["--pendaftar", "juknis-examples/data/pendaftar.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("folder"));
    // A missing file: named, exit 2.
    let missing = dir.join("tidak-ada.juknis");
    for args in [vec!["check"], vec!["compile"], vec!["fmt", "--check"]] {
        let out = juknis().args(&args).arg(&missing).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(all.contains("tidak-ada.juknis"), "{args:?}: {all}");
    }
    // An output path that cannot be written (its parent is a file): exit 2, no
    // panic, the path named.
    let blocked = common::berkas("juknis-examples/sesuai/diy-sma-2025.juknis/rencana.json");
    let out = juknis()
        .args([
            "compile",
            "juknis-examples/sesuai/diy-sma-2025.juknis",
            "-o",
        ])
        .arg(&blocked)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rencana.json"));
    let out = juknis()
        .args(["run", "juknis-examples/sesuai/jatim-sma-2025.juknis"])
        .args([
            "--sekolah",
            "juknis-examples/data/sekolah.csv",
            "--pendaftar",
            "juknis-examples/data/pendaftar.csv",
            "-o",
        ])
        .arg(&blocked)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let out = juknis()
        .args(["init", "--jenjang", "SMA", "-o"])
        .arg(&blocked)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn csv_with_bom_crlf_invalid_utf8_or_empty() {
    let (_, prepared) = jatim();
    let csv = pendaftar_csv();
    let read =
        |t: &[u8]| data::read_pendaftar("p.csv", t, &prepared, &sekolah(), ModusRusak::Berhenti);
    let plain = read(csv.as_bytes()).unwrap();
    let crlf = format!("\u{feff}{}", csv.replace('\n', "\r\n"));
    let other = read(crlf.as_bytes()).unwrap();
    assert_eq!(plain.pendaftar.len(), other.pendaftar.len());
    for (a, b) in plain.pendaftar.iter().zip(&other.pendaftar) {
        assert!(a == b, "line {}: {a:?} / {b:?}", a.baris);
    }
    let mut bad = csv.clone().into_bytes();
    let line7 = bad
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == b'\n')
        .nth(5)
        .unwrap()
        .0
        + 1;
    bad[line7 + 1] = 0xff; // inside the NISN of line 7
    let m = read(&bad).err().unwrap();
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("data.nilai", 7, Some("nisn")),
        "{}",
        m.render(Lang::En)
    );
    let m = read(b"").err().unwrap();
    assert_eq!((m.kode, m.baris), ("data.kolom", 1));
    let m = read(b"nisn,jalur\n").err().unwrap();
    assert_eq!(
        (m.kode, m.kolom.as_deref()),
        ("data.kolom", Some("pilihan"))
    );
}

#[test]
fn a_repeated_nisn_names_both_lines_sorted_or_not() {
    let csv = pendaftar_csv();
    let mut lines: Vec<String> = csv.lines().map(String::from).collect();
    // Line 9 repeats the NISN of line 8 (sorted input), then the same far apart.
    let nisn8 = lines[7].split(',').next().unwrap().to_string();
    let rest9: Vec<&str> = lines[8].splitn(2, ',').collect();
    lines[8] = format!("{nisn8},{}", rest9[1]);
    let m = masalah(&lines.join("\n"), &Default::default());
    assert_eq!(
        (m.kode, m.baris, m.kolom.as_deref()),
        ("data.ganda", 9, Some("nisn"))
    );
    assert!(m.render(Lang::En).contains("also on line 8"));
    let mut far: Vec<String> = csv.lines().map(String::from).collect();
    let nisn2 = far[1].split(',').next().unwrap().to_string();
    let rest: Vec<&str> = far[700].splitn(2, ',').collect();
    far[700] = format!("{nisn2},{}", rest[1]);
    let m = masalah(&far.join("\n"), &Default::default());
    assert_eq!((m.kode, m.baris), ("data.ganda", 701));
    assert!(m.render(Lang::Id).contains("juga ada di baris 2"));
}

// ---- Conservation ---------------------------------------------------------------

/// Ways to break one applicant row.
fn rusak(row: &str, how: u8) -> String {
    let mut f: Vec<String> = row.split(',').map(String::from).collect();
    match how % 8 {
        0 => f[1] = "2010-13-45".into(),     // no such date
        1 => f[4] = "99999999".into(),       // a school not in the file
        2 => f[3] = "jalur_gaib".into(),     // a jalur not in the plan
        3 => f.truncate(3),                  // too few fields
        4 => f.push("lebih".into()),         // one field too many
        5 => f[9] = "sembilan puluh".into(), // not a number
        6 => f[0] = String::new(),           // no NISN at all
        _ => f[5] = "-95.0".into(),          // latitude out of range
    }
    f.join(",")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// With `--lewati-baris-rusak`, every data row of the input — good or broken —
    /// is in the result exactly once: by its NISN, or as `baris:N` when the row
    /// has none; broken rows are `data_tidak_sah`, never dropped.
    #[test]
    fn every_row_is_accounted_for_once(
        take in 1usize..120,
        breaks in proptest::collection::vec((0usize..120, any::<u8>()), 0..40),
        reverse in any::<bool>(),
    ) {
        let csv = pendaftar_csv();
        let mut lines: Vec<String> = csv.lines().map(String::from).collect();
        let header = lines.remove(0);
        lines.truncate(take);
        let mut broken = std::collections::BTreeSet::new();
        for (i, how) in breaks {
            if i < lines.len() && broken.insert(i) {
                lines[i] = rusak(&lines[i], how);
            }
        }
        if reverse {
            lines.reverse();
        }
        let text = format!("{header}\n{}\n", lines.join("\n"));
        let (_, prepared) = jatim();
        let sk = sekolah();
        let bacaan = data::read_pendaftar("p.csv", text.as_bytes(), &prepared, &sk, ModusRusak::Lewati).unwrap();
        let hasil = engine::run(&prepared, &sk, &bacaan, &RunOptions::default());
        // One result row per input row.
        prop_assert_eq!(hasil.pendaftar.len(), lines.len());
        let mut want: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let nisn = l.split(',').next().unwrap_or("").trim();
                if nisn.is_empty() { format!("baris:{}", i + 2) } else { nisn.to_string() }
            })
            .collect();
        let mut got: Vec<String> = hasil.pendaftar.iter().map(|r| r.nisn.to_string()).collect();
        want.sort();
        got.sort();
        prop_assert_eq!(got, want);
        let tidak_sah = hasil.pendaftar.iter().filter(|r| r.status == engine::Status::DataTidakSah).count();
        prop_assert_eq!(tidak_sah, bacaan.rusak.len());
        // Every kind of damage `rusak` does is caught: exactly the broken rows
        // are set aside.
        prop_assert_eq!(tidak_sah, broken.len());
    }
}
