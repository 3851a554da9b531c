//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
//! line per diagnostic, which GitHub shows on that line of the file in the run
//! summary and in the pull request's diff.

use super::laporan::{laporan, satu_baris, Berkas, Tingkat};
use super::Lang;
use crate::rulebook::Rulebook;

/// `%`, CR and LF escaped, as workflow-command data must be.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values also escape `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The annotations of some checked files, one line each.
pub fn github(files: &[Berkas], rb: &Rulebook, lang: Lang) -> String {
    let lap = laporan(files, rb, lang);
    let mut out = String::new();
    for f in &lap.berkas {
        let file = escape_property(&f.berkas);
        for d in &f.diagnostik {
            let cmd = match d.tingkat {
                Tingkat::Error => "error",
                Tingkat::Peringatan => "warning",
                Tingkat::Catatan => "notice",
            };
            let title = escape_property(&d.kode);
            let msg = escape_data(&satu_baris(d, lang, &lap.acuan_nama));
            match d.label.first() {
                // GitHub takes columns only for a one-line span (a longer one
                // is marked at its start), and its end column is the last
                // character, where ours is the position just after it.
                Some(l) if l.selesai.baris == l.mulai.baris => {
                    let end_col = l.selesai.kolom.saturating_sub(1).max(l.mulai.kolom);
                    out.push_str(&format!(
                        "::{cmd} file={file},line={line},col={col},endLine={line},endColumn={end_col},title={title}::{msg}\n",
                        line = l.mulai.baris,
                        col = l.mulai.kolom,
                    ));
                }
                Some(l) => out.push_str(&format!(
                    "::{cmd} file={file},line={},col={},title={title}::{msg}\n",
                    l.mulai.baris, l.mulai.kolom,
                )),
                None => out.push_str(&format!("::{cmd} file={file},title={title}::{msg}\n")),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_and_data_are_escaped() {
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("a:b\nc"), "a:b%0Ac");
    }
}
