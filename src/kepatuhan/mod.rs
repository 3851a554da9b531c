//! The conformance report (`juknis kepatuhan`): for the juknis's jenjang and
//! school year, every rule of the rulebook that applies, grouped by the article
//! it rests on, each with a status — met (with the lines that meet it),
//! broken (with the diagnostic), a note, or not judgeable from the text (with
//! what must be verified elsewhere) — its source, confidence and years. Built
//! from the checker's own diagnostics and the rulebook, never judging anything
//! itself. JSON `juknis-kepatuhan/1` (schema in docs/kepatuhan.schema.json);
//! Markdown and a printable HTML page are rendered from the same value.

pub mod bukti;
pub mod html;
pub mod markdown;

use crate::check::Checked;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::model::Juknis;
use crate::rulebook::{Aturan, Rulebook, TahunAjaran, Tingkat};
use crate::span::IndeksBaris;
use schemars::JsonSchema;
use serde::Serialize;

/// The report format id; bumped when a field changes meaning or disappears.
pub const FORMAT: &str = "juknis-kepatuhan/1";

/// Lines quoted per rule at most; the count of the rest is given.
const MAKS_BARIS: usize = 6;
/// Characters of a quoted line at most (cut with an ellipsis).
const MAKS_TEKS: usize = 90;

/// The conformance of one juknis file to its rulebook.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Kepatuhan {
    /// Always `juknis-kepatuhan/1`.
    #[schemars(extend("const" = "juknis-kepatuhan/1"))]
    pub format: String,
    /// The language of the texts: `id` or `en`.
    pub bahasa: String,
    /// The file as named on the command line or in the page.
    pub berkas: String,
    /// SHA-256 of the file's bytes, so the report names exactly what it judged.
    pub sha256: String,
    pub judul: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pemerintah: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun_ajaran: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ditetapkan: Option<String>,
    /// The rulebook: id, data version, short and full name, and the school
    /// years it speaks for.
    pub acuan: Acuan,
    /// The tool that made the report.
    pub alat: Alat,
    /// True when the file has no error (warnings and notes allowed).
    pub sesuai: bool,
    pub ringkasan: Ringkasan,
    /// Problems of the language itself (the file cannot be read or run as
    /// written); they are not rules of the regulation. When the juknis could
    /// not be read at all, every problem found is listed here.
    pub bahasa_juknis: Vec<Temuan>,
    /// One part per jenjang: a single part for an ordinary juknis, one per
    /// `bagian` for a file covering several jenjang.
    pub bagian: Vec<Bagian>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Acuan {
    pub id: String,
    pub versi: String,
    pub nama: String,
    pub judul: String,
    /// First school year the rulebook speaks for.
    pub dari: String,
    /// Last school year whose later rules (circulars) it carries.
    pub ditinjau_sampai: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Alat {
    pub nama: String,
    pub versi: String,
}

/// Rules by status, over every part, and diagnostics by severity.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Ringkasan {
    pub terpenuhi: usize,
    pub dilanggar: usize,
    pub catatan: usize,
    pub tidak_dinilai: usize,
    pub diabaikan: usize,
    pub error: usize,
    pub peringatan: usize,
}

/// The rules of one jenjang.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Bagian {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jenjang: Option<String>,
    /// Rules grouped by the article they rest on, in the regulation's order.
    pub kelompok: Vec<Kelompok>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Kelompok {
    /// "Permendikdasmen 3/2025 Pasal 30", "FAQ SPMB 2025", another regulation,
    /// or regional practice.
    pub pasal: String,
    pub aturan: Vec<Butir>,
}

/// What the report says of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Checked, and nothing in the juknis breaks it.
    Terpenuhi,
    /// The checker reports an error or a warning under this rule.
    Dilanggar,
    /// The checker leaves a note under this rule, or the rule only states
    /// what the region decides: to read, not a breach.
    Catatan,
    /// Cannot be judged from the text; `verifikasi` says what to check.
    TidakDinilai,
    /// The checker reports a breach the juknis sets aside with a written
    /// reason (`// juknis:abaikan KODE alasan "…"`): for the reviewer to weigh.
    Diabaikan,
}

/// One rule: what it is, its status, and where in the juknis.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Butir {
    pub kode: String,
    pub judul: String,
    pub status: Status,
    /// The rule's severity when broken: `error`, `peringatan`, `catatan`.
    pub tingkat: String,
    /// Its sources, each citation whole.
    pub dasar: String,
    /// P, Q, S or R.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyakinan: Option<String>,
    /// For a rule dated by school year: the years it holds in, and when it
    /// changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<String>,
    /// The lines of the juknis that carry the rule (met) or break it.
    pub baris: Vec<Baris>,
    /// Lines not quoted, beyond the first ones.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub baris_lain: usize,
    /// The checker's diagnostics under this rule.
    pub temuan: Vec<Temuan>,
    /// For a rule set aside: the reasons the juknis gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alasan_diabaikan: Vec<String>,
    /// What must be verified outside the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verifikasi: Option<String>,
    /// Said when the juknis has no statement the rule touches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A line of the juknis, quoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Baris {
    /// 1-based.
    pub baris: usize,
    pub teks: String,
}

