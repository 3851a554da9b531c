//! Properties of the reference engine over generated inputs: everyone once,
//! seats respected, only chosen schools (`sifat`); stability against an oracle
//! written from the plan by hand (`stabil`); the ranking's long-stretch path
//! against the short one (`rentang_panjang`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod mesin;

use juknis::engine::{self, RunOptions, Status};
use mesin::*;

mod sifat {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn everyone_once_seats_respected_only_chosen_schools(
            mech in 0usize..3,
            caps in proptest::collection::vec(0u32..12, 1..4),
            apps in proptest::collection::vec((0u32..100, proptest::collection::vec(0usize..4, 0..3), 0u32..3000, 0usize..4), 0..40),
            per in proptest::bool::ANY,
            tidak_hadir in proptest::collection::vec(0usize..40, 0..4),
            ulang in proptest::bool::ANY,
            varian in proptest::bool::ANY,
        ) {
            let m = ["tunggal", "pilihan_pertama_diutamakan", "penerimaan_tertunda"][mech];
            // Domisili reopened in wave 2 for its leftover seats: applicant i
            // registers for the first round, the second (`domisili@2`), or both.
            let mut plan = if ulang { sma_dua_tahap(m, URUTAN) } else { sma(m, URUTAN) };
            let jalur_of = |i: usize| match (ulang, i % 3) {
                (false, _) | (true, 0) => "domisili",
                (true, 1) => "domisili@2",
                _ => "domisili;domisili@2",
            };
            // Domisili's seats split over the school's kelurahan L0–L2 (school
            // i lists i % 3 + 1 of them); applicants live in L0–L3.
            // School S0 with its own split (`kuota_sekolah`): domisili 40%, no
            // mutasi — at 30 seats more, where the splits differ.
            let mut caps = caps;
            if varian {
                caps[0] += 30;
                let mut jalur = plan.kursi.jalur.clone();
                for j in &mut jalur {
                    match j.id.as_str() {
                        "domisili" => j.persen = "40".into(),
                        "mutasi" => j.persen = "0".into(),
                        _ => {}
                    }
                }
                plan.kursi.varian = vec![juknis::plan::kursi::VarianKursi {
                    sekolah: vec!["S0".into()],
                    dasar: None,
                    jalur,
                }];
            }
            if per {
                for u in &mut plan.seleksi {
                    if u.id.starts_with("domisili") {
                        u.per = Some("kelurahan".into());
                    }
                }
            }
            let mut s = String::from("npsn,daya_tampung,wilayah,kelurahan\n");
            for (i, c) in caps.iter().enumerate() {
                let l: Vec<String> = (0..=i % 3).map(|k| format!("L{k}")).collect();
                s.push_str(&format!("S{i},{c},K1,{}\n", l.join(";")));
            }
            let mut p = String::from("nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n");
            let mut chosen: Vec<Vec<String>> = Vec::new();
            for (i, (score, ch, dist, area)) in apps.iter().enumerate() {
                let mut c: Vec<String> = Vec::new();
                for x in ch {
                    let id = format!("S{}", x % caps.len());
                    if !c.contains(&id) { c.push(id); }
                }
                let d: Vec<String> = c.iter().map(|_| dist.to_string()).collect();
                p.push_str(&format!("7000000{i:03},2009-01-01,2025-06-16 08:{:02},{},{},{},{score},K1;L{area},\n", i % 60, jalur_of(i), c.join(";"), d.join(";")));
                chosen.push(c);
            }
            let opsi = RunOptions {
                tidak_daftar_ulang: tidak_hadir
                    .iter()
                    .filter(|i| **i < apps.len())
                    .map(|i| format!("7000000{i:03}"))
                    .collect(),
                ..Default::default()
            };
            // A no-show who was not accepted stops the run: only accepted ones.
            let first = run(&plan, &s, &p, &RunOptions::default());
            let opsi = RunOptions {
                tidak_daftar_ulang: opsi
                    .tidak_daftar_ulang
                    .into_iter()
                    .filter(|n| first.status(n).status == Status::Diterima)
                    .collect(),
                ..Default::default()
            };
            let r = run(&plan, &s, &p, &opsi);
            prop_assert_eq!(r.hasil.pendaftar.len(), apps.len());
            let mut ids: Vec<&str> = r.hasil.pendaftar.iter().map(|x| x.nisn.as_str()).collect();
            ids.dedup();
            prop_assert_eq!(ids.len(), apps.len());
            for x in &r.hasil.ringkasan {
                prop_assert!(x.diterima <= x.kursi_awal + x.kursi_masuk);
            }
            // Every school's own seats add up to its capacity, under its split.
            for (si, cap) in caps.iter().enumerate() {
                let own: u32 = r.hasil.ringkasan.iter().filter(|x| x.sekolah as usize == si).map(|x| x.kursi_awal).sum();
                prop_assert_eq!(own, *cap);
            }
            // Each school's seats per jalur are its split's (the plan's
            // reference allocation): S0's own when it has one.
            for (si, cap) in caps.iter().enumerate() {
                let skema = plan.kursi.scheme_for(if varian && si == 0 { Some(0) } else { None });
                for (jalur, kursi, _) in skema.alokasi(*cap).jalur {
                    let got: u32 = r.hasil.ringkasan.iter()
                        .filter(|x| x.sekolah as usize == si && plan.seleksi[x.unit].jalur == jalur)
                        .map(|x| x.kursi_awal)
                        .sum();
                    prop_assert_eq!(got, kursi, "S{} {}", si, jalur);
                }
            }
            for x in &r.hasil.pendaftar {
                if let Some(sk) = x.sekolah {
                    let i: usize = x.nisn[7..].parse().unwrap();
                    prop_assert!(chosen[i].contains(&r.sekolah[sk as usize].npsn));
                }
            }
            // Split by area: the areas' seats add up to the unit's, no area
            // takes more than its share, and everyone accepted in domisili
            // lives in an area of that school that shares its seats, counted
            // there.
            // The second round has only what the first left or freed: at each
            // school the two rounds together admit no more than domisili's
            // own seats, and the second round's seats are exactly those.
            let dom = r.prepared.unit_index("domisili").unwrap() as usize;
            if let Some(dom2) = r.prepared.unit_index("domisili@2").map(usize::from) {
                for x in r.hasil.ringkasan.iter().filter(|x| x.unit == dom) {
                    let y = r.hasil.ringkasan.iter().find(|y| y.unit == dom2 && y.sekolah == x.sekolah).unwrap();
                    prop_assert_eq!(y.kursi_awal, 0);
                    prop_assert_eq!(y.kursi_masuk, x.sisa + x.dilepas_dialihkan);
                    prop_assert!(x.diterima + y.diterima <= x.kursi_awal);
                }
            }
            if per {
                for x in r.hasil.ringkasan.iter().filter(|x| x.unit == dom) {
                    let areas: Vec<_> = r.hasil.ringkasan_wilayah.iter()
                        .filter(|w| w.sekolah == x.sekolah && w.unit == dom)
                        .collect();
                    prop_assert_eq!(areas.len(), x.sekolah as usize % 3 + 1);
                    prop_assert_eq!(areas.iter().map(|w| w.kursi).sum::<u32>(), x.kursi_awal + x.kursi_masuk);
                    let max = areas.iter().map(|w| w.kursi).max().unwrap_or(0);
                    let min = areas.iter().map(|w| w.kursi).min().unwrap_or(0);
                    prop_assert!(max - min <= 1);
                    for w in &areas {
                        prop_assert!(w.diterima <= w.kursi);
                        let here = r.hasil.pendaftar.iter().filter(|y| {
                            let i: usize = y.nisn[7..].parse().unwrap();
                            y.status == Status::Diterima
                                && y.sekolah == Some(x.sekolah)
                                && y.unit == Some(dom)
                                && format!("L{}", apps[i].3) == w.kode
                        }).count();
                        prop_assert_eq!(here as u32, w.diterima);
                    }
                    prop_assert_eq!(areas.iter().map(|w| w.diterima).sum::<u32>(), x.diterima);
                }
            } else {
                prop_assert!(r.hasil.ringkasan_wilayah.is_empty());
            }
        }
    }
}

