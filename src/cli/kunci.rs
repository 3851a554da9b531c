//! `juknis kunci -o DIR`: a key pair for signing plans (minisign format):
//! `juknis.key` (secret: keep it with the official who signs) and `juknis.pub`
//! (public: publish it, and give it to whoever runs the plans). With
//! JUKNIS_SANDI_KUNCI set, the secret key is encrypted with that password.

use super::{EXIT_OK, EXIT_USAGE};
use juknis::diagnostic::Lang;
use miette::{miette, Result};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Folder untuk juknis.key dan juknis.pub.
    // `--keluaran` was its first name: kept as an alias (docs/development.md, Names).
    #[arg(long, short = 'o', alias = "keluaran", value_name = "FOLDER")]
    pub output: PathBuf,
}

pub fn run(a: Args, lang: Lang) -> Result<u8> {
    let (sk_path, pk_path) = (a.output.join("juknis.key"), a.output.join("juknis.pub"));
    for p in [&sk_path, &pk_path] {
        if p.exists() {
            let msg = if lang == Lang::Id {
                "sudah ada; kunci lama tidak ditimpa (rencana yang ditandatanganinya tetap diperiksa dengan kunci publiknya)"
            } else {
                "already exists; an old key is never overwritten (plans signed with it are still checked with its public key)"
            };
            eprintln!("{}: {msg}", p.display());
            return Ok(EXIT_USAGE);
        }
    }
    let sandi = std::env::var(juknis::plan::signature::SANDI_ENV).ok();
    let (pk, sk) =
        juknis::plan::signature::generate_keys(sandi.as_deref()).map_err(|e| miette!("{e}"))?;
    std::fs::create_dir_all(&a.output).map_err(|e| miette!("{}: {e}", a.output.display()))?;
    juknis::atomic::write_atomic(&sk_path, sk.as_bytes()).map_err(|e| miette!("{e}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&sk_path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| miette!("{}: {e}", sk_path.display()))?;
    }
    juknis::atomic::write_atomic(&pk_path, pk.as_bytes()).map_err(|e| miette!("{e}"))?;
    if lang == Lang::Id {
        eprintln!(
            "kunci rahasia: {} (simpan, jangan dibagikan); kunci publik: {} (umumkan){}",
            sk_path.display(),
            pk_path.display(),
            if sandi.is_some() {
                ""
            } else {
                "; kunci rahasia tanpa password: set JUKNIS_SANDI_KUNCI untuk mengenkripsinya"
            }
        );
    } else {
        eprintln!(
            "secret key: {} (keep it, never share it); public key: {} (publish it){}",
            sk_path.display(),
            pk_path.display(),
            if sandi.is_some() {
                ""
            } else {
                "; the secret key has no password: set JUKNIS_SANDI_KUNCI to encrypt it"
            }
        );
    }
    Ok(EXIT_OK)
}
