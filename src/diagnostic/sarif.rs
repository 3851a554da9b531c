//! SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE
//! viewers): one run whose tool declares every rule of the rulebook — title,
//! explanation, a correct example, the article, a link to the rule catalog — and
//! one result per diagnostic, located at its primary label, with the explaining
//! labels as related locations. Validated against the OASIS schema in
//! tests/formats.rs.

use super::laporan::{laporan, satu_baris, Berkas, LaporanLabel, Tingkat};
use super::Lang;
use crate::rulebook::{Aturan, Rulebook};
use serde_json::{json, Value};

/// Where the rule catalog lives; each rule has an anchor there.
const KATALOG: &str = "https://github.com/juknis/juknis/blob/main/docs/rules.md";

fn level(t: Tingkat) -> &'static str {
    match t {
        Tingkat::Error => "error",
        Tingkat::Peringatan => "warning",
        Tingkat::Catatan => "note",
    }
}

/// A path as a SARIF `uri`: a relative reference (resolved against the
/// repository root by code scanning), or a `file://` URI for an absolute path;
/// reserved characters and non-ASCII percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    let windows_drive =
        path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    if path.starts_with('/') {
        out.push_str("file://");
    } else if windows_drive {
        out.push_str("file:///");
    }
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (windows_drive && i == 1);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule(r: &Aturan, lang: Lang) -> Value {
    let pick = |t: &crate::rulebook::TeksData| match lang {
        Lang::Id => t.id.clone(),
        Lang::En => t.en.clone(),
    };
    let anchor: String = r.id.chars().filter(|c| *c != '.').collect();
    let help_uri = format!("{KATALOG}#{anchor}");
    let basis_word = if lang == Lang::Id { "Dasar" } else { "Basis" };
    let basis = r.citation();
    let mut text = pick(&r.penjelasan);
    let mut markdown = pick(&r.penjelasan);
    if let Some(b) = &basis {
        text.push_str(&format!("\n\n{basis_word}: {b}"));
        markdown.push_str(&format!("\n\n**{basis_word}:** {b}"));
    }
    let (wrong, right) = if lang == Lang::Id {
        ("Salah", "Benar")
    } else {
        ("Wrong", "Right")
    };
    for (word, ex) in [(wrong, &r.contoh_salah), (right, &r.contoh_benar)] {
        if let Some(ex) = ex {
            text.push_str(&format!("\n\n{word}:\n{ex}"));
            markdown.push_str(&format!("\n\n{word}:\n\n```\n{}\n```", ex.trim_end()));
        }
    }
    markdown.push_str(&format!("\n\n[{}]({help_uri})", r.id));
    let mut properties = json!({ "tags": ["spmb", "juknis"] });
    if let Some(c) = r.citation() {
        properties["pasal"] = json!(c);
    }
    if let Some(k) = r.keyakinan {
        properties["keyakinan"] = json!(format!("{k:?}"));
    }
    json!({
        "id": r.id,
        "name": r.id,
        "shortDescription": { "text": pick(&r.judul) },
        "fullDescription": { "text": pick(&r.penjelasan) },
        "help": { "text": text, "markdown": markdown },
        "helpUri": help_uri,
        "defaultConfiguration": { "level": level(r.severity().into()) },
        "properties": properties,
    })
}

fn location(file_uri: &str, l: &LaporanLabel) -> Value {
    // SARIF regions end just after their last character; an empty span still
    // marks one column.
    let end_column = if l.selesai.baris == l.mulai.baris {
        l.selesai.kolom.max(l.mulai.kolom + 1)
    } else {
        l.selesai.kolom
    };
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": file_uri },
            "region": {
                "startLine": l.mulai.baris,
                "startColumn": l.mulai.kolom,
                "endLine": l.selesai.baris,
                "endColumn": end_column,
                "byteOffset": l.mulai.byte,
                "byteLength": l.selesai.byte.saturating_sub(l.mulai.byte),
            }
        }
    });
    if let Some(m) = &l.pesan {
        loc["message"] = json!({ "text": m });
    }
    loc
}

/// The SARIF 2.1.0 log of some checked files.
pub fn sarif(files: &[Berkas], rb: &Rulebook, lang: Lang) -> String {
    let lap = laporan(files, rb, lang);
    let all: Vec<&Aturan> = rb.all_rules().collect();
    let rules: Vec<Value> = all.iter().map(|r| rule(r, lang)).collect();
    let mut results = Vec::new();
    for f in &lap.berkas {
        let file_uri = uri(&f.berkas);
        let one = |d: &super::laporan::LaporanDiagnostik| {
            let mut result = json!({
                "ruleId": d.kode,
                "level": level(d.tingkat),
                "message": { "text": satu_baris(d, lang, &lap.acuan_nama) },
                "locations": d.label.iter().take(1).map(|l| location(&file_uri, l)).collect::<Vec<_>>(),
            });
            if let Some(i) = all.iter().position(|r| r.id == d.kode) {
                result["ruleIndex"] = json!(i);
            }
            let related: Vec<Value> = d
                .label
                .iter()
                .skip(1)
                .enumerate()
                .map(|(i, l)| {
                    let mut v = location(&file_uri, l);
                    v["id"] = json!(i);
                    v
                })
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(a) = &d.dasar {
                result["properties"] = json!({ "pasal": a });
            }
            result
        };
        for d in &f.diagnostik {
            results.push(one(d));
        }
        // Set aside in the source with a reason: SARIF's in-source
        // suppressions, so code-scanning views show them as suppressed.
        for x in &f.diabaikan {
            let mut result = one(&x.diagnostik);
            result["suppressions"] = json!([{ "kind": "inSource", "justification": x.alasan }]);
            results.push(result);
        }
    }
    let artifacts: Vec<Value> = lap
        .berkas
        .iter()
        .map(|f| json!({ "location": { "uri": uri(&f.berkas) }, "mimeType": "text/plain", "encoding": "utf-8" }))
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "juknis",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/juknis/juknis",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
            "properties": { "acuan": lap.acuan, "acuanVersi": lap.acuan_versi },
        }]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("juknis/jatim sma.juknis"), "juknis/jatim%20sma.juknis");
        assert_eq!(uri("./a/b.juknis"), "a/b.juknis");
        assert_eq!(uri("/work/a#1.juknis"), "file:///work/a%231.juknis");
        assert_eq!(
            uri("C:\\juknis\\é.juknis"),
            "file:///C:/juknis/%C3%A9.juknis"
        );
    }
}
