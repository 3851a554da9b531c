//! The applicants file. Every column the plan needs is checked before any row is
//! read (`kolom.rs`); rows are read in parallel pieces (one row per line, so pieces are
//! independent) and joined in file order, then sorted by NISN. A NISN repeated
//! by any two rows — read or set aside — stops the run.

use super::csv::Table;
use super::kolom::{kolom, Kolom};
use super::nilai;
use super::sekolah::{kode_wilayah, npsn as npsn_normal};
use super::{
    koordinat, list, masalah, terlalu_banyak, Baris, BarisRusak, DataError, ModusRusak,
    MAKS_PILIHAN,
};
use crate::engine::{Pendaftar, Prepared, Sekolah, KOSONG};
use crate::plan::angka::Angka;
use crate::text::t;
use rayon::prelude::*;

/// Applicants read, rows set aside, and the file's problems.
pub struct PendaftarFile {
    pub pendaftar: Vec<Pendaftar>,
    pub rusak: Vec<BarisRusak>,
}

/// Read the applicants file against the plan's needs. Applicants are returned
/// sorted by NISN, so the input's row order never matters.
pub fn read_pendaftar(
    berkas: &str,
    text: &[u8],
    prepared: &Prepared,
    sekolah: &[Sekolah],
    modus: ModusRusak,
) -> Result<PendaftarFile, DataError> {
    let batas = crate::batas::Batas::default();
    read_pendaftar_with(berkas, text, prepared, sekolah, modus, &batas)
}

/// Everything one row needs besides its cells.
struct Context<'a> {
    prepared: &'a Prepared,
    sekolah: &'a [Sekolah],
    k: &'a Kolom,
    npsn: &'a rustc_hash::FxHashMap<&'a str, u32>,
    kode: &'a rustc_hash::FxHashMap<&'a str, u32>,
    /// Plausible birth dates (days) and registration times (seconds).
    lahir: std::ops::RangeInclusive<i64>,
    waktu: std::ops::RangeInclusive<i64>,
}

