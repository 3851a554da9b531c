//! `juknis banding OLD NEW`: what changed between two juknis, statement by
//! statement as a reader means it (a jalur's quota, its ranking, each
//! eligibility condition and document, each wave's jalur and dates, where
//! leftover seats go, …), the seats each jalur gets at typical capacities
//! before and after, and what each change means legally: the problems the
//! checker finds that the change brings or removes, and a quota moving toward
//! or away from its national bound. With applicant data, `dampak` adds what
//! the change does to real applicants.
//!
//! The comparison reads two models; the legal relevance comes from the
//! checker's own diagnostics and the rulebook's bounds — nothing is judged
//! here that the checker does not judge.

use pernyataan::{items, Item};
use relevansi::{bound, criteria, relevansi_of};

#[cfg(feature = "engine")]
pub mod dampak;
mod kursi;
mod pernyataan;
mod relevansi;
pub mod render;

use crate::check::Checked;
use crate::diagnostic::{Diagnostic, Lang};
use crate::span::{IndeksBaris, Span};
use schemars::JsonSchema;
use serde::Serialize;

/// The format id; bumped when a field changes meaning or disappears.
pub const FORMAT: &str = "juknis-banding/1";

/// Two juknis compared.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Banding {
    /// Always `juknis-banding/1`.
    #[schemars(extend("const" = "juknis-banding/1"))]
    pub format: String,
    /// `id` or `en`: the language of the texts.
    pub bahasa: String,
    pub lama: Sisi,
    pub baru: Sisi,
    /// Every change, in the order of the new file (removals where they were).
    pub perubahan: Vec<Perubahan>,
    /// Problems the new juknis has that the old did not, tied to no change.
    pub masalah_baru: Vec<Temuan>,
    /// Problems of the old juknis gone from the new, tied to no change.
    pub masalah_hilang: Vec<Temuan>,
    /// Seats per jalur and sub-jalur at typical capacities, before and after;
    /// only when both juknis compile (no error).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kursi: Vec<BarisKursi>,
    /// What the change does to applicants (with `--sekolah` and `--pendaftar`).
    #[cfg(feature = "engine")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dampak: Option<dampak::Dampak>,
}

/// One side of the comparison.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Sisi {
    pub berkas: String,
    pub sha256: String,
    pub judul: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jenjang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun_ajaran: Option<String>,
    pub error: usize,
    pub peringatan: usize,
}

/// What kind of statement changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bidang {
    Identitas,
    Jalur,
    Kuota,
    Urutan,
    Syarat,
    Dokumen,
    SisaKuota,
    Tahap,
    Usia,
    Wilayah,
    DayaTampung,
    Pilihan,
    Skor,
    Poin,
    Cadangan,
    Sekolah,
    Kewajiban,
}

/// One change.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Perubahan {
    pub bidang: Bidang,
    /// What changed, in the language's words: `jalur domisili · urutan`,
    /// `tahap 2 · pendaftaran`.
    pub subjek: String,
    /// As the old juknis writes it; absent when added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lama: Option<String>,
    /// As the new juknis writes it; absent when removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baru: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baris_lama: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baris_baru: Option<usize>,
    /// What the change means against the regulation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relevansi: Vec<Relevansi>,
}

/// The legal meaning of a change.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Relevansi {
    pub jenis: JenisRelevansi,
    pub teks: String,
    /// The rule concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    /// Its sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dasar: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JenisRelevansi {
    /// The new juknis has a problem here the old did not.
    MasalahBaru,
    /// A problem of the old juknis here is gone.
    MasalahHilang,
    /// A quota moves toward its national bound (still inside it).
    MendekatiBatas,
    /// A quota moves away from its national bound.
    MenjauhiBatas,
    /// A ranking criterion is dropped.
    KriteriaDihapus,
    /// A ranking criterion is added.
    KriteriaDitambah,
}

