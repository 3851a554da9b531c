//! A starting juknis written from a Dinas's answers (`juknis init`, its
//! questions on a terminal, the web page's guided form). Every value the writer
//! did not give stays a placeholder in square brackets, which `check` reports
//! (`nilai.kosong`) until it is filled: the template never puts another
//! region's numbers in a draft. Each block carries a comment naming the article
//! behind it. `answers_of` reads the answers back from a juknis, so the form
//! reopens on a file it wrote: the text stays the source of truth.

mod baca;
mod pertanyaan;

pub use baca::answers_of;
pub use pertanyaan::{jalur_of, pertanyaan, Pertanyaan};

use crate::plan::jenis::Jenjang;
use crate::text::Text;
use std::collections::BTreeMap;

/// Answers by question key (`pertanyaan`); a missing or blank one is a placeholder.
pub type Jawaban = BTreeMap<String, String>;

/// The answers `juknis init` uses without asking: each question's `bawaan`.
pub fn defaults(rb: &crate::rulebook::Rulebook, j: Jenjang, tahun: i32) -> Jawaban {
    pertanyaan(rb, j, tahun)
        .into_iter()
        .filter_map(|q| q.bawaan.map(|b| (q.kunci, b)))
        .collect()
}

/// One answer as it may stand in a statement: one line, no brace or quote.
fn clean(v: &str) -> String {
    v.replace(['\n', '\r', '{', '}', '"', '[', ']'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A text for a quoted string.
fn quoted(v: &str) -> String {
    v.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}

struct Writer<'a> {
    a: &'a Jawaban,
    out: String,
}

impl Writer<'_> {
    /// The answer to `key`, cleaned; `None` when not given.
    fn get(&self, key: &str) -> Option<String> {
        self.a.get(key).map(|v| clean(v)).filter(|v| !v.is_empty())
    }
    /// The answer, or a placeholder naming what to write.
    fn or_isi(&self, key: &str, what: &str) -> String {
        self.get(key).unwrap_or_else(|| format!("[{what}]"))
    }
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }
}

/// The government's level and name from an answer like "Kota Malang";
/// refused when the level does not issue this jenjang's juknis (FAQ 15).
fn pemerintah(j: Jenjang, v: Option<&str>) -> Result<(String, String, String), Text> {
    let provinsi = matches!(j, Jenjang::SMA | Jenjang::SMK);
    let kode = j.as_str();
    match v.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => {
            let mut words = p.split_whitespace();
            let t = words.next().unwrap_or_default().to_lowercase();
            let rest = words.collect::<Vec<_>>().join(" ");
            if !["provinsi", "kabupaten", "kota"].contains(&t.as_str()) || rest.is_empty() {
                return Err(Text::new(
                    format!("tulis tingkat dan nama, mis. \"Kota Surabaya\" (tertulis `{p}`)"),
                    format!("write the level and the name, e.g. \"Kota Surabaya\" (got `{p}`)"),
                ));
            }
            if provinsi != (t == "provinsi") {
                return Err(if provinsi {
                    Text::new(
                        format!("juknis {kode} diterbitkan pemerintah provinsi (FAQ 15) (tertulis `{p}`)"),
                        format!("a {kode} juknis is issued by a province (FAQ 15) (got `{p}`)"),
                    )
                } else {
                    Text::new(
                        format!("juknis {kode} diterbitkan pemerintah kabupaten/kota (FAQ 15) (tertulis `{p}`)"),
                        format!("a {kode} juknis is issued by a regency or city (FAQ 15) (got `{p}`)"),
                    )
                });
            }
            Ok((t, quoted(&rest), rest))
        }
        None if provinsi => Ok((
            "provinsi".into(),
            "[nama provinsi]".into(),
            "[nama provinsi]".into(),
        )),
        None => Ok((
            "kabupaten".into(),
            "[nama kabupaten atau kota]".into(),
            "[nama kabupaten atau kota]".into(),
        )),
    }
}

/// A quota after the jalur's name; not given, none is written, and `check`
/// says "jalur … has no quota" on the jalur's name.
fn kuota(w: &Writer, key: &str) -> String {
    match w.get(key) {
        Some(v) if v.ends_with('%') || v.ends_with("persen") => format!(" {v}"),
        Some(v) => format!(" {v}%"),
        None => String::new(),
    }
}

