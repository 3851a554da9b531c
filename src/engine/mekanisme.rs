//! Assignment within one unit of one wave, by the plan's `mekanisme`:
//! student-proposing deferred acceptance, where the school's preference is the
//! participant's key (`peringkat`). Under `pilihan_pertama_diutamakan` the key
//! starts with the choice rank, which makes the outcome the Boston mechanism's;
//! with one choice (`satu_pilihan`) there is nothing to defer. Then `settle`
//! fixes who is accepted, in rank order, and why each other participant is not.
//! Reads the plan's `maks_pilihan` and the unit's seats (`kursi`).

use super::*;

impl Seleksi<'_> {
    /// Deferred acceptance over `pilih` (`maks_pilihan` slots per participant);
    /// the accepted stay in each (school, unit)'s `held` heap. Returns each
    /// participant's first reason for not being held somewhere.
    pub(super) fn assign(
        &mut self,
        ui: usize,
        nomor: u32,
        peserta: &[usize],
        pilih: &[Pilihan],
        jejak: &mut Jejak,
    ) -> Vec<Alasan> {
        let prepared = self.prepared;
        let sekolah = self.sekolah;
        let u = &prepared.units[ui];
        let m = prepared.maks_pilihan;
        // Seats split by area: each area's share, competed for by its residents.
        if let Some(l) = u.per {
            for (row, sk) in self.kursi.iter_mut().zip(sekolah) {
                let slot = &mut row[ui];
                let n = sk.wilayah_kursi_id.get(l).map_or(0, Vec::len);
                slot.bagian = split_equally(slot.total(), n)
                    .into_iter()
                    .map(|kursi| Bagian {
                        kursi,
                        ..Default::default()
                    })
                    .collect();
            }
        }
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
                                (&sekolah[s].npsn, &u.id, k + 1, g.teks(prepared));
                            let (gi, ge) = (g.id, g.en);
                            jejak.push(a, t!("tahap {nomor}, {id}: pilihan {kk} {npsn}: tidak memenuhi syarat — {gi}", "wave {nomor}, {id}: choice {kk} {npsn}: not eligible — {ge}"));
                        }
                        if first[qi] == Alasan::Kosong {
                            first[qi] = Alasan::Tidak(s as u32, g);
                        }
                        continue;
                    }
                };
                let area = prepared.bagian(u, &sekolah[s], &self.pendaftar[a]);
                let kalah = match area {
                    Some(b) => Alasan::KalahBagian(s as u32, ui, b as u32),
                    None => Alasan::Kalah(s as u32, ui),
                };
                let slot = &mut self.kursi[s][ui];
                let total = slot.total() as usize;
                let (held, cap) = match area.and_then(|b| slot.bagian.get_mut(b)) {
                    Some(g) => (&mut g.held, g.kursi as usize),
                    None => (&mut slot.held, total),
                };
                // Held entries carry the participant's position, not the
                // applicant: `peserta` is sorted, so the order is the same, and
                // a displaced participant needs no search.
                let entry = (key, qi as u32);
                let admit = if held.len() < cap {
                    true
                } else if held.peek().is_some_and(|w| entry < *w) {
                    if let Some((_, oq)) = held.pop() {
                        let oq = oq as usize;
                        let out = peserta[oq];
                        if jejak.on(out) {
                            let (npsn, id) = (&sekolah[s].npsn, &u.id);
                            jejak.push(out, t!("tahap {nomor}, {id}: tergeser di {npsn} oleh pendaftar berperingkat lebih baik", "wave {nomor}, {id}: displaced at {npsn} by a better-ranked applicant"));
                        }
                        if first[oq] == Alasan::Kosong {
                            first[oq] = kalah;
                        }
                        queue.push_back(oq as u32);
                    }
                    true
                } else {
                    false
                };
                if admit {
                    held.push(entry);
                    if jejak.on(a) {
                        let (npsn, id, kk) = (&sekolah[s].npsn, &u.id, k + 1);
                        // In a unit split by area: which area's seats.
                        let di = area
                            .map(|b| {
                                let kode = kode_bagian(prepared, sekolah, s as u32, ui, b as u32);
                                let w = u
                                    .per
                                    .and_then(|l| crate::plan::TINGKAT_WILAYAH.get(l))
                                    .copied()
                                    .unwrap_or("");
                                format!(" ({w} {kode})")
                            })
                            .unwrap_or_default();
                        jejak.push(
                            a,
                            t!(
                                "tahap {nomor}, {id}: pilihan {kk} {npsn}{di}: ditampung sementara",
                                "wave {nomor}, {id}: choice {kk} {npsn}{di}: held"
                            ),
                        );
                    }
                    break;
                }
                if jejak.on(a) {
                    let last = held.peek().map(|w| peserta[w.1 as usize]);
                    let last = last
                        .map(|b| self.show_key(u, s, b))
                        .unwrap_or_else(|| "—".into());
                    let mine = self.show_key(u, s, a);
                    let (npsn, id, kk) = (&sekolah[s].npsn, &u.id, k + 1);
                    jejak.push(a, t!("tahap {nomor}, {id}: pilihan {kk} {npsn}: kalah peringkat (kunci {mine}; terakhir ditampung {last})", "wave {nomor}, {id}: choice {kk} {npsn}: outranked (key {mine}; last held {last})"));
                }
                if first[qi] == Alasan::Kosong {
                    first[qi] = if cap == 0 {
                        Alasan::TanpaKursi(s as u32, ui)
                    } else {
                        kalah
                    };
                }
            }
        }
        first
    }

    /// The held become accepted, in rank order; each other participant keeps
    /// its first reason (`first`), or "no choice" when it listed none.
    pub(super) fn settle(
        &mut self,
        ui: usize,
        nomor: u32,
        peserta: &[usize],
        first: &[Alasan],
        jejak: &mut Jejak,
    ) {
        let u = &self.prepared.units[ui];
        for (si, row) in self.kursi.iter_mut().enumerate() {
            let slot = &mut row[ui];
            let mut acc: Vec<(K, u32)> = std::mem::take(&mut slot.held).into_vec();
            let mut sisa = slot.total().saturating_sub(acc.len() as u32);
            if !slot.bagian.is_empty() {
                sisa = 0;
                for g in &mut slot.bagian {
                    let held = std::mem::take(&mut g.held);
                    g.diterima = held.len() as u32;
                    g.terakhir = held
                        .iter()
                        .max()
                        .map(|&(k, qi)| (k, peserta[qi as usize] as u32));
                    sisa += g.kursi.saturating_sub(g.diterima);
                    acc.extend(held.into_vec());
                }
            }
            acc.sort_unstable();
            for (_, a) in &mut acc {
                *a = peserta[*a as usize] as u32;
                self.diterima[*a as usize] = Some((si as u32, ui as u32, nomor));
            }
            slot.sisa = sisa;
            slot.diterima = acc;
        }
        for (qi, &a) in peserta.iter().enumerate() {
            if let Some((s, _, _)) = self.diterima[a] {
                if jejak.on(a) {
                    let (npsn, id) = (&self.sekolah[s as usize].npsn, &u.id);
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
            self.alasan[a] = if first[qi] == Alasan::Kosong && self.pendaftar[a].pilihan.is_empty()
            {
                Alasan::TanpaPilihan
            } else {
                first[qi]
            };
        }
    }
}
