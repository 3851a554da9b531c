//! What a run returns — each applicant's status, school, unit and wave, the
//! per-school summary (`ringkasan.csv`), the run options and the explain trace —
//! and how selection's final state becomes those rows (`rows`, `ringkasan`).

use super::*;

/// The code of area `b` (position among the school's areas) of unit `u`'s
/// level at school `s`.
pub(super) fn kode_bagian(
    prepared: &Prepared,
    sekolah: &[Sekolah],
    s: u32,
    u: usize,
    b: u32,
) -> String {
    let Some(sk) = sekolah.get(s as usize) else {
        return String::new();
    };
    let Some(l) = prepared.units.get(u).and_then(|x| x.per) else {
        return String::new();
    };
    // The ids are in code order, as the codes sorted and deduplicated are.
    let mut kode: Vec<&str> = sk
        .wilayah_kursi
        .get(l)
        .map(|k| k.iter().map(String::as_str).collect())
        .unwrap_or_default();
    kode.sort_unstable();
    kode.dedup();
    kode.get(b as usize)
        .map(|k| k.to_string())
        .unwrap_or_default()
}

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
    pub cadangan: Option<(u32, u32, u32)>,
    pub naik_dari_cadangan: bool,
    pub alasan: Alasan,
    /// Equal to another applicant on every stated criterion at a school's last
    /// seat: only the applicant order (NISN) separated them.
    pub seri: bool,
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
    /// Of those, seats no reserve took that went on along `sisa_ke` to a unit
    /// of a later wave.
    pub dilepas_dialihkan: u32,
    /// Seats empty at the end: unfilled and not carried on, or released and
    /// taken by no reserve.
    pub kosong: u32,
}

/// One area's share of a (school, unit) whose seats are split by area (`per`).
#[derive(Debug, Clone, PartialEq)]
pub struct RingkasanWilayah {
    pub sekolah: u32,
    pub unit: usize,
    /// The area's position among the school's areas (code order).
    pub bagian: u32,
    /// The area's code, as the schools file gives it.
    pub kode: String,
    /// The area's seats (its equal share of the unit's seats).
    pub kursi: u32,
    /// Accepted from the area, after re-registration.
    pub diterima: u32,
    /// Unfilled after selection (part of the unit's `sisa`).
    pub sisa: u32,
    pub dilepas: u32,
    pub naik_dari_cadangan: u32,
    pub kunci_terakhir: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// NISN of accepted applicants who did not re-register (FAQ 80, 91).
    pub tidak_daftar_ulang: Vec<String>,
    /// NISN to explain step by step.
    pub jejak: Option<String>,
    /// Report progress on stderr.
    pub progres: bool,
    /// Keep each applicant's own ranking key where they were placed (accepted,
    /// or their best reserve place), as a person reads it (`run --kunci`).
    pub kunci: bool,
    /// Keep every school's whole reserve list per unit (`run --per-sekolah`).
    pub daftar_cadangan: bool,
}

#[derive(Debug, Clone)]
pub struct Hasil {
    pub pendaftar: Vec<HasilPendaftar>,
    /// One row per school and unit, school-major (`sekolah * units + unit`).
    pub ringkasan: Vec<Ringkasan>,
    /// Units split by area: one row per school, unit and area, in that order.
    pub ringkasan_wilayah: Vec<RingkasanWilayah>,
    pub jejak: Vec<Text>,
    /// Problems of rows set aside, for `Alasan::DataRusak`.
    pub rusak: Vec<DataError>,
    /// NISN of the no-show list that match no accepted applicant.
    pub tidak_cocok: Vec<String>,
    /// With `RunOptions::kunci`: each placed applicant's own key, by NISN.
    pub kunci: rustc_hash::FxHashMap<String, String>,
    /// With `RunOptions::daftar_cadangan`: per school, unit and position, the
    /// NISN on each reserve list as selection left it (school-major, units in
    /// plan order).
    pub daftar_cadangan: Vec<(u32, usize, Vec<compact_str::CompactString>)>,
}

