//! `juknis fmt [--check|--diff] PATH...`: rewrite juknis files in the canonical
//! layout (`--check`: only say which would change; `--diff`: show how, as a
//! unified diff; exit 1 if any). `juknis fmt -` formats
//! standard input to standard output, for editors.

use super::{EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS};
use juknis::diagnostic::render::{self, Options};
use juknis::diagnostic::{Diagnostic, Lang};
use juknis::format::{format, FmtError};
use miette::{miette, Result};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Berkas atau folder (di dalam folder dicari berkas *.juknis); `-` merapikan
    /// masukan standar ke keluaran standar.
    #[arg(required = true, value_name = "BERKAS")]
    pub paths: Vec<PathBuf>,
    /// Jangan ubah apa pun; keluar dengan kode 1 bila ada berkas yang tidak
    /// dalam tata letak baku.
    #[arg(long)]
    pub check: bool,
    /// Jangan ubah apa pun; tampilkan yang akan berubah sebagai diff (format
    /// unified; keluar dengan kode 1 bila ada yang berubah).
    #[arg(long, conflicts_with = "check")]
    pub diff: bool,
}

/// The unified diff between a file and its canonical layout.
fn unified(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(name, &format!("{name} (fmt)"))
        .to_string()
}

pub fn run(a: Args, lang: Lang, color: bool, quiet: bool) -> Result<u8> {
    // Diagnostics go to stderr: colour only if that is a terminal.
    let color = color && std::io::IsTerminal::is_terminal(&std::io::stderr());
    if a.paths.len() == 1 && a.paths[0].as_os_str() == "-" {
        return stdin(a.check, a.diff, lang, color);
    }
    let files = super::check::collect(&a.paths)?;
    if files.is_empty() {
        return Err(miette!(
            "tidak ada berkas .juknis di {:?} / no .juknis files found",
            a.paths
        ));
    }
    let mut code = EXIT_OK;
    for f in files {
        let bytes = match super::read_juknis(&f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                code = EXIT_USAGE;
                continue;
            }
        };
        let Ok(src) = std::str::from_utf8(&bytes) else {
            // Not text: the parser's diagnostic says where and why.
            let diags =
                juknis::syntax::parse_bytes_with(&bytes, super::batas().ukuran_berkas).diagnostics;
            let lossy = String::from_utf8_lossy(&bytes);
            refused(&diags, &f.display().to_string(), &lossy, lang, color);
            code = code.max(EXIT_VIOLATIONS);
            continue;
        };
        match format(src) {
            Ok(out) if out == src => {}
            Ok(out) => {
                if a.diff {
                    out!("{}", unified(&f.display().to_string(), src, &out));
                    code = code.max(EXIT_VIOLATIONS);
                } else if a.check {
                    let msg = if lang == Lang::Id {
                        "belum berformat baku"
                    } else {
                        "not in the canonical layout"
                    };
                    if !quiet {
                        outln!("{}: {msg}", f.display());
                    }
                    code = code.max(EXIT_VIOLATIONS);
                } else if let Err(e) = juknis::atomic::write_atomic(&f, out.as_bytes()) {
                    // The source is rewritten whole or left as it was.
                    eprintln!("{e}");
                    code = EXIT_USAGE;
                }
            }
            Err(FmtError::Sintaks(diags)) => {
                refused(&diags, &f.display().to_string(), src, lang, color);
                code = code.max(EXIT_VIOLATIONS);
            }
        }
    }
    Ok(code)
}

/// Report why a file is not formatted.
fn refused(diags: &[Diagnostic], name: &str, src: &str, lang: Lang, color: bool) {
    let opts = Options { lang, color };
    eprint!("{}", render::human(diags, name, src, &opts));
    let msg = if lang == Lang::Id {
        "tidak diformat: perbaiki sintaksnya dulu"
    } else {
        "not formatted: fix the syntax first"
    };
    eprintln!("{name}: {msg}");
}

/// `juknis fmt -`: standard input to standard output (`--check`: nothing
/// written, exit 1 if it would change).
fn stdin(check: bool, diff: bool, lang: Lang, color: bool) -> Result<u8> {
    use std::io::Read;
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("<stdin>: {e}");
        return Ok(EXIT_USAGE);
    }
    let parsed = juknis::syntax::parse_bytes_with(&bytes, super::batas().ukuran_berkas);
    let src = String::from_utf8_lossy(&bytes);
    let Ok(text) = std::str::from_utf8(&bytes) else {
        refused(&parsed.diagnostics, "<stdin>", &src, lang, color);
        return Ok(EXIT_VIOLATIONS);
    };
    match format(text) {
        Ok(out) if diff => {
            if out == text {
                return Ok(EXIT_OK);
            }
            out!("{}", unified("-", text, &out));
            Ok(EXIT_VIOLATIONS)
        }
        Ok(out) if check => Ok(if out == text {
            EXIT_OK
        } else {
            EXIT_VIOLATIONS
        }),
        Ok(out) => {
            out!("{out}");
            Ok(EXIT_OK)
        }
        Err(FmtError::Sintaks(diags)) => {
            refused(&diags, "<stdin>", text, lang, color);
            Ok(EXIT_VIOLATIONS)
        }
    }
}
