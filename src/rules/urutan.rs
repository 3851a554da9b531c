//! Ranking chains (urutan): every selection unit has one; the national orders of
//! FAQ 73–74 per jalur and jenjang; and a chain must not end where ties remain.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Arah, Jalur, Jenjang, Kriteria, KriteriaJenis};
use crate::span::Span;
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    if jj == Jenjang::TK {
        return;
    }
    let mut seen: Vec<crate::span::Span> = Vec::new();
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
        // `anak_guru dulu`: the status is judged as a condition of this jalur
        // would be (known status, of this jalur's groups).
        for k in chain.node.iter() {
            if let KriteriaJenis::Status(n) = &k.node.kriteria {
                let s = crate::model::Syarat::Status(n.clone());
                super::syarat::syarat(c, jj, owner, &s, k.span);
            }
        }
        if jj != Jenjang::SD {
            for k in chain
                .node
                .iter()
                .filter(|k| k.node.kriteria == KriteriaJenis::UsiaPrioritas)
            {
                let jn = jj.as_str();
                c.push(
                    Diagnostic::new(
                        "nama.tidak_dikenal",
                        t!(
                            "`usia_prioritas` hanya untuk SD, bukan {jn}",
                            "`usia_prioritas` is for SD only, not {jn}"
                        ),
                    )
                    .at(k.span, None)
                    .help(t!(
                        "peraturan memprioritaskan usia 7 tahun ke atas hanya di kelas 1 SD; pakai `usia tertua` bila usia menjadi kriteria",
                        "the regulation gives age priority (7 and over) only in grade 1 SD; use `usia tertua` if age is a criterion"
                    )),
                );
            }
        }
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
                // A jalur the regulation does not know is reported by
                // `jalur.cakupan`; its ranking rule does not exist.
                let code = match n {
                    "domisili" => format!("urutan.domisili.{}", jj.as_str().to_lowercase()),
                    "afirmasi" | "mutasi" => format!("urutan.{n}"),
                    _ => continue,
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

/// A criterion as it is written: `jarak terdekat`, `usia_prioritas`.
pub fn render(k: &Kriteria) -> String {
    let nama = match &k.kriteria {
        KriteriaJenis::Skor(n) => n.as_str(),
        KriteriaJenis::Jarak => "jarak",
        KriteriaJenis::Usia => "usia",
        KriteriaJenis::WaktuDaftar => "waktu_daftar",
        KriteriaJenis::WaktuVerifikasi => "waktu_verifikasi",
        KriteriaJenis::NomorPendaftaran => "nomor_pendaftaran",
        KriteriaJenis::UsiaPrioritas => return "usia_prioritas".into(),
        KriteriaJenis::Status(n) => n.as_str(),
        KriteriaJenis::Undian(b) => return format!("undian benih {b:?}"),
    };
    let arah = match k.arah {
        Arah::Tertinggi => "tertinggi",
        Arah::Terendah => "terendah",
        Arah::Terdekat => "terdekat",
        Arah::Terjauh => "terjauh",
        Arah::Tertua => "tertua",
        Arah::Termuda => "termuda",
        Arah::Terawal => "terawal",
        Arah::Terkecil => "terkecil",
        Arah::Dulu => "dulu",
    };
    format!("{nama} {arah}")
}

/// The writer's chain with `want` moved to the front (after a leading
/// `usia_prioritas`, which stays first): their own criteria are kept, in their
/// order, after the ones the source names.
fn saran(ks: &[&Kriteria], want: &[Kriteria]) -> String {
    let mut out: Vec<String> = Vec::new();
    if ks
        .first()
        .is_some_and(|k| k.kriteria == KriteriaJenis::UsiaPrioritas)
    {
        out.push("usia_prioritas".into());
    }
    out.extend(want.iter().map(render));
    for k in ks {
        let t = render(k);
        let same_kind = want.iter().any(|w| w.kriteria == k.kriteria);
        if !out.contains(&t) && !same_kind {
            out.push(t);
        }
    }
    format!("urutan {}", out.join(", "))
}

fn k(kriteria: KriteriaJenis, arah: Arah) -> Kriteria {
    Kriteria { kriteria, arah }
}

/// SD (Pasal 11(4)): every ranking puts applicants of 7 and over first — with
/// `usia_prioritas` or by `usia tertua` as its first criterion.
fn prioritas_sd(c: &mut Ctx, leaf: &Jalur, ks: &[&Kriteria], span: Span) {
    let first = ks.first();
    if first.is_some_and(|k| k.kriteria == KriteriaJenis::UsiaPrioritas)
        || is(first, KriteriaJenis::Usia, Arah::Tertua)
    {
        return;
    }
    let n = &leaf.id;
    let chain: Vec<String> = ks.iter().map(|k| render(k)).collect();
    let example = format!("urutan usia_prioritas, {}", chain.join(", "));
    c.push(
        Diagnostic::new(
            "usia.sd.prioritas",
            t!(
                "urutan {n} tidak mendahulukan calon murid berusia 7 tahun ke atas",
                "the ranking of {n} does not put applicants aged 7 and over first"
            ),
        )
        .at(span, None)
        .also(c.jenjang_span(), t!("jenjang SD", "jenjang SD"))
        .help(t!("tulis `{example}`", "write `{example}`")),
    );
}

fn national(c: &mut Ctx, jj: Jenjang, leaf: &Jalur, ks: &[&Kriteria], span: Span) {
    if jj == Jenjang::SD && leaf.induk() == "prestasi" {
        // SD has no jalur prestasi at all (jalur.prestasi.sd); its ranking is moot.
        return;
    }
    if jj == Jenjang::SD {
        prioritas_sd(c, leaf, ks, span);
    }
    // The SD age priority comes before the order each jalur prescribes; outside
    // SD it is reported on its own and left out here.
    let rest: Vec<&Kriteria> = match ks.first() {
        Some(k) if jj == Jenjang::SD && k.kriteria == KriteriaJenis::UsiaPrioritas => {
            ks[1..].to_vec()
        }
        _ if jj != Jenjang::SD => ks
            .iter()
            .filter(|k| k.kriteria != KriteriaJenis::UsiaPrioritas)
            .copied()
            .collect(),
        _ => ks.to_vec(),
    };
    let skor = rest
        .first()
        .and_then(|k| match &k.kriteria {
            KriteriaJenis::Skor(n) => Some(n.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "nilai_akhir".into());
    let jarak = || k(KriteriaJenis::Jarak, Arah::Terdekat);
    let usia = || k(KriteriaJenis::Usia, Arah::Tertua);
    let nilai = || k(KriteriaJenis::Skor(skor.clone()), Arah::Tertinggi);
    let (code, ok, want, want_id, want_en) = match (leaf.induk(), jj) {
        ("domisili", Jenjang::SD) => (
            "urutan.domisili.sd",
            is(rest.first(), KriteriaJenis::Usia, Arah::Tertua)
                && is(rest.get(1), KriteriaJenis::Jarak, Arah::Terdekat),
            vec![usia(), jarak()],
            "usia tertua, lalu jarak terdekat",
            "oldest first, then nearest",
        ),
        ("domisili", Jenjang::SMP) => (
            "urutan.domisili.smp",
            is(rest.first(), KriteriaJenis::Jarak, Arah::Terdekat)
                && is(rest.get(1), KriteriaJenis::Usia, Arah::Tertua),
            vec![jarak(), usia()],
            "jarak terdekat, lalu usia tertua",
            "nearest first, then oldest",
        ),
        // Academic ability may be measured by more than one score in turn
        // (`nilai_akhir tertinggi, rapor_mtk tertinggi`): all of them come
        // before distance.
        ("domisili", _) => (
            "urutan.domisili.sma",
            {
                let n = rest
                    .iter()
                    .take_while(|k| is_skor_tertinggi(Some(k)))
                    .count();
                n >= 1
                    && is(rest.get(n), KriteriaJenis::Jarak, Arah::Terdekat)
                    && is(rest.get(n + 1), KriteriaJenis::Usia, Arah::Tertua)
            },
            vec![nilai(), jarak(), usia()],
            "kemampuan akademik (skor tertinggi), lalu jarak terdekat, lalu usia tertua",
            "academic ability (highest score), then nearest, then oldest",
        ),
        ("afirmasi", _) => (
            "urutan.afirmasi",
            is(rest.first(), KriteriaJenis::Jarak, Arah::Terdekat),
            vec![jarak()],
            "jarak terdekat lebih dulu",
            "nearest first",
        ),
        ("mutasi", _) => (
            "urutan.mutasi",
            is(rest.first(), KriteriaJenis::Jarak, Arah::Terdekat),
            vec![jarak()],
            "jarak terdekat lebih dulu",
            "nearest first",
        ),
        ("prestasi", _) => (
            "urutan.prestasi",
            is_skor_tertinggi(rest.first()),
            vec![nilai()],
            "skor prestasi tertinggi lebih dulu",
            "highest prestasi score first",
        ),
        _ => return,
    };
    if ok {
        return;
    }
    let example = saran(ks, &want);
    let n = leaf.id.as_str();
    let jn = jj.as_str();
    // Errors say what the source requires; warnings (secondary sources) say what
    // the source gives, without "harus".
    let warning =
        c.rb.rule(code)
            .is_some_and(|r| r.severity() != crate::diagnostic::Severity::Error);
    let message = if warning {
        t!(
            "urutan {n} untuk {jn} menurut FAQ 73 adalah: {want_id}",
            "for {jn}, FAQ 73 ranks {n} by: {want_en}"
        )
    } else {
        t!(
            "urutan {n} untuk {jn} harus: {want_id}",
            "the {jn} ranking of {n} must be: {want_en}"
        )
    };
    let help = if warning {
        t!(
            "bila mengikuti sumber itu, tulis mis. `{example}`; kriteria daerah sesudahnya tetap boleh",
            "to follow that source, write e.g. `{example}`; the region's own criteria after these remain allowed"
        )
    } else {
        t!("tulis mis. `{example}`", "write e.g. `{example}`")
    };
    c.push(
        Diagnostic::new(code, message)
            .at(span, None)
            .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
            .help(help),
    );
}
