//! The `wilayah` block (zone method, extension, borders with their
//! agreements) and the `daya_tampung` block (rombel size and its exception,
//! rounding, where rounding leftovers go).

use super::*;

impl Lower<'_> {
    pub(super) fn wilayah(&mut self, items: &[Spanned<ast::WilayahItem>], w: &mut Wilayah) {
        for it in items {
            let span = it.span;
            let metode = match &it.node {
                ast::WilayahItem::Administratif(units) => {
                    for u in units {
                        if !UNIT_WILAYAH.contains(&unit_wilayah(&u.node)) {
                            if u.node == "zonasi" {
                                self.zonasi(u.span, false);
                            } else {
                                self.unknown_word(u, "satuan wilayah", "area unit", UNIT_WILAYAH);
                            }
                        }
                    }
                    Some(Metode::Administratif {
                        satuan: units
                            .iter()
                            .map(|u| unit_wilayah(&u.node).to_string())
                            .collect(),
                    })
                }
                ast::WilayahItem::Radius(km) => {
                    let meters = km
                        .node
                        .parse::<f64>()
                        .ok()
                        .filter(|v| *v > 0.0 && *v <= 500.0)
                        .map(|v| (v * 1000.0).round() as u32);
                    if meters.is_none() {
                        let v = &km.node;
                        self.push(
                            Diagnostic::new(
                                "nilai.rentang",
                                t!(
                                    "radius tidak wajar: `{v} km`",
                                    "implausible radius: `{v} km`"
                                ),
                            )
                            .at(km.span, None)
                            .help(t!(
                                "radius lebih dari 0 dan paling besar 500 km",
                                "the radius is above 0 and at most 500 km"
                            )),
                        );
                    }
                    meters.map(|meter| Metode::Radius { meter })
                }
                ast::WilayahItem::Lainnya(desc) => Some(Metode::Lainnya {
                    keterangan: desc.as_ref().map(|d| d.node.clone()),
                }),
                ast::WilayahItem::MetodeNama(names) => {
                    match names.first() {
                        Some(n) if n.node == "zonasi" => self.zonasi(n.span, false),
                        Some(n) => self.unknown_word(
                            n,
                            "metode wilayah",
                            "zone method",
                            &["administratif", "radius", "lainnya"],
                        ),
                        None => {}
                    }
                    None
                }
                ast::WilayahItem::Perluasan(u) => {
                    let unit = unit_wilayah(&u.node);
                    if !UNIT_WILAYAH.contains(&unit) {
                        self.unknown_word(u, "perluasan wilayah", "zone widening", UNIT_WILAYAH);
                    } else {
                        let v = sp(unit.to_string(), span);
                        self.set_once(&mut w.perluasan, "perluasan", v);
                    }
                    None
                }
                ast::WilayahItem::Perbatasan {
                    tingkat,
                    nama,
                    kesepakatan,
                } => {
                    match TingkatPemerintah::parse(&tingkat.node) {
                        Some(t) => w.perbatasan.push(sp(
                            Perbatasan {
                                tingkat: t,
                                nama: nama.node.clone(),
                                kesepakatan: kesepakatan.clone(),
                            },
                            span,
                        )),
                        None => self.unknown_word(
                            tingkat,
                            "tingkat pemerintah",
                            "government level",
                            &["provinsi", "kabupaten", "kota"],
                        ),
                    }
                    None
                }
                ast::WilayahItem::Rusak(r) => {
                    w.metode_rusak |= r.keyword.node == "metode";
                    self.rusak(r, "wilayah", WILAYAH);
                    None
                }
            };
            if let Some(m) = metode {
                self.set_once(&mut w.metode, "metode", sp(m, span));
            }
        }
    }

    pub(super) fn daya_tampung(
        &mut self,
        items: &[Spanned<ast::DayaTampungItem>],
        d: &mut DayaTampung,
    ) {
        for it in items {
            let span = it.span;
            match &it.node {
                ast::DayaTampungItem::Rombel(n) => {
                    if let Some(v) = self.int(n, 200, "ukuran rombel", "rombel size") {
                        self.set_once(&mut d.rombel, "rombel", sp(v.node, span));
                    }
                }
                ast::DayaTampungItem::Pengecualian { rombel, sampai } => {
                    let sampai = sampai.as_ref().and_then(|w| self.waktu(w)).map(|w| w.node);
                    if let Some(r) = self.int(rombel, 200, "ukuran rombel", "rombel size") {
                        let v = sp(PengecualianRombel { rombel: r, sampai }, span);
                        self.set_once(&mut d.pengecualian, "pengecualian rombel", v);
                    }
                }
                ast::DayaTampungItem::Pembulatan(w) => {
                    match Pembulatan::WORDS.iter().find(|(k, _)| *k == w.node) {
                        Some((_, p)) => {
                            if d.pembulatan_ditulis {
                                self.dup("pembulatan", d.pembulatan.span, span);
                            }
                            d.pembulatan = sp(*p, span);
                            d.pembulatan_ditulis = true;
                        }
                        None => {
                            let words: Vec<&str> =
                                Pembulatan::WORDS.iter().map(|(k, _)| *k).collect();
                            self.unknown_word(w, "cara pembulatan", "rounding method", &words);
                        }
                    }
                }
                ast::DayaTampungItem::PembulatanSub(w) => {
                    match Pembulatan::WORDS.iter().find(|(k, _)| *k == w.node) {
                        Some((_, p)) => {
                            self.set_once(&mut d.pembulatan_sub, "pembulatan_sub", sp(*p, span))
                        }
                        None => {
                            let words: Vec<&str> =
                                Pembulatan::WORDS.iter().map(|(k, _)| *k).collect();
                            self.unknown_word(w, "cara pembulatan", "rounding method", &words);
                        }
                    }
                }
                ast::DayaTampungItem::SisaPembulatan(r) => {
                    let v = sp(r.node.clone(), r.span);
                    self.set_once(&mut d.sisa_ke, "sisa_pembulatan", v);
                }
                ast::DayaTampungItem::Rusak(r) => self.rusak(r, "daya_tampung", DAYA_TAMPUNG),
            }
        }
    }
}
