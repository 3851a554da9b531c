//! Synthetic schools and applicants for a plan, from a seed: schools spread over
//! a region, applicants clustered around them, ages inside (and a few outside)
//! the limits, scores, choice lists of nearby schools, jalur in proportion to the
//! quotas. For tests and benchmarks; the same seed always gives the same files.

use super::Prepared;
use crate::plan::Plan;
use crate::plan::{Jenjang, KriteriaJenis};

/// splitmix64: small, fast, and the same on every platform.
pub struct Acak(u64);

impl Acak {
    pub fn new(benih: u64) -> Self {
        Acak(benih ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// Roughly normal (sum of uniforms).
    pub fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        let s: f64 = (0..6).map(|_| self.f()).sum::<f64>() - 3.0;
        mean + sd * s * std::f64::consts::SQRT_2
    }
}

#[derive(Debug, Clone)]
pub struct SynthOptions {
    pub sekolah: usize,
    pub pendaftar: usize,
    pub benih: u64,
}

struct SekolahSynth {
    npsn: String,
    lokasi: (f64, f64),
    sel: (i64, i64),
    dekat: Vec<usize>,
}

const PUSAT: (f64, f64) = (-7.5, 112.5);
const SEL: f64 = 0.05;

fn sel(p: (f64, f64)) -> (i64, i64) {
    ((p.0 / SEL).floor() as i64, (p.1 / SEL).floor() as i64)
}

fn kode(c: (i64, i64)) -> String {
    format!("w{}_{}", c.0, c.1)
}

/// Schools and applicants CSV text for `plan`.
pub fn generate(plan: &Plan, prepared: &Prepared, opsi: &SynthOptions) -> (String, String) {
    let mut r = Acak::new(opsi.benih);
    let rombel = match plan.juknis.jenjang {
        Jenjang::TK => 15,
        Jenjang::SD => 28,
        Jenjang::SMP => 32,
        Jenjang::SMA | Jenjang::SMK => 36,
    };
    // Spread over ~1.5° × 1.5°, about a province's densest part.
    let n_s = opsi.sekolah.max(1);
    let mut sekolah: Vec<SekolahSynth> = (0..n_s)
        .map(|i| {
            let lokasi = (PUSAT.0 + (r.f() - 0.5) * 1.5, PUSAT.1 + (r.f() - 0.5) * 1.5);
            SekolahSynth {
                npsn: format!("{}", 20_000_000 + i),
                lokasi,
                sel: sel(lokasi),
                dekat: Vec::new(),
            }
        })
        .collect();
    // The nearest schools of each school, for plausible choice lists.
    let pos: Vec<(f64, f64)> = sekolah.iter().map(|s| s.lokasi).collect();
    for (i, s) in sekolah.iter_mut().enumerate() {
        let mut d: Vec<(f64, usize)> = pos
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(j, p)| ((p.0 - s.lokasi.0).powi(2) + (p.1 - s.lokasi.1).powi(2), j))
            .collect();
        d.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        s.dekat = d.into_iter().take(8).map(|x| x.1).collect();
    }
    // Seats split by area: the zone's cells are also the areas that share them.
    let tingkat: Vec<&str> = prepared
        .perlu_wilayah_kursi
        .iter()
        .filter_map(|&l| crate::plan::TINGKAT_WILAYAH.get(l).copied())
        .collect();
    // TK: each age group's seats in its own column.
    let kelompok: Vec<&str> = plan
        .seleksi
        .iter()
        .filter_map(|u| u.kursi_kolom.as_deref())
        .collect();
    let mut sk = String::from("npsn,nama,daya_tampung,lintang,bujur,wilayah");
    for t in tingkat.iter().chain(&kelompok) {
        sk.push(',');
        sk.push_str(t);
    }
    sk.push('\n');
    for (i, s) in sekolah.iter().enumerate() {
        let n_rombel = 4 + r.below(9) as u32;
        let mut w = Vec::new();
        for dx in -2..=2 {
            for dy in -2..=2 {
                w.push(kode((s.sel.0 + dx, s.sel.1 + dy)));
            }
        }
        sk.push_str(&format!(
            "{},Sekolah Negeri {},{},{:.6},{:.6},{}",
            s.npsn,
            i + 1,
            n_rombel * rombel,
            s.lokasi.0,
            s.lokasi.1,
            w.join(";")
        ));
        for _ in &tingkat {
            sk.push(',');
            sk.push_str(&w.join(";"));
        }
        for (k, _) in kelompok.iter().enumerate() {
            sk.push_str(&format!(",{}", rombel * (1 + (i + k) as u32 % 2)));
        }
        sk.push('\n');
    }
    // Jalur shares follow the quotas.
    let units: Vec<(usize, f64)> = plan
        .seleksi
        .iter()
        .enumerate()
        .map(|(i, u)| {
            (
                i,
                u.kuota.to_string().parse::<f64>().unwrap_or(0.0).max(0.5),
            )
        })
        .collect();
    let total: f64 = units.iter().map(|u| u.1).sum();
    let max_tahap = plan.tahap.iter().map(|t| t.nomor).max().unwrap_or(1);
    let acuan = super::data::hari(&plan.usia.tanggal_acuan).unwrap_or(20_270);
    let (lo_m, hi_m): (i64, i64) = match plan.juknis.jenjang {
        Jenjang::TK => (48, 72),
        Jenjang::SD => (70, 90),
        Jenjang::SMP => (138, 162),
        Jenjang::SMA | Jenjang::SMK => (174, 204),
    };
    let daftar_mulai: Vec<(u32, i64)> = plan
        .tahap
        .iter()
        .map(|t| {
            let d = t
                .jadwal
                .iter()
                .find(|j| j.tahapan == crate::plan::Tahapan::Pendaftaran)
                .and_then(|j| super::data::hari(j.mulai.get(..10).unwrap_or("")))
                .unwrap_or(acuan - 20);
            (t.nomor, d * 86_400 + 8 * 3600)
        })
        .collect();
    let mut head =
        String::from("nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,lintang,bujur,wilayah,status");
    if prepared.perlu_sekolah_ortu {
        head.push_str(",sekolah_orang_tua");
    }
    for k in &prepared.kolom_angka {
        head.push(',');
        head.push_str(k);
    }
    for (t, _) in &prepared.poin {
        head.push_str(&format!(",{t}_kategori,{t}_peringkat"));
    }
    // Only when a ranking reads them, so other plans' data stay as they were.
    if prepared.perlu_verifikasi {
        head.push_str(",waktu_verifikasi");
    }
    if prepared.perlu_nomor {
        head.push_str(",nomor_pendaftaran");
    }
    head.push('\n');
    let mut out = String::with_capacity(opsi.pendaftar * 140 + head.len());
    out.push_str(&head);
    let poin_keys: Vec<Vec<(String, String)>> = prepared
        .poin
        .iter()
        .map(|(_, m)| m.keys().cloned().collect())
        .collect();
    let uses_distance_first = |ui: usize| {
        plan.seleksi[ui]
            .urutan
            .first()
            .is_some_and(|k| k.kriteria == KriteriaJenis::Jarak)
    };
    for i in 0..opsi.pendaftar {
        let home_s = r.below(sekolah.len());
        let base = sekolah[home_s].lokasi;
        let home = (base.0 + r.normal(0.0, 0.03), base.1 + r.normal(0.0, 0.03));
        // Choose the primary unit by quota share.
        let mut x = r.f() * total;
        let mut ui = units.last().map(|u| u.0).unwrap_or(0);
        for (u, w) in &units {
            if x < *w {
                ui = *u;
                break;
            }
            x -= w;
        }
        let unit = &plan.seleksi[ui];
        let mut jalur = vec![unit.id.clone()];
        // Many who try an early wave fall back on a later one.
        if unit.tahap < max_tahap && r.f() < 0.6 {
            let later: Vec<&crate::plan::UnitSeleksi> = plan
                .seleksi
                .iter()
                .filter(|u| {
                    u.tahap > unit.tahap
                        && u.syarat
                            .iter()
                            .all(|s| matches!(s, crate::plan::Syarat::DalamWilayah))
                })
                .collect();
            if !later.is_empty() {
                let l = later[r.below(later.len())];
                if !jalur.contains(&l.id) {
                    jalur.push(l.id.clone());
                }
            }
        }
        let mut status: Vec<String> = Vec::new();
        for s in &unit.syarat {
            match s {
                crate::plan::Syarat::Status(n) | crate::plan::Syarat::Lain(n) => {
                    status.push(n.clone())
                }
                // One of the alternatives, in turn.
                crate::plan::Syarat::SalahSatu(ns) if !ns.is_empty() => {
                    status.push(ns[i % ns.len()].clone())
                }
                _ => {}
            }
        }
        let n_pilihan = prepared.maks_pilihan.min(1 + sekolah[home_s].dekat.len());
        let mut pilihan = vec![home_s];
        while pilihan.len() < n_pilihan {
            let c = sekolah[home_s].dekat[r.below(sekolah[home_s].dekat.len())];
            if !pilihan.contains(&c) {
                pilihan.push(c);
            } else if r.f() < 0.2 {
                break;
            }
        }
        // Distance-first jalur draw applicants who live close by.
        let home = if uses_distance_first(ui) {
            (
                base.0 + (home.0 - base.0) * 0.5,
                base.1 + (home.1 - base.1) * 0.5,
            )
        } else {
            home
        };
        // 1 in 200 is outside the age limits, so rejections are exercised.
        // A TK age group: ages across its range (a year past its maximum
        // included, as the limit holds until the next birthday).
        let (lo_m, hi_m) = plan.seleksi[ui]
            .syarat
            .iter()
            .find_map(|s| match s {
                crate::plan::Syarat::Kelompok {
                    minimal_bulan,
                    maksimal_bulan,
                    ..
                } => Some((i64::from(*minimal_bulan), i64::from(*maksimal_bulan) + 12)),
                _ => None,
            })
            .unwrap_or((lo_m, hi_m));
        let umur = if r.below(200) == 0 {
            hi_m + 30
        } else {
            lo_m + r.below((hi_m - lo_m).max(1) as usize) as i64
        };
        let lahir = acuan - umur * 3044 / 100 - r.below(28) as i64;
        let (y, m, d) = super::civil(lahir);
        let tahap0 = plan.seleksi[ui].tahap;
        let mulai = daftar_mulai
            .iter()
            .find(|t| t.0 == tahap0)
            .map(|t| t.1)
            .unwrap_or(acuan * 86_400);
        let w = mulai + r.below(2 * 86_400) as i64;
        let (wy, wm, wd) = super::civil(w.div_euclid(86_400));
        let sec = w.rem_euclid(86_400);
        // A limit on choices outside the zone (`luar_wilayah maksimal N`): the
        // first N outside it are kept, later ones dropped.
        if let Some(maks) = prepared.maks_luar_wilayah {
            let mut luar = 0;
            let c = sel(home);
            pilihan.retain(|&s| {
                let sk = &sekolah[s];
                let inside = match prepared.radius_m {
                    Some(r) => super::jarak_m(home, sk.lokasi) <= r,
                    None => (c.0 - sk.sel.0).abs() <= 2 && (c.1 - sk.sel.1).abs() <= 2,
                };
                if !inside {
                    luar += 1;
                }
                inside || luar <= maks
            });
        }
        let pil: Vec<&str> = pilihan.iter().map(|s| sekolah[*s].npsn.as_str()).collect();
        out.push_str(&format!(
            "{:010},{y:04}-{m:02}-{d:02},{wy:04}-{wm:02}-{wd:02} {:02}:{:02}:{:02},{},{},{:.6},{:.6},{},{}",
            1_000_000_000u64 + i as u64,
            sec / 3600,
            sec % 3600 / 60,
            sec % 60,
            jalur.join(";"),
            pil.join(";"),
            home.0,
            home.1,
            kode(sel(home)),
            status.join(";"),
        ));
        if prepared.perlu_sekolah_ortu {
            // A teacher's child applies where the parent teaches: the first choice.
            out.push(',');
            if let Some(first) = pil
                .first()
                .filter(|_| status.iter().any(|s| s == "anak_guru"))
            {
                out.push_str(first);
            }
        }
        for _ in &prepared.kolom_angka {
            let v = r.normal(80.0, 7.0).clamp(0.0, 100.0);
            out.push_str(&format!(",{v:.2}"));
        }
        for keys in &poin_keys {
            if !keys.is_empty() && r.f() < 0.25 {
                let (k, p) = &keys[r.below(keys.len())];
                out.push_str(&format!(",{k},{p}"));
            } else {
                out.push_str(",,");
            }
        }
        if prepared.perlu_verifikasi {
            // Documents are verified within a day of registering.
            let v = w + r.below(86_400) as i64;
            out.push(',');
            out.push_str(&super::datetime(v));
        }
        if prepared.perlu_nomor {
            // Numbered in registration order: here, row order.
            out.push_str(&format!(",{}", i + 1));
        }
        out.push('\n');
    }
    (sk, out)
}
