//! The reference engine on cases worked out by hand (FAQ 74; two schools and a
//! dozen applicants under each mechanism; re-registration), on the bundled Jawa
//! Timur plan with synthetic data, and on input errors.
// Tests may unwrap and panic: a failure here is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use juknis::diagnostic::Lang;
use juknis::engine::{self, data, output, ModusRusak, Prepared, RunOptions, Status};

use common::plan_of;
mod mesin;
use mesin::*;

#[test]
fn faq_74_sma_x_capacity_100_domisili_35_seats_50_applicants() {
    // SMA X, capacity 100, domisili 35% = 35 seats; 50 apply; rank by academic
    // score, then distance, then age (FAQ 74).
    let plan = sma("tunggal", "nilai tertinggi, jarak terdekat, usia tertua");
    let sekolah = "npsn,nama,daya_tampung,wilayah\nX,SMA X,100,K1\n";
    let mut rows = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n",
    );
    let mut expect: Vec<(i64, u32, String, String)> = Vec::new();
    for i in 0..50u32 {
        // Scores repeat every 7 applicants, distances every 3, birthdays differ:
        // every tie-break is exercised.
        let score = 70 + (i % 7) as i64 * 3;
        let dist = 500 + (i % 3) * 250;
        let lahir = format!("2009-{:02}-{:02}", 1 + i % 12, 1 + i % 27);
        let nisn = format!("8000000{i:03}");
        rows.push_str(&format!(
            "{nisn},{lahir},2025-06-16 08:00,domisili,X,{dist},{score},K1,\n"
        ));
        expect.push((-score, dist, lahir, nisn));
    }
    expect.sort();
    let r = run(&plan, sekolah, &rows, &RunOptions::default());
    assert_eq!(
        r.prepared.kursi_sekolah(100, "")[0],
        35,
        "domisili seats at capacity 100"
    );
    let want: Vec<String> = expect.iter().take(35).map(|e| e.3.clone()).collect();
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(r.accepted_at("X"), want_sorted);
    // Ranks follow the same order; the 36th is first on the reserve list.
    for (rank, nisn) in want.iter().enumerate() {
        assert_eq!(r.status(nisn).peringkat, Some(rank as u32 + 1), "{nisn}");
    }
    let first_reserve = r.status(&expect[35].3);
    assert_eq!(first_reserve.status, Status::Cadangan);
    assert_eq!(first_reserve.cadangan.map(|c| c.2), Some(1));
    let summary = &r.hasil.ringkasan[0];
    assert_eq!(
        (summary.kursi_awal, summary.diterima, summary.sisa),
        (35, 35, 0)
    );
}

#[test]
fn first_choice_first_two_schools_by_hand() {
    let plan = sma("pilihan_pertama_diutamakan", URUTAN);
    let (s, p) = dua_sekolah();
    let r = run(&plan, s, &p, &RunOptions::default());
    assert_eq!(r.prepared.kursi_sekolah(10, "")[0], 4);
    assert_eq!(r.prepared.kursi_sekolah(6, "")[0], 2);
    // A ranks everyone who put it first before anyone who put it second:
    // P01 90, P12 85 (300 m), P02 85 (500 m), P03 80 fill its 4 seats. B: P10 99,
    // P06 95. P08 (88) lost B and cannot displace A's first-choice applicants.
    assert_eq!(
        r.accepted_at("A"),
        ["9000000001", "9000000002", "9000000003", "9000000012"]
    );
    assert_eq!(r.accepted_at("B"), ["9000000006", "9000000010"]);
    assert_eq!(r.status("9000000012").peringkat, Some(2));
    assert_eq!(r.status("9000000002").peringkat, Some(3));
    // Reserve lists — A: P04, P05, P09, P11 (first choice), then P08, P07;
    // B: P08, P07, then P04, P05, P09, P11. Each applicant shows the best place.
    let pos = |n: &str| {
        let c = r.status(n).cadangan.unwrap();
        (r.sekolah[c.0 as usize].npsn.clone(), c.2)
    };
    assert_eq!(pos("9000000004"), ("A".into(), 1));
    assert_eq!(pos("9000000005"), ("A".into(), 2));
    assert_eq!(pos("9000000008"), ("B".into(), 1));
    assert_eq!(pos("9000000007"), ("B".into(), 2));
    assert_eq!(pos("9000000011"), ("A".into(), 4));
}

