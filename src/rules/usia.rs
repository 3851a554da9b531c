//! Age rules: the reference date (1 July), the per-jenjang limits, the SD
//! exception for gifted children, TK groups, and who is exempt.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Bulan, Jenjang};
use crate::t;

fn umur(m: Bulan) -> String {
    if m.is_multiple_of(12) {
        format!("{} tahun", m / 12)
    } else {
        format!("{} tahun {} bulan", m / 12, m % 12)
    }
}
fn age_en(m: Bulan) -> String {
    if m.is_multiple_of(12) {
        format!("{} years", m / 12)
    } else {
        format!("{} years {} months", m / 12, m % 12)
    }
}

/// The age keywords in English: `minimal` → minimum.
fn kata_en(kw: &str) -> &str {
    match kw {
        "minimal" => "minimum",
        "maksimal" => "maximum",
        "prioritas" => "priority",
        other => other,
    }
}

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    let p = c.rb.parameter.usia.clone();
    let u = &c.j.usia;
    if u.span.is_none() {
        c.push(
            Diagnostic::new(
                "juknis.isi",
                t!(
                    "juknis belum memuat persyaratan usia",
                    "the juknis states no age requirement"
                ),
            )
            .at(c.j.judul.span, None)
            .help(t!(
                "tambahkan blok `usia {{ … }}`",
                "add a `usia {{ … }}` block"
            )),
        );
    }
    if let (Some(t), Some(year)) = (&u.tanggal_acuan, c.j.tahun()) {
        let d = t.node.tanggal;
        if (d.tahun, d.bulan, d.hari) != (year, p.tanggal_acuan.bulan, p.tanggal_acuan.hari) {
            let want = format!(
                "{year}-{:02}-{:02}",
                p.tanggal_acuan.bulan, p.tanggal_acuan.hari
            );
            c.push(
                Diagnostic::new(
                    "usia.tanggal",
                    t!(
                        "usia dihitung pada {want}, bukan {d}",
                        "ages are measured on {want}, not {d}"
                    ),
                )
                .at(t.span, None)
                .help(t!(
                    "tulis `tanggal_acuan {want}`",
                    "write `tanggal_acuan {want}`"
                )),
            );
        }
    }
    let jn = jj.as_str();
    let exact = |c: &mut Ctx,
                 code: &str,
                 what: &Option<crate::span::Spanned<Bulan>>,
                 want: Bulan,
                 kw: &str| {
        if let Some(v) = what {
            if v.node != want {
                let (a, b, a_en, b_en) = (umur(v.node), umur(want), age_en(v.node), age_en(want));
                let kw_en = kata_en(kw);
                c.push(
                    Diagnostic::new(
                        code,
                        t!(
                            "batas usia {kw} {jn} adalah {b}, bukan {a}",
                            "the {kw_en} age for {jn} is {b_en}, not {a_en}"
                        ),
                    )
                    .at(v.span, None)
                    .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
                    .help(t!("tulis `{kw} {b}`", "write `{kw} {b}`")),
                );
            }
        }
    };
    let forbid = |c: &mut Ctx, code: &str, what: &Option<crate::span::Spanned<Bulan>>, kw: &str| {
        if let Some(v) = what {
            let kw_en = kata_en(kw);
            c.push(
                Diagnostic::new(
                    code,
                    t!(
                        "peraturan tidak menetapkan usia {kw} untuk {jn}",
                        "the regulation sets no {kw_en} age for {jn}"
                    ),
                )
                .at(v.span, None)
                .help(t!(
                    "hapus `{kw}`: batas tambahan menolak anak yang berhak mendaftar",
                    "remove `{kw}`: an extra limit turns away children who may apply"
                )),
            );
        }
    };
    match jj {
        Jenjang::SD => {
            exact(c, "usia.sd", &u.minimal, p.sd_minimal.months(), "minimal");
            exact(
                c,
                "usia.sd",
                &u.prioritas,
                p.sd_prioritas.months(),
                "prioritas",
            );
            forbid(c, "usia.sd", &u.maksimal, "maksimal");
            if let Some(i) = &u.istimewa {
                let want = p.sd_istimewa_minimal.months();
                if i.node.minimal.node < want {
                    let (a, b, a_en, b_en) = (
                        umur(i.node.minimal.node),
                        umur(want),
                        age_en(i.node.minimal.node),
                        age_en(want),
                    );
                    c.push(
                        Diagnostic::new(
                            "usia.sd.istimewa",
                            t!(
                                "usia istimewa paling rendah {b}, bukan {a}",
                                "the gifted-child exception starts at {b_en}, not {a_en}"
                            ),
                        )
                        .at(i.node.minimal.span, None)
                        .help(t!(
                            "tulis `istimewa minimal {b} dengan rekomendasi psikolog, dewan_guru`",
                            "write `istimewa minimal {b} dengan rekomendasi psikolog, dewan_guru`"
                        )),
                    );
                }
                if !i.node.rekomendasi.iter().any(|r| r.node == "psikolog") {
                    c.push(
                        Diagnostic::new("usia.sd.istimewa", t!("pengecualian usia istimewa wajib dengan rekomendasi psikolog profesional", "the gifted-child exception needs a professional psychologist's recommendation"))
                            .at(i.span, None)
                            .help(t!("tambahkan `dengan rekomendasi psikolog, dewan_guru` (dewan guru hanya bila psikolog tidak tersedia)", "add `dengan rekomendasi psikolog, dewan_guru` (the teachers' board only where no psychologist is available)")),
                    );
                }
            }
        }
        Jenjang::SMP => {
            exact(
                c,
                "usia.smp",
                &u.maksimal,
                p.smp_maksimal.months(),
                "maksimal",
            );
            forbid(c, "usia.smp", &u.minimal, "minimal");
        }
        Jenjang::SMA | Jenjang::SMK => {
            exact(
                c,
                "usia.sma",
                &u.maksimal,
                p.sma_maksimal.months(),
                "maksimal",
            );
            forbid(c, "usia.sma", &u.minimal, "minimal");
        }
        Jenjang::TK => {
            let groups = [("A", &p.tk_kelompok_a), ("B", &p.tk_kelompok_b)];
            for (name, want) in groups {
                let (lo, hi) = (want.minimal.months(), want.maksimal.months());
                match u
                    .kelompok
                    .iter()
                    .find(|k| k.node.nama.node.eq_ignore_ascii_case(name))
                {
                    Some(k) if k.node.dari.node == lo && k.node.sampai.node == hi => {}
                    Some(k) => {
                        let (a, b) = (umur(lo), umur(hi));
                        let (a_en, b_en) = (age_en(lo), age_en(hi));
                        c.push(
                            Diagnostic::new(
                                "usia.tk",
                                t!(
                                    "kelompok {name} TK berusia {a} sampai {b}",
                                    "TK group {name} is for ages {a_en} to {b_en}"
                                ),
                            )
                            .at(k.span, None)
                            .help(t!(
                                "tulis `kelompok {name} {a} sampai {b}`",
                                "write `kelompok {name} {a} sampai {b}`"
                            )),
                        );
                    }
                    None if u.span.is_some() => {
                        let (a, b) = (umur(lo), umur(hi));
                        c.push(
                            Diagnostic::new(
                                "usia.tk",
                                t!(
                                    "usia kelompok {name} TK belum ditulis",
                                    "the age of TK group {name} is not stated"
                                ),
                            )
                            .at(u.span.unwrap_or(c.j.judul.span), None)
                            .help(t!(
                                "tambahkan `kelompok {name} {a} sampai {b}`",
                                "add `kelompok {name} {a} sampai {b}`"
                            )),
                        );
                    }
                    None => {}
                }
            }
        }
    }
    if let Some(list) = &u.pengecualian {
        if !list.node.iter().any(|w| w.node == "disabilitas") {
            c.push(
                Diagnostic::new(
                    "usia.pengecualian",
                    t!(
                        "batas usia tidak berlaku bagi penyandang disabilitas",
                        "age limits do not apply to applicants with disabilities"
                    ),
                )
                .at(
                    list.span,
                    Some(t!(
                        "`disabilitas` tidak ada di daftar",
                        "`disabilitas` is missing from the list"
                    )),
                )
                .help(t!(
                    "tambahkan `disabilitas` ke `pengecualian`",
                    "add `disabilitas` to `pengecualian`"
                )),
            );
        }
    }
}
