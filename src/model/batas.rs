//! Counts a juknis may not exceed. A real juknis has 4–10 jalur and 1–4 waves;
//! these bounds are far above that, and keep the regulation checks (which
//! compare jalur and waves pairwise) and the engine bounded on crafted files.

use super::Juknis;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::t;

pub use crate::plan::batas::*;

fn lebih(apa: (&str, &str), max: usize, span: Span) -> Diagnostic {
    let (id, en) = apa;
    Diagnostic::new(
        "batas.jumlah",
        t!(
            "terlalu banyak {id} (batas {max})",
            "too many {en} (limit {max})"
        ),
    )
    .at(
        span,
        Some(t!("yang ke-{} di sini", "number {} here", max + 1)),
    )
    .help(t!(
        "juknis nyata jauh di bawah batas ini; periksa apakah bagian ini tergandakan",
        "a real juknis is far below this limit; check whether this part was duplicated"
    ))
}

/// One diagnostic per count over its limit, at the first item beyond it.
pub fn check(j: &Juknis) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let jalur: Vec<Span> = j
        .jalur
        .iter()
        .flat_map(|x| std::iter::once(x.span).chain(x.sub.iter().map(|s| s.span)))
        .collect();
    if let Some(s) = jalur.get(MAKS_JALUR) {
        out.push(lebih(
            ("jalur dan sub-jalur", "jalur and sub-jalur"),
            MAKS_JALUR,
            *s,
        ));
    }
    if let Some(t) = j.tahap.get(MAKS_TAHAP) {
        out.push(lebih(("tahap", "waves"), MAKS_TAHAP, t.span));
    }
    // Every (sub-)jalur once per wave that names it (directly or by its jalur).
    let mut unit = 0;
    'rounds: for t in &j.tahap {
        for r in &t.jalur {
            unit += j.find(&r.node).map_or(0, |x| x.leaves().len());
            if unit > MAKS_UNIT {
                out.push(lebih(
                    ("seleksi jalur per tahap", "jalur selections over the waves"),
                    MAKS_UNIT,
                    r.span,
                ));
                break 'rounds;
            }
        }
    }
    if let Some(v) = j.kuota_sekolah.get(MAKS_VARIAN) {
        out.push(lebih(
            ("blok kuota_sekolah", "kuota_sekolah blocks"),
            MAKS_VARIAN,
            v.span,
        ));
    }
    if let Some(s) = j.skor.get(MAKS_SKOR) {
        out.push(lebih(("rumus skor", "score formulas"), MAKS_SKOR, s.span));
    }
    if let Some(p) = j.poin.get(MAKS_TABEL_POIN) {
        out.push(lebih(
            ("tabel poin", "points tables"),
            MAKS_TABEL_POIN,
            p.span,
        ));
    }
    for p in &j.poin {
        if let Some(b) = p.baris.get(MAKS_BARIS_POIN) {
            out.push(lebih(
                ("baris tabel poin", "points-table rows"),
                MAKS_BARIS_POIN,
                b.span,
            ));
        }
    }
    for x in j
        .jalur
        .iter()
        .flat_map(|x| std::iter::once(x).chain(x.sub.iter()))
    {
        if let Some(c) = x.urutan.as_ref().and_then(|u| u.node.get(MAKS_URUTAN)) {
            out.push(lebih(
                ("kriteria urutan", "ranking criteria"),
                MAKS_URUTAN,
                c.span,
            ));
        }
        if let Some(s) = x.syarat.get(MAKS_SYARAT) {
            out.push(lebih(("syarat", "requirements"), MAKS_SYARAT, s.span));
        }
        if let Some(d) = x.dokumen.get(MAKS_SYARAT) {
            out.push(lebih(("dokumen", "documents"), MAKS_SYARAT, d.span));
        }
    }
    out
}
