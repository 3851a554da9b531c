//! The blocks and statements inside the juknis block, pest pairs to syntax
//! tree: age, zone, capacity and choice items, score terms and points rows,
//! jalur with their sub-jalur, and wave items. `mod.rs` holds the entry point,
//! the shared helpers and the error reporting.

use super::*;

pub(super) fn usia_item(p: P) -> Spanned<UsiaItem> {
    let span = sp(&p);
    let item = match p.as_rule() {
        Rule::tanggal_acuan => UsiaItem::TanggalAcuan(first_waktu(p, span)),
        Rule::usia_minimal => UsiaItem::Minimal(first_umur(p, span)),
        Rule::usia_maksimal => UsiaItem::Maksimal(first_umur(p, span)),
        Rule::usia_prioritas => UsiaItem::Prioritas(first_umur(p, span)),
        Rule::usia_istimewa => {
            let mut minimal = None;
            let mut rekomendasi = Vec::new();
            for c in values(p) {
                match c.as_rule() {
                    Rule::umur => minimal = Some(umur(c)),
                    Rule::name_list => rekomendasi = names(c),
                    _ => {}
                }
            }
            UsiaItem::Istimewa {
                minimal: minimal.unwrap_or_else(|| zero_umur(span)),
                rekomendasi,
            }
        }
        Rule::usia_kelompok => {
            let mut it = values(p);
            let nama = it.next().map(text).unwrap_or_else(|| empty(span));
            let dari = it.next().map(umur).unwrap_or_else(|| zero_umur(span));
            let sampai = it.next().map(umur).unwrap_or_else(|| zero_umur(span));
            UsiaItem::Kelompok { nama, dari, sampai }
        }
        Rule::usia_pengecualian => {
            UsiaItem::Pengecualian(values(p).next().map(names).unwrap_or_default())
        }
        _ => UsiaItem::Rusak(rusak(p)),
    };
    Spanned::new(item, span)
}

pub(super) fn zero_umur(span: Span) -> Spanned<Umur> {
    Spanned::new(
        Umur {
            tahun: empty(span),
            bulan: None,
        },
        span,
    )
}

pub(super) fn first_umur(p: P, span: Span) -> Spanned<Umur> {
    values(p)
        .next()
        .map(umur)
        .unwrap_or_else(|| zero_umur(span))
}

pub(super) fn wilayah_item(p: P) -> Spanned<WilayahItem> {
    let span = sp(&p);
    let item = match p.as_rule() {
        Rule::metode => match values(p).next() {
            Some(m) => match m.as_rule() {
                Rule::metode_admin => {
                    WilayahItem::Administratif(values(m).next().map(names).unwrap_or_default())
                }
                Rule::metode_radius => WilayahItem::Radius(first_text(m)),
                Rule::metode_lainnya => WilayahItem::Lainnya(values(m).next().map(string)),
                _ => WilayahItem::MetodeNama(values(m).next().map(names).unwrap_or_default()),
            },
            None => WilayahItem::MetodeNama(Vec::new()),
        },
        Rule::perluasan => WilayahItem::Perluasan(first_text(p)),
        Rule::perbatasan => {
            let mut it = values(p);
            let tingkat = it.next().map(text).unwrap_or_else(|| empty(span));
            let nama = it.next().map(string).unwrap_or_else(|| empty(span));
            let kesepakatan = it.next().map(string);
            WilayahItem::Perbatasan {
                tingkat,
                nama,
                kesepakatan,
            }
        }
        _ => WilayahItem::Rusak(rusak(p)),
    };
    Spanned::new(item, span)
}

pub(super) fn dt_item(p: P) -> Spanned<DayaTampungItem> {
    let span = sp(&p);
    let item = match p.as_rule() {
        Rule::rombel => DayaTampungItem::Rombel(first_text(p)),
        Rule::rombel_pengecualian => {
            let mut it = values(p);
            let rombel = it.next().map(text).unwrap_or_else(|| empty(span));
            let sampai = it.next().map(waktu);
            DayaTampungItem::Pengecualian { rombel, sampai }
        }
        Rule::pembulatan => DayaTampungItem::Pembulatan(first_text(p)),
        Rule::pembulatan_sub => DayaTampungItem::PembulatanSub(first_text(p)),
        Rule::sisa_pembulatan => DayaTampungItem::SisaPembulatan(first_text(p)),
        _ => DayaTampungItem::Rusak(rusak(p)),
    };
    Spanned::new(item, span)
}