#[test]
fn deferred_acceptance_two_schools_by_hand() {
    let plan = sma("penerimaan_tertunda", URUTAN);
    let (s, p) = dua_sekolah();
    let r = run(&plan, s, &p, &RunOptions::default());
    // Without the first-choice priority, P08 (88) rejected by B takes a seat at
    // A and pushes out P03 (80), whose only choice was A.
    assert_eq!(
        r.accepted_at("A"),
        ["9000000001", "9000000002", "9000000008", "9000000012"]
    );
    assert_eq!(r.accepted_at("B"), ["9000000006", "9000000010"]);
    assert_eq!(r.status("9000000003").status, Status::Cadangan);
}

#[test]
fn single_choice_ignores_second_choices() {
    let plan = sma("tunggal", URUTAN);
    let (s, p) = dua_sekolah();
    let r = run(&plan, s, &p, &RunOptions::default());
    assert_eq!(
        r.accepted_at("A"),
        ["9000000001", "9000000002", "9000000003", "9000000012"]
    );
    assert_eq!(r.accepted_at("B"), ["9000000006", "9000000010"]);
    // P08 applied only to B under `tunggal`, so it is on B's list alone.
    let c = r.status("9000000008").cadangan.unwrap();
    assert_eq!((r.sekolah[c.0 as usize].npsn.as_str(), c.2), ("B", 1));
}

#[test]
fn no_show_seat_goes_to_the_first_reserve() {
    let plan = sma("pilihan_pertama_diutamakan", URUTAN);
    let (s, p) = dua_sekolah();
    let opsi = RunOptions {
        tidak_daftar_ulang: vec!["9000000012".into()],
        ..Default::default()
    };
    let r = run(&plan, s, &p, &opsi);
    assert_eq!(r.status("9000000012").status, Status::TidakDaftarUlang);
    let p04 = r.status("9000000004");
    assert_eq!(
        (p04.status, p04.naik_dari_cadangan),
        (Status::Diterima, true)
    );
    assert_eq!(r.school_of("9000000004"), Some("A"));
    assert_eq!(
        r.accepted_at("A"),
        ["9000000001", "9000000002", "9000000003", "9000000004"]
    );
}

#[test]
fn explain_tells_the_story_of_one_applicant() {
    let plan = sma("pilihan_pertama_diutamakan", URUTAN);
    let (s, p) = dua_sekolah();
    let opsi = RunOptions {
        jejak: Some("9000000008".into()),
        ..Default::default()
    };
    let r = run(&plan, s, &p, &opsi);
    let text: Vec<&str> = r.hasil.jejak.iter().map(|t| t.en.as_str()).collect();
    let all = text.join("\n");
    // P08 (88) is held at B until P10 (99) and P06 (95) arrive, then A ranks
    // its first-choice applicants first.
    assert!(all.contains("choice 1 B: held"), "{all}");
    assert!(all.contains("displaced at B"), "{all}");
    assert!(all.contains("choice 2 A: outranked"), "{all}");
    assert!(all.contains("final result: cadangan"), "{all}");
}

#[test]
fn output_is_the_same_whatever_the_row_order_or_thread_count() {
    let plan = plan_of(
        &std::fs::read_to_string(common::berkas(
            "juknis-examples/sesuai/jatim-sma-2025.juknis",
        ))
        .unwrap(),
    );
    let prepared = Prepared::from_plan(&plan).unwrap();
    let (s, p) = engine::synth::generate(
        &plan,
        &prepared,
        &engine::synth::SynthOptions {
            sekolah: 25,
            pendaftar: 3000,
            benih: 7,
        },
    );
    let render = |s: &str, p: &str, threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let r = run(&plan, s, p, &RunOptions::default());
            (
                output::hasil_csv(&r.hasil, &r.prepared, &r.sekolah, Lang::Id),
                output::ringkasan_csv(&r.hasil, &r.prepared, &r.sekolah),
            )
        })
    };
    let reversed = |csv: &str| {
        let mut lines: Vec<&str> = csv.lines().collect();
        lines[1..].reverse();
        lines.join("\n") + "\n"
    };
    let a = render(&s, &p, 1);
    let b = render(&reversed(&s), &reversed(&p), 4);
    assert_eq!(a.0, b.0);
    assert_eq!(a.1, b.1);
}