/// A diagnostic, as the comparison shows it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Temuan {
    pub kode: String,
    /// `error`, `peringatan` or `catatan`.
    pub tingkat: String,
    pub pesan: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baris: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dasar: Option<String>,
}

/// Seats of one jalur or sub-jalur at the typical capacities.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BarisKursi {
    /// `domisili` or `domisili.reguler`.
    pub jalur: String,
    /// The capacities (seats of a school), one per column.
    pub daya_tampung: Vec<u32>,
    /// Seats under the old juknis at each capacity; absent when it has no such
    /// jalur.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lama: Option<Vec<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baru: Option<Vec<u32>>,
}

/// One file as the comparison needs it.
pub struct Berkas<'a> {
    pub nama: &'a str,
    pub bytes: &'a [u8],
    pub checked: &'a Checked,
}

fn sisi(b: &Berkas) -> Sisi {
    let j = b.checked.juknis.as_ref();
    Sisi {
        berkas: b.nama.to_string(),
        sha256: crate::plan::sha256_hex(b.bytes),
        judul: j.map(|j| j.judul.node.clone()).unwrap_or_default(),
        jenjang: j.and_then(|j| j.jenjang()).map(|x| x.as_str().to_string()),
        tahun_ajaran: j
            .and_then(|j| j.tahun())
            .map(|t| crate::rulebook::TahunAjaran(t).to_string()),
        error: b.checked.errors(),
        peringatan: b.checked.warnings(),
    }
}

