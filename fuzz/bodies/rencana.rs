//! Plan loading: any text is a plan or a clear error, never a panic. A plan
//! whose only fault is its hash is resealed, so mutations reach the structural
//! checks. A plan that loads (format, hash and structure checked) and that the
//! engine accepts runs on a small fixed dataset without a panic, every
//! applicant accounted for.
//! The body is shared by the fuzz target (fuzz/fuzz_targets/) and the corpus
//! replay test (tests/fuzz_corpus.rs).
use juknis::engine::{self, data, ModusRusak, Prepared, RunOptions};

const SEKOLAH: &[u8] = b"npsn,nama,daya_tampung,lintang,bujur,wilayah\nA,A,36,-7.1,112.1,w1\nB,B,10,-7.2,112.2,w1;w2\n";

pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    // A mutated plan fails its hash first; put the right hash in its place so
    // the mutation reaches the structural checks and the engine.
    let plan = match juknis::plan::load(&text) {
        Ok(p) => p,
        Err(juknis::plan::LoadError::Tampered { expected, found }) if !expected.is_empty() => {
            match juknis::plan::load(&text.replacen(&expected, &found, 1)) {
                Ok(p) => p,
                Err(_) => return,
            }
        }
        Err(_) => return,
    };
    let Ok(prepared) = Prepared::from_plan(&plan) else {
        return;
    };
    let Ok((sekolah, _)) = data::read_sekolah("s.csv", SEKOLAH, ModusRusak::Berhenti) else {
        return;
    };
    // Applicants for whatever units the plan has: one per unit, both schools.
    let mut p = String::from("nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,lintang,bujur,wilayah,status,sekolah_orang_tua");
    for k in &prepared.kolom_angka {
        p.push(',');
        p.push_str(k);
    }
    for (t, _) in &prepared.poin {
        p.push_str(&format!(",{t}_kategori,{t}_peringkat"));
    }
    p.push('\n');
    for (i, u) in prepared.unit_ids().iter().enumerate() {
        p.push_str(&format!(
            "{:010},2009-05-05,{} 08:00,{u},A;B,-7.15,112.15,w1,{},A",
            1000 + i,
            &plan.usia.tanggal_acuan[..10.min(plan.usia.tanggal_acuan.len())],
            prepared.status.join(";")
        ));
        for _ in &prepared.kolom_angka {
            p.push_str(",80");
        }
        for _ in &prepared.poin {
            p.push_str(",,");
        }
        p.push('\n');
    }
    let Ok(bacaan) = data::read_pendaftar(
        "p.csv",
        p.as_bytes(),
        &prepared,
        &sekolah,
        ModusRusak::Lewati,
    ) else {
        return;
    };
    let n = bacaan.pendaftar.len() + bacaan.rusak.len();
    let hasil = engine::run(&prepared, &sekolah, &bacaan, &RunOptions::default());
    assert_eq!(hasil.pendaftar.len(), n);
    for r in &hasil.ringkasan {
        assert!(r.diterima <= r.kursi_awal + r.kursi_masuk);
    }
}
