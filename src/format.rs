//! `juknis fmt`: one canonical layout. A lexical pass over a file that parses:
//! two spaces of indentation per open `{`, one space between tokens, no trailing
//! blanks, at most one blank line in a row, LF line ends, no BOM, a final newline.
//! Comments stay where they are and line breaks are kept (a poin row, a statement
//! per line), so the meaning — the compiled plan — never changes, and formatting
//! twice changes nothing.

use crate::diagnostic::Diagnostic;

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
    if parsed.file.is_none() || !bad.is_empty() {
        return Err(FmtError::Sintaks(bad));
    }
    Ok(layout(src))
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

/// Collapse blanks outside strings to one space; count braces outside strings.
fn normalise(code: &str) -> (String, i32, usize) {
    let mut out = String::with_capacity(code.len());
    let mut in_str = false;
    let mut escaped = false;
    let mut depth = 0i32;
    // Closing braces at the very start of the line dedent the line itself.
    let mut leading_close = 0usize;
    let mut seen_other = false;
    let mut pending_space = false;
    for c in code.chars() {
        if in_str {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        if c == ' ' || c == '\t' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            '"' => in_str = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if !seen_other {
                    leading_close += 1;
                }
            }
            _ => {}
        }
        if c != '}' {
            seen_other = true;
        }
        out.push(c);
    }
    (out, depth, leading_close)
}

fn layout(src: &str) -> String {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut out = String::with_capacity(src.len());
    let mut depth: i32 = 0;
    let mut blank_run = 0usize;
    let mut started = false;
    for raw in src.lines() {
        let line = raw
            .trim_end_matches(['\r', ' ', '\t'])
            .trim_start_matches([' ', '\t']);
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        let (code, comment) = split_comment(line);
        let (code, delta, leading_close) = normalise(code);
        let indent = (depth - leading_close as i32).max(0) as usize;
        if started && blank_run > 0 {
            out.push('\n');
        }
        blank_run = 0;
        started = true;
        out.push_str(&"  ".repeat(indent));
        out.push_str(&code);
        if let Some(c) = comment {
            if !code.is_empty() {
                out.push(' ');
            }
            out.push_str(c.trim_end());
        }
        out.push('\n');
        depth = (depth + delta).max(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_blocks_and_keeps_comments() {
        let src = "juknis \"x\" {\n\t acuan   permendikdasmen-3-2025   // acuan\n\n\n\n      usia {  tanggal_acuan 2025-07-01 }\n pengaduan \"a  //  b\"\n}\n";
        let out = layout(src);
        assert_eq!(
            out,
            "juknis \"x\" {\n  acuan permendikdasmen-3-2025 // acuan\n\n  usia { tanggal_acuan 2025-07-01 }\n  pengaduan \"a  //  b\"\n}\n"
        );
        assert_eq!(layout(&out), out);
    }
}