/// A diagnostic, as the report shows it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Temuan {
    pub kode: String,
    /// `error`, `peringatan` or `catatan`.
    pub tingkat: String,
    pub pesan: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bantuan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baris: Option<Baris>,
}

fn tingkat_word(t: Tingkat) -> &'static str {
    match t {
        Tingkat::Error => "error",
        Tingkat::Peringatan => "peringatan",
        Tingkat::Catatan => "catatan",
    }
}

/// Quotes lines of one source.
struct Kutip<'a> {
    src: &'a str,
    ix: IndeksBaris,
}

impl Kutip<'_> {
    fn line(&self, offset: usize) -> Baris {
        let (baris, _) = self.ix.line_col(self.src, offset.min(self.src.len()));
        let teks = self
            .src
            .lines()
            .nth(baris.saturating_sub(1))
            .unwrap_or("")
            .trim();
        let teks = if teks.chars().count() > MAKS_TEKS {
            let cut: String = teks.chars().take(MAKS_TEKS - 1).collect();
            format!("{}…", cut.trim_end())
        } else {
            teks.to_string()
        };
        Baris { baris, teks }
    }
}

/// The report of a checked file. `nama` is how the file is named to the
/// reader; `bytes` are its contents as checked.
pub fn build(nama: &str, bytes: &[u8], checked: &Checked, lang: Lang) -> Kepatuhan {
    let src = String::from_utf8_lossy(bytes);
    let kutip = Kutip {
        src: &src,
        ix: IndeksBaris::new(&src),
    };
    let rb = checked.rulebook;
    let temuan = |d: &Diagnostic| Temuan {
        kode: d.code.clone(),
        tingkat: d.severity.word().into(),
        pesan: d.message.get(lang).to_string(),
        bantuan: d.help.as_ref().map(|h| h.get(lang).to_string()),
        baris: d.primary_span().map(|s| kutip.line(s.start)),
    };
    let bahasa_juknis: Vec<Temuan> = checked
        .diagnostics
        .iter()
        // With no juknis read (a brace to fix first), every problem is listed
        // here: there are no rules to file them under.
        .filter(|d| checked.semua().is_empty() || rb.rule(&d.code).is_none_or(|a| a.bahasa))
        .map(temuan)
        .collect();
    let mut ringkasan = Ringkasan {
        error: checked.errors(),
        peringatan: checked.warnings(),
        ..Ringkasan::default()
    };
    let bagian: Vec<Bagian> = checked
        .semua()
        .into_iter()
        .map(|j| bagian(j, checked, rb, &kutip, &temuan, &mut ringkasan, lang))
        .collect();
    let first = checked.juknis.as_ref();
    Kepatuhan {
        format: FORMAT.into(),
        bahasa: match lang {
            Lang::Id => "id",
            Lang::En => "en",
        }
        .into(),
        berkas: nama.to_string(),
        sha256: crate::plan::sha256_hex(bytes),
        judul: first.map(|j| j.judul.node.clone()).unwrap_or_default(),
        pemerintah: first.and_then(|j| {
            j.pemerintah.as_ref().map(|p| {
                let level = crate::text::capitalize(p.node.0.as_str());
                format!("{level} {}", p.node.1)
            })
        }),
        tahun_ajaran: first
            .and_then(|j| j.tahun())
            .map(|t| TahunAjaran(t).to_string()),
        ditetapkan: first.and_then(|j| j.ditetapkan.as_ref().map(|d| d.node.tanggal.to_string())),
        acuan: Acuan {
            id: rb.id.clone(),
            versi: rb.versi.clone(),
            nama: rb.singkat.clone(),
            judul: rb.judul.clone(),
            dari: rb.cakupan.dari.to_string(),
            ditinjau_sampai: rb.cakupan.ditinjau_sampai.to_string(),
        },
        alat: Alat {
            nama: "juknis".into(),
            versi: env!("CARGO_PKG_VERSION").into(),
        },
        sesuai: checked.errors() == 0,
        ringkasan,
        bahasa_juknis,
        bagian,
    }
}

