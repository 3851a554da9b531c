//! An overview of a juknis for people rather than programs: each jalur's quota
//! beside the national bound for the jenjang, and the waves' schedule. The web
//! page draws it as quota bars and a timeline. It is read from the model, so it
//! is there even while the juknis still has errors (a wrong quota is exactly
//! what a bar should show).

use crate::model::{Jalur, Jenjang, Juknis, Persen};
use crate::rulebook::Rulebook;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Tinjauan {
    pub judul: String,
    pub jenjang: Option<&'static str>,
    pub jalur: Vec<KuotaJalur>,
    /// Sum of the top-level quotas, when every jalur has one.
    pub jumlah: Option<f64>,
    pub tahap: Vec<JadwalTahap>,
}

/// One jalur (or sub-jalur) with the national bound that applies to it.
#[derive(Debug, Serialize)]
pub struct KuotaJalur {
    pub id: String,
    pub nama: String,
    /// Percent of daya tampung; absent when the juknis gives none.
    pub persen: Option<f64>,
    /// The regulation's bound for this jalur at this jenjang.
    pub batas: Option<Batas>,
    /// 1-based line of the quota (or of the jalur when it has no quota).
    pub baris: usize,
    pub sub: Vec<KuotaJalur>,
}

#[derive(Debug, Serialize)]
pub struct Batas {
    /// `min` (at least) or `maks` (at most).
    pub jenis: &'static str,
    pub persen: f64,
    /// The rule that checks it, and its article.
    pub aturan: &'static str,
    pub pasal: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JadwalTahap {
    pub nomor: u32,
    pub jalur: Vec<String>,
    pub jadwal: Vec<Jadwal>,
}

#[derive(Debug, Serialize)]
pub struct Jadwal {
    /// pendaftaran, verifikasi, seleksi, pengumuman or daftar_ulang.
    pub tahapan: &'static str,
    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.
    pub mulai: String,
    pub selesai: String,
}

fn angka(p: Persen) -> Option<f64> {
    p.to_string().parse().ok()
}

/// The national bound on a top-level jalur's quota for a jenjang, with the rule
/// that checks it and its article.
pub fn kuota_bound(rb: &Rulebook, jenjang: Option<Jenjang>, induk: &str) -> Option<Batas> {
    let j = jenjang?;
    let k = &rb.parameter.kuota;
    let key = j.as_str();
    let pick = |m: &std::collections::BTreeMap<String, String>| {
        m.get(key).and_then(|v| v.parse::<f64>().ok())
    };
    let (jenis, persen, aturan) = match (j, induk) {
        (Jenjang::SMK, "afirmasi") => ("min", k.smk_afirmasi_min.parse().ok()?, "smk.afirmasi.min"),
        (Jenjang::SMK, "domisili") => {
            ("maks", k.smk_domisili_max.parse().ok()?, "smk.domisili.max")
        }
        (Jenjang::SD, "prestasi") => ("maks", 0.0, "jalur.prestasi.sd"),
        (_, "domisili") => ("min", pick(&k.domisili_min)?, "kuota.domisili.min"),
        (_, "afirmasi") => ("min", pick(&k.afirmasi_min)?, "kuota.afirmasi.min"),
        (_, "prestasi") => ("min", pick(&k.prestasi_min)?, "kuota.prestasi.min"),
        (_, "mutasi") => ("maks", pick(&k.mutasi_max)?, "kuota.mutasi.max"),
        _ => return None,
    };
    Some(Batas {
        jenis,
        persen,
        aturan,
        pasal: rb.rule(aturan).and_then(|a| a.dasar.first().cloned()),
    })
}

fn kuota_jalur(
    j: &Jalur,
    jenjang: Option<Jenjang>,
    rb: &Rulebook,
    line: &dyn Fn(usize) -> usize,
    top: bool,
) -> KuotaJalur {
    let span = j.kuota.as_ref().map_or(j.span, |k| k.span);
    KuotaJalur {
        id: j.id.clone(),
        nama: j.nama.node.clone(),
        persen: j.kuota.as_ref().and_then(|k| angka(k.node)),
        batas: if top {
            kuota_bound(rb, jenjang, j.induk())
        } else {
            None
        },
        baris: line(span.start),
        sub: j
            .sub
            .iter()
            .map(|s| kuota_jalur(s, jenjang, rb, line, false))
            .collect(),
    }
}

/// The overview of `j`, whose source is `src` (for line numbers).
pub fn tinjauan(j: &Juknis, rb: &Rulebook, src: &str) -> Tinjauan {
    let ix = crate::span::IndeksBaris::new(src);
    let line = |offset: usize| ix.line_col(src, offset).0;
    let jenjang = j.jenjang();
    let jalur: Vec<KuotaJalur> = j
        .jalur
        .iter()
        .map(|x| kuota_jalur(x, jenjang, rb, &line, true))
        .collect();
    let jumlah = jalur
        .iter()
        .map(|x| x.persen)
        .sum::<Option<f64>>()
        .filter(|_| !jalur.is_empty());
    let tahap = j
        .tahap
        .iter()
        .map(|t| JadwalTahap {
            nomor: t.nomor.node,
            jalur: t.jalur.iter().map(|x| x.node.clone()).collect(),
            jadwal: t
                .jadwal
                .iter()
                .map(|d| Jadwal {
                    tahapan: d.tahapan.as_str(),
                    mulai: d.mulai.to_string(),
                    selesai: d.selesai.to_string(),
                })
                .collect(),
        })
        .collect();
    Tinjauan {
        judul: j.judul.node.clone(),
        jenjang: jenjang.map(Jenjang::as_str),
        jalur,
        jumlah,
        tahap,
    }
}
