//! Selection (`run`): waves in the plan's order (`tahap`); in each, every
//! unit's participants are ranked (`peringkat`) and assigned by the plan's
//! mechanism (`mekanisme`: single choice, first choice first, or
//! student-proposing deferred acceptance); unfilled seats move along
//! `sisa_ke` (`transfer`, capped by a jalur's `maksimal_persen`);
//! reserve lists and re-registration move-ups follow (`cadangan`); the result
//! rows and the per-school summary are built last (`hasil`). This file holds
//! the state that flows between those phases and the order they run in.

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
    /// Seats freed at re-registration, taken by no reserve and passed on along
    /// `sisa_ke` to a unit of a later wave.
    pub(super) dilepas_dialihkan: u32,
    /// A unit whose seats are split by area (`per`): one part per area of the
    /// school, in code order, set up when the unit's selection starts.
    pub(super) bagian: Vec<Bagian>,
}

/// One area's share of a (school, unit)'s seats.
#[derive(Default, Clone)]
pub(super) struct Bagian {
    pub(super) kursi: u32,
    pub(super) held: BinaryHeap<(K, u32)>,
    /// Accepted at selection (before re-registration).
    pub(super) diterima: u32,
    /// The last accepted: key and applicant.
    pub(super) terakhir: Option<(K, u32)>,
    pub(super) dilepas: u32,
    pub(super) naik: u32,
}

/// `total` seats split equally over `n` areas: ⌊total / n⌋ each, and the first
/// `total mod n` areas (in code order) one more.
pub(super) fn split_equally(total: u32, n: usize) -> Vec<u32> {
    let Ok(nn) = u32::try_from(n) else {
        return Vec::new();
    };
    if nn == 0 {
        return Vec::new();
    }
    (0..nn)
        .map(|i| total / nn + u32::from(i < total % nn))
        .collect()
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
/// sub-jalur of one jalur never changes the jalur's total. Returns how many
/// seats moved.
pub(super) fn transfer(
    prepared: &Prepared,
    sekolah: &Sekolah,
    row: &mut [Kursi],
    dari: usize,
    left: u32,
) -> u32 {
    let awal = left;
    let batas = prepared.skema(&sekolah.npsn).batas(sekolah.daya_tampung);
    let mut left = left;
    let mut asal = dari;
    let mut langkah = 0;
    while let Some(t) = prepared.units[asal].sisa_ke.filter(|t| *t != asal) {
        let jalur = prepared.units[t].jalur;
        let muat = if prepared.units[asal].jalur == jalur {
            left
        } else {
            let isi: u32 = row
                .iter()
                .zip(&prepared.units)
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
        if left == 0 || langkah > prepared.units.len() {
            break;
        }
        asal = t;
    }
    awal - left
}

/// Per-applicant facts that do not depend on the school, computed once in
/// parallel (order-independent): scores in fixed point and the age check.
pub(super) struct FactTable {
    skor: Vec<i64>,
    /// Age in months (see `usia`: a birth date is within 100 years of the
    /// reference date) and the age check.
    usia: Vec<(Option<i32>, Option<Gagal>)>,
    ns: usize,
}

impl FactTable {
    fn new(prepared: &Prepared, pendaftar: &[Pendaftar]) -> Self {
        let ns = prepared.skor.len();
        let mut skor = vec![KOSONG; pendaftar.len() * ns];
        if ns > 0 {
            skor.par_chunks_mut(ns)
                .zip(pendaftar.par_iter())
                .for_each(|(out, p)| prepared.skor_pendaftar(p, out));
        }
        let usia = pendaftar
            .par_iter()
            .map(|p| {
                let (umur, gagal) = usia(prepared, p);
                (umur.map(bulan), gagal)
            })
            .collect();
        FactTable { skor, usia, ns }
    }

    pub(super) fn get(&self, a: usize) -> Facts<'_> {
        Facts {
            skor: &self.skor[a * self.ns..a * self.ns + self.ns],
            umur: self.usia[a].0.map(i64::from),
            usia_gagal: self.usia[a].1,
        }
    }
}

/// Prints the time of each phase on standard error with `JUKNIS_WAKTU=1`.
pub(super) struct Fase {
    t0: std::time::Instant,
    on: bool,
}

impl Fase {
    fn new() -> Self {
        Fase {
            t0: std::time::Instant::now(),
            on: std::env::var_os("JUKNIS_WAKTU").is_some(),
        }
    }

    pub(super) fn mark(&self, nama: &str) {
        if self.on {
            eprintln!(
                "  {nama}: {:.3}{}",
                self.t0.elapsed().as_secs_f64(),
                super::memory_mb()
            );
        }
    }
}

/// What selection has decided so far, wave by wave.
pub(super) struct Seleksi<'a> {
    pub(super) prepared: &'a Prepared,
    pub(super) sekolah: &'a [Sekolah],
    pub(super) pendaftar: &'a [Pendaftar],
    pub(super) facts: FactTable,
    /// Seats per school and unit.
    pub(super) kursi: Vec<Vec<Kursi>>,
    /// (school, unit, wave) of each accepted applicant.
    pub(super) diterima: Vec<Option<(u32, u32, u32)>>,
    /// Why each unplaced applicant was not placed (the first reason met).
    pub(super) alasan: Vec<Alasan>,
    /// Each applicant's best reserve place: (school, unit, position).
    pub(super) cadangan_best: Vec<Option<(u32, u32, u32)>>,
    /// Whether the applicant took part in any wave.
    pub(super) ikut: Vec<bool>,
    /// Tied with another applicant at some school's last seat on every stated
    /// criterion (`ties_at_cut`).
    pub(super) seri: Vec<bool>,
}

