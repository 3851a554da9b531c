//! The juknis block: every top-level statement read into the model (header,
//! dates, blocks, scores, jalur, waves, fees, registration modes, complaint and
//! monitoring channels), duplicates reported, and the statements a juknis must
//! have (`required`).

use super::*;

impl Lower<'_> {
    pub(super) fn file(&mut self, f: &ast::File) -> Juknis {
        let whole = f
            .items
            .iter()
            .map(|i| i.span)
            .fold(f.judul.span, Span::join);
        let mut j = Juknis {
            judul: f.judul.clone(),
            span: whole,
            acuan: None,
            pemerintah: None,
            jenjang: None,
            tahun_ajaran: None,
            ditetapkan: None,
            pengumuman_pendaftaran: None,
            usia: Usia::default(),
            wilayah: Wilayah::default(),
            daya_tampung: DayaTampung {
                span: None,
                rombel: None,
                pengecualian: None,
                pembulatan: sp(Pembulatan::SesuaiBatas, Span::default()),
                pembulatan_ditulis: false,
                pembulatan_sub: None,
                sisa_ke: None,
            },
            pilihan: Pilihan {
                span: None,
                maksimal: sp(1, Span::default()),
                mekanisme: sp(Mekanisme::Tunggal, Span::default()),
                jalur_per_tahap: sp(1, Span::default()),
                luar_wilayah: None,
            },
            skor: Vec::new(),
            poin: Vec::new(),
            jalur: Vec::new(),
            sisa_kuota: Vec::new(),
            lanjut: Vec::new(),
            cadangan: None,
            tahap: Vec::new(),
            biaya: Vec::new(),
            pendaftaran: None,
            pengaduan: None,
            pemantauan: None,
            bukti: Vec::new(),
            dikecualikan: Vec::new(),
            bersama: Vec::new(),
            kuota_sekolah: Vec::new(),
            urutan_tk: None,
            bagian: f.bagian,
        };
        for item in &f.items {
            self.item(&mut j, item);
        }
        // A ranking outside a jalur is a TK's (it has no jalur, Pasal 6).
        if let Some(u) = j
            .urutan_tk
            .as_ref()
            .filter(|_| j.jenjang() != Some(Jenjang::TK))
        {
            let s = u.span;
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "`urutan` di luar jalur hanya untuk TK",
                        "`urutan` outside a jalur is only for TK"
                    ),
                )
                .at(s, None)
                .help(t!(
                    "tulis `urutan` di dalam blok jalur atau sub-jalur yang diurutkannya",
                    "write `urutan` inside the jalur or sub-jalur block it ranks"
                )),
            );
            j.urutan_tk = None;
        }
        self.required(&j, whole);
        self.correct_jalur_typos(&mut j);
        self.resolve(&mut j);
        j
    }

    /// One top-level statement into the model: each kind has its function.
    fn item(&mut self, j: &mut Juknis, item: &Spanned<ast::Item>) {
        let span = item.span;
        match &item.node {
            ast::Item::Acuan(a) => {
                let v = sp(a.node.clone(), a.span);
                self.set_once(&mut j.acuan, "acuan", v);
            }
            ast::Item::Pemerintah { tingkat, nama } => {
                self.pemerintah(j, tingkat, nama.as_ref(), span)
            }
            ast::Item::Jenjang(w) => match Jenjang::parse(&w.node) {
                Some(v) => self.set_once(&mut j.jenjang, "jenjang", sp(v, w.span)),
                None => {
                    self.unknown_word(w, "jenjang", "jenjang", &["TK", "SD", "SMP", "SMA", "SMK"])
                }
            },
            ast::Item::TahunAjaran { awal, akhir } => self.tahun_ajaran(j, awal, akhir, span),
            ast::Item::Ditetapkan(w) => {
                if let Some(v) = self.waktu(w) {
                    self.set_once(&mut j.ditetapkan, "ditetapkan", v);
                }
            }
            ast::Item::PengumumanPendaftaran(w) => {
                if let Some(v) = self.waktu(w) {
                    self.set_once(&mut j.pengumuman_pendaftaran, "pengumuman_pendaftaran", v);
                }
            }
            ast::Item::Usia(items) => {
                self.block_once(&mut j.usia.span, "usia", span);
                self.usia(items, &mut j.usia);
            }
            ast::Item::Wilayah(items) => {
                self.block_once(&mut j.wilayah.span, "wilayah", span);
                self.wilayah(items, &mut j.wilayah);
            }
            ast::Item::DayaTampung(items) => {
                self.block_once(&mut j.daya_tampung.span, "daya_tampung", span);
                self.daya_tampung(items, &mut j.daya_tampung);
            }
            ast::Item::Pilihan(items) => {
                self.block_once(&mut j.pilihan.span, "pilihan", span);
                self.pilihan(items, &mut j.pilihan);
            }
            ast::Item::Skor {
                nama,
                suku,
                maksimal,
                desimal,
            } => {
                if let Some(prev) = j.skor.iter().find(|s| s.nama.node == nama.node) {
                    let first = prev.nama.span;
                    self.dup_name(&format!("skor {}", nama.node), first, nama.span);
                    return;
                }
                let mut s = self.skor(nama, suku, span);
                s.maksimal = maksimal.as_ref().and_then(|m| self.skor_maksimal(m));
                s.desimal = desimal
                    .as_ref()
                    .and_then(|d| self.int(d, u64::from(angka::DECIMALS), "desimal", "decimals"));
                j.skor.push(s);
            }
            ast::Item::Poin { nama, baris } => {
                if let Some(prev) = j.poin.iter().find(|s| s.nama.node == nama.node) {
                    let first = prev.nama.span;
                    self.dup_name(&format!("poin {}", nama.node), first, nama.span);
                    return;
                }
                let p = self.poin(nama, baris, span);
                j.poin.push(p);
            }
            ast::Item::Jalur(a) => self.jalur_item(j, a, span),
            ast::Item::Lanjut { dari, ke } => j.lanjut.push(SisaKuota {
                dari: dari.clone(),
                ke: ke.clone(),
                span,
            }),
            ast::Item::SisaKuota { dari, ke } => j.sisa_kuota.push(SisaKuota {
                dari: dari.clone(),
                ke: ke.clone(),
                span,
            }),
            ast::Item::Cadangan(c) => self.cadangan(j, c, span),
            ast::Item::Tahap { nomor, isi } => {
                let Some(t) = self.tahap(nomor, isi, span) else {
                    return;
                };
                if let Some(prev) = j.tahap.iter().find(|x| x.nomor.node == t.nomor.node) {
                    let first = prev.nomor.span;
                    self.dup_name(&format!("tahap {}", t.nomor.node), first, t.nomor.span);
                    return;
                }
                j.tahap.push(t);
            }
            ast::Item::Biaya(b) => self.biaya(j, b, span),
            ast::Item::Pendaftaran(modes) => {
                let mut ok = Vec::new();
                for m in modes {
                    if MODA.contains(&m.node.as_str()) {
                        ok.push(m.clone());
                    } else {
                        self.unknown_word(m, "cara pendaftaran", "registration mode", MODA);
                    }
                }
                self.set_once(&mut j.pendaftaran, "pendaftaran", sp(ok, span));
            }
            ast::Item::Pengaduan(s) => {
                let v = sp(s.node.clone(), span);
                self.set_once(&mut j.pengaduan, "pengaduan", v);
            }
            ast::Item::Pemantauan(s) => {
                let v = sp(s.node.clone(), span);
                self.set_once(&mut j.pemantauan, "pemantauan", v);
            }
            ast::Item::Bukti {
                nama,
                status,
                keterangan,
            } => {
                if let Some(prev) = j.bukti.iter().find(|b| b.node.nama.node == nama.node) {
                    let first = prev.node.nama.span;
                    self.dup_name(&format!("bukti {}", nama.node), first, nama.span);
                    return;
                }
                j.bukti.push(sp(
                    Bukti {
                        nama: nama.clone(),
                        status: status.clone(),
                        keterangan: keterangan.clone(),
                    },
                    span,
                ));
            }
            ast::Item::Dikecualikan {
                npsn,
                alasan,
                keterangan,
            } => {
                if self.school_listed(j, npsn) {
                    return;
                }
                j.dikecualikan.push(sp(
                    Dikecualikan {
                        npsn: npsn.clone(),
                        alasan: alasan.clone(),
                        keterangan: keterangan.clone(),
                    },
                    span,
                ));
            }
            ast::Item::Bersama { npsn, kesepakatan } => {
                if self.school_listed(j, npsn) {
                    return;
                }
                j.bersama.push(sp(
                    Bersama {
                        npsn: npsn.clone(),
                        kesepakatan: kesepakatan.clone(),
                    },
                    span,
                ));
            }
            ast::Item::KuotaSekolah { sekolah, isi } => self.kuota_sekolah(j, sekolah, isi, span),
            // Sections are split before lowering (`bagian::split`).
            ast::Item::Bagian { .. } => {}
            ast::Item::Urutan(list) => {
                let ks: Vec<_> = list.iter().filter_map(|k| self.kriteria(k)).collect();
                self.set_once(&mut j.urutan_tk, "urutan", sp(ks, span));
            }
            ast::Item::Rusak(r) if POIN.iter().any(|(k, _)| *k == r.keyword.node) => {
                self.rusak(r, "poin", POIN)
            }
            ast::Item::Rusak(r) => self.rusak(r, "juknis", TOP),
        }
    }

    /// A block that may appear once: a second one is reported at its place.
    fn block_once(&mut self, seen: &mut Option<Span>, name: &str, span: Span) {
        if let Some(first) = *seen {
            self.dup(name, first, span);
        }
        *seen = Some(span);
    }

    fn pemerintah(
        &mut self,
        j: &mut Juknis,
        tingkat: &Spanned<String>,
        nama: Option<&Spanned<String>>,
        span: Span,
    ) {
        let Some(t) = TingkatPemerintah::parse(&tingkat.node) else {
            self.unknown_word(
                tingkat,
                "tingkat pemerintah",
                "government level",
                &["provinsi", "kabupaten", "kota"],
            );
            return;
        };
        let Some(nama) = nama else {
            self.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "nama pemerintah daerah belum ditulis",
                        "the government's name is missing"
                    ),
                )
                .at(span, None)
                .help(t!(
                    "tulis mis. `pemerintah provinsi \"Jawa Timur\"`",
                    "write e.g. `pemerintah provinsi \"Jawa Timur\"`"
                )),
            );
            return;
        };
        self.set_once(
            &mut j.pemerintah,
            "pemerintah",
            sp((t, nama.node.clone()), span),
        );
    }

    fn tahun_ajaran(
        &mut self,
        j: &mut Juknis,
        awal: &Spanned<String>,
        akhir: &Spanned<String>,
        span: Span,
    ) {
        let (a, b) = (
            self.int(awal, 2100, "tahun", "year"),
            self.int(akhir, 2100, "tahun", "year"),
        );
        let (Some(a), Some(b)) = (a, b) else {
            return;
        };
        let (a, b) = (a.node as i32, b.node as i32);
        if !waktu::YEARS.contains(&a) || b != a + 1 {
            self.push(
                Diagnostic::new(
                    "nilai.rentang",
                    t!(
                        "tahun ajaran tidak sah: `{a}/{b}`",
                        "invalid school year: `{a}/{b}`"
                    ),
                )
                .at(span, None)
                .help(t!(
                    "tahun kedua = tahun pertama + 1, mis. `2025/2026`",
                    "the second year is the first plus one, e.g. `2025/2026`"
                )),
            );
        } else {
            self.set_once(&mut j.tahun_ajaran, "tahun_ajaran", sp((a, b), span));
        }
    }

    /// `pilihan { maksimal N  mekanisme … }`.
    fn pilihan(&mut self, items: &[Spanned<ast::PilihanItem>], p: &mut Pilihan) {
        for it in items {
            match &it.node {
                ast::PilihanItem::Maksimal(n) => {
                    let Some(v) = self.int(n, 20, "jumlah pilihan", "number of choices") else {
                        continue;
                    };
                    if v.node == 0 {
                        self.push(
                            Diagnostic::new(
                                "nilai.rentang",
                                t!("jumlah pilihan paling sedikit 1", "at least 1 choice"),
                            )
                            .at(n.span, None),
                        );
                    } else {
                        p.maksimal = v;
                    }
                }
                ast::PilihanItem::Mekanisme(w) => {
                    match Mekanisme::WORDS.iter().find(|(k, _)| *k == w.node) {
                        Some((_, m)) => p.mekanisme = sp(*m, w.span),
                        None => {
                            let words: Vec<&str> =
                                Mekanisme::WORDS.iter().map(|(k, _)| *k).collect();
                            self.unknown_word(w, "mekanisme pilihan", "choice mechanism", &words);
                        }
                    }
                }
                ast::PilihanItem::JalurPerTahap(n) => {
                    // A wave rarely has more than four jalur; 8 is far above.
                    let Some(v) = self.int(n, 8, "jalur per tahap", "jalur per wave") else {
                        continue;
                    };
                    if v.node == 0 {
                        self.push(
                            Diagnostic::new(
                                "nilai.rentang",
                                t!(
                                    "paling sedikit 1 jalur per tahap",
                                    "at least 1 jalur per wave"
                                ),
                            )
                            .at(n.span, None),
                        );
                    } else {
                        p.jalur_per_tahap = v;
                    }
                }
                ast::PilihanItem::LuarWilayah(n) => {
                    // Zero is a number the checker judges (`pilihan.luar_wilayah`).
                    if let Some(v) =
                        self.int(n, 20, "pilihan di luar wilayah", "choices outside the zone")
                    {
                        p.luar_wilayah = Some(sp(v.node, it.span));
                    }
                }
                ast::PilihanItem::Rusak(r) => self.rusak(r, "pilihan", PILIHAN),
            }
        }
    }

    /// `kuota_sekolah "NPSN", … { … }`: a school in two variants, or a jalur
    /// twice in one, is reported; names are resolved with the others.
    fn kuota_sekolah(
        &mut self,
        j: &mut Juknis,
        sekolah: &[Spanned<String>],
        isi: &[Spanned<ast::KuotaSekolahItem>],
        span: Span,
    ) {
        let mut v = KuotaSekolah {
            sekolah: Vec::new(),
            dasar: None,
            kuota: Vec::new(),
            kepala: Span::new(
                span.start,
                sekolah.last().map_or(span.start, |s| s.span.end),
            ),
        };
        for n in sekolah {
            let first = j
                .kuota_sekolah
                .iter()
                .flat_map(|k| &k.node.sekolah)
                .chain(&v.sekolah)
                .find(|x| x.node == n.node);
            if let Some(first) = first {
                let (f, a) = (first.span, n.span);
                self.dup_name(&format!("sekolah {} di kuota_sekolah", n.node), f, a);
                continue;
            }
            v.sekolah.push(n.clone());
        }
        for it in isi {
            match &it.node {
                ast::KuotaSekolahItem::Dasar(d) => match &v.dasar {
                    Some(first) => self.dup_name("dasar", first.span, it.span),
                    None => v.dasar = Some(d.clone()),
                },
                ast::KuotaSekolahItem::Kuota { nama, persen } => {
                    if let Some((first, _)) = v.kuota.iter().find(|(n, _)| n.node == nama.node) {
                        let (f, a) = (first.span, nama.span);
                        self.dup_name(&format!("kuota {}", nama.node), f, a);
                        continue;
                    }
                    if let Some(p) = self.persen(persen) {
                        v.kuota.push((nama.clone(), p));
                    }
                }
                ast::KuotaSekolahItem::Rusak(r) => self.rusak(r, "kuota_sekolah", KUOTA_SEKOLAH),
            }
        }
        j.kuota_sekolah.push(sp(v, span));
    }

    /// A school already listed as excepted or joining (one school, one status).
    fn school_listed(&mut self, j: &Juknis, npsn: &Spanned<String>) -> bool {
        let first = j
            .dikecualikan
            .iter()
            .map(|d| &d.node.npsn)
            .chain(j.bersama.iter().map(|b| &b.node.npsn))
            .find(|n| n.node == npsn.node);
        if let Some(first) = first {
            self.dup_name(&format!("sekolah {}", npsn.node), first.span, npsn.span);
            return true;
        }
        false
    }

    /// A top-level jalur; the old name `zonasi` is read as domisili, with a note.
    fn jalur_item(&mut self, j: &mut Juknis, a: &ast::Jalur, span: Span) {
        if a.nama.node == "zonasi" {
            self.zonasi(a.nama.span, true);
        }
        let id = if a.nama.node == "zonasi" {
            "domisili".to_string()
        } else {
            a.nama.node.clone()
        };
        if let Some(prev) = j.jalur.iter().find(|x| x.id == id) {
            let first = prev.nama.span;
            self.dup_name(&format!("jalur {id}"), first, a.nama.span);
            return;
        }
        let jl = self.jalur(a, &id, span, false);
        j.jalur.push(jl);
    }

    /// `cadangan 10%`, `cadangan semua`, `cadangan tidak_ada`.
    fn cadangan(&mut self, j: &mut Juknis, c: &ast::Cadangan, span: Span) {
        let v = match c {
            ast::Cadangan::Persen(p) => self.persen(p).map(|p| sp(Cadangan::Persen(p.node), span)),
            ast::Cadangan::Nama(w) => match w.node.as_str() {
                "semua" => Some(sp(Cadangan::Semua, span)),
                "tidak_ada" => Some(sp(Cadangan::TidakAda, span)),
                _ => {
                    self.unknown_word(w, "jenis cadangan", "reserve kind", &["semua", "tidak_ada"]);
                    None
                }
            },
        };
        if let Some(v) = v {
            self.set_once(&mut j.cadangan, "cadangan", v);
        }
    }

    /// `biaya gratis` or `biaya untuk … Rp …`.
    fn biaya(&mut self, j: &mut Juknis, b: &ast::Biaya, span: Span) {
        match b {
            ast::Biaya::Gratis => j.biaya.push(sp(
                Biaya {
                    untuk: None,
                    rupiah: 0,
                },
                span,
            )),
            ast::Biaya::Nominal { untuk, jumlah } => {
                let digits: String = jumlah.node.chars().filter(|c| c.is_ascii_digit()).collect();
                match digits.parse::<u64>() {
                    Ok(r) if digits.len() <= 15 => j.biaya.push(sp(
                        Biaya {
                            untuk: untuk.as_ref().map(|u| u.node.clone()),
                            rupiah: r,
                        },
                        span,
                    )),
                    _ => self.push(
                        Diagnostic::new(
                            "nilai.rentang",
                            t!("jumlah biaya tidak wajar", "implausible amount"),
                        )
                        .at(jumlah.span, None),
                    ),
                }
            }
        }
    }

    pub(super) fn required(&mut self, j: &Juknis, whole: Span) {
        let head = Span::new(j.judul.span.start, j.judul.span.end);
        let missing: Vec<(&str, &str)> = [
            (j.acuan.is_none(), "acuan permendikdasmen-3-2025"),
            (j.pemerintah.is_none(), "pemerintah provinsi \"…\""),
            (j.jenjang.is_none(), "jenjang SMA"),
            (j.tahun_ajaran.is_none(), "tahun_ajaran 2025/2026"),
        ]
        .into_iter()
        .filter(|(m, _)| *m)
        .map(|(_, ex)| (ex.split(' ').next().unwrap_or(ex), ex))
        .collect();
        let _ = whole;
        for (kw, ex) in missing {
            self.push(
                Diagnostic::new(
                    "struktur.wajib",
                    t!("`{kw}` belum ditulis", "`{kw}` is missing"),
                )
                .at(head, Some(t!("di juknis ini", "in this juknis")))
                .help(t!(
                    "tambahkan di awal blok juknis: `{ex}`",
                    "add at the top of the juknis block: `{ex}`"
                )),
            );
        }
    }
}
