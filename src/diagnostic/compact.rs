//! Two formats CI systems and editors read: `compact`, one line per
//! diagnostic (`file:line:col: severity[code] message`, the form compilers
//! print and editors' problem matchers parse), and JUnit XML, which test-report
//! views (GitLab, Jenkins, Azure) show as one test case per file and rule.

use super::laporan::{laporan, satu_baris, Berkas, Tingkat};
use super::Lang;
use crate::rulebook::Rulebook;

fn word(t: Tingkat, lang: Lang) -> &'static str {
    match (t, lang) {
        (Tingkat::Error, _) => "error",
        (Tingkat::Peringatan, Lang::Id) => "peringatan",
        (Tingkat::Peringatan, Lang::En) => "warning",
        (Tingkat::Catatan, Lang::Id) => "catatan",
        (Tingkat::Catatan, Lang::En) => "note",
    }
}

/// One line per diagnostic; a line break inside a text becomes a space.
pub fn compact(files: &[Berkas], rb: &Rulebook, lang: Lang) -> String {
    let lap = laporan(files, rb, lang);
    let mut out = String::new();
    for f in &lap.berkas {
        for d in &f.diagnostik {
            let (line, col) = d
                .label
                .first()
                .map(|l| (l.mulai.baris, l.mulai.kolom))
                .unwrap_or((1, 1));
            let msg = satu_baris(d, lang, &lap.acuan_nama).replace(['\n', '\r'], " ");
            out.push_str(&format!(
                "{}:{line}:{col}: {}[{}] {msg}\n",
                f.berkas,
                word(d.tingkat, lang),
                d.kode
            ));
        }
    }
    out
}

use crate::text::escape_markup as xml;

/// JUnit XML: a test suite per file, a test case per rule it reports (failed
/// for an error, or for a warning with `deny_warnings`), and one passing case
/// for a file with nothing to report, so every file shows up.
pub fn junit(files: &[Berkas], rb: &Rulebook, lang: Lang, deny_warnings: bool) -> String {
    let lap = laporan(files, rb, lang);
    let mut suites = String::new();
    let (mut tests, mut failures) = (0usize, 0usize);
    for f in &lap.berkas {
        let mut cases = String::new();
        let mut n = 0;
        let mut failed = 0;
        for d in &f.diagnostik {
            let fails =
                d.tingkat == Tingkat::Error || (deny_warnings && d.tingkat == Tingkat::Peringatan);
            let (line, col) = d
                .label
                .first()
                .map(|l| (l.mulai.baris, l.mulai.kolom))
                .unwrap_or((1, 1));
            let msg = satu_baris(d, lang, &lap.acuan_nama);
            let name = format!("{} ({}:{line}:{col})", d.kode, f.berkas);
            n += 1;
            if fails {
                failed += 1;
                cases.push_str(&format!(
                    "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{line}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                    xml(&f.berkas),
                    xml(&name),
                    xml(&f.berkas),
                    word(d.tingkat, lang),
                    xml(&d.pesan),
                    xml(&msg)
                ));
            } else {
                cases.push_str(&format!(
                    "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{line}\">\n      <system-out>{}: {}</system-out>\n    </testcase>\n",
                    xml(&f.berkas),
                    xml(&name),
                    xml(&f.berkas),
                    word(d.tingkat, lang),
                    xml(&msg)
                ));
            }
        }
        if n == 0 {
            n = 1;
            let ok = match lang {
                Lang::Id => "sesuai",
                Lang::En => "conforms",
            };
            cases.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{ok}\" file=\"{}\"/>\n",
                xml(&f.berkas),
                xml(&f.berkas)
            ));
        }
        tests += n;
        failures += failed;
        suites.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n",
            xml(&f.berkas)
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"juknis check — {}\" tests=\"{tests}\" failures=\"{failures}\">\n{suites}</testsuites>\n",
        xml(&lap.acuan_nama)
    )
}