fn baris(c: &Context, b: &Baris) -> Result<Pendaftar, DataError> {
    let (prepared, k) = (c.prepared, c.k);
    let nisn = nilai::nisn(b.sel(k.nisn)?).map_err(|m| b.err(k.nisn, m))?;
    let mut jalur: smallvec::SmallVec<[u16; 2]> = smallvec::SmallVec::new();
    for j in list(b.wajib(k.jalur)?) {
        let Some(u) = prepared.unit_index(j) else {
            let known = prepared.unit_ids().join(", ");
            return Err(b.err(
                k.jalur,
                t!(
                    "jalur `{j}` tidak ada di rencana; yang ada: {known}",
                    "jalur `{j}` is not in the plan; known: {known}"
                ),
            ));
        };
        if jalur.contains(&u) {
            return Err(b.err(
                k.jalur,
                t!("`{j}` ditulis dua kali", "`{j}` is listed twice"),
            ));
        }
        // At most as many units per wave as the plan allows (one unless the
        // juknis says `jalur_per_tahap`); they run in the wave's order.
        let tahap = prepared.units[u as usize].tahap;
        let sama: Vec<&str> = jalur
            .iter()
            .filter(|&&x| prepared.units[x as usize].tahap == tahap)
            .map(|&x| prepared.units[x as usize].id.as_str())
            .collect();
        if sama.len() >= prepared.jalur_per_tahap {
            let (lain, n) = (sama.join("`, `"), prepared.jalur_per_tahap);
            return Err(b.err(
                k.jalur,
                t!(
                    "`{lain}` dan `{j}` sama-sama di tahap {tahap}; rencana membolehkan {n} jalur per tahap",
                    "`{lain}` and `{j}` are both in wave {tahap}; the plan allows {n} jalur per wave"
                ),
            ));
        }
        jalur.push(u);
    }
    let pilih: Vec<&str> = list(b.sel(k.pilihan)?).collect();
    if pilih.len() > MAKS_PILIHAN {
        return Err(b
            .err(
                k.pilihan,
                t!(
                    "lebih dari {MAKS_PILIHAN} pilihan",
                    "more than {MAKS_PILIHAN} choices"
                ),
            )
            .kode("batas.pilihan"));
    }
    let mut pilihan: smallvec::SmallVec<[u32; 4]> = smallvec::SmallVec::new();
    for p in pilih {
        let p = npsn_normal(p);
        let Some(&s) = c.npsn.get(p.as_ref()) else {
            return Err(b.err(
                k.pilihan,
                t!(
                    "sekolah `{p}` tidak ada di berkas sekolah",
                    "school `{p}` is not in the schools file"
                ),
            ));
        };
        if pilihan.contains(&s) {
            return Err(b.err(
                k.pilihan,
                t!(
                    "sekolah `{p}` dipilih dua kali",
                    "school `{p}` chosen twice"
                ),
            ));
        }
        pilihan.push(s);
    }
    let lahir = match k.lahir {
        Some(i) => {
            let v = b.sel(i)?;
            if v.is_empty() && !prepared.perlu_lahir {
                None
            } else {
                let d = nilai::hari(v).ok_or_else(|| {
                    b.err(
                        i,
                        t!(
                            "`{v}` bukan tanggal TTTT-BB-HH",
                            "`{v}` is not a YYYY-MM-DD date"
                        ),
                    )
                })?;
                if !c.lahir.contains(&d) {
                    return Err(b.err(
                        i,
                        t!(
                            "tanggal lahir `{v}` tidak mungkin: sesudah tanggal acuan usia, atau lebih dari 100 tahun sebelumnya",
                            "birth date `{v}` is impossible: after the age reference date, or more than 100 years before it"
                        ),
                    ));
                }
                Some(d)
            }
        }
        None => None,
    };
    let waktu_daftar = waktu(
        b,
        c,
        k.waktu,
        prepared.perlu_waktu,
        "waktu daftar",
        "registration time",
    )?;
    let waktu_verifikasi = waktu(
        b,
        c,
        k.verifikasi,
        prepared.perlu_verifikasi,
        "waktu verifikasi",
        "verification time",
    )?
    .unwrap_or(KOSONG);
    let nomor_pendaftaran = match k.nomor {
        Some(i) => {
            let v = b.sel(i)?;
            if v.is_empty() && !prepared.perlu_nomor {
                KOSONG
            } else if v.is_empty() || v.len() > 18 || !v.bytes().all(|x| x.is_ascii_digit()) {
                return Err(b.err(
                    i,
                    t!(
                        "nomor pendaftaran `{v}` harus angka saja (paling banyak 18 digit), karena urutan membandingkannya sebagai bilangan",
                        "registration number `{v}` must be digits only (at most 18), since the ranking compares it as a number"
                    ),
                ));
            } else {
                v.parse::<i64>().unwrap_or(KOSONG)
            }
        }
        None => KOSONG,
    };
    let lokasi = koordinat(b, k.lintang, k.bujur)?;
    let mut jarak: smallvec::SmallVec<[u32; 4]> = smallvec::SmallVec::new();
    if let Some(i) = k.jarak {
        let v = b.sel(i)?;
        if !v.is_empty() {
            for (n, x) in v.split(';').map(str::trim).enumerate() {
                let m = nilai::angka(x)
                    .ok()
                    .filter(|m| *m >= 0.0 && *m < 1e8)
                    .ok_or_else(|| {
                        let n = n + 1;
                        let why = nilai::angka(x).err().map(|e| e.id).unwrap_or_default();
                        let why_en = nilai::angka(x).err().map(|e| e.en).unwrap_or_default();
                        b.err(
                            i,
                            t!(
                                "jarak ke-{n} `{x}` bukan meter {why}",
                                "distance {n} `{x}` is not metres {why_en}"
                            ),
                        )
                    })?;
                jarak.push(m.round() as u32);
            }
            if jarak.len() != pilihan.len() {
                let (a, p) = (jarak.len(), pilihan.len());
                return Err(b.err(
                    i,
                    t!(
                        "{a} jarak untuk {p} pilihan",
                        "{a} distances for {p} choices"
                    ),
                ));
            }
        }
    }
    if jarak.is_empty() {
        jarak = pilihan
            .iter()
            .map(
                |&s| match (lokasi, c.sekolah.get(s as usize).and_then(|x| x.lokasi)) {
                    (Some(a), Some(t)) => crate::engine::jarak_m(a, t),
                    _ => u32::MAX,
                },
            )
            .collect();
    }
    let wilayah: smallvec::SmallVec<[u32; 2]> = k
        .wilayah
        .map(|i| b.sel(i))
        .transpose()?
        .map(|v| list(v).filter_map(|w| c.kode.get(w).copied()).collect())
        .unwrap_or_default();
    // At most `maksimal_luar_wilayah` of the counted choices outside the zone.
    if let Some(maks) = prepared.maks_luar_wilayah {
        let luar: Vec<&str> = pilihan
            .iter()
            .zip(&jarak)
            .take(prepared.maks_pilihan)
            .filter(|&(&s, &d)| {
                let Some(sk) = c.sekolah.get(s as usize) else {
                    return false;
                };
                match prepared.radius_m {
                    Some(r) => d > r,
                    None => !wilayah
                        .iter()
                        .any(|w| sk.wilayah_id.binary_search(w).is_ok()),
                }
            })
            .filter_map(|(&s, _)| c.sekolah.get(s as usize).map(|x| x.npsn.as_str()))
            .collect();
        if luar.len() > maks as usize {
            let (n, l) = (luar.len(), luar.join(", "));
            return Err(b.err(
                k.pilihan,
                t!(
                    "{n} pilihan di luar wilayah ({l}); juknis membolehkan paling banyak {maks}",
                    "{n} choices outside the zone ({l}); the juknis allows at most {maks}"
                ),
            ));
        }
    }
    let mut status = 0u64;
    if let Some(i) = k.status {
        for s in list(b.sel(i)?) {
            // Only statuses the plan refers to can change a decision.
            let s = s.to_lowercase();
            if let Some(bit) = prepared.status.iter().position(|x| *x == s) {
                status |= 1 << bit;
            }
        }
    }
    let sekolah_ortu = match k.sekolah_ortu {
        Some(i)
            if prepared
                .anak_guru
                .is_some_and(|bit| status & (1 << bit) != 0) =>
        {
            let v = npsn_normal(b.sel(i)?);
            if v.is_empty() {
                return Err(b.err(
                    i,
                    t!(
                        "anak guru: tulis NPSN sekolah tempat orang tuanya mengajar",
                        "teacher's child: give the NPSN of the school where the parent teaches"
                    ),
                ));
            }
            Some(*c.npsn.get(v.as_ref()).ok_or_else(|| {
                b.err(
                    i,
                    t!(
                        "sekolah `{v}` tidak ada di berkas sekolah",
                        "school `{v}` is not in the schools file"
                    ),
                )
            })?)
        }
        _ => None,
    };
    let mut angka: smallvec::SmallVec<[i64; 4]> = smallvec::SmallVec::new();
    for &i in &k.angka {
        // Read exactly; only a cell that is not a plain decimal goes through the
        // reader that explains what is wrong with it.
        let cell = b.sel(i)?;
        let exact = if cell.is_empty() {
            KOSONG
        } else {
            match Angka::parse(cell) {
                Ok(a) if a <= Angka::whole(1_000_000) => a.millionths(),
                _ => {
                    let x = b.angka(i)?.unwrap_or(f64::NAN);
                    // `-0` is the only number the exact reader refuses in range.
                    if x == 0.0 {
                        0
                    } else {
                        return Err(b.err(
                            i,
                            t!("nilai {x} di luar 0–1000000", "value {x} outside 0–1000000"),
                        ));
                    }
                }
            }
        };
        angka.push(exact);
    }
    for (n, &(ia, ip)) in k.poin.iter().enumerate() {
        let (kat, per) = (b.sel(ia)?, b.sel(ip)?);
        let poin = if kat.is_empty() && per.is_empty() {
            0
        } else {
            let tabel = &prepared.poin[n].1;
            match tabel.get(&(kat.to_lowercase(), per.to_lowercase())) {
                Some(p) => p.millionths(),
                None => {
                    let known: Vec<String> =
                        tabel.keys().map(|(a, b)| format!("{a} {b}")).collect();
                    let known = known.join(", ");
                    return Err(b.err(
                        ia,
                        t!(
                            "`{kat} {per}` tidak ada di tabel poin; yang ada: {known}",
                            "`{kat} {per}` is not in the points table; known: {known}"
                        ),
                    ));
                }
            }
        };
        angka.push(poin);
    }
    if prepared.perlu_verifikasi {
        angka.push(waktu_verifikasi);
    }
    if prepared.perlu_nomor {
        angka.push(nomor_pendaftaran);
    }
    Ok(Pendaftar {
        nisn,
        baris: b.nomor,
        jalur,
        pilihan,
        jarak,
        lahir,
        waktu_daftar,
        wilayah,
        status,
        sekolah_ortu,
        nilai: angka,
    })
}

