//! The checker's entry: source bytes → diagnostics (and the model when the
//! source could be read), against the rulebook the juknis names.

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::text::t;
use crate::{batas, model, rulebook, rules, syntax};

/// Everything `check` learns about one source file.
pub struct Checked {
    pub juknis: Option<model::Juknis>,
    pub diagnostics: Vec<Diagnostic>,
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
}

/// Parse, resolve and check one juknis. Never panics, whatever the bytes.
pub fn check_bytes(bytes: &[u8]) -> Checked {
    check_bytes_with(bytes, &batas::Batas::default())
}

/// `check_bytes` with other limits.
pub fn check_bytes_with(bytes: &[u8], batas: &batas::Batas) -> Checked {
    let mut rb = rulebook::default_rulebook();
    let parsed = syntax::parse_bytes_with(bytes, batas.ukuran_berkas);
    let mut diags = parsed.diagnostics;
    let juknis = parsed.file.map(|f| {
        let j = model::lower::lower(&f, &mut diags);
        if let Some(acuan) = &j.acuan {
            match rulebook::get(&acuan.node) {
                Some(r) => rb = r,
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
    });
    diagnostic::finalize(&mut diags, rb);
    Checked {
        juknis,
        diagnostics: diags,
        rulebook: rb,
    }
}
