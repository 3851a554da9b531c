//! Which government issues the juknis: provinsi for SMA/SMK, kabupaten/kota for
//! TK/SD/SMP (FAQ 15).

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Jenjang, TingkatPemerintah};
use crate::t;

pub fn check(c: &mut Ctx) {
    let (Some(p), Some(jj)) = (&c.j.pemerintah, c.jenjang()) else {
        return;
    };
    let provinsi = p.node.0 == TingkatPemerintah::Provinsi;
    let wants_provinsi = matches!(jj, Jenjang::SMA | Jenjang::SMK);
    if provinsi == wants_provinsi {
        return;
    }
    let level = p.node.0.as_str();
    let right = if wants_provinsi {
        "provinsi"
    } else {
        "kabupaten/kota"
    };
    let right_en = if wants_provinsi {
        "the province"
    } else {
        "the kabupaten/kota"
    };
    let jn = jj.as_str();
    let d = Diagnostic::new(
        "kewenangan",
        t!(
            "juknis {jn} ditetapkan oleh pemerintah {right}, bukan {level}",
            "a {jn} juknis is issued by {right_en}, not a {level}"
        ),
    )
    .at(p.span, Some(t!("pemerintah {level}", "{level} government")))
    .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
    .help(t!(
        "SMA dan SMK diatur provinsi; TK, SD dan SMP diatur kabupaten/kota",
        "SMA and SMK are run by the province; TK, SD and SMP by the kabupaten/kota"
    ));
    c.push(d);
}
