//! Schools and applicants from CSV. Headers are checked against what the plan
//! needs before any row is read; a bad row is reported with its file, line and
//! column, and either stops the run or is set aside (never silently dropped).

use super::{Pendaftar, Sekolah, Skema};
use crate::diagnostic::Teks;
use crate::t;
use std::collections::BTreeMap;

/// Limits on engine input, so a hostile file cannot exhaust memory. Rows and
/// cell length can be raised (`crate::batas::Batas`, `--batas-baris`, `--batas-sel`).
pub const MAKS_BARIS: usize = crate::batas::BARIS_DATA;
pub const MAKS_KOLOM: usize = 256;
pub const MAKS_PANJANG_SEL: usize = crate::batas::PANJANG_SEL;
pub const MAKS_PILIHAN: usize = 16;

/// What to do with a row that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModusRusak {
    /// Stop at the first bad row (default).
    Berhenti,
    /// Set the row aside, report it, and go on.
    Lewati,
}

/// One problem in an input file, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Masalah {
    /// Stable code: `data.kolom` (header), `data.nilai` (a cell), `data.baris`
    /// (an unreadable row), `data.ganda` (an id twice), or `batas.baris`,
    /// `batas.kolom`, `batas.sel`, `batas.pilihan` (a limit).
    pub kode: &'static str,
    pub berkas: String,
    /// 1-based line number (the header is line 1); 0 when the whole file is at fault.
    pub baris: u64,
    pub kolom: Option<String>,
    pub pesan: Teks,
}

impl Masalah {
    pub fn render(&self, lang: crate::diagnostic::Lang) -> String {
        let kolom = self
            .kolom
            .as_deref()
            .map(|k| format!(", kolom `{k}`"))
            .unwrap_or_default();
        let kolom = if lang == crate::diagnostic::Lang::En {
            kolom.replace("kolom", "column")
        } else {
            kolom
        };
        let kode = self.kode;
        if self.baris == 0 {
            format!("{}{kolom}: [{kode}] {}", self.berkas, self.pesan.get(lang))
        } else {
            format!(
                "{}:{}{kolom}: [{kode}] {}",
                self.berkas,
                self.baris,
                self.pesan.get(lang)
            )
        }
    }
}

/// A row set aside in `Lewati` mode: it still appears in the result.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisRusak {
    /// The applicant id when it could be read, else `baris:N`.
    pub id: String,
    pub masalah: Masalah,
}

impl Masalah {
    fn kode(mut self, kode: &'static str) -> Masalah {
        self.kode = kode;
        self
    }
}

fn masalah(berkas: &str, baris: u64, kolom: Option<&str>, pesan: Teks) -> Masalah {
    Masalah {
        kode: "data.nilai",
        berkas: berkas.to_string(),
        baris,
        kolom: kolom.map(str::to_string),
        pesan,
    }
}

fn terlalu_banyak(berkas: &str, baris: u64, maks: usize) -> Masalah {
    masalah(
        berkas,
        baris,
        None,
        t!(
            "terlalu banyak baris (batas {maks}; naikkan dengan `--batas-baris`)",
            "too many rows (limit {maks}; raise it with `--batas-baris`)"
        ),
    )
    .kode("batas.baris")
}

/// Line numbers from byte offsets, counted here: the csv reader's own line count
/// lags one line per row in files with CRLF line ends.
struct Garis<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> Garis<'a> {
    /// `bytes` starts on line `line`.
    fn new(bytes: &'a [u8], line: u64) -> Self {
        Garis {
            bytes,
            pos: 0,
            line,
        }
    }
    /// The line of the row that starts at or after `byte` (line ends skipped).
    fn at(&mut self, byte: u64) -> u64 {
        let len = self.bytes.len();
        let mut b = (byte as usize).min(len);
        while b < len && matches!(self.bytes[b], b'\r' | b'\n') {
            b += 1;
        }
        if b > self.pos {
            self.line += memchr::memchr_iter(b'\n', &self.bytes[self.pos..b]).count() as u64;
            self.pos = b;
        }
        self.line
    }
}

