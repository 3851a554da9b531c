//! Where a rule is met: the rulebook names, per rule, the statements that carry
//! it (`bukti`), as selectors this module resolves to spans of the juknis.
//!
//! Selectors:
//! - a header line: `acuan`, `pemerintah`, `jenjang`, `tahun_ajaran`,
//!   `ditetapkan`, `pengumuman_pendaftaran`;
//! - a block or one of its lines: `usia`, `usia.tanggal_acuan`, `usia.minimal`,
//!   `usia.maksimal`, `usia.prioritas`, `usia.istimewa`, `usia.kelompok`,
//!   `usia.pengecualian`, `wilayah`, `wilayah.metode`, `wilayah.perluasan`,
//!   `wilayah.perbatasan`, `daya_tampung`, `daya_tampung.rombel`,
//!   `daya_tampung.pembulatan`, `pilihan`;
//! - every statement of a kind: `skor`, `poin`, `sisa_kuota`, `lanjut`,
//!   `skor.rapor` and `skor.tes` (the terms of a kind), `cadangan`, `tahap`, `tahap.jalur`, `biaya`, `pendaftaran`, `pengaduan`,
//!   `pemantauan`, `bukti`, `dikecualikan`, `bersama`, `kuota_sekolah`,
//!   `urutan` (TK's ranking);
//! - jalur: `jalur` (every jalur's quota line), `jalur/NAME` (that jalur's and
//!   its sub-jalur's quota lines), `jalur/NAME/urutan`, `jalur/NAME/dokumen`,
//!   `jalur/NAME/syarat`, with `*` for every jalur.

use crate::model::{Jalur, Juknis, Sumber};
use crate::span::{Span, Spanned};

/// The spans a selector names in this juknis (empty when the juknis has no
/// such statement); an unknown selector is an error naming it.
pub fn resolve(j: &Juknis, selector: &str) -> Result<Vec<Span>, String> {
    if let Some(rest) = selector.strip_prefix("jalur") {
        return jalur(j, rest).ok_or_else(|| format!("unknown selector `{selector}`"));
    }
    let one = |s: Option<Span>| s.into_iter().collect::<Vec<_>>();
    fn spans<T>(v: &[Spanned<T>]) -> Vec<Span> {
        v.iter().map(|x| x.span).collect()
    }
    let u = &j.usia;
    let w = &j.wilayah;
    let d = &j.daya_tampung;
    Ok(match selector {
        "acuan" => one(j.acuan.as_ref().map(|x| x.span)),
        "pemerintah" => one(j.pemerintah.as_ref().map(|x| x.span)),
        "jenjang" => one(j.jenjang.as_ref().map(|x| x.span)),
        "tahun_ajaran" => one(j.tahun_ajaran.as_ref().map(|x| x.span)),
        "ditetapkan" => one(j.ditetapkan.as_ref().map(|x| x.span)),
        "pengumuman_pendaftaran" => one(j.pengumuman_pendaftaran.as_ref().map(|x| x.span)),
        "usia" => one(u.span),
        "usia.tanggal_acuan" => one(u.tanggal_acuan.as_ref().map(|x| x.span)),
        "usia.minimal" => one(u.minimal.as_ref().map(|x| x.span)),
        "usia.maksimal" => one(u.maksimal.as_ref().map(|x| x.span)),
        "usia.prioritas" => one(u.prioritas.as_ref().map(|x| x.span)),
        "usia.istimewa" => one(u.istimewa.as_ref().map(|x| x.span)),
        "usia.kelompok" => spans(&u.kelompok),
        "usia.pengecualian" => one(u.pengecualian.as_ref().map(|x| x.span)),
        "wilayah" => one(w.span),
        "wilayah.metode" => one(w.metode.as_ref().map(|x| x.span)),
        "wilayah.perluasan" => one(w.perluasan.as_ref().map(|x| x.span)),
        "wilayah.perbatasan" => spans(&w.perbatasan),
        "daya_tampung" => one(d.span),
        "daya_tampung.rombel" => one(d.rombel.as_ref().map(|x| x.span))
            .into_iter()
            .chain(d.pengecualian.as_ref().map(|x| x.span))
            .collect(),
        // The rounding line, when the juknis writes one (the default has no
        // line of its own: the block then stands for it).
        "daya_tampung.pembulatan" => {
            let p = d.pembulatan.span;
            if p.end > p.start {
                vec![p]
            } else {
                one(d.span)
            }
        }
        "pilihan" => one(j.pilihan.span),
        "skor" => j.skor.iter().map(|s| s.span).collect(),
        "skor.rapor" => terms(j, |s| matches!(s, Sumber::Rapor { .. })),
        "skor.tes" => terms(j, |s| matches!(s, Sumber::Tes { .. })),
        "poin" => j.poin.iter().map(|s| s.span).collect(),
        "sisa_kuota" => j.sisa_kuota.iter().map(|s| s.span).collect(),
        "lanjut" => j.lanjut.iter().map(|s| s.span).collect(),
        "cadangan" => one(j.cadangan.as_ref().map(|x| x.span)),
        "tahap" => j.tahap.iter().map(|t| t.span).collect(),
        "tahap.jalur" => j
            .tahap
            .iter()
            .filter_map(|t| {
                let first = t.jalur.first()?.span;
                let last = t.jalur.last()?.span;
                Some(first.join(last))
            })
            .collect(),
        "biaya" => spans(&j.biaya),
        "pendaftaran" => one(j.pendaftaran.as_ref().map(|x| x.span)),
        "pengaduan" => one(j.pengaduan.as_ref().map(|x| x.span)),
        "pemantauan" => one(j.pemantauan.as_ref().map(|x| x.span)),
        "bukti" => spans(&j.bukti),
        "dikecualikan" => spans(&j.dikecualikan),
        "bersama" => spans(&j.bersama),
        "kuota_sekolah" => spans(&j.kuota_sekolah),
        "urutan" => one(j.urutan_tk.as_ref().map(|x| x.span)),
        _ => return Err(format!("unknown selector `{selector}`")),
    })
}