/// An oracle for assignment, independent of the engine: seats per school from
/// the plan's seat scheme, each applicant's priority at each school from the
/// plan's ranking written out by hand, and then the definition of a stable
/// assignment — no applicant prefers a school that has a free seat for them or
/// has accepted someone it ranks lower. Inputs are tie-heavy (five score
/// values, three distances, three birth dates, three registration minutes), and
/// some applicants are too old or live outside the zone.
mod stabil {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    struct Pelamar {
        skor: u32,
        jarak: u32,
        lahir: &'static str,
        menit: u32,
        dalam_zona: bool,
        pilihan: Vec<usize>,
    }

    fn pelamar() -> impl Strategy<Value = Pelamar> {
        (
            0u32..5,
            0u32..3,
            prop_oneof![
                Just("2003-01-01"),
                Just("2008-01-01"),
                Just("2009-01-01"),
                Just("2010-06-01")
            ],
            0u32..3,
            proptest::bool::weighted(0.9),
            proptest::collection::vec(0usize..4, 1..4),
        )
            .prop_map(|(skor, jarak, lahir, menit, dalam_zona, pilihan)| Pelamar {
                skor,
                jarak,
                lahir,
                menit,
                dalam_zona,
                pilihan,
            })
    }

    /// Is `tempat` (each applicant's school, if any) stable? `None` when it is,
    /// else why not.
    fn tidak_stabil(
        apps: &[Pelamar],
        pilihan: &[Vec<usize>],
        kursi: &[u32],
        tempat: &[Option<usize>],
        kunci: &dyn Fn(
            usize,
            usize,
        ) -> (usize, std::cmp::Reverse<u32>, u32, &'static str, u32, usize),
    ) -> Option<String> {
        let mut diterima: Vec<Vec<usize>> = vec![Vec::new(); kursi.len()];
        for (i, t) in tempat.iter().enumerate() {
            if let Some(s) = *t {
                diterima[s].push(i);
            }
        }
        for (i, a) in apps.iter().enumerate() {
            if !layak(a) {
                continue;
            }
            let sekarang = tempat[i]
                .and_then(|t| pilihan[i].iter().position(|&x| x == t))
                .unwrap_or(usize::MAX);
            for (n, &s) in pilihan[i].iter().enumerate() {
                if n >= sekarang {
                    break;
                }
                if (diterima[s].len() as u32) < kursi[s] {
                    return Some(format!(
                        "applicant {i} prefers school {s}, which has a free seat"
                    ));
                }
                if let Some(k) = diterima[s].iter().map(|&b| kunci(b, s)).max() {
                    if k > kunci(i, s) {
                        return Some(format!(
                            "applicant {i} outranks someone placed at school {s}: {:?} vs {k:?}",
                            kunci(i, s)
                        ));
                    }
                }
            }
        }
        None
    }

    fn layak(a: &Pelamar) -> bool {
        a.dalam_zona && a.lahir != "2003-01-01"
    }

    fn check_case(mech: usize, caps: &[u32], apps: &[Pelamar]) -> Result<(), TestCaseError> {
        let m = [
            "tunggal",
            "pilihan_pertama_diutamakan",
            "penerimaan_tertunda",
        ][mech];
        let plan = sma(m, URUTAN);
        // No carry-over in this plan: domisili's seats are its own.
        prop_assert!(plan.seleksi.iter().all(|u| u.sisa_ke.is_none()));
        let maks = plan.pilihan.maksimal as usize;
        let kursi: Vec<u32> = caps
            .iter()
            .map(|&c| {
                let a = plan.kursi.alokasi(c);
                a.jalur
                    .iter()
                    .find(|j| j.0 == "domisili")
                    .map_or(0, |j| j.1)
            })
            .collect();
        let mut s = String::from("npsn,daya_tampung,wilayah\n");
        for (i, c) in caps.iter().enumerate() {
            s.push_str(&format!("S{i},{c},K1\n"));
        }
        let mut p = String::from(
            "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n",
        );
        // The schools each applicant's choices count for, in order.
        let mut pilihan: Vec<Vec<usize>> = Vec::new();
        for (i, a) in apps.iter().enumerate() {
            let mut c: Vec<usize> = Vec::new();
            for &x in &a.pilihan {
                let x = x % caps.len();
                if !c.contains(&x) {
                    c.push(x);
                }
            }
            let ids: Vec<String> = c.iter().map(|x| format!("S{x}")).collect();
            let d: Vec<String> = c.iter().map(|_| a.jarak.to_string()).collect();
            let zona = if a.dalam_zona { "K1" } else { "K2" };
            p.push_str(&format!(
                "70000{i:05},{},2025-06-16 08:0{},domisili,{},{},{},{zona},\n",
                a.lahir,
                a.menit,
                ids.join(";"),
                d.join(";"),
                a.skor
            ));
            c.truncate(if m == "tunggal" { 1 } else { maks });
            pilihan.push(c);
        }
        let r = run(&plan, &s, &p, &RunOptions::default());
        // Where each applicant was placed, read from the result rows.
        let mut tempat: Vec<Option<usize>> = vec![None; apps.len()];
        for x in &r.hasil.pendaftar {
            let i: usize = x.nisn[5..].parse().unwrap();
            if x.status == Status::Diterima {
                let sk = x.sekolah.unwrap() as usize;
                let npsn = &r.sekolah[sk].npsn;
                tempat[i] = Some(npsn[1..].parse().unwrap());
            }
        }
        // Priority at school `s` (smaller is better): the choice number first
        // under pilihan_pertama_diutamakan, then the plan's ranking — score
        // highest, distance nearest, oldest, earliest registration — and the
        // NISN last.
        let kunci = |i: usize, s: usize| {
            let a = &apps[i];
            let nomor = pilihan[i]
                .iter()
                .position(|&x| x == s)
                .unwrap_or(usize::MAX);
            let nomor = if m == "pilihan_pertama_diutamakan" {
                nomor
            } else {
                0
            };
            (
                nomor,
                std::cmp::Reverse(a.skor),
                a.jarak,
                a.lahir,
                a.menit,
                i,
            )
        };
        // Seats recounted from the placements.
        let mut diterima: Vec<Vec<usize>> = vec![Vec::new(); caps.len()];
        for (i, t) in tempat.iter().enumerate() {
            if let Some(s) = *t {
                prop_assert!(layak(&apps[i]), "applicant {i} placed but not eligible");
                prop_assert!(
                    pilihan[i].contains(&s),
                    "applicant {i} placed at a school not among the choices that count"
                );
                diterima[s].push(i);
            }
        }
        for (s, d) in diterima.iter().enumerate() {
            prop_assert!(
                d.len() as u32 <= kursi[s],
                "school {s}: {} placed, {} seats",
                d.len(),
                kursi[s]
            );
        }
        // No blocking pair.
        if let Some(why) = tidak_stabil(apps, &pilihan, &kursi, &tempat, &kunci) {
            return Err(TestCaseError::fail(why));
        }
        // Tiny cases: every feasible assignment is tried; among the stable ones,
        // the engine's must be the one each applicant likes at least as well as
        // any other.
        if apps.len() <= 6 {
            let opsi: Vec<Vec<Option<usize>>> = apps
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let mut o = vec![None];
                    if layak(a) {
                        o.extend(pilihan[i].iter().map(|&s| Some(s)));
                    }
                    o
                })
                .collect();
            let nomor = |i: usize, t: Option<usize>| {
                t.and_then(|t| pilihan[i].iter().position(|&x| x == t))
                    .unwrap_or(usize::MAX)
            };
            let mut idx = vec![0usize; apps.len()];
            let mut stabil = 0;
            loop {
                let t: Vec<Option<usize>> = idx.iter().zip(&opsi).map(|(&k, o)| o[k]).collect();
                let muat = (0..caps.len())
                    .all(|s| t.iter().filter(|&&x| x == Some(s)).count() as u32 <= kursi[s]);
                if muat && tidak_stabil(apps, &pilihan, &kursi, &t, &kunci).is_none() {
                    stabil += 1;
                    for i in 0..apps.len() {
                        prop_assert!(
                            nomor(i, tempat[i]) <= nomor(i, t[i]),
                            "applicant {i} is better off in another stable assignment {t:?} than in the engine's {tempat:?}"
                        );
                    }
                }
                // Next assignment, odometer-style.
                let mut k = 0;
                while k < idx.len() {
                    idx[k] += 1;
                    if idx[k] < opsi[k].len() {
                        break;
                    }
                    idx[k] = 0;
                    k += 1;
                }
                if k == idx.len() {
                    break;
                }
            }
            prop_assert!(stabil >= 1, "no stable assignment found at all");
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn every_mechanism_gives_a_stable_assignment(
            mech in 0usize..3,
            caps in proptest::collection::vec(1u32..12, 1..5),
            apps in proptest::collection::vec(pelamar(), 0..45),
        ) {
            check_case(mech, &caps, &apps)?;
        }

        /// Tiny cases, where every assignment can be tried: the engine's is the
        /// stable one every applicant likes best (deferred acceptance's
        /// applicant-optimal result, which the key's NISN tie-break makes unique).
        #[test]
        fn tiny_cases_match_a_brute_force_search(
            mech in 0usize..3,
            caps in proptest::collection::vec(1u32..5, 1..4),
            apps in proptest::collection::vec(pelamar(), 0..7),
        ) {
            check_case(mech, &caps, &apps)?;
        }
    }
}