/// A time cell (`TTTT-BB-HH JJ:MM[:DD]`) within the admission year, in seconds
/// since 1970-01-01; empty is allowed when nothing ranks by it.
fn waktu(
    b: &Baris,
    c: &Context,
    col: Option<usize>,
    perlu: bool,
    apa: &str,
    what: &str,
) -> Result<Option<i64>, DataError> {
    let Some(i) = col else {
        return Ok(None);
    };
    let v = b.sel(i)?;
    if v.is_empty() && !perlu {
        return Ok(None);
    }
    let t = nilai::detik(v).ok_or_else(|| {
        b.err(
            i,
            t!(
                "`{v}` bukan waktu TTTT-BB-HH JJ:MM[:DD]",
                "`{v}` is not a YYYY-MM-DD HH:MM[:SS] time"
            ),
        )
    })?;
    if !c.waktu.contains(&t) {
        return Err(b.err(
            i,
            t!(
                "{apa} `{v}` di luar tahun penerimaan (setahun sebelum sampai akhir tahun tanggal acuan)",
                "{what} `{v}` is outside the admission year (from a year before to the end of the reference date's year)"
            ),
        ));
    }
    Ok(Some(t))
}

/// `read_pendaftar` with other limits.
pub fn read_pendaftar_with(
    berkas: &str,
    text: &[u8],
    prepared: &Prepared,
    sekolah: &[Sekolah],
    modus: ModusRusak,
    batas: &crate::batas::Batas,
) -> Result<PendaftarFile, DataError> {
    let tabel = Table::read(berkas, text, super::MAKS_KOLOM)?;
    let cols = &tabel.kolom;
    let k = kolom(berkas, cols, prepared, sekolah)?;
    // FxHash: the keys are our own file's ids, and SipHash was a tenth of reading.
    let npsn: rustc_hash::FxHashMap<&str, u32> = sekolah
        .iter()
        .enumerate()
        .map(|(i, s)| (s.npsn.as_str(), i as u32))
        .collect();
    let kode = kode_wilayah(sekolah);
    let tahun = crate::engine::civil(prepared.acuan).0;
    let awal_tahun = |y: i64| nilai::hari(&format!("{y:04}-01-01")).unwrap_or(0);
    let konteks = Context {
        prepared,
        sekolah,
        k: &k,
        npsn: &npsn,
        kode: &kode,
        lahir: (prepared.acuan - 36_525)..=(prepared.acuan - 1),
        waktu: (awal_tahun(tahun - 1) * 86_400)..=(awal_tahun(tahun + 1) * 86_400 - 1),
    };
    let t0 = std::time::Instant::now();
    // JUKNIS_WAKTU=1: phase times for scripts/bench-engine.sh.
    let waktu = std::env::var_os("JUKNIS_WAKTU").is_some();
    let w = |n: &str| {
        if waktu {
            eprintln!("  {n}: {:.3}", t0.elapsed().as_secs_f64());
        }
    };
    // Pieces of the rows cut at line ends (a row is one line), read in
    // parallel, each row straight into its own slot of one vector: no
    // per-piece vectors to join, so the applicants' memory is touched once.
    let pieces = if tabel.isi.len() < 1 << 20 {
        vec![(tabel.isi, tabel.baris_awal)]
    } else {
        tabel.chunks(rayon::current_num_threads().max(1) * 4)
    };
    let counts: Vec<usize> = pieces
        .par_iter()
        .map(|&(bytes, _)| count_lines_all(bytes) as usize)
        .collect();
    let total: usize = counts.iter().sum();
    let mut slots: Vec<Slot> = Vec::with_capacity(total);
    (0..total)
        .into_par_iter()
        .map(|_| Slot::Kosong)
        .collect_into_vec(&mut slots);
    let mut parts: Vec<Part> = Vec::with_capacity(pieces.len());
    let mut rest = slots.as_mut_slice();
    for (&n, &piece) in counts.iter().zip(&pieces) {
        let k = n.min(rest.len());
        let (a, b) = std::mem::take(&mut rest).split_at_mut(k);
        parts.push((a, piece));
        rest = b;
    }
    let limit = batas.baris_data as u64;
    parts.into_par_iter().for_each_init(
        || Vec::with_capacity(cols.len()),
        |sel, (slot, (bytes, nomor))| {
            let piece = Piece {
                tabel: &tabel,
                c: &konteks,
                maks_sel: batas.panjang_sel,
                modus,
                limit,
            };
            piece.read(bytes, nomor, slot, sel);
        },
    );
    w("baca baris");
    // In place (the same allocation): the rows read; rows set aside apart; the
    // first problem in file order stops the reading (a refused row, unless
    // they are set aside, or the row that reaches the row limit).
    let mut rusak: Vec<BarisRusak> = Vec::new();
    let mut failed: Option<DataError> = None;
    let mut out: Vec<Pendaftar> = slots
        .into_iter()
        .filter_map(|s| match s {
            Slot::Pendaftar(p) => Some(p),
            Slot::Rusak(b) if modus == ModusRusak::Lewati => {
                rusak.push(*b);
                None
            }
            Slot::Rusak(b) => {
                failed.get_or_insert(b.masalah);
                None
            }
            Slot::LewatBatas(nomor) => {
                failed.get_or_insert_with(|| terlalu_banyak(berkas, nomor, batas.baris_data));
                None
            }
            Slot::Kosong => None,
        })
        .collect();
    if let Some(e) = failed {
        return Err(e);
    }
    // Blank lines count too: rows and blank lines together within the limit.
    if total as u64 > limit {
        return Err(terlalu_banyak(berkas, 0, batas.baris_data));
    }
    w("gabung");
    ganda(berkas, &mut out, &rusak)?;
    w("urut");
    Ok(PendaftarFile {
        pendaftar: out,
        rusak,
    })
}

