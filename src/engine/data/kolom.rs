//! The applicants file's columns: which ones the plan needs — each checked
//! before any row is read, naming what it is for — and where each one is.

use super::{masalah, need, DataError};
use crate::engine::{Prepared, Sekolah};
use crate::text::{t, Text};

/// Column positions, found once.
pub(super) struct Kolom {
    pub(super) nisn: usize,
    pub(super) jalur: usize,
    pub(super) pilihan: usize,
    pub(super) lahir: Option<usize>,
    pub(super) waktu: Option<usize>,
    pub(super) verifikasi: Option<usize>,
    pub(super) nomor: Option<usize>,
    pub(super) jarak: Option<usize>,
    pub(super) lintang: Option<usize>,
    pub(super) bujur: Option<usize>,
    pub(super) wilayah: Option<usize>,
    pub(super) status: Option<usize>,
    pub(super) sekolah_ortu: Option<usize>,
    pub(super) angka: Vec<usize>,
    pub(super) poin: Vec<(usize, usize)>,
}

/// The columns of the header, checked against what the plan and the schools
/// need; the first school that lacks what the ranking needs is named.
pub(super) fn kolom(
    berkas: &str,
    cols: &[String],
    prepared: &Prepared,
    sekolah: &[Sekolah],
) -> Result<Kolom, DataError> {
    let pos = |n: &str| cols.iter().position(|c| c == n);
    let nisn = need(berkas, cols, "nisn", t!("nomor murid", "student id"))?;
    let jalur = need(
        berkas,
        cols,
        "jalur",
        t!(
            "jalur atau sub-jalur yang dipilih",
            "chosen jalur or sub-jalur"
        ),
    )?;
    let pilihan = need(
        berkas,
        cols,
        "pilihan",
        t!(
            "NPSN sekolah pilihan, dipisah `;`",
            "NPSN of chosen schools, `;`-separated"
        ),
    )?;
    let lahir = if prepared.perlu_lahir {
        Some(need(berkas, cols, "tanggal_lahir", t!("usia", "age"))?)
    } else {
        pos("tanggal_lahir")
    };
    let waktu = if prepared.perlu_waktu {
        Some(need(
            berkas,
            cols,
            "waktu_daftar",
            t!("urutan waktu daftar", "registration-time ranking"),
        )?)
    } else {
        pos("waktu_daftar")
    };
    let verifikasi = if prepared.perlu_verifikasi {
        Some(need(
            berkas,
            cols,
            "waktu_verifikasi",
            t!("urutan waktu verifikasi", "verification-time ranking"),
        )?)
    } else {
        pos("waktu_verifikasi")
    };
    let nomor = if prepared.perlu_nomor {
        Some(need(
            berkas,
            cols,
            "nomor_pendaftaran",
            t!("urutan nomor pendaftaran", "registration-number ranking"),
        )?)
    } else {
        pos("nomor_pendaftaran")
    };
    let status = if prepared.status.is_empty() {
        pos("status")
    } else {
        let list = prepared.status.join(", ");
        Some(need(
            berkas,
            cols,
            "status",
            Text::new(
                format!("rencana memakai status {list}; kosongkan sel bila pendaftar tidak memilikinya"),
                format!("the plan uses the statuses {list}; leave the cell empty when an applicant has none"),
            ),
        )?)
    };
    let sekolah_ortu = if prepared.perlu_sekolah_ortu {
        Some(need(
            berkas,
            cols,
            "sekolah_orang_tua",
            t!(
                "NPSN sekolah tempat orang tua anak guru mengajar (jalur mutasi)",
                "NPSN of the school where a teacher's child's parent teaches (jalur mutasi)"
            ),
        )?)
    } else {
        pos("sekolah_orang_tua")
    };
    let wilayah = if prepared.perlu_wilayah {
        Some(need(
            berkas,
            cols,
            "wilayah",
            t!(
                "kode wilayah tempat tinggal, untuk syarat dalam_wilayah",
                "area codes of the home, for the dalam_wilayah condition"
            ),
        )?)
    } else if !prepared.perlu_wilayah_kursi.is_empty() {
        Some(need(
            berkas,
            cols,
            "wilayah",
            t!(
                "kode wilayah tempat tinggal, untuk kursi yang dibagi per wilayah (`per`)",
                "area codes of the home, for seats split by area (`per`)"
            ),
        )?)
    } else {
        pos("wilayah")
    };
    let (jarak, lintang, bujur) = (pos("jarak_m"), pos("lintang"), pos("bujur"));
    if prepared.perlu_jarak && jarak.is_none() && (lintang.is_none() || bujur.is_none()) {
        return Err(masalah(
            berkas,
            1,
            Some("jarak_m"),
            t!(
                "urutan atau wilayah memakai jarak: beri kolom `jarak_m` (meter, per pilihan dipisah `;`) atau `lintang` dan `bujur`",
                "the ranking or the zone uses distance: give a `jarak_m` column (metres, one per choice, `;`-separated) or `lintang` and `bujur`"
            ),
        )
        .kode("data.kolom"));
    }
    // Distances come from coordinates: every school needs them.
    if prepared.perlu_jarak && jarak.is_none() {
        if let Some(s) = sekolah.iter().find(|s| s.lokasi.is_none()) {
            let (n, baris) = (&s.npsn, s.baris);
            return Err(masalah(
                berkas,
                1,
                Some("jarak_m"),
                t!(
                    "jarak dihitung dari koordinat, tetapi sekolah `{n}` (baris {baris} berkas sekolah) tidak punya lintang dan bujur; lengkapi koordinatnya atau beri kolom `jarak_m`",
                    "distances come from coordinates, but school `{n}` (line {baris} of the schools file) has no latitude and longitude; add them or give a `jarak_m` column"
                ),
            )
            .kode("data.kolom"));
        }
    }
    // The zone by area codes: every school needs its codes.
    if prepared.perlu_wilayah {
        if let Some(s) = sekolah.iter().find(|s| s.wilayah.is_empty()) {
            let (n, baris) = (&s.npsn, s.baris);
            return Err(masalah(
                berkas,
                1,
                Some("wilayah"),
                t!(
                    "syarat dalam_wilayah memakai kode wilayah, tetapi sekolah `{n}` (baris {baris} berkas sekolah) tidak punya kode wilayah",
                    "the dalam_wilayah condition uses area codes, but school `{n}` (line {baris} of the schools file) has none"
                ),
            )
            .kode("data.kolom"));
        }
    }
    // Seats split by area: every school lists its areas of that level.
    for &l in &prepared.perlu_wilayah_kursi {
        let w = crate::plan::TINGKAT_WILAYAH.get(l).copied().unwrap_or("");
        if let Some(s) = sekolah
            .iter()
            .find(|s| s.wilayah_kursi.get(l).is_none_or(Vec::is_empty))
        {
            let (n, baris) = (&s.npsn, s.baris);
            return Err(masalah(
                berkas,
                1,
                Some("wilayah"),
                t!(
                    "rencana membagi kursi per {w}, tetapi sekolah `{n}` (baris {baris} berkas sekolah) tidak punya kode {w} di kolom `{w}`; tulis kode-kode {w} yang mendapat bagian kursi, dipisah `;`",
                    "the plan splits seats per {w}, but school `{n}` (line {baris} of the schools file) has no {w} codes in a `{w}` column; list the codes of the {w} areas that share the seats, `;`-separated"
                ),
            )
            .kode("data.kolom"));
        }
    }
    // TK age groups: the seats of each group are a column of the schools file.
    for k in prepared.units.iter().filter_map(|u| u.kursi_kolom.as_ref()) {
        if sekolah
            .first()
            .is_some_and(|s| !s.kursi_kolom.iter().any(|(c, _)| c == k))
        {
            return Err(masalah(
                berkas,
                1,
                None,
                t!(
                    "rencana memberi kursi kelompok usia dari kolom `{k}` berkas sekolah, tetapi kolom itu tidak ada; tulis jumlah kursi kelompok itu untuk setiap sekolah",
                    "the plan takes an age group's seats from the schools file's `{k}` column, but there is no such column; give each school's seats for that group"
                ),
            )
            .kode("data.kolom"));
        }
    }
    let mut angka = Vec::new();
    for k in &prepared.kolom_angka {
        angka.push(need(
            berkas,
            cols,
            k,
            t!("dipakai rumus skor", "used by a score formula"),
        )?);
    }
    let mut poin = Vec::new();
    for (tabel, _) in &prepared.poin {
        let a = need(
            berkas,
            cols,
            &format!("{tabel}_kategori"),
            t!("tabel poin {tabel}", "points table {tabel}"),
        )?;
        let b = need(
            berkas,
            cols,
            &format!("{tabel}_peringkat"),
            t!("tabel poin {tabel}", "points table {tabel}"),
        )?;
        poin.push((a, b));
    }
    Ok(Kolom {
        nisn,
        jalur,
        pilihan,
        lahir,
        waktu,
        verifikasi,
        nomor,
        jarak,
        lintang,
        bujur,
        wilayah,
        status,
        sekolah_ortu,
        angka,
        poin,
    })
}
