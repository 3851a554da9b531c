//! The rulebook: one versioned data file per regulation (plus the catalog of
//! language diagnostics), embedded in the binary. Checks read their numbers from
//! here, and each rule's severity and article come from here, so an amendment of
//! the regulation is a new data file rather than new code.

pub mod doc;
pub mod wilayah;

use crate::text::{Severity, Text};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const BAHASA: &str = include_str!("../../rulebook/bahasa.yaml");

/// Every rulebook this build carries, one data file per regulation version,
/// each loadable on its own: a juknis names its own with `acuan`. The first is
/// the default. A new regulation is a new file and a line here.
const FILES: &[(&str, &str)] = &[(
    "permendikdasmen-3-2025",
    include_str!("../../rulebook/permendikdasmen-3-2025.yaml"),
)];

/// Rulebook ids this build knows.
pub const KNOWN: &[&str] = &["permendikdasmen-3-2025"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
pub enum Keyakinan {
    P,
    Q,
    S,
    R,
}

impl Keyakinan {
    pub fn describe(self) -> Text {
        match self {
            Keyakinan::P => Text::new(
                "P — tertulis di peraturan atau FAQ resmi kementerian",
                "P — stated in the regulation or the ministry's own FAQ",
            ),
            Keyakinan::Q => Text::new(
                "Q — sumber sekunder yang mengutip pasal",
                "Q — secondary source quoting the article",
            ),
            Keyakinan::S => Text::new(
                "S — sumber sekunder tanpa nomor pasal",
                "S — secondary source without an article number",
            ),
            Keyakinan::R => Text::new(
                "R — praktik daerah, bukan hukum nasional",
                "R — regional practice, not national law",
            ),
        }
    }
}

/// Stated by the cited sources (`hukum`), or derived from them by arithmetic or a
/// reading that the explanation spells out (`turunan`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sifat {
    #[default]
    Hukum,
    Turunan,
}

