//! Checks that run on the raw bytes before the grammar sees them: size, encoding
//! (UTF-16 named), binary content, hidden characters, and brace nesting. They turn hostile input (a 10 MB file,
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
    // UTF-16 (Notepad's "Unicode"): a byte-order mark, or every other byte NUL.
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (bytes.len() >= 4 && (bytes[1] == 0 && bytes[3] == 0 || bytes[0] == 0 && bytes[2] == 0));
    if utf16 {
        return Err(Diagnostic::new(
            "berkas.utf8",
            t!(
                "berkas ini UTF-16, bukan UTF-8",
                "this file is UTF-16, not UTF-8"
            ),
        )
        .at(Span::new(0, 0), None)
        .help(t!(
            "simpan sebagai UTF-8 (di Notepad: Simpan Sebagai → Encoding UTF-8, bukan \"Unicode\")",
            "save it as UTF-8 (in Notepad: Save As → Encoding UTF-8, not \"Unicode\")"
        )));
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

/// The name of a character that changes what a reader sees without showing
/// itself: bidirectional controls (the "Trojan Source" attack), zero-width and
/// joining characters, the no-break space.
fn tak_terlihat(c: char) -> Option<(&'static str, bool)> {
    // (name, is a bidi control)
    Some(match c {
        '\u{202A}' => ("LEFT-TO-RIGHT EMBEDDING", true),
        '\u{202B}' => ("RIGHT-TO-LEFT EMBEDDING", true),
        '\u{202C}' => ("POP DIRECTIONAL FORMATTING", true),
        '\u{202D}' => ("LEFT-TO-RIGHT OVERRIDE", true),
        '\u{202E}' => ("RIGHT-TO-LEFT OVERRIDE", true),
        '\u{2066}' => ("LEFT-TO-RIGHT ISOLATE", true),
        '\u{2067}' => ("RIGHT-TO-LEFT ISOLATE", true),
        '\u{2068}' => ("FIRST STRONG ISOLATE", true),
        '\u{2069}' => ("POP DIRECTIONAL ISOLATE", true),
        '\u{200B}' => ("ZERO WIDTH SPACE", false),
        '\u{200C}' => ("ZERO WIDTH NON-JOINER", false),
        '\u{200D}' => ("ZERO WIDTH JOINER", false),
        '\u{200E}' => ("LEFT-TO-RIGHT MARK", false),
        '\u{200F}' => ("RIGHT-TO-LEFT MARK", false),
        '\u{2060}' => ("WORD JOINER", false),
        '\u{FEFF}' => ("ZERO WIDTH NO-BREAK SPACE", false),
        '\u{00AD}' => ("SOFT HYPHEN", false),
        '\u{00A0}' => ("NO-BREAK SPACE", false),
        _ => return None,
    })
}

/// Characters a reader cannot see. A bidirectional control is reported wherever
/// it is, comments and texts included (it can make code look like a comment);
/// the others outside comments and texts (there they break keywords and names
/// that look right; inside a quoted text they change nothing). The text
/// the grammar then reads has each one replaced by spaces of the same byte
/// length, so positions stay true and one hidden character gives one diagnostic.
pub fn safe_text(src: &str) -> (std::borrow::Cow<'_, str>, Vec<Diagnostic>) {
    // Fast path: every character concerned is outside ASCII.
    if src.is_ascii() {
        return (std::borrow::Cow::Borrowed(src), Vec::new());
    }
    let mut out = Vec::new();
    let mut clean = String::with_capacity(src.len());
    let mut in_comment = false;
    let mut in_string = false;
    let mut prev = '\n';
    for (i, c) in src.char_indices() {
        if c == '\n' {
            in_comment = false;
            in_string = false;
        } else if !in_comment && c == '"' && !(in_string && prev == '\\') {
            in_string = !in_string;
        } else if !in_comment && !in_string && prev == '/' && c == '/' {
            in_comment = true;
        }
        prev = c;
        // A byte-order mark at the very start is harmless and skipped by the grammar.
        let hit = if i == 0 && c == '\u{FEFF}' {
            None
        } else {
            tak_terlihat(c)
        };
        match hit {
            Some((name, bidi)) if bidi || !(in_comment || in_string) => {
                let u = c as u32;
                let span = Span::new(i, i + c.len_utf8());
                let d = if bidi {
                    Diagnostic::new(
                        "teks.bidi",
                        t!(
                            "karakter pengendali arah teks U+{u:04X} {name}: teks bisa tampak berbeda dari isinya",
                            "bidirectional control U+{u:04X} {name}: the text can look different from what it says"
                        ),
                    )
                    .at(span, Some(t!("karakter tersembunyi di sini", "hidden character here")))
                    .help(t!(
                        "hapus karakter ini; juknis tidak memerlukan pengendali arah teks",
                        "remove this character; a juknis needs no direction controls"
                    ))
                } else {
                    Diagnostic::new(
                        "teks.tak_terlihat",
                        t!(
                            "karakter tak terlihat U+{u:04X} {name}",
                            "invisible character U+{u:04X} {name}"
                        ),
                    )
                    .at(span, Some(t!("di sini", "here")))
                    .help(t!(
                        "hapus karakter ini atau ganti dengan spasi biasa (biasanya terbawa saat menyalin dari Word atau PDF)",
                        "remove it or replace it with a plain space (it usually comes from copying out of Word or a PDF)"
                    ))
                };
                out.push(d);
                clean.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
            _ => clean.push(c),
        }
    }
    if out.is_empty() {
        (std::borrow::Cow::Borrowed(src), out)
    } else {
        (std::borrow::Cow::Owned(clean), out)
    }
}
