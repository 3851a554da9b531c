//! The juknis the verdict tests are written on (Jawa Tengah SMA, Kota Semarang
//! SD — in a style unlike the bundled examples) and their helpers: edit a base,
//! and find each diagnostic's code with the line it points at.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use juknis::check_bytes;

pub const SMA: &str = r#"// Juknis SPMB SMA Negeri Provinsi Jawa Tengah 2025/2026
juknis "Petunjuk Teknis SPMB SMA Negeri Jawa Tengah 2025" {
  acuan permendikdasmen-3-2025
  pemerintah provinsi "Jawa Tengah"
  jenjang SMA
  tahun_ajaran 2025/2026
  ditetapkan 2025-02-28
  pengumuman_pendaftaran 2025-05-02

  usia {
    tanggal_acuan 2025-07-01
    maksimal 21 tahun
  }
  wilayah {
    metode radius 5 km
  }
  daya_tampung {
    rombel maksimal 36
  }
  pilihan {
    maksimal 1
    mekanisme tunggal
  }

  skor rata_rapor = rapor(semester 1..5, mapel bindo, bing, mtk, ipa, ips)
  skor nilai_prestasi = 70% poin(kejuaraan) + 30% rata_rapor
  poin kejuaraan {
    kabupaten_kota juara_1 25, juara_2 20, juara_3 15
    provinsi juara_1 45, juara_2 40, juara_3 35
    nasional juara_1 75, juara_2 70, juara_3 65
    internasional juara_1 100, juara_2 95, juara_3 90
  }
  poin organisasi {
    osis ketua 20
  }

  jalur afirmasi 30% {
    urutan jarak terdekat, usia tertua, waktu_daftar terawal
    sub tidak_mampu 27% {
      syarat status ketm
      dokumen kip, pkh, dtks
    }
    sub disabilitas 3% {
      syarat status disabilitas
      dokumen kartu_disabilitas, surat_dokter
    }
  }
  jalur mutasi 5% {
    dokumen surat_penugasan, surat_pindah
    urutan jarak terdekat, usia tertua, waktu_daftar terawal
  }
  jalur prestasi 30% {
    dokumen sertifikat, rapor
    urutan nilai_prestasi tertinggi, jarak terdekat, waktu_daftar terawal
  }
  jalur domisili 35% {
    syarat dalam_wilayah
    dokumen kartu_keluarga minimal 1 tahun
    urutan rata_rapor tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal
  }
  sisa_kuota prestasi ke domisili

  tahap 1 {
    jalur afirmasi, mutasi, prestasi
    pendaftaran 2025-06-10 sampai 2025-06-13
    seleksi 2025-06-14
    pengumuman 2025-06-16
    daftar_ulang 2025-06-17 sampai 2025-06-18
  }
  tahap 2 {
    jalur domisili
    pendaftaran 2025-06-19 sampai 2025-06-21
    pengumuman 2025-06-24
    daftar_ulang 2025-06-25 sampai 2025-06-26
  }

  cadangan semua
  biaya gratis
  pendaftaran daring, luring
  pengaduan "Posko SPMB di setiap Cabang Dinas Pendidikan Wilayah"
  pemantauan "Dinas Pendidikan dan Kebudayaan Provinsi Jawa Tengah"
}
"#;

pub const SD: &str = r#"// Juknis SPMB SD Negeri Kota Semarang 2025/2026
juknis "SPMB SD Kota Semarang 2025" {
  acuan permendikdasmen-3-2025
  pemerintah kota "Semarang"
  jenjang SD
  tahun_ajaran 2025/2026
  ditetapkan 2025-03-03
  pengumuman_pendaftaran 2025-05-05
  usia {
    tanggal_acuan 2025-07-01
    minimal 6 tahun
    prioritas 7 tahun
    istimewa minimal 5 tahun 6 bulan dengan rekomendasi psikolog
  }
  wilayah {
    metode administratif kelurahan
  }
  daya_tampung {
    rombel maksimal 28
  }
  jalur domisili 75% {
    syarat dalam_wilayah
    dokumen kartu_keluarga minimal 1 tahun
    urutan usia tertua, jarak terdekat, waktu_daftar terawal
  }
  jalur afirmasi 20% {
    dokumen kip, kartu_disabilitas
    urutan usia_prioritas, jarak terdekat, usia tertua, waktu_daftar terawal
  }
  jalur mutasi 5% {
    dokumen surat_penugasan
    urutan usia_prioritas, jarak terdekat, waktu_daftar terawal
  }
  tahap 1 {
    jalur domisili, afirmasi, mutasi
    pendaftaran 2025-06-16 sampai 2025-06-19
    pengumuman 2025-06-23
    daftar_ulang 2025-06-24 sampai 2025-06-25
  }
  biaya gratis
  pendaftaran daring, luring
  pengaduan "Dinas Pendidikan Kota Semarang, telepon 024-1234567"
  pemantauan "Dinas Pendidikan Kota Semarang"
}
"#;

/// Apply text replacements (each must match exactly once) to a base juknis.
pub fn edit(base: &str, subs: &[(&str, &str)]) -> String {
    let mut s = base.to_string();
    for (old, new) in subs {
        assert_eq!(s.matches(old).count(), 1, "pattern {old:?} must occur once");
        s = s.replacen(old, new, 1);
    }
    s
}

/// The codes found, and for each the text of the line its primary label starts on.
pub fn found(src: &str) -> Vec<(String, String)> {
    let checked = check_bytes(src.as_bytes());
    checked
        .diagnostics
        .iter()
        .map(|d| {
            let start = d
                .labels
                .iter()
                .find(|l| l.primary)
                .map(|l| l.span.start)
                .unwrap_or(0);
            let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
            (d.code.clone(), src[line_start..line_end].trim().to_string())
        })
        .collect()
}

/// The codes found, in order.
pub fn codes(src: &str) -> Vec<String> {
    found(src).into_iter().map(|(c, _)| c).collect()
}

/// Exactly one diagnostic, with this code, on a line containing `line_has`.
pub fn expect(src: &str, code: &str, line_has: &str) {
    let f = found(src);
    assert_eq!(
        f.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        vec![code],
        "diagnostics: {f:?}"
    );
    assert!(
        f[0].1.contains(line_has),
        "{code} points at `{}`, expected a line with `{line_has}`",
        f[0].1
    );
}