#[test]
fn jawa_timur_sma_four_waves_three_choices_with_carry_over() {
    let plan = plan_of(
        &std::fs::read_to_string(common::berkas(
            "juknis-examples/sesuai/jatim-sma-2025.juknis",
        ))
        .unwrap(),
    );
    assert_eq!(plan.tahap.len(), 4);
    assert_eq!(plan.pilihan.maksimal, 3);
    let prepared = Prepared::from_plan(&plan).unwrap();
    let (s, p) = engine::synth::generate(
        &plan,
        &prepared,
        &engine::synth::SynthOptions {
            sekolah: 30,
            pendaftar: 6_000,
            benih: 3,
        },
    );
    let r = run(&plan, &s, &p, &RunOptions::default());
    assert_eq!(
        r.hasil.pendaftar.len(),
        6_000,
        "every applicant exactly once"
    );
    let mut waves: Vec<u32> = r
        .hasil
        .pendaftar
        .iter()
        .filter(|x| x.status == Status::Diterima)
        .filter_map(|x| x.tahap)
        .collect();
    waves.sort();
    waves.dedup();
    assert_eq!(waves, [1, 2, 3, 4], "applicants accepted in every wave");
    // prestasi.akademik (wave 3) hands its unfilled seats to domisili.reguler (wave 4).
    let akademik = r.prepared.unit_index("prestasi.akademik").unwrap() as usize;
    let reguler = r.prepared.unit_index("domisili.reguler").unwrap() as usize;
    let carried: u32 = r
        .hasil
        .ringkasan
        .iter()
        .filter(|x| x.unit == reguler)
        .map(|x| x.kursi_masuk)
        .sum();
    let left: u32 = r
        .hasil
        .ringkasan
        .iter()
        .filter(|x| x.unit == akademik)
        .map(|x| x.sisa)
        .sum();
    assert!(
        carried > 0 && carried == left,
        "carried {carried}, unfilled {left}"
    );
    // The summary against independent counts: seats from the plan's seat scheme
    // at each school's capacity, accepted applicants recounted from the result
    // rows, and the seats domisili.reguler receives equal to what
    // prestasi.akademik left at that school.
    let mut placed = std::collections::HashMap::new();
    for x in &r.hasil.pendaftar {
        if x.status == Status::Diterima {
            *placed
                .entry((x.sekolah.unwrap(), x.unit.unwrap()))
                .or_insert(0u32) += 1;
        }
    }
    for x in &r.hasil.ringkasan {
        let sekolah = &r.sekolah[x.sekolah as usize];
        let a = plan.kursi.alokasi(sekolah.daya_tampung);
        let id = &r.prepared.units[x.unit].id;
        let own = a
            .jalur
            .iter()
            .find_map(|(j, n, sub)| {
                if j == id {
                    Some(*n)
                } else {
                    sub.iter().find(|(s, _)| s == id).map(|(_, n)| *n)
                }
            })
            .unwrap();
        assert_eq!(x.kursi_awal, own, "{} {id}: seats", sekolah.npsn);
        let n = placed.get(&(x.sekolah, x.unit)).copied().unwrap_or(0);
        assert_eq!(x.diterima, n, "{} {id}: accepted", sekolah.npsn);
        assert!(n <= x.kursi_awal + x.kursi_masuk, "{} {id}", sekolah.npsn);
        if x.unit == reguler {
            let a_row = r
                .hasil
                .ringkasan
                .iter()
                .find(|y| y.sekolah == x.sekolah && y.unit == akademik)
                .unwrap();
            let a_placed = placed.get(&(x.sekolah, akademik)).copied().unwrap_or(0);
            assert_eq!(
                x.kursi_masuk,
                a_row.kursi_awal + a_row.kursi_masuk - a_placed,
                "{}: carried into domisili.reguler",
                sekolah.npsn
            );
        }
    }
}

