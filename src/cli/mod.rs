//! One file per command. Exit codes: 0 conforms, 1 violations, 2 usage or I/O.

// Standard output through these, not print!: a closed pipe (`juknis … | head`)
// ends the program quietly with exit 2 instead of a panic.
macro_rules! out {
    ($($t:tt)*) => { $crate::cli::write_out(&format!($($t)*)) };
}
macro_rules! outln {
    ($($t:tt)*) => { $crate::cli::write_out(&format!("{}\n", format_args!($($t)*))) };
}

mod banding;
mod check;
mod compile;
mod explain;
mod fmt;
mod init;
mod kepatuhan;
mod kunci;
mod lsp;
mod run;
mod synth;

use clap::{Parser, Subcommand, ValueEnum};
use juknis::diagnostic::Lang;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "juknis",
    version,
    about = "Periksa juknis SPMB terhadap Permendikdasmen 3/2025 dan kompilasi menjadi rencana seleksi.\nChecks SPMB juknis against Permendikdasmen 3/2025 and compiles them into selection plans."
)]
pub struct Cli {
    /// Language of messages: id (Bahasa Indonesia) or en (English).
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Id)]
    pub lang: LangArg,
    /// Never use colour (colour is also off when output is not a terminal or NO_COLOR is set).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Say less: `check` lists only files with problems, `fmt --check` only the
    /// exit code, `run` shows no progress or summary.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Largest juknis file read, in bytes (see docs/limits.md).
    #[arg(long, global = true, value_name = "BITA", default_value_t = juknis::batas::UKURAN_BERKAS)]
    pub batas_ukuran: usize,
    /// Most data rows in a CSV file for `run`.
    #[arg(long, global = true, value_name = "N", default_value_t = juknis::batas::BARIS_DATA)]
    pub batas_baris: usize,
    /// Most bytes in one CSV cell for `run`.
    #[arg(long, global = true, value_name = "BITA", default_value_t = juknis::batas::PANJANG_SEL)]
    pub batas_sel: usize,
    /// Largest CSV data file for `run`, in bytes.
    #[arg(long, global = true, value_name = "BITA", default_value_t = juknis::batas::UKURAN_DATA)]
    pub batas_ukuran_data: usize,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Copy, Clone, ValueEnum)]
pub enum LangArg {
    Id,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// What changed between two juknis and what it means against the
    /// regulation; with `--sekolah` and `--pendaftar`, what it does to
    /// applicants.
    Banding(banding::Args),
    /// Check juknis files and folders against the regulation.
    Check(check::Args),
    /// Compile one juknis into a selection plan (JSON or YAML).
    Compile(compile::Args),
    /// Explain a diagnostic code: the rule, its article and confidence, examples.
    Explain(explain::Args),
    /// Rewrite juknis files in the canonical layout (`--check`: report only).
    Fmt(fmt::Args),
    /// Write a starting juknis for a jenjang that conforms.
    Init(init::Args),
    /// The conformance report: every applicable rule, grouped by article, with
    /// its status and the lines that meet or break it (HTML for A4, Markdown,
    /// JSON).
    Kepatuhan(kepatuhan::Args),
    /// Make a key pair for signing plans (minisign format).
    Kunci(kunci::Args),
    /// A Language Server Protocol server over standard input and output, for
    /// editors: diagnostics as you type, hover, completion, go to definition,
    /// formatting, quick fixes.
    Lsp(lsp::Args),
    /// Run a plan on schools and applicants with the reference engine.
    Run(run::Args),
    /// Generate synthetic schools and applicants for a plan.
    Synth(synth::Args),
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_VIOLATIONS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

static BATAS: std::sync::OnceLock<juknis::batas::Batas> = std::sync::OnceLock::new();

/// The limits of this run (the `--batas-*` flags).
pub fn batas() -> juknis::batas::Batas {
    BATAS.get().copied().unwrap_or_default()
}

/// Read a juknis file, at most one byte more than the size limit: a huge file
/// is reported as too large without being read whole.
pub fn read_juknis(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if path == std::path::Path::new("-") {
        let mut out = Vec::new();
        let maks = batas().ukuran_berkas as u64;
        std::io::stdin()
            .lock()
            .take(maks.saturating_add(1))
            .read_to_end(&mut out)?;
        return Ok(out);
    }
    if path.is_dir() {
        return Err(std::io::Error::other(
            "ini folder, bukan berkas / is a folder, not a file",
        ));
    }
    let mut out = Vec::new();
    let maks = batas().ukuran_berkas as u64;
    std::fs::File::open(path)?
        .take(maks.saturating_add(1))
        .read_to_end(&mut out)?;
    Ok(out)
}

/// A report to its file (whole or not at all) or to standard output; the exit
/// code `ok` when written, 2 after saying why not.
pub fn write_report(output: Option<&std::path::Path>, text: &str, ok: u8) -> u8 {
    match output {
        Some(path) => {
            if let Err(e) = juknis::atomic::write_atomic(path, text.as_bytes()) {
                eprintln!("{}: {e}", path.display());
                return EXIT_USAGE;
            }
        }
        None => out!("{text}"),
    }
    ok
}

pub fn use_color(no_color: bool) -> bool {
    use std::io::IsTerminal;
    !no_color && std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let _ = BATAS.set(juknis::batas::Batas {
        ukuran_berkas: cli.batas_ukuran,
        baris_data: cli.batas_baris,
        panjang_sel: cli.batas_sel,
        ukuran_data: cli.batas_ukuran_data,
    });
    let lang: Lang = cli.lang.into();
    let _ = LANG.set(lang);
    let color = use_color(cli.no_color);
    let result = match cli.command {
        Command::Banding(a) => banding::run(a, lang),
        Command::Check(a) => check::run(a, lang, color, cli.quiet),
        Command::Compile(a) => compile::run(a, lang, color),
        Command::Explain(a) => explain::run(a, lang),
        Command::Fmt(a) => fmt::run(a, lang, color, cli.quiet),
        Command::Init(a) => init::run(a, lang),
        Command::Kepatuhan(a) => kepatuhan::run(a, lang),
        Command::Kunci(a) => kunci::run(a, lang),
        Command::Lsp(a) => lsp::run(a, lang),
        Command::Run(a) => run::run(a, lang, cli.quiet),
        Command::Synth(a) => synth::run(a, lang),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("{:?}", e);
            ExitCode::from(EXIT_USAGE)
        }
    }
}

pub fn write_out(s: &str) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    if let Err(e) = o.write_all(s.as_bytes()).and_then(|_| o.flush()) {
        report_stdout_error(&e, chosen_lang());
        std::process::exit(i32::from(EXIT_USAGE));
    }
}

static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

fn chosen_lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Say why standard output could not be written (a full disk, a closed pipe):
/// the output is incomplete, and silence would hide it.
pub fn report_stdout_error(e: &std::io::Error, lang: Lang) {
    let closed = e.kind() == std::io::ErrorKind::BrokenPipe;
    match (lang, closed) {
        (Lang::Id, true) => eprintln!("juknis: keluaran standar ditutup sebelum selesai ditulis; keluaran terpotong"),
        (Lang::Id, false) => eprintln!("juknis: gagal menulis ke keluaran standar: {e}; keluaran tidak lengkap"),
        (Lang::En, true) => eprintln!("juknis: standard output was closed before everything was written; the output is cut short"),
        (Lang::En, false) => eprintln!("juknis: cannot write to standard output: {e}; the output is incomplete"),
    }
}