pub(super) fn pilihan_item(p: P) -> Spanned<PilihanItem> {
    let span = sp(&p);
    let item = match p.as_rule() {
        Rule::pilihan_maksimal => PilihanItem::Maksimal(first_text(p)),
        Rule::pilihan_jalur => PilihanItem::JalurPerTahap(first_text(p)),
        Rule::pilihan_luar => PilihanItem::LuarWilayah(first_text(p)),
        Rule::mekanisme => PilihanItem::Mekanisme(first_text(p)),
        _ => PilihanItem::Rusak(rusak(p)),
    };
    Spanned::new(item, span)
}

/// `jarak kurang_dari 1 km` / `jarak 1 km sampai 2.5 km`.
fn syarat_jarak(p: P) -> Syarat {
    let kurang_dari = p
        .clone()
        .into_inner()
        .any(|x| x.as_rule() == Rule::kw_kurang_dari);
    let span = sp(&p);
    let panjang: Vec<(Text, Text)> = p
        .into_inner()
        .filter(|x| x.as_rule() == Rule::panjang)
        .map(|x| {
            let xs = sp(&x);
            let mut it = x.into_inner();
            let n = it.next().map(text).unwrap_or_else(|| empty(xs));
            let u = it.next().map(text).unwrap_or_else(|| empty(xs));
            (n, u)
        })
        .collect();
    let mut it = panjang.into_iter();
    let (dari, sampai) = if kurang_dari {
        (None, it.next())
    } else {
        (it.next(), it.next())
    };
    Syarat::Jarak {
        dari,
        sampai: sampai.unwrap_or_else(|| (empty(span), empty(span))),
        kurang_dari,
    }
}

pub(super) fn suku(p: P) -> Spanned<Suku> {
    let span = sp(&p);
    let mut bobot = None;
    let mut sumber = None;
    for c in p.into_inner() {
        let cs = sp(&c);
        match c.as_rule() {
            Rule::percent => bobot = Some(persen(c)),
            Rule::src_rapor => {
                let mut it = values(c);
                let rentang = it.next();
                let kelas = rentang.as_ref().map(|r| r.as_rule()) == Some(Rule::rapor_kelas);
                let nums: Vec<Text> = rentang
                    .into_iter()
                    .flat_map(|r| values(r).map(text))
                    .collect();
                let at = |i: usize| nums.get(i).cloned().unwrap_or_else(|| empty(cs));
                // `kelas K semester S sampai kelas K semester S`, or `S sampai S`.
                let titik = |k: usize, s: usize| RaporTitik {
                    kelas: kelas.then(|| at(k)),
                    semester: at(s),
                };
                let (dari, sampai) = if kelas {
                    (titik(0, 1), titik(2, 3))
                } else {
                    (titik(0, 0), titik(1, 1))
                };
                let mapel = it.next().map(names).unwrap_or_default();
                sumber = Some(Spanned::new(
                    Sumber::Rapor {
                        dari,
                        sampai,
                        mapel,
                    },
                    cs,
                ));
            }
            Rule::src_tes => sumber = Some(Spanned::new(Sumber::Tes(first_text(c)), cs)),
            Rule::src_poin => sumber = Some(Spanned::new(Sumber::Poin(first_text(c)), cs)),
            Rule::src_input => sumber = Some(Spanned::new(Sumber::Masukan(first_text(c)), cs)),
            _ => {}
        }
    }
    let sumber = sumber.unwrap_or_else(|| Spanned::new(Sumber::Masukan(empty(span)), span));
    Spanned::new(Suku { bobot, sumber }, span)
}

pub(super) fn poin_baris(p: P) -> Spanned<PoinBaris> {
    let span = sp(&p);
    let mut it = p.into_inner();
    let kategori = it.next().map(text).unwrap_or_else(|| empty(span));
    let rest: Vec<P> = it.collect();
    // `ketua_osis 20`: a row that is itself one entry with one value.
    if let Some(v) = rest.iter().find(|c| c.as_rule() == Rule::number) {
        let v = text(v.clone());
        return Spanned::new(
            PoinBaris {
                kategori: kategori.clone(),
                nilai: vec![(kategori, v)],
            },
            span,
        );
    }
    let nilai = rest
        .into_iter()
        .filter(|c| c.as_rule() == Rule::poin_nilai)
        .map(|c| {
            let cs = sp(&c);
            let mut inner = c.into_inner();
            let k = inner.next().map(text).unwrap_or_else(|| empty(cs));
            let v = inner.next().map(text).unwrap_or_else(|| empty(cs));
            (k, v)
        })
        .collect();
    Spanned::new(PoinBaris { kategori, nilai }, span)
}

