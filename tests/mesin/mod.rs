//! The engine tests' harness: a small SMA juknis under each mechanism, a run
//! on CSV text, and the two-school case worked by hand (tests/engine.rs,
//! tests/engine_sifat.rs).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::common;
use common::plan_of;
use juknis::diagnostic::Lang;
use juknis::engine::{self, data, ModusRusak, Prepared, RunOptions, Status};
use juknis::plan::Plan;

pub struct Run {
    pub prepared: Prepared,
    pub sekolah: Vec<engine::Sekolah>,
    pub hasil: engine::Hasil,
}

impl Run {
    pub fn status(&self, nisn: &str) -> &engine::HasilPendaftar {
        self.hasil
            .pendaftar
            .iter()
            .find(|r| r.nisn == nisn)
            .unwrap()
    }
    pub fn school_of(&self, nisn: &str) -> Option<&str> {
        self.status(nisn)
            .sekolah
            .map(|s| self.sekolah[s as usize].npsn.as_str())
    }
    pub fn accepted_at(&self, npsn: &str) -> Vec<String> {
        let mut v: Vec<String> = self
            .hasil
            .pendaftar
            .iter()
            .filter(|r| {
                r.status == Status::Diterima
                    && r.sekolah.map(|s| self.sekolah[s as usize].npsn.as_str()) == Some(npsn)
            })
            .map(|r| r.nisn.to_string())
            .collect();
        v.sort();
        v
    }
}

pub fn run(plan: &Plan, sekolah_csv: &str, pendaftar_csv: &str, opsi: &RunOptions) -> Run {
    let prepared = Prepared::from_plan(plan).unwrap();
    let (sekolah, _) =
        data::read_sekolah("sekolah.csv", sekolah_csv.as_bytes(), ModusRusak::Berhenti).unwrap();
    let bacaan = data::read_pendaftar(
        "pendaftar.csv",
        pendaftar_csv.as_bytes(),
        &prepared,
        &sekolah,
        ModusRusak::Berhenti,
    )
    .unwrap_or_else(|m| panic!("{}", m.render(Lang::En)));
    let hasil = engine::run(&prepared, &sekolah, &bacaan, opsi);
    Run {
        prepared,
        sekolah,
        hasil,
    }
}

/// An SMA juknis; `{MEKANISME}` and `{URUTAN}` are filled in by each test.
pub const SMA: &str = r#"juknis "Uji mesin seleksi" {
  {KEPALA}
  pilihan { maksimal {MAKS}  mekanisme {MEKANISME} }
  skor nilai = rapor(semester 1..5, mapel bindo, mtk)
  jalur domisili 35% {
    syarat dalam_wilayah
    dokumen kartu_keluarga minimal 1 tahun
    urutan {URUTAN}
  }
  jalur afirmasi 30% {
    urutan jarak terdekat, usia tertua, waktu_daftar terawal
    sub ketm 27% { syarat status ketm  dokumen kip }
    sub disabilitas 3% { syarat status disabilitas  dokumen kartu_disabilitas }
  }
  jalur prestasi 30% {
    dokumen rapor
    urutan nilai tertinggi, jarak terdekat, waktu_daftar terawal
  }
  {PENUTUP}"#;

/// `SMA` with its shared start and end filled in.
pub fn sma_src() -> String {
    SMA.replace("{KEPALA}", common::SMA_KEPALA)
        .replace("{PENUTUP}", common::SMA_PENUTUP)
}

pub fn sma(mekanisme: &str, urutan: &str) -> Plan {
    let maks = if mekanisme == "tunggal" { "1" } else { "2" };
    plan_of(
        &sma_src()
            .replace("{MEKANISME}", mekanisme)
            .replace("{URUTAN}", urutan)
            .replace("{MAKS}", maks),
    )
}

/// `sma` with domisili reopened in a second wave for its leftover seats
/// (`domisili@2`).
pub fn sma_dua_tahap(mekanisme: &str, urutan: &str) -> Plan {
    let one = "tahap 1 {\n    jalur domisili, afirmasi, prestasi, mutasi\n";
    let src = sma_src();
    assert!(src.contains(one));
    let two = src.replace(
        "  cadangan semua\n",
        "  tahap 2 {\n    jalur domisili\n    pendaftaran 2025-06-24 sampai 2025-06-25\n    pengumuman 2025-06-26\n    daftar_ulang 2025-06-27 sampai 2025-06-28\n  }\n  cadangan semua\n",
    );
    let maks = if mekanisme == "tunggal" { "1" } else { "2" };
    plan_of(
        &two.replace("{MEKANISME}", mekanisme)
            .replace("{URUTAN}", urutan)
            .replace("{MAKS}", maks),
    )
}

/// Two schools, twelve applicants, worked out by hand in the comments below.
pub fn dua_sekolah() -> (&'static str, String) {
    // A: capacity 10 → domisili 4 seats; B: capacity 6 → domisili 2 seats (35%
    // rounded within the national bounds: see the seat assertions).
    let sekolah = "npsn,nama,daya_tampung,wilayah\nA,SMA A,10,K1\nB,SMA B,6,K1\n";
    let rows = [
        ("9000000001", 90, "A;B", "1000;1000"),
        ("9000000002", 85, "A;B", "500;1000"),
        ("9000000003", 80, "A", "1000"),
        ("9000000004", 75, "A;B", "1000;1000"),
        ("9000000005", 70, "A;B", "1000;1000"),
        ("9000000006", 95, "B;A", "1000;1000"),
        ("9000000007", 60, "B;A", "1000;1000"),
        ("9000000008", 88, "B;A", "1000;1000"),
        ("9000000009", 65, "A;B", "1000;1000"),
        ("9000000010", 99, "B", "1000"),
        ("9000000011", 50, "A;B", "1000;1000"),
        ("9000000012", 85, "A;B", "300;1000"),
    ];
    let mut csv = String::from(
        "nisn,tanggal_lahir,waktu_daftar,jalur,pilihan,jarak_m,rapor,wilayah,status\n",
    );
    for (i, (n, s, p, j)) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "{n},2009-05-05,2025-06-16 08:{i:02},domisili,{p},{j},{s},K1,\n"
        ));
    }
    (sekolah, csv)
}

pub const URUTAN: &str = "nilai tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal";