impl<'a> Seleksi<'a> {
    fn new(prepared: &'a Prepared, sekolah: &'a [Sekolah], pendaftar: &'a [Pendaftar]) -> Self {
        let n = pendaftar.len();
        // A school excepted from the jalur gets no seats through the plan.
        let kursi = sekolah
            .iter()
            .map(|s| {
                let dikecualikan = prepared.dikecualikan(&s.npsn).is_some();
                let n = if dikecualikan { 0 } else { s.daya_tampung };
                prepared
                    .kursi_sekolah(n, &s.npsn)
                    .into_iter()
                    .zip(&prepared.units)
                    .map(|(awal, u)| {
                        // TK: an age group's seats are the school's own column.
                        let awal = match &u.kursi_kolom {
                            Some(k) if !dikecualikan => s
                                .kursi_kolom
                                .iter()
                                .find(|(c, _)| c == k)
                                .map_or(0, |(_, v)| *v),
                            _ => awal,
                        };
                        Kursi {
                            awal,
                            ..Default::default()
                        }
                    })
                    .collect()
            })
            .collect();
        Seleksi {
            prepared,
            sekolah,
            pendaftar,
            facts: FactTable::new(prepared, pendaftar),
            kursi,
            diterima: vec![None; n],
            alasan: vec![Alasan::Kosong; n],
            cadangan_best: vec![None; n],
            ikut: vec![false; n],
            seri: vec![false; n],
        }
    }

