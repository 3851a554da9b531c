//! A juknis covering several jenjang (issue 15, item 8): Jawa Timur publishes
//! SMA and SMK in one document with one schedule, wave 4 being SMK only. A
//! file holds one `bagian` per jenjang sharing the header, the obligations and
//! the waves' dates; each section is checked under its own jenjang's rules and
//! compiles to its own plan.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use common::codes;

fn jatim() -> String {
    std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jatim-sma-smk-2025.juknis",
    ))
    .unwrap()
}

#[test]
fn each_section_is_a_juknis_of_its_own_jenjang() {
    let src = jatim();
    let c = juknis::check_bytes(src.as_bytes());
    assert!(c.diagnostics.is_empty(), "{:?}", codes(&src));
    let jenjang: Vec<&str> = c
        .semua()
        .iter()
        .map(|j| j.jenjang().unwrap().as_str())
        .collect();
    assert_eq!(jenjang, ["SMA", "SMK"]);
    // The shared schedule's numbers stay: SMK selects in waves 1, 3 and 4.
    let smk = &c.bagian[1];
    let waves: Vec<u32> = smk.tahap.iter().map(|t| t.nomor.node).collect();
    assert_eq!(waves, [1, 3, 4]);
    // Each wave has the shared dates.
    let w4 = smk.tahap.iter().find(|t| t.nomor.node == 4).unwrap();
    assert_eq!(w4.jadwal.len(), 3);
}

#[test]
fn shared_problems_are_reported_once_and_section_problems_in_their_section() {
    let src = jatim().replace(
        "  pengaduan \"https://spmb.jatimprov.go.id/pengaduan\"\n",
        "",
    );
    let got = codes(&src);
    let missing: Vec<_> = got.iter().filter(|c| *c == "juknis.isi").collect();
    assert_eq!(missing.len(), 1, "{got:?}");
    // An SMA section held to SMK's afirmasi minimum is not lawful.
    let bad = std::fs::read_to_string(common::berkas(
        "juknis-examples/melanggar/bagian-sma-afirmasi-15-persen.juknis",
    ))
    .unwrap();
    assert_eq!(codes(&bad), ["kuota.afirmasi.min"]);
}

#[test]
fn the_layout_itself_is_checked() {
    let src = jatim();
    // A jenjang outside the sections.
    let j = src.replace(
        "  tahun_ajaran 2025/2026\n",
        "  tahun_ajaran 2025/2026\n  jenjang SMA\n",
    );
    assert!(codes(&j).contains(&"sintaks.pernyataan".to_string()));
    // A shared wave no section uses.
    let w = src.replace(
        "  biaya gratis",
        "  tahap 5 {\n    pendaftaran 2025-07-08 sampai 2025-07-09\n    pengumuman 2025-07-10\n    daftar_ulang 2025-07-10 sampai 2025-07-11\n  }\n  biaya gratis",
    );
    assert!(codes(&w).contains(&"konsistensi.gelombang".to_string()));
    // A gap in the shared schedule.
    let g = src.replace(
        "  tahap 4 {\n    pendaftaran",
        "  tahap 6 {\n    pendaftaran",
    );
    assert!(codes(&g).contains(&"konsistensi.tahap".to_string()));
    // The same jenjang twice.
    let d = src.replace("  bagian SMK {", "  bagian SMA {");
    assert!(codes(&d).contains(&"nama.ganda".to_string()));
    // `juknis fmt` keeps every section's plan.
    let f = juknis::format::format(&src).unwrap();
    let plans = |s: &str| -> Vec<String> {
        let c = juknis::check_bytes(s.as_bytes());
        c.semua()
            .iter()
            .map(|j| {
                let mut p = juknis::compile::compile(j, c.rulebook, "x.juknis", b"");
                p.sha256_rencana.clear();
                serde_json::to_string(&(&p.seleksi, &p.tahap, &p.kursi)).unwrap()
            })
            .collect()
    };
    assert_eq!(plans(&f), plans(&src));
    assert_eq!(juknis::format::format(&f).unwrap(), f);
}

#[test]
fn compile_writes_one_plan_per_jenjang_and_run_asks_for_one() {
    let dir = common::tempdir("bagian");
    let file = common::berkas("juknis-examples/sesuai/jatim-sma-smk-2025.juknis");
    let out = dir.join("rencana.json");
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("compile")
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    for jj in ["SMA", "SMK"] {
        let text = std::fs::read_to_string(dir.join(format!("rencana.{jj}.json"))).unwrap();
        let plan = juknis::plan::load(&text).unwrap();
        assert_eq!(plan.juknis.jenjang.as_str(), jj);
    }
    assert!(!out.exists());
    // To standard output only one jenjang at a time.
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("compile")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--jenjang"));
    let smk = Command::cargo_bin("juknis")
        .unwrap()
        .arg("compile")
        .arg(&file)
        .args(["--jenjang", "SMK"])
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&smk.get_output().stdout).into_owned();
    assert!(text.contains("\"nilai_akademik\""));
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("compile")
        .arg(&file)
        .args(["--jenjang", "SD"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("ada: SMA, SMK"));
}