/// The ranking's long-stretch path (four or more criteria between distance
/// criteria) against the short one, on tie-heavy data: `nomor_pendaftaran`
/// is the applicant order, which is also the final tie-break, so appending it
/// — alone, or with a distance after it — must change nothing.
mod rentang_panjang {
    use super::*;
    use juknis::model::{Arah, KriteriaJenis};
    use juknis::plan::KriteriaPlan;
    use proptest::prelude::*;

    fn k(kriteria: KriteriaJenis, arah: Arah) -> KriteriaPlan {
        KriteriaPlan { kriteria, arah }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn appending_the_applicant_order_changes_nothing(
            caps in proptest::collection::vec(1u32..8, 1..4),
            apps in proptest::collection::vec(
                (0u32..4, 0usize..3, 0u32..3, proptest::collection::vec(0usize..4, 1..3), 0u32..3),
                1..40,
            ),
        ) {
            let mut s = String::from("npsn,daya_tampung,wilayah\n");
            for (i, c) in caps.iter().enumerate() {
                s.push_str(&format!("S{i},{c},K1\n"));
            }
            let lahir = ["2009-01-01", "2009-06-01", "2010-01-01"];
            let mut p = String::from(
                "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status,nomor_pendaftaran\n",
            );
            for (i, (skor, l, menit, pilihan, jarak)) in apps.iter().enumerate() {
                let mut c: Vec<String> = Vec::new();
                for x in pilihan {
                    let id = format!("S{}", x % caps.len());
                    if !c.contains(&id) {
                        c.push(id);
                    }
                }
                let d: Vec<String> = c.iter().map(|_| (1000 * (jarak + 1)).to_string()).collect();
                p.push_str(&format!(
                    "80000{i:05},{},2025-06-16 08:0{menit},domisili,{},{},{},K1,,{i}\n",
                    lahir[*l],
                    c.join(";"),
                    d.join(";"),
                    60 + 10 * skor
                ));
            }
            let base = sma("penerimaan_tertunda", URUTAN);
            let with = |urutan: Vec<KriteriaPlan>| {
                let mut plan = base.clone();
                for u in &mut plan.seleksi {
                    u.urutan = urutan.clone();
                }
                run(&plan, &s, &p, &RunOptions::default()).hasil.pendaftar
            };
            let nilai = k(KriteriaJenis::Skor("nilai".into()), Arah::Tertinggi);
            let usia = k(KriteriaJenis::Usia, Arah::Tertua);
            let waktu = k(KriteriaJenis::WaktuDaftar, Arah::Terawal);
            let nomor = k(KriteriaJenis::NomorPendaftaran, Arah::Terkecil);
            let jarak = k(KriteriaJenis::Jarak, Arah::Terdekat);
            // Registration numbers follow the NISN order here, so a ranking
            // that ends with them decides exactly as the engine's applicant
            // order does — but the ties it decides are no longer ties (`seri`).
            let unmarked = |mut v: Vec<engine::HasilPendaftar>| {
                for r in &mut v {
                    r.seri = false;
                }
                v
            };
            let short = with(vec![nilai.clone(), usia.clone(), waktu.clone()]);
            let long = with(vec![nilai.clone(), usia.clone(), waktu.clone(), nomor.clone()]);
            prop_assert!(long.iter().all(|r| !r.seri), "a unique last criterion leaves no tie");
            prop_assert_eq!(&unmarked(short.clone()), &long);
            let long_then_distance = with(vec![nilai, usia, waktu, nomor, jarak]);
            prop_assert_eq!(&unmarked(short), &long_then_distance);
        }
    }
}

