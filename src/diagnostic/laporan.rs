//! Machine-readable reports of `juknis check`: JSON (`juknis-laporan/1`, schema in
//! docs/report.schema.json), SARIF 2.1.0 for code-scanning tools, and GitHub
//! workflow-command annotations. All carry the same diagnostics as the terminal
//! renderer.

use super::{Diagnostic, Lang, Severity};
use crate::rulebook::Rulebook;
use crate::syntax::span::line_col;
use schemars::JsonSchema;
use serde::Serialize;

pub const FORMAT: &str = "juknis-laporan/1";

/// One checked file, as the report builders need it.
pub struct Berkas<'a> {
    pub nama: &'a str,
    pub sumber: &'a str,
    pub diagnostik: &'a [Diagnostic],
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Laporan {
    /// Always `juknis-laporan/1`.
    pub format: String,
    /// The rulebook the files were checked against.
    pub acuan: String,
    pub acuan_versi: String,
    pub berkas: Vec<LaporanBerkas>,
    pub ringkasan: Jumlah,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct LaporanBerkas {
    pub berkas: String,
    /// No diagnostic at all.
    pub sesuai: bool,
    pub diagnostik: Vec<LaporanDiagnostik>,
}

#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Jumlah {
    pub error: usize,
    pub peringatan: usize,
    pub catatan: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct LaporanDiagnostik {
    /// Stable code, e.g. `kuota.mutasi.max`.
    pub kode: String,
    /// `error`, `peringatan` (warning) or `catatan` (note).
    pub tingkat: String,
    pub pesan: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bantuan: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catatan: Vec<String>,
    /// Article and sources, e.g. "Pasal 30; FAQ 17".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dasar: Option<String>,
    /// The primary label first.
    pub label: Vec<LaporanLabel>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct LaporanLabel {
    pub utama: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pesan: Option<String>,
    pub mulai: Posisi,
    pub selesai: Posisi,
}

/// A place in the file: byte offset, and 1-based line and column (characters).
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
pub struct Posisi {
    pub byte: usize,
    pub baris: usize,
    pub kolom: usize,
}

fn posisi(src: &str, byte: usize) -> Posisi {
    let (baris, kolom) = line_col(src, byte);
    Posisi {
        byte: byte.min(src.len()),
        baris,
        kolom,
    }
}

fn tingkat(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "peringatan",
        Severity::Note => "catatan",
    }
}

pub fn laporan(files: &[Berkas], rb: &Rulebook, lang: Lang) -> Laporan {
    let mut total = Jumlah::default();
    let berkas = files
        .iter()
        .map(|f| {
            let diagnostik = f
                .diagnostik
                .iter()
                .map(|d| {
                    match d.severity {
                        Severity::Error => total.error += 1,
                        Severity::Warning => total.peringatan += 1,
                        Severity::Note => total.catatan += 1,
                    }
                    let mut labels: Vec<&super::Label> = d.labels.iter().collect();
                    labels.sort_by_key(|l| !l.primary);
                    LaporanDiagnostik {
                        kode: d.code.clone(),
                        tingkat: tingkat(d.severity).into(),
                        pesan: d.message.get(lang).to_string(),
                        bantuan: d.help.as_ref().map(|h| h.get(lang).to_string()),
                        catatan: d.notes.iter().map(|n| n.get(lang).to_string()).collect(),
                        dasar: d.article.clone(),
                        label: labels
                            .into_iter()
                            .map(|l| LaporanLabel {
                                utama: l.primary,
                                pesan: l.message.as_ref().map(|m| m.get(lang).to_string()),
                                mulai: posisi(f.sumber, l.span.start),
                                selesai: posisi(f.sumber, l.span.end),
                            })
                            .collect(),
                    }
                })
                .collect::<Vec<_>>();
            LaporanBerkas {
                berkas: f.nama.to_string(),
                sesuai: diagnostik.is_empty(),
                diagnostik,
            }
        })
        .collect();
    Laporan {
        format: FORMAT.into(),
        acuan: rb.id.clone(),
        acuan_versi: rb.versi.clone(),
        berkas,
        ringkasan: total,
    }
}

pub fn json(files: &[Berkas], rb: &Rulebook, lang: Lang) -> String {
    serde_json::to_string_pretty(&laporan(files, rb, lang)).unwrap_or_default() + "\n"
}

/// The JSON Schema of the report, as committed in docs/report.schema.json.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Laporan);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// SARIF 2.1.0: one run, the rulebook's rules as reporting descriptors, one
/// result per diagnostic located at its primary label.
pub fn sarif(files: &[Berkas], rb: &Rulebook, lang: Lang) -> String {
    use serde_json::json;
    let lap = laporan(files, rb, lang);
    let rules: Vec<serde_json::Value> = rb
        .all_rules()
        .map(|r| {
            let mut help = r.penjelasan.id.clone();
            let mut full = r.penjelasan.id.clone();
            if lang == Lang::En {
                help = r.penjelasan.en.clone();
                full = r.penjelasan.en.clone();
            }
            if let Some(c) = &r.contoh_benar {
                help.push_str("\n\n");
                help.push_str(c);
            }
            json!({
                "id": r.id,
                "name": r.id.replace(['.', '_'], "-"),
                "shortDescription": { "text": if lang == Lang::En { &r.judul.en } else { &r.judul.id } },
                "fullDescription": { "text": full },
                "help": { "text": help },
                "helpUri": format!("https://github.com/juknis/juknis/blob/main/docs/rules.md#{}", r.id.replace('.', "")),
                "defaultConfiguration": { "level": match r.severity() { Severity::Error => "error", Severity::Warning => "warning", Severity::Note => "note" } },
                "properties": { "pasal": r.citation().unwrap_or_default(), "tags": ["spmb", "juknis"] }
            })
        })
        .collect();
    let mut results = Vec::new();
    for f in &lap.berkas {
        for d in &f.diagnostik {
            let level = match d.tingkat.as_str() {
                "error" => "error",
                "peringatan" => "warning",
                _ => "note",
            };
            let text = satu_baris(d);
            let locations: Vec<serde_json::Value> = d
                .label
                .iter()
                .take(1)
                .map(|l| {
                    json!({
                        "physicalLocation": {
                            "artifactLocation": { "uri": f.berkas.replace('\\', "/") },
                            "region": {
                                "startLine": l.mulai.baris,
                                "startColumn": l.mulai.kolom,
                                "endLine": l.selesai.baris,
                                "endColumn": l.selesai.kolom.max(if l.selesai.baris == l.mulai.baris { l.mulai.kolom + 1 } else { 1 }),
                                "byteOffset": l.mulai.byte,
                                "byteLength": l.selesai.byte.saturating_sub(l.mulai.byte)
                            }
                        }
                    })
                })
                .collect();
            results.push(json!({
                "ruleId": d.kode,
                "level": level,
                "message": { "text": text },
                "locations": locations,
            }));
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "juknis",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/juknis/juknis",
                "rules": rules
            }},
            "results": results
        }]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// Message, help and article on one line, for tools that show one text.
