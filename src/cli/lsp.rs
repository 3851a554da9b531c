//! `juknis lsp`: a Language Server Protocol server over standard input and
//! output, so an editor shows the checker's diagnostics as the writer types,
//! explains a keyword or a rule code on hover, completes statement keywords and
//! the juknis's own names, jumps to where a score or points table is defined,
//! formats the file and applies the fixes the checker is sure of. Built on
//! rust-analyzer's `lsp-server` and `lsp-types`; every answer comes from the
//! same library the command line uses.

use super::EXIT_OK;
use juknis::diagnostic::{Diagnostic, Lang, Severity};
use juknis::span::{IndeksBaris, Span};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types as lt;
use miette::{miette, Result};
use std::collections::HashMap;

#[derive(clap::Args)]
pub struct Args {
    /// Diterima karena ada editor yang memberikannya; server selalu berbicara
    /// lewat masukan dan keluaran standar.
    #[arg(long)]
    pub stdio: bool,
}

/// Open documents by URI: their text.
type Docs = HashMap<String, String>;

pub fn run(_a: Args, lang: Lang) -> Result<u8> {
    let (conn, io) = Connection::stdio();
    let caps = lt::ServerCapabilities {
        text_document_sync: Some(lt::TextDocumentSyncCapability::Kind(
            lt::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lt::CompletionOptions::default()),
        definition_provider: Some(lt::OneOf::Left(true)),
        document_formatting_provider: Some(lt::OneOf::Left(true)),
        code_action_provider: Some(lt::CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    };
    let caps = serde_json::to_value(caps).map_err(|e| miette!("{e}"))?;
    conn.initialize(caps).map_err(|e| miette!("{e}"))?;
    let mut docs: Docs = HashMap::new();
    for msg in &conn.receiver {
        match msg {
            Message::Request(req) => {
                if conn.handle_shutdown(&req).map_err(|e| miette!("{e}"))? {
                    break;
                }
                let resp = answer(&docs, req, lang);
                let _ = conn.sender.send(Message::Response(resp));
            }
            Message::Notification(n) => {
                if let Some(uri) = update(&mut docs, n) {
                    publish(&conn, &docs, &uri, lang);
                }
            }
            Message::Response(_) => {}
        }
    }
    drop(conn);
    io.join().map_err(|e| miette!("{e}"))?;
    Ok(EXIT_OK)
}

/// Keep the open documents; the URI whose diagnostics should be sent again.
fn update(docs: &mut Docs, n: Notification) -> Option<String> {
    use lt::notification::{
        DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    };
    match n.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let p: lt::DidOpenTextDocumentParams = serde_json::from_value(n.params).ok()?;
            let uri = p.text_document.uri.to_string();
            docs.insert(uri.clone(), p.text_document.text);
            Some(uri)
        }
        DidChangeTextDocument::METHOD => {
            let p: lt::DidChangeTextDocumentParams = serde_json::from_value(n.params).ok()?;
            let uri = p.text_document.uri.to_string();
            // Full sync: the last change is the whole text.
            let text = p.content_changes.into_iter().last()?.text;
            docs.insert(uri.clone(), text);
            Some(uri)
        }
        DidCloseTextDocument::METHOD => {
            let p: lt::DidCloseTextDocumentParams = serde_json::from_value(n.params).ok()?;
            docs.remove(&p.text_document.uri.to_string());
            None
        }
        _ => None,
    }
}

