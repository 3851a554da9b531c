//! `juknis synth PLAN --sekolah N --pendaftar M --benih S -o DIR`: synthetic
//! schools and applicants for a plan, for tests and benchmarks.

use super::{EXIT_OK, EXIT_USAGE};
use juknis::diagnostic::Lang;
use juknis::engine::synth;
use miette::{miette, Result};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Rencana (JSON atau YAML), atau berkas .juknis.
    #[arg(value_name = "RENCANA")]
    pub plan: PathBuf,
    /// Jumlah sekolah.
    #[arg(long, value_name = "JUMLAH", default_value_t = 600)]
    pub sekolah: usize,
    /// Jumlah pendaftar.
    #[arg(long, value_name = "JUMLAH", default_value_t = 100_000)]
    pub pendaftar: usize,
    /// Benih acak: benih yang sama menghasilkan berkas yang sama.
    #[arg(long, default_value_t = 1)]
    pub benih: u64,
    /// Folder untuk sekolah.csv dan pendaftar.csv.
    // `--keluaran` was its first name: kept as an alias (docs/development.md, Names).
    #[arg(long, short = 'o', alias = "keluaran", value_name = "FOLDER")]
    pub output: PathBuf,
}

pub fn run(a: Args, lang: Lang) -> Result<u8> {
    let (plan, prepared) = match super::run::load_prepared(&a.plan, lang) {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    if a.sekolah == 0 || a.sekolah > 100_000 || a.pendaftar > 20_000_000 {
        eprintln!("--sekolah 1..100000, --pendaftar 0..20000000");
        return Ok(EXIT_USAGE);
    }
    let opsi = synth::SynthOptions {
        sekolah: a.sekolah,
        pendaftar: a.pendaftar,
        benih: a.benih,
    };
    let (s, p) = synth::generate(&plan, &prepared, &opsi);
    let folder = juknis::atomic::OutputFolder::lock(&a.output).map_err(|e| miette!("{e}"))?;
    let selesai = serde_json::json!({
        "format": "juknis-selesai/1",
        "kompiler": { "nama": "juknis", "versi": env!("CARGO_PKG_VERSION") },
        "synth": { "rencana": plan.sha256_rencana, "sekolah": a.sekolah, "pendaftar": a.pendaftar, "benih": a.benih },
    });
    let tulis = |body: String| -> juknis::atomic::Content<'_> {
        Box::new(move |w| w.write_all(body.as_bytes()))
    };
    folder
        .write_all(
            vec![("sekolah.csv", tulis(s)), ("pendaftar.csv", tulis(p))],
            selesai,
        )
        .map_err(|e| miette!("{e}"))?;
    Ok(EXIT_OK)
}