    /// Applicant `a`'s facts (the closure the ranking functions take).
    pub(super) fn fakta<'s>(&'s self) -> impl Fn(usize) -> Facts<'s> + Sync + 's {
        |a| self.facts.get(a)
    }

    /// Applicant `a`'s key at school `s` in unit `u`, as a person reads it.
    pub(super) fn show_key(&self, u: &Unit, s: usize, a: usize) -> String {
        show(
            self.prepared,
            self.sekolah,
            self.pendaftar,
            &self.fakta(),
            u,
            s,
            a,
        )
    }

    /// The explain trace's first lines: the applicant's units, choices,
    /// scores and age check.
    fn trace_applicant(&self, a: usize, jejak: &mut Jejak) {
        let (prepared, sekolah) = (self.prepared, self.sekolah);
        let p = &self.pendaftar[a];
        let f = self.facts.get(a);
        let skor: Vec<String> = prepared
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
            .map(|u| prepared.units[*u as usize].id.as_str())
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
                let g = g.teks(prepared);
                let (gi, ge) = (g.id, g.en);
                jejak.push(
                    a,
                    t!(
                        "syarat usia: tidak memenuhi — {gi}",
                        "age rule: not met — {ge}"
                    ),
                );
                if !prepared.bebas_sekolah.is_empty() {
                    let l = prepared.bebas_sekolah.join(", ");
                    jejak.push(
                        a,
                        t!(
                            "batas usia tidak berlaku di sekolah berlayanan {l}",
                            "the age limits do not apply at schools of kind {l}"
                        ),
                    );
                }
            }
            None => jejak.push(a, t!("syarat usia: memenuhi", "age rule: met")),
        }
    }

    /// Unit `ui`'s participants in wave `nomor`: those who list it and are not
    /// yet accepted (an applicant accepted in an earlier wave takes no part).
    fn participants(
        &mut self,
        ui: usize,
        mut peserta: Vec<usize>,
        nomor: u32,
        jejak: &mut Jejak,
    ) -> Vec<usize> {
        let u = &self.prepared.units[ui];
        if let Some(t) = jejak.target.filter(|t| peserta.binary_search(t).is_ok()) {
            if let Some((s, du, w)) = self.diterima[t] {
                let (npsn, uid, id) = (
                    &self.sekolah[s as usize].npsn,
                    &self.prepared.units[du as usize].id,
                    &u.id,
                );
                jejak.push(t, t!("tahap {nomor}, {id}: tidak ikut — sudah diterima di {npsn} ({uid}, tahap {w})", "wave {nomor}, {id}: skipped — already accepted at {npsn} ({uid}, wave {w})"));
            }
        }
        peserta.retain(|&a| self.diterima[a].is_none());
        for &a in &peserta {
            self.ikut[a] = true;
        }
        peserta
    }

    /// Every (participant, choice) key computed once, in parallel, into a flat
    /// array (`maks_pilihan` slots per participant): the assignment then reads
    /// memory in order. `buf` is reused across units, so its pages are touched
    /// once per run.
    fn choice_keys(
        &self,
        ui: usize,
        peserta: &[usize],
        pr: &Peringkat,
        mut buf: Vec<Pilihan>,
    ) -> Vec<Pilihan> {
        let (prepared, sekolah, pendaftar) = (self.prepared, self.sekolah, self.pendaftar);
        let u = &prepared.units[ui];
        let m = prepared.maks_pilihan;
        buf.clear();
        buf.resize(peserta.len() * m, (u32::MAX, Err(Gagal::LuarWilayah)));
        if m > 0 {
            buf.par_chunks_mut(m)
                .zip(peserta.par_iter())
                .enumerate()
                .for_each(|(qi, (row, &a))| {
                    let p = &pendaftar[a];
                    let f = self.facts.get(a);
                    for (k, (slot, &s)) in row.iter_mut().zip(&p.pilihan).enumerate() {
                        *slot = (s, fast_key(prepared, sekolah, p, f, pr, qi, u, k));
                    }
                });
        }
        buf
    }

    /// Participants of unit `ui` not accepted there join unit `t`'s, in NISN
    /// order, once each (`lanjut`): they compete there in the same wave.
    fn cascade(
        &self,
        ui: usize,
        t: usize,
        peserta: &[usize],
        into: &mut Vec<usize>,
        jejak: &mut Jejak,
    ) {
        let (dari, ke) = (&self.prepared.units[ui].id, &self.prepared.units[t].id);
        let lanjut: Vec<usize> = peserta
            .iter()
            .copied()
            .filter(|&a| self.diterima[a].is_none())
            .collect();
        if let Some(a) = jejak.target.filter(|a| lanjut.binary_search(a).is_ok()) {
            jejak.push(
                a,
                t!(
                    "{dari}: tidak diterima — ikut seleksi {ke} di tahap yang sama",
                    "{dari}: not accepted — competes in {ke} in the same wave"
                ),
            );
        }
        let mut merged = Vec::with_capacity(into.len() + lanjut.len());
        let (mut i, mut j) = (0, 0);
        while i < into.len() || j < lanjut.len() {
            let next = match (into.get(i), lanjut.get(j)) {
                (Some(&x), Some(&y)) if x == y => {
                    i += 1;
                    j += 1;
                    x
                }
                (Some(&x), Some(&y)) if x < y => {
                    i += 1;
                    x
                }
                (Some(_), Some(&y)) | (None, Some(&y)) => {
                    j += 1;
                    y
                }
                (Some(&x), None) => {
                    i += 1;
                    x
                }
                (None, None) => break,
            };
            merged.push(next);
        }
        *into = merged;
    }

    /// Each placed applicant's own key where they were placed — accepted, or at
    /// their best reserve place — as `kunci_terakhir` shows keys; computed in
    /// parallel, only with `run --kunci`.
    fn own_keys(&self) -> rustc_hash::FxHashMap<String, String> {
        (0..self.pendaftar.len())
            .into_par_iter()
            .filter_map(|a| {
                let (s, u) = match (self.diterima[a], self.cadangan_best[a]) {
                    (Some((s, u, _)), _) | (None, Some((s, u, _))) => (s as usize, u),
                    _ => return None,
                };
                let key = self.show_key(&self.prepared.units[u as usize], s, a);
                Some((self.pendaftar[a].nisn.to_string(), key))
            })
            .collect()
    }

    /// Unfilled seats of unit `ui` move along its `sisa_ke`, never past
    /// a jalur's maximum.
    fn carry_over(&mut self, ui: usize) {
        let u = &self.prepared.units[ui];
        if u.sisa_ke.is_some_and(|t| t != ui) {
            for (s, row) in self.kursi.iter_mut().enumerate() {
                let left = row[ui].sisa;
                if left > 0 {
                    transfer(self.prepared, &self.sekolah[s], row, ui, left);
                }
            }
        }
    }
}