fn satu_baris(d: &LaporanDiagnostik) -> String {
    let mut text = d.pesan.clone();
    if let Some(b) = &d.bantuan {
        text.push_str(" — ");
        text.push_str(b);
    }
    if let Some(a) = &d.dasar {
        text.push_str(&format!(" [{a}]"));
    }
    text
}

fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_escape_prop(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line
/// per diagnostic, shown on the line in the pull request.
pub fn github(files: &[Berkas], rb: &Rulebook, lang: Lang) -> String {
    let lap = laporan(files, rb, lang);
    let mut out = String::new();
    for f in &lap.berkas {
        for d in &f.diagnostik {
            let cmd = match d.tingkat.as_str() {
                "error" => "error",
                "peringatan" => "warning",
                _ => "notice",
            };
            let msg = satu_baris(d);
            match d.label.first() {
                Some(l) => out.push_str(&format!(
                    "::{cmd} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                    gh_escape_prop(&f.berkas),
                    l.mulai.baris,
                    l.mulai.kolom,
                    l.selesai.baris,
                    l.selesai.kolom,
                    gh_escape_prop(&d.kode),
                    gh_escape_data(&msg)
                )),
                None => out.push_str(&format!(
                    "::{cmd} file={},title={}::{}\n",
                    gh_escape_prop(&f.berkas),
                    gh_escape_prop(&d.kode),
                    gh_escape_data(&msg)
                )),
            }
        }
    }
    out
}
