//! Shared helpers for the integration tests.
#![allow(dead_code, clippy::panic)]

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.juknis` file under juknis-examples/, sorted.
pub fn examples() -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(&root().join("juknis-examples"), &mut out);
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "juknis") {
            out.push(p);
        }
    }
}

/// The expected codes from the `// diharapkan:` header; empty for `sesuai`.
pub fn expected(src: &str) -> Option<Vec<String>> {
    for line in src.lines().take(5) {
        if let Some(rest) = line.trim().strip_prefix("// diharapkan:") {
            let rest = rest.trim();
            if rest == "sesuai" {
                return Some(Vec::new());
            }
            let mut v: Vec<String> = rest
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            v.sort();
            v.dedup();
            return Some(v);
        }
    }
    None
}

/// The diagnostics an example expects, from its inline markers, rustc-style:
/// `//~ kode` at the end of a line expects `kode` with its primary label on
/// that line; `//~^ kode` on the line above (one `^` per line up). Several
/// codes may follow one marker, a code twice means two diagnostics. Sorted
/// (line, code) pairs, 1-based lines.
pub fn markers(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let Some(at) = line.find("//~") else {
            continue;
        };
        let rest = &line[at + 3..];
        let up = rest.len() - rest.trim_start_matches('^').len();
        let target = (i + 1).saturating_sub(up);
        for code in rest[up..].split([' ', ',']).filter(|c| !c.is_empty()) {
            out.push((target, code.to_string()));
        }
    }
    out.sort();
    out
}

/// A snapshot-friendly name: the path below juknis-examples, with `/` → `__`.
pub fn snap_name(p: &Path) -> String {
    let rel = p.strip_prefix(root().join("juknis-examples")).unwrap_or(p);
    rel.with_extension("")
        .to_string_lossy()
        .replace(['/', '\\'], "__")
}

/// A scratch folder, removed when dropped — also when the test fails, since a
/// failing test unwinds. Derefs to its path.
pub struct TempDir(tempfile::TempDir);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<std::ffi::OsStr> for TempDir {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.path().as_os_str()
    }
}

/// A new scratch folder under the system's temporary folder, named after `tag`.
pub fn tempdir(tag: &str) -> TempDir {
    match tempfile::Builder::new()
        .prefix(&format!("juknis-{tag}-"))
        .tempdir()
    {
        Ok(d) => TempDir(d),
        Err(e) => panic!("cannot make a temporary folder: {e}"),
    }
}

/// A file of the repository, whatever the working directory.
pub fn berkas(rel: &str) -> PathBuf {
    root().join(rel)
}

/// The diagnostic codes of a juknis, in order of position.
pub fn codes(src: &str) -> Vec<String> {
    juknis::check_bytes(src.as_bytes())
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

/// A juknis without errors compiled to its plan; panics naming the errors.
pub fn plan_of(src: &str) -> juknis::plan::Plan {
    let checked = juknis::check_bytes(src.as_bytes());
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == juknis::diagnostic::Severity::Error)
        .map(|d| (d.code.clone(), d.message.id.clone()))
        .collect();
    assert!(errors.is_empty(), "juknis has errors: {errors:?}");
    let Some(j) = checked.juknis.as_ref() else {
        panic!("no model");
    };
    juknis::compile::compile(j, checked.rulebook, "t.juknis", src.as_bytes())
}

/// The juknis compiled and run on one school `A` of capacity 10 in zone `K1`
/// and the given applicants; hasil.csv as written.
pub fn run_one_school(
    src: &str,
    pendaftar_csv: &str,
) -> Result<(juknis::engine::Hasil, String), String> {
    run_on(src, "npsn,daya_tampung,wilayah\nA,10,K1\n", pendaftar_csv)
}

/// The juknis compiled and run on these schools and applicants; hasil.csv as
/// written, or the first data error in English.
pub fn run_on(
    src: &str,
    sekolah_csv: &str,
    pendaftar_csv: &str,
) -> Result<(juknis::engine::Hasil, String), String> {
    run_on_with(
        src,
        sekolah_csv,
        pendaftar_csv,
        &juknis::engine::RunOptions::default(),
    )
}