/// A block on one line when it has no placeholder, else one statement a line
/// (a placeholder reads to the end of its line).
fn block(head: &str, items: &[String], indent: &str) -> String {
    if items.iter().all(|i| !i.contains('[')) {
        format!("{indent}{head} {{ {} }}\n", items.join("  "))
    } else {
        let mut s = format!("{indent}{head} {{\n");
        for i in items {
            s.push_str(&format!("{indent}  {i}\n"));
        }
        s.push_str(&format!("{indent}}}\n"));
        s
    }
}

fn jalur(w: &mut Writer, nama: &str, subs: &[&str]) {
    let comment = match nama {
        "domisili" => "  // Domisili: calon murid di dalam wilayah (FAQ 37); kartu keluarga paling singkat\n  // 1 tahun (FAQ 27).\n",
        "afirmasi" => "  // Afirmasi: keluarga tidak mampu dan penyandang disabilitas, keduanya (FAQ 27,\n  // 38, 41); diurutkan menurut jarak terdekat (FAQ 73).\n",
        "prestasi" => "  // Prestasi: diperingkat menurut skor tertinggi, tidak ada yang otomatis\n  // diterima (FAQ 46, 73).\n",
        "mutasi" => "  // Mutasi paling banyak 5%: perpindahan tugas orang tua dan anak guru di sekolah\n  // tempat orang tuanya mengajar (FAQ 27, 60, 61).\n",
        _ => "  // Seleksi SMK dengan rapor, prestasi dan/atau tes bakat minat bersama dunia\n  // kerja (Pasal 13 ayat 2).\n",
    };
    w.push(comment);
    let head = kuota(w, &format!("kuota.{nama}"));
    w.push(&format!("  jalur {nama}{head} {{\n"));
    // Not given: no `urutan`, and `check` says the jalur has no ranking order.
    let urutan = w
        .get(&format!("urutan.{nama}"))
        .map(|u| format!("    urutan {u}\n"))
        .unwrap_or_default();
    match nama {
        "domisili" => {
            w.push("    syarat dalam_wilayah\n    dokumen kartu_keluarga minimal 1 tahun\n");
            w.push(&urutan);
        }
        "prestasi" | "nilai_akademik" => {
            w.push("    dokumen rapor\n");
            w.push(&urutan);
        }
        _ => w.push(&urutan),
    }
    for s in subs {
        let (syarat, dokumen) = match *s {
            "ketm" => ("status ketm", "kip, pkh, kks"),
            "disabilitas" => ("status disabilitas", "kartu_disabilitas, surat_dokter"),
            "pindah_tugas" => ("status pindah_tugas", "surat_penugasan, surat_pindah"),
            _ => ("status anak_guru", "surat_penugasan_guru, kartu_keluarga"),
        };
        let head = kuota(w, &format!("kuota.{nama}.{s}"));
        let items = [format!("syarat {syarat}"), format!("dokumen {dokumen}")];
        let b = block(&format!("sub {s}{head}"), &items, "    ");
        w.push(&b);
    }
    w.push("  }\n");
}

