//! A `jalur` or `sub` block: quota, conditions, documents, ranking criteria,
//! direct admission, per-area split.

use super::*;

impl Lower<'_> {
    pub(super) fn jalur(&mut self, a: &ast::Jalur, id: &str, span: Span, is_sub: bool) -> Jalur {
        let kuota = a.kuota.as_ref().and_then(|p| self.persen(p));
        let mut j = Jalur {
            id: id.to_string(),
            nama: a.nama.clone(),
            kuota,
            syarat: Vec::new(),
            dokumen: Vec::new(),
            dokumen_span: None,
            urutan: None,
            per: None,
            langsung_diterima: None,
            tidak_menerima: Vec::new(),
            sub: Vec::new(),
            sub_ganda: false,
            span,
        };
        if a.kuota.is_none() {
            let n = &a.nama.node;
            let (kw_id, kw_en) = if is_sub {
                ("sub", "sub")
            } else {
                ("jalur", "jalur")
            };
            let _ = kw_en;
            let leaf = id.rsplit('.').next().unwrap_or(id).to_string();
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "{kw_id} `{n}` belum punya kuota",
                        "{kw_id} `{n}` has no quota"
                    ),
                )
                .at(a.nama.span, None)
                .help(t!(
                    "tulis persentasenya sesudah nama: `{kw_id} {leaf} …%`",
                    "write its percentage after the name: `{kw_id} {leaf} …%`"
                )),
            );
        }
        for it in &a.isi {
            let s = it.span;
            match &it.node {
                ast::JalurItem::Sub(sub) => {
                    let sid = format!("{id}.{}", sub.nama.node);
                    if let Some(prev) = j.sub.iter().find(|x| x.id == sid) {
                        let first = prev.nama.span;
                        self.dup_name(&format!("sub {}", sub.nama.node), first, sub.nama.span);
                        j.sub_ganda = true;
                        continue;
                    }
                    let sj = self.jalur(sub, &sid, s, true);
                    j.sub.push(sj);
                }
                ast::JalurItem::Syarat(list) => {
                    for x in list {
                        let v = match &x.node {
                            ast::Syarat::Status(n) => Syarat::Status(n.node.clone()),
                            ast::Syarat::SalahSatu(ns) => {
                                Syarat::SalahSatu(ns.iter().map(|n| n.node.clone()).collect())
                            }
                            ast::Syarat::Nama(n) if n.node == "dalam_wilayah" => {
                                Syarat::DalamWilayah
                            }
                            ast::Syarat::Nama(n) => Syarat::Lain(n.node.clone()),
                            ast::Syarat::Jarak {
                                dari,
                                sampai,
                                kurang_dari,
                            } => match self.cincin(dari.as_ref(), sampai, *kurang_dari, x.span) {
                                Some(v) => v,
                                None => continue,
                            },
                        };
                        j.syarat.push(sp(v, x.span));
                    }
                }
                ast::JalurItem::Dokumen(list) => {
                    j.dokumen_span = Some(j.dokumen_span.map_or(s, |d| d.join(s)));
                    for d in list {
                        let minimal_bulan = match &d.node.minimal {
                            Some(u) => match self.umur(u) {
                                Some(m) => Some(m.node),
                                None => continue,
                            },
                            None => None,
                        };
                        j.dokumen.push(sp(
                            Dokumen {
                                nama: d.node.nama.node.clone(),
                                minimal_bulan,
                                untuk: Vec::new(),
                            },
                            d.span,
                        ));
                    }
                }
                ast::JalurItem::Urutan(list) => {
                    let mut ks = Vec::new();
                    for k in list {
                        if let Some(v) = self.kriteria(k) {
                            ks.push(v);
                        }
                    }
                    let v = sp(ks, s);
                    self.set_once(&mut j.urutan, "urutan", v);
                }
                ast::JalurItem::Per(w) => {
                    if PER.contains(&w.node.as_str()) {
                        let v = sp(w.node.clone(), s);
                        self.set_once(&mut j.per, "per", v);
                    } else {
                        self.unknown_word(w, "satuan wilayah", "area unit", PER);
                    }
                }
                ast::JalurItem::LangsungDiterima => j.langsung_diterima = Some(s),
                ast::JalurItem::TidakMenerima(list) => {
                    j.tidak_menerima.extend(list.iter().cloned())
                }
                ast::JalurItem::Rusak(r) => {
                    if is_sub && r.keyword.node == "sub" {
                        self.push(
                            Diagnostic::new(
                                "sintaks.pernyataan",
                                t!(
                                    "sub-jalur tidak boleh berisi sub-jalur",
                                    "a sub-jalur cannot contain sub-jalur"
                                ),
                            )
                            .at(r.text.span, None)
                            .help(t!(
                                "tulis semua sub-jalur langsung di dalam blok jalur",
                                "declare every sub-jalur directly inside the jalur block"
                            )),
                        );
                    } else {
                        self.rusak(r, "jalur", JALUR);
                    }
                }
            }
        }
        j
    }

    pub(super) fn kriteria(&mut self, k: &Spanned<ast::Kriteria>) -> Option<Spanned<Kriteria>> {
        let name = k.node.nama.node.as_str();
        let arah_w = k.node.arah.as_ref().map(|a| a.node.as_str());
        if name == "undian" {
            return self.undian(k);
        }
        if let Some(b) = &k.node.benih {
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "hanya `undian` yang memakai benih",
                        "only `undian` takes a seed"
                    ),
                )
                .at(b.span, None)
                .help(t!(
                    "hapus teks ini, atau tulis `undian benih \"…\"` sebagai kriteria tersendiri",
                    "remove this text, or write `undian benih \"…\"` as a criterion of its own"
                )),
            );
            return None;
        }
        let jenis = match name {
            "jarak" => KriteriaJenis::Jarak,
            "usia" => KriteriaJenis::Usia,
            "waktu_daftar" => KriteriaJenis::WaktuDaftar,
            "waktu_verifikasi" => KriteriaJenis::WaktuVerifikasi,
            "nomor_pendaftaran" => KriteriaJenis::NomorPendaftaran,
            "usia_prioritas" => KriteriaJenis::UsiaPrioritas,
            // `anak_guru dulu`: a status first. The status name is checked
            // against the rulebook's statuses (`syarat.objektif`).
            other if arah_w == Some("dulu") => KriteriaJenis::Status(other.to_string()),
            // Score names are resolved once every `skor` is known (`resolve`).
            other => KriteriaJenis::Skor(other.to_string()),
        };
        let allowed: &[(&str, Arah)] = match &jenis {
            KriteriaJenis::Skor(_) => {
                &[("tertinggi", Arah::Tertinggi), ("terendah", Arah::Terendah)]
            }
            KriteriaJenis::Jarak => &[("terdekat", Arah::Terdekat), ("terjauh", Arah::Terjauh)],
            KriteriaJenis::Usia => &[("tertua", Arah::Tertua), ("termuda", Arah::Termuda)],
            KriteriaJenis::WaktuDaftar | KriteriaJenis::WaktuVerifikasi => {
                &[("terawal", Arah::Terawal)]
            }
            KriteriaJenis::NomorPendaftaran => &[("terkecil", Arah::Terkecil)],
            KriteriaJenis::UsiaPrioritas | KriteriaJenis::Status(_) => &[("dulu", Arah::Dulu)],
            KriteriaJenis::Undian(_) => &[],
        };
        let words: Vec<&str> = allowed.iter().map(|(w, _)| *w).collect();
        // `usia_prioritas` has one direction: the priority age and older first.
        if jenis == KriteriaJenis::UsiaPrioritas && k.node.arah.is_none() {
            return Some(sp(
                Kriteria {
                    kriteria: jenis,
                    arah: Arah::Dulu,
                },
                k.span,
            ));
        }
        let Some(arah_t) = &k.node.arah else {
            let first = words.first().copied().unwrap_or("");
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "kriteria `{name}` tanpa arah",
                        "criterion `{name}` has no direction"
                    ),
                )
                .at(k.span, None)
                .help(t!(
                    "tulis arahnya, mis. `{name} {first}`",
                    "add its direction, e.g. `{name} {first}`"
                )),
            );
            return None;
        };
        match allowed.iter().find(|(w, _)| *w == arah_t.node) {
            Some((_, arah)) => Some(sp(
                Kriteria {
                    kriteria: jenis,
                    arah: *arah,
                },
                k.span,
            )),
            None => {
                self.unknown_word(
                    arah_t,
                    &format!("arah untuk `{name}`"),
                    &format!("direction for `{name}`"),
                    &words,
                );
                None
            }
        }
    }

    /// `undian benih "…"`: a published lottery as the last resort. The seed is
    /// announced before registration, so anyone can redo the draw.
    fn undian(&mut self, k: &Spanned<ast::Kriteria>) -> Option<Spanned<Kriteria>> {
        let arah_ok = k.node.arah.as_ref().is_some_and(|a| a.node == "benih");
        let benih = k.node.benih.as_ref().filter(|b| !b.node.trim().is_empty());
        let (true, Some(benih)) = (arah_ok, benih) else {
            // Still a lottery (the chain ends with it: no `urutan.akhir`
            // cascade); the missing seed is the error, and a juknis with an
            // error compiles to no plan.
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "undian perlu benih yang diumumkan sebelum pendaftaran",
                        "a lottery needs a seed announced before registration"
                    ),
                )
                .at(k.span, None)
                .help(t!(
                    "tulis mis. `undian benih \"SPMB-2027-KOTA-X\"`; siapa pun dapat mengulang undian dengan benih itu",
                    "write e.g. `undian benih \"SPMB-2027-KOTA-X\"`; anyone can redo the draw with that seed"
                )),
            );
            return Some(sp(
                Kriteria {
                    kriteria: KriteriaJenis::Undian(String::new()),
                    arah: Arah::Terkecil,
                },
                k.span,
            ));
        };
        Some(sp(
            Kriteria {
                kriteria: KriteriaJenis::Undian(benih.node.clone()),
                arah: Arah::Terkecil,
            },
            k.span,
        ))
    }

    /// A distance ring as whole metres, both ends inclusive: `kurang_dari 1 km`
    /// is at most 999 m; `1 km sampai 2.5 km` is 1000–2500 m.
    fn cincin(
        &mut self,
        dari: Option<&(Spanned<String>, Spanned<String>)>,
        sampai: &(Spanned<String>, Spanned<String>),
        kurang_dari: bool,
        span: Span,
    ) -> Option<Syarat> {
        let meter = |(n, u): &(Spanned<String>, Spanned<String>)| -> Option<u32> {
            let v = Angka::parse(&n.node).ok()?;
            let per = if u.node == "km" { 1000 } else { 1 };
            let m = v.millionths().checked_mul(per)? / 1_000_000;
            // Whole metres only, up to 500 km (the radius limit).
            (v.millionths() * per % 1_000_000 == 0 && m <= 500_000).then_some(m as u32)
        };
        let hi = meter(sampai);
        let lo = dari.map(meter);
        let (Some(hi), Some(lo)) = (hi, lo.unwrap_or(Some(0))) else {
            self.push(
                Diagnostic::new(
                    "nilai.rentang",
                    t!("jarak tidak wajar", "implausible distance"),
                )
                .at(span, None)
                .help(t!(
                    "tulis jarak dalam meter bulat, sampai 500 km, mis. `jarak 1 km sampai 2.5 km`",
                    "write whole metres, up to 500 km, e.g. `jarak 1 km sampai 2.5 km`"
                )),
            );
            return None;
        };
        let maksimal_m = if kurang_dari { hi.checked_sub(1)? } else { hi };
        if dari.is_some() && lo > maksimal_m {
            self.push(
                Diagnostic::new(
                    "nilai.rentang",
                    t!(
                        "rentang jarak terbalik: {lo} m sampai {maksimal_m} m",
                        "distance range backwards: {lo} m to {maksimal_m} m"
                    ),
                )
                .at(span, None)
                .help(t!(
                    "tulis jarak terdekat dulu, mis. `jarak 1 km sampai 2.5 km`",
                    "write the nearer distance first, e.g. `jarak 1 km sampai 2.5 km`"
                )),
            );
            return None;
        }
        Some(Syarat::Jarak {
            minimal_m: dari.map(|_| lo),
            maksimal_m,
        })
    }
}