#[test]
fn a_bad_row_is_reported_with_line_and_column_or_set_aside() {
    let plan = sma("tunggal", URUTAN);
    let prepared = Prepared::from_plan(&plan).unwrap();
    let (sekolah, _) = data::read_sekolah(
        "s.csv",
        b"npsn,daya_tampung,wilayah\nA,36,K1\n",
        ModusRusak::Berhenti,
    )
    .unwrap();
    let csv = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n\
               8100000001,2009-01-01,2025-06-16 08:00,domisili,A,100,80,K1,\n\
               8100000002,2009-02-30,2025-06-16 08:00,domisili,A,100,80,K1,\n\
               8100000003,2009-01-01,2025-06-16 08:00,domisili,Z,100,80,K1,\n";
    let e = data::read_pendaftar(
        "p.csv",
        csv.as_bytes(),
        &prepared,
        &sekolah,
        ModusRusak::Berhenti,
    )
    .err()
    .unwrap();
    assert_eq!((e.baris, e.kolom.as_deref()), (3, Some("tanggal_lahir")));
    let ok = data::read_pendaftar(
        "p.csv",
        csv.as_bytes(),
        &prepared,
        &sekolah,
        ModusRusak::Lewati,
    )
    .unwrap();
    assert_eq!(ok.pendaftar.len(), 1);
    let lines: Vec<(u64, Option<String>)> = ok
        .rusak
        .iter()
        .map(|r| (r.masalah.baris, r.masalah.kolom.clone()))
        .collect();
    assert_eq!(
        lines,
        [
            (3, Some("tanggal_lahir".into())),
            (4, Some("pilihan".into()))
        ]
    );
    let hasil = engine::run(&prepared, &sekolah, &ok, &RunOptions::default());
    assert_eq!(
        hasil.pendaftar.len(),
        3,
        "set-aside rows stay in the result"
    );
    assert_eq!(
        hasil
            .pendaftar
            .iter()
            .filter(|r| r.status == Status::DataTidakSah)
            .count(),
        2
    );
    // A missing column is named before any row is read.
    let e = data::read_pendaftar(
        "p.csv",
        b"nisn,jalur,pilihan\n",
        &prepared,
        &sekolah,
        ModusRusak::Berhenti,
    )
    .err()
    .unwrap();
    assert_eq!((e.baris, e.kolom.as_deref()), (1, Some("tanggal_lahir")));
}

#[test]
fn a_move_up_follows_the_applicants_preferences() {
    // Deferred acceptance: A holds 900..01, 02, 08, 12; B holds 06 and 10. 08
    // (88) chose B first and is B's first reserve while holding a seat at A.
    let plan = sma("penerimaan_tertunda", URUTAN);
    let (s, p) = dua_sekolah();
    let opsi = RunOptions {
        tidak_daftar_ulang: vec!["9000000006".into()],
        ..Default::default()
    };
    let r = run(&plan, s, &p, &opsi);
    // 06 does not re-register: B's seat goes to 08, who prefers B and gives up
    // A; A's freed seat goes down A's list to 03 (80), whose only choice is A.
    assert_eq!(r.status("9000000006").status, Status::TidakDaftarUlang);
    assert_eq!(r.school_of("9000000008"), Some("B"));
    assert!(r.status("9000000008").naik_dari_cadangan);
    assert_eq!(r.school_of("9000000003"), Some("A"));
    assert_eq!(
        r.accepted_at("A"),
        ["9000000001", "9000000002", "9000000003", "9000000012"]
    );
    assert_eq!(r.accepted_at("B"), ["9000000008", "9000000010"]);
    // The summary counts what happened, never more accepted than seats.
    for x in &r.hasil.ringkasan {
        assert!(x.diterima <= x.kursi_awal + x.kursi_masuk);
        let sk = r.sekolah[x.sekolah as usize].npsn.clone();
        let here = r
            .hasil
            .pendaftar
            .iter()
            .filter(|p| {
                p.status == Status::Diterima
                    && p.sekolah == Some(x.sekolah)
                    && p.unit == Some(x.unit)
            })
            .count() as u32;
        assert_eq!(x.diterima, here, "{sk}");
    }
    let dom = r.prepared.unit_index("domisili").unwrap() as usize;
    let b = r.sekolah.iter().position(|s| s.npsn == "B").unwrap() as u32;
    let a = r.sekolah.iter().position(|s| s.npsn == "A").unwrap() as u32;
    let row = |s: u32| {
        r.hasil
            .ringkasan
            .iter()
            .find(|x| x.sekolah == s && x.unit == dom)
            .unwrap()
    };
    assert_eq!(
        (row(b).dilepas, row(b).naik_dari_cadangan, row(b).kosong),
        (1, 1, 0)
    );
    assert_eq!(
        (row(a).dilepas, row(a).naik_dari_cadangan, row(a).kosong),
        (1, 1, 0)
    );
}

