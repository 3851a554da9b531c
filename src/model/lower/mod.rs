//! Syntax tree → model. Gives words their meaning (`ke_bawah` → a rounding
//! method), validates values (dates on the calendar, percentages ≤ 100), resolves
//! names with "did you mean", and reports the common slips the grammar accepted.
//! Always returns a model — with gaps where the text was wrong — so the regulation
//! checks still run and one pass reports everything.
//!
//! Here: the shapes of each statement for "malformed" messages, the word lists,
//! and the shared reporting helpers. Each statement family has its own room:
//! `berkas` (the juknis block and what it must contain), `nilai` (values),
//! `usia`, `wilayah` (zone and capacity), `skor` (scores and points tables),
//! `jalur`, `tahap`, `nama` (typos and name resolution).

use super::*;
use crate::diagnostic::suggest::help_for;
use crate::diagnostic::{Diagnostic, Text};
use crate::span::{Span, Spanned};
use crate::syntax::ast;
use crate::t;

pub mod bagian;
mod file;
mod jalur;
mod names;
mod skor;
mod tahap;
mod usia;
mod values;
mod wilayah;

struct Lower<'d> {
    d: &'d mut Vec<Diagnostic>,
}

/// Example shapes of each statement, per block, for "malformed" messages.
const TOP: &[(&str, &str)] = &[
    ("acuan", "acuan permendikdasmen-3-2025"),
    ("pemerintah", "pemerintah provinsi \"Jawa Timur\""),
    ("jenjang", "jenjang SMA"),
    ("tahun_ajaran", "tahun_ajaran 2025/2026"),
    ("ditetapkan", "ditetapkan 2025-03-01"),
    (
        "pengumuman_pendaftaran",
        "pengumuman_pendaftaran 2025-05-05",
    ),
    ("usia", "usia { maksimal 21 tahun }"),
    ("wilayah", "wilayah { metode administratif kecamatan }"),
    ("daya_tampung", "daya_tampung { rombel maksimal 36 }"),
    ("pilihan", "pilihan { maksimal 3 }"),
    (
        "skor",
        "skor nilai_akhir = 60% rapor(semester 1..5, mapel bindo, mtk) + 40% indeks_sekolah_asal",
    ),
    ("poin", "poin lomba { provinsi juara_1 50, juara_2 45 }"),
    ("jalur", "jalur domisili 35% { … }"),
    ("sisa_kuota", "sisa_kuota prestasi.akademik ke domisili"),
    ("lanjut", "lanjut domisili.reguler ke domisili.sebaran"),
    ("cadangan", "cadangan semua"),
    ("tahap", "tahap 1 { … }"),
    (
        "bukti",
        "bukti kartu_x untuk ketm \"Kartu X, program Pemerintah Kota Y\"",
    ),
    (
        "dikecualikan",
        "dikecualikan \"20500001\" berasrama \"SMA Taruna …\"",
    ),
    (
        "bersama",
        "bersama \"20500100\" \"PKS Dinas – Yayasan … No. …\"",
    ),
    (
        "kuota_sekolah",
        "kuota_sekolah \"20500001\" { dasar \"Keputusan Kepala Dinas …\"  domisili 40% }",
    ),
    ("biaya", "biaya gratis"),
    ("pendaftaran", "pendaftaran daring, luring"),
    ("pengaduan", "pengaduan \"https://…\""),
    ("pemantauan", "pemantauan \"Tim monitoring dan evaluasi …\""),
];
const USIA: &[(&str, &str)] = &[
    ("tanggal_acuan", "tanggal_acuan 2025-07-01"),
    ("minimal", "minimal 6 tahun"),
    ("maksimal", "maksimal 21 tahun"),
    ("prioritas", "prioritas 7 tahun"),
    (
        "istimewa",
        "istimewa minimal 5 tahun 6 bulan dengan rekomendasi psikolog, dewan_guru",
    ),
    ("kelompok", "kelompok A 4 tahun sampai 5 tahun"),
    (
        "pengecualian",
        "pengecualian disabilitas, pendidikan_khusus",
    ),
];
const WILAYAH: &[(&str, &str)] = &[
    ("metode", "metode administratif kelurahan, kecamatan"),
    ("perluasan", "perluasan kabupaten_kota"),
    (
        "perbatasan",
        "perbatasan kabupaten \"Sidoarjo\" kesepakatan \"Nomor 420/1/2025\"",
    ),
];
const DAYA_TAMPUNG: &[(&str, &str)] = &[
    ("rombel", "rombel maksimal 36"),
    ("pengecualian", "pengecualian rombel 40 sampai 2027-06-30"),
    ("pembulatan", "pembulatan sesuai_batas"),
    ("sisa_pembulatan", "sisa_pembulatan ke domisili"),
    ("pembulatan_sub", "pembulatan_sub ke_bawah"),
];
const KUOTA_SEKOLAH: &[(&str, &str)] = &[
    ("dasar", "dasar \"Keputusan Kepala Dinas Nomor …\""),
    ("domisili", "domisili 40%"),
];
const PILIHAN: &[(&str, &str)] = &[
    ("maksimal", "maksimal 3"),
    ("jalur_per_tahap", "jalur_per_tahap 2"),
    ("luar_wilayah", "luar_wilayah maksimal 1"),
    ("mekanisme", "mekanisme pilihan_pertama_diutamakan"),
];
const JALUR: &[(&str, &str)] = &[
    ("sub", "sub reguler 20% { … }"),
    ("syarat", "syarat dalam_wilayah, status ketm"),
    (
        "dokumen",
        "dokumen kartu_keluarga minimal 1 tahun, surat_keterangan_domisili",
    ),
    (
        "urutan",
        "urutan jarak terdekat, usia tertua, waktu_daftar terawal",
    ),
    ("per", "per kelurahan"),
    ("langsung_diterima", "langsung_diterima"),
    ("tidak_menerima", "tidak_menerima surat_keterangan_domisili"),
];
const TAHAP: &[(&str, &str)] = &[
    ("jalur", "jalur afirmasi, mutasi, prestasi.lomba"),
    ("pendaftaran", "pendaftaran 2025-06-16 sampai 2025-06-17"),
    ("verifikasi", "verifikasi 2025-06-16 sampai 2025-06-18"),
    ("seleksi", "seleksi 2025-06-18"),
    ("pengumuman", "pengumuman 2025-06-19 08:00"),
    ("daftar_ulang", "daftar_ulang 2025-06-19 sampai 2025-06-20"),
    (
        "pengisian_cadangan",
        "pengisian_cadangan 2025-06-21 sampai 2025-06-22",
    ),
];
const POIN: &[(&str, &str)] = &[
    (
        "kabupaten_kota",
        "kabupaten_kota juara_1 30, juara_2 25, juara_3 20",
    ),
    ("provinsi", "provinsi juara_1 50, juara_2 45, juara_3 40"),
    ("nasional", "nasional juara_1 80, juara_2 70, juara_3 60"),
    (
        "internasional",
        "internasional juara_1 100, juara_2 95, juara_3 90",
    ),
    ("osis", "osis ketua 20"),
    ("pramuka", "pramuka ketua 20"),
];

