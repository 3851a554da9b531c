//! Which government issues the juknis: the province for SMA/SMK, the
//! kabupaten/kota for TK/SD/SMP (UU 23/2014, Lampiran huruf A; FAQ 15). In DKI
//! Jakarta the kota and kabupaten are administrative, so the province issues
//! every juknis, and an administrative kota or kabupaten issues none.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Jenjang, TingkatPemerintah};
use crate::rulebook::wilayah;
use crate::t;

pub fn check(c: &mut Ctx) {
    let (Some(p), Some(jj)) = (&c.j.pemerintah, c.jenjang()) else {
        return;
    };
    let (tingkat, nama) = (&p.node.0, p.node.1.as_str());
    let level = tingkat.as_str();
    let jn = jj.as_str();
    let aj = jj.with_article();
    if *tingkat != TingkatPemerintah::Provinsi && wilayah::administratif(level, nama) {
        c.push(
            Diagnostic::new(
                "kewenangan",
                t!(
                    "{level} {nama} adalah {level} administrasi di DKI Jakarta dan tidak menerbitkan juknis",
                    "{level} {nama} is an administrative {level} of DKI Jakarta and issues no juknis"
                ),
            )
            .at(p.span, None)
            .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
            .help(t!(
                "tulis `pemerintah provinsi \"DKI Jakarta\"`: Pemerintah Provinsi DKI Jakarta menerbitkan juknis semua jenjang",
                "write `pemerintah provinsi \"DKI Jakarta\"`: the DKI Jakarta province issues the juknis of every jenjang"
            )),
        );
        return;
    }
    let provinsi = *tingkat == TingkatPemerintah::Provinsi;
    let wants_provinsi = matches!(jj, Jenjang::SMA | Jenjang::SMK);
    let dki = provinsi && wilayah::provinsi(nama) == Some("DKI Jakarta");
    if provinsi == wants_provinsi || dki {
        return;
    }
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
    let d = Diagnostic::new(
        "kewenangan",
        t!(
            "juknis {jn} ditetapkan oleh pemerintah {right}, bukan {level}",
            "{aj} juknis is issued by {right_en}, not by a {level}"
        ),
    )
    .at(p.span, Some(t!("pemerintah {level}", "{level} government")))
    .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
    .help(t!(
        "SMA dan SMK diatur provinsi; TK, SD dan SMP diatur kabupaten/kota (di DKI Jakarta: provinsi)",
        "SMA and SMK are run by the province; TK, SD and SMP by the kabupaten/kota (in DKI Jakarta: the province)"
    ));
    c.push(d);
}
