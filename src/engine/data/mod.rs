//! Schools and applicants from CSV. The strict reader (`csv.rs`) keeps one row
//! per line and the header's field count on every row; every column the plan
//! needs is checked before any row is read; values are read strictly
//! (`nilai.rs`). A bad row is reported with its file, line and column, and
//! either stops the run or is set aside — never silently dropped or merged.

mod alir;
mod bawa;
mod csv;
mod kolom;
pub mod nilai;
mod pendaftar;
mod sekolah;

pub use alir::{read_pendaftar_blocks, read_pendaftar_path, read_pendaftar_with};
pub use bawa::{read_bawa, Bawa};
pub use nilai::{detik, hari};
pub use pendaftar::{read_pendaftar, PendaftarFile};
pub use sekolah::{read_sekolah, read_sekolah_with, LAYANAN};

use crate::text::t;
use crate::text::Text;

/// Limits on engine input, so a hostile file cannot exhaust memory. Rows, cell
/// length and file size can be raised (`crate::batas::Batas`, `--batas-*`).
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
pub struct DataError {
    /// Stable code: `data.kolom` (header, or a column the plan needs),
    /// `data.nilai` (a cell), `data.baris` (a row that cannot be split, or has
    /// another field count than the header), `data.ganda` (an id twice),
    /// `berkas.biner` (NUL bytes), or `batas.ukuran`, `batas.baris`,
    /// `batas.kolom`, `batas.sel`, `batas.pilihan` (a limit).
    pub kode: &'static str,
    pub berkas: String,
    /// 1-based line number (the header is line 1); 0 when the whole file is at fault.
    pub baris: u64,
    pub kolom: Option<String>,
    pub pesan: Text,
}

