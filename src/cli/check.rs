//! `juknis check PATH...`: every `.juknis` file given or found under the folders.

use super::{EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS};
use juknis::diagnostic::render::{self, Options};
use juknis::diagnostic::Lang;
use miette::{miette, IntoDiagnostic, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Output format of `check`.
#[derive(Copy, Clone, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Untuk dibaca orang (bawaan).
    Human,
    /// JSON `juknis-laporan/1` (docs/report.schema.json).
    Json,
    /// SARIF 2.1.0 untuk alat pemindai kode.
    Sarif,
    /// Anotasi GitHub Actions (`::error file=…`).
    Github,
    /// Laporan Code Quality GitLab (JSON).
    Gitlab,
    /// Satu baris per diagnostik: `berkas:baris:kolom: tingkat[kode] pesan`.
    Compact,
    /// JUnit XML, untuk sistem CI yang menampilkan laporan uji.
    Junit,
}

#[derive(clap::Args)]
pub struct Args {
    /// Bentuk keluaran.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Berkas atau folder (di dalam folder dicari berkas *.juknis); `-` membaca
    /// masukan standar.
    #[arg(required = true, value_name = "BERKAS")]
    pub paths: Vec<PathBuf>,
    /// Keluar dengan kode 1 juga bila ada peringatan.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Terapkan perbaikan yang sudah pasti (persen yang ditulis dengan kata, koma
    /// desimal, tanggal dalam bentuk lain, nama jalur lama `zonasi`), tulis ulang
    /// berkasnya (utuh atau tidak sama sekali) dan laporkan yang tersisa.
    #[arg(long)]
    pub fix: bool,
}

/// Rounds of fixing at most: a fix can reveal the next slip on the same line.
const RONDE_FIX: usize = 8;

/// Check, and with `fix` apply the sure fixes until none is left; the final
/// check, text, and how many fixes were applied.
fn check_fixing(bytes: Vec<u8>, fix: bool) -> (juknis::Checked, String, usize) {
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    let mut checked = juknis::check_bytes_with(&bytes, &super::batas());
    let mut applied = 0;
    if !fix {
        return (checked, text, 0);
    }
    for _ in 0..RONDE_FIX {
        let Some((next, n)) = juknis::diagnostic::fix::apply(&text, &checked.diagnostics) else {
            break;
        };
        applied += n;
        text = next;
        checked = juknis::check_bytes_with(text.as_bytes(), &super::batas());
    }
    (checked, text, applied)
}

/// Expand folders into their `.juknis` files, sorted for stable output.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p == Path::new("-") {
            out.push(p.clone());
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| miette!("{}: {e}", p.display()))?;
        if meta.is_dir() {
            walk(p, &mut out).map_err(|e| miette!("{}: {e}", p.display()))?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Every `.juknis` file under `dir`, sorted. Links to folders are not followed
/// (a link loop cannot trap the walk) and hidden folders (`.git`, …) are skipped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let hidden = |e: &walkdir::DirEntry| {
        e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
    };
    let it = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    for e in it {
        let e = e.map_err(std::io::Error::other)?;
        // A link to a file is read; a link to a folder is not entered.
        let file = e.file_type().is_file() || (e.path_is_symlink() && e.path().is_file());
        if file && e.path().extension().is_some_and(|x| x == "juknis") {
            out.push(e.into_path());
        }
    }
    Ok(())
}

