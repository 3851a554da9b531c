//! The admission zone: an allowed method, widening to a whole kabupaten/kota only
//! for SMA, agreements for zones across a border, and prestasi open to everyone.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Jenjang, Metode, Syarat, TingkatPemerintah};
use crate::rulebook::wilayah;
use crate::t;

pub fn check(c: &mut Ctx) {
    let Some(jj) = c.jenjang() else { return };
    if let Some(n) = c.j.pilihan.luar_wilayah.clone().filter(|n| n.node == 0) {
        c.push(
            Diagnostic::new(
                "pilihan.luar_wilayah",
                t!(
                    "semua pilihan harus di dalam wilayah: pendaftaran di luar wilayah tertutup",
                    "every choice must lie inside the zone: registering outside it is closed"
                ),
            )
            .at(n.span, Some(t!("tidak ada pilihan di luar wilayah", "no choice outside the zone")))
            .help(t!(
                "calon murid boleh mendaftar di luar wilayah penerimaan (FAQ 21, 71; prestasi: FAQ 42); batasi jumlahnya, mis. `luar_wilayah maksimal 1`, atau hapus pernyataan ini",
                "applicants may register outside their zone (FAQ 21, 71; prestasi: FAQ 42); limit how many, e.g. `luar_wilayah maksimal 1`, or remove this statement"
            )),
        );
    }
    let w = &c.j.wilayah;
    if jj.has_national_jalur() && w.metode.is_none() && !w.metode_rusak {
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
        let aj = jj.with_article();
        for s in spans {
            c.push(
                Diagnostic::new("wilayah.sma.kabkota", t!("wilayah {jn} tidak boleh diperluas sampai satu kabupaten/kota", "{aj} zone must not be widened to a whole kabupaten/kota"))
                    .at(s, None)
                    .also(c.jenjang_span(), t!("jenjang {jn}", "jenjang {jn}"))
                    .help(t!("hanya SMA yang boleh diperluas sampai kabupaten/kota; pakai kelurahan/desa atau kecamatan", "only SMA may widen to a kabupaten/kota; use kelurahan/desa or kecamatan")),
            );
        }
    }
    // The issuing province, as the kabupaten/kota data names it.
    let provinsi_penerbit =
        c.j.pemerintah
            .as_ref()
            .filter(|p| p.node.0 == TingkatPemerintah::Provinsi)
            .map(|p| wilayah::provinsi(&p.node.1));
    for b in &w.perbatasan {
        if b.node
            .kesepakatan
            .as_ref()
            .is_some_and(|k| !k.node.trim().is_empty())
        {
            continue;
        }
        let (tingkat, nama) = (b.node.tingkat.as_str(), b.node.nama.as_str());
        // A province zoning across its own kabupaten/kota stays within one
        // authority (FAQ 15); a kabupaten/kota of another province does not.
        let daerah = (b.node.tingkat != TingkatPemerintah::Provinsi)
            .then(|| wilayah::find(tingkat, nama))
            .flatten();
        let mut catatan = None;
        if let Some(penerbit) = provinsi_penerbit {
            if b.node.tingkat != TingkatPemerintah::Provinsi {
                match (daerah, penerbit) {
                    (Some(d), Some(p)) if d.provinsi == p => continue,
                    (Some(d), _) => {
                        let pv = d.provinsi;
                        catatan = Some(t!(
                            "{tingkat} {nama} berada di Provinsi {pv}: wilayah ini melewati batas provinsi",
                            "{tingkat} {nama} lies in {pv} province: this zone crosses a provincial border"
                        ));
                    }
                    (None, _) => {
                        let saran = crate::diagnostic::suggest::closest(
                            nama,
                            wilayah::nama_tingkat(tingkat),
                        )
                        .map(|s| format!(" (`{s}`?)"))
                        .unwrap_or_default();
                        catatan = Some(t!(
                            "{tingkat} \"{nama}\" tidak ada dalam daftar kabupaten/kota Kemendagri{saran}, jadi provinsinya tidak diketahui",
                            "{tingkat} \"{nama}\" is not in the Kemendagri list of kabupaten/kota{saran}, so its province is unknown"
                        ));
                    }
                }
            }
        }
        let mut d = Diagnostic::new("wilayah.perbatasan", t!("wilayah yang melewati batas \"{nama}\" memerlukan kesepakatan antarpemerintah daerah", "a zone reaching into \"{nama}\" needs an agreement between the governments"))
            .at(b.span, None)
            .help(t!("tambahkan `kesepakatan \"nomor/naskah kesepakatan\"`", "add `kesepakatan \"agreement number\"`"));
        if let Some(n) = catatan {
            d = d.note(n);
        }
        c.push(d);
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
                    "wilayah.prestasi",
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
