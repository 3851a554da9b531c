//! Rombel size (Permendikbudristek 47/2023): the standard maximum per jenjang and
//! the time-limited exception (FAQ 85, 94).

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    let dt = &c.j.daya_tampung;
    let max = c.rb.parameter.rombel_maksimal.get(jj.as_str()).copied();
    let exc_max =
        c.rb.parameter
            .rombel_maksimal_pengecualian
            .get(jj.as_str())
            .copied();
    let jn = jj.as_str();
    let aj = jj.with_article();
    if let Some(r) = dt.rombel.as_ref().filter(|r| r.node == 0) {
        c.push(
            Diagnostic::new(
                "nilai.rentang",
                t!(
                    "rombel maksimal 0 murid tidak menampung siapa pun",
                    "a rombel of at most 0 students holds no one"
                ),
            )
            .at(r.span, None)
            .help(t!(
                "tulis jumlah murid per rombel, mis. `rombel maksimal {}`",
                "write the students per rombel, e.g. `rombel maksimal {}`",
                max.unwrap_or(36)
            )),
        );
    }
    if let (Some(r), Some(m)) = (&dt.rombel, max) {
        if r.node > m && dt.pengecualian.is_none() {
            let v = r.node;
            c.push(
                Diagnostic::new("kapasitas.rombel", t!("rombel {jn} paling banyak {m} murid, bukan {v}", "{aj} rombel has at most {m} students, not {v}"))
                    .at(r.span, None)
                    .help(t!("tulis `rombel maksimal {m}`; kondisi pengecualian ditulis `pengecualian rombel N sampai TANGGAL`", "write `rombel maksimal {m}`; an exception is written `pengecualian rombel N sampai DATE`")),
            );
        }
    }
    if let Some(p) = &dt.pengecualian {
        let v = p.node.rombel.node;
        if let Some(em) = exc_max.filter(|em| v > *em) {
            c.push(
                Diagnostic::new(
                    "kapasitas.rombel",
                    t!(
                        "pengecualian rombel {jn} paling banyak {em} murid, bukan {v}",
                        "the {jn} rombel exception allows at most {em} students, not {v}"
                    ),
                )
                .at(p.node.rombel.span, None),
            );
        }
        if p.node.sampai.is_none() {
            c.push(
                Diagnostic::new(
                    "kapasitas.rombel",
                    t!(
                        "pengecualian jumlah murid per rombel harus punya batas waktu",
                        "a rombel-size exception needs an end date"
                    ),
                )
                .at(p.span, None)
                .help(t!(
                    "tulis `pengecualian rombel {v} sampai 2027-06-30`",
                    "write `pengecualian rombel {v} sampai 2027-06-30`"
                )),
            );
        }
    }
}
