//! Scores and points: `skor` formulas (weights, rapor semesters and subjects,
//! tests, points tables, inputs), `poin` tables with their rows and values.

use super::*;

impl Lower<'_> {
    pub(super) fn skor(
        &mut self,
        nama: &Spanned<String>,
        suku: &[Spanned<ast::Suku>],
        span: Span,
    ) -> Skor {
        // No weight anywhere: a plain sum, as regions write `rapor(…) + poin(lomba)`.
        let jumlah = suku.iter().all(|s| s.node.bobot.is_none());
        let mut out = Vec::new();
        for s in suku {
            let bobot = match &s.node.bobot {
                Some(b) => match self.persen(b) {
                    Some(p) => p,
                    None => continue,
                },
                None if jumlah => sp(Persen::HUNDRED, s.span),
                None => {
                    self.push(
                        Diagnostic::new(
                            "sintaks.pernyataan",
                            t!("suku rumus tanpa bobot", "formula term without a weight"),
                        )
                        .at(s.span, None)
                        .help(t!(
                            "tulis bobot di depannya, mis. `40% indeks_sekolah_asal`, atau hapus semua bobot bila skor ini jumlah biasa (`rapor(…) + poin(lomba)`)",
                            "put its weight in front, e.g. `40% indeks_sekolah_asal`, or drop every weight if the score is a plain sum (`rapor(…) + poin(lomba)`)"
                        )),
                    );
                    continue;
                }
            };
            let sumber = match &s.node.sumber.node {
                ast::Sumber::Rapor {
                    dari,
                    sampai,
                    mapel,
                } => {
                    let a = self.rapor_titik(dari);
                    let b = self.rapor_titik(sampai);
                    match (a, b) {
                        (Some(a), Some(b)) if a.1 == b.1 && a.0 >= 1 && a.0 <= b.0 => {
                            for m in mapel {
                                self.mapel(m);
                            }
                            Sumber::Rapor {
                                dari: a.0,
                                sampai: b.0,
                                mapel: mapel.iter().map(|m| m.node.clone()).collect(),
                            }
                        }
                        (Some(_), Some(_)) => {
                            self.push(
                                Diagnostic::new(
                                    "nilai.rentang",
                                    t!("rentang semester tidak sah", "invalid semester range"),
                                )
                                .at(s.node.sumber.span, None)
                                .help(t!(
                                    "tulis mis. `semester 1..5`",
                                    "write e.g. `semester 1..5`"
                                )),
                            );
                            continue;
                        }
                        _ => continue,
                    }
                }
                ast::Sumber::Tes(n) => Sumber::Tes {
                    nama: n.node.clone(),
                },
                ast::Sumber::Poin(n) => Sumber::Poin {
                    tabel: n.node.clone(),
                },
                ast::Sumber::Masukan(n) => Sumber::Masukan {
                    nama: n.node.clone(),
                },
            };
            out.push(sp(
                Suku {
                    bobot,
                    sumber: sp(sumber, s.node.sumber.span),
                },
                s.span,
            ));
        }
        Skor {
            nama: nama.clone(),
            suku: out,
            jumlah: jumlah && suku.len() > 1,
            maksimal: None,
            desimal: None,
            span,
        }
    }

    /// `maksimal N` of a score: a positive number.
    pub(super) fn skor_maksimal(&mut self, v: &Spanned<String>) -> Option<Spanned<Angka>> {
        match Angka::parse(&v.node) {
            Ok(a) if a > Angka::ZERO => Some(sp(a, v.span)),
            _ => {
                let x = &v.node;
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "nilai maksimal skor tidak sah: `{x}`",
                            "invalid score maximum: `{x}`"
                        ),
                    )
                    .at(v.span, None)
                    .help(t!(
                        "tulis angka lebih dari 0 dengan titik desimal, mis. `maksimal 100`",
                        "write a number above 0 with a decimal dot, e.g. `maksimal 100`"
                    )),
                );
                None
            }
        }
    }

    pub(super) fn poin(
        &mut self,
        nama: &Spanned<String>,
        baris: &[Spanned<ast::PoinBaris>],
        span: Span,
    ) -> TabelPoin {
        let mut out = Vec::new();
        // Values out of range, reported once for the whole table.
        let mut luar: Vec<Span> = Vec::new();
        for b in baris {
            let k = tingkat_lomba(b.node.kategori.node.as_str());
            // `ketua_osis 20` / `wakil_ketua_osis 10`: organisation in the name, the
            // rest is the role.
            if b.node.nilai.len() == 1 && b.node.nilai[0].0.node == k {
                if let Some(org) = ORGANISASI
                    .iter()
                    .find(|o| k.ends_with(&format!("_{o}")) || k.starts_with(&format!("{o}_")))
                {
                    let role = k
                        .replace(&format!("_{org}"), "")
                        .replace(&format!("{org}_"), "");
                    if let Some(v) = self.poin_nilai(&b.node.nilai[0].1, &mut luar) {
                        let kat = sp(org.to_string(), b.node.kategori.span);
                        let r = sp(role, b.node.kategori.span);
                        out.push(sp(
                            BarisPoin {
                                kategori: kat,
                                jenis: JenisBaris::Organisasi,
                                nilai: vec![(r, v)],
                            },
                            b.span,
                        ));
                    }
                    continue;
                }
            }
            let jenis = if let Some(i) = TINGKAT_LOMBA.iter().position(|t| *t == k) {
                JenisBaris::Tingkat(i as u8)
            } else if ORGANISASI.contains(&k) {
                JenisBaris::Organisasi
            } else {
                let all: Vec<&str> = TINGKAT_LOMBA
                    .iter()
                    .chain(ORGANISASI.iter())
                    .copied()
                    .collect();
                self.unknown_word(
                    &b.node.kategori,
                    "tingkat atau organisasi",
                    "level or organisation",
                    &all,
                );
                continue;
            };
            let mut nilai = Vec::new();
            for (r, v) in &b.node.nilai {
                if let Some(v) = self.poin_nilai(v, &mut luar) {
                    nilai.push((r.clone(), v));
                }
            }
            out.push(sp(
                BarisPoin {
                    kategori: sp(k.to_string(), b.node.kategori.span),
                    jenis,
                    nilai,
                },
                b.span,
            ));
        }
        if let Some((first, rest)) = luar.split_first() {
            let n = luar.len();
            let mut d = Diagnostic::new(
                "nilai.rentang",
                t!(
                    "{n} nilai poin di tabel `{}` melebihi {MAKS_POIN}",
                    "{n} point values in table `{}` exceed {MAKS_POIN}",
                    nama.node
                ),
            )
            .at(*first, None)
            .help(t!(
                "poin adalah angka 0 sampai {MAKS_POIN} (pecahan boleh, mis. 0.5)",
                "points are numbers from 0 to {MAKS_POIN} (fractions allowed, e.g. 0.5)"
            ));
            for s in rest {
                d = d.also(*s, t!("juga di sini", "also here"));
            }
            self.push(d);
        }
        TabelPoin {
            nama: nama.clone(),
            baris: out,
            span,
        }
    }

    /// One points value: a number up to `MAKS_POIN` with at most six decimals
    /// (`0.5` for a scout leader); larger values are collected in `luar` and
    /// reported once per table. `11.000` is read as a thousands dot and refused.
    pub(super) fn poin_nilai(
        &mut self,
        v: &Spanned<String>,
        luar: &mut Vec<Span>,
    ) -> Option<Spanned<Angka>> {
        let x = &v.node;
        if let Some((w, f)) = x.split_once('.') {
            if f.len() == 3 && !w.trim_start_matches('0').is_empty() {
                let plain: String = x.chars().filter(|c| *c != '.').collect();
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "poin ditulis tanpa titik ribuan: `{plain}`, bukan `{x}`",
                            "write points without a thousands dot: `{plain}`, not `{x}`"
                        ),
                    )
                    .at(v.span, None)
                    .help(t!(
                        "tulis `{plain}`; pecahan ditulis dengan satu atau dua angka di belakang titik, mis. `0.5`",
                        "write `{plain}`; fractions take one or two digits after the dot, e.g. `0.5`"
                    )),
                );
                return None;
            }
            if f.len() > angka::DECIMALS as usize {
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "poin `{x}` lebih dari 6 angka di belakang titik",
                            "points `{x}` have more than 6 decimals"
                        ),
                    )
                    .at(v.span, None),
                );
                return None;
            }
        }
        match Angka::parse(x) {
            Ok(a) if a <= Angka::whole(i64::from(MAKS_POIN)) => Some(sp(a, v.span)),
            _ => {
                luar.push(v.span);
                None
            }
        }
    }

    /// A rapor range end as a semester number counted from the first semester of
    /// the level it belongs to (SD 1–12, SMP 1–6), and that level's first kelas:
    /// `kelas 4 semester 1` → (7, 1); `kelas 7 semester 1` → (1, 7); a bare
    /// `semester 5` → (5, 0).
    pub(super) fn rapor_titik(&mut self, t: &ast::RaporTitik) -> Option<(u32, u32)> {
        let Some(k) = &t.kelas else {
            let s = self.int(&t.semester, 12, "semester", "semester")?;
            return Some((s.node, 0));
        };
        let kelas = self.int(k, 12, "kelas", "grade")?;
        let sem = self.int(
            &t.semester,
            2,
            "semester dalam satu kelas",
            "semester within a grade",
        )?;
        let pertama = match kelas.node {
            1..=6 => 1,
            7..=9 => 7,
            v => {
                self.push(
                    Diagnostic::new(
                        "nilai.rentang",
                        t!(
                            "rapor jenjang sebelumnya: kelas 1–6 (SD) atau 7–9 (SMP), bukan kelas {v}",
                            "rapor of the previous level: grade 1–6 (SD) or 7–9 (SMP), not grade {v}"
                        ),
                    )
                    .at(k.span, None),
                );
                return None;
            }
        };
        if sem.node == 0 {
            self.push(
                Diagnostic::new(
                    "nilai.rentang",
                    t!(
                        "semester dalam satu kelas adalah 1 atau 2",
                        "the semester within a grade is 1 or 2"
                    ),
                )
                .at(sem.span, None),
            );
            return None;
        }
        Some(((kelas.node - pertama) * 2 + sem.node, pertama))
    }
}

