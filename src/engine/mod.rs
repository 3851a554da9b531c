//! The reference selection engine: runs a compiled plan (`juknis-plan/1`) on a
//! schools file and an applicants file. Every decision comes from the plan —
//! seats from its rounding scheme, eligibility from its syarat and age limits,
//! ranking from its urutan and score formulas, assignment from its mechanism,
//! carry-over from its sisa_kuota — so two engines given the same plan and data
//! must agree with this one. Output is byte-identical for the same inputs,
//! whatever the row order or thread count.

pub mod data;
pub mod keluaran;
pub mod synth;

use crate::diagnostic::Teks;
use crate::model::kursi::KursiSiap;
use crate::model::{Arah, Cadangan, KriteriaJenis, Mekanisme, Metode, Sumber, Syarat};
use crate::plan::{KriteriaPlan, Plan};
use crate::t;
use rayon::prelude::*;
use std::collections::{BTreeMap, BinaryHeap};

pub use data::{BacaanPendaftar, BarisRusak, Masalah, ModusRusak};

#[derive(Debug, Clone, PartialEq)]
pub struct Sekolah {
    pub npsn: String,
    pub nama: String,
    pub daya_tampung: u32,
    /// (lintang, bujur) in degrees.
    pub lokasi: Option<(f64, f64)>,
    /// Area codes of the school's zone (kelurahan/desa/kecamatan codes).
    pub wilayah: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pendaftar {
    pub nisn: String,
    /// Line in the applicants file.
    pub baris: u64,
    /// Units (jalur or sub-jalur) registered for, at most one per wave.
    pub jalur: Vec<u16>,
    /// Chosen schools (indexes into the sorted schools), in order of preference.
    pub pilihan: Vec<u32>,
    /// Whole metres to each chosen school; `u32::MAX` when unknown.
    pub jarak: Vec<u32>,
    /// Birth date, days since 1970-01-01.
    pub lahir: Option<i64>,
    /// Registration time, seconds since 1970-01-01.
    pub waktu_daftar: Option<i64>,
    /// Area codes where the applicant lives.
    pub wilayah: Vec<String>,
    /// Bit k set: has the plan's k-th status.
    pub status: u64,
    /// Numeric inputs in `Skema::kolom_angka` order, then one points value per
    /// points table; NaN when the cell was empty.
    pub nilai: Vec<f64>,
}

/// Great-circle distance in whole metres (haversine, mean Earth radius
/// 6,371,008.8 m, rounded half up).
pub fn jarak_m(a: (f64, f64), b: (f64, f64)) -> u32 {
    const R: f64 = 6_371_008.8;
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    let d = 2.0 * R * h.sqrt().min(1.0).asin();
    (d + 0.5).floor().clamp(0.0, f64::from(u32::MAX - 1)) as u32
}

/// Civil date of a day count (days since 1970-01-01).
pub fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Whole months from birth to the reference date.
fn umur_bulan(lahir: i64, acuan: i64) -> i64 {
    let (by, bm, bd) = civil(lahir);
    let (ay, am, ad) = civil(acuan);
    (ay - by) * 12 + i64::from(am) - i64::from(bm) - i64::from(ad < bd)
}

#[derive(Debug, Clone)]
enum SyaratC {
    DalamWilayah,
    Status(usize),
}

#[derive(Debug, Clone)]
enum SumberC {
    /// Index into `Pendaftar::nilai`.
    Slot(usize),
    /// Another score.
    Skor(usize),
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub tahap: u32,
    syarat: Vec<SyaratC>,
    pub urutan: Vec<KriteriaPlan>,
    pub sisa_ke: Option<usize>,
    /// Position in the seat scheme: jalur index, and sub-jalur index if any.
    jalur: usize,
    sub: Option<usize>,
}

/// A plan prepared for running: names resolved to indexes, numbers parsed.
#[derive(Debug, Clone)]
pub struct Skema {
    pub units: Vec<Unit>,
    /// Waves in order, each with its units in processing order.
    pub tahap: Vec<(u32, Vec<usize>)>,
    /// Numeric applicant columns the score formulas read.
    pub kolom_angka: Vec<String>,
    /// Points tables: name and (kategori, peringkat) → points.
    pub poin: Vec<(String, BTreeMap<(String, String), u32>)>,
    skor: Vec<(String, Vec<(f64, SumberC)>)>,
    /// Statuses the plan refers to; bit k of `Pendaftar::status`.
    pub status: Vec<String>,
    pub perlu_lahir: bool,
    pub perlu_waktu: bool,
    pub perlu_jarak: bool,
    acuan: i64,
    usia_min: Option<i64>,
    usia_max: Option<i64>,
    prioritas: Option<i64>,
    istimewa: Option<i64>,
    bebas_usia: u64,
    bit_istimewa: Option<usize>,
    radius_m: Option<u32>,
    kursi: KursiSiap,
    pub mekanisme: Mekanisme,
    pub maks_pilihan: usize,
    cadangan: Cadangan,
}

/// Longest ranking chain the engine keys: criteria + choice rank + SD age
/// priority + the applicant-order tie-break.
const KUNCI: usize = 12;
const MAKS_URUTAN: usize = KUNCI - 3;

type Kunci = [i64; KUNCI];

impl Skema {
    pub fn dari_plan(plan: &Plan) -> Result<Skema, Teks> {
        let mut status: Vec<String> = Vec::new();
        let bit = |s: &str, status: &mut Vec<String>| -> usize {
            match status.iter().position(|x| x == s) {
                Some(k) => k,
                None => {
                    status.push(s.to_string());
                    status.len() - 1
                }
            }
        };
        // Score columns and tables.
        let mut kolom_angka: Vec<String> = Vec::new();
        let mut poin_names: Vec<String> = Vec::new();
        for s in &plan.skor {
            for su in &s.suku {
                match &su.sumber {
                    Sumber::Poin { tabel } => {
                        if !poin_names.contains(tabel) {
                            poin_names.push(tabel.clone());
                        }
                    }
                    Sumber::Masukan { nama } if plan.skor.iter().any(|x| &x.nama == nama) => {}
                    _ => {
                        for k in &su.kolom {
                            if !kolom_angka.contains(k) {
                                kolom_angka.push(k.clone());
                            }
                        }
                    }
                }
            }
        }
        let poin: Vec<(String, BTreeMap<(String, String), u32>)> = poin_names
            .iter()
            .map(|n| {
                let mut m = BTreeMap::new();
                if let Some(t) = plan.poin.iter().find(|t| &t.nama == n) {
                    for b in &t.baris {
                        for v in &b.nilai {
                            m.insert((b.kategori.to_lowercase(), v.peringkat.to_lowercase()), v.poin);
                        }
                    }
                }
                (n.clone(), m)
            })
            .collect();
        let mut skor = Vec::new();
        for s in &plan.skor {
            let mut suku = Vec::new();
            for su in &s.suku {
                let bobot = su.bobot.to_string().parse::<f64>().unwrap_or(0.0) / 100.0;
                let src = match &su.sumber {
                    Sumber::Poin { tabel } => SumberC::Slot(
                        kolom_angka.len() + poin_names.iter().position(|n| n == tabel).unwrap_or(0),
                    ),
                    Sumber::Masukan { nama } if plan.skor.iter().any(|x| &x.nama == nama) => {
                        SumberC::Skor(plan.skor.iter().position(|x| &x.nama == nama).unwrap_or(0))
                    }
                    _ => {
                        let k = su.kolom.first().cloned().unwrap_or_default();
                        SumberC::Slot(kolom_angka.iter().position(|x| *x == k).unwrap_or(0))
                    }
                };
                suku.push((bobot, src));
            }
            skor.push((s.nama.clone(), suku));
        }
        // A score that reads itself, directly or not, cannot be computed.
        for (i, (n, _)) in skor.iter().enumerate() {
            let mut stack = vec![(i, 0usize)];
            while let Some((k, depth)) = stack.pop() {
                if depth > skor.len() {
                    return Err(t!("skor `{n}` memakai dirinya sendiri", "score `{n}` refers to itself"));
                }
                for (_, s) in &skor[k].1 {
                    if let SumberC::Skor(j) = s {
                        stack.push((*j, depth + 1));
                    }
                }
            }
        }
        let mut units = Vec::new();
        let (mut perlu_lahir, mut perlu_waktu, mut perlu_jarak) = (false, false, false);
        for u in &plan.seleksi {
            let jalur = plan.kursi.jalur.iter().position(|j| j.id == u.jalur);
            let Some(jalur) = jalur else {
                let id = &u.id;
                return Err(t!("unit `{id}` tidak ada di skema kursi", "unit `{id}` is missing from the seat scheme"));
            };
            let sub = plan.kursi.jalur[jalur].sub.iter().position(|s| s.id == u.id);
            let mut syarat = Vec::new();
            for s in &u.syarat {
                match s {
                    Syarat::DalamWilayah => syarat.push(SyaratC::DalamWilayah),
                    Syarat::Status(n) | Syarat::Lain(n) => syarat.push(SyaratC::Status(bit(&n.to_lowercase(), &mut status))),
                }
            }
            if u.urutan.len() > MAKS_URUTAN {
                let id = &u.id;
                return Err(t!("urutan `{id}` lebih dari {MAKS_URUTAN} kriteria", "ranking of `{id}` has more than {MAKS_URUTAN} criteria"));
            }
            for k in &u.urutan {
                match &k.kriteria {
                    KriteriaJenis::Usia => perlu_lahir = true,
                    KriteriaJenis::WaktuDaftar => perlu_waktu = true,
                    KriteriaJenis::Jarak => perlu_jarak = true,
                    KriteriaJenis::Skor(n) if !plan.skor.iter().any(|s| &s.nama == n) => {
                        return Err(t!("skor `{n}` tidak ada di rencana", "score `{n}` is not in the plan"));
                    }
                    _ => {}
                }
            }
            units.push(Unit {
                id: u.id.clone(),
                tahap: u.tahap,
                syarat,
                urutan: u.urutan.clone(),
                sisa_ke: None,
                jalur,
                sub,
            });
        }
        for (i, u) in plan.seleksi.iter().enumerate() {
            if let Some(t) = &u.sisa_ke {
                // Carry-over to a jalur with sub-jalur goes to its first one.
                let target = units
                    .iter()
                    .position(|x| &x.id == t)
                    .or_else(|| units.iter().position(|x| x.id.starts_with(&format!("{t}."))));
                units[i].sisa_ke = target;
            }
        }
        let tahap = plan
            .tahap
            .iter()
            .map(|t| {
                let order = t
                    .urutan_proses
                    .iter()
                    .filter_map(|id| units.iter().position(|u| &u.id == id))
                    .collect();
                (t.nomor, order)
            })
            .collect();
        let acuan = data::hari(&plan.usia.tanggal_acuan)
            .ok_or_else(|| t!("tanggal_acuan rencana tidak sah", "the plan's tanggal_acuan is invalid"))?;
        let mut bebas_usia = 0u64;
        for s in &plan.usia.pengecualian {
            let k = bit(&s.to_lowercase(), &mut status);
            if k < 64 {
                bebas_usia |= 1 << k;
            }
        }
        let bit_istimewa = plan.usia.istimewa.as_ref().map(|_| bit("istimewa", &mut status));
        if plan.usia.minimal_bulan.is_some() || plan.usia.maksimal_bulan.is_some() {
            perlu_lahir = true;
        }
        if status.len() > 64 {
            return Err(t!("rencana memakai lebih dari 64 status", "the plan uses more than 64 statuses"));
        }
        let radius_m = match &plan.wilayah.metode {
            Some(Metode::Radius { meter }) => Some(*meter),
            _ => None,
        };
        if radius_m.is_some() && units.iter().any(|u| u.syarat.iter().any(|s| matches!(s, SyaratC::DalamWilayah))) {
            perlu_jarak = true;
        }
        let maks_pilihan = match plan.pilihan.mekanisme {
            Mekanisme::Tunggal => 1,
            _ => plan.pilihan.maksimal.max(1) as usize,
        };
        Ok(Skema {
            units,
            tahap,
            kolom_angka,
            poin,
            skor,
            status,
            perlu_lahir,
            perlu_waktu,
            perlu_jarak,
            acuan,
            usia_min: plan.usia.minimal_bulan.map(i64::from),
            usia_max: plan.usia.maksimal_bulan.map(i64::from),
            prioritas: plan.usia.prioritas_bulan.map(i64::from),
            istimewa: plan.usia.istimewa.as_ref().map(|i| i64::from(i.minimal_bulan)),
            bebas_usia,
            bit_istimewa,
            radius_m,
            kursi: plan.kursi.siap(),
            mekanisme: plan.pilihan.mekanisme,
            maks_pilihan,
            cadangan: plan.cadangan,
        })
    }

