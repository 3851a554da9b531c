//! Fuzz target; the body, with what it asserts, is in fuzz/bodies/jalankan.rs.
#![no_main]
#[path = "../bodies/jalankan.rs"]
mod body;
libfuzzer_sys::fuzz_target!(|data: &[u8]| body::run(data));