fn reader(text: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text)
}

fn header(berkas: &str, rdr: &mut csv::Reader<&[u8]>) -> Result<Vec<String>, Masalah> {
    let h = rdr.byte_headers().map_err(|e| {
        masalah(
            berkas,
            1,
            None,
            t!(
                "kepala tabel tidak terbaca: {e}",
                "cannot read the header: {e}"
            ),
        )
        .kode("data.kolom")
    })?;
    if h.len() > MAKS_KOLOM {
        let n = h.len();
        return Err(masalah(
            berkas,
            1,
            None,
            t!(
                "{n} kolom, batasnya {MAKS_KOLOM}",
                "{n} columns, the limit is {MAKS_KOLOM}"
            ),
        )
        .kode("batas.kolom"));
    }
    let mut out = Vec::new();
    for (i, f) in h.iter().enumerate() {
        let s = std::str::from_utf8(f)
            .map_err(|_| {
                masalah(berkas, 1, None, {
                    let n = i + 1;
                    t!(
                        "nama kolom ke-{n} bukan UTF-8",
                        "column name {n} is not UTF-8"
                    )
                })
                .kode("data.kolom")
            })?
            .trim_start_matches('\u{FEFF}')
            .trim()
            .to_lowercase();
        if out.contains(&s) {
            return Err(masalah(
                berkas,
                1,
                Some(&s),
                t!("kolom ditulis dua kali", "column given twice"),
            )
            .kode("data.kolom"));
        }
        out.push(s);
    }
    Ok(out)
}

fn need(berkas: &str, cols: &[String], name: &str, why: Teks) -> Result<usize, Masalah> {
    cols.iter().position(|c| c == name).ok_or_else(|| {
        let known = cols.join(", ");
        masalah(
            berkas,
            1,
            Some(name),
            Teks::new(
                format!(
                    "kolom wajib tidak ada ({}); kolom yang ada: {known}",
                    why.id
                ),
                format!(
                    "required column is missing ({}); columns present: {known}",
                    why.en
                ),
            ),
        )
        .kode("data.kolom")
    })
}

struct Baris<'a> {
    maks_sel: usize,
    berkas: &'a str,
    nomor: u64,
    rec: &'a csv::ByteRecord,
    cols: &'a [String],
}

impl Baris<'_> {
    fn sel(&self, i: usize) -> Result<&str, Masalah> {
        let raw = self.rec.get(i).unwrap_or(b"");
        if raw.len() > self.maks_sel {
            let (n, maks) = (raw.len(), self.maks_sel);
            return Err(self
                .err(
                    i,
                    t!(
                        "isi sel {n} bita, batasnya {maks} (naikkan dengan `--batas-sel`)",
                        "cell has {n} bytes, the limit is {maks} (raise it with `--batas-sel`)"
                    ),
                )
                .kode("batas.sel"));
        }
        std::str::from_utf8(raw.trim_ascii())
            .map_err(|_| self.err(i, t!("bukan UTF-8", "not UTF-8")))
    }
    fn err(&self, i: usize, pesan: Teks) -> Masalah {
        masalah(
            self.berkas,
            self.nomor,
            self.cols.get(i).map(String::as_str),
            pesan,
        )
    }
    fn wajib(&self, i: usize) -> Result<&str, Masalah> {
        let v = self.sel(i)?;
        if v.is_empty() {
            return Err(self.err(i, t!("tidak boleh kosong", "must not be empty")));
        }
        Ok(v)
    }
    fn angka(&self, i: usize) -> Result<Option<f64>, Masalah> {
        let v = self.sel(i)?;
        if v.is_empty() {
            return Ok(None);
        }
        match angka_f64(v) {
            Ok(x) if x.is_finite() && x.abs() < 1e12 => Ok(Some(x)),
            _ => Err(self.err(
                i,
                t!(
                    "`{v}` bukan angka (tulis mis. 87.5)",
                    "`{v}` is not a number (write e.g. 87.5)"
                ),
            )),
        }
    }
}