    pub fn unit_index(&self, id: &str) -> Option<u16> {
        self.units.iter().position(|u| u.id == id).map(|i| i as u16)
    }
    pub fn unit_ids(&self) -> Vec<&str> {
        self.units.iter().map(|u| u.id.as_str()).collect()
    }

    /// Seats of every unit at a school of capacity `n`, in unit order.
    pub fn kursi_sekolah(&self, n: u32) -> Vec<u32> {
        let jalur = self.kursi.jalur(n);
        let subs: Vec<Vec<i64>> = jalur
            .iter()
            .enumerate()
            .map(|(i, &s)| self.kursi.sub(i, n, s))
            .collect();
        self.units
            .iter()
            .map(|u| {
                let v = match u.sub {
                    Some(k) => subs.get(u.jalur).and_then(|s| s.get(k)).copied().unwrap_or(0),
                    None => jalur.get(u.jalur).copied().unwrap_or(0),
                };
                v.max(0) as u32
            })
            .collect()
    }

    fn nilai_skor(&self, p: &Pendaftar, i: usize, depth: usize) -> Option<f64> {
        let (_, suku) = self.skor.get(i)?;
        let mut total = 0.0;
        for (bobot, src) in suku {
            let v = match src {
                SumberC::Slot(k) => *p.nilai.get(*k)?,
                SumberC::Skor(j) if depth < self.skor.len() => self.nilai_skor(p, *j, depth + 1)?,
                SumberC::Skor(_) => return None,
            };
            if v.is_nan() {
                return None;
            }
            total += bobot * v;
        }
        Some(total)
    }

