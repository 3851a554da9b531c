//! The selection plan (`juknis-plan/2`): everything an engine needs to run a
//! juknis, with no region logic left to guess. JSON is canonical; YAML has the
//! same shape. The JSON Schema in docs/plan.schema.json is generated from these
//! types (`juknis schema`), and a test fails when the committed file drifts.

pub mod angka;
pub mod batas;
pub mod jenis;
pub mod kursi;
pub mod persen;
#[cfg(not(target_arch = "wasm32"))]
pub mod signature;
pub mod waktu;

pub use jenis::{
    Arah, Cadangan, Dokumen, Jenjang, Kriteria, KriteriaJenis, Mekanisme, Metode, Pembulatan,
    PenentuSeri, Sumber, Syarat, Tahapan, TingkatPemerintah, TINGKAT_WILAYAH,
};
use kursi::SkemaKursi;
pub use persen::Persen;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "juknis-plan/2";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Always `juknis-plan/2` for this version of the format.
    pub format: String,
    pub kompiler: Kompiler,
    /// The rulebook (regulation version) the juknis was checked against.
    pub acuan: Acuan,
    pub sumber: SumberBerkas,
    /// SHA-256 of this plan's canonical JSON with this field set to "" — detects
    /// edits made after compiling.
    pub sha256_rencana: String,
    pub juknis: Identitas,
    pub usia: UsiaPlan,
    pub wilayah: WilayahPlan,
    /// How a school's daya tampung becomes seats per jalur and sub-jalur.
    pub kursi: SkemaKursi,
    pub pilihan: PilihanPlan,
    pub skor: Vec<SkorPlan>,
    pub poin: Vec<TabelPoinPlan>,
    /// Selection units (sub-jalur, or jalur without sub-jalur), fully resolved.
    pub seleksi: Vec<UnitSeleksi>,
    /// Waves in order; each lists its units in processing order (a unit before
    /// the units its unfilled seats flow to).
    pub tahap: Vec<TahapPlan>,
    pub cadangan: Cadangan,
    /// What separates applicants equal on every criterion of a unit's `urutan`
    /// (`nisn_terkecil`, marking them `seri`). A juknis that ends each ranking
    /// with a criterion no two applicants share (`undian`, `nomor_pendaftaran`)
    /// never reaches it.
    pub penentu_seri: PenentuSeri,
    pub kewajiban: Kewajiban,
    /// Schools that admit outside the four jalur (Pasal 7(2)): an engine
    /// allocates them no seats through this plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sekolah_dikecualikan: Vec<SekolahDikecualikan>,
    /// Private or other-ministry schools taking part by agreement (FAQ 6, 7):
    /// selected like the others, listed for the record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sekolah_bersama: Vec<SekolahBersama>,
    /// Columns the applicant data must provide for this plan.
    pub kolom_pendaftar: Vec<Kolom>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SekolahDikecualikan {
    pub npsn: String,
    /// The Pasal 7(2) reason: `kerja_sama`, `luar_negeri`, `pendidikan_khusus`,
    /// `layanan_khusus`, `berasrama`, `daerah_3t`, `kurang_satu_rombel`.
    pub alasan: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SekolahBersama {
    pub npsn: String,
    /// The cooperation agreement.
    pub kesepakatan: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kompiler {
    pub nama: String,
    pub versi: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acuan {
    pub id: String,
    pub versi: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SumberBerkas {
    /// File name of the juknis source, as given to the compiler.
    pub berkas: String,
    /// SHA-256 of the source bytes.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Identitas {
    pub judul: String,
    pub pemerintah: Pemerintah,
    pub jenjang: Jenjang,
    /// e.g. "2025/2026".
    pub tahun_ajaran: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ditetapkan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pengumuman_pendaftaran: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pemerintah {
    pub tingkat: TingkatPemerintah,
    pub nama: String,
}

/// Ages in months, measured on `tanggal_acuan`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UsiaPlan {
    pub tanggal_acuan: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimal_bulan: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maksimal_bulan: Option<u32>,
    /// SD: applicants of at least this age are ranked before younger ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prioritas_bulan: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub istimewa: Option<IstimewaPlan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kelompok: Vec<KelompokPlan>,
    /// Statuses exempt from the age limits (Pasal 15).
    pub pengecualian: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IstimewaPlan {
    pub minimal_bulan: u32,
    pub rekomendasi: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KelompokPlan {
    pub nama: String,
    pub minimal_bulan: u32,
    pub maksimal_bulan: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WilayahPlan {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metode: Option<Metode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perluasan: Option<String>,
    pub perbatasan: Vec<PerbatasanPlan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerbatasanPlan {
    pub tingkat: TingkatPemerintah,
    pub nama: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kesepakatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PilihanPlan {
    pub maksimal: u32,
    pub mekanisme: Mekanisme,
    /// How many units (jalur or sub-jalur) an applicant may register in per
    /// wave. With more than one, a wave's units run in `urutan_proses` order
    /// and an applicant accepted in one takes part in no later one.
    pub jalur_per_tahap: u32,
    /// At most this many chosen schools may lie outside the applicant's zone
    /// (a school is inside when `dalam_wilayah` would hold there); a row with
    /// more is refused when the data are read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maksimal_luar_wilayah: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkorPlan {
    pub nama: String,
    /// The score is Σ bobot/100 × value of each term, in exact decimal
    /// arithmetic (docs/plan.md, "Scores").
    pub suku: Vec<SukuPlan>,
    /// The sum is capped at this value, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maksimal: Option<angka::Angka>,
    /// Decimals the score keeps: the capped sum is rounded half up to this
    /// many places (0–6).
    pub desimal: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SukuPlan {
    pub bobot: Persen,
    pub sumber: Sumber,
    /// Applicant-data column(s) this term reads.
    pub kolom: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TabelPoinPlan {
    pub nama: String,
    pub baris: Vec<BarisPoinPlan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BarisPoinPlan {
    /// A competition level (`kabupaten_kota` … `internasional`) or an organisation (`osis`, `pramuka`).
    pub kategori: String,
    pub nilai: Vec<NilaiPoin>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NilaiPoin {
    /// Rank (`juara_1`) or role (`ketua`).
    pub peringkat: String,
    /// Points, exact (`"0.5"`, `"11000"`).
    pub poin: angka::Angka,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitSeleksi {
    /// `domisili.reguler`, or `mutasi` for a jalur without sub-jalur.
    pub id: String,
    /// The jalur it belongs to (`domisili`).
    pub jalur: String,
    pub kuota: Persen,
    pub tahap: u32,
    /// All must hold for an applicant to be eligible.
    pub syarat: Vec<Syarat>,
    pub dokumen: Vec<Dokumen>,
    /// Ranking, highest priority first.
    pub urutan: Vec<KriteriaPlan>,
    /// Seats are split over areas of this level (`kelurahan`): at each school
    /// over the codes in the schools file's column of that name, equally, the
    /// first `seats mod areas` areas in code order taking one more; each
    /// applicant competes only for the seats of the area they live in. One of
    /// `rt`, `rw`, `kelurahan`, `desa`, `kecamatan`, `kabupaten_kota`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// Where this unit's unfilled seats go after its selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sisa_ke: Option<String>,
    /// Where this unit's applicants who are not accepted compete next, in the
    /// same wave (`lanjut`): a unit processed after this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lanjut_ke: Option<String>,
    /// A later round of the unit named here, for a (sub-)jalur the juknis
    /// selects in several waves (`afirmasi@3`: afirmasi again in wave 3). It has
    /// no seats of its own (`kuota` 0): it takes the seats that unit's earlier
    /// round left unfilled or freed at re-registration (whose `sisa_ke` names
    /// this round), and selects the applicants registered for this round with
    /// the same conditions and ranking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ulang_dari: Option<String>,
    /// TK: the unit's seats at each school are the schools file's column of
    /// this name (`daya_tampung_A`, one per age group), not a share of
    /// `kursi` (a TK has no jalur and no quotas, Pasal 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kursi_kolom: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KriteriaPlan {
    pub kriteria: KriteriaJenis,
    pub arah: Arah,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TahapPlan {
    pub nomor: u32,
    pub urutan_proses: Vec<String>,
    pub jadwal: Vec<JadwalPlan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JadwalPlan {
    pub tahapan: Tahapan,
    pub mulai: String,
    pub selesai: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kewajiban {
    pub biaya_rupiah: u64,
    pub pendaftaran: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pengaduan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pemantauan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kolom {
    pub nama: String,
    pub keterangan: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Plan {
    /// The hash of the plan's canonical JSON with `sha256_rencana` blanked.
    pub fn integrity(&self) -> String {
        let mut p = self.clone();
        p.sha256_rencana = String::new();
        let json = serde_json::to_vec(&p).unwrap_or_default();
        sha256_hex(&json)
    }
    pub fn seal(mut self) -> Plan {
        self.sha256_rencana = self.integrity();
        self
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
    pub fn to_yaml(&self) -> String {
        serde_yaml::to_string(self).unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON/YAML at all, or the wrong shape: the parser's message.
    Syntax(String),
    /// A `format` this build does not read.
    Version(String),
    /// The content was changed after compiling.
    Tampered { expected: String, found: String },
    /// Well-formed, but not a plan an engine can run: the path and the problem.
    Struktur(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Syntax(m) => write!(f, "rencana tidak sah / invalid plan: {m}"),
            LoadError::Version(v) => write!(f, "format rencana `{v}` tidak didukung; versi ini membaca `{FORMAT}` / unsupported plan format `{v}`; this build reads `{FORMAT}`"),
            LoadError::Struktur(m) => write!(f, "rencana tidak utuh / inconsistent plan: {m}"),
            LoadError::Tampered { expected, found } => write!(
                f,
                "isi rencana berubah sesudah dikompilasi (sha256_rencana {expected}, isi {found}); kompilasi ulang dari juknis / plan content changed after compiling; recompile it from the juknis"
            ),
        }
    }
}

/// Largest plan file read, in bytes.
pub const MAX_PLAN_BYTES: usize = 16 * 1024 * 1024;

/// Load a plan from JSON or YAML text, checking format version and integrity.
pub fn load(text: &str) -> Result<Plan, LoadError> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(LoadError::Syntax(format!(
            "file larger than {MAX_PLAN_BYTES} bytes"
        )));
    }
    let value: serde_json::Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| LoadError::Syntax(e.to_string()))?
    } else {
        yaml_terbatas(text).map_err(LoadError::Syntax)?;
        serde_yaml::from_str(text).map_err(|e| LoadError::Syntax(e.to_string()))?
    };
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(LoadError::Version(other.to_string())),
        None => return Err(LoadError::Syntax("missing field `format`".into())),
    }
    // The path of the field at fault (`seleksi[2].kuota`), which the schema
    // names too: a bare "invalid type" does not say where.
    let plan: Plan = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        LoadError::Syntax(format!("`{path}`: {}", e.into_inner()))
    })?;
    let found = plan.integrity();
    if found != plan.sha256_rencana {
        return Err(LoadError::Tampered {
            expected: plan.sha256_rencana.clone(),
            found,
        });
    }
    validate_structure(&plan).map_err(LoadError::Struktur)?;
    Ok(plan)
}

/// What an engine relies on, checked on every loaded plan (a plan written by
/// hand, or by another tool, passes the hash but may still not hold together):
/// units unique and each in exactly one wave, every carry-over target known,
/// every percentage readable, and every count within the limits `check`
/// enforces on a juknis.
pub fn validate_structure(p: &Plan) -> Result<(), String> {
    use batas::*;
    let batas = |what: &str, n: usize, maks: usize| {
        if n > maks {
            Err(format!("`{what}`: {n} entries, at most {maks}"))
        } else {
            Ok(())
        }
    };
    batas("seleksi", p.seleksi.len(), MAKS_UNIT)?;
    batas("kursi.jalur", p.kursi.jalur.len(), MAKS_JALUR)?;
    batas("tahap", p.tahap.len(), MAKS_TAHAP)?;
    batas("skor", p.skor.len(), MAKS_SKOR)?;
    batas("poin", p.poin.len(), MAKS_TABEL_POIN)?;
    if !(1..=20).contains(&p.pilihan.maksimal) {
        return Err(format!(
            "`pilihan.maksimal`: {}, must be 1–20",
            p.pilihan.maksimal
        ));
    }
    // One school, one status: excepted or joining, once.
    let mut sekolah: Vec<&str> = p
        .sekolah_dikecualikan
        .iter()
        .map(|d| d.npsn.as_str())
        .chain(p.sekolah_bersama.iter().map(|b| b.npsn.as_str()))
        .collect();
    if let Some(n) = sekolah.iter().find(|n| n.trim().is_empty()) {
        return Err(format!(
            "`sekolah_dikecualikan`/`sekolah_bersama`: empty NPSN `{n}`"
        ));
    }
    sekolah.sort_unstable();
    if let Some(w) = sekolah.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!(
            "`sekolah_dikecualikan`/`sekolah_bersama`: school `{}` listed twice",
            w[0]
        ));
    }
    if !(1..=8).contains(&p.pilihan.jalur_per_tahap) {
        return Err(format!(
            "`pilihan.jalur_per_tahap`: {}, must be 1–8",
            p.pilihan.jalur_per_tahap
        ));
    }
    if waktu::Tanggal::parse(&p.usia.tanggal_acuan).is_err() {
        return Err(format!(
            "`usia.tanggal_acuan`: `{}` is not a date",
            p.usia.tanggal_acuan
        ));
    }
    // A plan writes percentages with a dot, as `compile` does.
    let persen = |path: String, v: &str| {
        Persen::parse(v)
            .ok()
            .filter(|_| !v.contains(','))
            .map(|_| ())
            .ok_or_else(|| format!("`{path}`: `{v}` is not a percentage"))
    };
    for (i, j) in p.kursi.jalur.iter().enumerate() {
        persen(format!("kursi.jalur[{i}].persen"), &j.persen)?;
        for (k, v) in [
            ("minimal_persen", &j.minimal_persen),
            ("maksimal_persen", &j.maksimal_persen),
        ] {
            if let Some(v) = v {
                persen(format!("kursi.jalur[{i}].{k}"), v)?;
            }
        }
        for (k, sj) in j.sub.iter().enumerate() {
            persen(format!("kursi.jalur[{i}].sub[{k}].persen"), &sj.persen)?;
        }
    }
    // A school's own split has the same jalur and sub-jalur, in the same order;
    // a school uses one split.
    let mut npsn_varian: Vec<&str> = Vec::new();
    batas("kursi.varian", p.kursi.varian.len(), MAKS_VARIAN)?;
    for (v, x) in p.kursi.varian.iter().enumerate() {
        let shape = |js: &[kursi::BagianKursi]| -> Vec<(String, Vec<String>)> {
            js.iter()
                .map(|j| (j.id.clone(), j.sub.iter().map(|s| s.id.clone()).collect()))
                .collect()
        };
        if shape(&x.jalur) != shape(&p.kursi.jalur) {
            return Err(format!(
                "`kursi.varian[{v}].jalur`: not the jalur and sub-jalur of `kursi.jalur`, in their order"
            ));
        }
        for (i, j) in x.jalur.iter().enumerate() {
            persen(format!("kursi.varian[{v}].jalur[{i}].persen"), &j.persen)?;
            for (k, sj) in j.sub.iter().enumerate() {
                persen(
                    format!("kursi.varian[{v}].jalur[{i}].sub[{k}].persen"),
                    &sj.persen,
                )?;
            }
        }
        for n in &x.sekolah {
            if npsn_varian.contains(&n.as_str()) {
                return Err(format!(
                    "`kursi.varian[{v}].sekolah`: school `{n}` is in two variants"
                ));
            }
            npsn_varian.push(n);
        }
    }
    let jalur_ids: Vec<&str> = p.kursi.jalur.iter().map(|j| j.id.as_str()).collect();
    let mut ids: Vec<&str> = Vec::new();
    for (i, u) in p.seleksi.iter().enumerate() {
        if ids.contains(&u.id.as_str()) {
            return Err(format!("`seleksi[{i}].id`: unit `{}` twice", u.id));
        }
        ids.push(&u.id);
        // Seats from a schools-file column (TK age groups) or a share of `kursi`;
        // a later round has none of its own.
        let kolom_ok = |k: &str| {
            k.strip_prefix("daya_tampung_").is_some_and(|g| {
                !g.is_empty() && g.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            })
        };
        let asal_kolom = u
            .ulang_dari
            .as_ref()
            .and_then(|a| p.seleksi[..i].iter().find(|x| &x.id == a))
            .is_some_and(|x| x.kursi_kolom.is_some());
        let known = match (&u.kursi_kolom, &u.ulang_dari) {
            (Some(k), None) => {
                if !kolom_ok(k) || u.kuota != Persen::ZERO || u.jalur != u.id {
                    return Err(format!(
                        "`seleksi[{i}].kursi_kolom`: `{k}` must be `daya_tampung_` and a group name, the unit its own `jalur`, with `kuota` 0"
                    ));
                }
                true
            }
            (Some(_), Some(_)) => false,
            (None, Some(asal)) if asal_kolom => u.id.starts_with(&format!("{asal}@")),
            (None, ulang) => {
                let Some(j) = p.kursi.jalur.iter().find(|j| j.id == u.jalur) else {
                    return Err(format!(
                        "`seleksi[{i}].jalur`: `{}` is not in `kursi.jalur`",
                        u.jalur
                    ));
                };
                match ulang {
                    Some(asal) => {
                        u.id.starts_with(&format!("{asal}@")) && ids[..i].contains(&asal.as_str())
                    }
                    None if j.sub.is_empty() => u.id == j.id,
                    None => j.sub.iter().any(|s| s.id == u.id),
                }
            }
        };
        if !known {
            return Err(format!(
                "`seleksi[{i}].id`: `{}` has no seats in `kursi`",
                u.id
            ));
        }
        // A later round: of an earlier unit of the same jalur, in a later wave,
        // without seats of its own.
        if let Some(asal) = &u.ulang_dari {
            let ok = p.seleksi[..i]
                .iter()
                .find(|x| &x.id == asal)
                .is_some_and(|x| x.ulang_dari.is_none() && x.jalur == u.jalur && x.tahap < u.tahap);
            if !ok || u.kuota != Persen::ZERO {
                return Err(format!(
                    "`seleksi[{i}].ulang_dari`: `{asal}` is not an earlier-wave unit of jalur `{}`, or this round has its own `kuota`",
                    u.jalur
                ));
            }
        }
        batas(&format!("seleksi[{i}].urutan"), u.urutan.len(), MAKS_URUTAN)?;
        batas(&format!("seleksi[{i}].syarat"), u.syarat.len(), MAKS_SYARAT)?;
        batas(
            &format!("seleksi[{i}].dokumen"),
            u.dokumen.len(),
            MAKS_SYARAT,
        )?;
        if let Some(t) = &u.sisa_ke {
            let ada = p.seleksi.iter().any(|x| &x.id == t) || jalur_ids.contains(&t.as_str());
            if !ada || t == &u.id {
                return Err(format!(
                    "`seleksi[{i}].sisa_ke`: `{t}` is not another unit or jalur"
                ));
            }
        }
        if let Some(w) = &u.per {
            if !TINGKAT_WILAYAH.contains(&w.as_str()) {
                return Err(format!(
                    "`seleksi[{i}].per`: `{w}` is not an area level ({})",
                    TINGKAT_WILAYAH.join(", ")
                ));
            }
        }
        for k in &u.urutan {
            if let KriteriaJenis::Skor(n) = &k.kriteria {
                if !p.skor.iter().any(|s| &s.nama == n) {
                    return Err(format!(
                        "`seleksi[{i}].urutan`: score `{n}` is not in `skor`"
                    ));
                }
            }
        }
        // A cascade goes to another unit of the same wave, processed later.
        if let Some(t) = &u.lanjut_ke {
            let later = p
                .tahap
                .iter()
                .find(|w| w.nomor == u.tahap)
                .is_some_and(|w| {
                    let pos = |id: &str| w.urutan_proses.iter().position(|x| x == id);
                    matches!((pos(&u.id), pos(t)), (Some(a), Some(b)) if a < b)
                });
            if !later {
                return Err(format!(
                    "`seleksi[{i}].lanjut_ke`: `{t}` is not a unit processed after `{}` in wave {}",
                    u.id, u.tahap
                ));
            }
        }
        // Exactly one wave, and the one the unit names.
        let waves: Vec<u32> = p
            .tahap
            .iter()
            .filter(|t| t.urutan_proses.iter().any(|x| x == &u.id))
            .map(|t| t.nomor)
            .collect();
        if waves != [u.tahap] {
            return Err(format!(
                "`seleksi[{i}]`: unit `{}` says wave {} but is processed in waves {waves:?}",
                u.id, u.tahap
            ));
        }
    }
    let mut nomor: Vec<u32> = Vec::new();
    for (i, t) in p.tahap.iter().enumerate() {
        if nomor.contains(&t.nomor) {
            return Err(format!("`tahap[{i}].nomor`: wave {} twice", t.nomor));
        }
        nomor.push(t.nomor);
        for x in &t.urutan_proses {
            if !ids.contains(&x.as_str()) {
                return Err(format!("`tahap[{i}].urutan_proses`: `{x}` is not a unit"));
            }
        }
    }
    for (i, t) in p.poin.iter().enumerate() {
        batas(&format!("poin[{i}].baris"), t.baris.len(), MAKS_BARIS_POIN)?;
        for b in &t.baris {
            let maks = angka::Angka::whole(i64::from(batas::MAKS_POIN));
            if let Some(v) = b.nilai.iter().find(|v| v.poin > maks) {
                return Err(format!(
                    "`poin[{i}]`: {} points, at most {}",
                    v.poin,
                    batas::MAKS_POIN
                ));
            }
        }
    }
    for (i, s) in p.skor.iter().enumerate() {
        if s.desimal > angka::DECIMALS {
            return Err(format!(
                "`skor[{i}].desimal`: {} decimals, at most {}",
                s.desimal,
                angka::DECIMALS
            ));
        }
        for su in &s.suku {
            if let Sumber::Poin { tabel } = &su.sumber {
                if !p.poin.iter().any(|t| &t.nama == tabel) {
                    return Err(format!(
                        "`skor[{i}]`: points table `{tabel}` is not in `poin`"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Deepest nesting a YAML plan may have (a plan needs 7 levels).
pub const MAX_YAML_DEPTH: usize = 32;

/// A YAML plan is checked for its shape before the YAML parser sees it: nesting
/// (by indentation and by brackets) within `MAX_YAML_DEPTH`, and no anchors or
/// aliases (`&a`, `*a`: a compiled plan never has them, and aliases can make a
/// small file expand to a huge one). One pass over the bytes.
fn yaml_terbatas(text: &str) -> Result<(), String> {
    let mut flow = 0usize;
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if indent / 2 > MAX_YAML_DEPTH {
            return Err(format!(
                "line {n}: nested deeper than {MAX_YAML_DEPTH} levels"
            ));
        }
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        // The last character that is not a blank: a node starts after `:`, `-`,
        // `,`, a bracket, or at the start of the line.
        let mut sig = '\n';
        for c in line.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if prev.is_whitespace() => break,
                (None, '[' | '{') => {
                    flow += 1;
                    if flow > MAX_YAML_DEPTH {
                        return Err(format!(
                            "line {n}: nested deeper than {MAX_YAML_DEPTH} levels"
                        ));
                    }
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                (None, '&' | '*')
                    if matches!(prev, ' ' | '[' | '{' | ',')
                        && matches!(sig, '\n' | ':' | '-' | '[' | '{' | ',') =>
                {
                    return Err(format!(
                        "line {n}: YAML anchors and aliases (`&`, `*`) are not allowed in a plan"
                    ));
                }
                _ => {}
            }
            prev = c;
            if !c.is_whitespace() {
                sig = c;
            }
        }
    }
    Ok(())
}

/// The JSON Schema of the plan format, as committed in docs/plan.schema.json.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Plan);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

pub fn persen_str(p: Persen) -> String {
    p.to_string()
}
