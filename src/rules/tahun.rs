//! What depends on the school year: whether the rulebook speaks for the
//! juknis's year at all, and the rules a later circular or derived regulation
//! added or changed (TKA in prestasi, the circular's deadline for the juknis,
//! the first wave). Each check asks the rulebook whether its rule holds in the
//! juknis's year, so the years live in the data file, not here.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Sumber, Tanggal};
use crate::rulebook::Tingkat;
use crate::t;

pub fn check(c: &mut Ctx) {
    cakupan(c);
    tka(c);
    batas_juknis(c);
    gelombang_awal(c);
}

/// Whether the juknis's jenjang is one the rule names.
fn applies(c: &Ctx, code: &str) -> bool {
    match (c.in_force(code), c.jenjang()) {
        (Some(a), Some(jj)) => a.jenjang.is_empty() || a.jenjang.iter().any(|x| x == jj.as_str()),
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// A year before the regulation's first SPMB is an error (it replaced
/// Permendikbud 1/2021); a year after the last one the rulebook has reviewed is
/// judged by the lasting rules, with a warning.
fn cakupan(c: &mut Ctx) {
    let (Some(t), Some(span)) = (c.tahun(), c.j.tahun_ajaran.as_ref().map(|t| t.span)) else {
        return;
    };
    let cak = &c.rb.cakupan;
    let (dari, akhir) = (cak.dari, cak.ditinjau_sampai);
    let nama = &c.rb.singkat;
    if t < dari {
        c.push(
            Diagnostic::new(
                "peraturan.tanggal",
                t!(
                    "tahun ajaran {t} mendahului {nama}: SPMB di bawah peraturan ini dimulai tahun ajaran {dari}",
                    "school year {t} predates {nama}: SPMB under this regulation starts with school year {dari}"
                ),
            )
            .at(span, None)
            .help(t!(
                "periksa `tahun_ajaran`; penerimaan sebelum {dari} (PPDB) diatur Permendikbud 1/2021",
                "check `tahun_ajaran`; admissions before {dari} (PPDB) fell under Permendikbud 1/2021"
            )),
        );
    } else if t > akhir {
        c.push(
            Diagnostic::new(
                "acuan.tahun",
                t!(
                    "aturan khusus SPMB {t} belum dimuat: juknis dinilai dengan {nama} dan aturan turunannya yang berlaku terus (perubahan terakhir yang dimuat: {akhir})",
                    "the rules specific to SPMB {t} are not encoded yet: the juknis is judged by {nama} and its lasting derived rules (the latest changes encoded: {akhir})"
                ),
            )
            .at(span, None)
            .help(t!(
                "periksa surat edaran SPMB {t}; ketentuannya yang khusus untuk tahun itu tidak diperiksa",
                "check the SPMB {t} circular; what it sets for that year alone is not checked"
            )),
        );
    }
}

/// A `tes(tka)` term: not usable in 2025/2026 (FAQ 47); from 2026/2027 a note
/// marks it so a reviewer can match it to the national TKA.
fn tka(c: &mut Ctx) {
    if !applies(c, "prestasi.tka") {
        return;
    }
    let Some(rule) = c.in_force("prestasi.tka") else {
        return;
    };
    let dilarang = rule.tingkat == Tingkat::Error;
    let names = &c.rb.parameter.tes_tka;
    let t = c.tahun().map(|t| t.to_string()).unwrap_or_default();
    // The year TKA becomes usable, as the rulebook dates the change.
    let sejak =
        c.rb.rule("prestasi.tka")
            .and_then(|a| a.perubahan.first())
            .map(|p| p.mulai.to_string())
            .unwrap_or_default();
    let mut out = Vec::new();
    for s in &c.j.skor {
        for suku in &s.suku {
            let Sumber::Tes { nama } = &suku.node.sumber.node else {
                continue;
            };
            if !names.iter().any(|n| n.eq_ignore_ascii_case(nama)) {
                continue;
            }
            let skor = &s.nama.node;
            let span = suku.node.sumber.span;
            out.push(if dilarang {
                Diagnostic::new(
                    "prestasi.tka",
                    t!(
                        "hasil TKA belum dapat dipakai pada SPMB {t}",
                        "TKA results cannot be used in SPMB {t}"
                    ),
                )
                .at(span, Some(t!("skor `{skor}`", "score `{skor}`")))
                .help(t!(
                    "nilai dengan rapor, prestasi, atau tes terstandar daerah tanpa biaya (mis. `tes(asesmen_daerah)`); TKA dapat dipakai sejak SPMB {sejak}",
                    "score with the rapor, achievements, or a free regional standardised test (e.g. `tes(asesmen_daerah)`); TKA may be used from SPMB {sejak}"
                ))
            } else {
                Diagnostic::new(
                    "prestasi.tka",
                    t!(
                        "skor `{skor}` menilai hasil TKA nasional",
                        "score `{skor}` scores the national TKA result"
                    ),
                )
                .at(span, None)
                .help(t!(
                    "pastikan datanya hasil TKA nasional (TKA SD untuk SMP, TKA SMP untuk SMA/SMK), bukan tes yang diselenggarakan dinas",
                    "make sure the data is the national TKA result (TKA SD for SMP, TKA SMP for SMA/SMK), not a test the Dinas runs"
                ))
            });
        }
    }
    c.out.extend(out);
}

/// The circular's last day to set the juknis, for the years it names one.
fn batas_juknis(c: &mut Ctx) {
    let (Some(t), Some(signed)) = (c.tahun(), c.j.ditetapkan.as_ref()) else {
        return;
    };
    if !applies(c, "jadwal.juknis.batas") {
        return;
    }
    let Some(batas) =
        c.rb.parameter
            .juknis_paling_lambat
            .get(&t.to_string())
            .and_then(|d| Tanggal::parse(d).ok())
    else {
        return;
    };
    let s = signed.node.tanggal;
    if s > batas {
        c.push(
            Diagnostic::new(
                "jadwal.juknis.batas",
                t!(
                    "juknis SPMB {t} ditetapkan {s}, sesudah batas surat edaran ({batas})",
                    "the SPMB {t} juknis is signed {s}, after the circular's deadline ({batas})"
                ),
            )
            .at(signed.span, None)
            .help(t!(
                "tetapkan juknis paling lambat {batas} dan sampaikan kepada BBPMP/BPMP",
                "sign the juknis by {batas} and send it to the BBPMP/BPMP"
            )),
        );
    }
}

/// From 2026/2027 the circular lets registration open with afirmasi or
/// prestasi: a note on a first wave that has neither (the order stays the
/// region's).
fn gelombang_awal(c: &mut Ctx) {
    if !applies(c, "gelombang.awal") {
        return;
    }
    let Some(first) = c.j.tahap.iter().min_by_key(|t| t.nomor.node) else {
        return;
    };
    let induk = |n: &str| n.split(['.', '@']).next().unwrap_or("").to_string();
    let ada = |name: &str| c.j.jalur.iter().any(|j| j.induk() == name);
    if !(ada("afirmasi") || ada("prestasi")) || first.jalur.is_empty() {
        return;
    }
    if first
        .jalur
        .iter()
        .any(|j| matches!(induk(&j.node).as_str(), "afirmasi" | "prestasi"))
    {
        return;
    }
    let n = first.nomor.node;
    let span = first
        .jalur
        .first()
        .map(|j| j.span)
        .unwrap_or(first.nomor.span);
    c.push(
        Diagnostic::new(
            "gelombang.awal",
            t!(
                "tahap {n}, tahap pertama, tidak memuat jalur afirmasi atau prestasi",
                "wave {n}, the first, has neither jalur afirmasi nor prestasi"
            ),
        )
        .at(span, None)
        .help(t!(
            "surat edaran SPMB 2026/2027 menyebut pendaftaran dapat dimulai dengan afirmasi atau prestasi; urutan lain tetap boleh",
            "the SPMB 2026/2027 circular says registration may open with afirmasi or prestasi; another order is still allowed"
        )),
    );
}