/// Compare two checked juknis. Each must hold one juknis (a file split by
/// jenjang is compared section by section by the caller).
pub fn compare(lama: &Berkas, baru: &Berkas, lang: Lang) -> Banding {
    let src_l = String::from_utf8_lossy(lama.bytes);
    let src_b = String::from_utf8_lossy(baru.bytes);
    let (ix_l, ix_b) = (IndeksBaris::new(&src_l), IndeksBaris::new(&src_b));
    let line_l = |s: Span| ix_l.line_col(&src_l, s.start.min(src_l.len())).0;
    let line_b = |s: Span| ix_b.line_col(&src_b, s.start.min(src_b.len())).0;
    let empty: Vec<Item> = Vec::new();
    let il = lama
        .checked
        .juknis
        .as_ref()
        .map(|j| items(j, &src_l))
        .unwrap_or_default();
    let ib = baru
        .checked
        .juknis
        .as_ref()
        .map(|j| items(j, &src_b))
        .unwrap_or(empty);
    // Pair by key, in the new file's order, the removed ones after the
    // statement they followed.
    struct Pair<'a> {
        l: Option<&'a Item>,
        b: Option<&'a Item>,
    }
    let mut pairs: Vec<Pair> = Vec::new();
    for b in &ib {
        pairs.push(Pair {
            l: il.iter().find(|l| l.kunci == b.kunci),
            b: Some(b),
        });
    }
    for (i, l) in il.iter().enumerate() {
        if ib.iter().any(|b| b.kunci == l.kunci) {
            continue;
        }
        // After the pair of the nearest earlier old statement that remains.
        let at = il[..i]
            .iter()
            .rev()
            .find_map(|prev| {
                pairs
                    .iter()
                    .position(|p| p.l.is_some_and(|x| x.kunci == prev.kunci))
            })
            .map(|p| p + 1)
            .unwrap_or(0);
        let at = pairs
            .iter()
            .skip(at)
            .position(|p| p.b.is_some())
            .map(|k| at + k)
            .unwrap_or(pairs.len());
        pairs.insert(
            at,
            Pair {
                l: Some(l),
                b: None,
            },
        );
    }
    let rb = baru.checked.rulebook;
    let jenjang = baru.checked.juknis.as_ref().and_then(|j| j.jenjang());
    let mut perubahan: Vec<(Perubahan, Option<Span>, Option<Span>)> = Vec::new();
    for p in pairs {
        let changed = match (p.l, p.b) {
            (Some(l), Some(b)) => l.teks != b.teks,
            _ => true,
        };
        if !changed {
            continue;
        }
        let any = p.b.or(p.l);
        let Some(any) = any else { continue };
        let mut relevansi = Vec::new();
        if any.bidang == Bidang::Kuota {
            if let (Some(j), Some(b)) = (jenjang, p.b) {
                bound(
                    rb,
                    j,
                    &b.kunci,
                    p.l.and_then(|l| l.persen),
                    b.persen,
                    lang,
                    &mut relevansi,
                );
            }
        }
        if any.bidang == Bidang::Urutan {
            criteria(
                p.l.map(|l| l.teks.as_str()),
                p.b.map(|b| b.teks.as_str()),
                lang,
                &mut relevansi,
            );
        }
        perubahan.push((
            Perubahan {
                bidang: any.bidang,
                subjek: any.kunci.clone(),
                lama: p.l.map(|l| l.teks.clone()),
                baru: p.b.map(|b| b.teks.clone()),
                baris_lama: p.l.map(|l| line_l(l.span)),
                baris_baru: p.b.map(|b| line_b(b.span)),
                relevansi,
            },
            p.l.map(|l| l.span),
            p.b.map(|b| b.span),
        ));
    }
    // The checker's verdicts: a problem only one side has, tied to the change
    // whose statement holds it.
    let key = |d: &Diagnostic| (d.code.clone(), d.message.id.clone());
    let dl = &lama.checked.diagnostics;
    let db = &baru.checked.diagnostics;
    let temuan = |d: &Diagnostic, line: usize| Temuan {
        kode: d.code.clone(),
        tingkat: d.severity.word().into(),
        pesan: d.message.get(lang).to_string(),
        baris: d.primary_span().map(|_| line),
        dasar: d.article.clone(),
    };
    let mut masalah_baru = Vec::new();
    for d in db.iter().filter(|d| !dl.iter().any(|x| key(x) == key(d))) {
        let at = d.primary_span();
        let line = at.map(line_b).unwrap_or(0);
        let holder = at.and_then(|s| {
            perubahan
                .iter_mut()
                .filter(|(_, _, b)| {
                    b.is_some_and(|b| b.start <= s.start && s.start < b.end.max(b.start + 1))
                })
                .min_by_key(|(_, _, b)| b.map(|b| b.end - b.start))
        });
        match holder {
            Some((p, _, _)) => p
                .relevansi
                .push(relevansi_of(d, JenisRelevansi::MasalahBaru, lang)),
            None => masalah_baru.push(temuan(d, line)),
        }
    }
    let mut masalah_hilang = Vec::new();
    for d in dl.iter().filter(|d| !db.iter().any(|x| key(x) == key(d))) {
        let at = d.primary_span();
        let line = at.map(line_l).unwrap_or(0);
        let holder = at.and_then(|s| {
            perubahan
                .iter_mut()
                .filter(|(_, l, _)| {
                    l.is_some_and(|l| l.start <= s.start && s.start < l.end.max(l.start + 1))
                })
                .min_by_key(|(_, l, _)| l.map(|l| l.end - l.start))
        });
        match holder {
            Some((p, _, _)) => {
                p.relevansi
                    .push(relevansi_of(d, JenisRelevansi::MasalahHilang, lang))
            }
            None => masalah_hilang.push(temuan(d, line)),
        }
    }
    Banding {
        format: FORMAT.into(),
        bahasa: match lang {
            Lang::Id => "id",
            Lang::En => "en",
        }
        .into(),
        lama: sisi(lama),
        baru: sisi(baru),
        perubahan: perubahan.into_iter().map(|(p, _, _)| p).collect(),
        masalah_baru,
        masalah_hilang,
        kursi: kursi::seats(lama, baru),
        #[cfg(feature = "engine")]
        dampak: None,
    }
}

/// The comparison as pretty-printed JSON.
pub fn json(b: &Banding) -> String {
    serde_json::to_string_pretty(b).unwrap_or_default() + "\n"
}

/// The JSON Schema of the comparison, as committed in docs/banding.schema.json.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Banding);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
