//! Required documents per jalur (FAQ 27): KK at least one year old for domisili,
//! proof of a poverty programme or disability for afirmasi, the parent's
//! assignment letter for mutasi.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::Jalur;
use crate::t;

const MISKIN: &[&str] = &[
    "kip",
    "pkh",
    "kks",
    "dtks",
    "dtsen",
    "ketm",
    "sktm",
    "bpnt",
    "pip",
    "miskin",
    "tidak_mampu",
    "kartu_program",
    "bansos",
];
const DISABILITAS: &[&str] = &["disabilitas", "dokter", "asesmen", "difabel"];

fn has(names: &[&str], words: &[&str]) -> bool {
    names.iter().any(|n| words.iter().any(|w| n.contains(w)))
}

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    if !jj.has_national_jalur() {
        return;
    }
    let kk_min = c.rb.parameter.kk_minimal_tahun * 12;
    for leaf in c.j.leaves() {
        let docs = c.j.dokumen_of(leaf);
        let names: Vec<&str> = docs.iter().map(|d| d.node.nama.as_str()).collect();
        let at = doc_span(c, leaf);
        let n = &leaf.id;
        match leaf.induk() {
            "domisili" => match docs.iter().find(|d| d.node.nama == "kartu_keluarga") {
                None if !names.contains(&"surat_keterangan_domisili") || names.is_empty() => c.push(
                    Diagnostic::new("dok.kk", t!("{n} tidak mensyaratkan kartu keluarga", "{n} does not require the family card (KK)"))
                        .at(at, None)
                        .help(t!("tulis `dokumen kartu_keluarga minimal 1 tahun, surat_keterangan_domisili`", "write `dokumen kartu_keluarga minimal 1 tahun, surat_keterangan_domisili`")),
                ),
                None => c.push(
                    Diagnostic::new("dok.kk", t!("{n}: surat keterangan domisili hanya pengganti kartu keluarga", "{n}: the domicile letter only replaces the family card"))
                        .at(at, None)
                        .help(t!("tambahkan `kartu_keluarga minimal 1 tahun`", "add `kartu_keluarga minimal 1 tahun`")),
                ),
                Some(kk) if kk.node.minimal_bulan.unwrap_or(0) < kk_min => {
                    let y = c.rb.parameter.kk_minimal_tahun;
                    c.push(
                        Diagnostic::new("dok.kk", t!("kartu keluarga harus terbit paling singkat {y} tahun sebelum pendaftaran", "the family card must be issued at least {y} year before registration"))
                            .at(kk.span, None)
                            .help(t!("tulis `kartu_keluarga minimal {y} tahun`", "write `kartu_keluarga minimal {y} tahun`")),
                    );
                }
                Some(_) => {}
            },
            "afirmasi" if !has(&names, MISKIN) && !has(&names, DISABILITAS) => c.push(
                Diagnostic::new("dok.afirmasi", t!("{n} tidak mensyaratkan bukti keluarga tidak mampu atau disabilitas", "{n} requires no proof of low income or disability"))
                    .at(at, None)
                    .help(t!("tulis mis. `dokumen kip, pkh, kks` atau `dokumen kartu_disabilitas, surat_dokter`", "write e.g. `dokumen kip, pkh, kks` or `dokumen kartu_disabilitas, surat_dokter`")),
            ),
            "mutasi" if !names.iter().any(|d| d.contains("penugasan")) => c.push(
                Diagnostic::new("dok.mutasi", t!("{n} tidak mensyaratkan surat penugasan orang tua", "{n} does not require the parent's assignment letter"))
                    .at(at, None)
                    .help(t!("tulis `dokumen surat_penugasan, surat_pindah` (atau `surat_penugasan_guru, kartu_keluarga` untuk anak guru)", "write `dokumen surat_penugasan, surat_pindah` (or `surat_penugasan_guru, kartu_keluarga` for teachers' children)")),
            ),
            _ => {}
        }
    }
}

fn doc_span(c: &Ctx, leaf: &Jalur) -> crate::syntax::span::Span {
    leaf.dokumen_span
        .or_else(|| c.j.parent(leaf).and_then(|p| p.dokumen_span))
        .unwrap_or(leaf.nama.span)
}
