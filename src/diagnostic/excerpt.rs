//! Long lines cut around what a diagnostic marks: a line wider than `WIDTH`
//! characters is shown as a window of `WIDTH` characters holding its marks,
//! with `…` where text was left out, so one long line (a URL, a formula) does
//! not push the message off the screen. Line and column numbers stay those of
//! the file as written.

use codespan_reporting::files::{Error, Files, SimpleFile};
use std::collections::BTreeMap;
use std::ops::Range;

/// Characters of a long line shown around its marks.
pub const WIDTH: usize = 120;

/// The source as shown: long marked lines cut; `map` takes a byte offset of
/// the file to the shown text, and columns are reported as in the file.
pub struct Excerpt<'a> {
    file: SimpleFile<&'a str, String>,
    /// Per cut line (0-based): the characters left out before the window,
    /// less the one `…` that stands for them.
    shift: BTreeMap<usize, usize>,
    /// (original line start, original line end, shown start, chars cut
    /// before the window as bytes, `…` bytes before the window), per cut line.
    cuts: Vec<(usize, usize, usize, usize, usize)>,
    /// (original offset from which it applies, byte change) in file order.
    deltas: Vec<(usize, isize)>,
}

fn line_starts(src: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

impl<'a> Excerpt<'a> {
    /// Cut the long lines of `src` that `spans` mark, each span inside one line.
    pub fn new(name: &'a str, src: &str, spans: &[Range<usize>]) -> Self {
        let starts = line_starts(src);
        let line_of = |o: usize| starts.partition_point(|&s| s <= o).saturating_sub(1);
        let line_end = |l: usize| {
            starts
                .get(l + 1)
                .map_or(src.len(), |&s| s - 1)
                .max(starts[l])
        };
        // Marks per line; a line with a mark reaching past it is left whole.
        let mut marks: BTreeMap<usize, Vec<Range<usize>>> = BTreeMap::new();
        let mut whole: Vec<usize> = Vec::new();
        for s in spans {
            let (a, b) = (line_of(s.start), line_of(s.end.max(s.start + 1) - 1));
            if a == b {
                marks.entry(a).or_default().push(s.clone());
            } else {
                whole.extend(a..=b);
            }
        }
        let mut out = String::with_capacity(src.len());
        let mut shift = BTreeMap::new();
        let mut cuts = Vec::new();
        let mut deltas = Vec::new();
        let mut copied = 0;
        for (&l, ms) in &marks {
            let (ls, le) = (starts[l], line_end(l));
            let line = &src[ls..le];
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            if chars.len() <= WIDTH || whole.contains(&l) {
                continue;
            }
            let char_at = |byte: usize| chars.partition_point(|&(i, _)| i < byte);
            let lo = ms
                .iter()
                .map(|m| char_at(m.start.saturating_sub(ls)))
                .min()
                .unwrap_or(0);
            let hi = ms
                .iter()
                .map(|m| char_at(m.end.min(le).saturating_sub(ls)))
                .max()
                .unwrap_or(0)
                .max(lo);
            let (ws, we) = if hi - lo >= WIDTH {
                (lo, hi)
            } else {
                let ws = lo.saturating_sub((WIDTH - (hi - lo)) / 2);
                let we = (ws + WIDTH).min(chars.len());
                (we.saturating_sub(WIDTH).min(ws), we)
            };
            let byte = |c: usize| chars.get(c).map_or(line.len(), |&(i, _)| i);
            let (bs, be) = (byte(ws), byte(we));
            let before = if ws > 0 { "…" } else { "" };
            let after = if we < chars.len() { "…" } else { "" };
            out.push_str(&src[copied..ls]);
            let shown_start = out.len();
            out.push_str(before);
            out.push_str(&line[bs..be]);
            out.push_str(after);
            copied = le;
            shift.insert(l, ws.saturating_sub(usize::from(ws > 0)));
            cuts.push((ls, le, shown_start, bs, before.len()));
            let change = (before.len() + (be - bs) + after.len()) as isize - (le - ls) as isize;
            deltas.push((le, change));
        }
        out.push_str(&src[copied..]);
        Excerpt {
            file: SimpleFile::new(name, out),
            shift,
            cuts,
            deltas,
        }
    }

    /// A byte offset of the file, in the text shown.
    pub fn map(&self, o: usize) -> usize {
        if let Some(&(ls, le, shown, bs, ell)) = self.cuts.iter().find(|c| c.0 <= o && o <= c.1) {
            return shown + ell + (o - ls).saturating_sub(bs).min(le - ls - bs);
        }
        let d: isize = self
            .deltas
            .iter()
            .take_while(|(at, _)| *at <= o)
            .map(|(_, d)| d)
            .sum();
        o.saturating_add_signed(d)
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: ()) -> Result<&'a str, Error> {
        Files::name(&self.file, id)
    }
    fn source(&'a self, id: ()) -> Result<&'a str, Error> {
        Files::source(&self.file, id)
    }
    fn line_index(&'a self, id: (), byte_index: usize) -> Result<usize, Error> {
        self.file.line_index(id, byte_index)
    }
    fn line_range(&'a self, id: (), line_index: usize) -> Result<Range<usize>, Error> {
        self.file.line_range(id, line_index)
    }
    fn column_number(
        &'a self,
        id: (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let c = self.file.column_number(id, line_index, byte_index)?;
        Ok(c + self.shift.get(&line_index).copied().unwrap_or(0))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_around_its_mark_and_offsets_follow() {
        let long = format!(
            "  pengaduan \"{}\"",
            "x".repeat(300) + "MARK" + &"y".repeat(300)
        );
        let src = format!("a\n{long}\nb end\n");
        let m = src.find("MARK").unwrap();
        let b = src.find("b end").unwrap();
        let e = Excerpt::new("f", &src, &[m..m + 4, b..b + 1]);
        let shown = e.file.source().as_str();
        assert_eq!(&shown[e.map(m)..e.map(m + 4)], "MARK");
        assert_eq!(&shown[e.map(b)..e.map(b) + 5], "b end");
        let line = shown.lines().nth(1).unwrap();
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        assert_eq!(line.chars().count(), WIDTH + 2);
        // The column is the file's: MARK is at character 314 of line 2.
        let loc = e.location((), e.map(m)).unwrap();
        assert_eq!((loc.line_number, loc.column_number), (2, m - 2 + 1));
    }

    #[test]
    fn short_lines_and_lines_crossed_by_a_mark_stay_whole() {
        let src = format!("short\n{}\nz\n", "w".repeat(200));
        let e = Excerpt::new("f", &src, &[0..5, 3..src.len() - 1]);
        assert_eq!(e.file.source(), &src);
        assert_eq!(e.map(10), 10);
    }
}