/// A piece of the rows and the slots of its lines.
type Part<'s, 'a> = (&'s mut [Slot], (&'a [u8], u64));

/// One line's outcome, in file order. The applicant is held inline, not boxed:
/// the slots become the applicants' vector in place.
#[allow(clippy::large_enum_variant)]
enum Slot {
    /// A blank line (skipped, counted against the row limit).
    Kosong,
    Pendaftar(Pendaftar),
    /// A row that cannot be read (stops the run unless rows are set aside).
    Rusak(Box<BarisRusak>),
    /// A row at or past the row limit: its line number.
    LewatBatas(u64),
}

/// Lines in some of the rows' bytes, blank ones included (a last line without
/// a line end counts).
fn count_lines_all(bytes: &[u8]) -> u64 {
    if bytes.is_empty() {
        return 0;
    }
    let n = super::csv::count_lines(bytes);
    n + u64::from(!matches!(bytes.last(), Some(b'\n' | b'\r')))
}

/// What reading one piece of the rows needs.
struct Piece<'p, 'a> {
    tabel: &'p Table<'a>,
    c: &'p Context<'p>,
    maks_sel: usize,
    modus: ModusRusak,
    /// The row limit (rows and blank lines).
    limit: u64,
}

impl<'a> Piece<'_, 'a> {
    /// Read the lines of `bytes` (the first numbered `nomor`) into `slot`, one
    /// slot per line.
    fn read(
        &self,
        bytes: &'a [u8],
        mut nomor: u64,
        slot: &mut [Slot],
        sel: &mut Vec<std::borrow::Cow<'a, [u8]>>,
    ) {
        let mut pos = 0;
        let mut i = 0;
        while pos < bytes.len() {
            let (end, next) = super::csv::line_end(&bytes[pos..]);
            let line = &bytes[pos..pos + end];
            if let Some(s) = slot.get_mut(i) {
                if !super::csv::is_blank(line) {
                    *s = if nomor - self.tabel.baris_awal >= self.limit {
                        Slot::LewatBatas(nomor)
                    } else {
                        match self.row(line, nomor, next == end, sel) {
                            Ok(p) => Slot::Pendaftar(p),
                            Err(b) => Slot::Rusak(b),
                        }
                    };
                }
            }
            pos += next;
            nomor += 1;
            i += 1;
        }
    }

    /// One row: split, then read against the plan; a row that cannot be is set
    /// aside with the NISN it shows (when readable) or `baris:N`.
    fn row(
        &self,
        line: &'a [u8],
        nomor: u64,
        tanpa_akhir: bool,
        sel: &mut Vec<std::borrow::Cow<'a, [u8]>>,
    ) -> Result<Pendaftar, Box<BarisRusak>> {
        let (c, tabel) = (self.c, self.tabel);
        let set_aside = |sel: &[std::borrow::Cow<'a, [u8]>], m: DataError| {
            let id = if self.modus == ModusRusak::Lewati {
                sel.get(c.k.nisn)
                    .and_then(|v| std::str::from_utf8(v).ok())
                    .and_then(|v| nilai::nisn(v).ok())
                    .map(|n| n.to_string())
                    .unwrap_or(format!("baris:{nomor}"))
            } else {
                String::new()
            };
            Box::new(BarisRusak { id, masalah: m })
        };
        if let Err(m) = super::csv::split_row(tabel, line, nomor, self.maks_sel, tanpa_akhir, sel) {
            return Err(set_aside(sel, m));
        }
        let b = Baris {
            berkas: tabel.berkas,
            nomor,
            sel,
            cols: &tabel.kolom,
        };
        baris(c, &b).map_err(|m| set_aside(sel, m))
    }
}

