//! A `tahap` block: its jalur and the dated steps (registration, verification,
//! selection, announcement, re-registration).

use super::*;

impl Lower<'_> {
    pub(super) fn tahap(
        &mut self,
        nomor: &Spanned<String>,
        isi: &[Spanned<ast::TahapItem>],
        span: Span,
    ) -> Option<Tahap> {
        let n = self.int(nomor, 50, "nomor tahap", "wave number")?;
        let mut t = Tahap {
            nomor: n,
            jadwal_rusak: false,
            jalur_rusak: false,
            jalur: Vec::new(),
            jadwal: Vec::new(),
            span,
        };
        for it in isi {
            match &it.node {
                ast::TahapItem::Jalur(list) => t.jalur.extend(list.iter().cloned()),
                ast::TahapItem::Jadwal {
                    tahapan,
                    mulai,
                    selesai,
                } => {
                    let tp = match tahapan.node.as_str() {
                        "pendaftaran" => Tahapan::Pendaftaran,
                        "verifikasi" => Tahapan::Verifikasi,
                        "seleksi" => Tahapan::Seleksi,
                        "pengumuman" => Tahapan::Pengumuman,
                        "pengisian_cadangan" => Tahapan::PengisianCadangan,
                        _ => Tahapan::DaftarUlang,
                    };
                    let (Some(a), b) = (self.waktu(mulai), selesai.as_ref().map(|s| self.waktu(s)))
                    else {
                        t.jadwal_rusak = true;
                        continue;
                    };
                    let b = match b {
                        Some(Some(b)) => b.node,
                        Some(None) => {
                            t.jadwal_rusak = true;
                            continue;
                        }
                        None => a.node,
                    };
                    if b.before(a.node) {
                        let (x, y, nm) = (a.node, b, tp.as_str());
                        self.push(
                            Diagnostic::new(
                                "tahapan",
                                t!(
                                    "jadwal `{nm}` berakhir sebelum dimulai ({x} sampai {y})",
                                    "`{nm}` ends before it starts ({x} to {y})"
                                ),
                            )
                            .at(it.span, None),
                        );
                    }
                    if let Some(prev) = t.jadwal.iter().find(|j| j.tahapan == tp) {
                        let first = prev.span;
                        self.dup(tp.as_str(), first, it.span);
                        continue;
                    }
                    t.jadwal.push(Jadwal {
                        tahapan: tp,
                        mulai: a.node,
                        selesai: b,
                        span: it.span,
                    });
                }
                ast::TahapItem::Rusak(r) => {
                    t.jadwal_rusak = true;
                    t.jalur_rusak |= r.keyword.node == "jalur";
                    self.rusak(r, "tahap", TAHAP)
                }
            }
        }
        Some(t)
    }
}