/// A byte offset as an LSP position (line, UTF-16 column).
fn position(src: &str, ix: &IndeksBaris, offset: usize) -> lt::Position {
    let offset = offset.min(src.len());
    let (line, _) = ix.line_col(src, offset);
    let start = src[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col: usize = src
        .get(start..offset)
        .unwrap_or("")
        .chars()
        .map(char::len_utf16)
        .sum();
    lt::Position::new(line.saturating_sub(1) as u32, col as u32)
}

fn range(src: &str, ix: &IndeksBaris, span: Span) -> lt::Range {
    lt::Range::new(position(src, ix, span.start), position(src, ix, span.end))
}

/// An LSP position as a byte offset (clamped to the text).
fn offset(src: &str, p: lt::Position) -> usize {
    let mut at = 0;
    for (i, line) in src.split('\n').enumerate() {
        if i == p.line as usize {
            let mut units = 0;
            for (b, c) in line.char_indices() {
                if units >= p.character as usize {
                    return at + b;
                }
                units += c.len_utf16();
            }
            return at + line.len();
        }
        at += line.len() + 1;
    }
    src.len()
}

fn to_lsp(d: &Diagnostic, src: &str, ix: &IndeksBaris, lang: Lang) -> lt::Diagnostic {
    let span = d.primary_span().unwrap_or(Span::new(0, 0));
    let mut message = d.message.get(lang).to_string();
    if let Some(h) = &d.help {
        message.push('\n');
        message.push_str(h.get(lang));
    }
    if let Some(a) = &d.article {
        message.push_str(&format!(
            "\n{}: {a}",
            if lang == Lang::Id { "dasar" } else { "basis" }
        ));
    }
    lt::Diagnostic {
        range: range(src, ix, span),
        severity: Some(match d.severity {
            Severity::Error => lt::DiagnosticSeverity::ERROR,
            Severity::Warning => lt::DiagnosticSeverity::WARNING,
            Severity::Note => lt::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lt::NumberOrString::String(d.code.clone())),
        source: Some("juknis".into()),
        message,
        ..Default::default()
    }
}

fn publish(conn: &Connection, docs: &Docs, uri: &str, lang: Lang) {
    let Some(src) = docs.get(uri) else { return };
    let Ok(uri_t) = uri.parse::<lt::Uri>() else {
        return;
    };
    let checked = juknis::check_bytes(src.as_bytes());
    let ix = IndeksBaris::new(src);
    let diagnostics = checked
        .diagnostics
        .iter()
        .map(|d| to_lsp(d, src, &ix, lang))
        .collect();
    let params = lt::PublishDiagnosticsParams {
        uri: uri_t,
        diagnostics,
        version: None,
    };
    let n = Notification::new(
        <lt::notification::PublishDiagnostics as lt::notification::Notification>::METHOD.into(),
        params,
    );
    let _ = conn.sender.send(Message::Notification(n));
}

fn ok<T: serde::Serialize>(id: RequestId, v: T) -> Response {
    Response::new_ok(id, v)
}

fn answer(docs: &Docs, req: Request, lang: Lang) -> Response {
    use lt::request::Request as _;
    use lt::request::{CodeActionRequest, Completion, Formatting, GotoDefinition, HoverRequest};
    let id = req.id.clone();
    let text_of = |uri: &lt::Uri| docs.get(&uri.to_string());
    match req.method.as_str() {
        HoverRequest::METHOD => {
            let Ok(p) = serde_json::from_value::<lt::HoverParams>(req.params) else {
                return ok(id, serde_json::Value::Null);
            };
            let pp = p.text_document_position_params;
            let hover =
                text_of(&pp.text_document.uri).and_then(|src| hover(src, pp.position, lang));
            ok(id, hover)
        }
        Completion::METHOD => {
            let Ok(p) = serde_json::from_value::<lt::CompletionParams>(req.params) else {
                return ok(id, serde_json::Value::Null);
            };
            let src = text_of(&p.text_document_position.text_document.uri);
            ok(
                id,
                lt::CompletionResponse::Array(completion(src.map(String::as_str))),
            )
        }
        GotoDefinition::METHOD => {
            let Ok(p) = serde_json::from_value::<lt::GotoDefinitionParams>(req.params) else {
                return ok(id, serde_json::Value::Null);
            };
            let pp = p.text_document_position_params;
            let uri = pp.text_document.uri.clone();
            let loc = text_of(&uri).and_then(|src| {
                definition(src, pp.position)
                    .map(|r| lt::GotoDefinitionResponse::Scalar(lt::Location::new(uri.clone(), r)))
            });
            ok(id, loc)
        }
        Formatting::METHOD => {
            let Ok(p) = serde_json::from_value::<lt::DocumentFormattingParams>(req.params) else {
                return ok(id, serde_json::Value::Null);
            };
            let edits = text_of(&p.text_document.uri).and_then(|src| {
                let out = juknis::format::format(src).ok()?;
                let ix = IndeksBaris::new(src);
                (out != *src).then(|| {
                    vec![lt::TextEdit::new(
                        range(src, &ix, Span::new(0, src.len())),
                        out,
                    )]
                })
            });
            ok(id, edits)
        }
        CodeActionRequest::METHOD => {
            let Ok(p) = serde_json::from_value::<lt::CodeActionParams>(req.params) else {
                return ok(id, serde_json::Value::Null);
            };
            let uri = p.text_document.uri.clone();
            let actions = text_of(&uri)
                .map(|src| code_actions(src, &uri, p.range, lang))
                .unwrap_or_default();
            ok(id, actions)
        }
        _ => Response::new_err(
            id,
            lsp_server::ErrorCode::MethodNotFound as i32,
            format!("unknown request {}", req.method),
        ),
    }
}

/// The word at a position (letters, digits, `_`, `.`).
fn word_at(src: &str, at: usize) -> Option<(usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let start = src[..at]
        .rfind(|c: char| !is_word(c))
        .map(|i| i + 1)
        .unwrap_or(0);
    let end = src[at..]
        .find(|c: char| !is_word(c))
        .map(|i| at + i)
        .unwrap_or(src.len());
    let w = src.get(start..end)?.trim_matches('.');
    (!w.is_empty()).then_some((start, w))
}

/// A rule code (in a suppression or a note) explained, or a statement keyword
/// with its shape.
fn hover(src: &str, p: lt::Position, lang: Lang) -> Option<lt::Hover> {
    let at = offset(src, p);
    let (_, w) = word_at(src, at)?;
    let rb = juknis::rulebook::default_rulebook();
    let text = if let Some(rule) = rb.rule(w) {
        let mut s = format!(
            "**{}** — {}\n\n{}",
            rule.id,
            rule.judul.get(lang),
            rule.penjelasan.get(lang)
        );
        if let Some(c) = rule.citation() {
            s += &format!(
                "\n\n{}: {c}",
                if lang == Lang::Id { "Dasar" } else { "Basis" }
            );
        }
        s
    } else {
        let (kw, example) = juknis::model::lower::statement_shapes().find(|(k, _)| *k == w)?;
        format!(
            "**{kw}** — {}: `{example}`\n\n{}",
            if lang == Lang::Id {
                "contoh"
            } else {
                "example"
            },
            if lang == Lang::Id {
                "Rujukan lengkap: docs/language.md"
            } else {
                "Full reference: docs/language.md"
            }
        )
    };
    Some(lt::Hover {
        contents: lt::HoverContents::Markup(lt::MarkupContent {
            kind: lt::MarkupKind::Markdown,
            value: text,
        }),
        range: None,
    })
}

/// Statement keywords (with their shape), and the juknis's own jalur, score
/// and points-table names.
fn completion(src: Option<&str>) -> Vec<lt::CompletionItem> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (kw, example) in juknis::model::lower::statement_shapes() {
        if seen.insert(kw.to_string()) {
            out.push(lt::CompletionItem {
                label: kw.to_string(),
                kind: Some(lt::CompletionItemKind::KEYWORD),
                detail: Some(example.to_string()),
                ..Default::default()
            });
        }
    }
    let Some(src) = src else { return out };
    let checked = juknis::check_bytes(src.as_bytes());
    let Some(j) = checked.juknis.as_ref() else {
        return out;
    };
    let mut names: Vec<(String, lt::CompletionItemKind)> = Vec::new();
    for jl in &j.jalur {
        names.push((jl.id.clone(), lt::CompletionItemKind::ENUM_MEMBER));
        for x in &jl.sub {
            names.push((x.id.clone(), lt::CompletionItemKind::ENUM_MEMBER));
        }
    }
    for s in &j.skor {
        names.push((s.nama.node.clone(), lt::CompletionItemKind::VARIABLE));
    }
    for t in &j.poin {
        names.push((t.nama.node.clone(), lt::CompletionItemKind::VARIABLE));
    }
    for (n, kind) in names {
        if seen.insert(n.clone()) {
            out.push(lt::CompletionItem {
                label: n,
                kind: Some(kind),
                ..Default::default()
            });
        }
    }
    out
}

/// Where the score or points table named at a position is defined.
fn definition(src: &str, p: lt::Position) -> Option<lt::Range> {
    let (_, w) = word_at(src, offset(src, p))?;
    let checked = juknis::check_bytes(src.as_bytes());
    let j = checked.juknis.as_ref()?;
    let span = j
        .skor
        .iter()
        .find(|s| s.nama.node == w)
        .map(|s| s.nama.span)
        .or_else(|| {
            j.poin
                .iter()
                .find(|t| t.nama.node == w)
                .map(|t| t.nama.span)
        })
        .or_else(|| {
            j.jalur
                .iter()
                .flat_map(|x| std::iter::once(x).chain(x.sub.iter()))
                .find(|x| x.id == w)
                .map(|x| x.nama.span)
        })?;
    Some(range(src, &IndeksBaris::new(src), span))
}

/// Quick fixes: each sure fix of a diagnostic touching the range.
fn code_actions(
    src: &str,
    uri: &lt::Uri,
    r: lt::Range,
    lang: Lang,
) -> Vec<lt::CodeActionOrCommand> {
    let (lo, hi) = (offset(src, r.start), offset(src, r.end));
    let checked = juknis::check_bytes(src.as_bytes());
    let ix = IndeksBaris::new(src);
    let mut out = Vec::new();
    for d in &checked.diagnostics {
        let Some(s) = d.primary_span() else { continue };
        if d.fixes.is_empty() || s.end < lo || s.start > hi {
            continue;
        }
        let edits: Vec<lt::TextEdit> = d
            .fixes
            .iter()
            .map(|f| lt::TextEdit::new(range(src, &ix, f.span), f.replacement.clone()))
            .collect();
        let title = match lang {
            Lang::Id => format!("Perbaiki: {}", d.message.get(lang)),
            Lang::En => format!("Fix: {}", d.message.get(lang)),
        };
        // lsp-types keys the edits by `Uri`, which clippy flags as a mutable
        // key; the URI is only ever hashed as the client sent it.
        #[allow(clippy::mutable_key_type)]
        let mut changes = HashMap::new();
        changes.insert(uri.clone(), edits);
        out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
            title,
            kind: Some(lt::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![to_lsp(d, src, &ix, lang)]),
            edit: Some(lt::WorkspaceEdit {
                changes: Some(changes),
                ..Default::default()
            }),
            is_preferred: Some(true),
            ..Default::default()
        }));
    }
    out
}
