//! Ranking: each unit's `urutan` turned into comparable keys. Stretches of the
//! ranking between distance criteria are ranked once per unit (`Peringkat`),
//! then each (applicant, school) key is packed from those ranks and the
//! distance (`fast_key`); the SD age priority, score directions and the
//! final NISN tie-break come from the plan.

use super::*;

/// Why applicant `p` cannot take unit `u` at their k-th choice, or their key there.
pub(super) fn key(
    prepared: &Prepared,
    sekolah: &[Sekolah],
    p: &Pendaftar,
    f: Facts,
    a: usize,
    u: &Unit,
    k: usize,
) -> Result<Key, Gagal> {
    let jarak = syarat(prepared, sekolah, p, f, u, k)?;
    let mut key: Key = [0; KUNCI];
    let mut i = 0;
    if prepared.mekanisme == Mekanisme::PilihanPertamaDiutamakan {
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
            c => value(prepared, p, f, *c)?,
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
pub(super) struct Peringkat {
    /// Per participant: rank in each stretch.
    pub(super) rank: Vec<[u32; MAKS_JARAK + 1]>,
    /// Per participant: an input the ranking needs is missing.
    pub(super) gagal: Vec<Option<Gagal>>,
    /// Number of distance criteria.
    pub(super) jarak: usize,
    /// Per participant: rank in the last stretch with ties kept (equal values,
    /// equal rank), where `rank` breaks them by NISN order. Two participants
    /// equal on every stated criterion have equal `grup` — a tie (`seri`).
    pub(super) grup: Vec<u32>,
}

impl Peringkat {
    /// The 32-bit slot of the key that holds the last stretch's rank.
    pub(super) fn last_slot(&self) -> usize {
        1 + 2 * self.jarak
    }

    /// Key `k` of participant `qi` with the last stretch's rank replaced by its
    /// tie group: equal for two participants equal on every stated criterion.
    pub(super) fn tie_key(&self, k: K, qi: usize) -> K {
        let slot = self.last_slot();
        let (w, low) = (slot / 2, slot % 2 == 1);
        let mut out = k;
        let g = u64::from(self.grup[qi]);
        out[w] = if low {
            (k[w] & !0xffff_ffff) | g
        } else {
            (k[w] & 0xffff_ffff) | (g << 32)
        };
        out
    }
}

pub(super) fn peringkat_unit<'f>(
    prepared: &Prepared,
    pendaftar: &[Pendaftar],
    fakta: &(dyn Fn(usize) -> Facts<'f> + Sync),
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
    let mut grup = vec![0u32; n];
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
                        KriteriaC::Jarak => Ok(0),
                        c => value(prepared, p, f, c),
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
            sort_packed::<2>(&vals, width, &tie, last, &mut rank, &mut grup, si);
        } else if width < 4 {
            sort_packed::<4>(&vals, width, &tie, last, &mut rank, &mut grup, si);
        } else {
            let mut order: Vec<usize> = (0..n).collect();
            order.par_sort_unstable_by(|&x, &y| {
                vals[x * width..x * width + width]
                    .cmp(&vals[y * width..y * width + width])
                    .then(tie(x).cmp(&tie(y)))
            });
            let (mut r, mut g) = (0u32, 0u32);
            for (pos, &qi) in order.iter().enumerate() {
                if pos > 0 {
                    let prev = order[pos - 1];
                    let differ = vals[prev * width..prev * width + width]
                        != vals[qi * width..qi * width + width];
                    if last || differ {
                        r = pos as u32;
                    }
                    if differ {
                        g = pos as u32;
                    }
                }
                rank[qi][si] = r;
                if last {
                    grup[qi] = g;
                }
            }
        }
    }
    Peringkat {
        rank,
        gagal,
        jarak: segs.len() - 1,
        grup,
    }
}

/// Rank participants by their `width` values then `tie` into `rank[..][si]`
/// (equal values, equal rank, unless `last`; in the last stretch the ranks
/// with ties kept go to `grup`), sorting compact fixed-size keys
/// (`width < N`): small items sort faster, and the ranks are read off the sorted
/// keys in order instead of looking the values up again.
pub(super) fn sort_packed<const N: usize>(
    vals: &[i64],
    width: usize,
    tie: &(dyn Fn(usize) -> i64 + Sync),
    last: bool,
    rank: &mut [[u32; MAKS_JARAK + 1]],
    grup: &mut [u32],
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
    let (mut r, mut g) = (0u32, 0u32);
    for (pos, (k, qi)) in keyed.iter().enumerate() {
        let differ = pos > 0 && keyed[pos - 1].0[..width] != k[..width];
        if pos > 0 && (last || differ) {
            r = pos as u32;
        }
        if differ {
            g = pos as u32;
        }
        rank[*qi as usize][si] = r;
        if last {
            grup[*qi as usize] = g;
        }
    }
}

