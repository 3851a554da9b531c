//! Checks that run on the raw bytes before the grammar sees them: size, encoding,
//! binary content, and brace nesting. They turn hostile input (a 10 MB file,
//! 10,000 nested braces, invalid UTF-8) into one clear diagnostic instead of a slow
//! parse or a stack overflow in the recursive grammar.

// The error value is the one diagnostic that stops the file; it is built once per
// file, so its size does not matter.
#![allow(clippy::result_large_err)]
use super::span::Span;
use crate::diagnostic::Diagnostic;
use crate::t;

/// Largest juknis file read by default, in bytes (raise with `--batas-ukuran`).
pub const MAX_FILE_BYTES: usize = crate::batas::UKURAN_BERKAS;
/// Longest line, in bytes. A juknis line is under 200; a longer one is data
/// pasted by mistake, or an attack on the tools that show lines.
pub const MAX_LINE_BYTES: usize = 10_000;
/// Deepest `{` nesting accepted. The language itself needs 3.
pub const MAX_DEPTH: usize = 16;

/// Decode and vet the raw file. Returns the text, or the diagnostic that stops us.
pub fn decode(bytes: &[u8], max: usize) -> Result<&str, Diagnostic> {
    if bytes.len() > max {
        let size = bytes.len();
        return Err(Diagnostic::new(
            "batas.ukuran",
            t!(
                "berkas terlalu besar: {size} bita atau lebih (batas {max} bita)",
                "file too large: {size} bytes or more (limit {max} bytes)"
            ),
        )
        .at(Span::new(0, 0), None)
        .help(t!(
            "juknis biasanya 5–30 KB; periksa apakah ini berkas yang benar (batas dapat dinaikkan dengan `--batas-ukuran`)",
            "a juknis is usually 5–30 KB; check that this is the right file (raise the limit with `--batas-ukuran`)"
        )));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(
            Diagnostic::new("berkas.kosong", t!("berkas kosong", "empty file"))
                .at(Span::new(0, 0), None)
                .help(t!(
                    "mulailah dengan `juknis \"JUDUL\" {{ … }}`; `juknis init` membuat contoh awal",
                    "start with `juknis \"TITLE\" {{ … }}`; `juknis init` writes a starting file"
                )),
        );
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(Diagnostic::new(
            "berkas.biner",
            t!(
                "berkas berisi bita NUL: ini bukan berkas teks",
                "file contains a NUL byte: this is not a text file"
            ),
        )
        .at(Span::new(pos, pos), None));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let pos = e.valid_up_to();
            Err(Diagnostic::new(
                "berkas.utf8",
                t!(
                    "berkas bukan teks UTF-8 yang sah (bita ke-{pos})",
                    "file is not valid UTF-8 (at byte {pos})"
                ),
            )
            .at(Span::new(pos, pos), None)
            .help(t!(
                "simpan berkas sebagai UTF-8 (di Notepad: Simpan Sebagai → Encoding UTF-8)",
                "save the file as UTF-8 (in Notepad: Save As → Encoding UTF-8)"
            )))
        }
    }
}

/// No line longer than `MAX_LINE_BYTES`.
pub fn check_lines(src: &str) -> Result<(), Diagnostic> {
    let mut start = 0;
    for line in src.split('\n') {
        if line.len() > MAX_LINE_BYTES {
            let (n, max) = (line.len(), MAX_LINE_BYTES);
            let mut at = start + MAX_LINE_BYTES;
            while !src.is_char_boundary(at) {
                at -= 1;
            }
            return Err(Diagnostic::new(
                "batas.panjang_baris",
                t!(
                    "baris terlalu panjang: {n} bita (batas {max})",
                    "line too long: {n} bytes (limit {max})"
                ),
            )
            .at(Span::new(at, at), Some(t!("batas di sini", "the limit is here")))
            .help(t!(
                "pecah pernyataan panjang menjadi beberapa baris; baris juknis biasanya di bawah 200 karakter",
                "break long statements over several lines; a juknis line is usually under 200 characters"
            )));
        }
        start += line.len() + 1;
    }
    Ok(())
}

/// Brace structure outside strings and comments: too deep, unclosed or unopened.
pub fn check_braces(src: &str) -> Result<(), Diagnostic> {
    let bytes = src.as_bytes();
    let mut stack: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'{' => {
                stack.push(i);
                if stack.len() > MAX_DEPTH {
                    let max = MAX_DEPTH;
                    return Err(Diagnostic::new(
                        "batas.kedalaman",
                        t!(
                            "blok `{{` bersarang terlalu dalam (batas {max})",
                            "`{{` blocks nested too deep (limit {max})"
                        ),
                    )
                    .at(Span::new(i, i + 1), Some(t!("terlalu dalam", "too deep"))));
                }
            }
            b'}' if stack.pop().is_none() => {
                return Err(Diagnostic::new(
                    "sintaks",
                    t!("`}}` tanpa pasangan `{{`", "`}}` without a matching `{{`"),
                )
                .at(
                    Span::new(i, i + 1),
                    Some(t!("tidak ada blok yang ditutup", "no block to close here")),
                )
                .help(t!(
                    "hapus `}}` ini atau tambahkan `{{` yang hilang",
                    "remove this `}}` or add the missing `{{`"
                )));
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(&open) = stack.last() {
        return Err(Diagnostic::new(
            "sintaks",
            t!(
                "blok `{{` tidak pernah ditutup",
                "`{{` block is never closed"
            ),
        )
        .at(
            Span::new(open, open + 1),
            Some(t!("blok ini dibuka di sini", "this block opens here")),
        )
        .help(t!(
            "tambahkan `}}` di akhir blok",
            "add `}}` at the end of the block"
        )));
    }
    Ok(())
}