pub(super) fn jalur(p: P) -> Jalur {
    let span = sp(&p);
    let mut nama = empty(span);
    let mut kuota = None;
    let mut isi = Vec::new();
    for c in values(p) {
        let cs = sp(&c);
        let item = match c.as_rule() {
            Rule::name => {
                nama = text(c);
                continue;
            }
            Rule::percent => {
                kuota = Some(persen(c));
                continue;
            }
            Rule::sub => JalurItem::Sub(jalur(c)),
            Rule::syarat => JalurItem::Syarat(
                values(c)
                    .map(|s| {
                        let ss = sp(&s);
                        if let Some(j) = s
                            .clone()
                            .into_inner()
                            .find(|x| x.as_rule() == Rule::syarat_jarak)
                        {
                            return Spanned::new(syarat_jarak(j), ss);
                        }
                        let is_status = s
                            .clone()
                            .into_inner()
                            .any(|k| k.as_rule() == Rule::kw_status);
                        let mut names: Vec<Text> = values(s).map(text).collect();
                        let n = names.first().cloned().unwrap_or_else(|| empty(ss));
                        Spanned::new(
                            if is_status && names.len() > 1 {
                                Syarat::SalahSatu(std::mem::take(&mut names))
                            } else if is_status {
                                Syarat::Status(n)
                            } else {
                                Syarat::Nama(n)
                            },
                            ss,
                        )
                    })
                    .collect(),
            ),
            Rule::dokumen => JalurItem::Dokumen(
                values(c)
                    .map(|d| {
                        let ds = sp(&d);
                        let mut it = values(d);
                        let nama = it.next().map(text).unwrap_or_else(|| empty(ds));
                        let minimal = it.next().map(umur);
                        Spanned::new(Dokumen { nama, minimal }, ds)
                    })
                    .collect(),
            ),
            Rule::urutan => JalurItem::Urutan(kriteria_list(c)),
            Rule::per => JalurItem::Per(first_text(c)),
            Rule::langsung_diterima => JalurItem::LangsungDiterima,
            Rule::tidak_menerima => JalurItem::TidakMenerima(values(c).map(text).collect()),
            _ => JalurItem::Rusak(rusak(c)),
        };
        isi.push(Spanned::new(item, cs));
    }
    Jalur { nama, kuota, isi }
}

/// The criteria of an `urutan` statement.
pub(super) fn kriteria_list(c: P) -> Vec<Spanned<Kriteria>> {
    values(c)
        .map(|k| {
            let ks = sp(&k);
            let mut it = values(k);
            let nama = it.next().map(text).unwrap_or_else(|| empty(ks));
            let (mut arah, mut benih) = (None, None);
            for x in it {
                if x.as_rule() == Rule::string {
                    benih = Some(string(x));
                } else {
                    arah = x.into_inner().next().map(text);
                }
            }
            Spanned::new(Kriteria { nama, arah, benih }, ks)
        })
        .collect()
}

pub(super) fn tahap_item(p: P) -> Spanned<TahapItem> {
    let span = sp(&p);
    let item = match p.as_rule() {
        Rule::tahap_jalur => TahapItem::Jalur(values(p).map(text).collect()),
        Rule::tahap_jadwal => {
            let mut it = p.into_inner();
            let tahapan = it.next().map(text).unwrap_or_else(|| empty(span));
            let w = it.next();
            let mut ws = w.into_iter().flat_map(values);
            let mulai = ws.next().map(waktu).unwrap_or_else(|| Waktu {
                tanggal: empty(span),
                jam: None,
            });
            let selesai = ws.next().map(waktu);
            TahapItem::Jadwal {
                tahapan,
                mulai,
                selesai,
            }
        }
        _ => TahapItem::Rusak(rusak(p)),
    };
    Spanned::new(item, span)
}
