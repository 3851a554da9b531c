//! The Indonesian glossary (docs/glosarium.md, issue 17 item 9) names every
//! statement keyword the checker knows, so a writer finds each word there.
//! The Indonesian language reference (docs/bahasa.md) is a translation of
//! docs/language.md: it names every statement keyword too, and keeps the
//! English reference's headings and code blocks, so the two cannot drift
//! apart silently.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

fn read_doc(rel: &str) -> String {
    std::fs::read_to_string(common::berkas(rel)).unwrap()
}

/// The statement keywords `rel` does not name in backticks.
fn kata_hilang(rel: &str) -> Vec<&'static str> {
    let text = read_doc(rel);
    juknis::model::lower::statement_shapes()
        .map(|(k, _)| k)
        .filter(|k| !text.contains(&format!("`{k}`")))
        .collect()
}

#[test]
fn the_glossary_names_every_statement_keyword() {
    let missing = kata_hilang("docs/glosarium.md");
    assert!(missing.is_empty(), "not in docs/glosarium.md: {missing:?}");
}

#[test]
fn the_indonesian_reference_names_every_statement_keyword() {
    let missing = kata_hilang("docs/bahasa.md");
    assert!(missing.is_empty(), "not in docs/bahasa.md: {missing:?}");
}

/// Is this line a code fence (```, with or without an info string)?
fn pagar(line: &str) -> Option<&str> {
    line.trim_start().strip_prefix("```").map(str::trim)
}

/// The headings outside code fences: (level, line number, text).
fn judul(text: &str) -> Vec<(usize, usize, &str)> {
    let mut dalam_kode = false;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if pagar(line).is_some() {
            dalam_kode = !dalam_kode;
            continue;
        }
        if dalam_kode {
            continue;
        }
        let n = line.bytes().take_while(|&b| b == b'#').count();
        if n > 0 && line[n..].starts_with(' ') {
            out.push((n, i + 1, line));
        }
    }
    out
}

#[test]
fn the_indonesian_reference_keeps_the_heading_structure_of_language_md() {
    let en = read_doc("docs/language.md");
    let id = read_doc("docs/bahasa.md");
    let (en, id) = (judul(&en), judul(&id));
    for (i, (e, b)) in en.iter().zip(&id).enumerate() {
        assert_eq!(
            e.0,
            b.0,
            "heading {} differs in level:\n  docs/language.md:{}: {}\n  docs/bahasa.md:{}: {}",
            i + 1,
            e.1,
            e.2,
            b.1,
            b.2
        );
    }
    assert_eq!(
        en.len(),
        id.len(),
        "docs/language.md has {} headings, docs/bahasa.md {}; the first unmatched: {:?}",
        en.len(),
        id.len(),
        en.get(id.len()).or(id.get(en.len()))
    );
}

/// One line of juknis without its `//` comment (a `// juknis:` directive is
/// code and stays) and without trailing spaces. `//` inside a quoted text
/// (a URL) is not a comment.
fn tanpa_komentar(line: &str) -> &str {
    let b = line.as_bytes();
    let (mut dalam_teks, mut i) = (false, 0);
    while i < b.len() {
        match b[i] {
            b'\\' if dalam_teks => i += 1,
            b'"' => dalam_teks = !dalam_teks,
            b'/' if !dalam_teks && b.get(i + 1) == Some(&b'/') => {
                if line[i + 2..].trim_start().starts_with("juknis:") {
                    break;
                }
                return line[..i].trim_end();
            }
            _ => {}
        }
        i += 1;
    }
    line.trim_end()
}

/// The fenced code blocks: (info string, line number of the fence, lines
/// without comments).
fn blok_kode(text: &str) -> Vec<(String, usize, Vec<String>)> {
    let mut out: Vec<(String, usize, Vec<String>)> = Vec::new();
    let mut dalam_kode = false;
    for (i, line) in text.lines().enumerate() {
        match pagar(line) {
            Some(info) if !dalam_kode => {
                dalam_kode = true;
                out.push((info.to_string(), i + 1, Vec::new()));
            }
            Some(_) => dalam_kode = false,
            None if dalam_kode => out
                .last_mut()
                .unwrap()
                .2
                .push(tanpa_komentar(line).to_string()),
            None => {}
        }
    }
    out
}

/// Every code block of docs/bahasa.md — the ```juknis ones and the plain ```
/// ones, which hold juknis too — is the block of docs/language.md at the same
/// place, line for line, once `//` comments (which may be translated) and
/// trailing spaces are removed.
#[test]
fn the_indonesian_reference_keeps_the_code_blocks_of_language_md() {
    let en = read_doc("docs/language.md");
    let id = read_doc("docs/bahasa.md");
    let (en, id) = (blok_kode(&en), blok_kode(&id));
    assert!(
        en.iter().filter(|b| b.0 == "juknis").count() >= 2,
        "docs/language.md lost its ```juknis blocks?"
    );
    for (i, (e, b)) in en.iter().zip(&id).enumerate() {
        assert_eq!(
            e.0,
            b.0,
            "code block {} has fence ```{} in docs/language.md:{} but ```{} in docs/bahasa.md:{}",
            i + 1,
            e.0,
            e.1,
            b.0,
            b.1
        );
        assert_eq!(
            e.2,
            b.2,
            "code block {} (docs/language.md:{}, docs/bahasa.md:{}) differs outside its comments",
            i + 1,
            e.1,
            b.1
        );
    }
    assert_eq!(
        en.len(),
        id.len(),
        "docs/language.md has {} code blocks, docs/bahasa.md {}",
        en.len(),
        id.len()
    );
}

#[test]
fn comments_are_removed_outside_quoted_text_only() {
    assert_eq!(
        tanpa_komentar("  maksimal 3   // paling banyak"),
        "  maksimal 3"
    );
    assert_eq!(tanpa_komentar("  // metode radius 3 km"), "");
    assert_eq!(
        tanpa_komentar("pengaduan \"https://x.go.id/a\"  // kanal"),
        "pengaduan \"https://x.go.id/a\""
    );
    assert_eq!(
        tanpa_komentar("  // juknis:abaikan kuota.mutasi.max alasan \"P 1\""),
        "  // juknis:abaikan kuota.mutasi.max alasan \"P 1\""
    );
    assert_eq!(tanpa_komentar("x \"a\\\"//b\" // c"), "x \"a\\\"//b\"");
}