#[test]
fn a_no_show_that_matches_no_accepted_applicant_is_reported() {
    let plan = sma("penerimaan_tertunda", URUTAN);
    let (s, p) = dua_sekolah();
    // 03 is on a reserve list, 77 is nobody.
    let opsi = RunOptions {
        tidak_daftar_ulang: vec!["9000000003".into(), "9000000077".into()],
        ..Default::default()
    };
    let r = run(&plan, s, &p, &opsi);
    assert_eq!(r.hasil.tidak_cocok, ["9000000003", "9000000077"]);
    assert_eq!(r.status("9000000003").status, Status::Cadangan);
}

#[test]
fn a_teachers_child_takes_mutasi_only_at_the_parents_school() {
    let src = sma_src()
        .replace("{MEKANISME}", "penerimaan_tertunda")
        .replace("{URUTAN}", URUTAN)
        .replace("{MAKS}", "2")
        .replace(
            "  jalur mutasi 5% {\n    dokumen surat_penugasan\n    urutan jarak terdekat, waktu_daftar terawal\n  }",
            "  jalur mutasi 5% {\n    urutan jarak terdekat, waktu_daftar terawal\n    sub pindah_tugas 3% { syarat status pindah_tugas  dokumen surat_penugasan }\n    sub anak_guru 2% { syarat status anak_guru  dokumen surat_penugasan_guru }\n  }",
        );
    let plan = plan_of(&src);
    let sekolah = "npsn,nama,daya_tampung,wilayah\nA,SMA A,100,K1\nB,SMA B,100,K1\n";
    let head = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status,sekolah_orang_tua\n";
    // 01's parent teaches at B: mutasi at A (choice 1) is closed to it, B is open.
    // 02 claims the status without a school: refused on its line.
    let rows =
        "5000000001,2009-05-05,2025-06-16 08:00,mutasi.anak_guru,A;B,100;900,80,K1,anak_guru,B\n";
    let r = run(
        &plan,
        sekolah,
        &format!("{head}{rows}"),
        &RunOptions::default(),
    );
    assert_eq!(r.school_of("5000000001"), Some("B"));
    let prepared = Prepared::from_plan(&plan).unwrap();
    let (sk, _) = data::read_sekolah("s.csv", sekolah.as_bytes(), ModusRusak::Berhenti).unwrap();
    let bad = format!(
        "{head}5000000002,2009-05-05,2025-06-16 08:00,mutasi.anak_guru,A,100,80,K1,anak_guru,\n"
    );
    let m = data::read_pendaftar(
        "p.csv",
        bad.as_bytes(),
        &prepared,
        &sk,
        ModusRusak::Berhenti,
    )
    .err()
    .unwrap();
    assert_eq!(
        (m.baris, m.kolom.as_deref()),
        (2, Some("sekolah_orang_tua"))
    );
    let no_col = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n";
    let m = data::read_pendaftar(
        "p.csv",
        no_col.as_bytes(),
        &prepared,
        &sk,
        ModusRusak::Berhenti,
    )
    .err()
    .unwrap();
    assert_eq!(
        (m.kode, m.kolom.as_deref()),
        ("data.kolom", Some("sekolah_orang_tua"))
    );
}

#[test]
fn carried_seats_stop_at_the_mutasi_cap() {
    // A plan from elsewhere that carries afirmasi into mutasi (the checker refuses
    // it: mutasi.cap.sisa). With no afirmasi applicant, 30 seats would flow into
    // mutasi; the engine takes mutasi only to 5% of 100 = 5 seats.
    let mut plan = sma("tunggal", URUTAN);
    for u in plan.seleksi.iter_mut().filter(|u| u.jalur == "afirmasi") {
        u.sisa_ke = Some("mutasi".into());
    }
    let sekolah = "npsn,nama,daya_tampung,wilayah\nX,SMA X,100,K1\n";
    let mut rows = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n",
    );
    for i in 0..40 {
        rows.push_str(&format!(
            "60000000{i:02},2009-05-05,2025-06-16 08:{i:02},mutasi,X,{},70,K1,\n",
            100 + i
        ));
    }
    let r = run(&plan, sekolah, &rows, &RunOptions::default());
    let mutasi = r.prepared.unit_index("mutasi").unwrap() as usize;
    let row = r.hasil.ringkasan.iter().find(|x| x.unit == mutasi).unwrap();
    assert_eq!((row.kursi_awal, row.kursi_masuk, row.diterima), (5, 0, 5));
}

