//! Why an applicant is not accepted (`Gagal`: ineligible at a school, with the
//! plan's limit that decided it) and the reason written to `hasil.csv`
//! (`Alasan`), in both languages.

use super::*;

/// Why an applicant cannot take a unit at a school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gagal {
    /// Age in months above the limit.
    UsiaAtas(i32),
    /// Age in months below the limit.
    UsiaBawah(i32),
    LahirKosong,
    /// Lacks the plan's status with this index.
    Status(usize),
    LuarWilayah,
    /// An input of the score with this index is empty.
    SkorKosong(usize),
    JarakTakDiketahui,
    WaktuKosong,
    VerifikasiKosong,
    NomorKosong,
    /// Has none of the statuses in this mask (`status A atau B`).
    SalahSatu(u64),
    /// Home outside the unit's distance ring (minimum, maximum metres).
    LuarCincin(u32, u32),
    /// A teacher's child applying through mutasi away from the parent's school.
    BukanSekolahOrtu,
    /// Lives in none of the school's areas of this level (`TINGKAT_WILAYAH`
    /// index) over which the unit's seats are split.
    LuarBagian(usize),
    /// TK: age in months outside the group's range (minimum, maximum months).
    LuarKelompok(i32, u32, u32),
}

/// Why an applicant ended where they did, rendered into words only for output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Alasan {
    Kosong,
    /// Not eligible at this school (the first choice where it was found).
    Tidak(u32, Gagal),
    /// Outranked at this school in this unit.
    Kalah(u32, usize),
    /// Outranked at this school in this unit, among the applicants of one
    /// area (position among the school's areas) of a unit split by area.
    KalahBagian(u32, usize, u32),
    /// The school has no seats for this unit.
    TanpaKursi(u32, usize),
    TanpaPilihan,
    TanpaTahap,
    NaikCadangan,
    TidakDaftarUlang,
    /// Index into `PendaftarFile::rusak`.
    DataRusak(usize),
}

pub(super) fn bulan_teks(m: i64) -> Text {
    let (y, r) = (m / 12, m % 12);
    t!("{y} tahun {r} bulan", "{y} years {r} months")
}

impl Gagal {
    pub fn teks(self, prepared: &Prepared) -> Text {
        match self {
            Gagal::UsiaAtas(u) => {
                let (a, b) = (
                    bulan_teks(i64::from(u)),
                    bulan_teks(prepared.usia_max.unwrap_or(0)),
                );
                let (ai, bi, ae, be) = (a.id, b.id, a.en, b.en);
                t!(
                    "usia {ai} melebihi batas {bi}",
                    "age {ae} is above the limit {be}"
                )
            }
            Gagal::UsiaBawah(u) => {
                let (a, b) = (
                    bulan_teks(i64::from(u)),
                    bulan_teks(prepared.usia_min.unwrap_or(0)),
                );
                let (ai, bi, ae, be) = (a.id, b.id, a.en, b.en);
                t!(
                    "usia {ai} di bawah batas {bi}",
                    "age {ae} is below the limit {be}"
                )
            }
            Gagal::LahirKosong => t!("tanggal lahir kosong", "birth date is empty"),
            Gagal::Status(b) => {
                let n = prepared.status.get(b).map(String::as_str).unwrap_or("");
                t!("tidak berstatus `{n}`", "does not have status `{n}`")
            }
            Gagal::LuarWilayah => t!(
                "tempat tinggal di luar wilayah sekolah ini",
                "home is outside this school's zone"
            ),
            Gagal::SkorKosong(i) => {
                let n = prepared.skor.get(i).map(|x| x.0.as_str()).unwrap_or("");
                t!(
                    "nilai untuk skor `{n}` kosong",
                    "an input of score `{n}` is empty"
                )
            }
            Gagal::JarakTakDiketahui => t!(
                "jarak ke sekolah tidak diketahui",
                "distance to the school is unknown"
            ),
            Gagal::WaktuKosong => t!("waktu daftar kosong", "registration time is empty"),
            Gagal::VerifikasiKosong => {
                t!("waktu verifikasi kosong", "verification time is empty")
            }
            Gagal::NomorKosong => t!("nomor pendaftaran kosong", "registration number is empty"),
            Gagal::SalahSatu(mask) => {
                let names: Vec<&str> = prepared
                    .status
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i < 64 && mask & (1 << i) != 0)
                    .map(|(_, s)| s.as_str())
                    .collect();
                let (ni, ne) = (names.join(" atau "), names.join(" or "));
                t!("tidak berstatus {ni}", "has no status {ne}")
            }
            Gagal::LuarCincin(lo, hi) => t!(
                "jarak ke sekolah ini di luar {lo}–{hi} m",
                "distance to this school is outside {lo}–{hi} m"
            ),
            Gagal::LuarBagian(l) => {
                let w = crate::plan::TINGKAT_WILAYAH.get(l).copied().unwrap_or("");
                t!(
                    "tempat tinggal tidak di {w} mana pun yang mendapat bagian kursi jalur ini di sekolah ini",
                    "home is in no {w} among which this school splits the seats of this jalur"
                )
            }
            Gagal::LuarKelompok(u, lo, hi) => {
                let (ut, ub, lt, ht) = (u / 12, u % 12, lo / 12, hi / 12);
                t!(
                    "usia {ut} tahun {ub} bulan di luar kelompok ini ({lt}–{ht} tahun)",
                    "age {ut} years {ub} months is outside this group ({lt}–{ht} years)"
                )
            }
            Gagal::BukanSekolahOrtu => t!(
                "anak guru hanya memakai jalur ini di sekolah tempat orang tuanya mengajar",
                "a teacher's child uses this jalur only at the school where the parent teaches"
            ),
        }
    }
}