/// One participant's choice: the school and its key there, or why the
/// participant is not eligible there. `u32::MAX` marks an unused slot.
pub(super) type Pilihan = (u32, Result<K, Gagal>);

/// Applicants of each unit, in NISN order: an applicant takes part in every
/// unit they list (the reader allows `jalur_per_tahap` per wave; an applicant
/// accepted in one leaves the wave's later units). Pieces of applicants are
/// dealt in parallel, then joined per unit in piece order, keeping the NISN order.
fn participants_per_unit(prepared: &Prepared, pendaftar: &[Pendaftar]) -> Vec<Vec<usize>> {
    let nu = prepared.units.len();
    const BAGIAN: usize = 1 << 15;
    let bagian: Vec<Vec<Vec<usize>>> = pendaftar
        .par_chunks(BAGIAN)
        .enumerate()
        .map(|(ci, ps)| {
            let mut v = vec![Vec::new(); nu];
            for (j, p) in ps.iter().enumerate() {
                for &ui in &p.jalur {
                    if let Some(list) = v.get_mut(ui as usize) {
                        list.push(ci * BAGIAN + j);
                    }
                }
            }
            v
        })
        .collect();
    (0..nu)
        .into_par_iter()
        .map(|ui| {
            let mut out = Vec::with_capacity(bagian.iter().map(|b| b[ui].len()).sum());
            for b in &bagian {
                out.extend_from_slice(&b[ui]);
            }
            out
        })
        .collect()
}

/// Run the plan. `pendaftar` must be sorted by NISN (as `read_pendaftar` returns them).
pub fn run(
    prepared: &Prepared,
    sekolah: &[Sekolah],
    bacaan: &PendaftarFile,
    opsi: &RunOptions,
) -> Hasil {
    let (akhir, mut hasil, target) = select(prepared, sekolah, bacaan, opsi);
    let pendaftar = &bacaan.pendaftar;
    let mut out: Vec<HasilPendaftar> = Vec::with_capacity(pendaftar.len() + bacaan.rusak.len());
    (0..pendaftar.len())
        .into_par_iter()
        .map(|a| akhir.row(prepared, a, pendaftar[a].nisn.clone()))
        .collect_into_vec(&mut out);
    finish_rows(&mut out, &bacaan.rusak, target, &mut hasil.jejak);
    hasil.pendaftar = out;
    hasil
}

/// `run`, consuming the applicants: each result row is built in the memory of
/// the applicant it replaces (the same allocation, in order), so a run touches
/// no fresh memory for its result rows. The same result as `run`.
pub fn run_owned(
    prepared: &Prepared,
    sekolah: &[Sekolah],
    bacaan: PendaftarFile,
    opsi: &RunOptions,
) -> Hasil {
    let (akhir, mut hasil, target) = select(prepared, sekolah, &bacaan, opsi);
    let PendaftarFile { pendaftar, rusak } = bacaan;
    let mut out: Vec<HasilPendaftar> = pendaftar
        .into_iter()
        .enumerate()
        .map(|(a, p)| akhir.row(prepared, a, p.nisn))
        .collect();
    finish_rows(&mut out, &rusak, target, &mut hasil.jejak);
    hasil.pendaftar = out;
    hasil
}