/// A plan written by another tool may allow more than one choice under
/// `tunggal`; a single-choice mechanism still reads only the first choice.
#[test]
fn single_choice_reads_only_the_first_even_when_the_plan_allows_more() {
    let mut plan = sma("tunggal", URUTAN);
    plan.pilihan.maksimal = 2;
    plan.sha256_rencana = plan.integrity();
    let plan = juknis::plan::load(&plan.to_json()).unwrap();
    let (s, p) = dua_sekolah();
    let r = run(&plan, s, &p, &RunOptions::default());
    assert_eq!(
        r.accepted_at("A"),
        ["9000000001", "9000000002", "9000000003", "9000000012"]
    );
    assert_eq!(r.accepted_at("B"), ["9000000006", "9000000010"]);
}

/// A ranking may use distance twice (e.g. to the school, then again after a
/// score), not three times: the engine's key has room for two.
#[test]
fn a_ranking_uses_distance_at_most_twice() {
    use juknis::model::{Arah, KriteriaJenis};
    use juknis::plan::KriteriaPlan;
    let jarak = KriteriaPlan {
        kriteria: KriteriaJenis::Jarak,
        arah: Arah::Terdekat,
    };
    let mut plan = sma("penerimaan_tertunda", URUTAN);
    plan.seleksi[0].urutan.insert(0, jarak.clone());
    assert!(Prepared::from_plan(&plan).is_ok(), "two distance criteria");
    plan.seleksi[0].urutan.insert(0, jarak);
    let e = Prepared::from_plan(&plan).unwrap_err();
    assert!(e.en.contains("distance more than 2 times"), "{}", e.en);
}

/// Coordinates: the equator and the prime meridian are real places (Pontianak
/// lies on the equator); only the point 0, 0 — a blank filled with zeros — is
/// refused, with its line.
#[test]
fn coordinates_on_the_equator_are_real_zero_zero_is_not() {
    let read = |rows: &str| {
        data::read_sekolah(
            "sekolah.csv",
            format!("npsn,daya_tampung,lintang,bujur\n{rows}").as_bytes(),
            ModusRusak::Berhenti,
        )
    };
    let (s, _) = read("A,10,0,109.33\nB,10,-6.2,0\n").unwrap();
    assert_eq!(s[0].lokasi, Some((0.0, 109.33)));
    assert_eq!(s[1].lokasi, Some((-6.2, 0.0)));
    let e = read("A,10,0,0\n").unwrap_err();
    let m = format!("{e:?}");
    assert!(m.contains("coordinates 0, 0"), "{m}");
}

