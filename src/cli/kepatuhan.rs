//! `juknis kepatuhan FILE [--format html|md|json] [-o OUT]`: the conformance
//! report — every rule that applies to the juknis's jenjang and school year,
//! grouped by article, with its status, the lines that meet or break it, what
//! must be verified elsewhere, its source and confidence. Exit 0 when the juknis
//! has no error, 1 when it has (the report is written either way), 2 on usage
//! or I/O problems.

use super::{EXIT_OK, EXIT_VIOLATIONS};
use clap::ValueEnum;
use juknis::diagnostic::Lang;
use juknis::kepatuhan;
use miette::{miette, Result};
use std::path::PathBuf;

#[derive(Copy, Clone, ValueEnum)]
pub enum Format {
    /// Satu halaman utuh yang dapat dicetak di kertas A4, dengan blok tanda
    /// tangan.
    Html,
    /// Markdown.
    Md,
    /// JSON `juknis-kepatuhan/1` (docs/kepatuhan.schema.json).
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Berkas juknis.
    #[arg(value_name = "BERKAS")]
    pub file: PathBuf,
    /// Bentuk laporan.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// Tulis laporan ke berkas ini (utuh atau tidak sama sekali), bukan ke
    /// keluaran standar.
    #[arg(long, short, value_name = "BERKAS")]
    pub output: Option<PathBuf>,
}

pub fn run(a: Args, lang: Lang) -> Result<u8> {
    let bytes = super::read_juknis(&a.file).map_err(|e| miette!("{}: {e}", a.file.display()))?;
    let checked = juknis::check_bytes_with(&bytes, &super::batas());
    let name = a
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| a.file.display().to_string());
    let report = kepatuhan::build(&name, &bytes, &checked, lang);
    let text = match a.format {
        Format::Html => kepatuhan::html::render(&report),
        Format::Md => kepatuhan::markdown::render(&report),
        Format::Json => kepatuhan::json(&report),
    };
    let verdict = if report.sesuai {
        EXIT_OK
    } else {
        EXIT_VIOLATIONS
    };
    Ok(super::write_report(a.output.as_deref(), &text, verdict))
}
