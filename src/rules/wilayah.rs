//! The admission zone: an allowed method, widening to a whole kabupaten/kota only
//! for SMA, agreements for zones across a border, and prestasi open to everyone.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Jenjang, Metode, Syarat, TingkatPemerintah};
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    let w = &c.j.wilayah;
    if jj.has_national_jalur() && w.metode.is_none() {
        let at = w.span.unwrap_or(c.j.judul.span);
        c.push(
            Diagnostic::new("wilayah.metode", t!("metode penetapan wilayah belum ditulis", "no zone method is stated"))
                .at(at, None)
                .help(t!(
                    "tulis `wilayah {{ metode administratif kelurahan, kecamatan }}`, `metode radius 3 km` atau `metode lainnya \"uraian\"`",
                    "write `wilayah {{ metode administratif kelurahan, kecamatan }}`, `metode radius 3 km` or `metode lainnya \"description\"`"
                )),
        );
    }
    if let Some(m) = &w.metode {
        if let Metode::Lainnya { keterangan } = &m.node {
            if keterangan.as_deref().is_none_or(|k| k.trim().is_empty()) {
                c.push(
                    Diagnostic::new(
                        "wilayah.metode",
                        t!(
                            "metode `lainnya` harus diuraikan",
                            "method `lainnya` must be described"
                        ),
                    )
                    .at(m.span, None)
                    .help(t!(
                        "tulis `metode lainnya \"uraian metode sesuai karakteristik daerah\"`",
                        "write `metode lainnya \"description of the method\"`"
                    )),
                );
            }
        }
    }
    // Only SMA may widen the zone to a whole kabupaten/kota (Pasal 25(4)); SMK
    // follows its own regime and is not checked here.
    if matches!(jj, Jenjang::TK | Jenjang::SD | Jenjang::SMP) {
        let jn = jj.as_str();
        let mut spans = Vec::new();
        if let Some(m) = &w.metode {
            if let Metode::Administratif { satuan } = &m.node {
                if satuan.iter().any(|s| s == "kabupaten_kota") {
                    spans.push(m.span);
                }
            }
        }
        if let Some(p) = &w.perluasan {
            if p.node == "kabupaten_kota" {
                spans.push(p.span);
            }
        }
        for s in spans {
            c.push(
                Diagnostic::new("wilayah.sma.kabkota", t!("wilayah {jn} tidak boleh diperluas sampai satu kabupaten/kota", "a {jn} zone must not be widened to a whole kabupaten/kota"))
                    .at(s, None)
                    .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
                    .help(t!("hanya SMA yang boleh diperluas sampai kabupaten/kota; pakai kelurahan/desa atau kecamatan", "only SMA may widen to a kabupaten/kota; use kelurahan/desa or kecamatan")),
            );
        }
    }
    let issuer = c.j.pemerintah.as_ref().map(|p| p.node.0);
    for b in &w.perbatasan {
        // A province zoning across its own kabupaten/kota stays within one authority.
        let same_authority = issuer == Some(TingkatPemerintah::Provinsi)
            && b.node.tingkat != TingkatPemerintah::Provinsi;
        if same_authority
            || b.node
                .kesepakatan
                .as_ref()
                .is_some_and(|k| !k.node.trim().is_empty())
        {
            continue;
        }
        let nama = &b.node.nama;
        c.push(
            Diagnostic::new("wilayah.perbatasan", t!("wilayah yang melewati batas \"{nama}\" memerlukan kesepakatan antarpemerintah daerah", "a zone reaching into \"{nama}\" needs an agreement between the governments"))
                .at(b.span, None)
                .help(t!("tambahkan `kesepakatan \"nomor/naskah kesepakatan\"`", "add `kesepakatan \"agreement number\"`")),
        );
    }
    for leaf in c.j.leaves().into_iter().filter(|l| l.induk() == "prestasi") {
        if let Some(s) =
            c.j.syarat_of(leaf)
                .iter()
                .find(|s| s.node == Syarat::DalamWilayah)
        {
            let n = &leaf.id;
            c.push(
                Diagnostic::new(
                    "wilayah.domisili",
                    t!(
                        "jalur prestasi terbuka bagi pendaftar dari dalam dan luar wilayah",
                        "jalur prestasi is open to applicants from inside and outside the zone"
                    ),
                )
                .at(
                    s.span,
                    Some(t!(
                        "membatasi {n} pada wilayah",
                        "restricts {n} to the zone"
                    )),
                )
                .help(t!(
                    "hapus `dalam_wilayah` dari syarat jalur prestasi",
                    "remove `dalam_wilayah` from the prestasi requirements"
                )),
            );
        }
    }
}
