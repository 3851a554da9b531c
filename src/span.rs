//! Byte spans into the source text. Equality of spanned nodes ignores the span, so
//! tests (and the formatter's round-trip check) compare meaning, not offsets.

use serde::Serialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

#[cfg(feature = "checker")]
impl From<pest::Span<'_>> for Span {
    fn from(s: pest::Span<'_>) -> Self {
        Span::new(s.start(), s.end())
    }
}

#[derive(Debug, Clone)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.node
    }
}

/// Line starts of a text, found once: line and column of any offset by a
/// binary search, so a report with thousands of positions stays linear.
pub struct IndeksBaris {
    starts: Vec<usize>,
}

impl IndeksBaris {
    pub fn new(source: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        IndeksBaris { starts }
    }
    /// 1-based line and column (in characters) of a byte offset. The column
    /// counts the characters of one line, which is at most the line limit long.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(source.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let col = source
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or_else(|| {
                // Inside a character: count the whole characters before it.
                String::from_utf8_lossy(&source.as_bytes()[start..offset])
                    .chars()
                    .count()
            })
            + 1;
        (line.max(1), col)
    }
}

/// 1-based line and column (in characters) of a byte offset (one lookup; for
/// many, build an [`IndeksBaris`]).
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    IndeksBaris::new(source).line_col(source, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let s = "ab\nçd\n\nx";
        let ix = IndeksBaris::new(s);
        for (off, want) in [
            (0, (1, 1)),
            (2, (1, 3)),
            (3, (2, 1)),
            (5, (2, 2)),
            (7, (3, 1)),
            (8, (4, 1)),
            (99, (4, 2)),
        ] {
            assert_eq!(ix.line_col(s, off), want, "{off}");
        }
    }
}
