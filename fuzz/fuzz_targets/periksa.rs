//! Parse + check (+ compile when clean) of arbitrary bytes: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = juknis::check_bytes(data);
    if let Some(j) = checked.juknis.as_ref().filter(|_| checked.errors() == 0) {
        let plan = juknis::plan::compile(j, checked.rulebook, "f.juknis", data);
        let back = juknis::plan::load(&plan.to_json());
        assert!(back.is_ok(), "a compiled plan must load: {back:?}");
    }
});