    /// Scores of one applicant in fixed point (1e-6), `None` where an input is empty.
    fn skor_pendaftar(&self, p: &Pendaftar) -> Vec<Option<i64>> {
        (0..self.skor.len())
            .map(|i| self.nilai_skor(p, i, 0).map(|v| (v * 1e6).round() as i64))
            .collect()
    }
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
    pub nisn: String,
    pub status: Status,
    pub sekolah: Option<u32>,
    pub unit: Option<usize>,
    pub tahap: Option<u32>,
    /// Rank among those accepted at that school and unit (1 = best).
    pub peringkat: Option<u32>,
    /// Reserve: the school and position on its list.
    pub cadangan: Option<(u32, usize, u32)>,
    pub naik_dari_cadangan: bool,
    pub alasan: Teks,
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
    pub ringkasan: Vec<Ringkasan>,
    pub jejak: Vec<Teks>,
}

struct Jejak<'a> {
    target: Option<usize>,
    out: &'a mut Vec<Teks>,
}

impl Jejak<'_> {
    fn on(&self, a: usize) -> bool {
        self.target == Some(a)
    }
    fn push(&mut self, a: usize, t: Teks) {
        if self.on(a) {
            self.out.push(t);
        }
    }
}

/// Per-applicant facts that do not depend on the school.
struct Fakta {
    skor: Vec<Option<i64>>,
    /// Why the applicant fails the age rules, if they do.
    usia_gagal: Option<Teks>,
    umur: Option<i64>,
}

