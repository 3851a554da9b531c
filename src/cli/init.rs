//! `juknis init --jenjang SD|SMP|SMA|SMK|TK [--pemerintah "Kota Surabaya"]`: a
//! starting juknis that conforms, with a comment on each block naming the article
//! behind it. The numbers are the national minimums; the writer adjusts them.

use super::{EXIT_OK, EXIT_USAGE};
use clap::ValueEnum;
use juknis::diagnostic::Lang;
use miette::{miette, Result};
use std::path::PathBuf;

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum JenjangArg {
    #[value(name = "TK", alias = "tk")]
    Tk,
    #[value(name = "SD", alias = "sd")]
    Sd,
    #[value(name = "SMP", alias = "smp")]
    Smp,
    #[value(name = "SMA", alias = "sma")]
    Sma,
    #[value(name = "SMK", alias = "smk")]
    Smk,
}

impl JenjangArg {
    fn kode(self) -> &'static str {
        match self {
            JenjangArg::Tk => "TK",
            JenjangArg::Sd => "SD",
            JenjangArg::Smp => "SMP",
            JenjangArg::Sma => "SMA",
            JenjangArg::Smk => "SMK",
        }
    }
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum)]
    pub jenjang: JenjangArg,
    /// The issuing government, e.g. "Provinsi Jawa Timur", "Kota Surabaya",
    /// "Kabupaten Sleman" (default: the level that runs this jenjang).
    #[arg(long)]
    pub pemerintah: Option<String>,
    /// Admission year (default: the next admission after today).
    #[arg(long)]
    pub tahun: Option<i32>,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

fn tahun_sekarang() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(20_000) as i64;
    let (y, m, _) = juknis::engine::civil(days);
    // After July the next admission is next year's.
    (y + i64::from(m >= 7)) as i32
}

