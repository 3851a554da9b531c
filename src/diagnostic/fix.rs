//! Applying the fixes the checker is sure of (`juknis check --fix`): every
//! diagnostic's edits, in file order, an edit overlapping an earlier one left
//! for the next round.

use super::Diagnostic;

/// The source with every non-overlapping fix applied, and how many were;
/// `None` when there is nothing to apply.
pub fn apply(src: &str, diags: &[Diagnostic]) -> Option<(String, usize)> {
    let mut fixes: Vec<&super::Fix> = diags.iter().flat_map(|d| d.fixes.iter()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    fixes.dedup();
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    let mut n = 0;
    for f in fixes {
        let (start, end) = (f.span.start, f.span.end);
        // Overlapping an applied edit, outside the text, or not on character
        // boundaries: left for the next round (or never, if it is wrong).
        if start < at || end > src.len() || start > end {
            continue;
        }
        let (Some(before), Some(_)) = (src.get(at..start), src.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&f.replacement);
        at = end;
        n += 1;
    }
    if n == 0 {
        return None;
    }
    out.push_str(src.get(at..).unwrap_or(""));
    Some((out, n))
}