fn fakta(skema: &Skema, p: &Pendaftar) -> Fakta {
    let umur = p.lahir.map(|l| umur_bulan(l, skema.acuan));
    let bebas = p.status & skema.bebas_usia != 0;
    let mut usia_gagal = None;
    if let Some(u) = umur {
        let th = |m: i64| format!("{} tahun {} bulan", m / 12, m % 12);
        let yr = |m: i64| format!("{} years {} months", m / 12, m % 12);
        if let Some(max) = skema.usia_max {
            if u > max + 11 && !bebas {
                // "at most 15 years" holds until the 16th birthday.
                let (a, b, c, d) = (th(u), th(max), yr(u), yr(max));
                usia_gagal = Some(t!("usia {a} melebihi batas {b}", "age {c} is above the limit {d}"));
            }
        }
        if let Some(min) = skema.usia_min {
            let istimewa_ok = matches!((skema.istimewa, skema.bit_istimewa), (Some(m), Some(b)) if u >= m && p.status & (1 << b) != 0);
            if u < min && !bebas && !istimewa_ok {
                let (a, b, c, d) = (th(u), th(min), yr(u), yr(min));
                usia_gagal = Some(t!("usia {a} di bawah batas {b}", "age {c} is below the limit {d}"));
            }
        }
    } else if skema.usia_min.is_some() || skema.usia_max.is_some() {
        usia_gagal = Some(t!("tanggal lahir kosong", "birth date is empty"));
    }
    Fakta {
        skor: skema.skor_pendaftar(p),
        usia_gagal,
        umur,
    }
}

/// Why applicant `p` cannot take unit `u` at their k-th choice, or their key there.
fn kunci(
    skema: &Skema,
    sekolah: &[Sekolah],
    p: &Pendaftar,
    f: &Fakta,
    a: usize,
    u: &Unit,
    k: usize,
) -> Result<Kunci, Teks> {
    if let Some(g) = &f.usia_gagal {
        return Err(g.clone());
    }
    let s = p.pilihan[k] as usize;
    let jarak = p.jarak.get(k).copied().unwrap_or(u32::MAX);
    for sy in &u.syarat {
        match sy {
            SyaratC::Status(b) => {
                if p.status & (1 << b) == 0 {
                    let n = skema.status.get(*b).map(String::as_str).unwrap_or("");
                    return Err(t!("tidak berstatus `{n}`", "does not have status `{n}`"));
                }
            }
            SyaratC::DalamWilayah => {
                let inside = match skema.radius_m {
                    Some(r) => jarak <= r,
                    None => sekolah
                        .get(s)
                        .is_some_and(|sk| sk.wilayah.iter().any(|w| p.wilayah.contains(w))),
                };
                if !inside {
                    return Err(t!("tempat tinggal di luar wilayah sekolah ini", "home is outside this school's zone"));
                }
            }
        }
    }
    let mut key: Kunci = [0; KUNCI];
    let mut i = 0;
    if skema.mekanisme == Mekanisme::PilihanPertamaDiutamakan {
        key[i] = k as i64;
        i += 1;
    }
    if let Some(pr) = skema.prioritas {
        if u.urutan.iter().any(|c| c.kriteria == KriteriaJenis::Usia) {
            key[i] = i64::from(f.umur.unwrap_or(0) < pr);
            i += 1;
        }
    }
    for c in &u.urutan {
        let v: i64 = match &c.kriteria {
            KriteriaJenis::Skor(n) => {
                let idx = skema.skor.iter().position(|(x, _)| x == n).unwrap_or(0);
                match f.skor.get(idx).copied().flatten() {
                    Some(v) => v,
                    None => return Err(t!("nilai untuk skor `{n}` kosong", "an input of score `{n}` is empty")),
                }
            }
            KriteriaJenis::Jarak => {
                if jarak == u32::MAX {
                    return Err(t!("jarak ke sekolah tidak diketahui", "distance to the school is unknown"));
                }
                i64::from(jarak)
            }
            KriteriaJenis::Usia => match p.lahir {
                Some(l) => l,
                None => return Err(t!("tanggal lahir kosong", "birth date is empty")),
            },
            KriteriaJenis::WaktuDaftar => match p.waktu_daftar {
                Some(w) => w,
                None => return Err(t!("waktu daftar kosong", "registration time is empty")),
            },
            KriteriaJenis::NomorPendaftaran => a as i64,
        };
        // Smaller key = better rank.
        key[i] = match c.arah {
            Arah::Tertinggi | Arah::Terjauh | Arah::Termuda => -v,
            _ => v,
        };
        i += 1;
    }
    key[KUNCI - 1] = a as i64;
    Ok(key)
}

