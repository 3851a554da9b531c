//! Nothing lost, nothing silently wrong (issue 12), through the command line:
//! every file written whole or not at all (a full disk, a closed pipe, a kill
//! mid-run, a folder in use), the completion record, every bundled plan run on
//! synthetic data, bounded reports and plans, signatures, and plans that do not
//! hold together. The CSV readers' cases are in tests/integritas.rs.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

// ---- Writes: whole or not at all ------------------------------------------

use assert_cmd::Command;

/// The command, run from the repository root (the tests name files relative
/// to it), whatever folder the tests run from.
fn juknis() -> Command {
    let mut c = Command::cargo_bin("juknis").unwrap();
    c.current_dir(common::root());
    c
}

const JATIM: &str = "juknis-examples/sesuai/jatim-sma-2025.juknis";

/// Synthetic schools and applicants for the Jawa Timur plan.
fn synth(dir: &std::path::Path, n: usize, benih: u64) -> std::path::PathBuf {
    let out = dir.join(format!("data-{n}-{benih}"));
    juknis()
        .args([
            "synth",
            JATIM,
            "--sekolah",
            "30",
            "--pendaftar",
            &n.to_string(),
        ])
        .args(["--benih", &benih.to_string(), "-o"])
        .arg(&out)
        .assert()
        .code(0);
    out
}

fn run_args(data: &std::path::Path, out: &std::path::Path) -> Vec<String> {
    vec![
        "run".into(),
        JATIM.into(),
        "--sekolah".into(),
        data.join("sekolah.csv").display().to_string(),
        "--pendaftar".into(),
        data.join("pendaftar.csv").display().to_string(),
        "-o".into(),
        out.display().to_string(),
    ]
}

#[test]
fn standard_output_on_a_full_disk_or_a_closed_pipe_is_reported() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("juknis"))
        .args(["compile", JATIM])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("keluaran standar"), "{err}");
    // A pipe closed by the reader (`… | head -c 100`).
    let dir = common::tempdir("pipa");
    let data = synth(&dir, 3000, 1);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("juknis"))
        .args(["--lang", "en", "run", JATIM, "--sekolah"])
        .arg(data.join("sekolah.csv"))
        .arg("--pendaftar")
        .arg(data.join("pendaftar.csv"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    use std::io::Read;
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut head)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("closed before everything was written"),
        "{err}"
    );
}

#[test]
fn fmt_killed_while_writing_leaves_the_source_as_it_was() {
    let dir = common::tempdir("fmt");
    let f = dir.join("jatim.juknis");
    // Values aligned by hand: fmt rewrites the file.
    let src = std::fs::read_to_string(common::berkas(JATIM)).unwrap();
    let aligned = src.replacen("acuan permendikdasmen", "acuan        permendikdasmen", 1);
    assert_ne!(aligned, src);
    std::fs::write(&f, aligned).unwrap();
    let before = std::fs::read(&f).unwrap();
    assert!(before.len() > 2048);
    // The file size limit kills fmt (SIGXFSZ) half way through the new text.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 1; exec '{}' fmt '{}'",
            assert_cmd::cargo::cargo_bin("juknis").display(),
            f.display()
        ))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&f).unwrap(), before, "the source is intact");
    juknis().arg("fmt").arg(&f).assert().code(0);
    assert_ne!(
        std::fs::read(&f).unwrap(),
        before,
        "formatted when it can be"
    );
}

#[test]
fn an_output_folder_in_use_is_refused() {
    let dir = common::tempdir("kunci");
    let data = synth(&dir, 500, 1);
    let out = dir.join("hasil");
    let held = juknis::atomic::OutputFolder::lock(&out).unwrap();
    let r = juknis().args(run_args(&data, &out)).assert().code(2);
    let err = String::from_utf8_lossy(&r.get_output().stderr).into_owned();
    assert!(err.contains("sedang dipakai"), "{err}");
    assert!(!out.join("hasil.csv").exists());
    drop(held);
    juknis().args(run_args(&data, &out)).assert().code(0);
}

#[test]
fn the_completion_record_names_inputs_and_outputs() {
    let dir = common::tempdir("selesai");
    let data = synth(&dir, 500, 1);
    let out = dir.join("hasil");
    juknis().args(run_args(&data, &out)).assert().code(0);
    let rec: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("selesai.json")).unwrap()).unwrap();
    assert_eq!(rec["format"], "juknis-selesai/1");
    let p = std::fs::read(data.join("pendaftar.csv")).unwrap();
    assert_eq!(rec["pendaftar"]["sha256"], juknis::atomic::sha256(&p));
    for f in ["hasil.csv", "ringkasan.csv"] {
        let n = std::fs::metadata(out.join(f)).unwrap().len();
        assert_eq!(rec["keluaran"][f]["bita"], n, "{f}");
    }
}

