//! Selection (`jalankan`): waves in the plan's order; in each, every unit's
//! participants are ranked and assigned by the plan's mechanism (single
//! choice, first choice first, or student-proposing deferred acceptance);
//! unfilled seats move along `sisa_ke` (`alihkan`, capped by a jalur's
//! maximum); reserve lists (`cadangan`) and re-registration move-ups follow.

use super::*;

/// One (school, unit) during selection.
#[derive(Default, Clone)]
pub(super) struct Kursi {
    pub(super) awal: u32,
    pub(super) masuk: u32,
    pub(super) held: BinaryHeap<(K, u32)>,
    pub(super) diterima: Vec<(K, u32)>,
    /// Reserve list in rank order: applicant indexes.
    pub(super) cadangan: Vec<u32>,
    pub(super) sisa: u32,
    pub(super) naik: u32,
    /// Seats released at re-registration: no-shows, and applicants who moved up
    /// to a school they chose higher.
    pub(super) dilepas: u32,
}

impl Kursi {
    pub(super) fn total(&self) -> u32 {
        self.awal + self.masuk
    }
}

/// Move `left` unfilled seats of unit `dari` at one school along its `sisa_ke`.
/// A jalur with a national maximum (mutasi: 5%, FAQ 17) takes no more than its
/// maximum at this school; what it cannot take goes on along that unit's own
/// `sisa_ke`, and stays unfilled where the chain ends. Moving seats between
/// sub-jalur of one jalur never changes the jalur's total.
pub(super) fn alihkan(skema: &Skema, daya_tampung: u32, row: &mut [Kursi], dari: usize, left: u32) {
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
