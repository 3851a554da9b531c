//! `juknis banding OLD NEW [--format human|md|json] [-o OUT]
//! [--sekolah S.csv --pendaftar P.csv [--daftar CHANGED.csv]]`: what changed
//! between two juknis and what it means against the regulation; with data,
//! what it does to applicants (both plans run by the reference engine on the
//! same data). Exit 0 after a comparison, 1 when the data cannot be run
//! (a juknis with errors, unreadable rows), 2 on usage or I/O problems.

use super::{EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS};
use clap::ValueEnum;
use juknis::banding::{self, dampak, Berkas};
use juknis::diagnostic::Lang;
use juknis::engine::{self, data, ModusRusak, Prepared, RunOptions};
use miette::{miette, Result};
use std::path::{Path, PathBuf};

#[derive(Copy, Clone, ValueEnum)]
pub enum Format {
    Human,
    Md,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Juknis yang lama (mis. juknis tahun lalu).
    pub lama: PathBuf,
    /// Juknis yang baru.
    pub baru: PathBuf,
    /// Bentuk keluaran.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Tulis perbandingan ke berkas ini (utuh atau tidak sama sekali), bukan ke
    /// keluaran standar.
    #[arg(long, short, value_name = "BERKAS")]
    pub output: Option<PathBuf>,
    /// Berkas sekolah: bersama `--pendaftar`, kedua juknis dijalankan pada data
    /// yang sama.
    #[arg(long, value_name = "SEKOLAH.csv", requires = "pendaftar")]
    pub sekolah: Option<PathBuf>,
    /// Berkas pendaftar (seperti untuk `juknis run`).
    #[arg(long, value_name = "PENDAFTAR.csv", requires = "sekolah")]
    pub pendaftar: Option<PathBuf>,
    /// Tulis setiap pendaftar yang hasilnya berubah ke berkas CSV ini.
    #[arg(long, value_name = "BERKAS.csv", requires = "pendaftar")]
    pub daftar: Option<PathBuf>,
}

fn read(path: &Path) -> Result<Vec<u8>> {
    super::read_juknis(path).map_err(|e| miette!("{}: {e}", path.display()))
}

pub fn run(a: Args, lang: Lang) -> Result<u8> {
    let (bl, bb) = (read(&a.lama)?, read(&a.baru)?);
    let (cl, cb) = (
        juknis::check_bytes_with(&bl, &super::batas()),
        juknis::check_bytes_with(&bb, &super::batas()),
    );
    for (path, c) in [(&a.lama, &cl), (&a.baru, &cb)] {
        if c.bagian.len() > 1 {
            let msg = match lang {
                Lang::Id => "juknis ini memuat beberapa jenjang (`bagian`); banding membandingkan juknis satu jenjang",
                Lang::En => "this juknis holds several jenjang (`bagian`); banding compares juknis of one jenjang",
            };
            eprintln!("{}: {msg}", path.display());
            return Ok(EXIT_USAGE);
        }
    }
    // Named as given: two files are often both `juknis.juknis` in their folders.
    let (nl, nb) = (a.lama.display().to_string(), a.baru.display().to_string());
    let lama = Berkas {
        nama: &nl,
        bytes: &bl,
        checked: &cl,
    };
    let baru = Berkas {
        nama: &nb,
        bytes: &bb,
        checked: &cb,
    };
    let mut report = banding::compare(&lama, &baru, lang);
    if let (Some(s), Some(p)) = (&a.sekolah, &a.pendaftar) {
        match effect(&lama, &baru, s, p, lang) {
            Ok(d) => report.dampak = Some(d),
            Err(code) => return Ok(code),
        }
    }
    if let (Some(path), Some(d)) = (&a.daftar, &report.dampak) {
        if let Err(e) = juknis::atomic::write_atomic(path, dampak::csv(d).as_bytes()) {
            eprintln!("{}: {e}", path.display());
            return Ok(EXIT_USAGE);
        }
    }
    let text = match a.format {
        Format::Human => banding::render::human(&report),
        Format::Md => banding::render::markdown(&report),
        Format::Json => banding::json(&report),
    };
    Ok(super::write_report(a.output.as_deref(), &text, EXIT_OK))
}

/// Both juknis run on the same data, compared; the exit code after saying what
/// is wrong.
fn effect(
    lama: &Berkas,
    baru: &Berkas,
    sekolah: &Path,
    pendaftar: &Path,
    lang: Lang,
) -> Result<dampak::Dampak, u8> {
    let prepare = |b: &Berkas, path: &Path| -> Result<Prepared, u8> {
        let j = b
            .checked
            .juknis
            .as_ref()
            .filter(|_| b.checked.errors() == 0)
            .ok_or_else(|| {
                let msg = match lang {
                    Lang::Id => "juknis masih punya error; dampak pada pendaftar hanya dihitung untuk juknis tanpa error (`juknis check`)",
                    Lang::En => "the juknis still has errors; the effect on applicants needs juknis without errors (`juknis check`)",
                };
                eprintln!("{}: {msg}", path.display());
                EXIT_VIOLATIONS
            })?;
        let plan = juknis::compile::compile(j, b.checked.rulebook, b.nama, b.bytes);
        Prepared::from_plan(&plan).map_err(|e| {
            eprintln!("{}: {}", path.display(), e.get(lang));
            EXIT_USAGE
        })
    };
    let pl = prepare(lama, Path::new(lama.nama))?;
    let pb = prepare(baru, Path::new(baru.nama))?;
    let batas = super::batas();
    let bytes = |path: &Path| {
        data::read_file(path, batas.ukuran_data).map_err(|m| {
            eprintln!("{}", m.render(lang));
            EXIT_USAGE
        })
    };
    let sb = bytes(sekolah)?;
    let (schools, rusak) = data::read_sekolah_with(
        &sekolah.display().to_string(),
        &sb,
        ModusRusak::Berhenti,
        &batas,
    )
    .map_err(|m| {
        eprintln!("{}", m.render(lang));
        EXIT_VIOLATIONS
    })?;
    for m in &rusak {
        eprintln!("{}", m.render(lang));
    }
    let pbytes = bytes(pendaftar)?;
    let name = pendaftar.display().to_string();
    let read = |p: &Prepared| {
        data::read_pendaftar_with(&name, &pbytes, p, &schools, ModusRusak::Berhenti, &batas)
            .map_err(|m| {
                eprintln!("{}", m.render(lang));
                EXIT_VIOLATIONS
            })
    };
    let (rl, rb) = (read(&pl)?, read(&pb)?);
    let opsi = RunOptions::default();
    let hl = engine::run(&pl, &schools, &rl, &opsi);
    let hb = engine::run(&pb, &schools, &rb, &opsi);
    Ok(dampak::compute(
        &dampak::Jalan {
            prepared: &pl,
            hasil: &hl,
            bacaan: &rl,
        },
        &dampak::Jalan {
            prepared: &pb,
            hasil: &hb,
            bacaan: &rb,
        },
        &schools,
        lang,
    ))
}
