//! `juknis compile FILE --format json|yaml [-o OUT]`: a plan, only from a juknis
//! with no errors (warnings are shown and allowed).

use super::{EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS};
use clap::ValueEnum;
use juknis::diagnostic::render::{self, Options};
use juknis::diagnostic::Lang;
use miette::{miette, Result};
use std::path::PathBuf;

#[derive(Copy, Clone, ValueEnum)]
pub enum Format {
    Json,
    Yaml,
}

#[derive(clap::Args)]
pub struct Args {
    /// The juknis file.
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write the plan here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

pub fn run(a: Args, lang: Lang, color: bool) -> Result<u8> {
    let bytes = super::baca_juknis(&a.file).map_err(|e| miette!("{}: {e}", a.file.display()))?;
    let checked = juknis::check_bytes_dengan(&bytes, &super::batas());
    let name = a.file.display().to_string();
    if !checked.diagnostics.is_empty() {
        let opts = Options {
            lang,
            color: color && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        };
        eprint!(
            "{}",
            render::human(
                &checked.diagnostics,
                &name,
                &String::from_utf8_lossy(&bytes),
                &opts
            )
        );
    }
    let Some(j) = checked.juknis.as_ref().filter(|_| checked.errors() == 0) else {
        let msg = if lang == Lang::Id {
            "rencana tidak dibuat: perbaiki error di atas"
        } else {
            "no plan written: fix the errors above"
        };
        eprintln!("{msg}");
        return Ok(EXIT_VIOLATIONS);
    };
    let file_name = a
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or(name);
    let plan = juknis::plan::compile(j, checked.rulebook, &file_name, &bytes);
    let text = match a.format {
        Format::Json => plan.to_json(),
        Format::Yaml => plan.to_yaml(),
    };
    match &a.output {
        Some(out) => {
            // Whole or not at all: a plan cut short would be refused by its hash,
            // but the previous plan must survive a failed write.
            if let Err(e) = juknis::tulis::atomik_bytes(out, text.as_bytes()) {
                eprintln!("{e}");
                return Ok(EXIT_USAGE);
            }
        }
        None => out!("{text}"),
    }
    Ok(EXIT_OK)
}
