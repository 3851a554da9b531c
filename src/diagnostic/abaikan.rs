//! Suppressions: `// juknis:abaikan KODE alasan "…"` on its own line sets aside
//! the diagnostics with that code on the next statement line; at the end of a
//! line, those on that line. A reason is required, the suppression is never
//! silent: what it set aside is listed with its reason in every output (and
//! the conformance report), a suppression without a reason or with an unknown
//! code is itself a diagnostic, and one that sets nothing aside is a warning.
//! The language's own errors (the file cannot be read or run) cannot be set
//! aside.

use super::{suggest, Diagnostic, Severity};
use crate::rulebook::Rulebook;
use crate::span::{IndeksBaris, Span};
use crate::t;

/// The marker after `//`.
const PENANDA: &str = "juknis:abaikan";

/// A diagnostic set aside, with the reason written for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diabaikan {
    pub diagnostic: Diagnostic,
    pub alasan: String,
    /// Where the suppression comment is.
    pub komentar: Span,
}

/// One suppression comment as written.
struct Komentar {
    kode: String,
    alasan: Option<String>,
    span: Span,
    /// The 1-based line whose diagnostics it sets aside.
    baris: usize,
    /// The code's span inside the comment (for an unknown code).
    kode_span: Span,
    /// At the end of a statement line (covers that line), not on its own.
    trailing: bool,
}

fn find(src: &str) -> Vec<Komentar> {
    let mut out = Vec::new();
    let mut offset = 0;
    let lines: Vec<&str> = src.split('\n').collect();
    let mut starts = Vec::with_capacity(lines.len());
    for l in &lines {
        starts.push(offset);
        offset += l.len() + 1;
    }
    for (i, line) in lines.iter().enumerate() {
        let Some(c) = crate::text::comment_start(line) else {
            continue;
        };
        let body = line[c + 2..].trim_start();
        let Some(rest) = body.strip_prefix(PENANDA) else {
            continue;
        };
        let rest_at = starts[i] + line.len() - line[c + 2..].trim_start().len() + PENANDA.len();
        let trimmed = rest.trim_start();
        let kode_at = rest_at + (rest.len() - trimmed.len());
        let kode: String = trimmed.chars().take_while(|c| !c.is_whitespace()).collect();
        let after = trimmed[kode.len()..].trim_start();
        let alasan = after
            .strip_prefix("alasan")
            .map(str::trim_start)
            .and_then(|a| a.strip_prefix('"'))
            .and_then(|a| a.rfind('"').map(|e| a[..e].trim().to_string()))
            .filter(|a| !a.is_empty());
        // Alone on its line: the next line that is not blank or a comment.
        let own_line = line[..c].trim().is_empty();
        let baris = if own_line {
            lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, l)| {
                    let t = l.trim();
                    !t.is_empty() && !t.starts_with("//")
                })
                .map(|(k, _)| k + 1)
                .unwrap_or(i + 2)
        } else {
            i + 1
        };
        let kode_span = Span::new(kode_at, kode_at + kode.len());
        out.push(Komentar {
            trailing: !own_line,
            kode_span,
            kode,
            alasan,
            span: Span::new(starts[i] + c, starts[i] + line.trim_end_matches('\r').len()),
            baris,
        });
    }
    out
}

/// Whether a code may be set aside: a rule of the regulation, or a language
/// warning or note — never an error of the language (the file would not read
/// or run as written).
fn may_set_aside(rb: &Rulebook, code: &str) -> bool {
    match rb.rule(code) {
        Some(a) if a.bahasa => a.tingkat != crate::rulebook::Tingkat::Error,
        Some(_) => true,
        None => false,
    }
}