pub fn run(a: Args, lang: Lang, color: bool, quiet: bool) -> Result<u8> {
    let stdin = Path::new("-");
    if a.fix && a.paths.iter().any(|p| p == stdin) {
        eprintln!("--fix menulis ulang berkas; tidak untuk masukan standar (-) / --fix rewrites files; not for standard input (-)");
        return Ok(EXIT_USAGE);
    }
    let files = collect(&a.paths)?;
    if files.is_empty() {
        return Err(miette!(
            "tidak ada berkas .juknis di {:?} / no .juknis files found",
            a.paths
        ));
    }
    // Check in parallel, print in the given order.
    let results: Vec<_> = files
        .par_iter()
        .map(|f| {
            let bytes = super::read_juknis(f).into_diagnostic();
            let r = bytes.and_then(|b| {
                let (checked, text, applied) = check_fixing(b, a.fix);
                if applied > 0 {
                    juknis::atomic::write_atomic(f, text.as_bytes())
                        .map_err(|e| miette!("{}: {e}", f.display()))?;
                    match lang {
                        Lang::Id => eprintln!("{}: {applied} perbaikan diterapkan", f.display()),
                        Lang::En => eprintln!("{}: {applied} fixes applied", f.display()),
                    }
                }
                Ok((checked, text))
            });
            (f, r)
        })
        .collect();
    if a.format != Format::Human {
        return machine(&a, &results, lang);
    }
    let mut errors = 0;
    let mut warnings = 0;
    let mut set_aside = 0;
    let mut io_failed = false;
    let mut out = String::new();
    for (f, r) in results {
        let name = f.display().to_string();
        match r {
            Ok((checked, text)) => {
                errors += checked.errors();
                warnings += checked.warnings();
                set_aside += checked.diabaikan.len();
                if checked.diagnostics.is_empty() {
                    if !quiet || !checked.diabaikan.is_empty() {
                        let ok = if lang == Lang::Id {
                            "sesuai"
                        } else {
                            "conforms"
                        };
                        out.push_str(&format!("{name}: {ok}\n"));
                    }
                } else {
                    let opts = Options { lang, color };
                    out.push_str(&render::human(&checked.diagnostics, &name, &text, &opts));
                }
                out.push_str(&render::set_aside(&checked.diabaikan, &name, &text, lang));
            }
            Err(e) => {
                io_failed = true;
                out.push_str(&format!("{name}: {e}\n"));
            }
        }
    }
    let n = files.len();
    let files_word = if lang == Lang::Id {
        "berkas"
    } else {
        if n == 1 {
            "file"
        } else {
            "files"
        }
    };
    let aside = match (set_aside, lang) {
        (0, _) => String::new(),
        (k, Lang::Id) => format!(", {k} diabaikan"),
        (k, Lang::En) => format!(", {k} set aside"),
    };
    out.push_str(&format!(
        "{n} {files_word}: {}{aside}\n",
        render::summary(errors, warnings, lang)
    ));
    out!("{out}");
    Ok(exit_code(io_failed, errors, warnings, a.deny_warnings))
}

type Hasil<'a> = (&'a PathBuf, Result<(juknis::Checked, String)>);

/// JSON, SARIF or GitHub output: the same diagnostics as the human form; a file
/// that cannot be read is reported on stderr and makes the exit code 2.
fn machine(a: &Args, results: &[Hasil], lang: Lang) -> Result<u8> {
    use juknis::diagnostic::laporan::{self, Berkas};
    use juknis::diagnostic::{compact, github, gitlab, sarif};
    let mut io_failed = false;
    let mut errors = 0;
    let mut warnings = 0;
    let names: Vec<String> = results
        .iter()
        .map(|(f, _)| f.display().to_string())
        .collect();
    let mut files = Vec::new();
    let mut rb = juknis::rulebook::default_rulebook();
    for ((_, r), name) in results.iter().zip(&names) {
        match r {
            Ok((checked, text)) => {
                errors += checked.errors();
                warnings += checked.warnings();
                rb = checked.rulebook;
                files.push(Berkas {
                    nama: name,
                    sumber: text,
                    diagnostik: &checked.diagnostics,
                    diabaikan: &checked.diabaikan,
                });
            }
            Err(e) => {
                io_failed = true;
                eprintln!("{name}: {e}");
            }
        }
    }
    let out = match a.format {
        Format::Json => laporan::json(&files, rb, lang),
        Format::Sarif => sarif::sarif(&files, rb, lang),
        Format::Gitlab => gitlab::gitlab(&files, rb, lang),
        Format::Compact => compact::compact(&files, rb, lang),
        Format::Junit => compact::junit(&files, rb, lang, a.deny_warnings),
        Format::Github | Format::Human => github::github(&files, rb, lang),
    };
    out!("{out}");
    Ok(exit_code(io_failed, errors, warnings, a.deny_warnings))
}

/// 2 when a file could not be read, 1 on errors (or warnings with
/// `--deny-warnings`), else 0.
fn exit_code(io_failed: bool, errors: usize, warnings: usize, deny_warnings: bool) -> u8 {
    if io_failed {
        EXIT_USAGE
    } else if errors > 0 || (deny_warnings && warnings > 0) {
        EXIT_VIOLATIONS
    } else {
        EXIT_OK
    }
}
