//! GitLab Code Quality report (a subset of the Code Climate format): GitLab shows
//! these in the merge request's Code Quality widget and on the lines of the diff.

use super::laporan::{laporan, satu_baris, Berkas, Tingkat};
use super::Lang;
use crate::rulebook::Rulebook;
use serde_json::json;
use sha2::{Digest, Sha256};

/// The Code Quality issues of some checked files, as a JSON array.
pub fn gitlab(files: &[Berkas], rb: &Rulebook, lang: Lang) -> String {
    let lap = laporan(files, rb, lang);
    let mut issues = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for f in &lap.berkas {
        let path = f.berkas.replace('\\', "/");
        let path = path.strip_prefix("./").unwrap_or(&path).to_string();
        for d in &f.diagnostik {
            let severity = match d.tingkat {
                Tingkat::Error => "major",
                Tingkat::Peringatan => "minor",
                Tingkat::Catatan => "info",
            };
            // Stable across edits that only move the problem: file, code and
            // message, plus a counter for repeats (GitLab compares fingerprints
            // between the branch and its target).
            let key = format!("{path}\0{}\0{}", d.kode, d.pesan);
            let n = seen.entry(key.clone()).or_insert(0u32);
            *n += 1;
            let digest = Sha256::digest(format!("{key}\0{n}").as_bytes());
            let fingerprint: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            let (begin, end) = d
                .label
                .first()
                .map(|l| (l.mulai.baris, l.selesai.baris.max(l.mulai.baris)))
                .unwrap_or((1, 1));
            issues.push(json!({
                "type": "issue",
                "check_name": d.kode,
                "description": satu_baris(d, lang, &lap.acuan_nama),
                "categories": ["Compatibility"],
                "severity": severity,
                "fingerprint": fingerprint,
                "location": { "path": path, "lines": { "begin": begin, "end": end } },
            }));
        }
    }
    serde_json::to_string_pretty(&issues).unwrap_or_default() + "\n"
}