impl Sifat {
    pub fn describe(self) -> Text {
        match self {
            Sifat::Hukum => Text::new(
                "dinyatakan oleh sumbernya",
                "stated by its sources",
            ),
            Sifat::Turunan => Text::new(
                "turunan — dihitung atau disimpulkan dari ketentuan yang dikutip (lihat penjelasan)",
                "derived — computed or read from the cited provisions (see the explanation)",
            ),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tingkat {
    Error,
    Peringatan,
    Catatan,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct TeksData {
    pub id: String,
    pub en: String,
}

impl TeksData {
    pub fn get(&self, lang: crate::text::Lang) -> &str {
        lang.pick(&self.id, &self.en)
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Aturan {
    pub id: String,
    #[serde(default)]
    pub jenjang: Vec<String>,
    /// What the rule rests on, each entry a full citation that stands on its own:
    /// "Permendikdasmen 3/2025 Pasal 30 ayat (2)", "FAQ SPMB 2025 no. 17",
    /// another regulation, or plainly "praktik daerah".
    #[serde(default)]
    pub dasar: Vec<String>,
    /// Whether the rule is stated by its sources or derived from them.
    #[serde(default)]
    pub sifat: Sifat,
    #[serde(default)]
    pub keyakinan: Option<Keyakinan>,
    pub tingkat: Tingkat,
    #[serde(default = "yes")]
    pub diperiksa: bool,
    pub judul: TeksData,
    pub penjelasan: TeksData,
    #[serde(default)]
    pub contoh_salah: Option<String>,
    #[serde(default)]
    pub contoh_benar: Option<String>,
    /// Where in a juknis the rule is met: statement selectors the conformance
    /// report resolves to lines (`jalur/domisili/urutan`, `usia.maksimal`, …;
    /// see `kepatuhan::bukti`).
    #[serde(default)]
    pub bukti: Vec<String>,
    /// What must be verified outside the juknis text for the rule to hold
    /// (an agreement's existence, a decision, practice).
    #[serde(default)]
    pub verifikasi: Option<TeksData>,
    /// The school years the rule holds in; absent: every year the rulebook covers.
    #[serde(default)]
    pub berlaku: Rentang,
    /// Changes from a school year on (a later circular or regulation), oldest
    /// first; each states its own source. `rule_in` applies them.
    #[serde(default)]
    pub perubahan: Vec<Perubahan>,
    /// Set for entries of the language catalog (not the regulation).
    #[serde(skip)]
    pub bahasa: bool,
}

/// A school year, named by its first (admission) year: 2026 is 2026/2027.
/// Written `"2026/2027"` in the rulebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(into = "String")]
pub struct TahunAjaran(pub i32);

impl std::fmt::Display for TahunAjaran {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.0, self.0 + 1)
    }
}

impl From<TahunAjaran> for String {
    fn from(t: TahunAjaran) -> String {
        t.to_string()
    }
}

impl TahunAjaran {
    /// `"2026/2027"` → 2026; the second year must follow the first.
    pub fn parse(s: &str) -> Result<TahunAjaran, String> {
        let bad = || format!("tahun ajaran `{s}`: tulis seperti 2026/2027");
        let (a, b) = s.trim().split_once('/').ok_or_else(bad)?;
        let (a, b): (i32, i32) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
        if b != a + 1 {
            return Err(bad());
        }
        Ok(TahunAjaran(a))
    }
}

impl<'de> Deserialize<'de> for TahunAjaran {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        TahunAjaran::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A span of school years, both ends included; an absent end is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Rentang {
    #[serde(default)]
    pub dari: Option<TahunAjaran>,
    #[serde(default)]
    pub sampai: Option<TahunAjaran>,
}

impl Rentang {
    pub fn contains(&self, t: TahunAjaran) -> bool {
        self.dari.is_none_or(|d| d <= t) && self.sampai.is_none_or(|s| t <= s)
    }
    pub fn is_open(&self) -> bool {
        self.dari.is_none() && self.sampai.is_none()
    }
    /// "2026/2027", "sejak 2026/2027", "sampai 2025/2026", "2025/2026–2026/2027".
    pub fn describe(&self) -> Text {
        match (self.dari, self.sampai) {
            (None, None) => Text::new("semua tahun ajaran", "every school year"),
            (Some(a), Some(b)) if a == b => Text::new(format!("{a} saja"), format!("{a} only")),
            (Some(a), Some(b)) => Text::new(format!("{a}–{b}"), format!("{a}–{b}")),
            (Some(a), None) => Text::new(format!("sejak {a}"), format!("from {a}")),
            (None, Some(b)) => Text::new(format!("sampai {b}"), format!("until {b}")),
        }
    }
}

/// What changes in a rule from a school year on, and on what source. Fields
/// left out keep the earlier value.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Perubahan {
    pub mulai: TahunAjaran,
    /// The source of the change, a full citation (it replaces `dasar`).
    pub dasar: Vec<String>,
    #[serde(default)]
    pub keyakinan: Option<Keyakinan>,
    #[serde(default)]
    pub tingkat: Option<Tingkat>,
    #[serde(default)]
    pub judul: Option<TeksData>,
    pub penjelasan: TeksData,
}

fn yes() -> bool {
    true
}

impl Aturan {
    /// The rule as it holds in a school year: `None` when it does not hold then,
    /// or when the year is unknown and the rule depends on it.
    pub fn in_year(&self, tahun: Option<TahunAjaran>) -> Option<std::borrow::Cow<'_, Aturan>> {
        use std::borrow::Cow;
        let Some(t) = tahun else {
            return (self.berlaku.is_open() && self.perubahan.is_empty())
                .then_some(Cow::Borrowed(self));
        };
        if !self.berlaku.contains(t) {
            return None;
        }
        let changes: Vec<&Perubahan> = self.perubahan.iter().filter(|p| p.mulai <= t).collect();
        if changes.is_empty() {
            return Some(Cow::Borrowed(self));
        }
        let mut a = self.clone();
        for p in changes {
            a.dasar = p.dasar.clone();
            if let Some(k) = p.keyakinan {
                a.keyakinan = Some(k);
            }
            if let Some(t) = p.tingkat {
                a.tingkat = t;
            }
            if let Some(j) = &p.judul {
                a.judul = j.clone();
            }
            a.penjelasan = p.penjelasan.clone();
            // The examples show the first version; a changed rule's examples
            // would mislead.
            a.contoh_salah = None;
            a.contoh_benar = None;
        }
        a.perubahan.clear();
        Some(Cow::Owned(a))
    }
    /// The years it holds in, and the years it changes: "semua tahun ajaran;
    /// berubah sejak 2026/2027".
    pub fn describe_years(&self) -> Text {
        let mut t = self.berlaku.describe();
        for p in &self.perubahan {
            t.id += &format!("; berubah sejak {}", p.mulai);
            t.en += &format!("; changes from {}", p.mulai);
        }
        t
    }
    /// Whether the rule's text or severity depends on the school year.
    pub fn is_dated(&self) -> bool {
        !self.berlaku.is_open() || !self.perubahan.is_empty()
    }
    pub fn severity(&self) -> Severity {
        match self.tingkat {
            Tingkat::Error => Severity::Error,
            Tingkat::Peringatan => Severity::Warning,
            Tingkat::Catatan => Severity::Note,
        }
    }
    /// "Permendikdasmen 3/2025 Pasal 30 ayat (2); FAQ SPMB 2025 no. 17" — what a
    /// diagnostic cites, each part naming its own source.
    /// Questions of the FAQ are listed together: "FAQ SPMB 2025 no. 27, 38, 41".
    pub fn citation(&self) -> Option<String> {
        const FAQ: &str = "FAQ SPMB 2025 no. ";
        let mut parts: Vec<String> = Vec::new();
        let mut faq: Option<usize> = None;
        for d in &self.dasar {
            match (d.strip_prefix(FAQ), faq) {
                (Some(n), Some(i)) => {
                    if let Some(p) = parts.get_mut(i) {
                        p.push_str(", ");
                        p.push_str(n);
                    }
                }
                (Some(_), None) => {
                    faq = Some(parts.len());
                    parts.push(d.clone());
                }
                (None, _) => parts.push(d.clone()),
            }
        }
        if parts.is_empty() {
            None
        } else {
            Some(parts.join("; "))
        }
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct UmurData {
    pub tahun: u32,
    #[serde(default)]
    pub bulan: u32,
}

impl UmurData {
    pub fn months(&self) -> u32 {
        self.tahun * 12 + self.bulan
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct RentangUmur {
    pub minimal: UmurData,
    pub maksimal: UmurData,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct TanggalData {
    pub bulan: u32,
    pub hari: u32,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct ParamKuota {
    pub domisili_min: BTreeMap<String, String>,
    pub afirmasi_min: BTreeMap<String, String>,
    pub prestasi_min: BTreeMap<String, String>,
    pub mutasi_max: BTreeMap<String, String>,
    pub smk_afirmasi_min: String,
    pub smk_domisili_max: String,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct ParamUsia {
    pub tanggal_acuan: TanggalData,
    pub sd_minimal: UmurData,
    pub sd_prioritas: UmurData,
    pub sd_istimewa_minimal: UmurData,
    pub smp_maksimal: UmurData,
    pub sma_maksimal: UmurData,
    pub tk_kelompok_a: RentangUmur,
    pub tk_kelompok_b: RentangUmur,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Parameter {
    pub kuota: ParamKuota,
    pub usia: ParamUsia,
    pub rombel_maksimal: BTreeMap<String, u32>,
    pub rombel_maksimal_pengecualian: BTreeMap<String, u32>,
    pub rombel_cek_jumlah: u32,
    pub juknis_sebelum_pengumuman_bulan: u32,
    /// A circular's last day to set the juknis, per school year
    /// (`"2026/2027": "2026-02-28"`).
    #[serde(default)]
    pub juknis_paling_lambat: BTreeMap<String, String>,
    /// Names of the national Tes Kemampuan Akademik as a `tes(…)` source is
    /// written (`tka`, …).
    #[serde(default)]
    pub tes_tka: Vec<String>,
    pub kk_minimal_tahun: u32,
    pub peraturan: ParamPeraturan,
    /// `syarat status` values the regulation knows → the jalur whose group it names.
    pub status: BTreeMap<String, String>,
}

/// Dates of the regulation itself (ISO `YYYY-MM-DD`).
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct ParamPeraturan {
    pub ditetapkan: String,
    pub diundangkan: String,
}

impl Parameter {
    /// The applicant groups (statuses) of one national jalur, e.g. afirmasi →
    /// [disabilitas, ketm].
    pub fn status_jalur(&self, jalur: &str) -> Vec<&str> {
        self.status
            .iter()
            .filter(|(_, j)| j.as_str() == jalur)
            .map(|(s, _)| s.as_str())
            .collect()
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Rulebook {
    pub id: String,
    pub versi: String,
    pub judul: String,
    pub singkat: String,
    pub parameter: Parameter,
    /// The school years this rulebook speaks for.
    pub cakupan: Cakupan,
    pub aturan: Vec<Aturan>,
    #[serde(skip)]
    pub bahasa: Vec<Aturan>,
}

/// The school years a rulebook speaks for: from the first year under its
/// regulation, and up to the last year whose later rules (circulars, derived
/// regulations) it carries. A later year is judged by the rules known for that
/// last year, with a warning.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Cakupan {
    pub dari: TahunAjaran,
    pub ditinjau_sampai: TahunAjaran,
    /// The sources of the dated changes, one line per school year.
    #[serde(default)]
    pub sumber_perubahan: Vec<SumberPerubahan>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct SumberPerubahan {
    pub tahun_ajaran: TahunAjaran,
    pub sumber: String,
}

#[derive(Debug, Deserialize)]
struct Katalog {
    aturan: Vec<Aturan>,
}

impl Rulebook {
    /// A rule of the regulation or of the language catalog.
    pub fn rule(&self, code: &str) -> Option<&Aturan> {
        self.aturan
            .iter()
            .chain(self.bahasa.iter())
            .find(|a| a.id == code)
    }
    /// A rule as it holds in a school year (see `Aturan::in_year`).
    pub fn rule_in(
        &self,
        code: &str,
        tahun: Option<TahunAjaran>,
    ) -> Option<std::borrow::Cow<'_, Aturan>> {
        self.rule(code).and_then(|a| a.in_year(tahun))
    }
    /// A rule as it holds in a school year, else as first written (for a code
    /// reported in a year the rule does not hold, or without a year).
    pub fn rule_as_of(
        &self,
        code: &str,
        tahun: Option<TahunAjaran>,
    ) -> Option<std::borrow::Cow<'_, Aturan>> {
        self.rule_in(code, tahun)
            .or_else(|| self.rule(code).map(std::borrow::Cow::Borrowed))
    }
    pub fn all_rules(&self) -> impl Iterator<Item = &Aturan> {
        self.aturan.iter().chain(self.bahasa.iter())
    }
}

/// The rulebook for an `acuan` id, loaded once per process.
pub fn get(id: &str) -> Option<&'static Rulebook> {
    static LOADED: [OnceLock<Rulebook>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];
    let i = FILES.iter().position(|(k, _)| *k == id)?;
    let (_, text) = FILES[i];
    let slot = LOADED.get(i)?;
    Some(slot.get_or_init(|| match load(text, BAHASA) {
        Ok(rb) => rb,
        Err(e) => {
            eprintln!("internal error: embedded rulebook {id} is invalid: {e}");
            std::process::exit(70)
        }
    }))
}

/// The current rulebook (the first of `FILES`); the embedded data is validated
/// by the test suite, so a broken file can never ship. Should it fail anyway,
/// this aborts with the reason.
pub fn default_rulebook() -> &'static Rulebook {
    match get(KNOWN[0]) {
        Some(rb) => rb,
        None => {
            eprintln!("internal error: no rulebook {}", KNOWN[0]);
            std::process::exit(70)
        }
    }
}

pub fn load(regulasi: &str, bahasa: &str) -> Result<Rulebook, String> {
    let mut rb: Rulebook = serde_yaml::from_str(regulasi).map_err(|e| format!("rulebook: {e}"))?;
    let kat: Katalog = serde_yaml::from_str(bahasa).map_err(|e| format!("bahasa.yaml: {e}"))?;
    rb.bahasa = kat
        .aturan
        .into_iter()
        .map(|mut a| {
            a.bahasa = true;
            a
        })
        .collect();
    Ok(rb)
}
