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
    /// Berkas juknis.
    #[arg(value_name = "BERKAS")]
    pub file: PathBuf,
    /// Bentuk rencana.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Tulis rencana ke berkas ini, bukan ke keluaran standar.
    #[arg(long, short, value_name = "BERKAS")]
    pub output: Option<PathBuf>,
    /// Tandatangani rencana dengan kunci rahasia minisign ini (dari `juknis
    /// kunci`); tanda tangannya ditulis di samping rencana sebagai `OUT.minisig`.
    /// Perlu `-o`. Kata sandi kunci dibaca dari JUKNIS_SANDI_KUNCI.
    #[arg(long, value_name = "KUNCI")]
    pub sign: Option<PathBuf>,
    /// Untuk juknis yang dibagi per jenjang (`bagian SMA { … }`): bagian yang
    /// dikompilasi. Tanpa ini setiap bagian dikompilasi, masing-masing ke nama
    /// berkas `-o` dengan jenjang sebelum ekstensinya (`rencana.SMA.json`).
    #[arg(long, value_name = "JENJANG")]
    pub jenjang: Option<String>,
}

pub fn run(a: Args, lang: Lang, color: bool) -> Result<u8> {
    if a.sign.is_some() && a.output.is_none() {
        eprintln!("--sign memerlukan -o BERKAS (tanda tangan ditulis di BERKAS.minisig) / --sign needs -o FILE (the signature is written to FILE.minisig)");
        return Ok(EXIT_USAGE);
    }
    let bytes = super::read_juknis(&a.file).map_err(|e| miette!("{}: {e}", a.file.display()))?;
    let checked = juknis::check_bytes_with(&bytes, &super::batas());
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
    if checked.errors() > 0 || checked.juknis.is_none() {
        let msg = if lang == Lang::Id {
            "rencana tidak dibuat: perbaiki error di atas"
        } else {
            "no plan written: fix the errors above"
        };
        eprintln!("{msg}");
        return Ok(EXIT_VIOLATIONS);
    }
    let file_name = a
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or(name);
    let semua = checked.semua();
    let pilih: Vec<&juknis::model::Juknis> = match &a.jenjang {
        Some(jj) => semua
            .iter()
            .copied()
            .filter(|j| {
                j.jenjang()
                    .is_some_and(|x| x.as_str().eq_ignore_ascii_case(jj))
            })
            .collect(),
        None => semua,
    };
    if pilih.is_empty() {
        let ada: Vec<&str> = checked
            .semua()
            .iter()
            .filter_map(|j| j.jenjang().map(|x| x.as_str()))
            .collect();
        let (jj, ada) = (a.jenjang.as_deref().unwrap_or(""), ada.join(", "));
        eprintln!("jenjang `{jj}` tidak ada di juknis ini (ada: {ada}) / no jenjang `{jj}` in this juknis (it has: {ada})");
        return Ok(EXIT_USAGE);
    }
    if pilih.len() > 1 {
        // One plan per jenjang: each to its own file.
        let Some(out) = &a.output else {
            eprintln!("juknis ini memuat beberapa jenjang: beri -o BERKAS (satu rencana per jenjang, mis. BERKAS.SMA.json) atau --jenjang / this juknis holds several jenjang: give -o FILE (one plan per jenjang, e.g. FILE.SMA.json) or --jenjang");
            return Ok(EXIT_USAGE);
        };
        if a.sign.is_some() {
            eprintln!("--sign menandatangani satu rencana: pilih --jenjang / --sign signs one plan: choose --jenjang");
            return Ok(EXIT_USAGE);
        }
        let mut texts = Vec::new();
        for j in &pilih {
            let plan = juknis::compile::compile(j, checked.rulebook, &file_name, &bytes);
            let text = match a.format {
                Format::Json => plan.to_json(),
                Format::Yaml => plan.to_yaml(),
            };
            texts.push((per_jenjang(out, plan.juknis.jenjang.as_str()), text));
        }
        for (path, text) in &texts {
            if let Err(e) = juknis::atomic::write_atomic(path, text.as_bytes()) {
                eprintln!("{e}");
                return Ok(EXIT_USAGE);
            }
        }
        return Ok(EXIT_OK);
    }
    let plan = juknis::compile::compile(pilih[0], checked.rulebook, &file_name, &bytes);
    let text = match a.format {
        Format::Json => plan.to_json(),
        Format::Yaml => plan.to_yaml(),
    };
    match &a.output {
        Some(out) => {
            // Whole or not at all: a plan cut short would be refused by its hash,
            // but the previous plan must survive a failed write.
            // Signed before anything is written: a key that cannot sign leaves
            // no unsigned plan behind.
            let tanda = match &a.sign {
                Some(k) => match sign(k, &text, &plan) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        eprintln!("{}: {e}", k.display());
                        return Ok(EXIT_USAGE);
                    }
                },
                None => None,
            };
            if let Err(e) = juknis::atomic::write_atomic(out, text.as_bytes()) {
                eprintln!("{e}");
                return Ok(EXIT_USAGE);
            }
            if let Some(t) = tanda {
                let sig = sig_path(out);
                if let Err(e) = juknis::atomic::write_atomic(&sig, t.as_bytes()) {
                    eprintln!("{e}");
                    return Ok(EXIT_USAGE);
                }
            }
        }
        None => out!("{text}"),
    }
    Ok(EXIT_OK)
}

/// One jenjang's plan beside `out`: `rencana.json` → `rencana.SMA.json`.
pub fn per_jenjang(out: &std::path::Path, jenjang: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match out.extension() {
        Some(e) => format!("{stem}.{jenjang}.{}", e.to_string_lossy()),
        None => format!("{stem}.{jenjang}"),
    };
    out.with_file_name(name)
}

/// Where the signature of a plan file goes: beside it, `.minisig` appended.
pub fn sig_path(plan: &std::path::Path) -> PathBuf {
    let mut p = plan.as_os_str().to_owned();
    p.push(".minisig");
    PathBuf::from(p)
}

fn sign(kunci: &std::path::Path, text: &str, plan: &juknis::plan::Plan) -> Result<String, String> {
    let k = std::fs::read_to_string(kunci).map_err(|e| e.to_string())?;
    let sandi = std::env::var(juknis::plan::signature::SANDI_ENV).unwrap_or_default();
    // The trusted comment is signed too: it names the plan for whoever verifies.
    let komentar = format!(
        "{} {} sha256_rencana={}",
        plan.format, plan.sumber.berkas, plan.sha256_rencana
    );
    juknis::plan::signature::sign(text.as_bytes(), &k, &sandi, &komentar)
}