pub const NATIONAL_JALUR: [&str; 4] = ["domisili", "afirmasi", "prestasi", "mutasi"];
const UNIT_WILAYAH: &[&str] = &["kelurahan", "desa", "kecamatan", "kabupaten_kota"];

pub use crate::plan::batas::MAKS_POIN;

/// Competition levels as regions write them → the canonical `TINGKAT_LOMBA` word.
fn tingkat_lomba(w: &str) -> &str {
    match w {
        "kabupaten" | "kota" | "kab_kota" | "kabkota" => "kabupaten_kota",
        other => other,
    }
}

/// Words people use for "the whole kabupaten/kota" → the canonical `kabupaten_kota`.
fn unit_wilayah(w: &str) -> &str {
    match w {
        "kabupaten" | "kota" | "kab_kota" | "kabkota" | "kabupaten_atau_kota" => "kabupaten_kota",
        other => other,
    }
}
const PER: &[&str] = crate::plan::TINGKAT_WILAYAH;
const PENGECUALIAN_USIA: &[&str] = &[
    "disabilitas",
    "pendidikan_khusus",
    "layanan_khusus",
    "daerah_3t",
];
const REKOMENDASI: &[&str] = &["psikolog", "dewan_guru"];
const MODA: &[&str] = &["daring", "luring"];
const KRITERIA: &[&str] = &[
    "jarak",
    "usia",
    "waktu_daftar",
    "nomor_pendaftaran",
    "usia_prioritas",
];

