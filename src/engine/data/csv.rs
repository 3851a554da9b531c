//! A strict CSV reader for the engine's input. One line is one row: a field may
//! be quoted (`"Sekolah, Negeri"`, `""` for a quote) but may not run over a line
//! end, so a stray `"` can never swallow the rows after it. Lines end in LF,
//! CRLF or a lone CR. Every row has exactly the header's number of fields, every
//! cell — read or not — is within the cell limit, and every problem is reported
//! at the line where it starts. Blank lines are skipped (and counted).

use super::{masalah, DataError};
use crate::text::t;
use std::borrow::Cow;

/// The header and where the rows start.
pub struct Table<'a> {
    pub berkas: &'a str,
    /// Column names, lower case, trimmed.
    pub kolom: Vec<String>,
    /// The bytes after the header line.
    pub isi: &'a [u8],
    /// Line number of the first byte of `isi`.
    pub baris_awal: u64,
}

/// Where the next line ends: (end of its content, start of the next line).
pub(super) fn line_end(b: &[u8]) -> (usize, usize) {
    match memchr::memchr2(b'\n', b'\r', b) {
        None => (b.len(), b.len()),
        Some(i) if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') => (i, i + 2),
        Some(i) => (i, i + 1),
    }
}

/// Line ends in `b`: LF, CRLF and lone CR each count once.
pub fn count_lines(b: &[u8]) -> u64 {
    let lf = memchr::memchr_iter(b'\n', b).count() as u64;
    let cr_lone = memchr::memchr_iter(b'\r', b)
        .filter(|&i| b.get(i + 1) != Some(&b'\n'))
        .count() as u64;
    lf + cr_lone
}

/// A character that must not hide in a column name, by name.
fn tak_terlihat(s: &str) -> Option<(char, &'static str)> {
    s.chars().find_map(|c| {
        let n = match c {
            '\u{200B}' => "ZERO WIDTH SPACE",
            '\u{200C}' => "ZERO WIDTH NON-JOINER",
            '\u{200D}' => "ZERO WIDTH JOINER",
            '\u{2060}' => "WORD JOINER",
            '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
            '\u{00A0}' => "NO-BREAK SPACE",
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "BIDI CONTROL",
            _ => return None,
        };
        Some((c, n))
    })
}

impl<'a> Table<'a> {
    /// Read the header line of `teks`.
    pub fn read(berkas: &'a str, teks: &'a [u8], maks_kolom: usize) -> Result<Self, DataError> {
        let teks = teks.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(teks);
        if teks.starts_with(b"\xFF\xFE") || teks.starts_with(b"\xFE\xFF") {
            return Err(masalah(
                berkas,
                1,
                None,
                t!(
                    "berkas ini UTF-16; simpan sebagai CSV UTF-8 (di Excel: \"CSV UTF-8 (Comma delimited)\")",
                    "this file is UTF-16; save it as UTF-8 CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")"
                ),
            )
            .kode("data.kolom"));
        }
        let (end, next) = line_end(teks);
        let line = &teks[..end];
        let mut sel = Vec::new();
        if let Err((i, pesan)) = split_fields(line, &mut sel) {
            let n = i + 1;
            let (id, en) = (pesan.id, pesan.en);
            return Err(masalah(
                berkas,
                1,
                None,
                t!("kolom ke-{n}: {id}", "column {n}: {en}"),
            )
            .kode("data.kolom"));
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            return Err(masalah(
                berkas,
                1,
                None,
                t!(
                    "berkas kosong: baris pertama harus kepala tabel",
                    "empty file: the first line must be the header"
                ),
            )
            .kode("data.kolom"));
        }
        if sel.len() > maks_kolom {
            let n = sel.len();
            return Err(masalah(
                berkas,
                1,
                None,
                t!(
                    "{n} kolom, batasnya {maks_kolom}",
                    "{n} columns, the limit is {maks_kolom}"
                ),
            )
            .kode("batas.kolom"));
        }
        let mut kolom: Vec<String> = Vec::with_capacity(sel.len());
        for (i, f) in sel.iter().enumerate() {
            let n = i + 1;
            let s = std::str::from_utf8(f).map_err(|_| {
                masalah(
                    berkas,
                    1,
                    None,
                    t!(
                        "nama kolom ke-{n} bukan UTF-8",
                        "column name {n} is not UTF-8"
                    ),
                )
                .kode("data.kolom")
            })?;
            if let Some((c, nama)) = tak_terlihat(s) {
                let u = c as u32;
                return Err(masalah(
                    berkas,
                    1,
                    None,
                    t!(
                        "nama kolom ke-{n} memuat karakter tak terlihat U+{u:04X} {nama}; ketik ulang nama kolomnya",
                        "column name {n} holds the invisible character U+{u:04X} {nama}; retype the column name"
                    ),
                )
                .kode("data.kolom"));
            }
            let s = s.trim().to_lowercase();
            if kolom.contains(&s) {
                return Err(masalah(
                    berkas,
                    1,
                    Some(&s),
                    t!("kolom ditulis dua kali", "column given twice"),
                )
                .kode("data.kolom"));
            }
            kolom.push(s);
        }
        Ok(Table {
            berkas,
            kolom,
            isi: &teks[next..],
            baris_awal: 2,
        })
    }

    /// Cut the rows into about `n` pieces at line ends, each with the line
    /// number of its first row. Rows never span lines, so pieces are independent.
    pub fn chunks(&self, n: usize) -> Vec<(&'a [u8], u64)> {
        let isi = self.isi;
        let n = n.max(1);
        let mut cuts = vec![0usize];
        for k in 1..n {
            let mut at = (isi.len() * k / n).max(1);
            // Cut just after a line end, never between CR and LF.
            while at < isi.len()
                && !(isi[at - 1] == b'\n' || (isi[at - 1] == b'\r' && isi[at] != b'\n'))
            {
                at += 1;
            }
            if at > *cuts.last().unwrap_or(&0) && at < isi.len() {
                cuts.push(at);
            }
        }
        cuts.push(isi.len());
        let mut line = self.baris_awal;
        let mut out = Vec::with_capacity(cuts.len());
        for w in cuts.windows(2) {
            let bagian = &isi[w[0]..w[1]];
            out.push((bagian, line));
            line += count_lines(bagian);
        }
        out
    }
}

