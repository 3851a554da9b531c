//! `juknis fmt`: one canonical layout. A lexical pass over a file that parses:
//!
//! - two spaces of indentation per open `{`; a line that starts with `}` is
//!   dedented by it;
//! - one space between tokens, and the same spacing around punctuation whatever
//!   the input had: `usia { … }`, `a, b`, `skor x = a + b`, `rapor(semester 1..5)`,
//!   `35%`;
//! - no trailing blanks, at most one blank line in a row, no blank line at the
//!   start, LF line ends, no BOM, one final newline.
//!
//! Line breaks are kept (a statement per line, or a short block on one line, is the
//! writer's choice) and comments stay where they are, verbatim. Strings are never
//! touched. Spacing only changes at token boundaries the grammar skips blanks at,
//! so the meaning — the compiled plan — never changes, and formatting twice
//! changes nothing (tests/fmt.rs, fuzz/fuzz_targets/format.rs).

use crate::diagnostic::Diagnostic;
use crate::syntax::ast;

/// Why a file is not formatted.
#[derive(Debug)]
pub enum FmtError {
    /// The file does not parse: formatting would guess. The diagnostics say why.
    Sintaks(Vec<Diagnostic>),
}

/// Format `src`; refuses a file with syntax errors.
pub fn format(src: &str) -> Result<String, FmtError> {
    let parsed = crate::syntax::parse(src);
    let bad: Vec<Diagnostic> = parsed
        .diagnostics
        .into_iter()
        .filter(|d| {
            d.code == "sintaks" || d.code.starts_with("berkas.") || d.code.starts_with("batas.")
        })
        .collect();
    let Some(file) = parsed.file.filter(|_| bad.is_empty()) else {
        return Err(FmtError::Sintaks(bad));
    };
    let mut starts = Vec::new();
    statement_starts(&file, &mut starts);
    starts.sort_unstable();
    Ok(layout(src, &starts))
}

/// Where every statement begins (byte offsets), at any depth: the formatter puts
/// two spaces between statements that share a line, and indents a line that does
/// not begin a statement one step further (a continued statement).
fn statement_starts(f: &ast::File, out: &mut Vec<usize>) {
    items(&f.items, out);
}

/// `statement_starts` for a list of top-level statements (a `bagian` holds one).
fn items(list: &[crate::span::Spanned<ast::Item>], out: &mut Vec<usize>) {
    fn jalur(j: &ast::Jalur, out: &mut Vec<usize>) {
        for it in &j.isi {
            out.push(it.span.start);
            if let ast::JalurItem::Sub(s) = &it.node {
                jalur(s, out);
            }
        }
    }
    for it in list {
        out.push(it.span.start);
        match &it.node {
            ast::Item::Bagian { items: inner, .. } => items(inner, out),
            ast::Item::Usia(v) => out.extend(v.iter().map(|x| x.span.start)),
            ast::Item::Wilayah(v) => out.extend(v.iter().map(|x| x.span.start)),
            ast::Item::DayaTampung(v) => out.extend(v.iter().map(|x| x.span.start)),
            ast::Item::Pilihan(v) => out.extend(v.iter().map(|x| x.span.start)),
            ast::Item::Poin { baris, .. } => out.extend(baris.iter().map(|x| x.span.start)),
            ast::Item::Tahap { isi, .. } => out.extend(isi.iter().map(|x| x.span.start)),
            ast::Item::KuotaSekolah { isi, .. } => out.extend(isi.iter().map(|x| x.span.start)),
            ast::Item::Jalur(j) => jalur(j, out),
            _ => {}
        }
    }
}

/// One line split into code and an optional trailing `//` comment (quotes respected).
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let b = line.as_bytes();
    let mut in_str = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if in_str => i += 1,
            b'"' => in_str = !in_str,
            b'/' if !in_str && b.get(i + 1) == Some(&b'/') => {
                return (&line[..i], Some(&line[i..]))
            }
            _ => {}
        }
        i += 1;
    }
    (line, None)
}

/// A piece of a line of code.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Atom<'a> {
    /// A string with its quotes (or an unclosed one to the end of the line).
    Str(&'a str),
    /// One of `{ } , ( ) = + %`.
    Punct(char),
    /// Any other run of non-blank characters.
    Word(&'a str),
}

const PUNCT: &[char] = &['{', '}', ',', '(', ')', '=', '+', '%'];

/// Split code into atoms, each with whether blanks preceded it and its byte
/// offset in `code`.
fn atoms(code: &str) -> Vec<(Atom<'_>, bool, usize)> {
    let mut out = Vec::new();
    let mut gap = false;
    let mut it = code.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == ' ' || c == '\t' {
            gap = true;
            continue;
        }
        let atom = if c == '"' {
            let mut end = code.len();
            let mut escaped = false;
            for (j, d) in it.by_ref() {
                if escaped {
                    escaped = false;
                } else if d == '\\' {
                    escaped = true;
                } else if d == '"' {
                    end = j + 1;
                    break;
                }
            }
            Atom::Str(&code[i..end])
        } else if PUNCT.contains(&c) {
            Atom::Punct(c)
        } else {
            let mut end = code.len();
            while let Some(&(j, d)) = it.peek() {
                if d == ' ' || d == '\t' || d == '"' || PUNCT.contains(&d) {
                    end = j;
                    break;
                }
                it.next();
            }
            Atom::Word(&code[i..end])
        };
        out.push((atom, gap, i));
        gap = false;
    }
    out
}

