//! What a run returns: each applicant's status, school, unit and wave, the
//! per-school summary (`ringkasan.csv`), the run options and the explain trace.

use super::*;

/// Final state of one applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Diterima,
    Cadangan,
    TidakDiterima,
    TidakDaftarUlang,
    DataTidakSah,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Diterima => "diterima",
            Status::Cadangan => "cadangan",
            Status::TidakDiterima => "tidak_diterima",
            Status::TidakDaftarUlang => "tidak_daftar_ulang",
            Status::DataTidakSah => "data_tidak_sah",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HasilPendaftar {
    pub nisn: compact_str::CompactString,
    pub status: Status,
    pub sekolah: Option<u32>,
    pub unit: Option<usize>,
    pub tahap: Option<u32>,
    /// Rank among those accepted at that school and unit (1 = best).
    pub peringkat: Option<u32>,
    /// Reserve: the school and position on its list.
    pub cadangan: Option<(u32, usize, u32)>,
    pub naik_dari_cadangan: bool,
    pub alasan: Alasan,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ringkasan {
    pub sekolah: u32,
    pub unit: usize,
    pub tahap: u32,
    /// Seats from the school's capacity.
    pub kursi_awal: u32,
    /// Seats carried in from other units.
    pub kursi_masuk: u32,
    pub diterima: u32,
    /// Unfilled seats after selection.
    pub sisa: u32,
    pub dialihkan_ke: Option<usize>,
    pub kunci_terakhir: Option<String>,
    pub naik_dari_cadangan: u32,
    /// Seats released at re-registration (no-shows, applicants moving up).
    pub dilepas: u32,
    /// Seats empty at the end: unfilled and not carried on, or released and
    /// taken by no reserve.
    pub kosong: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Opsi {
    /// NISN of accepted applicants who did not re-register (FAQ 80, 91).
    pub tidak_daftar_ulang: Vec<String>,
    /// NISN to explain step by step.
    pub jejak: Option<String>,
    /// Report progress on stderr.
    pub progres: bool,
}

#[derive(Debug, Clone)]
pub struct Hasil {
    pub pendaftar: Vec<HasilPendaftar>,
    /// One row per school and unit, school-major (`sekolah * units + unit`).
    pub ringkasan: Vec<Ringkasan>,
    pub jejak: Vec<Teks>,
    /// Problems of rows set aside, for `Alasan::DataRusak`.
    pub rusak: Vec<Masalah>,
    /// NISN of the no-show list that match no accepted applicant.
    pub tidak_cocok: Vec<String>,
}

impl Hasil {
    /// The reason in words.
    pub fn alasan(&self, skema: &Skema, sekolah: &[Sekolah], a: Alasan) -> Teks {
        let npsn = |s: u32| {
            sekolah
                .get(s as usize)
                .map(|x| x.npsn.as_str())
                .unwrap_or("")
        };
        match a {
            Alasan::Kosong => Teks::new("", ""),
            Alasan::Tidak(s, g) => {
                let (n, g) = (npsn(s), g.teks(skema));
                let (gi, ge) = (g.id, g.en);
                t!(
                    "{n}: tidak memenuhi syarat — {gi}",
                    "{n}: not eligible — {ge}"
                )
            }
            Alasan::Kalah(s, u) => {
                let n = npsn(s);
                let last = self
                    .ringkasan
                    .get(s as usize * skema.units.len() + u)
                    .and_then(|r| r.kunci_terakhir.clone())
                    .unwrap_or_else(|| "—".into());
                t!(
                    "{n}: kalah peringkat; terakhir diterima {last}",
                    "{n}: outranked; last accepted {last}"
                )
            }
            Alasan::TanpaKursi(s, u) => {
                let (n, id) = (
                    npsn(s),
                    skema.units.get(u).map(|x| x.id.as_str()).unwrap_or(""),
                );
                t!("{n}: tidak ada kursi {id}", "{n}: no {id} seats")
            }
            Alasan::TanpaPilihan => t!("tidak ada sekolah pilihan", "no school chosen"),
            Alasan::TanpaTahap => t!(
                "jalur yang didaftar tidak diseleksi di tahap mana pun",
                "the registered jalur is selected in no wave"
            ),
            Alasan::NaikCadangan => t!(
                "naik dari daftar cadangan",
                "moved up from the reserve list"
            ),
            Alasan::TidakDaftarUlang => t!(
                "tidak daftar ulang; kursi diisi dari cadangan",
                "did not re-register; the seat went to the reserve list"
            ),
            Alasan::DataRusak(i) => match self.rusak.get(i) {
                Some(m) => {
                    let (l, ki, ke) = (m.baris, &m.pesan.id, &m.pesan.en);
                    t!("baris {l} tidak sah: {ki}", "line {l} is invalid: {ke}")
                }
                None => t!("baris tidak sah", "invalid row"),
            },
        }
    }
}
