//! `juknis init --jenjang SD|SMP|SMA|SMK|TK [--pemerintah "Kota Surabaya"]`: a
//! starting juknis with a comment on each block naming the article behind it;
//! the numbers are at the national bounds and the writer adjusts them.
//! `--tanya` asks what the Dinas decides instead (src/template/): every answer
//! left empty stays a placeholder that fails `check` until filled.

use super::{EXIT_OK, EXIT_USAGE};
use clap::ValueEnum;
use juknis::diagnostic::Lang;
use juknis::plan::jenis::Jenjang;
use juknis::template::{self, Jawaban};
use miette::{miette, Result};
use std::path::PathBuf;

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum JenjangArg {
    #[value(name = "TK", alias = "tk")]
    Tk,
    #[value(name = "SD", alias = "sd")]
    Sd,
    #[value(name = "SMP", alias = "smp")]
    Smp,
    #[value(name = "SMA", alias = "sma")]
    Sma,
    #[value(name = "SMK", alias = "smk")]
    Smk,
}

impl JenjangArg {
    fn jenjang(self) -> Jenjang {
        match self {
            JenjangArg::Tk => Jenjang::TK,
            JenjangArg::Sd => Jenjang::SD,
            JenjangArg::Smp => Jenjang::SMP,
            JenjangArg::Sma => Jenjang::SMA,
            JenjangArg::Smk => Jenjang::SMK,
        }
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// Jenjang juknis: TK, SD, SMP, SMA atau SMK (dengan --tanya boleh
    /// dijawab di terminal).
    #[arg(long, value_enum, required_unless_present = "tanya")]
    pub jenjang: Option<JenjangArg>,
    /// Pemerintah penerbit, mis. "Provinsi Jawa Timur", "Kota Surabaya",
    /// "Kabupaten Sleman" (tanpa ini: isian yang gagal diperiksa sampai diisi).
    #[arg(long)]
    pub pemerintah: Option<String>,
    /// Tahun penerimaan (bawaan: penerimaan berikutnya sesudah hari ini).
    #[arg(long)]
    pub tahun: Option<i32>,
    /// Tulis ke berkas ini, bukan ke keluaran standar.
    #[arg(long, short, value_name = "BERKAS")]
    pub output: Option<PathBuf>,
    /// Timpa berkas yang sudah ada.
    #[arg(long)]
    pub force: bool,
    /// Ajukan pertanyaan di terminal (awal terpandu): jawaban yang dikosongkan
    /// tetap berupa isian yang gagal diperiksa sampai diisi.
    #[arg(long)]
    pub tanya: bool,
}

fn tahun_sekarang() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(20_000) as i64;
    let (y, m, _) = juknis::engine::civil(days);
    // After July the next admission is next year's.
    (y + i64::from(m >= 7)) as i32
}

/// Ask the template's questions on standard error and read the answers from
/// standard input, a line each; an empty line (or the end of input) leaves the
/// placeholder. The national bound is shown beside each question.
fn ask(
    jenjang: Option<Jenjang>,
    tahun: Option<i32>,
    lang: Lang,
) -> Result<(Jenjang, i32, Jawaban), String> {
    use std::io::BufRead;
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut read = |prompt: &str| -> String {
        eprint!("{prompt}: ");
        match lines.next() {
            Some(Ok(l)) => l.trim().to_string(),
            _ => String::new(),
        }
    };
    let id = lang == Lang::Id;
    let jenjang = match jenjang {
        Some(j) => j,
        None => {
            let v = read("Jenjang (TK, SD, SMP, SMA, SMK)");
            Jenjang::ALL
                .into_iter()
                .find(|j| j.as_str().eq_ignore_ascii_case(&v))
                .ok_or_else(|| format!("jenjang: TK, SD, SMP, SMA, SMK (`{v}`)"))?
        }
    };
    let tahun = match tahun {
        Some(y) => y,
        None => {
            let bawaan = tahun_sekarang();
            let v = read(&if id {
                format!("Tahun penerimaan [{bawaan}]")
            } else {
                format!("Admission year [{bawaan}]")
            });
            if v.is_empty() {
                bawaan
            } else {
                v.parse().map_err(|_| format!("tahun: `{v}`"))?
            }
        }
    };
    let rb = juknis::rulebook::default_rulebook();
    let mut jawaban = Jawaban::new();
    let mut bagian = String::new();
    if id {
        eprintln!("Kosongkan jawaban yang belum diputuskan: tempatnya ditulis sebagai isian [..] yang gagal diperiksa sampai diisi.");
    } else {
        eprintln!("Leave an answer empty when it is not decided yet: it is written as a placeholder [..] that fails the check until filled.");
    }
    for q in template::pertanyaan(rb, jenjang, tahun) {
        let b = q.bagian.get(lang);
        if b != bagian {
            eprintln!("\n== {b} ==");
            bagian = b.to_string();
        }
        let mut prompt = q.judul.get(lang).to_string();
        if let Some(batas) = &q.batas {
            prompt.push_str(&format!(" — {}", batas.get(lang)));
        }
        if q.pilihan.is_empty() {
            prompt.push_str(&format!(
                " ({}: {})",
                if id { "bentuk" } else { "form" },
                q.contoh
            ));
        } else {
            prompt.push_str(&format!(" ({})", q.pilihan.join(" | ")));
        }
        let v = read(&prompt);
        if !v.is_empty() {
            jawaban.insert(q.kunci, v);
        }
    }
    Ok((jenjang, tahun, jawaban))
}

pub fn run(a: Args, lang: Lang) -> Result<u8> {
    if let Some(y) = a.tahun.filter(|y| !(2025..=2099).contains(y)) {
        eprintln!("--tahun 2025..2099 ({y})");
        return Ok(EXIT_USAGE);
    }
    let (jenjang, y, jawaban) = if a.tanya {
        match ask(a.jenjang.map(JenjangArg::jenjang), a.tahun, lang) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("{e}");
                return Ok(EXIT_USAGE);
            }
        }
    } else {
        let Some(j) = a.jenjang.map(JenjangArg::jenjang) else {
            eprintln!("--jenjang TK|SD|SMP|SMA|SMK");
            return Ok(EXIT_USAGE);
        };
        let y = a.tahun.unwrap_or_else(tahun_sekarang);
        (
            j,
            y,
            template::defaults(juknis::rulebook::default_rulebook(), j, y),
        )
    };
    let mut jawaban = jawaban;
    if let Some(p) = &a.pemerintah {
        jawaban.insert("pemerintah".into(), p.clone());
    }
    let text = match template::write(jenjang, y, &jawaban) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("--pemerintah: {}", e.get(lang));
            return Ok(EXIT_USAGE);
        }
    };
    match &a.output {
        Some(p) => {
            if p.exists() && !a.force {
                let msg = if lang == Lang::Id {
                    "sudah ada; pakai --force untuk menimpa"
                } else {
                    "already exists; use --force to overwrite"
                };
                eprintln!("{}: {msg}", p.display());
                return Ok(EXIT_USAGE);
            }
            juknis::atomic::write_atomic(p, text.as_bytes()).map_err(|e| miette!("{e}"))?;
        }
        None => out!("{text}"),
    }
    Ok(EXIT_OK)
}
