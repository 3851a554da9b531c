//! A missing or extra brace (issue 17, item 4) is reported where the
//! indentation says it is, and the rest of the file is still checked: one
//! slip no longer hides every other diagnostic nor points at line 4.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

fn jatim() -> String {
    std::fs::read_to_string(common::berkas(
        "juknis-examples/sesuai/jatim-sma-2025.juknis",
    ))
    .unwrap()
}

/// (code, 1-based line of the primary span) of every diagnostic.
fn found(src: &str) -> Vec<(String, usize)> {
    let c = juknis::check_bytes(src.as_bytes());
    c.diagnostics
        .iter()
        .map(|d| {
            let at = d.primary_span().unwrap().start;
            (d.code.clone(), src[..at].matches('\n').count() + 1)
        })
        .collect()
}

fn line_of(src: &str, needle: &str) -> usize {
    src[..src.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn a_missing_brace_is_placed_by_indentation_and_the_rest_is_still_checked() {
    let src = jatim();
    let start = src.find("  jalur afirmasi 30% {").unwrap();
    let close = start + src[start..].find("\n  }\n").unwrap();
    let broken = format!("{}{}", &src[..close], &src[close + 4..])
        .replace("jalur mutasi 5% {", "jalur mutasi 6% {");
    let got = found(&broken);
    let next = line_of(&broken, "  jalur prestasi 30% {");
    assert!(got.contains(&("sintaks".into(), next)), "{got:?}");
    // The other problem is still reported, on its own line.
    assert!(
        got.contains(&(
            "kuota.mutasi.max".into(),
            line_of(&broken, "jalur mutasi 6%")
        )),
        "{got:?}"
    );
    let c = juknis::check_bytes(broken.as_bytes());
    let brace = c.diagnostics.iter().find(|d| d.code == "sintaks").unwrap();
    assert!(
        brace.message.id.contains("jalur afirmasi 30%"),
        "{}",
        brace.message.id
    );
    // The block's own line is marked as where it opened.
    let opened = brace.labels.iter().find(|l| !l.primary).unwrap().span.start;
    assert_eq!(
        broken[..opened].matches('\n').count() + 1,
        line_of(&broken, "jalur afirmasi 30% {")
    );
    // Nothing is compiled from a file that is still broken.
    assert!(c.juknis.is_none());
}

#[test]
fn an_extra_brace_is_the_one_reported() {
    let src = jatim();
    let broken = src.replacen("    sub reguler 20%\n", "    sub reguler 20%\n    }\n", 1);
    let got = found(&broken);
    assert_eq!(
        got,
        [("sintaks".to_string(), line_of(&src, "sub reguler 20%") + 1)]
    );
}

#[test]
fn removing_any_closing_brace_of_any_conforming_example_is_reported_at_that_place() {
    let mut n = 0;
    for f in common::examples() {
        let src = std::fs::read_to_string(&f).unwrap();
        if common::expected(&src) != Some(Vec::new()) {
            continue;
        }
        let lines: Vec<&str> = src.split('\n').collect();
        let last = lines.iter().rposition(|l| l.trim() == "}").unwrap();
        for (k, l) in lines.iter().enumerate() {
            if l.trim() != "}" || k == last {
                continue;
            }
            let mut v = lines.clone();
            v.remove(k);
            let broken = v.join("\n");
            let got = found(&broken);
            // The line that followed the brace (1-based k + 1, now at k + 1
            // after removal shifts it up by one) is where the block should
            // have closed: the next statement line from there.
            let next = v
                .iter()
                .enumerate()
                .skip(k)
                .find(|(_, x)| !x.trim().is_empty() && !x.trim().starts_with("//"))
                .map(|(i, _)| i + 1)
                .unwrap();
            assert_eq!(
                got.first(),
                Some(&("sintaks".to_string(), next)),
                "{} line {}: {got:?}",
                f.display(),
                k + 1
            );
            assert!(
                got.iter().filter(|(c, _)| c == "sintaks").count() == 1,
                "{}: {got:?}",
                f.display()
            );
            n += 1;
        }
    }
    assert!(n > 50, "only {n} cases");
}

#[test]
fn without_indentation_the_plain_message_stands() {
    let flat: String = jatim()
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n");
    let start = flat.find("jalur afirmasi 30% {").unwrap();
    let close = start + flat[start..].find("\n}\n").unwrap();
    let broken = format!("{}{}", &flat[..close], &flat[close + 2..]);
    let c = juknis::check_bytes(broken.as_bytes());
    assert_eq!(c.diagnostics.len(), 1);
    assert!(c.diagnostics[0].message.id.contains("tidak pernah ditutup"));
}

#[test]
fn the_conformance_report_of_a_file_with_a_brace_to_fix_lists_every_problem() {
    let src = jatim()
        .replacen("    sub reguler 20%\n", "    sub reguler 20%\n    }\n", 1)
        .replace("jalur mutasi 5% {", "jalur mutasi 6% {");
    let c = juknis::check_bytes(src.as_bytes());
    let k = juknis::kepatuhan::build("x.juknis", src.as_bytes(), &c, juknis::diagnostic::Lang::Id);
    assert!(!k.sesuai && k.bagian.is_empty());
    let codes: Vec<&str> = k.bahasa_juknis.iter().map(|t| t.kode.as_str()).collect();
    assert!(
        codes.contains(&"sintaks") && codes.contains(&"kuota.mutasi.max"),
        "{codes:?}"
    );
}