impl DataError {
    pub fn render(&self, lang: crate::text::Lang) -> String {
        let kolom = self
            .kolom
            .as_deref()
            .map(|k| format!(", kolom `{k}`"))
            .unwrap_or_default();
        let kolom = if lang == crate::text::Lang::En {
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
    fn kode(mut self, kode: &'static str) -> DataError {
        self.kode = kode;
        self
    }
}

/// A row set aside in `Lewati` mode: it still appears in the result.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisRusak {
    /// The applicant's NISN (normalised) when it could be read, else `baris:N`,
    /// which no NISN can equal (a NISN is digits only).
    pub id: String,
    pub masalah: DataError,
}

fn masalah(berkas: &str, baris: u64, kolom: Option<&str>, pesan: Text) -> DataError {
    DataError {
        kode: "data.nilai",
        berkas: berkas.to_string(),
        baris,
        kolom: kolom.map(str::to_string),
        pesan,
    }
}

fn terlalu_banyak(berkas: &str, baris: u64, maks: usize) -> DataError {
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

/// Read a data file, at most `maks` bytes: a larger file (or an endless one such
/// as `/dev/zero`) is a `batas.ukuran` problem, a NUL byte a `berkas.biner`
/// problem, both found while reading, before the file is in memory whole.
///
/// Memory: a regular file is refused by its size before it is read, and read
/// into one buffer of that size; a stream (a pipe, a device) is read in pieces
/// joined at the end, so no buffer is copied while it grows and an endless
/// stream holds at most `maks` bytes when it is refused.
pub fn read_file(path: &std::path::Path, maks: usize) -> Result<Vec<u8>, DataError> {
    const POTONG: usize = 16 << 20;
    let mut f = Sumber::open(path, maks)?;
    let mut potongan: Vec<Vec<u8>> = Vec::new();
    let mut cur: Vec<u8> = Vec::with_capacity(f.ukuran.map_or(POTONG, |n| n.saturating_add(1)));
    loop {
        if f.ukuran.is_none() && cur.len() + (1 << 20) > cur.capacity() {
            potongan.push(std::mem::replace(&mut cur, Vec::with_capacity(POTONG)));
        }
        // A regular file fills the buffer of its size exactly (one byte to spare
        // to see its end), so the buffer never grows.
        let n = match f.ukuran {
            Some(_) => (cur.capacity() - cur.len()).clamp(1, 1 << 20),
            None => 1 << 20,
        };
        if f.read_into(&mut cur, n)? == 0 {
            break;
        }
    }
    if potongan.is_empty() {
        return Ok(cur);
    }
    let mut out = Vec::with_capacity(f.total);
    for p in potongan {
        out.extend_from_slice(&p);
    }
    out.extend_from_slice(&cur);
    Ok(out)
}

/// A data file being read: refused when larger than its limit or binary, and
/// hashed (SHA-256) as it is read, so a file read in pieces is hashed whole.
pub(super) struct Sumber {
    f: std::fs::File,
    berkas: String,
    maks: usize,
    /// The size of a regular file; `None` for a stream.
    pub(super) ukuran: Option<usize>,
    /// Bytes read so far.
    pub(super) total: usize,
    hash: sha2::Sha256,
}

impl Sumber {
    /// Open `path`; a regular file larger than `maks` is refused before any read.
    pub(super) fn open(path: &std::path::Path, maks: usize) -> Result<Self, DataError> {
        let berkas = path.display().to_string();
        if path.is_dir() {
            return Err(io_error(
                &berkas,
                std::io::Error::other("ini folder, bukan berkas / is a folder, not a file"),
            ));
        }
        let f = std::fs::File::open(path).map_err(|e| io_error(&berkas, e))?;
        let ukuran = f
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| usize::try_from(m.len()).unwrap_or(usize::MAX));
        if ukuran.is_some_and(|n| n > maks) {
            return Err(too_large(&berkas, maks));
        }
        Ok(Sumber {
            f,
            berkas,
            maks,
            ukuran,
            total: 0,
            hash: sha2::Digest::new(),
        })
    }

    /// Append at most `n` bytes to `buf`; 0 at the end of the file. A NUL byte
    /// or going past the limit is the file's problem.
    pub(super) fn read_into(&mut self, buf: &mut Vec<u8>, n: usize) -> Result<usize, DataError> {
        use std::io::Read;
        let len = buf.len();
        buf.resize(len + n, 0);
        let got = loop {
            match self.f.read(&mut buf[len..]) {
                Ok(got) => break got,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    buf.truncate(len);
                    return Err(io_error(&self.berkas, e));
                }
            }
        };
        buf.truncate(len + got);
        let baru = &buf[len..];
        if let Some(i) = memchr::memchr(0, baru) {
            let at = self.total + i;
            return Err(masalah(
                &self.berkas,
                0,
                None,
                t!(
                    "berkas biner (bita NUL di posisi {at}), bukan CSV teks",
                    "a binary file (NUL byte at offset {at}), not a text CSV"
                ),
            )
            .kode("berkas.biner"));
        }
        if self.total + got > self.maks {
            return Err(too_large(&self.berkas, self.maks));
        }
        sha2::Digest::update(&mut self.hash, baru);
        self.total += got;
        Ok(got)
    }

    /// The SHA-256 of every byte read, in hex.
    pub(super) fn sha256(self) -> String {
        format!("{:x}", sha2::Digest::finalize(self.hash))
    }
}

fn io_error(berkas: &str, e: std::io::Error) -> DataError {
    masalah(
        berkas,
        0,
        None,
        t!("tidak dapat dibaca: {e}", "cannot be read: {e}"),
    )
    .kode("berkas.baca")
}

fn too_large(berkas: &str, maks: usize) -> DataError {
    masalah(
        berkas,
        0,
        None,
        t!(
            "berkas lebih besar dari {maks} bita (naikkan dengan `--batas-ukuran-data`)",
            "file larger than {maks} bytes (raise it with `--batas-ukuran-data`)"
        ),
    )
    .kode("batas.ukuran")
}