/// Sort by NISN and stop at a NISN given twice — by two rows read, or by a row
/// read and a row set aside, or by two rows set aside.
fn ganda(berkas: &str, out: &mut [Pendaftar], rusak: &[BarisRusak]) -> Result<(), DataError> {
    // Exports are usually in strict NISN order already — sorted, and so without
    // a repeated NISN: one parallel pass checks both. Otherwise sort (stable:
    // equal NISN stay in file order) and look for the repeat.
    if !out.par_windows(2).all(|w| w[0].nisn < w[1].nisn) {
        out.sort_by(|a, b| a.nisn.cmp(&b.nisn));
    }
    let mut semua: Vec<(&str, u64)> = Vec::new();
    let repeat_in_read = out.windows(2).find(|w| w[0].nisn == w[1].nisn).map(|w| {
        (
            w[0].nisn.as_str(),
            w[0].baris.min(w[1].baris),
            w[0].baris.max(w[1].baris),
        )
    });
    if let Some((n, a, c)) = repeat_in_read {
        return Err(dua_kali(berkas, n, a, c));
    }
    if rusak.iter().all(|r| r.id.starts_with("baris:")) {
        return Ok(());
    }
    semua.extend(out.iter().map(|p| (p.nisn.as_str(), p.baris)));
    semua.extend(
        rusak
            .iter()
            .filter(|r| !r.id.starts_with("baris:"))
            .map(|r| (r.id.as_str(), r.masalah.baris)),
    );
    semua.sort_unstable();
    for w in semua.windows(2) {
        if w[0].0 == w[1].0 {
            return Err(dua_kali(
                berkas,
                w[0].0,
                w[0].1.min(w[1].1),
                w[0].1.max(w[1].1),
            ));
        }
    }
    Ok(())
}

fn dua_kali(berkas: &str, n: &str, a: u64, c: u64) -> DataError {
    masalah(
        berkas,
        c,
        Some("nisn"),
        t!(
            "NISN `{n}` juga ada di baris {a}",
            "NISN `{n}` also on line {a}"
        ),
    )
    .kode("data.ganda")
}