/// Re-registration happens per wave, inside the wave's window (the juknis
/// gives each wave its own `daftar_ulang` dates): a seat released in wave 1 is
/// refilled from wave 1's reserve lists before wave 2 begins, and whoever takes
/// it takes part in no later wave. C, not accepted in afirmasi (wave 1) and
/// also registered for domisili (wave 2), takes the afirmasi seat at B that a
/// no-show left; D, behind C on B's list, stays a reserve. In wave 2 C is
/// already placed, so the domisili seat a no-show leaves at A finds no reserve
/// and stays empty. (Run once after the last wave, as the engine used to, C
/// would have been selected in wave 2 as well and moved on to A.)
#[test]
fn released_seats_are_refilled_inside_their_wave() {
    let src = sma_src()
        .replace("{MEKANISME}", "penerimaan_tertunda")
        .replace("{URUTAN}", URUTAN)
        .replace("{MAKS}", "2")
        .replace(
            "  tahap 1 {\n    jalur domisili, afirmasi, prestasi, mutasi\n    pendaftaran 2025-06-16 sampai 2025-06-18\n    pengumuman 2025-06-20\n    daftar_ulang 2025-06-21 sampai 2025-06-23\n  }",
            "  tahap 1 {\n    jalur afirmasi, prestasi, mutasi\n    pendaftaran 2025-06-16 sampai 2025-06-18\n    pengumuman 2025-06-20\n    daftar_ulang 2025-06-21 sampai 2025-06-23\n  }\n  tahap 2 {\n    jalur domisili\n    pendaftaran 2025-06-24 sampai 2025-06-25\n    pengumuman 2025-06-26\n    daftar_ulang 2025-06-27 sampai 2025-06-28\n  }",
        );
    assert!(src.contains("tahap 2"));
    let plan = plan_of(&src);
    let prepared = Prepared::from_plan(&plan).unwrap();
    let ketm = prepared.unit_index("afirmasi.ketm").unwrap() as usize;
    let dom = prepared.unit_index("domisili").unwrap() as usize;
    let seats = prepared.kursi_sekolah(10, "");
    let (n_ketm, n_dom) = (seats[ketm], seats[dom]);
    assert!(n_ketm >= 1 && n_dom >= 1, "{seats:?}");
    let sekolah = "npsn,daya_tampung,wilayah\nA,10,K1\nB,10,K1\n";
    let mut p = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n",
    );
    let mut row =
        |nisn: String, jalur: &str, pilihan: &str, jarak: &str, rapor: u32, status: &str| {
            p.push_str(&format!(
            "{nisn},2009-05-05,2025-06-16 08:00,{jalur},{pilihan},{jarak},{rapor},K1,{status}\n"
        ));
        };
    // Fillers closer (afirmasi) or better (domisili) than C, one school each.
    // The first at B (afirmasi) and the first at A (domisili) will not re-register.
    for (school, code) in [("A", 1), ("B", 2)] {
        for i in 0..n_ketm {
            row(
                format!("1{code}{i:08}"),
                "afirmasi.ketm",
                school,
                "100",
                50,
                "ketm",
            );
        }
    }
    for (school, code, n) in [("A", 1, n_dom), ("B", 2, n_dom)] {
        for i in 0..n {
            row(format!("2{code}{i:08}"), "domisili", school, "100", 99, "");
        }
    }
    row(
        "3000000000".into(),
        "afirmasi.ketm;domisili",
        "A;B",
        "500;500",
        70,
        "ketm",
    );
    row("4000000000".into(), "afirmasi.ketm", "B", "900", 50, "ketm");
    let opsi = RunOptions {
        tidak_daftar_ulang: vec!["1200000000".into(), "2100000000".into()],
        ..Default::default()
    };
    let r = run(&plan, sekolah, &p, &opsi);
    assert_eq!(r.school_of("3000000000"), Some("B"));
    assert_eq!(r.status("3000000000").unit, Some(ketm));
    assert!(r.status("3000000000").naik_dari_cadangan);
    assert_eq!(r.school_of("4000000000"), None);
    let summary = |npsn: &str, unit: usize| {
        let s = r.sekolah.iter().position(|s| s.npsn == npsn).unwrap() as u32;
        let x = r
            .hasil
            .ringkasan
            .iter()
            .find(|x| x.sekolah == s && x.unit == unit)
            .unwrap();
        (x.dilepas, x.naik_dari_cadangan, x.kosong)
    };
    // B afirmasi: the no-show's seat, taken by C.
    assert_eq!(summary("B", ketm), (1, 1, 0));
    // A domisili: the no-show's seat; C is placed already, nobody else waits.
    assert_eq!(summary("A", dom), (1, 0, 1));
}