/// A row: its line number and fields.
pub type Baris<'s, 'a> = (u64, &'s [Cow<'a, [u8]>]);

/// The rows of one piece, in order. `Err` items are rows that cannot be split;
/// the caller decides whether they stop the run.
pub struct Records<'t, 'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
    tabel: &'t Table<'a>,
    maks_sel: usize,
    /// Set when the piece's last line has no line end (maybe a cut-off file).
    pub terakhir: bool,
    sel: Vec<Cow<'a, [u8]>>,
}

impl<'t, 'a> Records<'t, 'a> {
    pub fn new(
        tabel: &'t Table<'a>,
        bytes: &'a [u8],
        line: u64,
        maks_sel: usize,
        terakhir: bool,
    ) -> Self {
        Records {
            bytes,
            pos: 0,
            line,
            tabel,
            maks_sel,
            terakhir,
            sel: Vec::with_capacity(tabel.kolom.len()),
        }
    }

    /// The next non-blank row: its line number and fields; `None` at the end.
    /// A blank line is skipped but counted in `kosong`.
    pub fn next_row(&mut self, kosong: &mut u64) -> Option<Result<Baris<'_, 'a>, DataError>> {
        loop {
            if self.pos >= self.bytes.len() {
                return None;
            }
            let rest = &self.bytes[self.pos..];
            let (end, next) = line_end(rest);
            let line = &rest[..end];
            let nomor = self.line;
            let tanpa_akhir = next == end && self.terakhir;
            self.pos += next;
            self.line += 1;
            if is_blank(line) {
                *kosong += 1;
                continue;
            }
            let (tabel, maks) = (self.tabel, self.maks_sel);
            if let Err(m) = split_row(tabel, line, nomor, maks, tanpa_akhir, &mut self.sel) {
                return Some(Err(m));
            }
            return Some(Ok((nomor, &self.sel)));
        }
    }
}

/// A line of only spaces and tabs: skipped, counted against the row limit.
pub(super) fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b' ' | b'\t'))
}

/// Split one non-blank line of `tabel`'s rows (number `nomor`; `tanpa_akhir`:
/// it has no line end) into `sel`: exactly the header's number of fields, each
/// within the cell limit. `sel` keeps what was split also when the row is
/// refused. Used by `Records::next_row` and for rows read in parallel.
pub fn split_row<'a>(
    tabel: &Table<'a>,
    line: &'a [u8],
    nomor: u64,
    maks_sel: usize,
    tanpa_akhir: bool,
    sel: &mut Vec<Cow<'a, [u8]>>,
) -> Result<(), DataError> {
    let (berkas, kolom_header) = (tabel.berkas, &tabel.kolom);
    sel.clear();
    if let Err((i, pesan)) = split_fields(line, sel) {
        let kolom = kolom_header.get(i).map(String::as_str);
        return Err(masalah(berkas, nomor, kolom, pesan).kode("data.baris"));
    }
    if sel.len() != kolom_header.len() {
        let (n, m) = (sel.len(), kolom_header.len());
        let kolom = kolom_header.get(n.min(m)).map(String::as_str);
        let pesan = if tanpa_akhir && n < m {
            t!(
                "baris terakhir terpotong: {n} dari {m} kolom (berkas tidak lengkap?)",
                "the last row is cut off: {n} of {m} columns (is the file incomplete?)"
            )
        } else if n > m {
            t!(
                "{n} kolom, kepala tabel {m}: ada koma berlebih (koma desimal seperti 85,5? tulis 85.5)",
                "{n} fields, the header has {m}: a comma too many (a decimal comma such as 85,5? write 85.5)"
            )
        } else {
            t!(
                "{n} kolom, kepala tabel {m}",
                "{n} fields, the header has {m}"
            )
        };
        return Err(masalah(berkas, nomor, kolom, pesan).kode("data.baris"));
    }
    if let Some((i, f)) = sel.iter().enumerate().find(|(_, f)| f.len() > maks_sel) {
        let (n, maks) = (f.len(), maks_sel);
        let kolom = kolom_header.get(i).map(String::as_str);
        return Err(masalah(
            berkas,
            nomor,
            kolom,
            t!(
                "isi sel {n} bita, batasnya {maks} (naikkan dengan `--batas-sel`)",
                "cell has {n} bytes, the limit is {maks} (raise it with `--batas-sel`)"
            ),
        )
        .kode("batas.sel"));
    }
    Ok(())
}

