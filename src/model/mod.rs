//! The resolved juknis: typed values (exact percentages, validated dates, enums
//! instead of words), names resolved, spans kept for diagnostics. The checks in
//! `rules` and the plan compiler read only this.

pub mod batas;
pub mod kursi;
pub mod lower;
pub mod persen;
pub mod waktu;

use crate::syntax::span::{Span, Spanned};
pub use persen::Persen;
use serde::Serialize;
pub use waktu::{Tanggal, Waktu};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
pub enum Jenjang {
    TK,
    SD,
    SMP,
    SMA,
    SMK,
}

impl Jenjang {
    pub const ALL: [Jenjang; 5] = [
        Jenjang::TK,
        Jenjang::SD,
        Jenjang::SMP,
        Jenjang::SMA,
        Jenjang::SMK,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Jenjang::TK => "TK",
            Jenjang::SD => "SD",
            Jenjang::SMP => "SMP",
            Jenjang::SMA => "SMA",
            Jenjang::SMK => "SMK",
        }
    }
    pub fn parse(s: &str) -> Option<Jenjang> {
        Jenjang::ALL
            .into_iter()
            .find(|j| j.as_str().eq_ignore_ascii_case(s))
    }
    /// The name with its English article, as it is read: "a TK", "an SD".
    pub fn with_article(self) -> &'static str {
        match self {
            Jenjang::TK => "a TK",
            Jenjang::SD => "an SD",
            Jenjang::SMP => "an SMP",
            Jenjang::SMA => "an SMA",
            Jenjang::SMK => "an SMK",
        }
    }
    /// The three jenjang the four national jalur and their quotas apply to.
    pub fn has_national_jalur(self) -> bool {
        matches!(self, Jenjang::SD | Jenjang::SMP | Jenjang::SMA)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TingkatPemerintah {
    Provinsi,
    Kabupaten,
    Kota,
}

impl TingkatPemerintah {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "provinsi" => Some(Self::Provinsi),
            "kabupaten" => Some(Self::Kabupaten),
            "kota" => Some(Self::Kota),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Provinsi => "provinsi",
            Self::Kabupaten => "kabupaten",
            Self::Kota => "kota",
        }
    }
}

/// Age in months (`5 tahun 6 bulan` = 66).
pub type Bulan = u32;

#[derive(Debug, Clone, Default)]
pub struct Usia {
    pub span: Option<Span>,
    pub tanggal_acuan: Option<Spanned<Waktu>>,
    pub minimal: Option<Spanned<Bulan>>,
    pub maksimal: Option<Spanned<Bulan>>,
    pub prioritas: Option<Spanned<Bulan>>,
    pub istimewa: Option<Spanned<Istimewa>>,
    pub kelompok: Vec<Spanned<Kelompok>>,
    pub pengecualian: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Clone)]
pub struct Istimewa {
    pub minimal: Spanned<Bulan>,
    pub rekomendasi: Vec<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub struct Kelompok {
    pub nama: Spanned<String>,
    pub dari: Spanned<Bulan>,
    pub sampai: Spanned<Bulan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "jenis", deny_unknown_fields)]
pub enum Metode {
    Administratif { satuan: Vec<String> },
    Radius { meter: u32 },
    Lainnya { keterangan: Option<String> },
}

#[derive(Debug, Clone, Default)]
pub struct Wilayah {
    pub span: Option<Span>,
    pub metode: Option<Spanned<Metode>>,
    pub perluasan: Option<Spanned<String>>,
    pub perbatasan: Vec<Spanned<Perbatasan>>,
}

