//! Source text → syntax tree. `parse` never panics: whatever the bytes, it returns
//! the tree it could build and the diagnostics explaining the rest.

pub mod ast;
pub mod kurung;
pub mod limits;
mod parser;
pub use crate::span;

use crate::diagnostic::Diagnostic;

pub struct Parsed {
    pub file: Option<ast::File>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parse a juknis from raw bytes (the caller need not have checked the encoding).
pub fn parse_bytes(bytes: &[u8]) -> Parsed {
    parse_bytes_with(bytes, crate::batas::UKURAN_BERKAS)
}

/// `parse_bytes` accepting files up to `maks_ukuran` bytes.
pub fn parse_bytes_with(bytes: &[u8], maks_ukuran: usize) -> Parsed {
    match limits::decode(bytes, maks_ukuran) {
        Ok(src) => parse(src),
        Err(d) => Parsed {
            file: None,
            diagnostics: vec![d],
        },
    }
}

pub fn parse(src: &str) -> Parsed {
    let (src, mut tersembunyi) = limits::safe_text(src);
    if let Some(d) = limits::check_braces(&src)
        .err()
        .or_else(|| limits::check_lines(&src).err())
    {
        tersembunyi.push(d);
        return Parsed {
            file: None,
            diagnostics: tersembunyi,
        };
    }
    let mut parsed = parser::parse(&src);
    tersembunyi.append(&mut parsed.diagnostics);
    parsed.diagnostics = tersembunyi;
    parsed
}
