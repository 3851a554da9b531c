//! Syntax tree → model. Gives words their meaning (`ke_bawah` → a rounding
//! method), validates values (dates on the calendar, percentages ≤ 100), resolves
//! names with "did you mean", and reports the common slips the grammar accepted.
//! Always returns a model — with gaps where the text was wrong — so the regulation
//! checks still run and one pass reports everything.

use super::*;
use crate::diagnostic::suggest::help_for;
use crate::diagnostic::{Diagnostic, Teks};
use crate::span::{Span, Spanned};
use crate::syntax::ast;
use crate::t;

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
    ("cadangan", "cadangan semua"),
    ("tahap", "tahap 1 { … }"),
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
];
const PILIHAN: &[(&str, &str)] = &[
    ("maksimal", "maksimal 3"),
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
];
const TAHAP: &[(&str, &str)] = &[
    ("jalur", "jalur afirmasi, mutasi, prestasi.lomba"),
    ("pendaftaran", "pendaftaran 2025-06-16 sampai 2025-06-17"),
    ("verifikasi", "verifikasi 2025-06-16 sampai 2025-06-18"),
    ("seleksi", "seleksi 2025-06-18"),
    ("pengumuman", "pengumuman 2025-06-19 08:00"),
    ("daftar_ulang", "daftar_ulang 2025-06-19 sampai 2025-06-20"),
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
const PER: &[&str] = &[
    "rt",
    "rw",
    "kelurahan",
    "desa",
    "kecamatan",
    "kabupaten_kota",
];
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

pub fn lower(file: &ast::File, diags: &mut Vec<Diagnostic>) -> Juknis {
    let mut l = Lower { d: diags };
    l.file(file)
}

fn sp<T>(node: T, span: Span) -> Spanned<T> {
    Spanned::new(node, span)
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
            self.zonasi(r.text.span);
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
            Teks::new(
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

    fn zonasi(&mut self, span: Span) {
        self.push(
            Diagnostic::new(
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
            )),
        );
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

    fn persen(&mut self, p: &Spanned<ast::Persen>) -> Option<Spanned<Persen>> {
        let text = &p.angka.node;
        if p.kata_persen {
            let fixed = text.replace(',', ".");
            self.push(
                Diagnostic::new(
                    "sintaks.persen",
                    t!("tulis persentase dengan `%`", "write percentages with `%`"),
                )
                .at(p.span, None)
                .help(t!("tulis `{fixed}%`", "write `{fixed}%`")),
            );
        } else if p.koma {
            let fixed = text.replace(',', ".");
            self.push(
                Diagnostic::new(
                    "sintaks.koma_desimal",
                    t!(
                        "desimal ditulis dengan titik",
                        "decimals are written with a dot"
                    ),
                )
                .at(p.span, None)
                .help(t!(
                    "tulis `{fixed}%`; koma memisahkan daftar",
                    "write `{fixed}%`; commas separate list items"
                )),
            );
        }
        match Persen::parse(text) {
            Ok(v) if v <= Persen::HUNDRED => Some(sp(v, p.span)),
            Ok(_) | Err(persen::ParseError::TooLarge) => {
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "persentase di atas 100%: `{text}%`",
                            "percentage above 100%: `{text}%`"
                        ),
                    )
                    .at(p.span, None)
                    .help(t!(
                        "kuota dan bobot adalah bagian dari 100%",
                        "quotas and weights are parts of 100%"
                    )),
                );
                None
            }
            Err(persen::ParseError::TooManyDecimals) => {
                let n = persen::DECIMALS;
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "persentase dengan lebih dari {n} angka desimal",
                            "percentage with more than {n} decimals"
                        ),
                    )
                    .at(p.span, None),
                );
                None
            }
            Err(persen::ParseError::NotANumber) => None,
        }
    }

    fn int(
        &mut self,
        t: &Spanned<String>,
        max: u64,
        what_id: &str,
        what_en: &str,
    ) -> Option<Spanned<u32>> {
        match t.node.parse::<u64>() {
            Ok(v) if v <= max => Some(sp(v as u32, t.span)),
            _ if t.node.is_empty() => None,
            _ => {
                let v = &t.node;
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "{what_id} di luar batas wajar: `{v}` (paling besar {max})",
                            "{what_en} out of range: `{v}` (at most {max})"
                        ),
                    )
                    .at(t.span, None),
                );
                None
            }
        }
    }

    fn umur(&mut self, u: &Spanned<ast::Umur>) -> Option<Spanned<Bulan>> {
        let tahun = self.int(&u.tahun, 100, "usia", "age")?;
        let bulan = match &u.bulan {
            Some(b) => self.int(b, 11, "bulan", "months")?.node,
            None => 0,
        };
        Some(sp(tahun.node * 12 + bulan, u.span))
    }

    fn waktu(&mut self, w: &ast::Waktu) -> Option<Spanned<Waktu>> {
        if w.tanggal.node.is_empty() {
            return None;
        }
        let span = w
            .jam
            .as_ref()
            .map(|j| w.tanggal.span.join(j.span))
            .unwrap_or(w.tanggal.span);
        let s = &w.tanggal.node;
        let tanggal = match Tanggal::parse(s) {
            Ok(t) => t,
            Err(e) => {
                let (id, en) = match e {
                    waktu::DateError::Day { max } => (
                        format!(
                            "tanggal tidak ada di kalender: `{s}` (bulan itu hanya {max} hari)"
                        ),
                        format!("no such date: `{s}` (that month has {max} days)"),
                    ),
                    waktu::DateError::Month => (
                        format!("bulan tidak sah: `{s}`"),
                        format!("invalid month: `{s}`"),
                    ),
                    waktu::DateError::YearRange => {
                        let (a, b) = (waktu::YEARS.start(), waktu::YEARS.end());
                        (
                            format!("tahun di luar {a}–{b}: `{s}`"),
                            format!("year outside {a}–{b}: `{s}`"),
                        )
                    }
                    _ => (
                        format!("tanggal tidak sah: `{s}`"),
                        format!("invalid date: `{s}`"),
                    ),
                };
                let code = if matches!(e, waktu::DateError::YearRange) {
                    "nilai.rentang"
                } else {
                    "nilai.tanggal"
                };
                self.push(
                    Diagnostic::new(code, Teks::new(id, en))
                        .at(w.tanggal.span, None)
                        .help(t!(
                            "tulis tanggal sebagai TTTT-BB-HH, mis. `2025-06-16`",
                            "write dates as YYYY-MM-DD, e.g. `2025-06-16`"
                        )),
                );
                return None;
            }
        };
        let menit = match &w.jam {
            Some(j) => match Waktu::parse_jam(&j.node) {
                Ok(m) => Some(m),
                Err(_) => {
                    let s = &j.node;
                    self.push(
                        Diagnostic::new(
                            "nilai.tanggal",
                            t!("jam tidak sah: `{s}`", "invalid time: `{s}`"),
                        )
                        .at(j.span, None)
                        .help(t!(
                            "tulis jam sebagai JJ:MM, 00:00–23:59",
                            "write times as HH:MM, 00:00–23:59"
                        )),
                    );
                    None
                }
            },
            None => None,
        };
        Some(sp(Waktu { tanggal, menit }, span))
    }

    fn file(&mut self, f: &ast::File) -> Juknis {
        let whole = f
            .items
            .iter()
            .map(|i| i.span)
            .fold(f.judul.span, Span::join);
        let mut j = Juknis {
            judul: f.judul.clone(),
            span: whole,
            acuan: None,
            pemerintah: None,
            jenjang: None,
            tahun_ajaran: None,
            ditetapkan: None,
            pengumuman_pendaftaran: None,
            usia: Usia::default(),
            wilayah: Wilayah::default(),
            daya_tampung: DayaTampung {
                span: None,
                rombel: None,
                pengecualian: None,
                pembulatan: sp(Pembulatan::SesuaiBatas, Span::default()),
                pembulatan_ditulis: false,
                sisa_ke: None,
            },
            pilihan: Pilihan {
                span: None,
                maksimal: sp(1, Span::default()),
                mekanisme: sp(Mekanisme::Tunggal, Span::default()),
            },
            skor: Vec::new(),
            poin: Vec::new(),
            jalur: Vec::new(),
            sisa_kuota: Vec::new(),
            cadangan: None,
            tahap: Vec::new(),
            biaya: Vec::new(),
            pendaftaran: None,
            pengaduan: None,
            pemantauan: None,
            bukti: Vec::new(),
        };
        let mut pilihan_maks_ditulis = false;
        for item in &f.items {
            let span = item.span;
            match &item.node {
                ast::Item::Acuan(a) => {
                    let v = sp(a.node.clone(), a.span);
                    self.set_once(&mut j.acuan, "acuan", v);
                }
                ast::Item::Pemerintah { tingkat, nama } => {
                    let Some(t) = TingkatPemerintah::parse(&tingkat.node) else {
                        self.unknown_word(
                            tingkat,
                            "tingkat pemerintah",
                            "government level",
                            &["provinsi", "kabupaten", "kota"],
                        );
                        continue;
                    };
                    let Some(nama) = nama else {
                        self.push(
                            Diagnostic::new(
                                "sintaks.pernyataan",
                                t!(
                                    "nama pemerintah daerah belum ditulis",
                                    "the government's name is missing"
                                ),
                            )
                            .at(span, None)
                            .help(t!(
                                "tulis mis. `pemerintah provinsi \"Jawa Timur\"`",
                                "write e.g. `pemerintah provinsi \"Jawa Timur\"`"
                            )),
                        );
                        continue;
                    };
                    self.set_once(
                        &mut j.pemerintah,
                        "pemerintah",
                        sp((t, nama.node.clone()), span),
                    );
                }
                ast::Item::Jenjang(w) => match Jenjang::parse(&w.node) {
                    Some(v) => self.set_once(&mut j.jenjang, "jenjang", sp(v, w.span)),
                    None => self.unknown_word(
                        w,
                        "jenjang",
                        "jenjang",
                        &["TK", "SD", "SMP", "SMA", "SMK"],
                    ),
                },
                ast::Item::TahunAjaran { awal, akhir } => {
                    let (a, b) = (
                        self.int(awal, 2100, "tahun", "year"),
                        self.int(akhir, 2100, "tahun", "year"),
                    );
                    if let (Some(a), Some(b)) = (a, b) {
                        let (a, b) = (a.node as i32, b.node as i32);
                        if !waktu::YEARS.contains(&a) || b != a + 1 {
                            self.push(
                                Diagnostic::new(
                                    "nilai.rentang",
                                    t!(
                                        "tahun ajaran tidak sah: `{a}/{b}`",
                                        "invalid school year: `{a}/{b}`"
                                    ),
                                )
                                .at(span, None)
                                .help(t!(
                                    "tahun kedua = tahun pertama + 1, mis. `2025/2026`",
                                    "the second year is the first plus one, e.g. `2025/2026`"
                                )),
                            );
                        } else {
                            self.set_once(&mut j.tahun_ajaran, "tahun_ajaran", sp((a, b), span));
                        }
                    }
                }
                ast::Item::Ditetapkan(w) => {
                    if let Some(v) = self.waktu(w) {
                        self.set_once(&mut j.ditetapkan, "ditetapkan", v);
                    }
                }
                ast::Item::PengumumanPendaftaran(w) => {
                    if let Some(v) = self.waktu(w) {
                        self.set_once(&mut j.pengumuman_pendaftaran, "pengumuman_pendaftaran", v);
                    }
                }
                ast::Item::Usia(items) => {
                    if let Some(first) = j.usia.span {
                        self.dup("usia", first, span);
                    }
                    j.usia.span = Some(span);
                    self.usia(items, &mut j.usia);
                }
                ast::Item::Wilayah(items) => {
                    if let Some(first) = j.wilayah.span {
                        self.dup("wilayah", first, span);
                    }
                    j.wilayah.span = Some(span);
                    self.wilayah(items, &mut j.wilayah);
                }
                ast::Item::DayaTampung(items) => {
                    if let Some(first) = j.daya_tampung.span {
                        self.dup("daya_tampung", first, span);
                    }
                    j.daya_tampung.span = Some(span);
                    self.daya_tampung(items, &mut j.daya_tampung);
                }
                ast::Item::Pilihan(items) => {
                    if let Some(first) = j.pilihan.span {
                        self.dup("pilihan", first, span);
                    }
                    j.pilihan.span = Some(span);
                    for it in items {
                        match &it.node {
                            ast::PilihanItem::Maksimal(n) => {
                                if let Some(v) =
                                    self.int(n, 20, "jumlah pilihan", "number of choices")
                                {
                                    if v.node == 0 {
                                        self.push(
                                            Diagnostic::new(
                                                "nilai.rentang",
                                                t!(
                                                    "jumlah pilihan paling sedikit 1",
                                                    "at least 1 choice"
                                                ),
                                            )
                                            .at(n.span, None),
                                        );
                                    } else {
                                        j.pilihan.maksimal = v;
                                        pilihan_maks_ditulis = true;
                                    }
                                }
                            }
                            ast::PilihanItem::Mekanisme(w) => {
                                match Mekanisme::WORDS.iter().find(|(k, _)| *k == w.node) {
                                    Some((_, m)) => j.pilihan.mekanisme = sp(*m, w.span),
                                    None => {
                                        let words: Vec<&str> =
                                            Mekanisme::WORDS.iter().map(|(k, _)| *k).collect();
                                        self.unknown_word(
                                            w,
                                            "mekanisme pilihan",
                                            "choice mechanism",
                                            &words,
                                        );
                                    }
                                }
                            }
                            ast::PilihanItem::Rusak(r) => self.rusak(r, "pilihan", PILIHAN),
                        }
                    }
                }
                ast::Item::Skor { nama, suku } => {
                    if let Some(prev) = j.skor.iter().find(|s| s.nama.node == nama.node) {
                        let first = prev.nama.span;
                        self.dup_name(&format!("skor {}", nama.node), first, nama.span);
                        continue;
                    }
                    let s = self.skor(nama, suku, span);
                    j.skor.push(s);
                }
                ast::Item::Poin { nama, baris } => {
                    if let Some(prev) = j.poin.iter().find(|s| s.nama.node == nama.node) {
                        let first = prev.nama.span;
                        self.dup_name(&format!("poin {}", nama.node), first, nama.span);
                        continue;
                    }
                    let p = self.poin(nama, baris, span);
                    j.poin.push(p);
                }
                ast::Item::Jalur(a) => {
                    if a.nama.node == "zonasi" {
                        self.zonasi(a.nama.span);
                    }
                    let id = if a.nama.node == "zonasi" {
                        "domisili".to_string()
                    } else {
                        a.nama.node.clone()
                    };
                    if let Some(prev) = j.jalur.iter().find(|x| x.id == id) {
                        let first = prev.nama.span;
                        self.dup_name(&format!("jalur {id}"), first, a.nama.span);
                        continue;
                    }
                    let jl = self.jalur(a, &id, span, false);
                    j.jalur.push(jl);
                }
                ast::Item::SisaKuota { dari, ke } => j.sisa_kuota.push(SisaKuota {
                    dari: dari.clone(),
                    ke: ke.clone(),
                    span,
                }),
                ast::Item::Cadangan(c) => {
                    let v = match c {
                        ast::Cadangan::Persen(p) => {
                            self.persen(p).map(|p| sp(Cadangan::Persen(p.node), span))
                        }
                        ast::Cadangan::Nama(w) => match w.node.as_str() {
                            "semua" => Some(sp(Cadangan::Semua, span)),
                            "tidak_ada" => Some(sp(Cadangan::TidakAda, span)),
                            _ => {
                                self.unknown_word(
                                    w,
                                    "jenis cadangan",
                                    "reserve kind",
                                    &["semua", "tidak_ada"],
                                );
                                None
                            }
                        },
                    };
                    if let Some(v) = v {
                        self.set_once(&mut j.cadangan, "cadangan", v);
                    }
                }
                ast::Item::Tahap { nomor, isi } => {
                    let t = self.tahap(nomor, isi, span);
                    if let Some(t) = t {
                        if let Some(prev) = j.tahap.iter().find(|x| x.nomor.node == t.nomor.node) {
                            let first = prev.nomor.span;
                            self.dup_name(&format!("tahap {}", t.nomor.node), first, t.nomor.span);
                            continue;
                        }
                        j.tahap.push(t);
                    }
                }
                ast::Item::Biaya(b) => match b {
                    ast::Biaya::Gratis => j.biaya.push(sp(
                        Biaya {
                            untuk: None,
                            rupiah: 0,
                        },
                        span,
                    )),
                    ast::Biaya::Nominal { untuk, jumlah } => {
                        let digits: String =
                            jumlah.node.chars().filter(|c| c.is_ascii_digit()).collect();
                        match digits.parse::<u64>() {
                            Ok(r) if digits.len() <= 15 => j.biaya.push(sp(
                                Biaya {
                                    untuk: untuk.as_ref().map(|u| u.node.clone()),
                                    rupiah: r,
                                },
                                span,
                            )),
                            _ => self.push(
                                Diagnostic::new(
                                    "nilai.rentang",
                                    t!("jumlah biaya tidak wajar", "implausible amount"),
                                )
                                .at(jumlah.span, None),
                            ),
                        }
                    }
                },
                ast::Item::Pendaftaran(modes) => {
                    let mut ok = Vec::new();
                    for m in modes {
                        if MODA.contains(&m.node.as_str()) {
                            ok.push(m.clone());
                        } else {
                            self.unknown_word(m, "cara pendaftaran", "registration mode", MODA);
                        }
                    }
                    self.set_once(&mut j.pendaftaran, "pendaftaran", sp(ok, span));
                }
                ast::Item::Pengaduan(s) => {
                    let v = sp(s.node.clone(), span);
                    self.set_once(&mut j.pengaduan, "pengaduan", v);
                }
                ast::Item::Pemantauan(s) => {
                    let v = sp(s.node.clone(), span);
                    self.set_once(&mut j.pemantauan, "pemantauan", v);
                }
                ast::Item::Bukti {
                    nama,
                    status,
                    keterangan,
                } => {
                    if let Some(prev) = j.bukti.iter().find(|b| b.node.nama.node == nama.node) {
                        let first = prev.node.nama.span;
                        self.dup_name(&format!("bukti {}", nama.node), first, nama.span);
                        continue;
                    }
                    j.bukti.push(sp(
                        Bukti {
                            nama: nama.clone(),
                            status: status.clone(),
                            keterangan: keterangan.clone(),
                        },
                        span,
                    ));
                }
                ast::Item::Rusak(r) if POIN.iter().any(|(k, _)| *k == r.keyword.node) => {
                    self.rusak(r, "poin", POIN)
                }
                ast::Item::Rusak(r) => self.rusak(r, "juknis", TOP),
            }
        }
        let _ = pilihan_maks_ditulis;
        self.required(&j, whole);
        self.correct_jalur_typos(&mut j);
        self.resolve(&mut j);
        j
    }

    fn required(&mut self, j: &Juknis, whole: Span) {
        let head = Span::new(j.judul.span.start, j.judul.span.end);
        let missing: Vec<(&str, &str)> = [
            (j.acuan.is_none(), "acuan permendikdasmen-3-2025"),
            (j.pemerintah.is_none(), "pemerintah provinsi \"…\""),
            (j.jenjang.is_none(), "jenjang SMA"),
            (j.tahun_ajaran.is_none(), "tahun_ajaran 2025/2026"),
        ]
        .into_iter()
        .filter(|(m, _)| *m)
        .map(|(_, ex)| (ex.split(' ').next().unwrap_or(ex), ex))
        .collect();
        let _ = whole;
        for (kw, ex) in missing {
            self.push(
                Diagnostic::new(
                    "struktur.wajib",
                    t!("`{kw}` belum ditulis", "`{kw}` is missing"),
                )
                .at(head, Some(t!("di juknis ini", "in this juknis")))
                .help(t!(
                    "tambahkan di awal blok juknis: `{ex}`",
                    "add at the top of the juknis block: `{ex}`"
                )),
            );
        }
    }

    fn usia(&mut self, items: &[Spanned<ast::UsiaItem>], u: &mut Usia) {
        for it in items {
            let span = it.span;
            match &it.node {
                ast::UsiaItem::TanggalAcuan(w) => {
                    if let Some(v) = self.waktu(w) {
                        self.set_once(&mut u.tanggal_acuan, "tanggal_acuan", v);
                    }
                }
                ast::UsiaItem::Minimal(a) => {
                    if let Some(v) = self.umur(a) {
                        self.set_once(&mut u.minimal, "minimal", sp(v.node, span));
                    }
                }
                ast::UsiaItem::Maksimal(a) => {
                    if let Some(v) = self.umur(a) {
                        self.set_once(&mut u.maksimal, "maksimal", sp(v.node, span));
                    }
                }
                ast::UsiaItem::Prioritas(a) => {
                    if let Some(v) = self.umur(a) {
                        self.set_once(&mut u.prioritas, "prioritas", sp(v.node, span));
                    }
                }
                ast::UsiaItem::Istimewa {
                    minimal,
                    rekomendasi,
                } => {
                    for r in rekomendasi {
                        if !REKOMENDASI.contains(&r.node.as_str()) {
                            self.unknown_word(r, "pemberi rekomendasi", "recommender", REKOMENDASI);
                        }
                    }
                    if let Some(m) = self.umur(minimal) {
                        let v = sp(
                            Istimewa {
                                minimal: m,
                                rekomendasi: rekomendasi.clone(),
                            },
                            span,
                        );
                        self.set_once(&mut u.istimewa, "istimewa", v);
                    }
                }
                ast::UsiaItem::Kelompok { nama, dari, sampai } => {
                    if let (Some(a), Some(b)) = (self.umur(dari), self.umur(sampai)) {
                        if a.node > b.node {
                            self.push(
                                Diagnostic::new("nilai.rentang", t!("rentang usia terbalik", "age range is reversed"))
                                    .at(span, None)
                                    .help(t!("tulis usia terendah dulu: `kelompok A 4 tahun sampai 5 tahun`", "write the lower age first: `kelompok A 4 tahun sampai 5 tahun`")),
                            );
                        }
                        u.kelompok.push(sp(
                            Kelompok {
                                nama: nama.clone(),
                                dari: a,
                                sampai: b,
                            },
                            span,
                        ));
                    }
                }
                ast::UsiaItem::Pengecualian(list) => {
                    for w in list {
                        if !PENGECUALIAN_USIA.contains(&w.node.as_str()) {
                            self.unknown_word(
                                w,
                                "pengecualian usia",
                                "age exception",
                                PENGECUALIAN_USIA,
                            );
                        }
                    }
                    self.set_once(&mut u.pengecualian, "pengecualian", sp(list.clone(), span));
                }
                ast::UsiaItem::Rusak(r) => self.rusak(r, "usia", USIA),
            }
        }
    }

    fn wilayah(&mut self, items: &[Spanned<ast::WilayahItem>], w: &mut Wilayah) {
        for it in items {
            let span = it.span;
            let metode = match &it.node {
                ast::WilayahItem::Administratif(units) => {
                    for u in units {
                        if !UNIT_WILAYAH.contains(&unit_wilayah(&u.node)) {
                            if u.node == "zonasi" {
                                self.zonasi(u.span);
                            } else {
                                self.unknown_word(u, "satuan wilayah", "area unit", UNIT_WILAYAH);
                            }
                        }
                    }
                    Some(Metode::Administratif {
                        satuan: units
                            .iter()
                            .map(|u| unit_wilayah(&u.node).to_string())
                            .collect(),
                    })
                }
                ast::WilayahItem::Radius(km) => {
                    let meters = km
                        .node
                        .parse::<f64>()
                        .ok()
                        .filter(|v| *v > 0.0 && *v <= 500.0)
                        .map(|v| (v * 1000.0).round() as u32);
                    if meters.is_none() {
                        let v = &km.node;
                        self.push(
                            Diagnostic::new(
                                "nilai.rentang",
                                t!(
                                    "radius tidak wajar: `{v} km`",
                                    "implausible radius: `{v} km`"
                                ),
                            )
                            .at(km.span, None)
                            .help(t!(
                                "radius lebih dari 0 dan paling besar 500 km",
                                "the radius is above 0 and at most 500 km"
                            )),
                        );
                    }
                    meters.map(|meter| Metode::Radius { meter })
                }
                ast::WilayahItem::Lainnya(desc) => Some(Metode::Lainnya {
                    keterangan: desc.as_ref().map(|d| d.node.clone()),
                }),
                ast::WilayahItem::MetodeNama(names) => {
                    match names.first() {
                        Some(n) if n.node == "zonasi" => self.zonasi(n.span),
                        Some(n) => self.unknown_word(
                            n,
                            "metode wilayah",
                            "zone method",
                            &["administratif", "radius", "lainnya"],
                        ),
                        None => {}
                    }
                    None
                }
                ast::WilayahItem::Perluasan(u) => {
                    let unit = unit_wilayah(&u.node);
                    if !UNIT_WILAYAH.contains(&unit) {
                        self.unknown_word(u, "perluasan wilayah", "zone widening", UNIT_WILAYAH);
                    } else {
                        let v = sp(unit.to_string(), span);
                        self.set_once(&mut w.perluasan, "perluasan", v);
                    }
                    None
                }
                ast::WilayahItem::Perbatasan {
                    tingkat,
                    nama,
                    kesepakatan,
                } => {
                    match TingkatPemerintah::parse(&tingkat.node) {
                        Some(t) => w.perbatasan.push(sp(
                            Perbatasan {
                                tingkat: t,
                                nama: nama.node.clone(),
                                kesepakatan: kesepakatan.clone(),
                            },
                            span,
                        )),
                        None => self.unknown_word(
                            tingkat,
                            "tingkat pemerintah",
                            "government level",
                            &["provinsi", "kabupaten", "kota"],
                        ),
                    }
                    None
                }
                ast::WilayahItem::Rusak(r) => {
                    self.rusak(r, "wilayah", WILAYAH);
                    None
                }
            };
            if let Some(m) = metode {
                self.set_once(&mut w.metode, "metode", sp(m, span));
            }
        }
    }

    fn daya_tampung(&mut self, items: &[Spanned<ast::DayaTampungItem>], d: &mut DayaTampung) {
        for it in items {
            let span = it.span;
            match &it.node {
                ast::DayaTampungItem::Rombel(n) => {
                    if let Some(v) = self.int(n, 200, "ukuran rombel", "rombel size") {
                        self.set_once(&mut d.rombel, "rombel", sp(v.node, span));
                    }
                }
                ast::DayaTampungItem::Pengecualian { rombel, sampai } => {
                    let sampai = sampai.as_ref().and_then(|w| self.waktu(w)).map(|w| w.node);
                    if let Some(r) = self.int(rombel, 200, "ukuran rombel", "rombel size") {
                        let v = sp(PengecualianRombel { rombel: r, sampai }, span);
                        self.set_once(&mut d.pengecualian, "pengecualian rombel", v);
                    }
                }
                ast::DayaTampungItem::Pembulatan(w) => {
                    match Pembulatan::WORDS.iter().find(|(k, _)| *k == w.node) {
                        Some((_, p)) => {
                            if d.pembulatan_ditulis {
                                self.dup("pembulatan", d.pembulatan.span, span);
                            }
                            d.pembulatan = sp(*p, span);
                            d.pembulatan_ditulis = true;
                        }
                        None => {
                            let words: Vec<&str> =
                                Pembulatan::WORDS.iter().map(|(k, _)| *k).collect();
                            self.unknown_word(w, "cara pembulatan", "rounding method", &words);
                        }
                    }
                }
                ast::DayaTampungItem::SisaPembulatan(r) => {
                    let v = sp(r.node.clone(), r.span);
                    self.set_once(&mut d.sisa_ke, "sisa_pembulatan", v);
                }
                ast::DayaTampungItem::Rusak(r) => self.rusak(r, "daya_tampung", DAYA_TAMPUNG),
            }
        }
    }

    fn skor(&mut self, nama: &Spanned<String>, suku: &[Spanned<ast::Suku>], span: Span) -> Skor {
        let single = suku.len() == 1;
        let mut out = Vec::new();
        for s in suku {
            let bobot = match &s.node.bobot {
                Some(b) => match self.persen(b) {
                    Some(p) => p,
                    None => continue,
                },
                None if single => sp(Persen::HUNDRED, s.span),
                None => {
                    self.push(
                        Diagnostic::new(
                            "sintaks.pernyataan",
                            t!("suku rumus tanpa bobot", "formula term without a weight"),
                        )
                        .at(s.span, None)
                        .help(t!(
                            "tulis bobot di depannya, mis. `40% indeks_sekolah_asal`",
                            "put its weight in front, e.g. `40% indeks_sekolah_asal`"
                        )),
                    );
                    continue;
                }
            };
            let sumber = match &s.node.sumber.node {
                ast::Sumber::Rapor {
                    dari,
                    sampai,
                    mapel,
                } => {
                    let a = self.rapor_titik(dari);
                    let b = self.rapor_titik(sampai);
                    match (a, b) {
                        (Some(a), Some(b)) if a.1 == b.1 && a.0 >= 1 && a.0 <= b.0 => {
                            Sumber::Rapor {
                                dari: a.0,
                                sampai: b.0,
                                mapel: mapel.iter().map(|m| m.node.clone()).collect(),
                            }
                        }
                        (Some(_), Some(_)) => {
                            self.push(
                                Diagnostic::new(
                                    "nilai.rentang",
                                    t!("rentang semester tidak sah", "invalid semester range"),
                                )
                                .at(s.node.sumber.span, None)
                                .help(t!(
                                    "tulis mis. `semester 1..5`",
                                    "write e.g. `semester 1..5`"
                                )),
                            );
                            continue;
                        }
                        _ => continue,
                    }
                }
                ast::Sumber::Tes(n) => Sumber::Tes {
                    nama: n.node.clone(),
                },
                ast::Sumber::Poin(n) => Sumber::Poin {
                    tabel: n.node.clone(),
                },
                ast::Sumber::Masukan(n) => Sumber::Masukan {
                    nama: n.node.clone(),
                },
            };
            out.push(sp(
                Suku {
                    bobot,
                    sumber: sp(sumber, s.node.sumber.span),
                },
                s.span,
            ));
        }
        Skor {
            nama: nama.clone(),
            suku: out,
            span,
        }
    }

    fn poin(
        &mut self,
        nama: &Spanned<String>,
        baris: &[Spanned<ast::PoinBaris>],
        span: Span,
    ) -> TabelPoin {
        let mut out = Vec::new();
        // Values out of range, reported once for the whole table.
        let mut luar: Vec<Span> = Vec::new();
        for b in baris {
            let k = tingkat_lomba(b.node.kategori.node.as_str());
            // `ketua_osis 20` / `wakil_ketua_osis 10`: organisation in the name, the
            // rest is the role.
            if b.node.nilai.len() == 1 && b.node.nilai[0].0.node == k {
                if let Some(org) = ORGANISASI
                    .iter()
                    .find(|o| k.ends_with(&format!("_{o}")) || k.starts_with(&format!("{o}_")))
                {
                    let role = k
                        .replace(&format!("_{org}"), "")
                        .replace(&format!("{org}_"), "");
                    if let Some(v) = self.poin_nilai(&b.node.nilai[0].1, &mut luar) {
                        let kat = sp(org.to_string(), b.node.kategori.span);
                        let r = sp(role, b.node.kategori.span);
                        out.push(sp(
                            BarisPoin {
                                kategori: kat,
                                jenis: JenisBaris::Organisasi,
                                nilai: vec![(r, v)],
                            },
                            b.span,
                        ));
                    }
                    continue;
                }
            }
            let jenis = if let Some(i) = TINGKAT_LOMBA.iter().position(|t| *t == k) {
                JenisBaris::Tingkat(i as u8)
            } else if ORGANISASI.contains(&k) {
                JenisBaris::Organisasi
            } else {
                let all: Vec<&str> = TINGKAT_LOMBA
                    .iter()
                    .chain(ORGANISASI.iter())
                    .copied()
                    .collect();
                self.unknown_word(
                    &b.node.kategori,
                    "tingkat atau organisasi",
                    "level or organisation",
                    &all,
                );
                continue;
            };
            let mut nilai = Vec::new();
            for (r, v) in &b.node.nilai {
                if let Some(v) = self.poin_nilai(v, &mut luar) {
                    nilai.push((r.clone(), v));
                }
            }
            out.push(sp(
                BarisPoin {
                    kategori: sp(k.to_string(), b.node.kategori.span),
                    jenis,
                    nilai,
                },
                b.span,
            ));
        }
        if let Some((first, rest)) = luar.split_first() {
            let n = luar.len();
            let mut d = Diagnostic::new(
                "nilai.rentang",
                t!(
                    "{n} nilai poin di tabel `{}` melebihi {MAKS_POIN}",
                    "{n} point values in table `{}` exceed {MAKS_POIN}",
                    nama.node
                ),
            )
            .at(*first, None)
            .help(t!(
                "poin adalah bilangan bulat 0 sampai {MAKS_POIN}",
                "points are whole numbers from 0 to {MAKS_POIN}"
            ));
            for s in rest {
                d = d.also(*s, t!("juga di sini", "also here"));
            }
            self.push(d);
        }
        TabelPoin {
            nama: nama.clone(),
            baris: out,
            span,
        }
    }

    /// One points value: a whole number up to `MAKS_POIN`; larger values are
    /// collected in `luar` and reported once per table, fractions at once.
    fn poin_nilai(&mut self, v: &Spanned<String>, luar: &mut Vec<Span>) -> Option<Spanned<u32>> {
        if v.node.contains('.') {
            let x = &v.node;
            let ribuan = x.split_once('.').is_some_and(|(_, f)| f.len() == 3);
            let plain: String = x.chars().filter(|c| *c != '.').collect();
            if ribuan {
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "poin ditulis tanpa titik ribuan: `{plain}`, bukan `{x}`",
                            "write points without a thousands dot: `{plain}`, not `{x}`"
                        ),
                    )
                    .at(v.span, None)
                    .help(t!("tulis `{plain}`", "write `{plain}`")),
                );
                return None;
            }
            self.push(
                Diagnostic::new(
                    "nilai.rentang",
                    t!(
                        "poin harus bilangan bulat, bukan `{x}`",
                        "points must be whole numbers, not `{x}`"
                    ),
                )
                .at(v.span, None)
                .help(t!(
                    "bahasa juknis belum mendukung poin pecahan; kalikan semua poin tabel ini dengan 10 (mis. 0.5 → 5)",
                    "the juknis language does not support fractional points yet; multiply every point of this table by 10 (e.g. 0.5 → 5)"
                )),
            );
            return None;
        }
        match v.node.parse::<u64>() {
            Ok(x) if x <= u64::from(MAKS_POIN) => Some(sp(x as u32, v.span)),
            _ => {
                luar.push(v.span);
                None
            }
        }
    }

    fn jalur(&mut self, a: &ast::Jalur, id: &str, span: Span, is_sub: bool) -> Jalur {
        let kuota = a.kuota.as_ref().and_then(|p| self.persen(p));
        let mut j = Jalur {
            id: id.to_string(),
            nama: a.nama.clone(),
            kuota,
            syarat: Vec::new(),
            dokumen: Vec::new(),
            dokumen_span: None,
            urutan: None,
            per: None,
            langsung_diterima: None,
            sub: Vec::new(),
            sub_ganda: false,
            span,
        };
        if a.kuota.is_none() {
            let n = &a.nama.node;
            let (kw_id, kw_en) = if is_sub {
                ("sub", "sub")
            } else {
                ("jalur", "jalur")
            };
            let _ = kw_en;
            let leaf = id.rsplit('.').next().unwrap_or(id).to_string();
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "{kw_id} `{n}` belum punya kuota",
                        "{kw_id} `{n}` has no quota"
                    ),
                )
                .at(a.nama.span, None)
                .help(t!(
                    "tulis persentasenya sesudah nama: `{kw_id} {leaf} 30%`",
                    "write its percentage after the name: `{kw_id} {leaf} 30%`"
                )),
            );
        }
        for it in &a.isi {
            let s = it.span;
            match &it.node {
                ast::JalurItem::Sub(sub) => {
                    let sid = format!("{id}.{}", sub.nama.node);
                    if let Some(prev) = j.sub.iter().find(|x| x.id == sid) {
                        let first = prev.nama.span;
                        self.dup_name(&format!("sub {}", sub.nama.node), first, sub.nama.span);
                        j.sub_ganda = true;
                        continue;
                    }
                    let sj = self.jalur(sub, &sid, s, true);
                    j.sub.push(sj);
                }
                ast::JalurItem::Syarat(list) => {
                    for x in list {
                        let v = match &x.node {
                            ast::Syarat::Status(n) => Syarat::Status(n.node.clone()),
                            ast::Syarat::Nama(n) if n.node == "dalam_wilayah" => {
                                Syarat::DalamWilayah
                            }
                            ast::Syarat::Nama(n) => Syarat::Lain(n.node.clone()),
                        };
                        j.syarat.push(sp(v, x.span));
                    }
                }
                ast::JalurItem::Dokumen(list) => {
                    j.dokumen_span = Some(j.dokumen_span.map_or(s, |d| d.join(s)));
                    for d in list {
                        let minimal_bulan = match &d.node.minimal {
                            Some(u) => match self.umur(u) {
                                Some(m) => Some(m.node),
                                None => continue,
                            },
                            None => None,
                        };
                        j.dokumen.push(sp(
                            Dokumen {
                                nama: d.node.nama.node.clone(),
                                minimal_bulan,
                            },
                            d.span,
                        ));
                    }
                }
                ast::JalurItem::Urutan(list) => {
                    let mut ks = Vec::new();
                    for k in list {
                        if let Some(v) = self.kriteria(k) {
                            ks.push(v);
                        }
                    }
                    let v = sp(ks, s);
                    self.set_once(&mut j.urutan, "urutan", v);
                }
                ast::JalurItem::Per(w) => {
                    if PER.contains(&w.node.as_str()) {
                        let v = sp(w.node.clone(), s);
                        self.set_once(&mut j.per, "per", v);
                    } else {
                        self.unknown_word(w, "satuan wilayah", "area unit", PER);
                    }
                }
                ast::JalurItem::LangsungDiterima => j.langsung_diterima = Some(s),
                ast::JalurItem::Rusak(r) => {
                    if is_sub && r.keyword.node == "sub" {
                        self.push(
                            Diagnostic::new(
                                "sintaks.pernyataan",
                                t!(
                                    "sub-jalur tidak boleh berisi sub-jalur",
                                    "a sub-jalur cannot contain sub-jalur"
                                ),
                            )
                            .at(r.text.span, None)
                            .help(t!(
                                "tulis semua sub-jalur langsung di dalam blok jalur",
                                "declare every sub-jalur directly inside the jalur block"
                            )),
                        );
                    } else {
                        self.rusak(r, "jalur", JALUR);
                    }
                }
            }
        }
        j
    }

    /// A rapor range end as a semester number counted from the first semester of
    /// the level it belongs to (SD 1–12, SMP 1–6), and that level's first kelas:
    /// `kelas 4 semester 1` → (7, 1); `kelas 7 semester 1` → (1, 7); a bare
    /// `semester 5` → (5, 0).
    fn rapor_titik(&mut self, t: &ast::RaporTitik) -> Option<(u32, u32)> {
        let Some(k) = &t.kelas else {
            let s = self.int(&t.semester, 12, "semester", "semester")?;
            return Some((s.node, 0));
        };
        let kelas = self.int(k, 12, "kelas", "grade")?;
        let sem = self.int(
            &t.semester,
            2,
            "semester dalam satu kelas",
            "semester within a grade",
        )?;
        let pertama = match kelas.node {
            1..=6 => 1,
            7..=9 => 7,
            v => {
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "rapor jenjang sebelumnya: kelas 1–6 (SD) atau 7–9 (SMP), bukan kelas {v}",
                            "rapor of the previous level: grade 1–6 (SD) or 7–9 (SMP), not grade {v}"
                        ),
                    )
                    .at(k.span, None),
                );
                return None;
            }
        };
        if sem.node == 0 {
            self.push(
                Diagnostic::new(
                    "nilai.rentang",
                    t!(
                        "semester dalam satu kelas adalah 1 atau 2",
                        "the semester within a grade is 1 or 2"
                    ),
                )
                .at(sem.span, None),
            );
            return None;
        }
        Some(((kelas.node - pertama) * 2 + sem.node, pertama))
    }

    fn kriteria(&mut self, k: &Spanned<ast::Kriteria>) -> Option<Spanned<Kriteria>> {
        let name = k.node.nama.node.as_str();
        let jenis = match name {
            "jarak" => KriteriaJenis::Jarak,
            "usia" => KriteriaJenis::Usia,
            "waktu_daftar" => KriteriaJenis::WaktuDaftar,
            "nomor_pendaftaran" => KriteriaJenis::NomorPendaftaran,
            "usia_prioritas" => KriteriaJenis::UsiaPrioritas,
            // Score names are resolved once every `skor` is known (`resolve`).
            other => KriteriaJenis::Skor(other.to_string()),
        };
        let allowed: &[(&str, Arah)] = match &jenis {
            KriteriaJenis::Skor(_) => {
                &[("tertinggi", Arah::Tertinggi), ("terendah", Arah::Terendah)]
            }
            KriteriaJenis::Jarak => &[("terdekat", Arah::Terdekat), ("terjauh", Arah::Terjauh)],
            KriteriaJenis::Usia => &[("tertua", Arah::Tertua), ("termuda", Arah::Termuda)],
            KriteriaJenis::WaktuDaftar => &[("terawal", Arah::Terawal)],
            KriteriaJenis::NomorPendaftaran => &[("terkecil", Arah::Terkecil)],
            KriteriaJenis::UsiaPrioritas => &[("dulu", Arah::Dulu)],
        };
        let words: Vec<&str> = allowed.iter().map(|(w, _)| *w).collect();
        // `usia_prioritas` has one direction: the priority age and older first.
        if jenis == KriteriaJenis::UsiaPrioritas && k.node.arah.is_none() {
            return Some(sp(
                Kriteria {
                    kriteria: jenis,
                    arah: Arah::Dulu,
                },
                k.span,
            ));
        }
        let Some(arah_t) = &k.node.arah else {
            let first = words.first().copied().unwrap_or("");
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "kriteria `{name}` tanpa arah",
                        "criterion `{name}` has no direction"
                    ),
                )
                .at(k.span, None)
                .help(t!(
                    "tulis arahnya, mis. `{name} {first}`",
                    "add its direction, e.g. `{name} {first}`"
                )),
            );
            return None;
        };
        match allowed.iter().find(|(w, _)| *w == arah_t.node) {
            Some((_, arah)) => Some(sp(
                Kriteria {
                    kriteria: jenis,
                    arah: *arah,
                },
                k.span,
            )),
            None => {
                self.unknown_word(
                    arah_t,
                    &format!("arah untuk `{name}`"),
                    &format!("direction for `{name}`"),
                    &words,
                );
                None
            }
        }
    }

    fn tahap(
        &mut self,
        nomor: &Spanned<String>,
        isi: &[Spanned<ast::TahapItem>],
        span: Span,
    ) -> Option<Tahap> {
        let n = self.int(nomor, 50, "nomor tahap", "wave number")?;
        let mut t = Tahap {
            nomor: n,
            jadwal_rusak: false,
            jalur: Vec::new(),
            jadwal: Vec::new(),
            span,
        };
        for it in isi {
            match &it.node {
                ast::TahapItem::Jalur(list) => t.jalur.extend(list.iter().cloned()),
                ast::TahapItem::Jadwal {
                    tahapan,
                    mulai,
                    selesai,
                } => {
                    let tp = match tahapan.node.as_str() {
                        "pendaftaran" => Tahapan::Pendaftaran,
                        "verifikasi" => Tahapan::Verifikasi,
                        "seleksi" => Tahapan::Seleksi,
                        "pengumuman" => Tahapan::Pengumuman,
                        _ => Tahapan::DaftarUlang,
                    };
                    let (Some(a), b) = (self.waktu(mulai), selesai.as_ref().map(|s| self.waktu(s)))
                    else {
                        t.jadwal_rusak = true;
                        continue;
                    };
                    let b = match b {
                        Some(Some(b)) => b.node,
                        Some(None) => {
                            t.jadwal_rusak = true;
                            continue;
                        }
                        None => a.node,
                    };
                    if b.before(a.node) {
                        let (x, y, nm) = (a.node, b, tp.as_str());
                        self.push(
                            Diagnostic::new(
                                "tahapan",
                                t!(
                                    "jadwal `{nm}` berakhir sebelum dimulai ({x} sampai {y})",
                                    "`{nm}` ends before it starts ({x} to {y})"
                                ),
                            )
                            .at(it.span, None),
                        );
                    }
                    if let Some(prev) = t.jadwal.iter().find(|j| j.tahapan == tp) {
                        let first = prev.span;
                        self.dup(tp.as_str(), first, it.span);
                        continue;
                    }
                    t.jadwal.push(Jadwal {
                        tahapan: tp,
                        mulai: a.node,
                        selesai: b,
                        span: it.span,
                    });
                }
                ast::TahapItem::Rusak(r) => {
                    t.jadwal_rusak = true;
                    self.rusak(r, "tahap", TAHAP)
                }
            }
        }
        Some(t)
    }

    /// SD/SMP/SMA know only the four national jalur, so a near miss (`domisli`) is a
    /// typo: report it once with the fix and check the rest as if it were spelt
    /// right, instead of cascading into "domisili missing" and unknown references.
    fn correct_jalur_typos(&mut self, j: &mut Juknis) {
        if !j.jenjang().is_some_and(Jenjang::has_national_jalur) {
            return;
        }
        let taken: Vec<String> = j.jalur.iter().map(|x| x.id.clone()).collect();
        for jl in j.jalur.iter_mut() {
            if NATIONAL_JALUR.contains(&jl.id.as_str()) {
                continue;
            }
            let Some(fix) = crate::diagnostic::suggest::closest(&jl.id, NATIONAL_JALUR) else {
                continue;
            };
            if taken.iter().any(|t| t == fix) {
                continue;
            }
            let n = jl.id.clone();
            self.push(
                Diagnostic::new(
                    "jalur.cakupan",
                    t!(
                        "`{n}` bukan jalur SPMB; mungkin maksud Anda `{fix}`?",
                        "`{n}` is not an SPMB jalur; did you mean `{fix}`?"
                    ),
                )
                .at(jl.nama.span, None)
                .help(t!("tulis `jalur {fix}`", "write `jalur {fix}`")),
            );
            jl.id = fix.to_string();
            for sub in jl.sub.iter_mut() {
                if let Some((_, rest)) = sub.id.split_once('.') {
                    sub.id = format!("{fix}.{rest}");
                }
            }
        }
    }

    /// Name resolution: references to jalur, sub-jalur, skor and poin tables.
    fn resolve(&mut self, j: &mut Juknis) {
        // The old word in a reference (`zonasi`, `zonasi.d1`) is reported once and
        // read as `domisili`, so it does not cascade into unknown-name errors.
        let refs = j.tahap.iter_mut().flat_map(|t| t.jalur.iter_mut()).chain(
            j.sisa_kuota
                .iter_mut()
                .flat_map(|s| [&mut s.dari, &mut s.ke]),
        );
        let mut old_word = Vec::new();
        for r in refs {
            if r.node == "zonasi" {
                r.node = "domisili".to_string();
                old_word.push(r.span);
            } else if let Some(rest) = r.node.strip_prefix("zonasi.") {
                r.node = format!("domisili.{rest}");
                old_word.push(Span::new(r.span.start, r.span.start + "zonasi".len()));
            }
        }
        for s in old_word {
            self.zonasi(s);
        }
        let ids: Vec<String> = j
            .jalur
            .iter()
            .flat_map(|x| std::iter::once(x.id.clone()).chain(x.sub.iter().map(|s| s.id.clone())))
            .collect();
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let check_ref = |me: &mut Self, r: &Spanned<String>| -> bool {
            if id_refs.contains(&r.node.as_str()) {
                return true;
            }
            if r.node == "zonasi" {
                me.zonasi(r.span);
                return false;
            }
            let n = &r.node;
            me.push(
                Diagnostic::new(
                    "nama.tidak_dikenal",
                    t!("jalur tidak dikenal: `{n}`", "unknown jalur: `{n}`"),
                )
                .at(r.span, None)
                .help(help_for(n, &id_refs)),
            );
            false
        };
        for t in &j.tahap {
            for r in &t.jalur {
                check_ref(self, r);
            }
        }
        for s in &j.sisa_kuota {
            check_ref(self, &s.dari);
            check_ref(self, &s.ke);
        }
        if let Some(r) = &j.daya_tampung.sisa_ke {
            if !j.jalur.iter().any(|x| x.id == r.node) {
                let n = &r.node;
                let tops: Vec<&str> = j.jalur.iter().map(|x| x.id.as_str()).collect();
                self.push(
                    Diagnostic::new(
                        "nama.tidak_dikenal",
                        t!("jalur tidak dikenal: `{n}`", "unknown jalur: `{n}`"),
                    )
                    .at(r.span, None)
                    .help(help_for(n, &tops)),
                );
            }
        }
        let skor_names: Vec<String> = j.skor.iter().map(|s| s.nama.node.clone()).collect();
        let mut known: Vec<&str> = skor_names.iter().map(String::as_str).collect();
        known.extend(KRITERIA);
        let known = known.clone();
        let mut bad: Vec<(Spanned<String>, Vec<&str>)> = Vec::new();
        let mut drop_unknown = |x: &mut Jalur| {
            if let Some(u) = &mut x.urutan {
                u.node.retain(|k| match &k.node.kriteria {
                    KriteriaJenis::Skor(n) if !skor_names.contains(n) => {
                        bad.push((sp(n.clone(), k.span), known.clone()));
                        false
                    }
                    _ => true,
                });
            }
        };
        for jl in j.jalur.iter_mut() {
            drop_unknown(jl);
            for x in jl.sub.iter_mut() {
                drop_unknown(x);
            }
        }
        for (n, cands) in bad {
            let name = &n.node;
            self.push(
                Diagnostic::new("nama.tidak_dikenal", t!("kriteria tidak dikenal: `{name}`", "unknown criterion: `{name}`"))
                    .at(n.span, None)
                    .help(help_for(name, &cands))
                    .note(t!(
                        "kriteria adalah nama `skor` yang ditulis di juknis ini, atau `jarak`, `usia`, `waktu_daftar`, `nomor_pendaftaran`",
                        "a criterion is a `skor` defined in this juknis, or `jarak`, `usia`, `waktu_daftar`, `nomor_pendaftaran`"
                    )),
            );
        }
        let tables: Vec<&str> = j.poin.iter().map(|p| p.nama.node.as_str()).collect();
        for s in &j.skor {
            for su in &s.suku {
                if let Sumber::Poin { tabel } = &su.node.sumber.node {
                    if !tables.contains(&tabel.as_str()) {
                        let span = su.node.sumber.span;
                        self.push(
                            Diagnostic::new(
                                "nama.tidak_dikenal",
                                t!(
                                    "tabel poin tidak dikenal: `{tabel}`",
                                    "unknown points table: `{tabel}`"
                                ),
                            )
                            .at(span, None)
                            .help(if tables.is_empty() {
                                t!(
                                    "tulis tabelnya: `poin {tabel} {{ … }}`",
                                    "define it: `poin {tabel} {{ … }}`"
                                )
                            } else {
                                help_for(tabel, &tables)
                            }),
                        );
                    }
                }
            }
        }
    }
}
