//! Required documents per jalur (FAQ 27): KK at least one year old for domisili,
//! proof of a poverty programme or disability for afirmasi, the parent's
//! assignment letter for mutasi, proof of what prestasi scores.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Jalur, Jenjang, KriteriaJenis, Sumber};
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

/// The statuses a document proves: what a `bukti` line declares for it, else
/// what its name says (a poverty programme card, a disability card or doctor's
/// letter, a parent's assignment or move letter, a teacher's assignment letter).
/// A plain assignment letter (`surat_penugasan`) serves both mutasi groups.
pub fn proven_by<'a>(j: &'a crate::model::Juknis, doc: &str) -> Vec<&'a str> {
    if let Some(b) = j.bukti.iter().find(|b| b.node.nama.node == doc) {
        return vec![b.node.status.node.as_str()];
    }
    let mut out = Vec::new();
    let any = |words: &[&str]| words.iter().any(|w| doc.contains(w));
    if any(MISKIN) {
        out.push("ketm");
    }
    if any(DISABILITAS) {
        out.push("disabilitas");
    }
    let guru = doc.contains("guru");
    if doc.contains("pindah") || ((doc.contains("tugas") || doc.contains("penugasan")) && !guru) {
        out.push("pindah_tugas");
    }
    if guru || (doc.contains("penugasan") && !doc.contains("pindah")) {
        out.push("anak_guru");
    }
    out
}

fn proves(c: &Ctx, names: &[&str], statuses: &[&str]) -> bool {
    names
        .iter()
        .any(|n| proven_by(c.j, n).iter().any(|s| statuses.contains(s)))
}

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    if !jj.has_national_jalur() {
        return;
    }
    // Refusing the domicile letter shuts out disaster victims, whom the
    // regulation lets use it instead of the family card (FAQ 27, 28, 35).
    // Each refusal is reported once, where it is written.
    if let Some(jl) = c.j.jalur("domisili") {
        for unit in std::iter::once(jl).chain(jl.sub.iter()) {
            let n = &unit.id;
            for d in unit
                .tidak_menerima
                .iter()
                .filter(|d| d.node == "surat_keterangan_domisili")
            {
                c.push(
                    Diagnostic::new("dok.kk", t!("{n} menolak surat keterangan domisili", "{n} refuses the domicile letter"))
                        .at(d.span, None)
                        .help(t!("hapus penolakan ini: calon murid korban bencana alam atau sosial memakai surat keterangan domisili sebagai pengganti kartu keluarga", "remove this refusal: applicants hit by a natural or social disaster use the domicile letter in place of the family card")),
                );
            }
        }
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
            "afirmasi" if !proves(c, &names, &["ketm", "disabilitas"]) => c.push(
                Diagnostic::new("dok.afirmasi", t!("{n} tidak mensyaratkan bukti keluarga tidak mampu atau disabilitas", "{n} requires no proof of low income or disability"))
                    .at(at, None)
                    .help(t!("tulis mis. `dokumen kip, pkh, kks` atau `dokumen kartu_disabilitas, surat_dokter`; kartu program daerah dinyatakan dengan `bukti NAMA untuk ketm \"uraian\"`", "write e.g. `dokumen kip, pkh, kks` or `dokumen kartu_disabilitas, surat_dokter`; a regional programme card is declared with `bukti NAME untuk ketm \"description\"`")),
            ),
            "mutasi" if !names.iter().any(|d| d.contains("penugasan")) && !proves(c, &names, &["pindah_tugas", "anak_guru"]) => c.push(
                Diagnostic::new("dok.mutasi", t!("{n} tidak mensyaratkan surat penugasan orang tua", "{n} does not require the parent's assignment letter"))
                    .at(at, None)
                    .help(t!("tulis `dokumen surat_penugasan, surat_pindah` (atau `surat_penugasan_guru, kartu_keluarga` untuk anak guru)", "write `dokumen surat_penugasan, surat_pindah` (or `surat_penugasan_guru, kartu_keluarga` for teachers' children)")),
            ),
            _ => {}
        }
    }
}