/// A seat released at a wave's re-registration that no reserve takes follows
/// the unit's `sisa_kuota` to a later wave, as an unfilled seat does: prestasi
/// (wave 1) passes it on to domisili (wave 2), which admits one more.
#[test]
fn a_released_seat_no_reserve_takes_follows_sisa_kuota_to_a_later_wave() {
    let src = sma_src()
        .replace("{MEKANISME}", "tunggal")
        .replace("{URUTAN}", URUTAN)
        .replace("{MAKS}", "1")
        .replace(
            "  tahap 1 {\n    jalur domisili, afirmasi, prestasi, mutasi\n    pendaftaran 2025-06-16 sampai 2025-06-18\n    pengumuman 2025-06-20\n    daftar_ulang 2025-06-21 sampai 2025-06-23\n  }",
            "  sisa_kuota prestasi ke domisili\n  tahap 1 {\n    jalur afirmasi, prestasi, mutasi\n    pendaftaran 2025-06-16 sampai 2025-06-18\n    pengumuman 2025-06-20\n    daftar_ulang 2025-06-21 sampai 2025-06-23\n  }\n  tahap 2 {\n    jalur domisili\n    pendaftaran 2025-06-24 sampai 2025-06-25\n    pengumuman 2025-06-26\n    daftar_ulang 2025-06-27 sampai 2025-06-28\n  }",
        );
    assert!(src.contains("tahap 2") && src.contains("sisa_kuota"));
    let plan = plan_of(&src);
    let prepared = Prepared::from_plan(&plan).unwrap();
    let pres = prepared.unit_index("prestasi").unwrap() as usize;
    let dom = prepared.unit_index("domisili").unwrap() as usize;
    let seats = prepared.kursi_sekolah(20, "");
    let (n_pres, n_dom) = (seats[pres], seats[dom]);
    let sekolah = "npsn,daya_tampung,wilayah\nA,20,K1\n";
    let mut p = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n",
    );
    // Prestasi exactly full (no reserve); domisili one applicant more than seats.
    for i in 0..n_pres {
        p.push_str(&format!(
            "11{i:08},2009-05-05,2025-06-16 08:00,prestasi,A,100,90,K1,\n"
        ));
    }
    for i in 0..=n_dom {
        let rapor = 80 - i;
        p.push_str(&format!(
            "22{i:08},2009-05-05,2025-06-24 08:00,domisili,A,100,{rapor},K1,\n"
        ));
    }
    let last_domisili = format!("22{n_dom:08}");
    // Without a no-show the last domisili applicant is outranked.
    let r = run(&plan, sekolah, &p, &RunOptions::default());
    assert_eq!(r.school_of(&last_domisili), None);
    let opsi = RunOptions {
        tidak_daftar_ulang: vec!["1100000000".into()],
        ..Default::default()
    };
    let r = run(&plan, sekolah, &p, &opsi);
    assert_eq!(r.school_of(&last_domisili), Some("A"));
    let row = |unit: usize| {
        r.hasil
            .ringkasan
            .iter()
            .find(|x| x.unit == unit)
            .unwrap()
            .clone()
    };
    let (rp, rd) = (row(pres), row(dom));
    assert_eq!(
        (
            rp.dilepas,
            rp.naik_dari_cadangan,
            rp.dilepas_dialihkan,
            rp.kosong
        ),
        (1, 0, 1, 0)
    );
    assert_eq!(rp.dialihkan_ke, Some(dom));
    assert_eq!((rd.kursi_masuk, rd.diterima), (1, n_dom + 1));
}

/// NISN written in the mathematical digit sets (bold 𝟎–𝟗, double-struck
/// 𝟘–𝟡, …, five sets in a row) read as the same ASCII digits.
#[test]
fn nisn_in_mathematical_digits_reads_as_ascii() {
    let plan = sma("penerimaan_tertunda", URUTAN);
    let s = "npsn,daya_tampung,wilayah\nA,10,K1\n";
    let p = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n\
             𝟗𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟏,2009-05-05,2025-06-16 08:00,domisili,A,100,80,K1,\n\
             𝟡𝟘𝟘𝟘𝟘𝟘𝟘𝟘𝟘𝟚,2009-05-05,2025-06-16 08:01,domisili,A,100,80,K1,\n\
             𝟿𝟶𝟶𝟶𝟶𝟶𝟶𝟶𝟶𝟹,2009-05-05,2025-06-16 08:02,domisili,A,100,80,K1,\n";
    let r = run(&plan, s, p, &RunOptions::default());
    let ids: Vec<&str> = r.hasil.pendaftar.iter().map(|x| x.nisn.as_str()).collect();
    assert_eq!(ids, ["9000000001", "9000000002", "9000000003"]);
}

/// A ranking without distance needs no distance: applicants whose distance
/// is unknown (no `jarak_m` column, no coordinates) are ranked and accepted.
#[test]
fn a_ranking_without_distance_needs_no_distance() {
    use juknis::model::{Arah, KriteriaJenis};
    use juknis::plan::KriteriaPlan;
    let mut plan = sma("penerimaan_tertunda", URUTAN);
    for u in &mut plan.seleksi {
        u.urutan = vec![
            KriteriaPlan {
                kriteria: KriteriaJenis::Skor("nilai".into()),
                arah: Arah::Tertinggi,
            },
            KriteriaPlan {
                kriteria: KriteriaJenis::WaktuDaftar,
                arah: Arah::Terawal,
            },
        ];
    }
    let s = "npsn,daya_tampung,wilayah\nA,10,K1\n";
    let p = "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,rapor,wilayah,status\n\
             9000000001,2009-05-05,2025-06-16 08:00,domisili,A,80,K1,\n\
             9000000002,2009-05-05,2025-06-16 08:01,domisili,A,90,K1,\n";
    let r = run(&plan, s, p, &RunOptions::default());
    assert_eq!(r.accepted_at("A"), ["9000000001", "9000000002"]);
    assert_eq!(r.status("9000000002").peringkat, Some(1));
}