/// The key as a person reads it.
fn tulis_kunci(skema: &Skema, u: &Unit, key: &Kunci) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    if skema.mekanisme == Mekanisme::PilihanPertamaDiutamakan {
        parts.push(format!("pilihan={}", key[0] + 1));
        i += 1;
    }
    if skema.prioritas.is_some() && u.urutan.iter().any(|c| c.kriteria == KriteriaJenis::Usia) {
        parts.push(format!("prioritas_usia={}", if key[i] == 0 { "ya" } else { "tidak" }));
        i += 1;
    }
    for c in &u.urutan {
        let v = match c.arah {
            Arah::Tertinggi | Arah::Terjauh | Arah::Termuda => -key[i],
            _ => key[i],
        };
        parts.push(match &c.kriteria {
            KriteriaJenis::Skor(n) => format!("{n}={:.4}", v as f64 / 1e6),
            KriteriaJenis::Jarak => format!("jarak={v} m"),
            KriteriaJenis::Usia => {
                let (y, m, d) = civil(v);
                format!("lahir={y:04}-{m:02}-{d:02}")
            }
            KriteriaJenis::WaktuDaftar => {
                let (y, m, d) = civil(v.div_euclid(86_400));
                let s = v.rem_euclid(86_400);
                format!("waktu_daftar={y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
            }
            KriteriaJenis::NomorPendaftaran => format!("urutan_nisn={v}"),
        });
        i += 1;
    }
    parts.join("; ")
}

/// One (school, unit) during selection.
#[derive(Default, Clone)]
struct Kursi {
    awal: u32,
    masuk: u32,
    held: BinaryHeap<(Kunci, u32)>,
    diterima: Vec<(Kunci, u32)>,
    cadangan: Vec<(Kunci, u32)>,
    sisa: u32,
    naik: u32,
}

impl Kursi {
    fn total(&self) -> u32 {
        self.awal + self.masuk
    }
}

