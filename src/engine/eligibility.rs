//! Eligibility: the explain trace's buffer, the per-applicant facts (scores,
//! age, age failure) and the plan's age limits (`usia`: minimum, maximum,
//! special minimum, exemptions) and conditions (`syarat`: zone by area code or
//! radius, statuses, a teacher's child at the parent's school).

use super::*;

pub(super) struct Jejak<'a> {
    pub(super) target: Option<usize>,
    pub(super) out: &'a mut Vec<Text>,
}

impl Jejak<'_> {
    pub(super) fn on(&self, a: usize) -> bool {
        self.target == Some(a)
    }
    pub(super) fn push(&mut self, a: usize, t: Text) {
        if self.on(a) {
            self.out.push(t);
        }
    }
}

/// Per-applicant facts that do not depend on the school.
#[derive(Clone, Copy)]
pub(super) struct Facts<'a> {
    /// Scores in fixed point (1e-6); `KOSONG` where an input is empty.
    pub(super) skor: &'a [i64],
    /// Why the applicant fails the age rules, if they do.
    pub(super) usia_gagal: Option<Gagal>,
    pub(super) umur: Option<i64>,
}

pub(super) const KOSONG: i64 = i64::MIN;

/// An age in months as a reason holds it (a birth date is within 100 years
/// of the reference date, so an age fits).
pub(super) fn bulan(u: i64) -> i32 {
    i32::try_from(u).unwrap_or(if u < 0 { i32::MIN } else { i32::MAX })
}

pub(super) fn usia(prepared: &Prepared, p: &Pendaftar) -> (Option<i64>, Option<Gagal>) {
    let umur = p.lahir.map(|l| umur_bulan(l, prepared.acuan));
    let bebas = p.status & prepared.bebas_usia != 0;
    let mut gagal = None;
    if let Some(u) = umur {
        if let Some(max) = prepared.usia_max {
            // "at most 15 years" holds until the 16th birthday.
            if u > max + 11 && !bebas {
                gagal = Some(Gagal::UsiaAtas(bulan(u)));
            }
        }
        if let Some(min) = prepared.usia_min {
            let istimewa_ok = matches!((prepared.istimewa, prepared.bit_istimewa), (Some(m), Some(b)) if u >= m && p.status & (1 << b) != 0);
            if u < min && !bebas && !istimewa_ok {
                gagal = Some(Gagal::UsiaBawah(bulan(u)));
            }
        }
    } else if prepared.usia_min.is_some() || prepared.usia_max.is_some() {
        gagal = Some(Gagal::LahirKosong);
    }
    (umur, gagal)
}

/// The age rule and every `syarat` of unit `u` for applicant `p` at their k-th
/// choice; the distance to that school when they hold.
pub(super) fn syarat(
    prepared: &Prepared,
    sekolah: &[Sekolah],
    p: &Pendaftar,
    f: Facts,
    u: &Unit,
    k: usize,
) -> Result<u32, Gagal> {
    let s = p.pilihan[k] as usize;
    // No age limit at a special-education, special-service or 3T school the
    // plan exempts, nor for an exempt status (Pasal 15).
    let bebas_sekolah = sekolah.get(s).is_some_and(|sk| {
        sk.layanan
            .iter()
            .any(|l| prepared.bebas_sekolah.contains(l))
    });
    if let Some(g) = f.usia_gagal {
        if !bebas_sekolah {
            return Err(g);
        }
    }
    let bebas_usia = bebas_sekolah || p.status & prepared.bebas_usia != 0;
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
            SyaratC::SalahSatu(mask, guru) => {
                let guru_here = guru
                    .is_some_and(|b| p.status & (1 << b) != 0 && p.sekolah_ortu == Some(s as u32));
                if p.status & mask == 0 && !guru_here {
                    let all = mask | guru.map_or(0, |b| 1 << b);
                    return Err(Gagal::SalahSatu(all));
                }
            }
            SyaratC::Jarak(lo, hi) => {
                if jarak == u32::MAX {
                    return Err(Gagal::JarakTakDiketahui);
                }
                if !(*lo..=*hi).contains(&jarak) {
                    return Err(Gagal::LuarCincin(*lo, *hi));
                }
            }
            SyaratC::Kelompok(..) if bebas_usia => {}
            SyaratC::Kelompok(lo, hi) => match f.umur {
                None => return Err(Gagal::LahirKosong),
                Some(u) if u < i64::from(*lo) || u > i64::from(*hi) + 11 => {
                    return Err(Gagal::LuarKelompok(bulan(u), *lo, *hi));
                }
                Some(_) => {}
            },
            SyaratC::DalamBagian(l) => {
                let inside = sekolah.get(s).is_some_and(|sk| {
                    sk.wilayah_kursi_id.get(*l).is_some_and(|areas| {
                        p.wilayah.iter().any(|w| areas.binary_search(w).is_ok())
                    })
                });
                if !inside {
                    return Err(Gagal::LuarBagian(*l));
                }
            }
            SyaratC::DalamWilayah => {
                let inside = match prepared.radius_m {
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