/// `run_on` with run options (no-shows, explain, own keys).
pub fn run_on_with(
    src: &str,
    sekolah_csv: &str,
    pendaftar_csv: &str,
    opsi: &juknis::engine::RunOptions,
) -> Result<(juknis::engine::Hasil, String), String> {
    use juknis::engine::{data, ModusRusak};
    use juknis::text::Lang;
    let plan = plan_of(src);
    let prepared = juknis::engine::Prepared::from_plan(&plan).map_err(|e| e.en)?;
    let (sekolah, _) =
        data::read_sekolah("sekolah.csv", sekolah_csv.as_bytes(), ModusRusak::Berhenti)
            .map_err(|m| m.render(Lang::En))?;
    let bacaan = data::read_pendaftar(
        "pendaftar.csv",
        pendaftar_csv.as_bytes(),
        &prepared,
        &sekolah,
        ModusRusak::Berhenti,
    )
    .map_err(|m| m.render(Lang::En))?;
    let hasil = juknis::engine::run(&prepared, &sekolah, &bacaan, opsi);
    let csv = juknis::engine::output::hasil_csv(&hasil, &prepared, &sekolah, Lang::Id);
    Ok((hasil, csv))
}

/// The end of the small SMA juknis the engine tests use: jalur mutasi 5%, one
/// wave with every jalur, reserves, fees, registration and complaint channels.
/// A test's template ends with `{PENUTUP}`.
pub const SMA_PENUTUP: &str = r#"jalur mutasi 5% {
    dokumen surat_penugasan
    urutan jarak terdekat, waktu_daftar terawal
  }
  tahap 1 {
    jalur domisili, afirmasi, prestasi, mutasi
    pendaftaran 2025-06-16 sampai 2025-06-18
    pengumuman 2025-06-20
    daftar_ulang 2025-06-21 sampai 2025-06-23
  }
  cadangan semua
  biaya gratis
  pendaftaran daring, luring
  pengaduan "Posko SPMB"
  pemantauan "Dinas Pendidikan"
}
"#;

/// The start of the small SMA juknis the engine tests use (after the title):
/// regulation, government, jenjang, year, age, zone, capacity. A test's
/// template starts with `{KEPALA}`.
pub const SMA_KEPALA: &str = r#"acuan permendikdasmen-3-2025
  pemerintah provinsi "Uji"
  jenjang SMA
  tahun_ajaran 2025/2026
  usia { tanggal_acuan 2025-07-01  maksimal 21 tahun }
  wilayah { metode administratif kecamatan }
  daya_tampung { rombel maksimal 36 }"#;

/// Afirmasi 30% and prestasi 30% as the small SMA juknis of the engine tests
/// have them (prestasi ranks by a score named `nilai`); `{AFIRMASI_PRESTASI}`.
pub const SMA_AFIRMASI_PRESTASI: &str = r#"jalur afirmasi 30% {
    dokumen kip, kartu_disabilitas
    urutan jarak terdekat, waktu_daftar terawal
  }
  jalur prestasi 30% {
    dokumen rapor
    urutan nilai tertinggi, jarak terdekat, waktu_daftar terawal
  }"#;

/// A small SMA juknis with choices `pilihan`, domisili 35% ranked by a rapor
/// score `nilai` with the body `domisili` after its `syarat`, `dokumen` and
/// `urutan` (sub-jalur, `per`, …), and `extra` statements after the jalur
/// (`lanjut`, `sisa_kuota`).
pub fn sma_domisili(pilihan: &str, domisili: &str, extra: &str) -> String {
    let src = r#"juknis "Uji" {
  {KEPALA}
  {PILIHAN}
  skor nilai = rapor(semester 1..5, mapel bindo, mtk)
  jalur domisili 35% {
    syarat dalam_wilayah
    dokumen kartu_keluarga minimal 1 tahun
    urutan nilai tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal
    {DOMISILI}
  }
  {EXTRA}
  {AFIRMASI_PRESTASI}
  {PENUTUP}"#;
    src.replace("{KEPALA}", SMA_KEPALA)
        .replace("{AFIRMASI_PRESTASI}", SMA_AFIRMASI_PRESTASI)
        .replace("{PENUTUP}", SMA_PENUTUP)
        .replace("{PILIHAN}", pilihan)
        .replace("{DOMISILI}", domisili)
        .replace("{EXTRA}", extra)
}
