//! "Did you mean": a case-insensitive exact match first, then the closest word by
//! normalised edit distance, only when it is close enough to be a typo.

pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        if c.to_lowercase() == lower {
            return Some(c);
        }
        let score = similarity(&lower, &c.to_lowercase());
        let prefix = c.starts_with(&lower) && lower.len() >= 3;
        let score = if prefix { score.max(0.75) } else { score };
        if score >= 0.6 && best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

/// How alike two words are (0–1). A shared leading part of compound words
/// (`kuota_` in `kuota_total` and `kuota_sekolah`) is no evidence of a typo:
/// only what follows it is compared.
fn similarity(a: &str, b: &str) -> f64 {
    let shared = a
        .char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .filter(|((_, x), _)| *x == '_')
        .map(|((i, _), _)| i + 1)
        .last()
        .unwrap_or(0);
    let whole = strsim::normalized_damerau_levenshtein(a, b);
    if shared == 0 || shared == a.len() || shared == b.len() {
        return whole;
    }
    whole.min(strsim::normalized_damerau_levenshtein(
        &a[shared..],
        &b[shared..],
    ))
}

/// `did you mean `x`?` help text, or a list of the allowed words.
pub fn help_for(word: &str, candidates: &[&str]) -> crate::diagnostic::Text {
    let list = candidates
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match closest(word, candidates.iter().copied()) {
        Some(c) => crate::diagnostic::Text::new(
            format!("mungkin maksud Anda `{c}`? (pilihan: {list})"),
            format!("did you mean `{c}`? (allowed: {list})"),
        ),
        None => crate::diagnostic::Text::new(
            format!("pilihan yang dikenal: {list}"),
            format!("allowed: {list}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn finds_typos() {
        assert_eq!(
            closest("domisli", ["domisili", "afirmasi", "prestasi", "mutasi"]),
            Some("domisili")
        );
        assert_eq!(
            closest("terdkat", ["terdekat", "terjauh"]),
            Some("terdekat")
        );
        assert_eq!(closest("xyz", ["domisili", "afirmasi"]), None);
        assert_eq!(closest("sma", ["SMA", "SMP"]), Some("SMA"));
    }

    #[test]
    fn a_shared_first_word_is_not_a_typo() {
        let kw = ["kuota_sekolah", "sisa_kuota", "sisa_pembulatan"];
        assert_eq!(closest("kuota_total", kw), None);
        assert_eq!(closest("sisa_kouta", kw), Some("sisa_kuota"));
        assert_eq!(closest("kuota_sekolh", kw), Some("kuota_sekolah"));
    }
}
