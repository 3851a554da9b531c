//! Plan signatures in the minisign format (Ed25519 over the BLAKE2b-512 hash of
//! the file): `juknis compile --sign KEY` writes `PLAN.minisig` beside the plan;
//! `juknis run --verify KEY.pub` refuses a plan whose signature does not match.
//! The hash inside a plan (`sha256_rencana`) only catches accidents — anyone can
//! recompute it; a signature shows the Dinas that holds the key made the plan.
//! Any minisign implementation verifies it (`minisign -Vm plan.json -p juknis.pub`).

use minisign::{KeyPair, PublicKeyBox, SecretKeyBox, SignatureBox};
use std::io::Cursor;

/// Environment variable holding the secret key's password, when it has one.
pub const SANDI_ENV: &str = "JUKNIS_SANDI_KUNCI";

/// A new key pair as (public key file text, secret key file text). With a
/// password the secret key is encrypted with it (scrypt), as `minisign -G` does.
pub fn generate_keys(sandi: Option<&str>) -> Result<(String, String), String> {
    let KeyPair { pk, sk } = match sandi {
        Some(s) if !s.is_empty() => KeyPair::generate_encrypted_keypair(Some(s.to_string())),
        _ => KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(|e| e.to_string())?;
    let pk = pk.to_box().map_err(|e| e.to_string())?.to_string();
    let sk = sk
        .to_box(Some("kunci rahasia juknis / juknis secret key"))
        .map_err(|e| e.to_string())?
        .to_string();
    Ok((pk, sk))
}

/// Sign `data` (the plan file's bytes) with a secret key file's text. The
/// trusted comment, covered by the signature, names the plan.
pub fn sign(
    data: &[u8],
    kunci_rahasia: &str,
    sandi: &str,
    komentar: &str,
) -> Result<String, String> {
    let tak_terbaca = |e: minisign::PError| {
        format!("kunci rahasia tidak terbaca / cannot read the secret key: {e}")
    };
    let kotak = SecretKeyBox::from_string(kunci_rahasia).map_err(tak_terbaca)?;
    // An unencrypted key reads without a password; an encrypted one needs it.
    let sk = match kotak.clone().into_unencrypted_secret_key() {
        Ok(sk) => sk,
        Err(_) if sandi.is_empty() => {
            return Err(format!(
                "kunci rahasia ini berpassword: isi variabel lingkungan {SANDI_ENV} / this secret key has a password: set the environment variable {SANDI_ENV}"
            ))
        }
        Err(_) => kotak.into_secret_key(Some(sandi.to_string())).map_err(tak_terbaca)?,
    };
    let sig = minisign::sign(None, &sk, Cursor::new(data), Some(komentar), None)
        .map_err(|e| e.to_string())?;
    Ok(sig.to_string())
}

/// Check the signature of `data` against a public key file's text; on success,
/// the signed trusted comment.
pub fn verify(data: &[u8], tanda: &str, kunci_publik: &str) -> Result<String, String> {
    let pk = PublicKeyBox::from_string(kunci_publik)
        .and_then(|b| b.into_public_key())
        .map_err(|e| format!("kunci publik tidak terbaca / cannot read the public key: {e}"))?;
    let sig = SignatureBox::from_string(tanda)
        .map_err(|e| format!("tanda tangan tidak terbaca / cannot read the signature: {e}"))?;
    minisign::verify(&pk, &sig, Cursor::new(data), true, false, false).map_err(|e| {
        format!("tanda tangan tidak cocok dengan rencana atau kunci ini / the signature does not match this plan or key: {e}")
    })?;
    sig.trusted_comment().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_plan_verifies_and_an_edited_one_does_not() -> Result<(), String> {
        for sandi in [None, Some("rahasia")] {
            let (pk, sk) = generate_keys(sandi)?;
            let plan = b"{\"format\":\"juknis-plan/2\"}";
            let sig = sign(plan, &sk, sandi.unwrap_or(""), "rencana uji")?;
            assert_eq!(verify(plan, &sig, &pk)?, "rencana uji");
            assert!(verify(b"{\"format\":\"juknis-plan/3\"}", &sig, &pk).is_err());
            let (other, _) = generate_keys(None)?;
            assert!(verify(plan, &sig, &other).is_err());
        }
        let (_, sk) = generate_keys(Some("rahasia"))?;
        assert!(sign(b"x", &sk, "salah", "c").is_err());
        Ok(())
    }
}