/// The template text for a jenjang.
pub fn template(jj: JenjangArg, pemerintah: Option<&str>, y: i32) -> Result<String, String> {
    let provinsi = matches!(jj, JenjangArg::Sma | JenjangArg::Smk);
    let (tingkat, nama, nama_asli) = match pemerintah.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => {
            let mut words = p.split_whitespace();
            let t = words.next().unwrap_or_default().to_lowercase();
            let rest = words.collect::<Vec<_>>().join(" ");
            if !["provinsi", "kabupaten", "kota"].contains(&t.as_str()) || rest.is_empty() {
                return Err(format!(
                    "--pemerintah: tulis tingkat dan nama, mis. \"Kota Surabaya\" / write the level and the name, e.g. \"Kota Surabaya\" (got `{p}`)"
                ));
            }
            // FAQ 15: SMA/SMK by the province, TK/SD/SMP by the regency or city.
            if provinsi != (t == "provinsi") {
                let (id, en) = if provinsi {
                    ("diterbitkan pemerintah provinsi", "issued by a province")
                } else {
                    (
                        "diterbitkan pemerintah kabupaten/kota",
                        "issued by a regency or city",
                    )
                };
                return Err(format!(
                    "--pemerintah: juknis {0} {id} (FAQ 15) / a {0} juknis is {en} (FAQ 15) (got `{p}`)",
                    jj.kode()
                ));
            }
            // A string cannot hold a line break; `"` and `\\` are escaped.
            let nama = rest.clone().replace('\\', "\\\\").replace('"', "\\\"");
            (t, nama, rest)
        }
        // Placeholders in square brackets: `check` reports them (nilai.kosong)
        // until the real name is written.
        None if provinsi => (
            "provinsi".into(),
            "[nama provinsi]".into(),
            "[nama provinsi]".into(),
        ),
        None => (
            "kabupaten".into(),
            "[nama kabupaten atau kota]".into(),
            "[nama kabupaten atau kota]".into(),
        ),
    };
    let mut tingkat_judul = tingkat.clone();
    if let Some(c) = tingkat_judul.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    let kode = jj.kode();
    let rombel = match jj {
        JenjangArg::Tk => 15,
        JenjangArg::Sd => 28,
        JenjangArg::Smp => 32,
        JenjangArg::Sma | JenjangArg::Smk => 36,
    };
    let y1 = y + 1;
    let mut s = format!(
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
  ditetapkan   {y}-02-27
  // Pengumuman pendaftaran pada minggu pertama Mei (FAQ 66).
  pengumuman_pendaftaran {y}-05-04

"#
    );
    // Age rules (Pasal 10–15); measured on 1 July.
    s.push_str(&match jj {
        JenjangArg::Tk => format!(
            "  // TK tanpa jalur dan kuota (Pasal 6); murid diterima menurut usia: kelompok A\n  // 4–5 tahun, kelompok B 5–6 tahun (Pasal 10).\n  usia {{\n    tanggal_acuan {y}-07-01\n    kelompok A 4 tahun sampai 5 tahun\n    kelompok B 5 tahun sampai 6 tahun\n  }}\n  // Bila pendaftar satu kelompok melebihi kursinya: siapa didahulukan (praktik daerah).\n  urutan usia tertua, jarak terdekat, waktu_daftar terawal\n"
        ),
        JenjangArg::Sd => format!(
            "  // Paling rendah 6 tahun, 7 tahun didahulukan; anak berbakat istimewa mulai\n  // 5 tahun 6 bulan dengan rekomendasi psikolog atau dewan guru (Pasal 11).\n  usia {{\n    tanggal_acuan {y}-07-01\n    minimal 6 tahun\n    prioritas 7 tahun\n    istimewa minimal 5 tahun 6 bulan dengan rekomendasi psikolog, dewan_guru\n  }}\n"
        ),
        JenjangArg::Smp => format!(
            "  // Paling tinggi 15 tahun pada 1 Juli (Pasal 12).\n  usia {{ tanggal_acuan {y}-07-01  maksimal 15 tahun }}\n"
        ),
        JenjangArg::Sma | JenjangArg::Smk => format!(
            "  // Paling tinggi 21 tahun pada 1 Juli (Pasal 13).\n  usia {{ tanggal_acuan {y}-07-01  maksimal 21 tahun }}\n"
        ),
    });
    if jj != JenjangArg::Tk {
        s.push_str("  // Wilayah: kelurahan/desa dan/atau kecamatan, radius, atau cara lain yang\n  // diuraikan (Pasal 25 ayat 3).\n  wilayah { metode administratif kelurahan, kecamatan }\n");
    }
    s.push_str(&format!(
        "  // Rombel paling banyak {rombel} murid (Permendikbudristek 47/2023 Pasal 8).\n  daya_tampung {{ rombel maksimal {rombel} }}\n"
    ));
    let dom_usia_jarak = "    urutan usia tertua, jarak terdekat, waktu_daftar terawal\n";
    let dom_jarak_usia = "    urutan jarak terdekat, usia tertua, waktu_daftar terawal\n";
    // SD puts applicants of 7 and over first in every jalur (Pasal 11 ayat 4).
    let awal = if jj == JenjangArg::Sd {
        "usia_prioritas, "
    } else {
        ""
    };
    let afirmasi = |q: u32| {
        format!("  // Afirmasi: keluarga tidak mampu dan penyandang disabilitas, keduanya (FAQ 27,\n  // 38, 41); diurutkan menurut jarak terdekat (FAQ 73).\n  jalur afirmasi {q}% {{\n    urutan {awal}jarak terdekat, usia tertua, waktu_daftar terawal\n    sub ketm {} {{ syarat status ketm  dokumen kip, pkh, kks }}\n    sub disabilitas 2% {{ syarat status disabilitas  dokumen kartu_disabilitas, surat_dokter }}\n  }}\n", format_args!("{}%", q - 2))
    };
    let mutasi = format!("  // Mutasi paling banyak 5%: perpindahan tugas orang tua dan anak guru di sekolah\n  // tempat orang tuanya mengajar (FAQ 27, 60, 61).\n  jalur mutasi 5% {{\n    urutan {awal}jarak terdekat, waktu_daftar terawal\n    sub pindah_tugas 4% {{ syarat status pindah_tugas  dokumen surat_penugasan, surat_pindah }}\n    sub anak_guru 1% {{ syarat status anak_guru  dokumen surat_penugasan_guru, kartu_keluarga }}\n  }}\n");
    let mutasi = mutasi.as_str();
    let domisili = |q: u32, urutan: &str| {
        format!("  // Domisili: calon murid di dalam wilayah (FAQ 37); kartu keluarga paling singkat\n  // 1 tahun (FAQ 27).\n  jalur domisili {q}% {{\n    syarat dalam_wilayah\n    dokumen kartu_keluarga minimal 1 tahun\n{urutan}  }}\n")
    };
    // The last five semesters of the previous level (FAQ 50): SD kelas IV–VI for SMP.
    let rapor = if jj == JenjangArg::Smp {
        "  // Rapor 5 semester terakhir SD (FAQ 50); tanpa akreditasi sekolah (FAQ 44).\n  skor nilai_rapor = rapor(kelas 4 semester 1 sampai kelas 6 semester 1, mapel bindo, mtk, ipa, bing)\n"
    } else {
        "  // Rapor 5 semester terakhir (FAQ 50); tanpa akreditasi sekolah (FAQ 44).\n  skor nilai_rapor = rapor(semester 1..5, mapel bindo, mtk, ipa, bing)\n"
    };
    let prestasi = |q: u32| {
        format!("  // Prestasi: diperingkat menurut skor tertinggi, tidak ada yang otomatis\n  // diterima (FAQ 46, 73).\n  jalur prestasi {q}% {{\n    dokumen rapor\n    urutan nilai_rapor tertinggi, jarak terdekat, waktu_daftar terawal\n  }}\n")
    };
    let mut units = "afirmasi, mutasi";
    match jj {
        JenjangArg::Tk => {}
        JenjangArg::Sd => {
            s.push_str("  // Satu sekolah pilihan, mekanisme tunggal; lebih dari satu pilihan memakai\n  // mekanisme lain, mis. pilihan_pertama_diutamakan.\n  pilihan { maksimal 1  mekanisme tunggal }\n\n");
            s.push_str("  // SD: domisili ≥ 70%, afirmasi ≥ 15%, mutasi ≤ 5%, tanpa jalur prestasi\n  // (Pasal 7, 30); tanpa tes (Pasal 11 ayat 5) dan tanpa prioritas lulusan TK (FAQ 26).\n");
            s.push_str(&domisili(80, dom_usia_jarak));
            s.push_str(&afirmasi(15));
            s.push_str(mutasi);
        }
        JenjangArg::Smp => {
            s.push_str("  // Satu sekolah pilihan, mekanisme tunggal; lebih dari satu pilihan memakai\n  // mekanisme lain, mis. pilihan_pertama_diutamakan.\n  pilihan { maksimal 1  mekanisme tunggal }\n");
            s.push_str(rapor);
            s.push_str("\n  // SMP: domisili ≥ 40%, afirmasi ≥ 20%, prestasi ≥ 25%, mutasi ≤ 5% (Pasal 30).\n");
            s.push_str(&domisili(50, dom_jarak_usia));
            s.push_str(&afirmasi(20));
            s.push_str(&prestasi(25));
            s.push_str(mutasi);
            units = "afirmasi, mutasi, prestasi";
        }
        JenjangArg::Sma => {
            s.push_str("  // Satu sekolah pilihan, mekanisme tunggal; lebih dari satu pilihan memakai\n  // mekanisme lain, mis. pilihan_pertama_diutamakan.\n  pilihan { maksimal 1  mekanisme tunggal }\n");
            s.push_str(rapor);
            s.push_str("\n  // SMA: domisili ≥ 30%, afirmasi ≥ 30%, prestasi ≥ 30%, mutasi ≤ 5% (Pasal 30).\n");
            s.push_str(&domisili(35, "    urutan nilai_rapor tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal\n"));
            s.push_str(&afirmasi(30));
            s.push_str(&prestasi(30));
            s.push_str(mutasi);
            units = "afirmasi, mutasi, prestasi";
        }
        JenjangArg::Smk => {
            s.push_str("  // Satu sekolah pilihan, mekanisme tunggal; lebih dari satu pilihan memakai\n  // mekanisme lain, mis. pilihan_pertama_diutamakan.\n  pilihan { maksimal 1  mekanisme tunggal }\n");
            s.push_str(rapor);
            s.push_str(
                "\n  // SMK menamai jalurnya sendiri (Pasal 6; FAQ 76); afirmasi paling sedikit 15% dan\n  // domisili paling banyak 10% (pernyataan Menteri).\n",
            );
            s.push_str(&domisili(10, dom_jarak_usia));
            s.push_str(&afirmasi(15));
            s.push_str(mutasi);
            s.push_str("  // Seleksi SMK dengan rapor, prestasi dan/atau tes bakat minat bersama dunia\n  // kerja (Pasal 13 ayat 2).\n  jalur nilai_akademik 70% {\n    dokumen rapor\n    urutan nilai_rapor tertinggi, jarak terdekat, waktu_daftar terawal\n  }\n");
            units = "afirmasi, mutasi, nilai_akademik";
        }
    }
    s.push_str("  // Kursi yang tidak daftar ulang diisi dari daftar cadangan (FAQ 80, 91).\n  cadangan semua\n\n");
    if jj == JenjangArg::Tk {
        s.push_str("  // Urutan tahapan: pendaftaran, pengumuman, daftar ulang (FAQ 70).\n");
        s.push_str(&format!("  tahap 1 {{\n    pendaftaran {y}-06-08 sampai {y}-06-12\n    pengumuman {y}-06-19\n    daftar_ulang {y}-06-22 sampai {y}-06-24\n  }}\n"));
    } else {
        s.push_str("  // Urutan tahapan: pendaftaran, seleksi, pengumuman, daftar ulang; setiap\n  // jalur tepat di satu tahap (FAQ 70).\n");
        s.push_str(&format!("  tahap 1 {{\n    jalur {units}\n    pendaftaran {y}-06-08 sampai {y}-06-10\n    pengumuman {y}-06-13\n    daftar_ulang {y}-06-15 sampai {y}-06-16\n  }}\n  tahap 2 {{\n    jalur domisili\n    pendaftaran {y}-06-17 sampai {y}-06-19\n    pengumuman {y}-06-22\n    daftar_ulang {y}-06-23 sampai {y}-06-24\n  }}\n"));
    }
    s.push_str("\n  // Tanpa biaya (FAQ 69); pendaftaran daring dan luring (FAQ 65, 67); saluran\n  // pengaduan serta pemantauan dan evaluasi wajib dimuat (Pasal 33 ayat 3).\n  biaya gratis\n  pendaftaran daring, luring\n  pengaduan \"[alamat atau laman pengaduan SPMB]\"\n  pemantauan \"[tim pemantauan dan evaluasi Dinas Pendidikan]\"\n}\n");
    Ok(s)
}

pub fn run(a: Args, lang: Lang) -> Result<u8> {
    let y = a.tahun.unwrap_or_else(tahun_sekarang);
    if !(2025..=2099).contains(&y) {
        eprintln!("--tahun 2025..2099");
        return Ok(EXIT_USAGE);
    }
    let text = match template(a.jenjang, a.pemerintah.as_deref(), y) {
        // Written in the canonical layout, so `fmt --check` passes on a new file.
        Ok(t) => juknis::format::format(&t).unwrap_or(t),
        Err(e) => {
            eprintln!("{e}");
            return Ok(EXIT_USAGE);
        }
    };
    match &a.output {
        Some(p) => {
            if p.exists() && !a.force {
                let msg = if lang == Lang::Id {
                    "sudah ada; pakai --force untuk menimpa"
                } else {
                    "already exists; use --force to overwrite"
                };
                eprintln!("{}: {msg}", p.display());
                return Ok(EXIT_USAGE);
            }
            juknis::atomic::write_atomic(p, text.as_bytes()).map_err(|e| miette!("{e}"))?;
        }
        None => out!("{text}"),
    }
    Ok(EXIT_OK)
}
