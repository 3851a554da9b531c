//! Our own diagnostic type. Checks build `Diagnostic`s; severity and the cited
//! article come from the rulebook entry of the code (`finalize`), so the data file —
//! not the check — decides whether a rule is an error or a warning.
//! Renderers (terminal, JSON, …) live in sibling modules and never decide anything.

pub mod abaikan;
pub mod compact;
mod excerpt;
pub mod fix;
pub mod github;
pub mod gitlab;
pub mod laporan;
pub mod render;
pub mod sarif;
pub mod suggest;

use crate::rulebook::{Rulebook, TahunAjaran};
use crate::span::Span;
use serde::Serialize;

pub use crate::text::{Lang, Severity, Text};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub span: Span,
    pub primary: bool,
    pub message: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable code: a rulebook rule id (`kuota.domisili.min`) or a language code
    /// (`sintaks.pernyataan`).
    pub code: String,
    pub severity: Severity,
    pub message: Text,
    pub labels: Vec<Label>,
    pub help: Option<Text>,
    pub notes: Vec<Text>,
    /// The article and source the rule rests on, e.g. "Pasal 30 ayat (2); FAQ 17".
    pub article: Option<String>,
    /// Edits the checker is sure of (`juknis check --fix` applies them): a
    /// percent written as a word, a decimal comma, a date in another form, the
    /// old term `zonasi`. A fix never changes what a correct file means.
    pub fixes: Vec<Fix>,
}

/// Replace the text of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

impl Diagnostic {
    pub fn new(code: &str, message: Text) -> Self {
        Diagnostic {
            code: code.to_string(),
            severity: Severity::Error,
            message,
            labels: Vec::new(),
            help: None,
            notes: Vec::new(),
            article: None,
            fixes: Vec::new(),
        }
    }
    /// An edit the checker is sure of (see `fixes`).
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fixes.push(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }
    /// The primary location, with an optional label text.
    pub fn at(mut self, span: Span, label: Option<Text>) -> Self {
        self.labels.push(Label {
            span,
            primary: true,
            message: label,
        });
        self
    }
    /// A secondary location that explains the primary one.
    pub fn also(mut self, span: Span, label: Text) -> Self {
        self.labels.push(Label {
            span,
            primary: false,
            message: Some(label),
        });
        self
    }
    pub fn help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }
    pub fn note(mut self, note: Text) -> Self {
        self.notes.push(note);
        self
    }
    pub fn primary_span(&self) -> Option<Span> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map(|l| l.span)
    }
}

/// Fill severity and article from the rulebook, as the rule holds in the
/// juknis's school year (a rule changed by a later circular cites that
/// circular); sort by position so output is stable and reads top to bottom.
pub fn finalize(diags: &mut Vec<Diagnostic>, rulebook: &Rulebook, tahun: Option<TahunAjaran>) {
    for d in diags.iter_mut() {
        let rule = rulebook.rule_as_of(&d.code, tahun);
        // Every code, however it was built, has a rulebook entry: in test and
        // debug builds (the examples, property tests and fuzz corpora run
        // through here) a missing one stops the run; a release build keeps the
        // diagnostic as an error without an article.
        debug_assert!(
            rule.is_some(),
            "diagnostic code `{}` has no rulebook entry",
            d.code
        );
        if let Some(rule) = rule {
            d.severity = rule.severity();
            d.article = rule.citation();
        }
    }
    diags.sort_by_key(|d| {
        (
            d.primary_span().map(|s| s.start).unwrap_or(0),
            d.code.clone(),
        )
    });
    diags.dedup_by(|a, b| {
        a.code == b.code && a.primary_span() == b.primary_span() && a.message == b.message
    });
}

pub fn count(diags: &[Diagnostic], severity: Severity) -> usize {
    diags.iter().filter(|d| d.severity == severity).count()
}