// A closure, not a `char` pattern: the latter's searcher cost a tenth of reading.
#[allow(clippy::manual_pattern_char_comparison)]
fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split(|c: char| c == ';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A number with a decimal dot or comma; allocates only for the comma.
fn angka_f64(v: &str) -> Result<f64, std::num::ParseFloatError> {
    if v.contains(',') {
        v.replace(',', ".").parse()
    } else {
        v.parse()
    }
}

/// A run of 1–9 ASCII digits.
fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    b.iter().try_fold(0i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, any year 1900–2100. Read byte by
/// byte: a million birth dates are parsed per run.
pub fn hari(s: &str) -> Option<i64> {
    hari_b(s.as_bytes())
}

fn hari_b(s: &[u8]) -> Option<i64> {
    let mut it = s.splitn(3, |&c| c == b'-');
    let y = digits(it.next()?)?;
    let m = digits(it.next()?)?;
    let d = digits(it.next()?)?;
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let (y, m) = (y as i32, m as u32);
    if d < 1 || d > i64::from(crate::model::waktu::days_in_month(y, m)) {
        return None;
    }
    let t = crate::model::waktu::Tanggal {
        tahun: y,
        bulan: m,
        hari: d as u32,
    };
    Some(t.days())
}

/// Seconds since 1970 of `YYYY-MM-DD HH:MM[:SS]` (or `T` between).
pub fn detik(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (d, t): (&[u8], &[u8]) = match b.iter().position(|&c| c == b' ' || c == b'T') {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => (b, b"00:00"),
    };
    let days = hari_b(d)?;
    let mut it = t.split(|&c| c == b':');
    let h = digits(it.next()?)?;
    let m = it.next().map_or(Some(0), digits)?;
    let sec = it.next().map_or(Some(0), digits)?;
    if it.next().is_some()
        || !(0..24).contains(&h)
        || !(0..60).contains(&m)
        || !(0..61).contains(&sec)
    {
        return None;
    }
    Some(days * 86_400 + h * 3600 + m * 60 + sec)
}

fn koordinat(
    b: &Baris,
    il: Option<usize>,
    ib: Option<usize>,
) -> Result<Option<(f64, f64)>, Masalah> {
    let (Some(il), Some(ib)) = (il, ib) else {
        return Ok(None);
    };
    match (b.angka(il)?, b.angka(ib)?) {
        (Some(la), Some(bu)) => {
            if !(-90.0..=90.0).contains(&la) {
                return Err(b.err(
                    il,
                    t!("lintang di luar -90..90", "latitude outside -90..90"),
                ));
            }
            if !(-180.0..=180.0).contains(&bu) {
                return Err(b.err(
                    ib,
                    t!("bujur di luar -180..180", "longitude outside -180..180"),
                ));
            }
            Ok(Some((la, bu)))
        }
        (None, None) => Ok(None),
        _ => Err(b.err(
            il,
            t!(
                "lintang dan bujur harus diisi keduanya",
                "latitude and longitude go together"
            ),
        )),
    }
}

/// Zone codes interned in sorted order, so ids do not depend on row order.
fn kode_wilayah(sekolah: &[Sekolah]) -> rustc_hash::FxHashMap<&str, u32> {
    let mut codes: Vec<&str> = sekolah
        .iter()
        .flat_map(|s| s.wilayah.iter().map(String::as_str))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
        .into_iter()
        .enumerate()
        .map(|(i, c)| (c, i as u32))
        .collect()
}

/// Read the schools file. Schools are returned sorted by NPSN.
pub fn baca_sekolah(
    berkas: &str,
    text: &[u8],
    modus: ModusRusak,
) -> Result<(Vec<Sekolah>, Vec<Masalah>), Masalah> {
    baca_sekolah_dengan(berkas, text, modus, &crate::batas::Batas::default())
}

/// `baca_sekolah` with other limits.
pub fn baca_sekolah_dengan(
    berkas: &str,
    text: &[u8],
    modus: ModusRusak,
    batas: &crate::batas::Batas,
) -> Result<(Vec<Sekolah>, Vec<Masalah>), Masalah> {
    let mut rdr = reader(text);
    let cols = header(berkas, &mut rdr)?;
    let inpsn = need(berkas, &cols, "npsn", t!("nomor sekolah", "school id"))?;
    let itampung = need(
        berkas,
        &cols,
        "daya_tampung",
        t!("jumlah kursi", "number of seats"),
    )?;
    let inama = cols.iter().position(|c| c == "nama");
    let il = cols.iter().position(|c| c == "lintang");
    let ib = cols.iter().position(|c| c == "bujur");
    let iw = cols.iter().position(|c| c == "wilayah");
    let mut out: Vec<Sekolah> = Vec::new();
    let mut rusak = Vec::new();
    let mut rec = csv::ByteRecord::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut garis = Garis::new(text, 1);
    loop {
        let nomor = garis.at(rdr.position().byte());
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let m = masalah(
                    berkas,
                    nomor,
                    None,
                    t!("baris tidak terbaca: {e}", "unreadable row: {e}"),
                )
                .kode("data.baris");
                match modus {
                    ModusRusak::Berhenti => return Err(m),
                    ModusRusak::Lewati => {
                        rusak.push(m);
                        continue;
                    }
                }
            }
        }
        let nomor = rec.position().map_or(nomor, |p| garis.at(p.byte()));
        if out.len() >= batas.baris_data {
            return Err(terlalu_banyak(berkas, nomor, batas.baris_data));
        }
        let b = Baris {
            maks_sel: batas.panjang_sel,
            berkas,
            nomor,
            rec: &rec,
            cols: &cols,
        };
        let row = (|| -> Result<Sekolah, Masalah> {
            let npsn = b.wajib(inpsn)?.to_string();
            if let Some(first) = seen.get(&npsn) {
                return Err(b
                    .err(
                        inpsn,
                        t!(
                            "NPSN `{npsn}` sudah ada di baris {first}",
                            "NPSN `{npsn}` already on line {first}"
                        ),
                    )
                    .kode("data.ganda"));
            }
            let dt = b.wajib(itampung)?;
            let daya_tampung: u32 = dt.parse().ok().filter(|n| *n <= 100_000).ok_or_else(|| {
                b.err(
                    itampung,
                    t!(
                        "`{dt}` bukan bilangan bulat 0–100000",
                        "`{dt}` is not a whole number 0–100000"
                    ),
                )
            })?;
            Ok(Sekolah {
                nama: inama
                    .map(|i| b.sel(i))
                    .transpose()?
                    .unwrap_or("")
                    .to_string(),
                daya_tampung,
                lokasi: koordinat(&b, il, ib)?,
                wilayah: iw
                    .map(|i| b.sel(i))
                    .transpose()?
                    .map(|v| list(v).map(str::to_string).collect())
                    .unwrap_or_default(),
                wilayah_id: Vec::new(),
                npsn,
            })
        })();
        match row {
            Ok(s) => {
                seen.insert(s.npsn.clone(), nomor);
                out.push(s);
            }
            Err(m) if modus == ModusRusak::Lewati => rusak.push(m),
            Err(m) => return Err(m),
        }
    }
    out.sort_by(|a, b| a.npsn.cmp(&b.npsn));
    let ids: std::collections::HashMap<String, u32> = kode_wilayah(&out)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    for s in &mut out {
        let mut w: Vec<u32> = s
            .wilayah
            .iter()
            .filter_map(|c| ids.get(c).copied())
            .collect();
        w.sort_unstable();
        s.wilayah_id = w;
    }
    Ok((out, rusak))
}

