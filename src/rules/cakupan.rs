//! Whom each national jalur serves (the definitions of the jalur): domisili only
//! applicants domiciled in the zone; afirmasi both poor families and applicants
//! with disabilities; mutasi both parent transfers and teachers' children. A jalur
//! may split its groups into sub-jalur, but together they must admit every group,
//! each with a condition and a proof the group can meet.

use super::dokumen::proven_by;
use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Jalur, Jenjang, Persen, Syarat};
use crate::span::Span;
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    if !jj.has_national_jalur() {
        return;
    }
    domisili(c);
    for jalur in ["afirmasi", "mutasi"] {
        if let Some(jl) = c.j.jalur(jalur) {
            kelompok(c, jl, jj);
        }
    }
}

/// Every domisili selection unit is bound to the zone.
fn domisili(c: &mut Ctx) {
    let Some(jl) = c.j.jalur("domisili") else {
        return;
    };
    let terikat =
        |s: &[crate::span::Spanned<Syarat>]| s.iter().any(|x| x.node == Syarat::DalamWilayah);
    // Units that inherit the jalur's conditions are reported once, on the jalur.
    let mewarisi = jl.sub.is_empty() || jl.sub.iter().any(|s| s.syarat.is_empty());
    if mewarisi && !terikat(&jl.syarat) {
        push_domisili(c, jl, &jl.syarat);
    }
    for s in jl.sub.iter().filter(|s| !s.syarat.is_empty()) {
        if !terikat(&s.syarat) {
            push_domisili(c, s, &s.syarat);
        }
    }
}

fn push_domisili(c: &mut Ctx, unit: &Jalur, syarat: &[crate::span::Spanned<Syarat>]) {
    let n = &unit.id;
    let (at, help) = match (syarat.first(), syarat.last()) {
        (Some(a), Some(b)) => (
            a.span.join(b.span),
            t!(
                "tambahkan `dalam_wilayah` ke syarat ini",
                "add `dalam_wilayah` to these conditions"
            ),
        ),
        _ => (
            unit.nama.span,
            t!(
                "tulis `syarat dalam_wilayah` di dalam blok {n}",
                "write `syarat dalam_wilayah` inside the {n} block"
            ),
        ),
    };
    c.push(
        Diagnostic::new(
            "domisili.cakupan",
            t!(
                "{n} tidak terikat wilayah penerimaan",
                "{n} is not bound to the admission zone"
            ),
        )
        .at(
            at,
            Some(t!(
                "tanpa `dalam_wilayah`, pendaftar dari mana pun diterima",
                "without `dalam_wilayah`, applicants from anywhere are admitted"
            )),
        )
        .help(help)
        .note(t!(
            "jalur domisili diperuntukkan bagi calon murid yang berdomisili di dalam wilayah penerimaan",
            "jalur domisili is for applicants domiciled inside the admission zone"
        )),
    );
}

/// Why one selection unit does not serve a group.
enum Alasan {
    /// Its conditions name another group (`syarat status ketm`).
    Syarat(Span, String),
    /// It names two groups at once: only applicants in both may apply.
    Keduanya(Span),
    /// None of its documents proves membership of the group.
    Bukti(Span),
    /// Its quota is 0%.
    Nol(Span),
}

