//! Reading the applicants' rows. From a file the rows are read a block at a
//! time (`BLOK`), each block cut at its last line end and read in parallel
//! pieces, so only a block of the file is in memory at once and the file is
//! hashed as it is read; from bytes already in memory (the web page, tests),
//! the whole text is one block. Either way every line has its slot in one
//! vector, in file order, which becomes the applicants' vector in place: their
//! memory is touched once. A refused row (unless rows are set aside) or the row
//! limit stops the reading at the block that holds it.

use super::csv::{count_lines, is_blank, line_end, split_row, Table};
use super::pendaftar::{baris, Context, PendaftarFile};
use super::{masalah, terlalu_banyak, Baris, BarisRusak, DataError, ModusRusak, Sumber};
use crate::engine::{Pendaftar, Prepared, Sekolah};
use crate::text::t;
use rayon::prelude::*;

/// How much of a file is read at once (a row cut at the block's end is
/// carried to the next).
const BLOK: usize = 8 << 20;

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
    let c = Context::new(berkas, &tabel.kolom, prepared, sekolah)?;
    let mut rows = Rows::new(berkas, &tabel.kolom, &c, modus, batas, tabel.baris_awal);
    rows.push(tabel.isi);
    rows.finish()
}

/// Read the applicants file at `path` a block at a time; also returns the
/// file's SHA-256 (hex). The same applicants, problems and order as
/// `read_pendaftar_with` on the file's bytes.
pub fn read_pendaftar_path(
    path: &std::path::Path,
    prepared: &Prepared,
    sekolah: &[Sekolah],
    modus: ModusRusak,
    batas: &crate::batas::Batas,
) -> Result<(PendaftarFile, String), DataError> {
    read_pendaftar_blocks(path, prepared, sekolah, modus, batas, BLOK)
}

/// `read_pendaftar_path` with blocks of `blok` bytes (tests cut rows at every
/// place with small blocks).
#[doc(hidden)]
pub fn read_pendaftar_blocks(
    path: &std::path::Path,
    prepared: &Prepared,
    sekolah: &[Sekolah],
    modus: ModusRusak,
    batas: &crate::batas::Batas,
    blok: usize,
) -> Result<(PendaftarFile, String), DataError> {
    let blok = blok.max(1);
    let berkas = path.display().to_string();
    let mut f = Sumber::open(path, batas.ukuran_data)?;
    let mut buf: Vec<u8> = Vec::with_capacity(blok.saturating_add(1 << 16));
    // The header: read until its line has ended, or the file has.
    let mut habis = false;
    while !header_complete(&buf) {
        if f.read_into(&mut buf, blok)? == 0 {
            habis = true;
            break;
        }
    }
    let (kolom, awal, mulai) = {
        let tabel = Table::read(&berkas, &buf, super::MAKS_KOLOM)?;
        (tabel.kolom, tabel.baris_awal, buf.len() - tabel.isi.len())
    };
    buf.drain(..mulai);
    let c = Context::new(&berkas, &kolom, prepared, sekolah)?;
    let mut rows = Rows::new(&berkas, &kolom, &c, modus, batas, awal);
    let mut pertama = true;
    loop {
        while !habis && buf.len() < blok {
            let n = blok - buf.len();
            if f.read_into(&mut buf, n)? == 0 {
                habis = true;
            }
        }
        let cut = if habis {
            buf.len()
        } else if let Some(i) = last_line_end(&buf) {
            i
        } else {
            // A line longer than a block: read on until it ends.
            if f.read_into(&mut buf, blok)? == 0 {
                habis = true;
            }
            continue;
        };
        if pertama {
            // Room for every row, guessed from the first block's lines per byte
            // (reserved, not touched: only the slots written cost memory).
            if let (Some(n), Some(b)) = (f.ukuran, buf.get(..cut)) {
                let per = count_lines(b) as f64 / cut.max(1) as f64;
                rows.slots.reserve((n as f64 * per * 1.05) as usize + 16);
            }
            pertama = false;
        }
        rows.push(&buf[..cut]);
        buf.drain(..cut);
        if habis || rows.berhenti {
            break;
        }
    }
    let file = rows.finish()?;
    Ok((file, f.sha256()))
}

/// Whether `buf` holds a whole first line (a CR at its very end may still be
/// the first half of a CRLF).
fn header_complete(buf: &[u8]) -> bool {
    match memchr::memchr2(b'\n', b'\r', buf) {
        Some(i) => buf[i] == b'\n' || i + 1 < buf.len(),
        None => false,
    }
}

/// Just past the last whole line of `buf`, which the file goes on after: never
/// between the CR and LF of a CRLF.
fn last_line_end(buf: &[u8]) -> Option<usize> {
    let i = memchr::memrchr2(b'\n', b'\r', buf)?;
    if buf[i] == b'\n' || i + 1 < buf.len() {
        return Some(i + 1);
    }
    // A CR at the very end: cut at the line end before it.
    memchr::memrchr2(b'\n', b'\r', &buf[..i]).map(|j| j + 1)
}