/// The engine ranks by the plan's criteria in the plan's order and directions,
/// whatever they are: it never moves, adds or drops a criterion (the plan is
/// the contract, and an outside engine reads the same list). Any order and
/// direction of four criteria against a sort written out here, on tie-heavy
/// inputs; the applicant order (NISN) ends every tie, as docs/engine.md says.
mod urutan_rencana {
    use super::*;
    use juknis::plan::{Arah, KriteriaJenis, KriteriaPlan};
    use proptest::prelude::*;

    const LAHIR: [&str; 3] = ["2009-01-15", "2009-06-15", "2010-01-15"];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn the_engine_ranks_by_the_plans_criteria_in_the_plans_order(
            urutan in Just(vec![0usize, 1, 2, 3]).prop_shuffle(),
            arah in proptest::collection::vec(proptest::bool::ANY, 4),
            kapasitas in 3u32..30,
            apps in proptest::collection::vec((0u32..3, 0u32..3, 0usize..3, 0u32..3), 0..30),
        ) {
            let kriteria = |c: usize| -> KriteriaPlan {
                let (kriteria, naik, turun) = match c {
                    0 => (KriteriaJenis::Skor("nilai".into()), Arah::Tertinggi, Arah::Terendah),
                    1 => (KriteriaJenis::Jarak, Arah::Terdekat, Arah::Terjauh),
                    2 => (KriteriaJenis::Usia, Arah::Tertua, Arah::Termuda),
                    _ => (KriteriaJenis::WaktuDaftar, Arah::Terawal, Arah::Terawal),
                };
                KriteriaPlan { kriteria, arah: if arah[c] { naik } else { turun } }
            };
            let mut plan = sma("tunggal", URUTAN);
            for u in &mut plan.seleksi {
                if u.id == "domisili" {
                    u.urutan = urutan.iter().map(|&c| kriteria(c)).collect();
                }
            }
            let s = format!("npsn,daya_tampung,wilayah\nS0,{kapasitas},K1\n");
            let mut p = String::from("nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n");
            for (i, (skor, jarak, lahir, menit)) in apps.iter().enumerate() {
                p.push_str(&format!(
                    "71000{i:05},{},2025-06-16 08:0{menit},domisili,S0,{},{},K1,\n",
                    LAHIR[*lahir],
                    100 * (jarak + 1),
                    70 + skor
                ));
            }
            let r = run(&plan, &s, &p, &RunOptions::default());
            let dom = r.prepared.unit_index("domisili").unwrap() as usize;
            let kursi = r.hasil.ringkasan.iter().find(|x| x.unit == dom).unwrap().kursi_awal as usize;
            // Each criterion as a number where smaller ranks first.
            let nilai = |i: usize, c: usize| -> i64 {
                let (skor, jarak, lahir, menit) = apps[i];
                let v = match c {
                    0 => -i64::from(skor),
                    1 => i64::from(jarak),
                    2 => lahir as i64,
                    _ => i64::from(menit),
                };
                // Descending where the direction is the other one (registration
                // time has only `terawal`).
                if c < 3 && !arah[c] { -v } else { v }
            };
            let mut order: Vec<usize> = (0..apps.len()).collect();
            order.sort_by_key(|&i| (urutan.iter().map(|&c| nilai(i, c)).collect::<Vec<_>>(), i));
            let mut want: Vec<String> = order.iter().take(kursi).map(|i| format!("71000{i:05}")).collect();
            want.sort();
            prop_assert_eq!(r.accepted_at("S0"), want);
            // The rank in hasil.csv follows the same order.
            for (rank, &i) in order.iter().take(kursi).enumerate() {
                let row = r.status(&format!("71000{i:05}"));
                prop_assert_eq!(row.peringkat, Some(rank as u32 + 1));
            }
        }
    }
}