#[derive(Debug, Clone)]
pub struct Perbatasan {
    pub tingkat: TingkatPemerintah,
    pub nama: String,
    pub kesepakatan: Option<Spanned<String>>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Pembulatan {
    KeBawah,
    KeAtas,
    Terdekat,
    SisaTerbesar,
    SesuaiBatas,
}

impl Pembulatan {
    pub const WORDS: [(&'static str, Pembulatan); 5] = [
        ("ke_bawah", Pembulatan::KeBawah),
        ("ke_atas", Pembulatan::KeAtas),
        ("terdekat", Pembulatan::Terdekat),
        ("sisa_terbesar", Pembulatan::SisaTerbesar),
        ("sesuai_batas", Pembulatan::SesuaiBatas),
    ];
    pub fn as_str(self) -> &'static str {
        Self::WORDS
            .iter()
            .find(|(_, p)| *p == self)
            .map(|(w, _)| *w)
            .unwrap_or("?")
    }
}

#[derive(Debug, Clone)]
pub struct DayaTampung {
    pub span: Option<Span>,
    pub rombel: Option<Spanned<u32>>,
    pub pengecualian: Option<Spanned<PengecualianRombel>>,
    pub pembulatan: Spanned<Pembulatan>,
    pub pembulatan_ditulis: bool,
    pub sisa_ke: Option<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub struct PengecualianRombel {
    pub rombel: Spanned<u32>,
    pub sampai: Option<Waktu>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Mekanisme {
    Tunggal,
    PilihanPertamaDiutamakan,
    PenerimaanTertunda,
}

impl Mekanisme {
    pub const WORDS: [(&'static str, Mekanisme); 3] = [
        ("tunggal", Mekanisme::Tunggal),
        (
            "pilihan_pertama_diutamakan",
            Mekanisme::PilihanPertamaDiutamakan,
        ),
        ("penerimaan_tertunda", Mekanisme::PenerimaanTertunda),
    ];
}

#[derive(Debug, Clone)]
pub struct Pilihan {
    pub span: Option<Span>,
    pub maksimal: Spanned<u32>,
    pub mekanisme: Spanned<Mekanisme>,
}

#[derive(Debug, Clone)]
pub struct Skor {
    pub nama: Spanned<String>,
    pub suku: Vec<Spanned<Suku>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Suku {
    pub bobot: Spanned<Persen>,
    pub sumber: Spanned<Sumber>,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "jenis", deny_unknown_fields)]
pub enum Sumber {
    /// Average rapor of semesters `dari..=sampai` over `mapel` (all subjects when empty).
    Rapor {
        dari: u32,
        sampai: u32,
        mapel: Vec<String>,
    },
    Tes {
        nama: String,
    },
    Poin {
        tabel: String,
    },
    Masukan {
        nama: String,
    },
}

#[derive(Debug, Clone)]
pub struct TabelPoin {
    pub nama: Spanned<String>,
    pub baris: Vec<Spanned<BarisPoin>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct BarisPoin {
    pub kategori: Spanned<String>,
    pub jenis: JenisBaris,
    pub nilai: Vec<(Spanned<String>, Spanned<u32>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisBaris {
    /// Competition level: index 0 = kabupaten_kota … 3 = internasional.
    Tingkat(u8),
    Organisasi,
}

pub const TINGKAT_LOMBA: [&str; 4] = ["kabupaten_kota", "provinsi", "nasional", "internasional"];
pub const ORGANISASI: [&str; 2] = ["osis", "pramuka"];

#[derive(Debug, Clone)]
pub struct Jalur {
    /// `domisili` or, for a sub-jalur, `domisili.reguler`.
    pub id: String,
    pub nama: Spanned<String>,
    pub kuota: Option<Spanned<Persen>>,
    pub syarat: Vec<Spanned<Syarat>>,
    pub dokumen: Vec<Spanned<Dokumen>>,
    pub dokumen_span: Option<Span>,
    pub urutan: Option<Spanned<Vec<Spanned<Kriteria>>>>,
    pub per: Option<Spanned<String>>,
    pub langsung_diterima: Option<Span>,
    pub sub: Vec<Jalur>,
    /// A sub-jalur name was written twice (reported as nama.ganda); the
    /// sub-quota sum is then not checked, as one of the two was dropped.
    pub sub_ganda: bool,
    pub span: Span,
}

impl Jalur {
    /// The national jalur this one is (domisili/afirmasi/prestasi/mutasi), from
    /// the top-level name.
    pub fn induk(&self) -> &str {
        self.id.split('.').next().unwrap_or(&self.id)
    }
    /// Leaves: the sub-jalur, or the jalur itself when it has none.
    pub fn leaves(&self) -> Vec<&Jalur> {
        if self.sub.is_empty() {
            vec![self]
        } else {
            self.sub.iter().collect()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(
    rename_all = "snake_case",
    tag = "jenis",
    content = "nama",
    deny_unknown_fields
)]
pub enum Syarat {
    DalamWilayah,
    Status(String),
    Lain(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dokumen {
    pub nama: String,
    /// Issued at least this many months before registration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimal_bulan: Option<u32>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Arah {
    Tertinggi,
    Terendah,
    Terdekat,
    Terjauh,
    Tertua,
    Termuda,
    Terawal,
    Terkecil,
    /// A yes/no criterion: those who have it rank first (`usia_prioritas`).
    Dulu,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(
    rename_all = "snake_case",
    tag = "jenis",
    content = "nama",
    deny_unknown_fields
)]
pub enum KriteriaJenis {
    Skor(String),
    Jarak,
    Usia,
    WaktuDaftar,
    NomorPendaftaran,
    /// SD: applicants at or above the priority age (`usia { prioritas 7 tahun }`)
    /// on the reference date first; no order by age inside the two groups.
    UsiaPrioritas,
}

impl KriteriaJenis {
    /// Criteria that never tie between two applicants.
    pub fn is_unique(&self) -> bool {
        matches!(
            self,
            KriteriaJenis::WaktuDaftar | KriteriaJenis::NomorPendaftaran
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kriteria {
    pub kriteria: KriteriaJenis,
    pub arah: Arah,
}

#[derive(Debug, Clone)]
pub struct SisaKuota {
    pub dari: Spanned<String>,
    pub ke: Spanned<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(
    rename_all = "snake_case",
    tag = "jenis",
    content = "persen",
    deny_unknown_fields
)]
pub enum Cadangan {
    Semua,
    Persen(Persen),
    TidakAda,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Tahapan {
    Pendaftaran,
    Verifikasi,
    Seleksi,
    Pengumuman,
    DaftarUlang,
}

impl Tahapan {
    pub fn as_str(self) -> &'static str {
        match self {
            Tahapan::Pendaftaran => "pendaftaran",
            Tahapan::Verifikasi => "verifikasi",
            Tahapan::Seleksi => "seleksi",
            Tahapan::Pengumuman => "pengumuman",
            Tahapan::DaftarUlang => "daftar_ulang",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Jadwal {
    pub tahapan: Tahapan,
    pub mulai: Waktu,
    pub selesai: Waktu,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Tahap {
    pub nomor: Spanned<u32>,
    /// A schedule line was unreadable (already reported): skip "missing stage" checks.
    pub jadwal_rusak: bool,
    pub jalur: Vec<Spanned<String>>,
    pub jadwal: Vec<Jadwal>,
    pub span: Span,
}

impl Tahap {
    pub fn get(&self, t: Tahapan) -> Option<&Jadwal> {
        self.jadwal.iter().find(|j| j.tahapan == t)
    }
}

#[derive(Debug, Clone)]
pub struct Biaya {
    pub untuk: Option<String>,
    pub rupiah: u64,
}

#[derive(Debug, Clone)]
pub struct Juknis {
    pub judul: Spanned<String>,
    pub span: Span,
    pub acuan: Option<Spanned<String>>,
    pub pemerintah: Option<Spanned<(TingkatPemerintah, String)>>,
    pub jenjang: Option<Spanned<Jenjang>>,
    pub tahun_ajaran: Option<Spanned<(i32, i32)>>,
    pub ditetapkan: Option<Spanned<Waktu>>,
    pub pengumuman_pendaftaran: Option<Spanned<Waktu>>,
    pub usia: Usia,
    pub wilayah: Wilayah,
    pub daya_tampung: DayaTampung,
    pub pilihan: Pilihan,
    pub skor: Vec<Skor>,
    pub poin: Vec<TabelPoin>,
    pub jalur: Vec<Jalur>,
    pub sisa_kuota: Vec<SisaKuota>,
    pub cadangan: Option<Spanned<Cadangan>>,
    pub tahap: Vec<Tahap>,
    pub biaya: Vec<Spanned<Biaya>>,
    pub pendaftaran: Option<Spanned<Vec<Spanned<String>>>>,
    pub pengaduan: Option<Spanned<String>>,
    pub pemantauan: Option<Spanned<String>>,
    /// Regional proof documents (`bukti NAME untuk STATUS "…"`).
    pub bukti: Vec<Spanned<Bukti>>,
}

/// A document the region accepts as proof of a status, e.g. a city's own
/// poverty-programme card (FAQ 40: the kind of proof is not limited).
#[derive(Debug, Clone)]
pub struct Bukti {
    pub nama: Spanned<String>,
    pub status: Spanned<String>,
    pub keterangan: Option<Spanned<String>>,
}

impl Juknis {
    pub fn jenjang(&self) -> Option<Jenjang> {
        self.jenjang.as_ref().map(|j| j.node)
    }
    /// The first year of the school year: the admission year.
    pub fn tahun(&self) -> Option<i32> {
        self.tahun_ajaran.as_ref().map(|t| t.node.0)
    }
    pub fn jalur(&self, name: &str) -> Option<&Jalur> {
        self.jalur.iter().find(|j| j.id == name)
    }
    /// A jalur or sub-jalur by its dotted id.
    pub fn find(&self, id: &str) -> Option<&Jalur> {
        self.jalur
            .iter()
            .flat_map(|j| std::iter::once(j).chain(j.sub.iter()))
            .find(|j| j.id == id)
    }
    /// Every selection unit: sub-jalur, or jalur without subs, in declaration order.
    pub fn leaves(&self) -> Vec<&Jalur> {
        self.jalur.iter().flat_map(|j| j.leaves()).collect()
    }
    pub fn skor(&self, name: &str) -> Option<&Skor> {
        self.skor.iter().find(|s| s.nama.node == name)
    }
    /// The effective ranking of a leaf: its own, else its parent's.
    pub fn urutan_of<'a>(&'a self, leaf: &'a Jalur) -> Option<&'a Spanned<Vec<Spanned<Kriteria>>>> {
        leaf.urutan
            .as_ref()
            .or_else(|| self.parent(leaf).and_then(|p| p.urutan.as_ref()))
    }
    pub fn parent(&self, leaf: &Jalur) -> Option<&Jalur> {
        let (p, _) = leaf.id.split_once('.')?;
        self.jalur(p)
    }
    /// Effective documents (own, else parent's).
    pub fn dokumen_of<'a>(&'a self, leaf: &'a Jalur) -> &'a [Spanned<Dokumen>] {
        if !leaf.dokumen.is_empty() {
            &leaf.dokumen
        } else {
            self.parent(leaf)
                .map(|p| p.dokumen.as_slice())
                .unwrap_or(&[])
        }
    }
    pub fn syarat_of<'a>(&'a self, leaf: &'a Jalur) -> &'a [Spanned<Syarat>] {
        if !leaf.syarat.is_empty() {
            &leaf.syarat
        } else {
            self.parent(leaf)
                .map(|p| p.syarat.as_slice())
                .unwrap_or(&[])
        }
    }
    /// The wave a (sub)jalur is selected in (directly or through its parent).
    /// The wave a jalur closes in: its own wave, or, for a jalur whose
    /// sub-jalur run in different waves, the last of theirs.
    pub fn tahap_akhir_of(&self, id: &str) -> Option<&Tahap> {
        self.tahap_of(id).or_else(|| {
            let prefix = format!("{id}.");
            self.tahap
                .iter()
                .filter(|t| t.jalur.iter().any(|j| j.node.starts_with(&prefix)))
                .max_by_key(|t| t.nomor.node)
        })
    }

    pub fn tahap_of(&self, id: &str) -> Option<&Tahap> {
        let parent = id.split('.').next().unwrap_or(id);
        self.tahap
            .iter()
            .find(|t| t.jalur.iter().any(|j| j.node == id))
            .or_else(|| {
                self.tahap
                    .iter()
                    .find(|t| t.jalur.iter().any(|j| j.node == parent))
            })
    }
}