impl Hasil {
    /// The reason in words.
    pub fn alasan(&self, prepared: &Prepared, sekolah: &[Sekolah], a: Alasan) -> Text {
        let npsn = |s: u32| {
            sekolah
                .get(s as usize)
                .map(|x| x.npsn.as_str())
                .unwrap_or("")
        };
        match a {
            Alasan::Kosong => Text::new("", ""),
            Alasan::Tidak(s, g) => {
                let (n, g) = (npsn(s), g.teks(prepared));
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
                    .get(s as usize * prepared.units.len() + u)
                    .and_then(|r| r.kunci_terakhir.clone())
                    .unwrap_or_else(|| "—".into());
                t!(
                    "{n}: kalah peringkat; terakhir diterima {last}",
                    "{n}: outranked; last accepted {last}"
                )
            }
            Alasan::KalahBagian(s, u, b) => {
                let n = npsn(s);
                let kode = kode_bagian(prepared, sekolah, s, u, b);
                // Rows are in (school, unit, area) order: one search, not a scan
                // per reason.
                let last = self
                    .ringkasan_wilayah
                    .binary_search_by_key(&(s, u, b), |r| (r.sekolah, r.unit, r.bagian))
                    .ok()
                    .and_then(|i| self.ringkasan_wilayah[i].kunci_terakhir.clone())
                    .unwrap_or_else(|| "—".into());
                let w = prepared
                    .units
                    .get(u)
                    .and_then(|x| x.per)
                    .and_then(|l| crate::plan::TINGKAT_WILAYAH.get(l))
                    .copied()
                    .unwrap_or("");
                t!(
                    "{n}: kalah peringkat di {w} {kode}; terakhir diterima {last}",
                    "{n}: outranked in {w} {kode}; last accepted {last}"
                )
            }
            Alasan::TanpaKursi(s, _)
                if sekolah
                    .get(s as usize)
                    .and_then(|x| prepared.dikecualikan(&x.npsn))
                    .is_some() =>
            {
                let n = npsn(s);
                let a = sekolah
                    .get(s as usize)
                    .and_then(|x| prepared.dikecualikan(&x.npsn))
                    .unwrap_or("");
                t!(
                    "{n}: sekolah ini tidak menerima lewat jalur SPMB (dikecualikan: {a})",
                    "{n}: this school does not admit through the SPMB jalur (excepted: {a})"
                )
            }
            Alasan::TanpaKursi(s, u) => {
                let (n, id) = (
                    npsn(s),
                    prepared.units.get(u).map(|x| x.id.as_str()).unwrap_or(""),
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
                "tidak daftar ulang; kursinya dilepas ke daftar cadangan",
                "did not re-register; the seat was released to the reserve list"
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

/// Each applicant's final state, moved out of the selection so the result rows
/// can be built without the applicants borrowed (`run_owned` builds them in the
/// applicants' own memory).
pub(super) struct Akhir {
    diterima: Vec<Option<(u32, u32, u32)>>,
    alasan: Vec<Alasan>,
    cadangan_best: Vec<Option<(u32, u32, u32)>>,
    ikut: Vec<bool>,
    seri: Vec<bool>,
    /// Rank among those accepted at the school and unit (1 = best).
    peringkat: Vec<u32>,
    tidak_du: Vec<bool>,
    naik: Vec<bool>,
}

impl Seleksi<'_> {
    /// The final state, after re-registration (`du`).
    pub(super) fn finish(self, du: DaftarUlang) -> Akhir {
        let mut peringkat: Vec<u32> = vec![0; self.pendaftar.len()];
        for row in &self.kursi {
            for slot in row {
                for (r, (_, a)) in slot.diterima.iter().enumerate() {
                    peringkat[*a as usize] = r as u32 + 1;
                }
            }
        }
        Akhir {
            diterima: self.diterima,
            alasan: self.alasan,
            cadangan_best: self.cadangan_best,
            ikut: self.ikut,
            seri: self.seri,
            peringkat,
            tidak_du: du.tidak,
            naik: du.naik,
        }
    }
}

impl Akhir {
    /// Applicant `a`'s result row.
    pub(super) fn row(
        &self,
        prepared: &Prepared,
        a: usize,
        nisn: compact_str::CompactString,
    ) -> HasilPendaftar {
        let naik = self.naik[a];
        let mut r = HasilPendaftar {
            nisn,
            status: Status::TidakDiterima,
            sekolah: None,
            unit: None,
            tahap: None,
            peringkat: None,
            cadangan: None,
            naik_dari_cadangan: naik,
            alasan: self.alasan[a],
            seri: self.seri[a],
        };
        if let Some((s, u, t)) = self.diterima[a] {
            r.sekolah = Some(s);
            r.unit = Some(u as usize);
            r.tahap = Some(t);
            if self.tidak_du[a] {
                r.status = Status::TidakDaftarUlang;
                r.alasan = Alasan::TidakDaftarUlang;
            } else {
                r.status = Status::Diterima;
                r.alasan = if naik {
                    Alasan::NaikCadangan
                } else {
                    Alasan::Kosong
                };
                r.peringkat = if naik { None } else { Some(self.peringkat[a]) };
            }
        } else if let Some(c) = self.cadangan_best[a] {
            r.status = Status::Cadangan;
            r.unit = Some(c.1 as usize);
            r.tahap = Some(prepared.units[c.1 as usize].tahap);
            r.cadangan = Some(c);
        } else if !self.ikut[a] {
            r.alasan = Alasan::TanpaTahap;
        }
        r
    }
}

/// After the applicants' rows (in NISN order), the rows set aside as
/// unreadable, all in NISN order; the explain trace's last line.
pub(super) fn finish_rows(
    out: &mut Vec<HasilPendaftar>,
    bacaan_rusak: &[BarisRusak],
    target: Option<usize>,
    jejak: &mut Vec<Text>,
) {
    if let Some(r) = target.and_then(|a| out.get(a)) {
        let st = r.status.as_str();
        jejak.push(t!("hasil akhir: {st}", "final result: {st}"));
    }
    for (i, rr) in bacaan_rusak.iter().enumerate() {
        out.push(HasilPendaftar {
            nisn: rr.id.as_str().into(),
            status: Status::DataTidakSah,
            sekolah: None,
            unit: None,
            tahap: None,
            peringkat: None,
            cadangan: None,
            naik_dari_cadangan: false,
            alasan: Alasan::DataRusak(i),
            seri: false,
        });
    }
    // Applicants are already in NISN order; only rows set aside need placing.
    if !bacaan_rusak.is_empty() {
        out.sort_by(|a, b| a.nisn.cmp(&b.nisn).then(a.status.cmp(&b.status)));
    }
}

impl Seleksi<'_> {
    /// One summary row per school, unit split by area, and area
    /// (`ringkasan_wilayah.csv`).
    pub(super) fn ringkasan_wilayah(&self) -> Vec<RingkasanWilayah> {
        let mut out = Vec::new();
        for (s, row) in self.kursi.iter().enumerate() {
            for (ui, slot) in row.iter().enumerate() {
                let u = &self.prepared.units[ui];
                for (b, g) in slot.bagian.iter().enumerate() {
                    out.push(RingkasanWilayah {
                        sekolah: s as u32,
                        unit: ui,
                        bagian: b as u32,
                        kode: kode_bagian(self.prepared, self.sekolah, s as u32, ui, b as u32),
                        kursi: g.kursi,
                        diterima: (g.diterima + g.naik).saturating_sub(g.dilepas),
                        sisa: g.kursi.saturating_sub(g.diterima),
                        dilepas: g.dilepas,
                        naik_dari_cadangan: g.naik,
                        kunci_terakhir: g.terakhir.map(|(_, a)| self.show_key(u, s, a as usize)),
                    });
                }
            }
        }
        out
    }

    /// One summary row per school and unit (`ringkasan.csv`).
    pub(super) fn ringkasan(&self) -> Vec<Ringkasan> {
        let prepared = self.prepared;
        let mut ringkasan = Vec::with_capacity(self.sekolah.len() * prepared.units.len());
        for (s, row) in self.kursi.iter().enumerate() {
            for (ui, slot) in row.iter().enumerate() {
                let u = &prepared.units[ui];
                ringkasan.push(Ringkasan {
                    sekolah: s as u32,
                    unit: ui,
                    tahap: u.tahap,
                    kursi_awal: slot.awal,
                    kursi_masuk: slot.masuk,
                    diterima: (slot.diterima.len() as u32 + slot.naik).saturating_sub(slot.dilepas),
                    sisa: slot.sisa,
                    dialihkan_ke: if slot.sisa > 0 || slot.dilepas_dialihkan > 0 {
                        u.sisa_ke
                    } else {
                        None
                    },
                    dilepas: slot.dilepas,
                    dilepas_dialihkan: slot.dilepas_dialihkan,
                    kosong: {
                        let dialihkan = if slot.sisa > 0 && u.sisa_ke.is_some() {
                            slot.sisa
                        } else {
                            0
                        } + slot.dilepas_dialihkan;
                        (slot.total() + slot.dilepas)
                            .saturating_sub(slot.diterima.len() as u32 + slot.naik + dialihkan)
                    },
                    kunci_terakhir: slot
                        .diterima
                        .last()
                        .map(|k| self.show_key(u, s, k.1 as usize)),
                    naik_dari_cadangan: slot.naik,
                });
            }
        }
        ringkasan
    }
}