fn kelompok(c: &mut Ctx, jl: &Jalur, jj: Jenjang) {
    let groups = c.rb.parameter.status_jalur(jl.induk());
    if groups.is_empty() {
        return;
    }
    let mut served = vec![false; groups.len()];
    // Per group, the first reason a unit does not serve it (for the labels).
    let mut why: Vec<Vec<(String, Alasan)>> = groups.iter().map(|_| Vec::new()).collect();
    for leaf in jl.leaves() {
        let syarat = c.j.syarat_of(leaf);
        let named: Vec<(&str, Span)> = syarat
            .iter()
            .filter_map(|s| match &s.node {
                Syarat::Status(n) if groups.contains(&n.as_str()) => Some((n.as_str(), s.span)),
                _ => None,
            })
            .collect();
        // `status ketm atau disabilitas`: the unit serves each group it lists.
        let pilihan: Option<(Vec<&str>, Span)> = syarat.iter().find_map(|s| match &s.node {
            Syarat::SalahSatu(ns) => Some((ns.iter().map(String::as_str).collect(), s.span)),
            _ => None,
        });
        let docs: Vec<&str> =
            c.j.dokumen_of(leaf)
                .iter()
                .map(|d| d.node.nama.as_str())
                .collect();
        // Documents that prove none of the groups are reported by dok.afirmasi /
        // dok.mutasi; here only a proof that leaves one group out counts.
        let proves_some = docs
            .iter()
            .any(|d| proven_by(c.j, d).iter().any(|x| groups.contains(x)));
        let nol = leaf
            .kuota
            .as_ref()
            .filter(|k| k.node == Persen::ZERO)
            .map(|k| k.span);
        for (gi, g) in groups.iter().enumerate() {
            let alasan = if let Some(s) = nol {
                Some(Alasan::Nol(s))
            } else if let Some((ns, s)) = pilihan.as_ref().filter(|(ns, _)| !ns.contains(g)) {
                Some(Alasan::Syarat(*s, ns.join(" atau ")))
            } else if named.len() > 1 {
                Some(Alasan::Keduanya(named[0].1.join(named[named.len() - 1].1)))
            } else if let Some((other, s)) = named.first().filter(|(n, _)| n != g) {
                Some(Alasan::Syarat(*s, other.to_string()))
            } else if proves_some && !docs.iter().any(|d| proven_by(c.j, d).contains(g)) {
                let span = leaf
                    .dokumen_span
                    .or_else(|| c.j.parent(leaf).and_then(|p| p.dokumen_span))
                    .unwrap_or(leaf.nama.span);
                Some(Alasan::Bukti(span))
            } else {
                None
            };
            match alasan {
                None => served[gi] = true,
                Some(a) => why[gi].push((leaf.id.clone(), a)),
            }
        }
    }
    let jn = jj.as_str();
    let kode = format!("{}.cakupan", jl.induk());
    for (gi, g) in groups.iter().enumerate() {
        if served[gi] {
            continue;
        }
        let (siapa_id, siapa_en, contoh) = kelompok_kata(g);
        let n = jl.induk();
        let mut d = Diagnostic::new(
            &kode,
            t!(
                "jalur {n} tidak terbuka bagi {siapa_id}",
                "jalur {n} is not open to {siapa_en}"
            ),
        )
        .at(jl.nama.span, None)
        .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"));
        for (unit, a) in &why[gi] {
            d = match a {
                Alasan::Syarat(s, other) => d.also(
                    *s,
                    t!(
                        "{unit} hanya untuk `{other}`",
                        "{unit} admits `{other}` only"
                    ),
                ),
                Alasan::Keduanya(s) => d.also(
                    *s,
                    t!(
                        "{unit} mensyaratkan kedua status sekaligus",
                        "{unit} requires both statuses at once"
                    ),
                ),
                Alasan::Bukti(s) => d.also(
                    *s,
                    t!(
                        "{unit}: tidak ada dokumen yang membuktikannya",
                        "{unit}: no document proves it"
                    ),
                ),
                Alasan::Nol(s) => d.also(*s, t!("{unit}: kuota 0%", "{unit}: 0% quota")),
            };
        }
        d = d.help(t!(
            "tambahkan sub-jalur untuk mereka, mis. `{contoh}`, atau hapus syarat yang membatasi",
            "add a sub-jalur for them, e.g. `{contoh}`, or remove the restricting condition"
        ));
        c.push(d);
    }
}

/// Who a group is, in words, and a sub-jalur that serves it.
fn kelompok_kata(g: &str) -> (&'static str, &'static str, &'static str) {
    match g {
        "ketm" => (
            "calon murid dari keluarga ekonomi tidak mampu",
            "applicants from economically disadvantaged families",
            "sub ketm 10% { syarat status ketm  dokumen kip, pkh, kks }",
        ),
        "disabilitas" => (
            "calon murid penyandang disabilitas",
            "applicants with disabilities",
            "sub disabilitas 2% { syarat status disabilitas  dokumen kartu_disabilitas, surat_dokter }",
        ),
        "pindah_tugas" => (
            "calon murid yang pindah karena tugas orang tua/wali",
            "applicants moving for a parent's transfer of duty",
            "sub pindah_tugas 4% { syarat status pindah_tugas  dokumen surat_penugasan, surat_pindah }",
        ),
        "anak_guru" => (
            "anak guru di sekolah tempat orang tuanya mengajar",
            "teachers' children at the school where the parent teaches",
            "sub anak_guru 1% { syarat status anak_guru  dokumen surat_penugasan_guru, kartu_keluarga }",
        ),
        _ => ("kelompoknya", "its group", "sub …"),
    }
}
