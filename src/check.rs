//! The checker's entry: source bytes → diagnostics (and the model when the
//! source could be read), against the rulebook the juknis names.

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::text::t;
use crate::{batas, model, rulebook, rules, syntax};

/// Everything `check` learns about one source file.
pub struct Checked {
    /// The juknis (for a file split by jenjang, its first section).
    pub juknis: Option<model::Juknis>,
    /// A file split by jenjang (`bagian SMA { … }`): every section's juknis,
    /// in file order; empty for an ordinary file.
    pub bagian: Vec<model::Juknis>,
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics set aside by `// juknis:abaikan KODE alasan "…"`, with
    /// their reasons (never silently: every output lists them).
    pub diabaikan: Vec<diagnostic::abaikan::Diabaikan>,
    /// The rulebook the file named (or the default when it named none or an
    /// unknown one, so the checks still run).
    pub rulebook: &'static rulebook::Rulebook,
}

impl Checked {
    pub fn errors(&self) -> usize {
        diagnostic::count(&self.diagnostics, Severity::Error)
    }
    pub fn warnings(&self) -> usize {
        diagnostic::count(&self.diagnostics, Severity::Warning)
    }
    /// Every juknis the file holds: its sections, or the one juknis.
    pub fn semua(&self) -> Vec<&model::Juknis> {
        if self.bagian.is_empty() {
            self.juknis.iter().collect()
        } else {
            self.bagian.iter().collect()
        }
    }
}

/// Parse, resolve and check one juknis. Never panics, whatever the bytes.
pub fn check_bytes(bytes: &[u8]) -> Checked {
    check_bytes_with(bytes, &batas::Batas::default())
}

/// `check_bytes` with other limits. A file split by jenjang is checked section
/// by section, each under its own jenjang's rules; a diagnostic the shared
/// statements raise in every section is reported once.
pub fn check_bytes_with(bytes: &[u8], batas: &batas::Batas) -> Checked {
    if let Some(c) = check_mended(bytes, batas) {
        return c;
    }
    let mut rb = rulebook::default_rulebook();
    let parsed = syntax::parse_bytes_with(bytes, batas.ukuran_berkas);
    let mut diags = parsed.diagnostics;
    let mut bagian = Vec::new();
    let juknis = parsed.file.and_then(|f| {
        let sections = model::lower::bagian::split(&f, &mut diags);
        if sections.is_empty() {
            return Some(one(&f, &mut diags, &mut rb));
        }
        for b in sections {
            let mut d = Vec::new();
            bagian.push(one(&b.file, &mut d, &mut rb));
            for x in d {
                if !diags.contains(&x) {
                    diags.push(x);
                }
            }
        }
        bagian.first().cloned()
    });
    let tahun = juknis
        .as_ref()
        .and_then(|j| j.tahun())
        .map(rulebook::TahunAjaran);
    diagnostic::finalize(&mut diags, rb, tahun);
    let diabaikan = if bytes.windows(14).any(|w| w == b"juknis:abaikan") {
        diagnostic::abaikan::apply(&String::from_utf8_lossy(bytes), &mut diags, rb)
    } else {
        Vec::new()
    };
    Checked {
        juknis,
        bagian,
        diagnostics: diags,
        diabaikan,
        rulebook: rb,
    }
}

/// Braces that do not balance: report the brace where the indentation says it
/// is, then check the text with it mended so every other problem still shows
/// (positions mapped back to the file as written). The juknis itself is not
/// kept: the file is still broken, so nothing is compiled or reported from it.
/// Up to three braces are mended; beyond that the plain brace error stands.
fn check_mended(bytes: &[u8], batas: &batas::Batas) -> Option<Checked> {
    let src = std::str::from_utf8(bytes).ok()?;
    if bytes.len() > batas.ukuran_berkas || syntax::limits::check_braces(src).is_ok() {
        return None;
    }
    let mut text = src.to_string();
    let mut mends = Vec::new();
    let mut found = Vec::new();
    while syntax::limits::check_braces(&text).is_err() {
        if mends.len() == 3 {
            return None;
        }
        let (d, m) = syntax::kurung::locate(&text)?;
        text = m.apply(&text);
        found.push(d);
        mends.push(m);
    }
    let inner = check_bytes_with(text.as_bytes(), batas);
    // Positions back through the mends, last first.
    let back = |o: usize, upto: usize| mends[..upto].iter().rev().fold(o, |o, m| m.back(o));
    let mut diags: Vec<Diagnostic> = Vec::new();
    for (i, mut d) in found.into_iter().enumerate() {
        for l in &mut d.labels {
            l.span = crate::span::Span::new(back(l.span.start, i), back(l.span.end, i));
        }
        diags.push(d);
    }
    // The brace diagnostics get their severity here; the others have theirs
    // from the inner check (for the juknis's school year).
    diagnostic::finalize(&mut diags, inner.rulebook, None);
    let n = mends.len();
    for mut d in inner.diagnostics {
        let in_mend = d
            .primary_span()
            .is_some_and(|s| mends.last().is_some_and(|m| m.is_inserted(s.start)));
        if in_mend {
            continue;
        }
        for l in &mut d.labels {
            l.span = crate::span::Span::new(back(l.span.start, n), back(l.span.end, n));
        }
        // An edit computed on the mended text is not offered on the original.
        d.fixes.clear();
        diags.push(d);
    }
    diags.sort_by_key(|d| {
        (
            d.primary_span().map(|s| s.start).unwrap_or(0),
            d.code.clone(),
        )
    });
    Some(Checked {
        juknis: None,
        bagian: Vec::new(),
        diagnostics: diags,
        diabaikan: Vec::new(),
        rulebook: inner.rulebook,
    })
}

/// Lower and check one juknis (a whole file, or one section of it).
fn one(
    f: &syntax::ast::File,
    diags: &mut Vec<Diagnostic>,
    rb: &mut &'static rulebook::Rulebook,
) -> model::Juknis {
    let j = model::lower::lower(f, diags);
    if let Some(acuan) = &j.acuan {
        match rulebook::get(&acuan.node) {
            Some(r) => *rb = r,
            None => {
                let n = &acuan.node;
                diags.push(
                    Diagnostic::new(
                        "nama.tidak_dikenal",
                        t!(
                            "aturan acuan tidak dikenal: `{n}`",
                            "unknown rulebook: `{n}`"
                        ),
                    )
                    .at(acuan.span, None)
                    .help(diagnostic::suggest::help_for(n, rulebook::KNOWN)),
                );
            }
        }
    }
    // A file with thousands of jalur or waves is stopped here: the
    // regulation checks compare them pairwise.
    let jumlah = model::batas::check(&j);
    if jumlah.is_empty() {
        diags.extend(rules::check(&j, rb));
    } else {
        diags.extend(jumlah);
    }
    j
}