/// Subjects as writers name them in a rapor formula: the usual short codes of
/// school data and the subjects' names (Kurikulum Merdeka and the 2013
/// curriculum), SD to SMA. Any `bahasa_…` (a regional or foreign language) is
/// also a subject. Others are warned about with "did you mean", so a typo
/// (`matemtika`) does not pass as a subject no applicant has a grade in.
const MAPEL: &[&str] = &[
    "pabp",
    "pai",
    "agama",
    "pendidikan_agama",
    "ppkn",
    "pkn",
    "pp",
    "pancasila",
    "pendidikan_pancasila",
    "bindo",
    "bin",
    "bi",
    "bahasa_indonesia",
    "mtk",
    "mat",
    "mm",
    "matematika",
    "matematika_lanjut",
    "ipa",
    "ips",
    "ipas",
    "bing",
    "big",
    "inggris",
    "bahasa_inggris",
    "pjok",
    "penjas",
    "penjasorkes",
    "seni",
    "senbud",
    "seni_budaya",
    "sbdp",
    "seni_musik",
    "seni_rupa",
    "seni_tari",
    "seni_teater",
    "prakarya",
    "informatika",
    "tik",
    "mulok",
    "bahasa_daerah",
    "fisika",
    "kimia",
    "biologi",
    "ekonomi",
    "geografi",
    "sosiologi",
    "sejarah",
    "antropologi",
];

