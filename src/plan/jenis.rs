//! The plan's vocabulary: the kinds a compiled plan is written in (jenjang,
//! zone method, rounding, mechanism, score sources, conditions, documents,
//! ranking criteria and directions, reserve lists, schedule steps). The
//! checker's model uses the same words; the plan owns them, so the plan format
//! changes only here.

use super::persen::Persen;
use serde::Serialize;

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

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "jenis", deny_unknown_fields)]
pub enum Metode {
    Administratif { satuan: Vec<String> },
    Radius { meter: u32 },
    Lainnya { keterangan: Option<String> },
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
    /// Has at least one of these statuses (`status ketm atau disabilitas`).
    SalahSatu(Vec<String>),
    Lain(String),
    /// A distance ring, in whole metres, both ends inclusive: the distance
    /// from home to the chosen school (as the engine measures it) is at least
    /// `minimal_m` and at most `maksimal_m`.
    Jarak {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minimal_m: Option<u32>,
        maksimal_m: u32,
    },
    /// TK: the applicant belongs to age group `nama` (Pasal 10): aged at least
    /// `minimal_bulan` and at most `maksimal_bulan` months on
    /// `usia.tanggal_acuan`, "at most N years" holding until the next birthday
    /// (`maksimal_bulan` + 11 months).
    Kelompok {
        nama: String,
        minimal_bulan: u32,
        maksimal_bulan: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dokumen {
    pub nama: String,
    /// Issued at least this many months before registration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimal_bulan: Option<u32>,
    /// In a unit admitting any one of several statuses (`salah_satu`): the
    /// statuses this document proves. It is required only of applicants
    /// claiming one of them; a document without `untuk` is required of all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub untuk: Vec<String>,
}

/// What decides between applicants equal on every criterion of a unit's
/// `urutan` (the juknis stated nothing that separates them).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PenentuSeri {
    /// The smaller NISN ranks first, and the rows of applicants so separated
    /// at a full school's last seat are marked `seri`.
    NisnTerkecil,
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
    /// When the applicant's documents were verified (`waktu_verifikasi` column).
    WaktuVerifikasi,
    /// The registration number (`nomor_pendaftaran` column, digits).
    NomorPendaftaran,
    /// SD: applicants at or above the priority age (`usia { prioritas 7 tahun }`)
    /// on the reference date first; no order by age inside the two groups.
    UsiaPrioritas,
    /// Applicants with this status first (`anak_guru dulu`), direction `dulu`.
    Status(String),
    /// A published lottery: `nama` is the seed announced beforehand. Each
    /// applicant draws the first 8 bytes of SHA-256(seed, 0x0A, NISN) read as a
    /// big-endian number; the smallest draw ranks first (direction `terkecil`).
    Undian(String),
}

impl KriteriaJenis {
    /// Criteria that tie between two applicants only by a coincidence of the
    /// data (the same second, the same registration number, the same draw), so
    /// a ranking may end with them.
    pub fn is_unique(&self) -> bool {
        matches!(
            self,
            KriteriaJenis::WaktuDaftar
                | KriteriaJenis::WaktuVerifikasi
                | KriteriaJenis::NomorPendaftaran
                | KriteriaJenis::Undian(_)
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kriteria {
    pub kriteria: KriteriaJenis,
    pub arah: Arah,
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
    /// Seats given up at re-registration filled from the reserve list.
    PengisianCadangan,
}

impl Tahapan {
    pub fn as_str(self) -> &'static str {
        match self {
            Tahapan::Pendaftaran => "pendaftaran",
            Tahapan::Verifikasi => "verifikasi",
            Tahapan::Seleksi => "seleksi",
            Tahapan::Pengumuman => "pengumuman",
            Tahapan::DaftarUlang => "daftar_ulang",
            Tahapan::PengisianCadangan => "pengisian_cadangan",
        }
    }
}

/// Area levels a unit's seats may be split over (`UnitSeleksi::per`); each is
/// also the name of the schools-file column that lists a school's areas.
pub const TINGKAT_WILAYAH: &[&str] = &[
    "rt",
    "rw",
    "kelurahan",
    "desa",
    "kecamatan",
    "kabupaten_kota",
];
