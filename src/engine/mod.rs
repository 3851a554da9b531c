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

use crate::plan::kursi::KursiSiap;
use crate::plan::{Arah, Cadangan, KriteriaJenis, Mekanisme, Metode, Sumber, Syarat};
use crate::plan::{KriteriaPlan, Plan};
use crate::teks::t;
use crate::teks::Teks;
use rayon::prelude::*;
use smallvec::SmallVec;
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
    /// The same codes interned (see `data::baca_pendaftar`), sorted.
    pub wilayah_id: Vec<u32>,
    /// Line in the schools file.
    pub baris: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pendaftar {
    pub nisn: compact_str::CompactString,
    /// Line in the applicants file.
    pub baris: u64,
    /// Units (jalur or sub-jalur) registered for, at most one per wave.
    pub jalur: SmallVec<[u16; 2]>,
    /// Chosen schools (indexes into the sorted schools), in order of preference.
    pub pilihan: SmallVec<[u32; 4]>,
    /// Whole metres to each chosen school; `u32::MAX` when unknown.
    pub jarak: SmallVec<[u32; 4]>,
    /// Birth date, days since 1970-01-01.
    pub lahir: Option<i64>,
    /// Registration time, seconds since 1970-01-01.
    pub waktu_daftar: Option<i64>,
    /// Area codes where the applicant lives, interned against the schools'
    /// codes (codes no school has are dropped: they can never match).
    pub wilayah: SmallVec<[u32; 2]>,
    /// Bit k set: has the plan's k-th status.
    pub status: u64,
    /// A teacher's child: the school (index) where the parent teaches.
    pub sekolah_ortu: Option<u32>,
    /// Numeric inputs in `Skema::kolom_angka` order, then one points value per
    /// points table; NaN when the cell was empty.
    pub nilai: SmallVec<[f64; 4]>,
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

/// The status of a teacher's child; it holds only at the parent's school.
const ANAK_GURU: &str = "anak_guru";

#[derive(Debug, Clone)]
enum SyaratC {
    DalamWilayah,
    Status(usize),
    /// `status anak_guru`: a teacher's child, at the school where the parent
    /// teaches only (FAQ 60, 61).
    AnakGuru(usize),
}

#[derive(Debug, Clone, Copy)]
enum KriteriaC {
    Skor(usize),
    Jarak,
    Usia,
    Waktu,
    Nomor,
    /// At or above the plan's priority age: 0, else 1.
    UsiaPrioritas,
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
    kriteria: Vec<(KriteriaC, Arah)>,
    pub sisa_ke: Option<usize>,
    /// Position in the seat scheme: jalur index, and sub-jalur index if any.
    jalur: usize,
    sub: Option<usize>,
}

/// A points table: (kategori, peringkat) → points.
pub type TabelPoin = BTreeMap<(String, String), u32>;

/// A plan prepared for running: names resolved to indexes, numbers parsed.
#[derive(Debug, Clone)]
pub struct Skema {
    pub units: Vec<Unit>,
    /// Waves in order, each with its units in processing order.
    pub tahap: Vec<(u32, Vec<usize>)>,
    /// Numeric applicant columns the score formulas read.
    pub kolom_angka: Vec<String>,
    /// Points tables: name and (kategori, peringkat) → points.
    pub poin: Vec<(String, TabelPoin)>,
    skor: Vec<(String, Vec<(f64, SumberC)>)>,
    /// Statuses the plan refers to; bit k of `Pendaftar::status`.
    pub status: Vec<String>,
    pub perlu_lahir: bool,
    pub perlu_waktu: bool,
    pub perlu_jarak: bool,
    /// Some unit requires `dalam_wilayah` and the zone is by area codes.
    pub perlu_wilayah: bool,
    /// Some unit admits teachers' children: the parent's school is needed.
    pub perlu_sekolah_ortu: bool,
    /// The status bit of `anak_guru`, when the plan uses it.
    pub anak_guru: Option<usize>,
    /// The age reference date, days since 1970-01-01.
    pub acuan: i64,
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

/// Longest ranking chain the engine keys: criteria (the SD age priority is one)
/// + choice rank + the applicant-order tie-break, one slot spare.
const KUNCI: usize = 12;
const MAKS_URUTAN: usize = KUNCI - 3;

type Kunci = [i64; KUNCI];

/// The key the assignment compares: choice number, then for each stretch of the
/// ranking between distance criteria the applicant's rank in that stretch, with
/// the distance between (see `Peringkat`). Equal order to `Kunci`, in 24 bytes:
/// six 32-bit slots packed two to a word, so a comparison looks at three words.
type K = [u64; 3];

/// One piece's reserve candidates in buckets per school: bucket starts (one
/// more than the schools) and the (key, participant) entries.
type EmberPotong = (Vec<usize>, Vec<(K, u32)>);

/// Most distance criteria one ranking may use (each takes two slots of `K`).
const MAKS_JARAK: usize = 2;

impl Skema {
    pub fn dari_plan(plan: &Plan) -> Result<Skema, Teks> {
        // A TK juknis has no jalur (Pasal 6, 10): there is nothing to select.
        if plan.seleksi.is_empty() {
            let j = plan.juknis.jenjang.as_str();
            return Err(t!(
                "rencana {j} ini tidak punya jalur untuk diseleksi (TK diterima menurut usia, tanpa jalur dan kuota); mesin seleksi tidak menjalankannya",
                "this {j} plan has no jalur to select (TK admits by age, without jalur or quotas); the engine does not run it"
            ));
        }
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
        let poin: Vec<(String, TabelPoin)> = poin_names
            .iter()
            .map(|n| {
                let mut m = BTreeMap::new();
                if let Some(t) = plan.poin.iter().find(|t| &t.nama == n) {
                    for b in &t.baris {
                        for v in &b.nilai {
                            m.insert(
                                (b.kategori.to_lowercase(), v.peringkat.to_lowercase()),
                                v.poin,
                            );
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
                    return Err(t!(
                        "skor `{n}` memakai dirinya sendiri",
                        "score `{n}` refers to itself"
                    ));
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
                return Err(t!(
                    "unit `{id}` tidak ada di skema kursi",
                    "unit `{id}` is missing from the seat scheme"
                ));
            };
            let sub = plan.kursi.jalur[jalur]
                .sub
                .iter()
                .position(|s| s.id == u.id);
            let mut syarat = Vec::new();
            for s in &u.syarat {
                match s {
                    Syarat::DalamWilayah => syarat.push(SyaratC::DalamWilayah),
                    Syarat::Status(n) | Syarat::Lain(n) if n.eq_ignore_ascii_case(ANAK_GURU) => {
                        syarat.push(SyaratC::AnakGuru(bit(ANAK_GURU, &mut status)))
                    }
                    Syarat::Status(n) | Syarat::Lain(n) => {
                        syarat.push(SyaratC::Status(bit(&n.to_lowercase(), &mut status)))
                    }
                }
            }
            if u.urutan.len() > MAKS_URUTAN {
                let id = &u.id;
                return Err(t!(
                    "urutan `{id}` lebih dari {MAKS_URUTAN} kriteria",
                    "ranking of `{id}` has more than {MAKS_URUTAN} criteria"
                ));
            }
            if u.urutan
                .iter()
                .filter(|k| k.kriteria == KriteriaJenis::Jarak)
                .count()
                > MAKS_JARAK
            {
                let id = &u.id;
                return Err(t!(
                    "urutan `{id}` memakai jarak lebih dari {MAKS_JARAK} kali",
                    "ranking of `{id}` uses distance more than {MAKS_JARAK} times"
                ));
            }
            for k in &u.urutan {
                match &k.kriteria {
                    KriteriaJenis::Usia => perlu_lahir = true,
                    KriteriaJenis::UsiaPrioritas if plan.usia.prioritas_bulan.is_none() => {
                        let id = &u.id;
                        return Err(t!(
                            "urutan `{id}` memakai `usia_prioritas`, tetapi rencana tidak menetapkan usia prioritas",
                            "ranking of `{id}` uses `usia_prioritas`, but the plan sets no priority age"
                        ));
                    }
                    KriteriaJenis::UsiaPrioritas => perlu_lahir = true,
                    KriteriaJenis::WaktuDaftar => perlu_waktu = true,
                    KriteriaJenis::Jarak => perlu_jarak = true,
                    KriteriaJenis::Skor(n) if !plan.skor.iter().any(|s| &s.nama == n) => {
                        return Err(t!(
                            "skor `{n}` tidak ada di rencana",
                            "score `{n}` is not in the plan"
                        ));
                    }
                    _ => {}
                }
            }
            let kriteria = u
                .urutan
                .iter()
                .map(|k| {
                    let c = match &k.kriteria {
                        KriteriaJenis::Skor(n) => KriteriaC::Skor(
                            plan.skor.iter().position(|s| &s.nama == n).unwrap_or(0),
                        ),
                        KriteriaJenis::Jarak => KriteriaC::Jarak,
                        KriteriaJenis::Usia => KriteriaC::Usia,
                        KriteriaJenis::WaktuDaftar => KriteriaC::Waktu,
                        KriteriaJenis::NomorPendaftaran => KriteriaC::Nomor,
                        KriteriaJenis::UsiaPrioritas => KriteriaC::UsiaPrioritas,
                    };
                    (c, k.arah)
                })
                .collect();
            units.push(Unit {
                id: u.id.clone(),
                tahap: u.tahap,
                syarat,
                kriteria,
                urutan: u.urutan.clone(),
                sisa_ke: None,
                jalur,
                sub,
            });
        }
        for (i, u) in plan.seleksi.iter().enumerate() {
            if let Some(t) = &u.sisa_ke {
                // Carry-over to a jalur with sub-jalur goes to its first one.
                let target = units.iter().position(|x| &x.id == t).or_else(|| {
                    units
                        .iter()
                        .position(|x| x.id.starts_with(&format!("{t}.")))
                });
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
        let acuan = data::hari(&plan.usia.tanggal_acuan).ok_or_else(|| {
            t!(
                "tanggal_acuan rencana tidak sah",
                "the plan's tanggal_acuan is invalid"
            )
        })?;
        let mut bebas_usia = 0u64;
        for s in &plan.usia.pengecualian {
            let k = bit(&s.to_lowercase(), &mut status);
            if k < 64 {
                bebas_usia |= 1 << k;
            }
        }
        let bit_istimewa = plan
            .usia
            .istimewa
            .as_ref()
            .map(|_| bit("istimewa", &mut status));
        if plan.usia.minimal_bulan.is_some() || plan.usia.maksimal_bulan.is_some() {
            perlu_lahir = true;
        }
        if status.len() > 64 {
            return Err(t!(
                "rencana memakai lebih dari 64 status",
                "the plan uses more than 64 statuses"
            ));
        }
        let radius_m = match &plan.wilayah.metode {
            Some(Metode::Radius { meter }) => Some(*meter),
            _ => None,
        };
        if radius_m.is_some()
            && units
                .iter()
                .any(|u| u.syarat.iter().any(|s| matches!(s, SyaratC::DalamWilayah)))
        {
            perlu_jarak = true;
        }
        let perlu_wilayah = radius_m.is_none()
            && units
                .iter()
                .any(|u| u.syarat.iter().any(|s| matches!(s, SyaratC::DalamWilayah)));
        let perlu_sekolah_ortu = units
            .iter()
            .any(|u| u.syarat.iter().any(|s| matches!(s, SyaratC::AnakGuru(_))));
        let anak_guru = status.iter().position(|s| s == ANAK_GURU);
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
            perlu_wilayah,
            perlu_sekolah_ortu,
            anak_guru,
            acuan,
            usia_min: plan.usia.minimal_bulan.map(i64::from),
            usia_max: plan.usia.maksimal_bulan.map(i64::from),
            prioritas: plan.usia.prioritas_bulan.map(i64::from),
            istimewa: plan
                .usia
                .istimewa
                .as_ref()
                .map(|i| i64::from(i.minimal_bulan)),
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
                    Some(k) => subs
                        .get(u.jalur)
                        .and_then(|s| s.get(k))
                        .copied()
                        .unwrap_or(0),
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

    /// Scores of one applicant in fixed point (1e-6), `KOSONG` where an input is empty.
    fn skor_pendaftar(&self, p: &Pendaftar, out: &mut [i64]) {
        for (i, o) in out.iter_mut().enumerate() {
            *o = self
                .nilai_skor(p, i, 0)
                .map(|v| (v * 1e6).round() as i64)
                .unwrap_or(KOSONG);
        }
    }
}

/// Why an applicant cannot take a unit at a school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gagal {
    /// Age in months above the limit.
    UsiaAtas(i64),
    /// Age in months below the limit.
    UsiaBawah(i64),
    LahirKosong,
    /// Lacks the plan's status with this index.
    Status(usize),
    LuarWilayah,
    /// An input of the score with this index is empty.
    SkorKosong(usize),
    JarakTakDiketahui,
    WaktuKosong,
    /// A teacher's child applying through mutasi away from the parent's school.
    BukanSekolahOrtu,
}

/// Why an applicant ended where they did, rendered into words only for output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Alasan {
    Kosong,
    /// Not eligible at this school (the first choice where it was found).
    Tidak(u32, Gagal),
    /// Outranked at this school in this unit.
    Kalah(u32, usize),
    /// The school has no seats for this unit.
    TanpaKursi(u32, usize),
    TanpaPilihan,
    TanpaTahap,
    NaikCadangan,
    TidakDaftarUlang,
    /// Index into `BacaanPendaftar::rusak`.
    DataRusak(usize),
}

fn bulan_teks(m: i64) -> Teks {
    let (y, r) = (m / 12, m % 12);
    t!("{y} tahun {r} bulan", "{y} years {r} months")
}

impl Gagal {
    pub fn teks(self, skema: &Skema) -> Teks {
        match self {
            Gagal::UsiaAtas(u) => {
                let (a, b) = (bulan_teks(u), bulan_teks(skema.usia_max.unwrap_or(0)));
                let (ai, bi, ae, be) = (a.id, b.id, a.en, b.en);
                t!(
                    "usia {ai} melebihi batas {bi}",
                    "age {ae} is above the limit {be}"
                )
            }
            Gagal::UsiaBawah(u) => {
                let (a, b) = (bulan_teks(u), bulan_teks(skema.usia_min.unwrap_or(0)));
                let (ai, bi, ae, be) = (a.id, b.id, a.en, b.en);
                t!(
                    "usia {ai} di bawah batas {bi}",
                    "age {ae} is below the limit {be}"
                )
            }
            Gagal::LahirKosong => t!("tanggal lahir kosong", "birth date is empty"),
            Gagal::Status(b) => {
                let n = skema.status.get(b).map(String::as_str).unwrap_or("");
                t!("tidak berstatus `{n}`", "does not have status `{n}`")
            }
            Gagal::LuarWilayah => t!(
                "tempat tinggal di luar wilayah sekolah ini",
                "home is outside this school's zone"
            ),
            Gagal::SkorKosong(i) => {
                let n = skema.skor.get(i).map(|x| x.0.as_str()).unwrap_or("");
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
            Gagal::BukanSekolahOrtu => t!(
                "anak guru hanya memakai jalur ini di sekolah tempat orang tuanya mengajar",
                "a teacher's child uses this jalur only at the school where the parent teaches"
            ),
        }
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
#[derive(Clone, Copy)]
struct Fakta<'a> {
    /// Scores in fixed point (1e-6); `KOSONG` where an input is empty.
    skor: &'a [i64],
    /// Why the applicant fails the age rules, if they do.
    usia_gagal: Option<Gagal>,
    umur: Option<i64>,
}

const KOSONG: i64 = i64::MIN;

fn usia(skema: &Skema, p: &Pendaftar) -> (Option<i64>, Option<Gagal>) {
    let umur = p.lahir.map(|l| umur_bulan(l, skema.acuan));
    let bebas = p.status & skema.bebas_usia != 0;
    let mut gagal = None;
    if let Some(u) = umur {
        if let Some(max) = skema.usia_max {
            // "at most 15 years" holds until the 16th birthday.
            if u > max + 11 && !bebas {
                gagal = Some(Gagal::UsiaAtas(u));
            }
        }
        if let Some(min) = skema.usia_min {
            let istimewa_ok = matches!((skema.istimewa, skema.bit_istimewa), (Some(m), Some(b)) if u >= m && p.status & (1 << b) != 0);
            if u < min && !bebas && !istimewa_ok {
                gagal = Some(Gagal::UsiaBawah(u));
            }
        }
    } else if skema.usia_min.is_some() || skema.usia_max.is_some() {
        gagal = Some(Gagal::LahirKosong);
    }
    (umur, gagal)
}

/// The age rule and every `syarat` of unit `u` for applicant `p` at their k-th
/// choice; the distance to that school when they hold.
fn syarat(
    skema: &Skema,
    sekolah: &[Sekolah],
    p: &Pendaftar,
    f: Fakta,
    u: &Unit,
    k: usize,
) -> Result<u32, Gagal> {
    if let Some(g) = f.usia_gagal {
        return Err(g);
    }
    let s = p.pilihan[k] as usize;
    let jarak = p.jarak.get(k).copied().unwrap_or(u32::MAX);
    for sy in &u.syarat {
        match sy {
            SyaratC::Status(b) => {
                if p.status & (1 << b) == 0 {
                    return Err(Gagal::Status(*b));
                }
            }
            SyaratC::AnakGuru(b) => {
                if p.status & (1 << b) == 0 {
                    return Err(Gagal::Status(*b));
                }
                if p.sekolah_ortu != Some(s as u32) {
                    return Err(Gagal::BukanSekolahOrtu);
                }
            }
            SyaratC::DalamWilayah => {
                let inside = match skema.radius_m {
                    Some(r) => jarak <= r,
                    None => sekolah.get(s).is_some_and(|sk| {
                        p.wilayah
                            .iter()
                            .any(|w| sk.wilayah_id.binary_search(w).is_ok())
                    }),
                };
                if !inside {
                    return Err(Gagal::LuarWilayah);
                }
            }
        }
    }
    Ok(jarak)
}

/// Why applicant `p` cannot take unit `u` at their k-th choice, or their key there.
fn kunci(
    skema: &Skema,
    sekolah: &[Sekolah],
    p: &Pendaftar,
    f: Fakta,
    a: usize,
    u: &Unit,
    k: usize,
) -> Result<Kunci, Gagal> {
    let jarak = syarat(skema, sekolah, p, f, u, k)?;
    let mut key: Kunci = [0; KUNCI];
    let mut i = 0;
    if skema.mekanisme == Mekanisme::PilihanPertamaDiutamakan {
        key[i] = k as i64;
        i += 1;
    }
    for (c, arah) in &u.kriteria {
        let v: i64 = match c {
            KriteriaC::Skor(idx) => match f.skor.get(*idx).copied() {
                Some(v) if v != KOSONG => v,
                _ => return Err(Gagal::SkorKosong(*idx)),
            },
            KriteriaC::Jarak => {
                if jarak == u32::MAX {
                    return Err(Gagal::JarakTakDiketahui);
                }
                i64::from(jarak)
            }
            KriteriaC::Usia => p.lahir.ok_or(Gagal::LahirKosong)?,
            KriteriaC::Waktu => p.waktu_daftar.ok_or(Gagal::WaktuKosong)?,
            KriteriaC::Nomor => a as i64,
            KriteriaC::UsiaPrioritas => prioritas(skema, f.umur)?,
        };
        // Smaller key = better rank.
        key[i] = match arah {
            Arah::Tertinggi | Arah::Terjauh | Arah::Termuda => -v,
            _ => v,
        };
        i += 1;
    }
    key[KUNCI - 1] = a as i64;
    Ok(key)
}

/// Ranks of one unit's applicants: the ranking cut at each distance criterion
/// into stretches that do not depend on the school; each stretch is ranked once
/// for all applicants (equal values, equal rank; the last stretch ends with the
/// NISN order, so it is unique). A school's key is then built from these ranks and
/// the distances — the same order as comparing the criteria themselves.
struct Peringkat {
    /// Per participant: rank in each stretch.
    rank: Vec<[u32; MAKS_JARAK + 1]>,
    /// Per participant: an input the ranking needs is missing.
    gagal: Vec<Option<Gagal>>,
    /// Number of distance criteria.
    jarak: usize,
}

fn peringkat_unit<'f>(
    skema: &Skema,
    pendaftar: &[Pendaftar],
    fakta: &(dyn Fn(usize) -> Fakta<'f> + Sync),
    u: &Unit,
    peserta: &[usize],
) -> Peringkat {
    // Stretches of criteria between distance criteria.
    let mut segs: Vec<Vec<(KriteriaC, Arah)>> = vec![Vec::new()];
    for &(c, arah) in &u.kriteria {
        if matches!(c, KriteriaC::Jarak) {
            segs.push(Vec::new());
        } else if let Some(last) = segs.last_mut() {
            last.push((c, arah));
        }
    }
    let width = segs.iter().map(Vec::len).max().unwrap_or(0) + 1;
    let n = peserta.len();
    let mut gagal: Vec<Option<Gagal>> = vec![None; n];
    let mut rank = vec![[0u32; MAKS_JARAK + 1]; n];
    for (si, seg) in segs.iter().enumerate() {
        let mut vals = vec![0i64; n * width];
        // Values in parallel, one row per participant; the first missing input
        // makes the participant ineligible for this unit.
        let errs: Vec<Option<Gagal>> = vals
            .par_chunks_mut(width)
            .zip(peserta.par_iter())
            .map(|(row, &a)| {
                let p = &pendaftar[a];
                let f = fakta(a);
                let mut err = None;
                for (i, &(c, arah)) in seg.iter().enumerate() {
                    let v = match c {
                        KriteriaC::Skor(idx) => match f.skor.get(idx).copied() {
                            Some(v) if v != KOSONG => Ok(v),
                            _ => Err(Gagal::SkorKosong(idx)),
                        },
                        KriteriaC::Usia => p.lahir.ok_or(Gagal::LahirKosong),
                        KriteriaC::Waktu => p.waktu_daftar.ok_or(Gagal::WaktuKosong),
                        KriteriaC::Nomor => Ok(a as i64),
                        KriteriaC::UsiaPrioritas => prioritas(skema, f.umur),
                        KriteriaC::Jarak => Ok(0),
                    };
                    match v {
                        Ok(v) => {
                            if let Some(slot) = row.get_mut(i) {
                                *slot = match arah {
                                    Arah::Tertinggi | Arah::Terjauh | Arah::Termuda => -v,
                                    _ => v,
                                };
                            }
                        }
                        Err(g) => {
                            if err.is_none() {
                                err = Some(g);
                            }
                        }
                    }
                }
                err
            })
            .collect();
        gagal.par_iter_mut().zip(errs).for_each(|(g, e)| {
            if g.is_none() {
                *g = e;
            }
        });
        let last = si + 1 == segs.len();
        // Sort compact (values, applicant) pairs; the applicant breaks ties only
        // in the last stretch, where ranks must be unique.
        let tie = |qi: usize| if last { peserta[qi] as i64 } else { 0 };
        let kosong = seg.is_empty();
        if kosong {
            // No criterion in this stretch: every value is equal, and `peserta`
            // is in NISN order, which is the final tie-break.
            for (qi, r) in rank.iter_mut().enumerate() {
                r[si] = if last { qi as u32 } else { 0 };
            }
        } else if width < 2 {
            urut_ringkas::<2>(&vals, width, &tie, last, &mut rank, si);
        } else if width < 4 {
            urut_ringkas::<4>(&vals, width, &tie, last, &mut rank, si);
        } else {
            let mut order: Vec<usize> = (0..n).collect();
            order.par_sort_unstable_by(|&x, &y| {
                vals[x * width..x * width + width]
                    .cmp(&vals[y * width..y * width + width])
                    .then(tie(x).cmp(&tie(y)))
            });
            let mut r = 0u32;
            for (pos, &qi) in order.iter().enumerate() {
                if pos > 0 {
                    let prev = order[pos - 1];
                    if last
                        || vals[prev * width..prev * width + width]
                            != vals[qi * width..qi * width + width]
                    {
                        r = pos as u32;
                    }
                }
                rank[qi][si] = r;
            }
        }
    }
    Peringkat {
        rank,
        gagal,
        jarak: segs.len() - 1,
    }
}

/// Rank participants by their `width` values then `tie` into `rank[..][si]`
/// (equal values, equal rank, unless `last`), sorting compact fixed-size keys
/// (`width < N`): small items sort faster, and the ranks are read off the sorted
/// keys in order instead of looking the values up again.
fn urut_ringkas<const N: usize>(
    vals: &[i64],
    width: usize,
    tie: &(dyn Fn(usize) -> i64 + Sync),
    last: bool,
    rank: &mut [[u32; MAKS_JARAK + 1]],
    si: usize,
) {
    let n = vals.len() / width.max(1);
    let mut keyed: Vec<([i64; N], u32)> = (0..n)
        .into_par_iter()
        .map(|qi| {
            let mut k = [0i64; N];
            k[..width].copy_from_slice(&vals[qi * width..qi * width + width]);
            k[width] = tie(qi);
            (k, qi as u32)
        })
        .collect();
    keyed.par_sort_unstable();
    let mut r = 0u32;
    for (pos, (k, qi)) in keyed.iter().enumerate() {
        if pos > 0 && (last || keyed[pos - 1].0[..width] != k[..width]) {
            r = pos as u32;
        }
        rank[*qi as usize][si] = r;
    }
}

/// The school-specific key of participant `qi` (applicant `a`) at choice `k`.
#[allow(clippy::too_many_arguments)]
fn kunci_cepat(
    skema: &Skema,
    sekolah: &[Sekolah],
    p: &Pendaftar,
    f: Fakta,
    pr: &Peringkat,
    qi: usize,
    u: &Unit,
    k: usize,
) -> Result<K, Gagal> {
    let jarak = syarat(skema, sekolah, p, f, u, k)?;
    if let Some(g) = pr.gagal[qi] {
        return Err(g);
    }
    let mut key = [0u32; 6];
    let mut i = 0;
    if skema.mekanisme == Mekanisme::PilihanPertamaDiutamakan {
        key[0] = k as u32;
    }
    i += 1;
    let r = &pr.rank[qi];
    key[i] = r[0];
    i += 1;
    if pr.jarak > 0 {
        if jarak == u32::MAX {
            return Err(Gagal::JarakTakDiketahui);
        }
        // Distance criteria in the ranking, in order, with their directions.
        let mut j = 0;
        for &(c, arah) in &u.kriteria {
            if matches!(c, KriteriaC::Jarak) {
                j += 1;
                key[i] = if matches!(arah, Arah::Terjauh) {
                    u32::MAX - jarak
                } else {
                    jarak
                };
                key[i + 1] = r.get(j).copied().unwrap_or(0);
                i += 2;
            }
        }
    }
    let w = |h: u32, l: u32| (u64::from(h) << 32) | u64::from(l);
    Ok([w(key[0], key[1]), w(key[2], key[3]), w(key[4], key[5])])
}

/// Applicant `a`'s full key at school `s`, as a person reads it.
fn tampil<'f>(
    skema: &Skema,
    sekolah: &[Sekolah],
    pendaftar: &[Pendaftar],
    fakta: &dyn Fn(usize) -> Fakta<'f>,
    u: &Unit,
    s: usize,
    a: usize,
) -> String {
    let p = &pendaftar[a];
    let k = p.pilihan.iter().position(|&x| x as usize == s).unwrap_or(0);
    match kunci(skema, sekolah, p, fakta(a), a, u, k) {
        Ok(key) => tulis_kunci(skema, u, &key),
        Err(_) => "—".into(),
    }
}

/// `usia_prioritas`: 0 at or above the plan's priority age, 1 below (smaller
/// ranks first). The loader refuses a plan that uses it without a priority age.
fn prioritas(skema: &Skema, umur: Option<i64>) -> Result<i64, Gagal> {
    let umur = umur.ok_or(Gagal::LahirKosong)?;
    Ok(i64::from(umur < skema.prioritas.unwrap_or(0)))
}

/// The key as a person reads it.
fn tulis_kunci(skema: &Skema, u: &Unit, key: &Kunci) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    if skema.mekanisme == Mekanisme::PilihanPertamaDiutamakan {
        parts.push(format!("pilihan={}", key[0] + 1));
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
                format!(
                    "waktu_daftar={y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
                    s / 3600,
                    s % 3600 / 60,
                    s % 60
                )
            }
            KriteriaJenis::NomorPendaftaran => format!("urutan_nisn={v}"),
            KriteriaJenis::UsiaPrioritas => {
                format!("usia_prioritas={}", if v == 0 { "ya" } else { "tidak" })
            }
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
    held: BinaryHeap<(K, u32)>,
    diterima: Vec<(K, u32)>,
    /// Reserve list in rank order: applicant indexes.
    cadangan: Vec<u32>,
    sisa: u32,
    naik: u32,
    /// Seats released at re-registration: no-shows, and applicants who moved up
    /// to a school they chose higher.
    dilepas: u32,
}

impl Kursi {
    fn total(&self) -> u32 {
        self.awal + self.masuk
    }
}

/// Move `left` unfilled seats of unit `dari` at one school along its `sisa_ke`.
/// A jalur with a national maximum (mutasi: 5%, FAQ 17) takes no more than its
/// maximum at this school; what it cannot take goes on along that unit's own
/// `sisa_ke`, and stays unfilled where the chain ends. Moving seats between
/// sub-jalur of one jalur never changes the jalur's total.
fn alihkan(skema: &Skema, daya_tampung: u32, row: &mut [Kursi], dari: usize, left: u32) {
    let batas = skema.kursi.batas(daya_tampung);
    let mut left = left;
    let mut asal = dari;
    let mut langkah = 0;
    while let Some(t) = skema.units[asal].sisa_ke.filter(|t| *t != asal) {
        let jalur = skema.units[t].jalur;
        let muat = if skema.units[asal].jalur == jalur {
            left
        } else {
            let isi: u32 = row
                .iter()
                .zip(&skema.units)
                .filter(|(_, u)| u.jalur == jalur)
                .map(|(k, _)| k.total())
                .sum();
            let maks = batas
                .get(jalur)
                .map_or(u32::MAX, |(_, hi)| u32::try_from(*hi).unwrap_or(u32::MAX));
            left.min(maks.saturating_sub(isi))
        };
        if let Some(k) = row.get_mut(t) {
            k.masuk += muat;
        }
        left -= muat;
        langkah += 1;
        if left == 0 || langkah > skema.units.len() {
            break;
        }
        asal = t;
    }
}

/// Run the plan. `pendaftar` must be sorted by NISN (as `baca_pendaftar` returns them).
pub fn jalankan(
    skema: &Skema,
    sekolah: &[Sekolah],
    bacaan: &BacaanPendaftar,
    opsi: &Opsi,
) -> Hasil {
    let pendaftar = &bacaan.pendaftar;
    let n = pendaftar.len();
    let nu = skema.units.len();
    let ns = skema.skor.len();
    let mut log = Vec::new();
    let target = opsi
        .jejak
        .as_ref()
        .and_then(|id| pendaftar.binary_search_by(|p| p.nisn.as_str().cmp(id)).ok());
    let mut jejak = Jejak {
        target,
        out: &mut log,
    };
    let t0 = std::time::Instant::now();
    let prof = std::env::var_os("JUKNIS_WAKTU").is_some();
    let fase = |nama: &str| {
        if prof {
            eprintln!("  {nama}: {:.3}", t0.elapsed().as_secs_f64());
        }
    };
    // School-independent facts, computed in parallel; order-independent.
    let mut skor_flat = vec![KOSONG; n * ns];
    if ns > 0 {
        skor_flat
            .par_chunks_mut(ns)
            .zip(pendaftar.par_iter())
            .for_each(|(out, p)| skema.skor_pendaftar(p, out));
    }
    let usia_v: Vec<(Option<i64>, Option<Gagal>)> =
        pendaftar.par_iter().map(|p| usia(skema, p)).collect();
    let fakta = |a: usize| Fakta {
        skor: &skor_flat[a * ns..a * ns + ns],
        umur: usia_v[a].0,
        usia_gagal: usia_v[a].1,
    };
    fase("fakta");
    if let Some(a) = target {
        let p = &pendaftar[a];
        let f = fakta(a);
        let skor: Vec<String> = skema
            .skor
            .iter()
            .zip(f.skor)
            .map(|((nm, _), v)| {
                if *v == KOSONG {
                    format!("{nm}=kosong")
                } else {
                    format!("{nm}={:.4}", *v as f64 / 1e6)
                }
            })
            .collect();
        let skor = skor.join(", ");
        let jl: Vec<&str> = p
            .jalur
            .iter()
            .map(|u| skema.units[*u as usize].id.as_str())
            .collect();
        let jl = jl.join(", ");
        let pl: Vec<&str> = p
            .pilihan
            .iter()
            .map(|s| sekolah[*s as usize].npsn.as_str())
            .collect();
        let pl = pl.join(", ");
        let (ln, id) = (p.baris, &p.nisn);
        jejak.push(
            a,
            t!(
                "pendaftar {id} (baris {ln}): jalur {jl}; pilihan {pl}; skor {skor}",
                "applicant {id} (line {ln}): jalur {jl}; choices {pl}; scores {skor}"
            ),
        );
        match f.usia_gagal {
            Some(g) => {
                let g = g.teks(skema);
                let (gi, ge) = (g.id, g.en);
                jejak.push(
                    a,
                    t!(
                        "syarat usia: tidak memenuhi — {gi}",
                        "age rule: not met — {ge}"
                    ),
                )
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
                .map(|awal| Kursi {
                    awal,
                    ..Default::default()
                })
                .collect()
        })
        .collect();
    let mut diterima: Vec<Option<(u32, usize, u32)>> = vec![None; n];
    let mut alasan: Vec<Alasan> = vec![Alasan::Kosong; n];
    let mut cadangan_best: Vec<Option<(u32, usize, u32)>> = vec![None; n];
    let mut ikut = vec![false; n];
    // Each applicant's unit per wave: the first listed unit of that wave.
    let unit_di = |p: &Pendaftar, nomor: u32| {
        p.jalur
            .iter()
            .map(|x| *x as usize)
            .find(|x| skema.units[*x].tahap == nomor)
    };
    let total_tahap = skema.tahap.len();
    // Applicants of each unit, in NISN order: an applicant takes part in a wave
    // through the first unit they list for it. Pieces of applicants are dealt in
    // parallel, then joined per unit in piece order, keeping the NISN order.
    const BAGIAN: usize = 1 << 15;
    let bagian: Vec<Vec<Vec<usize>>> = pendaftar
        .par_chunks(BAGIAN)
        .enumerate()
        .map(|(ci, ps)| {
            let mut v = vec![Vec::new(); nu];
            for (j, p) in ps.iter().enumerate() {
                for (nomor, _) in &skema.tahap {
                    if let Some(ui) = unit_di(p, *nomor) {
                        v[ui].push(ci * BAGIAN + j);
                    }
                }
            }
            v
        })
        .collect();
    let mut per_unit: Vec<Vec<usize>> = (0..nu)
        .into_par_iter()
        .map(|ui| {
            let mut out = Vec::with_capacity(bagian.iter().map(|b| b[ui].len()).sum());
            for b in &bagian {
                out.extend_from_slice(&b[ui]);
            }
            out
        })
        .collect();
    drop(bagian);
    fase("per_unit");
    let mut pilih_buf: Vec<(u32, Result<K, Gagal>)> = Vec::new();
    for (wi, (nomor, order)) in skema.tahap.iter().enumerate() {
        let nomor = *nomor;
        if opsi.progres {
            eprintln!("tahap {nomor} ({}/{total_tahap})…", wi + 1);
        }
        for &ui in order {
            let u = &skema.units[ui];
            let mut peserta = std::mem::take(&mut per_unit[ui]);
            if let Some(t) = target.filter(|t| peserta.binary_search(t).is_ok()) {
                if let Some((s, du, w)) = diterima[t] {
                    let (npsn, uid, id) = (&sekolah[s as usize].npsn, &skema.units[du].id, &u.id);
                    jejak.push(t, t!("tahap {nomor}, {id}: tidak ikut — sudah diterima di {npsn} ({uid}, tahap {w})", "wave {nomor}, {id}: skipped — already accepted at {npsn} ({uid}, wave {w})"));
                }
            }
            peserta.retain(|&a| diterima[a].is_none());
            for &a in &peserta {
                ikut[a] = true;
            }
            fase("peserta");
            let pr = peringkat_unit(skema, pendaftar, &fakta, u, &peserta);
            fase("peringkat");
            // Every (participant, choice) key computed once, in parallel, into flat
            // arrays: the assignment below then reads memory in order.
            let m = skema.maks_pilihan;
            // One buffer for every unit: its pages are touched once per run.
            let mut pilih = std::mem::take(&mut pilih_buf);
            pilih.clear();
            pilih.resize(peserta.len() * m, (u32::MAX, Err(Gagal::LuarWilayah)));
            if m > 0 {
                pilih
                    .par_chunks_mut(m)
                    .zip(peserta.par_iter())
                    .enumerate()
                    .for_each(|(qi, (row, &a))| {
                        let p = &pendaftar[a];
                        let f = fakta(a);
                        for (k, (slot, &s)) in row.iter_mut().zip(&p.pilihan).enumerate() {
                            *slot = (s, kunci_cepat(skema, sekolah, p, f, &pr, qi, u, k));
                        }
                    });
            }
            // Student-proposing deferred acceptance; the school's preference is
            // the key, which starts with the choice rank under
            // pilihan_pertama_diutamakan (then it is the Boston outcome).
            fase("kunci");
            let mut next = vec![0u8; peserta.len()];
            let mut first: Vec<Alasan> = vec![Alasan::Kosong; peserta.len()];
            let mut queue: std::collections::VecDeque<u32> = (0..peserta.len() as u32).collect();
            while let Some(qi) = queue.pop_front() {
                let qi = qi as usize;
                let a = peserta[qi];
                while (next[qi] as usize) < m {
                    let k = next[qi] as usize;
                    next[qi] += 1;
                    let (s, ref r) = pilih[qi * m + k];
                    if s == u32::MAX {
                        break;
                    }
                    let s = s as usize;
                    let key = match *r {
                        Ok(key) => key,
                        Err(g) => {
                            if jejak.on(a) {
                                let (npsn, id, kk, g) =
                                    (&sekolah[s].npsn, &u.id, k + 1, g.teks(skema));
                                let (gi, ge) = (g.id, g.en);
                                jejak.push(a, t!("tahap {nomor}, {id}: pilihan {kk} {npsn}: tidak memenuhi syarat — {gi}", "wave {nomor}, {id}: choice {kk} {npsn}: not eligible — {ge}"));
                            }
                            if first[qi] == Alasan::Kosong {
                                first[qi] = Alasan::Tidak(s as u32, g);
                            }
                            continue;
                        }
                    };
                    let slot = &mut kursi[s][ui];
                    let cap = slot.total() as usize;
                    // Held entries carry the participant's position, not the
                    // applicant: `peserta` is sorted, so the order is the same, and
                    // a displaced participant needs no search.
                    let entry = (key, qi as u32);
                    let admit = if slot.held.len() < cap {
                        true
                    } else if slot.held.peek().is_some_and(|w| entry < *w) {
                        if let Some((_, oq)) = slot.held.pop() {
                            let oq = oq as usize;
                            let out = peserta[oq];
                            if jejak.on(out) {
                                let (npsn, id) = (&sekolah[s].npsn, &u.id);
                                jejak.push(out, t!("tahap {nomor}, {id}: tergeser di {npsn} oleh pendaftar berperingkat lebih baik", "wave {nomor}, {id}: displaced at {npsn} by a better-ranked applicant"));
                            }
                            if first[oq] == Alasan::Kosong {
                                first[oq] = Alasan::Kalah(s as u32, ui);
                            }
                            queue.push_back(oq as u32);
                        }
                        true
                    } else {
                        false
                    };
                    if admit {
                        slot.held.push(entry);
                        if jejak.on(a) {
                            let (npsn, id, kk) = (&sekolah[s].npsn, &u.id, k + 1);
                            jejak.push(
                                a,
                                t!(
                                    "tahap {nomor}, {id}: pilihan {kk} {npsn}: ditampung sementara",
                                    "wave {nomor}, {id}: choice {kk} {npsn}: held"
                                ),
                            );
                        }
                        break;
                    }
                    if jejak.on(a) {
                        let last = slot
                            .held
                            .peek()
                            .map(|w| {
                                tampil(
                                    skema,
                                    sekolah,
                                    pendaftar,
                                    &fakta,
                                    u,
                                    s,
                                    peserta[w.1 as usize],
                                )
                            })
                            .unwrap_or_else(|| "—".into());
                        let mine = tampil(skema, sekolah, pendaftar, &fakta, u, s, a);
                        let (npsn, id, kk) = (&sekolah[s].npsn, &u.id, k + 1);
                        jejak.push(a, t!("tahap {nomor}, {id}: pilihan {kk} {npsn}: kalah peringkat (kunci {mine}; terakhir ditampung {last})", "wave {nomor}, {id}: choice {kk} {npsn}: outranked (key {mine}; last held {last})"));
                    }
                    if first[qi] == Alasan::Kosong {
                        first[qi] = if cap == 0 {
                            Alasan::TanpaKursi(s as u32, ui)
                        } else {
                            Alasan::Kalah(s as u32, ui)
                        };
                    }
                }
            }
            fase("da");
            // Settle: the accepted in rank order; reserve candidates.
            for (si, row) in kursi.iter_mut().enumerate() {
                let slot = &mut row[ui];
                let mut acc: Vec<(K, u32)> = std::mem::take(&mut slot.held).into_vec();
                acc.sort_unstable();
                for (_, a) in &mut acc {
                    *a = peserta[*a as usize] as u32;
                    diterima[*a as usize] = Some((si as u32, ui, nomor));
                }
                slot.sisa = slot.total().saturating_sub(acc.len() as u32);
                slot.diterima = acc;
            }
            for (qi, &a) in peserta.iter().enumerate() {
                if let Some((s, _, _)) = diterima[a] {
                    if jejak.on(a) {
                        let (npsn, id) = (&sekolah[s as usize].npsn, &u.id);
                        jejak.push(
                            a,
                            t!(
                                "tahap {nomor}, {id}: diterima di {npsn}",
                                "wave {nomor}, {id}: accepted at {npsn}"
                            ),
                        );
                    }
                    continue;
                }
                // No reason recorded means no choice was tried: only then is
                // the applicant's row read (most unplaced have a reason).
                alasan[a] = if first[qi] == Alasan::Kosong && pendaftar[a].pilihan.is_empty() {
                    Alasan::TanpaPilihan
                } else {
                    first[qi]
                };
            }
            fase("settle");
            // Reserve candidates: every eligible choice of the unplaced, and of the
            // placed every eligible choice they put above the school that took
            // them (a freed seat there is a move up for them). Pieces of
            // participants are dealt into buckets per school in parallel; then, per
            // school in parallel, its buckets are joined, sorted by (key,
            // participant) and cut to the plan's length. Keys with the participant
            // are unique, so the order does not depend on the threads.
            let ns_sekolah = kursi.len();
            // How many of a participant's choices count: all, or those before
            // the school that took them.
            let sampai = |qi: usize, row: &[(u32, Result<K, Gagal>)]| match diterima[peserta[qi]] {
                None => row.len(),
                Some((s, _, _)) => row.iter().position(|(x, _)| *x == s).unwrap_or(0),
            };
            const PESERTA_PER_POTONG: usize = 1 << 14;
            let potong: Vec<EmberPotong> = pilih
                .par_chunks(m.max(1) * PESERTA_PER_POTONG)
                .enumerate()
                .map(|(ci, rows)| {
                    let awal = ci * PESERTA_PER_POTONG;
                    let mut mulai = vec![0usize; ns_sekolah + 1];
                    for (j, row) in rows.chunks(m.max(1)).enumerate() {
                        for (s, r) in &row[..sampai(awal + j, row)] {
                            if r.is_ok() {
                                mulai[*s as usize + 1] += 1;
                            }
                        }
                    }
                    for i in 1..mulai.len() {
                        mulai[i] += mulai[i - 1];
                    }
                    let mut isi = mulai.clone();
                    let mut ember = vec![([0; 3], 0); mulai[ns_sekolah]];
                    for (j, row) in rows.chunks(m.max(1)).enumerate() {
                        for (s, r) in &row[..sampai(awal + j, row)] {
                            if let Ok(key) = r {
                                let at = &mut isi[*s as usize];
                                ember[*at] = (*key, (awal + j) as u32);
                                *at += 1;
                            }
                        }
                    }
                    (mulai, ember)
                })
                .collect();
            fase("calon");
            // Each participant's best reserve place in this unit: position in the
            // high bits, school in the low, so the minimum is the smallest
            // position and, among equal ones, the first school.
            let terbaik: Vec<std::sync::atomic::AtomicU64> = (0..peserta.len())
                .into_par_iter()
                .map(|_| std::sync::atomic::AtomicU64::new(u64::MAX))
                .collect();
            kursi.par_iter_mut().enumerate().for_each(|(si, row)| {
                let slot = &mut row[ui];
                let total: usize = potong.iter().map(|(m, _)| m[si + 1] - m[si]).sum();
                let mut calon: Vec<(K, u32)> = Vec::with_capacity(total);
                for (m, ember) in &potong {
                    calon.extend_from_slice(&ember[m[si]..m[si + 1]]);
                }
                calon.sort_unstable();
                let keep = match skema.cadangan {
                    Cadangan::Semua => calon.len(),
                    Cadangan::TidakAda => 0,
                    Cadangan::Persen(p) => {
                        let pct: f64 = p.to_string().parse().unwrap_or(0.0);
                        (f64::from(slot.total()) * pct / 100.0).ceil() as usize
                    }
                };
                calon.truncate(keep);
                for (pos, &(_, qi)) in calon.iter().enumerate() {
                    let v = ((pos as u64 + 1) << 32) | si as u64;
                    terbaik[qi as usize].fetch_min(v, std::sync::atomic::Ordering::Relaxed);
                }
                slot.cadangan = calon.iter().map(|x| peserta[x.1 as usize] as u32).collect();
            });
            drop(potong);
            fase("urut_cadangan");
            // An earlier unit's place is kept when it is as good (strict `<`).
            for (qi, t) in terbaik.into_iter().enumerate() {
                let v = t.into_inner();
                if v == u64::MAX {
                    continue;
                }
                let (pos, si) = ((v >> 32) as u32, (v & 0xffff_ffff) as u32);
                let a = peserta[qi];
                if cadangan_best[a].is_none_or(|(_, _, q)| pos < q) {
                    cadangan_best[a] = Some((si, ui, pos));
                }
            }
            // Carry-over of unfilled seats, never past a jalur's maximum.
            if u.sisa_ke.is_some_and(|t| t != ui) {
                for (s, row) in kursi.iter_mut().enumerate() {
                    let left = row[ui].sisa;
                    if left > 0 {
                        alihkan(skema, sekolah[s].daya_tampung, row, ui, left);
                    }
                }
            }
            fase("best");
            pilih_buf = pilih;
        }
    }
    fase("tahap");
    // Re-registration (FAQ 80, 91): the seat of a no-show goes down that
    // school's reserve list, in rank order, to the first applicant who has no
    // seat or holds one at a school they chose lower; an applicant who moves up
    // frees their old seat, which goes down its own list — until no freed seat
    // finds a taker. Applicants only ever improve, so the order in which freed
    // seats are offered does not change the result; it is fixed anyway (waves
    // and units in processing order, then schools).
    let mut tidak_du = vec![false; n];
    let mut tak_cocok: Vec<String> = Vec::new();
    for id in &opsi.tidak_daftar_ulang {
        match pendaftar.binary_search_by(|p| p.nisn.as_str().cmp(id)) {
            Ok(a) if diterima[a].is_some() => tidak_du[a] = true,
            _ => tak_cocok.push(id.clone()),
        }
    }
    let urutan_unit: Vec<usize> = {
        let mut pos = vec![usize::MAX; nu];
        let mut k = 0;
        for (_, units) in &skema.tahap {
            for &u in units {
                pos[u] = k;
                k += 1;
            }
        }
        pos
    };
    let mut naik = vec![false; n];
    let mut antre: Vec<(usize, u32)> = Vec::new();
    for a in 0..n {
        if let (true, Some((s, u, _))) = (tidak_du[a], diterima[a]) {
            kursi[s as usize][u].dilepas += 1;
            antre.push((u, s));
            if jejak.on(a) {
                let npsn = &sekolah[s as usize].npsn;
                jejak.push(
                    a,
                    t!(
                        "tidak daftar ulang: kursi di {npsn} dilepas ke daftar cadangan",
                        "did not re-register: the seat at {npsn} goes to the reserve list"
                    ),
                );
            }
        }
    }
    antre.sort_by_key(|&(u, s)| (urutan_unit[u], s));
    let mut antre: std::collections::VecDeque<(usize, u32)> = antre.into();
    let pilihan_ke = |a: usize, s: u32| pendaftar[a].pilihan.iter().position(|&x| x == s);
    while let Some((u, s)) = antre.pop_front() {
        let list = std::mem::take(&mut kursi[s as usize][u].cadangan);
        let mut diambil = None;
        for &c in &list {
            let c = c as usize;
            if tidak_du[c] {
                continue;
            }
            let here = pilihan_ke(c, s).unwrap_or(usize::MAX);
            match diterima[c] {
                None => {}
                Some((s2, _, _)) if here < pilihan_ke(c, s2).unwrap_or(usize::MAX) => {}
                Some(_) => continue,
            }
            diambil = Some(c);
            break;
        }
        kursi[s as usize][u].cadangan = list;
        let Some(c) = diambil else { continue };
        if let Some((s2, u2, _)) = diterima[c] {
            // Moving up frees the lower seat for its own reserve list.
            kursi[s2 as usize][u2].dilepas += 1;
            antre.push_back((u2, s2));
            if jejak.on(c) {
                let npsn = &sekolah[s2 as usize].npsn;
                jejak.push(
                    c,
                    t!(
                        "melepas kursi di {npsn} karena naik ke pilihan yang lebih tinggi",
                        "gives up the seat at {npsn} to move up to a higher choice"
                    ),
                );
            }
        }
        diterima[c] = Some((s, u, skema.units[u].tahap));
        naik[c] = true;
        kursi[s as usize][u].naik += 1;
        if jejak.on(c) {
            let npsn = &sekolah[s as usize].npsn;
            jejak.push(
                c,
                t!(
                    "naik dari cadangan: diterima di {npsn}",
                    "moved up from the reserve list: accepted at {npsn}"
                ),
            );
        }
    }
    let mut peringkat: Vec<u32> = vec![0; n];
    for row in &kursi {
        for slot in row {
            for (r, (_, a)) in slot.diterima.iter().enumerate() {
                peringkat[*a as usize] = r as u32 + 1;
            }
        }
    }
    fase("daftar ulang");
    // One row per applicant, built in parallel (in place, in applicant order).
    let baris = |a: usize| {
        let p = &pendaftar[a];
        let mut r = HasilPendaftar {
            nisn: p.nisn.clone(),
            status: Status::TidakDiterima,
            sekolah: None,
            unit: None,
            tahap: None,
            peringkat: None,
            cadangan: None,
            naik_dari_cadangan: naik[a],
            alasan: alasan[a],
        };
        if let Some((s, u, t)) = diterima[a] {
            r.sekolah = Some(s);
            r.unit = Some(u);
            r.tahap = Some(t);
            if tidak_du[a] {
                r.status = Status::TidakDaftarUlang;
                r.alasan = Alasan::TidakDaftarUlang;
            } else {
                r.status = Status::Diterima;
                r.alasan = if naik[a] {
                    Alasan::NaikCadangan
                } else {
                    Alasan::Kosong
                };
                r.peringkat = if naik[a] { None } else { Some(peringkat[a]) };
            }
        } else if let Some(c) = cadangan_best[a] {
            r.status = Status::Cadangan;
            r.unit = Some(c.1);
            r.tahap = Some(skema.units[c.1].tahap);
            r.cadangan = Some(c);
        } else if !ikut[a] {
            r.alasan = Alasan::TanpaTahap;
        }
        r
    };
    let mut out: Vec<HasilPendaftar> = Vec::with_capacity(n + bacaan.rusak.len());
    (0..n).into_par_iter().map(baris).collect_into_vec(&mut out);
    if let Some(a) = target {
        if let Some(r) = out.get(a) {
            let st = r.status.as_str();
            jejak
                .out
                .push(t!("hasil akhir: {st}", "final result: {st}"));
        }
    }
    for (i, rr) in bacaan.rusak.iter().enumerate() {
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
        });
    }
    // Applicants are already in NISN order; only rows set aside need placing.
    if !bacaan.rusak.is_empty() {
        out.sort_by(|a, b| a.nisn.cmp(&b.nisn).then(a.status.cmp(&b.status)));
    }
    fase("hasil");
    let mut ringkasan = Vec::with_capacity(sekolah.len() * nu);
    for (s, row) in kursi.iter().enumerate() {
        for (ui, slot) in row.iter().enumerate() {
            let u = &skema.units[ui];
            ringkasan.push(Ringkasan {
                sekolah: s as u32,
                unit: ui,
                tahap: u.tahap,
                kursi_awal: slot.awal,
                kursi_masuk: slot.masuk,
                diterima: (slot.diterima.len() as u32 + slot.naik).saturating_sub(slot.dilepas),
                sisa: slot.sisa,
                dialihkan_ke: if slot.sisa > 0 { u.sisa_ke } else { None },
                dilepas: slot.dilepas,
                kosong: {
                    let dialihkan = if slot.sisa > 0 && u.sisa_ke.is_some() {
                        slot.sisa
                    } else {
                        0
                    };
                    (slot.total() + slot.dilepas)
                        .saturating_sub(slot.diterima.len() as u32 + slot.naik + dialihkan)
                },
                kunci_terakhir: slot
                    .diterima
                    .last()
                    .map(|k| tampil(skema, sekolah, pendaftar, &fakta, u, s, k.1 as usize)),
                naik_dari_cadangan: slot.naik,
            });
        }
    }
    Hasil {
        pendaftar: out,
        ringkasan,
        jejak: log,
        rusak: bacaan.rusak.iter().map(|r| r.masalah.clone()).collect(),
        tidak_cocok: tak_cocok,
    }
}