/// Set aside the diagnostics the file's suppressions name; add diagnostics
/// for suppressions that are wrong or unused. `diags` must be finalized
/// (severities known). Returns what was set aside.
pub fn apply(src: &str, diags: &mut Vec<Diagnostic>, rb: &Rulebook) -> Vec<Diabaikan> {
    let komentar = find(src);
    if komentar.is_empty() {
        return Vec::new();
    }
    let ix = IndeksBaris::new(src);
    let line_of = |d: &Diagnostic| {
        d.primary_span()
            .map(|s| ix.line_col(src, s.start.min(src.len())).0)
    };
    let mut out = Vec::new();
    let mut extra = Vec::new();
    for k in &komentar {
        let code = k.kode.as_str();
        if rb.rule(code).is_none() {
            let hint = suggest::closest(code, rb.all_rules().map(|r| r.id.as_str()));
            let help = match hint {
                Some(h) => t!(
                    "mungkin maksud Anda `{h}`? (`juknis explain all` menampilkan semua kode)",
                    "did you mean `{h}`? (`juknis explain all` lists every code)"
                ),
                None => t!(
                    "`juknis explain all` menampilkan semua kode",
                    "`juknis explain all` lists every code"
                ),
            };
            extra.push(
                Diagnostic::new(
                    "abaikan.kode",
                    t!(
                        "`juknis:abaikan` menyebut kode yang tidak dikenal: `{code}`",
                        "`juknis:abaikan` names an unknown code: `{code}`"
                    ),
                )
                .at(k.kode_span, None)
                .help(help),
            );
            continue;
        }
        let Some(alasan) = &k.alasan else {
            extra.push(
                Diagnostic::new(
                    "abaikan.alasan",
                    t!(
                        "pengabaian `{code}` tanpa alasan tidak berlaku",
                        "a suppression of `{code}` without a reason has no effect"
                    ),
                )
                .at(k.span, None)
                .help(t!(
                    "tulis `// juknis:abaikan {code} alasan \"…\"`: alasannya dimuat dalam laporan kepatuhan",
                    "write `// juknis:abaikan {code} alasan \"…\"`: the reason goes into the conformance report"
                )),
            );
            continue;
        };
        if !may_set_aside(rb, code) {
            extra.push(
                Diagnostic::new(
                    "abaikan.alasan",
                    t!(
                        "error bahasa `{code}` tidak dapat diabaikan: berkas tidak terbaca atau tidak dapat dijalankan seperti tertulis",
                        "the language error `{code}` cannot be set aside: the file does not read or run as written"
                    ),
                )
                .at(k.span, None)
                .help(t!("perbaiki baris itu", "fix that line")),
            );
            continue;
        }
        let before = diags.len();
        let mut kept = Vec::with_capacity(diags.len());
        for d in diags.drain(..) {
            if d.code == code && line_of(&d) == Some(k.baris) {
                out.push(Diabaikan {
                    diagnostic: d,
                    alasan: alasan.clone(),
                    komentar: k.span,
                });
            } else {
                kept.push(d);
            }
        }
        *diags = kept;
        if diags.len() == before {
            extra.push(
                Diagnostic::new(
                    "abaikan.tidak_terpakai",
                    if k.trailing {
                        t!(
                            "tidak ada `{code}` di baris ini untuk diabaikan",
                            "no `{code}` on this line to set aside"
                        )
                    } else {
                        t!(
                            "tidak ada `{code}` di baris berikutnya untuk diabaikan",
                            "no `{code}` on the next line to set aside"
                        )
                    },
                )
                .at(k.span, None)
                .help(t!(
                    "hapus komentar ini, atau pindahkan tepat di atas baris yang dilaporkan",
                    "remove this comment, or move it right above the line reported"
                )),
            );
        }
    }
    if !extra.is_empty() {
        super::finalize(&mut extra, rb, None);
        diags.extend(extra);
        diags.sort_by_key(|d| {
            (
                d.primary_span().map(|s| s.start).unwrap_or(0),
                d.code.clone(),
            )
        });
    }
    out
}

/// How many set-aside diagnostics were errors (a file whose errors are all
/// set aside conforms, and says so).
pub fn count(set_aside: &[Diabaikan], s: Severity) -> usize {
    set_aside
        .iter()
        .filter(|d| d.diagnostic.severity == s)
        .count()
}
