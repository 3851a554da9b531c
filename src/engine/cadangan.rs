//! Reserve lists and re-registration. After each unit's assignment, every
//! school gets a reserve list (`cadangan`) of the unplaced and of those placed
//! lower than this school, cut to the plan's `cadangan` length. After the last
//! wave, the seats of applicants who did not re-register (FAQ 80, 91) go down
//! those lists, and a seat freed by someone moving up goes down its own.

use super::*;

/// Reserve candidates of one piece of participants, bucketed by school:
/// `mulai[s]..mulai[s + 1]` of the entries are school `s`'s.
pub(super) type EmberPotong = (Vec<usize>, Vec<(K, u32)>);

/// What re-registration decided.
pub(super) struct DaftarUlang {
    /// On the no-show list.
    tercantum: Vec<bool>,
    /// Accepted applicants who did not re-register.
    pub(super) tidak: Vec<bool>,
    /// Applicants who moved up from a reserve list.
    pub(super) naik: Vec<bool>,
    /// Listed NISN that match no accepted applicant (after the last wave).
    pub(super) tak_cocok: Vec<String>,
}

impl DaftarUlang {
    /// The no-show list matched to applicants (`pendaftar` sorted by NISN).
    pub(super) fn new(pendaftar: &[Pendaftar], tidak_daftar_ulang: &[String]) -> Self {
        let n = pendaftar.len();
        let mut tercantum = vec![false; n];
        for id in tidak_daftar_ulang {
            if let Ok(a) = pendaftar.binary_search_by(|p| p.nisn.as_str().cmp(id)) {
                tercantum[a] = true;
            }
        }
        DaftarUlang {
            tercantum,
            tidak: vec![false; n],
            naik: vec![false; n],
            tak_cocok: Vec::new(),
        }
    }

    /// After the last wave: listed NISN that match no applicant, or one never
    /// accepted, in the list's order.
    pub(super) fn finish(&mut self, pendaftar: &[Pendaftar], tidak_daftar_ulang: &[String]) {
        for id in tidak_daftar_ulang {
            match pendaftar.binary_search_by(|p| p.nisn.as_str().cmp(id)) {
                Ok(a) if self.tidak[a] => {}
                _ => self.tak_cocok.push(id.clone()),
            }
        }
    }
}

/// Applicants tied at a full school's last seat: the accepted at the end of the
/// list and the best candidates not accepted there that equal the last accepted
/// on every stated criterion (`Peringkat::tie_key`). Only the applicant order
/// separated them, which the juknis did not state: they are marked `seri`.
/// `diterima` (key, applicant) and `calon` (key, participant) are sorted by
/// key, so the tied candidates come first; for a unit split by area both hold
/// one area's applicants only.
fn ties_at_cut(
    diterima: &[(K, u32)],
    calon: impl Iterator<Item = (K, u32)>,
    peserta: &[usize],
    pr: &Peringkat,
) -> Vec<usize> {
    let mut out = Vec::new();
    let qi_of = |a: u32| peserta.binary_search(&(a as usize)).unwrap_or(0);
    let Some(&(k_last, a_last)) = diterima.last() else {
        return out;
    };
    let cut = pr.tie_key(k_last, qi_of(a_last));
    for (k, qi) in calon {
        if pr.tie_key(k, qi as usize) != cut {
            break;
        }
        out.push(peserta[qi as usize]);
    }
    if out.is_empty() {
        return out;
    }
    for &(k, a) in diterima.iter().rev() {
        if pr.tie_key(k, qi_of(a)) != cut {
            break;
        }
        out.push(a as usize);
    }
    out
}

/// How many of a school's reserve candidates the plan keeps for `kursi` seats.
fn reserve_length(cadangan: Cadangan, kursi: u32, calon: usize) -> usize {
    match cadangan {
        Cadangan::Semua => calon,
        Cadangan::TidakAda => 0,
        Cadangan::Persen(p) => {
            let pct: f64 = p.to_string().parse().unwrap_or(0.0);
            (f64::from(kursi) * pct / 100.0).ceil() as usize
        }
    }
}