#[test]
fn a_kill_during_a_run_leaves_each_file_old_or_new_and_the_record_true() {
    let dir = common::tempdir("bunuh");
    let (a, b) = (synth(&dir, 40_000, 1), synth(&dir, 40_000, 2));
    let out = dir.join("hasil");
    let read = |f: &str| std::fs::read(out.join(f)).ok();
    juknis().args(run_args(&b, &out)).assert().code(0);
    let new: Vec<Option<Vec<u8>>> = ["hasil.csv", "ringkasan.csv", "selesai.json"]
        .map(read)
        .into();
    juknis().args(run_args(&a, &out)).assert().code(0);
    let old: Vec<Option<Vec<u8>>> = ["hasil.csv", "ringkasan.csv", "selesai.json"]
        .map(read)
        .into();
    assert_ne!(old[0], new[0]);
    let bin = assert_cmd::cargo::cargo_bin("juknis");
    let mut seen_states = std::collections::BTreeSet::new();
    for delay_ms in [0u64, 10, 30, 50, 70, 90, 110, 130, 150, 180, 220, 260, 320] {
        // Start from the old complete result.
        for (f, v) in ["hasil.csv", "ringkasan.csv", "selesai.json"]
            .iter()
            .zip(&old)
        {
            std::fs::write(out.join(f), v.as_ref().unwrap()).unwrap();
        }
        let mut child = std::process::Command::new(&bin)
            .args(run_args(&b, &out))
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now: Vec<Option<Vec<u8>>> = ["hasil.csv", "ringkasan.csv", "selesai.json"]
            .map(read)
            .into();
        for (i, f) in ["hasil.csv", "ringkasan.csv"].iter().enumerate() {
            assert!(
                now[i] == old[i] || now[i] == new[i],
                "{f} after a kill at {delay_ms} ms is neither the old nor the new file"
            );
        }
        // The record, when there, tells the truth about both files.
        if now[2] == old[2] {
            assert!(
                now[0] == old[0] && now[1] == old[1],
                "old record, new file ({delay_ms} ms)"
            );
            seen_states.insert("old");
        } else if now[2] == new[2] {
            assert!(
                now[0] == new[0] && now[1] == new[1],
                "new record, old file ({delay_ms} ms)"
            );
            seen_states.insert("new");
        } else {
            assert!(now[2].is_none(), "a record that is neither ({delay_ms} ms)");
            seen_states.insert("none");
        }
    }
    // The lock died with the process: the next run goes through.
    juknis().args(run_args(&b, &out)).assert().code(0);
    assert_eq!(read("hasil.csv"), new[0]);
    assert!(
        seen_states.contains("old") || seen_states.contains("new"),
        "{seen_states:?}"
    );
    let temps = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".sementara")
        })
        .count();
    assert_eq!(temps, 0, "temporary files of killed runs are cleaned up");
}

