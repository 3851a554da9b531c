//! The language catalog's cases for tests/contoh_aturan.rs: each rule of
//! rulebook/bahasa.yaml with examples, where its snippets go.

use super::{k, Kasus, SD, SMA, SMK, SMP};

/// The language catalog's rules with examples a juknis can show.
pub const KASUS_BAHASA: &[Kasus] = &[
    k("sintaks.pernyataan", SMA, &["+biaya"], &["jalur domisili"]),
    k(
        "sintaks.persen",
        SMA,
        &["jalur afirmasi"],
        &["jalur afirmasi"],
    ),
    k(
        "sintaks.koma_desimal",
        SMA,
        &["jalur afirmasi>sub ketm"],
        &["jalur afirmasi>sub ketm"],
    ),
    k(
        "istilah.zonasi",
        SMA,
        &["jalur domisili"],
        &["jalur domisili"],
    ),
    k("nama.tidak_dikenal", SMA, &["sisa_kuota"], &["sisa_kuota"]),
    k("acuan.tahun", SMP, &["tahun_ajaran"], &["tahun_ajaran"]),
    k(
        "nama.ganda",
        SMA,
        &["jalur domisili>sub reguler", "jalur domisili>sub sebaran"],
        &["jalur domisili>sub reguler", "jalur domisili>sub sebaran"],
    ),
    k("nilai.tanggal", SMA, &["ditetapkan"], &["ditetapkan"]),
    k("sintaks.tanggal", SMA, &["ditetapkan"], &["ditetapkan"]),
    k(
        "nama.mapel",
        SMA,
        &["skor nilai_akhir|rapor("],
        &["skor nilai_akhir|rapor("],
    ),
    k("nilai.rentang", SMA, &["jalur mutasi"], &["jalur mutasi"]),
    k("nilai.kosong", SMA, &["pengaduan"], &["pengaduan"]),
    k(
        "konsistensi.sub_kuota",
        SMA,
        &["jalur domisili"],
        &["jalur domisili"],
    ),
    k(
        "konsistensi.bobot",
        SMA,
        &["skor nilai_akhir"],
        &["skor nilai_akhir"],
    ),
    k("konsistensi.pilihan", SMA, &["pilihan"], &["pilihan"]),
    k(
        "konsistensi.tahap",
        SMP,
        &["tahap 1", "+biaya"],
        &["tahap 1", "+biaya"],
    ),
    k(
        "konsistensi.kuota",
        SMK,
        &[
            "-jalur mutasi",
            "-jalur lomba",
            "-jalur domisili",
            "jalur nilai_akademik",
            "jalur afirmasi",
        ],
        &[
            "-jalur mutasi",
            "-jalur lomba",
            "-jalur domisili",
            "jalur nilai_akademik",
            "jalur afirmasi",
        ],
    ),
    k(
        "konsistensi.gelombang",
        SMP,
        &["tahap 1"],
        &["tahap 1", "+biaya"],
    ),
    k("konsistensi.kuota_sekolah", SMP, &["+biaya"], &["+biaya"]),
    k(
        "konsistensi.sisa_kuota",
        SMA,
        &["sisa_kuota", "+cadangan"],
        &["sisa_kuota"],
    ),
    k(
        "konsistensi.sisa_siklus",
        SMA,
        &["sisa_kuota", "+cadangan"],
        &["sisa_kuota"],
    ),
    k(
        "konsistensi.sisa_tahap",
        SD,
        &["sisa_kuota"],
        &["sisa_kuota"],
    ),
    k("konsistensi.lanjut", SMA, &["+cadangan"], &["+cadangan"]),
];
