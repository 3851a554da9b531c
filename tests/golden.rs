//! Golden tests of `juknis run` through the command line: each folder in
//! `tests/golden/` holds a small juknis, its schools and applicants, and the
//! `hasil.csv` and `ringkasan.csv` worked out by hand — `KASUS.md` beside them
//! says how, line by line. A changed result is a changed admission: review it
//! against KASUS.md before accepting it (`JUKNIS_UPDATE=1 cargo test --test
//! golden` rewrites the expected files).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use std::path::Path;

fn juknis() -> Command {
    Command::cargo_bin("juknis").unwrap()
}

/// `juknis run` of `input` (the case's juknis or plan) on the data of the
/// case in `dir`, results into `out`, with `extra` flags.
fn run_case(dir: &Path, input: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut cmd = juknis();
    cmd.arg("run")
        .arg(input)
        .arg("--sekolah")
        .arg(dir.join("sekolah.csv"))
        .arg("--pendaftar")
        .arg(dir.join("pendaftar.csv"))
        .args(extra)
        .arg("-o")
        .arg(out);
    let tdu = dir.join("tidak_daftar_ulang.txt");
    if tdu.exists() {
        cmd.arg("--tidak-daftar-ulang").arg(&tdu);
    }
    cmd
}

/// Run the case in `dir` and compare (or, with JUKNIS_UPDATE, rewrite) its
/// expected outputs.
fn kasus(dir: &Path) {
    let scratch = common::tempdir("golden");
    let out = scratch.join("hasil");
    // The conformance vector's plan: compiled from the case's juknis, equal to
    // the committed `rencana.json` but for the compiler's version (and the
    // hash that covers it); the run below uses the committed plan, so an
    // engine given `rencana.json` must produce the reviewed files.
    let plan = scratch.join("rencana.json");
    juknis()
        .arg("compile")
        .arg(dir.join("juknis.juknis"))
        .arg("-o")
        .arg(&plan)
        .assert()
        .code(0);
    let plan = std::fs::read_to_string(&plan).unwrap();
    let committed = dir.join("rencana.json");
    if std::env::var_os("JUKNIS_UPDATE").is_some() {
        std::fs::write(&committed, &plan).unwrap();
    }
    let stable = |t: &str| -> String {
        t.lines()
            .filter(|l| !l.contains("\"versi\"") && !l.contains("\"sha256_rencana\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let vector = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        stable(&vector) == stable(&plan),
        "{}: rencana.json differs from the compiled juknis (JUKNIS_UPDATE=1 rewrites it)",
        dir.display()
    );
    let run = run_case(dir, &committed, &out, &[]).output().unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}: {}",
        dir.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    // The per-area summary exists only where a unit splits seats by area: it
    // must then be written, and nowhere else.
    let per_wilayah = "ringkasan_wilayah.csv";
    assert_eq!(
        out.join(per_wilayah).exists(),
        dir.join(per_wilayah).exists()
            || std::env::var_os("JUKNIS_UPDATE").is_some() && out.join(per_wilayah).exists(),
        "{}: {per_wilayah} written where it is not expected, or missing",
        dir.display()
    );
    let files: &[&str] = if out.join(per_wilayah).exists() {
        &["hasil.csv", "ringkasan.csv", per_wilayah]
    } else {
        &["hasil.csv", "ringkasan.csv"]
    };
    for f in files {
        let got = std::fs::read_to_string(out.join(f)).unwrap();
        let want_path = dir.join(f);
        if std::env::var_os("JUKNIS_UPDATE").is_some() {
            std::fs::write(&want_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        if got != want {
            panic!(
                "{}: {f} differs from the reviewed result\n--- expected\n{want}\n--- got\n{got}",
                dir.display()
            );
        }
    }
}

/// The golden case folders, in order.
fn cases() -> Vec<std::path::PathBuf> {
    let root = common::root().join("tests/golden");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_golden_case_gives_its_reviewed_result() {
    let dirs = cases();
    assert!(dirs.len() >= 4, "only {} golden cases", dirs.len());
    for d in &dirs {
        assert!(d.join("KASUS.md").exists(), "{}: no KASUS.md", d.display());
        kasus(d);
    }
}

/// The bundled data is what `synth` makes from the Jawa Timur plan with seed 11:
/// the same seed gives the same files, byte for byte.
#[test]
fn synth_is_reproducible_by_seed() {
    let scratch = common::tempdir("golden-synth");
    let out = scratch.join("data");
    juknis()
        .arg("synth")
        .arg(common::root().join("juknis-examples/sesuai/jatim-sma-2025.juknis"))
        .args([
            "--sekolah",
            "3",
            "--pendaftar",
            "1000",
            "--benih",
            "11",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(0);
    for f in ["sekolah.csv", "pendaftar.csv"] {
        let want = std::fs::read(common::root().join("juknis-examples/data").join(f)).unwrap();
        let got = std::fs::read(out.join(f)).unwrap();
        assert!(
            got == want,
            "{f}: seed 11 no longer reproduces the bundled file"
        );
    }
    // Another seed gives other applicants.
    let other = out.join("lain");
    juknis()
        .arg("synth")
        .arg(common::root().join("juknis-examples/sesuai/jatim-sma-2025.juknis"))
        .args([
            "--sekolah",
            "3",
            "--pendaftar",
            "1000",
            "--benih",
            "12",
            "-o",
        ])
        .arg(&other)
        .assert()
        .code(0);
    assert_ne!(
        std::fs::read(other.join("pendaftar.csv")).unwrap(),
        std::fs::read(out.join("pendaftar.csv")).unwrap()
    );
}

/// The Jawa Timur plan on the bundled data: a regression guard for the whole
/// pipeline (1,000 applicants, four waves, carry-over). Its summary is checked
/// for consistency here; the full files are compared to the committed ones.
#[test]
fn jawa_timur_on_the_bundled_data() {
    let dir = common::root().join("tests/golden-jatim");
    let scratch = common::tempdir("golden-jatim");
    let out = scratch.join("hasil");
    juknis()
        .arg("run")
        .arg(common::root().join("juknis-examples/sesuai/jatim-sma-2025.juknis"))
        .arg("--sekolah")
        .arg(common::root().join("juknis-examples/data/sekolah.csv"))
        .arg("--pendaftar")
        .arg(common::root().join("juknis-examples/data/pendaftar.csv"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    // Sebaran splits its seats per kelurahan: the per-area summary too.
    for f in ["hasil.csv", "ringkasan.csv", "ringkasan_wilayah.csv"] {
        let got = std::fs::read_to_string(out.join(f)).unwrap();
        if std::env::var_os("JUKNIS_UPDATE").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(f), &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(dir.join(f)).unwrap_or_default();
        assert!(got == want, "{f} differs from tests/golden-jatim/{f}");
    }
    // Every applicant once; accepted per school and unit within the seats.
    let hasil = std::fs::read_to_string(out.join("hasil.csv")).unwrap();
    let pendaftar =
        std::fs::read_to_string(common::root().join("juknis-examples/data/pendaftar.csv")).unwrap();
    assert_eq!(hasil.lines().count(), pendaftar.lines().count());
    let ringkasan = std::fs::read_to_string(out.join("ringkasan.csv")).unwrap();
    let mut lines = ringkasan.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| head.iter().position(|h| *h == n).unwrap();
    let (kursi, diterima) = (col("kursi"), col("diterima"));
    let mut total = 0u32;
    for l in lines {
        let c: Vec<&str> = l.split(',').collect();
        let (k, d): (u32, u32) = (c[kursi].parse().unwrap(), c[diterima].parse().unwrap());
        assert!(d <= k, "{l}");
        total += d;
    }
    let accepted = hasil.lines().filter(|l| l.contains(",diterima,")).count() as u32;
    assert_eq!(total, accepted, "ringkasan's accepted add up to hasil's");
}

/// Fields of a CSV line in `sep`, quotes undone.
fn fields(line: &str, sep: char) -> Vec<String> {
    let (mut out, mut f, mut q, mut chars) =
        (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if q && chars.peek() == Some(&'"') => {
                f.push('"');
                chars.next();
            }
            '"' => q = !q,
            c if c == sep && !q => out.push(std::mem::take(&mut f)),
            c => f.push(c),
        }
    }
    out.push(f);
    out
}

/// `--csv excel` writes what a spreadsheet in an Indonesian locale opens
/// correctly — a byte-order mark, `;`, NISN and NPSN as text — and read back
/// with `;` every field equals the standard file's (the first column through
/// the text formula).
#[test]
fn spreadsheet_dialect_keeps_every_field() {
    let dir = common::root().join("tests/golden/7-daftar-ulang-naik");
    let scratch = common::tempdir("excel");
    let out = scratch.join("hasil");
    run_case(&dir, &dir.join("juknis.juknis"), &out, &["--csv", "excel"])
        .assert()
        .code(0);
    for f in ["hasil.csv", "ringkasan.csv"] {
        let got = std::fs::read_to_string(out.join(f)).unwrap();
        let want = std::fs::read_to_string(dir.join(f)).unwrap();
        let got = got.strip_prefix('\u{FEFF}').expect("byte-order mark first");
        assert!(got.ends_with("\r\n"), "{f}: lines end in CR LF");
        let g: Vec<&str> = got.lines().collect();
        let w: Vec<&str> = want.lines().collect();
        assert_eq!(g.len(), w.len(), "{f}");
        for (i, (gl, wl)) in g.iter().zip(&w).enumerate() {
            let mut gf = fields(gl, ';');
            let wf = fields(wl, ',');
            // A number in the first column (NISN, NPSN) is a text formula.
            if i > 0 && wf[0].bytes().all(|b| b.is_ascii_digit()) {
                let first = gf[0].clone();
                assert!(
                    first.starts_with("=\"") && first.ends_with('"'),
                    "{f}:{i}: {first}"
                );
                gf[0] = first[2..first.len() - 1].to_string();
            }
            assert_eq!(gf, wf, "{f} line {}", i + 1);
        }
    }
}

/// `--per-sekolah`: one file per school — the rows of `hasil.csv` accepted
/// there (rank order), then the school's whole reserve list in position order
/// with where each reserve holds a seat now — and a school whose NPSN is not a
/// safe file name gets `baris-N.csv`, inside the folder.
#[test]
fn one_result_file_per_school() {
    let dir = common::root().join("tests/golden/7-daftar-ulang-naik");
    let scratch = common::tempdir("per-sekolah");
    let out = scratch.join("hasil");
    run_case(&dir, &dir.join("juknis.juknis"), &out, &["--per-sekolah"])
        .assert()
        .code(0);
    let hasil = std::fs::read_to_string(out.join("hasil.csv")).unwrap();
    let rows: Vec<Vec<String>> = hasil.lines().skip(1).map(|l| fields(l, ',')).collect();
    for npsn in ["S1", "S2"] {
        let f = std::fs::read_to_string(out.join("sekolah").join(format!("{npsn}.csv"))).unwrap();
        let mut lines = f.lines();
        assert_eq!(
            lines.next(),
            Some("nisn,status,jalur,tahap,peringkat,cadangan_posisi,naik_dari_cadangan,seri,diterima_di")
        );
        let got: Vec<Vec<String>> = lines.map(|l| fields(l, ',')).collect();
        // hasil.csv: nisn,status,sekolah,jalur,tahap,peringkat,cadangan_sekolah,cadangan_posisi,…
        let here = |r: &Vec<String>| r[2] == npsn;
        let mut want: Vec<&Vec<String>> = rows.iter().filter(|r| here(r)).collect();
        // The reserve list by hand (KASUS.md of case 7): S1's list at selection
        // was P5 (500 m, placed at S2) then Q4 (600 m, unplaced). P5 moved up to
        // S1 and is among its accepted; Q4 stays on S1's list, in place 2,
        // though it now holds S2's freed seat. S2's list held only Q4, now
        // accepted there.
        let reserves: Vec<(String, String, String)> = got
            .iter()
            .filter(|g| g[1] == "cadangan")
            .map(|g| (g[0].clone(), g[5].clone(), g[8].clone()))
            .collect();
        let want_reserves: Vec<(String, String, String)> = match npsn {
            "S1" => vec![("9700000004".into(), "2".into(), "S2".into())],
            _ => vec![],
        };
        assert_eq!(reserves, want_reserves, "{npsn}: {f}");
        // Reserves come after the accepted.
        if let Some(p) = got.iter().position(|g| g[1] == "cadangan") {
            assert!(
                got[p..].iter().all(|g| g[1] == "cadangan"),
                "{npsn}: reserves last"
            );
        }
        let got: Vec<Vec<String>> = got.into_iter().filter(|g| g[1] != "cadangan").collect();
        assert_eq!(got.len(), want.len(), "{npsn}: {f}");
        want.sort_by_key(|r| r[0].clone());
        let mut got_sorted: Vec<&Vec<String>> = got.iter().collect();
        got_sorted.sort_by_key(|r| r[0].clone());
        for (g, w) in got_sorted.iter().zip(&want) {
            assert_eq!(
                (&g[0], &g[1], &g[2], &g[3], &g[4]),
                (&w[0], &w[1], &w[3], &w[4], &w[5]),
                "{npsn}"
            );
        }
        // Ranks ascend within each unit.
        let mut last: Option<(String, u32)> = None;
        for g in got
            .iter()
            .filter(|g| g[1] == "diterima" && !g[4].is_empty())
        {
            let k = (g[2].clone(), g[4].parse::<u32>().unwrap());
            if let Some(l) = &last {
                assert!(l.0 != k.0 || l.1 < k.1, "{npsn}: ranks out of order");
            }
            last = Some(k);
        }
    }
    // The selesai.json record lists them.
    let selesai = std::fs::read_to_string(out.join("selesai.json")).unwrap();
    assert!(selesai.contains("sekolah/S1.csv"), "{selesai}");

    // A hostile NPSN stays inside the folder.
    let school = juknis::engine::Sekolah {
        npsn: "../../etc".into(),
        nama: String::new(),
        daya_tampung: 1,
        lokasi: None,
        wilayah: Vec::new(),
        wilayah_id: Vec::new(),
        wilayah_kursi: Vec::new(),
        wilayah_kursi_id: Vec::new(),
        layanan: Vec::new(),
        kursi_kolom: Vec::new(),
        baris: 7,
    };
    assert_eq!(
        juknis::engine::output::nama_berkas_sekolah(&school),
        "baris-7.csv"
    );
}

/// `--bawa nama`: a column the selection never reads is carried into
/// `hasil.csv` and the per-school files unchanged (quoted where it must be);
/// asking for a column the file lacks names it.
#[test]
fn pass_through_columns_reach_the_results() {
    let dir = common::root().join("tests/golden/7-daftar-ulang-naik");
    let scratch = common::tempdir("bawa");
    // The case's applicants with a name each; one name holds a comma.
    let src = std::fs::read_to_string(dir.join("pendaftar.csv")).unwrap();
    let mut with_names = String::new();
    for (i, l) in src.lines().enumerate() {
        if i == 0 {
            with_names.push_str(&format!("{l},nama\n"));
        } else if i == 1 {
            with_names.push_str(&format!("{l},\"Sari, Dewi\"\n"));
        } else {
            with_names.push_str(&format!("{l},Murid {i}\n"));
        }
    }
    let data = scratch.join("data");
    std::fs::create_dir_all(&data).unwrap();
    for f in ["juknis.juknis", "sekolah.csv", "tidak_daftar_ulang.txt"] {
        if dir.join(f).exists() {
            std::fs::copy(dir.join(f), data.join(f)).unwrap();
        }
    }
    std::fs::write(data.join("pendaftar.csv"), &with_names).unwrap();
    let out = scratch.join("hasil");
    run_case(
        &data,
        &data.join("juknis.juknis"),
        &out,
        &["--bawa", "nama", "--per-sekolah"],
    )
    .assert()
    .code(0);
    let hasil = std::fs::read_to_string(out.join("hasil.csv")).unwrap();
    let want = std::fs::read_to_string(dir.join("hasil.csv")).unwrap();
    let mut lines = hasil.lines();
    assert!(lines.next().unwrap().ends_with(",seri,nama"));
    let names: std::collections::BTreeMap<String, String> = with_names
        .lines()
        .skip(1)
        .map(|l| {
            let f = fields(l, ',');
            (f[0].clone(), f.last().unwrap().clone())
        })
        .collect();
    for (got, w) in lines.zip(want.lines().skip(1)) {
        let g = fields(got, ',');
        let wf = fields(w, ',');
        // Every column as before, then the applicant's own name.
        assert_eq!(&g[..wf.len()], &wf[..]);
        assert_eq!(g.last(), names.get(&wf[0]), "{got}");
    }
    let s1 = std::fs::read_to_string(out.join("sekolah/S1.csv")).unwrap();
    // 9600000001, accepted at S1, is Sari, Dewi: her row there carries the name.
    let row = s1.lines().find(|l| l.starts_with("9600000001,")).unwrap();
    assert!(row.ends_with(",\"Sari, Dewi\""), "{row}");
    assert!(s1.lines().next().unwrap().ends_with(",nama"));

    // A column the file does not have.
    let e = run_case(
        &data,
        &data.join("juknis.juknis"),
        &out,
        &["--bawa", "asal_sekolah"],
    )
    .output()
    .unwrap();
    assert_eq!(e.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&e.stderr).contains("asal_sekolah"));
}

/// `--kunci`: each placed applicant's own key. On every golden case, the last
/// accepted (highest rank) at each school and unit carries exactly the key
/// `ringkasan.csv` shows as `kunci_terakhir`; reserves carry theirs; nobody
/// unplaced has one.
#[test]
fn own_keys_agree_with_the_last_accepted_key() {
    let dirs = cases();
    let mut checked = 0;
    for dir in &dirs {
        let scratch = common::tempdir("kunci");
        let out = scratch.join("hasil");
        run_case(dir, &dir.join("juknis.juknis"), &out, &["--kunci"])
            .assert()
            .code(0);
        let hasil = std::fs::read_to_string(out.join("hasil.csv")).unwrap();
        let mut lines = hasil.lines();
        assert!(lines.next().unwrap().ends_with(",seri,kunci"));
        // nisn,status,sekolah,jalur,tahap,peringkat,…,seri,kunci
        let rows: Vec<Vec<String>> = lines.map(|l| fields(l, ',')).collect();
        for r in &rows {
            let placed = r[1] == "diterima" || r[1] == "cadangan";
            assert_eq!(
                !r[11].is_empty(),
                placed || r[1] == "tidak_daftar_ulang",
                "{r:?}"
            );
        }
        let ringkasan = std::fs::read_to_string(out.join("ringkasan.csv")).unwrap();
        for l in ringkasan.lines().skip(1) {
            let f = fields(l, ',');
            let (sk, unit, last) = (&f[0], &f[1], &f[13]);
            if last.is_empty() {
                continue;
            }
            let top = rows
                .iter()
                .filter(|r| &r[2] == sk && &r[3] == unit && r[1] == "diterima" && !r[5].is_empty())
                .max_by_key(|r| r[5].parse::<u32>().unwrap());
            if let Some(top) = top {
                assert_eq!(&top[11], last, "{}: {sk} {unit}", dir.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 8, "only {checked} schools and units compared");
}
