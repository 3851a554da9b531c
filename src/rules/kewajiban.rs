//! Pasal 33 obligations: free registration, an offline path, complaint channel,
//! monitoring, the reserve list for no-shows, and the minimum content of a juknis.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Cadangan, Mekanisme};
use crate::t;

pub fn check(c: &mut Ctx) {
    let head = c.j.judul.span;
    let missing = |c: &mut Ctx, what_id: &str, what_en: &str, example: &str| {
        c.push(
            Diagnostic::new(
                "juknis.isi",
                t!(
                    "juknis belum memuat {what_id}",
                    "the juknis does not state {what_en}"
                ),
            )
            .at(head, None)
            .help(t!("tambahkan `{example}`", "add `{example}`")),
        );
    };
    let fee_words = ["tes", "ujian", "asesmen"];
    if c.j.biaya.is_empty() {
        missing(
            c,
            "ketentuan tanpa pungutan biaya",
            "the no-fee rule",
            "biaya gratis",
        );
    }
    for b in &c.j.biaya {
        let is_test = b
            .node
            .untuk
            .as_deref()
            .is_some_and(|u| u.split('_').any(|t| fee_words.contains(&t)));
        if b.node.rupiah > 0 && !is_test {
            let r = rupiah(b.node.rupiah);
            c.push(
                Diagnostic::new(
                    "biaya",
                    t!(
                        "pendaftaran SPMB tidak boleh dipungut biaya (Rp {r})",
                        "SPMB registration must be free of any charge (Rp {r})"
                    ),
                )
                .at(b.span, None)
                .help(t!("tulis `biaya gratis`", "write `biaya gratis`")),
            );
        }
    }
    match &c.j.pendaftaran {
        None => missing(
            c,
            "mekanisme pendaftaran daring/luring",
            "the online/offline registration mechanism",
            "pendaftaran daring, luring",
        ),
        Some(p) if !p.node.iter().any(|m| m.node == "luring") => c.push(
            Diagnostic::new(
                "luring",
                t!(
                    "pendaftaran luring harus tersedia",
                    "offline registration must be available"
                ),
            )
            .at(p.span, None)
            .help(t!(
                "tulis `pendaftaran daring, luring`",
                "write `pendaftaran daring, luring`"
            )),
        ),
        Some(_) => {}
    }
    if c.j.pengaduan.is_none() {
        missing(
            c,
            "kanal pengaduan",
            "a complaint channel",
            "pengaduan \"https://…\"",
        );
    }
    if c.j.pemantauan.is_none() {
        missing(
            c,
            "pemantauan dan evaluasi",
            "monitoring and evaluation",
            "pemantauan \"Tim monitoring dan evaluasi …\"",
        );
    }
    if let Some(cd) = &c.j.cadangan {
        // `cadangan 0%` keeps no reserve either.
        let nol = matches!(cd.node, Cadangan::Persen(p) if p == crate::model::Persen::ZERO);
        if cd.node == Cadangan::TidakAda || nol {
            c.push(
                Diagnostic::new(
                    "daftar_ulang",
                    t!(
                        "kursi pendaftar yang tidak daftar ulang diisi dari daftar cadangan",
                        "seats of no-shows at re-registration are filled from the reserve list"
                    ),
                )
                .at(cd.span, None)
                .help(t!("tulis `cadangan semua`", "write `cadangan semua`")),
            );
        }
    }
    let pil = &c.j.pilihan;
    if pil.mekanisme.node == Mekanisme::Tunggal && pil.maksimal.node > 1 {
        let n = pil.maksimal.node;
        c.push(
            Diagnostic::new(
                "konsistensi.pilihan",
                t!(
                    "mekanisme `tunggal` hanya untuk satu pilihan, bukan {n}",
                    "mechanism `tunggal` means one choice, not {n}"
                ),
            )
            .at(pil.maksimal.span, None)
            .help(t!(
                "pilih `mekanisme pilihan_pertama_diutamakan` atau `penerimaan_tertunda`",
                "use `mekanisme pilihan_pertama_diutamakan` or `penerimaan_tertunda`"
            )),
        );
    }
}

/// 100000 → "100.000", as amounts are written in Indonesia.
pub fn rupiah(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}
