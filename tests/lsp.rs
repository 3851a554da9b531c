//! `juknis lsp` driven over stdio as an editor drives it (issue 17, item 2):
//! initialize, open, change, diagnostics, hover, completion, go to definition,
//! formatting, a quick fix, shutdown.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next: i64,
    /// Notifications received while waiting for a response.
    notes: Vec<Value>,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_juknis"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            stdin,
            stdout,
            next: 1,
            notes: Vec::new(),
        }
    }
    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }
    fn read(&mut self) -> Value {
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "server closed"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                len = n.parse().unwrap();
            }
        }
        let mut buf = vec![0; len];
        self.stdout.read_exact(&mut buf).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.read();
            if m.get("id") == Some(&json!(id)) {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
            self.notes.push(m);
        }
    }
    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }
    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let m = if let Some(i) = self
                .notes
                .iter()
                .position(|n| n["method"] == "textDocument/publishDiagnostics")
            {
                self.notes.remove(i)
            } else {
                self.read()
            };
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

fn codes(d: &[Value]) -> Vec<&str> {
    d.iter().map(|x| x["code"].as_str().unwrap()).collect()
}

/// The 0-based (line, UTF-16 column) of the first `needle` in `src`.
fn pos(src: &str, needle: &str) -> Value {
    let at = src.find(needle).unwrap();
    let line = src[..at].matches('\n').count();
    let col = src[..at]
        .rsplit('\n')
        .next()
        .unwrap()
        .encode_utf16()
        .count();
    json!({"line": line, "character": col})
}

#[test]
fn an_editor_session_over_stdio() {
    let uri = "file:///tmp/draf.juknis";
    let src = std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jatim-sma-2025.juknis",
    ))
    .unwrap();
    let mut c = Client::start();
    let init = c.request("initialize", json!({"capabilities": {}, "processId": null}));
    let caps = &init["capabilities"];
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "documentFormattingProvider",
        "codeActionProvider",
    ] {
        assert_eq!(caps[cap], true, "{cap}: {init}");
    }
    assert!(caps["completionProvider"].is_object());
    c.notify("initialized", json!({}));

    // Open a conforming file: no diagnostics.
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "juknis", "version": 1, "text": src}}),
    );
    assert!(c.diagnostics(uri).is_empty());

    // Type a breach and a slip: both reported on their lines, with severity,
    // code and article.
    let typed = src
        .replace("jalur mutasi 5% {", "jalur mutasi 6% {")
        .replace("jalur domisili 35% {", "jalur domisili 34% {")
        .replace("    sub reguler 20%", "    sub reguler 19%")
        .replace("ditetapkan 2025-03-03", "ditetapkan 3 Maret 2025");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typed}]}),
    );
    let d = c.diagnostics(uri);
    assert_eq!(codes(&d), ["sintaks.tanggal", "kuota.mutasi.max"]);
    assert_eq!(d[0]["range"]["start"], pos(&typed, "3 Maret 2025"));
    assert_eq!(d[0]["severity"], 1);

    // The quick fix writes the date; applied, the breach shows.
    let fix = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d[0]["range"], "context": {"diagnostics": []}}),
    );
    let action = &fix[0];
    assert_eq!(action["kind"], "quickfix");
    let edit = &action["edit"]["changes"][uri][0];
    assert_eq!(edit["newText"], "2025-03-03");
    assert_eq!(edit["range"], d[0]["range"]);
    let fixed = typed.replace("3 Maret 2025", "2025-03-03");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": fixed}]}),
    );
    let d = c.diagnostics(uri);
    assert_eq!(codes(&d), ["kuota.mutasi.max"]);
    assert_eq!(d[0]["range"]["start"], pos(&fixed, "6%"));
    assert!(d[0]["message"].as_str().unwrap().contains("Pasal 30"));

    // Hover: a keyword shows its shape; a rule code its explanation.
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(&fixed, "sisa_kuota")}),
    );
    assert!(h["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("sisa_kuota prestasi.akademik ke domisili"));
    let with_code = fixed.replace(
        "  jalur mutasi 6% {",
        "  // juknis:abaikan kuota.mutasi.max alasan \"uji\"\n  jalur mutasi 6% {",
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": with_code}]}),
    );
    assert!(c.diagnostics(uri).is_empty(), "set aside with a reason");
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(&with_code, "mutasi.max alasan")}),
    );
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("kuota.mutasi.max") && text.contains("Pasal 30"),
        "{text}"
    );

    // Completion: keywords and this juknis's own names.
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    for want in [
        "jalur",
        "sisa_kuota",
        "urutan",
        "domisili.reguler",
        "nilai_akhir",
        "lomba",
    ] {
        assert!(labels.contains(&want), "{want} not in {labels:?}");
    }

    // Go to definition: a score used in a ranking.
    let usage = with_code.find("urutan nilai_akhir").unwrap() + "urutan ".len();
    let line = with_code[..usage].matches('\n').count();
    let col = with_code[..usage].rsplit('\n').next().unwrap().len();
    let def = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col + 2}}),
    );
    assert_eq!(def["range"]["start"], pos(&with_code, "nilai_akhir ="));

    // Formatting: one edit giving `juknis fmt`'s layout.
    let messy = with_code.replace("jalur domisili 34% {", "jalur   domisili   34%   {");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": messy}]}),
    );
    let _ = c.diagnostics(uri);
    let edits = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(edits.as_array().unwrap().len(), 1);
    assert_eq!(
        edits[0]["newText"].as_str().unwrap(),
        juknis::format::format(&messy).unwrap()
    );

    // Shut down cleanly.
    let r = c.request("shutdown", Value::Null);
    assert!(r.is_null());
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success());
}
