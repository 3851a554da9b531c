//! `juknis banding` (issue 16, items 3 and 4): what changed between two juknis,
//! with its legal meaning, on pairs of bundled examples whose differences are
//! known; and the effect on applicants on a hand-worked case — the golden
//! vectors 4 and 5 run the same nine applicants under deferred acceptance and
//! under "first choice first" (tests/golden/4-…/KASUS.md, 5-…/KASUS.md).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use juknis::banding::{self, Banding, Berkas, Bidang, JenisRelevansi, Perubahan};
use juknis::diagnostic::Lang;

fn compare_src(old: &str, new: &str, lang: Lang) -> Banding {
    let (cl, cb) = (
        juknis::check_bytes(old.as_bytes()),
        juknis::check_bytes(new.as_bytes()),
    );
    banding::compare(
        &Berkas {
            nama: "lama.juknis",
            bytes: old.as_bytes(),
            checked: &cl,
        },
        &Berkas {
            nama: "baru.juknis",
            bytes: new.as_bytes(),
            checked: &cb,
        },
        lang,
    )
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(common::berkas(rel)).unwrap()
}

fn change<'a>(b: &'a Banding, subjek: &str) -> &'a Perubahan {
    b.perubahan
        .iter()
        .find(|p| p.subjek == subjek)
        .unwrap_or_else(|| {
            let all: Vec<&str> = b.perubahan.iter().map(|p| p.subjek.as_str()).collect();
            panic!("no change `{subjek}` among {all:?}")
        })
}

fn kinds(p: &Perubahan) -> Vec<JenisRelevansi> {
    p.relevansi.iter().map(|r| r.jenis).collect()
}

const JATIM: &str = "juknis-examples/sesuai/jatim-sma-2025.juknis";

