//! Result files for spreadsheets (`run --csv excel`): operators open `hasil.csv`
//! in Excel or LibreOffice with an Indonesian locale, where the list separator
//! is `;`, a file without a byte-order mark is read in the wrong code page, and
//! `0012345678` becomes the number 12345678. This writer turns the standard
//! files into that dialect as they stream: a UTF-8 BOM first, `;` between
//! fields, a field quoted when it holds `;`, `"` or a line break, and the first
//! column (NISN, NPSN) written as the text formula `="0012345678"`. Nothing
//! else changes: read back with `;`, every field equals the standard file's.

use std::io::{self, Write};

/// Wraps the writer of a standard CSV (comma, quotes only where needed).
pub struct Spreadsheet<W: Write> {
    inner: W,
    started: bool,
    /// Inside a quoted field of the standard input.
    quoted: bool,
    /// A quote inside a quoted field: a doubled quote or the field's end.
    quote_pending: bool,
    field: Vec<u8>,
    column: usize,
}

impl<W: Write> Spreadsheet<W> {
    pub fn new(inner: W) -> Self {
        Spreadsheet {
            inner,
            started: false,
            quoted: false,
            quote_pending: false,
            field: Vec::new(),
            column: 0,
        }
    }

    /// Write out the field read so far, then `end` (`;` or a line break).
    fn emit(&mut self, end: &[u8]) -> io::Result<()> {
        let f = std::mem::take(&mut self.field);
        let as_text = self.column == 0 && !f.is_empty() && f.iter().all(u8::is_ascii_digit);
        if as_text {
            self.inner.write_all(b"\"=\"\"")?;
            self.inner.write_all(&f)?;
            self.inner.write_all(b"\"\"\"")?;
        } else if f.iter().any(|&b| matches!(b, b';' | b'"' | b'\n' | b'\r')) {
            self.inner.write_all(b"\"")?;
            for &b in &f {
                if b == b'"' {
                    self.inner.write_all(b"\"\"")?;
                } else {
                    self.inner.write_all(&[b])?;
                }
            }
            self.inner.write_all(b"\"")?;
        } else {
            self.inner.write_all(&f)?;
        }
        self.inner.write_all(end)?;
        self.column = if end == b";" { self.column + 1 } else { 0 };
        Ok(())
    }

    fn byte(&mut self, b: u8) -> io::Result<()> {
        if self.quote_pending {
            self.quote_pending = false;
            if b == b'"' {
                self.field.push(b'"');
                return Ok(());
            }
            self.quoted = false;
        }
        if self.quoted {
            if b == b'"' {
                self.quote_pending = true;
            } else {
                self.field.push(b);
            }
            return Ok(());
        }
        match b {
            b'"' if self.field.is_empty() => self.quoted = true,
            b',' => self.emit(b";")?,
            b'\n' => self.emit(b"\r\n")?,
            b'\r' => {}
            _ => self.field.push(b),
        }
        Ok(())
    }
}

impl<W: Write> Write for Spreadsheet<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.started {
            self.started = true;
            self.inner.write_all("\u{FEFF}".as_bytes())?;
        }
        for &b in buf {
            self.byte(b)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.quote_pending {
            self.quote_pending = false;
            self.quoted = false;
        }
        if !self.field.is_empty() {
            self.emit(b"")?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excel(s: &str) -> String {
        let mut w = Spreadsheet::new(Vec::new());
        // Split the input to show fields survive any cut between writes.
        for chunk in s.as_bytes().chunks(3) {
            let _ = w.write_all(chunk);
        }
        let _ = w.flush();
        String::from_utf8(w.inner).unwrap_or_default()
    }

    #[test]
    fn semicolons_bom_and_numbers_kept_as_text() {
        let got = excel(
            "nisn,status,alasan\n0012345678,diterima,\n0099,tidak_diterima,\"kunci a=1, b=2; c\"\n",
        );
        assert_eq!(
            got,
            "\u{FEFF}nisn;status;alasan\r\n\"=\"\"0012345678\"\"\";diterima;\r\n\"=\"\"0099\"\"\";tidak_diterima;\"kunci a=1, b=2; c\"\r\n"
        );
        // A quote inside a field stays one quote, quoted again.
        assert_eq!(
            excel("a,\"x \"\"y\"\" z\"\n"),
            "\u{FEFF}a;\"x \"\"y\"\" z\"\r\n"
        );
    }
}