/// Run the plan. `pendaftar` must be sorted by NISN (as `baca_pendaftar` returns them).
pub fn jalankan(skema: &Skema, sekolah: &[Sekolah], bacaan: &BacaanPendaftar, opsi: &Opsi) -> Hasil {
    let pendaftar = &bacaan.pendaftar;
    let n = pendaftar.len();
    let mut log = Vec::new();
    let target = opsi
        .jejak
        .as_ref()
        .and_then(|id| pendaftar.binary_search_by(|p| p.nisn.as_str().cmp(id)).ok());
    let mut jejak = Jejak { target, out: &mut log };
    let fakta: Vec<Fakta> = pendaftar.par_iter().map(|p| fakta(skema, p)).collect();
    if let Some(a) = target {
        let p = &pendaftar[a];
        let skor: Vec<String> = skema
            .skor
            .iter()
            .zip(&fakta[a].skor)
            .map(|((nm, _), v)| match v {
                Some(v) => format!("{nm}={:.4}", *v as f64 / 1e6),
                None => format!("{nm}=kosong"),
            })
            .collect();
        let skor = skor.join(", ");
        let jl: Vec<&str> = p.jalur.iter().map(|u| skema.units[*u as usize].id.as_str()).collect();
        let jl = jl.join(", ");
        let pl: Vec<&str> = p.pilihan.iter().map(|s| sekolah[*s as usize].npsn.as_str()).collect();
        let pl = pl.join(", ");
        let ln = p.baris;
        jejak.push(a, t!("pendaftar {} (baris {ln}): jalur {jl}; pilihan {pl}; skor {skor}", "applicant {} (line {ln}): jalur {jl}; choices {pl}; scores {skor}", p.nisn));
        match &fakta[a].usia_gagal {
            Some(g) => {
                let (gi, ge) = (&g.id, &g.en);
                jejak.push(a, t!("syarat usia: tidak memenuhi — {gi}", "age rule: not met — {ge}"))
            }
            None => jejak.push(a, t!("syarat usia: memenuhi", "age rule: met")),
        }
    }
    // Seats per school and unit.
    let mut kursi: Vec<Vec<Kursi>> = sekolah
        .iter()
        .map(|s| {
            skema
                .kursi_sekolah(s.daya_tampung)
                .into_iter()
                .map(|awal| Kursi { awal, ..Default::default() })
                .collect()
        })
        .collect();
    let mut diterima: Vec<Option<(u32, usize, u32)>> = vec![None; n];
    let mut alasan: Vec<Option<Teks>> = vec![None; n];
    let mut cadangan_best: Vec<Option<(u32, usize, u32)>> = vec![None; n];
    let total_tahap = skema.tahap.len();
    for (wi, (nomor, order)) in skema.tahap.iter().enumerate() {
        if opsi.progres {
            eprintln!("tahap {nomor} ({}/{total_tahap})…", wi + 1);
        }
        for &ui in order {
            let u = &skema.units[ui];
            // Applicants registered for this unit and not yet placed.
            let peserta: Vec<usize> = (0..n)
                .filter(|&a| {
                    let p = &pendaftar[a];
                    // An applicant takes part in a wave through the first unit listed for it.
                    let first_in_wave = p.jalur.iter().map(|x| *x as usize).find(|x| skema.units[*x].tahap == *nomor);
                    first_in_wave == Some(ui)
                })
                .collect();
            for &a in &peserta {
                if let Some((s, du, t)) = diterima[a] {
                    let (npsn, uid) = (&sekolah[s as usize].npsn, &skema.units[du].id);
                    jejak.push(a, t!("tahap {nomor}, {}: tidak ikut — sudah diterima di {npsn} ({uid}, tahap {t})", "wave {nomor}, {}: skipped — already accepted at {npsn} ({uid}, wave {t})", u.id));
                }
            }
            let peserta: Vec<usize> = peserta.into_iter().filter(|&a| diterima[a].is_none()).collect();
            // Student-proposing deferred acceptance; school preference is the key
            // (which starts with the choice rank under pilihan_pertama_diutamakan).
            let mut next = vec![0usize; peserta.len()];
            let mut queue: std::collections::VecDeque<usize> = (0..peserta.len()).collect();
            let mut why: Vec<Option<Teks>> = vec![None; peserta.len()];
            while let Some(qi) = queue.pop_front() {
                let a = peserta[qi];
                let p = &pendaftar[a];
                let choices = p.pilihan.len().min(skema.maks_pilihan);
                let mut placed = false;
                while next[qi] < choices {
                    let k = next[qi];
                    next[qi] += 1;
                    let s = p.pilihan[k] as usize;
                    let npsn = &sekolah[s].npsn;
                    let slot = &mut kursi[s][ui];
                    let key = match kunci(skema, sekolah, p, &fakta[a], a, u, k) {
                        Ok(key) => key,
                        Err(e) => {
                            let (ei, ee) = (&e.id, &e.en);
                            jejak.push(a, t!("tahap {nomor}, {}: pilihan {} {npsn}: tidak memenuhi syarat — {ei}", "wave {nomor}, {}: choice {} {npsn}: not eligible — {ee}", u.id, k + 1));
                            if why[qi].is_none() {
                                why[qi] = Some(Teks::new(format!("{npsn}: {}", e.id), format!("{npsn}: {}", e.en)));
                            }
                            continue;
                        }
                    };
                    let cap = slot.total() as usize;
                    if slot.held.len() < cap {
                        slot.held.push((key, a as u32));
                        jejak.push(a, t!("tahap {nomor}, {}: pilihan {} {npsn}: ditampung sementara", "wave {nomor}, {}: choice {} {npsn}: held", u.id, k + 1));
                        placed = true;
                        break;
                    }
                    let worse = slot.held.peek().is_some_and(|w| (key, a as u32) < *w);
                    if worse {
                        if let Some((_, out)) = slot.held.pop() {
                            let out = out as usize;
                            jejak.push(out, t!("tahap {nomor}, {}: tergeser di {npsn} oleh pendaftar berperingkat lebih baik", "wave {nomor}, {}: displaced at {npsn} by a better-ranked applicant", u.id));
                            if let Ok(oq) = peserta.binary_search(&out) {
                                queue.push_back(oq);
                            }
                        }
                        slot.held.push((key, a as u32));
                        jejak.push(a, t!("tahap {nomor}, {}: pilihan {} {npsn}: ditampung sementara", "wave {nomor}, {}: choice {} {npsn}: held", u.id, k + 1));
                        placed = true;
                        break;
                    }
                    let last = slot.held.peek().map(|w| tulis_kunci(skema, u, &w.0)).unwrap_or_else(|| "—".into());
                    let mine = tulis_kunci(skema, u, &key);
                    jejak.push(a, t!("tahap {nomor}, {}: pilihan {} {npsn}: kalah peringkat (kunci {mine}; terakhir diterima {last})", "wave {nomor}, {}: choice {} {npsn}: outranked (key {mine}; last accepted {last})", u.id, k + 1));
                    if why[qi].is_none() {
                        why[qi] = Some(if cap == 0 {
                            t!("{npsn}: tidak ada kursi {} di sekolah ini", "{npsn}: no {} seats at this school", u.id)
                        } else {
                            t!("{npsn}: kalah peringkat; terakhir diterima {last}", "{npsn}: outranked; last accepted {last}")
                        });
                    }
                }
                if !placed {
                    // Exhausted every choice; reasons were recorded on the way.
                }
            }
            // Settle: ranks, reserves, carry-over.
            let sisa_ke = u.sisa_ke;
            for (si, row) in kursi.iter_mut().enumerate() {
                let slot = &mut row[ui];
                let mut acc: Vec<(Kunci, u32)> = std::mem::take(&mut slot.held).into_vec();
                acc.sort();
                for (rank, (_, a)) in acc.iter().enumerate() {
                    diterima[*a as usize] = Some((si as u32, ui, *nomor));
                    let _ = rank;
                }
                slot.sisa = slot.total().saturating_sub(acc.len() as u32);
                slot.diterima = acc;
            }
            for (qi, &a) in peserta.iter().enumerate() {
                if diterima[a].is_some() {
                    let (s, _, _) = diterima[a].unwrap_or((0, 0, 0));
                    let npsn = &sekolah[s as usize].npsn;
                    jejak.push(a, t!("tahap {nomor}, {}: diterima di {npsn}", "wave {nomor}, {}: accepted at {npsn}", u.id));
                    continue;
                }
                alasan[a] = why[qi].take().or_else(|| Some(t!("tidak ada sekolah pilihan", "no school chosen")));
                // Reserve at every choice where the applicant was eligible.
                let p = &pendaftar[a];
                for k in 0..p.pilihan.len().min(skema.maks_pilihan) {
                    if let Ok(key) = kunci(skema, sekolah, p, &fakta[a], a, u, k) {
                        kursi[p.pilihan[k] as usize][ui].cadangan.push((key, a as u32));
                    }
                }
            }
            for (si, row) in kursi.iter_mut().enumerate() {
                let slot = &mut row[ui];
                slot.cadangan.sort();
                let keep = match skema.cadangan {
                    Cadangan::Semua => slot.cadangan.len(),
                    Cadangan::TidakAda => 0,
                    Cadangan::Persen(p) => {
                        let pct: f64 = p.to_string().parse().unwrap_or(0.0);
                        (f64::from(slot.total()) * pct / 100.0).ceil() as usize
                    }
                };
                slot.cadangan.truncate(keep);
                for (pos, (_, a)) in slot.cadangan.iter().enumerate() {
                    let a = *a as usize;
                    let pos = pos as u32 + 1;
                    let better = match cadangan_best[a] {
                        None => true,
                        Some((_, _, q)) => pos < q,
                    };
                    if better {
                        cadangan_best[a] = Some((si as u32, ui, pos));
                    }
                }
                if let Some(t) = sisa_ke {
                    let left = slot.sisa;
                    if left > 0 && t != ui {
                        row[t].masuk += left;
                    }
                }
            }
        }
    }
    // Re-registration: seats of no-shows go down the school's reserve list.
    let mut tidak_du = vec![false; n];
    for id in &opsi.tidak_daftar_ulang {
        if let Ok(a) = pendaftar.binary_search_by(|p| p.nisn.as_str().cmp(id)) {
            if diterima[a].is_some() {
                tidak_du[a] = true;
            }
        }
    }
    let mut naik = vec![false; n];
    if tidak_du.iter().any(|x| *x) {
        let mut kosong: BTreeMap<(u32, usize), u32> = BTreeMap::new();
        for a in 0..n {
            if tidak_du[a] {
                if let Some((s, u, _)) = diterima[a] {
                    *kosong.entry((s, u)).or_default() += 1;
                    let npsn = &sekolah[s as usize].npsn;
                    jejak.push(a, t!("tidak daftar ulang: kursi di {npsn} dilepas ke daftar cadangan", "did not re-register: the seat at {npsn} goes to the reserve list"));
                }
            }
        }
        for ((s, u), mut free) in kosong {
            let list: Vec<u32> = kursi[s as usize][u].cadangan.iter().map(|x| x.1).collect();
            for a in list {
                if free == 0 {
                    break;
                }
                let a = a as usize;
                if diterima[a].is_some() || tidak_du[a] {
                    continue;
                }
                let t = skema.units[u].tahap;
                diterima[a] = Some((s, u, t));
                naik[a] = true;
                free -= 1;
                kursi[s as usize][u].naik += 1;
                let npsn = &sekolah[s as usize].npsn;
                jejak.push(a, t!("naik dari cadangan: diterima di {npsn}", "moved up from the reserve list: accepted at {npsn}"));
            }
        }
    }
    // Ranks of the accepted, by school and unit.
    let mut peringkat: Vec<Option<u32>> = vec![None; n];
    for row in &kursi {
        for slot in row {
            for (r, (_, a)) in slot.diterima.iter().enumerate() {
                peringkat[*a as usize] = Some(r as u32 + 1);
            }
        }
    }
    let mut out: Vec<HasilPendaftar> = Vec::with_capacity(n + bacaan.rusak.len());
    for a in 0..n {
        let p = &pendaftar[a];
        let (status, sekolah_i, unit, tahap, cad, why) = if tidak_du[a] {
            let (s, u, t) = diterima[a].unwrap_or((0, 0, 0));
            (Status::TidakDaftarUlang, Some(s), Some(u), Some(t), None, t!("tidak daftar ulang; kursi diisi dari cadangan", "did not re-register; the seat went to the reserve list"))
        } else if let Some((s, u, t)) = diterima[a] {
            let why = if naik[a] {
                t!("naik dari daftar cadangan", "moved up from the reserve list")
            } else {
                Teks::new("", "")
            };
            (Status::Diterima, Some(s), Some(u), Some(t), None, why)
        } else if let Some(c) = cadangan_best[a] {
            (Status::Cadangan, None, Some(c.1), Some(skema.units[c.1].tahap), Some(c), alasan[a].clone().unwrap_or_else(|| Teks::new("", "")))
        } else {
            let why = alasan[a].clone().unwrap_or_else(|| {
                if p.jalur.iter().all(|u| !skema.tahap.iter().any(|(t, _)| *t == skema.units[*u as usize].tahap)) {
                    t!("jalur yang didaftar tidak diseleksi di tahap mana pun", "the registered jalur is selected in no wave")
                } else {
                    t!("tidak diseleksi", "not selected")
                }
            });
            (Status::TidakDiterima, None, None, None, None, why)
        };
        out.push(HasilPendaftar {
            nisn: p.nisn.clone(),
            status,
            sekolah: sekolah_i,
            unit,
            tahap,
            peringkat: if status == Status::Diterima && !naik[a] { peringkat[a] } else { None },
            cadangan: cad,
            naik_dari_cadangan: naik[a],
            alasan: why,
        });
        if jejak.on(a) {
            let st = status.as_str();
            jejak.out.push(t!("hasil akhir: {st}", "final result: {st}"));
        }
    }
    for r in &bacaan.rusak {
        let m = &r.masalah;
        let (l, ki, ke) = (m.baris, &m.pesan.id, &m.pesan.en);
        out.push(HasilPendaftar {
            nisn: r.id.clone(),
            status: Status::DataTidakSah,
            sekolah: None,
            unit: None,
            tahap: None,
            peringkat: None,
            cadangan: None,
            naik_dari_cadangan: false,
            alasan: t!("baris {l} tidak sah: {ki}", "line {l} is invalid: {ke}"),
        });
    }
    out.sort_by(|a, b| a.nisn.cmp(&b.nisn).then(a.status.cmp(&b.status)));
    let mut ringkasan = Vec::new();
    for (s, row) in kursi.iter().enumerate() {
        for (ui, slot) in row.iter().enumerate() {
            let u = &skema.units[ui];
            ringkasan.push(Ringkasan {
                sekolah: s as u32,
                unit: ui,
                tahap: u.tahap,
                kursi_awal: slot.awal,
                kursi_masuk: slot.masuk,
                diterima: slot.diterima.len() as u32 + slot.naik,
                sisa: slot.sisa.saturating_sub(slot.naik),
                dialihkan_ke: if slot.sisa > 0 { u.sisa_ke } else { None },
                kunci_terakhir: slot.diterima.last().map(|k| tulis_kunci(skema, u, &k.0)),
                naik_dari_cadangan: slot.naik,
            });
        }
    }
    Hasil {
        pendaftar: out,
        ringkasan,
        jejak: log,
    }
}
