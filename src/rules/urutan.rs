//! Ranking chains (urutan): every selection unit has one; the national orders of
//! FAQ 73–74 per jalur and jenjang; and a chain must not end where ties remain.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Arah, Jalur, Jenjang, Kriteria, KriteriaJenis};
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    if jj == Jenjang::TK {
        return;
    }
    let mut seen: Vec<crate::syntax::span::Span> = Vec::new();
    for leaf in c.j.leaves() {
        let Some(chain) = c.j.urutan_of(leaf) else {
            let n = &leaf.id;
            c.push(
                Diagnostic::new(
                    "juknis.isi",
                    t!(
                        "{n} belum punya urutan seleksi",
                        "{n} has no ranking (urutan)"
                    ),
                )
                .at(leaf.nama.span, None)
                .help(t!(
                    "tulis mis. `urutan jarak terdekat, usia tertua, waktu_daftar terawal`",
                    "write e.g. `urutan jarak terdekat, usia tertua, waktu_daftar terawal`"
                ))
                .note(t!(
                    "juknis wajib memuat kriteria seleksi setiap jalur",
                    "a juknis must state the selection criteria of every jalur"
                )),
            );
            continue;
        };
        // A chain written on a jalur serves all its sub-jalur: report it once, by
        // the name of whoever wrote it.
        if seen.contains(&chain.span) {
            continue;
        }
        seen.push(chain.span);
        let owner = if leaf.urutan.is_some() {
            leaf
        } else {
            c.j.parent(leaf).unwrap_or(leaf)
        };
        let ks: Vec<&Kriteria> = chain.node.iter().map(|k| &k.node).collect();
        if let Some(last) = chain.node.last() {
            if !last.node.kriteria.is_unique() {
                let n = &owner.id;
                c.push(
                    Diagnostic::new(
                        "urutan.akhir",
                        t!(
                            "urutan {n} masih bisa seri setelah kriteria terakhir",
                            "the ranking of {n} can still tie after its last criterion"
                        ),
                    )
                    .at(
                        last.span,
                        Some(t!(
                            "dua pendaftar bisa sama di sini",
                            "two applicants can be equal here"
                        )),
                    )
                    .help(t!(
                        "tambahkan `waktu_daftar terawal` di akhir urutan",
                        "add `waktu_daftar terawal` at the end of the ranking"
                    )),
                );
            }
        }
        if jj.has_national_jalur() {
            national(c, jj, owner, &ks, chain.span);
        }
        if let Some(s) = leaf
            .langsung_diterima
            .or_else(|| c.j.parent(leaf).and_then(|p| p.langsung_diterima))
        {
            if leaf.induk() != "prestasi" && jj.has_national_jalur() {
                let n = leaf.induk();
                let code = match n {
                    "domisili" => format!("urutan.domisili.{}", jj.as_str().to_lowercase()),
                    other => format!("urutan.{other}"),
                };
                c.push(
                    Diagnostic::new(
                        &code,
                        t!(
                            "jalur {n} tidak boleh menerima tanpa pemeringkatan",
                            "jalur {n} must not admit without ranking"
                        ),
                    )
                    .at(s, None)
                    .help(t!(
                        "hapus `langsung_diterima`; pendaftar diperingkat menurut urutan",
                        "remove `langsung_diterima`; applicants are ranked by the urutan"
                    )),
                );
            }
        }
    }
}

fn is_skor_tertinggi(k: Option<&&Kriteria>) -> bool {
    matches!(
        k,
        Some(Kriteria {
            kriteria: KriteriaJenis::Skor(_),
            arah: Arah::Tertinggi
        })
    )
}
fn is(k: Option<&&Kriteria>, want: KriteriaJenis, arah: Arah) -> bool {
    matches!(k, Some(x) if x.kriteria == want && x.arah == arah)
}

fn national(
    c: &mut Ctx,
    jj: Jenjang,
    leaf: &Jalur,
    ks: &[&Kriteria],
    span: crate::syntax::span::Span,
) {
    let n = leaf.id.as_str();
    if jj == Jenjang::SD && leaf.induk() == "prestasi" {
        // SD has no jalur prestasi at all (jalur.prestasi.sd); its ranking is moot.
        return;
    }
    let (code, ok, want_id, want_en) = match (leaf.induk(), jj) {
        ("domisili", Jenjang::SD) => (
            "urutan.domisili.sd",
            is(ks.first(), KriteriaJenis::Usia, Arah::Tertua)
                && is(ks.get(1), KriteriaJenis::Jarak, Arah::Terdekat),
            "usia tertua, lalu jarak terdekat",
            "oldest first, then nearest",
        ),
        ("domisili", Jenjang::SMP) => (
            "urutan.domisili.smp",
            is(ks.first(), KriteriaJenis::Jarak, Arah::Terdekat)
                && is(ks.get(1), KriteriaJenis::Usia, Arah::Tertua),
            "jarak terdekat, lalu usia tertua",
            "nearest first, then oldest",
        ),
        ("domisili", _) => (
            "urutan.domisili.sma",
            is_skor_tertinggi(ks.first())
                && is(ks.get(1), KriteriaJenis::Jarak, Arah::Terdekat)
                && is(ks.get(2), KriteriaJenis::Usia, Arah::Tertua),
            "kemampuan akademik (skor tertinggi), lalu jarak terdekat, lalu usia tertua",
            "academic ability (highest score), then nearest, then oldest",
        ),
        ("afirmasi", _) => (
            "urutan.afirmasi",
            is(ks.first(), KriteriaJenis::Jarak, Arah::Terdekat),
            "jarak terdekat lebih dulu",
            "nearest first",
        ),
        ("mutasi", _) => (
            "urutan.mutasi",
            is(ks.first(), KriteriaJenis::Jarak, Arah::Terdekat),
            "jarak terdekat lebih dulu",
            "nearest first",
        ),
        ("prestasi", _) => (
            "urutan.prestasi",
            is_skor_tertinggi(ks.first()),
            "skor prestasi tertinggi lebih dulu",
            "highest prestasi score first",
        ),
        _ => return,
    };
    if ok {
        return;
    }
    let example = match code {
        "urutan.domisili.sd" => "urutan usia tertua, jarak terdekat, waktu_daftar terawal",
        "urutan.domisili.smp" => "urutan jarak terdekat, usia tertua, waktu_daftar terawal",
        "urutan.domisili.sma" => {
            "urutan nilai_akhir tertinggi, jarak terdekat, usia tertua, waktu_daftar terawal"
        }
        "urutan.prestasi" => "urutan nilai_akhir tertinggi, jarak terdekat, waktu_daftar terawal",
        _ => "urutan jarak terdekat, usia tertua, waktu_daftar terawal",
    };
    let jn = jj.as_str();
    c.push(
        Diagnostic::new(
            code,
            t!(
                "urutan {n} untuk {jn} harus: {want_id}",
                "the {jn} ranking of {n} must be: {want_en}"
            ),
        )
        .at(span, None)
        .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
        .help(t!("tulis mis. `{example}`", "write e.g. `{example}`")),
    );
}