/// The juknis text for a jenjang from the answers; `tahun` is the admission
/// year. Refused only when the government named cannot issue it.
pub fn write(j: Jenjang, tahun: i32, a: &Jawaban) -> Result<String, Text> {
    let mut w = Writer {
        a,
        out: String::new(),
    };
    let (tingkat, nama, nama_asli) = pemerintah(j, a.get("pemerintah").map(String::as_str))?;
    let tingkat_judul = crate::text::capitalize(&tingkat);
    let kode = j.as_str();
    let y = tahun;
    let y1 = y + 1;
    let ditetapkan = w.or_isi(
        "ditetapkan",
        "tanggal penetapan TTTT-BB-HH, paling lambat 2 bulan sebelum pengumuman pendaftaran",
    );
    let pengumuman = w.or_isi(
        "pengumuman_pendaftaran",
        "tanggal pengumuman pendaftaran TTTT-BB-HH, minggu pertama Mei",
    );
    w.push(&format!(
        r#"// Juknis SPMB {kode} {tingkat_judul} {nama_asli} {y}/{y1} — dibuat dengan `juknis init`.
// Periksa dengan `juknis check BERKAS`; rujukan bahasa: docs/language.md.
juknis "SPMB {kode} {nama} {y}" {{
  acuan        permendikdasmen-3-2025
  // SMA/SMK diatur provinsi; TK, SD, SMP diatur kabupaten/kota (FAQ 15).
  pemerintah   {tingkat} "{nama}"
  jenjang      {kode}
  tahun_ajaran {y}/{y1}
  // Ditetapkan paling lambat 2 bulan sebelum pengumuman pendaftaran (Pasal 33),
  // dan tidak sebelum Permendikdasmen 3/2025 ditetapkan (26 Februari 2025).
  ditetapkan   {ditetapkan}
  // Pengumuman pendaftaran pada minggu pertama Mei (FAQ 66).
  pengumuman_pendaftaran {pengumuman}

"#
    ));
    // Age rules (Pasal 10–15); measured on 1 July.
    w.push(&match j {
        Jenjang::TK => format!(
            "  // TK tanpa jalur dan kuota (Pasal 6); murid diterima menurut usia: kelompok A\n  // 4–5 tahun, kelompok B 5–6 tahun (Pasal 10).\n  usia {{\n    tanggal_acuan {y}-07-01\n    kelompok A 4 tahun sampai 5 tahun\n    kelompok B 5 tahun sampai 6 tahun\n  }}\n  // Bila pendaftar satu kelompok melebihi kursinya: siapa didahulukan (praktik daerah).\n  urutan {}\n",
            w.or_isi("urutan", "urutan, mis. usia tertua, jarak terdekat, waktu_daftar terawal")
        ),
        Jenjang::SD => format!(
            "  // Paling rendah 6 tahun, 7 tahun didahulukan; anak berbakat istimewa mulai\n  // 5 tahun 6 bulan dengan rekomendasi psikolog atau dewan guru (Pasal 11).\n  usia {{\n    tanggal_acuan {y}-07-01\n    minimal 6 tahun\n    prioritas 7 tahun\n    istimewa minimal 5 tahun 6 bulan dengan rekomendasi psikolog, dewan_guru\n  }}\n"
        ),
        Jenjang::SMP => format!(
            "  // Paling tinggi 15 tahun pada 1 Juli (Pasal 12).\n  usia {{ tanggal_acuan {y}-07-01  maksimal 15 tahun }}\n"
        ),
        Jenjang::SMA | Jenjang::SMK => format!(
            "  // Paling tinggi 21 tahun pada 1 Juli (Pasal 13).\n  usia {{ tanggal_acuan {y}-07-01  maksimal 21 tahun }}\n"
        ),
    });
    if j != Jenjang::TK {
        w.push("  // Wilayah: kelurahan/desa dan/atau kecamatan, radius, atau cara lain yang\n  // diuraikan (Pasal 25 ayat 3).\n");
        // A described method keeps its quoted description.
        let metode = match a.get("wilayah").map(|v| v.trim()) {
            Some(v) if v.starts_with("lainnya") => {
                let d = v.trim_start_matches("lainnya").trim().trim_matches('"');
                format!("lainnya \"{}\"", quoted(d))
            }
            _ => w.or_isi(
                "wilayah",
                "administratif kelurahan, kecamatan / radius … km / lainnya",
            ),
        };
        let b = block("wilayah", &[format!("metode {metode}")], "  ");
        w.push(&b);
    }
    let rombel = pertanyaan::rombel_of(j);
    w.push(&format!(
        "  // Rombel paling banyak {rombel} murid (Permendikbudristek 47/2023 Pasal 8).\n"
    ));
    let r = w.or_isi(
        "rombel",
        &format!("jumlah murid per rombel, paling banyak {rombel}"),
    );
    let b = block("daya_tampung", &[format!("rombel maksimal {r}")], "  ");
    w.push(&b);
    if j != Jenjang::TK {
        w.push("  // Satu sekolah pilihan, mekanisme tunggal; lebih dari satu pilihan memakai\n  // mekanisme lain, mis. pilihan_pertama_diutamakan.\n");
        let items = [
            format!("maksimal {}", w.or_isi("pilihan", "jumlah sekolah pilihan")),
            format!(
                "mekanisme {}",
                w.or_isi(
                    "mekanisme",
                    "tunggal / pilihan_pertama_diutamakan / penerimaan_tertunda"
                )
            ),
        ];
        let b = block("pilihan", &items, "  ");
        w.push(&b);
    }
    if !matches!(j, Jenjang::TK | Jenjang::SD) {
        w.push(if j == Jenjang::SMP {
            "  // Rapor 5 semester terakhir SD (FAQ 50); tanpa akreditasi sekolah (FAQ 44).\n"
        } else {
            "  // Rapor 5 semester terakhir (FAQ 50); tanpa akreditasi sekolah (FAQ 44).\n"
        });
        let rapor = w.get("rapor");
        let mapel = w.get("mapel");
        match (rapor, mapel) {
            (Some(r), Some(m)) => w.push(&format!("  skor nilai_rapor = rapor({r}, mapel {m})\n")),
            (r, m) => w.push(&format!(
                "  skor nilai_rapor = [rapor({}, mapel {})]\n",
                r.unwrap_or_else(|| "semester yang dinilai".into()),
                m.unwrap_or_else(|| "mata pelajaran".into())
            )),
        }
    }
    if j != Jenjang::TK {
        w.push("\n");
    }
    w.push(match j {
        Jenjang::TK => "",
        Jenjang::SD => "  // SD: domisili ≥ 70%, afirmasi ≥ 15%, mutasi ≤ 5%, tanpa jalur prestasi\n  // (Pasal 7, 30); tanpa tes (Pasal 11 ayat 5) dan tanpa prioritas lulusan TK (FAQ 26).\n",
        Jenjang::SMP => "  // SMP: domisili ≥ 40%, afirmasi ≥ 20%, prestasi ≥ 25%, mutasi ≤ 5% (Pasal 30).\n",
        Jenjang::SMA => "  // SMA: domisili ≥ 30%, afirmasi ≥ 30%, prestasi ≥ 30%, mutasi ≤ 5% (Pasal 30).\n",
        Jenjang::SMK => "  // SMK menamai jalurnya sendiri (Pasal 6; FAQ 76); afirmasi paling sedikit 15% dan\n  // domisili paling banyak 10% (pernyataan Menteri).\n",
    });
    for (nama, subs) in jalur_of(j) {
        jalur(&mut w, nama, subs);
    }
    w.push("  // Kursi yang tidak daftar ulang diisi dari daftar cadangan (FAQ 80, 91).\n  cadangan semua\n\n");
    if j == Jenjang::TK {
        w.push("  // Urutan tahapan: pendaftaran, pengumuman, daftar ulang (FAQ 70).\n");
    } else {
        w.push("  // Urutan tahapan: pendaftaran, seleksi, pengumuman, daftar ulang; setiap\n  // jalur tepat di satu tahap (FAQ 70).\n");
    }
    let waves = if j == Jenjang::TK { 1 } else { 2 };
    for n in 1..=waves {
        w.push(&format!("  tahap {n} {{\n"));
        if j != Jenjang::TK {
            let jl = w.or_isi(&format!("tahap.{n}.jalur"), "jalur di tahap ini");
            w.push(&format!("    jalur {jl}\n"));
        }
        for (k, what) in [
            (
                "pendaftaran",
                "tanggal mulai sampai tanggal selesai, TTTT-BB-HH",
            ),
            ("pengumuman", "tanggal TTTT-BB-HH"),
            (
                "daftar_ulang",
                "tanggal mulai sampai tanggal selesai, TTTT-BB-HH",
            ),
        ] {
            let v = w.or_isi(&format!("tahap.{n}.{k}"), what);
            w.push(&format!("    {k} {v}\n"));
        }
        w.push("  }\n");
    }
    let pengaduan = a
        .get("pengaduan")
        .map(|v| quoted(v))
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "[alamat atau laman pengaduan SPMB]".into());
    let pemantauan = a
        .get("pemantauan")
        .map(|v| quoted(v))
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "[tim pemantauan dan evaluasi Dinas Pendidikan]".into());
    w.push(&format!("\n  // Tanpa biaya (FAQ 69); pendaftaran daring dan luring (FAQ 65, 67); saluran\n  // pengaduan serta pemantauan dan evaluasi wajib dimuat (Pasal 33 ayat 3).\n  biaya gratis\n  pendaftaran daring, luring\n  pengaduan \"{pengaduan}\"\n  pemantauan \"{pemantauan}\"\n}}\n"));
    let text = w.out;
    // In the canonical layout, so `fmt --check` passes on a new file.
    Ok(crate::format::format(&text).unwrap_or(text))
}
