//! Format round trip: formatting is idempotent, keeps the diagnostic codes
//! (messages may quote the re-spaced source) and, for a clean file, the plan.
//! The body is shared by the fuzz target (fuzz/fuzz_targets/) and the corpus
//! replay test (tests/fuzz_corpus.rs).

fn meaning(s: &str) -> (Vec<String>, Option<String>) {
    let checked = juknis::check_bytes(s.as_bytes());
    let mut codes: Vec<String> = checked.diagnostics.iter().map(|d| d.code.clone()).collect();
    codes.sort();
    let plan = checked
        .juknis
        .as_ref()
        .filter(|_| checked.errors() == 0)
        .map(|j| {
            let mut p = juknis::compile::compile(j, checked.rulebook, "f.juknis", b"");
            p.sha256_rencana = String::new();
            p.to_json()
        });
    (codes, plan)
}

pub fn run(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(out) = juknis::format::format(src) else {
        return;
    };
    assert_eq!(
        juknis::format::format(&out).ok().as_deref(),
        Some(out.as_str()),
        "not idempotent"
    );
    assert_eq!(meaning(&out), meaning(src), "meaning changed");
}