/// TK: each age group fills only its own seats, with children of its ages
/// (up to the birthday after its maximum) or exempt from the limits, at
/// schools they chose; everyone once.
mod tk {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn groups_fill_their_own_seats_with_their_ages(
            caps in proptest::collection::vec((0u32..5, 0u32..5), 1..4),
            apps in proptest::collection::vec((36i64..96, proptest::bool::ANY, proptest::collection::vec(0usize..4, 0..3), proptest::bool::ANY), 0..40),
        ) {
            let src = std::fs::read_to_string(common::berkas("juknis-examples/sesuai/kab-sidoarjo-tk-2025.juknis")).unwrap();
            let plan = common::plan_of(&src);
            let mut s = String::from("npsn,daya_tampung,daya_tampung_A,daya_tampung_B\n");
            for (i, (a, b)) in caps.iter().enumerate() {
                s.push_str(&format!("T{i},{},{a},{b}\n", a + b));
            }
            let mut p = String::from("nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,status\n");
            // Born on the 1st, so the age on 2025-07-01 is exactly `months`.
            for (i, (months, b, ch, disabilitas)) in apps.iter().enumerate() {
                let (y, m) = (2025 - (months + 5) / 12, 12 - (months + 5) % 12);
                let lahir = format!("{y}-{:02}-01", m.clamp(1, 12));
                let mut c: Vec<String> = Vec::new();
                for x in ch {
                    let id = format!("T{}", x % caps.len());
                    if !c.contains(&id) { c.push(id); }
                }
                let d: Vec<&str> = c.iter().map(|_| "100").collect();
                let g = if *b { "kelompok_B" } else { "kelompok_A" };
                let st = if *disabilitas { "disabilitas" } else { "" };
                p.push_str(&format!("72000{i:05},{lahir},2025-06-02 08:{:02},{g},{},{},{st}\n", i % 60, c.join(";"), d.join(";")));
            }
            let r = run(&plan, &s, &p, &RunOptions::default());
            prop_assert_eq!(r.hasil.pendaftar.len(), apps.len());
            for x in &r.hasil.ringkasan {
                let (a, b) = caps[x.sekolah as usize];
                let own = if r.prepared.units[x.unit].id == "kelompok_A" { a } else { b };
                prop_assert_eq!(x.kursi_awal, own);
                prop_assert!(x.diterima <= own);
            }
            for x in r.hasil.pendaftar.iter().filter(|x| x.status == Status::Diterima) {
                let i: usize = x.nisn[5..].parse().unwrap();
                let (months, b, _, disabilitas) = apps[i];
                // The birth date written above gives this age on 1 July 2025.
                let y = 2025 - (months + 5) / 12;
                let m = (12 - (months + 5) % 12).clamp(1, 12);
                let umur = (2025 - y) * 12 + (7 - m);
                let (lo, hi) = if b { (60, 72 + 11) } else { (48, 60 + 11) };
                prop_assert!(disabilitas || (lo..=hi).contains(&umur), "{} aged {umur}", x.nisn);
                let want = if b { "kelompok_B" } else { "kelompok_A" };
                prop_assert_eq!(r.prepared.units[x.unit.unwrap()].id.as_str(), want);
            }
        }
    }
}