/// The index of a column the plan needs, or the problem naming it (line 1).
fn need(berkas: &str, cols: &[String], name: &str, why: Text) -> Result<usize, DataError> {
    cols.iter().position(|c| c == name).ok_or_else(|| {
        let known = cols.join(", ");
        masalah(
            berkas,
            1,
            Some(name),
            Text::new(
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

/// One row's cells, with the line and file for messages.
struct Baris<'b> {
    berkas: &'b str,
    nomor: u64,
    sel: &'b [std::borrow::Cow<'b, [u8]>],
    cols: &'b [String],
}

impl Baris<'_> {
    fn sel(&self, i: usize) -> Result<&str, DataError> {
        let raw: &[u8] = self.sel.get(i).map_or(b"", |c| c.as_ref());
        std::str::from_utf8(raw).map_err(|_| self.err(i, t!("bukan UTF-8", "not UTF-8")))
    }
    fn err(&self, i: usize, pesan: Text) -> DataError {
        masalah(
            self.berkas,
            self.nomor,
            self.cols.get(i).map(String::as_str),
            pesan,
        )
    }
    fn wajib(&self, i: usize) -> Result<&str, DataError> {
        let v = self.sel(i)?;
        if v.is_empty() {
            return Err(self.err(i, t!("tidak boleh kosong", "must not be empty")));
        }
        Ok(v)
    }
    fn angka(&self, i: usize) -> Result<Option<f64>, DataError> {
        let v = self.sel(i)?;
        if v.is_empty() {
            return Ok(None);
        }
        match nilai::angka(v) {
            Ok(x) if x.abs() < 1e12 => Ok(Some(x)),
            Ok(_) => Err(self.err(i, t!("`{v}` terlalu besar", "`{v}` is too large"))),
            Err(pesan) => Err(self.err(i, pesan)),
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

fn koordinat(
    b: &Baris,
    il: Option<usize>,
    ib: Option<usize>,
) -> Result<Option<(f64, f64)>, DataError> {
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
            if la == 0.0 && bu == 0.0 {
                return Err(b.err(
                    il,
                    t!(
                        "koordinat 0, 0 (di Samudra Atlantik): titik belum diisi?",
                        "coordinates 0, 0 (in the Atlantic): a point not filled in?"
                    ),
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

/// The no-show list (`--tidak-daftar-ulang`): one NISN per line, an optional
/// `nisn` header, blank lines skipped. Each NISN is normalised as in the
/// applicants file; an unreadable or repeated one is a problem on its line.
pub fn read_tidak_daftar_ulang(berkas: &str, text: &[u8]) -> Result<Vec<String>, DataError> {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let text = std::str::from_utf8(text).map_err(|e| {
        let at = e.valid_up_to();
        masalah(
            berkas,
            0,
            None,
            t!("bukan UTF-8 (bita {at})", "not UTF-8 (byte {at})"),
        )
    })?;
    let mut out: Vec<(String, u64)> = Vec::new();
    let mut nomor = 0u64;
    let mut rest = text;
    while !rest.is_empty() {
        nomor += 1;
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = rest[..end].trim();
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = rest.get(end + skip..).unwrap_or("");
        if line.is_empty() || (nomor == 1 && line.eq_ignore_ascii_case("nisn")) {
            continue;
        }
        let n = nilai::nisn(line).map_err(|m| masalah(berkas, nomor, Some("nisn"), m))?;
        if let Some((_, a)) = out.iter().find(|(x, _)| x.as_str() == n.as_str()) {
            let a = *a;
            return Err(masalah(
                berkas,
                nomor,
                Some("nisn"),
                t!(
                    "NISN `{n}` juga ada di baris {a}",
                    "NISN `{n}` also on line {a}"
                ),
            )
            .kode("data.ganda"));
        }
        out.push((n.to_string(), nomor));
    }
    Ok(out.into_iter().map(|(n, _)| n).collect())
}
