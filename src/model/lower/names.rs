//! Names across the juknis: jalur typos corrected with "did you mean", every
//! reference (waves, carry-over, ranking scores, points tables) resolved.

use super::*;

impl Lower<'_> {
    /// SD/SMP/SMA know only the four national jalur, so a near miss (`domisli`) is a
    /// typo: report it once with the fix and check the rest as if it were spelt
    /// right, instead of cascading into "domisili missing" and unknown references.
    pub(super) fn correct_jalur_typos(&mut self, j: &mut Juknis) {
        if !j.jenjang().is_some_and(Jenjang::has_national_jalur) {
            return;
        }
        let taken: Vec<String> = j.jalur.iter().map(|x| x.id.clone()).collect();
        for jl in j.jalur.iter_mut() {
            if NATIONAL_JALUR.contains(&jl.id.as_str()) {
                continue;
            }
            let Some(fix) = crate::diagnostic::suggest::closest(&jl.id, NATIONAL_JALUR) else {
                continue;
            };
            if taken.iter().any(|t| t == fix) {
                continue;
            }
            let n = jl.id.clone();
            self.push(
                Diagnostic::new(
                    "jalur.cakupan",
                    t!(
                        "`{n}` bukan jalur SPMB; mungkin maksud Anda `{fix}`?",
                        "`{n}` is not an SPMB jalur; did you mean `{fix}`?"
                    ),
                )
                .at(jl.nama.span, None)
                .help(t!("tulis `jalur {fix}`", "write `jalur {fix}`")),
            );
            jl.id = fix.to_string();
            for sub in jl.sub.iter_mut() {
                if let Some((_, rest)) = sub.id.split_once('.') {
                    sub.id = format!("{fix}.{rest}");
                }
            }
        }
    }

    /// Name resolution: references to jalur, sub-jalur, skor and poin tables.
    pub(super) fn resolve(&mut self, j: &mut Juknis) {
        // The old word in a reference (`zonasi`, `zonasi.d1`) is reported once and
        // read as `domisili`, so it does not cascade into unknown-name errors.
        let refs = j.tahap.iter_mut().flat_map(|t| t.jalur.iter_mut()).chain(
            j.sisa_kuota
                .iter_mut()
                .flat_map(|s| [&mut s.dari, &mut s.ke]),
        );
        let mut old_word = Vec::new();
        for r in refs {
            if r.node == "zonasi" {
                r.node = "domisili".to_string();
                old_word.push(r.span);
            } else if let Some(rest) = r.node.strip_prefix("zonasi.") {
                r.node = format!("domisili.{rest}");
                old_word.push(Span::new(r.span.start, r.span.start + "zonasi".len()));
            }
        }
        for s in old_word {
            self.zonasi(s, true);
        }
        let ids: Vec<String> = j
            .jalur
            .iter()
            .flat_map(|x| std::iter::once(x.id.clone()).chain(x.sub.iter().map(|s| s.id.clone())))
            .collect();
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let check_ref = |me: &mut Self, r: &Spanned<String>| -> bool {
            if id_refs.contains(&r.node.as_str()) {
                return true;
            }
            if r.node == "zonasi" {
                me.zonasi(r.span, false);
                return false;
            }
            let n = &r.node;
            me.push(
                Diagnostic::new(
                    "nama.tidak_dikenal",
                    t!("jalur tidak dikenal: `{n}`", "unknown jalur: `{n}`"),
                )
                .at(r.span, None)
                .help(help_for(n, &id_refs)),
            );
            false
        };
        for t in &j.tahap {
            for r in &t.jalur {
                check_ref(self, r);
            }
        }
        for s in j.sisa_kuota.iter().chain(&j.lanjut) {
            check_ref(self, &s.dari);
            check_ref(self, &s.ke);
        }
        // A school's own split: an unknown name is reported and dropped, so the
        // variant is checked with the names it does get right.
        for v in &mut j.kuota_sekolah {
            v.node.kuota.retain(|(n, _)| check_ref(self, n));
        }
        if let Some(r) = &j.daya_tampung.sisa_ke {
            let sub = j.jalur.iter().flat_map(|x| &x.sub).any(|x| x.id == r.node);
            if !sub && !j.jalur.iter().any(|x| x.id == r.node) {
                let n = &r.node;
                let tops: Vec<&str> = j
                    .jalur
                    .iter()
                    .flat_map(|x| std::iter::once(x).chain(&x.sub))
                    .map(|x| x.id.as_str())
                    .collect();
                self.push(
                    Diagnostic::new(
                        "nama.tidak_dikenal",
                        t!("jalur tidak dikenal: `{n}`", "unknown jalur: `{n}`"),
                    )
                    .at(r.span, None)
                    .help(help_for(n, &tops)),
                );
            }
        }
        let skor_names: Vec<String> = j.skor.iter().map(|s| s.nama.node.clone()).collect();
        let mut known: Vec<&str> = skor_names.iter().map(String::as_str).collect();
        known.extend(KRITERIA);
        let known = known.clone();
        let mut bad: Vec<(Spanned<String>, Vec<&str>)> = Vec::new();
        let mut drop_unknown = |u: Option<&mut Spanned<Vec<Spanned<Kriteria>>>>| {
            if let Some(u) = u {
                u.node.retain(|k| match &k.node.kriteria {
                    KriteriaJenis::Skor(n) if !skor_names.contains(n) => {
                        bad.push((sp(n.clone(), k.span), known.clone()));
                        false
                    }
                    _ => true,
                });
            }
        };
        for jl in j.jalur.iter_mut() {
            drop_unknown(jl.urutan.as_mut());
            for x in jl.sub.iter_mut() {
                drop_unknown(x.urutan.as_mut());
            }
        }
        drop_unknown(j.urutan_tk.as_mut());
        for (n, cands) in bad {
            let name = &n.node;
            self.push(
                Diagnostic::new("nama.tidak_dikenal", t!("kriteria tidak dikenal: `{name}`", "unknown criterion: `{name}`"))
                    .at(n.span, None)
                    .help(help_for(name, &cands))
                    .note(t!(
                        "kriteria adalah nama `skor` yang ditulis di juknis ini, atau `jarak`, `usia`, `waktu_daftar`, `nomor_pendaftaran`",
                        "a criterion is a `skor` defined in this juknis, or `jarak`, `usia`, `waktu_daftar`, `nomor_pendaftaran`"
                    )),
            );
        }
        let tables: Vec<&str> = j.poin.iter().map(|p| p.nama.node.as_str()).collect();
        for s in &j.skor {
            for su in &s.suku {
                if let Sumber::Poin { tabel } = &su.node.sumber.node {
                    if !tables.contains(&tabel.as_str()) {
                        let span = su.node.sumber.span;
                        self.push(
                            Diagnostic::new(
                                "nama.tidak_dikenal",
                                t!(
                                    "tabel poin tidak dikenal: `{tabel}`",
                                    "unknown points table: `{tabel}`"
                                ),
                            )
                            .at(span, None)
                            .help(if tables.is_empty() {
                                t!(
                                    "tulis tabelnya: `poin {tabel} {{ … }}`",
                                    "define it: `poin {tabel} {{ … }}`"
                                )
                            } else {
                                help_for(tabel, &tables)
                            }),
                        );
                    }
                }
            }
        }
    }
}