/// The selection: every wave, then re-registration; the result without its
/// rows, each applicant's final state, and the explained applicant.
fn select(
    prepared: &Prepared,
    sekolah: &[Sekolah],
    bacaan: &PendaftarFile,
    opsi: &RunOptions,
) -> (Akhir, Hasil, Option<usize>) {
    let pendaftar = &bacaan.pendaftar;
    let mut log = Vec::new();
    let target = opsi
        .jejak
        .as_ref()
        .and_then(|id| pendaftar.binary_search_by(|p| p.nisn.as_str().cmp(id)).ok());
    let mut jejak = Jejak {
        target,
        out: &mut log,
    };
    let fase = Fase::new();
    let mut st = Seleksi::new(prepared, sekolah, pendaftar);
    fase.mark("fakta");
    if let Some(a) = target {
        st.trace_applicant(a, &mut jejak);
    }
    let mut per_unit = participants_per_unit(prepared, pendaftar);
    fase.mark("per_unit");
    let total_tahap = prepared.tahap.len();
    let mut daftar_ulang = DaftarUlang::new(pendaftar, &opsi.tidak_daftar_ulang);
    let mut pilih_buf: Vec<Pilihan> = Vec::new();
    for (wi, (nomor, order)) in prepared.tahap.iter().enumerate() {
        let nomor = *nomor;
        if opsi.progres {
            eprintln!("tahap {nomor} ({}/{total_tahap})…", wi + 1);
        }
        for &ui in order {
            let peserta = st.participants(ui, std::mem::take(&mut per_unit[ui]), nomor, &mut jejak);
            fase.mark("peserta");
            let pr = peringkat_unit(
                prepared,
                pendaftar,
                &st.fakta(),
                &prepared.units[ui],
                &peserta,
            );
            fase.mark("peringkat");
            let pilih = st.choice_keys(ui, &peserta, &pr, std::mem::take(&mut pilih_buf));
            fase.mark("kunci");
            let first = st.assign(ui, nomor, &peserta, &pilih, &mut jejak);
            fase.mark("da");
            st.settle(ui, nomor, &peserta, &first, &mut jejak);
            fase.mark("settle");
            st.reserve_lists(ui, &peserta, &pilih, &pr, &fase, &mut jejak);
            st.carry_over(ui);
            if let Some(t) = prepared.units[ui].lanjut_ke {
                st.cascade(ui, t, &peserta, &mut per_unit[t], &mut jejak);
            }
            fase.mark("best");
            pilih_buf = pilih;
        }
        st.reregister(nomor, &mut daftar_ulang, &mut jejak);
        fase.mark("daftar ulang");
    }
    fase.mark("tahap");
    daftar_ulang.finish(pendaftar, &opsi.tidak_daftar_ulang);
    let ringkasan = st.ringkasan();
    let ringkasan_wilayah = st.ringkasan_wilayah();
    let daftar_cadangan = if opsi.daftar_cadangan {
        st.kursi
            .iter()
            .enumerate()
            .flat_map(|(s, row)| {
                row.iter()
                    .enumerate()
                    .filter(|(_, k)| !k.cadangan.is_empty())
                    .map(move |(u, k)| {
                        let nisn = k
                            .cadangan
                            .iter()
                            .map(|&a| pendaftar[a as usize].nisn.clone())
                            .collect();
                        (s as u32, u, nisn)
                    })
            })
            .collect()
    } else {
        Vec::new()
    };
    let kunci = if opsi.kunci {
        st.own_keys()
    } else {
        rustc_hash::FxHashMap::default()
    };
    let tidak_cocok = std::mem::take(&mut daftar_ulang.tak_cocok);
    let akhir = st.finish(daftar_ulang);
    fase.mark("hasil");
    let hasil = Hasil {
        pendaftar: Vec::new(),
        ringkasan,
        ringkasan_wilayah,
        jejak: log,
        rusak: bacaan.rusak.iter().map(|r| r.masalah.clone()).collect(),
        tidak_cocok,
        kunci,
        daftar_cadangan,
    };
    (akhir, hasil, target)
}