/// Every statement keyword with an example of its shape, block by block (for
/// an editor's completion and hover).
pub fn statement_shapes() -> impl Iterator<Item = (&'static str, &'static str)> {
    [
        TOP,
        USIA,
        WILAYAH,
        DAYA_TAMPUNG,
        KUOTA_SEKOLAH,
        PILIHAN,
        JALUR,
        TAHAP,
        POIN,
    ]
    .into_iter()
    .flatten()
    .copied()
}

pub fn lower(file: &ast::File, diags: &mut Vec<Diagnostic>) -> Juknis {
    let mut l = Lower { d: diags };
    l.file(file)
}

fn sp<T>(node: T, span: Span) -> Spanned<T> {
    Spanned::new(node, span)
}

/// Where a placeholder `[…]` (as `juknis init` writes them) stands in a
/// statement the grammar could not read: the byte range of the first one.
fn placeholder(text: &str) -> Option<(usize, usize)> {
    let a = text.find('[')?;
    let b = a + text[a..].find(']')? + 1;
    Some((a, b))
}

impl Lower<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.d.push(d);
    }

    /// A statement the grammar could not read.
    fn rusak(&mut self, r: &ast::Rusak, block: &str, shapes: &[(&str, &str)]) {
        let kw = r.keyword.node.as_str();
        let text = r.text.node.as_str();
        if kw.eq_ignore_ascii_case("zonasi") || text.split_whitespace().any(|w| w == "zonasi") {
            self.zonasi(r.text.span, false);
            return;
        }
        if let Some((a, b)) = placeholder(text) {
            let start = r.text.span.start;
            let span = Span::new(start + a, start + b);
            let isian = text.get(a..b).unwrap_or("");
            let help = match shapes.iter().find(|(k, _)| *k == kw) {
                Some((_, example)) => t!(
                    "ganti isian dengan nilai yang diputuskan, dalam bentuk seperti: `{example}`",
                    "replace the placeholder with the value decided, in a form like: `{example}`"
                ),
                None => t!(
                    "ganti isian dengan nilai yang diputuskan",
                    "replace the placeholder with the value decided"
                ),
            };
            self.push(
                Diagnostic::new(
                    "nilai.kosong",
                    t!(
                        "`{kw}` masih berupa isian: `{isian}`",
                        "`{kw}` is still a placeholder: `{isian}`"
                    ),
                )
                .at(span, Some(t!("belum diisi", "not filled in")))
                .help(help),
            );
            return;
        }
        if let Some((a, b, t)) = values::wrong_date(text) {
            let start = r.text.span.start;
            let span = Span::new(start + a, start + b);
            let written = text.get(a..b).unwrap_or("");
            self.push(
                Diagnostic::new(
                    "sintaks.tanggal",
                    t!(
                        "tanggal ditulis TAHUN-BULAN-HARI: `{written}` adalah `{t}`",
                        "dates are written YEAR-MONTH-DAY: `{written}` is `{t}`"
                    ),
                )
                .at(span, None)
                .help(t!("tulis `{t}`", "write `{t}`"))
                .fix(span, t.to_string()),
            );
            return;
        }
        if let Some((_, example)) = shapes.iter().find(|(k, _)| *k == kw) {
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "pernyataan `{kw}` tidak dapat dibaca",
                        "cannot read the `{kw}` statement"
                    ),
                )
                .at(
                    r.text.span,
                    Some(t!("bentuk tidak sesuai", "unexpected form")),
                )
                .help(t!(
                    "tulis seperti: `{example}`",
                    "write it like: `{example}`"
                )),
            );
            return;
        }
        if kw == "kuota" && block == "jalur" {
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "`kuota` ditulis sesudah nama jalur",
                        "the quota goes after the jalur name"
                    ),
                )
                .at(r.text.span, None)
                .help(t!(
                    "tulis `jalur domisili 35% {{ … }}` atau `sub reguler 20%`",
                    "write `jalur domisili 35% {{ … }}` or `sub reguler 20%`"
                )),
            );
            return;
        }
        let words: Vec<&str> = shapes.iter().map(|(k, _)| *k).collect();
        let help = if kw.chars().next().is_some_and(|c| c.is_alphabetic()) {
            help_for(kw, &words)
        } else {
            let list = words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ");
            Text::new(
                format!("pernyataan di blok ini diawali salah satu dari: {list}"),
                format!("statements in this block start with one of: {list}"),
            )
        };
        let shown: String = text.chars().take(40).collect();
        self.push(
            Diagnostic::new(
                "sintaks.pernyataan",
                t!(
                    "pernyataan tidak dikenal di blok `{block}`: `{shown}`",
                    "unknown statement in block `{block}`: `{shown}`"
                ),
            )
            .at(r.keyword.span, Some(t!("tidak dikenal", "not understood")))
            .help(help),
        );
    }

    /// The old word `zonasi`; `rename`: it names the jalur (read as
    /// `domisili`), so writing `domisili` is a sure fix.
    fn zonasi(&mut self, span: Span, rename: bool) {
        let d = Diagnostic::new(
            "istilah.zonasi",
            t!(
                "`zonasi` adalah istilah PPDB lama",
                "`zonasi` is the old PPDB term"
            ),
        )
        .at(span, Some(t!("istilah lama", "old term")))
        .help(t!(
            "sejak SPMB 2025 jalur ini disebut `domisili`; ganti `zonasi` dengan `domisili`",
            "since SPMB 2025 this jalur is called `domisili`; replace `zonasi` with `domisili`"
        ));
        self.push(if rename { d.fix(span, "domisili") } else { d });
    }

    fn unknown_word(
        &mut self,
        w: &Spanned<String>,
        what_id: &str,
        what_en: &str,
        allowed: &[&str],
    ) {
        let word = &w.node;
        self.push(
            Diagnostic::new(
                "nama.tidak_dikenal",
                t!(
                    "{what_id} tidak dikenal: `{word}`",
                    "unknown {what_en}: `{word}`"
                ),
            )
            .at(w.span, None)
            .help(help_for(word, allowed)),
        );
    }

    fn dup(&mut self, what: &str, first: Span, again: Span) {
        self.dup_code("struktur.ganda", what, first, again);
    }

    /// A name (jalur, sub-jalur, skor, poin table, tahap number) defined twice.
    fn dup_name(&mut self, what: &str, first: Span, again: Span) {
        self.dup_code("nama.ganda", what, first, again);
    }

    fn dup_code(&mut self, code: &str, what: &str, first: Span, again: Span) {
        self.push(
            Diagnostic::new(
                code,
                t!(
                    "`{what}` ditulis lebih dari sekali",
                    "`{what}` is written more than once"
                ),
            )
            .at(
                again,
                Some(t!("ditulis lagi di sini", "written again here")),
            )
            .also(first, t!("pertama kali di sini", "first written here"))
            .help(t!("hapus salah satunya", "remove one of them")),
        );
    }

    fn set_once<T>(&mut self, slot: &mut Option<Spanned<T>>, what: &str, v: Spanned<T>) {
        if let Some(prev) = slot {
            let first = prev.span;
            self.dup(what, first, v.span);
        } else {
            *slot = Some(v);
        }
    }
}