impl Lower<'_> {
    /// A subject of `rapor(…, mapel …)`: known, or a warning with the nearest.
    fn mapel(&mut self, m: &Spanned<String>) {
        let w = m.node.as_str();
        if MAPEL.contains(&w) || w.strip_prefix("bahasa_").is_some_and(|r| !r.is_empty()) {
            return;
        }
        let help = match crate::diagnostic::suggest::closest(w, MAPEL.iter().copied()) {
            Some(h) => t!(
                "mungkin maksud Anda `{h}`? Mapel dikenal: kode rapor (mtk, bindo, bing, ipa, ips, ppkn, pabp, …) atau nama mapel (matematika, fisika, …); lihat docs/language.md",
                "did you mean `{h}`? Known subjects: rapor codes (mtk, bindo, bing, ipa, ips, ppkn, pabp, …) or subject names (matematika, fisika, …); see docs/language.md"
            ),
            None => t!(
                "mapel dikenal: kode rapor (mtk, bindo, bing, ipa, ips, ppkn, pabp, …) atau nama mapel (matematika, fisika, …); lihat docs/language.md",
                "known subjects: rapor codes (mtk, bindo, bing, ipa, ips, ppkn, pabp, …) or subject names (matematika, fisika, …); see docs/language.md"
            ),
        };
        self.push(
            Diagnostic::new(
                "nama.mapel",
                t!("mapel tidak dikenal: `{w}`", "unknown subject: `{w}`"),
            )
            .at(m.span, None)
            .help(help),
        );
    }
}
