//! Plan loading: any text is a plan or a clear error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(plan) = juknis::plan::load(&text) {
        let _ = juknis::engine::Skema::dari_plan(&plan);
    }
});