#[test]
fn every_bundled_plan_synthesises_and_runs_or_says_why_not() {
    let dir = common::tempdir("semua");
    let mut files: Vec<_> = std::fs::read_dir(common::berkas("juknis-examples/sesuai"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    // A juknis split by jenjang runs one jenjang's plan at a time: `run` and
    // `synth` say so, and `compile -o` writes one plan per jenjang.
    let mut inputs = Vec::new();
    for f in files {
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        if !name.contains("sma-smk") {
            inputs.push((name, f));
            continue;
        }
        let out = juknis()
            .arg("synth")
            .arg(&f)
            .args(["-o"])
            .arg(dir.join("x"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("beberapa jenjang"));
        let plan = dir.join(format!("{name}.json"));
        juknis()
            .arg("compile")
            .arg(&f)
            .arg("-o")
            .arg(&plan)
            .assert()
            .code(0);
        for jj in ["SMA", "SMK"] {
            inputs.push((
                format!("{name}-{jj}"),
                dir.join(format!("{name}.{jj}.json")),
            ));
        }
    }
    for (name, f) in inputs {
        let data = dir.join(&name);
        let synth = juknis()
            .args(["synth"])
            .arg(&f)
            .args([
                "--sekolah",
                "12",
                "--pendaftar",
                "400",
                "--benih",
                "5",
                "-o",
            ])
            .arg(&data)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&synth.stderr).into_owned();
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(synth.status.code(), Some(0), "{name}: {err}");
        let out = data.join("hasil");
        let run = juknis()
            .args(["run"])
            .arg(&f)
            .arg("--sekolah")
            .arg(data.join("sekolah.csv"))
            .arg("--pendaftar")
            .arg(data.join("pendaftar.csv"))
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(
            run.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let hasil = std::fs::read_to_string(out.join("hasil.csv")).unwrap();
        assert_eq!(hasil.lines().count(), 401, "{name}: one row per applicant");
    }
}

// ---- No hangs, no hidden text ----------------------------------------------

#[test]
fn reports_with_many_diagnostics_stay_linear() {
    // 30,000 unreadable lines, each a diagnostic with a position: the report
    // formats find lines and columns from one index (this took minutes when each
    // position counted the lines before it). The test asserts the result; the
    // time is what `cargo bench` and the closing note measure.
    let src = std::fs::read_to_string(common::berkas(JATIM)).unwrap();
    let at = src.find("  biaya gratis").unwrap();
    let bad: String = (0..30_000).map(|i| format!("  kuota_x{i} 1\n")).collect();
    let text = format!("{}{bad}{}", &src[..at], &src[at..]);
    let dir = common::tempdir("banyak");
    let f = dir.join("banyak.juknis");
    std::fs::write(&f, &text).unwrap();
    let out = juknis()
        .args(["check", "--format", "json", "--batas-ukuran", "10000000"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = report["berkas"][0]["diagnostik"].as_array().unwrap();
    assert_eq!(d.len(), 30_000);
    let line = text[..at].lines().count() + 30_000;
    assert_eq!(d[29_999]["label"][0]["mulai"]["baris"], line);
}

#[test]
fn a_yaml_plan_is_bounded_before_it_is_parsed() {
    for (name, text) in [
        (
            "deep",
            format!(
                "format: juknis-plan/2\nx: {}{}\n",
                "[".repeat(5000),
                "]".repeat(5000)
            ),
        ),
        (
            "aliases",
            "format: juknis-plan/2\na: &a [x, x]\nb: [*a, *a]\n".to_string(),
        ),
    ] {
        let e = juknis::plan::load(&text).unwrap_err().to_string();
        assert!(
            e.contains("nested deeper") || e.contains("anchors and aliases"),
            "{name}: {e}"
        );
    }
    // A compiled plan in YAML loads.
    let out = juknis()
        .args(["compile", JATIM, "--format", "yaml"])
        .output()
        .unwrap();
    assert!(juknis::plan::load(&String::from_utf8(out.stdout).unwrap()).is_ok());
}

#[test]
fn check_of_a_folder_skips_hidden_folders_and_link_loops() {
    let dir = common::tempdir("folder");
    std::fs::create_dir_all(dir.join("a/.git")).unwrap();
    std::fs::copy(common::berkas(JATIM), dir.join("a/jatim.juknis")).unwrap();
    std::fs::write(dir.join("a/.git/rusak.juknis"), "bukan juknis").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("a/putaran")).unwrap();
    let out = juknis().arg("check").arg(&dir).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 berkas"), "{text}");
}

#[test]
fn hidden_characters_and_utf16_in_a_juknis_are_named() {
    let src = std::fs::read_to_string(common::berkas(JATIM)).unwrap();
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    for u in src.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let c = juknis::check_bytes(&utf16);
    assert_eq!(c.diagnostics.len(), 1);
    assert!(c.diagnostics[0].message.en.contains("UTF-16"));
    // A right-to-left override inside a string is reported at its byte.
    let bidi = src.replacen("\"Jawa Timur\"", "\"Jawa \u{202E}Timur\"", 1);
    let at = bidi.find('\u{202E}').unwrap();
    let c = juknis::check_bytes(bidi.as_bytes());
    let d: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == "teks.bidi")
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].primary_span().unwrap().start, at);
    // A no-break space between a keyword and its value: one diagnostic naming it,
    // and the line still reads.
    let nbsp = src.replacen("jenjang SMA", "jenjang\u{00A0}SMA", 1);
    assert_ne!(nbsp, src);
    let c = juknis::check_bytes(nbsp.as_bytes());
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["teks.tak_terlihat"]);
    assert!(c.diagnostics[0].message.en.contains("NO-BREAK SPACE"));
}

