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
