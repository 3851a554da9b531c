//! Terminal rendering with codespan-reporting: source excerpt, labelled spans,
//! then the article, help and notes, in the chosen language.

use super::{Diagnostic, Lang, Severity};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;

pub struct Options {
    pub lang: Lang,
    pub color: bool,
}

pub fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Id) => "error",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::Id) => "peringatan",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Note, Lang::Id) => "catatan",
        (Severity::Note, Lang::En) => "note",
    }
}

fn to_codespan(d: &Diagnostic, opts: &Options, src_len: usize) -> cs::Diagnostic<()> {
    let lang = opts.lang;
    let sev = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let labels = d
        .labels
        .iter()
        .map(|l| {
            let start = l.span.start.min(src_len);
            let end = l.span.end.clamp(start, src_len);
            let style = if l.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            let lab = cs::Label::new(style, (), start..end);
            match &l.message {
                Some(m) => lab.with_message(m.get(lang)),
                None => lab,
            }
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(a) = &d.article {
        let word = match lang {
            Lang::Id => "dasar",
            Lang::En => "basis",
        };
        notes.push(format!("{word}: {a}"));
    }
    if let Some(h) = &d.help {
        let word = if lang == Lang::Id { "bantuan" } else { "help" };
        notes.push(format!("{word}: {}", h.get(lang)));
    }
    for n in &d.notes {
        let word = if lang == Lang::Id { "catatan" } else { "note" };
        notes.push(format!("{word}: {}", n.get(lang)));
    }
    if !d.fixes.is_empty() {
        notes.push(
            match lang {
                Lang::Id => "dapat diperbaiki otomatis: `juknis check --fix`",
                Lang::En => "can be fixed automatically: `juknis check --fix`",
            }
            .to_string(),
        );
    }
    cs::Diagnostic::new(sev)
        .with_code(d.code.clone())
        .with_message(d.message.get(lang))
        .with_labels(labels)
        .with_notes(notes)
}

/// Render all diagnostics of one file as terminal text.
pub fn human(diags: &[Diagnostic], file_name: &str, source: &str, opts: &Options) -> String {
    let config = term::Config::default();
    let mut out = String::new();
    for d in diags {
        let mut cd = to_codespan(d, opts, source.len());
        // Long lines are shown cut around the marks (`excerpt.rs`).
        let spans: Vec<std::ops::Range<usize>> =
            cd.labels.iter().map(|l| l.range.clone()).collect();
        let file = super::excerpt::Excerpt::new(file_name, source, &spans);
        for l in &mut cd.labels {
            l.range = file.map(l.range.start)..file.map(l.range.end);
        }
        if opts.color {
            let mut buf = term::termcolor::Buffer::ansi();
            if term::emit_to_write_style(&mut buf, &config, &file, &cd).is_ok() {
                out.push_str(&String::from_utf8_lossy(buf.as_slice()));
            }
        } else {
            let mut s = String::new();
            if term::emit_to_string(&mut s, &config, &file, &cd).is_ok() {
                out.push_str(&s);
            }
        }
    }
    out
}

/// "2 error, 1 peringatan" / "2 errors, 1 warning".
/// The diagnostics a file set aside, one line each with the reason: never
/// hidden, never counted.
pub fn set_aside(
    list: &[super::abaikan::Diabaikan],
    file_name: &str,
    source: &str,
    lang: Lang,
) -> String {
    let ix = crate::span::IndeksBaris::new(source);
    let mut out = String::new();
    for x in list {
        let d = &x.diagnostic;
        let line = d
            .primary_span()
            .map(|s| ix.line_col(source, s.start.min(source.len())).0)
            .unwrap_or(0);
        let sev = severity_word(d.severity, lang);
        let msg = d.message.get(lang);
        let (word, reason) = match lang {
            Lang::Id => ("diabaikan", "alasan"),
            Lang::En => ("set aside", "reason"),
        };
        out.push_str(&format!(
            "{word}: {file_name}:{line}: {sev}[{}] {msg} — {reason}: \"{}\"\n",
            d.code, x.alasan
        ));
    }
    out
}

pub fn summary(errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{errors} error, {warnings} peringatan"),
        Lang::En => {
            let e = if errors == 1 { "error" } else { "errors" };
            let w = if warnings == 1 { "warning" } else { "warnings" };
            format!("{errors} {e}, {warnings} {w}")
        }
    }
}