#[allow(clippy::too_many_arguments)]
fn bagian(
    j: &Juknis,
    checked: &Checked,
    rb: &Rulebook,
    kutip: &Kutip,
    temuan: &dyn Fn(&Diagnostic) -> Temuan,
    ringkasan: &mut Ringkasan,
    lang: Lang,
) -> Bagian {
    let tahun = j.tahun().map(TahunAjaran);
    let jenjang = j.jenjang().map(|x| x.as_str().to_string());
    let mut groups: Vec<((u32, String), Vec<Butir>)> = Vec::new();
    for base in &rb.aturan {
        let applies = jenjang
            .as_deref()
            .is_none_or(|jj| base.jenjang.is_empty() || base.jenjang.iter().any(|x| x == jj));
        let Some(rule) = base.in_year(tahun).filter(|_| applies) else {
            continue;
        };
        let diags: Vec<&Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == rule.id)
            .collect();
        let aside: Vec<&crate::diagnostic::abaikan::Diabaikan> = checked
            .diabaikan
            .iter()
            .filter(|x| x.diagnostic.code == rule.id)
            .collect();
        let status = if diags.iter().any(|d| d.severity != Severity::Note) {
            Status::Dilanggar
        } else if !aside.is_empty() {
            Status::Diabaikan
        } else if !diags.is_empty() {
            Status::Catatan
        } else if !rule.diperiksa && rule.verifikasi.is_some() {
            Status::TidakDinilai
        } else if !rule.diperiksa {
            // Not a requirement to judge: a statement of what the region
            // decides (where leftover seats go, SMK's own jalur).
            Status::Catatan
        } else {
            Status::Terpenuhi
        };
        match status {
            Status::Terpenuhi => ringkasan.terpenuhi += 1,
            Status::Dilanggar => ringkasan.dilanggar += 1,
            Status::Catatan => ringkasan.catatan += 1,
            Status::TidakDinilai => ringkasan.tidak_dinilai += 1,
            Status::Diabaikan => ringkasan.diabaikan += 1,
        }
        let shown: Vec<&Diagnostic> = diags
            .iter()
            .copied()
            .chain(aside.iter().map(|x| &x.diagnostic))
            .collect();
        let mut lines: Vec<Baris> = if shown.is_empty() {
            rule.bukti
                .iter()
                .flat_map(|sel| bukti::resolve(j, sel).unwrap_or_default())
                .map(|s| kutip.line(s.start))
                .collect()
        } else {
            shown
                .iter()
                .filter_map(|d| d.primary_span())
                .map(|s| kutip.line(s.start))
                .collect()
        };
        lines.sort_by_key(|b| b.baris);
        lines.dedup();
        let baris_lain = lines.len().saturating_sub(MAKS_BARIS);
        lines.truncate(MAKS_BARIS);
        let keterangan = (status == Status::Terpenuhi && lines.is_empty()).then(|| {
            match lang {
                Lang::Id => "tidak ada pernyataan juknis yang terkena aturan ini",
                Lang::En => "no statement of the juknis falls under this rule",
            }
            .to_string()
        });
        let butir = Butir {
            kode: rule.id.clone(),
            judul: rule.judul.get(lang).to_string(),
            status,
            tingkat: tingkat_word(rule.tingkat).into(),
            dasar: rule.citation().unwrap_or_default(),
            keyakinan: rule.keyakinan.map(|k| format!("{k:?}")),
            tahun: base
                .is_dated()
                .then(|| base.describe_years().get(lang).to_string()),
            baris: lines,
            baris_lain,
            temuan: shown.into_iter().map(temuan).collect(),
            alasan_diabaikan: aside.iter().map(|x| x.alasan.clone()).collect(),
            // Something to verify only where the juknis says something.
            verifikasi: rule
                .verifikasi
                .as_ref()
                .filter(|_| keterangan.is_none())
                .map(|t| t.get(lang).to_string()),
            keterangan,
        };
        let key = pasal_of(&rule);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(butir),
            None => groups.push((key, vec![butir])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    Bagian {
        jenjang,
        kelompok: groups
            .into_iter()
            .map(|((_, pasal), aturan)| Kelompok { pasal, aturan })
            .collect(),
    }
}

/// The article a rule is filed under, with a sort key: its first-cited source
/// — an article of the regulation (by number), the regulation without an
/// article, the FAQ, another regulation or circular, regional practice last.
fn pasal_of(rule: &Aturan) -> (u32, String) {
    const REG: &str = "Permendikdasmen 3/2025";
    let Some(d) = rule.dasar.first() else {
        return (999, String::new());
    };
    if let Some(rest) = d.strip_prefix(REG).and_then(|r| r.strip_prefix(" Pasal ")) {
        let n: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if let Ok(n) = n.parse::<u32>() {
            return (n, format!("{REG} Pasal {n}"));
        }
    }
    if d.starts_with(REG) {
        return (900, format!("{REG} (pasal belum terkonfirmasi)"));
    }
    if d.starts_with("FAQ SPMB 2025") {
        return (910, "FAQ SPMB 2025".into());
    }
    if d.starts_with("praktik daerah") {
        return (990, "praktik daerah".into());
    }
    // Another regulation or a circular: named up to its first comma or
    // parenthesis.
    let name: String = d.chars().take_while(|c| *c != ',' && *c != '(').collect();
    (950, name.trim().to_string())
}

/// The report as pretty-printed JSON.
pub fn json(k: &Kepatuhan) -> String {
    serde_json::to_string_pretty(k).unwrap_or_default() + "\n"
}

/// The JSON Schema of the report, as committed in docs/kepatuhan.schema.json.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Kepatuhan);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