/// SD: the age priority (7 years and over first) is a criterion the juknis
/// states and the plan carries (`usia_prioritas`); the engine applies it where
/// the plan puts it and never on its own. A plan ranking SD domisili by
/// distance alone — which the checker reports (`urutan.domisili.sd`), but an
/// engine must still run as written — admits the nearer younger child.
#[test]
fn sd_age_priority_is_applied_only_where_the_plan_puts_it() {
    use juknis::plan::{Arah, KriteriaJenis, KriteriaPlan};
    let src = std::fs::read_to_string(
        common::root().join("tests/golden/3-sd-prioritas-anak-guru/juknis.juknis"),
    )
    .unwrap();
    let plan = common::plan_of(&src);
    assert!(plan.usia.prioritas_bulan.is_some());
    let s = "npsn,daya_tampung,wilayah\nS1,5,K1\n";
    // Six and a half (younger, 100 m) against seven and a half (older, 900 m),
    // for domisili's seats at a school of 5 (4 domisili seats): five of each.
    let mut p = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,wilayah,status,sekolah_orang_tua\n",
    );
    for i in 0..5 {
        p.push_str(&format!(
            "950000000{i},2019-01-0{},2025-06-16 08:00,domisili,S1,100,K1,,\n",
            i + 1
        ));
        p.push_str(&format!(
            "950000001{i},2018-01-0{},2025-06-16 08:00,domisili,S1,900,K1,,\n",
            i + 1
        ));
    }
    let with = |urutan: Vec<KriteriaPlan>| {
        let mut plan = plan.clone();
        for u in &mut plan.seleksi {
            if u.id == "domisili" {
                u.urutan = urutan.clone();
            }
        }
        let r = run(&plan, s, &p, &RunOptions::default());
        let dom = r.prepared.unit_index("domisili").unwrap() as usize;
        let kursi = r
            .hasil
            .ringkasan
            .iter()
            .find(|x| x.unit == dom)
            .unwrap()
            .kursi_awal;
        (kursi, r.accepted_at("S1"))
    };
    let k = |kriteria, arah| KriteriaPlan { kriteria, arah };
    let (kursi, by_distance) = with(vec![k(KriteriaJenis::Jarak, Arah::Terdekat)]);
    assert_eq!(kursi, 4);
    assert!(
        by_distance.iter().all(|n| n.starts_with("950000000")),
        "distance alone: the four nearest, all younger: {by_distance:?}"
    );
    let (_, priority_first) = with(vec![
        k(KriteriaJenis::UsiaPrioritas, Arah::Dulu),
        k(KriteriaJenis::Jarak, Arah::Terdekat),
    ]);
    assert!(
        priority_first.iter().all(|n| n.starts_with("950000001")),
        "priority first: the four aged seven and over: {priority_first:?}"
    );
}
