//! Cases for tests/contoh_aturan.rs of the rules that hold, or change, from a
//! school year on: the base is moved to that year first.

use super::{k, Kasus, SMP};

/// Kabupaten Bantul's SMP juknis moved one year on: school year 2026/2027,
/// every date a year later (signed 2026-02-28, inside the circular's deadline).
const KE_2026: &[(&str, &str)] = &[("2025/2026", "2026/2027"), ("2025-", "2026-")];

pub const KASUS_TAHUN: &[Kasus] = &[
    k("prestasi.tka", SMP, &["+biaya"], &["+biaya"]),
    Kasus {
        kode: "jadwal.juknis.batas",
        dasar: SMP,
        siapkan: KE_2026,
        salah: &["ditetapkan"],
        benar: &["ditetapkan"],
    },
];