/// The school-specific key of participant `qi` (applicant `a`) at choice `k`.
#[allow(clippy::too_many_arguments)]
pub(super) fn fast_key(
    prepared: &Prepared,
    sekolah: &[Sekolah],
    p: &Pendaftar,
    f: Facts,
    pr: &Peringkat,
    qi: usize,
    u: &Unit,
    k: usize,
) -> Result<K, Gagal> {
    let jarak = syarat(prepared, sekolah, p, f, u, k)?;
    if let Some(g) = pr.gagal[qi] {
        return Err(g);
    }
    let mut key = [0u32; 6];
    let mut i = 0;
    if prepared.mekanisme == Mekanisme::PilihanPertamaDiutamakan {
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

/// The value of a criterion that does not depend on the school (smaller ranks
/// first once the direction is applied); distance is the caller's.
fn value(prepared: &Prepared, p: &Pendaftar, f: Facts, c: KriteriaC) -> Result<i64, Gagal> {
    match c {
        KriteriaC::Skor(idx) => match f.skor.get(idx).copied() {
            Some(v) if v != KOSONG => Ok(v),
            _ => Err(Gagal::SkorKosong(idx)),
        },
        KriteriaC::Usia => p.lahir.ok_or(Gagal::LahirKosong),
        KriteriaC::Waktu => p.waktu_daftar.ok_or(Gagal::WaktuKosong),
        KriteriaC::WaktuVerifikasi => match p.nilai.get(prepared.slot_verifikasi) {
            Some(&v) if v != KOSONG => Ok(v),
            _ => Err(Gagal::VerifikasiKosong),
        },
        KriteriaC::Nomor => match p.nilai.get(prepared.slot_nomor) {
            Some(&v) if v != KOSONG => Ok(v),
            _ => Err(Gagal::NomorKosong),
        },
        KriteriaC::UsiaPrioritas => prioritas(prepared, f.umur),
        KriteriaC::Status(b) => Ok(i64::from(p.status & (1 << b) == 0)),
        KriteriaC::Undian(i) => Ok(undian(
            prepared.undian.get(i).map_or("", String::as_str),
            &p.nisn,
        )),
        KriteriaC::Jarak => Ok(0),
    }
}

/// The lottery draw of one applicant: the first 8 bytes of
/// SHA-256(seed, newline, NISN) as a big-endian number, mapped onto `i64`
/// keeping the order (smallest draw first). docs/plan.md states it for other
/// engines.
pub fn undian(benih: &str, nisn: &str) -> i64 {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(benih.as_bytes());
    h.update(b"\n");
    h.update(nisn.as_bytes());
    let d = h.finalize();
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    (u64::from_be_bytes(b) ^ (1 << 63)) as i64
}

/// Applicant `a`'s full key at school `s`, as a person reads it.
pub(super) fn show<'f>(
    prepared: &Prepared,
    sekolah: &[Sekolah],
    pendaftar: &[Pendaftar],
    fakta: &dyn Fn(usize) -> Facts<'f>,
    u: &Unit,
    s: usize,
    a: usize,
) -> String {
    let p = &pendaftar[a];
    let k = p.pilihan.iter().position(|&x| x as usize == s).unwrap_or(0);
    match key(prepared, sekolah, p, fakta(a), a, u, k) {
        Ok(key) => render_key(prepared, u, &key),
        Err(_) => "—".into(),
    }
}

/// `usia_prioritas`: 0 at or above the plan's priority age, 1 below (smaller
/// ranks first). The loader refuses a plan that uses it without a priority age.
pub(super) fn prioritas(prepared: &Prepared, umur: Option<i64>) -> Result<i64, Gagal> {
    let umur = umur.ok_or(Gagal::LahirKosong)?;
    Ok(i64::from(umur < prepared.prioritas.unwrap_or(0)))
}

/// The key as a person reads it.
pub(super) fn render_key(prepared: &Prepared, u: &Unit, key: &Key) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    if prepared.mekanisme == Mekanisme::PilihanPertamaDiutamakan {
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
            KriteriaJenis::WaktuDaftar => format!("waktu_daftar={}", datetime(v)),
            KriteriaJenis::WaktuVerifikasi => format!("waktu_verifikasi={}", datetime(v)),
            KriteriaJenis::NomorPendaftaran => format!("nomor_pendaftaran={v}"),
            KriteriaJenis::UsiaPrioritas => {
                format!("usia_prioritas={}", if v == 0 { "ya" } else { "tidak" })
            }
            KriteriaJenis::Status(n) => format!("{n}={}", if v == 0 { "ya" } else { "tidak" }),
            KriteriaJenis::Undian(_) => format!("undian={:016x}", (v as u64) ^ (1 << 63)),
        });
        i += 1;
    }
    parts.join("; ")
}
