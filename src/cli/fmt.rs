//! `juknis fmt [--check] PATH...`: rewrite juknis files in the canonical layout
//! (`--check`: only say which would change; exit 1 if any).

use super::{EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS};
use juknis::diagnostic::render::{self, Options};
use juknis::diagnostic::Lang;
use juknis::format::{format, FmtError};
use miette::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (folders are searched for *.juknis).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Change nothing; exit 1 when a file is not in the canonical layout.
    #[arg(long)]
    pub check: bool,
}

pub fn run(a: Args, lang: Lang, color: bool, quiet: bool) -> Result<u8> {
    let files = super::check::collect(&a.paths)?;
    let mut code = EXIT_OK;
    for f in files {
        let bytes = match std::fs::read(&f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                code = EXIT_USAGE;
                continue;
            }
        };
        let Ok(src) = std::str::from_utf8(&bytes) else {
            let msg = if lang == Lang::Id {
                "bukan teks UTF-8; tidak diformat"
            } else {
                "not UTF-8 text; not formatted"
            };
            eprintln!("{}: {msg}", f.display());
            code = code.max(EXIT_VIOLATIONS);
            continue;
        };
        match format(src) {
            Ok(out) if out == src => {}
            Ok(out) => {
                if a.check {
                    let msg = if lang == Lang::Id {
                        "belum berformat baku"
                    } else {
                        "not in the canonical layout"
                    };
                    if !quiet {
                        outln!("{}: {msg}", f.display());
                    }
                    code = code.max(EXIT_VIOLATIONS);
                } else if let Err(e) = std::fs::write(&f, out) {
                    eprintln!("{}: {e}", f.display());
                    code = EXIT_USAGE;
                }
            }
            Err(FmtError::Sintaks(diags)) => {
                let name = f.display().to_string();
                let opts = Options {
                    lang,
                    color,
                    rulebook: juknis::rulebook::default_rulebook().singkat.clone(),
                };
                eprint!("{}", render::human(&diags, &name, src, &opts));
                let msg = if lang == Lang::Id {
                    "tidak diformat: perbaiki sintaksnya dulu"
                } else {
                    "not formatted: fix the syntax first"
                };
                eprintln!("{name}: {msg}");
                code = code.max(EXIT_VIOLATIONS);
            }
        }
    }
    Ok(code)
}
