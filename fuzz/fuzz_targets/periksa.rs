//! Fuzz target; the body, with what it asserts, is in fuzz/bodies/periksa.rs.
#![no_main]
#[path = "../bodies/periksa.rs"]
mod body;
libfuzzer_sys::fuzz_target!(|data: &[u8]| body::run(data));