/// Split one line into fields. A field is trimmed of spaces and tabs; a quoted
/// field keeps its inside as written (with `""` read as `"`). On error: the
/// index of the field and what is wrong.
fn split_fields<'a>(
    line: &'a [u8],
    out: &mut Vec<Cow<'a, [u8]>>,
) -> Result<(), (usize, crate::text::Text)> {
    let mut i = 0;
    let n = line.len();
    loop {
        while i < n && matches!(line[i], b' ' | b'\t') {
            i += 1;
        }
        let k = out.len();
        if i < n && line[i] == b'"' {
            // Quoted: up to the closing quote on this line.
            let mut j = i + 1;
            let mut escaped = false;
            loop {
                match memchr::memchr(b'"', &line[j..]) {
                    None => {
                        return Err((
                            k,
                            t!(
                                "tanda kutip `\"` dibuka di sini dan tidak ditutup pada baris ini",
                                "a quote `\"` opens here and is not closed on this line"
                            ),
                        ))
                    }
                    Some(q) => {
                        let at = j + q;
                        if line.get(at + 1) == Some(&b'"') {
                            escaped = true;
                            j = at + 2;
                        } else {
                            j = at;
                            break;
                        }
                    }
                }
            }
            let inside = &line[i + 1..j];
            out.push(if escaped {
                let mut v = Vec::with_capacity(inside.len());
                let mut p = 0;
                while p < inside.len() {
                    v.push(inside[p]);
                    p += if inside[p] == b'"' { 2 } else { 1 };
                }
                Cow::Owned(v)
            } else {
                Cow::Borrowed(inside)
            });
            i = j + 1;
            while i < n && matches!(line[i], b' ' | b'\t') {
                i += 1;
            }
            if i == n {
                return Ok(());
            }
            if line[i] != b',' {
                return Err((
                    k,
                    t!(
                        "ada teks sesudah tanda kutip penutup",
                        "text after the closing quote"
                    ),
                ));
            }
            i += 1;
            continue;
        }
        // Unquoted: up to the next comma; a quote inside is a stray quote.
        let end = match memchr::memchr2(b',', b'"', &line[i..]) {
            Some(p) if line[i + p] == b'"' => {
                return Err((
                    k,
                    t!(
                        "tanda kutip `\"` di tengah isi sel; kutip seluruh sel (\"…\") atau hapus tanda kutipnya",
                        "a quote `\"` inside a cell; quote the whole cell (\"…\") or remove the quote"
                    ),
                ))
            }
            Some(p) => i + p,
            None => n,
        };
        let mut e = end;
        while e > i && matches!(line[e - 1], b' ' | b'\t') {
            e -= 1;
        }
        out.push(Cow::Borrowed(&line[i..e]));
        if end == n {
            return Ok(());
        }
        i = end + 1;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn split(s: &str) -> Result<Vec<String>, usize> {
        let mut v = Vec::new();
        split_fields(s.as_bytes(), &mut v).map_err(|(i, _)| i)?;
        Ok(v.iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect())
    }

    #[test]
    fn fields_are_split_trimmed_and_unquoted() {
        assert_eq!(
            split("a, b ,c"),
            Ok(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(
            split("\"x, y\",\"say \"\"hi\"\"\","),
            Ok(vec!["x, y".into(), "say \"hi\"".into(), String::new()])
        );
        assert_eq!(split(""), Ok(vec![String::new()]));
        assert_eq!(split("a,\"open"), Err(1));
        assert_eq!(split("ab\"c,d"), Err(0));
        assert_eq!(split("\"a\"b,c"), Err(0));
    }

    #[test]
    fn line_ends_of_every_kind_count_once() {
        assert_eq!(count_lines(b"a\nb\r\nc\rd"), 3);
        assert_eq!(count_lines(b"\r\n\r\n"), 2);
        assert_eq!(count_lines(b"\r\r"), 2);
    }
}
