//! Parse + check (+ compile when clean) of arbitrary bytes: never a panic; a
//! clean file's plan loads back and the engine accepts it (TK excepted: it
//! admits by age only and has nothing to select). The conformance report of
//! any input renders in every format, and any input compared with itself has
//! no change.
//! The body is shared by the fuzz target (fuzz/fuzz_targets/) and the corpus
//! replay test (tests/fuzz_corpus.rs).

pub fn run(data: &[u8]) {
    let checked = juknis::check_bytes(data);
    let lang = juknis::diagnostic::Lang::Id;
    let report = juknis::kepatuhan::build("f.juknis", data, &checked, lang);
    let _ = juknis::kepatuhan::html::render(&report);
    let _ = juknis::kepatuhan::markdown::render(&report);
    let _ = juknis::kepatuhan::json(&report);
    let side = juknis::banding::Berkas {
        nama: "f.juknis",
        bytes: data,
        checked: &checked,
    };
    let same = juknis::banding::compare(&side, &side, lang);
    assert!(
        same.perubahan.is_empty() && same.masalah_baru.is_empty() && same.masalah_hilang.is_empty(),
        "a juknis compared with itself changes: {:?}",
        same.perubahan.iter().map(|p| &p.subjek).collect::<Vec<_>>()
    );
    let _ = juknis::banding::render::human(&same);
    if let Some(j) = checked.juknis.as_ref().filter(|_| checked.errors() == 0) {
        let plan = juknis::compile::compile(j, checked.rulebook, "f.juknis", data);
        let back = juknis::plan::load(&plan.to_json());
        assert!(back.is_ok(), "a compiled plan must load: {back:?}");
        if plan.juknis.jenjang != juknis::model::Jenjang::TK {
            let prepared = juknis::engine::Prepared::from_plan(&plan);
            assert!(
                prepared.is_ok(),
                "a clean juknis must run: {:?}",
                prepared.err()
            );
        }
    }
}
