//! Which jalur a juknis may have: the four national jalur for SD/SMP/SMA (no
//! prestasi in SD), none for TK, the region's own for SMK.

use super::Ctx;
use crate::diagnostic::suggest::help_for;
use crate::diagnostic::Diagnostic;
use crate::model::lower::NATIONAL_JALUR;
use crate::model::{Jenjang, Persen};
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    match jj {
        Jenjang::TK => tk(c),
        Jenjang::SMK => smk(c),
        _ => national(c, jj),
    }
}

fn tk(c: &mut Ctx) {
    for j in &c.j.jalur {
        let n = &j.nama.node;
        c.push(
            Diagnostic::new(
                "tk.jalur",
                t!(
                    "TK tidak memakai jalur: `jalur {n}`",
                    "TK has no jalur: `jalur {n}`"
                ),
            )
            .at(j.nama.span, None)
            .also(c.jenjang_span(), t!("jenjang TK", "jenjang TK"))
            .help(t!(
                "penerimaan TK hanya memakai syarat usia (kelompok A dan B); hapus blok jalur",
                "TK admission uses only the age rules (groups A and B); remove the jalur block"
            )),
        );
    }
    for t in &c.j.tahap {
        if let Some(first) = t.jalur.first() {
            c.push(
                Diagnostic::new(
                    "tk.jalur",
                    t!(
                        "TK tidak memakai jalur dalam tahap",
                        "TK waves select no jalur"
                    ),
                )
                .at(first.span, None)
                .help(t!(
                    "hapus baris `jalur` dari tahap",
                    "remove the `jalur` line from the wave"
                )),
            );
        }
    }
}

fn national(c: &mut Ctx, jj: Jenjang) {
    let jn = jj.as_str();
    for j in &c.j.jalur {
        let n = j.id.as_str();
        if jj == Jenjang::SD && n == "prestasi" {
            c.push(
                Diagnostic::new(
                    "jalur.prestasi.sd",
                    t!(
                        "SD tidak boleh memakai jalur prestasi",
                        "SD must not have a jalur prestasi"
                    ),
                )
                .at(j.nama.span, None)
                .also(c.jenjang_span(), t!("jenjang SD", "jenjang SD"))
                .help(t!(
                    "hapus jalur prestasi dan bagikan kuotanya ke domisili atau afirmasi",
                    "remove jalur prestasi and give its quota to domisili or afirmasi"
                )),
            );
            continue;
        }
        if !NATIONAL_JALUR.contains(&n) {
            c.push(
                Diagnostic::new("jalur.cakupan", t!("`{n}` bukan jalur SPMB untuk {jn}", "`{n}` is not an SPMB jalur for {jn}"))
                    .at(j.nama.span, None)
                    .help(help_for(n, &NATIONAL_JALUR))
                    .note(t!(
                        "penerimaan SD, SMP dan SMA hanya melalui jalur domisili, afirmasi, prestasi (bukan SD) dan mutasi; bagian di dalam satu jalur ditulis sebagai `sub`",
                        "SD, SMP and SMA admit only through domisili, afirmasi, prestasi (not SD) and mutasi; parts of one jalur are written as `sub`"
                    )),
            );
        }
    }
    for need in NATIONAL_JALUR {
        if jj == Jenjang::SD && need == "prestasi" {
            continue;
        }
        if c.j.jalur(need).is_none() {
            let span =
                c.j.jalur
                    .first()
                    .map(|j| j.span.start)
                    .map(|s| crate::syntax::span::Span::new(s, s))
                    .unwrap_or(c.jenjang_span());
            c.push(
                Diagnostic::new(
                    "jalur.cakupan",
                    t!("jalur `{need}` tidak ada", "jalur `{need}` is missing"),
                )
                .at(
                    span,
                    Some(t!(
                        "tambahkan jalur {need} di sini",
                        "add jalur {need} here"
                    )),
                )
                .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
                .help(t!(
                    "tulis `jalur {need} …%` dengan kuotanya",
                    "write `jalur {need} …%` with its quota"
                )),
            );
        }
    }
}

fn smk(c: &mut Ctx) {
    let k = &c.rb.parameter.kuota;
    let min_afirmasi = Persen::parse(&k.smk_afirmasi_min).unwrap_or(Persen::ZERO);
    let max_domisili = Persen::parse(&k.smk_domisili_max).unwrap_or(Persen::HUNDRED);
    match c.j.jalur("afirmasi") {
        Some(a) => {
            if let Some(q) = &a.kuota {
                if q.node < min_afirmasi {
                    let (v, m) = (q.node, min_afirmasi);
                    c.push(
                        Diagnostic::new(
                            "smk.afirmasi.min",
                            t!(
                                "kuota afirmasi SMK {v}% di bawah {m}%",
                                "SMK afirmasi quota {v}% is below {m}%"
                            ),
                        )
                        .at(q.span, None)
                        .help(t!(
                            "naikkan kuota afirmasi menjadi paling sedikit {m}%",
                            "raise the afirmasi quota to at least {m}%"
                        )),
                    );
                }
            }
        }
        None => {
            let m = min_afirmasi;
            c.push(
                Diagnostic::new(
                    "smk.afirmasi.min",
                    t!("SMK tanpa jalur afirmasi", "SMK without a jalur afirmasi"),
                )
                .at(c.jenjang_span(), None)
                .help(t!(
                    "tambahkan `jalur afirmasi {m}%` atau lebih",
                    "add `jalur afirmasi {m}%` or more"
                )),
            );
        }
    }
    for j in c.j.jalur.iter().filter(|j| j.id.starts_with("domisili")) {
        if let Some(q) = &j.kuota {
            if q.node > max_domisili {
                let (v, m) = (q.node, max_domisili);
                c.push(
                    Diagnostic::new(
                        "smk.domisili.max",
                        t!(
                            "kuota domisili SMK {v}% di atas {m}%",
                            "SMK domisili quota {v}% is above {m}%"
                        ),
                    )
                    .at(q.span, None)
                    .help(t!(
                        "turunkan kuota domisili menjadi paling banyak {m}%",
                        "lower the domisili quota to at most {m}%"
                    )),
                );
            }
        }
    }
}