/// The terms of every score whose source is of a kind.
fn terms(j: &Juknis, kind: impl Fn(&Sumber) -> bool) -> Vec<Span> {
    j.skor
        .iter()
        .flat_map(|s| s.suku.iter())
        .filter(|t| kind(&t.node.sumber.node))
        .map(|t| t.span)
        .collect()
}

/// `""`, `/NAME`, `/NAME/urutan|dokumen|syarat` (NAME may be `*`).
fn jalur(j: &Juknis, rest: &str) -> Option<Vec<Span>> {
    let mut parts = rest.split('/').skip(1);
    let (name, what) = (parts.next(), parts.next());
    if parts.next().is_some() || (rest.is_empty() != name.is_none()) {
        return None;
    }
    let chosen: Vec<&Jalur> = j
        .jalur
        .iter()
        .filter(|x| name.is_none_or(|n| n == "*" || x.id == n))
        .collect();
    let all = chosen
        .iter()
        .flat_map(|x| std::iter::once(*x).chain(x.sub.iter()));
    Some(match what {
        // The quota line: the jalur's (or sub-jalur's) name and percentage.
        None => all
            .map(|x| match &x.kuota {
                Some(k) => x.nama.span.join(k.span),
                None => x.nama.span,
            })
            .collect(),
        Some("urutan") => all
            .filter_map(|x| x.urutan.as_ref().map(|u| u.span))
            .collect(),
        Some("dokumen") => all
            .flat_map(|x| {
                x.dokumen_span
                    .into_iter()
                    .chain(x.dokumen.iter().map(|d| d.span))
            })
            .collect(),
        Some("syarat") => all.flat_map(|x| x.syarat.iter().map(|s| s.span)).collect(),
        Some(_) => return None,
    })
}