#[test]
fn a_juknis_compared_with_itself_or_reformatted_has_no_change() {
    let src = read(JATIM);
    let b = compare_src(&src, &src, Lang::Id);
    assert!(b.perubahan.is_empty() && b.masalah_baru.is_empty() && b.masalah_hilang.is_empty());
    // Layout and comments are not content.
    let moved = src
        .replace(
            "jalur domisili 35% {",
            "jalur   domisili   35%   {  // kuota",
        )
        .replace(
            "  biaya gratis",
            "\n\n  // tanpa pungutan\n  biaya    gratis",
        );
    let b = compare_src(&src, &moved, Lang::Id);
    let all: Vec<&str> = b.perubahan.iter().map(|p| p.subjek.as_str()).collect();
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn a_mutasi_quota_above_the_cap_is_a_change_with_a_new_error() {
    let b = compare_src(
        &read(JATIM),
        &read("juknis-examples/melanggar/kuota-mutasi-6-persen.juknis"),
        Lang::Id,
    );
    let m = change(&b, "jalur mutasi · kuota");
    assert_eq!(m.bidang, Bidang::Kuota);
    assert_eq!(
        (m.lama.as_deref(), m.baru.as_deref()),
        (Some("5%"), Some("6%"))
    );
    assert_eq!(kinds(m), [JenisRelevansi::MasalahBaru]);
    assert_eq!(m.relevansi[0].kode.as_deref(), Some("kuota.mutasi.max"));
    assert!(m.relevansi[0]
        .dasar
        .as_deref()
        .unwrap()
        .contains("Pasal 30"));
    // Domisili gave up the point: closer to its 30% minimum, still inside.
    let d = change(&b, "jalur domisili · kuota");
    assert_eq!(
        (d.lama.as_deref(), d.baru.as_deref()),
        (Some("35%"), Some("34%"))
    );
    assert_eq!(kinds(d), [JenisRelevansi::MendekatiBatas]);
    assert!(
        d.relevansi[0].teks.contains("30%"),
        "{}",
        d.relevansi[0].teks
    );
    assert!(
        b.masalah_baru.is_empty(),
        "every new problem is tied to its change"
    );
    // No seat table when a side does not compile.
    assert!(b.kursi.is_empty());
    // The other way round the error is gone, and the quota moves away from
    // the bound.
    let back = compare_src(
        &read("juknis-examples/melanggar/kuota-mutasi-6-persen.juknis"),
        &read(JATIM),
        Lang::En,
    );
    assert_eq!(
        kinds(change(&back, "jalur mutasi · kuota")),
        [JenisRelevansi::MasalahHilang]
    );
    let d = change(&back, "jalur domisili · kuota");
    assert_eq!(kinds(d), [JenisRelevansi::MenjauhiBatas]);
    assert!(
        d.relevansi[0].teks.contains("further from the minimum"),
        "{}",
        d.relevansi[0].teks
    );
}

#[test]
fn dropping_a_required_ranking_criterion_is_named_and_cited() {
    let b = compare_src(
        &read(JATIM),
        &read("juknis-examples/melanggar/urutan-domisili-sma-tanpa-nilai.juknis"),
        Lang::Id,
    );
    let u = change(&b, "jalur domisili · urutan");
    assert_eq!(u.bidang, Bidang::Urutan);
    assert_eq!(
        kinds(u),
        [JenisRelevansi::KriteriaDihapus, JenisRelevansi::MasalahBaru]
    );
    assert_eq!(u.relevansi[0].teks, "kriteria dihapus: nilai_akhir");
    assert_eq!(u.relevansi[1].kode.as_deref(), Some("urutan.domisili.sma"));
    assert!(u.relevansi[1]
        .dasar
        .as_deref()
        .unwrap()
        .contains("Pasal 43 ayat (3)"));
    assert_eq!(u.baris_lama, Some(38));
}

#[test]
fn seats_at_typical_capacities_show_where_the_split_moves() {
    let b = compare_src(
        &read("juknis-examples/sesuai/diy-sma-2025.juknis"),
        &read("juknis-examples/sesuai/jabar-sma-2025.juknis"),
        Lang::Id,
    );
    // SMA: rombel of 36 → 36, 108 and 324 seats.
    let row = |id: &str| b.kursi.iter().find(|r| r.jalur == id).unwrap();
    assert_eq!(row("domisili").daya_tampung, [36, 108, 324]);
    // Afirmasi 30% either way, split differently between its groups.
    assert_eq!(row("afirmasi").lama, row("afirmasi").baru);
    assert_ne!(row("afirmasi.ketm").lama, row("afirmasi.ketm").baru);
    // Sub-jalur only one side has.
    assert!(row("prestasi.lomba").lama.is_none() && row("prestasi.lomba").baru.is_some());
    assert!(row("domisili.radius").baru.is_none());
    // Each side's seats add up to the capacity.
    for side in [
        |r: &banding::BarisKursi| r.lama.clone(),
        |r: &banding::BarisKursi| r.baru.clone(),
    ] {
        for (i, cap) in [36u32, 108, 324].iter().enumerate() {
            let total: u32 = b
                .kursi
                .iter()
                .filter(|r| !r.jalur.contains('.'))
                .filter_map(|r| side(r).map(|v| v[i]))
                .sum();
            assert_eq!(total, *cap);
        }
    }
    // Statements only one side has are added or removed.
    let bukti = change(&b, "bukti kartu_menuju_sejahtera");
    assert!(bukti.lama.is_some() && bukti.baru.is_none());
}

/// Golden vectors 4 and 5: the same data, deferred acceptance then "first
/// choice first". Hand-worked in their KASUS.md: under 4, S1 takes P1–P4 and
/// S2 takes P5 (50 m, its second choice), Q1, Q2, Q3, Q4 being S2's first
/// reserve; under 5, S2 ranks its first-choice applicants first and takes
/// Q1–Q4, P5 becoming S1's first reserve. So exactly two applicants change:
/// P5 (9600000005) loses S2, Q4 (9700000004) gains it.
#[test]
fn the_effect_on_applicants_matches_the_hand_worked_case() {
    let g = |case: &str, f: &str| common::berkas(&format!("tests/golden/{case}/{f}"));
    let dir = common::tempdir("banding");
    let list = dir.join("berubah.csv");
    let out = Command::cargo_bin("juknis")
        .unwrap()
        .args(["banding", "--format", "json"])
        .arg(g("4-mekanisme-tertunda", "juknis.juknis"))
        .arg(g("5-mekanisme-pilihan-pertama", "juknis.juknis"))
        .arg("--sekolah")
        .arg(g("4-mekanisme-tertunda", "sekolah.csv"))
        .arg("--pendaftar")
        .arg(g("4-mekanisme-tertunda", "pendaftar.csv"))
        .arg("--daftar")
        .arg(&list)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["format"], "juknis-banding/1");
    // The text: one change, the mechanism.
    let p = v["perubahan"].as_array().unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0]["subjek"], "pilihan");
    let d = &v["dampak"];
    assert_eq!(d["pendaftar"], 9);
    assert_eq!(d["berubah"], 2);
    assert_eq!(d["diterima_ke_tidak"], 1);
    assert_eq!(d["tidak_ke_diterima"], 1);
    assert_eq!(d["pindah_sekolah"], 0);
    assert_eq!(d["pindah_jalur"], 0);
    // S2 keeps four accepted, one in and one out; its last key is now Q4's
    // 500 m as a first choice, was Q3's 400 m.
    let s2 = d["per_sekolah"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["npsn"] == "S2")
        .unwrap();
    assert_eq!(
        (s2["diterima_lama"].as_u64(), s2["diterima_baru"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(
        (s2["masuk"].as_u64(), s2["keluar"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(s2["kunci_terakhir_lama"]
        .as_str()
        .unwrap()
        .starts_with("jarak=400 m"));
    assert!(s2["kunci_terakhir_baru"]
        .as_str()
        .unwrap()
        .starts_with("pilihan=1; jarak=500 m"));
    // Everyone lives within 1 km of the first choice and has no status: eight
    // accepted before and after.
    assert_eq!(d["menurut_jarak"][0]["kelompok"], "< 1 km");
    assert_eq!(d["menurut_jarak"][0]["pendaftar"], 9);
    assert_eq!(d["menurut_jarak"][0]["diterima_lama"], 8);
    assert_eq!(d["menurut_jarak"][0]["diterima_baru"], 8);
    assert_eq!(
        std::fs::read_to_string(&list).unwrap(),
        "nisn,perubahan,status_lama,sekolah_lama,jalur_lama,status_baru,sekolah_baru,jalur_baru\n\
         9600000005,diterima_ke_tidak,diterima,S2,domisili,cadangan,S1,domisili\n\
         9700000004,tidak_ke_diterima,cadangan,S2,domisili,diterima,S2,domisili\n"
    );
    // The JSON follows its published schema.
    let schema: serde_json::Value =
        serde_json::from_str(&read("docs/banding.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_command_refuses_what_it_cannot_run() {
    let g = |f: &str| common::berkas(&format!("tests/golden/4-mekanisme-tertunda/{f}"));
    // Data with a juknis that has errors: no effect computed, exit 1.
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("banding")
        .arg(g("juknis.juknis"))
        .arg(common::berkas(
            "juknis-examples/melanggar/kuota-mutasi-6-persen.juknis",
        ))
        .arg("--sekolah")
        .arg(g("sekolah.csv"))
        .arg("--pendaftar")
        .arg(g("pendaftar.csv"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("masih punya error"));
    // --pendaftar without --sekolah is a usage error.
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("banding")
        .arg(g("juknis.juknis"))
        .arg(g("juknis.juknis"))
        .arg("--pendaftar")
        .arg(g("pendaftar.csv"))
        .assert()
        .code(2);
    // A file covering several jenjang is compared per jenjang only.
    Command::cargo_bin("juknis")
        .unwrap()
        .arg("banding")
        .arg(common::berkas(
            "juknis-examples/sesuai/jatim-sma-smk-2025.juknis",
        ))
        .arg(common::berkas(JATIM))
        .assert()
        .code(2);
    // Markdown names both files and the change.
    Command::cargo_bin("juknis")
        .unwrap()
        .args(["banding", "--format", "md"])
        .arg(common::berkas(JATIM))
        .arg(common::berkas(
            "juknis-examples/melanggar/kuota-mutasi-6-persen.juknis",
        ))
        .assert()
        .code(0)
        .stdout(predicates::str::contains("# Perbandingan juknis"))
        .stdout(predicates::str::contains("| jalur mutasi · kuota |"));
}
