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
mod bantuan;
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

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use juknis::diagnostic::Lang;
use std::process::ExitCode;

// The help is in Bahasa Indonesia (these doc comments); `--lang en` swaps in
// the English of bantuan.rs, keyed by command and argument.

/// Periksa juknis SPMB terhadap Permendikdasmen 3/2025 dan kompilasi menjadi
/// rencana seleksi.
#[derive(Parser)]
#[command(name = "juknis", version)]
pub struct Cli {
    /// Bahasa pesan dan bantuan: id (Bahasa Indonesia) atau en (English).
    #[arg(long, global = true, value_enum, value_name = "BAHASA", default_value_t = LangArg::Id)]
    pub lang: LangArg,
    /// Jangan pernah memakai warna (warna juga mati bila keluaran bukan terminal
    /// atau NO_COLOR diisi).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Lebih ringkas: `check` hanya menyebut berkas yang bermasalah, `fmt --check`
    /// hanya kode keluar, `run` tanpa kemajuan dan ringkasan.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Ukuran terbesar berkas juknis yang dibaca, dalam bita (lihat docs/limits.md).
    #[arg(long, global = true, value_name = "BITA", default_value_t = juknis::batas::UKURAN_BERKAS)]
    pub batas_ukuran: usize,
    /// Jumlah baris data terbanyak dalam satu berkas CSV untuk `run`.
    #[arg(long, global = true, value_name = "N", default_value_t = juknis::batas::BARIS_DATA)]
    pub batas_baris: usize,
    /// Jumlah bita terbanyak dalam satu sel CSV untuk `run`.
    #[arg(long, global = true, value_name = "BITA", default_value_t = juknis::batas::PANJANG_SEL)]
    pub batas_sel: usize,
    /// Ukuran terbesar berkas data CSV untuk `run`, dalam bita.
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
    /// Apa yang berubah di antara dua juknis dan apa artinya terhadap peraturan;
    /// dengan `--sekolah` dan `--pendaftar`, apa dampaknya bagi pendaftar.
    Banding(banding::Args),
    /// Periksa berkas dan folder juknis terhadap peraturan.
    Check(check::Args),
    /// Kompilasi satu juknis menjadi rencana seleksi (JSON atau YAML).
    Compile(compile::Args),
    /// Jelaskan kode diagnostik: aturannya, pasal dan tingkat keyakinannya, contoh.
    Explain(explain::Args),
    /// Tulis ulang berkas juknis dalam tata letak baku (`--check`: hanya laporkan).
    Fmt(fmt::Args),
    /// Tulis juknis awal untuk satu jenjang: angka pada batas nasional, atau
    /// dengan `--tanya` dari jawaban Dinas (yang tidak dijawab tetap isian).
    Init(init::Args),
    /// Laporan kepatuhan: setiap aturan yang berlaku, per pasal, dengan statusnya
    /// dan baris yang memenuhi atau melanggarnya (HTML untuk A4, Markdown, JSON).
    Kepatuhan(kepatuhan::Args),
    /// Buat pasangan kunci untuk menandatangani rencana (format minisign).
    Kunci(kunci::Args),
    /// Server Language Server Protocol lewat masukan dan keluaran standar, untuk
    /// editor: diagnostik sambil mengetik, keterangan, pelengkapan, lompat ke
    /// definisi, perapian, perbaikan cepat.
    Lsp(lsp::Args),
    /// Jalankan rencana pada data sekolah dan pendaftar dengan mesin seleksi
    /// rujukan.
    Run(run::Args),
    /// Buat data sekolah dan pendaftar sintetis untuk sebuah rencana.
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
    // The help's language is known before parsing: `--lang en` anywhere.
    let mut cmd = bantuan::localise(Cli::command(), bantuan::lang_of_args(std::env::args_os()));
    let parsed = cmd
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|m| Cli::from_arg_matches(&m).map_err(|e| e.format(&mut cmd)));
    let cli = match parsed {
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
