//! What a change means against the regulation: a problem the checker finds
//! that it brings or removes, a quota moving toward or away from its national
//! bound, ranking criteria dropped or added.

use super::{JenisRelevansi, Relevansi};
use crate::diagnostic::{Diagnostic, Lang};
use crate::model::Persen;
use crate::rulebook::Rulebook;

pub(super) fn relevansi_of(d: &Diagnostic, jenis: JenisRelevansi, lang: Lang) -> Relevansi {
    let sev = d.severity.word();
    let msg = d.message.get(lang);
    Relevansi {
        jenis,
        teks: match (jenis, lang) {
            (JenisRelevansi::MasalahHilang, Lang::Id) => format!("{sev} hilang: {msg}"),
            (JenisRelevansi::MasalahHilang, Lang::En) => format!("{sev} gone: {msg}"),
            (_, Lang::Id) => format!("{sev} baru: {msg}"),
            (_, Lang::En) => format!("new {sev}: {msg}"),
        },
        kode: Some(d.code.clone()),
        dasar: d.article.clone(),
    }
}

/// A national jalur's quota moving toward or away from its bound.
pub(super) fn bound(
    rb: &Rulebook,
    jj: crate::model::Jenjang,
    kunci: &str,
    lama: Option<Persen>,
    baru: Option<Persen>,
    lang: Lang,
    out: &mut Vec<Relevansi>,
) {
    let Some(jalur) = kunci
        .strip_prefix("jalur ")
        .and_then(|r| r.strip_suffix(" · kuota"))
    else {
        return;
    };
    let k = &rb.parameter.kuota;
    let (code, map, is_min) = match jalur {
        "domisili" => ("kuota.domisili.min", &k.domisili_min, true),
        "afirmasi" => ("kuota.afirmasi.min", &k.afirmasi_min, true),
        "prestasi" => ("kuota.prestasi.min", &k.prestasi_min, true),
        "mutasi" => ("kuota.mutasi.max", &k.mutasi_max, false),
        _ => return,
    };
    let (Some(lama), Some(baru), Some(batas)) = (lama, baru, crate::rules::Ctx::param(map, jj))
    else {
        return;
    };
    // Room left inside the bound (negative: outside; the checker reports it).
    let room = |p: Persen| if is_min { p - batas } else { batas - p };
    let (rl, rb_) = (room(lama), room(baru));
    // Outside the bound on either side: the checker's error (new or gone)
    // says it.
    if rb_ < Persen::ZERO || rl < Persen::ZERO || rl == rb_ {
        return;
    }
    let (w_id, w_en) = if is_min {
        ("minimum", "minimum")
    } else {
        ("maksimum", "maximum")
    };
    let jenis = if rb_ < rl {
        JenisRelevansi::MendekatiBatas
    } else {
        JenisRelevansi::MenjauhiBatas
    };
    let teks = match (jenis, lang) {
        (JenisRelevansi::MendekatiBatas, Lang::Id) => format!(
            "kuota {jalur} {lama}% → {baru}%: mendekati batas {w_id} {batas}% (sisa ruang {rb_} poin persen)"
        ),
        (JenisRelevansi::MendekatiBatas, Lang::En) => format!(
            "{jalur} quota {lama}% → {baru}%: closer to the {w_en} of {batas}% ({rb_} percentage points to spare)"
        ),
        (_, Lang::Id) => format!(
            "kuota {jalur} {lama}% → {baru}%: menjauhi batas {w_id} {batas}%"
        ),
        (_, Lang::En) => format!(
            "{jalur} quota {lama}% → {baru}%: further from the {w_en} of {batas}%"
        ),
    };
    out.push(Relevansi {
        jenis,
        teks,
        kode: Some(code.into()),
        dasar: rb.rule(code).and_then(|a| a.citation()),
    });
}

/// Ranking criteria dropped or added (compared by their first word: `jarak`,
/// `usia`, a score's name).
pub(super) fn criteria(
    lama: Option<&str>,
    baru: Option<&str>,
    lang: Lang,
    out: &mut Vec<Relevansi>,
) {
    let names = |t: Option<&str>| -> Vec<String> {
        t.map(|t| t.trim_start_matches("urutan").trim())
            .unwrap_or("")
            .split(',')
            .filter_map(|c| c.split_whitespace().next().map(str::to_string))
            .collect()
    };
    let (l, b) = (names(lama), names(baru));
    let dropped: Vec<&str> = l
        .iter()
        .filter(|x| !b.contains(x))
        .map(String::as_str)
        .collect();
    let added: Vec<&str> = b
        .iter()
        .filter(|x| !l.contains(x))
        .map(String::as_str)
        .collect();
    if !dropped.is_empty() && lama.is_some() && baru.is_some() {
        let d = dropped.join(", ");
        out.push(Relevansi {
            jenis: JenisRelevansi::KriteriaDihapus,
            teks: match lang {
                Lang::Id => format!("kriteria dihapus: {d}"),
                Lang::En => format!("criteria dropped: {d}"),
            },
            kode: None,
            dasar: None,
        });
    }
    if !added.is_empty() && lama.is_some() && baru.is_some() {
        let a = added.join(", ");
        out.push(Relevansi {
            jenis: JenisRelevansi::KriteriaDitambah,
            teks: match lang {
                Lang::Id => format!("kriteria ditambah: {a}"),
                Lang::En => format!("criteria added: {a}"),
            },
            kode: None,
            dasar: None,
        });
    }
}