/// The rows read so far, one slot per line in file order.
struct Rows<'r, 'a> {
    berkas: &'r str,
    kolom: &'r [String],
    c: &'r Context<'a>,
    modus: ModusRusak,
    maks_sel: usize,
    /// The row limit (rows and blank lines).
    limit: u64,
    /// The line number of the first row.
    awal: u64,
    /// The line number of the next line.
    nomor: u64,
    slots: Vec<Slot>,
    /// The reading has met what stops it: a refused row (unless rows are set
    /// aside), or a row past the row limit.
    berhenti: bool,
}

impl<'r, 'a> Rows<'r, 'a> {
    fn new(
        berkas: &'r str,
        kolom: &'r [String],
        c: &'r Context<'a>,
        modus: ModusRusak,
        batas: &crate::batas::Batas,
        awal: u64,
    ) -> Self {
        Rows {
            berkas,
            kolom,
            c,
            modus,
            maks_sel: batas.panjang_sel,
            limit: batas.baris_data as u64,
            awal,
            nomor: awal,
            slots: Vec::new(),
            berhenti: false,
        }
    }

    /// Read the lines of `isi` (whole lines, the last one may lack its end),
    /// in parallel pieces cut at line ends, each row straight into its slot.
    fn push(&mut self, isi: &[u8]) {
        let tabel = Table {
            berkas: self.berkas,
            kolom: self.kolom.to_vec(),
            isi,
            baris_awal: self.nomor,
        };
        let pieces = if isi.len() < 1 << 20 {
            vec![(isi, self.nomor)]
        } else {
            tabel.chunks(rayon::current_num_threads().max(1) * 4)
        };
        let counts: Vec<usize> = pieces
            .par_iter()
            .map(|&(bytes, _)| count_lines_all(bytes) as usize)
            .collect();
        let total: usize = counts.iter().sum();
        let start = self.slots.len();
        self.slots
            .par_extend((0..total).into_par_iter().map(|_| Slot::Kosong));
        let mut parts: Vec<Part> = Vec::with_capacity(pieces.len());
        let mut rest = &mut self.slots[start..];
        for (&n, &piece) in counts.iter().zip(&pieces) {
            let k = n.min(rest.len());
            let (a, b) = std::mem::take(&mut rest).split_at_mut(k);
            parts.push((a, piece));
            rest = b;
        }
        let piece = Piece {
            tabel: &tabel,
            c: self.c,
            maks_sel: self.maks_sel,
            modus: self.modus,
            limit: self.awal + self.limit,
        };
        parts.into_par_iter().for_each_init(
            || Vec::with_capacity(tabel.kolom.len()),
            |sel, (slot, (bytes, nomor))| piece.read(bytes, nomor, slot, sel),
        );
        self.nomor += total as u64;
        let modus = self.modus;
        // Past the limit by blank lines alone, reading goes on: a row after
        // them is the one reported, at its line.
        self.berhenti |= self.slots[start..].par_iter().any(|s| match s {
            Slot::LewatBatas(_) => true,
            Slot::Rusak(_) => modus == ModusRusak::Berhenti,
            _ => false,
        });
    }

    /// In place (the same allocation): the rows read; rows set aside apart; the
    /// first problem in file order stops the reading (a refused row, unless
    /// they are set aside, or the row that reaches the row limit).
    fn finish(self) -> Result<PendaftarFile, DataError> {
        let (berkas, modus) = (self.berkas, self.modus);
        let limit = self.limit as usize;
        let mut rusak: Vec<BarisRusak> = Vec::new();
        let mut failed: Option<DataError> = None;
        let mut out: Vec<Pendaftar> = self
            .slots
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
                    failed.get_or_insert_with(|| terlalu_banyak(berkas, nomor, limit));
                    None
                }
                Slot::Kosong => None,
            })
            .collect();
        if let Some(e) = failed {
            return Err(e);
        }
        // Blank lines count too: rows and blank lines together within the limit.
        if self.nomor - self.awal > self.limit {
            return Err(terlalu_banyak(berkas, 0, limit));
        }
        ganda(berkas, &mut out, &rusak)?;
        Ok(PendaftarFile {
            pendaftar: out,
            rusak,
        })
    }
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
    let n = count_lines(bytes);
    n + u64::from(!matches!(bytes.last(), Some(b'\n' | b'\r')))
}

/// What reading one piece of the rows needs.
struct Piece<'p, 'a> {
    tabel: &'p Table<'a>,
    c: &'p Context<'p>,
    maks_sel: usize,
    modus: ModusRusak,
    /// The first line past the row limit.
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
            let (end, next) = line_end(&bytes[pos..]);
            let line = &bytes[pos..pos + end];
            if let Some(s) = slot.get_mut(i) {
                if !is_blank(line) {
                    *s = if nomor >= self.limit {
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
                    .and_then(|v| super::nilai::nisn(v).ok())
                    .map(|n| n.to_string())
                    .unwrap_or(format!("baris:{nomor}"))
            } else {
                String::new()
            };
            Box::new(BarisRusak { id, masalah: m })
        };
        if let Err(m) = split_row(tabel, line, nomor, self.maks_sel, tanpa_akhir, sel) {
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