fn ends_digit(a: Atom) -> bool {
    matches!(a, Atom::Word(w) if w.ends_with(|c: char| c.is_ascii_digit()))
}

fn starts_digit(a: Atom) -> bool {
    matches!(a, Atom::Word(w) if w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a space goes between atoms `a` and `b`. `gap`: the input had one;
/// `paren`: inside `( … )`; `before`/`after`: the atoms around the pair.
fn space(
    a: Atom,
    b: Atom,
    gap: bool,
    paren: bool,
    before: Option<Atom>,
    after: Option<Atom>,
) -> bool {
    use Atom::{Punct, Word};
    match (a, b) {
        // `27,5%` and `1.000,00` are one token, `27, 5%` two: keep as written.
        (_, Punct(',')) if ends_digit(a) && after.is_some_and(starts_digit) => gap,
        (Punct(','), _) if before.is_some_and(ends_digit) && starts_digit(b) => gap,
        (_, Punct(',')) => false,
        (Punct('{'), Punct('}')) => false,
        (Punct('{' | '}' | '=' | '+'), _) | (_, Punct('{' | '}' | '=' | '+')) => true,
        (Punct(','), _) => true,
        (Word(_), Punct('(')) | (Punct('('), _) | (_, Punct(')')) => false,
        (_, Punct('%')) if ends_digit(a) => false,
        (Punct('%'), Word(_)) => true,
        // `semester 1 .. 5` → `1..5`, only inside parentheses: elsewhere `..` can
        // be part of a name (`acuan a..b`).
        (Word(x), Word(y)) if paren && joins_range(x, y, before, after) => false,
        _ => gap,
    }
}

/// `x y` is a split `int..int`: `1 ..5`, `1.. 5`, or either side of `1 .. 5`.
fn joins_range(x: &str, y: &str, before: Option<Atom>, after: Option<Atom>) -> bool {
    let digit_end = |s: &str| s.ends_with(|c: char| c.is_ascii_digit());
    let digit_start = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    if y == ".." {
        return digit_end(x) && after.is_some_and(starts_digit);
    }
    if x == ".." {
        return before.is_some_and(ends_digit) && digit_start(y);
    }
    match (x.strip_suffix(".."), y.strip_prefix("..")) {
        (Some(left), None) => digit_end(left) && digit_start(y),
        (None, Some(right)) => digit_end(x) && digit_start(right),
        _ => false,
    }
}

/// One line of code in canonical spacing.
struct Line {
    code: String,
    /// `{` minus `}`.
    delta: i32,
    /// How many `}` it starts with.
    leading_close: usize,
    /// Its first atom begins a statement (or a block, or ends one).
    starts_statement: bool,
}

/// `code` sits at byte `base` of the file; `starts`: sorted statement starts.
fn normalise(code: &str, base: usize, starts: &[usize]) -> Line {
    let atoms = atoms(code);
    let is_start = |off: usize| starts.binary_search(&(base + off)).is_ok();
    let mut out = String::with_capacity(code.len());
    let mut depth = 0i32;
    let mut paren = 0i32;
    let mut leading_close = 0usize;
    let mut seen_other = false;
    for (k, &(atom, gap, off)) in atoms.iter().enumerate() {
        if k > 0 {
            let prev = atoms[k - 1].0;
            if is_start(off) && prev != Atom::Punct('{') {
                // Two statements on one line: `maksimal 1  mekanisme tunggal`.
                out.push_str("  ");
            } else {
                let before = k.checked_sub(2).and_then(|i| atoms.get(i)).map(|a| a.0);
                let after = atoms.get(k + 1).map(|a| a.0);
                if space(prev, atom, gap, paren > 0, before, after) {
                    out.push(' ');
                }
            }
        }
        match atom {
            Atom::Str(s) | Atom::Word(s) => out.push_str(s),
            Atom::Punct(c) => out.push(c),
        }
        match atom {
            Atom::Punct('{') => depth += 1,
            Atom::Punct('}') => {
                depth -= 1;
                if !seen_other {
                    leading_close += 1;
                }
            }
            Atom::Punct('(') => paren += 1,
            Atom::Punct(')') => paren = (paren - 1).max(0),
            _ => {}
        }
        if atom != Atom::Punct('}') {
            seen_other = true;
        }
    }
    let starts_statement = match atoms.first() {
        None => true,
        Some(&(Atom::Punct('{' | '}'), _, _)) => true,
        Some(&(_, _, off)) => is_start(off),
    };
    Line {
        code: out,
        delta: depth,
        leading_close,
        starts_statement,
    }
}

enum Row<'a> {
    Blank,
    Comment(&'a str),
    Code(Line, Option<&'a str>),
}

fn layout(src: &str, starts: &[usize]) -> String {
    let mut rows = Vec::new();
    let mut base = 0usize;
    let mut first_code = true;
    for raw in src.split_inclusive('\n') {
        let line_base = base;
        base += raw.len();
        let mut line = raw.trim_end_matches(['\n', '\r', ' ', '\t']);
        let mut lead = 0;
        if line_base == 0 {
            if let Some(rest) = line.strip_prefix('\u{FEFF}') {
                lead = line.len() - rest.len();
                line = rest;
            }
        }
        let trimmed = line.trim_start_matches([' ', '\t']);
        lead += line.len() - trimmed.len();
        if trimmed.is_empty() {
            rows.push(Row::Blank);
            continue;
        }
        let (code, comment) = split_comment(trimmed);
        if code.trim().is_empty() {
            rows.push(Row::Comment(trimmed.trim_end()));
            continue;
        }
        let mut l = normalise(code, line_base + lead, starts);
        // The `juknis "…" {` line opens the file.
        l.starts_statement |= first_code;
        first_code = false;
        rows.push(Row::Code(l, comment));
    }

    let mut out = String::with_capacity(src.len());
    let mut depth: i32 = 0;
    let mut blank = false;
    // No blank line at the start of the file, after a `{` or before a `}`.
    let mut after_open = true;
    for (i, row) in rows.iter().enumerate() {
        let (indent, closes) = match row {
            Row::Blank => {
                blank = true;
                continue;
            }
            // A comment goes with the code after it: into a continued statement,
            // or at the block's depth.
            Row::Comment(_) => {
                let next = rows[i..].iter().find_map(|r| match r {
                    Row::Code(l, _) => Some(l),
                    _ => None,
                });
                let cont = next.is_some_and(|l| !l.starts_statement);
                (depth + i32::from(cont), false)
            }
            Row::Code(l, _) => (
                depth - l.leading_close as i32 + i32::from(!l.starts_statement),
                l.leading_close > 0,
            ),
        };
        if blank && !after_open && !closes {
            out.push('\n');
        }
        blank = false;
        out.push_str(&"  ".repeat(indent.max(0) as usize));
        match row {
            Row::Comment(c) => {
                out.push_str(c);
                after_open = false;
            }
            Row::Code(l, comment) => {
                out.push_str(&l.code);
                if let Some(c) = comment {
                    out.push(' ');
                    out.push_str(c.trim_end());
                }
                after_open = l.code.ends_with('{');
                depth = (depth + l.delta).max(0);
            }
            Row::Blank => {}
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(src: &str) -> String {
        match format(src) {
            Ok(s) => s,
            Err(e) => format!("{e:?}"),
        }
    }

    #[test]
    fn indents_blocks_and_keeps_comments() {
        let src = "\u{FEFF}\n\n// kepala\njuknis \"x\" {\n\n\t acuan   permendikdasmen-3-2025   // acuan\n\n\n\n      usia {  tanggal_acuan 2025-07-01 maksimal 15 tahun}\n pengaduan \"a  //  b\"\n  skor n = 60% a\n// bobot\n+ 40% b\n\n}\n\n";
        let out = fmt(src);
        assert_eq!(
            out,
            "// kepala\njuknis \"x\" {\n  acuan permendikdasmen-3-2025 // acuan\n\n  usia { tanggal_acuan 2025-07-01  maksimal 15 tahun }\n  pengaduan \"a  //  b\"\n  skor n = 60% a\n    // bobot\n    + 40% b\n}\n"
        );
        assert_eq!(fmt(&out), out);
    }

    #[test]
    fn refuses_a_file_that_does_not_parse() {
        assert!(matches!(
            format("juknis \"x\" {\n  acuan a\n"),
            Err(FmtError::Sintaks(d)) if !d.is_empty()
        ));
    }

    #[test]
    fn one_spacing_around_punctuation() {
        let cases = [
            (
                "usia{tanggal_acuan 2025-07-01}",
                "usia { tanggal_acuan 2025-07-01 }",
            ),
            ("dokumen kip ,pkh,kks", "dokumen kip, pkh, kks"),
            (
                "skor n=40 %rapor ( semester 1 .. 5,mapel a )+60% tes(x)",
                "skor n = 40% rapor(semester 1..5, mapel a) + 60% tes(x)",
            ),
            ("rapor(semester 1 ..5)", "rapor(semester 1..5)"),
            ("rapor(semester 1.. 5)", "rapor(semester 1..5)"),
            ("jalur a 27,5% {}", "jalur a 27,5% {}"),
            ("jalur a 27 , 5% { }", "jalur a 27 , 5% {}"),
            ("biaya Rp 1.000,00", "biaya Rp 1.000,00"),
            ("acuan a .. b", "acuan a .. b"),
            ("pengaduan \"a{b , c}\"  ", "pengaduan \"a{b , c}\""),
            (
                "juara internasional 100,nasional 50 ,provinsi 25",
                "juara internasional 100, nasional 50, provinsi 25",
            ),
        ];
        for (src, want) in cases {
            assert_eq!(normalise(src, 0, &[]).code, want, "{src}");
            assert_eq!(normalise(want, 0, &[]).code, want, "{want}");
        }
    }
}