// ---- Plans cannot be altered unnoticed -------------------------------------

#[test]
fn a_signed_plan_runs_and_an_altered_one_is_refused() {
    let dir = common::tempdir("tanda");
    let keys = dir.join("kunci");
    juknis().args(["kunci", "-o"]).arg(&keys).assert().code(0);
    // A second key pair is never written over the first.
    juknis().args(["kunci", "-o"]).arg(&keys).assert().code(2);
    let plan = dir.join("rencana.json");
    juknis()
        .args(["compile", JATIM, "-o"])
        .arg(&plan)
        .arg("--sign")
        .arg(keys.join("juknis.key"))
        .assert()
        .code(0);
    let sig = std::fs::read_to_string(dir.join("rencana.json.minisig")).unwrap();
    assert!(sig.starts_with("untrusted comment:"), "{sig}");
    assert!(sig.contains("trusted comment: juknis-plan/2"), "{sig}");
    let data = synth(&dir, 300, 1);
    let run = |extra: &[&str]| {
        let mut c = juknis();
        c.arg("run")
            .arg(&plan)
            .arg("--sekolah")
            .arg(data.join("sekolah.csv"))
            .arg("--pendaftar")
            .arg(data.join("pendaftar.csv"))
            .arg("-o")
            .arg(dir.join("hasil"))
            .args(extra);
        c.output().unwrap()
    };
    let pk = keys.join("juknis.pub").display().to_string();
    let ok = run(&["--verify", &pk]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    // Altered and sealed again: the hash inside matches, the signature does not.
    let mut p = juknis::plan::load(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    p.kursi.jalur[0].persen = "40".into();
    p.kursi.jalur[1].persen = "25".into();
    std::fs::write(&plan, p.seal().to_json()).unwrap();
    let bad = run(&["--verify", &pk]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("does not match"));
    // Another key, or no signature file: refused too.
    let other = dir.join("lain");
    juknis().args(["kunci", "-o"]).arg(&other).assert().code(0);
    let pk2 = other.join("juknis.pub").display().to_string();
    assert_eq!(run(&["--verify", &pk2]).status.code(), Some(2));
    std::fs::remove_file(dir.join("rencana.json.minisig")).unwrap();
    assert_eq!(run(&["--verify", &pk]).status.code(), Some(2));
    // `--sign` without `-o` has nowhere to put the signature.
    juknis()
        .args(["compile", JATIM, "--sign"])
        .arg(keys.join("juknis.key"))
        .assert()
        .code(2);
}

#[test]
fn a_plan_that_does_not_hold_together_is_refused_at_load() {
    let text = juknis().args(["compile", JATIM]).output().unwrap().stdout;
    let plan = juknis::plan::load(&String::from_utf8(text).unwrap()).unwrap();
    type Edit = Box<dyn Fn(&mut juknis::plan::Plan)>;
    let cases: Vec<(&str, Edit)> = vec![
        (
            "unit twice",
            Box::new(|p| {
                let u = p.seleksi[0].clone();
                p.seleksi.push(u);
            }),
        ),
        (
            "in no wave",
            Box::new(|p| {
                for t in &mut p.tahap {
                    t.urutan_proses.retain(|x| x != "mutasi");
                }
            }),
        ),
        (
            "unknown carry-over target",
            Box::new(|p| p.seleksi[0].sisa_ke = Some("zonasi".into())),
        ),
        (
            "bad percentage",
            Box::new(|p| p.kursi.jalur[0].persen = "35,5".into()),
        ),
        ("too many choices", Box::new(|p| p.pilihan.maksimal = 500)),
        ("unknown score", Box::new(|p| p.skor.clear())),
    ];
    for (name, edit) in cases {
        let mut p = plan.clone();
        edit(&mut p);
        let e = juknis::plan::load(&p.seal().to_json()).unwrap_err();
        assert!(
            matches!(e, juknis::plan::LoadError::Struktur(_)),
            "{name}: {e}"
        );
    }
    // An unknown field, at any depth, is refused (and so never escapes the hash).
    let json = plan.to_json().replacen(
        "\"tahap\": 1,",
        "\"tahap\": 1, \"prioritas_rahasia\": true,",
        1,
    );
    let e = juknis::plan::load(&json).unwrap_err().to_string();
    assert!(e.contains("unknown field"), "{e}");
}
