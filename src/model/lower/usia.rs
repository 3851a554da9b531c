//! The `usia` block: reference date, minimum, maximum, SD priority age, special
//! minimum with its recommendations, TK age groups, exemptions.

use super::*;

impl Lower<'_> {
    pub(super) fn usia(&mut self, items: &[Spanned<ast::UsiaItem>], u: &mut Usia) {
        for it in items {
            let span = it.span;
            match &it.node {
                ast::UsiaItem::TanggalAcuan(w) => {
                    if let Some(v) = self.waktu(w) {
                        self.set_once(&mut u.tanggal_acuan, "tanggal_acuan", v);
                    }
                }
                ast::UsiaItem::Minimal(a) => {
                    if let Some(v) = self.umur(a) {
                        self.set_once(&mut u.minimal, "minimal", sp(v.node, span));
                    }
                }
                ast::UsiaItem::Maksimal(a) => {
                    if let Some(v) = self.umur(a) {
                        self.set_once(&mut u.maksimal, "maksimal", sp(v.node, span));
                    }
                }
                ast::UsiaItem::Prioritas(a) => {
                    if let Some(v) = self.umur(a) {
                        self.set_once(&mut u.prioritas, "prioritas", sp(v.node, span));
                    }
                }
                ast::UsiaItem::Istimewa {
                    minimal,
                    rekomendasi,
                } => {
                    for r in rekomendasi {
                        if !REKOMENDASI.contains(&r.node.as_str()) {
                            self.unknown_word(r, "pemberi rekomendasi", "recommender", REKOMENDASI);
                        }
                    }
                    if let Some(m) = self.umur(minimal) {
                        let v = sp(
                            Istimewa {
                                minimal: m,
                                rekomendasi: rekomendasi.clone(),
                            },
                            span,
                        );
                        self.set_once(&mut u.istimewa, "istimewa", v);
                    }
                }
                ast::UsiaItem::Kelompok { nama, dari, sampai } => {
                    if let (Some(a), Some(b)) = (self.umur(dari), self.umur(sampai)) {
                        if a.node > b.node {
                            self.push(
                                Diagnostic::new("nilai.rentang", t!("rentang usia terbalik", "age range is reversed"))
                                    .at(span, None)
                                    .help(t!("tulis usia terendah dulu: `kelompok A 4 tahun sampai 5 tahun`", "write the lower age first: `kelompok A 4 tahun sampai 5 tahun`")),
                            );
                        }
                        u.kelompok.push(sp(
                            Kelompok {
                                nama: nama.clone(),
                                dari: a,
                                sampai: b,
                            },
                            span,
                        ));
                    }
                }
                ast::UsiaItem::Pengecualian(list) => {
                    for w in list {
                        if !PENGECUALIAN_USIA.contains(&w.node.as_str()) {
                            self.unknown_word(
                                w,
                                "pengecualian usia",
                                "age exception",
                                PENGECUALIAN_USIA,
                            );
                        }
                    }
                    self.set_once(&mut u.pengecualian, "pengecualian", sp(list.clone(), span));
                }
                ast::UsiaItem::Rusak(r) => self.rusak(r, "usia", USIA),
            }
        }
    }
}