/// Applicants and rows set aside from one piece of the file.
type Potongan = (Vec<Pendaftar>, Vec<BarisRusak>);

/// Applicants read, rows set aside, and the file's problems.
pub struct BacaanPendaftar {
    pub pendaftar: Vec<Pendaftar>,
    pub rusak: Vec<BarisRusak>,
}

/// Read the applicants file against the plan's needs. Applicants are returned
/// sorted by NISN, so the input's row order never matters.
pub fn baca_pendaftar(
    berkas: &str,
    text: &[u8],
    skema: &Skema,
    sekolah: &[Sekolah],
    modus: ModusRusak,
) -> Result<BacaanPendaftar, Masalah> {
    let batas = crate::batas::Batas::default();
    baca_pendaftar_dengan(berkas, text, skema, sekolah, modus, &batas)
}

/// `baca_pendaftar` with other limits.
pub fn baca_pendaftar_dengan(
    berkas: &str,
    text: &[u8],
    skema: &Skema,
    sekolah: &[Sekolah],
    modus: ModusRusak,
    batas: &crate::batas::Batas,
) -> Result<BacaanPendaftar, Masalah> {
    let mut rdr = reader(text);
    let cols = header(berkas, &mut rdr)?;
    let inisn = need(berkas, &cols, "nisn", t!("nomor murid", "student id"))?;
    let ijalur = need(
        berkas,
        &cols,
        "jalur",
        t!(
            "jalur atau sub-jalur yang dipilih",
            "chosen jalur or sub-jalur"
        ),
    )?;
    let ipilihan = need(
        berkas,
        &cols,
        "pilihan",
        t!(
            "NPSN sekolah pilihan, dipisah `;`",
            "NPSN of chosen schools, `;`-separated"
        ),
    )?;
    let ilahir = if skema.perlu_lahir {
        Some(need(berkas, &cols, "tanggal_lahir", t!("usia", "age"))?)
    } else {
        cols.iter().position(|c| c == "tanggal_lahir")
    };
    let iwaktu = if skema.perlu_waktu {
        Some(need(
            berkas,
            &cols,
            "waktu_daftar",
            t!("urutan waktu daftar", "registration-time ranking"),
        )?)
    } else {
        cols.iter().position(|c| c == "waktu_daftar")
    };
    let ijarak = cols.iter().position(|c| c == "jarak_m");
    let il = cols.iter().position(|c| c == "lintang");
    let ib = cols.iter().position(|c| c == "bujur");
    if skema.perlu_jarak && ijarak.is_none() && (il.is_none() || ib.is_none()) {
        return Err(masalah(
            berkas,
            1,
            Some("jarak_m"),
            t!(
                "urutan memakai jarak: beri kolom `jarak_m` (meter, per pilihan dipisah `;`) atau `lintang` dan `bujur`",
                "the ranking uses distance: give a `jarak_m` column (metres, one per choice, `;`-separated) or `lintang` and `bujur`"
            ),
        ));
    }
    let iw = cols.iter().position(|c| c == "wilayah");
    let istatus = cols.iter().position(|c| c == "status");
    let mut iangka = Vec::new();
    for k in &skema.kolom_angka {
        iangka.push(need(
            berkas,
            &cols,
            k,
            t!("dipakai rumus skor", "used by a score formula"),
        )?);
    }
    let mut ipoin = Vec::new();
    for (tabel, _) in &skema.poin {
        let a = need(
            berkas,
            &cols,
            &format!("{tabel}_kategori"),
            t!("tabel poin {tabel}", "points table {tabel}"),
        )?;
        let b = need(
            berkas,
            &cols,
            &format!("{tabel}_peringkat"),
            t!("tabel poin {tabel}", "points table {tabel}"),
        )?;
        ipoin.push((a, b));
    }
    // FxHash: the keys are our own file's ids, and SipHash was a tenth of reading.
    let npsn: rustc_hash::FxHashMap<&str, u32> = sekolah
        .iter()
        .enumerate()
        .map(|(i, s)| (s.npsn.as_str(), i as u32))
        .collect();
    let kode = kode_wilayah(sekolah);
    // One piece of the data rows, `awal` = line number of its first row.
    let potongan = |bytes: &[u8], awal: u64, baris: usize| -> Result<Potongan, Masalah> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        // One row per line: reserving up front spares the copies of a growing Vec.
        let mut out: Vec<Pendaftar> = Vec::with_capacity(baris + 1);
        let mut rusak: Vec<BarisRusak> = Vec::new();
        let mut rec = csv::ByteRecord::new();
        let mut garis = Garis::new(bytes, awal);
        loop {
            let nomor = garis.at(rdr.position().byte());
            match rdr.read_byte_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let m = masalah(
                        berkas,
                        nomor,
                        None,
                        t!("baris tidak terbaca: {e}", "unreadable row: {e}"),
                    )
                    .kode("data.baris");
                    match modus {
                        ModusRusak::Berhenti => return Err(m),
                        ModusRusak::Lewati => {
                            rusak.push(BarisRusak {
                                id: format!("baris:{nomor}"),
                                masalah: m,
                            });
                            continue;
                        }
                    }
                }
            }
            let nomor = rec.position().map_or(nomor, |p| garis.at(p.byte()));
            if out.len() + rusak.len() >= batas.baris_data {
                return Err(terlalu_banyak(berkas, nomor, batas.baris_data));
            }
            let b = Baris {
                maks_sel: batas.panjang_sel,
                berkas,
                nomor,
                rec: &rec,
                cols: &cols,
            };
            let row = (|| -> Result<Pendaftar, Masalah> {
                let nisn = compact_str::CompactString::from(b.wajib(inisn)?);
                let mut jalur = smallvec::SmallVec::new();
                for j in list(b.wajib(ijalur)?) {
                    match skema.unit_index(j) {
                        Some(u) => jalur.push(u),
                        None => {
                            let known = skema.unit_ids().join(", ");
                            return Err(b.err(
                                ijalur,
                                t!(
                                    "jalur `{j}` tidak ada di rencana; yang ada: {known}",
                                    "jalur `{j}` is not in the plan; known: {known}"
                                ),
                            ));
                        }
                    }
                }
                if list(b.sel(ipilihan)?).count() > MAKS_PILIHAN {
                    return Err(b
                        .err(
                            ipilihan,
                            t!(
                                "lebih dari {MAKS_PILIHAN} pilihan",
                                "more than {MAKS_PILIHAN} choices"
                            ),
                        )
                        .kode("batas.pilihan"));
                }
                let mut pilihan: smallvec::SmallVec<[u32; 4]> = smallvec::SmallVec::new();
                for p in list(b.sel(ipilihan)?) {
                    let Some(&s) = npsn.get(p) else {
                        return Err(b.err(
                            ipilihan,
                            t!(
                                "sekolah `{p}` tidak ada di berkas sekolah",
                                "school `{p}` is not in the schools file"
                            ),
                        ));
                    };
                    if pilihan.contains(&s) {
                        return Err(b.err(
                            ipilihan,
                            t!(
                                "sekolah `{p}` dipilih dua kali",
                                "school `{p}` chosen twice"
                            ),
                        ));
                    }
                    pilihan.push(s);
                }

                let lahir = match ilahir {
                    Some(i) => {
                        let v = b.sel(i)?;
                        if v.is_empty() && !skema.perlu_lahir {
                            None
                        } else {
                            Some(hari(v).ok_or_else(|| {
                                b.err(
                                    i,
                                    t!(
                                        "`{v}` bukan tanggal TTTT-BB-HH",
                                        "`{v}` is not a YYYY-MM-DD date"
                                    ),
                                )
                            })?)
                        }
                    }
                    None => None,
                };
                let waktu_daftar = match iwaktu {
                    Some(i) => {
                        let v = b.sel(i)?;
                        if v.is_empty() && !skema.perlu_waktu {
                            None
                        } else {
                            Some(detik(v).ok_or_else(|| {
                                b.err(
                                    i,
                                    t!(
                                        "`{v}` bukan waktu TTTT-BB-HH JJ:MM[:DD]",
                                        "`{v}` is not a YYYY-MM-DD HH:MM[:SS] time"
                                    ),
                                )
                            })?)
                        }
                    }
                    None => None,
                };
                let lokasi = koordinat(&b, il, ib)?;
                let mut jarak: smallvec::SmallVec<[u32; 4]> = smallvec::SmallVec::new();
                if let Some(i) = ijarak {
                    let v = b.sel(i)?;
                    for (k, x) in v.split(';').map(str::trim).enumerate() {
                        if v.is_empty() {
                            break;
                        }
                        let m: f64 = angka_f64(x)
                            .ok()
                            .filter(|m: &f64| m.is_finite() && *m >= 0.0 && *m < 1e8)
                            .ok_or_else(|| {
                                let k = k + 1;
                                b.err(
                                    i,
                                    t!(
                                        "jarak ke-{k} `{x}` bukan meter",
                                        "distance {k} `{x}` is not metres"
                                    ),
                                )
                            })?;
                        jarak.push(m.round() as u32);
                    }
                    if !jarak.is_empty() && jarak.len() != pilihan.len() {
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
                if jarak.is_empty() {
                    jarak = pilihan
                        .iter()
                        .map(
                            |&s| match (lokasi, sekolah.get(s as usize).and_then(|x| x.lokasi)) {
                                (Some(a), Some(c)) => super::jarak_m(a, c),
                                _ => u32::MAX,
                            },
                        )
                        .collect();
                }
                let wilayah = iw
                    .map(|i| b.sel(i))
                    .transpose()?
                    .map(|v| list(v).filter_map(|c| kode.get(c).copied()).collect())
                    .unwrap_or_default();
                let mut status = 0u64;
                if let Some(i) = istatus {
                    for s in list(b.sel(i)?) {
                        // Only statuses the plan refers to can change a decision.
                        let s = s.to_lowercase();
                        if let Some(k) = skema.status.iter().position(|x| *x == s) {
                            status |= 1 << k;
                        }
                    }
                }
                let mut nilai: smallvec::SmallVec<[f64; 4]> = smallvec::SmallVec::new();
                for &i in &iangka {
                    let v = b.angka(i)?;
                    if let Some(x) = v {
                        if !(0.0..=1_000_000.0).contains(&x) {
                            return Err(b.err(
                                i,
                                t!("nilai {x} di luar 0–1000000", "value {x} outside 0–1000000"),
                            ));
                        }
                    }
                    nilai.push(v.unwrap_or(f64::NAN));
                }
                for (k, &(ia, ip)) in ipoin.iter().enumerate() {
                    let (kat, per) = (b.sel(ia)?, b.sel(ip)?);
                    let poin = if kat.is_empty() && per.is_empty() {
                        0.0
                    } else {
                        let tabel = &skema.poin[k].1;
                        match tabel.get(&(kat.to_lowercase(), per.to_lowercase())) {
                            Some(p) => f64::from(*p),
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
                    nilai.push(poin);
                }
                Ok(Pendaftar {
                    nisn,
                    baris: nomor,
                    jalur,
                    pilihan,
                    jarak,
                    lahir,
                    waktu_daftar,
                    wilayah,
                    status,
                    nilai,
                })
            })();
            match row {
                Ok(p) => out.push(p),
                Err(m) if modus == ModusRusak::Lewati => {
                    let id = b
                        .sel(inisn)
                        .ok()
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .unwrap_or(format!("baris:{nomor}"));
                    rusak.push(BarisRusak { id, masalah: m });
                }
                Err(m) => return Err(m),
            }
        }
        Ok((out, rusak))
    };
    // Rows after the header. Without quotes no field can hold a newline, so the
    // rows can be cut at line ends and read in parallel; the pieces are joined in
    // file order, so the result is the same as reading them one by one.
    // After a CRLF header the reader may stop between `\r` and `\n`; the rows
    // start after the `\n`, on the line after as many newlines as precede them.
    let mut mulai = (rdr.position().byte() as usize).min(text.len());
    if mulai > 0 && text.get(mulai - 1) == Some(&b'\r') && text.get(mulai) == Some(&b'\n') {
        mulai += 1;
    }
    let baris_awal = 1 + memchr::memchr_iter(b'\n', &text[..mulai]).count() as u64;
    let sisa = text.get(mulai..).unwrap_or(&[]);
    let potong: Vec<(usize, usize)> = if sisa.contains(&b'"') || sisa.len() < 1 << 20 {
        vec![(0, sisa.len())]
    } else {
        let n = rayon::current_num_threads().max(1) * 4;
        let mut cuts = vec![0usize];
        for i in 1..n {
            let mut at = sisa.len() * i / n;
            while at < sisa.len() && sisa[at - 1] != b'\n' {
                at += 1;
            }
            if at > *cuts.last().unwrap_or(&0) && at < sisa.len() {
                cuts.push(at);
            }
        }
        cuts.push(sisa.len());
        cuts.windows(2).map(|w| (w[0], w[1])).collect()
    };
    use rayon::prelude::*;
    // Newlines of each piece, counted in parallel; a piece's first row is on
    // line 2 + the newlines before it.
    let baris: Vec<usize> = potong
        .par_iter()
        .map(|&(a, b)| memchr::memchr_iter(b'\n', &sisa[a..b]).count())
        .collect();
    let mut awal = Vec::with_capacity(potong.len());
    let mut line = baris_awal;
    for n in &baris {
        awal.push(line);
        line += *n as u64;
    }
    let t0 = std::time::Instant::now();
    // JUKNIS_WAKTU=1: phase times for scripts/bench-engine.sh.
    let waktu = std::env::var_os("JUKNIS_WAKTU").is_some();
    let w = |n: &str| {
        if waktu {
            eprintln!("  {n}: {:.3}", t0.elapsed().as_secs_f64());
        }
    };
    let hasil: Vec<Result<Potongan, Masalah>> = potong
        .par_iter()
        .zip(awal.par_iter().zip(baris.par_iter()))
        .map(|(&(a, b), (&l, &n))| potongan(&sisa[a..b], l, n))
        .collect();
    w("baca potongan");
    let total: usize = hasil
        .iter()
        .map(|h| h.as_ref().map_or(0, |(o, _)| o.len()))
        .sum();
    let mut out: Vec<Pendaftar> = Vec::with_capacity(total);
    let mut rusak: Vec<BarisRusak> = Vec::new();
    for h in hasil {
        let (o, r) = h?;
        out.extend(o);
        rusak.extend(r);
    }
    if out.len() + rusak.len() > batas.baris_data {
        return Err(terlalu_banyak(berkas, 0, batas.baris_data));
    }
    w("gabung");
    // Exports are usually in strict NISN order already — sorted, and so without
    // a repeated NISN: one parallel pass checks both. Otherwise sort (stable:
    // equal NISN stay in file order) and look for the repeat.
    if !out.par_windows(2).all(|w| w[0].nisn < w[1].nisn) {
        out.sort_by(|a, b| a.nisn.cmp(&b.nisn));
        for w in out.windows(2) {
            if w[0].nisn == w[1].nisn {
                let (n, a, c) = (
                    &w[0].nisn,
                    w[0].baris.min(w[1].baris),
                    w[0].baris.max(w[1].baris),
                );
                let m = masalah(
                    berkas,
                    c,
                    Some("nisn"),
                    t!(
                        "NISN `{n}` juga ada di baris {a}",
                        "NISN `{n}` also on line {a}"
                    ),
                )
                .kode("data.ganda");
                return Err(m);
            }
        }
    }
    w("urut");
    Ok(BacaanPendaftar {
        pendaftar: out,
        rusak,
    })
}
