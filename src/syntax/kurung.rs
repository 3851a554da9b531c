//! Where a missing or extra brace most likely is, read from the indentation a
//! writer gives the file, and the text with it mended — so the checker can
//! report the brace at its real place and still check everything else.
//!
//! A block's statements are indented deeper than the line that opens it. When
//! the braces do not balance, the first line that comes back to (or before) an
//! open block's indentation without closing it is where that block should have
//! ended. A `}` with no block to close is simply the extra one.

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::t;

/// How to mend the text: insert `text` at `at`, or remove the byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mend {
    Insert { at: usize, text: String },
    Remove { span: Span },
}

impl Mend {
    /// The mended text.
    pub fn apply(&self, src: &str) -> String {
        match self {
            Mend::Insert { at, text } => {
                let at = (*at).min(src.len());
                format!("{}{}{}", &src[..at], text, &src[at..])
            }
            Mend::Remove { span } => {
                let (a, b) = (span.start.min(src.len()), span.end.min(src.len()));
                format!("{}{}", &src[..a], &src[b..])
            }
        }
    }
    /// An offset in the mended text as an offset in the original.
    pub fn back(&self, o: usize) -> usize {
        match self {
            Mend::Insert { at, text } => {
                if o <= *at {
                    o
                } else if o >= at + text.len() {
                    o - text.len()
                } else {
                    *at
                }
            }
            Mend::Remove { span } => {
                if o < span.start {
                    o
                } else {
                    o + (span.end - span.start)
                }
            }
        }
    }
    /// Whether an offset of the mended text is inside inserted text.
    pub fn is_inserted(&self, o: usize) -> bool {
        matches!(self, Mend::Insert { at, text } if o >= *at && o < at + text.len())
    }
}

/// Braces of one line outside strings and comments: (offset, is_open).
fn braces(line: &str, base: usize) -> Vec<(usize, bool)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_str = false;
    while i < b.len() {
        match (b[i], in_str) {
            (b'\\', true) => i += 1,
            (b'"', _) => in_str = !in_str,
            (b'/', false) if b.get(i + 1) == Some(&b'/') => break,
            (b'{', false) => out.push((base + i, true)),
            (b'}', false) => out.push((base + i, false)),
            _ => {}
        }
        i += 1;
    }
    out
}

/// Where a line's statement ends: before a trailing comment and blanks.
fn statement_end(line: &str) -> usize {
    let code = crate::text::comment_start(line).map_or(line, |c| &line[..c]);
    code.trim_end().len()
}

fn indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 2 } else { 1 })
        .sum()
}

/// A `}` at `o` with no block to close: remove it.
fn extra(o: usize) -> (Diagnostic, Mend) {
    let d = Diagnostic::new(
        "sintaks",
        t!("`}}` tanpa pasangan `{{`", "`}}` without a matching `{{`"),
    )
    .at(
        Span::new(o, o + 1),
        Some(t!(
            "tidak ada blok yang ditutup di sini",
            "no block to close here"
        )),
    )
    .help(t!(
        "hapus `}}` ini atau tambahkan `{{` yang hilang",
        "remove this `}}` or add the missing `{{`"
    ));
    (
        d,
        Mend::Remove {
            span: Span::new(o, o + 1),
        },
    )
}

/// The likely place of the brace problem, its diagnostic, and the mend; `None`
/// when the braces balance or the indentation says nothing.
pub fn locate(src: &str) -> Option<(Diagnostic, Mend)> {
    // (offset of `{`, indentation of its line, 1-based line, a deeper line seen)
    let mut open: Vec<(usize, usize, usize, bool)> = Vec::new();
    let mut at = 0;
    for (n, line) in src.split('\n').enumerate() {
        let base = at;
        at += line.len() + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        let ind = indent(line);
        if let Some(top) = open.last_mut() {
            let (_, oi, _, deeper) = *top;
            if ind > oi {
                top.3 = true;
            } else if !t.starts_with('}') && !deeper {
                // A block whose first statement is not indented: the file's
                // indentation says nothing about where blocks end.
                return None;
            }
        }
        if let Some(&(o, oi, ol, _)) = open.last() {
            // A statement back at the block's level, or a `}` further out than
            // the block's own: the block should have closed before this line.
            let closes_outer = t.starts_with('}') && ind < oi;
            if (ind <= oi && !t.starts_with('}')) || closes_outer {
                // The block opened at line `ol` should have closed before this
                // line: insert its `}` at the end of the previous statement.
                let prev_end = src[..base].trim_end().len();
                let pad = " ".repeat(oi);
                let opener = src[..o].rsplit('\n').next().unwrap_or("").trim();
                let line_no = n + 1;
                let d = Diagnostic::new(
                    "sintaks",
                    t!(
                        "blok `{opener} {{` (baris {ol}) tidak ditutup sebelum baris {line_no}",
                        "the `{opener} {{` block (line {ol}) is not closed before line {line_no}"
                    ),
                )
                .at(
                    Span::new(
                        base + (line.len() - line.trim_start().len()),
                        base + statement_end(line),
                    ),
                    Some(t!(
                        "blok sebelumnya belum ditutup",
                        "the block above is still open"
                    )),
                )
                .also(Span::new(o, o + 1), t!("dibuka di sini", "opened here"))
                .help(t!(
                    "tambahkan `}}` sebelum baris {line_no}, sejajar dengan baris {ol}",
                    "add `}}` before line {line_no}, in line with line {ol}"
                ));
                return Some((
                    d,
                    Mend::Insert {
                        at: prev_end,
                        text: format!("\n{pad}}}"),
                    },
                ));
            }
        }
        // A `}` opening a line deeper than its block's first line closes the
        // block in the middle of its statements: the extra one.
        if let (true, Some(&(_, oi, _, true))) = (t.starts_with('}'), open.last()) {
            if ind > oi {
                let o = base + line.len() - line.trim_start().len();
                return Some(extra(o));
            }
        }
        for (o, is_open) in braces(line, base) {
            if is_open {
                open.push((o, ind, n + 1, false));
            } else if open.pop().is_none() {
                return Some(extra(o));
            }
        }
    }
    None
}
