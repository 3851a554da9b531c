//! The machine-readable report of `juknis check`: JSON `juknis-laporan/1`, whose
//! schema is generated from these types into docs/report.schema.json. The SARIF,
//! GitHub and GitLab renderers (sibling modules) are built from the same report,
//! so every format carries exactly the diagnostics of the terminal output.

use super::{Diagnostic, Lang, Severity};
use crate::rulebook::Rulebook;
use crate::span::IndeksBaris;
use schemars::JsonSchema;
use serde::Serialize;

/// The report format id; bumped when a field changes meaning or disappears.
pub const FORMAT: &str = "juknis-laporan/1";

/// One checked file, as the report builders need it.
pub struct Berkas<'a> {
    /// The path as given on the command line (or found under a folder).
    pub nama: &'a str,
    pub sumber: &'a str,
    pub diagnostik: &'a [Diagnostic],
    /// Diagnostics set aside by `// juknis:abaikan`, with their reasons.
    pub diabaikan: &'a [super::abaikan::Diabaikan],
}

/// The result of checking juknis files against a regulation.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Laporan {
    /// Always `juknis-laporan/1`.
    #[schemars(extend("const" = "juknis-laporan/1"))]
    pub format: String,
    /// Id of the rulebook the files were checked against, e.g.
    /// `permendikdasmen-3-2025`.
    pub acuan: String,
    /// Version of that rulebook's data.
    pub acuan_versi: String,
    /// Its short name, e.g. `Permendikdasmen 3/2025`.
    pub acuan_nama: String,
    /// Every file checked, in the order they were given.
    pub berkas: Vec<LaporanBerkas>,
    /// Counts over all files.
    pub ringkasan: Jumlah,
}

/// One checked file.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LaporanBerkas {
    /// The path as given on the command line (or found under a folder).
    pub berkas: String,
    /// True when the file has no diagnostic at all.
    pub sesuai: bool,
    /// Its diagnostics, top to bottom.
    pub diagnostik: Vec<LaporanDiagnostik>,
    /// Diagnostics set aside by `// juknis:abaikan KODE alasan "…"`: not
    /// counted, never hidden.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diabaikan: Vec<LaporanDiabaikan>,
}

/// A diagnostic set aside, with the reason written for it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LaporanDiabaikan {
    pub diagnostik: LaporanDiagnostik,
    pub alasan: String,
    /// Where the suppression comment is.
    pub komentar: Posisi,
}

/// Diagnostic counts by severity.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Jumlah {
    pub error: usize,
    pub peringatan: usize,
    pub catatan: usize,
    /// Set aside by `// juknis:abaikan` (not in the three counts above).
    #[serde(default)]
    pub diabaikan: usize,
}

/// Severity: `error` fails the check; `peringatan` (warning) fails it only with
/// `--deny-warnings`; `catatan` (note) never does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Tingkat {
    Error,
    Peringatan,
    Catatan,
}

impl From<Severity> for Tingkat {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Error => Tingkat::Error,
            Severity::Warning => Tingkat::Peringatan,
            Severity::Note => Tingkat::Catatan,
        }
    }
}

/// One diagnostic: every field of the terminal output.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LaporanDiagnostik {
    /// Stable code, e.g. `kuota.mutasi.max`; `juknis explain CODE` describes it.
    pub kode: String,
    pub tingkat: Tingkat,
    /// The message, in the language chosen with `--lang`.
    pub pesan: String,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bantuan: Option<String>,
    /// Further explanation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catatan: Vec<String>,
    /// The article and sources the rule rests on, e.g. "Pasal 30; FAQ 17".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dasar: Option<String>,
    /// The places in the file: the primary one first, then the ones that explain
    /// it. Empty only for a problem with the file as a whole.
    pub label: Vec<LaporanLabel>,
    /// Edits the checker is sure of (what `juknis check --fix` applies): the
    /// text from `mulai` to `selesai` becomes `teks`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub perbaikan: Vec<LaporanPerbaikan>,
}

/// One sure edit.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LaporanPerbaikan {
    pub mulai: Posisi,
    pub selesai: Posisi,
    pub teks: String,
}

/// A marked stretch of the file.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LaporanLabel {
    /// The place the diagnostic is about (true), or one that explains it.
    pub utama: bool,
    /// What this place has to do with the diagnostic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pesan: Option<String>,
    /// Where it starts.
    pub mulai: Posisi,
    /// Where it ends (exclusive: the position just after the last character).
    pub selesai: Posisi,
}