fn doc_span(c: &Ctx, leaf: &Jalur) -> crate::span::Span {
    leaf.dokumen_span
        .or_else(|| c.j.parent(leaf).and_then(|p| p.dokumen_span))
        .unwrap_or(leaf.nama.span)
}

/// Sources the score a selection unit ranks by first (its prestasi score) reads,
/// following scores of scores. Later criteria only break ties.
fn sumber_skor<'a>(c: &'a Ctx, leaf: &'a Jalur) -> Vec<&'a Sumber> {
    let mut names: Vec<&str> =
        c.j.urutan_of(leaf)
            .and_then(|u| u.node.first())
            .and_then(|k| match &k.node.kriteria {
                KriteriaJenis::Skor(n) => Some(n.as_str()),
                _ => None,
            })
            .into_iter()
            .collect();
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    while let Some(n) = names.pop() {
        if seen.contains(&n) {
            continue;
        }
        seen.push(n);
        let Some(s) = c.j.skor(n) else { continue };
        for su in &s.suku {
            match &su.node.sumber.node {
                Sumber::Masukan { nama } if c.j.skor(nama).is_some() => names.push(nama),
                other => out.push(other),
            }
        }
    }
    out
}

/// dok.prestasi: a prestasi unit requires the documents that prove what it scores.
pub fn prestasi(c: &mut Ctx) {
    if !matches!(c.jenjang(), Some(Jenjang::SMP | Jenjang::SMA)) {
        return;
    }
    let Some(jl) = c.j.jalur("prestasi") else {
        return;
    };
    for leaf in jl.leaves() {
        let names: Vec<&str> =
            c.j.dokumen_of(leaf)
                .iter()
                .map(|d| d.node.nama.as_str())
                .collect();
        let sumber = sumber_skor(c, leaf);
        let rapor = sumber.iter().any(|s| matches!(s, Sumber::Rapor { .. }));
        let poin = sumber.iter().any(|s| matches!(s, Sumber::Poin { .. }));
        let has = |words: &[&str]| names.iter().any(|n| words.iter().any(|w| n.contains(w)));
        let n = &leaf.id;
        let (msg, help) = if names.is_empty() {
            (
                t!(
                    "{n} tidak mensyaratkan dokumen bukti prestasi",
                    "{n} requires no document proving the achievement"
                ),
                t!(
                    "tulis mis. `dokumen rapor, surat_peringkat_rapor` atau `dokumen sertifikat, sk_organisasi`",
                    "write e.g. `dokumen rapor, surat_peringkat_rapor` or `dokumen sertifikat, sk_organisasi`"
                ),
            )
        } else if rapor && !has(&["rapor"]) {
            (
                t!(
                    "{n} menilai rapor tetapi tidak mensyaratkan rapor",
                    "{n} scores the rapor but does not require it"
                ),
                t!(
                    "tambahkan `rapor` (dan surat keterangan peringkat) ke dokumen",
                    "add `rapor` (and the rank statement) to the documents"
                ),
            )
        } else if poin && !has(BUKTI_PRESTASI) {
            (
                t!(
                    "{n} menilai poin prestasi tetapi tidak mensyaratkan sertifikat atau SK organisasi",
                    "{n} scores achievement points but requires no certificate or organisation decree"
                ),
                t!(
                    "tambahkan `sertifikat` (lomba) atau `sk_organisasi` (kepemimpinan) ke dokumen",
                    "add `sertifikat` (competitions) or `sk_organisasi` (leadership) to the documents"
                ),
            )
        } else {
            continue;
        };
        let at = doc_span(c, leaf);
        c.push(Diagnostic::new("dok.prestasi", msg).at(at, None).help(help));
    }
}

/// Document names that prove a competition or leadership achievement.
const BUKTI_PRESTASI: &[&str] = &[
    "sertifikat",
    "piagam",
    "sk_",
    "surat_keputusan",
    "organisasi",
    "penghargaan",
    "prestasi",
];