impl Seleksi<'_> {
    /// Reserve candidates: every eligible choice of the unplaced, and of the
    /// placed every eligible choice they put above the school that took them (a
    /// freed seat there is a move up for them). Pieces of participants are
    /// dealt into buckets per school in parallel; then, per school in parallel,
    /// its buckets are joined, sorted by (key, participant) and cut to the
    /// plan's length. Keys with the participant are unique, so the order does
    /// not depend on the threads.
    pub(super) fn reserve_lists(
        &mut self,
        ui: usize,
        peserta: &[usize],
        pilih: &[Pilihan],
        pr: &Peringkat,
        fase: &Fase,
        jejak: &mut Jejak,
    ) {
        let prepared = self.prepared;
        let m = prepared.maks_pilihan;
        let ns_sekolah = self.kursi.len();
        let (sekolah, pendaftar) = (self.sekolah, self.pendaftar);
        let u = &prepared.units[ui];
        let diterima = &self.diterima;
        // How many of a participant's choices count: all, or those before
        // the school that took them.
        let sampai = |qi: usize, row: &[Pilihan]| match diterima[peserta[qi]] {
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
        fase.mark("calon");
        // Each participant's best reserve place in this unit: position in the
        // high bits, school in the low, so the minimum is the smallest
        // position and, among equal ones, the first school.
        let terbaik: Vec<std::sync::atomic::AtomicU64> = (0..peserta.len())
            .into_par_iter()
            .map(|_| std::sync::atomic::AtomicU64::new(u64::MAX))
            .collect();
        let seri: Vec<Vec<usize>> = self
            .kursi
            .par_iter_mut()
            .enumerate()
            .map(|(si, row)| {
                let slot = &mut row[ui];
                let total: usize = potong.iter().map(|(m, _)| m[si + 1] - m[si]).sum();
                let mut calon: Vec<(K, u32)> = Vec::with_capacity(total);
                for (m, ember) in &potong {
                    calon.extend_from_slice(&ember[m[si]..m[si + 1]]);
                }
                calon.sort_unstable();
                let mut seri = Vec::new();
                if slot.bagian.is_empty() {
                    if slot.sisa == 0 {
                        seri = ties_at_cut(&slot.diterima, calon.iter().copied(), peserta, pr);
                    }
                    let keep = reserve_length(prepared.cadangan, slot.total(), calon.len());
                    calon.truncate(keep);
                } else {
                    // Split by area: ties, and the list's length, per area.
                    let area = |a: usize| prepared.bagian(u, &sekolah[si], &pendaftar[a]);
                    let di: Vec<Option<usize>> = slot
                        .diterima
                        .iter()
                        .map(|&(_, a)| area(a as usize))
                        .collect();
                    let ca: Vec<Option<usize>> = calon
                        .iter()
                        .map(|&(_, qi)| area(peserta[qi as usize]))
                        .collect();
                    for (b, g) in slot.bagian.iter().enumerate() {
                        if g.kursi == 0 || g.diterima < g.kursi {
                            continue;
                        }
                        let mine: Vec<(K, u32)> = slot
                            .diterima
                            .iter()
                            .zip(&di)
                            .filter(|(_, x)| **x == Some(b))
                            .map(|(e, _)| *e)
                            .collect();
                        let theirs = calon
                            .iter()
                            .zip(&ca)
                            .filter(|(_, x)| **x == Some(b))
                            .map(|(e, _)| *e);
                        seri.extend(ties_at_cut(&mine, theirs, peserta, pr));
                    }
                    let mut kept = vec![0usize; slot.bagian.len()];
                    let mut i = 0;
                    calon.retain(|_| {
                        let b = ca[i];
                        i += 1;
                        let Some(b) = b else { return false };
                        let keep =
                            reserve_length(prepared.cadangan, slot.bagian[b].kursi, usize::MAX);
                        kept[b] += 1;
                        kept[b] <= keep
                    });
                }
                for (pos, &(_, qi)) in calon.iter().enumerate() {
                    let v = ((pos as u64 + 1) << 32) | si as u64;
                    terbaik[qi as usize].fetch_min(v, std::sync::atomic::Ordering::Relaxed);
                }
                slot.cadangan = calon.iter().map(|x| peserta[x.1 as usize] as u32).collect();
                seri
            })
            .collect();
        drop(potong);
        for (si, tied) in seri.into_iter().enumerate() {
            for a in tied {
                self.seri[a] = true;
                if jejak.on(a) {
                    let (npsn, id) = (&self.sekolah[si].npsn, &prepared.units[ui].id);
                    let nomor = prepared.units[ui].tahap;
                    jejak.push(a, t!("tahap {nomor}, {id}: seri di kursi terakhir {npsn} — sama dengan pendaftar lain pada semua kriteria urutan; hanya urutan NISN yang memisahkan (ditandai `seri` di hasil.csv)", "wave {nomor}, {id}: tied for the last seat at {npsn} — equal to another applicant on every ranking criterion; only the NISN order separated them (marked `seri` in hasil.csv)"));
                }
            }
        }
        fase.mark("urut_cadangan");
        // An earlier unit's place is kept when it is as good (strict `<`).
        for (qi, t) in terbaik.into_iter().enumerate() {
            let v = t.into_inner();
            if v == u64::MAX {
                continue;
            }
            let (pos, si) = ((v >> 32) as u32, (v & 0xffff_ffff) as u32);
            let a = peserta[qi];
            if self.cadangan_best[a].is_none_or(|(_, _, q)| pos < q) {
                self.cadangan_best[a] = Some((si, ui as u32, pos));
            }
        }
    }

    /// Re-registration of wave `nomor` (FAQ 80, 91), inside that wave's window:
    /// the seat of a no-show accepted in this wave goes down that school's
    /// reserve list, in rank order, to the first applicant who has no seat or
    /// holds one at a school they chose lower; an applicant who moves up frees
    /// their old seat, which goes down its own list — until no freed seat finds
    /// a taker. Applicants only ever improve, so the order in which freed seats
    /// are offered does not change the result; it is fixed anyway (units in
    /// processing order, then schools). Seats freed and not taken then follow
    /// the unit's `sisa_ke` to a unit of a later wave, as unfilled seats do.
    pub(super) fn reregister(&mut self, nomor: u32, du: &mut DaftarUlang, jejak: &mut Jejak) {
        let (prepared, sekolah, pendaftar) = (self.prepared, self.sekolah, self.pendaftar);
        let nu = prepared.units.len();
        let urutan_unit: Vec<usize> = {
            let mut pos = vec![usize::MAX; nu];
            let mut k = 0;
            for (_, units) in &prepared.tahap {
                for &u in units {
                    pos[u] = k;
                    k += 1;
                }
            }
            pos
        };
        let DaftarUlang {
            tercantum,
            tidak: tidak_du,
            naik,
            ..
        } = du;
        // A freed seat: unit, school, and for a unit split by area the area
        // (position among the school's areas) whose residents may take it.
        let area = |u: usize, s: u32, a: usize| {
            prepared.bagian(&prepared.units[u], &sekolah[s as usize], &pendaftar[a])
        };
        let mut antre: Vec<(usize, u32, Option<usize>)> = Vec::new();
        for (a, &listed) in tercantum.iter().enumerate() {
            if let (true, Some((s, u, w))) = (listed, self.diterima[a]) {
                if w != nomor || tidak_du[a] {
                    continue;
                }
                tidak_du[a] = true;
                let u = u as usize;
                let b = area(u, s, a);
                self.release(s, u, b);
                antre.push((u, s, b));
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
        antre.sort_by_key(|&(u, s, b)| (urutan_unit[u], s, b));
        let mut antre: std::collections::VecDeque<(usize, u32, Option<usize>)> = antre.into();
        let pilihan_ke = |a: usize, s: u32| pendaftar[a].pilihan.iter().position(|&x| x == s);
        while let Some((u, s, b)) = antre.pop_front() {
            let list = std::mem::take(&mut self.kursi[s as usize][u].cadangan);
            let mut diambil = None;
            for &c in &list {
                let c = c as usize;
                if tidak_du[c] || (b.is_some() && area(u, s, c) != b) {
                    continue;
                }
                let here = pilihan_ke(c, s).unwrap_or(usize::MAX);
                match self.diterima[c] {
                    None => {}
                    Some((s2, _, _)) if here < pilihan_ke(c, s2).unwrap_or(usize::MAX) => {}
                    Some(_) => continue,
                }
                diambil = Some(c);
                break;
            }
            self.kursi[s as usize][u].cadangan = list;
            let Some(c) = diambil else { continue };
            if let Some((s2, u2, _)) = self.diterima[c] {
                // Moving up frees the lower seat for its own reserve list.
                let u2 = u2 as usize;
                let b2 = area(u2, s2, c);
                self.release(s2, u2, b2);
                antre.push_back((u2, s2, b2));
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
            self.diterima[c] = Some((s, u as u32, prepared.units[u].tahap));
            naik[c] = true;
            let slot = &mut self.kursi[s as usize][u];
            slot.naik += 1;
            if let Some(g) = b.and_then(|b| slot.bagian.get_mut(b)) {
                g.naik += 1;
            }
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
        // Seats freed and taken by no reserve follow `sisa_ke` to a later wave.
        let wave: Vec<usize> = prepared
            .tahap
            .iter()
            .find(|(n, _)| *n == nomor)
            .map(|(_, units)| units.clone())
            .unwrap_or_default();
        for ui in wave {
            let later = prepared.units[ui]
                .sisa_ke
                .is_some_and(|t| prepared.units[t].tahap > nomor);
            if !later {
                continue;
            }
            for (si, row) in self.kursi.iter_mut().enumerate() {
                let kosong = row[ui].dilepas.saturating_sub(row[ui].naik);
                if kosong > 0 {
                    let moved = transfer(prepared, &sekolah[si], row, ui, kosong);
                    row[ui].dilepas_dialihkan = moved;
                }
            }
        }
    }

    /// A seat given up at re-registration, counted for the unit and its area.
    fn release(&mut self, s: u32, u: usize, b: Option<usize>) {
        let slot = &mut self.kursi[s as usize][u];
        slot.dilepas += 1;
        if let Some(g) = b.and_then(|b| slot.bagian.get_mut(b)) {
            g.dilepas += 1;
        }
    }
}