/// A place in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Posisi {
    /// Byte offset from the start of the file (0-based).
    pub byte: usize,
    /// Line, 1-based.
    pub baris: usize,
    /// Column, 1-based, in characters (Unicode scalar values), not bytes.
    pub kolom: usize,
}

fn posisi(ix: &IndeksBaris, src: &str, byte: usize) -> Posisi {
    let (baris, kolom) = ix.line_col(src, byte);
    Posisi {
        byte: byte.min(src.len()),
        baris,
        kolom,
    }
}

/// Build the report of some checked files.
pub fn laporan(files: &[Berkas], rb: &Rulebook, lang: Lang) -> Laporan {
    let mut total = Jumlah::default();
    let berkas = files
        .iter()
        .map(|f| {
            let ix = IndeksBaris::new(f.sumber);
            let diagnostik = f
                .diagnostik
                .iter()
                .map(|d| {
                    match d.severity {
                        Severity::Error => total.error += 1,
                        Severity::Warning => total.peringatan += 1,
                        Severity::Note => total.catatan += 1,
                    }
                    diagnostik(d, f.sumber, &ix, lang)
                })
                .collect::<Vec<_>>();
            let one = |d: &Diagnostic| self::diagnostik(d, f.sumber, &ix, lang);
            let diabaikan: Vec<LaporanDiabaikan> = f
                .diabaikan
                .iter()
                .map(|x| LaporanDiabaikan {
                    diagnostik: one(&x.diagnostic),
                    alasan: x.alasan.clone(),
                    komentar: posisi(&ix, f.sumber, x.komentar.start.min(f.sumber.len())),
                })
                .collect();
            total.diabaikan += diabaikan.len();
            LaporanBerkas {
                berkas: f.nama.to_string(),
                sesuai: diagnostik.is_empty(),
                diagnostik,
                diabaikan,
            }
        })
        .collect();
    Laporan {
        format: FORMAT.into(),
        acuan: rb.id.clone(),
        acuan_versi: rb.versi.clone(),
        acuan_nama: rb.singkat.clone(),
        berkas,
        ringkasan: total,
    }
}

fn diagnostik(d: &Diagnostic, src: &str, ix: &IndeksBaris, lang: Lang) -> LaporanDiagnostik {
    let mut labels: Vec<&super::Label> = d.labels.iter().collect();
    // Stable: the primary label first, the others in their order.
    labels.sort_by_key(|l| !l.primary);
    LaporanDiagnostik {
        kode: d.code.clone(),
        tingkat: d.severity.into(),
        pesan: d.message.get(lang).to_string(),
        bantuan: d.help.as_ref().map(|h| h.get(lang).to_string()),
        catatan: d.notes.iter().map(|n| n.get(lang).to_string()).collect(),
        dasar: d.article.clone(),
        label: labels
            .into_iter()
            .map(|l| {
                let start = l.span.start.min(src.len());
                let end = l.span.end.clamp(start, src.len());
                LaporanLabel {
                    utama: l.primary,
                    pesan: l.message.as_ref().map(|m| m.get(lang).to_string()),
                    mulai: posisi(ix, src, start),
                    selesai: posisi(ix, src, end),
                }
            })
            .collect(),
        perbaikan: d
            .fixes
            .iter()
            .map(|f| {
                let start = f.span.start.min(src.len());
                let end = f.span.end.clamp(start, src.len());
                LaporanPerbaikan {
                    mulai: posisi(ix, src, start),
                    selesai: posisi(ix, src, end),
                    teks: f.replacement.clone(),
                }
            })
            .collect(),
    }
}

/// The report as pretty-printed JSON.
pub fn json(files: &[Berkas], rb: &Rulebook, lang: Lang) -> String {
    serde_json::to_string_pretty(&laporan(files, rb, lang)).unwrap_or_default() + "\n"
}

/// The JSON Schema of the report, as committed in docs/report.schema.json.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Laporan);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Message, help and article on one line, for tools that show one text;
/// `acuan`: the regulation's short name.
pub(crate) fn satu_baris(d: &LaporanDiagnostik, lang: Lang, acuan: &str) -> String {
    let mut text = d.pesan.clone();
    if let Some(b) = &d.bantuan {
        text.push_str(" — ");
        text.push_str(b);
    }
    if let Some(a) = &d.dasar {
        let word = if lang == Lang::Id { "dasar" } else { "basis" };
        text.push_str(&format!(" [{word}: {a} — {acuan}]"));
    }
    text
}
